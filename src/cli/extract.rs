//! `khabar extract`: what khabar finds in each article, as JSON lines or a readable summary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use khabar::corpus::Article;
use khabar::extract::entities::EntityKind;
use khabar::extract::{self, Analysis};
use khabar::report;
use khabar::text::sanitize;

use super::{exit_code, load};

pub fn run(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let (articles, failed) = load(paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let analyses: Vec<Analysis> = {
        use rayon::prelude::*;
        articles.par_iter().map(extract::analyse).collect()
    };
    for (article, analysis) in articles.iter().zip(&analyses) {
        if json {
            serde_json::to_writer(&mut out, &report::report(article, analysis))?;
            writeln!(out)?;
        } else {
            write_summary(&mut out, article, analysis)?;
        }
    }
    match out.flush() {
        // A closed pipe (`khabar extract x | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("writing to standard output")?,
    }
    Ok(exit_code(failed))
}

fn write_summary(out: &mut impl Write, article: &Article, analysis: &Analysis) -> Result<()> {
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
    writeln!(
        out,
        "  paragraphs: {}, chrome: {}",
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
    for d in &analysis.dates {
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
