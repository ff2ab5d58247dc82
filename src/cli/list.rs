//! `khabar list`: the reader's filters for scripts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use khabar::extract::entities::EntityKind;
use khabar::text::sanitize;

use super::{ListArgs, report_problems};

/// One row of the answer, as printed.
#[derive(serde::Serialize)]
pub(super) struct Row<'a> {
    pub path: &'a str,
    /// The record's 1-based line in a JSON Lines file; null for a plain file.
    pub line: Option<usize>,
    pub title: &'a str,
    pub published: Option<&'a str>,
    /// Its source: the publisher or feed the file names.
    pub source: Option<&'a str>,
    /// Starred in the reader.
    pub starred: bool,
    /// Marked read in the reader.
    pub read: bool,
    pub matched: Vec<Matched<'a>>,
    /// The article's link (a feed item's or a JSON Lines record's `url`), if it has one.
    pub url: Option<&'a str>,
}

#[derive(serde::Serialize)]
pub(super) struct Matched<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: EntityKind,
}

/// Prints one row: a JSON object, or `path[:line]`, date, title and matched names
/// tab-separated, made safe for the terminal. `line` is a buffer reused between rows: a
/// corpus-wide answer can be tens of thousands of them.
pub(super) fn print_row(
    out: &mut impl Write,
    line: &mut String,
    json: bool,
    row: &Row,
) -> std::io::Result<()> {
    if json {
        return khabar::text::json::write_line(out, row);
    }
    line.clear();
    line.push_str(&sanitize(row.path, false));
    if let Some(n) = row.line {
        // `path:line`, so a row names its JSON Lines record.
        use std::fmt::Write as _;
        let _ = write!(line, ":{n}");
    }
    line.push('\t');
    line.push_str(row.published.unwrap_or("-"));
    line.push('\t');
    line.push_str(&sanitize(row.title, false));
    line.push('\t');
    for (i, m) in row.matched.iter().enumerate() {
        if i > 0 {
            line.push_str(", ");
        }
        line.push_str(&sanitize(m.name, false));
    }
    out.write_all(line.trim_end().as_bytes())?;
    out.write_all(b"\n")
}

pub fn run(args: &ListArgs, no_cache: bool) -> Result<ExitCode> {
    // A list is a short-lived process whose allocations are small and scattered: with
    // transparent huge pages the kernel zeroes 2 MiB at the first touch of each new
    // region, 14 MiB for a 10,000-article answer (a tenth of its time). mimalloc no longer
    // asks for them (see `main.rs`); this keeps them off where the system gives them to
    // every process (`always`).
    super::without_huge_pages();
    // Files and folders are answered from the database; the bundled samples and standard
    // input are read first and answered from one in memory.
    let through_store = !args.paths.is_empty() && args.paths.iter().all(|p| p.as_os_str() != "-");
    if through_store {
        return super::stored::list(args, no_cache);
    }
    let loaded = if args.paths.is_empty() {
        khabar::corpus::Loaded {
            articles: khabar::corpus::seeds(),
            problems: Vec::new(),
        }
    } else {
        khabar::corpus::load(&args.paths)
    };
    let failed = report_problems(&loaded.problems);
    super::stored::list_loaded(args, loaded.articles, failed)
}
