//! Damage to a database's pages, for the tests of what khabar does when it reads them.

use std::path::Path;

/// Overwrites the first page of `table` with bytes no page starts with.
pub fn damage(db: &Path, table: &str) {
    let (page, size): (i64, i64) = {
        let conn = rusqlite::Connection::open(db).unwrap();
        // Everything into the main file, so the damage is not undone from the log.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        let page = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        (page, size)
    };
    let mut bytes = std::fs::read(db).unwrap();
    let at = usize::try_from((page - 1) * size).unwrap();
    let size = usize::try_from(size).unwrap();
    bytes[at..at + size].fill(0xff);
    std::fs::write(db, bytes).unwrap();
}
