//! Answering `khabar list --person NAME` from the cache without loading the corpus: a
//! lookup section (the entity table with its article lists, and the folders watched) and
//! a heads section (each article's path, stamp and list entry, found by an offset table,
//! decoded only for the articles a query keeps).
//!
//! Freshness is checked the way mail indexers such as notmuch do it: a file added, removed
//! or renamed changes its folder's modification time, so the watched folders are compared
//! (a few hundred `stat` calls, not one per file). A file rewritten in place (not replaced
//! by a rename, as editors and most downloaders do) is the one change this misses; the
//! reader and `list` with other filters stat every file, and `list --rescan` forces it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{Stamp, stamp};
use crate::extract::dates::Published;
use crate::index::{DocInfo, EntityInfo, Index};

/// The lookup section, borrowed from its bytes (the article lists are not copied).
#[derive(Debug, Default, Deserialize)]
pub(super) struct Lookup<'a> {
    /// Absolute paths whose stamp must be unchanged for the catalog to be complete: the
    /// corpus folders (and root files).
    pub watched: Vec<(String, Stamp)>,
    /// Whether every file was read without a problem (a quick answer could not repeat the
    /// warnings of those that were not).
    pub clean: bool,
    /// The entities, without their article lists (`docs` is empty)...
    pub entities: Vec<EntityInfo>,
    /// ...which are here, in `postings` at `(start, len)` for entity `i`: decoded only for
    /// the entities a query names.
    pub spans: Vec<(u32, u32)>,
    /// [`Postings`] as written.
    pub postings: &'a [u8],
}

/// Article lists as ascending numbers, each stored as its gap from the previous one in
/// LEB128 (one or two bytes for most); read back by [`postings`].
#[derive(Debug, Default)]
pub(super) struct Postings(pub Vec<u8>);

impl Postings {
    /// Appends `docs` (ascending); returns where they are.
    pub fn push(&mut self, docs: &[u32]) -> (u32, u32) {
        let start = self.0.len();
        let mut prev = 0u32;
        for &d in docs {
            let mut gap = d.wrapping_sub(prev);
            prev = d;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    self.0.push(byte);
                    break;
                }
                self.0.push(byte | 0x80);
            }
        }
        let len = self.0.len() - start;
        (
            u32::try_from(start).unwrap_or(u32::MAX),
            u32::try_from(len).unwrap_or(u32::MAX),
        )
    }
}

/// The list at `(start, len)` of [`Postings`] bytes.
fn postings(all: &[u8], (start, len): (u32, u32)) -> Option<Vec<u32>> {
    let bytes = all.get(start as usize..(start as usize).checked_add(len as usize)?)?;
    // At least a byte each: sized once, as growing it would touch fresh memory again and
    // again (page faults are most of a quick query's cost).
    let mut out = Vec::with_capacity(bytes.len());
    let (mut prev, mut gap, mut shift) = (0u32, 0u32, 0u32);
    for &b in bytes {
        gap |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            prev = prev.wrapping_add(gap);
            out.push(prev);
            (gap, shift) = (0, 0);
        } else {
            shift += 7;
        }
    }
    Some(out)
}

impl Serialize for Postings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

/// One article in the heads section: what a listed row shows and sorts by, nothing more
/// (the less there is, the less a query reads). Borrowed from the chunk it is read from,
/// so only what a row keeps is copied.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Head<'a> {
    #[serde(borrow, deserialize_with = "text")]
    pub key: &'a str,
    #[serde(borrow, deserialize_with = "text")]
    pub title: &'a str,
    #[serde(borrow, deserialize_with = "some_text")]
    pub source: Option<&'a str>,
    pub published: Option<Published>,
    pub line: Option<usize>,
}

/// Text borrowed from a heads chunk, checked as UTF-8 by `simdutf8`: titles are Devanagari,
/// which the standard library's check walks byte by byte, and that check was an eighth of
/// a quick query.
fn text<'de: 'a, 'a, D: serde::Deserializer<'de>>(d: D) -> Result<&'a str, D::Error> {
    d.deserialize_bytes(TextVisitor)
}

fn some_text<'de: 'a, 'a, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'a str>, D::Error> {
    d.deserialize_option(SomeText)
}

struct TextVisitor;
struct SomeText;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = &'de str;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UTF-8 text")
    }
    fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<&'de str, E> {
        simdutf8::basic::from_utf8(v).map_err(|_| E::custom("not UTF-8"))
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<&'de str, E> {
        Ok(v)
    }
}

impl<'de> serde::de::Visitor<'de> for SomeText {
    type Value = Option<&'de str>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("optional UTF-8 text")
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        text(d).map(Some)
    }
}

/// One article of a quick answer. Its title and source are in the answer's index
/// ([`DocInfo`]), numbered alike.
#[derive(Debug, Clone)]
pub struct Listed {
    /// As the walk of the roots the user named would have named it.
    pub path: String,
    pub line: Option<usize>,
    pub published: Option<Published>,
}

/// A quick answer: the articles an entity filter can keep, and an index over just them.
#[derive(Debug, Default)]
pub struct Listing {
    pub rows: Vec<Listed>,
    pub index: Index,
}

/// Heads are checked and decoded in chunks of about this many bytes, on all cores.
const CHUNK: usize = 256 << 10;

/// Writes the heads section: the encoded heads; a chunk table (for each run of about
/// [`CHUNK`] bytes of whole heads: its first head, u32, and its xxh3, u64); where each head
/// starts (u32 each, and where the last ends); how many chunks and heads there are (u32
/// each); and the xxh3 of those tables and counts, so a reader finds everything from the
/// end and checks all it reads.
pub(super) fn write_heads<'a>(
    out: &mut impl std::io::Write,
    heads: impl Iterator<Item = Head<'a>>,
) -> std::io::Result<()> {
    let mut offsets = Vec::new();
    let mut chunks: Vec<(u32, u64)> = Vec::new();
    let mut chunk = xxhash_rust::xxh3::Xxh3::new();
    let (mut at, mut chunk_start) = (0u32, 0u32);
    let mut buf = Vec::new();
    for (i, h) in heads.enumerate() {
        if at - chunk_start >= CHUNK as u32 || i == 0 {
            if i > 0 {
                chunks.last_mut().expect("a chunk is open").1 = chunk.digest();
            }
            chunks.push((u32::try_from(i).map_err(std::io::Error::other)?, 0));
            chunk.reset();
            chunk_start = at;
        }
        offsets.push(at);
        buf.clear();
        buf = postcard::to_extend(&h, buf).map_err(std::io::Error::other)?;
        out.write_all(&buf)?;
        chunk.update(&buf);
        at = at
            .checked_add(u32::try_from(buf.len()).map_err(std::io::Error::other)?)
            .ok_or_else(|| std::io::Error::other("heads section over 4 GiB"))?;
    }
    if let Some(last) = chunks.last_mut() {
        last.1 = chunk.digest();
    }
    offsets.push(at);
    let mut tables = Vec::with_capacity(12 * chunks.len() + 4 * offsets.len() + 8);
    for (first, hash) in &chunks {
        tables.extend_from_slice(&first.to_le_bytes());
        tables.extend_from_slice(&hash.to_le_bytes());
    }
    for offset in &offsets {
        tables.extend_from_slice(&offset.to_le_bytes());
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
    tables.extend_from_slice(&count(chunks.len()));
    tables.extend_from_slice(&count(offsets.len() - 1));
    out.write_all(&tables)?;
    out.write_all(&xxhash_rust::xxh3::xxh3_64(&tables).to_le_bytes())
}

/// A cache opened for a quick query.
#[derive(Debug)]
pub struct Quick {
    /// Of [`Lookup`].
    pub(super) watched: Vec<(String, Stamp)>,
    pub(super) clean: bool,
    pub(super) entities: Vec<EntityInfo>,
    pub(super) spans: Vec<(u32, u32)>,
    /// The lookup section's bytes, and where [`Lookup::postings`] is in them.
    pub(super) lookup: Vec<u8>,
    pub(super) postings: std::ops::Range<usize>,
    /// The cache file, and where the heads section is in it (start, length, checksum).
    pub(super) file: std::fs::File,
    pub(super) heads: (u64, u64, u64),
    /// The corpus roots as the user named them, and absolute.
    pub(super) roots: Vec<(PathBuf, PathBuf)>,
}

impl Quick {
    /// A quick query's view of a cache: `lookup` is its lookup section, `None` if that
    /// does not decode.
    pub(super) fn new(
        lookup: Vec<u8>,
        file: std::fs::File,
        heads: (u64, u64, u64),
        roots: Vec<(PathBuf, PathBuf)>,
    ) -> Option<Self> {
        let Lookup {
            watched,
            clean,
            entities,
            spans,
            postings,
        } = postcard::from_bytes(&lookup).ok()?;
        // Borrowed from `lookup`, so this is where they are in it.
        let start = (postings.as_ptr() as usize).checked_sub(lookup.as_ptr() as usize)?;
        let postings = start..start + postings.len();
        Some(Self {
            watched,
            clean,
            entities,
            spans,
            lookup,
            postings,
            file,
            heads,
            roots,
        })
    }

    /// Whether no watched folder or root changed since the cache was written.
    pub fn fresh(&self) -> bool {
        self.clean && unchanged(&self.watched)
    }

    /// The entities, for resolving names; their `docs` are empty (see [`Quick::docs_of`]).
    pub fn entities(&self) -> impl Iterator<Item = &EntityInfo> + Clone {
        self.entities.iter()
    }

    /// The articles of one of [`Quick::entities`].
    pub fn docs_of(&self, entity: &EntityInfo) -> Vec<u32> {
        let all = self.lookup.get(self.postings.clone()).unwrap_or_default();
        self.entities
            .iter()
            .position(|e| std::ptr::eq(e, entity))
            .and_then(|i| self.spans.get(i))
            .and_then(|&span| postings(all, span))
            .unwrap_or_default()
    }

    /// `make` applied to the heads of `docs` (ascending), in runs (one per core; not joined
    /// into one list, which would copy them all once more). Only the chunks holding them are
    /// read, each into a small buffer (reading tens of megabytes into fresh memory cost more
    /// in page faults than the reading), checked against its checksum and decoded, on all
    /// cores.
    fn heads<T: Send>(
        &self,
        docs: &[u32],
        make: impl Fn(Head<'_>) -> T + Sync,
    ) -> Option<Vec<Vec<T>>> {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;
        let (at, len, _) = self.heads;
        let len = usize::try_from(len).ok()?;
        let mut trailer = [0u8; 16];
        self.file
            .read_exact_at(&mut trailer, at + len.checked_sub(16)? as u64)
            .ok()?;
        let word = |b: &[u8], i: usize| {
            b.get(i..i + 4)
                .map(|w| u32::from_le_bytes(w.try_into().unwrap_or_default()) as usize)
        };
        let (n_chunks, n) = (word(&trailer, 0)?, word(&trailer, 4)?);
        let tables_len = n_chunks
            .checked_mul(12)?
            .checked_add(n.checked_add(1)?.checked_mul(4)?)?;
        let body_len = len.checked_sub(tables_len.checked_add(16)?)?;
        // The tables, the counts after them, and their checksum last.
        let mut tables = vec![0u8; tables_len + 16];
        self.file
            .read_exact_at(&mut tables, at + body_len as u64)
            .ok()?;
        let (checked, sum) = tables.split_at(tables_len + 8);
        if xxhash_rust::xxh3::xxh3_64(checked) != u64::from_le_bytes(sum.try_into().ok()?) {
            return None;
        }
        let (chunk_table, offsets) = tables[..tables_len].split_at(12 * n_chunks);
        let chunk = |c: usize| -> Option<(usize, u64)> {
            let first = word(chunk_table, 12 * c)?;
            let hash = chunk_table.get(12 * c + 4..12 * c + 12)?;
            Some((first, u64::from_le_bytes(hash.try_into().ok()?)))
        };
        let offset = |i: usize| word(offsets, 4 * i);
        // The chunks to read, each with the wanted docs in it.
        let mut plan: Vec<(usize, &[u32])> = Vec::new();
        let mut rest = docs;
        for c in 0..n_chunks {
            let end = if c + 1 < n_chunks { chunk(c + 1)?.0 } else { n };
            let k = rest.partition_point(|&d| (d as usize) < end);
            if k > 0 {
                plan.push((c, &rest[..k]));
                rest = &rest[k..];
            }
        }
        if !rest.is_empty() {
            return None;
        }
        // Reads chunk `c` into `buf` and appends the heads of `wanted` in it to `out`.
        let read = |buf: &mut Vec<u8>, &(c, wanted): &(usize, &[u32]), out: &mut Vec<T>| {
            let (first, hash) = chunk(c)?;
            let last = if c + 1 < n_chunks { chunk(c + 1)?.0 } else { n };
            let (start, end) = (offset(first)?, offset(last)?);
            if start > end || end > body_len {
                return None;
            }
            buf.resize(end - start, 0);
            self.file.read_exact_at(buf, at + start as u64).ok()?;
            if xxhash_rust::xxh3::xxh3_64(buf) != hash {
                return None;
            }
            for &d in wanted {
                let (a, b) = (offset(d as usize)?, offset(d as usize + 1)?);
                let head = buf.get(a.checked_sub(start)?..b.checked_sub(start)?)?;
                out.push(make(postcard::from_bytes(head).ok()?));
            }
            Some(())
        };
        // One run of chunks per core, each with one buffer and one output sized up front:
        // memory touched for the first time is what a query spends most on.
        let run = |part: &[(usize, &[u32])]| -> Option<Vec<T>> {
            let mut buf = Vec::with_capacity(CHUNK + CHUNK / 4);
            let mut out = Vec::with_capacity(part.iter().map(|p| p.1.len()).sum());
            for p in part {
                read(&mut buf, p, &mut out)?;
            }
            Some(out)
        };
        // Waking the thread pool costs more than a few chunks take to read.
        let cores = if plan.len() < 16 {
            1
        } else {
            rayon::current_num_threads()
        };
        if cores == 1 {
            return Some(vec![run(&plan)?]);
        }
        let parts: Vec<Option<Vec<T>>> = plan
            .par_chunks(plan.len().div_ceil(cores))
            .with_max_len(1)
            .map(run)
            .collect();
        parts.into_iter().collect()
    }

    /// The articles `docs` (ascending, as numbered in the cache) and the entities
    /// `entities` (of [`Quick::entities`]), for the list filters to run on; `None` if the
    /// cache does not hold them.
    pub fn listing(&self, docs: &[u32], entities: &[&EntityInfo]) -> Option<Listing> {
        let heads = self.heads(docs, |h| {
            let row = Listed {
                path: display_path(&self.roots, h.key),
                line: h.line,
                published: h.published,
            };
            let info = DocInfo {
                published: h.published.and_then(|p| p.date.to_naive()),
                title: h.title.to_owned(),
                source: h.source.map(str::to_owned),
            };
            (row, info)
        })?;
        let (mut rows, mut infos) = (
            Vec::with_capacity(docs.len()),
            Vec::with_capacity(docs.len()),
        );
        for (row, info) in heads.into_iter().flatten() {
            rows.push(row);
            infos.push(info);
        }
        // The new number of each article of the cache (u32::MAX: not in the subset).
        let total = docs.last().map_or(0, |&d| d as usize + 1);
        let mut renumber = vec![u32::MAX; total];
        for (i, &d) in docs.iter().enumerate() {
            renumber[d as usize] = u32::try_from(i).unwrap_or(u32::MAX);
        }
        let entities = entities.iter().map(|e| EntityInfo {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            forms: e.forms.clone(),
            docs: self
                .docs_of(e)
                .iter()
                .filter_map(|&d| renumber.get(d as usize).copied())
                .filter(|&n| n != u32::MAX)
                .collect(),
        });
        Some(Listing {
            rows,
            index: Index::from_parts(infos, entities.collect()),
        })
    }
}

/// Whether every watched path still has its stamp.
pub(super) fn unchanged(watched: &[(String, Stamp)]) -> bool {
    !watched.is_empty()
        && watched
            .iter()
            .all(|(path, s)| std::fs::metadata(path).is_ok_and(|m| stamp(&m) == *s))
}

/// The path of `key` (absolute) as the walk would have named it: under the root as given.
/// String operations, not `Path` ones: this runs once per article.
pub(super) fn display_path(roots: &[(PathBuf, PathBuf)], key: &str) -> String {
    for (given, absolute) in roots {
        let (Some(given), Some(absolute)) = (given.to_str(), absolute.to_str()) else {
            continue;
        };
        // `news/` names the same folder as `news`: compare without the trailing slash.
        let absolute = match absolute.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        let Some(rest) = key.strip_prefix(absolute) else {
            continue;
        };
        if rest.is_empty() {
            return given.to_owned();
        }
        let rest = if absolute == "/" {
            Some(rest)
        } else {
            rest.strip_prefix('/')
        };
        if let Some(rest) = rest {
            let mut path = String::with_capacity(given.len() + 1 + rest.len());
            path.push_str(given);
            if !given.ends_with('/') {
                path.push('/');
            }
            path.push_str(rest);
            return path;
        }
    }
    key.to_owned()
}

/// The absolute paths whose stamps tell whether files were added or removed: every folder
/// under the roots, walked as the corpus is (symlinks followed, hidden entries skipped),
/// empty ones included (a file may appear in one), and root files themselves. A path
/// modified since `since` (during the load, perhaps after the walk passed it) gets a stamp
/// that never matches, so the next quick query does a full load.
pub(super) fn watched(roots: &[PathBuf], since: std::time::SystemTime) -> Vec<(String, Stamp)> {
    let mut paths = std::collections::BTreeSet::new();
    for root in roots {
        paths.insert(root.clone());
        let walker = walkdir::WalkDir::new(root).follow_links(true);
        for entry in walker
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            match entry {
                Ok(e) if e.file_type().is_dir() => {
                    paths.insert(e.into_path());
                }
                Ok(_) => {}
                // A folder that cannot be read now may be readable later: never fresh.
                Err(_) => return Vec::new(),
            }
        }
    }
    paths
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            let recent = meta.modified().map_or(true, |m| m >= since);
            let s = if recent {
                (u64::MAX, (0, 0))
            } else {
                stamp(&meta)
            };
            Some((p.to_string_lossy().into_owned(), s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_named_under_the_root_as_given() {
        let roots =
            |given: &str, absolute: &str| vec![(PathBuf::from(given), PathBuf::from(absolute))];
        let cases = [
            ("news", "/cwd/news", "/cwd/news/a/b.txt", "news/a/b.txt"),
            ("news/", "/cwd/news/", "/cwd/news/a/b.txt", "news/a/b.txt"),
            ("./news", "/cwd/./news", "/cwd/./news/b.txt", "./news/b.txt"),
            ("b.txt", "/cwd/b.txt", "/cwd/b.txt", "b.txt"),
            ("/", "/", "/x/b.txt", "/x/b.txt"),
            // Not under the root: the key itself.
            (
                "news",
                "/cwd/news",
                "/cwd/newsroom/b.txt",
                "/cwd/newsroom/b.txt",
            ),
        ];
        for (given, absolute, key, shown) in cases {
            assert_eq!(
                display_path(&roots(given, absolute), key),
                shown,
                "{given} {key}"
            );
        }
    }

    #[test]
    fn postings_round_trip() {
        let mut p = Postings::default();
        let a = p.push(&[0, 1, 200, 70_000, 4_000_000_000]);
        let b = p.push(&[]);
        let c = p.push(&[5]);
        assert_eq!(
            postings(&p.0, a).unwrap(),
            [0, 1, 200, 70_000, 4_000_000_000]
        );
        assert!(postings(&p.0, b).unwrap().is_empty());
        assert_eq!(postings(&p.0, c).unwrap(), [5]);
        assert!(postings(&p.0, (3, 1000)).is_none());
    }

    /// A heads section of `n` articles with long titles (several chunks), in a file.
    fn heads_file(n: usize) -> (std::fs::File, u64) {
        let titles: Vec<String> = (0..n).map(|i| format!("{i} {}", "ख".repeat(100))).collect();
        let mut bytes = Vec::new();
        write_heads(
            &mut bytes,
            titles.iter().map(|t| Head {
                key: "/k",
                title: t,
                source: None,
                published: None,
                line: None,
            }),
        )
        .unwrap();
        let path = std::env::temp_dir().join(format!("khabar-heads-{}-{n}", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let file = std::fs::File::options()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        (file, bytes.len() as u64)
    }

    fn quick(file: std::fs::File, len: u64) -> Quick {
        let mut lookup = Vec::new();
        lookup = postcard::to_extend(
            &(
                Vec::<(String, Stamp)>::new(),
                true,
                Vec::<EntityInfo>::new(),
                Vec::<(u32, u32)>::new(),
                Postings::default(),
            ),
            lookup,
        )
        .unwrap();
        Quick::new(lookup, file, (0, len, 0), Vec::new()).unwrap()
    }

    #[test]
    fn heads_are_found_across_chunks_and_damage_is_refused() {
        use std::os::unix::fs::FileExt;
        let n = 3000; // about 900 KiB of heads: four chunks
        let (file, len) = heads_file(n);
        let q = quick(file.try_clone().unwrap(), len);
        let title = |h: Head<'_>| h.title.split(' ').next().unwrap().to_owned();
        let titles = q.heads(&[0, 1, 1500, 2999], title).unwrap().concat();
        assert_eq!(titles, ["0", "1", "1500", "2999"]);
        assert!(q.heads(&[3000], title).is_none(), "beyond the last head");
        // Damage the middle of the section: a head there is refused, one at the start is not.
        let mut byte = [0u8];
        file.read_exact_at(&mut byte, len / 2).unwrap();
        file.write_all_at(&[byte[0] ^ 0x40], len / 2).unwrap();
        assert!(q.heads(&[0], title).is_some());
        assert!(q.heads(&[1500], title).is_none());
        // Damage in the offset tables (near the end) refuses every query.
        file.read_exact_at(&mut byte, len - 40).unwrap();
        file.write_all_at(&[byte[0] ^ 0x01], len - 40).unwrap();
        assert!(q.heads(&[0], title).is_none());
    }
}
