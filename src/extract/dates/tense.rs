//! The tense of the clause a date stands in, read from the verb that follows it.
//!
//! Hindi puts the verb at the end of the clause, so the words between a date and the
//! next sentence or clause break decide whether "सोमवार" was last Monday or next Monday
//! and whether "कल" was yesterday or is tomorrow.

use std::collections::VecDeque;

use super::lexer::is_word_char;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// No verb form said; news reports the past, so callers read this as past.
    Unknown,
    /// `26 अक्टूबर तक बंद कर दिया है`: a deadline before a present perfect, a state that holds
    /// now, so the date may lie on either side of the publication (`तक 200 मामले दर्ज किए
    /// गए हैं` counts up to a day past): a month and day take the year that puts them nearest
    /// the publication; weekdays and relative days read it as past. Not after a word of a
    /// task done (`मार्च तक काम पूरा कर दिया है`: by a March gone).
    Until,
}

const PAST: [&str; 24] = [
    "था",
    "थी",
    "थे",
    "थीं",
    "गया",
    "गई",
    "गए",
    "गयी",
    "गये",
    "चुका",
    "चुकी",
    "चुके",
    "हुआ",
    "हुई",
    "दिया",
    "दी",
    "दीं",
    "लिया",
    "किया",
    "कहा",
    "बताया",
    "was",
    "were",
    "said",
];

/// Words that end the clause a date belongs to.
const CLAUSE_BREAKS: [&str; 7] = ["कि", "लेकिन", "जबकि", "क्योंकि", "परंतु", "मगर", "but"];

/// Nouns and participles that, before है, put an event ahead: "उम्मीद है", "वाले हैं".
const PROSPECTIVE: [&str; 8] = [
    "वाले",
    "वाला",
    "वाली",
    "उम्मीद",
    "संभावना",
    "आशा",
    "योजना",
    "तैयारी",
];

const FUTURE_WORDS: [&str; 6] = ["होगा", "होगी", "होंगे", "होंगी", "होगे", "will"];

/// How far the look-ahead reads: the verb that governs a date stands within a few words of
/// it, and a bound on both words and bytes keeps the work per mention constant however long
/// the sentence runs (a sentence of 64,000 weekdays was quadratic when each looked to its end).
const LOOKAHEAD_WORDS: usize = 30;
const LOOKAHEAD_BYTES: usize = 2048;

/// Adjectives of the future ("अगले", "आगामी") say less than a verb: "7 जून को अगले चुनाव का
/// समर्थन किया" is past. They decide only when no verb follows.
const FUTURE_ADJECTIVES: [&str; 2] = ["अगले", "आगामी"];

/// What a word can mean to the look-ahead, as bits.
mod flag {
    pub const BREAK: u32 = 1;
    pub const PROSPECTIVE: u32 = 1 << 1;
    /// है, हैं, हूं, हो.
    pub const PRESENT: u32 = 1 << 2;
    pub const JA: u32 = 1 << 3;
    /// रहा, रही, रहे.
    pub const CONTINUOUS: u32 = 1 << 4;
    pub const PAST: u32 = 1 << 5;
    pub const FUTURE_ADJECTIVE: u32 = 1 << 6;
    pub const FUTURE_WORD: u32 = 1 << 7;
    pub const FUTURE_VERB: u32 = 1 << 8;
    /// Not a word: the sentence ends here.
    pub const SENTENCE_END: u32 = 1 << 9;
    /// An oblique infinitive (होने, करने): before वाला, something about to happen.
    pub const INFINITIVE: u32 = 1 << 10;
    /// वाला, वाली, वाले.
    pub const WALA: u32 = 1 << 11;
    /// सकता, सकती, सकते: "can, may".
    pub const MODAL: u32 = 1 << 12;
    /// A subjunctive or polite imperative (करें, जाएं): asked for or hoped, so ahead.
    pub const SUBJUNCTIVE: u32 = 1 << 13;
    /// तो: "… हुई तो …", the condition before it is not a past event.
    pub const THEN: u32 = 1 << 14;
    /// तक: "until, by".
    pub const UNTIL: u32 = 1 << 15;
    /// पूरा, खत्म, समाप्त: a task done, so `तक` is "by" a date gone.
    pub const DONE: u32 = 1 << 16;
}

/// Subjunctive and polite imperative forms of common verbs: "31 जुलाई तक यात्रा न करें"
/// asks for something ahead. A closed list: the ending -ें/-एं alone is also the plural of
/// nouns (बातें, योजनाएं).
const SUBJUNCTIVE: [&str; 22] = [
    "करें",
    "कराएं",
    "जाएं",
    "जाएँ",
    "जायें",
    "रहें",
    "लें",
    "दें",
    "आएं",
    "आएँ",
    "आयें",
    "रखें",
    "बचें",
    "चलें",
    "हों",
    "भेजें",
    "पहुंचें",
    "पहुँचें",
    "बनें",
    "लौटें",
    "निकलें",
    "मिलें",
];

fn flags(word: &str) -> u32 {
    let mut f = 0;
    let mut set = |on: bool, bit: u32| {
        if on {
            f |= bit;
        }
    };
    set(CLAUSE_BREAKS.contains(&word), flag::BREAK);
    set(PROSPECTIVE.contains(&word), flag::PROSPECTIVE);
    set(matches!(word, "है" | "हैं" | "हूं" | "हो"), flag::PRESENT);
    set(word == "जा", flag::JA);
    set(matches!(word, "रहा" | "रही" | "रहे"), flag::CONTINUOUS);
    set(PAST.contains(&word), flag::PAST);
    set(FUTURE_ADJECTIVES.contains(&word), flag::FUTURE_ADJECTIVE);
    set(FUTURE_WORDS.contains(&word), flag::FUTURE_WORD);
    set(is_future_verb(word), flag::FUTURE_VERB);
    // Not the adverbs and adjectives in -ने (`सामने वाला घर`, `पुराने वाले`).
    set(
        word.strip_suffix("ने")
            .is_some_and(|stem| stem.chars().count() >= 2)
            && !matches!(word, "सामने" | "पुराने" | "अपने" | "कोने" | "सुहाने" | "दाने"),
        flag::INFINITIVE,
    );
    set(matches!(word, "वाला" | "वाली" | "वाले"), flag::WALA);
    set(matches!(word, "सकता" | "सकती" | "सकते"), flag::MODAL);
    // Every form listed ends in a nasal sign: most words are passed at one comparison.
    set(
        word.ends_with(['ं', 'ँ']) && SUBJUNCTIVE.contains(&word),
        flag::SUBJUNCTIVE,
    );
    set(matches!(word, "तो" | "then"), flag::THEN);
    set(word == "तक", flag::UNTIL);
    set(
        matches!(word, "पूरा" | "पूरी" | "पूरे" | "खत्म" | "ख़त्म" | "समाप्त"),
        flag::DONE,
    );
    f
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    flags: u32,
}

/// The words of one region, read and classified once: every date in the region looks
/// ahead over these flags instead of reading the text again, which in a sentence made
/// of date words is most of the work. Words are read only as far as the look-ahead needs
/// and let go once the dates have passed them, so a sentence of 50 MB holds a few dozen.
pub(super) struct Clauses<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Where reading stopped, and where the word being read began.
    read: usize,
    word_start: Option<usize>,
    /// The words read and not yet passed, in text order.
    words: VecDeque<Word>,
    /// How many of `words` are sentence ends.
    ends: usize,
    /// The last position asked about: the words before it are gone.
    passed: usize,
}

impl<'t> Clauses<'t> {
    /// The words of `text[start..end]`; both ends must be char boundaries.
    pub(super) fn new(text: &'t str, start: usize, end: usize) -> Self {
        Self {
            text,
            start,
            end,
            read: start,
            word_start: None,
            words: VecDeque::new(),
            ends: 0,
            passed: start,
        }
    }

    /// Reads on until a word (or a sentence end) is complete; `false` at the region's end.
    fn read_word(&mut self) -> bool {
        let held = self.words.len();
        while self.words.len() == held {
            let Some(c) = self.text[self.read..self.end].chars().next() else {
                if let Some(s) = self.word_start.take() {
                    self.push(s, self.end, flags(&self.text[s..self.end]));
                    return true;
                }
                return false;
            };
            let i = self.read;
            self.read += c.len_utf8();
            let ends = match c {
                '।' | '॥' | '?' | '!' | '|' | '\n' => true,
                '.' => self.text[self.read..self.end]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace),
                _ => false,
            };
            if ends || !is_word_char(c) {
                if let Some(s) = self.word_start.take() {
                    self.push(s, i, flags(&self.text[s..i]));
                }
                if ends {
                    self.push(i, i, flag::SENTENCE_END);
                }
            } else if self.word_start.is_none() {
                self.word_start = Some(i);
            }
        }
        true
    }

    fn push(&mut self, start: usize, end: usize, flags: u32) {
        self.ends += usize::from(flags == flag::SENTENCE_END);
        self.words.push_back(Word { start, end, flags });
    }

    /// Whether the words held decide the look-ahead from `from`: the sentence ends, or
    /// enough words, or a word beyond the byte bound.
    fn holds_look_ahead(&self, from: usize) -> bool {
        self.ends > 0
            || self.words.len() >= LOOKAHEAD_WORDS
            || self
                .words
                .back()
                .is_some_and(|w| w.start >= from + LOOKAHEAD_BYTES)
    }

    /// The tense of the clause that continues at `from`: the flags of the first
    /// [`LOOKAHEAD_WORDS`] words before the sentence ends, within [`LOOKAHEAD_BYTES`].
    /// Dates ask in text order; asking behind the last position reads the region again.
    pub(super) fn tense_after(&mut self, from: usize) -> Tense {
        if from < self.passed {
            *self = Self::new(self.text, self.start, self.end);
        }
        self.passed = from;
        loop {
            while let Some(w) = self.words.front()
                && w.end <= from
                && w.start < from
            {
                self.ends -= usize::from(w.flags == flag::SENTENCE_END);
                self.words.pop_front();
            }
            if self.holds_look_ahead(from) || !self.read_word() {
                break;
            }
        }
        let mut window = [0u32; LOOKAHEAD_WORDS];
        let mut n = 0;
        let mut words = self.words.iter().peekable();
        // A date that ends inside a word: the rest of the word is the first word.
        if let Some(w) = words.next_if(|w| w.start < from && w.flags != flag::SENTENCE_END) {
            window[0] = flags(&self.text[from..w.end]);
            n = 1;
        }
        for w in words {
            if n == LOOKAHEAD_WORDS
                || w.start >= from + LOOKAHEAD_BYTES
                || w.flags == flag::SENTENCE_END
            {
                break;
            }
            window[n] = w.flags;
            n += 1;
        }
        decide(&window[..n])
    }
}

/// The tense the flags of a clause's first words say.
fn decide(words: &[u32]) -> Tense {
    let mut leaning = Tense::Unknown;
    for (i, &word) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).copied().unwrap_or(0);
        if word & flag::BREAK != 0 {
            return leaning;
        }
        // "करने वाले हैं", "जाने की उम्मीद है": about to happen.
        if word & flag::PROSPECTIVE != 0 && next(1) & flag::PRESENT != 0 {
            return Tense::Future;
        }
        // "7 जून को होने वाली बैठक का ज़िक्र किया": the meeting to be held is ahead, whatever
        // the clause's verb says of the mention; "होने वाली थी" was to be. Only right after
        // the date, its postposition and a word (`को शुरू होने वाले`): "5 जून को दिल्ली के
        // रहने वाले युवक की हत्या हुई" tells of the victim, and the verb decides.
        if i <= 2 && word & flag::INFINITIVE != 0 && next(1) & flag::WALA != 0 {
            return if next(2) & flag::PAST != 0 {
                Tense::Past
            } else {
                Tense::Future
            };
        }
        // "कल तट से टकरा सकता है" may happen; "आ सकता था" could have.
        if word & flag::MODAL != 0 && next(1) & (flag::PRESENT | flag::PAST) != 0 {
            return if next(1) & flag::PAST != 0 {
                Tense::Past
            } else {
                Tense::Future
            };
        }
        // "होने जा रहा है" is about to happen; "जा रहा था" was happening.
        if word & flag::JA != 0 && next(1) & flag::CONTINUOUS != 0 {
            return if next(2) & flag::PAST != 0 {
                Tense::Past
            } else {
                Tense::Future
            };
        }
        if word & flag::PAST != 0 {
            // "15 जून तक हल नहीं हुई तो वे कूच करेंगे": a perfective in a condition is not
            // a past event; the clause after तो decides.
            if next(1) & flag::THEN != 0 {
                continue;
            }
            // "किया जाएगा": a perfective form before a future auxiliary is the passive future.
            if next(1) & flag::FUTURE_VERB != 0 {
                return Tense::Future;
            }
            // "दी जा सकती है", "दिया जाने वाला": a passive, whose auxiliary decides.
            if next(1) & (flag::JA | flag::INFINITIVE) != 0 {
                continue;
            }
            // "तक बंद कर दिया है", "तक रोक लगा दी गई है": until a date, as things stand now.
            let perfect = next(1) & flag::PRESENT != 0
                || next(1) & flag::PAST != 0 && next(2) & flag::PRESENT != 0;
            let done = words[..i].iter().any(|&w| w & flag::DONE != 0);
            return if words[0] & flag::UNTIL != 0 && perfect && !done {
                Tense::Until
            } else {
                Tense::Past
            };
        }
        if word & flag::SUBJUNCTIVE != 0 {
            return Tense::Future;
        }
        if word & flag::FUTURE_ADJECTIVE != 0 {
            leaning = Tense::Future;
        } else if word & (flag::FUTURE_WORD | flag::FUTURE_VERB) != 0 {
            return Tense::Future;
        }
    }
    leaning
}

/// The tense of the clause that continues at `from` in `text[..end]` (one date alone).
#[cfg(test)]
fn tense_after(text: &str, from: usize, end: usize) -> Tense {
    Clauses::new(text, from, end).tense_after(from)
}

/// -एगा/-एगी/-एंगे/-ऊंगा, the endings of the Hindi future.
fn is_future_verb(word: &str) -> bool {
    let Some(stem) = ["गा", "गी", "गे", "गें"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
    else {
        return false;
    };
    let stem = stem.strip_suffix(['ं', 'ँ']).unwrap_or(stem);
    stem.chars().count() >= 2 && stem.ends_with(['े', 'ए', 'ू', 'ऊ'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Tense {
        tense_after(s, 0, s.len())
    }

    #[test]
    fn may_and_could_have() {
        assert_eq!(t(" तूफ़ान तट से टकरा सकता है।"), Tense::Future);
        assert_eq!(t(" वे दिल्ली जा सकते हैं।"), Tense::Future);
        assert_eq!(t(" फ़ैसला आ सकता था, पर टल गया।"), Tense::Past);
        // "सकता" before no auxiliary says nothing of its own.
        assert_eq!(t(" कोई रोक नहीं सकता और सब गए।"), Tense::Past);
    }

    /// Trial 43: a deadline before a request, and one in a condition.
    #[test]
    fn requests_and_conditions_look_ahead() {
        assert_eq!(t(" तक यात्रा न करें।"), Tense::Future);
        assert_eq!(t(" तक सब लोग घर पहुंचें।"), Tense::Future);
        assert_eq!(t(" तक समस्या हल नहीं हुई तो वे कूच करेंगे।"), Tense::Future);
        assert_eq!(t(" तक हल नहीं हुई तो बात बिगड़ गई।"), Tense::Past);
        // A plural noun in -ें says nothing.
        assert_eq!(t(" को बातें हुई थीं।"), Tense::Past);
        assert_eq!(t(" को दो योजनाएं।"), Tense::Unknown);
    }

    #[test]
    fn future_and_past_verbs() {
        assert_eq!(t(" को उत्तर कोरिया जाएंगे।"), Tense::Future);
        assert_eq!(t(" बैठक होगी।"), Tense::Future);
        assert_eq!(t(" को कहा था कि वे आएंगे।"), Tense::Past);
        assert_eq!(t(" को लगा कि"), Tense::Unknown);
        assert_eq!(t(" योगी ने कहा।"), Tense::Past);
        assert_eq!(t(" आगे बढ़े। वे कल जाएंगे।"), Tense::Unknown);
        assert_eq!(t(" दौरा करने वाले हैं।"), Tense::Future);
        assert_eq!(t(" उद्घाटन किया जाएगा।"), Tense::Future);
        assert_eq!(t(" उनके आने की उम्मीद है।"), Tense::Future);
        assert_eq!(t(" चुनाव होने जा रहा है।"), Tense::Future);
        assert_eq!(t(" वे घर जा रहे थे।"), Tense::Past);
        assert_eq!(t(" उद्घाटन किया गया।"), Tense::Past);
        assert_eq!(t(" को होने वाली बैठक का ज़िक्र किया।"), Tense::Future);
        assert_eq!(t(" को शुरू होने वाले सत्र पर बात हुई।"), Tense::Future);
        assert_eq!(t(" को होने वाली थी, पर टल गई।"), Tense::Past);
        assert_eq!(t(" को दिल्ली के रहने वाले युवक की हत्या हुई।"), Tense::Past);
    }

    #[test]
    fn the_verb_outweighs_a_future_adjective() {
        assert_eq!(t(" को अगले चुनाव के प्रस्ताव का समर्थन किया।"), Tense::Past);
        assert_eq!(t(" को अगले दौर की बातचीत होगी।"), Tense::Future);
        assert_eq!(t(" से आगामी सत्र।"), Tense::Future);
    }

    #[test]
    fn the_look_ahead_stops_at_the_sentence_and_a_bound() {
        assert_eq!(t(" को बैठक। फिर वे जाएंगे।"), Tense::Unknown);
        assert_eq!(t(" को बैठक.\nवे जाएंगे।"), Tense::Unknown);
        assert_eq!(t(" को v1.2 जारी किया।"), Tense::Past);
        let far = format!(" को{} जाएंगे।", " बैठक".repeat(LOOKAHEAD_WORDS - 1));
        assert_eq!(t(&far), Tense::Unknown);
        let near = format!(" को{} जाएंगे।", " बैठक".repeat(LOOKAHEAD_WORDS - 2));
        assert_eq!(t(&near), Tense::Future);
        let long = format!(" को {} जाएंगे।", "क".repeat(LOOKAHEAD_BYTES));
        assert_eq!(t(&long), Tense::Unknown);
    }

    #[test]
    fn reading_on_from_the_last_date_agrees_with_reading_afresh() {
        let text = "सोमवार को वे जाएंगे, कल बैठक हुई थी। 5 जून को चुनाव होंगे लेकिन कल वे गए थे.\nफिर शाम को";
        let mut sliding = Clauses::new(text, 0, text.len());
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut told = Vec::new();
        for &from in &boundaries {
            let fresh = Clauses::new(text, 0, text.len()).tense_after(from);
            assert_eq!(sliding.tense_after(from), fresh, "at {from}");
            told.push(fresh);
        }
        assert!(told.contains(&Tense::Future) && told.contains(&Tense::Past));
        // Asking behind the last position reads the region again.
        for (&from, &tense) in boundaries.iter().zip(&told).rev().step_by(7) {
            assert_eq!(sliding.tense_after(from), tense, "back at {from}");
        }
    }
}
