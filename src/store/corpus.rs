//! The corpus in the database: bringing it up to date with the files under some roots
//! ([`Store::sync`]) so queries answer from the tables instead of reading every file.
//!
//! A file is known by its absolute path (no symlink resolution: that costs a system call
//! per path component). One whose size and modification time are unchanged is not read;
//! one that was touched is read and hashed, and extracted again only when its bytes (or the
//! extraction rules) changed; `rescan` hashes every file, so a change that kept size and
//! time is seen too. Files are extracted on all cores and written one transaction per
//! batch as they come, so the first rows are queryable while the rest load, and a kill
//! loses only the batch under way. The warnings a file gave are stored with it and said
//! again without reading it, so one warning never costs a re-read on every run.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rusqlite::{OptionalExtension, Transaction, params};

use super::positions::{KeyAt, Positions};
use super::scope::{Recorded, Root, Scope, Walked, foreign, key_of, now_ns};
use super::snapshot::{Arrival, Arrived, Doc};
use super::walked::{Files, Keys};
use super::{Store, StoreError, repeats, to_sql};
use crate::corpus::{self, Article, Origin, Problem, repeated};
use crate::extract::entities::{FastMap, Fnv};
use crate::index::{FactEntity, Facts, SearchText};

/// Files read before the first transaction commits: few, so that the first rows appear
/// quickly.
const BATCH: usize = 64;

/// The most files one transaction writes. Each batch after the first is twice the one
/// before, up to this: a commit writes every page it changed to the log, and the index
/// pages a batch touches (postings by entity, paragraphs by fingerprint, dates by day) are
/// spread over the whole file, so the fewer commits the fewer times each is written: at
/// 100,000 generated articles a cold import took 27 s instead of 50 with batches of 64,
/// and wrote 3.5 GB to disk instead of 31.
const BATCH_MAX: usize = 1024;

/// The bytes of files (by their size) extracted and not yet written: a batch is written
/// once its files reach this, and the cores wait while this much waits for the writer.
/// Counted in files alone, a folder of large JSON Lines files would hold a thousand of
/// them in memory at once.
const BATCH_BYTES: u64 = 64 << 20;

/// A batch is written once it is this old even if not full (and nothing more has come),
/// so that a slow source (a large file, a network folder) still shows its rows to other
/// readers soon.
const BATCH_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// From how many files to write on (and more than the span of the stored article ids, so
/// at least as many as the database holds articles) a sync is a bulk load: the mentioned
/// dates' index by day is dropped first and made again at its end. Kept up row by row,
/// it cost a cold import of a million articles a fifth of its time (396.6 s against 327.4
/// without it); made at the end, 295.7 s in all (the step that made it on a stored
/// million took 4.7 s, a `list` included).
#[cfg(not(test))]
const BULK: usize = 10_000;
/// Small in the unit tests, so that their syncs take the bulk path.
#[cfg(test)]
const BULK: usize = 2;

/// Stands for the file's path, as the caller spelt it, in stored warnings.
pub(super) const PATH_MARK: &str = "\u{1}path\u{1}";

/// What a sync did.
#[derive(Debug, Default)]
pub struct Synced {
    pub scope: Scope,
    /// Files read and extracted (new or changed).
    pub extracted: usize,
    /// Files touched whose bytes were the same (read and hashed, not extracted).
    pub rehashed: usize,
    /// Files that were known and are gone from under the roots.
    pub withdrawn: usize,
    /// Warnings and errors: the walk's, the files read now, and those stored with
    /// unchanged files, in walk order.
    pub problems: Vec<Note>,
    /// Whether some path was lost entirely (missing, unreadable, unsupported).
    pub failed: bool,
    /// Whether the roots were walked (`false`: every folder was as the last walk left it,
    /// and nothing was read).
    pub walked: bool,
    /// Files found under the roots by the walk.
    pub files: usize,
    /// Whether a paragraph became repeated chrome or stopped being so: articles other than
    /// those read now gained or lost entities and dates.
    pub repeated_moved: bool,
}

/// How a sync tells whether the files under its roots changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Not at all when no folder's modification time changed since the last walk (adding,
    /// removing or renaming a file changes it); otherwise as [`Check::Stamps`].
    Folders,
    /// Walk every folder and compare each file's size and modification time.
    Stamps,
    /// Walk every folder and compare each file's content hash (`--rescan`).
    Hashes,
}

/// What a sync tells as it goes (see [`Store::sync_with`]).
#[derive(Debug)]
pub enum Change {
    /// `done` of the `total` files to read are read; `kept` more were found unchanged
    /// (not read).
    Progress {
        done: usize,
        total: usize,
        kept: usize,
    },
    /// A file was read and extracted (new or changed): its articles now, none when it
    /// could not be read.
    File(Arrived),
    /// A file that was under the roots is gone: its articles are withdrawn.
    Gone(PathBuf),
}

/// A problem met while syncing, for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Whether something asked for was not loaded at all (see `Problem::is_error`).
    pub error: bool,
    pub text: String,
}

impl Note {
    fn of(p: &Problem) -> Self {
        Self {
            error: p.is_error(),
            text: p.to_string(),
        }
    }
}

/// What the database knows of the walked files, by walk position, and which of them must
/// be read again. Kept per file only as flags: at a million files, a stored record for
/// each (56 MB) was a fifth of the reader's peak while it checked them.
#[derive(Default)]
struct Known {
    /// Whether the database has the file.
    stored: Vec<bool>,
    /// The files to read: new, changed (size, time or rules), or every one on a rescan.
    todo: Vec<usize>,
    /// The stored hash of the files among `todo` stored with the same rules, by walk
    /// position (a file touched but not changed is not extracted again; after a change
    /// of rules every file is, and none is kept here).
    before: HashMap<usize, i64>,
    /// The stored warnings (a JSON list) of the files not read again that have some.
    warnings: HashMap<usize, Box<str>>,
}

/// A file read and extracted off the writing thread.
struct Extracted {
    walk_at: usize,
    key: String,
    size: i64,
    mtime_ns: i64,
    hash: i64,
    /// `None` when the bytes were unchanged: only the stamp is written.
    articles: Option<Vec<Row>>,
    problems: Vec<Problem>,
    failed: bool,
    /// A regular file (not a named pipe or device), which can be read more than once.
    regular: bool,
}

/// One article as stored: the fields the articles table keeps and what was found in it.
/// Its text is not kept: a large JSON Lines file's records are let go batch by batch.
struct Row {
    line: Option<usize>,
    title: String,
    published: Option<crate::extract::dates::Published>,
    publisher: Option<String>,
    location: Option<String>,
    byline: Option<String>,
    /// The article's link, if its record or feed item gave one.
    url: Option<String>,
    facts: Facts,
    content_id: u64,
    /// Where the JSON Lines record starts in its file.
    record_at: Option<u64>,
    /// The folded text for search, when the sync was asked for texts.
    folded: Option<Box<str>>,
    /// Where repeated chrome is counted: its source ([`repeated::source_hash`]), and the
    /// one paragraph (fingerprint) each entity of `facts` is found in, and each date.
    repeats: Repeats,
}

/// What an article adds to the count of repeated paragraphs.
struct Repeats {
    source: u64,
    entities: Vec<Option<u64>>,
    dates: Vec<Option<u64>>,
}

impl Repeats {
    fn of(article: &Article, analysis: &crate::extract::Analysis) -> Self {
        let prints = repeated::fingerprints(article);
        let of = |spans: &[crate::span::Span]| {
            repeated::paragraph_of(&article.paragraphs, &prints, spans)
        };
        Self {
            source: repeated::source_hash(article),
            entities: analysis.entities.iter().map(|e| of(&e.mentions)).collect(),
            dates: crate::index::dated(analysis)
                .map(|(span, _)| of(&[span]))
                .collect(),
        }
    }

    /// The paragraphs counted for the article: those some entity or date is found in
    /// alone (a paragraph with neither cannot put a wrong name in a sidebar).
    fn counted(&self) -> Vec<u64> {
        let mut all: Vec<u64> = self
            .entities
            .iter()
            .chain(&self.dates)
            .flatten()
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// A file's size and modification time (ns), which tell whether it may have changed.
type Stamp = (i64, i64);

/// The stamp of a file that could not be looked at (no stored size is negative): eight
/// bytes a file less than an `Option`.
const NO_STAMP: Stamp = (-1, i64::MIN);

/// Walked file `i` (at `file`) as the caller spelt its root.
fn spelt(walked: &[Walked], file: &Path, i: usize) -> PathBuf {
    walked
        .iter()
        .find(|w| w.files.contains(&i))
        .map_or_else(|| file.to_owned(), |w| w.spelt(file))
}

fn stamp_of(meta: &std::fs::Metadata) -> Stamp {
    (
        i64::try_from(meta.len()).unwrap_or(i64::MAX),
        mtime_of(meta),
    )
}

/// A file's modification time in nanoseconds since the epoch (0 when unknown).
pub(super) fn mtime_of(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Walks each root, noting its folders' times before reading them.
fn walk(roots: &[Root], files: &mut Files, problems: &mut Vec<Problem>) -> Vec<Walked> {
    let mut walked = Vec::new();
    for root in roots {
        let start = files.len();
        let mut folders = Vec::new();
        let mut clean = true;
        // A root that is a file is its own folder: a rewrite changes its time.
        if std::fs::metadata(&root.shown).is_ok_and(|m| m.is_file()) {
            let mtime = std::fs::metadata(&root.shown).ok().map(|m| mtime_of(&m));
            folders.push((root.key.clone(), mtime));
        }
        // By the root's key, so that each walked path is its own key (none is kept apart:
        // a million keys made from relative paths took 90 MB during the check); what is
        // shown of it is spelt as the caller spelt the root. A root whose absolute path
        // is not UTF-8 has no exact key to walk by.
        let by_key = std::path::absolute(&root.shown).is_ok_and(|p| p.to_str().is_some());
        let walk_from = if by_key {
            Path::new(&root.key)
        } else {
            root.shown.as_path()
        };
        corpus::expand_tracking(
            walk_from,
            &mut |f| files.push(f),
            &mut |d| {
                if let Some(key) = key_of(d) {
                    let mtime = std::fs::metadata(d).ok().map(|m| mtime_of(&m));
                    folders.push((key, mtime));
                }
            },
            &mut |p| {
                clean = false;
                problems.push(p.respelt(walk_from, &root.shown));
            },
        );
        walked.push(Walked {
            root: root.clone(),
            files: start..files.len(),
            folders,
            clean,
            by_key,
        });
    }
    walked
}

impl Store {
    /// Brings the corpus under `roots` up to date and returns which files it holds.
    /// `rules` fingerprints the extraction rules: results from other rules are redone.
    /// `progress(done, total)` is called after each committed batch.
    pub fn sync(
        &mut self,
        roots: &[PathBuf],
        rules: u64,
        rescan: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Synced, StoreError> {
        let check = if rescan {
            Check::Hashes
        } else {
            Check::Folders
        };
        self.sync_with(roots, rules, check, false, &mut |change| {
            if let Change::Progress { done, total, .. } = change {
                progress(done, total);
            }
        })
    }

    /// [`Store::sync`], checking files as `check` says and telling `on` of each file read
    /// (as it arrives, before its batch commits), each file gone and the progress. With
    /// `texts`, each article read comes with its text folded for search.
    pub fn sync_with(
        &mut self,
        roots: &[PathBuf],
        rules: u64,
        check: Check,
        texts: bool,
        on: &mut dyn FnMut(Change),
    ) -> Result<Synced, StoreError> {
        let roots = Root::of_all(roots);
        let rules = to_sql(rules);
        let rescan = check == Check::Hashes;
        if check == Check::Folders
            && let Some(synced) = self.quick(&roots, rules)?
        {
            return Ok(synced);
        }
        let shown = Scope {
            roots: roots.clone(),
        };
        let started = now_ns();
        let mut walk_problems = Vec::new();
        let mut files = Files::default();
        let walked = walk(&roots, &mut files, &mut walk_problems);
        let mut synced = Synced {
            failed: walk_problems.iter().any(Problem::is_error),
            problems: walk_problems.iter().map(Note::of).collect(),
            walked: true,
            files: files.len(),
            ..Synced::default()
        };
        // Each file's stamp, on all cores: a million stat calls take seconds on one.
        let stats: Vec<Stamp> = {
            use rayon::prelude::*;
            let files = &files;
            (0..files.len())
                .into_par_iter()
                .map(|i| std::fs::metadata(files.get(i)).map_or(NO_STAMP, |m| stamp_of(&m)))
                .collect()
        };
        let keys = Keys::of(&files);
        // Walk positions by key, and what the database knows by walk position: at a million
        // files, maps from each key's own copy took hundreds of MB while the reader held
        // the whole list.
        let at = Positions::new(&keys);
        let known = self.known(&keys, &at, &stats, (rules, rescan))?;
        drop(stats);
        let todo = &known.todo;
        let total = todo.len();
        let kept = files.len().saturating_sub(total);
        let bulk = total >= BULK && {
            let (low, high) = self.id_bounds()?;
            i64::try_from(total).unwrap_or(i64::MAX) > high - low
        };
        if bulk {
            self.conn
                .execute_batch(super::schema::DROP_MENTIONED_BY_DAY)?;
        }
        // Room for a whole batch, so the cores go on extracting while one is written.
        let (tx, rx) = mpsc::sync_channel::<Extracted>(BATCH_MAX);
        let budget = Budget::default();
        let mut results: Vec<Extracted> = Vec::new();
        // The files are extracted on the rayon pool of the calling thread (the reader's
        // loader has one of its own; see `tui::loader`), while this thread writes what
        // arrives: a thread of its own would take its parallel work to the global pool.
        let written = rayon::in_place_scope(|s| {
            let files = &files;
            let keys = &keys;
            let known = &known;
            let walked = &walked;
            let budget = &budget;
            s.spawn(move |_| {
                use rayon::prelude::*;
                todo.par_iter().for_each_with(tx, |tx, &i| {
                    let key = keys.key(i).unwrap_or_default().to_owned();
                    let before = known.before.get(&i).copied();
                    // Read, and named in warnings, as the caller spelt it.
                    let file = spelt(walked, files.get(i), i);
                    let e = extract_file(i, &file, key, before, texts);
                    budget.take(e.bytes());
                    let _ = tx.send(e);
                });
            });
            // Moved in, so that a writer stopped by an error drops it: a core waiting to
            // send then fails instead of waiting for ever.
            let rx = rx;
            let wrote = (|| {
                let mut done = 0;
                let mut moved = false;
                let mut batch = Vec::with_capacity(BATCH);
                let mut size = BATCH;
                let mut batch_bytes = 0;
                let mut since = std::time::Instant::now();
                let mut seen = Seen::default();
                loop {
                    // Waits no longer than the batch may: a slow file does not hold back the
                    // rows of those before it.
                    match rx.recv_timeout(BATCH_WAIT.saturating_sub(since.elapsed())) {
                        Ok(mut e) => {
                            budget.give(e.bytes());
                            batch_bytes += e.bytes();
                            if let Some(rows) = &mut e.articles {
                                on(Change::File(arrived(&shown, &e.key, rows)));
                            }
                            batch.push(e);
                        }
                        Err(mpsc::RecvTimeoutError::Timeout) => {}
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    }
                    if batch.is_empty() {
                        since = std::time::Instant::now();
                    } else if batch.len() >= size
                        || batch_bytes >= BATCH_BYTES
                        || since.elapsed() >= BATCH_WAIT
                    {
                        done += batch.len();
                        moved |= self.write_batch(&batch, rules, &mut seen)?;
                        results.extend(batch.drain(..).map(Extracted::written));
                        on(Change::Progress { done, total, kept });
                        size = (size * 2).min(BATCH_MAX);
                        batch_bytes = 0;
                        since = std::time::Instant::now();
                    }
                }
                done += batch.len();
                moved |= self.write_batch(&batch, rules, &mut seen)?;
                results.extend(batch.drain(..).map(Extracted::written));
                on(Change::Progress { done, total, kept });
                Ok::<bool, StoreError>(moved)
            })();
            // Likewise a core waiting for the budget.
            drop(rx);
            budget.close();
            wrote
        });
        synced.repeated_moved = written?;
        if bulk {
            // Cut short by an error above, the next open makes it (`schema::migrate`).
            self.conn.execute_batch(super::schema::MENTIONED_BY_DAY)?;
        }
        // This reading's warnings, by walk position (only the files read have any).
        let mut fresh_problems: HashMap<usize, Vec<Problem>> = HashMap::new();
        let mut failed_at = vec![false; files.len()];
        for e in results {
            match e.articles {
                Some(_) => synced.extracted += 1,
                None => synced.rehashed += 1,
            }
            synced.failed |= e.failed;
            failed_at[e.walk_at] = e.failed;
            fresh_problems.insert(e.walk_at, e.problems);
        }
        // Warnings in walk order, stored ones spelt as this caller spells the file.
        let mut noisy_at = vec![false; files.len()];
        let mut warned: Vec<usize> = fresh_problems
            .keys()
            .chain(known.warnings.keys())
            .copied()
            .collect();
        warned.sort_unstable();
        warned.dedup();
        for i in warned {
            let file = spelt(&walked, files.get(i), i);
            if let Some(list) = fresh_problems.get(&i) {
                noisy_at[i] = !list.is_empty();
                synced.problems.extend(list.iter().map(Note::of));
            } else if let Some(json) = known.warnings.get(&i) {
                let shown = file.display().to_string();
                let list: Vec<String> = serde_json::from_str(json).unwrap_or_default();
                noisy_at[i] = !list.is_empty();
                // Only warnings are stored: a file that could not be read is read again.
                synced.problems.extend(list.iter().map(|p| Note {
                    error: false,
                    text: p.replace(PATH_MARK, &shown),
                }));
            }
        }
        let (gone, moved) = self.withdraw_missing(&roots, &at)?;
        synced.repeated_moved |= moved;
        synced.withdrawn = gone.len();
        for key in gone {
            on(Change::Gone(PathBuf::from(shown.shown(&key))));
        }
        let foreign = foreign(&walked, &keys);
        let recorded: Vec<Recorded> = walked
            .iter()
            .zip(foreign)
            .map(|(w, foreign)| Recorded {
                walked: w,
                sound: !foreign && !failed_at[w.files.clone()].iter().any(|&f| f),
                noisy: noisy_at[w.files.clone()]
                    .iter()
                    .map(|&n| i64::from(n))
                    .sum(),
            })
            .collect();
        let added: Vec<&str> = (0..keys.len())
            .filter(|&i| !known.stored[i])
            .filter_map(|i| keys.key(i))
            .collect();
        synced.scope = self.record_walks(&recorded, &added, rules, started)?;
        Ok(synced)
    }

    /// What the database knows of the files with these keys, by walk position (`at` gives
    /// each key's first position), and which to read again: those whose stamp (`stats`,
    /// by walk position) or rules differ from the stored ones, or all on a `rescan`. One
    /// scan of the table costs less than a look-up per file once the corpus has more than
    /// a handful of files.
    fn known(
        &self,
        keys: &Keys<'_>,
        at: &Positions<'_>,
        stats: &[Stamp],
        (rules, rescan): (i64, bool),
    ) -> Result<Known, StoreError> {
        let mut known = Known {
            stored: vec![false; keys.len()],
            ..Known::default()
        };
        let mut fresh = vec![false; keys.len()];
        // A file reached from two roots is known at each of its positions (rare: listed
        // by first position).
        let mut also: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..keys.len() {
            if let Some(first) = keys.key(i).and_then(|k| at.get(k))
                && first != i
            {
                also.entry(first).or_default().push(i);
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT size, mtime_ns, hash, rules, problems, path FROM sources")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(first) = r.get_ref(5)?.as_str().ok().and_then(|path| at.get(path)) else {
                continue;
            };
            let stamp: Stamp = (r.get(0)?, r.get(1)?);
            let (hash, stored_rules): (i64, i64) = (r.get(2)?, r.get(3)?);
            // Borrowed: most files have no warnings.
            let problems = r.get_ref(4)?.as_str().unwrap_or_default();
            let problems = !problems.is_empty() && problems != "[]";
            let others = also.get(&first).map(Vec::as_slice).unwrap_or_default();
            for &i in std::iter::once(&first).chain(others) {
                known.stored[i] = true;
                fresh[i] =
                    !rescan && stats[i] != NO_STAMP && stats[i] == stamp && stored_rules == rules;
                if !fresh[i] {
                    if stored_rules == rules {
                        known.before.insert(i, hash);
                    }
                } else if problems {
                    // Those of a file read again are this reading's.
                    known
                        .warnings
                        .insert(i, r.get_ref(4)?.as_str().unwrap_or_default().into());
                }
            }
        }
        known.todo = (0..keys.len())
            .filter(|&i| keys.key(i).is_some() && !fresh[i])
            .collect();
        Ok(known)
    }

    /// Writes the files in one transaction; returns whether repeated chrome moved.
    fn write_batch(
        &mut self,
        batch: &[Extracted],
        rules: i64,
        seen: &mut Seen,
    ) -> Result<bool, StoreError> {
        if batch.is_empty() {
            return Ok(false);
        }
        let tx = self.conn.transaction()?;
        let mut moved = false;
        for e in batch {
            moved |= write_file(&tx, e, rules, seen)?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// Removes the files under `roots` the walk did not find again, and settles repeated
    /// chrome; returns their keys, and whether repeated chrome moved.
    fn withdraw_missing(
        &mut self,
        roots: &[Root],
        found: &Positions<'_>,
    ) -> Result<(Vec<String>, bool), StoreError> {
        let gone: Vec<(i64, String)> = {
            let mut stmt = self.conn.prepare_cached("SELECT id, path FROM sources")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            let mut gone = Vec::new();
            for row in rows {
                let (id, path) = row?;
                if roots.iter().any(|r| r.holds(&path)) && !found.contains_key(path.as_str()) {
                    gone.push((id, path));
                }
            }
            gone
        };
        let tx = self.conn.transaction()?;
        let mut moved = false;
        for (id, _) in &gone {
            moved |= delete_articles(&tx, *id)?;
            tx.prepare_cached("DELETE FROM sources WHERE id = ?1")?
                .execute([id])?;
        }
        // The sync's last write: every recurring paragraph judged against the corpus as
        // it now is.
        moved |= repeats::settle(&tx)?;
        tx.commit()?;
        Ok((gone.into_iter().map(|(_, path)| path).collect(), moved))
    }
}

/// What the extracted files waiting for the writer weigh (see [`BATCH_BYTES`]): a core
/// with another file to hand over waits while they weigh that much, unless none waits (a
/// file larger than the budget goes alone).
#[derive(Default)]
struct Budget {
    /// The bytes waiting, and whether the writer stopped (then nobody waits).
    state: std::sync::Mutex<(u64, bool)>,
    freed: std::sync::Condvar,
}

impl Budget {
    fn lock(&self) -> std::sync::MutexGuard<'_, (u64, bool)> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn take(&self, bytes: u64) {
        let mut state = self.lock();
        while !state.1 && state.0 > 0 && state.0 + bytes > BATCH_BYTES {
            state = self
                .freed
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        state.0 += bytes;
    }

    fn give(&self, bytes: u64) {
        let mut state = self.lock();
        state.0 = state.0.saturating_sub(bytes);
        self.freed.notify_all();
    }

    fn close(&self) {
        self.lock().1 = true;
        self.freed.notify_all();
    }
}

impl Extracted {
    /// What the file weighs for [`Budget`]: its size on disk.
    fn bytes(&self) -> u64 {
        u64::try_from(self.size).unwrap_or(0)
    }

    /// The file `file` at walk position `walk_at`, with its size and time as they are now,
    /// before it is read.
    fn of(walk_at: usize, file: &Path, key: String) -> Self {
        let meta = std::fs::metadata(file).ok();
        let (size, mtime_ns) = meta.as_ref().map_or((0, 0), stamp_of);
        Self {
            regular: meta.is_some_and(|m| m.is_file()),
            walk_at,
            key,
            size,
            mtime_ns,
            hash: 0,
            articles: None,
            problems: Vec::new(),
            failed: false,
        }
    }

    /// What is kept of a file once its batch is written: not its rows.
    fn written(mut self) -> Self {
        if let Some(rows) = &mut self.articles {
            *rows = Vec::new();
        }
        self
    }

    /// The file could not be read: an error for the user, no articles from it, and a size
    /// no file has, so the next sync reads it again.
    fn unreadable(mut self, file: &Path, e: &std::io::Error) -> Self {
        self.problems.push(Problem::unreadable(file, e));
        self.failed = true;
        self.size = -1;
        self.articles = Some(Vec::new());
        self
    }
}

/// Reads one file; extracts it unless its bytes hash as `before`.
fn extract_file(
    walk_at: usize,
    file: &Path,
    key: String,
    before: Option<i64>,
    texts: bool,
) -> Extracted {
    let mut out = Extracted::of(walk_at, file, key);
    // A named pipe can be read only once: it is read whole, as any other file.
    if out.regular && corpus::is_json_lines(file) {
        return extract_json_lines(out, file, before, texts);
    }
    let mut problems = Vec::new();
    // Only a pipe needs opening without waiting (its stat is taken already).
    let read = if out.regular {
        std::fs::read(file)
    } else {
        corpus::read_all(file)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => return out.unreadable(file, &e),
    };
    out.hash = to_sql(xxhash_rust::xxh3::xxh3_64(&bytes));
    let json_lines = corpus::is_json_lines(file);
    let articles = corpus::from_vec(file, bytes, json_lines, &mut problems);
    out.failed = problems.iter().any(Problem::is_error);
    out.problems = problems;
    if before == Some(out.hash) {
        out.articles = None;
        return out;
    }
    out.articles = Some(articles.into_iter().map(|a| Row::of(a, texts)).collect());
    out
}

/// Bytes of JSON Lines records analysed together: the file is never held whole, so a
/// 200 MB file needs a few batches' worth of memory, not its size twice over.
const RECORD_BATCH_BYTES: usize = 4 << 20;

/// [`extract_file`] for a JSON Lines file, streamed: one pass hashes the bytes, and a
/// second (from the page cache) reads the records in batches, each analysed on all cores
/// and let go but for its rows. An unchanged file is still read for its warnings, which
/// are said again, but not analysed.
fn extract_json_lines(
    mut out: Extracted,
    file: &Path,
    before: Option<i64>,
    texts: bool,
) -> Extracted {
    match corpus::hash_file(file) {
        Ok(hash) => out.hash = to_sql(hash),
        Err(e) => return out.unreadable(file, &e),
    }
    let unchanged = before == Some(out.hash);
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    corpus::read_batches(file, RECORD_BATCH_BYTES, &mut |articles, more| {
        problems.extend(more);
        if !unchanged {
            use rayon::prelude::*;
            rows.par_extend(articles.into_par_iter().map(|a| Row::of(a, texts)));
        }
        true
    });
    out.failed = problems.iter().any(Problem::is_error);
    out.problems = problems;
    out.articles = (!unchanged).then_some(rows);
    out
}

impl Row {
    fn of(article: Article, texts: bool) -> Self {
        let analysis = crate::extract::analyse(&article);
        let facts = Facts::of(&analysis);
        let repeats = Repeats::of(&article, &analysis);
        drop(analysis);
        Self {
            repeats,
            content_id: crate::state::content_id(&article),
            folded: texts.then(|| SearchText::folded(&article)),
            record_at: match article.origin {
                Origin::Record(at) => Some(at),
                _ => None,
            },
            facts,
            line: article.line,
            title: article.title,
            published: article.published,
            publisher: article.source,
            location: article.dateline,
            byline: article.byline,
            url: article.url,
        }
    }
}

impl Store {
    /// Puts articles that come from no folder walked here (standard input, the bundled
    /// samples, articles loaded already) under `name`, replacing what was there, and adds
    /// them to `scope`. Meant for a database in memory.
    pub fn put_articles(
        &mut self,
        name: &str,
        articles: Vec<Article>,
        scope: &mut Scope,
    ) -> Result<(), StoreError> {
        use rayon::prelude::*;
        let rows: Vec<Row> = articles
            .into_par_iter()
            .map(|a| Row::of(a, false))
            .collect();
        let e = Extracted {
            walk_at: 0,
            key: name.to_owned(),
            size: 0,
            mtime_ns: 0,
            hash: 0,
            articles: Some(rows),
            problems: Vec::new(),
            failed: false,
            regular: false,
        };
        let tx = self.conn.transaction()?;
        write_file(&tx, &e, 0, &mut Seen::default())?;
        repeats::settle(&tx)?;
        tx.commit()?;
        scope.add_name(name);
        Ok(())
    }
}

/// Writes one file's stamp and articles; returns whether repeated chrome moved (see
/// [`repeats`]).
fn write_file(
    tx: &Transaction,
    e: &Extracted,
    rules: i64,
    seen: &mut Seen,
) -> Result<bool, StoreError> {
    // Warnings are stored with the path marked, to be said again in any caller's spelling.
    let problems: Vec<String> = e
        .problems
        .iter()
        .map(|p| {
            p.to_string()
                .replacen(&problem_path(p).display().to_string(), PATH_MARK, 1)
        })
        .collect();
    let problems = serde_json::to_string(&problems).unwrap_or_else(|_| "[]".to_owned());
    // Looked up, then written: an upsert or `RETURNING` makes SQLite keep a statement
    // journal (see `repeats::count`).
    let known: Option<i64> = tx
        .prepare_cached("SELECT id FROM sources WHERE path = ?1")?
        .query_row([&e.key], |r| r.get(0))
        .optional()?;
    let stamp = params![e.key, e.size, e.mtime_ns, e.hash, rules, problems];
    let id = if let Some(id) = known {
        tx.prepare_cached(
            "UPDATE sources SET size = ?2, mtime_ns = ?3, hash = ?4, rules = ?5, problems = ?6
             WHERE path = ?1",
        )?
        .execute(stamp)?;
        id
    } else {
        tx.prepare_cached(
            "INSERT INTO sources (path, size, mtime_ns, hash, rules, problems)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(stamp)?;
        tx.last_insert_rowid()
    };
    let Some(rows) = &e.articles else {
        return Ok(false);
    };
    // One look-up for a new file, as before: it holds nothing to take back or carry.
    let before = held_articles(tx, id)?;
    let mut moved = !before.is_empty() && delete_articles(tx, id)?;
    for row in rows {
        moved |= insert_article(tx, id, &e.key, row, seen)?;
    }
    for (old, now) in edited(&before, rows) {
        carry_marks(tx, old, now)?;
    }
    Ok(moved)
}

/// An article `source` held before it was read again: its line, title and content id.
struct Held {
    line: Option<i64>,
    title: String,
    content_id: i64,
}

fn held_articles(tx: &Transaction, source: i64) -> Result<Vec<Held>, StoreError> {
    let mut stmt =
        tx.prepare_cached("SELECT line, title, content_id FROM articles WHERE source = ?1")?;
    let held = stmt
        .query_map([source], |r| {
            Ok(Held {
                line: r.get(0)?,
                title: r.get(1)?,
                content_id: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(held)
}

/// The articles of a file read again that are edits of what it held (content ids before
/// and now): the same record line with the same title, or a file of one article still
/// of one. A record that moved to another line, or took another title beside others, is
/// not followed: its marks could land on another story.
fn edited(before: &[Held], rows: &[Row]) -> Vec<(i64, i64)> {
    let alone = before.len() == 1 && rows.len() == 1;
    // By line, once: a file of a million records is read again after every fetch.
    let by_line: HashMap<Option<i64>, &Held> = before.iter().map(|h| (h.line, h)).collect();
    rows.iter()
        .filter_map(|row| {
            let line = row.line.and_then(|l| i64::try_from(l).ok());
            let old = by_line.get(&line)?;
            let same = old.title == row.title || alone && similar(&old.title, &row.title);
            let now = to_sql(row.content_id);
            (same && old.content_id != now).then_some((old.content_id, now))
        })
        .collect()
}

/// Whether two titles share at least half their words: an edited headline (`नदी पर पुल`,
/// `नदी पर नया पुल`), not another story under a file name used again (`latest.txt`).
fn similar(a: &str, b: &str) -> bool {
    let words = |t: &str| -> HashSet<String> { t.split_whitespace().map(str::to_owned).collect() };
    let (a, b) = (words(a), words(b));
    let shared = a.intersection(&b).count();
    shared * 2 >= a.len().max(b.len()) && shared > 0
}

/// Gives the article now `now` the read mark and star of its earlier version `old` (an
/// edit made while no reader was open changes the content id they are kept under). They
/// move, keeping the star's place, unless another article still has the old content
/// (the same story in another file): then they are copied.
fn carry_marks(tx: &Transaction, old: i64, now: i64) -> Result<(), StoreError> {
    let shared: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE content_id = ?1)")?
        .query_row([old], |r| r.get(0))?;
    let sql: &[&str] = if shared {
        &[
            "INSERT OR IGNORE INTO read_articles (id, read_at)
                 SELECT ?2, read_at FROM read_articles WHERE id = ?1",
            "INSERT OR IGNORE INTO starred_articles (id, starred_at)
                 SELECT ?2, starred_at FROM starred_articles WHERE id = ?1",
        ]
    } else {
        &[
            "UPDATE OR IGNORE read_articles SET id = ?2 WHERE id = ?1",
            "UPDATE OR IGNORE starred_articles SET id = ?2 WHERE id = ?1",
        ]
    };
    for sql in sql {
        tx.prepare_cached(sql)?.execute(params![old, now])?;
    }
    if !shared {
        // What `OR IGNORE` left: the new version had its own mark already.
        for sql in [
            "DELETE FROM read_articles WHERE id = ?1",
            "DELETE FROM starred_articles WHERE id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute([old])?;
        }
    }
    Ok(())
}

fn problem_path(p: &Problem) -> &Path {
    match p {
        Problem::Missing(path)
        | Problem::Loop(path)
        | Problem::NoArticles(path)
        | Problem::Unsupported(path)
        | Problem::Feed(path)
        | Problem::Unreadable { path, .. }
        | Problem::InvalidUtf8 { path, .. }
        | Problem::Binary { path, .. }
        | Problem::WideText { path, .. }
        | Problem::Empty { path }
        | Problem::Large { path, .. }
        | Problem::NotADate { path, .. }
        | Problem::BadRecord { path, .. } => path,
    }
}

fn day(d: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(d.num_days_from_ce())
}

/// Writes one article; returns whether it made a paragraph repeated chrome (see
/// [`repeats`]).
fn insert_article(
    tx: &Transaction,
    source: i64,
    path: &str,
    row: &Row,
    seen: &mut Seen,
) -> Result<bool, StoreError> {
    let published = row.published.and_then(|p| p.value());
    let published_day = row.published.and_then(|p| p.date.to_naive()).map(day);
    // Without `RETURNING`, which makes SQLite keep a statement journal (see
    // `repeats::count`).
    tx.prepare_cached(
        "INSERT INTO articles (source, line, content_id, title, published, published_day,
             publisher, location, byline, record_at, path, repeat_key, url, published_minute)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        source,
        row.line.and_then(|l| i64::try_from(l).ok()),
        to_sql(row.content_id),
        row.title,
        published,
        published_day,
        row.publisher,
        row.location,
        row.byline,
        row.record_at.and_then(|at| i64::try_from(at).ok()),
        path,
        to_sql(row.repeats.source),
        row.url,
        published_day.and(row.published.as_ref().and_then(crate::index::minute_of)),
    ])?;
    let article = tx.last_insert_rowid();
    let counted = row.repeats.counted();
    let (repeated, moved) = repeats::count(
        tx,
        article,
        (
            row.repeats.source,
            to_sql(row.content_id),
            published.as_deref(),
        ),
        &counted,
    )?;
    let aside = |fp: Option<u64>| fp.is_some_and(|f| repeated.contains(&f));
    for (e, &fp) in row.facts.entities.iter().zip(&row.repeats.entities) {
        let entity = seen.entity(tx, e)?;
        let table = if aside(fp) {
            "chrome_mentions"
        } else {
            "mentions"
        };
        tx.prepare_cached(&format!(
            "INSERT OR IGNORE INTO {table} (entity, article, fp) VALUES (?1, ?2, ?3)"
        ))?
        .execute(params![entity, article, fp.map(to_sql)])?;
    }
    for (&(first, last), &fp) in row.facts.dates.iter().zip(&row.repeats.dates) {
        let table = if aside(fp) {
            "chrome_dates"
        } else {
            "mentioned_dates"
        };
        tx.prepare_cached(&format!(
            "INSERT INTO {table} (article, first_day, last_day, fp) VALUES (?1, ?2, ?3, ?4)"
        ))?
        .execute(params![article, day(first), day(last), fp.map(to_sql)])?;
    }
    Ok(moved)
}

/// The entities and aliases a sync has written: an entity is named in many articles, and
/// writing it and its aliases again for each (an insert, a look-up and an insert per
/// alias) was most of the writer's work. Ids are never reused (entities are never
/// deleted), and a sync whose transaction fails stops, so what is here stays true.
#[derive(Default)]
struct Seen {
    /// Entity ids by key (FNV: a key is looked up for every mention written).
    ids: FastMap<String, i64>,
    /// Aliases written (folded forms), by entity id.
    aliases: FastMap<i64, HashSet<String, std::hash::BuildHasherDefault<Fnv>>>,
}

impl Seen {
    /// The id of `e`, written with the aliases this article gives it that this sync has
    /// not written yet.
    fn entity(&mut self, tx: &Transaction, e: &FactEntity) -> Result<i64, StoreError> {
        let entity = if let Some(&id) = self.ids.get(&e.id) {
            id
        } else {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO entities (key, kind, name) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![e.id, kind_name(e.kind), e.name])?;
            let id: i64 = tx
                .prepare_cached("SELECT id FROM entities WHERE key = ?1")?
                .query_row([&e.id], |r| r.get(0))?;
            self.ids.insert(e.id.clone(), id);
            // The name and the gazetteer's forms are the entity's own: once a sync.
            self.alias(tx, id, &crate::text::fold::fold(&e.name))?;
            for form in crate::index::gazetteer_forms(&e.id) {
                self.alias(tx, id, form)?;
            }
            id
        };
        for form in &e.forms {
            self.alias(tx, entity, form)?;
        }
        Ok(entity)
    }

    /// Writes `form` as an alias of `entity` unless this sync did already, and a
    /// Devanagari form romanised too, so that a Latin name finds it (see
    /// [`crate::text::roman::name_key`]).
    fn alias(&mut self, tx: &Transaction, entity: i64, form: &str) -> Result<(), StoreError> {
        let forms = self.aliases.entry(entity).or_default();
        if !forms.contains(form) {
            let romanised = crate::text::roman::name_key(form);
            for f in std::iter::once(form).chain(romanised.as_deref()) {
                tx.prepare_cached("INSERT OR IGNORE INTO aliases (form, entity) VALUES (?1, ?2)")?
                    .execute(params![f, entity])?;
            }
            forms.insert(form.to_owned());
        }
        Ok(())
    }
}

/// Deletes the articles of `source`; returns whether a paragraph stopped being repeated
/// chrome (see [`repeats`]).
fn delete_articles(tx: &Transaction, source: i64) -> Result<bool, StoreError> {
    // A file met for the first time has nothing to take back: the look-ups below cost a
    // sixth of a cold import when run for every new file.
    let held: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE source = ?1)")?
        .query_row([source], |r| r.get(0))?;
    if !held {
        return Ok(false);
    }
    let moved = repeats::uncount(tx, source)?;
    for sql in [
        "DELETE FROM mentions WHERE article IN (SELECT id FROM articles WHERE source = ?1)",
        "DELETE FROM mentioned_dates WHERE article IN (SELECT id FROM articles WHERE source = ?1)",
        "DELETE FROM articles WHERE source = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([source])?;
    }
    Ok(moved)
}

pub(super) fn kind_name(kind: crate::extract::entities::EntityKind) -> &'static str {
    use crate::extract::entities::EntityKind;
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "org",
    }
}

/// The kind a stored name stands for ([`kind_name`] read back).
pub(super) fn kind_of(name: &str) -> Option<crate::extract::entities::EntityKind> {
    use crate::extract::entities::EntityKind;
    Some(match name {
        "person" => EntityKind::Person,
        "place" => EntityKind::Place,
        "org" => EntityKind::Organization,
        _ => return None,
    })
}

/// A file's rows as the reader takes them on arrival (the folded texts are handed over,
/// the rest copied: the rows are still to be written).
fn arrived(shown: &Scope, key: &str, rows: &mut [Row]) -> Arrived {
    let path: std::sync::Arc<str> = shown.shown(key).into();
    let articles = rows
        .iter_mut()
        .map(|row| Arrival {
            doc: Doc::new(
                std::sync::Arc::clone(&path),
                row.line,
                row.record_at,
                row.publisher.as_deref().map(Into::into),
                row.published,
                (row.content_id, row.repeats.source),
            ),
            title: row.title.as_str().into(),
            facts: row.facts.clone(),
            folded: row.folded.take(),
        })
        .collect();
    Arrived {
        path: PathBuf::from(&*path),
        articles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A core with a file to hand over waits while the files waiting weigh the budget
    /// (one larger than it goes alone), until the writer takes some or stops.
    #[test]
    fn the_budget_holds_cores_back_until_the_writer_takes_or_stops() {
        use std::sync::atomic::{AtomicBool, Ordering};
        for stop in [false, true] {
            let budget = Budget::default();
            budget.take(BATCH_BYTES * 2);
            let passed = AtomicBool::new(false);
            std::thread::scope(|s| {
                s.spawn(|| {
                    budget.take(1);
                    passed.store(true, Ordering::SeqCst);
                });
                std::thread::sleep(std::time::Duration::from_millis(50));
                assert!(!passed.load(Ordering::SeqCst), "went past a full budget");
                if stop {
                    budget.close();
                } else {
                    budget.give(BATCH_BYTES * 2);
                }
            });
            assert!(passed.load(Ordering::SeqCst));
        }
    }

    /// Every alias any article gives an entity is stored, also when a file written later in
    /// the same sync gives a form the first did not (the writer remembers what it wrote).
    #[test]
    fn a_sync_stores_every_alias_each_article_gives() {
        // Records of one file are written in order (files are extracted in parallel and
        // written as they finish): the record with the short form comes second.
        let dir = tempfile::tempdir().unwrap();
        let bodies = [
            ("पहली खबर", "राजेश सिन्हा ने कहा कि काम पूरा होगा।"),
            (
                "दूसरी खबर",
                "राजेश सिन्हा ने कहा कि काम जल्द होगा। बाद में सिन्हा ने बताया कि पैसा आ गया।",
            ),
            ("तीसरी खबर", "व्लादिमीर पुतिन ने कहा। पुतिन ने फिर कहा।"),
        ];
        let path = dir.path().join("news.jsonl");
        let lines: Vec<String> = bodies
            .iter()
            .map(|(title, body)| serde_json::json!({ "title": title, "body": body }).to_string())
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        let mut want: HashSet<(String, String)> = HashSet::new();
        for article in crate::corpus::load(std::slice::from_ref(&path)).articles {
            for e in Row::of(article, false).facts.entities {
                let name = crate::text::fold::fold(&e.name);
                for form in e
                    .forms
                    .iter()
                    .chain(crate::index::gazetteer_forms(&e.id))
                    .chain([&name])
                {
                    want.insert((e.id.clone(), form.clone()));
                    // A Devanagari form romanised too, for Latin names.
                    if let Some(r) = crate::text::roman::name_key(form) {
                        want.insert((e.id.clone(), r));
                    }
                }
            }
        }
        assert!(
            want.iter()
                .any(|(_, f)| f == &crate::text::fold::fold("सिन्हा")),
            "the second article gives no short form: {want:?}"
        );
        let mut store = Store::in_memory().unwrap();
        store
            .sync(&[dir.path().to_owned()], 1, false, &mut |_, _| {})
            .unwrap();
        let got: HashSet<(String, String)> = store
            .conn
            .prepare("SELECT e.key, a.form FROM aliases a JOIN entities e ON e.id = a.entity")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, want);
    }

    /// A file under two roots given together (a folder and one inside it) is known at
    /// both places it is walked: a second sync reads nothing again and tells its stored
    /// warning as the first did.
    #[test]
    fn a_file_under_two_roots_is_known_at_both() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), "शीर्षक\n\nपुतिन ने कहा।\n").unwrap();
        // An empty record: a warning, stored with the file.
        let record = serde_json::json!({ "title": "दूसरा", "body": "पाठ।" }).to_string();
        std::fs::write(sub.join("b.jsonl"), format!("{record}\n{{}}\n")).unwrap();
        let roots = [dir.path().to_owned(), sub];
        let mut store = Store::in_memory().unwrap();
        let first = store.sync(&roots, 1, false, &mut |_, _| {}).unwrap();
        let second = store.sync(&roots, 1, false, &mut |_, _| {}).unwrap();
        assert_eq!(first.files, 4, "{first:?}");
        assert_eq!(first.extracted, 4, "{first:?}");
        // Walked again (the quick check does not trust overlapping roots), not answered
        // from the folders' times.
        assert!(second.walked && second.files == 4, "{second:?}");
        assert_eq!((second.extracted, second.rehashed), (0, 0), "{second:?}");
        assert!(!first.problems.is_empty(), "{first:?}");
        assert_eq!(second.problems, first.problems);
    }
}
