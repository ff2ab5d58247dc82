//! Rendering one frame of the full three-pane reader at 200x60 on the seeds, and opening
//! and moving through one long article (1 MB and 50 MB on one line).

use khabar::corpus;
use khabar::extract;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn main() {
    divan::main();
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(
        Config::defaults(true),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, width, height),
    );
    for article in corpus::seeds() {
        let analysis = extract::analyse(&article);
        app.push(Entry::new(article, analysis));
    }
    app.corpus.progress.finished = true;
    app
}

/// Render plus ratatui's diff into an in-memory backend: what one frame costs the loop.
#[divan::bench(args = [0, 3])]
fn frame_200x60(bencher: divan::Bencher, article: usize) {
    let mut app = app(200, 60);
    app.select(article);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|f| khabar::tui::view::render(&app, f))
            .unwrap();
    });
}

/// Laying out an article's rows (wrapping), which `render` and `update` both use (the
/// reader keeps the result until the article, view or width change).
#[divan::bench]
fn article_rows_200x60(bencher: divan::Bencher) {
    let app = app(200, 60);
    let article = &app.current().unwrap().article;
    bencher.bench_local(|| {
        khabar::tui::document::article_rows(article, 198, WidthModel::PerCodePoint).len()
    });
}

/// A reader holding one seed and an article of `bytes` bytes on one line (as a scraped
/// page without line breaks comes), read back from a file as the reader does.
fn long_app(bytes: usize, dir: &std::path::Path) -> App {
    let mut app = App::new(
        Config::defaults(true),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 200, 60),
    );
    let seed = corpus::seeds().remove(0);
    let analysis = extract::analyse(&seed);
    app.push(Entry::new(seed, analysis));
    let sentence =
        "प्रधानमंत्री ने सोमवार को संसद में नई योजना के बारे में विस्तार से बताया और विपक्ष ने सवाल पूछे। ";
    let mut text = String::from("एक बहुत लंबा लेख\n\n");
    while text.len() < bytes {
        text.push_str(sentence);
    }
    let path = dir.join(format!("long-{bytes}.txt"));
    std::fs::write(&path, &text).unwrap();
    let article = corpus::from_text(path.to_str().unwrap(), text);
    // Extraction is the loader's work, measured in `benches/extract.rs`.
    app.push(Entry::new(article, khabar::extract::Analysis::default()));
    app.corpus.progress.finished = true;
    app
}

const MB: usize = 1 << 20;

/// Opening a long article, then one key, as the loop does it: update, then draw.
#[divan::bench(args = [MB, 50 * MB], sample_count = 3, sample_size = 1)]
fn long_article_open(bencher: divan::Bencher, bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_app(bytes, dir.path());
    let long = app.corpus.entries.len() - 1;
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        app.select(0);
        app.select(long);
        terminal
            .draw(|f| khabar::tui::view::render(&app, f))
            .unwrap();
    });
}

/// A key on an open long article: page down, or `G` and back to the top.
#[divan::bench(args = [MB, 50 * MB], consts = [0, 1], sample_count = 20)]
fn long_article_key<const BOTTOM: usize>(bencher: divan::Bencher, bytes: usize) {
    use khabar::tui::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_app(bytes, dir.path());
    app.select(app.corpus.entries.len() - 1);
    app.update(Action::Open);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal
        .draw(|f| khabar::tui::view::render(&app, f))
        .unwrap();
    let keys: &[Action] = if BOTTOM == 1 {
        &[Action::Bottom, Action::Top]
    } else {
        &[Action::PageDown]
    };
    bencher.bench_local(|| {
        for &key in keys {
            app.update(key);
            terminal
                .draw(|f| khabar::tui::view::render(&app, f))
                .unwrap();
        }
    });
}

/// A reader on `long_app` with the opening worker, its messages handed over until `done`.
fn pump(
    app: &mut App,
    rx: &std::sync::mpsc::Receiver<khabar::tui::event::Msg>,
    done: impl Fn(&App) -> bool,
) {
    while !done(app) {
        if let Ok(msg) = rx.recv_timeout(std::time::Duration::from_millis(50)) {
            khabar::tui::handle(app, msg);
        }
    }
}

/// Opening a long article with the worker, as the event loop does it: what the loop pays
/// (asking the worker, drawing "loading…"), not the reading, which the worker does.
#[divan::bench(args = [MB, 50 * MB], sample_count = 3, sample_size = 1)]
fn long_article_open_worker(bencher: divan::Bencher, bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_app(bytes, dir.path());
    let (tx, rx) = std::sync::mpsc::sync_channel(1024);
    app.opener = Some(khabar::tui::opening::Opener::spawn(tx));
    let long = app.corpus.entries.len() - 1;
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        app.select(0);
        app.select(long);
        terminal
            .draw(|f| khabar::tui::view::render(&app, f))
            .unwrap();
    });
    // Let the worker finish before the directory goes.
    pump(&mut app, &rx, |a| a.shown.opening.is_none());
}

/// Opening a long article with the worker until its text is shown (read back and its
/// structure found; a long article's analysis follows on a thread of its own), and until
/// its sidebar is there too.
#[divan::bench(args = [MB, 50 * MB], consts = [0, 1], sample_count = 3, sample_size = 1)]
fn long_article_shown_worker<const ANALYSED: usize>(bencher: divan::Bencher, bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_app(bytes, dir.path());
    let (tx, rx) = std::sync::mpsc::sync_channel(1024);
    app.opener = Some(khabar::tui::opening::Opener::spawn(tx));
    let long = app.corpus.entries.len() - 1;
    bencher.bench_local(|| {
        app.select(0);
        pump(&mut app, &rx, |a| {
            a.shown.opening.is_none() && a.shown.analysing.is_none()
        });
        app.select(long);
        pump(&mut app, &rx, |a| {
            a.shown.opening.is_none() && (ANALYSED == 0 || a.shown.analysing.is_none())
        });
    });
    pump(&mut app, &rx, |a| {
        a.shown.opening.is_none() && a.shown.analysing.is_none()
    });
}

/// A key on an open long article once the worker's line index is complete: page down, or
/// `G` and back to the top, answered from the index.
#[divan::bench(args = [MB, 50 * MB], consts = [0, 1], sample_count = 20)]
fn long_article_key_indexed<const BOTTOM: usize>(bencher: divan::Bencher, bytes: usize) {
    use khabar::tui::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_app(bytes, dir.path());
    let (tx, rx) = std::sync::mpsc::sync_channel(1024);
    app.opener = Some(khabar::tui::opening::Opener::spawn(tx));
    app.select(app.corpus.entries.len() - 1);
    app.update(Action::Open);
    pump(&mut app, &rx, |a| {
        a.shown
            .line_index
            .as_ref()
            .is_some_and(khabar::tui::opening::LineIndex::complete)
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal
        .draw(|f| khabar::tui::view::render(&app, f))
        .unwrap();
    let keys: &[Action] = if BOTTOM == 1 {
        &[Action::Bottom, Action::Top]
    } else {
        &[Action::PageDown]
    };
    bencher.bench_local(|| {
        for &key in keys {
            app.update(key);
            terminal
                .draw(|f| khabar::tui::view::render(&app, f))
                .unwrap();
        }
    });
}

/// `G` and back on a long article whose analysis names an organisation in every sentence
/// (a real article's mentions grow with it): drawing looks only at the mentions on screen.
#[divan::bench(args = [MB, 50 * MB], sample_count = 10)]
fn long_article_key_mentions(bencher: divan::Bencher, bytes: usize) {
    use khabar::tui::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_app(bytes, dir.path());
    let long = app.corpus.entries.len() - 1;
    app.select(long);
    let mut entry = app.current().unwrap().clone();
    let text = &entry.article.text;
    let mentions: Vec<khabar::Span> = text
        .match_indices("संसद")
        .map(|(at, m)| khabar::Span::new(at, at + m.len()))
        .collect();
    entry
        .analysis
        .entities
        .push(khabar::extract::entities::Entity {
            id: "org:sansad".to_owned(),
            name: "संसद".to_owned(),
            kind: khabar::extract::entities::EntityKind::Organization,
            aliases: Vec::new(),
            mentions,
        });
    app.shown.entry = Some((long, entry));
    app.update(Action::Open);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        for key in [Action::Bottom, Action::Top] {
            app.update(key);
            terminal
                .draw(|f| khabar::tui::view::render(&app, f))
                .unwrap();
        }
    });
}
