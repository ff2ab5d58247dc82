//! `khabar list` over files and folders, answered from the corpus in the database: the
//! files are brought up to date in it first (only new and changed ones are read, none when
//! no folder changed), then the list is one query over these files alone, with paths as
//! the user typed them; a text search reads the listed files again.

use std::io::Write;
use std::process::ExitCode;

use std::collections::HashSet;

use anyhow::{Context, Result};
use khabar::corpus::Article;
use khabar::extract::entities::EntityKind;
use khabar::library::{Corpus, Query};
use khabar::store::Store;
use khabar::text::sanitize;

use super::ListArgs;
use super::list::{Matched, Row, print_row};

pub fn list(args: &ListArgs, no_cache: bool) -> Result<ExitCode> {
    let rules = super::RULES_FINGERPRINT.get().copied().unwrap_or_default();
    let (mut corpus, notes) = Corpus::open(!no_cache, rules)?;
    for note in notes {
        eprintln!("khabar: warning: {}", sanitize(&note, false));
    }
    let added = corpus.add(&args.paths, args.rescan, &mut |_, _| {})?;
    for note in &added.problems {
        let level = if note.error { "error" } else { "warning" };
        eprintln!("khabar: {level}: {}", sanitize(&note.text, false));
    }
    answer(args, corpus, added.failed, !added.walked)
}

/// `khabar list` over articles read already (standard input, the bundled samples): put in
/// a database in memory and answered from it like files and folders.
pub fn list_loaded(args: &ListArgs, articles: Vec<Article>, failed: bool) -> Result<ExitCode> {
    let rules = super::RULES_FINGERPRINT.get().copied().unwrap_or_default();
    let (mut corpus, _) = Corpus::open(false, rules)?;
    corpus.add_articles(articles)?;
    answer(args, corpus, failed, false)
}

/// Lists what `args` asks for from `corpus` and prints it; `failed` says whether some
/// path was lost, `unchanged` whether nothing was written to the database.
fn answer(args: &ListArgs, mut corpus: Corpus, failed: bool, unchanged: bool) -> Result<ExitCode> {
    let mut query = Query {
        published: args.date,
        mentioned: args.mentions_date,
        sources: super::feeds::expand_sources(&args.source),
        sort: args.sort,
        // Only `--json` prints links.
        links: args.json,
        ..Query::default()
    };
    for (kind, names) in [
        (EntityKind::Person, &args.person),
        (EntityKind::Place, &args.place),
        (EntityKind::Organization, &args.org),
    ] {
        query.names.extend(names.iter().map(|n| (kind, n.clone())));
    }
    let listing = corpus.listing(&query)?;
    let unknown = listing.unknown().cloned();
    // A rebuild of damaged corpus tables, during the sync or the query.
    for note in corpus.take_notes() {
        eprintln!("khabar: warning: {}", sanitize(&note, false));
    }
    // A search reads the listed files again and keeps rows of its own; without one, rows
    // are printed from the listing's buffer as they are.
    let (listing, searched) = match &args.search {
        Some(text) => (None, Some(corpus.search(listing.into_rows(), text))),
        None => (Some(listing), None),
    };
    // Stars and read marks live in the data directory's database, also for a list of the
    // samples or of standard input answered from one in memory; only read when they are
    // shown or asked. From the corpus's own connection when it has them (no second one).
    let starred = marks(
        args.starred || args.json,
        || corpus.starred(),
        Store::starred,
    )?;
    let read = marks(args.unread || args.json, || corpus.read(), Store::read_ids)?;
    let keep =
        |id: u64| (!args.starred || starred.contains(&id)) && (!args.unread || !read.contains(&id));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut line = String::new();
    let mut path = String::new();
    // Rows kept, printed or not (a closed pipe stops the printing, not the answer).
    let mut kept = 0usize;
    let written = (|| -> std::io::Result<()> {
        for r in searched.iter().flatten() {
            if keep(r.content_id) {
                let row = Row {
                    path: &r.path.to_string_lossy(),
                    line: r.line,
                    title: &r.title,
                    published: r.published.as_deref(),
                    source: r.source.as_deref(),
                    starred: starred.contains(&r.content_id),
                    read: read.contains(&r.content_id),
                    matched: r.matched.iter().map(printed).collect(),
                    url: r.url.as_deref(),
                };
                kept += 1;
                print_row(&mut out, &mut line, args.json, &row)?;
            }
        }
        for r in listing.iter().flat_map(khabar::library::Listing::iter) {
            if keep(r.content_id()) {
                let (base, rest) = r.path_parts();
                path.clear();
                path.push_str(base);
                path.push_str(rest);
                let row = Row {
                    path: &path,
                    line: r.line(),
                    title: r.title(),
                    published: r.published(),
                    source: r.source(),
                    starred: starred.contains(&r.content_id()),
                    read: read.contains(&r.content_id()),
                    matched: r.matched().into_iter().map(printed).collect(),
                    url: r.url(),
                };
                kept += 1;
                print_row(&mut out, &mut line, args.json, &row)?;
            }
        }
        out.flush()
    })();
    match written {
        // A closed pipe (`khabar list ... | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    let empty = kept == 0;
    if empty && !failed {
        say_why_empty(&corpus, &query, &args.source, unknown);
    }
    // The process ends here. When nothing was written, closing the database would only
    // check its (empty) log, delete it and unmap the file: 6% of a warm 100,000-article
    // answer. After writes it is closed, which moves the log into the file.
    if unchanged {
        std::mem::forget((corpus, listing, searched));
    }
    Ok(if failed {
        super::exit_code(true)
    } else if empty {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// An empty answer because a name or a source stands for nothing in these articles (a
/// typo, most likely) is said on standard error; filters that together keep nothing are
/// not (exit code 1 says it, as for `grep`).
fn say_why_empty(
    corpus: &Corpus,
    query: &Query,
    typed: &[String],
    unknown: Option<(EntityKind, String)>,
) {
    if let Some((kind, name)) = unknown {
        let kind = match kind {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organisation",
        };
        eprintln!(
            "khabar: no {kind} named {} in these articles",
            sanitize(&name, false)
        );
        return;
    }
    if query.sources.is_empty() || corpus.knows_source(&query.sources).unwrap_or(true) {
        return;
    }
    let Ok(known) = corpus.source_names() else {
        return;
    };
    // As typed (a tag stands for its feeds' names, which the user did not write).
    let asked: Vec<String> = typed
        .iter()
        .map(|s| sanitize(s, false).into_owned())
        .collect();
    let some: Vec<String> = known
        .iter()
        .take(12)
        .map(|k| sanitize(k, false).into_owned())
        .collect();
    let more = if known.len() > some.len() {
        ", …"
    } else {
        ""
    };
    eprintln!(
        "khabar: no source {} in these articles (sources: {}{more})",
        asked.join(" or "),
        if some.is_empty() {
            "none named".to_owned()
        } else {
            some.join(", ")
        }
    );
}

/// The articles starred or read in the reader, when `wanted`: the corpus's own (`held`,
/// when its database holds them), else `which` of the data directory's database; empty
/// when there is none yet (a list never creates one for them).
fn marks(
    wanted: bool,
    held: impl FnOnce() -> Result<Option<Vec<u64>>, khabar::store::StoreError>,
    which: fn(&Store) -> Result<Vec<u64>, khabar::store::StoreError>,
) -> Result<HashSet<u64>> {
    if !wanted {
        return Ok(HashSet::new());
    }
    if let Some(ids) = held()? {
        return Ok(ids.into_iter().collect());
    }
    let Some(path) = khabar::store::default_path().filter(|p| p.exists()) else {
        return Ok(HashSet::new());
    };
    // A database that cannot be written (a read-only folder) is still read.
    let store = match Store::open(&path) {
        Ok((store, _)) => store,
        Err(e) => Store::open_to_look(&path)
            .map_err(|_| e)
            .with_context(|| format!("reading the stars and read marks in {}", path.display()))?,
    };
    Ok(which(&store)?.into_iter().collect())
}

/// A matched entity as printed.
fn printed(m: &khabar::library::Matched) -> Matched<'_> {
    Matched {
        id: &m.id,
        name: &m.name,
        kind: m.kind,
    }
}
