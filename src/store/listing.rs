//! The article list as a query: filters by entity, publication date, mentioned date and
//! source, in one of the reader's orders, over the files of one [`Scope`] only.
//!
//! The filters mean what the in-memory index makes them mean (`index::Index::select`): a
//! name stands for the entities with a form equal to it after folding, else for every
//! entity with a form containing it, among the entities these files mention; a mentioned
//! date matches when it lies wholly inside the range; ties in the order go by the path as
//! the caller spelt it, then by line.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::corpus::kind_name;
use super::scope::Scope;
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
    /// The article's content id (`state::content_id`), which stars and read state key on.
    pub content_id: u64,
}

fn day(d: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(d.num_days_from_ce())
}

/// One row as the query returns it, before paths are spelt and names looked up.
struct Found {
    path: String,
    line: Option<usize>,
    title: String,
    published: Option<String>,
    day: Option<i64>,
    publisher: Option<String>,
    /// Comma-separated ids of the named entities the article mentions.
    matched: Option<String>,
    content_id: i64,
}

impl Store {
    /// The articles of `scope` matching `query`, in its order: one query, whatever the
    /// number of rows.
    pub fn list(&self, scope: &Scope, query: &Query) -> Result<Vec<Listed>, StoreError> {
        // `+` keeps SQLite from walking the path index: the postings are the better start.
        let Some((in_scope, mut args)) = scope.condition("+s.path") else {
            return Ok(Vec::new());
        };
        let mut all = Vec::new();
        // A name standing for one entity matches it in every row; only names standing for
        // several need looking up per row.
        let (mut every_row, mut per_row) = (Vec::new(), Vec::new());
        let mut filters = String::new();
        for (kind, name) in &query.names {
            let ids = self.resolve(*kind, name, scope)?;
            if ids.is_empty() {
                // An unknown name matches nothing, like any filter that keeps no article.
                return Ok(Vec::new());
            }
            // Ids come from the database: written inline, the statement stays one text.
            let _ = write!(
                filters,
                " AND a.id IN (SELECT article FROM mentions WHERE entity IN ({}))",
                id_list(&ids)
            );
            if ids.len() == 1 {
                every_row.extend(&ids);
            } else {
                per_row.extend(&ids);
            }
            all.extend(ids);
        }
        let matched = if per_row.is_empty() {
            ", NULL".to_owned()
        } else {
            format!(
                ", (SELECT group_concat(m.entity) FROM mentions m
                    WHERE m.article = a.id AND m.entity IN ({}))",
                id_list(&per_row)
            )
        };
        let mut sql = format!(
            "SELECT s.path, a.line, a.title, a.published, a.published_day, a.publisher{matched},
                    a.content_id
             FROM articles a JOIN sources s ON s.id = a.source WHERE {in_scope}{filters}"
        );
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
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(Found {
                path: r.get(0)?,
                line: r
                    .get::<_, Option<i64>>(1)?
                    .and_then(|l| usize::try_from(l).ok()),
                title: r.get(2)?,
                published: r.get(3)?,
                day: r.get(4)?,
                publisher: r.get(5)?,
                matched: r.get(6)?,
                content_id: r.get(7)?,
            })
        })?;
        let found = rows.collect::<Result<Vec<_>, _>>()?;
        let names = self.entities(&all)?;
        let mut listed: Vec<(Found, String)> = found
            .into_iter()
            .map(|f| {
                let shown = scope.shown(&f.path);
                (f, shown)
            })
            .collect();
        // Sorted here rather than by SQLite, whose sorter copies every row's record
        // (a third of the query's time for a list of thousands). Ties go by the path as
        // the caller spelt it (as text, like the in-memory list), then the line.
        listed.sort_unstable_by(|(a, sa), (b, sb)| {
            primary(a, b, query.sort)
                .then_with(|| sa.cmp(sb))
                .then_with(|| a.line.cmp(&b.line))
        });
        Ok(listed
            .into_iter()
            .map(|(f, path)| {
                let mut ids: Vec<i64> = f
                    .matched
                    .as_deref()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|id| id.parse().ok())
                    .chain(every_row.iter().copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                let mut matched: Vec<Matched> =
                    ids.iter().filter_map(|id| names.get(id).cloned()).collect();
                matched.sort_by(|a, b| a.id.cmp(&b.id));
                Listed {
                    path: PathBuf::from(path),
                    line: f.line,
                    title: f.title,
                    published: f.published,
                    matched,
                    content_id: super::from_sql(f.content_id),
                }
            })
            .collect())
    }

    /// The entities `ids`, by id.
    fn entities(&self, ids: &[i64]) -> Result<HashMap<i64, Matched>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT id, key, name, kind FROM entities WHERE id IN ({})",
            id_list(ids)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, key, name, kind) = row?;
            if let Some(kind) = kind_of(&kind) {
                out.insert(
                    id,
                    Matched {
                        id: key,
                        name,
                        kind,
                    },
                );
            }
        }
        Ok(out)
    }

    /// The entities of `kind` that `name` stands for, among those the scope's files
    /// mention.
    fn resolve(&self, kind: EntityKind, name: &str, scope: &Scope) -> Result<Vec<i64>, StoreError> {
        let wanted = crate::text::fold::fold(name);
        let wanted = wanted.trim();
        let Some((cond, cond_args)) = scope.condition("+so.path") else {
            return Ok(Vec::new());
        };
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        for test in ["al.form = ?1", "instr(al.form, ?1) > 0"] {
            // The numbered parameters come first, so the condition's `?` follow them.
            let sql = format!(
                "SELECT DISTINCT e.id FROM aliases al JOIN entities e ON e.id = al.entity
                 WHERE {test} AND e.kind = ?2 AND EXISTS (SELECT 1 FROM mentions m
                     JOIN articles ar ON ar.id = m.article JOIN sources so ON so.id = ar.source
                     WHERE m.entity = e.id AND {cond})
                 ORDER BY e.id"
            );
            let mut args = vec![
                Value::Text(wanted.to_owned()),
                Value::Text(kind_name(kind).to_owned()),
            ];
            args.extend(cond_args.iter().cloned());
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let ids: Vec<i64> = stmt
                .query_map(params_from_iter(args), |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            if !ids.is_empty() {
                return Ok(ids);
            }
        }
        Ok(Vec::new())
    }
}

/// The order `sort` asks for, before ties.
fn primary(a: &Found, b: &Found, sort: Sort) -> std::cmp::Ordering {
    // Unknown dates and publishers go last, as in the query.
    match sort {
        Sort::Newest => (a.day.is_none(), std::cmp::Reverse(a.day))
            .cmp(&(b.day.is_none(), std::cmp::Reverse(b.day))),
        Sort::Oldest => (a.day.is_none(), a.day).cmp(&(b.day.is_none(), b.day)),
        Sort::Title => a.title.cmp(&b.title),
        Sort::Source => {
            (a.publisher.is_none(), &a.publisher).cmp(&(b.publisher.is_none(), &b.publisher))
        }
    }
}

fn id_list(ids: &[i64]) -> String {
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    ids.join(",")
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
