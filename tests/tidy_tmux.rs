//! `|` in a real terminal: the command gets the terminal and the article on its standard
//! input, and the reader's screen comes back whole afterwards.

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, check_borders};

/// The reader on the samples in a terminal of its own (the shell line goes on with
/// `after`), asking for a command after `|`; and its screen before.
fn asked_for_a_command(name: &str, after: &str) -> (Tmux, String) {
    // `--fresh`: the tests here share a data folder and its sessions.
    let cmd = format!(
        "{} --width-model per-code-point --fresh{after}",
        env!("CARGO_BIN_EXE_khabar")
    );
    let t = Tmux::start(name, 100, 30, &cmd);
    let before = t.wait_for(10, |s| {
        s.contains(['┘', '┛']) && !s.contains("Loading") && !s.contains("loading…")
    });
    t.key("|");
    let asking = t.wait_for(3, |s| s.contains("pipe the article to"));
    assert!(asking.contains("pipe the article to"), "{asking}");
    (t, before)
}

#[test]
fn pipe_runs_the_command_and_restores_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("piped.txt");
    let (t, before) = asked_for_a_command("pipe", "");
    // The command runs outside the reader's screen: it can print and wait for a key.
    let command = format!("cat > {}; echo PIPED; read x < /dev/tty", out.display());
    t.run(&["send-keys", "-l", &command]);
    t.run(&["send-keys", "Enter"]);
    let outside = t.wait_for(5, |s| s.contains("PIPED"));
    assert!(
        outside.contains("PIPED") && !outside.contains('┃'),
        "{outside}"
    );
    t.run(&["send-keys", "Enter"]);
    // Its output stays until Enter: the reader asks for it.
    let ended = t.wait_for(5, |s| s.contains("press Enter to return"));
    assert!(ended.contains("PIPED"), "{ended}");
    t.run(&["send-keys", "Enter"]);
    let back = t.wait_for(5, |s| s.contains(['┘', '┛']));
    check_borders(&back, 100, "after the pipe");
    assert_eq!(back.lines().count(), before.lines().count());
    let piped = std::fs::read_to_string(&out).unwrap();
    assert!(piped.lines().count() > 5, "{piped}");
    let moved = t.key("j");
    assert_ne!(moved, back, "keys work after the pipe");
    // A second command's output is shown alone, not under the first one's (trial 54).
    t.key("|");
    t.wait_for(3, |s| s.contains("pipe the article to"));
    t.run(&["send-keys", "-l", "wc -l > /dev/null; echo SECOND"]);
    t.run(&["send-keys", "Enter"]);
    let second = t.wait_for(5, |s| s.contains("press Enter to return"));
    assert!(
        second.contains("SECOND") && !second.contains("PIPED"),
        "{second}"
    );
    t.run(&["send-keys", "Enter"]);
}

/// Every key typed while the command has the terminal goes to the command, none to the
/// reader (whose input thread read the terminal too, and took keys from `less` at random).
#[test]
fn keys_typed_in_the_command_all_go_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.txt");
    let (t, before) = asked_for_a_command("pipe-keys", "");
    // Reads twelve keys one by one, in raw mode, as a pager does.
    let command = format!(
        "cat > /dev/null; stty raw -echo < /dev/tty; echo READY; \
         dd bs=1 count=12 < /dev/tty > {} 2>/dev/null; stty sane < /dev/tty",
        keys.display()
    );
    t.run(&["send-keys", "-l", &command]);
    t.run(&["send-keys", "Enter"]);
    t.wait_for(5, |s| s.contains("READY"));
    for _ in 0..12 {
        t.run(&["send-keys", "j"]);
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    t.wait_for(5, |s| s.contains("press Enter to return"));
    t.run(&["send-keys", "Enter"]);
    let back = t.wait_for(5, |s| s.contains(['┘', '┛']));
    assert_eq!(std::fs::read_to_string(&keys).unwrap(), "j".repeat(12));
    assert_eq!(
        back, before,
        "the reader moved on keys typed in the command"
    );
}

/// Ctrl-c while a command has the terminal interrupts the command, not the reader: it
/// ended the reader and left the command running on the terminal.
#[test]
fn ctrl_c_in_the_command_interrupts_it_and_the_reader_stays() {
    let (t, _) = asked_for_a_command("pipe-ctrl-c", "; echo READER-ENDED; sleep 30");
    t.run(&["send-keys", "-l", "cat > /dev/null; echo WAITING; sleep 30"]);
    t.run(&["send-keys", "Enter"]);
    t.wait_for(5, |s| s.contains("WAITING"));
    t.run(&["send-keys", "C-c"]);
    let ended = t.wait_for(5, |s| {
        s.contains("press Enter to return") || s.contains("READER-ENDED")
    });
    assert!(!ended.contains("READER-ENDED"), "{ended}");
    t.run(&["send-keys", "Enter"]);
    let back = t.wait_for(5, |s| s.contains(['┘', '┛']));
    check_borders(&back, 100, "after the interrupted command");
}
