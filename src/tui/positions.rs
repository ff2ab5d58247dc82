//! Where each article was left in this session, so going back to one opens it where its
//! reading stopped (trial 54: a long article came back at its top after another was
//! opened), as the next start does for the last article.

use std::collections::{HashMap, VecDeque};

/// How many articles' positions are kept; the one left longest ago goes first.
const KEPT: usize = 256;

/// Reading positions (the reader's anchor and row) by article id.
#[derive(Debug, Default)]
pub struct Positions {
    at: HashMap<u64, (usize, usize)>,
    /// Ids, the one left longest ago first.
    order: VecDeque<u64>,
}

impl Positions {
    /// Notes that article `id` was left at `place`; the top of an article is forgotten.
    pub fn leave(&mut self, id: u64, place: (usize, usize)) {
        if self.at.remove(&id).is_some() {
            self.order.retain(|&i| i != id);
        }
        if place == (0, 0) {
            return;
        }
        self.at.insert(id, place);
        self.order.push_back(id);
        while self.order.len() > KEPT {
            if let Some(old) = self.order.pop_front() {
                self.at.remove(&old);
            }
        }
    }

    /// Where article `id` was left (its top if it was not).
    pub fn of(&self, id: u64) -> (usize, usize) {
        self.at.get(&id).copied().unwrap_or_default()
    }

    /// Forgets every position (a fresh start).
    pub fn clear(&mut self) {
        self.at.clear();
        self.order.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_kept_until_the_oldest_goes() {
        let mut p = Positions::default();
        p.leave(1, (500, 2));
        p.leave(2, (0, 0));
        assert_eq!(p.of(1), (500, 2));
        assert_eq!(p.of(2), (0, 0));
        // Left at its top: forgotten.
        p.leave(1, (0, 0));
        assert_eq!(p.of(1), (0, 0));
        for id in 0..=KEPT as u64 {
            p.leave(id, (10, 0));
        }
        assert_eq!(p.of(0), (0, 0), "the oldest went");
        assert_eq!(p.of(KEPT as u64), (10, 0));
        assert_eq!(p.at.len(), KEPT);
        // Leaving one again makes it the newest.
        p.leave(1, (20, 0));
        p.leave(1000, (30, 0));
        assert_eq!(p.of(1), (20, 0));
        p.clear();
        assert_eq!(p.of(1), (0, 0));
    }
}
