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
mod rules;
mod scan;
pub mod tagger;
mod tokens;
mod words;

pub use gazetteer::{
    Gazetteer, GazetteerError, Known, Matcher, entity_id, install_user_gazetteer, matcher,
};
pub use model::{Entity, EntityKind};

use crate::span::Span;
use scan::Scan;

/// The entities mentioned inside `regions` of `text` (regions exclude site chrome).
pub fn find_entities(text: &str, regions: &[Span]) -> Vec<Entity> {
    find_entities_with(matcher(), text, regions)
}

/// [`find_entities`] with a given matcher (for a gazetteer built by hand).
pub fn find_entities_with(matcher: &Matcher, text: &str, regions: &[Span]) -> Vec<Entity> {
    let scans = scan_regions(matcher, text, regions);
    merge::entities(matcher, text, &scans)
}

fn scan_regions<'a>(matcher: &Matcher, text: &'a str, regions: &[Span]) -> Vec<(usize, Scan<'a>)> {
    regions
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .map(|r| {
            let (mut scan, gaz) = tagger::prepare(matcher, r.of(text));
            tagger::retag(&mut scan, &gaz, tagger::model());
            (r.start, scan)
        })
        .collect()
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
    for (offset, scan) in scan_regions(m, text, regions) {
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
