//! A database whose corpus tables are damaged: the corpus can be read again from the files,
//! the user's state cannot, so the file is set aside (as any damaged database is) and a new
//! one made with the read marks, stars and sessions copied over.
//!
//! The corpus tables are not checked on open (that would cost a pass over the whole file on
//! every start); their damage shows as an error from a query, which is where this is called.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::{Store, StoreError, open};

/// The user's tables, with their columns, copied row by row.
const KEPT: [(&str, &str); 3] = [
    ("read_articles", "id, read_at"),
    ("starred_articles", "seq, id, starred_at"),
    ("session", "key, value"),
];

impl StoreError {
    /// Whether this says the database file is damaged (not a database, or malformed).
    pub fn is_damage(&self) -> bool {
        matches!(self, Self::Sqlite(e) if open::is_damage(e))
    }
}

impl Store {
    /// Sets the damaged database aside and starts a new one holding the user's state of
    /// the old; returns a note for the user. `why` is the error that showed the damage.
    /// A database in memory has nothing to keep: it is made afresh.
    pub fn rebuild_corpus(&mut self, why: &str) -> Result<String, StoreError> {
        let rows = KEPT.map(|(table, columns)| read_all(&self.conn, table, columns));
        let Some(path) = self.path.clone() else {
            self.conn = Connection::open_in_memory()?;
            super::schema::migrate(&self.conn, std::path::Path::new(":memory:"))?;
            return Ok(format!("damaged corpus in memory ({why}); read again"));
        };
        // Closed before it is moved, so nothing is written to it afterwards.
        drop(std::mem::replace(
            &mut self.conn,
            Connection::open_in_memory()?,
        ));
        let aside = open::set_aside(&path)?;
        let (conn, _) = open::open(&path)?;
        self.conn = conn;
        // Opened mapped: as the connection it replaces was.
        self.map_pages(self.mapped)?;
        let tx = self.conn.transaction()?;
        let mut lost = Vec::new();
        for ((table, columns), rows) in KEPT.iter().zip(rows) {
            let Ok(rows) = rows else {
                lost.push(*table);
                continue;
            };
            let marks = vec!["?"; columns.split(',').count()].join(", ");
            let mut insert =
                tx.prepare(&format!("INSERT INTO {table} ({columns}) VALUES ({marks})"))?;
            for row in rows {
                insert.execute(rusqlite::params_from_iter(row))?;
            }
        }
        tx.commit()?;
        let kept = if lost.is_empty() {
            "read state, stars and sessions kept".to_owned()
        } else {
            format!("{} could not be read and are lost", lost.join(", "))
        };
        Ok(format!(
            "{}: damaged corpus tables ({why}); moved to {}; {kept}; the corpus is read again from the files",
            path.display(),
            aside.display()
        ))
    }
}

fn read_all(conn: &Connection, table: &str, columns: &str) -> rusqlite::Result<Vec<Vec<Value>>> {
    let n = columns.split(',').count();
    let mut stmt = conn.prepare(&format!("SELECT {columns} FROM {table}"))?;
    let rows = stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())?;
    rows.collect()
}
