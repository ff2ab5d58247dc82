//! What a date expression says, before it is resolved against a publication date.
//!
//! The grammar produces these and the resolver turns them into TimeML-style values;
//! keeping the two apart lets one parse serve both `find_dates` and `parse_published`.

use super::lexicon::{Part, Unit};
use super::model::PartialDate;
use crate::span::Span;

/// Which occurrence of a weekday or month is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shift {
    /// Bare: the verb's tense decides (the last one, or the next one in future tense).
    Tense,
    Prev,
    Next,
    This,
    /// A month of a year counted from the publication year: "पिछले साल सितंबर" is -1.
    Years(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sem {
    /// A date as written; a missing year is taken from the publication date by tense.
    Calendar {
        date: PartialDate,
        clock: Option<(u8, u8)>,
        zone: Option<i32>,
    },
    YearRange(i32, i32),
    /// `15-16 जनवरी`: days of one month; a missing year is filled as for `Calendar`.
    DayRange {
        from: PartialDate,
        to_day: u8,
    },
    /// `मार्च के पहले सप्ताह`: week 1 to 4 of a month (its days 1-7 … 22-28), or -1 for its
    /// last seven days; the year, when missing, is filled as a month's is (by the month
    /// alone), and then the month's length is known (February's last week in a leap year).
    WeekOfMonth {
        month: PartialDate,
        week: i8,
    },
    /// The first three digits of the years: 1990s is 199.
    Decade(i32),
    /// Completed centuries: the 21st century is 20.
    Century(i32),
    Weekday {
        day: u8,
        shift: Shift,
        time: Option<DayTime>,
    },
    Month {
        month: u8,
        shift: Shift,
    },
    /// `offset` units from the publication date; with `by_tense` its sign comes from the
    /// verb (कल is yesterday or tomorrow).
    Relative {
        unit: Unit,
        offset: i32,
        by_tense: bool,
        time: Option<DayTime>,
    },
    /// A time of day without a date.
    Clock {
        hour: u8,
        minute: u8,
    },
    PartOfDay(Part),
    /// "कुछ देर": a length with neither count nor unit.
    VagueLength,
    /// A count of units in hundredths (ढाई साल is 250 years-hundredths), `None` when vague.
    Duration {
        hundredths: Option<i32>,
        unit: Unit,
    },
    Set {
        n: Option<i32>,
        unit: Unit,
    },
    SetWeekday(u8),
    /// "हर सुबह": every morning.
    SetPart(Part),
    /// "15 तारीख": a day of the publication month; "पिछले महीने की 12 तारीख": of the month
    /// `months` from it.
    DayOfMonth {
        day: u8,
        months: i32,
    },
    /// A time expression with no value to give ("आने वाले दिनों", "कुछ दिन पहले").
    Vague,
}

/// The time of day a day is narrowed to: `बुधवार रात`, `कल शाम 5 बजे`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayTime {
    Part(Part),
    Clock(u8, u8),
}

/// One expression found by the grammar: where it is and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub span: Span,
    pub sem: Sem,
}
