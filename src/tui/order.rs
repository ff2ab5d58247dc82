//! The whole list's order, kept from the last time all of it was sorted, so that a filter
//! puts its articles in order without comparing dates and paths again.
//!
//! Sorting a person's 163,000 articles of a million by date, ties by path, took 95 ms of a
//! key press; a walk of the kept order (or a sort on ranks, for a small selection) takes a
//! few. The order is keyed on the sort and on how many articles there are and how many are
//! live: articles are only ever appended or withdrawn (a changed file's come back as new
//! ones), so any change to the list changes the key.

use crate::index::Sort;

/// What an order was made for: the sort, the number of articles, the number live.
pub type OrderKey = (Sort, usize, usize);

/// Every live article in list order, and each article's place in it.
#[derive(Debug, Clone)]
pub struct Order {
    pub key: OrderKey,
    all: Vec<u32>,
    rank: Vec<u32>,
}

impl Order {
    /// The order of `sorted`, every live article of `count` in list order.
    pub fn of(key: OrderKey, sorted: &[u32], count: usize) -> Self {
        let mut rank = vec![u32::MAX; count];
        for (i, &d) in sorted.iter().enumerate() {
            if let Some(r) = rank.get_mut(d as usize) {
                *r = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        Self {
            key,
            all: sorted.to_vec(),
            rank,
        }
    }

    /// Puts `docs` (live articles) in list order.
    pub fn arrange(&self, docs: &mut Vec<u32>) {
        // A large selection is picked out of the whole order in one pass; a small one is
        // sorted by rank (n log n on a few thousand beats a pass over a million).
        if docs.len().saturating_mul(16) >= self.all.len() {
            let mut kept = vec![false; self.rank.len()];
            for &d in docs.iter() {
                if let Some(k) = kept.get_mut(d as usize) {
                    *k = true;
                }
            }
            docs.clear();
            docs.extend(self.all.iter().filter(|&&d| kept[d as usize]));
        } else {
            let rank = |d: &u32| self.rank.get(*d as usize).copied().unwrap_or(u32::MAX);
            docs.sort_unstable_by_key(rank);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arranged(order: &Order, mut docs: Vec<u32>) -> Vec<u32> {
        order.arrange(&mut docs);
        docs
    }

    #[test]
    fn a_selection_comes_out_in_the_order_of_the_whole_list_however_large() {
        // Articles 0..400 in a scrambled order; 5 and 7 are withdrawn (not in it).
        let sorted: Vec<u32> = (0..400u32)
            .map(|i| (i * 17) % 400)
            .filter(|&d| d != 5 && d != 7)
            .collect();
        let order = Order::of((Sort::Newest, 400, 398), &sorted, 400);
        // A small selection (sorted by rank: 3 * 16 < 398) and a large one (picked out
        // of the order).
        let small = vec![3, 334, 17];
        let large: Vec<u32> = (0..400).filter(|d| d % 2 == 0 && *d != 6).collect();
        for docs in [small, large] {
            let want: Vec<u32> = sorted
                .iter()
                .copied()
                .filter(|d| docs.contains(d))
                .collect();
            assert_eq!(arranged(&order, docs), want);
        }
    }
}
