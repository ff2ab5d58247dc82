//! The date words (`assets/dates.toml`) as one lookup table and one trigger automaton,
//! built once per process.
//!
//! The automaton finds the few places in a text where a date can start (a trigger word
//! or a digit), so the grammar only runs there; the table says what each word means.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use super::spelling::variants;
use crate::extract::entities::FastMap;

/// A length of time, from seconds to centuries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
    Century,
}

/// A part of the day, with `TimeML`'s names for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub(super) const fn timeml(self) -> &'static str {
        match self {
            Self::Morning => "MO",
            Self::Afternoon => "AF",
            Self::Evening => "EV",
            Self::Night => "NI",
        }
    }
}

/// What a word can start or be the head of. Months and weekdays count from 1 (January,
/// Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
    Month(u8),
    EnMonth(u8),
    Weekday(u8),
    EnWeekday(u8),
    EnWeekdayAbbr(u8),
    Unit(Unit),
    UnitAdjective(Unit),
    Set(Unit),
    /// दिनभर, सालभर: the whole of one unit, a length.
    WholePeriod(Unit),
    Number(i32),
    /// डेढ़, ढाई: a count with a fraction, in hundredths.
    Fraction(i32),
    /// पहली, इक्कीसवीं: before a month name a day, before सदी a century.
    Ordinal(i32),
    Vague,
    /// देर, समय: a length without a unit, after a vague quantity.
    VagueLength,
    /// Minutes added to the hour: साढ़े +30, सवा +15, पौने -15.
    ClockFraction(i8),
    Prev,
    Next,
    This,
    Coming,
    Every,
    /// इन, उन, उस: those days, that year: a time of the story with no value to give.
    That,
    /// हाल: recently, with ही or a unit after it.
    Recent,
    Today,
    Kal,
    Parson,
    Yesterday,
    Tomorrow,
    Part(Part),
    Zone(i32),
    Meridiem {
        pm: bool,
    },
}

/// Roles a word plays around a date without starting one; a word may have several.
pub(super) mod role {
    pub const OCLOCK: u16 = 1;
    pub const ERA: u16 = 1 << 1;
    pub const EDGE: u16 = 1 << 2;
    pub const BEFORE: u16 = 1 << 3;
    pub const AFTER: u16 = 1 << 4;
    pub const DAY_OF_MONTH: u16 = 1 << 5;
    pub const ORDINAL: u16 = 1 << 6;
    pub const GENITIVE: u16 = 1 << 7;
    pub const QUANTITY: u16 = 1 << 8;
    pub const YEAR_FOLLOWER: u16 = 1 << 9;
    pub const COMING_TAIL: u16 = 1 << 10;
    pub const QUALIFIER: u16 = 1 << 11;
    pub const PART_PREFIX: u16 = 1 << 12;
    pub const ERA_AFTER: u16 = 1 << 13;
    pub const MARCH_BEFORE: u16 = 1 << 14;
    pub const APPROX: u16 = 1 << 15;
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Entry {
    pub lex: Option<Lex>,
    pub roles: u16,
}

impl Entry {
    pub(super) const fn has(self, role: u16) -> bool {
        self.roles & role != 0
    }
}

pub(super) struct Lexicon {
    /// FNV, not the standard hasher: every word of every text is looked up here.
    words: FastMap<String, Entry>,
    pub triggers: AhoCorasick,
    /// Stems of verbs after which मार्च is a procession: "मार्च निकाला".
    pub march_verbs: Vec<String>,
    /// Which week of a month a word before सप्ताह names (1 to 4, -1 the last).
    pub week_ordinals: HashMap<String, i8>,
}

impl Lexicon {
    /// What `word` means; English words are looked up case-insensitively.
    pub(super) fn entry(&self, word: &str) -> Entry {
        let found = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.words.get(&word.to_ascii_lowercase())
        } else {
            self.words.get(word)
        };
        found.copied().unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct Lists {
    months: Vec<Vec<String>>,
    en_months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    en_weekdays: Vec<Vec<String>>,
    en_weekday_abbrs: Vec<Vec<String>>,
    units: HashMap<Unit, Vec<String>>,
    unit_adjectives: HashMap<Unit, Vec<String>>,
    sets: HashMap<Unit, Vec<String>>,
    whole_periods: HashMap<Unit, Vec<String>>,
    numbers: HashMap<String, i32>,
    ordinals: HashMap<String, i32>,
    week_ordinals: HashMap<String, i8>,
    fractions: HashMap<String, i32>,
    vague_quantities: Vec<String>,
    vague_lengths: Vec<String>,
    clock_fractions: HashMap<String, i8>,
    prev: Vec<String>,
    next: Vec<String>,
    this: Vec<String>,
    coming: Vec<String>,
    coming_tail: Vec<String>,
    every: Vec<String>,
    that: Vec<String>,
    recent: Vec<String>,
    today: Vec<String>,
    kal: Vec<String>,
    parson: Vec<String>,
    yesterday: Vec<String>,
    tomorrow: Vec<String>,
    parts_of_day: HashMap<Part, Vec<String>>,
    roles: RoleLists,
    zones: HashMap<String, i32>,
}

#[derive(Deserialize)]
struct RoleLists {
    oclock: Vec<String>,
    meridiem_am: Vec<String>,
    meridiem_pm: Vec<String>,
    era: Vec<String>,
    edges: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    day_of_month: Vec<String>,
    ordinal_suffixes: Vec<String>,
    genitives: Vec<String>,
    quantity_words: Vec<String>,
    year_followers: Vec<String>,
    qualifiers: Vec<String>,
    part_prefixes: Vec<String>,
    era_after: Vec<String>,
    march_before: Vec<String>,
    march_verbs: Vec<String>,
    approx: Vec<String>,
}

/// The shared lexicon; the word list is part of the binary, so a bad list is a build bug
/// caught by the first test.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let lists: Lists = toml::from_str(include_str!("../../../assets/dates.toml"))
            .expect("assets/dates.toml is valid");
        build(&lists)
    })
}

fn build(l: &Lists) -> Lexicon {
    let mut words: FastMap<String, Entry> = FastMap::default();
    let mut set = |word: &str, lex: Option<Lex>, roles: u16| {
        for form in variants(word) {
            let e = words.entry(form).or_default();
            if e.lex.is_none() {
                e.lex = lex;
            }
            e.roles |= roles;
        }
    };
    let numbered =
        |lists: &[Vec<String>], f: fn(u8) -> Lex, set: &mut dyn FnMut(&str, Option<Lex>, u16)| {
            for (i, forms) in lists.iter().enumerate() {
                for w in forms {
                    set(w, Some(f(i as u8 + 1)), 0);
                }
            }
        };
    numbered(&l.months, Lex::Month, &mut set);
    numbered(&l.en_months, Lex::EnMonth, &mut set);
    numbered(&l.weekdays, Lex::Weekday, &mut set);
    numbered(&l.en_weekdays, Lex::EnWeekday, &mut set);
    numbered(&l.en_weekday_abbrs, Lex::EnWeekdayAbbr, &mut set);
    for (unit, forms) in &l.units {
        for w in forms {
            set(w, Some(Lex::Unit(*unit)), 0);
        }
    }
    for (unit, forms) in &l.unit_adjectives {
        for w in forms {
            set(w, Some(Lex::UnitAdjective(*unit)), 0);
        }
    }
    for (unit, forms) in &l.sets {
        for w in forms {
            set(w, Some(Lex::Set(*unit)), 0);
        }
    }
    for (unit, forms) in &l.whole_periods {
        for w in forms {
            set(w, Some(Lex::WholePeriod(*unit)), 0);
        }
    }
    for (w, n) in &l.numbers {
        set(w, Some(Lex::Number(*n)), 0);
    }
    for (w, n) in &l.fractions {
        set(w, Some(Lex::Fraction(*n)), 0);
    }
    for (w, n) in &l.ordinals {
        set(w, Some(Lex::Ordinal(*n)), 0);
    }
    for (w, m) in &l.clock_fractions {
        set(w, Some(Lex::ClockFraction(*m)), 0);
    }
    for (w, z) in &l.zones {
        set(w, Some(Lex::Zone(*z)), 0);
    }
    for (part, forms) in &l.parts_of_day {
        for w in forms {
            set(w, Some(Lex::Part(*part)), 0);
        }
    }
    let plain: [(&[String], Lex); 16] = [
        (&l.that, Lex::That),
        (&l.recent, Lex::Recent),
        (&l.vague_quantities, Lex::Vague),
        (&l.vague_lengths, Lex::VagueLength),
        (&l.prev, Lex::Prev),
        (&l.next, Lex::Next),
        (&l.this, Lex::This),
        (&l.coming, Lex::Coming),
        (&l.every, Lex::Every),
        (&l.today, Lex::Today),
        (&l.kal, Lex::Kal),
        (&l.parson, Lex::Parson),
        (&l.yesterday, Lex::Yesterday),
        (&l.tomorrow, Lex::Tomorrow),
        (&l.roles.meridiem_am, Lex::Meridiem { pm: false }),
        (&l.roles.meridiem_pm, Lex::Meridiem { pm: true }),
    ];
    for (forms, lex) in plain {
        for w in forms {
            set(w, Some(lex), 0);
        }
    }
    let r = &l.roles;
    let roles: [(&[String], u16); 16] = [
        (&r.approx, role::APPROX),
        (&r.march_before, role::MARCH_BEFORE),
        (&r.era_after, role::ERA_AFTER),
        (&r.part_prefixes, role::PART_PREFIX),
        (&r.qualifiers, role::QUALIFIER),
        (&r.oclock, role::OCLOCK),
        (&r.era, role::ERA),
        (&r.edges, role::EDGE),
        (&r.before, role::BEFORE),
        (&r.after, role::AFTER),
        (&r.day_of_month, role::DAY_OF_MONTH),
        (&r.ordinal_suffixes, role::ORDINAL),
        (&r.genitives, role::GENITIVE),
        (&r.quantity_words, role::QUANTITY),
        (&r.year_followers, role::YEAR_FOLLOWER),
        (&l.coming_tail, role::COMING_TAIL),
    ];
    for (forms, bits) in roles {
        for w in forms {
            set(w, None, bits);
        }
    }

    let mut patterns: Vec<&str> = words
        .iter()
        .filter(|(w, e)| starts_a_date(**e) || is_plural_unit(w, **e))
        .map(|(w, _)| w.as_str())
        .collect();
    patterns.sort_unstable();
    patterns.extend(DIGITS);
    let triggers = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("date trigger automaton builds");
    Lexicon {
        words,
        triggers,
        march_verbs: l.roles.march_verbs.clone(),
        week_ordinals: l.week_ordinals.clone(),
    }
}

const DIGITS: [&str; 20] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "०", "१", "२", "३", "४", "५", "६", "७", "८",
    "९",
];

/// "घंटों", "सालों": a plural unit alone is a length of unknown count ("for hours").
pub(super) fn is_plural_unit(word: &str, e: Entry) -> bool {
    matches!(e.lex, Some(Lex::Unit(_))) && word.ends_with("ों")
}

/// Whether a date expression can begin with this word. Zones, units of short lengths and
/// the like only ever follow something else, so they need not wake the grammar.
fn starts_a_date(e: Entry) -> bool {
    if e.has(role::ERA) || e.has(role::PART_PREFIX) || (e.has(role::APPROX) && e.lex.is_none()) {
        return true;
    }
    match e.lex {
        Some(Lex::Unit(u)) => u == Unit::Year,
        Some(Lex::Zone(_) | Lex::Meridiem { .. } | Lex::UnitAdjective(_) | Lex::VagueLength)
        | None => false,
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_spelling_variants_resolve() {
        let lx = lexicon();
        assert_eq!(lx.entry("सितम्बर").lex, Some(Lex::Month(9)));
        assert_eq!(lx.entry("फरवरी").lex, Some(Lex::Month(2)));
        assert_eq!(lx.entry("फ\u{093C}रवरी").lex, Some(Lex::Month(2)));
        assert_eq!(lx.entry("\u{095E}रवरी").lex, Some(Lex::Month(2)));
        assert_eq!(lx.entry("Aug").lex, Some(Lex::EnMonth(8)));
        assert_eq!(lx.entry("गुरूवार").lex, Some(Lex::Weekday(4)));
        assert_eq!(lx.entry("पाँच").lex, Some(Lex::Number(5)));
        assert_eq!(lx.entry("IST").lex, Some(Lex::Zone(330)));
        assert!(lx.entry("बाद").has(role::AFTER));
        assert_eq!(lx.entry("सड़क"), Entry::default());
    }
}
