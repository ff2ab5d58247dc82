//! Answering `khabar list --person NAME` from the cache without loading the corpus: a
//! lookup section (the entity table with its article lists, and the folders watched) and
//! a heads section (see [`super::heads`]: each article's path and list entry, decoded only
//! for the articles a query keeps).
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
        let range = start..start + postings.len();
        if lookup.get(range.clone()).map(<[u8]>::as_ptr) != Some(postings.as_ptr()) {
            return None;
        }
        let postings = range;
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

    /// The articles `docs` (ascending, as numbered in the cache) and the entities
    /// `entities` (of [`Quick::entities`], each with its articles from
    /// [`Quick::docs_of`]), for the list filters to run on; `None` if the
    /// cache does not hold them.
    pub fn listing(&self, docs: &[u32], entities: &[(&EntityInfo, Vec<u32>)]) -> Option<Listing> {
        let (at, len, _) = self.heads;
        let heads = super::heads::read(&self.file, (at, len), docs, |h| {
            let row = Listed {
                path: display_path(&self.roots, h.key),
                line: h.line,
                published: h.published,
            };
            let info = DocInfo {
                published: h.published.and_then(|p| p.date.to_naive()),
                title: h.title.into_owned(),
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
        let entities = entities.iter().map(|(e, list)| EntityInfo {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            forms: e.forms.clone(),
            docs: list
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
}
