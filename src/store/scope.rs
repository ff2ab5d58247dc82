//! The roots a command was given, kept in the database with the times of their folders, so
//! a later run over the same roots answers without walking them again.
//!
//! Each root is a row of `walks`; its files are the `sources` under its path, which a full
//! walk makes exactly the files it found (the others are withdrawn), so a query restricts
//! rows by path range and needs no table of members. Freshness is checked the way mail
//! indexers such as notmuch do it: adding, removing or renaming a file changes its folder's
//! modification time, so comparing the folders (a hundred `stat` calls for 100,000 files
//! in a hundred folders, where a `readdir` and a `stat` per file cost more than `rg`
//! reading them all) tells whether the walk would find the same files. A file rewritten in
//! place (not replaced by a rename, as editors and downloaders do) is the one change this
//! misses; `--rescan` walks and hashes everything. A folder changed within the last few
//! seconds is not trusted (its time may not move again on a change in the same clock
//! tick), nor is a root under which another walk put a file this one would not have found
//! (a hidden file named directly).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::corpus::{Note, PATH_MARK, Synced, mtime_of};
use super::positions::KeyAt;
use super::{Store, StoreError};

/// Folders changed this recently (nanoseconds) are walked again next time.
const RACY_NS: i64 = 2_000_000_000;

/// A path given to a command: as the caller spelt it, and its key (absolute, symlinks not
/// resolved, no trailing separator), which is how `sources` names the files under it.
#[derive(Debug, Clone)]
pub struct Root {
    pub key: String,
    pub shown: PathBuf,
}

impl Root {
    /// The roots of `paths`, each once.
    pub(super) fn of_all(paths: &[PathBuf]) -> Vec<Self> {
        let mut out: Vec<Self> = Vec::new();
        for p in paths {
            let Some(key) = key_of(p) else { continue };
            let key = match key.trim_end_matches('/') {
                "" => "/".to_owned(),
                trimmed => trimmed.to_owned(),
            };
            if out.iter().all(|r| r.key != key) {
                out.push(Self {
                    key,
                    shown: p.clone(),
                });
            }
        }
        out
    }

    /// The file with key `path`, as the caller spelt this root; `None` when it is not under
    /// it.
    pub fn show(&self, path: &str) -> Option<String> {
        let spelt = Spelt::of(self);
        let (base, rest) = self.split(&spelt, path)?;
        Some(format!("{base}{rest}"))
    }

    /// The file with key `path` as the caller spelt this root, in two parts to be joined
    /// (`base` then `rest`); `None` when it is not under it. What [`Root::show`] joins.
    pub(super) fn split<'a>(&self, shown: &'a Spelt, path: &'a str) -> Option<(&'a str, &'a str)> {
        if !self.holds(path) {
            return None;
        }
        let rest = &path[self.key.len()..];
        Some((shown.base(rest), rest))
    }

    /// Whether the file with key `path` is this root or under it.
    pub(super) fn holds(&self, path: &str) -> bool {
        path.strip_prefix(self.key.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || self.key.ends_with('/'))
    }

    /// The keys under this root are this one and those in `[low, high)`: the byte after
    /// the root is `/`, and `0` is the byte after `/`.
    fn range(&self) -> (String, String) {
        match self.key.strip_suffix('/') {
            Some(stem) => (self.key.clone(), format!("{stem}0")),
            None => (format!("{}/", self.key), format!("{}0", self.key)),
        }
    }
}

/// A root as the caller spelt it, as text.
#[derive(Debug, Clone)]
pub(super) struct Spelt {
    plain: String,
    /// The length of `plain` without trailing separators.
    trimmed: usize,
}

impl Spelt {
    pub(super) fn of(root: &Root) -> Self {
        let plain = root.shown.to_string_lossy().into_owned();
        let trimmed = plain.trim_end_matches('/').len();
        Self { plain, trimmed }
    }

    /// What goes before `rest`, the part of a key after the root: the root as spelt,
    /// without its trailing separators when `rest` brings one.
    pub(super) fn base(&self, rest: &str) -> &str {
        if rest.starts_with('/') {
            &self.plain[..self.trimmed]
        } else {
            &self.plain
        }
    }
}

/// The key of a file: its absolute path as text.
pub(super) fn key_of(file: &Path) -> Option<String> {
    std::path::absolute(file)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

/// A walked file's key, or `None` for a file with none (see [`key_of`]).
pub(super) type Key<'a> = Option<std::borrow::Cow<'a, str>>;

/// [`key_of`], borrowed from `file` when it is its own key (a file walked from an absolute
/// root): a million walked files would otherwise hold each path twice, about 100 MB.
pub(super) fn key_in(file: &Path) -> Key<'_> {
    use std::borrow::Cow;
    let key = key_of(file)?;
    Some(match file.to_str() {
        Some(plain) if plain == key => Cow::Borrowed(plain),
        _ => Cow::Owned(key),
    })
}

/// The files under the roots of one [`Store::sync`]: queries answer for these only, in
/// the caller's spelling, whatever else the database holds.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    pub(super) roots: Vec<Root>,
}

impl Scope {
    /// The files under `paths`, whether or not a walk of them was recorded.
    #[must_use]
    pub fn of_paths(paths: &[PathBuf]) -> Self {
        Self {
            roots: Root::of_all(paths),
        }
    }

    /// Adds a source named `name` (not a path: standard input, a bundled sample).
    pub(super) fn add_name(&mut self, name: &str) {
        if self.roots.iter().all(|r| r.key != name) {
            self.roots.push(Root {
                key: name.to_owned(),
                shown: PathBuf::from(name),
            });
        }
    }

    /// The roots as the caller spelt them, in order, for [`Scope::split`].
    pub(super) fn spelt(&self) -> Vec<Spelt> {
        self.roots.iter().map(Spelt::of).collect()
    }

    /// The file with key `path` as the caller spelt it, in two parts (see [`Root::split`]),
    /// with the number of the first root that holds it; `None` for a path under none,
    /// which is shown as it is.
    pub(super) fn split<'a>(
        &self,
        spelt: &'a [Spelt],
        path: &'a str,
    ) -> Option<(usize, &'a str, &'a str)> {
        self.roots
            .iter()
            .zip(spelt)
            .enumerate()
            .find_map(|(i, (r, s))| r.split(s, path).map(|(base, rest)| (i, base, rest)))
    }

    /// Whether the file with key `path` is under one of the roots.
    pub(super) fn holds(&self, path: &str) -> bool {
        self.roots.iter().any(|r| r.holds(path))
    }

    /// The file with key `path` as the caller spelt it (the first root that holds it).
    pub fn shown(&self, path: &str) -> String {
        self.roots
            .iter()
            .find_map(|r| r.show(path))
            .unwrap_or_else(|| path.to_owned())
    }

    /// An SQL condition on the path column `column` keeping the files under the roots,
    /// with its arguments (`None`: no roots, nothing is kept).
    pub(super) fn condition(&self, column: &str) -> Option<(String, Vec<Value>)> {
        if self.roots.is_empty() {
            return None;
        }
        let mut terms = Vec::new();
        let mut args = Vec::new();
        for root in &self.roots {
            let (low, high) = root.range();
            terms.push(format!("{column} = ? OR ({column} >= ? AND {column} < ?)"));
            args.extend([root.key.clone(), low, high].map(Value::Text));
        }
        Some((format!("({})", terms.join(" OR ")), args))
    }
}

/// One root as walked by a full sync.
pub(super) struct Walked {
    pub root: Root,
    /// Its files, as a range of the sync's file list.
    pub files: std::ops::Range<usize>,
    /// Folder keys and modification times, taken before each folder was read (`None`:
    /// could not be read).
    pub folders: Vec<(String, Option<i64>)>,
    /// Whether the walk met no problem (a problem is said again only by walking again).
    pub clean: bool,
    /// Whether it went by the root's key (its files' paths are their keys) rather than by
    /// the root as spelt.
    pub by_key: bool,
}

impl Walked {
    /// Walked file `file` as the caller spelt the root.
    pub(super) fn spelt(&self, file: &Path) -> PathBuf {
        if self.by_key {
            crate::corpus::under(file, Path::new(&self.root.key), &self.root.shown)
        } else {
            file.to_owned()
        }
    }
}

/// What a full sync knows of one root once its files are written.
pub(super) struct Recorded<'a> {
    pub walked: &'a Walked,
    /// Whether it can be trusted next time as far as its files go: none failed to be
    /// read (it is read again next time), and no file of another root of the sync lies
    /// under it that its own walk did not find.
    pub sound: bool,
    /// How many of its files have stored warnings.
    pub noisy: i64,
}

/// Now, in nanoseconds since the epoch, as file times are kept.
pub(super) fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Whether each walk's root holds a file of the sync that its own walk did not find.
pub(super) fn foreign(walked: &[Walked], keys: &dyn KeyAt) -> Vec<bool> {
    walked
        .iter()
        .map(|w| {
            walked.len() > 1
                && (0..keys.len())
                    .any(|i| !w.files.contains(&i) && keys.key(i).is_some_and(|k| w.root.holds(k)))
        })
        .collect()
}

impl Store {
    /// The answer of a sync when every root's folders are as its last walk left them:
    /// nothing is read but the folders' times. `None` when some root must be walked.
    pub(super) fn quick(&self, roots: &[Root], rules: i64) -> Result<Option<Synced>, StoreError> {
        let mut noisy = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rules, folders, noisy FROM walks WHERE root = ?1")?;
        for root in roots {
            let row = stmt
                .query_row([&root.key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .optional()?;
            let Some((walk_rules, Some(folders), n)) = row else {
                return Ok(None);
            };
            let Ok(folders) = serde_json::from_str::<Vec<(String, i64)>>(&folders) else {
                return Ok(None);
            };
            if walk_rules != rules || folders.is_empty() {
                return Ok(None);
            }
            let unchanged = folders
                .iter()
                .all(|(path, mtime)| std::fs::metadata(path).is_ok_and(|m| mtime_of(&m) == *mtime));
            if !unchanged {
                return Ok(None);
            }
            if n > 0 {
                noisy.push(root);
            }
        }
        let mut synced = Synced {
            scope: Scope {
                roots: roots.to_vec(),
            },
            ..Synced::default()
        };
        for root in noisy {
            self.stored_warnings(root, &mut synced)?;
        }
        Ok(Some(synced))
    }

    /// The warnings stored with the files under `root`, spelt as the scope spells them.
    fn stored_warnings(&self, root: &Root, synced: &mut Synced) -> Result<(), StoreError> {
        let (low, high) = root.range();
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, problems FROM sources INDEXED BY sources_with_problems
             WHERE problems <> '[]' AND (path = ?1 OR (path >= ?2 AND path < ?3))
             ORDER BY path",
        )?;
        let rows = stmt.query_map([&root.key, &low, &high], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (path, json) = row?;
            let shown = synced.scope.shown(&path);
            let list: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
            synced.problems.extend(list.iter().map(|p| Note {
                error: false,
                text: p.replace(PATH_MARK, &shown),
            }));
        }
        Ok(())
    }

    /// Keeps each root's walk, with its folders' times when they can be trusted next time
    /// (`started` is when the walk began), and stops trusting the other walks under whose
    /// roots a file was added (`added`, keys): theirs would not have found it.
    pub(super) fn record_walks(
        &mut self,
        recorded: &[Recorded],
        added: &[&str],
        rules: i64,
        started: i64,
    ) -> Result<Scope, StoreError> {
        let mut scope = Scope::default();
        let tx = self.conn.transaction()?;
        for r in recorded {
            let w = r.walked;
            let settled = w
                .folders
                .iter()
                .all(|(_, m)| m.is_some_and(|m| m < started - RACY_NS));
            let trusted = w.clean && r.sound && settled && !w.folders.is_empty();
            let folders = trusted.then(|| {
                let plain: Vec<(&str, i64)> = w
                    .folders
                    .iter()
                    .map(|(p, m)| (p.as_str(), m.unwrap_or_default()))
                    .collect();
                serde_json::to_string(&plain).unwrap_or_default()
            });
            tx.prepare_cached(
                "INSERT INTO walks (root, rules, folders, noisy) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (root) DO UPDATE SET rules = ?2, folders = ?3, noisy = ?4",
            )?
            .execute(rusqlite::params![w.root.key, rules, folders, r.noisy])?;
            scope.roots.push(w.root.clone());
        }
        if !added.is_empty() {
            let mine: HashSet<&str> = scope.roots.iter().map(|r| r.key.as_str()).collect();
            let others: Vec<(i64, String)> = {
                let mut stmt =
                    tx.prepare_cached("SELECT id, root FROM walks WHERE folders IS NOT NULL")?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            for (id, key) in others {
                let root = Root {
                    key,
                    shown: PathBuf::new(),
                };
                if !mine.contains(root.key.as_str()) && added.iter().any(|k| root.holds(k)) {
                    tx.prepare_cached("UPDATE walks SET folders = NULL WHERE id = ?1")?
                        .execute([id])?;
                }
            }
        }
        tx.commit()?;
        Ok(scope)
    }
}
