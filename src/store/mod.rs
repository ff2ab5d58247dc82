//! The one database khabar keeps: `khabar.db` in the data directory, an `SQLite` file a user
//! or a script can open with `sqlite3`.
//!
//! It lives in the data directory (not the cache) because it holds what cannot be rebuilt:
//! which articles were read, which were starred, where the reader was left. [`Store`] owns
//! the connection, the schema and its migrations, and offers queries by what callers need;
//! no SQL leaves this module. Every change is its own small transaction in WAL mode, so a
//! `kill -9` loses nothing committed, readers are never blocked, and two khabar processes
//! writing at once wait for each other (a busy timeout) instead of failing.

mod corpus;
mod listing;
mod open;
mod page;
mod positions;
mod read_json;
mod rebuild;
mod repeats;
mod schema;
mod scope;
mod snapshot;
mod user;
mod walked;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use corpus::{Change, Check, Note, Synced};
pub use listing::{Link, Listed, ListedRef, Listing, Matched, Query};
pub use page::PageFilter;
pub use read_json::import_read_json;
pub use scope::{Root, Scope};
pub use snapshot::{Arrival, Arrived, Doc, Rows, Snapshot, SnapshotFacts};

/// What went wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Something other than a regular file (a FIFO, a directory, a device) is where the
    /// database should be; opening it could hang or clobber it, so it is left alone.
    #[error(
        "{}: is a {kind}, not a database file; khabar keeps its database there, so move it away",
        path.display()
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    /// The data directory could not be made, or a damaged file could not be moved aside.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `SQLite` failed (a full disk, a read-only directory, a lock held past the timeout).
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer khabar, whose tables this one does not know.
    #[error(
        "{}: schema version {found} is newer than this khabar knows ({known}); use a newer khabar",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// Neither `XDG_DATA_HOME` nor `HOME` says where the data directory is.
    #[error("no data directory: neither XDG_DATA_HOME nor HOME is set")]
    NoDataDir,
}

/// The database: one connection, its schema up to date.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Whether pages are read through a memory map (see [`Store::map_pages`]).
    mapped: bool,
}

/// The file name of the database in the data directory.
pub const FILE_NAME: &str = "khabar.db";

/// `$XDG_DATA_HOME/khabar/khabar.db` (else `~/.local/share/khabar/khabar.db`).
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::data_dir().map(|d| d.join(FILE_NAME))
}

impl Store {
    /// Opens (or creates) the database at `path`. A non-regular file there is refused; a
    /// damaged database is moved aside under a new name and a fresh one made, with a note
    /// saying what was lost. The notes are for the user (status bar, stderr).
    pub fn open(path: &Path) -> Result<(Self, Vec<String>), StoreError> {
        let (conn, notes) = open::open(path)?;
        Ok((
            Self {
                conn,
                path: Some(path.to_owned()),
                mapped: true,
            },
            notes,
        ))
    }

    /// The database at `path` for reading alone, as another connection of a process that
    /// opened it with [`Store::open`] already: neither made, migrated nor repaired here.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        open::refuse_special_files(path)?;
        Ok(Self {
            conn: open::reader(path, true)?,
            path: Some(path.to_owned()),
            mapped: true,
        })
    }

    /// The database at `path` to read what it holds when it cannot be written (a read-only
    /// folder or file): read-only, else as a file nobody changes (`SQLite` then needs no
    /// lock file beside it, which a read-only folder cannot have; what the log holds unmerged
    /// is not seen). Never made, migrated nor repaired; special files are refused.
    pub fn open_to_look(path: &Path) -> Result<Self, StoreError> {
        open::refuse_special_files(path)?;
        let conn = match open::reader(path, false) {
            Ok(conn)
                if conn
                    .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
                    .is_ok() =>
            {
                conn
            }
            _ => open::immutable(path)?,
        };
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            mapped: false,
        })
    }

    /// Begins a read transaction and reads, so that what this connection reads until it
    /// is closed is the database as it is now.
    pub fn begin_read(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("BEGIN")?;
        self.conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(())
    }

    /// Makes every commit of this connection reach the disk before it returns (`PRAGMA
    /// synchronous = FULL`), where the default waits for a checkpoint: a power cut then
    /// loses nothing this connection wrote. For what cannot be read again from the files
    /// (read marks, stars, sessions), written a few at a time; a corpus import keeps the
    /// cheaper default.
    pub fn sync_every_commit(&self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    /// Reads pages through a memory map (`on`, as opened) or through `SQLite`'s own cache,
    /// from now on (and in the connections it opens for itself). Each page read through
    /// the map counts in the process's resident memory while the connection is open: a
    /// scan of the whole corpus maps all of it (1.5 GB at a million articles), which a
    /// reader that stays open need not hold. Look-ups here and there gain from the map.
    pub fn map_pages(&mut self, on: bool) -> Result<(), StoreError> {
        let bytes = if on { open::MMAP_BYTES } else { 0 };
        self.conn.pragma_update(None, "mmap_size", bytes)?;
        self.mapped = on;
        Ok(())
    }

    /// The database at [`default_path`], with an old `read.json` in the state directory
    /// imported once.
    pub fn open_default() -> Result<(Self, Vec<String>), StoreError> {
        let path = default_path().ok_or(StoreError::NoDataDir)?;
        let (mut store, mut notes) = Self::open(&path)?;
        if let Some(old) = crate::dirs::state_dir().map(|d| d.join("read.json")) {
            notes.extend(import_read_json(&mut store, &old)?);
        }
        Ok((store, notes))
    }

    /// A database in memory, gone when dropped (tests, and a reader without a data
    /// directory).
    pub fn in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        conn.set_prepared_statement_cache_capacity(open::STATEMENTS);
        schema::migrate(&conn, Path::new(":memory:"))?;
        Ok(Self {
            conn,
            path: None,
            mapped: false,
        })
    }

    /// Where the database is (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// Content ids are unsigned 64-bit hashes; `SQLite` integers are signed. The bits are kept
/// as they are (`printf('%016x', id)` in `sqlite3` shows the hex form).
fn to_sql(id: u64) -> i64 {
    i64::from_ne_bytes(id.to_ne_bytes())
}

fn from_sql(id: i64) -> u64 {
    u64::from_ne_bytes(id.to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The user's marks are written with a sync at each commit (2, `FULL`); the corpus
    /// keeps the cheaper default (1, `NORMAL`).
    #[test]
    fn a_connection_for_marks_syncs_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
        let level = |s: &Store| -> i64 {
            s.conn
                .pragma_query_value(None, "synchronous", |r| r.get(0))
                .unwrap()
        };
        assert_eq!(level(&store), 1);
        store.sync_every_commit().unwrap();
        assert_eq!(level(&store), 2);
    }
}
