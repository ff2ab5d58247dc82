//! Chrome found by repetition: a paragraph that recurs in many articles of one source is
//! the site's, not the story's.
//!
//! Site footers and promos (`(… के एंड्रॉएड ऐप के लिए यहां क्लिक करें …)`) name apps, social
//! networks and the site itself in nearly every article, and no marker list can know every
//! site's wording. Across a corpus they give themselves away: the same paragraph, give or
//! take a number or a space, in article after article of the same source. [`Repeated`]
//! counts paragraph fingerprints per source as articles are added and removed, so it stays
//! right as a corpus grows or shrinks without looking at any article twice; a paragraph is
//! chrome once [`MIN_ARTICLES`] articles of its source hold it. An article with no
//! siblings never reaches the threshold and keeps only the marker-based chrome of
//! [`super::Article::chrome`].
//!
//! Extraction results carry byte spans, so a caller drops what lies in repeated chrome
//! ([`crate::extract::Analysis::outside`]) without extracting again when the counts move.

use std::collections::{HashMap, HashSet};

use super::Article;
use crate::span::Span;

/// How many articles of one source must hold a paragraph before it is chrome. Three and
/// not two: two articles may quote the same sentence (an agency's statement), while a
/// footer is in every article.
pub const MIN_ARTICLES: u32 = 3;

/// A paragraph's fingerprint: a stable hash of its text with every digit read as `0` and
/// every run of white space as one space (`© 2023` and `©  2024` meet).
pub fn fingerprint(paragraph: &str) -> u64 {
    // FNV-1a: stable across runs and builds, so counts may be stored.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut push = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut space = false;
    for c in paragraph.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            push(' ');
            space = false;
        }
        push(if c.is_numeric() { '0' } else { c });
    }
    h
}

/// The fingerprints of an article's body paragraphs, in order (needs its text).
pub fn fingerprints(article: &Article) -> Vec<u64> {
    article.paragraph_texts().map(fingerprint).collect()
}

/// Which articles count as one source's: its publisher or feed name, else its folder.
pub fn source_key(article: &Article) -> String {
    if let Some(s) = &article.source {
        format!("source:{}", s.trim().to_lowercase())
    } else {
        let path = std::path::Path::new(&article.path);
        let dir = path.parent().map(|d| d.display().to_string());
        format!("folder:{}", dir.unwrap_or_default())
    }
}

/// Paragraph fingerprints counted per source: in how many articles each occurs.
#[derive(Debug, Default, Clone)]
pub struct Repeated {
    counts: HashMap<String, HashMap<u64, u32>>,
}

impl Repeated {
    /// Counts an article's paragraphs (a paragraph repeated inside it counts once).
    pub fn add(&mut self, source: &str, fingerprints: &[u64]) {
        let counts = self.counts.entry(source.to_owned()).or_default();
        for &f in &distinct(fingerprints) {
            *counts.entry(f).or_default() += 1;
        }
    }

    /// Takes back an article [`Repeated::add`] counted.
    pub fn remove(&mut self, source: &str, fingerprints: &[u64]) {
        let Some(counts) = self.counts.get_mut(source) else {
            return;
        };
        for &f in &distinct(fingerprints) {
            if let Some(n) = counts.get_mut(&f) {
                *n -= 1;
                if *n == 0 {
                    counts.remove(&f);
                }
            }
        }
        if counts.is_empty() {
            self.counts.remove(source);
        }
    }

    /// Whether a paragraph with this fingerprint is its source's chrome.
    pub fn is_chrome(&self, source: &str, fingerprint: u64) -> bool {
        self.counts
            .get(source)
            .and_then(|c| c.get(&fingerprint))
            .is_some_and(|&n| n >= MIN_ARTICLES)
    }

    /// The paragraphs of `article` that are repeated chrome; `fingerprints` are its own
    /// (from [`fingerprints`], aligned with [`Article::paragraphs`]).
    pub fn chrome_spans(&self, article: &Article, fingerprints: &[u64]) -> Vec<Span> {
        let source = source_key(article);
        article
            .paragraphs
            .iter()
            .zip(fingerprints)
            .filter(|&(_, &f)| self.is_chrome(&source, f))
            .map(|(&span, _)| span)
            .collect()
    }
}

fn distinct(fingerprints: &[u64]) -> HashSet<u64> {
    fingerprints.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_spaces_do_not_tell_paragraphs_apart() {
        assert_eq!(
            fingerprint("© 2023  सब अधिकार"),
            fingerprint(" © 2024 सब\nअधिकार ")
        );
        assert_eq!(fingerprint("१२ लोग"), fingerprint("34 लोग"));
        assert_ne!(fingerprint("सब अधिकार"), fingerprint("सब अधिकारी"));
        assert_ne!(fingerprint("ab"), fingerprint("a b"));
    }

    #[test]
    fn a_paragraph_is_chrome_from_the_third_article_of_its_source_and_stops_being_so() {
        let mut r = Repeated::default();
        let footer = fingerprint("हमें फ़ॉलो करें");
        r.add("a", &[1, footer, footer]);
        r.add("a", &[2, footer]);
        assert!(
            !r.is_chrome("a", footer),
            "one article repeating it counts once"
        );
        r.add("b", &[footer]);
        assert!(
            !r.is_chrome("a", footer),
            "another source's article does not count"
        );
        r.add("a", &[3, footer]);
        assert!(r.is_chrome("a", footer));
        assert!(!r.is_chrome("b", footer));
        assert!(!r.is_chrome("a", 3));
        r.remove("a", &[2, footer]);
        assert!(!r.is_chrome("a", footer));
    }
}
