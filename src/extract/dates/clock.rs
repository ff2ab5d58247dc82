//! Times of day: `10 बजे`, `सुबह 9.30 बजे`, `साढ़े दस बजे`, `07:40 IST`, `06:51 PM (IST)`,
//! and the time that may follow a calendar date in a byline.

use super::lexer::{Cursor, Tok, TokKind};
use super::lexicon::{Lex, Part, Unit, role};
use super::model::PartialDate;
use super::sem::Sem;

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

/// A 12-hour reading moved into the part of the day: शाम 5 is 17:00, रात 12 is 00:00.
const fn in_part(part: Part, h: i32) -> i32 {
    match part {
        Part::Afternoon if 1 <= h && h <= 6 => h + 12,
        Part::Evening if h < 12 => h + 12,
        Part::Night if 6 <= h && h < 12 => h + 12,
        Part::Night if h == 12 => 0,
        _ => h,
    }
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

/// An hour written as digits or as a Hindi number word.
fn hour_token(t: Tok) -> Option<i32> {
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
    if let Some(hour) = c.next_tok().and_then(hour_token)
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
    let hour = hour_token(c.next_tok()?)?;
    c.eat(|t| t.entry().is_some_and(|e| e.has(role::OCLOCK)))?;
    let total = (hour * 60 + i32::from(minutes)).rem_euclid(24 * 60);
    Some((
        c,
        Sem::Clock {
            hour: (total / 60) as u8,
            minute: (total % 60) as u8,
        },
    ))
}

fn eat_zone(c: &mut Cursor<'_>) -> Option<i32> {
    let zone_of = |t: Tok| match t.entry().and_then(|e| e.lex) {
        Some(Lex::Zone(z)) => Some(z),
        _ => None,
    };
    let mut p = *c;
    if p.eat(|t| t.is_punct(&['('])).is_some() {
        let z = p.next_tok().and_then(zone_of)?;
        p.eat(|t| t.is_punct(&[')']))?;
        *c = p;
        return Some(z);
    }
    zone_of(c.eat(|t| zone_of(t).is_some())?)
}

/// After a calendar date: an optional time and zone (`15 अगस्त 2022 07:40 IST`).
pub(super) fn calendar_tail(cur: Cursor<'_>, date: PartialDate) -> (Cursor<'_>, Sem) {
    let mut c = cur;
    c.eat(|t| t.is_punct(&[',', '|']));
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
    (
        cur,
        Sem::Calendar {
            date,
            clock: None,
            zone: None,
        },
    )
}
