//! Bringing the read state of earlier versions (`read.json` in the state directory) into
//! the database, once.
//!
//! An id that does not parse is skipped with a warning and the others kept (the old loader
//! threw the whole set away for one bad id). Afterwards the file is renamed so it is never
//! imported again, and kept for the user to delete.

use std::path::{Path, PathBuf};

use super::{Store, StoreError};

/// Imports the read articles listed in `path` (if it exists) and renames it to
/// `read.json.imported` (`.imported-2`, ... if taken). Returns notes for the user.
pub fn import_read_json(store: &mut Store, path: &Path) -> Result<Vec<String>, StoreError> {
    let text = match std::fs::read(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Ok(vec![format!(
                "{}: {e}; the read state in it was not imported",
                path.display()
            )]);
        }
    };
    let mut notes = Vec::new();
    let ids = match serde_json::from_slice::<serde_json::Value>(&text) {
        Ok(value) => ids_in(&value, path, &mut notes),
        Err(e) => {
            notes.push(format!(
                "{}: not JSON ({e}); no read state imported from it",
                path.display()
            ));
            Vec::new()
        }
    };
    store.set_read_many(&ids)?;
    let renamed = super::open::move_to_free_name(path, |n| imported_name(path, n))?;
    notes.push(format!(
        "imported the read state of {} articles from {} (now {})",
        ids.len(),
        path.display(),
        renamed.display()
    ));
    Ok(notes)
}

/// The ids under `"read"`, each a hex string (16 digits as written); the rest are reported.
fn ids_in(value: &serde_json::Value, path: &Path, notes: &mut Vec<String>) -> Vec<u64> {
    let Some(list) = value.get("read").and_then(|r| r.as_array()) else {
        notes.push(format!(
            "{}: no `read` list; no read state imported from it",
            path.display()
        ));
        return Vec::new();
    };
    let mut ids = Vec::with_capacity(list.len());
    for item in list {
        match item.as_str().map(|s| u64::from_str_radix(s, 16)) {
            Some(Ok(id)) => ids.push(id),
            _ => notes.push(format!(
                "{}: skipped an id that is not a hex number ({})",
                path.display(),
                crate::text::sanitize(&shorten(&item.to_string()), false)
            )),
        }
    }
    ids
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

fn imported_name(path: &Path, n: u32) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    if n == 1 {
        name.push(".imported");
    } else {
        name.push(format!(".imported-{n}"));
    }
    PathBuf::from(name)
}
