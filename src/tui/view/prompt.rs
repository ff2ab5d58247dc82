//! The modals over the panes: the entity picker, the date filter with its histogram, the
//! source picker, related articles, and the help and warnings views (drawn by their own
//! modules). Search and questions are on the status bar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear};

use crate::extract::entities::EntityKind;
use crate::index::DateField;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::filters::Chip;
use crate::tui::modal::Modal;
use crate::tui::paint::paint_row;

fn popup(screen: Rect, width: u16, height: u16) -> Rect {
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height.min(screen.height)),
        Constraint::Fill(1),
    ])
    .areas(screen);
    let [_, area, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width.min(screen.width)),
        Constraint::Fill(1),
    ])
    .areas(mid);
    area
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    match &app.modal {
        Some(Modal::Picker {
            kind,
            query,
            cursor,
            ..
        }) => picker(app, frame, screen, *kind, query, *cursor),
        Some(Modal::Date {
            input,
            field,
            cursor,
            zoom,
            error,
            prefilled,
        }) => {
            date(
                app,
                frame,
                screen,
                (input, *field, *cursor, *zoom, error.as_deref(), *prefilled),
            );
        }
        Some(Modal::Related { items, cursor }) => related(app, frame, screen, items, *cursor),
        Some(Modal::Source { query, cursor }) => sources(app, frame, screen, query, *cursor),
        Some(Modal::Help { scroll }) => super::help::render(app, frame, screen, *scroll),
        Some(Modal::Warnings { scroll }) => super::warnings::render(app, frame, screen, *scroll),
        // On the status bar.
        Some(Modal::Search { .. } | Modal::Ask { .. }) | None => {}
    }
}

/// The related articles: title on one row, its date, what it shares and its source (dim)
/// on the next.
fn related(
    app: &App,
    frame: &mut Frame,
    screen: Rect,
    items: &[crate::index::Related],
    cursor: usize,
) {
    let area = popup(
        screen,
        screen.width.saturating_sub(8).clamp(40, 100),
        screen.height.saturating_sub(4).min(24),
    );
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(format!(" Related ({}) ", items.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let theme = &app.config.theme;
    let buf = frame.buffer_mut();
    let keys = app.config.keymap.hint(
        &[
            (&[Action::Down, Action::Up], "move"),
            (&[Action::PromptAccept], "open"),
            (&[Action::PromptCancel], "close"),
        ],
        " ",
    );
    paint_row(
        buf,
        (inner.x, inner.y, inner.width),
        &[(&keys, theme.dim)],
        app.model,
        Style::new(),
        true,
    );
    let shown = usize::from(inner.height.saturating_sub(1)) / 2;
    let skip = (cursor + 1).saturating_sub(shown.max(1));
    for (row, (i, item)) in items.iter().enumerate().skip(skip).take(shown).enumerate() {
        let y = inner.y + 1 + 2 * row as u16;
        let style = if i == cursor {
            theme.selected
        } else {
            Style::new()
        };
        let title = app.corpus.index.title(item.doc).to_string();
        let title = crate::text::sanitize(&title, false);
        paint_row(
            buf,
            (inner.x, y, inner.width),
            &[(&title, style)],
            app.model,
            style,
            true,
        );
        // Source and date first, as the list shows them: two stories of one event are
        // often titled alike (trial 45).
        let entry = app.corpus.entries.get(item.doc as usize);
        let meta = entry
            .into_iter()
            .flat_map(|a| {
                [
                    a.source.as_deref().map(str::to_owned),
                    a.published.and_then(|p| p.value()),
                ]
            })
            .flatten()
            .chain(std::iter::once(item.shared.join(", ")))
            .collect::<Vec<_>>()
            .join(" · ");
        let shares = crate::text::sanitize(&meta, false).into_owned();
        paint_row(
            buf,
            (inner.x + 2, y + 1, inner.width.saturating_sub(2)),
            &[(&shares, theme.dim)],
            app.model,
            Style::new(),
            true,
        );
    }
}

fn picker(
    app: &App,
    frame: &mut Frame,
    screen: Rect,
    kind: EntityKind,
    query: &str,
    cursor: usize,
) {
    let area = popup(screen, 60, screen.height.saturating_sub(4).min(24));
    let what = match kind {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Organization => "Organisations",
    };
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let keys = app.config.keymap.hint(
        &[
            (&[Action::PromptNextKind], "kind"),
            (&[Action::PromptAccept], "filter"),
            (&[Action::PromptCancel], ""),
        ],
        ": ",
    );
    let block = Block::bordered().title(format!(" {what} ({keys}) "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let theme = &app.config.theme;
    let items = app.picker_items();
    let buf = frame.buffer_mut();
    let prompt = format!("> {query}");
    paint_row(
        buf,
        (inner.x, inner.y, inner.width),
        &[(&prompt, theme.accent)],
        app.model,
        Style::new(),
        true,
    );
    let rows = usize::from(inner.height.saturating_sub(1));
    let skip = (cursor + 1).saturating_sub(rows);
    for (row, (i, e)) in items.iter().enumerate().skip(skip).take(rows).enumerate() {
        let y = inner.y + 1 + row as u16;
        let style = if i == cursor {
            theme.selected
        } else {
            Style::new()
        };
        let count = format!("{}", e.docs.len());
        let cw = count.len() as u16;
        paint_row(
            buf,
            (inner.x, y, inner.width.saturating_sub(cw + 1)),
            &[(&e.name, style)],
            app.model,
            style,
            true,
        );
        paint_row(
            buf,
            (inner.right() - cw, y, cw),
            &[(&count, theme.dim)],
            app.model,
            Style::new(),
            true,
        );
    }
    if items.is_empty() {
        // A large library's names come a few seconds after its list.
        let what = if app.names_pending() {
            "names still loading…"
        } else {
            "no match"
        };
        paint_row(
            buf,
            (inner.x, inner.y + 1, inner.width),
            &[(what, theme.dim)],
            app.model,
            Style::new(),
            true,
        );
    }
}

const BARS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

type DateState<'a> = (
    &'a str,
    DateField,
    usize,
    Option<(i32, u32)>,
    Option<&'a str>,
    bool,
);

/// The date prompt's texts, each shown whole (wrapped): which date it filters, the keys,
/// the forms a range takes, and the last error.
fn date_texts(app: &App, field: DateField, zoom: Option<(i32, u32)>) -> (&'static str, String) {
    let (on, other) = match field {
        DateField::Published => ("publication date", "dates mentioned"),
        DateField::Mentioned => ("dates mentioned", "publication date"),
    };
    let keymap = &app.config.keymap;
    // The field switch has a colon (`Tab: filter on …`), the other keys none.
    let switch = keymap
        .label(Action::PromptNextKind)
        .map(|tab| format!("{tab}: filter on {other}"));
    let (unit, inout, inout_words) = if zoom.is_some() {
        ("day", Action::PromptUp, "months")
    } else {
        ("month", Action::PromptDown, "its days")
    };
    let pick = keymap.hint(
        &[
            (&[Action::PromptLeft, Action::PromptRight], unit),
            (&[inout], inout_words),
        ],
        " ",
    );
    let done = keymap.hint(
        &[
            (&[Action::PromptAccept], "filter"),
            (&[Action::PromptCancel], "cancel"),
        ],
        " ",
    );
    let all = [
        switch.unwrap_or_default(),
        pick,
        "type a range".to_owned(),
        done,
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    (on, all)
}

/// Rows under which the date filter's screen is short: an error there takes one row.
const SHORT_SCREEN: u16 = 16;

const FORMS: &str = "2024 · 2024-06 · 2024-06-19 · 2023-09..2024-01 · ..2023 · 2024.. · जून 2024";

fn date(
    app: &App,
    frame: &mut Frame,
    screen: Rect,
    (input, field, cursor, zoom, error, prefilled): DateState<'_>,
) {
    let width = screen
        .width
        .saturating_sub(8)
        .clamp(40, 96)
        .min(screen.width);
    let inner_width = width.saturating_sub(2).max(1);
    let (on, keys) = date_texts(app, field, zoom);
    let theme = &app.config.theme;
    let buckets = app.date_buckets(field, zoom);
    // Buckets are months unless zoomed into one: a month's bucket is named by its month,
    // not its first day (the range read `.. 2026-12-01` for articles up to the 30th).
    let name = |day: &chrono::NaiveDate| {
        if zoom.is_some() {
            day.to_string()
        } else {
            day.format("%Y-%m").to_string()
        }
    };
    let info = buckets.get(cursor).map(|(day, n)| {
        let label = name(day);
        let first = buckets.first().map(|(d, _)| name(d)).unwrap_or_default();
        let last = buckets.last().map(|(d, _)| name(d)).unwrap_or_default();
        format!("{label}: {n} article(s) · range {first} .. {last} (· = none)")
    });
    let info = info.unwrap_or_else(|| "no dated articles".to_owned());
    // A value typed is what Enter applies: the caption counts it, not the month under the
    // cursor (trial 50: `2025` typed still showed `2026-11: 1 article(s)`).
    let typed = (!prefilled && !input.trim().is_empty())
        .then(|| input.trim().parse::<crate::index::DateRange>().ok())
        .flatten();
    let info = match typed {
        // An article mentions several months, so only publication months add up; and the
        // bars leave a search out, which Enter's list keeps.
        Some(range) => typed_count(
            &range,
            &buckets,
            zoom.is_none()
                && field == DateField::Published
                && !app.list.chips.iter().any(|c| matches!(c, Chip::Search(_))),
        )
        .map_or_else(
            || format!("{range}: Enter applies it"),
            |n| format!("{range}: {n} article(s) · Enter applies it"),
        ),
        None => info,
    };
    let rows = |t: &str| crate::tui::paint::wrapped_rows(t, inner_width, app.model);
    // The key to the dots goes before the caption takes a second row.
    let info = match info.strip_suffix(" (· = none)") {
        Some(short) if rows(&info) > rows(short) => short.to_owned(),
        _ => info,
    };
    // An error takes one row when the screen is short (the bars come first), cut with `…`.
    let short = screen.height < SHORT_SCREEN;
    let cut_error = error.map(|e| {
        if short && rows(e) > 1 {
            super::filterbar::cut_to(e, usize::from(inner_width), app.model)
        } else {
            e.to_owned()
        }
    });
    let error = cut_error.as_deref();
    let error_rows = error.map_or(0, rows);
    // A caption that does not fit keeps its count and drops the range (trial 55: at 30x8
    // it was cut after `32 article(s) ·`).
    let info = match info.split_once(" · range ") {
        Some((count, _)) if 1 + error_rows + 3 + rows(&info) + 2 > screen.height => {
            count.to_owned()
        }
        _ => info,
    };
    // What a short screen keeps: the field and what is typed, an error, the bars and
    // their caption; then a blank row, the keys and the forms, as far as they fit (trial
    // 53: at 40x12 the help pushed the bars and the count off the screen).
    let essential = 1 + error_rows + 3 + rows(&info);
    let mut spare = screen.height.saturating_sub(2).saturating_sub(essential);
    let mut fits = |n: u16| {
        let fit = n <= spare;
        if fit {
            spare -= n;
        }
        fit
    };
    let gap = fits(1);
    let show_keys = fits(rows(&keys));
    let show_forms = show_keys && fits(rows(FORMS));
    let height = essential
        + u16::from(gap)
        + if show_keys { rows(&keys) } else { 0 }
        + if show_forms { rows(FORMS) } else { 0 }
        + 2;
    let area = popup(screen, width, height);
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(" Date filter ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    // The field first, so even a narrow prompt says which date it filters; a value longer
    // than the room left shows its end, where the typing is (trial 55: at 30 columns
    // `2023-09-01..2024-01-15` was cut to `2023-09-…`).
    let label = format!("{on} > ");
    let room = usize::from(inner_width).saturating_sub(app.model.str_width(&label));
    let input = &super::question::keep_end(input, room.max(8), app.model);
    let input_style = if prefilled {
        theme.selected
    } else {
        theme.accent
    };
    paint_row(
        buf,
        (inner.x, inner.y, inner.width),
        &[(&label, theme.accent), (input, input_style)],
        app.model,
        Style::new(),
        true,
    );
    let mut y = inner.y + 1;
    // `t` wrapped from row `y` on, in at most `most` rows.
    let text = |buf: &mut ratatui::buffer::Buffer, y: &mut u16, t: &str, style: Style, most| {
        let left = inner.bottom().saturating_sub(*y).min(most);
        *y += crate::tui::paint::paint_wrapped(
            buf,
            (inner.x, *y, inner.width),
            left,
            t,
            style,
            app.model,
        );
    };
    if show_keys {
        text(buf, &mut y, &keys, theme.dim, u16::MAX);
    }
    if show_forms {
        text(buf, &mut y, FORMS, theme.dim, u16::MAX);
    }
    if let Some(e) = error {
        text(buf, &mut y, e, theme.accent, error_rows);
    }
    y += u16::from(gap);
    let base = y + 2;
    histogram(app, buf, (inner, base), &buckets, cursor);
    y += 3;
    text(buf, &mut y, &info, Style::new(), u16::MAX);
}

/// How many articles `range` keeps, from the month buckets, when it is whole months of
/// publication (a range cutting into a month, buckets of days, or months mentioned, which
/// one article can count in several, cannot be summed).
fn typed_count(
    range: &crate::index::DateRange,
    buckets: &[(chrono::NaiveDate, usize)],
    months: bool,
) -> Option<usize> {
    use chrono::Datelike;
    let starts_a_month = range.start.is_none_or(|s| s.day() == 1);
    let ends_a_month = range
        .end
        .is_none_or(|e| e.succ_opt().is_none_or(|next| next.day() == 1));
    (months && starts_a_month && ends_a_month).then(|| {
        buckets
            .iter()
            .filter(|(month, _)| {
                range.start.is_none_or(|s| *month >= s) && range.end.is_none_or(|e| *month <= e)
            })
            .map(|(_, n)| n)
            .sum()
    })
}

/// The bars, a column (up to three cells wide) per month or day, as many as fit, the
/// cursor kept in view; the tallest bar is the busiest bucket, and an empty bucket is a
/// dim dot on the baseline. `base` is the row of the bars' bottom.
fn histogram(
    app: &App,
    buf: &mut ratatui::buffer::Buffer,
    (inner, base): (Rect, u16),
    buckets: &[(chrono::NaiveDate, usize)],
    cursor: usize,
) {
    let theme = &app.config.theme;
    if buckets.is_empty() {
        return;
    }
    let col_width = (usize::from(inner.width) / buckets.len().max(1)).clamp(1, 3);
    let columns = usize::from(inner.width) / col_width;
    let start = (cursor + 1).saturating_sub(columns);
    let max = buckets.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let bar_rows = 3_usize;
    for (col, (i, (_, n))) in buckets
        .iter()
        .enumerate()
        .skip(start)
        .take(columns)
        .enumerate()
    {
        // Eighths of the bar height, over `bar_rows` rows.
        let eighths = if *n == 0 {
            0
        } else {
            (n * 8 * bar_rows).div_ceil(max).max(1)
        };
        let style = if i == cursor {
            theme.selected.patch(theme.accent)
        } else if *n == 0 {
            theme.dim
        } else {
            Style::new()
        };
        let x = inner.x + (col * col_width) as u16;
        let w = (col_width as u16).saturating_sub(u16::from(col_width > 1));
        for r in 0..bar_rows {
            let level = eighths.saturating_sub(r * 8).min(8);
            let glyph = match (level, r, *n, i == cursor) {
                (0, _, _, true) if r == 0 => "▁",
                (0, 0, 0, _) => "·",
                (0, _, _, _) => " ",
                (l, _, _, _) => BARS[l - 1],
            };
            let y = base - r as u16;
            if y >= inner.bottom() {
                continue;
            }
            let cell = glyph.repeat(usize::from(w.max(1)));
            paint_row(
                buf,
                (x, y, w.max(1)),
                &[(&cell, style)],
                app.model,
                Style::new(),
                false,
            );
        }
    }
}

/// The source picker: a prompt, then each source with its count on the right.
fn sources(app: &App, frame: &mut Frame, screen: Rect, query: &str, cursor: usize) {
    let area = popup(screen, 60, screen.height.saturating_sub(4).min(24));
    crate::tui::paint::clear_cut_clusters(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let keys = app.config.keymap.hint(
        &[
            (&[Action::PromptAccept], "filter"),
            (&[Action::PromptCancel], ""),
        ],
        ": ",
    );
    let block = Block::bordered().title(format!(" Sources ({keys}) "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let theme = &app.config.theme;
    let items = app.source_items(query);
    let buf = frame.buffer_mut();
    let prompt = format!("> {query}");
    let row = |buf: &mut ratatui::buffer::Buffer, x, y, w, text: &str, style: Style| {
        paint_row(buf, (x, y, w), &[(text, style)], app.model, style, true);
    };
    row(buf, inner.x, inner.y, inner.width, &prompt, theme.accent);
    let rows = usize::from(inner.height.saturating_sub(1));
    let skip = (cursor + 1).saturating_sub(rows);
    for (n, (i, (name, count))) in items.iter().enumerate().skip(skip).take(rows).enumerate() {
        let y = inner.y + 1 + n as u16;
        let style = if i == cursor {
            theme.selected
        } else {
            Style::new()
        };
        let count = count.to_string();
        let cw = count.len() as u16;
        row(
            buf,
            inner.x,
            y,
            inner.width.saturating_sub(cw + 1),
            name,
            style,
        );
        row(buf, inner.right() - cw, y, cw, &count, theme.dim);
    }
    if items.is_empty() {
        row(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            "no source matches",
            theme.dim,
        );
    }
}
