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

/// The edits between `a` and `b` (by characters): a letter added, dropped or changed, or
/// two neighbours swapped (`fecth`), each counting one.
pub fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // d[i][j]: the edits between a[..i] and b[..j].
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let mut best = (d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]))
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}
