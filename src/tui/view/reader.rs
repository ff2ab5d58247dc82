//! The reader pane: the article's wrapped text, entity mentions coloured by kind, dates
//! underlined, the active sidebar item's mentions emphasised, and a position indicator.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

use super::pane_block;
use crate::extract::entities::EntityKind;
use crate::span::Span;
use crate::text::width::{clusters, display_cluster};
use crate::tui::app::{App, Entry};
use crate::tui::config::Theme;
use crate::tui::document::{Row, RowKind};
use crate::tui::layout::Pane;

/// Styled stretches of the article text: mentions, dates, the active item.
fn marks(app: &App, entry: &Entry) -> Vec<(Span, Style)> {
    let theme = &app.config.theme;
    let mut marks: Vec<(Span, Style)> = Vec::new();
    for e in &entry.analysis.entities {
        let style = match e.kind {
            EntityKind::Person => theme.person,
            EntityKind::Place => theme.place,
            EntityKind::Organization => theme.organization,
        };
        marks.extend(e.mentions.iter().map(|&m| (m, style)));
    }
    marks.extend(entry.analysis.dates.iter().map(|d| (d.span, theme.date)));
    if let Some(item) = app.active.and_then(|i| entry.sidebar.get(i)) {
        marks.extend(item.spans.iter().map(|&s| (s, theme.emphasis)));
    }
    marks
}

fn base_style(kind: RowKind, theme: &Theme) -> Style {
    match kind {
        RowKind::Title => Style::new().add_modifier(Modifier::BOLD),
        RowKind::Meta | RowKind::Chrome => theme.dim,
        RowKind::Body | RowKind::Blank => Style::new(),
    }
}

/// What is shown for `text`: each cluster made safe (controls visible, stray marks based).
fn shown(text: &str, app: &App) -> String {
    clusters(text)
        .map(|(_, c)| display_cluster(c, app.model))
        .collect()
}

fn line<'a>(app: &App, text: &str, row: &Row, marks: &[(Span, Style)]) -> Line<'a> {
    let base = base_style(row.kind, &app.config.theme);
    if let Some(literal) = &row.literal {
        return Line::from(TextSpan::styled(shown(literal, app), base));
    }
    let mut cuts = vec![row.span.start, row.span.end];
    for (m, _) in marks.iter().filter(|(m, _)| m.overlaps(row.span)) {
        cuts.extend([m.start.max(row.span.start), m.end.min(row.span.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.windows(2).filter_map(|w| {
        let piece = Span::new(w[0], w[1]);
        (!piece.is_empty()
            && text.is_char_boundary(piece.start)
            && text.is_char_boundary(piece.end))
        .then(|| {
            let style = marks
                .iter()
                .filter(|(m, _)| m.contains(piece))
                .fold(base, |s, (_, m)| s.patch(*m));
            TextSpan::styled(shown(piece.of(text), app), style)
        })
    });
    Line::from(pieces.collect::<Vec<_>>())
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let rows = app.rows();
    let height = usize::from(area.height.saturating_sub(2));
    let top = app.top_row(&rows);
    let position = if rows.len() <= height {
        "all".to_owned()
    } else {
        format!("{}%", (top + height).min(rows.len()) * 100 / rows.len())
    };
    let mode = if app.raw { " raw " } else { "" };
    let block = pane_block(app, Pane::Reader, format!(" Article{mode}"))
        .title_bottom(Line::from(format!(" {position} ")).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.current() else { return };
    let marks = if app.raw {
        Vec::new()
    } else {
        marks(app, entry)
    };
    let text = &entry.article.text;
    let lines: Vec<Line> = rows
        .iter()
        .skip(top)
        .take(height)
        .map(|r| line(app, text, r, &marks))
        .collect();
    let width = inner.width.min(app.text_width());
    frame.render_widget(Paragraph::new(lines), Rect { width, ..inner });
}
