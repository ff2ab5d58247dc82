//! Full-text search over titles and bodies with the same folding as entity matching:
//! nukta, chandrabindu/anusvara, nasal spellings, Devanagari digits = ASCII digits, Latin
//! case. Only the folded text is kept per article; positions for highlighting are found
//! again on the one article being shown.

use crate::corpus::Article;
use crate::span::Span;
use crate::text::fold::{Folded, fold};

/// The searchable (folded) text of every article, by document number.
#[derive(Debug, Default, Clone)]
pub struct SearchText {
    folded: Vec<Box<str>>,
}

impl SearchText {
    pub fn add(&mut self, article: &Article) {
        self.folded.push(Self::folded(article));
    }

    /// Adds a document whose searchable text was folded elsewhere (on a loader thread).
    pub fn push_folded(&mut self, folded: Box<str>) {
        self.folded.push(folded);
    }

    /// Replaces document `doc`'s searchable text (when it was added before its text was at
    /// hand).
    pub fn set(&mut self, doc: usize, folded: Box<str>) {
        if let Some(slot) = self.folded.get_mut(doc) {
            *slot = folded;
        }
    }

    /// The searchable form of an article: title and text, folded.
    pub fn folded(article: &Article) -> Box<str> {
        let mut s = fold(&article.title);
        s.push('\n');
        s.push_str(&fold(&article.text));
        s.into_boxed_str()
    }

    /// The documents among `within` whose title or text contains `query` (folded).
    pub fn matching(&self, query: &str, within: &[u32]) -> Vec<u32> {
        let q = fold(query);
        let q = q.trim();
        if q.is_empty() {
            return within.to_vec();
        }
        within
            .iter()
            .copied()
            .filter(|&d| self.folded.get(d as usize).is_some_and(|t| t.contains(q)))
            .collect()
    }
}

/// Where `query` occurs in the article's text (outside site chrome), as byte spans of the
/// original text.
pub fn occurrences(article: &Article, query: &str) -> Vec<Span> {
    let q = fold(query);
    let q = q.trim();
    if q.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(&article.text);
    folded
        .text
        .match_indices(q)
        .map(|(i, m)| {
            let r = folded.original(i..i + m.len());
            Span::new(r.start, r.end)
        })
        .filter(|s| !article.in_chrome(*s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::from_text;

    #[test]
    fn folding_digits_case_and_spelling() {
        let a = from_text("x", "शीर्षक\n\nसितम्बर २०२३ में Putin ने ज़ोर दिया।".to_owned());
        let mut s = SearchText::default();
        s.add(&a);
        for q in ["सितंबर", "2023", "putin", "PUTIN", "जोर", "शीर्षक"]
        {
            assert_eq!(s.matching(q, &[0]), [0], "{q}");
        }
        assert!(s.matching("मोदी", &[0]).is_empty());
        let hits = occurrences(&a, "2023");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].of(&a.text), "२०२३");
    }
}
