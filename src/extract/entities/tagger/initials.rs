//! Initials before a name: `एन. के. सिन्हा`, `ए. पी. जे. अब्दुल कलाम`, `N. K. Sinha`.
//!
//! Hindi news writes a person's initials as the names of Latin letters, each followed by a
//! full stop. Two of those letter names are also words the tagger knows well (`के` is a
//! postposition), so without this the full stop after `के` ended the sentence, the tagger
//! read `एन` as a person of its own and the surname as another, and the initials were lost.
//! Here a dotted initial never ends a sentence, and a person's name takes the initials
//! written just before it.

use super::super::rules::letter_count;
use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{COMMON, CUE, GIVEN, HONORIFIC, NOT_NAME, SURNAME, ordinary};
use super::{Name, Trigger, covers};
use crate::extract::entities::model::EntityKind;

/// Letter names that are also words a sentence may end with (`वह घर आई.`, `उसने चाय पी.`,
/// `गांधी जी.`): they count as initials only beside another initial. (Folded already.)
const WORDLIKE: &[&str] = &["ए", "ई", "जी", "आई", "ओ", "पी", "सी"];

/// Whether `word` is the name of one Latin letter (`Some`), and if so whether it is also a
/// word (`Some(true)`).
fn letter_name(word: &str) -> Option<bool> {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_alphabetic()
    {
        // Folded text has no capitals: a lone Latin letter counts only in a chain
        // (`n. k. sinha`), as `a.` may end an English sentence.
        return Some(true);
    }
    (letter_count(word) == 1).then(|| WORDLIKE.contains(&word))
}

/// Whether word `t` is a letter name with a full stop after it (and nothing but spaces).
fn dotted(scan: &Scan, t: usize) -> Option<bool> {
    let gap = scan.gap_after(t);
    let dot = gap.trim_start_matches(' ').strip_prefix('.')?;
    if !dot.bytes().all(|b| b == b' ') || t + 1 >= scan.tokens.len() {
        return None;
    }
    letter_name(scan.text(t))
}

/// Whether word `t` is an initial: a dotted letter name, and for one that is also a word,
/// with another dotted letter name just before or after it.
pub(super) fn is_initial(scan: &Scan, t: usize) -> bool {
    match dotted(scan, t) {
        Some(false) => true,
        Some(true) => (t > 0 && dotted(scan, t - 1).is_some()) || dotted(scan, t + 1).is_some(),
        None => false,
    }
}

/// The tagger's names with each person's initials: a person's name grows back over the
/// initials just before it, a person made of initials alone takes the word after them
/// (the surname the tagger read apart), and a name the grown one now covers goes. Two or
/// more initials and a word after them the tagger left alone are a person too (`कल एन. के.
/// सिन्हा आए`), with a second word that is a known surname; so are two initials and a word
/// of no list where villagers are named (see [`chains`]).
pub(super) fn with_initials(scan: &Scan, gaz: &[u8], names: Vec<Name>) -> Vec<Name> {
    let mut wider = Vec::new();
    let mut out: Vec<Name> = names
        .into_iter()
        .filter_map(|name| match grow(scan, name) {
            Growth::Stays => Some(name),
            Growth::Grown(grown) => {
                wider.push(grown);
                Some(grown)
            }
            Growth::Gone => None,
        })
        .collect();
    for chain in chains(scan, gaz, &out) {
        // The word after the initials may have been read as a place or a body on its own
        // (`अध्यक्ष एस. सोमनाथ ने`): a place takes no initials, so the person wins.
        let overlaps = |&(f, l, _): &Name| f <= chain.1 && chain.0 <= l;
        let inside =
            |&(f, l, kind): &Name| kind != EntityKind::Person && chain.0 < f && l <= chain.1;
        if out.iter().filter(|n| overlaps(n)).all(inside) {
            out.retain(|n| !overlaps(n));
            wider.push(chain);
            out.push(chain);
        }
    }
    join_middle(scan, &mut out, &mut wider);
    if wider.is_empty() {
        return out;
    }
    out.retain(|&(f, l, _)| {
        !wider
            .iter()
            .any(|&(wf, wl, _)| (wf, wl) != (f, l) && wf <= f && l <= wl)
    });
    out.sort_by_key(|&(f, l, _)| (f, l));
    out.dedup();
    out
}

/// A middle initial between a given name and a surname (`पवन के. वर्मा`, `संजय के. रॉय`):
/// `के` is the postposition the tagger knows best, so it cut the name there, keeping one
/// half. A person of one word (a given name) right before one initial takes it and the
/// word after it that no name holds (an ordinary word too: `राय` is opinion and a surname);
/// a person that starts with one initial takes a known given name before it. Two people
/// the tagger found on either side are left apart (`सिद्धारमैया के. सुधाकर को`: subject and
/// object), a full name before the initial is someone else's or has a stray full stop
/// (`टिकैत के. नेतृत्व में`), and two initials are more often all of a name's (`अभियंता के.
/// एल. सोनी`).
fn join_middle(scan: &Scan, out: &mut Vec<Name>, wider: &mut Vec<Name>) {
    let spaced = |t: usize| scan.tokens[t].gap == Gap::Space;
    let mut i = 0;
    while i < out.len() {
        let (first, last, kind) = out[i];
        i += 1;
        if kind != EntityKind::Person {
            continue;
        }
        let mut joined = None;
        let starts = (first..=last).take_while(|&t| is_initial(scan, t)).count();
        if starts == 1 && first < last && first > 0 && spaced(first) {
            let p = first - 1;
            let word = scan.tokens[p];
            // A person the tagger found before is as often someone else (`सिद्धारमैया के.
            // सुधाकर को मंत्री बनाना चाहते हैं`): only a known given name joins.
            if word.is(GIVEN) && !word.latin && !covers(out, p) {
                joined = Some((p, last, kind));
            }
        } else if first == last
            && !is_initial(scan, last)
            && last + 1 < scan.tokens.len()
            && spaced(last + 1)
        {
            let mut t = last + 1;
            while t < scan.tokens.len() && is_initial(scan, t) {
                t += 1;
            }
            // A person after is someone else as often (`रजनीकांत के. बालाचंदर की फ़िल्मों`).
            if t == last + 2
                && t < scan.tokens.len()
                && !scan.tokens[t].is(NOT_NAME & !COMMON)
                && !covers(out, t)
            {
                joined = Some((first, t, kind));
            }
        }
        if let Some(name) = joined {
            out.retain(|&(f, l, _)| !(name.0 <= f && l <= name.1));
            out.push(name);
            wider.push(name);
            i = 0;
        }
    }
}

/// What becomes of one of the tagger's names.
enum Growth {
    Stays,
    /// A person's name with the initials before it, or its initials with the word after.
    Grown(Name),
    /// Initials alone, before no name: no person.
    Gone,
}

fn grow(scan: &Scan, (first, last, kind): Name) -> Growth {
    if kind != EntityKind::Person {
        return Growth::Stays;
    }
    let mut f = first;
    while f > 0 && is_initial(scan, f - 1) {
        f -= 1;
    }
    if f > 0 && undotted_initial(scan, f - 1) {
        f -= 1;
    }
    let mut l = last;
    if (f..=last).all(|t| is_initial(scan, t)) {
        match after_initials(scan, last + 1) {
            Some(end) => l = end,
            None => return Growth::Gone,
        }
    }
    if (f, l) == (first, last) {
        Growth::Stays
    } else {
        Growth::Grown((f, l, kind))
    }
}

/// Whether word `t`, right before a person's name, is the initial `के` written without its
/// full stop (`के चंद्रशेखर राव`, names of the south): where a sentence ends before it (by
/// the tagger's own [`super::ends_sentence`], so not after `बी.जे.पी.`; at a text's or a
/// paragraph's start, not a line's, where a hard-wrapped `भाजपा\nके X` is a genitive) or after
/// an academic or a plain title (`प्रो के विजय राघवन`, `डॉ के X`, `श्री के X`), for there it
/// cannot be the genitive the tagger took it for (`भाजपा के राजनाथ सिंह` is one).
fn undotted_initial(scan: &Scan, t: usize) -> bool {
    static TITLES: [Trigger; 6] = [
        Trigger::new("प्रो"),
        Trigger::new("प्रोफेसर"),
        Trigger::new("डॉ"),
        Trigger::new("श्री"),
        Trigger::new("श्रीमती"),
        Trigger::new("सुश्री"),
    ];
    if scan.text(t) != "के" || !scan.gap_after(t).trim().is_empty() {
        return false;
    }
    if t == 0 {
        return true;
    }
    let gap = scan.gap_after(t - 1);
    // A paragraph's start is one; a line's alone may be a hard wrap.
    let one_line_break = gap.contains('\n') && !gap.contains("\n\n");
    let sentence_ends = !one_line_break && super::ends_sentence(scan, t - 1, true);
    sentence_ends
        || (gap.trim().is_empty() || gap.trim() == ".") && TITLES.iter().any(|w| w.at(scan, t - 1))
}

/// Where a name written after initials ending at `t - 1` ends: the word at `t` if it may be
/// a name (not a function word, title or ordinary word), and a known surname after it.
fn after_initials(scan: &Scan, mut t: usize) -> Option<usize> {
    while t < scan.tokens.len() && is_initial(scan, t) {
        t += 1;
    }
    scan.tokens.get(t).filter(|w| !w.is(NOT_NAME))?;
    let next = scan.tokens.get(t + 1);
    Some(
        if next.is_some_and(|n| n.gap == Gap::Space && n.is(SURNAME)) {
            t + 1
        } else {
            t
        },
    )
}

/// Whether word `t` is a word of no list at all, everyday or of names, places or bodies:
/// after two initials where villagers are named (`किसान के. आर. सेल्वराज`: names of the
/// south no list holds) such a word is a surname. Elsewhere it is as often an acronym's
/// (`यू. एन. महासभा`: no list holds `महासभा` either).
fn unlisted(scan: &Scan, gaz: &[u8], t: usize) -> bool {
    let word = scan.tokens[t];
    word.class == 0
        && gaz[t] == 0
        && !word.latin
        && super::venues::plain(scan.text(t))
        && !ordinary(word.hash)
        && word.gap == Gap::Space
}

/// Whether word `t` shows the words before it are someone's name: `ने`, a verb of saying,
/// an age in brackets (`(58)`), a genitive (`की बेटी`) or `उर्फ़`. After two initials where
/// villagers are named, a word of no list before anything else is as often a scheme's or a
/// thing's (`मजदूर एम. जी. नरेगा में`, `किसान पी. एम. कुसुम योजना से`: the review).
fn acts(scan: &Scan, t: usize) -> bool {
    super::people::agent(scan, t)
        || t < scan.tokens.len() && matches!(scan.text(t), "की" | "का" | "के" | "उर्फ")
}

/// Runs of two or more initials and the name after them, as persons, where that name is
/// a known given name or surname or a word of a person the tagger found in `names`, or
/// two initials and a word of no list (see [`unlisted`]), or
/// the run (of one initial, then, too) follows a designation or a title (`जिलाधिकारी वी.
/// के. मेहरोत्रा ने`, `अध्यक्ष एस. सोमनाथ ने`) or a title and a known given name: dotted
/// letters before an ordinary word are an acronym (`यू. एन. महासभा`, `जे. एन. यू.
/// परिसर`).
fn chains(scan: &Scan, gaz: &[u8], names: &[Name]) -> Vec<Name> {
    let person_word = |t: usize| {
        scan.tokens[t].is(GIVEN | SURNAME)
            || names.iter().any(|&(f, l, kind)| {
                kind == EntityKind::Person
                    && (f..=l).any(|w| w != t && scan.text(w) == scan.text(t))
            })
    };
    let mut out = Vec::new();
    let mut t = 0;
    while t < scan.tokens.len() {
        let start = t;
        while t < scan.tokens.len() && is_initial(scan, t) {
            t += 1;
        }
        let titled = start > 0
            && scan.tokens[start].gap == Gap::Space
            && scan.tokens[start - 1].is(CUE | HONORIFIC);
        // A title vouches for one or two initials; three are an acronym as often
        // (`अध्यक्ष जे. एन. यू. छात्र संघ`) and need a known name after them.
        let initials = t - start;
        let vouched = titled && (1..=2).contains(&initials);
        // `राजदूत सुनीता के. सिंघल`: a known given name between a title and one initial is
        // before a middle initial (a word of no list there is as often the title's own:
        // `नेता प्रतिपक्ष आर. अशोक`; two initials are all of a name's: `अभियंता के. एल. सोनी`).
        let given = start > 1
            && initials == 1
            && scan.tokens[start].gap == Gap::Space
            && scan.tokens[start - 1].gap == Gap::Space
            && scan.tokens[start - 2].is(CUE | HONORIFIC)
            && scan.tokens[start - 1].is(GIVEN)
            && !scan.tokens[start - 1].is(NOT_NAME)
            && !scan.tokens[start - 1].latin;
        if (initials >= 2 || vouched || given)
            && let Some(end) = after_initials(scan, t)
            && (person_word(t)
                || vouched
                || given
                || initials == 2
                    && unlisted(scan, gaz, t)
                    && super::people::villagers_stand(scan, names, start)
                    && acts(scan, end + 1))
        {
            out.push((
                if given { start - 1 } else { start },
                end,
                EntityKind::Person,
            ));
            t = end;
        }
        t += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::*;

    /// Two initials before a word of no list, where villagers are named and the name then
    /// acts, are a person's (names of the south no list holds); elsewhere, or before a
    /// scheme or a thing, they may be an acronym's.
    #[test]
    fn two_initials_before_an_unlisted_word_are_a_person() {
        let chain = |text: &str| {
            let (scan, gaz) = prepare(matcher(), text);
            chains(&scan, &gaz.codes, &[])
                .iter()
                .map(|&(f, l, _)| (f..=l).map(|t| scan.text(t)).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            chain("तालुक के किसान टी. एस. मुरुगवेल ने बताया।"),
            ["टी एस मुरुगवेल"]
        );
        // Not where no villager is named, nor before a place, a scheme or a thing.
        assert!(chain("कल टी. एस. मुरुगवेल ने बताया।").is_empty());
        assert!(chain("मजदूर एम. जी. नरेगा में काम मांग रहे हैं।").is_empty());
        assert!(chain("किसान जी. एम. सरसों के खिलाफ हैं।").is_empty());
    }

    /// `के` without its full stop opens a name where it cannot be the genitive: at a
    /// sentence's start or after a title; after a body it is the genitive.
    #[test]
    fn an_undotted_ke_is_an_initial_only_where_no_genitive_stands() {
        let names = |text: &str| {
            let (mut scan, gaz) = prepare(matcher(), text);
            super::super::retag(&mut scan, &gaz, super::super::model());
            scan.found()
                .filter(|c| c.kind == EntityKind::Person)
                .map(|c| {
                    (c.first..=c.last)
                        .map(|t| scan.text(t))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(names("प्रो के सुब्बारायन ने कहा।"), ["के सुब्बारायन"]);
        assert_eq!(
            names("बजट अच्छा है। के पलानीस्वामी ने विरोध किया।"),
            ["के पलानीस्वामी"]
        );
        assert_eq!(names("भाजपा के राजनाथ सिंह आए।"), ["राजनाथ सिंह"]);
        assert_eq!(names("श्री रमेश कुमार ने कहा।"), ["रमेश कुमार"]);
        // After an abbreviation's dots, or a line's break (a hard wrap), it is the genitive.
        assert_eq!(names("बी.जे.पी. के राजनाथ सिंह आए।"), ["राजनाथ सिंह"]);
        assert_eq!(names("कल भाजपा\nके राजनाथ सिंह आए।"), ["राजनाथ सिंह"]);
    }

    #[test]
    fn initials_before_a_function_word_are_no_person() {
        let (scan, gaz) = prepare(matcher(), "कल एन. के. ने कहा");
        let person = EntityKind::Person;
        assert_eq!(with_initials(&scan, &gaz.codes, vec![(1, 1, person)]), []);
        assert_eq!(
            with_initials(&scan, &gaz.codes, vec![(0, 0, person)]),
            [(0, 0, person)]
        );
    }

    #[test]
    fn letter_names_and_latin_capitals_are_initials_words_only_beside_one() {
        assert_eq!(letter_name("एन"), Some(false));
        assert_eq!(letter_name("ए"), Some(true));
        assert_eq!(letter_name("n"), Some(true));
        assert_eq!(letter_name("आई"), Some(true));
        assert_eq!(letter_name("nk"), None);
        assert_eq!(letter_name("सिन्हा"), None);
    }
}
