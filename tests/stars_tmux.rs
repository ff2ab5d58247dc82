//! Stars in a real terminal: `*` marks the row, `F` shows the starred only, and after a
//! restart the star (from the database) and the filter (from the session) are still there.

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, check_borders};

fn start(name: &str) -> Tmux {
    let cmd = format!(
        "{} --width-model per-code-point seeds",
        env!("CARGO_BIN_EXE_khabar")
    );
    let t = Tmux::start(name, 120, 40, &cmd);
    t.wait_for(10, |s| {
        s.contains(['┘', '┛']) && !s.contains("Loading") && !s.contains("loading…")
    });
    t
}

/// The `★` marks on screen above the status bar.
fn marks(screen: &str) -> usize {
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len().saturating_sub(1)]
        .concat()
        .matches('★')
        .count()
}

#[test]
fn a_star_and_the_starred_filter_outlive_the_reader() {
    let t = start("stars-a");
    assert_eq!(marks(&t.capture()), 0);
    t.key("j");
    let starred = t.key("*");
    assert_eq!(marks(&starred), 1, "{starred}");
    let filtered = t.key("F");
    assert!(filtered.contains("starred · 1 of 5"), "{filtered}");
    check_borders(&filtered, 120, "starred only");
    t.run(&["send-keys", "q"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    drop(t);

    let t = start("stars-b");
    let back = t.capture();
    assert!(back.contains("starred · 1 of 5"), "{back}");
    assert_eq!(marks(&back), 1, "{back}");
    let all = t.key("Escape");
    assert!(all.contains("Articles (5)"), "{all}");
    assert_eq!(marks(&all), 1, "{all}");
}
