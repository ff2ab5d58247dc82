//! Devanagari-aware text handling: making untrusted text safe to show, folding spelling
//! variants, and (for the reader) measuring and wrapping it.

pub mod date_words;
pub mod escapes;
pub mod fold;
pub mod json;
pub mod roman;
pub mod sanitize;
pub mod width;
pub mod wrap;

pub use sanitize::{safe_char, sanitize};

/// Orders two names without case, as `--source` matches them (`demo times` beside `Demo
/// Times`), comparing lower-cased characters as they come: no string is made, which a
/// sort of a million articles would do twenty million times.
pub fn cmp_caseless(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}
