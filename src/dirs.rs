//! Where khabar keeps its files, following the XDG base directories (through `etcetera`,
//! which also knows the platform fallbacks): configuration the user edits in the config
//! directory, things that cannot be rebuilt (fetched articles, the database with read state
//! and stars) in the data directory, what can be rebuilt in the cache directory; the state
//! directory only holds the `read.json` of earlier versions, imported once. One
//! place decides them all, so every file follows the same rules (a relative `XDG_*` value
//! is ignored, as the specification says).

use std::io::Write;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

/// `$XDG_CONFIG_HOME/khabar` (else `~/.config/khabar`); `None` without a home directory.
pub fn config_dir() -> Option<PathBuf> {
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .config_dir()
            .join("khabar"),
    )
}

/// `$XDG_DATA_HOME/khabar` (else `~/.local/share/khabar`); `None` without a home directory.
pub fn data_dir() -> Option<PathBuf> {
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .data_dir()
            .join("khabar"),
    )
}

/// `$XDG_CACHE_HOME/khabar` (else `~/.cache/khabar`).
pub fn cache_dir() -> Option<PathBuf> {
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .cache_dir()
            .join("khabar"),
    )
}

/// `$XDG_STATE_HOME/khabar` (else `~/.local/state/khabar`; the data directory where a
/// platform has no state directory).
pub fn state_dir() -> Option<PathBuf> {
    let base = etcetera::choose_base_strategy().ok()?;
    Some(
        base.state_dir()
            .unwrap_or_else(|| base.data_dir())
            .join("khabar"),
    )
}

/// Replaces `path` with `bytes` atomically: written to a temporary file beside it, synced,
/// then renamed over it, so a crash or a kill leaves the old file whole (and no temporary
/// file behind when the rename fails: `tempfile` removes it).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
