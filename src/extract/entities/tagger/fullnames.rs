//! A person the tagger knows by one word (`ओल्म्स्टेड ने कहा`) whose full name it missed
//! where the story first names them (`पढ़ाने वाली रेबेका ओल्म्स्टेड के मुताबिक़`).
//!
//! News names a person in full once, after a role the tagger has seen little (`खगोलविद`,
//! `जोड़ीदार`), and by the surname after that, before `ने` or `का`, where the tagger finds
//! them. The sidebar then listed the surname alone, and a filter by the full name found
//! nothing (trial 67: 25 of 170 people). Decided after decoding, so the model is trained as
//! before.

use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{
    COMMON, CUE, EPITHET, GIVEN, HONORIFIC, SAID, STOP, SURNAME, also_a_name, landmark, ordinary,
    venue,
};
use super::features::gazetteer_kind;
use super::venues::plain;
use super::{Name, Trigger, covers, joined};
use crate::extract::entities::model::EntityKind;

/// Adds a person for each word of no list right before another mention of a one-word
/// person the tagger found (its given name before the surname), where no name covers
/// either word: `रेबेका ओल्म्स्टेड` once `ओल्म्स्टेड ने` is a person. The one word must be no
/// ordinary word (`जहाज़`), and the word before it must look like a name: no list's word,
/// no ordinary word, no adjective or oblique form ([`plain`]), no place or body the
/// gazetteer knows.
pub(super) fn before_surnames(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let singles = singles(scan, names);
    if singles.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for t in 1..scan.tokens.len() {
        // (The one look-up every word pays comes first.)
        if singles.binary_search(&scan.tokens[t].hash).is_err() {
            continue;
        }
        let given = t - 1;
        let (word, before) = (scan.tokens[t], scan.tokens[given]);
        // A given name a list knows, or a word no list knows.
        let name_like = before.class & !GIVEN == 0 && !before.latin && gaz[given] == 0
            || gazetteer_kind(gaz[given]) == Some(EntityKind::Person);
        // Where a full name starts: after a role or a word that describes someone
        // (`खगोलविद`, `पढ़ाने वाली`), a genitive (`अर्जेंटीना के`) or a verb (`शामिल रहीं`).
        // After a postposition, a conjunction or at a sentence's start the word is most
        // often itself a description (`पुलिस ने फरार X`, `समारोह में भावुक X`, `गैंगस्टर X
        // ने`: review).
        let starts = given > 0
            && before.gap == Gap::Space
            && scan.gap_after(given - 1).trim().is_empty()
            && !matches!(
                scan.text(given - 1),
                "ने" | "में" | "पर" | "से" | "को" | "तक" | "कि" | "और" | "व" | "तथा" | "या"
                    | "बाद" | "दौरान" | "लिए" | "बीच"
            )
            // Not after another name's word, nor where two people meet (`लक्ष्य सेन
            // एक्सेलसन से भिड़े`, review).
            && !covers(names, given - 1)
            && !meets(scan, t);
        // A given name alone (`दिव्या`) is a surname for no one: a word before it describes
        // her (`भावुक दिव्या`), unless it is a given name too.
        let surname_like = !word.is(GIVEN) || before.is(GIVEN);
        if word.gap == Gap::Space
            && surname_like
            && starts
            // Two people listed side by side (`X Y और Z`) are not one.
            && singles.binary_search(&before.hash).is_err()
            && scan.gap_after(given).trim().is_empty()
            && name_like
            && !ordinary(before.hash)
            && plain(scan.text(given))
            && !covers(names, t)
            && !covers(names, given)
        {
            found.push((given, t, EntityKind::Person));
        }
    }
    names.extend(found);
}

/// `डॉक्टर कुलदीप बैंस बताते हैं … बैंस ने कहा`: a given name the tagger found alone right
/// before a word the passage names a one-word person by elsewhere (the surname), and that
/// no other name covers there, takes that word in. Not before `से`, `को` or `पर`, where two
/// people meet (`X Y से भिड़े`).
pub(super) fn with_surname_after(scan: &Scan, names: &mut Vec<Name>) {
    let singles = singles(scan, names);
    if singles.is_empty() {
        return;
    }
    let mut i = 0;
    while i < names.len() {
        let (first, last, kind) = names[i];
        let t = last + 1;
        // Only a given name alone, or with a middle name (`किशोर कुमार X`): a name of two
        // words is whole (`राहुल गांधी मोदी से मिले` names two people, review).
        let joins = kind == EntityKind::Person
            && (first == last || last == first + 1 && middle_name(scan.text(last)))
            && t < scan.tokens.len()
            && scan.tokens[t].gap == Gap::Space
            && scan.gap_after(last).trim().is_empty()
            && singles.binary_search(&scan.tokens[t].hash).is_ok()
            && !(first..=last).any(|w| scan.tokens[w].hash == scan.tokens[t].hash)
            // A title the tagger took for a name (`हेड कांस्टेबल`) is no given name.
            && !super::designation(scan, last);
        if joins && !meets(scan, t) {
            // The surname may be a one-word person there too (the tagger split the name).
            let apart = names.iter().position(|&n| n == (t, t, EntityKind::Person));
            let free = !names.iter().any(|n| n.0 <= t && t <= n.1);
            if free || apart.is_some() {
                names[i].1 = t;
            }
            if let Some(j) = apart {
                names.remove(j);
                if j < i {
                    i -= 1;
                }
            }
        }
        i += 1;
    }
}

/// `संयोजक हरीश चंद्र उनियाल कहते हैं`: a name the tagger ended at a middle name (`हरीश
/// चंद्र`) takes in the word right after it when that word looks like a surname (in no
/// list but the surnames', no ordinary word, no adjective or oblique form, no place or
/// body a list knows, no other name's) and what follows closes a name; not before `से`,
/// `को` or `पर` (`X कुमार Y से मिले` may be two people). Trial 68 had 4 names cut so.
pub(super) fn after_middle_name(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    for i in 0..names.len() {
        let (first, last, kind) = names[i];
        let t = last + 1;
        if kind != EntityKind::Person
            || last != first + 1
            || !middle_name(scan.text(last))
            || t >= scan.tokens.len()
        {
            continue;
        }
        let word = scan.tokens[t];
        let surname_like = word.class & !SURNAME == 0
            && !word.latin
            && matches!(gazetteer_kind(gaz[t]), None | Some(EntityKind::Person))
            && !ordinary(word.hash)
            && plain(scan.text(t));
        // What follows must close a name: a case marker of a person (`ने`, `के`, `का`,
        // `की`), `और`, a verb of saying, or a mark. Before other words the word is as often
        // the start of a phrase (`X कुमार हत्याकांड में`, `… अभिनीत फ़िल्म`, `… आंगनबाड़ी
        // सेविका हैं`, `… बिहटा निवासी`: the review).
        let closes = t + 1 >= scan.tokens.len()
            || !scan.gap_after(t).trim().is_empty()
            || scan.tokens[t + 1].is(SAID)
            || matches!(scan.text(t + 1), "ने" | "के" | "का" | "की" | "और");
        if surname_like
            && closes
            && word.gap == Gap::Space
            && scan.gap_after(last).trim().is_empty()
            && !covers(names, t)
            && !meets(scan, t)
        {
            names[i].1 = t;
        }
    }
}

/// `मंत्री विजय कुमार चौधरी`: a person of one word right before a person whose name starts
/// with a middle name (`कुमार`, `प्रसाद`), a space and nothing else between, is one person's
/// given name: the tagger, which has seen `कुमार` open names (`कुमार विश्वास`), cut the name
/// in two (trials 69 and 70: two names so cut). The given name is no list's person: two
/// people a list knows side by side stay two.
pub(super) fn across_middle_name(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let person = |t: usize| gazetteer_kind(gaz[t]) == Some(EntityKind::Person);
    super::merge_neighbours(names, |a, b| {
        let one_name = a.2 == EntityKind::Person
            && b.2 == EntityKind::Person
            && a.0 == a.1
            && b.0 == a.1 + 1
            && joined(scan, b.0)
            && middle_name(scan.text(b.0))
            && !person(a.0);
        one_name.then_some((a.0, b.1, EntityKind::Person))
    });
}

/// `रमेश 'बबलू' यादव`: a nickname in quotes between a given name and a surname is one
/// person's name. The tagger, which sees a quote end most names, gave two or three people,
/// or one that ends at the nickname with its opening quote (trial 68). Taken in only
/// between a person the tagger found (or a given name a list knows) and one word after: a
/// surname, or a person of one word the tagger found. The nickname is one word that is no
/// function or ordinary word, and no list knows the person: a name a list knows joins its
/// parts without the nickname (`महेंद्र सिंह 'माही' धोनी` stays the one the list names).
/// Between two people of two words the quote is a film's or a book's title (`अक्षय कुमार
/// 'सरफ़िरा' अजय देवगन`: review), and two people stay apart. A person that ends at a
/// nickname after an opening quote and takes no surname ends before the quote.
pub(super) fn nicknames(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    // (Curly quotes start with the byte 0xE2.)
    if memchr::memchr3(b'\'', b'"', 0xE2, scan.folded.text.as_bytes()).is_none() {
        return;
    }
    let person = |t: usize| gazetteer_kind(gaz[t]) == Some(EntityKind::Person);
    for nick in 1..scan.tokens.len() {
        let (given, surname) = (nick - 1, nick + 1);
        let Some(quote) = opening_quote(scan.gap_after(given)) else {
            continue;
        };
        // The person before: one that ends right before the quote, or one the tagger drew
        // across it to the nickname.
        let before = names.iter().position(|n| {
            n.2 == EntityKind::Person && (n.1 == given || n.1 == nick && n.0 <= given)
        });
        let word = scan.tokens[nick];
        let nickname = surname < scan.tokens.len()
            && closes_quote(scan.gap_after(nick), quote)
            && !word.is(STOP | COMMON | CUE)
            && !word.latin
            && !ordinary(word.hash);
        let first_ok = before.is_some() || scan.tokens[given].is(GIVEN) && !covers(names, given);
        // One word after: a person of one word the tagger found, or a surname no name holds.
        let surname_ok = nickname
            && (names.contains(&(surname, surname, EntityKind::Person))
                || scan.tokens[surname].is(SURNAME) && !covers(names, surname));
        let first = before.map_or(given, |i| names[i].0);
        let unknown = !((first..=given).any(person) || surname_ok && person(surname));
        if surname_ok && first_ok && unknown {
            names.retain(|n| n.1 < first || n.0 > surname);
            names.push((first, surname, EntityKind::Person));
        } else if let Some(i) = before.filter(|&i| names[i].1 == nick) {
            names[i].1 = given;
        }
    }
}

/// The quote a gap between two words opens (a space, then the quote, then the word), if
/// it opens one.
pub(super) fn opening_quote(gap: &str) -> Option<char> {
    let quote = gap.trim_start();
    let mut chars = quote.chars();
    let q = chars.next()?;
    (gap.len() > quote.len() && chars.next().is_none() && matches!(q, '\'' | '"' | '‘' | '“'))
        .then_some(q)
}

/// Whether a gap closes the quote `open` opened: the quote, then a space.
pub(super) fn closes_quote(gap: &str, open: char) -> bool {
    let quote = gap.trim_end();
    let close = match open {
        '‘' => '’',
        '“' => '”',
        q => q,
    };
    gap.len() > quote.len() && quote.chars().eq([close])
}

/// Words that end a woman's name and name no one alone (folded).
pub(super) static WOMANS_ENDINGS: [Trigger; 6] = [
    Trigger::new("देवी"),
    Trigger::new("बेगम"),
    Trigger::new("खातून"),
    Trigger::new("बानो"),
    Trigger::new("कौर"),
    Trigger::new("बाई"),
];

/// `सुनीता देवी ने`: a woman's name ending (`देवी`, `बेगम`, `खातून`, `बानो`, `कौर`, `बाई`;
/// `कुमारी`, a title too, is dropped alone before this rule) is no one's name alone. Where
/// the tagger found only it, the word before is the given name if it may be one: a given
/// name a list knows, an everyday word that is also a given name (`आशा`), or any other
/// word that is no everyday word (in no common list, not ordinary), in Devanagari, of no
/// oblique form, no place a list knows, in no other name. After any other everyday
/// word it names no one (`ग्राम देवी की पूजा`, `बीमार देवी को`: a goddess, a state; the
/// review) and goes. After a function word, a title or a relation (`जज कौर ने`, `सास देवी
/// ने`) it stays as the tagger left it: a woman may be named by her family name there.
pub(super) fn before_womans_ending(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let lone = |&(first, last, kind): &Name| {
        kind == EntityKind::Person
            && first == last
            && joined(scan, first)
            && WOMANS_ENDINGS.iter().any(|w| w.at(scan, first))
    };
    // Most passages have none: no list of the names' words is made for them.
    if !names.iter().any(lone) {
        return;
    }
    let taken: Vec<(usize, usize)> = names.iter().map(|n| (n.0, n.1)).collect();
    names.retain_mut(|name| {
        if !lone(name) {
            return true;
        }
        let first = name.0;
        let given = first - 1;
        let word = scan.tokens[given];
        let everyday = word.is(COMMON) || ordinary(word.hash);
        let fits = !word.is(STOP | CUE | HONORIFIC | EPITHET | SAID)
            && !word.latin
            && plain(scan.text(given))
            && matches!(gazetteer_kind(gaz[given]), None | Some(EntityKind::Person))
            && !taken.iter().any(|&(f, l)| f <= given && given <= l);
        let may_be_given = word.is(GIVEN) || also_a_name(word.hash) || !everyday;
        if fits && may_be_given {
            name.0 = given;
        }
        !fits || may_be_given
    });
}

/// `हसमुख भाई पटेल`, `दक्षा बेन मेहता`: a Gujarati name holds `भाई` or `बेन` (an ordinary word,
/// "brother", where the tagger breaks the name) between the given name and the surname. A
/// person the tagger found after one takes in the given name before it: a given name a
/// list knows, or a word of no list that looks like a name (no ordinary word: `बड़े भाई X`
/// is an elder brother), or the person found there.
pub(super) fn across_bhai(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let mut i = 0;
    while i < names.len() {
        let (first, _, kind) = names[i];
        if kind != EntityKind::Person
            || first < 2
            || !matches!(scan.text(first - 1), "भाई" | "बेन")
            || !joined(scan, first)
            || !joined(scan, first - 1)
        {
            i += 1;
            continue;
        }
        let given = first - 2;
        let before = names
            .iter()
            .position(|n| n.1 == given && n.2 == EntityKind::Person);
        let word = scan.tokens[given];
        // A given name after `भाई` is a brother's (`दीपक भाई सुरेश`, `जुड़वां भाई अजय सिंह`:
        // the review): the person must start with a surname, or a word no list knows.
        let surname_after = !scan.tokens[first].is(GIVEN);
        // `हार्दिक भाई`: a given name may end as an adjective does (`िक`), not as an
        // oblique form.
        let name_like = (word.is(GIVEN) || word.class == 0 && !ordinary(word.hash))
            && !word.latin
            && !super::venues::oblique(scan.text(given))
            && matches!(gazetteer_kind(gaz[given]), None | Some(EntityKind::Person))
            && !names.iter().any(|n| n.0 <= given && given <= n.1);
        match before {
            Some(j) if surname_after => {
                names[i].0 = names[j].0;
                names.remove(j);
                i = i.min(j);
            }
            None if surname_after && name_like => names[i].0 = given,
            _ => {}
        }
        i += 1;
    }
}

/// `जर्मनी के टोबियास क्लाइन को कांस्य मिला`: two words of no list right after a country's
/// genitive, before `ने`, `को`, `और`, `रहे`, `रहीं` or a comma, and no words of a building,
/// an event or a craft ([`THING_FIRST`], [`THING_LAST`]), are a foreign person, as sports and foreign news name players and officials by their
/// country; the tagger, which knows few foreign names, saw nothing there. The words must
/// look like a name (a given name a list knows or a word of no list, no ordinary word,
/// no adjective or plural oblique form, no business word, no English plural) and no name may
/// cover them. Not before `में`, nor `से` after `के`, where two unknown words are as often
/// a region (`पाकिस्तान के X Y में`); after `की` a woman is named before `से` and `के` too.
pub(super) fn after_country(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let name_like = |t: usize, first: bool| {
        let word = scan.tokens[t];
        let text = scan.text(t);
        let own = if first { GIVEN } else { SURNAME };
        word.class & !own == 0
            && !word.latin
            && !ordinary(word.hash)
            // Not [`plain`]: a foreign name may end in `े` (`तनाबे`), an oblique form's ending.
            && !["ों", "ें", "ीं", "ित", "कर", "ियां", "िक", "ीय"]
                .iter()
                .any(|e| text.ends_with(e))
            && super::super::words::business(word.hash).is_none()
            // An English plural ends a team's name (`… हीरोज`), not a given name (`मैड्स`).
            && (first || !text.ends_with("्स"))
            && gazetteer_kind(gaz[t]).is_none()
            && text.chars().count() >= 2
    };
    let mut found = Vec::new();
    for &(_, last, kind) in names.iter() {
        let (of, a, b, after) = (last + 1, last + 2, last + 3, last + 4);
        let country =
            kind == EntityKind::Place && gazetteer_kind(gaz[last]) == Some(EntityKind::Place);
        if !country
            || !joined(scan, of)
            || !matches!(scan.text(of), "के" | "की" | "का")
            || !joined(scan, a)
            || !joined(scan, b)
        {
            continue;
        }
        // Not a full stop (`भारत का सपना टूटा।`), nor a genitive: `X Y का`, `X Y की` after a
        // country's is nearly always a thing (`… रियो कार्निवल का आयोजन`, `… ब्लैक फ्राइडे की
        // बिक्री`: the review).
        // Also `रहे` or `रहीं` (`दूसरे स्थान पर अमेरिका के X Y रहे`: trial 71); not `के साथ`, after
        // which two words are as often a company or a product (`जापान की सुज़ुकी मोटर के
        // साथ`: review).
        // After a feminine genitive (`पोलैंड की X Y से हारीं`) the two words are a woman's
        // name before `से` and `के` as well: a region or a town there takes `के`.
        let feminine = scan.text(of) == "की";
        let closes = scan.gap_after(b).trim() == ","
            || after < scan.tokens.len()
                && scan.gap_after(b).trim().is_empty()
                && (matches!(scan.text(after), "ने" | "को" | "और" | "रहे" | "रहीं")
                    || feminine && matches!(scan.text(after), "से" | "के"));
        // A landmark, a ship, a craft or an event is named so too (`… एफ़िल टावर को`, `…
        // आईएनएस विक्रांत को`, `… आयरन डोम ने`: the review), by words that say so.
        let thing = THING_FIRST.contains(&scan.text(a))
            || THING_LAST.contains(&scan.text(b))
            || venue(scan.tokens[b].hash)
            || landmark(scan.tokens[b].hash);
        if closes
            && !thing
            && name_like(a, true)
            && name_like(b, false)
            && !covers(names, a)
            && !covers(names, b)
            // Nor a name the rules or the lists found (`… बकिंघम पैलेस ने`).
            && scan.cover[a].is_none()
            && scan.cover[b].is_none()
        {
            found.push((a, b, EntityKind::Person));
        }
    }
    names.extend(found);
}

/// First words (folded) of the names of ships, mountains and operations, which a country's
/// genitive precedes as it precedes a person's.
const THING_FIRST: &[&str] = &[
    "आईएनएस",
    "यूएसएस",
    "एचएमएस",
    "पीएनएस",
    "माउंट",
    "बुर्ज",
    "आपरेशन",
    "मिशन",
    "लेक",
    "फोर्ट",
];

/// Last words (folded) of the names of buildings, events, deals, craft, weapons and
/// vaccines (`एफ़िल टावर`, `रियो कार्निवल`, `तेजस जेट`).
const THING_LAST: &[&str] = &[
    "टावर",
    "पैलेस",
    "डोम",
    "फेस्ट",
    "फेस्टिवल",
    "कार्निवल",
    "चैंपियनशिप",
    "डील",
    "फ्राइडे",
    "कैप्सूल",
    "जेट",
    "कुश्ती",
    "वैक्सीन",
    "मिसाइल",
    "ट्रेन",
    "टैंक",
    "ब्रिज",
    "टनल",
    "स्क्वायर",
    "गेट",
    "हिल्स",
    "वैली",
    "फाल्स",
    "म्यूजियम",
    "ओपन",
    "कप",
    "दूरबीन",
    "सैटेलाइट",
    "राकेट",
];

/// Whether `word` is a middle name more often than a surname (`किशोर कुमार जेना`).
pub(super) fn middle_name(word: &str) -> bool {
    matches!(
        word,
        "कुमार"
            | "कुमारी"
            | "प्रसाद"
            | "लाल"
            | "नाथ"
            | "चंद्र"
            | "चन्द्र"
            | "देवी"
    )
}

/// Whether `से`, `को` or `पर` follows word `t`: `X Y से भिड़े`, `X Y को हराया` may name two
/// people, one meeting the other.
fn meets(scan: &Scan, t: usize) -> bool {
    scan.tokens
        .get(t + 1)
        .is_some_and(|_| matches!(scan.text(t + 1), "से" | "को" | "पर"))
}

/// The words the tagger found a one-word person by, as their hashes (sorted, once each),
/// but for words that name no one by themselves: Latin letters, a list's words, ordinary
/// words (`जहाज़`).
fn singles(scan: &Scan, names: &[Name]) -> Vec<u64> {
    let mut singles: Vec<u64> = names
        .iter()
        .filter(|&&(first, last, kind)| {
            let word = scan.tokens[first];
            kind == EntityKind::Person
                && first == last
                && !word.latin
                && !word.is(STOP | COMMON | CUE)
                && !ordinary(word.hash)
        })
        .map(|n| scan.tokens[n.0].hash)
        .collect();
    singles.sort_unstable();
    singles.dedup();
    singles
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::{
        across_bhai, across_middle_name, after_country, after_middle_name, before_womans_ending,
        nicknames, with_surname_after,
    };
    use crate::extract::entities::model::EntityKind::Person;

    /// A woman's name ending the tagger found alone takes the given name before; after a
    /// function word or Latin letters it stays; after another everyday word it goes.
    /// After a designation a lone ending stays: a woman named by her family name.
    #[test]
    fn a_womans_name_ending_after_a_title_stays() {
        let (scan, gaz) = prepare(matcher(), "जज कौर ने फैसला सुनाया।");
        let kaur = super::super::word_at(&scan, "कौर");
        let mut names = vec![(kaur, kaur, Person)];
        before_womans_ending(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(kaur, kaur, Person)]);
    }

    #[test]
    fn a_womans_name_ending_takes_the_given_name_before() {
        let text = "पत्नी सुनीता देवी ने कहा। इस देवी की पूजा होती है। Rita बेगम आईं। \
                    ग्राम देवी की पूजा हुई।";
        let (scan, gaz) = prepare(matcher(), text);
        let all = |word: &str| {
            let folded = crate::text::fold::fold(word);
            (0..scan.tokens.len())
                .filter(|&t| scan.text(t) == folded)
                .collect::<Vec<_>>()
        };
        let (devi, begum) = (all("देवी"), all("बेगम")[0]);
        let mut names = vec![
            (devi[0], devi[0], Person),
            (devi[1], devi[1], Person),
            (begum, begum, Person),
            (devi[2], devi[2], Person),
        ];
        before_womans_ending(&scan, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (devi[0] - 1, devi[0], Person),
                (devi[1], devi[1], Person),
                (begum, begum, Person)
            ]
        );
    }
    use crate::extract::entities::model::EntityKind::Place;

    /// Two words of no list after a country's genitive and before a person's case marker
    /// are a person; not before `में`, not an ordinary word, not a word a name covers, not
    /// a building's name.
    #[test]
    fn a_foreign_person_after_the_country() {
        let text = "फ़ाइनल में जापान की मिसाकी तनाबे ने सेट जीता। जर्मनी के टोबियास क्लाइन को पदक \
                    मिला। पाकिस्तान के ज़ारदिस्तान घाटीपुर में बाढ़ आई। भारत की राजधानी दिल्ली आए। \
                    तनाबे और क्लाइन ख़ुश हैं। जापान के ओकुरा टावर को सजाया गया। स्पेन के रफ़ालो \
                    कोरेनो रहे दूसरे।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| super::super::word_at(s, word);
        let countries = ["जापान", "जर्मनी", "पाकिस्तान", "भारत", "स्पेन"];
        let mut names: Vec<_> = countries.iter().map(|c| (at(c), at(c), Place)).collect();
        names.push((at("दिल्ली"), at("दिल्ली"), Place));
        names.push((at("ओकुरा") - 2, at("ओकुरा") - 2, Place));
        after_country(s, &gaz.codes, &mut names);
        let people: Vec<_> = names.into_iter().filter(|n| n.2 == Person).collect();
        assert_eq!(
            people,
            [
                (at("मिसाकी"), at("तनाबे"), Person),
                (at("टोबियास"), at("क्लाइन"), Person),
                (at("रफ़ालो"), at("कोरेनो"), Person)
            ]
        );
        // After `की`, a woman before `से` or `के`; after `के`, before `से`, a region.
        let text = "वह पोलैंड की अग्निएस्का ज़ेलिंस्का से हारीं। पाकिस्तान के ज़ारदिस्तान घाटीपुर से \
                    लोग आए। डेनमार्क के मैड्स योर्गेनसेन को पदक मिला।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| super::super::word_at(s, word);
        let mut names: Vec<_> = ["पोलैंड", "पाकिस्तान", "डेनमार्क"]
            .iter()
            .map(|c| (at(c), at(c), Place))
            .collect();
        after_country(s, &gaz.codes, &mut names);
        let people: Vec<_> = names.into_iter().filter(|n| n.2 == Person).collect();
        assert_eq!(
            people,
            [
                (at("अग्निएस्का"), at("ज़ेलिंस्का"), Person),
                (at("मैड्स"), at("योर्गेनसेन"), Person)
            ]
        );
    }

    /// A one-word nickname in quotes between a person (or a given name) and a surname (or
    /// a person of one word) is one name with them; not a quoted title, a quote of several
    /// words, an ordinary word, a quote that follows no name, nor a title between two
    /// people of two words. A person drawn to the nickname with no surname after ends
    /// before the quote.
    #[test]
    fn a_quoted_nickname_is_inside_the_name() {
        let text = "सरगना महेश 'छोटू' तिवारी फरार है। ठेकेदार अनिल “मुन्ना” सिंह पकड़ा गया। \
                    अजय 'मन की बात' सुनते हैं। उन्होंने कहा कि 'भारत' यादव। नेता विनोद 'सरकार' \
                    मिश्रा आए। शर्मा 'बाबू' ने कहा। रोहन मेहरा 'तूफ़ान' करण जौहर ने बनाई। \
                    नेता गिरीश 'गुड्डू' ने कहा।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| super::super::word_at(s, word);
        let mut names = vec![
            (at("महेश"), at("महेश"), Person),
            (at("छोटू"), at("छोटू"), Person),
            (at("तिवारी"), at("तिवारी"), Person),
            (at("सिंह"), at("सिंह"), Person),
            (at("अजय"), at("अजय"), Person),
            (at("विनोद"), at("विनोद"), Person),
            (at("मिश्रा"), at("मिश्रा"), Person),
            (at("शर्मा"), at("शर्मा"), Person),
            (at("रोहन"), at("मेहरा"), Person),
            (at("करण"), at("जौहर"), Person),
            (at("गिरीश"), at("गुड्डू"), Person),
        ];
        nicknames(s, &gaz.codes, &mut names);
        names.sort_unstable();
        assert_eq!(
            names,
            [
                (at("महेश"), at("तिवारी"), Person),
                (at("अनिल"), at("सिंह"), Person),
                (at("अजय"), at("अजय"), Person),
                (at("विनोद"), at("विनोद"), Person),
                (at("मिश्रा"), at("मिश्रा"), Person),
                (at("शर्मा"), at("शर्मा"), Person),
                (at("रोहन"), at("मेहरा"), Person),
                (at("करण"), at("जौहर"), Person),
                (at("गिरीश"), at("गिरीश"), Person),
            ]
        );
    }

    /// A person after `भाई` or `बेन` takes in the given name before it, or the person
    /// found there; not an everyday word (`बड़े भाई`), nor a person after other words.
    #[test]
    fn a_gujarati_name_holds_bhai() {
        let text = "व्यापारी किरीट भाई सोलंकी ने कहा। मनीषा बेन पंड्या आईं। \
                    उनके बड़े भाई जयेश पारिख आए। भाई रोहित शाह आए। दीपक भाई सुरेश आया।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| super::super::word_at(s, word);
        let mut names = vec![
            (at("सोलंकी"), at("सोलंकी"), Person),
            (at("मनीषा"), at("मनीषा"), Person),
            (at("पंड्या"), at("पंड्या"), Person),
            (at("जयेश"), at("पारिख"), Person),
            (at("रोहित"), at("शाह"), Person),
            (at("सुरेश"), at("सुरेश"), Person),
        ];
        across_bhai(s, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (at("किरीट"), at("सोलंकी"), Person),
                (at("मनीषा"), at("पंड्या"), Person),
                (at("जयेश"), at("पारिख"), Person),
                (at("रोहित"), at("शाह"), Person),
                (at("सुरेश"), at("सुरेश"), Person),
            ]
        );
    }

    /// A name ended at its middle name takes in an unknown word after it that a name's
    /// end follows; not an ordinary word, a place, a word before `से` or `निवासी`, nor
    /// after a name of one word or of three.
    #[test]
    fn a_name_ended_at_its_middle_name_takes_the_surname() {
        let text = "पायलट सुनील कुमार मुर्मू ने कहा। विनोद प्रसाद कल आए। अजय कुमार पटना गए। \
                    रवि कुमार बिरुआ से मिले। कुमार टुडू आए। श्याम सुंदर लाल कोड़ा आए। \
                    मोहन लाल सिरोही निवासी हैं।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| (0..s.tokens.len()).find(|&t| s.text(t) == word).unwrap();
        let mut names = vec![
            (at("सुनील"), at("सुनील") + 1, Person),
            (at("विनोद"), at("विनोद") + 1, Person),
            (at("अजय"), at("अजय") + 1, Person),
            (at("रवि"), at("रवि") + 1, Person),
            (at("टुडू") - 1, at("टुडू") - 1, Person),
            (at("श्याम"), at("श्याम") + 2, Person),
            (at("मोहन"), at("मोहन") + 1, Person),
        ];
        let before = names.clone();
        after_middle_name(s, &gaz.codes, &mut names);
        assert_eq!(names[0], (at("सुनील"), at("मुर्मू"), Person));
        assert_eq!(names[1..], before[1..]);
    }

    /// Whatever the tagger found, a given name right before a word the passage names a
    /// one-word person by takes it in; a title the tagger took for a name does not.
    #[test]
    fn a_given_name_takes_in_the_surname_named_elsewhere() {
        let text = "डॉक्टर हरमीत ढेसी बताते हैं कि हेड कांस्टेबल ढेसी आए। ढेसी ने कहा।";
        let (scan, _) = prepare(matcher(), text);
        let scan = &scan;
        let at = |word: &'static str| (0..scan.tokens.len()).filter(move |&t| scan.text(t) == word);
        let given = at("हरमीत").next().unwrap();
        let title = at("कांस्टेबल").next().unwrap();
        let surnames: Vec<usize> = at("ढेसी").collect();
        let mut names = vec![
            (given, given, Person),
            (title - 1, title, Person),
            (surnames[2], surnames[2], Person),
        ];
        with_surname_after(scan, &mut names);
        assert_eq!(
            names,
            [
                (given, given + 1, Person),
                (title - 1, title, Person),
                (surnames[2], surnames[2], Person)
            ]
        );
    }

    /// A one-word person right before a person that starts with a middle name is one name;
    /// not across a comma, and not after a person of two words.
    #[test]
    fn a_name_cut_before_its_middle_name_is_one() {
        let text = "मंत्री सुरेश प्रसाद यादव ने कहा। रमेश, कुमार गौरव आए। नीरज चोपड़ा कुमार सानू से \
                    मिले। मोदी कुमार विश्वास से मिले।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let at = |word: &str| super::super::word_at(s, word);
        let mut names = vec![
            (at("सुरेश"), at("सुरेश"), Person),
            (at("प्रसाद"), at("यादव"), Person),
            (at("रमेश"), at("रमेश"), Person),
            (at("गौरव") - 1, at("गौरव"), Person),
            (at("नीरज"), at("चोपड़ा"), Person),
            (at("सानू") - 1, at("सानू"), Person),
            // A person a list knows stays apart.
            (at("मोदी"), at("मोदी"), Person),
            (at("विश्वास") - 1, at("विश्वास"), Person),
        ];
        let mut expected = names[2..].to_vec();
        expected.insert(0, (at("सुरेश"), at("यादव"), Person));
        across_middle_name(s, &gaz.codes, &mut names);
        assert_eq!(names, expected);
    }
}
