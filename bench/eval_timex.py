#!/usr/bin/env python3
"""Score khabar's date extraction against Hindi TimeBank (ISO-TimeML) time expressions.

Each document's tokens are joined with single spaces and written as one JSON Lines record
(no `published` field: the corpus gives none), `khabar extract --json` runs once over the
file, and its date spans are compared with the TIMEX token spans, exactly and by overlap.
All kinds (DATE, TIME, DURATION, SET) count together.

    python3 bench/eval_timex.py [--data DIR] [--bin target/release/khabar] [--show N]
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def read_doc(path):
    """Text (tokens joined by spaces) and gold spans as byte offsets into it."""
    root = ET.parse(path).getroot()
    tokens = {}
    order = []
    for tok in root.iter("token"):
        tid = int(tok.get("id"))
        tokens[tid] = (tok.text or "").strip()
        order.append(tid)
    offsets = {}
    parts = []
    pos = 0
    for tid in order:
        word = tokens[tid]
        if parts:
            pos += 1
        b = len(word.encode("utf-8"))
        offsets[tid] = (pos, pos + b)
        pos += b
        parts.append(word)
    text = " ".join(parts)
    gold = []
    for tx in root.iter("TIMEX"):
        ids = [int(x) for x in re.split(r"[,\s]+", tx.get("tokens", "")) if x]
        ids = [i for i in ids if i in offsets]
        if not ids:
            continue
        gold.append((offsets[min(ids)][0], offsets[max(ids)][1], tx.get("class", "")))
    return text, gold


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


# Words that are time expressions wherever they stand in news text, to see how much of what is
# there the annotation covers (general Hindi vocabulary, not taken from the corpus).
WEEKDAYS = set("सोमवार मंगलवार बुधवार गुरुवार गुरूवार बृहस्पतिवार शुक्रवार शनिवार रविवार".split())
MONTHS = set(
    "जनवरी फरवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर "
    "नवंबर नवम्बर दिसंबर दिसम्बर".split()
)
YEAR = re.compile(r"^(19|20)[0-9][0-9]$")


def coverage(files):
    """How many weekday names, month names and years 1900-2099 in the documents lie inside a
    gold TIMEX: an upper bound on how much of what a complete tagger finds can count."""
    counts = {"year": [0, 0], "weekday": [0, 0], "month": [0, 0]}
    for path in files:
        root = ET.parse(path).getroot()
        tagged = set()
        for tx in root.iter("TIMEX"):
            tagged.update(int(x) for x in re.split(r"[,\s]+", tx.get("tokens", "")) if x)
        for tok in root.iter("token"):
            word = (tok.text or "").strip()
            kind = "year" if YEAR.match(word) else "weekday" if word in WEEKDAYS else "month" if word in MONTHS else None
            if kind:
                counts[kind][0] += 1
                counts[kind][1] += int(tok.get("id")) in tagged
    print("annotation coverage (tokens inside a gold TIMEX): " + ", ".join(
        f"{k} {inside}/{total} ({inside / total:.0%})" for k, (total, inside) in counts.items() if total
    ))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "eval", "hindi-timebank"))
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "khabar"))
    ap.add_argument("--show", type=int, default=0, help="print up to N misses and N false alarms")
    ap.add_argument("--sample", type=int, default=0, help="print N false alarms drawn at random (fixed seed), numbered, for judging by hand")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.data, "**", "*.xml"), recursive=True))
    if not files:
        sys.exit(f"no XML files under {args.data}")
    docs = [read_doc(f) for f in files]

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i, (text, _) in enumerate(docs):
            fh.write(json.dumps({"title": f"doc {i}", "body": text}, ensure_ascii=False) + "\n")
        jsonl = fh.name
    try:
        out = subprocess.run([args.bin, "extract", "--json", jsonl], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(jsonl)
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(results) != len(docs):
        sys.exit(f"expected {len(docs)} records back, got {len(results)}")

    n_gold = n_pred = exact = gold_hit = pred_hit = 0
    misses, alarms = [], []
    for (text, gold), res in zip(docs, results):
        raw = text.encode("utf-8")
        pred = [(d["start"], d["end"], d["kind"]) for d in res["dates"]]
        for d in res["dates"]:
            assert raw[d["start"]:d["end"]].decode("utf-8") == d["text"], "span bytes differ from text"
        n_gold += len(gold)
        n_pred += len(pred)
        exact += len({(s, e) for s, e, _ in gold} & {(s, e) for s, e, _ in pred})
        for g in gold:
            if any(overlaps(g, p) for p in pred):
                gold_hit += 1
            else:
                misses.append((raw, g))
        for p in pred:
            if any(overlaps(g, p) for g in gold):
                pred_hit += 1
            else:
                alarms.append((raw, p))

    def ratio(a, b):
        return a / b if b else 0.0

    print(f"documents {len(docs)}  gold {n_gold}  predicted {n_pred}")
    print(f"exact    P {ratio(exact, n_pred):.3f}  R {ratio(exact, n_gold):.3f}")
    print(f"overlap  P {ratio(pred_hit, n_pred):.3f}  R {ratio(gold_hit, n_gold):.3f}")
    by_kind = {}
    for raw, (s, e, kind) in alarms:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    print("false alarms by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    coverage(files)

    def context(raw, s, e):
        left = raw[max(0, s - 60):s].decode("utf-8", "ignore")
        mid = raw[s:e].decode("utf-8", "ignore")
        right = raw[e:e + 60].decode("utf-8", "ignore")
        return f"...{left}[[{mid}]]{right}..."

    if args.sample:
        import random
        rng = random.Random(4)
        print(f"\nrandom sample of {args.sample} false alarms:")
        for i, (raw, (s, e, kind)) in enumerate(rng.sample(alarms, min(args.sample, len(alarms))), 1):
            print(f"  {i:3} {kind:8} {context(raw, s, e)}")

    if args.show:
        print("\nmissed:")
        for raw, (s, e, cls) in misses[: args.show]:
            print(f"  {cls:5} {context(raw, s, e)}")
        print("\nfalse alarms:")
        for raw, (s, e, kind) in alarms[: args.show]:
            print(f"  {kind:8} {context(raw, s, e)}")


if __name__ == "__main__":
    main()
