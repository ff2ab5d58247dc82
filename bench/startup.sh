#!/usr/bin/env bash
# Start-up time of the reader: from launch to the first frame that shows articles, on the
# bundled seeds and on a generated corpus of N articles (default 10,000), median of RUNS.
# Runs the reader in a pseudo-terminal (script(1)); needs python3 for the corpus.
# Usage: bench/startup.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${2:-11}
cargo build --release --quiet
bin=target/release/khabar
corpus=target/bench-corpus/startup-$n
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  python3 bench/gen_corpus.py --out "$corpus" --count "$n" --format txt --seed 11 >/dev/null
  touch "$corpus/.done"
fi

median_ms() { # command... ; prints median wall time in ms and the last report line
  local times=() report=""
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    report=$(KHABAR_DEBUG=exit-after-first-articles script -qec "$*" /dev/null 2>&1 | tr -d '\r' | grep -o 'first frame.*' || true)
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms (min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1)); $report"
}

echo "seeds:          $(median_ms "$bin --width-model per-code-point")"
echo "seeds + probe:  $(median_ms "$bin")"
echo "$n articles: $(median_ms "$bin --width-model per-code-point $corpus")"
