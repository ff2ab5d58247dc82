//! Dates and times in Hindi and English news text: finding them and normalising them
//! against the article's publication date.
//!
//! The publication date of an article is read with the same parser ([`parse_published`]),
//! so a byline's date is also one of the article's dates. Finding is two-staged for
//! speed: one automaton pass marks where a date could start (a trigger word or a
//! digit), and a small grammar runs only there.
//!
//! Values follow `TimeML`: `2024-01-15` (a day), `2024-01-21T18:51` and `2024-01-20TNI`
//! (a time on a day), `T10:00` and `TMO` (a time alone), `2024-W02` (a week), `2023-09`,
//! `2023`, `199` (the 1990s), `20` (the 21st century), `1950/1953` and
//! `2024-02-15/2024-02-16` (ranges), `XXXX-09-14` (year unknown), `P24Y`, `P2.5Y`,
//! `PT30M`, `PXY` (lengths), `P1Y`, `XXXX-WXX-1`, `TMO` (recurring). Relative
//! expressions resolve against the publication date: a bare weekday is the last one on
//! or before it, or the next one on or after it when the clause is in the future tense;
//! कल and परसों go back or forward by tense; a month or day without a year takes the
//! publication year, moved back a year when it lies after the publication date in a past
//! clause and forward when it lies before it in a future one. Without a publication date,
//! or for times of the story itself ("उस दिन", "हाल ही"), the value is `None`.

mod clock;
mod grammar;
mod interval;
mod lexer;
mod lexicon;
mod model;
mod numeric;
mod relative;
mod resolve;
mod scan;
mod sem;
mod spelling;
mod tense;

pub use interval::value_days;
pub use model::{DateKind, DateMention, PartialDate, Published};

use crate::span::Span;
use resolve::{Anchor, resolve};
use scan::Scanner;
use sem::Sem;

/// Every date, time, duration and recurring expression inside `regions` of `text`.
///
/// Relative expressions ("सोमवार", "पिछले साल") resolve against `anchor`; without one
/// they stay unresolved (`value: None`) rather than invented. Regions that do not fall
/// on char boundaries of `text` are narrowed to the nearest ones inside.
pub fn find_dates(text: &str, regions: &[Span], anchor: Option<&Published>) -> Vec<DateMention> {
    let anchor = Anchor::new(anchor);
    let mut out: Vec<DateMention> = Vec::new();
    for region in regions {
        let Some(region) = scan::char_region(text, *region) else {
            continue;
        };
        // Read only when some date's value depends on the tense.
        let mut clauses = None;
        for found in Scanner::new(text, region) {
            let tense = || {
                clauses
                    .get_or_insert_with(|| tense::Clauses::new(text, region.start, region.end))
                    .tense_after(found.span.end)
            };
            let (kind, value) = resolve(found.sem, &anchor, tense);
            out.push(DateMention {
                span: found.span,
                kind,
                value,
            });
        }
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    // Overlapping regions would report the same expression twice.
    let mut last_end = 0;
    out.retain(|m| {
        let keep = m.span.start >= last_end;
        if keep {
            last_end = m.span.end;
        }
        keep
    });
    out
}

/// The first absolute date (with time and zone when written) in `line`, as written in a
/// byline or dateline: `Updated: Sun, 21 Jan 2024 06:51 PM (IST)`, `2024-06-19 07:05 GMT`,
/// `प्योंगयांग, 14 सितंबर ।`. Returns the span of the date expression within `line`.
///
/// A date counts when its month is written with a day or a year; a bare year or weekday
/// does not date an article.
pub fn parse_published(line: &str) -> Option<(Span, Published)> {
    Scanner::new(line, Span::new(0, line.len())).find_map(|found| match found.sem {
        Sem::Calendar { date, clock, zone }
            if date.month.is_some() && (date.day.is_some() || date.year.is_some()) =>
        {
            Some((
                found.span,
                Published {
                    date,
                    time: clock,
                    utc_offset_minutes: zone,
                },
            ))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests;
