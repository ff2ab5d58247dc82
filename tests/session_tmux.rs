//! Reopening where you left off, in a real terminal: quit with an article chosen, scrolled
//! and sorted; the next start on the same folder shows it again; `--fresh` does not.

#[path = "support/tmux.rs"]
mod tmux;

use tmux::Tmux;

fn start(name: &str, args: &str) -> Tmux {
    start_on(name, args, "seeds")
}

/// [`start`] on the folder `dir`.
fn start_on(name: &str, args: &str, dir: &str) -> Tmux {
    let cmd = format!(
        "{} --width-model per-code-point {args} {dir}",
        env!("CARGO_BIN_EXE_khabar")
    );
    let t = Tmux::start(name, 120, 40, &cmd);
    // The list loaded, and the article (read back and analysed on the opening worker)
    // shown: a debug build takes a moment for it.
    t.wait_for(10, |s| {
        s.contains(['┘', '┛']) && !s.contains("Loading") && !s.contains("loading…")
    });
    t
}

fn quit(t: &Tmux) {
    t.run(&["send-keys", "q"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
}

#[test]
fn the_next_start_reopens_the_session_and_fresh_does_not() {
    let t = start("session-a", "");
    t.key("s");
    t.key("j");
    t.key("j");
    t.key("Enter");
    t.key("j");
    let left = t.key("j");
    assert!(left.contains("· oldest"), "{left}");
    quit(&t);
    drop(t);
    let t = start("session-b", "");
    let back = t.capture();
    assert!(back.contains("· oldest"), "sort not reopened:\n{back}");
    // The reader pane (the middle column) shows the same rows as when the user left.
    let middle = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.chars().skip(40).take(50).collect())
            .collect()
    };
    assert_eq!(middle(&back), middle(&left));
    quit(&t);
    drop(t);
    let t = start("session-c", "--fresh");
    let fresh = t.capture();
    assert!(
        !fresh.contains("· oldest"),
        "--fresh reopened the session:\n{fresh}"
    );
}

/// A copy of the sample articles in a folder of its own (its own session, whatever the
/// other tests here do with theirs), and its path.
fn seeds_copy() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    for file in std::fs::read_dir("seeds").unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, dir.path().join(file.file_name().unwrap())).unwrap();
    }
    let path = dir.path().display().to_string();
    (dir, path)
}

/// Two readers on the same folder (trial 48): the one left idle quits last, and the next
/// start still reopens the session of the one that was used (the idle one wrote its own
/// untouched session over it).
#[test]
fn an_idle_reader_quitting_last_keeps_the_session_of_the_one_used() {
    let (_dir, path) = seeds_copy();
    let idle = start_on("idle", "--fresh", &path);
    let used = start_on("used", "", &path);
    used.key("s");
    let left = used.key("j");
    assert!(left.contains("· oldest"), "{left}");
    quit(&used);
    quit(&idle);
    let again = start_on("again", "", &path);
    let back = again.capture();
    assert!(
        back.contains("· oldest"),
        "the idle reader's session won:\n{back}"
    );
}

/// Where the reader was is kept as it changes, not only at quit: after a `kill -9` the
/// next start reopens it (trial 48: the session of the last clean quit came back).
#[test]
fn a_killed_reader_reopens_where_it_was() {
    let (_dir, path) = seeds_copy();
    let t = start_on("killed", "", &path);
    let left = t.key("s");
    assert!(left.contains("· oldest"), "{left}");
    // The session is written by the state's own thread, at once for a first change.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let bin = env!("CARGO_BIN_EXE_khabar");
    let killed = std::process::Command::new("pkill")
        .args(["-KILL", "-f", &format!("^{bin} .*{path}$")])
        .status()
        .unwrap();
    assert!(killed.success(), "no reader to kill");
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(t);
    let again = start_on("after-kill", "", &path);
    let back = again.capture();
    assert!(back.contains("· oldest"), "the session was lost:\n{back}");
}
