//! Expanding the paths a user gives into the article files to read.
//!
//! Folders are walked recursively in sorted order (so the list is the same on every run),
//! following symlinks but surviving loops, and hidden entries are skipped.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::error::Problem;

/// File endings read when walking a folder. A file named directly is read whatever its name.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "jsonl", "ndjson"];

/// Whether a file holds JSON Lines records rather than one plain-text article.
pub fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Comma- or tab-separated tables: named directly they would otherwise be read as one
/// article of run-together fields.
fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
}

/// A feed document saved to disk, named directly: a `.xml`, `.rss` or `.atom` file whose
/// first kilobytes hold an RSS or Atom root (another XML file is read as text, as before).
fn is_feed(path: &Path) -> bool {
    use std::io::Read;
    let named = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xml", "rss", "atom"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    // Only a regular file is looked into: a named pipe would wait for its writer.
    if !named || !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    let head = String::from_utf8_lossy(&head);
    read.is_ok()
        && ["<rss", "<feed", "<rdf:RDF"]
            .iter()
            .any(|root| head.contains(root))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

/// The files under `path` (or `path` itself), with problems met on the way.
pub fn expand(path: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    expand_each(path, &mut |f| files.push(f), &mut |p| problems.push(p));
    files
}

/// Like [`expand`], but hands each file over as soon as it is found, so a reader can start
/// on the first articles of a huge folder before the walk ends.
pub fn expand_each(
    path: &Path,
    on_file: &mut dyn FnMut(PathBuf),
    on_problem: &mut dyn FnMut(Problem),
) {
    expand_tracking(path, on_file, &mut |_| {}, on_problem);
}

/// Like `expand_each`, also calling `on_folder` with each folder walked, before its
/// entries are read: a store that keeps the folders' modification times from then knows
/// that a file added or removed later changes one of them.
pub fn expand_tracking(
    path: &Path,
    on_file: &mut dyn FnMut(PathBuf),
    on_folder: &mut dyn FnMut(&Path),
    on_problem: &mut dyn FnMut(Problem),
) {
    if path.as_os_str() == "-" {
        on_file(path.to_owned());
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            on_problem(Problem::Missing(path.to_owned()));
            return;
        }
        Err(e) => {
            // A path named by the user that is a link round a loop loads nothing: an error.
            on_problem(match Problem::unreadable(path, &e) {
                Problem::Loop(path) => Problem::Unreadable {
                    path,
                    reason: "symlink loop; not followed".to_owned(),
                },
                other => other,
            });
            return;
        }
    };
    if !meta.is_dir() {
        if is_csv(path) {
            on_problem(Problem::Unsupported(path.to_owned()));
        } else if is_feed(path) {
            on_problem(Problem::Feed(path.to_owned()));
        } else {
            on_file(path.to_owned());
        }
        return;
    }
    let mut found = false;
    let mut root_failed = false;
    let walker = WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    // `walkdir` sees a loop only when a link leads to a folder above it in this walk: a
    // link to the folder above the root (`loop -> ..`) would walk the root once more
    // below it before that. So every folder is walked once, whatever way it is reached; a
    // way back to the root (or above it) is a loop, a second link to a folder (`latest ->
    // 2024`) just a second name for it.
    let mut entered = Folders::above(path);
    let mut again = Vec::new();
    let keep = |e: &walkdir::DirEntry| {
        if is_hidden(e) {
            return false;
        }
        if e.file_type().is_dir() {
            match entered.visit(e) {
                Visit::First => {}
                Visit::Again => return false,
                Visit::Back => {
                    again.push(e.path().to_owned());
                    return false;
                }
            }
        }
        true
    };
    for entry in walker.filter_entry(keep) {
        match entry {
            Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                found = true;
                on_file(e.into_path());
            }
            Ok(e) if e.file_type().is_dir() => on_folder(e.path()),
            Ok(_) => {}
            Err(e) => {
                root_failed |= e.depth() == 0;
                let at = e.path().unwrap_or(path).to_owned();
                if e.loop_ancestor().is_some() {
                    on_problem(Problem::Loop(at));
                } else if let Some(io) = e.io_error() {
                    on_problem(Problem::unreadable(&at, io));
                } else {
                    let reason = e.to_string();
                    on_problem(Problem::Unreadable { path: at, reason });
                }
            }
        }
    }
    for folder in again {
        on_problem(Problem::Loop(folder));
    }
    // A folder that could not be read is said so already; "no articles here" would
    // give the wrong advice.
    if !found && !root_failed {
        on_problem(Problem::NoArticles(path.to_owned()));
    }
}

/// The folders a walk has entered, and the root and the folders above it, by device and
/// inode.
#[derive(Default)]
struct Folders {
    entered: std::collections::HashSet<(u64, u64)>,
    above: std::collections::HashSet<(u64, u64)>,
}

/// What entering a folder is.
enum Visit {
    First,
    /// A folder walked already, by another name.
    Again,
    /// The way back to the root or above it.
    Back,
}

impl Folders {
    /// For a walk from `root`.
    fn above(root: &Path) -> Self {
        let mut folders = Self::default();
        #[cfg(unix)]
        if let Ok(real) = std::fs::canonicalize(root) {
            use std::os::unix::fs::MetadataExt;
            folders.above = real
                .ancestors()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| (m.dev(), m.ino()))
                .collect();
        }
        let _ = root;
        folders
    }

    /// What entering folder `e` is (one whose identity cannot be read is new).
    fn visit(&mut self, e: &walkdir::DirEntry) -> Visit {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if let Ok(m) = e.metadata() {
                let id = (m.dev(), m.ino());
                if e.depth() > 0 && self.above.contains(&id) {
                    return Visit::Back;
                }
                if !self.entered.insert(id) {
                    return Visit::Again;
                }
            }
        }
        let _ = e;
        Visit::First
    }
}
