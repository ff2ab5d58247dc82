//! The reader in a real terminal (tmux, which stores cells per code point like xterm, VTE
//! and Alacritty): pane borders stay in their columns on every row at widths 40, 80, 120 and
//! 200 while navigating, switching articles, scrolling and resizing; Ctrl-L (full redraw)
//! then changes nothing, so no stale cell was left on screen; and a panic inside the event
//! loop still restores the terminal.

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, check_borders};

const HEIGHT: u16 = 30;

fn reader(width: u16) -> Tmux {
    // `--fresh`: the tests here share a data folder, and the session another left (kept as
    // it changes) would start this one elsewhere.
    let cmd = format!(
        "{} --width-model per-code-point --fresh",
        env!("CARGO_BIN_EXE_khabar")
    );
    let t = Tmux::start("reader", width, HEIGHT, &cmd);
    t.wait_for(10, |s| {
        s.contains(['┘', '┛']) && !s.contains("Loading") && !s.contains("loading…")
    });
    t
}

/// Ctrl-L repaints everything from scratch: if the screen differs afterwards, an earlier
/// frame had left stale cells.
#[track_caller]
fn check_redraw_changes_nothing(t: &Tmux, what: &str) {
    let before = t.capture();
    t.run(&["send-keys", "C-l"]);
    std::thread::sleep(std::time::Duration::from_millis(400));
    let after = t.capture();
    assert_eq!(
        before, after,
        "{what}: Ctrl-L changed the screen (stale cells)"
    );
}

fn session(width: u16) {
    let t = reader(width);
    let mut screen = t.capture();
    check_borders(&screen, width, &format!("{width}: start"));
    // Articles, reader, sidebar, and back; each step checked.
    let steps = [
        "j", "j", "Enter", "j", "j", "Space", "Tab", "j", "Enter", "n", "Tab", "j", "k", "r",
        "Tab", "j",
    ];
    for (i, key) in steps.iter().enumerate() {
        screen = t.key(key);
        check_borders(&screen, width, &format!("{width}: after step {i} ({key})"));
    }
    check_redraw_changes_nothing(&t, &format!("{width} after navigation"));
    let narrower = width - width / 4;
    screen = t.resize(narrower, HEIGHT);
    check_borders(
        &screen,
        narrower,
        &format!("{width}: resized to {narrower}"),
    );
    screen = t.key("j");
    check_borders(&screen, narrower, &format!("{width}: resized, then j"));
    check_redraw_changes_nothing(&t, &format!("{width} after resize"));
    screen = t.resize(width, HEIGHT);
    check_borders(&screen, width, &format!("{width}: resized back"));
    check_redraw_changes_nothing(&t, &format!("{width} after resizing back"));
    assert_still_running(&t, &format!("{width}"));
}

/// The reader is still on its screen a while after the last key: a redraw that waits on
/// the terminal (a cursor query racing the input thread) would have ended it by now.
#[track_caller]
fn assert_still_running(t: &Tmux, what: &str) {
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let out = t.run(&["display-message", "-p", "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "1",
        "{what}: the reader has left its screen"
    );
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    let t = Tmux::start("suspend", 100, HEIGHT, "bash --norc --noprofile");
    let cmd = format!(
        "{} --width-model per-code-point --fresh",
        env!("CARGO_BIN_EXE_khabar")
    );
    t.run(&["send-keys", &cmd, "Enter"]);
    t.wait_for(10, |s| s.contains(['┘', '┛']));
    t.run(&["send-keys", "C-z"]);
    let shell = t.wait_for(5, |s| s.contains("Stopped"));
    assert!(
        shell.contains("Stopped") && !shell.contains('┃'),
        "not suspended:\n{shell}"
    );
    // The window is resized while the reader is stopped: no resize event comes when it
    // is back, and it still fits the window (trial 53 saw the old layout, cut).
    let (width, height) = (80, HEIGHT - 6);
    t.run(&[
        "resize-window",
        "-x",
        &width.to_string(),
        "-y",
        &height.to_string(),
    ]);
    t.run(&["send-keys", "fg", "Enter"]);
    let back = t.wait_for(5, |s| s.contains(['┘', '┛']));
    check_borders(&back, width, "after fg");
    let rows: Vec<&str> = back.lines().collect();
    assert_eq!(rows.len(), usize::from(height), "{back}");
    assert!(
        rows[rows.len() - 2].contains(['┘', '┛']) && !rows[rows.len() - 1].trim().is_empty(),
        "the panes end above the status bar, on the last row:\n{back}"
    );
    let moved = t.key("j");
    assert_ne!(moved, back, "keys work after resuming");
    assert_still_running(&t, "after fg");
}

#[test]
fn borders_hold_and_no_stale_cells_at_40() {
    session(40);
}

#[test]
fn borders_hold_and_no_stale_cells_at_80() {
    session(80);
}

#[test]
fn borders_hold_and_no_stale_cells_at_120() {
    session(120);
}

#[test]
fn borders_hold_and_no_stale_cells_at_200() {
    session(200);
}

#[test]
fn panic_in_the_loop_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let stty = dir.path().join("stty.txt");
    let cmd = format!(
        "sh -c 'KHABAR_DEBUG=panic-on-key {} --width-model per-code-point --fresh; stty -a > {}; echo AFTER-KHABAR; sleep 30'",
        env!("CARGO_BIN_EXE_khabar"),
        stty.display()
    );
    let t = Tmux::start("panic", 100, HEIGHT, &cmd);
    t.wait_for(10, |s| s.contains(['┘', '┛']));
    t.run(&["send-keys", "j"]);
    let screen = t.wait_for(10, |s| s.contains("AFTER-KHABAR"));
    assert!(
        screen.contains("AFTER-KHABAR"),
        "the shell did not continue:\n{screen}"
    );
    // Back on the normal screen, with the panic message readable there.
    assert!(screen.contains("deliberate panic"), "{screen}");
    assert!(
        !screen.contains('┃') && !screen.contains('│'),
        "panes left on screen:\n{screen}"
    );
    let modes = std::fs::read_to_string(&stty).unwrap();
    let flags: Vec<&str> = modes.split([' ', '\n', ';']).collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(
            flags.contains(&mode),
            "raw mode left on ({mode} is off): {modes}"
        );
    }
}

#[test]
fn a_stuck_loop_still_ends_on_sigterm_with_the_terminal_restored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "खबर\n\nनरेंद्र मोदी ने भाषण दिया।\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_khabar");
    let args = format!("--width-model per-code-point {}", dir.path().display());
    let cmd = format!("sh -c 'KHABAR_DEBUG=hang-on-key {bin} {args}; echo EXIT=$?; sleep 30'");
    let t = Tmux::start("stuck", 100, HEIGHT, &cmd);
    t.wait_for(10, |s| s.contains(['┘', '┛']));
    t.run(&["send-keys", "j"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    // Only this test's reader: its command line names this test's folder.
    let killed = std::process::Command::new("pkill")
        .args(["-TERM", "-f", &format!("^{bin} {args}$")])
        .status()
        .unwrap();
    assert!(killed.success(), "no reader to signal");
    let screen = t.wait_for(10, |s| s.contains("EXIT="));
    assert!(screen.contains("EXIT=143"), "{screen}");
    assert!(
        !screen.contains('┃') && !screen.contains('│'),
        "panes left on screen:\n{screen}"
    );
}

/// `kill -QUIT` ends the reader as SIGTERM does, the terminal restored (trial 46: it left
/// the alternate screen and mouse reporting on).
#[test]
fn sigquit_ends_the_reader_with_the_terminal_restored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("q.txt"), "खबर\n\nनरेंद्र मोदी ने भाषण दिया।\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_khabar");
    let args = format!("--width-model per-code-point {}", dir.path().display());
    let cmd = format!("sh -c '{bin} {args}; echo EXIT=$?; sleep 30'");
    let t = Tmux::start("quit", 100, HEIGHT, &cmd);
    t.wait_for(10, |s| s.contains(['┘', '┛']));
    let killed = std::process::Command::new("pkill")
        .args(["-QUIT", "-f", &format!("^{bin} {args}$")])
        .status()
        .unwrap();
    assert!(killed.success(), "no reader to signal");
    let screen = t.wait_for(10, |s| s.contains("EXIT="));
    assert!(screen.contains("EXIT=131"), "{screen}");
    assert!(
        !screen.contains('┃') && !screen.contains('│'),
        "panes left on screen:\n{screen}"
    );
}

/// A missing path among others: the rest opens, and after quitting the shell is told which
/// path was missing, with exit code 2 as `list` and `extract` give (the reader ended 0).
#[test]
fn a_missing_path_among_others_is_named_after_quitting_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.txt"), "खबर\n\nनरेंद्र मोदी ने भाषण दिया।\n").unwrap();
    let missing = dir.path().join("nowhere");
    let bin = env!("CARGO_BIN_EXE_khabar");
    let cmd = format!(
        "sh -c '{bin} --width-model per-code-point {} {}; echo EXIT=$?; sleep 30'",
        dir.path().display(),
        missing.display()
    );
    let t = Tmux::start("missing", 100, HEIGHT, &cmd);
    t.wait_for(10, |s| s.contains("खबर") && s.contains(['┘', '┛']));
    t.run(&["send-keys", "q"]);
    let screen = t.wait_for(10, |s| s.contains("EXIT="));
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(
        screen.contains(&format!("{}: no such file or folder", missing.display())),
        "{screen}"
    );
}

/// A `dumb` terminal (Emacs's shell, an editor's output pane) is refused with a message
/// naming what to use instead, and the screen is not taken (trial 53: the full-screen
/// codes went out all the same).
#[test]
fn a_dumb_terminal_is_refused_with_a_message() {
    let t = Tmux::start("dumb", 100, HEIGHT, "bash --norc --noprofile");
    let cmd = format!(
        "TERM=dumb {} --width-model per-code-point --fresh; echo exit=$?",
        env!("CARGO_BIN_EXE_khabar")
    );
    t.run(&["send-keys", &cmd, "Enter"]);
    let shown = t.wait_for(10, |s| s.contains("exit="));
    assert!(shown.contains("exit=2"), "{shown}");
    assert!(
        shown.contains("(TERM=dumb)") && shown.contains("khabar list"),
        "{shown}"
    );
    assert!(!shown.contains(['┘', '┛']), "{shown}");
}
