//! Feeds from inside the reader: `R` fetches every subscription on a worker thread (the
//! loop only hears progress, and each feed's refreshed articles, which join the list as they
//! come); `o` hands the article's link to the browser and `y` copies it through the terminal.

use std::collections::HashMap;
use std::sync::mpsc::SyncSender as Sender;

use base64::Engine as _;

use super::action::Action;
use super::app::{App, Request};
use super::event::Msg;
use crate::feeds::library::{self, Library};
use crate::feeds::{Counts, Progress, Subscriptions, fetch_all, subscriptions};

/// How many content id changes the reader remembers (see `Shown::renamed`).
const RENAMED_KEPT: usize = 1024;

/// What the fetch worker tells the loop.
#[derive(Debug)]
pub enum FeedMsg {
    /// This many feeds are being fetched.
    Started(usize),
    /// The feed of this name is being asked for.
    Began(String),
    /// One feed is done: its name, a line for the status bar, and whether it failed.
    Finished {
        name: String,
        line: String,
        failed: bool,
    },
    /// A feed's file in the library changed: its articles, read again.
    Refreshed(Box<crate::library::Arrived>),
    /// Entries rewritten with other content, `(content id before, now)`: their read marks
    /// and stars follow them (sent before their file's [`FeedMsg::Refreshed`]).
    Moved(Vec<(u64, u64)>),
    /// Entries rewritten whose earlier content another entry still carries: their marks are
    /// copied to the new version (see [`crate::feeds::fetch::FeedReport::copied`]).
    Copied(Vec<(u64, u64)>),
    /// Every feed is done.
    Done,
    /// Nothing could be fetched (no subscriptions, no data directory, another fetch).
    Refused(String),
    /// No feed is subscribed, and the files opened were looked at again instead.
    NoFeeds,
    /// The automatic refresh is due (`refresh_minutes` in `feeds.toml`).
    Due,
}

/// How far a fetch has come, for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetching {
    pub done: usize,
    pub total: usize,
    pub failed: usize,
    /// What the look at the files opened found, before the feeds (see [`super::rescan`]).
    pub files: Option<super::rescan::Rescanned>,
    /// The feeds asked for and not done yet: a slow one is named while it is waited on.
    pub waiting: crate::feeds::Waiting,
    /// The last feed's line (`name: 2 new, 0 updated`).
    last: Option<String>,
}

impl Fetching {
    /// The status line while feeds are fetched: the last feed's line and the feeds still
    /// waited on, after the feeds' count when files are loading too (the gauge counts
    /// those then).
    fn status(&self, loading: bool) -> String {
        // Before any feed is done, what `Started` said (after the files' look, if any).
        let last = self
            .last
            .clone()
            .unwrap_or_else(|| self.after_files(&format!("fetching {} feed(s)…", self.total)));
        [
            loading.then(|| format!("feeds {}/{}", self.done, self.total)),
            Some(last),
            self.waiting.line(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// `line`, after what the look at the files found, if it looked.
    fn after_files(&self, line: &str) -> String {
        match self.files {
            Some(found) => format!("{} · {line}", found.line()),
            None => line.to_owned(),
        }
    }
}

/// Sends [`FeedMsg::Due`] every `refresh_minutes` (read from `feeds.toml` on this thread,
/// not the loop's) until the reader goes away; does nothing when the setting is 0.
pub fn spawn_refresh(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let minutes = subscriptions::default_path()
            .and_then(|p| Subscriptions::load_usable(&p).ok())
            .map_or(0, |(s, _)| s.fetch.refresh_minutes);
        if minutes == 0 {
            return;
        }
        loop {
            std::thread::sleep(std::time::Duration::from_secs(minutes.saturating_mul(60)));
            if tx.send(Msg::Feed(FeedMsg::Due)).is_err() {
                return;
            }
        }
    });
}

/// Starts a fetch of every subscribed feed on its own thread; what the feeds' files hold
/// then goes into the database at `place` (extraction `rules`), and a feed's file another
/// process wrote after `since` (the reader's start, or its last fetch) joins the list.
pub fn spawn(
    tx: Sender<Msg>,
    place: crate::library::Place,
    rules: u64,
    since: std::time::SystemTime,
    look: Option<super::rescan::Look>,
) {
    std::thread::spawn(move || {
        let send = |m: FeedMsg| {
            let _ = tx.send(Msg::Feed(m));
        };
        if let Some(look) = &look {
            match &place {
                crate::library::Place::Memory => look.run(&tx, since),
                stored => look.run_stored(&tx, since, (stored, rules)),
            }
        }
        let setup = || -> Result<(Subscriptions, Library), String> {
            let path = subscriptions::default_path().ok_or("no configuration directory")?;
            let (subs, warnings) = Subscriptions::load_usable(&path).map_err(|e| e.to_string())?;
            for w in warnings {
                let _ = tx.send(Msg::Problem(w));
            }
            let dir = library::default_dir().ok_or("no data directory")?;
            Ok((subs, Library::at(dir)))
        };
        let (subs, library) = match setup() {
            // The files opened were looked at: that is what `R` did, without a word on feeds.
            Ok(ok) if ok.0.feeds.is_empty() && look.is_some() => {
                return send(FeedMsg::NoFeeds);
            }
            Ok(ok) if ok.0.feeds.is_empty() => {
                return send(FeedMsg::Refused(
                    "no feeds to fetch: subscribe with `khabar feeds add URL`".into(),
                ));
            }
            Ok(ok) => ok,
            Err(e) => return send(FeedMsg::Refused(e)),
        };
        send(FeedMsg::Started(subs.feeds.len()));
        // Before this fetch writes any: the feed files another process wrote since.
        let written_since = written_since(&subs, &library, since);
        let refreshed = std::sync::Mutex::new(Vec::new());
        let on_progress = |progress: Progress| {
            let report = match progress {
                Progress::Began(feed) => return send(FeedMsg::Began(feed.name.clone())),
                Progress::Done(report) => report,
            };
            let name = &report.feed.name;
            // Named by the feed, as `khabar fetch` names them (a URL alone says less).
            for w in &report.warnings {
                let _ = tx.send(Msg::Problem(format!("{name}: {w}")));
            }
            let (line, failed) = match &report.outcome {
                // A page's full text for an entry the feed left as it was is a change too.
                Ok(c)
                    if c.new + c.updated > 0
                        || !report.moved.is_empty()
                        || !report.copied.is_empty() =>
                {
                    send(FeedMsg::Moved(report.moved.clone()));
                    if !report.copied.is_empty() {
                        send(FeedMsg::Copied(report.copied.clone()));
                    }
                    // Read the feed's file again here, off the loop.
                    let path = library.file_of(&report.feed);
                    let (file, problems) = crate::library::read_file(&path);
                    refreshed
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push(path);
                    send(FeedMsg::Refreshed(Box::new(file)));
                    for problem in problems {
                        let _ = tx.send(Msg::Problem(problem));
                    }
                    (
                        format!("{name}: {} new, {} updated", c.new, c.updated),
                        false,
                    )
                }
                Ok(Counts {
                    waiting_until: Some(until),
                    ..
                }) => (
                    format!(
                        "{name}: not asked: its server asked to wait until {}",
                        crate::feeds::fetch::clock_at(*until)
                    ),
                    false,
                ),
                Ok(_) => (format!("{name}: nothing new"), false),
                Err(e) => (format!("{name}: {e}"), true),
            };
            send(FeedMsg::Finished {
                name: name.clone(),
                line,
                failed,
            });
        };
        let fetched = library
            .lock()
            .and_then(|lock| fetch_all(&subs.feeds, &subs.fetch, (&library, &lock), &on_progress));
        match fetched {
            Ok(_) => {
                let refreshed = refreshed
                    .into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let news = (refreshed.as_slice(), written_since.as_slice());
                store_feeds(&subs, &library, (&place, rules), news, &tx);
                send(FeedMsg::Done);
            }
            Err(e) => send(FeedMsg::Refused(e.to_string())),
        }
    });
}

/// The feed files written since `since` (the reader's start or its last fetch), looked at
/// before this fetch writes any: another process wrote them (a fetch from the shell).
fn written_since(
    subs: &Subscriptions,
    library: &Library,
    since: std::time::SystemTime,
) -> Vec<std::path::PathBuf> {
    subs.feeds
        .iter()
        .map(|f| library.file_of(f))
        .filter(|p| {
            let written = std::fs::metadata(p).and_then(|m| m.modified());
            written.is_ok_and(|at| at > since)
        })
        .collect()
}

/// Brings every feed's file into the database (the list has what this fetch changed
/// already; a link, an export and the next start read them from there), and hands the
/// list the files another process wrote before this fetch (`written_since`, less those
/// this fetch `refreshed`): the feed answers this fetch "not modified" or nothing new,
/// and the list would otherwise wait for the next start. A file only this fetch rewrote
/// with nothing new (its entries' fetch times) is no news: it joined the list of a
/// reader opened on a folder.
fn store_feeds(
    subs: &Subscriptions,
    library: &Library,
    (place, rules): (&crate::library::Place, u64),
    (refreshed, written_since): (&[std::path::PathBuf], &[std::path::PathBuf]),
    tx: &Sender<Msg>,
) {
    use crate::library::{Check, Corpus};
    let files: Vec<_> = subs
        .feeds
        .iter()
        .map(|f| library.file_of(f))
        .filter(|p| p.is_file())
        .collect();
    for path in written_since.iter().filter(|p| !refreshed.contains(p)) {
        let (file, problems) = crate::library::read_file(path);
        let _ = tx.send(Msg::Feed(FeedMsg::Refreshed(Box::new(file))));
        for problem in problems {
            let _ = tx.send(Msg::Problem(problem));
        }
    }
    if files.is_empty() || matches!(place, crate::library::Place::Memory) {
        return;
    }
    let stored = Corpus::open_in(place, rules).and_then(|(mut corpus, _)| {
        corpus.add_following(&files, Check::Stamps, false, &mut |_| {})
    });
    if let Err(e) = stored {
        let _ = tx.send(Msg::Problem(format!(
            "the fetched articles could not be stored: {e}"
        )));
    }
}

impl App {
    /// The paths of the articles in the list, once each, with a sum over their articles'
    /// content ids (see [`super::rescan::mix`]), for a look at the files again
    /// ([`super::rescan`]): handles to the list's own strings, nothing read.
    pub fn listed_paths(&self) -> Vec<(std::sync::Arc<str>, u64)> {
        let mut held: HashMap<std::sync::Arc<str>, u64> = HashMap::new();
        for (i, doc) in self.corpus.entries.iter().enumerate() {
            let gone = u32::try_from(i).is_ok_and(|i| self.corpus.index.is_gone(i));
            if !gone {
                let sum = held.entry(std::sync::Arc::clone(&doc.path)).or_default();
                *sum = sum.wrapping_add(super::rescan::mix(doc));
            }
        }
        held.into_iter().collect()
    }

    /// What `R`'s look at the files found: said now, and again beside the feeds' count.
    pub fn rescanned(&mut self, found: super::rescan::Rescanned) {
        if let Some(f) = &mut self.fetching {
            f.files = Some(found);
        }
        self.status = Some(found.line());
    }

    pub(super) fn request_fetch(&mut self) {
        if self.fetching.is_some() {
            self.status = Some("a fetch is already under way".into());
        } else {
            // Under way from now, so a second `R` or a refresh before the worker reports
            // does not start another.
            self.fetching = Some(Fetching::default());
            self.request = Request::Fetch;
        }
    }

    pub(super) fn request_link(&mut self, action: Action) {
        // The list entry does not carry the link; the open article does.
        let link = self
            .current()
            .and_then(|e| e.article.url.clone())
            .filter(|u| !u.trim().is_empty());
        let refused = link
            .as_deref()
            .is_some_and(|u| crate::feeds::net::check_url(u).is_err());
        let url = link.filter(|_| !refused);
        self.request = match (url, action) {
            (Some(url), Action::OpenLink) => Request::OpenLink(url),
            (Some(url), _) => Request::CopyLink(url),
            (None, _) => {
                self.status = Some(if refused {
                    // Shown on the border, but not a web address a browser is given (trial
                    // 49: it was said to be missing).
                    "this article's link is not a plain http(s) address, so it is neither \
                     opened nor copied"
                        .into()
                } else if self.current().is_some() {
                    "this article has no web link".into()
                } else {
                    "no article shown".into()
                });
                Request::None
            }
        };
    }

    /// Whether files are loading (the gauge counts them, not the feeds, meanwhile).
    fn files_loading(&self) -> bool {
        !self.corpus.progress.finished && self.corpus.progress.total > 0
    }

    /// A message from the fetch worker.
    pub fn feed_event(&mut self, msg: FeedMsg) {
        match msg {
            FeedMsg::Started(total) => {
                let f = Fetching {
                    total,
                    files: self.fetching.as_ref().and_then(|f| f.files),
                    ..Fetching::default()
                };
                self.status = Some(f.after_files(&format!("fetching {total} feed(s)…")));
                self.fetching = Some(f);
            }
            FeedMsg::Began(name) => {
                let loading = self.files_loading();
                let f = self.fetching.get_or_insert_with(Fetching::default);
                f.waiting.began(name);
                self.status = Some(f.status(loading));
            }
            FeedMsg::Finished { name, line, failed } => {
                // A feed failing again the same way is one warning, not one per fetch.
                if failed && !self.problems.contains(&line) {
                    self.problems.push(line.clone());
                }
                let loading = self.files_loading();
                let f = self.fetching.get_or_insert_with(Fetching::default);
                f.done += 1;
                f.failed += usize::from(failed);
                f.waiting.done(&name);
                f.last = Some(line);
                self.status = Some(f.status(loading));
            }
            FeedMsg::Copied(pairs) => self.user.copy_marks(&pairs),
            FeedMsg::Moved(moves) => {
                self.user.carry(&moves);
                // Only the latest matter: they come just before their file's articles.
                let keep = self.shown.renamed.len().saturating_sub(RENAMED_KEPT);
                self.shown.renamed.drain(..keep);
                self.shown.renamed.extend(moves);
            }
            FeedMsg::Refreshed(file) => {
                // Its warnings come again after it, with the lines they are on now.
                let path = file.path.display().to_string();
                self.problems.retain(|p| {
                    !p.strip_prefix(path.as_str())
                        .is_some_and(|rest| rest.starts_with(':'))
                });
                self.replace_file(*file);
                self.refresh();
            }
            FeedMsg::Done => {
                let f = self.fetching.take().unwrap_or_default();
                let line = if f.failed == 0 {
                    format!("fetched {} feed(s)", f.total)
                } else {
                    format!(
                        "fetched {} feed(s), {} failed (see the warnings)",
                        f.total, f.failed
                    )
                };
                self.status = Some(f.after_files(&line));
            }
            // A refresh that falls during a fetch is skipped, not queued.
            FeedMsg::Due if self.fetching.is_none() => self.request_fetch(),
            FeedMsg::Due => {}
            FeedMsg::Refused(why) => {
                self.fetching = None;
                self.status = Some(format!("cannot fetch: {why}"));
            }
            // The status bar says what the look at the files found.
            FeedMsg::NoFeeds => self.fetching = None,
        }
    }
}

/// Opens `url` with `$BROWSER`, else the platform's opener, waiting for it (a terminal
/// browser needs the terminal, which the caller has handed back to the shell).
pub fn open_link(url: &str) -> Result<(), String> {
    let opener = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            }
            .into()
        });
    let mut words = opener.split_whitespace();
    let program = words.next().unwrap_or("xdg-open");
    std::process::Command::new(program)
        .args(words)
        .arg(url)
        .status()
        .map_err(|e| format!("{program}: {e}"))
        .and_then(|s| {
            if s.success() {
                Ok(())
            } else {
                Err(format!("{program} failed ({s})"))
            }
        })
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A feed file written by another process between the last fetch and this one joins
    /// the list; one this fetch rewrote with nothing new does not (it joined the list of a
    /// reader opened on a folder, as if new).
    #[test]
    fn only_files_written_between_fetches_join_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::at(dir.path().to_owned());
        let mut subs = Subscriptions::default();
        subs.add("http://127.0.0.1:1/a.xml", Some("एक"), &[])
            .unwrap();
        let file = library.file_of(&subs.feeds[0]);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let since = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        std::fs::write(
            &file,
            r#"{"title":"नदी पर पुल","body":"पुल खुला।","source":"एक","guid":"1","fetched":"2024-06-18T08:00:00Z","feed_hash":1}"#,
        )
        .unwrap();
        let joined = |since: std::time::SystemTime| {
            let shell = written_since(&subs, &library, since);
            // This fetch rewrites the file with nothing new.
            std::fs::write(&file, std::fs::read(&file).unwrap()).unwrap();
            let (tx, rx) = std::sync::mpsc::sync_channel(64);
            let place = crate::library::Place::Memory;
            store_feeds(&subs, &library, (&place, 1), (&[], &shell), &tx);
            drop(tx);
            rx.iter()
                .filter(|m| matches!(m, Msg::Feed(FeedMsg::Refreshed(_))))
                .count()
        };
        assert_eq!(
            joined(since),
            1,
            "written by another process since the last fetch"
        );
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(1);
        assert_eq!(joined(later), 0, "written by this fetch alone");
    }

    #[test]
    fn osc52_carries_the_link_in_base64() {
        assert_eq!(osc52("http://a/ब"), "\x1b]52;c;aHR0cDovL2Ev4KSs\x07");
    }
}
