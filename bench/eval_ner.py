#!/usr/bin/env python3
"""Scores khabar's entity extraction on IL-NER Hindi (person/place/organisation).

The data is read from ../shared/eval/il-ner (never copied into the repo). Each sentence's
tokens are joined with single spaces and written as one JSON Lines record; the extractor
runs once over the file; its mentions are compared with the gold NEP/NEL/NEO spans:
exact (same kind, same bytes) and overlap (same kind, spans overlap), precision, recall
and F1 for the three kinds together and for each; a last row ignores the kind (spans only).

    python3 bench/eval_ner.py                      # dev set, release `khabar extract --json`
    python3 bench/eval_ner.py --runner example     # examples/entities_eval.rs instead
    python3 bench/eval_ner.py --misses 40          # also print missed / spurious mentions
    python3 bench/eval_ner.py --bin DIR/khabar     # a binary built elsewhere (CARGO_TARGET_DIR)
    python3 bench/eval_ner.py --data ../shared/eval/il-ner/hindi-train.txt   # the train split
    python3 bench/eval_ner.py --consistency        # false alarms the gold tags elsewhere
    python3 bench/eval_ner.py --hiner-dev          # HiNER dev: the last 1,000 sentences of
                                                   # hiner-train-part.conll, which training never reads
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
# IL-NER tags and HiNER's collapsed tags (`--data ../shared/eval/hiner/...`) mean the same kinds.
KINDS = {"NEP": "person", "NEL": "place", "NEO": "organization",
         "PERSON": "person", "LOCATION": "place", "ORGANIZATION": "organization"}
HINER_DEV = 1000


def read_conll(path):
    """Sentences as lists of (token, tag); malformed tags count as O."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            parts = line.split("\t")
            tok = parts[0].strip()
            tag = parts[1].strip() if len(parts) > 1 else "O"
            if not (tag.startswith("B-") or tag.startswith("I-")):
                tag = "O"
            if tok:
                cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def sentence_and_gold(sent):
    """The joined text and gold spans as (kind, start_byte, end_byte)."""
    offsets, text, pos = [], [], 0
    for tok, _ in sent:
        b = len(tok.encode("utf-8"))
        offsets.append((pos, pos + b))
        text.append(tok)
        pos += b + 1
    gold = []
    i = 0
    while i < len(sent):
        tag = sent[i][1]
        if tag.startswith("B-") and tag[2:] in KINDS or tag.startswith("I-") and tag[2:] in KINDS:
            kind = tag[2:]
            j = i + 1
            while j < len(sent) and sent[j][1] == "I-" + kind:
                j += 1
            gold.append((KINDS[kind], offsets[i][0], offsets[j - 1][1]))
            i = j
        else:
            i += 1
    return " ".join(text), gold


def run_extractor(records, runner, binary=None):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "il-ner.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({"title": "", "body": r}, ensure_ascii=False) + "\n")
        if runner == "example":
            cmd = [os.path.join(REPO, "target/release/examples/entities_eval")]
            with open(path, encoding="utf-8") as stdin:
                out = subprocess.run(cmd, stdin=stdin, capture_output=True, text=True, check=True).stdout
        else:
            cmd = [binary or os.path.join(REPO, "target/release/khabar"), "extract", "--no-cache", "--json", path]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    results = [json.loads(l) for l in out.splitlines() if l.strip()]
    if len(results) != len(records):
        sys.exit(f"extractor gave {len(results)} results for {len(records)} sentences")
    preds = []
    for res in results:
        p = []
        for e in res.get("entities", []):
            for m in e.get("mentions", []):
                p.append((e["kind"], m["start"], m["end"]))
        preds.append(p)
    return preds


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(golds, preds, kinds, any_kind=False):
    ex_tp = ov_p = ov_g = n_p = n_g = 0
    for gold, pred in zip(golds, preds):
        gold = [g for g in gold if g[0] in kinds]
        pred = [p for p in pred if p[0] in kinds]
        if any_kind:
            gold = [("*",) + g[1:] for g in gold]
            pred = [("*",) + p[1:] for p in pred]
        n_g += len(gold)
        n_p += len(pred)
        gs = set(gold)
        ex_tp += sum(1 for p in set(pred) if p in gs)
        ov = lambda a, b: a[0] == b[0] and a[1] < b[2] and b[1] < a[2]
        ov_p += sum(1 for p in pred if any(ov(p, g) for g in gold))
        ov_g += sum(1 for g in gold if any(ov(g, p) for p in pred))
    return prf(ex_tp, n_p, ex_tp, n_g), prf(ov_p, n_p, ov_g, n_g), n_p, n_g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "eval", "il-ner", "hindi-dev.txt"))
    ap.add_argument("--runner", choices=["khabar", "example"], default="khabar")
    ap.add_argument("--bin", help="khabar binary to run (default target/release/khabar)")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument("--consistency", action="store_true",
                    help="how many false alarms (overlap) are strings the same split's gold tags, "
                         "with the same kind, elsewhere")
    ap.add_argument("--hiner-dev", action="store_true",
                    help=f"score the last {HINER_DEV} sentences of hiner/hiner-train-part.conll "
                         "(the HiNER split examples/train_ner.rs leaves out)")
    ap.add_argument("--tagged-only", action="store_true",
                    help="score only up to the last sentence with any tag: IL-NER dev tags its "
                         "first 715 sentences and leaves the rest all O, names included")
    args = ap.parse_args()
    if args.hiner_dev:
        args.data = os.path.join(REPO, "..", "shared", "eval", "hiner", "hiner-train-part.conll")
    sents = read_conll(args.data)
    if args.hiner_dev:
        sents = sents[-HINER_DEV:]
    if args.tagged_only:
        last = max((i for i, s in enumerate(sents) if any(t != "O" for _, t in s)), default=-1)
        sents = sents[:last + 1]
    texts, golds = zip(*(sentence_and_gold(s) for s in sents))
    preds = run_extractor(texts, args.runner, args.bin)
    print(f"{os.path.basename(args.data)}{' (HiNER dev)' if args.hiner_dev else ''}: {len(texts)} sentences")
    print(f"{'kind':<14}{'gold':>6}{'pred':>6}   {'exact P / R / F1':<22}{'overlap P / R / F1'}")
    every = set(KINDS.values())
    rows = [("all", every, False)] + [(k, {k}, False) for k in ("person", "place", "organization")]
    rows.append(("all, any kind", every, True))
    for name, kinds, any_kind in rows:
        (ep, er, ef), (op, orr, of), n_p, n_g = score(golds, preds, kinds, any_kind)
        print(f"{name:<14}{n_g:>6}{n_p:>6}   {ep:.3f} / {er:.3f} / {ef:.3f}   {op:.3f} / {orr:.3f} / {of:.3f}")
    if args.consistency:
        consistency(texts, golds, preds)
    if args.misses:
        missed, spurious = collections.Counter(), collections.Counter()
        for text, gold, pred in zip(texts, golds, preds):
            b = text.encode("utf-8")
            ps, gs = set(pred), set(gold)
            for g in gs - ps:
                missed[(g[0], b[g[1]:g[2]].decode())] += 1
            for p in ps - gs:
                spurious[(p[0], b[p[1]:p[2]].decode())] += 1
        print("\nmissed:", missed.most_common(args.misses))
        print("\nspurious:", spurious.most_common(args.misses))


def consistency(texts, golds, preds):
    """False alarms (no overlapping gold span of the kind) whose exact string the gold tags
    with that kind somewhere else in the split: places where the annotation disagrees with
    itself, so that no consistent tagger can be right both times."""
    tagged = collections.Counter()
    for text, gold in zip(texts, golds):
        b = text.encode("utf-8")
        for k, s, e in gold:
            tagged[(k, b[s:e].decode())] += 1
    n_pred = n_fp = n_inconsistent = 0
    examples = collections.Counter()
    for text, gold, pred in zip(texts, golds, preds):
        b = text.encode("utf-8")
        for p in pred:
            n_pred += 1
            if any(p[0] == g[0] and p[1] < g[2] and g[1] < p[2] for g in gold):
                continue
            n_fp += 1
            key = (p[0], b[p[1]:p[2]].decode())
            if tagged[key]:
                n_inconsistent += 1
                examples[key] += 1
    print(f"\nfalse alarms (overlap): {n_fp} of {n_pred} predictions; {n_inconsistent} of them "
          f"({n_inconsistent / max(n_fp, 1):.0%}) are strings the gold tags, same kind, elsewhere "
          f"in this split")
    print(f"precision if those counted as right: {(n_pred - n_fp + n_inconsistent) / max(n_pred, 1):.3f}")
    print("most frequent (string: left untagged here / tagged elsewhere):",
          ", ".join(f"{t} ({k}): {n}/{tagged[(k, t)]}" for (k, t), n in examples.most_common(12)))


if __name__ == "__main__":
    main()
