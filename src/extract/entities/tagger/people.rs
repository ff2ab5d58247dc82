//! People the tagger misses or cuts where the text marks them all the same: an age in
//! brackets after the name (`कमला बाई (58)`), a given name the tagger left out before a
//! middle name (`अनूप कुमार सिंह`).
//!
//! Reports of accidents and arrests list the dead and the accused with their age in
//! brackets, ordinary villagers whom no list knows and whom the tagger, seeing no cue it
//! learned, passes over (trial 73: 4 of its 12 people missed outright stood so). Decided
//! after decoding, so the model is trained as before.

use std::collections::HashMap;

use super::super::scan::Scan;
use super::super::words::{
    COMMON, CUE, EPITHET, FACILITY, GIVEN, HONORIFIC, ORG_HEAD, PLACE_HEAD, PROGRAMME, SAID, STOP,
    SURNAME, after_name, also_a_name, describes, local_title, ordinary, settlement, sport,
    sport_part, venue, venue_between, village_or_site,
};
use super::features::gazetteer_kind;
use super::fullnames::{self, WOMANS_ENDINGS};
use super::venues::{plain, village_name_like};
use super::{Name, Trigger, covers, joined};
use crate::extract::entities::model::EntityKind;

/// The most words a name before an age is taken to have: more is a phrase, not a name.
const MOST_WORDS: usize = 3;

/// `… निवासी कमला बाई (58), … के गणेश महाजन (41)`: words that may be a name right before an
/// age in brackets (a number from 1 to 110, alone or with `वर्ष` or `साल`) are a person.
/// Up to three words, each a given name or surname a list knows, an everyday word that is
/// also a name, or a word of no everyday list, in Devanagari, of no oblique form, no place
/// or body a list knows, no word that describes someone (`इनामी`, `दिग्गज`, kin); a word
/// that may not be one or a mark before them bounds the name, and a fourth such word means
/// the words are no name. Nouns of people stand so too (`दुल्हन (22)`, `कैदी (42)`, `जीजा
/// सोनू (30)`: the review), and so do parties' seats (`X (16)`), so the words must hold a
/// name a list knows, or stand where news names villagers ([`villagers_stand`]: after
/// `निवासी`, a place's genitive, a participle, a designation or a noun of people), or in a
/// list of ages ([`listed_ages`]). One word alone must be a given name a list knows, or
/// stand so. Where the tagger found the name, or any name there, it
/// stays as found; a person the tagger found by a given name alone, before a one-word
/// place (`मोहम्मद इसराइल (38)`, read as a person and the country), takes that word in.
pub(super) fn before_age(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let ages: Vec<usize> = (1..scan.tokens.len())
        .filter_map(|t| age_at(scan, t).then_some(t - 1))
        .collect();
    // A party's seats (`भाजपा (240), X (16)`) are no ages: a list with a body or a place
    // before one of its numbers names no one.
    let body_or_place = |t: usize| {
        matches!(
            gazetteer_kind(gaz[t]),
            Some(EntityKind::Organization | EntityKind::Place)
        ) || names
            .iter()
            .any(|n| n.0 <= t && t <= n.1 && n.2 != EntityKind::Person)
    };
    let no_seats = !ages.iter().any(|&o| body_or_place(o));
    for &end in &ages {
        if let Some(i) = names.iter().position(|n| n.0 <= end && end <= n.1) {
            across_place(scan, names, i);
            continue;
        }
        let Some(first) = name_before(scan, gaz, names, end) else {
            continue;
        };
        let given = |t: usize| {
            let word = scan.tokens[t];
            word.is(GIVEN) || also_a_name(word.hash)
        };
        let listed = (first..=end).any(|t| {
            given(t)
                || scan.tokens[t].is(SURNAME)
                || gazetteer_kind(gaz[t]) == Some(EntityKind::Person)
        });
        let named_there =
            villagers_stand(scan, names, first) || no_seats && listed_ages(scan, &ages, end);
        if named_there || listed && (end > first || given(first)) {
            names.push((first, end, EntityKind::Person));
        }
    }
    names.sort_by_key(|&(f, l, _)| (f, l));
}

/// The first word of the name that ends at word `end`, where words from there back to a
/// word that may not be a name's, a mark or the sentence's start may all be (see
/// [`name_word`]) and are at most [`MOST_WORDS`]; `None` where there are more, or none.
fn name_before(scan: &Scan, gaz: &[u8], names: &[Name], end: usize) -> Option<usize> {
    let mut first = end;
    while end + 1 - first <= MOST_WORDS && name_word(scan, gaz, names, first) {
        if first == 0 || !joined(scan, first) {
            break;
        }
        first -= 1;
    }
    // The loop stops at the first word that is no name's (or at the sentence's start or a
    // mark, on a name's word).
    let word_there = name_word(scan, gaz, names, first);
    let bounded = !word_there || first == 0 || !joined(scan, first);
    let first = if word_there { first } else { first + 1 };
    (first <= end && end + 1 - first <= MOST_WORDS && bounded).then_some(first)
}

/// `नीरज चोपड़ा (भाला फेंक)`, `साजन प्रकाश (तैराकी)`: words that may be a name right before a
/// sport in brackets ([`sport_at`]) are the athlete, as medal lists and reports of awards
/// name them, and a person the tagger read in the sport is none (it read `(तीरंदाजी)` and
/// `(मुक्केबाजी)` as people: ten-fold cross-validation on IL-NER train, `bench/cv_ner.py`).
/// Up to three words that may be a name ([`name_before`]); one word alone must be a given
/// name or a surname a list knows. A person the tagger found in part, just before those
/// words, takes them in (`नीरज` before `चोपड़ा (भाला फेंक)`); a name of any kind ending at
/// the last word stays as found, so a country or a team before its sport (`भारत (हॉकी)`)
/// stays what it was; a tournament's word (`संतोष ट्रॉफी`) ends no athlete.
pub(super) fn before_sport(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let len = scan.tokens.len();
    let mut found = Vec::new();
    for t in 1..len {
        let Some(last) = sport_at(scan, t) else {
            continue;
        };
        names.retain(|n| n.2 != EntityKind::Person || n.1 < t || n.0 > last);
        let end = t - 1;
        if covers(names, end) || super::ends_no_person(scan, end) {
            continue;
        }
        let Some(first) = name_before(scan, gaz, names, end) else {
            continue;
        };
        let word = scan.tokens[first];
        let known = word.is(GIVEN | SURNAME)
            || also_a_name(word.hash)
            || gazetteer_kind(gaz[first]) == Some(EntityKind::Person);
        let part = names
            .iter()
            .position(|n| n.2 == EntityKind::Person && n.1 + 1 == first && joined(scan, first));
        match part {
            Some(i) => names[i].1 = end,
            None if end > first || known => found.push((first, end, EntityKind::Person)),
            None => {}
        }
    }
    names.extend(found);
    names.sort_by_key(|&(f, l, _)| (f, l));
}

/// The last word of a sport in brackets that opens at word `t`: `(` right before it, at
/// most three words with nothing but spaces between, each a sport's ([`sport`]) or an
/// event's ([`sport_part`]), one a sport's or two at least (`(कुश्ती)`, `(भाला फेंक)`,
/// `(टेबल टेनिस)`; not `(शूटिंग के दौरान)` or `(दिल्ली क्रिकेट एसोसिएशन)`), then `)`.
fn sport_at(scan: &Scan, t: usize) -> Option<usize> {
    if t == 0 || scan.gap_after(t - 1).trim() != "(" {
        return None;
    }
    let mut last = t;
    loop {
        let hash = scan.tokens[last].hash;
        if !sport(hash) && !sport_part(hash) {
            return None;
        }
        if scan.gap_after(last).trim_start().starts_with(')') {
            break;
        }
        if last + 1 >= scan.tokens.len() || last + 1 >= t + 3 || !joined(scan, last + 1) {
            return None;
        }
        last += 1;
    }
    (last > t || sport(scan.tokens[t].hash)).then_some(last)
}

/// `शिक्षिका कविता मोदी`, `किसान सीमा मुर्मू`: a surname that alone names someone famous
/// (`मोदी`, `मुर्मू` in the gazetteer) right after a given name is someone else's, named in
/// full. The tagger, seeing an everyday word (`कविता` is a poem) before a known name, left
/// it out, and the famous one took the mention. A given name a list knows takes the
/// surname in where it is no everyday word, or where villagers are named (after a
/// designation, a noun of people, `निवासी`, a place's genitive; after a participle where
/// the name acts): `उनकी कविता मोदी ने पढ़ी` (his poem, read by Modi) stays as it was; so
/// does a surname before his government or followers.
pub(super) fn before_known_surname(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    for i in 0..names.len() {
        let (first, last, kind) = names[i];
        if kind != EntityKind::Person
            || first != last
            || gazetteer_kind(gaz[first]) != Some(EntityKind::Person)
            || first == 0
            || !joined(scan, first)
        {
            continue;
        }
        let given = first - 1;
        let word = scan.tokens[given];
        let everyday = word.is(COMMON) || ordinary(word.hash);
        // An everyday word stands as a name where villagers are named; after a participle
        // only where the name then acts (`दुकान चलाने वाली शांति मुर्मू ने`; `चाहने वाले
        // विकास मोदी के नाम पर` is development's: the review).
        let after_participle = given > 0 && participle(scan.text(given - 1));
        let stands =
            || villagers_stand(scan, names, given) && (!after_participle || agent(scan, last + 1));
        if (word.is(GIVEN) || also_a_name(word.hash))
            && name_shaped(scan, gaz, given)
            && gaz[given] == 0
            && !covers(names, given)
            && (!everyday || stands())
            && !famous_ones(scan, last + 1)
        {
            names[i].0 = given;
        }
    }
}

/// `एसपी सिटी अमित कुमार राय`: a person the tagger ended at a given name, before a middle
/// name (`कुमार`, `प्रसाद`, `प्रताप`) and a surname a list knows, goes on over both: the
/// tagger, unsure after an unusual word before the name, stopped short. The surname is of
/// no place or body a list knows and in no other name, with a space and nothing else
/// between the words.
pub(super) fn through_middle_name(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    let starts: Vec<usize> = names.iter().map(|n| n.0).collect();
    for name in names.iter_mut() {
        let (_, last, kind) = *name;
        let (middle, surname) = (last + 1, last + 2);
        if kind != EntityKind::Person
            || !scan.tokens[last].is(GIVEN)
            || surname >= scan.tokens.len()
            || !joined(scan, middle)
            || !joined(scan, surname)
            || !opens_as_middle(scan.text(middle))
            || !scan.tokens[surname].is(SURNAME)
            || !name_shaped(scan, gaz, surname)
            || starts.iter().any(|&s| s == middle || s == surname)
        {
            continue;
        }
        name.1 = surname;
    }
}

/// Whether `word` (folded) is the participle `वाला` (`दुकान चलाने वाले`, `पटना वाला`).
fn participle(word: &str) -> bool {
    matches!(word, "वाले" | "वाली" | "वाला")
}

/// Whether word `t` makes the words before it someone who acts: `ने`, a verb of saying or
/// an age in brackets.
pub(super) fn agent(scan: &Scan, t: usize) -> bool {
    t < scan.tokens.len() && (scan.text(t) == "ने" || scan.tokens[t].is(SAID) || age_at(scan, t))
}

/// Whether word `t` makes the famous surname before it the famous one's: his government,
/// rule, followers (`महिला शक्ति मोदी सरकार की प्राथमिकता`: the review), or `जी`.
fn famous_ones(scan: &Scan, t: usize) -> bool {
    t < scan.tokens.len()
        && joined(scan, t)
        && matches!(
            scan.text(t),
            "सरकार"
                | "सरकारों"
                | "राज"
                | "युग"
                | "लहर"
                | "मंत्रिमंडल"
                | "कैबिनेट"
                | "समर्थक"
                | "समर्थकों"
                | "विरोधी"
                | "भक्त"
                | "जी"
        )
}

/// `रमेश यादव उर्फ़ पप्पू`, `सराय लीली उर्फ बरचानपुर`: the words right after `उर्फ़` name the
/// person or place named before it, by another name (crime reports give the accused's
/// nickname so; revenue records a village's second name). A name the tagger found there
/// after a person is a person (it read some nicknames as places), unless it is a place or
/// body a list knows or stands before `वाला` (`उर्फ़ पटना वाला`: the review). Where it
/// found none, one word there is the name of the kind before (nicknames are often
/// everyday words: `काला`, `छोटू`), in quotes or not, and for a person with a second word a
/// list knows as a surname or a given name (`उर्फ़ पप्पू यादव`). Not a function word,
/// title, designation, verb of saying, number or oblique form; the merger makes both names
/// one entity.
pub(super) fn after_alias(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static ALIAS: Trigger = Trigger::new("उर्फ");
    let mut found = Vec::new();
    for a in 1..scan.tokens.len().saturating_sub(1) {
        if !ALIAS.at(scan, a) || !joined(scan, a) {
            continue;
        }
        // `दुकान चलाने वाले चौथमल उर्फ़ भोलू`: where the tagger found no one before `उर्फ़`,
        // one word that may be a name, where reports name villagers and the accused, is the
        // person the nickname is of (kept only with the nickname).
        let found_before = names
            .iter()
            .find(|n| n.1 + 1 == a && n.2 != EntityKind::Organization)
            .map(|n| n.2);
        let before = a - 1;
        let unfound = found_before.is_none()
            && !covers(names, before)
            && name_shaped(scan, gaz, before)
            && nicknamed_stand(scan, gaz, before);
        let Some(kind) = found_before.or(unfound.then_some(EntityKind::Person)) else {
            continue;
        };
        let first = a + 1;
        let quote = fullnames::opening_quote(scan.gap_after(a));
        if quote.is_none() && !scan.gap_after(a).trim().is_empty() {
            continue;
        }
        // `राहुल उर्फ़ पटना वाला`: a nickname made of a place and `वाला` (the one from
        // Patna) leaves the place a place.
        let from = |end: usize| {
            end + 1 < scan.tokens.len() && joined(scan, end + 1) && participle(scan.text(end + 1))
        };
        if let Some(b) = names.iter_mut().find(|n| n.0 == first) {
            // A person's other name, where the tagger read a place or a body; not a place
            // or body a list knows, and not a person after a place (`रामू उर्फ़ रामनारायण
            // पटेल`: the tagger's place was wrong, the person right).
            let known_other = matches!(
                gazetteer_kind(gaz[b.0]),
                Some(EntityKind::Place | EntityKind::Organization)
            );
            // Where no one was found before `उर्फ़`, only a person the tagger found after it
            // says that the word before is one too (`निवासी X उर्फ़ नगला Y`: a village).
            if unfound && b.2 == EntityKind::Person && b.1 <= first + 1 {
                found.push((before, before, kind));
            } else if !unfound
                && kind == EntityKind::Person
                && b.1 <= first + 1
                && !known_other
                && !from(b.1)
            {
                b.2 = kind;
            }
            continue;
        }
        if !name_shaped(scan, gaz, first) || covers(names, first) || from(first) {
            continue;
        }
        let last = match quote {
            Some(q) if fullnames::closes_quote(scan.gap_after(first), q) => first,
            Some(_) => continue,
            None => {
                let second = first + 1;
                // (A village's second name takes no surname: not `चकिया उर्फ रामपुर सिंह`.)
                let surname = kind == EntityKind::Person
                    && second < scan.tokens.len()
                    && joined(scan, second)
                    && scan.tokens[second].is(SURNAME | GIVEN)
                    && name_shaped(scan, gaz, second)
                    && !covers(names, second);
                if surname { second } else { first }
            }
        };
        // And a nickname ends where a name does: at a function word, a mark, another
        // `उर्फ़` or a word of what befell someone (`X उर्फ़ Y फरार है`); not before a noun
        // (`फर्जी उर्फ़ नकली रिपोर्टर`, `सांड उर्फ़ कालिया लोगों को`: the review).
        let ends_nickname = last + 1 >= scan.tokens.len()
            || !joined(scan, last + 1)
            || scan.tokens[last + 1].is(STOP)
            || describes(scan.tokens[last + 1].hash)
            || ALIAS.at(scan, last + 1);
        if unfound && !ends_nickname {
            continue;
        }
        found.push((first, last, kind));
        if unfound {
            found.push((before, before, kind));
        }
    }
    names.extend(found);
    names.sort_by_key(|&(f, l, _)| (f, l));
}

/// Whether word `t`, right before `उर्फ़` where the tagger found no one, is a person's
/// name by where it stands: a given name a list knows or a word of no list and no everyday
/// word (not `बस`, `लोग`, a noun of people or a post: `युवक उर्फ़ ड्राइवर`, `चौकीदार उर्फ़
/// प्रहरी`), after a participle (`दुकान चलाने वाले X`), a noun of people, a designation or
/// `निवासी`. Not after a place's genitive, where a town's second name is as often meant
/// (`जौनपुर के मछलीशहर उर्फ़ मछलीपट्टन`: the review).
fn nicknamed_stand(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    static RESIDENT: Trigger = Trigger::new("निवासी");
    let word = scan.tokens[t];
    let name_word = word.is(GIVEN) || also_a_name(word.hash) || village_name_like(scan, gaz, t);
    if !name_word
        || people_noun(scan.text(t))
        || local_title(word.hash)
        || t == 0
        || !joined(scan, t)
    {
        return false;
    }
    let prior = t - 1;
    RESIDENT.at(scan, prior)
        || scan.tokens[prior].is(CUE)
        || local_title(scan.tokens[prior].hash)
        || people_noun(scan.text(prior))
        || participle(scan.text(prior))
}

/// Whether a name starting at word `first` stands where news names villagers and the
/// accused: after `निवासी`, after a place's genitive (`बेंगाबाद के`, `भीकनगांव की`, `गंजाम
/// जिले के`), after a participle that says who they are (`दुकान चलाने वाले`, `बरगढ़ की
/// रहने वाली`), after a designation, a local officer's title or a noun of people.
pub(super) fn villagers_stand(scan: &Scan, names: &[Name], first: usize) -> bool {
    static RESIDENT: Trigger = Trigger::new("निवासी");
    if first == 0 || !joined(scan, first) {
        return false;
    }
    let before = first - 1;
    let place_before = |t: usize| {
        names.iter().any(|n| n.2 == EntityKind::Place && n.1 == t)
            || settlement(scan.tokens[t].hash)
            || matches!(scan.text(t), "जिले" | "जिला" | "शहर")
    };
    RESIDENT.at(scan, before)
        || scan.tokens[before].is(CUE)
        || local_title(scan.tokens[before].hash)
        || people_noun(scan.text(before))
        || participle(scan.text(before))
        || before > 0
            && matches!(scan.text(before), "के" | "की" | "का")
            && joined(scan, before)
            && place_before(before - 1)
}

/// Whether the age after word `end` is one of a list of ages (`रामसजीवन (45), बिंदेश्वरी
/// (60) और छोटेलाल (33)`): another age stands within a few words of it, in the same
/// sentence. (`ages` is in order: only the neighbours need asking.)
fn listed_ages(scan: &Scan, ages: &[usize], end: usize) -> bool {
    /// The most words between two ages of one list.
    const NEAR: usize = 8;
    let same_sentence = |a: usize, b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        (a..b).all(|t| !scan.gap_after(t).contains(['।', '?', '!', '\n']))
    };
    let i = ages.partition_point(|&o| o < end);
    let before = i.checked_sub(1).map(|j| ages[j]);
    let after = ages.get(i + 1).copied();
    [before, after]
        .into_iter()
        .flatten()
        .any(|o| o.abs_diff(end) <= NEAR && same_sentence(o, end))
}

/// Nouns of people that stand before a villager's name in reports (`किसान हरिओम (47)`,
/// `पड़ोसी मुन्ना (35)`, `घायल प्रताप`, `दुकान मालिक X`), everyday words no list holds as
/// designations: no part of the name after them.
pub(super) fn people_noun(word: &str) -> bool {
    matches!(
        word,
        "किसान"
            | "पडोसी"
            | "घायल"
            | "बालक"
            | "बालिका"
            | "महिला"
            | "युवक"
            | "युवती"
            | "किशोर"
            | "किशोरी"
            | "छात्र"
            | "मजदूर"
            | "चालक"
            | "ड्राइवर"
            | "दुकानदार"
            | "बेटा"
            | "भाई"
            | "साथी"
            | "विधवा"
            | "परिचालक"
            | "बुजुर्ग"
            | "वृद्ध"
            | "हलवाई"
            | "कबाडी"
            | "ठग"
            | "बनिया"
            | "सेठ"
            | "श्रोता"
            // An owner, an organiser, a partner, a village head's husband.
            | "मालिक"
            | "आयोजक"
            | "साझेदार"
            | "प्रधानपति"
    )
}

/// Whether word `first` of the person `first..=last` is a noun of people before the name
/// (`चालक X`, `आयोजक X`) or a word of no name list before one (`दुकान मालिक X`, a
/// shop's owner): no part of the name. Not a given name, nor before a middle name (`किशोर कुमार`
/// is a singer), a noun of people or kin, or an honorific.
pub(super) fn role_before_name(scan: &Scan, first: usize, last: usize) -> bool {
    // What follows must open a name: not a middle name, a noun of people or kin (`किशोर
    // भाई`) or an honorific (`किशोर साहब`): then the noun was the name.
    let noun = |t: usize| {
        t < last
            && people_noun(scan.text(t))
            && !scan.tokens[t].is(GIVEN)
            && !fullnames::middle_name(scan.text(t + 1))
            && !people_noun(scan.text(t + 1))
            && !after_name(scan.tokens[t + 1].hash)
    };
    noun(first) || !scan.tokens[first].is(GIVEN | SURNAME) && noun(first + 1)
}

/// The person the tagger found by a given name alone, right before the one-word place
/// `names[i]` with nothing between, takes the place in: an age follows it, so it ends a
/// name (`मोहम्मद इसराइल (38)`).
fn across_place(scan: &Scan, names: &mut Vec<Name>, i: usize) {
    let (first, last, kind) = names[i];
    if kind != EntityKind::Place || first != last || !joined(scan, first) {
        return;
    }
    let Some(p) = names
        .iter()
        .position(|n| n.2 == EntityKind::Person && n.0 + 1 == first && n.1 + 1 == first)
    else {
        return;
    };
    if scan.tokens[names[p].0].is(GIVEN) {
        names[p].1 = first;
        names.remove(i);
    }
}

/// Whether word `t` opens an age in brackets: `(` before it, a number from 1 to 110, then
/// `)`, or `वर्ष` or `साल` and then `)`.
pub(super) fn age_at(scan: &Scan, t: usize) -> bool {
    if t == 0 {
        return false;
    }
    let text = scan.text(t);
    let number = !text.is_empty()
        && text.len() <= 3
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.parse::<u32>().is_ok_and(|n| (1..=110).contains(&n));
    if !number || scan.gap_after(t - 1).trim() != "(" {
        return false;
    }
    let closes = |w: usize| scan.gap_after(w).trim_start().starts_with(')');
    closes(t)
        || t + 1 < scan.tokens.len()
            && scan.gap_after(t).trim().is_empty()
            && matches!(scan.text(t + 1), "वर्ष" | "साल")
            && closes(t + 1)
}

/// Whether word `t` may be a word of a person's name before an age: see [`before_age`].
fn name_word(scan: &Scan, gaz: &[u8], names: &[Name], t: usize) -> bool {
    may_be_name(scan, gaz, t) && !covers(names, t)
}

/// Whether word `t` has a name's shape ([`name_shaped`]) and is a name a list knows or a
/// word of no everyday list.
fn may_be_name(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    let word = scan.tokens[t];
    let listed = word.is(GIVEN | SURNAME) || also_a_name(word.hash);
    let everyday = word.is(COMMON) || ordinary(word.hash);
    name_shaped(scan, gaz, t) && (listed || !everyday)
}

/// `आरोपियों में राजन चौहान, विकास निषाद और अरमान अली शामिल हैं`: an item of one or two
/// words listed between two people the tagger found (after a comma or a conjunction,
/// before one) is a person too, where its words have a name's shape and one is a given
/// name, a surname or a word no everyday list holds (`पुलिस बल` is none). The tagger,
/// unsure of a given name that is also a word (`विकास`, development), left it out of the
/// list it read the rest of.
pub(super) fn listed_between_people(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let len = scan.tokens.len();
    // Per word, so that a text of many names is read once (no scan of the names per word).
    let covered = covered_words(len, names);
    let mut opens_person = vec![false; len];
    for n in names.iter().filter(|n| n.2 == EntityKind::Person) {
        opens_person[n.0] = true;
    }
    let person_starts = |t: usize| opens_person[t];
    let free = |t: usize| t < len && name_shaped(scan, gaz, t) && !covered[t];
    // The first word of the item after the one ending at `end`, if a list goes on there.
    let next_item = |end: usize| {
        (end + 1..(end + 3).min(len)).find(|&s| super::venues::listed_before(scan, s) == Some(end))
    };
    let mut found = Vec::new();
    for &(_, last, kind) in names.iter() {
        if kind != EntityKind::Person {
            continue;
        }
        let Some(first) = next_item(last) else {
            continue;
        };
        for end in [first, first + 1].into_iter().filter(|&e| e < len) {
            let words_free = (first..=end).all(free) && (end == first || joined(scan, end));
            // A word no everyday list holds (`निषाद`), or a name's word the lists know.
            let unusual = |t: usize| !ordinary(scan.tokens[t].hash) && !scan.tokens[t].is(COMMON);
            let listed = scan.tokens[first].is(GIVEN)
                || scan.tokens[end].is(SURNAME)
                || (first..=end).any(unusual);
            if words_free && listed && next_item(end).is_some_and(&person_starts) {
                found.push((first, end, EntityKind::Person));
                break;
            }
        }
    }
    names.extend(found);
    names.sort_by_key(|&(f, l, _)| (f, l));
}

/// The most words a person listed between commas is widened to ([`whole_list_item`]).
const MOST_ITEM_WORDS: usize = 4;

/// `कृष्णा सोबती, मन्नू भंडारी, उषा प्रियंवदा`: a person the tagger found in a list of people
/// takes in the rest of its item, if it found only part (`मन्नू`), where the words between it and
/// the item's edges may all be a name's ([`name_word`]'s test: a name's shape, and a name a
/// list knows or a word of no everyday list) and the item has at most four words. The
/// item's start is a comma, a conjunction or a sentence's start (by its mark, not a line's
/// break); its end a comma, a
/// conjunction or `आदि`, so a sentence's ordinary end never widens a name; and another
/// person is listed next to it. No designation, noun of people, body's, place's, site's or
/// event's word is taken in (`कृषिमंत्री`, `लेखपाल`, `गुट`, `चौक`, `ट्रॉफी`). The tagger, unsure of a word it never saw
/// (a surname, a second given name), cut the name where a reader sees the list's item
/// whole (ten-fold cross-validation on IL-NER train, `bench/cv_ner.py`).
pub(super) fn whole_list_item(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    let len = scan.tokens.len();
    let covered = covered_words(len, names);
    let free = |t: usize| {
        let word = scan.tokens[t];
        // A designation written as one word with its field (`कृषिमंत्री`) is no name's.
        let titled = ["मंत्री", "अध्यक्ष", "सचिव", "आयुक्त", "निदेशक"]
            .iter()
            .any(|e| scan.text(t).ends_with(e));
        let role = super::designation(scan, t) || people_noun(scan.text(t));
        // A body's, a place's, a site's or a venue's head word, or an event's, is no name's
        // either (`भगत सिंह चौक`, `गांधी नगर`, `X मेमोरियल`, `विजय हजारे ट्रॉफी`); nor is a
        // faction's or a gang's (`शिंदे गुट`), which no list holds as a head.
        let head = word.is(ORG_HEAD | PLACE_HEAD | FACILITY | PROGRAMME)
            || settlement(word.hash)
            || village_or_site(word.hash)
            || venue(word.hash)
            || venue_between(word.hash)
            || super::ends_no_person(scan, t)
            || matches!(scan.text(t), "गुट" | "खेमा" | "गैंग" | "ब्रिगेड" | "माफिया");
        !covered[t] && may_be_name(scan, gaz, t) && !titled && !role && !head
    };
    let conjunction = |t: usize| super::orgs::CONJUNCTIONS.contains(&scan.text(t));
    let starts = |a: usize| {
        a == 0
            || matches!(scan.gap_after(a - 1).trim(), "," | "।" | ".")
            || joined(scan, a) && conjunction(a - 1)
    };
    let ends = |b: usize| {
        b + 1 < len
            && (scan.gap_after(b).trim() == ","
                || joined(scan, b + 1) && (conjunction(b + 1) || scan.text(b + 1) == "आदि"))
    };
    let mut person_at = vec![false; len];
    for n in names.iter().filter(|n| n.2 == EntityKind::Person) {
        person_at[n.0] = true;
        person_at[n.1] = true;
    }
    // Another person listed right before the item (ending at the word before its comma or
    // conjunction) or right after it: a list of people, not of bodies or places.
    let beside_person = |a: usize, b: usize| {
        super::venues::listed_before(scan, a).is_some_and(|e| person_at[e])
            || (b + 1..(b + 3).min(len))
                .any(|s| super::venues::listed_before(scan, s) == Some(b) && person_at[s])
    };
    for name in names.iter_mut().filter(|n| n.2 == EntityKind::Person) {
        let (mut a, mut b) = (name.0, name.1);
        while a > 0 && joined(scan, a) && b + 1 - a < MOST_ITEM_WORDS && free(a - 1) {
            a -= 1;
        }
        while b + 1 < len && joined(scan, b + 1) && b + 1 - a < MOST_ITEM_WORDS && free(b + 1) {
            b += 1;
        }
        if (a, b) != (name.0, name.1) && starts(a) && ends(b) && beside_person(a, b) {
            (name.0, name.1) = (a, b);
        }
    }
}

/// `कविता सांगवान ने स्वर्ण जीता … कविता का अगला लक्ष्य`: a person named in full (a given
/// name a list knows, then one or two words) is named again by the given name alone, later
/// in the text, where it stands as a name does: before a case marker, `भी`, `और`, a verb of
/// saying or a mark, and not after a possessive or a determiner (`उनकी कविता`, his poem;
/// `इस पूजा में`). The tagger, seeing an everyday word alone (`कविता`, `पूजा`), left out
/// what a reader takes for the person the story is about.
pub(super) fn first_name_again(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let len = scan.tokens.len();
    // Each such given name, and where its first full mention ends.
    let mut full: HashMap<u64, usize> = HashMap::new();
    for &(first, last, kind) in names.iter() {
        let word = scan.tokens[first];
        if kind == EntityKind::Person
            && last > first
            && last - first <= 2
            && (word.is(GIVEN) || also_a_name(word.hash))
        {
            let end = full.entry(word.hash).or_insert(last);
            *end = (*end).min(last);
        }
    }
    if full.is_empty() {
        return;
    }
    // One bit per given name (of its hash's low six): most words are ruled out without a
    // look-up in the map.
    let bits = full.keys().fold(0u64, |b, h| b | 1 << (h & 63));
    let covered = covered_words(len, names);
    let place_ends = |t: usize| names.iter().any(|n| n.2 == EntityKind::Place && n.1 == t);
    let stands_after = |t: usize| {
        if t == 0 || !joined(scan, t) {
            return true;
        }
        let before = scan.text(t - 1);
        // `झज्जर की कविता ने`: after a place's genitive a villager; after another's, a thing.
        if matches!(before, "का" | "की" | "के") {
            return t >= 2 && place_ends(t - 2);
        }
        !determiner(before)
    };
    let closes = |t: usize| {
        t + 1 >= len
            || !joined(scan, t + 1)
            || scan.tokens[t + 1].is(SAID)
            || matches!(
                scan.text(t + 1),
                "ने" | "का" | "की" | "के" | "को" | "से" | "भी" | "और" | "जी"
            )
    };
    let mut found = Vec::new();
    for (t, &taken) in covered.iter().enumerate() {
        let hash = scan.tokens[t].hash;
        if bits & 1 << (hash & 63) != 0
            && full.get(&hash).is_some_and(|&end| end < t)
            && !taken
            && name_shaped(scan, gaz, t)
            && stands_after(t)
            && closes(t)
        {
            found.push((t, t, EntityKind::Person));
        }
    }
    names.extend(found);
    names.sort_by_key(|&(f, l, _)| (f, l));
}

/// Whether each of the `len` words lies in one of `names`.
fn covered_words(len: usize, names: &[Name]) -> Vec<bool> {
    let mut covered = vec![false; len];
    for n in names {
        covered[n.0..=n.1].fill(true);
    }
    covered
}

/// Whether `word` (folded) is a possessive or a determiner, before which a given name that
/// is also a word is that word (`उनकी कविता`, `इस पूजा`, `एक विकास`).
fn determiner(word: &str) -> bool {
    matches!(
        word,
        "उनकी"
            | "उनका"
            | "उनके"
            | "उसकी"
            | "उसका"
            | "उसके"
            | "अपनी"
            | "अपना"
            | "अपने"
            | "मेरी"
            | "मेरा"
            | "मेरे"
            | "हमारी"
            | "हमारा"
            | "हमारे"
            | "आपकी"
            | "इसकी"
            | "इनकी"
            | "जिसकी"
            | "जिनकी"
            | "इस"
            | "उस"
            | "इन"
            | "उन"
            | "यह"
            | "वह"
            | "ये"
            | "वे"
            | "एक"
            | "हर"
            | "कोई"
            | "किसी"
            | "कई"
            | "नई"
            | "नया"
            | "नए"
            | "यही"
            | "वही"
    )
}

/// Whether word `t` has the shape of a word of a person's name, whatever lists it is in: no
/// function word, title, verb of saying or word that describes someone, in Devanagari, of
/// no oblique form, no place or body a list knows. Each rule here adds what it asks of the
/// word's lists.
fn name_shaped(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    let word = scan.tokens[t];
    !word.is(STOP | CUE | HONORIFIC | EPITHET | SAID)
        && !describes(word.hash)
        && !word.latin
        && plain(scan.text(t))
        && matches!(gazetteer_kind(gaz[t]), None | Some(EntityKind::Person))
}

/// `कलेक्टर अनूप कुमार सिंह`: a person the tagger found from a middle name on (`कुमार सिंह`),
/// which opens some names (`कुमार विश्वास`), takes in the word right before it when that
/// word may be a given name: a given name a list knows, or a word of no everyday list where
/// a name may start (after a designation, a title, a function word or a mark, or at the
/// start; after another word of no list it as often describes the person: `नामचीन`). It
/// is in Devanagari, of no oblique form, no word that describes someone (`दिग्गज`), no
/// place or body a list knows, in no other name, with a space and nothing else between.
pub(super) fn before_middle_name(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    for i in 0..names.len() {
        let (first, last, kind) = names[i];
        if kind != EntityKind::Person
            || last == first
            || !opens_as_middle(scan.text(first))
            || !joined(scan, first)
        {
            continue;
        }
        let given = first - 1;
        let word = scan.tokens[given];
        let everyday = word.is(COMMON) || ordinary(word.hash);
        let taken = names.iter().any(|&(f, l, _)| f <= given && given <= l);
        // A word of no list right there is as often one that describes the person
        // (`नामचीन`, `लापता`: the review); only where a name may start (after a designation,
        // a title, a function word or a mark, or at the start) is it the given name.
        let introduced =
            given == 0 || !joined(scan, given) || scan.tokens[given - 1].is(CUE | HONORIFIC | STOP);
        let fits =
            name_shaped(scan, gaz, given) && (word.is(GIVEN) || !everyday && introduced) && !taken;
        if fits {
            names[i].0 = given;
        }
    }
}

/// Middle names that open a name of their own less often than they stand inside one: the
/// middle names [`super::fullnames`] knows, but for the women's (`कुमारी`, `देवी`, a title
/// and a name's ending before a given name), and `प्रताप`, `नारायण`.
fn opens_as_middle(word: &str) -> bool {
    super::fullnames::middle_name(word) && !matches!(word, "कुमारी" | "देवी")
        || matches!(word, "प्रताप" | "नारायण")
}

/// `उनकी बेटी पूजा कुमारी भी`, `पत्नी किरण देवी ने`: after a word of kin or a designation,
/// a word and a woman's name ending (`देवी`, `कुमारी`, `बाई`, `बेगम`, `खातून`, `बानो`, `कौर`)
/// are a woman's name, though the tagger found no one or the given name alone. The given
/// name is a given name a list knows, an everyday word that is also one (`पूजा`), or a
/// word of no everyday list (`कुल देवी`, `बोली बाई` are no one: the review); no function
/// word, title, word that describes someone or place a list knows, in Devanagari and of no
/// oblique form. Not after `मां` (`मां वैष्णो देवी`, the goddess); a name of another kind
/// there stays.
pub(super) fn womans_name_after_cue(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    static KUMARI: Trigger = Trigger::new("कुमारी");
    // Folded: `माँ` is `मां`.
    static MOTHER: Trigger = Trigger::new("मां");
    for end in 2..scan.tokens.len() {
        // The cheap test first: a designation or a word of kin two words back.
        if !scan.tokens[end - 2].is(CUE) {
            continue;
        }
        let ending = WOMANS_ENDINGS.iter().any(|w| w.at(scan, end)) || KUMARI.at(scan, end);
        if !ending || !joined(scan, end) || !joined(scan, end - 1) {
            continue;
        }
        let (given, cue) = (end - 1, end - 2);
        let word = scan.tokens[given];
        // An everyday word there is as often no name (`बेटी कुल देवी की पूजा`, `पत्नी बोली
        // बाई अब …`: the review), unless it is a given name too.
        let everyday = word.is(COMMON) || ordinary(word.hash);
        let fits = scan.tokens[cue].is(CUE)
            && !MOTHER.at(scan, cue)
            && name_shaped(scan, gaz, given)
            && (word.is(GIVEN) || also_a_name(word.hash) || !everyday);
        let over = |n: &Name| n.0 <= end && given <= n.1;
        let inside = |n: &Name| given <= n.0 && n.1 <= end && n.2 == EntityKind::Person;
        if fits && names.iter().filter(|n| over(n)).all(inside) {
            names.retain(|n| !over(n));
            names.push((given, end, EntityKind::Person));
        }
    }
    names.sort_by_key(|&(f, l, _)| (f, l));
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::{found_in as found, prepare};
    use crate::extract::entities::model::EntityKind::{self, Person};

    fn has(found: &[(EntityKind, String)], kind: EntityKind, words: &str) -> bool {
        found.iter().any(|(k, w)| *k == kind && w == words)
    }

    /// Villagers with their age in brackets are people, whatever the tagger made of them;
    /// a count in brackets after an everyday word is no one.
    #[test]
    fn a_name_before_an_age_is_a_person() {
        let names = found(
            "मृतकों में टिमरनी निवासी गोपीबाई सेंगर (58) और बांसखेड़ा के रामखिलावन मौर्य (41 वर्ष) \
             शामिल हैं। ज़िले में मौतें (12) दर्ज हुईं।",
        );
        assert!(has(&names, Person, "गोपीबाई सेंगर"), "{names:?}");
        assert!(has(&names, Person, "रामखिलावन मौर्य"), "{names:?}");
        assert!(!names.iter().any(|f| f.1.contains("मौतें")), "{names:?}");
        assert!(!names.iter().any(|f| f.1.contains("निवासी")), "{names:?}");
    }

    /// The words after `उर्फ़` name the one named before it, by its kind: a nickname,
    /// quoted or not, with a surname a list knows; a village's second name. `उर्फ़` after
    /// no name, or before a function word, names no one.
    #[test]
    fn a_name_after_urf_takes_the_kind_before() {
        let names = found(
            "बदमाश अर्जुन सिसोदिया उर्फ 'टाइगर' फरार है। पूर्व विधायक हरिनारायण झा उर्फ \
             मुन्ना यादव ने कहा। चकिया उर्फ रामपुर गांव में बाढ़ आई। यह उर्फ शब्द है। \
             वह उर्फ से जाना जाता है।",
        );
        assert!(has(&names, Person, "टाइगर"), "{names:?}");
        assert!(has(&names, Person, "मुन्ना यादव"), "{names:?}");
        assert!(
            names.iter().any(|(k, w)| w == "रामपुर" && *k != Person),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|n| n.1.contains("शब्द") || n.1 == "से"),
            "{names:?}"
        );
        // A place a list knows, or a place before `वाला`, stays a place after a person.
        let names = found("लुटेरे ने खुद को राहुल उर्फ़ पटना वाला बताया।");
        assert!(
            !names.iter().any(|n| n.0 == Person && n.1.contains("पटना")),
            "{names:?}"
        );
    }

    /// A word the tagger left before `उर्फ़`, where reports name villagers and the accused
    /// (after a participle, a noun of people, `निवासी`), is the person the nickname is of;
    /// a word of no such place before it (`कहा कि X उर्फ़ Y में`, a village) is no one.
    #[test]
    fn a_name_before_urf_where_villagers_are_named() {
        let names = found(
            "पास ही दुकान चलाने वाले गोरेलाल उर्फ़ भीमा भी खदान में थे। दुकानदार शरीफ उर्फ \
             बबलू ने पुलिस को बताया।",
        );
        for who in ["गोरेलाल", "भीमा", "शरीफ", "बबलू"] {
            assert!(has(&names, Person, who), "{who}: {names:?}");
        }
        let text = "उन्होंने कहा कि तालपुरा उर्फ बेलवा में पानी भर गया।";
        let (scan, gaz) = prepare(matcher(), text);
        let mut names = Vec::new();
        super::after_alias(&scan, &gaz.codes, &mut names);
        assert_eq!(names, []);
    }

    /// A person the tagger ended at a given name goes on over a middle name and a surname
    /// a list knows; not over a middle name alone, nor into another name.
    #[test]
    fn a_given_name_goes_on_over_middle_name_and_surname() {
        let text = "सिपाही अमित कुमार यादव आए। फिर अमित कुमार बोले।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |w: &str| super::super::word_at(&scan, w);
        let first = at("अमित");
        let second = at("बोले") - 2;
        let mut names = vec![(first, first, Person), (second, second, Person)];
        super::through_middle_name(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [(first, first + 2, Person), (second, second, Person)]
        );
        let mut names = vec![(first, first, Person), (first + 2, first + 2, Person)];
        super::through_middle_name(&scan, &gaz.codes, &mut names);
        assert_eq!(names[0], (first, first, Person));
        // A name that ends at a surname is whole: the next surname is another person's.
        let (scan, gaz) = prepare(matcher(), "सुरेश यादव कुमार चौहान से मिले।");
        let mut names = vec![(0, 1, Person)];
        super::through_middle_name(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(0, 1, Person)]);
    }

    /// A given name that is also a word, alone after the person was named in full, is the
    /// person where it stands as a name; before the full name, or after a possessive, the
    /// word.
    #[test]
    fn a_given_name_alone_after_the_full_name() {
        let names = found(
            "पूजा में गांव के लोग आए। पहलवान कविता सांगवान ने स्वर्ण जीता। कोच ने कहा कि कविता का अगला लक्ष्य ओलंपिक है। उनकी कविता भी छपी। पूजा वर्मा ने बधाई दी।",
        );
        let alone = |w: &str| names.iter().filter(|n| n.0 == Person && n.1 == w).count();
        assert_eq!(alone("कविता"), 1, "{names:?}");
        assert_eq!(alone("पूजा"), 0, "{names:?}");
        assert!(has(&names, Person, "कविता सांगवान"), "{names:?}");
    }

    /// A name listed between two people is a person's, where the lists say it may be; a
    /// thing listed so is not.
    #[test]
    fn a_name_listed_between_two_people() {
        let text = "बैठक में रमेश चौहान, विकास निषाद और सुनील यादव मौजूद थे।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |w: &str| super::super::word_at(&scan, w);
        let (first, third) = (at("रमेश"), at("सुनील"));
        let mut names = vec![(first, first + 1, Person), (third, third + 1, Person)];
        super::listed_between_people(&scan, &gaz.codes, &mut names);
        let middle = at("विकास");
        assert!(names.contains(&(middle, middle + 1, Person)), "{names:?}");
        let text = "बैठक में रमेश चौहान, पुलिस बल और सुनील यादव मौजूद थे।";
        let (scan, gaz) = prepare(matcher(), text);
        let mut names = vec![(2, 3, Person), (7, 8, Person)];
        super::listed_between_people(&scan, &gaz.codes, &mut names);
        assert_eq!(names.len(), 2, "{names:?}");
        // A list that runs to the text's end.
        let (scan, gaz) = prepare(matcher(), "मौजूद थे रमेश चौहान, निषाद");
        let mut names = vec![(2, 3, Person)];
        super::listed_between_people(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(2, 3, Person)]);
    }

    /// What befell someone, a supervisor's post and a police rank's beat are no part of
    /// the name after them.
    #[test]
    fn a_word_of_what_befell_someone_is_no_part_of_the_name() {
        let names = found("घायल सौरभ को अस्पताल भेजा गया। पर्यवेक्षक सुनील कुमार ने कहा।");
        assert!(has(&names, Person, "सौरभ"), "{names:?}");
        assert!(has(&names, Person, "सुनील कुमार"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.1.contains("घायल") || n.1.contains("पर्यवेक्षक")),
            "{names:?}"
        );
        // A noun of people before a name (an owner, an organiser, a driver) is no part
        // of it; a given name that is also such a noun is.
        let names = found(
            "दुकान मालिक रामसेवक गुप्ता ने बताया कि आयोजक हरपाल सिंह और चालक इरफान खान मौके पर थे। गायक किशोर कुमार के गीत बजे।",
        );
        for name in ["रामसेवक गुप्ता", "हरपाल सिंह", "इरफान खान", "किशोर कुमार"]
        {
            assert!(has(&names, Person, name), "{name}: {names:?}");
        }
        for text in ["मोहल्ले के किशोर भाई ने मदद की।", "तब किशोर साहब ने कहा।"]
        {
            let names = found(text);
            let honorific = |n: &(_, String)| n.1 == "भाई" || n.1 == "साहब";
            assert!(!names.iter().any(honorific), "{text}: {names:?}");
        }
        let names = found("एसपी सिटी अमित कुमार यादव ने बताया कि जांच होगी।");
        assert!(has(&names, Person, "अमित कुमार यादव"), "{names:?}");
        assert!(!names.iter().any(|n| n.1.contains("सिटी")), "{names:?}");
    }

    /// A given name before a surname that alone names someone famous is someone else,
    /// named in full: an everyday word that is also a name (`कविता`) only where villagers'
    /// names stand (after a designation); after a possessive it is the word.
    #[test]
    fn a_given_name_before_a_famous_surname_is_someone_else() {
        let names = found("गांव की प्रधान आशा मुर्मू ने कहा कि सड़क बनेगी। उनकी कविता मोदी ने मंच से पढ़ी।");
        assert!(has(&names, Person, "आशा मुर्मू"), "{names:?}");
        assert!(!names.iter().any(|n| n.1.contains("कविता")), "{names:?}");
        assert!(has(&names, Person, "मोदी"), "{names:?}");
        // Not before his government, nor after a participle where the name does not act.
        for text in [
            "बैठक में महिला शक्ति मोदी सरकार की प्राथमिकता बताई गई।",
            "उसे चाहने वाले विकास मोदी के नाम पर वोट देते हैं।",
        ] {
            let names = found(text);
            assert!(
                !names
                    .iter()
                    .any(|n| n.1.contains("शक्ति") || n.1.contains("विकास")),
                "{names:?}"
            );
        }
        let names = found("चाय की दुकान चलाने वाली शांति मुर्मू ने बताया कि बिक्री घटी।");
        assert!(has(&names, Person, "शांति मुर्मू"), "{names:?}");
    }

    /// Nouns of people before an age (a bride, a prisoner, a brother-in-law and his name)
    /// and a party's seats make no one; a name that stands after a designation does.
    #[test]
    fn a_noun_of_people_before_an_age_is_no_one() {
        let names = found(
            "दुल्हन (22) के परिजनों ने शिकायत की। कैदी (42) की मौत हो गई। उसके जीजा सोनू (30) \
             फरार है। गठबंधन में तेलुगु देशम (16) भी है। सिपाही रामदुलार (25) घायल हुआ।",
        );
        for word in ["दुल्हन", "कैदी", "जीजा", "सोनू", "देशम"]
        {
            assert!(
                !names.iter().any(|n| n.0 == Person && n.1.contains(word)),
                "{word}: {names:?}"
            );
        }
        assert!(has(&names, Person, "रामदुलार"), "{names:?}");
    }

    /// Ages listed one after another name each word before them, even one no list knows;
    /// a party's seats beside a known party do not.
    #[test]
    fn a_list_of_ages_names_each_one() {
        let names = found("घायलों में रामनिवास (45), चंद्रवती (60) और झब्बूलाल (33) को भेजा गया।");
        for name in ["रामनिवास", "चंद्रवती", "झब्बूलाल"]
        {
            assert!(has(&names, Person, name), "{name}: {names:?}");
        }
        let names = found("नतीजों में भाजपा (40), कांग्रेस (32) और जनमोर्चा (6) आगे रहीं।");
        assert!(!names.iter().any(|n| n.0 == Person), "{names:?}");
    }

    /// A resident's word splits a name read across it: the place before, the person after
    /// (or before, when the longer side).
    #[test]
    fn a_resident_is_no_part_of_a_name() {
        let names = found("आलमबाग निवासी सुधीर चौरसिया ने रिपोर्ट दर्ज कराई।");
        assert!(has(&names, Person, "सुधीर चौरसिया"), "{names:?}");
        assert!(!names.iter().any(|n| n.1.contains("निवासी")), "{names:?}");
    }

    /// Words that may be a name before a sport in brackets are the athlete; the sport is
    /// no one, and a country before its sport stays a place.
    #[test]
    fn a_name_before_a_sport_in_brackets_is_a_person() {
        let names = found(
            "पदक विजेताओं में सरबजोत चीमा (निशानेबाजी) और धीरज बोम्मादेवरा (तीरंदाजी) हैं। \
             भारत (हॉकी) ने भी पदक जीता। फाइनल (भाला फेंक) कल है।",
        );
        assert!(has(&names, Person, "सरबजोत चीमा"), "{names:?}");
        assert!(has(&names, Person, "धीरज बोम्मादेवरा"), "{names:?}");
        assert!(has(&names, EntityKind::Place, "भारत"), "{names:?}");
        for word in ["निशानेबाजी", "तीरंदाजी", "फाइनल", "भाला"]
        {
            assert!(
                !names.iter().any(|n| n.1.contains(word)),
                "{word}: {names:?}"
            );
        }
        // A bracket of other words is no sport; one of up to three words with a sport's is.
        let (scan, _) = prepare(matcher(), "क (देखें चित्र) ख (भाला फेंक) ग (टेबल टेनिस) घ");
        let sports: Vec<&str> = (1..scan.tokens.len())
            .filter(|&t| super::sport_at(&scan, t).is_some())
            .map(|t| scan.text(t))
            .collect();
        assert_eq!(sports, ["भाला", "टेबल"]);
        let (scan, _) = prepare(
            matcher(),
            "क (शूटिंग के दौरान) ख (दिल्ली क्रिकेट एसोसिएशन) ग (दौड़) घ",
        );
        assert!((1..scan.tokens.len()).all(|t| super::sport_at(&scan, t).is_none()));
        // A tournament is no athlete; one word alone must be a name a list knows.
        let names = found("संतोष ट्रॉफी (फुटबॉल) के लिए टीम घोषित। टीम जेएससीए (क्रिकेट) की है।");
        assert!(!names.iter().any(|n| n.0 == Person), "{names:?}");
        // A person found in part before the words takes them in; a body in brackets stays.
        let (scan, gaz) = prepare(matcher(), "नीरज चोपड़ा (भाला फेंक) जीते।");
        let mut names = vec![(0, 0, Person), (2, 3, EntityKind::Organization)];
        super::before_sport(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(0, 1, Person), (2, 3, EntityKind::Organization)]);
        // A sport the tagger took for a name is none.
        let (scan, gaz) = prepare(matcher(), "मैरी कॉम (मुक्केबाजी) जीतीं।");
        let mut names = vec![(0, 1, Person), (2, 2, Person)];
        super::before_sport(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(0, 1, Person)]);
    }

    /// A person found in part in a list takes in its item's other words where they may be
    /// a name's, up to the item's commas, conjunction or `आदि`; not over a designation,
    /// nor to a sentence's end, nor over an everyday word.
    #[test]
    fn a_person_in_a_list_takes_its_whole_item() {
        // The tagger's people: `part`, and `others` (one word each).
        let widened = |text: &str, part: &str, others: &[&str]| {
            let (scan, gaz) = prepare(matcher(), text);
            let at = |w: &str| (0..scan.tokens.len()).find(|&t| scan.text(t) == w).unwrap();
            let t = at(part);
            let mut names: Vec<_> = others.iter().map(|&w| (at(w), at(w), Person)).collect();
            names.push((t, t, Person));
            names.sort_by_key(|&(f, l, _)| (f, l));
            super::whole_list_item(&scan, &gaz.codes, &mut names);
            let (f, l, _) = *names.iter().find(|n| n.0 <= t && t <= n.1).unwrap();
            (f..=l).map(|t| scan.text(t)).collect::<Vec<_>>().join(" ")
        };
        let list = "मंच पर सुखदेव तिवारी, राजकिशोर मेघवंशी, कृषिमंत्री बलदेव और रघुवीर सहाय आदि थे।";
        let others = ["तिवारी", "बलदेव"];
        assert_eq!(widened(list, "राजकिशोर", &others), "राजकिशोर मेघवंशी");
        assert_eq!(widened(list, "सहाय", &others), "रघुवीर सहाय");
        assert_eq!(widened(list, "बलदेव", &["सहाय"]), "बलदेव");
        let list = "सभा में सुखदेव तिवारी, लेखपाल रघुवीर और हरि थे।";
        assert_eq!(widened(list, "रघुवीर", &["तिवारी"]), "रघुवीर");
        // No list of people: the name stays as found.
        assert_eq!(widened(list, "रघुवीर", &[]), "रघुवीर");
        assert_eq!(
            widened("कल राजकिशोर मेघवंशी आए।", "राजकिशोर", &[]),
            "राजकिशोर"
        );
        let text = "सुखदेव, फिर राजकिशोर मेघवंशी।";
        assert_eq!(widened(text, "राजकिशोर", &["सुखदेव"]), "राजकिशोर");
        let text = "कल राजकिशोर मेघवंशी, सुखदेव आए।";
        assert_eq!(widened(text, "राजकिशोर", &["सुखदेव"]), "राजकिशोर");
        for head in [
            "ट्रॉफी",
            "मेमोरियल",
            "कॉलोनी",
            "विहार",
            "नगर",
            "गुट",
            "खेमा",
            "गैंग",
            "ब्रिगेड",
        ] {
            let text = format!("मंच पर सुखदेव तिवारी, रघुवीर सहाय {head} और हरि थे।");
            assert_eq!(widened(&text, "सहाय", &["तिवारी"]), "सहाय", "{head}");
        }
        let text = "शिंदे गुट, उद्धव गुट और भाजपा ने उम्मीदवार उतारे।";
        assert_eq!(widened(text, "उद्धव", &["शिंदे"]), "उद्धव");
    }

    /// An age is a number from 1 to 110 alone in brackets, or with `वर्ष` or `साल`; a
    /// section, a year, a nought or a number with other words is none.
    #[test]
    fn an_age_is_a_small_number_in_brackets() {
        let text = "क (58) ख (41 वर्ष) ग (7 साल) घ (302) ङ (1917) च (0) छ (58 लोग) ज 58 झ";
        let (scan, _) = prepare(matcher(), text);
        let ages: Vec<&str> = (1..scan.tokens.len())
            .filter(|&t| super::age_at(&scan, t))
            .map(|t| scan.text(t))
            .collect();
        assert_eq!(ages, ["58", "41", "7"]);
    }

    /// The given name before a middle name joins the person the tagger found from it on;
    /// a name that opens with one after a function word stays as it is.
    #[test]
    fn a_given_name_before_a_middle_name_joins() {
        let names = found("कलेक्टर अनूप कुमार सिंह मौके पर पहुंचे।");
        assert!(has(&names, Person, "अनूप कुमार सिंह"), "{names:?}");
        let names = found("लेकिन कुमार विश्वास ने कहा कि वह नहीं आएंगे।");
        assert!(has(&names, Person, "कुमार विश्वास"), "{names:?}");
    }

    /// A word that describes someone, or a word of no list with no designation before it,
    /// is no given name before a middle name.
    #[test]
    fn a_describing_word_before_a_middle_name_stays_out() {
        let text = "श्रीलंका के दिग्गज कुमार संगकारा आए। इस बीच बागी प्रसाद यादव लौटे।";
        let (scan, gaz) = prepare(matcher(), text);
        let at = |w: &str| super::super::word_at(&scan, w);
        let before = vec![
            (at("कुमार"), at("संगकारा"), Person),
            (at("प्रसाद"), at("यादव"), Person),
        ];
        let mut names = before.clone();
        super::before_middle_name(&scan, &gaz.codes, &mut names);
        assert_eq!(names, before);
    }

    /// After a word of kin, an everyday word and a woman's name ending are her name; after
    /// `मां` they are a goddess, and without a cue an everyday word is no given name.
    #[test]
    fn a_womans_name_after_a_word_of_kin() {
        let names = found("किसान की पत्नी रामरती देवी ने कहा और उनकी बेटी पूजा कुमारी भी आई।");
        assert!(has(&names, Person, "रामरती देवी"), "{names:?}");
        assert!(has(&names, Person, "पूजा कुमारी"), "{names:?}");
        let (scan, gaz) = prepare(
            matcher(),
            "वे मां शीतला देवी के दर्शन करने गए, बेटी कुल देवी की पूजा करती है।",
        );
        let mut names = Vec::new();
        super::womans_name_after_cue(&scan, &gaz.codes, &mut names);
        assert_eq!(names, []);
    }
}
