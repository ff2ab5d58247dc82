//! Prints the replay figures for the layout issue: for khabar's painter and for stock
//! ratatui on the same session of frames, how many cells and rows a terminal shows wrong,
//! and how many bytes a scroll step and an article switch write.
//!
//! `cargo run --release --example layout_report`

#[path = "support/panes.rs"]
#[allow(dead_code)]
mod panes;
#[path = "../tests/support/replay.rs"]
#[allow(dead_code)]
mod replay;

use khabar::text::width::WidthModel;
use panes::{Mode, load_docs};
use replay::{ClusterTerm, Frame, Screen, Step, Vt, replay, session, wide_then_narrow};

fn mean_bytes(frames: &[Frame], pick: impl Fn(&Step) -> bool) -> (f64, usize) {
    let sel: Vec<usize> = frames
        .iter()
        .filter(|f| pick(&f.step))
        .map(|f| f.bytes)
        .collect();
    let n = sel.len();
    (sel.iter().sum::<usize>() as f64 / n.max(1) as f64, n)
}

fn main() -> std::io::Result<()> {
    let mut docs = load_docs(&["seeds".to_owned()])?;
    let seeds = docs.len();
    docs.extend(wide_then_narrow());
    let steps = session(seeds);
    let pcp = WidthModel::PerCodePoint;
    let runs: Vec<(String, Mode, WidthModel, Box<dyn Screen>)> = vec![
        (
            "khabar, vt100".into(),
            Mode::Khabar(pcp),
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
        "{:<30} {:>6} {:>6} {:>11} {:>10} {:>12} {:>13} {:>11}",
        "renderer, terminal",
        "frames",
        "rows",
        "wrong cells",
        "wrong rows",
        "scroll B/fr",
        "switch B/fr",
        "total B"
    );
    for (name, mode, model, mut screen) in runs {
        let frames = replay(&docs, &steps, mode, model, screen.as_mut());
        let rows: usize = frames.iter().map(|f| f.rows).sum();
        let cells: usize = frames.iter().map(|f| f.wrong_cells).sum();
        let wrong_rows: usize = frames.iter().map(|f| f.wrong_rows).sum();
        let (scroll, _) = mean_bytes(&frames, |s| matches!(s, Step::Scroll(1 | -1)));
        let (switch, _) = mean_bytes(&frames, |s| matches!(s, Step::Switch(_)));
        let total: usize = frames.iter().map(|f| f.bytes).sum();
        println!(
            "{name:<30} {:>6} {rows:>6} {cells:>11} {wrong_rows:>10} {scroll:>12.0} {switch:>13.0} {total:>11}",
            frames.len()
        );
    }
    println!(
        "\nscroll B/fr: mean bytes written for a one-row scroll step; switch B/fr: for an article switch."
    );
    Ok(())
}
