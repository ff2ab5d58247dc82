//! `R` looks again at the files and folders the reader was opened on, on a worker: files
//! added since join the list, files changed since are read again, files deleted leave it.
//! The loader checks every file once at start; without this, a folder that gains articles
//! all day needed the reader restarted to show them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender as Sender;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use super::event::Msg;

/// What a look found, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rescanned {
    pub new: usize,
    pub changed: usize,
    pub gone: usize,
}

impl Rescanned {
    /// The status bar's words for it.
    pub fn line(self) -> String {
        if self == Self::default() {
            "files: nothing new".to_owned()
        } else {
            format!(
                "files: {} new, {} changed, {} gone",
                self.new, self.changed, self.gone
            )
        }
    }
}

/// Each file the last look walked, as hashes of its path and of its size and times: a
/// file is read again at the next look only if these differ. Comparing times against the
/// last look's clock instead read files written just before it again at every look (file
/// systems stamp with a coarse clock, and a margin for that counted them twice), and
/// a file with no article as new every time. Two 64-bit hashes a file, once `R` was pressed.
#[derive(Clone, Default)]
pub struct Looked(Arc<Mutex<Option<HashMap<u64, u64>>>>);

/// What to look at again: the files and folders the reader was opened on, the paths of the
/// articles in its list (in the spelling the walk gives them) with the sum of [`mix`] over
/// their content ids, and what the last look saw.
pub struct Look {
    pub roots: Vec<PathBuf>,
    pub listed: Vec<(Arc<str>, u64)>,
    pub looked: Looked,
}

/// An article's list entry as a number (content id, line, where its record starts, source,
/// publication date), mixed so that a sum over a file's articles tells whether a file read
/// again lists the same ones (in any order): a file touched but not changed is not said
/// changed, and a record whose date or source alone was edited (outside its content id)
/// still is.
#[must_use]
pub fn mix(doc: &crate::library::Doc) -> u64 {
    use std::hash::{Hash, Hasher};
    // The whole list is mixed on the event loop when `R` is pressed: nothing is made per
    // article. The date with its time (an edit of the time alone is a change); not its
    // zone, which an article read back from the database does not carry.
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let when = doc.published.map(|p| (p.date, p.time));
    (doc.id, doc.line, doc.origin, doc.source.as_deref(), when).hash(&mut h);
    h.finish()
}

impl Look {
    /// Walks the roots (on the caller's thread, a worker) and tells the loop what changed:
    /// [`Msg::File`], [`Msg::Changed`] and [`Msg::Gone`] as the loader sends them, then
    /// [`Msg::Rescanned`]. At the first look, changed means written or put in place at
    /// `since` (the reader's start) or later.
    pub fn run(&self, tx: &Sender<Msg>, since: SystemTime) {
        let found = rescan(tx, &self.roots, &self.listed, since, &self.looked);
        let _ = tx.send(Msg::Rescanned(found));
    }

    /// [`Look::run`] for a reader whose corpus is in a database: the look is the same
    /// (it sees what another process changed and stored meanwhile too), and the files it
    /// read are then stored, so that the next start does not read them again, and the loop
    /// is given the marks of their articles (the database carried an edited article's read
    /// mark and star to its new content as it stored it). A database that
    /// cannot be written to loses only that, said as a warning.
    pub fn run_stored(
        &self,
        tx: &Sender<Msg>,
        since: SystemTime,
        (place, rules): (&crate::library::Place, u64),
    ) {
        use crate::library::{Check, Corpus};
        let mut read = Vec::new();
        let found = rescan_into(
            tx,
            &self.roots,
            &self.listed,
            since,
            &self.looked,
            &mut read,
        );
        if !read.is_empty() {
            let paths: Vec<PathBuf> = read.iter().map(|(path, _)| path.clone()).collect();
            let ids: HashSet<u64> = read.into_iter().flat_map(|(_, ids)| ids).collect();
            // Stored, then the marks of their articles as the database has them now. By
            // their content: an edit in place that kept size and modification time (the
            // look saw its change time move) has the stamps the database holds.
            let marks = Corpus::open_in(place, rules).and_then(|(mut corpus, _)| {
                corpus.add_following(&paths, Check::Hashes, false, &mut |_| {})?;
                let of = |all: Option<Vec<u64>>| -> Vec<u64> {
                    all.into_iter()
                        .flatten()
                        .filter(|id| ids.contains(id))
                        .collect()
                };
                Ok((of(corpus.read()?), of(corpus.starred()?)))
            });
            match marks {
                Ok((read, starred)) => {
                    let _ = tx.send(Msg::Marks { read, starred });
                }
                Err(e) => problems_into(
                    tx,
                    [format!("the files read again could not be stored: {e}")],
                ),
            }
        }
        let _ = tx.send(Msg::Rescanned(found));
    }
}

/// A file's size and times, hashed (see [`Looked`]).
fn stamp(meta: &std::fs::Metadata) -> u64 {
    let nanos = |t: std::io::Result<SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos())
    };
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&meta.len().to_le_bytes());
    h.update(&nanos(meta.modified()).to_le_bytes());
    h.update(&placed(meta).to_le_bytes());
    h.digest()
}

/// When the file was put where it is, in nanoseconds (its status change time: a file moved
/// in, or copied with its old modification time kept, has a new one); 0 off Unix.
fn placed(meta: &std::fs::Metadata) -> u128 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let secs = u128::try_from(meta.ctime()).unwrap_or(0);
        secs * 1_000_000_000 + u128::try_from(meta.ctime_nsec()).unwrap_or(0)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        0
    }
}

/// Whether the file was written or put in place at `since` or later.
fn touched_since(meta: &std::fs::Metadata, since: SystemTime) -> bool {
    let since_nanos = since
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    meta.modified().is_ok_and(|at| at >= since) || placed(meta) >= since_nanos.max(1)
}

/// The walk itself (see [`Look::run`]); stops early when the loop has gone.
pub fn rescan(
    tx: &Sender<Msg>,
    roots: &[PathBuf],
    listed: &[(Arc<str>, u64)],
    since: SystemTime,
    looked: &Looked,
) -> Rescanned {
    rescan_into(tx, roots, listed, since, looked, &mut Vec::new())
}

/// [`rescan`], noting in `read` each file read with articles, and their content ids.
fn rescan_into(
    tx: &Sender<Msg>,
    roots: &[PathBuf],
    listed: &[(Arc<str>, u64)],
    since: SystemTime,
    looked: &Looked,
    read: &mut Vec<(PathBuf, Vec<u64>)>,
) -> Rescanned {
    let under_roots = |p: &str| roots.iter().any(|r| Path::new(p).starts_with(r));
    let listed: HashMap<&str, u64> = listed
        .iter()
        .map(|(p, sum)| (&**p, *sum))
        .filter(|(p, _)| under_roots(p))
        .collect();
    let before = looked
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    let mut problems = Vec::new();
    let files = crate::corpus::files(roots, &mut problems);
    let mut found = Rescanned::default();
    let mut seen: HashSet<String> = HashSet::with_capacity(files.len());
    let mut now: HashMap<u64, u64> = HashMap::with_capacity(files.len());
    for path in files {
        let key = path.to_string_lossy().into_owned();
        let hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes());
        // Roots inside one another walk a file twice.
        if !seen.insert(key.clone()) {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let stamp = stamp(&meta);
        now.insert(hash, stamp);
        let touched = match &before {
            Some(map) => map.get(&hash) != Some(&stamp),
            None => touched_since(&meta, since),
        };
        if !touched {
            continue;
        }
        let held = listed.get(key.as_str()).copied();
        let known = held.is_some();
        let (file, file_problems) = crate::library::read_file(&path);
        // A file with no article (empty, binary) is said once, not counted as new.
        if !known && file.articles.is_empty() {
            problems_into(tx, file_problems);
            continue;
        }
        if !file.articles.is_empty() {
            read.push((
                path.clone(),
                file.articles.iter().map(|a| a.doc.id).collect(),
            ));
        }
        // Touched, not changed: the same articles as listed (still stored, for its stamps).
        let sum = file
            .articles
            .iter()
            .fold(0u64, |sum, a| sum.wrapping_add(mix(&a.doc)));
        if held == Some(sum) && !file.articles.is_empty() {
            continue;
        }
        let msg = if known {
            found.changed += 1;
            Msg::Changed(Box::new(file))
        } else {
            found.new += 1;
            Msg::File(Box::new(file))
        };
        if tx.send(msg).is_err() {
            return found;
        }
        problems_into(tx, file_problems);
    }
    *looked.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(now);
    for gone in listed.into_keys().filter(|p| !seen.contains(*p)) {
        found.gone += 1;
        if tx.send(Msg::Gone(PathBuf::from(gone))).is_err() {
            return found;
        }
    }
    problems_into(tx, problems.iter().map(ToString::to_string));
    found
}

fn problems_into(tx: &Sender<Msg>, problems: impl IntoIterator<Item = String>) {
    for p in problems {
        let _ = tx.send(Msg::Problem(p));
    }
}
