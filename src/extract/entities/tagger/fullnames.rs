//! A person the tagger knows by one word (`ओल्म्स्टेड ने कहा`) whose full name it missed
//! where the story first names them (`पढ़ाने वाली रेबेका ओल्म्स्टेड के मुताबिक़`).
//!
//! News names a person in full once, after a role the tagger has seen little (`खगोलविद`,
//! `जोड़ीदार`), and by the surname after that, before `ने` or `का`, where the tagger finds
//! them. The sidebar then listed the surname alone, and a filter by the full name found
//! nothing (trial 67: 25 of 170 people). Decided after decoding, so the model is trained as
//! before.

use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{COMMON, CUE, GIVEN, STOP, ordinary};
use super::Name;
use super::features::gazetteer_kind;
use super::venues::plain;
use crate::extract::entities::model::EntityKind;

/// Adds a person for each word of no list right before another mention of a one-word
/// person the tagger found (its given name before the surname), where no name covers
/// either word: `रेबेका ओल्म्स्टेड` once `ओल्म्स्टेड ने` is a person. The one word must be no
/// ordinary word (`जहाज़`), and the word before it must look like a name: no list's word,
/// no ordinary word, no adjective or oblique form ([`plain`]), no place or body the
/// gazetteer knows.
pub(super) fn before_surnames(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let mut singles: Vec<&str> = names
        .iter()
        .filter(|&&(first, last, kind)| {
            let word = scan.tokens[first];
            kind == EntityKind::Person
                && first == last
                && !word.latin
                && !word.is(STOP | COMMON | CUE)
                && !ordinary(word.hash)
        })
        .map(|n| scan.text(n.0))
        .collect();
    if singles.is_empty() {
        return;
    }
    singles.sort_unstable();
    singles.dedup();
    let covered = |all: &[Name], t: usize| all.iter().any(|n| n.0 <= t && t <= n.1);
    let mut found = Vec::new();
    for t in 1..scan.tokens.len() {
        let given = t - 1;
        let (word, before) = (scan.tokens[t], scan.tokens[given]);
        // A given name a list knows, or a word no list knows.
        let name_like = before.class & !GIVEN == 0 && !before.latin && gaz[given] == 0
            || gazetteer_kind(gaz[given]) == Some(EntityKind::Person);
        // A given name alone (`दिव्या`) is a surname for no one: a word before it describes
        // her (`भावुक दिव्या`), unless it is a given name too.
        let surname_like = !word.is(GIVEN) || before.is(GIVEN);
        if word.gap == Gap::Space
            && surname_like
            && scan.gap_after(given).trim().is_empty()
            && singles.binary_search(&scan.text(t)).is_ok()
            && name_like
            && !ordinary(before.hash)
            && plain(scan.text(given))
            && !covered(names, t)
            && !covered(names, given)
        {
            found.push((given, t, EntityKind::Person));
        }
    }
    names.extend(found);
}
