//! Corpus-wide lookups: which articles mention an entity, which mention a date, which were
//! published when. Built once as articles load, updated one article at a time; applying or
//! removing a filter reads only these tables, never the article text.

mod facts;
pub mod join;
pub mod mentioned;
pub mod postings;
pub mod range;
mod related;
mod search;
mod sources;
pub mod titles;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

pub use facts::{FactEntity, Facts, dated};
pub use mentioned::{Gather, Mentioned};
pub use postings::Postings;
pub use range::{BadRange, DateRange, Unit, interval_of};
pub use related::Related;
pub use search::{Body, SearchText, occurrences};
pub use titles::{Title, Titles};

pub use sources::DocRows;

use crate::corpus::Article;
use crate::extract::Analysis;
use crate::extract::dates::Published;
use crate::extract::entities::EntityKind;
use crate::extract::entities::gazetteer;
use crate::text::fold::fold;

/// An entity across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInfo {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Every form seen in the corpus, plus the gazetteer's (Latin spellings included),
    /// folded (see [`crate::text::fold`]) so matching a query costs no folding.
    pub forms: Vec<String>,
    /// Articles mentioning it, ascending.
    pub docs: Postings,
}

/// One article's list fields as the index gives them back ([`Index::info`]; it keeps
/// them in [`DocRows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocInfo {
    /// The publication day, when its year, month and day are all known.
    pub published: Option<NaiveDate>,
    pub source: Option<Arc<str>>,
}

/// The minute of its day an article was published (`time` as written), if known.
pub fn minute_of(published: &Published) -> Option<u16> {
    published
        .time
        .map(|(h, m)| u16::from(h.min(23)) * 60 + u16::from(m.min(59)))
}

/// The lookups, built as articles arrive or read whole from the database (see
/// [`Index::from_parts`]).
#[derive(Debug, Default, Clone)]
pub struct Index {
    /// What the list and the date filters need of each article.
    docs: DocRows,
    /// Their titles, numbered as `docs`.
    titles: Titles,
    entities: HashMap<String, EntityInfo>,
    /// Day intervals of dates mentioned in the text, with their article.
    mentioned: Mentioned,
    /// Articles by publication day (rebuilt from `docs` by [`Index::restore`]).
    by_day: BTreeMap<NaiveDate, Vec<u32>>,
    /// Articles withdrawn by [`Index::forget`] (their number stays taken), and how many.
    gone: Vec<bool>,
    gone_count: usize,
    /// Whether postings of withdrawn articles are still in `entities`, `mentioned` and
    /// `by_day` ([`Index::forget_later`]; [`Index::purge`] takes them out).
    unpurged: bool,
}

/// Which dates a date filter looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateField {
    /// The publication date (the default).
    #[default]
    Published,
    /// Dates mentioned in the text.
    Mentioned,
}

/// Filters; an article must pass all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Groups of entity ids: an article must mention some entity of every group (a name
    /// given on the command line may stand for several entities).
    pub entities: Vec<Vec<String>>,
    pub published: Option<DateRange>,
    pub mentioned: Option<DateRange>,
    /// Sources (publisher or feed names, compared without case): an article must come
    /// from one of them. Empty means any source.
    pub sources: Vec<String>,
}

/// Orders of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first (the default); undated articles last.
    #[default]
    Newest,
    /// Oldest first; undated articles last.
    Oldest,
    Title,
    Source,
}

impl Sort {
    pub const ALL: [Self; 4] = [Self::Newest, Self::Oldest, Self::Title, Self::Source];

    pub const fn name(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Oldest => "oldest",
            Self::Title => "title",
            Self::Source => "source",
        }
    }

    #[must_use]
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("`{s}` is not a sort key (newest, oldest, title, source)"))
    }
}

/// The articles a filter keeps, and those a publication-date filter dropped for having no
/// date (that the other filters keep), both ascending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub docs: Vec<u32>,
    pub undated: Vec<u32>,
}

impl Index {
    /// Adds an article as document `self.docs.len()` and returns its number.
    pub fn add(&mut self, article: &Article, analysis: &Analysis) -> u32 {
        self.add_facts(article, &Facts::of(analysis))
    }

    /// Adds an article from its facts (worked out off the event loop).
    pub fn add_facts(&mut self, article: &Article, facts: &Facts) -> u32 {
        self.add_row(
            article.published,
            &article.title,
            article.source.as_deref(),
            facts,
        )
    }

    /// [`Index::add_facts`] for an article known by its list fields alone.
    pub fn add_row(
        &mut self,
        published: Option<Published>,
        title: &str,
        source: Option<&str>,
        facts: &Facts,
    ) -> u32 {
        let doc = u32::try_from(self.docs.len()).expect("fewer than 4 billion articles");
        let minute = published.and_then(|p| minute_of(&p));
        let published = published.and_then(|p| p.date.to_naive());
        self.docs.push(published, minute, source);
        self.titles.push(title);
        if let Some(day) = published {
            self.by_day.entry(day).or_default().push(doc);
        }
        for e in &facts.entities {
            let info = self.entities.entry(e.id.clone()).or_insert_with(|| {
                let mut forms = Vec::new();
                let known = known_forms().get(e.id.as_str()).into_iter().flatten();
                for form in std::iter::once(&e.name).chain(known) {
                    add_form(&mut forms, form);
                }
                EntityInfo {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    forms,
                    docs: Postings::default(),
                }
            });
            for form in &e.forms {
                add_form(&mut info.forms, form);
            }
            info.docs.push(doc);
        }
        for &(start, end) in &facts.dates {
            self.mentioned.push(start, end, doc);
        }
        doc
    }

    /// Appends another index's documents after this one's (their numbers shift by
    /// `self.len()`), as if they had been added one by one.
    pub fn append(&mut self, other: Self) {
        let shift = u32::try_from(self.docs.len()).expect("fewer than 4 billion articles");
        self.unpurged |= other.unpurged;
        if other.gone_count > 0 {
            self.gone.resize(self.docs.len(), false);
            self.gone.extend(&other.gone);
            self.gone_count += other.gone_count;
        }
        self.docs.append(other.docs);
        self.titles.append(other.titles);
        for (day, docs) in other.by_day {
            self.by_day
                .entry(day)
                .or_default()
                .extend(docs.into_iter().map(|d| d + shift));
        }
        for (id, e) in other.entities {
            let docs = e.docs.shifted(shift);
            if let Some(info) = self.entities.get_mut(&id) {
                for form in e.forms {
                    if !info.forms.contains(&form) {
                        info.forms.push(form);
                    }
                }
                info.docs.union(&docs);
            } else {
                self.entities.insert(id, EntityInfo { docs, ..e });
            }
        }
        self.mentioned.union(&other.mentioned.shifted(shift));
    }

    /// Keeps only the documents `keep` says to, renumbered in order (for an index
    /// whose files changed or went away).
    #[must_use]
    pub fn retain(self, keep: &[bool]) -> Self {
        let mut new_number = Vec::with_capacity(keep.len());
        let mut next = 0u32;
        for &k in keep {
            new_number.push(k.then_some(next));
            next += u32::from(k);
        }
        let map = |d: u32| new_number.get(d as usize).copied().flatten();
        let docs = DocRows {
            rows: (self.docs.rows.into_iter().zip(keep))
                .filter_map(|(d, &k)| k.then_some(d))
                .collect(),
            sources: self.docs.sources,
        };
        let by_day = self
            .by_day
            .into_iter()
            .filter_map(|(day, docs)| {
                let docs: Vec<u32> = docs.into_iter().filter_map(map).collect();
                (!docs.is_empty()).then_some((day, docs))
            })
            .collect();
        let entities = self
            .entities
            .into_iter()
            .filter_map(|(id, mut e)| {
                e.docs = e.docs.filter_map(map);
                (!e.docs.is_empty()).then_some((id, e))
            })
            .collect();
        let mentioned = self.mentioned.filter_map(map);
        Self {
            docs,
            titles: self.titles.retain(keep),
            entities,
            mentioned,
            by_day,
            gone: Vec::new(),
            gone_count: 0,
            unpurged: false,
        }
    }

    /// An index of `docs` whose entities are `entities` (each with its article list,
    /// ascending) and whose mentioned dates are `mentioned` (each interval with its articles):
    /// what the database holds of a corpus.
    pub fn from_parts(
        docs: DocRows,
        titles: Titles,
        entities: Vec<EntityInfo>,
        mentioned: Mentioned,
    ) -> Self {
        let mut index = Self {
            entities: entities.into_iter().map(|e| (e.id.clone(), e)).collect(),
            mentioned,
            titles,
            ..Self::default()
        };
        index.restore(docs);
        index
    }

    /// Adds entities (each with its article list, ascending) and mentioned dates to an
    /// index made with [`Index::from_parts`] (the database's facts, read after its list).
    pub fn add_parts(&mut self, entities: Vec<EntityInfo>, mentioned: Mentioned) {
        for e in entities {
            match self.entities.get_mut(&e.id) {
                Some(info) => {
                    for form in e.forms {
                        if !info.forms.contains(&form) {
                            info.forms.push(form);
                        }
                    }
                    info.docs.union(&e.docs);
                }
                None => {
                    self.entities.insert(e.id.clone(), e);
                }
            }
        }
        // Moved, not copied, into an empty index (tens of MB at a million articles).
        if self.mentioned.is_empty() {
            self.mentioned = mentioned;
        } else {
            self.mentioned.union(&mentioned);
        }
    }

    /// Every entity, in no particular order.
    pub fn entity_table(&self) -> impl Iterator<Item = &EntityInfo> + Clone {
        self.entities.values()
    }

    /// Withdraws articles (ascending): no filter or list finds them any more. Their numbers
    /// stay taken, so the reader's list entries keep theirs; a changed file's articles come
    /// back as new ones.
    pub fn forget(&mut self, docs: &[u32]) {
        self.forget_later(docs);
        self.purge();
    }

    /// [`Index::forget`] in two steps: the articles count as withdrawn at once ([`Index::live`],
    /// [`Index::is_gone`]), and their postings stay until [`Index::purge`]. Taking postings out
    /// is a pass over every posting of the corpus, so a burst of changed files (a hundred
    /// of 100,000 articles took a second of the event loop, one pass each) takes one.
    pub fn forget_later(&mut self, docs: &[u32]) {
        if docs.is_empty() {
            return;
        }
        self.gone.resize(self.docs.len(), false);
        for &d in docs {
            if let Some(g) = self.gone.get_mut(d as usize)
                && !*g
            {
                *g = true;
                self.gone_count += 1;
            }
        }
        self.unpurged = true;
    }

    /// Takes the postings of the articles withdrawn by [`Index::forget_later`] out.
    pub fn purge(&mut self) {
        if !self.unpurged {
            return;
        }
        self.unpurged = false;
        let gone = |d: &u32| self.gone.get(*d as usize).copied().unwrap_or(false);
        self.entities.retain(|_, e| {
            e.docs.retain(|d| !gone(&d));
            !e.docs.is_empty()
        });
        self.mentioned.retain(|d| !gone(&d));
        self.by_day.retain(|_, list| {
            list.retain(|d| !gone(d));
            !list.is_empty()
        });
    }

    /// How many articles are not withdrawn (the list shows this every frame).
    pub fn live(&self) -> usize {
        self.docs.len() - self.gone_count
    }

    /// Whether article `doc` was withdrawn by [`Index::forget`].
    pub fn is_gone(&self, doc: u32) -> bool {
        self.gone.get(doc as usize).copied().unwrap_or(false)
    }

    /// Sets the articles' `docs` entries and rebuilds the publication days from them.
    pub fn restore(&mut self, docs: DocRows) {
        self.docs = docs;
        self.by_day.clear();
        for (doc, info) in self.docs.rows.iter().enumerate() {
            if let Some(day) = info.published {
                let doc = u32::try_from(doc).expect("fewer than 4 billion articles");
                self.by_day.entry(day).or_default().push(doc);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Article `doc`'s list fields as the index was given them (none past the last).
    pub fn info(&self, doc: u32) -> Option<DocInfo> {
        let row = self.docs.rows.get(doc as usize)?;
        Some(DocInfo {
            published: row.published,
            source: self.docs.sources.name(row.source).map(Into::into),
        })
    }

    /// The title of article `doc` (empty for a number past the last).
    pub fn title(&self, doc: u32) -> Title<'_> {
        self.titles.get(doc as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn entity(&self, id: &str) -> Option<&EntityInfo> {
        self.entities.get(id)
    }

    /// Entities of `kind`, most articles first.
    pub fn entities_of(&self, kind: EntityKind) -> Vec<&EntityInfo> {
        let mut list: Vec<&EntityInfo> =
            self.entities.values().filter(|e| e.kind == kind).collect();
        list.sort_by(|a, b| {
            b.docs
                .len()
                .cmp(&a.docs.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        list
    }

    /// The entities of `kind` a name stands for: any form equal to it after folding
    /// (`putin`, `Putin`, `पुतिन` and `व्लादिमीर पुतिन` all find the same person), or, failing
    /// that, every entity with a form containing it.
    pub fn resolve(&self, kind: EntityKind, name: &str) -> Vec<&EntityInfo> {
        resolve_among(&self.entities.values(), kind, name)
    }

    /// Articles matching `filter`, ascending, and those a publication-date filter left
    /// out for having no date that every other filter keeps.
    pub fn select(&self, filter: &Filter) -> Selection {
        let mut docs: Option<Vec<u32>> = None;
        let narrow = |docs: &mut Option<Vec<u32>>, list: Vec<u32>| {
            *docs = Some(match docs.take() {
                None => list,
                Some(prev) => intersect(&prev, &list),
            });
        };
        for group in &filter.entities {
            let mut list: Vec<u32> = group
                .iter()
                .filter_map(|id| self.entities.get(id))
                .flat_map(|e| e.docs.iter())
                .collect();
            list.sort_unstable();
            list.dedup();
            narrow(&mut docs, list);
        }
        if let Some(range) = &filter.mentioned {
            narrow(&mut docs, self.mentioned.docs_in(range));
        }
        if !filter.sources.is_empty() {
            let wanted = self.docs.sources.numbers_of(&filter.sources);
            let mut list = docs.take().unwrap_or_else(|| self.live_docs());
            list.retain(|&d| wanted.contains(&self.docs.rows[d as usize].source));
            docs = Some(list);
        }
        // Last, so that the undated it leaves out are those the other filters keep.
        let mut undated = Vec::new();
        if let Some(range) = &filter.published {
            let mut kept = Vec::new();
            for (day, list) in self
                .by_day
                .range(range.start.unwrap_or(NaiveDate::MIN)..=range.end.unwrap_or(NaiveDate::MAX))
            {
                debug_assert!(range.contains(*day));
                kept.extend_from_slice(list);
            }
            kept.sort_unstable();
            let no_date = |d: u32| self.docs.rows[d as usize].published.is_none();
            undated = match &docs {
                Some(d) => d.iter().copied().filter(|&d| no_date(d)).collect(),
                None => (0..self.docs.len() as u32)
                    .filter(|&d| no_date(d) && !self.is_gone(d))
                    .collect(),
            };
            narrow(&mut docs, kept);
        }
        Selection {
            docs: docs.unwrap_or_else(|| self.live_docs()),
            undated,
        }
    }

    /// Every article not withdrawn, ascending.
    fn live_docs(&self) -> Vec<u32> {
        (0..self.docs.len() as u32)
            .filter(|&d| !self.is_gone(d))
            .collect()
    }

    /// Every source (publisher or feed) with its number of articles, most articles first.
    /// Names that differ only in letter case are one source, as the source filter matches
    /// them (trial 49: `BBC Hindi` and `bbc hindi` were two entries that each filtered
    /// both), named as most of its articles spell it.
    pub fn sources(&self) -> Vec<(String, usize)> {
        let mut counts = vec![0usize; self.docs.sources.len() + 1];
        for (d, row) in self.docs.rows.iter().enumerate() {
            if row.source != 0 && !self.is_gone(d as u32) {
                counts[row.source as usize] += 1;
            }
        }
        // By lower-cased name: the total, and the most used spelling with its count.
        let mut merged: HashMap<String, (usize, String, usize)> = HashMap::new();
        for (s, n) in (0u32..).zip(counts).filter(|&(_, n)| n > 0) {
            let Some(name) = self.docs.sources.name(s) else {
                continue;
            };
            let one = merged
                .entry(name.to_lowercase())
                .or_insert_with(|| (0, name.to_owned(), 0));
            one.0 += n;
            if n > one.2 || (n == one.2 && name < one.1.as_str()) {
                (one.1, one.2) = (name.to_owned(), n);
            }
        }
        let mut out: Vec<(String, usize)> = merged
            .into_values()
            .map(|(total, name, _)| (name, total))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// Puts `docs` in `sort` order; ties keep their order in `docs` (the sort is stable),
    /// undated articles go last.
    pub fn sort(&self, docs: &mut [u32], sort: Sort) {
        self.sort_then(docs, sort, |_, _| std::cmp::Ordering::Equal);
    }

    /// [`Index::sort`], with ties broken by `tie` (one sort instead of two).
    pub fn sort_then(
        &self,
        docs: &mut [u32],
        sort: Sort,
        mut tie: impl FnMut(u32, u32) -> std::cmp::Ordering,
    ) {
        let info = |d: u32| &self.docs.rows[d as usize];
        // By day, then by minute within it (a day's article without one counts as before
        // its first minute, as the database sorts a NULL), undated last.
        let when = |d: u32| (info(d).published, info(d).minute);
        docs.sort_by(|&a, &b| {
            let order = match sort {
                Sort::Newest => {
                    let key = |d| (info(d).published.is_none(), std::cmp::Reverse(when(d)));
                    key(a).cmp(&key(b))
                }
                Sort::Oldest => {
                    let key = |d| (info(d).published.is_none(), when(d));
                    key(a).cmp(&key(b))
                }
                Sort::Title => self.title(a).cmp(&self.title(b)),
                // Sources without case, each newest first.
                Sort::Source => {
                    let name = |d| self.docs.sources.name(info(d).source);
                    let newest = |d| (info(d).published.is_none(), std::cmp::Reverse(when(d)));
                    match (name(a), name(b)) {
                        (Some(x), Some(y)) => crate::text::cmp_caseless(x, y),
                        (x, y) => x.is_none().cmp(&y.is_none()),
                    }
                    .then_with(|| newest(a).cmp(&newest(b)))
                }
            };
            order.then_with(|| tie(a, b))
        });
    }

    /// Articles per month (or per day within one month when `month` is given), over the
    /// publication or mentioned dates of `docs`.
    pub fn histogram(
        &self,
        docs: &[u32],
        field: DateField,
        month: Option<(i32, u32)>,
    ) -> BTreeMap<NaiveDate, usize> {
        let bucket = |d: NaiveDate| -> Option<NaiveDate> {
            match month {
                Some((y, m)) => (d.year() == y && d.month() == m).then_some(d),
                None => d.with_day(1),
            }
        };
        let mut out = BTreeMap::new();
        match field {
            DateField::Published => {
                for &doc in docs {
                    if let Some(b) = self.docs.rows[doc as usize].published.and_then(bucket) {
                        *out.entry(b).or_insert(0) += 1;
                    }
                }
            }
            DateField::Mentioned => {
                let wanted: std::collections::HashSet<u32> = docs.iter().copied().collect();
                let mut seen = std::collections::HashSet::new();
                for ((start, end), mentioning) in self.mentioned.intervals() {
                    // Only day and month precise mentions have a place on the axis.
                    let Some(b) = bucket(start).filter(|_| (end - start).num_days() < 31) else {
                        continue;
                    };
                    for doc in mentioning {
                        if wanted.contains(&doc) && seen.insert((b, doc)) {
                            *out.entry(b).or_insert(0) += 1;
                        }
                    }
                }
            }
        }
        out
    }
}

/// Adds `form` to `forms` unless there, romanised too, as the database's aliases are (see
/// `store::corpus`), so that the picker finds a name read this session by its Latin
/// spelling as it finds a stored one (`nitish` finds `नीतीश`).
fn add_form(forms: &mut Vec<String>, form: &str) {
    if forms.iter().any(|f| f == form) {
        return;
    }
    forms.push(form.to_owned());
    // Folded first (a name is kept as written; its nukta would split the word).
    if let Some(r) = crate::text::roman::name_key(&fold(form))
        && !forms.contains(&r)
    {
        forms.push(r);
    }
}

/// The entities of `kind` among `entities` that a name stands for (see [`Index::resolve`]).
pub fn resolve_among<'a, I>(entities: &I, kind: EntityKind, name: &str) -> Vec<&'a EntityInfo>
where
    I: Iterator<Item = &'a EntityInfo> + Clone,
{
    let wanted = fold(name);
    let wanted = wanted.trim();
    if wanted.is_empty() {
        return Vec::new();
    }
    // A Latin name is also compared with Devanagari forms romanised, as the database's
    // aliases hold them (see `text::roman::name_key`).
    let latin = crate::text::roman::latin_name_key(wanted);
    let romanised = |f: &str| latin.as_ref().and_then(|_| crate::text::roman::name_key(f));
    let of_kind = || entities.clone().filter(move |e| e.kind == kind);
    let exact: Vec<&EntityInfo> = of_kind()
        .filter(|e| {
            e.forms.iter().any(|f| {
                let f = fold(f);
                f == wanted || romanised(&f).is_some_and(|r| Some(&r) == latin.as_ref())
            })
        })
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    of_kind()
        .filter(|e| {
            e.forms.iter().any(|f| {
                let f = fold(f);
                f.contains(wanted)
                    || romanised(&f)
                        .is_some_and(|r| latin.as_ref().is_some_and(|l| r.contains(l.as_str())))
            })
        })
        .collect()
}

/// The gazetteer's folded forms of entity `id` (Latin spellings included).
pub fn gazetteer_forms(id: &str) -> &'static [String] {
    known_forms().get(id).map_or(&[], Vec::as_slice)
}

/// The gazetteer's folded forms by entity id, built once.
fn known_forms() -> &'static HashMap<String, Vec<String>> {
    static FORMS: std::sync::OnceLock<HashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (id, form) in gazetteer::matcher().gazetteer.forms_by_id() {
            map.entry(id.to_owned()).or_default().push(form.to_owned());
        }
        map
    })
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> (Article, Analysis) {
        let article = crate::corpus::from_text("x.txt", text.to_owned());
        let analysis = crate::extract::analyse(&article);
        (article, analysis)
    }

    #[test]
    fn appended_and_retained_indexes_equal_one_built_directly() {
        let texts = [
            "एक\n\nपुतिन ने 14 सितंबर 2023 को मास्को में कहा।",
            "दो\n\nमोदी दिल्ली में थे।",
            "तीन\n\nव्लादिमीर पुतिन और मोदी मिले।",
        ];
        let mut docs: Vec<_> = texts.iter().map(|t| doc(t)).collect();
        // The second index meets its sources in another order than the first.
        for (d, source) in docs.iter_mut().zip(["Jagran", "BBC", "Jagran"]) {
            d.0.source = Some(source.to_owned());
        }
        let mut direct = Index::default();
        for (a, an) in &docs {
            direct.add(a, an);
        }
        let mut first = Index::default();
        first.add(&docs[0].0, &docs[0].1);
        let mut rest = Index::default();
        for (a, an) in &docs[1..] {
            rest.add(a, an);
        }
        first.append(rest);
        let putin = |i: &Index| {
            i.resolve(EntityKind::Person, "पुतिन")[0]
                .docs
                .iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(putin(&first), putin(&direct));
        assert_eq!(putin(&direct), [0, 2]);
        assert_eq!(first.mentioned, direct.mentioned);
        assert_eq!(first.by_day, direct.by_day);
        let infos = |i: &Index| (0..3).map(|d| i.info(d)).collect::<Vec<_>>();
        assert_eq!(infos(&first), infos(&direct));
        assert_eq!(
            first.sources(),
            [("Jagran".to_owned(), 2), ("BBC".to_owned(), 1)]
        );
        let jagran = Filter {
            sources: vec!["jagran".to_owned()],
            ..Filter::default()
        };
        assert_eq!(first.select(&jagran).docs, [0, 2]);
        // Dropping the middle article renumbers the last one.
        let kept = direct.retain(&[true, false, true]);
        assert_eq!(kept.len(), 2);
        assert_eq!(putin(&kept), [0, 1]);
        assert!(
            kept.resolve(EntityKind::Person, "मोदी")[0]
                .docs
                .iter()
                .eq([1])
        );
        // Forgetting an article withdraws it from every lookup, numbers unchanged.
        let mut index = first;
        index.forget(&[0]);
        assert_eq!(putin(&index), [2]);
        assert_eq!(index.select(&Filter::default()).docs, [1, 2]);
        assert!(index.mentioned.iter().all(|(_, _, d)| d != 0));
        assert!(index.is_gone(0) && !index.is_gone(1));
        index.forget(&[0]);
        assert_eq!(index.live(), 2, "forgetting twice counts once");
        // In two steps: gone at once, postings out at the purge, as if forgotten at once.
        let built = || {
            let mut built = Index::default();
            for (a, an) in &docs {
                built.add(a, an);
            }
            built
        };
        let mut later = built();
        later.forget_later(&[2]);
        later.forget_later(&[0]);
        assert_eq!(later.live(), 1);
        assert!(later.is_gone(2) && later.is_gone(0));
        assert_eq!(putin(&later), [0, 2], "postings stay until the purge");
        later.purge();
        assert!(later.resolve(EntityKind::Person, "पुतिन").is_empty());
        assert!(later.mentioned.is_empty());
        let mut at_once = built();
        at_once.forget(&[0, 2]);
        assert_eq!(later.by_day, at_once.by_day);
        assert_eq!(later.select(&Filter::default()).docs, [1]);
    }

    /// Within a day the time decides (none: before the day's first minute); days first.
    #[test]
    fn a_day_sorts_by_the_time_of_day() {
        use crate::extract::dates::PartialDate;
        let at = |day: u8, time: Option<(u8, u8)>| Published {
            date: PartialDate {
                year: Some(2024),
                month: Some(6),
                day: Some(day),
            },
            time,
            utc_offset_minutes: None,
        };
        let mut index = Index::default();
        for published in [
            at(2, Some((1, 30))),
            at(2, Some((13, 30))),
            at(2, None),
            at(3, Some((0, 10))),
        ] {
            index.add_row(Some(published), "", None, &Facts::default());
        }
        let mut docs = vec![0, 1, 2, 3];
        index.sort(&mut docs, Sort::Newest);
        assert_eq!(docs, [3, 1, 0, 2]);
        index.sort(&mut docs, Sort::Oldest);
        assert_eq!(docs, [2, 0, 1, 3]);
    }

    #[test]
    fn intersection_of_sorted_lists() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), [3, 7]);
        assert!(intersect(&[], &[1]).is_empty());
    }
}
