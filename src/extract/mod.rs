//! What khabar finds in an article: people, places, organisations and dates.
//!
//! Extraction never looks at site chrome: it runs only on an article's content regions
//! (title, byline, body paragraphs), and every result is a byte span into the article text.
//! It takes an [`Input`] (the text, those regions and the publication date), not the
//! corpus's article type: the corpus depends on extraction, never the other way round.

pub mod dates;
pub mod entities;

use crate::span::Span;
use crate::text::escapes::{cut_out, escape_sequences};
use dates::{DateMention, Published};
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

/// What extraction reads of an article: its text, the regions of it that are content and
/// its publication date. `corpus::Article` gives one (`From<&Article>`), and so can any
/// caller holding text and spans of its own.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub title: Option<Span>,
    /// Dates in it count; names in it credit who wrote the page and are left out.
    pub byline: Option<Span>,
    /// The body paragraphs, normally in text order.
    pub paragraphs: &'a [Span],
    /// Relative dates are resolved against it.
    pub published: Option<&'a Published>,
}

impl Input<'_> {
    /// Title, byline and paragraphs in text order, without repeats, and without the
    /// terminal escape sequences in them (their words are a terminal's, not the story's).
    pub fn content_regions(&self) -> Vec<Span> {
        let escapes = escape_sequences(self.text);
        cut_out(self.regions(), &escapes)
    }

    /// Title, byline and paragraphs in text order, without repeats, escapes and all.
    fn regions(&self) -> Vec<Span> {
        let mut regions: Vec<Span> = self
            .title
            .into_iter()
            .chain(self.byline)
            .chain(self.paragraphs.iter().copied())
            .collect();
        regions.sort_unstable();
        regions.dedup();
        regions
    }
}

/// Runs every extractor over the article's content regions.
pub fn analyse<'a>(article: impl Into<Input<'a>>) -> Analysis {
    let input = article.into();
    let entities = entities_in(&input);
    let regions = input.content_regions();
    Analysis {
        entities,
        dates: dates::find_dates(input.text, &regions, input.published),
    }
}

/// [`analyse`] without the dates, for a caller that takes them from [`dates_of`].
pub fn analyse_entities<'a>(article: impl Into<Input<'a>>) -> Analysis {
    Analysis {
        entities: entities_in(&article.into()),
        dates: Vec::new(),
    }
}

/// The article's dates as [`analyse`] finds them, one at a time (see [`dates::DateStream`]).
pub fn dates_of<'a>(article: impl Into<Input<'a>>) -> dates::DateStream<'a> {
    let input = article.into();
    dates::DateStream::new(input.text, input.content_regions(), input.published)
}

/// The entities of the article's content regions but its byline: the byline credits who
/// wrote the page, not who the news is about (its date counts, its names do not).
fn entities_in(input: &Input) -> Vec<Entity> {
    let text = input.text;
    let paragraphs = input.paragraphs;
    let byline = input.byline;
    let escapes = escape_sequences(text);
    if !escapes.is_empty() || !paragraphs.windows(2).all(|w| w[0] < w[1]) {
        let mut regions = input.regions();
        regions.retain(|r| Some(*r) != byline);
        return entities::find_entities(text, &cut_out(regions, &escapes));
    }
    // Paragraphs in text order: the title goes in at its place and the regions are read
    // from the article, not copied (a long article of short lines has millions).
    let at = input
        .title
        .map_or(0, |t| paragraphs.partition_point(|p| *p < t));
    let title = input.title.filter(|t| paragraphs.get(at) != Some(t));
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
        assert_eq!(entities_in(&(&article).into()), copied);
    }

    #[test]
    fn an_input_of_text_and_spans_needs_no_article() {
        let text = "दिल्ली में बैठक\n\nप्रधानमंत्री नरेंद्र मोदी ने कल दिल्ली में अमित शाह से बात की।\n";
        let title = Span::new(0, text.find('\n').unwrap());
        let start = text.find("प्रधानमंत्री").unwrap();
        let body = Span::new(start, text.trim_end().len());
        let published: Published = dates::parse_published("Updated: Sun, 21 Jan 2024 06:51 PM")
            .expect("a publication line")
            .1;
        let input = Input {
            text,
            title: Some(title),
            byline: None,
            paragraphs: &[body],
            published: Some(&published),
        };
        let found = analyse(input);
        let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"नरेंद्र मोदी"), "{names:?}");
        // `कल` resolved against the publication date given, 2024-01-21.
        let kal = found
            .dates
            .iter()
            .find(|d| &text[d.span.start..d.span.end] == "कल");
        assert!(
            kal.is_some_and(|d| d
                .value
                .as_deref()
                .is_some_and(|v| v.starts_with("2024-01-2"))),
            "{:?}",
            found.dates
        );
        // Without the body region nothing in it is read.
        let title_only = analyse(Input {
            paragraphs: &[],
            ..input
        });
        assert!(
            title_only.dates.is_empty()
                && !title_only.entities.iter().any(|e| e.name == "नरेंद्र मोदी")
        );
    }

    /// The words of an escape sequence (a window title, a colour) are a terminal's: no
    /// name or date comes from them, and the story's own around them are still found.
    #[test]
    fn nothing_is_found_inside_escape_sequences() {
        let text = "बैठक\u{1b}]0;PWNED KCNA 15 अगस्त 2019\u{7}\n\n\u{1b}[1mप्रधानमंत्री नरेंद्र मोदी\u{1b}[0m ने \
                    \u{9d}2;NASA\u{9c}कल दिल्ली में अमित शाह से बात की।\n";
        let article = crate::corpus::from_text("a.txt", text.to_owned());
        let found = analyse(&article);
        let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.contains(&"नरेंद्र मोदी") && names.contains(&"अमित शाह"),
            "{names:?}"
        );
        let escapes = escape_sequences(text);
        assert_eq!(escapes.len(), 4);
        for mention in found.entities.iter().flat_map(|e| &e.mentions) {
            assert!(
                escapes.iter().all(|e| !e.overlaps(*mention)),
                "{:?}",
                mention.of(text)
            );
        }
        assert!(
            !found.dates.iter().any(|d| d.span.of(text).contains("2019")),
            "{:?}",
            found.dates
        );
        assert!(
            found.dates.iter().any(|d| d.span.of(text) == "कल"),
            "{:?}",
            found.dates
        );
        // The dates read one at a time agree.
        let streamed: Vec<_> = dates_of(&article).collect();
        assert_eq!(streamed, found.dates);
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
