#!/usr/bin/env bash
# What a warm start costs the event loop (issue 14): the reader is opened in tmux on a
# generated corpus and left alone; every second the CPU time of the whole process and of
# its main thread (the event loop) is read from /proc, until the process has used no CPU
# for two seconds (loaded and checked; no search is typed, so no text is read back). Run
# on demand, not in CI; Linux only.
#
#   bench/loop_cpu.sh [N] [BIN...]     (defaults: 100000, the release binary)
#
# Several binaries are run in turn (an earlier build against this one). The corpus and
# database are bench/scale.sh's (target/bench-corpus/scale-N, target/bench-scale/cache-N;
# run `bench/scale.sh 1 N` first); the kept session is cleared first, so each run starts
# on the whole list. SKIP_BUILD=1 as in scale.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
shift || true
[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet
bins=("${@:-$PWD/target/release/khabar}")
. bench/scale_db.sh
scale_db "$n"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (to clear the kept session)" >&2; exit 1; }
tick=$(getconf CLK_TCK)
socket=khabar-loop-cpu-$$
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
cpu() { awk '{print $14 + $15}' "$1"; } # user + system ticks of a /proc stat file
for bin in "${bins[@]}"; do
  sqlite3 "$home/khabar/khabar.db" "DELETE FROM session"
  tmux -L "$socket" kill-server 2>/dev/null || true
  tmux -L "$socket" new-session -d -x 120 -y 40 \
    "XDG_CACHE_HOME=$home XDG_DATA_HOME=$home XDG_STATE_HOME=$work/state '$bin' '$corpus'"
  started=$(date +%s%N)
  pid=
  for _ in $(seq 50); do
    pid=$(pgrep -f -x "$bin $corpus" | head -1) && [ -n "$pid" ] && break
    sleep 0.1
  done
  [ -n "$pid" ] || { echo "$bin did not start" >&2; exit 1; }
  last=-1 still=0 total=0 main=0
  while [ $still -lt 2 ] && [ -r "/proc/$pid/stat" ]; do
    sleep 1
    total=$(cpu "/proc/$pid/stat")
    main=$(cpu "/proc/$pid/task/$pid/stat")
    if [ "$total" = "$last" ]; then still=$((still + 1)); else still=0; fi
    last=$total
  done
  idle=$(( ($(date +%s%N) - started) / 1000000 - 2000 ))
  tmux -L "$socket" kill-server 2>/dev/null || true
  awk -v b="$bin" -v i="$idle" -v t="$total" -v m="$main" -v k="$tick" 'BEGIN {
    printf "%s: idle after %.1f s; event loop %.2f s of CPU; whole process %.2f s\n", b, i / 1000, m / k, t / k
  }'
done
