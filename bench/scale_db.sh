# Sourced by the benchmarks that run on bench/scale.sh's generated corpus and its warm
# database: `scale_db N` sets work, home and corpus (target/bench-scale,
# target/bench-scale/cache-N, target/bench-corpus/scale-N) and stops the script with a
# message when either is missing.
scale_db() {
  work=$PWD/target/bench-scale
  home=$work/cache-$1
  corpus=$PWD/target/bench-corpus/scale-$1
  if [ ! -f "$corpus/.done" ] || [ ! -f "$home/khabar/khabar.db" ]; then
    echo "no corpus or database for $1 articles: run bench/scale.sh 1 $1 first" >&2
    exit 1
  fi
}
