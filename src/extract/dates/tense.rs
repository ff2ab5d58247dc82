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

const FUTURE_WORDS: [&str; 6] = ["होगा", "होगी", "होंगे", "होंगी", "होगे", "will"];

/// How far the look-ahead reads: the verb that governs a date stands within a few words of
/// it, and a bound on both words and bytes keeps the work per mention constant however long
/// the sentence runs (a sentence of 64,000 weekdays was quadratic when each looked to its end).
const LOOKAHEAD_WORDS: usize = 30;
const LOOKAHEAD_BYTES: usize = 2048;

/// Adjectives of the future ("अगले", "आगामी") say less than a verb: "7 जून को अगले चुनाव का
/// समर्थन किया" is past. They decide only when no verb follows.
const FUTURE_ADJECTIVES: [&str; 2] = ["अगले", "आगामी"];

/// The tense of the clause that continues at `from` in `text[..end]`.
pub(super) fn tense_after(text: &str, from: usize, end: usize) -> Tense {
    let words = clause_words(text, from, end);
    let mut leaning = Tense::Unknown;
    for (i, &word) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        if CLAUSE_BREAKS.contains(&word) {
            return leaning;
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
        if FUTURE_ADJECTIVES.contains(&word) {
            leaning = Tense::Future;
        } else if FUTURE_WORDS.contains(&word) || is_future_verb(word) {
            return Tense::Future;
        }
    }
    leaning
}

/// The first [`LOOKAHEAD_WORDS`] words of `text[from..end]` before the sentence ends (a
/// danda, a question or exclamation mark, a line break, or a full stop before a space),
/// reading at most [`LOOKAHEAD_BYTES`] bytes.
fn clause_words(text: &str, from: usize, end: usize) -> Vec<&str> {
    let mut stop = end
        .min(from.saturating_add(LOOKAHEAD_BYTES))
        .min(text.len());
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = text.get(from..stop).unwrap_or("");
    let mut words = Vec::with_capacity(LOOKAHEAD_WORDS);
    let mut start = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '।' | '॥' | '?' | '!' | '|' | '\n' => true,
            '.' => chars.peek().is_none_or(|(_, n)| n.is_whitespace()),
            _ => false,
        };
        if ends || !is_word_char(c) {
            if let Some(s) = start.take() {
                words.push(&rest[s..i]);
                if words.len() == LOOKAHEAD_WORDS {
                    return words;
                }
            }
            if ends {
                return words;
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push(&rest[s..]);
    }
    words
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
}
