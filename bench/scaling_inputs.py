#!/usr/bin/env python3
"""Single-article inputs of a given size for bench/scaling.sh (issue 15).

Each kind stresses a different way an extraction stage could grow faster than its input:

  news   normal news text: the paragraphs of a bench/gen_corpus.py corpus, one after another
  dates  one sentence of date words (no danda until the end): every mention looks ahead
  nospace  one long line without a single space
  lines  many short lines, each its own paragraph
  shuffled  the corpus's words in a random (seeded) order on one line, no sentence end:
         ever more distinct candidate names as the text grows (a stage comparing names
         with one another grows with their square)

Every file starts with a title and an `Updated:` line, so the publication date is known
and relative dates are resolved (the expensive path). Standard library only, deterministic.

  python3 bench/scaling_inputs.py --kind dates --bytes 1000000 --corpus DIR > FILE
"""

import argparse
import random
import sys
from pathlib import Path

HEAD = "बैठक की खबर\n\nBy Agency Updated: Sun, 21 Jan 2024 06:51 PM (IST)\n\n"
DATE_WORDS = "सोमवार को कल पिछले साल 5 जून परसों अगले महीने 2019 में शाम 6 बजे तीन दिन पहले "
NOSPACE = "राष्ट्रपतिपुतिनकल१४सितंबरxyz"
LINES = ["सोमवार को बैठक।", "कल", "मोदी", "14 जून", "Tags: खबर", "यह भी पढ़ें", "दिल्ली में"]


def body(kind, size, corpus):
    if kind == "dates":
        unit = DATE_WORDS
    elif kind == "nospace":
        unit = NOSPACE
    elif kind == "lines":
        unit = "\n".join(LINES) + "\n"
    elif kind == "shuffled":
        words = []
        for f in sorted(Path(corpus).rglob("*.txt")):
            words += f.read_text(encoding="utf-8").replace("।", " ").split()
        rng = random.Random(7)
        out = []
        total = 0
        while total < size:
            w = rng.choice(words)
            out.append(w)
            total += len(w.encode()) + 1
        unit = " ".join(out)
    else:
        parts = []
        for f in sorted(Path(corpus).rglob("*.txt")):
            lines = f.read_text(encoding="utf-8").split("\n")
            parts.append("\n".join(lines[2:]))
        unit = "\n\n".join(parts) + "\n\n"
    data = unit.encode()
    out = bytearray()
    while len(out) < size:
        out += data
    text = bytes(out[:size]).decode("utf-8", "ignore")
    return text + ("।\n" if kind == "dates" else "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=["news", "dates", "nospace", "lines", "shuffled"], required=True)
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("--corpus", help="a gen_corpus.py txt folder (for --kind news, shuffled)")
    a = ap.parse_args()
    sys.stdout.write(HEAD + body(a.kind, max(0, a.bytes - len(HEAD.encode())), a.corpus))


if __name__ == "__main__":
    main()
