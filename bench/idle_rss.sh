#!/usr/bin/env bash
# The reader's memory once a warm start has settled (issue 14: under 500 MiB at a million
# articles): the reader is opened in tmux on bench/scale.sh's generated corpus, left idle
# SECS seconds (the file check and the facts read in the background end well before 30 s
# at a million), and its peak RSS (VmHWM) and anonymous resident memory (smaps_rollup) are
# read; then it quits. Each BIN is run in turn, RUNS times, alternating, so that builds are
# compared on the same machine state. Run on demand, not in CI.
#
#   bench/idle_rss.sh [RUNS] [N] [SECS] [BIN...]   (defaults: 2, 1000000, 30, the release build)
#
# TIMELINE=1 also prints, every tenth of a second, the milliseconds since the start and the
# anonymous RSS then (`ms:MiB`), to see when the peak comes (a sampled line misses spikes
# shorter than its interval; the peak RSS printed after it does not).
#
# The corpus and database are bench/scale.sh's (target/bench-corpus/scale-N,
# target/bench-scale/cache-N; run `bench/scale.sh 1 N` first). The database also keeps the
# last session: a filter left on by a trial in the reader (or bench/kept_filter.sh) makes
# every later start a filtered one, which loads differently. Quit the reader with no
# filter on (or `sqlite3 target/bench-scale/cache-N/khabar/khabar.db 'DELETE FROM session'`)
# to measure the plain start.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
n=${2:-1000000}
secs=${3:-30}
shift $(( $# < 3 ? $# : 3 ))
bins=("$@")
[ ${#bins[@]} -gt 0 ] || { cargo build --release --quiet; bins=("$PWD/target/release/khabar"); }
command -v tmux >/dev/null || { echo "idle_rss.sh needs tmux" >&2; exit 1; }
. bench/scale_db.sh
scale_db "$n"
session=khabar-idle-rss
for _ in $(seq "$runs"); do
  for bin in "${bins[@]}"; do
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new-session -d -s "$session" -x 120 -y 40 \
      "XDG_DATA_HOME=$home XDG_CACHE_HOME=$home XDG_STATE_HOME=$work/idle-state exec $bin $corpus"
    sleep 0.1
    pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
    if [ -n "${TIMELINE:-}" ]; then
      # Milliseconds since the start and anonymous RSS (MiB), every tenth of a second: when
      # the peak comes, and what the reader was doing then.
      t0=$(date +%s%N)
      for _ in $(seq $(( secs * 10 ))); do
        awk -v t=$(( ($(date +%s%N) - t0) / 1000000 )) '/RssAnon/ {printf "%d:%d ", t, $2 / 1024}' \
          "/proc/$pid/status"
        sleep 0.1
      done
      echo
    else
      sleep 0.9
      sleep "$secs"
    fi
    hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
    anon=$(awk '/^Anonymous/ {print int($2 / 1024)}' "/proc/$pid/smaps_rollup")
    printf '%s: %s articles, after %ss idle: anon RSS %s MiB, peak RSS %s MiB\n' \
      "$bin" "$n" "$secs" "$anon" "$hwm"
    tmux send-keys -t "$session" q
    sleep 1
    tmux kill-session -t "$session" 2>/dev/null || true
  done
done
