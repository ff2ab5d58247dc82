//! Walking a region with the trigger automaton and running the grammar at each word
//! start it marks.

use aho_corasick::Input;

use super::clock::in_part;
use super::grammar::parse_at;
use super::lexer::{digit_value, is_word_char};
use super::lexicon::{Lex, Part, lexicon};
use super::sem::{Found, Sem};
use crate::span::Span;

/// The date expressions of one region, in text order, never overlapping.
pub(super) struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
    start: usize,
    /// The part of the day the last expression named, and where that expression ended: a
    /// clock right after it is read in it (`शाम को सात बजे` is 19:00).
    part: Option<(Part, usize)>,
}

impl<'t> Scanner<'t> {
    /// `region` must lie on char boundaries of `text` (see [`char_region`]).
    pub(super) const fn new(text: &'t str, region: Span) -> Self {
        Self {
            text,
            pos: region.start,
            end: region.end,
            start: region.start,
            part: None,
        }
    }

    /// `found`, with its clock read in the part of the day named just before it:
    /// `शाम को सात बजे`, `रात साढ़े नौ बजे`, `शाम 5 से 7 बजे`, `रात 9 बजे से 11 बजे तक`.
    /// Not a clock that names its own part (`रात 10 बजे से सुबह 6 बजे`) or writes AM or PM.
    fn in_day_part(&mut self, mut found: Found) -> Found {
        let before = self.part.take();
        let text = &self.text[found.span.start..found.span.end];
        let own = part_named(text);
        if let Sem::Clock { hour, minute } = found.sem
            && let Some((part, end)) = before
            && own.is_none()
            && !meridiem(text)
            && end <= found.span.start
            && joins_clock(&self.text[end..found.span.start])
        {
            let hour = in_part(part, i32::from(hour)) as u8;
            found.sem = Sem::Clock { hour, minute };
            self.part = Some((part, found.span.end));
        }
        if let Some(part) = own {
            self.part = Some((part, found.span.end));
        }
        found
    }
}

/// Whether the words between a part of the day and a clock tie them together: nothing, a
/// case marker (`शाम को`, `रात के`) or the middle of a range (`से`, `-`).
fn joins_clock(between: &str) -> bool {
    matches!(between.trim(), "" | "को" | "के" | "से" | "-" | "–")
}

/// Whether a clock's text writes AM or PM, which says the half of the day itself.
fn meridiem(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm"))
}

/// The part of the day a word of `span` names (`कल शाम`, `बुधवार रात 9 बजे`), if one does.
fn part_named(span: &str) -> Option<Part> {
    span.split_whitespace()
        .find_map(|w| match lexicon().entry(w).lex {
            Some(Lex::Part(p)) => Some(p),
            _ => None,
        })
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
                return Some(self.in_day_part(found));
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
