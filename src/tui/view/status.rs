//! The status bar: key hints for the focused pane, loading progress, messages, and the
//! search and question prompts. Every key it names comes from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Gauge;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::modal::Modal;
use crate::tui::paint::paint_row;
use crate::tui::view::question::Question;

/// The actions worth a hint in each pane, most useful first, with what each does there
/// (Enter opens an article in the list and filters by an item in the sidebar).
fn hinted(pane: Pane) -> &'static [(Action, &'static str)] {
    match pane {
        Pane::List => &[
            (Action::Down, "move"),
            (Action::Open, "open"),
            (Action::ToggleStar, "star"),
            (Action::StarredOnly, "starred"),
            (Action::NextPane, "next pane"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
        Pane::Reader => &[
            (Action::Down, "move"),
            (Action::PageDown, "page"),
            (Action::ToggleRaw, "raw"),
            (Action::NextPane, "next pane"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
        Pane::Sidebar => &[
            (Action::Down, "move"),
            (Action::Open, "filter"),
            (Action::NextMention, "next mention"),
            (Action::NextPane, "next pane"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
    }
}

/// The hints while a list is open over the panes (the pickers, the date filter, the
/// related articles); `None` for the rest, which show their own line or none.
fn modal_hints(modal: &Modal) -> Option<&'static [(&'static [Action], &'static str)]> {
    const MOVE: &[Action] = &[Action::PromptDown, Action::PromptUp];
    const ACCEPT: &[Action] = &[Action::PromptAccept];
    const CANCEL: &[Action] = &[Action::PromptCancel];
    const KIND: &[Action] = &[Action::PromptNextKind];
    const MONTHS: &[Action] = &[Action::PromptLeft, Action::PromptRight];
    // The help and the warnings view take the browsing keys that scroll, and their own to
    // close (a pane's keys, `*` or `Enter`, do nothing under them).
    const SCROLL: &[Action] = &[Action::Down, Action::Up];
    const ENDS: &[Action] = &[Action::Top, Action::Bottom];
    const HELP: &[Action] = &[Action::ToggleHelp];
    const WARNINGS: &[Action] = &[Action::Warnings];
    Some(match modal {
        Modal::Help { .. } => &[(SCROLL, "scroll"), (ENDS, "top/end"), (HELP, "close")],
        Modal::Warnings { .. } => &[(SCROLL, "scroll"), (ENDS, "top/end"), (WARNINGS, "close")],
        Modal::Picker { .. } => &[
            (MOVE, "move"),
            (ACCEPT, "filter"),
            (KIND, "kind"),
            (CANCEL, "close"),
        ],
        Modal::Source { .. } => &[(MOVE, "move"), (ACCEPT, "filter"), (CANCEL, "close")],
        Modal::Related { .. } => &[(MOVE, "move"), (ACCEPT, "open"), (CANCEL, "close")],
        Modal::Date { .. } => &[
            (MONTHS, "month"),
            (MOVE, "days/months"),
            (ACCEPT, "apply"),
            (CANCEL, "close"),
        ],
        _ => return None,
    })
}

/// `j move · Enter open · ? help` from the keymap, so rebinding a key updates the hint;
/// in `width` columns, hints dropped from the middle so that help and quit stay, and the
/// next pane's when one pane is shown at a time (it is the way to the others).
pub fn hints(app: &App, width: usize) -> String {
    // A list open over the panes has the keys; the panes' hints would name keys that
    // type into it.
    if let Some(parts) = app.modal.as_ref().and_then(modal_hints) {
        // Dropped from the middle to fit; the way out stays.
        let mut parts = parts.to_vec();
        loop {
            let text = app.config.keymap.hint(&parts, " ");
            if app.model.str_width(&text) <= width || parts.len() <= 1 {
                return text;
            }
            parts.remove(parts.len().saturating_sub(2));
        }
    }
    // With no article listed there is nothing to move to, open, star or read (trial 49:
    // an empty list still offered `Enter open`); the way out of the filters is said in
    // the list itself.
    let empty = app.list.visible.is_empty() && app.current().is_none();
    let mut parts: Vec<(&[Action], &str)> = hinted(app.focus)
        .iter()
        .filter(|(a, _)| !empty || !about_an_article(*a))
        .map(|(a, words)| (std::slice::from_ref(a), *words))
        .collect();
    let one_pane = app.size.width < crate::tui::layout::NARROW;
    loop {
        let text = app.config.keymap.hint(&parts, " ");
        let kept = |(a, _): &(&[Action], &str)| match a {
            [Action::ToggleHelp | Action::Quit] => true,
            [Action::NextPane] => one_pane,
            _ => false,
        };
        let fits = app.model.str_width(&text) <= width;
        match parts.iter().rposition(|p| !kept(p)) {
            Some(at) if !fits => {
                parts.remove(at);
            }
            _ => return text,
        }
    }
}

/// Whether `action` acts on the article or its text (and so has nothing to do when no
/// article is listed).
fn about_an_article(action: Action) -> bool {
    matches!(
        action,
        Action::Down
            | Action::Open
            | Action::ToggleStar
            | Action::PageDown
            | Action::ToggleRaw
            | Action::NextMention
    )
}

/// What the gauge at the right of the status bar counts: files loading, else feeds being
/// fetched (a message or a key's hints take the rest of the bar, so the count stays
/// seen until the work ends).
fn gauge(app: &App) -> Option<(usize, usize, &'static str)> {
    let p = app.corpus.progress;
    if !p.finished && p.total > 0 {
        return Some((p.done, p.total, "files"));
    }
    app.fetching
        .as_ref()
        .filter(|f| f.total > 0)
        .map(|f| (f.done, f.total, "feeds"))
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let gauge = gauge(app);
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(if gauge.is_some() { 24 } else { 0 }),
    ])
    .areas(area);
    let question = match &app.modal {
        Some(crate::tui::modal::Modal::Search { query }) => {
            let keys = app.config.keymap.hint(
                &[
                    (&[Action::PromptAccept], "keep"),
                    (&[Action::PromptCancel], "cancel"),
                ],
                " ",
            );
            let keys = if keys.is_empty() {
                keys
            } else {
                format!(" · {keys}")
            };
            // The `/` is the search line's mark, as in vi and less, whatever key opened it.
            let n = app.list.visible.len();
            let (mut found, short) = if app.search.wait.is_some() {
                ("searching…".to_owned(), "…".to_owned())
            } else {
                (format!("{n} article(s) match"), n.to_string())
            };
            if let Some(read) = super::filterbar::texts_read(app) {
                found.push_str(" · ");
                found.push_str(&read);
            }
            Some(Question {
                ask: "/".to_owned(),
                typed: Some(query.clone()),
                answers: vec![format!("  {found}"), format!("  {short}")],
                help: keys,
                ..Question::default()
            })
        }
        Some(crate::tui::modal::Modal::Ask { ask, input }) => Some(ask.question(app, input)),
        _ => None,
    };
    if let Some(question) = question {
        let text = question.fitted(usize::from(area.width), app.model);
        paint_row(
            frame.buffer_mut(),
            (area.x, area.y, area.width),
            &[(&text, app.config.theme.accent)],
            app.model,
            Style::new(),
            true,
        );
        return;
    }
    let dim = app.config.theme.dim;
    // Warnings are counted on the right and listed whole in the warnings view, so the
    // hints stay.
    let key = app
        .config
        .keymap
        .label(Action::Warnings)
        .map_or_else(String::new, |k| format!(" · {k}"));
    let warn = match app.problems.len() {
        0 => String::new(),
        1 => format!(" 1 warning{key} "),
        n => format!(" {n} warnings{key} "),
    };
    let warn_width = (warn.chars().count() as u16).min(left.width / 2);
    let text = app
        .status
        .clone()
        .unwrap_or_else(|| hints(app, usize::from(left.width - warn_width)));
    if warn_width > 0 {
        let x = left.right() - warn_width;
        paint_row(
            frame.buffer_mut(),
            (x, left.y, warn_width),
            &[(&warn, app.config.theme.accent)],
            app.model,
            Style::new(),
            true,
        );
    }
    let row = (left.x, left.y, left.width - warn_width);
    paint_row(
        frame.buffer_mut(),
        row,
        &[(&text, dim)],
        app.model,
        Style::new(),
        true,
    );
    if let Some((done, total, what)) = gauge {
        let ratio = done as f64 / total.max(1) as f64;
        let gauge = Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .label(format!("{what} {done}/{total}"))
            .gauge_style(app.config.theme.accent);
        frame.render_widget(gauge, right);
    }
}
