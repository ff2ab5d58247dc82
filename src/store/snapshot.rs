//! The corpus of a scope as the reader holds it: every article as a list entry (no text)
//! and the lookups its filters run on ([`Index`]), read from the tables in a few scans, so
//! a warm start reads the database instead of reading and extracting the files.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::params_from_iter;

use super::corpus::kind_of;
use super::scope::{Root, Scope, Spelt};
use super::{Store, StoreError, from_sql, to_sql};
use crate::corpus::repeated::{self, RepeatedSet};
use crate::corpus::{Article, Origin};
use crate::extract::dates::{PartialDate, Published};
use crate::index::{DocRows, EntityInfo, Facts, Gather, Index, Mentioned, Postings, Titles};

/// One article as the list shows it: where it is, title, source, publication date, its
/// content id; a list row, not an [`Article`] (whose text and structure it does not
/// have). Its text and analysis are read again when it is shown, from
/// [`Doc::reference`] (see [`crate::corpus::reload`]).
#[derive(Debug, Clone)]
pub struct Doc {
    /// The file it came from, as the caller spelt its root. Shared by the articles of one
    /// file, and with the reader's map of articles by file and its list of texts to read.
    pub path: Arc<str>,
    /// For JSON Lines, the 1-based line of the record (four bytes: a list entry is kept
    /// for every article; past four billion lines only its offset is kept).
    pub line: Option<u32>,
    /// Where its text can be read again.
    pub origin: Origin,
    /// The articles of one source read from the database share one copy of it (the index
    /// keeps its own, once, in its table of sources).
    pub source: Option<Arc<str>>,
    pub published: Option<Published>,
    /// The content id (read state, stars).
    pub id: u64,
    /// The text of an article from standard input, which cannot be read again (`None` for
    /// every other).
    pub kept_text: Option<Box<str>>,
    /// Where its paragraphs were counted for repeated chrome ([`repeated::source_hash`]),
    /// as the database has it: a folder's key holds the folder as it was spelt when the
    /// file was stored, which a later spelling of its root (`./news`, `~/news`) would not
    /// give again.
    pub repeat_key: u64,
}

impl Doc {
    /// The list row of an article whose text is at hand, dropping the text (standard
    /// input keeps it: it cannot be read back).
    pub fn of(article: &Article, id: u64) -> Self {
        Self {
            path: article.path.as_str().into(),
            line: article.line.and_then(|l| u32::try_from(l).ok()),
            origin: article.origin,
            source: article.source.as_deref().map(Into::into),
            published: article.published,
            id,
            kept_text: (article.origin == Origin::Stdin).then(|| article.text.as_str().into()),
            repeat_key: repeated::source_hash(article),
        }
    }

    pub(super) fn new(
        path: Arc<str>,
        line: Option<usize>,
        record_at: Option<u64>,
        source: Option<Arc<str>>,
        published: Option<Published>,
        (id, repeat_key): (u64, u64),
    ) -> Self {
        Self {
            path,
            line: line.and_then(|l| u32::try_from(l).ok()),
            origin: record_at.map_or(Origin::File, Origin::Record),
            source,
            published,
            id,
            kept_text: None,
            repeat_key,
        }
    }

    /// What reading the article again starts from: an [`Article`] with where it is, its
    /// list fields (its title kept by the index: see [`Index::title`]) and (for standard
    /// input) its text, and nothing of its structure.
    pub fn reference(&self, title: String) -> Article {
        Article {
            path: self.path.to_string(),
            line: self.line.map(|l| l as usize),
            origin: self.origin,
            title,
            source: self.source.as_deref().map(str::to_owned),
            published: self.published,
            text: self.kept_text.as_deref().unwrap_or_default().to_owned(),
            ..Article::default()
        }
    }
}

/// An article just read, with what the index files of it and, when asked for, its text
/// folded for search.
#[derive(Debug, Clone)]
pub struct Arrival {
    pub doc: Doc,
    /// Its title (the index keeps titles, not the list entry).
    pub title: Box<str>,
    pub facts: Facts,
    pub folded: Option<Box<str>>,
}

impl Arrival {
    /// An article whose text is at hand, analysed: its list entry, facts and folded text.
    pub fn of(article: &Article, analysis: &crate::extract::Analysis, id: u64) -> Self {
        Self {
            doc: Doc::of(article, id),
            title: article.title.as_str().into(),
            facts: Facts::of(analysis),
            folded: (!article.text.is_empty()).then(|| crate::index::SearchText::folded(article)),
        }
    }
}

/// A file's articles as just read (none when it could not be read).
#[derive(Debug, Clone)]
pub struct Arrived {
    /// The file, as the caller spelt its root.
    pub path: PathBuf,
    pub articles: Vec<Arrival>,
}

/// Every article of a scope, a file's articles together, with the index over them
/// (article `i` of the index is `docs[i]`).
#[derive(Debug, Default)]
pub struct Snapshot {
    pub docs: Vec<Doc>,
    /// The index: over the list entries alone (publication dates, titles, sources) when
    /// the snapshot was taken without its facts ([`Store::snapshot_docs`]).
    pub index: Index,
    /// How many files they come from.
    pub files: usize,
    /// Which articles they are, for [`Store::snapshot_facts`].
    pub(super) rows: Rows,
    /// The paragraphs found to be chrome by repetition, to set aside when an article is
    /// read back and analysed again.
    pub repeated: RepeatedSet,
    /// Read under paths no finished walk recorded (see `Corpus::known`): what was stored
    /// so far, which another process may add to while the files are checked.
    pub partial: bool,
}

/// Which articles a [`Snapshot`] holds (their row ids, in its order): what its facts are
/// read for.
#[derive(Debug, Default, Clone)]
pub struct Rows(pub(super) Vec<i64>);

impl Snapshot {
    /// Which articles it holds, taken out (for reading their facts once the snapshot is
    /// handed on).
    pub fn take_rows(&mut self) -> Rows {
        std::mem::take(&mut self.rows)
    }
}

/// The entities and mentioned dates of a snapshot's articles, numbered as its `docs`.
#[derive(Debug, Default)]
pub struct SnapshotFacts {
    pub entities: Vec<EntityInfo>,
    pub mentioned: Mentioned,
}

/// From how many article ids up a snapshot is read in two halves at once (below, a
/// second connection costs more than it saves).
const SPLIT_FROM: i64 = 20_000;

/// Room set aside per title when a list is read in parts: more than most packed titles
/// take (one byte a Devanagari letter); room not written to is address space, not memory.
const TITLE_BYTES: usize = 96;

/// The list entries of the articles with ids in `ids` (inclusive), in id order.
#[derive(Default)]
pub(super) struct Part {
    pub(super) docs: Vec<Doc>,
    pub(super) infos: DocRows,
    pub(super) titles: Titles,
    pub(super) ids: Vec<i64>,
    /// The sources' names met so far.
    sources: std::collections::HashSet<Arc<str>>,
    /// How many files they come from, and the first and last of them.
    files: usize,
    first_path: String,
    last_path: String,
    /// The last file's path as the caller spells it, shared by its articles.
    last_shown: Arc<str>,
    /// The roots as the caller spelt them, and room to spell a path in.
    spelt: Option<Vec<Spelt>>,
    shown: String,
}

impl Part {
    /// A part with room for `n` articles (their titles at [`TITLE_BYTES`] each), so the
    /// part read after it is appended without growing its buffers: a million entries
    /// joined from two halves otherwise held both halves and the grown copy at once.
    fn with_room(n: usize) -> Self {
        let mut part = Self::default();
        part.docs.reserve(n);
        part.ids.reserve(n);
        part.infos.reserve(n);
        part.titles.reserve(n, n * TITLE_BYTES);
        part
    }

    /// Adds the article of row `r` (the columns of [`DOC_COLUMNS`]).
    pub(super) fn push(&mut self, scope: &Scope, r: &rusqlite::Row<'_>) -> Result<(), StoreError> {
        // Borrowed from the row, and spelt in a buffer: a million short-lived copies, made
        // between the titles that stay, left the allocator pages it could not give back.
        let key = text_at(r, 1)?.unwrap_or_default();
        if key != self.last_path {
            if self.files == 0 {
                key.clone_into(&mut self.first_path);
            }
            self.files += 1;
            key.clone_into(&mut self.last_path);
            self.last_shown = self.spell(scope, key);
        }
        self.titles.push(text_at(r, 4)?.unwrap_or_default());
        // One copy of each source's name, however many articles it has.
        let source = text_at(r, 7)?.map(|name| self.source(name));
        let minute = r
            .get::<_, Option<i64>>(9)?
            .and_then(|m| u16::try_from(m).ok())
            .filter(|m| *m < 24 * 60);
        let published = text_at(r, 5)?.and_then(published_of).map(|mut p| {
            p.time =
                minute.and_then(|m| Some((u8::try_from(m / 60).ok()?, u8::try_from(m % 60).ok()?)));
            p
        });
        self.ids.push(r.get(0)?);
        self.infos.push(
            r.get::<_, Option<i64>>(6)?.and_then(date_of),
            minute,
            source.as_deref(),
        );
        self.docs.push(Doc::new(
            Arc::clone(&self.last_shown),
            r.get::<_, Option<i64>>(2)?
                .and_then(|l| usize::try_from(l).ok()),
            r.get::<_, Option<i64>>(3)?
                .and_then(|at| u64::try_from(at).ok()),
            source,
            published,
            (
                from_sql(r.get(8)?),
                r.get::<_, Option<i64>>(10)?.map_or(0, from_sql),
            ),
        ));
        Ok(())
    }

    /// The file with key `key` as the caller spelt its root (see [`Scope::shown`]).
    fn spell(&mut self, scope: &Scope, key: &str) -> Arc<str> {
        let spelt = self.spelt.get_or_insert_with(|| scope.spelt());
        match scope.split(spelt, key) {
            Some((_, base, rest)) => {
                self.shown.clear();
                self.shown.push_str(base);
                self.shown.push_str(rest);
                self.shown.as_str().into()
            }
            None => key.into(),
        }
    }

    /// The one copy of source name `name`, however many articles it has.
    fn source(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.sources.get(name) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = name.into();
        self.sources.insert(Arc::clone(&shared));
        shared
    }

    /// This part followed by `next`: a file cut in two by the split counts once.
    fn join(mut self, mut next: Part) -> Part {
        let cut = self.files > 0 && next.files > 0 && self.last_path == next.first_path;
        self.files += next.files - usize::from(cut);
        self.docs.append(&mut next.docs);
        self.infos.append(std::mem::take(&mut next.infos));
        self.titles.append(std::mem::take(&mut next.titles));
        self.ids.append(&mut next.ids);
        if next.files > 0 {
            self.last_path = next.last_path;
        }
        self
    }
}

/// What [`Part::push`] reads of an article, in its order.
pub(super) const DOC_COLUMNS: &str = "a.id, a.path, a.line, a.record_at, a.title, a.published, \
     a.published_day, a.publisher, a.content_id, a.published_minute, a.repeat_key";

/// Articles file by file, in no particular order otherwise: the reader sorts its list
/// itself, and an ORDER BY would copy every row through `SQLite`'s sorter. One pass over the
/// table, with each article's own copy of its path: a look-up in `sources` per row made
/// the query 1.7 times as long (100,000 articles).
fn read_docs(
    conn: &rusqlite::Connection,
    scope: &Scope,
    in_scope: &str,
    args: &[rusqlite::types::Value],
    (low, high): (i64, i64),
    mut part: Part,
) -> Result<Part, StoreError> {
    let sql =
        format!("SELECT {DOC_COLUMNS} FROM articles a WHERE a.id BETWEEN ? AND ? AND {in_scope}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let bounds = [low, high].map(rusqlite::types::Value::Integer);
    let mut rows = stmt.query(params_from_iter(bounds.iter().chain(args)))?;
    while let Some(r) = rows.next()? {
        part.push(scope, r)?;
    }
    Ok(part)
}

/// A stored publication value (`2024-06-19`, `2024-06`, `XXXX-09-14`) as a date.
fn published_of(value: &str) -> Option<Published> {
    let mut parts = value.split('-');
    let year = match parts.next()? {
        "XXXX" => None,
        y => Some(y.parse().ok()?),
    };
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    Some(Published {
        date: PartialDate { year, month, day },
        ..Published::default()
    })
}

pub(super) fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

impl Store {
    /// The scope of `paths` when every one of them was walked before with these `rules`
    /// (its files may have changed since: a sync tells), else `None`.
    pub fn walked_scope(&self, paths: &[PathBuf], rules: u64) -> Result<Option<Scope>, StoreError> {
        let roots = Root::of_all(paths);
        if roots.is_empty() {
            return Ok(None);
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM walks WHERE root = ?1 AND rules = ?2")?;
        for root in &roots {
            if !stmt.exists(rusqlite::params![root.key, to_sql(rules)])? {
                return Ok(None);
            }
        }
        Ok(Some(Scope { roots }))
    }

    /// Whether the database holds any file under `scope` (a look-up in the sources' path
    /// index per root).
    pub fn holds_any(&self, scope: &Scope) -> Result<bool, StoreError> {
        let Some((in_scope, args)) = scope.condition("path") else {
            return Ok(false);
        };
        let sql = format!("SELECT EXISTS (SELECT 1 FROM sources WHERE {in_scope})");
        Ok(self
            .conn
            .prepare(&sql)?
            .query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
    }

    /// Every article of `scope` and the index over them.
    pub fn snapshot(&self, scope: &Scope) -> Result<Snapshot, StoreError> {
        let mut snapshot = self.snapshot_docs(scope)?;
        let facts = self.snapshot_facts(&snapshot.rows)?;
        snapshot.index.add_parts(facts.entities, facts.mentioned);
        Ok(snapshot)
    }

    /// [`Store::snapshot`] without the entities and mentioned dates (one scan of the
    /// articles): what a first frame needs. A large scope is read in two halves by id at
    /// once, the second on its own connection: making a list entry of each row is most of
    /// a warm start's time before the first frame, and it divides.
    pub fn snapshot_docs(&self, scope: &Scope) -> Result<Snapshot, StoreError> {
        self.snapshot_docs_split(scope, SPLIT_FROM)
    }

    /// The entities with these postings (articles numbered as the caller's), each with
    /// its name and every stored form.
    pub(super) fn entities_of(
        &self,
        mut postings: HashMap<i64, Postings>,
    ) -> Result<Vec<EntityInfo>, StoreError> {
        let mut forms: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entity, form FROM aliases")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let entity: i64 = r.get(0)?;
            if postings.contains_key(&entity) {
                forms.entry(entity).or_default().push(r.get(1)?);
            }
        }
        drop(rows);
        let mut entities = Vec::with_capacity(postings.len());
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, key, kind, name FROM entities")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let Some(docs) = postings.remove(&id) else {
                continue;
            };
            let Some(kind) = kind_of(&r.get::<_, String>(2)?) else {
                continue;
            };
            let name: String = r.get(3)?;
            let mut all = vec![name.clone()];
            all.extend(forms.remove(&id).unwrap_or_default());
            entities.push(EntityInfo {
                id: r.get(1)?,
                name,
                kind,
                forms: all,
                docs,
            });
        }
        drop(rows);
        Ok(entities)
    }

    /// The lowest and highest article ids (0 for an empty table).
    pub(super) fn id_bounds(&self) -> Result<(i64, i64), StoreError> {
        let (low, high): (Option<i64>, Option<i64>) = self.conn.query_row(
            // Two look-ups at the ends of the table: `min(id), max(id)` in one SELECT is
            // a scan of all of it.
            "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((low.unwrap_or(0), high.unwrap_or(0)))
    }

    /// [`Store::snapshot_docs`], read in two halves when the ids span `split_from` or more.
    fn snapshot_docs_split(&self, scope: &Scope, split_from: i64) -> Result<Snapshot, StoreError> {
        let Some((in_scope, args)) = scope.condition("+a.path") else {
            return Ok(Snapshot::default());
        };
        let (low, high) = self.id_bounds()?;
        let read = |conn: &rusqlite::Connection, ids: (i64, i64), part: Part| {
            read_docs(conn, scope, &in_scope, &args, ids, part)
        };
        let map = self.mapped;
        let part = match &self.path {
            Some(path) if high - low >= split_from => {
                let middle = low + (high - low) / 2;
                // At most every article in the database, and no more than the ids span
                // (the scope may hold fewer: the rest is address space, never touched).
                let count: i64 = self
                    .conn
                    .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
                let room =
                    |from: i64, to: i64| usize::try_from((to - from + 1).min(count)).unwrap_or(0);
                let (first, second) = std::thread::scope(|s| {
                    let second = s.spawn(|| {
                        let conn = super::open::reader(path, map)?;
                        read(&conn, (middle + 1, high), Part::default())
                    });
                    let first = read(&self.conn, (low, middle), Part::with_room(room(low, high)));
                    (first, second.join())
                });
                let second = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                // A second connection that could not read (busy past the timeout, no memory
                // for another map) costs only time: this one reads that half too.
                let second =
                    second.or_else(|_| read(&self.conn, (middle + 1, high), Part::default()))?;
                first?.join(second)
            }
            _ => read(&self.conn, (low, high), Part::default())?,
        };
        Ok(Snapshot {
            docs: part.docs,
            index: Index::from_parts(part.infos, part.titles, Vec::new(), Mentioned::default()),
            files: part.files,
            rows: Rows(part.ids),
            repeated: self.repeated()?,
            partial: false,
        })
    }

    /// The entities and mentioned dates of the articles of a snapshot (its [`Rows`]).
    pub fn snapshot_facts(&self, rows: &Rows) -> Result<SnapshotFacts, StoreError> {
        let number = Numbers::of(&rows.0);
        // The postings, then the entities they name: the tables hold other scopes too, so
        // each row is kept only when its article is one of these.
        // In key order (the table's own, so no sort), an entity's postings come together
        // and each list is made to measure before the next: lists grown side by side kept
        // up to twice their size (a hundred MB at a million articles).
        let mut postings: HashMap<i64, Postings> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entity, article FROM mentions ORDER BY entity")?;
        let mut rows = stmt.query([])?;
        let mut run: (i64, Vec<u32>) = (0, Vec::new());
        while let Some(r) = rows.next()? {
            let Some(doc) = number.get(r.get(1)?) else {
                continue;
            };
            let entity: i64 = r.get(0)?;
            if entity != run.0 {
                keep_postings(
                    &mut postings,
                    std::mem::replace(&mut run, (entity, Vec::new())),
                );
            }
            run.1.push(doc);
        }
        keep_postings(&mut postings, run);
        drop(rows);
        let entities = self.entities_of(postings)?;
        let mut mentioned = Gather::default();
        // The table in its own order (by article), not the index by day.
        let mut stmt = self.conn.prepare_cached(
            "SELECT article, first_day, last_day FROM mentioned_dates NOT INDEXED",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(doc) = number.get(r.get(0)?)
                && let (Some(first), Some(last)) = (date_of(r.get(1)?), date_of(r.get(2)?))
            {
                mentioned.push(first, last, doc);
            }
        }
        Ok(SnapshotFacts {
            entities,
            mentioned: mentioned.finish(),
        })
    }
}

/// Each article's number in a snapshot, by its id in the database.
enum Numbers {
    /// Ids with few gaps (the usual case): a table from the lowest id, `u32::MAX` where
    /// none. Four bytes an id, against about forty in a map, and no hashing.
    Dense {
        low: i64,
        numbers: Vec<u32>,
    },
    Sparse(HashMap<i64, u32>),
}

impl Numbers {
    fn of(ids: &[i64]) -> Self {
        let numbered = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, u32::try_from(i).unwrap_or(u32::MAX)));
        let (Some(&low), Some(&high)) = (ids.iter().min(), ids.iter().max()) else {
            return Self::Sparse(HashMap::new());
        };
        let span = usize::try_from(high.saturating_sub(low)).unwrap_or(usize::MAX);
        if span / 4 > ids.len() {
            return Self::Sparse(numbered.collect());
        }
        let mut numbers = vec![u32::MAX; span + 1];
        for (id, n) in numbered {
            // Within the span by construction.
            if let Ok(at) = usize::try_from(id - low) {
                numbers[at] = n;
            }
        }
        Self::Dense { low, numbers }
    }

    fn get(&self, id: i64) -> Option<u32> {
        match self {
            Self::Dense { low, numbers } => usize::try_from(id.checked_sub(*low)?)
                .ok()
                .and_then(|at| numbers.get(at))
                .copied()
                .filter(|&n| n != u32::MAX),
            Self::Sparse(map) => map.get(&id).copied(),
        }
    }
}

/// Files `docs`, the postings of `entity`, sorted, once, and made to measure.
fn keep_postings(postings: &mut HashMap<i64, Postings>, (entity, mut docs): (i64, Vec<u32>)) {
    if docs.is_empty() {
        return;
    }
    docs.sort_unstable();
    docs.dedup();
    let docs = Postings::from(&docs[..]);
    match postings.entry(entity) {
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(docs);
        }
        // Only if the rows did not come in key order after all.
        std::collections::hash_map::Entry::Occupied(mut o) => o.get_mut().union(&docs),
    }
}

/// Text column `i` of `r`, borrowed (`None` for NULL); another type, or bytes that are not
/// UTF-8, fail as rusqlite's `get` would.
pub(super) fn text_at<'r>(
    r: &'r rusqlite::Row<'_>,
    i: usize,
) -> Result<Option<&'r str>, StoreError> {
    use rusqlite::types::{FromSqlError, ValueRef};
    // Checked with SIMD, not by `as_str_or_null`: a warm start reads a million titles.
    let text = match r.get_ref(i)? {
        ValueRef::Null => return Ok(None),
        // On failure the standard check says where the text goes wrong.
        ValueRef::Text(bytes) => simdutf8::basic::from_utf8(bytes)
            .or_else(|_| std::str::from_utf8(bytes).map_err(FromSqlError::from)),
        _ => Err(FromSqlError::InvalidType),
    };
    text.map(Some).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
            .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text column reads as its text, NULL as none, and anything else (text that is
    /// not UTF-8, a blob, a number) as an error naming the column, as `as_str_or_null` did.
    #[test]
    fn a_text_column_is_checked_as_utf8() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.query_row(
            "SELECT NULL, 'समाचार', CAST(x'61ff' AS TEXT), x'61', 5",
            [],
            |r| {
                assert_eq!(text_at(r, 0).unwrap(), None);
                assert_eq!(text_at(r, 1).unwrap(), Some("समाचार"));
                let error = |i| text_at(r, i).unwrap_err().to_string();
                // Where the text goes wrong, from the standard check.
                assert!(
                    error(2).contains("at index: 2, invalid utf-8 sequence"),
                    "{}",
                    error(2)
                );
                for i in 3..5 {
                    assert!(
                        error(i).contains(&format!("at index: {i}, Invalid type")),
                        "{}",
                        error(i)
                    );
                }
                Ok(())
            },
        )
        .unwrap();
    }

    #[test]
    fn an_article_is_numbered_alike_whether_its_ids_are_dense_or_sparse() {
        for ids in [vec![7, 5, 6, 9], vec![7, 5, 1_000_000, 9]] {
            let numbers = Numbers::of(&ids);
            assert_eq!(
                matches!(numbers, Numbers::Dense { .. }),
                ids[2] == 6,
                "{ids:?}"
            );
            for (i, &id) in ids.iter().enumerate() {
                assert_eq!(numbers.get(id), u32::try_from(i).ok(), "{ids:?} {id}");
            }
            for absent in [0, 4, 8, 10, i64::MIN, i64::MAX] {
                assert_eq!(numbers.get(absent), None, "{ids:?} {absent}");
            }
        }
    }

    #[test]
    fn a_snapshot_read_in_two_halves_is_the_snapshot_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        std::fs::create_dir(&root).unwrap();
        // One JSON Lines file of nine records, so the halves cut it (ids 1-9), then a file.
        let records = (1..=9)
            .map(|i| format!("{{\"title\": \"शीर्षक {i}\", \"body\": \"पाठ {i}।\"}}"))
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(root.join("a.jsonl"), records).unwrap();
        std::fs::write(root.join("b.txt"), "दूसरा शीर्षक\n\nपाठ।\n").unwrap();
        let (mut store, _) = Store::open(&dir.path().join("k.db")).unwrap();
        let synced = store.sync(&[root], 1, false, &mut |_, _| {}).unwrap();
        let whole = store.snapshot_docs_split(&synced.scope, i64::MAX).unwrap();
        let halves = store.snapshot_docs_split(&synced.scope, 1).unwrap();
        let rows = |s: &Snapshot| {
            s.docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    (
                        d.path.clone(),
                        d.line,
                        s.index.title(i as u32).to_string(),
                        d.id,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(whole.docs.len(), 10);
        assert_eq!(rows(&halves), rows(&whole));
        assert_eq!((halves.files, whole.files), (2, 2));
        assert_eq!(halves.rows.0, whole.rows.0);
        let infos = |index: &Index| (0..10).map(|d| index.info(d)).collect::<Vec<_>>();
        assert_eq!(infos(&halves.index), infos(&whole.index));
        assert!(infos(&whole.index).iter().all(Option::is_some));
    }
}
