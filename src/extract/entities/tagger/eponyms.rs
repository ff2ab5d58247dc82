//! Bodies named after a person, and a title that opens a body's name.
//!
//! India names universities, institutes and colleges after people, with the person's title
//! (`पंडित … विश्वविद्यालय`, `गुरु … विश्वविद्यालय`, `डॉ. … संस्थान`), and firms after a deity
//! or a saint with `श्री` or `मां` (`श्री … कंस्ट्रक्शन्स`). The tagger, which has seen such
//! titles before people, finds the person and leaves the body's head word outside, or
//! starts the body after the title. Decided after decoding, so the model is trained as
//! before.

use super::super::scan::Scan;
use super::super::tokens::Gap;
use super::super::words::{COMMON, CUE, EPITHET, FACILITY, HONORIFIC, ORG_HEAD, SAID, STOP, venue};
use super::features::gazetteer_kind;
use super::{Name, covers, joined};
use crate::extract::entities::model::EntityKind;

/// Head words of a body that is named after a person (an institution, not a government,
/// a party or a force: `मोदी सरकार`, `X पार्टी की बैठक` name no body after anyone).
const INSTITUTION: &[&str] = &[
    "विश्वविद्यालय",
    "यूनिवर्सिटी",
    "महाविद्यालय",
    "संस्थान",
    "इंस्टीट्यूट",
    "अकादमी",
    "अकैडमी",
    "प्रतिष्ठान",
];

/// Whether `word` (folded) is the head word of an institution, which India names after
/// people (see [`INSTITUTION`]).
pub(super) fn institution(word: &str) -> bool {
    INSTITUTION.contains(&word)
}

/// Words that open a body's name when they stand right before it: a title (`पंडित`,
/// `गुरु`, `डॉ.`), and the words a firm named after a deity starts with (`मां`, `श्री`).
fn opens_body(scan: &Scan, t: usize) -> bool {
    scan.tokens[t].is(HONORIFIC | EPITHET) || matches!(scan.text(t), "मां" | "किंग" | "क्वीन" | "प्रो")
}

/// Whether a title that opens a body's name stands right before word `t` (`डॉ. X`, with
/// its dot).
fn titled(scan: &Scan, t: usize) -> bool {
    t > 0
        && scan.tokens[t].gap == Gap::Space
        && matches!(scan.gap_after(t - 1).trim(), "" | ".")
        && opens_body(scan, t - 1)
}

/// The first word of a body whose name starts at `first`, taking in the titles right
/// before it (`पंडित`, `डॉ.`) that no other name holds.
fn with_titles(scan: &Scan, names: &[Name], mut first: usize) -> usize {
    while titled(scan, first) && !covers(names, first - 1) {
        first -= 1;
    }
    first
}

/// `पंडित सुंदरलाल शर्मा विश्वविद्यालय`, `गुरु रविदास विश्वविद्यालय`: a person the tagger
/// found after a title that names the dead or the revered (`पंडित`, `गुरु`, `महात्मा`: an
/// epithet), right before an institution's head word that no name holds, is the start of
/// the institution's name, with the title. Not after a title a living person goes by
/// (`डॉ.`, `प्रो.`, `श्री`), nor with no title: a student, a patient, a professor named
/// before the institution they are at (`छात्र X विश्वविद्यालय पहुंचे`, `डॉ. X संस्थान के
/// निदेशक हैं`: the review) is far more common than an institution named after someone.
pub(super) fn institutions(scan: &Scan, names: &mut Vec<Name>) {
    let mut found = Vec::new();
    for &(first, last, kind) in names.iter() {
        let head = last + 1;
        let eponym = kind == EntityKind::Person
            && titled(scan, first)
            && scan.tokens[first - 1].is(EPITHET)
            && !(first >= 2 && scan.tokens[first - 2].is(CUE));
        if eponym
            && head < scan.tokens.len()
            && joined(scan, head)
            && !covers(names, head)
            && institution(scan.text(head))
        {
            found.push((with_titles(scan, names, first), head));
        }
    }
    for (first, head) in found {
        names.retain(|n| !(first <= n.0 && n.1 <= head));
        names.push((first, head, EntityKind::Organization));
    }
}

/// `अटल बिहारी वाजपेयी हिंदी विश्वविद्यालय`, `X Y शासकीय चिकित्सा महाविद्यालय`: a person
/// the tagger found, then one to three words that say what is taught or who runs it, then
/// an institution's head word, is the institution's name, where the tagger found nothing
/// after the person (or only a place among those words), where the name says it is named
/// after someone ([`eponymous`]); the words are no function word, designation or verb of
/// saying, and no other name holds them.
pub(super) fn described_institutions(scan: &Scan, gaz: &[u8], names: &mut Vec<Name>) {
    let end = scan.tokens.len();
    let mut found = Vec::new();
    for &(first, last, kind) in names.iter() {
        // The cheap test first: an institution's head word within reach.
        let reach = last + 2..end.min(last + 5);
        if kind != EntityKind::Person || !reach.clone().any(|t| institution(scan.text(t))) {
            continue;
        }
        // Only a place may hold a word between; no name may hold the head word (below).
        let place_only = |t: usize| {
            names
                .iter()
                .filter(|n| n.0 <= t && t <= n.1)
                .all(|n| n.2 == EntityKind::Place && n.0 > last)
        };
        let head = (last + 1..end.min(last + 5))
            .take_while(|&t| joined(scan, t) && !scan.tokens[t].is(STOP | CUE | SAID))
            .take_while(|&t| institution(scan.text(t)) || place_only(t))
            .find(|&t| institution(scan.text(t)));
        let covered = |t: usize| names.iter().any(|n| n.0 <= t && t <= n.1);
        if let Some(head) = head
            && !covered(head)
            && eponymous(scan, gaz, first, last, head)
        {
            let revered_before = first > 0 && joined(scan, first) && revered(scan, first - 1);
            let start = if revered_before {
                first - 1
            } else {
                with_titles(scan, names, first)
            };
            found.push((start, head));
        }
    }
    for (first, head) in found {
        names.retain(|n| !(first <= n.0 && n.1 <= head));
        names.push((first, head, EntityKind::Organization));
    }
}

/// Whether the word before a person's name at `first` (or before the title there) introduces
/// someone living at an institution: a designation, or a student, a patient or another
/// noun of people (everyday words, no designations to the tagger: `छात्र X Y विश्वविद्यालय
/// में पढ़ता है`, `घायल X Y चिकित्सा महाविद्यालय रेफ़र`).
pub(super) fn introduced(scan: &Scan, first: usize) -> bool {
    let Some(mut before) = first.checked_sub(1) else {
        return false;
    };
    if scan.tokens[before].is(HONORIFIC) && before > 0 {
        before -= 1;
    }
    scan.tokens[before].is(CUE)
        || super::people::people_noun(scan.text(before))
        || matches!(
            scan.text(before),
            "विद्यार्थी" | "शोधार्थी" | "मरीज" | "प्रशिक्षु"
        )
}

/// Whether word `t` is a title of the dead or the revered, after whom India names its
/// institutions (`पंडित`, `महात्मा`, `सरदार`: an epithet; `चौधरी`, `बाबू`, `स्वामी`, `शहीद`,
/// `स्व.`).
fn revered(scan: &Scan, t: usize) -> bool {
    scan.tokens[t].is(EPITHET)
        || matches!(
            scan.text(t),
            "चौधरी"
                | "बाबू"
                | "स्वामी"
                | "महर्षि"
                | "शहीद"
                | "बाबा"
                | "स्व"
                | "स्वर्गीय"
        )
}

/// Whether a person at `first..=last`, the words after it and an institution's head word at
/// `head` are one institution's name. A person is as often the subject right before an
/// institution (`X Y केंद्रीय विश्वविद्यालय के कुलपति हैं`, `X Y लखनऊ विश्वविद्यालय के
/// कार्यक्रम में`: the review's 39 of 88), so the name must say it is named after someone:
/// a title of the revered (`चौधरी चरण सिंह हरियाणा कृषि विश्वविद्यालय`), or, where no
/// living person's title (`डॉ.`, `प्रो.`) stands before it and no place a list knows opens
/// the words after it, a state-run or memorial word among them (`X शासकीय चिकित्सा
/// महाविद्यालय`, `X स्मारक महाविद्यालय`), three
/// words or more (`X राष्ट्रीय पत्रकारिता एवं संचार विश्वविद्यालय`), or a person a list
/// knows before a field (`अटल बिहारी वाजपेयी हिंदी विश्वविद्यालय`; not before
/// `केंद्रीय`, a kind of university). Never after a designation or a noun of people, nor
/// before a verb of going.
pub(super) fn eponymous(scan: &Scan, gaz: &[u8], first: usize, last: usize, head: usize) -> bool {
    let word = |t: usize| scan.tokens.get(t).map(|_| scan.text(t));
    let going = super::venues::goes_after(scan, head)
        || word(head + 1) == Some("पहुंचकर")
        || matches!(word(head + 1), Some("का" | "के")) && word(head + 2) == Some("दौरा");
    if introduced(scan, first) || going || head <= last + 1 {
        return false;
    }
    if revered(scan, first) || first > 0 && joined(scan, first) && revered(scan, first - 1) {
        return true;
    }
    let titled = first > 0 && scan.tokens[first - 1].is(HONORIFIC);
    let middle = last + 1..head;
    // Words of a body the state or a memorial runs.
    let founded = middle
        .clone()
        .any(|t| matches!(scan.text(t), "शासकीय" | "राजकीय" | "स्मारक"));
    let known = (first..=last).any(|t| gazetteer_kind(gaz[t]) == Some(EntityKind::Person));
    let place_first = gazetteer_kind(gaz[middle.start]) == Some(EntityKind::Place);
    // A long description (`राष्ट्रीय पत्रकारिता एवं संचार`) is an institution's own name; a
    // person's subject's institution is named short (`राष्ट्रीय विधि विश्वविद्यालय`).
    let long = middle.len() >= 3;
    !titled && !place_first && (founded || long || known && scan.text(middle.start) != "केंद्रीय")
}

/// `संजय गांधी स्मृति चिकित्सालय`, `X Y मेमोरियल ट्रस्ट`: a person the tagger found right
/// before `स्मृति` or `मेमोरियल` (in memory of), with at most two more words and then a
/// body's word, is the start of that body's name; with a site's word (`… स्मृति भवन`), of
/// that place's. No one is named so but the remembered, so no title is needed (as
/// [`institutions`] needs), but not after a designation (a living person), nor before a
/// verb of going. An award, a lecture or an evening in someone's memory (`… स्मृति
/// पुरस्कार`, `… स्मृति संध्या पार्क में`) is no body: the person stays.
pub(super) fn memorials(scan: &Scan, names: &mut Vec<Name>) {
    let mut found = Vec::new();
    for &(first, last, kind) in names.iter() {
        let memory = last + 1;
        // After a designation the person is someone living, at the place (`विधायक X Y
        // स्मृति भवन पहुंचे`: the review).
        let introduced = first > 0 && scan.tokens[first - 1].is(CUE);
        if kind != EntityKind::Person
            || introduced
            || !joined(scan, memory)
            || !matches!(scan.text(memory), "स्मृति" | "मेमोरियल")
        {
            continue;
        }
        // An event in memory (`… स्मृति संध्या पार्क में`, `… स्मृति सभा में`) is held at a
        // place; it names none.
        let heads = (memory + 1..scan.tokens.len().min(memory + 4))
            .take_while(|&t| {
                joined(scan, t)
                    && !covers(names, t)
                    && !scan.tokens[t].is(STOP)
                    && !super::super::words::event(scan.tokens[t].hash)
            })
            .find_map(|t| head_kind(scan, t).map(|k| (t, k)));
        if let Some((head, kind)) = heads
            && !super::venues::goes_after(scan, head)
        {
            found.push((first, head, kind));
        }
    }
    for name in found {
        names.retain(|n| !(name.0 <= n.0 && n.1 <= name.1));
        names.push(name);
    }
}

/// What a body or site named after someone is, by its head word at `t`, if `t` is one.
fn head_kind(scan: &Scan, t: usize) -> Option<EntityKind> {
    let tok = scan.tokens[t];
    if tok.is(ORG_HEAD) || super::super::words::body(tok.hash) {
        Some(EntityKind::Organization)
    } else if tok.is(FACILITY) || venue(tok.hash) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// `किंग जॉर्ज चिकित्सा विश्वविद्यालय`, `श्री गणेश कंस्ट्रक्शन्स`: a body of two words or more
/// that the tagger (or the company rule) started right after a title takes the title in. A
/// person the tagger made of a body's words (`प्रो कबड्डी लीग` as the professor `कबड्डी
/// लीग`: a body's head word never ends a person's name) is that body.
pub(super) fn titled_bodies(scan: &Scan, gaz: &[u8], names: &mut [Name]) {
    for i in 0..names.len() {
        let (first, last, kind) = names[i];
        let body = match kind {
            EntityKind::Organization => last > first,
            EntityKind::Person => {
                last > first
                    && scan.tokens[last].is(ORG_HEAD)
                    && !scan.tokens[last - 1].is(COMMON)
                    && gazetteer_kind(gaz[last - 1]) != Some(EntityKind::Person)
                    && titled(scan, first)
                    // `श्री X Y अकादमी के अध्यक्ष`: a living person's title introduces them
                    // (`प्रो` with no dot is the English "pro").
                    && !(scan.tokens[first - 1].is(HONORIFIC)
                        && !(scan.text(first - 1) == "प्रो"
                            && scan.gap_after(first - 1).trim().is_empty()))
            }
            EntityKind::Place => false,
        };
        if body {
            let start = with_titles(scan, names, first);
            if start < first || kind == EntityKind::Person {
                names[i] = (start, last, EntityKind::Organization);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::prepare;
    use super::*;

    use super::super::word_at as at;

    /// Before a verb of going the person is someone going to the site: no site is named.
    #[test]
    fn a_memorial_site_before_a_verb_of_going_is_not_made() {
        let (scan, _) = prepare(matcher(), "कल बसंत स्मृति भवन पहुंचे।");
        let basant = at(&scan, "बसंत");
        let mut names = vec![(basant, basant, EntityKind::Person)];
        memorials(&scan, &mut names);
        assert_eq!(names, [(basant, basant, EntityKind::Person)]);
        // The same words before a postposition name the site.
        let (scan, _) = prepare(matcher(), "कल बसंत स्मृति भवन में सभा हुई।");
        let basant = at(&scan, "बसंत");
        let mut names = vec![(basant, basant, EntityKind::Person)];
        memorials(&scan, &mut names);
        assert_eq!(names, [(basant, basant + 2, EntityKind::Place)]);
    }

    /// A person before `स्मृति` and a body's word starts the body's name (a site's word: a
    /// place's); before an award's word the person stays.
    #[test]
    fn a_memorial_body_takes_the_person_in() {
        let text = "मरीज़ को संजय गांधी स्मृति चिकित्सालय भेजा। प्रेमचंद स्मृति पुरस्कार मिला। \
                    टैगोर स्मृति भवन में सभा हुई। विधायक रमेश स्मृति भवन में थे। रफ़ी स्मृति \
                    संध्या पार्क में हुई।";
        let (scan, _) = prepare(matcher(), text);
        let (sanjay, premchand, tagore) = (at(&scan, "संजय"), at(&scan, "प्रेमचंद"), at(&scan, "टैगोर"));
        let (ramesh, rafi) = (at(&scan, "रमेश"), at(&scan, "रफ़ी"));
        let mut names = vec![
            (sanjay, sanjay + 1, EntityKind::Person),
            (premchand, premchand, EntityKind::Person),
            (tagore, tagore, EntityKind::Person),
            (ramesh, ramesh, EntityKind::Person),
            (rafi, rafi, EntityKind::Person),
        ];
        memorials(&scan, &mut names);
        names.sort_unstable();
        // After a designation the person is someone living; an evening in memory is held
        // in a park and names none.
        assert_eq!(
            names,
            [
                (sanjay, sanjay + 3, EntityKind::Organization),
                (premchand, premchand, EntityKind::Person),
                (tagore, tagore + 2, EntityKind::Place),
                (ramesh, ramesh, EntityKind::Person),
                (rafi, rafi, EntityKind::Person),
            ]
        );
    }

    /// A person after an epithet right before an institution's word starts its name, with
    /// the epithet; not after a living person's title, nor with no title, nor after a
    /// designation and the epithet, nor over a word between.
    #[test]
    fn an_institution_named_after_a_person_takes_the_person_in() {
        let text = "पंडित हरिओम मालवीय विश्वविद्यालय खुला। डॉ. विनय पाठक संस्थान के निदेशक हैं। \
                    छात्र सुरेश नेगी विश्वविद्यालय आए। गुरु रमेश यादव विधि संस्थान गए। \
                    कुलपति पंडित किरण बेदी विश्वविद्यालय गईं।";
        let (scan, _) = prepare(matcher(), text);
        let s = &scan;
        let (person, org) = (EntityKind::Person, EntityKind::Organization);
        let people = ["हरिओम", "विनय", "सुरेश", "रमेश", "किरण"];
        let mut names: Vec<Name> = people
            .iter()
            .map(|w| (at(s, w), at(s, w) + 1, person))
            .collect();
        institutions(s, &mut names);
        names.sort_unstable();
        let mut want: Vec<Name> = people[1..]
            .iter()
            .map(|w| (at(s, w), at(s, w) + 1, person))
            .collect();
        want.insert(0, (at(s, "पंडित"), at(s, "विश्वविद्यालय"), org));
        assert_eq!(names, want);
    }

    /// A body after a title takes it in; a one-word body does not, nor a place; a person
    /// ending in a body's word after a title is that body.
    #[test]
    fn a_title_before_a_body_opens_its_name() {
        let text = "श्री गणेश कंस्ट्रक्शन्स और मां दुर्गा प्रिंटर्स बंद। प्रो हॉकी लीग शुरू। \
                    श्री एम्स गए। गुरु हरसहाय नगर पहुंचे।";
        let (scan, gaz) = prepare(matcher(), text);
        let s = &scan;
        let (person, org, place) = (
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        );
        let mut names = vec![
            (at(s, "गणेश"), at(s, "गणेश") + 1, org),
            (at(s, "दुर्गा"), at(s, "दुर्गा") + 1, org),
            (at(s, "हॉकी"), at(s, "हॉकी") + 1, person),
            (at(s, "एम्स"), at(s, "एम्स"), org),
            (at(s, "हरसहाय"), at(s, "हरसहाय") + 1, place),
        ];
        titled_bodies(s, &gaz.codes, &mut names);
        assert_eq!(
            names,
            [
                (at(s, "श्री"), at(s, "गणेश") + 1, org),
                (at(s, "मां"), at(s, "दुर्गा") + 1, org),
                (at(s, "प्रो"), at(s, "हॉकी") + 1, org),
                (at(s, "एम्स"), at(s, "एम्स"), org),
                (at(s, "हरसहाय"), at(s, "हरसहाय") + 1, place),
            ]
        );
    }

    /// An institution named after someone, with what it teaches or who runs it between the
    /// person and its head word, is one body where its name says so (a state-run word, a
    /// title of the revered); the person going there, introduced by a designation or a noun
    /// of people, or the subject before an institution named short, stays a person.
    #[test]
    fn an_institution_holds_what_it_teaches() {
        use super::super::found_in;
        let org = |text: &str, name: &str| {
            let found = found_in(text);
            assert!(
                found.contains(&(EntityKind::Organization, name.into())),
                "{text}: {found:?}"
            );
        };
        org(
            "मरीज़ को रामअवतार सिंह चौहान शासकीय चिकित्सा महाविद्यालय भेजा गया।",
            "रामअवतार सिंह चौहान शासकीय चिकित्सा महाविद्यालय",
        );
        org(
            "सरदार वल्लभभाई पटेल राष्ट्रीय पुलिस अकादमी में प्रशिक्षण हुआ।",
            "सरदार वल्लभभाई पटेल राष्ट्रीय पुलिस अकादमी",
        );
        org(
            "चौधरी रामफल सिंह हरियाणा कृषि विश्वविद्यालय में मेला लगा।",
            "चौधरी रामफल सिंह हरियाणा कृषि विश्वविद्यालय",
        );
        for (text, given) in [
            ("राहुल गांधी हिंदी विश्वविद्यालय पहुंचे।", "राहुल"),
            ("छात्र रमेश कुमार हिंदी विश्वविद्यालय में पढ़ता है।", "रमेश"),
            ("राहुल सिंह केंद्रीय विश्वविद्यालय के कुलपति हैं।", "राहुल"),
            ("कुलपति प्रो. सुरेंद्र पाल शासकीय महाविद्यालय पहुंचकर बोले।", "सुरेंद्र"),
            (
                "घायल सुरेंद्र पाल शासकीय चिकित्सा महाविद्यालय रेफ़र किए गए।",
                "सुरेंद्र",
            ),
        ] {
            let found = found_in(text);
            assert!(
                !found
                    .iter()
                    .any(|f| f.0 == EntityKind::Organization && f.1.contains(given)),
                "{text}: {found:?}"
            );
            assert!(
                found
                    .iter()
                    .any(|f| f.0 == EntityKind::Person && f.1.starts_with(given)),
                "{text}: {found:?}"
            );
        }
    }
}
