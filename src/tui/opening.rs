//! Opening the selected article and laying out a long one, off the event loop.
//!
//! Reading an article back (a 50 MB file takes a fifth of a second to read and hash) and
//! wrapping it (a window of a long article takes about 10 ms) must never hold up a key.
//! One worker thread does both: it opens the article it is asked for last (older requests
//! still queued are skipped) and hands it to the loop as [`Msg::Opened`]; then, for a long
//! article, it wraps its blocks at the width the loop asks for, from the reading position
//! onwards and then from the start, handing them over in batches ([`Msg::Indexed`]). The
//! loop keeps them as a line index ([`LineIndex`]) and answers keys from it when it holds
//! the rows needed. Each request carries a generation: a result for an article or a width
//! the loop has moved on from is dropped there.

use std::sync::mpsc;
use std::sync::{Arc, mpsc::SyncSender};

use super::app::Entry;
use super::blocks::{self, Block};
use super::document::{self, Row};
use super::event::Msg;
use crate::corpus::Article;
use crate::corpus::repeated::RepeatedSet;
use crate::library::Doc;
use crate::text::width::WidthModel;

/// How much text the worker wraps before handing a batch of rows to the loop (a few ms).
const BATCH_BYTES: usize = 96 * 1024;

/// An article opened by the worker.
#[derive(Debug)]
pub struct Opened {
    pub generation: u64,
    pub index: usize,
    pub entry: Entry,
    /// A long article's blocks (empty for a short one, which is laid out whole).
    pub blocks: Arc<Vec<Block>>,
    pub problems: Vec<String>,
    /// Whether its analysis is still under way (a long article is shown before it is
    /// analysed: see [`Analysed`]).
    pub analysing: bool,
    /// The article shown, read again to see whether its file changed (`Opener::open`'s
    /// `check`):
    /// what is shown stays (its file, if changed, is read afresh and the list follows).
    pub kept: bool,
}

/// The analysis and sidebar of a long article opened before them.
#[derive(Debug)]
pub struct Analysed {
    pub generation: u64,
    pub index: usize,
    pub analysis: crate::extract::Analysis,
    pub sidebar: Vec<super::sidebar::Item>,
}

/// Rows of some blocks, at the width of index request `task`.
#[derive(Debug)]
pub struct Indexed {
    pub task: u64,
    pub rows: Vec<(usize, Vec<Row>)>,
}

/// The rows of a long article's blocks laid out so far at one width, block by block.
#[derive(Debug)]
pub struct LineIndex {
    /// The open it belongs to, and this request.
    pub generation: u64,
    pub task: u64,
    pub width: u16,
    pub model: WidthModel,
    pub blocks: Arc<Vec<Block>>,
    pub rows: Vec<Option<Vec<Row>>>,
    /// How many blocks are laid out.
    pub filled: usize,
}

impl LineIndex {
    pub fn new(
        generation: u64,
        task: u64,
        blocks: Arc<Vec<Block>>,
        width: u16,
        model: WidthModel,
    ) -> Self {
        Self {
            generation,
            task,
            width,
            model,
            rows: vec![None; blocks.len()],
            blocks,
            filled: 0,
        }
    }

    /// Whether every block is laid out.
    pub fn complete(&self) -> bool {
        self.filled == self.rows.len()
    }

    pub fn add(&mut self, batch: Vec<(usize, Vec<Row>)>) {
        for (i, rows) in batch {
            if let Some(slot) = self.rows.get_mut(i)
                && slot.is_none()
            {
                *slot = Some(rows);
                self.filled += 1;
            }
        }
    }
}

enum Job {
    Open {
        generation: u64,
        index: usize,
        doc: Box<Doc>,
        /// Its title, for an article that cannot be read back.
        title: String,
        /// The corpus's repeated chrome, set aside before analysis.
        repeated: Arc<RepeatedSet>,
        /// Only to see whether it changed (see [`Opened::kept`]).
        check: bool,
    },
    Index {
        generation: u64,
        task: u64,
        width: u16,
        model: WidthModel,
        from: usize,
    },
}

/// The handle the reader keeps to its worker; the thread ends when it is dropped.
#[derive(Debug)]
pub struct Opener {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Open { generation, .. } => write!(f, "Open({generation})"),
            Self::Index { task, .. } => write!(f, "Index({task})"),
        }
    }
}

impl Opener {
    /// A worker sending its results to `tx` (the event loop's channel).
    pub fn spawn(tx: SyncSender<Msg>) -> Self {
        let (jobs, rx) = mpsc::channel();
        std::thread::spawn(move || Worker::default().run(&rx, &tx));
        Self { jobs }
    }

    /// Opens article `index` (read, analysed, laid out); or, when `check`, reads the
    /// article shown again only to see whether its file changed (a fetch from the shell):
    /// nothing is analysed or laid out, and the answer keeps what is shown.
    pub(super) fn open(
        &self,
        (generation, index): (u64, usize),
        (doc, title): (Doc, String),
        repeated: Arc<RepeatedSet>,
        check: bool,
    ) {
        let _ = self.jobs.send(Job::Open {
            generation,
            index,
            repeated,
            doc: Box::new(doc),
            title,
            check,
        });
    }

    pub(super) fn index(
        &self,
        generation: u64,
        task: u64,
        width: u16,
        model: WidthModel,
        from: usize,
    ) {
        let _ = self.jobs.send(Job::Index {
            generation,
            task,
            width,
            model,
            from,
        });
    }
}

/// What an index request still has to wrap.
struct Task {
    id: u64,
    width: u16,
    model: WidthModel,
    /// Blocks in the order they are wrapped: from the reading position on, then the rest.
    order: std::iter::Chain<std::ops::Range<usize>, std::ops::Range<usize>>,
}

#[derive(Default)]
struct Worker {
    /// The long article last opened (a copy: the loop owns the one it shows).
    article: Option<(u64, Article, Arc<Vec<Block>>)>,
    task: Option<Task>,
}

/// Reads the file at `path` afresh on a thread of its own and hands its articles to the
/// loop, which puts them in place of those listed from it: a file another command
/// rewrote (a fetch from the shell) is otherwise listed as it was, its records where they
/// no longer are, until the next start.
/// `listed` is the article that was found changed (its content id, line and title): a
/// record on the same line under the same title is it, edited (as the database judges,
/// see `store::corpus`), and its read mark and star go to the new version (trial 58: an
/// edited story lost them on screen, and an unstar there was lost).
fn read_again(path: &str, listed: (u64, Option<u32>, String), tx: &SyncSender<Msg>) {
    let (path, tx) = (std::path::PathBuf::from(path), tx.clone());
    std::thread::spawn(move || {
        let (file, problems) = crate::library::read_file(&path);
        let (id, line, title) = listed;
        let edited = line.and_then(|line| {
            file.articles
                .iter()
                .find(|a| a.doc.line == Some(line) && *a.title == *title && a.doc.id != id)
        });
        if let Some(now) = edited
            && !file.articles.iter().any(|a| a.doc.id == id)
        {
            let moved = super::fetching::FeedMsg::Moved(vec![(id, now.doc.id)]);
            let _ = tx.send(Msg::Feed(moved));
        }
        let _ = tx.send(Msg::Feed(super::fetching::FeedMsg::Refreshed(Box::new(
            file,
        ))));
        for problem in problems {
            let _ = tx.send(Msg::Problem(problem));
        }
    });
}

impl Worker {
    fn run(mut self, rx: &mpsc::Receiver<Job>, tx: &SyncSender<Msg>) {
        loop {
            let job = if self.task.is_some() {
                match rx.try_recv() {
                    Ok(job) => Some(job),
                    Err(mpsc::TryRecvError::Empty) => None,
                    Err(mpsc::TryRecvError::Disconnected) => return,
                }
            } else {
                match rx.recv() {
                    Ok(job) => Some(job),
                    Err(_) => return,
                }
            };
            let sent = match job {
                // Only the last of the requests waiting matters: a user holding `j` down
                // in the list does not wait for every article passed over.
                Some(job) => self.take(rx.try_iter().fold(job, newest), tx),
                None => self.wrap_batch(tx),
            };
            if !sent {
                return;
            }
        }
    }

    /// Carries out `job`; false when the loop is gone.
    fn take(&mut self, job: Job, tx: &SyncSender<Msg>) -> bool {
        match job {
            Job::Open {
                generation,
                index,
                doc,
                title,
                repeated,
                check,
            } => {
                if !check {
                    self.task = None;
                    self.article = None;
                }
                let read = super::arrivals::read_entry(&doc, title.clone(), &repeated);
                if read.stale {
                    // Sent before the file's articles, which the loop then knows it by.
                    if let Some(renamed) = read.renamed {
                        let moved = super::fetching::FeedMsg::Moved(vec![renamed]);
                        let _ = tx.send(Msg::Feed(moved));
                    }
                    let listed = (doc.id, doc.line, title);
                    read_again(&doc.path, listed, tx);
                }
                if check {
                    let kept = Opened {
                        generation,
                        index,
                        entry: read.entry,
                        blocks: Arc::default(),
                        problems: read.problems,
                        analysing: false,
                        kept: true,
                    };
                    return tx.send(Msg::Opened(Box::new(kept))).is_ok();
                }
                let (mut entry, problems) = (read.entry, read.problems);
                let long = entry.article.text.len() >= blocks::WINDOWED_FROM;
                // A long article is shown as soon as it is read: its analysis (seconds for
                // tens of MB) runs on a thread of its own, so this worker goes on to lay it
                // out, or to the next article asked for, and the loop drops the result
                // of one passed over.
                if long {
                    let mut later = Entry::with_id(
                        entry.article.clone(),
                        crate::extract::Analysis::default(),
                        0,
                    );
                    let tx = tx.clone();
                    std::thread::spawn(move || {
                        super::arrivals::analyse_entry(&mut later);
                        let _ = tx.send(Msg::Analysed(Box::new(Analysed {
                            generation,
                            index,
                            analysis: later.analysis,
                            sidebar: later.sidebar,
                        })));
                    });
                } else {
                    super::arrivals::analyse_entry(&mut entry);
                }
                let blocks = Arc::new(if long {
                    blocks::article_blocks(&entry.article)
                } else {
                    Vec::new()
                });
                if long {
                    self.article = Some((generation, entry.article.clone(), Arc::clone(&blocks)));
                }
                let opened = Opened {
                    generation,
                    index,
                    entry,
                    blocks,
                    problems,
                    analysing: long,
                    kept: false,
                };
                tx.send(Msg::Opened(Box::new(opened))).is_ok()
            }
            Job::Index {
                generation,
                task,
                width,
                model,
                from,
            } => {
                self.task = match &self.article {
                    Some((g, _, blocks)) if *g == generation => {
                        let from = from.min(blocks.len());
                        Some(Task {
                            id: task,
                            width,
                            model,
                            order: (from..blocks.len()).chain(0..from),
                        })
                    }
                    _ => None,
                };
                true
            }
        }
    }

    /// Wraps the next blocks of the task and hands them over; false when the loop is gone.
    fn wrap_batch(&mut self, tx: &SyncSender<Msg>) -> bool {
        let (Some(task), Some((_, article, blocks))) = (&mut self.task, &self.article) else {
            self.task = None;
            return true;
        };
        let mut batch = Vec::new();
        let mut bytes = 0;
        for i in task.order.by_ref() {
            let mut rows = Vec::new();
            document::push_block(&mut rows, &article.text, &blocks[i], task.width, task.model);
            bytes += blocks[i].span.len();
            batch.push((i, rows));
            if bytes >= BATCH_BYTES {
                break;
            }
        }
        let id = task.id;
        if batch.is_empty() {
            self.task = None;
            return true;
        }
        tx.send(Msg::Indexed(Box::new(Indexed {
            task: id,
            rows: batch,
        })))
        .is_ok()
    }
}

/// Of two requests, the one to carry out: an open supersedes everything before it; an
/// index request after an open is kept with it (see [`Worker::take`]).
fn newest(old: Job, new: Job) -> Job {
    match (&old, &new) {
        // An index request for the article being opened must not lose the open.
        (Job::Open { .. }, Job::Index { .. }) => old,
        _ => new,
    }
}
