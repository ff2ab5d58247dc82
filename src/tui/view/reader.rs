//! The reader pane: the article's wrapped text, entity mentions coloured by kind, dates
//! underlined, the active sidebar item's mentions emphasised, and a position indicator.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::pane_block;
use crate::extract::entities::EntityKind;
use crate::span::Span;
use crate::tui::action::Action;
use crate::tui::app::{App, Entry};
use crate::tui::config::Theme;
use crate::tui::document::{Row, RowKind};
use crate::tui::layout::Pane;
use crate::tui::paint::paint_row;

/// Styled stretches of the article text within `shown` (the rows on screen): mentions,
/// dates, the active item. A long article has hundreds of thousands of mentions; each row
/// looks only at those on screen.
fn marks(app: &App, entry: &Entry, shown: Span) -> Vec<(Span, Style)> {
    let theme = &app.config.theme;
    let near = |m: &Span| m.start <= shown.end && m.end >= shown.start;
    let mut marks: Vec<(Span, Style)> = Vec::new();
    for e in &entry.analysis.entities {
        let style = match e.kind {
            EntityKind::Person => theme.person,
            EntityKind::Place => theme.place,
            EntityKind::Organization => theme.organization,
        };
        marks.extend(e.mentions.iter().filter(|m| near(m)).map(|&m| (m, style)));
    }
    let dates = entry.analysis.dates.iter().filter(|d| near(&d.span));
    marks.extend(dates.map(|d| (d.span, theme.date)));
    if let Some(item) = app.sidebar.active.and_then(|i| entry.sidebar.get(i)) {
        marks.extend(
            item.spans
                .iter()
                .filter(|m| near(m))
                .map(|&s| (s, theme.emphasis)),
        );
    }
    let hits = app.search_hits();
    marks.extend(hits.iter().filter(|s| near(s)).map(|&s| (s, theme.search)));
    marks.extend(jumped(app, entry, &hits));
    marks
}

/// The mention or search hit `n` / `N` went to, bold and underlined so it stands out
/// from the others (trial 54: with every hit alike, `mention 8 of 9` could not be found).
fn jumped(app: &App, entry: &Entry, hits: &[Span]) -> Option<(Span, Style)> {
    let theme = &app.config.theme;
    let i = app.sidebar.mention?;
    let (at, style) = match app.sidebar.active {
        Some(item) => (*entry.sidebar.get(item)?.spans.get(i)?, theme.emphasis),
        None => (*hits.get(i)?, theme.search),
    };
    Some((
        at,
        style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    ))
}

fn base_style(kind: RowKind, theme: &Theme) -> Style {
    match kind {
        RowKind::Title => Style::new().add_modifier(Modifier::BOLD),
        RowKind::Meta | RowKind::Chrome => theme.dim,
        RowKind::Body | RowKind::Blank => Style::new(),
    }
}

/// The styled pieces of one row: the article text cut at mark boundaries.
fn segments<'t>(
    text: &'t str,
    row: &'t Row,
    base: Style,
    marks: &[(Span, Style)],
) -> Vec<(&'t str, Style)> {
    if let Some(literal) = &row.literal {
        return vec![(literal.as_str(), base)];
    }
    let mut cuts = vec![row.span.start, row.span.end];
    for (m, _) in marks.iter().filter(|(m, _)| m.overlaps(row.span)) {
        cuts.extend([m.start.max(row.span.start), m.end.min(row.span.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Span::new(w[0], w[1]))
        .filter(|p| !p.is_empty() && text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
        .map(|p| {
            (
                p.of(text),
                marks
                    .iter()
                    .filter(|(m, _)| m.contains(p))
                    .fold(base, |s, (_, m)| s.patch(*m)),
            )
        })
        .collect()
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let rows = app.rows();
    let height = usize::from(area.height.saturating_sub(2));
    let top = app.top_row(&rows);
    let at_start = top == 0 && !rows.more_before;
    let at_end = top + height >= rows.len() && !rows.more_after;
    let position = if at_start && at_end {
        "all".to_owned()
    } else if at_start {
        "top".to_owned()
    } else if at_end {
        "end".to_owned()
    } else if rows.is_window() {
        // Only a window of a long article is laid out: how far in, by bytes.
        let len = app.current().map_or(1, |e| e.article.text.len().max(1));
        format!("{}%", app.reader.anchor * 100 / len)
    } else {
        format!("{}%", (top + height) * 100 / rows.len())
    };
    let mode = if app.reader.raw { "(raw) " } else { "" };
    let block = pane_block(app, Pane::Reader, format!(" Article {mode}"))
        .title_bottom(Line::from(format!(" {position} ")).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.current() else {
        if app.shown.opening.is_some() {
            // The worker is reading it back: keys work meanwhile.
            paint_row(
                frame.buffer_mut(),
                (inner.x, inner.y, inner.width),
                &[("loading…", app.config.theme.dim)],
                app.model,
                Style::new(),
                true,
            );
        }
        return;
    };
    paint_location(app, entry, frame, area, position.len() + 4);
    let on_screen = rows.iter().skip(top).take(height);
    let shown = on_screen.fold(None, |acc: Option<Span>, r| {
        Some(acc.map_or(r.span, |a| {
            Span::new(a.start.min(r.span.start), a.end.max(r.span.end))
        }))
    });
    let shown = shown.unwrap_or_default();
    // Raw view shows the file as it is: only search matches are marked there.
    let marks = if app.reader.raw {
        let hits = app.search_hits();
        let mut marks: Vec<(Span, Style)> = hits
            .iter()
            .filter(|m| m.start <= shown.end && m.end >= shown.start)
            .map(|&s| (s, app.config.theme.search))
            .collect();
        marks.extend(jumped(app, entry, &hits).filter(|_| app.sidebar.active.is_none()));
        marks
    } else {
        marks(app, entry, shown)
    };
    let text = &entry.article.text;
    let theme = &app.config.theme;
    let width = inner.width.min(app.text_width());
    let buf = frame.buffer_mut();
    for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(top)) {
        let segments = segments(text, row, base_style(row.kind, theme), &marks);
        paint_row(
            buf,
            (inner.x, y, width),
            &segments,
            app.model,
            Style::new(),
            false,
        );
    }
    // No text: say why below what there is (the title), not a blank pane.
    if let Some(why) = empty_because(app, entry) {
        let below = u16::try_from(rows.len().saturating_sub(top)).unwrap_or(u16::MAX);
        let y = inner.y.saturating_add(below).saturating_add(1);
        let lines = textwrap::wrap(&why, usize::from(width.max(1)));
        for (y, line) in (y..inner.bottom()).zip(&lines) {
            paint_row(
                buf,
                (inner.x, y, width),
                &[(line, theme.dim)],
                app.model,
                Style::new(),
                true,
            );
        }
    }
}

/// Why the article view shows no text, when it shows none: the file could not be read,
/// or all of its text is site chrome (a paragraph its source repeats, a footer), which
/// the view hides and the raw view shows.
fn empty_because(app: &App, entry: &Entry) -> Option<String> {
    let article = &entry.article;
    if article.text.is_empty() {
        let why = app.shown.unreadable.as_deref()?;
        return Some(format!("This article could not be read: {why}"));
    }
    let chrome_only =
        !app.reader.raw && article.paragraphs.is_empty() && !article.chrome.is_empty();
    chrome_only.then(|| {
        let raw = app.config.keymap.hint(&[(&[Action::ToggleRaw], "shows it")], " ");
        let raw = if raw.is_empty() { String::new() } else { format!("; {raw}") };
        format!("All of this article's text is site chrome (a footer, or a paragraph its source repeats), which this view hides{raw}.")
    })
}

/// Where the article came from, on the bottom border: a fetched article's link, or a JSON
/// Lines record's file and line (`news.jsonl:12`), so a reader can find the line a script
/// reported. `reserved` columns on the right stay for
/// the position.
fn paint_location(app: &App, entry: &Entry, frame: &mut Frame, area: Rect, reserved: usize) {
    let article = &entry.article;
    // A fetched article is known by its link (its library file means nothing to a reader);
    // a JSON Lines record by its file and line.
    let label = match (&article.url, article.line) {
        (Some(url), _) => format!(" {} ", crate::text::sanitize(url, false)),
        (None, Some(line)) => {
            let name = article.path.rsplit('/').next().unwrap_or(&article.path);
            format!(" {}:{line} ", crate::text::sanitize(name, false))
        }
        (None, None) => return,
    };
    let room = usize::from(area.width).saturating_sub(reserved + 2);
    let width = app.model.str_width(&label).min(room) as u16;
    if width < 4 || area.height < 2 {
        return;
    }
    paint_row(
        frame.buffer_mut(),
        (area.x + 1, area.bottom() - 1, width),
        &[(&label, app.config.theme.dim)],
        app.model,
        Style::new(),
        true,
    );
}
