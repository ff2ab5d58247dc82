//! An on-disk cache of ingest and extraction results, so a second start on an unchanged
//! corpus needs no reading or extracting at all.
//!
//! One file per set of corpus roots, in `$XDG_CACHE_HOME/khabar/` (else `~/.cache/khabar/`):
//! a header (magic, format number, khabar's version, payload length and checksum) and a
//! postcard-encoded table from each file's absolute path to its size, modification time,
//! content hash and the articles found in it (everything but their text). A file whose
//! size and modification time are unchanged is taken from the cache without being read;
//! one whose stamp changed but whose bytes hash the same is taken from the cache too; any
//! other is read and extracted again. A cache from another version, truncated or corrupt
//! fails its header or checksum and is rebuilt: it can cost time, never correctness.
//!
//! Why this format rather than an embedded database: the reader needs the whole table at
//! start-up anyway (the list, sidebar data and index cover every article), so one
//! sequential read and decode of a compact file is the fastest way in, and postcard is a
//! small, well-kept serde format; a key-value store would add a large dependency and
//! per-record overhead for no query the reader makes.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::corpus::{self, Article, Problem};
use crate::extract::{self, Analysis};
use crate::state::content_id;

const MAGIC: &[u8; 8] = b"KHABARC\x01";
const FORMAT: u32 = 2;

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

/// One article as cached: its structure (no text), its analysis and its content id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedArticle {
    pub article: Article,
    pub analysis: Analysis,
    pub id: u64,
}

/// What the cache remembers of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedFile {
    size: u64,
    mtime: (u64, u32),
    hash: u64,
    articles: Vec<CachedArticle>,
}

/// The cache of one corpus.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    files: HashMap<String, CachedFile>,
    fingerprint: u64,
}

/// A file's result: its articles (with text when the file was read) and, when it was read,
/// the record to store for next time.
pub struct FileResult {
    pub articles: Vec<CachedArticle>,
    pub problems: Vec<Problem>,
    pub update: Option<(String, CachedFile)>,
    /// Whether the articles came from the cache (their text is not loaded).
    pub cached: bool,
}

/// `$XDG_CACHE_HOME/khabar`, falling back to `~/.cache/khabar`.
pub fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("khabar"))
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

fn stamp(meta: &std::fs::Metadata) -> (u64, (u64, u32)) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .unwrap_or_default();
    (meta.len(), (mtime.as_secs(), mtime.subsec_nanos()))
}

impl Cache {
    /// A cache that remembers nothing and saves nothing (`--no-cache`).
    pub fn disabled() -> Self {
        Self::default()
    }

    /// Opens the cache at `path`. A missing file is an empty cache; a file of another
    /// version or a damaged one is an empty cache with a note saying it will be rebuilt.
    pub fn open(path: PathBuf, fingerprint: u64) -> (Self, Option<String>) {
        let empty = |path: PathBuf| Self {
            path: Some(path),
            files: HashMap::new(),
            fingerprint,
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (empty(path), None),
            Err(e) => {
                let note = format!("{}: {e}; cache not used", path.display());
                return (empty(path), Some(note));
            }
        };
        match decode(&bytes, fingerprint) {
            Ok(files) => (
                Self {
                    path: Some(path),
                    files,
                    fingerprint,
                },
                None,
            ),
            Err(why) => {
                let note = format!("{}: {why}; rebuilding the cache", path.display());
                (empty(path), Some(note))
            }
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The articles of `file` (shown as `display`), from the cache when the file is
    /// unchanged, else read and extracted.
    pub fn process(&self, file: &Path) -> FileResult {
        let display = file.display().to_string();
        let mut problems = Vec::new();
        let is_stdin = file.as_os_str() == "-";
        let key = if is_stdin { None } else { key_of(file) };
        let meta = if is_stdin {
            None
        } else {
            std::fs::metadata(file).ok()
        };
        let cached = key.as_ref().and_then(|k| self.files.get(k));
        if let (Some(c), Some(m)) = (cached, &meta) {
            let (size, mtime) = stamp(m);
            if c.size == size && c.mtime == mtime {
                return FileResult {
                    articles: relabel(&c.articles, &display),
                    problems,
                    update: None,
                    cached: true,
                };
            }
        }
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
                    update: None,
                    cached: false,
                };
            }
        };
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
        if let (Some(c), Some(m), Some(k)) = (cached, &meta, &key)
            && c.hash == hash
        {
            // Touched but not changed: keep the results, remember the new stamp.
            let (size, mtime) = stamp(m);
            let update = CachedFile {
                size,
                mtime,
                hash,
                articles: c.articles.clone(),
            };
            return FileResult {
                articles: relabel(&c.articles, &display),
                problems,
                update: Some((k.clone(), update)),
                cached: true,
            };
        }
        let json_lines =
            corpus::is_json_lines(file) || (is_stdin && bytes.trim_ascii_start().starts_with(b"{"));
        let mut articles: Vec<CachedArticle> =
            corpus::from_bytes(file, &bytes, json_lines, &mut problems)
                .into_iter()
                .map(|article| {
                    let analysis = extract::analyse(&article);
                    let id = content_id(&article);
                    CachedArticle {
                        article,
                        analysis,
                        id,
                    }
                })
                .collect();
        let update = match (key, meta) {
            (Some(k), Some(m)) => {
                let (size, mtime) = stamp(&m);
                // The cache never holds text: set it aside while copying the rest.
                let stored = articles
                    .iter_mut()
                    .map(|c| {
                        let text = std::mem::take(&mut c.article.text);
                        let copy = c.clone();
                        c.article.text = text;
                        copy
                    })
                    .collect();
                Some((
                    k,
                    CachedFile {
                        size,
                        mtime,
                        hash,
                        articles: stored,
                    },
                ))
            }
            _ => None,
        };
        FileResult {
            articles,
            problems,
            update,
            cached: false,
        }
    }

    /// Applies what a load learnt (new and changed files), forgets files not seen in it
    /// (removed ones), and writes the cache atomically if anything changed.
    pub fn save(
        &mut self,
        updates: Vec<(String, CachedFile)>,
        seen: &HashSet<String>,
    ) -> std::io::Result<()> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let before = self.files.len();
        self.files.retain(|k, _| seen.contains(k));
        let changed = !updates.is_empty() || self.files.len() != before;
        if !changed {
            return Ok(());
        }
        self.files.extend(updates);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension(format!("bin.tmp{}", std::process::id()));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        out.write_all(&encode(&self.files, self.fingerprint)?)?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, &path)
    }
}

/// The cache key of a file: its absolute path, made without touching the file system
/// (resolving symlinks would cost a system call per path component on every start).
pub fn key_of(file: &Path) -> Option<String> {
    std::path::absolute(file)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

/// Cached articles with the path as the user named it this time.
fn relabel(articles: &[CachedArticle], display: &str) -> Vec<CachedArticle> {
    articles
        .iter()
        .map(|c| {
            let mut c = c.clone();
            display.clone_into(&mut c.article.path);
            c
        })
        .collect()
}

fn encode(files: &HashMap<String, CachedFile>, fingerprint: u64) -> std::io::Result<Vec<u8>> {
    let payload = postcard::to_stdvec(files).map_err(std::io::Error::other)?;
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut out = Vec::with_capacity(payload.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(version.len() as u32).to_le_bytes());
    out.extend_from_slice(version);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

fn decode(bytes: &[u8], fingerprint: u64) -> Result<HashMap<String, CachedFile>, String> {
    let mut rest = bytes;
    let mut take = |n: usize| -> Result<&[u8], String> {
        if rest.len() < n {
            return Err("truncated cache file".to_owned());
        }
        let (head, tail) = rest.split_at(n);
        rest = tail;
        Ok(head)
    };
    if take(8)? != MAGIC {
        return Err("not a khabar cache file".to_owned());
    }
    let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or_default());
    let format = u32_of(take(4)?);
    let vlen = u32_of(take(4)?) as usize;
    let version = take(vlen)?.to_vec();
    if format != FORMAT || version != env!("CARGO_PKG_VERSION").as_bytes() {
        return Err("written by another version of khabar".to_owned());
    }
    if u64::from_le_bytes(take(8)?.try_into().unwrap_or_default()) != fingerprint {
        return Err("computed with other word lists".to_owned());
    }
    let len = u64::from_le_bytes(take(8)?.try_into().unwrap_or_default());
    let sum = u64::from_le_bytes(take(8)?.try_into().unwrap_or_default());
    let payload = take(usize::try_from(len).map_err(|_| "bad length")?)?;
    if xxhash_rust::xxh3::xxh3_64(payload) != sum {
        return Err("checksum mismatch (damaged cache file)".to_owned());
    }
    postcard::from_bytes(payload).map_err(|e| format!("unreadable cache ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> HashMap<String, CachedFile> {
        let article = corpus::from_text(
            "a.txt",
            "शीर्षक\n\nमोदी ने दिल्ली में सोमवार को कहा।\n".to_owned(),
        );
        let analysis = extract::analyse(&article);
        let id = content_id(&article);
        let file = CachedFile {
            size: 10,
            mtime: (1, 2),
            hash: 3,
            articles: vec![CachedArticle {
                article,
                analysis,
                id,
            }],
        };
        HashMap::from([("/x/a.txt".to_owned(), file)])
    }

    #[test]
    fn round_trip_keeps_everything_but_text() {
        let files = sample();
        let back = decode(&encode(&files, 7).unwrap(), 7).unwrap();
        let (a, b) = (
            &files["/x/a.txt"].articles[0],
            &back["/x/a.txt"].articles[0],
        );
        assert_eq!(a.analysis, b.analysis);
        assert_eq!(a.article.title, b.article.title);
        assert_eq!(a.article.paragraphs, b.article.paragraphs);
        assert!(b.article.text.is_empty());
    }

    #[test]
    fn damaged_files_are_refused_not_trusted() {
        let bytes = encode(&sample(), 7).unwrap();
        assert!(
            decode(&bytes[..bytes.len() - 5], 7)
                .unwrap_err()
                .contains("truncated")
        );
        let mut flipped = bytes.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x55;
        assert!(decode(&flipped, 7).unwrap_err().contains("checksum"));
        assert!(decode(&bytes, 8).unwrap_err().contains("other word lists"));
        let mut other = bytes;
        other[8] = 9;
        assert!(decode(&other, 7).unwrap_err().contains("another version"));
        assert!(decode(b"garbage", 7).is_err());
        assert!(decode(b"", 7).is_err());
    }
}
