//! The article list as a query: filters by entity, publication date, mentioned date and
//! source, in one of the reader's orders, over the files of one [`Scope`] only.
//!
//! The filters mean what the in-memory index makes them mean (`index::Index::select`): a
//! name stands for the entities with a form equal to it after folding, else for every
//! entity with a form containing it, among the entities these files mention; a mentioned
//! date matches when it lies wholly inside the range; ties in the order go by the path as
//! the caller spelt it, then by line.

use std::path::PathBuf;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::corpus::{Scope, kind_name};
use super::{Store, StoreError};
use crate::extract::entities::EntityKind;
use crate::index::{DateRange, Sort};

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Names by kind: an article must mention an entity each name stands for.
    pub names: Vec<(EntityKind, String)>,
    pub published: Option<DateRange>,
    pub mentioned: Option<DateRange>,
    /// Publisher or feed names (any case): an article must come from one of them.
    pub sources: Vec<String>,
    pub sort: Sort,
}

/// An entity an article was listed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
}

/// One row of the list.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The file, spelt as the caller spelt it.
    pub path: PathBuf,
    /// The record's 1-based line in a JSON Lines file.
    pub line: Option<usize>,
    pub title: String,
    /// The publication date as `list` prints it (`2024-06-19`, `2024-06`).
    pub published: Option<String>,
    pub matched: Vec<Matched>,
}

fn day(d: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(d.num_days_from_ce())
}

impl Store {
    /// The articles of `scope` matching `query`, in its order.
    pub fn list(&self, scope: &Scope, query: &Query) -> Result<Vec<Listed>, StoreError> {
        self.load_scope(scope)?;
        let mut sql = String::from(
            "SELECT a.id, s.shown, a.line, a.title, a.published FROM articles a
             JOIN temp.scope s ON s.source = a.source WHERE 1",
        );
        let mut args: Vec<Value> = Vec::new();
        let mut groups = Vec::new();
        for (kind, name) in &query.names {
            let ids = self.resolve(*kind, name)?;
            if ids.is_empty() {
                // An unknown name matches nothing, like any filter that keeps no article.
                return Ok(Vec::new());
            }
            sql.push_str(" AND a.id IN (SELECT article FROM mentions WHERE entity IN (");
            push_list(&mut sql, &mut args, ids.iter().map(|&i| Value::Integer(i)));
            sql.push_str("))");
            groups.push(ids);
        }
        if let Some(r) = &query.published {
            sql.push_str(" AND a.published_day BETWEEN ? AND ?");
            args.push(Value::Integer(r.start.map_or(i64::MIN, day)));
            args.push(Value::Integer(r.end.map_or(i64::MAX, day)));
        }
        if let Some(r) = &query.mentioned {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM mentioned_dates m WHERE m.article = a.id
                  AND m.first_day >= ? AND m.last_day <= ?)",
            );
            args.push(Value::Integer(r.start.map_or(i64::MIN, day)));
            args.push(Value::Integer(r.end.map_or(i64::MAX, day)));
        }
        if !query.sources.is_empty() {
            sql.push_str(" AND lower(a.publisher) IN (");
            let wanted = query.sources.iter().map(|s| Value::Text(s.to_lowercase()));
            push_list(&mut sql, &mut args, wanted);
            sql.push(')');
        }
        sql.push_str(match query.sort {
            Sort::Newest => " ORDER BY a.published_day IS NULL, a.published_day DESC",
            Sort::Oldest => " ORDER BY a.published_day IS NULL, a.published_day",
            Sort::Title => " ORDER BY a.title",
            Sort::Source => " ORDER BY a.publisher IS NULL, a.publisher",
        });
        sql.push_str(", s.shown, a.line");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Listed {
                    path: PathBuf::from(r.get::<_, String>(1)?),
                    line: r
                        .get::<_, Option<i64>>(2)?
                        .and_then(|l| usize::try_from(l).ok()),
                    title: r.get(3)?,
                    published: r.get(4)?,
                    matched: Vec::new(),
                },
            ))
        })?;
        let mut out = Vec::new();
        let all: Vec<i64> = groups.concat();
        for row in rows {
            let (id, mut listed) = row?;
            if !all.is_empty() {
                listed.matched = self.matched(id, &all)?;
            }
            out.push(listed);
        }
        Ok(out)
    }

    /// The entities of `kind` that `name` stands for, among those the scope mentions.
    fn resolve(&self, kind: EntityKind, name: &str) -> Result<Vec<i64>, StoreError> {
        let wanted = crate::text::fold::fold(name);
        let wanted = wanted.trim();
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let in_scope = "AND EXISTS (SELECT 1 FROM mentions m JOIN articles ar ON ar.id = m.article
             JOIN temp.scope s ON s.source = ar.source WHERE m.entity = e.id)";
        for test in ["al.form = ?1", "instr(al.form, ?1) > 0"] {
            let sql = format!(
                "SELECT DISTINCT e.id FROM aliases al JOIN entities e ON e.id = al.entity
                 WHERE {test} AND e.kind = ?2 {in_scope} ORDER BY e.id"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let ids: Vec<i64> = stmt
                .query_map(rusqlite::params![wanted, kind_name(kind)], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            if !ids.is_empty() {
                return Ok(ids);
            }
        }
        Ok(Vec::new())
    }

    /// The entities among `ids` that article `article` mentions, by key.
    fn matched(&self, article: i64, ids: &[i64]) -> Result<Vec<Matched>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.key, e.name, e.kind FROM mentions m JOIN entities e ON e.id = m.entity
             WHERE m.article = ?1 ORDER BY e.key",
        )?;
        let rows = stmt.query_map([article], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, kind) = row?;
            let Some(kind) = kind_of(&kind) else { continue };
            let entity: i64 = self
                .conn
                .prepare_cached("SELECT id FROM entities WHERE key = ?1")?
                .query_row([&id], |r| r.get(0))?;
            if ids.contains(&entity) {
                out.push(Matched { id, name, kind });
            }
        }
        Ok(out)
    }

    /// Puts the scope's files in a temporary table the queries join with.
    fn load_scope(&self, scope: &Scope) -> Result<(), StoreError> {
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS scope (source INTEGER PRIMARY KEY, shown TEXT);
             DELETE FROM temp.scope;",
        )?;
        let mut stmt = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO temp.scope (source, shown) VALUES (?1, ?2)")?;
        for m in &scope.members {
            stmt.execute(rusqlite::params![m.source, m.shown.to_string_lossy()])?;
        }
        Ok(())
    }
}

fn kind_of(name: &str) -> Option<EntityKind> {
    Some(match name {
        "person" => EntityKind::Person,
        "place" => EntityKind::Place,
        "org" => EntityKind::Organization,
        _ => return None,
    })
}

fn push_list(sql: &mut String, args: &mut Vec<Value>, items: impl Iterator<Item = Value>) {
    for (i, v) in items.enumerate() {
        if i > 0 {
            sql.push(',');
        }
        sql.push('?');
        args.push(v);
    }
}
