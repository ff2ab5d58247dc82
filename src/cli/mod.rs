//! Command-line interface: the reader by default, and scriptable commands beside it.
// Doc comments here are also `--help` text, where Markdown backticks would show literally.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use khabar::corpus;
use khabar::index::{DateRange, Sort};
use khabar::text::sanitize;
use khabar::text::width::WidthModel;

mod extract;
mod feeds;
mod list;
mod reader;
mod stored;

/// A terminal reader for Hindi news: articles, people, places and dates.
///
/// With no command, opens the reader on PATHs (files or folders of .txt and .jsonl
/// articles), or on the bundled sample articles when no PATH is given.
#[derive(Debug, Parser)]
#[command(name = "khabar", version)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to open (default: the library of fetched articles, else the bundled
    /// samples).
    paths: Vec<PathBuf>,
    /// Configuration file (default: $XDG_CONFIG_HOME/khabar/config.toml).
    #[arg(long, value_name = "PATH", global = true)]
    config: Option<PathBuf>,
    /// Keep nothing of the corpus: read every file afresh, into a database in memory (read
    /// state and stars are still kept).
    #[arg(long, global = true)]
    no_cache: bool,
    /// How the terminal measures Devanagari clusters: per-code-point (xterm, VTE,
    /// Alacritty, tmux), cluster-capped (WezTerm), one-cell (kitty), mode-2027 (Ghostty).
    #[arg(long, value_name = "NAME", global = true)]
    width_model: Option<WidthModel>,
    /// Start afresh: do not reopen the article, position, sort and filters of the last
    /// session on these paths (and forget them).
    #[arg(long, global = true)]
    fresh: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print what khabar finds in each article: title, source, byline, date, people,
    /// places, organisations and dates.
    Extract {
        /// One JSON object per article per line (the stable machine-readable contract).
        #[arg(long)]
        json: bool,
        /// Files or folders; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the articles that match every filter given (exit code 1 when none does).
    List(ListArgs),
    /// Manage feed subscriptions (kept in $XDG_CONFIG_HOME/khabar/feeds.toml).
    Feeds {
        #[command(subcommand)]
        command: feeds::FeedsCommand,
    },
    /// Fetch every subscribed feed (or those named, by name, URL or tag) into the library,
    /// with the full text of entries that carry only a summary. Exit code 1 when any feed
    /// failed.
    Fetch {
        /// Feeds to fetch, by name, URL or tag (default: all).
        names: Vec<String>,
        /// When another fetch is writing into the library (the reader's `R`, a cron job),
        /// wait for it to end instead of stopping with exit code 75.
        #[arg(long)]
        wait: bool,
    },
}

/// A filter's value: blank would match nothing (a name) or everything (a search), never
/// what was meant, so it is refused with exit code 2 like any bad value.
fn not_blank(value: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        Err("it is empty; give a name or text to look for".to_owned())
    } else {
        Ok(value.to_owned())
    }
}

impl Command {
    /// The command's name, as typed.
    const fn name(&self) -> &'static str {
        match self {
            Self::Extract { .. } => "extract",
            Self::List(_) => "list",
            Self::Feeds { .. } => "feeds",
            Self::Fetch { .. } => "fetch",
        }
    }
}

// Command-line switches, each independent of the others.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, clap::Args)]
struct ListArgs {
    /// Articles mentioning this person (any spelling: putin, Putin, पुतिन, व्लादिमीर पुतिन).
    #[arg(long, value_name = "NAME", value_parser = not_blank)]
    person: Vec<String>,
    /// Articles mentioning this place.
    #[arg(long, value_name = "NAME", value_parser = not_blank)]
    place: Vec<String>,
    /// Articles mentioning this organisation.
    #[arg(long, value_name = "NAME", value_parser = not_blank)]
    org: Vec<String>,
    /// Articles published in RANGE: 2024, 2024-06, 2024-06-19, 2023-09..2024-01, ..2023,
    /// 2024.., "जून 2024".
    #[arg(long, value_name = "RANGE")]
    date: Option<DateRange>,
    /// Articles whose text mentions a date in RANGE (same forms as --date).
    #[arg(long, value_name = "RANGE")]
    mentions_date: Option<DateRange>,
    /// Articles from this source: a publisher or feed name, or a feed tag (any case); may
    /// be repeated (any of them).
    #[arg(long, value_name = "NAME", value_parser = not_blank)]
    source: Vec<String>,
    /// Articles whose title or text contains TEXT (spelling variants, digits and case folded).
    #[arg(long, value_name = "TEXT", value_parser = not_blank)]
    search: Option<String>,
    /// Order: newest (default), oldest, title, source.
    #[arg(long, value_name = "KEY", default_value = "newest")]
    sort: Sort,
    /// Only the articles starred in the reader (`*`).
    #[arg(long)]
    starred: bool,
    /// Only the articles not marked read in the reader.
    #[arg(long)]
    unread: bool,
    /// One JSON object per article per line.
    #[arg(long)]
    json: bool,
    /// Walk every folder and compare every file's content hash (otherwise the database
    /// answers when no folder changed, and a file rewritten in place is not noticed).
    #[arg(long)]
    rescan: bool,
    /// Files or folders; `-` reads standard input (default: the library of fetched
    /// articles, else the bundled samples).
    paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (user_gazetteer, gazetteer_problems) = install_user_gazetteer();
    RULES_FINGERPRINT.get_or_init(|| khabar::library::rules_fingerprint(&user_gazetteer));
    let args_no_cache = args.no_cache;
    if let Some(command) = &args.command {
        // Options only the reader reads: said rather than silently ignored (a config file
        // passed to `list` is never looked at, so none of its problems would show).
        for (given, option) in [
            (args.config.is_some(), "--config"),
            (args.width_model.is_some(), "--width-model"),
            (args.fresh, "--fresh"),
        ] {
            if given {
                eprintln!(
                    "khabar: warning: {option} is the reader's option; `{}` does not use it",
                    command.name()
                );
            }
        }
    }
    // The reader shows them in its warnings view; a command says them here.
    let gazetteer_problems = if args.command.is_some() {
        for p in &gazetteer_problems {
            eprintln!("khabar: warning: {}", sanitize(p, false));
        }
        Vec::new()
    } else {
        gazetteer_problems
    };
    match args.command {
        Some(Command::Extract { json, paths }) => extract::run(&paths, json),
        Some(Command::List(mut args)) => {
            if args.paths.is_empty() {
                args.paths = feeds::default_paths();
            }
            list::run(&args, args_no_cache)
        }
        Some(Command::Feeds { command }) => feeds::run(command),
        Some(Command::Fetch { names, wait }) => feeds::fetch(&names, wait),
        None => reader::run(
            if args.paths.is_empty() {
                feeds::default_paths()
            } else {
                args.paths
            },
            args.config.as_deref(),
            args.width_model,
            args.no_cache,
            args.fresh,
            gazetteer_problems,
        ),
    }
}

/// Turns transparent huge pages off for this process where the kernel has them (Linux):
/// the short-lived commands allocate small and scattered, and each 2 MiB page touched
/// counts whole and is zeroed at first touch.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Prints each problem to stderr (made safe for the terminal); says whether any path was
/// lost entirely.
pub fn report_problems(problems: &[corpus::Problem]) -> bool {
    for p in problems {
        let level = if p.is_error() { "error" } else { "warning" };
        eprintln!("khabar: {level}: {}", sanitize(&p.to_string(), false));
    }
    problems.iter().any(corpus::Problem::is_error)
}

pub fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Extends the built-in gazetteer with `$XDG_CONFIG_HOME/khabar/gazetteer.toml` (same
/// layout as `assets/gazetteer-*.toml`), if the user has one. Each bad part of the file is
/// skipped and said, naming the file and the line; the rest is used.
/// Returns the text installed (empty when none), which the rules' fingerprint includes,
/// and the problems.
fn install_user_gazetteer() -> (String, Vec<String>) {
    let Some(path) = khabar::tui::config::default_path()
        .and_then(|c| c.parent().map(|d| d.join("gazetteer.toml")))
    else {
        return (String::new(), Vec::new());
    };
    let text = match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (String::new(), Vec::new()),
        Err(e) => return (String::new(), vec![format!("{}: {e}", path.display())]),
        Ok(bytes) => {
            let Ok(text) = String::from_utf8(bytes) else {
                let problem = format!("{}: not UTF-8 text; not used", path.display());
                return (String::new(), vec![problem]);
            };
            text
        }
    };
    let problems = khabar::extract::entities::install_user_gazetteer(&text)
        .into_iter()
        .map(|p| format!("{}: {p}", path.display()))
        .collect();
    (text, problems)
}

/// The fingerprint of the rules extraction runs with, set once at start-up.
pub static RULES_FINGERPRINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
