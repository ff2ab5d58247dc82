//! The article list as a query: filters by entity, publication date, mentioned date and
//! source, in one of the reader's orders, over the files of one [`Scope`] only.
//!
//! The filters mean what the in-memory index makes them mean (`index::Index::select`): a
//! name stands for the entities with a form equal to it after folding, else for every
//! entity with a form containing it, among the entities these files mention; a mentioned
//! date matches when it lies wholly inside the range; ties in the order go by the path as
//! the caller spelt it, then by line.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use rusqlite::params_from_iter;
use rusqlite::types::{Value, ValueRef};

use super::corpus::{kind_name, kind_of};
use super::scope::Scope;
use super::{Store, StoreError};
use crate::extract::entities::EntityKind;
use crate::index::{DateRange, Sort};

/// Where a name's postings query takes the bounds of the half it reads (a comment to
/// `SQLite`, replaced before the query is prepared).
const BOUNDS: &str = "/*bounds*/";

/// A list by entity whose name with fewest postings has this many or more is read in two
/// halves side by side: each row is a look-up in the articles table, and two cores do
/// twice as many (at 100,000 articles, a list of 16,000 rows took 58 ms in one, 36 in two;
/// at 20,000, 3,288 rows were slower in two).
const SPLIT_ROWS: usize = 4_000;

/// The postings of one name of a list: how many, and the articles they span.
struct Postings {
    /// Which name of the query they are (its place in the query's names).
    name: usize,
    n: usize,
    low: i64,
    high: i64,
}

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
    /// Whether to read each article's link too (see [`ListedRef::url`]); off, the rows are
    /// read without it.
    pub links: bool,
}

/// An article's link, and where the article is (its file's absolute path, its line in a
/// JSON Lines file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub path: String,
    pub line: Option<usize>,
    pub url: String,
}

impl Link {
    /// Of `links` (one content id's), the one of the article at `path` (as the caller spelt
    /// it, perhaps relative) and `line`, else the first.
    pub fn of<'a>(links: &'a [Self], path: &str, line: Option<usize>) -> Option<&'a str> {
        let path = path.trim_start_matches("./");
        links
            .iter()
            .find(|l| l.line == line && (l.path == path || l.path.ends_with(&format!("/{path}"))))
            .or_else(|| links.first())
            .map(|l| l.url.as_str())
    }
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
    /// Its link (a feed item's or a JSON Lines record's `url`), when the query asked for
    /// links and it has one.
    pub url: Option<String>,
    /// Its source: the publisher or feed the file names.
    pub source: Option<String>,
}

fn day(d: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(d.num_days_from_ce())
}

/// A piece of a [`Texts`]: its chunk, and byte offsets in it.
type Span = (u32, u32, u32);

/// Text in chunks that never move: a growing buffer would copy what it holds at each
/// doubling and fault in twice the memory (most of a long list's time went there).
#[derive(Debug, Default)]
struct Texts {
    chunks: Vec<String>,
}

impl Texts {
    const CHUNK: usize = 1 << 20;

    fn push(&mut self, text: &str) -> Span {
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= text.len());
        if !fits {
            self.chunks
                .push(String::with_capacity(text.len().max(Self::CHUNK)));
        }
        let at = self.chunks.len() - 1;
        let chunk = &mut self.chunks[at];
        let start = chunk.len();
        chunk.push_str(text);
        // A chunk holds at most max(1 MiB, one text), and SQLite's texts are under 2 GiB.
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        (n(at), n(start), n(chunk.len()))
    }

    fn get(&self, (chunk, start, end): Span) -> &str {
        self.chunks
            .get(chunk as usize)
            .and_then(|c| c.get(start as usize..end as usize))
            .unwrap_or_default()
    }
}

/// One row as the query returns it, its text in the listing's buffer.
#[derive(Debug, Clone, Copy)]
struct At {
    /// The root that holds it (see `Scope::split`; `None`: shown as it is) and the rest of
    /// the path after the root, shown after the root's spelling.
    root: Option<usize>,
    rest: Span,
    line: Option<usize>,
    title: Span,
    published: Option<Span>,
    day: Option<i64>,
    /// The minute of that day it was published, when known.
    minute: Option<u16>,
    publisher: Option<Span>,
    /// Comma-separated ids of the named entities the article mentions.
    matched: Option<Span>,
    content_id: i64,
    url: Option<Span>,
}

/// The rows of a list, in order: their text in one buffer, so that a list of a hundred
/// thousand rows is a few allocations rather than a million (a list's time was half in
/// making, moving and freeing small strings, and in the memory they fault in).
#[derive(Debug)]
pub struct Listing {
    text: Texts,
    rows: Vec<At>,
    spelt: Vec<super::scope::Spelt>,
    /// The entities named in the query, by id.
    names: HashMap<i64, Matched>,
    /// Ids every row matched (names standing for one entity).
    every_row: Vec<i64>,
    /// A name of the query that stands for no entity of its kind in the scope (the listing
    /// is then empty): a typo, told apart from filters that together keep nothing.
    unknown: Option<(EntityKind, String)>,
}

/// One row of a [`Listing`], borrowed from it.
#[derive(Debug, Clone, Copy)]
pub struct ListedRef<'a> {
    listing: &'a Listing,
    at: &'a At,
}

impl<'a> ListedRef<'a> {
    fn text(&self, span: Span) -> &'a str {
        self.listing.text.get(span)
    }

    /// The file, spelt as the caller spelt it, in two parts to be joined (no allocation).
    pub fn path_parts(&self) -> (&'a str, &'a str) {
        let (_, base, rest) = self.listing.parts(self.at);
        (base, rest)
    }

    /// The file, spelt as the caller spelt it.
    pub fn path(&self) -> String {
        let (base, rest) = self.path_parts();
        format!("{base}{rest}")
    }

    /// The record's 1-based line in a JSON Lines file.
    pub fn line(&self) -> Option<usize> {
        self.at.line
    }

    pub fn title(&self) -> &'a str {
        self.text(self.at.title)
    }

    /// The publication date as `list` prints it (`2024-06-19`, `2024-06`).
    pub fn published(&self) -> Option<&'a str> {
        self.at.published.map(|s| self.text(s))
    }

    /// The article's content id (`state::content_id`).
    pub fn content_id(&self) -> u64 {
        super::from_sql(self.at.content_id)
    }

    /// Its link, when the query asked for links (see [`Query::links`]) and it has one.
    pub fn url(&self) -> Option<&'a str> {
        self.at.url.map(|s| self.text(s))
    }

    /// Its source: the publisher or feed the file names.
    pub fn source(&self) -> Option<&'a str> {
        self.at.publisher.map(|s| self.text(s))
    }

    /// The named entities it mentions, by id.
    pub fn matched(&self) -> Vec<&'a Matched> {
        let listing = self.listing;
        let per_row = self.at.matched.map(|s| self.text(s)).unwrap_or_default();
        let mut ids: Vec<i64> = per_row
            .split(',')
            .filter_map(|id| id.parse().ok())
            .chain(listing.every_row.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut matched: Vec<&Matched> =
            ids.iter().filter_map(|id| listing.names.get(id)).collect();
        matched.sort_by(|a, b| a.id.cmp(&b.id));
        matched
    }

    /// The row, owned.
    pub fn to_owned(&self) -> Listed {
        Listed {
            path: PathBuf::from(self.path()),
            line: self.line(),
            title: self.title().to_owned(),
            published: self.published().map(str::to_owned),
            matched: self.matched().into_iter().cloned().collect(),
            content_id: self.content_id(),
            url: self.url().map(str::to_owned),
            source: self.source().map(str::to_owned),
        }
    }
}

impl Listing {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows, in the query's order.
    pub fn iter(&self) -> impl Iterator<Item = ListedRef<'_>> {
        self.rows.iter().map(|at| ListedRef { listing: self, at })
    }

    /// The rows, owned.
    pub fn into_rows(self) -> Vec<Listed> {
        self.iter().map(|r| r.to_owned()).collect()
    }

    fn empty() -> Self {
        Self {
            text: Texts::default(),
            rows: Vec::new(),
            spelt: Vec::new(),
            names: HashMap::new(),
            every_row: Vec::new(),
            unknown: None,
        }
    }

    /// The query's first name that stands for nothing in the scope, if one does.
    pub fn unknown(&self) -> Option<&(EntityKind, String)> {
        self.unknown.as_ref()
    }

    fn get(&self, span: Span) -> &str {
        self.text.get(span)
    }

    /// The path as shown, in two parts, for ordering ties.
    fn parts(&self, at: &At) -> (Option<usize>, &str, &str) {
        let rest = self.get(at.rest);
        match at.root {
            Some(root) => (Some(root), self.spelt[root].base(rest), rest),
            None => (None, "", rest),
        }
    }

    /// Orders the rows by `sort`, ties by the path as the caller spelt it (as text, like
    /// the in-memory list), then the line.
    fn sort(&mut self, sort: Sort) {
        let mut rows = std::mem::take(&mut self.rows);
        rows.sort_unstable_by(|a, b| self.order(a, b, sort));
        self.rows = rows;
    }

    /// The order of two rows (see [`Listing::sort`]).
    fn order(&self, a: &At, b: &At, sort: Sort) -> std::cmp::Ordering {
        self.primary(a, b, sort)
            .then_with(|| {
                let (ra, ba, xa) = self.parts(a);
                let (rb, bb, xb) = self.parts(b);
                if ra == rb && ba == bb {
                    // One root: the rests alone decide, without joining.
                    xa.cmp(xb)
                } else {
                    ba.bytes()
                        .chain(xa.bytes())
                        .cmp(bb.bytes().chain(xb.bytes()))
                }
            })
            .then_with(|| a.line.cmp(&b.line))
    }

    /// This listing and `other`, each sorted by `sort`, as one sorted listing (of the same
    /// scope: `other`'s roots are this one's).
    fn merge(mut self, other: Self, sort: Sort) -> Self {
        let shift = u32::try_from(self.text.chunks.len()).unwrap_or(u32::MAX);
        self.text.chunks.extend(other.text.chunks);
        let moved = |span: Span| (span.0 + shift, span.1, span.2);
        let mut second = other.rows.into_iter().map(|at| At {
            rest: moved(at.rest),
            title: moved(at.title),
            published: at.published.map(moved),
            publisher: at.publisher.map(moved),
            matched: at.matched.map(moved),
            url: at.url.map(moved),
            ..at
        });
        let first = std::mem::take(&mut self.rows);
        let mut rows = Vec::with_capacity(first.len() + second.len());
        let mut next = second.next();
        for at in first {
            while let Some(b) = next.filter(|b| self.order(b, &at, sort).is_lt()) {
                rows.push(b);
                next = second.next();
            }
            rows.push(at);
        }
        rows.extend(next);
        rows.extend(second);
        self.rows = rows;
        self
    }

    /// The order `sort` asks for, before ties.
    fn primary(&self, a: &At, b: &At, sort: Sort) -> std::cmp::Ordering {
        // Unknown dates and publishers go last, as in the query.
        let publisher = |at: &At| at.publisher.map(|s| self.get(s));
        // By day, then minute (none: before the day's first, as SQLite sorts a NULL).
        let when = |at: &At| (at.day, at.minute);
        match sort {
            Sort::Newest => (a.day.is_none(), std::cmp::Reverse(when(a)))
                .cmp(&(b.day.is_none(), std::cmp::Reverse(when(b)))),
            Sort::Oldest => (a.day.is_none(), when(a)).cmp(&(b.day.is_none(), when(b))),
            Sort::Title => self.get(a.title).cmp(self.get(b.title)),
            // Sources without case, each newest first.
            Sort::Source => match (publisher(a), publisher(b)) {
                (Some(x), Some(y)) => crate::text::cmp_caseless(x, y),
                (x, y) => x.is_none().cmp(&y.is_none()),
            }
            .then_with(|| {
                (a.day.is_none(), std::cmp::Reverse(when(a)))
                    .cmp(&(b.day.is_none(), std::cmp::Reverse(when(b))))
            }),
        }
    }
}

/// Appends a text column to `text`, returning where it is (`None` for NULL). Bytes that
/// are not UTF-8 (`SQLite` does not check) come out with replacement characters.
fn push_text(text: &mut Texts, value: ValueRef<'_>) -> Option<Span> {
    match value {
        // Checked with SIMD: a list of thousands of Devanagari titles spent a tenth of its
        // time in the standard check.
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
            Some(match simdutf8::basic::from_utf8(bytes) {
                Ok(s) => text.push(s),
                Err(_) => text.push(&String::from_utf8_lossy(bytes)),
            })
        }
        _ => None,
    }
}

/// The rows `sql` gives (room made for `capacity`), their paths cut at the root of `scope` that
/// holds them, unsorted; the listing names no entity yet.
fn read_rows(
    conn: &rusqlite::Connection,
    sql: &str,
    args: Vec<Value>,
    scope: &Scope,
    spelt: Vec<super::scope::Spelt>,
    capacity: usize,
) -> Result<Listing, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut found = stmt.query(params_from_iter(args))?;
    let mut text = Texts::default();
    let mut rows = Vec::with_capacity(capacity);
    while let Some(r) = found.next()? {
        let line = r.get::<_, Option<i64>>(1)?;
        rows.push(At {
            root: None,
            // The whole key until the root is known.
            rest: push_text(&mut text, r.get_ref(0)?).unwrap_or_default(),
            line: line.and_then(|l| usize::try_from(l).ok()),
            title: push_text(&mut text, r.get_ref(2)?).unwrap_or_default(),
            published: push_text(&mut text, r.get_ref(3)?),
            day: r.get(4)?,
            minute: r
                .get::<_, Option<i64>>(9)?
                .and_then(|m| u16::try_from(m).ok()),
            publisher: push_text(&mut text, r.get_ref(5)?),
            matched: push_text(&mut text, r.get_ref(6)?),
            content_id: r.get(7)?,
            url: push_text(&mut text, r.get_ref(8)?),
        });
    }
    for at in &mut rows {
        let path = text.get(at.rest);
        let (root, skip) = scope
            .split(&spelt, path)
            .map_or((None, 0), |(root, _, rest)| {
                (Some(root), path.len() - rest.len())
            });
        at.root = root;
        // `skip` is a char boundary of the key, which starts at `at.rest.1`.
        let skip = u32::try_from(skip).unwrap_or(0);
        at.rest.1 += skip;
    }
    Ok(Listing {
        text,
        rows,
        spelt,
        names: HashMap::new(),
        every_row: Vec::new(),
        unknown: None,
    })
}

impl Store {
    /// The articles of `scope` matching `query`, in its order: one query whatever the number
    /// of rows (a long list by name is read in two halves at once).
    pub fn list(&self, scope: &Scope, query: &Query) -> Result<Vec<Listed>, StoreError> {
        Ok(self.listing(scope, query)?.into_rows())
    }

    /// [`Store::list`], its rows kept in one buffer.
    pub fn listing(&self, scope: &Scope, query: &Query) -> Result<Listing, StoreError> {
        self.listing_split(scope, query, SPLIT_ROWS)
    }

    /// [`Store::listing`], read in two halves side by side when the names' postings are
    /// `split_rows` or more.
    fn listing_split(
        &self,
        scope: &Scope,
        query: &Query,
        split_rows: usize,
    ) -> Result<Listing, StoreError> {
        // `+` keeps SQLite from walking the path index: the postings are the better start.
        let Some((in_scope, mut args)) = scope.condition("+a.path") else {
            return Ok(Listing::empty());
        };
        let mut all = Vec::new();
        let mut by_name = Vec::new();
        // A name standing for one entity matches it in every row; only names standing for
        // several need looking up per row.
        let (mut every_row, mut per_row) = (Vec::new(), Vec::new());
        for (kind, name) in &query.names {
            let ids = self.resolve(*kind, name, scope)?;
            if ids.is_empty() {
                // An unknown name matches nothing, like any filter that keeps no article.
                return Ok(Listing {
                    unknown: Some((*kind, name.clone())),
                    ..Listing::empty()
                });
            }
            if ids.len() == 1 {
                every_row.extend(&ids);
            } else {
                per_row.extend(&ids);
            }
            all.extend(&ids);
            by_name.push(ids);
        }
        // Other processes may write meanwhile: a list read in parts is read again whole if
        // one did (it could have moved an article from one half to the other).
        let version = self.data_version()?;
        let postings = self.postings(&by_name)?;
        // The name with fewest postings drives the query. When it is one entity its
        // postings are joined to the articles in their order; an `IN` list would first be
        // copied into a temporary index (a tenth of a list's time at 20,000 articles).
        let driver = postings
            .as_ref()
            .map(|p| p.name)
            .filter(|&i| by_name[i].len() == 1);
        let mut filters = String::new();
        for (i, ids) in by_name.iter().enumerate() {
            if Some(i) != driver {
                // Ids come from the database: written inline, the statement stays one text.
                let _ = write!(
                    filters,
                    " AND a.id IN (SELECT article FROM mentions WHERE entity IN ({}){BOUNDS})",
                    id_list(ids)
                );
            }
        }
        // `CROSS JOIN` keeps the postings first, whatever SQLite's planner guesses.
        let from = driver.map_or_else(
            || "articles a WHERE ".to_owned(),
            |i| {
                format!(
                    "mentions d CROSS JOIN articles a ON a.id = d.article \
                     WHERE d.entity = {}{BOUNDS} AND ",
                    by_name[i][0]
                )
            },
        );
        let matched = if per_row.is_empty() {
            ", NULL".to_owned()
        } else {
            format!(
                ", (SELECT group_concat(m.entity) FROM mentions m
                    WHERE m.article = a.id AND m.entity IN ({}))",
                id_list(&per_row)
            )
        };
        let url = if query.links { "a.url" } else { "NULL" };
        // The path is the article's own copy: no lookup in `sources` per row.
        let mut sql = format!(
            "SELECT a.path, a.line, a.title, a.published, a.published_day, a.publisher{matched},
                    a.content_id, {url}, a.published_minute
             FROM {from}{in_scope}{filters}"
        );
        if let Some(r) = &query.published {
            sql.push_str(" AND a.published_day BETWEEN ? AND ?");
            args.push(Value::Integer(r.start.map_or(i64::MIN, day)));
            args.push(Value::Integer(r.end.map_or(i64::MAX, day)));
        }
        if let Some(r) = &query.mentioned {
            let (start, end) = (r.start.map_or(i64::MIN, day), r.end.map_or(i64::MAX, day));
            if query.names.is_empty() {
                // The dates in the range, from their index by day (a date starts no later
                // than it ends, so its first day is in the range too), drive the query.
                sql.push_str(
                    " AND a.id IN (SELECT article FROM mentioned_dates
                      WHERE first_day BETWEEN ? AND ? AND last_day <= ?)",
                );
                args.extend([start, end, end].map(Value::Integer));
            } else {
                // The names' postings drive it: each of their articles is asked (a wide
                // range would otherwise be read whole first, in each half).
                sql.push_str(
                    " AND EXISTS (SELECT 1 FROM mentioned_dates m WHERE m.article = a.id
                      AND m.first_day >= ? AND m.last_day <= ?)",
                );
                args.extend([start, end].map(Value::Integer));
            }
        }
        if !query.sources.is_empty() {
            sql.push_str(" AND lower(a.publisher) IN (");
            let wanted = query.sources.iter().map(|s| Value::Text(s.to_lowercase()));
            push_list(&mut sql, &mut args, wanted);
            sql.push(')');
        }
        let spelt = scope.spelt();
        // The rows are at most the postings of the name with fewest.
        let room = postings.as_ref().map_or(0, |p| p.n);
        let read = |conn: &rusqlite::Connection, ids: Option<(i64, i64)>| {
            // The bounds cut the postings, which drive the query (a bound on `a.id` would
            // still look up every article the postings give). Numbers: written inline.
            // In the driving join, `article` is the postings' own column (the articles
            // table has none of that name).
            let bounds = ids.map_or(String::new(), |(low, high)| {
                format!(" AND article BETWEEN {low} AND {high}")
            });
            let sql = sql.replace(BOUNDS, &bounds);
            let room = if ids.is_some() {
                room / 2 + room / 8
            } else {
                room
            };
            let mut part = read_rows(conn, &sql, args.clone(), scope, spelt.clone(), room)?;
            // Sorted here rather than by SQLite, whose sorter copies every row's record
            // (a third of the query's time for a list of thousands).
            part.sort(query.sort);
            Ok::<_, StoreError>(part)
        };
        let halves = postings.filter(|p| p.n >= split_rows && p.high > p.low);
        let mut listing = match (halves, self.path.as_deref()) {
            (Some(Postings { low, high, .. }), Some(path)) => {
                let middle = low + (high - low) / 2;
                // Unbounded above: an article written since the bounds were read has a
                // higher id.
                let upper = Some((middle + 1, i64::MAX));
                let (first, second) = std::thread::scope(|s| {
                    let second = s.spawn(|| {
                        // Without a map: its pages go to its own cache, where a map would be
                        // undone page by page when it closes (a list of 16,000 rows was 8%
                        // slower with one).
                        let conn = super::open::reader(path, false)?;
                        read(&conn, upper)
                    });
                    let first = read(&self.conn, Some((low, middle)));
                    (first, second.join())
                });
                let second = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                // A second connection that could not read (busy past the timeout, no memory
                // for another map) costs only time: this one reads that half too.
                let second = second.or_else(|_| read(&self.conn, upper))?;
                let merged = first?.merge(second, query.sort);
                if self.data_version()? == version {
                    merged
                } else {
                    read(&self.conn, None)?
                }
            }
            _ => read(&self.conn, None)?,
        };
        listing.names = self.entities(&all)?;
        listing.every_row = every_row;
        Ok(listing)
    }

    /// The postings of the name with fewest (each name's entity ids in `by_name`): how
    /// many, and the articles they span; `None` for no name.
    fn postings(&self, by_name: &[Vec<i64>]) -> Result<Option<Postings>, StoreError> {
        let mut fewest: Option<Postings> = None;
        for (name, ids) in by_name.iter().enumerate() {
            let sql = format!(
                "SELECT count(*), min(article), max(article) FROM mentions WHERE entity IN ({})",
                id_list(ids)
            );
            let (n, low, high): (i64, Option<i64>, Option<i64>) =
                self.conn
                    .prepare_cached(&sql)?
                    .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            let n = usize::try_from(n).unwrap_or(0);
            let p = Postings {
                name,
                n,
                low: low.unwrap_or(0),
                high: high.unwrap_or(0),
            };
            if fewest.as_ref().is_none_or(|f| n < f.n) {
                fewest = Some(p);
            }
        }
        Ok(fewest)
    }

    /// `SQLite`'s count of commits by other connections, as this one sees it.
    fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The links of those articles among `ids` (content ids) that have one: a feed item's
    /// or a JSON Lines record's `url`, with where each article is, since one story carried
    /// word for word by several sites is one content id with several links. One pass over
    /// the articles, whatever the number of ids (content ids have no index: nothing else
    /// looks them up).
    pub fn links(&self, ids: &[u64]) -> Result<HashMap<u64, Vec<Link>>, StoreError> {
        let mut found: HashMap<u64, Vec<Link>> = HashMap::new();
        if ids.is_empty() {
            return Ok(found);
        }
        let ids: HashSet<u64> = ids.iter().copied().collect();
        let mut stmt = self
            .conn
            .prepare("SELECT content_id, path, line, url FROM articles WHERE url IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id = super::from_sql(r.get(0)?);
            if ids.contains(&id) {
                let line: Option<i64> = r.get(2)?;
                found.entry(id).or_default().push(Link {
                    path: r.get(1)?,
                    line: line.and_then(|l| usize::try_from(l).ok()),
                    url: r.get(3)?,
                });
            }
        }
        Ok(found)
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

    /// Whether an article of the scope comes from one of `sources` (compared as the
    /// listing compares them, by `SQLite`'s `lower`): a look that ends at the first one.
    pub fn knows_source(&self, scope: &Scope, sources: &[String]) -> Result<bool, StoreError> {
        let Some((in_scope, mut args)) = scope.condition("a.path") else {
            return Ok(false);
        };
        let mut sql =
            "SELECT EXISTS (SELECT 1 FROM articles a WHERE lower(a.publisher) IN (lower(?)"
                .to_owned();
        for _ in 1..sources.len().max(1) {
            sql.push_str(", lower(?)");
        }
        sql.push_str(") AND ");
        sql.push_str(&in_scope);
        sql.push(')');
        let mut all: Vec<Value> = sources.iter().map(|s| Value::Text(s.clone())).collect();
        if all.is_empty() {
            return Ok(false);
        }
        all.append(&mut args);
        Ok(self
            .conn
            .query_row(&sql, params_from_iter(all), |r| r.get(0))?)
    }

    /// The sources (publishers, feeds) of the scope's articles, sorted without case: what a
    /// `--source` that kept nothing could have named.
    pub fn source_names(&self, scope: &Scope) -> Result<Vec<String>, StoreError> {
        let Some((in_scope, args)) = scope.condition("a.path") else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT DISTINCT a.publisher FROM articles a WHERE a.publisher IS NOT NULL AND {in_scope}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut names: Vec<String> = stmt
            .query_map(params_from_iter(args), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup_by_key(|n| n.to_lowercase());
        Ok(names)
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
        // A Latin name is also looked up by its skeleton among the romanised aliases of
        // Devanagari names (`nitish` finds `नीतीश`, never written in Latin letters).
        let romanised = crate::text::roman::latin_name_key(wanted);
        let latin = romanised.as_deref().unwrap_or(wanted);
        for test in [
            "(al.form = ?1 OR al.form = ?3)",
            "(instr(al.form, ?1) > 0 OR instr(al.form, ?3) > 0)",
        ] {
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
                Value::Text(latin.to_owned()),
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

fn id_list(ids: &[i64]) -> String {
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    ids.join(",")
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A list read in two halves side by side is the list read in one, in every order:
    /// days tied and apart, an undated article, two sources, one name or two.
    #[test]
    fn a_list_read_in_halves_is_the_list_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        std::fs::create_dir(&root).unwrap();
        let cities = super::super::page::tests::CITIES;
        for (i, city) in cities.iter().enumerate() {
            let mut record = serde_json::json!({
                "title": format!("खबर {}", 8 - i),
                "body": format!("व्लादिमीर पुतिन ने {city} में {i} लोगों से बात की।"),
                "source": if i % 3 == 0 { "Alpha" } else { "Beta" },
            });
            if i != 4 {
                // Pairs of articles on one day.
                record["published"] = format!("2024-03-{:02}", 10 + i / 2).into();
            }
            std::fs::write(root.join(format!("{i}.jsonl")), record.to_string()).unwrap();
        }
        let (mut store, _) = Store::open(&dir.path().join("k.db")).unwrap();
        let synced = store.sync(&[root], 1, false, &mut |_, _| {}).unwrap();
        let shown = |l: &Listing| -> Vec<String> {
            l.iter()
                .map(|r| {
                    let names: Vec<&str> = r.matched().iter().map(|m| m.name.as_str()).collect();
                    format!("{} {} {names:?}", r.path(), r.title())
                })
                .collect()
        };
        let person = (EntityKind::Person, "पुतिन".to_owned());
        for names in [
            vec![person.clone()],
            vec![person, (EntityKind::Place, "लंदन".to_owned())],
        ] {
            for sort in Sort::ALL {
                let query = Query {
                    names: names.clone(),
                    sort,
                    ..Query::default()
                };
                let whole = store
                    .listing_split(&synced.scope, &query, usize::MAX)
                    .unwrap();
                let halves = store.listing_split(&synced.scope, &query, 1).unwrap();
                let expected = if names.len() == 1 { cities.len() } else { 1 };
                assert_eq!(whole.len(), expected, "{names:?} {sort:?}");
                assert_eq!(shown(&halves), shown(&whole), "{names:?} {sort:?}");
            }
        }
    }

    /// Two names, in either order, list the articles that mention both, whichever drives
    /// the query (the one with fewer postings, joined when it is one entity) and whether
    /// the other is one entity or several.
    #[test]
    fn two_names_list_the_articles_of_both() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        std::fs::create_dir(&root).unwrap();
        // Putin in articles 0..6, Berlin in 4..8, Paris in 5 and 7.
        // Each body its own words: a paragraph repeated across articles would be chrome.
        let said = ["कहा", "सोचा", "लिखा", "पूछा", "देखा", "सुना", "माना", "जाना"];
        for (i, said) in said.iter().enumerate() {
            let mut body = format!("आज यह {said} गया। ");
            if i < 6 {
                body.push_str("व्लादिमीर पुतिन ने बात की। ");
            }
            if i >= 4 {
                body.push_str("बर्लिन में बैठक हुई। ");
            }
            if i == 5 || i == 7 {
                body.push_str("पेरिस में भी। ");
            }
            let record = serde_json::json!({"title": format!("खबर {i}"), "body": body});
            std::fs::write(root.join(format!("{i}.jsonl")), record.to_string()).unwrap();
        }
        let (mut store, _) = Store::open(&dir.path().join("k.db")).unwrap();
        let synced = store.sync(&[root], 1, false, &mut |_, _| {}).unwrap();
        let titles = |names: &[(EntityKind, &str)]| -> Vec<String> {
            let query = Query {
                names: names.iter().map(|&(k, n)| (k, n.to_owned())).collect(),
                ..Query::default()
            };
            let mut t: Vec<String> = store
                .list(&synced.scope, &query)
                .unwrap()
                .into_iter()
                .map(|r| r.title)
                .collect();
            t.sort();
            t
        };
        let putin = (EntityKind::Person, "पुतिन");
        let berlin = (EntityKind::Place, "बर्लिन");
        let paris = (EntityKind::Place, "पेरिस");
        assert_eq!(titles(&[putin]).len(), 6);
        assert_eq!(titles(&[putin, berlin]), ["खबर 4", "खबर 5"]);
        assert_eq!(titles(&[berlin, putin]), ["खबर 4", "खबर 5"]);
        assert_eq!(titles(&[putin, paris]), ["खबर 5"]);
        assert_eq!(titles(&[berlin, paris, putin]), ["खबर 5"]);
    }
}
