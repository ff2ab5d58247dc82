//! Properties of the wrapper on random mixes of Devanagari, Latin, digits, punctuation,
//! spaces and newlines at widths 1 to 200, under every width model.

use khabar::text::width::WidthModel;
use khabar::text::wrap::wrap;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn piece() -> impl Strategy<Value = String> {
    let consonant = prop::sample::select(vec!['क', 'ष', 'र', 'त', 'न', 'स', 'ज', 'द', 'ह', 'म']);
    let sign = prop::sample::select(vec![
        "", "", "ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ौ", "ं", "ँ", "ः", "़", "्",
    ]);
    let syllable =
        (consonant.clone(), prop::option::of(consonant), sign).prop_map(|(a, b, s)| match b {
            Some(b) => format!("{a}\u{94d}{b}{s}"),
            None => format!("{a}{s}"),
        });
    prop_oneof![
        6 => prop::collection::vec(syllable, 1..6).prop_map(|v| v.concat()),
        2 => "[a-zA-Z]{1,12}",
        1 => "[0-9]{1,6}",
        1 => "[०-९]{1,4}",
        2 => prop::sample::select(vec![
            "।", "॥", ",", ".", "-", "“", "”", "‘", "’", "(", ")", "…", "?", "!", "—",
        ])
        .prop_map(str::to_owned),
        5 => prop::sample::select(vec![" ", " ", "  ", "\t", "\u{a0}"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["\n", "\n\n", "\r\n"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["ा", "्", "ि", "\u{200d}", "\u{200c}", "\u{1b}[2J", "中"])
            .prop_map(str::to_owned),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn model() -> impl Strategy<Value = WidthModel> {
    prop::sample::select(WidthModel::ALL.to_vec())
}

/// Byte offsets where a row may start or end: cluster boundaries, plus the point after a
/// whitespace character that carries a stray mark (`" ा"` is one cluster; the space is a
/// break, the mark shows on its own).
fn boundaries(text: &str) -> Vec<usize> {
    let mut b = vec![text.len()];
    for (i, g) in text.grapheme_indices(true) {
        b.push(i);
        if let Some(c) = g.chars().next().filter(|c| c.is_whitespace()) {
            b.push(i + c.len_utf8());
        }
    }
    b.sort_unstable();
    b
}

fn is_break_space(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')) || c == '\u{200b}'
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn rows_fit_and_rejoin(text in text(), width in 1usize..=200, model in model()) {
        let rows: Vec<_> = wrap(&text, width, model).collect();
        let bounds = boundaries(&text);
        let mut pos = 0;
        for row in &rows {
            let shown = row.span.of(&text);
            // Never wider than the width, except a lone cluster wider than the whole width.
            let w = model.str_width(shown);
            prop_assert_eq!(w, row.width);
            let lone = shown.graphemes(true).count() == 1;
            prop_assert!(w <= width || lone, "row {:?} is {} wide at {}", shown, w, width);
            // Breaks on cluster boundaries, spans in order on char boundaries.
            prop_assert!(bounds.binary_search(&row.span.start).is_ok(), "start {:?}", row);
            prop_assert!(bounds.binary_search(&row.span.end).is_ok(), "end {:?}", row);
            prop_assert!(pos <= row.span.start && row.span.start <= row.span.end);
            // What lies between rows is whitespace removed at a break, or a line break.
            let gap = &text[pos..row.span.start];
            prop_assert!(gap.chars().all(is_break_space), "gap {:?} before {:?}", gap, shown);
            prop_assert!(!shown.contains('\n'));
            pos = row.span.end;
        }
        prop_assert!(text[pos..].chars().all(is_break_space));
        // Every source line yields at least one row.
        prop_assert!(rows.len() > text.matches('\n').count());
    }

    #[test]
    fn rows_end_where_lines_end(text in text(), width in 1usize..=200) {
        let rows: Vec<_> = wrap(&text, width, WidthModel::PerCodePoint).collect();
        let ends = rows.iter().filter(|r| r.ends_line).count();
        prop_assert_eq!(ends, text.matches('\n').count() + 1);
    }
}

#[test]
fn seeds_wrap_within_width_at_every_width() {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for model in WidthModel::ALL {
            for width in (1..=120).step_by(3) {
                for row in wrap(&text, width, model) {
                    let shown = row.span.of(&text);
                    let lone = shown.graphemes(true).count() == 1;
                    assert!(
                        row.width <= width || lone,
                        "{shown:?} under {model} at {width}"
                    );
                }
            }
        }
    }
}
