//! Modals: prompts that take the keyboard (the entity picker, the date filter with its
//! histogram, the search line, a question) and views over the panes (related articles,
//! help, warnings). While a prompt is open, keys go through the keymap's prompt table (the
//! `Prompt…` actions), and a key bound to nothing there types itself; the help and the
//! warnings read the browsing table instead (see [`Modal::is_overlay`]).

use chrono::{Datelike, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::app::{App, Request};
use super::filters::{Chip, kind_word};
use crate::extract::entities::EntityKind;
use crate::index::{DateField, DateRange, EntityInfo};
use crate::text::fold::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// Pick a person, place or organisation; fuzzy-matched on every known spelling.
    Picker {
        kind: EntityKind,
        query: String,
        cursor: usize,
        /// Enter was pressed before any name matched while names were still loading: the
        /// first match is chosen when one comes (trial 50: a filter typed just after a
        /// warm start closed the picker and was lost).
        waiting: bool,
    },
    /// Type a date or range, or pick a month (or a day, zoomed in) on the histogram.
    Date {
        input: String,
        field: DateField,
        cursor: usize,
        zoom: Option<(i32, u32)>,
        error: Option<String>,
        /// Whether `input` was filled in by picking on the histogram: typing then replaces
        /// it instead of appending to it.
        prefilled: bool,
    },
    /// Incremental search.
    Search { query: String },
    /// Pick a source (publisher or feed).
    Source { query: String, cursor: usize },
    /// Articles related to the one shown, best first (see [`crate::index::Index::related`]).
    Related {
        items: Vec<crate::index::Related>,
        cursor: usize,
    },
    /// A question on the status bar: mark all read, a file to export to, a command.
    Ask {
        ask: super::tidy::Ask,
        input: String,
    },
    /// The help overlay: every binding, from its `scroll`th row on.
    Help { scroll: usize },
    /// Every problem met while loading, and the last message, from the `scroll`th row on.
    Warnings { scroll: usize },
}

impl Modal {
    /// Whether the prompt has a line to type into (or, for a yes/no question, letters to
    /// answer with); in the others, unbound keys move as they do while browsing.
    pub const fn takes_text(&self) -> bool {
        !matches!(
            self,
            Self::Related { .. } | Self::Help { .. } | Self::Warnings { .. }
        )
    }

    /// Whether it is a view over the panes that reads the browsing keys (the help, the
    /// warnings): moving keys scroll it, its own key or `Back` closes it, and the mouse
    /// wheel scrolls it.
    pub const fn is_overlay(&self) -> bool {
        matches!(self, Self::Help { .. } | Self::Warnings { .. })
    }

    /// Whether it is a list drawn over the panes, whose cursor the mouse wheel moves (the
    /// pickers, the related articles; not the date filter, where down zooms into a month).
    pub const fn is_list(&self) -> bool {
        matches!(
            self,
            Self::Picker { .. } | Self::Source { .. } | Self::Related { .. }
        )
    }
}

/// What a key means to a prompt: one of its actions, or a character typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    Act(Action),
    Type(char),
}

/// Most related articles listed.
const RELATED_LIMIT: usize = 50;

/// Most items a picker lists.
const PICKER_LIMIT: usize = 200;

/// The corpus as memo keys see it: articles loaded, and how many of them are not withdrawn.
type Corpus = (usize, usize);
type PickerKey = (EntityKind, String, Corpus);
/// The histogram's: also the marks' version (see `UserState::version`), for the unread
/// and starred filters.
type BucketKey = (DateField, Option<(i32, u32)>, Vec<Chip>, Corpus, u64);
type Buckets = Vec<(NaiveDate, usize)>;

/// Results the prompts would otherwise recompute on every frame.
#[derive(Debug, Default)]
pub struct Memo {
    picker: std::cell::RefCell<Option<(PickerKey, Vec<String>)>>,
    buckets: std::cell::RefCell<Option<(BucketKey, Buckets)>>,
}

impl Memo {
    /// Forgets everything: the index gained what the keys do not count (a stored list's
    /// entities and mentioned dates, which come after its articles).
    pub fn clear(&self) {
        self.picker.take();
        self.buckets.take();
    }
}

impl App {
    pub fn open_picker(&mut self, kind: EntityKind) {
        self.modal = Some(Modal::Picker {
            kind,
            query: String::new(),
            cursor: 0,
            waiting: false,
        });
    }

    /// Chooses the first match of a picker waiting for names (see `Modal::Picker`), once
    /// there is one; closes it with a message when loading ended with none.
    pub fn settle_waiting_pick(&mut self) {
        let Some(Modal::Picker {
            kind,
            query,
            waiting: true,
            ..
        }) = &self.modal
        else {
            return;
        };
        let (kind, query) = (*kind, query.clone());
        // While names still come (a first load), only a name spelt as typed is taken: the
        // first fuzzy match of a few names could be another's (`modi` in `mohammad dilip`).
        let complete = !self.names_pending();
        let folded = fold(query.trim());
        let skeleton = crate::text::roman::latin_name_key(&folded);
        let spelt = |e: &EntityInfo| {
            e.forms
                .iter()
                .any(|f| *f == folded || skeleton.as_ref() == Some(f))
        };
        let first = self
            .picker_items()
            .into_iter()
            .find(|e| complete || spelt(e))
            .map(|e| (e.id.clone(), e.name.clone()));
        if let Some((id, name)) = first {
            self.modal = None;
            // Chosen while the user may have looked away: said (trial 52), in place of the
            // note that it waited.
            self.status = Some(format!(
                "{}: {name}, the first match for {}",
                kind_word(kind),
                query.trim()
            ));
            self.add_chip(Chip::Entity { id, name, kind });
        } else if complete {
            self.modal = None;
            self.status = Some(format!("no {} matches {query}", kind_word(kind)));
        }
    }

    /// Lists the articles related to the selected one.
    pub fn open_related(&mut self) {
        let Ok(doc) = u32::try_from(self.list.selected) else {
            return;
        };
        // An emptied list keeps its last selection, which is not shown: nothing to relate.
        if self.listed_selection().is_none() {
            self.status = Some("no article shown to find related ones for".to_owned());
            return;
        }
        let items = self.corpus.index.related(doc, RELATED_LIMIT);
        if items.is_empty() {
            self.status =
                Some("no related articles: none shares a person, place or date".to_owned());
            return;
        }
        self.modal = Some(Modal::Related { items, cursor: 0 });
    }

    fn related_key(
        &mut self,
        key: PromptKey,
        items: Vec<crate::index::Related>,
        mut cursor: usize,
    ) -> Option<Modal> {
        match key {
            PromptKey::Act(Action::PromptCancel) => return None,
            PromptKey::Act(Action::PromptAccept) => {
                let doc = items.get(cursor)?.doc as usize;
                if !self.list.visible.contains(&doc) {
                    // The filters hide it: show the whole list so it can be selected there.
                    self.clear_filters("filters cleared to show the related article");
                }
                self.select(doc);
                // Opened, as Enter in the list opens: read, and in the reader pane.
                self.mark_read(doc);
                self.focus = super::layout::Pane::Reader;
                return None;
            }
            PromptKey::Act(Action::PromptDown) => cursor = (cursor + 1).min(items.len() - 1),
            PromptKey::Act(Action::PromptUp) => cursor = cursor.saturating_sub(1),
            _ => {}
        }
        Some(Modal::Related { items, cursor })
    }

    pub fn open_date_filter(&mut self) {
        let field = DateField::Published;
        let buckets = self.date_buckets(field, None);
        // On the month of the date filter set, if one is (trial 47: the histogram opened
        // on the latest month, and ← stepped back from there); else on the latest.
        let filtered = self.list.chips.iter().find_map(|c| match c {
            Chip::Date { range, field: f } if *f == field => range.start.or(range.end),
            _ => None,
        });
        // Months up to the filter's (a filter before the first month: the first).
        let cursor = filtered.map_or(buckets.len(), |day| {
            buckets.partition_point(|(month, _)| *month <= day).max(1)
        });
        self.modal = Some(Modal::Date {
            input: String::new(),
            field,
            cursor: cursor.saturating_sub(1),
            zoom: None,
            error: None,
            prefilled: false,
        });
    }

    /// The picker's entities for its query, best match first. Memoised on (kind, query,
    /// corpus size), since drawing asks for them every frame.
    pub fn picker_items(&self) -> Vec<&EntityInfo> {
        let Some(Modal::Picker { kind, query, .. }) = &self.modal else {
            return Vec::new();
        };
        let key = (
            *kind,
            query.clone(),
            (self.corpus.entries.len(), self.corpus.index.live()),
        );
        let mut memo = self.memo.picker.borrow_mut();
        if memo.as_ref().is_none_or(|(k, _)| *k != key) {
            let ids = self
                .match_entities(*kind, query)
                .into_iter()
                .map(|e| e.id.clone())
                .collect();
            *memo = Some((key, ids));
        }
        memo.as_ref().map_or_else(Vec::new, |(_, ids)| {
            ids.iter()
                .filter_map(|id| self.corpus.index.entity(id))
                .collect()
        })
    }

    fn match_entities(&self, kind: EntityKind, query: &str) -> Vec<&EntityInfo> {
        let all = self.corpus.index.entities_of(kind);
        let q = fold(query);
        if q.trim().is_empty() {
            return all.into_iter().take(PICKER_LIMIT).collect();
        }
        let pattern = Pattern::parse(q.trim(), CaseMatching::Ignore, Normalization::Smart);
        // A Latin query is also read as the romanised aliases are spelt (`dilli` as `dili`,
        // the spelling of दिल्ली's alias: doubled letters single), as `list --place` reads it.
        let skeleton = crate::text::roman::latin_name_key(q.trim())
            .filter(|s| s != q.trim() && !s.trim().is_empty())
            .map(|s| Pattern::parse(s.trim(), CaseMatching::Ignore, Normalization::Smart));
        let patterns: Vec<&Pattern> = std::iter::once(&pattern).chain(&skeleton).collect();
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, &EntityInfo)> = all
            .into_iter()
            .filter_map(|e| {
                // Each form made into the matcher's text once, for every pattern.
                let best = e
                    .forms
                    .iter()
                    .filter_map(|f| {
                        let text = Utf32Str::new(f, &mut buf);
                        patterns
                            .iter()
                            .filter_map(|p| p.score(text, &mut matcher))
                            .max()
                    })
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
        let corpus = (self.corpus.entries.len(), self.corpus.index.live());
        // The marks count under an unread or starred filter.
        let key = (
            field,
            zoom,
            self.list.chips.clone(),
            corpus,
            self.user.version(),
        );
        if let Some((k, buckets)) = self.memo.buckets.borrow().as_ref()
            && *k == key
        {
            return buckets.clone();
        }
        let buckets = self.compute_buckets(field, zoom);
        *self.memo.buckets.borrow_mut() = Some((key, buckets.clone()));
        buckets
    }

    fn compute_buckets(
        &self,
        field: DateField,
        zoom: Option<(i32, u32)>,
    ) -> Vec<(NaiveDate, usize)> {
        // Under every other filter (trial 49: a filter by a date mentioned left the counts
        // of publication months whole), but not the one of this field the histogram
        // chooses; a search is not looked at (its answer comes from another thread).
        let others: Vec<Chip> = self
            .list
            .chips
            .iter()
            .filter(|c| !matches!(c, Chip::Date { field: f, .. } if *f == field))
            .cloned()
            .collect();
        let (filter, rest) = super::filters::index_filter(&others);
        let mut docs = self.corpus.index.select(&filter).docs;
        for chip in rest {
            let id = |d: u32| self.corpus.entries[d as usize].id;
            match chip {
                Chip::Unread => docs.retain(|&d| !self.user.is_read(id(d))),
                Chip::Starred => docs.retain(|&d| self.user.is_starred(id(d))),
                _ => {}
            }
        }
        let counts = self.corpus.index.histogram(&docs, field, zoom);
        // Every month (or day) between the first and the last gets a column, empty ones
        // too, so gaps in time show as gaps.
        let (Some((&first, _)), Some((&last, _))) =
            (counts.first_key_value(), counts.last_key_value())
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut at = first;
        while at <= last {
            out.push((at, counts.get(&at).copied().unwrap_or(0)));
            let next = if zoom.is_some() {
                at.succ_opt()
            } else {
                at.checked_add_months(chrono::Months::new(1))
            };
            let Some(next) = next else { break };
            at = next;
        }
        out
    }

    /// A key while a modal is open: for the help and the warnings, its browsing action;
    /// for a prompt, its action in the keymap's prompt table, else the character it types
    /// (a list without a line to type into moves with the browsing keys of down and up
    /// instead).
    pub fn modal_key(&mut self, key: KeyEvent) {
        let Some(modal) = &self.modal else {
            return;
        };
        let keymap = &self.config.keymap;
        if modal.is_overlay() {
            if let Some(action) = keymap.action(key) {
                self.update(action);
            }
            return;
        }
        let input = match keymap.prompt_action(key) {
            Some(Action::Quit) => return self.request = Request::Quit,
            Some(Action::Redraw) => return self.request = Request::Redraw,
            Some(Action::Suspend) => return self.request = Request::Suspend,
            Some(Action::PromptClear) => return self.clear_prompt(),
            Some(a) if a.prompt_only() => PromptKey::Act(a),
            Some(_) => return,
            None if !modal.takes_text() => match keymap.action(key) {
                Some(Action::Down) => PromptKey::Act(Action::PromptDown),
                Some(Action::Up) => PromptKey::Act(Action::PromptUp),
                _ => return,
            },
            // Control keys never type a letter.
            None if key.modifiers.contains(KeyModifiers::CONTROL) => return,
            None => match key.code {
                KeyCode::Char(c) => PromptKey::Type(c),
                _ => return,
            },
        };
        self.modal_input(input);
    }

    /// What a key (or the mouse wheel) means to the open prompt, done.
    pub(super) fn modal_input(&mut self, input: PromptKey) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        self.modal = match modal {
            Modal::Picker {
                kind,
                query,
                cursor,
                waiting,
            } => self.picker_key(input, kind, query, cursor, waiting),
            Modal::Date {
                input: text,
                field,
                cursor,
                zoom,
                error,
                prefilled,
            } => self.date_key(input, text, field, cursor, zoom, error, prefilled),
            Modal::Search { query } => self.search_key(input, query),
            Modal::Source { query, cursor } => self.source_key(input, query, cursor),
            Modal::Related { items, cursor } => self.related_key(input, items, cursor),
            Modal::Ask { ask, input: text } => self.ask_key(input, ask, text),
            overlay @ (Modal::Help { .. } | Modal::Warnings { .. }) => Some(overlay),
        };
    }

    /// How far the help or the warnings view open can scroll on the screen as it is.
    pub(super) fn overlay_scroll_limit(&self) -> Option<usize> {
        match &self.modal {
            Some(Modal::Help { .. }) => Some(super::view::help::max_scroll(self, self.size)),
            Some(Modal::Warnings { .. }) => {
                Some(super::view::warnings::max_scroll(self, self.size))
            }
            _ => None,
        }
    }

    /// A browsing action while the help or the warnings view is open: it scrolls the view
    /// or closes it. The scroll is kept within the view, so `k` after `G` moves at once.
    pub(super) fn overlay_action(&mut self, action: Action) {
        let (last, closes) = match &self.modal {
            Some(Modal::Help { .. }) => (
                super::view::help::max_scroll(self, self.size),
                action == Action::ToggleHelp,
            ),
            Some(Modal::Warnings { .. }) => (
                super::view::warnings::max_scroll(self, self.size),
                matches!(action, Action::Warnings | Action::ToggleHelp),
            ),
            _ => return,
        };
        if closes || action == Action::Back {
            self.modal = None;
            return;
        }
        let Some(Modal::Help { scroll } | Modal::Warnings { scroll }) = &mut self.modal else {
            return;
        };
        *scroll = match action {
            Action::Down => *scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *scroll + 10,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            _ => *scroll,
        }
        .min(last);
    }

    /// Clears what was typed into the prompt (the search list follows).
    fn clear_prompt(&mut self) {
        match &mut self.modal {
            Some(Modal::Picker { query, cursor, .. } | Modal::Source { query, cursor }) => {
                query.clear();
                *cursor = 0;
            }
            Some(Modal::Date {
                input,
                error,
                prefilled,
                ..
            }) => {
                input.clear();
                *error = None;
                *prefilled = false;
            }
            Some(Modal::Search { query } | Modal::Ask { input: query, .. }) => {
                query.clear();
            }
            Some(Modal::Related { .. } | Modal::Help { .. } | Modal::Warnings { .. }) | None => {}
        }
        if matches!(self.modal, Some(Modal::Search { .. })) {
            self.refresh();
        }
    }

    fn picker_key(
        &mut self,
        key: PromptKey,
        kind: EntityKind,
        mut query: String,
        mut cursor: usize,
        waiting: bool,
    ) -> Option<Modal> {
        if waiting && key != PromptKey::Act(Action::PromptAccept) {
            // Another key: the pick waited for is not to be made (nor said) any more.
            self.status = None;
        }
        match key {
            PromptKey::Act(Action::PromptCancel) => return None,
            PromptKey::Act(Action::PromptAccept) => {
                self.modal = Some(Modal::Picker {
                    kind,
                    query,
                    cursor,
                    waiting: false,
                });
                let chosen = self
                    .picker_items()
                    .get(cursor)
                    .map(|e| (e.id.clone(), e.name.clone()));
                let modal = self.modal.take();
                match (chosen, modal) {
                    (Some((id, name)), _) => self.add_chip(Chip::Entity { id, name, kind }),
                    (None, Some(Modal::Picker { query, cursor, .. }))
                        if self.names_pending() && !query.trim().is_empty() =>
                    {
                        self.status = Some(
                            "names still loading: the first match is chosen when it comes"
                                .to_owned(),
                        );
                        return Some(Modal::Picker {
                            kind,
                            query,
                            cursor,
                            waiting: true,
                        });
                    }
                    // Closed with nothing chosen: said, as a pick that waited says it.
                    (None, Some(Modal::Picker { query, .. })) if !query.trim().is_empty() => {
                        self.status = Some(format!("no {} matches {query}", kind_word(kind)));
                    }
                    _ => {}
                }
                return None;
            }
            PromptKey::Act(a @ (Action::PromptNextKind | Action::PromptPrevKind)) => {
                let next = match (kind, a == Action::PromptNextKind) {
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
                    waiting: false,
                });
            }
            key => edit_list_query(key, &mut query, &mut cursor),
        }
        self.modal = Some(Modal::Picker {
            kind,
            query,
            cursor,
            waiting: false,
        });
        let len = self.picker_items().len();
        let Some(Modal::Picker { cursor, .. }) = &mut self.modal else {
            return None;
        };
        *cursor = (*cursor).min(len.saturating_sub(1));
        self.modal.take()
    }

    #[allow(clippy::too_many_arguments)]
    fn date_key(
        &mut self,
        key: PromptKey,
        mut input: String,
        mut field: DateField,
        mut cursor: usize,
        mut zoom: Option<(i32, u32)>,
        mut error: Option<String>,
        mut prefilled: bool,
    ) -> Option<Modal> {
        let buckets = self.date_buckets(field, zoom);
        let label = |d: NaiveDate, zoomed: bool| {
            if zoomed {
                d.to_string()
            } else {
                d.format("%Y-%m").to_string()
            }
        };
        match key {
            PromptKey::Act(Action::PromptCancel) => return None,
            PromptKey::Act(Action::PromptAccept) => {
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
            PromptKey::Act(Action::PromptNextKind) => {
                field = match field {
                    DateField::Published => DateField::Mentioned,
                    DateField::Mentioned => DateField::Published,
                };
                zoom = None;
                let months = self.date_buckets(field, None);
                cursor = months.len().saturating_sub(1);
                // A value typed is kept for the other field (trial 55: a typed range was
                // replaced by the last month); only a month the cursor put there moves.
                if prefilled || input.trim().is_empty() {
                    input = months
                        .last()
                        .map(|(d, _)| label(*d, false))
                        .unwrap_or_default();
                    prefilled = true;
                }
                error = None;
            }
            PromptKey::Act(a @ (Action::PromptLeft | Action::PromptRight))
                if !buckets.is_empty() =>
            {
                // Empty months (or days) are skipped: picking one would only empty the list.
                let left = a == Action::PromptLeft;
                let mut next = cursor.min(buckets.len() - 1);
                loop {
                    next = match (left, next) {
                        (true, 0) => break,
                        (true, n) => n - 1,
                        (false, n) if n + 1 >= buckets.len() => break,
                        (false, n) => n + 1,
                    };
                    if buckets[next].1 > 0 {
                        cursor = next;
                        break;
                    }
                }
                input = label(buckets[cursor].0, zoom.is_some());
                prefilled = true;
                error = None;
            }
            PromptKey::Act(Action::PromptDown) if zoom.is_none() && !buckets.is_empty() => {
                let month = buckets[cursor.min(buckets.len() - 1)].0;
                zoom = Some((month.year(), month.month()));
                let days = self.date_buckets(field, zoom);
                // Start on the first day with articles.
                cursor = days.iter().position(|(_, n)| *n > 0).unwrap_or(0);
                input = days
                    .get(cursor)
                    .map(|(d, _)| label(*d, true))
                    .unwrap_or_default();
                prefilled = true;
            }
            PromptKey::Act(Action::PromptUp) if zoom.is_some() => {
                let (y, m) = zoom.take().unwrap_or_default();
                let months = self.date_buckets(field, None);
                cursor = months
                    .iter()
                    .position(|(d, _)| d.year() == y && d.month() == m)
                    .unwrap_or(0);
                input = format!("{y:04}-{m:02}");
                prefilled = true;
            }
            PromptKey::Act(Action::PromptDeleteChar) => {
                // A picked value goes as a whole, like selected text.
                if prefilled {
                    input.clear();
                } else {
                    input.pop();
                }
                prefilled = false;
                error = None;
            }
            PromptKey::Type(c) => {
                if prefilled {
                    input.clear();
                }
                input.push(c);
                prefilled = false;
                error = None;
            }
            PromptKey::Act(_) => {}
        }
        Some(Modal::Date {
            input,
            field,
            cursor,
            zoom,
            error,
            prefilled,
        })
    }

    fn search_key(&mut self, key: PromptKey, mut query: String) -> Option<Modal> {
        match key {
            PromptKey::Act(Action::PromptCancel) => {
                self.modal = None;
                self.refresh();
                if let Some(place) = self.list.before_search.take() {
                    if self.search.wait.is_some() {
                        // A kept search is still being answered: back once it is (see
                        // `App::searched`).
                        self.list.before_search = Some(place);
                    } else {
                        self.go_back_to(place);
                    }
                }
                return None;
            }
            PromptKey::Act(Action::PromptAccept) => {
                self.modal = None;
                self.list.before_search = None;
                if query.trim().is_empty() {
                    self.refresh();
                } else {
                    self.add_chip(Chip::Search(query));
                    self.sidebar.mention = None;
                }
                return None;
            }
            PromptKey::Act(Action::PromptDeleteChar) => {
                query.pop();
            }
            PromptKey::Type(c) => query.push(c),
            PromptKey::Act(_) => return Some(Modal::Search { query }),
        }
        // Another query, other hits.
        if self.sidebar.active.is_none() {
            self.sidebar.mention = None;
        }
        // Incremental: the list follows every keystroke.
        self.modal = Some(Modal::Search { query });
        self.refresh();
        self.modal.take()
    }
}

/// A key in a picker's query line: down and up move the cursor, typing and deleting edit
/// the query (and go back to the first item); other keys do nothing.
pub(super) fn edit_list_query(key: PromptKey, query: &mut String, cursor: &mut usize) {
    match key {
        PromptKey::Act(Action::PromptDown) => *cursor += 1,
        PromptKey::Act(Action::PromptUp) => *cursor = cursor.saturating_sub(1),
        PromptKey::Act(Action::PromptDeleteChar) => {
            query.pop();
            *cursor = 0;
        }
        PromptKey::Type(c) => {
            query.push(c);
            *cursor = 0;
        }
        PromptKey::Act(_) => {}
    }
}
