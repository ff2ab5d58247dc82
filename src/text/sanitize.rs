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
/// override and isolate controls are dropped; tab becomes a space. Newline is kept only
/// when `keep_newline` is set.
pub fn safe_char(c: char, keep_newline: bool) -> Option<char> {
    match c {
        '\n' if keep_newline => Some('\n'),
        '\t' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}'..='\u{9f}' => Some('\u{fffd}'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
        _ => Some(c),
    }
}

/// `text` with every character passed through [`safe_char`]; borrowed when nothing changes.
pub fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = text.chars().any(|c| safe_char(c, keep_newlines) != Some(c));
    if !needs {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| safe_char(c, keep_newlines))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
