//! The help overlay: every binding, generated from the keymap and the actions'
//! descriptions, so it can never disagree with what the keys do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear};

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Table;
use crate::tui::paint::paint_row;

/// The heading of the prompt keys' part of the help.
const PROMPT_HEADING: &str = "in a prompt (picker, date filter, search, question):";

/// A row of the help: keys and what they do, or (no keys) a heading.
pub type Line = (String, &'static str);

/// One line per action: its keys and what it does; then the prompt table's actions under
/// a heading (other keys type there), and the browsing actions that act in a prompt too
/// (quit, redraw, suspend) with the keys they have there.
pub fn lines(app: &App) -> Vec<Line> {
    let keys = |a: Action| {
        let keys: Vec<String> = app
            .config
            .keymap
            .keys_for(a)
            .iter()
            .map(ToString::to_string)
            .collect();
        if keys.is_empty() {
            "(unbound)".to_owned()
        } else {
            keys.join(", ")
        }
    };
    let mut out: Vec<Line> = Action::ALL
        .iter()
        .map(|&a| (keys(a), a.describe()))
        .collect();
    out.push((String::new(), PROMPT_HEADING));
    out.extend(Action::PROMPT.iter().map(|&a| (keys(a), a.describe())));
    let in_prompt = |a: Action| {
        let keys: Vec<String> = app
            .config
            .keymap
            .bindings(Table::Prompt)
            .filter(|&(_, bound)| bound == a)
            .map(|(k, _)| k.to_string())
            .collect();
        (!keys.is_empty()).then(|| (keys.join(", "), a.describe()))
    };
    out.extend(
        Action::ALL
            .iter()
            .filter(|a| a.in_prompt() && !a.prompt_only())
            .filter_map(|&a| in_prompt(a)),
    );
    out
}

/// The help's rows: the lines, the width model, perhaps a warnings line.
fn body_len(app: &App) -> usize {
    lines(app).len() + 1 + usize::from(!app.problems.is_empty())
}

/// The help box's height on `screen`.
fn height(app: &App, screen: Rect) -> usize {
    (lines(app).len() + 6).min(usize::from(screen.height.saturating_sub(2)))
}

/// How far the help can scroll on `screen`: its rows beyond what its box shows.
pub fn max_scroll(app: &App, screen: Rect) -> usize {
    body_len(app).saturating_sub(height(app, screen).saturating_sub(2))
}

/// The help box's title: how to scroll it (when it scrolls) and close it, in the keys the
/// keymap has for them.
fn title(app: &App, scrolls: bool) -> String {
    let keymap = &app.config.keymap;
    let more = keymap
        .pair(Action::Down, Action::Up)
        .filter(|_| scrolls)
        .map_or_else(String::new, |k| format!(" ({k} scroll)"));
    let close = keymap
        .either(&[Action::ToggleHelp, Action::Back])
        .map_or_else(String::new, |k| format!(" — {k} closes"));
    format!(" Keys{more}{close} ")
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect, scroll: usize) {
    let entries = lines(app);
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    // As wide as the longest description needs (plus the borders), so no line is cut
    // while the screen has room for it.
    let what_width = entries
        .iter()
        .map(|(_, w)| unicode_width::UnicodeWidthStr::width(*w))
        .max()
        .unwrap_or(0);
    let width =
        (key_width + 2 + what_width + 2).min(usize::from(screen.width.saturating_sub(4))) as u16;
    let height = height(app, screen) as u16;
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
    // Painted cell by cell like the panes: warnings name files, and a Devanagari file name
    // must not leave stale cells either.
    let mut body: Vec<Vec<(String, Style)>> = entries
        .into_iter()
        .map(|(keys, what)| {
            if keys.is_empty() {
                // A heading starts where the keys do.
                vec![(what.to_owned(), theme.dim)]
            } else {
                vec![
                    (format!("{keys:>key_width$}  "), theme.accent),
                    (what.to_owned(), Style::new()),
                ]
            }
        })
        .collect();
    body.push(vec![(
        format!("{:key_width$}  width model: {}", "", app.model.name()),
        theme.dim,
    )]);
    if !app.problems.is_empty() {
        // Listed whole in their own view: a row here would cut them.
        let n = app.problems.len();
        body.push(vec![(
            format!("{:key_width$}  {n} warning(s): see the warnings view", ""),
            theme.accent,
        )]);
    }
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let inner_height = usize::from(area.height.saturating_sub(2));
    let max_scroll = body.len().saturating_sub(inner_height);
    debug_assert_eq!(max_scroll, self::max_scroll(app, screen));
    let scroll = scroll.min(max_scroll);
    let block = Block::bordered().title(title(app, max_scroll > 0));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    for (y, line) in (inner.y..inner.bottom()).zip(body.iter().skip(scroll)) {
        let segments: Vec<(&str, Style)> = line.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        paint_row(
            buf,
            (inner.x, y, inner.width),
            &segments,
            app.model,
            Style::new(),
            true,
        );
    }
}
