//! Expressions counted from now or from a quantity: पिछले/अगले/इस + a period, हर + a
//! period, counts of units (`24 साल`, `तीन दिन पहले`) and "हाल ही".

use super::grammar::weekday;
use super::lexer::{Cursor, Tok, TokKind};
use super::lexicon::{Lex, Unit, role};
use super::sem::{Sem, Shift};

/// पिछले/अगले/इस + a unit, month or weekday; with a count (`पिछले 5 साल`) a length of time.
pub(super) fn modified(cur: Cursor<'_>, lex: Lex) -> Option<(Cursor<'_>, Sem)> {
    let (shift, sign) = match lex {
        Lex::Prev => (Shift::Prev, -1),
        Lex::Next => (Shift::Next, 1),
        _ => (Shift::This, 0),
    };
    let mut c = cur;
    // "इस वित्त वर्ष": a kind of year, still counted from now.
    c.eat(|t| t.entry().is_some_and(|e| e.has(role::QUALIFIER)));
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
                // "पिछले दिनों" is "lately"; "अगले दिन", "इस दिन" follow the story's own
                // days, not the publication date: both are times with no value to give.
                let plural = word.ends_with("ों") || word.ends_with('ो');
                if (plural && lex != Lex::This) || unit == Unit::Day {
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
                        time: None,
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
        Lex::Unit(unit) => Some((
            c,
            Sem::Duration {
                hundredths: n.map(|n| n.saturating_mul(100)),
                unit,
            },
        )),
        _ => None,
    }
}

/// हर/प्रति + unit, weekday or one-word set: a recurring time.
pub(super) fn every(cur: Cursor<'_>) -> Option<(Cursor<'_>, Sem)> {
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
        Lex::Part(p) => Some((c, Sem::SetPart(p))),
        _ => None,
    }
}

/// After a count: a unit makes a length (`24 साल`, `दो दिवसीय`), or with पहले a point in
/// the past (`तीन दिन पहले`).
pub(super) fn quantity_tail(cur: Cursor<'_>, n: Option<i32>) -> Option<(Cursor<'_>, Sem)> {
    quantity_tail_hundredths(cur, n.map(|n| n.saturating_mul(100)))
}

/// [`quantity_tail`] for counts with fractions (`ढाई साल`), in hundredths.
pub(super) fn quantity_tail_hundredths(
    cur: Cursor<'_>,
    n: Option<i32>,
) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let t = c.next_tok()?;
    match t.entry()?.lex? {
        Lex::Unit(unit) => {
            let mut b = c;
            if b.eat(|t| t.entry().is_some_and(|e| e.has(role::BEFORE)))
                .is_some()
            {
                // A fraction of a unit ago ("डेढ़ साल पहले") has no calendar value.
                let whole = n.filter(|n| n % 100 == 0).map(|n| n / 100);
                let sem = whole.map_or(Sem::Vague, |n| Sem::Relative {
                    unit,
                    offset: -(n.min(100_000)),
                    by_tense: false,
                    time: None,
                });
                return Some((b, sem));
            }
            Some((
                c,
                Sem::Duration {
                    hundredths: n,
                    unit,
                },
            ))
        }
        Lex::UnitAdjective(unit) => Some((
            c,
            Sem::Duration {
                hundredths: n,
                unit,
            },
        )),
        Lex::VagueLength if n.is_none() => Some((c, Sem::VagueLength)),
        _ => None,
    }
}

/// "हाल ही", "हाल के वर्षों", "हाल के समय में", "हाल ही के कुछ महीनों": recently, a past with no date to
/// give. "हाल" alone also means a state ("बुरा हाल"), so ही or a unit must follow.
pub(super) fn recent(cur: Cursor<'_>) -> Option<(Cursor<'_>, Sem)> {
    let mut c = cur;
    let text = cur.text();
    let hi = c.eat(|t| &text[t.span.start..t.span.end] == "ही").is_some();
    let mut g = c;
    if g.eat(|t| t.entry().is_some_and(|e| e.has(role::GENITIVE)))
        .is_some()
    {
        g.eat(|t| t.entry().and_then(|e| e.lex) == Some(Lex::Vague));
        // "हाल के वर्षों", "हाल के समय में".
        if g.eat(|t| {
            matches!(
                t.entry().and_then(|e| e.lex),
                Some(Lex::Unit(_) | Lex::VagueLength)
            )
        })
        .is_some()
        {
            return Some((g, Sem::Vague));
        }
    }
    hi.then_some((c, Sem::Vague))
}
