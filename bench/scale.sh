#!/usr/bin/env bash
# Scale benchmarks (issue 8), run on demand, not in CI:
#   cold start (no database) to first frame and to index complete, warm start (the
#   database holds the corpus) to first frame and to index complete, peak RSS, for
#   generated corpora of 10,000 and 100,000 articles;
#   `khabar list --person NAME` (warm database) against `rg -l NAME` over the same files;
#   extraction throughput on one core and all cores (cargo bench --bench extract);
#   date extraction against Python's dateparser `search_dates` on the seeds.
# Medians of RUNS runs. The page cache is warm throughout (no root needed); "cold" means
# khabar has no database yet.
# Usage: bench/scale.sh [RUNS] [SIZES...]      e.g. bench/scale.sh 3 10000 100000
# ONLY=list bench/scale.sh 3 20000 runs the `list --person` against `rg -l` part alone;
# WHATS="warm-first-frame" runs only that reader measurement (with the list part);
# ONLY=reader runs the reader measurements alone. The database (XDG_DATA_HOME) goes to
# target/bench-scale/cache-N. SKIP_BUILD=1 uses the release binary as it is; KHABAR_BIN=PATH
# another binary (an earlier build, to compare).
# The cold measurements (the default WHATS) delete target/bench-scale/cache-N first: at a
# million articles that database takes 5 to 11 minutes to build again. To keep it, give
# ONLY=list or WHATS with warm measurements only (WHATS="warm-first-frame warm-loaded").
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=("${@:-10000 100000}")
[ ${#sizes[@]} -eq 1 ] && read -r -a sizes <<<"${sizes[0]}"

[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet
bin=${KHABAR_BIN:-$PWD/target/release/khabar}
if ! command -v rg >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq ripgrep >/dev/null
fi
work=$PWD/target/bench-scale
mkdir -p "$work"

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run_ms CMD...: wall time in ms and peak RSS in MiB of one run (khabar runs inside a pty)
run_ms() {
  local t0 t1 rss
  t0=$(date +%s%N)
  rss=$( { /usr/bin/time -f '%M' "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1 ) || true
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(( ${rss:-0} / 1024 ))"
}

reader() { # corpus, hook, cache-home
  XDG_CACHE_HOME=$3 XDG_DATA_HOME=$3 XDG_STATE_HOME=$work/state KHABAR_DEBUG=$2 \
    /usr/bin/time -f '%M' -o "$work/rss" script -qec "$bin --width-model per-code-point $1" /dev/null >"$work/out" 2>&1 || true
}

for n in "${sizes[@]}"; do
  corpus=$PWD/target/bench-corpus/scale-$n
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    python3 bench/gen_corpus.py --out "$corpus" --count "$n" --format txt --seed 21 >/dev/null
    touch "$corpus/.done"
  fi
  mb=$(du -smL --apparent-size "$corpus" | cut -f1)
  echo "== $n articles, $mb MB on disk"
  read -r -a whats <<<"${WHATS:-first-frame loaded warm-first-frame warm-loaded}"
  [ "${ONLY:-}" = list ] && whats=()
  for what in "${whats[@]}"; do
    times=(); rsss=(); drawn=()
    for _ in $(seq "$runs"); do
      home=$work/cache-$n
      warm=no; case $what in warm-*) warm=yes ;; esac
      [ $warm = no ] && rm -rf "$home"
      [ $warm = yes ] && [ ! -d "$home" ] && reader "$corpus" exit-when-loaded "$home"
      hook=exit-when-loaded; case $what in *first-frame) hook=exit-after-first-articles ;; esac
      t0=$(date +%s%N); reader "$corpus" "$hook" "$home"; t1=$(date +%s%N)
      times+=($(( (t1 - t0) / 1000000 ))); rsss+=($(( $(tail -1 "$work/rss") / 1024 )))
      # When the frame was drawn (the reader's own clock).
      drawn+=($(grep -ao 'drawn at [0-9]*' "$work/out" | tail -1 | awk '{print $3}'))
    done
    printf '  %-16s frame drawn at median %6s ms; process ended at median %6s ms; peak RSS median %5s MiB   (drawn: %s ms; ended: %s ms)\n' "$what" \
      "$(printf '%s\n' "${drawn[@]}" | median)" "$(printf '%s\n' "${times[@]}" | median)" \
      "$(printf '%s\n' "${rsss[@]}" | median)" "${drawn[*]}" "${times[*]}"
  done
  [ "${ONLY:-}" = reader ] && continue
  # list vs rg, warm database (the reader runs above left it in place), timed as hyperfine
  # does without a shell: a few warm-up runs, then runs of one command back to back, from
  # Python (posix_spawn, perf_counter), never forking `date` around a run (that costs as
  # much as a quick answer). Blocks of each command alternate, so both see the same
  # machine; runs that alternate one by one are reported too (the peer's 600 MB read
  # between two answers leaves the CPU caches cold for the next).
  name=पुतिन
  # The first run fills the database if the reader runs above did not.
  XDG_CACHE_HOME=$work/cache-$n XDG_DATA_HOME=$work/cache-$n "$bin" list --person "$name" "$corpus" >/dev/null || true
  XDG_CACHE_HOME=$work/cache-$n XDG_DATA_HOME=$work/cache-$n python3 - "$runs" "$bin" "$name" "$corpus" <<'PY'
import os, statistics, subprocess, sys, time
runs, khabar, name, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cmds = {"khabar": [khabar, "list", "--person", name, corpus], "rg": ["rg", "-l", name, corpus]}
rows = {k: len(subprocess.run(c, capture_output=True).stdout.splitlines()) for k, c in cmds.items()}
null = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]

def once(argv):
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    os.waitpid(pid, 0)
    return (time.perf_counter() - t0) * 1000

n = max(runs, 5) * 3
block = {k: [] for k in cmds}
for _ in range(3):  # blocks alternate
    for k, c in cmds.items():
        for _ in range(3):
            once(c)  # warm-up
        block[k] += [once(c) for _ in range(n)]
one_by_one = {k: [] for k in cmds}
for _ in range(n):
    for k, c in cmds.items():
        one_by_one[k].append(once(c))
for label, t in (("back to back", block), ("one by one", one_by_one)):
    med = {k: statistics.median(v) for k, v in t.items()}
    print(f"  list --person {name} ({label}): median {med['khabar']:.1f} ms ({rows['khabar']} rows); "
          f"rg -l: median {med['rg']:.1f} ms ({rows['rg']} files); rg/khabar = {med['rg'] / med['khabar']:.2f}"
          f"  ({len(t['rg'])} runs each)")
PY
done

case ${ONLY:-} in list | reader) exit 0 ;; esac
echo "== extraction throughput (cargo bench --bench extract)"
cargo bench --quiet --bench extract 2>/dev/null | grep -E 'analyse|MB/s' || true

echo "== dates: khabar vs dateparser.search_dates on the seeds"
venv=$work/venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q dateparser; }
cat seeds/*.txt > "$work/seeds-all.txt"
# Enough copies that start-up (building the matchers) does not dominate.
for _ in $(seq 200); do cat "$work/seeds-all.txt"; done > "$work/seeds-x200.txt"
bytes=$(stat -c %s "$work/seeds-x200.txt")
kt=()
for _ in $(seq "$runs"); do
  t0=$(date +%s%N); "$bin" extract --json "$work/seeds-x200.txt" >/dev/null; t1=$(date +%s%N)
  kt+=($(( (t1 - t0) / 1000000 )))
done
k=$(printf '%s\n' "${kt[@]}" | median)
d=$("$venv/bin/python" - "$work/seeds-all.txt" <<'PY'
import sys, time
from dateparser.search import search_dates
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p for p in text.split("\n") if p.strip()]
t0 = time.perf_counter()
for p in paras:
    search_dates(p, languages=["hi", "en"])
print(int((time.perf_counter() - t0) * 1000), len(text.encode()))
PY
)
dms=${d% *}; dbytes=${d#* }
echo "  khabar extract --json: $bytes bytes in $k ms = $(awk "BEGIN {printf \"%.2f\", $bytes/1e6/($k/1000)}") MB/s (whole analysis incl. start-up)"
echo "  dateparser search_dates: $dbytes bytes in $dms ms = $(awk "BEGIN {printf \"%.4f\", $dbytes/1e6/($dms/1000)}") MB/s"
echo "  ratio: $(awk "BEGIN {printf \"%.0f\", ($bytes/$k)/($dbytes/$dms)}")x"
