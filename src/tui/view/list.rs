//! The article list: title (cut at a cluster boundary with `…`), source and publication
//! date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::pane_block;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::paint::paint_row;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let count = app.entries.len();
    let title = if app.progress.finished || app.progress.total == 0 {
        format!(" Articles ({count}) ")
    } else {
        format!(" Articles ({count} of {}) ", app.progress.total)
    };
    let block = pane_block(app, Pane::List, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let theme = &app.config.theme;
    let buf = frame.buffer_mut();
    let mut y = inner.y;
    for (i, entry) in app
        .entries
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(usize::from(inner.height) / 2)
    {
        let a = &entry.article;
        let meta: Vec<String> = [a.source.clone(), a.published.and_then(|p| p.value())]
            .into_iter()
            .flatten()
            .collect();
        let meta = if meta.is_empty() {
            "—".to_owned()
        } else {
            meta.join(" · ")
        };
        let style = if i == app.selected {
            theme.selected
        } else {
            Style::new()
        };
        paint_row(
            buf,
            (inner.x, y, inner.width),
            &[(&a.title, style)],
            app.model,
            style,
            true,
        );
        paint_row(
            buf,
            (inner.x, y + 1, inner.width),
            &[(&meta, theme.dim)],
            app.model,
            Style::new(),
            true,
        );
        y += 2;
    }
    if app.entries.is_empty() {
        let msg = if app.progress.finished {
            "No articles."
        } else {
            "Loading…"
        };
        paint_row(
            buf,
            (inner.x, inner.y, inner.width),
            &[(msg, Style::new())],
            app.model,
            Style::new(),
            true,
        );
    }
}
