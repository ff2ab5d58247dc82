//! Date ranges for filters: parsing what a user types (`2024`, `2024-06`, `2023-09..2024-01`,
//! `..2023`, `जून 2024`), turning normalised date values into day intervals, and stepping a
//! range by its own unit.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

use crate::extract::dates;
use crate::span::Span;

/// The granularity a range was written in, which `[` and `]` step by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Month,
    Year,
    /// An explicit range: steps by its own length.
    Span,
}

/// An inclusive range of days; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub unit: Unit,
}

/// Why a date range did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadRange {
    /// Not a form khabar reads.
    #[error(
        "`{0}` is not a date or range (try 2024, 2024-06, 2024-06-19, 2023-09..2024-01, ..2023, 2024.., जून 2024)"
    )]
    Unreadable(String),
    /// The start comes after the end.
    #[error("`{0}` starts after it ends (write the earlier date first)")]
    Reversed(String),
}

/// The days a point value covers: `2024` is the year, `2024-06` the month.
fn point(text: &str) -> Option<(NaiveDate, NaiveDate, Unit)> {
    // Devanagari digits are the same numbers (२०२४-०६ is 2024-06).
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '\u{966}'..='\u{96f}' => char::from(b'0' + (c as u32 - 0x966) as u8),
            c => c,
        })
        .collect();
    let text = ascii.as_str();
    if text.is_empty() {
        return None;
    }
    if let Some(r) = interval_of(text).filter(|_| is_ascii_value(text)) {
        return Some(r);
    }
    // Anything else goes through the date extractor, so Hindi and English month names and
    // Devanagari digits read the same as in articles.
    let whole = [Span::new(0, text.len())];
    let found = dates::find_dates(text, &whole, None);
    let d = found
        .iter()
        .find(|d| d.span.len() * 2 >= text.trim().len())?;
    interval_of(d.value.as_deref()?)
}

fn is_ascii_value(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// The first and last day a normalised date value (`2024-01-15`, `2024-W02`, `2023-09`,
/// `1999`, `1950/1953`, `199`, `2024-01-21T18:51`) stands for, as the date extractor reads
/// it ([`dates::value_days`]), with the unit `[`/`]` step by; `None` for values without a
/// known year, durations and times.
pub fn interval_of(value: &str) -> Option<(NaiveDate, NaiveDate, Unit)> {
    let (start, end) = dates::value_days(value)?;
    let date = value.split('T').next().unwrap_or(value);
    let unit = if value.contains('/') || date.contains('W') {
        Unit::Span
    } else {
        match (date.split('-').count(), date.len()) {
            (3, _) => Unit::Day,
            (2, _) => Unit::Month,
            (1, 4) => Unit::Year,
            _ => Unit::Span,
        }
    };
    Some((start, end, unit))
}

/// Whether `start..=end` is whole months (from a first to a last day).
fn month_aligned(start: NaiveDate, end: NaiveDate) -> bool {
    start.day() == 1 && end.succ_opt().is_some_and(|d| d.day() == 1)
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0().cast_signed()
}

fn last_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(Months::new(1))?.pred_opt()
}

impl DateRange {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= day) && self.end.is_none_or(|e| day <= e)
    }

    /// Whether the range shares a day with `start..=end`.
    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= end) && self.end.is_none_or(|e| start <= e)
    }

    /// Whether all of `start..=end` lies inside the range: a mentioned date matches a
    /// filter only when it is at least as precise as the filter and inside it, so a
    /// mention of the year 2013 is no answer to `2013-05-11`.
    pub fn holds(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.contains(start) && self.contains(end)
    }

    /// The same kind of range `n` units later (earlier for negative `n`): the next month
    /// for `2024-06`, the next year for `2024`, the next stretch of as many days for an
    /// explicit range. Open ranges do not move.
    #[must_use]
    pub fn step(&self, n: i32) -> Self {
        let (Some(start), Some(end)) = (self.start, self.end) else {
            return *self;
        };
        let shift = |d: NaiveDate, months: i32| -> Option<NaiveDate> {
            if months >= 0 {
                d.checked_add_months(Months::new(months.unsigned_abs()))
            } else {
                d.checked_sub_months(Months::new(months.unsigned_abs()))
            }
        };
        let moved = match self.unit {
            Unit::Day => start
                .checked_add_signed(chrono::Duration::days(i64::from(n)))
                .map(|d| (d, d)),
            Unit::Month => shift(start, n).and_then(|s| Some((s, last_of_month(s)?))),
            Unit::Year => shift(start, 12 * n)
                .and_then(|s| Some((s, NaiveDate::from_ymd_opt(s.year(), 12, 31)?))),
            Unit::Span if month_aligned(start, end) => {
                // `2023-09..2024-01` steps by five months, to `2024-02..2024-06`.
                let months = month_index(end) - month_index(start) + 1;
                shift(start, months * n)
                    .and_then(|s| Some((s, last_of_month(shift(s, months - 1)?)?)))
            }
            Unit::Span => {
                let len = (end - start).num_days() + 1;
                let by = chrono::Duration::days(len * i64::from(n));
                start.checked_add_signed(by).zip(end.checked_add_signed(by))
            }
        };
        moved.map_or(*self, |(s, e)| Self {
            start: Some(s),
            end: Some(e),
            unit: self.unit,
        })
    }
}

impl FromStr for DateRange {
    type Err = BadRange;

    fn from_str(s: &str) -> Result<Self, BadRange> {
        let bad = || BadRange::Unreadable(s.to_owned());
        let s = s.trim();
        if let Some((a, b)) = s.split_once("..") {
            let start = if a.trim().is_empty() {
                None
            } else {
                Some(point(a).ok_or_else(bad)?.0)
            };
            let end = if b.trim().is_empty() {
                None
            } else {
                Some(point(b).ok_or_else(bad)?.1)
            };
            if start.is_none() && end.is_none() {
                return Err(bad());
            }
            if start.zip(end).is_some_and(|(a, b)| a > b) {
                return Err(BadRange::Reversed(s.to_owned()));
            }
            return Ok(Self {
                start,
                end,
                unit: Unit::Span,
            });
        }
        let (start, end, unit) = point(s).ok_or_else(bad)?;
        Ok(Self {
            start: Some(start),
            end: Some(end),
            unit,
        })
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end, self.unit) {
            (Some(s), Some(_), Unit::Year) => write!(f, "{}", s.year()),
            (Some(s), Some(_), Unit::Month) => write!(f, "{}", s.format("%Y-%m")),
            (Some(s), Some(_), Unit::Day) => write!(f, "{s}"),
            (Some(s), Some(e), _) if month_aligned(s, e) && s.month() == 1 && e.month() == 12 => {
                write!(f, "{}..{}", s.year(), e.year())
            }
            (Some(s), Some(e), _) if month_aligned(s, e) => {
                write!(f, "{}..{}", s.format("%Y-%m"), e.format("%Y-%m"))
            }
            (s, e, _) => {
                let show = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                write!(f, "{}..{}", show(s), show(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn range(s: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let r: DateRange = s.parse().unwrap();
        (r.start, r.end)
    }

    #[test]
    fn a_mention_matches_only_inside_and_as_precise() {
        let day: DateRange = "2013-05-11".parse().unwrap();
        let year: DateRange = "2013".parse().unwrap();
        let (y0, y1) = (d(2013, 1, 1), d(2013, 12, 31));
        let (m0, m1) = (d(2013, 5, 1), d(2013, 5, 31));
        let the_day = d(2013, 5, 11);
        assert!(!day.holds(y0, y1), "the year is less precise than the day");
        assert!(!day.holds(m0, m1), "the month is less precise than the day");
        assert!(day.holds(the_day, the_day));
        assert!(year.holds(m0, m1) && year.holds(the_day, the_day) && year.holds(y0, y1));
        assert!(
            !year.holds(d(2012, 12, 31), d(2013, 1, 6)),
            "a week across years"
        );
        let open: DateRange = "2013..".parse().unwrap();
        assert!(open.holds(y0, y1) && !open.holds(d(2012, 1, 1), d(2012, 12, 31)));
    }

    #[test]
    fn forms_users_type() {
        assert_eq!(range("2024"), (Some(d(2024, 1, 1)), Some(d(2024, 12, 31))));
        assert_eq!(
            range("2024-02"),
            (Some(d(2024, 2, 1)), Some(d(2024, 2, 29)))
        );
        assert_eq!(
            range("2024-06-19"),
            (Some(d(2024, 6, 19)), Some(d(2024, 6, 19)))
        );
        assert_eq!(
            range("2023-09..2024-01"),
            (Some(d(2023, 9, 1)), Some(d(2024, 1, 31)))
        );
        assert_eq!(range("..2023"), (None, Some(d(2023, 12, 31))));
        assert_eq!(range("2024.."), (Some(d(2024, 1, 1)), None));
        assert_eq!(
            range("जून 2024"),
            (Some(d(2024, 6, 1)), Some(d(2024, 6, 30)))
        );
        assert_eq!(
            range("सितम्बर २०२३"),
            (Some(d(2023, 9, 1)), Some(d(2023, 9, 30)))
        );
    }

    #[test]
    fn bad_ranges_are_refused() {
        for bad in [
            "2024-13",
            "2024-02-30",
            "..",
            "2025..2024",
            "कल",
            "hello",
            "",
        ] {
            assert!(bad.parse::<DateRange>().is_err(), "{bad}");
        }
        assert!(
            BadRange::Unreadable("2024-13".into())
                .to_string()
                .contains("`2024-13`")
        );
        assert_eq!(
            "2025..2024".parse::<DateRange>(),
            Err(BadRange::Reversed("2025..2024".into()))
        );
    }

    #[test]
    fn values_become_intervals() {
        assert_eq!(
            interval_of("2024-W02").map(|i| (i.0, i.1)),
            Some((d(2024, 1, 8), d(2024, 1, 14)))
        );
        assert_eq!(
            interval_of("1950/1953").map(|i| (i.0, i.1)),
            Some((d(1950, 1, 1), d(1953, 12, 31)))
        );
        assert_eq!(
            interval_of("199").map(|i| (i.0, i.1)),
            Some((d(1990, 1, 1), d(1999, 12, 31)))
        );
        assert_eq!(
            interval_of("2024-01-21T18:51").map(|i| i.0),
            Some(d(2024, 1, 21))
        );
        for none in ["XXXX-09-14", "P24Y", "T10:00", "2024-13"] {
            assert_eq!(interval_of(none), None, "{none}");
        }
    }

    #[test]
    fn stepping_by_the_range_unit() {
        let m: DateRange = "2024-01".parse().unwrap();
        assert_eq!(m.step(1).to_string(), "2024-02");
        assert_eq!(m.step(-1).to_string(), "2023-12");
        let y: DateRange = "2024".parse().unwrap();
        assert_eq!(y.step(-2).to_string(), "2022");
        let r: DateRange = "2024-01-01..2024-01-10".parse().unwrap();
        assert_eq!(r.step(1).to_string(), "2024-01-11..2024-01-20");
        let months: DateRange = "2023-09..2024-01".parse().unwrap();
        assert_eq!(months.to_string(), "2023-09..2024-01");
        assert_eq!(months.step(1).to_string(), "2024-02..2024-06");
        assert_eq!(months.step(2).to_string(), "2024-07..2024-11");
        let years: DateRange = "2019..2022".parse().unwrap();
        assert_eq!(years.to_string(), "2019..2022");
        assert_eq!(years.step(-1).to_string(), "2015..2018");
        let open: DateRange = "..2023".parse().unwrap();
        assert_eq!(open.step(1), open);
    }
}
