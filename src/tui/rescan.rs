//! `R` looks again at the files and folders the reader was opened on, on a worker: files
//! added since join the list, files changed since are read again, files deleted leave it.
//! The loader checks every file once at start; without this, a folder that gains articles
//! all day needed the reader restarted to show them.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::SyncSender as Sender;
use std::time::SystemTime;

use super::event::Msg;

/// How far before the last look a file's times still count as after it.
const MARGIN: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether `path` was written, or put where it is (moved in, copied with its old time kept:
/// its status change time says when), at `since` or later.
fn touched_since(path: &std::path::Path, since: SystemTime) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    let written = meta.modified().is_ok_and(|at| at >= since);
    #[cfg(unix)]
    let placed = {
        use std::os::unix::fs::MetadataExt;
        let at = std::time::UNIX_EPOCH
            + std::time::Duration::new(
                u64::try_from(meta.ctime()).unwrap_or(0),
                u32::try_from(meta.ctime_nsec()).unwrap_or(0),
            );
        at >= since
    };
    #[cfg(not(unix))]
    let placed = false;
    written || placed
}

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

/// What to look at again: the files and folders the reader was opened on, and the paths
/// of the articles in its list (in the spelling the walk gives them).
pub struct Look {
    pub roots: Vec<PathBuf>,
    pub listed: Vec<Arc<str>>,
}

impl Look {
    /// Walks the roots (on the caller's thread, a worker) and tells the loop what changed
    /// since `since`: [`Msg::File`], [`Msg::Changed`] and [`Msg::Gone`] as the loader sends
    /// them, then [`Msg::Rescanned`].
    pub fn run(&self, tx: &Sender<Msg>, since: SystemTime) {
        // A write just before the last look may carry a time a little before it (the
        // clock file systems stamp with is coarse): looked at once more, not missed.
        let found = rescan(tx, &self.roots, &self.listed, since - MARGIN);
        let _ = tx.send(Msg::Rescanned(found));
    }
}

/// The walk itself (see [`Look::run`]): files written or put in place at `since` or
/// later are read; stops early when the loop has gone.
pub fn rescan(
    tx: &Sender<Msg>,
    roots: &[PathBuf],
    listed: &[Arc<str>],
    since: SystemTime,
) -> Rescanned {
    let under_roots = |p: &str| roots.iter().any(|r| std::path::Path::new(p).starts_with(r));
    let listed: HashSet<&str> = listed
        .iter()
        .map(|p| &**p)
        .filter(|p| under_roots(p))
        .collect();
    let mut problems = Vec::new();
    let files = crate::corpus::files(roots, &mut problems);
    let mut found = Rescanned::default();
    let mut seen: HashSet<String> = HashSet::with_capacity(files.len());
    for path in files {
        let key = path.to_string_lossy().into_owned();
        // Roots inside one another walk a file twice.
        if !seen.insert(key.clone()) {
            continue;
        }
        // Not listed and not new: a file with no article (empty, binary) read at start.
        let known = listed.contains(key.as_str());
        if !touched_since(&path, since) {
            continue;
        }
        let (file, file_problems) = crate::library::read_file(&path);
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
        for p in file_problems {
            let _ = tx.send(Msg::Problem(p));
        }
    }
    for gone in listed.into_iter().filter(|p| !seen.contains(*p)) {
        found.gone += 1;
        if tx.send(Msg::Gone(PathBuf::from(gone))).is_err() {
            return found;
        }
    }
    for p in problems {
        let _ = tx.send(Msg::Problem(p.to_string()));
    }
    found
}
