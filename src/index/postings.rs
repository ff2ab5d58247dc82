//! An entity's articles, kept as the gaps between their numbers in a few bits each.
//!
//! Postings were the reader's third-largest holding at a million articles: one `u32` for
//! every (entity, article) pair, 76 MB. Articles arrive in number order, so a list is
//! ascending and the gaps are small where an entity is common (most of its postings): a
//! gap of under 128 takes one byte (LEB128). Filters read a list whole, in order, which is
//! what decoding gives; the one look-up of a single article ([`Postings::contains`], for
//! related stories) starts from the nearest of a few kept positions instead of the front.

use std::fmt;

/// Every this many postings, where the next one starts is kept (see [`Postings::contains`]).
const SKIP: u32 = 64;

/// Ascending article numbers, without repeats.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Postings {
    /// The first number, then each one's gap from the one before, LEB128 (seven bits a
    /// byte, low bits first, the high bit set while more bytes follow).
    bytes: Vec<u8>,
    /// For postings number `SKIP`, `2 × SKIP`, …: the number before it and where its gap
    /// starts in `bytes`.
    skips: Vec<(u32, u32)>,
    len: u32,
    last: u32,
}

impl Postings {
    /// Adds `doc` at the end when it is past the last; a number already there is kept once,
    /// and one that falls before the last is put in its place (a copy of the list).
    pub fn push(&mut self, doc: u32) {
        if self.len > 0 && doc == self.last {
            // An entity named twice in one article: the usual repeat, answered at once.
            return;
        }
        if self.len == 0 || doc > self.last {
            self.append(doc);
        } else if !self.contains(doc) {
            let mut all: Vec<u32> = self.iter().collect();
            let at = all.partition_point(|&d| d < doc);
            all.insert(at, doc);
            *self = all.into_iter().collect();
        }
    }

    /// Appends `doc`, which is past the last (or the first).
    fn append(&mut self, doc: u32) {
        let gap = if self.len == 0 {
            doc
        } else {
            if self.len.is_multiple_of(SKIP) {
                let at = u32::try_from(self.bytes.len()).expect("postings under 4 GB");
                self.skips.push((self.last, at));
            }
            doc - self.last
        };
        let mut rest = gap;
        loop {
            let low = (rest & 0x7f) as u8;
            rest >>= 7;
            if rest == 0 {
                self.bytes.push(low);
                break;
            }
            self.bytes.push(low | 0x80);
        }
        self.len += 1;
        self.last = doc;
    }

    /// Every number of `other` too, in order.
    pub fn union(&mut self, other: &Self) {
        if other.len == 0 {
            return;
        }
        if self.len == 0 || other.first() > Some(self.last) {
            for d in other {
                self.append(d);
            }
            return;
        }
        let mut merged = Self::default();
        let (mut a, mut b) = (self.iter().peekable(), other.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(&x), Some(&y)) if x <= y => {
                    if x == y {
                        b.next();
                    }
                    a.next()
                }
                (_, Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, None) => break,
            };
            merged.append(next.unwrap_or_default());
        }
        merged.shrink_to_fit();
        *self = merged;
    }

    /// Keeps the numbers `f` gives back, as `f` renumbers them; `f` must keep their order
    /// (a renumbering after articles were taken out does).
    #[must_use]
    pub fn filter_map(&self, f: impl FnMut(u32) -> Option<u32>) -> Self {
        let mut out: Self = self.iter().filter_map(f).collect();
        out.shrink_to_fit();
        out
    }

    /// Every number plus `by` (the articles of a list put after `by` others).
    #[must_use]
    pub fn shifted(&self, by: u32) -> Self {
        self.filter_map(|d| Some(d.checked_add(by).expect("fewer than 4 billion articles")))
    }

    /// Keeps the numbers for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) {
        // Most lists lose nothing at a purge: those are not copied.
        if self.iter().all(&mut keep) {
            return;
        }
        *self = self.filter_map(|d| keep(d).then_some(d));
    }

    /// Gives the spare room of a list built by pushes back.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.skips.shrink_to_fit();
    }

    /// Whether `doc` is among them: a binary search of the kept positions, then at most
    /// `SKIP` gaps decoded.
    pub fn contains(&self, doc: u32) -> bool {
        if self.len == 0 || doc > self.last {
            return false;
        }
        let k = self.skips.partition_point(|&(before, _)| before < doc);
        let from = match k.checked_sub(1) {
            None => Iter::new(&self.bytes, 0, None, self.len),
            Some(k) => {
                let (before, at) = self.skips[k];
                let taken = (u32::try_from(k).unwrap_or(u32::MAX) + 1) * SKIP;
                Iter::new(&self.bytes, at as usize, Some(before), self.len - taken)
            }
        };
        from.take_while(|&d| d <= doc).any(|d| d == doc)
    }

    /// The numbers, ascending.
    pub fn iter(&self) -> Iter<'_> {
        Iter::new(&self.bytes, 0, None, self.len)
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn first(&self) -> Option<u32> {
        self.iter().next()
    }

    pub fn last(&self) -> Option<u32> {
        (self.len > 0).then_some(self.last)
    }

    /// Bytes held (for the memory figures in tests and benches).
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.skips.capacity() * size_of::<(u32, u32)>()
    }
}

impl FromIterator<u32> for Postings {
    /// Numbers in any order (sorted and made unique on the way when they are not).
    fn from_iter<I: IntoIterator<Item = u32>>(numbers: I) -> Self {
        let mut out = Self::default();
        for d in numbers {
            out.push(d);
        }
        out
    }
}

impl From<&[u32]> for Postings {
    fn from(docs: &[u32]) -> Self {
        let mut out: Self = docs.iter().copied().collect();
        out.shrink_to_fit();
        out
    }
}

impl fmt::Debug for Postings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Postings {
    type Item = u32;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The numbers of a [`Postings`], decoded as they are read.
#[derive(Clone)]
pub struct Iter<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The number before the next (`None` before the first).
    before: Option<u32>,
    left: u32,
}

impl<'a> Iter<'a> {
    fn new(bytes: &'a [u8], at: usize, before: Option<u32>, left: u32) -> Self {
        Self {
            bytes,
            at,
            before,
            left,
        }
    }
}

impl Iterator for Iter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        let mut gap = 0u32;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            gap |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        self.left -= 1;
        let doc = self.before.map_or(gap, |b| b + gap);
        self.before = Some(doc);
        Some(doc)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_come_back_in_order_once() {
        let p: Postings = [5, 0, 300, 5, 4_000_000_000, 127, 128]
            .into_iter()
            .collect();
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            [0, 5, 127, 128, 300, 4_000_000_000]
        );
        assert_eq!(p.len(), 6);
        assert_eq!((p.first(), p.last()), (Some(0), Some(4_000_000_000)));
    }

    #[test]
    fn a_common_entity_takes_a_byte_a_posting() {
        let p = Postings::from(&(0..10_000).map(|d| d * 3).collect::<Vec<u32>>()[..]);
        // 10,000 one-byte gaps and a kept position every 64 (8 bytes each).
        assert!(
            p.heap_bytes() < 10_000 + 10_000 / 64 * 8 + 64,
            "{}",
            p.heap_bytes()
        );
    }

    fn sorted(mut v: Vec<u32>) -> Vec<u32> {
        v.sort_unstable();
        v.dedup();
        v
    }

    proptest! {
        #[test]
        fn behaves_as_a_sorted_set(
            a in proptest::collection::vec(0u32..5_000, 0..400),
            b in proptest::collection::vec(0u32..5_000, 0..400),
            probe in proptest::collection::vec(0u32..5_100, 0..50),
        ) {
            let (want_a, want_b) = (sorted(a.clone()), sorted(b.clone()));
            let mut p: Postings = a.into_iter().collect();
            prop_assert_eq!(p.iter().collect::<Vec<_>>(), want_a.clone());
            for d in probe {
                prop_assert_eq!(p.contains(d), want_a.binary_search(&d).is_ok(), "{}", d);
            }
            let q: Postings = b.into_iter().collect();
            p.union(&q);
            prop_assert_eq!(p.iter().collect::<Vec<_>>(), sorted([want_a, want_b].concat()));
            let odd = p.filter_map(|d| (d % 2 == 1).then_some(d / 2));
            let want: Vec<u32> = p.iter().filter(|d| d % 2 == 1).map(|d| d / 2).collect();
            prop_assert_eq!(odd.iter().collect::<Vec<_>>(), want.clone());
            for d in want.iter().step_by(7) {
                prop_assert!(odd.contains(*d));
            }
        }
    }
}
