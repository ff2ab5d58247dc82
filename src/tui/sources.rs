//! The source filter (`S`): a picker of every publisher and feed in the corpus with its
//! number of articles, narrowed as you type (folded, so `bbc` finds `BBC Hindi`); `Enter`
//! adds a `source:` chip beside the person and date filters.

use super::action::Action;
use super::app::App;
use super::filters::Chip;
use super::modal::{Modal, PromptKey};
use crate::text::fold::fold;

impl App {
    pub fn open_source_filter(&mut self) {
        self.modal = Some(Modal::Source {
            query: String::new(),
            cursor: 0,
        });
    }

    /// The sources the picker lists for `query`, most articles first.
    pub fn source_items(&self, query: &str) -> Vec<(String, usize)> {
        let q = fold(query.trim());
        self.corpus
            .index
            .sources()
            .into_iter()
            .filter(|(s, _)| q.is_empty() || fold(s).contains(q.as_str()))
            .collect()
    }

    pub(super) fn source_key(
        &mut self,
        key: PromptKey,
        mut query: String,
        mut cursor: usize,
    ) -> Option<Modal> {
        match key {
            PromptKey::Act(Action::PromptCancel) => return None,
            PromptKey::Act(Action::PromptAccept) => {
                if let Some((name, _)) = self.source_items(&query).into_iter().nth(cursor) {
                    self.add_chip(Chip::Source(name));
                }
                return None;
            }
            key => super::modal::edit_list_query(key, &mut query, &mut cursor),
        }
        let len = self.source_items(&query).len();
        Some(Modal::Source {
            cursor: cursor.min(len.saturating_sub(1)),
            query,
        })
    }
}
