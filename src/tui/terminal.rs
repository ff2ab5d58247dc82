//! Entering and leaving the full-screen terminal mode, so the terminal is restored on
//! quit, on error, on panic and around a Ctrl-Z suspend.

use std::io::{Write, stdout};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::backend::ReaderBackend;

pub type Term = Terminal<ReaderBackend>;

/// Raw mode, alternate screen, mouse reporting, hidden cursor.
pub fn enter() -> std::io::Result<Term> {
    take_screen()?;
    Terminal::new(ReaderBackend::new(stdout()))
}

/// Takes the terminal for the reader (again, after a suspend or a browser).
pub fn take_screen() -> std::io::Result<()> {
    LEFT.store(false, std::sync::atomic::Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        crossterm::cursor::Hide
    )
}

/// Whether the terminal is left (by [`leave`], and not taken again since): after a
/// termination signal, a watchdog restores the terminal itself only if the loop has not
/// (see [`super::event::spawn_signals`]).
pub static LEFT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Undoes [`enter`]; safe to call more than once and from a panic hook.
pub fn leave() {
    LEFT.store(true, std::sync::atomic::Ordering::SeqCst);
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout().flush();
}

/// Restores the terminal before the default panic message is printed, so the message is
/// readable and the shell is usable afterwards.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// Leaves the screen, stops the process as the shell's Ctrl-Z would, and comes back.
pub fn suspend(terminal: &mut Term) -> std::io::Result<()> {
    leave();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_screen()?;
    terminal.clear()
}

/// Lends the reader's own (alternate) screen to a command the user typed, cleared, with
/// the cursor shown and the keys cooked: its output is then seen alone (trial 54: the
/// last command's stayed above it on the shell's screen), and the shell's screen is left
/// as it was. [`take_screen`] takes it back.
pub fn lend_for_output() -> std::io::Result<()> {
    execute!(
        stdout(),
        DisableMouseCapture,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::cursor::MoveTo(0, 0),
        crossterm::cursor::Show
    )?;
    disable_raw_mode()
}
