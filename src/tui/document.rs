//! The reader pane's text as rows: header, paragraphs and (in raw view) the whole file,
//! wrapped to a width, each row keeping the byte range of the article text it shows.
//!
//! Rows are a pure function of the article, the view mode and the width, so the reading
//! position is kept as a byte offset and survives resizes, raw-view toggles and redraws.

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

/// Rows of text that is not in the article (a record's title, the meta line), placed at
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

/// The article laid out for reading: title, meta line, blank, then paragraphs with a blank
/// row between them.
pub fn article_rows(article: &Article, width: u16, model: WidthModel) -> Vec<Row> {
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
    for para in &article.paragraphs {
        rows.push(Row::blank(para.start));
        push_wrapped(&mut rows, text, *para, RowKind::Body, width, model);
    }
    rows
}

/// The whole file as it was read, each line wrapped, chrome marked for dimming.
pub fn raw_rows(article: &Article, width: u16, model: WidthModel) -> Vec<Row> {
    let text = &article.text;
    let mut rows = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let span = Span::new(start, start + content.len());
        start += line.len();
        if content.trim().is_empty() {
            rows.push(Row::blank(span.start));
            continue;
        }
        let kind = if article.in_chrome(span) {
            RowKind::Chrome
        } else {
            RowKind::Body
        };
        push_wrapped(&mut rows, text, span, kind, width, model);
    }
    rows
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
