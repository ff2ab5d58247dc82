//! Expressions that start with digits: calendar dates in their many written orders,
//! clock times, years, year ranges, decades, centuries and counted lengths of time.

use super::clock::{calendar_tail, clock_tail, small_number};
use super::lexer::{Cursor, Tok, TokKind};
use super::lexicon::{Lex, Unit, role};
use super::model::PartialDate;
use super::relative::quantity_tail;
use super::sem::Sem;

/// Parses from the number `first`; returns the cursor after the expression and what it
/// says.
pub(super) fn from_number(cur: Cursor<'_>, first: Tok) -> Option<(Cursor<'_>, Sem)> {
    let (n, digits) = first.num()?;
    if digits == 4
        && let Some(r) = iso_date(cur, n)
    {
        return Some(r);
    }
    if digits <= 2 {
        if let Some(r) = numeric_date(cur, n) {
            return Some(r);
        }
        if let Some((c, (hour, minute))) = clock_tail(cur, n) {
            return Some((c, Sem::Clock { hour, minute }));
        }
        if let Some(r) = day_month(cur, n) {
            return Some(r);
        }
    }
    if (1000..=2199).contains(&n)
        && digits == 4
        && let Some(r) = year_forms(cur, first, n)
    {
        return Some(r);
    }
    if digits == 2
        && n % 10 == 0
        && let Some(c) = decade_tail(cur)
    {
        return Some((
            c,
            Sem::Decade(if n >= 30 { 190 + n / 10 } else { 200 + n / 10 }),
        ));
    }
    if let Some(r) = century(cur, n) {
        return Some(r);
    }
    if digits <= 3 {
        let mut c = cur;
        if c.eat(|t| t.entry().is_some_and(|e| e.has(role::DAY_OF_MONTH)))
            .is_some()
            && (1..=31).contains(&n)
        {
            return Some((
                c,
                Sem::DayOfMonth {
                    day: n as u8,
                    months: 0,
                },
            ));
        }
        return quantity_tail(cur, Some(n));
    }
    None
}

/// `2024-06-19`, optionally followed by a time.
fn iso_date(cur: Cursor<'_>, year: i32) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let sep = c.eat(|t| t.is_punct(&['-', '/', '.']))?;
    let month = eat_num(&mut c, 1, 2, cur.pos == sep.span.start)?;
    c.eat(|t| t.is_punct(&['-', '/', '.']))?;
    let day = eat_num(&mut c, 1, 2, true)?;
    let date = PartialDate::ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    date.to_naive()?;
    Some(calendar_tail(c, date))
}

/// `19/06/2024`, `19.06.2024`, `19-06-24`: day first as written in India, unless the
/// middle number cannot be a month.
fn numeric_date(cur: Cursor<'_>, first: i32) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let sep = c.eat(|t| t.is_punct(&['/', '.', '-']))?;
    if sep.span.start != cur.pos {
        return None;
    }
    let TokKind::Punct(sep_char) = sep.kind else {
        return None;
    };
    let second = eat_num(&mut c, 1, 2, true)?;
    c.eat(|t| t.is_punct(&[sep_char]) && t.span.len() == sep_char.len_utf8())?;
    let (year, ydigits) = c.next_tok().and_then(Tok::num)?;
    let year = match ydigits {
        4 => year,
        2 => 2000 + year - if year > 69 { 100 } else { 0 },
        _ => return None,
    };
    let (day, month) = if second > 12 {
        (second, first)
    } else {
        (first, second)
    };
    let date = PartialDate::ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    date.to_naive()?;
    Some(calendar_tail(c, date))
}

/// The next token as a number of `min..=max` digits; `adjacent` demands no space before.
fn eat_num(c: &mut Cursor<'_>, min: u8, max: u8, adjacent: bool) -> Option<i32> {
    let start = c.pos;
    let t = c.eat(|t| t.num().is_some_and(|(_, d)| (min..=max).contains(&d)))?;
    if adjacent && t.span.start != start {
        return None;
    }
    t.num().map(|(v, _)| v)
}

/// `14 सितंबर`, `15 Aug 2022`, `21st January, 2024`.
pub(super) fn day_month(cur: Cursor<'_>, day: i32) -> Option<(Cursor<'_>, Sem)> {
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut c = cur;
    eat_ordinal(&mut c);
    // "15-16 जनवरी", "19 से 21 अक्टूबर": a second day before the month makes a range.
    let mut to_day = None;
    let mut r = c;
    let text = r.text();
    if r.eat(|t| {
        t.is_punct(&['-', '–'])
            || matches!(
                &text[t.span.start..t.span.end],
                "से" | "to" | "till" | "until"
            )
    })
    .is_some()
        && let Some(d2) = r.next_tok().and_then(small_number)
        && d2 > day
        && d2 <= 31
    {
        eat_ordinal(&mut r);
        to_day = Some(d2 as u8);
        c = r;
    }
    // "22-Jan-2024": the month may be joined by a dash.
    let start = c.pos;
    c.eat(|t| t.span.start == start && t.is_punct(&['-']));
    let (Lex::Month(month) | Lex::EnMonth(month)) = c.next_tok()?.entry()?.lex? else {
        return None;
    };
    c.eat(|t| t.is_punct(&['.']));
    let joined = c.pos;
    let mut dashed = c;
    if dashed
        .eat(|t| t.span.start == joined && t.is_punct(&['-']))
        .is_some()
        && dashed
            .peek()
            .and_then(Tok::num)
            .is_some_and(|(_, d)| d == 4)
    {
        c = dashed;
    }
    let mut date = PartialDate {
        year: None,
        month: Some(month),
        day: Some(day as u8),
    };
    let mut after_year = c;
    after_year.eat(|t| t.is_punct(&[',']));
    if let Some((y, 4)) = after_year.next_tok().and_then(Tok::num) {
        date.year = Some(y);
        c = after_year;
    }
    if !real_day(date)
        || to_day.is_some_and(|d| {
            !real_day(PartialDate {
                day: Some(d),
                ..date
            })
        })
    {
        return None;
    }
    if let Some(to_day) = to_day {
        return Some((c, Sem::DayRange { from: date, to_day }));
    }
    Some(calendar_tail(c, date))
}

/// Whether a day and month (and year, when known) name a real day; without a year
/// 29 February counts.
pub(super) fn real_day(date: PartialDate) -> bool {
    PartialDate {
        year: Some(date.year.unwrap_or(2024)),
        ..date
    }
    .to_naive()
    .is_some()
}

/// `st`, `th`, `वीं` written right after a number.
pub(super) fn eat_ordinal(c: &mut Cursor<'_>) -> bool {
    let start = c.pos;
    c.eat(|t| t.span.start == start && t.entry().is_some_and(|e| e.has(role::ORDINAL)))
        .is_some()
}

/// Ranges (`1950-53`, `2019-2024`), decades (`1990 के दशक`, `1990s`) and bare years where
/// the next word shows a year is meant (`1999 में`).
fn year_forms(cur: Cursor<'_>, first: Tok, year: i32) -> Option<(Cursor<'_>, Sem)> {
    if let Some(r) = year_range_tail(cur, first.span.end, year) {
        return Some(r);
    }
    let mut c = cur;
    if c.eat(|t| {
        t.span.start == first.span.end && matches!(t.kind, TokKind::Word(_)) && t.span.len() == 1
    })
    .is_some_and(|t| c.text()[t.span.start..t.span.end].eq_ignore_ascii_case("s"))
        && year % 10 == 0
    {
        return Some((c, Sem::Decade(year / 10)));
    }
    if year % 10 == 0
        && let Some(c) = decade_tail(cur)
    {
        return Some((c, Sem::Decade(year / 10)));
    }
    // "1674 ई.": an era after the number makes any four-digit number a year.
    if cur
        .peek()
        .and_then(Tok::entry)
        .is_some_and(|e| e.has(role::ERA_AFTER))
    {
        let date = PartialDate {
            year: Some(year),
            month: None,
            day: None,
        };
        return Some((
            cur,
            Sem::Calendar {
                date,
                clock: None,
                zone: None,
            },
        ));
    }
    if !(1800..=2100).contains(&year) {
        return None;
    }
    let mut look = cur;
    let reads_as_year = match look.next_tok() {
        None => true,
        Some(t) => match t.kind {
            TokKind::Punct(p) => matches!(
                p,
                ',' | '।' | ')' | '.' | ';' | ':' | '"' | '”' | '’' | '|' | '?' | '!'
            ),
            TokKind::Word(e) => {
                e.has(role::YEAR_FOLLOWER)
                    && !look
                        .peek()
                        .and_then(Tok::entry)
                        .is_some_and(|e| e.has(role::QUANTITY))
            }
            TokKind::Num { .. } => false,
        },
    };
    reads_as_year.then_some((
        cur,
        Sem::Calendar {
            date: PartialDate {
                year: Some(year),
                month: None,
                day: None,
            },
            clock: None,
            zone: None,
        },
    ))
}

/// `-53` or `-2024` after the year `year` that ends at `year_end`: `1950-53`,
/// `2019-2024`, `2018 - 19`, `2019/20`. A slash must touch both years.
pub(super) fn year_range_tail(
    cur: Cursor<'_>,
    year_end: usize,
    year: i32,
) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let dash = c.eat(|t| t.is_punct(&['-', '–', '/']))?;
    let touching = dash.span.start == year_end;
    if !touching && !dash.is_punct(&['-', '–']) {
        return None;
    }
    let start = c.pos;
    let t = c.next_tok()?;
    if dash.is_punct(&['/']) && t.span.start != start {
        return None;
    }
    let end = match t.num()? {
        (n, 2) => year / 100 * 100 + n,
        (n, 4) => n,
        _ => return None,
    };
    (end > year && end - year <= 100).then_some((c, Sem::YearRange(year, end)))
}

/// `के दशक` after a number: the cursor after `दशक`.
fn decade_tail(cur: Cursor<'_>) -> Option<Cursor<'_>> {
    let mut c = cur;
    c.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)))?;
    c.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Decade)))?;
    Some(c)
}

/// `21वीं सदी`: the 21st century, value 20.
fn century(cur: Cursor<'_>, n: i32) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    if !(1..=30).contains(&n) || !eat_ordinal(&mut c) {
        return None;
    }
    c.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Unit(Unit::Century)))?;
    Some((c, Sem::Century(n - 1)))
}
