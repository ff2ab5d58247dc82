//! Driving the real reader (`khabar::tui`) with key strings and sending every frame it
//! draws through [`Player`] into a terminal emulator. Shared by
//! `tests/layout_reader_replay.rs` and the `layout_report` example.

use khabar::corpus;
use khabar::extract;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry, Request};
use khabar::tui::config::Config;
use khabar::tui::event::Msg;
use khabar::tui::keymap::Key;
use khabar::tui::layout::Pane;
use khabar::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::emulators::Screen;
use crate::replay::Player;

/// One step of a reader session: keys to press, or a new terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Keys(&'static str),
    Resize(u16, u16),
}

/// A session over all seeds: list moves (article switches), opening, scrolling line by
/// line and by pages, focus changes, mentions, raw view, help, resizes and Ctrl-L.
pub const SESSION: &[Input] = &[
    Input::Keys("j"),
    Input::Keys("enter"),
    Input::Keys("j"),
    Input::Keys("j"),
    Input::Keys("j"),
    Input::Keys("ctrl-d"),
    Input::Keys("k"),
    Input::Keys("space"),
    Input::Keys("h"),
    Input::Keys("j"),
    Input::Keys("j"),
    Input::Keys("enter"),
    Input::Keys("j"),
    Input::Keys("j"),
    Input::Resize(80, 24),
    Input::Keys("j"),
    Input::Keys("n"),
    Input::Keys("n"),
    Input::Keys("h"),
    Input::Keys("j"),
    Input::Keys("enter"),
    Input::Keys("G"),
    Input::Keys("g"),
    Input::Keys("ctrl-l"),
    Input::Resize(120, 40),
    Input::Keys("h"),
    Input::Keys("G"),
    Input::Keys("enter"),
    Input::Keys("j"),
    Input::Keys("r"),
    Input::Keys("j"),
    Input::Keys("r"),
    Input::Keys("tab"),
    Input::Keys("j"),
    Input::Keys("?"),
    Input::Keys("?"),
    Input::Resize(60, 20),
    Input::Keys("shift-tab"),
    Input::Keys("shift-tab"),
    Input::Keys("k"),
    Input::Keys("enter"),
    Input::Keys("j"),
    Input::Keys("j"),
    Input::Resize(44, 16),
    Input::Keys("j"),
    Input::Keys("h"),
    Input::Keys("g"),
    Input::Keys("enter"),
    Input::Keys("ctrl-d"),
];

/// The reader over the seeds, as `khabar` with no arguments shows them.
pub fn app(model: WidthModel, width: u16, height: u16) -> App {
    let mut app = App::new(
        Config::defaults(false),
        model,
        Rect::new(0, 0, width, height),
    );
    for article in corpus::seeds() {
        let analysis = extract::analyse(&article);
        let entry = Entry::new(article, analysis);
        khabar::tui::handle(&mut app, Msg::Loaded(Box::new(entry), 1));
    }
    khabar::tui::handle(&mut app, Msg::Finished);
    app
}

/// What one frame of the reader session cost and showed.
#[derive(Debug, Clone, Copy)]
pub struct ReaderFrame {
    pub input: Option<Input>,
    /// The pane that had the focus when the input came.
    pub focus: Pane,
    pub bytes: usize,
    pub rows: usize,
    pub wrong_cells: usize,
    pub wrong_rows: usize,
}

/// Plays [`SESSION`] on the reader drawn for `model`, into `screen`.
pub fn play(model: WidthModel, screen: &mut dyn Screen) -> Vec<ReaderFrame> {
    let (mut w, mut h) = (100, 30);
    let mut app = app(model, w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut player = Player::default();
    player.clear(screen, Rect::new(0, 0, w, h));
    let mut frames = Vec::new();
    for input in std::iter::once(None).chain(SESSION.iter().copied().map(Some)) {
        let focus = app.focus;
        match input {
            Some(Input::Keys(keys)) => {
                for k in keys.split_whitespace() {
                    let event = Key::parse(k).unwrap_or_else(|e| panic!("{e}")).event();
                    let msg = Msg::Input(crossterm::event::Event::Key(event));
                    khabar::tui::handle(&mut app, msg);
                }
            }
            Some(Input::Resize(nw, nh)) => {
                (w, h) = (nw, nh);
                term.backend_mut().resize(w, h);
                let msg = Msg::Input(crossterm::event::Event::Resize(w, h));
                khabar::tui::handle(&mut app, msg);
                player.clear(screen, Rect::new(0, 0, w, h));
            }
            None => {}
        }
        if std::mem::take(&mut app.request) == Request::Redraw {
            player.clear(screen, Rect::new(0, 0, w, h));
        }
        let next = term.draw(|f| view::render(&app, f)).unwrap().buffer.clone();
        let (bytes, wrong_cells, wrong_rows) = player.frame(next, screen, model);
        frames.push(ReaderFrame {
            input,
            focus,
            bytes,
            rows: usize::from(h),
            wrong_cells,
            wrong_rows,
        });
    }
    frames
}
