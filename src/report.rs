//! The machine-readable description of an article: the `khabar extract --json` contract.
//!
//! Other programs and the project's checks rely on this exact shape, so it lives in one
//! place with its own types instead of serialising internal structs.

use std::cell::RefCell;

use serde::{Serialize, Serializer};

use crate::corpus::Article;
use crate::extract::Analysis;
use crate::extract::dates::{DateKind, DateMention};
use crate::extract::entities::EntityKind;
use crate::span::Span;

/// One line of `khabar extract --json`. Mentions and dates are written as they are read
/// (see [`Stream`]): a long article can have millions, and a copy of each would take
/// several times the article's size.
#[derive(Serialize)]
#[serde(bound = "Stream<D>: Serialize")]
pub struct ArticleReport<'a, D> {
    pub path: &'a str,
    /// The record's 1-based line in a JSON Lines file; null for a plain file.
    pub line: Option<usize>,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<String>,
    /// The time of publication, `HH:MM` in the article's zone, then its offset from UTC
    /// (`+05:30`) when written.
    pub time: Option<String>,
    /// The place of the dateline (`प्योंगयांग, 14 सितंबर …` gives `प्योंगयांग`).
    pub dateline: Option<&'a str>,
    /// The article's link (a JSON Lines record's or a feed item's `url`).
    pub url: Option<&'a str>,
    pub entities: Vec<EntityReport<'a>>,
    pub dates: Stream<D>,
}

#[derive(Serialize)]
pub struct EntityReport<'a> {
    pub name: &'a str,
    pub kind: EntityKind,
    pub aliases: &'a [String],
    pub mentions: Mentions<'a>,
}

/// An entity's mentions, written from its spans.
pub struct Mentions<'a> {
    article: &'a Article,
    spans: &'a [Span],
}

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.spans.iter().map(|&s| mention(self.article, s)))
    }
}

/// A span as byte offsets into the input file (for JSON Lines, into the record's body, or
/// into its title when `in` says `title`) and the text it covers.
#[derive(Debug, Serialize)]
pub struct MentionReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// `title` for a mention in a JSON Lines record's title; absent elsewhere.
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct DateReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: DateKind,
    pub value: Option<&'a str>,
    /// As [`MentionReport::field`].
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

/// A JSON array written straight from an iterator. It is written once: serialising it
/// again gives an empty array.
pub struct Stream<I>(RefCell<Option<I>>);

impl<I> Stream<I> {
    pub const fn new(items: I) -> Self {
        Self(RefCell::new(Some(items)))
    }
}

impl<I> Serialize for Stream<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take();
        serializer.collect_seq(items.into_iter().flatten())
    }
}

/// A date as the report shows it; owns its mention, which a stream of dates hands over.
pub struct DateEntry<'a> {
    article: &'a Article,
    date: DateMention,
}

impl Serialize for DateEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = mention(self.article, self.date.span);
        DateReport {
            start: m.start,
            end: m.end,
            text: m.text,
            kind: self.date.kind,
            value: self.date.value.as_deref(),
            field: m.field,
        }
        .serialize(serializer)
    }
}

fn mention(article: &Article, span: Span) -> MentionReport<'_> {
    let text = span.of(&article.text);
    if article.in_record_title(span) {
        return MentionReport {
            start: span.start,
            end: span.end,
            text,
            field: Some("title"),
        };
    }
    let file = article.file_span(span);
    MentionReport {
        start: file.start,
        end: file.end,
        text,
        field: None,
    }
}

/// The report for `article` given its analysis.
pub fn report<'a>(
    article: &'a Article,
    analysis: &'a Analysis,
) -> ArticleReport<'a, impl Iterator<Item = DateEntry<'a>>> {
    report_with_dates(article, analysis, analysis.dates.iter().cloned())
}

/// The report for `article` with its entities from `analysis` and its dates from `dates`
/// (in text order), read only while the report is written.
pub fn report_with_dates<'a>(
    article: &'a Article,
    analysis: &'a Analysis,
    dates: impl Iterator<Item = DateMention> + 'a,
) -> ArticleReport<'a, impl Iterator<Item = DateEntry<'a>>> {
    ArticleReport {
        path: &article.path,
        line: article.line,
        title: &article.title,
        source: article.source.as_deref(),
        byline: article.byline.as_deref(),
        published: article.published.and_then(|p| p.value()),
        time: article.published.and_then(|p| time_of(&p)),
        dateline: article.dateline.as_deref(),
        url: article.url.as_deref(),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityReport {
                name: &e.name,
                kind: e.kind,
                aliases: &e.aliases,
                mentions: Mentions {
                    article,
                    spans: &e.mentions,
                },
            })
            .collect(),
        dates: Stream::new(dates.map(move |date| DateEntry { article, date })),
    }
}

/// `HH:MM`, and `+HH:MM` after it when the zone was written.
fn time_of(p: &crate::extract::dates::Published) -> Option<String> {
    let (h, m) = p.time?;
    let zone = p.utc_offset_minutes.map_or(String::new(), |z| {
        let sign = if z < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", z.abs() / 60, z.abs() % 60)
    });
    Some(format!("{h:02}:{m:02}{zone}"))
}
