//! Related stories: the articles sharing the most people, places, organisations and
//! precise dates with one article, so the same event told by other sources can be found
//! from any of its tellings. Only the index's postings are read, never article text.

use chrono::NaiveDate;

use super::{Index, Postings};
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

/// How a shared date is named: a day, or the month of a longer span.
fn label(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        first.to_string()
    } else {
        first.format("%Y-%m").to_string()
    }
}

/// A shared precise date counts as a shared place.
const DATE_WEIGHT: f32 = 0.6;

impl Index {
    /// The articles sharing most with `doc`, best first (ties by article number), at most
    /// `limit`. An entity counts more the fewer articles mention it (a name in every article
    /// tells little); a place counts less than a person, an organisation less still; each
    /// shared day- or month-precise date counts as a place.
    pub fn related(&self, doc: u32, limit: usize) -> Vec<Related> {
        let live = self.live().max(1) as f32;
        // What the article has, with what each weighs; then every article's score in a
        // table by number (a map, and a name copied for every article sharing a common
        // entity, took 80 ms at 100,000 articles); names only for the articles kept.
        let mut names: Vec<(f32, &str, &Postings)> = Vec::new();
        for e in self.entities.values().filter(|e| e.docs.contains(doc)) {
            let kind = match e.kind {
                EntityKind::Person => 1.0,
                EntityKind::Place => 0.6,
                EntityKind::Organization => 0.5,
            };
            names.push((
                kind * (1.0 + (live / e.docs.len() as f32).ln()),
                &e.name,
                &e.docs,
            ));
        }
        let mut days: Vec<(NaiveDate, NaiveDate)> = self
            .mentioned
            .of_doc(doc)
            .filter(|(s, e)| (*e - *s).num_days() < PRECISE_DAYS)
            .collect();
        days.sort_unstable();
        let dated: Vec<((NaiveDate, NaiveDate), &Postings)> = days
            .iter()
            .filter_map(|&d| Some((d, self.mentioned.docs_of(d)?)))
            .collect();
        let mut scores = vec![0f32; self.len()];
        let mut touched = vec![false; self.len()];
        let shared = names
            .iter()
            .map(|&(weight, _, docs)| (weight, docs))
            .chain(dated.iter().map(|&(_, docs)| (DATE_WEIGHT, docs)));
        for (weight, docs) in shared {
            for other in docs {
                if let Some(score) = scores.get_mut(other as usize) {
                    *score += weight;
                    touched[other as usize] = true;
                }
            }
        }
        let mut ranked: Vec<(u32, u32)> = scores
            .iter()
            .enumerate()
            .filter(|&(other, _)| {
                touched[other] && other as u32 != doc && !self.is_gone(other as u32)
            })
            .map(|(other, &score)| ((score * 100.0).round() as u32, other as u32))
            .collect();
        let best = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > limit && limit > 0 {
            ranked.select_nth_unstable_by(limit - 1, best);
        }
        ranked.truncate(limit);
        ranked.sort_unstable_by(best);
        ranked
            .into_iter()
            .map(|(score, other)| {
                let mut shared: Vec<(f32, String)> = names
                    .iter()
                    .filter(|(_, _, docs)| docs.contains(other))
                    .map(|&(weight, name, _)| (weight, name.to_owned()))
                    .collect();
                // Most telling first.
                shared.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                // Dates after the names, as the labels sort.
                let mut on_days: Vec<String> = dated
                    .iter()
                    .filter(|(_, docs)| docs.contains(other))
                    .map(|&((s, e), _)| label(s, e))
                    .collect();
                on_days.sort_unstable();
                Related {
                    doc: other,
                    score,
                    shared: shared.into_iter().map(|(_, n)| n).chain(on_days).collect(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{FactEntity, Facts};
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// The plain way: every article sharing something, scored and named as it is met.
    fn reference(index: &Index, doc: u32, limit: usize) -> Vec<Related> {
        let live = index.live().max(1) as f32;
        let mut found: HashMap<u32, (f32, Vec<(f32, String)>)> = HashMap::new();
        for e in index.entities.values() {
            if !e.docs.iter().any(|d| d == doc) {
                continue;
            }
            let kind = match e.kind {
                EntityKind::Person => 1.0,
                EntityKind::Place => 0.6,
                EntityKind::Organization => 0.5,
            };
            let weight = kind * (1.0 + (live / e.docs.len() as f32).ln());
            for other in e.docs.iter().filter(|&o| o != doc && !index.is_gone(o)) {
                let entry = found.entry(other).or_default();
                entry.0 += weight;
                entry.1.push((weight, e.name.clone()));
            }
        }
        let mut days: Vec<_> = index
            .mentioned
            .iter()
            .filter(|&(s, e, d)| d == doc && (e - s).num_days() < PRECISE_DAYS)
            .map(|(s, e, _)| (s, e))
            .collect();
        days.sort_unstable();
        days.dedup();
        for (s, e) in days {
            for (_, _, other) in index
                .mentioned
                .iter()
                .filter(|&(s2, e2, o)| (s2, e2) == (s, e) && o != doc && !index.is_gone(o))
            {
                let label = if s == e {
                    s.to_string()
                } else {
                    s.format("%Y-%m").to_string()
                };
                let entry = found.entry(other).or_default();
                entry.0 += DATE_WEIGHT;
                entry.1.push((-1.0, label));
            }
        }
        let mut out: Vec<Related> = found
            .into_iter()
            .map(|(doc, (score, mut shared))| {
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

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1 + n % 28).unwrap()
    }

    proptest! {
        #[test]
        fn ranks_and_names_as_the_plain_way(
            articles in proptest::collection::vec(
                (proptest::collection::vec(0u8..6, 0..4), proptest::collection::vec(0u32..4, 0..3)),
                1..40,
            ),
            gone in proptest::collection::vec(0u32..40, 0..5),
            limit in 1usize..8,
        ) {
            let kinds = [EntityKind::Person, EntityKind::Place, EntityKind::Organization];
            let mut index = Index::default();
            for (names, dates) in &articles {
                let facts = Facts {
                    entities: names
                        .iter()
                        .map(|&n| FactEntity {
                            id: format!("e{n}"),
                            name: format!("name {n}"),
                            kind: kinds[usize::from(n) % 3],
                            forms: Vec::new(),
                        })
                        .collect(),
                    // A day, or the first three days of January (named as its month).
                    dates: dates
                        .iter()
                        .map(|&d| if d == 3 { (day(0), day(2)) } else { (day(d), day(d)) })
                        .collect(),
                };
                index.add_row(None, "", None, &facts);
            }
            let mut gone: Vec<u32> = gone.into_iter().filter(|&g| (g as usize) < articles.len()).collect();
            gone.sort_unstable();
            gone.dedup();
            index.forget(&gone);
            for doc in 0..u32::try_from(articles.len()).unwrap() {
                prop_assert_eq!(index.related(doc, limit), reference(&index, doc, limit), "{}", doc);
            }
        }
    }
}
