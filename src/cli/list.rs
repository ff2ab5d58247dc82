//! `khabar list`: the reader's filters for scripts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use khabar::corpus::Article;
use khabar::text::sanitize;

use super::{ListArgs, exit_code, load_cached, load_quick};
use khabar::extract::entities::EntityKind;
use khabar::index::{Filter, SearchText};

#[derive(serde::Serialize)]
struct Row<'a> {
    path: &'a str,
    title: &'a str,
    published: Option<String>,
    matched: Vec<Matched<'a>>,
}

#[derive(serde::Serialize)]
struct Matched<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
}

pub fn run(args: &ListArgs, no_cache: bool) -> Result<ExitCode> {
    let wanted = [
        (EntityKind::Person, &args.person),
        (EntityKind::Place, &args.place),
        (EntityKind::Organization, &args.org),
    ];
    // Filters by entity alone can be answered from the cache's lookup tables.
    let quick = !no_cache
        && !args.rescan
        && args.search.is_none()
        && args.mentions_date.is_none()
        && wanted.iter().any(|(_, names)| !names.is_empty());
    let (snapshot, failed) = match quick.then(|| load_quick(&args.paths, &wanted)).flatten() {
        Some(snapshot) => (snapshot, false),
        None => load_cached(&args.paths, no_cache),
    };
    let index = &snapshot.index;
    let articles = &snapshot.docs;
    let mut search = SearchText::default();
    if args.search.is_some() {
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
    if let Some(q) = &args.search {
        docs = search.matching(q, &docs);
    }
    // Ties in the order asked for go by path, whatever order the files were loaded in.
    index.sort_then(&mut docs, args.sort, |a, b| {
        let key = |d: u32| {
            let a = &articles[d as usize].article;
            (&a.path, a.line)
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
            let article: &Article = &articles[d as usize].article;
            let matched: Vec<Matched> = named
                .iter()
                .filter(|e| e.docs.binary_search(&d).is_ok())
                .map(|e| Matched {
                    id: &e.id,
                    name: &e.name,
                    kind: e.kind,
                })
                .collect();
            let published = article.published.and_then(|p| p.value());
            if args.json {
                serde_json::to_writer(
                    &mut out,
                    &Row {
                        path: &article.path,
                        title: &article.title,
                        published,
                        matched,
                    },
                )?;
                out.write_all(b"\n")?;
            } else {
                // Into one reused line: a corpus-wide answer can be tens of thousands of rows.
                line.clear();
                line.push_str(&sanitize(&article.path, false));
                line.push('\t');
                line.push_str(&sanitize(published.as_deref().unwrap_or("-"), false));
                line.push('\t');
                line.push_str(&sanitize(&article.title, false));
                line.push('\t');
                for (i, m) in matched.iter().enumerate() {
                    if i > 0 {
                        line.push_str(", ");
                    }
                    line.push_str(&sanitize(m.name, false));
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
    std::mem::forget(snapshot);
    Ok(if failed {
        exit_code(true)
    } else if docs.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
