//! The first page of a large stored list: what the reader's first frame shows while the
//! whole list (a million articles take seconds) is read behind it.
//!
//! A page answers the kept filters it can answer exactly from the tables (entities, the
//! publication date, a mentioned date, the source, unread and starred), and carries the
//! entities and mentioned dates of its own articles, so the reader filters it as it will
//! filter the whole list. A kept search makes no page (the texts are not in the tables):
//! the reader then waits for the whole list.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::scope::Scope;
use super::snapshot::{DOC_COLUMNS, Part, Rows, Snapshot, date_of, text_at};
use super::{Store, StoreError};
use crate::index::Index;

/// How many articles [`Store::first_page`] looks at before giving up on a page.
const PAGE_EXAMINED: usize = 20_000;

/// Up to how many articles an entity or mentioned-date filter keeps, its articles are
/// looked up one by one and sorted; past that, the day index is walked, keeping those the
/// filter keeps.
const FEW: usize = 10_000;

/// How many articles a walk under such a filter looks at before giving up: a filter
/// keeping more than [`FEW`] articles keeps one in a hundred of a million, so a page of
/// 200 is found within about 20,000.
const FILTERED_EXAMINED: usize = 100_000;

/// Up to how many articles such a filter keeps, they are looked up one by one when the
/// walk gave up on them, and at once under a mentioned-date filter: the articles
/// mentioning a date are mostly those published near it, which a walk from the newest may
/// not reach (at a million articles, fewer than 200 of the 10,129 mentioning June 2019
/// are among the newest 100,000: the walk gave up).
const MANY: usize = 50_000;

/// Up to how many dates in a mentioned-date filter's range are read into the set of
/// articles it keeps; a wider range (`..2023` may hold millions) is asked of each article
/// the page looks at instead.
const DATES_READ: usize = 4 * MANY;

/// How far a page goes before it gives up: [`FEW`], [`FILTERED_EXAMINED`], [`MANY`] and
/// [`DATES_READ`] (the tests take others).
#[derive(Debug, Clone, Copy)]
struct Reach {
    few: usize,
    filtered: usize,
    many: usize,
    dates: usize,
}

const REACH: Reach = Reach {
    few: FEW,
    filtered: FILTERED_EXAMINED,
    many: MANY,
    dates: DATES_READ,
};

/// The kept filters a first page answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFilter {
    /// Groups of entity ids (keys): an article must mention some entity of every group.
    pub entities: Vec<Vec<String>>,
    /// Published within these days (either end open); undated articles are left out.
    pub published: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// Some date the text mentions lies wholly within these days (either end open), as
    /// [`crate::index::DateRange::holds`] has it.
    pub mentioned: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// Sources (publisher or feed names, compared without case): an article must come
    /// from one of them. Empty means any source.
    pub sources: Vec<String>,
    /// Only articles not marked read, as the reader's state has them (the same tables).
    pub unread: bool,
    /// Only starred articles.
    pub starred: bool,
}

impl PageFilter {
    fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.published.is_none()
            && self.mentioned.is_none()
            && self.sources.is_empty()
            && !self.unread
            && !self.starred
    }

    /// The published range as stored day numbers, inclusive.
    fn days(&self) -> Option<(i64, i64)> {
        self.published.map(stored_days)
    }
}

/// A range of days (either end open) as stored day numbers, inclusive.
fn stored_days((start, end): (Option<NaiveDate>, Option<NaiveDate>)) -> (i64, i64) {
    let day = |d: NaiveDate| i64::from(chrono::Datelike::num_days_from_ce(&d));
    (start.map_or(i64::MIN, day), end.map_or(i64::MAX, day))
}

/// The ids of `before` (none: no filter yet) that are also in `ids`, ascending; `ids` is
/// sorted and deduplicated first.
fn narrow(before: Option<Vec<i64>>, mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids.dedup();
    match before {
        None => ids,
        Some(before) => before
            .into_iter()
            .filter(|id| ids.binary_search(id).is_ok())
            .collect(),
    }
}

impl Store {
    /// The first `limit` articles of `scope` that `filter` keeps, newest first (`newest`)
    /// or oldest first, undated ones last: what a first frame shows of a large corpus
    /// before [`Store::snapshot_docs`] has read all of it. Unfiltered, it has no facts;
    /// filtered, it has those of its articles. The day index is walked (the dated, then
    /// the undated) and at most `PAGE_EXAMINED` (20,000) articles are looked at, more
    /// under an entity or mentioned-date filter; past that (a small folder in a large
    /// database, many undated articles, a filter keeping few) there is no page (`None`), so
    /// its time stays bounded whatever the database. Such a filter keeping few articles
    /// looks them up instead, and so does one keeping up to `MANY` (50,000) that the walk
    /// gave up on or that is by a mentioned date. A mentioned-date range holding more than
    /// `DATES_READ` dates is asked of each article looked at instead of read whole. `None`
    /// too when the article ids span fewer than `from` (reading them all is then as quick; the span, one look-up at each end, stands for the count,
    /// and only grows as files are read again). Same-minute ties go by stored path: with
    /// several roots spelt otherwise, the page's last minute may hold other articles than
    /// the whole list's.
    pub fn first_page(
        &self,
        scope: &Scope,
        newest: bool,
        (limit, from): (usize, usize),
        filter: &PageFilter,
    ) -> Result<Option<Snapshot>, StoreError> {
        self.first_page_by(scope, newest, (limit, from), filter, REACH)
    }

    /// [`Store::first_page`], going as far as `reach`.
    fn first_page_by(
        &self,
        scope: &Scope,
        newest: bool,
        (limit, from): (usize, usize),
        filter: &PageFilter,
        reach: Reach,
    ) -> Result<Option<Snapshot>, StoreError> {
        // One read for the page's look-ups (thousands under a filter): each would
        // otherwise take and give back the database's shared lock (a tenth of the page's
        // time at a million articles). Deferred, so it never waits for a writer (the
        // connection's default takes the write lock at once); dropped, it ends.
        let _read = if self.conn.is_autocommit() {
            Some(rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Deferred,
            )?)
        } else {
            None
        };
        let (low, high) = self.id_bounds()?;
        if high - low + 1 < i64::try_from(from).unwrap_or(i64::MAX) || scope.roots.is_empty() {
            return Ok(None);
        }
        let mut kept = self.kept_by_entities(&filter.entities)?;
        // A mentioned-date range holding too many dates to read is asked per article.
        let mut wide = None;
        if let Some(range) = filter.mentioned {
            let days = stored_days(range);
            match self.kept_by_mentioned(days, reach.dates)? {
                Some(ids) => kept = Some(narrow(kept, ids)),
                None => wide = Some(days),
            }
        }
        let mut part = Part::default();
        let sources: Vec<String> = filter.sources.iter().map(|s| s.to_lowercase()).collect();
        let walk = Walk {
            newest,
            limit,
            days: filter.days(),
            kept: kept.as_deref(),
            wide,
            sources: &sources,
            read: filter
                .unread
                .then(|| self.marked("read_articles"))
                .transpose()?,
            starred: filter
                .starred
                .then(|| self.marked("starred_articles"))
                .transpose()?,
            // A date filter alone is a range of the walk: every article looked at is kept.
            most: if kept.is_some()
                || wide.is_some()
                || !sources.is_empty()
                || filter.unread
                || filter.starred
            {
                reach.filtered
            } else {
                PAGE_EXAMINED
            },
        };
        // The articles mentioning a date cluster where they were published, which a walk
        // from the newest (or oldest) may not reach: they are looked up if they are not many.
        let few = if filter.mentioned.is_some() && wide.is_none() {
            reach.many
        } else {
            reach.few
        };
        match &kept {
            Some(ids) if ids.len() <= few => self.page_of(scope, ids, &walk, &mut part)?,
            _ if self.page_walked(scope, &walk, &mut part)? => {}
            Some(ids) if ids.len() <= reach.many => {
                part = Part::default();
                self.page_of(scope, ids, &walk, &mut part)?;
            }
            _ => return Ok(None),
        }
        let (entities, mentioned) = if filter.is_empty() {
            (Vec::new(), crate::index::Mentioned::default())
        } else {
            self.page_facts(&part.ids)?
        };
        Ok(Some(Snapshot {
            index: Index::from_parts(part.infos, part.titles, entities, mentioned),
            docs: part.docs,
            files: 0,
            rows: Rows(part.ids),
            repeated: self.repeated()?,
            partial: false,
        }))
    }

    /// The ids of the articles an entity filter keeps, ascending (`None`: no entity
    /// filter).
    fn kept_by_entities(&self, groups: &[Vec<String>]) -> Result<Option<Vec<i64>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.article FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.key = ?1",
        )?;
        let mut kept: Option<Vec<i64>> = None;
        for group in groups {
            let mut ids = Vec::new();
            for key in group {
                let rows = stmt.query_map([key], |r| r.get::<_, i64>(0))?;
                for id in rows {
                    ids.push(id?);
                }
            }
            kept = Some(narrow(kept, ids));
        }
        Ok(kept)
    }

    /// The ids of the articles mentioning a date wholly within the stored days `low..=high`
    /// (read from the dates' index by day), in no order, some more than once; `None` when
    /// the range holds more than `most` dates.
    fn kept_by_mentioned(
        &self,
        (low, high): (i64, i64),
        most: usize,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT article FROM mentioned_dates
             WHERE first_day BETWEEN ?1 AND ?2 AND last_day <= ?2 LIMIT ?3",
        )?;
        let limit = i64::try_from(most.saturating_add(1)).unwrap_or(i64::MAX);
        let ids: Vec<i64> = stmt
            .query_map([low, high, limit], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok((ids.len() <= most).then_some(ids))
    }

    /// Whether article `id` passes a mentioned-date range too wide to read whole (see
    /// [`Walk::wide`]): it mentions a date wholly within it.
    fn keeps_wide(&self, walk: &Walk<'_>, id: i64) -> Result<bool, StoreError> {
        let Some((low, high)) = walk.wide else {
            return Ok(true);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT 1 FROM mentioned_dates INDEXED BY mentioned_dates_by_article
             WHERE article = ?1 AND first_day BETWEEN ?2 AND ?3 AND last_day <= ?3",
        )?;
        Ok(stmt.exists([id, low, high])?)
    }

    /// Adds the first of the articles `ids` in page order (see [`Store::first_page`]).
    fn page_of(
        &self,
        scope: &Scope,
        ids: &[i64],
        walk: &Walk<'_>,
        part: &mut Part,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.published_day, a.path, a.line, a.publisher, a.content_id,
                    a.published_minute
             FROM articles a WHERE a.id = ?1",
        )?;
        let mut found: Vec<(bool, i64, i64, String, Option<i64>, i64)> = Vec::new();
        for &id in ids {
            let mut rows = stmt.query([id])?;
            let Some(r) = rows.next()? else { continue };
            let day: Option<i64> = r.get(0)?;
            let path: String = r.get(1)?;
            let within = match (walk.days, day) {
                (Some((low, high)), Some(day)) => (low..=high).contains(&day),
                (Some(_), None) => false,
                (None, _) => true,
            };
            if within
                && walk.keeps_source(text_at(r, 3)?)
                && walk.keeps_marks(r.get(4)?)
                && scope.holds(&path)
                && self.keeps_wide(walk, id)?
            {
                // Dated first, by day and minute in the list's order (no minute: before
                // the day's first), then by path and line.
                let minute = r.get::<_, Option<i64>>(5)?.map_or(-1, |m| m);
                let (order, within) = match day {
                    Some(d) if walk.newest => (-d, -minute),
                    Some(d) => (d, minute),
                    None => (0, 0),
                };
                found.push((day.is_none(), order, within, path, r.get(2)?, id));
            }
        }
        found.sort_unstable();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM articles a WHERE a.id = ?"
        ))?;
        for (.., id) in found.into_iter().take(walk.limit) {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                part.push(scope, r)?;
            }
        }
        Ok(())
    }

    /// Adds the page's articles to `part` walking the day index, the dated then the undated;
    /// `false` when that took more than the walk allows.
    fn page_walked(
        &self,
        scope: &Scope,
        walk: &Walk<'_>,
        part: &mut Part,
    ) -> Result<bool, StoreError> {
        let mut examined = 0;
        if !self.page_dated(scope, walk, part, &mut examined)? {
            return Ok(false);
        }
        // A date filter leaves the undated out.
        let left = walk.limit.saturating_sub(part.docs.len());
        Ok(left == 0
            || walk.days.is_some()
            || self.page_undated(scope, left, walk, part, &mut examined)?)
    }

    /// Adds the dated articles of `scope` in day order to `part` until it holds the page;
    /// `false` when that took more than the walk allows.
    fn page_dated(
        &self,
        scope: &Scope,
        walk: &Walk<'_>,
        part: &mut Part,
        examined: &mut usize,
    ) -> Result<bool, StoreError> {
        let order = if walk.newest { "DESC" } else { "ASC" };
        // Named, or the planner may sort the whole table rather than walk the index (it did,
        // at a million articles: 350 ms instead of 3). Ties go by path, then line.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM articles a INDEXED BY articles_by_day
             WHERE a.published_day BETWEEN ?1 AND ?2
             ORDER BY a.published_day {order}, a.published_minute {order}, a.path, a.line"
        ))?;
        let (low, high) = walk.days.unwrap_or((i64::MIN, i64::MAX));
        let mut rows = stmt.query([low, high])?;
        while part.docs.len() < walk.limit
            && let Some(r) = rows.next()?
        {
            *examined += 1;
            if *examined > walk.most {
                return Ok(false);
            }
            let id = r.get(0)?;
            if walk.keeps(id)
                && walk.keeps_source(text_at(r, 7)?)
                && walk.keeps_marks(r.get(8)?)
                && scope.holds(r.get_ref(1)?.as_str().unwrap_or_default())
                && self.keeps_wide(walk, id)?
            {
                part.push(scope, r)?;
            }
        }
        Ok(true)
    }

    /// Adds the first `left` undated articles of `scope` by path and line to `part`:
    /// all of them are looked at (`SQLite` would sort them all too), `false` when they are
    /// more than the walk allows with those looked at already.
    fn page_undated(
        &self,
        scope: &Scope,
        left: usize,
        walk: &Walk<'_>,
        part: &mut Part,
        examined: &mut usize,
    ) -> Result<bool, StoreError> {
        let mut undated: Vec<(String, Option<i64>, i64)> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.path, a.line, a.id, a.publisher, a.content_id
             FROM articles a INDEXED BY articles_by_day
             WHERE a.published_day IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            *examined += 1;
            if *examined > walk.most {
                return Ok(false);
            }
            let path: String = r.get(0)?;
            let id: i64 = r.get(2)?;
            if walk.keeps(id)
                && walk.keeps_source(text_at(r, 3)?)
                && walk.keeps_marks(r.get(4)?)
                && scope.holds(&path)
                && self.keeps_wide(walk, id)?
            {
                undated.push((path, r.get(1)?, id));
            }
        }
        undated.sort_unstable();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM articles a WHERE a.id = ?"
        ))?;
        for (_, _, id) in undated.into_iter().take(left) {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                part.push(scope, r)?;
            }
        }
        Ok(true)
    }

    /// The content ids in `table` (`read_articles`, `starred_articles`), once per page: a
    /// look-up per article walked cost more than the walk.
    fn marked(&self, table: &str) -> Result<HashSet<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT id FROM {table}"))?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// The entities and mentioned dates of the articles `ids`, numbered by their place in
    /// it: what the reader's filters need to keep a page's articles as they will keep the
    /// whole list's.
    #[allow(clippy::type_complexity)]
    fn page_facts(
        &self,
        ids: &[i64],
    ) -> Result<(Vec<crate::index::EntityInfo>, crate::index::Mentioned), StoreError> {
        let mut postings: HashMap<i64, crate::index::Postings> = HashMap::new();
        let mut mentioned = crate::index::Mentioned::default();
        let mut entities_of = self
            .conn
            .prepare_cached("SELECT entity FROM mentions WHERE article = ?1")?;
        let mut dates_of = self
            .conn
            .prepare_cached("SELECT first_day, last_day FROM mentioned_dates WHERE article = ?1")?;
        for (n, &id) in ids.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            for entity in entities_of.query_map([id], |r| r.get::<_, i64>(0))? {
                postings.entry(entity?).or_default().push(n);
            }
            for days in dates_of.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))? {
                let (first, last) = days?;
                if let (Some(first), Some(last)) = (date_of(first), date_of(last)) {
                    mentioned.push(first, last, n);
                }
            }
        }
        Ok((self.entities_of(postings)?, mentioned))
    }
}

/// How a page walks the day index.
struct Walk<'a> {
    newest: bool,
    limit: usize,
    /// The published range, as stored day numbers.
    days: Option<(i64, i64)>,
    /// The ids an entity or mentioned-date filter keeps, ascending.
    kept: Option<&'a [i64]>,
    /// A mentioned-date range (stored days) holding too many dates to read whole: each
    /// article looked at is asked whether it mentions one.
    wide: Option<(i64, i64)>,
    /// The sources kept, in lower case (empty: any).
    sources: &'a [String],
    /// Under `unread`, the articles marked read (content ids).
    read: Option<HashSet<i64>>,
    /// Under `starred`, the starred articles (content ids).
    starred: Option<HashSet<i64>>,
    /// How many articles to look at before giving up.
    most: usize,
}

impl Walk<'_> {
    fn keeps(&self, id: i64) -> bool {
        self.kept.is_none_or(|ids| ids.binary_search(&id).is_ok())
    }

    /// Whether the article with content id `content` passes the unread and starred
    /// filters, as the reader's state has them (the same tables).
    fn keeps_marks(&self, content: i64) -> bool {
        self.read
            .as_ref()
            .is_none_or(|read| !read.contains(&content))
            && self
                .starred
                .as_ref()
                .is_none_or(|starred| starred.contains(&content))
    }

    /// Whether an article of source `source` is kept, compared as the reader's filter
    /// compares ([`crate::index::Index::select`]).
    fn keeps_source(&self, source: Option<&str>) -> bool {
        self.sources.is_empty() || source.is_some_and(|s| self.sources.contains(&s.to_lowercase()))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::index::{DateRange, Filter, Sort};

    /// Cities for articles to mention (the lists' tests use them too).
    pub(in crate::store) const CITIES: [&str; 8] = [
        "बर्लिन",
        "पेरिस",
        "लंदन",
        "रोम",
        "मैड्रिड",
        "वियना",
        "प्राग",
        "एथेंस",
    ];
    const TOPICS: [&str; 8] = [
        "व्यापार",
        "ऊर्जा",
        "सुरक्षा",
        "मौसम",
        "खेती",
        "शिक्षा",
        "सेहत",
        "पानी",
    ];

    /// A page under a filter holds the first articles of the whole list under the same
    /// filter, in the list's order, with the facts that make the reader's own filter keep
    /// them: whether the filter's articles are looked up or the day index is walked.
    #[test]
    fn a_filtered_page_is_the_head_of_the_filtered_list() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        std::fs::create_dir(&root).unwrap();
        // Eight articles: Putin in the even ones (one of them undated), days apart; a day of
        // May 2023 mentioned in three (the undated one among them), the year 2023 in two.
        for i in 0..8 {
            let mention = match i {
                0 | 4 | 6 => format!(" बैठक {} मई 2023 को हुई।", 10 + i),
                1 | 5 => " यह 2023 में शुरू हुआ।".to_owned(),
                _ => String::new(),
            };
            let who = if i % 2 == 0 {
                "व्लादिमीर पुतिन"
            } else {
                "एंजेला मर्केल"
            };
            let mut record = serde_json::json!({
                "title": format!("खबर {i}"),
                // Every sentence its own: a paragraph repeated across a source is chrome.
                "body": format!(
                    "{who} ने {} में {} के बारे में बात की।{mention}",
                    CITIES[i],
                    TOPICS[i],
                ),
            });
            // Two Putin articles of one day, told apart by the time they were published
            // (path order alone would put them the other way round when newest first).
            record["published"] = match i {
                6 => serde_json::Value::Null,
                2 => "2024-03-12T09:00:00+05:30".into(),
                4 => "2024-03-12T18:00:00+05:30".into(),
                _ => format!("2024-03-{:02}", 10 + i).into(),
            };
            record["source"] = if i % 3 == 0 { "Alpha News" } else { "Beta" }.into();
            std::fs::write(root.join(format!("{i}.jsonl")), record.to_string()).unwrap();
        }
        let (mut store, _) = Store::open(&dir.path().join("k.db")).unwrap();
        let synced = store.sync(&[root], 1, false, &mut |_, _| {}).unwrap();
        let whole = store.snapshot(&synced.scope).unwrap();
        let putin: Vec<String> = whole
            .index
            .entity_table()
            .filter(|e| e.name.contains("पुतिन"))
            .map(|e| e.id.clone())
            .collect();
        let names: Vec<&str> = whole
            .index
            .entity_table()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(putin.len(), 1, "one Putin among {names:?}");
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 3, d);
        let may = (
            NaiveDate::from_ymd_opt(2023, 5, 1),
            NaiveDate::from_ymd_opt(2023, 5, 31),
        );
        let year = (
            NaiveDate::from_ymd_opt(2023, 1, 1),
            NaiveDate::from_ymd_opt(2023, 12, 31),
        );
        let filter = |entities: &[Vec<String>], published, sources: &[&str]| PageFilter {
            entities: entities.to_vec(),
            published,
            sources: sources.iter().map(|s| (*s).to_owned()).collect(),
            ..PageFilter::default()
        };
        // The newest Putin article read; two others starred.
        let id_of = |name: &str| {
            whole
                .docs
                .iter()
                .find(|d| d.path.ends_with(name))
                .map(|d| d.id)
                .unwrap()
        };
        store.set_read(id_of("/4.jsonl"), true).unwrap();
        store.set_starred(id_of("/0.jsonl"), true).unwrap();
        store.set_starred(id_of("/3.jsonl"), true).unwrap();
        let putin = [putin];
        let cases = [
            (filter(&putin, None, &[]), true),
            (filter(&putin, None, &[]), false),
            (filter(&putin, Some((day(11), None)), &[]), true),
            (filter(&[], Some((None, day(14))), &[]), true),
            // Sources compared without case, alone and with a person.
            (filter(&[], None, &["alpha NEWS"]), true),
            (filter(&putin, None, &["Beta"]), false),
            // Read and starred as the reader's state has them.
            (
                PageFilter {
                    unread: true,
                    ..filter(&putin, None, &[])
                },
                true,
            ),
            (
                PageFilter {
                    starred: true,
                    ..PageFilter::default()
                },
                true,
            ),
            (
                PageFilter {
                    unread: true,
                    ..PageFilter::default()
                },
                false,
            ),
            // A date mentioned wholly within the range: a day of May 2023 only, or the
            // year's mentions too; with a person and a publication date.
            (
                PageFilter {
                    mentioned: Some(may),
                    ..PageFilter::default()
                },
                true,
            ),
            (
                PageFilter {
                    mentioned: Some(year),
                    ..PageFilter::default()
                },
                false,
            ),
            (
                PageFilter {
                    mentioned: Some(year),
                    ..filter(&putin, Some((day(11), None)), &[])
                },
                true,
            ),
            // Open at its start.
            (
                PageFilter {
                    mentioned: Some((None, year.1)),
                    ..PageFilter::default()
                },
                true,
            ),
        ];
        for (filter, newest) in cases {
            let range = filter.published.map(|(start, end)| DateRange {
                start,
                end,
                unit: crate::index::range::Unit::Span,
            });
            let mentioned = filter.mentioned.map(|(start, end)| DateRange {
                start,
                end,
                unit: crate::index::range::Unit::Span,
            });
            let reader_filter = Filter {
                entities: filter.entities.clone(),
                published: range,
                mentioned,
                sources: filter.sources.clone(),
            };
            // The whole list under the filter, in page order.
            let mut want: Vec<&crate::store::Doc> = whole
                .index
                .select(&reader_filter)
                .docs
                .iter()
                .map(|&d| &whole.docs[d as usize])
                .filter(|d| !filter.unread || !store.is_read(d.id).unwrap())
                .filter(|d| !filter.starred || store.is_starred(d.id).unwrap())
                .collect();
            want.sort_by(|a, b| {
                let when = |d: &crate::store::Doc| {
                    let p = d.published?;
                    Some((p.value(), crate::index::minute_of(&p)))
                };
                let (da, db) = (when(a), when(b));
                da.is_none()
                    .cmp(&db.is_none())
                    .then(if newest { db.cmp(&da) } else { da.cmp(&db) })
                    .then(a.path.cmp(&b.path))
            });
            assert!(!want.is_empty(), "{filter:?} keeps nothing");
            // The minutes were stored and read back: the two articles of one day go by
            // them, against path order, newest first.
            let at = |name: &str| want.iter().position(|d| d.path.ends_with(name));
            if newest && let (Some(two), Some(four)) = (at("/2.jsonl"), at("/4.jsonl")) {
                assert!(
                    four < two,
                    "{filter:?}: 4.jsonl (18:00) before 2.jsonl (09:00)"
                );
            }
            // The reader's own order of the whole list, from the index the snapshot built,
            // is the same.
            let mut by_index = whole.index.select(&reader_filter).docs;
            let sort = if newest { Sort::Newest } else { Sort::Oldest };
            whole.index.sort_then(&mut by_index, sort, |a, b| {
                whole.docs[a as usize]
                    .path
                    .cmp(&whole.docs[b as usize].path)
            });
            let by_index: Vec<&str> = by_index
                .iter()
                .map(|&d| &whole.docs[d as usize])
                .filter(|d| !filter.unread || !store.is_read(d.id).unwrap())
                .filter(|d| !filter.starred || store.is_starred(d.id).unwrap())
                .map(|d| &*d.path)
                .collect();
            let wanted: Vec<&str> = want.iter().map(|d| &*d.path).collect();
            assert_eq!(
                by_index, wanted,
                "{filter:?} newest {newest}: the index's order"
            );
            // Three cut the list short; eight reach its undated article. The filter's
            // articles looked up; the day index walked; a walk that gives up at its second
            // article (the first may be on the page already), after which a name filter's
            // articles are looked up (a mentioned date's are looked up at once) or there is
            // no page. Each again with a mentioned-date range too wide to read (no date
            // read): each article is asked instead.
            let looked_up = Reach {
                few: usize::MAX,
                ..REACH
            };
            let walked = Reach {
                few: 0,
                many: 0,
                ..REACH
            };
            let given_up = Reach {
                few: 0,
                filtered: 1,
                many: usize::MAX,
                dates: DATES_READ,
            };
            let reaches = [looked_up, walked, given_up]
                .into_iter()
                .flat_map(|r| [r, Reach { dates: 0, ..r }]);
            for limit in [3, 8] {
                let want: Vec<&str> = want.iter().take(limit).map(|d| &*d.path).collect();
                for reach in reaches.clone() {
                    let page = store
                        .first_page_by(&synced.scope, newest, (limit, 0), &filter, reach)
                        .unwrap();
                    let Some(page) = page else {
                        // Only a walk that gave up with no set of articles to look up.
                        let set = !filter.entities.is_empty()
                            || (filter.mentioned.is_some() && reach.dates > 0);
                        assert!(
                            reach.filtered == 1 && !set,
                            "{filter:?}: no page after {reach:?}"
                        );
                        continue;
                    };
                    let got: Vec<&str> = page.docs.iter().map(|d| &*d.path).collect();
                    assert_eq!(got, want, "{filter:?} newest {newest} {reach:?}");
                    // The reader's filter keeps every article of the page.
                    let kept = page.index.select(&reader_filter).docs;
                    assert_eq!(kept.len(), page.docs.len(), "{filter:?} {reach:?}");
                }
            }
        }
    }

    /// A first page is a read: a writer holding the database (another process's sync) does
    /// not make it wait or fail.
    #[test]
    fn a_first_page_does_not_wait_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        std::fs::create_dir(&root).unwrap();
        for (i, city) in CITIES.iter().enumerate() {
            let record = serde_json::json!({
                "title": format!("खबर {i}"),
                "body": format!("व्लादिमीर पुतिन ने {city} में बात की।"),
                "published": format!("2024-03-{:02}", 10 + i),
            });
            std::fs::write(root.join(format!("{i}.jsonl")), record.to_string()).unwrap();
        }
        let db = dir.path().join("k.db");
        let (mut store, _) = Store::open(&db).unwrap();
        let synced = store.sync(&[root], 1, false, &mut |_, _| {}).unwrap();
        let writer = rusqlite::Connection::open(&db).unwrap();
        writer.execute_batch("BEGIN IMMEDIATE").unwrap();
        // A write lock asked for would fail after the store's busy timeout (seconds).
        let page = store
            .first_page_by(&synced.scope, true, (3, 0), &PageFilter::default(), REACH)
            .expect("a page while another connection writes")
            .expect("a page");
        assert_eq!(page.docs.len(), 3);
        writer.execute_batch("ROLLBACK").unwrap();
    }
}
