//! Filters in the reader: chips for entities, dates, search, unread and starred, applied through the
//! corpus index, plus sorting and read state.

use super::action::Action;
use super::app::App;
use super::sidebar::Section;
use crate::extract::entities::EntityKind;
use crate::index::{DateField, DateRange, Filter, interval_of, occurrences};
use crate::span::Span;

/// One active filter, shown as a chip in the filter bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chip {
    Entity {
        id: String,
        name: String,
        kind: EntityKind,
    },
    Date {
        range: DateRange,
        field: DateField,
    },
    Search(String),
    Unread,
    /// Starred articles only.
    Starred,
    /// Articles from this publisher or feed.
    Source(String),
}

impl Chip {
    /// `person: पुतिन`, `date: 2024-06`, `mentions: 2019`, `search: …`, `unread`.
    pub fn label(&self) -> String {
        match self {
            Self::Entity { name, kind, .. } => format!("{}: {name}", kind_word(*kind)),
            Self::Date {
                range,
                field: DateField::Published,
            } => format!("date: {range}"),
            Self::Date {
                range,
                field: DateField::Mentioned,
            } => format!("mentions: {range}"),
            Self::Search(q) => format!("search: {q}"),
            Self::Unread => "unread".to_owned(),
            Self::Starred => "starred".to_owned(),
            Self::Source(name) => format!("source: {name}"),
        }
    }
}

/// The word a chip names `kind` by.
pub fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "org",
    }
}

/// What the index answers of `chips` (entities, dates, sources), and the chips it does
/// not (a search, unread, starred).
pub fn index_filter(chips: &[Chip]) -> (Filter, Vec<&Chip>) {
    let mut filter = Filter::default();
    let mut rest = Vec::new();
    for chip in chips {
        match chip {
            Chip::Entity { id, .. } => filter.entities.push(vec![id.clone()]),
            Chip::Date {
                range,
                field: DateField::Published,
            } => filter.published = Some(*range),
            Chip::Date {
                range,
                field: DateField::Mentioned,
            } => filter.mentioned = Some(*range),
            Chip::Source(name) => filter.sources.push(name.clone()),
            Chip::Search(_) | Chip::Unread | Chip::Starred => rest.push(chip),
        }
    }
    (filter, rest)
}

impl App {
    /// Recomputes the list from the chips through the index (no article text is read; a
    /// search goes to the folded texts' keeper, see [`super::searcher`]), keeping the
    /// selection when it is still there.
    pub fn refresh(&mut self) {
        // A window the wheel moved stays where the user put it while articles arrive,
        // unless the selection changes (see the end).
        let selected = self.list.selected;
        // Set again if a search puts off looking at texts that came; with none shown,
        // arriving texts change nothing.
        self.search.stale = false;
        let (filter, rest) = index_filter(&self.list.chips);
        let mut search = None;
        let mut unread = false;
        let mut starred = false;
        for chip in rest {
            match chip {
                Chip::Search(q) => search = Some(q.clone()),
                Chip::Unread => unread = true,
                Chip::Starred => starred = true,
                // Answered by the index.
                Chip::Entity { .. } | Chip::Date { .. } | Chip::Source(_) => {}
            }
        }
        if let Some(super::modal::Modal::Search { query }) = &self.modal {
            search = Some(query.clone());
        }
        let search_shown = search.clone();
        let selection = self.corpus.index.select(&filter);
        let mut docs = selection.docs;
        let mut undated = selection.undated;
        let searching = search.as_ref().is_some_and(|q| !q.trim().is_empty());
        if let Some(q) = search.filter(|q| !q.trim().is_empty()) {
            if let Some(found) = self.search_docs(&q, &docs) {
                docs = found;
            } else {
                // The worker is looking: until it answers, the list stays as it was, less
                // what the other filters no longer keep.
                self.keep_shown(&mut docs);
            }
        } else if self.search.wait.take().is_some() {
            // No search is shown any more: the one under way is not wanted.
            self.search.generation += 1;
            self.search.texts.cancel(self.search.generation);
        }
        // The article being read is read, and stays listed under the unread filter until
        // the reader moves on (as mutt keeps it), also when a session brings it back.
        let reading = self.shown.reselect.map(|(id, ..)| id).or_else(|| {
            self.list
                .chosen
                .then(|| self.corpus.entries.get(self.list.selected).map(|d| d.id))
                .flatten()
        });
        for list in [&mut docs, &mut undated] {
            if unread {
                list.retain(|&d| {
                    let id = self.corpus.entries[d as usize].id;
                    !self.user.is_read(id) || Some(id) == reading
                });
            }
            if starred {
                list.retain(|&d| self.user.is_starred(self.corpus.entries[d as usize].id));
            }
        }
        self.sort_list(&mut docs);
        // Under a search the undated are not counted: which of them match is not looked
        // at (a count of them all would be wrong).
        self.list.undated = if searching { 0 } else { undated.len() };
        self.list.visible = docs.into_iter().map(|d| d as usize).collect();
        // A kept session's search that has not read every text yet may still find the
        // session's article (it is answered at first from the texts read so far): the
        // article stays open meanwhile. A search the user types moves on as ever.
        let partial = searching && (self.search.reading_texts || self.search.wait.is_some());
        let kept_query = search_shown.as_deref().filter(|_| self.modal.is_none());
        let kept = self.list.chosen
            && partial
            && kept_query.is_some()
            && self.shown.kept_search.as_deref() == kept_query;
        if !partial {
            self.shown.kept_search = None;
        }
        if let Some(&first) = self.list.visible.first()
            && (!self.list.chosen || (self.position().is_none() && !kept))
        {
            // Until the user picks one, and when the picked one leaves the list, the first
            // article is shown (it counts as read only once the user opens it).
            self.show(first);
        } else if self.list.visible.is_empty() && !kept {
            // Nothing matches: the reader shows nothing rather than an article the list
            // no longer holds.
            self.shown.entry = None;
            self.shown.opening = None;
        } else if self.current().is_none() {
            // The picked article is back in the list after an empty one.
            self.show(self.list.selected);
        }
        if self.list.wheeled && self.list.selected == selected {
            self.clamp_window();
        } else {
            self.keep_in_view();
        }
    }

    /// Puts `docs` (ascending, live) in the list's order: by the kept order of the whole
    /// list when there is one for this sort and list (see [`super::order`]), else sorted,
    /// and the order kept when they are the whole list.
    fn sort_list(&mut self, docs: &mut Vec<u32>) {
        let key = (
            self.list.sort,
            self.corpus.entries.len(),
            self.corpus.index.live(),
        );
        if let Some(order) = self.list.order.as_ref().filter(|o| o.key == key) {
            order.arrange(docs);
            return;
        }
        // Ties (undated articles above all) go by path, then line, as in `khabar list`:
        // the order articles happened to arrive in varies from run to run.
        let entries = &self.corpus.entries;
        self.corpus.index.sort_then(docs, self.list.sort, |a, b| {
            let key = |d: u32| {
                let a = &entries[d as usize];
                (&a.path, a.line)
            };
            key(a).cmp(&key(b))
        });
        if docs.len() == key.2 {
            self.list.order = Some(super::order::Order::of(key, docs, key.1));
        }
    }

    /// Whether a search is shown: a search chip, or the search prompt with a query.
    pub fn searching(&self) -> bool {
        self.list.chips.iter().any(|c| matches!(c, Chip::Search(_)))
            || matches!(&self.modal, Some(super::modal::Modal::Search { query }) if !query.trim().is_empty())
    }

    /// Adds `chip`, replacing a date chip on the same field (one date range at a time).
    /// Clears every filter, keeping them for Esc to bring back, and says so (`why`).
    pub fn clear_filters(&mut self, why: &str) {
        self.list.cleared = std::mem::take(&mut self.list.chips);
        self.refresh();
        let back = self
            .config
            .keymap
            .hint(&[(&[Action::Back], "brings them back")], " ");
        self.status = Some(if back.is_empty() {
            why.to_owned()
        } else {
            format!("{why} ({back})")
        });
    }

    pub fn add_chip(&mut self, chip: Chip) {
        // A filter chosen anew: the ones cleared before are not to come back over it.
        self.list.cleared.clear();
        if let Chip::Date { field, .. } = &chip {
            let field = *field;
            self.list
                .chips
                .retain(|c| !matches!(c, Chip::Date { field: f, .. } if *f == field));
        }
        if let Chip::Search(_) = &chip {
            self.list.chips.retain(|c| !matches!(c, Chip::Search(_)));
        }
        if !self.list.chips.contains(&chip) {
            self.list.chips.push(chip);
        }
        self.refresh();
    }

    pub fn toggle_chip(&mut self, chip: Chip) {
        if let Some(i) = self.list.chips.iter().position(|c| *c == chip) {
            self.list.chips.remove(i);
            self.refresh();
        } else {
            self.add_chip(chip);
        }
    }

    /// `Enter` or `f` on a sidebar item: entities filter by themselves, dates by the
    /// articles mentioning that date.
    pub fn filter_by_sidebar_item(&mut self) {
        let Some(item) = self
            .current()
            .and_then(|e| e.sidebar.get(self.sidebar.cursor))
            .cloned()
        else {
            return;
        };
        let chip = if item.section == Section::Dates {
            let Some((start, end, unit)) = interval_of(&item.detail) else {
                self.status = Some(format!("`{}` has no date to filter by", item.label));
                return;
            };
            Chip::Date {
                range: DateRange {
                    start: Some(start),
                    end: Some(end),
                    unit,
                },
                field: DateField::Mentioned,
            }
        } else {
            let Some(entity) = self.current().and_then(|e| {
                e.analysis
                    .entities
                    .iter()
                    .find(|en| en.name == item.label && en.mentions.first() == item.spans.first())
            }) else {
                return;
            };
            Chip::Entity {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind,
            }
        };
        self.add_chip(chip);
    }

    /// `[` / `]`: moves the date chip (the last one added) by its unit.
    pub fn step_date(&mut self, n: i32) {
        let Some(Chip::Date { range, .. }) = self
            .list
            .chips
            .iter_mut()
            .rev()
            .find(|c| matches!(c, Chip::Date { .. }))
        else {
            self.status = Some(match self.config.keymap.label(Action::DateFilter) {
                Some(d) => format!("no date filter to step ({d} sets one)"),
                None => "no date filter to step".to_owned(),
            });
            return;
        };
        let stepped = range.step(n);
        if stepped == *range {
            // An open range (`2024..`, `..2023`) has no length to step by (trial 49: the
            // key did nothing and said nothing).
            self.status = Some(if range.start.is_none() || range.end.is_none() {
                format!("{range} is open at one end: it has no step")
            } else {
                format!("{range} cannot be stepped further")
            });
            return;
        }
        *range = stepped;
        self.refresh();
    }

    pub fn mark_read(&mut self, entry: usize) {
        if let Some(id) = self.corpus.entries.get(entry).map(|e| e.id) {
            self.user.set_read(id, true);
        }
    }

    pub fn toggle_read(&mut self) {
        let Some(id) = self.listed_selection() else {
            self.status = Some("no article to mark".to_owned());
            return;
        };
        let now = !self.user.is_read(id);
        self.user.set_read(id, now);
        self.status = Some(self.not_kept(if now { "marked read" } else { "marked unread" }));
    }

    /// Stars or unstars the selected article. Like marking read, it stays in a starred-only
    /// list until the list is next refreshed, so a slip of the key is undone in place.
    pub fn toggle_star(&mut self) {
        let Some(id) = self.listed_selection() else {
            self.status = Some("no article to star".to_owned());
            return;
        };
        let now = !self.user.is_starred(id);
        self.user.set_starred(id, now);
        self.status = Some(self.not_kept(if now { "starred ★" } else { "unstarred" }));
    }

    /// `done`, saying so when the change is kept in memory only (the database could not be
    /// written: see the warnings).
    fn not_kept(&self, done: &str) -> String {
        if self.user.kept() {
            return done.to_owned();
        }
        let warnings = self
            .config
            .keymap
            .hint(&[(&[super::action::Action::Warnings], "warnings")], " ");
        if warnings.is_empty() {
            format!("{done} (not kept)")
        } else {
            format!("{done} (not kept; {warnings})")
        }
    }

    /// The selected article's id while the list shows it: an emptied list keeps its last
    /// selection, which no key should change unseen.
    pub(super) fn listed_selection(&self) -> Option<u64> {
        let shown = !self.list.visible.is_empty();
        self.corpus
            .entries
            .get(self.list.selected)
            .filter(|_| shown)
            .map(|d| d.id)
    }

    /// Where the active search occurs in the selected article.
    /// (In the raw view, site chrome is shown, and its matches count.)
    pub fn search_hits(&self) -> Vec<Span> {
        match (self.search_query(), self.current()) {
            (Some(q), Some(entry)) => occurrences(&entry.article, q, self.reader.raw),
            _ => Vec::new(),
        }
    }

    /// The search shown: the one being typed, else the last kept as a filter.
    pub(super) fn search_query(&self) -> Option<&str> {
        match &self.modal {
            Some(super::modal::Modal::Search { query }) => Some(query.as_str()),
            _ => self.list.chips.iter().rev().find_map(|c| match c {
                Chip::Search(q) => Some(q.as_str()),
                _ => None,
            }),
        }
    }
}
