//! Companies and teams named after a person or a place: `खंडेलवाल इंडस्ट्रीज`, `मोतीलाल
//! ओसवाल फाइनेंशियल सर्विसेज`, `राजस्थान रॉयल्स`, `सनराइजर्स हैदराबाद`.
//!
//! The tagger sees a person or a place in the name and stops there, as the annotated data
//! it learned from has few companies. Hindi writes a company's English business word
//! (`इंडस्ट्रीज`, `प्रोडक्शंस`) or a team's English plural (`टाइटंस`, `रॉयल्स`) as it sounds, and
//! such a word right after a name makes the whole an organisation. Decided after decoding,
//! so the model is trained as before.

use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{NOT_NAME, ORG_HEAD, PLACE_HEAD, SAID, company, company_tail};
use super::Name;
use crate::extract::entities::model::EntityKind;

/// `and` inside a company's name (`… शेयर्स एंड स्टॉक ब्रोकर्स`).
const AND: &[&str] = &["एंड", "एन्ड", "and"];

/// How many words may stand between `and` and the business word after it.
const BETWEEN: usize = 2;

/// Grows the names of `names` that a business word follows (or, for a place, a team's
/// plural stands beside) into organisations, and adds the companies no name was found in
/// (`धर्मा प्रोडक्शंस`).
///
/// Not `X इंडिया`: it names a scheme (`डिजिटल इंडिया`, `खेलो इंडिया`) as often as a company.
pub(super) fn join(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let mut taken = vec![false; scan.tokens.len()];
    for &(f, l, _) in names.iter() {
        taken[f..=l].fill(true);
    }
    for name in names.iter_mut() {
        let grown = grow(scan, gaz, &taken, *name);
        if grown != *name {
            taken[grown.0..=grown.1].fill(true);
            *name = grown;
        }
    }
    let mut fresh = Vec::new();
    for t in 1..scan.tokens.len() {
        if taken[t] || !business(scan, t) || !joined(scan, t) || !unknown(scan, gaz, &taken, t - 1)
        {
            continue;
        }
        let mut first = t - 1;
        if first > 0 && joined(scan, first) && unknown(scan, gaz, &taken, first - 1) {
            first -= 1;
        }
        let last = forward(scan, gaz, &taken, t);
        taken[first..=last].fill(true);
        fresh.push((first, last, EntityKind::Organization));
    }
    names.extend(fresh);
}

/// `name`, grown into an organisation if the words around it say so.
fn grow(scan: &Scan, gaz: &[u8], taken: &[bool], name: Name) -> Name {
    let (mut first, last, kind) = name;
    let next = last + 1;
    // `खंडेलवाल इंडस्ट्रीज` taken whole for a person, `पिक्चर्स` of `सन पिक्चर्स` for a
    // place: a business word in a name makes it a company's, with the unknown word before.
    let mut grown = kind != EntityKind::Organization
        && (first..=last).any(|t| business(scan, t) && (t > first || last > first));
    if business(scan, first)
        && first > 0
        && joined(scan, first)
        && unknown(scan, gaz, taken, first - 1)
    {
        first -= 1;
        grown = true;
    }
    let mut end = last;
    // `राजस्थान रॉयल्स`: a place and a team's plural after it.
    let team =
        |t: usize| kind == EntityKind::Place && plural(scan, t) && unknown(scan, gaz, taken, t);
    if next < scan.tokens.len()
        && joined(scan, next)
        && !taken[next]
        && (business(scan, next) || tail(scan, next) || team(next))
    {
        end = forward(scan, gaz, taken, next);
        grown = true;
    }
    if kind == EntityKind::Place && first > 0 && joined(scan, first) {
        let before = first - 1;
        if unknown(scan, gaz, taken, before) && plural(scan, before) {
            first = before;
            grown = true;
        }
    }
    if grown {
        (first, end, EntityKind::Organization)
    } else {
        name
    }
}

/// The last word of a company's name whose business word is `t`: more business words, and
/// `एंड` with up to [`BETWEEN`] words before another (`शेयर्स एंड स्टॉक ब्रोकर्स`).
fn forward(scan: &Scan, gaz: &[u8], taken: &[bool], t: usize) -> usize {
    let mut last = t;
    loop {
        let next = last + 1;
        if next >= scan.tokens.len() || !joined(scan, next) || taken[next] {
            return last;
        }
        if business(scan, next) || tail(scan, next) {
            last = next;
            continue;
        }
        if !AND.contains(&scan.text(next)) {
            return last;
        }
        let Some(b) = (next + 1..scan.tokens.len())
            .take(BETWEEN + 1)
            .take_while(|&k| joined(scan, k) && !taken[k])
            .take_while(|&k| business(scan, k) || unknown(scan, gaz, taken, k))
            .find(|&k| business(scan, k))
        else {
            return last;
        };
        last = b;
    }
}

/// Whether word `t` follows the word before it after a space only (no punctuation).
fn joined(scan: &Scan, t: usize) -> bool {
    scan.tokens[t].gap == Gap::Space && scan.gap_after(t - 1).trim().is_empty()
}

fn business(scan: &Scan, t: usize) -> bool {
    company(scan.tokens[t].hash)
}

fn tail(scan: &Scan, t: usize) -> bool {
    company_tail(scan.tokens[t].hash)
}

/// Whether word `t` is an English plural written as it sounds (`रॉयल्स`, `राइडर्स`,
/// `वॉरियर्ज़`), as a team's name ends. Not `-ंस`, which is as often `-nce` (`कॉन्फ्रेंस`,
/// `डिफेंस`), nor `-क्स` (`टैक्स`, `इंडेक्स`).
fn plural(scan: &Scan, t: usize) -> bool {
    let text = scan.text(t);
    !scan.tokens[t].latin
        && text.chars().count() >= 4
        && (text.ends_with("्स") && !text.ends_with("क्स") || text.ends_with("र्ज"))
}

/// Whether word `t` is in no name and no list: a word that may be a company's own name.
fn unknown(scan: &Scan, gaz: &[u8], taken: &[bool], t: usize) -> bool {
    let tok = scan.tokens[t];
    let text = scan.text(t);
    !taken[t]
        && gaz[t] == 0
        && !tok.is(NOT_NAME | ORG_HEAD | PLACE_HEAD | SAID)
        && !tok.latin
        && text.chars().count() >= 2
        && !text
            .chars()
            .all(|c| c.is_ascii_digit() || ('०'..='९').contains(&c))
}
