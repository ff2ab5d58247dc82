//! The library of fetched articles: one JSON Lines file per feed in
//! `$XDG_DATA_HOME/khabar/feeds/`, in the format khabar reads anyway (`title`, `body`,
//! `published`, `source`, `url`, plus `author`, `guid`, `fetched`), so the reader, `list`
//! and the database treat it like any corpus, and a script can read it with `jq`.
//!
//! Every file is replaced atomically (written beside, then renamed), so a crash or a kill
//! leaves the previous version whole; a lock file keeps two fetches from interleaving their
//! writes. The HTTP validators of each feed (for conditional GET) sit in a hidden
//! `.state.json` that the loader skips.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::net::Validators;
use super::{Feed, FeedError};

/// The library's fetch lock ([`Library::lock`]), held while this lives: a fetch takes it
/// to write, so two never interleave their writes.
#[derive(Debug)]
pub struct FetchLock(#[allow(dead_code)] File);

/// One fetched article, a line of a feed's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub title: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub guid: String,
    /// When it was fetched (RFC 3339).
    pub fetched: String,
    /// A hash of what the feed itself said (title, text, date), to tell an updated entry
    /// from one seen before without fetching its page again.
    pub feed_hash: u64,
    /// Whether `body` is the article page's text rather than the feed's.
    #[serde(default)]
    pub full_text: bool,
    /// Failed tries to get the page's text, so a page with no story is not asked for
    /// forever.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub page_tries: u8,
    /// When its page was last asked for (RFC 3339), for the wait before the next try;
    /// `fetched` moves at every fetch that stores the entry, a try or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_tried: Option<String>,
}

impl Stored {
    /// The content id its article is known by (read state, stars).
    pub fn content_id(&self) -> u64 {
        crate::corpus::record_content_id(&self.title, &self.body)
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// Where `stored` holds the entry with this `guid`, else (for an entry whose earlier
/// version went under another id) the one with the same link or content whose own GUID is
/// not in the feed any more (`current`): two stories that share a link but both stand in
/// the feed stay two.
pub fn position(
    stored: &[Stored],
    guid: &str,
    url: Option<&str>,
    content: u64,
    current: &HashSet<&str, impl std::hash::BuildHasher>,
) -> Option<usize> {
    let replaced = |s: &Stored| !current.contains(s.guid.as_str());
    stored
        .iter()
        .position(|s| !guid.is_empty() && s.guid == guid)
        .or_else(|| {
            url.and_then(|u| {
                stored.iter().position(|s| {
                    s.url
                        .as_deref()
                        .is_some_and(|s_url| super::net::same_link(s_url, u))
                        && replaced(s)
                })
            })
        })
        .or_else(|| {
            stored
                .iter()
                .position(|s| s.feed_hash == content && replaced(s))
        })
}

/// The per-feed HTTP state, keyed by feed URL.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct FetchState {
    #[serde(default)]
    pub feeds: HashMap<String, Validators>,
    /// When each feed was last fetched without failing (RFC 3339), whether or not it had
    /// anything new: a feed that answers "not modified" every morning is still checked.
    #[serde(default)]
    pub checked: HashMap<String, String>,
    /// The GUIDs each feed gave to several stories (a CMS giving every item the site's
    /// address): its entries under them are known by GUID and link from then on, also
    /// in a later fetch that has only one of them.
    #[serde(default)]
    pub shared_ids: HashMap<String, Vec<String>>,
    /// Feeds whose server asked to wait (`Retry-After`), and until when (RFC 3339).
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub wait_until: HashMap<String, String>,
}

/// The folder of fetched articles.
#[derive(Debug, Clone)]
pub struct Library {
    dir: PathBuf,
}

/// `$XDG_DATA_HOME/khabar/feeds`.
pub fn default_dir() -> Option<PathBuf> {
    crate::dirs::data_dir().map(|d| d.join("feeds"))
}

impl Library {
    pub fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the library holds any fetched article file.
    pub fn has_articles(&self) -> bool {
        std::fs::read_dir(&self.dir).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                !name.starts_with('.')
                    && name.ends_with(".jsonl")
                    && e.metadata().is_ok_and(|m| m.len() > 0)
            })
        })
    }

    /// How many stored entries carry each content id, over every feed's file (one that
    /// cannot be read counts for nothing).
    pub fn holders(&self) -> HashMap<u64, usize> {
        let mut held = HashMap::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return held;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().ends_with(".jsonl")
                && let Ok(text) = std::fs::read_to_string(e.path())
            {
                for stored in text
                    .lines()
                    .filter_map(|l| serde_json::from_str::<Stored>(l).ok())
                {
                    *held.entry(stored.content_id()).or_default() += 1;
                }
            }
        }
        held
    }

    /// Takes the library's lock for a fetch; fails at once ([`FeedError::Busy`]) if
    /// another process holds it.
    pub fn lock(&self) -> Result<FetchLock, FeedError> {
        let (file, path) = self.lock_file()?;
        match file.try_lock() {
            Ok(()) => Ok(FetchLock(file)),
            Err(std::fs::TryLockError::WouldBlock) => Err(FeedError::Busy {
                path: self.dir.display().to_string(),
            }),
            Err(std::fs::TryLockError::Error(e)) => Err(FeedError::file(&path, e)),
        }
    }

    /// Takes the library's lock for a fetch, waiting for another process's fetch to end.
    pub fn wait_for_lock(&self) -> Result<FetchLock, FeedError> {
        let (file, path) = self.lock_file()?;
        file.lock().map_err(|e| FeedError::file(&path, e))?;
        Ok(FetchLock(file))
    }

    fn lock_file(&self) -> Result<(File, PathBuf), FeedError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| FeedError::file(&self.dir, e))?;
        let path = self.dir.join(".lock");
        let file = File::create(&path).map_err(|e| FeedError::file(&path, e))?;
        Ok((file, path))
    }

    /// The file of `feed`'s articles: named from its URL (not its name, which the user may
    /// change), with only safe characters, so no feed can write outside the library.
    pub fn file_of(&self, feed: &Feed) -> PathBuf {
        let rest = feed
            .url
            .split_once("://")
            .map_or(feed.url.as_str(), |(_, r)| r);
        let mut slug: String = rest
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .take(60)
            .collect();
        slug = slug.trim_matches(['-', '.']).to_owned();
        self.dir.join(format!(
            "{slug}-{:08x}.jsonl",
            super::hash(&feed.url) as u32
        ))
    }

    /// The articles stored for `feed`. A line that is not a stored article (edited by hand,
    /// or written by a newer khabar) fails the load, so the save that follows a fetch
    /// cannot drop it.
    pub fn load(&self, feed: &Feed) -> Result<Vec<Stored>, FeedError> {
        let path = self.file_of(feed);
        match std::fs::read_to_string(&path) {
            Ok(text) => text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| {
                    serde_json::from_str(l).map_err(|e| {
                        FeedError::file(
                            &path,
                            format!("line {}: not a stored article ({e}); fix or remove it: nothing was changed", i + 1),
                        )
                    })
                })
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(FeedError::file(&path, e)),
        }
    }

    /// Replaces `feed`'s file with `stored`.
    pub fn save(&self, feed: &Feed, stored: &[Stored]) -> Result<(), FeedError> {
        let mut text = Vec::new();
        for s in stored {
            serde_json::to_writer(&mut text, s).expect("serialising plain data");
            text.push(b'\n');
        }
        write_atomically(&self.file_of(feed), &text)
    }

    /// Removes `feed`'s file; true if there was one.
    pub fn purge(&self, feed: &Feed) -> Result<bool, FeedError> {
        let path = self.file_of(feed);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(FeedError::file(&path, e)),
        }
    }

    /// Forgets what the server said of `feed` (after an unsubscribe), so a feed added again
    /// is fetched whole.
    pub fn forget(&self, feed: &Feed) -> Result<(), FeedError> {
        let mut state = self.fetch_state();
        let checked = state.checked.remove(&feed.url).is_some();
        let shared = state.shared_ids.remove(&feed.url).is_some();
        if state.feeds.remove(&feed.url).is_some() || checked || shared {
            self.save_fetch_state(&state)?;
        }
        Ok(())
    }

    fn state_path(&self) -> PathBuf {
        self.dir.join(".state.json")
    }

    /// The validators saved by earlier fetches; a damaged file is as good as none (the
    /// next fetch is then unconditional, nothing is lost).
    pub fn fetch_state(&self) -> FetchState {
        std::fs::read_to_string(self.state_path())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save_fetch_state(&self, state: &FetchState) -> Result<(), FeedError> {
        let text = serde_json::to_vec_pretty(state).expect("serialising plain data");
        write_atomically(&self.state_path(), &text)
    }
}

/// [`crate::dirs::write_atomically`], naming the file on failure.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FeedError> {
    crate::dirs::write_atomically(path, bytes).map_err(|e| FeedError::file(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(guid: &str, url: &str, title: &str, hash: u64) -> Stored {
        Stored {
            title: title.into(),
            body: "पाठ".into(),
            published: None,
            source: "स्रोत".into(),
            url: Some(url.into()),
            author: None,
            guid: guid.into(),
            fetched: "2024-06-18T10:00:00+00:00".into(),
            feed_hash: hash,
            full_text: false,
            page_tries: 0,
            page_tried: None,
        }
    }

    #[test]
    fn position_by_guid_then_link_then_content_of_replaced_entries() {
        let s = vec![
            entry("g1", "http://h/1", "एक", 1),
            entry("g2", "http://h/home", "दो", 2),
        ];
        let none = HashSet::new();
        assert_eq!(position(&s, "g1", None, 9, &none), Some(0));
        // A new GUID at a known link replaces the entry whose GUID left the feed...
        assert_eq!(position(&s, "g9", Some("http://h/1"), 9, &none), Some(0));
        // ...but not one that is still in it: two stories sharing a link stay two.
        let current: HashSet<&str> = ["g1", "g3"].into();
        assert_eq!(position(&s, "g3", Some("http://h/1"), 9, &current), None);
        assert_eq!(position(&s, "g4", None, 2, &none), Some(1));
        assert_eq!(position(&s, "g4", None, 7, &none), None);
    }

    #[test]
    fn files_stay_inside_the_library_and_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::at(dir.path().to_owned());
        let feed = Feed {
            url: "http://127.0.0.1:9/../../etc/passwd?x=/..".into(),
            name: "../../x".into(),
            tags: vec![],
        };
        let file = lib.file_of(&feed);
        assert_eq!(file.parent(), Some(dir.path()));
        assert!(!file.file_name().unwrap().to_string_lossy().contains('/'));
        assert!(!lib.has_articles());
        let stored = vec![entry("g", "http://h/1", "शीर्षक", 7)];
        lib.save(&feed, &stored).unwrap();
        assert_eq!(lib.load(&feed).unwrap(), stored);
        assert!(lib.has_articles());
        std::fs::write(lib.file_of(&feed), "{\"hand\": \"edited\"}\n").unwrap();
        let e = lib.load(&feed).unwrap_err().to_string();
        assert!(e.contains("line 1: not a stored article"), "{e}");
        let _held = lib.lock().unwrap();
        assert!(lib.lock().is_err(), "a second fetch must wait its turn");
    }
}
