//! How articles arrive in the reader: pushed by the loader one file at a time (indexed,
//! made searchable, kept packed) or all at once from the cache, settled into the list in
//! bursts, and unpacked with their text read back from disk when one is shown.

use super::app::{App, Entry};
use crate::cache::{self, Arrival, Details, Doc, FileResult, Snapshot};
use crate::index::SearchText;
use crate::state::content_id;

/// How often a shown search catches up with texts read in the background.
const TEXT_REFRESH: std::time::Duration = std::time::Duration::from_secs(1);

impl App {
    /// Shows entry `index`: handed to the opening worker when there is one (the reader pane
    /// says it is loading until [`App::opened`] brings it), else opened here.
    pub(super) fn load_full(&mut self, index: usize) {
        // The text may have changed on disk: lay it out anew.
        *self.layout.borrow_mut() = None;
        self.line_index = None;
        self.long_blocks = None;
        let Some(doc) = self.entries.get(index) else {
            return;
        };
        self.generation += 1;
        if let Some(opener) = &self.opener {
            opener.open(self.generation, index, doc.clone(), self.details.clone());
            self.opening = Some((self.generation, index, std::time::Instant::now()));
            self.full = None;
            return;
        }
        self.opening = None;
        let (entry, problems) = open_entry(doc, self.details.as_deref());
        self.problems.extend(problems);
        self.full = Some((index, entry));
    }

    /// An article the worker opened: shown if it is still the one asked for last.
    pub fn opened(&mut self, opened: super::opening::Opened) {
        let super::opening::Opened {
            generation,
            index,
            entry,
            blocks,
            problems,
        } = opened;
        self.problems.extend(problems);
        if self
            .opening
            .is_none_or(|(g, i, _)| (g, i) != (generation, index))
        {
            return;
        }
        self.opening = None;
        *self.layout.borrow_mut() = None;
        // Keys pressed while it was read back moved the position blindly (`G`).
        self.anchor = self.anchor.min(entry.article.text.len());
        self.full = Some((index, entry));
        if !blocks.is_empty() {
            self.long_blocks = Some((generation, blocks));
        }
        self.sync_index();
    }

    /// A new article (analysed, with its text): indexed, then the list is refreshed.
    pub fn push(&mut self, entry: Entry) {
        self.push_quietly(entry);
        self.refresh();
    }

    /// Adds an analysed article without refreshing the list (see [`App::push_file`]).
    pub fn push_quietly(&mut self, entry: Entry) {
        let mut arrival = Arrival::new(&entry.article, &entry.analysis, entry.id);
        if arrival.folded.is_none() {
            arrival.folded = entry.folded;
        }
        self.arrive(arrival, None);
    }

    /// Adds one file's articles (and its problems) without refreshing the list, for a burst
    /// of arrivals followed by one [`App::refresh`].
    pub fn push_file(&mut self, file: FileResult) {
        self.problems
            .extend(file.problems.iter().map(ToString::to_string));
        let number = file.stamp.map(|s| {
            self.files.push(s);
            u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX)
        });
        for arrival in file.articles {
            self.arrive(arrival, number);
        }
    }

    fn arrive(&mut self, arrival: Arrival, file: Option<u32>) {
        self.stale = true;
        self.index.add_facts(&arrival.article, &arrival.facts);
        self.search_text
            .push_folded(arrival.folded.unwrap_or_default());
        let id = arrival.id;
        self.entries.push(Doc {
            article: arrival.article,
            id,
            file,
            packed: arrival.packed,
        });
        // The article open when its file was found stale is back (the file was touched, or
        // changed elsewhere): open it again where the reader was.
        if let Some((wanted, anchor, nth)) = self.reselect
            && wanted == id
        {
            self.reselect = None;
            self.select(self.entries.len() - 1);
            (self.anchor, self.anchor_nth) = (anchor, nth);
        }
    }

    /// Everything the cache had for unchanged files, at once. Their texts come later
    /// ([`App::text_arrived`]), for search.
    pub fn push_warm(&mut self, warm: Snapshot) {
        self.stale = true;
        self.warm_base = self.entries.len();
        self.warm_files_base = self.files.len();
        let shift = u32::try_from(self.files.len()).unwrap_or(u32::MAX);
        self.files.extend(warm.files);
        self.search_text.push_pending(warm.docs.len());
        self.reading_texts = !warm.docs.is_empty();
        self.entries.extend(warm.docs.into_iter().map(|mut d| {
            d.file = d.file.map(|f| f + shift);
            d
        }));
        if self.index.is_empty() {
            self.index = warm.index;
        } else {
            self.index.append(warm.index);
        }
        self.details = warm.details;
        // A session kept from the last run names an article the cache brought back.
        if let Some((wanted, anchor, nth)) = self.reselect
            && let Some(i) = self.entries.iter().position(|d| d.id == wanted)
        {
            self.reselect = None;
            self.select(i);
            (self.anchor, self.anchor_nth) = (anchor, nth);
        }
    }

    /// What checking the files after a warm start found: `docs` and `files` of it (numbered
    /// as in the warm start) are stale and withdrawn (a changed file's articles arrive
    /// again, read afresh); `total` files are to be loaded in all.
    pub fn revalidated(&mut self, docs: &[u32], files: &[u32], total: usize) {
        let base = u32::try_from(self.warm_base).unwrap_or(u32::MAX);
        let docs: Vec<u32> = docs.iter().map(|d| d + base).collect();
        let base = u32::try_from(self.warm_files_base).unwrap_or(u32::MAX);
        let files: Vec<u32> = files.iter().map(|f| f + base).collect();
        self.withdraw(&docs, &files);
        self.progress.total = total;
        self.progress.done = self.progress.done.saturating_sub(files.len());
    }

    /// Withdraws every article of the file at `path` (it is about to arrive again, read
    /// afresh), as [`App::revalidated`] does for files changed since a warm start.
    pub fn withdraw_path(&mut self, path: &str) {
        let mut files = Vec::new();
        let docs: Vec<u32> = (0..self.entries.len())
            .filter(|&i| self.entries[i].article.path == path)
            .filter_map(|i| {
                files.extend(self.entries[i].file);
                u32::try_from(i).ok()
            })
            .collect();
        files.dedup();
        self.withdraw(&docs, &files);
    }

    /// Takes articles `docs` (numbered as in [`App::entries`]) and files `files` out of the
    /// index, list and cache; an open article among them is opened again when it returns.
    fn withdraw(&mut self, docs: &[u32], files: &[u32]) {
        self.index.forget(docs);
        let selected = u32::try_from(self.selected).unwrap_or(u32::MAX);
        if self.chosen
            && self.index.is_gone(selected)
            && let Some(d) = self.entries.get(self.selected)
        {
            self.reselect = Some((d.id, self.anchor, self.anchor_nth));
        }
        self.gone_files.extend(files);
        self.last_search = None;
        self.stale = true;
    }

    /// The folded text (without the title) of the `n`th article that came from the cache,
    /// read in the background: with its title, it becomes searchable.
    pub fn text_arrived(&mut self, n: usize, folded: &str) {
        let doc = self.warm_base + n;
        if let Some(d) = self.entries.get(doc) {
            let both = SearchText::with_title(&d.article.title, folded);
            self.search_text.set(doc, both);
            if self.last_search.is_some() {
                self.fresh_texts
                    .push(u32::try_from(doc).unwrap_or(u32::MAX));
            }
            self.search_stale |= self.searching();
        }
    }

    /// The loader has read back every cached article's text.
    pub fn texts_done(&mut self) {
        self.reading_texts = false;
        if self.search_stale {
            self.refresh();
        }
    }

    /// Refreshes the list if articles arrived since the last refresh, or texts a shown
    /// search should look at (those at most once a second: each look is a search).
    pub fn settle(&mut self) {
        for problem in self.user.take_problems() {
            self.status = Some(problem.clone());
            self.problems.push(problem);
        }
        if self.stale || (self.search_stale && self.texts_refreshed.elapsed() >= TEXT_REFRESH) {
            self.stale = false;
            self.refresh();
        }
    }

    /// What to write to the cache once loading is done: the files, every article and the
    /// index, and where stored details are read from.
    pub fn snapshot(&self) -> cache::Snapshot {
        // Withdrawn articles and stale files are left out, the rest renumbered.
        let keep: Vec<bool> = (0..self.entries.len())
            .map(|d| !self.index.is_gone(u32::try_from(d).unwrap_or(u32::MAX)))
            .collect();
        let mut file_number = Vec::with_capacity(self.files.len());
        let mut files = Vec::with_capacity(self.files.len());
        for (i, f) in self.files.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if self.gone_files.contains(&i) {
                file_number.push(None);
            } else {
                file_number.push(u32::try_from(files.len()).ok());
                files.push(f.clone());
            }
        }
        let docs = self
            .entries
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(d, _)| Doc {
                file: d
                    .file
                    .and_then(|f| file_number.get(f as usize).copied().flatten()),
                ..d.clone()
            })
            .collect();
        cache::Snapshot {
            files,
            docs,
            index: self.index.clone().retain(&keep),
            details: self.details.clone(),
        }
    }
}

/// Unpacks entry `index`, reads its text back (texts are not kept for the whole corpus)
/// and builds its sidebar. A file that changed since it was analysed (or whose cached
/// details are damaged) is analysed again; one that is gone is reported and shown empty.
/// The worker's part of [`App::load_full`]; it takes no `App`, so it runs off the loop.
pub(super) fn open_entry(doc: &Doc, details: Option<&Details>) -> (Entry, Vec<String>) {
    let mut problems = Vec::new();
    let unpacked = Details::bytes_of(details, &doc.packed).and_then(|b| cache::unpack(&b));
    let (mut article, analysis) = match unpacked {
        Some((mut article, analysis)) => {
            article.path.clone_from(&doc.article.path);
            (article, Some(analysis))
        }
        None => (doc.article.clone(), None),
    };
    let id = doc.id;
    match crate::corpus::reload_text(&doc.article) {
        Ok(text) => article.text = text,
        Err(problem) => problems.push(problem.to_string()),
    }
    let analysis = match analysis {
        // Gone or emptied: its spans point into text that is not there any more, so
        // only the list entry is shown (the problem was reported above).
        _ if article.text.is_empty() => {
            article = doc.article.clone();
            crate::extract::Analysis::default()
        }
        Some(a) if content_id(&article) == id => a,
        _ => {
            let text = std::mem::take(&mut article.text);
            let old = &doc.article;
            let mut fresh = crate::corpus::from_text(&old.path, text);
            fresh.origin = old.origin;
            if old.line.is_some() {
                fresh.line = old.line;
                fresh.title.clone_from(&old.title);
                fresh.published = old.published;
                fresh.source.clone_from(&old.source);
            }
            article = fresh;
            crate::extract::analyse(&article)
        }
    };
    let mut entry = Entry::with_id(article, analysis, id);
    entry.sidebar = super::sidebar::items(&entry.article, &entry.analysis);
    (entry, problems)
}
