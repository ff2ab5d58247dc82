//! The reader's state and the one place it changes: [`App::update`].
//!
//! Drawing takes `&App` only, so everything the screen shows is derived from here; the
//! reading position is a byte offset into the article, so it survives resizes and view
//! changes.

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::blocks;
use super::config::Config;
use super::document::{self, Laid};
use super::filters::Chip;
use super::layout::{self, Areas, Pane};
use super::modal::Modal;
use super::shown::LayoutCache;
use super::sidebar::Item;
use std::sync::Arc;

use super::searcher::SearchState;
use crate::corpus::Article;
use crate::extract::Analysis;
use crate::extract::entities::EntityKind;
use crate::index::Sort;
use crate::state::{UserState, content_id};
use crate::text::width::WidthModel;

/// An article with its analysis and sidebar, ready to show.
#[derive(Debug, Clone)]
pub struct Entry {
    pub article: Article,
    pub analysis: Analysis,
    /// Built only for the article being shown (it needs the text); see `App::show`.
    pub sidebar: Vec<Item>,
    /// The content id (read state), computed while the text was at hand.
    pub id: u64,
    /// The searchable text, when a loader thread already folded it (the article's own text
    /// is then not sent to the event loop at all).
    pub folded: Option<Box<str>>,
}

impl Entry {
    /// An article whose text is loaded.
    pub fn new(article: Article, analysis: Analysis) -> Self {
        let id = content_id(&article);
        Self::with_id(article, analysis, id)
    }

    /// An article that may come without its text (a list entry), with its known id.
    pub fn with_id(article: Article, analysis: Analysis, id: u64) -> Self {
        Self {
            article,
            analysis,
            sidebar: Vec::new(),
            id,
            folded: None,
        }
    }
}

/// Background loading progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub finished: bool,
}

/// What the event loop must do besides drawing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Request {
    #[default]
    None,
    Quit,
    Redraw,
    Suspend,
    /// Fetch the feeds on a worker thread.
    Fetch,
    /// Hand this link to the browser (the terminal is left meanwhile).
    OpenLink(String),
    /// Put this link on the clipboard through the terminal.
    CopyLink(String),
    /// Hand the terminal to a command (empty: the pager) reading this text.
    Pipe(String, String),
    /// Write this list to a file on a worker thread.
    Export(super::tidy::Export),
}

/// The left pane's view: the filters, the articles they keep in the order asked, which is
/// selected and where the list is scrolled.
#[derive(Debug, Default)]
pub struct ListView {
    /// Active filters in the order they were added (Esc removes the last).
    pub chips: Vec<Chip>,
    /// The filters last cleared all at once (`x`, or to show a related article), which Esc
    /// brings back while no other filter is on (trial 50: they were lost, and rebuilt by
    /// hand).
    pub cleared: Vec<Chip>,
    pub sort: Sort,
    /// Entries shown in the list, in order: the filters applied to the held entries
    /// ([`super::held::HeldCorpus::entries`]).
    pub visible: Vec<usize>,
    /// Articles a date filter left out for having no date.
    pub undated: usize,
    /// The whole list's order, from the last refresh that sorted all of it.
    pub(super) order: Option<super::order::Order>,
    /// Index of the selected article in the held entries.
    pub selected: usize,
    /// First article shown in the list.
    pub offset: usize,
    /// Whether the wheel moved the window since the selection last moved: a refresh then
    /// leaves the window where the user put it instead of bringing the selection back.
    pub wheeled: bool,
    /// Articles arrived since the list was last refreshed.
    pub stale: bool,
    /// Whether the user picked an article yet; until then the first in the list is shown.
    pub chosen: bool,
    /// Where the reader was when the search prompt opened: the list follows each
    /// keystroke and may leave that article, so a cancelled search brings it back.
    pub(super) before_search: Option<Place>,
}

/// An article and the reading position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub id: u64,
    pub anchor: usize,
    pub nth: usize,
    pub chosen: bool,
}

/// The middle pane's view of the article shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReaderView {
    /// Reading position: byte offset of the article text at the top of the reader.
    pub anchor: usize,
    /// Which of the rows starting at `anchor` is on top (see [`document::row_at`]).
    pub anchor_nth: usize,
    /// The text as it is in the file, chrome and all, instead of the article.
    pub raw: bool,
}

/// The right pane's view of the article's people, places, organisations and dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SidebarView {
    /// The item under the cursor.
    pub cursor: usize,
    /// The item whose mentions are emphasised in the text, and which of them was jumped to.
    pub active: Option<usize>,
    /// Which mention of the active item `n` / `N` jumped to last.
    pub mention: Option<usize>,
    /// The first row shown, kept while the cursor stays in view: a click selects an item
    /// where it is instead of scrolling it to the bottom row.
    pub top: usize,
}

// Independent switches of loading bookkeeping, not a
// state machine in disguise.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug)]
pub struct App {
    /// The articles loaded, their index and how far loading is.
    pub corpus: super::held::HeldCorpus,
    /// A fetch of the feeds under way (`R`).
    pub fetching: Option<super::fetching::Fetching>,
    /// The left pane: the filters, the articles they keep and the selection.
    pub list: ListView,
    pub focus: Pane,
    /// Where the middle pane is in the article, and how it shows it.
    pub reader: ReaderView,
    /// Where the articles left in this session were left.
    pub left_at: super::positions::Positions,
    /// The right pane's cursor and emphasised item.
    pub sidebar: SidebarView,
    /// The last status message, kept for the warnings view (the bar may cut it).
    pub last_message: Option<String>,
    /// Problems met while loading (named files), newest last.
    pub problems: Vec<String>,
    /// A one-off message for the status bar.
    pub status: Option<String>,
    pub size: Rect,
    pub config: Config,
    pub model: WidthModel,
    pub request: Request,
    /// The folded texts, and the searches run and under way.
    pub search: SearchState,
    /// Read and starred articles and the session, kept in the database.
    pub user: UserState,
    /// A prompt taking the keyboard (picker, date filter, search, question) or a view over
    /// the panes (related articles, help, warnings).
    pub modal: Option<Modal>,
    /// Memoised prompt contents (drawing is pure, but need not recompute them each frame).
    pub memo: super::modal::Memo,
    /// The article shown, on its way from the worker to the screen.
    pub shown: super::shown::Shown,
    /// The worker that opens articles and lays out long ones (none: opened in place, as
    /// tests and benchmarks do).
    pub opener: Option<super::opening::Opener>,
}

impl App {
    pub fn new(config: Config, model: WidthModel, size: Rect) -> Self {
        Self {
            corpus: super::held::HeldCorpus::default(),
            fetching: None,
            list: ListView::default(),
            focus: Pane::List,
            reader: ReaderView::default(),
            left_at: super::positions::Positions::default(),
            sidebar: SidebarView::default(),
            last_message: None,
            problems: Vec::new(),
            status: None,
            size,
            config,
            model,
            request: Request::None,
            search: SearchState::default(),
            user: UserState::in_memory(),
            modal: None,
            memo: super::modal::Memo::default(),
            shown: super::shown::Shown::default(),
            opener: None,
        }
    }

    /// Where the selected article stands in the list, if it is shown.
    pub fn position(&self) -> Option<usize> {
        self.list
            .visible
            .iter()
            .position(|&i| i == self.list.selected)
    }

    /// The title of list entry `entry` (the index keeps the titles, packed: see
    /// [`crate::index::Titles`]).
    pub fn title(&self, entry: usize) -> String {
        u32::try_from(entry).map_or_else(
            |_| String::new(),
            |e| self.corpus.index.title(e).to_string(),
        )
    }

    /// The selected article, with its text and sidebar.
    pub fn current(&self) -> Option<&Entry> {
        self.shown
            .entry
            .as_ref()
            .filter(|(i, _)| *i == self.list.selected)
            .map(|(_, e)| e)
    }

    /// Whether names may still come: loading has not finished, or a stored list is in
    /// without its entities yet (an empty picker or filtered list is not final).
    pub fn names_pending(&self) -> bool {
        self.corpus.awaiting_facts || !self.corpus.progress.finished
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size, self.focus, !self.list.chips.is_empty())
    }

    /// The reader's text width: the pane's inner width, capped for readability.
    pub fn text_width(&self) -> u16 {
        self.areas().reader.map_or(1, |r| {
            r.width.saturating_sub(2).clamp(1, self.config.max_width)
        })
    }

    /// The rows of the current article at the current width and view. Laid out once and
    /// kept until the article, view, width or model change: drawing and every key ask for
    /// them. An article of [`blocks::WINDOWED_FROM`] bytes or more is laid out a window
    /// around the reading position at a time, taken anew only when the position comes near
    /// the window's edge, so no key costs work proportional to the article's length.
    pub fn rows(&self) -> Arc<Laid> {
        let Some(entry) = self.current() else {
            return Arc::default();
        };
        let article = &entry.article;
        let len = article.text.len();
        let width = self.text_width();
        let key = (self.list.selected, len, self.reader.raw, width, self.model);
        let mut cache = self.shown.layout.borrow_mut();
        if let Some(c) = cache.as_ref()
            && c.key == key
            && c.laid.holds(self.reader.anchor, blocks::MARGIN / 2)
        {
            return Arc::clone(&c.laid);
        }
        if len < blocks::WINDOWED_FROM {
            let rows = if self.reader.raw {
                document::raw_rows(article, width, self.model)
            } else {
                document::article_rows(article, width, self.model)
            };
            let laid = Arc::new(Laid::whole(rows, len));
            *cache = Some(LayoutCache {
                key,
                blocks: Arc::default(),
                laid: Arc::clone(&laid),
            });
            return laid;
        }
        // The article view's blocks came with the article when the worker opened it.
        let from_worker = self
            .shown
            .long_blocks
            .as_ref()
            .filter(|_| !self.reader.raw)
            .map(|(_, b)| Arc::clone(b));
        // The blocks depend on the article and the view only: kept across widths.
        let blocks = match cache.as_ref() {
            _ if from_worker.is_some() => from_worker.unwrap_or_default(),
            Some(c)
                if (c.key.0, c.key.1, c.key.2) == (key.0, key.1, key.2) && !c.blocks.is_empty() =>
            {
                Arc::clone(&c.blocks)
            }
            _ => Arc::new(if self.reader.raw {
                blocks::raw_blocks(article)
            } else {
                blocks::article_blocks(article)
            }),
        };
        let range = blocks::window(&blocks, self.reader.anchor);
        // Rows the worker laid out already are taken as they are: no wrapping on a key.
        let indexed = self
            .shown
            .line_index
            .as_ref()
            .filter(|ix| !self.reader.raw && (ix.width, ix.model) == (width, self.model))
            .and_then(|ix| {
                document::indexed_rows(
                    article,
                    &ix.blocks,
                    range.clone(),
                    width,
                    self.model,
                    &ix.rows,
                )
            });
        let laid = Arc::new(indexed.unwrap_or_else(|| {
            document::window_rows(article, self.reader.raw, &blocks, range, width, self.model)
        }));
        *cache = Some(LayoutCache {
            key,
            blocks,
            laid: Arc::clone(&laid),
        });
        laid
    }

    /// Keeps the worker laying out the shown long article at the current width: a first
    /// request when it arrives, a new one when the width or model changes (a resize). The
    /// raw view is laid out a window at a time, as without a worker.
    pub fn sync_index(&mut self) {
        let (Some(opener), Some((generation, blocks))) = (&self.opener, &self.shown.long_blocks)
        else {
            return;
        };
        let shown = self
            .shown
            .entry
            .as_ref()
            .is_some_and(|(i, _)| *i == self.list.selected);
        if !shown || self.shown.opening.is_some() || *generation != self.shown.generation {
            return;
        }
        let width = self.text_width();
        if self.shown.line_index.as_ref().is_some_and(|ix| {
            ix.generation == *generation && (ix.width, ix.model) == (width, self.model)
        }) {
            return;
        }
        self.shown.index_task += 1;
        // From the block being read, so what the user reads next is laid out first.
        let from = blocks.partition_point(|b| b.span.end <= self.reader.anchor);
        opener.index(*generation, self.shown.index_task, width, self.model, from);
        self.shown.line_index = Some(super::opening::LineIndex::new(
            *generation,
            self.shown.index_task,
            Arc::clone(blocks),
            width,
            self.model,
        ));
    }

    /// Rows the worker laid out: kept if they are for the current request.
    pub fn indexed(&mut self, batch: super::opening::Indexed) {
        if let Some(ix) = &mut self.shown.line_index
            && ix.task == batch.task
        {
            ix.add(batch.rows);
        }
    }

    fn reader_height(&self) -> usize {
        self.areas()
            .reader
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    fn list_rows(&self) -> usize {
        self.areas()
            .list
            .map_or(1, |r| (usize::from(r.height.saturating_sub(2)) / 2).max(1))
    }

    /// The index of the top row for the current reading position.
    pub fn top_row(&self, rows: &Laid) -> usize {
        document::row_at(rows, self.reader.anchor, self.reader.anchor_nth).min(self.last_top(rows))
    }

    /// The last row that may be on top: a page from the end (rows of a window go on).
    fn last_top(&self, rows: &Laid) -> usize {
        if rows.more_after {
            rows.len().saturating_sub(1)
        } else {
            rows.len().saturating_sub(self.reader_height())
        }
    }

    pub fn update(&mut self, action: Action) {
        self.status = None;
        // The help and the warnings view are modals that read the browsing keys.
        let over = !matches!(action, Action::Quit | Action::Redraw | Action::Suspend);
        if over && self.modal.as_ref().is_some_and(Modal::is_overlay) {
            self.overlay_action(action);
            return;
        }
        match action {
            Action::Quit => self.request = Request::Quit,
            Action::Warnings => self.modal = Some(Modal::Warnings { scroll: 0 }),
            Action::Redraw => self.request = Request::Redraw,
            Action::Suspend => self.request = Request::Suspend,
            Action::ToggleHelp => self.modal = Some(Modal::Help { scroll: 0 }),
            Action::Back => {
                if let Some(chip) = self.list.chips.pop() {
                    // The hits `n` stepped through were the search's.
                    if matches!(chip, Chip::Search(_)) && self.sidebar.active.is_none() {
                        self.sidebar.mention = None;
                    }
                    self.refresh();
                } else if !self.list.cleared.is_empty()
                    && self.sidebar.active.is_none()
                    && self.sidebar.mention.is_none()
                {
                    self.list.chips = std::mem::take(&mut self.list.cleared);
                    self.refresh();
                    self.status = Some("filters brought back".to_owned());
                } else {
                    self.sidebar.active = None;
                    self.sidebar.mention = None;
                }
            }
            Action::PersonFilter => self.open_picker(EntityKind::Person),
            Action::EntityFilter => self.open_picker(EntityKind::Place),
            Action::DateFilter => self.open_date_filter(),
            Action::Related => self.open_related(),
            Action::Search => {
                // A new query, new hits: the one `n` went to is not among them.
                self.sidebar.mention = None;
                // The texts start coming while the query is typed.
                self.search.want_texts();
                self.list.before_search =
                    self.corpus.entries.get(self.list.selected).map(|e| Place {
                        id: e.id,
                        anchor: self.reader.anchor,
                        nth: self.reader.anchor_nth,
                        chosen: self.list.chosen,
                    });
                self.modal = Some(Modal::Search {
                    query: String::new(),
                });
            }
            Action::Filter => self.filter_by_sidebar_item(),
            Action::CycleSort => {
                self.list.sort = self.list.sort.next();
                self.refresh();
                self.status = Some(format!("sort: {}", self.list.sort.name()));
            }
            Action::ToggleRead => self.toggle_read(),
            Action::FetchFeeds => self.request_fetch(),
            Action::SourceFilter => self.open_source_filter(),
            Action::OpenLink | Action::CopyLink => self.request_link(action),
            Action::UnreadOnly => self.toggle_chip(Chip::Unread),
            Action::ToggleStar => self.toggle_star(),
            Action::StarredOnly => self.toggle_chip(Chip::Starred),
            Action::ClearFilters => {
                if self.list.chips.is_empty() {
                    self.status = Some("no filter to clear".to_owned());
                } else {
                    self.clear_filters("filters cleared");
                }
            }
            Action::DateBack => self.step_date(-1),
            Action::DateForward => self.step_date(1),
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::PaneRight => self.focus = self.focus.right(),
            Action::PaneLeft => self.focus = self.focus.left(),
            Action::ToggleRaw => {
                self.reader.raw = !self.reader.raw;
                // The raw view's hits include the chrome's: they count differently.
                if self.sidebar.active.is_none() {
                    self.sidebar.mention = None;
                }
            }
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page()),
            Action::PageUp => self.step(-self.page()),
            Action::HalfPageDown => self.step(self.page() / 2),
            Action::HalfPageUp => self.step(-self.page() / 2),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::NextMention => self.jump_mention(true),
            Action::MarkAllRead => self.ask(super::tidy::Ask::MarkAllRead),
            Action::Export => self.ask(super::tidy::Ask::Export),
            Action::Pipe => self.ask(super::tidy::Ask::Pipe),
            Action::ResetSession => self.reset_session(),
            Action::PrevMention => self.jump_mention(false),
            // The keymap binds these in its prompt table only (see `App::modal_key`).
            Action::PromptAccept
            | Action::PromptCancel
            | Action::PromptNextKind
            | Action::PromptPrevKind
            | Action::PromptDown
            | Action::PromptUp
            | Action::PromptLeft
            | Action::PromptRight
            | Action::PromptDeleteChar
            | Action::PromptClear => {}
        }
    }

    fn page(&self) -> isize {
        let rows = match self.focus {
            Pane::List => self.list_rows(),
            Pane::Reader | Pane::Sidebar => self.reader_height(),
        };
        isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves within the focused pane by `delta` rows or items.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                let Some(pos) = self
                    .position()
                    .or_else(|| (!self.list.visible.is_empty()).then_some(0))
                else {
                    return;
                };
                let target = pos
                    .saturating_add_signed(delta)
                    .min(self.list.visible.len() - 1);
                self.select(self.list.visible[target]);
            }
            Pane::Reader => {
                // The ends are reached by position, not by counting rows (a long article's
                // rows are laid out a window at a time).
                if delta.unsigned_abs() >= (isize::MAX / 2).unsigned_abs() {
                    self.reader.anchor = match self.current() {
                        Some(e) if delta > 0 => e.article.text.len(),
                        // Still being opened: the end, whatever its length (see
                        // `App::opened`).
                        None if delta > 0 && self.shown.opening.is_some() => usize::MAX / 2,
                        _ => 0,
                    };
                    self.reader.anchor_nth = 0;
                    self.scroll(0);
                } else {
                    self.scroll(delta);
                }
                if self.listed_selection().is_some() {
                    self.mark_read(self.list.selected);
                    self.list.chosen = true;
                }
            }
            Pane::Sidebar => {
                let len = self.current().map_or(0, |e| e.sidebar.len());
                self.sidebar.cursor = self
                    .sidebar
                    .cursor
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(1));
                // The item under the cursor is the selected one: its mentions light up and
                // n/N walk through them.
                if len > 0 {
                    self.sidebar.active = Some(self.sidebar.cursor);
                    self.sidebar.mention = None;
                }
                self.sidebar.top = super::view::sidebar::top_row(self);
            }
        }
    }

    /// Scrolls the reader by `delta` rows, keeping the position as a text offset.
    pub fn scroll(&mut self, delta: isize) {
        let rows = self.rows();
        if rows.is_empty() {
            return;
        }
        let top = self
            .top_row(&rows)
            .saturating_add_signed(delta)
            .min(self.last_top(&rows));
        (self.reader.anchor, self.reader.anchor_nth) = document::anchor_of(&rows, top);
    }

    /// Selects entry `index` in the list: its text shows at the top, sidebar cleared. It
    /// counts as read once opened (`Enter`) or read in the reader pane, not when merely
    /// passed over in the list.
    pub fn select(&mut self, index: usize) {
        if index >= self.corpus.entries.len() {
            return;
        }
        let before = self.list.selected;
        self.show(index);
        self.list.chosen = true;
        // The article moved away from leaves an unread-only or starred-only list now that
        // it was read or unstarred (it stayed while it was the one read).
        if before != index && self.left_behind(before) {
            self.list.stale = true;
        }
        self.keep_in_view();
    }

    /// Whether entry `entry` is one the unread or starred filter shown no longer keeps.
    fn left_behind(&self, entry: usize) -> bool {
        let Some(id) = self.corpus.entries.get(entry).map(|d| d.id) else {
            return false;
        };
        self.list.chips.iter().any(|c| match c {
            Chip::Unread => self.user.is_read(id),
            Chip::Starred => !self.user.is_starred(id),
            _ => false,
        })
    }

    /// Shows the article of `place` again at its reading position, if the list still
    /// holds it (a cancelled search).
    pub(super) fn go_back_to(&mut self, place: Place) {
        let Some(i) = self.corpus.entries.iter().position(|e| e.id == place.id) else {
            return;
        };
        if !self.list.visible.contains(&i) {
            return;
        }
        self.show(i);
        (self.reader.anchor, self.reader.anchor_nth) = (place.anchor, place.nth);
        self.list.chosen = place.chosen;
        self.keep_in_view();
    }

    /// Puts entry `index` in the reader, where it was left in this session (else at the
    /// top of its text).
    pub fn show(&mut self, index: usize) {
        if index != self.list.selected {
            let id = |i: usize| self.corpus.entries.get(i).map(|e| e.id);
            if let Some(left) = id(self.list.selected) {
                let place = (self.reader.anchor, self.reader.anchor_nth);
                self.left_at.leave(left, place);
            }
            let place = id(index).map_or((0, 0), |i| self.left_at.of(i));
            self.list.selected = index;
            (self.reader.anchor, self.reader.anchor_nth) = place;
            self.sidebar.cursor = 0;
            self.sidebar.top = 0;
            self.sidebar.active = None;
            self.sidebar.mention = None;
        }
        let asked = self.shown.opening.is_some_and(|(_, i, _)| i == index);
        if self.shown.entry.as_ref().is_none_or(|(i, _)| *i != index) && !asked {
            self.load_full(index);
        }
    }

    /// Scrolls the list so the selected article is in view.
    pub fn keep_in_view(&mut self) {
        // Without a list on screen (narrow layout) there is no window to keep it in.
        if self.areas().list.is_none() {
            return;
        }
        self.list.wheeled = false;
        let rows = self.list_rows();
        let pos = self.position().unwrap_or(0);
        if pos < self.list.offset {
            self.list.offset = pos;
        } else if pos >= self.list.offset + rows {
            self.list.offset = pos + 1 - rows;
        }
        self.clamp_window();
    }

    /// No rows left empty below the list's end while rows above it are hidden: a filter
    /// that shrank the list draws it from its first row when it fits (trial 45).
    pub fn clamp_window(&mut self) {
        let rows = self.list_rows();
        self.list.offset = self
            .list
            .offset
            .min(self.list.visible.len().saturating_sub(rows));
    }

    fn open(&mut self) {
        match self.focus {
            Pane::List => {
                self.focus = Pane::Reader;
                // Opened, so read and kept for the next start, even the first article,
                // which was shown without being chosen; not an emptied list's last.
                if self.listed_selection().is_some() {
                    self.mark_read(self.list.selected);
                    self.list.chosen = true;
                    self.read_shown_again();
                }
            }
            Pane::Reader => {}
            Pane::Sidebar => self.filter_by_sidebar_item(),
        }
    }

    /// Why `n` has nowhere to go: no item or search, or a search that matched this article
    /// only in what the view hides (site chrome), or elsewhere (its title, or a Latin
    /// query's romanised spelling, which is not highlighted).
    fn no_mention_to_jump_to(&self) -> String {
        let key = |action| {
            self.config
                .keymap
                .label(action)
                .map_or_else(String::new, |k| format!(" ({k})"))
        };
        let Some(query) = self.search_query() else {
            return format!(
                "select a sidebar item or search{} first",
                key(Action::Search)
            );
        };
        let in_chrome = !self.reader.raw
            && self
                .current()
                .is_some_and(|e| !crate::index::occurrences(&e.article, query, true).is_empty());
        let folded = crate::text::fold::fold(query);
        let in_title = self
            .current()
            .is_some_and(|e| crate::text::fold::fold(&e.article.title).contains(folded.trim()));
        if in_chrome {
            format!(
                "the search matches only site chrome here, which the raw view{} shows",
                key(Action::ToggleRaw)
            )
        } else if in_title {
            "the search matches this article's title, not its text".to_owned()
        } else if query.chars().any(|c| c.is_ascii_alphabetic()) && self.search.wait.is_none() {
            // The list matched it by its romanised spelling, which has no place in the text.
            "the search matches this article by the romanised spelling of its words, which \
             is not highlighted: search in Devanagari to see where"
                .to_owned()
        } else {
            "the search matches nothing in the text shown here".to_owned()
        }
    }

    /// Scrolls to the next (or previous) mention of the active sidebar item, wrapping
    /// around, and puts it a third of the way down the pane.
    fn jump_mention(&mut self, forward: bool) {
        // In the sidebar the item drawn under the cursor is the one meant, selected or not
        // yet (trial 49: `n` said to select one first).
        if self.focus == Pane::Sidebar
            && self.sidebar.active.is_none()
            && self
                .current()
                .is_some_and(|e| self.sidebar.cursor < e.sidebar.len())
        {
            self.sidebar.active = Some(self.sidebar.cursor);
            // What `n` counted so far were search hits.
            self.sidebar.mention = None;
        }
        let spans = match self
            .sidebar
            .active
            .and_then(|i| self.current()?.sidebar.get(i))
        {
            Some(item) => item.spans.clone(),
            None => self.search_hits(),
        };
        if spans.is_empty() {
            self.status = Some(self.no_mention_to_jump_to());
            return;
        }
        let n = spans.len();
        let next = match (self.sidebar.mention, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.sidebar.mention = Some(next);
        let mut rows = self.rows();
        if !rows.covers.contains(spans[next]) {
            // A window of a long article: lay out the one around the mention.
            self.reader.anchor = spans[next].start;
            self.reader.anchor_nth = 0;
            rows = self.rows();
        }
        if let Some(row) = document::row_of_offset(&rows, spans[next].start) {
            let top = row.saturating_sub(self.reader_height() / 3);
            (self.reader.anchor, self.reader.anchor_nth) = document::anchor_of(&rows, top);
        }
        // A search's hits are matches, an item's are mentions.
        let what = if self.sidebar.active.is_some() {
            "mention"
        } else {
            "match"
        };
        self.status = Some(format!("{what} {} of {n}", next + 1));
    }

    /// A mouse wheel over a pane scrolls that pane; a click focuses it and selects what
    /// is under the pointer.
    pub fn mouse(&mut self, kind: crossterm::event::MouseEventKind, column: u16, row: u16) {
        use crossterm::event::{MouseButton, MouseEventKind};
        // While anything is open over the panes or on the status bar, the panes behind it
        // take no click and no wheel (a click on a picker's name had changed the article
        // behind it and left the picker open): the wheel scrolls the help or the warnings
        // and moves a list's cursor, a click does nothing.
        if let Some(modal) = &self.modal {
            let down = match kind {
                MouseEventKind::ScrollDown => true,
                MouseEventKind::ScrollUp => false,
                _ => return,
            };
            if modal.is_overlay() {
                let action = if down { Action::Down } else { Action::Up };
                (0..3).for_each(|_| self.overlay_action(action));
            } else if modal.is_list() {
                let action = if down {
                    Action::PromptDown
                } else {
                    Action::PromptUp
                };
                self.modal_input(super::modal::PromptKey::Act(action));
            }
            return;
        }
        let at = Position::new(column, row);
        let areas = self.areas();
        // A click on a tab (one pane shown at a time) shows that pane.
        if let (MouseEventKind::Down(MouseButton::Left), Some(tabs)) = (kind, areas.tabs)
            && tabs.contains(at)
        {
            if let Some(pane) = super::view::tab_at(column - tabs.x) {
                self.focus = pane;
            }
            return;
        }
        let Some((pane, area)) = areas.pane_at(at) else {
            return;
        };
        match kind {
            // Over the list the wheel moves its window, not the selection: looking down
            // the list does not change the article being read (trial 45). A terminal sends
            // a few events per notch, so each moves one article.
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp if pane == Pane::List => {
                self.list.offset = if kind == MouseEventKind::ScrollDown {
                    self.list.offset + 1
                } else {
                    self.list.offset.saturating_sub(1)
                };
                self.list.wheeled = true;
                self.clamp_window();
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta: isize = if kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                let focus = self.focus;
                self.focus = pane;
                self.step(delta);
                self.focus = focus;
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                let inner_row = usize::from(row.saturating_sub(area.y + 1));
                match pane {
                    Pane::List => {
                        if let Some(&entry) =
                            self.list.visible.get(self.list.offset + inner_row / 2)
                        {
                            self.select(entry);
                        }
                    }
                    Pane::Sidebar => {
                        if let Some(i) = super::view::sidebar::item_at_row(self, inner_row) {
                            // Where it is drawn now: the sidebar does not move under
                            // the pointer.
                            self.sidebar.top = super::view::sidebar::top_row(self);
                            self.sidebar.cursor = i;
                            self.sidebar.active = Some(i);
                            self.sidebar.mention = None;
                        }
                    }
                    Pane::Reader => {}
                }
            }
            _ => {}
        }
    }

    /// The terminal was resized: the reading position (a text offset) and the selection
    /// stay; only the list window is kept in view.
    /// Keeps the status message as the last one, which the warnings view shows whole when
    /// the status bar cuts it.
    pub fn keep_last_message(&mut self) {
        if let Some(message) = &self.status
            && self.last_message.as_ref() != Some(message)
        {
            self.last_message = Some(message.clone());
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        // The help or warnings view scrolled to its end stays at its end (shrunk, its last
        // lines went out of view).
        let at_end = self.overlay_scroll_limit().zip(match &self.modal {
            Some(Modal::Help { scroll } | Modal::Warnings { scroll }) => Some(*scroll),
            _ => None,
        });
        self.size = Rect::new(0, 0, width, height);
        if let Some((last, scroll)) = at_end
            && last > 0
            && scroll >= last
            && let Some(new_last) = self.overlay_scroll_limit()
            && let Some(Modal::Help { scroll } | Modal::Warnings { scroll }) = &mut self.modal
        {
            *scroll = new_last;
        }
        self.keep_in_view();
    }
}
