//! The part of the corpus the reader holds while it runs: a list row per article, the
//! index the filters and pickers run on, and how far loading has come.
//!
//! The library builds these (a stored snapshot, then the files that changed); the reader
//! only keeps them, apart from its view state, and changes them as the loader's and the
//! opening worker's messages arrive (see `arrivals`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::app::Progress;
use crate::corpus::repeated::RepeatedSet;
use crate::index::Index;
use crate::library::Doc;

/// The articles the reader holds and what is known of them.
#[derive(Debug, Default)]
pub struct HeldCorpus {
    /// Every article loaded, as list entries (see [`super::app::App::current`] for the
    /// one shown).
    pub entries: Vec<Doc>,
    /// Corpus-wide lookups for filters.
    pub index: Index,
    /// Background loading progress.
    pub progress: Progress,
    /// The number of the first article of the last snapshot (see
    /// [`super::app::App::text_arrived`]).
    pub warm_base: usize,
    /// The articles of the first page of a stored list whose whole is still being read
    /// (see [`super::app::App::first_page`]).
    pub page: Option<Range<usize>>,
    /// Articles by path, once a file was withdrawn (see
    /// [`super::app::App::withdraw_path`]).
    pub by_path: Option<HashMap<Arc<str>, Vec<u32>>>,
    /// Whether the stored list (or its first page) is in and its entities and mentioned
    /// dates are still being read (a filter by name or mentioned date finds nothing yet).
    pub awaiting_facts: bool,
    /// The paragraphs the corpus found to be chrome by repetition (from the database),
    /// set aside when an article is opened so its sidebar matches the filters.
    pub(super) repeated: Arc<RepeatedSet>,
}
