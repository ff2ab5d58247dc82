//! `khabar feeds …` (subscriptions) and `khabar fetch` (bringing the news into the library).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::{Context, Result};
use clap::Subcommand;

use khabar::feeds::library::{self, Library};
use khabar::feeds::{
    Counts, FeedError, FeedReport, Progress, Subscriptions, fetch_all, opml, subscriptions,
};
use khabar::text::sanitize;

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to the RSS or Atom feed at URL.
    Add {
        url: String,
        /// The name its articles show as their source (default: the URL's host).
        #[arg(long)]
        name: Option<String>,
        /// A tag to fetch or filter feeds by; may be repeated.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// List the subscriptions: name, URL, tags (tab-separated).
    List {
        /// One JSON object per line instead: name, url, tags, the library file of its
        /// articles, how many it holds and when the newest was fetched.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe from the feed with this URL or name (its articles stay in the library
    /// unless --purge is given; `remove URL --purge` also deletes the articles of a feed
    /// unsubscribed before).
    Remove {
        key: String,
        /// Also delete the feed's fetched articles.
        #[arg(long)]
        purge: bool,
    },
    /// Subscribe to every feed of an OPML file (from another feed reader).
    Import { file: PathBuf },
    /// Print the subscriptions as OPML.
    Export,
}

fn feeds_path() -> Result<PathBuf> {
    subscriptions::default_path()
        .context("no configuration directory: neither XDG_CONFIG_HOME nor HOME is set")
}

fn library() -> Result<Library> {
    library::default_dir()
        .map(Library::at)
        .context("no data directory: neither XDG_DATA_HOME nor HOME is set")
}

/// `println!` for what the feed commands report on standard output. Its reader may go
/// away (`khabar fetch | head -1`, `feeds list | true`): a closed pipe is the reader's
/// choice, so printing stops quietly and the work goes on (every feed is still fetched
/// and stored), where `println!` would panic and drop the rest.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

fn show(text: &str) -> String {
    sanitize(text, false).into_owned()
}

/// The subscriptions for reading them (fetch, list, export): a bad entry is said and
/// left out, the others stay usable.
fn usable(path: &Path) -> Result<Subscriptions> {
    let (subs, warnings) = Subscriptions::load_usable(path)?;
    for w in warnings {
        eprintln!("khabar: warning: {}", show(&w));
    }
    Ok(subs)
}

pub fn run(command: FeedsCommand) -> Result<ExitCode> {
    let path = feeds_path()?;
    // Commands that rewrite the file take it whole or not at all: one that left a bad
    // entry out would delete it.
    let mut subs = match command {
        FeedsCommand::List { .. } | FeedsCommand::Export => usable(&path)?,
        _ => Subscriptions::load(&path)?,
    };
    match command {
        FeedsCommand::Add { url, name, tags } => {
            let feed = subs.add(&url, name.as_deref(), &tags)?.clone();
            subs.save(&path)?;
            say!("subscribed: {} ({})", show(&feed.name), show(&feed.url));
        }
        FeedsCommand::List { json: true } => list_json(&subs, &library()?)?,
        FeedsCommand::List { json: false } => {
            for f in &subs.feeds {
                say!(
                    "{}\t{}\t{}",
                    show(&f.name),
                    show(&f.url),
                    show(&f.tags.join(","))
                );
            }
        }
        FeedsCommand::Remove { key, purge } => {
            let library = library()?;
            let feed = match subs.remove(&key) {
                Ok(feed) => feed,
                Err(e) => return remove_former(&key, purge, &library, e),
            };
            subs.save(&path)?;
            library.forget(&feed)?;
            let held = purge.then(|| held(&library, &feed));
            let purged = purge && library.purge(&feed)?;
            say!(
                "unsubscribed: {} ({}){}",
                show(&feed.name),
                show(&feed.url),
                match held {
                    Some(held) if purged => format!("; {}", deleted(held)),
                    _ => String::new(),
                }
            );
        }
        FeedsCommand::Import { file } => return import(&file, &mut subs, &path),
        FeedsCommand::Export => {
            let opml = opml::export(&subs.feeds);
            let _ = std::io::stdout().lock().write_all(opml.as_bytes());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `feeds remove KEY` where no subscription is KEY: with `--purge` and the URL of a feed
/// whose articles are still in the library (unsubscribed earlier), those are deleted.
fn remove_former(
    key: &str,
    purge: bool,
    library: &Library,
    not_found: khabar::feeds::FeedError,
) -> Result<ExitCode> {
    let former = Subscriptions::former(key).filter(|f| library.file_of(f).is_file());
    match former {
        Some(feed) if purge => {
            let held = held(library, &feed);
            library.purge(&feed)?;
            library.forget(&feed)?;
            say!("not subscribed: {}; {}", show(&feed.url), deleted(held));
            Ok(ExitCode::SUCCESS)
        }
        Some(feed) => Err(anyhow::anyhow!(
            "{not_found}; the library still holds articles from {} (add --purge to delete them)",
            show(&feed.url)
        )),
        None => Err(not_found.into()),
    }
}

/// One feed as `feeds list --json` prints it.
#[derive(serde::Serialize)]
struct Listed<'a> {
    name: &'a str,
    url: &'a str,
    tags: &'a [String],
    /// The library file its articles are kept in (it may not exist yet).
    file: String,
    /// How many articles it holds; none when the file cannot be read.
    articles: Option<usize>,
    /// When the newest of them was fetched (RFC 3339).
    last_fetched: Option<String>,
    /// When the feed was last fetched without failing, new entries or none (RFC 3339).
    last_checked: Option<&'a str>,
}

fn list_json(subs: &Subscriptions, library: &Library) -> Result<()> {
    let state = library.fetch_state();
    let mut out = std::io::stdout().lock();
    for f in &subs.feeds {
        let stored = library
            .load(f)
            .map_err(|e| eprintln!("khabar: warning: {}", show(&e.to_string())))
            .ok();
        let record = Listed {
            name: &f.name,
            url: &f.url,
            tags: &f.tags,
            file: library.file_of(f).display().to_string(),
            articles: stored.as_ref().map(Vec::len),
            last_fetched: stored
                .as_ref()
                .and_then(|s| s.iter().map(|a| a.fetched.as_str()).max())
                .map(str::to_owned),
            last_checked: state.checked.get(&f.url).map(String::as_str),
        };
        // Escaped as `list --json` is: names from OPML files are read on terminals too.
        match writeln!(out, "{}", khabar::text::json::to_line(&record)?) {
            // A closed pipe (`| head -1`) is the reader's choice, not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            other => other?,
        }
    }
    Ok(())
}

fn import(file: &Path, subs: &mut Subscriptions, path: &Path) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let (feeds, skipped) = opml::parse(&text, &file.display().to_string())?;
    for why in skipped {
        let file = file.display().to_string();
        eprintln!("khabar: warning: {}: {}", show(&file), show(&why));
    }
    let mut added = 0;
    for f in feeds {
        if subs.has_url(&f.url) {
            eprintln!("khabar: note: already subscribed: {}", show(&f.url));
            continue;
        }
        // A name holds no control or invisible characters: an OPML file's are spaces here,
        // in its tags too.
        let clean = |t: &str| {
            let spaced: String = t
                .chars()
                .map(|c| {
                    if khabar::feeds::subscriptions::unseen(c) {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            spaced.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let name = clean(&f.name);
        let tags: Vec<String> = f
            .tags
            .iter()
            .flat_map(|t| t.split(',').map(clean).collect::<Vec<_>>())
            .filter(|t| !t.is_empty())
            .collect();
        // Two sites' "Top Stories" stay two feeds: a taken name gets the site's host. An
        // untitled outline is named as `feeds add` names a feed (trial 56: by its whole URL).
        let name = if name.is_empty() {
            None
        } else if subs.has_name(&name) {
            let host = khabar::feeds::net::host_of(&f.url).unwrap_or_default();
            Some(format!("{name} ({host})"))
        } else {
            Some(name)
        };
        match subs.add(&f.url, name.as_deref(), &tags) {
            Ok(_) => added += 1,
            Err(e) => eprintln!("khabar: note: {}", show(&e.to_string())),
        }
    }
    subs.save(path)?;
    say!("{added} feed(s) added from {}", file.display());
    Ok(ExitCode::SUCCESS)
}

/// Exit code when another fetch holds the library (`EX_TEMPFAIL` of `sysexits.h`: try again
/// later), so that a script or cron job can tell it from a feed that failed (trial 56).
const BUSY: u8 = 75;

/// `khabar fetch [--wait] [NAME|TAG...]`: exit 0 when every feed was fetched, 1 when any
/// failed, 75 when another fetch holds the library (unless `wait`).
pub fn fetch(keys: &[String], wait: bool) -> Result<ExitCode> {
    let chosen = || -> Result<Option<(Subscriptions, Vec<subscriptions::Feed>)>> {
        let subs = usable(&feeds_path()?)?;
        match subs.select(keys) {
            Ok(feeds) => Ok(Some((subs, feeds))),
            Err(e) => {
                eprintln!("khabar: error: {}", show(&e.to_string()));
                Ok(None)
            }
        }
    };
    let Some((mut subs, mut feeds)) = chosen()? else {
        return Ok(ExitCode::from(2));
    };
    if feeds.is_empty() {
        eprintln!("khabar: no feeds to fetch; subscribe with `khabar feeds add URL`");
        return Ok(ExitCode::SUCCESS);
    }
    let library = library()?;
    let lock = match library.lock() {
        Ok(lock) => lock,
        Err(FeedError::Busy { .. }) if wait => {
            eprintln!(
                "khabar: another khabar is fetching into this library; waiting for it to end"
            );
            let lock = library.wait_for_lock()?;
            // The subscriptions may have changed while it waited (a feed removed).
            let Some(now) = chosen()? else {
                return Ok(ExitCode::from(2));
            };
            (subs, feeds) = now;
            lock
        }
        Err(e @ FeedError::Busy { .. }) => {
            eprintln!(
                "khabar: error: {}; `khabar fetch --wait` waits for it",
                show(&e.to_string())
            );
            return Ok(ExitCode::from(BUSY));
        }
        Err(e) => {
            eprintln!("khabar: error: {}", show(&e.to_string()));
            return Ok(ExitCode::from(1));
        }
    };
    // On a terminal, a bar under the reports: feeds done, and those still waited on.
    let bar = std::io::stderr()
        .is_terminal()
        .then(|| Mutex::new(Bar::new(feeds.len())));
    let in_order = Mutex::new(InOrder::new(feeds.len()));
    let on_progress = |progress: Progress| {
        let mut err = std::io::stderr().lock();
        if bar.is_some() {
            // Clear the bar's line before printing above it.
            let _ = write!(err, "\r\x1b[2K");
        }
        if let Progress::Done(report) = progress {
            let mut order = in_order.lock().expect("order lock");
            let at = feeds.iter().position(|f| f.url == report.feed.url);
            for text in order.done(at.unwrap_or(usize::MAX), report_text(report)) {
                print(&text, &mut err);
            }
        }
        if let Some(bar) = &bar {
            let mut b = bar.lock().expect("bar lock");
            b.follow(&progress);
            let _ = write!(err, "{}", b.line());
            let _ = err.flush();
        }
    };
    let reports = fetch_all(&feeds, &subs.fetch, (&library, &lock), &on_progress);
    if bar.is_some() {
        eprint!("\r\x1b[2K");
    }
    // The library's state could not be written: the feeds are not at fault, but the fetch
    // did not do its work either.
    let reports = match reports {
        Ok(r) => r,
        Err(e) => {
            eprintln!("khabar: error: {}", show(&e.to_string()));
            return Ok(ExitCode::from(1));
        }
    };
    carry_state(&reports);
    let failed = reports.iter().filter(|r| r.outcome.is_err()).count();
    if failed > 0 {
        eprintln!("khabar: {failed} of {} feed(s) failed", reports.len());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// How many articles `feed`'s library file holds, and how many of them are starred: a
/// purge says what it deletes, stars included (a trial purged a starred article unawares).
fn held(library: &Library, feed: &subscriptions::Feed) -> (usize, Option<usize>) {
    let mut problems = Vec::new();
    let articles = khabar::corpus::read_file(&library.file_of(feed), &mut problems);
    // The stars are in the database; one that cannot be opened leaves them unknown, which
    // is said rather than counted as none.
    let starred = khabar::store::Store::open_default().ok().map(|(store, _)| {
        articles
            .iter()
            .filter(|a| {
                store
                    .is_starred(khabar::state::content_id(a))
                    .unwrap_or(false)
            })
            .count()
    });
    (articles.len(), starred)
}

/// `2 articles deleted (1 of them starred)`.
fn deleted((articles, starred): (usize, Option<usize>)) -> String {
    let plural = if articles == 1 { "" } else { "s" };
    match starred {
        Some(0) => format!("{articles} article{plural} deleted"),
        Some(n) => format!("{articles} article{plural} deleted ({n} of them starred)"),
        None => format!(
            "{articles} article{plural} deleted (whether any was starred is unknown: the database could not be opened)"
        ),
    }
}

/// The read marks and stars of entries the fetch rewrote go to their new versions.
fn carry_state(reports: &[FeedReport]) {
    let moves: Vec<(u64, u64)> = reports
        .iter()
        .flat_map(|r| r.moved.iter().copied())
        .collect();
    let copies: Vec<(u64, u64)> = reports
        .iter()
        .flat_map(|r| r.copied.iter().copied())
        .collect();
    if moves.is_empty() && copies.is_empty() {
        return;
    }
    let (mut state, notes) = khabar::state::UserState::open_default();
    for note in notes {
        eprintln!("khabar: {}", show(&note));
    }
    state.carry(&moves);
    state.copy_marks(&copies);
    state.flush();
    for problem in state.take_problems() {
        eprintln!("khabar: warning: {}", show(&problem));
    }
}

/// `khabar fetch`'s progress on a terminal: feeds done, and the feeds still waited on
/// (a feed that hangs is named while it does, not only when it times out).
struct Bar {
    done: usize,
    total: usize,
    waiting: khabar::feeds::Waiting,
}

impl Bar {
    fn new(total: usize) -> Self {
        Self {
            done: 0,
            total,
            waiting: khabar::feeds::Waiting::default(),
        }
    }

    fn follow(&mut self, progress: &Progress) {
        self.waiting.follow(progress);
        if let Progress::Done(_) = progress {
            self.done += 1;
        }
    }

    fn line(&self) -> String {
        const WIDTH: usize = 24;
        let (done, total) = (self.done, self.total);
        let filled = done * WIDTH / total.max(1);
        let mut line = format!(
            "\r[{}{}] {done}/{total} feeds",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled)
        );
        if let Some(waiting) = self.waiting.line() {
            line.push_str(" · ");
            line.push_str(&show(&waiting));
        }
        // One terminal row: a line that wraps leaves its first rows behind at each redraw
        // (`\r` and clearing reach back over the last only).
        let columns = crossterm::terminal::size().map_or(80, |(c, _)| usize::from(c));
        cut_to_width(&line, columns.saturating_sub(1))
    }
}

/// `text` cut to at most `columns` terminal columns, at a character (the bar's names are
/// sanitized: no escape sequences to cut into).
fn cut_to_width(text: &str, columns: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut width = 0;
    text.chars()
        .take_while(|c| {
            width += c.width().unwrap_or(0);
            width <= columns
        })
        .collect()
}

/// What `khabar fetch` says of one feed: its line for stdout (what came) and its
/// problems for stderr.
struct ReportText {
    out: String,
    err: String,
}

/// Reports printed in the order of the subscriptions, whichever feed ends first (trial 56:
/// a script's diff of two runs saw feeds change places): a report waits for those before
/// it, as `parallel --keep-order` does, and the bar names the feed they wait on.
struct InOrder {
    ready: Vec<Option<ReportText>>,
    next: usize,
}

impl InOrder {
    fn new(feeds: usize) -> Self {
        Self {
            ready: (0..feeds).map(|_| None).collect(),
            next: 0,
        }
    }

    /// Feed `at` is done: the reports now due, in order. A feed not in the list (`at` out
    /// of range) is due at once rather than lost.
    fn done(&mut self, at: usize, text: ReportText) -> Vec<ReportText> {
        let Some(slot) = self.ready.get_mut(at) else {
            return vec![text];
        };
        *slot = Some(text);
        let mut due = Vec::new();
        while let Some(text) = self.ready.get_mut(self.next).and_then(Option::take) {
            due.push(text);
            self.next += 1;
        }
        due
    }
}

fn print(text: &ReportText, err: &mut impl Write) {
    let _ = err.write_all(text.err.as_bytes());
    let _ = err.flush();
    say!("{}", text.out);
}

/// One line per feed for stdout (what came), problems for stderr.
fn report_text(r: &FeedReport) -> ReportText {
    use std::fmt::Write as _;
    let name = show(&r.feed.name);
    let mut err = String::new();
    for w in &r.warnings {
        let _ = writeln!(err, "khabar: warning: {name}: {}", show(w));
    }
    let out = match &r.outcome {
        Ok(c) if c.not_modified => format!("{name}: not modified"),
        Ok(Counts {
            waiting_until: Some(until),
            ..
        }) => format!(
            "{name}: not asked: its server asked to wait until {}",
            khabar::feeds::fetch::clock_at(*until)
        ),
        Ok(c) => format!(
            "{name}: {} new, {} updated, {} unchanged ({} with full text from their page)",
            c.new, c.updated, c.unchanged, c.full_text
        ),
        Err(e) => {
            let _ = writeln!(err, "khabar: error: {name}: {}", show(&e.to_string()));
            // Still one line per feed on stdout, for scripts that read it.
            format!("{name}: failed")
        }
    };
    ReportText { out, err }
}

/// The folder `khabar` and `khabar list` open when no PATH is given: the library of
/// fetched articles if it holds any, else nothing (the bundled samples).
pub fn default_paths() -> Vec<PathBuf> {
    library::default_dir()
        .filter(|d| Library::at(d.clone()).has_articles())
        .into_iter()
        .collect()
}

/// Source names for `list --source`: each name as given, plus the names of the feeds a
/// tag among them stands for.
pub fn expand_sources(names: &[String]) -> Vec<String> {
    let subs = feeds_path()
        .ok()
        .and_then(|p| Subscriptions::load_usable(&p).ok())
        .map(|(subs, _)| subs)
        .unwrap_or_default();
    let mut out = names.to_vec();
    for name in names {
        out.extend(
            subs.feeds
                .iter()
                .filter(|f| f.tags.iter().any(|t| t.eq_ignore_ascii_case(name)))
                .map(|f| f.name.clone()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trial 56: reports came in the order feeds ended; they follow the subscriptions.
    #[test]
    fn reports_come_in_the_order_of_the_subscriptions() {
        let text = |name: &str| ReportText {
            out: name.to_owned(),
            err: String::new(),
        };
        let names = |due: Vec<ReportText>| due.into_iter().map(|t| t.out).collect::<Vec<_>>();
        let mut order = InOrder::new(3);
        assert!(order.done(2, text("c")).is_empty());
        assert_eq!(names(order.done(usize::MAX, text("stray"))), ["stray"]);
        assert_eq!(names(order.done(0, text("a"))), ["a"]);
        assert_eq!(names(order.done(1, text("b"))), ["b", "c"]);
    }

    /// The bar stays on one row: cut at the width, wide characters counted as two.
    #[test]
    fn the_bar_is_cut_to_the_terminal() {
        assert_eq!(cut_to_width("[##--] 1/2 feeds", 10), "[##--] 1/2");
        assert_eq!(cut_to_width("समाचार", 3), "समा");
        assert_eq!(cut_to_width("新闻报道", 5), "新闻");
        assert_eq!(cut_to_width("short", 80), "short");
    }
}
