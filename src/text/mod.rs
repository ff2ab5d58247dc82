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
