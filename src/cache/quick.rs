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

use super::{Doc, Packed, Snapshot, Stamp, stamp};
use crate::corpus::{Article, OffsetMap, Origin};
use crate::extract::dates::Published;
use crate::index::{DocInfo, EntityInfo, Index};

/// The lookup section.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Lookup {
    /// Absolute paths whose stamp must be unchanged for the catalog to be complete: the
    /// corpus folders (and root files).
    pub watched: Vec<(String, Stamp)>,
    /// The entities, without their article lists (`docs` is empty)...
    pub entities: Vec<EntityInfo>,
    /// ...which are here, in `postings` at `(start, len)` for entity `i`: decoded only for
    /// the entities a query names.
    pub spans: Vec<(u32, u32)>,
    pub postings: Postings,
}

/// Article lists as ascending numbers, each stored as its gap from the previous one in
/// LEB128 (one or two bytes for most).
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

    /// The list at `(start, len)`.
    pub fn get(&self, (start, len): (u32, u32)) -> Option<Vec<u32>> {
        let bytes = self
            .0
            .get(start as usize..(start as usize).checked_add(len as usize)?)?;
        let mut out = Vec::new();
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
}

impl Serialize for Postings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Postings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Postings;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Postings, E> {
                Ok(Postings(v.to_vec()))
            }
        }
        d.deserialize_bytes(Visit)
    }
}

/// One article in the heads section.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Head {
    pub key: String,
    pub stamp: Stamp,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<Published>,
    pub line: Option<usize>,
    pub origin: Origin,
    pub id: u64,
}

/// [`Head`] borrowed, for writing.
#[derive(Debug, Serialize)]
pub(super) struct HeadRef<'a> {
    pub key: &'a str,
    pub stamp: Stamp,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub published: Option<Published>,
    pub line: Option<usize>,
    pub origin: Origin,
    pub id: u64,
}

/// Writes the heads section: the encoded heads, then where each starts (u32 each, and
/// where the last ends), then how many there are, so a reader finds head `i` from the end.
pub(super) fn write_heads<'a>(
    out: &mut impl std::io::Write,
    heads: impl Iterator<Item = HeadRef<'a>>,
) -> std::io::Result<()> {
    let mut table = Vec::new();
    let mut at = 0u32;
    let mut buf = Vec::new();
    for h in heads {
        table.push(at);
        buf.clear();
        buf = postcard::to_extend(&h, buf).map_err(std::io::Error::other)?;
        out.write_all(&buf)?;
        at = at
            .checked_add(u32::try_from(buf.len()).map_err(std::io::Error::other)?)
            .ok_or_else(|| std::io::Error::other("heads section over 4 GiB"))?;
    }
    table.push(at);
    for offset in &table {
        out.write_all(&offset.to_le_bytes())?;
    }
    out.write_all(
        &u32::try_from(table.len() - 1)
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    )
}

/// A cache opened for a quick query.
#[derive(Debug)]
pub struct Quick {
    pub(super) lookup: Lookup,
    /// The cache file, and where the heads section is in it (start, length, checksum).
    pub(super) file: std::fs::File,
    pub(super) heads: (u64, u64, u64),
    /// The corpus roots as the user named them, and absolute.
    pub(super) roots: Vec<(PathBuf, PathBuf)>,
}

impl Quick {
    /// Whether no watched folder or root changed since the cache was written.
    pub fn fresh(&self) -> bool {
        !self.lookup.watched.is_empty()
            && self
                .lookup
                .watched
                .iter()
                .all(|(path, s)| std::fs::metadata(path).is_ok_and(|m| stamp(&m) == *s))
    }

    /// The entities, for resolving names; their `docs` are empty (see [`Quick::docs_of`]).
    pub fn entities(&self) -> impl Iterator<Item = &EntityInfo> + Clone {
        self.lookup.entities.iter()
    }

    /// The articles of one of [`Quick::entities`].
    pub fn docs_of(&self, entity: &EntityInfo) -> Vec<u32> {
        self.lookup
            .entities
            .iter()
            .position(|e| std::ptr::eq(e, entity))
            .and_then(|i| self.lookup.spans.get(i))
            .and_then(|&span| self.lookup.postings.get(span))
            .unwrap_or_default()
    }

    /// The heads of `docs` (ascending), checking the whole section's checksum on the way.
    /// The section (tens of megabytes for a large corpus) goes through one small buffer:
    /// reading it into fresh memory cost more in page faults than the reading itself.
    fn heads(&self, docs: &[u32]) -> Option<Vec<Head>> {
        use std::os::unix::fs::FileExt;
        const CHUNK: usize = 1 << 20;
        let (at, len, sum) = self.heads;
        let len = usize::try_from(len).ok()?;
        let mut word = [0u8; 4];
        self.file
            .read_exact_at(&mut word, at + len.checked_sub(4)? as u64)
            .ok()?;
        let n = u32::from_le_bytes(word) as usize;
        let table_len = 4 * (n + 1);
        let body_len = len.checked_sub(table_len + 4)?;
        let mut table = vec![0u8; table_len];
        self.file
            .read_exact_at(&mut table, at + body_len as u64)
            .ok()?;
        let offset = |i: usize| {
            table
                .get(4 * i..4 * i + 4)
                .map(|b| u32::from_le_bytes(b.try_into().unwrap_or_default()) as usize)
        };
        let mut hash = xxhash_rust::xxh3::Xxh3::new();
        let mut buf = Vec::with_capacity(CHUNK);
        let mut out = Vec::with_capacity(docs.len());
        let mut wanted = docs.iter().map(|&d| d as usize).peekable();
        let mut first = 0;
        while first < n {
            // A run of whole heads of about CHUNK bytes (at least one).
            let start = offset(first)?;
            let mut last = first + 1;
            while last < n && offset(last + 1)? - start <= CHUNK {
                last += 1;
            }
            let end = offset(last)?;
            if end < start || end > body_len {
                return None;
            }
            buf.resize(end - start, 0);
            self.file.read_exact_at(&mut buf, at + start as u64).ok()?;
            hash.update(&buf);
            while let Some(&d) = wanted.peek()
                && d < last
            {
                if d >= first {
                    let (a, b) = (offset(d)? - start, offset(d + 1)? - start);
                    out.push(postcard::from_bytes(buf.get(a..b)?).ok()?);
                }
                wanted.next();
            }
            first = last;
        }
        hash.update(&table);
        hash.update(&word);
        (hash.digest() == sum && wanted.next().is_none()).then_some(out)
    }

    /// The path of `key` as the walk would have named it (under the root as given).
    /// String operations, not `Path` ones: this runs once per listed article.
    fn display(&self, key: &str) -> String {
        for (given, absolute) in &self.roots {
            let (Some(given), Some(absolute)) = (given.to_str(), absolute.to_str()) else {
                continue;
            };
            if let Some(rest) = key.strip_prefix(absolute) {
                if rest.is_empty() {
                    return given.to_owned();
                }
                if let Some(rest) = rest.strip_prefix('/') {
                    let sep = if given.ends_with('/') { "" } else { "/" };
                    return format!("{given}{sep}{rest}");
                }
            }
        }
        key.to_owned()
    }

    /// A corpus of just the articles `docs` (ascending, as numbered in the cache) and the
    /// entities `entities` (of [`Quick::entities`]), for the list filters to run on; `None` if the cache does not
    /// hold them.
    pub fn subset(&self, docs: &[u32], entities: &[&EntityInfo]) -> Option<Snapshot> {
        let heads = self.heads(docs)?;
        let mut snapshot = Snapshot::default();
        snapshot.docs.reserve_exact(heads.len());
        let mut infos = Vec::with_capacity(docs.len());
        for h in heads {
            infos.push(DocInfo {
                published: h.published.and_then(|p| p.date.to_naive()),
                title: h.title.clone(),
                source: h.source.clone(),
            });
            let article = Article {
                path: self.display(&h.key),
                line: h.line,
                text: String::new(),
                title: h.title,
                title_span: None,
                source: h.source,
                byline: None,
                dateline: None,
                published: h.published,
                byline_span: None,
                paragraphs: Vec::new(),
                chrome: Vec::new(),
                url: None,
                offsets: OffsetMap::default(),
                origin: h.origin,
            };
            snapshot.docs.push(Doc {
                article,
                id: h.id,
                file: None,
                packed: Packed::Owned(Vec::new().into()),
            });
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
        snapshot.index = Index::from_parts(infos, entities.collect());
        Some(snapshot)
    }
}

/// The absolute paths whose stamps tell whether files were added or removed: every folder
/// from each file up to the root it was found under, and root files themselves. A path
/// modified since `since` (during the load, perhaps after the walk passed it) gets a stamp
/// that never matches, so the next quick query does a full load.
pub(super) fn watched(
    roots: &[PathBuf],
    keys: impl Iterator<Item = String>,
    since: std::time::SystemTime,
) -> Vec<(String, Stamp)> {
    let mut paths = std::collections::BTreeSet::new();
    for key in keys {
        let path = PathBuf::from(key);
        if let Some(root) = roots.iter().find(|r| path.starts_with(r)) {
            paths.insert(root.clone());
            let mut at = path.parent();
            while let Some(dir) = at
                && dir.starts_with(root)
            {
                if !paths.insert(dir.to_owned()) {
                    break;
                }
                at = dir.parent();
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
