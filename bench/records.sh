#!/usr/bin/env bash
# Records benchmark: one JSON Lines file of 10,000, 30,000 and 100,000 records (a feed's
# file after years of fetches), timed through `list` (warm database), `list --search`
# (which reads the file again) and `extract --json --no-cache`, with the ratio to the size
# before, and peak RSS. Linear work gives ratios near 3 and 3.3; a stage that is quadratic
# in the records of one file gives ~10. A run is cut off after LIMIT seconds (default 120).
# Usage: [KHABAR=BIN] bench/records.sh [LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-120}
if [ -z "${KHABAR:-}" ]; then cargo build --release --quiet; fi
bin=${KHABAR:-$PWD/target/release/khabar}
work=${TMPDIR:-/tmp}/khabar-records
mkdir -p "$work"
export XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config

records() { # count -> file
  python3 - "$1" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(n)
words = "सरकार ने आज कहा कि बैठक में नई नीति पर चर्चा हुई और मंत्री ने लोगों से बात की".split()
for i in range(n):
    body = " ".join(rng.choice(words) for _ in range(60)) + "।"
    print(json.dumps({"title": f"खबर {i}", "body": body}, ensure_ascii=False))
PY
}

printf '%-8s %-14s %9s %7s %8s\n' records what seconds ratio 'RSS MiB'
declare -A prev
for n in 10000 30000 100000; do
  f=$work/records-$n.jsonl
  [ -f "$f" ] || records "$n" >"$f"
  rm -rf "$work/data"
  "$bin" list "$f" >/dev/null 2>&1 || true
  for what in list search extract; do
    case $what in
      list) cmd=("$bin" list "$f") ;;
      search) cmd=("$bin" list --search zzzz "$f") ;;
      extract) cmd=("$bin" extract --json --no-cache "$f") ;;
    esac
    /usr/bin/time -o "$work/time" -f '%e %M' timeout "$limit" "${cmd[@]}" >/dev/null 2>&1 || true
    read -r t m < <(tail -1 "$work/time")
    ratio=-
    [ -n "${prev[$what]:-}" ] && ratio=$(awk -v a="$t" -v b="${prev[$what]}" 'BEGIN{ if (b > 0) printf "%.1f", a / b; else print "-" }')
    printf '%-8s %-14s %9s %7s %8s\n' "$n" "$what" "$t" "$ratio" "$(( m / 1024 ))"
    prev[$what]=$t
  done
done
