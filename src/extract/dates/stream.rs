//! Dates found one at a time, so a caller that writes them out never holds them all.
//!
//! A sentence of date words has a mention every 20 bytes or so; held whole, the mentions
//! of a 50 MB article would take twice its size. `khabar extract` writes a long article's
//! dates as this stream yields them, and [`super::find_dates`] collects the same stream.

use std::collections::HashSet;
use std::sync::Arc;

use super::model::{DateMention, Published};
use super::resolve::{Anchor, resolve};
use super::scan::{self, Scanner};
use super::tense::Clauses;
use crate::span::Span;

/// How many distinct values are kept for sharing before the set starts again: enough for
/// the days, weeks and months of any article, and a bound when every value is new.
const SHARED_VALUES: usize = 4096;

/// Values repeat (every `सोमवार` of an article is the same day), so equal values share
/// one allocation.
#[derive(Default)]
struct Values(HashSet<Arc<str>>);

impl Values {
    fn share(&mut self, value: String) -> Arc<str> {
        if let Some(v) = self.0.get(value.as_str()) {
            return Arc::clone(v);
        }
        if self.0.len() >= SHARED_VALUES {
            self.0.clear();
        }
        let v: Arc<str> = value.into();
        self.0.insert(Arc::clone(&v));
        v
    }
}

/// The date expressions of each region in turn, in the order the regions are given;
/// inside a region in text order, never overlapping.
pub(super) struct Found<'t, R> {
    text: &'t str,
    regions: R,
    anchor: Anchor,
    region: Option<(Span, Scanner<'t>)>,
    /// The current region's words, read only when some date's value depends on the tense.
    clauses: Option<Clauses<'t>>,
    values: Values,
}

impl<'t, R: Iterator<Item = Span>> Found<'t, R> {
    pub(super) fn new(text: &'t str, regions: R, anchor: Option<&Published>) -> Self {
        Self {
            text,
            regions,
            anchor: Anchor::new(anchor),
            region: None,
            clauses: None,
            values: Values::default(),
        }
    }
}

impl<R: Iterator<Item = Span>> Iterator for Found<'_, R> {
    type Item = DateMention;

    fn next(&mut self) -> Option<DateMention> {
        loop {
            if let Some((region, scanner)) = &mut self.region
                && let Some(found) = scanner.next()
            {
                let (text, region, clauses) = (self.text, *region, &mut self.clauses);
                let tense = || {
                    clauses
                        .get_or_insert_with(|| Clauses::new(text, region.start, region.end))
                        .tense_after(found.span.end)
                };
                let (kind, value) = resolve(found.sem, &self.anchor, tense);
                return Some(DateMention {
                    span: found.span,
                    kind,
                    value: value.map(|v| self.values.share(v)),
                });
            }
            self.clauses = None;
            self.region = None;
            let next = self.regions.next()?;
            self.region =
                scan::char_region(self.text, next).map(|r| (r, Scanner::new(self.text, r)));
        }
    }
}

/// Every date of `regions` of `text` in text order, found as it is asked for; the same
/// mentions as [`super::find_dates`] gives.
pub struct DateStream<'t>(Inner<'t>);

enum Inner<'t> {
    Lazy(Box<Found<'t, std::vec::IntoIter<Span>>>),
    /// Regions out of order or overlapping: found whole, then sorted.
    Held(std::vec::IntoIter<DateMention>),
}

impl<'t> DateStream<'t> {
    /// Regions in text order that do not overlap (as [`crate::extract::Input::content_regions`]
    /// gives them) are read lazily; any others are read whole first.
    pub fn new(text: &'t str, regions: Vec<Span>, anchor: Option<&Published>) -> Self {
        // Within a region mentions come in order without overlapping, and a region that
        // starts at or after the previous one's end keeps it so across regions.
        let ordered = regions.iter().all(|r| r.start <= r.end)
            && regions.windows(2).all(|w| w[0].end <= w[1].start);
        if ordered {
            Self(Inner::Lazy(Box::new(Found::new(
                text,
                regions.into_iter(),
                anchor,
            ))))
        } else {
            Self(Inner::Held(
                super::find_dates(text, &regions, anchor).into_iter(),
            ))
        }
    }
}

impl Iterator for DateStream<'_> {
    type Item = DateMention;

    fn next(&mut self) -> Option<DateMention> {
        match &mut self.0 {
            Inner::Lazy(found) => found.next(),
            Inner::Held(held) => held.next(),
        }
    }
}
