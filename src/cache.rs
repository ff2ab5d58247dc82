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
const FORMAT: u32 = 3;

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

/// Size and modification time of a file.
type Stamp = (u64, (u64, u32));

/// One file's record, borrowing its articles' encoding from the cache file: the articles
/// are decoded only when the file is found unchanged, on the loader's worker threads.
#[derive(Serialize, Deserialize)]
struct Record<'a> {
    key: &'a str,
    stamp: Stamp,
    hash: u64,
    #[serde(borrow)]
    articles: Blob<'a>,
}

/// Bytes that postcard stores as one length-prefixed run and reads back without copying.
struct Blob<'a>(&'a [u8]);

impl Serialize for Blob<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Blob<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Blob<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(
                self,
                v: &'de [u8],
            ) -> Result<Blob<'de>, E> {
                Ok(Blob(v))
            }
        }
        d.deserialize_bytes(Visit)
    }
}

/// What the cache knows of one file: its stamp, content hash, and where its encoded
/// articles are in the loaded cache file.
#[derive(Debug, Clone)]
struct Known {
    stamp: Stamp,
    hash: u64,
    blob: std::ops::Range<usize>,
}

/// A file's new record, to be written by [`Cache::save`].
#[derive(Debug)]
pub struct Update {
    key: String,
    stamp: Stamp,
    hash: u64,
    articles: Vec<u8>,
}

/// The cache of one corpus.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    /// The payload of the cache file as read; `files` point into it.
    payload: Vec<u8>,
    files: HashMap<String, Known>,
    fingerprint: u64,
}

/// A file's result: its articles (with text when the file was read) and, when it was read,
/// the record to store for next time.
pub struct FileResult {
    pub articles: Vec<CachedArticle>,
    pub problems: Vec<Problem>,
    pub update: Option<Update>,
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

    /// Opens the cache at `path`. A missing file is an empty cache; a file of another
    /// version, other word lists, or a damaged one is an empty cache with a note saying it
    /// will be rebuilt.
    pub fn open(path: PathBuf, fingerprint: u64) -> (Self, Option<String>) {
        let shown = path.display().to_string();
        let bytes = std::fs::read(&path);
        let mut cache = Self {
            path: Some(path),
            fingerprint,
            ..Self::default()
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => {
                return (cache, Some(format!("{shown}: {e}; cache not used")));
            }
        };
        match decode(bytes, fingerprint) {
            Ok((payload, files)) => {
                cache.payload = payload;
                cache.files = files;
                (cache, None)
            }
            Err(why) => (cache, Some(format!("{shown}: {why}; rebuilding the cache"))),
        }
    }

    /// The cached articles of a known file, labelled with the path as named this time.
    fn cached(&self, known: &Known, display: &str) -> Option<Vec<CachedArticle>> {
        let mut articles: Vec<CachedArticle> =
            postcard::from_bytes(self.payload.get(known.blob.clone())?).ok()?;
        for a in &mut articles {
            display.clone_into(&mut a.article.path);
        }
        Some(articles)
    }

    /// The articles of `file`, from the cache when the file is unchanged, else read and
    /// extracted.
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
        let known = key.as_ref().and_then(|k| self.files.get(k));
        if let (Some(k), Some(m)) = (known, &meta)
            && k.stamp == stamp(m)
            && let Some(articles) = self.cached(k, &display)
        {
            return FileResult {
                articles,
                problems,
                update: None,
                cached: true,
            };
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
        if let (Some(k), Some(m), Some(key)) = (known, &meta, &key)
            && k.hash == hash
            && let Some(articles) = self.cached(k, &display)
        {
            // Touched but not changed: keep the results, remember the new stamp.
            let update = Update {
                key: key.clone(),
                stamp: stamp(m),
                hash,
                articles: self.payload[k.blob.clone()].to_vec(),
            };
            return FileResult {
                articles,
                problems,
                update: Some(update),
                cached: true,
            };
        }
        let json_lines =
            corpus::is_json_lines(file) || (is_stdin && bytes.trim_ascii_start().starts_with(b"{"));
        let articles: Vec<CachedArticle> =
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
        // Text is not serialised (`#[serde(skip)]`), so this encodes everything else.
        let update = match (key, meta, postcard::to_stdvec(&articles)) {
            (Some(key), Some(m), Ok(encoded)) => Some(Update {
                key,
                stamp: stamp(&m),
                hash,
                articles: encoded,
            }),
            _ => None,
        };
        FileResult {
            articles,
            problems,
            update,
            cached: false,
        }
    }

    /// Writes what a load learnt (new and changed files), keeping unchanged files' records
    /// as they were and dropping files not seen in it (removed ones), atomically, and only
    /// if anything changed.
    pub fn save(&mut self, updates: &[Update], seen: &HashSet<String>) -> std::io::Result<()> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let removed = self.files.keys().any(|k| !seen.contains(k));
        if updates.is_empty() && !removed {
            return Ok(());
        }
        let fresh: HashMap<&str, &Update> = updates.iter().map(|u| (u.key.as_str(), u)).collect();
        let mut records: Vec<Record<'_>> = updates
            .iter()
            .map(|u| Record {
                key: &u.key,
                stamp: u.stamp,
                hash: u.hash,
                articles: Blob(&u.articles),
            })
            .collect();
        for (key, known) in &self.files {
            if seen.contains(key) && !fresh.contains_key(key.as_str()) {
                let articles = Blob(&self.payload[known.blob.clone()]);
                records.push(Record {
                    key,
                    stamp: known.stamp,
                    hash: known.hash,
                    articles,
                });
            }
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension(format!("bin.tmp{}", std::process::id()));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        out.write_all(&encode(&records, self.fingerprint)?)?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, &path)
    }
}

fn encode(records: &[Record<'_>], fingerprint: u64) -> std::io::Result<Vec<u8>> {
    let payload = postcard::to_stdvec(records).map_err(std::io::Error::other)?;
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

/// The payload of a cache file and where each file's record points into it.
type Decoded = (Vec<u8>, HashMap<String, Known>);

fn decode(bytes: Vec<u8>, fingerprint: u64) -> Result<Decoded, String> {
    let mut at = 0;
    let mut take = |n: usize| -> Result<std::ops::Range<usize>, String> {
        if bytes.len() - at < n {
            return Err("truncated cache file".to_owned());
        }
        at += n;
        Ok(at - n..at)
    };
    let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or_default());
    let u64_of = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
    if bytes[take(8)?] != *MAGIC {
        return Err("not a khabar cache file".to_owned());
    }
    let format = u32_of(&bytes[take(4)?]);
    let vlen = u32_of(&bytes[take(4)?]) as usize;
    let version = take(vlen)?;
    if format != FORMAT || bytes[version] != *env!("CARGO_PKG_VERSION").as_bytes() {
        return Err("written by another version of khabar".to_owned());
    }
    if u64_of(&bytes[take(8)?]) != fingerprint {
        return Err("computed with other word lists".to_owned());
    }
    let len = usize::try_from(u64_of(&bytes[take(8)?])).map_err(|_| "bad length")?;
    let sum = u64_of(&bytes[take(8)?]);
    let payload_range = take(len)?;
    let mut payload = bytes;
    payload.truncate(payload_range.end);
    payload.drain(..payload_range.start);
    if xxhash_rust::xxh3::xxh3_64(&payload) != sum {
        return Err("checksum mismatch (damaged cache file)".to_owned());
    }
    let records: Vec<Record<'_>> =
        postcard::from_bytes(&payload).map_err(|e| format!("unreadable cache ({e})"))?;
    let base = payload.as_ptr() as usize;
    let files = records
        .iter()
        .map(|r| {
            let start = r.articles.0.as_ptr() as usize - base;
            (
                r.key.to_owned(),
                Known {
                    stamp: r.stamp,
                    hash: r.hash,
                    blob: start..start + r.articles.0.len(),
                },
            )
        })
        .collect();
    drop(records);
    Ok((payload, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_update() -> Update {
        let article = corpus::from_text(
            "a.txt",
            "शीर्षक\n\nमोदी ने दिल्ली में सोमवार को कहा।\n".to_owned(),
        );
        let analysis = extract::analyse(&article);
        let id = content_id(&article);
        let articles = postcard::to_stdvec(&vec![CachedArticle {
            article,
            analysis,
            id,
        }])
        .unwrap();
        Update {
            key: "/x/a.txt".to_owned(),
            stamp: (10, (1, 2)),
            hash: 3,
            articles,
        }
    }

    fn encoded(u: &Update, fingerprint: u64) -> Vec<u8> {
        let record = Record {
            key: &u.key,
            stamp: u.stamp,
            hash: u.hash,
            articles: Blob(&u.articles),
        };
        encode(&[record], fingerprint).unwrap()
    }

    #[test]
    fn round_trip_keeps_everything_but_text() {
        let u = sample_update();
        let (payload, files) = decode(encoded(&u, 7), 7).unwrap();
        let known = &files["/x/a.txt"];
        assert_eq!((known.stamp, known.hash), (u.stamp, u.hash));
        let cache = Cache {
            path: None,
            payload,
            files: files.clone(),
            fingerprint: 7,
        };
        let back = cache.cached(known, "shown/a.txt").unwrap();
        let original: Vec<CachedArticle> = postcard::from_bytes(&u.articles).unwrap();
        assert_eq!(back[0].analysis, original[0].analysis);
        assert_eq!(back[0].article.title, "शीर्षक");
        assert_eq!(back[0].article.path, "shown/a.txt");
        assert!(back[0].article.text.is_empty());
    }

    #[test]
    fn damaged_files_are_refused_not_trusted() {
        let bytes = encoded(&sample_update(), 7);
        assert!(
            decode(bytes[..bytes.len() - 5].to_vec(), 7)
                .unwrap_err()
                .contains("truncated")
        );
        let mut flipped = bytes.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x55;
        assert!(decode(flipped, 7).unwrap_err().contains("checksum"));
        assert!(
            decode(bytes.clone(), 8)
                .unwrap_err()
                .contains("other word lists")
        );
        let mut other = bytes;
        other[8] = 9;
        assert!(decode(other, 7).unwrap_err().contains("another version"));
        assert!(decode(b"garbage".to_vec(), 7).is_err());
        assert!(decode(Vec::new(), 7).is_err());
    }
}
