//! The corpus as a command sees it: the paths it was given, brought up to date in the
//! database and queried there, so callers never touch the storage layer.
//!
//! [`Corpus`] owns the database connection and the scope of the paths added to it. `khabar
//! list` goes through it; it is where the reader's load, warm start and queries are to
//! move (issue 14), replacing the cache of `crate::cache`.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::corpus::Article;
use crate::index::SearchText;
use crate::store::{Scope, Store, StoreError};

pub use crate::store::{Listed, ListedRef, Listing, Matched, Note, Query};

/// The corpus of the paths added so far, in a database.
#[derive(Debug)]
pub struct Corpus {
    store: Store,
    scope: Scope,
    rules: u64,
    /// The last paths added and whether they were rescanned: added again after a rebuild.
    added: Vec<PathBuf>,
    rescan: bool,
    /// Notes for the user not yet taken (a rebuild of damaged corpus tables).
    notes: Vec<String>,
    /// Folded texts of the articles added as articles, by path and line: they may have no
    /// file to read them back from.
    texts: HashMap<(String, Option<usize>), Box<str>>,
}

/// What adding paths found: problems for the user, in walk order.
#[derive(Debug, Default)]
pub struct Added {
    pub problems: Vec<Note>,
    /// Whether some path was lost entirely (missing, unreadable, unsupported).
    pub failed: bool,
    /// Files read and extracted (new or changed).
    pub extracted: usize,
    /// Whether the paths were walked (`false`: no folder changed, nothing was written).
    pub walked: bool,
}

impl Corpus {
    /// The database in the data directory, or one in memory with `remember` false or when
    /// that one cannot be used (the answers are the same, only slower next time). `rules`
    /// fingerprints the extraction rules: results from other rules are redone. The notes
    /// are for the user.
    pub fn open(remember: bool, rules: u64) -> Result<(Self, Vec<String>), StoreError> {
        let mut notes = Vec::new();
        let store = if remember {
            match Store::open_default() {
                Ok((store, more)) => {
                    notes.extend(more);
                    Some(store)
                }
                Err(e) => {
                    notes.push(format!("{e}; answering without it"));
                    None
                }
            }
        } else {
            None
        };
        let store = match store {
            Some(s) => s,
            None => Store::in_memory()?,
        };
        Ok((
            Self {
                store,
                scope: Scope::default(),
                rules,
                added: Vec::new(),
                rescan: false,
                notes: Vec::new(),
                texts: HashMap::new(),
            },
            notes,
        ))
    }

    /// Brings the files under `paths` up to date (only new and changed ones are read;
    /// `rescan` walks everything and compares content hashes) and makes them what queries
    /// answer for. `progress(done, total)` follows the files read.
    pub fn add(
        &mut self,
        paths: &[PathBuf],
        rescan: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Added, StoreError> {
        self.added = paths.to_vec();
        self.rescan = rescan;
        let synced = match self.store.sync(paths, self.rules, rescan, progress) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                self.store.sync(paths, self.rules, rescan, progress)?
            }
            other => other?,
        };
        self.scope = synced.scope;
        Ok(Added {
            problems: synced.problems,
            failed: synced.failed,
            extracted: synced.extracted,
            walked: synced.walked,
        })
    }

    /// The articles matching `query`, in its order.
    pub fn list(&mut self, query: &Query) -> Result<Vec<Listed>, StoreError> {
        Ok(self.listing(query)?.into_rows())
    }

    /// [`Corpus::list`], its rows kept in one buffer (for long answers).
    pub fn listing(&mut self, query: &Query) -> Result<Listing, StoreError> {
        match self.store.listing(&self.scope, query) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                let paths = std::mem::take(&mut self.added);
                self.add(&paths, self.rescan, &mut |_, _| {})?;
                self.store.listing(&self.scope, query)
            }
            other => other,
        }
    }

    /// The starred articles' content ids, when this corpus is in the data directory's
    /// database (which holds the stars); `None` for one in memory.
    pub fn starred(&self) -> Result<Option<Vec<u64>>, StoreError> {
        match self.store.path() {
            Some(_) => Ok(Some(self.store.starred()?)),
            None => Ok(None),
        }
    }

    /// Notes for the user since the last call: damaged corpus tables set aside and
    /// rebuilt from the files, with the user's state kept.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// Sets a database with damaged corpus tables aside for a new one holding the user's
    /// state (the corpus is read again from the files).
    fn repair(&mut self, e: &StoreError) -> Result<(), StoreError> {
        let note = self.store.rebuild_corpus(&e.to_string())?;
        self.notes.push(note);
        Ok(())
    }

    /// Adds articles read already (standard input, the bundled samples), each under its
    /// path. Meant for a corpus in memory (`open(false, ..)`).
    pub fn add_articles(&mut self, articles: Vec<Article>) -> Result<(), StoreError> {
        let mut groups: Vec<(String, Vec<Article>)> = Vec::new();
        for a in articles {
            self.texts
                .insert((a.path.clone(), a.line), SearchText::folded(&a));
            match groups.iter_mut().find(|(p, _)| *p == a.path) {
                Some((_, group)) => group.push(a),
                None => groups.push((a.path.clone(), vec![a])),
            }
        }
        for (path, group) in groups {
            self.store.put_articles(&path, group, &mut self.scope)?;
        }
        Ok(())
    }

    /// The rows whose title or text contains `text` (folded as the reader folds it). Texts
    /// are not in the database: each file is read again, once, on all cores.
    pub fn search(&self, rows: Vec<Listed>, text: &str) -> Vec<Listed> {
        use rayon::prelude::*;
        let mut by_path: HashMap<&std::path::Path, Vec<usize>> = HashMap::new();
        let mut texts: Vec<Box<str>> = vec![Box::from(""); rows.len()];
        for (i, r) in rows.iter().enumerate() {
            let key = (r.path.to_string_lossy().into_owned(), r.line);
            match self.texts.get(&key) {
                Some(t) => texts[i] = t.clone(),
                None => by_path.entry(r.path.as_path()).or_default().push(i),
            }
        }
        let groups: Vec<_> = by_path.into_iter().collect();
        let found: Vec<(usize, Box<str>)> = groups
            .par_iter()
            .flat_map_iter(|(path, at)| {
                let mut problems = Vec::new();
                let articles = crate::corpus::read_file(path, &mut problems);
                at.iter()
                    .filter_map(|&i| {
                        let a = articles.iter().find(|a| a.line == rows[i].line)?;
                        Some((i, SearchText::folded(a)))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for (i, folded) in found {
            texts[i] = folded;
        }
        let mut search = SearchText::default();
        for t in texts {
            search.push_folded(t);
        }
        let all: Vec<u32> = (0..u32::try_from(rows.len()).unwrap_or(u32::MAX)).collect();
        let keep = search.matching(text, &all);
        let mut keep = keep.into_iter().peekable();
        rows.into_iter()
            .enumerate()
            .filter_map(|(i, r)| (keep.next_if(|&k| k as usize == i).is_some()).then_some(r))
            .collect()
    }
}
