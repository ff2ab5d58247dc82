//! The values dates normalise to, as they appear in `khabar extract --json`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of time expression a mention is (the four classes of `TimeML`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A calendar point or period: a day, week, month, year, decade, or a range of them.
    Date,
    /// A time of day.
    Time,
    /// A length of time (`24 साल`), normalised to ISO 8601 (`P24Y`).
    Duration,
    /// A recurring time (`हर साल`).
    Set,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub kind: DateKind,
    /// Normalised value (`2024-01-15`, `2024-W02`, `2023-09`, `1999`, `1950/1953`,
    /// `XXXX-09-14`, `P24Y`, `T10:00`), or `None` when it cannot be resolved. Shared:
    /// an article names the same few days over and over.
    pub value: Option<Arc<str>>,
}

/// A calendar date whose parts may be unknown: a dateline `14 सितंबर` has no year.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// The TimeML-style value: `2024-01-21`, `2024-01`, `2024`, `XXXX-09-14`, `XXXX-09`.
    pub fn value(&self) -> Option<String> {
        let mut out = String::new();
        self.write_value(&mut out).ok()?.then_some(out)
    }

    /// Writes [`PartialDate::value`] to `out` without allocating (`list` prints one per
    /// row); `Ok(false)`, with nothing written, when there is no value.
    pub fn write_value(&self, out: &mut impl std::fmt::Write) -> Result<bool, std::fmt::Error> {
        if self.year.is_none() && self.month.is_none() {
            return Ok(false);
        }
        match self.year {
            Some(y) => write!(out, "{y:04}")?,
            None => out.write_str("XXXX")?,
        }
        if let Some(m) = self.month {
            write!(out, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(out, "-{d:02}")?;
            }
        }
        Ok(true)
    }

    /// The full date, when year, month and day are all known and form a real day.
    pub fn to_naive(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year?, u32::from(self.month?), u32::from(self.day?))
    }
}

/// When an article was published, as far as the article says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Published {
    pub date: PartialDate,
    /// Hour and minute (24-hour clock) in the article's own zone, when written.
    pub time: Option<(u8, u8)>,
    /// The zone's offset from UTC in minutes, when written (`IST` = +330, `GMT` = 0).
    pub utc_offset_minutes: Option<i32>,
}

impl Published {
    pub fn value(&self) -> Option<String> {
        self.date.value()
    }
}
