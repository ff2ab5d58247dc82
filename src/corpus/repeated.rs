//! Chrome found by repetition: a paragraph that recurs in many articles of one source is
//! the site's, not the story's.
//!
//! Site footers and promos (`(… के एंड्रॉएड ऐप के लिए यहां क्लिक करें …)`) name apps, social
//! networks and the site itself in nearly every article, and no marker list can know every
//! site's wording. Across a corpus they give themselves away: the same paragraph, give or
//! take a number or a space, in article after article of the same source. [`Repeated`]
//! counts paragraph fingerprints per source as articles are added and removed, so it stays
//! right as a corpus grows or shrinks without looking at any article twice; a paragraph is
//! chrome once [`MIN_ARTICLES`] articles of its source, and at least one in [`SHARE`] of
//! them, hold it ([`is_repeated`]). An article with no
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

/// The least share of a source's articles (one in `SHARE`) that must hold a paragraph for
/// it to be chrome. A footer or promo is in most of a site's articles; a story's sentence
/// that recurs with only its numbers changed (a daily market brief, a running count of
/// victims) is in a few of many, and is the story.
pub const SHARE: u32 = 4;

/// Whether a paragraph held by `holders` of the `articles` articles of its source is that
/// source's chrome.
pub fn is_repeated(holders: u32, articles: u32) -> bool {
    holders >= MIN_ARTICLES && u64::from(holders) * u64::from(SHARE) >= u64::from(articles)
}

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
        push(if is_numeric(c) { '0' } else { c });
    }
    h
}

/// `char::is_numeric`, answered for Devanagari without the Unicode table look-up that
/// took two thirds of [`fingerprint`]'s time: the block's only numbers are its digits.
fn is_numeric(c: char) -> bool {
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        ('\u{0966}'..='\u{096F}').contains(&c)
    } else {
        c.is_numeric()
    }
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

/// [`source_key`] as a number, for a database to keep beside each article (FNV-1a of the
/// key as it is: unlike [`fingerprint`], digits tell folders apart).
pub fn source_hash(article: &Article) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in source_key(article).as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The fingerprint of the one paragraph that holds every span of `spans`, if there is one
/// (`paragraphs` in reading order, `fingerprints` aligned with them). What a store keeps
/// of a mention: a name found only in a footer goes when the footer turns out to be
/// chrome, and one also found in the story stays.
pub fn paragraph_of(paragraphs: &[Span], fingerprints: &[u64], spans: &[Span]) -> Option<u64> {
    let within = |s: Span| {
        let i = paragraphs.partition_point(|p| p.end <= s.start);
        paragraphs
            .get(i)
            .filter(|p| p.start <= s.start && s.end <= p.end)
            .map(|_| i)
    };
    let first = within(*spans.first()?)?;
    spans
        .iter()
        .all(|&s| within(s) == Some(first))
        .then(|| fingerprints.get(first).copied())
        .flatten()
}

/// The paragraphs a corpus found to be chrome, as (source, fingerprint) pairs (a
/// [`source_hash`] and a [`fingerprint`]): what a reader needs to set an article's repeated
/// paragraphs aside when it opens it. A paragraph is chrome of its source only: a promo
/// one site repeats stays text in the one article of another that quotes it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RepeatedSet(HashSet<(u64, u64)>);

impl FromIterator<(u64, u64)> for RepeatedSet {
    fn from_iter<I: IntoIterator<Item = (u64, u64)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl RepeatedSet {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Moves the paragraphs of `article` that are repeated chrome of `source` (where the
    /// store counted it: see [`source_hash`]) out of its body and into its chrome, so
    /// extraction skips them and the raw view dims them. Returns how many.
    pub fn set_aside(&self, article: &mut Article, source: u64) -> usize {
        if self.0.is_empty() {
            return 0;
        }
        let mut moved = 0;
        let text = &article.text;
        let chrome = &mut article.chrome;
        article.paragraphs.retain(|&p| {
            let repeated = self.0.contains(&(source, fingerprint(p.of(text))));
            if repeated {
                chrome.push(super::article::Chrome {
                    span: p,
                    kind: super::article::ChromeKind::Repeated,
                });
                moved += 1;
            }
            !repeated
        });
        if moved > 0 {
            article.chrome.sort_by_key(|c| c.span.start);
        }
        moved
    }
}

/// Paragraph fingerprints counted per source: in how many articles each occurs.
#[derive(Debug, Default, Clone)]
pub struct Repeated {
    counts: HashMap<String, HashMap<u64, u32>>,
    /// Articles counted per source.
    articles: HashMap<String, u32>,
}

impl Repeated {
    /// Counts an article's paragraphs (a paragraph repeated inside it counts once).
    pub fn add(&mut self, source: &str, fingerprints: &[u64]) {
        *self.articles.entry(source.to_owned()).or_default() += 1;
        let counts = self.counts.entry(source.to_owned()).or_default();
        for &f in &distinct(fingerprints) {
            *counts.entry(f).or_default() += 1;
        }
    }

    /// Takes back an article [`Repeated::add`] counted.
    pub fn remove(&mut self, source: &str, fingerprints: &[u64]) {
        if let Some(n) = self.articles.get_mut(source) {
            *n = n.saturating_sub(1);
        }
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
        let articles = self.articles.get(source).copied().unwrap_or(0);
        self.counts
            .get(source)
            .and_then(|c| c.get(&fingerprint))
            .is_some_and(|&n| is_repeated(n, articles))
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

    /// Stored counts depend on the fingerprint: the quick Devanagari answer must be
    /// `char::is_numeric`'s, for every character of the block and around it.
    #[test]
    fn numbers_are_told_as_unicode_tells_them() {
        for c in ('\u{0800}'..='\u{0A7F}').chain(['0', '9', 'a', '٣', '½', 'Ⅻ']) {
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
        }
    }

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
    fn a_name_belongs_to_a_paragraph_only_when_all_its_mentions_are_in_it() {
        let paragraphs = [Span::new(0, 10), Span::new(12, 20), Span::new(22, 30)];
        let prints = [7, 8, 9];
        let of = |spans: &[(usize, usize)]| {
            let spans: Vec<Span> = spans.iter().map(|&(a, b)| Span::new(a, b)).collect();
            paragraph_of(&paragraphs, &prints, &spans)
        };
        assert_eq!(of(&[(12, 15), (16, 20)]), Some(8));
        assert_eq!(of(&[(22, 30)]), Some(9));
        assert_eq!(of(&[(1, 3), (23, 25)]), None, "two paragraphs");
        assert_eq!(of(&[(9, 13)]), None, "across a paragraph end");
        assert_eq!(of(&[(10, 11)]), None, "between paragraphs (a title)");
        assert_eq!(of(&[]), None);
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

    #[test]
    fn a_paragraph_in_few_of_many_articles_is_the_story() {
        let mut r = Repeated::default();
        let brief = fingerprint("सेंसेक्स 120 अंक चढ़ा");
        for k in 0..12 {
            r.add("a", &[k, brief]);
        }
        assert!(r.is_chrome("a", brief));
        // The same sentence in every fourth article is still chrome; in fewer, not.
        for k in 100..136 {
            r.add("a", &[k]);
        }
        assert!(r.is_chrome("a", brief), "12 of 48");
        r.add("a", &[200]);
        assert!(!r.is_chrome("a", brief), "12 of 49");
        assert!(is_repeated(3, 12) && !is_repeated(3, 13) && !is_repeated(2, 2));
    }
}
