//! The paths a walk found, one after another in one buffer.
//!
//! A file check at a million files holds every walked path until it ends, while the reader
//! already holds the list: as `PathBuf`s that is a 24-byte handle and an allocation of its
//! own per path (with the room to grow a join leaves), about 120 MB for 65 MB of paths.
//! Here a path is its bytes in one `String` and where it ends; the rare path that is not
//! UTF-8 is kept aside as it came.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Walked paths by walk position.
#[derive(Default)]
pub(super) struct Files {
    text: String,
    /// Where each path ends in `text` (each starts where the one before it ends).
    ends: Vec<usize>,
    /// The paths that are not UTF-8, by walk position (nothing of theirs is in `text`).
    odd: HashMap<usize, PathBuf>,
}

impl Files {
    pub(super) fn push(&mut self, path: PathBuf) {
        match path.to_str() {
            Some(s) => self.text.push_str(s),
            None => {
                self.odd.insert(self.ends.len(), path);
            }
        }
        self.ends.push(self.text.len());
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The path at walk position `i`.
    ///
    /// # Panics
    /// If there are not more than `i` paths.
    pub(super) fn get(&self, i: usize) -> &Path {
        if let Some(odd) = self.odd.get(&i) {
            return odd;
        }
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        Path::new(&self.text[start..self.ends[i]])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_come_back_as_pushed_even_the_ones_not_utf8() {
        let mut paths = vec![
            PathBuf::from("/a/b.txt"),
            PathBuf::new(),
            PathBuf::from("रिपोर्ट/समाचार.txt"),
        ];
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            paths.insert(
                1,
                PathBuf::from(std::ffi::OsStr::from_bytes(b"bad\xff.txt")),
            );
        }
        let mut files = Files::default();
        for p in &paths {
            files.push(p.clone());
        }
        assert_eq!(files.len(), paths.len());
        for (i, p) in paths.iter().enumerate() {
            assert_eq!(files.get(i), p.as_path(), "path {i}");
        }
    }
}
