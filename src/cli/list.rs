//! `khabar list`: the reader's filters for scripts.

use std::io::Write;
use std::process::ExitCode;

use std::collections::HashSet;

use anyhow::{Context, Result};
use khabar::cache::{Doc, Listed};
use khabar::extract::dates::Published;
use khabar::text::sanitize;

use super::{ListArgs, exit_code, load_cached, load_quick};
use khabar::extract::entities::EntityKind;
use khabar::index::{Filter, SearchText};

#[derive(serde::Serialize)]
struct Row<'a> {
    path: &'a str,
    /// The record's 1-based line in a JSON Lines file; null for a plain file.
    line: Option<usize>,
    title: &'a str,
    published: Option<String>,
    /// Starred in the reader.
    starred: bool,
    matched: Vec<Matched<'a>>,
}

#[derive(serde::Serialize)]
struct Matched<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
}

/// What rows are printed from: the articles of a full load, or a quick answer's. Either
/// way, titles come from the index.
enum Rows {
    Full(Vec<Doc>),
    Quick(Vec<Listed>),
}

impl Rows {
    /// Path, line and publication date of article `d`.
    fn get(&self, d: u32) -> (&str, Option<usize>, Option<Published>) {
        match self {
            Self::Full(docs) => {
                let a = &docs[d as usize].article;
                (&a.path, a.line, a.published)
            }
            Self::Quick(rows) => {
                let r = &rows[d as usize];
                (&r.path, r.line, r.published)
            }
        }
    }

    /// The content id of article `d`, when known (a quick answer does not carry it).
    fn id(&self, d: u32) -> Option<u64> {
        match self {
            Self::Full(docs) => Some(docs[d as usize].id),
            Self::Quick(_) => None,
        }
    }
}

/// The articles starred in the reader, from the database; empty when there is none yet
/// (a list never creates one).
fn starred_ids() -> Result<HashSet<u64>> {
    let Some(path) = khabar::store::default_path().filter(|p| p.exists()) else {
        return Ok(HashSet::new());
    };
    let (store, _) = khabar::store::Store::open(&path)
        .with_context(|| format!("reading the stars in {}", path.display()))?;
    Ok(store.starred()?.into_iter().collect())
}

pub fn run(args: &ListArgs, no_cache: bool) -> Result<ExitCode> {
    // A list is a short-lived process whose allocations are small and scattered: with
    // transparent huge pages the kernel zeroes 2 MiB at the first touch of each new
    // region, 14 MiB for a 10,000-article answer (a tenth of its time). The reader, which
    // allocates in bulk, keeps them.
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let wanted = [
        (EntityKind::Person, &args.person),
        (EntityKind::Place, &args.place),
        (EntityKind::Organization, &args.org),
    ];
    // Stars are kept by content id, which a quick answer does not carry: with any star to
    // show (`--json` says which rows are starred) the articles are loaded in full.
    let starred = if args.starred || args.json {
        starred_ids()?
    } else {
        HashSet::new()
    };
    // Filters by entity alone can be answered from the cache's lookup tables.
    let quick = starred.is_empty()
        && !no_cache
        && !args.rescan
        && args.search.is_none()
        && args.mentions_date.is_none()
        && args.source.is_empty()
        && wanted.iter().any(|(_, names)| !names.is_empty());
    let listing = quick.then(|| load_quick(&args.paths, &wanted)).flatten();
    let (index, rows, failed) = if let Some(listing) = listing {
        (listing.index, Rows::Quick(listing.rows), false)
    } else {
        let (snapshot, failed) = load_cached(&args.paths, no_cache);
        (snapshot.index, Rows::Full(snapshot.docs), failed)
    };
    let mut search = SearchText::default();
    if let (Some(_), Rows::Full(articles)) = (&args.search, &rows) {
        // Cached articles come without text: read it back for the search.
        use rayon::prelude::*;
        let texts: Vec<Box<str>> = articles
            .par_iter()
            .map(|d| {
                let mut article = d.article.clone();
                if article.text.is_empty() {
                    article.text = khabar::corpus::reload_text(&article).unwrap_or_default();
                }
                SearchText::folded(&article)
            })
            .collect();
        for folded in texts {
            search.push_folded(folded);
        }
    }
    let mut filter = Filter {
        published: args.date,
        mentioned: args.mentions_date,
        sources: super::feeds::expand_sources(&args.source),
        ..Filter::default()
    };
    for (kind, names) in wanted {
        for name in names {
            let ids: Vec<String> = index
                .resolve(kind, name)
                .into_iter()
                .map(|e| e.id.clone())
                .collect();
            // An unknown name matches nothing, like any filter that keeps no article.
            filter.entities.push(ids);
        }
    }
    let mut docs = index.select(&filter).docs;
    if args.starred {
        docs.retain(|&d| rows.id(d).is_some_and(|id| starred.contains(&id)));
    }
    if let Some(q) = &args.search {
        docs = search.matching(q, &docs);
    }
    // Ties in the order asked for go by path, whatever order the files were loaded in.
    index.sort_then(&mut docs, args.sort, |a, b| {
        let key = |d: u32| {
            let (path, line, _) = rows.get(d);
            (path, line)
        };
        key(a).cmp(&key(b))
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut line = String::new();
    // The filter's entities, looked up once rather than for every row.
    let named: Vec<_> = filter
        .entities
        .iter()
        .flatten()
        .filter_map(|id| index.entity(id))
        .collect();
    let written = (|| -> std::io::Result<()> {
        for &d in &docs {
            let (path, line_no, published) = rows.get(d);
            let title = &index.docs[d as usize].title;
            let matched = named.iter().filter(|e| e.docs.binary_search(&d).is_ok());
            if args.json {
                let matched = matched
                    .map(|e| Matched {
                        id: &e.id,
                        name: &e.name,
                        kind: e.kind,
                    })
                    .collect();
                let published = published.and_then(|p| p.value());
                serde_json::to_writer(
                    &mut out,
                    &Row {
                        path,
                        line: line_no,
                        title,
                        published,
                        starred: rows.id(d).is_some_and(|id| starred.contains(&id)),
                        matched,
                    },
                )?;
                out.write_all(b"\n")?;
            } else {
                // Into one reused line: a corpus-wide answer can be tens of thousands of rows.
                line.clear();
                line.push_str(&sanitize(path, false));
                if let Some(n) = line_no {
                    // `path:line`, so a row names its JSON Lines record.
                    use std::fmt::Write as _;
                    let _ = write!(line, ":{n}");
                }
                line.push('\t');
                match published {
                    Some(p) if p.date.write_value(&mut line).is_ok_and(|wrote| wrote) => {}
                    _ => line.push('-'),
                }
                line.push('\t');
                line.push_str(&sanitize(title, false));
                line.push('\t');
                for (i, m) in matched.enumerate() {
                    if i > 0 {
                        line.push_str(", ");
                    }
                    line.push_str(&sanitize(&m.name, false));
                }
                out.write_all(line.trim_end().as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()
    })();
    match written {
        // A closed pipe (`khabar list ... | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    // The process ends here: freeing a corpus-sized structure piece by piece only costs time.
    std::mem::forget((index, rows));
    Ok(if failed {
        exit_code(true)
    } else if docs.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
