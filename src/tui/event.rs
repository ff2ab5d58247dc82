//! Everything the event loop waits for, on one channel: terminal input, the loader's
//! results and termination signals.

use std::sync::mpsc::SyncSender as Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

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
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (the number): leave cleanly.
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
    /// `R`'s look at the files opened is done (see [`super::rescan`]).
    Rescanned(super::rescan::Rescanned),
    /// Read marks and stars of articles `R` stored, as the database has them (it carried
    /// an edited article's to its new content).
    Marks { read: Vec<u64>, starred: Vec<u64> },
    /// An export of the list is written, failed, or waits for leave to replace a file.
    Exported(super::tidy::Outcome),
}

/// How long the input thread waits for a key before it looks at its gate again: the
/// longest a [`InputGate::close`] waits for it.
const POLL: Duration = Duration::from_millis(100);

/// Takes the keyboard from the input thread while another program has the terminal (a
/// pager, a command, a terminal browser): with both reading it, each key went to one or
/// the other at random, so `j` in `less` moved the reader's list instead.
#[derive(Clone, Default)]
pub struct InputGate(Arc<(Mutex<Gate>, Condvar)>);

#[derive(Default)]
struct Gate {
    closed: bool,
    /// Whether the input thread waits at the gate (reads nothing).
    parked: bool,
}

impl InputGate {
    fn lock(&self) -> MutexGuard<'_, Gate> {
        self.0.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The input thread's check between reads: waits here while the gate is closed.
    pub fn pass(&self) {
        let mut gate = self.lock();
        while gate.closed {
            gate.parked = true;
            self.0.1.notify_all();
            gate = self.0.1.wait(gate).unwrap_or_else(PoisonError::into_inner);
        }
        gate.parked = false;
    }

    /// Stops the input thread reading; returns once it waits at the gate (or, should it
    /// have ended, after a few polls). Until [`Self::open`], an interrupt (Ctrl-c) is the
    /// other program's: the reader stays.
    pub fn close(&self) {
        HANDED_OVER.store(true, std::sync::atomic::Ordering::SeqCst);
        let mut gate = self.lock();
        gate.closed = true;
        let _ = self
            .0
            .1
            .wait_timeout_while(gate, POLL * 5, |g| !g.parked)
            .unwrap_or_else(PoisonError::into_inner);
    }

    /// Lets the input thread read again.
    pub fn open(&self) {
        self.lock().closed = false;
        self.0.1.notify_all();
        HANDED_OVER.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Whether another program has the terminal (see [`InputGate::close`]): Ctrl-c in `less`
/// interrupts `less`, which shares the terminal's foreground, not the reader (it ended
/// the reader and left `less` running on the terminal).
static HANDED_OVER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Forwards terminal events into the channel until the receiver goes away, reading only
/// while `gate` is open.
pub fn spawn_input(tx: Sender<Msg>, gate: InputGate) {
    std::thread::spawn(move || {
        loop {
            gate.pass();
            // A poll with a timeout, not a blocking read: a read under way would take the
            // next key from the program the terminal is handed to.
            match crossterm::event::poll(POLL) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(_) => break,
            }
            let Ok(event) = crossterm::event::read() else {
                break;
            };
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
/// once the loop has left the terminal ends the process at once, but for an interrupt
/// while a program the reader started has the terminal: that is the program's.
pub fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use std::sync::atomic::Ordering;
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
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
            // Ctrl-C and Ctrl-\ in a program the reader started (a pager, a browser) are
            // that program's.
            if matches!(signal, SIGINT | SIGQUIT) && HANDED_OVER.load(Ordering::SeqCst) {
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A closed gate holds the reading thread before its next read, and `close` returns
    /// only once it is held; opened, it reads on.
    #[test]
    fn a_closed_gate_holds_the_reader_until_it_opens() {
        let gate = InputGate::default();
        let reads = Arc::new(AtomicUsize::new(0));
        let (g, r) = (gate.clone(), reads.clone());
        std::thread::spawn(move || {
            loop {
                g.pass();
                r.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        while reads.load(Ordering::SeqCst) < 3 {
            std::thread::yield_now();
        }
        gate.close();
        let held = reads.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(reads.load(Ordering::SeqCst), held, "read while closed");
        gate.open();
        let start = std::time::Instant::now();
        while reads.load(Ordering::SeqCst) == held && start.elapsed() < Duration::from_secs(5) {
            std::thread::yield_now();
        }
        assert!(reads.load(Ordering::SeqCst) > held, "reads again once open");
    }
}
