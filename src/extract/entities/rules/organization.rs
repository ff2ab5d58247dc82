//! Rules for organisations: organisation words, acronyms and bracketed acronyms.

use super::name_like;
use crate::extract::entities::model::EntityKind;
use crate::extract::entities::scan::{Scan, Source};
use crate::extract::entities::tokens::Gap;
use crate::extract::entities::words::{COMMON, CUE, HONORIFIC, LINK, ORG_HEAD, PLURAL, STOP};

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
    "कारपोरेशन",
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

/// Heads whose names may pair two subjects (`पेयजल तथा स्वच्छता विभाग`).
const PAIRED_HEADS: &[&str] = &["मंत्रालय", "विभाग"];

/// Generic adjectives that describe an organisation instead of naming it (`प्रमुख विभाग`,
/// `प्रतिष्ठित शैक्षिक संस्थान`): a name never starts with them.
const GENERIC: &[&str] = &[
    "प्रमुख",
    "विशिष्ट",
    "विशेषीकृत",
    "सरकारी",
    "नोडल",
    "स्थापित",
    "उत्कृष्ट",
    "प्रतिष्ठित",
    "अग्रणी",
    "उत्तरदायी",
    "अच्छे",
    "अच्छी",
    "अच्छा",
    "आरंभिक",
    "प्रारंभिक",
    "प्रसिद्ध",
    "मशहूर",
    "इसीलिए",
    "इसी",
    "उसी",
    "संबंधित",
    "बहुविषयक",
    "डिजिटल",
    "छठे",
    "सातवें",
    "आठवें",
    "नौवें",
    "दसवें",
];

/// Conjunctions that may join the words of an organisation's name.
const CONJUNCTIONS: &[&str] = &["और", "तथा", "एवं", "व"];

/// `पंचायती राज मंत्रालय`, `रूसी सेना`, `बिहार सरकार`: words before an organisation head.
///
/// Without capitals, an unknown word before `बैंक` is as often an ordinary noun (`निजी बैंक`)
/// as a name, so the evidence needed depends on the head: a known place or demonym is
/// enough for any head, one unknown word for a head that is nearly always named
/// (`विश्वविद्यालय`), only common words for a ministry-like head (`विदेश मंत्रालय`), and two
/// unknown words for a generic one (`समूह`, `केंद्र`, `सरकार`).
pub(super) fn org_head(scan: &mut Scan, i: usize) {
    let mut first = i;
    let (mut place, mut unknown, mut common) = (false, 0, 0);
    // `राष्ट्रीय कृषि और ग्रामीण विकास बैंक ( नाबार्ड )`: a short name in brackets right after
    // the head shows the words before it are a name, however ordinary they are.
    let confirmed = bracketed_short_name(scan, i).is_some();
    while first > 0 && unknown + common < 4 && scan.tokens[first].gap == Gap::Space {
        let k = first - 1;
        let t = scan.tokens[k];
        // `पेयजल तथा स्वच्छता विभाग`, `श्रम एवं रोजगार मंत्रालय`: a conjunction between words.
        // Only for ministries and departments, whose names pair two subjects, or a name
        // confirmed by its short name.
        if first < i
            && k > 0
            && CONJUNCTIONS.contains(&scan.text(k))
            && (PAIRED_HEADS.contains(&scan.text(i)) || confirmed)
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
                // `मोहित गुप्ता पंचायती राज मंत्रालय में`: a person's name ends before the
                // organisation's.
                (_, EntityKind::Person) => break,
                // `कांग्रेस पार्टी`, `केसीएनए समाचार एजेंसी`: the known name is the organisation.
                _ => return,
            }
        }
        // `... ऑफ इंडिया लिमिटेड`: the words after `of` end a longer name ([`org_tails`]).
        if t.is(LINK) {
            return;
        }
        let text = scan.text(k);
        if t.is(STOP | CUE | HONORIFIC | PLURAL)
            || t.latin != scan.tokens[i].latin
            || GENERIC.contains(&text)
            // `नोडल मंत्रालय पेयजल ... मंत्रालय`: another head ends the name before this one.
            || STRONG_HEADS.contains(&text)
            || text.starts_with(|c: char| c.is_ascii_digit() || ('\u{966}'..='\u{96f}').contains(&c))
        {
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
    // `सीरम इंस्टीट्यूट ऑफ इंडिया`: an English-style `of` after the head shows a name.
    let linked = scan
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.gap == Gap::Space && t.is(LINK));
    let accept = place
        || confirmed
        || (unknown >= 1 && (unknown + common >= 2 || linked) && STRONG_HEADS.contains(&head))
        || (unknown + common >= 1 && SUBJECT_HEADS.contains(&head))
        || unknown >= 2;
    if accept {
        let range = scan.tokens[first].start..scan.tokens[i].end;
        scan.add(range, EntityKind::Organization, Source::Rule);
    }
}

/// Connectives inside English-style names after `of`/`for` (`... ऑफ स्टडी एंड रिसर्च इन लॉ`).
const NAME_CONNECTIVES: &[&str] = &["एंड", "इन", "द", "and", "in", "the"];

/// `... कॉरपोरेशन ऑफ इंडिया`, `... इंस्टीट्यूट फॉर स्ट्रैटेजिक स्टडीज`, `... निगम लिमिटेड`: the
/// English-style tail of an organisation's name belongs to it.
pub(super) fn org_tails(scan: &mut Scan) {
    let found: Vec<_> = scan.found().collect();
    let limited = crate::text::fold::fold("लिमिटेड");
    for c in found {
        if c.kind != EntityKind::Organization || c.is_demonym() {
            continue;
        }
        let mut last = c.last;
        let at =
            |scan: &Scan, k: usize| scan.tokens.get(k).filter(|t| t.gap == Gap::Space).copied();
        if at(scan, last + 1).is_some_and(|t| t.is(LINK)) {
            // Words after `of`: names, places, connectives; the tail must end on a word.
            let mut k = last + 2;
            let mut end = None;
            while k < scan.tokens.len() && k - last <= 8 {
                let Some(t) = at(scan, k) else { break };
                let text = scan.text(k);
                let covered = scan.covering(k);
                if covered.is_some_and(|o| o.kind == EntityKind::Person) {
                    break;
                }
                if NAME_CONNECTIVES.contains(&text) || t.is(LINK) {
                    k += 1;
                    continue;
                }
                if t.is(STOP) && covered.is_none() {
                    break;
                }
                end = Some(covered.map_or(k, |o| o.last.max(k)));
                k = end.unwrap_or(k) + 1;
            }
            if let Some(e) = end {
                last = e;
            }
        }
        if at(scan, last + 1).is_some_and(|_| scan.text(last + 1) == limited) {
            last += 1;
        }
        if last != c.last {
            let range = scan.tokens[c.first].start..scan.tokens[last].end;
            let source = if abroad(scan, c.last + 1, last) {
                Source::Rule
            } else {
                c.source
            };
            scan.add(range, EntityKind::Organization, source);
        }
    }
}

/// Whether words `first..=last` of a known body's tail name a place other than India: `रिज़र्व
/// बैंक ऑफ़ घाना` is Ghana's bank, not the one `रिज़र्व बैंक` alone names.
fn abroad(scan: &Scan, first: usize, last: usize) -> bool {
    (first..=last).any(|k| {
        scan.covering(k).is_some_and(|p| {
            p.kind == EntityKind::Place
                && !["भारत", "इंडिया", "india"].contains(&scan.text(p.first).to_lowercase().as_str())
        })
    })
}

/// `CRISIL`, `SIDBI`: an unknown acronym in capitals names an organisation.
pub(super) fn acronym(scan: &mut Scan, i: usize) {
    let t = scan.tokens[i];
    // Acronyms spelt in Devanagari letter names (`एमएसएमई`, `एनपीए`) name schemes and terms
    // as often as bodies, so only the gazetteer's are taken, and those that act.
    if !t.latin {
        acting_acronym(scan, i);
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

/// `आरटी-पीसीआर`: a known acronym hyphenated to another acronym is part of a term (a
/// test, a rocket), not the organisation that shares its letters (RT, the broadcaster).
/// Two known names hyphenated (`भाजपा-आरएसएस`) stay.
pub(super) fn acronym_compounds(scan: &mut Scan) {
    for idx in 0..scan.cands.len() {
        let Some(c) = scan.cands[idx] else { continue };
        if c.kind != EntityKind::Organization
            || c.first != c.last
            || !matches!(c.source, Source::Known { .. })
        {
            continue;
        }
        let hyphen_to_acronym = |k: usize, between: std::ops::Range<usize>| {
            scan.covering(k).is_none()
                && !between.is_empty()
                && scan.original[scan.original(between)].trim() == "-"
                && (letter_count(scan.text(k)) >= 2 || is_latin_acronym(scan, k))
        };
        let i = c.first;
        let before =
            i > 0 && hyphen_to_acronym(i - 1, scan.tokens[i - 1].end..scan.tokens[i].start);
        let after = i + 1 < scan.tokens.len()
            && hyphen_to_acronym(i + 1, scan.tokens[i].end..scan.tokens[i + 1].start);
        if before || after {
            scan.remove(idx);
        }
    }
}

/// Whether token `k` is written in Latin capitals (`PCR`, `NGT`).
fn is_latin_acronym(scan: &Scan, k: usize) -> bool {
    let t = scan.tokens[k];
    let orig = &scan.original[scan.original(t.start..t.end)];
    t.latin && (2..=8).contains(&orig.len()) && orig.bytes().all(|b| b.is_ascii_uppercase())
}

/// `एनजीटी ने आदेश दिया`: a Devanagari acronym that acts (the subject of `ने`) is a body.
/// Alone, such an acronym names a scheme or a term as often as a body ([`acronym`]), but
/// schemes and terms do not act. Words on the skip list (`पीएम ने`) are titles, not bodies.
fn acting_acronym(scan: &mut Scan, i: usize) {
    let acts = scan
        .tokens
        .get(i + 1)
        .is_some_and(|next| next.gap == Gap::Space && scan.text(i + 1) == "ने");
    if acts && scan.tokens[i].class == 0 && letter_count(scan.text(i)) >= 2 {
        scan.add_tokens(i, i, EntityKind::Organization);
    }
}

/// The token in `( … )` right after token `i`, if it is one word that can be a short name:
/// an acronym in capitals, in Devanagari letter names (`सीआईआई`), or, after an organisation,
/// any word that is not an ordinary one (`सिडबी`, `नाबार्ड` are read as words, not letters).
pub(in crate::extract::entities) fn bracketed_short_name(scan: &Scan, i: usize) -> Option<usize> {
    let t = i + 1;
    if t >= scan.tokens.len()
        || scan.gap_after(i).trim() != "("
        || !scan.gap_after(t).trim_start().starts_with(')')
    {
        return None;
    }
    let tok = scan.tokens[t];
    let short = if tok.latin {
        let orig = &scan.original[scan.original(tok.start..tok.end)];
        (2..=8).contains(&orig.len()) && orig.bytes().all(|b| b.is_ascii_uppercase())
    } else {
        letter_count(scan.text(t)) >= 2 || (name_like(scan, t) && !tok.is(COMMON | ORG_HEAD))
    };
    short.then_some(t)
}

/// `भारतीय उद्योग परिसंघ ( सीआईआई )`: an acronym in brackets right after an organisation
/// or place names the same entity.
pub(super) fn acronym_aliases(scan: &mut Scan) {
    let found: Vec<(usize, crate::extract::entities::scan::Cand)> = scan.found_indexed().collect();
    for (idx, c) in found {
        if c.kind == EntityKind::Person || c.is_demonym() {
            continue;
        }
        let Some(t) = bracketed_short_name(scan, c.last) else {
            continue;
        };
        if scan.covering(t).is_some() {
            continue;
        }
        let tok = scan.tokens[t];
        // After a place a bracketed word is as often a larger region (`श्रीनगर ( गढ़वाल )`):
        // there only a real acronym is another name for it.
        let is_acronym =
            c.kind == EntityKind::Organization || tok.latin || letter_count(scan.text(t)) >= 2;
        // Tied to the name's candidate, not to what the gazetteer knows it as: the tagger
        // may find a longer name there (`नाइजीरिया लेबर कांग्रेस (एनएलसी)` is no alias of
        // the Congress party that `कांग्रेस` alone is).
        if is_acronym {
            scan.add(tok.start..tok.end, c.kind, Source::AliasOf(idx));
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
