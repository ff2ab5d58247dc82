//! Where khabar keeps its files, following the XDG base directories (through `etcetera`,
//! which also knows the platform fallbacks): configuration the user edits in the config
//! directory, things that cannot be rebuilt (fetched articles) in the data directory.

use std::path::PathBuf;

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
