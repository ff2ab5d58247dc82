//! The wrapper at a random width (first byte) under a random width model (second byte):
//! rows lie on char boundaries in order without overlap, never hold a line break, are never
//! wider than the width (unless one cluster alone is), their width is what the model
//! measures, and the time per byte stays bounded.
#![no_main]

use khabar::text::width::{WidthModel, clusters};
use khabar::text::wrap::wrap;
use khabar_fuzz::{check_disjoint, paced, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [w, m, rest @ ..] = data else { return };
    let width = usize::from(*w % 200) + 1;
    let model = WidthModel::ALL[usize::from(*m) % WidthModel::ALL.len()];
    let text = text(rest);
    let mut rows = Vec::new();
    paced(text.len(), || rows = wrap(&text, width, model).collect());
    assert!(rows.len() > text.matches('\n').count(), "a line without a row");
    for row in &rows {
        let s = row.span;
        assert!(s.start <= s.end && s.end <= text.len(), "row {s:?} outside the text");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let shown = s.of(&text);
        assert!(!shown.contains('\n'), "row {s:?} holds a line break");
        assert_eq!(model.str_width(shown), row.width, "row {s:?} mismeasured");
        let lone = clusters(shown).count() == 1;
        assert!(row.width <= width || lone, "row {s:?} is {} wide at {width}", row.width);
    }
    check_disjoint(rows.iter().map(|r| r.span).filter(|s| !s.is_empty()), "rows");
});
