//! The sidebar: people, places and organisations with mention counts, then dates with
//! their normalised values (`?` when unresolved).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;

use super::pane_block;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::paint::paint_row;
use crate::tui::sidebar::{Item, Section};

/// The sidebar as rows: a heading per non-empty section, then its items. `Some(i)` rows
/// are item `i`.
fn rows(items: &[Item]) -> Vec<(Option<usize>, Option<Section>)> {
    let mut out = Vec::new();
    for section in Section::ALL {
        let mut first = true;
        for (i, _) in items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.section == section)
        {
            if first {
                if !out.is_empty() {
                    out.push((None, None));
                }
                out.push((None, Some(section)));
                first = false;
            }
            out.push((Some(i), None));
        }
    }
    out
}

/// The first row shown, so the cursor stays in view.
fn offset(rows: &[(Option<usize>, Option<Section>)], cursor: usize, height: usize) -> usize {
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(cursor))
        .unwrap_or(0);
    (at + 1).saturating_sub(height)
}

/// The item drawn on inner row `row` of the sidebar, for mouse clicks.
pub fn item_at_row(app: &App, row: usize) -> Option<usize> {
    let entry = app.current()?;
    let area = app.areas().sidebar?;
    let rows = rows(&entry.sidebar);
    let start = offset(
        &rows,
        app.sidebar_cursor,
        usize::from(area.height.saturating_sub(2)),
    );
    rows.get(start + row)?.0
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Sidebar, " In this article ".to_owned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.current() else { return };
    let theme = &app.config.theme;
    let rows = rows(&entry.sidebar);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new("Nothing found."), inner);
        return;
    }
    let height = usize::from(inner.height);
    let focused = app.focus == Pane::Sidebar;
    let buf = frame.buffer_mut();
    let skip = offset(&rows, app.sidebar_cursor, height);
    for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(skip)) {
        let full = (inner.x, y, inner.width);
        match *row {
            (None, Some(section)) => {
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
            (Some(i), _) => {
                let item = &entry.sidebar[i];
                let mut style = match item.section {
                    Section::People => theme.person,
                    Section::Places => theme.place,
                    Section::Organisations => theme.organization,
                    Section::Dates => Style::new(),
                };
                if app.active == Some(i) {
                    style = style.patch(theme.emphasis);
                } else if focused && app.sidebar_cursor == i {
                    style = style.patch(theme.selected);
                }
                let detail_style = if item.detail == "?" {
                    theme.accent
                } else {
                    theme.dim
                };
                // The detail (count or value) is right-aligned; the label gets what is left.
                let detail_width = (app.model.str_width(&item.detail) as u16).min(inner.width);
                let label_width = inner.width.saturating_sub(detail_width + 1);
                paint_row(
                    buf,
                    (inner.x, y, label_width),
                    &[(&item.label, style)],
                    app.model,
                    Style::new(),
                    true,
                );
                let dx = inner.x + inner.width - detail_width;
                paint_row(
                    buf,
                    (dx, y, detail_width),
                    &[(&item.detail, detail_style)],
                    app.model,
                    Style::new(),
                    true,
                );
            }
            _ => {}
        }
    }
}
