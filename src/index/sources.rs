//! Each article's source as a number in a table of the corpus's sources.
//!
//! A source name is shared by thousands of articles. Held by each article as a shared
//! string, it took sixteen bytes of every row of the index (16 MB at a million articles);
//! as a number, four. Filters by source compare numbers too: the names wanted are looked up
//! once, not compared with every article's.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

/// What the index keeps of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Row {
    /// The publication day, when its year, month and day are all known.
    pub(super) published: Option<NaiveDate>,
    /// The minute of that day it was published, as written (in its own zone), when known:
    /// a feed's articles of one day are listed newest first by it.
    pub(super) minute: Option<u16>,
    /// Its source in [`Sources`] (0: none).
    pub(super) source: u32,
}

/// The sources met, numbered from 1 in the order they came.
#[derive(Debug, Clone, Default)]
pub(super) struct Sources {
    names: Vec<Arc<str>>,
    numbers: HashMap<Arc<str>, u32>,
}

impl Sources {
    /// The number of `name` (0 for none), given one if it is new.
    pub(super) fn number(&mut self, name: Option<&str>) -> u32 {
        let Some(name) = name else {
            return 0;
        };
        if let Some(&n) = self.numbers.get(name) {
            return n;
        }
        let name: Arc<str> = name.into();
        self.names.push(name.clone());
        let n = u32::try_from(self.names.len()).expect("fewer than 4 billion sources");
        self.numbers.insert(name, n);
        n
    }

    /// The name of source `n` (none for 0).
    pub(super) fn name(&self, n: u32) -> Option<&str> {
        let at = usize::try_from(n).ok()?.checked_sub(1)?;
        self.names.get(at).map(|s| &**s)
    }

    /// The numbers `other`'s sources have here (given them if new), by `other`'s number.
    pub(super) fn adopt(&mut self, other: &Self) -> Vec<u32> {
        std::iter::once(0)
            .chain(other.names.iter().map(|name| self.number(Some(name))))
            .collect()
    }

    /// The numbers of the sources whose names are among `wanted` (compared lowercased).
    pub(super) fn numbers_of(&self, wanted: &[String]) -> Vec<u32> {
        let wanted: Vec<String> = wanted.iter().map(|s| s.to_lowercase()).collect();
        (1..)
            .zip(&self.names)
            .filter(|(_, name)| wanted.contains(&name.to_lowercase()))
            .map(|(n, _)| n)
            .collect()
    }

    /// How many sources there are (numbers run from 1 to this).
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }
}

/// Articles' list fields, numbered in order, kept as an index keeps them: what
/// [`super::Index::from_parts`] is given (a database's list is read into this, not into a
/// [`super::DocInfo`] each, which would take 24 bytes an article meanwhile).
#[derive(Debug, Clone, Default)]
pub struct DocRows {
    pub(super) rows: Vec<Row>,
    pub(super) sources: Sources,
}

impl DocRows {
    /// Adds the next article's publication day, minute of that day and source.
    pub fn push(
        &mut self,
        published: Option<NaiveDate>,
        minute: Option<u16>,
        source: Option<&str>,
    ) {
        let source = self.sources.number(source);
        self.rows.push(Row {
            published,
            minute: minute.filter(|_| published.is_some()),
            source,
        });
    }

    /// Room for `n` more articles, taken at once.
    pub fn reserve(&mut self, n: usize) {
        self.rows.reserve(n);
    }

    /// `other`'s articles after these, their sources numbered as here.
    pub fn append(&mut self, other: Self) {
        let renumber = self.sources.adopt(&other.sources);
        self.rows.extend(other.rows.into_iter().map(|row| Row {
            source: renumber[row.source as usize],
            ..row
        }));
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_keeps_its_number_and_another_table_is_adopted() {
        let mut table = Sources::default();
        assert_eq!(table.number(None), 0);
        let jagran = table.number(Some("Jagran"));
        assert_eq!(table.number(Some("BBC")), 2);
        assert_eq!(table.number(Some("Jagran")), jagran);
        assert_eq!(
            (table.name(jagran), table.name(0), table.name(3)),
            (Some("Jagran"), None, None)
        );
        let mut other = Sources::default();
        other.number(Some("Amar Ujala"));
        other.number(Some("BBC"));
        assert_eq!(table.adopt(&other), [0, 3, 2]);
        assert_eq!(
            table.numbers_of(&["bbc".to_owned(), "JAGRAN".to_owned()]),
            [1, 2]
        );
        assert_eq!(table.len(), 3);
    }
}
