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

fn check_borders(screen: &str, width: u16, what: &str) {
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines.len() >= usize::from(HEIGHT) - 1,
        "{what}: short screen\n{screen}"
    );
    let top = border_columns(lines[0], &['┌', '┐']);
    assert_eq!(top.len(), 6, "{what}: three boxes on the top row\n{screen}");
    assert_eq!(
        top[5],
        usize::from(width) - 1,
        "{what}: right edge\n{screen}"
    );
    for (i, line) in lines
        .iter()
        .enumerate()
        .take(usize::from(HEIGHT) - 1)
        .skip(1)
    {
        let cols = border_columns(line, &['│']);
        assert_eq!(
            cols, top,
            "{what}: row {i} has borders at {cols:?}, not {top:?}\n{screen}"
        );
    }
    let bottom = border_columns(lines[usize::from(HEIGHT) - 1], &['└', '┘']);
    assert_eq!(bottom, top, "{what}: bottom row\n{screen}");
}

fn session_at(width: u16, bin: &Path, files: &str) {
    let tmux = Tmux::start(width, &format!("{} {files}", bin.display()));
    let start = Instant::now();
    let mut screen = tmux.capture();
    while !screen.contains('┘') && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(100));
        screen = tmux.capture();
    }
    sleep(Duration::from_millis(200));
    screen = tmux.capture();
    check_borders(&screen, width, &format!("width {width}, start"));
    if width >= 80 {
        assert!(
            screen.contains("per-code-point") && screen.contains("(probe 2,3,3"),
            "width {width}: the probe should pick per-code-point under tmux\n{screen}"
        );
    }
    let keys = [
        "j", "j", "j", "Space", "n", "j", "j", "n", "Space", "k", "n", "j", "n", "PageDown", "p",
        "j", "n", "j",
    ];
    for (i, key) in keys.iter().enumerate() {
        screen = tmux.keys(key);
        let what = format!("width {width}, after key {i} ({key})");
        check_borders(&screen, width, &what);
        if i % 3 == 2 {
            let redrawn = tmux.keys("C-l");
            assert_eq!(
                redrawn, screen,
                "{what}: Ctrl-L changed the screen (stale cells)"
            );
        }
    }
}

#[test]
fn borders_hold_and_redraw_changes_nothing_in_tmux() {
    let bin = demo_binary();
    for width in [40, 80, 120] {
        session_at(width, &bin, "seeds");
    }
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
    let redrawn = tmux.keys("C-l");
    assert_ne!(
        redrawn, screen,
        "stock ratatui left no stale cell after scrolling"
    );
}
