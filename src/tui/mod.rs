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
mod arrivals;
pub mod backend;
pub mod blocks;
pub mod config;
pub mod document;
pub mod event;
pub mod fetching;
pub mod filters;
pub mod held;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod modal;
pub mod opening;
mod order;
pub mod paint;
pub mod positions;
pub mod probe;
pub mod rescan;
mod search;
pub mod searcher;
pub mod session;
pub mod shown;
pub mod sidebar;
mod sources;
pub mod terminal;
pub mod tidy;
pub mod view;

pub use paint::{PaneMemory, WrappedText, bridge_short_gaps, paint_row};
pub use probe::{ProbeOutcome, probe_width_model};

use std::path::PathBuf;
use std::sync::mpsc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use action::Action;
use app::{App, Request};
use config::Config;
use event::Msg;
use modal::Modal;

use crate::text::width::WidthModel;
use searcher::SearchTexts;

/// Test and benchmark hooks, chosen with the `KHABAR_DEBUG` environment variable:
/// `exit-after-first-articles` leaves after the first frame that lists an article (one the
/// filters keep) and
/// `exit-when-loaded` after the first frame with every article loaded and indexed (start-up
/// benchmarks); `panic-on-key` panics in the loop on the first key and `hang-on-key` stops
/// it there for good (the terminal-restore tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DebugHook {
    None,
    ExitAfterFirstArticles,
    ExitWhenLoaded,
    PanicOnKey,
    HangOnKey,
}

impl DebugHook {
    fn from_env() -> Self {
        match std::env::var("KHABAR_DEBUG").as_deref() {
            Ok("exit-after-first-articles") => Self::ExitAfterFirstArticles,
            Ok("exit-when-loaded") => Self::ExitWhenLoaded,
            Ok("panic-on-key") => Self::PanicOnKey,
            Ok("hang-on-key") => Self::HangOnKey,
            _ => Self::None,
        }
    }

    /// What the hook does with a message about to be handled: a key panics or stops the
    /// loop for good (every key, whether it came alone or in a burst with the loader's
    /// messages).
    fn on(self, msg: &Msg) {
        let key = matches!(msg, Msg::Input(Event::Key(_)));
        assert!(
            !(key && self == Self::PanicOnKey),
            "KHABAR_DEBUG=panic-on-key: a deliberate panic inside the event loop"
        );
        if key && self == Self::HangOnKey {
            loop {
                std::thread::park();
            }
        }
    }
}

/// What the frame a debug hook stopped at showed: articles, files to load, whether
/// loading had finished, and how long after [`STARTED`] it was drawn.
pub static FIRST_FRAME: std::sync::OnceLock<(usize, usize, bool, std::time::Duration)> =
    std::sync::OnceLock::new();

/// When the process started (set by the binary; else when the reader did).
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// The signal that ended the reader, if one did (0 otherwise), for the exit status.
pub static EXIT_SIGNAL: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// Messages the event loop may have waiting.
const CHANNEL_BOUND: usize = 1024;

/// The shortest time between two frames drawn for the loader's progress alone (input is
/// drawn at once): a cold load of 100,000 articles sends 200,000 messages, and a frame for
/// each small burst of them kept the loop and the terminal busy.
const FRAME: std::time::Duration = std::time::Duration::from_millis(33);

/// How long a frame waits for an article being opened: most open in a millisecond or two,
/// and showing "loading…" for them would only flicker. Keys are handled meanwhile.
const OPEN_GRACE: std::time::Duration = std::time::Duration::from_millis(30);

/// How often the list is refreshed while articles are still arriving.
const SETTLE_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Handles one message; returns whether the loop should end.
pub fn handle(app: &mut App, msg: Msg) {
    // Files changed or gone in a row are withdrawn together; anything else sees the index
    // whole.
    if !matches!(msg, Msg::Changed(_) | Msg::Gone(_)) {
        app.purge();
    }
    // A first page stays only until the whole list (handled below) or anything that
    // changes the list comes.
    if matches!(
        msg,
        Msg::File(_) | Msg::Changed(_) | Msg::Gone(_) | Msg::Replace(_) | Msg::Finished
    ) {
        app.end_first_page();
    }
    // Messages after which names may have come (not each article of a load: a picker
    // waiting would be searched again for every one).
    let names_came = matches!(
        msg,
        Msg::WarmFacts(_) | Msg::Warm(..) | Msg::Replace(_) | Msg::Progress(..) | Msg::Finished
    );
    match msg {
        Msg::Input(Event::Key(key)) if key.kind != KeyEventKind::Release => {
            // On a terminal too small to draw in, nothing is seen: only the keys that quit,
            // redraw or suspend act (letters went into a prompt no one could see).
            if app.areas().too_small {
                let keymap = &app.config.keymap;
                // The help and the warnings read the browsing keys, prompts their own.
                let action = if app.modal.as_ref().is_some_and(|m| !m.is_overlay()) {
                    keymap.prompt_action(key)
                } else {
                    keymap.action(key)
                };
                if let Some(a @ (Action::Quit | Action::Redraw | Action::Suspend)) = action {
                    app.update(a);
                }
            } else if app.modal.as_ref().is_none_or(|m| {
                // The related list reads the prompt table, where Alt on a bound key is
                // the bare key.
                m.is_overlay()
                    || matches!(m, Modal::Related { .. })
                        && app.config.keymap.prompt_action(key).is_none()
            }) && let Some(bare) = app.config.keymap.esc_then(key)
            {
                for key in [KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), bare] {
                    handle(app, Msg::Input(Event::Key(key)));
                }
            } else if app.modal.is_some() {
                app.modal_key(key);
            } else if let Some(action) = app.config.keymap.action(key) {
                app.update(action);
            }
        }
        Msg::Input(Event::Mouse(m)) => app.mouse(m.kind, m.column, m.row),
        Msg::Input(Event::Resize(w, h)) => app.resize(w, h),
        Msg::Input(_) => {}
        Msg::Found(n) => app.corpus.progress.total += n,
        Msg::Loaded(entry, done) => {
            app.corpus.progress.done += done;
            app.push_quietly(*entry);
        }
        Msg::File(file) => app.push_file(*file),
        Msg::Changed(file) => app.replace_file(*file),
        Msg::Gone(path) => {
            app.withdraw_path(&path.to_string_lossy());
        }
        Msg::Rescanned(found) => app.rescanned(found),
        Msg::Marks { read, starred } => app.list.stale |= app.user.take_in(read, starred),
        Msg::FirstPage(page) => app.first_page(*page),
        Msg::Warm(warm, files) => {
            app.corpus.progress.done += files;
            app.warm_after_first_page(*warm);
        }
        Msg::WarmFacts(facts) => app.warm_facts(*facts),
        Msg::Replace(snapshot) => app.replace_all(*snapshot),
        Msg::Progress(done, total) => {
            app.corpus.progress.done = done;
            app.corpus.progress.total = total;
        }
        Msg::Text(n, body) => app.text_arrived(n, *body),
        Msg::TextsDone => app.texts_done(),
        Msg::Problem(p) => app.note_problem(p),
        Msg::Exported(outcome) => app.exported(outcome),
        Msg::Finished => {
            app.corpus.progress.finished = true;
            // The facts come before the end, or not at all (an error said so).
            app.corpus.awaiting_facts = false;
            app.reselect_fallback();
            app.settle();
        }
        Msg::Feed(msg) => app.feed_event(msg),
        Msg::Opened(opened) => app.opened(*opened),
        Msg::Analysed(done) => app.analysed(*done),
        Msg::Indexed(batch) => app.indexed(*batch),
        Msg::Searched(found) => app.searched(*found),
        Msg::Terminate(signal) => {
            EXIT_SIGNAL.store(signal, std::sync::atomic::Ordering::Relaxed);
            app.request = Request::Quit;
        }
    }
    // Names that came may be what a picker waits for.
    if names_came {
        app.settle_waiting_pick();
    }
    // Whatever set it: a key, or work done in the background (trial 51: a fetch's
    // outcome, cut on the status bar, was not in the warnings view).
    app.keep_last_message();
    // A resize (or an article arriving) may need the long article laid out anew.
    app.sync_index();
}

/// How many of the latest warnings a new one is compared with (see `Msg::Problem`).
pub(crate) const REPEAT_WINDOW: usize = 512;

/// What the reader is started with.
#[derive(Debug)]
pub struct Launch {
    /// Files and folders to open; the bundled seeds when empty.
    pub paths: Vec<PathBuf>,
    pub config: Config,
    /// The terminal's width model; probed when `None`.
    pub model: Option<WidthModel>,
    /// Where the corpus is kept (`--no-cache`: in memory only) and the rules' fingerprint.
    pub keep: loader::Keep,
    /// Problems met before start-up (a broken config file), for the status bar.
    pub notes: Vec<String>,
    /// Start without the last session on these paths (`--fresh`).
    pub fresh: bool,
}

/// Runs the reader until the user quits. Without a width model, the terminal is probed
/// for one before any input is read.
pub fn run(launch: Launch) -> std::io::Result<()> {
    STARTED.get_or_init(std::time::Instant::now);
    terminal::install_panic_hook();
    let mut term = terminal::enter()?;
    let model = match launch.model {
        Some(m) => m,
        None => probe::probe_width_model(&mut std::io::stdout())
            .map_or_else(|_| WidthModel::default(), |o| o.model),
    };
    let result = run_loop(
        &mut term,
        Launch {
            model: Some(model),
            ..launch
        },
    );
    terminal::leave();
    result
}

/// The event loop.
fn run_loop(term: &mut terminal::Term, launch: Launch) -> std::io::Result<()> {
    let Launch {
        paths,
        config,
        model,
        keep,
        notes,
        fresh,
    } = launch;
    let model = model.unwrap_or_default();
    let size = term.size()?;
    let mut app = App::new(config, model, Rect::new(0, 0, size.width, size.height));
    app.problems.extend(notes);
    // Folded text for search is as large as the corpus: past a few MiB it goes to disk, in
    // the cache directory (not /tmp, often memory itself).
    let spill = crate::dirs::cache_dir().unwrap_or_else(std::env::temp_dir);
    let (user, notes) = crate::state::UserState::open_default();
    app.user = user;
    app.problems.extend(notes);
    // Bounded: when drawing falls behind a fast loader, the loader waits instead of piling
    // up articles in memory.
    let (tx, rx) = mpsc::sync_channel(CHANNEL_BOUND);
    // A search of a large corpus takes longer than a frame: it runs on a worker that holds
    // the texts.
    let (texts, problem) = SearchTexts::worker(tx.clone(), &spill);
    app.search.texts = texts;
    if let Some(e) = problem {
        app.problems.push(format!(
            "{}: {e}; search text stays in memory",
            spill.display()
        ));
    }
    // Articles are read back and long ones laid out on a worker from the first one shown.
    app.opener = Some(opening::Opener::spawn(tx.clone()));
    // The stored articles' texts are read back for the first search (a kept one too), not
    // at every start.
    let (texts_go, texts) = mpsc::channel();
    app.search.texts_go = Some(texts_go);
    let session_key = session::key(&paths);
    if fresh {
        app.user.session_set(&session_key, serde_json::Value::Null);
    } else if let Some(kept) = app.user.session_get(&session_key).cloned()
        && let Ok(kept) = serde_json::from_value(kept)
    {
        app.restore(kept);
    }
    let keep = loader::Keep {
        first_page: loader::FirstPage::of(app.list.sort, &app.list.chips),
        ..keep
    };
    let input_gate = event::InputGate::default();
    event::spawn_input(tx.clone(), input_gate.clone());
    event::spawn_signals(tx.clone())?;
    let fetch_tx = tx.clone();
    let export_tx = tx.clone();
    let (place, rules) = (keep.place.clone(), keep.rules);
    // Feed files written after this (by a fetch from the shell) join the list at `R`.
    let mut fetched_since = std::time::SystemTime::now();
    let mut exports: Vec<std::thread::JoinHandle<()>> = Vec::new();
    // What `R`'s last look at the opened files saw of each.
    let looked = rescan::Looked::default();
    fetching::spawn_refresh(tx.clone());
    loader::spawn_with(paths.clone(), keep, tx, loader::Texts::OnDemand(texts));
    let hook = DebugHook::from_env();
    let mut last_settle = std::time::Instant::now();
    // When the last frame was drawn (`None`: draw at once), and whether anything changed
    // since.
    let mut drawn_at: Option<std::time::Instant> = None;
    let mut changed = true;
    // Whether the list was empty, and loading finished, in the last frame.
    let mut shown = (true, false);
    let mut keeper = session::Keeper::new(session_key, &app);
    loop {
        let session_due = keeper.keep(&mut app, false);
        // An article being opened holds the frame back a little (see `OPEN_GRACE`).
        let held = app
            .shown
            .opening
            .map(|(_, _, at)| at.elapsed())
            .filter(|e| *e < OPEN_GRACE);
        if changed && held.is_none() && drawn_at.is_none_or(|t| t.elapsed() >= FRAME) {
            term.draw(|f| view::render(&app, f))?;
            drawn_at = Some(std::time::Instant::now());
            changed = false;
            shown = (app.corpus.entries.is_empty(), app.corpus.progress.finished);
            let loaded = app.corpus.progress.finished && !app.list.stale;
            if (hook == DebugHook::ExitAfterFirstArticles && !app.list.visible.is_empty())
                || (hook == DebugHook::ExitWhenLoaded && loaded)
            {
                let elapsed = STARTED.get().map(std::time::Instant::elapsed);
                FIRST_FRAME
                    .set((
                        // Withdrawn entries (a first page's, once the whole list came)
                        // keep their place in `entries` but are not shown.
                        app.corpus.index.live(),
                        app.corpus.progress.total,
                        app.corpus.progress.finished,
                        elapsed.unwrap_or_default(),
                    ))
                    .ok();
                break;
            }
        }
        // A frame owed waits at most until it is due; otherwise wait for anything.
        let due = match (held, drawn_at.filter(|_| changed)) {
            (Some(waited), _) => Some(OPEN_GRACE.saturating_sub(waited)),
            (None, Some(t)) => Some(FRAME.saturating_sub(t.elapsed())),
            (None, None) => None,
        };
        // A changed session is written when due too.
        let due = match (due, session_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let msg = match due {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(msg) => msg,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(msg) => msg,
                Err(_) => break,
            },
        };
        hook.on(&msg);
        // What the user does is drawn at once; the loader's progress at most once a frame.
        let mut input = matches!(msg, Msg::Input(_));
        handle(&mut app, msg);
        // Take what else is waiting (a burst of loaded articles) before the next frame,
        // but not so much that keys wait behind a long queue, and not past a request (an
        // export, a pager): a second one in the same burst would take its place.
        if app.request == Request::None {
            for msg in rx.try_iter().take(256) {
                // A key in a burst is a key too (a key typed while articles pour in).
                hook.on(&msg);
                input |= matches!(msg, Msg::Input(_));
                handle(&mut app, msg);
                if app.request != Request::None {
                    break;
                }
            }
        }
        app.purge();
        changed = true;
        // Input, the first articles and the end of loading are drawn at once.
        let milestone = (app.corpus.entries.is_empty(), app.corpus.progress.finished) != shown;
        if input || milestone {
            drawn_at = None;
        }
        // While a big corpus loads, re-filtering and re-sorting after every burst would keep
        // the loop busy; a few times a second is enough to watch the list fill.
        if app.corpus.progress.finished
            || app.corpus.entries.len() < 1000
            || last_settle.elapsed() >= SETTLE_EVERY
        {
            app.settle();
            last_settle = std::time::Instant::now();
        }
        let request = std::mem::take(&mut app.request);
        let carried_out = matches!(
            request,
            Request::OpenLink(_) | Request::CopyLink(_) | Request::Pipe(..)
        );
        match request {
            Request::Quit => {
                // Where the reader was, for the next start on the same paths (unless it
                // did not change here: see `session::Keeper`).
                keeper.keep(&mut app, true);
                app.user.flush();
                // An export under way is finished, not cut off by the exit. Messages are
                // drained meanwhile: its report (or a loader's) may wait for room in the
                // channel, and would wait for ever.
                while exports.iter().any(|e| !e.is_finished()) {
                    let _ = rx.recv_timeout(std::time::Duration::from_millis(10));
                }
                break;
            }
            Request::Redraw => {
                term.clear()?;
                refit(term, &mut app);
                drawn_at = None;
            }
            Request::Suspend => {
                terminal::suspend(term)?;
                refit(term, &mut app);
                drawn_at = None;
            }
            Request::Fetch => {
                let since = std::mem::replace(&mut fetched_since, std::time::SystemTime::now());
                // The files and folders opened are looked at again first (not standard
                // input), then the feeds are fetched.
                let roots: Vec<PathBuf> = paths
                    .iter()
                    .filter(|p| p.as_os_str() != "-")
                    .cloned()
                    .collect();
                // Not while the list is still loading: what is not listed yet would come
                // twice.
                let loaded = app.corpus.progress.finished;
                let look = (loaded && !roots.is_empty()).then(|| rescan::Look {
                    roots,
                    listed: app.listed_paths(),
                    looked: looked.clone(),
                });
                fetching::spawn(fetch_tx.clone(), place.clone(), rules, since, look);
            }
            Request::OpenLink(url) => {
                // The browser may be a terminal program: it gets the terminal meanwhile.
                input_gate.close();
                terminal::leave();
                let opened = fetching::open_link(&url);
                terminal::take_screen()?;
                input_gate.open();
                term.clear()?;
                drawn_at = None;
                app.status = Some(match opened {
                    Ok(()) => format!("opened {}", crate::text::sanitize(&url, false)),
                    Err(e) => format!(
                        "could not open the link: {}",
                        crate::text::sanitize(&e, false)
                    ),
                });
            }
            Request::CopyLink(url) => {
                use std::io::Write as _;
                let mut out = std::io::stdout();
                out.write_all(fetching::osc52(&url).as_bytes())?;
                out.flush()?;
                app.status = Some(format!("copied {}", crate::text::sanitize(&url, false)));
            }
            Request::Pipe(command, text) => {
                // The command (a pager) gets the terminal, and the keyboard, until it exits.
                input_gate.close();
                // A pager draws on a screen of its own; a typed command's output is shown
                // on the reader's, cleared.
                if command.is_empty() {
                    terminal::leave();
                } else {
                    terminal::lend_for_output()?;
                }
                let ran = tidy::pipe(&command, &text);
                terminal::take_screen()?;
                input_gate.open();
                term.clear()?;
                drawn_at = None;
                app.status = match ran {
                    Ok(status) if status.success() => None,
                    Ok(status) => Some(format!("the command ended with {status}")),
                    Err(e) => Some(format!("could not run the command: {e}")),
                };
            }
            Request::Export(export) => {
                let (tx, place) = (export_tx.clone(), place.clone());
                exports.retain(|e| !e.is_finished());
                exports.push(std::thread::spawn(move || {
                    let _ = tx.send(Msg::Exported(tidy::write_export(export, &place)));
                }));
            }
            Request::None => {}
        }
        // The outcome of a request carried out here (a link that could not be opened, a
        // pipe's exit) is the last message too; messages keep theirs in `handle`.
        if carried_out {
            app.keep_last_message();
        }
    }
    Ok(())
}

/// Gives the app the terminal's size as it is now: a window resized while the reader was
/// stopped (Ctrl-Z) sends no resize event when it comes back (trial 53: the old layout
/// was drawn on the new size, and Ctrl-l could not mend it).
fn refit(term: &terminal::Term, app: &mut App) {
    if let Ok(size) = term.size()
        && (size.width, size.height) != (app.size.width, app.size.height)
    {
        app.resize(size.width, size.height);
    }
}
