//! Asking the terminal which width model it follows, once, at start-up.
//!
//! Terminals do not announce how they store Devanagari, but they do report where the
//! cursor ended up (CSI 6n). Printing a few clusters whose widths differ between the
//! models and reading the cursor after each tells them apart. A terminal that never
//! answers costs one time-out (crossterm waits at most 2 s for the first answer; later
//! probes are skipped) and gets the per-code-point default. DECRQM for mode 2027 is not
//! sent: crossterm 0.29's input parser takes a `CSI ? … $ y` reply for an unfinished
//! sequence and would swallow the cursor report behind it, and the cursor answers already
//! tell a mode-2027 terminal from the others.

use std::io::{self, Write};

use crossterm::cursor::{MoveTo, position};
use crossterm::queue;
use crossterm::style::Print;
use crossterm::terminal::{Clear, ClearType};

use crate::text::width::WidthModel;

/// Clusters printed by the probe. The first three separate the models: per-code-point
/// advances (2, 3, 3), cluster-capped (2, 3, 2), mode 2027 (2, 2, 2), one cell per cluster
/// (1, 1, 1). The ZWJ half form is informative only (tmux joins after a ZWJ).
pub const PROBES: [&str; 4] = ["का", "क्षा", "काः", "क्\u{200d}ष"];

/// What the probe saw and what it chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeOutcome {
    pub model: WidthModel,
    /// Columns the cursor advanced for each probe, as far as the terminal answered.
    pub advances: Vec<u16>,
    /// Whether the answers matched a model (otherwise `model` is the fallback).
    pub matched: bool,
}

/// The model whose widths for the first three [`PROBES`] equal `advances`.
pub fn model_from_advances(advances: &[u16]) -> Option<WidthModel> {
    if advances.len() < 3 {
        return None;
    }
    WidthModel::ALL.into_iter().find(|m| {
        PROBES[..3]
            .iter()
            .zip(advances)
            .all(|(p, &a)| m.str_width(p) == usize::from(a))
    })
}

/// Prints the probes at the top-left of the (alternate, raw-mode) screen `out` shows and
/// reads the cursor after each; clears the screen afterwards. Falls back to
/// [`WidthModel::PerCodePoint`] when the terminal does not answer or answers oddly.
pub fn probe_width_model<W: Write>(out: &mut W) -> io::Result<ProbeOutcome> {
    let mut advances = Vec::with_capacity(PROBES.len());
    for probe in PROBES {
        queue!(
            out,
            MoveTo(0, 0),
            Clear(ClearType::CurrentLine),
            Print(probe)
        )?;
        out.flush()?;
        match position() {
            Ok((col, _)) => advances.push(col),
            Err(_) => break,
        }
    }
    queue!(out, MoveTo(0, 0), Clear(ClearType::All))?;
    out.flush()?;
    let found = model_from_advances(&advances);
    Ok(ProbeOutcome {
        model: found.unwrap_or_default(),
        advances,
        matched: found.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_map_to_models() {
        assert_eq!(
            model_from_advances(&[2, 3, 3, 2]),
            Some(WidthModel::PerCodePoint)
        );
        assert_eq!(
            model_from_advances(&[2, 3, 3, 1]),
            Some(WidthModel::PerCodePoint)
        );
        assert_eq!(
            model_from_advances(&[2, 3, 2]),
            Some(WidthModel::ClusterCappedAt2)
        );
        assert_eq!(
            model_from_advances(&[2, 2, 2]),
            Some(WidthModel::Grapheme2027)
        );
        assert_eq!(
            model_from_advances(&[1, 1, 1]),
            Some(WidthModel::OneCellPerCluster)
        );
        assert_eq!(model_from_advances(&[2, 3]), None);
        assert_eq!(model_from_advances(&[5, 5, 5]), None);
    }
}
