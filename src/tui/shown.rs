//! The article the reader shows, and where it is on its way there: asked of the opening
//! worker, arrived, analysed, laid out.
//!
//! These fields change together (a new open bumps the generation and empties the layout;
//! a late result from an older generation is dropped), so they live together, apart from
//! the list's and the panes' view state.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Instant;

use super::app::Entry;
use super::blocks::Block;
use super::document::Laid;
use super::opening::LineIndex;
use crate::text::width::WidthModel;

/// The shown article's lifecycle.
#[derive(Debug, Default)]
pub struct Shown {
    /// The selected entry with its text read back and its sidebar built.
    pub entry: Option<(usize, Entry)>,
    /// The last layout of the shown article and what it was made for (see
    /// [`super::app::App::rows`]). Emptied whenever an article is (re)loaded.
    pub(super) layout: RefCell<Option<LayoutCache>>,
    /// Why the shown article has no text (its file gone or unreadable since it was
    /// listed), said in the reader pane in place of the text.
    pub unreadable: Option<String>,
    /// The open asked of the worker and not yet arrived: its generation, entry and when.
    pub opening: Option<(u64, usize, Instant)>,
    /// The long article shown whose analysis is still under way (generation, entry).
    pub analysing: Option<(u64, usize)>,
    /// Counts opens, so a late result for an article passed over is told apart.
    pub(super) generation: u64,
    /// The blocks of the shown long article, from the worker, with its open's generation.
    pub(super) long_blocks: Option<(u64, Arc<Vec<Block>>)>,
    /// Rows of the shown long article the worker laid out so far at the current width.
    pub line_index: Option<LineIndex>,
    /// Counts index requests (a resize starts a new one).
    pub(super) index_task: u64,
    /// The article the user had open when its file was found stale (its content id and
    /// reading position), to open again when the file's articles arrive anew.
    pub reselect: Option<(u64, usize, usize)>,
    /// Which copy of the awaited article a kept session chose (its file and line), when
    /// the same story is in several files: another copy is taken only once the files are
    /// all in and that one has not come.
    pub reselect_copy: Option<(Arc<str>, Option<u32>)>,
    /// The search a kept session brought back with its article: until it has looked at
    /// every stored text, that article stays open though the search has not found it yet.
    pub(super) kept_search: Option<String>,
    /// Content ids that changed under the reader (an entry a fetch rewrote, a file
    /// edited), latest last: the article open is found again under its new one.
    pub(super) renamed: Vec<(u64, u64)>,
}

/// The shown article's blocks (long articles only) and its last layout.
#[derive(Debug)]
pub(super) struct LayoutCache {
    pub key: LayoutKey,
    pub blocks: Arc<Vec<Block>>,
    pub laid: Arc<Laid>,
}

/// What an article's layout depends on: the article (its entry and text length), the
/// view, the width and the width model.
pub(super) type LayoutKey = (usize, usize, bool, u16, WidthModel);
