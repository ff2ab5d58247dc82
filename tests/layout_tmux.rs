//! The layout in a real terminal: runs the `pane_demo` example in tmux at widths 40, 80
//! and 120, navigates the seeds, and checks from `tmux capture-pane -p` that the vertical
//! pane borders stay in the same columns on every row, that Ctrl-L (full redraw) changes
//! nothing (no stale cells were on screen), and that the width probe picks per-code-point
//! under tmux. Needs tmux (`.ci/run` installs it); fails with a clear message without it.

#[path = "support/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux::{Tmux, check_borders, columns_of};

const HEIGHT: u16 = 24;

fn demo_binary() -> PathBuf {
    // target/<profile>/deps/layout_tmux-<hash> -> target/<profile>/examples/pane_demo
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let bin = profile_dir.join("examples").join("pane_demo");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["build", "--quiet", "--example", "pane_demo"]);
    if profile_dir.file_name().is_some_and(|n| n == "release") {
        cmd.arg("--release");
    }
    let status = cmd
        .status()
        .expect("running cargo to build the pane_demo example");
    assert!(status.success(), "building the pane_demo example failed");
    assert!(bin.exists(), "no example binary at {}", bin.display());
    bin
}

/// Ctrl-L (full redraw), then the screen once it has settled.
fn redraw(tmux: &Tmux) -> String {
    tmux.run(&["send-keys", "C-l"]);
    sleep(Duration::from_millis(400));
    tmux.capture()
}

/// Starts `command` in tmux at `width`, waits for the first bordered screen, then presses
/// `keys` one by one, checking the borders after each and that Ctrl-L changes nothing
/// after every third.
fn drive(width: u16, command: &str, keys: &[&str], check_first: impl Fn(&str)) {
    let tmux = Tmux::start("layout", width, HEIGHT, command);
    let start = Instant::now();
    let mut screen = tmux.capture();
    while !(screen.contains('┘') || screen.contains('┛'))
        && start.elapsed() < Duration::from_secs(15)
    {
        sleep(Duration::from_millis(100));
        screen = tmux.capture();
    }
    sleep(Duration::from_millis(300));
    screen = tmux.capture();
    check_borders(&screen, width, &format!("{command} at {width}, start"));
    check_first(&screen);
    for (i, key) in keys.iter().enumerate() {
        screen = tmux.key(key);
        let what = format!("{command} at {width}, after key {i} ({key})");
        check_borders(&screen, width, &what);
        if i % 3 == 2 {
            let redrawn = redraw(&tmux);
            assert_eq!(
                redrawn, screen,
                "{what}: Ctrl-L changed the screen (stale cells)"
            );
        }
    }
}

fn session_at(width: u16, bin: &Path, files: &str) {
    let keys = [
        "j", "j", "j", "Space", "n", "j", "j", "n", "Space", "k", "n", "j", "n", "PageDown", "p",
        "j", "n", "j",
    ];
    let check_first = |screen: &str| {
        let top = screen
            .lines()
            .find(|l| l.contains(['┌', '┏']))
            .unwrap_or_default();
        let corners = columns_of(top, &['┌', '┐', '┏', '┓']);
        assert_eq!(corners.len(), 6, "three boxes on the top row\n{screen}");
        assert_eq!(corners[5], usize::from(width) - 1, "right edge\n{screen}");
        if width >= 80 {
            assert!(
                screen.contains("per-code-point") && screen.contains("(probe 2,3,3"),
                "width {width}: the probe should pick per-code-point under tmux\n{screen}"
            );
        }
    };
    drive(
        width,
        &format!("{} {files}", bin.display()),
        &keys,
        check_first,
    );
}

#[test]
fn borders_hold_and_redraw_changes_nothing_in_tmux() {
    let bin = demo_binary();
    std::thread::scope(|s| {
        for width in [40, 80, 120] {
            let bin = &bin;
            s.spawn(move || session_at(width, bin, "seeds"));
        }
    });
}

/// Text that trips terminals: ZWJ and ZWNJ half forms, vowel signs and a virama left at
/// the start of a line, escape sequences, a wide ideograph, an emoji with VS16, quotes.
#[test]
fn hostile_text_keeps_borders_in_tmux() {
    let bin = demo_binary();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let block = "कठिन पाठ: क्\u{200d}ष और क्\u{200c}ष,\nा मात्रा \u{94d}विराम \u{1b}[31mलाल\u{1b}[0m \
                 \u{1b}]0;title\u{7} शीर्षक\n中文 और ❤\u{fe0f} दिल, “उद्धरण” ‘एक’ … ।\n\
                 ज़्यादा श्री स्त्री राष्ट्रपति क्षत्रिय द्वितीय\n";
    std::fs::write(&path, block.repeat(20)).unwrap();
    session_at(80, &bin, &format!("{} seeds", path.display()));
}

/// The check can fail: stock ratatui (`--renderer stock`) leaves stale cells after a few
/// scroll steps, so Ctrl-L changes the screen.
#[test]
fn redraw_check_catches_stock_ratatui() {
    let bin = demo_binary();
    let tmux = Tmux::start(
        "stock",
        80,
        HEIGHT,
        &format!("{} --renderer stock seeds", bin.display()),
    );
    let start = Instant::now();
    while !tmux.capture().contains('┘') && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(100));
    }
    sleep(Duration::from_millis(200));
    let mut screen = String::new();
    for key in ["j", "j", "j"] {
        screen = tmux.key(key);
    }
    let redrawn = redraw(&tmux);
    assert_ne!(
        redrawn, screen,
        "stock ratatui left no stale cell after scrolling"
    );
}
