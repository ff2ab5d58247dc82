//! Drawing: a pure function of the app state, one function per pane.

pub mod filterbar;
pub mod help;
pub mod list;
pub mod prompt;
pub mod question;
pub mod reader;
pub mod sidebar;
pub mod status;
pub mod warnings;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, Pane};

/// Draws the whole screen for `app`.
/// A pane's tab as drawn in narrow mode; tabs are one space apart.
fn tab_label(pane: Pane) -> String {
    format!(" {} ", pane.title())
}

/// The pane whose tab is drawn at column `x` of the tab row, for mouse clicks.
pub fn tab_at(x: u16) -> Option<Pane> {
    let mut start = 0usize;
    for pane in Pane::ALL {
        let width = tab_label(pane).chars().count();
        if (start..start + width).contains(&usize::from(x)) {
            return Some(pane);
        }
        start += width + 1;
    }
    None
}

pub fn render(app: &App, frame: &mut Frame) {
    let areas = app.areas();
    if areas.too_small {
        let size = frame.area();
        let msg = format!(
            "Terminal too small ({}x{}): khabar needs at least {MIN_WIDTH}x{MIN_HEIGHT}.",
            size.width, size.height
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), size);
        return;
    }
    if let Some(tabs) = areas.tabs {
        let spans: Vec<TextSpan> = Pane::ALL
            .iter()
            .flat_map(|&p| {
                let style = if p == app.focus {
                    app.config.theme.selected
                } else {
                    Style::new()
                };
                [TextSpan::styled(tab_label(p), style), TextSpan::raw(" ")]
            })
            .collect();
        frame.render_widget(Line::from(spans), tabs);
    }
    if let Some(area) = areas.list {
        list::render(app, frame, area);
    }
    if let Some(area) = areas.reader {
        reader::render(app, frame, area);
    }
    if let Some(area) = areas.sidebar {
        sidebar::render(app, frame, area);
    }
    if let Some(bar) = areas.filter_bar {
        filterbar::render(app, frame, bar);
    }
    status::render(app, frame, areas.status);
    prompt::render(app, frame, frame.area());
}

/// A pane's border, highlighted when focused.
pub fn pane_block(app: &App, pane: Pane, title: String) -> Block<'static> {
    let focused = app.focus == pane;
    let block = Block::bordered()
        .title(title)
        .title_alignment(Alignment::Left);
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(app.config.theme.accent)
    } else {
        block.border_style(Style::new().add_modifier(Modifier::DIM))
    }
}
