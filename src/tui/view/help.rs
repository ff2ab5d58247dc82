//! The help overlay: every binding, generated from the keymap and the actions'
//! descriptions, so it can never disagree with what the keys do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::app::App;

/// One line per action: its keys and what it does.
pub fn lines(app: &App) -> Vec<(String, &'static str)> {
    Action::ALL
        .iter()
        .map(|&a| {
            let keys: Vec<String> = app
                .config
                .keymap
                .keys_for(a)
                .iter()
                .map(ToString::to_string)
                .collect();
            (
                if keys.is_empty() {
                    "(unbound)".to_owned()
                } else {
                    keys.join(", ")
                },
                a.describe(),
            )
        })
        .collect()
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let entries = lines(app);
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let width = (key_width + 50).min(usize::from(screen.width.saturating_sub(4))) as u16;
    let height = (entries.len() + app.problems.len() + 6)
        .min(usize::from(screen.height.saturating_sub(2))) as u16;
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(screen);
    let [_, area, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(mid);
    let theme = &app.config.theme;
    let mut body: Vec<Line> = entries
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                TextSpan::styled(format!("{keys:>key_width$}  "), theme.accent),
                TextSpan::raw(what),
            ])
        })
        .collect();
    let width_model = format!("{:key_width$}  width model: {}", "", app.model.name());
    body.push(Line::from(TextSpan::styled(width_model, theme.dim)));
    if !app.problems.is_empty() {
        body.push(Line::default());
        body.push(Line::from(TextSpan::styled("Warnings", theme.accent)));
        body.extend(
            app.problems
                .iter()
                .map(|p| Line::from(crate::text::sanitize(p, false).into_owned())),
        );
    }
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let inner_height = usize::from(area.height.saturating_sub(2));
    let max_scroll = body.len().saturating_sub(inner_height);
    let scroll = app.help_scroll.min(max_scroll);
    let more = if max_scroll > 0 { " (j/k scroll)" } else { "" };
    let block = Block::bordered().title(format!(" Keys{more} — ? or Esc closes "));
    frame.render_widget(
        Paragraph::new(body).block(block).scroll((scroll as u16, 0)),
        area,
    );
}
