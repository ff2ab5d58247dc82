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
/// file behind when the rename fails: `tempfile` removes it). Its folder is made when
/// missing (see [`write_atomically_in_place`] for a path the user gave).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    std::fs::create_dir_all(dir.unwrap_or(Path::new(".")))?;
    write_atomically_in_place(path, bytes, true)
}

/// [`write_atomically`] into a folder that must exist already: a mistyped folder in a path
/// the user gave is an error, not a new folder. The file gets the permissions a new file
/// gets (the umask's), or those of the file it replaces, never the temporary file's own
/// (readable by its owner alone). Unless `replace`, an existing file is left as it is and
/// the error is [`std::io::ErrorKind::AlreadyExists`]. A symbolic link is followed: the
/// file it points to is written and the link stays (the new file was renamed over the
/// link itself).
pub fn write_atomically_in_place(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let path = &link_target(path);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no folder {}", dir.display()),
        ));
    }
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Masked by the umask at creation, as any new file is.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(old.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
        return Ok(());
    }
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(e.error),
        // A file system that can neither rename without replacing nor link (some FUSE
        // mounts): asked first, then renamed as before.
        Err(e) if !path.exists() => e.file.persist(path).map(drop).map_err(|e| e.error),
        Err(e) => Err(e.error),
    }
}

/// Where `path` leads through symbolic links (at most 40, as the kernel allows); `path`
/// itself when it is no link.
fn link_target(path: &Path) -> PathBuf {
    let mut at = path.to_owned();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
        let Some(next) = is_link.then(|| std::fs::read_link(&at).ok()).flatten() else {
            break;
        };
        at = match at.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn a_written_file_has_the_permissions_of_a_new_file_or_of_the_one_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let new = dir.path().join("new.md");
        write_atomically_in_place(&new, b"list", false).unwrap();
        assert_eq!(mode(&new), mode(&plain), "as a file made the usual way");
        let kept = dir.path().join("kept.md");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        let refused = write_atomically_in_place(&kept, b"new", false).unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "old");
        write_atomically_in_place(&kept, b"new", true).unwrap();
        assert_eq!(mode(&kept), 0o640);
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "new");
        let temporaries = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(temporaries, 3, "no temporary file is left by the refusal");
    }

    /// An export to a symbolic link writes the file it points to and keeps the link (it
    /// was replaced by a plain file); a relative link and a chain of two are followed.
    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let target = sub.join("real.md");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("sub/real.md", &link).unwrap();
        let chain = dir.path().join("chain.md");
        std::os::unix::fs::symlink(&link, &chain).unwrap();
        write_atomically_in_place(&chain, b"new", true).unwrap();
        for l in [&link, &chain] {
            assert!(
                std::fs::symlink_metadata(l)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let refused = write_atomically_in_place(&link, b"newer", false).unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::AlreadyExists);
        // A link to a file not there yet makes it.
        let dangling = dir.path().join("later.md");
        std::os::unix::fs::symlink("sub/later-real.md", &dangling).unwrap();
        write_atomically_in_place(&dangling, b"made", false).unwrap();
        assert_eq!(
            std::fs::read_to_string(sub.join("later-real.md")).unwrap(),
            "made"
        );
    }

    #[test]
    fn a_path_in_a_missing_folder_is_an_error_and_no_folder_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("typo");
        let err = write_atomically_in_place(&missing.join("x.md"), b"list", true).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
        assert!(err.to_string().contains("typo"), "{err}");
        assert!(!missing.exists());
        // The files of khabar's own folders are written with their folder made.
        write_atomically(&missing.join("x.md"), b"list").unwrap();
        assert!(missing.join("x.md").is_file());
    }
}
