//! Articles as the reader and `list` hold them: a small list entry for every article, and
//! the rest (structure and analysis) encoded, decoded only for the article being shown. A
//! corpus of 100,000 articles then costs its list and index in memory, not its analyses.

use std::sync::Arc;

use crate::corpus::Article;
use crate::extract::Analysis;
use crate::index::{Facts, SearchText};

/// An article's structure (without text) and analysis, encoded with postcard.
#[derive(Debug, Clone)]
pub enum Packed {
    /// In memory (extracted in this run).
    Owned(Arc<[u8]>),
    /// In the cache file's details section, with their checksum (see [`super::Details`]).
    Stored { at: u64, len: u32, hash: u64 },
}

impl Packed {
    /// The encoded size in bytes.
    pub fn len(&self) -> usize {
        match self {
            Self::Owned(b) => b.len(),
            Self::Stored { len, .. } => *len as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One article of a loaded corpus.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The list entry: see [`lite`].
    pub article: Article,
    /// The content id (read state).
    pub id: u64,
    /// Its file among the loaded files, if it came from one (not standard input or the
    /// built-in samples).
    pub file: Option<u32>,
    pub packed: Packed,
}

/// An article just extracted (or reused), as the loader hands it over.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// The list entry: see [`lite`].
    pub article: Article,
    pub id: u64,
    /// What the index files.
    pub facts: Facts,
    pub packed: Packed,
    /// The searchable text (title and text folded), when the text was at hand.
    pub folded: Option<Box<str>>,
}

impl Arrival {
    /// Packs an analysed article, folding its text for search while it is at hand.
    pub fn new(article: &Article, analysis: &Analysis, id: u64) -> Self {
        Self {
            article: lite(article),
            id,
            facts: Facts::of(analysis),
            packed: Packed::Owned(pack(article, analysis)),
            folded: (!article.text.is_empty()).then(|| SearchText::folded(article)),
        }
    }
}

/// What the list needs of an article: where it is, title, source, publication date. The
/// text, structure and the rest are left out (they are in its [`Packed`] details), except
/// the text read from standard input, which cannot be read again.
pub fn lite(article: &Article) -> Article {
    Article {
        path: article.path.clone(),
        line: article.line,
        text: if article.origin == crate::corpus::Origin::Stdin {
            article.text.clone()
        } else {
            String::new()
        },
        title: article.title.clone(),
        source: article.source.clone(),
        published: article.published,
        origin: article.origin,
        ..Article::default()
    }
}

/// Encodes an article (everything but its text, which serde skips) and its analysis.
pub fn pack(article: &Article, analysis: &Analysis) -> Arc<[u8]> {
    postcard::to_stdvec(&(article, analysis))
        .unwrap_or_default()
        .into()
}

/// Decodes [`pack`]'s bytes; `None` for bytes it did not write.
pub fn unpack(bytes: &[u8]) -> Option<(Article, Analysis)> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_keeps_all_but_the_text() {
        let article = crate::corpus::from_text(
            "a.txt",
            "शीर्षक\n\nमोदी ने दिल्ली में सोमवार को कहा।\n".to_owned(),
        );
        let analysis = crate::extract::analyse(&article);
        let (back, back_analysis) = unpack(&pack(&article, &analysis)).unwrap();
        assert_eq!(back_analysis, analysis);
        assert_eq!(back.paragraphs, article.paragraphs);
        assert!(back.text.is_empty());
        assert!(unpack(b"\xff\xff\xff").is_none());
        let entry = lite(&article);
        assert_eq!((entry.title.as_str(), entry.paragraphs.len()), ("शीर्षक", 0));
    }
}
