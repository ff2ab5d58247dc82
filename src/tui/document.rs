//! The reader pane's text as rows: header, paragraphs and (in raw view) the whole file,
//! wrapped to a width, each row keeping the byte range of the article text it shows.
//!
//! Rows are a pure function of the article, the view mode and the width, so the reading
//! position is kept as a byte offset and survives resizes, raw-view toggles and redraws.

use super::blocks::{self, Block};
use crate::corpus::Article;
use crate::span::Span;
use crate::text::width::WidthModel;
use crate::text::wrap::wrap;

/// What a row shows, which decides its base style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Title,
    Meta,
    Body,
    Chrome,
    Blank,
}

/// One screen row of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// Bytes of the article text shown (empty for blank rows and for header text that is
    /// not in the article text, such as the meta line).
    pub span: Span,
    /// Text not taken from the article (the meta line, a title from a JSON record).
    pub literal: Option<String>,
}

impl Row {
    fn blank(at: usize) -> Self {
        Self {
            kind: RowKind::Blank,
            span: Span::new(at, at),
            literal: None,
        }
    }
}

fn push_wrapped(
    rows: &mut Vec<Row>,
    text: &str,
    span: Span,
    kind: RowKind,
    width: u16,
    model: WidthModel,
) {
    for piece in wrap(span.of(text), usize::from(width), model) {
        rows.push(Row {
            kind,
            span: piece.span.shifted(span.start),
            literal: None,
        });
    }
}

/// Rows of text that is not in the article's text (a title cut from its first paragraph,
/// the meta line), placed at
/// the current end of the rows so row offsets stay in text order.
fn push_literal(rows: &mut Vec<Row>, literal: &str, kind: RowKind, width: u16, model: WidthModel) {
    let at = rows.last().map_or(0, |r| r.span.end);
    for piece in wrap(literal, usize::from(width), model) {
        rows.push(Row {
            kind,
            span: Span::new(at, at),
            literal: Some(piece.span.of(literal).to_owned()),
        });
    }
}

/// The meta line under the title: source, byline, publication date.
pub fn meta_line(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(article.source.clone());
    parts.extend(article.byline.clone());
    if let Some(v) = article.published.and_then(|p| p.value()) {
        parts.push(v);
    }
    if let Some(place) = &article.dateline {
        parts.push(place.clone());
    }
    parts.join(" · ")
}

/// The title and meta line of the article view.
pub fn header_rows(article: &Article, width: u16, model: WidthModel) -> Vec<Row> {
    let text = &article.text;
    let mut rows = Vec::new();
    match article.title_span {
        Some(span) => push_wrapped(&mut rows, text, span, RowKind::Title, width, model),
        None => push_literal(&mut rows, &article.title, RowKind::Title, width, model),
    }
    let meta = meta_line(article);
    if !meta.is_empty() {
        push_literal(&mut rows, &meta, RowKind::Meta, width, model);
    }
    rows
}

/// Appends the rows of one block: a blank row first if it opens a paragraph.
pub fn push_block(rows: &mut Vec<Row>, text: &str, block: &Block, width: u16, model: WidthModel) {
    if block.blank_before || block.kind == RowKind::Blank {
        rows.push(Row::blank(block.span.start));
    }
    if block.kind != RowKind::Blank {
        push_wrapped(rows, text, block.span, block.kind, width, model);
    }
}

/// The article laid out for reading: title, meta line, blank, then paragraphs with a blank
/// row between them.
pub fn article_rows(article: &Article, width: u16, model: WidthModel) -> Vec<Row> {
    let mut rows = header_rows(article, width, model);
    for block in &blocks::article_blocks(article) {
        push_block(&mut rows, &article.text, block, width, model);
    }
    rows
}

/// The whole file as it was read, each line wrapped, chrome marked for dimming.
pub fn raw_rows(article: &Article, width: u16, model: WidthModel) -> Vec<Row> {
    let mut rows = Vec::new();
    for block in &blocks::raw_blocks(article) {
        push_block(&mut rows, &article.text, block, width, model);
    }
    rows
}

/// Rows of part of an article: a run of its blocks (with the header when the run starts
/// the article view), and what text lies outside them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Laid {
    pub rows: Vec<Row>,
    /// Whether text before or after the rows is left out (a window of a long article).
    pub more_before: bool,
    pub more_after: bool,
    /// The bytes the rows cover, from the first block's start to the last one's end.
    pub covers: Span,
    /// Whether the rows were taken from the worker's line index rather than wrapped here.
    pub indexed: bool,
}

impl Laid {
    /// Every row of the article.
    pub fn whole(rows: Vec<Row>, len: usize) -> Self {
        Self {
            rows,
            more_before: false,
            more_after: false,
            covers: Span::new(0, len),
            indexed: false,
        }
    }

    /// Whether the rows reach `margin` bytes past `anchor` on both sides (or the article's
    /// ends), so a few pages can be scrolled without laying out more.
    pub fn holds(&self, anchor: usize, margin: usize) -> bool {
        (!self.more_before || anchor >= self.covers.start + margin)
            && (!self.more_after || anchor + margin <= self.covers.end)
    }

    pub fn is_window(&self) -> bool {
        self.more_before || self.more_after
    }
}

impl std::ops::Deref for Laid {
    type Target = [Row];

    fn deref(&self) -> &[Row] {
        &self.rows
    }
}

/// The rows of `range` of `blocks`, with the article view's header when it starts there.
pub fn window_rows(
    article: &Article,
    raw: bool,
    blocks: &[Block],
    range: std::ops::Range<usize>,
    width: u16,
    model: WidthModel,
) -> Laid {
    let mut laid = frame(article, raw, blocks, range.clone(), width, model);
    for block in &blocks[range] {
        push_block(&mut laid.rows, &article.text, block, width, model);
    }
    laid
}

/// Like [`window_rows`] for the article view, from rows laid out before (`index`, one entry
/// per block); `None` unless every block of `range` is there.
pub fn indexed_rows(
    article: &Article,
    blocks: &[Block],
    range: std::ops::Range<usize>,
    width: u16,
    model: WidthModel,
    index: &[Option<Vec<Row>>],
) -> Option<Laid> {
    let laid_out = index.get(range.clone())?;
    if laid_out.iter().any(Option::is_none) {
        return None;
    }
    let mut laid = frame(article, false, blocks, range, width, model);
    for rows in laid_out.iter().flatten() {
        laid.rows.extend_from_slice(rows);
    }
    laid.indexed = true;
    Some(laid)
}

/// A window's header rows (at the article's start) and what it covers, without its blocks.
fn frame(
    article: &Article,
    raw: bool,
    blocks: &[Block],
    range: std::ops::Range<usize>,
    width: u16,
    model: WidthModel,
) -> Laid {
    let at_start = range.start == 0;
    let rows = if at_start && !raw {
        header_rows(article, width, model)
    } else {
        Vec::new()
    };
    let covers = match (blocks.get(range.start), blocks.get(range.end.max(1) - 1)) {
        (Some(a), Some(b)) if !at_start => Span::new(a.span.start, b.span.end),
        (_, Some(b)) => Span::new(0, b.span.end),
        _ => Span::new(0, 0),
    };
    let more_after = range.end < blocks.len();
    Laid {
        rows,
        more_before: !at_start,
        more_after,
        covers: if more_after {
            covers
        } else {
            Span::new(covers.start, article.text.len())
        },
        indexed: false,
    }
}

/// The index of the row to show at the top for a reading position: the `nth` row starting
/// exactly at `anchor` when there is one (a blank row and the paragraph after it start at
/// the same byte, so the byte alone cannot tell them apart), else the last row starting
/// before it (after a resize or a view change rows start elsewhere).
pub fn row_at(rows: &[Row], anchor: usize, nth: usize) -> usize {
    let first = rows.partition_point(|r| r.span.start < anchor);
    let same = rows[first..]
        .iter()
        .take_while(|r| r.span.start == anchor)
        .count();
    if same > 0 {
        first + nth.min(same - 1)
    } else {
        first.saturating_sub(1)
    }
}

/// The reading position of row `index`: its start and its rank among rows starting there.
pub fn anchor_of(rows: &[Row], index: usize) -> (usize, usize) {
    let start = rows[index].span.start;
    let first = rows.partition_point(|r| r.span.start < start);
    (start, index - first)
}

/// The row holding byte `offset` of the article text.
pub fn row_of_offset(rows: &[Row], offset: usize) -> Option<usize> {
    rows.iter().position(|r| {
        r.kind != RowKind::Blank
            && r.literal.is_none()
            && r.span.start <= offset
            && offset < r.span.end.max(r.span.start + 1)
    })
}
