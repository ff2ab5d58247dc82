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
        let outside = Outside::new(spans);
        Self {
            entities: self
                .entities
                .iter()
                .filter_map(|e| {
                    let mentions: Vec<Span> = e
                        .mentions
                        .iter()
                        .copied()
                        .filter(|&m| outside.keeps(m))
                        .collect();
                    (!mentions.is_empty()).then(|| Entity {
                        mentions,
                        ..e.clone()
                    })
                })
                .collect(),
            dates: self
                .dates
                .iter()
                .filter(|d| outside.keeps(d.span))
                .cloned()
                .collect(),
        }
    }
}

/// Spans to leave out, merged and sorted so that each look-up is a binary search: an
/// article of many short lines can have a hundred thousand repeated ones and a million
/// mentions.
#[derive(Debug, Clone, Default)]
pub struct Outside(Vec<Span>);

impl Outside {
    pub fn new(spans: &[Span]) -> Self {
        let mut sorted = spans.to_vec();
        sorted.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
        for s in sorted {
            match merged.last_mut() {
                // Only overlapping spans merge: a mention may start where a span ends.
                Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        Self(merged)
    }

    /// Whether `m` overlaps none of the spans.
    pub fn keeps(&self, m: Span) -> bool {
        let i = self.0.partition_point(|s| s.end <= m.start);
        self.0.get(i).is_none_or(|s| !s.overlaps(m))
    }
}

/// Runs every extractor over the article's content regions.
pub fn analyse(article: &Article) -> Analysis {
    let regions = article.content_regions();
    let dates = dates::find_dates(&article.text, &regions, article.published.as_ref());
    Analysis {
        entities: entities_in(article, regions),
        dates,
    }
}

/// [`analyse`] without the dates, for a caller that takes them from [`dates_of`].
pub fn analyse_entities(article: &Article) -> Analysis {
    Analysis {
        entities: entities_in(article, article.content_regions()),
        dates: Vec::new(),
    }
}

/// The article's dates as [`analyse`] finds them, one at a time (see [`dates::DateStream`]).
pub fn dates_of(article: &Article) -> dates::DateStream<'_> {
    dates::DateStream::new(
        &article.text,
        article.content_regions(),
        article.published.as_ref(),
    )
}

fn entities_in(article: &Article, mut regions: Vec<Span>) -> Vec<Entity> {
    // The byline credits who wrote the page, not who the news is about: its date counts,
    // its names (a writer, an editor, a first name that is also a town) do not.
    regions.retain(|r| Some(*r) != article.byline_span);
    entities::find_entities(&article.text, &regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_drops_what_any_span_overlaps() {
        // Overlapping, touching, nested, empty and unsorted spans.
        let spans = [
            (30, 40),
            (5, 9),
            (9, 12),
            (35, 50),
            (60, 60),
            (20, 22),
            (21, 21),
        ]
        .map(|(a, b)| Span::new(a, b));
        let outside = Outside::new(&spans);
        let mut dropped = 0;
        for start in 0..70 {
            for end in start..72 {
                let m = Span::new(start, end);
                let any = spans.iter().any(|s| s.overlaps(m));
                assert_eq!(outside.keeps(m), !any, "{m:?}");
                dropped += usize::from(any);
            }
        }
        assert!(dropped > 0);
    }
}
