#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for MINUTES each, one after another (issue 15).
# Not part of CI. Needs the nightly toolchain; installs cargo-fuzz from crates.io if
# missing. Inputs are capped at MAX_LEN bytes (default 32768) so the time-per-byte check
# sees inputs long enough for superlinear work to show. A crash, a failed property or a
# slow input stops that target and leaves the input in fuzz/artifacts/TARGET/; copy it to
# tests/data/fuzz-regressions/TARGET/ so `cargo test --test fuzz_regressions` replays it.
# Usage: bench/fuzz.sh MINUTES [TARGETS...]     e.g. bench/fuzz.sh 30, bench/fuzz.sh 5 dates
set -uo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: bench/fuzz.sh MINUTES [TARGETS...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(ingest dates entities wrap fold)
max_len=${MAX_LEN:-32768}

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
cargo +nightly fuzz build -O || exit 2

status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  # Start from the sample articles and the regression inputs.
  cp seeds/*.txt "fuzz/corpus/$t/" 2>/dev/null || true
  cp tests/data/fuzz-regressions/"$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
  echo "== $t: $minutes min"
  log=fuzz/artifacts/$t.log
  mkdir -p fuzz/artifacts
  nice -n 10 cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- \
    -max_total_time=$((minutes * 60)) -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1
  code=$?
  grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|panicked|Test unit written|slow input' \
    "$log" | head -20
  [ $code -ne 0 ] && status=1 && echo "   $t failed (exit $code); log: $log"
done
exit $status
