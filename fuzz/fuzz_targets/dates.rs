//! Date finding and resolving, without a publication date (first byte 0) or with one of a
//! few (others), over the whole text or a region of it: spans lie on char boundaries inside
//! the region, never overlap, values are well formed, and the time per byte stays bounded.
#![no_main]

use khabar::Span;
use khabar::extract::dates::{find_dates, parse_published};
use khabar_fuzz::{check_disjoint, check_span, paced, text};
use libfuzzer_sys::fuzz_target;

const PUBLISHED: [&str; 4] = [
    "Updated: Sun, 21 Jan 2024 06:51 PM (IST)",
    "14 सितंबर",
    "2013-06-14",
    "29 फरवरी 2024",
];

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else { return };
    let text = text(rest);
    let anchor = match flag % 5 {
        0 => None,
        k => Some(parse_published(PUBLISHED[usize::from(k) - 1]).expect("a date").1),
    };
    // A region that may start or end off a char boundary: it is narrowed, never trusted.
    let cut = usize::from(flag / 5) * text.len() / 52;
    let region = Span::new(cut, text.len());
    let mut found = Vec::new();
    paced(text.len(), || found = find_dates(&text, &[region], anchor.as_ref()));
    let mut inside = Span::new(cut.min(text.len()), text.len());
    while !text.is_char_boundary(inside.start) {
        inside.start += 1;
    }
    for d in &found {
        check_span(&text, d.span, inside, "date");
        if let Some(v) = &d.value {
            assert!(!v.is_empty() && v.is_ascii(), "value {v:?}");
        }
        if anchor.is_none() {
            // Nothing relative is invented without a publication date.
            assert!(d.value.as_deref().is_none_or(|v| !v.contains("W") || v.contains("WXX")));
        }
    }
    check_disjoint(found.iter().map(|d| d.span), "dates");
    if let Some((span, _)) = parse_published(&text) {
        check_span(&text, span, Span::new(0, text.len()), "published");
    }
});
