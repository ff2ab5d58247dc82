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
    let entities = entities_in(article);
    let regions = article.content_regions();
    Analysis {
        entities,
        dates: dates::find_dates(&article.text, &regions, article.published.as_ref()),
    }
}

/// [`analyse`] without the dates, for a caller that takes them from [`dates_of`].
pub fn analyse_entities(article: &Article) -> Analysis {
    Analysis {
        entities: entities_in(article),
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

/// The entities of the article's content regions but its byline: the byline credits who
/// wrote the page, not who the news is about (its date counts, its names do not).
fn entities_in(article: &Article) -> Vec<Entity> {
    let text = &article.text;
    let paragraphs = &article.paragraphs;
    let byline = article.byline_span;
    if !paragraphs.windows(2).all(|w| w[0] < w[1]) {
        let mut regions = article.content_regions();
        regions.retain(|r| Some(*r) != byline);
        return entities::find_entities(text, &regions);
    }
    // Paragraphs in text order: the title goes in at its place and the regions are read
    // from the article, not copied (a long article of short lines has millions).
    let at = article
        .title_span
        .map_or(0, |t| paragraphs.partition_point(|p| *p < t));
    let title = article.title_span.filter(|t| paragraphs.get(at) != Some(t));
    let regions = paragraphs[..at]
        .iter()
        .copied()
        .chain(title)
        .chain(paragraphs[at..].iter().copied())
        .filter(move |r| Some(*r) != byline);
    entities::find_entities_in(entities::matcher(), text, regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_read_from_the_article_match_those_of_a_copied_region_list() {
        let text = "मोदी दिल्ली में\n\nBy राहुल गांधी Updated: Sun, 21 Jan 2024 06:51 PM (IST)\n\n\
                    प्रधानमंत्री नरेंद्र मोदी ने सोमवार को दिल्ली में कहा।\nमोदी ने अमित शाह से बात की।\n";
        let article = crate::corpus::from_text("a.txt", text.to_owned());
        assert!(article.title_span.is_some() && article.byline_span.is_some());
        let mut regions = article.content_regions();
        regions.retain(|r| Some(*r) != article.byline_span);
        let copied = entities::find_entities(&article.text, &regions);
        assert!(copied.len() >= 2, "{copied:?}");
        assert_eq!(entities_in(&article), copied);
    }

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
