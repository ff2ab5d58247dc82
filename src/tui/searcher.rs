//! The folded texts a search looks through, and where the looking happens.
//!
//! Folded text is as large as the corpus: a search of a hundred thousand articles reads a
//! gigabyte and more, which takes longer than a frame. In the reader the texts therefore
//! live on a worker thread ([`SearchTexts::Worker`]) that answers each search with a
//! [`Msg::Searched`], while the loop goes on drawing and taking keys; a search asked for
//! later makes the worker drop the one it is on. Without a loop to answer to (tests, a
//! report), the texts stay here and a search answers at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, SyncSender};

use super::event::Msg;
use super::filters::Chip;
use crate::index::SearchText;

/// A search for the worker: the articles to look at, and those known to match without a
/// look (the hits of the same search done before, when only newcomers are looked at; see
/// `App::search_docs`).
#[derive(Debug)]
pub struct Find {
    pub generation: u64,
    pub query: String,
    pub within: Vec<u32>,
    pub kept: Vec<u32>,
    /// The memo the answer becomes, its hits filled in by the worker.
    pub memo: SearchMemo,
    /// How many of [`SearchState::fresh_texts`] the answer has looked at.
    pub fresh: usize,
}

/// What became of a [`Find`].
#[derive(Debug)]
pub enum Asked {
    /// Answered here and now.
    Answered(Found),
    /// Handed to the worker: the answer comes as [`Msg::Searched`].
    Looking,
    /// The worker is gone (it panicked): no answer will come.
    Gone,
}

/// The worker's answer to a [`Find`].
#[derive(Debug)]
pub struct Found {
    pub generation: u64,
    pub memo: SearchMemo,
    pub fresh: usize,
}

enum Job {
    Push(Box<str>),
    Pending(usize),
    Set(usize, Box<str>),
    Find(Find),
}

/// A search done: the filters it ran under (not the search) with the number of articles
/// then, its query folded, and the articles it matched (ascending).
pub type SearchMemo = ((Vec<Chip>, usize), String, Vec<u32>);

/// The reader's search: the folded texts, the last search done and the one under way.
#[derive(Debug)]
pub struct SearchState {
    pub texts: SearchTexts,
    /// The generation of the last search asked for (or given up).
    pub generation: u64,
    /// The search the list waits for the worker's answer to.
    pub wait: Option<Waiting>,
    /// The last search done: the next one narrows it, or looks only at what arrived since.
    pub last: Option<SearchMemo>,
    /// Stored articles whose text the loader has not read back yet (a warm start; until
    /// a search asks for them, possibly for good): a search cannot see their bodies yet.
    pub reading_texts: bool,
    /// Tells the loader to read the stored articles' texts back (see
    /// [`super::loader::Texts::OnDemand`]); taken by the first search.
    pub texts_go: Option<mpsc::Sender<()>>,
    /// How many stored articles' texts are to be read back, and have been: a search
    /// that waits for them says how far they are.
    pub texts_total: usize,
    pub texts_read: usize,
    /// Articles whose text arrived since [`SearchState::last`] ran: a search with the same
    /// query and filters looks at them alone, not at the whole corpus again.
    pub fresh_texts: Vec<u32>,
    /// Texts arrived while a search is shown, and when the list last caught up with them.
    pub stale: bool,
    pub refreshed: std::time::Instant,
}

impl Default for SearchState {
    fn default() -> Self {
        Self {
            texts: SearchTexts::default(),
            generation: 0,
            wait: None,
            last: None,
            reading_texts: false,
            texts_go: None,
            texts_total: 0,
            texts_read: 0,
            fresh_texts: Vec::new(),
            stale: false,
            refreshed: std::time::Instant::now(),
        }
    }
}

impl SearchState {
    /// A search is coming: the loader starts reading back the texts it waits for.
    pub fn want_texts(&mut self) {
        if let Some(go) = self.texts_go.take() {
            let _ = go.send(());
        }
    }
}

/// The search the list waits for the worker's answer to.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub generation: u64,
    /// The other filters it runs under, and its query folded.
    pub chips: Vec<Chip>,
    pub folded: String,
}

/// Where the folded texts are kept and searched.
#[derive(Debug)]
pub enum SearchTexts {
    /// Here, searched at once.
    Here(SearchText),
    /// On a worker thread (see the module's doc).
    Worker(Searcher),
}

impl Default for SearchTexts {
    fn default() -> Self {
        Self::Here(SearchText::default())
    }
}

/// The loop's handle on the search worker.
#[derive(Debug)]
pub struct Searcher {
    jobs: mpsc::Sender<Job>,
    /// The generation of the last search asked for: the worker gives up on any other.
    latest: Arc<AtomicU64>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Push(_) => write!(f, "Push"),
            Self::Pending(n) => write!(f, "Pending({n})"),
            Self::Set(doc, _) => write!(f, "Set({doc})"),
            Self::Find(find) => write!(f, "Find({})", find.generation),
        }
    }
}

impl SearchTexts {
    /// Texts kept by a worker that answers on `tx` (the loop's channel), spilling past
    /// [`SearchText::MEMORY`] to `spill` (see [`SearchText::spill_to`]); the error says why
    /// they stay in memory instead.
    pub fn worker(tx: SyncSender<Msg>, spill: &std::path::Path) -> (Self, Option<std::io::Error>) {
        let mut texts = SearchText::default();
        let problem = texts.spill_to(spill, SearchText::MEMORY).err();
        let (jobs, rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let watched = Arc::clone(&latest);
        std::thread::spawn(move || run(texts, &rx, &tx, &watched));
        (Self::Worker(Searcher { jobs, latest }), problem)
    }

    /// Adds a document whose searchable text was folded elsewhere.
    pub fn push_folded(&mut self, folded: Box<str>) {
        match self {
            Self::Here(t) => t.push_folded(folded),
            Self::Worker(w) => {
                w.send(Job::Push(folded));
            }
        }
    }

    /// Adds `n` documents whose text comes later ([`SearchTexts::set`]).
    pub fn push_pending(&mut self, n: usize) {
        match self {
            Self::Here(t) => t.push_pending(n),
            Self::Worker(w) => {
                w.send(Job::Pending(n));
            }
        }
    }

    /// Replaces document `doc`'s searchable text.
    pub fn set(&mut self, doc: usize, folded: Box<str>) {
        match self {
            Self::Here(t) => t.set(doc, folded),
            Self::Worker(w) => {
                w.send(Job::Set(doc, folded));
            }
        }
    }

    /// Answers `find` at once when the texts are here or there is nothing to look at; else
    /// hands it to the worker (its answer comes as [`Msg::Searched`]).
    pub fn find(&mut self, find: Find) -> Asked {
        if find.within.is_empty() {
            return Asked::Answered(find.answered(Vec::new()));
        }
        match self {
            Self::Here(t) => Asked::Answered(answer(t, find, || true)),
            Self::Worker(w) => {
                w.latest.store(find.generation, Ordering::Relaxed);
                if w.send(Job::Find(find)) {
                    Asked::Looking
                } else {
                    Asked::Gone
                }
            }
        }
    }

    /// Whether searches are answered by the worker (later), not here.
    pub fn on_worker(&self) -> bool {
        matches!(self, Self::Worker(_))
    }

    /// Makes the worker give up the search it is on (none is wanted any more).
    pub fn cancel(&self, generation: u64) {
        if let Self::Worker(w) = self {
            w.latest.store(generation, Ordering::Relaxed);
        }
    }
}

impl Searcher {
    /// Whether the worker is there to take `job` (it is gone only if it panicked).
    fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }
}

/// The hits of `find`: its kept articles and those of `within` that match, ascending.
fn answer(texts: &SearchText, find: Find, go: impl Fn() -> bool + Sync) -> Found {
    let matched = texts.matching_while(&find.query, &find.within, go);
    find.answered(matched)
}

impl Find {
    /// The answer, given the articles of `within` that match.
    fn answered(self, matched: Vec<u32>) -> Found {
        let Self {
            generation,
            mut kept,
            mut memo,
            fresh,
            ..
        } = self;
        kept.extend(matched);
        kept.sort_unstable();
        kept.dedup();
        memo.2 = kept;
        Found {
            generation,
            memo,
            fresh,
        }
    }
}

/// The worker: applies texts in the order they came, and answers the last search asked for
/// (those queued before it are skipped, one under way is given up).
fn run(mut texts: SearchText, rx: &mpsc::Receiver<Job>, tx: &SyncSender<Msg>, latest: &AtomicU64) {
    while let Ok(job) = rx.recv() {
        let mut wanted = None;
        for job in std::iter::once(job).chain(rx.try_iter()) {
            match job {
                Job::Push(t) => texts.push_folded(t),
                Job::Pending(n) => texts.push_pending(n),
                Job::Set(doc, t) => texts.set(doc, t),
                Job::Find(find) => wanted = Some(find),
            }
        }
        let Some(find) = wanted else { continue };
        let generation = find.generation;
        let current = || latest.load(Ordering::Relaxed) == generation;
        if !current() {
            continue;
        }
        let found = answer(&texts, find, current);
        if current() && tx.send(Msg::Searched(Box::new(found))).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(generation: u64, query: &str, within: Vec<u32>) -> Find {
        Find {
            generation,
            query: query.to_owned(),
            within,
            kept: vec![9],
            memo: ((Vec::new(), 3), query.to_owned(), Vec::new()),
            fresh: 1,
        }
    }

    fn searched(rx: &mpsc::Receiver<Msg>) -> Found {
        match rx.recv_timeout(std::time::Duration::from_secs(10)) {
            Ok(Msg::Searched(found)) => *found,
            other => panic!("expected a search's answer, got {other:?}"),
        }
    }

    /// Through its handle, the worker sees texts in the order they were given and answers
    /// with the kept articles and the matches.
    #[test]
    fn the_worker_answers_over_the_texts_given_before_the_search() {
        let (tx, rx) = mpsc::sync_channel(16);
        let dir = tempfile::tempdir().unwrap();
        let (mut texts, problem) = SearchTexts::worker(tx, dir.path());
        assert!(problem.is_none());
        texts.push_folded("पहला लेख मोदी".into());
        texts.push_pending(2);
        texts.set(2, "तीसरा मोदी".into());
        assert!(matches!(
            texts.find(find(1, "मोदी", vec![0, 1, 2])),
            Asked::Looking
        ));
        let found = searched(&rx);
        assert_eq!((found.generation, found.fresh), (1, 1));
        assert_eq!(found.memo.2, [0, 2, 9]);
        // Nothing to look at: the kept articles are the answer, without the worker.
        let Asked::Answered(found) = texts.find(find(2, "मोदी", Vec::new())) else {
            panic!("a search with nothing to look at went to the worker");
        };
        assert_eq!(found.memo.2, [9]);
    }

    /// Of the searches queued when the worker looks, only the last is answered, and one
    /// that is no longer wanted is not answered at all. (The jobs are queued before the
    /// worker runs, here on the test's thread, so the order is certain.)
    #[test]
    fn the_worker_answers_only_the_search_still_wanted() {
        let (jobs, rx) = mpsc::channel();
        let (tx, answers) = mpsc::sync_channel(16);
        for job in [
            Job::Push("मोदी".into()),
            Job::Push("पुतिन".into()),
            Job::Find(find(2, "मोदी", vec![0, 1])),
            Job::Find(find(3, "पुतिन", vec![0, 1])),
        ] {
            jobs.send(job).unwrap();
        }
        drop(jobs);
        run(SearchText::default(), &rx, &tx, &AtomicU64::new(3));
        let found = searched(&answers);
        assert_eq!((found.generation, found.memo.2), (3, vec![1, 9]));
        assert!(answers.try_recv().is_err());
        let (jobs, rx) = mpsc::channel();
        jobs.send(Job::Push("पुतिन".into())).unwrap();
        jobs.send(Job::Find(find(4, "पुतिन", vec![0]))).unwrap();
        drop(jobs);
        run(SearchText::default(), &rx, &tx, &AtomicU64::new(5));
        assert!(
            answers.try_recv().is_err(),
            "a search no longer wanted was answered"
        );
    }

    /// Texts kept here answer at once.
    #[test]
    fn texts_kept_here_answer_at_once() {
        let mut texts = SearchTexts::default();
        texts.push_folded("मोदी".into());
        texts.push_folded("पुतिन".into());
        let Asked::Answered(found) = texts.find(find(1, "पुतिन", vec![0, 1])) else {
            panic!("texts kept here did not answer at once");
        };
        assert_eq!(found.memo.2, [1, 9]);
    }
}
