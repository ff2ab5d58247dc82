//! The list of known people, places and organisations, and the automaton that finds them.
//!
//! The lists live in `assets/gazetteer-*.toml`, one line per entity (`"canonical" = [forms]`),
//! so anyone can read and extend them; they are embedded in the binary. A user file with
//! the same layout extends them ([`Gazetteer::merge`]). Every form is folded
//! ([`crate::text::fold`]) before it goes into one Aho-Corasick automaton, so spelling
//! variants meet without listing each.

use crate::toml_lines::{describe, line_of, prefix, without_bad_lines};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;

use super::hash::{ByHash, mix, word_hash};
use super::model::EntityKind;
use super::tokens::is_word_char;
use crate::text::fold::fold;

/// The shipped lists; the countries come first (see [`Gazetteer::is_country`]).
const BUILTIN: [&str; 4] = [
    include_str!("../../../assets/gazetteer-countries.toml"),
    include_str!("../../../assets/gazetteer-places.toml"),
    include_str!("../../../assets/gazetteer-people.toml"),
    include_str!("../../../assets/gazetteer-organizations.toml"),
];

/// Why a gazetteer file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The text is not valid TOML or not in the `"name" = ["form", ...]` layout.
    #[error("gazetteer is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A `[demonym]` line names a place the gazetteer does not list.
    #[error("demonym line for unknown place {}", crate::text::sanitize::quoted(.0))]
    UnknownPlace(String),
}

/// The file layout: one table per kind, each line `"canonical" = [forms]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    place: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    person: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    organization: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    demonym: BTreeMap<String, Vec<String>>,
}

/// One known entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub kind: EntityKind,
    /// The canonical (Devanagari) name.
    pub name: String,
    /// `kind:folded name`, the same for rule-found names so ids never depend on the source.
    pub id: String,
}

/// What a folded form stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Index into [`Gazetteer::known`].
    pub entity: usize,
    /// The form is an adjective of the place (`रूसी`), not its name.
    pub demonym: bool,
    /// For a short Latin acronym (`US`, `WHO`, `LeT`): the only spelling that matches (an
    /// index into the gazetteer's case-sensitive forms), so English words (`us`, `who`,
    /// `let`) do not.
    pub exact: Option<u32>,
}

/// Known entities and their folded forms.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub known: Vec<Known>,
    forms: HashMap<String, Target>,
    by_id: HashMap<String, usize>,
    exact_forms: Vec<String>,
    /// The entities of the shipped list of countries are `known[..countries]`.
    countries: usize,
}

/// The id an entity of `kind` named `name` gets, wherever it was found.
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    let kind = match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "organization",
    };
    let folded = fold(name);
    let folded = folded.trim();
    // `… हवाई अड्डे पर` and `… हवाई अड्डा है`: a venue word inflected after a postposition
    // names the same place, in this article and across articles.
    for (oblique, direct) in DIRECT_FORMS {
        if let Some(stem) = folded.strip_suffix(oblique)
            && stem.ends_with(' ')
        {
            return format!("{kind}:{stem}{direct}");
        }
    }
    format!("{kind}:{folded}")
}

/// Venue words of a name that inflect before a postposition, and their direct forms.
const DIRECT_FORMS: &[(&str, &str)] = &[("अड्डे", "अड्डा"), ("अड्डों", "अड्डा"), ("किले", "किला")];

impl Gazetteer {
    /// The lists shipped with khabar.
    ///
    /// # Panics
    /// If an embedded list is malformed, which the test suite rules out.
    pub fn builtin() -> Self {
        let mut g = Self::default();
        for (i, text) in BUILTIN.iter().enumerate() {
            g.merge(text).expect("embedded gazetteer is valid");
            if i == 0 {
                g.countries = g.known.len();
            }
        }
        g
    }

    /// Whether `entity` is a country of the shipped list.
    pub fn is_country(&self, entity: usize) -> bool {
        entity < self.countries
    }

    /// Adds the entities of `toml_text` (same layout as the shipped lists). A form that
    /// was already known now points at the entity named here: the user file wins.
    pub fn merge(&mut self, toml_text: &str) -> Result<(), GazetteerError> {
        let file: File = toml::from_str(toml_text)?;
        match self.apply(&file).into_iter().next() {
            Some(place) => Err(GazetteerError::UnknownPlace(place)),
            None => Ok(()),
        }
    }

    /// Adds what can be read of a file a user wrote: each line that is not TOML, unknown
    /// section, entry that is not a list of names, and demonym of an unknown place is
    /// skipped and described (with its line); every other entry is added.
    pub fn merge_lenient(&mut self, toml_text: &str) -> Vec<String> {
        let (file, mut problems) = read_lenient(toml_text);
        for place in self.apply(&file) {
            let line = line_of(toml_text, Some("demonym"), &place);
            problems.push(format!(
                "{}[demonym] {place}: no place of that name is known",
                prefix(line)
            ));
        }
        problems
    }

    /// Adds the entities of `file`; returns the demonyms' places that are not known (their
    /// forms are not added).
    fn apply(&mut self, file: &File) -> Vec<String> {
        let mut unknown = Vec::new();
        let tables = [
            (EntityKind::Place, &file.place),
            (EntityKind::Person, &file.person),
            (EntityKind::Organization, &file.organization),
        ];
        for (kind, table) in tables {
            for (name, forms) in table {
                let entity = self.entity(kind, name);
                for form in std::iter::once(name).chain(forms) {
                    self.add_form(form, entity, false);
                    for dotted in dotted_initials(form) {
                        self.add_form(&dotted, entity, false);
                    }
                }
            }
        }
        for (place, forms) in &file.demonym {
            let id = entity_id(EntityKind::Place, place);
            let Some(&entity) = self.by_id.get(&id) else {
                unknown.push(place.clone());
                continue;
            };
            for form in forms {
                self.add_form(form, entity, true);
            }
        }
        unknown
    }

    fn entity(&mut self, kind: EntityKind, name: &str) -> usize {
        let id = entity_id(kind, name);
        if let Some(&i) = self.by_id.get(&id) {
            return i;
        }
        self.known.push(Known {
            kind,
            name: name.trim().to_owned(),
            id: id.clone(),
        });
        self.by_id.insert(id, self.known.len() - 1);
        self.known.len() - 1
    }

    fn add_form(&mut self, form: &str, entity: usize, demonym: bool) {
        let folded = fold(form).trim().to_owned();
        if folded.is_empty() {
            return;
        }
        let capitals = form.bytes().filter(u8::is_ascii_uppercase).count();
        let exact = (form.len() <= 5 && form.is_ascii() && capitals >= 2).then(|| {
            self.exact_forms.push(form.to_owned());
            (self.exact_forms.len() - 1) as u32
        });
        self.forms.insert(
            folded,
            Target {
                entity,
                demonym,
                exact,
            },
        );
    }

    /// What a folded form stands for, if the gazetteer knows it.
    pub fn lookup(&self, folded: &str) -> Option<Target> {
        self.forms.get(folded).copied()
    }

    /// The entity with this id.
    pub fn by_id(&self, id: &str) -> Option<&Known> {
        self.by_id.get(id).map(|&i| &self.known[i])
    }

    /// Whether `original` is spelt as a case-sensitive form must be.
    pub fn spelt_as(&self, target: Target, original: &str) -> bool {
        target
            .exact
            .is_none_or(|i| self.exact_forms[i as usize] == original)
    }

    /// Every folded form of a named entity (demonyms left out), with its entity's id: the
    /// index uses these so `putin` finds व्लादिमीर पुतिन.
    pub fn forms_by_id(&self) -> impl Iterator<Item = (&str, &str)> {
        self.forms
            .iter()
            .filter(|(_, t)| !t.demonym)
            .map(|(f, t)| (self.known[t.entity].id.as_str(), f.as_str()))
    }

    /// Number of distinct forms, for reports.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// Builds the matcher over every form.
    ///
    /// # Panics
    /// If the automaton cannot be built (it can for any set of non-empty strings).
    pub fn into_matcher(self) -> Matcher {
        let mut forms: Vec<(&String, &Target)> = self.forms.iter().collect();
        forms.sort_by(|a, b| a.0.cmp(b.0));
        let targets = forms.iter().map(|(_, t)| **t).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            // A contiguous NFA, not a DFA: 0.8 MB instead of 27 (every process that
            // extracts held the DFA, and built it through 85 MB), built in 15 ms instead of
            // 36, and extraction is no slower (cargo bench --bench extract: 28.1 MB/s on one
            // core against 27.6): the matcher walks only where a form can start, and the
            // smaller automaton stays in the CPU's caches.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(forms.iter().map(|(f, _)| f.as_str()))
            .expect("gazetteer automaton builds");
        let mut starts = HashSet::default();
        let mut words = HashMap::default();
        for &(form, &target) in &forms {
            let mut runs = form.split(|c| !is_word_char(c)).filter(|r| !r.is_empty());
            let first = word_hash(runs.next().unwrap_or_default());
            match runs.next() {
                Some(second) => {
                    starts.insert(mix(first, word_hash(second)));
                }
                None if form.chars().all(is_word_char) => {
                    words.insert(first, target);
                }
                // `डा.`: one word, but the automaton must see the dot.
                None => {
                    starts.insert(first);
                }
            }
        }
        Matcher {
            gazetteer: self,
            automaton,
            targets,
            starts,
            words,
        }
    }
}

/// A form that starts with initials written as Devanagari letter names (`एम के स्टालिन`)
/// as the news writes it too: with a full stop after each (`एम. के. स्टालिन`, `एम.के.
/// स्टालिन`). Without them, the surname alone matched another person's form
/// (`जोसेफ़ स्टालिन`'s `स्टालिन`).
fn dotted_initials(form: &str) -> Vec<String> {
    let words: Vec<&str> = form.split(' ').filter(|w| !w.is_empty()).collect();
    let initials = words
        .iter()
        .take_while(|w| !w.is_ascii() && super::rules::letter_count(w) == 1)
        .count();
    if initials == 0 || initials == words.len() {
        return Vec::new();
    }
    let rest = words[initials..].join(" ");
    let spaced: Vec<String> = words[..initials].iter().map(|w| format!("{w}.")).collect();
    vec![
        format!("{} {rest}", spaced.join(" ")),
        format!("{} {rest}", spaced.concat()),
    ]
}

/// A gazetteer compiled for matching.
#[derive(Debug, Clone)]
pub struct Matcher {
    pub gazetteer: Gazetteer,
    automaton: AhoCorasick,
    targets: Vec<Target>,
    /// Where the automaton is worth walking: the [`word_hash`] of each longer form's first
    /// word mixed with its second's (or the first word's alone, if punctuation follows).
    /// A known name ends on a word boundary, so its words are whole words of the text: a
    /// word that starts no longer form is passed over (`के` starts `के चंद्रशेखर राव`,
    /// but most `के` are followed by something else).
    starts: HashSet<u64, ByHash>,
    /// The forms that are one whole word, by [`word_hash`]: found without the automaton.
    words: HashMap<u64, Target, ByHash>,
}

/// A word of folded text, as [`Matcher::find_at`] looks at it.
#[derive(Debug, Clone, Copy)]
pub struct WordAt {
    pub start: usize,
    pub end: usize,
    /// The word's hash (`word_hash`), and the next word's (0 at the end).
    pub hash: u64,
    pub next: u64,
}

/// One occurrence of a known form in folded text (boundaries not yet checked).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

impl Matcher {
    fn hit(&self, m: aho_corasick::Match) -> Hit {
        Hit {
            start: m.start(),
            end: m.end(),
            target: self.targets[m.pattern().as_usize()],
        }
    }

    /// The longest known forms starting at the words `words` (in text order) that `valid`
    /// accepts (spelling; it must also reject a form that ends inside a word), not
    /// overlapping. When the longest form at a start is rejected (`किम जोंग उन` glued to
    /// the next word), shorter forms starting there are tried. Searching only at word
    /// starts, anchored, walks a few bytes per word instead of every byte of the text.
    pub fn find_at(
        &self,
        folded: &str,
        words: impl IntoIterator<Item = WordAt>,
        mut valid: impl FnMut(Hit) -> bool,
    ) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut last_end = 0;
        for w in words {
            if w.start < last_end {
                continue;
            }
            let longer =
                self.starts.contains(&w.hash) || self.starts.contains(&mix(w.hash, w.next));
            let found = if longer {
                self.longest_at(folded, w.start, &mut valid)
            } else {
                self.words
                    .get(&w.hash)
                    .map(|&target| Hit {
                        start: w.start,
                        end: w.end,
                        target,
                    })
                    .filter(|&h| valid(h))
            };
            if let Some(h) = found {
                out.push(h);
                last_end = h.end;
            }
        }
        out
    }

    fn longest_at(
        &self,
        folded: &str,
        start: usize,
        valid: &mut impl FnMut(Hit) -> bool,
    ) -> Option<Hit> {
        let mut end = folded.len();
        while end > start {
            let input = Input::new(folded).range(start..end).anchored(Anchored::Yes);
            let h = self.hit(self.automaton.find(input)?);
            if valid(h) {
                return Some(h);
            }
            end = h.end - 1;
        }
        None
    }
}

static MATCHER: OnceLock<Matcher> = OnceLock::new();

/// The matcher [`super::find_entities`] uses: the shipped lists, plus the user's file if
/// [`install_user_gazetteer`] ran first.
pub fn matcher() -> &'static Matcher {
    MATCHER.get_or_init(|| Gazetteer::builtin().into_matcher())
}

/// Extends the shipped lists with what can be read of a user file's text (khabar reads it
/// from its config directory): the problems of its skipped parts are returned, each with
/// its line. Must run before the first extraction; installs nothing if too late.
pub fn install_user_gazetteer(toml_text: &str) -> Vec<String> {
    let mut g = Gazetteer::builtin();
    let problems = g.merge_lenient(toml_text);
    let _ = MATCHER.set(g.into_matcher());
    problems
}

/// The sections a gazetteer file may have.
const SECTIONS: [&str; 4] = ["place", "person", "organization", "demonym"];

/// A user's file as far as it can be read (see [`Gazetteer::merge_lenient`]).
fn read_lenient(text: &str) -> (File, Vec<String>) {
    let (table, found) = match without_bad_lines(text) {
        Ok(read) => read,
        Err(e) => {
            return (
                File::default(),
                vec![format!("{}; the file is not used", describe(text, &e))],
            );
        }
    };
    let mut problems: Vec<(Option<usize>, String)> = found;
    let mut file = File::default();
    for (section, value) in &table {
        let slot = match section.as_str() {
            "place" => &mut file.place,
            "person" => &mut file.person,
            "organization" => &mut file.organization,
            "demonym" => &mut file.demonym,
            _ => &mut BTreeMap::new(),
        };
        let entries = value
            .as_table()
            .filter(|_| SECTIONS.contains(&section.as_str()));
        let Some(entries) = entries else {
            let line = line_of(text, None, section);
            problems.push((
                line,
                format!(
                    "{}`{section}` is not a section ([place], [person], [organization] or [demonym]); skipped",
                    prefix(line)
                ),
            ));
            continue;
        };
        for (name, value) in entries {
            // A single form written without its list is taken as one.
            let forms = match value {
                toml::Value::String(s) => Some(vec![s.clone()]),
                toml::Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>(),
                _ => None,
            };
            if let Some(forms) = forms {
                slot.insert(name.clone(), forms);
            } else {
                let line = line_of(text, Some(section), name);
                problems.push((
                    line,
                    format!(
                        "{}[{section}] {name}: not a list of names (`\"name\" = [\"form\", …]`); skipped",
                        prefix(line)
                    ),
                ));
            }
        }
    }
    problems.sort_by_key(|(line, _)| *line);
    (file, problems.into_iter().map(|(_, p)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trial 43: one bad entry (a form not in a list, an unknown section, a section
    /// written twice) dropped the whole user file.
    #[test]
    fn a_user_file_keeps_its_good_entries_and_names_each_bad_part() {
        let text = "[person]\n\"कमला देवी पांडे\" = [\"कमला पांडे\"]\n\"रामू\" = 3\n[bogus]\nx = [\"y\"]\n[place]\n\"सिवाना\" = \"सिवाना\"\n[demonym]\n\"अटलांटिस\" = [\"अटलांटिसी\"]\n[person]\n\"z\" = [\"z\"]\n";
        let mut g = Gazetteer::builtin();
        let problems = g.merge_lenient(text);
        for form in ["कमला पांडे", "सिवाना"] {
            assert!(g.lookup(&fold(form)).is_some(), "{form} was not added");
        }
        assert_eq!(problems.len(), 4, "{problems:?}");
        for (problem, says) in problems.iter().zip([
            "line 3: [person] रामू",
            "line 4: `bogus`",
            "line 10: duplicate key",
            "line 9: [demonym] अटलांटिस",
        ]) {
            assert!(problem.starts_with(says), "{problem}");
        }
    }

    #[test]
    fn shipped_lists_load_and_cover_the_domain() {
        let g = Gazetteer::builtin();
        assert!(g.known.len() > 1000, "only {} entities", g.known.len());
        for (form, id) in [
            ("मास्को", "place:मास्को"),
            ("north korea", "place:उत्तर कोरिया"),
            ("kcna", "organization:कोरियन सेंट्रल न्यूज एजेंसी"),
            ("केसीएनए", "organization:कोरियन सेंट्रल न्यूज एजेंसी"),
            ("रायटर", "organization:रायटर्स"),
            ("पुतिन", "person:व्लादिमीर पुतिन"),
        ] {
            let t = g
                .lookup(&fold(form))
                .unwrap_or_else(|| panic!("{form} unknown"));
            assert_eq!(g.known[t.entity].id, id, "{form}");
        }
        let t = g.lookup("रूसी").unwrap();
        assert!(t.demonym);
        assert_eq!(g.known[t.entity].name, "रूस");
    }

    #[test]
    fn user_file_extends_and_overrides() {
        let mut g = Gazetteer::builtin();
        g.merge("[person]\n\"रमेश चंद्र\" = [\"Ramesh Chandra\"]\n[organization]\n\"पुतिन फ़ैन क्लब\" = [\"पुतिन\"]\n")
            .unwrap();
        let t = g.lookup(&fold("Ramesh Chandra")).unwrap();
        assert_eq!(g.known[t.entity].name, "रमेश चंद्र");
        let t = g.lookup("पुतिन").unwrap();
        assert_eq!(g.known[t.entity].kind, EntityKind::Organization);
        assert!(g.merge("[demonym]\n\"अटलांटिस\" = [\"अटलांटी\"]\n").is_err());
        assert!(g.merge("[animal]\n\"शेर\" = []\n").is_err());
    }

    #[test]
    fn short_latin_acronyms_match_only_as_spelt() {
        let g = Gazetteer::builtin();
        let us = g.lookup("us").unwrap();
        assert!(g.spelt_as(us, "US"));
        assert!(!g.spelt_as(us, "us"));
        let russia = g.lookup("russia").unwrap();
        assert!(g.spelt_as(russia, "RUSSIA") && g.spelt_as(russia, "russia"));
        let let_ = g.lookup("let").unwrap();
        assert!(g.spelt_as(let_, "LeT") && !g.spelt_as(let_, "let"));
    }

    #[test]
    fn initials_are_found_with_their_full_stops() {
        assert_eq!(
            dotted_initials("एम के स्टालिन"),
            ["एम. के. स्टालिन", "एम.के. स्टालिन"]
        );
        assert!(dotted_initials("जोसेफ़ स्टालिन").is_empty());
        assert!(dotted_initials("के").is_empty());
        let m = matcher();
        for text in ["एम. के. स्टालिन", "एम.के. स्टालिन", "एम के स्टालिन"]
        {
            let target = m.gazetteer.lookup(&fold(text));
            let known = target.map(|t| m.gazetteer.known[t.entity].name.as_str());
            assert_eq!(known, Some("एम के स्टालिन"), "{text}");
        }
    }

    #[test]
    fn names_are_found_with_or_without_the_automaton() {
        let mut g = Gazetteer::default();
        g.merge("[person]\n\"के चंद्रशेखर राव\" = [\"केसीआर\"]\n\"डा. राम\" = [\"डा.\"]\n[place]\n\"केरल\" = []\n")
            .unwrap();
        let m = g.into_matcher();
        let text = fold("के केरल के चंद्रशेखर राव केसीआर डा. राम, केसीआरबी");
        let tokens = super::super::tokens::tokenize(&text);
        let words = tokens.iter().enumerate().map(|(i, t)| WordAt {
            start: t.start,
            end: t.end,
            hash: t.hash,
            next: tokens.get(i + 1).map_or(0, |n| n.hash),
        });
        let found: Vec<&str> = m
            .find_at(&text, words, |h| {
                !text[h.end..].chars().next().is_some_and(is_word_char)
            })
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(found, ["केरल", "के चंद्रशेखर राव", "केसीआर", "डा. राम"]);
    }
}
