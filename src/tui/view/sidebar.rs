//! The sidebar: people, places and organisations with mention counts, then dates with
//! their normalised values (`?` when unresolved).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;

use super::pane_block;
use crate::text::width::WidthModel;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::paint::paint_row;
use crate::tui::sidebar::{Item, Section};

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Blank,
    Heading(Section),
    /// Item `i`: its label, and its detail on the right when both fit.
    Item(usize),
    /// The detail of item `i` on a row of its own, when it does not fit beside the label
    /// (a date in words is longer than a count).
    Detail(usize),
}

impl Line {
    fn item(self) -> Option<usize> {
        match self {
            Self::Item(i) | Self::Detail(i) => Some(i),
            Self::Blank | Self::Heading(_) => None,
        }
    }
}

/// Whether item `it` needs a second row at `width` columns.
fn two_rows(it: &Item, width: u16, model: WidthModel) -> bool {
    model.str_width(&it.label) + 1 + model.str_width(&it.shown) > usize::from(width)
}

/// The sidebar as rows: a heading per non-empty section, then its items.
fn rows(items: &[Item], width: u16, model: WidthModel) -> Vec<Line> {
    let mut out = Vec::new();
    for section in Section::ALL {
        let mut first = true;
        for (i, it) in items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.section == section)
        {
            if first {
                if !out.is_empty() {
                    out.push(Line::Blank);
                }
                out.push(Line::Heading(section));
                first = false;
            }
            out.push(Line::Item(i));
            if two_rows(it, width, model) {
                out.push(Line::Detail(i));
            }
        }
    }
    out
}

/// The first row shown: `top` (where the sidebar was) as long as the cursor's item, both
/// its rows, is in view from there, else scrolled just enough to bring it in (with its
/// section's heading when scrolling up to a section's first item).
fn offset(rows: &[Line], cursor: usize, height: usize, top: usize) -> usize {
    let first = rows.iter().position(|l| l.item() == Some(cursor));
    let last = rows.iter().rposition(|l| l.item() == Some(cursor));
    let (Some(first), Some(last)) = (first, last) else {
        return 0;
    };
    let top = top.min(rows.len().saturating_sub(height));
    if first < top {
        let above = rows[..first]
            .iter()
            .rev()
            .take_while(|l| l.item().is_none())
            .count();
        first - above.min(height.saturating_sub(last + 1 - first))
    } else if last >= top + height {
        (last + 1).saturating_sub(height)
    } else {
        top
    }
}

/// The sidebar's rows and inner height as laid out on screen now.
fn laid_out(app: &App) -> Option<(Vec<Line>, usize)> {
    let entry = app.current()?;
    let area = app.areas().sidebar?;
    let rows = rows(&entry.sidebar, area.width.saturating_sub(2), app.model);
    Some((rows, usize::from(area.height.saturating_sub(2))))
}

/// The first row the sidebar shows now, for the app to keep as where it is.
pub fn top_row(app: &App) -> usize {
    laid_out(app).map_or(0, |(rows, height)| {
        offset(&rows, app.sidebar.cursor, height, app.sidebar.top)
    })
}

/// The item drawn on inner row `row` of the sidebar, for mouse clicks.
pub fn item_at_row(app: &App, row: usize) -> Option<usize> {
    let (rows, height) = laid_out(app)?;
    let start = offset(&rows, app.sidebar.cursor, height, app.sidebar.top);
    rows.get(start + row)?.item()
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Sidebar, " In this article ".to_owned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.current() else { return };
    let theme = &app.config.theme;
    let rows = rows(&entry.sidebar, inner.width, app.model);
    if rows.is_empty() {
        let analysing = app
            .shown
            .analysing
            .is_some_and(|(_, i)| app.shown.entry.as_ref().is_some_and(|(f, _)| *f == i));
        let text = if analysing {
            "analysing…"
        } else {
            "Nothing found."
        };
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    let height = usize::from(inner.height);
    let focused = app.focus == Pane::Sidebar;
    let buf = frame.buffer_mut();
    let skip = offset(&rows, app.sidebar.cursor, height, app.sidebar.top);
    for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(skip)) {
        let full = (inner.x, y, inner.width);
        match *row {
            Line::Heading(section) => {
                let style = theme.accent.add_modifier(Modifier::UNDERLINED);
                paint_row(
                    buf,
                    full,
                    &[(section.title(), style)],
                    app.model,
                    Style::new(),
                    true,
                );
            }
            Line::Item(i) | Line::Detail(i) => {
                let item = &entry.sidebar[i];
                let mut style = match item.section {
                    Section::People => theme.person,
                    Section::Places => theme.place,
                    Section::Organisations => theme.organization,
                    Section::Dates => Style::new(),
                };
                if app.sidebar.active == Some(i) {
                    style = style.patch(theme.emphasis);
                } else if focused && app.sidebar.cursor == i {
                    style = style.patch(theme.selected);
                }
                let detail_style = if item.detail == "?" {
                    theme.accent
                } else {
                    theme.dim
                };
                let shown = item.shown.as_str();
                if matches!(row, Line::Detail(_)) {
                    // The detail under its label, right-aligned.
                    let width = (app.model.str_width(shown) as u16).min(inner.width);
                    let x = inner.x + inner.width - width;
                    paint_row(buf, full, &[], app.model, Style::new(), false);
                    paint_row(
                        buf,
                        (x, y, inner.right() - x),
                        &[(shown, detail_style)],
                        app.model,
                        Style::new(),
                        true,
                    );
                    continue;
                }
                // The detail (count or value) is right-aligned; the label gets what is left,
                // or the whole row when the detail has a row of its own.
                let detail_width = if two_rows(item, inner.width, app.model) {
                    0
                } else {
                    (app.model.str_width(shown) as u16).min(inner.width)
                };
                let label_width = inner.width.saturating_sub(detail_width + 1);
                let label_width = if detail_width == 0 {
                    inner.width
                } else {
                    label_width
                };
                paint_row(
                    buf,
                    (inner.x, y, label_width),
                    &[(&item.label, style)],
                    app.model,
                    Style::new(),
                    true,
                );
                if detail_width > 0 {
                    let dx = inner.x + inner.width - detail_width;
                    paint_row(
                        buf,
                        (dx, y, detail_width),
                        &[(shown, detail_style)],
                        app.model,
                        Style::new(),
                        true,
                    );
                }
            }
            Line::Blank => {}
        }
    }
}
