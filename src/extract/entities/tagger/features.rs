//! The features the tagger scores each word by, computed by the same code when training
//! and when reading.
//!
//! A feature is a template (what is looked at) plus a value (a word, a suffix, a word
//! class, a gazetteer hit), hashed straight into a row of the weight table: no string is
//! built per word, and an unseen value simply lands on a row that training left near zero.
//! Per-word values are hashed once per region; each feature then mixes two or three of
//! those hashes.

use super::super::model::EntityKind;
use super::super::scan::{Scan, Source};
use super::super::tokens::{Gap, Token};

/// Where a gazetteer or rule name covers a word: as a whole word, first, middle or last.
const SINGLE: u8 = 0;
const FIRST: u8 = 1;
const MIDDLE: u8 = 2;
const LAST: u8 = 3;

/// The gazetteer code of a demonym.
pub const DEMONYM: u8 = 13;

/// Per word: the gazetteer hit covering it before the rules ran (0 none, else a code for
/// kind and position, or [`DEMONYM`]).
pub fn gazetteer_codes(scan: &Scan) -> Vec<u8> {
    (0..scan.tokens.len())
        .map(|i| match scan.covering(i) {
            None => 0,
            Some(c) if c.is_demonym() => DEMONYM,
            Some(c) => 1 + kind_code(c.kind) * 4 + position(i, c.first, c.last),
        })
        .collect()
}

/// Per word: the name covering it after the rules ran, with whether a rule found it.
fn candidate_code(scan: &Scan, i: usize) -> u8 {
    match scan.covering(i) {
        None => 0,
        Some(c) if c.is_demonym() => DEMONYM,
        Some(c) => {
            let rule = if matches!(c.source, Source::Known { .. }) {
                0
            } else {
                14
            };
            1 + rule + kind_code(c.kind) * 4 + position(i, c.first, c.last)
        }
    }
}

fn kind_code(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
    }
}

fn position(i: usize, first: usize, last: usize) -> u8 {
    match (i == first, i == last) {
        (true, true) => SINGLE,
        (true, false) => FIRST,
        (false, true) => LAST,
        (false, false) => MIDDLE,
    }
}

/// What is known of one word before its features are formed.
#[derive(Clone, Copy, Default)]
struct Word {
    text: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    shape: u8,
    class: u16,
    gazetteer: u8,
    candidate: u8,
    gap: u8,
}

/// Stand-ins for the words before the first and after the last of a sentence.
const PAD: Word = Word {
    text: 0x9e37_79b9_7f4a_7c15,
    prefix: [1; 3],
    suffix: [2; 4],
    shape: 255,
    class: 0,
    gazetteer: 255,
    candidate: 255,
    gap: 255,
};

/// The feature rows of every word of a sentence, flattened, with each word's end offset.
#[derive(Default)]
pub struct Features {
    pub rows: Vec<u32>,
    pub ends: Vec<u32>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn of(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.rows[start..self.ends[i] as usize]
    }
}

/// The words of `scan` with their per-word values, ready for [`sentence_features`].
pub struct Words(Vec<Word>);

/// Hashes every word of `scan` once; `gazetteer` comes from [`gazetteer_codes`].
pub fn words(scan: &Scan, gazetteer: &[u8]) -> Words {
    let folded = scan.folded.text.as_str();
    let words = scan
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = t.text(folded);
            let mut w = Word {
                text: hash_bytes(1, text.as_bytes()),
                shape: shape(scan, *t, text),
                class: t.class,
                gazetteer: gazetteer.get(i).copied().unwrap_or(0),
                candidate: candidate_code(scan, i),
                gap: t.gap as u8 * 8 + gap_marks(scan.gap_after(i)),
                ..Word::default()
            };
            affixes(text, &mut w);
            w
        })
        .collect();
    Words(words)
}

/// What punctuation follows a word: none, a comma-like mark, a quote or bracket, other.
fn gap_marks(gap: &str) -> u8 {
    if gap.bytes().all(|b| b == b' ') {
        0
    } else if gap.contains([',', ';', ':']) {
        1
    } else if gap.contains(['"', '\'', '“', '”', '‘', '’', '(', ')']) {
        2
    } else {
        3
    }
}

fn affixes(text: &str, w: &mut Word) {
    let bytes = text.as_bytes();
    let mut ends = text.char_indices().map(|(i, _)| i).skip(1);
    for (n, slot) in w.prefix.iter_mut().enumerate() {
        *slot = match ends.next() {
            Some(e) => hash_bytes(10 + n as u64, &bytes[..e]),
            None => 0,
        };
    }
    let mut starts = text.char_indices().rev().map(|(i, _)| i);
    for (n, slot) in w.suffix.iter_mut().enumerate() {
        *slot = match starts.next() {
            Some(s) if s > 0 => hash_bytes(20 + n as u64, &bytes[s..]),
            _ => 0,
        };
    }
}

/// Script, case and length: Hindi has no capitals, but Latin names do, and digits are
/// never names.
fn shape(scan: &Scan, t: Token, text: &str) -> u8 {
    let chars = text.chars().count().min(6) as u8;
    let script = if text.bytes().all(|b| b.is_ascii_digit()) {
        0
    } else if t.latin {
        let original = &scan.original[scan.original(t.start..t.end)];
        let mut cs = original.chars().filter(|c| c.is_alphabetic());
        match cs.next() {
            Some(c) if c.is_uppercase() => {
                if cs.all(char::is_uppercase) {
                    1
                } else {
                    2
                }
            }
            _ => 3,
        }
    } else if text.is_ascii() {
        4
    } else {
        5
    };
    script * 8 + chars
}

/// Template numbers: each kind of feature hashes differently even for equal values.
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const PREV: u64 = 3;
    pub const PREV2: u64 = 4;
    pub const NEXT: u64 = 5;
    pub const NEXT2: u64 = 6;
    pub const PREV_WORD: u64 = 7;
    pub const WORD_NEXT: u64 = 8;
    pub const PREFIX: u64 = 9;
    pub const SUFFIX: u64 = 13;
    pub const SHAPE: u64 = 18;
    pub const SHAPES: u64 = 19;
    pub const CLASS: u64 = 20;
    pub const CLASS_PREV: u64 = 21;
    pub const CLASS_NEXT: u64 = 22;
    pub const GAPS: u64 = 23;
    pub const GAZ: u64 = 24;
    pub const GAZ_PREV: u64 = 25;
    pub const GAZ_NEXT: u64 = 26;
    pub const CAND: u64 = 27;
    pub const CAND_PREV: u64 = 28;
    pub const CAND_NEXT: u64 = 29;
    pub const GAZ_NEXT_WORD: u64 = 30;
    pub const SUFFIX_NEXT: u64 = 31;
    pub const EDGE: u64 = 32;
    pub const CLASS_NEXT2: u64 = 33;
    pub const PREV_SUFFIX: u64 = 34;
}

/// The features of words `range` of `words` (one sentence), as rows of a table of
/// `2^bits` rows, written into `out`.
pub fn sentence_features(
    words: &Words,
    range: std::ops::Range<usize>,
    bits: u32,
    out: &mut Features,
) {
    out.rows.clear();
    out.ends.clear();
    let ws = &words.0[range.clone()];
    let at = |j: Option<usize>| j.and_then(|j| ws.get(j)).copied().unwrap_or(PAD);
    for i in 0..ws.len() {
        let (w, p, p2) = (ws[i], at(i.checked_sub(1)), at(i.checked_sub(2)));
        let (n, n2) = (at(Some(i + 1)), at(Some(i + 2)));
        let mut push = |template: u64, a: u64, b: u64| {
            out.rows.push(row(mix(mix(template, a), b), bits));
        };
        push(t::BIAS, 0, 0);
        push(t::WORD, w.text, 0);
        push(t::PREV, p.text, 0);
        push(t::PREV2, p2.text, 0);
        push(t::NEXT, n.text, 0);
        push(t::NEXT2, n2.text, 0);
        push(t::PREV_WORD, p.text, w.text);
        push(t::WORD_NEXT, w.text, n.text);
        for (k, &h) in w.prefix.iter().enumerate() {
            if h != 0 {
                push(t::PREFIX + k as u64, h, 0);
            }
        }
        for (k, &h) in w.suffix.iter().enumerate() {
            if h != 0 {
                push(t::SUFFIX + k as u64, h, 0);
            }
        }
        push(t::SHAPE, u64::from(w.shape), 0);
        push(
            t::SHAPES,
            u64::from(p.shape) << 16 | u64::from(w.shape) << 8 | u64::from(n.shape),
            0,
        );
        for (template, class) in [
            (t::CLASS, w.class),
            (t::CLASS_PREV, p.class),
            (t::CLASS_NEXT, n.class),
            (t::CLASS_NEXT2, n2.class),
        ] {
            let mut bits_left = class;
            while bits_left != 0 {
                push(template, u64::from(bits_left.trailing_zeros()), 0);
                bits_left &= bits_left - 1;
            }
        }
        push(t::GAPS, u64::from(w.gap) << 8 | u64::from(n.gap), 0);
        push(t::GAZ, u64::from(w.gazetteer), 0);
        push(t::GAZ_PREV, u64::from(p.gazetteer), u64::from(w.gazetteer));
        push(t::GAZ_NEXT, u64::from(n.gazetteer), u64::from(w.gazetteer));
        push(t::CAND, u64::from(w.candidate), 0);
        push(t::CAND_PREV, u64::from(p.candidate), u64::from(w.candidate));
        push(t::CAND_NEXT, u64::from(n.candidate), u64::from(w.candidate));
        push(t::GAZ_NEXT_WORD, u64::from(w.gazetteer), n.text);
        push(t::SUFFIX_NEXT, w.suffix[1], n.text);
        push(t::PREV_SUFFIX, p.text, w.suffix[1]);
        push(
            t::EDGE,
            u64::from(i == 0) | u64::from(i + 1 == ws.len()) << 1,
            u64::from(w.gap >= Gap::Break as u8 * 8),
        );
        out.ends.push(out.rows.len() as u32);
    }
}

const K: u64 = 0x517c_c1b7_2722_0a95;

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(5) ^ b).wrapping_mul(K)
}

fn row(h: u64, bits: u32) -> u32 {
    // Final avalanche, so the high bits depend on every input bit.
    let h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let h = h ^ (h >> 32);
    (h >> (64 - bits)) as u32
}

/// A word-at-a-time hash of `bytes` (FxHash-like), seeded so prefixes and suffixes of the
/// same bytes differ.
fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = mix(seed, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}
