//! Turning the names found in an article's regions into entities, aliases merged.
//!
//! Known names group by gazetteer entity (so `Vladimir Putin`, `पुतिन` and `व्लादिमीर पुतिन`
//! are one), rule-found names by kind and folded text. A rule-found name that is the start
//! or end of a longer person's name joins it, and a lone given name or surname of a person
//! named in full elsewhere in the article (`किम`, `पेस्कोव`) becomes a mention of that person,
//! unless two people share it.

use super::gazetteer::{Matcher, entity_id};
use super::model::{Entity, EntityKind};
use super::scan::{Cand, Scan, Source};
use super::tokens::Gap;
use super::words::{COMMON, CUE, EPITHET, FastMap, HONORIFIC, NOT_NAME, ORG_HEAD, STOP};
use crate::span::Span;
use std::rc::Rc;

struct Group {
    kind: EntityKind,
    known: Option<usize>,
    /// Absolute span and the folded words, space-separated.
    mentions: Vec<(Span, Rc<str>)>,
}

type FastHasher = std::hash::BuildHasherDefault<super::words::Fnv>;

/// One shared copy of each spelling: a long article names the same few people a million
/// times, and a string per mention would cost more memory than the article.
#[derive(Default)]
struct Spellings(std::collections::HashSet<Rc<str>, FastHasher>);

impl Spellings {
    fn get(&mut self, words: &str) -> Rc<str> {
        if let Some(k) = self.0.get(words) {
            return Rc::clone(k);
        }
        let k: Rc<str> = words.into();
        self.0.insert(Rc::clone(&k));
        k
    }
}

/// About how much memory whole scans may hold for the second pass before scans are let
/// go: every ordinary article fits, so it is never folded twice; for a huge one, the pieces
/// beyond the budget are folded again in the second pass, and only two bits per word
/// ([`Words`]) are held for them, so memory stays bounded.
const KEEP_BYTES: usize = 8 << 20;

/// The memory a scan of `text` is taken to hold: its folded copy, the words (about
/// one per 12 bytes, 48 bytes each with what covers them) and a few allocations.
fn scan_cost(text: &str) -> usize {
    text.len() * 5 + 512
}

/// Per word of every piece, in order: whether a found name (not a demonym) covers it, and
/// whether any candidate at all claimed it.
#[derive(Default)]
struct Words {
    covered: Vec<bool>,
    claimed: Vec<bool>,
}

/// Joins the names found in an article's scanned pieces into entities, aliases merged.
/// Pieces are added one at a time ([`Merger::add`]) so a long article never holds all its
/// scans at once: the first pieces' scans are kept for the second pass while they fit in
/// [`KEEP_BYTES`]; the rest are let go, and [`Merger::finish`] folds them again from the
/// same pieces (a long article of short lines has hundreds of thousands, so nothing is
/// kept per piece but two bits per word).
pub struct Merger<'m, 'a> {
    matcher: &'m Matcher,
    text: &'a str,
    groups: Vec<Group>,
    by_key: FastMap<String, usize>,
    /// The scans of the first pieces.
    kept: Vec<Scan<'a>>,
    /// Whether a scan was let go (every later one is let go too).
    dropped: bool,
    words: Words,
    /// The [`scan_cost`] of the scans in `kept`.
    kept_cost: usize,
    /// [`KEEP_BYTES`], but small in tests so the dropped path is tried on short text.
    keep_bytes: usize,
    spellings: Spellings,
}

impl<'m, 'a> Merger<'m, 'a> {
    pub fn new(matcher: &'m Matcher, text: &'a str) -> Self {
        Merger {
            matcher,
            text,
            groups: Vec::new(),
            by_key: FastMap::default(),
            kept: Vec::new(),
            dropped: false,
            words: Words::default(),
            kept_cost: 0,
            keep_bytes: KEEP_BYTES,
            spellings: Spellings::default(),
        }
    }

    /// A merger whose whole scans may cost at most `bytes` (see [`scan_cost`]).
    #[cfg(test)]
    pub fn keeping(matcher: &'m Matcher, text: &'a str, bytes: usize) -> Self {
        Merger {
            keep_bytes: bytes,
            ..Merger::new(matcher, text)
        }
    }

    /// Takes in the names of the scan of the next piece, `text[offset..]`.
    pub fn add(&mut self, offset: usize, scan: Scan<'a>) {
        let first_word = self.words.covered.len();
        self.words
            .covered
            .resize(first_word + scan.tokens.len(), false);
        let cov = &mut self.words.covered[first_word..];
        for c in scan.found() {
            if c.is_demonym() {
                continue;
            }
            cov[c.first..=c.last].iter_mut().for_each(|b| *b = true);
            let at = absolute(&scan, offset, c.start..c.end);
            let words = self
                .spellings
                .get(&scan.folded.text[scan.tokens[c.first].start..scan.tokens[c.last].end]);
            // An acronym in brackets joins the name it follows, and a body named in full
            // before the acronym the gazetteer knows is that body.
            let alias_of = match c.source {
                Source::AliasOf(j) => scan.cands[j],
                _ => None,
            };
            let target = alias_of
                .or_else(|| known_by_bracket(self.matcher, &scan, c))
                .or_else(|| expanded_before(self.matcher, &scan, c))
                .unwrap_or(c);
            let t = &scan.tokens;
            let target_words = &scan.folded.text[t[target.first].start..t[target.last].end];
            let (key, known) = if let Source::Known { entity, .. } = target.source
                && may_be_known(self.matcher, entity, target_words)
                && !another_countrys(self.matcher, &scan, target, entity)
            {
                (
                    self.matcher.gazetteer.known[entity].id.clone(),
                    Some(entity),
                )
            } else {
                (entity_id(c.kind, target_words), None)
            };
            let groups = &mut self.groups;
            let g = *self.by_key.entry(key).or_insert_with(|| {
                groups.push(Group {
                    kind: c.kind,
                    known,
                    mentions: Vec::new(),
                });
                groups.len() - 1
            });
            groups[g].mentions.push((at, words));
            if (target.first, target.last) != (c.first, c.last) {
                // The acronym is this body's in the rest of the article too (`आईआरईएल` after
                // `इंडियन रेयर अर्थ्स लिमिटेड (आईआरईएल)`).
                // (Only a name no list knows is taken so: see `expanded_before`.)
                let own = &scan.folded.text[t[c.first].start..t[c.last].end];
                self.by_key.entry(entity_id(c.kind, own)).or_insert(g);
            }
        }
        let claimed = (0..scan.tokens.len()).map(|i| scan.covering(i).is_some());
        self.words.claimed.extend(claimed);
        self.kept_cost += scan_cost(scan.original);
        self.dropped |= self.kept_cost > self.keep_bytes;
        if !self.dropped {
            self.kept.push(scan);
        }
    }

    /// The article's entities, in order of first mention. `pieces` are the pieces given
    /// to [`Merger::add`], in the same order.
    pub fn finish(mut self, pieces: impl Iterator<Item = Span>) -> Vec<Entity> {
        join_partial_names(&mut self.groups);
        join_borrowed_names(self.text, &mut self.groups);
        join_aliases(self.text, &mut self.groups);
        link_short_mentions(
            self.matcher,
            Scans {
                text: self.text,
                kept: &self.kept,
                pieces,
            },
            &mut self.words,
            &mut self.groups,
            &mut self.spellings,
        );
        join_same_words(&mut self.groups);
        join_short_names(&mut self.groups);
        let (matcher, text) = (self.matcher, self.text);
        let mut out: Vec<Entity> = self
            .groups
            .into_iter()
            .filter(|g| !g.mentions.is_empty() && !ordinary_person(g))
            .map(|g| build(matcher, text, g))
            .collect();
        out.sort_by_key(|e| e.mentions.first().copied());
        out
    }
}

/// Whether `group` is a person no list knows named only in ordinary words, once at least
/// in two (`भर्ती परीक्षा … भर्ती`, `नाटक अकादमी`: see [`super::words::ordinary`]). Not a
/// name of one word: many given names are ordinary words too (`निधि`, `सागर`, `कल्पना`:
/// the review).
fn ordinary_person(group: &Group) -> bool {
    group.kind == EntityKind::Person
        && group.known.is_none()
        && group.mentions.iter().any(|(_, words)| words.contains(' '))
        && group.mentions.iter().all(|(_, words)| {
            words
                .split(' ')
                .all(|w| super::words::ordinary(super::hash::word_hash(w)))
        })
}

/// Words many bodies' names begin with: sharing one says nothing (`अखिल भारतीय किसान सभा
/// (माकपा)` is not the party).
const GENERIC_NAME_WORDS: &[&str] = &["भारतीय", "इंडियन", "अखिल", "नेशनल", "ऑल", "इंडिया"];

/// `केंद्रीय जांच ब्यूरो (सीबीआई)`: an organisation named in full, in words the gazetteer
/// does not list (`जांच` for `अन्वेषण`, `बंबई` for `बॉम्बे`), right before the bracketed
/// acronym of a body it knows, is that body (trial 59: they were two), if the two names
/// share words: `महिला मोर्चा (भाजपा)` is the party's wing, not the party.
fn known_by_bracket(matcher: &Matcher, scan: &Scan, c: Cand) -> Option<Cand> {
    if c.kind != EntityKind::Organization || matches!(c.source, Source::Known { .. }) {
        return None;
    }
    let short = scan.covering(c.last + 1)?;
    let bracketed = short.first == c.last + 1
        && short.first == short.last
        && scan.gap_after(c.last).trim() == "("
        && scan.gap_after(short.last).trim_start().starts_with(')');
    let Source::Known { entity, .. } = short.source else {
        return None;
    };
    if !bracketed || short.kind != c.kind || short.is_demonym() {
        return None;
    }
    // Two words in common, or one word of its own (not `पार्टी`, `राष्ट्रीय`): `नेशनल
    // सिटिज़न पार्टी (एनसीपी)` is not `राष्ट्रवादी कांग्रेस पार्टी`.
    let known = folded_words(&matcher.gazetteer.known[entity].name);
    let shared: Vec<usize> = (c.first..=c.last)
        .filter(|&t| known.split(' ').any(|k| k == scan.text(t)))
        .collect();
    // `भारतीय`, `नेशनल` and their like are in no list but name no body of their own.
    let own = shared
        .iter()
        .any(|&t| scan.tokens[t].class == 0 && !GENERIC_NAME_WORDS.contains(&scan.text(t)));
    (shared.len() >= 2 || own).then_some(short)
}

/// `इंडियन रेयर अर्थ्स लिमिटेड (आईआरईएल)`, `… कॉर्पोरेशन (PSMC)`: an acronym no list knows in
/// brackets right after an organisation is that organisation's short name, where the tagger
/// found the two apart.
/// Not when the name before is itself taken for the acronym's known body
/// ([`known_by_bracket`]).
fn expanded_before(matcher: &Matcher, scan: &Scan, c: Cand) -> Option<Cand> {
    // An acronym the gazetteer knows stays that body's: `महिला मोर्चा (भाजपा)` is the party's
    // wing, and `सेंट्रल ब्यूरो ऑफ इन्वेस्टिगेशन (सीबीआई)` the body it knows (a review found
    // that spelling the name by the acronym's letters took the latter from the body).
    if c.kind != EntityKind::Organization
        || c.first != c.last
        || c.first == 0
        || matches!(c.source, Source::Known { .. })
    {
        return None;
    }
    let full = scan.covering(c.first - 1)?;
    let fits = full.last + 1 == c.first
        && full.kind == EntityKind::Organization
        && !full.is_demonym()
        && super::rules::bracketed_short_name(scan, full.last) == Some(c.first);
    (fits && known_by_bracket(matcher, scan, full).is_none()).then_some(full)
}

/// `डॉ. अश्विनी कोहली`: the rules join a given name to a known person's surname
/// (`राष्ट्रपति डोनल्ड ट्रंप` is Donald Trump however `डोनल्ड` is spelt), so the longer name
/// takes the known person's identity; but a first name that is none of that person's names
/// makes someone else of the same family, not the cricketer. Whether the folded `words`
/// (one space between) of a name holding a form of `entity` may be that entity. An initial
/// (`वी. कोहली`) or a spelling the gazetteer lists may.
fn may_be_known(matcher: &Matcher, entity: usize, words: &str) -> bool {
    let known = &matcher.gazetteer.known[entity];
    // `पंडित नेहरू`: an epithet the rules keep in the name is none of its words either.
    let mut own = words
        .split(' ')
        .skip_while(|w| is_title(w) || class_of(w) & EPITHET != 0);
    let Some(first) = own.next() else {
        return true;
    };
    if known.kind != EntityKind::Person
        || own.next().is_none()
        || first.chars().count() <= 2
        || !known.name.contains(' ')
    {
        return true;
    }
    if matcher
        .gazetteer
        .lookup(words)
        .is_some_and(|t| t.entity == entity)
    {
        return true;
    }
    // `डॉनल्ड` for `डोनाल्ड`: the same consonants, or a letter or two apart.
    // A short name a letter off is another name (`अमित`, `अजित`).
    let near = |w: &str| {
        let shorter = w.chars().count().min(first.chars().count());
        let allowed = if shorter < 5 { 0 } else { shorter / 3 };
        crate::text::edits(w, first) <= allowed || consonants(w) == consonants(first)
    };
    folded_words(&known.name).split(' ').any(near)
}

/// The letters of a word without its signs ([`is_sign`]): `डोनाल्ड` and `डॉनल्ड` are one.
fn consonants(w: &str) -> String {
    w.chars().filter(|&c| !is_sign(c)).collect()
}

/// A Devanagari vowel sign, virama, nukta or nasal mark: what spellings of a name most
/// often differ by.
fn is_sign(c: char) -> bool {
    matches!(c, '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{962}' | '\u{963}')
}

/// `पाकिस्तान के चुनाव आयोग`, `नाइजीरिया के स्वतंत्र राष्ट्रीय चुनाव आयोग`: a body the
/// gazetteer knows as India's under a name that does not say so (`चुनाव आयोग`, `रिज़र्व
/// बैंक`) is another country's when that country's name and `के`/`की`/`का` stand before it,
/// a few ordinary words apart at most.
fn another_countrys(matcher: &Matcher, scan: &Scan, c: Cand, entity: usize) -> bool {
    let known = &matcher.gazetteer.known[entity];
    let indian = |name: &str| {
        ["भारत", "इंडिया", "इंडियन", "india"]
            .iter()
            .any(|w| name.contains(w))
    };
    if known.kind != EntityKind::Organization || !known.name.starts_with("भारत") {
        return false;
    }
    let t = &scan.tokens;
    // Generic: made of ordinary words only (`चुनाव आयोग`, `थल सेना`), not a name of its own
    // (`भाजपा`, `कांग्रेस`, `सेबी`) nor one that names India.
    let generic = (c.first..=c.last).all(|i| t[i].is(COMMON | ORG_HEAD));
    if !generic || indian(&scan.folded.text[t[c.first].start..t[c.last].end].to_lowercase()) {
        return false;
    }
    let foreign = |place: Cand| match place.source {
        Source::Known { entity: p, .. } => {
            matcher.gazetteer.is_country(p) && !indian(&matcher.gazetteer.known[p].name)
        }
        _ => false,
    };
    // `बांग्लादेश चुनाव आयोग`, `नेपाली सेना`: the country or its demonym right before.
    if c.first > 0
        && t[c.first].gap == Gap::Space
        && scan
            .covering(c.first - 1)
            .is_some_and(|place| place.last + 1 == c.first && foreign(place))
    {
        return true;
    }
    // The postposition, past up to three ordinary words (`स्वतंत्र राष्ट्रीय`), not past a
    // word that ends a phrase (`पाकिस्तान के खिलाफ`, `अमेरिका के बाद`).
    let Some(of) = (c.first.saturating_sub(4)..c.first)
        .rev()
        .take_while(|&i| {
            scan.covering(i).is_none()
                && (["के", "की", "का"].contains(&scan.text(i)) || t[i].is(COMMON) && !t[i].is(STOP))
        })
        .find(|&i| ["के", "की", "का"].contains(&scan.text(i)))
    else {
        return false;
    };
    of.checked_sub(1)
        .and_then(|i| scan.covering(i))
        .is_some_and(|place| !place.is_demonym() && foreign(place))
}

fn absolute(scan: &Scan, offset: usize, folded: std::ops::Range<usize>) -> Span {
    let r = scan.original(folded);
    Span::new(offset + r.start, offset + r.end)
}

/// Moves rule-found people (and organisations) whose words begin or end a longer name of
/// the same kind into that name's group, when exactly one such name exists.
///
/// Each name's first and last runs of words are indexed once, and a group's look-up is
/// one probe: comparing every group with every other's mentions made a long article's
/// extraction grow with the square of its names (a 15 MB text took four times a 5 MB one's
/// time). The index follows the moves: a group that takes another's mentions is found by
/// their parts too, and a group emptied by a move is no target.
fn join_partial_names(groups: &mut [Group]) {
    let mut parts = Parts::default();
    for (o, group) in groups.iter().enumerate() {
        parts.add(o, group.kind, &group.mentions);
    }
    for g in 0..groups.len() {
        if groups[g].known.is_some() || groups[g].mentions.is_empty() {
            continue;
        }
        let (kind, name) = (groups[g].kind, Rc::clone(&groups[g].mentions[0].1));
        let target = {
            let mut targets: Vec<usize> = parts
                .of(kind, &name)
                .filter(|&o| o != g && !groups[o].mentions.is_empty())
                .collect();
            targets.sort_unstable();
            targets.dedup();
            let first = targets.first().copied();
            let exact = match targets[..] {
                [one] => Some(one),
                // `नीरज चोपड़ा … उनके चाचा भीम चोपड़ा … चोपड़ा ने कहा`: a lone family name two
                // people share is the one the story names most (trial 61), as a reporter
                // shortens the subject's name; on a tie, the only one named before it
                // (`जॉर्ज वर्गीज़ … वर्गीज़ ने बताया … बेटे थॉमस वर्गीज़`: trial 65). Not a name
                // of two words or more.
                [_, _, ..] if kind == EntityKind::Person && !name.contains(' ') => {
                    most_named(groups, &targets).or_else(|| only_before(groups, &targets, g))
                }
                _ => None,
            };
            let near = || {
                (first.is_none() && kind == EntityKind::Person)
                    .then(|| parts.near(&name))
                    .flatten()
                    .filter(|&o| o != g && !groups[o].mentions.is_empty())
            };
            exact.or_else(near)
        };
        if let Some(t) = target {
            let moved = std::mem::take(&mut groups[g].mentions);
            parts.add(t, kind, &moved);
            groups[t].mentions.extend(moved);
        }
    }
}

/// Of `targets`, the group with more mentions than any other, if one has.
fn most_named(groups: &[Group], targets: &[usize]) -> Option<usize> {
    let count = |&g: &usize| groups[g].mentions.len();
    let best = *targets.iter().max_by_key(|g| count(g))?;
    let ties = targets.iter().filter(|g| count(g) == count(&best)).count();
    (ties == 1).then_some(best)
}

/// Of `targets`, the only group first named before group `g` is, if one is.
fn only_before(groups: &[Group], targets: &[usize], g: usize) -> Option<usize> {
    let first = |g: usize| groups[g].mentions.iter().map(|(s, _)| s.start).min();
    let at = first(g)?;
    let mut before = targets
        .iter()
        .filter(|&&t| first(t).is_some_and(|s| s < at));
    match (before.next(), before.next()) {
        (Some(&t), None) => Some(t),
        _ => None,
    }
}

/// Every proper first and last run of words of the groups' names (`नरेंद्र` and `मोदी` of
/// `नरेंद्र मोदी`), and a person's first and last word of three or more, with the groups
/// whose names they are part of.
///
/// A person's first and last words are also indexed by their consonants
/// ([`Parts::near`]), for a lone name spelt a vowel sign apart (`पांड्या` of `हार्दिक पंड्या`,
/// `पैरी` of `एलिस पेरी`).
#[derive(Default)]
struct Parts(
    FastMap<(EntityKind, String), Vec<usize>>,
    FastMap<String, Vec<(usize, String)>>,
);

impl Parts {
    /// Indexes the names of `mentions` as group `group`'s, each spelling once.
    fn add(&mut self, group: usize, kind: EntityKind, mentions: &[(Span, Rc<str>)]) {
        let mut done: Vec<&Rc<str>> = Vec::new();
        for (_, name) in mentions {
            if done.iter().any(|d| Rc::ptr_eq(d, name) || ***d == **name) {
                continue;
            }
            done.push(name);
            let all: Vec<&str> = name.split(' ').collect();
            let mut index = |part: String| {
                let at = self.0.entry((kind, part)).or_default();
                if at.last() != Some(&group) {
                    at.push(group);
                }
            };
            for k in 1..all.len() {
                for part in [&all[..k], &all[all.len() - k..]] {
                    index(part.join(" "));
                }
            }
            if kind != EntityKind::Person {
                continue;
            }
            // An epithet the span keeps (`नेताजी सुभाष चंद्र बोस`, `महात्मा ज्योतिबा फुले`) is
            // no part of the name a shorter mention repeats: the words after it are indexed
            // too.
            let epithets = all
                .iter()
                .take_while(|w| class_of(w) & super::words::EPITHET != 0)
                .count();
            let words = &all[epithets..];
            if epithets > 0 {
                for k in 1..words.len() {
                    index(words[..k].join(" "));
                }
            }
            // A person's first and last names without those between (`सुभाष बोस` of
            // `सुभाष चंद्र बोस`): a reporter's usual second mention (trial 58).
            if let [first, _, .., last] = words {
                index(format!("{first} {last}"));
            }
            if words.len() >= 2 {
                for word in [words[0], words[words.len() - 1]] {
                    let at = self.1.entry(consonants(word)).or_default();
                    // Only this group's own entries, at the end: a bucket shared by many
                    // names (`सिंह`, `सिंघ`) is not searched whole for each.
                    let had = at
                        .iter()
                        .rev()
                        .take_while(|(g, _)| *g == group)
                        .any(|(_, w)| w == word);
                    if !had {
                        at.push((group, word.to_owned()));
                    }
                }
            }
        }
    }

    /// The one group of people whose name begins or ends in a word a vowel sign apart
    /// from the lone word `name` (of four letters or more), if only one is. Not a sign at
    /// the end, which makes another name (`सुशील`, `सुशीला`).
    fn near(&self, name: &str) -> Option<usize> {
        if name.contains(' ') || name.chars().count() < 4 {
            return None;
        }
        let end = name.chars().last();
        let mut groups = self
            .1
            .get(&consonants(name))?
            .iter()
            .filter(|(_, w)| w.chars().last() == end && crate::text::edits(w, name) <= 1)
            .map(|&(g, _)| g);
        let first = groups.next()?;
        groups.all(|g| g == first).then_some(first)
    }

    /// The groups of `kind` one of whose names `name` begins or ends (a group may come
    /// more than once).
    fn of(&self, kind: EntityKind, name: &str) -> impl Iterator<Item = usize> + '_ {
        self.0
            .get(&(kind, name.to_owned()))
            .into_iter()
            .flatten()
            .copied()
    }
}

/// `एम. के. स्टालिन ने … स्टालिन ने कहा`: a lone word the gazetteer knows as another
/// person's (`जोसेफ़ स्टालिन`'s `स्टालिन`) or a place's (`सोमनाथ`), in an article that
/// never names that person in full, is the one person named in full before it there whose
/// first or last word it is, as a reporter's short form of a name is the name given
/// before. Not a lone word with a title before it (`नीरव मोदी … प्रधानमंत्री मोदी`: the
/// other person) unless the full name had the same title, nor a place's name that is not the subject of a verb (`हरदीप सिंह पुरी
/// ने पुरी में`: the town): a place's every lone mention must be followed by `ने`.
fn join_borrowed_names(text: &str, groups: &mut [Group]) {
    let person = |g: &Group| g.kind == EntityKind::Person;
    // Each first and last word of a full name, with the groups it ends: once per spelling.
    let mut by_end: FastMap<String, Vec<usize>> = FastMap::default();
    for (gi, g) in groups.iter().enumerate().filter(|(_, g)| person(g)) {
        let mut spellings: Vec<&Rc<str>> = Vec::new();
        for (_, m) in &g.mentions {
            if !spellings.iter().any(|s| Rc::ptr_eq(s, m) || **s == *m) {
                spellings.push(m);
            }
        }
        for m in spellings {
            let Some((first, _)) = m.split_once(' ') else {
                continue;
            };
            let last = m.rsplit(' ').next().unwrap_or(first);
            for end in [first, last] {
                let at = by_end.entry(end.to_owned()).or_default();
                if at.last() != Some(&gi) {
                    at.push(gi);
                }
            }
        }
    }
    for g in 0..groups.len() {
        let group = &groups[g];
        let Some(word) = group.mentions.first().map(|m| Rc::clone(&m.1)) else {
            continue;
        };
        // A known place too: `एस. सोमनाथ … सोमनाथ ने बताया` is the person, not the town.
        let lone = group.known.is_some()
            && group.kind != EntityKind::Organization
            && !word.contains(' ')
            && group.mentions.iter().all(|m| *m.1 == *word);
        if !lone {
            continue;
        }
        let first = group.mentions.iter().map(|m| m.0.start).min();
        let mut named = by_end
            .get(&*word)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&o| o != g)
            .filter(|&o| groups[o].mentions.iter().map(|m| m.0.start).min() < first);
        let (Some(t), None) = (named.next(), named.next()) else {
            continue;
        };
        // `डॉ. अश्विनी कोहली … डॉ. कोहली`: the title the full name had is no other person's.
        let titled_as_named = |title: &str| {
            groups[t]
                .mentions
                .iter()
                .any(|m| word_before(text, m.0).as_deref() == Some(title))
        };
        let fits = |&(at, _): &(Span, Rc<str>)| {
            let other = word_before(text, at)
                .is_some_and(|w| is_title(&w) && !titled_as_named(&w) && !academic(&w));
            let agent = word_after(text, at).as_deref() == Some("ने");
            !other && (group.kind == EntityKind::Person || agent)
        };
        if group.mentions.iter().all(fits) {
            let moved = std::mem::take(&mut groups[g].mentions);
            groups[t].mentions.extend(moved);
        }
    }
}

/// `रमेश यादव उर्फ़ पप्पू … पप्पू को अदालत में`: a name right after `उर्फ़` is the one before
/// it by another name, so its group (every mention of it in the article) joins the group
/// of the name before. Only within a kind: the tagger gives the name after `उर्फ़` a
/// person's kind where the one before is a person. The nickname alone elsewhere, which
/// the tagger may have taken for another kind (`गुड्डू पर … मामले`, a place), is the same
/// one too: a group of no list spelt only so joins as well. A nickname two people share
/// (`पप्पू` is many), or a name a list knows (`पप्पू उर्फ़ केजरीवाल`), gives up only the
/// mention after `उर्फ़`. The entity is named by its longest mention, as any is.
fn join_aliases(text: &str, groups: &mut [Group]) {
    // (Folded, `उर्फ़` has no nukta; a precomposed `फ़` is another spelling of the text.)
    if !text.contains("उर्फ") && !text.contains("उर\u{94d}\u{95e}") {
        return;
    }
    let mut starts: FastMap<usize, usize> = FastMap::default();
    for (g, group) in groups.iter().enumerate() {
        for (at, _) in &group.mentions {
            starts.entry(at.start).or_insert(g);
        }
    }
    // Each (name before, nickname's group, where the nickname starts).
    let mut pairs = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        for (at, _) in &group.mentions {
            if let Some(start) = after_alias_word(text, at.end)
                && let Some(&h) = starts.get(&start)
                && h != g
                && groups[h].kind == group.kind
            {
                pairs.push((g, h, start));
            }
        }
    }
    let shared = |h: usize| {
        pairs.iter().filter(|p| p.1 == h).map(|p| p.0).min()
            != pairs.iter().filter(|p| p.1 == h).map(|p| p.0).max()
    };
    let whole: Vec<bool> = pairs
        .iter()
        .map(|&(_, h, _)| groups[h].known.is_none() && !shared(h))
        .collect();
    // Single-spelt groups of no list, by their spelling: lone mentions of a nickname.
    let mut lone: FastMap<Rc<str>, Vec<usize>> = FastMap::default();
    for (o, group) in groups.iter().enumerate() {
        if let Some(first) = group.mentions.first()
            && group.known.is_none()
            && group.mentions.iter().all(|m| m.1 == first.1)
        {
            lone.entry(Rc::clone(&first.1)).or_default().push(o);
        }
    }
    for (&(g, h, start), whole) in pairs.iter().zip(whole) {
        if !whole {
            let (here, elsewhere): (Vec<_>, Vec<_>) = std::mem::take(&mut groups[h].mentions)
                .into_iter()
                .partition(|m| m.0.start == start);
            groups[h].mentions = elsewhere;
            groups[g].mentions.extend(here);
            continue;
        }
        let spelling = groups[h]
            .mentions
            .iter()
            .find(|m| m.0.start == start)
            .map(|m| Rc::clone(&m.1));
        let moved = std::mem::take(&mut groups[h].mentions);
        groups[g].mentions.extend(moved);
        for o in spelling
            .and_then(|s| lone.get(&s))
            .into_iter()
            .flatten()
            .copied()
        {
            if o != g {
                let moved = std::mem::take(&mut groups[o].mentions);
                groups[g].mentions.extend(moved);
            }
        }
    }
}

/// Where the name after `उर्फ़` starts when `उर्फ़` (in either spelling) is the word right
/// after a mention that ends at `end`: past the word, the spaces and an opening quote.
fn after_alias_word(text: &str, end: usize) -> Option<usize> {
    let rest = text[end..].trim_start_matches(' ');
    // Both spellings start so; most mentions are followed by something else, unfolded.
    if !rest.starts_with("उर") {
        return None;
    }
    let len = rest
        .find(|c: char| !super::tokens::is_word_char(c))
        .unwrap_or(rest.len());
    if len == 0 || crate::text::fold::fold(&rest[..len]) != "उर्फ" {
        return None;
    }
    let next = rest[len..].trim_start_matches([' ', '\'', '"', '‘', '“']);
    (!next.is_empty()).then(|| text.len() - next.len())
}

/// `डॉ.`, `प्रो.`: a title that says what someone studied, not who they are in the news
/// (`प्रधानमंत्री मोदी` is the Prime Minister; `डॉ. मोदी` after `सुनीता मोदी` is she).
fn academic(folded: &str) -> bool {
    // Folded once, not at every titled mention.
    static TITLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TITLES
        .get_or_init(|| {
            ["डॉ", "डा", "डॉक्टर", "प्रो", "प्रोफेसर", "प्रोफ़ेसर"]
                .iter()
                .map(|t| crate::text::fold::fold(t))
                .collect()
        })
        .iter()
        .any(|t| t == folded)
}

/// The word just before `at` in `text`, folded (`None` at a sentence's or the text's start).
fn word_before(text: &str, at: Span) -> Option<String> {
    // `डॉ. मोदी`: the abbreviation's dot is no break.
    let before = text[..at.start].trim_end_matches([' ', '.']);
    let word = before
        .rsplit(|c: char| !super::tokens::is_word_char(c))
        .next()?;
    (!word.is_empty()).then(|| crate::text::fold::fold(word))
}

/// The word just after `at` in `text`, folded.
fn word_after(text: &str, at: Span) -> Option<String> {
    let after = text[at.end..].trim_start_matches(' ');
    let word = after
        .split(|c: char| !super::tokens::is_word_char(c))
        .next()?;
    (!word.is_empty()).then(|| crate::text::fold::fold(word))
}

/// Whether a folded word is a designation or a title (`प्रधानमंत्री`, `श्री`).
fn is_title(word: &str) -> bool {
    class_of(word) & (CUE | HONORIFIC) != 0
}

/// The classes of the word lists a folded word is in.
fn class_of(word: &str) -> super::words::Class {
    super::words::words().class_of_hash(super::hash::word_hash(word))
}

/// `पंजाब किंग्स (पीबीकेएस) … पीबीकेएस के कप्तान`: a one-word name an organisation took (in
/// brackets after its full name) names it wherever else it stands alone.
fn join_short_names(groups: &mut [Group]) {
    let one_spelling = |g: &Group| {
        g.mentions
            .iter()
            .all(|m| g.mentions.first().is_some_and(|f| f.1 == m.1))
    };
    let mut holder: FastMap<Rc<str>, usize> = FastMap::default();
    for (g, group) in groups.iter().enumerate() {
        if group.kind == EntityKind::Organization && !one_spelling(group) {
            for m in group.mentions.iter().filter(|m| !m.1.contains(' ')) {
                holder.entry(Rc::clone(&m.1)).or_insert(g);
            }
        }
    }
    for g in 0..groups.len() {
        let group = &groups[g];
        let Some(word) = group.mentions.first().map(|m| Rc::clone(&m.1)) else {
            continue;
        };
        if group.kind != EntityKind::Organization || group.known.is_some() || !one_spelling(group) {
            continue;
        }
        if let Some(&h) = holder.get(&word)
            && h != g
        {
            let moved = std::mem::take(&mut groups[g].mentions);
            groups[h].mentions.extend(moved);
        }
    }
}

/// One word the tagger took for two kinds in one article (`नीतीश` a person here, a place
/// there) is one name: the kind it was taken for more often keeps all its mentions (a
/// person on a tie, as a lone word that acts is one more often than not). Names of the
/// gazetteer keep their kind.
fn join_same_words(groups: &mut [Group]) {
    // Groups by their one spelling, in one pass: a long article has thousands of names.
    let mut by_word: FastMap<Rc<str>, Vec<usize>> = FastMap::default();
    for (g, group) in groups.iter().enumerate() {
        let Some(first) = group.mentions.first().map(|m| &m.1) else {
            continue;
        };
        if group.known.is_none() && group.mentions.iter().all(|m| m.1 == *first) {
            by_word.entry(Rc::clone(first)).or_default().push(g);
        }
    }
    for same in by_word.values().filter(|same| same.len() > 1) {
        let rank = |g: usize| {
            (
                groups[g].mentions.len(),
                groups[g].kind == EntityKind::Person,
            )
        };
        let Some(&best) = same.iter().max_by_key(|&&g| rank(g)) else {
            continue;
        };
        for &g in same {
            if g != best && groups[g].kind != groups[best].kind {
                let moved = std::mem::take(&mut groups[g].mentions);
                groups[best].mentions.extend(moved);
            }
        }
    }
}

/// Finds lone given names and surnames of people named in full, and acronyms of
/// organisations introduced in brackets, in words no name covers.
/// The scans of an article's pieces again, with their offsets: those kept, then the rest
/// folded anew.
struct Scans<'s, 'a, I> {
    text: &'a str,
    kept: &'s [Scan<'a>],
    pieces: I,
}

/// `name`'s words folded as scans fold text, joined by one space.
fn folded_words(name: &str) -> String {
    let scan = Scan::words(name);
    let words: Vec<&str> = scan
        .tokens
        .iter()
        .map(|t| &scan.folded.text[t.start..t.end])
        .collect();
    words.join(" ")
}

fn link_short_mentions<I: Iterator<Item = Span>>(
    matcher: &Matcher,
    scans: Scans<I>,
    words: &mut Words,
    groups: &mut [Group],
    spellings: &mut Spellings,
) {
    // Keys are folded words joined by one space, as they stand in folded text.
    let mut keys: FastMap<String, Option<usize>> = FastMap::default();
    let w = super::words::words();
    for (gi, g) in groups.iter().enumerate() {
        // A person of the gazetteer is also known by its canonical name's words: named
        // in full only in Latin letters (`Nitish Kumar`), its Devanagari given name
        // (`नीतीश`) is still theirs.
        let canonical = g
            .known
            .filter(|_| g.kind == EntityKind::Person)
            .map(|k| folded_words(&matcher.gazetteer.known[k].name));
        let spelt = g.mentions.iter().map(|(_, joined)| &**joined);
        for joined in spelt.chain(canonical.as_deref()) {
            let words: Vec<&str> = joined.split(' ').collect();
            // An organisation's acronym, once introduced (`( सीआईआई )`), names it later too.
            // (A rule finds a one-word organisation only as an acronym or a short name in
            // brackets: `( नाबार्ड )` is read as a word, not spelt out in letters.)
            if g.kind == EntityKind::Organization && g.known.is_none() && words.len() == 1 {
                keys.entry(words[0].to_owned()).or_insert(Some(gi));
                continue;
            }
            if g.kind != EntityKind::Person || words.len() < 2 {
                continue;
            }
            let mut cands = vec![words[..1].to_vec(), words[words.len() - 1..].to_vec()];
            if words.len() >= 3 {
                cands.push(words[..2].to_vec());
            }
            for k in cands {
                let usable = k.iter().all(|x| {
                    w.class(x) & (NOT_NAME | CUE | HONORIFIC) == 0 && x.chars().count() >= 2
                });
                if !usable {
                    continue;
                }
                let e = keys.entry(k.join(" ")).or_insert(Some(gi));
                if *e != Some(gi) {
                    *e = None;
                }
            }
        }
    }
    keys.retain(|_, v| v.is_some());
    if keys.is_empty() {
        return;
    }
    // `… बैंक ( नाबार्ड ) … नाबार्ड ने कहा`: a rule took the short name alone for a person
    // (a speaker) or an organisation of its own (an acronym that acts); it is the
    // organisation introduced with it. Likewise a name found alone (by the tagger, of any
    // kind) that is only ever the given name or surname of one person named in full is
    // that person: `नीतीश` beside `नीतीश कुमार` was a person and a place of its own.
    for g in 0..groups.len() {
        if groups[g].known.is_some() {
            continue;
        }
        let mut target = groups[g].mentions.iter().map(|(_, w)| keys.get(&**w));
        if let Some(Some(Some(o))) = target.next()
            && *o != g
            && matches!(
                groups[*o].kind,
                EntityKind::Organization | EntityKind::Person
            )
            && target.all(|t| t == Some(&Some(*o)))
        {
            let o = *o;
            let moved = std::mem::take(&mut groups[g].mentions);
            groups[o].mentions.extend(moved);
        }
    }
    let mut first_word = 0;
    for (i, piece) in scans.pieces.enumerate() {
        let rescanned;
        let scan = if let Some(scan) = scans.kept.get(i) {
            scan
        } else {
            rescanned = Scan::words(piece.of(scans.text));
            &rescanned
        };
        let n = scan.tokens.len();
        let cov = &mut words.covered[first_word..first_word + n];
        let claimed = &words.claimed[first_word..first_word + n];
        first_word += n;
        let toks = &scan.tokens;
        let free = |i: usize, cov: &[bool]| i < toks.len() && !cov[i];
        // A neighbouring unknown word joined by a space means a different, longer name.
        let joined_name = |i: usize| {
            i < toks.len()
                && toks[i].gap == Gap::Space
                && toks[i].class & (STOP | NOT_NAME) == 0
                && !claimed[i]
        };
        let mut i = 0;
        while i < toks.len() {
            // Function words and common nouns are never keys: skip the lookups.
            if !free(i, cov) || toks[i].class & (STOP | NOT_NAME) != 0 {
                i += 1;
                continue;
            }
            let mut hit = None;
            for len in [2, 1] {
                if len == 2 && !(free(i + 1, cov) && toks[i + 1].gap == Gap::Space) {
                    continue;
                }
                let k = &scan.folded.text[toks[i].start..toks[i + len - 1].end];
                if let Some(Some(g)) = keys.get(k) {
                    hit = Some((len, *g));
                    break;
                }
            }
            let Some((len, g)) = hit else {
                i += 1;
                continue;
            };
            let before_joined = i > 0
                && toks[i].gap == Gap::Space
                && toks[i - 1].class & (STOP | NOT_NAME) == 0
                && !cov[i - 1];
            if before_joined || joined_name(i + len) {
                i += len;
                continue;
            }
            let at = absolute(scan, piece.start, toks[i].start..toks[i + len - 1].end);
            let words = spellings.get(&scan.folded.text[toks[i].start..toks[i + len - 1].end]);
            groups[g].mentions.push((at, words));
            cov[i..i + len].iter_mut().for_each(|b| *b = true);
            i += len;
        }
    }
}

fn build(matcher: &Matcher, text: &str, mut g: Group) -> Entity {
    g.mentions.sort_by_key(|m| m.0);
    g.mentions.dedup_by_key(|m| m.0);
    let (id, name) = if let Some(k) = g.known {
        let known = &matcher.gazetteer.known[k];
        (known.id.clone(), known.name.clone())
    } else {
        let longest = g
            .mentions
            .iter()
            .max_by_key(|m| (m.1.split(' ').count(), std::cmp::Reverse(m.0)))
            .expect("non-empty");
        let name = longest
            .0
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (entity_id(g.kind, &name), name)
    };
    let mut aliases: Vec<String> = Vec::new();
    for (span, _) in &g.mentions {
        let t = span.of(text);
        if t != name && !aliases.iter().any(|a| a == t) {
            aliases.push(t.to_owned());
        }
    }
    Entity {
        id,
        name,
        kind: g.kind,
        aliases,
        mentions: g.mentions.into_iter().map(|m| m.0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(kind: EntityKind, names: &[&str]) -> Group {
        Group {
            kind,
            known: None,
            mentions: names
                .iter()
                .enumerate()
                .map(|(i, n)| (Span::new(i * 10, i * 10 + 5), Rc::from(*n)))
                .collect(),
        }
    }

    fn sizes(groups: &[Group]) -> Vec<usize> {
        groups.iter().map(|g| g.mentions.len()).collect()
    }

    /// A short name joins the one longer name of its kind it begins or ends; with two
    /// such names, or none, it stays apart.
    #[test]
    fn a_part_of_one_longer_name_joins_it() {
        use EntityKind::{Organization, Person};
        let mut groups = vec![
            group(Person, &["नरेंद्र मोदी"]),
            group(Person, &["मोदी", "मोदी"]),
            group(Person, &["राहुल गांधी"]),
            group(Person, &["राहुल द्रविड़"]),
            group(Person, &["राहुल"]),
            group(Organization, &["गांधी"]),
            group(Person, &["दामोदरदास मोदी"]),
            group(Person, &["दामोदरदास"]),
        ];
        join_partial_names(&mut groups);
        assert_eq!(sizes(&groups), [1, 2, 1, 1, 1, 1, 2, 0]);
    }

    /// The index follows a move: once the middle name has joined the longest, the first
    /// word begins only that one, and joins it.
    #[test]
    fn a_name_joined_takes_its_parts_along() {
        let mut groups = vec![
            group(EntityKind::Person, &["नरेंद्र दामोदरदास मोदी"]),
            group(EntityKind::Person, &["नरेंद्र दामोदरदास"]),
            group(EntityKind::Person, &["नरेंद्र"]),
        ];
        join_partial_names(&mut groups);
        assert_eq!(sizes(&groups), [3, 0, 0]);
    }
}
