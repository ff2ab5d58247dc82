//! One news article as read from disk, with its structure marked as byte spans.

use serde::{Deserialize, Serialize};

use super::decode::OffsetMap;
use crate::extract::dates::Published;
use crate::span::Span;

/// What a piece of site chrome is: text the page carried around the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChromeKind {
    /// "Move to Jagran APP", "Open in App", "लाइव न्यूज़".
    Banner,
    /// "Hero Image" and similar image placeholders.
    Image,
    /// "यह भी पढ़ें" links to other stories.
    ReadAlso,
    /// "Tags:" / "टॅग्स" lines.
    Tags,
    /// "Similar News", "संबंधित खबरें" and the headlines listed after them.
    Related,
    /// Portal footers ("... News & information Portal").
    Footer,
    /// A paragraph found in many articles of the same source (see [`super::repeated`]).
    Repeated,
}

/// A span of chrome in an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chrome {
    pub span: Span,
    pub kind: ChromeKind,
}

/// One article. `text` is everything the file (or JSON record's body) held; the other
/// fields point into it or were read from it.
///
/// For a large corpus the text is dropped once the article is analysed and read again from
/// its file when it is shown ([`super::reload`]), so memory stays bounded; the database
/// keeps what the list and filters need of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The file it came from, as given or found while walking a folder.
    pub path: String,
    /// For JSON Lines, the 1-based line of the record; `None` for plain files.
    pub line: Option<usize>,
    /// The article text, with invalid UTF-8 replaced by U+FFFD (empty only in a list row's
    /// [`crate::library::Doc::reference`], which [`crate::corpus::reload`] fills).
    #[serde(skip)]
    pub text: String,
    pub title: String,
    /// Where the title stands in `text`, when it was taken from it.
    pub title_span: Option<Span>,
    pub source: Option<String>,
    pub byline: Option<String>,
    /// The place of a dateline (`प्योंगयांग, 14 सितंबर ।` gives `प्योंगयांग`).
    pub dateline: Option<String>,
    pub published: Option<Published>,
    /// The line that carried the publication date or byline, if any.
    pub byline_span: Option<Span>,
    /// Body paragraphs in reading order, chrome excluded, title and byline excluded.
    pub paragraphs: Vec<Span>,
    pub chrome: Vec<Chrome>,
    /// The URL a JSON record named.
    pub url: Option<String>,
    /// Maps offsets in `text` back to the file's bytes where invalid UTF-8 was replaced.
    pub offsets: OffsetMap,
    /// Where the text comes from, to read it again on demand.
    pub origin: Origin,
    /// Where the body starts in `text`: a JSON Lines record's own title is put before its
    /// body (the title, a blank line, the body), so names and dates in the headline are
    /// found as a file's are. 0 for a file, whose headline is in its text already.
    #[serde(default)]
    pub body_at: usize,
}

/// Where an article's text can be read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Origin {
    /// The whole file at `path`.
    #[default]
    File,
    /// The JSON Lines record starting at this byte of the file at `path`.
    Record(u64),
    /// A sample article built into the binary.
    Embedded,
    /// Standard input: it cannot be read twice, so the text is never dropped.
    Stdin,
}

impl Article {
    /// The spans extraction may look at: title, byline and body paragraphs, in text
    /// order. Chrome is never among them.
    pub fn content_regions(&self) -> Vec<Span> {
        crate::extract::Input::from(self).content_regions()
    }

    /// Whether `span` lies (even partly) in site chrome.
    pub fn in_chrome(&self, span: Span) -> bool {
        self.chrome.iter().any(|c| c.span.overlaps(span))
    }

    /// `span` (an offset range in `text`) as an offset range in the file's bytes (for a
    /// JSON Lines record, in its body; see [`Self::in_record_title`] for its title).
    pub fn file_span(&self, span: Span) -> Span {
        let at = |o: usize| self.offsets.to_file(o.saturating_sub(self.body_at));
        Span::new(at(span.start), at(span.end))
    }

    /// Whether `span` is in the title a JSON Lines record names apart (put before its
    /// body in `text`, from offset 0): its offsets are then the title's own.
    pub fn in_record_title(&self, span: Span) -> bool {
        span.start < self.body_at
    }

    /// Puts the record's title (`self.title`) before its body in `text`, moving every
    /// span of the body along, so the headline is read for names and dates.
    pub fn put_title_first(&mut self) {
        let head = format!("{}\n\n", self.title);
        let shift = head.len();
        let moved = |s: Span| Span::new(s.start + shift, s.end + shift);
        self.paragraphs.iter_mut().for_each(|s| *s = moved(*s));
        self.chrome.iter_mut().for_each(|c| c.span = moved(c.span));
        self.byline_span = self.byline_span.map(moved);
        self.title_span = Some(Span::new(0, self.title.len()));
        self.text.insert_str(0, &head);
        self.body_at = shift;
    }

    /// The paragraphs' text, for readers and tests.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs.iter().map(|s| s.of(&self.text))
    }
}

impl<'a> From<&'a Article> for crate::extract::Input<'a> {
    fn from(a: &'a Article) -> Self {
        Self {
            text: &a.text,
            title: a.title_span,
            byline: a.byline_span,
            paragraphs: &a.paragraphs,
            published: a.published.as_ref(),
        }
    }
}
