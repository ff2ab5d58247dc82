//! Rules for names the gazetteer lacks.
//!
//! Hindi has no capital letters, so a name is recognised by what stands around it: a
//! designation before it (`प्रवक्ता दमित्री पेस्कोव ने`), a surname at its end
//! (`गोविंद प्रसाद ने`), an organisation word at its end (`पंचायती राज मंत्रालय`), a place word
//! after it (`सिंध प्रांत`), a dateline, a byline, a speaker (`X ने कहा`), an acronym in
//! capitals or in brackets after a name. Each rule only takes words that are not function
//! words, common nouns or designations, and stops at punctuation, so a cue followed by
//! ordinary words (`राष्ट्रपति निकट भविष्य में`) gives nothing. The rules live in [`person`],
//! [`organization`] and [`place`]; the word tests they share are here.

mod list;
mod organization;
mod person;
mod place;

pub(in crate::extract::entities) use organization::bracketed_short_name;
pub use organization::letter_count;

use list::lists;
use organization::{acronym, acronym_aliases, acronym_compounds, org_head, org_tails};
use person::{after_cue, byline, given_name, life_dates, speaker, surname};
use place::{dateline, facility, place_head, visit};

use super::model::EntityKind;
use super::scan::Scan;
use super::tokens::Gap;
use super::words::{
    ACRONYM_SKIP, COMMON, CUE, EPITHET, FACILITY, GIVEN, HONORIFIC, NOT_NAME, ORG_HEAD, PLACE_HEAD,
    PROGRAMME, SAID, STOP, SURNAME,
};

/// Longest name a rule will take, in words.
const MAX_NAME: usize = 4;

/// Inflected endings no name has: plurals and verb forms (`देशों`, `लेखिकाओं`, `करेंगे`, `बातें`,
/// `बनीं`); `गण` makes a respectful plural (`मंत्रीगण`, `अधिकारीगण`); `नेवाली` one who does
/// (`रहनेवाली`, a resident: trial 71).
const NOT_NAME_ENDINGS: &[&str] = &[
    "ों",
    "ओं",
    "ें",
    "ीं",
    "ेंगे",
    "ेगा",
    "ेगी",
    "ाएं",
    "ाएँ",
    "ियां",
    "गण",
    "नेवाला",
    "नेवाली",
    "नेवाले",
];

/// Whether a folded word ends as no name does (see [`NOT_NAME_ENDINGS`]).
pub fn inflected(text: &str) -> bool {
    NOT_NAME_ENDINGS.iter().any(|e| text.ends_with(e))
}

pub fn apply(scan: &mut Scan) {
    prefixes(scan, EntityKind::Place, compass_prefix);
    dateline(scan);
    acronym_compounds(scan);
    for i in 1..scan.tokens.len() {
        surname_not_place(scan, i);
    }
    for i in 0..scan.tokens.len() {
        if scan.covering(i).is_some() {
            continue;
        }
        let t = scan.tokens[i];
        if scan.text(i) == "by" {
            byline(scan, i);
        } else if t.is(CUE | HONORIFIC | EPITHET) {
            after_cue(scan, i);
        }
    }
    for i in 0..scan.tokens.len() {
        if scan.covering(i).is_some() {
            continue;
        }
        let t = scan.tokens[i];
        if t.is(SURNAME) && !t.is(NOT_NAME) {
            surname(scan, i);
        } else if t.is(GIVEN) && !t.is(NOT_NAME) {
            given_name(scan, i);
        } else if t.is(ORG_HEAD) {
            org_head(scan, i);
        } else if t.is(PLACE_HEAD) {
            place_head(scan, i);
        // (A landmark's word is in no list of classes, so only words of none are looked up.)
        } else if t.is(FACILITY)
            || t.class == 0 && crate::extract::entities::words::landmark(t.hash)
        {
            facility(scan, i);
        } else if t.class & (STOP | COMMON | ACRONYM_SKIP) == 0 {
            acronym(scan, i);
        }
    }
    org_tails(scan);
    life_dates(scan);
    visit(scan);
    speaker(scan);
    lists(scan, EntityKind::Person, 3, 4);
    lists(scan, EntityKind::Place, 2, 2);
    prefixes(scan, EntityKind::Person, |s, t| s.tokens[t].is(EPITHET));
    acronym_aliases(scan);
    inside_programmes(scan);
    inside_addresses(scan);
}

/// `www.grievances.goa.gov.in`, `pib@nic.in`: a Latin word joined to the next or previous
/// one by a dot, `@` or slash with no space is part of a web or mail address, not a name.
fn inside_addresses(scan: &mut Scan) {
    let joins = |gap: &str| !gap.is_empty() && gap.bytes().all(|b| matches!(b, b'.' | b'@' | b'/'));
    // Order does not matter here: look at the candidates as stored, without sorting.
    for idx in 0..scan.cands.len() {
        let Some(c) = scan.cands[idx] else { continue };
        if !scan.tokens[c.first..=c.last].iter().all(|t| t.latin) {
            continue;
        }
        let before = c.first > 0 && joins(scan.gap_after(c.first - 1));
        let after = c.last + 1 < scan.tokens.len() && joins(scan.gap_after(c.last));
        if before || after {
            scan.remove(idx);
        }
    }
}

/// `भवानी प्रसाद मिश्र`: a one-word place that is also a common surname (`मिश्र`, an old
/// spelling of Egypt) ends a person's name when a name stands right before it. The place
/// is dropped so the designation or surname rules can take the words.
fn surname_not_place(scan: &mut Scan, i: usize) {
    let Some(idx) = scan.cover[i] else {
        return;
    };
    let Some(c) = scan.cands[idx] else {
        return;
    };
    let t = scan.tokens[i];
    let named_before = i > 0 && t.gap == Gap::Space && name_like(scan, i - 1);
    if c.kind == EntityKind::Place
        && !c.is_demonym()
        && c.first == i
        && c.last == i
        && t.is(SURNAME)
        && named_before
    {
        scan.remove(idx);
    }
}

/// Words that open the name of an operation or a mission (`ऑपरेशन गंगा`, `मिशन शक्ति`),
/// folded.
const OPERATIONS: &[&str] = &["आपरेशन", "मिशन"];

/// What an account on a platform is called (`फेसबुक पेज`, `ट्विटर हैंडल`), folded.
const ACCOUNTS: &[&str] = &[
    "पेज",
    "पेजों",
    "हैंडल",
    "हैंडलर",
    "अकाउंट",
    "एकाउंट",
    "अकाउंटों",
    "खाते",
    "खाता",
    "पोस्ट",
    "प्रोफाइल",
    "चैनल",
];

/// `स्वच्छ भारत मिशन`, `भारत सरकार अधिनियम`: a place or organisation right before a scheme
/// or act word is part of the programme's name, not a mention of itself, so it is dropped.
/// So is any name right after `ऑपरेशन` or `मिशन` (`ऑपरेशन गंगा` evacuated people from
/// Ukraine; it does not mention the river), and a platform before an account word
/// (`मंत्रालय का फेसबुक पेज` is the ministry's page, not news of the company).
fn inside_programmes(scan: &mut Scan) {
    let found: Vec<_> = scan.found_indexed().collect();
    for (idx, c) in found {
        if c.is_demonym() {
            continue;
        }
        let next = c.last + 1;
        let before_programme = c.kind != EntityKind::Person
            && scan
                .tokens
                .get(next)
                .is_some_and(|t| t.gap == Gap::Space && t.is(PROGRAMME));
        let after_operation = c.first > 0
            && scan.tokens[c.first].gap == Gap::Space
            && OPERATIONS.contains(&scan.text(c.first - 1));
        let account = c.kind == EntityKind::Organization
            && scan
                .tokens
                .get(next)
                .is_some_and(|t| t.gap == Gap::Space && ACCOUNTS.contains(&scan.text(next)));
        if before_programme || after_operation || account {
            scan.remove(idx);
        }
    }
}

/// Compass words that make part of a region's name (`पूर्वी यूक्रेन`, `उत्तरी युगांडा`).
const DIRECTIONS: &[&str] = &[
    "उत्तरी",
    "दक्षिणी",
    "पूर्वी",
    "पश्चिमी",
    "उत्तर",
    "दक्षिण",
    "पूर्व",
    "पश्चिम",
    "मध्य",
    "पूर्वोत्तर",
];

/// Whether token `t` is a compass word before a region. The bare nouns are also ordinary
/// words (`पूर्व` "before, former", `उत्तर` "answer"): after a function or time word
/// (`इसके पूर्व भारत में`, `कुछ वर्ष पूर्व अमेरिका ने`) they are not part of the name.
fn compass_prefix(scan: &Scan, t: usize) -> bool {
    let text = scan.text(t);
    if !DIRECTIONS.contains(&text) {
        return false;
    }
    let adjective = text.ends_with('ी') || text == "पूर्वोत्तर";
    adjective || t == 0 || scan.tokens[t].gap != Gap::Space || !scan.tokens[t - 1].is(STOP)
}

/// `पूर्वी यूक्रेन`, `बादशाह अकबर`: a compass word before a region, an epithet before a
/// person, belongs to the mention, which stays linked to the same entity (Ukraine, Akbar).
fn prefixes(scan: &mut Scan, kind: EntityKind, is_prefix: impl Fn(&Scan, usize) -> bool) {
    let found: Vec<_> = scan.found().collect();
    for c in found {
        if c.kind != kind || c.is_demonym() || c.first == 0 {
            continue;
        }
        let d = c.first - 1;
        if scan.tokens[c.first].gap == Gap::Space
            && scan.covering(d).is_none()
            && is_prefix(scan, d)
        {
            scan.add(scan.tokens[d].start..c.end, c.kind, c.source);
        }
    }
}

/// Whether token `i` can be part of a person's or place's name.
fn name_like(scan: &Scan, i: usize) -> bool {
    let t = scan.tokens[i];
    // A verb of going (`पुणे लौटे पवार`) is never a word of a name.
    if t.is(NOT_NAME | ORG_HEAD | PLACE_HEAD)
        || scan.covering(i).is_some()
        || crate::extract::entities::words::goes(t.hash)
    {
        return false;
    }
    let text = scan.text(i);
    if text.bytes().all(|b| b.is_ascii_digit()) || text.chars().count() < 2 {
        return false;
    }
    !t.latin && !inflected(text) || t.latin && text.bytes().all(|b| b.is_ascii_alphabetic())
}

/// [`name_like`], or a one-word place name, which many given names also are (`मनाली`,
/// `गंगा`): before a surname or in a byline, it is the person's.
fn given_name_like(scan: &Scan, i: usize) -> bool {
    name_like(scan, i)
        || scan.covering(i).is_some_and(|c| {
            c.kind == EntityKind::Place && !c.is_demonym() && c.first == i && c.last == i
        })
}

/// Whether the word after a name (token `next`) lets the name end there: a function word,
/// punctuation, or the end of the region.
fn ends_name(scan: &Scan, next: usize) -> bool {
    scan.tokens
        .get(next)
        .is_none_or(|t| t.gap == Gap::Break || t.is(STOP | CUE) || scan.covering(next).is_some())
}

/// Postpositions and particles that close a noun phrase: after a designation, the words
/// before one of these are the person's name (`अधिकारी मधुकर ने`), while the words before a
/// verb or an ordinary noun are not (`अधिकारी भेजे जाते`, `शिक्षक पढ़ाते वक्त`).
const CASE_MARKERS: &[&str] = &[
    "ने",
    "का",
    "के",
    "की",
    "को",
    "से",
    "में",
    "पर",
    "तक",
    "और",
    "तथा",
    "एवं",
    "व",
    "भी",
    "ही",
    "जी",
    "द्वारा",
    "या",
    "सहित",
    "समेत",
];

/// Pronouns that open what is said of someone just named (`पत्नी कमला बाई अपने बयान पर`,
/// `अभिनेत्री X Y उनकी पत्नी के किरदार में`, `… जिन्होंने`): after a designation, a name of
/// two words or more ends before them as before a case marker (trial 71).
const AFTER_NAME_PRONOUNS: &[&str] = &[
    "अपने",
    "अपनी",
    "अपना",
    "उनकी",
    "उनके",
    "उनका",
    "जिन्होंने",
    "जिनकी",
    "जिनके",
    "जिनका",
];

/// Whether the word after a name (token `next`) is a case marker, a verb of saying,
/// punctuation, or the end.
fn closes_phrase(scan: &Scan, next: usize) -> bool {
    scan.tokens.get(next).is_none_or(|t| {
        t.gap == Gap::Break || t.is(SAID) || CASE_MARKERS.contains(&scan.text(next))
    })
}

/// Whether token `next` is a pronoun that opens what is said of the one just named (see
/// [`AFTER_NAME_PRONOUNS`]).
fn pronoun_after(scan: &Scan, next: usize) -> bool {
    scan.tokens
        .get(next)
        .is_some_and(|t| t.gap == Gap::Space && AFTER_NAME_PRONOUNS.contains(&scan.text(next)))
}

/// Consecutive name-like words from `from`, in one script, at most `MAX_NAME`.
fn name_run(scan: &Scan, from: usize) -> usize {
    let mut n = 0;
    while from + n < scan.tokens.len()
        && n < MAX_NAME
        && (n == 0 || scan.tokens[from + n].gap == Gap::Space)
        && scan.tokens[from + n].latin == scan.tokens[from].latin
        && name_like(scan, from + n)
    {
        n += 1;
    }
    n
}
