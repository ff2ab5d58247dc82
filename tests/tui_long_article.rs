//! A long article is laid out a window at a time: keys and resizes wrap only the text
//! near the reading position, and what they show agrees row for row with laying out the
//! whole article.

#[path = "support/drive.rs"]
mod drive;

use drive::press;
use khabar::corpus;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use khabar::tui::document::{self, Row};
use khabar::tui::event::Msg;
use ratatui::layout::Rect;

/// A reader with one article of about `bytes` bytes: paragraphs of sentences written for
/// this test, every tenth paragraph a long one-line run of 100 KB.
fn long_app(bytes: usize, dir: &std::path::Path) -> App {
    let sentences = [
        "नदी के किनारे बसे कस्बे में बुधवार को नया पुल खोला गया। ",
        "स्कूल के बच्चों ने उद्घाटन पर गीत गाए और बुज़ुर्गों ने पुराने दिनों की बातें कीं। ",
        "पुल बनने से पहले लोग नाव से आते-जाते थे। ",
    ];
    let mut text = String::from("पुल की कहानी\n\n");
    let mut n = 0;
    while text.len() < bytes {
        let size = if n % 10 == 9 { 100_000 } else { 600 };
        let start = text.len();
        while text.len() - start < size {
            text.push_str(sentences[n % 3]);
            n += 1;
        }
        text.push_str("\n\n");
        n += 1;
    }
    let path = dir.join("long.txt");
    std::fs::write(&path, &text).unwrap();
    let article = corpus::from_text(path.to_str().unwrap(), text);
    let mut app = App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 100, 30),
    );
    app.push(Entry::new(article, khabar::extract::Analysis::default()));
    khabar::tui::handle(&mut app, Msg::Finished);
    app.settle();
    press(&mut app, "enter");
    app
}

/// The first shown row's place, to compare with the whole layout.
fn top(app: &App) -> (usize, usize) {
    let rows = app.rows();
    let row = &rows[app.top_row(&rows)];
    (row.span.start, row.span.end)
}

fn whole(app: &App) -> Vec<Row> {
    let article = &app.current().unwrap().article;
    document::article_rows(article, app.text_width(), WidthModel::PerCodePoint)
}

#[test]
fn only_a_window_is_laid_out_and_it_agrees_with_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = long_app(3 << 20, dir.path());
    let whole = whole(&a);
    assert!(
        a.rows().len() * 10 < whole.len(),
        "{} of {} rows laid out",
        a.rows().len(),
        whole.len()
    );
    // Page down through a long stretch: every top row is the whole layout's.
    let page = 27 - 1;
    for step in 1..400 {
        press(&mut a, "space");
        let expected = &whole[step * page];
        assert_eq!(
            top(&a),
            (expected.span.start, expected.span.end),
            "page {step}"
        );
    }
    // G shows the last page, g the first; k from the end goes back one row.
    press(&mut a, "G");
    let last = &whole[whole.len() - 27];
    assert_eq!(top(&a), (last.span.start, last.span.end));
    press(&mut a, "k");
    let before = &whole[whole.len() - 28];
    assert_eq!(top(&a), (before.span.start, before.span.end));
    press(&mut a, "g");
    assert_eq!(top(&a), (whole[0].span.start, whole[0].span.end));
}

#[test]
fn a_resize_keeps_the_position_and_lays_out_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = long_app(3 << 20, dir.path());
    press(&mut a, "G k k k");
    let anchor = a.reader.anchor;
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(90, 30)));
    let rows = a.rows();
    let shown = &rows[a.top_row(&rows)];
    assert!(shown.span.start <= anchor && anchor <= shown.span.end.max(shown.span.start));
    assert!(rows.len() * 10 < whole(&a).len());
}
