//! Corpora for the benchmarks: made once by `bench/gen_corpus.py` and kept under
//! `target/bench-corpus/`, or taken from `KHABAR_BENCH_CORPUS=DIR`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The allocator the `khabar` binary runs with (see `src/main.rs`), so a benchmark measures
/// what the program does: with the system allocator, malloc and free were an eighth of
/// entity extraction.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `KHABAR_BENCH_CORPUS` if set, else the generated corpus `name` (see [`make`]).
#[allow(dead_code)]
pub fn generated(name: &str, args: &[&str]) -> PathBuf {
    std::env::var_os("KHABAR_BENCH_CORPUS").map_or_else(|| make(name, args), PathBuf::from)
}

/// The generated corpus `name`, made with `args` (e.g. `["--size-mb", "20"]`) if missing.
pub fn make(name: &str, args: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-corpus").join(name);
    if !dir.join(".done").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let status = Command::new("python3")
            .arg(root.join("bench/gen_corpus.py"))
            .arg("--out")
            .arg(&dir)
            .args(args)
            .status()
            .expect("python3 runs bench/gen_corpus.py");
        assert!(status.success(), "corpus generation failed");
        std::fs::write(dir.join(".done"), "").expect("corpus folder is writable");
    }
    dir
}
