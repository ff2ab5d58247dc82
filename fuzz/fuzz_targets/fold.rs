//! Search folding: the folded text with offsets equals the plain fold, every folded range
//! maps back to a char-aligned range of the original, and a search for a piece of the text
//! finds it where it is; the time per byte stays bounded.
#![no_main]

use khabar::corpus::from_text;
use khabar::index::occurrences;
use khabar::text::fold::{Folded, fold};
use khabar_fuzz::{paced, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&q, rest)) = data.split_first() else { return };
    let text = text(rest);
    let mut folded = Folded::default();
    paced(text.len(), || folded = Folded::new(&text));
    assert_eq!(folded.text, fold(&text));
    let mut last = 0;
    for (i, c) in folded.text.char_indices() {
        let r = folded.original(i..i + c.len_utf8());
        assert!(r.start <= r.end && r.end <= text.len(), "{r:?} outside the original");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(r.start >= last, "folded order goes back at {i}");
        last = r.start;
    }
    // A query cut from the text itself.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.is_empty() {
        return;
    }
    let from = chars[usize::from(q) % chars.len()].0;
    let to = chars.get(usize::from(q) % chars.len() + 3).map_or(text.len(), |c| c.0);
    let query = &text[from..to];
    let article = from_text("f.txt", text.clone());
    let mut hits = Vec::new();
    paced(text.len(), || hits = occurrences(&article, query));
    for h in &hits {
        assert!(h.start < h.end && h.end <= text.len(), "hit {h:?} outside the text");
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        assert!(fold(h.of(&text)).contains(fold(query).trim()), "hit {h:?} is not the query");
    }
});
