//! Balanced paragraphs: breaks chosen over the whole line so rows come out of similar
//! length, instead of each row taking all that fits and leaving a ragged short one.
//!
//! The wrapper's own fragments (a word with the spaces after it, measured by the width
//! model) are handed to textwrap's optimal-fit algorithm, which minimises the squared gaps
//! at the row ends. Fragments wider than the row are first cut between clusters, so no
//! cluster is ever split; any row the algorithm lets overflow sends the whole line back to
//! first fit, so no row is ever wider than the width. Lines of more than
//! [`MAX_FRAGMENTS`] fragments are left to first fit: optimal fit costs several times as
//! much per fragment, and a scraped page on one line must stay cheap to lay out.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_optimal_fit};

use super::{Class, Cluster, Cut, first_fit};

/// The longest line (in fragments, about words) laid out by optimal fit. News paragraphs
/// have a few hundred words at most.
pub const MAX_FRAGMENTS: usize = 4096;

/// A word and the spaces after it, as cluster indices and columns.
#[derive(Debug, Clone, Copy)]
struct Word {
    cut: Cut,
    width: usize,
    spaces: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.spaces as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

fn columns(cl: &[Cluster]) -> usize {
    cl.iter().map(|c| c.width).sum()
}

/// The line's words: runs of clusters between break opportunities, an overlong one cut
/// into row-sized pieces; `None` when there are none or too many for optimal fit.
fn words(cl: &[Cluster], width: usize) -> Option<Vec<Word>> {
    let mut words = Vec::new();
    let mut k = cl.iter().position(|c| c.class != Class::Space)?;
    while k < cl.len() {
        let end = (k + 1..cl.len())
            .find(|&j| cl[j].break_before)
            .unwrap_or(cl.len());
        let mut content_end = end;
        while content_end > k && cl[content_end - 1].class == Class::Space {
            content_end -= 1;
        }
        let cut = Cut {
            first: k,
            content_end,
            end,
        };
        if columns(&cl[k..content_end]) <= width {
            words.push(word(cl, cut));
        } else {
            words.extend(
                first_fit(cl, k, end, width)
                    .into_iter()
                    .map(|c| word(cl, c)),
            );
        }
        if words.len() > MAX_FRAGMENTS {
            return None;
        }
        k = end;
    }
    Some(words)
}

fn word(cl: &[Cluster], cut: Cut) -> Word {
    Word {
        cut,
        width: columns(&cl[cut.first..cut.content_end]),
        spaces: columns(&cl[cut.content_end..cut.end]),
    }
}

/// Rows of a line's clusters with balanced breaks, or `None` when the line is to be left
/// to first fit (too long, or optimal fit let a row overflow).
pub(super) fn balanced(cl: &[Cluster], width: usize) -> Option<Vec<Cut>> {
    let words = words(cl, width)?;
    let penalties = Penalties {
        // Overflow must never be the cheaper choice: every word fits a row on its own.
        overflow_penalty: 1 << 40,
        ..Penalties::new()
    };
    let lines = wrap_optimal_fit(&words, &[width as f64], &penalties).ok()?;
    let mut cuts = Vec::with_capacity(lines.len());
    for line in lines {
        let (first, last) = (line.first()?, line.last()?);
        let cut = Cut {
            first: first.cut.first,
            content_end: last.cut.content_end,
            end: last.cut.end,
        };
        let lone = cut.content_end - cut.first == 1;
        if columns(&cl[cut.first..cut.content_end]) > width && !lone {
            return None;
        }
        cuts.push(cut);
    }
    Some(cuts)
}

#[cfg(test)]
mod tests {
    use crate::text::width::WidthModel;
    use crate::text::wrap::wrap;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width, WidthModel::PerCodePoint)
            .map(|r| r.span.of(text))
            .collect()
    }

    #[test]
    fn evens_out_rows_first_fit_would_leave_ragged() {
        // First fit: "aaa bb" / "cc" / "ddddd": a 2-column row between two full ones.
        assert_eq!(rows("aaa bb cc ddddd", 6), ["aaa", "bb cc", "ddddd"]);
    }

    #[test]
    fn overlong_words_are_cut_between_clusters() {
        assert_eq!(rows("क राष्ट्रपति", 4), ["क रा", "ष्ट्रप", "ति"]);
    }

    #[test]
    fn a_line_with_too_many_words_is_filled_first_fit() {
        let balanced = "aaa bb cc ddddd ".repeat(super::MAX_FRAGMENTS / 4);
        assert_eq!(rows(&balanced, 6)[..3], ["aaa", "bb cc", "ddddd"]);
        let long = "aaa bb cc ddddd ".repeat(super::MAX_FRAGMENTS / 4 + 1);
        assert_eq!(rows(&long, 6)[..3], ["aaa bb", "cc", "ddddd"]);
    }
}
