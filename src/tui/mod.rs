//! The terminal side of khabar: the thin layer that puts laid-out text on screen.
//!
//! Everything here may use ratatui and crossterm; nothing in the library modules does.
//! [`paint`] writes text into a ratatui buffer cell by cell the way the terminal will
//! store it, so ratatui's diff never leaves stale cells; [`probe`] asks the terminal at
//! start-up which [`WidthModel`](crate::text::width::WidthModel) it follows.

pub mod paint;
pub mod probe;

pub use paint::{RowMemory, WrappedText, paint_row, repaint_changed_rows};
pub use probe::{ProbeOutcome, probe_width_model};
