//! Where the tagger draws an organisation's name too short or too long, by the words
//! around it.
//!
//! Hindi names many bodies by two fields joined with a conjunction (`पेयजल तथा स्वच्छता
//! विभाग`, `विज्ञान और प्रौद्योगिकी मंत्रालय`). The tagger, which sees `और` mostly between
//! two names, tends to start such a name after the conjunction. And a name never holds a
//! word of comparison or listing (`… संगठन सरीखे अंतरराष्ट्रीय संगठन`, "bodies such as …").
//! Both are decided here, after decoding, so the model is trained as before.

use std::ops::Range;

use super::super::rules;
use super::super::scan::{Scan, Source};
use super::super::tokens::Gap;
use super::super::words::{
    COMMON, CUE, EPITHET, HONORIFIC, ORG_HEAD, PLACE_HEAD, SAID, STOP, goes, tied_to,
};
use super::features::{gazetteer_end, gazetteer_kind, gazetteer_start};
use super::{Name, Trigger};
use crate::extract::entities::model::EntityKind;

/// Conjunctions that join the fields of a body's name.
pub(super) const CONJUNCTIONS: &[&str] = &["और", "एवं", "तथा", "व"];

/// Words of comparison and listing (`जैसे`, `सरीखे`, `समेत`): they follow a name, never
/// belong to one.
const LISTING: &[&str] = &[
    "जैसे",
    "जैसी",
    "जैसा",
    "सरीखे",
    "सरीखी",
    "सरीखा",
    "समेत",
    "सहित",
    "आदि",
    "इत्यादि",
    "वगैरह",
];

/// How many words before the conjunction a name may take back.
const BACK: usize = 3;

/// An organisation's span cut before a word of comparison or listing inside it.
pub(super) fn before_listing(scan: &Scan, first: usize, last: usize, kind: EntityKind) -> usize {
    if kind != EntityKind::Organization {
        return last;
    }
    (first + 1..=last)
        .find(|&t| LISTING.contains(&scan.text(t)))
        .map_or(last, |t| t - 1)
}

/// An organisation ending in an organisation word that starts right after a conjunction
/// takes back the words before the conjunction (up to [`BACK`], within the sentence):
/// ordinary words, not a function word, verb of saying, title, another body's head word
/// or a name. Not when the word after the conjunction is a name the gazetteer knows.
pub(super) fn conjoined(scan: &Scan, gaz: &[u8], sentence: &Range<usize>, name: Name) -> Name {
    let (first, last, kind) = name;
    let conj = match first.checked_sub(1) {
        Some(c) if c > sentence.start => c,
        _ => return name,
    };
    if kind != EntityKind::Organization
        || !scan.tokens[last].is(ORG_HEAD)
        || !CONJUNCTIONS.contains(&scan.text(conj))
        || scan.tokens[first].gap != Gap::Space
        // One field and the head word: a longer name after the conjunction is a body of its
        // own (`… और विश्व स्वास्थ्य संगठन`), and so is one the gazetteer knows (`भारत सरकार`).
        || last != first + 1
        || scan.covering(first).is_some_and(|c| matches!(c.source, Source::Known { .. }))
        // A person or place before the head word names the body after it (`… और इलाहाबाद
        // विश्वविद्यालय`): it is not a field that shares the head with the words before.
        || names_start(gaz, first)
    {
        return name;
    }
    let joins = |t: usize| {
        let tok = scan.tokens[t];
        scan.tokens[t + 1].gap == Gap::Space
            && !tok.is(STOP | SAID | CUE | HONORIFIC | EPITHET | ORG_HEAD | PLACE_HEAD)
            && tok.latin == scan.tokens[first].latin
            && !known_name(scan, t)
    };
    let mut f = conj;
    while f > sentence.start && conj - f < BACK && joins(f - 1) {
        f -= 1;
    }
    if f == conj { name } else { (f, last, kind) }
}

/// Whether the conjunction at `t` joins two bodies the tagger read as one (`अलीगढ़ मुस्लिम
/// विश्वविद्यालय और कानपुर विश्वविद्यालय`, from `start` to `last`): the words on each side
/// are a name of two words or more, and the second ends in a body's head word; the first
/// ends in one too and the second has a word of a name (`… कैंसर संस्थान एवं अनुसंधान
/// केंद्र` is one body), or the second is a known place or person and the head (`जामिया
/// मिल्लिया इस्लामिया और इलाहाबाद विश्वविद्यालय`). Fields that share a head (`विज्ञान और
/// प्रौद्योगिकी मंत्रालय`) have neither.
pub(super) fn joins_two(scan: &Scan, gaz: &[u8], start: usize, t: usize, last: usize) -> bool {
    t >= start + 2
        && last >= t + 2
        && CONJUNCTIONS.contains(&scan.text(t))
        && scan.tokens[last].is(ORG_HEAD)
        && (scan.tokens[t - 1].is(ORG_HEAD)
            && (t + 1..last).any(|w| !scan.tokens[w].is(STOP | COMMON | ORG_HEAD))
            || last == t + 2 && names_start(gaz, t + 1)
            // A campus before (`आईआईटी गुवाहाटी और असम इंजीनियरिंग कॉलेज`, trial 69) is a
            // body whole, and so is one named for a place after it.
            || super::super::words::campus(scan.tokens[t - 2].hash)
                && names_start(gaz, t - 1)
                && names_start(gaz, t + 1))
}

/// Whether a person or place the gazetteer knows starts at word `t` (not a word inside one:
/// `कश्मीर` of `जम्मू और कश्मीर`).
fn names_start(gaz: &[u8], t: usize) -> bool {
    gazetteer_start(gaz[t]).is_some_and(|k| k != EntityKind::Organization)
}

/// Fewest and most letters of an acronym [`spelled_out`] reads back to its words: two
/// words and two letters agree too often by chance (`राम कुमार (आरके)`).
const SPELLED: std::ops::RangeInclusive<usize> = 3..=6;

/// `भारतीय वन सर्वेक्षण (एफ़एसआई)`: an acronym in brackets after as many plain words as it
/// has letters (conjunctions not counted: `… अनुसंधान एवं विकास प्रतिष्ठान`), the last a
/// body's word, names the body those words are, where the tagger found no person among
/// them and no name reaching past them. The body takes the place of a place or a part it
/// found inside (`उत्तराखंड` in `उत्तराखंड राज्य आपदा प्रबंधन प्राधिकरण (यूएसडीएमए)`). Hindi
/// bodies whose last word is no head word (`सर्वेक्षण`, `प्रतिष्ठान`) are found no other way.
pub(super) fn spelled_out(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for t in 1..scan.tokens.len() {
        let last = t - 1;
        if scan.tokens[t].latin || rules::bracketed_short_name(scan, last) != Some(t) {
            continue;
        }
        // A body's name ends in a body's word; an acronym after other words abbreviates a
        // scheme, a measure or a term (`जल जीवन मिशन (जेजेएम)`, `सकल नामांकन अनुपात (जीईआर)`).
        if !scan.tokens[last].is(ORG_HEAD) && !super::super::words::body(scan.tokens[last].hash) {
            continue;
        }
        let letters = rules::letter_count(scan.text(t));
        let Some(first) = SPELLED
            .contains(&letters)
            .then(|| words_back(scan, gaz, last, letters))
            .flatten()
        else {
            continue;
        };
        let inside = |n: &Name| first <= n.0 && n.1 <= last;
        let clash = names
            .iter()
            .any(|n| n.0 <= last && first <= n.1 && (n.2 == EntityKind::Person || !inside(n)));
        if !clash {
            names.retain(|n| !inside(n));
            names.push((first, last, EntityKind::Organization));
            // Its short name with it, where the tagger did not take that for a name.
            if !names.iter().any(|n| n.0 <= t && t <= n.1) {
                names.push((t, t, EntityKind::Organization));
            }
        }
    }
}

/// The first of `count` plain words that end at word `last` (conjunctions between them
/// not counted), if there are as many in one run of words: no function word, verb of
/// saying, title, Latin word or known person's word.
fn words_back(scan: &Scan, gaz: &[u8], last: usize, count: usize) -> Option<usize> {
    let plain = |t: usize| {
        let tok = scan.tokens[t];
        !tok.latin
            && !tok.is(STOP | SAID | CUE | HONORIFIC | EPITHET)
            && gazetteer_kind(gaz[t]) != Some(EntityKind::Person)
    };
    let mut first = last;
    let mut counted = 0;
    loop {
        if !plain(first) {
            return None;
        }
        counted += 1;
        if counted == count {
            return Some(first);
        }
        let mut next = first.checked_sub(1)?;
        if scan.tokens[first].gap != Gap::Space {
            return None;
        }
        if CONJUNCTIONS.contains(&scan.text(next)) {
            if scan.tokens[next].gap != Gap::Space {
                return None;
            }
            next = next.checked_sub(1)?;
        }
        first = next;
    }
}

/// `साइबराबाद पुलिस ने`: a place right before `पुलिस` names the force, an organisation (as
/// the annotated data mostly tags it: `गुजरात पुलिस`, `कोलकाता पुलिस`).
/// (Not where the tagger gave `पुलिस` a name of its own.)
pub(super) fn police(scan: &Scan, names: &mut [Name]) {
    let taken = |all: &[Name], t: usize| all.iter().any(|n| n.0 <= t && t <= n.1);
    for i in 0..names.len() {
        let (first, last, kind) = names[i];
        let next = last + 1;
        if kind == EntityKind::Place
            && next < scan.tokens.len()
            && scan.tokens[next].gap == Gap::Space
            && scan.text(next) == "पुलिस"
            && !taken(names, next)
        {
            names[i] = (first, next, EntityKind::Organization);
        }
    }
}

/// `मणिपुर छात्र संघ`, `उत्तराखंड क्रांति दल`: a place, one or two words of no name, and a
/// body's head word are a body named after the place (a party, a union, a council); the
/// tagger, which mostly sees a place's name end before an ordinary word, kept the place
/// alone (trial 66: 10 errors). So is a body's name the tagger ended a word or two early
/// (`पेटीएम पेमेंट्स बैंक`, `… गोल्ड लोन्स प्राइवेट लिमिटेड`: trials 63 and 64). Not across a word that ties a body to a place without
/// naming it (`दिल्ली स्थित संगठन`, see [`tied_to`]), nor before a head word that names no
/// body of its own (`… सरकार`, `… इकाई`).
pub(super) fn named_after_place(scan: &Scan, names: &mut Vec<Name>) {
    let taken = |all: &[Name], t: usize| all.iter().any(|n| n.0 <= t && t <= n.1);
    let mut grown = Vec::new();
    for &(first, last, kind) in names.iter() {
        if kind == EntityKind::Person {
            continue;
        }
        let word = |t: usize| {
            scan.tokens
                .get(t)
                .filter(|tok| tok.gap == Gap::Space && scan.gap_after(t - 1).trim().is_empty())
        };
        // No participle, adjective or oblique form between (`मणिपुर भेजे … बल`, `चीन
        // नियंत्रित कंपनी`), nor a verb of going (`गाज़ियाबाद लौटी पुलिस`).
        let middle = |t: usize| {
            word(t).is_some_and(|tok| {
                !tok.is(STOP | CUE | SAID | ORG_HEAD | HONORIFIC)
                    && !tok.latin
                    && !tied_to(tok.hash)
                    && !goes(tok.hash)
                    && !participle(scan.text(t))
                    && !taken(names, t)
            })
        };
        let Some(head) = (last + 2..=last + 3)
            .take_while(|&t| middle(t - 1))
            .find(|&t| word(t).is_some_and(|tok| tok.is(ORG_HEAD)))
        else {
            continue;
        };
        // Heads that name no body of their own here: a government, a unit, a force sent
        // somewhere (`… अर्धसैनिक बल`), the police back from a town, a train (`…
        // राजधानी एक्सप्रेस`), a headline's tag (`… ताज़ा समाचार`). And a team, a meeting or
        // a front of some kind (`बचाव दल`, `श्रद्धांजलि सभा`, `युद्ध मोर्चा`) is one only when
        // no word between is an everyday one (review).
        let everyday = (last + 1..head).any(|t| scan.tokens[t].is(COMMON));
        let no_body = matches!(
            scan.text(head),
            "सरकार"
                | "इकाई"
                | "समूह"
                | "ग्रुप"
                | "केंद्र"
                | "बल"
                | "पुलिस"
                | "एक्सप्रेस"
                | "न्यूज"
                | "समाचार"
                | "टाइम्स"
                | "पोस्ट"
        );
        let gathering = everyday && matches!(scan.text(head), "दल" | "सभा" | "मोर्चा");
        // A body's department (`एम्स आपातकालीन विभाग`) is a part of the body named, and
        // after a body `दल` is one of its teams (`एनडीआरएफ़ बचाव दल`).
        let part =
            kind == EntityKind::Organization && matches!(scan.text(head), "विभाग" | "दल" | "टीम");
        // `इंदौर लोक सभा निर्वाचन क्षेत्र`, `… लोकसभा सीट`: a constituency, a place.
        let seat = word(head + 1).is_some_and(|_| {
            matches!(
                scan.text(head + 1),
                "निर्वाचन"
                    | "क्षेत्र"
                    | "सीट"
                    | "सीटों"
                    | "चुनाव"
                    | "उपचुनाव"
            )
        });
        let own = !(no_body || gathering || part || seat);
        if own
            && names
                .iter()
                .all(|n| n.0 > head || n.1 < head || n.2 == EntityKind::Organization && n.0 == head)
        {
            grown.push((first, head));
        }
    }
    for (first, head) in grown {
        names.retain(|n| !(first <= n.0 && n.1 <= head));
        names.push((first, head, EntityKind::Organization));
    }
}

/// `पाकिस्तान फ़ेडरल यूनियन ऑफ़ जर्नलिस्ट्स`: a place right before an organisation of two
/// words or more that the tagger found apart, and no list knows, starts that body's name
/// (a national union, a state's board); the tagger, which sees a place's name end before
/// most words, left it outside.
pub(super) fn place_starts_body(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    super::merge_neighbours(names, |(pf, pl, pk), (of, ol, ok)| {
        let joins = pk == EntityKind::Place
            && ok == EntityKind::Organization
            && of == pl + 1
            && ol > of
            && scan.tokens[of].gap == Gap::Space
            && scan.gap_after(pl).trim().is_empty()
            && gazetteer_kind(gaz[of]).is_none()
            && !scan.tokens[of].is(ORG_HEAD | STOP);
        joins.then_some((pf, ol, EntityKind::Organization))
    });
}

/// Whether `word` is a participle or an oblique form (`भेजे`, `नियंत्रित`, `लौटकर`), or
/// one of the words that make a body generic (`सरकारी स्कूल`, a government school): no
/// word of a body's name after a place. (Adjectives in `-िक` and `-ीय` are: `पब्लिक`,
/// `राष्ट्रीय`.)
fn participle(word: &str) -> bool {
    super::venues::oblique(word) || matches!(word, "सरकारी" | "निजी" | "चुनावी")
}

/// `भारत विरोधी संगठन` (bodies against India) names no body: an organisation the tagger
/// drew across a word that ties a body to a place ([`tied_to`]) right after a place the
/// gazetteer knows is that place.
pub(super) fn tied_to_place(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    for name in names.iter_mut() {
        let (first, last, kind) = *name;
        if kind != EntityKind::Organization {
            continue;
        }
        let Some(tie) = (first + 1..=last).find(|&t| tied_to(scan.tokens[t].hash)) else {
            continue;
        };
        // Only right after a place the gazetteer knows: after another word the body is
        // named for what it is against (`… भ्रष्टाचार विरोधी ब्यूरो`) and stays.
        if gazetteer_start(gaz[first]) == Some(EntityKind::Place)
            && gazetteer_end(gaz, first) + 1 == tie
        {
            *name = (first, tie - 1, EntityKind::Place);
        }
    }
}

/// `आईआईटी मद्रास`, `एम्स दिल्ली`: a campus of an institution with many, named by the
/// system's short name and its town, is a body of its own; taken apart, every campus was
/// one entity under the system's full name, and the town a place (trials 65 and 66).
pub(super) fn campuses(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let joined: Vec<(usize, usize)> = names
        .iter()
        .filter(|&&(first, last, kind)| {
            let town = last + 1;
            kind == EntityKind::Organization
                && first == last
                && super::super::words::campus(scan.tokens[first].hash)
                && town < scan.tokens.len()
                && scan.tokens[town].gap == Gap::Space
                && gazetteer_start(gaz[town]) == Some(EntityKind::Place)
        })
        .map(|&(first, _, _)| (first, gazetteer_end(gaz, first + 1)))
        .collect();
    for (first, end) in joined {
        names.retain(|n| !(first <= n.0 && n.1 <= end));
        names.push((first, end, EntityKind::Organization));
    }
}

/// `एफ़सी गोवा`, `एफ़सी बार्सिलोना`: a football club named "FC" and its town is the club;
/// the tagger gave the town, or `एफ़सी` alone (trial 68). (`बेंगलुरु एफ़सी`, the other order,
/// ends in a body's head word.)
pub(super) fn clubs(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static FC: Trigger = Trigger::new("एफसी");
    for fc in 0..scan.tokens.len().saturating_sub(1) {
        let town = fc + 1;
        if !FC.at(scan, fc)
            || !super::joined(scan, town)
            || gazetteer_start(gaz[town]) != Some(EntityKind::Place)
        {
            continue;
        }
        let end = gazetteer_end(gaz, town);
        names.retain(|n| n.1 < fc || n.0 > end);
        names.push((fc, end, EntityKind::Organization));
    }
}

/// `कालीकट हीरोज`, `बेंगलुरु टॉरपीडोज`, `हैदराबाद ब्लैक हॉक्स`: a league's team is named by
/// its town and an English word or two, the last in the plural, which no list knows; the
/// tagger gave the town alone (trials 74 and 75: a volleyball and a cricket league). A
/// place a list knows, then one or two words of no list (in Devanagari, no ordinary word),
/// the last ending as an English plural does (`-्स`, `-ंस`, `-ोज`), then a postposition, a
/// conjunction or a mark, is the team, in a sentence about a match (with a word of the
/// game: `मैच`, `लीग`, `हराया`, `फाइनल`); not an event's plural.
pub(super) fn teams(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let n = scan.tokens.len();
    let word_of_no_list = |t: usize| {
        let w = scan.tokens[t];
        super::joined(scan, t)
            && gaz[t] == 0
            && w.class == 0
            && !w.latin
            && !super::super::words::ordinary(w.hash)
            && !super::super::words::event(w.hash)
    };
    let plural = |t: usize| {
        let text = scan.text(t);
        ["्स", "ंस", "ोज", "ीज", "्ज"]
            .iter()
            .any(|e| text.ends_with(e))
            && !matches!(text, "ब्लास्ट्स" | "अटैक्स" | "रायट्स")
    };
    let closes =
        |t: usize| t >= n || !scan.gap_after(t - 1).trim().is_empty() || scan.tokens[t].is(STOP);
    let mut found = Vec::new();
    let mut town = 0;
    while town < n {
        if gazetteer_start(gaz[town]) != Some(EntityKind::Place) {
            town += 1;
            continue;
        }
        let end = gazetteer_end(gaz, town);
        let last = (end + 1..n.min(end + 3))
            .take_while(|&t| word_of_no_list(t))
            .filter(|&t| plural(t) && closes(t + 1))
            .last();
        if let Some(last) = last {
            found.push((town, last));
        }
        town = end + 1;
    }
    if found.is_empty() {
        return;
    }
    // Goods, titles and plural nouns follow a town so too (`अलीगढ़ लॉक्स`, `मुंबई डायरीज`,
    // `मुंबई लोकल्स`: the review), so only a sentence about a match names a team: one with
    // a word of the game.
    let sentences = super::sentences(scan);
    let in_match = |first: usize| {
        let Some(r) = sentences.iter().find(|r| r.contains(&first)) else {
            return false;
        };
        r.clone().any(|t| {
            matches!(
                scan.text(t),
                "मैच" | "मुकाबला"
                    | "मुकाबले"
                    | "लीग"
                    | "हराया"
                    | "हराकर"
                    | "मात"
                    | "फाइनल"
                    | "सेमीफाइनल"
                    | "खिताब"
                    | "अंकतालिका"
                    | "सेटों"
                    | "विकेट"
                    | "खिलाफ"
            )
        })
    };
    let teams: Vec<(usize, usize)> = found.iter().copied().filter(|f| in_match(f.0)).collect();
    for (first, last) in teams {
        if names
            .iter()
            .any(|n| n.0 <= last && first <= n.1 && (n.0 < first || n.1 > last))
        {
            continue;
        }
        names.retain(|n| !(first <= n.0 && n.1 <= last));
        names.push((first, last, EntityKind::Organization));
    }
}

/// `कर्नाटक लोकायुक्त`: a state's ombudsman right after the state is a body. Only after a
/// place a list knows (`लोकपाल सिंह` is a man, `भाजपा लोकपाल के मुद्दे पर` a topic: review),
/// and not before the word of an act or a movement (`… लोकायुक्त अधिनियम`).
pub(super) fn ombudsmen(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static LOKAYUKT: Trigger = Trigger::new("लोकायुक्त");
    static LOKPAL: Trigger = Trigger::new("लोकपाल");
    for head in 1..scan.tokens.len() {
        if !(LOKAYUKT.at(scan, head) || LOKPAL.at(scan, head))
            || !super::joined(scan, head)
            || gazetteer_kind(gaz[head - 1]) != Some(EntityKind::Place)
        {
            continue;
        }
        // A law, a bill, its amendment or the movement for one.
        let next = (head + 1 < scan.tokens.len()).then(|| scan.text(head + 1));
        if next
            .is_some_and(|w| super::law_word(w) || matches!(w, "विधेयक" | "बिल" | "आंदोलन" | "संशोधन"))
        {
            continue;
        }
        let Some(first) = (0..head).rev().find(|&t| gazetteer_start(gaz[t]).is_some()) else {
            continue;
        };
        if gazetteer_end(gaz, first) + 1 != head {
            continue;
        }
        names.retain(|n| n.1 < first || n.0 > head);
        names.push((first, head, EntityKind::Organization));
    }
}

/// `एनडीटीवी इंडिया ने`, `गूगल इंडिया के प्रमुख`: a body's name right before `इंडिया`
/// names its Indian arm or edition, one body, where that body acts (`ने`), is headed (`के`
/// and a company head's or spokesman's word) or the phrase ends (a site's name on its
/// line); the tagger gave the body and the country (trial 70). Before other words `इंडिया` is most often the country
/// or the alliance (`गूगल इंडिया में निवेश करेगा`, `कांग्रेस इंडिया ब्लॉक की`, `भाजपा इंडिया
/// टुडे के सर्वे`: the review's 33 passages). The body is one the tagger found or a list
/// knows, ending right before.
pub(super) fn indian_arms(scan: &Scan, names: &mut Vec<Name>) {
    static INDIA: Trigger = Trigger::new("इंडिया");
    static NE: Trigger = Trigger::new("ने");
    static KE: Trigger = Trigger::new("के");
    static HEADS: [Trigger; 8] = [
        Trigger::new("प्रमुख"),
        Trigger::new("प्रवक्ता"),
        Trigger::new("संवाददाता"),
        Trigger::new("सीईओ"),
        Trigger::new("एमडी"),
        Trigger::new("चेयरमैन"),
        Trigger::new("अध्यक्ष"),
        Trigger::new("निदेशक"),
    ];
    for t in 1..scan.tokens.len() {
        if !INDIA.at(scan, t) || !super::joined(scan, t) {
            continue;
        }
        let after = |k: usize| t + k < scan.tokens.len() && super::joined(scan, t + k);
        let gap = scan.gap_after(t);
        let ends = t + 1 >= scan.tokens.len() || !gap.trim().is_empty() || gap.contains('\n');
        let acts = after(1) && NE.at(scan, t + 1);
        // A company's head or voice, not any designation (`… कांग्रेस इंडिया के नेता`: review).
        let headed =
            after(1) && KE.at(scan, t + 1) && after(2) && HEADS.iter().any(|w| w.at(scan, t + 2));
        if !(ends || acts || headed) {
            continue;
        }
        let found = names
            .iter()
            .find(|n| n.2 == EntityKind::Organization && n.1 == t - 1)
            .map(|n| n.0);
        let known = || {
            scan.covering(t - 1)
                .filter(|c| {
                    c.kind == EntityKind::Organization
                        && c.last == t - 1
                        && matches!(c.source, Source::Known { .. })
                })
                .map(|c| c.first)
        };
        let Some(first) = found.or_else(known) else {
            continue;
        };
        names.retain(|n| n.1 < first || n.0 > t);
        names.push((first, t, EntityKind::Organization));
    }
}

/// `राज्य निर्वाचन आयोग`, `प्रदेश चुनाव आयोग`: a body a list knows by a generic name (the
/// Election Commission is `निर्वाचन आयोग`) right after `राज्य` or `प्रदेश` is the state's
/// own body, not the nation's; the list gave it the nation's canonical name. The state
/// word joins the name, which no list then knows. Only for the heads of public bodies
/// that a state and the Union both have (a commission, board, council, corporation,
/// authority, department, ministry or directorate), not a party (`प्रदेश भाजपा` is the party's unit),
/// and only where the state word opens the phrase (see [`opens_phrase`]).
pub(super) fn state_bodies(scan: &Scan, names: &mut Vec<Name>) {
    static STATE: [Trigger; 2] = [Trigger::new("राज्य"), Trigger::new("प्रदेश")];
    static HEADS: [Trigger; 8] = [
        Trigger::new("आयोग"),
        Trigger::new("बोर्ड"),
        Trigger::new("परिषद"),
        Trigger::new("निगम"),
        Trigger::new("प्राधिकरण"),
        Trigger::new("विभाग"),
        Trigger::new("मंत्रालय"),
        Trigger::new("निदेशालय"),
    ];
    for t in 0..scan.tokens.len().saturating_sub(1) {
        if !STATE.iter().any(|w| w.at(scan, t))
            || !super::joined(scan, t + 1)
            || !opens_phrase(scan, t)
        {
            continue;
        }
        let listed = scan.covering(t + 1).filter(|c| {
            c.first == t + 1
                && c.kind == EntityKind::Organization
                && matches!(c.source, Source::Known { .. })
                && HEADS.iter().any(|w| w.at(scan, c.last))
        });
        // A name the tagger drew otherwise is its decision. (`उत्तर प्रदेश …`: the state
        // word that ends a place's name opens no phrase; a rule for places before bodies
        // takes it.)
        let Some(body) = listed else { continue };
        let clash = names
            .iter()
            .any(|n| n.0 <= body.last && t <= n.1 && !(n.0 == t + 1 && n.1 == body.last));
        if clash {
            continue;
        }
        names.retain(|n| n.1 < t || n.0 > body.last);
        names.push((t, body.last, EntityKind::Organization));
    }
}

/// `राष्ट्रीय नाट्य विद्यालय`, `भारतीय राष्ट्रीय महासागर सूचना सेवा केंद्र`: a national word
/// right before a body the tagger found (`राष्ट्रीय`, `भारतीय`, `केंद्रीय`, `अंतरराष्ट्रीय`,
/// and `अखिल` before `भारतीय`) is the first word of its name, which the tagger, having seen
/// these words before common nouns, tends to leave out. Not before a body a list knows
/// or one that starts with a name a list knows, nor a word another name holds.
pub(super) fn national_words(scan: &Scan, names: &mut [Name]) {
    static NATIONAL: [Trigger; 5] = [
        Trigger::new("राष्ट्रीय"),
        Trigger::new("भारतीय"),
        Trigger::new("केंद्रीय"),
        Trigger::new("अंतरराष्ट्रीय"),
        Trigger::new("अंतर्राष्ट्रीय"),
    ];
    static ALL: Trigger = Trigger::new("अखिल");
    static BHARATIYA: Trigger = Trigger::new("भारतीय");
    for i in 0..names.len() {
        let (first, _, kind) = names[i];
        let free = |t: usize| !super::covers(names, t);
        // A body a list knows, whole or at its start (`भारतीय इंफ़ोसिस फाउंडेशन`: the
        // review), is named without the national word, which describes it.
        let listed = scan
            .covering(first)
            .is_some_and(|c| c.first == first && matches!(c.source, Source::Known { .. }));
        if kind != EntityKind::Organization || listed {
            continue;
        }
        let mut start = first;
        while start > 0
            && first - start < 2
            && super::joined(scan, start)
            && free(start - 1)
            && NATIONAL.iter().any(|w| w.at(scan, start - 1))
        {
            start -= 1;
        }
        // `अखिल भारतीय …`: only before `भारतीय`.
        if start < first
            && start > 0
            && super::joined(scan, start)
            && free(start - 1)
            && ALL.at(scan, start - 1)
            && BHARATIYA.at(scan, start)
        {
            start -= 1;
        }
        names[i].0 = start;
    }
}

/// Whether word `t` opens a noun phrase: the sentence's or a clause's first word, or one
/// after a postposition or a conjunction (`कि` too). Not after a number, a quantifier or a
/// demonstrative (`कई राज्य चुनाव आयोग से नाराज हैं`, `यह राज्य …`: the states themselves,
/// the review) nor after an adjective (`विपक्ष शासित राज्य`).
fn opens_phrase(scan: &Scan, t: usize) -> bool {
    t == 0 || !super::joined(scan, t) || {
        let before = scan.text(t - 1);
        CONJUNCTIONS.contains(&before)
            || matches!(
                before,
                "के" | "की"
                    | "का"
                    | "ने"
                    | "को"
                    | "से"
                    | "में"
                    | "पर"
                    | "तक"
                    | "या"
                    | "कि"
            )
    }
}

/// Whether word `t` is part of a person or place the gazetteer knows.
fn known_name(scan: &Scan, t: usize) -> bool {
    scan.covering(t).is_some_and(|c| {
        c.kind != EntityKind::Organization && matches!(c.source, Source::Known { .. })
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::*;

    #[test]
    fn an_organisation_ends_before_a_word_of_comparison() {
        let (scan, _) = prepare(matcher(), "विश्व स्वास्थ्य संगठन सरीखे अंतरराष्ट्रीय संगठन आए");
        let org = EntityKind::Organization;
        assert_eq!(before_listing(&scan, 0, 5, org), 2);
        assert_eq!(before_listing(&scan, 0, 2, org), 2);
        assert_eq!(before_listing(&scan, 0, 5, EntityKind::Person), 5);
    }

    /// National words before a body the tagger found start its name (`अखिल` before
    /// `भारतीय` too, not before another); not before a body a list knows, nor a word
    /// another name holds.
    #[test]
    fn national_words_open_a_bodys_name() {
        let text = "अखिल भारतीय नाट्य विद्यालय आया। राष्ट्रीय नीति आयोग आया। रमेश भारतीय \
                    आयुर्विज्ञान संस्थान। अखिल राष्ट्रीय खेल संघ।";
        let (scan, _) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let org = EntityKind::Organization;
        let (school, niti, ramesh, sport) = (at("नाट्य"), at("नीति"), at("रमेश"), at("खेल"));
        // `रमेश भारतीय` is a person; `अखिल` goes only before `भारतीय`.
        let mut names = vec![
            (school, school + 1, org),
            (niti, niti + 1, org),
            (ramesh, ramesh + 1, EntityKind::Person),
            (ramesh + 2, ramesh + 3, org),
            (sport, sport + 1, org),
        ];
        national_words(&scan, &mut names);
        assert_eq!(
            names,
            [
                (school - 2, school + 1, org),
                (niti, niti + 1, org),
                (ramesh, ramesh + 1, EntityKind::Person),
                (ramesh + 2, ramesh + 3, org),
                (sport - 1, sport + 1, org),
            ]
        );
    }

    /// A commission a list knows by its generic name, after `राज्य` or `प्रदेश`, is the
    /// state's: the state word joins it. Not after a state's own name (`उत्तर प्रदेश`),
    /// nor for a party's unit, nor across a full stop, nor after a quantifier (the states).
    #[test]
    fn a_state_word_makes_the_states_own_body() {
        let text = "राज्य निर्वाचन आयोग ने कहा। उत्तर प्रदेश निर्वाचन आयोग आया। \
                    प्रदेश भाजपा ने कहा। राज्य। चुनाव आयोग आया। कई राज्य चुनाव आयोग से नाराज हैं।";
        let (scan, _) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = Vec::new();
        state_bodies(&scan, &mut names);
        let state = at("राज्य");
        assert_eq!(names, [(state, state + 2, EntityKind::Organization)]);
        // A name the tagger drew over the body alone is widened too.
        let mut names = vec![(state + 1, state + 2, EntityKind::Organization)];
        state_bodies(&scan, &mut names);
        assert_eq!(names, [(state, state + 2, EntityKind::Organization)]);
    }

    /// `एफ़सी` and a town the gazetteer knows are a club, whatever the tagger found there;
    /// not `एफ़सी` before another word, nor a town after another word.
    #[test]
    fn fc_and_a_town_are_a_club() {
        let text = "एफ़सी पुणे ने एफ़सी जीत ली। डीएफ़सी पुणे आए।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let pune = at("पुणे");
        let mut names = vec![(pune, pune, EntityKind::Place)];
        clubs(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(pune - 1, pune, EntityKind::Organization)]);
    }

    /// A state's ombudsman after a place a list knows is a body; not after another word,
    /// nor before the word of an act.
    #[test]
    fn a_states_ombudsman_is_a_body() {
        let text = "हरियाणा लोकायुक्त ने कहा। पंजाब लोकायुक्त अधिनियम बना। प्रधान लोकपाल सिंह आए।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let mut names = vec![(at("हरियाणा"), at("हरियाणा"), EntityKind::Place)];
        ombudsmen(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [(at("हरियाणा"), at("हरियाणा") + 1, EntityKind::Organization)]
        );
    }

    /// A place right before an organisation the tagger found apart starts its name; not
    /// before a body a list knows, nor before an organisation of one word.
    #[test]
    fn a_place_starts_the_body_found_after_it() {
        let text = "नेपाल फ़ेडरल यूनियन ऑफ़ जर्नलिस्ट्स और ओडिशा बीजू जनता दल तथा असम पुलिस आए";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |word: &str| super::super::word_at(&scan, word);
        let (place, org) = (EntityKind::Place, EntityKind::Organization);
        let union = (at("फ़ेडरल"), at("जर्नलिस्ट्स"), org);
        let party = (at("बीजू"), at("दल"), org);
        let police = (at("पुलिस"), at("पुलिस"), org);
        let mut names = vec![
            (at("नेपाल"), at("नेपाल"), place),
            union,
            (at("ओडिशा"), at("ओडिशा"), place),
            party,
            (at("असम"), at("असम"), place),
            police,
        ];
        place_starts_body(&scan, &gaz.codes, &mut names);
        assert_eq!(names[0], (at("नेपाल"), at("जर्नलिस्ट्स"), org));
        assert_eq!(&names[1..3], [(at("ओडिशा"), at("ओडिशा"), place), party]);
        assert_eq!(names.len(), 5);
    }

    /// A body then `इंडिया` is one body where it acts, is headed or ends the line, whether
    /// a list knows it or the tagger found it; not where `इंडिया` is the country or the
    /// alliance.
    #[test]
    fn a_body_then_india_is_its_indian_arm() {
        let text = "एनडीटीवी इंडिया ने दिखाया। कांग्रेस इंडिया ब्लॉक में है। ज़ेप्टो इंडिया के प्रमुख \
                    आए। गूगल इंडिया में निवेश करेगा। टीम इंडिया जीती। भाजपा इंडिया टुडे के सर्वे पर।\n\
                    अमेज़न इंडिया\n\nखबर।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| super::super::word_at(s, word);
        let org = EntityKind::Organization;
        assert_eq!(gazetteer_kind(gaz.codes[at("गूगल")]), Some(org));
        let mut names = vec![(at("ज़ेप्टो"), at("ज़ेप्टो"), org)];
        indian_arms(s, &mut names);
        names.sort_by_key(|n| (n.0, n.1));
        let india = |from: &str| at(from) + 1;
        assert_eq!(
            names,
            [
                (at("एनडीटीवी"), india("एनडीटीवी"), org),
                (at("ज़ेप्टो"), india("ज़ेप्टो"), org),
                (at("अमेज़न"), india("अमेज़न"), org)
            ]
        );
    }

    /// A known town and an English plural no list knows is a team; an event's plural, or a
    /// town before an ordinary word, is not.
    #[test]
    fn a_town_and_an_english_plural_is_a_team() {
        use super::super::found_in;
        let found = found_in("फाइनल में भोपाल बाइसन्स ने इंदौर थंडरबोल्ट्स को हराया।");
        for team in ["भोपाल बाइसन्स", "इंदौर थंडरबोल्ट्स"]
        {
            assert!(
                found.contains(&(EntityKind::Organization, crate::text::fold::fold(team))),
                "{team}: {found:?}"
            );
        }
        let found = found_in("अलीगढ़ लॉक्स की मांग बढ़ी और मुंबई डायरीज का नया सीज़न आया।");
        assert!(
            found.iter().all(|f| f.0 != EntityKind::Organization),
            "{found:?}"
        );
    }
}
