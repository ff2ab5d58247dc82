//! The word classes the entity rules look at: stop words, designations, organisation and
//! place heads, surnames. The lists are data (`assets/entity-words.toml`); this module
//! folds them once and answers "what kind of word is this token" with one hash lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Deserialize;

use super::hash::{ByHash, word_hash};
use crate::text::fold::fold;

const WORDS: &str = include_str!("../../../assets/entity-words.toml");

/// `pub fn $name(hash: u64) -> bool`: whether the word whose [`word_hash`] is `hash` is one
/// of `$list`, folded into a set on first use. For the lists kept apart from the tagger's
/// feature classes (which `entity-words.toml` holds).
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub fn $name(hash: u64) -> bool {
            static CELL: WordSet = OnceLock::new();
            in_list(&CELL, $list, hash)
        }
    };
}

/// Bit flags for a token's classes.
pub type Class = u16;
pub const STOP: Class = 1;
pub const COMMON: Class = 1 << 1;
pub const CUE: Class = 1 << 2;
pub const HONORIFIC: Class = 1 << 3;
pub const ORG_HEAD: Class = 1 << 4;
/// Common given names (`रमेश`, `सुनीता`): the start of a person's name.
pub const GIVEN: Class = 1 << 5;
pub const PLACE_HEAD: Class = 1 << 6;
pub const SURNAME: Class = 1 << 7;
pub const ACRONYM_SKIP: Class = 1 << 8;
/// Words before a designation that make it generic (`दोनों नेता`, `कई मंत्री`).
pub const PLURAL: Class = 1 << 9;
pub const FACILITY: Class = 1 << 10;
pub const EPITHET: Class = 1 << 11;
/// Verbs of saying (`कहा`, `बताया`): what an unknown speaker does.
pub const SAID: Class = 1 << 12;
/// Nouns of a visit (`दौरा`, `यात्रा`): `X का दौरा करेंगे` names a place.
pub const VISIT: Class = 1 << 13;
/// English-style name links, folded as the tokenizer sees them: `सीरम इंस्टीट्यूट ऑफ इंडिया`.
const LINKS: &[&str] = &["ऑफ", "आफ", "फॉर", "फार", "of", "for"];
/// `of`/`for` inside an organisation's English-style name.
pub const LINK: Class = 1 << 15;
/// Words that end the name of a scheme or an act (`मिशन`, `अभियान`, `अधिनियम`).
pub const PROGRAMME: Class = 1 << 14;

const SAYING: &[&str] = &[
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
const VISITS: &[&str] = &["दौरा", "दौरे", "यात्रा"];
/// Verbs of going and arriving (`पहुंचे`, `रवाना`): `सुनीता जापान पहुंचीं` is someone going
/// to a place. Not a class of the tagger's features (the model was trained without it), so
/// a set apart, asked by [`goes`].
const GOING: &[&str] = &[
    "पहुंचे",
    "पहुंची",
    "पहुंचीं",
    "पहुंचा",
    "पहुंचेंगे",
    "पहुंचेंगी",
    "पहुंचेगा",
    "पहुंचेगी",
    "गए",
    "गये",
    "गई",
    "गईं",
    "गया",
    "जाएंगे",
    "जाएंगी",
    "जाएगा",
    "जाएगी",
    "जायेंगे",
    "आए",
    "आये",
    "आईं",
    "आया",
    "आएंगे",
    "आएंगी",
    "लौटे",
    "लौटीं",
    "लौटी",
    "लौटा",
    "लौटेंगे",
    "रवाना",
    "पधारे",
    "उतरे",
    "निकले",
];
/// Schemes, campaigns and laws: `स्वच्छ भारत मिशन` and `भारत सरकार अधिनियम` name the
/// programme or the act, and the place or body inside is part of that name. (Treaties are
/// not here: `पेरिस समझौता` is named after where it was signed, a real mention of Paris.)
const PROGRAMMES: &[&str] = &[
    "अभियान",
    "योजना",
    "मिशन",
    "कार्यक्रम",
    "परियोजना",
    "प्रोजेक्ट",
    "स्कीम",
    "अधिनियम",
];

/// Never part of a person's or place's name.
pub const NOT_NAME: Class = STOP | COMMON | CUE | HONORIFIC | EPITHET;

const PLURALS: &[&str] = &[
    "दोनों",
    "कई",
    "सभी",
    "अन्य",
    "कुछ",
    "ये",
    "वे",
    "इन",
    "उन",
    "तीनों",
    "चारों",
    "अनेक",
    "सारे",
    "अधिकांश",
    "ज्यादातर",
    "विभिन्न",
    "तमाम",
    "इन्हीं",
    "उन्हीं",
    "सैकड़ों",
    "हजारों",
];

#[derive(Deserialize)]
struct File {
    stop: Vec<String>,
    common: Vec<String>,
    person_cue: Vec<String>,
    honorific: Vec<String>,
    epithet: Vec<String>,
    org_head: Vec<String>,
    place_head: Vec<String>,
    facility_head: Vec<String>,
    surname: Vec<String>,
    given_name: Vec<String>,
    acronym_skip: Vec<String>,
}

/// FNV-1a: every word of every region is looked up, and these keys are short and not
/// attacker-chosen in any way that matters, so a cheap hash beats `SipHash` here.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Folded word -> classes, keyed by the word's [`word_hash`] so a token's look-up reuses
/// the hash the tokenizer made (64-bit hashes of a few thousand listed words do not meet).
#[derive(Debug, Default)]
pub struct Words {
    classes: HashMap<u64, Class, ByHash>,
}

impl Words {
    fn add(&mut self, word: &str, class: Class) {
        let w = fold(word.trim().trim_end_matches('.'));
        if !w.is_empty() {
            *self.classes.entry(word_hash(&w)).or_default() |= class;
        }
    }

    /// Every word of each entry gets the class (for stop lists).
    fn add_all(&mut self, list: &[String], class: Class) {
        for entry in list {
            for w in entry.split_whitespace() {
                self.add(w, class);
            }
        }
    }

    /// The last word of each entry gets the class (`प्रधान मंत्री` is cued by `मंत्री`).
    fn add_last(&mut self, list: &[String], class: Class) {
        for entry in list {
            if let Some(w) = entry.split_whitespace().last() {
                self.add(w, class);
            }
        }
    }

    /// The classes of a folded token (0 for an ordinary word).
    pub fn class(&self, folded: &str) -> Class {
        self.class_of_hash(word_hash(folded))
    }

    /// The classes of the word whose [`word_hash`] is `hash`.
    pub fn class_of_hash(&self, hash: u64) -> Class {
        self.classes.get(&hash).copied().unwrap_or(0)
    }
}

/// Local officials' designations (`तहसीलदार सुमन मीणा`): no part of the name after them.
/// They only trim the tagger's names; a few are designations of `entity-words.toml` too
/// (`कुलसचिव`, `जिलाध्यक्ष`), which the tagger sees as features.
const LOCAL_TITLES: &[&str] = &[
    "तहसीलदार",
    // A village head (`पूर्व प्रधान X`, trial 65); a name it ends (`धर्मेंद्र प्रधान`) keeps it.
    "प्रधान",
    "नायब",
    "थानाध्यक्ष",
    "थानेदार",
    "कोतवाल",
    "दारोगा",
    "दरोगा",
    "सिपाही",
    "कांस्टेबल",
    "हवलदार",
    "पटवारी",
    "लेखपाल",
    "कुलसचिव",
    "मंडलायुक्त",
    "जिलाध्यक्ष",
    "प्रधानाचार्य",
    "प्रधानाध्यापक",
    "प्रधानाध्यापिका",
    "एसडीएम",
    "बीडीओ",
    "डीसीपी",
    "एसीपी",
    "एडीसीपी",
    "एएसपी",
    "निरीक्षक",
    "उपनिरीक्षक",
    "एसएचओ",
    "सीओ",
    "सीएमओ",
    "सीडीओ",
    "एडीएम",
    "डीएफओ",
    "उपजिलाधिकारी",
    "अपर",
    "अतिरिक्त",
    "चिकित्सक",
    "वकील",
    "अधिवक्ता",
    "किसान",
    "छात्र",
    "छात्रा",
    "मजदूर",
    "व्यापारी",
    // District and block officers of health and schools, a junior engineer, a hostel's
    // warden, a supervisor.
    "सीएमएचओ",
    "डीईओ",
    "बीईओ",
    "बीएमओ",
    "जेई",
    "एक्सईएन",
    "वार्डन",
    "सुपरवाइजर",
    "सुपरवाइज़र",
    // An exam's or a count's supervisor, a firm's or a pump's manager, a
    // contractor, a watchman (a police rank's beat, `एसपी सिटी X`, is the tagger's
    // `police_beat`: `सिटी` alone is a word of many names).
    "पर्यवेक्षक",
    "संचालक",
    "ठेकेदार",
    "चौकीदार",
    "सफाईकर्मी",
];

/// The folded hashes of a word list, made on first use.
type WordSet = OnceLock<std::collections::HashSet<u64, ByHash>>;

/// Whether the word whose [`word_hash`] is `hash` is one of `list` (folded into `cell`
/// once).
fn in_list(cell: &'static WordSet, list: &[&str], hash: u64) -> bool {
    cell.get_or_init(|| list.iter().map(|w| word_hash(&fold(w))).collect())
        .contains(&hash)
}

/// Words that end a body's name besides the head words of `entity-words.toml` (which the
/// tagger was trained with as a feature): a survey, a foundation, a laboratory, a hospital.
const BODY: &[&str] = &[
    "सर्वेक्षण",
    "प्रतिष्ठान",
    "प्रयोगशाला",
    "लेबोरेटरी",
    "लैबोरेटरी",
    "परिसंघ",
    "अधिकरण",
    "न्यास",
    "कार्यालय",
    "चिकित्सालय",
    "हॉस्पिटल",
];

/// Short names of institutions with a campus in many towns (`आईआईटी मद्रास`, `एम्स दिल्ली`).
const CAMPUS: &[&str] = &[
    "आईआईटी",
    "आईआईएम",
    "एम्स",
    "एनआईटी",
    "आईआईआईटी",
    "आईसर",
    "एनएलयू",
    "IIT",
    "IIM",
    "AIIMS",
    "NIT",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` names an institution of many campuses.
    campus, CAMPUS
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` ends a body's name (see [`BODY`]).
    body, BODY
);

/// Words the annotated data uses five times or more and never in a person's name (see
/// `examples/train_ner.rs --ordinary`), folded, one a line.
const ORDINARY: &str = include_str!("../../../assets/ordinary-words.txt");

/// Whether the word whose [`word_hash`] is `hash` is an ordinary word (see [`ORDINARY`]):
/// the annotated data never uses it in a person's name (`भर्ती`, `शाही`).
pub fn ordinary(hash: u64) -> bool {
    static CELL: OnceLock<std::collections::HashSet<u64, ByHash>> = OnceLock::new();
    CELL.get_or_init(|| ORDINARY.lines().map(word_hash).collect())
        .contains(&hash)
}

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a local official's designation.
    local_title, LOCAL_TITLES
);

/// Honorifics written after a name (`मोदी जी`, `शर्मा साहब`): no part of it.
const AFTER_NAME: &[&str] = &["जी", "साहब", "साहेब", "सर", "भैया", "दीदी"];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is an honorific written after a name.
    after_name, AFTER_NAME
);

/// Words that describe a person before the name (`मशहूर रोहित`, `दिग्गज अभिनेता`), and
/// sentence adverbs (`आख़िरकार`): no part of it. Kept apart from the tagger's feature
/// lists, as [`LOCAL_TITLES`] are.
const DESCRIBING: &[&str] = &[
    "मशहूर",
    "प्रसिद्ध",
    "सुप्रसिद्ध",
    "विख्यात",
    "दिग्गज",
    "लोकप्रिय",
    "चर्चित",
    "नामी",
    "दिवंगत",
    "समकालीन",
    "अनुभवी",
    "प्रतिपक्ष",
    "नवनियुक्त",
    "सुप्रीमो",
    "बाहुबली",
    "निर्दलीय",
    "बागी",
    "कद्दावर",
    "आजकल",
    "आखिरकार",
    "आख़िरकार",
    "अंततः",
    "सुपरस्टार",
    "मेगास्टार",
    "प्रख्यात",
    "फायरब्रांड",
    "इनामी",
    "हिस्ट्रीशीटर",
    // `पुरुलिया निवासी बिकास महतो (29)`: a resident is no part of the name after him.
    "निवासी",
    // An age (`71 वर्षीय झा`, trial 66).
    "वर्षीय",
    // Kin and forms of address (`सास सावित्री वर्मा`, `वालिद उस्ताद नज़ीर अहमद`; some are
    // designations of `entity-words.toml` too, since 858ee51), and `जन्मे` (born: `… में जन्मे
    // नारायणन`). Trial 65. Not `अम्मा`, also how some are named (`माता अमृतानंदमयी …
    // अम्मा ने कहा`: the review).
    "सास",
    "ननद",
    "देवर",
    "जेठ",
    "जेठानी",
    "देवरानी",
    "भाभी",
    "बहनोई",
    "जीजा",
    "साला",
    "साली",
    "पुत्रवधू",
    "धर्मपत्नी",
    "भैया",
    "विधवा",
    "परिचालक",
    "बुजुर्ग",
    "वृद्ध",
    "वालिद",
    "वालिदा",
    "अब्बा",
    "उस्ताद",
    "जन्मे",
    "जन्मी",
    "जन्मीं",
    // What befell someone, as a report calls them (`घायल सौरभ को`, `लापता X की तलाश`).
    "घायल",
    "फरार",
    "लापता",
    "पीड़ित",
    "पीड़िता",
    "मृतका",
    "आरोपित",
];

/// Natural and built landmarks' words, after a name no list knows (`तीस्ता नदी`, `दिग्गी पैलेस`,
/// `दशाश्वमेध घाट`), beside the `facility_head` list. Kept apart from that list because the
/// tagger's model was trained with its words as a feature.
const LANDMARK: &[&str] = &[
    "नदी",
    "जलडमरूमध्य",
    "ग्लेशियर",
    "हिमनद",
    "पैलेस",
    "दर्रा",
    "जलप्रपात",
    "सरोवर",
    "घाट",
];

/// Words after the name of a settlement (`माघर गांव`, `महाकालपाड़ा प्रखंड`): a word of no list
/// right before one, with a postposition after it, is that place's name. Kept
/// apart from the `place_head` list, whose words are a feature of the tagger's model.
/// Not `ग्राम` (`ग्राम पंचायत`, `ग्राम सभा`) nor `मोहल्ले` (`गली मोहल्ले`): they open compounds;
/// nor `ब्लॉक`, a building's as often (`नया कैंसर ब्लॉक`); nor `निवासी`, `स्थित`, which follow
/// any noun of a place (`कॉलोनी निवासी`, `मुख्यालय स्थित`: the review).
const SETTLEMENT: &[&str] = &[
    "गांव",
    "गाँव",
    "कस्बे",
    "कस्बा",
    "क़स्बे",
    "क़स्बा",
    "प्रखंड",
    "तहसील",
    // A development block, and Maharashtra's and Gujarat's sub-district.
    "विकासखंड",
    "विकासखण्ड",
    "तालुका",
    "तालुके",
    "इलाके",
    "इलाक़े",
    "मोहल्ले",
    // Plurals: only after a list of names (see `venues::settlements`).
    "इलाकों",
    "इलाक़ों",
    "गांवों",
    "गाँवों",
    "कस्बों",
    "मोहल्लों",
    "प्रखंडों",
    "तहसीलों",
    "जिलों",
    "ज़िलों",
    "शहरों",
];

/// Kinds of home, and of those who live in one, and of site, that `निवासी`, `के रहने
/// वाले` or `स्थित` follow as they follow a place's name (`झुग्गी निवासी`, slum dwellers;
/// `फ़्लैट के रहने वाले`; `कलेक्टोरेट स्थित`): no place.
const DWELLING: &[&str] = &[
    "झुग्गी",
    "झुग्गियों",
    "मोहल्ला",
    "मोहल्ले",
    "बस्ती",
    "कैंप",
    "शिविर",
    "फ्लैट",
    "अपार्टमेंट",
    "छात्रावास",
    "क्वार्टर",
    "बंगला",
    "बंगले",
    "कोठी",
    "टावर",
    "वार्ड",
    "सेक्टर",
    "कैंपस",
    "छावनी",
    "खदान",
    "फैक्ट्री",
    "मठ",
    "डेरा",
    "अप्रवासी",
    "प्रवासी",
    "हॉस्टल",
    "वृद्धाश्रम",
    "आश्रम",
    "अनाथालय",
    "टाउनशिप",
    "सोसाइटी",
    "सोसायटी",
    "पीजी",
    "कलेक्टोरेट",
    "कलेक्ट्रेट",
    "सचिवालय",
    "परिसर",
    "कार्यालय",
    "दफ्तर",
    "मुख्यालय",
    "टर्मिनल",
    "प्लांट",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a kind of home (see [`DWELLING`]).
    dwelling, DWELLING
);

/// Words of no other list that describe a village rather than name it (`आदर्श गांव`,
/// `पैतृक गांव`).
const VILLAGE_KIND: &[&str] = &[
    "आदर्श",
    "पड़ोसी",
    "पैतृक",
    "मूल",
    "ग्लोबल",
    "स्मार्ट",
    "डिजिटल",
    "मुक्त",
    "सतत",
    "जागृत",
    "प्रबुद्ध",
    "दूर",
    "सुदूर",
    "दुर्गम",
    "पिछड़ा",
    "नजदीकी",
    "नज़दीकी",
    "आसपास",
    "सीमावर्ती",
    "पहाड़ी",
    "सक्रिय",
    "सर्वश्रेष्ठ",
    "मशहूर",
    "प्रसिद्ध",
    "विख्यात",
    "गरीब",
    "छोटा",
    "बड़ा",
    "पूरा",
    "समूचा",
    "हरेक",
    "शहरी",
    "ग्रामीण",
    "आदिवासी",
    "दलित",
    "तालुका",
    "गली",
    // Before `इलाके` (area): where it lies or what it is like (`पाकिस्तान के पश्चिमोत्तर
    // इलाक़े में`, HiNER dev).
    "पश्चिमोत्तर",
    "दक्षिणपूर्वी",
    "तटीय",
    "मैदानी",
    "रिहायशी",
    "दूरदराज",
    "अशांत",
    "नक्सल",
    "प्रभावित",
    "औद्योगिक",
    "व्यावसायिक",
    "पॉश",
    // Who lives there (`हिंदू और मुस्लिम इलाक़ों में`, `शिया और सुन्नी मोहल्लों`: review).
    "हिंदू",
    "हिन्दू",
    "मुस्लिम",
    "मुसलमान",
    "सिख",
    "ईसाई",
    "शिया",
    "सुन्नी",
    "जैन",
    "बौद्ध",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` describes a village (see [`VILLAGE_KIND`]).
    village_kind, VILLAGE_KIND
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` follows a settlement's name (see
    /// [`SETTLEMENT`]).
    settlement, SETTLEMENT
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a landmark's (see [`LANDMARK`]).
    landmark, LANDMARK
);

/// A body's generic word that stands before its name as often as in it (`सरकारी कंपनी इंडियन
/// रेयर अर्थ्स लिमिटेड`, `उद्योग संगठन फिक्की`, `कंपनी ज़ेप्टो ने`).
const DESCRIPTOR: &[&str] = &["कंपनी", "फर्म", "फ़र्म", "संगठन", "संस्था", "शाखा", "इकाई"];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a body's generic word (see
    /// [`DESCRIPTOR`]).
    descriptor, DESCRIPTOR
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` describes a person before the name.
    describes, DESCRIBING
);

/// Everyday words (in `common`, so never a name alone) and titles (`राजकुमार`, prince) that
/// are also given names: right before a family name of `surname` they are the person's
/// (`विकास चौहान`, `आशा भोसले`, `राजकुमार वर्मा`).
const ALSO_A_NAME: &[&str] = &["विकास", "आशा", "शांति", "पूजा", "कविता", "शक्ति", "राजकुमार"];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is also a given name (see [`ALSO_A_NAME`]).
    also_a_name, ALSO_A_NAME
);

/// Words after a name that make it the name of a place built or laid out there (`नेहरू
/// स्टेडियम`, `शिवाजी … हवाई अड्डा`, `महावीर नगर`): see `tagger/venues.rs`. `हवाई` only before
/// `अड्डा`.
const VENUE: &[&str] = &[
    "स्टेडियम",
    "एयरपोर्ट",
    "पोर्ट",
    "हवाई",
    "मार्ग",
    "रोड",
    "चौक",
    "पार्क",
    "भवन",
    "सेतु",
    "स्मारक",
    "कॉम्प्लेक्स",
    "नगर",
    "विहार",
    "कॉलोनी",
    "कुंज",
    "एन्क्लेव",
    "पुरम",
];

/// Of [`VENUE`], the words of a neighbourhood, which also follow a place's name (`यमुना
/// विहार`, `गांधी नगर`).
const LOCALITY: &[&str] = &["नगर", "विहार", "कॉलोनी", "कुंज", "एन्क्लेव", "पुरम"];

/// Of [`VENUE`] and beyond, the words of a road (`टोंक रोड`, `मथुरा रोड`): a road named after
/// a town runs elsewhere, most often in another city, and is no mention of the town. A
/// city's airport and station are the city's (see `tagger/venues.rs`), its road is not.
const ROAD: &[&str] = &["रोड", "मार्ग", "स्ट्रीट", "एवेन्यू", "बाईपास", "हाईवे", "एक्सप्रेसवे"];

/// Words that tie a body to a place without naming it (`दिल्ली स्थित संगठन`, a body based in
/// Delhi; `भारत विरोधी संगठन`, bodies against India): no body's name holds one.
const TIED_TO: &[&str] = &[
    "स्थित",
    "आधारित",
    "समर्थक",
    "समर्थित",
    "विरोधी",
    "प्रायोजित",
    "केंद्रित",
    "बहुल",
    "मूल",
    "प्रेमी",
    "परस्त",
    "बेस्ड",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` ties a body to a place (see
    /// [`TIED_TO`]).
    tied_to, TIED_TO
);

/// Words that may stand between a name and its venue word (`… अंतरराष्ट्रीय हवाई अड्डा`,
/// `… स्पोर्ट्स कॉम्प्लेक्स`).
const VENUE_BETWEEN: &[&str] = &[
    "अंतरराष्ट्रीय",
    "अंतर्राष्ट्रीय",
    "इंटरनेशनल",
    "स्पोर्ट्स",
    "क्रिकेट",
    "इंडोर",
    "मेमोरियल",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` makes a venue of the name before it.
    venue, VENUE
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a neighbourhood's.
    locality, LOCALITY
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a road's (see [`ROAD`]).
    road, ROAD
);

/// Words of an event or a prize (`… स्मृति संध्या`, `विजय हजारे ट्रॉफी`, `… स्मृति सभा`): no
/// body's or site's name holds one between a person and its head word, and no person's
/// name ends in one.
const EVENT: &[&str] = &[
    "संध्या",
    "समारोह",
    "सभा",
    "मैच",
    "व्याख्यान",
    "पुरस्कार",
    "सम्मान",
    "प्रतियोगिता",
    "टूर्नामेंट",
    "ट्रॉफी",
    "कप",
    "चैंपियनशिप",
    "मेला",
    "उत्सव",
    "महोत्सव",
    "दौड़",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` names an event or a prize (see
    /// [`EVENT`]).
    event, EVENT
);

/// Words after a place's name that make another place of it, apart from the place: a
/// building named after a state or a country, most often elsewhere (`बिहार भवन` and
/// `हैदराबाद हाउस` are in Delhi, `भारत भवन` in Bhopal), and a strait (`ताइवान
/// जलडमरूमध्य` is not Taiwan; `पाक जलडमरूमध्य` is Palk's, not Pakistan's). As a road
/// named after a town is no mention of the town (see [`ROAD`]).
const NAMED_APART: &[&str] = &["भवन", "हाउस", "जलडमरूमध्य"];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` makes a place named after another
    /// apart from it (see [`NAMED_APART`]).
    named_apart, NAMED_APART
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` may stand inside a venue's name.
    venue_between, VENUE_BETWEEN
);

/// Verbs of saying in a headline's form after a name (`ज़ेलेंस्की बोले- …`): no part of it.
const SPOKE: &[&str] = &["बोले", "बोलीं", "बोला"];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a headline's verb of saying.
    spoke, SPOKE
);

/// English business words that name a company whatever stands before them (`धर्मा
/// प्रोडक्शंस`, `खंडेलवाल इंडस्ट्रीज`): they are hardly used but in a company's name.
const COMPANY: &[&str] = &[
    "इंडस्ट्रीज",
    "इंडस्ट्रीज़",
    "एंटरप्राइजेज",
    "एंटरप्राइजेज़",
    "एंटरप्राइज़ेज़",
    "प्रोडक्शंस",
    "प्रोडक्शन्स",
    "पिक्चर्स",
    "स्टूडियोज",
    "स्टूडियोज़",
    "मोटर्स",
    "फिनसर्व",
    "होल्डिंग्स",
    "वेंचर्स",
    "टेक्नोलॉजीज",
    "टेक्नोलॉजीज़",
    "सॉल्यूशंस",
    "सॉल्यूशन्स",
    "फार्मास्युटिकल्स",
    "पब्लिकेशंस",
    "पब्लिकेशन्स",
    "लेबोरेटरीज",
    "लैबोरेटरीज",
    "टेक्सटाइल्स",
    "ब्रदर्स",
    "एसोसिएट्स",
    "पार्टनर्स",
    "कम्युनिकेशंस",
    "कम्युनिकेशन्स",
    "इन्वेस्टमेंट्स",
    "सिक्योरिटीज",
    "सिक्योरिटीज़",
    "एडवाइजर्स",
    "एडवाइज़र्स",
    "नेटवर्क्स",
    "सिस्टम्स",
    "केमिकल्स",
    "फूड्स",
    "फ़ूड्स",
    "इंफ्राटेक",
    "इन्फ्राटेक",
    "कंस्ट्रक्शंस",
    "कंस्ट्रक्शन्स",
    "बिल्डकॉन",
    "ट्रैवल्स",
    "ऑटोमोबाइल्स",
    "एग्रोटेक",
];

/// Business words that are also ordinary nouns (`हेल्थ इंश्योरेंस`, `पर्सनल फाइनेंस`,
/// `बॉलीवुड फिल्म्स`): they make a company of a name already found (`रमेश भाटी फाइनेंस`), and
/// of words of no list only after a company's generic word or before another business word
/// (`कंपनी मैडॉक फ़िल्म्स`, `जियोजित फ़ाइनेंशियल सर्विसेज़`), never of a [`TOPIC`] word.
const BUSINESS_NOUN: &[&str] = &[
    "फाइनेंस",
    "फ़ाइनेंस",
    "फाइनेंशियल",
    "फ़ाइनेंशियल",
    "फिल्म्स",
    "फ़िल्म्स",
    "फार्मा",
    "फ़ार्मा",
    "बिल्डर्स",
    "डेवलपर्स",
    "एक्सपोर्ट्स",
    "ट्रेडर्स",
    "प्रिंटर्स",
    "ज्वेलर्स",
    "लैब्स",
    "एयरलाइंस",
    "एयरलाइन्स",
    "एयरवेज",
    "एयरवेज़",
    "पोर्ट्स",
    "ब्रोकर्स",
    "कंसल्टेंट्स",
    "इंश्योरेंस",
    "एश्योरेंस",
    "कैपिटल",
    "इलेक्ट्रॉनिक्स",
    "मटीरियल्स",
    "लॉजिस्टिक्स",
    "रियल्टी",
    "एनर्जी",
    "टेक्नोलॉजी",
    "पावर",
    "एयरोस्पेस",
    "प्लेटफॉर्म्स",
    "प्लेटफ़ॉर्म्स",
];

/// English words of a field or a kind of business, written as they sound, that stand before
/// a business word in a phrase, not in a name (`कंपनी ग्रीन एनर्जी के क्षेत्र में`, `हेल्थ
/// इंश्योरेंस क्लेम`, `वर्किंग कैपिटल`: the review).
const TOPIC: &[&str] = &[
    "ग्रीन",
    "क्लीन",
    "सोलर",
    "रिन्यूएबल",
    "हेल्थ",
    "लाइफ",
    "मोटर",
    "होम",
    "पर्सनल",
    "माइक्रो",
    "वर्किंग",
    "शॉर्ट",
    "लॉन्ग",
    "टर्म",
    "कस्टमर",
    "डिजिटल",
    "सोशल",
    "ट्रैवल",
    "एजुकेशन",
    "हाउसिंग",
    "कंज्यूमर",
    "कंज़्यूमर",
    "रिटेल",
    "क्रॉप",
    "मेडिकल",
    "वेंचर",
    "प्राइवेट",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` names a field (see [`TOPIC`]).
    topic, TOPIC
);

/// Words that go on a company's name after its business word (`… फाइनेंशियल सर्विसेज`,
/// `… प्राइवेट लिमिटेड`) but make none by themselves (`सिविल सर्विसेज`, `दिल्ली
/// इंटरनेशनल एयरपोर्ट`, `व्हाट्सऐप ग्रुप`); `ग्रुप` after a person is the person's group.
const COMPANY_TAIL: &[&str] = &["सर्विसेज", "सर्विसेज़", "प्राइवेट", "लिमिटेड", "इंटरनेशनल", "ग्रुप"];

/// How a word may stand in a company's name (see [`COMPANY`], [`BUSINESS_NOUN`] and
/// [`COMPANY_TAIL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Business {
    Company,
    Noun,
    Tail,
}

/// How the word whose [`word_hash`] is `hash` may stand in a company's name.
pub fn business(hash: u64) -> Option<Business> {
    static CELL: OnceLock<std::collections::HashMap<u64, Business, ByHash>> = OnceLock::new();
    CELL.get_or_init(|| {
        let lists = [
            (COMPANY, Business::Company),
            (BUSINESS_NOUN, Business::Noun),
            (COMPANY_TAIL, Business::Tail),
        ];
        lists
            .iter()
            .flat_map(|(words, how)| words.iter().map(|w| (word_hash(&fold(w)), *how)))
            .collect()
    })
    .get(&hash)
    .copied()
}

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a verb of going or arriving.
    goes, GOING
);

/// The shipped word lists, folded.
///
/// # Panics
/// If the embedded list is malformed, which the test suite rules out.
pub fn words() -> &'static Words {
    static WORDS_CELL: OnceLock<Words> = OnceLock::new();
    WORDS_CELL.get_or_init(|| {
        let f: File = toml::from_str(WORDS).expect("embedded entity-words.toml is valid");
        let mut w = Words::default();
        w.add_all(&f.stop, STOP);
        w.add_all(&f.common, COMMON);
        w.add_last(&f.person_cue, CUE);
        w.add_all(&f.honorific, HONORIFIC);
        w.add_all(&f.epithet, EPITHET);
        w.add_last(&f.org_head, ORG_HEAD);
        w.add_last(&f.place_head, PLACE_HEAD);
        w.add_last(&f.facility_head, FACILITY);
        w.add_all(&f.surname, SURNAME);
        w.add_all(&f.given_name, GIVEN);
        for a in &f.acronym_skip {
            w.add(a, ACRONYM_SKIP);
        }
        for p in PLURALS {
            w.add(p, PLURAL);
        }
        for p in SAYING {
            w.add(p, SAID);
        }
        for p in VISITS {
            w.add(p, VISIT);
        }
        for p in LINKS {
            w.add(p, LINK);
        }
        for p in PROGRAMMES {
            w.add(p, PROGRAMME);
        }
        w
    })
}

/// Words that make a compound with `ग्राम` or `गांव` (`ग्राम चौपाल`, a village meeting; `ग्राम
/// सेविका`, a village worker; `गांव देहात`, the countryside): no village's name after them.
const VILLAGE_COMPOUND: &[&str] = &[
    "चौपाल",
    "कचहरी",
    "पटवारी",
    "स्वराज",
    "स्वराज्य",
    "सुराज",
    "भ्रमण",
    "सखी",
    "सेविका",
    "सेवक",
    "देहात",
    "प्रहरी",
    "रक्षक",
    "मित्र",
    "उदय",
    "संपर्क",
    "चौकीदार",
    "कोतवाल",
    "सचिवालय",
    "न्यायालय",
    "स्वच्छता",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` makes a compound with `ग्राम` (see
    /// [`VILLAGE_COMPOUND`]).
    village_compound, VILLAGE_COMPOUND
);

/// Words of what is someone's (`गांव मोहन के घर`): a name before their genitive is a
/// person's.
const OWNED: &[&str] = &[
    "घर",
    "मकान",
    "दुकान",
    "बेटा",
    "बेटे",
    "बेटी",
    "पिता",
    "पत्नी",
    "पति",
    "परिवार",
    "भाई",
    "बहन",
    "मां",
    "बच्चे",
    "बच्चों",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is of what is someone's (see [`OWNED`]).
    owned, OWNED
);

/// Words that count or measure what follows (`तीन सौ ग्राम`, `कुछ ग्राम`, a weight; `सात बैच`).
const QUANTITY: &[&str] = &[
    "कुछ",
    "कई",
    "एक",
    "दो",
    "तीन",
    "चार",
    "पांच",
    "छह",
    "छः",
    "सात",
    "आठ",
    "नौ",
    "दस",
    "ग्यारह",
    "बारह",
    "पंद्रह",
    "बीस",
    "पच्चीस",
    "तीस",
    "चालीस",
    "पचास",
    "सौ",
    "सैकड़ों",
    "हजार",
    "हज़ारों",
    "हजारों",
    "लाख",
    "लाखों",
    "करोड़",
    "डेढ़",
    "ढाई",
    "आधा",
    "आधे",
    "सवा",
    "किलो",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` counts or measures (see [`QUANTITY`]).
    quantity_word, QUANTITY
);

/// Words that say what a market sells or how (`थोक बाजार`, wholesale; `कृषि उपज मंडी`;
/// `स्मार्टफोन बाजार`, a trade), or what kind a road, a junction or a ground is (`लिंक रोड`,
/// `सर्विस रोड`, `खेल मैदान`): no site's name.
const SITE_KIND: &[&str] = &[
    "थोक",
    "फुटकर",
    "खुदरा",
    "मिनी",
    "उपज",
    "अनाज",
    "सब्जी",
    "फल",
    "मछली",
    "कृषि",
    "शेयर",
    "पूंजी",
    "मुद्रा",
    "घरेलू",
    "काला",
    "हाट",
    "साप्ताहिक",
    "मुख्य",
    "सुपर",
    "ऑनलाइन",
    "सराफा",
    "सर्राफा",
    "कपड़ा",
    "किराना",
    "पशु",
    "फूल",
    "सट्टा",
    "स्मार्टफोन",
    "मोबाइल",
    "ऑटो",
    "कमोडिटी",
    "बॉन्ड",
    "रियल्टी",
    "प्रॉपर्टी",
    "ई-कॉमर्स",
    "वैश्विक",
    "विदेशी",
    "भारतीय",
    "स्थानीय",
    "लिंक",
    "सर्विस",
    "संपर्क",
    "बाईपास",
    "बायपास",
    "फोरलेन",
    "कच्ची",
    "पक्की",
    "कच्चा",
    "पक्का",
    "प्रमुख",
    "व्यस्त",
    "खेल",
    "फुटबॉल",
    "क्रिकेट",
    "हॉकी",
    "कबड्डी",
    "कुश्ती",
    "तीरंदाजी",
    "बैडमिंटन",
    "वॉलीबॉल",
    "बास्केटबॉल",
    "खुले",
    "खुला",
    "चुनावी",
    "युद्ध",
    "जंग",
    "रण",
    "हरे",
    "हरा",
    "रेतीले",
    "मध्य",
    "बीच",
    // A road's surface, size or state (`सीसी रोड`, `मेन चौक`, `जर्जर रोड`, `विशाल मैदान`).
    "मेन",
    "सीसी",
    "पीसीसी",
    "डामर",
    "विशाल",
    "बदहाल",
    "खस्ताहाल",
    "जर्जर",
    "सुनसान",
    "ऊबड़खाबड़",
    "टूटी",
    "टूटे",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` says what kind a site is (see
    /// [`SITE_KIND`]).
    site_kind, SITE_KIND
);

/// Sports, as a medal list names them in brackets after the winner (`X (कुश्ती)`): see
/// `tagger/people.rs`, `before_sport`. Words of other senses too (`शूटिंग`, a film's; `दौड़`,
/// a race of any kind) are in [`SPORT_PART`], which counts only beside another.
const SPORT: &[&str] = &[
    "कुश्ती",
    "तीरंदाजी",
    "मुक्केबाजी",
    "बॉक्सिंग",
    "निशानेबाजी",
    "तैराकी",
    "बैडमिंटन",
    "टेनिस",
    "हॉकी",
    "क्रिकेट",
    "फुटबॉल",
    "कबड्डी",
    "भारोत्तोलन",
    "वेटलिफ्टिंग",
    "पावरलिफ्टिंग",
    "एथलेटिक्स",
    "जिम्नास्टिक",
    "जिम्नास्टिक्स",
    "जूडो",
    "कराटे",
    "ताइक्वांडो",
    "वुशु",
    "शतरंज",
    "स्क्वैश",
    "गोल्फ",
    "घुड़सवारी",
    "नौकायन",
    "रोइंग",
    "कयाकिंग",
    "साइक्लिंग",
    "साइकिलिंग",
    "तलवारबाजी",
    "फेंसिंग",
    "स्प्रिंट",
    "मैराथन",
    "स्टीपलचेज",
    "हेप्टाथलॉन",
    "डेकाथलॉन",
    "ट्रायथलॉन",
    "बिलियर्ड्स",
    "स्नूकर",
    "वॉलीबॉल",
    "बास्केटबॉल",
    "हैंडबॉल",
];

/// Words of a sport's event, which name one only with another (`भाला फेंक`, `टेबल टेनिस`,
/// `ऊंची कूद`, `एयर राइफल`).
const SPORT_PART: &[&str] = &[
    "भाला",
    "चक्का",
    "गोला",
    "फेंक",
    "कूद",
    "ऊंची",
    "लंबी",
    "दौड़",
    "बाधा",
    "टेबल",
    "शूटिंग",
    "एयर",
    "राइफल",
    "पिस्टल",
    "ट्रैप",
    "स्कीट",
    "फ्रीस्टाइल",
    "मीटर",
    "रिले",
    "पैरा",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` names a sport (see [`SPORT`]).
    sport, SPORT
);

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` is a word of a sport's event (see
    /// [`SPORT_PART`]).
    sport_part, SPORT_PART
);

/// The words the village and site rules start from (`tagger/villages.rs`,
/// `tagger/sites.rs`): each word is asked by its hash first, as text compares at every word
/// cost 2% of extraction.
const VILLAGE_OR_SITE: &[&str] = &[
    "गांव",
    "ग्राम",
    "सरपंच",
    "उपसरपंच",
    "ग्रामीण",
    "ग्रामीणों",
    "ग्रामवासी",
    "मुखिया",
    "खुर्द",
    "कलां",
    "नगला",
    "नंगला",
    "मोड़",
    "चौराहा",
    "चौराहे",
    "तिराहा",
    "तिराहे",
    "मंडी",
    "बाज़ार",
    "बस",
    "मेट्रो",
    "चौक",
    "रोड",
    "मैदान",
];

word_set!(
    /// Whether the word whose [`word_hash`] is `hash` may start a village or site rule (see
    /// [`VILLAGE_OR_SITE`]).
    village_or_site, VILLAGE_OR_SITE
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_classes() {
        let w = words();
        assert_ne!(w.class("ने") & STOP, 0);
        assert_ne!(w.class(&fold("प्रवक्ता")) & CUE, 0);
        assert_ne!(w.class("मंत्रालय") & ORG_HEAD, 0);
        assert_ne!(w.class("सरकार") & ORG_HEAD, 0);
        assert_ne!(w.class("सिंह") & SURNAME, 0);
        assert_ne!(w.class("सुनीता") & GIVEN, 0);
        assert_ne!(w.class("डा") & HONORIFIC, 0, "डॉ. folds to डा");
        assert_eq!(w.class("पेस्कोव"), 0);
        assert!(goes(word_hash(&fold("पहुँचे"))), "folded like the text");
        assert!(!goes(word_hash("ने")));
    }

    /// The ordinary words are the annotated data's everyday words, never a name's: no
    /// family or given name of the lists is one, and every line is a folded word.
    #[test]
    fn ordinary_words_are_no_names() {
        for word in ["भर्ती", "परीक्षा", "अंदाज", "शाही", "सरकारी"]
        {
            assert!(ordinary(word_hash(&fold(word))), "{word}");
        }
        for word in ["मोदी", "सिंह", "शर्मा", "पुतिन", "सरकार"]
        {
            assert!(!ordinary(word_hash(&fold(word))), "{word}");
        }
        let file: File = toml::from_str(WORDS).unwrap();
        for name in file.surname.iter().chain(&file.given_name) {
            assert!(!ordinary(word_hash(&fold(name))), "{name} is a name");
        }
        for line in ORDINARY.lines() {
            assert!(
                !line.is_empty() && !line.contains(' ') && fold(line) == line,
                "{line:?}"
            );
        }
    }
}
