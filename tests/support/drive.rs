//! Driving the reader's state from tests: load the seeds, press keys by name, type text.

#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use khabar::corpus;
use khabar::extract;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use khabar::tui::event::Msg;
use khabar::tui::keymap::Key;
use ratatui::layout::Rect;

/// An empty reader of 120 x 40 (no colours), as at start-up.
pub fn empty_app() -> App {
    App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 120, 40),
    )
}

/// A field of each article in the list, sorted (the list's own order aside).
pub fn visible_sorted(app: &App, field: impl Fn(&App, usize) -> String) -> Vec<String> {
    let mut all: Vec<String> = app.list.visible.iter().map(|&i| field(app, i)).collect();
    all.sort();
    all
}

/// The titles of the list as shown, sorted.
pub fn visible_titles(app: &App) -> Vec<String> {
    visible_sorted(app, App::title)
}

/// The list entry titled `title` (the first, if several are).
pub fn titled(app: &App, title: &str) -> Option<usize> {
    (0..app.corpus.entries.len()).find(|&i| app.title(i) == title)
}

/// A reader of `width` x `height` (no colours) with the first `count` seeds loaded, as the
/// loader would send them; loading counts as finished when all five are in.
pub fn seeds_app(width: u16, height: u16, count: usize) -> App {
    seeds_app_with(Config::defaults(false), width, height, count)
}

/// [`seeds_app`] with `config` (a keymap rebound, say).
pub fn seeds_app_with(config: Config, width: u16, height: u16, count: usize) -> App {
    let mut app = App::new(
        config,
        WidthModel::PerCodePoint,
        Rect::new(0, 0, width, height),
    );
    khabar::tui::handle(&mut app, Msg::Found(5));
    for article in corpus::seeds().into_iter().take(count) {
        let analysis = extract::analyse(&article);
        khabar::tui::handle(
            &mut app,
            Msg::Loaded(Box::new(Entry::new(article, analysis)), 1),
        );
    }
    if count >= 5 {
        khabar::tui::handle(&mut app, Msg::Finished);
    }
    app.settle();
    app
}

/// Presses each space-separated key (`j`, `G`, `Tab`, `ctrl-d`, `shift-tab`, `space`).
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        let event = Key::parse(k).unwrap_or_else(|e| panic!("{e}")).event();
        khabar::tui::handle(app, Msg::Input(Event::Key(event)));
    }
}

/// Types `text` character by character (into a prompt).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        khabar::tui::handle(
            app,
            Msg::Input(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            ))),
        );
    }
}

/// The seed number (`"003"`) of an entry's article.
pub fn seed_of(app: &App, entry: usize) -> String {
    let p = &app.corpus.entries[entry].path;
    p[p.find("seeds/").unwrap() + 6..][..3].to_owned()
}

/// Runs the loader over `dir` with the database in `home` into a fresh reader, the way the
/// event loop does (`between` runs once the stored list is in, before anything else).
pub fn load(dir: &std::path::Path, home: &std::path::Path, between: impl FnOnce(&mut App)) -> App {
    let mut app = empty_app();
    let (tx, rx) = std::sync::mpsc::sync_channel(1024);
    let keep = khabar::tui::loader::Keep {
        place: khabar::library::Place::At(home.join("khabar.db")),
        rules: 1,
        first_page: None,
    };
    // As the reader does: stored texts are read back when a search asks for them.
    let (go, texts) = std::sync::mpsc::channel();
    app.search.texts_go = Some(go);
    let texts = khabar::tui::loader::Texts::OnDemand(texts);
    let loader = khabar::tui::loader::spawn_with(vec![dir.to_owned()], keep, tx, texts);
    let mut between = Some(between);
    for msg in rx {
        let (warm, finished) = (matches!(msg, Msg::Warm(..)), matches!(msg, Msg::Finished));
        khabar::tui::handle(&mut app, msg);
        if warm && let Some(f) = between.take() {
            f(&mut app);
        }
        if finished {
            // No search asked for them: the loader need not wait for one. (A search typed
            // after `load` returns sees titles only, and stays `searching`.)
            app.search.texts_go = None;
        }
        app.settle();
    }
    loader.join().unwrap();
    app
}

/// The screen's rows as text, as the reader draws them.
pub fn rows(app: &App) -> Vec<String> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        app.size.width,
        app.size.height,
    ))
    .unwrap();
    terminal
        .draw(|f| khabar::tui::view::render(app, f))
        .unwrap();
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}
