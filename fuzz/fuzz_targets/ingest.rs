//! Ingest of a file's bytes, as plain text (first byte even) or JSON Lines (odd): every
//! article's spans lie on char boundaries of its text, paragraphs and chrome do not overlap,
//! and the time per byte stays bounded.
#![no_main]

use std::path::Path;

use khabar::Span;
use khabar::corpus::from_bytes;
use khabar_fuzz::{check_disjoint, check_span, paced};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flag, bytes)) = data.split_first() else { return };
    let json_lines = flag % 2 == 1;
    let path = Path::new(if json_lines { "f.jsonl" } else { "f.txt" });
    let mut articles = Vec::new();
    paced(bytes.len(), || {
        let mut problems = Vec::new();
        articles = from_bytes(path, bytes, json_lines, &mut problems);
    });
    if !json_lines {
        assert!(articles.len() <= 1);
    }
    for a in &articles {
        let all = Span::new(0, a.text.len());
        let mut parts: Vec<Span> = a.title_span.into_iter().chain(a.byline_span).collect();
        parts.extend(&a.paragraphs);
        for &s in &parts {
            check_span(&a.text, s, all, "part");
        }
        parts.sort_unstable();
        check_disjoint(parts.iter().copied(), "title, byline and paragraphs");
        for c in &a.chrome {
            check_span(&a.text, c.span, all, "chrome");
            assert!(
                !a.paragraphs.iter().any(|p| p.overlaps(c.span)),
                "chrome {c:?} inside a paragraph"
            );
        }
        let file = a.file_span(all);
        assert!(file.end <= bytes.len() || json_lines, "file span {file:?} past the input");
        if json_lines {
            assert!(a.line.is_some_and(|l| l >= 1));
        }
    }
});
