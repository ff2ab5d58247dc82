//! Opening the database file safely: what is at the path is checked before `SQLite` touches
//! it (a FIFO would hang every command), and a damaged file is moved aside, never over an
//! earlier copy, so whatever can still be recovered from it stays on disk.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::{StoreError, schema};

/// How long a write waits for another process's write to finish before failing. Writes
/// are small transactions, so this is only reached when something is badly stuck.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How far the log grows before it is copied into the database (`SQLite`'s default is
/// 1,000 pages, 4 MB of 4 KiB pages).
const CHECKPOINT_BYTES: i64 = 16 << 20;

/// The page size of a new database. `SQLite`'s default is 4 KiB; in larger pages, a list
/// of thousands of rows descends and decodes far fewer of them (a person's 16,000 rows
/// at 100,000 articles: 38 ms in 4 KiB pages, 33 in 16 KiB and 32 in 64 KiB, measured on
/// copies of one database). A database keeps the size it was made with.
const PAGE_BYTES: i64 = 64 << 10;

/// The page cache of a connection, in KiB.
const CACHE_KIB: i64 = 32 * 1024;

/// Prepared statements kept per connection: more than the store has.
pub(super) const STATEMENTS: usize = 128;

/// How much of the database is read through a memory map (address space, not memory; the
/// most the bundled `SQLite` allows).
pub(super) const MMAP_BYTES: i64 = 0x7fff_0000;

/// Opens `path`, setting aside a damaged database once and starting afresh.
pub fn open(path: &Path) -> Result<(Connection, Vec<String>), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    refuse_special_files(path)?;
    match try_open(path) {
        Ok(conn) => Ok((conn, Vec::new())),
        Err(Attempt::Failed(e)) => Err(e),
        Err(Attempt::Damaged { why, lost }) => {
            let aside = set_aside(path)?;
            let note = format!(
                "{}: damaged database ({why}); moved to {}; {lost}; a new one was made (the corpus in it is read again from the files)",
                path.display(),
                aside.display()
            );
            match try_open(path) {
                Ok(conn) => Ok((conn, vec![note])),
                Err(Attempt::Failed(e)) => Err(e),
                Err(Attempt::Damaged { why, .. }) => Err(StoreError::Io {
                    path: path.to_owned(),
                    source: std::io::Error::other(format!("still damaged after a rebuild: {why}")),
                }),
            }
        }
    }
}

/// A second, read-only connection to the database at `path`, opened by [`open`] already
/// (so neither made nor checked): for reading part of a large query on another thread;
/// through a memory map when `map`.
pub(super) fn reader(path: &Path, map: bool) -> Result<Connection, StoreError> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if map {
        conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
    }
    conn.set_prepared_statement_cache_capacity(STATEMENTS);
    Ok(conn)
}

/// `path` opened as a file nobody changes (`immutable=1`: no locks, no `-shm`), for reading
/// what a database in a read-only folder holds.
pub(super) fn immutable(path: &Path) -> Result<Connection, StoreError> {
    use rusqlite::OpenFlags;
    let mut uri = url::Url::from_file_path(path)
        .map_err(|()| StoreError::Sqlite(rusqlite::Error::InvalidPath(path.to_owned())))?;
    uri.set_query(Some("immutable=1"));
    let conn = Connection::open_with_flags(
        uri.as_str(),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.set_prepared_statement_cache_capacity(STATEMENTS);
    Ok(conn)
}

/// The database and its companions (`-wal`, `-shm`) must be regular files or absent.
pub(super) fn refuse_special_files(path: &Path) -> Result<(), StoreError> {
    for p in [
        path.to_owned(),
        companion(path, "-wal"),
        companion(path, "-shm"),
    ] {
        // `metadata` follows symlinks: a link to a regular file is fine.
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        if !meta.is_file() {
            return Err(StoreError::NotAFile {
                path: p,
                kind: kind_of(meta.file_type()),
            });
        }
    }
    Ok(())
}

fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if t.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

enum Attempt {
    Failed(StoreError),
    /// The file is not a database or fails the quick check; `lost` says what it held.
    Damaged {
        why: String,
        lost: String,
    },
}

fn try_open(path: &Path) -> Result<Connection, Attempt> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Attempt::Failed(e.into()))?;
    // A write transaction takes the write lock when it begins: one that read first
    // and then found another process had written meanwhile would fail at once with
    // "locked" (the busy handler cannot help it), instead of waiting its turn.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    // Every statement the store runs stays prepared: writing one article runs about twenty
    // different ones, and with rusqlite's default of 16 each was parsed and planned again
    // for every article (a sixth of a cold import's writing time).
    conn.set_prepared_statement_cache_capacity(STATEMENTS);
    let damaged = |conn: &Connection, why: String| Attempt::Damaged {
        why,
        lost: what_was_lost(conn),
    };
    let check = || -> Result<Vec<String>, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers never wait for the writer, and a commit is one append.
        // NORMAL: a commit survives a killed process (the WAL is written before commit
        // returns); only a power cut may lose the last few.
        // Before anything is written: only an empty database takes a page size.
        conn.pragma_update(None, "page_size", PAGE_BYTES)?;
        set_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Pages are read through a memory map: a query touching thousands of pages (a
        // list of a few thousand rows) then neither copies each into the page cache nor
        // zeroes fresh memory for it, which was most of a warm `list`'s time.
        conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
        // A cold import dirties index pages all over the file (postings, the paragraphs
        // counted for chrome): checkpointing the log every 16 MB rather than every 4 MB
        // writes a page touched by several commits back once rather than each time.
        let page: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
        conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_BYTES / page.max(512))?;
        // Room for the pages a batch of files dirties, so none is written to the log
        // before its commit and written again at it (the default is 2 MB; memory is only
        // taken as pages are).
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        // Tables made here, so the check below has them to look at.
        schema::migrate(&conn, path)?;
        // Only what cannot be rebuilt is checked (the corpus is read again from the files
        // anyway, and checking it would cost a pass over the whole file on every start).
        let mut problems = Vec::new();
        for table in USER_TABLES {
            let mut stmt = conn.prepare(&format!("PRAGMA quick_check({table})"))?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for row in rows {
                let row = row?;
                if row != "ok" {
                    problems.push(row);
                }
            }
        }
        Ok(problems)
    };
    match check() {
        Ok(problems) if problems.is_empty() => Ok(conn),
        Ok(problems) => {
            let why = problems
                .iter()
                .take(3)
                .map(|p| p.replace('\n', " "))
                .collect::<Vec<_>>();
            let why = why.join("; ");
            Err(damaged(&conn, why))
        }
        Err(StoreError::Sqlite(e)) if is_damage(&e) => Err(damaged(&conn, e.to_string())),
        Err(e) => Err(Attempt::Failed(e)),
    }
}

/// Puts the database in WAL mode. Switching needs the file to itself, and `SQLite` answers
/// "locked" at once rather than calling the busy handler when another process holds it
/// (two readers creating one database at the same moment), so this waits here instead,
/// as long as any other write would.
fn set_wal(conn: &Connection) -> Result<(), StoreError> {
    let start = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e) if is_busy(&e) && start.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return Ok(done?),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// The tables of what cannot be rebuilt from the files.
const USER_TABLES: [&str; 3] = ["read_articles", "starred_articles", "session"];

/// Whether `e` shows a damaged file: `SQLite` says so, or a column every row fills (each
/// column khabar reads is written by it, of one type, `NOT NULL` where it is read as a
/// value) came back empty or of another type, as a page overwritten with other bytes reads
/// when `SQLite`'s own checks pass it (trial 48: a reader's person filter said `Invalid column
/// type Null` and showed one article of 35).
pub(super) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    ) || matches!(
        e,
        rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
    )
}

/// What the user loses with the damaged file, counted from it where it still answers.
fn what_was_lost(conn: &Connection) -> String {
    let count = |table: &str| -> Option<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .ok()
    };
    match (count("read_articles"), count("starred_articles")) {
        (Some(read), Some(starred)) => format!(
            "the read state of {read} article{} and {starred} star{} in it are lost",
            if read == 1 { "" } else { "s" },
            if starred == 1 { "" } else { "s" },
        ),
        _ => "the read state and stars that were in it are lost".to_owned(),
    }
}

/// Moves the database (and its WAL, which belongs to it) to `NAME.damaged-N` with the first
/// N not taken, and removes its shared-memory index.
pub(super) fn set_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let aside = move_to_free_name(path, |n| companion(path, &format!(".damaged-{n}")))?;
    let wal = companion(path, "-wal");
    let io = |p: &Path| {
        let p = p.to_owned();
        move |source| StoreError::Io { path: p, source }
    };
    if wal.exists() {
        std::fs::rename(&wal, companion(&aside, "-wal")).map_err(io(&wal))?;
    }
    let shm = companion(path, "-shm");
    if shm.exists() {
        std::fs::remove_file(&shm).map_err(io(&shm))?;
    }
    Ok(aside)
}

/// Moves `path` to `name(n)` with the first n from 1 not taken, and returns the new name.
/// A hard link claims the name atomically, so two processes never pick the same one and
/// no earlier copy is replaced.
pub(super) fn move_to_free_name(
    path: &Path,
    name: impl Fn(u32) -> PathBuf,
) -> Result<PathBuf, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    for n in 1..10_000 {
        let target = name(n);
        match std::fs::hard_link(path, &target) {
            Ok(()) => std::fs::remove_file(path).map_err(io)?,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(io(e)),
            // A file system without hard links: a rename, after checking the name is free.
            Err(_) if target.exists() => continue,
            Err(_) => std::fs::rename(path, &target).map_err(io)?,
        }
        return Ok(target);
    }
    Err(io(std::io::Error::other(
        "too many earlier copies beside it; remove some",
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database opened as a file nobody changes reads as any other (what a read-only
    /// folder, where no `-shm` can be made, leaves to read).
    #[test]
    fn an_immutable_database_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a b.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (a); INSERT INTO t VALUES (42);")
            .unwrap();
        drop(conn);
        let conn = immutable(&path).unwrap();
        let a: i64 = conn.query_row("SELECT a FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(a, 42);
        assert!(conn.execute("INSERT INTO t VALUES (1)", []).is_err());
    }

    /// A value of the wrong type where every row has one of the right type is damage too,
    /// as `SQLite`'s own corruption codes are; a busy database is not.
    #[test]
    fn a_column_read_empty_or_of_another_type_is_damage() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a); INSERT INTO t VALUES (NULL), ('x');")
            .unwrap();
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap_err();
        assert!(is_damage(&read("SELECT a FROM t WHERE a IS NULL")));
        assert!(is_damage(&read("SELECT a FROM t WHERE a = 'x'")));
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert!(!is_damage(&busy));
        let corrupt = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            None,
        );
        assert!(is_damage(&corrupt));
    }

    /// Processes started together (two readers opened at once on a fresh machine) all
    /// create and open one database; switching it to WAL used to answer "locked" to all
    /// but one of them.
    #[test]
    fn many_opening_a_new_database_at_once_all_get_it() {
        for _ in 0..5 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("k.db");
            let barrier = std::sync::Barrier::new(8);
            std::thread::scope(|s| {
                let opened: Vec<_> = (0..8)
                    .map(|_| {
                        s.spawn(|| {
                            barrier.wait();
                            open(&path).map(|(_, notes)| notes)
                        })
                    })
                    .collect();
                for one in opened {
                    let notes = one.join().unwrap().unwrap();
                    assert!(notes.is_empty(), "{notes:?}");
                }
            });
        }
    }

    fn page_size(conn: &Connection) -> i64 {
        conn.pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap()
    }

    /// A new database is made in large pages, and the log is checkpointed by its size in
    /// bytes, not in pages (4,000 pages of 64 KiB would let it grow to 250 MB); a database
    /// made in 4 KiB pages before keeps them and opens as before.
    #[test]
    fn new_databases_have_large_pages_and_old_ones_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let (conn, _) = open(&path).unwrap();
        assert_eq!(page_size(&conn), PAGE_BYTES);
        let pages: i64 = conn
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        assert_eq!(pages * PAGE_BYTES, CHECKPOINT_BYTES);
        drop(conn);
        let (conn, _) = open(&path).unwrap();
        assert_eq!(page_size(&conn), PAGE_BYTES);
        drop(conn);

        let old = dir.path().join("old.db");
        let made = Connection::open(&old).unwrap();
        made.pragma_update(None, "page_size", 4096).unwrap();
        made.execute_batch("CREATE TABLE t (x); PRAGMA journal_mode = WAL;")
            .unwrap();
        drop(made);
        let (conn, notes) = open(&old).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(page_size(&conn), 4096);
    }
}
