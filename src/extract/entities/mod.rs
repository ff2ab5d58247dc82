//! People, places and organisations named in an article, with aliases merged.
//!
//! A learned tagger ([`tagger`]) decides which words are names; the gazetteer and the rules
//! below feed it features and then give its names their canonical forms. Known names (countries, capitals, Indian states
//! and cities, heads of state and government, Indian politicians, parties, international
//! organisations, news agencies; `assets/gazetteer-*.toml`) are found by one Aho-Corasick
//! automaton over folded text ([`crate::text::fold`]), on word boundaries, longest match
//! first. Rules (module `rules`) find names the gazetteer lacks from designations, surnames,
//! organisation and place words, datelines, bylines and acronyms. Mentions cover the name
//! only, never the postposition after it (`पुतिन ने` gives `पुतिन`). The `merge` module then joins
//! aliases into one entity per person, place or organisation.
//!
//! Demonyms (`रूसी`, `अमेरिकी`, `उत्तर कोरियाई`) are adjectives, not place names: `रूसी
//! राष्ट्रपति` does not mention Russia as a place. So [`find_entities`] never reports them;
//! they are still matched (which keeps `उत्तर कोरियाई` from being read as `उत्तर कोरिया` and
//! lets `रूसी सेना` be an organisation), and [`find_demonyms`] returns them separately, each
//! linked to its place's entity id, for callers that want to show or filter by them.

pub mod gazetteer;
mod hash;
mod merge;
mod model;
mod pieces;
mod rules;
mod scan;
pub mod tagger;
mod tokens;
mod words;

pub use gazetteer::{
    Gazetteer, GazetteerError, Known, Matcher, entity_id, install_user_gazetteer, matcher,
};
pub use model::{Entity, EntityKind};
/// The FNV map the extractor's word tables use, for other hot look-ups of short keys.
pub(crate) use words::{FastMap, Fnv};

use crate::span::Span;
use scan::Scan;

/// The entities mentioned inside `regions` of `text` (regions exclude site chrome).
pub fn find_entities(text: &str, regions: &[Span]) -> Vec<Entity> {
    find_entities_with(matcher(), text, regions)
}

/// [`find_entities`] with a given matcher (for a gazetteer built by hand).
pub fn find_entities_with(matcher: &Matcher, text: &str, regions: &[Span]) -> Vec<Entity> {
    find_entities_in(matcher, text, regions.iter().copied())
}

/// [`find_entities_with`] over regions given as an iterator (read twice), so a caller
/// need not copy an article's million paragraphs into a list first.
pub fn find_entities_in(
    matcher: &Matcher,
    text: &str,
    regions: impl Iterator<Item = Span> + Clone,
) -> Vec<Entity> {
    let mut merger = merge::Merger::new(matcher, text);
    for piece in pieces::pieces(text, regions.clone()) {
        merger.add(piece.start, scan_piece(matcher, text, piece));
    }
    merger.finish(pieces::pieces(text, regions))
}

/// The tagged scan of one piece of `text`.
fn scan_piece<'a>(matcher: &Matcher, text: &'a str, piece: Span) -> Scan<'a> {
    let (mut scan, gaz) = tagger::prepare(matcher, piece.of(text));
    tagger::retag(&mut scan, &gaz, tagger::model());
    scan
}

/// A demonym (`रूसी`) in the text, linked to its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demonym {
    pub span: Span,
    /// The place's entity id (as in [`Entity::id`]).
    pub place_id: String,
    /// The place's canonical name.
    pub place: String,
}

/// The demonyms inside `regions` of `text`, which [`find_entities`] leaves out.
pub fn find_demonyms(text: &str, regions: &[Span]) -> Vec<Demonym> {
    let m = matcher();
    let mut out = Vec::new();
    for piece in pieces::pieces(text, regions.iter().copied()) {
        let (offset, scan) = (piece.start, scan_piece(m, text, piece));
        for c in scan.found().filter(|c| c.is_demonym()) {
            let scan::Source::Known { entity, .. } = c.source else {
                continue;
            };
            let r = scan.original(c.start..c.end);
            let known = &m.gazetteer.known[entity];
            out.push(Demonym {
                span: Span::new(offset + r.start, offset + r.end),
                place_id: known.id.clone(),
                place: known.name.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities found with every scan kept whole and with every scan let go after the
    /// first pass (folded again for the second) are the same.
    #[test]
    fn letting_scans_go_changes_nothing() {
        let text = "विदेश मंत्री अनिता रघुवंशी ने कहा कि बातचीत जारी रहेगी।\n\n\
            रघुवंशी ने बताया कि जापान और भारत के बीच समझौता हो गया है।\n\n\
            कंपनी के प्रमुख रमेश चंद्रकांत ने भी बयान दिया। चंद्रकांत के मुताबिक़ रघुवंशी \
            दिल्ली में थीं।";
        let regions: Vec<Span> = text
            .split("\n\n")
            .scan(0, |at, p| {
                let start = *at;
                *at += p.len() + 2;
                Some(Span::new(start, start + p.len()))
            })
            .collect();
        let m = matcher();
        let run = |keep| {
            let mut merger = merge::Merger::keeping(m, text, keep);
            for piece in pieces::pieces(text, regions.iter().copied()) {
                merger.add(piece.start, scan_piece(m, text, piece));
            }
            merger.finish(pieces::pieces(text, regions.iter().copied()))
        };
        let whole = run(usize::MAX);
        assert!(
            whole.iter().any(|e| e.mentions.len() >= 3),
            "the text should link a lone surname to a full name: {whole:?}"
        );
        assert_eq!(run(0), whole);
    }

    /// The people found in all of `text`.
    fn people_in(text: &str) -> Vec<Entity> {
        find_entities(text, &[Span::new(0, text.len())])
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect()
    }

    /// A nickname after `उर्फ़` is the person named before it: one entity, named by the
    /// full name, holding the nickname where it stands alone later too.
    #[test]
    fn a_name_after_urf_is_the_same_person() {
        let text = "पुलिस ने आरोपी दिनेश पाठक उर्फ़ गुड्डू को गिरफ्तार किया। गुड्डू पर पहले से \
                    कई मामले दर्ज हैं। थाने के सामने भीड़ जुटी।";
        let people = people_in(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "दिनेश पाठक", "{people:?}");
        assert_eq!(people[0].mentions.len(), 3, "{people:?}");
        // The same with a precomposed `फ़` (U+095E), as some pages write it.
        let text = text.replace("उर्फ़", "उर\u{94d}\u{95e}");
        let people = people_in(&text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].mentions.len(), 3, "{people:?}");
    }

    /// A nickname two people share gives each only the mention after their `उर्फ़`.
    #[test]
    fn a_shared_nickname_is_no_one_persons_alone() {
        let text = "पुलिस ने दिनेश पाठक उर्फ़ पप्पू और सुरेश गौड़ उर्फ़ पप्पू को पकड़ा। दोनों पर कई मामले दर्ज हैं।";
        let people = people_in(text);
        assert_eq!(people.len(), 2, "{people:?}");
        for p in &people {
            assert_eq!(p.mentions.len(), 2, "{people:?}");
        }
    }
}
