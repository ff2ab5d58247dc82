//! Making untrusted text harmless before it reaches a terminal.
//!
//! Article files come from scrapers and the web: they may hold escape sequences that
//! would move the cursor, retitle the window or rewrite the clipboard, and bidi overrides
//! that reorder what the user sees. The data keeps them (nothing is lost); whatever is
//! shown goes through [`safe_char`] or [`sanitize`] first.

use std::borrow::Cow;

/// How one character of untrusted text is shown: itself, a visible stand-in, or nothing.
///
/// C0 controls (ESC included) become their Unicode control pictures (`␛`), so an escape
/// sequence shows as inert text; DEL and C1 controls become U+FFFD; bidi embedding,
/// override and isolate controls are dropped, and so are the invisible bidi marks (LRM,
/// RLM, ALM) and the byte order mark; tab becomes a space, and the line and paragraph
/// separators (U+2028, U+2029) a newline, which is kept only when `keep_newline` is set
/// (else a space): a `cut` or `awk` reading the output sees the lines it shows. ZWJ and
/// ZWNJ stay: Devanagari spelling needs them.
pub fn safe_char(c: char, keep_newline: bool) -> Option<char> {
    match c {
        '\n' | '\u{2028}' | '\u{2029}' if keep_newline => Some('\n'),
        '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}'..='\u{9f}' => Some('\u{fffd}'),
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{61c}'
        | '\u{feff}' => None,
        _ => Some(c),
    }
}

/// `text` with every character passed through [`safe_char`]; borrowed when nothing changes.
pub fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if is_clean(text.as_bytes(), keep_newlines) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| safe_char(c, keep_newlines))
            .collect(),
    )
}

/// `text` in double quotes for a message, with quotes, backslashes and whatever
/// [`safe_char`] would change (controls, escapes, bidi marks) written as Rust escapes
/// (`\u{1b}`). Unlike `{:?}`, vowel signs and other combining marks stay themselves:
/// `"कल सुबह"`, not `"कल स\u{941}बह"`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' || safe_char(c, false) != Some(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Whether [`safe_char`] would leave every character of `bytes` (UTF-8) as it is, checked
/// on bytes: nearly all text is clean, and this runs on every field shown or printed.
fn is_clean(bytes: &[u8], keep_newlines: bool) -> bool {
    // Most text has none of the bytes that can start an unsafe character, and most of the
    // rest has one in a few places (typographic quotes start with 0xe2): blocks are
    // screened with a check the compiler vectorises (no early exit inside a block, which
    // `any` would force byte by byte), and only a block with a suspect byte is looked at
    // closely.
    let suspect = |b: u8| {
        u8::from(b < 0x20)
            | u8::from(b == 0x7f)
            | u8::from(b == 0xc2)
            | u8::from(b == 0xd8)
            | u8::from(b == 0xe2)
            | u8::from(b == 0xef)
    };
    let mut start = 0;
    for block in bytes.chunks(32) {
        if block.iter().fold(0, |acc, &b| acc | suspect(b)) != 0
            && (start..start + block.len()).any(|i| unsafe_at(bytes, i, keep_newlines))
        {
            return false;
        }
        start += block.len();
    }
    true
}

/// Whether the character starting at byte `i` of `bytes` (UTF-8) is one [`safe_char`]
/// would change.
fn unsafe_at(bytes: &[u8], i: usize, keep_newlines: bool) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'\n' => !keep_newlines,
        0..0x20 | 0x7f => true,
        // U+0080..U+009F (C1 controls).
        0xc2 => (0x80..=0x9f).contains(&next(1)),
        // U+061C (Arabic letter mark).
        0xd8 => next(1) == 0x9c,
        // U+200E, U+200F (bidi marks), U+2028, U+2029 (line and paragraph separators),
        // U+202A..U+202E and U+2066..U+2069 (bidi controls).
        0xe2 => matches!(
            (next(1), next(2)),
            (0x80, 0x8e | 0x8f | 0xa8 | 0xa9 | 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        // U+FEFF (byte order mark).
        0xef => (next(1), next(2)) == (0xbb, 0xbf),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_keeps_vowel_signs_and_escapes_controls() {
        assert_eq!(quoted("कल सुबह"), "\"कल सुबह\"");
        assert_eq!(
            quoted("a\"b\\c\u{1b}[2J\u{202e}\t"),
            r#""a\"b\\c\u{1b}[2J\u{202e}\t""#
        );
    }

    proptest::proptest! {
        #[test]
        fn byte_check_agrees_with_safe_char(s in "\\PC{0,200}|[\\x00-\\x{a0}\\x{2000}-\\x{2070}\\x{610}-\\x{620}\\x{fef0}-\\x{ff00}\\x{fffd}क-ह]{0,200}", nl: bool) {
            let by_chars = s.chars().all(|c| safe_char(c, nl) == Some(c));
            proptest::prop_assert_eq!(is_clean(s.as_bytes(), nl), by_chars);
        }
    }

    /// An unsafe character starting just before, at or after the end of a 32-byte block.
    #[test]
    fn unsafe_characters_at_block_edges_are_found() {
        for bad in ["\u{202e}", "\u{85}", "\u{1b}", "\u{2066}"] {
            for at in [29, 30, 31, 32, 33, 63, 64] {
                let s = format!("{}{bad}{}", "a".repeat(at), "क".repeat(20));
                assert!(!is_clean(s.as_bytes(), false), "{bad:?} at byte {at}");
            }
        }
    }

    #[test]
    fn escape_sequences_become_inert() {
        let s = sanitize("a\u{1b}[31mred\u{1b}]0;title\u{7}b", false);
        assert_eq!(s, "a\u{241b}[31mred\u{241b}]0;title\u{2407}b");
        assert!(!s.chars().any(char::is_control));
    }

    #[test]
    fn c1_del_and_bidi_are_neutralised() {
        let s = sanitize("x\u{9b}2J\u{7f}\u{202e}cba\u{2066}y", false);
        assert_eq!(s, "x\u{fffd}2J\u{fffd}cbay");
    }

    /// Invisible bidi marks and the byte order mark go; line and paragraph separators are
    /// line breaks where those are kept, else spaces; ZWJ and ZWNJ stay.
    #[test]
    fn marks_and_separators_are_plain() {
        let s = "क\u{200e}ख\u{200f}ग\u{61c}घ\u{feff}ङ\u{2028}च\u{2029}छ\u{200d}\u{200c}";
        assert_eq!(sanitize(s, false), "कखगघङ च छ\u{200d}\u{200c}");
        assert_eq!(sanitize(s, true), "कखगघङ\nच\nछ\u{200d}\u{200c}");
        for bad in ["\u{200e}", "\u{61c}", "\u{feff}", "\u{2028}"] {
            assert!(!is_clean(bad.as_bytes(), true), "{bad:?}");
        }
        assert!(is_clean("�\u{200d}".as_bytes(), false));
    }

    #[test]
    fn newlines_kept_only_on_request() {
        assert_eq!(sanitize("क\nख\tग", true), "क\nख ग");
        assert_eq!(sanitize("क\nख", false), "क\u{240a}ख");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("राष्ट्रपति “पुतिन”", false),
            Cow::Borrowed(_)
        ));
    }
}
