//! Full-screen snapshots of the reader on the bundled seeds at three sizes, with the help
//! overlay, and while loading.

use khabar::corpus;
use khabar::extract;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use khabar::tui::event::Msg;
use khabar::tui::keymap::Key;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn app(width: u16, height: u16, loaded: usize) -> App {
    let mut app = App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, width, height),
    );
    khabar::tui::handle(&mut app, Msg::Found(5));
    for article in corpus::seeds().into_iter().take(loaded) {
        let analysis = extract::analyse(&article);
        khabar::tui::handle(
            &mut app,
            Msg::Loaded(Box::new(Entry::new(article, analysis)), 1),
        );
    }
    if loaded == 5 {
        khabar::tui::handle(&mut app, Msg::Finished);
    }
    app.settle();
    app
}

fn press(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        let event = Key::parse(k).unwrap().event();
        khabar::tui::handle(app, Msg::Input(crossterm::event::Event::Key(event)));
    }
}

fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|f| khabar::tui::view::render(app, f))
        .unwrap();
    terminal
}

#[test]
fn wide_160x45() {
    let a = app(160, 45, 5);
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn medium_100x30_second_article_scrolled() {
    let mut a = app(100, 30, 5);
    press(&mut a, "j enter ctrl-d");
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn narrow_60x20_reader() {
    let mut a = app(60, 20, 5);
    press(&mut a, "j j enter");
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn help_overlay_100x30() {
    let mut a = app(100, 30, 5);
    press(&mut a, "?");
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn while_loading_100x30() {
    let a = app(100, 30, 2);
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn too_small_20x6() {
    let a = app(20, 6, 5);
    insta::assert_snapshot!(screen(&a).backend());
}

fn type_text(app: &mut App, text: &str) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
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

#[test]
fn person_picker_100x30() {
    let mut a = app(100, 30, 5);
    press(&mut a, "p");
    type_text(&mut a, "ki");
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn date_histogram_100x30() {
    let mut a = app(100, 30, 5);
    press(&mut a, "d left");
    insta::assert_snapshot!(screen(&a).backend());
}

#[test]
fn filter_bar_and_search_120x30() {
    let mut a = app(120, 30, 5);
    press(&mut a, "p");
    type_text(&mut a, "putin");
    press(&mut a, "enter d");
    type_text(&mut a, "2024");
    press(&mut a, "enter /");
    type_text(&mut a, "किम");
    insta::assert_snapshot!(screen(&a).backend());
}
