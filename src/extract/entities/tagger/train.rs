//! Training the tagger: a structured averaged perceptron over whole sentences.
//!
//! Each sentence is scanned exactly as an article's region is (gazetteer, rules, then
//! features), decoded with the current weights, and wherever the best tags differ from the
//! gold ones the gold features gain and the predicted ones lose. The averaged weights
//! (Collins 2002) generalise better than the last ones. Sentences are shuffled with a
//! fixed seed, so the same data and options give the same model byte for byte. With
//! [`Options::runs`] above 1 several runs on different shuffles are averaged into one
//! model of the same size (each run's weights depend on the order it saw the sentences in;
//! their mean depends on it less).

use super::super::gazetteer::matcher;
use super::super::model::EntityKind;
use super::decode::{O, TAGS, begin, spans, viterbi};
use super::features::{Features, sentence_features, words};
use super::weights::Model;
use super::{prepare, sentences};

/// One annotated sentence: its text and the names in it as byte ranges of the text.
pub struct Example {
    pub text: String,
    pub names: Vec<(EntityKind, usize, usize)>,
}

/// How to train.
pub struct Options {
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Runs whose averaged weights are averaged again into the one model: run `k` shuffles
    /// with `seed + 2k` (the seed's low bit is ignored). 1 is a single run.
    pub runs: usize,
}

/// Exact-span precision, recall and F1 over words (not bytes).
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

struct Sentence {
    feats: Features,
    gold: Vec<u8>,
}

fn prepare_all(examples: &[Example], bits: u32) -> Vec<Sentence> {
    let m = matcher();
    let mut out = Vec::new();
    for ex in examples {
        let (scan, gaz) = prepare(m, &ex.text);
        let ws = words(&scan, &gaz.codes);
        let mut tags = vec![O; scan.tokens.len()];
        for &(kind, s, e) in &ex.names {
            let mut first = true;
            for (i, t) in scan.tokens.iter().enumerate() {
                let r = scan.original(t.start..t.end);
                if r.start < e && s < r.end {
                    tags[i] = begin(kind) + u8::from(!first);
                    first = false;
                }
            }
        }
        for range in sentences(&scan) {
            let mut feats = Features::default();
            sentence_features(&ws, range.clone(), bits, &mut feats);
            out.push(Sentence {
                feats,
                gold: tags[range].to_vec(),
            });
        }
    }
    out
}

/// Trains on `examples`; after each epoch `report` gets the averaged model's score on
/// `holdout` (skipped when `holdout` is empty).
pub fn train(
    examples: &[Example],
    holdout: &[Example],
    opts: &Options,
    mut report: impl FnMut(usize, Score),
) -> Model {
    let data = prepare_all(examples, opts.bits);
    let held = prepare_all(holdout, opts.bits);
    let rows = 1usize << opts.bits;
    let runs = opts.runs.max(1);
    // The runs' averaged weights are summed unquantised and quantised once, so K runs cost
    // no precision a single run would keep.
    let mut sum = Averaged::default();
    for run in 0..runs {
        let mut p = Perceptron::new(rows);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = opts.seed.wrapping_add(2 * run as u64) | 1;
        let (mut emit, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
        for epoch in 1..=opts.epochs {
            shuffle(&mut order, &mut rng);
            for &k in &order {
                let s = &data[k];
                p.emissions(&s.feats, &mut emit);
                viterbi(&emit, &p.trans, s.gold.len(), &mut back, &mut pred);
                p.update(s, &pred);
            }
            if !held.is_empty() {
                let so_far = sum.clone().plus(&p.average()).model(run + 1, opts.bits);
                report(epoch + run * opts.epochs, evaluate(&so_far, &held));
            }
        }
        sum = sum.plus(&p.average());
    }
    sum.model(runs, opts.bits)
}

/// Averaged perceptron weights before quantisation, or the sum of several runs' of them.
#[derive(Clone, Default)]
struct Averaged {
    w: Vec<f32>,
    trans: Vec<f32>,
}

impl Averaged {
    fn plus(mut self, other: &Self) -> Self {
        if self.w.is_empty() {
            return other.clone();
        }
        for (a, b) in self.w.iter_mut().zip(&other.w) {
            *a += b;
        }
        for (a, b) in self.trans.iter_mut().zip(&other.trans) {
            *a += b;
        }
        self
    }

    /// The mean of `runs` summed runs, quantised to i16 (the largest weight to `i16::MAX`).
    fn model(&self, runs: usize, bits: u32) -> Model {
        let n = runs as f32;
        let top = self
            .w
            .iter()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = top / f32::from(i16::MAX);
        let weights = self.w.iter().map(|w| (w / scale).round() as i16).collect();
        let trans = self.trans.iter().map(|t| t / n).collect();
        Model::new(bits, scale / n, trans, weights)
    }
}

fn evaluate(model: &Model, held: &[Sentence]) -> Score {
    let (mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize);
    let (mut emit, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for s in held {
        model.emissions(&s.feats, &mut emit);
        viterbi(&emit, &model.trans, s.gold.len(), &mut back, &mut pred);
        let gold: Vec<_> = spans(&s.gold).collect();
        let got: Vec<_> = spans(&pred).collect();
        tp += got.iter().filter(|g| gold.contains(g)).count();
        n_pred += got.len();
        n_gold += gold.len();
    }
    let precision = tp as f64 / n_pred.max(1) as f64;
    let recall = tp as f64 / n_gold.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Score {
        precision,
        recall,
        f1,
    }
}

/// xorshift64 Fisher-Yates: enough randomness for ordering sentences, and reproducible.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Current weights plus, for averaging, the sum of each update times when it happened.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    trans: Vec<f32>,
    trans_u: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn new(rows: usize) -> Self {
        let nt = (TAGS + 1) * TAGS;
        Self {
            w: vec![0.0; rows * TAGS],
            u: vec![0.0; rows * TAGS],
            trans: vec![0.0; nt],
            trans_u: vec![0.0; nt],
            step: 1.0,
        }
    }

    fn emissions(&self, feats: &Features, out: &mut Vec<f32>) {
        out.clear();
        for i in 0..feats.len() {
            let mut sum = [0f32; TAGS];
            for &r in feats.of(i) {
                for (s, w) in sum.iter_mut().zip(&self.w[r as usize * TAGS..][..TAGS]) {
                    *s += w;
                }
            }
            out.extend_from_slice(&sum);
        }
    }

    fn update(&mut self, sentence: &Sentence, pred: &[u8]) {
        let now = self.step;
        let gold = &sentence.gold;
        for i in 0..gold.len() {
            let (want, got) = (usize::from(gold[i]), usize::from(pred[i]));
            // Transition rows: 0 is the sentence start, `tag + 1` follows `tag`.
            let (want_before, got_before) = if i == 0 {
                (0, 0)
            } else {
                (usize::from(gold[i - 1]) + 1, usize::from(pred[i - 1]) + 1)
            };
            if (want, want_before) != (got, got_before) {
                self.trans[want_before * TAGS + want] += 1.0;
                self.trans_u[want_before * TAGS + want] += now;
                self.trans[got_before * TAGS + got] -= 1.0;
                self.trans_u[got_before * TAGS + got] -= now;
            }
            if want == got {
                continue;
            }
            for &r in sentence.feats.of(i) {
                let r = r as usize * TAGS;
                self.w[r + want] += 1.0;
                self.u[r + want] += now;
                self.w[r + got] -= 1.0;
                self.u[r + got] -= now;
            }
        }
        self.step += 1.0;
    }

    /// The averaged weights (Collins 2002).
    fn average(&self) -> Averaged {
        let c = self.step;
        let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / c).collect();
        Averaged {
            w: avg(&self.w, &self.u),
            trans: avg(&self.trans, &self.trans_u),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_tags_follow_the_names() {
        let ex = Example {
            text: "कल रमेश कुमार दिल्ली गए ।".into(),
            names: vec![(EntityKind::Person, 7, 31)],
        };
        let s = prepare_all(&[ex], 10);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].gold, [0, 1, 2, 0, 0]);
    }
}

#[cfg(test)]
mod learn {
    use super::*;

    #[test]
    fn it_learns_what_it_is_shown() {
        let ex = || Example {
            text: "कल रमेश कुमार दिल्ली गए ।".into(),
            names: vec![(EntityKind::Person, 7, 31)],
        };
        let opts = Options {
            bits: 12,
            epochs: 3,
            seed: 1,
            runs: 1,
        };
        let mut last = Score::default();
        train(&[ex(), ex()], &[ex()], &opts, |_, s| last = s);
        assert!(last.f1 > 0.99, "{last:?}");
    }

    #[test]
    fn runs_average_into_one_model_of_the_same_size() {
        let data: Vec<Example> = [
            ("कल रमेश कुमार दिल्ली गए ।", EntityKind::Person, 7, 31),
            ("सुनीता पटना में रहती हैं ।", EntityKind::Person, 0, 18),
            ("वे लखनऊ से आए ।", EntityKind::Place, 7, 19),
        ]
        .into_iter()
        .map(|(t, k, s, e)| Example {
            text: t.into(),
            names: vec![(k, s, e)],
        })
        .collect();
        let run = |seed, runs| {
            let opts = Options {
                bits: 10,
                epochs: 2,
                seed,
                runs,
            };
            train(&data, &[], &opts, |_, _| {})
        };
        let (a, b, both) = (run(1, 1), run(3, 1), run(1, 2));
        assert_eq!(both.to_bytes().len(), a.to_bytes().len());
        assert_eq!(both.to_bytes(), run(1, 2).to_bytes(), "not deterministic");
        assert_ne!(a.to_bytes(), b.to_bytes(), "the two runs should differ");
        let value = |m: &Model, k: usize| f32::from(m.weights[k]) * m.scale;
        let tolerance = a.scale + b.scale + both.scale;
        for k in 0..a.weights.len() {
            let mean = f32::midpoint(value(&a, k), value(&b, k));
            assert!((value(&both, k) - mean).abs() <= tolerance, "weight {k}");
        }
        for (k, t) in both.trans.iter().enumerate() {
            assert!(
                (t - f32::midpoint(a.trans[k], b.trans[k])).abs() < 1e-4,
                "transition {k}"
            );
        }
    }
}
