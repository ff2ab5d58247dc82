//! Which articles the user has read, kept across runs in the XDG state directory.
//!
//! Articles are known by a hash of their content, so moving or renaming files keeps their
//! state. Writes go to a temporary file that is then renamed over the old one, so a crash
//! mid-write leaves the previous state intact; a file that does not parse is moved aside
//! and reported, never fatal.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Article;

/// A stable identifier of an article's content (title and text).
pub fn content_id(article: &Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(article.title.as_bytes());
    h.update(&[0]);
    h.update(article.text.as_bytes());
    h.digest()
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    read: BTreeSet<String>,
}

/// The set of read articles and where it is saved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReadState {
    read: BTreeSet<u64>,
    path: Option<PathBuf>,
}

/// `$XDG_STATE_HOME/khabar/read.json`, falling back to `~/.local/state`.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::state_dir().map(|d| d.join("read.json"))
}

impl ReadState {
    /// A state that is never saved (tests, `--no-state`).
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Loads the state at `path`. A missing file is an empty state; a corrupt one is moved
    /// to `read.json.corrupt` and reported, and an empty state is used.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let mut state = Self {
            read: BTreeSet::new(),
            path: Some(path.to_owned()),
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (state, None),
            Err(e) => {
                return (
                    state,
                    Some(format!("{}: {e}; read state not loaded", path.display())),
                );
            }
        };
        let parsed: Result<File, String> = serde_json::from_str(&text).map_err(|e| e.to_string());
        let ids = parsed.and_then(|f| {
            f.read
                .iter()
                .map(|h| u64::from_str_radix(h, 16).map_err(|e| format!("bad id `{h}`: {e}")))
                .collect()
        });
        match ids {
            Ok(ids) => {
                state.read = ids;
                (state, None)
            }
            Err(e) => {
                let aside = path.with_extension("json.corrupt");
                let moved = std::fs::rename(path, &aside).is_ok();
                let note = if moved {
                    format!("; moved to {}", aside.display())
                } else {
                    String::new()
                };
                (
                    state,
                    Some(format!(
                        "{}: corrupt read state ({e}){note}; starting afresh",
                        path.display()
                    )),
                )
            }
        }
    }

    pub fn is_read(&self, id: u64) -> bool {
        self.read.contains(&id)
    }

    /// Marks `id` read or unread; returns whether anything changed.
    pub fn set(&mut self, id: u64, read: bool) -> bool {
        if read {
            self.read.insert(id)
        } else {
            self.read.remove(&id)
        }
    }

    /// Writes the state atomically (temporary file, fsync, rename). Does nothing for an
    /// in-memory state.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let file = File {
            version: 1,
            read: self.read.iter().map(|h| format!("{h:016x}")).collect(),
        };
        let mut bytes = serde_json::to_vec(&file)?;
        bytes.push(b'\n');
        crate::dirs::write_atomically(path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt_file_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khabar/read.json");
        let (mut s, problem) = ReadState::load(&path);
        assert!(problem.is_none());
        assert!(s.set(42, true));
        assert!(!s.set(42, true));
        s.set(7, true);
        s.save().unwrap();
        let (again, _) = ReadState::load(&path);
        assert!(again.is_read(42) && again.is_read(7) && !again.is_read(8));

        std::fs::write(&path, "{\"version\":1,\"read\":[\"zz").unwrap();
        let (fresh, problem) = ReadState::load(&path);
        assert!(!fresh.is_read(42));
        assert!(problem.unwrap().contains("corrupt read state"));
        assert!(path.with_extension("json.corrupt").exists());
        assert!(!path.exists());
    }

    #[test]
    fn content_id_ignores_the_path() {
        let a = crate::corpus::from_text("a.txt", "शीर्षक\n\nपाठ".to_owned());
        let b = crate::corpus::from_text("moved/b.txt", "शीर्षक\n\nपाठ".to_owned());
        let c = crate::corpus::from_text("a.txt", "शीर्षक\n\nदूसरा पाठ".to_owned());
        assert_eq!(content_id(&a), content_id(&b));
        assert_ne!(content_id(&a), content_id(&c));
    }
}
