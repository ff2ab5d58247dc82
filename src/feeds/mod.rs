//! Hindi news from the web: subscriptions to RSS/Atom feeds, fetching them, full article
//! text for entries that carry only a summary, and the library the fetched articles live in.
//!
//! Everything the network sends is untrusted. Only `http` and `https` URLs are fetched,
//! with timeouts and size caps ([`net`]); feed and page text is stored as data and shown
//! only through [`crate::text::sanitize()`]; file names come from the subscription, never from
//! the feed. The fetched articles are JSON Lines files in the data directory
//! ([`library`]), so the ordinary loader, database and filters read them like any corpus.

pub mod fetch;
pub mod fulltext;
pub mod library;
pub mod net;
pub mod opml;
pub mod parse;
pub mod subscriptions;
mod zones;

pub use fetch::{Counts, FeedReport, Progress, Waiting, fetch_all};
pub use subscriptions::{Feed, Subscriptions};

/// What can go wrong with subscriptions, a fetch or the library. Each names the file or
/// URL at fault.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// A URL that is not `http://` or `https://` (or has no host).
    #[error("{url}: not an http(s) URL{}", scheme_hint(url))]
    BadUrl { url: String },
    /// An `http://` or `https://` URL written wrong (`http://[::1:80/`), with why.
    #[error("{url}: not a valid URL: {reason}")]
    Malformed { url: String, reason: String },
    /// The server could not be reached, timed out, redirected too often, or sent too much.
    #[error("{url}: {reason}")]
    Network { url: String, reason: String },
    /// The server did not connect or answer in time (a hanging site: the fetch asks it
    /// for no more pages this run).
    #[error("{url}: {reason}")]
    TimedOut { url: String, reason: String },
    /// The server answered with an error status, and maybe how long to wait before asking
    /// again (`Retry-After`, in seconds, with 429 or 503).
    #[error("{url}: HTTP {status}{}", wait_note(*retry_after))]
    Status {
        url: String,
        status: u16,
        retry_after: Option<u64>,
    },
    /// The body is not a feed (HTML, bad XML, unknown format).
    #[error("{url}: not a feed: {reason}")]
    NotAFeed { url: String, reason: String },
    /// Another process is fetching into the library (see [`library::Library::lock`]).
    #[error("{path}: another khabar is fetching into this library; try again when it is done")]
    Busy { path: String },
    /// A file of khabar's could not be read or written.
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    /// `feeds.toml` or an OPML file does not parse.
    #[error("{path}: {reason}")]
    Syntax { path: String, reason: String },
    /// A subscription was named that does not exist, or added twice.
    #[error("{0}")]
    Subscription(String),
}

impl FeedError {
    pub(crate) fn file(path: &std::path::Path, e: impl std::fmt::Display) -> Self {
        Self::File {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    }
}

/// `127.0.0.1:8901/rss.xml` lacks only its scheme: say so.
fn wait_note(retry_after: Option<u64>) -> String {
    retry_after.map_or_else(String::new, |s| {
        format!(
            " (the server asks to wait {}; it is not asked again before then)",
            fetch::span_of(s)
        )
    })
}

fn scheme_hint(url: &str) -> String {
    let url = url.trim();
    // `javascript:alert(1)` and `file:/etc` have a scheme, one that is refused: `http://`
    // before them is no fix (trial 51). `host:8080/x` has a port, not a scheme.
    let other_scheme = url.split_once(':').is_some_and(|(scheme, rest)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && !rest.starts_with(|c: char| c.is_ascii_digit())
    });
    if other_scheme || url.contains("://") || url.is_empty() || url.contains(char::is_whitespace) {
        String::new()
    } else {
        format!(" (did you mean http://{url}?)")
    }
}

/// A stable short hash of some text (file names, content identity).
pub(crate) fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}
