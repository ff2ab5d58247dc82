//! The user's state as the reader sees it: which articles are read and starred, and the
//! session ("reopen where you left off"), kept across runs in the database
//! ([`crate::store`]).
//!
//! Articles are known by a hash of their content, so moving or renaming files keeps their
//! state. [`UserState`] answers from memory (the list asks for every row it draws) and
//! hands each change to a writer thread of its own, so a key press never waits for the
//! disk or for another process holding the database.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use crate::corpus::Article;
use crate::store::{Store, StoreError};

/// A stable identifier of an article's content (title and text).
pub fn content_id(article: &Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(article.title.as_bytes());
    h.update(&[0]);
    // A record's body alone: its title, put before the body in `text`, is hashed above.
    h.update(&article.text.as_bytes()[article.body_at..]);
    h.digest()
}

/// Read and starred articles and the session, mirrored in memory and written through.
#[derive(Debug, Default)]
pub struct UserState {
    /// Raised by every change to the marks, so what is computed from them can be kept
    /// until they change.
    version: u64,
    read: HashSet<u64>,
    /// Starred ids in the order they were starred, and as a set: a starred-only list asks
    /// once per article.
    starred: Vec<u64>,
    starred_set: HashSet<u64>,
    session: HashMap<String, serde_json::Value>,
    writer: Option<Writer>,
}

impl UserState {
    /// A state that is never saved (tests, or no data directory).
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// The state in `store`, written back to it from now on, each change durably (a
    /// power cut after a star does not lose it).
    pub fn open(store: Store) -> Result<Self, StoreError> {
        store.sync_every_commit()?;
        let read = store.read_ids()?.into_iter().collect();
        let starred = store.starred()?;
        let starred_set = starred.iter().copied().collect();
        let session = store.session_all()?.into_iter().collect();
        Ok(Self {
            version: 0,
            read,
            starred,
            starred_set,
            session,
            writer: Some(Writer::spawn(store)),
        })
    }

    /// The state in the default database (an old `read.json` imported once). Never fails:
    /// without a usable database the state lives in memory, and the notes say why.
    pub fn open_default() -> (Self, Vec<String>) {
        match Store::open_default().and_then(|(store, notes)| Ok((Self::open(store)?, notes))) {
            Ok(opened) => opened,
            Err(e) => {
                // Marks that cannot be written can still be shown (a read-only folder).
                let shown = crate::store::default_path()
                    .and_then(|path| Store::open_to_look(&path).ok())
                    .and_then(|store| Self::unkept(&store).ok());
                let note = if shown.is_some() {
                    "read state and stars are shown as they were, and changes are not kept this time"
                } else {
                    "read state and stars are not kept this time"
                };
                (shown.unwrap_or_default(), vec![format!("{e}; {note}")])
            }
        }
    }

    /// The state in `store`, read once and never written back (see [`Self::kept`]).
    fn unkept(store: &Store) -> Result<Self, StoreError> {
        let starred = store.starred()?;
        Ok(Self {
            version: 0,
            read: store.read_ids()?.into_iter().collect(),
            starred_set: starred.iter().copied().collect(),
            starred,
            session: store.session_all()?.into_iter().collect(),
            writer: None,
        })
    }

    /// A number that changes whenever the marks do.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether changes are written to a database (not when it could not be opened for
    /// writing, nor for a state made in memory).
    pub fn kept(&self) -> bool {
        self.writer.is_some()
    }

    pub fn is_read(&self, id: u64) -> bool {
        self.read.contains(&id)
    }

    /// Marks `id` read or unread; returns whether anything changed.
    pub fn set_read(&mut self, id: u64, read: bool) -> bool {
        let changed = if read {
            self.read.insert(id)
        } else {
            self.read.remove(&id)
        };
        if changed {
            self.version += 1;
            self.send(Op::Read(id, read));
        }
        changed
    }

    pub fn is_starred(&self, id: u64) -> bool {
        self.starred_set.contains(&id)
    }

    /// Stars or unstars `id`; returns whether anything changed.
    pub fn set_starred(&mut self, id: u64, starred: bool) -> bool {
        let changed = if starred {
            self.starred_set.insert(id)
        } else {
            self.starred_set.remove(&id)
        };
        if changed {
            if starred {
                self.starred.push(id);
            } else {
                self.starred.retain(|&s| s != id);
            }
            self.send(Op::Starred(id, starred));
            self.version += 1;
        }
        changed
    }

    /// Moves the read mark and star of each `(before, now)` to `now` (see
    /// [`Store::carry`]).
    pub fn carry(&mut self, moves: &[(u64, u64)]) {
        self.version += 1;
        for &(before, now) in moves.iter().filter(|(before, now)| before != now) {
            if self.read.remove(&before) {
                self.read.insert(now);
            }
            if self.starred_set.remove(&before) {
                if self.starred_set.insert(now) {
                    for id in &mut self.starred {
                        if *id == before {
                            *id = now;
                        }
                    }
                } else {
                    self.starred.retain(|&s| s != before);
                }
            }
        }
        if !moves.is_empty() {
            self.send(Op::Carry(moves.to_vec()));
        }
    }

    /// Gives `now` the read mark and star of `before`, for each `(before, now)`, leaving
    /// `before` its own (a story rewritten in one feed and not in another that carries it).
    pub fn copy_marks(&mut self, pairs: &[(u64, u64)]) {
        for &(before, now) in pairs {
            if self.is_read(before) {
                self.set_read(now, true);
            }
            if self.is_starred(before) {
                self.set_starred(now, true);
            }
        }
    }

    /// The starred articles, in the order they were starred.
    pub fn starred(&self) -> &[u64] {
        &self.starred
    }

    /// The session value under `key` (what the reader stored with [`Self::session_set`]).
    pub fn session_get(&self, key: &str) -> Option<&serde_json::Value> {
        self.session.get(key)
    }

    pub fn session_set(&mut self, key: &str, value: serde_json::Value) {
        if self.session.get(key) != Some(&value) {
            self.send(Op::Session(key.to_owned(), value.clone()));
            self.session.insert(key.to_owned(), value);
        }
    }

    /// Asks the database, off the caller's thread, which of `ids` another process marked
    /// read or starred (a fetch from the shell carries the marks of the entries it
    /// rewrites to their new ids); [`Self::take_recalled`] takes the answer in.
    pub fn recall(&self, ids: Vec<u64>) {
        if !ids.is_empty() {
            self.send(Op::Recall(ids));
        }
    }

    /// Takes in what [`Self::recall`] found; whether any mark is new here.
    pub fn take_recalled(&mut self) -> bool {
        let Some(w) = &self.writer else {
            return false;
        };
        let (read, starred) = std::mem::take(
            &mut *w
                .recalled
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        self.take_in(read, starred)
    }

    /// Takes in read marks and stars found in the database (by [`Self::recall`], or by a
    /// worker that stored the articles); whether any is new here.
    pub fn take_in(&mut self, read: Vec<u64>, starred: Vec<u64>) -> bool {
        let mut changed = false;
        for id in read {
            changed |= self.read.insert(id);
        }
        for id in starred {
            if self.starred_set.insert(id) {
                self.starred.push(id);
                changed = true;
            }
        }
        if changed {
            self.version += 1;
        }
        changed
    }

    /// Waits until every change so far is in the database.
    pub fn flush(&self) {
        if let Some(w) = &self.writer {
            let (tx, rx) = mpsc::sync_channel(1);
            if w.tx.send(Op::Flush(tx)).is_ok() {
                let _ = rx.recv();
            }
        }
    }

    /// Problems the writer met since the last call (a full disk, a stuck lock), to show.
    pub fn take_problems(&self) -> Vec<String> {
        self.writer.as_ref().map_or_else(Vec::new, |w| {
            std::mem::take(
                &mut *w
                    .problems
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            )
        })
    }

    fn send(&self, op: Op) {
        if let Some(w) = &self.writer {
            // The thread only ends when the state is dropped.
            let _ = w.tx.send(op);
        }
    }
}

enum Op {
    Read(u64, bool),
    Starred(u64, bool),
    Session(String, serde_json::Value),
    Carry(Vec<(u64, u64)>),
    Recall(Vec<u64>),
    Flush(mpsc::SyncSender<()>),
}

/// Ids found read and starred in the database by [`Op::Recall`], not yet taken in.
type Recalled = Arc<Mutex<(Vec<u64>, Vec<u64>)>>;

/// The thread that owns the database connection and applies changes in order.
#[derive(Debug)]
struct Writer {
    tx: mpsc::Sender<Op>,
    problems: Arc<Mutex<Vec<String>>>,
    recalled: Recalled,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Writer {
    fn spawn(store: Store) -> Self {
        let (tx, rx) = mpsc::channel::<Op>();
        let problems = Arc::new(Mutex::new(Vec::new()));
        let report = Arc::clone(&problems);
        let recalled: Recalled = Arc::default();
        let found = Arc::clone(&recalled);
        let thread = std::thread::spawn(move || {
            for op in rx {
                let done = match op {
                    Op::Read(id, read) => store.set_read(id, read).map(drop),
                    Op::Starred(id, starred) => store.set_starred(id, starred).map(drop),
                    Op::Session(key, value) => store.session_set(&key, &value),
                    Op::Carry(moves) => store.carry(&moves),
                    Op::Recall(ids) => recall(&store, &ids, &found),
                    Op::Flush(ack) => {
                        let _ = ack.send(());
                        Ok(())
                    }
                };
                if let Err(e) = done {
                    let mut list = report
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    list.push(format!("could not save read state or stars: {e}"));
                }
            }
        });
        Self {
            tx,
            problems,
            recalled,
            thread: Some(thread),
        }
    }
}

/// Adds to `found` which of `ids` the database has read and starred.
fn recall(store: &Store, ids: &[u64], found: &Recalled) -> Result<(), StoreError> {
    let mut read = Vec::new();
    let mut starred = Vec::new();
    for &id in ids {
        if store.is_read(id)? {
            read.push(id);
        }
        if store.is_starred(id)? {
            starred.push(id);
        }
    }
    let mut found = found
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    found.0.extend(read);
    found.1.extend(starred);
    Ok(())
}

impl Drop for Writer {
    /// Every change made is written before the state goes away (the reader quitting).
    fn drop(&mut self) {
        let (tx, _) = mpsc::channel();
        drop(std::mem::replace(&mut self.tx, tx));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_reach_the_database_and_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khabar.db");
        let mut state = UserState::open(Store::open(&path).unwrap().0).unwrap();
        assert!(state.set_read(42, true));
        assert!(!state.set_read(42, true));
        state.set_read(7, true);
        state.set_starred(5, true);
        state.set_starred(3, true);
        state.session_set("position", serde_json::json!({"offset": 10}));
        drop(state);
        let again = UserState::open(Store::open(&path).unwrap().0).unwrap();
        assert!(again.is_read(42) && again.is_read(7) && !again.is_read(8));
        assert_eq!(again.starred(), [5, 3]);
        assert_eq!(
            again.session_get("position"),
            Some(&serde_json::json!({"offset": 10}))
        );
        assert!(again.take_problems().is_empty());
    }

    /// A database that cannot be written still shows its marks (trial 48: a read-only
    /// data folder hid every star); changes are then not kept, and the state says so.
    #[test]
    fn marks_of_a_database_that_cannot_be_written_are_shown_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khabar.db");
        let mut state = UserState::open(Store::open(&path).unwrap().0).unwrap();
        state.set_starred(5, true);
        state.set_read(7, true);
        assert!(state.kept());
        drop(state);
        let shown = UserState::unkept(&Store::open_to_look(&path).unwrap()).unwrap();
        assert!(shown.is_starred(5) && shown.is_read(7) && !shown.is_read(5));
        assert!(!shown.kept());
        assert!(!UserState::in_memory().kept());
    }

    /// A feed entry its publisher rewrote is another content id: its read mark and star
    /// go with it, in memory and in the database, and the star keeps its place.
    #[test]
    fn read_marks_and_stars_follow_a_rewritten_article() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khabar.db");
        let mut state = UserState::open(Store::open(&path).unwrap().0).unwrap();
        state.set_starred(1, true);
        state.set_starred(2, true);
        state.set_read(2, true);
        state.set_starred(3, true);
        state.carry(&[(2, 20), (9, 90)]);
        let check = |s: &UserState| {
            assert_eq!(s.starred(), [1, 20, 3]);
            assert!(s.is_read(20) && !s.is_read(2) && !s.is_starred(2) && !s.is_read(90));
        };
        check(&state);
        drop(state);
        check(&UserState::open(Store::open(&path).unwrap().0).unwrap());
    }

    /// Marks another process gave (a fetch from the shell carrying them) reach a state
    /// already open when it asks for the ids of a file read again.
    #[test]
    fn marks_another_process_gave_are_recalled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khabar.db");
        let mut state = UserState::open(Store::open(&path).unwrap().0).unwrap();
        let (other, _) = Store::open(&path).unwrap();
        other.set_read(7, true).unwrap();
        other.set_starred(8, true).unwrap();
        assert!(!state.is_read(7) && !state.is_starred(8));
        state.recall(vec![7, 8, 9]);
        state.flush();
        assert!(state.take_recalled());
        assert!(state.is_read(7) && state.is_starred(8) && !state.is_read(9));
        assert!(!state.take_recalled(), "taken once");
    }

    #[test]
    fn content_id_ignores_the_path() {
        let a = crate::corpus::from_text("a.txt", "शीर्षक\n\nपाठ".to_owned());
        let b = crate::corpus::from_text("moved/b.txt", "शीर्षक\n\nपाठ".to_owned());
        let c = crate::corpus::from_text("a.txt", "शीर्षक\n\nदूसरा पाठ".to_owned());
        assert_eq!(content_id(&a), content_id(&b));
        assert_ne!(content_id(&a), content_id(&c));
    }
}
