//! One region of an article, folded and split into words, with the names found in it.
//!
//! Gazetteer forms are matched first (longest first, at word starts, among those that
//! end on a word boundary); the rules then look at the words no known name covers.
//! Everything here works on folded text; [`Scan::original`] maps a result back to the
//! article's bytes.

use std::ops::Range;

use super::gazetteer::{Matcher, WordAt};
use super::model::EntityKind;
use super::tokens::{Token, is_word_char, tokenize};
use crate::text::fold::Folded;

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A gazetteer form of entity `entity`; `demonym` if the form is an adjective of it.
    Known { entity: usize, demonym: bool },
    /// A rule found a name the gazetteer lacks.
    Rule,
    /// Another name for the candidate with this index (`( सीआईआई )` after the full name).
    AliasOf(usize),
}

/// A name found in the region: folded byte range and the words it covers.
#[derive(Debug, Clone, Copy)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
    pub kind: EntityKind,
    pub source: Source,
}

impl Cand {
    pub fn is_demonym(self) -> bool {
        matches!(self.source, Source::Known { demonym: true, .. })
    }
}

pub struct Scan<'a> {
    pub original: &'a str,
    pub folded: Folded,
    pub tokens: Vec<Token>,
    pub cands: Vec<Option<Cand>>,
    /// For each token, the candidate covering it.
    pub cover: Vec<Option<usize>>,
}

impl<'a> Scan<'a> {
    /// Folds and tokenizes `original` without looking for names: the words alone, for a
    /// second pass over text whose names were found and whose scan was let go.
    pub fn words(original: &'a str) -> Self {
        let folded = Folded::new(original);
        let tokens = tokenize(&folded.text);
        Scan {
            original,
            cover: vec![None; tokens.len()],
            tokens,
            folded,
            cands: Vec::new(),
        }
    }

    /// Folds and tokenizes `original` and marks every known name in it.
    pub fn new(matcher: &Matcher, original: &'a str) -> Self {
        let mut scan = Scan::words(original);
        let text = scan.folded.text.as_str();
        let folded = &scan.folded;
        let tokens = &scan.tokens;
        let starts = tokens.iter().enumerate().map(|(i, t)| WordAt {
            start: t.start,
            end: t.end,
            hash: t.hash,
            next: tokens.get(i + 1).map_or(0, |n| n.hash),
        });
        let hits = matcher.find_at(text, starts, |hit| {
            if text[hit.end..].chars().next().is_some_and(is_word_char) {
                return false;
            }
            hit.target.exact.is_none()
                || matcher
                    .gazetteer
                    .spelt_as(hit.target, &original[folded.original(hit.start..hit.end)])
        });
        for hit in hits {
            let t = hit.target;
            let kind = matcher.gazetteer.known[t.entity].kind;
            let source = Source::Known {
                entity: t.entity,
                demonym: t.demonym,
            };
            scan.add(hit.start..hit.end, kind, source);
        }
        scan
    }

    /// The words `range` (folded bytes) covers, as first..=last token indices.
    fn token_range(&self, range: &Range<usize>) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| t.end <= range.start);
        let last = self
            .tokens
            .partition_point(|t| t.start < range.end)
            .saturating_sub(1);
        (first, last.max(first))
    }

    /// Records a candidate, replacing any it contains.
    pub fn add(&mut self, range: Range<usize>, kind: EntityKind, source: Source) {
        let (first, last) = self.token_range(&range);
        let idx = self.cands.len();
        for t in first..=last.min(self.tokens.len().saturating_sub(1)) {
            if let Some(old) = self.cover[t].replace(idx) {
                self.cands[old] = None;
            }
        }
        self.cands.push(Some(Cand {
            start: range.start,
            end: range.end,
            first,
            last,
            kind,
            source,
        }));
    }

    /// Drops candidate `idx` and frees the words it covered.
    pub fn remove(&mut self, idx: usize) {
        if let Some(c) = self.cands[idx].take() {
            for t in c.first..=c.last {
                if self.cover[t] == Some(idx) {
                    self.cover[t] = None;
                }
            }
        }
    }

    /// Adds a rule-found name spanning tokens `first..=last`.
    pub fn add_tokens(&mut self, first: usize, last: usize, kind: EntityKind) {
        let range = self.tokens[first].start..self.tokens[last].end;
        self.add(range, kind, Source::Rule);
    }

    /// The candidate covering token `i`, if any.
    pub fn covering(&self, i: usize) -> Option<Cand> {
        self.cover
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.cands[c])
    }

    pub fn text(&self, t: usize) -> &str {
        self.tokens[t].text(&self.folded.text)
    }

    /// The folded text between token `t` and the next one (or the end).
    pub fn gap_after(&self, t: usize) -> &str {
        let end = self
            .tokens
            .get(t + 1)
            .map_or(self.folded.text.len(), |n| n.start);
        &self.folded.text[self.tokens[t].end..end]
    }

    /// The original bytes (relative to the region) of a folded range.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        self.folded.original(range)
    }

    /// The live candidates in text order.
    pub fn found(&self) -> impl Iterator<Item = Cand> + '_ {
        self.found_indexed().map(|(_, c)| c)
    }

    /// The live candidates in text order, with their indices.
    pub fn found_indexed(&self) -> impl Iterator<Item = (usize, Cand)> + '_ {
        let mut v: Vec<(usize, Cand)> = self
            .cands
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
            .collect();
        v.sort_by_key(|(_, c)| c.start);
        v.into_iter()
    }
}
