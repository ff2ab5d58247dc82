//! Entities of the five seed articles, as a careful reader lists them after reading each
//! page by hand: the people, places and organisations named in the article (title,
//! byline, body), their merged aliases, and nothing from site chrome (related headlines,
//! tag lines, "read also" links, app banners).

use khabar::corpus::{self, Article};
use khabar::extract::analyse;
use khabar::extract::entities::{Entity, EntityKind};

use EntityKind::{Organization as O, Person as P, Place as L};

fn seed(prefix: &str) -> (Article, Vec<Entity>) {
    let a = corpus::seeds()
        .into_iter()
        .find(|a| a.path.contains(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    let entities = analyse(&a).entities;
    (a, entities)
}

#[track_caller]
fn has<'a>(entities: &'a [Entity], kind: EntityKind, name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.kind == kind && e.name == name)
        .unwrap_or_else(|| {
            let all: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
            panic!("no {kind:?} {name:?} among {all:?}")
        })
}

#[track_caller]
fn expect_all(entities: &[Entity], list: &[(EntityKind, &str)]) {
    for (kind, name) in list {
        has(entities, *kind, name);
    }
}

#[track_caller]
fn absent(entities: &[Entity], names: &[&str]) {
    for n in names {
        assert!(
            !entities
                .iter()
                .any(|e| e.name == *n || e.aliases.iter().any(|a| a == n)),
            "{n} must not be reported"
        );
    }
}

#[track_caller]
fn aliases_include(e: &Entity, forms: &[&str]) {
    for f in forms {
        assert!(
            e.aliases.iter().any(|a| a == f),
            "{} lacks alias {f:?}: {:?}",
            e.name,
            e.aliases
        );
    }
}

/// Checks shared by every seed: mentions are inside content, never in chrome, and their
/// bytes are a name without a trailing postposition.
fn check_mentions(a: &Article, entities: &[Entity]) {
    let regions = a.content_regions();
    for e in entities {
        for m in &e.mentions {
            assert!(
                regions.iter().any(|r| r.contains(*m)),
                "{} outside content",
                e.name
            );
            assert!(!a.in_chrome(*m), "{} mentioned in chrome", e.name);
            let t = m.of(&a.text);
            assert!(
                !t.ends_with(" ने") && !t.ends_with(" के") && !t.ends_with(" की"),
                "{t:?}"
            );
        }
    }
}

#[test]
fn seed_000_jagran_putin_visit_plan() {
    let (a, e) = seed("000_");
    check_mentions(&a, &e);
    expect_all(
        &e,
        &[
            (P, "व्लादिमीर पुतिन"),
            (P, "किम जोंग उन"),
            (P, "दमित्री पेस्कोव"),
            (P, "चोए सोन हुई"),
            (P, "बोरिस येल्तसिन"),
            (L, "रूस"),
            (L, "उत्तर कोरिया"),
            (L, "सियोल"),
            (L, "प्योंगयांग"),
            (L, "मॉस्को"),
            (L, "अमेरिका"),
            (O, "रॉयटर्स"),
            (O, "कोरियन सेंट्रल न्यूज़ एजेंसी"),
        ],
    );
    aliases_include(has(&e, P, "व्लादिमीर पुतिन"), &["Vladimir Putin", "पुतिन"]);
    aliases_include(has(&e, P, "किम जोंग उन"), &["किम", "किम जोंग"]);
    aliases_include(has(&e, L, "उत्तर कोरिया"), &["North Korea"]);
    aliases_include(has(&e, O, "रॉयटर्स"), &["रायटर"]);
    aliases_include(has(&e, O, "कोरियन सेंट्रल न्यूज़ एजेंसी"), &["केसीएनए"]);
    // The app banner names the outlet; the byline credits staff (`analyse` reads no
    // names from the byline: it is about who wrote the page, not the news).
    absent(&e, &["दैनिक जागरण", "Agency", "Sonu Gupta"]);
    // Demonyms are not places: "रूसी नेता" does not add a mention of Russia.
    let russia = has(&e, L, "रूस");
    assert!(russia.mentions.iter().all(|m| m.of(&a.text) == "रूस"));
}

#[test]
fn seed_001_kcna_invitation() {
    let (a, e) = seed("001_");
    check_mentions(&a, &e);
    expect_all(
        &e,
        &[
            (P, "व्लादिमीर पुतिन"),
            (P, "किम जोंग उन"),
            (L, "प्योंगयांग"),
            (L, "उत्तर कोरिया"),
            (L, "दक्षिण कोरिया"),
            (L, "व्लादिवोस्तोक"),
            (L, "रूस"),
            (L, "अमेरिका"),
            (L, "जापान"),
            (L, "मॉस्को"),
            (O, "कोरियन सेंट्रल न्यूज़ एजेंसी"),
            (O, "योनहाप"),
        ],
    );
    aliases_include(has(&e, P, "किम जोंग उन"), &["किम जोंग-उन", "किम"]);
    aliases_include(has(&e, P, "व्लादिमीर पुतिन"), &["पुतिन"]);
    aliases_include(has(&e, L, "मॉस्को"), &["मास्को"]);
    aliases_include(has(&e, O, "कोरियन सेंट्रल न्यूज़ एजेंसी"), &["केसीएनए"]);
    // Every "किम" of the article is Kim Jong Un: one entity, many mentions.
    assert!(has(&e, P, "किम जोंग उन").mentions.len() >= 8);
    assert_eq!(
        e.iter().filter(|x| x.kind == P).count(),
        2,
        "only Putin and Kim are named"
    );
}

#[test]
fn seed_002_summit_in_pyongyang() {
    let (a, e) = seed("002_");
    check_mentions(&a, &e);
    expect_all(
        &e,
        &[
            (P, "व्लादिमीर पुतिन"),
            (P, "किम जोंग उन"),
            (P, "सर्गेई लावरोव"),
            (L, "उत्तर कोरिया"),
            (L, "रूस"),
            (L, "प्योंगयांग"),
            (L, "अमेरिका"),
            (L, "दक्षिण कोरिया"),
            (L, "यूक्रेन"),
            (O, "संयुक्त राष्ट्र"),
            (O, "कोरियन सेंट्रल न्यूज़ एजेंसी"),
        ],
    );
    aliases_include(has(&e, P, "व्लादिमीर पुतिन"), &["Vladimir Putin", "पुतिन"]);
    aliases_include(has(&e, L, "उत्तर कोरिया"), &["North Korea"]);
    aliases_include(has(&e, P, "सर्गेई लावरोव"), &["सर्जई लावरोव"]);
    // "Update: 2024-06-19" is a byline label, not a dateline place.
    absent(&e, &["Update"]);
}

#[test]
fn seed_003_letter_and_related_headlines() {
    let (a, e) = seed("003_");
    check_mentions(&a, &e);
    expect_all(
        &e,
        &[
            (P, "व्लादिमीर पुतिन"),
            (P, "किम जोंग उन"),
            (L, "रूस"),
            (L, "उत्तर कोरिया"),
            (L, "सियोल"),
            (L, "प्योंगयांग"),
            (L, "जापान"),
            (L, "अमेरिका"),
            (L, "यूक्रेन"),
            (L, "मॉस्को"),
            (L, "कोरियाई प्रायद्वीप"),
            (O, "कोरियन सेंट्रल न्यूज़ एजेंसी"),
        ],
    );
    aliases_include(has(&e, L, "अमेरिका"), &["संयुक्त राज्य अमेरिका"]);
    // The byline's author is neither reported nor mistaken for the hill town of her name.
    absent(&e, &["मनाली", "मनाली रस्तोगी"]);
    // Names only in the related headlines and "more from world" lists after the article.
    absent(
        &e,
        &[
            "शशि थरूर",
            "राहुल गांधी",
            "नरेंद्र मोदी",
            "मोदी",
            "मल्लिकार्जुन खड़गे",
            "भारत",
            "पहलगाम",
            "फ़्रांस",
            "पाकिस्तान",
            "सिंध",
            "यूरोप",
        ],
    );
    // The tag line glues names together ("व्लादिमीर पुतिनकिम जोंग उन..."): nothing from it.
    let tags = a.text.find("टॅग्स").expect("tag line present");
    assert!(
        e.iter()
            .flat_map(|x| &x.mentions)
            .all(|m| m.end <= tags || m.start > tags + 300)
    );
}

#[test]
fn seed_004_nhk_report() {
    let (a, e) = seed("004_");
    check_mentions(&a, &e);
    expect_all(
        &e,
        &[
            (P, "व्लादिमीर पुतिन"),
            (P, "किम जोंग उन"),
            (L, "मॉस्को"),
            (L, "उत्तर कोरिया"),
            (L, "रूस"),
            (L, "अमेरिका"),
            (L, "दक्षिण कोरिया"),
            (L, "यूक्रेन"),
            (L, "चीन"),
            (L, "व्लादिवोस्तोक"),
            (L, "वियतनाम"),
            (O, "कोरियन सेंट्रल न्यूज़ एजेंसी"),
            (O, "एनएचके"),
        ],
    );
    aliases_include(has(&e, P, "किम जोंग उन"), &["किम जोंग", "किम"]);
    aliases_include(has(&e, L, "मॉस्को"), &["मास्को"]);
}

#[test]
fn one_id_per_person_across_the_seeds() {
    let ids: Vec<String> = ["000_", "001_", "002_", "003_", "004_"]
        .iter()
        .map(|p| has(&seed(p).1, P, "व्लादिमीर पुतिन").id.clone())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
}
