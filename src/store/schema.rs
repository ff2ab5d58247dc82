//! The tables, and the steps from one schema version to the next (`PRAGMA user_version`).
//!
//! Each step runs once, in a write transaction that re-reads the version first, so two
//! processes opening a new database at once do not both create it.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The steps, in order: step *n* brings version *n* to *n + 1*.
const STEPS: &[&str] = &[
    // 1: user state. Ids are article content ids (`state::content_id`); times are Unix
    // milliseconds.
    "CREATE TABLE read_articles (
         id INTEGER PRIMARY KEY,
         read_at INTEGER NOT NULL
     );
     -- `seq` keeps the order stars were given in (times tie within a millisecond).
     CREATE TABLE starred_articles (
         seq INTEGER PRIMARY KEY,
         id INTEGER NOT NULL UNIQUE,
         starred_at INTEGER NOT NULL
     );
     CREATE TABLE session (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL CHECK (json_valid(value))
     ) WITHOUT ROWID;",
];

/// The version this khabar writes.
#[allow(clippy::cast_possible_wrap)] // a handful of steps
pub const VERSION: i64 = STEPS.len() as i64;

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Brings the database to [`VERSION`].
pub fn migrate(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found == VERSION {
        return Ok(());
    }
    let too_new = || StoreError::TooNew {
        path: path.to_owned(),
        found,
        known: VERSION,
    };
    if found > VERSION {
        return Err(too_new());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // Another process may have migrated while this one waited for the lock.
    let mut at = version(&tx)?;
    if at > VERSION {
        return Err(too_new());
    }
    while at < VERSION {
        tx.execute_batch(STEPS[at as usize])?;
        at += 1;
    }
    tx.pragma_update(None, "user_version", at)?;
    tx.commit()?;
    Ok(())
}
