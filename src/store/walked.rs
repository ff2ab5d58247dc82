//! The paths a walk found, one after another in one buffer.
//!
//! A file check at a million files holds every walked path until it ends, while the reader
//! already holds the list: as `PathBuf`s that is a 24-byte handle and an allocation of its
//! own per path (with the room to grow a join leaves), about 120 MB for 65 MB of paths.
//! Here a path is its bytes in one `String` and where it ends; the rare path that is not
//! UTF-8 is kept aside as it came.
//!
//! Their keys ([`Keys`]) are the paths themselves when the walk went by a root's key, as
//! it does; only the other keys are kept.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::positions::KeyAt;
use super::scope::key_in;

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
        Path::new(self.text(i).unwrap_or_default())
    }

    /// The path at walk position `i` as text; `None` for one not in UTF-8.
    fn text(&self, i: usize) -> Option<&str> {
        if self.odd.contains_key(&i) {
            return None;
        }
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        Some(&self.text[start..self.ends[i]])
    }
}

/// Each walked file's key ([`key_in`]) by walk position: the path itself, or one kept
/// apart when it differs (a path not in UTF-8, a relative one) or there is none. A
/// `Vec` of keys took 24 bytes per file even when every key was the path itself.
pub(super) struct Keys<'f> {
    files: &'f Files,
    apart: HashMap<usize, Option<String>>,
}

impl<'f> Keys<'f> {
    /// The keys of `files`, worked out on all cores.
    pub(super) fn of(files: &'f Files) -> Self {
        use rayon::prelude::*;
        let apart = (0..files.len())
            .into_par_iter()
            .filter_map(|i| {
                let key = key_in(files.get(i));
                let own = files.text(i).is_some() && key.as_deref() == files.text(i);
                (!own).then(|| (i, key.map(std::borrow::Cow::into_owned)))
            })
            .collect();
        Self { files, apart }
    }
}

impl KeyAt for Keys<'_> {
    fn len(&self) -> usize {
        self.files.len()
    }

    fn key(&self, i: usize) -> Option<&str> {
        match self.apart.get(&i) {
            Some(key) => key.as_deref(),
            None => self.files.text(i),
        }
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

    #[test]
    fn a_key_is_the_path_itself_or_kept_apart() {
        let mut files = Files::default();
        let cwd = std::env::current_dir().unwrap();
        let relative = PathBuf::from("news/a.txt");
        let absolute = PathBuf::from("/news/b.txt");
        files.push(absolute.clone());
        files.push(relative.clone());
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            files.push(PathBuf::from(std::ffi::OsStr::from_bytes(
                b"/news/\xff.txt",
            )));
        }
        let keys = Keys::of(&files);
        assert_eq!(keys.key(0), Some("/news/b.txt"));
        assert_eq!(
            keys.key(1).map(PathBuf::from),
            Some(cwd.join(&relative)),
            "a relative path's key is absolute"
        );
        // Only the keys that are not their path are kept.
        #[cfg(unix)]
        {
            assert_eq!(keys.key(2), Some("/news/\u{fffd}.txt"));
            assert_eq!(keys.apart.len(), 2);
        }
    }
}
