//! Painting text into a ratatui [`Buffer`] so that its cells are the terminal's cells.
//!
//! ratatui keeps one grapheme cluster per cell and assumes the terminal does too. A
//! per-code-point terminal (xterm, VTE, tmux) stores `को` as two cells, `क` and `ो`; when a
//! later frame changes only the second column, ratatui's diff sees nothing to do there and
//! the old vowel sign stays on screen (ratatui issues 2738, 2587). Here every cell we write
//! is one terminal cell under the chosen [`WidthModel`]: a code point with its zero-width
//! marks on per-code-point terminals, a whole cluster with its forced width on cluster
//! terminals. The diff then stays exact without a full repaint; [`bridge_short_gaps`]
//! makes it cheaper still by rewriting unchanged cells where that saves a cursor move.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::span::Span;
use crate::text::width::{self, WidthModel, display_cluster};
use crate::text::wrap::Row;

const ELLIPSIS: &str = "…";

/// Paints text segments (each with its style) on row `y` from column `x`, at most `width`
/// columns, and blanks the rest of those columns with `fill`. Whole clusters only: when the
/// text does not fit it stops before the first cluster that would cross the edge, and with
/// `ellipsis` ends in `…`. Returns the columns written.
pub fn paint_row(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    segments: &[(&str, Style)],
    model: WidthModel,
    fill: Style,
    ellipsis: bool,
) -> u16 {
    let right = x.saturating_add(width).min(buf.area.right());
    if y < buf.area.top() || y >= buf.area.bottom() || x >= right {
        return 0;
    }
    let width = usize::from(right - x);
    let total: usize = segments.iter().map(|(t, _)| model.str_width(t)).sum();
    let limit = if ellipsis && total > width {
        width - 1
    } else {
        width
    };
    let mut col = usize::from(x);
    let end = usize::from(x) + limit;
    'segments: for &(text, style) in segments {
        for (_, g) in width::clusters(text) {
            let shown = display_cluster(g, model);
            let w = model.cluster_width(&shown);
            if w == 0 {
                continue;
            }
            if col + w > end {
                break 'segments;
            }
            for (cell, cw) in model.cells(&shown) {
                put(buf, (col as u16, y), cell, cw, style);
                col += cw;
            }
        }
    }
    if limit < width {
        put(buf, (col as u16, y), ELLIPSIS, 1, fill);
        col += 1;
    }
    let used = col - usize::from(x);
    for c in col..usize::from(right) {
        buf[(c as u16, y)].reset();
        buf[(c as u16, y)].set_style(fill);
    }
    used as u16
}

/// Writes one terminal cell, telling ratatui its width when ratatui would guess otherwise,
/// and blanks the columns a wide cell covers.
fn put(buf: &mut Buffer, (x, y): (u16, u16), symbol: &str, width: usize, style: Style) {
    if width == 0 {
        return;
    }
    let cell = &mut buf[(x, y)];
    cell.reset();
    cell.set_symbol(symbol).set_style(style);
    // ratatui 0.30 writes the column after a VS16 emoji right after it without moving the
    // cursor, which lands one column off where the emoji is wide; a forced width avoids
    // that path.
    let vs16 = symbol.contains('\u{fe0f}');
    if (vs16 || usize::from(symbol.cell_width()) != width)
        && let Some(w) = NonZeroU16::new(width as u16)
    {
        cell.set_diff_option(CellDiffOption::ForcedWidth(w));
    }
    for k in 1..width as u16 {
        if let Some(c) = buf.cell_mut((x + k, y)) {
            c.reset();
            c.set_style(style);
        }
    }
}

/// What a pane's cells held when last painted, so [`bridge_short_gaps`] can tell what
/// changed. Start with `PaneMemory::default()` and keep one per pane.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaneMemory {
    area: Rect,
    cells: Vec<(String, Style)>,
}

/// Bytes a cursor move costs (`ESC [ row ; col H`), the price of a gap in a run of writes.
const MOVE_COST: usize = 8;

/// Marks for repaint the unchanged cells that sit in short gaps between changed cells of
/// the same row, so the terminal gets one run of text instead of a cursor move per gap.
///
/// ratatui's diff writes only changed cells, but each run of them costs a cursor move
/// (about 8 bytes), more than rewriting one or two Devanagari cells that did not change.
/// Correctness never depends on this (it only adds writes); see `layout_report` for figures.
pub fn bridge_short_gaps(buf: &mut Buffer, area: Rect, memory: &mut PaneMemory) {
    let area = area.intersection(buf.area);
    let fresh = memory.area != area;
    if fresh {
        *memory = PaneMemory {
            area,
            cells: vec![
                (String::new(), Style::new());
                usize::from(area.width) * usize::from(area.height)
            ],
        };
    }
    let width = usize::from(area.width);
    for (i, y) in (area.top()..area.bottom()).enumerate() {
        let mut last_changed: Option<u16> = None;
        // Bytes of the unchanged cells since the last change, or None when the gap cannot
        // be bridged: the backend moves the cursor after any cell wider than one column.
        let mut gap_bytes = Some(0);
        for (j, x) in (area.left()..area.right()).enumerate() {
            let cell = &buf[(x, y)];
            let narrow = cell.cell_width() == 1 && cell.diff_option == CellDiffOption::None;
            let (symbol, style) = (cell.symbol(), cell.style());
            let slot = &mut memory.cells[i * width + j];
            if fresh || slot.0 != symbol || slot.1 != style {
                slot.0.clear();
                slot.0.push_str(symbol);
                slot.1 = style;
                if let (Some(from), Some(bytes)) = (last_changed, gap_bytes)
                    && bytes <= MOVE_COST
                {
                    for gx in from + 1..x {
                        buf[(gx, y)].set_diff_option(CellDiffOption::AlwaysUpdate);
                    }
                }
                last_changed = Some(x);
                gap_bytes = narrow.then_some(0);
            } else {
                gap_bytes = gap_bytes.filter(|_| narrow).map(|b| b + symbol.len());
            }
        }
    }
}

/// Wrapped text (rows from [`crate::text::wrap::wrap`]) scrolled by `scroll` rows, with
/// optional styled byte spans (entity or date highlights) over the base style.
#[derive(Debug, Clone)]
pub struct WrappedText<'a> {
    pub text: &'a str,
    pub rows: &'a [Row],
    pub scroll: usize,
    pub model: WidthModel,
    pub style: Style,
    /// Sorted, non-overlapping spans into `text` and the style patched over them.
    pub highlights: &'a [(Span, Style)],
}

impl WrappedText<'_> {
    fn segments(&self, row: Span) -> Vec<(&str, Style)> {
        let mut out = Vec::new();
        let mut pos = row.start;
        for &(span, style) in self.highlights {
            if span.end <= pos || !span.overlaps(row) {
                continue;
            }
            let start = span.start.max(pos);
            if start > pos {
                out.push((&self.text[pos..start], self.style));
            }
            let end = span.end.min(row.end);
            out.push((&self.text[start..end], self.style.patch(style)));
            pos = end;
        }
        if pos < row.end {
            out.push((&self.text[pos..row.end], self.style));
        }
        out
    }
}

impl Widget for WrappedText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let mut rows = self.rows.iter().skip(self.scroll);
        for y in area.top()..area.bottom() {
            let segments = rows
                .next()
                .map(|r| self.segments(r.span))
                .unwrap_or_default();
            let place = (area.x, y, area.width);
            paint_row(buf, place, &segments, self.model, self.style, false);
        }
    }
}

/// Whether the cell at `x` continues a cluster that starts in an earlier cell (on a
/// per-code-point terminal a vowel sign can have a cell of its own, and a consonant after a
/// virama belongs to the conjunct before it).
fn continues(buf: &Buffer, x: u16, y: u16) -> bool {
    let Some(cell) = buf.cell((x, y)) else {
        return false;
    };
    let starts_joined = cell
        .symbol()
        .chars()
        .next()
        .is_some_and(width::is_continuation);
    let after_joiner = x > buf.area.left()
        && buf
            .cell((x - 1, y))
            .is_some_and(|prev| prev.symbol().ends_with(['\u{94d}', '\u{200d}']));
    starts_joined || after_joiner
}

/// Call before drawing an overlay (help, picker) over `rect`: blanks the parts of clusters
/// that the overlay would cut at its left and right edges, so no half conjunct or lone
/// vowel sign is left beside it.
pub fn clear_cut_clusters(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    for y in rect.top()..rect.bottom() {
        if continues(buf, rect.left(), y) {
            let mut x = rect.left();
            while x > buf.area.left() {
                x -= 1;
                let was_start = !continues(buf, x, y);
                buf[(x, y)].reset();
                if was_start {
                    break;
                }
            }
        }
        let mut x = rect.right();
        while x < buf.area.right() && continues(buf, x, y) {
            buf[(x, y)].reset();
            x += 1;
        }
    }
}

/// How many rows `text` takes wrapped at `width` columns (at least one).
pub fn wrapped_rows(text: &str, width: u16, model: WidthModel) -> u16 {
    crate::text::wrap::wrap(text, usize::from(width.max(1)), model)
        .count()
        .max(1)
        .try_into()
        .unwrap_or(u16::MAX)
}

/// Paints `text` wrapped at `width` columns from row `y`, at most `max_rows` rows, so a
/// message is shown whole rather than cut at the edge. Returns the rows painted.
pub fn paint_wrapped(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    max_rows: u16,
    text: &str,
    style: Style,
    model: WidthModel,
) -> u16 {
    let mut painted = 0;
    for row in crate::text::wrap::wrap(text, usize::from(width.max(1)), model) {
        if painted >= max_rows {
            break;
        }
        paint_row(
            buf,
            (x, y + painted, width),
            &[(row.span.of(text), style)],
            model,
            Style::new(),
            true,
        );
        painted += 1;
    }
    painted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn symbols(buf: &Buffer, y: u16) -> Vec<String> {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect()
    }

    #[test]
    fn per_code_point_cells_split_spacing_signs() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let used = paint_row(
            &mut buf,
            (0, 0, 6),
            &[("कोक्ष", Style::new())],
            WidthModel::PerCodePoint,
            Style::new(),
            false,
        );
        assert_eq!(used, 4);
        assert_eq!(symbols(&buf, 0), ["क", "ो", "क्", "ष", " ", " "]);
    }

    #[test]
    fn cluster_cells_carry_their_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        let place = (0, 0, 4);
        let style = Style::new();
        paint_row(
            &mut buf,
            place,
            &[("कोक", style)],
            WidthModel::OneCellPerCluster,
            style,
            false,
        );
        assert_eq!(symbols(&buf, 0), ["को", "क", " ", " "]);
        assert_eq!(buf[(0, 0)].cell_width(), 1);
    }

    #[test]
    fn truncates_between_clusters_with_ellipsis() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        let style = Style::new();
        let m = WidthModel::PerCodePoint;
        // राष्ट्रपति: रा(2) ष्ट्र(3) ...; 4 columns before the ellipsis fit only रा.
        paint_row(&mut buf, (0, 0, 5), &[("राष्ट्रपति", style)], m, style, true);
        assert_eq!(symbols(&buf, 0), ["र", "ा", "…", " ", " "]);
    }

    #[test]
    fn controls_never_reach_the_buffer() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 9, 1));
        let style = Style::new();
        let m = WidthModel::PerCodePoint;
        paint_row(
            &mut buf,
            (0, 0, 9),
            &[("a\u{1b}[2J ा", style)],
            m,
            style,
            false,
        );
        let want = ["a", "␛", "[", "2", "J", " ", "◌", "ा", " "];
        assert_eq!(symbols(&buf, 0), want);
    }

    #[test]
    fn highlights_style_only_their_bytes() {
        let text = "राम ने कहा";
        let rows = [Row {
            span: Span::new(0, text.len()),
            width: 7,
            ends_line: true,
        }];
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        // "ने" is bytes 10..16: the fifth column (after रा म and the space).
        let highlights = [(Span::new(10, 16), bold)];
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        WrappedText {
            text,
            rows: &rows,
            scroll: 0,
            model: WidthModel::PerCodePoint,
            style: Style::new(),
            highlights: &highlights,
        }
        .render(buf.area, &mut buf);
        let bold_cols: Vec<u16> = (0..8)
            .filter(|&x| {
                buf[(x, 0)]
                    .modifier
                    .contains(ratatui::style::Modifier::BOLD)
            })
            .collect();
        assert_eq!(bold_cols, [4]);
        assert_eq!(buf[(4, 0)].symbol(), "ने");
    }

    #[test]
    fn short_gaps_between_changes_are_filled() {
        let area = Rect::new(0, 0, 14, 2);
        let mut memory = PaneMemory::default();
        let frame = |rows: [&str; 2]| {
            let mut buf = Buffer::empty(area);
            for (y, row) in rows.iter().enumerate() {
                buf.set_string(0, y as u16, row, Style::new());
            }
            buf
        };
        bridge_short_gaps(
            &mut frame(["abcdefghijklmn", "abcdefghijklmn"]),
            area,
            &mut memory,
        );
        // Row 0: changes at 0 and 3 (gap of 2 bytes: filled) and at 13 (gap of 9: not).
        // Row 1: unchanged, nothing marked.
        let mut next = frame(["XbcXefghijklmX", "abcdefghijklmn"]);
        bridge_short_gaps(&mut next, area, &mut memory);
        let marked: Vec<u16> = (0..14)
            .filter(|&x| next[(x, 0)].diff_option == CellDiffOption::AlwaysUpdate)
            .collect();
        assert_eq!(marked, [1, 2]);
        assert!((0..14).all(|x| next[(x, 1)].diff_option == CellDiffOption::None));
    }
}
