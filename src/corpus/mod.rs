//! Reading news articles from files and folders into [`Article`]s.
//!
//! Paths are files or folders; plain `.txt` files hold one article each and `.jsonl`
//! files one article per line. Nothing here stops on a bad file: each problem is
//! collected with the file's name and the other files still load.

mod article;
mod decode;
mod error;
mod jsonl;
mod markers;
pub mod repeated;
mod structure;
mod walk;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use article::{Article, Chrome, ChromeKind, Origin};
pub use decode::OffsetMap;
pub use error::{Problem, under};
pub use markers::Markers;
pub(crate) use structure::is_date_line;
pub use walk::{expand_tracking, is_json_lines};

use crate::extract::dates;

/// The articles read from some paths, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Reads every article under `paths`, in order. `-` reads standard input.
///
/// Files are read on all cores; the result keeps the order of [`files`].
pub fn load(paths: &[PathBuf]) -> Loaded {
    use rayon::prelude::*;
    let mut loaded = Loaded::default();
    let files = files(paths, &mut loaded.problems);
    let per_file: Vec<(Vec<Article>, Vec<Problem>)> = files
        .par_iter()
        .map(|file| {
            let mut problems = Vec::new();
            (read_file(file, &mut problems), problems)
        })
        .collect();
    for (articles, problems) in per_file {
        loaded.articles.extend(articles);
        loaded.problems.extend(problems);
    }
    loaded
}

/// The article files under `paths`, sorted within each folder, in the order given.
pub fn files(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| walk::expand(p, problems))
        .collect()
}

/// Articles longer than this are read whole, extracted in time linear in their length,
/// and reported with a warning ([`Problem::Large`]): extraction runs at a few MB a second,
/// so the wait is noticeable.
pub const LARGE_ARTICLE_BYTES: usize = 10 << 20;

fn check_size(path: &Path, len: usize, problems: &mut Vec<Problem>) {
    if len > LARGE_ARTICLE_BYTES {
        problems.push(Problem::Large {
            path: path.to_owned(),
            mib: len >> 20,
            limit: LARGE_ARTICLE_BYTES >> 20,
        });
    }
}

/// Opens `path` for reading without waiting for a writer: a named pipe that nobody
/// writes to reads as empty, where opening it would wait forever (and every file named
/// after it with it). Reads then wait for data as they do on any pipe.
pub fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        if std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo()) {
            let nonblock = i32::try_from(OFlags::NONBLOCK.bits()).unwrap_or_default();
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(nonblock)
                .open(path)?;
            let flags = fcntl_getfl(&file)?;
            fcntl_setfl(&file, flags.difference(OFlags::NONBLOCK))?;
            return Ok(file);
        }
    }
    std::fs::File::open(path)
}

/// The bytes of the file at `path` (see [`open_for_reading`]).
pub fn read_all(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open_for_reading(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The articles in one file (`-` for standard input).
pub fn read_file(path: &Path, problems: &mut Vec<Problem>) -> Vec<Article> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        read_all(path)
    };
    match bytes {
        Ok(bytes) => {
            let json_lines = walk::is_json_lines(path)
                || (path.as_os_str() == "-"
                    && bytes
                        .strip_prefix("\u{feff}".as_bytes())
                        .unwrap_or(&bytes)
                        .trim_ascii_start()
                        .starts_with(b"{"));
            from_vec(path, bytes, json_lines, problems)
        }
        Err(e) => {
            problems.push(Problem::unreadable(path, &e));
            Vec::new()
        }
    }
}

/// [`from_bytes`] taking the bytes over: valid UTF-8 plain text becomes the article's
/// text without a copy, so a file is not held twice while it is read.
pub fn from_vec(
    path: &Path,
    bytes: Vec<u8>,
    json_lines: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Article> {
    if json_lines || memchr_nul(&bytes).is_some() {
        return from_bytes(path, &bytes, json_lines, problems);
    }
    match String::from_utf8(bytes) {
        Ok(text) => from_text_file(path, text, OffsetMap::default(), problems),
        Err(e) => from_bytes(path, e.as_bytes(), json_lines, problems),
    }
}

/// The articles in a file's bytes: one for plain text, one per record for JSON Lines.
pub fn from_bytes(
    path: &Path,
    bytes: &[u8],
    json_lines: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Article> {
    // A JSON Lines file is judged by its start, as when it is streamed; a NUL further on
    // spoils only its line.
    let sniffed = if json_lines {
        jsonl_sniffed(bytes)
    } else {
        bytes
    };
    if let Some(offset) = memchr_nul(sniffed) {
        problems.push(not_text(path, sniffed, offset));
        return Vec::new();
    }
    let name = path.display().to_string();
    if json_lines {
        let stdin = path.as_os_str() == "-";
        return jsonl::records(path, bytes, problems)
            .into_iter()
            .map(|(line, start, r)| record_article(&name, line, start, r, stdin))
            .collect();
    }
    let (text, bad, offsets) = decode::decode(bytes);
    if let Some(offset) = bad {
        problems.push(Problem::InvalidUtf8 {
            path: path.to_owned(),
            offset,
        });
    }
    from_text_file(path, text.into_owned(), offsets, problems)
}

/// The one article of a plain-text file's decoded text.
fn from_text_file(
    path: &Path,
    text: String,
    offsets: OffsetMap,
    problems: &mut Vec<Problem>,
) -> Vec<Article> {
    let name = path.display().to_string();
    if text.trim().is_empty() {
        problems.push(Problem::Empty {
            path: path.to_owned(),
        });
        return Vec::new();
    }
    check_size(path, text.len(), problems);
    let mut article = from_text(&name, text);
    article.offsets = offsets;
    if path.as_os_str() == "-" {
        article.origin = Origin::Stdin;
    }
    vec![article]
}

fn record_article(name: &str, line: usize, start: usize, r: jsonl::Record, stdin: bool) -> Article {
    let mut article = from_record(name, line, r);
    // The file byte where the record's line starts, so it can be read back alone.
    article.origin = if stdin {
        Origin::Stdin
    } else {
        Origin::Record(start as u64)
    };
    article
}

/// Reads the articles of one file and hands them to `on_batch` as they are read: a JSON
/// Lines file (named `.jsonl`/`.ndjson`) in batches of records of about `batch_bytes`, so
/// it is never held whole; anything else (standard input too) in one batch. `on_batch`
/// gets the problems met so far with each batch and returns `false` to stop reading.
pub fn read_batches(
    path: &Path,
    batch_bytes: usize,
    on_batch: &mut dyn FnMut(Vec<Article>, Vec<Problem>) -> bool,
) {
    if path.as_os_str() == "-" || !walk::is_json_lines(path) {
        let mut problems = Vec::new();
        let articles = read_file(path, &mut problems);
        on_batch(articles, problems);
        return;
    }
    let unreadable = |e: std::io::Error| Problem::unreadable(path, &e);
    let mut reader = match open_for_reading(path) {
        Ok(f) => std::io::BufReader::with_capacity(1 << 16, f),
        Err(e) => {
            on_batch(Vec::new(), vec![unreadable(e)]);
            return;
        }
    };
    match std::io::BufRead::fill_buf(&mut reader) {
        Ok(start) => {
            let sniffed = jsonl_sniffed(start);
            if let Some(offset) = memchr_nul(sniffed) {
                on_batch(Vec::new(), vec![not_text(path, sniffed, offset)]);
                return;
            }
        }
        Err(e) => {
            on_batch(Vec::new(), vec![unreadable(e)]);
            return;
        }
    }
    let name = path.display().to_string();
    jsonl::stream(path, &mut reader, batch_bytes, &mut |records, problems| {
        let articles = records
            .into_iter()
            .map(|(line, start, r)| record_article(&name, line, start, r, false))
            .collect();
        on_batch(articles, problems)
    });
}

/// The part of a JSON Lines file's start in which a NUL makes it binary: its first 8 KiB,
/// or only its first line when that is a whole record (a JSON object, so no NUL, ending
/// within them): such a file is text, and a NUL further on spoils only its own line, not
/// nine good records around it.
fn jsonl_sniffed(start: &[u8]) -> &[u8] {
    let window = &start[..start.len().min(jsonl::BINARY_SNIFF)];
    match memchr::memchr(b'\n', window) {
        Some(end)
            if window[..end].trim_ascii_start().first() == Some(&b'{')
                && serde_json::from_slice::<serde::de::IgnoredAny>(&window[..end]).is_ok() =>
        {
            &window[..end]
        }
        _ => window,
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// What a file with a NUL byte at `offset` is: UTF-16 or UTF-32 text, said so, or binary.
fn not_text(path: &Path, start: &[u8], offset: usize) -> Problem {
    match wide_encoding(start) {
        Some(encoding) => Problem::WideText {
            path: path.to_owned(),
            encoding,
        },
        None => Problem::Binary {
            path: path.to_owned(),
            offset,
        },
    }
}

/// The wide encoding `start` (a file's first bytes) is in: by its byte order mark, or, for
/// UTF-16 without one, by its first code units being ASCII or Devanagari (or general
/// punctuation), one byte of each pair their block's and a NUL for every ASCII one.
fn wide_encoding(start: &[u8]) -> Option<&'static str> {
    if start.starts_with(&[0xff, 0xfe, 0, 0]) || start.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Some("UTF-32");
    }
    if start.starts_with(&[0xff, 0xfe]) || start.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16");
    }
    let pairs: Vec<&[u8]> = start.chunks_exact(2).take(64).collect();
    // (low, high) of each code unit, little-endian or big-endian.
    let looks_like = |unit: &dyn Fn(&[u8]) -> (u8, u8)| {
        pairs.iter().all(|p| match unit(p) {
            (0, _) => false,
            (low, 0) => low.is_ascii(),
            (_, high) => matches!(high, 0x09 | 0x20),
        }) && pairs.iter().any(|p| unit(p).1 == 0)
    };
    let utf16 = pairs.len() >= 4
        && (looks_like(&|p: &[u8]| (p[0], p[1])) || looks_like(&|p: &[u8]| (p[1], p[0])));
    utf16.then_some("UTF-16")
}

/// An article from plain text: its parts (title, byline, chrome…) are found from line shapes
/// and the marker table.
pub fn from_text(path: &str, text: String) -> Article {
    let parts = structure::parse(&text, Markers::builtin());
    Article {
        path: path.to_owned(),
        line: None,
        title: parts.title,
        title_span: parts.title_span,
        source: parts.source,
        byline: parts.byline,
        dateline: parts.dateline,
        published: parts.published,
        byline_span: parts.byline_span,
        paragraphs: parts.paragraphs,
        chrome: parts.chrome,
        url: None,
        offsets: OffsetMap::default(),
        origin: Origin::File,
        body_at: 0,
        text,
    }
}

fn from_record(path: &str, line: usize, mut r: jsonl::Record) -> Article {
    let body = r.take_body();
    let mut article = from_text(path, body);
    article.line = Some(line);
    if let Some(title) = r.title.filter(|t| !t.trim().is_empty()) {
        // The record names its title, so the body's first line is text, not a headline
        // (and may be the dateline, which was looked for among the paragraphs alone).
        if let Some(span) = article.title_span.take() {
            article.paragraphs.insert(0, span);
            if article.dateline.is_none()
                && let Some((place, date)) = structure::dateline(span.of(&article.text))
            {
                article.dateline = Some(place);
                article.published = article.published.or(date);
            }
        }
        title.trim().clone_into(&mut article.title);
        article.put_title_first();
    }
    if let Some(p) = r.published.as_deref().and_then(dates::parse_published) {
        article.published = Some(p.1);
    }
    // A fetch says when it stored the entry: a dateline's day without a year (`16 जून`,
    // an entry the feed left undated) is the last such day by then.
    if let Some(p) = article.published.as_mut()
        && p.date.year.is_none()
        && let Some((_, fetched)) = r.fetched.as_deref().and_then(dates::parse_published)
    {
        p.date.year = year_by(fetched.date, p.date);
    }
    article.source = r.source.filter(|s| !s.trim().is_empty()).or(article.source);
    article.url = r.url;
    if let Some(author) = r.author.filter(|a| !a.trim().is_empty()) {
        article.byline = Some(author.trim().to_owned());
    }
    article
}

/// The year that puts the day `date` (a month and a day) last on or before `by`, with a
/// day's grace for time zones; `None` when either is not a whole date.
fn year_by(by: dates::PartialDate, date: dates::PartialDate) -> Option<i32> {
    let by = by.to_naive()?;
    let (month, day) = (u32::from(date.month?), u32::from(date.day?));
    let latest = by + chrono::Duration::days(1);
    let year = chrono::Datelike::year(&by);
    [year, year - 1]
        .into_iter()
        .find(|&y| chrono::NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d <= latest))
}

/// The content id ([`crate::state::content_id`]) of the article a JSON Lines record with
/// this `title` and `body` is read as: what read state and stars are kept by, so that a
/// fetch that rewrites an entry can carry them to its new version.
pub fn record_content_id(title: &str, body: &str) -> u64 {
    let r = jsonl::Record {
        title: Some(title.to_owned()),
        body: Some(body.to_owned()),
        ..jsonl::Record::default()
    };
    crate::state::content_id(&from_record("", 1, r))
}

/// The JSON Lines record whose line starts at byte `offset` of the file at `path`: only
/// that line is read, not the whole (often large) file.
fn read_record(path: &Path, offset: u64) -> Result<jsonl::Record, Problem> {
    use std::io::{BufRead, Seek};
    let gone = |reason: &str| Problem::Unreadable {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    let file = std::fs::File::open(path).map_err(|e| Problem::unreadable(path, &e))?;
    let mut reader = std::io::BufReader::new(file);
    reader
        .seek(std::io::SeekFrom::Start(offset))
        .map_err(|e| Problem::unreadable(path, &e))?;
    let mut line = Vec::new();
    reader
        .read_until(b'\n', &mut line)
        .map_err(|e| Problem::unreadable(path, &e))?;
    jsonl::record_at(&decode::decode(&line).0, 0).ok_or_else(|| gone(RECORD_MOVED))
}

/// Why a JSON Lines record could not be read back: its file was rewritten since it was
/// listed (another command fetched into it), so what the list holds of it is stale.
pub const RECORD_MOVED: &str = "the JSON record is no longer where it was";

/// Reads the text of the article at `path` (of `origin`) again, for an article whose text
/// was dropped to save memory; `kept` is the text of one from standard input, which
/// cannot be read twice. Fails (naming the file) if the file is gone or changed so much
/// that the record is no longer there.
pub fn reload_text(path: &str, origin: Origin, kept: &str) -> Result<String, Problem> {
    let name = path;
    let path = Path::new(path);
    let gone = |reason: &str| Problem::Unreadable {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    match origin {
        Origin::Stdin => Ok(kept.to_owned()),
        Origin::Embedded => SEEDS
            .iter()
            .find(|(seed, _)| *seed == name)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| gone("not a built-in sample")),
        Origin::File => {
            let bytes = std::fs::read(path).map_err(|e| Problem::unreadable(path, &e))?;
            Ok(decode::decode(&bytes).0.into_owned())
        }
        Origin::Record(offset) => {
            // As [`from_record`] lays it out: the record's own title before its body.
            let mut record = read_record(path, offset)?;
            let body = record.take_body();
            Ok(match record.title.as_deref().map(str::trim) {
                Some(title) if !title.is_empty() => format!("{title}\n\n{body}"),
                _ => body,
            })
        }
    }
}

/// Reads an article again, whole (text and structure), from where its list entry says
/// it came from: the file, the JSON Lines record at its byte offset (only that line is
/// read), a built-in sample, or the text kept for standard input. What the reader does
/// when one is shown, since neither texts nor analyses are kept for the whole corpus.
pub fn reload(article: &Article) -> Result<Article, Problem> {
    let path = Path::new(&article.path);
    let gone = |reason: &str| Problem::Unreadable {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    match article.origin {
        Origin::Stdin => {
            // A record's own title was put before its body: the body is read again alone.
            let titled = article.text.strip_prefix(&format!("{}\n\n", article.title));
            let body = titled.filter(|_| article.line.is_some());
            let text = body.map_or_else(|| article.text.clone(), str::to_owned);
            let mut again = from_text(&article.path, text);
            again.origin = Origin::Stdin;
            if article.line.is_some() {
                again.line = article.line;
                again.title.clone_from(&article.title);
                again.published = article.published;
                again.source.clone_from(&article.source);
                if body.is_some() {
                    again.paragraphs.extend(again.title_span.take());
                    again.paragraphs.sort_unstable();
                    again.put_title_first();
                }
            }
            Ok(again)
        }
        Origin::Embedded => {
            let text = reload_text(&article.path, article.origin, &article.text)?;
            let mut again = from_text(&article.path, text);
            again.origin = Origin::Embedded;
            Ok(again)
        }
        Origin::File => {
            let bytes = std::fs::read(path).map_err(|e| Problem::unreadable(path, &e))?;
            let mut problems = Vec::new();
            let mut articles = from_vec(path, bytes, false, &mut problems);
            let mut again = articles.pop().ok_or_else(|| {
                problems
                    .pop()
                    .unwrap_or_else(|| gone("no article in the file any more"))
            })?;
            again.path.clone_from(&article.path);
            Ok(again)
        }
        Origin::Record(offset) => {
            let record = read_record(path, offset)?;
            let number = article.line.unwrap_or_default();
            let offset = usize::try_from(offset).unwrap_or(usize::MAX);
            Ok(record_article(&article.path, number, offset, record, false))
        }
    }
}

/// The sample articles' names and texts, built into the binary.
const SEEDS: [(&str, &str); 5] = {
    macro_rules! seed {
        ($name:literal) => {
            (
                concat!("seeds/", $name),
                include_str!(concat!("../../seeds/", $name)),
            )
        };
    }
    [
        seed!("000_e587ea9827916ff1.txt"),
        seed!("001_e52d97f2dec9df99.txt"),
        seed!("002_3fd5d64bb745e3fe.txt"),
        seed!("003_1ca48a4bd88a22bf.txt"),
        seed!("004_659b4ccabb39ed8a.txt"),
    ]
};

/// The sample articles shipped inside the binary, so `khabar` alone works anywhere.
pub fn seeds() -> Vec<Article> {
    SEEDS
        .iter()
        .map(|(path, text)| {
            let mut article = from_text(path, (*text).to_owned());
            article.origin = Origin::Embedded;
            article
        })
        .collect()
}

/// The xxh3 hash of a file's bytes, read in 1 MiB pieces (the same value as hashing them
/// at once): what tells a changed file from one merely touched. For regular files (a pipe
/// could not be read again after it), so opened without [`open_for_reading`]'s `stat`.
pub fn hash_file(file: &Path) -> std::io::Result<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(file)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match f.read(&mut buf) {
            Ok(0) => return Ok(hasher.digest()),
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(body: &str, published: Option<&str>) -> Article {
        let r = jsonl::Record {
            title: Some("बारिश".to_owned()),
            body: Some(body.to_owned()),
            published: published.map(str::to_owned),
            ..jsonl::Record::default()
        };
        from_record("feed.jsonl", 1, r)
    }

    /// A record without a date (a feed entry without one) is dated by a dateline that
    /// opens its body; a date inside a sentence is the story's, and the record's own date
    /// comes first.
    #[test]
    fn a_record_is_dated_by_the_dateline_opening_its_body() {
        let dated = record("नई दिल्ली, 4 जून 2024 । आज भारी बारिश हुई।", None);
        assert_eq!(
            dated.published.and_then(|p| p.value()).as_deref(),
            Some("2024-06-04")
        );
        assert_eq!(dated.dateline.as_deref(), Some("नई दिल्ली"));
        assert_eq!(dated.paragraphs.len(), 1, "the line stays text");
        let story = record("आज भारी बारिश हुई। 4 जून 2024 को घटना हुई।", None);
        assert!(story.published.is_none());
        let own = record(
            "नई दिल्ली, 4 जून 2024 । आज भारी बारिश हुई।",
            Some("2024-06-05"),
        );
        assert_eq!(
            own.published.and_then(|p| p.value()).as_deref(),
            Some("2024-06-05")
        );
    }

    /// A fetched entry the feed left undated, dated by its dateline's day alone, takes the
    /// year that puts the day last on or before the fetch (trial 44 saw `XXXX-06-09`,
    /// listed below every dated story).
    #[test]
    fn a_fetched_entrys_dateline_day_takes_the_fetchs_year() {
        let fetched = |body: &str, at: &str| {
            let r = jsonl::Record {
                title: Some("बारिश".to_owned()),
                body: Some(body.to_owned()),
                fetched: Some(at.to_owned()),
                ..jsonl::Record::default()
            };
            from_record("feed.jsonl", 1, r)
                .published
                .and_then(|p| p.value())
        };
        let day = "अयोध्या, 16 जून। आज भारी बारिश हुई।";
        assert_eq!(
            fetched(day, "2024-06-20T10:00:00+05:30").as_deref(),
            Some("2024-06-16")
        );
        assert_eq!(
            fetched("पटना, 28 दिसंबर। ठंड बढ़ी।", "2025-01-03T08:00:00+05:30").as_deref(),
            Some("2024-12-28")
        );
        // Without the fetch's time, the year stays unknown.
        assert_eq!(
            record(day, None)
                .published
                .and_then(|p| p.value())
                .as_deref(),
            Some("XXXX-06-16")
        );
    }
}
