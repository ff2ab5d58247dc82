//! Fetching every subscribed feed into the library: a few feeds at a time on worker
//! threads, each feed on its own (a feed that fails is reported and the others go on,
//! and nothing stored is lost), pages of summary-only entries fetched for their full text.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::fulltext::{is_summary, readable};
use super::library::{FetchLock, FetchState, Library, Stored, position};
use super::net::{Net, Validators};
use super::parse::{Entry, parse};
use super::subscriptions::FetchSettings;
use super::{Feed, FeedError};

/// What became of one feed.
#[derive(Debug)]
pub struct FeedReport {
    pub feed: Feed,
    pub outcome: Result<Counts, FeedError>,
    /// Problems that lost nothing: an undated entry, a page that could not be fetched.
    pub warnings: Vec<String>,
    /// The entries rewritten with other content (a new headline, the page's full text), as
    /// `(content id before, content id now)`: their read state and stars are to follow them
    /// ([`crate::store::Store::carry`]).
    pub moved: Vec<(u64, u64)>,
    /// Entries rewritten whose earlier version another stored entry still carries (the
    /// same story in another feed, or the same feed under two URLs): their marks are
    /// copied to the new version, not moved (trial 51: the mirror copy lost its star).
    pub copied: Vec<(u64, u64)>,
}

/// The entries of one successful fetch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The server answered 304: nothing was downloaded.
    pub not_modified: bool,
    /// Entries whose article page gave their full text.
    pub full_text: usize,
    /// Not asked: its server asked to wait until then (`Retry-After`), local time.
    pub waiting_until: Option<chrono::NaiveDateTime>,
}

/// `14:05`, or `Mon 14:05` when it is not today: the end of a wait, local time.
pub fn clock_at(at: chrono::NaiveDateTime) -> String {
    if at.date() == chrono::Local::now().date_naive() {
        at.format("%H:%M").to_string()
    } else {
        at.format("%a %H:%M").to_string()
    }
}

/// `90 s`, `2 min`, `3 h 5 min`: a wait, as a person says it.
pub fn span_of(seconds: u64) -> String {
    match seconds {
        0..120 => format!("{seconds} s"),
        120..7200 => format!("{} min", seconds.div_ceil(60)),
        _ => format!("{} h {} min", seconds / 3600, (seconds % 3600) / 60),
    }
}

/// What a fetch tells as it goes, from its worker threads.
pub enum Progress<'a> {
    /// A feed is being asked for (a slow one can then be named while it is waited on).
    Began(&'a Feed),
    /// A feed is done.
    Done(&'a FeedReport),
}

/// The feeds a fetch still waits on (asked for, not done), for a progress line to name
/// them: the reader's status and `khabar fetch`'s bar keep one each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Waiting(Vec<String>);

impl Waiting {
    /// Follows `progress`: a feed begun is waited on until it is done.
    pub fn follow(&mut self, progress: &Progress) {
        match progress {
            Progress::Began(feed) => self.began(feed.name.clone()),
            Progress::Done(report) => self.done(&report.feed.name),
        }
    }

    pub fn began(&mut self, name: String) {
        self.0.push(name);
    }

    pub fn done(&mut self, name: &str) {
        if let Some(i) = self.0.iter().position(|w| w == name) {
            self.0.remove(i);
        }
    }

    /// `waiting on a, b`, and `+3` for more than two; `None` when it waits on none.
    pub fn line(&self) -> Option<String> {
        let (first, more) = self.0.split_at(self.0.len().min(2));
        (!first.is_empty()).then(|| {
            let more = if more.is_empty() {
                String::new()
            } else {
                format!(" +{}", more.len())
            };
            format!("waiting on {}{more}", first.join(", "))
        })
    }
}

/// Fetches `feeds` into `library`, whose lock the caller holds, calling `progress` from
/// the worker threads as each feed begins and is done; returns the reports in the order of
/// `feeds`.
pub fn fetch_all(
    feeds: &[Feed],
    settings: &FetchSettings,
    (library, _lock): (&Library, &FetchLock),
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<FeedReport>, FeedError> {
    let net = Net::new(Duration::from_secs(settings.timeout_seconds.max(1)));
    let state = Mutex::new(library.fetch_state());
    // How many stored entries carry each content, in every feed's file (see `copied`).
    let held = library.holders();
    let cursor = Mutex::new(0usize);
    let reports: Mutex<Vec<Option<FeedReport>>> = Mutex::new(feeds.iter().map(|_| None).collect());
    let workers = settings
        .parallel
        .clamp(1, super::subscriptions::MAX_PARALLEL)
        .min(feeds.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = cursor.lock().expect("index lock");
                        *n += 1;
                        *n - 1
                    };
                    let Some(feed) = feeds.get(i) else { break };
                    progress(Progress::Began(feed));
                    let report = fetch_one(feed, settings, library, &net, &state, &held);
                    // Kept as each feed is done: a fetch killed half-way keeps what the
                    // feeds done said (their validators), and asks them only if changed
                    // next time (trial 56). Written under the lock, one writer at a time.
                    {
                        let state = state.lock().expect("state lock");
                        let _ = library.save_fetch_state(&state);
                    }
                    progress(Progress::Done(&report));
                    reports.lock().expect("reports lock")[i] = Some(report);
                }
            });
        }
    });
    let state = state.into_inner().expect("state lock");
    library.save_fetch_state(&state)?;
    Ok(reports
        .into_inner()
        .expect("reports lock")
        .into_iter()
        .map(|r| r.expect("every feed is fetched"))
        .collect())
}

/// When `url`'s server asked to be left until (local time), if that is still ahead;
/// a wait that has passed is forgotten.
fn waiting(
    state: &Mutex<FetchState>,
    url: &str,
    now: chrono::DateTime<chrono::Local>,
) -> Option<chrono::NaiveDateTime> {
    let mut state = state.lock().expect("state lock");
    let until = state
        .wait_until
        .get(url)
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())?;
    if until <= now {
        state.wait_until.remove(url);
        return None;
    }
    Some(until.with_timezone(&chrono::Local).naive_local())
}

fn fetch_one(
    feed: &Feed,
    settings: &FetchSettings,
    library: &Library,
    net: &Net,
    state: &Mutex<FetchState>,
    held: &HashMap<u64, usize>,
) -> FeedReport {
    let mut warnings = Vec::new();
    let mut moved = Vec::new();
    let outcome = fetch_feed(
        feed,
        settings,
        library,
        net,
        state,
        &mut warnings,
        &mut moved,
    );
    // A content another entry still carries keeps its marks there too.
    let (copied, moved): (Vec<_>, Vec<_>) = moved
        .into_iter()
        .partition(|(before, _)| held.get(before).is_some_and(|&n| n > 1));
    let (moved, copied) = if outcome.is_err() {
        // Nothing was stored: the marks stay with the version still on disk.
        (Vec::new(), Vec::new())
    } else {
        // Asked and answered, new entries or none (`feeds list --json`'s `last_checked`);
        // a feed left alone as its server asked was not asked.
        if outcome.as_ref().is_ok_and(|c| c.waiting_until.is_none()) {
            state
                .lock()
                .expect("state lock")
                .checked
                .insert(feed.url.clone(), chrono::Local::now().to_rfc3339());
        }
        (moved, copied)
    };
    FeedReport {
        feed: feed.clone(),
        outcome,
        warnings,
        moved,
        copied,
    }
}

fn fetch_feed(
    feed: &Feed,
    settings: &FetchSettings,
    library: &Library,
    net: &Net,
    state: &Mutex<FetchState>,
    warnings: &mut Vec<String>,
    moved: &mut Vec<(u64, u64)>,
) -> Result<Counts, FeedError> {
    let now_at = chrono::Local::now();
    if let Some(until) = waiting(state, &feed.url, now_at) {
        return Ok(Counts {
            waiting_until: Some(until),
            ..Counts::default()
        });
    }
    let mut stored = library.load(feed)?;
    // Ask "only if changed" only while something is stored: after a purge (or a file
    // removed by hand) the feed is fetched whole again. So it is while a page that failed
    // is due to be asked again: a feed that answers "not modified" would never bring the
    // entry whose page is retried (trial 51).
    let retry = settings.full_text && stored.iter().any(|o| page_retry_due(o, now_at));
    let known = if stored.is_empty() || retry {
        Validators::default()
    } else {
        let state = state.lock().expect("state lock");
        state.feeds.get(&feed.url).cloned().unwrap_or_default()
    };
    let answer = net.feed(&feed.url, &known);
    if let Err(FeedError::Status {
        retry_after: Some(s),
        ..
    }) = &answer
    {
        let until = now_at + chrono::Duration::seconds(i64::try_from(*s).unwrap_or(0));
        let mut state = state.lock().expect("state lock");
        state
            .wait_until
            .insert(feed.url.clone(), until.to_rfc3339());
    }
    let Some(fetched) = answer? else {
        return Ok(Counts {
            not_modified: true,
            ..Counts::default()
        });
    };
    let parsed = parse(&fetched.bytes, fetched.content_type.as_deref(), &feed.url)?;
    warnings.extend(parsed.warnings);
    let mut shared: HashSet<String> = {
        let state = state.lock().expect("state lock");
        let known = state.shared_ids.get(&feed.url);
        known.into_iter().flatten().cloned().collect()
    };
    let entries = distinct(parsed.entries, &feed.url, warnings, &mut shared);
    let current: HashSet<&str> = entries.iter().map(|e| e.guid.as_str()).collect();
    let mut counts = Counts::default();
    let mut pages = Pages::new();
    let now = now_at.to_rfc3339();
    let mut fresh = Vec::new();
    for entry in &entries {
        let feed_hash = entry_hash(entry);
        let at = position(
            &stored,
            &entry.guid,
            entry.link.as_deref(),
            feed_hash,
            &current,
        );
        let old = at.map(|i| &stored[i]);
        // A new link is news too: the stored one may be dead, and `o`/`y` use it. One that
        // differs only by its tracking keys (`?utm_source=…` rotated at every fetch) is not.
        let same_link = |o: &Stored| match (o.url.as_deref(), entry.link.as_deref()) {
            (Some(a), Some(b)) => super::net::same_link(a, b),
            (a, b) => a == b,
        };
        let unchanged = old.is_some_and(|o| o.feed_hash == feed_hash && same_link(o));
        let wants_page = settings.full_text
            && entry.link.is_some()
            && is_summary(&entry.text, entry.from_content)
            && old.is_none_or(|o| !unchanged || (!o.full_text && page_due(o, now_at)));
        if unchanged && !wants_page {
            counts.unchanged += 1;
            continue;
        }
        if !unchanged {
            warnings.extend(entry.undated(&feed.url));
        }
        let record = to_stored(
            entry, feed, feed_hash, &now, old, wants_page, net, &mut pages, warnings,
        );
        counts.full_text +=
            usize::from(record.full_text && old.is_none_or(|o| o.body != record.body));
        if let Some(i) = at {
            if unchanged {
                counts.unchanged += 1;
            } else {
                counts.updated += 1;
            }
            let (before, now) = (stored[i].content_id(), record.content_id());
            if before != now {
                moved.push((before, now));
            }
            stored[i] = record;
        } else {
            counts.new += 1;
            fresh.push(record);
        }
    }
    // A page is asked again only while its entry is in the feed: one that left it is
    // given up, or its record would have the feed asked for whole at every fetch.
    for o in stored
        .iter_mut()
        .filter(|o| !current.contains(o.guid.as_str()))
    {
        if !o.full_text && o.page_tries > 0 {
            o.page_tries = o.page_tries.max(GIVE_UP);
        }
    }
    stored.extend(fresh);
    if pages.skipped > 0 {
        warnings.push(format!(
            "{}: {} article page(s) left for the next fetch ({})",
            feed.url,
            pages.skipped,
            if pages.timed_out >= HUNG {
                format!("{HUNG} pages in a row timed out")
            } else {
                format!(
                    "at most {MAX_PAGES} pages or {} s a feed",
                    FEED_DEADLINE.as_secs()
                )
            }
        ));
    }
    library.save(feed, &stored)?;
    // Validators are kept only once the entries are safely stored, and only when every
    // page asked for was fetched: pages left for the next fetch come with the entries of
    // a whole answer, which "only if changed" would withhold.
    let mut state = state.lock().expect("state lock");
    if pages.skipped == 0 {
        state.feeds.insert(feed.url.clone(), fetched.validators);
    } else {
        state.feeds.remove(&feed.url);
    }
    if !shared.is_empty() {
        let mut shared: Vec<String> = shared.into_iter().collect();
        shared.sort();
        state.shared_ids.insert(feed.url.clone(), shared);
    }
    Ok(counts)
}

/// `1 entry`, `3 entries`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Most entries taken from one feed document (feeds list the newest first).
const MAX_ENTRIES: usize = 200;
/// Most article pages fetched for one feed in one run, and the time they may take: a slow
/// site cannot hold a fetch for long, and what is left is fetched next time.
const MAX_PAGES: usize = 100;
const FEED_DEADLINE: Duration = Duration::from_secs(120);
/// A page that gave no story is asked again at this many fetches in a row (a site often
/// publishes the feed item before its page); after that each try waits twice as long as
/// the one before, from an hour (trial 51: after three tries a page that came online was
/// never asked again, and nothing said so), and after `GIVE_UP` tries, about five days
/// on, it is not asked for again and the warning says so.
const QUICK_TRIES: u8 = 3;
const GIVE_UP: u8 = 10;

/// Whether the page of `o`, stored with no story from it, is to be asked for now.
fn page_due(o: &Stored, now: chrono::DateTime<chrono::Local>) -> bool {
    if o.page_tries < QUICK_TRIES {
        return true;
    }
    if o.page_tries >= GIVE_UP {
        return false;
    }
    let tried = o.page_tried.as_deref().unwrap_or(&o.fetched);
    chrono::DateTime::parse_from_rfc3339(tried).map_or(true, |at| {
        now.signed_duration_since(at) >= retry_wait(o.page_tries)
    })
}

/// Whether `o`'s page failed before and is to be asked for again now.
fn page_retry_due(o: &Stored, now: chrono::DateTime<chrono::Local>) -> bool {
    o.url.is_some() && !o.full_text && o.page_tries > 0 && page_due(o, now)
}

/// How long a page that failed `tries` times waits before the next try.
fn retry_wait(tries: u8) -> chrono::TimeDelta {
    chrono::TimeDelta::hours(1 << tries.saturating_sub(QUICK_TRIES).min(16))
}

/// What is said after the `tries`th failed try at a page.
fn retry_note(tries: u8) -> String {
    if tries >= GIVE_UP {
        "the feed's summary is kept, and the page is not asked for again".to_owned()
    } else if tries >= QUICK_TRIES {
        let hours = retry_wait(tries).num_hours();
        format!("the feed's summary is kept; the page is asked again in {hours} hour(s)")
    } else {
        "the feed's summary is kept".to_owned()
    }
}

/// The article pages one feed may still ask for this run.
struct Pages {
    left: usize,
    until: Instant,
    skipped: usize,
    /// Pages in a row that timed out: at [`HUNG`] the site is taken to hang, and the rest
    /// wait for the next fetch (trial 56: a site whose pages all hung held its feed for the
    /// whole deadline, one timeout per page).
    timed_out: usize,
}

/// Pages in a row that time out before a feed asks for no more this run.
const HUNG: usize = 2;

impl Pages {
    fn new() -> Self {
        Self {
            left: MAX_PAGES,
            until: Instant::now() + FEED_DEADLINE,
            skipped: 0,
            timed_out: 0,
        }
    }

    fn take(&mut self) -> bool {
        if self.left == 0 || self.timed_out >= HUNG || Instant::now() >= self.until {
            self.skipped += 1;
            return false;
        }
        self.left -= 1;
        true
    }

    /// What became of a page asked for.
    fn answered<T>(&mut self, answer: &Result<T, FeedError>) {
        if matches!(answer, Err(FeedError::TimedOut { .. })) {
            self.timed_out += 1;
        } else {
            self.timed_out = 0;
        }
    }
}

/// What tells an entry from another under the same GUID: its link (tracking keys aside),
/// else its date, else a hash of its text.
fn told_apart_by(e: &Entry) -> String {
    match (&e.link, e.published.or(e.ahead)) {
        (Some(link), _) => super::net::bare_link(link),
        // In UTC: the date's zone follows the reader's, which a cron job may not share.
        (None, Some(date)) => date.to_utc().to_rfc3339(),
        (None, None) => text_hash(e),
    }
}

fn text_hash(e: &Entry) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(e.text.as_bytes()))
}

/// The entries with each GUID once (the first), at most [`MAX_ENTRIES`] of them. Entries
/// that share a GUID but not a link (tracking keys aside) are told apart by their link: a
/// CMS that gives every entry one id (the site's address) would otherwise keep only its
/// first story. Without links, by their date, else their text (a daily horoscope titled
/// alike every day, whose id `feed-rs` makes from the feed's address and the title: trial
/// 56). `shared` holds the GUIDs the feed was seen sharing before, and gains those shared
/// now: an entry under one is known by its link (or date, or text) even when it comes alone.
fn distinct(
    mut entries: Vec<Entry>,
    url: &str,
    warnings: &mut Vec<String>,
    shared: &mut HashSet<String>,
) -> Vec<Entry> {
    let mut apart: HashMap<&str, HashSet<String>> = HashMap::new();
    // Entries alike in GUID and date but not in text (a dozen horoscopes at one time):
    // their text tells them apart too.
    let mut texts: HashMap<(&str, String), HashSet<String>> = HashMap::new();
    for e in &entries {
        apart.entry(&e.guid).or_default().insert(told_apart_by(e));
        if e.link.is_none() {
            let at = (e.guid.as_str(), told_apart_by(e));
            texts.entry(at).or_default().insert(text_hash(e));
        }
    }
    let crowded: HashSet<(String, String)> = texts
        .into_iter()
        .filter(|(_, t)| t.len() > 1)
        .map(|((g, d), _)| (g.to_owned(), d))
        .collect();
    shared.extend(
        apart
            .into_iter()
            .filter(|(_, l)| l.len() > 1)
            .map(|(guid, _)| guid.to_owned()),
    );
    for e in &mut entries {
        if shared.contains(&e.guid) {
            let by = told_apart_by(e);
            e.guid = if crowded.contains(&(e.guid.clone(), by.clone())) {
                format!("{} {by} {}", e.guid, text_hash(e))
            } else {
                format!("{} {by}", e.guid)
            };
        }
    }
    let mut seen = HashSet::new();
    let before = entries.len();
    entries.retain(|e| seen.insert(e.guid.clone()));
    if entries.len() < before {
        let n = before - entries.len();
        warnings.push(format!(
            "{url}: {} {} another's id; the first of each is kept",
            count(n, "entry", "entries"),
            if n == 1 { "repeats" } else { "repeat" }
        ));
    }
    if entries.len() > MAX_ENTRIES {
        warnings.push(format!(
            "{url}: {} entries; the first {MAX_ENTRIES} are taken",
            entries.len()
        ));
        entries.truncate(MAX_ENTRIES);
    }
    entries
}

#[allow(clippy::too_many_arguments)]
fn to_stored(
    entry: &Entry,
    feed: &Feed,
    feed_hash: u64,
    now: &str,
    old: Option<&Stored>,
    wants_page: bool,
    net: &Net,
    pages: &mut Pages,
    warnings: &mut Vec<String>,
) -> Stored {
    let mut body = entry.text.clone();
    let mut author = entry.author.clone();
    let mut full_text = false;
    let same = old.filter(|o| o.feed_hash == feed_hash);
    let mut page_tries = same.map_or(0, |o| o.page_tries);
    let mut tried_at = same.and_then(|o| o.page_tried.clone());
    if wants_page
        && let Some(link) = &entry.link
        && pages.take()
    {
        tried_at = Some(now.to_owned());
        let answer = page_text(net, link, &entry.title);
        pages.answered(&answer);
        match answer {
            Ok((text, byline)) if text.len() > body.len() => {
                body = text;
                author = author.or(byline);
                full_text = true;
            }
            Ok((text, _)) => {
                page_tries = page_tries.saturating_add(1);
                // A page whose story is no longer than the feed's text has one (trial 51:
                // it was said to have none).
                let why = if text.trim().is_empty() {
                    "no article text found"
                } else {
                    "the page's text is no longer than the feed's"
                };
                warnings.push(format!("{link}: {why}; {}", retry_note(page_tries)));
            }
            Err(e) => {
                page_tries = page_tries.saturating_add(1);
                warnings.push(format!("{e}; {}", retry_note(page_tries)));
            }
        }
    }
    // A page that fails now does not undo the full text an earlier fetch got.
    if !full_text && let Some(o) = old.filter(|o| o.full_text) {
        body.clone_from(&o.body);
        author = author.or_else(|| o.author.clone());
        full_text = true;
    }
    Stored {
        title: entry.title.clone(),
        body,
        published: entry.published.map(|d| d.to_rfc3339()),
        source: feed.name.clone(),
        url: entry.link.clone(),
        author,
        guid: entry.guid.clone(),
        fetched: now.to_owned(),
        feed_hash,
        full_text,
        page_tries,
        page_tried: tried_at,
    }
}

fn page_text(net: &Net, link: &str, title: &str) -> Result<(String, Option<String>), FeedError> {
    let page = net.page(link)?;
    let html = String::from_utf8_lossy(&page.bytes);
    Ok(readable(&html, &page.final_url, title).unwrap_or_default())
}

/// What the feed says of an entry, hashed: a change means the entry was updated.
fn entry_hash(e: &Entry) -> u64 {
    // In the local zone, as every entry was before dates kept their feed's offset: an
    // entry unchanged since is not taken for an updated one.
    let date = e
        .published
        .map(|d| d.with_timezone(&chrono::Local).to_rfc3339())
        .unwrap_or_default();
    super::hash(&format!("{}\u{0}{}\u{0}{date}", e.title, e.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(guid: &str, link: Option<&str>, title: &str) -> Entry {
        Entry {
            guid: guid.to_owned(),
            link: link.map(str::to_owned),
            title: title.to_owned(),
            published: None,
            author: None,
            text: format!("{title} का पाठ"),
            from_content: false,
            ahead: None,
            unusable: None,
        }
    }

    /// Trial 51: a page that failed three times was never asked for again, even once it
    /// came online. Later tries wait longer and longer; the last is said to be the last.
    #[test]
    fn a_page_with_no_story_is_asked_again_less_and_less_often() {
        let at = |tries: u8, hours_ago: i64| {
            let now = chrono::Local::now();
            let stored = Stored {
                title: "शीर्षक".into(),
                body: "सार".into(),
                published: None,
                source: "स्रोत".into(),
                url: Some("http://127.0.0.1/p".into()),
                author: None,
                guid: "g".into(),
                fetched: now.to_rfc3339(),
                feed_hash: 1,
                full_text: false,
                page_tries: tries,
                page_tried: Some((now - chrono::TimeDelta::hours(hours_ago)).to_rfc3339()),
            };
            page_due(&stored, now)
        };
        // The first tries come at each fetch.
        assert!(at(0, 0) && at(2, 0));
        // Then after an hour, two, four…
        assert!(!at(3, 0) && at(3, 1));
        assert!(!at(4, 1) && at(4, 2));
        assert!(!at(9, 63) && at(9, 64));
        // And then never.
        assert!(!at(GIVE_UP, 10_000));
        assert!(retry_note(GIVE_UP).contains("not asked for again"));
        assert!(retry_note(4).contains("asked again in 2 hour(s)"));
        assert!(!retry_note(1).contains("asked"));
    }

    #[test]
    fn the_feeds_waited_on_are_named_two_at_most() {
        let mut w = Waiting::default();
        assert_eq!(w.line(), None);
        w.began("धीमा".into());
        assert_eq!(w.line().unwrap(), "waiting on धीमा");
        for name in ["a", "b", "c"] {
            w.began(name.into());
        }
        w.done("b");
        assert_eq!(w.line().unwrap(), "waiting on धीमा, a +1");
        for name in ["धीमा", "a", "c"] {
            w.done(name);
        }
        assert_eq!(w.line(), None);
    }

    /// One id over three stories with their own links (trial 46) keeps all three; one id
    /// over the same link twice is one story, said once.
    #[test]
    fn a_shared_id_is_told_apart_by_the_link() {
        let site = "http://127.0.0.1/";
        let entries = vec![
            entry(site, Some("http://127.0.0.1/a"), "रांची"),
            entry(site, Some("http://127.0.0.1/b"), "देहरादून"),
            entry(site, Some("http://127.0.0.1/c"), "पटना"),
            entry("x", Some("http://127.0.0.1/x"), "पहली"),
            entry("x", Some("http://127.0.0.1/x"), "पहली, बदली"),
            entry("y", None, "अकेली"),
        ];
        let mut warnings = Vec::new();
        let mut shared = HashSet::new();
        let kept = distinct(entries, "feed", &mut warnings, &mut shared);
        let titles: Vec<&str> = kept.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["रांची", "देहरादून", "पटना", "पहली", "अकेली"]);
        let ids: HashSet<&str> = kept.iter().map(|e| e.guid.as_str()).collect();
        assert_eq!(ids.len(), 5);
        assert!(ids.contains("x") && ids.contains("y"), "unshared ids stay");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(shared, HashSet::from([site.to_owned()]));
        // A later fetch with one story under the shared id, its link tracked: known by
        // the link it had, not as the site's address.
        let alone = vec![entry(
            site,
            Some("http://127.0.0.1/b?utm_source=x"),
            "देहरादून",
        )];
        let kept = distinct(alone, "feed", &mut warnings, &mut shared);
        assert_eq!(kept[0].guid, format!("{site} http://127.0.0.1/b"));
    }

    /// Trial 56: entries with no link and one title (a daily horoscope), whose ids
    /// `feed-rs` makes from the feed's address and the title, were one story, the rest
    /// dropped with a warning at every fetch. They are told apart by their date, else
    /// their text, under the same ids at the next fetch; the same story twice is still one.
    #[test]
    fn entries_without_links_under_one_id_are_told_apart_by_date_or_text() {
        let dated = |day: u32, title: &str| {
            let mut e = entry("feed+title", None, title);
            e.published =
                chrono::DateTime::parse_from_rfc3339(&format!("2026-12-0{day}T06:00:00+05:30"))
                    .ok();
            e
        };
        let undated = |text: &str| Entry {
            text: text.to_owned(),
            ..entry("feed+other", None, "राशिफल")
        };
        let mut aries = dated(3, "आज का राशिफल");
        aries.text = "मेष: अच्छा दिन।".into();
        let mut taurus = dated(3, "आज का राशिफल");
        taurus.text = "वृषभ: यात्रा होगी।".into();
        let entries = vec![
            dated(1, "आज का राशिफल"),
            dated(2, "आज का राशिफल"),
            dated(2, "आज का राशिफल"),
            undated("मेष: अच्छा दिन।"),
            undated("वृषभ: यात्रा होगी।"),
            aries,
            taurus,
        ];
        let mut warnings = Vec::new();
        let mut shared = HashSet::new();
        let kept = distinct(entries, "feed", &mut warnings, &mut shared);
        let ids: Vec<String> = kept.iter().map(|e| e.guid.clone()).collect();
        assert_eq!(kept.len(), 6, "{ids:?}");
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 6, "{ids:?}");
        assert_eq!(warnings.len(), 1, "the one true repeat: {warnings:?}");
        // The next fetch: the same ids, even for an entry that comes alone.
        let again = distinct(
            vec![dated(2, "आज का राशिफल")],
            "feed",
            &mut Vec::new(),
            &mut shared,
        );
        assert_eq!(again[0].guid, ids[1]);
    }
}
