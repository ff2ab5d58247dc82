//! The filter bar: active filters as chips, and how many articles they keep.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text::width::{WidthModel, clusters, display_cluster};
use crate::tui::app::App;
use crate::tui::filters::Chip;
use crate::tui::paint::paint_row;

/// `person: पुतिन · date: 2024-06 · 12 of 340 · 3 undated` (`200 so far` on a first page;
/// `texts read 37%` while a search waits for stored texts).
pub fn text(app: &App) -> String {
    let (mut parts, tail) = parts(app);
    parts.extend(tail);
    parts.join(" · ")
}

/// The chips' labels, sources together (two sources keep the articles of either: `source:
/// A or B`, not two chips that read as both, trial 50), and the counts after them.
fn parts(app: &App) -> (Vec<String>, Vec<String>) {
    let mut chips: Vec<String> = Vec::new();
    // Where the last source was: Esc removes it, so the merged chip stands in its place.
    let mut sources: (usize, Vec<&str>) = (0, Vec::new());
    for chip in &app.list.chips {
        if let Chip::Source(name) = chip {
            sources.0 = chips.len();
            sources.1.push(name);
            continue;
        }
        chips.push(chip.label());
    }
    if !sources.1.is_empty() {
        chips.insert(sources.0, format!("source: {}", sources.1.join(" or ")));
    }
    let mut tail = Vec::new();
    if app.search.wait.is_some() {
        // No count until the search worker answers: the list shown meanwhile is not it.
        tail.push(format!("searching {}", app.corpus.index.live()));
    } else if app.on_first_page() {
        // A first page is the head of the list only: the whole list is still being read.
        tail.push(format!("{} so far", app.list.visible.len()));
    } else {
        tail.push(format!(
            "{} of {}",
            app.list.visible.len(),
            app.corpus.index.live()
        ));
    }
    if app.list.undated > 0 {
        tail.push(format!("{} undated", app.list.undated));
    }
    if let Some(read) = texts_read(app) {
        tail.push(read);
    }
    (chips, tail)
}

/// [`text`] in `width` columns: when it is longer, each chip is cut (with `…`) to an equal
/// share of the room the counts leave, a short chip giving what it does not need to the
/// others, so that every filter and the count stay on screen (trial 50: at 120 columns
/// nine filters pushed the last two and the count off the bar, and Esc removed filters
/// the user could not see). When even a few letters of each do not fit, the first chips
/// go behind a `+k` (the last, which Esc removes, stay); the count is cut last.
pub fn fitted(app: &App, width: usize) -> String {
    let (chips, tail) = parts(app);
    let model = app.model;
    let tail = tail.join(" · ");
    let full = if chips.is_empty() {
        tail.clone()
    } else {
        format!("{} · {tail}", chips.join(" · "))
    };
    if model.str_width(&full) <= width || chips.is_empty() {
        return full;
    }
    let tail_width = model.str_width(&tail);
    if tail_width + 8 > width {
        // No room for a chip beside the count: the count alone.
        return cut_to(&tail, width, model);
    }
    for hidden in 0..chips.len() {
        let shown = &chips[hidden..];
        let more = if hidden > 0 {
            format!("+{hidden} · ")
        } else {
            String::new()
        };
        let room = width.saturating_sub(tail_width + model.str_width(&more) + 3 * shown.len());
        let widths: Vec<usize> = shown.iter().map(|c| model.str_width(c)).collect();
        let cap = share(&widths, room);
        // A chip that must be cut loses its kind first (`person: ` tells less than the
        // name), and the room that frees goes to the others (trial 52).
        let labels: Vec<String> = shown
            .iter()
            .zip(&widths)
            .map(|(c, &w)| if w > cap { brief(c) } else { c.clone() })
            .collect();
        let widths: Vec<usize> = labels.iter().map(|c| model.str_width(c)).collect();
        let cap = share(&widths, room);
        // The last chip is cut to whatever room there is; others need a few letters.
        if cap >= MIN_CHIP || hidden + 1 == chips.len() {
            let cut: Vec<String> = labels
                .iter()
                .map(|c| cut_to(c, cap.max(1), model))
                .collect();
            let bar = format!("{more}{} · {tail}", cut.join(" · "));
            // A last chip with no room at all: the count alone.
            return if model.str_width(&bar) <= width {
                bar
            } else {
                cut_to(&tail, width, model)
            };
        }
    }
    full
}

/// The fewest columns a cut chip keeps (a few letters and `…`); below, the first chips go
/// behind `+k` (trial 52: at 60 columns eight chips read `नी… · दि… · Jag…`).
const MIN_CHIP: usize = 6;

/// The widest each of `widths` may be so that together they take at most `room`: those
/// narrower than an equal share keep their width and leave the rest to the others.
fn share(widths: &[usize], room: usize) -> usize {
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    let mut left = room;
    for (i, &w) in sorted.iter().enumerate() {
        let equal = left / (sorted.len() - i);
        if w > equal {
            return equal;
        }
        left -= w;
    }
    usize::MAX
}

/// A chip's label without its kind (`person: नरेंद्र मोदी` is `नरेंद्र मोदी`); a search keeps a
/// `/` before its words, so that it is not read as a name (trial 52).
fn brief(label: &str) -> String {
    match label.split_once(": ") {
        Some(("search", words)) => format!("/{words}"),
        Some((_, value)) => value.to_owned(),
        None => label.to_owned(),
    }
}

/// `text` in at most `cap` columns: whole clusters, then `…` when cut.
pub(super) fn cut_to(text: &str, cap: usize, model: WidthModel) -> String {
    if model.str_width(text) <= cap {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for (_, g) in clusters(text) {
        let w = model.cluster_width(&display_cluster(g, model));
        if used + w > cap.saturating_sub(1) {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
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
    // One column for the space before it.
    let text = fitted(app, usize::from(area.width).saturating_sub(1));
    paint_row(
        frame.buffer_mut(),
        (area.x, area.y, area.width),
        &[(" ", theme.accent), (&text, theme.accent)],
        app.model,
        Style::new(),
        true,
    );
}
