//! Towns no list holds, named by where they stand: inside a larger place (`गुजरात के धोलेरा
//! में`, `चीन के हांगझोउ में`), in a list beside one (`अंधेरी, ठाणे और पुणे में`), or as a
//! country's capital (`क़तर की राजधानी दोहा में`).
//!
//! News places a town by the state or country it is in, lists a city's neighbourhoods
//! with the city, and names a foreign capital by its country. The tagger, which has seen
//! few such towns, found the state and not the town (trial 69: 6 of its 20 missed places;
//! trials 70 and 71). Decided after decoding, so the model is trained as before.

use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{STOP, settlement};
use super::features::{gazetteer_end, gazetteer_kind, gazetteer_start};
use super::venues::{edge, listed_before, village_name_like};
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

/// Whether what follows word `t` closes a place's name: a postposition, a mark or the end.
fn closed(scan: &Scan, t: usize) -> bool {
    t + 1 >= scan.tokens.len()
        || !scan.gap_after(t).trim().is_empty()
        || joined(scan, t + 1)
            && matches!(
                scan.text(t + 1),
                "में" | "के" | "की" | "का" | "से" | "तक" | "पर" | "को" | "ने"
            )
}

/// `टीमें अंधेरी, ठाणे और पुणे में`, `सूरीनाम के पारामारिबो और फ़िजी में`: a word of no list
/// named in a list right beside a place is a place too, as a story lists a city's
/// neighbourhoods or a country's towns with one a list knows (trials 70 and 71).
/// - The word stands beside a place a list knows (or, before a settlement's word, `… और
///   धोरीमन्ना तहसील तक`, one the tagger found); the list holds no more words of no list
///   than such places, and no person or body (`दिल्ली, रमेश और सुरेश` is no list of
///   places).
/// - Each such word is one that looks like a name ([`village_name_like`]: no ordinary word,
///   no adjective or oblique form) and that no name covers.
/// - The list starts where a name can (after a mark, a function word or a plural) and ends
///   before a postposition or a mark.
pub(super) fn listed_with_places(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static AUR: Trigger = Trigger::new("और");
    static V: Trigger = Trigger::new("व");
    static TATHA: Trigger = Trigger::new("तथा");
    static EVAM: Trigger = Trigger::new("एवं");
    for and in 1..scan.tokens.len().saturating_sub(1) {
        // (A function word's bit first: cheaper than four words' hashes at every word.)
        if !scan.tokens[and].is(STOP) || ![&AUR, &V, &TATHA, &EVAM].iter().any(|w| w.at(scan, and))
        {
            continue;
        }
        let last = and + 1;
        // A settlement's word may follow the list (`… और धोरीमन्ना तहसील तक`).
        let kind_after = last + 1 < scan.tokens.len()
            && joined(scan, last + 1)
            && settlement(scan.tokens[last + 1].hash)
            && closed(scan, last + 1);
        if !joined(scan, last) || !(closed(scan, last) || kind_after) {
            continue;
        }
        let items = list_items(scan, gaz, names, last);
        let whole = items
            .last()
            .is_some_and(|&(first, _)| starts_list(scan, first));
        // A place a list knows vouches for the words beside it; one only the tagger found,
        // only before a settlement's word: the tagger's lone places in a list are as often
        // people, brands or topics (`गुड्डू, पप्पू और बबलू को`, `ओला, उबर और रैपिडो के`:
        // review; `जैवतकनीक, नैनोविज्ञान, रोबोटिकी और भारत की चर्चा`).
        let vouches = |item: &Item| item.1 == Some(true) || kind_after && item.1.is_some();
        let places = items.iter().filter(|i| vouches(i)).count();
        let unknown = items.iter().filter(|i| i.1.is_none()).count();
        // More words of no list than places make a list of topics or people more often.
        if !whole || paired(scan, last, &items) || unknown == 0 || unknown > places {
            continue;
        }
        let place_at = |i: usize| items.get(i).is_some_and(vouches);
        for (i, &(t, place)) in items.iter().enumerate() {
            if place.is_none() && (place_at(i + 1) || i > 0 && place_at(i - 1)) {
                names.push((t, t, EntityKind::Place));
            }
        }
    }
}

/// An item of a list: its first word, and whether a place is there (`Some`) and a list
/// knows it (`Some(true)`).
type Item = (usize, Option<bool>);

/// The items of the list that ends at word `last`, from the last back: places (found, or
/// known to a list) and single words of no list that look like names; the walk stops at
/// anything else.
fn list_items(scan: &Scan, gaz: &[u8], names: &[Name], last: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let mut t = last;
    loop {
        let item = match place_ending(gaz, names, t) {
            Some((first, listed)) => (first, Some(listed)),
            None if village_name_like(scan, gaz, t) && !covers(names, t) => (t, None),
            None => break,
        };
        items.push(item);
        match listed_before(scan, item.0) {
            Some(b) => t = b,
            None => break,
        }
    }
    items
}

/// The start of the place that ends at word `b`, if a name found or a list knows one, and
/// whether a list knows it.
fn place_ending(gaz: &[u8], names: &[Name], b: usize) -> Option<(usize, bool)> {
    let listed = gazetteer_kind(gaz[b]) == Some(EntityKind::Place);
    if let Some(n) = names.iter().find(|n| n.2 == EntityKind::Place && n.1 == b) {
        return Some((n.0, listed));
    }
    // (Only a listed word ends a listed place: no walk back otherwise.)
    if !listed || covers(names, b) {
        return None;
    }
    let first = (0..=b).rev().find(|&i| gazetteer_start(gaz[i]).is_some())?;
    (gazetteer_kind(gaz[first]) == Some(EntityKind::Place) && gazetteer_end(gaz, first) == b)
        .then_some((first, true))
}

/// Whether a list's first item, at word `first`, starts where a name can: no item before
/// it, and after a mark, a function word or a plural (`टीमें अंधेरी, …`), not inside a name
/// of more words (`पीक XV पार्टनर्स और सिंगापुर की`: trial 71).
fn starts_list(scan: &Scan, first: usize) -> bool {
    listed_before(scan, first).is_none()
        && (edge(scan, first)
            || ["ें", "ों", "ीं"]
                .iter()
                .any(|e| scan.text(first - 1).ends_with(e)))
}

/// `क़तर के अमीर और ओमान के सुल्तान`, `अर्जेंटीना के होज़े अकासुसो और चिली के …`: whether a
/// place ending the list at word `last` has a genitive after it as the item before the
/// conjunction has one before it; the list then pairs what the places hold (a title, a
/// player), and is no list of places (review; the `HiNER` dev set).
fn paired(scan: &Scan, last: usize, items: &[Item]) -> bool {
    let genitive = |t: usize| t < scan.tokens.len() && matches!(scan.text(t), "के" | "की" | "का");
    genitive(last + 1) && items.get(1).is_some_and(|&(f, _)| f > 0 && genitive(f - 1))
}

/// `क़तर की राजधानी दोहा में`: one word of no list right after `की राजधानी` (capital, maybe
/// with a word between: `की नई राजधानी`) and before a postposition or a mark is the
/// capital city; the tagger, which knows few foreign towns, missed them (trial 70). Not
/// after `राजधानी` alone, which as often goes before what happens there (`राजधानी आगमन
/// पर`, `राजधानी मेट्रो में`: review). The word must look like a name ([`village_name_like`]:
/// no ordinary word, nor `राजधानी घोषित`, a participle) and no name may cover it.
pub(super) fn capitals(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static CAPITAL: Trigger = Trigger::new("राजधानी");
    static KI: Trigger = Trigger::new("की");
    for t in 3..scan.tokens.len() {
        // Whose capital: `क़तर की राजधानी X`, `इंडोनेशिया की नई राजधानी X`.
        let whose = KI.at(scan, t - 2) || KI.at(scan, t - 3) && joined(scan, t - 2);
        if CAPITAL.at(scan, t - 1)
            && whose
            && joined(scan, t - 1)
            && joined(scan, t)
            && closed(scan, t)
            && village_name_like(scan, gaz, t)
            && !covers(names, t)
        {
            names.push((t, t, EntityKind::Place));
        }
    }
}

/// Whether word `t` stands as a paper's dateline does (`जगदलपुर। बस्तर ज़िले के …`): one word
/// that opens a line and a danda after it, with the report going on on the same line, and
/// that looks like a town's name ([`village_name_like`]). Other words open a line so too
/// (`नमस्कार।`, `सावधान।`, `खुलासा।`: the review), so [`town_dateline`] asks more. (The
/// rules' `place::dateline` finds a known place before a comma and a date, `पटना, 12
/// मार्च।`; this one is the tagger's, for towns no list knows.)
fn dateline(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    // A word after a space opens no line: most words, asked first.
    opens_line(scan, t)
        && t + 1 < scan.tokens.len()
        && scan.gap_after(t).trim() == "।"
        && !scan.gap_after(t).contains('\n')
        && village_name_like(scan, gaz, t)
}

/// Whether word `t` is a dateline's town: it stands as a dateline does ([`dateline`]) and
/// ends as towns do (`-पुर`, `-गढ़`, `-बाद`, `-गंज`). The tagger reads a line's opening
/// interjection (`सावधान।`, `खुलासा।`) as a place as readily as a town (the review: 7 of
/// 23 such words it found), so its reading is not asked.
pub(super) fn town_dateline(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    dateline(scan, gaz, t) && town_ending(scan.text(t))
}

/// Hindi papers open a report with the town it is filed from (`रुद्रपुर। …`), which the
/// tagger, seeing a sentence of one word, often passes over, and which the report may name
/// nowhere else (trial 74: 4 of 24 reports). A dateline's town ([`town_dateline`]), and a
/// town and its district in brackets ([`with_district`]), are places, also where the
/// tagger found one as one word of another kind (it read some as bodies).
pub(super) fn datelines(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for t in 0..scan.tokens.len() {
        // The cheap test first: only a word that opens a line may be a dateline.
        let towns = if town_dateline(scan, gaz, t) {
            [Some(t), None]
        } else if let Some((town, district)) = with_district(scan, gaz, t) {
            [Some(town), district]
        } else {
            continue;
        };
        for t in towns.into_iter().flatten() {
            let at = names.iter().position(|n| n.0 <= t && t <= n.1);
            if at.is_some_and(|i| names[i].0 != names[i].1) {
                continue;
            }
            match at {
                Some(i) => names[i].2 = EntityKind::Place,
                None => names.push((t, t, EntityKind::Place)),
            }
        }
    }
}

/// The town and the district (`None` for a report's credit) of a dateline that names
/// its town's district in brackets (`सुजानगढ़ (चूरू)। …`, `फलोदी (जोधपुर)।`, as papers of
/// Rajasthan and Madhya Pradesh write it), if word `t` opens one: the town opens a line,
/// one word is in brackets, and `।` or `:` follows. The frame itself vouches for both
/// names, whatever they end with: each is a place a list knows or may be a name
/// ([`village_name_like`]).
fn with_district(scan: &Scan, gaz: &[u8], t: usize) -> Option<(usize, Option<usize>)> {
    let district = t + 1;
    let framed = opens_line(scan, t)
        && district + 1 < scan.tokens.len()
        && scan.gap_after(t).trim() == "("
        && matches!(
            scan.gap_after(district)
                .split_whitespace()
                .collect::<String>()
                .as_str(),
            ")।" | "):"
        );
    let place = |w: usize| {
        village_name_like(scan, gaz, w) || gazetteer_kind(gaz[w]) == Some(EntityKind::Place)
    };
    if !framed || !place(t) {
        return None;
    }
    if credit(scan.text(district)) {
        return Some((t, None));
    }
    place(district).then_some((t, Some(district)))
}

/// Whether word `t` opens a line (or the text).
fn opens_line(scan: &Scan, t: usize) -> bool {
    match scan.tokens[t].gap {
        Gap::Space => false,
        Gap::Start => true,
        Gap::Break => t == 0 || scan.gap_after(t - 1).contains('\n'),
    }
}

/// Whether `word` (folded) credits who filed a report in a dateline's brackets, where a
/// district may stand too: an agency or the paper's own reporter, often shortened (`नप्र`,
/// `निप्र`: नगर, निज प्रतिनिधि).
fn credit(word: &str) -> bool {
    matches!(
        word,
        "नप्र"
            | "निप्र"
            | "कासं"
            | "प्रसं"
            | "निसं"
            | "हिस"
            | "वार्ता"
            | "भाषा"
            | "एजेंसी"
            | "एजेंसियां"
            | "ब्यूरो"
            | "संवाद"
            | "संवाददाता"
            | "प्रतिनिधि"
    )
}

/// Whether `word` (folded) ends as many towns' names do.
fn town_ending(word: &str) -> bool {
    [
        "पुर",
        "पुरा",
        "गढ",
        "बाद",
        "नगर",
        "गंज",
        "गांव",
        "कोट",
        "घाट",
        "खेडा",
        "वाडा",
        "पल्ली",
        "पेट",
        "सर",
        "नेर",
    ]
    .iter()
    .any(|e| word.ends_with(e) && word.chars().count() > e.chars().count() + 1)
}

/// `तमकुही थाना क्षेत्र`, `कोतवाली थाना प्रभारी`: a police station is named by its town or
/// by a kind of station. A place the tagger drew to `थाना` (`थाने`) ends before it, the
/// town's name, so the town is found as it is elsewhere (trial 76 lost three towns so);
/// where the words before are a kind of station (`कोतवाली`, `टाउन`, `सदर`, `महिला`,
/// `रेलवे`), no town, the whole is a body, the station. Not before `पुलिस` (the station
/// acts: a body) nor over a word of a person a list knows.
pub(super) fn police_stations(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    for name in names.iter_mut() {
        let (first, last, kind) = *name;
        // Only a place that ends at `थाना`: one that goes on past it (`मनोहर थाना विधानसभा`,
        // a constituency) is named so whole (HiNER dev lost one cut there).
        if kind != EntityKind::Place || first == last || !matches!(scan.text(last), "थाना" | "थाने")
        {
            continue;
        }
        // `नामकुम थाना पुलिस ने`: the station acts, and is a body (the rules after make it
        // one); a station named after someone (`बिरसा मुंडा थाना`) is no town either.
        let acts =
            last + 1 < scan.tokens.len() && joined(scan, last + 1) && scan.text(last + 1) == "पुलिस";
        let after_person =
            (first..last).any(|t| gazetteer_kind(gaz[t]) == Some(EntityKind::Person));
        if acts || after_person {
            continue;
        }
        let mut end = last - 1;
        if end > first && scan.text(end) == "पुलिस" {
            end -= 1;
        }
        let station_kind = (first..=end).all(|t| {
            matches!(
                scan.text(t),
                "कोतवाली"
                    | "टाउन"
                    | "सदर"
                    | "महिला"
                    | "साइबर"
                    | "शहर"
                    | "नगर"
                    | "ग्रामीण"
                    | "अजाक"
                    | "रेलवे"
                    | "यातायात"
                    | "ट्रैफिक"
                    | "जीआरपी"
                    | "आरपीएफ"
                    | "कैंट"
                    | "छावनी"
            )
        });
        *name = if station_kind {
            (first, last, EntityKind::Organization)
        } else {
            (first, end, kind)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::{capitals, listed_with_places, within_places};
    use crate::extract::entities::model::EntityKind::{Organization, Person, Place};

    /// A place drawn over `थाना` ends before it (the town); a kind of station before it
    /// makes the whole a body.
    #[test]
    fn a_police_station_is_its_town_or_a_body() {
        let (scan, gaz) = prepare(matcher(), "तमकुही थाना क्षेत्र में और कोतवाली थाना में");
        let mut names = vec![(0, 1, Place), (5, 6, Place)];
        super::police_stations(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(0, 0, Place), (5, 6, Organization)]);
    }

    /// A dateline that names its town's district in brackets names two places; a report's
    /// credit in the brackets is no place, and a bracket in the text is no dateline.
    #[test]
    fn a_dateline_with_its_district() {
        let text = "बीदासर (चूरू)। बैठक हुई।\nरामगढ़िया (निप्र)। बारिश हुई।\nकोटड़ी (सांगोद) बैठक हुई।";
        let (scan, gaz) = prepare(matcher(), text);
        let mut names = Vec::new();
        super::datelines(&scan, &gaz.codes, &mut names);
        let words: Vec<&str> = names.iter().map(|n| scan.text(n.0)).collect();
        assert_eq!(words, ["बीदासर", "चूरू", "रामगढिया"], "{names:?}");
    }

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

    /// Words of no list listed with a place are places: after a comma or a conjunction,
    /// before a postposition or a settlement's word; not in a list of no known place, not
    /// an ordinary word or a verb, and not in a list with a person.
    #[test]
    fn words_listed_with_a_place_are_places() {
        let text = "टीमें खोरमपाड़ा, ठाणे और पुणे में तैनात हैं। खोरमपाड़ा, ठाणे और बेलकुंडी आए। पानी गुड़ावली और बाड़मेर तहसील तक \
                    पहुंचा। बिरसाली और दुमकाटी में मेला है। दिल्ली और लाएं तक। बिहार, किसान और \
                    मज़दूर में रोष। पटना, रमेश और सुरेश में झगड़ा हुआ। क़तर के दमीरा \
                    और ओमान के सुल्तान आए। गुडोलू, पपोलू और बबलोटू को पकड़ा।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        // A place only the tagger found vouches for no list.
        let found = (at("बबलोटू"), at("बबलोटू"), Place);
        let mut names = vec![(at("रमेश"), at("रमेश"), Person), found];
        listed_with_places(&scan, &gaz.codes, &mut names);
        names.sort_by_key(|n| n.0);
        let one = |w: &str| (at(w), at(w), Place);
        assert_eq!(
            names,
            [
                one("खोरमपाड़ा"),
                one("गुड़ावली"),
                (at("रमेश"), at("रमेश"), Person),
                found
            ]
        );
    }

    /// One word of no list after `राजधानी` and before a postposition is the capital; not
    /// an ordinary word, a participle or a word before another word.
    #[test]
    fn the_word_after_capital_is_the_city() {
        let text = "क़तर की राजधानी दोहानगरी में बात हुई। राज्य की राजधानी एक्सप्रेस रुकी। राज्य की \
                    राजधानी घोषित की गई। देश की राजधानी बदरपाली शहर में। माली की नई राजधानी बमकोला में। \
                    राजधानी प्रवासन पर।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = Vec::new();
        capitals(&scan, &gaz.codes, &mut names);
        let one = |w: &str| (at(w), at(w), Place);
        assert_eq!(names, [one("दोहानगरी"), one("बमकोला")]);
    }

    /// A dateline's town is a place, though it makes a sentence of one word; a headline's
    /// word alone on its line is a topic, and a dateline's word no town.
    #[test]
    fn a_datelines_town_is_a_place() {
        use super::super::found_in;
        use crate::extract::entities::model::EntityKind;
        let found = found_in("कुसमीपुर। ज़िले के गांवों में बुधवार को बारिश हुई।");
        assert!(
            found.contains(&(EntityKind::Place, "कुसमीपुर".into())),
            "{found:?}"
        );
        let found = found_in("घोटाला\nज़िले में बुधवार को बारिश हुई।\nसावधान। शहर में ठग सक्रिय हैं।");
        assert!(found.is_empty(), "{found:?}");
    }
}
