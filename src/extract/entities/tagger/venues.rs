//! Places named after a person or another place: `जवाहरलाल नेहरू स्टेडियम`, `छत्रपति शिवाजी
//! महाराज अंतरराष्ट्रीय हवाई अड्डा`, `महावीर नगर`, `यमुना विहार`.
//!
//! The tagger sees the person (or the place) in the name and stops before the venue word:
//! the annotated data it learned from has almost no such names (IL-NER train has no person
//! right before one of these words, `HiNER`'s 8,000 sentences three). A person named in a
//! venue's name is not in the news, so the sidebar listed a stadium as a person (trial 61).
//! Decided after decoding, so the model is trained as before.

use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{
    COMMON, CUE, EPITHET, FACILITY, GIVEN, HONORIFIC, ORG_HEAD, PLACE_HEAD, STOP, SURNAME,
    dwelling, goes, landmark as landmark_word, locality, named_apart, ordinary, road, settlement,
    venue, venue_between, village_kind,
};
use super::features::gazetteer_kind;
use super::orgs::CONJUNCTIONS;
use super::{Name, Trigger, covers};
use crate::extract::entities::model::EntityKind;

/// Grows each person whose name a venue word follows into a place that ends with that
/// word, with an epithet before the name (`छत्रपति`, `शहीद`) taken in; so also a place a
/// neighbourhood's word follows, and a place the gazetteer does not know before
/// `अंतरराष्ट्रीय` and a venue word. Not before a body's word (`… नगर निगम` is a city's
/// corporation) nor a road show (`… रोड शो`), and not a person the passage names elsewhere
/// too (`सचिन तेंदुलकर स्टेडियम में मौजूद थे` in a story about him), unless a word that only
/// names stands between (`… अंतरराष्ट्रीय हवाई अड्डा`). A place grows into a road, a
/// building or a strait named after it (`कानपुर रोड`, `बिहार भवन`), but the second of two
/// towns a hyphen joins does not grow into their road (`आगरा-लखनऊ एक्सप्रेसवे`).
pub(super) fn join(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    let taken: Vec<(usize, usize)> = names.iter().map(|n| (n.0, n.1)).collect();
    // The last word of every person's name: a surname the passage uses elsewhere.
    let surnames: Vec<&str> = names
        .iter()
        .filter(|n| n.2 == EntityKind::Person)
        .map(|n| scan.text(n.1))
        .collect();
    let places_end: Vec<usize> = names
        .iter()
        .filter(|n| n.2 == EntityKind::Place)
        .map(|n| n.1)
        .collect();
    for name in names.iter_mut() {
        let (first, last, kind) = *name;
        let known = gaz[first..=last].iter().any(|&g| g != 0);
        let Some(end) = venue_end(scan, last + 1, kind, last > first, known) else {
            continue;
        };
        // `आगरा-लखनऊ एक्सप्रेसवे`, `गया-पटना मार्ग`: a road named by the two towns it joins
        // is neither town's own; the towns stay places.
        if kind == EntityKind::Place
            && road(scan.tokens[end].hash)
            && hyphened(scan, first)
            && places_end.contains(&(first - 1))
        {
            continue;
        }
        let between = end > last + 1 && venue_between(scan.tokens[last + 1].hash);
        let named_elsewhere = kind == EntityKind::Person
            && surnames.iter().filter(|&&w| w == scan.text(last)).count() > 1;
        // The words up to the venue word must be no one else's name.
        if named_elsewhere && !between
            || taken
                .iter()
                .any(|&(f, l)| f > last && f <= end || l > last && l <= end)
        {
            continue;
        }
        let mut start = first;
        while start > 0
            && scan.tokens[start].gap == Gap::Space
            && scan.tokens[start - 1].is(EPITHET | HONORIFIC)
            && !taken.iter().any(|&(f, l)| f < start && start - 1 <= l)
        {
            start -= 1;
        }
        *name = (start, end, EntityKind::Place);
    }
}

/// `ढाका के हजरत शाहजलाल अंतरराष्ट्रीय हवाई अड्डे से`: an airport named after someone the
/// tagger found nothing of (trial 69: three of three) is a place, name and all. The name
/// is two or three words that look like a name's (no list's word but a given name's, a
/// surname's or an epithet's; no ordinary word), after a genitive or a phrase's start,
/// right before a word that only names (`अंतरराष्ट्रीय`) and `हवाई अड्डा` or `एयरपोर्ट`. A
/// name a list knows is [`join`]'s, which knows people at airports (`… मोदी हवाई अड्डे पर
/// पहुंचे`).
pub(super) fn unnamed_airports(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static AIRPORT_WORDS: [Trigger; 4] = [
        Trigger::new("हवाई"),
        Trigger::new("एयरपोर्ट"),
        Trigger::new("हवाईअड्डे"),
        Trigger::new("हवाईअड्डा"),
    ];
    let name_like = |t: usize| {
        let tok = scan.tokens[t];
        tok.class & !(GIVEN | SURNAME | EPITHET) == 0
            && !tok.latin
            && gaz[t] == 0
            && !ordinary(tok.hash)
            && plain(scan.text(t))
    };
    for mid in 2..scan.tokens.len() {
        // (The one test every word pays comes first: the airport's word after, by hash.)
        if !AIRPORT_WORDS.iter().any(|w| w.at(scan, mid + 1)) {
            continue;
        }
        if !venue_between(scan.tokens[mid].hash) || !super::joined(scan, mid) {
            continue;
        }
        let Some(end) = airport_end(scan, mid + 1) else {
            continue;
        };
        let mut first = mid;
        while first > 0 && mid - first < 3 && name_like(first - 1) {
            first -= 1;
            if first > 0 && !super::joined(scan, first) {
                break;
            }
        }
        // After a genitive the words name the airport; at a phrase's start they may be
        // someone going there (`राहुल द्रविड़ अंतरराष्ट्रीय हवाई अड्डे पहुंचे`).
        let genitive = first > 0
            && super::joined(scan, first)
            && matches!(scan.text(first - 1), "के" | "की" | "का");
        let starts = first == 0 || !super::joined(scan, first);
        let opens = genitive || starts && !goes_after(scan, end);
        if mid - first >= 2 && opens && !(first..=end).any(|t| covers(names, t)) {
            names.push((first, end, EntityKind::Place));
        }
    }
}

/// The last word of an airport's word at `t` (`हवाई अड्डे`, `हवाईअड्डे`, `एयरपोर्ट`), if
/// one starts there.
fn airport_end(scan: &Scan, t: usize) -> Option<usize> {
    let word = |t: usize| (t < scan.tokens.len() && super::joined(scan, t)).then(|| scan.text(t));
    match word(t)? {
        "हवाई" => word(t + 1).filter(|w| w.starts_with("अड्ड")).map(|_| t + 1),
        w if w.starts_with("हवाईअड्ड") || w == "एयरपोर्ट" => {
            Some(t)
        }
        _ => None,
    }
}

/// Where a venue's name that continues at token `at` ends (its venue word), if one does;
/// `words` says whether the name before it has two words or more, `known` whether the
/// gazetteer knows it.
fn venue_end(scan: &Scan, at: usize, kind: EntityKind, words: bool, known: bool) -> Option<usize> {
    let joined = |t: usize| scan.tokens.get(t).filter(|tok| tok.gap == Gap::Space);
    let mut t = at;
    // At most two words between (`अंतरराष्ट्रीय हवाई अड्डा`, `स्पोर्ट्स कॉम्प्लेक्स`).
    while t < at + 2 && joined(t).is_some_and(|tok| venue_between(tok.hash)) {
        t += 1;
    }
    let head = joined(t)?;
    let fits = match kind {
        EntityKind::Person => venue(head.hash),
        // `बिरसा मुंडा अंतरराष्ट्रीय हवाई अड्डा` (a person the tagger took for a place): only
        // a name the gazetteer does not know, with a word that only names; `पटना हवाई अड्डे`
        // and `दिल्ली इंटरनेशनल एयरपोर्ट` are the city's airport, and the city stays.
        // `कानपुर रोड` (in Lucknow) is a road, not the town it leads to; `बिहार भवन` (in
        // Delhi) a building, not the state.
        EntityKind::Place => {
            t == at
                && (locality(head.hash)
                    || (road(head.hash) || named_apart(head.hash)) && road_ends(scan, t))
                || !known && t > at && venue(head.hash)
        }
        EntityKind::Organization => false,
    };
    if !fits {
        return None;
    }
    // `कोहली स्टेडियम पहुंचे`, `मोदी हवाई अड्डे पर पहुंचे`: someone going to a stadium or an
    // airport. Only a neighbourhood's word, or a word that only names (`अंतरराष्ट्रीय`),
    // makes a place of a surname alone or of a name before a verb of going.
    let only_venue = kind == EntityKind::Person && t == at && !locality(head.hash);
    if only_venue && !words {
        return None;
    }
    let mut end = t;
    if scan.text(t) == "हवाई" {
        // `हवाई` alone is "by air": only `हवाई अड्डा`.
        if !joined(t + 1).is_some_and(|_| scan.text(t + 1).starts_with("अड्ड")) {
            return None;
        }
        end = t + 1;
    }
    // `दिल्ली नगर निगम`, `भोपाल नगर पालिका` are a city's body; `… रोड शो` a rally.
    if joined(end + 1)
        .is_some_and(|n| n.is(ORG_HEAD) || matches!(scan.text(end + 1), "शो" | "पालिका" | "पंचायत"))
    {
        return None;
    }
    // `कानपुर नगर` is the city.
    if kind == EntityKind::Place && known && scan.text(end) == "नगर" {
        return None;
    }
    if only_venue && goes_after(scan, end) {
        return None;
    }
    Some(end)
}

/// `पेंसिल्वेनिया एवेन्यू पर`: a road word the tagger made a place of its own right after a
/// place is that place's road (the gazetteer split the tagger's name at the state). But a
/// road named by the two towns it joins (`आगरा-लखनऊ एक्सप्रेसवे`, `गया-पटना मार्ग`) is
/// neither town's own: the towns stay places, and a place the tagger drew over the second
/// town and the road word sheds the road word.
pub(super) fn road_apart(scan: &Scan, names: &mut Vec<Name>) {
    // Where the places end, before any merge (a merge only adds a road word after one).
    let towns: Vec<(usize, usize)> = names
        .iter()
        .filter(|n| n.2 == EntityKind::Place)
        .map(|n| (n.0, n.1))
        .collect();
    // A place right after a town and a hyphen.
    let second_town =
        |first: usize| hyphened(scan, first) && towns.iter().any(|&(_, l)| l + 1 == first);
    super::merge_neighbours(names, |(pf, pl, pk), next| {
        let t = pl + 1;
        let joins = pk == EntityKind::Place
            && next == (t, t, EntityKind::Place)
            && scan.tokens[t].gap == Gap::Space
            && scan.gap_after(pl).trim().is_empty()
            && road(scan.tokens[t].hash)
            && road_ends(scan, t)
            && !second_town(pf);
        joins.then_some((pf, t, EntityKind::Place))
    });
    // The tagger's own `लखनऊ एक्सप्रेसवे` after `आगरा-` sheds the road word, and a road
    // word left alone after the second town is no place.
    names.retain_mut(|name| {
        let (first, last, kind) = *name;
        if kind != EntityKind::Place || !road(scan.tokens[last].hash) {
            return true;
        }
        if last == first + 1 && second_town(first) {
            name.1 = first;
        }
        let alone = last == first
            && towns
                .iter()
                .any(|&(f, l)| l + 1 == first && super::joined(scan, first) && second_town(f));
        !alone
    });
}

/// Whether word `t` is joined to the word before it by a hyphen or dash (`आगरा-लखनऊ`),
/// which folding made a space.
pub(super) fn hyphened(scan: &Scan, t: usize) -> bool {
    t > 0
        && matches!(
            super::original_gap(scan, t),
            "-" | "\u{2010}" | "\u{2011}" | "\u{2012}" | "\u{2013}"
        )
}

/// Whether the road word at `t` (or a building's or a strait's, [`named_apart`]) ends a
/// road's name where a postposition or a punctuation
/// mark follows (`टोंक रोड पर`, `मथुरा रोड स्थित`): before a noun it makes another word
/// (`रोड रेज`, `स्ट्रीट फूड`, `मार्ग दुर्घटना`), and `मार्ग से` is a route (`नेपाल मार्ग से`,
/// by way of Nepal; review).
fn road_ends(scan: &Scan, t: usize) -> bool {
    let Some(next) = scan.tokens.get(t + 1) else {
        return true;
    };
    if next.gap != Gap::Space {
        return true;
    }
    match scan.text(t + 1) {
        "से" => scan.text(t) != "मार्ग",
        word => ends_place(word),
    }
}

/// Whether `word`, right after a place's name, ends it: a postposition or `स्थित` (`टोंक
/// रोड पर`, `गांव बुडाना में`, `मथुरा रोड स्थित`). Roads, villages and sites ask it.
pub(super) fn ends_place(word: &str) -> bool {
    matches!(
        word,
        "के" | "की" | "का" | "में" | "से" | "को" | "तक" | "पर" | "स्थित"
    )
}

/// Whether a verb of going follows token `end`, straight or after a postposition
/// (`स्टेडियम पहुंचे`, `हवाई अड्डे पर पहुंचे`).
pub(super) fn goes_after(scan: &Scan, end: usize) -> bool {
    let next = |t: usize| scan.tokens.get(t).filter(|tok| tok.gap == Gap::Space);
    let going = |t: usize| next(t).is_some_and(|tok| goes(tok.hash));
    going(end + 1) || next(end + 1).is_some_and(|tok| tok.is(STOP)) && going(end + 2)
}

/// `शहीद रघुनाथ सोरेन मेडिकल कॉलेज अस्पताल`: a person the tagger found right before a body or
/// a venue it found apart, whose first word is a name's (no list's word, no known place or
/// body) and whose last is a body's or a site's word, is the start of that body's or venue's
/// name, with an epithet or a title before the person taken in (trial 64: 5 errors). Not
/// after a designation, which introduces the person (`प्रोफ़ेसर X Y प्रबंधन संस्थान`, a
/// teacher and her institute).
pub(super) fn named_after_person(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    names.sort_by_key(|&(f, l, _)| (f, l));
    let mut i = 1;
    while i < names.len() {
        let (pf, pl, pk) = names[i - 1];
        let (of, ol, ok) = names[i];
        let head = scan.tokens[ol];
        let first = scan.tokens[of];
        // A designation before the person introduces someone (`प्रोफ़ेसर X, Y संस्थान`), as
        // a student's or a patient's word does before an institution.
        let titled = pf > 0 && scan.tokens[pf - 1].is(CUE);
        // An institution's name holds what it teaches and who runs it (`चौधरी चरण सिंह
        // हरियाणा कृषि विश्वविद्यालय`): there an everyday word or a state's name may follow
        // the person, where the name says it is named after someone (see `eponymous`).
        let neighbours = pk == EntityKind::Person
            && !titled
            && ok != EntityKind::Person
            && of == pl + 1
            && first.gap == Gap::Space
            && scan.gap_after(pl).trim().is_empty();
        let institution = neighbours
            && ok == EntityKind::Organization
            && ol > of
            && super::eponyms::institution(scan.text(ol))
            && super::eponyms::eponymous(scan, gaz, pf, pl, ol);
        let opens = if institution {
            !first.is(STOP | CUE | HONORIFIC)
                && gazetteer_kind(gaz[of]) != Some(EntityKind::Organization)
        } else {
            !first.is(STOP | COMMON | ORG_HEAD | PLACE_HEAD | CUE | HONORIFIC)
                // No known place or body starts there (a known person's name may).
                && matches!(gazetteer_kind(gaz[of]), None | Some(EntityKind::Person))
        };
        let joins = neighbours && opens && (head.is(ORG_HEAD | FACILITY) || venue(head.hash));
        if !joins {
            i += 1;
            continue;
        }
        let mut start = pf;
        while start > 0
            && scan.tokens[start].gap == Gap::Space
            && scan.tokens[start - 1].is(EPITHET | HONORIFIC)
            && (i < 2 || names[i - 2].1 < start - 1)
        {
            start -= 1;
        }
        names[i - 1] = (start, ol, ok);
        names.remove(i);
    }
}

/// `अनिल नगर और … जैसे मोहल्लों`, `चेत सिंह घाट को`, `… नदी ने तटबंध तोड़ा`: a person the
/// tagger ended with a neighbourhood's, a site's or a landmark's word is a place named
/// after someone (no one's name ends in `नगर`, `घाट` or `नदी`); venue words that also end
/// roads and buildings named after people are [`join`]'s, which knows them.
pub(super) fn people_ending_in_sites(scan: &Scan, names: &mut [Name]) {
    for name in names.iter_mut() {
        let (first, last, kind) = *name;
        let word = scan.tokens[last];
        let site = locality(word.hash) || landmark_word(word.hash) || word.is(FACILITY);
        // After a designation (`पुजारी X Y महल के बाहर`) it is someone at the site.
        let introduced = first > 0 && scan.tokens[first - 1].is(CUE);
        if kind == EntityKind::Person && last > first && site && !introduced {
            name.2 = EntityKind::Place;
        }
    }
}

/// Adds a place for each word of no list right before a settlement's word and a postposition
/// (`माघर गांव के`, `महाकालपाड़ा प्रखंड में`; see [`settlement`]) that no name covers: villages
/// no gazetteer can hold, and the tagger, which has seen few, misses most of them
/// (trial 64: 20 of them), the last of a list above all (`सनावा, कचनापुर और तेलवारी गांव`).
/// The word must look like a name ([`plain`], no word that describes a village) and stand
/// where a village's name does ([`village_edge`]). The words listed before it are places
/// too.
pub(super) fn settlements(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let name_like = |t: usize| village_name_like(scan, gaz, t);
    for cue in 1..scan.tokens.len() {
        // (The one look-up every word pays comes first.)
        if !settlement(scan.tokens[cue].hash) {
            continue;
        }
        let mut t = cue - 1;
        // A postposition after the settlement's word (`माघर गांव के`, `भीखी गांव की`): before
        // a verb it is where someone or something went (`शव गांव पहुंचा`).
        let marked = scan.tokens.get(cue + 1).is_some_and(|n| {
            n.gap == Gap::Space
                && matches!(scan.text(cue + 1), "के" | "की" | "का" | "में" | "से" | "को")
        });
        // After a plural (`इलाक़ों`, `गांवों`) only names listed (`बानेश्वर और तिनकुने
        // इलाक़ों में`, trial 69): one word before it is most often what kind they are
        // (`सीमावर्ती इलाक़ों`, `प्रभावित गांवों`).
        let plural = scan.text(cue).ends_with("ों");
        let listed = || {
            listed_before(scan, t)
                .is_some_and(|b| name_like(b) && edge(scan, b) && !covers(names, b))
        };
        if !scan.gap_after(t).trim().is_empty()
            || !marked
            || plural && !listed()
            || covers(names, cue)
            || covers(names, t)
            || !name_like(t)
            || !village_edge(scan, t)
        {
            continue;
        }
        names.push((t, t, EntityKind::Place));
        // The words listed before it are villages too (`चंदनपुरा, खेड़ली और बिसाऊ गांव`).
        while let Some(before) = listed_before(scan, t)
            && !covers(names, before)
            && name_like(before)
            && edge(scan, before)
        {
            names.push((before, before, EntityKind::Place));
            t = before;
        }
    }
}

/// Whether word `t` may be the name of a village or a neighbourhood no list knows: a word
/// of no list, no word that describes or counts as a settlement, no Latin letters, no
/// adjective or oblique form ([`plain`]) and no ordinary word (an everyday word before
/// `इलाके` or `गांव` says what kind it is: `पहाड़ी इलाके`).
pub(super) fn village_name_like(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    let word = scan.tokens[t];
    word.class == 0
        && !village_kind(word.hash)
        && !settlement(word.hash)
        && !venue(word.hash)
        && !landmark_word(word.hash)
        && !word.latin
        && gaz[t] == 0
        && plain(scan.text(t))
        && !ordinary(word.hash)
        // `सूखाग्रस्त`, `मुस्लिमबहुल`, `हिंदीभाषी`: what kind (review).
        && !["ग्रस्त", "बहुल", "भाषी", "प्रभावित", "प्रधान"]
            .iter()
            .any(|e| scan.text(t).ends_with(e))
}

/// Adds a place for each word of no list that a word of residence follows (`खरखौदा के
/// रहने वाले`, `बांकिशोल की रहने वाली`, `आलमबाग निवासी`), or `स्थित` after a known place's
/// genitive (`बेंगलुरु के कोरमंगला स्थित`). Only a place is where someone lives, and the
/// towns and neighbourhoods named so are too many for any list (trial 68: `… ज़िले के X के
/// रहने वाले`, `पुणे के X स्थित`). The word must look like a name ([`village_name_like`]):
/// `कॉलोनी निवासी` names no place, nor does a kind of home ([`dwelling`]: `झुग्गी निवासी`),
/// nor a word after a kin's or an alias's (a person) or after another such word.
pub(super) fn residences(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let mut found = Vec::new();
    for cue in 1..scan.tokens.len() {
        // `स्थित` follows any noun of a site (`फ़ैक्ट्री स्थित`, `टर्मिनल स्थित`): only after a
        // known place's genitive (`लखनऊ के X स्थित`) is the word a neighbourhood's name.
        let in_place = |t: usize| {
            t >= 2
                && matches!(scan.text(t - 1), "के" | "की" | "का")
                && names
                    .iter()
                    .any(|n| n.1 == t - 2 && n.2 == EntityKind::Place)
        };
        // `सोनू निवासी बरेली` (a report's style: the person, then where they live): a place
        // right after `निवासी` is where; the word before it is someone.
        let place_after = || {
            names
                .iter()
                .any(|n| n.0 == cue + 1 && n.2 == EntityKind::Place)
        };
        let place = match scan.text(cue) {
            "निवासी" if !place_after() => cue - 1,
            "स्थित" if in_place(cue - 1) => cue - 1,
            // `X के रहने वाले`; not `X के रहने की व्यवस्था`, `X के रहने से` (the review).
            "के" | "की"
                if cue + 2 < scan.tokens.len()
                    && scan.text(cue + 1) == "रहने"
                    && scan.text(cue + 2).starts_with("वाल") =>
            {
                cue - 1
            }
            _ => continue,
        };
        let name_like = |t: usize| {
            scan.gap_after(t).trim().is_empty()
                && village_name_like(scan, gaz, t)
                && !covers(names, t)
        };
        // Not after a word of kinship or alias (`X पुत्र Y निवासी`, `X उर्फ़ Y निवासी`: Y is
        // a person), nor after another such word, which may be the name's or a noun
        // (`साल्ट लेक स्थित`, `ठेकेदार X निवासी`: the review).
        let after_word = place > 0
            && scan.tokens[place].gap == Gap::Space
            && (name_like(place - 1)
                || scan.tokens[place - 1].is(CUE)
                || kin(scan.text(place - 1)));
        if scan.tokens[cue].gap == Gap::Space
            && name_like(place)
            && !after_word
            && !dwelling(scan.tokens[place].hash)
        {
            found.push((place, place, EntityKind::Place));
        }
    }
    names.extend(found);
}

/// Whether `word` (folded) names a kin or an alias, after which a word is a person's name
/// (`रामकिशोर पुत्र भगवानदीन`, `सुखदेव उर्फ़ पप्पू`).
pub(super) fn kin(word: &str) -> bool {
    matches!(
        word,
        "पुत्र"
            | "पुत्री"
            | "पत्नी"
            | "पति"
            | "बेटा"
            | "बेटे"
            | "बेटी"
            | "पिता"
            | "उर्फ"
            | "पुत्रवधू"
    )
}

/// Whether a village's name may start at word `t`: after a genitive (`मानसा के भीखी गांव`),
/// `में` (`मृतकों में माघर गांव के`), a conjunction or a comma (a list). At a sentence's
/// start or after other words the word is as often the subject (`भूकंप गांव के लोगों के लिए`,
/// `रात को भालू गांव में आ गया`: the review).
fn village_edge(scan: &Scan, t: usize) -> bool {
    t > 0
        && (scan.gap_after(t - 1).trim() == ","
            || scan.gap_after(t - 1).trim().is_empty()
                && (matches!(scan.text(t - 1), "के" | "की" | "का" | "में")
                    || CONJUNCTIONS.contains(&scan.text(t - 1))
                    // `सोहना के पास X गांव`: near a place.
                    || t > 1 && scan.text(t - 1) == "पास" && scan.text(t - 2) == "के"))
}

/// The word listed right before word `t`: after a comma, or before a conjunction (`और`).
pub(super) fn listed_before(scan: &Scan, t: usize) -> Option<usize> {
    let before = t.checked_sub(1)?;
    if scan.gap_after(before).trim() == "," {
        return Some(before);
    }
    let and = CONJUNCTIONS.contains(&scan.text(before)) && scan.gap_after(before).trim().is_empty();
    (and && before > 0 && scan.gap_after(before - 1).trim().is_empty()).then(|| before - 1)
}

/// Whether `text` may be a word of a name before a site's or a village's word: no
/// adjective, participle, oblique form, verb of request or number (`ऐतिहासिक`, `प्रदूषित`,
/// `भरे`, `अपनाकर`, `गांवों`, `लाएं`, `चाहिए`, `12`).
pub(super) fn plain(text: &str) -> bool {
    !oblique(text)
        && !["िक", "ीय", "एं", "िए"].iter().any(|e| text.ends_with(e))
        && !text.chars().all(char::is_numeric)
}

/// Whether `text` ends as a participle or an oblique form does (`प्रदूषित`, `भेजे`,
/// `अपनाकर`, `गांवों`).
pub(super) fn oblique(text: &str) -> bool {
    ["ित", "े", "कर", "ों", "ें", "ीं", "ियां"]
        .iter()
        .any(|e| text.ends_with(e))
}

/// Whether a name starting at word `first` has a function or ordinary word, a punctuation
/// mark or the sentence's start before it.
pub(super) fn edge(scan: &Scan, first: usize) -> bool {
    first == 0
        || !scan.gap_after(first - 1).trim().is_empty()
        || scan.tokens[first - 1].is(STOP | COMMON)
}

/// Whether the rules' place `first..=last` is a landmark no list knows, to keep where the
/// tagger saw nothing: one or two words of a name and a site's word (`तीस्ता नदी`, `आमेर
/// क़िले`, `दशाश्वमेध घाट`), with a function or ordinary word, a punctuation mark or the
/// sentence's start before the name. Without that edge the words before a site's word are as often a phrase
/// (`… बजे आमेर क़िले`, `30 फ़ीसदी ग्लेशियर`, `दर्शकों से भरे स्टेडियम`: trial 63).
pub(super) fn landmark(scan: &Scan, first: usize, last: usize) -> bool {
    let words = last - first;
    (scan.tokens[last].is(FACILITY) || landmark_word(scan.tokens[last].hash))
        && (1..=2).contains(&words)
        // `गली नदी`, `इसी नदी`: an everyday word before a site's word says what kind it is.
        && (first..last).all(|t| plain(scan.text(t)) && !ordinary(scan.tokens[t].hash))
        && edge(scan, first)
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::{
        join, people_ending_in_sites, residences, road_apart, unnamed_airports, village_edge,
    };
    use crate::extract::entities::model::EntityKind::{Person, Place};

    /// A road named by two towns joined by a hyphen is neither town's: the second town
    /// does not grow into the road, and sheds a road word the tagger gave it. A town
    /// alone before a road word still grows into its road.
    /// Before the hyphen there must be a town: after another word (`पुरानी-`, old) the
    /// place still grows into its road.
    #[test]
    fn a_road_after_a_hyphen_and_no_town_is_the_towns() {
        let text = "पुरानी-कानपुर रोड पर जाम लगा।";
        let (scan, gaz) = prepare(matcher(), text);
        let kanpur = super::super::word_at(&scan, "कानपुर");
        let mut names = vec![(kanpur, kanpur, Place)];
        join(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(kanpur, kanpur + 1, Place)]);
        let mut names = vec![(kanpur, kanpur, Place), (kanpur + 1, kanpur + 1, Place)];
        road_apart(&scan, &mut names);
        assert_eq!(names, [(kanpur, kanpur + 1, Place)]);
    }

    #[test]
    fn a_road_between_two_towns_is_neither_towns() {
        let text = "आगरा-लखनऊ एक्सप्रेसवे पर हादसा हुआ। वे कानपुर रोड पर थे।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let (agra, lucknow, kanpur) = (at("आगरा"), at("लखनऊ"), at("कानपुर"));
        let mut names = vec![
            (agra, agra, Place),
            (lucknow, lucknow, Place),
            (kanpur, kanpur, Place),
        ];
        join(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (agra, agra, Place),
                (lucknow, lucknow, Place),
                (kanpur, kanpur + 1, Place)
            ]
        );
        let mut names = vec![(agra, agra, Place), (lucknow, lucknow + 1, Place)];
        road_apart(&scan, &mut names);
        assert_eq!(names, [(agra, agra, Place), (lucknow, lucknow, Place)]);
        // A road word the tagger left alone after the second town is no place.
        let mut names = vec![
            (agra, agra, Place),
            (lucknow, lucknow, Place),
            (lucknow + 1, lucknow + 1, Place),
        ];
        road_apart(&scan, &mut names);
        assert_eq!(names, [(agra, agra, Place), (lucknow, lucknow, Place)]);
    }

    /// A building or a strait named after a place is a place apart (`हैदराबाद हाउस में`),
    /// before a postposition; a city's airport stays the city, and `भवन` before a noun
    /// makes another word (`भवन निर्माण`, building work).
    #[test]
    fn a_building_named_after_a_place_is_apart_from_it() {
        let text = "हैदराबाद हाउस में बैठक हुई। पटना एयरपोर्ट पर भीड़ थी। बिहार भवन निर्माण \
                    विभाग आया।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let (city, patna, state) = (at("हैदराबाद"), at("पटना"), at("बिहार"));
        let mut names = vec![
            (city, city, Place),
            (patna, patna, Place),
            (state, state, Place),
        ];
        join(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (city, city + 1, Place),
                (patna, patna, Place),
                (state, state, Place)
            ]
        );
    }

    /// Before a plural settlement's word, names listed are places; one word alone is not.
    #[test]
    fn names_listed_before_a_plural_settlement_are_places() {
        let text = "पुलिस ने खैरवाड़ा और बिछीवाड़ा इलाक़ों में छापे मारे। बाढ़ से गुजरात के \
                    धोलपुर गांवों में नुकसान हुआ।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = Vec::new();
        super::settlements(&scan, &gaz.codes, &mut names);
        names.sort_unstable();
        assert_eq!(
            names,
            [
                (at("खैरवाड़ा"), at("खैरवाड़ा"), Place),
                (at("बिछीवाड़ा"), at("बिछीवाड़ा"), Place)
            ]
        );
    }

    /// Two or three words of no list after a genitive, before `अंतरराष्ट्रीय हवाई अड्डे`,
    /// are an airport's name; not one word alone, not after a designation, not an ordinary
    /// word, not where a name was found, nor before `हवाई` that is no `हवाई अड्डा`.
    #[test]
    fn an_airport_named_after_someone_is_a_place() {
        let text = "वे लुसाका के केनेथ कौंडा अंतरराष्ट्रीय हवाई अड्डे पहुंचे। मंत्री सोमनाथ भारती \
                    अंतरराष्ट्रीय हवाई अड्डे गए। शहर के नए अंतरराष्ट्रीय हवाई अड्डे पर भीड़ थी। \
                    यहां के ओमारु बेलांगो अंतरराष्ट्रीय हवाई यात्रा में। शहर के ज़ोरान म्लादिच \
                    अंतरराष्ट्रीय हवाई अड्डे पर।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let found = (at("म्लादिच"), at("म्लादिच"), Person);
        let mut names = vec![found];
        unnamed_airports(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [found, (at("केनेथ"), at("केनेथ") + 4, Place)]);
    }

    /// A word of no list before `निवासी` or `के रहने वाले`, or before `स्थित` after a place's
    /// genitive, is a place; an ordinary word, a neighbourhood's word, a given name, a word a
    /// name covers, a site's noun, a kind of home, a word after a kin's or after another
    /// unknown word is not, nor a word before `के रहने की`.
    #[test]
    fn where_someone_lives_is_a_place() {
        let text = "सिरसौली के रहने वाले युवक, और बरखेड़ा निवासी किसान और हरदोई के कोरमंगला स्थित \
                    दफ़्तर। कॉलोनी निवासी लोग, मुख्यालय स्थित भवन, रमेश के रहने का ठिकाना, टर्मिनल \
                    स्थित घर। दफ़्तर में वेस्ट पार्कसाइड निवासी हैं। पीड़ित झुग्गी निवासी है। \
                    मोहन पुत्र भगवानदीन निवासी खजुरी। मेहमान के रहने की जगह।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let taken = (at("हरदोई"), at("हरदोई"), Place);
        let mut names = vec![taken];
        residences(&scan, &gaz.codes, &mut names);
        names.sort_unstable();
        let mut want = vec![
            taken,
            (at("सिरसौली"), at("सिरसौली"), Place),
            (at("बरखेड़ा"), at("बरखेड़ा"), Place),
            (at("कोरमंगला"), at("कोरमंगला"), Place),
        ];
        want.sort_unstable();
        assert_eq!(names, want);
    }

    /// A person ending in a neighbourhood's, a site's or a landmark's word is a place; a
    /// person of one such word, or ending in another word, stays.
    #[test]
    fn a_person_ending_in_a_site_is_a_place() {
        let (scan, _) = prepare(matcher(), "सुरेश नगर और हरि सिंह घाट पर घाट के पास मोहन लाल");
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = vec![
            (at("सुरेश"), at("नगर"), Person),
            (at("हरि"), at("हरि") + 2, Person),
            (at("हरि") + 4, at("हरि") + 4, Person),
            (at("मोहन"), at("लाल"), Person),
        ];
        people_ending_in_sites(&scan, &mut names);
        let kinds: Vec<_> = names.iter().map(|n| n.2).collect();
        assert_eq!(kinds, [Place, Place, Person, Person]);
    }

    /// A village's name starts after a genitive, `में`, a list's comma or conjunction, or
    /// `के पास` (near a place); not after a verb or a noun.
    #[test]
    fn where_a_villages_name_may_start() {
        let (scan, _) = prepare(matcher(), "कस्बे के पास मझौली गांव और नदी पार बरौली गांव");
        let at = |word: &str| super::super::word_at(&scan, word);
        assert!(village_edge(&scan, at("मझौली")));
        assert!(!village_edge(&scan, at("बरौली")));
    }
}
