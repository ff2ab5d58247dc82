//! The article list: title (cut at a cluster boundary with `…`), source and publication
//! date; unread articles marked with `●`, starred ones with `★` (on the second row, so
//! titles start in one column whatever the marks).

use unicode_width::UnicodeWidthStr;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::pane_block;
use crate::index::DateField;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::filters::Chip;
use crate::tui::layout::Pane;
use crate::tui::paint::paint_row;

/// What an empty list says under filters: `No article matches the filters (Esc removes
/// the last, x all).`, with the keys the keymap has for them.
pub fn no_match(app: &App) -> String {
    let keys = app.config.keymap.hint(
        &[
            (&[Action::Back], "removes the last"),
            (&[Action::ClearFilters], "all"),
        ],
        " ",
    );
    // Until a large library's names are in, a filter by one finds nothing yet.
    let by_names = app.list.chips.iter().any(|c| {
        matches!(
            c,
            Chip::Entity { .. }
                | Chip::Date {
                    field: DateField::Mentioned,
                    ..
                }
        )
    });
    let what = if by_names && app.names_pending() {
        "Names still loading: no article matches the filters yet"
    } else if super::filterbar::texts_read(app).is_some() {
        // A search kept from the last session, before the stored texts are read back.
        "Texts still being read: no article matches the search yet"
    } else {
        "No article matches the filters"
    };
    if keys.is_empty() {
        format!("{what}.")
    } else {
        format!("{what} ({}).", keys.replace(" · ", ", "))
    }
}

/// The first of `titles` (longest first) that fits in `width` columns, else the last: a
/// border cuts a title wherever it ends, which in a count reads as another number
/// (`Articles (2 of 22` for 224).
fn fit_title(titles: &[String], width: u16) -> String {
    titles
        .iter()
        .find(|t| t.width() <= usize::from(width))
        .or(titles.last())
        .cloned()
        .unwrap_or_default()
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let shown = app.list.visible.len();
    let total = app.corpus.index.live();
    // Without a filter every article is listed; while a load goes on the list is refreshed
    // less often than articles are counted, which read as a filter keeping some out.
    let unfiltered = app.list.chips.is_empty() && !app.searching();
    let count = if shown == total || unfiltered {
        total.to_string()
    } else {
        format!("{shown} of {total}")
    };
    // A first page is listed before the loader has counted anything.
    let doing = if (!app.corpus.progress.finished && app.corpus.progress.total > 0)
        || app.on_first_page()
    {
        ", loading"
    } else if (app.search.reading_texts && app.searching()) || app.search.wait.is_some() {
        // The bodies of stored articles are still being read back (more may match), or
        // the search worker has not answered yet.
        ", searching"
    } else {
        ""
    };
    // The order stays on screen, not only in the message `s` leaves: in a narrow pane the
    // word `Articles` and the total (which the filter bar also shows) go first (trial 50:
    // with a filter on, `N of M` left no room for it at 120 columns).
    let sort = app.list.sort.name();
    let shown = if unfiltered { total } else { shown };
    let title = fit_title(
        &[
            format!(" Articles ({count}{doing}) · {sort} "),
            format!(" {count}{doing} · {sort} "),
            format!(" {shown}{doing} · {sort} "),
            format!(" {shown} · {sort} "),
            format!(" {count} "),
            format!(" {shown} "),
        ],
        area.width.saturating_sub(2),
    );
    let block = pane_block(app, Pane::List, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let theme = &app.config.theme;
    let buf = frame.buffer_mut();
    let mut y = inner.y;
    let rows = usize::from(inner.height) / 2;
    for &i in app.list.visible.iter().skip(app.list.offset).take(rows) {
        let a = &app.corpus.entries[i];
        let title = app.title(i);
        let unread = !app.user.is_read(app.corpus.entries[i].id);
        let star = if app.user.is_starred(app.corpus.entries[i].id) {
            ("★ ", theme.accent)
        } else {
            ("  ", theme.dim)
        };
        let date = a.published.and_then(|p| p.value());
        let meta = match (a.source.as_deref(), date) {
            // The date stays whole and the source is cut (trial 50: at 80 columns every
            // dated row read `Jagran · 2023-0…`).
            (Some(source), Some(date)) => {
                let room = usize::from(inner.width)
                    .saturating_sub(app.model.str_width(star.0) + app.model.str_width(&date) + 3);
                let source = super::filterbar::cut_to(source, room.max(2), app.model);
                format!("{source} · {date}")
            }
            (Some(source), None) => source.to_owned(),
            (None, Some(date)) => date,
            (None, None) => "—".to_owned(),
        };
        let mut style = if unread { theme.unread } else { Style::new() };
        if i == app.list.selected {
            style = style.patch(theme.selected);
        }
        let marker = if unread { "● " } else { "  " };
        paint_row(
            buf,
            (inner.x, y, inner.width),
            &[(marker, style), (&title, style)],
            app.model,
            style,
            true,
        );
        paint_row(
            buf,
            (inner.x, y + 1, inner.width),
            &[star, (&meta, theme.dim)],
            app.model,
            Style::new(),
            true,
        );
        y += 2;
    }
    if app.list.visible.is_empty() {
        let msg = if !app.corpus.progress.finished && total == 0 {
            "Loading…".to_owned()
        } else if app.search.wait.is_some() {
            "Searching…".to_owned()
        } else if total == 0 {
            "No articles.".to_owned()
        } else {
            no_match(app)
        };
        // Wrapped: the list is often the narrowest pane, and the keys come last.
        let rows = crate::text::wrap::wrap(&msg, usize::from(inner.width), app.model);
        for (row, y) in rows.zip(inner.y..inner.bottom()) {
            paint_row(
                buf,
                (inner.x, y, inner.width),
                &[(row.span.of(&msg), Style::new())],
                app.model,
                Style::new(),
                true,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fit_title;

    /// A narrow pane drops the order, then the state, then the word (the count alone is
    /// cut only when even it does not fit).
    #[test]
    fn a_title_too_wide_loses_whole_parts() {
        let titles = [
            " Articles (2 of 224, loading) · newest ".to_owned(),
            " Articles (2 of 224, loading) ".to_owned(),
            " Articles (2 of 224) ".to_owned(),
            " 2 of 224 ".to_owned(),
        ];
        assert_eq!(fit_title(&titles, 60), titles[0]);
        assert_eq!(fit_title(&titles, 30), titles[1]);
        assert_eq!(fit_title(&titles, 21), titles[2]);
        assert_eq!(fit_title(&titles, 18), titles[3]);
        assert_eq!(fit_title(&titles, 5), titles[3]);
    }
}
