//! Bytes the reader writes to a terminal for one scroll step and one article switch,
//! compared with a full repaint of the same screen (`cargo run --release --example
//! reader_report`).

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use khabar::corpus;
use khabar::extract;
use khabar::text::width::WidthModel;
use khabar::tui::action::Action;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A writer that counts what passes through it.
#[derive(Clone, Default)]
struct Counter(Arc<Mutex<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        *self.0.lock().unwrap() += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn main() {
    // A size at which the longest seed is taller than the reader pane, so a scroll moves text.
    let (w, h) = (120, 35);
    let mut app = App::new(
        Config::defaults(true),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, w, h),
    );
    for article in corpus::seeds() {
        let analysis = extract::analyse(&article);
        app.push(Entry::new(article, analysis));
    }
    app.corpus.progress.finished = true;
    // Render into an in-memory terminal, then send ratatui's diff against the previous
    // frame (or against a blank screen, for a full repaint) through the crossterm backend.
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let counter = Counter::default();
    let mut backend = CrosstermBackend::new(counter.clone());
    let mut previous = Buffer::empty(Rect::new(0, 0, w, h));
    let mut measure = |app: &App, full: bool| {
        terminal
            .draw(|f| khabar::tui::view::render(app, f))
            .unwrap();
        let next = terminal.backend().buffer().clone();
        let base = if full {
            Buffer::empty(next.area)
        } else {
            previous.clone()
        };
        let before = *counter.0.lock().unwrap();
        backend.draw(base.diff(&next).into_iter()).unwrap();
        Backend::flush(&mut backend).unwrap();
        previous = next;
        *counter.0.lock().unwrap() - before
    };
    measure(&app, false);
    // Reader focused on the longest seed, one line down; then the next article.
    app.select(3);
    app.update(Action::NextPane);
    measure(&app, false);
    app.update(Action::Down);
    let scroll = measure(&app, false);
    let scroll_full = measure(&app, true);
    app.update(Action::PrevPane);
    app.update(Action::Down);
    let switch = measure(&app, false);
    let switch_full = measure(&app, true);
    println!("screen {w}x{h}, per-code-point model, seeds");
    println!(
        "scroll one line:  {scroll:>6} bytes (full repaint {scroll_full}, {:.0}%)",
        pct(scroll, scroll_full)
    );
    println!(
        "switch article:   {switch:>6} bytes (full repaint {switch_full}, {:.0}%)",
        pct(switch, switch_full)
    );
}

fn pct(a: usize, b: usize) -> f64 {
    a as f64 * 100.0 / b.max(1) as f64
}
