//! Companies and teams named after a person or a place: `खंडेलवाल इंडस्ट्रीज`, `मोतीलाल
//! ओसवाल फाइनेंशियल सर्विसेज`, `राजस्थान रॉयल्स`.
//!
//! The tagger sees a person or a place in the name and stops there, as the annotated data
//! it learned from has few companies. Hindi writes a company's English business word
//! (`इंडस्ट्रीज`, `प्रोडक्शंस`) or a team's English plural (`रॉयल्स`, `राइडर्स`) as it sounds, and
//! such a word right after a name makes the whole an organisation. Decided after decoding,
//! so the model is trained as before.

use super::super::scan::Scan;
use super::super::words::{
    Business, NOT_NAME, ORG_HEAD, PLACE_HEAD, SAID, business, descriptor, topic,
};
use super::{Name, joined};
use crate::extract::entities::model::EntityKind;

/// `and` inside a company's name (`… शेयर्स एंड स्टॉक ब्रोकर्स`).
const AND: &[&str] = &["एंड", "एन्ड", "and"];

/// How many words may stand between `and` and the business word after it.
const BETWEEN: usize = 2;

/// Grows the names of `names` that a business word follows (or, for a place, a team's
/// plural) into organisations, and adds the companies no name was found in (`धर्मा
/// प्रोडक्शंस`).
///
/// Not `X इंडिया`: it names a scheme (`डिजिटल इंडिया`, `खेलो इंडिया`) as often as a company.
/// Nor a plural before a place (`सनराइजर्स हैदराबाद`): `रेजिडेंट डॉक्टर्स दिल्ली में` is
/// doctors in Delhi.
pub(super) fn join(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    join_and(scan, names);
    let mut taken = vec![false; scan.tokens.len()];
    for &(f, l, _) in names.iter() {
        taken[f..=l].fill(true);
    }
    let mut companies = Vec::new();
    for name in names.iter_mut() {
        let grown = grow(scan, gaz, &taken, *name);
        if grown != *name {
            taken[grown.0..=grown.1].fill(true);
            if grown.1 > name.1 {
                companies.push(grown);
            }
            *name = grown;
        }
    }
    // A business word the tagger took for a name of its own (`सर्विसेज़` for a place) is
    // the company's now: the name it was goes, or keeps what lies past the company.
    names.retain_mut(|n| {
        for c in &companies {
            if *n != *c && c.0 <= n.0 && n.0 <= c.1 {
                n.0 = c.1 + 1;
            }
        }
        n.0 <= n.1
    });
    let mut fresh = Vec::new();
    for t in 1..scan.tokens.len() {
        if taken[t] || !joined(scan, t) || !unknown(scan, gaz, &taken, t - 1) {
            continue;
        }
        let mut first = t - 1;
        if first > 0 && joined(scan, first) && unknown(scan, gaz, &taken, first - 1) {
            first -= 1;
        }
        // A business word that is also an ordinary noun (`फ़िल्म्स`, `कैपिटल`, `सर्विसेज़`)
        // names a company after words of no list only where a company's generic word
        // stands before them (`कंपनी मैडॉक फ़िल्म्स`) or another business word follows
        // (`… फ़ाइनेंशियल सर्विसेज़`): `पर्सनल फाइनेंस` is a topic.
        let vouched = match how(scan, t) {
            Some(Business::Company) => true,
            Some(_) => {
                (described(scan, first)
                    || t + 1 < scan.tokens.len()
                        && joined(scan, t + 1)
                        && how(scan, t + 1).is_some())
                    && (first..t).all(|k| !topic(scan.tokens[k].hash))
            }
            None => false,
        };
        if !vouched {
            continue;
        }
        if how(scan, t) != Some(Business::Company) && !described(scan, first) {
            first = t - 1;
        }
        let last = forward(scan, gaz, &taken, t);
        taken[first..=last].fill(true);
        fresh.push((first, last, EntityKind::Organization));
    }
    names.extend(fresh);
}

/// `एम. के. अग्रवाल एंड एसोसिएट्स` found as a person and `एंड एसोसिएट्स`: a name right before
/// an organisation's name (or a company's word) that starts with `and` is that
/// organisation's.
fn join_and(scan: &Scan, names: &mut Vec<Name>) {
    let mut joined_to = Vec::new();
    for (i, m) in names.iter().enumerate() {
        let starts_with_and = m.1 > m.0
            && AND.contains(&scan.text(m.0))
            && joined(scan, m.0)
            && (m.2 == EntityKind::Organization
                || (m.0..=m.1).any(|t| how(scan, t) == Some(Business::Company)));
        // Only a name that starts with `and` looks for the one before it (few do).
        if starts_with_and && let Some(n) = names.iter().position(|n| n.1 + 1 == m.0) {
            joined_to.push((n, i));
        }
    }
    for &(n, m) in &joined_to {
        names[n] = (names[n].0, names[m].1, EntityKind::Organization);
    }
    let gone: Vec<usize> = joined_to.iter().map(|&(_, m)| m).collect();
    let mut i = 0;
    names.retain(|_| {
        i += 1;
        !gone.contains(&(i - 1))
    });
}

/// `name`, grown into an organisation if the words around it say so.
fn grow(scan: &Scan, gaz: &[u8], taken: &[bool], name: Name) -> Name {
    let (mut first, mut last, kind) = name;
    // `ट्रंप फार्मा टैरिफ`: no person's name ends in a business noun; it is the person and
    // what follows (judged below).
    while kind == EntityKind::Person
        && last > first
        && matches!(how(scan, last), Some(Business::Noun | Business::Tail))
    {
        last -= 1;
    }
    let company = |t: usize| how(scan, t) == Some(Business::Company);
    // `खंडेलवाल इंडस्ट्रीज` taken whole for a person, `पिक्चर्स` of `सन पिक्चर्स` for a
    // place: a company's word in a name makes it a company's, with the unknown word before.
    let mut grown = kind != EntityKind::Organization
        && (first..=last).any(|t| company(t) && (t > first || last > first));
    if company(first) && first > 0 && joined(scan, first) && unknown(scan, gaz, taken, first - 1) {
        first -= 1;
        grown = true;
    }
    let mut end = last;
    let next = last + 1;
    // A word trimmed off above is this name's to take back.
    if next < scan.tokens.len() && joined(scan, next) && (!taken[next] || next <= name.1) {
        let noun = how(scan, next) == Some(Business::Noun);
        let joins = match how(scan, next) {
            Some(Business::Company) => true,
            // `नोएडा बिल्डर्स पर जुर्माना`, `हॉलीवुड फिल्म्स में`: builders, films of a place.
            Some(Business::Noun) => kind != EntityKind::Place,
            // `अदाणी ग्रुप`; not `दिल्ली इंटरनेशनल एयरपोर्ट`, `व्हाट्सऐप ग्रुप`.
            Some(Business::Tail) => kind == EntityKind::Person && scan.text(next) == "ग्रुप",
            // `राजस्थान रॉयल्स`: a place and a team's plural after it.
            None => {
                kind == EntityKind::Place && plural(scan, next) && unknown(scan, gaz, taken, next)
            }
        };
        let until = forward(scan, gaz, taken, next);
        // `ट्रंप फार्मा टैरिफ`: a word of no list after a business noun shows a phrase, not
        // a name (after a company's own word, `… इंडस्ट्रीज प्लांट`, the company stands).
        let phrase = noun
            && until == next
            && until + 1 < scan.tokens.len()
            && joined(scan, until + 1)
            && unknown(scan, gaz, taken, until + 1);
        if joins && !phrase {
            end = until;
            grown = true;
        }
        // `एम. के. अग्रवाल एंड एसोसिएट्स`: a name, `and`, and a business word.
        if !grown && AND.contains(&scan.text(next)) {
            let until = forward(scan, gaz, taken, last);
            if until > next {
                end = until;
                grown = true;
            }
        }
    }
    if grown {
        (first, end, EntityKind::Organization)
    } else {
        (first, last, kind)
    }
}

/// The last word of a company's name whose business word is `t`: more business words, and
/// `एंड` with up to [`BETWEEN`] words before another (`शेयर्स एंड स्टॉक ब्रोकर्स`).
fn forward(scan: &Scan, gaz: &[u8], taken: &[bool], t: usize) -> usize {
    let mut last = t;
    loop {
        let next = last + 1;
        if next >= scan.tokens.len() || !joined(scan, next) {
            return last;
        }
        // A business word goes on the company's name even if the tagger made it a name.
        if how(scan, next).is_some() {
            last = next;
            continue;
        }
        if taken[next] {
            return last;
        }
        if !AND.contains(&scan.text(next)) {
            return last;
        }
        let Some(b) = (next + 1..scan.tokens.len())
            .take(BETWEEN + 1)
            // A business word the tagger made a name of its own is the company's too.
            .take_while(|&k| joined(scan, k) && (!taken[k] || how(scan, k).is_some()))
            .take_while(|&k| how(scan, k).is_some() || unknown(scan, gaz, taken, k))
            .find(|&k| how(scan, k).is_some())
        else {
            return last;
        };
        last = b;
    }
}

/// Whether a body's generic word (`कंपनी`, `फ़र्म`) stands right before word `first`.
fn described(scan: &Scan, first: usize) -> bool {
    first > 0 && joined(scan, first) && descriptor(scan.tokens[first - 1].hash)
}

fn how(scan: &Scan, t: usize) -> Option<Business> {
    business(scan.tokens[t].hash)
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
        && how(scan, t).is_none()
        && !descriptor(tok.hash)
        && !tok.latin
        && text.chars().count() >= 2
        && !text
            .chars()
            .all(|c| c.is_ascii_digit() || ('०'..='९').contains(&c))
}
