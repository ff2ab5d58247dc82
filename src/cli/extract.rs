//! `khabar extract`: what khabar finds in each article, as JSON lines or a readable summary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use khabar::corpus::Article;
use khabar::corpus::repeated::{self, Repeated};
use khabar::extract::dates::DateMention;
use khabar::extract::entities::EntityKind;
use khabar::extract::{self, Analysis, Outside};
use khabar::report;
use khabar::text::sanitize;

use super::{exit_code, report_problems};

/// Articles are analysed in batches of about this much text (on all cores) and printed
/// before the next batch is read, so memory follows the batch, not the corpus.
const BATCH_BYTES: usize = 8 << 20;
const BATCH_ARTICLES: usize = 1024;
/// An article longer than this has its dates found while they are written instead of
/// with the rest of its analysis: a sentence of date words has a mention every 20 bytes,
/// so held whole they would take twice the article's size.
const STREAM_DATES_BYTES: usize = 1 << 20;

pub fn run(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    // With transparent huge pages every touched 2 MiB counts whole: a 10 KB article
    // peaked at 66 MiB instead of 47, 10 MB of short lines at 156 instead of 130.
    super::without_huge_pages();
    let stdout = std::io::stdout();
    let mut failed = false;
    let mut problems = Vec::new();
    let files = if paths.is_empty() {
        Vec::new()
    } else {
        khabar::corpus::files(paths, &mut problems)
    };
    failed |= report_problems(&problems);
    let mut out = Output {
        out: std::io::BufWriter::new(stdout.lock()),
        json,
        pending: Vec::new(),
        pending_bytes: 0,
        repeated: count_paragraphs(&files),
    };
    let written = (|| -> std::io::Result<()> {
        if paths.is_empty() {
            for article in khabar::corpus::seeds() {
                out.push(article)?;
            }
        }
        for file in &files {
            let mut result = Ok(());
            khabar::corpus::read_batches(file, BATCH_BYTES, &mut |articles, problems| {
                failed |= report_problems(&problems);
                result = articles.into_iter().try_for_each(|a| out.push(a));
                result.is_ok()
            });
            result?;
        }
        out.flush()
    })();
    match written {
        // A closed pipe (`khabar extract x | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("writing to standard output")?,
    }
    Ok(exit_code(failed))
}

/// Paragraph fingerprints of every article in `files` by source, read ahead of
/// extraction so a footer repeated across the corpus is chrome in its first article too
/// (standard input and pipes, which cannot be read twice, are left out).
fn count_paragraphs(files: &[PathBuf]) -> Repeated {
    let mut repeated = Repeated::default();
    let twice =
        |f: &&PathBuf| f.as_os_str() != "-" && std::fs::metadata(f).is_ok_and(|m| m.is_file());
    // A copy of an article (the same file in two folders) counts once, as in the store.
    let mut seen = std::collections::HashSet::new();
    for file in files.iter().filter(twice) {
        khabar::corpus::read_batches(file, BATCH_BYTES, &mut |articles, _| {
            for a in &articles {
                let published = a.published.and_then(|p| p.value()).unwrap_or_default();
                let copy = (
                    repeated::source_hash(a),
                    khabar::state::content_id(a),
                    xxhash_rust::xxh3::xxh3_64(published.as_bytes()),
                );
                if seen.insert(copy) {
                    repeated.add(&repeated::source_key(a), &repeated::fingerprints(a));
                }
            }
            true
        });
    }
    repeated
}

/// Articles waiting to be analysed, and where their results go.
struct Output<W: Write> {
    out: W,
    json: bool,
    pending: Vec<Article>,
    pending_bytes: usize,
    repeated: Repeated,
}

impl<W: Write> Output<W> {
    fn push(&mut self, article: Article) -> std::io::Result<()> {
        self.pending_bytes += article.text.len();
        self.pending.push(article);
        if self.pending_bytes >= BATCH_BYTES || self.pending.len() >= BATCH_ARTICLES {
            self.write_pending()?;
        }
        Ok(())
    }

    fn write_pending(&mut self) -> std::io::Result<()> {
        use rayon::prelude::*;
        let articles = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let analyse = |a: &Article| {
            if streams_dates(a) {
                extract::analyse_entities(a)
            } else {
                extract::analyse(a)
            }
        };
        // One (long) article is analysed on this thread, which read it: the allocator
        // gives it back the pages reading let go, where a worker thread takes new ones
        // (50 MB of date words peaked at 121 MiB on a worker, 107 on this thread).
        let analyses: Vec<Analysis> = if let [one] = articles.as_slice() {
            vec![analyse(one)]
        } else {
            articles.par_iter().map(analyse).collect()
        };
        for (article, found) in articles.iter().zip(&analyses) {
            let chrome = self
                .repeated
                .chrome_spans(article, &repeated::fingerprints(article));
            let kept;
            let shown = if chrome.is_empty() {
                found
            } else {
                kept = found.outside(&chrome);
                &kept
            };
            let outside = Outside::new(&chrome);
            let dates: Box<dyn Iterator<Item = DateMention>> = if streams_dates(article) {
                Box::new(extract::dates_of(article).filter(move |d| outside.keeps(d.span)))
            } else {
                Box::new(shown.dates.iter().cloned())
            };
            if self.json {
                let report = report::report_with_dates(article, shown, dates);
                khabar::text::json::write_line(&mut self.out, &report)?;
            } else {
                write_summary(&mut self.out, article, shown, dates, chrome.len())?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.write_pending()?;
        self.out.flush()
    }
}

fn streams_dates(article: &Article) -> bool {
    article.text.len() > STREAM_DATES_BYTES
}

fn write_summary(
    out: &mut impl Write,
    article: &Article,
    analysis: &Analysis,
    dates: impl Iterator<Item = DateMention>,
    repeated_chrome: usize,
) -> std::io::Result<()> {
    let clean = |s: &str| sanitize(s, false).into_owned();
    let line = article.line.map(|l| format!(":{l}")).unwrap_or_default();
    writeln!(out, "{}{line}", clean(&article.path))?;
    writeln!(out, "  title:      {}", clean(&article.title))?;
    let field = |v: Option<&str>| v.map_or_else(|| "-".to_owned(), clean);
    writeln!(out, "  source:     {}", field(article.source.as_deref()))?;
    writeln!(out, "  byline:     {}", field(article.byline.as_deref()))?;
    writeln!(
        out,
        "  published:  {}",
        field(article.published.and_then(|p| p.value()).as_deref())
    )?;
    writeln!(out, "  dateline:   {}", field(article.dateline.as_deref()))?;
    let repeated = if repeated_chrome > 0 {
        format!(", repeated in the source: {repeated_chrome}")
    } else {
        String::new()
    };
    writeln!(
        out,
        "  paragraphs: {}, chrome: {}{repeated}",
        article.paragraphs.len(),
        article.chrome.len()
    )?;
    for (label, kind) in [
        ("people", EntityKind::Person),
        ("places", EntityKind::Place),
        ("orgs", EntityKind::Organization),
    ] {
        let names: Vec<String> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| format!("{} ({})", clean(&e.name), e.mentions.len()))
            .collect();
        if !names.is_empty() {
            writeln!(out, "  {label:<11} {}", names.join(", "))?;
        }
    }
    for d in dates {
        let value = d.value.as_deref().unwrap_or("?");
        writeln!(
            out,
            "  date:       {} = {value}",
            clean(d.span.of(&article.text))
        )?;
    }
    writeln!(out)?;
    Ok(())
}
