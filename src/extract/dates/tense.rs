//! The tense of the clause a date stands in, read from the verb that follows it.
//!
//! Hindi puts the verb at the end of the clause, so the words between a date and the
//! next sentence or clause break decide whether "सोमवार" was last Monday or next Monday
//! and whether "कल" was yesterday or is tomorrow.

use super::lexer::is_word_char;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// No verb form said; news reports the past, so callers read this as past.
    Unknown,
}

const PAST: [&str; 22] = [
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

const FUTURE_WORDS: [&str; 8] = ["होगा", "होगी", "होंगे", "होंगी", "होगे", "अगले", "आगामी", "will"];

/// The tense of the clause that continues at `from` in `text[..end]`.
pub(super) fn tense_after(text: &str, from: usize, end: usize) -> Tense {
    let rest = &text[from..end];
    let sentence = &rest[..sentence_end(rest)];
    let words: Vec<&str> = sentence
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(30)
        .collect();
    for (i, &word) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        if CLAUSE_BREAKS.contains(&word) {
            return Tense::Unknown;
        }
        // "करने वाले हैं", "जाने की उम्मीद है": about to happen.
        if PROSPECTIVE.contains(&word) && matches!(next(1), "है" | "हैं" | "हूं" | "हो")
        {
            return Tense::Future;
        }
        // "होने जा रहा है" is about to happen; "जा रहा था" was happening.
        if word == "जा" && matches!(next(1), "रहा" | "रही" | "रहे") {
            return if PAST.contains(&next(2)) {
                Tense::Past
            } else {
                Tense::Future
            };
        }
        if PAST.contains(&word) {
            // "किया जाएगा": a perfective form before a future auxiliary is the passive future.
            return if is_future_verb(next(1)) {
                Tense::Future
            } else {
                Tense::Past
            };
        }
        if FUTURE_WORDS.contains(&word) || is_future_verb(word) {
            return Tense::Future;
        }
    }
    Tense::Unknown
}

/// Where the sentence that `s` continues ends: a danda, a question or exclamation mark,
/// a line break, or a full stop before a space.
fn sentence_end(s: &str) -> usize {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '।' | '॥' | '?' | '!' | '|' | '\n' => return i,
            '.' if chars.peek().is_none_or(|(_, n)| n.is_whitespace()) => return i,
            _ => {}
        }
    }
    s.len()
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
    }
}
