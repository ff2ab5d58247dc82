//! The interactive reader: a thin layer over the library that can be rewritten without
//! touching the analysis. One `Action` enum, one keymap, `App::update` as the only place
//! state changes, and `view::render(&App)` as a pure function of it.
//!
//! Everything here may use ratatui and crossterm; nothing in the library modules does.
//! [`paint`] writes text into a ratatui buffer cell by cell the way the terminal will
//! store it, so ratatui's diff never leaves stale cells; [`probe`] asks the terminal at
//! start-up which [`WidthModel`] it follows.

pub mod action;
pub mod app;
pub mod backend;
pub mod config;
pub mod document;
pub mod event;
pub mod filters;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod modal;
pub mod paint;
pub mod probe;
pub mod sidebar;
pub mod terminal;
pub mod view;

pub use paint::{PaneMemory, WrappedText, bridge_short_gaps, paint_row};
pub use probe::{ProbeOutcome, probe_width_model};

use std::path::PathBuf;
use std::sync::mpsc;

use crossterm::event::{Event, KeyEventKind};
use ratatui::layout::Rect;

use app::{App, Request};
use config::Config;
use event::Msg;

use crate::text::width::WidthModel;

/// Test and benchmark hooks, chosen with the `KHABAR_DEBUG` environment variable:
/// `exit-after-first-articles` leaves after the first frame that shows an article (start-up
/// benchmarks), `panic-on-key` panics in the loop on the first key (the terminal-restore test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DebugHook {
    None,
    ExitAfterFirstArticles,
    PanicOnKey,
}

impl DebugHook {
    fn from_env() -> Self {
        match std::env::var("KHABAR_DEBUG").as_deref() {
            Ok("exit-after-first-articles") => Self::ExitAfterFirstArticles,
            Ok("panic-on-key") => Self::PanicOnKey,
            _ => Self::None,
        }
    }
}

/// What the first frame with articles showed: (articles, files to load, loading finished).
pub static FIRST_FRAME: std::sync::OnceLock<(usize, usize, bool)> = std::sync::OnceLock::new();

/// Handles one message; returns whether the loop should end.
pub fn handle(app: &mut App, msg: Msg) {
    match msg {
        Msg::Input(Event::Key(key)) if key.kind != KeyEventKind::Release => {
            if app.modal.is_some() {
                app.modal_key(key);
            } else if let Some(action) = app.config.keymap.action(key) {
                app.update(action);
            }
        }
        Msg::Input(Event::Mouse(m)) => app.mouse(m.kind, m.column, m.row),
        Msg::Input(Event::Resize(w, h)) => app.resize(w, h),
        Msg::Input(_) => {}
        Msg::Found(n) => app.progress.total += n,
        Msg::Loaded(entry, done) => {
            app.progress.done += done;
            app.push_quietly(*entry);
        }
        Msg::FileDone => app.progress.done += 1,
        Msg::Problem(p) => app.problems.push(p),
        Msg::Finished => {
            app.progress.finished = true;
            app.settle();
        }
        Msg::Terminate => app.request = Request::Quit,
    }
}

/// Runs the reader on `paths` (the bundled seeds when empty) until the user quits.
/// Without a `model`, the terminal is probed for one before any input is read.
pub fn run(
    paths: Vec<PathBuf>,
    config: Config,
    model: Option<WidthModel>,
    config_problem: Option<String>,
) -> std::io::Result<()> {
    terminal::install_panic_hook();
    let mut term = terminal::enter()?;
    let model = match model {
        Some(m) => m,
        None => probe::probe_width_model(&mut std::io::stdout())
            .map_or_else(|_| WidthModel::default(), |o| o.model),
    };
    let result = run_loop(&mut term, paths, config, model, config_problem);
    terminal::leave();
    result
}

fn run_loop(
    term: &mut terminal::Term,
    paths: Vec<PathBuf>,
    config: Config,
    model: WidthModel,
    config_problem: Option<String>,
) -> std::io::Result<()> {
    let size = term.size()?;
    let mut app = App::new(config, model, Rect::new(0, 0, size.width, size.height));
    app.problems.extend(config_problem);
    if let Some(path) = crate::state::default_path() {
        let (read, problem) = crate::state::ReadState::load(&path);
        app.read = read;
        app.problems.extend(problem);
    }
    let (tx, rx) = mpsc::channel();
    event::spawn_input(tx.clone());
    event::spawn_signals(tx.clone())?;
    loader::spawn(paths, tx);
    let hook = DebugHook::from_env();
    loop {
        term.draw(|f| view::render(&app, f))?;
        if hook == DebugHook::ExitAfterFirstArticles && !app.entries.is_empty() {
            FIRST_FRAME
                .set((app.entries.len(), app.progress.total, app.progress.finished))
                .ok();
            break;
        }
        let Ok(msg) = rx.recv() else { break };
        assert!(
            !(hook == DebugHook::PanicOnKey && matches!(msg, Msg::Input(Event::Key(_)))),
            "KHABAR_DEBUG=panic-on-key: a deliberate panic inside the event loop"
        );
        handle(&mut app, msg);
        // Take what else is waiting (a burst of loaded articles) before the next frame,
        // but not so much that keys wait behind a long queue.
        for msg in rx.try_iter().take(256) {
            handle(&mut app, msg);
        }
        app.settle();
        match std::mem::take(&mut app.request) {
            Request::Quit => break,
            Request::Redraw => term.clear()?,
            Request::Suspend => terminal::suspend(term)?,
            Request::None => {}
        }
    }
    Ok(())
}
