//! What khabar finds in an article: people, places, organisations and dates.
//!
//! Extraction never looks at site chrome: it runs only on an article's content regions
//! (title, byline, body paragraphs), and every result is a byte span into the article text.

pub mod dates;
pub mod entities;

use crate::corpus::Article;
use crate::span::Span;
use dates::DateMention;
use entities::Entity;

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
}

impl Analysis {
    /// What was found outside `spans` (paragraphs found to be chrome after extraction,
    /// see [`crate::corpus::repeated`]): mentions inside them are dropped, and so is an
    /// entity left with none.
    #[must_use]
    pub fn outside(&self, spans: &[Span]) -> Self {
        let inside = |m: Span| spans.iter().any(|s| s.overlaps(m));
        Self {
            entities: self
                .entities
                .iter()
                .filter_map(|e| {
                    let mentions: Vec<Span> =
                        e.mentions.iter().copied().filter(|&m| !inside(m)).collect();
                    (!mentions.is_empty()).then(|| Entity {
                        mentions,
                        ..e.clone()
                    })
                })
                .collect(),
            dates: self
                .dates
                .iter()
                .filter(|d| !inside(d.span))
                .cloned()
                .collect(),
        }
    }
}

/// Runs every extractor over the article's content regions.
pub fn analyse(article: &Article) -> Analysis {
    let regions = article.content_regions();
    // The byline credits who wrote the page, not who the news is about: its date counts,
    // its names (a writer, an editor, a first name that is also a town) do not.
    let about: Vec<_> = regions
        .iter()
        .copied()
        .filter(|r| Some(*r) != article.byline_span)
        .collect();
    Analysis {
        entities: entities::find_entities(&article.text, &about),
        dates: dates::find_dates(&article.text, &regions, article.published.as_ref()),
    }
}
