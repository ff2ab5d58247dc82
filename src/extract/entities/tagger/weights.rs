//! The tagger's model file: a fixed header, the transition scores and a hashed table of
//! quantised feature weights.
//!
//! Layout (little endian): `KNER`, version (1), table bits, tag count, a zero byte, the
//! weight scale (f32), `(tags + 1) * tags` transition scores (f32, row 0 the sentence
//! start), then `2^bits * tags` weights (i16, multiplied by the scale when read).

use std::sync::atomic::{AtomicU64, Ordering};

use thiserror::Error;

use super::super::hash::mix;
use super::decode::TAGS;
use super::features::{Features, Seat};

const MAGIC: &[u8; 4] = b"KNER";
const VERSION: u8 = 1;
const HEADER: usize = 12;

/// Why a model file was not read.
#[derive(Debug, Error)]
pub enum ModelError {
    /// The file does not start with `KNER` and version 1.
    #[error("not a khabar tagger model (version {0})")]
    Format(u8),
    /// The header's sizes disagree with the file's length or the tag set.
    #[error("tagger model is {len} bytes, its header asks for {want}")]
    Size { len: usize, want: usize },
}

/// A decoded model, ready to score words.
pub struct Model {
    pub bits: u32,
    pub scale: f32,
    pub trans: Vec<f32>,
    pub weights: Vec<i16>,
    /// `weights` with each row padded to 8, so a row is one aligned load and one vector add.
    rows: Vec<[i16; 8]>,
    /// Tells models apart, so a [`WordCache`] never serves one model's sums for another.
    id: u64,
}

impl Model {
    pub fn from_bytes(b: &[u8]) -> Result<Self, ModelError> {
        if b.len() < HEADER || &b[..4] != MAGIC || b[4] != VERSION {
            return Err(ModelError::Format(b.get(4).copied().unwrap_or(0)));
        }
        let bits = u32::from(b[5]);
        let tags = usize::from(b[6]);
        let n_trans = (TAGS + 1) * TAGS;
        let rows = 1usize.checked_shl(bits).unwrap_or(usize::MAX / 4);
        let want = HEADER + n_trans * 4 + rows.saturating_mul(TAGS * 2);
        if tags != TAGS || bits > 30 || b.len() != want {
            return Err(ModelError::Size { len: b.len(), want });
        }
        let f32_at = |o: usize| f32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
        let scale = f32_at(8);
        let trans = (0..n_trans).map(|k| f32_at(HEADER + 4 * k)).collect();
        let weights = b[HEADER + n_trans * 4..]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Self::new(bits, scale, trans, weights))
    }

    pub fn new(bits: u32, scale: f32, trans: Vec<f32>, weights: Vec<i16>) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let rows = weights
            .chunks_exact(TAGS)
            .map(|r| {
                let mut row = [0i16; 8];
                row[..TAGS].copy_from_slice(r);
                row
            })
            .collect();
        Self {
            bits,
            scale,
            trans,
            weights,
            rows,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.trans.len() * 4 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, self.bits as u8, TAGS as u8, 0]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Every tag's score for every word of a sentence, into `out` (`out[i * TAGS + tag]`).
    pub fn emissions(&self, feats: &Features, out: &mut Vec<f32>) {
        out.clear();
        for i in 0..feats.len() {
            let mut sum = [0i32; 8];
            for &r in feats.of(i) {
                self.add_row(&mut sum, r);
            }
            out.extend(self.scaled(&sum));
        }
    }

    /// Adds the weights of row `r` to `sum`.
    pub fn add_row(&self, sum: &mut [i32; 8], r: u32) {
        for (s, &w) in sum.iter_mut().zip(&self.rows[r as usize]) {
            *s += i32::from(w);
        }
    }

    /// The tag scores of a word whose rows' weights add up to `sum`.
    pub fn scaled(&self, sum: &[i32; 8]) -> impl Iterator<Item = f32> + use<> {
        let scale = self.scale;
        let sum = *sum;
        (0..TAGS).map(move |t| sum[t] as f32 * scale)
    }
}

/// Summed weights of the one-word features of recently seen words, by word and seat.
///
/// News text repeats its words (a few hundred make half of it), and the features that look
/// at one word alone (the word, its affixes, its classes, as itself or as a neighbour) are
/// a third of a word's features; summing them once per distinct word instead of once per
/// occurrence also skips hashing the affixes. Direct-mapped and fixed in size, so it costs
/// nothing to keep per thread.
pub struct WordCache {
    model: u64,
    slots: Vec<Slot>,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    used: bool,
    suffix: u64,
    sum: [i32; 8],
}

const CACHE_SLOTS: usize = 1 << 13;

impl Default for WordCache {
    fn default() -> Self {
        Self {
            model: 0,
            slots: vec![Slot::default(); CACHE_SLOTS],
        }
    }
}

impl WordCache {
    /// The summed weights of word `text` at `seat`, and the value `fill` returned for it;
    /// on a miss `fill` pushes the word's rows and returns that value. (Inlined: it is
    /// called for every word of every passage, and a call across code units cost a tenth
    /// of the tagger's features when a new module moved it.)
    #[inline]
    pub fn get(
        &mut self,
        model: &Model,
        text: u64,
        seat: Seat,
        fill: impl FnOnce(&mut dyn FnMut(u32)) -> u64,
    ) -> ([i32; 8], u64) {
        if self.model != model.id {
            self.slots.fill(Slot::default());
            self.model = model.id;
        }
        let key = mix(text, seat as u64 + 1);
        let slot = &mut self.slots[(key >> 51) as usize & (CACHE_SLOTS - 1)];
        if !(slot.used && slot.key == key) {
            let mut sum = [0i32; 8];
            let suffix = fill(&mut |r| model.add_row(&mut sum, r));
            *slot = Slot {
                key,
                used: true,
                suffix,
                sum,
            };
        }
        (slot.sum, slot.suffix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_its_file_format() {
        let m = Model::new(
            2,
            0.5,
            (0..(TAGS + 1) * TAGS).map(|k| k as f32).collect(),
            (0i16..28).map(|k| k - 9).collect(),
        );
        let back = Model::from_bytes(&m.to_bytes()).expect("reads back");
        assert_eq!(back.bits, 2);
        assert!((back.scale - 0.5).abs() < f32::EPSILON);
        assert_eq!(back.trans, m.trans);
        assert_eq!(back.weights, m.weights);
        let mut short = m.to_bytes();
        short.pop();
        assert!(Model::from_bytes(&short).is_err());
        assert!(Model::from_bytes(b"nothing of the sort").is_err());
    }
}
