//! The layout in a real terminal: runs the `pane_demo` example in tmux at widths 40, 80
//! and 120, navigates the seeds, and checks from `tmux capture-pane -p` that the vertical
//! pane borders stay in the same columns on every row, that Ctrl-L (full redraw) changes
//! nothing (no stale cells were on screen), and that the width probe picks per-code-point
//! under tmux. Needs tmux (`.ci/run` installs it); fails with a clear message without it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

const HEIGHT: u16 = 24;

/// Tests run in parallel: each session gets its own tmux server.
static NEXT_SERVER: AtomicUsize = AtomicUsize::new(0);

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

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(width: u16, command: &str) -> Self {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|o| o.status.success()),
            "tmux is not installed: this test runs the reader in a real terminal and needs \
             tmux on PATH (apt-get install tmux)"
        );
        let n = NEXT_SERVER.fetch_add(1, Ordering::Relaxed);
        let t = Self {
            socket: format!("khabar-layout-{}-{n}", std::process::id()),
        };
        let (w, h) = (width.to_string(), HEIGHT.to_string());
        let out = t.run(&["new-session", "-d", "-x", &w, "-y", &h, command]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        t
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("running tmux")
    }

    fn capture(&self) -> String {
        let out = self.run(&["capture-pane", "-p"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen differs from `before` (or a short time passes) and settles.
    fn wait_change(&self, before: &str) -> String {
        let start = Instant::now();
        let mut now = self.capture();
        while now == before && start.elapsed() < Duration::from_millis(1500) {
            sleep(Duration::from_millis(50));
            now = self.capture();
        }
        sleep(Duration::from_millis(100));
        self.capture()
    }

    fn keys(&self, key: &str) -> String {
        let before = self.capture();
        self.run(&["send-keys", key]);
        self.wait_change(&before)
    }

    /// Ctrl-L: a correct screen does not change, so there is nothing to wait for but time.
    fn redraw(&self) -> String {
        self.run(&["send-keys", "C-l"]);
        sleep(Duration::from_millis(600));
        self.capture()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Columns of the box-drawing border characters in one captured row, counting each code
/// point's width as tmux does.
fn border_columns(line: &str, marks: &[char]) -> Vec<usize> {
    let mut col = 0;
    let mut out = Vec::new();
    for c in line.chars() {
        if marks.contains(&c) {
            out.push(col);
        }
        col += c.width().unwrap_or(0);
    }
    out
}

/// Checks that every row between the first top border and the last bottom border has its
/// vertical borders (thin or thick) in exactly the columns of the top row's corners;
/// returns those columns.
fn check_borders(screen: &str, what: &str) -> Vec<usize> {
    let lines: Vec<&str> = screen.lines().collect();
    let has = |l: &&str, marks: &[char]| l.chars().any(|c| marks.contains(&c));
    let top = lines.iter().position(|l| has(l, &['┌', '┏']));
    let bottom = lines.iter().rposition(|l| has(l, &['└', '┗']));
    let (Some(top), Some(bottom)) = (top, bottom) else {
        panic!("{what}: no bordered panes on screen\n{screen}");
    };
    let corners = border_columns(lines[top], &['┌', '┐', '┏', '┓']);
    assert!(
        corners.len() >= 2 && corners.len().is_multiple_of(2) && bottom > top,
        "{what}: odd top border {corners:?}\n{screen}"
    );
    for (i, line) in lines.iter().enumerate().take(bottom).skip(top + 1) {
        let cols = border_columns(line, &['│', '┃']);
        assert_eq!(
            cols, corners,
            "{what}: row {i} has borders at {cols:?}, not {corners:?}\n{screen}"
        );
    }
    let bottom_cols = border_columns(lines[bottom], &['└', '┘', '┗', '┛']);
    assert_eq!(bottom_cols, corners, "{what}: bottom row\n{screen}");
    corners
}

/// Starts `command` in tmux at `width`, waits for the first bordered screen, then presses
/// `keys` one by one, checking the borders after each and that Ctrl-L changes nothing
/// after every third.
fn drive(width: u16, command: &str, keys: &[&str], check_first: impl Fn(&str)) {
    let tmux = Tmux::start(width, command);
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
    check_borders(&screen, &format!("{command} at {width}, start"));
    check_first(&screen);
    for (i, key) in keys.iter().enumerate() {
        screen = tmux.keys(key);
        let what = format!("{command} at {width}, after key {i} ({key})");
        check_borders(&screen, &what);
        if i % 3 == 2 {
            let redrawn = tmux.redraw();
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
        let corners = check_borders(screen, "demo");
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

/// The reader itself (`khabar` with no arguments shows the seeds).
#[test]
fn reader_borders_hold_and_redraw_changes_nothing_in_tmux() {
    let keys = [
        "j", "Enter", "j", "j", "Space", "h", "j", "Enter", "j", "n", "Tab", "j", "BTab", "BTab",
        "j", "Enter", "C-d", "r", "j", "r",
    ];
    std::thread::scope(|s| {
        for width in [40, 80, 120] {
            s.spawn(move || drive(width, env!("CARGO_BIN_EXE_khabar"), &keys, |_| {}));
        }
    });
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
    let tmux = Tmux::start(80, &format!("{} --renderer stock seeds", bin.display()));
    let start = Instant::now();
    while !tmux.capture().contains('┘') && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(100));
    }
    sleep(Duration::from_millis(200));
    let mut screen = String::new();
    for key in ["j", "j", "j"] {
        screen = tmux.keys(key);
    }
    let redrawn = tmux.redraw();
    assert_ne!(
        redrawn, screen,
        "stock ratatui left no stale cell after scrolling"
    );
}
