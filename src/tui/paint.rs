//! Painting text into a ratatui [`Buffer`] so that its cells are the terminal's cells.
//!
//! ratatui keeps one grapheme cluster per cell and assumes the terminal does too. A
//! per-code-point terminal (xterm, VTE, tmux) stores `को` as two cells, `क` and `ो`; when a
//! later frame changes only the second column, ratatui's diff sees nothing to do there and
//! the old vowel sign stays on screen (ratatui issues 2738, 2587). Here every cell we write
//! is one terminal cell under the chosen [`WidthModel`]: a code point with its zero-width
//! marks on per-code-point terminals, a whole cluster with its forced width on cluster
//! terminals. The diff then stays minimal and exact; no full repaint is needed.

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
    if usize::from(symbol.cell_width()) != width
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
}
