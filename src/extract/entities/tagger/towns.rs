//! Towns named inside a larger place: `गुजरात के धोलेरा में`, `चीन के हांगझोउ में`.
//!
//! News places a town no list holds by the state or country it is in, with its genitive,
//! and then says what happened there. The tagger, which has seen few such towns, found the
//! state and not the town (trial 69: 6 of its 20 missed places). Decided after decoding,
//! so the model is trained as before.

use super::super::scan::Scan;
use super::features::{gazetteer_end, gazetteer_kind};
use super::venues::village_name_like;
use super::{Name, Trigger, covers, joined};
use crate::extract::entities::model::EntityKind;

/// Endings of Indian and foreign towns' names (folded: no nukta). The frame alone took
/// nearly any word a list does not hold for a town (`भारत के इकोसिस्टम में`, `बिहार के छठ
/// में`, `असम के बोडो में`: the review's 44 false places in 138 passages); a town's
/// ending vouches for the name.
const TOWN_ENDINGS: &[&str] = &[
    "पुर",
    "पुरा",
    "गंज",
    "नगर",
    "आबाद",
    "गढ",
    "गांव",
    "वाडा",
    "वाडी",
    "पल्ली",
    "हल्ली",
    "पेट",
    "कोट",
    "खेडा",
    "पाडा",
    "पट्टी",
    "मेर",
    "नेर",
    "ग्राद",
    "बर्ग",
    "शायर",
    "विले",
    "पोल",
];

/// Whether `word` ends as a town's name does, with at least two letters before the ending
/// (`महानगर`, a metropolis, is a word).
fn town_shaped(word: &str) -> bool {
    TOWN_ENDINGS.iter().any(|e| {
        word.strip_suffix(e)
            .is_some_and(|stem| stem.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    }) && word != "महानगर"
}

/// Adds a place for each word of no list between a known place's genitive and `में` (or
/// `से लेकर`, "from … to"): `दक्षिण अफ्रीका के पोचेफस्ट्रूम में`. The word must look like a
/// name, as a village's does ([`village_name_like`]: no ordinary word, `गुजरात के विकास
/// में` is no town, no adjective or oblique form), end as a town's does ([`town_shaped`]),
/// and no name may cover it. Not before
/// `से` alone, after which the word is as often a person met (`पाकिस्तान के X से बात`).
pub(super) fn within_places(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static KE: Trigger = Trigger::new("के");
    for t in 2..scan.tokens.len().saturating_sub(1) {
        // (The cheapest test first: a place a list knows two words before.)
        let place = t - 2;
        if gazetteer_kind(gaz[place]) != Some(EntityKind::Place)
            || !KE.at(scan, t - 1)
            || !joined(scan, t - 1)
            || !joined(scan, t + 1)
        {
            continue;
        }
        // The last word of a place a list knows (`दक्षिण अफ्रीका`).
        let known_place = gazetteer_end(gaz, place) == place;
        let located = match scan.text(t + 1) {
            "में" => true,
            "से" => {
                t + 2 < scan.tokens.len() && joined(scan, t + 2) && scan.text(t + 2) == "लेकर"
            }
            _ => false,
        };
        if known_place
            && located
            && joined(scan, t)
            && town_shaped(scan.text(t))
            && village_name_like(scan, gaz, t)
            && !covers(names, t)
        {
            names.push((t, t, EntityKind::Place));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::within_places;
    use crate::extract::entities::model::EntityKind::Place;

    /// A word of no list between a known place's genitive and `में` or `से लेकर` is a town;
    /// not an ordinary word or an oblique form there, not a word before `से` alone, not
    /// after a word no list knows, and not a word a name covers.
    #[test]
    fn a_town_inside_a_known_place() {
        let text = "वे गुजरात के ओखानगर में थे। केरल के कुट्टनपुरा से लेकर कोल्लम तक बाढ़ है। \
                    भारत के इतिहास में यह पहला मौका है। बिहार के छठ में। असम के बोडो में। \
                    भारत के कामकाजपुरों में। पाकिस्तान के रहीमपुर से बात हुई। पाकिस्तान के ज़ुबैर से बात हुई। \
                    जगरनपुर के बेलवाड़ी में मेला लगा। चीन के किसानों में रोष है।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = Vec::new();
        within_places(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (at("ओखानगर"), at("ओखानगर"), Place),
                (at("कुट्टनपुरा"), at("कुट्टनपुरा"), Place)
            ]
        );
        let mut taken = vec![(at("ओखानगर"), at("ओखानगर"), Place)];
        within_places(&scan, &gaz.codes, &mut taken);
        assert_eq!(taken.len(), 2);
    }
}
