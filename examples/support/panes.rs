//! The three-pane screen shared by `pane_demo`, the replay test and the layout report:
//! article list left, article text middle, a sidebar right, each in a bordered block.
//! It can draw the middle and list panes khabar's way (`Mode::Khabar`) or with stock
//! ratatui widgets (`Mode::Stock`, `Paragraph` word wrap and `List`) for comparison.

use std::path::Path;

use khabar::text::width::WidthModel;
use khabar::text::wrap::{Row, wrap};
use khabar::tui::{PaneMemory, WrappedText, bridge_short_gaps, paint_row};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, Paragraph, Widget, Wrap};

/// One article as the demo shows it: a title for the list and the whole text.
#[derive(Debug, Clone)]
pub struct Doc {
    pub title: String,
    pub text: String,
}

impl Doc {
    /// The first line with Devanagari in it is the title; the file name otherwise.
    pub fn new(name: &str, text: String) -> Self {
        let title = text
            .lines()
            .find(|l| l.chars().any(|c| ('\u{900}'..='\u{97f}').contains(&c)))
            .unwrap_or(name)
            .trim()
            .to_owned();
        Self { title, text }
    }
}

/// Reads the `.txt` files of a folder (sorted by name), or the given files.
pub fn load_docs(paths: &[String]) -> std::io::Result<Vec<Doc>> {
    let mut files = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            for entry in std::fs::read_dir(path)? {
                let entry = entry?.path();
                if entry.extension().is_some_and(|e| e == "txt") {
                    files.push(entry);
                }
            }
        } else {
            files.push(path.to_path_buf());
        }
    }
    files.sort();
    files
        .iter()
        .map(|f| {
            let text = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
            let name = f
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            Ok(Doc::new(&name, text))
        })
        .collect()
}

/// How the panes are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// khabar's wrapper and painter for the given terminal model, with short gaps between
    /// changed cells of the article pane rewritten so each row goes out as one run.
    Khabar(WidthModel),
    /// The same painter with ratatui's plain cell diff.
    KhabarCellDiff(WidthModel),
    /// The same painter, rewriting every cell of the article pane on each frame.
    KhabarPaneRepaint(WidthModel),
    /// Stock ratatui: `Paragraph` with word wrap for the article, `List` for titles.
    Stock,
    /// Stock ratatui, with every cell of the article pane marked for repaint on each frame.
    StockRepaint,
}

/// What is on screen: which article, how far scrolled, and a status line for the sidebar.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub doc: usize,
    pub scroll: usize,
    pub status: String,
    /// What the article pane's cells held last frame (for [`Mode::Khabar`]).
    pub rows: std::cell::RefCell<PaneMemory>,
}

/// The three pane rectangles of a screen.
pub fn panes(area: Rect) -> [Rect; 3] {
    Layout::horizontal([
        Constraint::Percentage(25),
        Constraint::Min(10),
        Constraint::Percentage(22),
    ])
    .areas(area)
}

/// Rows of the article at the middle pane's inner width.
pub fn article_rows(doc: &Doc, area: Rect, model: WidthModel) -> Vec<Row> {
    let inner = Block::bordered().inner(panes(area)[1]);
    wrap(&doc.text, usize::from(inner.width), model).collect()
}

/// The largest useful scroll offset for an article on a screen of `area`.
pub fn max_scroll(doc: &Doc, area: Rect, model: WidthModel) -> usize {
    let inner = Block::bordered().inner(panes(area)[1]);
    article_rows(doc, area, model)
        .len()
        .saturating_sub(usize::from(inner.height))
}

/// Draws the whole screen into `buf` (which covers `area`).
pub fn render(buf: &mut Buffer, docs: &[Doc], view: &View, mode: Mode) {
    let area = buf.area;
    let [list, middle, side] = panes(area);
    let doc = &docs[view.doc];
    let plain = Style::new();
    let list_block = Block::bordered().title(" articles ");
    let middle_block = Block::bordered().title(format!(" {}/{} ", view.doc + 1, docs.len()));
    let side_block = Block::bordered().title(" info ");
    let (list_in, middle_in, side_in) = (
        list_block.inner(list),
        middle_block.inner(middle),
        side_block.inner(side),
    );
    list_block.render(list, buf);
    middle_block.render(middle, buf);
    side_block.render(side, buf);

    match mode {
        Mode::Khabar(model) | Mode::KhabarCellDiff(model) | Mode::KhabarPaneRepaint(model) => {
            for (i, d) in docs.iter().enumerate().take(usize::from(list_in.height)) {
                let (mark, style) = if i == view.doc {
                    ("> ", Style::new().add_modifier(Modifier::BOLD))
                } else {
                    ("  ", plain)
                };
                let y = list_in.y + i as u16;
                let segments = [(mark, style), (d.title.as_str(), style)];
                paint_row(
                    buf,
                    (list_in.x, y, list_in.width),
                    &segments,
                    model,
                    plain,
                    true,
                );
            }
            let rows: Vec<Row> = wrap(&doc.text, usize::from(middle_in.width), model).collect();
            WrappedText {
                text: &doc.text,
                rows: &rows,
                scroll: view.scroll,
                model,
                style: plain,
                highlights: &[],
            }
            .render(middle_in, buf);
            for (i, line) in view
                .status
                .lines()
                .enumerate()
                .take(usize::from(side_in.height))
            {
                let y = side_in.y + i as u16;
                paint_row(
                    buf,
                    (side_in.x, y, side_in.width),
                    &[(line, plain)],
                    model,
                    plain,
                    true,
                );
            }
        }
        Mode::Stock | Mode::StockRepaint => {
            let items: Vec<Line> = docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let mark = if i == view.doc { "> " } else { "  " };
                    Line::from(format!("{mark}{}", d.title))
                })
                .collect();
            List::new(items).render(list_in, buf);
            let scroll = u16::try_from(view.scroll).unwrap_or(u16::MAX);
            Paragraph::new(doc.text.as_str())
                .wrap(Wrap { trim: true })
                .scroll((scroll, 0))
                .render(middle_in, buf);
            Paragraph::new(view.status.as_str())
                .wrap(Wrap { trim: true })
                .render(side_in, buf);
        }
    }
    if let Mode::Khabar(_) = mode {
        bridge_short_gaps(buf, middle_in, &mut view.rows.borrow_mut());
    }
    if matches!(mode, Mode::StockRepaint | Mode::KhabarPaneRepaint(_)) {
        for y in middle_in.top()..middle_in.bottom() {
            for x in middle_in.left()..middle_in.right() {
                // Keep a forced width: it is what makes the diff skip the right columns.
                if matches!(buf[(x, y)].diff_option, CellDiffOption::None) {
                    buf[(x, y)].set_diff_option(CellDiffOption::AlwaysUpdate);
                }
            }
        }
    }
}
