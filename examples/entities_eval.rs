//! Runs entity extraction outside the full program, for the IL-NER scorer
//! (`bench/eval_ner.py`) and for looking at files by hand.
//!
//! With no arguments it reads JSON Lines on stdin (`{"body": ...}` or `{"text": ...}`) and
//! prints one `{"entities": [...]}` per line, offsets into the body. With file arguments
//! it prints each file's entities, every non-empty line taken as one region.

use std::io::{BufRead, Write};

use khabar::Span;
use khabar::extract::entities::{Entity, find_entities, tagger};

fn line_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            out.push(Span::new(start, start + trimmed.len()));
        }
        start += line.len();
    }
    out
}

fn to_json(text: &str, entities: &[Entity]) -> serde_json::Value {
    let list: Vec<serde_json::Value> = entities
        .iter()
        .map(|e| {
            let mentions: Vec<serde_json::Value> = e
                .mentions
                .iter()
                .map(|m| serde_json::json!({"start": m.start, "end": m.end, "text": m.of(text)}))
                .collect();
            serde_json::json!({"id": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases, "mentions": mentions})
        })
        .collect();
    serde_json::json!({ "entities": list })
}

fn main() -> anyhow::Result<()> {
    // A model file to score instead of the embedded one (a run of `train_ner`).
    if let Some(path) = std::env::var_os("KHABAR_NER_MODEL") {
        let bytes = std::fs::read(&path)?;
        tagger::install(tagger::Model::from_bytes(&bytes)?);
    }
    let files: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if files.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let record: serde_json::Value = serde_json::from_str(&line)?;
            let body = record
                .get("body")
                .or_else(|| record.get("text"))
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let entities = find_entities(body, &line_regions(body));
            writeln!(out, "{}", to_json(body, &entities))?;
        }
        return Ok(());
    }
    for path in files {
        let text = std::fs::read_to_string(&path)?;
        writeln!(out, "== {path}")?;
        for e in find_entities(&text, &line_regions(&text)) {
            let texts: Vec<&str> = e.mentions.iter().map(|m| m.of(&text)).collect();
            writeln!(
                out,
                "{:?} {} [{}] aliases={} mentions={}",
                e.kind,
                e.name,
                e.id,
                e.aliases.join("|"),
                texts.join("|")
            )?;
        }
    }
    Ok(())
}
