//! Byte spans into an article's text.
//!
//! Every piece of analysis (paragraphs, chrome, entity mentions, dates) points back into
//! the original bytes, so the reader can highlight it and other programs can check it.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text; both ends lie on char boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is out of range or not on char boundaries, which would be a bug in
    /// whoever built it.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub const fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span moved by `offset` bytes, for results found in a slice of a larger text.
    #[must_use]
    pub const fn shifted(self, offset: usize) -> Self {
        Self::new(self.start + offset, self.end + offset)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}
