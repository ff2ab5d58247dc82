//! Driving a program in a real terminal: a private tmux server per test, keys in, screen
//! text out, and the column checks that show whether what the user sees is aligned.

#![allow(dead_code)]

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

/// Empty XDG directories for the programs started in this test binary.
fn xdg() -> &'static std::path::Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
        .path()
}

static NEXT_SERVER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` in a detached session of `width` x `height`. Fails with a clear
    /// message when tmux is missing (`.ci/run` installs it).
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Self {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|o| o.status.success()),
            "tmux is not installed: this test runs khabar in a real terminal and needs tmux on PATH \
             (apt-get install tmux; .ci/run does it)"
        );
        // Tests run in parallel: each session gets a tmux server of its own.
        let n = NEXT_SERVER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let t = Self {
            socket: format!("khabar-{name}-{}-{n}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = t.run(&["new-session", "-d", "-x", &w, "-y", &h, command]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        t
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            // The programs under test see no user configuration, cache or read state.
            .env("XDG_CONFIG_HOME", xdg().join("config"))
            .env("XDG_CACHE_HOME", xdg().join("cache"))
            .env("XDG_STATE_HOME", xdg().join("state"))
            .env("XDG_DATA_HOME", xdg().join("data"))
            .env_remove("NO_COLOR")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("running tmux")
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Waits until `pred` holds for the screen (or `secs` pass), then lets it settle.
    pub fn wait_for(&self, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        while !pred(&self.capture()) && start.elapsed() < Duration::from_secs(secs) {
            sleep(Duration::from_millis(50));
        }
        sleep(Duration::from_millis(150));
        self.capture()
    }

    /// Sends one key (tmux names: `j`, `Tab`, `C-l`, `Space`, `Enter`) and waits for the
    /// screen to change or settle.
    pub fn key(&self, key: &str) -> String {
        let before = self.capture();
        self.run(&["send-keys", key]);
        let start = Instant::now();
        while self.capture() == before && start.elapsed() < Duration::from_millis(800) {
            sleep(Duration::from_millis(30));
        }
        sleep(Duration::from_millis(120));
        self.capture()
    }

    pub fn resize(&self, width: u16, height: u16) -> String {
        let before = self.capture();
        self.run(&[
            "resize-window",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        self.wait_for(2, |s| s != before)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Columns (as tmux counts them, code point by code point) of the characters in `marks`.
pub fn columns_of(line: &str, marks: &[char]) -> Vec<usize> {
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

/// The width of a captured line in columns.
pub fn line_width(line: &str) -> usize {
    line.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Every row between a top border row and its bottom border row has its vertical borders in
/// the columns of the top row's corners, and no row is wider than the screen.
#[track_caller]
pub fn check_borders(screen: &str, width: u16, what: &str) {
    let lines: Vec<&str> = screen.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line_width(line) <= usize::from(width),
            "{what}: row {i} is wider than {width}\n{screen}"
        );
    }
    let top = lines
        .iter()
        .position(|l| l.contains(['┌', '┏']))
        .unwrap_or_else(|| panic!("{what}: no pane\n{screen}"));
    let bottom = lines
        .iter()
        .rposition(|l| l.contains(['└', '┗']))
        .unwrap_or_else(|| panic!("{what}: no bottom\n{screen}"));
    let corners = columns_of(lines[top], &['┌', '┐', '┏', '┓']);
    assert!(
        !corners.is_empty() && corners.len().is_multiple_of(2),
        "{what}: corners {corners:?}\n{screen}"
    );
    assert_eq!(
        *corners.last().unwrap(),
        usize::from(width) - 1,
        "{what}: right edge\n{screen}"
    );
    for (i, line) in lines.iter().enumerate().take(bottom).skip(top + 1) {
        let cols = columns_of(line, &['│', '┃']);
        assert_eq!(
            cols, corners,
            "{what}: row {i} has borders at {cols:?}, not {corners:?}\n{screen}"
        );
    }
    let bottom_corners = columns_of(lines[bottom], &['└', '┘', '┗', '┛']);
    assert_eq!(bottom_corners, corners, "{what}: bottom row\n{screen}");
}
