//! The machine-readable description of an article: the `khabar extract --json` contract.
//!
//! Other programs and the project's checks rely on this exact shape, so it lives in one
//! place with its own types instead of serialising internal structs.

use serde::Serialize;

use crate::corpus::Article;
use crate::extract::Analysis;
use crate::extract::dates::DateKind;
use crate::extract::entities::EntityKind;
use crate::span::Span;

/// One line of `khabar extract --json`.
#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    pub path: &'a str,
    /// The record's 1-based line in a JSON Lines file; null for a plain file.
    pub line: Option<usize>,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<String>,
    pub entities: Vec<EntityReport<'a>>,
    pub dates: Vec<DateReport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct EntityReport<'a> {
    pub name: &'a str,
    pub kind: EntityKind,
    pub aliases: &'a [String],
    pub mentions: Vec<MentionReport<'a>>,
}

/// A span as byte offsets into the input file (for JSON Lines, into the record's body)
/// and the text it covers.
#[derive(Debug, Serialize)]
pub struct MentionReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct DateReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: DateKind,
    pub value: Option<&'a str>,
}

fn mention(article: &Article, span: Span) -> MentionReport<'_> {
    let file = article.file_span(span);
    MentionReport {
        start: file.start,
        end: file.end,
        text: span.of(&article.text),
    }
}

/// The report for `article` given its analysis.
pub fn report<'a>(article: &'a Article, analysis: &'a Analysis) -> ArticleReport<'a> {
    ArticleReport {
        path: &article.path,
        line: article.line,
        title: &article.title,
        source: article.source.as_deref(),
        byline: article.byline.as_deref(),
        published: article.published.and_then(|p| p.value()),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityReport {
                name: &e.name,
                kind: e.kind,
                aliases: &e.aliases,
                mentions: e.mentions.iter().map(|&s| mention(article, s)).collect(),
            })
            .collect(),
        dates: analysis
            .dates
            .iter()
            .map(|d| {
                let m = mention(article, d.span);
                DateReport {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    kind: d.kind,
                    value: d.value.as_deref(),
                }
            })
            .collect(),
    }
}
