//! Where a text holds terminal escape sequences, so that extraction can leave them out.
//!
//! The reader shows an escape sequence as inert text ([`super::sanitize()`]), and the data
//! keeps it; but the words inside one (`ESC ] 0 ; PWNED BEL` retitles a window) are not
//! the article's: read as text they became an organisation `PWNED`. This finds the byte
//! spans a terminal would have consumed as control, after ECMA-48: CSI (`ESC [` or
//! U+009B, parameters, intermediates, a final byte), the string controls (OSC, DCS, SOS,
//! PM, APC, by `ESC` or their C1 forms, ended by BEL, ST or a line end) and the short
//! `ESC` forms (intermediates and one final byte).

use crate::span::Span;

/// The spans of `text` that are terminal escape sequences, in order and disjoint. Empty,
/// after a byte search, for the text of nearly every article.
pub fn escape_sequences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(at) = next_introducer(bytes, i) {
        let end = sequence_end(text, at);
        found.push(Span::new(at, end));
        i = end;
    }
    found
}

/// The next ESC, or C1 introducer (U+0090, U+0098, U+009B, U+009D..U+009F, two bytes in
/// UTF-8), at or after `from`.
fn next_introducer(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(k) = memchr::memchr2(0x1b, 0xc2, &bytes[i..]) {
        let at = i + k;
        if bytes[at] == 0x1b || matches!(bytes.get(at + 1), Some(0x90 | 0x98 | 0x9b | 0x9d..=0x9f))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// `regions` (in order, not overlapping) with the `escapes` cut out of them: what is left
/// of each region on either side of a sequence is a region of its own.
pub fn cut_out(regions: Vec<Span>, escapes: &[Span]) -> Vec<Span> {
    if escapes.is_empty() {
        return regions;
    }
    let mut kept = Vec::with_capacity(regions.len() + escapes.len());
    for region in regions {
        let mut start = region.start;
        let first = escapes.partition_point(|e| e.end <= region.start);
        for e in escapes[first..].iter().take_while(|e| e.start < region.end) {
            if e.start > start {
                kept.push(Span::new(start, e.start));
            }
            start = start.max(e.end);
        }
        if start < region.end {
            kept.push(Span::new(start, region.end));
        }
    }
    kept
}

/// What a sequence starting at `at` is, by its introducer.
enum Kind {
    /// Control Sequence Introducer: parameters, intermediates, one final byte.
    Csi,
    /// A control string (OSC, DCS, SOS, PM, APC): anything up to its terminator.
    String,
    /// `ESC` with intermediates and one final byte (or a lone `ESC`).
    Short,
}

/// The end (exclusive) of the escape sequence introduced at byte `at`.
fn sequence_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let (kind, body) = if bytes[at] == 0x1b {
        match bytes.get(at + 1) {
            Some(b'[') => (Kind::Csi, at + 2),
            Some(b']' | b'P' | b'X' | b'^' | b'_') => (Kind::String, at + 2),
            _ => (Kind::Short, at + 1),
        }
    } else if bytes[at + 1] == 0x9b {
        (Kind::Csi, at + 2)
    } else {
        (Kind::String, at + 2)
    };
    match kind {
        Kind::Csi => {
            let params = skip(bytes, body, 0x30..=0x3f);
            let inter = skip(bytes, params, 0x20..=0x2f);
            inter + usize::from(bytes.get(inter).is_some_and(|b| (0x40..=0x7e).contains(b)))
        }
        Kind::Short => {
            let inter = skip(bytes, body, 0x20..=0x2f);
            inter + usize::from(bytes.get(inter).is_some_and(|b| (0x30..=0x7e).contains(b)))
        }
        Kind::String => string_end(text, body),
    }
}

/// The first index at or after `i` whose byte is not in `range`.
fn skip(bytes: &[u8], mut i: usize, range: std::ops::RangeInclusive<u8>) -> usize {
    while bytes.get(i).is_some_and(|b| range.contains(b)) {
        i += 1;
    }
    i
}

/// The end of a control string whose body starts at `i`: past its BEL, `ESC \` or U+009C;
/// at a line end, or at another sequence's ESC, when it has none (a terminal would go on
/// swallowing text, but a line end is as far as one sequence is taken to mean).
fn string_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        match bytes[j] {
            0x07 => return j + 1,
            0x1b if bytes.get(j + 1) == Some(&b'\\') => return j + 2,
            0x1b | b'\n' | b'\r' => return j,
            0xc2 if bytes.get(j + 1) == Some(&0x9c) => return j + 2,
            _ => j += 1,
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        escape_sequences(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn each_kind_of_sequence_is_found_whole() {
        let text = "क\u{1b}]0;PWNED\u{7}ख\u{1b}[2Jग\u{1b}[38;5;196mघ\u{1b}(Bङ\u{9b}1;2Hच\
                    \u{1b}P1$r\u{1b}\\छ\u{9d}52;c;eA==\u{9c}ज";
        assert_eq!(
            pieces(text),
            [
                "\u{1b}]0;PWNED\u{7}",
                "\u{1b}[2J",
                "\u{1b}[38;5;196m",
                "\u{1b}(B",
                "\u{9b}1;2H",
                "\u{1b}P1$r\u{1b}\\",
                "\u{9d}52;c;eA==\u{9c}",
            ]
        );
    }

    #[test]
    fn an_unended_string_stops_at_the_line_end() {
        assert_eq!(pieces("\u{1b}]0;title\nमोदी ने कहा"), ["\u{1b}]0;title"]);
        assert_eq!(pieces("a\u{1b}"), ["\u{1b}"]);
    }

    #[test]
    fn regions_lose_the_sequences_inside_them() {
        let text = "क ख\u{1b}[1mग घ\u{1b}]0;x\u{7}\n\u{1b}[0mङ";
        let regions = vec![
            Span::new(0, text.find('\n').unwrap()),
            Span::new(text.find('\n').unwrap() + 1, text.len()),
        ];
        let cut = cut_out(regions, &escape_sequences(text));
        let cut: Vec<&str> = cut.iter().map(|s| s.of(text)).collect();
        assert_eq!(cut, ["क ख", "ग घ", "ङ"]);
    }

    #[test]
    fn text_without_escapes_has_none() {
        assert!(escape_sequences("राष्ट्रपति “पुतिन” ने कहा [1]").is_empty());
    }

    proptest::proptest! {
        /// Spans are in order, disjoint, on char boundaries and each starts an escape.
        #[test]
        fn spans_are_ordered_and_on_boundaries(s in "[\\x00-\\x{a0}क-ह\\]\\[;]{0,120}") {
            let spans = escape_sequences(&s);
            for w in spans.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
            for sp in spans {
                proptest::prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                let first = sp.of(&s).chars().next();
                let introduced = matches!(first, Some('\u{1b}' | '\u{90}' | '\u{98}' | '\u{9b}' | '\u{9d}'..='\u{9f}'));
                proptest::prop_assert!(introduced);
            }
        }
    }
}
