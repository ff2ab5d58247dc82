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
    // 2: the corpus. `sources` are files by absolute path, with what tells whether they
    // changed; `articles` their articles; `mentions` the entity postings. Days are counted
    // from 0001-01-01 (day 1).
    "CREATE TABLE sources (
         id INTEGER PRIMARY KEY,
         path TEXT NOT NULL UNIQUE,
         size INTEGER NOT NULL,
         mtime_ns INTEGER NOT NULL,
         hash INTEGER NOT NULL,
         rules INTEGER NOT NULL,
         problems TEXT NOT NULL DEFAULT '[]'
     );
     CREATE TABLE articles (
         id INTEGER PRIMARY KEY,
         source INTEGER NOT NULL,
         line INTEGER,
         content_id INTEGER NOT NULL,
         title TEXT NOT NULL,
         published TEXT,
         published_day INTEGER,
         publisher TEXT,
         location TEXT,
         byline TEXT
     );
     CREATE INDEX articles_by_source ON articles (source, line);
     CREATE INDEX articles_by_day ON articles (published_day);
     CREATE TABLE entities (
         id INTEGER PRIMARY KEY,
         key TEXT NOT NULL UNIQUE,
         kind TEXT NOT NULL,
         name TEXT NOT NULL
     );
     CREATE TABLE aliases (
         form TEXT NOT NULL,
         entity INTEGER NOT NULL,
         PRIMARY KEY (form, entity)
     ) WITHOUT ROWID;
     CREATE TABLE mentions (
         entity INTEGER NOT NULL,
         article INTEGER NOT NULL,
         PRIMARY KEY (entity, article)
     ) WITHOUT ROWID;
     CREATE INDEX mentions_by_article ON mentions (article);
     CREATE TABLE mentioned_dates (
         article INTEGER NOT NULL,
         first_day INTEGER NOT NULL,
         last_day INTEGER NOT NULL
     );
     CREATE INDEX mentioned_dates_by_article ON mentioned_dates (article);",
    // 3: the roots `list` and the reader were given (absolute `root`; the files under it
    // in `sources` are those its last walk found) and the modification times of its
    // folders as JSON `[[absolute path, ns], ...]` (NULL when the walk cannot be trusted
    // next time: a problem on the way, a folder changed too recently to tell, a file put
    // under it by another walk). `noisy` counts its files with stored warnings, which a
    // quick answer says again.
    "CREATE TABLE walks (
         id INTEGER PRIMARY KEY,
         root TEXT NOT NULL UNIQUE,
         rules INTEGER NOT NULL,
         folders TEXT,
         noisy INTEGER NOT NULL
     );
     CREATE INDEX sources_with_problems ON sources (path) WHERE problems <> '[]';",
    // 4: where a JSON Lines record starts in its file (`record_at`, a byte offset; NULL
    // for an article that is a whole file), so the reader reads one record back alone.
    // Articles stored before it lack it: their files are read again (other `rules`), and
    // every walk is checked again.
    "ALTER TABLE articles ADD COLUMN record_at INTEGER;
     UPDATE sources SET rules = 0;
     UPDATE walks SET folders = NULL, rules = 0;",
    // 5: each article names its file's path itself (a copy of its source's), so a list
    // reads its rows without a lookup in `sources` per row (a third of a 16,000-row
    // answer's query).
    "ALTER TABLE articles ADD COLUMN path TEXT NOT NULL DEFAULT '';
     UPDATE articles SET path = (SELECT path FROM sources WHERE sources.id = articles.source);",
    // 6: chrome found by repetition. `paragraphs` lists, per source (`key`, a hash of its
    // publisher or folder, also kept as the article's `repeat_key`), the paragraphs of
    // each article that hold some entity or date alone (`fp`, a fingerprint of the
    // paragraph); `sizes` counts each source's articles; `repeated` counts the holders of
    // each paragraph held by three or more (`n`), and says whether it is chrome now. A
    // mention or date found only in one paragraph names it (`fp`); while that paragraph is
    // chrome, the row waits in `chrome_mentions` or `chrome_dates` instead, out of every
    // filter, and comes back if it stops being chrome. Every file is read again to fill
    // them.
    "CREATE TABLE paragraphs (
         key INTEGER NOT NULL,
         fp INTEGER NOT NULL,
         article INTEGER NOT NULL,
         PRIMARY KEY (key, fp, article)
     ) WITHOUT ROWID;
     CREATE TABLE sizes (
         key INTEGER PRIMARY KEY,
         n INTEGER NOT NULL
     );
     CREATE TABLE repeated (
         key INTEGER NOT NULL,
         fp INTEGER NOT NULL,
         n INTEGER NOT NULL,
         chrome INTEGER NOT NULL,
         PRIMARY KEY (key, fp)
     ) WITHOUT ROWID;
     ALTER TABLE articles ADD COLUMN repeat_key INTEGER;
     ALTER TABLE mentions ADD COLUMN fp INTEGER;
     ALTER TABLE mentioned_dates ADD COLUMN fp INTEGER;
     CREATE TABLE chrome_mentions (
         entity INTEGER NOT NULL,
         article INTEGER NOT NULL,
         fp INTEGER NOT NULL,
         PRIMARY KEY (entity, article)
     ) WITHOUT ROWID;
     CREATE INDEX chrome_mentions_by_article ON chrome_mentions (article);
     CREATE TABLE chrome_dates (
         article INTEGER NOT NULL,
         first_day INTEGER NOT NULL,
         last_day INTEGER NOT NULL,
         fp INTEGER NOT NULL
     );
     CREATE INDEX chrome_dates_by_article ON chrome_dates (article);
     UPDATE sources SET rules = 0;
     UPDATE walks SET folders = NULL, rules = 0;",
    // 7: each article's link (a feed item's or a JSON Lines record's `url`), so an export
    // of the list can name it without reading the files. Every file is read again to
    // fill it.
    "ALTER TABLE articles ADD COLUMN url TEXT;
     UPDATE sources SET rules = 0;
     UPDATE walks SET folders = NULL, rules = 0;",
    // 8: mentioned dates by day (see `MENTIONED_BY_DAY`).
    MENTIONED_BY_DAY,
    // 9: copies. An article whose content (and source) another article has already is a
    // `copy`: chrome by repetition counts it once (the same files in three folders made
    // a story's own paragraphs the site's). Found by content id. Every file is read
    // again, which counts the copies anew.
    "ALTER TABLE articles ADD COLUMN copy INTEGER NOT NULL DEFAULT 0;
     CREATE INDEX articles_by_content ON articles (content_id);
     UPDATE sources SET rules = 0;
     UPDATE walks SET folders = NULL, rules = 0;",
    // 10: the minute of its day an article was published (as written, in its own zone;
    // NULL when not known), so a feed's articles of one day list newest first by it, and
    // the day index orders them so. Every file is read again to fill it.
    "ALTER TABLE articles ADD COLUMN published_minute INTEGER;
     DROP INDEX articles_by_day;
     CREATE INDEX articles_by_day ON articles (published_day, published_minute);
     UPDATE sources SET rules = 0;
     UPDATE walks SET folders = NULL, rules = 0;",
];

/// Mentioned dates by day, so a filter by a date mentioned in the text reads the dates in
/// its range (with their articles, from the index alone) instead of every row: neither
/// `list --mentions-date` nor the reader's first page then scans the table (2.3 s at a
/// million articles). A bulk load drops it and makes it again at its end (see
/// `Store::sync_with`); [`migrate`] makes it again if a bulk load was cut short.
pub(super) const MENTIONED_BY_DAY: &str = concat!(
    "CREATE INDEX IF NOT EXISTS mentioned_dates_by_day",
    " ON mentioned_dates (first_day, last_day, article);"
);

/// Drops [`MENTIONED_BY_DAY`]'s index.
pub(super) const DROP_MENTIONED_BY_DAY: &str = "DROP INDEX IF EXISTS mentioned_dates_by_day;";

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
        // A no-op when it is there (no lock is taken).
        conn.execute_batch(MENTIONED_BY_DAY)?;
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
    // A step may rewrite every row. Left in the log, that would be read again by every
    // process that opens the database first (a quick `list` does not close it, which is
    // what would empty the log), so it goes into the file now.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database of version 3 (articles without their path) gets each article's path
    /// from its source, and the log is emptied into the file.
    #[test]
    fn step_five_copies_each_source_path_into_its_articles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        for step in &STEPS[..3] {
            conn.execute_batch(step).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO sources (id, path, size, mtime_ns, hash, rules) VALUES
                 (1, '/n/a.txt', 1, 1, 1, 1), (2, '/n/b.jsonl', 1, 1, 1, 1);
             INSERT INTO articles (source, line, content_id, title) VALUES
                 (1, NULL, 10, 'a'), (2, 1, 11, 'b1'), (2, 2, 12, 'b2');",
        )
        .unwrap();
        migrate(&conn, &path).unwrap();
        assert_eq!(version(&conn).unwrap(), VERSION);
        let paths: Vec<(String, String)> = conn
            .prepare("SELECT title, path FROM articles ORDER BY title")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let want = [
            ("a", "/n/a.txt"),
            ("b1", "/n/b.jsonl"),
            ("b2", "/n/b.jsonl"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, p)| ((*t).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(paths, want);
        let wal = std::fs::metadata(dir.path().join("old.db-wal")).map_or(0, |m| m.len());
        assert_eq!(
            wal, 0,
            "the migration's log was left for the next process to read"
        );
    }

    /// A database of version 6 (no links) gains the column, and every file is marked to be
    /// read again, which is what fills it.
    #[test]
    fn step_seven_adds_links_and_has_every_file_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Connection::open(&path).unwrap();
        for step in &STEPS[..6] {
            conn.execute_batch(step).unwrap();
        }
        conn.pragma_update(None, "user_version", 6).unwrap();
        conn.execute_batch(
            "INSERT INTO sources (id, path, size, mtime_ns, hash, rules) VALUES
                 (1, '/n/a.jsonl', 1, 1, 1, 77);
             INSERT INTO walks (root, rules, folders, noisy) VALUES ('/n', 77, '[]', 0);
             INSERT INTO articles (source, line, content_id, title, path) VALUES
                 (1, 1, 10, 'a', '/n/a.jsonl');",
        )
        .unwrap();
        migrate(&conn, &path).unwrap();
        let (url, rules, folders): (Option<String>, i64, Option<String>) = conn
            .query_row(
                "SELECT a.url, s.rules, w.folders FROM articles a, sources s, walks w",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((url, rules, folders), (None, 0, None));
    }

    /// A database of version 7 gains the mentioned dates' index by day, and a filter by a
    /// mentioned date reads its range from it (the index alone) instead of every row.
    #[test]
    fn step_eight_indexes_mentioned_dates_by_day() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Connection::open(&path).unwrap();
        for step in &STEPS[..7] {
            conn.execute_batch(step).unwrap();
        }
        conn.pragma_update(None, "user_version", 7).unwrap();
        conn.execute_batch(
            "INSERT INTO mentioned_dates (article, first_day, last_day) VALUES
                 (1, 100, 100), (2, 90, 120), (3, 130, 130);",
        )
        .unwrap();
        migrate(&conn, &path).unwrap();
        let range = "SELECT article FROM mentioned_dates
                     WHERE first_day BETWEEN ?1 AND ?2 AND last_day <= ?2";
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {range}"))
            .unwrap()
            .query_map([95, 125], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|p| p.contains("COVERING INDEX mentioned_dates_by_day")),
            "{plan:?}"
        );
        let kept: Vec<i64> = conn
            .prepare(range)
            .unwrap()
            .query_map([95, 125], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(kept, [1], "only the date wholly within the range");
    }

    /// A bulk load drops the mentioned dates' index by day and makes it again at its end;
    /// one cut short leaves it dropped, and the next open makes it again.
    #[test]
    fn the_index_by_day_is_there_after_a_bulk_load_and_after_one_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        std::fs::create_dir(&root).unwrap();
        for (i, day) in ["3 मई 2023", "4 जून 2023", "5 जुलाई 2023"].iter().enumerate()
        {
            let text = format!("खबर {i}\n\nबैठक {day} को हुई।\n");
            std::fs::write(root.join(format!("{i}.txt")), text).unwrap();
        }
        let path = dir.path().join("k.db");
        let has_index = |store: &crate::store::Store| -> bool {
            store
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'mentioned_dates_by_day'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                == 1
        };
        let (mut store, _) = crate::store::Store::open(&path).unwrap();
        // Three files into an empty database: a bulk load in the unit tests.
        let synced = store.sync(&[root], 1, false, &mut |_, _| {}).unwrap();
        assert_eq!(synced.extracted, 3);
        assert!(has_index(&store), "made again at the end of the load");
        let dates: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM mentioned_dates INDEXED BY mentioned_dates_by_day
                 WHERE first_day > 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(dates, 3, "the index holds the dates written without it");
        store.conn.execute_batch(DROP_MENTIONED_BY_DAY).unwrap();
        drop(store);
        let (store, _) = crate::store::Store::open(&path).unwrap();
        assert!(has_index(&store), "made again at open");
    }

    /// Versions 8 and 9 gain copies (step 9) and the minute of publication, with the day
    /// index by day and minute (step 10), and every file is to be read again.
    #[test]
    fn steps_nine_and_ten_add_copies_and_minutes_and_read_every_file_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Connection::open(&path).unwrap();
        for step in &STEPS[..8] {
            conn.execute_batch(step).unwrap();
        }
        conn.pragma_update(None, "user_version", 8).unwrap();
        conn.execute_batch(
            "INSERT INTO sources (id, path, size, mtime_ns, hash, rules) VALUES
                 (1, '/n/a.jsonl', 1, 1, 1, 77);
             INSERT INTO walks (root, rules, folders, noisy) VALUES ('/n', 77, '[]', 0);
             INSERT INTO articles (source, line, content_id, title, path, published_day) VALUES
                 (1, 1, 10, 'a', '/n/a.jsonl', 700000);",
        )
        .unwrap();
        migrate(&conn, &path).unwrap();
        let (copy, minute, rules, folders): (i64, Option<i64>, i64, Option<String>) = conn
            .query_row(
                "SELECT a.copy, a.published_minute, s.rules, w.folders
                 FROM articles a, sources s, walks w",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!((copy, minute, rules, folders), (0, None, 0, None));
        let by_day: Vec<String> = conn
            .prepare("SELECT name FROM pragma_index_info('articles_by_day') ORDER BY seqno")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(by_day, ["published_day", "published_minute"]);
    }
}
