//! Words, numbers and punctuation near a trigger, read lazily: the grammar only looks a
//! few tokens ahead, and most of the text is never tokenised at all.

use super::lexicon::{Entry, lexicon};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word(Entry),
    /// A run of ASCII or Devanagari digits; `value` saturates on absurdly long runs.
    Num {
        value: i32,
        digits: u8,
    },
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    pub span: Span,
    pub kind: TokKind,
}

impl Tok {
    pub(super) const fn entry(self) -> Option<Entry> {
        match self.kind {
            TokKind::Word(e) => Some(e),
            _ => None,
        }
    }

    pub(super) const fn num(self) -> Option<(i32, u8)> {
        match self.kind {
            TokKind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    pub(super) fn is_punct(self, set: &[char]) -> bool {
        matches!(self.kind, TokKind::Punct(c) if set.contains(&c))
    }
}

/// A position in one region of the text. Copying it is how the grammar backtracks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor<'t> {
    text: &'t str,
    pub pos: usize,
    end: usize,
}

impl<'t> Cursor<'t> {
    /// A cursor over `text[pos..end]`; both ends must be char boundaries.
    pub(super) const fn new(text: &'t str, pos: usize, end: usize) -> Self {
        Self { text, pos, end }
    }

    pub(super) const fn text(&self) -> &'t str {
        self.text
    }

    /// The next token on the same line, or `None` at a line break or the region's end.
    pub(super) fn next_tok(&mut self) -> Option<Tok> {
        let rest = &self.text[self.pos..self.end];
        let skipped = rest.len() - rest.trim_start_matches(is_space).len();
        let start = self.pos + skipped;
        let mut chars = self.text[start..self.end].chars();
        let first = chars.next()?;
        if first == '\n' {
            return None;
        }
        let kind;
        let mut end = start + first.len_utf8();
        if let Some(d) = digit_value(first) {
            let mut value = d;
            let mut digits: u8 = 1;
            for c in chars {
                let Some(d) = digit_value(c) else { break };
                value = value.saturating_mul(10).saturating_add(d);
                digits = digits.saturating_add(1);
                end += c.len_utf8();
            }
            kind = TokKind::Num { value, digits };
        } else if is_word_char(first) {
            for c in chars {
                if !is_word_char(c) {
                    break;
                }
                end += c.len_utf8();
            }
            kind = TokKind::Word(lexicon().entry(&self.text[start..end]));
        } else {
            kind = TokKind::Punct(first);
        }
        self.pos = end;
        Some(Tok {
            span: Span::new(start, end),
            kind,
        })
    }

    /// The next token, without moving.
    pub(super) fn peek(&self) -> Option<Tok> {
        let mut c = *self;
        c.next_tok()
    }

    /// Consumes the next token when `f` accepts it.
    pub(super) fn eat(&mut self, f: impl FnOnce(Tok) -> bool) -> Option<Tok> {
        let mut c = *self;
        let t = c.next_tok().filter(|t| f(*t))?;
        *self = c;
        Some(t)
    }
}

pub(super) const fn digit_value(c: char) -> Option<i32> {
    match c {
        '0'..='9' => Some(c as i32 - '0' as i32),
        '\u{0966}'..='\u{096F}' => Some(c as i32 - 0x0966),
        _ => None,
    }
}

fn is_space(c: char) -> bool {
    c != '\n' && (c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}')
}

/// Letters and combining signs of any script, Devanagari vowel signs, virama and nukta
/// included; dandas and digits are not word characters.
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        '\u{0964}' | '\u{0965}' | '\u{0966}'..='\u{096F}' | '\u{0970}' => false,
        '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' | '\u{200C}' | '\u{200D}' => true,
        _ => c.is_alphabetic(),
    }
}
