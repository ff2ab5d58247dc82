//! The dates articles mention, kept by date: each distinct interval once, with the
//! articles mentioning it as [`Postings`].
//!
//! A list of (first day, last day, article), twelve bytes a mention, was 67 MB at a million
//! articles. Articles mention the same days, months and years over and over, so the
//! distinct intervals are few; keyed by interval, a mention costs the byte or two of its
//! posting. A date filter then tests each distinct interval once instead of every mention.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Postings;
use super::range::DateRange;

/// A mentioned interval: its first and last day.
pub type Interval = (NaiveDate, NaiveDate);

/// Mentioned intervals and the articles mentioning each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mentioned {
    by_interval: HashMap<Interval, Postings>,
}

impl Mentioned {
    /// Article `doc` mentions `first..=last` (articles come in number order, as they are
    /// added to an index).
    pub fn push(&mut self, first: NaiveDate, last: NaiveDate, doc: u32) {
        self.by_interval.entry((first, last)).or_default().push(doc);
    }

    /// Every mention of `other` too.
    pub fn union(&mut self, other: &Self) {
        for (interval, docs) in &other.by_interval {
            self.by_interval.entry(*interval).or_default().union(docs);
        }
    }

    /// The same mentions, their articles renumbered by `f`, which keeps their order; those
    /// `f` drops go.
    #[must_use]
    pub fn filter_map(&self, mut f: impl FnMut(u32) -> Option<u32>) -> Self {
        let by_interval = self
            .by_interval
            .iter()
            .filter_map(|(interval, docs)| {
                let docs = docs.filter_map(&mut f);
                (!docs.is_empty()).then_some((*interval, docs))
            })
            .collect();
        Self { by_interval }
    }

    /// Every article number plus `by`.
    #[must_use]
    pub fn shifted(&self, by: u32) -> Self {
        self.filter_map(|d| Some(d + by))
    }

    /// Keeps the mentions of the articles for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) {
        self.by_interval.retain(|_, docs| {
            docs.retain(&mut keep);
            !docs.is_empty()
        });
    }

    /// The articles mentioning an interval that `range` holds, ascending.
    pub fn docs_in(&self, range: &DateRange) -> Vec<u32> {
        let mut kept: Vec<u32> = self
            .by_interval
            .iter()
            .filter(|((first, last), _)| range.holds(*first, *last))
            .flat_map(|(_, docs)| docs.iter())
            .collect();
        kept.sort_unstable();
        kept.dedup();
        kept
    }

    /// The intervals article `doc` mentions, in no particular order.
    pub fn of_doc(&self, doc: u32) -> impl Iterator<Item = Interval> + '_ {
        self.by_interval
            .iter()
            .filter(move |(_, docs)| docs.contains(doc))
            .map(|(interval, _)| *interval)
    }

    /// The articles mentioning `interval`.
    pub fn docs_of(&self, interval: Interval) -> Option<&Postings> {
        self.by_interval.get(&interval)
    }

    /// Every interval with the articles mentioning it.
    pub fn intervals(&self) -> impl Iterator<Item = (Interval, &Postings)> {
        self.by_interval.iter().map(|(i, docs)| (*i, docs))
    }

    /// Every mention as (first day, last day, article), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (NaiveDate, NaiveDate, u32)> + '_ {
        self.intervals()
            .flat_map(|((first, last), docs)| docs.iter().map(move |d| (first, last, d)))
    }

    pub fn is_empty(&self) -> bool {
        self.by_interval.is_empty()
    }
}

/// Mentions gathered in any order (a table read in its own order), made into
/// [`Mentioned`] at the end: four bytes a mention meanwhile, and no list rebuilt for an
/// article that comes out of order.
#[derive(Debug, Default)]
pub struct Gather(HashMap<Interval, Vec<u32>>);

impl Gather {
    pub fn push(&mut self, first: NaiveDate, last: NaiveDate, doc: u32) {
        self.0.entry((first, last)).or_default().push(doc);
    }

    pub fn finish(self) -> Mentioned {
        let by_interval = self
            .0
            .into_iter()
            .map(|(interval, mut docs)| {
                docs.sort_unstable();
                docs.dedup();
                (interval, Postings::from(&docs[..]))
            })
            .collect();
        Mentioned { by_interval }
    }
}

impl FromIterator<(NaiveDate, NaiveDate, u32)> for Mentioned {
    /// Mentions in any order.
    fn from_iter<I: IntoIterator<Item = (NaiveDate, NaiveDate, u32)>>(mentions: I) -> Self {
        let mut gather = Gather::default();
        for (first, last, doc) in mentions {
            gather.push(first, last, doc);
        }
        gather.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Unit;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, d).unwrap()
    }

    fn sorted(m: &Mentioned) -> Vec<(NaiveDate, NaiveDate, u32)> {
        let mut all: Vec<_> = m.iter().collect();
        all.sort_unstable();
        all
    }

    #[test]
    fn mentions_in_any_order_are_kept_once_by_interval() {
        let m: Mentioned = [
            (day(3), day(3), 7),
            (day(1), day(31), 2),
            (day(3), day(3), 1),
            (day(3), day(3), 7),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            sorted(&m),
            [
                (day(1), day(31), 2),
                (day(3), day(3), 1),
                (day(3), day(3), 7)
            ]
        );
        let mut of_7: Vec<_> = m.of_doc(7).collect();
        of_7.sort_unstable();
        assert_eq!(of_7, [(day(3), day(3))]);
        let mut of_2: Vec<_> = m.of_doc(2).collect();
        of_2.sort_unstable();
        assert_eq!(of_2, [(day(1), day(31))]);
    }

    #[test]
    fn a_range_keeps_the_articles_of_the_intervals_it_holds() {
        let mut m = Mentioned::default();
        m.push(day(3), day(3), 0);
        m.push(day(1), day(31), 1);
        m.push(day(3), day(3), 2);
        m.push(day(10), day(10), 2);
        let third = DateRange {
            start: Some(day(3)),
            end: Some(day(3)),
            unit: Unit::Day,
        };
        assert_eq!(m.docs_in(&third), [0, 2]);
        let tenth_on = DateRange {
            start: Some(day(10)),
            end: None,
            unit: Unit::Day,
        };
        assert_eq!(m.docs_in(&tenth_on), [2]);
        // Renumbering and withdrawal keep the rest as they were.
        let later = m.shifted(10);
        assert_eq!(later.docs_in(&third), [10, 12]);
        let mut kept = m.clone();
        kept.retain(|d| d != 2);
        assert_eq!(sorted(&kept), [(day(1), day(31), 1), (day(3), day(3), 0)]);
        let mut both = kept.clone();
        both.union(&later);
        assert_eq!(both.docs_in(&third), [0, 10, 12]);
        assert_eq!(sorted(&both).len(), 2 + 4);
    }
}
