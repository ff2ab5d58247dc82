//! khabar: read Hindi news in a terminal.
//!
//! The library holds everything that is not the terminal: reading articles ([`corpus`]),
//! Devanagari-aware text handling ([`text`]) and extraction of people, places,
//! organisations and dates ([`extract`]). It never imports a UI crate and returns plain
//! data with byte spans into the original text, so the reader and the command line share
//! one analysis.

pub mod corpus;
pub mod dirs;
pub mod extract;
pub mod feeds;
pub mod index;
pub mod library;
pub mod report;
pub mod span;
pub mod state;
pub mod store;
pub mod text;
pub mod toml_lines;
pub mod tui;

pub use span::Span;
