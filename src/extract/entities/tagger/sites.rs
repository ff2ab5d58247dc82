//! A town's own sites, named the way local pages name them: junctions, markets, bus and
//! metro stations (`सिंघाना मोड़ के पास`, `घुमार मंडी में`, `ढांसा बस अड्डे`, `जहांगीरपुरी
//! मेट्रो स्टेशन तक`).
//!
//! A report of a crime or a protest says where it happened by the nearest such site, and
//! no list holds them: the tagger saw nothing, or only the word before the site's word, as
//! a person. The site's word is kept apart from the tagger's feature lists (`facility_head`)
//! so the model is unchanged. Decided after decoding.

use super::super::scan::Scan;
use super::super::words::{market_kind, village_or_site};
use super::venues::{edge, ends_place, village_name_like};
use super::villages::quantity;
use super::{Name, joined, next_word};
use crate::extract::entities::model::EntityKind;

/// A site's last words (folded: `मोड़` is `मोड`, `बाज़ार` is `बाजार`), one or two.
const HEADS: &[&[&str]] = &[
    &["मोड"],
    &["चौराहा"],
    &["चौराहे"],
    &["तिराहा"],
    &["तिराहे"],
    &["मंडी"],
    &["बाजार"],
    &["बस", "अड्डा"],
    &["बस", "अड्डे"],
    &["बस", "स्टैंड"],
    &["मेट्रो", "स्टेशन"],
];

/// The last word of a site's word starting at `t`, if one does.
fn head_end(scan: &Scan, t: usize) -> Option<usize> {
    HEADS.iter().find_map(|words| {
        let last = t + words.len() - 1;
        let fits = last < scan.tokens.len()
            && words
                .iter()
                .enumerate()
                .all(|(i, w)| scan.text(t + i) == *w && (i == 0 || joined(scan, t + i)));
        fits.then_some(last)
    })
}

/// Whether a site's name may end at word `end`: the text or its sentence ends, a comma comes,
/// or a postposition, `स्थित`, `और` (another site listed) or `होते` (`… बस अड्डे होते हुए`,
/// by way of). Before another word (`मोड़ आया`, a turn the story took) it is no site's name.
fn ends_site(scan: &Scan, end: usize) -> bool {
    let gap = scan.gap_after(end).trim();
    if end + 1 >= scan.tokens.len() || !gap.is_empty() {
        return end + 1 >= scan.tokens.len()
            || gap.starts_with([',', '।', '.', '?', '!', '|', '॥']);
    }
    next_word(scan, end).is_some_and(|w| ends_place(w) || matches!(w, "और" | "होते"))
}

/// Adds a place for a word of no list before a site's word, with a function or ordinary
/// word, a punctuation mark or the sentence's start before it: the word and the site's word
/// are the site. Names the tagger drew inside it (a person over the word, the town `मंडी`)
/// give way to it, but a person before a market is someone going there (`राजू बाजार से
/// लौटा`).
pub(super) fn local(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for head in 1..scan.tokens.len() {
        if !village_or_site(scan.tokens[head].hash) {
            continue;
        }
        let Some(end) = head_end(scan, head) else {
            continue;
        };
        if !joined(scan, head) || !ends_site(scan, end) {
            continue;
        }
        // One word: before it, a second is as often what kind of site (`रूट X मेट्रो स्टेशन`).
        let first = head - 1;
        let market = matches!(scan.text(head), "मंडी" | "बाजार");
        if !village_name_like(scan, gaz, first)
            || !edge(scan, first)
            // `तीन बैच बाज़ार से`: a counted thing, from the market.
            || first > 0 && quantity(scan, first - 1)
            || market && market_kind(scan.tokens[first].hash)
        {
            continue;
        }
        let inside = |n: &Name| first <= n.0 && n.1 <= end;
        let touching = |n: &Name| n.0 <= end && first <= n.1;
        let person_at_market =
            |n: &Name| market && n.2 == EntityKind::Person && n.0 <= first && first <= n.1;
        if names
            .iter()
            .any(|n| touching(n) && (!inside(n) || person_at_market(n)))
        {
            continue;
        }
        names.retain(|n| !touching(n));
        names.push((first, end, EntityKind::Place));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::{places_in as places, prepare};
    use crate::extract::entities::model::EntityKind::{Person, Place};

    /// A junction, a market, a bus or metro station named by words no list knows is a
    /// place, its word and all; an everyday word before the site's word says what kind it
    /// is, and a verb after it makes no site's name.
    #[test]
    fn a_towns_sites() {
        let found = places("पुलिस ने सिंघाना मोड़ के पास चारों को पकड़ा। वह घुमार मंडी में कपड़े बेचता है।");
        assert_eq!(found, ["सिंघाना मोड", "घुमार मंडी"]);
        let found = places("रूट कैंप से नवलपुरी मेट्रो स्टेशन तक होगा, फिर ढांसा बस अड्डे होते हुए जाएगी।");
        assert_eq!(found, ["नवलपुरी मेट्रो स्टेशन", "ढांसा बस अड्डे"]);
        for text in [
            "शेयर बाजार में गिरावट आई।",
            "कृषि उपज मंडी में कारोबार हुआ।",
            "कंपनी ने सिरप के तीन बैच बाजार से वापस मंगाए।",
            "वह सब्जी बाजार में गया।",
            "कंपनी के स्मार्टफोन बाजार में तेजी है।",
            "कहानी में नया मोड़ आया।",
            "नए बस अड्डे का काम शुरू हुआ।",
        ] {
            assert_eq!(places(text), Vec::<String>::new(), "{text}");
        }
    }

    /// Every site's first word passes the hash gate the rule asks first.
    #[test]
    fn every_sites_word_is_gated() {
        use crate::extract::entities::hash::word_hash;
        use crate::extract::entities::words::village_or_site;
        for words in super::HEADS {
            assert!(village_or_site(word_hash(words[0])), "{words:?}");
        }
    }

    /// A person the tagger found before a market is someone going there; before a
    /// junction, the junction's name.
    #[test]
    fn a_person_before_a_market_goes_there() {
        for (text, kept) in [
            ("फिर राजू बाजार से लौटा।", true),
            ("फिर राजू चौराहे पर जाम लगा।", false),
        ] {
            let (scan, gaz) = prepare(matcher(), text);
            let raju = super::super::word_at(&scan, "राजू");
            let mut names = vec![(raju, raju, Person)];
            super::local(&scan, &gaz.codes, &mut names);
            let expected = if kept {
                (raju, raju, Person)
            } else {
                (raju, raju + 1, Place)
            };
            assert_eq!(names, [expected], "{text}");
        }
    }
}
