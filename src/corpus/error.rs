//! What can go wrong while reading articles. Each problem names its file, and none of
//! them stops the other files from loading.

use std::path::PathBuf;

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
    /// The file (or a JSON record's body) has no text; skipped.
    #[error("{}: empty; skipped", path.display())]
    Empty { path: PathBuf },
    /// A folder holds no file khabar reads.
    #[error("{}: no articles here (khabar reads .txt files, one article each, and .jsonl/.ndjson files, one article per line)", .0.display())]
    NoArticles(PathBuf),
    /// A file named directly is in a format khabar does not read as articles (CSV).
    #[error("{}: CSV is not read; khabar reads plain text (.txt, one article a file) and JSON Lines (.jsonl/.ndjson, one article a line with `title` and `body` or `text`)", .0.display())]
    Unsupported(PathBuf),
    /// An article so long that extracting it takes a while (it is still read whole).
    #[error("{}: an article of {mib} MiB (more than {limit} MiB); extraction takes longer", path.display())]
    Large {
        path: PathBuf,
        mib: usize,
        limit: usize,
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
    /// Whether the problem means something the user asked for was not loaded at all,
    /// which the command line reports with exit code 2.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Self::Missing(_) | Self::Unreadable { .. } | Self::Unsupported(_)
        )
    }
}
