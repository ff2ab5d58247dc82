//! The replay oracle on the real reader: a session over all seeds (article switches,
//! scrolling, focus, mentions, raw view, help, resizes, Ctrl-L) drawn by `khabar::tui`,
//! sent through ratatui's diff and the crossterm backend into a per-code-point emulator
//! (`vt100`) and into cluster-terminal models. Every frame must show exactly what the
//! reader drew.

#[path = "support/emulators.rs"]
#[allow(dead_code)]
mod emulators;
#[path = "../examples/support/panes.rs"]
#[allow(dead_code)]
mod panes;
#[path = "support/reader.rs"]
#[allow(dead_code)]
mod reader;
#[path = "support/replay.rs"]
#[allow(dead_code)]
mod replay;

use emulators::{ClusterTerm, Screen, Vt};
use khabar::text::width::WidthModel;

#[test]
fn reader_frames_are_exact_under_every_model() {
    for model in WidthModel::ALL {
        let mut screen: Box<dyn Screen> = if model == WidthModel::PerCodePoint {
            Box::new(Vt::new())
        } else {
            Box::new(ClusterTerm::new(model))
        };
        let frames = reader::play(model, screen.as_mut());
        assert_eq!(frames.len(), reader::SESSION.len() + 1);
        for (i, f) in frames.iter().enumerate() {
            assert_eq!(
                f.wrong_cells, 0,
                "{model}: frame {i} after {:?}: {} wrong cells in {} rows",
                f.input, f.wrong_cells, f.wrong_rows
            );
        }
    }
}
