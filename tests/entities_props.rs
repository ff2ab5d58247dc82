//! Entity extraction never panics and always returns spans inside the regions it was
//! given, on char boundaries, whatever the text (mixed scripts, stray signs, glue, and the
//! words the tagger's rules turn on, at any place, the text's end too).

use khabar::Span;
use khabar::extract::entities::{find_demonyms, find_entities};
use khabar::text::fold::{Folded, fold};
use proptest::prelude::*;

/// Pieces that stress folding and word boundaries: names, signs, nukta, ZWJ, Latin, punctuation.
const PIECES: &[&str] = &[
    "पुतिन",
    "किम जोंग-उन",
    "रूस",
    "रूसी",
    "मॉस्को",
    "मास्को",
    "North Korea",
    "KCNA",
    "us",
    "US",
    "ने",
    "के",
    "प्रवक्ता",
    "श्री",
    "डॉ.",
    "सिंह",
    "मंत्रालय",
    "सेना",
    "जिले",
    "By",
    "का दौरा करेंगे",
    "\u{93c}",
    "\u{94d}",
    "\u{901}",
    "\u{200d}",
    "\u{200c}",
    "ज़",
    "म्ब",
    " ",
    "  ",
    "\n",
    ",",
    "।",
    "-",
    "(",
    "1",
    "१४",
    "Putin",
    "भारतPutin",
    "a",
    "É",
    "ß",
    // Words the tagger's rules turn on: lists, nicknames, sites, roles, genitives.
    "रमेश यादव",
    "निषाद",
    "और",
    "उर्फ",
    "चौक",
    "रोड",
    "मैदान",
    "से",
    "तक",
    "होते",
    "की",
    "चालक",
    "कुमार",
    "नगला",
    "एसपी सिटी",
    "पोलैंड",
    // A sport in brackets, a list's end, a title before an undotted initial.
    ")",
    "तीरंदाजी",
    "भाला फेंक",
    "आदि",
    "प्रो",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_stay_inside_regions(text in text_strategy(), cut in 0usize..4) {
        // Regions: the whole text, or a char-aligned piece of it.
        let mut start = text.len() * cut / 4;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let regions = [Span::new(start, text.len())];
        for e in find_entities(&text, &regions) {
            prop_assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                prop_assert!(regions[0].contains(*m) && !m.is_empty());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
        for d in find_demonyms(&text, &regions) {
            prop_assert!(regions[0].contains(d.span));
        }
    }

    #[test]
    fn folded_ranges_map_back_to_text_that_folds_the_same(text in text_strategy()) {
        let f = Folded::new(&text);
        prop_assert_eq!(&f.text, &fold(&text));
        // Every folded word maps back to original bytes that fold to it.
        let mut at = 0;
        for word in f.text.split(' ') {
            let trimmed = word.trim_matches('\n');
            if !trimmed.is_empty() && !trimmed.contains('\n') {
                let s = at + (word.len() - word.trim_start_matches('\n').len());
                let back = f.original(s..s + trimmed.len());
                let again = fold(&text[back]);
                prop_assert_eq!(again.trim(), trimmed);
            }
            at += word.len() + 1;
        }
    }
}
