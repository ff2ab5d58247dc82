//! Replaying a session of screens through ratatui's diff and the crossterm backend into a
//! terminal emulator, and counting the cells where the emulator's screen differs from the
//! screen that was meant. Shared by the `layout_*replay` tests and the `layout_report` example.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use khabar::text::width::{self, WidthModel, display_cluster};
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::widgets::Block;

use crate::emulators::Screen;
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
    /// Bytes to paint the same frame from scratch (clear screen, every cell), as Ctrl-L does.
    pub full_bytes: usize,
    pub rows: usize,
    pub wrong_cells: usize,
    pub wrong_rows: usize,
    pub text_errors: usize,
}

/// Sends frames to a terminal emulator the way `ratatui::Terminal` does (diff against
/// the previous frame, crossterm backend) and checks the emulator after each.
pub struct Player {
    out: Shared,
    backend: CrosstermBackend<Shared>,
    prev: Buffer,
}

impl Default for Player {
    fn default() -> Self {
        let out = Shared::default();
        Self {
            backend: CrosstermBackend::new(out.clone()),
            out,
            prev: Buffer::empty(Rect::new(0, 0, 80, 24)),
        }
    }
}

impl Player {
    /// Clears the screen and forgets the previous frame, as a resize or Ctrl-L does.
    pub fn clear(&mut self, screen: &mut dyn Screen, area: Rect) {
        if area != self.prev.area {
            screen.resize(area.width, area.height);
        }
        self.prev = Buffer::empty(area);
        self.backend.clear_region(ClearType::All).unwrap();
    }

    /// Sends `next` and returns (bytes written, wrong cells, wrong rows) after it.
    pub fn frame(
        &mut self,
        next: Buffer,
        screen: &mut dyn Screen,
        model: WidthModel,
    ) -> (usize, usize, usize) {
        if next.area != self.prev.area {
            self.clear(screen, next.area);
        }
        self.backend.draw(self.prev.diff_iter(&next)).unwrap();
        Backend::flush(&mut self.backend).unwrap();
        let bytes = std::mem::take(&mut *self.out.0.borrow_mut());
        screen.feed(&bytes);
        let (cells, rows) = compare(screen, &intended(&next, model));
        self.prev = next;
        (bytes.len(), cells, rows)
    }
}

/// Bytes to paint `buf` from scratch (clear screen, every cell), as Ctrl-L does.
pub fn full_bytes(buf: &Buffer) -> usize {
    let scratch = Shared::default();
    let mut full = CrosstermBackend::new(scratch.clone());
    full.clear_region(ClearType::All).unwrap();
    full.draw(Buffer::empty(buf.area).diff_iter(buf)).unwrap();
    Backend::flush(&mut full).unwrap();
    scratch.0.borrow().len()
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
    let mut player = Player::default();
    let mut area = Rect::new(0, 0, 80, 24);
    let mut view = View::default();
    let mut frames = Vec::new();
    for &step in steps {
        match step {
            Step::Resize(w, h) => {
                area = Rect::new(0, 0, w, h);
                player.clear(screen, area);
            }
            Step::Redraw => player.clear(screen, area),
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
        let full_bytes = full_bytes(&next);
        let (bytes, wrong_cells, wrong_rows) = player.frame(next, screen, model);
        let text_errors = match mode {
            Mode::Khabar(m) | Mode::KhabarCellDiff(m) | Mode::KhabarPaneRepaint(m) => {
                article_text_errors(screen, docs, &view, area, m)
            }
            _ => 0,
        };
        frames.push(Frame {
            step,
            bytes,
            full_bytes,
            rows: usize::from(area.height),
            wrong_cells,
            wrong_rows,
            text_errors,
        });
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
