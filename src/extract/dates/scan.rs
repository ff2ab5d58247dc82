//! Walking a region with the trigger automaton and running the grammar at each word
//! start it marks.

use aho_corasick::Input;

use super::grammar::parse_at;
use super::lexer::{digit_value, is_word_char};
use super::lexicon::lexicon;
use super::sem::Found;
use crate::span::Span;

/// The date expressions of one region, in text order, never overlapping.
pub(super) struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
    start: usize,
}

impl<'t> Scanner<'t> {
    /// `region` must lie on char boundaries of `text` (see [`char_region`]).
    pub(super) const fn new(text: &'t str, region: Span) -> Self {
        Self {
            text,
            pos: region.start,
            end: region.end,
            start: region.start,
        }
    }
}

impl Iterator for Scanner<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        let triggers = &lexicon().triggers;
        while self.pos < self.end {
            let hit = triggers.find(Input::new(self.text).span(self.pos..self.end))?;
            let s = hit.start();
            let is_digit = self.text[s..]
                .chars()
                .next()
                .and_then(digit_value)
                .is_some();
            let before = self.text[self.start..s].chars().next_back();
            let at_start = before.is_none_or(|c| !is_word_char(c) && digit_value(c).is_none());
            if at_start && let Some(found) = parse_at(self.text, s, self.end) {
                self.pos = found.span.end.max(s + 1);
                return Some(found);
            }
            self.pos = if is_digit {
                number_end(self.text, s, self.end)
            } else {
                word_end(self.text, s, self.end)
            };
        }
        None
    }
}

/// The end of the word containing `at`.
fn word_end(text: &str, at: usize, end: usize) -> usize {
    let mut chars = text[at..end].char_indices();
    let first = chars.next().map_or(0, |(_, c)| c.len_utf8());
    chars
        .find(|&(_, c)| !is_word_char(c))
        .map_or(end, |(i, _)| at + i)
        .max(at + first)
}

/// The end of a run of digits joined by separators (`1,817`, `12/06/2024`), so a failed
/// parse does not retry in the middle of it.
fn number_end(text: &str, at: usize, end: usize) -> usize {
    let mut last = at;
    let mut chars = text[at..end].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, ',' | '.' | '/' | ':' | '-')
            && chars.peek().is_some_and(|&(_, n)| digit_value(n).is_some());
        if digit_value(c).is_some() || is_word_char(c) || joins {
            last = at + i + c.len_utf8();
        } else {
            break;
        }
    }
    last.max(at + 1)
}

/// `region` clamped to `text` and narrowed to char boundaries; `None` when nothing is left.
pub(super) fn char_region(text: &str, region: Span) -> Option<Span> {
    let mut start = region.start.min(text.len());
    let mut end = region.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some(Span::new(start, end))
}
