//! The reader's search as the list sees it: which articles a query must still be looked
//! for in (typing forward narrows the last search; the same search again looks only at
//! what arrived since), handing that to the texts' keeper (see [`super::searcher`]), and
//! what the list shows while the worker looks.

use super::app::App;
use super::arrivals::TEXT_REFRESH;
use super::filters::Chip;
use super::searcher::{Asked, Find, Found, Waiting};

impl App {
    /// Keeps those of `docs` the list shows now.
    pub(super) fn keep_shown(&self, docs: &mut Vec<u32>) {
        // A bit per article: for a million articles, a pass rather than a sort.
        let mut shown = vec![0u64; self.corpus.entries.len().div_ceil(64)];
        for &d in &self.list.visible {
            if let Some(word) = shown.get_mut(d / 64) {
                *word |= 1 << (d % 64);
            }
        }
        docs.retain(|&d| {
            shown
                .get(d as usize / 64)
                .is_some_and(|w| w & (1 << (d % 64)) != 0)
        });
    }

    /// The articles among `docs` (ascending) whose text holds `q`, as far as known: while
    /// the worker looks only at newcomers to the same search, its hits so far; `None` while
    /// it looks for a new search (the list stays as shown). The worker's answer comes as
    /// [`super::event::Msg::Searched`].
    pub(super) fn search_docs(&mut self, q: &str, docs: &[u32]) -> Option<Vec<u32>> {
        self.search.want_texts();
        // The filters the search runs under; unread and starred apply after it.
        let key: Vec<Chip> = self
            .list
            .chips
            .iter()
            .filter(|c| !matches!(c, Chip::Search(_) | Chip::Unread | Chip::Starred))
            .cloned()
            .collect();
        let folded = crate::text::fold::fold(q);
        // The same search is under way: articles arriving meanwhile (a refresh every
        // 250 ms while a corpus loads) wait for its answer rather than start it again.
        if self
            .search
            .wait
            .as_ref()
            .is_some_and(|w| w.chips == key && w.folded == folded)
        {
            return None;
        }
        let (kept, within, again) = self.to_look_at(&key, &folded, docs);
        if again
            && !within.is_empty()
            && self.search.texts.on_worker()
            && self.more_coming()
            && self.search.refreshed.elapsed() < TEXT_REFRESH
        {
            // The worker looks at newcomers to the same search once a second at most while
            // a corpus loads (each answer is a refresh of the list); meanwhile its hits
            // stay. (Texts kept here are looked at within this refresh.)
            self.search.stale = true;
            return Some(kept);
        }
        // The same search's hits stay shown while the worker looks at the newcomers.
        let meanwhile = again.then(|| kept.clone());
        self.search.generation += 1;
        let waiting = Waiting {
            generation: self.search.generation,
            chips: key.clone(),
            folded: folded.clone(),
        };
        let find = Find {
            generation: self.search.generation,
            query: q.to_owned(),
            memo: ((key, self.corpus.entries.len()), folded, Vec::new()),
            fresh: self.search.fresh_texts.len(),
            kept,
            within,
        };
        match self.search.texts.find(find) {
            Asked::Answered(found) => {
                self.search.texts.cancel(self.search.generation);
                self.search.wait = None;
                Some(self.keep_search(found))
            }
            Asked::Looking => {
                self.search.wait = Some(waiting);
                meanwhile
            }
            Asked::Gone => {
                self.search.wait = None;
                self.status = Some("search stopped: its worker is gone".to_owned());
                None
            }
        }
    }

    /// For a search of `folded` under the filters `key`, among `docs` (ascending): the
    /// articles known to match without a look, those to look at, and whether this is the
    /// last search again (looking only at newcomers).
    fn to_look_at(&self, key: &[Chip], folded: &str, docs: &[u32]) -> (Vec<u32>, Vec<u32>, bool) {
        let live = |d: &u32| docs.binary_search(d).is_ok();
        // Typing forward only narrows a search: look only among the last matches. The
        // same search again (texts or articles arrived) looks at the newcomers alone.
        match &self.search.last {
            // Compared folded: `सितम्` → `सितम्ब` is not a narrowing once folded (`सितंब`).
            // Not for Latin: its romanised spelling does not grow with it (`tasve` reads
            // `tasve`, `tasvee` reads `tasvi`); the same Latin search again is.
            Some(((chips, then), prev, hits))
                if chips == key
                    && (prev == folded
                        || (folded.starts_with(prev.as_str())
                            && !folded.bytes().any(|b| b.is_ascii_alphabetic()))) =>
            {
                // The articles that arrived, or whose text arrived, since the last search,
                // among those the other filters keep: a search shown while a corpus loads
                // looks at each article once.
                let mut new: Vec<u32> = (*then..self.corpus.entries.len())
                    .filter_map(|d| u32::try_from(d).ok())
                    .chain(self.search.fresh_texts.iter().copied())
                    .filter(live)
                    .collect();
                let hits = hits.iter().copied().filter(live);
                if prev == folded {
                    new.sort_unstable();
                    new.dedup();
                    (hits.collect(), new, true)
                } else {
                    new.extend(hits);
                    new.sort_unstable();
                    new.dedup();
                    (Vec::new(), new, false)
                }
            }
            _ => (Vec::new(), docs.to_vec(), false),
        }
    }

    /// Whether articles or their texts are still arriving (a look put off now is taken
    /// later; once nothing more comes, at once). Stored texts count from the start, though
    /// they come only once a search asks: this is asked only while one is shown.
    pub(super) fn more_coming(&self) -> bool {
        !self.corpus.progress.finished || self.search.reading_texts
    }

    /// Keeps a search's answer as the memo the next search starts from; returns its hits.
    fn keep_search(&mut self, found: Found) -> Vec<u32> {
        let hits = found.memo.2.clone();
        self.search.last = Some(found.memo);
        self.search
            .fresh_texts
            .drain(..found.fresh.min(self.search.fresh_texts.len()));
        self.search.refreshed = std::time::Instant::now();
        hits
    }

    /// The search worker's answer: the list shows it if it is the one the list waits for.
    pub fn searched(&mut self, found: Found) {
        if self
            .search
            .wait
            .as_ref()
            .is_some_and(|w| w.generation == found.generation)
        {
            self.search.wait = None;
            self.keep_search(found);
            self.refresh();
            // A search cancelled while a kept one was still being answered: its article
            // can be gone back to now that the list holds it again.
            if let Some(place) = self.list.before_search.take_if(|_| self.modal.is_none()) {
                self.go_back_to(place);
            }
        }
    }
}
