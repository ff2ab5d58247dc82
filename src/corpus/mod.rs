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
mod structure;
mod walk;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use article::{Article, Chrome, ChromeKind, Origin};
pub use decode::OffsetMap;
pub use error::Problem;
pub use markers::Markers;
pub use walk::is_json_lines;

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

/// Calls `on_file` for each article file under `paths` as the walk finds it, and
/// `on_problem` for what goes wrong on the way.
pub fn each_file(
    paths: &[PathBuf],
    on_file: &mut dyn FnMut(PathBuf),
    on_problem: &mut dyn FnMut(Problem),
) {
    for path in paths {
        walk::expand_each(path, on_file, on_problem);
    }
}

/// The article files under `paths`, sorted within each folder, in the order given.
pub fn files(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| walk::expand(p, problems))
        .collect()
}

/// The articles in one file (`-` for standard input).
pub fn read_file(path: &Path, problems: &mut Vec<Problem>) -> Vec<Article> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    match bytes {
        Ok(bytes) => {
            let json_lines = walk::is_json_lines(path)
                || (path.as_os_str() == "-" && bytes.trim_ascii_start().starts_with(b"{"));
            from_bytes(path, &bytes, json_lines, problems)
        }
        Err(e) => {
            problems.push(Problem::Unreadable {
                path: path.to_owned(),
                reason: e.to_string(),
            });
            Vec::new()
        }
    }
}

/// The articles in a file's bytes: one for plain text, one per record for JSON Lines.
pub fn from_bytes(
    path: &Path,
    bytes: &[u8],
    json_lines: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Article> {
    if let Some(offset) = memchr_nul(bytes) {
        problems.push(Problem::Binary {
            path: path.to_owned(),
            offset,
        });
        return Vec::new();
    }
    let (text, bad, offsets) = decode::decode(bytes);
    if let Some(offset) = bad {
        problems.push(Problem::InvalidUtf8 {
            path: path.to_owned(),
            offset,
        });
    }
    if text.trim().is_empty() {
        problems.push(Problem::Empty {
            path: path.to_owned(),
        });
        return Vec::new();
    }
    let name = path.display().to_string();
    if !json_lines {
        let mut article = from_text(&name, text.into_owned());
        article.offsets = offsets;
        if path.as_os_str() == "-" {
            article.origin = Origin::Stdin;
        }
        return vec![article];
    }
    let records = jsonl::records(path, &text, problems);
    records
        .into_iter()
        .map(|(line, start, r)| {
            let mut article = from_record(&name, line, r);
            article.origin = if path.as_os_str() == "-" {
                Origin::Stdin
            } else {
                // The file byte where the record's line starts, so it can be read back
                // alone (`start` is in the decoded text).
                Origin::Record(offsets.to_file(start) as u64)
            };
            article
        })
        .collect()
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
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
        text,
    }
}

fn from_record(path: &str, line: usize, r: jsonl::Record) -> Article {
    let body = r.body.or(r.text).unwrap_or_default();
    let mut article = from_text(path, body);
    article.line = Some(line);
    if let Some(title) = r.title.filter(|t| !t.trim().is_empty()) {
        // The record names its title, so the body's first line is text, not a headline.
        if let Some(span) = article.title_span.take() {
            article.paragraphs.insert(0, span);
        }
        title.trim().clone_into(&mut article.title);
    }
    if let Some(p) = r.published.as_deref().and_then(dates::parse_published) {
        article.published = Some(p.1);
    }
    article.source = r.source.filter(|s| !s.trim().is_empty()).or(article.source);
    article.url = r.url;
    if let Some(author) = r.author.filter(|a| !a.trim().is_empty()) {
        article.byline = Some(author.trim().to_owned());
    }
    article
}

/// Reads an article's text again from where it came from, for an article whose text was
/// dropped to save memory. Fails (naming the file) if the file is gone or changed so much
/// that the record is no longer there.
pub fn reload_text(article: &Article) -> Result<String, Problem> {
    let path = Path::new(&article.path);
    let gone = |reason: &str| Problem::Unreadable {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    match article.origin {
        Origin::Stdin => Ok(article.text.clone()),
        Origin::Embedded => SEEDS
            .iter()
            .find(|(name, _)| *name == article.path)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| gone("not a built-in sample")),
        Origin::File => {
            let bytes = std::fs::read(path).map_err(|e| gone(&e.to_string()))?;
            Ok(decode::decode(&bytes).0.into_owned())
        }
        Origin::Record(offset) => {
            // Only the record's own line is read, not the whole (often large) file.
            use std::io::{BufRead, Seek};
            let file = std::fs::File::open(path).map_err(|e| gone(&e.to_string()))?;
            let mut reader = std::io::BufReader::new(file);
            reader
                .seek(std::io::SeekFrom::Start(offset))
                .map_err(|e| gone(&e.to_string()))?;
            let mut line = Vec::new();
            reader
                .read_until(b'\n', &mut line)
                .map_err(|e| gone(&e.to_string()))?;
            let record = jsonl::record_at(&decode::decode(&line).0, 0)
                .ok_or_else(|| gone("the JSON record is no longer where it was"))?;
            Ok(record.body.or(record.text).unwrap_or_default())
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
