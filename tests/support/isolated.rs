//! Running the `khabar` binary in tests without the user's configuration, cache, read
//! state or library: each test binary gets its own empty XDG directories.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// Empty XDG directories for this test binary.
pub fn xdg_home() -> &'static Path {
    static HOME: OnceLock<tempfile::TempDir> = OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
        .path()
}

/// `khabar`, with XDG config, cache and state directories of its own.
pub fn khabar() -> Command {
    let home = xdg_home();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_khabar"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR");
    cmd
}
