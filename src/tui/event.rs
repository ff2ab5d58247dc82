//! Everything the event loop waits for, on one channel: terminal input, the loader's
//! results and termination signals.

use std::sync::mpsc::SyncSender as Sender;

use crossterm::event::Event;

use super::app::Entry;

/// A message to the event loop.
#[derive(Debug)]
pub enum Msg {
    /// A key, mouse or resize event from the terminal.
    Input(Event),
    /// The loader found this many more files to read.
    Found(usize),
    /// An article is ready; the number says how many files it completes (0 or 1).
    Loaded(Box<Entry>, usize),
    /// A file was read: its articles (perhaps none).
    File(Box<crate::cache::FileResult>),
    /// Everything the cache had for unchanged files, and how many files that is.
    Warm(Box<crate::cache::Snapshot>, usize),
    /// After [`Msg::Warm`], what checking every file found: its articles that are stale
    /// (their file changed or is gone), those files, and how many files there are now.
    Revalidated(Vec<u32>, Vec<u32>, usize),
    /// The folded (searchable) text of the `n`th article of [`Msg::Warm`], read in the
    /// background.
    Text(usize, Box<str>),
    /// A problem with a named file.
    Problem(String),
    /// The loader is done; with the cache to write when the load changed it.
    Finished(Option<Box<crate::cache::Cache>>),
    /// SIGTERM, SIGHUP or SIGINT (the number): leave cleanly.
    Terminate(i32),
}

/// Forwards terminal events into the channel until the receiver goes away.
pub fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if tx.send(Msg::Input(event)).is_err() {
                break;
            }
        }
    });
}

/// Turns termination signals into a [`Msg::Terminate`] so the terminal is restored.
pub fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(Msg::Terminate(signal));
        }
    });
    Ok(())
}
