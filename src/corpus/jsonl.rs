//! JSON Lines corpora: one article per line, the way scraped news usually comes.
//!
//! A record needs `title` and `body` (or `text`); `published`, `source` and `url` are
//! optional (`author` too, as fetched feeds write it). A bad line is reported with its
//! number and skipped; the rest are kept.
//! Records are read line by line ([`Lines`]), so a file of any size is never held whole.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use super::decode;
use super::error::Problem;

#[derive(Debug, Default, Deserialize)]
pub struct Record {
    pub title: Option<String>,
    pub body: Option<String>,
    pub text: Option<String>,
    /// Text as written, or seconds (or milliseconds) since 1970 as a number.
    #[serde(default, deserialize_with = "date_field")]
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The writer, as feeds give it; shown as the byline.
    pub author: Option<String>,
    /// When a fetch stored it (RFC 3339): the year of a dateline's day that has none. Read
    /// as `published` is, so an exporter's number or odd value never loses the record.
    #[serde(default, deserialize_with = "date_field")]
    pub fetched: Option<String>,
}

impl Record {
    /// The article text: `body`, or `text` when `body` is missing or blank.
    pub fn take_body(&mut self) -> String {
        let blank = |f: &Option<String>| f.as_deref().is_none_or(|b| b.trim().is_empty());
        let body = if blank(&self.body) {
            self.text.take()
        } else {
            self.body.take()
        };
        body.unwrap_or_default()
    }
}

/// A `published` of any JSON type: a string as it is; a number of seconds or milliseconds
/// since 1970 (from 2001 on, as exporters write them) as that time; any other value as its
/// JSON text, which is then reported as not a date (a record is never lost for it).
fn date_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde_json::Value;
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(
            n.as_f64()
                .filter(|f| f.is_finite() && f.abs() < 1e15)
                // Whole seconds (or milliseconds): a fraction of one does not date a story.
                .and_then(|f| epoch(f.trunc() as i64))
                .unwrap_or_else(|| n.to_string()),
        ),
        Some(other) => Some(other.to_string()),
    })
}

/// `n` seconds, or milliseconds, since 1970 as an RFC 3339 time in the local time zone (as
/// fetched feeds are written: its day is the reader's), if it falls after 2001.
fn epoch(n: i64) -> Option<String> {
    let secs = match n {
        1_000_000_000..10_000_000_000 => n,
        1_000_000_000_000..10_000_000_000_000 => n / 1000,
        _ => return None,
    };
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.with_timezone(&chrono::Local).to_rfc3339())
}

/// A record with its 1-based line number and the file byte where its line starts.
pub type Numbered = (usize, usize, Record);

/// The start of a file in which a NUL byte means the file is binary, not text; past it a
/// NUL only spoils its own line (a streamed file cannot be judged as a whole).
pub const BINARY_SNIFF: usize = 8192;

/// Reads the records of one JSON Lines file one line at a time, numbering lines from 1
/// and remembering the file byte where each starts.
pub struct Lines<'p> {
    path: &'p Path,
    line_no: usize,
    offset: usize,
    bad_utf8_reported: bool,
    /// Whether any line held more than whitespace.
    pub any_text: bool,
}

impl<'p> Lines<'p> {
    pub const fn new(path: &'p Path) -> Self {
        Self {
            path,
            line_no: 0,
            offset: 0,
            bad_utf8_reported: false,
            any_text: false,
        }
    }

    /// The record on the next line (`raw`, with or without its line end): its 1-based
    /// line number, the file byte where the line starts, and the record, or `None` (with
    /// a problem when the line is not blank).
    pub fn next_line(&mut self, raw: &[u8], problems: &mut Vec<Problem>) -> Option<Numbered> {
        self.line_no += 1;
        let start = self.offset;
        self.offset += raw.len();
        let bad = |reason: String| Problem::BadRecord {
            path: self.path.to_owned(),
            line: self.line_no,
            reason,
        };
        if raw.trim_ascii().is_empty() {
            return None;
        }
        self.any_text = true;
        if let Some(at) = memchr::memchr(0, raw) {
            problems.push(bad(format!("binary data (NUL byte at {})", start + at)));
            return None;
        }
        super::check_size(self.path, raw.len(), problems);
        let (text, first_bad, _) = decode::decode(raw);
        if let Some(at) = first_bad
            && !self.bad_utf8_reported
        {
            self.bad_utf8_reported = true;
            problems.push(Problem::InvalidUtf8 {
                path: self.path.to_owned(),
                offset: start + at,
            });
        }
        // A byte order mark (a file saved by Windows tools) is not part of the record.
        match parse(text.trim_start_matches('\u{feff}').trim()) {
            Ok(r) => {
                let undated = r.published.as_deref().filter(|p| {
                    !p.trim().is_empty() && crate::extract::dates::parse_published(p).is_none()
                });
                if let Some(value) = undated {
                    problems.push(Problem::NotADate {
                        path: self.path.to_owned(),
                        line: self.line_no,
                        value: value.to_owned(),
                    });
                }
                Some((self.line_no, start, r))
            }
            Err(reason) => {
                problems.push(bad(reason));
                None
            }
        }
    }
}

/// One record, or why the line is not a usable article.
fn parse(line: &str) -> Result<Record, String> {
    let r = serde_json::from_str::<Record>(line).map_err(|e| {
        let start = line.trim_start().chars().next();
        // An array or a bare value is valid JSON but no record; serde's words for it
        // ("invalid length 1, expected struct Record with 7 elements") name its internals.
        if e.classify() == serde_json::error::Category::Data && start != Some('{') {
            "not a JSON object (a record is {\"title\": ..., \"body\": ...})".to_owned()
        } else {
            format!("malformed JSON ({e})")
        }
    })?;
    let has = |f: &Option<String>| f.as_deref().is_some_and(|b| !b.trim().is_empty());
    if has(&r.body) || has(&r.text) {
        return Ok(r);
    }
    Err(match (&r.body, &r.text) {
        (None, None) => "no `body` or `text`".to_owned(),
        (Some(_), _) => "empty `body`".to_owned(),
        (None, Some(_)) => "empty `text`".to_owned(),
    })
}

/// Each usable record of a whole file's bytes with its 1-based line number and the file
/// byte where its line starts, plus problems for the others.
pub fn records(path: &Path, bytes: &[u8], problems: &mut Vec<Problem>) -> Vec<Numbered> {
    let mut lines = Lines::new(path);
    let out = bytes
        .split_inclusive(|&b| b == b'\n')
        .filter_map(|raw| lines.next_line(raw, problems))
        .collect();
    if !lines.any_text {
        problems.push(Problem::Empty {
            path: path.to_owned(),
        });
    }
    out
}

/// Streams the records of `reader` to `on_batch` in batches of about `batch_bytes` of
/// line text; `on_batch` returns `false` to stop early. I/O errors are reported as the
/// file being unreadable from that point on.
pub fn stream(
    path: &Path,
    reader: &mut dyn BufRead,
    batch_bytes: usize,
    on_batch: &mut dyn FnMut(Vec<Numbered>, Vec<Problem>) -> bool,
) {
    let mut lines = Lines::new(path);
    let mut batch = Vec::new();
    let mut problems = Vec::new();
    let mut size = 0;
    let mut raw = Vec::new();
    loop {
        raw.clear();
        match reader.read_until(b'\n', &mut raw) {
            Ok(0) => break,
            Ok(n) => {
                size += n;
                if let Some(r) = lines.next_line(&raw, &mut problems) {
                    batch.push(r);
                }
            }
            Err(e) => {
                problems.push(Problem::unreadable(Path::new(path), &e));
                break;
            }
        }
        if size >= batch_bytes {
            size = 0;
            if !on_batch(std::mem::take(&mut batch), std::mem::take(&mut problems)) {
                return;
            }
        }
        // A huge line's buffer is not kept for the short ones after it.
        if raw.capacity() > 1 << 20 {
            raw = Vec::new();
        }
    }
    if !lines.any_text {
        problems.push(Problem::Empty {
            path: path.to_owned(),
        });
    }
    on_batch(batch, problems);
}

/// The record on the line starting at byte `offset` of `text`.
pub fn record_at(text: &str, offset: usize) -> Option<Record> {
    let line = text.get(offset..)?.split('\n').next()?;
    // As when the file was first read: a byte order mark before the first record.
    serde_json::from_str(line.trim_start_matches('\u{feff}').trim()).ok()
}
