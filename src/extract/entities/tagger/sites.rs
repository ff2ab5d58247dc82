//! A town's own sites, named the way local pages name them: junctions, markets, roads,
//! grounds, bus and metro stations (`सिंघाना मोड़ के पास`, `घुमार मंडी में`, `ढांसा बस अड्डे`,
//! `जहांगीरपुरी मेट्रो स्टेशन तक`, `बरसत रोड और`, `खासबाग मैदान में`).
//!
//! A report of a crime or a protest says where it happened by the nearest such site, and
//! no list holds them: the tagger saw nothing, or only the word before the site's word, as
//! a person. The site's word is kept apart from the tagger's feature lists (`facility_head`)
//! so the model is unchanged. Decided after decoding.

use super::super::scan::Scan;
use super::super::words::{site_kind, village_or_site};
use super::venues::{edge, ends_place, hyphened, village_name_like};
use super::villages::quantity;
use super::{Name, ends_sentence, joined, next_word};
use crate::extract::entities::model::EntityKind;

/// A site's last words (folded: `मोड़` is `मोड`, `बाज़ार` is `बाजार`), one or two.
const HEADS: &[&[&str]] = &[
    &["मोड"],
    &["चौक"],
    &["चौराहा"],
    &["चौराहे"],
    &["तिराहा"],
    &["तिराहे"],
    &["मंडी"],
    &["बाजार"],
    &["रोड"],
    &["मैदान"],
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
/// or a postposition, `स्थित`, `और` (another site listed), `होते` (`… बस अड्डे होते हुए`,
/// by way of) or the word for the area around it (`जगन चौराहा क्षेत्र से`). Before another
/// word (`मोड़ आया`, a turn the story took; `रोड शो`) it is no site's name.
fn ends_site(scan: &Scan, end: usize) -> bool {
    let gap = scan.gap_after(end).trim();
    if end + 1 >= scan.tokens.len() || !gap.is_empty() {
        return end + 1 >= scan.tokens.len()
            || gap.starts_with([',', '।', '.', '?', '!', '|', '॥']);
    }
    next_word(scan, end)
        .is_some_and(|w| ends_place(w) || matches!(w, "और" | "होते" | "क्षेत्र" | "इलाके" | "इलाका"))
}

/// Adds a place for a word of no list before a site's word, with a function or ordinary
/// word, a punctuation mark or the sentence's start before it: the word and the site's word
/// are the site. Names the tagger drew inside it (a person over the word, the town `मंडी`)
/// give way to it, but a person before a market, a road, a ground or a square is someone
/// going there (`राजू बाजार से लौटा`, `कोहली मैदान पर उतरे`, `राजू चौक पर खड़ा था`).
pub(super) fn local(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    lone_junctions(scan, gaz, names);
    // A site found places the one listed before it (`X चौक, Y रोड और Z मोड़ पर`): again
    // while a pass finds more, at most once per item of a short list.
    for _ in 0..3 {
        if !local_pass(scan, gaz, names) {
            break;
        }
    }
}

/// One pass of [`local`] over the text; whether it found a site.
fn local_pass(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) -> bool {
    let mut found = false;
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
        let visited = matches!(scan.text(head), "मंडी" | "बाजार" | "रोड" | "मैदान" | "चौक");
        if !village_name_like(scan, gaz, first)
            || !edge(scan, first)
            // `तीन बैच बाज़ार से`: a counted thing, from the market.
            || first > 0 && quantity(scan, first - 1)
            || site_kind(scan.tokens[first].hash)
            || COMMON_HEADS.contains(&scan.text(head)) && !placed(scan, names, first, end)
        {
            continue;
        }
        if names.contains(&(first, end, EntityKind::Place)) {
            continue;
        }
        let inside = |n: &Name| first <= n.0 && n.1 <= end;
        let touching = |n: &Name| n.0 <= end && first <= n.1;
        let person_there =
            |n: &Name| visited && n.2 == EntityKind::Person && n.0 <= first && first <= n.1;
        // `लॉर्ड्स मैदान पर`: a ground the tagger knew by its own name is named so, the
        // word after it only says what it is.
        let ground = |n: &Name| {
            scan.text(head) == "मैदान" && n.2 == EntityKind::Place && (n.0, n.1) == (first, first)
        };
        if names
            .iter()
            .any(|n| touching(n) && (!inside(n) || person_there(n) || ground(n)))
        {
            continue;
        }
        names.retain(|n| !touching(n));
        names.push((first, end, EntityKind::Place));
        found = true;
    }
    found
}

/// Site words that are also everyday words of any road, square or field (`चौक पर भिड़ गए`,
/// `मैदान में उतरे`, `रोड पर गिरा`): before them a word no list knows is as often a thing or
/// a person (`ट्रैक्टर मैदान में फंसा`, `हरमनप्रीत मैदान में उतरीं`) as a name, so the site
/// must be placed ([`placed`]).
const COMMON_HEADS: &[&str] = &["चौक", "रोड", "मैदान"];

/// Whether the text places the site `first..=end` among places: after a place's genitive
/// or a town's word's (`कोल्हापुर के खासबाग मैदान`, `शहर के X चौक`), listed right after a
/// place or before one (`शिवगंज और X चौक में`, `X रोड और सिवाह की`), before the word for the
/// area around it or `स्थित`, or as either end of a route (`X चौक से … तक`, `… से X रोड
/// तक`).
fn placed(scan: &Scan, names: &[Name], first: usize, end: usize) -> bool {
    let place_ends = |t: usize| names.iter().any(|n| n.2 == EntityKind::Place && n.1 == t);
    let place_starts = |t: usize| names.iter().any(|n| n.2 == EntityKind::Place && n.0 == t);
    let town_word = |t: usize| matches!(scan.text(t), "शहर" | "कस्बे" | "जिले" | "नगर" | "गांव");
    let genitive = first >= 2
        && matches!(scan.text(first - 1), "के" | "की" | "का")
        && joined(scan, first - 1)
        && (place_ends(first - 2) || town_word(first - 2));
    // A list: `और` or a comma right before the name, a place right before that.
    let separator_before = first >= 2
        && (scan.text(first - 1) == "और" && joined(scan, first - 1) && place_ends(first - 2)
            || scan.gap_after(first - 1).trim() == "," && place_ends(first - 1));
    let len = scan.tokens.len();
    let separator_after = end + 2 < len
        && next_word(scan, end) == Some("और")
        && joined(scan, end + 2)
        && place_starts(end + 2)
        || end + 1 < len && scan.gap_after(end).trim() == "," && place_starts(end + 1);
    let area =
        next_word(scan, end).is_some_and(|w| matches!(w, "क्षेत्र" | "इलाके" | "इलाका" | "स्थित"));
    genitive || separator_before || separator_after || area || route(scan, first, end)
}

/// Whether the site `first..=end` is on a route in its sentence: `से` right after it and
/// `तक` or `होते` (by way of) a few words on, `तक` right after it and `से` a few words
/// before, or `होते` right after it (`X चौक होते हुए`).
fn route(scan: &Scan, first: usize, end: usize) -> bool {
    const SPAN: usize = 8;
    let len = scan.tokens.len();
    match next_word(scan, end) {
        // The nearest `तक` or `होते` on, before the sentence ends.
        Some("से") => (end + 2..(end + 2 + SPAN).min(len))
            .take_while(|&t| !ends_sentence(scan, t - 1, true))
            .any(|t| matches!(scan.text(t), "तक" | "होते")),
        Some("होते") => true,
        // The nearest `से` back, within the sentence.
        Some("तक") => (first.saturating_sub(SPAN)..first)
            .rev()
            .take_while(|&t| !ends_sentence(scan, t, true))
            .any(|t| scan.text(t) == "से"),
        _ => false,
    }
}

/// `कॉपियां इलाइट चौराहा के पास`: a junction's word the tagger made a place alone names the
/// junction with the word before it, where that word may be a name (no list's word, no
/// kind of site, no count, no town before a hyphen), though no edge stands before it;
/// otherwise the word alone is no place (`चौराहे पर जाम`).
fn lone_junctions(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let ends: Vec<usize> = names.iter().map(|n| n.1).collect();
    names.retain_mut(|name| {
        let (first, last, kind) = *name;
        if kind != EntityKind::Place
            || first != last
            || !matches!(
                scan.text(first),
                "मोड" | "चौक" | "चौराहा" | "चौराहे" | "तिराहा" | "तिराहे"
            )
        {
            return true;
        }
        let has_name = first > 0
            && joined(scan, first)
            && !ends.contains(&(first - 1))
            && village_name_like(scan, gaz, first - 1)
            && !hyphened(scan, first - 1)
            && !site_kind(scan.tokens[first - 1].hash)
            && !(first > 1 && quantity(scan, first - 2));
        name.0 = first.saturating_sub(1);
        has_name
    });
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

    /// A junction, a road or a ground named by a word no list knows is a place where the
    /// text places it: after a town's genitive, on a route, in a list of sites, before the
    /// word for the area; a road named by two towns, a kind of road or ground, a road show,
    /// and a thing or a player on a field are not.
    #[test]
    fn junctions_roads_and_grounds() {
        let found = places(
            "रैली शहर के बरोठा चौक से निकली और ढकोली रोड होते हुए गई। सभा कस्बे के पलसाना मैदान में हुई।",
        );
        assert_eq!(found, ["बरोठा चौक", "ढकोली रोड", "पलसाना मैदान"]);
        let found = places("किसानों ने करहिया चौक, बिलौंजा रोड और सिमरावल मोड़ पर जाम लगाया।");
        assert_eq!(found, ["करहिया चौक", "बिलौंजा रोड", "सिमरावल मोड"]);
        assert_eq!(
            places("शहर के मुरला चौराहा क्षेत्र से बच्चा लापता हुआ।"),
            ["मुरला चौराहा"]
        );
        // A route's other end is the nearest in the same sentence.
        assert_eq!(
            places("वह घर से आया। रैली कैंप से बरसत रोड तक गई।"),
            ["बरसत रोड"]
        );
        assert_eq!(
            places("पुलिस ने बरोठा चौक से ढकोली होते हुए मार्च किया। वहां तक भीड़ थी।"),
            ["बरोठा चौक"]
        );
        for text in [
            "वह बरसत रोड से आया। मेला कल तक चलेगा।",
            "वह घर से आया। रैली बरसत रोड तक गई।",
        ] {
            assert_eq!(places(text), Vec::<String>::new(), "{text}");
        }
        for text in [
            "नया लिंक रोड पर काम शुरू हुआ।",
            "बच्चे खेल मैदान में खेलते हैं।",
            "नेता का रोड शो हुआ।",
            "शहर के मुख्य चौक पर जाम लगा।",
            "ट्रैक्टर मैदान में फंस गया।",
            "हरमनप्रीत मैदान में उतरीं।",
            "शहर के जर्जर रोड पर हादसा हुआ।",
            "शहर के विशाल मैदान में सभा हुई।",
        ] {
            assert_eq!(places(text), Vec::<String>::new(), "{text}");
        }
    }

    /// A junction's word the tagger made a place alone takes the name before it, or goes.
    #[test]
    fn a_junctions_word_alone() {
        let text =
            "कॉपियां बरेठा चौराहा के पास मिलीं। फिर चौराहे पर जाम लगा। वह धमोरा-सिकरी तिराहा पर रुका।";
        let (scan, gaz) = prepare(matcher(), text);
        let first = super::super::word_at(&scan, "चौराहा");
        let second = super::super::word_at(&scan, "चौराहे");
        // Two towns' junction: the second town is no name of it alone.
        let third = super::super::word_at(&scan, "तिराहा");
        let mut names = vec![
            (first, first, Place),
            (second, second, Place),
            (third, third, Place),
        ];
        super::lone_junctions(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(first - 1, first, Place)]);
    }

    /// A ground the tagger found by its own name keeps it; the word after it says what it is.
    #[test]
    fn a_ground_known_by_its_name() {
        let text = "टेस्ट शहर के बरगोला मैदान पर खेला जाएगा।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = super::super::word_at(&scan, "बरगोला");
        let mut names = vec![(at, at, Place)];
        super::local(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(at, at, Place)]);
    }

    /// Two towns a hyphen joins name their road, and stay the towns: the first town is no
    /// edge a site's name starts at.
    #[test]
    fn a_road_between_two_towns() {
        let text = "वह खरेटा-धमोरा रोड होते हुए गया।";
        let (scan, gaz) = prepare(matcher(), text);
        let mut names = Vec::new();
        super::local(&scan, &gaz.codes, &mut names);
        assert_eq!(names, []);
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

    /// A person the tagger found before a market, a road, a ground or a square (`चौक`) is
    /// someone going there; before a junction (`चौराहा`, `मोड़`), the junction's name.
    #[test]
    fn a_person_before_a_market_goes_there() {
        for (text, kept) in [
            ("फिर राजू बाजार से लौटा।", true),
            ("शहर के राजू मैदान पर उतरा।", true),
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
