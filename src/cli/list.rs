//! `khabar list`: the reader's filters for scripts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use khabar::cache::Doc;
use khabar::extract::dates::Published;
use khabar::text::sanitize;
use rayon::prelude::*;

use super::{ListArgs, exit_code, load_cached};
use khabar::extract::entities::EntityKind;
use khabar::index::{Filter, SearchText};

/// One row of the answer, as printed.
#[derive(serde::Serialize)]
pub(super) struct Row<'a> {
    pub path: &'a str,
    /// The record's 1-based line in a JSON Lines file; null for a plain file.
    pub line: Option<usize>,
    pub title: &'a str,
    pub published: Option<String>,
    pub matched: Vec<Matched<'a>>,
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
        serde_json::to_writer(&mut *out, row)?;
        return out.write_all(b"\n");
    }
    line.clear();
    line.push_str(&sanitize(row.path, false));
    if let Some(n) = row.line {
        // `path:line`, so a row names its JSON Lines record.
        use std::fmt::Write as _;
        let _ = write!(line, ":{n}");
    }
    line.push('\t');
    line.push_str(row.published.as_deref().unwrap_or("-"));
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

/// What rows are printed from: the articles of a full load (titles come from the index).
struct Rows(Vec<Doc>);

impl Rows {
    /// Path, line and publication date of article `d`.
    fn get(&self, d: u32) -> (&str, Option<usize>, Option<Published>) {
        let a = &self.0[d as usize].article;
        (&a.path, a.line, a.published)
    }
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
    // Files and folders are answered from the database; the bundled samples and standard
    // input still load everything.
    let through_store = !args.paths.is_empty() && args.paths.iter().all(|p| p.as_os_str() != "-");
    if through_store {
        return super::stored::list(args, no_cache);
    }
    let (snapshot, failed) = load_cached(&args.paths, no_cache);
    let (index, rows) = (snapshot.index, Rows(snapshot.docs));
    let mut search = SearchText::default();
    if args.search.is_some() {
        let articles = &rows.0;
        // Cached articles come without text: read it back for the search.
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
            let row = Row {
                path,
                line: line_no,
                title: &index.docs[d as usize].title,
                published: published.and_then(|p| p.value()),
                matched: named
                    .iter()
                    .filter(|e| e.docs.binary_search(&d).is_ok())
                    .map(|e| Matched {
                        id: &e.id,
                        name: &e.name,
                        kind: e.kind,
                    })
                    .collect(),
            };
            print_row(&mut out, &mut line, args.json, &row)?;
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
