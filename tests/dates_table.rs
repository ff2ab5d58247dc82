//! The date extractor against a table of expressions written for it
//! (`tests/data/dates_table.txt`): every form the extractor claims to handle, each with
//! its span, kind and value for a given publication date.

use khabar::Span;
use khabar::extract::dates::{DateKind, PartialDate, Published, find_dates};

const TABLE: &str = include_str!("data/dates_table.txt");

struct Row<'a> {
    line: usize,
    anchor: Option<Published>,
    text: String,
    expected: Vec<(Span, DateKind, Option<String>)>,
    source: &'a str,
}

fn anchor(field: &str) -> Option<Published> {
    if field == "-" {
        return None;
    }
    // `XXXX-MM-DD`: a dateline without its year.
    let parts: Vec<Option<i32>> = field
        .split('-')
        .map(|p| (p != "XXXX").then(|| p.parse().expect("anchor is YYYY-MM-DD")))
        .collect();
    let part = |i: usize| parts[i].map(|n| n as u8);
    Some(Published {
        date: PartialDate {
            year: parts[0],
            month: part(1),
            day: part(2),
        },
        time: None,
        utc_offset_minutes: None,
    })
}

fn kind(field: &str) -> DateKind {
    match field {
        "date" => DateKind::Date,
        "time" => DateKind::Time,
        "duration" => DateKind::Duration,
        "set" => DateKind::Set,
        other => panic!("unknown kind {other}"),
    }
}

/// The sentence without its `[[ ]]` marks, and the marked spans in it.
fn unmark(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let mut close = rest[open..].find("]]").expect("unclosed [[") + open;
        // `[IST]]]`: the mark closes with the last two brackets of a run.
        while rest[close + 2..].starts_with(']') {
            close += 1;
        }
        let start = text.len();
        text.push_str(&rest[open + 2..close]);
        spans.push(Span::new(start, text.len()));
        rest = &rest[close + 2..];
    }
    text.push_str(rest);
    (text, spans)
}

fn rows() -> Vec<Row<'static>> {
    TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split(" | ").collect();
            assert_eq!(fields.len(), 4, "line {}: four fields", i + 1);
            let (text, spans) = unmark(fields[1]);
            let expected = if fields[2] == "-" {
                Vec::new()
            } else {
                let kinds: Vec<&str> = fields[2].split(';').collect();
                let values: Vec<&str> = fields[3].split(';').collect();
                assert!(
                    kinds.len() == spans.len() && values.len() == spans.len(),
                    "line {}: one kind and value per mark",
                    i + 1
                );
                spans
                    .iter()
                    .zip(kinds.iter().zip(values))
                    .map(|(s, (k, v))| (*s, kind(k), (v != "null").then(|| v.to_owned())))
                    .collect()
            };
            Row {
                line: i + 1,
                anchor: anchor(fields[0]),
                text,
                expected,
                source: line,
            }
        })
        .collect()
}

#[test]
fn table_has_enough_expressions() {
    let n: usize = rows().iter().map(|r| r.expected.len().max(1)).sum();
    assert!(n >= 150, "only {n} expressions");
}

#[test]
fn every_expression_is_found_with_its_span_kind_and_value() {
    let mut failures = Vec::new();
    for row in rows() {
        let whole = [Span::new(0, row.text.len())];
        let found: Vec<(Span, DateKind, Option<String>)> =
            find_dates(&row.text, &whole, row.anchor.as_ref())
                .into_iter()
                .map(|m| (m.span, m.kind, m.value.as_deref().map(str::to_owned)))
                .collect();
        if found != row.expected {
            let shown: Vec<String> = found
                .iter()
                .map(|(s, k, v)| format!("[[{}]] {k:?} {v:?}", s.of(&row.text)))
                .collect();
            failures.push(format!(
                "line {}: {}\n    found {}",
                row.line,
                row.source,
                shown.join(", ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
