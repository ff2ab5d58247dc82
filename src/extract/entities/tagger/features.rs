//! The features the tagger scores each word by, computed by the same code when training
//! and when reading.
//!
//! A feature is a template (what is looked at) plus a value (a word, a suffix, a word
//! class, a gazetteer hit), hashed straight into a row of the weight table: no string is
//! built per word, and an unseen value simply lands on a row that training left near zero.
//! Per-word values are hashed once per region; each feature then mixes two or three of
//! those hashes.

use super::super::hash::{hash_bytes, mix};
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

/// The kind of the gazetteer name that starts at (or is) the word whose code is `code`: none
/// for a word inside or at the end of one (`कश्मीर` of `जम्मू और कश्मीर`).
pub fn gazetteer_start(code: u8) -> Option<EntityKind> {
    let position = code.checked_sub(1)? % 4;
    gazetteer_kind(code).filter(|_| position == SINGLE || position == FIRST)
}

/// The last word of the gazetteer name that starts at word `t` of `codes` (see
/// [`gazetteer_codes`]): `t` itself for a name of one word.
pub fn gazetteer_end(codes: &[u8], t: usize) -> usize {
    let ends = |c: u8| c == 0 || c == DEMONYM || matches!((c - 1) % 4, SINGLE | LAST);
    (t..codes.len()).find(|&i| ends(codes[i])).unwrap_or(t)
}

/// The kind of the gazetteer hit whose code is `code` (see [`gazetteer_codes`]): none for
/// no hit or a demonym.
pub fn gazetteer_kind(code: u8) -> Option<EntityKind> {
    match code {
        1..=4 => Some(EntityKind::Person),
        5..=8 => Some(EntityKind::Place),
        9..=12 => Some(EntityKind::Organization),
        _ => None,
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
    /// The folded word's [`crate::extract::entities::tokens::Token::hash`].
    text: u64,
    /// Where the folded word is, for its affixes.
    start: u32,
    end: u32,
    shape: u8,
    class: u16,
    gazetteer: u8,
    candidate: u8,
    gap: u8,
}

/// Stand-ins for the words before the first and after the last of a sentence.
const PAD: Word = Word {
    text: 0x9e37_79b9_7f4a_7c15,
    start: 0,
    end: 0,
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
pub struct Words<'a> {
    words: Vec<Word>,
    folded: &'a str,
}

impl Words<'_> {
    /// The word `d` places from word `i` of the sentence `range`, or [`PAD`] outside it.
    fn at(&self, range: &std::ops::Range<usize>, i: usize, d: isize) -> Word {
        match i.checked_add_signed(d) {
            Some(j) if j < range.len() => self.words[range.start + j],
            _ => PAD,
        }
    }

    fn affixes(&self, w: Word) -> Affixes {
        Affixes::of(&self.folded[w.start as usize..w.end as usize])
    }
}

/// Hashes of a word's first 1-3 and last 1-4 characters (0 where the word is too short).
#[derive(Clone, Copy, Default)]
pub struct Affixes {
    prefix: [u64; 3],
    suffix: [u64; 4],
}

impl Affixes {
    fn of(text: &str) -> Self {
        let mut a = Self::default();
        let bytes = text.as_bytes();
        let mut ends = text.char_indices().map(|(i, _)| i).skip(1);
        for (n, slot) in a.prefix.iter_mut().enumerate() {
            *slot = match ends.next() {
                Some(e) => hash_bytes(10 + n as u64, &bytes[..e]),
                None => 0,
            };
        }
        let mut starts = text.char_indices().rev().map(|(i, _)| i);
        for (n, slot) in a.suffix.iter_mut().enumerate() {
            *slot = match starts.next() {
                Some(s) if s > 0 => hash_bytes(20 + n as u64, &bytes[s..]),
                _ => 0,
            };
        }
        a
    }
}

/// Reads every word of `scan` once; `gazetteer` comes from [`gazetteer_codes`].
pub fn words<'a>(scan: &'a Scan, gazetteer: &[u8]) -> Words<'a> {
    let folded = scan.folded.text.as_str();
    let words = scan
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| Word {
            text: t.hash,
            start: t.start as u32,
            end: t.end as u32,
            shape: shape(scan, *t, t.text(folded)),
            class: t.class,
            gazetteer: gazetteer.get(i).copied().unwrap_or(0),
            candidate: candidate_code(scan, i),
            gap: t.gap as u8 * 8 + gap_marks(scan.gap_after(i)),
        })
        .collect();
    Words { words, folded }
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

/// Which neighbour a word is seen as, for the features that look at one word alone.
#[derive(Clone, Copy)]
pub enum Seat {
    /// The word being tagged itself.
    Own = 0,
    Prev = 1,
    Prev2 = 2,
    Next = 3,
    Next2 = 4,
}

pub const SEATS: [Seat; 5] = [Seat::Own, Seat::Prev, Seat::Prev2, Seat::Next, Seat::Next2];

/// The rows of the features that look only at word `w` sitting at `seat` (its text, its
/// affixes, its word classes). They are the same wherever the word occurs, so the tagger
/// sums their weights once per distinct word (see [`super::weights::WordCache`]).
fn word_rows(w: Word, a: &Affixes, seat: Seat, bits: u32, push: &mut dyn FnMut(u32)) {
    let mut add = |template: u64, value: u64| push(row(mix(mix(template, value), 0), bits));
    let (text, class) = match seat {
        Seat::Own => {
            // The same row as [`bias_row`].
            add(t::BIAS, 0);
            for (k, &h) in a.prefix.iter().enumerate() {
                if h != 0 {
                    add(t::PREFIX + k as u64, h);
                }
            }
            for (k, &h) in a.suffix.iter().enumerate() {
                if h != 0 {
                    add(t::SUFFIX + k as u64, h);
                }
            }
            (t::WORD, t::CLASS)
        }
        Seat::Prev => (t::PREV, t::CLASS_PREV),
        Seat::Prev2 => (t::PREV2, 0),
        Seat::Next => (t::NEXT, t::CLASS_NEXT),
        Seat::Next2 => (t::NEXT2, t::CLASS_NEXT2),
    };
    add(text, w.text);
    if class != 0 {
        let mut bits_left = w.class;
        while bits_left != 0 {
            add(class, u64::from(bits_left.trailing_zeros()));
            bits_left &= bits_left - 1;
        }
    }
}

/// The rows of the features that look at a word in its context (pairs of words, shapes,
/// punctuation, gazetteer and rule verdicts, the sentence edges). `suffix` is the word's
/// two-character suffix hash.
fn context_rows(
    (p, w, n): (Word, Word, Word),
    suffix: u64,
    i: usize,
    len: usize,
    bits: u32,
    push: &mut impl FnMut(u32),
) {
    let mut add = |template: u64, a: u64, b: u64| push(row(mix(mix(template, a), b), bits));
    add(t::PREV_WORD, p.text, w.text);
    add(t::WORD_NEXT, w.text, n.text);
    add(t::SHAPE, u64::from(w.shape), 0);
    add(
        t::SHAPES,
        u64::from(p.shape) << 16 | u64::from(w.shape) << 8 | u64::from(n.shape),
        0,
    );
    add(t::GAPS, u64::from(w.gap) << 8 | u64::from(n.gap), 0);
    add(t::GAZ, u64::from(w.gazetteer), 0);
    add(t::GAZ_PREV, u64::from(p.gazetteer), u64::from(w.gazetteer));
    add(t::GAZ_NEXT, u64::from(n.gazetteer), u64::from(w.gazetteer));
    add(t::CAND, u64::from(w.candidate), 0);
    add(t::CAND_PREV, u64::from(p.candidate), u64::from(w.candidate));
    add(t::CAND_NEXT, u64::from(n.candidate), u64::from(w.candidate));
    add(t::GAZ_NEXT_WORD, u64::from(w.gazetteer), n.text);
    add(t::SUFFIX_NEXT, suffix, n.text);
    add(t::PREV_SUFFIX, p.text, suffix);
    add(
        t::EDGE,
        u64::from(i == 0) | u64::from(i + 1 == len) << 1,
        u64::from(w.gap >= Gap::Break as u8 * 8),
    );
}

/// The features of words `range` of `words` (one sentence), as rows of a table of
/// `2^bits` rows, written into `out` (for training, which updates each row).
pub fn sentence_features(
    words: &Words,
    range: std::ops::Range<usize>,
    bits: u32,
    out: &mut Features,
) {
    out.rows.clear();
    out.ends.clear();
    let len = range.len();
    for i in 0..len {
        let at = |d: isize| words.at(&range, i, d);
        let w = at(0);
        let a = words.affixes(w);
        let mut push = |r| out.rows.push(r);
        for (seat, d) in SEATS.into_iter().zip([0, -1, -2, 1, 2]) {
            let v = at(d);
            let av = if d == 0 { a } else { Affixes::default() };
            word_rows(v, &av, seat, bits, &mut push);
        }
        context_rows((at(-1), w, at(1)), a.suffix[1], i, len, bits, &mut push);
        out.ends.push(out.rows.len() as u32);
    }
}

/// Every tag's score (before the model's scale) for every word of a sentence, into `out`
/// (`TAGS` sums a word). Gives what summing [`sentence_features`]' rows gives, but takes
/// the one-word features of each word from `cache`, so a frequent word's affixes are
/// neither hashed nor looked up again.
pub fn sentence_sums(
    words: &Words,
    range: std::ops::Range<usize>,
    model: &super::weights::Model,
    cache: &mut super::weights::WordCache,
    out: &mut Vec<[i32; 8]>,
) {
    out.clear();
    let len = range.len();
    let bits = model.bits;
    for i in 0..len {
        let at = |d: isize| words.at(&range, i, d);
        let w = at(0);
        let mut sum = [0i32; 8];
        let mut suffix = 0;
        for (seat, d) in SEATS.into_iter().zip([0, -1, -2, 1, 2]) {
            let v = at(d);
            let entry = cache.get(model, v.text, seat, |push| {
                let a = if d == 0 {
                    words.affixes(v)
                } else {
                    Affixes::default()
                };
                word_rows(v, &a, seat, bits, push);
                a.suffix[1]
            });
            for (s, e) in sum.iter_mut().zip(entry.0) {
                *s += e;
            }
            if d == 0 {
                suffix = entry.1;
            }
        }
        context_rows((at(-1), w, at(1)), suffix, i, len, bits, &mut |r| {
            model.add_row(&mut sum, r);
        });
        out.push(sum);
    }
}

/// The row of the feature every word has (its bias) in a table of `2^bits` rows.
pub fn bias_row(bits: u32) -> u32 {
    row(mix(mix(t::BIAS, 0), 0), bits)
}

fn row(h: u64, bits: u32) -> u32 {
    // Final avalanche, so the high bits depend on every input bit.
    let h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let h = h ^ (h >> 32);
    (h >> (64 - bits)) as u32
}

#[cfg(test)]
mod tests {
    use super::super::super::gazetteer::matcher;
    use super::super::weights::WordCache;
    use super::super::{model, prepare, sentences};
    use super::*;

    #[test]
    fn a_gazetteer_code_gives_back_its_kind() {
        let (scan, gaz) = prepare(matcher(), "व्लादिमीर पुतिन ने भारत में भाजपा से बात की");
        let kinds: Vec<_> = gaz.codes.iter().map(|&c| gazetteer_kind(c)).collect();
        let words: Vec<&str> = (0..scan.tokens.len()).map(|t| scan.text(t)).collect();
        assert_eq!(
            kinds[0],
            Some(EntityKind::Person),
            "{words:?} {:?}",
            gaz.codes
        );
        assert_eq!(kinds[1], Some(EntityKind::Person));
        assert_eq!(kinds[2], None);
        assert_eq!(kinds[3], Some(EntityKind::Place));
        assert_eq!(kinds[5], Some(EntityKind::Organization));
        assert_eq!(gazetteer_kind(DEMONYM), None);
    }

    #[test]
    fn cached_sums_score_as_the_full_feature_rows() {
        let text = "रूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा कि Reuters और बीबीसी हिंदी। \
                    पुतिन ने फिर कहा, राष्ट्रपति पुतिन मास्को गए।";
        let (scan, gaz) = prepare(matcher(), text);
        let ws = words(&scan, &gaz.codes);
        let m = model();
        let mut cache = WordCache::default();
        let (mut feats, mut slow, mut sums) = (Features::default(), Vec::new(), Vec::new());
        // The second pass is served from the cache the first one filled.
        for _ in 0..2 {
            for range in sentences(&scan) {
                sentence_features(&ws, range.clone(), m.bits, &mut feats);
                m.emissions(&feats, &mut slow);
                sentence_sums(&ws, range.clone(), m, &mut cache, &mut sums);
                let fast: Vec<f32> = sums.iter().flat_map(|s| m.scaled(s)).collect();
                assert_eq!(fast, slow);
                assert!(slow.iter().any(|&e| e != 0.0));
            }
        }
    }
}
