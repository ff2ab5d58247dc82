//! The warnings view: every problem met while loading (files, configuration, state) and
//! the last status message, each shown whole and wrapped to the screen, since the status
//! bar has room for a count only and a file name alone can fill a row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear};

use crate::text::sanitize;
use crate::text::wrap::wrap;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::paint::paint_row;

/// The view's rows at `width` columns: each text wrapped whole, a blank row between.
pub fn rows(app: &App, width: u16) -> Vec<(String, Style)> {
    let theme = &app.config.theme;
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut push = |text: &str, style: Style| {
        let text = sanitize(text, false);
        for row in wrap(&text, usize::from(width.max(1)), app.model) {
            out.push((row.span.of(&text).to_owned(), style));
        }
    };
    let keymap = &app.config.keymap;
    let scroll = keymap.pair(Action::Down, Action::Up);
    let close = keymap.either(&[Action::Warnings, Action::Back]);
    let keys = [
        scroll.map(|k| format!("{k} scroll")),
        close.map(|k| format!("{k} closes")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    // Shown whole, so the view says how to leave it even on a narrow screen.
    if !keys.is_empty() {
        push(&keys, theme.dim);
    }
    if app.problems.is_empty() {
        push("No warnings.", Style::new());
    }
    for (i, problem) in app.problems.iter().enumerate() {
        push(&format!("{}. {problem}", i + 1), Style::new());
    }
    if let Some(message) = &app.last_message {
        push("Last message", theme.accent);
        push(message, Style::new());
    }
    out
}

/// The view's box on `screen`: the screen less a margin of one cell.
fn area(screen: Rect) -> Rect {
    Rect::new(
        screen.x + 1,
        screen.y + 1,
        screen.width.saturating_sub(2),
        screen.height.saturating_sub(2),
    )
}

/// How far the view can scroll on `screen`: its rows beyond what its box shows.
pub fn max_scroll(app: &App, screen: Rect) -> usize {
    let inner = Block::bordered().inner(area(screen));
    rows(app, inner.width)
        .len()
        .saturating_sub(usize::from(inner.height))
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect, scroll: usize) {
    let area = area(screen);
    if area.width < 4 || area.height < 3 {
        return;
    }
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(format!(" Warnings ({}) ", app.problems.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = rows(app, inner.width);
    let max_scroll = rows.len().saturating_sub(usize::from(inner.height));
    let scroll = scroll.min(max_scroll);
    let buf = frame.buffer_mut();
    for (y, (text, style)) in (inner.y..inner.bottom()).zip(rows.iter().skip(scroll)) {
        paint_row(
            buf,
            (inner.x, y, inner.width),
            &[(text, *style)],
            app.model,
            Style::new(),
            false,
        );
    }
}
