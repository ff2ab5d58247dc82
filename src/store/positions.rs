//! Each walked file's first walk position by its key, for the file check: an
//! open-addressing table of four-byte walk positions, the keys themselves staying where
//! the walk keeps them.
//!
//! A `HashMap<&str, usize>` holds a 16-byte reference and an 8-byte position per key at a
//! load of at most seven eighths: 52 MB at a million files, alive through the whole check,
//! while the reader already holds the list. This table takes 8 MB for the same files.

/// Keys by walk position (`None`: a file with no key).
pub(super) trait KeyAt {
    fn len(&self) -> usize;
    fn key(&self, i: usize) -> Option<&str>;
}

/// A slot no position fills.
const EMPTY: u32 = u32::MAX;

/// Walk positions by key (the first position of a key walked twice).
pub(super) struct Positions<'k> {
    keys: &'k dyn KeyAt,
    /// Walk positions, placed by their key's hash (linear probing); at most half full.
    slots: Vec<u32>,
}

impl<'k> Positions<'k> {
    /// The table of `keys` (a key that is `None` has no position).
    ///
    /// # Panics
    /// With four billion keys or more.
    pub(super) fn new(keys: &'k dyn KeyAt) -> Self {
        assert!(u32::try_from(keys.len()).is_ok_and(|n| n < EMPTY));
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mut table = Self {
            keys,
            slots: vec![EMPTY; size],
        };
        for i in 0..keys.len() {
            if let Some(key) = keys.key(i) {
                let slot = table.slot(key);
                if table.slots[slot] == EMPTY {
                    // Fits: checked above.
                    table.slots[slot] = i as u32;
                }
            }
        }
        table
    }

    /// The first walk position of `key`.
    pub(super) fn get(&self, key: &str) -> Option<usize> {
        match self.slots[self.slot(key)] {
            EMPTY => None,
            i => Some(i as usize),
        }
    }

    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The slot that holds `key`, or the empty one where it would go.
    fn slot(&self, key: &str) -> usize {
        let mask = self.slots.len() - 1;
        // The low bits of a 64-bit hash; the table is a power of two.
        let mut slot = xxhash_rust::xxh3::xxh3_64(key.as_bytes()) as usize & mask;
        loop {
            let at = self.slots[slot];
            if at == EMPTY || self.keys.key(at as usize) == Some(key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    impl KeyAt for Vec<Option<String>> {
        fn len(&self) -> usize {
            Vec::len(self)
        }

        fn key(&self, i: usize) -> Option<&str> {
            self[i].as_deref()
        }
    }

    proptest! {
        /// Every key finds its first position, as a map from each key to its first
        /// position would; a key never walked finds none.
        #[test]
        fn answers_as_a_map_of_first_positions(
            walked in prop::collection::vec(prop::option::of("[a-d/]{0,4}"), 0..200),
            asked in prop::collection::vec("[a-e/]{0,4}", 0..50),
        ) {
            let mut first: HashMap<&str, usize> = HashMap::new();
            for (i, k) in walked.iter().enumerate() {
                if let Some(k) = k {
                    first.entry(k.as_str()).or_insert(i);
                }
            }
            let table = Positions::new(&walked);
            for k in walked.iter().flatten().chain(&asked) {
                prop_assert_eq!(table.get(k), first.get(k.as_str()).copied());
                prop_assert_eq!(table.contains_key(k), first.contains_key(k.as_str()));
            }
        }
    }
}
