//! Training the tagger over whole sentences: a structured averaged perceptron (the shipped
//! model) or a linear-chain CRF, both over the same hashed features and both read by the
//! same Viterbi decoder.
//!
//! Each sentence is scanned exactly as an article's region is (gazetteer, rules, then
//! features). The perceptron decodes it with the current weights, and wherever the best
//! tags differ from the gold ones the gold features gain and the predicted ones lose. The
//! CRF instead raises the probability of the gold tags among all the sequences Viterbi may
//! choose (forward-backward gives every feature's expected count), so every sentence
//! teaches it, not only the ones it gets wrong. Either way the averaged weights (Collins
//! 2002) generalise better than the last ones. Sentences are shuffled with a fixed seed, so
//! the same data and options give the same model byte for byte. With [`Options::runs`]
//! above 1 several runs on different shuffles are averaged into one model of the same size
//! (each run's weights depend on the order it saw the sentences in; their mean depends on
//! it less).

use super::super::gazetteer::matcher;
use super::super::model::EntityKind;
use super::decode::{O, TAGS, allowed, begin, spans, viterbi};
use super::features::{Features, bias_row, sentence_features, words};
use super::weights::Model;
use super::{prepare, training_sentences};

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
    /// What the weights are fitted to.
    pub objective: Objective,
}

/// How the weights learn from a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Objective {
    /// Structured perceptron: where the best tags are wrong, the gold features gain and the
    /// predicted ones lose.
    Perceptron,
    /// Linear-chain CRF: every sentence's log-likelihood (forward-backward over all tag
    /// sequences Viterbi may choose), fitted by `AdaGrad` with step `rate` and an L2 pull of
    /// `l2` on the weights a sentence touches; the iterates are averaged as the
    /// perceptron's are. Same features, same file, same decoder. The fitted model is
    /// cautious (it names less than the perceptron, more precisely), so `bias` is added to
    /// every name tag's score, in log-odds.
    Crf { rate: f32, l2: f32, bias: f32 },
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
        for range in training_sentences(&scan) {
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
        let mut p: Box<dyn Learner> = match opts.objective {
            Objective::Perceptron => Box::new(Perceptron::new(rows)),
            Objective::Crf { rate, l2, bias } => Box::new(Crf::new(rows, rate, l2, bias)),
        };
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = opts.seed.wrapping_add(2 * run as u64) | 1;
        let (mut emit, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
        for epoch in 1..=opts.epochs {
            shuffle(&mut order, &mut rng);
            for &k in &order {
                let s = &data[k];
                p.learn(s, &mut emit, &mut back, &mut pred);
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

/// A learner: it sees one sentence at a time and yields averaged weights.
trait Learner {
    /// Learns from one sentence (`emit`, `back` and `pred` are scratch space).
    fn learn(&mut self, s: &Sentence, emit: &mut Vec<f32>, back: &mut Vec<u8>, pred: &mut Vec<u8>);
    fn average(&self) -> Averaged;
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
        float_emissions(&self.w, feats, out);
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
}

impl Learner for Perceptron {
    fn learn(&mut self, s: &Sentence, emit: &mut Vec<f32>, back: &mut Vec<u8>, pred: &mut Vec<u8>) {
        self.emissions(&s.feats, emit);
        viterbi(emit, &self.trans, s.gold.len(), back, pred);
        self.update(s, pred);
    }

    /// The averaged weights (Collins 2002).
    fn average(&self) -> Averaged {
        average(self.step, (&self.w, &self.u), (&self.trans, &self.trans_u))
    }
}

/// Weights minus the time-weighted sum of their updates over the step count: the mean of
/// every step's weights, without keeping each.
fn average(step: f32, (w, wu): (&[f32], &[f32]), (t, tu): (&[f32], &[f32])) -> Averaged {
    let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / step).collect();
    Averaged {
        w: avg(w, wu),
        trans: avg(t, tu),
    }
}

/// A linear-chain CRF fitted by `AdaGrad`, with averaged iterates.
struct Crf {
    w: Vec<f32>,
    u: Vec<f32>,
    /// `AdaGrad`'s running sum of squared gradients, per weight.
    g2: Vec<f32>,
    trans: Vec<f32>,
    trans_u: Vec<f32>,
    trans_g2: Vec<f32>,
    rate: f32,
    l2: f32,
    bias: f32,
    step: f32,
    /// One sentence's gradient per weight, the rows it touched, and which rows those are.
    grad: Vec<f32>,
    touched: Vec<u32>,
    seen: Vec<bool>,
    /// Forward and backward log scores, per word and tag.
    alpha: Vec<f32>,
    beta: Vec<f32>,
}

impl Crf {
    fn new(rows: usize, rate: f32, l2: f32, bias: f32) -> Self {
        let nt = (TAGS + 1) * TAGS;
        Self {
            w: vec![0.0; rows * TAGS],
            u: vec![0.0; rows * TAGS],
            g2: vec![0.0; rows * TAGS],
            trans: vec![0.0; nt],
            trans_u: vec![0.0; nt],
            trans_g2: vec![0.0; nt],
            rate,
            l2,
            bias,
            step: 1.0,
            grad: vec![0.0; rows * TAGS],
            touched: Vec::new(),
            seen: vec![false; rows],
            alpha: Vec::new(),
            beta: Vec::new(),
        }
    }
}

/// Every tag's summed weights for every word, from unquantised weights.
fn float_emissions(w: &[f32], feats: &Features, out: &mut Vec<f32>) {
    out.clear();
    for i in 0..feats.len() {
        let mut sum = [0f32; TAGS];
        for &r in feats.of(i) {
            for (s, w) in sum.iter_mut().zip(&w[r as usize * TAGS..][..TAGS]) {
                *s += w;
            }
        }
        out.extend_from_slice(&sum);
    }
}

/// `ln(sum(exp(x)))` without overflow; `-inf` for no finite term.
fn log_sum_exp(xs: impl Iterator<Item = f32> + Clone) -> f32 {
    let top = xs.clone().fold(f32::NEG_INFINITY, f32::max);
    if top == f32::NEG_INFINITY {
        return top;
    }
    top + xs.map(|x| (x - top).exp()).sum::<f32>().ln()
}

/// The score of moving from tag `p` to tag `t` (`-inf` where Viterbi may not).
fn move_score(trans: &[f32], p: usize, t: usize) -> f32 {
    if allowed(Some(p as u8), t as u8) {
        trans[(p + 1) * TAGS + t]
    } else {
        f32::NEG_INFINITY
    }
}

/// Forward and backward log scores over the tag sequences Viterbi may choose
/// (`alpha[i * TAGS + t]`: all paths to tag `t` at word `i`, its emission included;
/// `beta`: all paths on from there, excluding it); returns the log of the sum over every
/// whole sequence (the partition function).
fn forward_backward(
    emit: &[f32],
    trans: &[f32],
    n: usize,
    alpha: &mut Vec<f32>,
    beta: &mut Vec<f32>,
) -> f32 {
    alpha.clear();
    alpha.resize(n * TAGS, f32::NEG_INFINITY);
    beta.clear();
    beta.resize(n * TAGS, 0.0);
    for t in 0..TAGS {
        if allowed(None, t as u8) {
            alpha[t] = emit[t] + trans[t];
        }
    }
    for i in 1..n {
        for t in 0..TAGS {
            let before = (0..TAGS).map(|p| alpha[(i - 1) * TAGS + p] + move_score(trans, p, t));
            alpha[i * TAGS + t] = log_sum_exp(before) + emit[i * TAGS + t];
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        for p in 0..TAGS {
            let after = (0..TAGS).map(|t| {
                move_score(trans, p, t) + emit[(i + 1) * TAGS + t] + beta[(i + 1) * TAGS + t]
            });
            beta[i * TAGS + p] = log_sum_exp(after);
        }
    }
    log_sum_exp(alpha[(n - 1) * TAGS..].iter().copied())
}

impl Learner for Crf {
    fn learn(&mut self, sent: &Sentence, emit: &mut Vec<f32>, _: &mut Vec<u8>, _: &mut Vec<u8>) {
        let n = sent.gold.len();
        if n == 0 {
            return;
        }
        float_emissions(&self.w, &sent.feats, emit);
        let z = forward_backward(emit, &self.trans, n, &mut self.alpha, &mut self.beta);
        let (alpha, beta) = (&self.alpha, &self.beta);
        // The gradient of -log p(gold): expected counts minus the gold ones.
        let gold = legal(&sent.gold);
        let mut tgrad = [0f32; (TAGS + 1) * TAGS];
        for i in 0..n {
            let mut g = [0f32; TAGS];
            for (t, gt) in g.iter_mut().enumerate() {
                *gt = (alpha[i * TAGS + t] + beta[i * TAGS + t] - z).exp();
            }
            if i == 0 {
                for (tg, gt) in tgrad.iter_mut().zip(g) {
                    *tg += gt;
                }
                tgrad[usize::from(gold[0])] -= 1.0;
            } else {
                for p in 0..TAGS {
                    for t in 0..TAGS {
                        let x = alpha[(i - 1) * TAGS + p]
                            + move_score(&self.trans, p, t)
                            + emit[i * TAGS + t]
                            + beta[i * TAGS + t]
                            - z;
                        tgrad[(p + 1) * TAGS + t] += x.exp();
                    }
                }
                tgrad[(usize::from(gold[i - 1]) + 1) * TAGS + usize::from(gold[i])] -= 1.0;
            }
            g[usize::from(gold[i])] -= 1.0;
            for &r in sent.feats.of(i) {
                let r = r as usize;
                if !self.seen[r] {
                    self.seen[r] = true;
                    self.touched.push(r as u32);
                }
                for (a, b) in self.grad[r * TAGS..][..TAGS].iter_mut().zip(g) {
                    *a += b;
                }
            }
        }
        // AdaGrad: each weight's step shrinks with the gradients it has had; the L2 pull
        // acts on the weights this sentence touched (a rare feature is pulled rarely).
        let now = self.step;
        let (rate, l2) = (self.rate, self.l2);
        let apply = |w: &mut f32, u: &mut f32, g2: &mut f32, g: f32| {
            let g = g + l2 * *w;
            if g == 0.0 {
                return;
            }
            *g2 += g * g;
            let d = -rate * g / g2.sqrt();
            *w += d;
            *u += now * d;
        };
        for &r in &self.touched {
            let r = r as usize;
            self.seen[r] = false;
            for k in r * TAGS..(r + 1) * TAGS {
                apply(
                    &mut self.w[k],
                    &mut self.u[k],
                    &mut self.g2[k],
                    self.grad[k],
                );
                self.grad[k] = 0.0;
            }
        }
        self.touched.clear();
        for (k, &g) in tgrad.iter().enumerate() {
            apply(
                &mut self.trans[k],
                &mut self.trans_u[k],
                &mut self.trans_g2[k],
                g,
            );
        }
        self.step += 1.0;
    }

    /// The averaged weights, every name tag's bias raised by `bias`.
    fn average(&self) -> Averaged {
        let mut a = average(self.step, (&self.w, &self.u), (&self.trans, &self.trans_u));
        let rows = self.w.len() / TAGS;
        let r = bias_row(rows.trailing_zeros()) as usize * TAGS;
        for w in &mut a.w[r + 1..r + TAGS] {
            *w += self.bias;
        }
        a
    }
}

/// Gold tags Viterbi could output: a sentence cut inside a name starts that name anew.
fn legal(gold: &[u8]) -> Vec<u8> {
    let mut out = gold.to_vec();
    for i in 0..out.len() {
        let prev = if i == 0 { None } else { Some(out[i - 1]) };
        if !allowed(prev, out[i]) {
            out[i] -= 1;
        }
    }
    out
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

    /// Trains with `objective` on one sentence and checks it tags that sentence back.
    fn learns_what_it_is_shown(objective: Objective) {
        let ex = || Example {
            text: "कल रमेश कुमार दिल्ली गए ।".into(),
            names: vec![(EntityKind::Person, 7, 31)],
        };
        let opts = Options {
            bits: 12,
            epochs: 3,
            seed: 1,
            runs: 1,
            objective,
        };
        let mut last = Score::default();
        train(&[ex(), ex()], &[ex()], &opts, |_, s| last = s);
        assert!(last.f1 > 0.99, "{last:?}");
    }

    #[test]
    fn it_learns_what_it_is_shown() {
        learns_what_it_is_shown(Objective::Perceptron);
    }

    #[test]
    fn the_crf_learns_what_it_is_shown() {
        learns_what_it_is_shown(Objective::Crf {
            rate: 0.1,
            l2: 0.01,
            bias: 0.0,
        });
    }

    #[test]
    fn forward_backward_sums_every_legal_tag_sequence() {
        // Arbitrary scores; the partition function by brute force over all 7^3 sequences.
        let n = 3;
        let emit: Vec<f32> = (0..n * TAGS)
            .map(|k| ((k * 37 % 11) as f32 - 5.0) / 3.0)
            .collect();
        let trans: Vec<f32> = (0..(TAGS + 1) * TAGS)
            .map(|k| ((k * 53 % 13) as f32 - 6.0) / 4.0)
            .collect();
        let mut terms = Vec::new();
        for code in 0..TAGS.pow(3) {
            let tags = [code % TAGS, code / TAGS % TAGS, code / TAGS / TAGS];
            if !allowed(None, tags[0] as u8)
                || !(1..n).all(|i| allowed(Some(tags[i - 1] as u8), tags[i] as u8))
            {
                continue;
            }
            let mut score = trans[tags[0]] + emit[tags[0]];
            for i in 1..n {
                score += trans[(tags[i - 1] + 1) * TAGS + tags[i]] + emit[i * TAGS + tags[i]];
            }
            terms.push(score);
        }
        let brute = log_sum_exp(terms.iter().copied());
        let (mut alpha, mut beta) = (Vec::new(), Vec::new());
        let z = forward_backward(&emit, &trans, n, &mut alpha, &mut beta);
        assert!((z - brute).abs() < 1e-4, "{z} vs {brute}");
        // Every word's tag marginals sum to one.
        for i in 0..n {
            let total: f32 = (0..TAGS)
                .map(|t| (alpha[i * TAGS + t] + beta[i * TAGS + t] - z).exp())
                .sum();
            assert!((total - 1.0).abs() < 1e-4, "word {i}: {total}");
        }
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
                objective: Objective::Perceptron,
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
