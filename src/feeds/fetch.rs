//! Fetching every subscribed feed into the library: a few feeds at a time on worker
//! threads, each feed on its own (a feed that fails is reported and the others go on,
//! and nothing stored is lost), pages of summary-only entries fetched for their full text.

use std::sync::Mutex;
use std::time::Duration;

use super::fulltext::{is_summary, readable};
use super::library::{Change, FetchState, Library, Stored, find, merge};
use super::net::Net;
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
}

/// Progress of a fetch, in the order it happens for each feed.
#[derive(Debug)]
pub enum Progress<'a> {
    Started(&'a Feed),
    Finished(&'a FeedReport),
}

/// Fetches `feeds` into `library`, calling `progress` from the worker threads as each
/// starts and ends; returns the reports in the order of `feeds`.
pub fn fetch_all(
    feeds: &[Feed],
    settings: &FetchSettings,
    library: &Library,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<FeedReport>, FeedError> {
    let _lock = library.lock()?;
    let net = Net::new(Duration::from_secs(settings.timeout_seconds.max(1)));
    let state = Mutex::new(library.fetch_state());
    let cursor = Mutex::new(0usize);
    let reports: Mutex<Vec<Option<FeedReport>>> = Mutex::new(feeds.iter().map(|_| None).collect());
    let workers = settings.parallel.clamp(1, 16).min(feeds.len().max(1));
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
                    progress(Progress::Started(feed));
                    let report = fetch_one(feed, settings, library, &net, &state);
                    progress(Progress::Finished(&report));
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

fn fetch_one(
    feed: &Feed,
    settings: &FetchSettings,
    library: &Library,
    net: &Net,
    state: &Mutex<FetchState>,
) -> FeedReport {
    let mut warnings = Vec::new();
    let outcome = fetch_feed(feed, settings, library, net, state, &mut warnings);
    FeedReport {
        feed: feed.clone(),
        outcome,
        warnings,
    }
}

fn fetch_feed(
    feed: &Feed,
    settings: &FetchSettings,
    library: &Library,
    net: &Net,
    state: &Mutex<FetchState>,
    warnings: &mut Vec<String>,
) -> Result<Counts, FeedError> {
    let known = state
        .lock()
        .expect("state lock")
        .feeds
        .get(&feed.url)
        .cloned()
        .unwrap_or_default();
    let Some(fetched) = net.feed(&feed.url, &known)? else {
        return Ok(Counts {
            not_modified: true,
            ..Counts::default()
        });
    };
    let parsed = parse(&fetched.bytes, fetched.content_type.as_deref(), &feed.url)?;
    warnings.extend(parsed.warnings);
    let mut stored = library.load(feed)?;
    let mut counts = Counts::default();
    let now = chrono::Local::now().to_rfc3339();
    for entry in parsed.entries {
        let feed_hash = entry_hash(&entry);
        let before = find(&stored, &entry.guid, entry.link.as_deref(), feed_hash);
        let record = match before {
            // Seen before and unchanged in the feed: keep what was stored (its full text).
            Some(old) if old.feed_hash == feed_hash && old.title == entry.title => old.clone(),
            _ => to_stored(entry, feed, feed_hash, &now, settings, net, warnings),
        };
        counts.full_text +=
            usize::from(record.full_text && before.is_none_or(|b| b.feed_hash != feed_hash));
        match merge(&mut stored, record) {
            Change::New => counts.new += 1,
            Change::Updated => counts.updated += 1,
            Change::Unchanged => counts.unchanged += 1,
        }
    }
    library.save(feed, &stored)?;
    // Validators are kept only once the entries are safely stored.
    state
        .lock()
        .expect("state lock")
        .feeds
        .insert(feed.url.clone(), fetched.validators);
    Ok(counts)
}

fn to_stored(
    entry: Entry,
    feed: &Feed,
    feed_hash: u64,
    now: &str,
    settings: &FetchSettings,
    net: &Net,
    warnings: &mut Vec<String>,
) -> Stored {
    let mut body = entry.text;
    let mut author = entry.author;
    let mut full_text = false;
    if settings.full_text
        && is_summary(&body, entry.from_content)
        && let Some(link) = &entry.link
    {
        match net.page(link) {
            Ok(page) => {
                let html = String::from_utf8_lossy(&page.bytes);
                match readable(&html, &page.final_url) {
                    Some((text, byline)) if text.len() > body.len() => {
                        body = text;
                        author = author.or(byline);
                        full_text = true;
                    }
                    _ => warnings.push(format!(
                        "{link}: no article text found; the feed's summary is kept"
                    )),
                }
            }
            Err(e) => warnings.push(format!("{e}; the feed's summary is kept")),
        }
    }
    Stored {
        title: entry.title,
        body,
        published: entry.published.map(|d| d.to_rfc3339()),
        source: feed.name.clone(),
        url: entry.link,
        author,
        guid: entry.guid,
        fetched: now.to_owned(),
        feed_hash,
        full_text,
    }
}

/// What the feed says of an entry, hashed: a change means the entry was updated.
fn entry_hash(e: &Entry) -> u64 {
    let date = e.published.map(|d| d.to_rfc3339()).unwrap_or_default();
    super::hash(&format!("{}\u{0}{}\u{0}{date}", e.title, e.text))
}
