//! The date grammar: from a trigger token, the longest date expression that starts there.
//!
//! Postpositions (को, में, से, तक) are looked at but never taken into a span, so a span is
//! the expression itself.

use super::lexer::{Cursor, Tok, TokKind};
use super::lexicon::{Lex, Part, Unit, role};
use super::model::PartialDate;
use super::numeric::{eat_ordinal, from_number};
use super::sem::{Found, Sem, Shift};
use crate::span::Span;

/// The expression starting at `start` (a trigger) inside `text[..end]`, if there is one.
pub(super) fn parse_at(text: &str, start: usize, end: usize) -> Option<Found> {
    let mut cur = Cursor::new(text, start, end);
    let first = cur.next_tok()?;
    let (after, sem) = match first.kind {
        TokKind::Num { .. } => from_number(cur, first)?,
        TokKind::Word(e) if e.has(role::ERA) => year_after_word(cur)?,
        TokKind::Word(e) => from_word(cur, e.lex?)?,
        TokKind::Punct(_) => return None,
    };
    let after = match sem {
        Sem::Calendar { .. }
        | Sem::Month { .. }
        | Sem::Relative { .. }
        | Sem::YearRange(..)
        | Sem::Decade(_)
        | Sem::Century(_) => edge_tail(after),
        _ => after,
    };
    // The cursor may sit after spaces; the span ends with the last token.
    let end = text[..after.pos].trim_end().len();
    Some(Found {
        span: Span::new(first.span.start, end),
        sem,
    })
}

fn from_word(cur: Cursor<'_>, lex: Lex) -> Option<(Cursor<'_>, Sem)> {
    match lex {
        Lex::Month(m) | Lex::EnMonth(m) => month_first(cur, m, matches!(lex, Lex::Month(_))),
        Lex::Weekday(d) | Lex::EnWeekday(d) => Some(weekday(cur, d, Shift::Tense)),
        Lex::EnWeekdayAbbr(_) => {
            let mut c = cur;
            c.eat(|t| t.is_punct(&[',', '.']));
            let t = c.next_tok()?;
            match from_number(c, t)? {
                r @ (_, Sem::Calendar { .. }) => Some(r),
                _ => None,
            }
        }
        Lex::Number(n) => {
            if let Some((c, (hour, minute))) = clock_tail(cur, n) {
                return Some((c, Sem::Clock { hour, minute }));
            }
            if n % 10 == 0 && n >= 20 {
                let mut c = cur;
                if c.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)))
                    .is_some()
                    && c.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Decade)))
                        .is_some()
                {
                    return Some((c, Sem::Decade(190 + n / 10)));
                }
            }
            quantity_tail(cur, Some(n))
        }
        Lex::Vague => quantity_tail(cur, None),
        Lex::ClockFraction(minutes) => {
            let mut c = cur;
            let hour = match c.next_tok()?.kind {
                TokKind::Num {
                    value,
                    digits: 1..=2,
                } => value,
                TokKind::Word(e) => match e.lex? {
                    Lex::Number(n) => n,
                    _ => return None,
                },
                _ => return None,
            };
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
        Lex::Prev | Lex::Next | Lex::This => modified(cur, lex),
        Lex::Coming => {
            let mut c = cur;
            c.eat(|t| t.entry().is_some_and(|e| e.has(role::COMING_TAIL)));
            modified(c, Lex::Next)
        }
        Lex::Every => every(cur),
        Lex::Recent => recent(cur),
        Lex::Set(unit) => Some((cur, Sem::Set { n: Some(1), unit })),
        Lex::Today | Lex::Kal | Lex::Parson | Lex::Yesterday | Lex::Tomorrow => {
            let (offset, by_tense) = match lex {
                Lex::Kal => (1, true),
                Lex::Parson => (2, true),
                Lex::Yesterday => (-1, false),
                Lex::Tomorrow => (1, false),
                _ => (0, false),
            };
            let mut c = cur;
            let part = eat_part(&mut c);
            Some((
                c,
                Sem::Relative {
                    unit: Unit::Day,
                    offset,
                    by_tense,
                    part,
                },
            ))
        }
        Lex::Part(p) => Some(part_of_day(cur, p)),
        Lex::Unit(Unit::Year) => year_after_word(cur),
        _ => None,
    }
}

/// `सन् 1857`, `वर्ष 2019`, `साल 2019-20`.
fn year_after_word(cur: Cursor<'_>) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let t = c.next_tok()?;
    let (y, 4) = t.num()? else { return None };
    if !(1000..=2199).contains(&y) {
        return None;
    }
    let mut r = c;
    if r.eat(|x| x.span.start == t.span.end && x.is_punct(&['-', '–', '/']))
        .is_some()
        && let Some((end, d)) = r.next_tok().and_then(Tok::num)
    {
        let end = if d == 2 { y / 100 * 100 + end } else { end };
        if end > y && end - y <= 100 {
            return Some((r, Sem::YearRange(y, end)));
        }
    }
    Some((
        c,
        Sem::Calendar {
            date: PartialDate {
                year: Some(y),
                month: None,
                day: None,
            },
            clock: None,
            zone: None,
        },
    ))
}

/// `August 15, 2022`, `अप्रैल 2019`, `सितंबर` (Devanagari names only, when alone).
fn month_first(cur: Cursor<'_>, month: u8, may_stand_alone: bool) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    c.eat(|t| t.is_punct(&['.']));
    let mut date = PartialDate {
        year: None,
        month: Some(month),
        day: None,
    };
    let mut d = c;
    if let Some((day, 1..=2)) = d.next_tok().and_then(Tok::num)
        && (1..=31).contains(&day)
    {
        eat_ordinal(&mut d);
        date.day = Some(day as u8);
        c = d;
    }
    let mut y = c;
    y.eat(|t| t.is_punct(&[',']));
    if let Some((year, 4)) = y.next_tok().and_then(Tok::num)
        && (1000..=2199).contains(&year)
    {
        date.year = Some(year);
        c = y;
    }
    if date.day.is_none() && date.year.is_none() {
        return may_stand_alone.then_some((
            cur,
            Sem::Month {
                month,
                shift: Shift::Tense,
            },
        ));
    }
    if date.day.is_some() && date.year.is_some() && date.to_naive().is_none() {
        return None;
    }
    Some(calendar_tail(c, date))
}

/// A weekday, merged with a date that follows (`Sun, 21 Jan 2024`) or a part of the day
/// (`बुधवार रात`).
fn weekday(cur: Cursor<'_>, day: u8, shift: Shift) -> (Cursor<'_>, Sem) {
    let mut c = cur;
    c.eat(|t| t.is_punct(&[',', '(']));
    if let Some(t) = c.next_tok() {
        let parsed = match t.kind {
            TokKind::Num { .. } => from_number(c, t),
            TokKind::Word(e) => match e.lex {
                Some(Lex::Month(m) | Lex::EnMonth(m)) => month_first(c, m, false),
                _ => None,
            },
            TokKind::Punct(_) => None,
        };
        if let Some(
            r @ (
                _,
                Sem::Calendar {
                    date: PartialDate { day: Some(_), .. },
                    ..
                },
            ),
        ) = parsed
        {
            let mut after = r.0;
            after.eat(|t| t.is_punct(&[')']));
            return (after, r.1);
        }
    }
    let mut c = cur;
    let part = eat_part(&mut c);
    (c, Sem::Weekday { day, shift, part })
}

fn eat_part(c: &mut Cursor<'_>) -> Option<Part> {
    let t = c.eat(|t| matches!(t.entry().and_then(|e| e.lex), Some(Lex::Part(_))))?;
    match t.entry()?.lex? {
        Lex::Part(p) => Some(p),
        _ => None,
    }
}

/// `सुबह 10 बजे`, `शाम 7:30`, or the part of the day alone.
fn part_of_day(cur: Cursor<'_>, part: Part) -> (Cursor<'_>, Sem) {
    let mut c = cur;
    let t = c.next_tok();
    let hour = t.and_then(|t| match t.kind {
        TokKind::Num {
            value,
            digits: 1..=2,
        } => Some(value),
        TokKind::Word(e) => match e.lex {
            Some(Lex::Number(n)) => Some(n),
            _ => None,
        },
        _ => None,
    });
    if let Some((c, (h, m))) = hour.and_then(|h| clock_tail(c, h)) {
        let h = match part {
            Part::Afternoon if (1..=6).contains(&h) => h + 12,
            Part::Evening if h < 12 => h + 12,
            Part::Night if (6..12).contains(&h) => h + 12,
            Part::Night if h == 12 => 0,
            _ => h,
        };
        return (c, Sem::Clock { hour: h, minute: m });
    }
    (cur, Sem::PartOfDay(part))
}

/// पिछले/अगले/इस + a unit, month or weekday; with a count (`पिछले 5 साल`) a length of time.
fn modified(cur: Cursor<'_>, lex: Lex) -> Option<(Cursor<'_>, Sem)> {
    let (shift, sign) = match lex {
        Lex::Prev => (Shift::Prev, -1),
        Lex::Next => (Shift::Next, 1),
        _ => (Shift::This, 0),
    };
    let mut c = cur;
    let t = c.next_tok()?;
    let count = match t.kind {
        TokKind::Num {
            value,
            digits: 1..=3,
        } => Some(Some(value)),
        TokKind::Word(e) => match e.lex? {
            Lex::Number(n) => Some(Some(n)),
            Lex::Vague => Some(None),
            // "आने वाले समय", "इस समय": the future or the present, with no date to give.
            Lex::VagueLength => return Some((c, Sem::Vague)),
            Lex::Month(m) | Lex::EnMonth(m) => return Some((c, Sem::Month { month: m, shift })),
            Lex::Weekday(d) | Lex::EnWeekday(d) => return Some(weekday(c, d, shift)),
            Lex::Unit(unit) => {
                let word = &c.text()[t.span.start..t.span.end];
                if word.ends_with("ों") && lex != Lex::This {
                    return Some((c, Sem::Vague));
                }
                let mut m = c;
                if unit == Unit::Year
                    && let Some(Lex::Month(month) | Lex::EnMonth(month)) =
                        m.next_tok().and_then(Tok::entry).and_then(|e| e.lex)
                {
                    return Some((
                        m,
                        Sem::Month {
                            month,
                            shift: Shift::Years(sign),
                        },
                    ));
                }
                return Some((
                    c,
                    Sem::Relative {
                        unit,
                        offset: sign,
                        by_tense: false,
                        part: None,
                    },
                ));
            }
            _ => return None,
        },
        TokKind::Num { .. } | TokKind::Punct(_) => return None,
    };
    if lex == Lex::This {
        return None;
    }
    let n = count?;
    match c.next_tok()?.entry()?.lex? {
        Lex::Unit(unit) => Some((c, Sem::Duration { n, unit })),
        _ => None,
    }
}

/// हर/प्रति + unit, weekday or one-word set: a recurring time.
fn every(cur: Cursor<'_>) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let mut n = Some(1);
    if let Some(t) = c.eat(|t| {
        t.num().is_some_and(|(_, d)| d <= 3)
            || matches!(t.entry().and_then(|e| e.lex), Some(Lex::Number(_)))
    }) {
        n = t
            .num()
            .map(|(v, _)| v)
            .or(match t.entry().and_then(|e| e.lex) {
                Some(Lex::Number(v)) => Some(v),
                _ => None,
            });
    }
    // "6 पैसे प्रति मिनट" is a rate, not a recurring time.
    let per = cur.text()[..cur.pos].ends_with("प्रति");
    match c.next_tok()?.entry()?.lex? {
        Lex::Unit(Unit::Second | Unit::Minute | Unit::Hour) if per => None,
        Lex::Unit(unit) | Lex::Set(unit) => Some((c, Sem::Set { n, unit })),
        Lex::Weekday(d) | Lex::EnWeekday(d) => Some((c, Sem::SetWeekday(d))),
        _ => None,
    }
}

/// After a count: a unit makes a length (`24 साल`, `दो दिवसीय`), or with पहले a point in
/// the past (`तीन दिन पहले`).
pub(super) fn quantity_tail(cur: Cursor<'_>, n: Option<i32>) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let t = c.next_tok()?;
    match t.entry()?.lex? {
        Lex::Unit(unit) => {
            let mut b = c;
            if b.eat(|t| t.entry().is_some_and(|e| e.has(role::BEFORE)))
                .is_some()
            {
                let sem = n.map_or(Sem::Vague, |n| Sem::Relative {
                    unit,
                    offset: -(n.min(100_000)),
                    by_tense: false,
                    part: None,
                });
                return Some((b, sem));
            }
            Some((c, Sem::Duration { n, unit }))
        }
        Lex::UnitAdjective(unit) => Some((c, Sem::Duration { n, unit })),
        Lex::VagueLength if n.is_none() => Some((c, Sem::VagueLength)),
        _ => None,
    }
}

/// After an hour: `10 बजे`, `10:30`, `07:40 IST`, `06:51 PM (IST)`.
pub(super) fn clock_tail(cur: Cursor<'_>, hour: i32) -> Option<(Cursor<'_>, (u8, u8))> {
    let (c, h, m, _) = clock_with_zone(cur, hour)?;
    Some((c, (h, m)))
}

/// Like [`clock_tail`], also returning a written zone's UTC offset in minutes.
pub(super) fn clock_with_zone(
    cur: Cursor<'_>,
    hour: i32,
) -> Option<(Cursor<'_>, u8, u8, Option<i32>)> {
    if hour > 24 {
        return None;
    }
    let mut c = cur;
    let mut minute = 0;
    let mut had_minutes = false;
    let start = c.pos;
    let mut dotted = false;
    if let Some(sep) = c.eat(|t| t.span.start == start && t.is_punct(&[':', '.'])) {
        dotted = sep.is_punct(&['.']);
        minute = c
            .eat(|t| t.num().is_some_and(|(v, d)| d == 2 && v < 60))?
            .num()?
            .0;
        had_minutes = true;
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
    let mut hour = hour;
    let mut marked = false;
    if let Some(t) = c.eat(|t| matches!(t.entry().and_then(|e| e.lex), Some(Lex::Meridiem { .. })))
        && let Some(Lex::Meridiem { pm }) = t.entry().and_then(|e| e.lex)
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
    }
    let zone = eat_zone(&mut c);
    // "10.30" alone is as likely a decimal as a time; a colon or a marker decides.
    if !(marked || (had_minutes && !dotted) || (had_minutes && zone.is_some())) {
        return None;
    }
    if hour == 24 && minute != 0 {
        return None;
    }
    Some((c, hour as u8, minute as u8, zone))
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
    let z = c.eat(|t| zone_of(t).is_some())?;
    zone_of(z)
}

/// After a calendar date: an optional time and zone (`15 अगस्त 2022 07:40 IST`).
pub(super) fn calendar_tail(cur: Cursor<'_>, date: PartialDate) -> (Cursor<'_>, Sem) {
    let mut c = cur;
    c.eat(|t| t.is_punct(&[',', '|']));
    if let Some(t) = c.next_tok()
        && let Some((hour, 1..=2)) = t.num()
        && let Some((after, h, m, zone)) = clock_with_zone(c, hour)
    {
        return (
            after,
            Sem::Calendar {
                date,
                clock: Some((h, m)),
                zone,
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

/// `के अंत`, `की शुरुआत` after a period: kept in the span, the value stays the period's.
fn edge_tail(cur: Cursor<'_>) -> Cursor<'_> {
    let mut c = cur;
    if c.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)))
        .is_some()
        && c.eat(|t| t.entry().is_some_and(|e| e.has(role::EDGE)))
            .is_some()
    {
        return c;
    }
    cur
}

/// "हाल ही", "हाल के वर्षों", "हाल ही के कुछ महीनों": recently, a past with no date to
/// give. "हाल" alone also means a state ("बुरा हाल"), so ही or a unit must follow.
fn recent(cur: Cursor<'_>) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let text = cur.text();
    let hi = c.eat(|t| &text[t.span.start..t.span.end] == "ही").is_some();
    let mut g = c;
    if g.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)))
        .is_some()
    {
        g.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Vague));
        if g.eat(|t| matches!(t.entry().and_then(|e| e.lex), Some(Lex::Unit(_))))
            .is_some()
        {
            return Some((g, Sem::Vague));
        }
    }
    hi.then_some((c, Sem::Vague))
}
