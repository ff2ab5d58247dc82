//! The corpus as a command sees it: the paths it was given, brought up to date in the
//! database and queried there, so callers never touch the storage layer.
//!
//! [`Corpus`] owns the database connection and the scope of the paths added to it. `khabar
//! list` and the reader go through it: the reader takes a [`Snapshot`] of what the
//! database holds for its paths at once ([`Corpus::known`]), then brings the files up to
//! date ([`Corpus::add_following`]), hearing of each file read or gone as it happens.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::corpus::Article;
use crate::index::SearchText;
use crate::store::{Scope, Store};

pub use crate::store::{
    Arrival, Arrived, Change, Check, Doc, Link, Listed, ListedRef, Listing, Matched, Note,
    PageFilter, Query, Rows, Snapshot, SnapshotFacts, StoreError,
};

/// The word lists extraction depends on: a change to any of them (or to the user's
/// gazetteer) makes stored results stale.
const RULES: [&str; 9] = [
    include_str!("../assets/markers.toml"),
    // The romanised aliases a Latin name is found by are stored.
    include_str!("../assets/romanise.toml"),
    include_str!("../assets/dates.toml"),
    include_str!("../assets/entity-words.toml"),
    include_str!("../assets/gazetteer-countries.toml"),
    include_str!("../assets/gazetteer-places.toml"),
    include_str!("../assets/gazetteer-people.toml"),
    include_str!("../assets/gazetteer-organizations.toml"),
    env!("CARGO_PKG_VERSION"),
];

/// Raised by every change to the code that changes what extraction finds (the word lists
/// and the tagger's model count by themselves): stored results of an older revision are
/// stale, and a database written by it reads every file again. 2: initials belong to the
/// name after them, and a body named by two fields keeps both. 3: dotted letters before an
/// ordinary word are an acronym, not a person. 4: a date shifted back before year 0 has no
/// value (`92 सदी पहले` was century `-72`). 5: nothing is found inside terminal escape
/// sequences (a window title's words were an organisation); a JSON Lines file's byte order
/// mark no longer loses its first record (reading, not extraction, but stored the same way);
/// a lone Devanagari name joins a gazetteer person named in full only in Latin letters; one
/// lone word is one kind in an article. 6: a given name before a known place and a verb of
/// going (a headline's `सुनीता जापान पहुंचीं`) is a person and a place, not one person; a
/// text of one line is a body with a title cut from it, not a title alone; an English
/// weekday or month (a page's `Wed, 05 Jun 2024`) is neither a name nor a dateline; a
/// date before `होने वाली` is ahead (`7 जून को होने वाली बैठक का ज़िक्र किया`); a date line
/// or byline above the headline dates the article and is not its title. 7: a page's date
/// line under the headline dates the article; `कल … सकता है` is ahead; initials with full
/// stops find the gazetteer's person (`एम. के. स्टालिन`) and start a name after a title;
/// a lone surname is the person named in full, not another known person or a place. 8: a
/// JSON Lines record's title is read for names and dates; a one-word headline is no name
/// unless a list knows it; a date line under the headline needs a year and a time. 9: a
/// byline cue in another letter case (`Published on:`) is one; an agency's bracket after a
/// dateline's date ends it (`भोपाल, 3 मई (वार्ता) …`). 10: a day of a named month
/// (`पिछले महीने की 12 तारीख`), a range of days with से (`19 से 21 अक्टूबर`), a request
/// (`31 जुलाई तक यात्रा न करें`) and a condition (`… नहीं हुई तो …करेंगे`) are ahead; a
/// long paragraph is not cut inside a name; a local official's designation and an
/// honorific after a name are trimmed off it; someone spoken to (`X से कहा`) is a person.
/// 11: a week of a named month (`मार्च के पहले सप्ताह`) is its seven days; a fetched
/// entry's dateline day without a year takes the year of its fetch. 12: a lead in Latin
/// letters of three words or more, hyphenated, or holding a kicker word (`News`, `Video`)
/// is a headline kicker, not a dateline. 13: a given name before a known person's surname
/// that is none of that person's names is someone else (`डॉ. अश्विनी कोहली`); a body known as
/// India's by a generic name after another country's `के` is that country's; a lone place
/// that is a word of a person's name is not the person beside another place or before `में`.
/// 14: a company or team named after a person or a place is an organisation (`X
/// इंडस्ट्रीज`, `PLACE रॉयल्स`); words describing a person, conjunctions and a headline's
/// `बोले` stay out of names; a lone name spelt a vowel sign apart, or a first and last name
/// without the middle, joins the full name; a body named before its known bracketed acronym
/// sharing words with it is that body; an everyday word that is also a given name before a
/// family name is the person's (`विकास राठौर`); a verb or plural before a person's name is no
/// part of it (`बनीं`); a dateline of two places (`लेह/कारगिल`) or with the state in brackets
/// is one. 15: the same, as reviewed (a business noun makes no company of a place, a
/// bracketed acronym needs two shared words or one of the body's own, a date for a town in
/// brackets to be a dateline). 16: a clock after a part of the day named on its own is
/// read in it (`शाम को सात बजे`), the first hour of a range is a time; a dateline's pipe or
/// colon parts place and date, and a place and a date alone are one; a family name two
/// people share joins the one named most; a venue named after a person is a place. 17: a
/// range of hours or days opened by a fraction or a word, counts of days and months from a
/// dateline without its year, `दिन-रात`; a bracketed acronym is the short name of the body
/// before it, a body's generic word and its description are no part of the name after it.
/// 18: a middle initial keeps a person's name whole; a word before a village's word is a
/// place; a bracketed acronym is the longer name's; companies after `कंपनी`, bodies named
/// after a person; a deadline before a present perfect takes the nearest year. 19: two
/// bodies joined by a conjunction are two; `महानिदेशालय` is a body's head word; kin and
/// forms of address are no part of a name; a designation's short form in brackets is no
/// person; a family name two people share, each named as often, is the one named first;
/// a person named only in ordinary words is none; as many plain words before a bracketed
/// acronym as it has letters, the last a body's word, are that body; a word before `इलाके`
/// is a quarter, and a village may be near a place (`के पास`); a place's `पुलिस` is a body;
/// a campus (`आईआईटी मद्रास`) is a body of its own. 56: a village named after `गांव` or
/// `ग्राम`, before its head's genitive or with `खुर्द`/`कलां`; a junction, market or bus or
/// metro station named by a word of no list; `तालुका` and `विकासखंड` after a place's name.
/// 57: a town's chowks, roads and grounds where the text places them; a lone junction's
/// word takes the name before it; the person before `उर्फ़`; a given name over a middle
/// name and a surname; `नगला` opens a hamlet. 58: a route's ends within one sentence; a
/// police rank's beat (`एसपी सिटी`) only after a rank; a name ending at a surname takes
/// no second. 59: a noun of people before a name (`चालक`, `दुकान मालिक`) is no part of it.
/// 60: a name listed between two people is a person. 61: a given name that is also a word,
/// alone after the full name, is the person. 62: after a place's feminine genitive, two
/// unknown words before `से` or `के` are a woman; a given name may end in `्स`. 63: a name
/// before a sport in brackets is the athlete, and the sport no one; a person found in part
/// in a list takes its whole item; `के` without a full stop opens a name at a sentence's
/// start or after a title.
const EXTRACTION_REVISION: u32 = 63;

/// A fingerprint of everything stored results are computed from: khabar's version and
/// extraction revision, its word lists, the tagger's model, and `extra` (the user's
/// gazetteer text, if any).
pub fn rules_fingerprint(extra: &str) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in RULES.iter().chain([&extra]) {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.update(&EXTRACTION_REVISION.to_le_bytes());
    h.update(crate::extract::entities::tagger::model_file());
    h.digest()
}

/// Removes the cache files of khabar versions before the database (`corpus-*.bin` in the
/// cache directory): nothing reads them any more, and they were as large as the corpus's
/// analyses. Returns how many were removed.
pub fn remove_old_cache() -> usize {
    let Some(dir) = crate::dirs::cache_dir() else {
        return 0;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("corpus-")
            && (name.ends_with(".bin") || name.contains(".bin.tmp"))
            && std::fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Where a [`Corpus`] keeps its database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// In memory: gone when the corpus is dropped (`--no-cache`).
    Memory,
    /// `khabar.db` in the data directory (see [`crate::store::default_path`]).
    Default,
    /// This file.
    At(PathBuf),
}

/// The links of the articles among `ids` (content ids) that have one, read from the
/// database at `place` on a connection of its own (for an export of the list, off the
/// reader's loop). A corpus in memory has none to give: it is gone with its loader.
pub fn links(place: &Place, ids: &[u64]) -> Result<HashMap<u64, Vec<Link>>, StoreError> {
    let path = match place {
        Place::Memory => return Ok(HashMap::new()),
        Place::Default => crate::store::default_path().ok_or(StoreError::NoDataDir)?,
        Place::At(path) => path.clone(),
    };
    Store::open_read_only(&path)?.links(ids)
}

/// The corpus of the paths added so far, in a database.
#[derive(Debug)]
pub struct Corpus {
    store: Store,
    scope: Scope,
    rules: u64,
    /// The last paths added and whether they were rescanned: added again after a rebuild.
    added: Vec<PathBuf>,
    rescan: bool,
    /// Notes for the user not yet taken (a rebuild of damaged corpus tables).
    notes: Vec<String>,
    /// Folded texts of the articles added as articles, by path and line: they may have no
    /// file to read them back from.
    texts: HashMap<(String, Option<usize>), Box<str>>,
}

/// What adding paths found: problems for the user, in walk order.
#[derive(Debug, Default)]
pub struct Added {
    pub problems: Vec<Note>,
    /// Whether some path was lost entirely (missing, unreadable, unsupported).
    pub failed: bool,
    /// Files read and extracted (new or changed).
    pub extracted: usize,
    /// Whether the paths were walked (`false`: no folder changed, nothing was written).
    pub walked: bool,
    /// Files the walk found (0 when nothing was walked).
    pub files: usize,
    /// Whether articles changed beyond the files said read or gone, so that a list made
    /// of those messages is no longer true: a paragraph became a site's chrome by
    /// repetition, or stopped being one (articles not read gained or lost entities and
    /// dates), or damaged corpus tables were set aside and every file read into new ones
    /// (no file was said gone: the new tables never held one).
    pub changed_beyond: bool,
}

/// The facts of a snapshot being read on another thread ([`Corpus::facts_apart`]).
#[derive(Debug)]
pub struct FactsApart(std::thread::JoinHandle<Result<SnapshotFacts, (Rows, StoreError)>>);

impl FactsApart {
    /// The facts, once read; the rows back with why they could not be.
    pub fn join(self) -> Result<SnapshotFacts, (Rows, StoreError)> {
        self.0
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

impl Corpus {
    /// The database in the data directory, or one in memory with `remember` false or when
    /// that one cannot be used (the answers are the same, only slower next time). `rules`
    /// fingerprints the extraction rules: results from other rules are redone. The notes
    /// are for the user.
    pub fn open(remember: bool, rules: u64) -> Result<(Self, Vec<String>), StoreError> {
        Self::open_in(
            &if remember {
                Place::Default
            } else {
                Place::Memory
            },
            rules,
        )
    }

    /// [`Corpus::open`], with the database at `place`.
    pub fn open_in(place: &Place, rules: u64) -> Result<(Self, Vec<String>), StoreError> {
        let mut notes = Vec::new();
        let opened = match place {
            Place::Memory => None,
            Place::Default => {
                remove_old_cache();
                Some(Store::open_default())
            }
            Place::At(path) => Some(Store::open(path)),
        };
        let store = match opened {
            Some(Ok((store, more))) => {
                notes.extend(more);
                Some(store)
            }
            Some(Err(e)) => {
                notes.push(format!("{e}; answering without it"));
                None
            }
            None => None,
        };
        let store = match store {
            Some(s) => s,
            None => Store::in_memory()?,
        };
        Ok((
            Self {
                store,
                scope: Scope::default(),
                rules,
                added: Vec::new(),
                rescan: false,
                notes: Vec::new(),
                texts: HashMap::new(),
            },
            notes,
        ))
    }

    /// Reads the database through a memory map or not (see [`Store::map_pages`]).
    pub fn map_pages(&mut self, on: bool) -> Result<(), StoreError> {
        self.store.map_pages(on)
    }

    /// Brings the files under `paths` up to date (only new and changed ones are read;
    /// `rescan` walks everything and compares content hashes) and makes them what queries
    /// answer for. `progress(done, total)` follows the files read.
    pub fn add(
        &mut self,
        paths: &[PathBuf],
        rescan: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Added, StoreError> {
        let check = if rescan {
            Check::Hashes
        } else {
            Check::Folders
        };
        self.add_following(paths, check, false, &mut |change| {
            if let Change::Progress { done, total, .. } = change {
                progress(done, total);
            }
        })
    }

    /// [`Corpus::add`], checking the files as `check` says, telling `on` of each file read
    /// (with its articles, their texts folded for search when `texts`), each file gone and
    /// the progress, as they happen. After damaged corpus tables are rebuilt, every file
    /// is told again.
    pub fn add_following(
        &mut self,
        paths: &[PathBuf],
        check: Check,
        texts: bool,
        on: &mut dyn FnMut(Change),
    ) -> Result<Added, StoreError> {
        self.added = paths.to_vec();
        self.rescan = check == Check::Hashes;
        let mut repaired = false;
        let synced = match self.store.sync_with(paths, self.rules, check, texts, on) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                repaired = true;
                self.store.sync_with(paths, self.rules, check, texts, on)?
            }
            other => other?,
        };
        self.scope = synced.scope;
        Ok(Added {
            problems: synced.problems,
            failed: synced.failed,
            extracted: synced.extracted,
            walked: synced.walked,
            files: synced.files,
            changed_beyond: synced.repeated_moved || repaired,
        })
    }

    /// What the database holds for `paths`, as it was stored: the reader shows it at once
    /// while [`Corpus::add_following`] brings it up to date. That is every file when each
    /// path was added before with these rules, else the files stored under them so far (a
    /// first import cut short by a kill, folders another command added, results of older
    /// rules, to be read again). `None` when it holds nothing under them (or its corpus
    /// tables were found damaged, and set aside). The index covers the list entries alone (dates,
    /// sources): [`Corpus::facts`] reads the entities and mentioned dates, a second read.
    pub fn known(&mut self, paths: &[PathBuf]) -> Result<Option<Snapshot>, StoreError> {
        let scope = match self.store.walked_scope(paths, self.rules) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                return Ok(None);
            }
            other => other?,
        };
        let (scope, walked) = match scope {
            Some(scope) => (scope, true),
            None => (Scope::of_paths(paths), false),
        };
        // A look-up by path first: reading the list entries scans every article.
        if !walked && !self.store.holds_any(&scope)? {
            return Ok(None);
        }
        match self.store.snapshot_docs(&scope) {
            Ok(snapshot) if !walked && snapshot.docs.is_empty() => Ok(None),
            Ok(mut snapshot) => {
                snapshot.partial = !walked;
                self.scope = scope;
                Ok(Some(snapshot))
            }
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// The first `limit` articles of `paths` newest (or oldest) first, when the database
    /// knows them all as [`Corpus::known`] would and is large (see [`Store::first_page`]
    /// for `from`): a first page to show while `known` reads the whole list. `None`
    /// otherwise; any error is left for `known` to meet and report (it also repairs a
    /// damaged database).
    #[must_use]
    pub fn first_page(
        &self,
        paths: &[PathBuf],
        newest: bool,
        (limit, from): (usize, usize),
        filter: &PageFilter,
    ) -> Option<Snapshot> {
        let scope = self.store.walked_scope(paths, self.rules).ok()??;
        self.store
            .first_page(&scope, newest, (limit, from), filter)
            .ok()?
    }

    /// The entities and mentioned dates of a snapshot from [`Corpus::known`] (its rows),
    /// numbered as its articles. Empty when the corpus tables were found damaged (they are
    /// set aside; the next [`Corpus::add_following`] reads every file again).
    pub fn facts(&mut self, rows: &Rows) -> Result<SnapshotFacts, StoreError> {
        match self.store.snapshot_facts(rows) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                Ok(SnapshotFacts::default())
            }
            other => other,
        }
    }

    /// [`Corpus::facts`] on another thread and connection, so that the check of every file
    /// can go on meanwhile (at 100,000 articles each took a fifth of a warm start). The rows
    /// back for a corpus in memory, which no second connection sees.
    ///
    /// The connection is opened and its read begun here: one that cannot open gives the rows
    /// back before anything else happens, and the read sees the database as it is now,
    /// whatever is written meanwhile. A read that fails later gives the rows back with why.
    pub fn facts_apart(&self, rows: Rows) -> Result<FactsApart, Rows> {
        let Some(path) = self.store.path() else {
            return Err(rows);
        };
        let begun = Store::open_read_only(path).and_then(|mut store| {
            // Read once and handed on: a map would keep the pages resident.
            store.map_pages(false)?;
            store.begin_read()?;
            Ok(store)
        });
        let Ok(store) = begun else {
            return Err(rows);
        };
        Ok(FactsApart(std::thread::spawn(move || {
            store.snapshot_facts(&rows).map_err(|e| (rows, e))
        })))
    }

    /// Reads the facts of `rows` again on this corpus's own connection, after a read
    /// apart failed: if they are damaged here too, the corpus tables are set aside and
    /// started afresh (the user's state is kept; a note says so) and the files must be
    /// added again; whether that happened. Damage the check of the files met and repaired
    /// meanwhile is not repaired twice.
    pub fn repair_facts(&mut self, rows: &Rows) -> Result<bool, StoreError> {
        match self.store.snapshot_facts(rows) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                Ok(true)
            }
            Err(e) => Err(e),
            Ok(_) => Ok(false),
        }
    }

    /// Every article of the paths added, and the index over them.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        self.store.snapshot(&self.scope)
    }

    /// The articles matching `query`, in its order.
    pub fn list(&mut self, query: &Query) -> Result<Vec<Listed>, StoreError> {
        Ok(self.listing(query)?.into_rows())
    }

    /// [`Corpus::list`], its rows kept in one buffer (for long answers).
    pub fn listing(&mut self, query: &Query) -> Result<Listing, StoreError> {
        match self.store.listing(&self.scope, query) {
            Err(e) if e.is_damage() => {
                self.repair(&e)?;
                let paths = std::mem::take(&mut self.added);
                self.add(&paths, self.rescan, &mut |_, _| {})?;
                self.store.listing(&self.scope, query)
            }
            other => other,
        }
    }

    /// Whether an article comes from one of `sources` (any case).
    pub fn knows_source(&self, sources: &[String]) -> Result<bool, StoreError> {
        self.store.knows_source(&self.scope, sources)
    }

    /// The sources (publishers, feeds) of the corpus's articles, sorted without case.
    pub fn source_names(&self) -> Result<Vec<String>, StoreError> {
        self.store.source_names(&self.scope)
    }

    /// The starred articles' content ids, when this corpus is in the data directory's
    /// database (which holds the stars); `None` for one in memory.
    pub fn starred(&self) -> Result<Option<Vec<u64>>, StoreError> {
        match self.store.path() {
            Some(_) => Ok(Some(self.store.starred()?)),
            None => Ok(None),
        }
    }

    /// The content ids of the articles marked read, when this corpus is in the data
    /// directory's database (which holds the read state); `None` for one in memory.
    pub fn read(&self) -> Result<Option<Vec<u64>>, StoreError> {
        match self.store.path() {
            Some(_) => Ok(Some(self.store.read_ids()?)),
            None => Ok(None),
        }
    }

    /// Notes for the user since the last call: damaged corpus tables set aside and
    /// rebuilt from the files, with the user's state kept.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// Sets a database with damaged corpus tables aside for a new one holding the user's
    /// state (the corpus is read again from the files).
    fn repair(&mut self, e: &StoreError) -> Result<(), StoreError> {
        let note = self.store.rebuild_corpus(&e.to_string())?;
        self.notes.push(note);
        Ok(())
    }

    /// Adds articles read already (standard input, the bundled samples), each under its
    /// path. Meant for a corpus in memory (`open(false, ..)`).
    pub fn add_articles(&mut self, articles: Vec<Article>) -> Result<(), StoreError> {
        let mut groups: Vec<(String, Vec<Article>)> = Vec::new();
        for a in articles {
            self.texts
                .insert((a.path.clone(), a.line), SearchText::folded(&a));
            match groups.iter_mut().find(|(p, _)| *p == a.path) {
                Some((_, group)) => group.push(a),
                None => groups.push((a.path.clone(), vec![a])),
            }
        }
        for (path, group) in groups {
            self.store.put_articles(&path, group, &mut self.scope)?;
        }
        Ok(())
    }

    /// The rows whose title or text contains `text` (folded as the reader folds it). Texts
    /// are not in the database: each file is read again, once, on all cores, a batch of
    /// records at a time, and each batch's texts are let go once looked at (a JSON Lines
    /// file of 300 MB was held whole, three times over).
    pub fn search(&self, rows: Vec<Listed>, text: &str) -> Vec<Listed> {
        use rayon::prelude::*;
        let mut by_path: HashMap<&std::path::Path, Vec<usize>> = HashMap::new();
        let mut held = SearchText::default();
        let mut held_rows = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let key = (r.path.to_string_lossy().into_owned(), r.line);
            match self.texts.get(&key) {
                Some(t) => {
                    held.push_folded(t.clone());
                    held_rows.push(i);
                }
                None => by_path.entry(r.path.as_path()).or_default().push(i),
            }
        }
        let mut keep = matches_of(&held, &held_rows, text);
        let groups: Vec<_> = by_path.into_iter().collect();
        keep.par_extend(groups.par_iter().flat_map_iter(|(path, at)| {
            // By line, not a search per row: a feed's file holds tens of thousands.
            let wanted: HashMap<Option<usize>, usize> =
                at.iter().map(|&i| (rows[i].line, i)).collect();
            let mut hits = Vec::new();
            crate::corpus::read_batches(path, SEARCH_BATCH_BYTES, &mut |articles, _| {
                let mut batch = SearchText::default();
                let mut batch_rows = Vec::new();
                for a in &articles {
                    if let Some(&i) = wanted.get(&a.line) {
                        batch.push_folded(SearchText::folded(a));
                        batch_rows.push(i);
                    }
                }
                hits.extend(matches_of(&batch, &batch_rows, text));
                true
            });
            hits
        }));
        keep.sort_unstable();
        let mut keep = keep.into_iter().peekable();
        rows.into_iter()
            .enumerate()
            .filter_map(|(i, r)| (keep.next_if(|&k| k == i).is_some()).then_some(r))
            .collect()
    }
}

/// How much of a file's records `Corpus::search` reads, folds and looks at at once.
const SEARCH_BATCH_BYTES: usize = 8 << 20;

/// Of `rows` (the rows whose texts `texts` holds, in order), those whose text contains
/// `query`.
fn matches_of(texts: &SearchText, rows: &[usize], query: &str) -> Vec<usize> {
    let all: Vec<u32> = (0..u32::try_from(rows.len()).unwrap_or(u32::MAX)).collect();
    texts
        .matching(query, &all)
        .into_iter()
        .map(|k| rows[k as usize])
        .collect()
}

/// Reads and analyses one file now, without the database (a feed's file just fetched): its
/// articles as the reader takes them, and the problems met, for the user.
pub fn read_file(path: &Path) -> (Arrived, Vec<String>) {
    use rayon::prelude::*;
    let mut problems = Vec::new();
    let articles = crate::corpus::read_file(path, &mut problems);
    let articles = articles
        .par_iter()
        .map(|a| {
            let analysis = crate::extract::analyse(a);
            Arrival::of(a, &analysis, crate::state::content_id(a))
        })
        .collect();
    (
        Arrived {
            path: path.to_owned(),
            articles,
        },
        problems.iter().map(ToString::to_string).collect(),
    )
}
