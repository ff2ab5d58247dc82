//! The user's state in the database: read and starred articles (by content id) and a small
//! key/value table of JSON for the session ("reopen where you left off").
//!
//! Each change is one row in its own transaction, never a rewrite of the whole set, so two
//! processes marking different articles keep both.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, from_sql, to_sql};

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl Store {
    /// Marks `id` read or unread; returns whether anything changed.
    pub fn set_read(&self, id: u64, read: bool) -> Result<bool, StoreError> {
        let n = if read {
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO read_articles (id, read_at) VALUES (?1, ?2)",
                )?
                .execute(params![to_sql(id), now_ms()])?
        } else {
            self.conn
                .prepare_cached("DELETE FROM read_articles WHERE id = ?1")?
                .execute([to_sql(id)])?
        };
        Ok(n > 0)
    }

    pub fn is_read(&self, id: u64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM read_articles WHERE id = ?1")?
            .exists([to_sql(id)])?)
    }

    /// Every article marked read.
    pub fn read_ids(&self) -> Result<Vec<u64>, StoreError> {
        self.ids("SELECT id FROM read_articles")
    }

    /// Stars or unstars `id`; returns whether anything changed.
    pub fn set_starred(&self, id: u64, starred: bool) -> Result<bool, StoreError> {
        let n = if starred {
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO starred_articles (id, starred_at) VALUES (?1, ?2)",
                )?
                .execute(params![to_sql(id), now_ms()])?
        } else {
            self.conn
                .prepare_cached("DELETE FROM starred_articles WHERE id = ?1")?
                .execute([to_sql(id)])?
        };
        Ok(n > 0)
    }

    /// Moves the read mark and the star of each `(before, now)` from the article with
    /// content id `before` to `now` (an entry its publisher rewrote), in one transaction.
    /// A star keeps its place in the order; a mark `now` has already stays as it is.
    pub fn carry(&self, moves: &[(u64, u64)]) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        for &(before, now) in moves.iter().filter(|(before, now)| before != now) {
            for table in ["read_articles", "starred_articles"] {
                tx.prepare_cached(&format!(
                    "UPDATE OR IGNORE {table} SET id = ?2 WHERE id = ?1"
                ))?
                .execute(params![to_sql(before), to_sql(now)])?;
                tx.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
                    .execute([to_sql(before)])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn is_starred(&self, id: u64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM starred_articles WHERE id = ?1")?
            .exists([to_sql(id)])?)
    }

    /// The starred articles, in the order they were starred.
    pub fn starred(&self) -> Result<Vec<u64>, StoreError> {
        self.ids("SELECT id FROM starred_articles ORDER BY seq")
    }

    /// The session value stored under `key`.
    pub fn session_get(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let text: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM session WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        // The column only admits valid JSON (a CHECK); a value edited into something else
        // by hand reads as absent rather than failing the reader.
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// Stores `value` under `key`, replacing what was there.
    pub fn session_set(&self, key: &str, value: &serde_json::Value) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO session (key, value) VALUES (?1, ?2)")?
            .execute(params![key, value.to_string()])?;
        Ok(())
    }

    /// Every session key and value.
    pub fn session_all(&self) -> Result<Vec<(String, serde_json::Value)>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM session")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut all = Vec::new();
        for row in rows {
            let (key, text) = row?;
            if let Ok(value) = serde_json::from_str(&text) {
                all.push((key, value));
            }
        }
        Ok(all)
    }

    /// Marks many articles read in one transaction (an import).
    pub(super) fn set_read_many(&mut self, ids: &[u64]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt =
                tx.prepare("INSERT OR IGNORE INTO read_articles (id, read_at) VALUES (?1, ?2)")?;
            let at = now_ms();
            for &id in ids {
                stmt.execute(params![to_sql(id), at])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn ids(&self, sql: &str) -> Result<Vec<u64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let ids = stmt.query_map([], |r| r.get::<_, i64>(0))?;
        Ok(ids.map(|id| id.map(from_sql)).collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_starred_and_session_round_trip() {
        let store = Store::in_memory().unwrap();
        let big = u64::MAX - 5;
        assert!(store.set_read(big, true).unwrap());
        assert!(!store.set_read(big, true).unwrap(), "already read");
        assert!(store.is_read(big).unwrap() && !store.is_read(1).unwrap());
        assert!(store.set_read(big, false).unwrap());
        assert!(!store.is_read(big).unwrap());

        store.set_starred(9, true).unwrap();
        store.set_starred(big, true).unwrap();
        assert_eq!(store.starred().unwrap(), [9, big]);
        store.set_starred(9, false).unwrap();
        assert_eq!(store.starred().unwrap(), [big]);

        let v = serde_json::json!({"article": "00ff", "offset": 120});
        store.session_set("position", &v).unwrap();
        assert_eq!(store.session_get("position").unwrap(), Some(v));
        assert_eq!(store.session_get("other").unwrap(), None);
    }
}
