//! JSON Lines corpora: one article per line, the way scraped news usually comes.
//!
//! A record needs `title` and `body` (or `text`); `published`, `source` and `url` are
//! optional (`author` too, as fetched feeds write it). A bad line is reported with its number and skipped; the rest are kept.

use std::path::Path;

use serde::Deserialize;

use super::error::Problem;

#[derive(Debug, Deserialize)]
pub struct Record {
    pub title: Option<String>,
    pub body: Option<String>,
    pub text: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The writer, as feeds give it; shown as the byline.
    pub author: Option<String>,
}

/// Each usable record with its 1-based line number and the byte where its line starts,
/// plus problems for the others.
pub fn records(
    path: &Path,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, usize, Record)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let line_start = start;
        start += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let line_no = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bad = |reason: String| Problem::BadRecord {
            path: path.to_owned(),
            line: line_no,
            reason,
        };
        match serde_json::from_str::<Record>(line) {
            Ok(r)
                if r.body
                    .as_deref()
                    .or(r.text.as_deref())
                    .is_none_or(|b| b.trim().is_empty()) =>
            {
                problems.push(bad("no `body` or `text`".to_owned()));
            }
            Ok(r) => out.push((line_no, line_start, r)),
            Err(e) => problems.push(bad(format!("malformed JSON ({e})"))),
        }
    }
    out
}

/// The record on the line starting at byte `offset` of `text`.
pub fn record_at(text: &str, offset: usize) -> Option<Record> {
    let line = text.get(offset..)?.split('\n').next()?;
    serde_json::from_str(line.trim()).ok()
}
