//! Golden widths: the columns each width model gives to Devanagari clusters and the
//! punctuation around them. Figures come from the terminals' documented rules (see
//! STYLE.md), worked out by hand per code point, not from running the code.

use khabar::text::width::WidthModel::{
    self, ClusterCappedAt2, Grapheme2027, OneCellPerCluster, PerCodePoint,
};
use unicode_segmentation::UnicodeSegmentation;

/// (text, per-code-point, capped at 2, one cell per cluster, mode 2027)
const TABLE: &[(&str, [usize; 4])] = &[
    ("क", [1, 1, 1, 1]),
    ("का", [2, 2, 1, 2]), // spacing vowel sign AA
    ("कि", [2, 2, 1, 2]), // spacing vowel sign I (drawn left of the consonant)
    ("की", [2, 2, 1, 2]),
    ("कु", [1, 1, 1, 1]), // non-spacing vowel sign U
    ("कू", [1, 1, 1, 1]),
    ("के", [1, 1, 1, 1]), // non-spacing E
    ("कै", [1, 1, 1, 1]),
    ("को", [2, 2, 1, 2]), // spacing O
    ("कौ", [2, 2, 1, 2]),
    ("कं", [1, 1, 1, 1]),        // anusvara
    ("कँ", [1, 1, 1, 1]),        // chandrabindu
    ("कः", [2, 2, 1, 2]),       // visarga is a spacing mark
    ("क\u{93c}", [1, 1, 1, 1]), // nukta, decomposed
    ("\u{958}", [1, 1, 1, 1]),  // qa, precomposed
    ("ज़ि", [2, 2, 1, 2]),
    ("क्", [1, 1, 1, 1]),  // virama at the end of a word
    ("क्ष", [2, 2, 1, 2]), // conjunct: one cluster, two legacy clusters
    ("क्षा", [3, 3, 1, 2]),
    ("काः", [3, 2, 1, 2]), // two spacing marks: the cap bites
    ("त्र", [2, 2, 1, 2]),
    ("श्री", [3, 3, 1, 2]),
    ("ष्ट्र", [3, 3, 1, 2]),
    ("स्त्री", [4, 4, 1, 2]),
    ("क्\u{200d}ष", [2, 2, 1, 2]), // ZWJ half form; dropped from display on per-code-point
    ("क्\u{200c}ष", [2, 2, 2, 2]), // ZWNJ ends the cluster: two clusters of 1
    ("राष्ट्रपति", [8, 8, 4, 7]),
    ("।", [1, 1, 1, 1]),
    ("॥", [1, 1, 1, 1]),
    ("१९४७", [4, 4, 4, 4]),
    ("ॐ", [1, 1, 1, 1]),
    ("“कहा”", [5, 5, 4, 5]), // ambiguous-width quotes are narrow
    ("‘हाँ’", [4, 4, 3, 4]),
    ("…", [1, 1, 1, 1]),
    ("ा", [2, 2, 1, 2]), // stray vowel sign shown on a dotted circle
    ("ु", [1, 1, 1, 1]),
    ("中", [2, 2, 2, 2]),
    ("❤\u{fe0f}", [1, 1, 2, 1]), // VS16 dropped on per-code-point; wide for kitty only
    ("a-b", [3, 3, 3, 3]),
];

const MODELS: [WidthModel; 4] = [
    PerCodePoint,
    ClusterCappedAt2,
    OneCellPerCluster,
    Grapheme2027,
];

#[test]
fn golden_widths_per_model() {
    let mut wrong = Vec::new();
    for (text, expected) in TABLE {
        for (model, want) in MODELS.iter().zip(expected) {
            let got = model.str_width(text);
            if got != *want {
                wrong.push(format!("{text:?} under {model}: got {got}, want {want}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn conjuncts_are_single_clusters() {
    for text in ["क्ष", "क्षा", "ष्ट्र", "स्त्री", "क्\u{200d}ष"]
    {
        assert_eq!(text.graphemes(true).count(), 1, "{text:?}");
    }
}
