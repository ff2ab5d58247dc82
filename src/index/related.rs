//! Related stories: the articles sharing the most people, places, organisations and
//! precise dates with one article, so the same event told by other sources can be found
//! from any of its tellings. Only the index's postings are read, never article text.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Index;
use crate::extract::entities::EntityKind;

/// One related article: how strongly, and what it shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub doc: u32,
    /// Hundredths of the summed weights (see [`Index::related`]).
    pub score: u32,
    /// Names of the shared entities, most telling first, then shared dates.
    pub shared: Vec<String>,
}

/// Dates spanning more than this many days (a year, a decade) say little about an event.
const PRECISE_DAYS: i64 = 31;

impl Index {
    /// The articles sharing most with `doc`, best first (ties by article number), at most
    /// `limit`. An entity counts more the fewer articles mention it (a name in every article
    /// tells little); a place counts less than a person, an organisation less still; each
    /// shared day- or month-precise date counts as a place.
    pub fn related(&self, doc: u32, limit: usize) -> Vec<Related> {
        let live = self.live().max(1) as f32;
        let mut found: HashMap<u32, (f32, Vec<(f32, String)>)> = HashMap::new();
        for e in self.entities.values() {
            if !e.docs.contains(doc) {
                continue;
            }
            let kind = match e.kind {
                EntityKind::Person => 1.0,
                EntityKind::Place => 0.6,
                EntityKind::Organization => 0.5,
            };
            let weight = kind * (1.0 + (live / e.docs.len() as f32).ln());
            for other in &e.docs {
                if other != doc && !self.is_gone(other) {
                    let entry = found.entry(other).or_default();
                    entry.0 += weight;
                    entry.1.push((weight, e.name.clone()));
                }
            }
        }
        let days: Vec<(NaiveDate, NaiveDate)> = self
            .mentioned
            .of_doc(doc)
            .filter(|(s, e)| (*e - *s).num_days() < PRECISE_DAYS)
            .collect();
        for &(s, e) in &days {
            let Some(mentioning) = self.mentioned.docs_of((s, e)) else {
                continue;
            };
            for other in mentioning.iter().filter(|&o| o != doc && !self.is_gone(o)) {
                let entry = found.entry(other).or_default();
                entry.0 += 0.6;
                let label = if s == e {
                    s.to_string()
                } else {
                    s.format("%Y-%m").to_string()
                };
                entry.1.push((0.0, label));
            }
        }
        let mut out: Vec<Related> = found
            .into_iter()
            .map(|(doc, (score, mut shared))| {
                // Most telling first; dates (weight 0) after the names, in date order.
                shared.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                Related {
                    doc,
                    score: (score * 100.0).round() as u32,
                    shared: shared.into_iter().map(|(_, n)| n).collect(),
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
        out.truncate(limit);
        out
    }
}
