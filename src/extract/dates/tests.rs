//! Unit tests for the public entry points; the wide table lives in `tests/dates_table.rs`.

use super::*;

#[track_caller]
fn published(
    line: &str,
    span_text: &str,
    date: PartialDate,
    time: Option<(u8, u8)>,
    zone: Option<i32>,
) {
    let (span, p) = parse_published(line).unwrap_or_else(|| panic!("no date in {line:?}"));
    assert_eq!(span.of(line), span_text, "span in {line:?}");
    assert_eq!(
        p,
        Published {
            date,
            time,
            utc_offset_minutes: zone
        },
        "in {line:?}"
    );
}

#[test]
fn english_bylines_with_zones() {
    published(
        "By Agency Edited By: Sonu Gupta Updated: Sun, 21 Jan 2024 06:51 PM (IST)",
        "Sun, 21 Jan 2024 06:51 PM (IST)",
        PartialDate::ymd(2024, 1, 21),
        Some((18, 51)),
        Some(330),
    );
    published(
        "Update: 2024-06-19 07:05 GMT",
        "2024-06-19 07:05 GMT",
        PartialDate::ymd(2024, 6, 19),
        Some((7, 5)),
        Some(0),
    );
    published(
        "By मनाली रस्तोगी | Updated: August 15, 2022 07:40 IST",
        "August 15, 2022 07:40 IST",
        PartialDate::ymd(2022, 8, 15),
        Some((7, 40)),
        Some(330),
    );
    published(
        "Published: 03 Mar 2023, 12:10 AM",
        "03 Mar 2023, 12:10 AM",
        PartialDate::ymd(2023, 3, 3),
        Some((0, 10)),
        None,
    );
    published(
        "Date: Sun, 21 Jan 2024 06:51:00 +0530",
        "Sun, 21 Jan 2024 06:51:00 +0530",
        PartialDate::ymd(2024, 1, 21),
        Some((6, 51)),
        Some(330),
    );
    published(
        "2024-01-21T10:00:00Z",
        "2024-01-21T10:00:00Z",
        PartialDate::ymd(2024, 1, 21),
        Some((10, 0)),
        Some(0),
    );
    published(
        "Updated: Sun, Jan 21, 2024, 18:51 IST",
        "Sun, Jan 21, 2024, 18:51 IST",
        PartialDate::ymd(2024, 1, 21),
        Some((18, 51)),
        Some(330),
    );
    published(
        "First published on 15 Aug 2022",
        "15 Aug 2022",
        PartialDate::ymd(2022, 8, 15),
        None,
        None,
    );
}

#[test]
fn hindi_datelines_and_bylines() {
    let no_year = PartialDate {
        year: None,
        month: Some(9),
        day: Some(14),
    };
    published("प्योंगयांग, 14 सितंबर ।", "14 सितंबर", no_year, None, None);
    published(
        "अपडेटेड: 21 जनवरी 2024",
        "21 जनवरी 2024",
        PartialDate::ymd(2024, 1, 21),
        None,
        None,
    );
    published(
        "अपडेटेड: २१ जनवरी २०२४, ०६:५१ PM",
        "२१ जनवरी २०२४, ०६:५१ PM",
        PartialDate::ymd(2024, 1, 21),
        Some((18, 51)),
        None,
    );
    published(
        "नई दिल्ली, 3 फ़रवरी, 2021",
        "3 फ़रवरी, 2021",
        PartialDate::ymd(2021, 2, 3),
        None,
        None,
    );
    published(
        "प्रकाशित: सोमवार, 9 दिसम्बर 2019",
        "सोमवार, 9 दिसम्बर 2019",
        PartialDate::ymd(2019, 12, 9),
        None,
        None,
    );
}

#[test]
fn numeric_dates() {
    published(
        "Last updated 19/06/2024",
        "19/06/2024",
        PartialDate::ymd(2024, 6, 19),
        None,
        None,
    );
    published(
        "दिनांक 05.11.2023 को",
        "05.11.2023",
        PartialDate::ymd(2023, 11, 5),
        None,
        None,
    );
    published(
        "2021-12-31",
        "2021-12-31",
        PartialDate::ymd(2021, 12, 31),
        None,
        None,
    );
}

#[test]
fn lines_without_a_publication_date() {
    for line in [
        "",
        "Updated:",
        "By Agency Edited By: Sonu Gupta",
        "1999 में सत्ता",
        "सोमवार को कहा",
        "31/02/2024",
        "2024-13-01",
        "4300 करोड़ रुपये",
        "May I help you",
    ] {
        assert_eq!(parse_published(line), None, "{line:?}");
    }
}

#[test]
fn byline_dates_are_dates_of_the_article() {
    let line = "Updated: Sun, 21 Jan 2024 06:51 PM (IST)";
    let (_, anchor) = parse_published(line).expect("dated");
    let found = find_dates(line, &[Span::new(0, line.len())], Some(&anchor));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.of(line), "Sun, 21 Jan 2024 06:51 PM (IST)");
    assert_eq!(found[0].kind, DateKind::Time);
    assert_eq!(found[0].value.as_deref(), Some("2024-01-21T18:51"));
}

#[test]
fn searches_only_inside_regions() {
    let text = "Move to APP 15 अगस्त 2022\nसोमवार को बैठक हुई।";
    let body = Span::new(text.find('\n').unwrap() + 1, text.len());
    let found = find_dates(text, &[body], None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.of(text), "सोमवार");
    assert_eq!(found[0].value, None);
}

#[test]
fn regions_off_char_boundaries_are_narrowed() {
    let text = "सोमवार 2019 में";
    let found = find_dates(text, &[Span::new(1, text.len() + 7)], None);
    assert_eq!(
        found.iter().map(|m| m.span.of(text)).collect::<Vec<_>>(),
        ["2019"]
    );
}

#[test]
fn long_runs_of_joining_words_stay_shallow() {
    let text = "करीब ".repeat(100_000) + "10 साल";
    let found = find_dates(&text, &[Span::new(0, text.len())], None);
    assert_eq!(found.last().map(|m| m.span.of(&text)), Some("करीब 10 साल"));
}
