#!/usr/bin/env bash
# Fetch benchmark: FEEDS feeds x ENTRIES summary-only entries, every page fetched for its
# full text, from web servers on loopback addresses (127.0.0.1..4), then the same fetch
# again (all 304s). Prints wall time and peak RSS of each `khabar fetch`.
#
#   bench/feeds.sh [FEEDS] [ENTRIES]        (defaults 20 50)
set -euo pipefail
cd "$(dirname "$0")/.."
feeds=${1:-20}
entries=${2:-50}
port=8765
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

cargo build --release --quiet
bin=target/release/khabar
python3 bench/gen_corpus.py --out "$work/corpus" --count $((feeds * entries)) --format jsonl >/dev/null
corpus=$(find "$work/corpus" -name '*.jsonl' | head -1)
python3 bench/feed_site.py "$corpus" "$work/site" --feeds "$feeds" --entries "$entries" --port $port >"$work/urls"
for h in 1 2 3 4; do
  python3 -m http.server --bind 127.0.0.$h $port --directory "$work/site" >/dev/null 2>&1 &
  pids+=($!)
done
sleep 1
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
while read -r url; do "$bin" feeds add "$url" >/dev/null; done <"$work/urls"

for run in first second; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" fetch >"$work/out-$run" 2>"$work/err-$run" || true
  read -r wall rss <"$work/time"
  echo "$run fetch: ${wall} s wall, peak RSS $((rss / 1024)) MiB; $(grep -c 'not modified' "$work/out-$run") of $feeds feeds not modified; $(grep -c 'error' "$work/err-$run" || true) errors"
done
head -3 "$work/out-first"
echo "articles stored: $(cat "$work"/data/khabar/feeds/*.jsonl | wc -l); with full text: $(cat "$work"/data/khabar/feeds/*.jsonl | grep -c '"full_text":true')"
