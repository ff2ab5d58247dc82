//! Cutting long regions into pieces, so the memory a scan takes is bounded by the piece and
//! not by the article (a 50 MB paragraph would otherwise be folded, tokenized and tagged as
//! one scan of several hundred megabytes).
//!
//! A name never crosses a sentence end, so a piece ends at one (`।`, `?`, `!`, a line
//! break, or a full stop followed by a space) when the region has one within reach; else
//! after a postposition or verb that no name holds (`ने`, `को`, `है`…); else at a space,
//! where at worst a name in text without either is cut in two; else (a line with no
//! spaces, which holds no names anyway) at any character boundary. Regions of ordinary
//! articles are far below the bound and are never cut.

use crate::span::Span;

/// The most bytes of text one scan covers.
pub const PIECE_BYTES: usize = 64 * 1024;

/// The valid `regions` of `text`, long ones cut into pieces of at most [`PIECE_BYTES`].
pub fn pieces<'r>(
    text: &'r str,
    regions: impl IntoIterator<Item = Span> + 'r,
) -> impl Iterator<Item = Span> + 'r {
    regions
        .into_iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .flat_map(move |r| cut(text, r, PIECE_BYTES))
}

/// `region` cut into pieces of at most `max` bytes (a single character longer than `max`
/// stays whole).
fn cut(text: &str, region: Span, max: usize) -> impl Iterator<Item = Span> + '_ {
    let mut start = region.start;
    std::iter::from_fn(move || {
        if start >= region.end {
            return None;
        }
        let end = if region.end - start <= max {
            region.end
        } else {
            cut_point(text, start, start + max)
        };
        let piece = Span::new(start, end);
        start = end;
        Some(piece)
    })
}

/// Words after which a piece may end in text with no sentence end: postpositions and
/// verbs, frequent in any Hindi text and part of no name.
const BREAKING_WORDS: [&str; 12] = [
    "ने",
    "को",
    "है",
    "हैं",
    "था",
    "थी",
    "थे",
    "कहा",
    "गया",
    "गई",
    "हुआ",
    "हुई",
];

/// Where to end a piece that starts at `start` and may reach `limit` (< the region's end):
/// after the last sentence end before `limit`, else after the last space, else at the last
/// character boundary; always past `start`.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let sentence_end = window
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '।' | '?' | '!' | '\n' | '॥')
                || (c == '.' && window[i + 1..].starts_with(' '))
        })
        .map(|(i, c)| start + i + c.len_utf8());
    let spaces = || {
        window
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, c)| (i, start + i + c.len_utf8()))
    };
    // A space right after a word no name holds: a name written beside it is not cut.
    // Only the first space after a word is looked at, and the word before it read back to
    // its start, so the scan reads each byte of the window a bounded number of times
    // (a run of a million spaces was read back whole at each of its spaces).
    let after_breaking_word = || {
        spaces()
            .find(|&(i, _)| {
                let before = &window[..i];
                if before.chars().next_back().is_none_or(char::is_whitespace) {
                    return false;
                }
                let word = before
                    .rfind(char::is_whitespace)
                    .map_or(before, |j| &before[j..])
                    .trim_start();
                BREAKING_WORDS.contains(&word)
            })
            .map(|(_, end)| end)
    };
    let space = || spaces().next().map(|(_, end)| end);
    match sentence_end.or_else(after_breaking_word).or_else(space) {
        Some(end) if end > start => end,
        // No sentence end or space: any boundary past `start` (a character wider than the
        // limit is taken whole).
        _ if limit > start => limit,
        _ => start + text[start..].chars().next().map_or(1, char::len_utf8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str, max: usize) -> Vec<&str> {
        cut(text, Span::new(0, text.len()), max)
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn a_short_region_is_one_piece() {
        assert_eq!(cuts("राम आए। श्याम गए।", 1000), vec!["राम आए। श्याम गए।"]);
    }

    #[test]
    fn long_regions_end_at_sentence_ends_then_spaces_then_anywhere() {
        let text = "राम आए। श्याम गए। सीता";
        let got = cuts(text, 30);
        assert_eq!(got.concat(), text);
        assert!(got.iter().all(|p| p.len() <= 30), "{got:?}");
        assert_eq!(got[0], "राम आए।");
        assert_eq!(cuts("aaa bbb ccc", 5), vec!["aaa ", "bbb ", "ccc"]);
        assert_eq!(cuts("abcdefgh", 3), vec!["abc", "def", "gh"]);
        // A character longer than the limit is never split.
        assert_eq!(cuts("कक", 2), vec!["क", "क"]);
    }

    /// Trial 43: a paragraph of 20,000 sentences with no sentence end was cut at the last
    /// space before the bound, inside a name, and the name counted as two.
    #[test]
    fn without_a_sentence_end_a_piece_ends_after_a_word_no_name_holds() {
        let sentence = "बारिश में राम कुमार ने भाषण दिया और ";
        let text = sentence.repeat(20);
        // Every window holds a whole sentence, so a breaking word.
        for max in [sentence.len() + 1, 150, 200, 250, 333] {
            let got = cuts(&text, max);
            assert_eq!(got.concat(), text);
            for piece in &got {
                assert!(
                    !piece.ends_with("राम ") && !piece.starts_with("कुमार"),
                    "cut inside the name at {max}: {got:?}"
                );
            }
        }
    }

    /// A long run of spaces (or of `&nbsp;` made spaces) is cut in time linear in its
    /// length: with a bound of 64 KiB, a run of 4 MB ran for minutes when each space read
    /// the run before it back. Counted, not timed: the pieces come out whole and few.
    #[test]
    fn a_run_of_spaces_is_cut_whole() {
        for space in [" ", "\u{a0}"] {
            let text = format!("ने{}ख", space.repeat(1 << 20));
            let got = cut(&text, Span::new(0, text.len()), PIECE_BYTES)
                .map(|s| s.of(&text))
                .collect::<Vec<_>>();
            assert_eq!(got.concat(), text);
            assert!(
                got.len() <= text.len() / (PIECE_BYTES / 2) + 2,
                "{}",
                got.len()
            );
        }
    }

    #[test]
    fn every_piece_is_within_the_bound_and_nothing_is_lost() {
        let text = "शब्द ".repeat(50_000) + &"क".repeat(100_000);
        let region = [Span::new(0, text.len())];
        let mut at = 0;
        for p in pieces(&text, region.iter().copied()) {
            assert_eq!(p.start, at);
            assert!(p.end - p.start <= PIECE_BYTES);
            at = p.end;
        }
        assert_eq!(at, text.len());
    }
}
