//! Rules for people: designations and titles, bylines, surnames, speakers.

use super::{
    closes_phrase, ends_name, given_name_like, letter_count, name_like, name_run, pronoun_after,
};
use crate::extract::entities::model::EntityKind;
use crate::extract::entities::scan::Scan;
use crate::extract::entities::tokens::Gap;
use crate::extract::entities::words::{
    CUE, EPITHET, GIVEN, HONORIFIC, PLURAL, SAID, STOP, SURNAME, also_a_name,
};

/// Words in a byline that are not the author (`By Agency Edited By: ...`).
const BYLINE_SKIP: &[&str] = &[
    "by",
    "agency",
    "updated",
    "edited",
    "published",
    "posted",
    "news",
    "desk",
    "team",
    "bureau",
    "staff",
    "on",
    "last",
    "ist",
    "web",
    "digital",
    "online",
    "reporter",
    "correspondent",
    "source",
    "एजेंसी",
    "डेस्क",
    "ब्यूरो",
    "टीम",
    "अपडेट",
    "संवाददाता",
];

/// `प्रवक्ता दमित्री पेस्कोव ने`, `श्री रमेश ने`: a designation or title, then the name.
pub(super) fn after_cue(scan: &mut Scan, i: usize) {
    let t = scan.tokens[i];
    if t.is(CUE) && !t.is(HONORIFIC) && i > 0 && scan.tokens[i].gap == Gap::Space {
        // `दोनों नेता रेड कारपेट पर` speaks of people already named.
        if scan.tokens[i - 1].is(PLURAL) {
            return;
        }
    }
    let mut from = i + 1;
    // `नेता प्रतिपक्ष तेजस्वी यादव`, `दिग्गज सुनील गावस्कर`: a word describing the person
    // comes between the designation and the name.
    while scan
        .tokens
        .get(from)
        .is_some_and(|n| n.gap == Gap::Space && crate::extract::entities::words::describes(n.hash))
    {
        from += 1;
    }
    if scan.tokens.get(from).is_none_or(|n| n.gap != Gap::Space) {
        return;
    }
    let n = with_lead_word(scan, from);
    // `राष्ट्रपति डोनल्ड ट्रंप`: a given name before a known person's surname is one name.
    if n > 0
        && let Some(k) = scan.covering(from + n)
        && k.kind == EntityKind::Person
        && k.first == from + n
        && scan.tokens[k.first].gap == Gap::Space
        && !k.is_demonym()
    {
        let range = scan.tokens[from].start..k.end;
        scan.add(range, EntityKind::Person, k.source);
        return;
    }
    // A title (`श्री`, `डॉ.`) always introduces a name; a designation (`अधिकारी`, `शिक्षक`) is
    // as often followed by a verb or a noun, so the name must close with a case marker (or,
    // a name of two words or more, with a pronoun: see `pronoun_after`).
    let closed = if t.is(HONORIFIC | EPITHET) {
        ends_name(scan, from + n)
    } else if n == 1 {
        // One word after a designation is as often a noun (`अधिकारी फाइल में`, `शिक्षक
        // सशक्तिकरण ।`): it is a name only as the one who acts or speaks (`मंत्री सोलंकी ने`).
        acts_after(scan, from)
    } else {
        // Before a pronoun only words of no oblique or participle form (`पत्नी रोते बिलखते
        // अपने पति का शव`, `कप्तान आर्मबैंड पहनकर …`: review), but for listed given names
        // and surnames (`ठाकरे`, `तेंदुलकर`).
        let unbent = |t: usize| {
            scan.tokens[t].is(GIVEN | SURNAME)
                || !scan.text(t).ends_with('े') && !scan.text(t).ends_with("कर")
        };
        closes_phrase(scan, from + n)
            || pronoun_after(scan, from + n) && (from..from + n).all(unbent)
    };
    if n > 0 && closed {
        scan.add_tokens(from, from + n - 1, EntityKind::Person);
    }
}

/// [`name_run`] from `from`, and also a run that opens with a given name that is an
/// everyday word (`मंत्री शांति धारीवाल ने`) or a one-word place (`अध्यक्ष भारत दिघोले ने`)
/// before name-like words: after a designation these are the person's first name (trial
/// 61: both were missed). Only as the one who acts or speaks, or before a family name:
/// `प्रधानमंत्री काशी विश्वनाथ के दर्शन`, `मुख्यमंत्री पूजा अर्चना के बाद`, `प्रधानमंत्री
/// भारत आए` name no one.
fn with_lead_word(scan: &Scan, from: usize) -> usize {
    let n = name_run(scan, from);
    if n > 0 || from + 1 >= scan.tokens.len() || scan.tokens[from + 1].gap != Gap::Space {
        return n;
    }
    let tok = scan.tokens[from];
    // `given_name_like` of a word `name_run` refused is a one-word place.
    let lead = also_a_name(tok.hash) || given_name_like(scan, from);
    let rest = name_run(scan, from + 1).min(2);
    let end = from + 1 + rest;
    let acts = || scan.tokens[end - 1].is(SURNAME) || acts_after(scan, end - 1);
    if lead && rest > 0 && scan.tokens[from + 1].latin == tok.latin && acts() {
        1 + rest
    } else {
        0
    }
}

/// Whether a name ending at token `last` is the one who acts or speaks: `ने`, `जी`, a verb
/// of saying, `और` or `उर्फ़` after it, or a comma.
fn acts_after(scan: &Scan, last: usize) -> bool {
    scan.tokens.get(last + 1).is_some_and(|t| {
        t.gap == Gap::Space
            && (t.is(SAID) || ["ने", "जी", "और", "उर्फ"].contains(&scan.text(last + 1)))
    }) || scan.gap_after(last).trim() == ","
}

/// `By मनाली रस्तोगी |`, `Edited By: Sonu Gupta`.
pub(super) fn byline(scan: &mut Scan, i: usize) {
    let from = i + 1;
    if from >= scan.tokens.len() || scan.gap_after(i).contains('\n') {
        return;
    }
    let mut n = 0;
    while from + n < scan.tokens.len()
        && n < 3
        && (n == 0 || scan.tokens[from + n].gap == Gap::Space)
        && !BYLINE_SKIP.contains(&scan.text(from + n))
        && given_name_like(scan, from + n)
    {
        n += 1;
    }
    if n > 0 {
        scan.add_tokens(from, from + n - 1, EntityKind::Person);
    }
}

/// `गोविंद कुमार झा`: given names before a common surname.
pub(super) fn surname(scan: &mut Scan, i: usize) {
    let mut first = i;
    while first > 0
        && i - first < 2
        && scan.tokens[first].gap == Gap::Space
        && scan.tokens[first - 1].latin == scan.tokens[i].latin
        && (given_name_like(scan, first - 1)
            // `विकास चौहान`, `आशा भोसले`: an everyday word that is also a given name, right
            // before a family name.
            || first == i
                && scan.covering(first - 1).is_none()
                && crate::extract::entities::words::also_a_name(scan.tokens[first - 1].hash))
    {
        first -= 1;
    }
    if first == i {
        return;
    }
    let mut last = i;
    while last + 1 < scan.tokens.len()
        && scan.tokens[last + 1].gap == Gap::Space
        && scan.tokens[last + 1].is(SURNAME)
        && scan.covering(last + 1).is_none()
    {
        last += 1;
    }
    // `रंजीत सिंह डिसले ने`: one more family name after the common one, when the name ends there.
    if last + 1 < scan.tokens.len()
        && scan.tokens[last + 1].gap == Gap::Space
        && name_like(scan, last + 1)
        && scan
            .tokens
            .get(last + 2)
            .is_some_and(|t| t.gap == Gap::Break || t.is(STOP))
    {
        last += 1;
    }
    scan.add_tokens(first, last, EntityKind::Person);
}

/// `सुनीता कालरा ने`, `रमेश के घर`: a common given name, with the family names after it.
/// The name must end at a function word or punctuation, and a given name alone only before
/// a case marker, so `राहुल गांधी खेल रत्न` (an award) gives no person.
pub(super) fn given_name(scan: &mut Scan, i: usize) {
    let from = i + 1;
    let n = if scan.tokens.get(from).is_some_and(|t| t.gap == Gap::Space) {
        name_run(scan, from).min(2)
    } else {
        0
    };
    let end = from + n;
    let closed = if n == 0 {
        closes_phrase(scan, end)
    } else {
        ends_name(scan, end)
    };
    if !closed {
        return;
    }
    // `मोहन राकेश ,`: a given name may also stand second, after a name that starts the phrase.
    let first = if i > 0
        && scan.tokens[i].gap == Gap::Space
        && name_like(scan, i - 1)
        && (i == 1 || scan.tokens[i - 1].gap != Gap::Space || scan.tokens[i - 2].is(STOP))
    {
        i - 1
    } else {
        i
    };
    scan.add_tokens(first, end - 1, EntityKind::Person);
}

/// Auxiliaries of the passive (`कहा जाता है`: "is called").
const PASSIVE: &[&str] = &["जाता", "जाती", "जाते", "जाए", "जाये", "गया", "गई", "गए", "गये"];

/// What `X कहते हैं` names when it follows one of these (`इसे X कहते हैं`: "this is called X").
const NAMED_OBJECT: &[&str] = &[
    "इसे",
    "उसे",
    "जिसे",
    "इन्हें",
    "उन्हें",
    "जिन्हें",
    "को",
    "किसे",
    "हम",
    "लोग",
];

/// `X ने कहा`, `X ने बताया`, `X कहते हैं`: an unknown name that speaks is a person.
pub(super) fn speaker(scan: &mut Scan) {
    let verbs: Vec<usize> = (1..scan.tokens.len())
        .filter(|&k| scan.tokens[k].is(SAID) && scan.tokens[k].gap == Gap::Space)
        .collect();
    for v in verbs {
        // `X ने कहा` or `X कहते हैं`: where the name would end.
        let end = if v >= 2 && scan.text(v - 1) == "ने" {
            v - 1
        } else if scan.text(v).starts_with("कह") {
            v
        } else {
            continue;
        };
        if scan.tokens[end].gap != Gap::Space {
            continue;
        }
        // The longest run of name-like words (one script) ending there, at most three.
        let mut i = end;
        while i > 0
            && end - i < 3
            && scan.tokens[i].gap == Gap::Space
            && name_like(scan, i - 1)
            && scan.tokens[i - 1].latin == scan.tokens[end - 1].latin
        {
            i -= 1;
        }
        if i == end {
            continue;
        }
        // Start of a phrase only: the name is not the tail of a longer unknown phrase.
        let starts = i == 0 || scan.tokens[i].gap == Gap::Break || scan.tokens[i - 1].is(STOP);
        // `इसे स्वतः गर्भपात कहते हैं`, `जिसे सरोद कहा जाता है`: naming something, not speaking.
        let naming = end == v
            && (scan
                .tokens
                .get(v + 1)
                .is_some_and(|_| PASSIVE.contains(&scan.text(v + 1)))
                || (i > 0 && NAMED_OBJECT.contains(&scan.text(i - 1))));
        if naming {
            continue;
        }
        let acronym = end - i == 1 && letter_count(scan.text(i)) >= 2;
        if starts && !acronym {
            scan.add_tokens(i, end - 1, EntityKind::Person);
        }
    }
}

/// A four-digit year, as folded (Devanagari digits are ASCII by then).
fn year(scan: &Scan, t: usize) -> Option<u32> {
    let tok = scan.tokens[t];
    if tok.end - tok.start != 4 || !tok.latin {
        return None;
    }
    let text = scan.text(t);
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `सज्जाद ज़हीर ( 1904 - 1973 )`: a name followed by the years of a life in brackets.
/// The span must be a lifetime (20 to 105 years), so a dynasty's or a war's years are not
/// taken for a person's.
pub(super) fn life_dates(scan: &mut Scan) {
    for end in 1..scan.tokens.len().saturating_sub(1) {
        let (born, died) = (end, end + 1);
        // Years first: they are rare, and the test is cheap.
        let (Some(b), Some(d)) = (year(scan, born), year(scan, died)) else {
            continue;
        };
        // Folding turns the hyphen or dash between the years into a space.
        if scan.gap_after(born - 1).trim() != "("
            || !scan.gap_after(born).trim().is_empty()
            || !scan.gap_after(died).trim_start().starts_with(')')
            || !(b + 20..=b + 105).contains(&d)
        {
            continue;
        }
        let last = born - 1;
        let mut first = last;
        while first > 0
            && last - first < 3
            && scan.tokens[first].gap == Gap::Space
            && name_like(scan, first - 1)
            && scan.tokens[first - 1].latin == scan.tokens[last].latin
        {
            first -= 1;
        }
        let starts =
            first == 0 || scan.tokens[first].gap != Gap::Space || scan.tokens[first - 1].is(STOP);
        if starts && name_like(scan, last) {
            scan.add_tokens(first, last, EntityKind::Person);
        }
    }
}
