//! Reading and extracting off the event loop, through the corpus in the database
//! ([`Corpus`]). When the database knows the paths already, everything it holds for them
//! goes to the loop at once (stale while revalidate); then every file is checked, and
//! each file read (new or changed) goes over as soon as it is extracted, before its
//! transaction commits, so a cold start fills the list progressively while keys keep
//! working. The database connection is opened and used on this thread, never the loop's.
//!
//! The loader's workers have a pool of their own. They block when the loop's bounded channel
//! is full; if they were rayon's global pool, a search the loop runs on that pool (see
//! [`crate::index::SearchText::matching`]) would wait for them while they wait for the loop,
//! and the reader would hang.
//!
//! The stored articles' texts, which only search needs, are read back once the list is
//! loaded, or in the reader when the first search asks for them ([`Texts`]).

use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::mpsc::SyncSender as Sender;

use rayon::prelude::*;

use super::app::Entry;
use super::event::Msg;
use super::filters::Chip;
use crate::corpus::{self, Origin};
use crate::extract;
use crate::index::Body;
use crate::index::Sort;
use crate::library::{self, Change, Check, Corpus, Doc, PageFilter, Place, Rows, StoreError};
use crate::text::fold::fold;

/// Where the corpus is kept, and the fingerprint of the extraction rules.
#[derive(Debug, Clone)]
pub struct Keep {
    pub place: Place,
    pub rules: u64,
    /// Whether to show a first page of a large stored list before reading it whole.
    pub first_page: Option<FirstPage>,
}

/// A first page of the stored list, in the order the reader will show it, for a first
/// frame that does not wait for the whole list (a million articles take seconds to read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstPage {
    /// Newest first, else oldest first.
    pub newest: bool,
    /// How many articles (more than a tall terminal shows).
    pub rows: usize,
    /// From how many stored articles on it is worth it.
    pub from: usize,
    /// The kept filters it answers (entities, publication and mentioned dates, sources,
    /// unread, starred).
    pub filter: PageFilter,
}

impl FirstPage {
    /// The first page for a list in `sort` order under the kept filters `chips`, if the
    /// store can give one: the list is by date, and every filter is one the store answers
    /// as the reader would (a search is answered by the whole list only).
    #[must_use]
    pub fn of(sort: Sort, chips: &[Chip]) -> Option<Self> {
        let newest = match sort {
            Sort::Newest => true,
            Sort::Oldest => false,
            Sort::Title | Sort::Source => return None,
        };
        let (filter, rest) = super::filters::index_filter(chips);
        if rest.iter().any(|c| matches!(c, Chip::Search(_))) {
            return None;
        }
        let filter = PageFilter {
            entities: filter.entities,
            published: filter.published.map(|range| (range.start, range.end)),
            mentioned: filter.mentioned.map(|range| (range.start, range.end)),
            sources: filter.sources,
            unread: rest.contains(&&Chip::Unread),
            starred: rest.contains(&&Chip::Starred),
        };
        Some(Self {
            newest,
            rows: 200,
            from: 20_000,
            filter,
        })
    }
}

/// When the stored articles' texts are read back for search.
#[derive(Debug)]
pub enum Texts {
    /// As soon as the list is loaded.
    AtOnce,
    /// Once something arrives on this channel (the first search); never, if its sender
    /// goes first (the reader quit). Reading them back is reading the whole corpus again: at
    /// 100,000 articles, 9-10 s of CPU time and a 0.9 GB spill file at every start, which a
    /// session that never searches does not need. The loader's pools end 1.1 s after
    /// their work, as the reader goes on.
    OnDemand(std::sync::mpsc::Receiver<()>),
}

/// Starts loading `paths` (the bundled seeds when empty) in the background, reading the
/// stored articles' texts back at once.
pub fn spawn(paths: Vec<PathBuf>, keep: Keep, tx: Sender<Msg>) -> std::thread::JoinHandle<()> {
    spawn_with(paths, keep, tx, Texts::AtOnce)
}

/// [`spawn`], reading the stored articles' texts back when `texts` says.
pub fn spawn_with(
    paths: Vec<PathBuf>,
    keep: Keep,
    tx: Sender<Msg>,
    texts: Texts,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let lingers = matches!(texts, Texts::OnDemand(_));
        let mut pool = load_pool();
        let unread = on(pool.as_ref(), || load(&paths, &keep, &tx));
        // Articles from the database came without their text: read it in the background,
        // so search covers them too.
        if let Texts::OnDemand(go) = texts
            && !unread.is_empty()
            && !asked(&go, &mut pool)
        {
            return;
        }
        let pool = pool.or_else(load_pool);
        on(pool.as_ref(), || read_texts(unread, &tx));
        if lingers {
            // Idle, the pool's threads would keep what they freed; ending, they give back
            // what has been free for `FREED`.
            std::thread::sleep(FREED);
        }
    })
}

/// Whether a search asks for the texts (`false`: the reader went first). A pool idle for
/// [`FREED`] meanwhile ends.
fn asked(go: &std::sync::mpsc::Receiver<()>, pool: &mut Option<rayon::ThreadPool>) -> bool {
    match go.recv_timeout(FREED) {
        Err(RecvTimeoutError::Timeout) => {
            *pool = None;
            go.recv().is_ok()
        }
        answer => answer.is_ok(),
    }
}

/// How long memory freed by a thread stays its own before the allocator gives it back to
/// the system (mimalloc's purge delay is a second; a thread that ends does it for what is
/// due). The reader's loading pools end no sooner: at a million articles, one that ended
/// at once left 200 MB held for good (anon RSS of the idle reader 1,006 MiB, against
/// 804-808).
const FREED: std::time::Duration = std::time::Duration::from_millis(1100);

/// The loader's pool (see the module's doc); `None` when no threads are to be had.
fn load_pool() -> Option<rayon::ThreadPool> {
    // One thread more than cores: the loader's own thread, a worker of the pool too, mostly
    // waits for files to be extracted and writes them (see `Store::sync_with`).
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    rayon::ThreadPoolBuilder::new()
        .num_threads(cores + 1)
        .thread_name(|i| format!("khabar-load-{i}"))
        .build()
        .ok()
}

/// Runs `work` on `pool`, or as things are without one.
fn on<T: Send>(pool: Option<&rayon::ThreadPool>, work: impl FnOnce() -> T + Send) -> T {
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// The loader's work, on its pool; gives the stored articles whose text is to be read back.
fn load(paths: &[PathBuf], keep: &Keep, tx: &Sender<Msg>) -> Vec<Unread> {
    if paths.is_empty() {
        let seeds = corpus::seeds();
        let _ = tx.send(Msg::Found(seeds.len()));
        for article in seeds {
            let analysis = extract::analyse(&article);
            if tx
                .send(Msg::Loaded(Box::new(Entry::new(article, analysis)), 1))
                .is_err()
            {
                return Vec::new();
            }
        }
        let _ = tx.send(Msg::Finished);
        return Vec::new();
    }
    let problem = |text: String| {
        let _ = tx.send(Msg::Problem(text));
    };
    let (mut corpus, notes) = match Corpus::open_in(&keep.place, keep.rules) {
        Ok(opened) => opened,
        Err(e) => {
            problem(e.to_string());
            let _ = tx.send(Msg::Finished);
            return Vec::new();
        }
    };
    notes.into_iter().for_each(problem);
    // The reader reads the whole stored corpus and stays open: mapped, each page read
    // would stay in its resident memory (1.5 GB at a million articles; the check of every
    // file reads most of them too).
    if let Err(e) = corpus.map_pages(false) {
        problem(e.to_string());
    }
    // Stale while revalidate: what the database holds goes to the screen at once, its
    // first page first when it is large.
    let mut paged_with_facts = false;
    if let Some(first) = &keep.first_page
        && let Some(page) =
            corpus.first_page(paths, first.newest, (first.rows, first.from), &first.filter)
        && !page.docs.is_empty()
    {
        paged_with_facts = first.filter != PageFilter::default();
        let _ = tx.send(Msg::FirstPage(Box::new(page)));
    }
    let warm = corpus.known(paths).unwrap_or_else(|e| {
        problem(e.to_string());
        None
    });
    let mut unread: Vec<Unread> = Vec::new();
    let mut facts = Facts::None;
    // A list of what was stored so far is made whole at the end (another process may
    // store files meanwhile that no message here would bring).
    let mut partial_warm = false;
    let warm_files = match warm {
        Some(mut snapshot) => {
            let files = snapshot.files;
            partial_warm = snapshot.partial;
            unread = snapshot.docs.iter().map(Unread::of).collect();
            let rows = snapshot.take_rows();
            let _ = tx.send(Msg::Found(files));
            if paged_with_facts {
                // A filtered page stays until the whole list can be filtered as it was: the
                // list with its facts, in one message (the facts' own message, empty, ends
                // the wait for them).
                let facts = corpus.facts(&rows);
                let read = facts.is_ok();
                match facts {
                    Ok(facts) => snapshot.index.add_parts(facts.entities, facts.mentioned),
                    Err(e) => problem(e.to_string()),
                }
                let _ = tx.send(Msg::Warm(Box::new(snapshot), files));
                // Unread, they are still awaited (until the load ends), as they would be
                // without a page.
                if read {
                    let _ = tx.send(Msg::WarmFacts(Box::default()));
                }
            } else {
                let _ = tx.send(Msg::Warm(Box::new(snapshot), files));
                // The list is on screen; the filters' entities and dates follow, read on
                // another thread while every file is checked here.
                match corpus.facts_apart(rows) {
                    Ok(apart) => facts = Facts::Apart(apart),
                    // No other connection: read here, before any file is checked.
                    Err(rows) => match corpus.facts(&rows) {
                        Ok(facts) => {
                            let _ = tx.send(Msg::WarmFacts(Box::new(facts)));
                        }
                        Err(e) => problem(e.to_string()),
                    },
                }
            }
            Some(files)
        }
        None => None,
    };
    // Every file's size and time is checked (not only the folders', as `list` does): the
    // reader shows the list meanwhile, and a file rewritten in place is seen too.
    let added = corpus.add_following(paths, Check::Stamps, true, &mut |change| {
        // The snapshot's facts reach the reader before any change to its articles (the
        // facts of an article withdrawn would count for it).
        if matches!(change, Change::File(_) | Change::Gone(_)) {
            facts.arrive(tx);
        }
        let _ = tx.send(match change {
            // Those found unchanged are shown already.
            Change::Progress { done, total, kept } => match warm_files {
                Some(_) => Msg::Progress(kept + done, kept + total),
                None => Msg::Progress(done, total),
            },
            Change::File(file) if warm_files.is_some() => Msg::Changed(Box::new(file)),
            Change::File(file) => Msg::File(Box::new(file)),
            Change::Gone(path) => Msg::Gone(path),
        });
    });
    match added {
        Ok(added) => {
            for note in added.problems {
                problem(note.text);
            }
            // A cold start shows the files it read; those the database knew already
            // (another command stored them) come with everything else, anew. So does
            // everything when a paragraph turned out to be (or stopped being) a site's
            // chrome: articles not read now gained or lost entities with it.
            // After damaged tables were rebuilt no file was said gone: the list is made
            // anew too.
            let partial = warm_files.is_none() && (!added.walked || added.extracted < added.files);
            if partial || partial_warm || added.changed_beyond {
                match corpus.snapshot() {
                    Ok(snapshot) => {
                        unread = snapshot.docs.iter().map(Unread::of).collect();
                        let _ = tx.send(Msg::Replace(Box::new(snapshot)));
                    }
                    Err(e) => problem(e.to_string()),
                }
            }
        }
        Err(e) => problem(e.to_string()),
    }
    facts.arrive(tx);
    if let Facts::Failed(rows, e) = facts {
        // The stored list's facts could not be read, and changes to it may have gone out:
        // the names are no longer awaited, and the list is sent anew, with its own. Damaged
        // tables are set aside first and every file is read into new ones.
        let _ = tx.send(Msg::WarmFacts(Box::default()));
        match corpus.repair_facts(&rows) {
            Ok(true) => {
                if let Err(e) = corpus.add_following(paths, Check::Stamps, true, &mut |_| {}) {
                    problem(e.to_string());
                }
            }
            Ok(false) => {
                if !e.is_damage() {
                    problem(e.to_string());
                }
            }
            Err(e) => problem(e.to_string()),
        }
        match corpus.snapshot() {
            Ok(snapshot) => {
                unread = snapshot.docs.iter().map(Unread::of).collect();
                let _ = tx.send(Msg::Replace(Box::new(snapshot)));
            }
            Err(e) => problem(e.to_string()),
        }
    }
    corpus.take_notes().into_iter().for_each(problem);
    drop(corpus);
    let _ = tx.send(Msg::Finished);
    unread
}

/// Reads back the texts of `unread`, for search.
fn read_texts(unread: Vec<Unread>, tx: &Sender<Msg>) {
    unread
        .into_par_iter()
        .enumerate()
        .for_each_with(tx.clone(), |tx, (n, unread)| {
            // The reader adds each title (a plain file's, and a record's, are in the text
            // too: searching them twice finds nothing more).
            if let Ok(text) = corpus::reload_text(&unread.path, unpack(unread.origin), "") {
                let _ = tx.send(Msg::Text(n, Box::new(Body::of(fold(&text)))));
            }
        });
    let _ = tx.send(Msg::TextsDone);
}

/// The facts of a warm start's snapshot, on their way to the reader.
enum Facts {
    /// None to send (a cold start, or sent with the list).
    None,
    /// Being read on another thread.
    Apart(library::FactsApart),
    /// Could not be read: the rows they were for, and why.
    Failed(Rows, StoreError),
}

impl Facts {
    /// Sends the facts read apart, once read; if they could not be, says why.
    fn arrive(&mut self, tx: &Sender<Msg>) {
        if let Self::Apart(apart) = std::mem::replace(self, Self::None) {
            match apart.join() {
                Ok(facts) => {
                    let _ = tx.send(Msg::WarmFacts(Box::new(facts)));
                }
                Err((rows, e)) => *self = Self::Failed(rows, e),
            }
        }
    }
}

/// What reading a stored article's text back needs of it ([`corpus::reload_text`]): where
/// it is (a JSON Lines record's offset is in its origin). Made for every listed article
/// before the first frame and kept until a search asks, so it is small: 24 bytes (a whole
/// `Article` each, most of it empty, took 12 ms of a warm start at 100,000 articles; the
/// origin as an enum took 8 bytes more, 8 MB at a million). A stored article never keeps
/// its text: the database's list entries have none ([`Doc::kept_text`] is for standard
/// input's, which is read once).
struct Unread {
    path: std::sync::Arc<str>,
    /// Its [`Origin`], as [`pack`] gives it.
    origin: u64,
}

impl Unread {
    fn of(doc: &Doc) -> Self {
        Self {
            path: doc.path.clone(),
            origin: pack(doc.origin),
        }
    }
}

/// An origin in one number: a record's offset is itself; the three others take the three
/// numbers no offset reaches (a file of 16 EiB).
fn pack(origin: Origin) -> u64 {
    match origin {
        Origin::Record(at) => at.min(u64::MAX - 3),
        Origin::File => u64::MAX,
        Origin::Embedded => u64::MAX - 1,
        Origin::Stdin => u64::MAX - 2,
    }
}

/// The origin [`pack`] made `n` of.
fn unpack(n: u64) -> Origin {
    match n {
        u64::MAX => Origin::File,
        n if n == u64::MAX - 1 => Origin::Embedded,
        n if n == u64::MAX - 2 => Origin::Stdin,
        at => Origin::Record(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_packed_comes_back() {
        for origin in [
            Origin::File,
            Origin::Embedded,
            Origin::Stdin,
            Origin::Record(0),
            Origin::Record(123_456_789),
            Origin::Record(u64::MAX - 3),
        ] {
            assert_eq!(unpack(pack(origin)), origin);
        }
    }
}
