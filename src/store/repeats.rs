//! Chrome found by repetition, kept up to date as articles are written and withdrawn.
//!
//! A paragraph held by enough of a source's articles is the site's (a footer, a promo;
//! see [`is_repeated`]), and what is found only in it is no part of the story. Counting is
//! done per article as it is written, so it stays right as a corpus grows or shrinks
//! without a pass over the whole corpus: when a paragraph becomes chrome, the mentions and
//! dates found only in it move out of the tables every filter reads (and each later
//! article's go straight to the side tables); when it stops being chrome (holders
//! withdrawn or changed, or too few among the source's articles), they move back. A
//! paragraph is judged again whenever an article holding it comes or goes, and all of them
//! at the end of a sync ([`settle`]: articles that do not hold one change its share too).
//!
//! Only paragraphs that hold some entity or date alone are counted: a paragraph with
//! neither cannot put a wrong name or date in a sidebar, and counting every paragraph
//! would cost a row per paragraph of the corpus.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Store, StoreError, to_sql};
use crate::corpus::repeated::{MIN_ARTICLES, RepeatedSet, is_repeated};

/// Counts `article` (of source `key`, with content id `content`, published as
/// `published` says) and its paragraphs
/// `counted`; returns those that are chrome now, whose mentions and dates go to the side
/// tables, and whether some paragraph became chrome or stopped being so (other articles'
/// rows moved). A copy of an article counted already (the same file in two folders: same
/// source, title, text and publication date, so the same paragraphs are counted) is not
/// counted again: it holds its paragraphs (so their rows move with them) as a `copy`.
pub(super) fn count(
    tx: &Transaction,
    article: i64,
    (key, content, published): (u64, i64, Option<&str>),
    counted: &[u64],
) -> Result<(HashSet<u64>, bool), StoreError> {
    let k = to_sql(key);
    // The article's own publication date is given, not joined from its row: a join on
    // `a.id = ?3` made SQLite prepare the statement again at every call (a tenth of the
    // writer's time in a cold import).
    let copy: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM articles b WHERE b.content_id = ?1
                 AND b.repeat_key = ?2 AND b.copy = 0 AND b.id <> ?3 AND b.published IS ?4)",
        )?
        .query_row(params![content, k, article, published], |r| r.get(0))?;
    if copy {
        return count_copy(tx, article, k, counted).map(|chrome| (chrome, false));
    }
    // Read, then written: an upsert or `RETURNING` makes SQLite keep a statement journal,
    // a copy of every page it touches (64 KiB each, written to a temporary file), which
    // was a tenth of a cold import's writing.
    let held: Option<u32> = tx
        .prepare_cached("SELECT n FROM sizes WHERE key = ?1")?
        .query_row([k], |r| r.get(0))
        .optional()?;
    let size = held.map_or(1, |n| n + 1);
    if held.is_some() {
        tx.prepare_cached("UPDATE sizes SET n = ?2 WHERE key = ?1")?
            .execute(params![k, size])?;
    } else {
        tx.prepare_cached("INSERT INTO sizes (key, n) VALUES (?1, 1)")?
            .execute([k])?;
    }
    let mut chrome = HashSet::new();
    let mut moved = false;
    for &fp in counted {
        let f = to_sql(fp);
        tx.prepare_cached(
            "INSERT OR IGNORE INTO paragraphs (key, fp, article) VALUES (?1, ?2, ?3)",
        )?
        .execute([k, f, article])?;
        let known = tx
            .prepare_cached("SELECT n, chrome FROM repeated WHERE key = ?1 AND fp = ?2")?
            .query_row([k, f], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, bool>(1)?)))
            .optional()?;
        let (n, was) = match known {
            Some((n, was)) => {
                tx.prepare_cached("UPDATE repeated SET n = ?3 WHERE key = ?1 AND fp = ?2")?
                    .execute(params![k, f, n + 1])?;
                (n + 1, was)
            }
            None if holders(tx, k, f)? >= MIN_ARTICLES => {
                tx.prepare_cached(
                    "INSERT INTO repeated (key, fp, n, chrome) VALUES (?1, ?2, ?3, 0)",
                )?
                .execute(params![k, f, MIN_ARTICLES])?;
                (MIN_ARTICLES, false)
            }
            None => continue,
        };
        moved |= judge(tx, k, f, was, is_repeated(n, size))?;
        if is_repeated(n, size) {
            chrome.insert(fp);
        }
    }
    Ok((chrome, moved))
}

/// Holds the paragraphs `counted` of `article`, a copy (see [`count`]), without counting
/// them; returns those that are chrome now.
fn count_copy(
    tx: &Transaction,
    article: i64,
    k: i64,
    counted: &[u64],
) -> Result<HashSet<u64>, StoreError> {
    tx.prepare_cached("UPDATE articles SET copy = 1 WHERE id = ?1")?
        .execute([article])?;
    let mut chrome = HashSet::new();
    for &fp in counted {
        let f = to_sql(fp);
        tx.prepare_cached(
            "INSERT OR IGNORE INTO paragraphs (key, fp, article) VALUES (?1, ?2, ?3)",
        )?
        .execute([k, f, article])?;
        let is: Option<bool> = tx
            .prepare_cached("SELECT chrome FROM repeated WHERE key = ?1 AND fp = ?2")?
            .query_row([k, f], |r| r.get(0))
            .optional()?;
        if is == Some(true) {
            chrome.insert(fp);
        }
    }
    Ok(chrome)
}

/// Takes back the counts of the articles of `source` (about to be deleted, with their
/// mentions and dates); returns whether some paragraph stopped being chrome or became so.
pub(super) fn uncount(tx: &Transaction, source: i64) -> Result<bool, StoreError> {
    // A counted article with a copy elsewhere (and no other counted one: a database made
    // before copies were told apart may count several) hands its count to the copy, and
    // goes as a copy goes: nothing it counted changes.
    let handed: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT a.id, (SELECT b.id FROM articles b WHERE b.content_id = a.content_id
                 AND b.repeat_key = a.repeat_key AND b.published IS a.published
                 AND b.copy = 1 AND b.source <> ?1 LIMIT 1)
             FROM articles a WHERE a.source = ?1 AND a.copy = 0
                 AND NOT EXISTS (SELECT 1 FROM articles c WHERE c.content_id = a.content_id
                     AND c.repeat_key = a.repeat_key AND c.published IS a.published
                     AND c.copy = 0 AND c.source <> ?1)",
        )?
        .query_map([source], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?)))?
        .filter_map(|row| row.map(|(a, b)| b.map(|b| (a, b))).transpose())
        .collect::<Result<_, _>>()?;
    for (from, to) in handed {
        tx.prepare_cached("UPDATE articles SET copy = (id = ?1) WHERE id IN (?1, ?2)")?
            .execute([from, to])?;
    }
    tx.prepare_cached(
        "UPDATE sizes SET n = n - (SELECT count(*) FROM articles a
             WHERE a.source = ?1 AND a.repeat_key = sizes.key AND a.copy = 0)
         WHERE key IN (SELECT repeat_key FROM articles WHERE source = ?1)",
    )?
    .execute([source])?;
    let counted: Vec<(i64, i64, i64, bool)> = tx
        .prepare_cached(
            // What was counted for each article is what its mentions and dates name (no
            // index of `paragraphs` by article needed: it was a tenth of the database).
            "SELECT a.repeat_key, m.fp, a.id, a.copy FROM articles a
                 JOIN mentions m ON m.article = a.id WHERE a.source = ?1 AND m.fp IS NOT NULL
             UNION SELECT a.repeat_key, m.fp, a.id, a.copy FROM articles a
                 JOIN chrome_mentions m ON m.article = a.id WHERE a.source = ?1
             UNION SELECT a.repeat_key, d.fp, a.id, a.copy FROM articles a
                 JOIN mentioned_dates d ON d.article = a.id WHERE a.source = ?1 AND d.fp IS NOT NULL
             UNION SELECT a.repeat_key, d.fp, a.id, a.copy FROM articles a
                 JOIN chrome_dates d ON d.article = a.id WHERE a.source = ?1",
        )?
        .query_map([source], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut moved = false;
    let any = !counted.is_empty();
    for (k, f, article, copy) in counted {
        tx.prepare_cached("DELETE FROM paragraphs WHERE key = ?1 AND fp = ?2 AND article = ?3")?
            .execute([k, f, article])?;
        if copy {
            continue;
        }
        let Some((n, was)) = tx
            .prepare_cached(
                "UPDATE repeated SET n = n - 1 WHERE key = ?1 AND fp = ?2 RETURNING n, chrome",
            )?
            .query_row([k, f], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, bool>(1)?)))
            .optional()?
        else {
            continue;
        };
        let size: u32 = tx
            .prepare_cached("SELECT n FROM sizes WHERE key = ?1")?
            .query_row([k], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        moved |= judge(tx, k, f, was, is_repeated(n, size))?;
        if n < MIN_ARTICLES {
            tx.prepare_cached("DELETE FROM repeated WHERE key = ?1 AND fp = ?2")?
                .execute([k, f])?;
        }
    }
    // Only an article that holds a counted paragraph can have rows set aside.
    if any {
        for sql in [
            "DELETE FROM chrome_mentions WHERE article IN (SELECT id FROM articles WHERE source = ?1)",
            "DELETE FROM chrome_dates WHERE article IN (SELECT id FROM articles WHERE source = ?1)",
        ] {
            tx.prepare_cached(sql)?.execute([source])?;
        }
    }
    Ok(moved)
}

/// Judges every paragraph with three or more holders against its source's size now:
/// articles that do not hold a paragraph change its share without judging it, so a
/// paragraph found in three of a folder's first ten files is judged again once the folder
/// is read. Few rows (footers, promos, recurring sentences), so this is cheap at the end of
/// a sync. Returns whether some paragraph became chrome or stopped being so.
pub(super) fn settle(tx: &Transaction) -> Result<bool, StoreError> {
    let rows: Vec<(i64, i64, u32, bool, u32)> = tx
        .prepare_cached(
            "SELECT r.key, r.fp, r.n, r.chrome, coalesce(s.n, 0)
             FROM repeated r LEFT JOIN sizes s ON s.key = r.key",
        )?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut moved = false;
    for (key, fp, n, was, size) in rows {
        moved |= judge(tx, key, fp, was, is_repeated(n, size))?;
    }
    Ok(moved)
}

/// Records whether paragraph `fp` of source `key` is chrome (`now`; it was `was`), moving
/// its holders' rows when that changed; returns whether it did.
fn judge(tx: &Transaction, key: i64, fp: i64, was: bool, now: bool) -> Result<bool, StoreError> {
    if was == now {
        return Ok(false);
    }
    tx.prepare_cached("UPDATE repeated SET chrome = ?3 WHERE key = ?1 AND fp = ?2")?
        .execute(params![key, fp, now])?;
    shift(tx, key, fp, if now { Shift::Aside } else { Shift::Back })?;
    Ok(true)
}

/// How many articles, copies apart, hold a paragraph that has no row in `repeated` (so
/// few: a plain count stays cheap, and a statement with a bound `LIMIT` in a subquery was
/// prepared again on every run).
fn holders(tx: &Transaction, key: i64, fp: i64) -> Result<u32, StoreError> {
    let all: u32 = tx
        .prepare_cached("SELECT count(*) FROM paragraphs WHERE key = ?1 AND fp = ?2")?
        .query_row([key, fp], |r| r.get(0))?;
    if all < MIN_ARTICLES {
        return Ok(all);
    }
    // Copies left out, looked up only when they could matter (each row's article read:
    // for every paragraph of a cold import that was a tenth of its time).
    Ok(tx
        .prepare_cached(
            "SELECT count(*) FROM paragraphs p JOIN articles a ON a.id = p.article
             WHERE p.key = ?1 AND p.fp = ?2 AND a.copy = 0",
        )?
        .query_row([key, fp], |r| r.get(0))?)
}

#[derive(Clone, Copy)]
enum Shift {
    /// Out of the filters: the paragraph is repeated.
    Aside,
    /// Back in: it no longer is.
    Back,
}

/// Moves the mentions and dates found only in paragraph `fp` of source `key`, in the
/// articles holding it, to the side tables or back.
fn shift(tx: &Transaction, key: i64, fp: i64, way: Shift) -> Result<(), StoreError> {
    let articles: Vec<i64> = tx
        .prepare_cached("SELECT article FROM paragraphs WHERE key = ?1 AND fp = ?2")?
        .query_map([key, fp], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // The same moves either way, between a filter's table and its side table.
    let [(mentions_from, mentions_to), (dates_from, dates_to)] = match way {
        Shift::Aside => [
            ("mentions", "chrome_mentions"),
            ("mentioned_dates", "chrome_dates"),
        ],
        Shift::Back => [
            ("chrome_mentions", "mentions"),
            ("chrome_dates", "mentioned_dates"),
        ],
    };
    let sql = [
        format!(
            "INSERT OR IGNORE INTO {mentions_to} (entity, article, fp)
             SELECT entity, article, fp FROM {mentions_from} WHERE article = ?1 AND fp = ?2"
        ),
        format!("DELETE FROM {mentions_from} WHERE article = ?1 AND fp = ?2"),
        format!(
            "INSERT INTO {dates_to} (article, first_day, last_day, fp)
             SELECT article, first_day, last_day, fp FROM {dates_from}
             WHERE article = ?1 AND fp = ?2"
        ),
        format!("DELETE FROM {dates_from} WHERE article = ?1 AND fp = ?2"),
    ];
    for article in articles {
        for q in &sql {
            tx.prepare_cached(q)?.execute([article, fp])?;
        }
    }
    Ok(())
}

impl Store {
    /// Every paragraph found to be chrome by repetition, with the source it is chrome of.
    pub fn repeated(&self) -> Result<RepeatedSet, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, fp FROM repeated WHERE chrome")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                super::from_sql(r.get::<_, i64>(0)?),
                super::from_sql(r.get::<_, i64>(1)?),
            ))
        })?;
        rows.map(|r| r.map_err(StoreError::from)).collect()
    }
}
