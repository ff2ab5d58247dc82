//! Reopening where the reader left off: the selected article, its reading position, the
//! view, the sort and the filters, as one JSON value the user state keeps per library.
//!
//! The article is known by its content id, so renaming or moving files keeps it; kept
//! before the articles are loaded, it is opened when it arrives. A filter that no longer
//! reads (a date range in an old spelling, an empty search) is dropped.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::app::App;
use super::filters::Chip;
use super::layout::Pane;
use crate::extract::entities::EntityKind;
use crate::index::{DateField, Sort};

/// What is kept of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// The selected article's content id, if the user chose one.
    pub article: Option<u64>,
    /// Its file and JSON Lines line: which copy it was, when the same story is in several
    /// files (two feeds carrying one item).
    pub path: Option<String>,
    pub line: Option<u32>,
    /// Reading position: byte offset of the top row, and its rank among rows starting there.
    pub anchor: usize,
    pub nth: usize,
    pub raw: bool,
    /// `list`, `reader` or `sidebar`.
    pub focus: String,
    /// The sort's name (`newest`, `oldest`, ...).
    pub sort: String,
    pub filters: Vec<Filter>,
}

/// A filter chip as kept: plain names and values, not the index's internals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    Entity {
        id: String,
        name: String,
        kind: EntityKind,
    },
    Date {
        range: String,
        mentioned: bool,
    },
    Search(String),
    Unread,
    Starred,
    Source(String),
}

/// The session key for a library: its corpus roots, canonical and sorted, so the same
/// folders give the same key whatever the working directory or the order they were named.
pub fn key(roots: &[PathBuf]) -> String {
    let mut canonical: Vec<String> = roots
        .iter()
        .map(|r| {
            std::fs::canonicalize(r)
                .unwrap_or_else(|_| r.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    canonical.sort();
    canonical.dedup();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for root in &canonical {
        h.update(root.as_bytes());
        h.update(&[0]);
    }
    format!("library-{:016x}", h.digest())
}

fn saved(chip: &Chip) -> Filter {
    match chip {
        Chip::Entity { id, name, kind } => Filter::Entity {
            id: id.clone(),
            name: name.clone(),
            kind: *kind,
        },
        Chip::Date { range, field } => Filter::Date {
            range: range.to_string(),
            mentioned: *field == DateField::Mentioned,
        },
        Chip::Search(q) => Filter::Search(q.clone()),
        Chip::Unread => Filter::Unread,
        Chip::Starred => Filter::Starred,
        Chip::Source(s) => Filter::Source(s.clone()),
    }
}

/// How long after a write a changed session waits to be written again: a held key writes
/// it about once a second, and a kill loses at most that much of where the reader was.
pub const KEEP_EVERY: Duration = Duration::from_secs(1);

/// Writes the session as it changes, not only at quit (a kill, a power cut), and never
/// when it did not change: a reader left idle does not write over the session of another
/// reader on the same paths that was used meanwhile.
pub struct Keeper {
    key: String,
    /// The session as last written, or as it was at start.
    written: Session,
    at: Option<Instant>,
}

impl Keeper {
    /// Keeps `app`'s session under `key`, as it stands now (restored, or started afresh).
    #[must_use]
    pub fn new(key: String, app: &App) -> Self {
        Self {
            key,
            written: app.session(),
            at: None,
        }
    }

    /// Writes the session if it changed, once [`KEEP_EVERY`] has passed since the last
    /// write (`now`: at once); returns how long a changed session waits to be written.
    pub fn keep(&mut self, app: &mut App, now: bool) -> Option<Duration> {
        let session = app.session();
        if session == self.written {
            return None;
        }
        let wait = self
            .at
            .map_or(Duration::ZERO, |t| KEEP_EVERY.saturating_sub(t.elapsed()));
        if !now && !wait.is_zero() {
            return Some(wait);
        }
        if let Ok(value) = serde_json::to_value(&session) {
            app.user.session_set(&self.key, value);
        }
        self.written = session;
        self.at = Some(Instant::now());
        None
    }
}

impl App {
    /// The session as it stands, to keep. An article still awaited (the kept session's,
    /// before the list has it; one whose file is being read again) is the one kept, where
    /// the reader was in it, until the user chooses another: quitting before it arrives
    /// does not forget it.
    pub fn session(&self) -> Session {
        let chosen = (self.list.chosen)
            .then(|| self.corpus.entries.get(self.list.selected))
            .flatten();
        // Awaited only while the user has not chosen another article meanwhile (an awaited
        // article that never comes stays awaited).
        let selected_gone =
            u32::try_from(self.list.selected).map_or(true, |i| self.corpus.index.is_gone(i));
        let awaited = self
            .shown
            .reselect
            .filter(|_| !self.list.chosen || chosen.is_none() || selected_gone);
        let (article, path, line, anchor, nth) = match awaited {
            Some((id, anchor, nth)) => {
                let copy = self.shown.reselect_copy.as_ref();
                (
                    Some(id),
                    copy.map(|c| c.0.to_string()),
                    copy.and_then(|c| c.1),
                    anchor,
                    nth,
                )
            }
            None => (
                chosen.map(|d| d.id),
                chosen.map(|d| d.path.to_string()),
                chosen.and_then(|d| d.line),
                self.reader.anchor,
                self.reader.anchor_nth,
            ),
        };
        Session {
            article,
            path,
            line,
            anchor,
            nth,
            raw: self.reader.raw,
            focus: match self.focus {
                Pane::List => "list",
                Pane::Reader => "reader",
                Pane::Sidebar => "sidebar",
            }
            .to_owned(),
            sort: self.list.sort.name().to_owned(),
            filters: self.list.chips.iter().map(saved).collect(),
        }
    }

    /// Starts afresh: no filters, the default sort, the article view, the list focused on
    /// its first article, nothing chosen (so the next start reopens nothing either).
    pub fn reset_session(&mut self) {
        self.restore(Session::default());
        // Afresh: filters cleared before do not come back either (trial 52).
        self.list.cleared.clear();
        self.shown.reselect = None;
        if let Some(&first) = self.list.visible.first() {
            self.show(first);
        }
        self.reader.anchor = 0;
        self.reader.anchor_nth = 0;
        self.left_at.clear();
        self.list.chosen = false;
        self.list.offset = 0;
        self.status = Some("started afresh: filters, sort and position cleared".to_owned());
    }

    /// Brings a kept session back: sort, filters and view now; the article as soon as it
    /// is loaded (now, if it already is).
    pub fn restore(&mut self, session: Session) {
        self.list.sort = session.sort.parse().unwrap_or_else(|_| Sort::default());
        self.reader.raw = session.raw;
        self.focus = match session.focus.as_str() {
            "reader" => Pane::Reader,
            "sidebar" => Pane::Sidebar,
            _ => Pane::List,
        };
        self.list.chips = session.filters.into_iter().filter_map(restored).collect();
        self.shown.kept_search = session.article.and_then(|_| {
            self.list.chips.iter().find_map(|c| match c {
                Chip::Search(q) => Some(q.clone()),
                _ => None,
            })
        });
        // Awaited before the list is made, so that the filters keep it (see `refresh`).
        self.shown.reselect = session.article.map(|id| (id, session.anchor, session.nth));
        self.shown.reselect_copy = session.path.as_deref().map(|p| (p.into(), session.line));
        self.refresh();
        if let Some(id) = session.article
            && let Some(i) = self.awaited_copy(id, 0, false)
        {
            self.shown.reselect = None;
            self.shown.reselect_copy = None;
            self.select(i);
            (self.reader.anchor, self.reader.anchor_nth) = (session.anchor, session.nth);
        }
    }
}

impl App {
    /// Where among the list entries from `from` on the article `id` awaited is: the copy
    /// the session chose (see [`super::shown::Shown::reselect_copy`]), else (unless
    /// `exact`) any with its content.
    pub(super) fn awaited_copy(&self, id: u64, from: usize, exact: bool) -> Option<usize> {
        let entries = self.corpus.entries.get(from..)?;
        let chosen = self.shown.reselect_copy.as_ref();
        entries
            .iter()
            .position(|d| d.id == id && chosen.is_some_and(|c| *c.0 == *d.path && c.1 == d.line))
            .or_else(|| {
                let any = !exact || chosen.is_none();
                any.then(|| entries.iter().position(|d| d.id == id))
                    .flatten()
            })
            .map(|i| from + i)
    }
}

/// A kept filter as a chip, if it still reads.
fn restored(filter: Filter) -> Option<Chip> {
    Some(match filter {
        Filter::Entity { id, name, kind } => Chip::Entity { id, name, kind },
        Filter::Date { range, mentioned } => Chip::Date {
            range: range.parse().ok()?,
            field: if mentioned {
                DateField::Mentioned
            } else {
                DateField::Published
            },
        },
        Filter::Search(q) if !q.trim().is_empty() => Chip::Search(q),
        Filter::Search(_) => return None,
        Filter::Unread => Chip::Unread,
        Filter::Starred => Chip::Starred,
        Filter::Source(s) => Chip::Source(s),
    })
}
