//! Wrapping text into rows of a given width without ever splitting a grapheme cluster.
//!
//! Terminal autowrap, textwrap's `break_words` and ratatui's `Paragraph` either split
//! Devanagari clusters (`राष्|ट्रपति`) or measure them differently from the terminal, and
//! rows then run over the neighbouring pane. This wrapper works on extended grapheme
//! clusters, measures each one as it will be shown under the terminal's [`WidthModel`],
//! breaks at spaces and after hyphens (never before `।`, `॥` or closing punctuation), breaks
//! an overlong word between clusters only, and keeps the byte span of every row so entity
//! and date spans can be mapped to rows. It is a plain iterator with no terminal in sight.
//! textwrap's splitter and measure are not used (they split clusters and count per code
//! point); its optimal-fit algorithm chooses the breaks among this module's own fragments
//! so paragraphs come out evenly (see the `balance` module).

mod balance;

use crate::span::Span;
use crate::text::width::{self, WidthModel, display_cluster};

/// One wrapped row: the bytes of the original text it shows and the columns they take.
///
/// Whitespace at a break and line terminators are not part of any row. `width` never
/// exceeds the wrap width, except for a row holding a single cluster that is wider than the
/// whole width (a 2-column cluster at width 1), which a painter has to truncate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub span: Span,
    pub width: usize,
    /// Whether the row ends a line of the source text (rather than being broken by the wrap).
    pub ends_line: bool,
}

/// Rows of `text` at `width` columns; see [`Wrap`].
pub fn wrap(text: &str, width: usize, model: WidthModel) -> Wrap<'_> {
    Wrap {
        text,
        width: width.max(1),
        model,
        next_line: Some(0),
        pending: Vec::new(),
    }
}

/// Iterator over the [`Row`]s of a text: every source line gives at least one row (an empty
/// line gives an empty row), and the rows' spans are in text order and do not overlap.
#[derive(Debug, Clone)]
pub struct Wrap<'a> {
    text: &'a str,
    width: usize,
    model: WidthModel,
    /// Byte offset where the next source line starts, `None` once all lines are taken.
    next_line: Option<usize>,
    /// Rows of the current line, reversed so `pop` yields them in order.
    pending: Vec<Row>,
}

impl Iterator for Wrap<'_> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        if let Some(row) = self.pending.pop() {
            return Some(row);
        }
        let start = self.next_line?;
        let rest = &self.text[start..];
        let (line_len, next) = match rest.find('\n') {
            Some(i) => (i, Some(start + i + 1)),
            None => (rest.len(), None),
        };
        self.next_line = next;
        let line = rest[..line_len]
            .strip_suffix('\r')
            .unwrap_or(&rest[..line_len]);
        let mut rows = wrap_line(line, start, self.width, self.model);
        rows.reverse();
        self.pending = rows;
        self.pending.pop()
    }
}

/// What a cluster means for line breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Break opportunity after it; removed at a break.
    Space,
    /// Never break before it, even after spaces (danda, closing punctuation).
    Closing,
    /// Never break after it, even before spaces (opening brackets and quotes).
    Opening,
    /// A break is allowed after it unless a digit follows.
    Hyphen,
    Other,
}

fn classify(cluster: &str) -> Class {
    let mut chars = cluster.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() || first.is_whitespace() {
        match first {
            // No-break spaces glue; other spaces and ZWSP are break opportunities.
            '\u{a0}' | '\u{2007}' | '\u{202f}' => {}
            '\u{200b}' => return Class::Space,
            c if c.is_whitespace() => return Class::Space,
            _ => {}
        }
    }
    match first {
        '।' | '॥' | ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '”' | '’' | '»' | '…'
        | '%' => Class::Closing,
        '(' | '[' | '{' | '“' | '‘' | '«' => Class::Opening,
        '-' | '\u{2010}' | '\u{2013}' | '\u{2014}' => Class::Hyphen,
        _ => Class::Other,
    }
}

struct Cluster {
    start: usize,
    end: usize,
    width: usize,
    class: Class,
    /// A break is allowed just before this cluster.
    break_before: bool,
}

/// Clusters of one line with their classes; a space that carries a stray mark (a space
/// followed by a vowel sign forms one cluster) is split so the space stays a break.
fn clusters(line: &str, model: WidthModel) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::with_capacity(line.len() / 2);
    let mut push = |start: usize, g: &str| {
        out.push(Cluster {
            start,
            end: start + g.len(),
            width: model.cluster_width(&display_cluster(g, model)),
            class: classify(g),
            break_before: false,
        });
    };
    for (i, g) in width::clusters(line) {
        push(i, g);
    }
    // Break opportunities: after a run of spaces, unless what follows is closing or what
    // precedes is opening; after a hyphen that follows a non-space and precedes a non-digit.
    let mut before_spaces = Class::Space;
    for k in 1..out.len() {
        let prev = out[k - 1].class;
        if prev != Class::Space {
            before_spaces = prev;
        }
        let cur = &out[k];
        let allowed = match (prev, cur.class) {
            (_, Class::Space | Class::Closing) => false,
            (Class::Space, _) => before_spaces != Class::Opening,
            (Class::Hyphen, _) => {
                k >= 2
                    && out[k - 2].class != Class::Space
                    && !line[cur.start..].starts_with(|c: char| c.is_ascii_digit())
            }
            _ => false,
        };
        out[k].break_before = allowed;
    }
    out
}

/// Where a row lies among a line's clusters: the first shown, one past the last shown, and
/// where the next row starts looking (the spaces in between vanish at the break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cut {
    first: usize,
    content_end: usize,
    end: usize,
}

fn wrap_line(line: &str, offset: usize, width: usize, model: WidthModel) -> Vec<Row> {
    let cl = clusters(line, model);
    let cuts = balance::balanced(&cl, width).unwrap_or_else(|| first_fit(&cl, 0, cl.len(), width));
    let mut rows: Vec<Row> = cuts
        .iter()
        .map(|c| Row {
            span: Span::new(
                offset + cl[c.first].start,
                offset + cl[c.content_end - 1].end,
            ),
            width: cl[c.first..c.content_end].iter().map(|c| c.width).sum(),
            ends_line: c.end == cl.len(),
        })
        .collect();
    match rows.last_mut() {
        Some(last) => last.ends_line = true,
        None => rows.push(Row {
            span: Span::new(offset, offset),
            width: 0,
            ends_line: true,
        }),
    }
    rows
}

/// Rows of clusters `from..to` filled one after another: each row takes what fits. Linear
/// in the clusters, and what [`balance`] falls back to.
fn first_fit(cl: &[Cluster], from: usize, to: usize, width: usize) -> Vec<Cut> {
    let mut cuts = Vec::new();
    let mut first = from;
    loop {
        // Spaces at the start of a row are dropped.
        while first < to && cl[first].class == Class::Space {
            first += 1;
        }
        if first >= to {
            break;
        }
        let mut used = 0;
        let mut last_break = None;
        let mut end = to;
        for (k, c) in cl.iter().enumerate().take(to).skip(first) {
            if k > first && c.break_before {
                last_break = Some(k);
            }
            if c.class == Class::Space {
                // Spaces may hang past the edge: they disappear at the break.
                used += c.width;
                continue;
            }
            if used + c.width > width {
                end = match last_break {
                    Some(b) => b,
                    // An overlong word: break between clusters, but put at least one
                    // cluster on the row so the loop advances.
                    None => k.max(first + 1),
                };
                break;
            }
            used += c.width;
        }
        let mut content_end = end;
        while content_end > first && cl[content_end - 1].class == Class::Space {
            content_end -= 1;
        }
        cuts.push(Cut {
            first,
            content_end,
            end,
        });
        first = end;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width, WidthModel::PerCodePoint)
            .map(|r| r.span.of(text))
            .collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(rows("राम ने कहा", 6), ["राम ने", "कहा"]);
    }

    #[test]
    fn never_splits_a_conjunct() {
        // राष्ट्रपति is 8 columns: रा(2) ष्ट्र(3) प(1) ति(2).
        assert_eq!(rows("राष्ट्रपति", 4), ["रा", "ष्ट्रप", "ति"]);
    }

    #[test]
    fn danda_stays_with_its_word() {
        assert_eq!(rows("वह घर गया ।", 9), ["वह घर", "गया ।"]);
    }

    #[test]
    fn hyphen_is_a_break() {
        assert_eq!(rows("भारत-पाक", 6), ["भारत-", "पाक"]);
        assert_eq!(rows("x -5", 3), ["x", "-5"]);
    }

    #[test]
    fn lines_and_blank_lines_are_kept() {
        assert_eq!(rows("क\r\n\nख", 5), ["क", "", "ख"]);
    }

    #[test]
    fn space_before_stray_mark_stays_a_break() {
        assert_eq!(rows("कहा ा", 3), ["कहा", "ा"]);
    }
}
