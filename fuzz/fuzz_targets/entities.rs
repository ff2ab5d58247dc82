//! Entity extraction over the whole text or a region of it: mentions lie on char
//! boundaries inside the region, one entity's mentions never overlap, and the time per
//! byte stays bounded.
#![no_main]

use khabar::Span;
use khabar::extract::entities::{find_demonyms, find_entities};
use khabar_fuzz::{check_disjoint, check_span, paced, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else { return };
    let text = text(rest);
    let mut start = usize::from(flag) * text.len() / 256;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let region = Span::new(start, text.len());
    let mut entities = Vec::new();
    paced(text.len(), || entities = find_entities(&text, &[region]));
    for e in &entities {
        assert!(!e.mentions.is_empty(), "{} has no mention", e.name);
        let mut spans = e.mentions.clone();
        for &m in &spans {
            check_span(&text, m, region, "mention");
        }
        spans.sort_unstable();
        check_disjoint(spans, "one entity's mentions");
    }
    for d in find_demonyms(&text, &[region]) {
        check_span(&text, d.span, region, "demonym");
    }
});
