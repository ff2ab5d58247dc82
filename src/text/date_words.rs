//! Normalised date values (`TimeML`: `2024-06-18`, `P24Y`, `TNI`) in the words and numbers
//! a Hindi reader knows (`मंगलवार, 18 जून 2024`, `24 साल`, `रात`), for the screen. The
//! values themselves stay the machine-readable form (`--json`, filters); this only shows
//! them.

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
];

/// An English weekday or month, whole or cut short (`Wed`, `Sept.`, `June`): in a page's
/// date line (`Wed, 05 Jun 2024`) it names no place or person.
pub fn english_calendar_word(word: &str) -> bool {
    const NAMES: [&str; 19] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SHORT: [&str; 22] = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    NAMES.contains(&word.as_str()) || SHORT.contains(&word.as_str())
}

fn weekday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "सोमवार",
        Weekday::Tue => "मंगलवार",
        Weekday::Wed => "बुधवार",
        Weekday::Thu => "गुरुवार",
        Weekday::Fri => "शुक्रवार",
        Weekday::Sat => "शनिवार",
        Weekday::Sun => "रविवार",
    }
}

fn month(m: &str) -> Option<&'static str> {
    let m: usize = m.parse().ok()?;
    MONTHS.get(m.checked_sub(1)?).copied()
}

/// A part of the day (`MO`, `AF`, `EV`, `NI`) or a clock time (`07:05`).
fn time(t: &str) -> Option<String> {
    Some(
        match t {
            "MO" => "सुबह",
            "AF" => "दोपहर",
            "EV" => "शाम",
            "NI" => "रात",
            _ if t.len() >= 4 && t.as_bytes()[2] == b':' => return Some(t.to_owned()),
            _ => return None,
        }
        .to_owned(),
    )
}

/// `P24Y`, `PT30M`, `P2.5Y`, `PXM`: a count and a unit, `कुछ` for an unknown count.
fn length(rest: &str) -> Option<String> {
    let (rest, clock) = match rest.strip_prefix('T') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let unit = rest.chars().last()?;
    let count = &rest[..rest.len() - unit.len_utf8()];
    let one = count == "1";
    let word = match (unit, clock) {
        ('Y', false) => "साल",
        ('M', false) => {
            if one {
                "महीना"
            } else {
                "महीने"
            }
        }
        ('W', false) => {
            if one {
                "हफ़्ता"
            } else {
                "हफ़्ते"
            }
        }
        ('D', false) => "दिन",
        ('H', true) => {
            if one {
                "घंटा"
            } else {
                "घंटे"
            }
        }
        ('M', true) => "मिनट",
        ('S', true) => "सेकंड",
        _ => return None,
    };
    if count == "X" {
        return Some(format!("कुछ {word}"));
    }
    if count.is_empty() || !count.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    Some(format!("{count} {word}"))
}

/// A calendar value without time: a day, a month, a year, a week, a decade or century,
/// with `XXXX` for an unknown year.
fn calendar(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.split('-').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if digits(y) && y.len() == 4 => Some((*y).to_owned()),
        [d] if digits(d) && d.len() == 3 => Some(format!("{d}0 का दशक")),
        [c] if digits(c) && c.len() == 2 => {
            let n: u32 = c.parse().ok()?;
            Some(format!("{}वीं सदी", n + 1))
        }
        ["XXXX", "WXX", d] => {
            let n: u8 = d.parse().ok()?;
            let day = Weekday::try_from(n.checked_sub(1)?).ok()?;
            Some(format!("हर {}", weekday(day)))
        }
        [y, w] if digits(y) && w.starts_with('W') && digits(&w[1..]) => {
            let n: u32 = w[1..].parse().ok()?;
            Some(format!("{y}, हफ़्ता {n}"))
        }
        ["XXXX", m] => month(m).map(str::to_owned),
        ["XXXX", m, d] if digits(d) => {
            let day: u32 = d.parse().ok()?;
            Some(format!("{day} {}", month(m)?))
        }
        [y, m] if digits(y) => Some(format!("{} {y}", month(m)?)),
        [y, m, d] if digits(y) && digits(m) && digits(d) => {
            let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            Some(format!(
                "{}, {} {} {}",
                weekday(date.weekday()),
                date.day(),
                MONTHS[date.month0() as usize],
                date.year()
            ))
        }
        _ => None,
    }
}

/// `value` in Hindi words and numbers, or `value` itself when its form is not known.
pub fn hindi(value: &str) -> String {
    readable(value).unwrap_or_else(|| value.to_owned())
}

fn readable(value: &str) -> Option<String> {
    if let Some((a, b)) = value.split_once('/') {
        return Some(format!("{} – {}", readable(a)?, readable(b)?));
    }
    if let Some(rest) = value.strip_prefix('P') {
        return length(rest);
    }
    if let Some(t) = value.strip_prefix('T') {
        return time(t);
    }
    match value.split_once('T') {
        Some((day, t)) => Some(format!("{}, {}", calendar(day)?, time(t)?)),
        None => calendar(value),
    }
}

#[cfg(test)]
mod tests {
    use super::{english_calendar_word, hindi};

    #[test]
    fn english_weekdays_and_months_whole_or_cut_short() {
        for w in ["Wed", "Sept.", "Thurs", "June", "DEC", "monday"] {
            assert!(english_calendar_word(w), "{w}");
        }
        for w in ["Marc", "Junk", "Se", "Modi"] {
            assert!(!english_calendar_word(w), "{w}");
        }
    }

    #[test]
    fn values_read_as_words_and_numbers() {
        let cases = [
            ("2024-06-18", "मंगलवार, 18 जून 2024"),
            ("2021-02-01", "सोमवार, 1 फ़रवरी 2021"),
            ("2024-01-20TNI", "शनिवार, 20 जनवरी 2024, रात"),
            ("2024-01-21T18:51", "रविवार, 21 जनवरी 2024, 18:51"),
            ("TNI", "रात"),
            ("TMO", "सुबह"),
            ("T10:00", "10:00"),
            ("2023-09", "सितंबर 2023"),
            ("2023", "2023"),
            ("199", "1990 का दशक"),
            ("20", "21वीं सदी"),
            ("XXXX-09-14", "14 सितंबर"),
            ("XXXX-05", "मई"),
            ("2024-W02", "2024, हफ़्ता 2"),
            ("1950/1953", "1950 – 1953"),
            ("P24Y", "24 साल"),
            ("P1M", "1 महीना"),
            ("PXM", "कुछ महीने"),
            ("PT30M", "30 मिनट"),
            ("PT1H", "1 घंटा"),
            ("P2.5Y", "2.5 साल"),
            ("XXXX-WXX-1", "हर सोमवार"),
        ];
        for (value, want) in cases {
            assert_eq!(hindi(value), want, "{value}");
        }
    }

    #[test]
    fn unknown_forms_are_kept_as_they_are() {
        for value in [
            "2024-13-01",
            "P",
            "PT",
            "XXXX-13",
            "abc",
            "2024-02-30",
            "PQY",
        ] {
            assert_eq!(hindi(value), value);
        }
    }
}
