//! Bodies named in English word order, written as they sound: `यूनिवर्सिटी ऑफ कैलिफ़ोर्निया`,
//! `कॉन्फ़ेडरेशन ऑफ इंडियन इंडस्ट्री`, `फिल्म फेडरेशन ऑफ इंडिया`.
//!
//! Hindi names a body head word last; English puts it first and what it is of after `of`
//! (`ऑफ`). The tagger, which learned Hindi order, found the place after `ऑफ` alone, or
//! the head and `ऑफ` as a place (`यूनिवर्सिटी ऑफ`), or nothing (trial 69). Decided after
//! decoding, so the model is trained as before.

use super::super::scan::Scan;
use super::super::words::{CUE, HONORIFIC, ORG_HEAD, SAID, STOP, business};
use super::features::{DEMONYM, gazetteer_end, gazetteer_kind, gazetteer_start};
use super::orgs::CONJUNCTIONS;
use super::venues::oblique;
use super::{Name, Trigger, joined};
use crate::extract::entities::model::EntityKind;

/// English head words of a body that `of` follows (folded: no nukta, `ॉ` as `ा`).
const HEADS: &[&str] = &[
    "यूनिवर्सिटी",
    "फेडरेशन",
    "कांफेडरेशन",
    "कंफेडरेशन",
    "एसोसिएशन",
    "चैंबर",
    "चेंबर",
    "काउंसिल",
    "इंस्टीट्यूट",
    "इंस्टिट्यूट",
    "सोसाइटी",
    "सोसायटी",
    "कार्पोरेशन",
    "कारपोरेशन",
    "कमीशन",
    "अकादमी",
    "एकेडमी",
    "अकैडमी",
    "यूनियन",
    "डिपार्टमेंट",
    "मिनिस्ट्री",
    "आर्गनाइजेशन",
    "आर्गेनाइजेशन",
    "फोरम",
    "ब्यूरो",
    "अथारिटी",
    "फाउंडेशन",
];

/// English words that open a body's name before its head (`फिल्म फेडरेशन …`, `नेशनल
/// काउंसिल …`): a Hindi word there is the sentence's (`रिपोर्ट यूनिवर्सिटी आफ …`).
const OPENERS: &[&str] = &[
    "नेशनल",
    "इंडियन",
    "इंटरनेशनल",
    "आल",
    "मेडिकल",
    "प्रेस",
    "स्टेट",
    "सेंट्रल",
    "रायल",
    "अमेरिकन",
    "ब्रिटिश",
    "एशियन",
    "वर्ल्ड",
    "ग्लोबल",
    // Languages (`तेलुगु फिल्म चैंबर …`, `तमिल फिल्म प्रोड्यूसर्स काउंसिल`).
    "तेलुगु",
    "तमिल",
    "मलयालम",
    "कन्नड",
    "बांग्ला",
    "मराठी",
    "गुजराती",
    "पंजाबी",
];

/// English words that join the words after `of` (`… फंड्स इन इंडिया`, `… साइंस एंड
/// टेक्नोलाजी`): never the last.
const JOINERS: &[&str] = &["इन", "एंड", "फार", "द"];

/// How many words after `of` a body's name may hold.
const AFTER: usize = 5;

/// Adds an organisation for each English head word, `आफ` and what follows up to a
/// postposition or a mark (`यूनिवर्सिटी आफ कैलिफ़ोर्निया के`), with the English words and
/// the language or place before the head that open such names (`तेलुगु फिल्म चैंबर …`),
/// in place of what the tagger found there; not where a longer organisation already holds
/// it, nor where the words run on past [`AFTER`].
pub(super) fn of_bodies(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static OF: Trigger = Trigger::new("आफ");
    let n = scan.tokens.len();
    for head in 0..n.saturating_sub(2) {
        // (The one test every word pays comes first: `ऑफ` after it, by its hash.)
        if !OF.at(scan, head + 1) || !HEADS.contains(&scan.text(head)) || !joined(scan, head + 1) {
            continue;
        }
        let Some(last) = after_of(scan, gaz, head + 2) else {
            continue;
        };
        // `कमीशन ऑफ इंक्वायरी एक्ट`: a law's name.
        if (head..=(last + 1).min(n - 1)).any(|w| super::law_word(scan.text(w))) {
            continue;
        }
        let mut first = head;
        while first > 0
            && head - first < 2
            && joined(scan, first)
            && opens(scan, gaz, first - 1, head)
        {
            first -= 1;
        }
        // A place's later words only (`प्रदेश` of `आंध्र प्रदेश`, past the two openers
        // looked at): the place stays whole, outside the body.
        while first < head
            && gazetteer_kind(gaz[first]) == Some(EntityKind::Place)
            && gazetteer_start(gaz[first]).is_none()
        {
            first += 1;
        }
        // A longer body the tagger found holds it, unless that is two joined by a
        // conjunction (`यूनिवर्सिटी ऑफ ऑक्सफ़ोर्ड और यूनिवर्सिटी ऑफ …`, review).
        let held = names.iter().any(|&(f, l, k)| {
            k == EntityKind::Organization
                && f <= first
                && last <= l
                && (f, l) != (first, last)
                && !(f..=l).any(|w| CONJUNCTIONS.contains(&scan.text(w)))
        });

        if held {
            continue;
        }
        names.retain(|&(f, l, _)| l < first || f > last);
        names.push((first, last, EntityKind::Organization));
    }
}

/// The last word of what a body is of, starting at word `t`: words that run on (no
/// function word, designation or verb of saying; English joiners inside) up to a
/// postposition, a mark or the text's end.
fn after_of(scan: &Scan, gaz: &[u8], t: usize) -> Option<usize> {
    let n = scan.tokens.len();
    let mut last = None;
    for w in t..n.min(t + AFTER) {
        if !joined(scan, w) {
            break;
        }
        let joiner = JOINERS.contains(&scan.text(w));
        if !joiner && scan.tokens[w].is(STOP | CUE | SAID | HONORIFIC) {
            break;
        }
        // After the first word, a participle or an oblique form is the sentence's (`…
        // इंपॉर्टेंस घोषित`, `… मामले में`: review). (Ordinary words are not: `इंडस्ट्री`,
        // `फंड्स` are as frequent as Hindi words.)
        if w > t && !joiner && oblique(scan.text(w)) {
            return last.filter(|&l| l + 1 == w);
        }
        if !joiner {
            last = Some(w);
        }
        // What follows ends the name: a mark, a function word that is no joiner, or the
        // end of a place a list knows (`यूनियन ऑफ इंडिया बनाम …`).
        // (Unless a body's word follows: `… ऑफ ऑल इंडिया ट्रेडर्स`.)
        let place_ends = gazetteer_kind(gaz[w]) == Some(EntityKind::Place)
            && gazetteer_end(gaz, w) == w
            && !(w + 1 < n
                && (scan.tokens[w + 1].is(ORG_HEAD)
                    || business(scan.tokens[w + 1].hash).is_some()));
        let ends = w + 1 >= n
            || !joined(scan, w + 1)
            || place_ends && !JOINERS.contains(&scan.text(w + 1))
            || scan.tokens[w + 1].is(STOP) && !JOINERS.contains(&scan.text(w + 1));
        if ends {
            return last.filter(|_| !joiner);
        }
    }
    None
}

/// Whether word `t` opens a body's English name before the head at `head`: one of
/// [`OPENERS`], a language or a people (`तेलुगु`), or a place a list knows (`बॉम्बे`);
/// `बार` only before `काउंसिल`, `फिल्म` only before a federation, a chamber or an
/// association, and neither after a word that counts or points (`पहली बार`, `यह फिल्म`).
fn opens(scan: &Scan, gaz: &[u8], t: usize, head: usize) -> bool {
    let pointed = t > 0
        && joined(scan, t)
        && matches!(
            scan.text(t - 1),
            "यह" | "इस"
                | "उस"
                | "वह"
                | "अपनी"
                | "अपने"
                | "उनकी"
                | "उनके"
                | "पहली"
                | "दूसरी"
                | "कई"
                | "हर"
                | "एक"
                | "नई"
        );
    match scan.text(t) {
        "बार" => !pointed && scan.text(head) == "काउंसिल",
        "फिल्म" => {
            !pointed && matches!(scan.text(head), "फेडरेशन" | "चैंबर" | "चेंबर" | "एसोसिएशन")
        }
        word => {
            OPENERS.contains(&word)
                || gaz[t] == DEMONYM
                || gazetteer_kind(gaz[t]) == Some(EntityKind::Place)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::of_bodies;
    use crate::extract::entities::model::EntityKind::{Organization, Place};

    /// An English head, `ऑफ` and what follows up to a postposition is a body, with an
    /// English opener before it; not a Hindi word before, not words that run on past five,
    /// and not inside a longer body found already.
    #[test]
    fn a_body_named_in_english_order() {
        let text = "शोध यूनिवर्सिटी ऑफ मिशिगन के वैज्ञानिकों ने किया। नेशनल फेडरेशन ऑफ \
                    फार्मर्स एंड ट्रेडर्स ने मांग की। काउंसिल ऑफ ए बी सी डी ई एफ में।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = vec![(at("मिशिगन"), at("मिशिगन"), Place)];
        of_bodies(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (at("यूनिवर्सिटी"), at("मिशिगन"), Organization),
                (at("नेशनल"), at("ट्रेडर्स"), Organization)
            ]
        );
        // `बार` opens only the bar's council, never after a word that counts; a name ends
        // at a known place before a Hindi word.
        let (scan2, gaz2) = prepare(
            matcher(),
            "पहली बार काउंसिल ऑफ ड्रामा बनी। यूनियन ऑफ इंडिया पक्ष ने कहा।",
        );
        let at2 = |word: &str| super::super::word_at(&scan2, word);
        let mut found = Vec::new();
        of_bodies(&scan2, &gaz2.codes, &mut found);
        assert_eq!(
            found,
            [
                (at2("काउंसिल"), at2("ड्रामा"), Organization),
                (at2("यूनियन"), at2("इंडिया"), Organization)
            ]
        );
        let whole = (at("शोध"), at("मिशिगन"), Organization);
        let mut held = vec![whole];
        of_bodies(&scan, &gaz.codes, &mut held);
        assert_eq!(held[0], whole);
    }
}
