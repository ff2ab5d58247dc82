//! Balanced paragraphs at odd widths: the rows of a paragraph written for this test, drawn
//! between bars so raggedness shows, under the per-code-point and mode-2027 width models.

use std::fmt::Write;

use khabar::text::width::WidthModel;
use khabar::text::wrap::wrap;

const PARAGRAPH: &str = "गाँव के पुराने पुस्तकालय में शनिवार की सुबह बच्चों ने अपनी लिखी \
कहानियाँ पढ़ीं, और सबसे छोटी लेखिका की कविता पर देर तक तालियाँ बजती रहीं। पुस्तकालय \
की संचालिका ने बताया कि अगले महीने से हर रविवार को राष्ट्रीय स्तर के लेखक यहाँ आएँगे।";

fn drawn(text: &str, width: usize, model: WidthModel) -> String {
    let mut out = String::new();
    for row in wrap(text, width, model) {
        assert!(row.width <= width, "row wider than {width}");
        let pad = " ".repeat(width - row.width);
        writeln!(out, "|{}{pad}|", row.span.of(text)).unwrap();
    }
    out
}

#[test]
fn paragraph_at_odd_widths() {
    for width in [17, 23, 31, 41] {
        insta::assert_snapshot!(
            format!("per_code_point_{width}"),
            drawn(PARAGRAPH, width, WidthModel::PerCodePoint)
        );
    }
    insta::assert_snapshot!(
        "mode_2027_29",
        drawn(PARAGRAPH, 29, WidthModel::Grapheme2027)
    );
}

/// Over many widths, rows end closer to the edge than when each row takes all the words
/// that fit (optimal fit minimises the squared gaps, trading them against the row count
/// and a short last row), and
/// no width takes more rows.
#[test]
fn gaps_are_smaller_than_filling_each_row() {
    let (mut balanced, mut greedy) = (0, 0);
    for width in 12..60 {
        let rows: Vec<_> = wrap(PARAGRAPH, width, WidthModel::PerCodePoint).collect();
        let (gaps, count) = greedy_gaps(PARAGRAPH, width);
        assert!(
            rows.len() <= count,
            "width {width}: {} rows > {count}",
            rows.len()
        );
        balanced += rows[..rows.len() - 1]
            .iter()
            .map(|r| (width - r.width).pow(2))
            .sum::<usize>();
        greedy += gaps;
    }
    assert!(balanced < greedy, "{balanced} vs {greedy}");
}

/// Squared gaps (last row aside) and rows of filling each row with all the words that fit.
fn greedy_gaps(text: &str, width: usize) -> (usize, usize) {
    let model = WidthModel::PerCodePoint;
    let mut rows: Vec<usize> = vec![0];
    for word in text.split(' ') {
        let w = model.str_width(word);
        let last = rows.last_mut().unwrap();
        if *last == 0 {
            *last = w;
        } else if *last + 1 + w <= width {
            *last += 1 + w;
        } else {
            rows.push(w);
        }
    }
    let count = rows.len();
    rows.pop();
    (rows.iter().map(|r| (width - r).pow(2)).sum(), count)
}
