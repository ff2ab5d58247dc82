//! `find_dates` and `parse_published` never panic, whatever the text and regions, and
//! every span they return lies on char boundaries inside what they were given.

use khabar::Span;
use khabar::extract::dates::{DateKind, DateStream, find_dates, parse_published, value_days};
use proptest::prelude::*;

/// Pieces that wake the date grammar, mixed with ones that confuse it.
#[rustfmt::skip]
const SOUP: &[&str] = &[
    "सोमवार", "कल", "आज", "परसों", "पिछले", "अगले", "इस", "हर", "प्रति", "आने", "वाले", "साल", "वर्ष", "सप्ताह",
    "महीने", "दिन", "दिनों", "घंटे", "मिनट", "सितंबर", "मई", "जनवरी", "के", "की", "दशक", "सदी", "वीं", "अंत",
    "शुरुआत", "बजे", "बजकर", "सुबह", "रात", "साढ़े", "पौने", "सन्", "पहले", "बाद", "दो", "कई", "नब्बे", "करीब", "लगभग",
    "होगा", "जाएंगे", "था", "कि", "।", ",", "-", "–", "/", ".", ":", "(", ")", "IST", "GMT", "PM", "am", "Sun",
    "Jan", "May", "August", "th", "s", "1999", "2024", "19", "06", "12", "0", "99999999999999", "२०२४", "१५",
    "०७", "\n", " ", "\u{200d}", "\u{093c}", "\u{094d}", "क़", "é", "🙂", "\u{feff}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(SOUP).prop_map(str::to_owned),
            2 => Just(" ".to_owned()),
            1 => any::<char>().prop_map(String::from),
            1 => "[\u{0900}-\u{097F}0-9:/.-]{1,4}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => soup(),
        1 => any::<String>(),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn regions(len: usize) -> impl Strategy<Value = Vec<Span>> {
    let bound = len + 8;
    prop::collection::vec(
        (0..bound, 0..bound).prop_map(|(a, b)| Span::new(a.min(b), a.max(b))),
        0..4,
    )
}

fn text_and_regions() -> impl Strategy<Value = (String, Vec<Span>)> {
    text().prop_flat_map(|t| {
        let n = t.len();
        (
            Just(t),
            prop_oneof![1 => Just(vec![Span::new(0, n)]), 2 => regions(n)],
        )
    })
}

/// A value the contract allows for its kind: a calendar value with real days, one with an
/// unknown year, a time of day, or an ISO 8601 length.
fn well_formed(kind: DateKind, v: &str) -> bool {
    match kind {
        DateKind::Date | DateKind::Time => {
            value_days(v).is_some() || v.starts_with("XXXX-") || v.starts_with('T')
        }
        DateKind::Duration => v.starts_with('P') && v.len() > 2,
        DateKind::Set => v.starts_with('P') || v.starts_with('T') || v.starts_with("XXXX-"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn find_dates_spans_are_whole_chars_inside_regions((text, regions) in text_and_regions()) {
        let anchor = parse_published("Updated: 21 Jan 2024 06:51 PM (IST)").map(|(_, p)| p);
        for anchor in [None, anchor.as_ref()] {
            let found = find_dates(&text, &regions, anchor);
            for m in &found {
                prop_assert!(m.span.start < m.span.end, "empty span {:?}", m.span);
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                prop_assert!(regions.iter().any(|r| r.contains(m.span)), "{:?} outside {:?}", m.span, regions);
                prop_assert_eq!(m.span.of(&text).trim(), m.span.of(&text));
                if let Some(v) = &m.value {
                    prop_assert!(well_formed(m.kind, v), "{:?} value {}", m.kind, v);
                }
            }
            for pair in found.windows(2) {
                prop_assert!(pair[0].span.end <= pair[1].span.start, "overlap {:?}", pair);
            }
        }
    }

    #[test]
    fn parse_published_spans_are_whole_chars(line in text()) {
        if let Some((span, p)) = parse_published(&line) {
            prop_assert!(span.start < span.end && span.end <= line.len());
            prop_assert!(line.is_char_boundary(span.start) && line.is_char_boundary(span.end));
            prop_assert!(p.date.month.is_some_and(|m| (1..=12).contains(&m)));
        }
    }

    #[test]
    fn a_date_stream_gives_what_find_dates_gives((text, regions) in text_and_regions()) {
        let anchor = parse_published("Updated: 21 Jan 2024 06:51 PM (IST)").map(|(_, p)| p);
        for anchor in [None, anchor.as_ref()] {
            let streamed: Vec<_> = DateStream::new(&text, regions.clone(), anchor).collect();
            prop_assert_eq!(streamed, find_dates(&text, &regions, anchor));
        }
    }
}

/// Lines read as regions in order, as an article's paragraphs are: the stream reads them
/// lazily, and the tense of each date is read from its own clause.
#[test]
fn a_stream_over_paragraphs_matches_find_dates() {
    let text =
        "सोमवार को वे दिल्ली जाएंगे।\nकल बैठक हुई थी और 5 जून को फिर होगी।\n\nपिछले साल 2019 में सोमवार को";
    let mut regions = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        regions.push(Span::new(start, start + line.trim_end().len()));
        start += line.len();
    }
    let anchor = parse_published("Updated: 21 Jan 2024 06:51 PM (IST)").map(|(_, p)| p);
    let held = find_dates(text, &regions, anchor.as_ref());
    assert!(held.len() >= 6, "{held:?}");
    let values: Vec<_> = held.iter().map(|d| d.value.as_deref()).collect();
    // The first Monday is ahead (future clause), the last one behind.
    assert_eq!(values.first(), Some(&Some("2024-01-22")));
    assert_eq!(values.last(), Some(&Some("2024-01-15")));
    let streamed: Vec<_> = DateStream::new(text, regions, anchor.as_ref()).collect();
    assert_eq!(streamed, held);
}

/// A shift back past year 0 has no value (found by the property above: `92 सदी पहले` was
/// century `-72`); one that stays within the calendar keeps its value.
#[test]
fn a_shift_before_year_zero_has_no_value() {
    let anchor = parse_published("Updated: 21 Jan 2024 06:51 PM (IST)").map(|(_, p)| p);
    let value = |text: &str| {
        let whole = [Span::new(0, text.len())];
        let found = find_dates(text, &whole, anchor.as_ref());
        found.iter().find_map(|m| m.value.clone())
    };
    assert_eq!(value("यह 2 सदी पहले की बात है।").as_deref(), Some("18"));
    assert_eq!(value("यह 92 सदी पहले की बात है।"), None);
    assert_eq!(value("यह 30 साल पहले की बात है।").as_deref(), Some("1994"));
    assert_eq!(value("यह 3000 साल पहले की बात है।"), None);
    assert_eq!(value("यह 300 दशक पहले की बात है।"), None);
}
