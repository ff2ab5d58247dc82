//! Prints the replay figures for the layout issue: for khabar's painter and for stock
//! ratatui on the same session of frames, how many cells and rows a terminal shows wrong,
//! and how many bytes a scroll step and an article switch write.
//!
//! `cargo run --release --example layout_report`

#[path = "../tests/support/emulators.rs"]
#[allow(dead_code)]
mod emulators;
#[path = "support/panes.rs"]
#[allow(dead_code)]
mod panes;
#[path = "../tests/support/reader.rs"]
#[allow(dead_code)]
mod reader;
#[path = "../tests/support/replay.rs"]
#[allow(dead_code)]
mod replay;

use emulators::{ClusterTerm, Screen, Vt};
use khabar::text::width::WidthModel;
use khabar::tui::layout::Pane;
use panes::{Mode, load_docs};
use reader::{Input, ReaderFrame};
use replay::{Frame, Step, replay, session, wide_then_narrow};

fn mean(frames: &[Frame], pick: impl Fn(&Step) -> bool, bytes: impl Fn(&Frame) -> usize) -> f64 {
    let sel: Vec<usize> = frames.iter().filter(|f| pick(&f.step)).map(bytes).collect();
    sel.iter().sum::<usize>() as f64 / sel.len().max(1) as f64
}

fn main() -> std::io::Result<()> {
    let mut docs = load_docs(&["seeds".to_owned()])?;
    let seeds = docs.len();
    docs.extend(wide_then_narrow());
    let steps = session(seeds);
    let pcp = WidthModel::PerCodePoint;
    let runs: Vec<(String, Mode, WidthModel, Box<dyn Screen>)> = vec![
        (
            "khabar (gaps bridged), vt100".into(),
            Mode::Khabar(pcp),
            pcp,
            Box::new(Vt::new()),
        ),
        (
            "khabar, cell diff, vt100".into(),
            Mode::KhabarCellDiff(pcp),
            pcp,
            Box::new(Vt::new()),
        ),
        (
            "khabar, whole pane repaint, vt100".into(),
            Mode::KhabarPaneRepaint(pcp),
            pcp,
            Box::new(Vt::new()),
        ),
        (
            "stock Paragraph, vt100".into(),
            Mode::Stock,
            pcp,
            Box::new(Vt::new()),
        ),
        (
            "stock + pane repaint, vt100".into(),
            Mode::StockRepaint,
            pcp,
            Box::new(Vt::new()),
        ),
        (
            "khabar, one-cell model".into(),
            Mode::Khabar(WidthModel::OneCellPerCluster),
            WidthModel::OneCellPerCluster,
            Box::new(ClusterTerm::new(WidthModel::OneCellPerCluster)),
        ),
        (
            "khabar, mode-2027 model".into(),
            Mode::Khabar(WidthModel::Grapheme2027),
            WidthModel::Grapheme2027,
            Box::new(ClusterTerm::new(WidthModel::Grapheme2027)),
        ),
        (
            "khabar, cluster-capped model".into(),
            Mode::Khabar(WidthModel::ClusterCappedAt2),
            WidthModel::ClusterCappedAt2,
            Box::new(ClusterTerm::new(WidthModel::ClusterCappedAt2)),
        ),
    ];
    println!(
        "{} seeds + 2 wide/narrow articles, {} frames per run\n",
        seeds,
        steps.len()
    );
    println!(
        "{:<36} {:>6} {:>6} {:>11} {:>10} {:>12} {:>12} {:>10} {:>10}",
        "renderer, terminal",
        "frames",
        "rows",
        "wrong cells",
        "wrong rows",
        "scroll B/fr",
        "switch B/fr",
        "total B",
        "redraw B"
    );
    for (name, mode, model, mut screen) in runs {
        let frames = replay(&docs, &steps, mode, model, screen.as_mut());
        let rows: usize = frames.iter().map(|f| f.rows).sum();
        let cells: usize = frames.iter().map(|f| f.wrong_cells).sum();
        let wrong_rows: usize = frames.iter().map(|f| f.wrong_rows).sum();
        let is_scroll = |s: &Step| matches!(s, Step::Scroll(1 | -1));
        let is_switch = |s: &Step| matches!(s, Step::Switch(_));
        let scroll = mean(&frames, is_scroll, |f| f.bytes);
        let switch = mean(&frames, is_switch, |f| f.bytes);
        let redraw = mean(&frames, |_| true, |f| f.full_bytes);
        let total: usize = frames.iter().map(|f| f.bytes).sum();
        println!(
            "{name:<36} {:>6} {rows:>6} {cells:>11} {wrong_rows:>10} {scroll:>12.0} {switch:>12.0} {total:>10} {redraw:>10.0}",
            frames.len()
        );
    }
    reader_report();
    println!(
        "\nscroll B/fr, switch B/fr: mean bytes written for a one-row scroll step and for an \
         article switch;\nredraw B: mean bytes to paint a frame from scratch (Ctrl-L)."
    );
    Ok(())
}

/// The same figures for the real reader (`khabar::tui`) over its own session of keys.
fn reader_report() {
    let frames_for = |model: WidthModel| -> Vec<ReaderFrame> {
        if model == WidthModel::PerCodePoint {
            reader::play(model, &mut Vt::new())
        } else {
            reader::play(model, &mut ClusterTerm::new(model))
        }
    };
    println!(
        "\nthe reader (khabar::tui), {} inputs:",
        reader::SESSION.len()
    );
    for model in WidthModel::ALL {
        let frames = frames_for(model);
        let rows: usize = frames.iter().map(|f| f.rows).sum();
        let cells: usize = frames.iter().map(|f| f.wrong_cells).sum();
        let wrong_rows: usize = frames.iter().map(|f| f.wrong_rows).sum();
        let step = |pane: Pane| {
            let sel: Vec<usize> = frames
                .iter()
                .filter(|f| f.focus == pane && matches!(f.input, Some(Input::Keys("j" | "k"))))
                .map(|f| f.bytes)
                .collect();
            sel.iter().sum::<usize>() as f64 / sel.len().max(1) as f64
        };
        let total: usize = frames.iter().map(|f| f.bytes).sum();
        let name = format!("reader, {model}");
        println!(
            "{name:<36} {:>6} {rows:>6} {cells:>11} {wrong_rows:>10} {:>12.0} {:>12.0} {total:>10}",
            frames.len(),
            step(Pane::Reader),
            step(Pane::List),
        );
    }
}
