//! Prompts that take the keyboard: the entity picker, the date filter with its histogram,
//! and the search line. While one is open, typed characters go to it, not to the keymap.

use chrono::{Datelike, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::app::{App, Request};
use super::filters::Chip;
use crate::extract::entities::EntityKind;
use crate::index::{DateField, DateRange, EntityInfo, Filter};
use crate::text::fold::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// Pick a person, place or organisation; fuzzy-matched on every known spelling.
    Picker {
        kind: EntityKind,
        query: String,
        cursor: usize,
    },
    /// Type a date or range, or pick a month (or a day, zoomed in) on the histogram.
    Date {
        input: String,
        field: DateField,
        cursor: usize,
        zoom: Option<(i32, u32)>,
        error: Option<String>,
    },
    /// Incremental search.
    Search { query: String },
}

/// Most items a picker lists.
const PICKER_LIMIT: usize = 200;

impl App {
    pub fn open_picker(&mut self, kind: EntityKind) {
        self.modal = Some(Modal::Picker {
            kind,
            query: String::new(),
            cursor: 0,
        });
    }

    pub fn open_date_filter(&mut self) {
        let field = DateField::Published;
        let buckets = self.date_buckets(field, None);
        self.modal = Some(Modal::Date {
            input: String::new(),
            field,
            cursor: buckets.len().saturating_sub(1),
            zoom: None,
            error: None,
        });
    }

    /// The picker's entities for its query, best match first.
    pub fn picker_items(&self) -> Vec<&EntityInfo> {
        let Some(Modal::Picker { kind, query, .. }) = &self.modal else {
            return Vec::new();
        };
        let all = self.index.entities_of(*kind);
        let q = fold(query);
        if q.trim().is_empty() {
            return all.into_iter().take(PICKER_LIMIT).collect();
        }
        let pattern = Pattern::parse(q.trim(), CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, &EntityInfo)> = all
            .into_iter()
            .filter_map(|e| {
                let best = e
                    .forms
                    .iter()
                    .filter_map(|f| pattern.score(Utf32Str::new(f, &mut buf), &mut matcher))
                    .max()?;
                Some((best, e))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.docs.len().cmp(&a.1.docs.len())));
        scored
            .into_iter()
            .take(PICKER_LIMIT)
            .map(|(_, e)| e)
            .collect()
    }

    /// Articles per month (or per day of the zoomed month) under the filters other than
    /// the date filter being chosen.
    pub fn date_buckets(
        &self,
        field: DateField,
        zoom: Option<(i32, u32)>,
    ) -> Vec<(NaiveDate, usize)> {
        let mut filter = Filter::default();
        for chip in &self.chips {
            if let Chip::Entity { id, .. } = chip {
                filter.entities.push(vec![id.clone()]);
            }
        }
        let docs = self.index.select(&filter).docs;
        self.index
            .histogram(&docs, field, zoom)
            .into_iter()
            .collect()
    }

    /// A key while a prompt is open.
    pub fn modal_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.request = Request::Quit;
            return;
        }
        let Some(modal) = self.modal.take() else {
            return;
        };
        self.modal = match modal {
            Modal::Picker {
                kind,
                query,
                cursor,
            } => self.picker_key(key, kind, query, cursor),
            Modal::Date {
                input,
                field,
                cursor,
                zoom,
                error,
            } => self.date_key(key, input, field, cursor, zoom, error),
            Modal::Search { query } => self.search_key(key, query),
        };
    }

    fn picker_key(
        &mut self,
        key: KeyEvent,
        kind: EntityKind,
        mut query: String,
        mut cursor: usize,
    ) -> Option<Modal> {
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Enter => {
                self.modal = Some(Modal::Picker {
                    kind,
                    query,
                    cursor,
                });
                let chosen = self
                    .picker_items()
                    .get(cursor)
                    .map(|e| (e.id.clone(), e.name.clone()));
                self.modal = None;
                if let Some((id, name)) = chosen {
                    self.add_chip(Chip::Entity { id, name, kind });
                }
                return None;
            }
            KeyCode::Tab | KeyCode::BackTab => {
                let next = match (kind, key.code == KeyCode::Tab) {
                    (EntityKind::Person, true) | (EntityKind::Organization, false) => {
                        EntityKind::Place
                    }
                    (EntityKind::Place, true) | (EntityKind::Person, false) => {
                        EntityKind::Organization
                    }
                    (EntityKind::Organization, true) | (EntityKind::Place, false) => {
                        EntityKind::Person
                    }
                };
                return Some(Modal::Picker {
                    kind: next,
                    query,
                    cursor: 0,
                });
            }
            KeyCode::Down => cursor += 1,
            KeyCode::Up => cursor = cursor.saturating_sub(1),
            KeyCode::Backspace => {
                query.pop();
                cursor = 0;
            }
            KeyCode::Char(c) => {
                query.push(c);
                cursor = 0;
            }
            _ => {}
        }
        self.modal = Some(Modal::Picker {
            kind,
            query,
            cursor,
        });
        let len = self.picker_items().len();
        let Some(Modal::Picker { cursor, .. }) = &mut self.modal else {
            return None;
        };
        *cursor = (*cursor).min(len.saturating_sub(1));
        self.modal.take()
    }

    fn date_key(
        &mut self,
        key: KeyEvent,
        mut input: String,
        mut field: DateField,
        mut cursor: usize,
        mut zoom: Option<(i32, u32)>,
        mut error: Option<String>,
    ) -> Option<Modal> {
        let buckets = self.date_buckets(field, zoom);
        let label = |d: NaiveDate, zoomed: bool| {
            if zoomed {
                d.to_string()
            } else {
                d.format("%Y-%m").to_string()
            }
        };
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Enter => {
                let text = if input.trim().is_empty() {
                    buckets
                        .get(cursor)
                        .map(|(d, _)| label(*d, zoom.is_some()))
                        .unwrap_or_default()
                } else {
                    input.clone()
                };
                match text.parse::<DateRange>() {
                    Ok(range) => {
                        self.add_chip(Chip::Date { range, field });
                        return None;
                    }
                    Err(e) => error = Some(e.to_string()),
                }
            }
            KeyCode::Tab => {
                field = match field {
                    DateField::Published => DateField::Mentioned,
                    DateField::Mentioned => DateField::Published,
                };
                zoom = None;
                cursor = self.date_buckets(field, None).len().saturating_sub(1);
            }
            KeyCode::Left | KeyCode::Right if !buckets.is_empty() => {
                cursor = if key.code == KeyCode::Left {
                    cursor.saturating_sub(1)
                } else {
                    (cursor + 1).min(buckets.len() - 1)
                };
                input = label(buckets[cursor].0, zoom.is_some());
                error = None;
            }
            KeyCode::Down if zoom.is_none() && !buckets.is_empty() => {
                let month = buckets[cursor.min(buckets.len() - 1)].0;
                zoom = Some((month.year(), month.month()));
                cursor = 0;
                input = month.format("%Y-%m").to_string();
            }
            KeyCode::Up if zoom.is_some() => {
                let (y, m) = zoom.take().unwrap_or_default();
                let months = self.date_buckets(field, None);
                cursor = months
                    .iter()
                    .position(|(d, _)| d.year() == y && d.month() == m)
                    .unwrap_or(0);
                input = format!("{y:04}-{m:02}");
            }
            KeyCode::Backspace => {
                input.pop();
                error = None;
            }
            KeyCode::Char(c) => {
                input.push(c);
                error = None;
            }
            _ => {}
        }
        Some(Modal::Date {
            input,
            field,
            cursor,
            zoom,
            error,
        })
    }

    fn search_key(&mut self, key: KeyEvent, mut query: String) -> Option<Modal> {
        match key.code {
            KeyCode::Esc => {
                self.modal = None;
                self.refresh();
                return None;
            }
            KeyCode::Enter => {
                self.modal = None;
                if query.trim().is_empty() {
                    self.refresh();
                } else {
                    self.add_chip(Chip::Search(query));
                    self.mention = None;
                }
                return None;
            }
            KeyCode::Backspace => {
                query.pop();
            }
            KeyCode::Char(c) => query.push(c),
            _ => return Some(Modal::Search { query }),
        }
        // Incremental: the list follows every keystroke.
        self.modal = Some(Modal::Search { query });
        self.refresh();
        self.modal.take()
    }
}
