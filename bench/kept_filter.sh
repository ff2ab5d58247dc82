#!/usr/bin/env bash
# A warm start with a filter kept from the last session (issue 14): how long until the
# first frame lists an article the filter keeps, and the peak RSS until then, for a person
# filter (or, with KIND=mentioned, a filter by a date mentioned in the text) on a generated
# corpus. Run on demand, not in CI.
#
#   bench/kept_filter.sh [RUNS] [N] [QUERY]     (defaults: 3, 1000000, putin)
#   KIND=mentioned bench/kept_filter.sh 3 1000000 2019-06
#
# The corpus and database are bench/scale.sh's (target/bench-corpus/scale-N,
# target/bench-scale/cache-N; run `bench/scale.sh 1 N` first). The filter is kept the way a
# user keeps it: the reader is opened in tmux, waits until loaded, the person picker is
# given QUERY and its first name taken with Enter (KIND=mentioned: the date filter, Tab to
# dates mentioned, the line cleared, QUERY typed, Enter), and the reader quits (it keeps the
# session). Each run then opens the reader with KHABAR_DEBUG=exit-after-first-articles,
# which leaves after the first frame showing an article. SKIP_BUILD=1 and KHABAR_BIN=PATH
# as in scale.sh; KEEP=0 skips keeping the filter (it is kept already).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
n=${2:-1000000}
query=${3:-putin}
[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet
bin=${KHABAR_BIN:-$PWD/target/release/khabar}
. bench/scale_db.sh
scale_db "$n"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
envs="XDG_CACHE_HOME=$home XDG_DATA_HOME=$home XDG_STATE_HOME=$work/state"

if [ "${KEEP:-1}" != 0 ]; then
  tmux -L kept kill-server 2>/dev/null || true
  tmux -L kept new-session -d -x 120 -y 40 "env $envs $bin --width-model per-code-point $corpus"
  # Loaded: the list title no longer says `loading` (at most ten minutes).
  for _ in $(seq 600); do
    sleep 1
    screen=$(tmux -L kept capture-pane -p)
    grep -q 'Articles' <<<"$screen" && ! grep -q 'loading' <<<"$screen" && break
  done
  # Any filter kept before goes first (`x`).
  tmux -L kept send-keys x; sleep 1
  if [ "${KIND:-person}" = mentioned ]; then
    tmux -L kept send-keys d; sleep 1
    tmux -L kept send-keys Tab; sleep 1
    tmux -L kept send-keys C-u; sleep 1
  else
    tmux -L kept send-keys p; sleep 1
  fi
  tmux -L kept send-keys -l "$query"; sleep 2
  tmux -L kept send-keys Enter; sleep 1
  echo "kept: $(tmux -L kept capture-pane -p | head -1 | sed 's/^ *//')"
  tmux -L kept send-keys q; sleep 3
  tmux -L kept kill-server 2>/dev/null || true
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
drawn=(); rsss=()
for _ in $(seq "$runs"); do
  env $envs KHABAR_DEBUG=exit-after-first-articles /usr/bin/time -f '%M' -o "$work/rss" \
    script -qec "$bin --width-model per-code-point $corpus" /dev/null >"$work/out" 2>&1 || true
  drawn+=($(grep -ao 'drawn at [0-9]*' "$work/out" | tail -1 | awk '{print $3}'))
  rsss+=($(( $(tail -1 "$work/rss") / 1024 )))
done
printf '== %s articles, kept filter: first article listed at median %s ms, peak RSS median %s MiB   (drawn: %s ms; RSS: %s MiB)\n' \
  "$n" "$(printf '%s\n' "${drawn[@]}" | median)" "$(printf '%s\n' "${rsss[@]}" | median)" "${drawn[*]}" "${rsss[*]}"
