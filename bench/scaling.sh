#!/usr/bin/env bash
# Scaling benchmark (issue 15): time and peak RSS of `khabar extract --json --no-cache`
# on one article of 10 KB, 100 KB, 1 MB and 10 MB of each input kind of
# bench/scaling_inputs.py (news, dates, nospace, lines, shuffled), with the ratio to the size
# before. Linear work shows ratios near 10 (times below ~20 ms are dominated by
# start-up, so their ratios are not meaningful); a quadratic stage shows ~100.
# A run is cut off after LIMIT seconds (default 120) and shown as ">LIMIT".
# Usage: [KHABAR=BIN] bench/scaling.sh [LIMIT] [KINDS...]   e.g. bench/scaling.sh 60 dates news
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-120}
shift || true
kinds=("${@:-news dates nospace lines shuffled}")
[ ${#kinds[@]} -eq 1 ] && read -r -a kinds <<<"${kinds[0]}"
sizes=(10000 100000 1000000 10000000)

# KHABAR=path/to/binary measures another build (e.g. one saved before a change).
if [ -z "${KHABAR:-}" ]; then cargo build --release --quiet; fi
bin=${KHABAR:-$PWD/target/release/khabar}
work=${TMPDIR:-/tmp}/khabar-scaling
mkdir -p "$work"
if [ ! -d "$work/corpus" ]; then
  python3 bench/gen_corpus.py --out "$work/corpus" --count 300 --seed 3 >/dev/null
fi

printf '%-8s %10s %9s %7s %9s %7s\n' kind bytes seconds ratio 'RSS MiB' ratio
for kind in "${kinds[@]}"; do
  prev_t="" prev_m=""
  for size in "${sizes[@]}"; do
    f=$work/$kind-$size.txt
    [ -f "$f" ] || python3 bench/scaling_inputs.py --kind "$kind" --bytes "$size" \
      --corpus "$work/corpus" >"$f"
    /usr/bin/time -o "$work/time" -f '%e %M' timeout "$limit" "$bin" extract --json --no-cache \
      "$f" >/dev/null 2>/dev/null || true
    read -r t m < <(tail -1 "$work/time")
    mib=$(( m / 1024 ))
    if awk -v t="$t" -v l="$limit" 'BEGIN{exit !(t>=l)}'; then
      printf '%-8s %10s %9s %7s %9s %7s\n' "$kind" "$size" ">$limit" - "$mib" -
      break
    fi
    rt=-; rm=-
    [ -n "$prev_t" ] && rt=$(awk -v a="$t" -v b="$prev_t" 'BEGIN{printf "%.1f", (b>0? a/b : 0)}')
    [ -n "$prev_m" ] && rm=$(awk -v a="$mib" -v b="$prev_m" 'BEGIN{printf "%.1f", (b>0? a/b : 0)}')
    printf '%-8s %10s %9s %7s %9s %7s\n' "$kind" "$size" "$t" "$rt" "$mib" "$rm"
    prev_t=$t prev_m=$mib
  done
done
