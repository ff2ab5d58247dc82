//! How articles arrive in the reader: pushed by the loader one file at a time (indexed,
//! made searchable) or all at once from the database (a [`Snapshot`]), settled into the
//! list in bursts, and read back and analysed off the loop when one is shown.

use crate::corpus::Origin;
use crate::corpus::repeated::RepeatedSet;
use std::collections::HashMap;

use super::app::{App, Entry};
use crate::index::Body;
use crate::library::{Arrival, Arrived, Doc, Snapshot};

/// How often a shown search catches up with texts read in the background.
pub(super) const TEXT_REFRESH: std::time::Duration = std::time::Duration::from_secs(1);

impl App {
    /// Shows entry `index`: handed to the opening worker when there is one (the reader pane
    /// says it is loading until [`App::opened`] brings it), else opened here.
    pub(super) fn load_full(&mut self, index: usize) {
        // The text may have changed on disk: lay it out anew.
        *self.shown.layout.borrow_mut() = None;
        self.shown.line_index = None;
        self.shown.long_blocks = None;
        if self.corpus.entries.get(index).is_none() {
            return;
        }
        if self.ask_worker(index, false) {
            self.shown.entry = None;
            return;
        }
        self.shown.opening = None;
        let title = self.title(index);
        let Some(doc) = self.corpus.entries.get(index) else {
            return;
        };
        let (entry, problems) = open_entry(doc, title, &self.corpus.repeated);
        for p in problems {
            self.note_problem(p);
        }
        self.shown.entry = Some((index, entry));
    }

    /// Hands entry `index` to the opening worker, if there is one, under a new generation;
    /// or, when `check`, only to see whether its file changed, under the generation shown
    /// (its long article's line index stays its own).
    fn ask_worker(&mut self, index: usize, check: bool) -> bool {
        let (Some(opener), Some(doc)) = (&self.opener, self.corpus.entries.get(index)) else {
            return false;
        };
        if !check {
            self.shown.generation += 1;
        }
        let (doc, repeated) = (
            (doc.clone(), self.title(index)),
            std::sync::Arc::clone(&self.corpus.repeated),
        );
        opener.open((self.shown.generation, index), doc, repeated, check);
        self.shown.opening = Some((self.shown.generation, index, std::time::Instant::now()));
        true
    }

    /// Has the worker read the article shown again, to see whether its file changed: a
    /// fetch from the shell may have rewritten it since it was opened, and choosing it
    /// again (`Enter`) showed the old version (trial 56). What is shown stays meanwhile,
    /// and after, unless the file changed: then it is read afresh and the list follows.
    pub(super) fn read_shown_again(&mut self) {
        let index = self.list.selected;
        let shown = self.shown.entry.as_ref().is_some_and(|(i, _)| *i == index);
        if shown && self.shown.opening.is_none() {
            self.ask_worker(index, true);
        }
    }

    /// Adds a warning, unless it was said lately: the same problem said again (a file read
    /// again, a feed refetched, a missing file opened twice) is one warning. Repeats come
    /// together, so only the latest are compared: a load that warns of 100,000 records
    /// costs the loop no quadratic scan.
    pub fn note_problem(&mut self, p: String) {
        let window = super::REPEAT_WINDOW;
        if !self.problems.iter().rev().take(window).any(|q| *q == p) {
            self.problems.push(p);
        }
    }

    /// An article the worker opened: shown if it is still the one asked for last.
    pub fn opened(&mut self, opened: super::opening::Opened) {
        let super::opening::Opened {
            generation,
            index,
            entry,
            blocks,
            problems,
            analysing,
            kept,
        } = opened;
        if kept {
            if self
                .shown
                .opening
                .is_some_and(|(g, i, _)| (g, i) == (generation, index))
            {
                self.shown.opening = None;
                self.sync_index();
            }
            for p in problems {
                self.note_problem(p);
            }
            return;
        }
        let unreadable = entry
            .article
            .text
            .is_empty()
            .then(|| problems.last().cloned())
            .flatten();
        for p in problems {
            self.note_problem(p);
        }
        if self
            .shown
            .opening
            .is_none_or(|(g, i, _)| (g, i) != (generation, index))
        {
            return;
        }
        self.shown.opening = None;
        self.shown.unreadable = unreadable;
        self.shown.analysing = analysing.then_some((generation, index));
        *self.shown.layout.borrow_mut() = None;
        // Keys pressed while it was read back moved the position blindly (`G`).
        self.reader.anchor = self.reader.anchor.min(entry.article.text.len());
        self.shown.entry = Some((index, entry));
        if !blocks.is_empty() {
            self.shown.long_blocks = Some((generation, blocks));
        }
        self.sync_index();
    }

    /// The analysis of a long article shown before it was analysed: its sidebar fills in,
    /// if it is still the article shown.
    pub fn analysed(&mut self, done: super::opening::Analysed) {
        if self.shown.analysing != Some((done.generation, done.index)) {
            return;
        }
        self.shown.analysing = None;
        if let Some((i, entry)) = &mut self.shown.entry
            && *i == done.index
        {
            entry.analysis = done.analysis;
            entry.sidebar = done.sidebar;
        }
    }

    /// A new article (analysed, with its text): indexed, then the list is refreshed.
    pub fn push(&mut self, entry: Entry) {
        self.push_quietly(entry);
        self.refresh();
    }

    /// Adds an analysed article without refreshing the list (see [`App::push_file`]).
    pub fn push_quietly(&mut self, entry: Entry) {
        let mut arrival = Arrival::of(&entry.article, &entry.analysis, entry.id);
        if arrival.folded.is_none() {
            arrival.folded = entry.folded;
        }
        self.arrive(arrival);
    }

    /// Adds one file's articles without refreshing the list, for a burst of arrivals
    /// followed by one [`App::refresh`].
    pub fn push_file(&mut self, file: Arrived) {
        for arrival in file.articles {
            self.arrive(arrival);
        }
    }

    /// A file read again (it changed, or a feed was fetched into it): its earlier
    /// articles are withdrawn and these take their place.
    pub fn replace_file(&mut self, file: Arrived) {
        let path = file.path.to_string_lossy();
        // The article shown, if it is this file's: its id and where it stood in the file.
        let shown = self
            .corpus
            .entries
            .get(self.list.selected)
            .filter(|d| *d.path == *path)
            .map(|d| (d.id, d.line));
        let withdrawn = self.withdraw_path(&path);
        if let Some(shown) = shown {
            // The ids the file held, to know the article that took the shown one's place
            // for new.
            let before: Vec<u64> = withdrawn
                .iter()
                .filter_map(|&d| self.corpus.entries.get(d as usize))
                .map(|d| d.id)
                .collect();
            self.follow_edit(shown, &before, &file);
        }
        // Another process may have marked them (a fetch from the shell carries the marks of
        // the entries it rewrote): asked of the database off this thread. A file new to the
        // list (the rest of a first import cut short) is not asked about, as on a cold start.
        if !withdrawn.is_empty() {
            self.user
                .recall(file.articles.iter().map(|a| a.doc.id).collect());
        }
        self.push_file(file);
    }

    /// The article shown (`id`, at `line` of its file, which held `before`) was withdrawn
    /// with its file and is awaited back: when the file read again no longer holds it, it
    /// was edited (a fetch from the shell rewrote the entry: a new title, a new text), and
    /// the article now at its place is shown instead, where the reader was: the record on
    /// the same line, or a file's only article, if that article is new to the file (a
    /// record that only moved up, another deleted, is not the edited one). Before, the
    /// reader fell back to the top of the list.
    fn follow_edit(&mut self, (id, line): (u64, Option<u32>), before: &[u64], file: &Arrived) {
        let Some((wanted, anchor, nth)) = self.shown.reselect.filter(|r| r.0 == id) else {
            return;
        };
        if file.articles.iter().any(|a| a.doc.id == wanted) {
            return;
        }
        let alone = before.len() == 1 && file.articles.len() == 1;
        if let Some(now) = file
            .articles
            .iter()
            .find(|a| alone || line.is_some() && a.doc.line == line)
            .filter(|a| !before.contains(&a.doc.id))
        {
            self.shown.reselect = Some((now.doc.id, anchor, nth));
        }
    }

    fn arrive(&mut self, arrival: Arrival) {
        self.list.stale = true;
        let Arrival {
            doc,
            title,
            facts,
            folded,
        } = arrival;
        self.corpus
            .index
            .add_row(doc.published, &title, doc.source.as_deref(), &facts);
        self.search.texts.push_folded(folded.unwrap_or_default());
        let id = doc.id;
        let number = u32::try_from(self.corpus.entries.len()).unwrap_or(u32::MAX);
        if let Some(by_path) = &mut self.corpus.by_path {
            by_path.entry(doc.path.clone()).or_default().push(number);
        }
        self.corpus.entries.push(doc);
        // The article open when its file was found changed is back: open it again where
        // the reader was. Another copy than the one a session chose waits for the end.
        if let Some((wanted, ..)) = self.shown.reselect
            && wanted == id
        {
            let at = self.corpus.entries.len() - 1;
            let doc = &self.corpus.entries[at];
            let chosen = self.shown.reselect_copy.as_ref();
            if chosen.is_none_or(|c| *c.0 == *doc.path && c.1 == doc.line) {
                self.reselect_at(at);
            }
        }
    }

    /// Opens the awaited article, list entry `at`, where the reader was in it.
    fn reselect_at(&mut self, at: usize) {
        if let Some((_, anchor, nth)) = self.shown.reselect.take() {
            self.shown.reselect_copy = None;
            self.select(at);
            (self.reader.anchor, self.reader.anchor_nth) = (anchor, nth);
        }
    }

    /// Once every file is in: the awaited article's other copy, when the one a session
    /// chose did not come (looked up now: the list may have been renumbered meanwhile).
    pub fn reselect_fallback(&mut self) {
        if self.shown.reselect_copy.is_some()
            && let Some((wanted, ..)) = self.shown.reselect
            && let Some(at) = self.awaited_copy(wanted, 0, false)
        {
            self.reselect_at(at);
        }
        // The session's choice is over: an article awaited later is any copy.
        self.shown.reselect_copy = None;
    }

    /// Every article the database had for the paths, at once. Their texts come later
    /// ([`App::text_arrived`]), for search.
    pub fn push_warm(&mut self, warm: Snapshot) {
        self.list.stale = true;
        self.corpus.warm_base = self.corpus.entries.len();
        self.search.texts.push_pending(warm.docs.len());
        self.search.reading_texts = !warm.docs.is_empty();
        // The loader reads back the texts of its last list only.
        (self.search.texts_total, self.search.texts_read) = (warm.docs.len(), 0);
        if let Some(by_path) = &mut self.corpus.by_path {
            for (i, d) in warm.docs.iter().enumerate() {
                let number = u32::try_from(self.corpus.warm_base + i).unwrap_or(u32::MAX);
                by_path.entry(d.path.clone()).or_default().push(number);
            }
        }
        // Moved, not copied, after a short list (a first page): a copy of a million
        // entries is a hundred MB, held twice while it is made.
        crate::index::join::append(&mut self.corpus.entries, warm.docs);
        self.corpus.repeated = std::sync::Arc::new(warm.repeated);
        if self.corpus.index.is_empty() {
            self.corpus.index = warm.index;
        } else {
            self.corpus.index.append(warm.index);
        }
        // A session kept from the last run names an article the database brought back.
        // Among the articles just arrived: a withdrawn copy (of a first page) stays listed.
        // A first page may hold another copy only: the whole list is awaited for the one
        // chosen.
        let exact = self.on_first_page();
        if let Some((wanted, ..)) = self.shown.reselect
            && let Some(at) = self.awaited_copy(wanted, self.corpus.warm_base, exact)
        {
            self.reselect_at(at);
        }
    }

    /// The first page of a large stored list, shown while the whole of it is read: listed
    /// like a warm start's articles, until anything else arrives ([`App::end_first_page`]).
    pub fn first_page(&mut self, page: Snapshot) {
        let start = self.corpus.entries.len();
        // Marked before it is pushed, for the awaited article to be looked for in it
        // as on a first page.
        self.corpus.page = Some(start..start);
        self.push_warm(page);
        self.corpus.page = Some(start..self.corpus.entries.len());
        self.corpus.awaiting_facts = true;
    }

    /// Whether the list is a first page (see [`App::first_page`]).
    pub fn on_first_page(&self) -> bool {
        self.corpus.page.is_some()
    }

    /// The whole stored list (its entities and mentioned dates follow, see
    /// [`App::warm_facts`], unless a filtered first page had it come with them), in place
    /// of its first page if one is shown: the article shown stays shown, where the reader
    /// was, whether or not the user had chosen it.
    pub fn warm_after_first_page(&mut self, warm: Snapshot) {
        self.corpus.awaiting_facts = true;
        if !self.on_first_page() {
            self.push_warm(warm);
            return;
        }
        let chosen = self.list.chosen;
        // An article of the last session not on the page is still awaited.
        let awaited = self.shown.reselect.is_some();
        if !awaited && let Some(d) = self.corpus.entries.get(self.list.selected) {
            self.shown.reselect = Some((d.id, self.reader.anchor, self.reader.anchor_nth));
            // The copy the page showed, not another with its content.
            self.shown.reselect_copy = Some((d.path.clone(), d.line));
        }
        self.end_first_page();
        self.push_warm(warm);
        // Showing again the article the page showed is not choosing it; the awaited one,
        // arriving, is chosen as a session brings it back.
        self.list.chosen = chosen || (awaited && self.shown.reselect.is_none());
        // At once, not at the next settling: until then the list would still hold the
        // page's withdrawn copies, and a key moving in it would lose the article.
        self.settle();
    }

    /// Withdraws the first page, if one is listed: the whole list or the files follow.
    /// Only the page's own articles go (a feed refreshed meanwhile may have added some).
    pub fn end_first_page(&mut self) {
        if let Some(page) = self.corpus.page.take() {
            let docs: Vec<u32> = page.filter_map(|d| u32::try_from(d).ok()).collect();
            self.withdraw(&docs);
        }
    }

    /// The entities and mentioned dates of the last warm start's articles, read after
    /// them: filters by entity and mentioned date see them from now on.
    pub fn warm_facts(&mut self, facts: crate::library::SnapshotFacts) {
        self.corpus.awaiting_facts = false;
        // A picker opened before the names came would keep its empty answer, and a search
        // under a name filter its few matches: the filter now keeps older articles too.
        self.memo.clear();
        self.search.last = None;
        let base = u32::try_from(self.corpus.warm_base).unwrap_or(u32::MAX);
        let mut entities = facts.entities;
        for e in &mut entities {
            e.docs = e.docs.shifted(base);
        }
        let mentioned = facts.mentioned.shifted(base);
        self.corpus.index.add_parts(entities, mentioned);
        self.list.stale = true;
    }

    /// Everything anew: what is listed is withdrawn and `snapshot` takes its place (the
    /// article shown is shown again if it is among it).
    pub fn replace_all(&mut self, snapshot: Snapshot) {
        let all: Vec<u32> =
            (0..u32::try_from(self.corpus.entries.len()).unwrap_or(u32::MAX)).collect();
        self.withdraw(&all);
        self.push_warm(snapshot);
    }

    /// Withdraws every article of the file at `path` (it is gone, or about to arrive
    /// again, read afresh).
    /// Returns the articles withdrawn (numbered as in the held `entries`).
    pub fn withdraw_path(&mut self, path: &str) -> Vec<u32> {
        // Articles by path, made on the first withdrawal and kept up to date from then on:
        // a scan of the whole list per changed file would cost a second for a thousand
        // changed files among 100,000.
        let entries = &self.corpus.entries;
        let by_path = self.corpus.by_path.get_or_insert_with(|| {
            let mut map: HashMap<std::sync::Arc<str>, Vec<u32>> = HashMap::new();
            for (i, d) in entries.iter().enumerate() {
                map.entry(d.path.clone())
                    .or_default()
                    .push(u32::try_from(i).unwrap_or(u32::MAX));
            }
            map
        });
        let docs = by_path.remove(path).unwrap_or_default();
        // A file new to the list withdraws nothing, and keeps a search's last answer (the
        // rest of a cut-short import comes as changed files, thousands of them).
        if !docs.is_empty() {
            self.withdraw(&docs);
        }
        docs
    }

    /// Takes articles `docs` (numbered as in the held `entries`, ascending) out of the index
    /// and list; an open article among them is opened again when it returns.
    fn withdraw(&mut self, docs: &[u32]) {
        // Their postings go at the end of the burst of messages (see `App::purge`).
        self.corpus.index.forget_later(docs);
        let selected = u32::try_from(self.list.selected).unwrap_or(u32::MAX);
        if self.list.chosen
            && self.corpus.index.is_gone(selected)
            && let Some(d) = self.corpus.entries.get(self.list.selected)
        {
            // Under its new id when it was rewritten (see `FeedMsg::Moved`).
            let id = self
                .shown
                .renamed
                .iter()
                .rev()
                .find(|(before, _)| *before == d.id)
                .map_or(d.id, |&(_, now)| now);
            self.shown.reselect = Some((id, self.reader.anchor, self.reader.anchor_nth));
            // Whichever copy comes (its record may have moved in its file), not one a
            // session chose before.
            self.shown.reselect_copy = None;
        }
        self.search.last = None;
        self.list.stale = true;
    }

    /// Takes the postings of withdrawn articles out of the index. Withdrawals only mark
    /// articles gone, so a burst of changed files costs one pass over the postings; this
    /// runs before anything reads them (a key, a frame, a settle).
    pub fn purge(&mut self) {
        self.corpus.index.purge();
    }

    /// The folded text (without the title) of the `n`th article of the last snapshot,
    /// read in the background: with its title, it becomes searchable.
    pub fn text_arrived(&mut self, n: usize, body: Body) {
        let doc = self.corpus.warm_base + n;
        self.search.texts_read += 1;
        if doc < self.corpus.entries.len() {
            let both = body.with_title(&self.title(doc));
            self.search.texts.set(doc, both);
            // A search under way has not seen it either.
            if self.search.last.is_some() || self.search.wait.is_some() {
                self.search
                    .fresh_texts
                    .push(u32::try_from(doc).unwrap_or(u32::MAX));
            }
            self.search.stale |= self.searching();
        }
    }

    /// The loader has read back the text of every article of the snapshot.
    pub fn texts_done(&mut self) {
        self.search.reading_texts = false;
        // A search shown is answered whole now (an article a kept session's search held
        // open is let go if it does not match).
        if self.search.stale || self.searching() {
            self.refresh();
        }
    }

    /// Refreshes the list if articles arrived since the last refresh, or texts a shown
    /// search should look at (those at most once a second: each look is a search).
    pub fn settle(&mut self) {
        self.purge();
        for problem in self.user.take_problems() {
            self.status = Some(problem.clone());
            self.problems.push(problem);
        }
        self.list.stale |= self.user.take_recalled();
        // While the worker looks, its answer's own refresh covers the texts that came.
        let texts_due = self.search.stale
            && self.search.wait.is_none()
            && (self.search.refreshed.elapsed() >= TEXT_REFRESH || !self.more_coming());
        if self.list.stale || texts_due {
            self.list.stale = false;
            self.refresh();
        }
    }
}

/// Reads entry `doc` back whole (texts are not kept for the whole corpus), analyses it
/// and builds its sidebar. One that is gone is reported and shown as its list entry.
/// The worker's part of [`App::load_full`]; it takes no `App`, so it runs off the loop.
pub(super) fn open_entry(doc: &Doc, title: String, repeated: &RepeatedSet) -> (Entry, Vec<String>) {
    let read = read_entry(doc, title, repeated);
    let mut entry = read.entry;
    analyse_entry(&mut entry);
    (entry, read.problems)
}

/// An entry read back, and what went wrong.
pub(super) struct Read {
    pub entry: Entry,
    pub problems: Vec<String>,
    /// Its file was rewritten since it was listed (see [`crate::corpus::RECORD_MOVED`]).
    pub stale: bool,
    /// The article edited in its file: its content id as listed and now, for its read
    /// mark, star and place on screen to follow it.
    pub renamed: Option<(u64, u64)>,
}

/// [`open_entry`] without the analysis (see [`analyse_entry`]). Paragraphs the corpus
/// found `repeated` (site chrome) are set aside, as they were when it was stored.
pub(super) fn read_entry(doc: &Doc, title: String, repeated: &RepeatedSet) -> Read {
    let mut problems = Vec::new();
    let mut stale = false;
    let reference = doc.reference(title);
    let mut renamed = None;
    let article = match crate::corpus::reload(&reference) {
        Ok(article) if !article.text.is_empty() => {
            // The file changed since it was listed. Rewritten with a record before this
            // one, its offset may start another record: that is not this article, and
            // is not shown as it. A plain file edited is this article, edited.
            let id = crate::state::content_id(&article);
            stale = matches!(doc.origin, Origin::Record(_) | Origin::File) && id != doc.id;
            if stale && matches!(doc.origin, Origin::Record(_)) {
                reference
            } else {
                renamed = stale.then_some((doc.id, id));
                article
            }
        }
        Ok(_) => reference,
        Err(problem) => {
            stale = matches!(&problem, crate::corpus::Problem::Unreadable { reason, .. }
                if reason == crate::corpus::RECORD_MOVED);
            // Not a problem of the file's: it is read again, and the list follows.
            if !stale {
                problems.push(problem.to_string());
            }
            reference
        }
    };
    let mut article = article;
    repeated.set_aside(&mut article, doc.repeat_key);
    let entry = Entry::with_id(article, crate::extract::Analysis::default(), doc.id);
    Read {
        entry,
        problems,
        stale,
        renamed,
    }
}

/// Analyses a read entry and builds its sidebar (an entry without text has none).
pub(super) fn analyse_entry(entry: &mut Entry) {
    if !entry.article.text.is_empty() {
        entry.analysis = crate::extract::analyse(&entry.article);
    }
    entry.sidebar = super::sidebar::items(&entry.article, &entry.analysis);
}
