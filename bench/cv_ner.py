#!/usr/bin/env python3
"""Ten-fold cross-validation of the whole entity extraction on IL-NER train.

`bench/eval_ner.py` on IL-NER train scores a model that saw those sentences; this script
trains ten models (`examples/train_ner.rs --fold K`, each without the sentences whose
index modulo ten is K, the way `--holdout` leaves out fold 9) and runs the whole
extraction (tagger and rules, `examples/entities_eval.rs` with `KHABAR_NER_MODEL`) over
each fold with the model that never saw it. The result is a score, and with `--errors`
a list of errors, over 5,690 sentences of text the model did not learn, from the same
source as IL-NER dev: where the rules can be studied while dev stays unread.

    python3 bench/cv_ner.py                    # scores, all folds
    python3 bench/cv_ner.py --errors FILE      # also write every missed and spurious mention
    python3 bench/cv_ner.py --folds 0,1 --keep DIR   # two folds; keep the models in DIR
    python3 bench/cv_ner.py --train-args "--crf"     # an option of train_ner, scored so

Training ten models and tagging the folds takes under ten seconds after the build (7 s on
the two-core machine it was written on).

One thing is not held out: `assets/ordinary-words.txt` (the words seen five times or
more and never in a person's name) was written from all of IL-NER train, so the rules
that ask it already know which of a fold's words are no person's. The scores of those
rules here are a little kinder than on unseen text; the dev sets and the trials are not.
"""

import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_ner import KINDS, REPO, read_conll, run_extractor, score, sentence_and_gold  # noqa: E402

FOLDS = 10
TRAIN = os.path.join(REPO, "..", "shared", "eval", "il-ner", "hindi-train.txt")


def tagged_sentences():
    """IL-NER train up to its last tagged sentence, as examples/train_ner.rs reads it."""
    sents = read_conll(TRAIN)
    last = max(i for i, s in enumerate(sents) if any(t != "O" for _, t in s))
    return sents[:last + 1]


def build():
    for ex in ("train_ner", "entities_eval"):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--example", ex], cwd=REPO, check=True)


def fold_predictions(k, texts, models, train_args):
    model = os.path.join(models, f"fold{k}.bin")
    if not os.path.exists(model):
        # Written aside and renamed, so that a run cut short leaves no half model to reuse.
        part = model + ".part"
        run = subprocess.run([os.path.join(REPO, "target/release/examples/train_ner"), "--fold", str(k),
                              "--out", part] + train_args, cwd=REPO, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"training fold {k} failed:\n{run.stderr}")
        os.replace(part, model)
    os.environ["KHABAR_NER_MODEL"] = model
    return run_extractor(texts, "example")


def write_errors(path, texts, golds, preds):
    """One block per sentence with an error: the text, then `- kind mention` for a gold
    mention not found exactly and `+ kind mention` for a found one not in the gold."""
    with open(path, "w", encoding="utf-8") as f:
        for text, gold, pred in zip(texts, golds, preds):
            b = text.encode("utf-8")
            gs, ps = set(gold), set(pred)
            if gs == ps:
                continue
            f.write(text + "\n")
            for sign, spans in (("-", sorted(gs - ps, key=lambda s: s[1])), ("+", sorted(ps - gs, key=lambda s: s[1]))):
                for kind, s, e in spans:
                    f.write(f"  {sign} {kind:<12} {b[s:e].decode()}\n")
            f.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", default=",".join(map(str, range(FOLDS))), help="which folds (0-9)")
    ap.add_argument("--keep", help="keep (and reuse) the fold models in this folder: "
                    "empty it after a change to train_ner's code or options")
    ap.add_argument("--errors", help="write the errors to this file")
    ap.add_argument("--train-args", default="",
                    help="more arguments for train_ner, to compare its options (`--seed 3`, `--crf`)")
    args = ap.parse_args()
    folds = sorted({int(k) for k in args.folds.split(",")})
    if not all(0 <= k < FOLDS for k in folds):
        sys.exit(f"--folds takes numbers from 0 to {FOLDS - 1}")
    build()
    sents = tagged_sentences()
    texts, golds, preds = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        models = args.keep or tmp
        os.makedirs(models, exist_ok=True)
        for k in folds:
            part = [s for i, s in enumerate(sents) if i % FOLDS == k]
            t, g = zip(*(sentence_and_gold(s) for s in part))
            texts += t
            golds += g
            preds += fold_predictions(k, list(t), models, args.train_args.split())
    print(f"IL-NER train, {len(folds)} fold(s), {len(texts)} sentences, each tagged by a model that never saw it")
    print(f"{'kind':<14}{'gold':>6}{'pred':>6}   {'exact P / R / F1':<22}{'overlap P / R / F1'}")
    every = set(KINDS.values())
    for name, kinds in [("all", every)] + [(k, {k}) for k in ("person", "place", "organization")]:
        (ep, er, ef), (op, orr, of), n_p, n_g = score(golds, preds, kinds)
        print(f"{name:<14}{n_g:>6}{n_p:>6}   {ep:.3f} / {er:.3f} / {ef:.3f}   {op:.3f} / {orr:.3f} / {of:.3f}")
    if args.errors:
        write_errors(args.errors, texts, golds, preds)


if __name__ == "__main__":
    main()
