//! The article list: title (cut at a cluster boundary), source and publication date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use super::pane_block;
use crate::text::sanitize;
use crate::tui::app::App;
use crate::tui::document::fit;
use crate::tui::layout::Pane;

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
    let width = usize::from(inner.width);
    let theme = &app.config.theme;
    let mut lines = Vec::new();
    for (i, entry) in app
        .entries
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(usize::from(inner.height) / 2)
    {
        let a = &entry.article;
        let meta = [a.source.clone(), a.published.and_then(|p| p.value())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let meta = if meta.is_empty() {
            "—".to_owned()
        } else {
            meta
        };
        let style = if i == app.selected {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(TextSpan::styled(
            fit(&sanitize(&a.title, false), width, app.model),
            style,
        )));
        lines.push(Line::from(TextSpan::styled(
            fit(&sanitize(&meta, false), width, app.model),
            theme.dim,
        )));
    }
    if app.entries.is_empty() {
        lines.push(Line::from(if app.progress.finished {
            "No articles."
        } else {
            "Loading…"
        }));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
