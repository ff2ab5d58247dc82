#!/usr/bin/env bash
# Changing 100 files of a large corpus and reopening the reader: how long until it is up to
# date (every file checked, the changed ones read again and written), and how much the
# database grows.
#
#   bench/touch.sh [RUNS] [N]        (defaults: 5 runs, the 100,000-article corpus)
#
# The corpus is bench/gen_corpus.py's (made by bench/scale.sh), the database the one
# bench/scale.sh keeps in target/bench-scale/cache-N (made here if missing). Each run appends
# a sentence to 100 files spread over the corpus (their text changes, so they are extracted
# again) and reopens the reader with KHABAR_DEBUG=exit-when-loaded; the next run takes the
# sentence out again, which is a change too. An even number of runs leaves the files as
# they were. The time is the reader's whole process, start to exit; the database size is
# the file and its log after the run. SKIP_BUILD=1 and KHABAR_BIN=PATH as in scale.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
n=${2:-100000}
[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet
bin=${KHABAR_BIN:-$PWD/target/release/khabar}
work=$PWD/target/bench-scale
corpus=$PWD/target/bench-corpus/scale-$n
home=$work/cache-$n
[ -f "$corpus/.done" ] || { echo "no corpus at $corpus: run bench/scale.sh 1 $n first" >&2; exit 1; }
[ "$n" -ge 100 ] || { echo "N must be at least 100 (100 files are changed)" >&2; exit 1; }
mkdir -p "$work/state"

reader() { # fails unless the reader drew its loaded frame and left
  XDG_CACHE_HOME=$home XDG_DATA_HOME=$home XDG_STATE_HOME=$work/state KHABAR_DEBUG=exit-when-loaded \
    script -qec "'$bin' --width-model per-code-point '$corpus'" /dev/null >"$work/out" 2>&1 || true
  grep -aq 'drawn at' "$work/out" || { echo "the reader did not finish loading:" >&2; cat "$work/out" >&2; exit 1; }
}
db_bytes() { cat "$home"/khabar/khabar.db* 2>/dev/null | wc -c; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

mapfile -t files < <(find "$corpus" -name '*.txt' | sort | awk 'NR % int('"$n"' / 100) == 0' | head -100)
echo "== $n articles: ${#files[@]} files changed per run"
reader # up to date before the first run
line=$'\nयह वाक्य मापने के लिए जोड़ा गया।'
times=(); grew=()
for i in $(seq "$runs"); do
  for f in "${files[@]}"; do
    if [ $((i % 2)) -eq 1 ]; then
      printf '%s\n' "$line" >>"$f"
    else
      python3 - "$f" "$line" <<'EOF'
import sys
path, line = sys.argv[1], sys.argv[2] + "\n"
text = open(path, encoding="utf-8").read()
assert text.endswith(line), path
open(path, "w", encoding="utf-8").write(text[: -len(line)])
EOF
    fi
  done
  before=$(db_bytes)
  t0=$(date +%s%N); reader; t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 ))); grew+=($(( $(db_bytes) - before )))
done
printf '  up to date after %s changed files: median %s ms (%s ms); database grew by median %s bytes (%s)\n' \
  "${#files[@]}" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}" \
  "$(printf '%s\n' "${grew[@]}" | median)" "${grew[*]}"
[ $((runs % 2)) -eq 0 ] || echo "  (an odd number of runs: the 100 files keep the added sentence)"
