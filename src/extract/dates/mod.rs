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
mod stream;
mod tense;

pub use interval::value_days;
pub use model::{DateKind, DateMention, PartialDate, Published};
pub use stream::DateStream;

use crate::span::Span;
use scan::Scanner;
use sem::Sem;

/// Every date, time, duration and recurring expression inside `regions` of `text`.
///
/// Relative expressions ("सोमवार", "पिछले साल") resolve against `anchor`; without one
/// they stay unresolved (`value: None`) rather than invented. Regions that do not fall
/// on char boundaries of `text` are narrowed to the nearest ones inside.
pub fn find_dates(text: &str, regions: &[Span], anchor: Option<&Published>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> =
        stream::Found::new(text, regions.iter().copied(), anchor).collect();
    let key = |m: &DateMention| (m.span.start, std::cmp::Reverse(m.span.end));
    // Regions in text order give mentions in order; a stable sort would still allocate
    // half the list again.
    if !out.is_sorted_by_key(key) {
        out.sort_by_key(key);
    }
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
