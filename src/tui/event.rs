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
    /// A file was read for the first time: its articles (perhaps none).
    File(Box<crate::library::Arrived>),
    /// A file listed already was read again (it changed): its articles now.
    Changed(Box<crate::library::Arrived>),
    /// A file listed already is gone.
    Gone(std::path::PathBuf),
    /// The first page of what the database has for the paths (newest or oldest first),
    /// sent before [`Msg::Warm`] reads it all; under kept filters, the articles they keep,
    /// with their entities and mentioned dates.
    FirstPage(Box<crate::library::Snapshot>),
    /// Everything the database had for the paths, and how many files that is.
    Warm(Box<crate::library::Snapshot>, usize),
    /// The entities and mentioned dates of the last [`Msg::Warm`], numbered as its articles
    /// (none after a filtered first page: that `Warm` came with them).
    WarmFacts(Box<crate::library::SnapshotFacts>),
    /// Everything anew: the list is replaced by this (the selection kept where it can be).
    Replace(Box<crate::library::Snapshot>),
    /// Of the files being loaded, this many are done, of so many.
    Progress(usize, usize),
    /// The folded (searchable) text of the `n`th article of the last [`Msg::Warm`] or
    /// [`Msg::Replace`], read in the background; its title is the reader's to add.
    Text(usize, Box<crate::index::Body>),
    /// Every [`Msg::Text`] has been sent.
    TextsDone,
    /// A problem with a named file.
    Problem(String),
    /// The loader is done.
    Finished,
    /// SIGTERM, SIGHUP or SIGINT (the number): leave cleanly.
    Terminate(i32),
    /// News from a fetch of the feeds.
    Feed(super::fetching::FeedMsg),
    /// The article the opening worker was asked for.
    Opened(Box<super::opening::Opened>),
    /// The analysis of a long article the opening worker showed before it.
    Analysed(Box<super::opening::Analysed>),
    /// Rows of a long article the opening worker laid out.
    Indexed(Box<super::opening::Indexed>),
    /// The search worker's answer (see [`super::searcher`]).
    Searched(Box<super::searcher::Found>),
    /// An export of the list is written, failed, or waits for leave to replace a file.
    Exported(super::tidy::Outcome),
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
///
/// A loop that does not leave the terminal within three seconds of the signal, or a second
/// signal, means the loop is stuck: the terminal is then restored from here and the
/// process ends with status 128 + the signal, as a shell expects. A signal that comes
/// once the loop has left the terminal ends the process at once.
pub fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use std::sync::atomic::Ordering;
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        // The thread lives as long as the process: dropping `signals` would leave these
        // signals ignored.
        let left = || super::terminal::LEFT.load(Ordering::SeqCst);
        let mut pending: Vec<i32> = Vec::new();
        loop {
            let signal = match pending.pop() {
                Some(s) => s,
                None => match signals.forever().next() {
                    Some(s) => s,
                    None => return,
                },
            };
            if left() {
                std::process::exit(128 + signal);
            }
            let deadline = std::time::Instant::now() + GRACE;
            // Not `send`: a stuck loop leaves the channel full, and this thread must not
            // wait on it.
            let mut message = Some(Msg::Terminate(signal));
            while std::time::Instant::now() < deadline && !left() {
                if let Some(m) = message.take()
                    && let Err(std::sync::mpsc::TrySendError::Full(m)) = tx.try_send(m)
                {
                    message = Some(m);
                }
                pending.extend(signals.pending());
                if !pending.is_empty() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            if !left() {
                restore_and_exit(signal);
            }
        }
    });
    Ok(())
}

/// Restores the terminal and ends the process. Restoring writes to standard output, which a
/// stuck loop may hold: the process ends after a second whatever happens.
fn restore_and_exit(signal: i32) -> ! {
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        super::terminal::leave();
        let _ = done_tx.send(());
    });
    let _ = done_rx.recv_timeout(std::time::Duration::from_secs(1));
    std::process::exit(128 + signal);
}

/// How long the loop has to leave after a termination signal.
const GRACE: std::time::Duration = std::time::Duration::from_secs(3);
