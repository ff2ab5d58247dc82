//! Reopening where you left off, in a real terminal: quit with an article chosen, scrolled
//! and sorted; the next start on the same folder shows it again; `--fresh` does not.

#[path = "support/tmux.rs"]
mod tmux;

use tmux::Tmux;

fn start(name: &str, args: &str) -> Tmux {
    let cmd = format!(
        "{} --width-model per-code-point {args} seeds",
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
