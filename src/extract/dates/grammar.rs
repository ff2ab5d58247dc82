//! The date grammar: from a trigger token, the longest date expression that starts there.
//!
//! Postpositions (को, में, से, तक) are looked at but never taken into a span, so a span is
//! the expression itself.

use super::clock::{
    calendar_tail, clock_fraction, clock_tail, eat_day_time, part_of_day, range_to_clock,
};
use super::lexer::{Cursor, Tok, TokKind};
use super::lexicon::{Lex, Unit, is_plural_unit, lexicon, role};
use super::model::PartialDate;
use super::numeric::{day_month, eat_ordinal, from_number, real_day, year_range_tail};
use super::relative::{every, modified, quantity_tail, quantity_tail_hundredths, recent};
use super::sem::{Found, Sem, Shift};
use crate::span::Span;

/// The expression starting at `start` (a trigger) inside `text[..end]`, if there is one.
pub(super) fn parse_at(text: &str, start: usize, end: usize) -> Option<Found> {
    let mut cur = Cursor::new(text, start, end);
    let first = cur.next_tok()?;
    // "करीब 10 साल", "लगभग 9 बजे": an approximation belongs to the expression.
    if first
        .entry()
        .is_some_and(|e| e.has(role::APPROX) && e.lex.is_none())
    {
        let next = cur.peek()?;
        // One approximation only, so a run of them cannot recurse deeply.
        if next.entry().is_some_and(|e| e.has(role::APPROX)) {
            return None;
        }
        let inner = parse_at(text, next.span.start, end)?;
        return Some(Found {
            span: Span::new(first.span.start, inner.span.end),
            ..inner
        });
    }
    let (after, sem) = match first.kind {
        TokKind::Num { .. } => from_number(cur, first)?,
        TokKind::Word(e) if e.has(role::ERA) => year_after_word(cur)?,
        TokKind::Word(e) if e.has(role::PART_PREFIX) => {
            let Some(Lex::Part(part)) = cur.next_tok()?.entry()?.lex else {
                return None;
            };
            (cur, Sem::PartOfDay(part))
        }
        TokKind::Word(e) => from_word(cur, e.lex?)?,
        TokKind::Punct(_) => return None,
    };
    if let Sem::Month {
        month: 3,
        shift: Shift::Tense,
    } = sem
        && is_protest_march(text, first.span, after)
    {
        return None;
    }
    if matches!(sem, Sem::PartOfDay(_)) && day_and_night(text, first.span, after.pos) {
        return None;
    }
    // "पिछले महीने की 12 तारीख": a day of the month named.
    let (after, sem) = match sem {
        Sem::Relative {
            unit: Unit::Month,
            offset,
            by_tense: false,
            time: None,
        } => day_of_named_month(after, offset).unwrap_or((after, sem)),
        _ => week_of_month(after, sem).unwrap_or((after, sem)),
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

/// "(पिछले महीने) की 12 तारीख", "(इस महीने) 5 तारीख": the day of the month before it.
fn day_of_named_month(cur: Cursor<'_>, months: i32) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    c.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)));
    let (day, 1..=2) = c.next_tok()?.num()? else {
        return None;
    };
    c.eat(|t| t.entry().is_some_and(|e| e.has(role::DAY_OF_MONTH)))?;
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((c, Sem::DayOfMonth { day, months }))
}

/// "मार्च के पहले सप्ताह", "अप्रैल के आखिरी हफ्ते": a week of a named month is its days,
/// 1-7 for the first (8-14, 15-21, 22-28 for the next three) and the last seven for the
/// last, worked out when the year is known ([`Sem::WeekOfMonth`]).
fn week_of_month(cur: Cursor<'_>, sem: Sem) -> Option<(Cursor<'_>, Sem)> {
    let from = match sem {
        Sem::Month {
            month,
            shift: Shift::Tense,
        } => PartialDate {
            year: None,
            month: Some(month),
            day: None,
        },
        Sem::Calendar {
            date:
                date @ PartialDate {
                    month: Some(_),
                    day: None,
                    ..
                },
            clock: None,
            ..
        } => date,
        _ => return None,
    };
    let mut c = cur;
    c.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)))?;
    let word = c.next_tok()?;
    let nth = *lexicon()
        .week_ordinals
        .get(&c.text()[word.span.start..word.span.end])?;
    c.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Week)))?;
    Some((
        c,
        Sem::WeekOfMonth {
            month: from,
            week: nth,
        },
    ))
}

/// "कैंडल मार्च", "मार्च निकाला": Hindi news borrows "march" for a procession, spelt like
/// the month. Only a bare मार्च is in doubt; with a day or year it is the month.
fn is_protest_march(text: &str, month: Span, after: Cursor<'_>) -> bool {
    let before = text[..month.start].split_whitespace().next_back();
    let lx = lexicon();
    if before.is_some_and(|w| lx.entry(w).has(role::MARCH_BEFORE)) {
        return true;
    }
    let next = after.peek().map(|t| &text[t.span.start..t.span.end]);
    next.is_some_and(|w| lx.march_verbs.iter().any(|v| w.starts_with(v.as_str())))
}

/// पहली जनवरी (a day), इक्कीसवीं सदी (a century).
fn ordinal(cur: Cursor<'_>, lex: Lex) -> Option<(Cursor<'_>, Sem)> {
    let Lex::Ordinal(n) = lex else { return None };
    let mut c = cur;
    if c.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Century)))
        .is_some()
    {
        return Some((c, Sem::Century(n - 1)));
    }
    day_month(cur, n)
}

/// `दिन-रात` (day and night), `सुबह-शाम`: always, at no time of day. Not a word said twice
/// (`सुबह-सुबह` is early in the morning), nor one a space parts from the other (`उस रात दिन
/// भर की थकान`, `अगले दिन रात सवा 12 बजे`: the review, Hindi `TimeBank`).
fn day_and_night(text: &str, word: Span, after: usize) -> bool {
    // A Devanagari vowel sign or virama, which `is_alphanumeric` does not count.
    fn is_sign(c: char) -> bool {
        matches!(c, '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{962}' | '\u{963}')
    }
    const PAIRED: &[&str] = &["दिन", "रात", "सुबह", "सवेरे", "शाम"];
    let dash = |c: char| c == '-' || c == '–';
    let own = &text[word.start..word.end];
    let pairs = |w: &str| w != own && PAIRED.contains(&w);
    let before = text[..word.start].strip_suffix(dash);
    let next = text[after..].strip_prefix(dash);
    before.is_some_and(|b| {
        pairs(
            b.rsplit(|c: char| c.is_whitespace() || dash(c))
                .next()
                .unwrap_or(""),
        )
    }) || next.is_some_and(|n| {
        pairs(
            n.split(|c: char| !c.is_alphanumeric() && !is_sign(c))
                .next()
                .unwrap_or(""),
        )
    })
}

/// `डेढ़ बजे` (1:30), `ढाई बजे` (2:30): a fraction of `hundredths` before the hour marker.
fn fraction_clock(cur: Cursor<'_>, hundredths: i32) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    if hundredths <= 100 {
        return None;
    }
    // "डेढ़ से दो बजे": the first hour of a range has no बजे of its own.
    if c.eat(|t| t.entry().is_some_and(|e| e.has(role::OCLOCK)))
        .is_none()
        && !range_to_clock(c)
    {
        return None;
    }
    let sem = Sem::Clock {
        hour: (hundredths / 100) as u8,
        minute: (hundredths % 100 * 60 / 100) as u8,
    };
    Some((c, sem))
}

fn from_word(cur: Cursor<'_>, lex: Lex) -> Option<(Cursor<'_>, Sem)> {
    match lex {
        Lex::Month(m) | Lex::EnMonth(m) => month_first(cur, m, matches!(lex, Lex::Month(_))),
        Lex::Weekday(d) | Lex::EnWeekday(d) => Some(weekday(cur, d, Shift::Tense)),
        Lex::EnWeekdayAbbr(_) => {
            let mut c = cur;
            c.eat(|t| t.is_punct(&[',', '.']));
            let t = c.next_tok()?;
            let parsed = match t.entry().and_then(|e| e.lex) {
                Some(Lex::Month(m) | Lex::EnMonth(m)) => month_first(c, m, false)?,
                _ => from_number(c, t)?,
            };
            matches!(parsed.1, Sem::Calendar { .. }).then_some(parsed)
        }
        Lex::Number(n) => {
            if let Some((c, (hour, minute))) = clock_tail(cur, n) {
                return Some((c, Sem::Clock { hour, minute }));
            }
            // "छह अक्टूबर" in a dateline, "एक जनवरी से".
            if let Some(r) = day_month(cur, n) {
                return Some(r);
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
        Lex::ClockFraction(minutes) => clock_fraction(cur, minutes).or_else(|| {
            // "साढ़े तीन साल": the same words make fractions of any unit.
            let mut c = cur;
            let n = match c.next_tok()?.kind {
                TokKind::Num {
                    value,
                    digits: 1..=3,
                } => value,
                TokKind::Word(e) => match e.lex? {
                    Lex::Number(n) => n,
                    _ => return None,
                },
                TokKind::Num { .. } | TokKind::Punct(_) => return None,
            };
            let hundredths = n * 100 + i32::from(minutes) * 100 / 60;
            quantity_tail_hundredths(c, Some(hundredths))
        }),
        Lex::Fraction(h) => {
            fraction_clock(cur, h).or_else(|| quantity_tail_hundredths(cur, Some(h)))
        }
        Lex::WholePeriod(unit) => Some((
            cur,
            Sem::Duration {
                hundredths: Some(100),
                unit,
            },
        )),
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
            // "कल-पुरजे" (machine parts): कल joined to a noun is no day.
            if lex == Lex::Kal && cur.text()[cur.pos..].starts_with('-') {
                return None;
            }
            let mut c = cur;
            let time = eat_day_time(&mut c);
            Some((
                c,
                Sem::Relative {
                    unit: Unit::Day,
                    offset,
                    by_tense,
                    time,
                },
            ))
        }
        Lex::Part(p) => Some(part_of_day(cur, p)),
        Lex::Unit(unit) => {
            let word = cur.text()[..cur.pos]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            if is_plural_unit(word, lexicon().entry(word)) {
                return Some((
                    cur,
                    Sem::Duration {
                        hundredths: None,
                        unit,
                    },
                ));
            }
            if unit == Unit::Year {
                year_after_word(cur)
            } else {
                None
            }
        }
        Lex::That | Lex::Ordinal(_) => {
            if let Some(r) = ordinal(cur, lex) {
                return Some(r);
            }
            // "उन दिनों", "उस समय", "दूसरे दिन": times of the story, not of the calendar.
            let mut c = cur;
            match c.next_tok()?.entry()?.lex? {
                Lex::Unit(_) | Lex::VagueLength => Some((c, Sem::Vague)),
                _ => None,
            }
        }
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
    if let Some(r) = year_range_tail(c, t.span.end, y) {
        return Some(r);
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
        // "नवंबर महीने में": the word for month is part of the expression.
        let mut m = cur;
        m.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Month)));
        return may_stand_alone.then_some((
            m,
            Sem::Month {
                month,
                shift: Shift::Tense,
            },
        ));
    }
    if date.day.is_some() && !real_day(date) {
        return None;
    }
    Some(calendar_tail(c, date))
}

/// A weekday, merged with a date that follows (`Sun, 21 Jan 2024`) or a part of the day
/// (`बुधवार रात`).
pub(super) fn weekday(cur: Cursor<'_>, day: u8, shift: Shift) -> (Cursor<'_>, Sem) {
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
    let time = eat_day_time(&mut c);
    (c, Sem::Weekday { day, shift, time })
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
