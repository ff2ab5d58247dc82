//! Words of folded text, with what separates them.
//!
//! Devanagari has no capitals and glues vowel signs, virama and nasal marks to letters, so
//! a word is a run of letters, marks and digits; a name may only start and end where a
//! word does (`पुतिन` is not found inside `पुतिनकिम`, `भारत` not inside `भारतीय`).

use super::hash::word_hash;
use super::words::{Class, words};

/// Whether `c` belongs inside a word: letters, digits, and Devanagari signs (which are not
/// all alphabetic in Unicode's sense: virama and nukta are not).
pub fn is_word_char(c: char) -> bool {
    match c {
        '\u{964}' | '\u{965}' | '\u{970}' => false,
        '\u{900}'..='\u{97f}' | '\u{a8e0}'..='\u{a8ff}' | '\u{200c}' | '\u{200d}' => true,
        c => c.is_alphanumeric(),
    }
}

/// How a token is separated from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// The region starts here.
    Start,
    /// Only spaces (or the dot of an abbreviation such as `डॉ.`): the words run on.
    Space,
    /// Punctuation or a line break: a phrase boundary.
    Break,
}

/// One word of folded text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    pub class: Class,
    /// Whether the word is in Latin letters (or digits only).
    pub latin: bool,
    /// [`word_hash`] of the word: every later look-up of the word starts from it.
    pub hash: u64,
}

impl Token {
    pub fn text(self, folded: &str) -> &str {
        &folded[self.start..self.end]
    }

    pub fn is(self, class: Class) -> bool {
        self.class & class != 0
    }
}

/// The words of `folded`, classified.
pub fn tokenize(folded: &str) -> Vec<Token> {
    let w = words();
    let mut tokens: Vec<Token> = Vec::with_capacity(folded.len() / 12);
    let mut gap_start = 0;
    let mut start: Option<usize> = None;
    let mut latin = true;
    let push = |tokens: &mut Vec<Token>, s: usize, e: usize, gap_start: usize, latin: bool| {
        let gap = gap_kind(folded, tokens.last().copied(), gap_start, s);
        let hash = word_hash(&folded[s..e]);
        tokens.push(Token {
            start: s,
            end: e,
            gap,
            class: w.class_of_hash(hash),
            latin,
            hash,
        });
    };
    for (i, c) in folded.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
                latin = true;
            }
            latin &= c.is_ascii();
        } else if let Some(s) = start.take() {
            push(&mut tokens, s, i, gap_start, latin);
            gap_start = i;
        }
    }
    if let Some(s) = start {
        push(&mut tokens, s, folded.len(), gap_start, latin);
    }
    tokens
}

fn gap_kind(folded: &str, prev: Option<Token>, from: usize, to: usize) -> Gap {
    let Some(prev) = prev else { return Gap::Start };
    let gap = &folded[from..to];
    if gap.bytes().all(|b| b == b' ') {
        return Gap::Space;
    }
    // `डॉ. मनमोहन`, `एस. जयशंकर`: a short word's dot abbreviates, it does not end a sentence.
    let short = folded[prev.start..prev.end].chars().count() <= 4;
    if short && gap.starts_with('.') && gap[1..].bytes().all(|b| b == b' ') {
        return Gap::Space;
    }
    Gap::Break
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    #[test]
    fn words_split_at_spaces_and_punctuation_not_at_signs() {
        let f = fold("रूस के राष्ट्रपति ने कहा, “पुतिनकिम।” डॉ. सिंह");
        let toks = tokenize(&f);
        let texts: Vec<&str> = toks.iter().map(|t| t.text(&f)).collect();
        assert_eq!(
            texts,
            ["रूस", "के", "राष्ट्रपति", "ने", "कहा", "पुतिनकिम", "डा", "सिंह"]
        );
        assert_eq!(toks[0].gap, Gap::Start);
        assert_eq!(toks[1].gap, Gap::Space);
        assert_eq!(toks[5].gap, Gap::Break);
        assert_eq!(toks[7].gap, Gap::Space, "abbreviation dot runs on");
    }

    #[test]
    fn script_is_recorded() {
        let f = fold("भारतPutin Visit");
        let toks = tokenize(&f);
        assert_eq!(toks.len(), 2, "glued scripts stay one word");
        assert!(!toks[0].latin);
        assert!(toks[1].latin);
    }
}
