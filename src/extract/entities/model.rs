//! What entity extraction returns, as it appears in `khabar extract --json`.

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

/// One person, place or organisation in one article, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable across the corpus (the same person has the same id in every article), so the
    /// reader can filter all articles by one entity.
    pub id: String,
    /// The canonical name (Devanagari where known).
    pub name: String,
    pub kind: EntityKind,
    /// Every distinct form the article uses for it, canonical name excluded.
    pub aliases: Vec<String>,
    /// Spans of the names only, without postpositions (`पुतिन ने` gives `पुतिन`).
    pub mentions: Vec<Span>,
}
