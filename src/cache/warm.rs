//! Warm starts: everything the catalog holds, handed over at once, then checked against the
//! files as they are now (stale while revalidate), or checked first for scripts that need
//! an exact answer before they print.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{Cache, Doc, Packed, Snapshot, key_of, quick, stamp};
use crate::corpus::Article;

/// Where a catalog article's details are, and its content id.
#[derive(Debug, Clone, Copy)]
pub(super) struct Stored {
    pub at: u64,
    pub len: u32,
    pub hash: u64,
    pub id: u64,
    pub origin: crate::corpus::Origin,
}

/// What [`Cache::revalidate`] found, numbered as in [`Cache::warm_all`]'s snapshot.
#[derive(Debug, Default)]
pub struct Revalidated {
    /// Articles whose file changed or is gone, ascending.
    pub stale_docs: Vec<u32>,
    /// Those files, ascending.
    pub stale_files: Vec<u32>,
    /// Files to read: changed or new, in the order found.
    pub rest: Vec<PathBuf>,
}

impl Snapshot {
    /// Drops what [`Cache::revalidate`] found stale, renumbering articles and files.
    pub fn drop_stale(&mut self, r: &Revalidated) {
        let mut keep = vec![true; self.docs.len()];
        for &d in &r.stale_docs {
            if let Some(k) = keep.get_mut(d as usize) {
                *k = false;
            }
        }
        let mut file_number = vec![None; self.files.len()];
        let mut stale = r.stale_files.iter().peekable();
        let mut next = 0u32;
        for (i, slot) in file_number.iter_mut().enumerate() {
            if stale.peek().is_some_and(|&&s| s as usize == i) {
                stale.next();
            } else {
                *slot = Some(next);
                next += 1;
            }
        }
        self.index = std::mem::take(&mut self.index).retain(&keep);
        let docs = std::mem::take(&mut self.docs);
        self.docs = docs
            .into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(mut d, _)| {
                d.file = d
                    .file
                    .and_then(|f| file_number.get(f as usize).copied().flatten());
                d
            })
            .collect();
        let files = std::mem::take(&mut self.files);
        self.files = files
            .into_iter()
            .zip(&file_number)
            .filter_map(|(f, n)| n.map(|_| f))
            .collect();
    }
}

impl Cache {
    /// Everything the catalog holds, unchecked: every article with its index, named as the
    /// walk of the roots given to [`Cache::watch`] would name them. Follow with
    /// [`Cache::revalidate`] to learn which of them are stale.
    pub fn warm_all(&mut self) -> Snapshot {
        let catalog = std::mem::take(&mut self.catalog);
        self.known.clone_from(&catalog.files);
        self.stored = catalog
            .docs
            .iter()
            .map(|r| {
                let s = Stored {
                    at: r.at,
                    len: r.len,
                    hash: r.hash,
                    id: r.id,
                    origin: r.article.origin,
                };
                (r.file, s)
            })
            .collect();
        // Naming 100,000 paths is a good part of a warm start's first frame: on all cores.
        let docs = catalog
            .docs
            .into_par_iter()
            .map(|mut rec| {
                let key = catalog.files.get(rec.file as usize).map_or("", |f| &f.key);
                rec.article.path = quick::display_path(&self.roots, key);
                Doc {
                    article: rec.article,
                    id: rec.id,
                    file: Some(rec.file),
                    packed: Packed::Stored {
                        at: rec.at,
                        len: rec.len,
                        hash: rec.hash,
                    },
                }
            })
            .collect();
        Snapshot {
            docs,
            files: catalog.files,
            index: catalog.index,
            details: self.details.clone(),
        }
    }

    /// Where to read the text of each article [`Cache::warm_all`] gave, in its order: an
    /// article with just its file's absolute path and its place in it.
    pub fn unread(&self) -> Vec<Article> {
        self.stored
            .iter()
            .map(|(file, s)| Article {
                path: self
                    .known
                    .get(*file as usize)
                    .map(|f| f.key.clone())
                    .unwrap_or_default(),
                origin: s.origin,
                ..Article::default()
            })
            .collect()
    }

    /// Compares the files found now with what [`Cache::warm_all`] gave: files of the catalog
    /// whose size or modification time changed, or that are gone, are stale with their
    /// articles; files not unchanged (changed or new) are to be [`Cache::process`]ed.
    pub fn revalidate(&mut self, files: &[PathBuf]) -> Revalidated {
        let by_key: HashMap<&str, u32> = self
            .known
            .iter()
            .enumerate()
            .map(|(i, f)| (f.key.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        // Stat every file on all cores: the one cost a warm start cannot avoid.
        let found: Vec<Option<u32>> = files
            .par_iter()
            .map(|f| {
                let key = key_of(f)?;
                let &i = by_key.get(key.as_str())?;
                let meta = std::fs::metadata(f).ok()?;
                let known = &self.known[i as usize];
                (known.clean && known.stamp == stamp(&meta)).then_some(i)
            })
            .collect();
        let mut fresh = vec![false; self.known.len()];
        let mut rest = Vec::new();
        for (f, i) in files.iter().zip(&found) {
            match i {
                Some(i) if !fresh[*i as usize] => fresh[*i as usize] = true,
                _ => rest.push(f.clone()),
            }
        }
        let mut stale_files = Vec::new();
        for (i, f) in self.known.iter().enumerate() {
            if !fresh[i] {
                stale_files.push(u32::try_from(i).unwrap_or(u32::MAX));
                self.touched.insert(f.key.clone(), (f.clone(), Vec::new()));
            }
        }
        let mut stale_docs = Vec::new();
        for (doc, (file, s)) in self.stored.iter().enumerate() {
            if !fresh.get(*file as usize).copied().unwrap_or(false) {
                stale_docs.push(u32::try_from(doc).unwrap_or(u32::MAX));
                if let Some((_, list)) = self
                    .known
                    .get(*file as usize)
                    .and_then(|f| self.touched.get_mut(&f.key))
                {
                    list.push(*s);
                }
            }
        }
        Revalidated {
            stale_docs,
            stale_files,
            rest,
        }
    }

    /// Splits `files` into those the cache answers for (same size and modification time:
    /// their articles and index come back without reading them) and the rest, returned in
    /// their given order, to be [`Cache::process`]ed. Files of the catalog not among
    /// `files` are dropped (they were removed).
    pub fn warm(&mut self, files: &[PathBuf]) -> (Snapshot, Vec<PathBuf>) {
        if self.catalog.files.is_empty() {
            return (Snapshot::default(), files.to_vec());
        }
        let mut warm = self.warm_all();
        let r = self.revalidate(files);
        warm.drop_stale(&r);
        (warm, r.rest)
    }
}
