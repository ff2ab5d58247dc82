//! How articles arrive in the reader: pushed by the loader (indexed, made searchable, their
//! text dropped), settled into the list in bursts, and read back from disk when one is
//! shown.

use super::app::{App, Entry};
use crate::state::content_id;

impl App {
    /// Reads the text of entry `index` back (texts are not kept for the whole corpus) and
    /// builds its sidebar. A file that changed since it was analysed is analysed again; one
    /// that is gone is reported and shown empty.
    pub(super) fn load_full(&mut self, index: usize) {
        let Some(mut entry) = self.entries.get(index).cloned() else {
            return;
        };
        if entry.article.text.is_empty() {
            match crate::corpus::reload_text(&entry.article) {
                Ok(text) => entry.article.text = text,
                Err(problem) => self.problems.push(problem.to_string()),
            }
            if !entry.article.text.is_empty()
                && content_id(&entry.article) != self.entries[index].id
            {
                let text = std::mem::take(&mut entry.article.text);
                let old = &entry.article;
                let mut fresh = crate::corpus::from_text(&old.path, text);
                fresh.origin = old.origin;
                if old.line.is_some() {
                    fresh.line = old.line;
                    fresh.title.clone_from(&old.title);
                    fresh.published = old.published;
                    fresh.source.clone_from(&old.source);
                }
                entry.analysis = crate::extract::analyse(&fresh);
                entry.article = fresh;
            }
        }
        entry.sidebar = super::sidebar::items(&entry.article, &entry.analysis);
        self.full = Some((index, entry));
    }

    /// A new article arrived from the loader: indexed, then the list is refreshed.
    pub fn push(&mut self, entry: Entry) {
        self.push_quietly(entry);
        self.refresh();
    }

    /// The text of an article loaded from the cache arrived (read in the background):
    /// it becomes searchable.
    pub fn text_arrived(&mut self, path: String, origin: crate::corpus::Origin, folded: Box<str>) {
        if let Some(&doc) = self.doc_of.get(&(path, origin)) {
            self.search_text.set(doc, folded);
            self.last_search = None;
        }
    }

    /// Refreshes the list if articles arrived since the last refresh.
    pub fn settle(&mut self) {
        if self.stale {
            self.stale = false;
            self.refresh();
        }
    }

    /// Adds an article without refreshing the list, for a burst of arrivals followed by
    /// one [`App::refresh`].
    pub fn push_quietly(&mut self, mut entry: Entry) {
        self.stale = true;
        self.index.add(&entry.article, &entry.analysis);
        match entry.folded.take() {
            Some(folded) => self.search_text.push_folded(folded),
            None => self.search_text.add(&entry.article),
        }
        self.doc_of.insert(
            (entry.article.path.clone(), entry.article.origin),
            self.entries.len(),
        );
        // Only the shown article keeps its text; the rest is read again when opened.
        if entry.article.origin != crate::corpus::Origin::Stdin {
            entry.article.text = String::new();
            entry.sidebar = Vec::new();
        }
        self.entries.push(entry);
    }
}
