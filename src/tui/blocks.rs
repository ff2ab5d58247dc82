//! Long articles are laid out a window at a time, so no key or resize costs work
//! proportional to the article's length.
//!
//! An article's text is cut into blocks that wrap independently of each other: paragraphs
//! (or raw lines), and pieces of at most [`CHUNK`] bytes of a longer one, cut after a space
//! (or, with no space near, at a grapheme cluster boundary). Rows of a block depend on the
//! block alone, so any run of blocks can be wrapped on its own and agrees row for row with
//! the whole layout. Cutting the blocks is cheap (a search for a space every 32 KB); an
//! article of more than [`WINDOWED_FROM`] bytes then wraps only the blocks within
//! [`MARGIN`] bytes of the reading position (see `App::rows`).

use unicode_segmentation::GraphemeCursor;

use super::document::RowKind;
use crate::corpus::Article;
use crate::span::Span;

/// The longest block: a paragraph longer than this is wrapped in pieces, with a row
/// ending at each cut (one slightly short row every 32 KB of a scraped page).
pub const CHUNK: usize = 32 * 1024;
/// Articles from this size on are laid out a window at a time.
pub const WINDOWED_FROM: usize = 512 * 1024;
/// How much text on each side of the reading position a window holds.
pub const MARGIN: usize = 64 * 1024;
/// How far past a chunk's nominal end a space is looked for before cutting between clusters.
const SPACE_SEARCH: usize = 2048;

/// A stretch of text wrapped on its own: a paragraph, a piece of one, or a raw line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: RowKind,
    /// A blank row goes before it (the first piece of a paragraph).
    pub blank_before: bool,
}

/// The body of the article view: its paragraphs, long ones cut into pieces.
pub fn article_blocks(article: &Article) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(article.paragraphs.len());
    for para in &article.paragraphs {
        push_pieces(&mut blocks, &article.text, *para, RowKind::Body, true);
    }
    blocks
}

/// The raw view: every line of the file, chrome marked, long lines cut into pieces.
pub fn raw_blocks(article: &Article) -> Vec<Block> {
    let text = &article.text;
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let span = Span::new(start, start + content.len());
        start += line.len();
        if content.trim().is_empty() {
            blocks.push(Block {
                span: Span::new(span.start, span.start),
                kind: RowKind::Blank,
                blank_before: false,
            });
            continue;
        }
        let kind = if article.in_chrome(span) {
            RowKind::Chrome
        } else {
            RowKind::Body
        };
        push_pieces(&mut blocks, text, span, kind, false);
    }
    blocks
}

fn push_pieces(blocks: &mut Vec<Block>, text: &str, span: Span, kind: RowKind, blank: bool) {
    let mut start = span.start;
    let mut first = true;
    while start < span.end || first {
        let end = if span.end - start <= CHUNK {
            span.end
        } else {
            cut_after(text, start + CHUNK, span.end)
        };
        blocks.push(Block {
            span: Span::new(start, end),
            kind,
            blank_before: blank && first,
        });
        first = false;
        start = end;
    }
}

/// Where to end a piece near `at` (before `limit`): after the next space when one is near,
/// else at the next grapheme cluster boundary, so no cluster is ever cut.
fn cut_after(text: &str, at: usize, limit: usize) -> usize {
    let window = &text.as_bytes()[at..limit.min(at + SPACE_SEARCH)];
    if let Some(i) = memchr::memchr(b' ', window) {
        return at + i + 1;
    }
    let mut at = at;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    if cursor.is_boundary(text, 0) == Ok(true) {
        return at;
    }
    match cursor.next_boundary(text, 0) {
        Ok(Some(b)) if b <= limit && b > at => b,
        _ => limit,
    }
}

/// The blocks a window around `anchor` holds: from the first ending at or after
/// `anchor - MARGIN` to the last starting before `anchor + MARGIN`, at least one.
pub fn window(blocks: &[Block], anchor: usize) -> std::ops::Range<usize> {
    if blocks.is_empty() {
        return 0..0;
    }
    let lo = anchor.saturating_sub(MARGIN);
    let first = blocks
        .partition_point(|b| b.span.end < lo)
        .min(blocks.len() - 1);
    let last = blocks
        .partition_point(|b| b.span.start <= anchor + MARGIN)
        .max(first + 1);
    first..last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paragraphs_are_cut_after_spaces_and_clusters_are_never_cut() {
        let text = "राष्ट्रपति ने कहा ".repeat(10_000);
        let article = crate::corpus::from_text("long.txt", text.clone());
        let blocks = article_blocks(&article);
        assert!(blocks.len() > 1);
        assert!(blocks.windows(2).all(|w| w[0].span.end == w[1].span.start));
        assert!(blocks.iter().all(|b| b.span.len() <= CHUNK + SPACE_SEARCH));
        assert!(
            blocks[..blocks.len() - 1]
                .iter()
                .all(|b| b.span.of(&text).ends_with(' '))
        );
        let unspaced = "क्ष".repeat(20_000);
        let mut blocks = Vec::new();
        push_pieces(
            &mut blocks,
            &unspaced,
            Span::new(0, unspaced.len()),
            RowKind::Body,
            true,
        );
        assert!(blocks.len() > 1);
        assert!(
            blocks
                .iter()
                .all(|b| b.span.of(&unspaced).starts_with("क्ष"))
        );
    }

    #[test]
    fn a_window_holds_the_blocks_near_the_anchor() {
        let blocks: Vec<Block> = (0..100)
            .map(|i| Block {
                span: Span::new(i * 10_000, (i + 1) * 10_000),
                kind: RowKind::Body,
                blank_before: false,
            })
            .collect();
        assert_eq!(window(&blocks, 0), 0..7);
        assert_eq!(window(&blocks, 500_000), 43..57);
        assert_eq!(window(&blocks, 1_000_000), 93..100);
        assert_eq!(window(&blocks[..1], 1_000_000), 0..1);
    }
}
