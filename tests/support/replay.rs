//! Replaying a session of screens through ratatui's diff and the crossterm backend into a
//! terminal emulator, and counting the cells where the emulator's screen differs from the
//! screen that was meant. Shared by `tests/layout_replay.rs` and the `layout_report` example.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use khabar::text::width::{self, WidthModel, display_cluster};
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::widgets::Block;
use unicode_segmentation::UnicodeSegmentation;

use crate::panes::{Doc, Mode, View, article_rows, max_scroll, panes, render};

/// One user action between frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Resize(u16, u16),
    Switch(usize),
    Scroll(isize),
    /// Ctrl-L: clear the screen and repaint everything.
    Redraw,
}

/// A terminal emulator the bytes are fed to.
pub trait Screen {
    fn feed(&mut self, bytes: &[u8]);
    fn resize(&mut self, cols: u16, rows: u16);
    /// The cell's text ("" when blank) and whether it is the right part of a wide cell.
    fn cell(&self, x: u16, y: u16) -> (String, bool);
}

/// The `vt100` crate: a per-code-point terminal that matched tmux row for row.
pub struct Vt(pub vt100::Parser);

impl Vt {
    pub fn new() -> Self {
        Self(vt100::Parser::new(24, 80, 0))
    }
}

impl Screen for Vt {
    fn feed(&mut self, bytes: &[u8]) {
        self.0.process(bytes);
    }
    fn resize(&mut self, cols: u16, rows: u16) {
        self.0.screen_mut().set_size(rows, cols);
    }
    fn cell(&self, x: u16, y: u16) -> (String, bool) {
        self.0
            .screen()
            .cell(y, x)
            .map_or((String::new(), false), |c| {
                (c.contents().to_owned(), c.is_wide_continuation())
            })
    }
}

/// A small cluster terminal: a code point that continues the cluster in the cell left of
/// the cursor joins that cell (which may grow, as in Ghostty), anything else opens a cell
/// of the model's width. Overwriting part of a wide cell blanks the rest of it.
pub struct ClusterTerm {
    model: WidthModel,
    cols: u16,
    rows: u16,
    /// Text and width of each cell; width 0 marks the right part of a wide cell.
    cells: Vec<(String, usize)>,
    x: u16,
    y: u16,
}

impl ClusterTerm {
    pub fn new(model: WidthModel) -> Self {
        let mut t = Self {
            model,
            cols: 0,
            rows: 0,
            cells: Vec::new(),
            x: 0,
            y: 0,
        };
        t.resize(80, 24);
        t
    }

    fn idx(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.cols) + usize::from(x)
    }

    /// Blanks the whole wide cell that covers column `x`, if any.
    fn unwide(&mut self, x: u16) {
        let mut head = x;
        while head > 0 && self.cells[self.idx(head, self.y)].1 == 0 {
            head -= 1;
        }
        let i = self.idx(head, self.y);
        let w = self.cells[i].1.max(1);
        if w > 1 || head != x {
            for k in 0..w as u16 {
                if head + k < self.cols {
                    let j = self.idx(head + k, self.y);
                    self.cells[j] = (String::new(), 1);
                }
            }
        }
    }

    fn print(&mut self, ch: char) {
        if self.y >= self.rows {
            return;
        }
        // Join the cell left of the cursor if the model keeps the pair in one cell.
        if self.x > 0 {
            let mut head = self.x - 1;
            while head > 0 && self.cells[self.idx(head, self.y)].1 == 0 {
                head -= 1;
            }
            let i = self.idx(head, self.y);
            let (text, w) = self.cells[i].clone();
            if !text.is_empty() && usize::from(head) + w == usize::from(self.x) {
                let joined = format!("{text}{ch}");
                let one = joined.graphemes(true).count() == 1;
                let mut cells = self.model.cells(&joined);
                if let (true, Some((_, nw)), None) = (one, cells.next(), cells.next()) {
                    self.cells[i].0 = joined;
                    for k in w..nw {
                        let x = head + k as u16;
                        if x < self.cols {
                            self.unwide(x);
                            let j = self.idx(x, self.y);
                            self.cells[j] = (String::new(), 0);
                        }
                    }
                    self.cells[i].1 = nw.max(w);
                    self.x = head + self.cells[i].1 as u16;
                    return;
                }
            }
        }
        let single = ch.to_string();
        let w = self.model.cells(&single).next().map_or(0, |(_, w)| w);
        if w == 0 || self.x >= self.cols {
            return;
        }
        for k in 0..w as u16 {
            if self.x + k < self.cols {
                self.unwide(self.x + k);
            }
        }
        let i = self.idx(self.x, self.y);
        self.cells[i] = (single, w);
        for k in 1..w as u16 {
            if self.x + k < self.cols {
                let j = self.idx(self.x + k, self.y);
                self.cells[j] = (String::new(), 0);
            }
        }
        self.x = (self.x + w as u16).min(self.cols);
    }

    fn csi(&mut self, params: &str, fin: char) {
        let nums: Vec<u16> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
        match fin {
            'H' => {
                self.y = nums.first().copied().unwrap_or(1).max(1) - 1;
                self.x = nums.get(1).copied().unwrap_or(1).max(1) - 1;
            }
            'J' if params == "2" => {
                self.cells.fill((String::new(), 1));
            }
            _ => {}
        }
    }
}

impl Screen for ClusterTerm {
    fn feed(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                if chars.next_if_eq(&'[').is_some() {
                    let mut params = String::new();
                    for p in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&p) {
                            self.csi(&params, p);
                            break;
                        }
                        params.push(p);
                    }
                } else {
                    chars.next();
                }
            } else if !c.is_control() {
                self.print(c);
            }
        }
    }
    fn resize(&mut self, cols: u16, rows: u16) {
        self.cols = cols;
        self.rows = rows;
        self.cells = vec![(String::new(), 1); usize::from(cols) * usize::from(rows)];
        self.x = 0;
        self.y = 0;
    }
    fn cell(&self, x: u16, y: u16) -> (String, bool) {
        let (s, w) = &self.cells[self.idx(x, y)];
        (s.clone(), *w == 0)
    }
}

/// The screen a buffer means under `model`: each buffer cell's text split into the cells
/// the terminal stores (`None` for the right part of a wide cell).
pub fn intended(buf: &Buffer, model: WidthModel) -> Vec<Vec<Option<String>>> {
    let w = usize::from(buf.area.width);
    let mut screen = Vec::new();
    for y in 0..buf.area.height {
        let mut row = vec![Some(" ".to_owned()); w];
        let mut x = 0;
        while x < w {
            let cell = &buf[(x as u16, y)];
            let mut tx = x;
            for (piece, pw) in model.cells(cell.symbol()) {
                if tx < w {
                    row[tx] = Some(piece.to_owned());
                }
                for k in 1..pw {
                    if tx + k < w {
                        row[tx + k] = None;
                    }
                }
                tx += pw;
            }
            x += usize::from(cell.cell_width()).max(1);
        }
        screen.push(row);
    }
    screen
}

/// (wrong cells, wrong rows) of `screen` against `want`.
pub fn compare(screen: &dyn Screen, want: &[Vec<Option<String>>]) -> (usize, usize) {
    let (mut cells, mut rows) = (0, 0);
    for (y, row) in want.iter().enumerate() {
        let mut bad = 0;
        for (x, want) in row.iter().enumerate() {
            let (got, cont) = screen.cell(x as u16, y as u16);
            let ok = match want {
                None => cont,
                Some(s) => !cont && (got == *s || (got.is_empty() && s == " ")),
            };
            bad += usize::from(!ok);
        }
        cells += bad;
        rows += usize::from(bad > 0);
    }
    (cells, rows)
}

/// Rows of the article pane whose text on screen differs from the wrapped rows as shown
/// (sanitised, stray marks on a dotted circle): checks the layout, not just the diff.
pub fn article_text_errors(
    screen: &dyn Screen,
    docs: &[Doc],
    view: &View,
    area: Rect,
    model: WidthModel,
) -> usize {
    let inner = Block::bordered().inner(panes(area)[1]);
    let doc = &docs[view.doc];
    let rows = article_rows(doc, area, model);
    let mut bad = 0;
    for (i, y) in (inner.top()..inner.bottom()).enumerate() {
        let want: String = rows.get(view.scroll + i).map_or(String::new(), |r| {
            width::clusters(r.span.of(&doc.text))
                .map(|(_, g)| display_cluster(g, model).into_owned())
                .collect()
        });
        // The right part of a wide cell holds nothing; the joined cells read as the text.
        let got: String = (inner.left()..inner.right())
            .map(|x| screen.cell(x, y))
            .filter(|(_, cont)| !cont)
            .map(|(s, _)| if s.is_empty() { " ".to_owned() } else { s })
            .collect();
        bad += usize::from(got.trim_end() != want.trim_end());
    }
    bad
}

/// The bytes the backend writes, kept where the replay can take them after each frame.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What happened in one frame.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub step: Step,
    pub bytes: usize,
    pub rows: usize,
    pub wrong_cells: usize,
    pub wrong_rows: usize,
    pub text_errors: usize,
}

/// Plays `steps`, drawing each screen in `mode`, and checks `screen` against the intended
/// screen under `model` after every frame.
pub fn replay(
    docs: &[Doc],
    steps: &[Step],
    mode: Mode,
    model: WidthModel,
    screen: &mut dyn Screen,
) -> Vec<Frame> {
    let out = Shared::default();
    let mut backend = CrosstermBackend::new(out.clone());
    let mut area = Rect::new(0, 0, 80, 24);
    let mut prev = Buffer::empty(area);
    let mut view = View::default();
    let mut frames = Vec::new();
    for &step in steps {
        match step {
            Step::Resize(w, h) => {
                area = Rect::new(0, 0, w, h);
                screen.resize(w, h);
                prev = Buffer::empty(area);
                backend.clear_region(ClearType::All).unwrap();
            }
            Step::Redraw => {
                prev = Buffer::empty(area);
                backend.clear_region(ClearType::All).unwrap();
            }
            Step::Switch(d) => {
                view.doc = d;
                view.scroll = 0;
            }
            Step::Scroll(by) => view.scroll = view.scroll.saturating_add_signed(by),
        }
        // The same scroll positions in every mode, so byte counts compare like with like.
        view.scroll = view
            .scroll
            .min(max_scroll(&docs[view.doc], area, WidthModel::PerCodePoint));
        view.status = format!("doc {}\nscroll {}", view.doc + 1, view.scroll);
        let mut next = Buffer::empty(area);
        render(&mut next, docs, &view, mode);
        backend.draw(prev.diff_iter(&next)).unwrap();
        Backend::flush(&mut backend).unwrap();
        let bytes = std::mem::take(&mut *out.0.borrow_mut());
        screen.feed(&bytes);
        let (wrong_cells, wrong_rows) = compare(screen, &intended(&next, model));
        let text_errors = match mode {
            Mode::Khabar(m) => article_text_errors(screen, docs, &view, area, m),
            _ => 0,
        };
        frames.push(Frame {
            step,
            bytes: bytes.len(),
            rows: usize::from(area.height),
            wrong_cells,
            wrong_rows,
            text_errors,
        });
        prev = next;
    }
    frames
}

/// Two made-up articles: 2-column clusters, then narrow Latin text in the same places.
pub fn wide_then_narrow() -> [Doc; 2] {
    let wide = "को कौ का की कि को कोई कोने कोको\n".repeat(30);
    let narrow = "ab cd ef gh ij kl mn op qr st\n".repeat(30);
    [Doc::new("wide", wide), Doc::new("narrow", narrow)]
}

/// The session: every seed shown, scrolled line by line and by pages, switched, resized
/// (shrinking and growing), redrawn, and the wide-then-narrow pair. `seeds` articles come
/// first in `docs`, the [`wide_then_narrow`] pair after them.
pub fn session(seeds: usize) -> Vec<Step> {
    use Step::{Redraw, Resize, Scroll, Switch};
    let mut s = vec![Resize(100, 30)];
    let sizes = [(100, 30), (80, 24), (120, 40), (60, 20), (44, 18)];
    for d in 0..seeds {
        if d > 0 {
            let (w, h) = sizes[d % sizes.len()];
            s.push(Resize(w, h));
        }
        s.extend([
            Switch(d),
            Scroll(1),
            Scroll(1),
            Scroll(1),
            Scroll(7),
            Scroll(-1),
        ]);
        s.extend([Switch((d + 1) % seeds), Scroll(2), Switch(d), Scroll(1)]);
    }
    s.push(Redraw);
    let (wide, narrow) = (seeds, seeds + 1);
    s.extend([
        Switch(wide),
        Switch(narrow),
        Switch(wide),
        Scroll(1),
        Switch(narrow),
    ]);
    s.extend([
        Switch(wide),
        Scroll(3),
        Scroll(-1),
        Resize(70, 22),
        Switch(0),
        Scroll(1),
    ]);
    s
}
