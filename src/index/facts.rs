//! What the index keeps of one article's analysis: which entities it names (with their
//! folded forms) and which day intervals its dates cover. Computed on the loader's worker
//! threads, so the event loop only files them; the database keeps the same in its tables.

use chrono::NaiveDate;

use super::range;
use crate::extract::Analysis;
use crate::extract::entities::EntityKind;
use crate::text::fold::fold;

/// One entity an article names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactEntity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// The article's aliases for it, folded (folding is the costly part of filing them).
    pub forms: Vec<String>,
}

/// The index's view of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub entities: Vec<FactEntity>,
    /// Day intervals of the dates mentioned (values without a known year have none).
    pub dates: Vec<(NaiveDate, NaiveDate)>,
}

impl Facts {
    pub fn of(analysis: &Analysis) -> Self {
        Self {
            entities: analysis
                .entities
                .iter()
                .map(|e| FactEntity {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    forms: e.aliases.iter().map(|a| fold(a)).collect(),
                })
                .collect(),
            dates: dated(analysis).map(|(_, interval)| interval).collect(),
        }
    }
}

/// The dates of `analysis` that cover known days, with the days: [`Facts::dates`] in
/// order, beside where each was found.
pub fn dated(
    analysis: &Analysis,
) -> impl Iterator<Item = (crate::span::Span, (NaiveDate, NaiveDate))> + '_ {
    analysis.dates.iter().filter_map(|d| {
        let (start, end, _) = d.value.as_deref().and_then(range::interval_of)?;
        Some((d.span, (start, end)))
    })
}
