//! An on-disk cache of ingest and extraction results, so a second start on an unchanged
//! corpus reads and extracts nothing, and decodes only what the list and index need.
//!
//! One file per set of corpus roots, in `$XDG_CACHE_HOME/khabar/` (else `~/.cache/khabar/`):
//!
//! 1. a header: magic, format number, khabar's version, a fingerprint of the word lists,
//!    and the length and checksum of each section;
//! 2. the lookup section: the entity table with each entity's articles, and the corpus
//!    folders with their modification times, for quick entity queries (see [`Quick`]);
//! 3. the heads section: each article's path, stamp and list entry, in checksummed chunks,
//!    for the same queries to decode only the articles they name;
//! 4. the catalog (postcard, in parts decoded on all cores): every file's absolute path,
//!    size, modification time and content hash; every article's list entry and where its
//!    details are; and the corpus [`Index`] itself, so a warm start files nothing;
//! 5. the details: each article's full structure and analysis, encoded, one after the
//!    other, each with its own checksum in the catalog. They are read one at a time, when an
//!    article is shown, and never all held in memory.
//!
//! A file whose size and modification time are unchanged is taken from the cache without
//! being read; one whose stamp changed but whose bytes hash the same keeps its results; any
//! other is read and extracted again. A cache from another version, truncated or corrupt
//! fails its header or a checksum and is rebuilt (a damaged detail only costs re-reading
//! that one article): it can cost time, never correctness.
//!
//! Why this format rather than an embedded database: the reader needs the whole list and
//! index at start-up anyway, so one sequential read and decode of a compact catalog is the
//! fastest way in, and the details need only "read these bytes"; postcard is a small,
//! well-kept serde format. A key-value store would add a large dependency and per-record
//! overhead for no query the reader makes.

mod compact;
mod file;
mod heads;
mod pack;
mod quick;
mod stream;
mod warm;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

pub use file::{Details, open_quick, write};
pub use pack::{Arrival, Doc, Packed, lite, pack, unpack};
pub use quick::{Listed, Listing, Quick};
pub use warm::Revalidated;
use warm::Stored;

use crate::corpus::{self, Article, Problem};
use crate::extract;
use crate::index::Index;
use crate::state::content_id;

/// The word lists extraction depends on: a change to any of them (or to the user's
/// gazetteer) makes cached results stale.
const RULES: [&str; 7] = [
    include_str!("../assets/markers.toml"),
    include_str!("../assets/dates.toml"),
    include_str!("../assets/entity-words.toml"),
    include_str!("../assets/gazetteer-places.toml"),
    include_str!("../assets/gazetteer-people.toml"),
    include_str!("../assets/gazetteer-organizations.toml"),
    env!("CARGO_PKG_VERSION"),
];

/// A fingerprint of everything the cached results were computed from: khabar's version, its
/// word lists, and `extra` (the user's gazetteer text, if any).
pub fn fingerprint(extra: &str) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in RULES.iter().chain([&extra]) {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.digest()
}

/// Size and modification time of a file.
pub type Stamp = (u64, (u64, u32));

/// What identifies one version of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// The absolute path.
    pub key: String,
    pub stamp: Stamp,
    /// xxh3 of the file's bytes.
    pub hash: u64,
    /// Whether it was read without a problem. A file with one is read again on every start,
    /// so its warning is never lost to the cache.
    pub clean: bool,
}

/// One article in the catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DocRec {
    /// The list entry ([`lite`]); its path is set again from the file when loaded.
    article: Article,
    id: u64,
    /// Its file, in the catalog's `files`.
    file: u32,
    /// Where its details are in the details section, and their checksum.
    at: u64,
    len: u32,
    hash: u64,
}

/// Everything but the details, as read (see `file::CatalogParts` for how it is stored).
#[derive(Debug, Default)]
struct Catalog {
    files: Vec<FileStamp>,
    docs: Vec<DocRec>,
    index: Index,
}

/// A loaded corpus: files, articles and index numbered alike, and the cache file stored
/// details are read from. What a warm start takes from the cache, and what is written back.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: Vec<FileStamp>,
    pub docs: Vec<Doc>,
    pub index: Index,
    pub details: Option<Arc<Details>>,
}

impl Snapshot {
    /// Adds one file's articles (as read by [`Cache::process`]).
    pub fn add(&mut self, result: FileResult) {
        let file = result.stamp.map(|s| {
            self.files.push(s);
            u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX)
        });
        for a in result.articles {
            self.index.add_facts(&a.article, &a.facts);
            self.docs.push(Doc {
                article: a.article,
                id: a.id,
                file,
                packed: a.packed,
            });
        }
    }
}

/// A file's result: its articles and, when the file could be keyed, its stamp.
#[derive(Debug)]
pub struct FileResult {
    pub articles: Vec<Arrival>,
    pub problems: Vec<Problem>,
    pub stamp: Option<FileStamp>,
}

/// The cache of one corpus.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    fingerprint: u64,
    catalog: Catalog,
    details: Option<Arc<Details>>,
    /// Catalog entries of files that were not unchanged at [`Cache::warm`], by key, in case
    /// their bytes turn out the same.
    touched: HashMap<String, (FileStamp, Vec<Stored>)>,
    /// After [`Cache::warm_all`]: the catalog's files, and each article's file and details.
    known: Vec<FileStamp>,
    stored: Vec<(u32, Stored)>,
    /// The corpus roots (as given and absolute) and when loading them began, for naming
    /// files as the walk does and for the folders a quick query checks (see [`Quick`]).
    roots: Vec<(PathBuf, PathBuf)>,
    started: Option<std::time::SystemTime>,
    /// Whether the file must be written again though no article changed: a part of it was
    /// found damaged, or its watched folders out of date (see [`Cache::check_quick`]).
    damaged: bool,
}

/// `$XDG_CACHE_HOME/khabar`, falling back to `~/.cache/khabar`.
pub fn default_dir() -> Option<PathBuf> {
    crate::dirs::cache_dir()
}

/// The cache file for a set of corpus roots (the same roots give the same file, whatever
/// the working directory).
pub fn file_for(dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for root in roots {
        let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        h.update(canonical.to_string_lossy().as_bytes());
        h.update(&[0]);
    }
    dir.join(format!("corpus-{:016x}.bin", h.digest()))
}

/// Removes every cache file khabar wrote; returns how many.
pub fn clear(dir: &Path) -> std::io::Result<usize> {
    let mut n = 0;
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.starts_with("corpus-")
                    && (name.ends_with(".bin") || name.contains(".bin.tmp"))
                {
                    std::fs::remove_file(e.path())?;
                    n += 1;
                }
            }
            Ok(n)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
        Err(e) => Err(e),
    }
}

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .unwrap_or_default();
    (meta.len(), (mtime.as_secs(), mtime.subsec_nanos()))
}

/// The cache key of a file: its absolute path, made without touching the file system
/// (resolving symlinks would cost a system call per path component on every start).
pub fn key_of(file: &Path) -> Option<String> {
    std::path::absolute(file)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

impl Cache {
    /// A cache that remembers nothing and saves nothing (`--no-cache`).
    pub fn disabled() -> Self {
        Self::default()
    }

    /// Opens the cache at `path`, reading its catalog (not its details). A missing file is
    /// an empty cache; a file of another version, other word lists, or a damaged one is an
    /// empty cache with a note saying it will be rebuilt.
    pub fn open(path: PathBuf, fingerprint: u64) -> (Self, Option<String>) {
        let shown = path.display().to_string();
        let opened = file::open(&path, fingerprint);
        let mut cache = Self {
            path: Some(path),
            fingerprint,
            ..Self::default()
        };
        match opened {
            Ok(None) => (cache, None),
            Ok(Some((catalog, details))) => {
                cache.catalog = catalog;
                cache.details = Some(Arc::new(details));
                (cache, None)
            }
            Err(why) => (cache, Some(format!("{shown}: {why}; rebuilding the cache"))),
        }
    }

    /// Records the roots being loaded, now (before walking them), so a saved cache can
    /// answer quick queries.
    pub fn watch(&mut self, roots: &[PathBuf]) {
        self.roots = roots
            .iter()
            .filter_map(|r| Some((r.clone(), std::path::absolute(r).ok()?)))
            .collect();
        // Modification times can be coarse: anything touched just before counts as during.
        self.started = std::time::SystemTime::now().checked_sub(std::time::Duration::from_secs(2));
    }

    /// Where the cache is written, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The fingerprint of the rules the cached results were computed with.
    pub const fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Whether the catalog knows any file.
    pub fn is_empty(&self) -> bool {
        self.catalog.files.is_empty()
    }

    /// The articles of `file`: its cached results when its bytes are unchanged, else read
    /// and extracted. Texts come back folded for search, not whole.
    pub fn process(&self, file: &Path) -> FileResult {
        self.process_with(file, true)
    }

    /// [`Cache::process`], keeping the folded search texts only when `keep_folded`. A
    /// JSON Lines file is streamed, never held whole.
    pub fn process_with(&self, file: &Path, keep_folded: bool) -> FileResult {
        if file.as_os_str() != "-" && corpus::is_json_lines(file) {
            return self.process_streamed(file, keep_folded);
        }
        let mut result = self.process_whole(file);
        if !keep_folded {
            for a in &mut result.articles {
                a.folded = None;
            }
        }
        result
    }

    fn process_whole(&self, file: &Path) -> FileResult {
        let mut problems = Vec::new();
        let is_stdin = file.as_os_str() == "-";
        let key = if is_stdin { None } else { key_of(file) };
        let meta = if is_stdin {
            None
        } else {
            std::fs::metadata(file).ok()
        };
        let bytes = if is_stdin {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).map(|_| buf)
        } else {
            std::fs::read(file)
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                problems.push(Problem::Unreadable {
                    path: file.to_owned(),
                    reason: e.to_string(),
                });
                return FileResult {
                    articles: Vec::new(),
                    problems,
                    stamp: None,
                };
            }
        };
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
        let file_stamp = match (key, &meta) {
            (Some(key), Some(m)) => Some(FileStamp {
                key,
                stamp: stamp(m),
                hash,
                clean: true,
            }),
            _ => None,
        };
        let json_lines =
            corpus::is_json_lines(file) || (is_stdin && bytes.trim_ascii_start().starts_with(b"{"));
        let parsed = corpus::from_vec(file, bytes, json_lines, &mut problems);
        let reused = file_stamp
            .as_ref()
            .and_then(|s| self.same_bytes(s, &parsed));
        let articles = match reused {
            Some(articles) => articles,
            None => parsed
                .iter()
                .map(|article| {
                    let analysis = extract::analyse(article);
                    Arrival::new(article, &analysis, content_id(article))
                })
                .collect(),
        };
        let mut stamp = file_stamp;
        if let Some(s) = &mut stamp {
            s.clean = problems.is_empty();
        }
        FileResult {
            articles,
            problems,
            stamp,
        }
    }

    /// Checks the sections only quick queries read (a load does not need them, so opening
    /// skips them); if they are damaged, the cache will be written again, and the reason is
    /// returned.
    ///
    /// Folders that changed since the cache was written are noted too: even when no article
    /// changed with them, the cache is written again so quick queries can trust it.
    pub fn check_quick(&mut self) -> Option<String> {
        let path = self.path.as_ref()?;
        match file::check_quick(path, self.fingerprint) {
            Ok(Some(watched)) => {
                self.damaged |= !quick::unchanged(&watched);
                None
            }
            Ok(None) => None,
            Err(why) => {
                self.damaged = true;
                Some(format!("{}: {why}; rebuilding the cache", path.display()))
            }
        }
    }

    /// Whether a load that read `processed` files has anything to write: new or changed
    /// files, files the catalog knew that were not found again, or damage.
    pub fn changed(&self, processed: usize) -> bool {
        self.path.is_some() && (processed > 0 || !self.touched.is_empty() || self.damaged)
    }

    /// Writes a loaded corpus to this cache (see [`write()`]).
    pub fn save(&self, snapshot: &Snapshot) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let watched = match self.started {
            Some(since) if !self.roots.is_empty() => quick::watched(
                &self
                    .roots
                    .iter()
                    .map(|(_, a)| a.clone())
                    .collect::<Vec<_>>(),
                since,
            ),
            _ => Vec::new(),
        };
        let written = write(
            path,
            self.fingerprint,
            &snapshot.files,
            &snapshot.docs,
            &snapshot.index,
            snapshot.details.as_deref(),
            &watched,
        );
        if written
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::InvalidData)
        {
            // A damaged article in the old file: without it, the next start rebuilds.
            let _ = std::fs::remove_file(path);
        }
        written
    }

    /// The cached articles of a file that was touched but whose bytes are the same: its
    /// analyses are reused, its texts (just parsed) folded for search.
    fn same_bytes(&self, now: &FileStamp, parsed: &[Article]) -> Option<Vec<Arrival>> {
        let (before, recs) = self.touched.get(&now.key)?;
        if before.hash != now.hash || recs.len() != parsed.len() {
            return None;
        }
        recs.iter()
            .zip(parsed)
            .map(|(rec, article)| self.reuse(rec, article))
            .collect()
    }
}
