//! Villages named the way district pages name them: after the word for a village (`उपखंड
//! के गांव बुडाना में`, `ग्राम पिपरी की`), by their head (`कुरसेला की मुखिया`), or with the
//! suffix that tells two villages of one name apart (`तलवाड़ा खुर्द`, `ममेरा कलां`).
//!
//! No list can hold India's villages, and the tagger, which has seen few, leaves them out
//! or takes them for people. [`super::venues::settlements`] finds a village named before
//! its word (`माघर गांव के`); this finds those named after it. Decided after decoding, so
//! the model is trained as before.

use super::super::scan::Scan;
use super::super::words::{STOP, owned, quantity_word, village_compound, village_or_site};
use super::venues::{edge, ends_place, village_name_like};
use super::{Name, covers, joined, next_word};
use crate::extract::entities::model::EntityKind;

/// The words for a village that come before its name (folded: `गाँव` is `गांव`).
const BEFORE: [&str; 2] = ["गांव", "ग्राम"];

/// Suffixes that tell apart villages of one name (Khurd, the smaller; Kalan, the larger):
/// a word before one is a village's name.
const SUFFIXES: [&str; 2] = ["खुर्द", "कलां"];

/// Words that open a hamlet's name in western Uttar Pradesh (`नगला धीरज`, `नंगला बेल`): part
/// of the name, not a word before it.
const PREFIXES: [&str; 2] = ["नगला", "नंगला"];

/// A village's heads and people: a single name before their genitive is a village
/// (`बुडाना की सरपंच`, `ककरहा के ग्रामीण`). `मुखिया` heads anything (`गिरोह के मुखिया`): only
/// after `की` (`कुरसेला की मुखिया`), where a village's woman head is met far more often.
const HEADS: [&str; 5] = ["सरपंच", "उपसरपंच", "ग्रामीण", "ग्रामीणों", "ग्रामवासी"];

/// Whether a punctuation mark follows word `t`, or the text ends there.
fn stops_after(scan: &Scan, t: usize) -> bool {
    t + 1 >= scan.tokens.len() || !scan.gap_after(t).trim().is_empty()
}

/// Whether a village's name may end at word `t`: a postposition, `निवासी`, `स्थित` or a
/// comma comes next. A verb (`गांव छोड़ा`) or a noun (`ग्राम विकास अधिकारी`) does not.
fn ends_name(scan: &Scan, t: usize) -> bool {
    if t + 1 < scan.tokens.len() && scan.gap_after(t).trim() == "," {
        return true;
    }
    next_word(scan, t).is_some_and(|w| ends_place(w) || w == "निवासी")
}

/// Whether the word before `cue` lets it introduce a name: the sentence's start, a
/// punctuation mark, a function word or `निवासी` (`ब्लॉक के गांव X`, `… निवासी ग्राम X`). Not a
/// number or a quantity (`50 ग्राम`, `तीन सौ ग्राम`, `कुछ ग्राम`: a weight).
fn opens(scan: &Scan, cue: usize) -> bool {
    if cue == 0 || stops_after(scan, cue - 1) {
        return true;
    }
    let before = scan.tokens[cue - 1];
    !quantity(scan, cue - 1) && (before.is(STOP) || scan.text(cue - 1) == "निवासी")
}

/// Whether word `t` counts or measures what follows (`50`, `तीन`, `सौ`, `कुछ`).
pub(super) fn quantity(scan: &Scan, t: usize) -> bool {
    scan.text(t).chars().any(char::is_numeric) || quantity_word(scan.tokens[t].hash)
}

/// Adds a place for the one or two words of no list after `गांव` or `ग्राम` that end where a
/// village's name does (`उपखंड के गांव बुडाना में`, `गांव तलवाड़ा खुर्द के`). Before `में`,
/// `से`, `निवासी` or `स्थित` a person the tagger drew there, none of whose words the gazetteer
/// knows, is that village; before a genitive it may be someone of the village, and before
/// one and a word of what is someone's (`गांव मोहन के घर`) it is.
pub(super) fn after_word(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for cue in 0..scan.tokens.len() {
        if !village_or_site(scan.tokens[cue].hash)
            || !BEFORE.contains(&scan.text(cue))
            || !opens(scan, cue)
            || !joined(scan, cue + 1)
        {
            continue;
        }
        let first = cue + 1;
        let name_like = |t: usize| {
            village_name_like(scan, gaz, t)
                && !village_compound(scan.tokens[t].hash)
                // A plural (`ग्राम सभाओं`).
                && !scan.text(t).ends_with("ओं")
                || SUFFIXES.contains(&scan.text(t)) && t > first
        };
        let Some(last) = [first, first + 1]
            .into_iter()
            .take_while(|&t| (t == first || joined(scan, t)) && name_like(t))
            .find(|&t| ends_name(scan, t))
        else {
            continue;
        };
        let after = next_word(scan, last);
        let genitive = matches!(after, Some("के" | "की" | "का"));
        if genitive && next_word(scan, last + 1).is_some() && owned(scan.tokens[last + 2].hash) {
            continue;
        }
        let located = matches!(after, Some("में" | "से" | "निवासी" | "स्थित"));
        place(names, gaz, first, last, located);
    }
}

/// `नगला धीरज निवासी`, `नगला बेल के`: a hamlet's opening word and the word after it are
/// the hamlet, where its name ends ([`ends_name`]). A name the tagger drew on the word
/// after (a place, or a person: `धीरज` is a given name) of one or two words gives way to
/// it; a body there, or a word of a list with no name on it, leaves it.
pub(super) fn prefixed(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for cue in 0..scan.tokens.len().saturating_sub(1) {
        if !village_or_site(scan.tokens[cue].hash)
            || !PREFIXES.contains(&scan.text(cue))
            || !joined(scan, cue + 1)
        {
            continue;
        }
        let first = cue + 1;
        let drawn = names
            .iter()
            .find(|n| n.0 == first && n.1 <= first + 1)
            .copied();
        let last = match drawn {
            Some((_, last, kind)) if kind != EntityKind::Organization => last,
            None if village_name_like(scan, gaz, first) && !covers(names, first) => first,
            _ => continue,
        };
        if !ends_name(scan, last) {
            continue;
        }
        names.retain(|n| !(n.0 <= last && cue <= n.1));
        names.push((cue, last, EntityKind::Place));
    }
}

/// Makes `first..=last` a place: added where no name covers it, and where `over_person`,
/// taken over from a person the tagger drew exactly there or over its first word alone, the
/// gazetteer knowing none of it.
fn place(names: &mut Vec<Name>, gaz: &[u8], first: usize, last: usize, over_person: bool) {
    let touching: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].0 <= last && first <= names[i].1)
        .collect();
    match touching.as_slice() {
        [] => names.push((first, last, EntityKind::Place)),
        &[i] if over_person
            && names[i].2 == EntityKind::Person
            && names[i].0 == first
            && names[i].1 <= last
            && gaz[first..=last].iter().all(|&g| g == 0) =>
        {
            names[i] = (first, last, EntityKind::Place);
        }
        _ => {}
    }
}

/// Adds a place for a word of no list before a village head's or villagers' genitive
/// (`कुरसेला की मुखिया`, `ककरहा के ग्रामीण`), with a function word, a punctuation mark or the
/// sentence's start before it.
pub(super) fn of_heads(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for head in 2..scan.tokens.len() {
        if !village_or_site(scan.tokens[head].hash) {
            continue;
        }
        let of = scan.text(head - 1);
        let heads = HEADS.contains(&scan.text(head)) && matches!(of, "की" | "के" | "का")
            || scan.text(head) == "मुखिया" && of == "की";
        let t = head - 2;
        if heads
            && joined(scan, head - 1)
            && joined(scan, head)
            && edge(scan, t)
            && !covers(names, t)
            && village_name_like(scan, gaz, t)
            // `ग्राम कचहरी के सरपंच`: a village court's head.
            && !village_compound(scan.tokens[t].hash)
        {
            names.push((t, t, EntityKind::Place));
        }
    }
}

/// A place the tagger ended right before `खुर्द` or `कलां` takes the suffix in (`तलवाड़ा
/// खुर्द`), and a word of no list before one, with a function word, a punctuation mark or
/// the sentence's start before it, is a village (`अमीर खां कलां` is a singer's name).
pub(super) fn suffixed(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    for suffix in 1..scan.tokens.len() {
        if !village_or_site(scan.tokens[suffix].hash)
            || !SUFFIXES.contains(&scan.text(suffix))
            || !joined(scan, suffix)
        {
            continue;
        }
        let t = suffix - 1;
        // The suffix alone is no place (the tagger made one of `खुर्द` after `रामपुर`).
        names.retain(|n| *n != (suffix, suffix, EntityKind::Place));
        if covers(names, suffix) {
            continue;
        }
        if let Some(name) = names
            .iter_mut()
            .find(|n| n.1 == t && n.2 == EntityKind::Place)
        {
            name.1 = suffix;
        } else if !covers(names, t) && village_name_like(scan, gaz, t) && edge(scan, t) {
            names.push((t, suffix, EntityKind::Place));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::{found_in, places_in as places, prepare};
    use crate::extract::entities::model::EntityKind;

    /// A village after its word, of one or two words, ends where a postposition, `निवासी`
    /// or a comma comes. Without that end (a verb, a noun), after a number (a weight) or
    /// before a body's word, no village.
    #[test]
    fn a_village_after_its_word() {
        let found = places("उपखंड के गांव बुडाना में झगड़ा हुआ। गांव तलवाड़ा खुर्द के किसान आए।");
        assert_eq!(found, ["बुडाना", "तलवाडा खुर्द"]);
        let found =
            places("ग्राम पिपरी की रेवती बाई आई। वह ग्राम कोसमपाली निवासी है। गांव बुडाना में मकान ढहा।");
        assert_eq!(found, ["पिपरी", "कोसमपाली", "बुडाना"]);
        // At the text's end (no word after the name to end it, nor a name after the word).
        assert_eq!(places("वह आया ग्राम पिपरी,"), Vec::<String>::new());
        assert_eq!(places("वह आया ग्राम"), Vec::<String>::new());
        for text in [
            "पुलिस ने 50 ग्राम हेरोइन के साथ पकड़ा।",
            "वे गांव छोड़ा करते थे।",
            "ग्राम पंचायत के सचिव आए।",
            "ग्राम विकास अधिकारी ने कहा।",
            "वे गांव लौटे तो घर टूटा था।",
            "कुछ ग्राम हेरोइन के साथ युवक पकड़ा गया।",
            "सात ग्राम हेरोइन के साथ युवक पकड़ा गया।",
            "तीन सौ ग्राम चरस के साथ तस्कर पकड़ा गया।",
            "ग्राम चौपाल में जिलाधिकारी ने समस्याएं सुनीं।",
            "ग्राम सभाओं के आयोजन में देर हुई।",
            "गांव रामू के घर में चोरी हुई।",
        ] {
            assert_eq!(places(text), Vec::<String>::new(), "{text}");
        }
    }

    /// A hamlet's opening word is part of its name, with the word after it, whatever the
    /// tagger made of that word; not before a verb or a noun, nor over a body.
    #[test]
    fn a_hamlet_with_its_opening_word() {
        let found = places("नगला सिरोही निवासी युवक घायल हुआ। नंगला बेरनी के लोग आए।");
        assert_eq!(found, ["नगला सिरोही", "नंगला बेरनी"]);
        let (scan, gaz) = prepare(matcher(), "वह नगला धीरज के पास रहता है।");
        let at = super::super::word_at(&scan, "धीरज");
        let mut names = vec![(at, at, EntityKind::Person)];
        super::prefixed(&scan, &gaz.codes, &mut names);
        assert_eq!(names, [(at - 1, at, EntityKind::Place)]);
        let found = places("वे नगला सिरोही गए थे।");
        assert!(!found.iter().any(|p| p.contains("नगला")), "{found:?}");
    }

    /// Every cue word passes the hash gate the rules ask first.
    #[test]
    fn every_cue_is_gated() {
        use crate::extract::entities::hash::word_hash;
        use crate::extract::entities::words::village_or_site;
        let cues = super::BEFORE
            .iter()
            .chain(&super::HEADS)
            .chain(&super::SUFFIXES)
            .chain(&super::PREFIXES);
        for word in cues.chain(&["मुखिया"]) {
            assert!(village_or_site(word_hash(word)), "{word}");
        }
    }

    /// A word before a village head's genitive is the village; a known place stays as the
    /// gazetteer has it, and a body's word is none.
    #[test]
    fn a_village_by_its_head() {
        let found = places("कुरसेला की मुखिया रीना देवी ने कहा। और बुडाना की सरपंच भी आईं।");
        assert_eq!(found, ["कुरसेला", "बुडाना"]);
        let found = found_in(
            "संघ के ग्रामीण सदस्य आए। पटना के मुखिया मिले। गिरोह के मुखिया को पकड़ा। ग्राम कचहरी के सरपंच आए।",
        );
        assert!(
            found
                .iter()
                .all(|(k, n)| *k != EntityKind::Place || n == "पटना"),
            "{found:?}"
        );
    }

    /// `खुर्द` and `कलां` end a village's name, whether the tagger found the village or not.
    #[test]
    fn a_suffix_ends_a_villages_name() {
        let found = places("सिरसा के ममेरा कलां की किसान ने कहा। फिर रामपुर खुर्द में बैठक हुई।");
        assert!(found.contains(&"ममेरा कलां".to_owned()), "{found:?}");
        assert!(found.contains(&"रामपुर खुर्द".to_owned()), "{found:?}");
        // With no name before the suffix's word, the word after a name is the name's.
        let (scan, gaz) = prepare(matcher(), "उस्ताद अमीर खां कलां के गायन की तारीफ हुई।");
        let mut names = Vec::new();
        super::suffixed(&scan, &gaz.codes, &mut names);
        assert!(names.is_empty(), "{names:?}");
        let (scan, gaz) = prepare(matcher(), "फिर ममेरा कलां में बैठक हुई।");
        super::suffixed(&scan, &gaz.codes, &mut names);
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
