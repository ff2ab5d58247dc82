//! Terminal emulators for the replay oracle: the `vt100` crate for per-code-point
//! terminals, and a small model of a cluster terminal for the other width models.

use khabar::text::width::WidthModel;
use unicode_segmentation::UnicodeSegmentation;

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
