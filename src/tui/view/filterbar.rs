//! The filter bar: active filters as chips, and how many articles they keep.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::app::App;
use crate::tui::paint::paint_row;

/// `person: पुतिन · date: 2024-06 · 12 of 340 · 3 undated` (`200 so far` on a first page;
/// `texts read 37%` while a search waits for stored texts).
pub fn text(app: &App) -> String {
    let mut parts: Vec<String> = app
        .list
        .chips
        .iter()
        .map(super::super::filters::Chip::label)
        .collect();
    if app.search.wait.is_some() {
        // No count until the search worker answers: the list shown meanwhile is not it.
        parts.push(format!("searching {}", app.corpus.index.live()));
    } else if app.on_first_page() {
        // A first page is the head of the list only: the whole list is still being read.
        parts.push(format!("{} so far", app.list.visible.len()));
    } else {
        parts.push(format!(
            "{} of {}",
            app.list.visible.len(),
            app.corpus.index.live()
        ));
    }
    if app.list.undated > 0 {
        parts.push(format!("{} undated", app.list.undated));
    }
    if let Some(read) = texts_read(app) {
        parts.push(read);
    }
    parts.join(" · ")
}

/// `texts read 37%` while a search waits for stored articles' texts (more may match).
pub fn texts_read(app: &App) -> Option<String> {
    (app.search.reading_texts && app.searching()).then(|| {
        let (read, due) = (app.search.texts_read, app.search.texts_total.max(1));
        format!("texts read {}%", (read * 100 / due).min(99))
    })
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.config.theme;
    let text = text(app);
    paint_row(
        frame.buffer_mut(),
        (area.x, area.y, area.width),
        &[(" ", theme.accent), (&text, theme.accent)],
        app.model,
        Style::new(),
        true,
    );
}
