//! The sidebar's items for one article: people, places, organisations (most mentioned
//! first) and dates (in time order, unresolved ones last).

use crate::corpus::Article;
use crate::extract::Analysis;
use crate::extract::entities::EntityKind;
use crate::span::Span;

/// A sidebar section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    People,
    Places,
    Organisations,
    Dates,
}

impl Section {
    pub const ALL: [Self; 4] = [Self::People, Self::Places, Self::Organisations, Self::Dates];

    pub const fn title(self) -> &'static str {
        match self {
            Self::People => "People",
            Self::Places => "Places",
            Self::Organisations => "Organisations",
            Self::Dates => "Dates",
        }
    }
}

/// One selectable line of the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub section: Section,
    /// The canonical name, or the date as written.
    pub label: String,
    /// Mention count for entities; the normalised value (or `?`) for dates.
    pub detail: String,
    /// The detail as shown: for dates, in Hindi words (`मंगलवार, 18 जून 2024`, `24 साल`).
    pub shown: String,
    /// Where it is mentioned, in text order.
    pub spans: Vec<Span>,
}

/// The sidebar items of an article, section by section.
pub fn items(article: &Article, analysis: &Analysis) -> Vec<Item> {
    let mut out = Vec::new();
    for (section, kind) in [
        (Section::People, EntityKind::Person),
        (Section::Places, EntityKind::Place),
        (Section::Organisations, EntityKind::Organization),
    ] {
        let mut entities: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        entities.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        out.extend(entities.into_iter().map(|e| {
            let mut spans = e.mentions.clone();
            spans.sort_unstable();
            Item {
                section,
                label: e.name.clone(),
                detail: spans.len().to_string(),
                shown: spans.len().to_string(),
                spans,
            }
        }));
    }
    // One item per date as written and resolved, so a weekday named twice is one line
    // with two mentions; resolved values in time order (ISO-like values sort as text),
    // unresolved last.
    let mut dates: Vec<Item> = Vec::new();
    for d in &analysis.dates {
        let label = d.span.of(&article.text);
        let detail = d.value.as_deref().unwrap_or("?").to_owned();
        match dates
            .iter_mut()
            .find(|i| i.label == label && i.detail == detail)
        {
            Some(item) => item.spans.push(d.span),
            None => dates.push(Item {
                section: Section::Dates,
                label: label.to_owned(),
                shown: crate::text::date_words::hindi(&detail),
                detail,
                spans: vec![d.span],
            }),
        }
    }
    dates.sort_by(|a, b| {
        (a.detail == "?", &a.detail, a.spans[0]).cmp(&(b.detail == "?", &b.detail, b.spans[0]))
    });
    out.extend(dates);
    out
}
