//! Times of day: `10 बजे`, `सुबह 9.30 बजे`, `साढ़े दस बजे`, `07:40 IST`, `06:51 PM (IST)`,
//! and the time that may follow a calendar date in a byline.

use super::lexer::{Cursor, Tok, TokKind};
use super::lexicon::{Lex, Part, Unit, role};
use super::model::PartialDate;
use super::sem::{DayTime, Sem};

/// A time of day read after an hour, with the zone when one was written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub hour: u8,
    pub minute: u8,
    pub zone: Option<i32>,
}

/// After an hour: `10 बजे`, `10:30`, `07:40 IST`, `06:51 PM (IST)`, `एक बजे रात`.
pub(super) fn clock_tail(cur: Cursor<'_>, hour: i32) -> Option<(Cursor<'_>, (u8, u8))> {
    let (c, clock) = clock_after_hour(cur, hour, false)?;
    Some((c, (clock.hour, clock.minute)))
}

/// The clock after `hour`. `after_part` accepts `5.30` with a dot, which alone would as
/// likely be a decimal, because a part of the day came first (`सुबह 5.30`).
fn clock_after_hour(cur: Cursor<'_>, hour: i32, after_part: bool) -> Option<(Cursor<'_>, Clock)> {
    if !(0..=24).contains(&hour) {
        return None;
    }
    let mut c = cur;
    let mut hour = hour;
    let mut minute = 0;
    let start = c.pos;
    let sep = c.eat(|t| t.span.start == start && t.is_punct(&[':', '.']));
    let dotted = sep.is_some_and(|t| t.is_punct(&['.']));
    if sep.is_some() {
        minute = c
            .eat(|t| t.num().is_some_and(|(v, d)| d == 2 && v < 60))?
            .num()?
            .0;
        let s = c.pos;
        let mut sec = c;
        if sec
            .eat(|t| t.span.start == s && t.is_punct(&[':']))
            .is_some()
            && sec.eat(|t| t.num().is_some_and(|(_, d)| d == 2)).is_some()
        {
            c = sec;
        }
    }
    let mut marked = false;
    if let Some(Lex::Meridiem { pm }) = c
        .eat(|t| matches!(t.entry().and_then(|e| e.lex), Some(Lex::Meridiem { .. })))
        .and_then(|t| t.entry()?.lex)
    {
        if hour > 12 {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        marked = true;
    }
    if c.eat(|t| t.entry().is_some_and(|e| e.has(role::OCLOCK)))
        .is_some()
    {
        marked = true;
        let mut m = c;
        if let Some(t) = m.eat(|t| t.num().is_some_and(|(v, d)| d <= 2 && v < 60))
            && m.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Minute)))
                .is_some()
        {
            minute = t.num()?.0;
            c = m;
        }
        if let Some(part) = eat_part(&mut c) {
            hour = in_part(part, hour);
        }
    }
    let zone = eat_zone(&mut c);
    let has_minutes = sep.is_some();
    // "छह से दस बजे": the first hour of a range is a time of its own, left for the
    // scanner to read the second from where this one ends.
    let marked = marked || (!has_minutes && zone.is_none() && range_to_clock(c));
    if !(marked || (has_minutes && (!dotted || zone.is_some() || after_part))) {
        return None;
    }
    if hour == 24 && minute != 0 {
        return None;
    }
    Some((
        c,
        Clock {
            hour: hour as u8,
            minute: minute as u8,
            zone,
        },
    ))
}

/// Words before a number that counts things, not hours.
const NUMBERED: &[&str] = &[
    "सेक्टर",
    "नंबर",
    "नं",
    "संख्या",
    "प्लेटफॉर्म",
    "प्लेटफार्म",
    "प्लेटफ़ॉर्म",
    "गेट",
    "वार्ड",
    "कमरा",
    "कक्ष",
    "बूथ",
    "फेज",
    "फ़ेज",
    "ब्लॉक",
    "टर्मिनल",
    "हॉल",
    "रूट",
    "लाइन",
    "मकान",
    "पॉकेट",
    "सेक्शन",
    "no",
    "No",
];

/// Whether `से` or `-` and an hour with `बजे` come next: the end of a range of hours.
/// Not after a word that numbers things (`सेक्टर 18 से 9 बजे`, `गेट नंबर 2 से 10 बजे`).
pub(super) fn range_to_clock(cur: Cursor<'_>) -> bool {
    let mut c = cur;
    let text = c.text();
    // The word before the hour, or before its fraction (`गेट नंबर साढ़े तीन से`: the review).
    let mut before = text[..cur.pos].split_whitespace().rev().skip(1);
    let numbered = before.next().is_some_and(|w| {
        let w = if matches!(w, "साढ़े" | "सवा" | "पौने") {
            before.next().unwrap_or("")
        } else {
            w
        };
        NUMBERED.contains(&w.trim_end_matches(['.', ':']))
    });
    !numbered
        && c.eat(|t| t.is_punct(&['-', '–']) || &text[t.span.start..t.span.end] == "से")
            .is_some()
        && {
            // "साढ़े पांच से साढ़े छह बजे": the second hour may be a fraction's too.
            c.eat(|t| matches!(t.entry().and_then(|e| e.lex), Some(Lex::ClockFraction(_))));
            true
        }
        && c.next_tok().and_then(small_number).is_some()
        && c.eat(|t| t.entry().is_some_and(|e| e.has(role::OCLOCK)))
            .is_some()
}

/// A 12-hour reading moved into the part of the day: शाम 5 is 17:00, रात 12 is 00:00.
pub(super) const fn in_part(part: Part, h: i32) -> i32 {
    match part {
        Part::Afternoon if 1 <= h && h <= 6 => h + 12,
        Part::Evening if h < 12 => h + 12,
        Part::Night if 6 <= h && h < 12 => h + 12,
        Part::Night if h == 12 => 0,
        _ => h,
    }
}

/// The time of day after a day word: `रात`, `शाम 5 बजे`, `10 बजे`.
pub(super) fn eat_day_time(c: &mut Cursor<'_>) -> Option<DayTime> {
    let mut p = *c;
    if let Some(part) = eat_part(&mut p) {
        let (after, sem) = part_of_day(p, part);
        *c = after;
        return Some(match sem {
            Sem::Clock { hour, minute } => DayTime::Clock(hour, minute),
            _ => DayTime::Part(part),
        });
    }
    let hour = small_number(p.next_tok()?)?;
    let (after, clock) = clock_after_hour(p, hour, false)?;
    *c = after;
    Some(DayTime::Clock(clock.hour, clock.minute))
}

pub(super) fn eat_part(c: &mut Cursor<'_>) -> Option<Part> {
    match c
        .eat(|t| matches!(t.entry().and_then(|e| e.lex), Some(Lex::Part(_))))?
        .entry()?
        .lex?
    {
        Lex::Part(p) => Some(p),
        _ => None,
    }
}

/// An hour (or a day of the month) written as one or two digits or as a Hindi number word.
pub(super) fn small_number(t: Tok) -> Option<i32> {
    match t.kind {
        TokKind::Num {
            value,
            digits: 1..=2,
        } => Some(value),
        TokKind::Word(e) => match e.lex? {
            Lex::Number(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// `सुबह 10 बजे`, `शाम 7:30`, `सुबह 5.30`, or the part of the day alone.
pub(super) fn part_of_day(cur: Cursor<'_>, part: Part) -> (Cursor<'_>, Sem) {
    let mut c = cur;
    // "प्रात: 10 बजे": a colon typed for the visarga.
    let at = c.pos;
    c.eat(|t| t.span.start == at && t.is_punct(&[':']));
    if let Some(hour) = c.next_tok().and_then(small_number)
        && let Some((c, clock)) = clock_after_hour(c, hour, true)
    {
        let hour = in_part(part, i32::from(clock.hour)) as u8;
        return (
            c,
            Sem::Clock {
                hour,
                minute: clock.minute,
            },
        );
    }
    (cur, Sem::PartOfDay(part))
}

/// `साढ़े दस बजे` (10:30), `सवा 12 बजे` (12:15), `पौने 9 बजे` (8:45).
pub(super) fn clock_fraction(cur: Cursor<'_>, minutes: i8) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let hour = small_number(c.next_tok()?)?;
    // The first hour of a range has no बजे of its own: "साढ़े पांच से साढ़े छह बजे".
    if c.eat(|t| t.entry().is_some_and(|e| e.has(role::OCLOCK)))
        .is_none()
        && !range_to_clock(c)
    {
        return None;
    }
    let total = (hour * 60 + i32::from(minutes)).rem_euclid(24 * 60);
    Some((
        c,
        Sem::Clock {
            hour: (total / 60) as u8,
            minute: (total % 60) as u8,
        },
    ))
}

/// `IST`, `(IST)`, `[IST]`, `GMT+5:30`, `+05:30`: the zone's offset from UTC in minutes.
fn eat_zone(c: &mut Cursor<'_>) -> Option<i32> {
    let zone_of = |t: Tok| match t.entry().and_then(|e| e.lex) {
        Some(Lex::Zone(z)) => Some(z),
        _ => None,
    };
    let mut p = *c;
    if let Some(open) = p.eat(|t| t.is_punct(&['(', '['])) {
        let close = if open.is_punct(&['(']) { ')' } else { ']' };
        let z = p.next_tok().and_then(zone_of)?;
        let z = z + eat_offset(&mut p).unwrap_or(0);
        p.eat(|t| t.is_punct(&[close]))?;
        *c = p;
        return Some(z);
    }
    if let Some(z) = p.eat(|t| zone_of(t).is_some()).and_then(zone_of) {
        *c = p;
        return Some(z + eat_offset(c).unwrap_or(0));
    }
    // Without a zone name only `+05:30` touching the time, or the four digits of RFC 2822
    // (`06:51:00 +0530`), count: `10:00-12:00` is a range.
    let at = c.pos;
    let touching_plus = c
        .peek()
        .is_some_and(|t| t.span.start == at && t.is_punct(&['+']));
    let mut p = *c;
    let four_digits = p.eat(|t| t.is_punct(&['+', '-'])).is_some_and(|sign| {
        p.peek()
            .is_some_and(|t| t.span.start == sign.span.end && t.num().is_some_and(|(_, d)| d == 4))
    });
    if touching_plus || four_digits {
        return eat_offset(c);
    }
    None
}

/// `+05:30`, `+5:30`, `-0400`, `+0530` written right after a time or zone name.
fn eat_offset(c: &mut Cursor<'_>) -> Option<i32> {
    let mut p = *c;
    let sign = p.eat(|t| t.is_punct(&['+', '-', '−']))?;
    let sign = if sign.is_punct(&['+']) { 1 } else { -1 };
    let start = p.pos;
    let (n, digits) = p
        .eat(|t| t.span.start == start && t.num().is_some())?
        .num()?;
    let minutes = match digits {
        1 | 2 => {
            let mut m = p;
            let at = m.pos;
            let minutes = if m
                .eat(|t| t.span.start == at && t.is_punct(&[':']))
                .is_some()
            {
                let mm = m
                    .eat(|t| t.num().is_some_and(|(v, d)| d == 2 && v < 60))?
                    .num()?
                    .0;
                p = m;
                mm
            } else {
                0
            };
            n * 60 + minutes
        }
        4 => n / 100 * 60 + n % 100,
        _ => return None,
    };
    if minutes > 14 * 60 {
        return None;
    }
    *c = p;
    Some(sign * minutes)
}

/// `15 जनवरी (सोमवार)`, `15 जनवरी, सोमवार`: a weekday naming the date's own day joins
/// it, so it is not read again as a weekday of its own.
fn weekday_after(cur: Cursor<'_>, date: PartialDate) -> Cursor<'_> {
    if date.day.is_none() {
        return cur;
    }
    let mut c = cur;
    let open = c
        .eat(|t| t.is_punct(&['(', ',']))
        .map(|t| t.is_punct(&['(']));
    let is_weekday = |t: Tok| {
        matches!(
            t.entry().and_then(|e| e.lex),
            Some(Lex::Weekday(_) | Lex::EnWeekday(_))
        )
    };
    if open.is_none() || c.eat(is_weekday).is_none() {
        return cur;
    }
    if open == Some(true) && c.eat(|t| t.is_punct(&[')'])).is_none() {
        return cur;
    }
    c
}

/// After a calendar date: an optional time and zone (`15 अगस्त 2022 07:40 IST`).
pub(super) fn calendar_tail(cur: Cursor<'_>, date: PartialDate) -> (Cursor<'_>, Sem) {
    let cur = weekday_after(cur, date);
    let mut c = cur;
    c.eat(|t| t.is_punct(&[',', '|']));
    // ISO 8601 joins date and time with a T: `2024-06-19T07:05:00+05:30`.
    let at = cur.pos;
    c.eat(|t| {
        t.span.start == at
            && matches!(t.kind, TokKind::Word(_))
            && t.span.len() == 1
            && cur.text()[t.span.start..t.span.end].eq_ignore_ascii_case("t")
    });
    if let Some(t) = c.next_tok()
        && let Some((hour, 1..=2)) = t.num()
        && let Some((after, clock)) = clock_after_hour(c, hour, false)
    {
        let sem = Sem::Calendar {
            date,
            clock: Some((clock.hour, clock.minute)),
            zone: clock.zone,
        };
        return (after, sem);
    }
    // "26 सितंबर 2019 शाम 5 बजे": a clock read in a part of the day.
    let mut p = cur;
    if date.day.is_some()
        && let Some(DayTime::Clock(hour, minute)) = eat_day_time(&mut p)
    {
        return (
            p,
            Sem::Calendar {
                date,
                clock: Some((hour, minute)),
                zone: None,
            },
        );
    }
    (
        cur,
        Sem::Calendar {
            date,
            clock: None,
            zone: None,
        },
    )
}
