//! Highways named by their number: `राष्ट्रीय राजमार्ग-30`, `एनएच 44`, `स्टेट हाईवे 17`.
//!
//! Indian news places an accident, a blockade or a landslide on a numbered highway; the
//! tagger, which sees a number end most names, found nothing there (trial 70: four of
//! four). Decided after decoding, so the model is trained as before.

use super::super::scan::Scan;
use super::super::words::STOP;
use super::{Name, Trigger, joined};
use crate::extract::entities::model::EntityKind;

/// Adds a place for each highway's words and number (`राष्ट्रीय राजमार्ग-30`, `नेशनल हाईवे
/// 44`, `एनएच-30`, `राजमार्ग संख्या 30`), in place of what the tagger found inside.
pub(super) fn numbered(scan: &Scan, names: &mut Vec<Name>) {
    let n = scan.tokens.len();
    for t in 0..n {
        let Some(words_end) = highway_words(scan, t) else {
            continue;
        };
        // `… राजमार्ग संख्या 30`: the word "number" may stand before it.
        let mut num = words_end + 1;
        let numbered = num < n && scan.text(num) == "संख्या" && joined(scan, num);
        if numbered {
            num += 1;
        }
        // `एनएच` and `संख्या` say a number follows; after the words alone a number may be
        // a count.
        let said = numbered || words_end == t;
        if num >= n || !scan.text(num).bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let gap = super::original_gap(scan, num);
        let hyphen = matches!(gap, "-" | "–");
        let spaced = gap.is_empty();
        // A count after the words is their length or number (`राष्ट्रीय राजमार्ग 1,46,000
        // किलोमीटर`, `… 2 हजार किलोमीटर`): after a space, the number must end a phrase or
        // stand before a postposition.
        let after = num + 1;
        // (A mark with digits right after it is inside a number, `1,46,000`; a mark then a
        // space ends a phrase, `एनएच 44, जहां …`.)
        let in_number = matches!(scan.gap_after(num), "," | ".")
            && scan.text(after).bytes().all(|b| b.is_ascii_digit());
        let count = after < n && (in_number || COUNTED.contains(&scan.text(after)));
        let closes =
            after >= n || !scan.gap_after(num).trim().is_empty() || scan.tokens[after].is(STOP);
        if !count && (hyphen || said && spaced || spaced && closes) {
            names.retain(|n| n.1 < t || n.0 > num);
            names.push((t, num, EntityKind::Place));
        }
    }
}

/// Words that count what a number before them measures: no highway's number.
/// (Time words are function words to the tagger, so they are listed: `… हाईवे 5 साल में`.)
const COUNTED: &[&str] = &[
    "हजार",
    "लाख",
    "करोड",
    "किलोमीटर",
    "किमी",
    "km",
    "प्रतिशत",
    "फीसदी",
    "लेन",
    "साल",
    "वर्ष",
    "घंटे",
    "दिन",
    "महीने",
    "हफ्ते",
    "सप्ताह",
    "मिनट",
];

/// The last word of a highway's words that start at word `t`, if they do.
fn highway_words(scan: &Scan, t: usize) -> Option<usize> {
    static ROAD: Trigger = Trigger::new("राजमार्ग");
    static HIGHWAY: Trigger = Trigger::new("हाईवे");
    static NH: Trigger = Trigger::new("एनएच");
    static NH_LATIN: Trigger = Trigger::new("nh");
    // (The one test every word pays comes first: the word after, by its hash.)
    if ROAD.at(scan, t + 1) && joined(scan, t + 1) {
        matches!(scan.text(t), "राष्ट्रीय" | "राज्य").then_some(t + 1)
    } else if HIGHWAY.at(scan, t + 1) && joined(scan, t + 1) {
        matches!(scan.text(t), "नेशनल" | "स्टेट").then_some(t + 1)
    } else {
        (NH.at(scan, t) || NH_LATIN.at(scan, t)).then_some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::numbered;
    use crate::extract::entities::model::EntityKind::Place;

    /// A highway's words and its number are a place; the words without a number are not.
    #[test]
    fn a_numbered_highway_is_a_place() {
        let text = "हादसा राष्ट्रीय राजमार्ग-27 पर हुआ। किसान एनएच 52 जाम करेंगे। राष्ट्रीय \
                    राजमार्ग संख्या 9 बंद है। राष्ट्रीय राजमार्गों पर भीड़ है। राष्ट्रीय राजमार्ग पर। राष्ट्रीय \
                    राजमार्ग 3 हजार किलोमीटर बढ़े। नेशनल हाईवे 5 साल में बनेंगे। राज्य राजमार्ग-8 \
                    जाम रहा। राष्ट्रीय राजमार्ग 2,500 किलोमीटर है। एनएच 31, जो अहम है।";
        let (scan, _) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = Vec::new();
        numbered(&scan, &mut names);
        assert_eq!(
            names,
            [
                (at("राष्ट्रीय"), at("27"), Place),
                (at("एनएच"), at("52"), Place),
                (at("9") - 3, at("9"), Place),
                (at("8") - 2, at("8"), Place),
                (at("31") - 1, at("31"), Place)
            ]
        );
    }
}
