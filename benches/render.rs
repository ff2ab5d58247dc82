//! Rendering one frame of the full three-pane reader at 200x60 on the seeds.

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
    app.progress.finished = true;
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

/// The reader's rows for an article (wrapping), which `render` and `update` both use.
#[divan::bench]
fn article_rows_200x60(bencher: divan::Bencher) {
    let app = app(200, 60);
    bencher.bench_local(|| app.rows().len());
}
