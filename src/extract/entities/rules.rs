//! Rules for names the gazetteer lacks.
//!
//! Hindi has no capital letters, so a name is recognised by what stands around it: a
//! designation before it (`प्रवक्ता दमित्री पेस्कोव ने`), a surname at its end
//! (`गोविंद प्रसाद ने`), an organisation word at its end (`पंचायती राज मंत्रालय`), a place word
//! after it (`सिंध प्रांत`), a dateline, a byline, an acronym spelt in letter names. Each rule
//! only takes words that are not function words, common nouns or designations, and
//! stops at punctuation, so a cue followed by ordinary words (`राष्ट्रपति निकट भविष्य में`)
//! gives nothing.

use super::model::EntityKind;
use super::scan::{Scan, Source};
use super::tokens::Gap;
use super::words::{
    ACRONYM_SKIP, COMMON, CUE, EPITHET, FACILITY, HONORIFIC, NOT_NAME, ORG_HEAD, PLACE_HEAD,
    PLURAL, STOP, SURNAME,
};

/// Longest name a rule will take, in words.
const MAX_NAME: usize = 4;

/// Organisation heads that make a name even with only common words before them
/// (`विदेश मंत्रालय`, `पेयजल विभाग`).
const SUBJECT_HEADS: &[&str] = &[
    "मंत्रालय",
    "विभाग",
    "आयोग",
    "निदेशालय",
    "प्राधिकरण",
    "परिषद",
    "ब्यूरो",
];

/// Organisation heads that nearly always close a name (`... विश्वविद्यालय`, `... पार्टी`).
const STRONG_HEADS: &[&str] = &[
    "विश्वविद्यालय",
    "यूनिवर्सिटी",
    "एजेंसी",
    "पार्टी",
    "संगठन",
    "फाउंडेशन",
    "ट्रस्ट",
    "संस्थान",
    "इंस्टीट्यूट",
    "अकादमी",
    "फेडरेशन",
    "एसोसिएशन",
    "सोसाइटी",
    "सोसायटी",
    "कार्पोरेशन",
    "लिमिटेड",
    "निगम",
    "महासंघ",
    "न्यायालय",
    "हाईकोर्ट",
    "टाइम्स",
    "एक्सप्रेस",
    "कमीशन",
    "काउंसिल",
    "दूतावास",
    "सेना",
    "नौसेना",
    "वायुसेना",
    "मंत्रालय",
    "आयोग",
    "निदेशालय",
    "प्राधिकरण",
    "परिषद",
    "ब्यूरो",
    "बोर्ड",
];

/// Inflected endings no name has: plurals and verb forms (`देशों`, `करेंगे`, `बातें`).
const NOT_NAME_ENDINGS: &[&str] = &["ों", "ें", "ेंगे", "ेगा", "ेगी", "ाएं", "ाएँ", "ियां"];

/// Heads whose names may pair two subjects (`पेयजल तथा स्वच्छता विभाग`).
const PAIRED_HEADS: &[&str] = &["मंत्रालय", "विभाग"];

/// Conjunctions that may join the words of an organisation's name.
const CONJUNCTIONS: &[&str] = &["और", "तथा", "एवं", "व"];

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

pub fn apply(scan: &mut Scan) {
    prefixes(scan, EntityKind::Place, |s, t| {
        DIRECTIONS.contains(&s.text(t))
    });
    dateline(scan);
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
        } else if t.is(ORG_HEAD) {
            org_head(scan, i);
        } else if t.is(PLACE_HEAD) {
            place_head(scan, i);
        } else if t.is(FACILITY) {
            facility(scan, i);
        } else if t.class & (STOP | COMMON | ACRONYM_SKIP) == 0 {
            acronym(scan, i);
        }
    }
    visit(scan);
    speaker(scan);
    prefixes(scan, EntityKind::Person, |s, t| s.tokens[t].is(EPITHET));
    acronym_aliases(scan);
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
    if t.is(NOT_NAME | ORG_HEAD | PLACE_HEAD) || scan.covering(i).is_some() {
        return false;
    }
    let text = scan.text(i);
    if text.bytes().all(|b| b.is_ascii_digit()) || text.chars().count() < 2 {
        return false;
    }
    !t.latin && !NOT_NAME_ENDINGS.iter().any(|e| text.ends_with(e))
        || t.latin && text.bytes().all(|b| b.is_ascii_alphabetic())
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

/// `प्रवक्ता दमित्री पेस्कोव ने`, `श्री रमेश ने`: a designation or title, then the name.
fn after_cue(scan: &mut Scan, i: usize) {
    let t = scan.tokens[i];
    if t.is(CUE) && !t.is(HONORIFIC) && i > 0 && scan.tokens[i].gap == Gap::Space {
        // `दोनों नेता रेड कारपेट पर` speaks of people already named.
        if scan.tokens[i - 1].is(PLURAL) {
            return;
        }
    }
    let from = i + 1;
    if scan.tokens.get(from).is_none_or(|n| n.gap != Gap::Space) {
        return;
    }
    let n = name_run(scan, from);
    if n > 0 && ends_name(scan, from + n) {
        scan.add_tokens(from, from + n - 1, EntityKind::Person);
    }
}

/// `By मनाली रस्तोगी |`, `Edited By: Sonu Gupta`.
fn byline(scan: &mut Scan, i: usize) {
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
fn surname(scan: &mut Scan, i: usize) {
    let mut first = i;
    while first > 0
        && i - first < 2
        && scan.tokens[first].gap == Gap::Space
        && scan.tokens[first - 1].latin == scan.tokens[i].latin
        && given_name_like(scan, first - 1)
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

/// `पंचायती राज मंत्रालय`, `रूसी सेना`, `बिहार सरकार`: words before an organisation head.
///
/// Without capitals, an unknown word before `बैंक` is as often an ordinary noun (`निजी बैंक`)
/// as a name, so the evidence needed depends on the head: a known place or demonym is
/// enough for any head, one unknown word for a head that is nearly always named
/// (`विश्वविद्यालय`), only common words for a ministry-like head (`विदेश मंत्रालय`), and two
/// unknown words for a generic one (`समूह`, `केंद्र`, `सरकार`).
fn org_head(scan: &mut Scan, i: usize) {
    let mut first = i;
    let (mut place, mut unknown, mut common) = (false, 0, 0);
    while first > 0 && unknown + common < 4 && scan.tokens[first].gap == Gap::Space {
        let k = first - 1;
        let t = scan.tokens[k];
        // `पेयजल तथा स्वच्छता विभाग`, `श्रम एवं रोजगार मंत्रालय`: a conjunction between words.
        // Only for ministries and departments, whose names pair two subjects.
        if first < i
            && k > 0
            && CONJUNCTIONS.contains(&scan.text(k))
            && PAIRED_HEADS.contains(&scan.text(i))
            && t.gap == Gap::Space
            && scan.covering(k - 1).is_none()
            && scan.tokens[k - 1].is(COMMON)
            && !scan.tokens[k - 1].is(ORG_HEAD)
        {
            first = k;
            continue;
        }
        if let Some(c) = scan.covering(k) {
            match (c.source, c.kind) {
                (_, EntityKind::Place) | (Source::Known { demonym: true, .. }, _) => {
                    place = true;
                    first = c.first;
                    if c.first == 0 || scan.tokens[c.first].gap != Gap::Space {
                        break;
                    }
                    continue;
                }
                // `कांग्रेस पार्टी`, `केसीएनए समाचार एजेंसी`: the known name is the organisation.
                _ => return,
            }
        }
        if t.is(STOP | CUE | HONORIFIC | PLURAL) || t.latin != scan.tokens[i].latin {
            break;
        }
        if t.is(COMMON) {
            common += 1;
        } else if name_like(scan, k) {
            unknown += 1;
        } else {
            break;
        }
        first = k;
    }
    if first == i {
        return;
    }
    let head = scan.text(i);
    let accept = place
        || (unknown >= 1 && STRONG_HEADS.contains(&head))
        || (unknown + common >= 1 && SUBJECT_HEADS.contains(&head))
        || unknown >= 2;
    if accept {
        let range = scan.tokens[first].start..scan.tokens[i].end;
        scan.add(range, EntityKind::Organization, Source::Rule);
    }
}

/// `सिंध प्रांत`, `पुणे जिले`: the place is the word(s) before the head.
fn place_head(scan: &mut Scan, i: usize) {
    if i == 0 || scan.tokens[i].gap != Gap::Space {
        return;
    }
    let mut first = i;
    while first > 0
        && i - first < 2
        && (first == i || scan.tokens[first].gap == Gap::Space)
        && name_like(scan, first - 1)
    {
        first -= 1;
    }
    if first < i
        && (first == 0 || scan.tokens[first].gap == Gap::Break || scan.tokens[first - 1].is(STOP))
    {
        scan.add_tokens(first, i - 1, EntityKind::Place);
    }
}

/// `प्योंगयांग, 14 सितंबर ।`, `मास्को।`, `रायटर, सियोल।`: a place at a paragraph's start.
fn dateline(scan: &mut Scan) {
    if scan.tokens.is_empty() {
        return;
    }
    let mut s = 0;
    if let Some(c) = scan.covering(0)
        && c.kind == EntityKind::Organization
    {
        // An agency credit before the place.
        if !scan.gap_after(c.last).contains(',') {
            return;
        }
        s = c.last + 1;
    }
    if s >= scan.tokens.len() || scan.covering(s).is_some() {
        return;
    }
    let n = name_run(scan, s).min(2);
    if n == 0 {
        return;
    }
    let last = s + n - 1;
    let gap = scan.gap_after(last);
    let next_is_number = scan.tokens.get(last + 1).is_some_and(|t| {
        let text = &scan.folded.text[t.start..t.end];
        text.bytes().all(|b| b.is_ascii_digit())
            || text.chars().all(|c| ('\u{966}'..='\u{96f}').contains(&c))
    });
    let dated = gap.contains(',') && (next_is_number || gap.contains('('));
    // A colon is left out: `विश्वपाकिस्तान:` in glued section labels is not a dateline.
    let ended = gap.trim_start().starts_with('।') && !gap.contains('\n');
    if dated || (ended && scan.tokens.len() > last + 1) {
        scan.add_tokens(s, last, EntityKind::Place);
    }
}

/// `X का दौरा करेंगे`, `X की यात्रा कर`: the place visited.
fn visit(scan: &mut Scan) {
    let n = scan.tokens.len();
    for i in 0..n.saturating_sub(3) {
        let (p, noun, verb) = (scan.text(i + 1), scan.text(i + 2), scan.text(i + 3));
        let cue = (p == "का" && noun.starts_with("दौर")) || (p == "की" && noun == "यात्रा");
        if !cue || !verb.starts_with("कर") || scan.covering(i).is_some() || !name_like(scan, i)
        {
            continue;
        }
        let first = if i > 0 && scan.tokens[i].gap == Gap::Space && name_like(scan, i - 1) {
            i - 1
        } else {
            i
        };
        scan.add_tokens(first, i, EntityKind::Place);
    }
}

/// `X ने कहा`, `X ने बताया`, `X कहते हैं`: an unknown name that speaks is a person.
fn speaker(scan: &mut Scan) {
    const SAID: &[&str] = &[
        "कहा",
        "बताया",
        "लिखा",
        "पूछा",
        "जोड़ा",
        "कहते",
        "कहती",
        "बताते",
        "बताती",
    ];
    let n = scan.tokens.len();
    for i in 0..n {
        // Start of a phrase only: the name is not the tail of a longer unknown phrase.
        let starts = i == 0 || scan.tokens[i].gap == Gap::Break || scan.tokens[i - 1].is(STOP);
        // Cheap test first: a verb of saying must follow within a few words.
        let near = (i + 1..(i + 5).min(n)).any(|k| SAID.contains(&scan.text(k)));
        if !starts || !near || scan.covering(i).is_some() || !name_like(scan, i) {
            continue;
        }
        let len = name_run(scan, i).min(3);
        let after = i + len;
        let said =
            |k: usize| k < n && scan.tokens[k].gap == Gap::Space && SAID.contains(&scan.text(k));
        let speaks = (after < n
            && scan.text(after) == "ने"
            && scan.tokens[after].gap == Gap::Space
            && said(after + 1))
            || (said(after) && scan.text(after).starts_with("कह"));
        let acronym = len == 1 && letter_count(scan.text(i)) >= 2;
        if len > 0 && speaks && !acronym {
            scan.add_tokens(i, after - 1, EntityKind::Person);
        }
    }
}

/// `CRISIL`, `SIDBI`: an unknown acronym in capitals names an organisation.
fn acronym(scan: &mut Scan, i: usize) {
    let t = scan.tokens[i];
    // Acronyms spelt in Devanagari letter names (`एमएसएमई`, `एनपीए`) name schemes and terms
    // as often as bodies, so only the gazetteer's are taken.
    if !t.latin {
        return;
    }
    let orig = &scan.original[scan.original(t.start..t.end)];
    let is_acronym = (3..=6).contains(&orig.len())
        && orig.bytes().all(|b| b.is_ascii_uppercase())
        && !orig.bytes().all(|b| b"IVXLCDM".contains(&b));
    if is_acronym {
        scan.add_tokens(i, i, EntityKind::Organization);
    }
}

/// `वोस्तोचनी स्पेसपोर्ट`, `वोस्तोचन अंतरिक्ष बंदरगाह`: a named site, its head word included.
/// At least one word before the head must be a name (not a common word).
fn facility(scan: &mut Scan, i: usize) {
    let mut first = i;
    let mut named = false;
    while first > 0 && i - first < 3 && scan.tokens[first].gap == Gap::Space {
        let k = first - 1;
        let t = scan.tokens[k];
        if scan.covering(k).is_some() || t.is(STOP | CUE | HONORIFIC | PLURAL) {
            break;
        }
        if name_like(scan, k) {
            named = true;
        } else if !t.is(COMMON) {
            break;
        }
        first = k;
    }
    // The words must start with the name: `नए हवाई अड्डे` is no name.
    if named && name_like(scan, first) {
        scan.add_tokens(first, i, EntityKind::Place);
    }
}

/// `भारतीय उद्योग परिसंघ ( सीआईआई )`: an acronym in brackets right after an organisation
/// or place names the same entity.
fn acronym_aliases(scan: &mut Scan) {
    let found: Vec<(usize, super::scan::Cand)> = scan.found_indexed().collect();
    for (idx, c) in found {
        if c.kind == EntityKind::Person || c.is_demonym() {
            continue;
        }
        let t = c.last + 1;
        if t >= scan.tokens.len()
            || scan.covering(t).is_some()
            || scan.gap_after(c.last).trim() != "("
        {
            continue;
        }
        if !scan.gap_after(t).trim_start().starts_with(')') {
            continue;
        }
        let tok = scan.tokens[t];
        let is_acronym = if tok.latin {
            let orig = &scan.original[scan.original(tok.start..tok.end)];
            (2..=8).contains(&orig.len()) && orig.bytes().all(|b| b.is_ascii_uppercase())
        } else {
            letter_count(scan.text(t)) >= 2
        };
        if is_acronym {
            let source = match c.source {
                Source::Known { entity, .. } => Source::Known {
                    entity,
                    demonym: false,
                },
                _ => Source::AliasOf(idx),
            };
            scan.add(tok.start..tok.end, c.kind, source);
        }
    }
}

/// Devanagari spellings of the Latin letter names, folded.
const LETTERS: &[&str] = &[
    "ए",
    "बी",
    "सी",
    "डी",
    "ई",
    "एफ",
    "जी",
    "एच",
    "आई",
    "जे",
    "के",
    "एल",
    "एम",
    "एन",
    "ओ",
    "पी",
    "क्यू",
    "आर",
    "एस",
    "टी",
    "यू",
    "वी",
    "डब्ल्यू",
    "डब्लू",
    "एक्स",
    "वाई",
    "जेड",
];

/// How many Latin letter names spell `token` (`सीआईआई` is C-I-I: 3), or 0 if it is not
/// spelt that way.
pub fn letter_count(token: &str) -> usize {
    fn go(rest: &str, n: usize) -> usize {
        if rest.is_empty() {
            return n;
        }
        for l in LETTERS {
            if let Some(r) = rest.strip_prefix(l) {
                // A vowel sign, virama or nasal next means the letter name was cut short.
                if r.chars()
                    .next()
                    .is_some_and(|c| matches!(c, '\u{93a}'..='\u{94f}' | '\u{902}'))
                {
                    continue;
                }
                let found = go(r, n + 1);
                if found > 0 {
                    return found;
                }
            }
        }
        0
    }
    go(token, 0)
}

#[cfg(test)]
mod tests {
    use super::letter_count;
    use crate::text::fold::fold;

    #[test]
    fn acronyms_spelt_in_devanagari() {
        assert_eq!(letter_count("सीआईआई"), 3);
        assert_eq!(letter_count(&fold("एनएचके")), 3);
        assert_eq!(letter_count("केसीएनए"), 4);
        assert_eq!(letter_count("कहा"), 0);
        assert_eq!(letter_count("केस"), 0);
        assert_eq!(letter_count("एक"), 0);
    }
}
