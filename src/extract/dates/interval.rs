//! The calendar days behind a normalised value, so a date filter or index can ask
//! whether a mention falls in a period without parsing the value strings itself.

use chrono::{NaiveDate, Weekday};

use super::model::{DateKind, DateMention};

impl DateMention {
    /// The first and last day (inclusive) this mention points at: one day for
    /// `2024-01-15` or `2024-01-21T18:51`, a week for `2024-W02`, a month, a year, a decade
    /// (`199`), a century (`20`), or a range (`1950/1953`). `None` for lengths, recurring
    /// times, unknown years (`XXXX-09-14`), times without a day and unresolved values.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self.kind {
            DateKind::Date | DateKind::Time => value_days(self.value.as_deref()?),
            DateKind::Duration | DateKind::Set => None,
        }
    }
}

/// The days a date value covers; see [`DateMention::days`].
pub fn value_days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = value.split_once('/') {
        let (first, _) = value_days(a)?;
        let (_, last) = value_days(b)?;
        return (first <= last).then_some((first, last));
    }
    // A time of day narrows a day, not the days: `2024-01-21T18:51` is that day.
    let date = match value.split_once('T') {
        Some(("", _)) => return None,
        Some((date, _)) => date,
        None => value,
    };
    if let Some((year, week)) = date.split_once("-W") {
        let (year, week) = (year.parse().ok()?, week.parse().ok()?);
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        return Some((
            monday,
            NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?,
        ));
    }
    let parts: Vec<&str> = date.split('-').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |i: usize| parts[i].parse::<u32>().ok();
    match (parts.len(), parts[0].len()) {
        (1, 2) => years(num(0)?.checked_mul(100)?, 100),
        (1, 3) => years(num(0)?.checked_mul(10)?, 10),
        (1, 4) => years(num(0)?, 1),
        (2, 4) => {
            let first = NaiveDate::from_ymd_opt(i32::try_from(num(0)?).ok()?, num(1)?, 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((first, next.pred_opt()?))
        }
        (3, 4) => {
            let day = NaiveDate::from_ymd_opt(i32::try_from(num(0)?).ok()?, num(1)?, num(2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// `count` whole years from `start`.
fn years(start: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = i32::try_from(start).ok()?;
    let count = i32::try_from(count).ok()?;
    let first = NaiveDate::from_ymd_opt(start, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(start + count - 1, 12, 31)?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values_cover_their_days() {
        assert_eq!(
            value_days("2024-01-15"),
            Some((d(2024, 1, 15), d(2024, 1, 15)))
        );
        assert_eq!(
            value_days("2024-01-21T18:51"),
            Some((d(2024, 1, 21), d(2024, 1, 21)))
        );
        assert_eq!(
            value_days("2024-01-20TNI"),
            Some((d(2024, 1, 20), d(2024, 1, 20)))
        );
        assert_eq!(
            value_days("2024-W02"),
            Some((d(2024, 1, 8), d(2024, 1, 14)))
        );
        assert_eq!(value_days("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(value_days("2023"), Some((d(2023, 1, 1), d(2023, 12, 31))));
        assert_eq!(value_days("199"), Some((d(1990, 1, 1), d(1999, 12, 31))));
        assert_eq!(value_days("20"), Some((d(2000, 1, 1), d(2099, 12, 31))));
        assert_eq!(
            value_days("1950/1953"),
            Some((d(1950, 1, 1), d(1953, 12, 31)))
        );
        assert_eq!(
            value_days("2024-02-15/2024-02-16"),
            Some((d(2024, 2, 15), d(2024, 2, 16)))
        );
    }

    #[test]
    fn values_without_days() {
        for v in [
            "XXXX-09-14",
            "XXXX-09",
            "T10:00",
            "TMO",
            "P24Y",
            "2024-13",
            "2024-02-30",
            "",
            "1953/1950",
            "2024-W60",
        ] {
            assert_eq!(value_days(v), None, "{v}");
        }
    }
}
