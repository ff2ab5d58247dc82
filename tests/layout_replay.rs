//! The replay oracle: a session of real screens (all seeds; scrolling, switching, resizing,
//! redrawing, 2-column clusters followed by narrow text) drawn through ratatui's diff and
//! the crossterm backend into terminal emulators. After every frame the emulator's screen
//! must equal the intended screen, cell for cell, and the article pane must read as the
//! wrapped rows.

#[path = "support/emulators.rs"]
#[allow(dead_code)]
mod emulators;
#[path = "../examples/support/panes.rs"]
#[allow(dead_code)]
mod panes;
#[path = "support/replay.rs"]
#[allow(dead_code)]
mod replay;

use emulators::{ClusterTerm, Screen, Vt};
use khabar::text::width::WidthModel;
use panes::{Doc, Mode, load_docs};
use replay::{Frame, replay, session, wide_then_narrow};

fn docs() -> (Vec<Doc>, usize) {
    let mut docs = load_docs(&["seeds".to_owned()]).unwrap();
    let seeds = docs.len();
    assert_eq!(seeds, 5, "the five seed articles");
    docs.extend(wide_then_narrow());
    (docs, seeds)
}

fn check(frames: &[Frame], what: &str) {
    assert!(frames.len() > 60, "{what}: only {} frames", frames.len());
    for (i, f) in frames.iter().enumerate() {
        assert_eq!(
            (f.wrong_cells, f.text_errors),
            (0, 0),
            "{what}: frame {i} ({:?}) has {} wrong cells in {} rows, {} article rows misread",
            f.step,
            f.wrong_cells,
            f.wrong_rows,
            f.text_errors
        );
    }
}

#[test]
fn per_code_point_terminal_shows_every_frame_exactly() {
    let (docs, seeds) = docs();
    let model = WidthModel::PerCodePoint;
    let frames = replay(
        &docs,
        &session(seeds),
        Mode::Khabar(model),
        model,
        &mut Vt::new(),
    );
    check(&frames, "vt100");
}

#[test]
fn cluster_terminals_show_every_frame_exactly() {
    let (docs, seeds) = docs();
    for model in [
        WidthModel::OneCellPerCluster,
        WidthModel::Grapheme2027,
        WidthModel::ClusterCappedAt2,
    ] {
        let mut term = ClusterTerm::new(model);
        let frames = replay(
            &docs,
            &session(seeds),
            Mode::Khabar(model),
            model,
            &mut term,
        );
        check(&frames, model.name());
    }
}

/// The oracle can fail: stock `Paragraph` leaves stale vowel signs on a per-code-point
/// terminal, and the same replay counts them.
#[test]
fn oracle_sees_stock_paragraph_stale_cells() {
    let (docs, seeds) = docs();
    let model = WidthModel::PerCodePoint;
    let frames = replay(&docs, &session(seeds), Mode::Stock, model, &mut Vt::new());
    let wrong: usize = frames.iter().map(|f| f.wrong_cells).sum();
    assert!(wrong > 0, "stock ratatui showed no wrong cell");
}

/// The cluster terminal model itself: a 2-column cluster overwritten by narrow text.
#[test]
fn cluster_term_joins_and_blanks_like_a_cluster_terminal() {
    let mut t = ClusterTerm::new(WidthModel::Grapheme2027);
    t.feed("\u{1b}[1;1Hकाb".as_bytes());
    assert_eq!(t.cell(0, 0), ("का".to_owned(), false));
    assert_eq!(t.cell(1, 0), (String::new(), true));
    assert_eq!(t.cell(2, 0), ("b".to_owned(), false));
    t.feed("\u{1b}[1;1Ha".as_bytes());
    assert_eq!(t.cell(1, 0), (String::new(), false));
}

mod random {
    use super::*;
    use proptest::prelude::*;
    use replay::Step;

    fn piece() -> impl Strategy<Value = String> {
        let syllable = (
            prop::sample::select(vec!['क', 'ष', 'र', 'त', 'न', 'स', 'ज', 'ह']),
            prop::option::of(prop::sample::select(vec!['ष', 'र', 'त', 'य'])),
            prop::sample::select(vec!["", "ा", "ि", "ी", "ु", "े", "ो", "ौ", "ं", "ः", "्"]),
        )
            .prop_map(|(a, b, s)| match b {
                Some(b) => format!("{a}\u{94d}{b}{s}"),
                None => format!("{a}{s}"),
            });
        prop_oneof![
            6 => prop::collection::vec(syllable, 1..5).prop_map(|v| v.concat()),
            2 => "[a-z]{1,9}",
            1 => "[0-9]{1,4}",
            2 => prop::sample::select(vec!["।", ",", "-", "“", "”", "(", ")", "…"]).prop_map(str::to_owned),
            5 => Just(" ".to_owned()),
            1 => prop::sample::select(vec!["\n", "\n\n"]).prop_map(str::to_owned),
            1 => prop::sample::select(vec!["ा", "्", "\u{200d}", "\u{1b}[2J", "中", "\t", "❤\u{fe0f}"]).prop_map(str::to_owned),
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 1..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Random text on random screen sizes, scrolled, switched and resized: every
        /// terminal model still shows exactly the intended screen.
        #[test]
        fn random_text_shows_exactly(
            a in text(),
            b in text(),
            (w1, h1, w2, h2) in (24u16..140, 6u16..30, 24u16..140, 6u16..30),
            scroll in 1isize..6,
            model in prop::sample::select(WidthModel::ALL.to_vec()),
        ) {
            let docs = vec![Doc::new("a", a), Doc::new("b", b)];
            let steps = [
                Step::Resize(w1, h1), Step::Switch(0), Step::Scroll(1), Step::Scroll(scroll),
                Step::Switch(1), Step::Scroll(1), Step::Switch(0), Step::Resize(w2, h2),
                Step::Scroll(scroll), Step::Switch(1), Step::Scroll(-1),
            ];
            let mut screen: Box<dyn Screen> = if model == WidthModel::PerCodePoint {
                Box::new(Vt::new())
            } else {
                Box::new(ClusterTerm::new(model))
            };
            let frames = replay(&docs, &steps, Mode::Khabar(model), model, screen.as_mut());
            for (i, f) in frames.iter().enumerate() {
                prop_assert_eq!(
                    (f.wrong_cells, f.text_errors), (0, 0),
                    "{} frame {} ({:?})", model, i, f.step
                );
            }
        }
    }
}
