//! Turning what an expression says into a TimeML-style value, against the publication
//! date the way news temporal taggers do.
//!
//! Without a publication date nothing relative is resolved: values stay `None` rather
//! than being invented from today's clock.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::Unit;
use super::model::{DateKind, PartialDate, Published};
use super::sem::{DayTime, Sem, Shift};
use super::tense::Tense;

/// What is known of the publication date.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Anchor {
    date: Option<NaiveDate>,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

impl Anchor {
    pub(super) fn new(published: Option<&Published>) -> Self {
        published.map_or_else(Self::default, |p| Self {
            date: p.date.to_naive(),
            year: p.date.year,
            month: p.date.month,
            day: p.date.day,
        })
    }
}

/// The kind and value of `sem`; `tense` is only asked when the value depends on it.
pub(super) fn resolve(
    sem: Sem,
    anchor: &Anchor,
    tense: impl FnOnce() -> Tense,
) -> (DateKind, Option<String>) {
    match sem {
        Sem::Calendar { date, clock, .. } => {
            let mut date = fill_year(date, anchor, tense);
            if date.day.is_some() && date.to_naive().is_none() {
                // 29 February read into a year that has none.
                date.year = None;
            }
            match clock {
                Some((h, m)) => (
                    DateKind::Time,
                    date.value().map(|v| format!("{v}T{h:02}:{m:02}")),
                ),
                None => (DateKind::Date, date.value()),
            }
        }
        Sem::DayRange { from, to_day } => {
            let from = fill_year(from, anchor, tense);
            let to = PartialDate {
                day: Some(to_day),
                ..from
            };
            let value = from
                .value()
                .zip(to.value())
                .map(|(a, b)| format!("{a}/{b}"));
            (DateKind::Date, value)
        }
        Sem::WeekOfMonth { month, week } => {
            let month = fill_year(month, anchor, tense);
            (DateKind::Date, week_of_month(month, week))
        }
        Sem::YearRange(a, b) => (DateKind::Date, Some(format!("{a:04}/{b:04}"))),
        Sem::Decade(d) => (DateKind::Date, Some(format!("{d:03}"))),
        Sem::Century(c) => (DateKind::Date, Some(format!("{c:02}"))),
        Sem::Weekday { day, shift, time } => {
            let date = anchor.date.and_then(|a| weekday_near(a, day, shift, tense));
            with_time(date.map(|d| d.format("%Y-%m-%d").to_string()), time)
        }
        Sem::Month { month, shift } => (DateKind::Date, month_value(month, shift, anchor, tense)),
        Sem::Relative {
            unit,
            offset,
            by_tense,
            time,
        } => {
            let offset = if by_tense && tense() == Tense::Future {
                offset
            } else if by_tense {
                -offset
            } else {
                offset
            };
            let value = relative(unit, offset, anchor);
            match unit {
                Unit::Hour | Unit::Minute | Unit::Second => (DateKind::Time, None),
                _ => with_time(value, time),
            }
        }
        Sem::Clock { hour, minute } => (DateKind::Time, Some(format!("T{hour:02}:{minute:02}"))),
        Sem::PartOfDay(p) => (DateKind::Time, Some(format!("T{}", p.timeml()))),
        Sem::Duration { hundredths, unit } => (DateKind::Duration, Some(period(hundredths, unit))),
        Sem::Set { n, unit } => (
            DateKind::Set,
            Some(period(Some(n.unwrap_or(1).saturating_mul(100)), unit)),
        ),
        Sem::SetWeekday(d) => (DateKind::Set, Some(format!("XXXX-WXX-{d}"))),
        Sem::SetPart(p) => (DateKind::Set, Some(format!("T{}", p.timeml()))),
        Sem::DayOfMonth { day, months } => {
            let value = anchor
                .year
                .zip(anchor.month)
                .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, u32::from(m), 1))
                .and_then(|first| {
                    let m = Months::new(months.unsigned_abs());
                    if months >= 0 {
                        first.checked_add_months(m)
                    } else {
                        first.checked_sub_months(m)
                    }
                })
                .and_then(|first| first.with_day(u32::from(day)))
                .map(|d| d.format("%Y-%m-%d").to_string());
            (DateKind::Date, value)
        }
        Sem::Vague => (DateKind::Date, None),
        Sem::VagueLength => (DateKind::Duration, None),
    }
}

/// A day that cannot be placed (`शुक्रवार सुबह सात बजे` in an article without a year)
/// still keeps its time of day: `T07:00`, as a clock alone is given.
fn with_time(value: Option<String>, time: Option<DayTime>) -> (DateKind, Option<String>) {
    let day = value.unwrap_or_default();
    match time {
        Some(DayTime::Part(p)) => (DateKind::Time, Some(format!("{day}T{}", p.timeml()))),
        Some(DayTime::Clock(h, m)) => (DateKind::Time, Some(format!("{day}T{h:02}:{m:02}"))),
        None => (DateKind::Date, Some(day).filter(|d| !d.is_empty())),
    }
}

/// The days of week `week` of `month` (1 to 4, or -1 for its last seven) as a range; a
/// month of an unknown year is taken as a common year's.
fn week_of_month(month: PartialDate, week: i8) -> Option<String> {
    // 2023: a common year, for a month whose year is not known.
    let start = NaiveDate::from_ymd_opt(month.year.unwrap_or(2023), month.month?.into(), 1)?;
    let days = start.checked_add_months(Months::new(1))?.pred_opt()?.day() as u8;
    let first = match u8::try_from(week) {
        Ok(n @ 1..=4) => 7 * (n - 1) + 1,
        _ => days - 6,
    };
    let last = if week < 0 { days } else { first + 6 };
    let day = |d: u8| {
        PartialDate {
            day: Some(d),
            ..month
        }
        .value()
    };
    Some(format!("{}/{}", day(first)?, day(last)?))
}

/// A month (and day) without a year takes the publication year; in the past tense a
/// later month means last year's, in the future tense an earlier month next year's, and
/// until a date that holds now (`Tense::Until`) the nearest.
fn fill_year(date: PartialDate, anchor: &Anchor, tense: impl FnOnce() -> Tense) -> PartialDate {
    if date.year.is_some() || date.month.is_none() {
        return date;
    }
    let Some(year) = anchor.year else { return date };
    let Some(am) = anchor.month else {
        return PartialDate {
            year: Some(year),
            ..date
        };
    };
    let written = (date.month, date.day.unwrap_or(0));
    let published = (
        Some(am),
        if date.day.is_some() {
            anchor.day.unwrap_or(0)
        } else {
            0
        },
    );
    let year = match tense() {
        Tense::Future if written < published => year + 1,
        Tense::Past | Tense::Unknown if written > published => year - 1,
        // The nearest: more than half a year on is last year's, as far back next year's.
        Tense::Until => match i32::from(date.month.unwrap_or(am)) - i32::from(am) {
            ahead if ahead > 6 => year - 1,
            behind if behind < -6 => year + 1,
            _ => year,
        },
        _ => year,
    };
    PartialDate {
        year: Some(year),
        ..date
    }
}

fn month_value(
    month: u8,
    shift: Shift,
    anchor: &Anchor,
    tense: impl FnOnce() -> Tense,
) -> Option<String> {
    let unknown = PartialDate {
        year: None,
        month: Some(month),
        day: None,
    };
    let Some(year) = anchor.year else {
        return unknown.value();
    };
    let am = anchor.month.unwrap_or(month);
    let year = match shift {
        Shift::Tense => return fill_year(unknown, anchor, tense).value(),
        Shift::This => year,
        Shift::Prev if month < am => year,
        Shift::Prev => year - 1,
        Shift::Next if month > am => year,
        Shift::Next => year + 1,
        Shift::Years(k) => year + k,
    };
    PartialDate {
        year: Some(year),
        month: Some(month),
        day: None,
    }
    .value()
}

/// The weekday `day` (1 = Monday) nearest the publication date in the direction asked.
fn weekday_near(
    anchor: NaiveDate,
    day: u8,
    shift: Shift,
    tense: impl FnOnce() -> Tense,
) -> Option<NaiveDate> {
    let target = Weekday::try_from(day.checked_sub(1)?).ok()?;
    let back = u64::from(
        (anchor.weekday().num_days_from_monday() + 7 - target.num_days_from_monday()) % 7,
    );
    let forward = (7 - back) % 7;
    match shift {
        Shift::This => {
            let monday = anchor.checked_sub_days(Days::new(u64::from(
                anchor.weekday().num_days_from_monday(),
            )))?;
            monday.checked_add_days(Days::new(u64::from(target.num_days_from_monday())))
        }
        Shift::Prev => anchor.checked_sub_days(Days::new(if back == 0 { 7 } else { back })),
        Shift::Next => anchor.checked_add_days(Days::new(if forward == 0 { 7 } else { forward })),
        Shift::Tense | Shift::Years(_) => match tense() {
            Tense::Future => anchor.checked_add_days(Days::new(forward)),
            _ => anchor.checked_sub_days(Days::new(back)),
        },
    }
}

/// The period `offset` units away from the publication date, at the unit's granularity.
fn relative(unit: Unit, offset: i32, anchor: &Anchor) -> Option<String> {
    let shift_days = |a: NaiveDate, days: i64| {
        if days >= 0 {
            a.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            a.checked_sub_days(Days::new(days.unsigned_abs()))
        }
    };
    let week = |d: NaiveDate| format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week());
    match unit {
        Unit::Day if anchor.date.is_none() => {
            // `दो दिन पहले` in an article dated `14 नवंबर` without a year: the day and month
            // are known when every year of a leap cycle agrees on them (a count may cross a
            // 29 February a year before or after: the review).
            let (month, day) = (u32::from(anchor.month?), u32::from(anchor.day?));
            let moved = [2021, 2022, 2023, 2024].map(|y| {
                NaiveDate::from_ymd_opt(y, month, day)
                    .and_then(|d| shift_days(d, i64::from(offset)))
                    .map(|d| d.format("%m-%d").to_string())
            });
            let first = moved[0].clone()?;
            moved
                .iter()
                .all(|m| m.as_deref() == Some(first.as_str()))
                .then(|| format!("XXXX-{first}"))
        }
        Unit::Day => Some(
            shift_days(anchor.date?, i64::from(offset))?
                .format("%Y-%m-%d")
                .to_string(),
        ),
        Unit::Month if anchor.year.is_none() => {
            let month = i32::from(anchor.month?) - 1 + offset;
            Some(format!("XXXX-{:02}", month.rem_euclid(12) + 1))
        }
        Unit::Week => Some(week(shift_days(anchor.date?, i64::from(offset) * 7)?)),
        Unit::Fortnight => Some(week(shift_days(anchor.date?, i64::from(offset) * 14)?)),
        Unit::Month => {
            let first = NaiveDate::from_ymd_opt(anchor.year?, u32::from(anchor.month?), 1)?;
            let m = Months::new(offset.unsigned_abs());
            let d = if offset >= 0 {
                first.checked_add_months(m)?
            } else {
                first.checked_sub_months(m)?
            };
            Some(d.format("%Y-%m").to_string())
        }
        Unit::Year => Some(format!("{:04}", years(anchor.year?, 1, offset)?)),
        Unit::Decade => Some(format!("{:03}", years(anchor.year?, 10, offset)?)),
        Unit::Century => Some(format!("{:02}", years(anchor.year?, 100, offset)?)),
        Unit::Hour | Unit::Minute | Unit::Second => None,
    }
}

/// The span of `span` years (1, 10, 100) holding `year`, moved by `offset` of them, as its
/// first year divided by `span`; `None` before year 0 or past 9999, which the `YYYY` form
/// cannot write (`92 सदी पहले` in 2024 would be century -72).
fn years(year: i32, span: i32, offset: i32) -> Option<i32> {
    let moved = year.div_euclid(span).checked_add(offset)?;
    (0..=9999)
        .contains(&moved.checked_mul(span)?)
        .then_some(moved)
}

/// ISO 8601 length of `hundredths` hundredths of `unit`: `P24Y`, `P2.5Y`, `PT3H`, `PXY` for
/// an unknown count.
fn period(hundredths: Option<i32>, unit: Unit) -> String {
    let count = |k: i32| {
        hundredths.map_or_else(
            || "X".to_owned(),
            |h| {
                let h = h.saturating_mul(k);
                if h % 100 == 0 {
                    (h / 100).to_string()
                } else {
                    format!("{}.{:02}", h / 100, (h % 100).abs())
                        .trim_end_matches('0')
                        .to_owned()
                }
            },
        )
    };
    match unit {
        Unit::Second => format!("PT{}S", count(1)),
        Unit::Minute => format!("PT{}M", count(1)),
        Unit::Hour => format!("PT{}H", count(1)),
        Unit::Day => format!("P{}D", count(1)),
        Unit::Week => format!("P{}W", count(1)),
        Unit::Fortnight => format!("P{}W", count(2)),
        Unit::Month => format!("P{}M", count(1)),
        Unit::Year => format!("P{}Y", count(1)),
        Unit::Decade => format!("P{}Y", count(10)),
        Unit::Century => format!("P{}Y", count(100)),
    }
}
