//! Rebuilds the entity tagger's model (`assets/ner-model.bin`) from annotated Hindi text.
//!
//!     cargo run --release --example train_ner -- --out assets/ner-model.bin
//!     cargo run --release --example train_ner -- --ordinary assets/ordinary-words.txt
//!
//! The second writes, from the same sentences, the words seen five times or more and never
//! in a person's name (folded, sorted), and trains nothing.
//!
//! Reads `../shared/eval/il-ner/hindi-train.txt` and the first 7,000 sentences
//! of `../shared/eval/hiner/hiner-train-part.conll`; the last 1,000 `HiNER` sentences are
//! the `HiNER` dev split and IL-NER `hindi-dev.txt` is never read, so both stay unseen.
//! Only the first 5,690 sentences of IL-NER train carry tags (each has at least one); the
//! rest is tagged `O` throughout, names included, so training stops at the last sentence
//! with a tag: untagged names would teach the tagger that names are not names.
//! With `--holdout` it instead holds out every tenth tagged IL-NER sentence (the file runs
//! in topical blocks, so a contiguous tail would be one topic)
//! and prints the score on those after every epoch: that is how the epoch count was chosen
//! (with `--out` it also writes that model, for `KHABAR_NER_MODEL` in `entities_eval`).
//! `--fold K` (0 to 9) holds out the sentences whose index is K modulo ten instead (`--holdout`
//! is fold 9): ten such models tag all of IL-NER train as text they never saw, which is
//! what `bench/cv_ner.py` scores, so the rules' errors can be read without reading dev.
//! Options compared so (`cv_ner.py --train-args=…`, overlap F1 of all kinds over the 5,690
//! sentences; the shipped settings .848, .849 and .847 with the fixed seed and seeds 3 and
//! 5): `--bits 17 --epochs 12 --il-repeat 2` .857 on the same three. On the fixed seed,
//! one setting changed from there: `--bits 18` .858, `--epochs 16` .858, `--il-repeat 3`
//! .856, no `--il-repeat` .852; one changed from the shipped ones: `--bits 18` .853,
//! `--epochs 12` .851, `--il-repeat 2` .852, `--crf` .849. Trained so on all the data (bits
//! 17, 12 epochs, IL-NER twice) it raised IL-NER dev (overlap all .827 to .834, person F1
//! .864 to .869) and left `HiNER` dev where it was (.921), but lowered the invented news of
//! trials 80 to 82 (person exact F1 .887/.876/.889 to .859/.859/.869; trial 83 .880 to
//! .879); without `--il-repeat` the trials moved by less than a retrain's own change. The
//! shipped file stays: IL-NER's government prose is not the news the reader is for.
//! The seed is fixed, so the same data gives the same file; `--seed N` shuffles differently
//! (the low bit is ignored), to see how far a change moves the scores beyond what another
//! shuffle alone does. `--il-repeat N` shows each tagged IL-NER sentence N times per
//! epoch (default 1, the shipped model), weighing IL-NER's annotation conventions against
//! `HiNER`'s: 3 raised IL-NER dev's mean over eight seeds (overlap F1 all .821 to .827,
//! person .858 to .867, organisation .646 to .660) and lowered `HiNER` dev's (all .916 to
//! .912, organisation .74 to .72); the fixed seed's own model scored lower on both, so the
//! default stays 1.
//! `--seeds K` trains K runs (seeds `S`, `S + 2`, …) and averages their weights into one
//! model of the same size and decode speed (default 1, the shipped model). Measured against
//! the shipped model (IL-NER dev overlap F1 all .823, person .864; `HiNER` dev all .916,
//! person .816), K = 8 with three base seeds gave all .821–.822, person .861–.869 at
//! `--il-repeat 1` and all .828–.829, person .858–.870, `HiNER` all .913–.914 at 3: steadier
//! than one shuffle, but not better by more than noise on both, so the default stays 1.
//! `--crf` fits a linear-chain CRF instead of the perceptron (log-likelihood by
//! forward-backward, `AdaGrad` `--rate 0.1`, L2 `--l2 0.01` on the weights a sentence touches,
//! averaged iterates, then `--bias 0.5` added to every name tag's score); same features, same
//! file, same decoder, so reading is as fast. Rate, L2 and bias were chosen on `--holdout`
//! (bias 0 / .25 / .5 / .75 / 1 gave the held-out sentences, scored whole by
//! `bench/eval_ner.py --data`, overlap F1 .840 / .841 / .847 / .845 / .834, mean of three
//! seeds). Mean of five seeds on IL-NER dev, overlap F1, perceptron → CRF: all .823 → .829
//! (tagged part .846 → .850), person P/R .895/.840 → .907/.829 (tagged .944/.840 →
//! .944/.829), place .897 → .905, organisation .652 → .663 (tagged .688 → .702); exact F1 all
//! .759 → .760; `HiNER` dev all .915 → .915, person .814 → .815, organisation .735 → .742.
//! The fixed seed's CRF model: all .830 (tagged .851), person P/R .899/.829, organisation
//! .667; `HiNER` .916. Its gain is on span overlap only, and it names fewer people: with it
//! three tests of names written for the tests fail (`कैरल जॉर्डन` after `गोलकीपर`, an unknown
//! place after a dateline, a user gazetteer's spelling), so the default stays the perceptron.
//! With the CRF, `--il-repeat 3` gave IL-NER dev all .831 and `HiNER` .911; `--seeds 4` .831
//! and .915 (three seeds each): noise. Also measured and not kept (three seeds, IL-NER dev
//! overlap all F1 against .823): the distance to the next organisation head word within six
//! words as a feature (.818-.819), a Devanagari letter-name acronym feature (.818-.823), and
//! domain-split weights (shared plus IL-NER's own, Daumé 2007: held-out +.008, IL-NER dev
//! .823, `HiNER` dev .915 → .819); a higher name bias on the perceptron traded person
//! precision for recall at a loss (IL-NER dev all .820).
//! `--hiner-train N` trains on the first N `HiNER` sentences only (at most 7,000), so that
//! sentences N to 7,000 are a second held-out set, of news as `HiNER` annotates it (the
//! IL-NER one is mostly government prose). Two more feature sets were measured so and not
//! kept (seeds 1, 3, 5): word clusters (spherical k-means over each word's neighbours in
//! the annotated sentences' text, all of IL-NER train and `TimeBank`; 40 and 250 clusters)
//! moved the IL-NER held-out exact F1 (mean of three seeds, .813 without) by -.011 to
//! +.006 with the counts and feature placements tried, no better than noise; a
//! word's frequency bucket (log2 of its count in IL-NER's untagged sentences and
//! `TimeBank`, which training never reads) raised person recall on `HiNER` sentences
//! 6,000-7,000 (.687-.698 to .732-.740, person F1 +.013 to +.029) but the full model lost
//! on both dev sets (IL-NER person F1 .864 to .848, `HiNER` .816 to .800: precision fell).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use khabar::extract::entities::EntityKind;
use khabar::extract::entities::tagger::train::{Example, Objective, Options, train};
use khabar::text::fold::fold;

const HINER_TRAIN: usize = 7000;
const HOLDOUT_EVERY: usize = 10;
const EPOCHS: usize = 8;
const BITS: u32 = 16;
const SEED: u64 = 0x6b68_6162_6172;
const RATE: f32 = 0.1;
const L2: f32 = 0.01;
const BIAS: f32 = 0.5;
/// How often a word must be seen, never in a person's name, to be ordinary.
const ORDINARY_SEEN: usize = 5;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut data = PathBuf::from("../shared/eval");
    let mut holdout = false;
    let mut held_fold = HOLDOUT_EVERY - 1;
    let mut epochs = EPOCHS;
    let mut bits = BITS;
    let mut seed = SEED;
    let mut il_repeat = 1usize;
    let mut runs = 1usize;
    let mut crf = false;
    let mut rate = RATE;
    let mut l2 = L2;
    let mut name_bias = BIAS;
    let mut hiner_train = HINER_TRAIN;
    let mut ordinary = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(args.next().context("--out FILE")?)),
            "--data" => data = args.next().context("--data DIR")?.into(),
            "--epochs" => epochs = args.next().context("--epochs N")?.parse()?,
            "--bits" => bits = args.next().context("--bits N")?.parse()?,
            "--seed" => seed = args.next().context("--seed N")?.parse()?,
            "--il-repeat" => il_repeat = args.next().context("--il-repeat N")?.parse()?,
            "--seeds" => runs = args.next().context("--seeds K")?.parse()?,
            "--holdout" => holdout = true,
            "--fold" => {
                holdout = true;
                held_fold = args.next().context("--fold K")?.parse()?;
                if held_fold >= HOLDOUT_EVERY {
                    bail!("--fold takes 0 to {}", HOLDOUT_EVERY - 1);
                }
            }
            "--crf" => crf = true,
            "--rate" => rate = args.next().context("--rate R")?.parse()?,
            "--l2" => l2 = args.next().context("--l2 L")?.parse()?,
            "--bias" => name_bias = args.next().context("--bias B")?.parse()?,
            "--hiner-train" => hiner_train = args.next().context("--hiner-train N")?.parse()?,
            "--ordinary" => ordinary = Some(PathBuf::from(args.next().context("--ordinary FILE")?)),
            _ => bail!("unknown argument {a}"),
        }
    }
    let mut il = read_conll(&data.join("il-ner/hindi-train.txt"))?;
    il.truncate(
        il.iter()
            .rposition(|(_, tagged)| *tagged)
            .map_or(0, |i| i + 1),
    );
    let mut il: Vec<Example> = il.into_iter().map(|(e, _)| e).collect();
    let mut hiner: Vec<Example> = read_conll(&data.join("hiner/hiner-train-part.conll"))?
        .into_iter()
        .map(|(e, _)| e)
        .collect();
    hiner.truncate(hiner_train.min(HINER_TRAIN));
    if let Some(path) = ordinary {
        let words = ordinary_words(il.iter().chain(&hiner));
        std::fs::write(&path, words.join("\n") + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {} ({} words)", path.display(), words.len());
        return Ok(());
    }
    let mut held = Vec::new();
    if holdout {
        let (h, t): (Vec<_>, Vec<_>) = il
            .into_iter()
            .enumerate()
            .partition(|(i, _)| i % HOLDOUT_EVERY == held_fold);
        held = h.into_iter().map(|(_, e)| e).collect();
        il = t.into_iter().map(|(_, e)| e).collect();
    }
    // Each IL-NER sentence seen `il_repeat` times per epoch weighs IL-NER's conventions
    // (which the IL-NER scores follow) against HiNER's.
    let once = il.len();
    for _ in 1..il_repeat {
        let copies: Vec<Example> = il[..once]
            .iter()
            .map(|e| Example {
                text: e.text.clone(),
                names: e.names.clone(),
            })
            .collect();
        il.extend(copies);
    }
    il.append(&mut hiner);
    let names: usize = il.iter().map(|e| e.names.len()).sum();
    eprintln!(
        "training on {} sentences ({names} names), {epochs} epochs, 2^{bits} rows, {runs} run(s)",
        il.len()
    );
    let opts = Options {
        bits,
        epochs,
        seed,
        runs,
        objective: if crf {
            Objective::Crf {
                rate,
                l2,
                bias: name_bias,
            }
        } else {
            Objective::Perceptron
        },
    };
    let model = train(&il, &held, &opts, |epoch, s| {
        eprintln!(
            "epoch {epoch}: held-out exact P {:.3} R {:.3} F1 {:.3}",
            s.precision, s.recall, s.f1
        );
    });
    // With `--holdout` the model is written only where `--out` says (to score it whole).
    let out = match out {
        Some(o) => Some(o),
        None if !holdout => Some(PathBuf::from("assets/ner-model.bin")),
        None => None,
    };
    if let Some(out) = out {
        let bytes = model.to_bytes();
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
        eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    }
    Ok(())
}

/// Words (folded) seen at least [`ORDINARY_SEEN`] times in `examples` and never in a
/// person's name, sorted: `assets/ordinary-words.txt`, by which a lone word the tagger
/// takes for a person is judged (`भर्ती`, recruitment; `शाही`, royal).
fn ordinary_words<'a>(examples: impl Iterator<Item = &'a Example>) -> Vec<String> {
    use std::collections::BTreeMap;
    let mut seen: BTreeMap<String, (usize, bool)> = BTreeMap::new();
    for e in examples {
        let mut at = 0;
        for word in e.text.split(' ') {
            let (start, end) = (at, at + word.len());
            at = end + 1;
            let in_person = e
                .names
                .iter()
                .any(|&(k, s, t)| k == EntityKind::Person && s < end && start < t);
            let entry = seen.entry(fold(word)).or_default();
            entry.0 += 1;
            entry.1 |= in_person;
        }
    }
    seen.into_iter()
        .filter(|(w, (n, person))| *n >= ORDINARY_SEEN && !person && is_word(w))
        .map(|(w, _)| w)
        .collect()
}

/// Whether a token is a word: not empty, no punctuation or quote stuck to it, no number.
fn is_word(w: &str) -> bool {
    !w.is_empty()
        && !w
            .chars()
            .any(|c| c.is_ascii_punctuation() || c.is_whitespace() || "“”‘’।॥".contains(c))
        && !w.chars().all(char::is_numeric)
}

/// IL-NER and `HiNER` tags to kinds; time, number, artefact and unit tags and malformed
/// ones are not names here.
fn kind(tag: &str) -> Option<EntityKind> {
    match tag {
        "NEP" | "PERSON" => Some(EntityKind::Person),
        "NEL" | "LOCATION" => Some(EntityKind::Place),
        "NEO" | "ORGANIZATION" => Some(EntityKind::Organization),
        _ => None,
    }
}

/// Sentences of a token-TAB-tag file, tokens joined by single spaces (as the scorer does),
/// each with whether any of its tokens has a tag (of any kind).
fn read_conll(path: &Path) -> Result<Vec<(Example, bool)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut cur = Example {
        text: String::new(),
        names: Vec::new(),
    };
    let mut open: Option<(EntityKind, usize, usize)> = None;
    let mut tagged = false;
    let mut finish =
        |cur: &mut Example, open: &mut Option<(EntityKind, usize, usize)>, tagged: &mut bool| {
            cur.names.extend(open.take());
            if !cur.text.is_empty() {
                let ex = std::mem::replace(
                    cur,
                    Example {
                        text: String::new(),
                        names: Vec::new(),
                    },
                );
                out.push((ex, std::mem::take(tagged)));
            }
        };
    for line in text.lines() {
        if line.trim().is_empty() {
            finish(&mut cur, &mut open, &mut tagged);
            continue;
        }
        let mut parts = line.split('\t');
        let tok = parts.next().unwrap_or("").trim();
        let tag = parts.next().unwrap_or("O").trim();
        if tok.is_empty() {
            continue;
        }
        if !cur.text.is_empty() {
            cur.text.push(' ');
        }
        let start = cur.text.len();
        cur.text.push_str(tok);
        let end = cur.text.len();
        let (bio, k) = tag.split_at(tag.find('-').map_or(0, |i| i + 1));
        tagged |= bio == "B-" || bio == "I-";
        let k = if bio == "B-" || bio == "I-" {
            kind(k)
        } else {
            None
        };
        match (bio, k, open.as_mut()) {
            ("I-", Some(k), Some(o)) if o.0 == k => o.2 = end,
            (_, Some(k), _) => {
                cur.names.extend(open.take());
                open = Some((k, start, end));
            }
            _ => cur.names.extend(open.take()),
        }
    }
    finish(&mut cur, &mut open, &mut tagged);
    Ok(out)
}
