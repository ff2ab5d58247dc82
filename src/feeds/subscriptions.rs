//! The feeds the user follows, kept in `feeds.toml` in the configuration directory so they
//! can be edited by hand as well as with `khabar feeds add/remove/import`.
//!
//! ```toml
//! [fetch]
//! timeout_seconds = 30   # per request, connection included
//! full_text = true       # fetch the page of entries that carry only a summary
//! parallel = 4           # feeds fetched at once (one connection per host at a time)
//! refresh_minutes = 0    # the reader fetches every N minutes while open (0: never)
//!
//! [[feed]]
//! url = "https://feeds.bbci.co.uk/hindi/rss.xml"
//! name = "BBC Hindi"
//! tags = ["world"]
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::FeedError;
use super::net::check_url;

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub url: String,
    /// The name shown as the articles' source and used to pick the feed on the command line.
    /// Left out of a hand-written entry, it is the URL's host, as `feeds add` makes it.
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// How fetching behaves; every field has a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FetchSettings {
    pub timeout_seconds: u64,
    pub full_text: bool,
    pub parallel: usize,
    /// The open reader fetches every this many minutes; 0 (the default) never.
    pub refresh_minutes: u64,
}

impl Default for FetchSettings {
    fn default() -> Self {
        Self {
            timeout_seconds: 30,
            full_text: true,
            parallel: 4,
            refresh_minutes: 0,
        }
    }
}

impl FetchSettings {
    /// The settings of a `[fetch]` table taken key by key: a key that is unknown or has a
    /// bad value is said (`fault`) and its default applies, while the others keep theirs.
    fn each_key(given: toml::Table, fault: &mut impl FnMut(&str, &str)) -> Self {
        let defaults = || toml::Table::try_from(Self::default()).expect("plain settings");
        let mut kept = defaults();
        for (key, value) in given {
            let mut one = defaults();
            one.insert(key.clone(), value.clone());
            match Self::deserialize(one) {
                Ok(_) => {
                    kept.insert(key, value);
                }
                Err(e) => fault(
                    &format!("[fetch] {key}"),
                    &format!("{} (its default applies)", one_line(&e)),
                ),
            }
        }
        Self::deserialize(kept).unwrap_or_default()
    }

    /// Numbers of the right type but out of range, brought to the nearest allowed, each
    /// said (trial 51: `parallel = 0` was fetched with one worker without a word). For
    /// fetching only: the commands that rewrite the file keep what it says.
    fn in_range(&mut self) -> Vec<String> {
        let mut said = Vec::new();
        if !(1..=MAX_PARALLEL).contains(&self.parallel) {
            let used = self.parallel.clamp(1, MAX_PARALLEL);
            said.push(format!(
                "[fetch] parallel: {} is not between 1 and {MAX_PARALLEL}; {used} is used",
                self.parallel
            ));
            self.parallel = used;
        }
        if self.timeout_seconds == 0 {
            said.push("[fetch] timeout_seconds: 0 is no time to wait; 1 is used".to_owned());
            self.timeout_seconds = 1;
        }
        said
    }
}

/// The most feeds fetched at once.
pub const MAX_PARALLEL: usize = 16;

/// The whole `feeds.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriptions {
    #[serde(default)]
    pub fetch: FetchSettings,
    #[serde(default, rename = "feed")]
    pub feeds: Vec<Feed>,
}

/// `feeds.toml` in khabar's configuration directory.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::config_dir().map(|d| d.join("feeds.toml"))
}

impl Subscriptions {
    /// Reads `path` whole, for the commands that rewrite it: an entry [`Self::load_usable`]
    /// would leave out is an error here (rewritten without it, it would be deleted). A
    /// missing file is no subscriptions.
    pub fn load(path: &Path) -> Result<Self, FeedError> {
        let (subs, faults) = Self::read_checked(path)?;
        match faults.into_iter().next() {
            Some(fault) => Err(FeedError::Syntax {
                path: path.display().to_string(),
                reason: format!("{fault}; mend or remove it"),
            }),
            None => Ok(subs),
        }
    }

    /// Reads `path` for fetching and listing, where one bad entry should not stop the
    /// others: a `[[feed]]` that is not a usable subscription (no URL, not http(s), twice)
    /// is left out, and a bad `[fetch]` key gives way to its default, each with a
    /// warning naming the file and the entry. A file that is not TOML at all is an error,
    /// as it is for [`Self::load`], which the commands that rewrite the file use (leaving
    /// an entry out there would delete it).
    pub fn load_usable(path: &Path) -> Result<(Self, Vec<String>), FeedError> {
        let (mut subs, faults) = Self::read_checked(path)?;
        let mut warnings: Vec<String> = faults
            .into_iter()
            .map(|fault| format!("{}: {fault}; left out", path.display()))
            .collect();
        let ranged = subs.fetch.in_range().into_iter();
        warnings.extend(ranged.map(|said| format!("{}: {said}", path.display())));
        Ok((subs, warnings))
    }

    /// The usable subscriptions of `path` and what is wrong with the others (`[[feed]]
    /// number 3: reason`), or an error when the file cannot be read or is not TOML.
    fn read_checked(path: &Path) -> Result<(Self, Vec<String>), FeedError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Self::default(), Vec::new()));
            }
            Err(e) => return Err(FeedError::file(path, e)),
        };
        let mut table: toml::Table = toml::from_str(&text).map_err(|e| FeedError::Syntax {
            path: path.display().to_string(),
            reason: crate::toml_lines::describe(&text, &e),
        })?;
        let mut faults = Vec::new();
        let mut fault = |what: &str, reason: &str| faults.push(format!("{what}: {reason}"));
        let fetch = match table.remove("fetch") {
            None => FetchSettings::default(),
            Some(toml::Value::Table(given)) => FetchSettings::each_key(given, &mut fault),
            Some(_) => {
                fault("[fetch]", "not a table (the defaults apply)");
                FetchSettings::default()
            }
        };
        let mut feeds: Vec<Feed> = Vec::new();
        let entries = match table.remove("feed") {
            Some(toml::Value::Array(entries)) => entries,
            Some(_) => {
                fault("feed", "not a list of [[feed]] tables");
                Vec::new()
            }
            None => Vec::new(),
        };
        let parsed: Vec<Result<Feed, toml::de::Error>> =
            entries.into_iter().map(toml::Value::try_into).collect();
        // The names written by hand come first: a nameless entry above one named after its
        // host must not take that name (and have the named one left out as a twin).
        let written: Vec<Feed> = parsed
            .iter()
            .flatten()
            .filter(|f| !f.name.trim().is_empty())
            .cloned()
            .collect();
        for (i, entry) in parsed.into_iter().enumerate() {
            let what = format!("[[feed]] number {}", i + 1);
            let mut feed: Feed = match entry {
                Ok(feed) => feed,
                Err(e) => {
                    fault(&what, &one_line(&e));
                    continue;
                }
            };
            if feed.name.trim().is_empty() {
                let taken: Vec<Feed> = written.iter().chain(&feeds).cloned().collect();
                feed.name = unused_name(&feed.url, &taken);
            }
            if let Err(e) = check_url(&feed.url) {
                fault(&what, &e.to_string());
            // Two entries for one feed would write one library file from two workers.
            } else if let Some(twin) = feeds
                .iter()
                .find(|f| same_url(&f.url, &feed.url) || same_name(&f.name, &feed.name))
            {
                let twice = format!("{} is subscribed twice (same URL or name)", twin.name);
                fault(&what, &twice);
            } else {
                feeds.push(feed);
            }
        }
        Ok((Self { fetch, feeds }, faults))
    }

    /// Writes the file atomically (a crash leaves the old one whole).
    pub fn save(&self, path: &Path) -> Result<(), FeedError> {
        let text = format!(
            "# khabar's feed subscriptions (see README, \"Feeds\"); `khabar feeds add` rewrites this file.\n{}",
            toml::to_string(self).map_err(|e| FeedError::file(path, e))?
        );
        super::library::write_atomically(path, text.as_bytes())
    }

    /// Adds a feed; the name defaults to the URL's host. Refuses a URL or name already there.
    pub fn add(
        &mut self,
        url: &str,
        name: Option<&str>,
        tags: &[String],
    ) -> Result<&Feed, FeedError> {
        // `HTTP://Example.org` is `http://example.org/`: one feed, however it was typed.
        // A host in Devanagari (`.भारत`) is asked for by its ASCII form. An empty host is
        // refused first: normalising reads `http:///y.xml` as host `y.xml` (trial 58).
        if super::net::host_of(url.trim()).is_none() {
            check_url(url.trim())?;
        }
        let url = normalised(url);
        let url = url.as_str();
        check_url(url)?;
        let name = match name {
            Some(n) => n.trim().to_owned(),
            None => unused_name(url, &self.feeds),
        };
        if name.is_empty() {
            return Err(FeedError::Subscription(
                "a feed's name cannot be empty".into(),
            ));
        }
        for (what, text) in
            std::iter::once(("name", name.as_str())).chain(tags.iter().map(|t| ("tag", t.as_str())))
        {
            // `x,y` would come back from an OPML export as two tags.
            if what == "tag" && (text.trim().is_empty() || text.contains(',')) {
                return Err(FeedError::Subscription(format!(
                    "a feed's tag cannot be empty or hold a comma (give each tag its own \
                     --tag): {}",
                    crate::text::sanitize::quoted(text)
                )));
            }
            if text.chars().any(unseen) {
                return Err(FeedError::Subscription(format!(
                    "a feed's {what} cannot hold control characters (tabs, line breaks, escapes) \
                     or invisible ones (bidi controls, zero-width marks)"
                )));
            }
        }
        if let Some(old) = self.feeds.iter().find(|f| same_url(&f.url, url)) {
            return Err(FeedError::Subscription(format!(
                "already subscribed: {} ({})",
                old.name, old.url
            )));
        }
        if let Some(old) = self.feeds.iter().find(|f| same_name(&f.name, &name)) {
            return Err(FeedError::Subscription(format!(
                "the name {} is taken by {}: give this feed another with --name",
                old.name, old.url
            )));
        }
        self.feeds.push(Feed {
            url: url.to_owned(),
            name,
            tags: tags.to_vec(),
        });
        Ok(self.feeds.last().expect("just pushed"))
    }

    /// The feed `url` was when subscribed (for its library file, after it was removed
    /// from the list): none if it is not an http(s) URL.
    pub fn former(url: &str) -> Option<Feed> {
        let url = normalised(url);
        check_url(&url).ok()?;
        Some(Feed {
            name: default_name(&url),
            url,
            tags: Vec::new(),
        })
    }

    /// Whether a feed has this URL (its scheme and host in any case).
    pub fn has_url(&self, url: &str) -> bool {
        self.feeds.iter().any(|f| same_url(&f.url, url))
    }

    /// Whether a feed has this name (in any case).
    pub fn has_name(&self, name: &str) -> bool {
        self.feeds.iter().any(|f| same_name(&f.name, name))
    }

    /// Removes the feed with this URL or name.
    pub fn remove(&mut self, key: &str) -> Result<Feed, FeedError> {
        let at = self
            .feeds
            .iter()
            .position(|f| same_url(&f.url, key) || same_name(&f.name, key))
            .ok_or_else(|| FeedError::Subscription(format!("no feed named {key}")))?;
        Ok(self.feeds.remove(at))
    }

    /// The feeds named (by name, URL or tag), or all of them when `keys` is empty; a key
    /// that names nothing is an error.
    pub fn select(&self, keys: &[String]) -> Result<Vec<Feed>, FeedError> {
        if keys.is_empty() {
            return Ok(self.feeds.clone());
        }
        let mut out: Vec<Feed> = Vec::new();
        for key in keys {
            let found: Vec<&Feed> = self
                .feeds
                .iter()
                .filter(|f| {
                    same_name(&f.name, key)
                        || same_url(&f.url, key)
                        || f.tags.iter().any(|t| same_name(t, key))
                })
                .collect();
            if found.is_empty() {
                return Err(FeedError::Subscription(format!(
                    "no feed or tag named {key}"
                )));
            }
            for f in found {
                if !out.contains(f) {
                    out.push(f.clone());
                }
            }
        }
        Ok(out)
    }
}

/// A character a feed's name or tag must not hold: it acts on the terminal, reorders the
/// line or is not seen, so two feeds could look alike (`ab`, and `ab` with an override).
pub fn unseen(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// The URL as the server sees it: scheme and host in lower case, an international host in
/// its ASCII form, no fragment (never sent: `feed.xml#x` is `feed.xml`) nor empty query.
fn normalised(url: &str) -> String {
    url::Url::parse(url.trim()).map_or_else(
        |_| url.trim().to_owned(),
        |mut u| {
            u.set_fragment(None);
            if u.query() == Some("") {
                u.set_query(None);
            }
            String::from(u)
        },
    )
}

/// A TOML error on one line (it comes with a drawing of the line at fault).
fn one_line(e: &toml::de::Error) -> String {
    let message = e.message().trim();
    match e.span() {
        Some(span) => format!("{message} (at byte {})", span.start),
        None => message.to_owned(),
    }
}

fn same_url(a: &str, b: &str) -> bool {
    a == b || normalised(a) == normalised(b)
}

/// Names and tags are told apart without case, as `list --source` reads them.
fn same_name(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// The name a feed without one is given: its host, or host and path when another feed of
/// the same site has the host.
fn unused_name(url: &str, feeds: &[Feed]) -> String {
    Some(default_name(url))
        .filter(|n| !feeds.iter().any(|f| same_name(&f.name, n)))
        .unwrap_or_else(|| url.split_once("://").map_or(url, |(_, r)| r).to_owned())
}

/// The host of `url` without `www.`.
fn default_name(url: &str) -> String {
    let host = super::net::host_of(url).unwrap_or(url);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_select_remove() {
        let mut s = Subscriptions::default();
        s.add(
            "https://www.example.org/hindi/rss.xml",
            None,
            &["world".into()],
        )
        .unwrap();
        s.add("http://news.example.com/feed", Some("समाचार"), &[])
            .unwrap();
        assert_eq!(s.feeds[0].name, "example.org");
        s.add("https://example.org/other.xml", None, &[]).unwrap();
        assert_eq!(s.feeds[2].name, "example.org/other.xml");
        s.remove("example.org/other.xml").unwrap();
        let twice = s.add("http://news.example.com/feed", Some("x"), &[]);
        assert!(
            twice
                .unwrap_err()
                .to_string()
                .contains("already subscribed")
        );
        // A name another feed has: said so, not "already subscribed".
        let taken = s.add("http://other.example.net/rss", Some("समाचार"), &[]);
        let said = taken.unwrap_err().to_string();
        assert!(
            said.contains("the name समाचार is taken by http://news.example.com/feed"),
            "{said}"
        );
        assert!(s.add("file:///etc/passwd", None, &[]).is_err());
        // Trial 58: `http:///y.xml` names no host (it was taken as host `y.xml`).
        let hostless = s.add("http:///y.xml", None, &[]).unwrap_err().to_string();
        assert!(hostless.contains("it names no host"), "{hostless}");
        assert_eq!(s.select(&["world".into()]).unwrap().len(), 1);
        assert_eq!(s.select(&[]).unwrap().len(), 2);
        assert!(s.select(&["nothing".into()]).is_err());
        assert_eq!(
            s.remove("समाचार").unwrap().url,
            "http://news.example.com/feed"
        );
        assert_eq!(s.feeds.len(), 1);
    }

    /// One feed however its URL's scheme and host are cased, names and tags without
    /// case, and no control characters in a name.
    #[test]
    fn urls_names_and_tags_are_compared_as_people_mean_them() {
        let mut s = Subscriptions::default();
        s.add(
            "http://news.example.com/odd.xml",
            Some("Odd"),
            &["World".into()],
        )
        .unwrap();
        let again = s.add("HTTP://News.Example.COM/odd.xml", Some("other"), &[]);
        assert!(again.is_err(), "{again:?}");
        assert!(
            s.add("http://news.example.com/b.xml", Some("ODD"), &[])
                .is_err()
        );
        assert_eq!(s.select(&["odd".into()]).unwrap().len(), 1);
        assert_eq!(s.select(&["world".into()]).unwrap().len(), 1);
        assert_eq!(
            s.select(&["HTTP://NEWS.example.com/odd.xml".into()])
                .unwrap()
                .len(),
            1
        );
        for bad in [
            "a\tb",
            "line\nbreak",
            "esc\u{1b}[2J",
            "ab\u{202e}",
            "a\u{200b}b",
        ] {
            let e = s.add("http://x.example.com/f.xml", Some(bad), &[]);
            assert!(
                e.is_err_and(|e| e.to_string().contains("control")),
                "{bad:?}"
            );
            let e = s.add("http://x.example.com/f.xml", Some("x"), &[bad.to_owned()]);
            assert!(
                e.is_err_and(|e| e.to_string().contains("tag")),
                "tag {bad:?}"
            );
        }
        let added = s.add("HTTPS://X.Example.com", None, &[]).unwrap();
        assert_eq!(added.url, "https://x.example.com/");
        // A fragment is never sent: the same feed.
        for twin in [
            "http://news.example.com/odd.xml#top",
            "http://news.example.com/odd.xml?",
        ] {
            let twin = s.add(twin, Some("twin"), &[]);
            assert!(twin.is_err(), "{twin:?}");
        }
        // A Devanagari host is an http URL, asked for in its ASCII form.
        let idn = s.add("http://हिंदी.भारत/rss.xml", Some("idn"), &[]).unwrap();
        assert!(idn.url.starts_with("http://xn--"), "{}", idn.url);
        let bare = s
            .add("127.0.0.1:8901/rss.xml", Some("bare"), &[])
            .unwrap_err();
        assert!(
            bare.to_string()
                .contains("did you mean http://127.0.0.1:8901/rss.xml?"),
            "{bare}"
        );
        // A refused scheme gets no `http://` before it (trial 51); a host with a port does.
        for url in [
            "javascript:alert(1)",
            "file:/etc/passwd",
            "data:text/plain,x",
        ] {
            let e = s.add(url, Some("js"), &[]).unwrap_err().to_string();
            assert!(!e.contains("did you mean"), "{e}");
        }
        let e = s
            .add("localhost:8901/rss.xml", Some("lh"), &[])
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("did you mean http://localhost:8901/rss.xml?")
        );
        for tag in ["", " ", "a,b"] {
            let e = s.add("http://y.example.com/f.xml", Some("y"), &[tag.to_owned()]);
            assert!(e.is_err_and(|e| e.to_string().contains("comma")), "{tag:?}");
        }
        assert!(s.remove("oDD").is_ok());
    }

    #[test]
    fn round_trips_through_the_file_and_rejects_bad_urls() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        let mut s = Subscriptions::default();
        s.add("https://example.org/a.xml", Some("A"), &["t".into()])
            .unwrap();
        s.save(&path).unwrap();
        assert_eq!(Subscriptions::load(&path).unwrap(), s);
        std::fs::write(&path, "[[feed]]\nurl = \"ftp://x/y\"\nname = \"x\"\n").unwrap();
        let e = Subscriptions::load(&path).unwrap_err().to_string();
        assert!(e.contains("feeds.toml") && e.contains("ftp://x/y"), "{e}");
        assert!(
            Subscriptions::load(&dir.path().join("none.toml"))
                .unwrap()
                .feeds
                .is_empty()
        );
    }

    /// For fetching, a bad entry is left out with a warning that names it, and the good
    /// ones are fetched; a bad setting gives way to its default, the others stay.
    #[test]
    fn a_bad_entry_leaves_the_other_feeds_usable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        std::fs::write(
            &path,
            "[fetch]\ntimeout_seconds = \"ten\"\nparallel = 2\nfull_txt = false\n\n[[feed]]\nurl = \"https://a.example/f.xml\"\nname = \"A\"\n\n\
             [[feed]]\nurl = \"ftp://x/y\"\nname = \"X\"\n\n[[feed]]\nname = \"no url\"\n\n\
             [[feed]]\nurl = \"HTTPS://a.example/f.xml#x\"\nname = \"B\"\n",
        )
        .unwrap();
        let (subs, warnings) = Subscriptions::load_usable(&path).unwrap();
        assert_eq!(subs.feeds.len(), 1);
        assert_eq!(subs.feeds[0].name, "A");
        // The bad and the unknown key are said; the good one is kept.
        let defaults = FetchSettings::default();
        assert_eq!(subs.fetch.parallel, 2);
        assert_eq!(subs.fetch.timeout_seconds, defaults.timeout_seconds);
        assert_eq!(subs.fetch.full_text, defaults.full_text);
        assert_eq!(warnings.len(), 5, "{warnings:#?}");
        for (w, said) in warnings.iter().zip([
            "[fetch] full_txt",
            "[fetch] timeout_seconds",
            "number 2",
            "number 3",
            "number 4",
        ]) {
            assert!(w.contains("feeds.toml") && w.contains(said), "{w}");
            assert!(!w.contains('\n'), "{w}");
        }
        assert!(warnings[2].contains("ftp://x/y") && warnings[3].contains("url"));
        // Out of range: said, and the nearest value used.
        std::fs::write(&path, "[fetch]\nparallel = 0\ntimeout_seconds = 0\n").unwrap();
        let (subs, warnings) = Subscriptions::load_usable(&path).unwrap();
        assert_eq!((subs.fetch.parallel, subs.fetch.timeout_seconds), (1, 1));
        assert!(
            warnings[0].contains("[fetch] parallel: 0 is not between 1 and 16; 1 is used")
                && !warnings[0].contains("left out"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].contains("[fetch] timeout_seconds"),
            "{warnings:?}"
        );
        // The commands that rewrite the file still read it (review).
        assert!(Subscriptions::load(&path).is_ok());
        std::fs::write(&path, "[[feed]\n").unwrap();
        assert!(Subscriptions::load_usable(&path).is_err());
    }

    /// A hand-written entry without a name is named as `feeds add` names it (by its host,
    /// then host and path), not left out; an unusable one says why (its scheme), and a file
    /// that is not TOML says on which line (trial 44).
    #[test]
    fn a_hand_written_entry_without_a_name_is_named_by_its_host() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        std::fs::write(
            &path,
            "[[feed]]\nurl = \"https://www.a.example/f.xml\"\n\n[[feed]]\nurl = \"https://a.example/g.xml\"\n\n\
             [[feed]]\nurl = \"ftp://x/y\"\n\n[[feed]]\nurl = \"https://b.example/f.xml\"\n\n\
             [[feed]]\nurl = \"https://c.example/f.xml\"\nname = \"b.example\"\n",
        )
        .unwrap();
        let (subs, warnings) = Subscriptions::load_usable(&path).unwrap();
        let names: Vec<&str> = subs.feeds.iter().map(|f| f.name.as_str()).collect();
        // A name written below is not taken by a nameless entry above it.
        assert_eq!(
            names,
            [
                "a.example",
                "a.example/g.xml",
                "b.example/f.xml",
                "b.example"
            ]
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("ftp"), "{warnings:?}");
        std::fs::write(
            &path,
            "[[feed]]\nurl = \"https://a.example/f.xml\"\nname = \n",
        )
        .unwrap();
        let e = Subscriptions::load_usable(&path).unwrap_err().to_string();
        assert!(e.contains("line 3"), "{e}");
    }
}
