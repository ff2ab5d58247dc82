//! What can go wrong while reading articles. Each problem names its file, and none of
//! them stops the other files from loading.

use std::path::{Path, PathBuf};

/// A problem met while loading one path. Only [`Problem::Missing`] and
/// [`Problem::Unreadable`] lose anything; the others are warnings about what was done.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// A path given by the user does not exist.
    #[error("{}: no such file or folder", .0.display())]
    Missing(PathBuf),
    /// A file or folder could not be read (permissions, I/O error, symlink loop).
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// A symbolic link leads back into a folder being walked; it is not followed.
    #[error("{}: symlink loop; not followed", .0.display())]
    Loop(PathBuf),
    /// The file is not valid UTF-8; it was loaded with U+FFFD in place of bad bytes.
    #[error("{}: invalid UTF-8 at byte {offset}; loaded with replacement characters", path.display())]
    InvalidUtf8 { path: PathBuf, offset: usize },
    /// The file holds NUL bytes, so it is not text; skipped.
    #[error("{}: binary file (NUL byte at {offset}); skipped", path.display())]
    Binary { path: PathBuf, offset: usize },
    /// The file is UTF-16 or UTF-32 text (by its byte order mark, or by its first
    /// characters); khabar reads UTF-8 only.
    #[error("{}: {encoding} text, which khabar does not read; skipped (convert it: iconv -f {encoding} -t UTF-8)", path.display())]
    WideText {
        path: PathBuf,
        encoding: &'static str,
    },
    /// The file (or a JSON record's body) has no text; skipped.
    #[error("{}: empty; skipped", path.display())]
    Empty { path: PathBuf },
    /// A folder holds no file khabar reads.
    #[error("{}: no articles here (khabar reads .txt files, one article each, and .jsonl/.ndjson files, one article per line)", .0.display())]
    NoArticles(PathBuf),
    /// A file named directly is in a format khabar does not read as articles (CSV).
    #[error("{}: CSV is not read; khabar reads plain text (.txt, one article a file) and JSON Lines (.jsonl/.ndjson, one article a line with `title` and `body` or `text`)", .0.display())]
    Unsupported(PathBuf),
    /// A file named directly is a feed document (RSS, Atom): its entries come from the web.
    #[error("{}: a feed (RSS or Atom), not articles: subscribe to its address with `khabar feeds add URL`", .0.display())]
    Feed(PathBuf),
    /// An article so long that extracting it takes a while (it is still read whole).
    #[error("{}: an article of {mib} MiB (more than {limit} MiB); extraction takes longer", path.display())]
    Large {
        path: PathBuf,
        mib: usize,
        limit: usize,
    },
    /// A JSON Lines record's `published` is not a date khabar reads: the record is kept,
    /// undated (or dated by its byline or dateline).
    #[error("{}:{line}: `published` {} is not a date khabar reads (such as 2024-06-19, 19 June 2024, जून 2024, an RFC 3339 time, or seconds since 1970); the article is kept without it", path.display(), crate::text::sanitize::quoted(value))]
    NotADate {
        path: PathBuf,
        line: usize,
        value: String,
    },
    /// One line of a JSON Lines file is not a usable article; the other lines are kept.
    #[error("{}:{line}: {reason}; line skipped", path.display())]
    BadRecord {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

impl Problem {
    /// What an I/O error met at `path` is, in plain words: a link that cannot be followed
    /// (a link to itself, or round a loop) is the warning [`Problem::Loop`], as a loop a
    /// walk finds is (trial 53: one was an error, with the system's wording); the system's
    /// `(os error N)` is left out.
    pub fn unreadable(path: &Path, e: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        let link = || {
            path.as_os_str() != "-"
                && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        };
        let reason = match e.kind() {
            ErrorKind::PermissionDenied => "permission denied; not read".to_owned(),
            ErrorKind::NotFound if link() => {
                "broken symlink (its target does not exist)".to_owned()
            }
            ErrorKind::NotFound => "no such file or folder".to_owned(),
            _ if is_loop(e) => return Self::Loop(path.to_owned()),
            _ => {
                let text = e.to_string();
                match text.rfind(" (os error ") {
                    Some(at) if text.ends_with(')') => text[..at].to_owned(),
                    _ => text,
                }
            }
        };
        Self::Unreadable {
            path: path.to_owned(),
            reason,
        }
    }

    /// Whether the problem means something the user asked for was not loaded at all,
    /// which the command line reports with exit code 2.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Self::Missing(_) | Self::Unreadable { .. } | Self::Unsupported(_) | Self::Feed(_)
        )
    }

    /// The same problem, its path under `from` named under `to` instead (a path elsewhere
    /// stays as it is): a walk that went by a folder's absolute path reports in the
    /// user's spelling of it.
    #[must_use]
    pub fn respelt(mut self, from: &Path, to: &Path) -> Self {
        let path = match &mut self {
            Self::Missing(p)
            | Self::Loop(p)
            | Self::NoArticles(p)
            | Self::Unsupported(p)
            | Self::Feed(p)
            | Self::Unreadable { path: p, .. }
            | Self::InvalidUtf8 { path: p, .. }
            | Self::Binary { path: p, .. }
            | Self::WideText { path: p, .. }
            | Self::Empty { path: p }
            | Self::Large { path: p, .. }
            | Self::NotADate { path: p, .. }
            | Self::BadRecord { path: p, .. } => p,
        };
        *path = under(path, from, to);
        self
    }
}

/// Whether `e` is the system's "too many levels of symbolic links" (`ELOOP`).
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    let eloop = Some(rustix::io::Errno::LOOP.raw_os_error());
    #[cfg(not(unix))]
    let eloop = None;
    eloop.is_some() && e.raw_os_error() == eloop
}

/// `path` with its leading `from` replaced by `to` (as it is when not under `from`).
pub fn under(path: &Path, from: &Path, to: &Path) -> PathBuf {
    match path.strip_prefix(from) {
        Ok(rest) if rest.as_os_str().is_empty() => to.to_owned(),
        Ok(rest) => to.join(rest),
        Err(_) => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_under_a_root_is_named_in_its_spelling() {
        let from = Path::new("/home/u/news");
        let to = Path::new("news");
        let respelt = |p: Problem| p.respelt(from, to).to_string();
        assert_eq!(
            respelt(Problem::Missing(from.to_owned())),
            "news: no such file or folder"
        );
        assert_eq!(
            respelt(Problem::Empty {
                path: from.join("a/b.txt")
            }),
            "news/a/b.txt: empty; skipped"
        );
        // A path elsewhere (a link's target outside the root) stays as it is.
        assert_eq!(
            respelt(Problem::Loop(PathBuf::from("/elsewhere/x"))),
            "/elsewhere/x: symlink loop; not followed"
        );
        // A prefix that is not a whole folder name is not the root.
        assert_eq!(
            respelt(Problem::Loop(PathBuf::from("/home/u/newsroom"))),
            "/home/u/newsroom: symlink loop; not followed"
        );
    }

    /// The system's wording goes, its error number too (trial 53).
    #[test]
    fn io_errors_are_said_in_plain_words() {
        let at = Path::new("/no/such/dir/a.txt");
        let said = |e: std::io::Error| Problem::unreadable(at, &e).to_string();
        assert_eq!(
            said(std::io::Error::from(std::io::ErrorKind::PermissionDenied)),
            "/no/such/dir/a.txt: permission denied; not read"
        );
        let eio = said(std::io::Error::other("Input/output error (os error 5)"));
        assert_eq!(eio, "/no/such/dir/a.txt: Input/output error");
        assert!(Problem::unreadable(at, &std::io::Error::other("x")).is_error());
        // Only the system's own "too many levels of links" is a loop.
        assert!(!is_loop(&std::io::Error::other("x")));
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let own = dir.path().join("own");
            std::os::unix::fs::symlink("own", &own).unwrap();
            let e = std::fs::read(&own).unwrap_err();
            assert!(is_loop(&e), "{e}");
            assert!(matches!(Problem::unreadable(&own, &e), Problem::Loop(_)));
        }
    }
}
