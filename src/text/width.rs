//! How many terminal columns a piece of text takes, under the rules of the terminal at hand.
//!
//! Terminals disagree about Devanagari: xterm, VTE, Alacritty and tmux store a cell per
//! code point, wezterm caps each (pre-15.1) cluster at two columns, kitty gives a cluster
//! one cell, Ghostty (mode 2027) caps each Unicode 15.1 cluster (conjuncts included) at two.
//! `राष्ट्रपति` is 8, 8, 4 and 7 columns under these rules. A layout that measures with the
//! wrong rule runs text over the neighbouring pane or leaves stale cells, so the reader
//! measures with a [`WidthModel`] chosen at start-up (probe or option), and paints exactly
//! the cells [`WidthModel::cells`] names. This module also fixes what is *shown* for a
//! cluster ([`display_cluster`]): sanitised, with a dotted circle under a stray vowel sign,
//! without invisible characters terminals disagree on.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::text::sanitize::safe_char;

/// The dotted circle fonts use as a stand-in base for a combining mark.
pub const DOTTED_CIRCLE: char = '\u{25cc}';

const ZWJ: char = '\u{200d}';

/// A terminal's rule for storing and measuring a grapheme cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WidthModel {
    /// Each code point with a width gets a cell of its own, zero-width ones join the cell
    /// before (xterm, GNOME Terminal/VTE, Alacritty, tmux): `को` is 2 cells, `राष्ट्रपति` 8.
    #[default]
    PerCodePoint,
    /// Clusters as segmented before Unicode 15.1 (a virama does not join the next
    /// consonant), each capped at 2 columns (wezterm): `राष्ट्रपति` is 8.
    ClusterCappedAt2,
    /// One cell per cluster, two for a wide base such as a CJK ideograph or emoji (kitty):
    /// `राष्ट्रपति` is 4.
    OneCellPerCluster,
    /// Unicode 15.1 clusters (conjuncts are one cluster), each capped at 2 columns
    /// (Ghostty, and terminals in grapheme mode 2027): `राष्ट्रपति` is 7.
    Grapheme2027,
}

impl WidthModel {
    pub const ALL: [Self; 4] = [
        Self::PerCodePoint,
        Self::ClusterCappedAt2,
        Self::OneCellPerCluster,
        Self::Grapheme2027,
    ];

    /// The name used by `--width-model` and the config file.
    pub const fn name(self) -> &'static str {
        match self {
            Self::PerCodePoint => "per-code-point",
            Self::ClusterCappedAt2 => "cluster-capped",
            Self::OneCellPerCluster => "one-cell",
            Self::Grapheme2027 => "mode-2027",
        }
    }

    /// Whether the terminal gives each code point with a width a cell of its own.
    pub const fn splits_clusters(self) -> bool {
        matches!(self, Self::PerCodePoint)
    }

    /// The cells the terminal stores for one displayed cluster (see [`display_cluster`]),
    /// with their widths, left to right. A painter that puts exactly these cells in its
    /// buffer agrees with the terminal about every column.
    pub fn cells(self, shown: &str) -> Cells<'_> {
        Cells {
            model: self,
            rest: shown,
        }
    }

    /// Columns taken by one displayed grapheme cluster.
    pub fn cluster_width(self, shown: &str) -> usize {
        self.cells(shown).map(|(_, w)| w).sum()
    }

    /// Columns taken by `text` as shown: the sum over its clusters' display forms.
    pub fn str_width(self, text: &str) -> usize {
        clusters(text)
            .map(|(_, g)| self.cluster_width(&display_cluster(g, self)))
            .sum()
    }
}

/// Iterator over the terminal cells of a displayed cluster; see [`WidthModel::cells`].
#[derive(Debug, Clone)]
pub struct Cells<'a> {
    model: WidthModel,
    rest: &'a str,
}

impl<'a> Iterator for Cells<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let first = self.rest.chars().next()?;
        let end = match self.model {
            WidthModel::PerCodePoint => next_spacing(self.rest),
            WidthModel::ClusterCappedAt2 => next_legacy_cluster(self.rest),
            WidthModel::OneCellPerCluster | WidthModel::Grapheme2027 => self.rest.len(),
        };
        let (cell, tail) = self.rest.split_at(end);
        self.rest = tail;
        let sum: usize = cell.chars().map(char_width).sum();
        let width = match self.model {
            WidthModel::PerCodePoint => char_width(first),
            WidthModel::ClusterCappedAt2 | WidthModel::Grapheme2027 => sum.min(2),
            WidthModel::OneCellPerCluster if cell.contains('\u{fe0f}') && sum > 0 => 2,
            WidthModel::OneCellPerCluster => char_width(first).max(usize::from(sum > 0)),
        };
        Some((cell, width))
    }
}

/// Byte offset of the next code point with a width after the first one.
fn next_spacing(s: &str) -> usize {
    s.char_indices()
        .skip(1)
        .find(|&(_, c)| char_width(c) > 0)
        .map_or(s.len(), |(i, _)| i)
}

/// End of the first cluster under pre-15.1 rules: a consonant after a virama (and any
/// ZWJ/ZWNJ after it) starts a new cluster.
fn next_legacy_cluster(s: &str) -> usize {
    let mut after_virama = false;
    for (i, c) in s.char_indices().skip(1) {
        if after_virama && char_width(c) > 0 {
            return i;
        }
        after_virama = is_virama(c) || (after_virama && char_width(c) == 0);
    }
    s.len()
}

impl fmt::Display for WidthModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A `--width-model` value that names no model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown width model `{0}` (expected per-code-point, cluster-capped, one-cell or mode-2027)"
)]
pub struct UnknownWidthModel(pub String);

impl FromStr for WidthModel {
    type Err = UnknownWidthModel;

    /// Accepts the model names and the names of terminals known to follow them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "per-code-point" | "code-point" | "xterm" | "vte" | "gnome" | "alacritty" | "tmux" => {
                Ok(Self::PerCodePoint)
            }
            "cluster-capped" | "capped" | "wezterm" => Ok(Self::ClusterCappedAt2),
            "one-cell" | "one-cell-per-cluster" | "kitty" => Ok(Self::OneCellPerCluster),
            "mode-2027" | "2027" | "ghostty" | "contour" => Ok(Self::Grapheme2027),
            _ => Err(UnknownWidthModel(s.to_owned())),
        }
    }
}

/// Extended grapheme clusters of `text` with their byte offsets, except that a
/// whitespace character carrying marks (`" ा"` is one cluster under Unicode) is split
/// into the space and the stray marks, so the space stays a space and the marks get a base.
pub fn clusters(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.grapheme_indices(true).flat_map(|(i, g)| {
        let mut chars = g.char_indices();
        let split = match (chars.next(), chars.next()) {
            (Some((_, c)), Some((j, _))) if c.is_whitespace() => Some(j),
            _ => None,
        };
        let (a, b) = split.map_or((g, ""), |j| g.split_at(j));
        let second = split.map(|j| (i + j, b));
        std::iter::once((i, a)).chain(second)
    })
}

/// Width of one code point as terminals count it: East Asian ambiguous characters (“ ” …)
/// are narrow, controls count 0 (they never reach the screen unsanitised).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Viramas of the Indic scripts: a consonant after one forms a conjunct.
fn is_virama(c: char) -> bool {
    matches!(
        c,
        '\u{094d}'
            | '\u{09cd}'
            | '\u{0a4d}'
            | '\u{0acd}'
            | '\u{0b4d}'
            | '\u{0bcd}'
            | '\u{0c4d}'
            | '\u{0ccd}'
            | '\u{0d4d}'
            | '\u{0dca}'
    )
}

/// Invisible characters dropped from what is shown: terminals disagree on their width
/// (glibc gives the soft hyphen a column, unicode-width none) and they draw nothing.
fn is_dropped(c: char, model: WidthModel) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}')
        // tmux joins whatever follows a ZWJ into the previous cell while other per-code-point
        // terminals do not; without the ZWJ they all agree (the half form shows as a conjunct
        // or a visible virama, which reads the same).
        || (c == ZWJ && model.splits_clusters())
        // Emoji presentation selectors make a narrow symbol wide in some per-code-point
        // terminals (newer tmux, VTE) and not in others; the text form is 1 column in all.
        || (matches!(c, '\u{fe0e}' | '\u{fe0f}') && model.splits_clusters())
}

/// Whether `c` continues whatever cluster precedes it (a vowel sign, virama, nukta, ZWJ...).
pub fn is_continuation(c: char) -> bool {
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let s = std::str::from_utf8(&buf[..len]).unwrap_or("a");
    s.graphemes(true).nth(1).is_none()
}

/// What is put on screen for one grapheme cluster of untrusted text.
///
/// Control characters become visible stand-ins ([`safe_char`]); invisible characters that
/// terminals disagree on are dropped; a cluster that starts with a combining mark (a vowel
/// sign left without its consonant by a scraped line break) gets a dotted circle base so it
/// cannot fuse with whatever happens to be left of it on screen. The result may be empty
/// (the cluster draws nothing and must not be written at all).
pub fn display_cluster(cluster: &str, model: WidthModel) -> Cow<'_, str> {
    let shown = |c: char| safe_char(c, false).filter(|&c| !is_dropped(c, model));
    let Some(first) = cluster.chars().find_map(shown) else {
        return Cow::Borrowed("");
    };
    let stray = is_continuation(first);
    if stray
        && cluster
            .chars()
            .filter_map(shown)
            .all(|c| c == ZWJ || c == '\u{200c}')
    {
        // Nothing but joiners: invisible, and they would join whatever is left of them.
        return Cow::Borrowed("");
    }
    if !stray && cluster.chars().all(|c| shown(c) == Some(c)) {
        return Cow::Borrowed(cluster);
    }
    let mut out = String::with_capacity(cluster.len() + 3);
    if stray {
        out.push(DOTTED_CIRCLE);
    }
    out.extend(cluster.chars().filter_map(shown));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in WidthModel::ALL {
            assert_eq!(m.name().parse::<WidthModel>(), Ok(m));
        }
        assert_eq!("kitty".parse(), Ok(WidthModel::OneCellPerCluster));
        assert!("cjk".parse::<WidthModel>().is_err());
    }

    #[test]
    fn cells_follow_each_model() {
        let cells = |m: WidthModel, s| m.cells(s).collect::<Vec<_>>();
        assert_eq!(
            cells(WidthModel::PerCodePoint, "क्षा"),
            [("क्", 1), ("ष", 1), ("ा", 1)]
        );
        assert_eq!(cells(WidthModel::PerCodePoint, "कुं"), [("कुं", 1)]);
        assert_eq!(
            cells(WidthModel::ClusterCappedAt2, "क्षा"),
            [("क्", 1), ("षा", 2)]
        );
        assert_eq!(cells(WidthModel::Grapheme2027, "क्षा"), [("क्षा", 2)]);
        assert_eq!(cells(WidthModel::OneCellPerCluster, "中"), [("中", 2)]);
    }

    #[test]
    fn stray_marks_get_a_base_and_controls_are_shown() {
        assert_eq!(display_cluster("ा", WidthModel::PerCodePoint), "◌ा");
        assert_eq!(display_cluster("\u{94d}", WidthModel::PerCodePoint), "◌्");
        assert_eq!(display_cluster("\u{1b}", WidthModel::PerCodePoint), "␛");
        assert_eq!(
            display_cluster("\u{200d}", WidthModel::OneCellPerCluster),
            ""
        );
        assert_eq!(
            display_cluster("क्\u{200d}ष", WidthModel::PerCodePoint),
            "क्ष"
        );
        assert_eq!(
            display_cluster("क्\u{200d}ष", WidthModel::Grapheme2027),
            "क्\u{200d}ष"
        );
    }
}
