//! Ingest throughput on a generated corpus of at least 50 MB.
//!
//! The corpus comes from `bench/gen_corpus.py` (run once, cached under `target/`); set
//! `KHABAR_BENCH_CORPUS=DIR` to use another folder of articles.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use khabar::corpus;

#[path = "common/mod.rs"]
mod common;

fn main() {
    divan::main();
}

fn corpus_dir() -> PathBuf {
    common::generated(
        "ingest-60mb",
        &["--size-mb", "60", "--format", "txt", "--seed", "7"],
    )
}

/// Every file's bytes, read once so the benchmark measures parsing rather than the disk.
fn files() -> &'static [(PathBuf, Vec<u8>)] {
    static FILES: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut problems = Vec::new();
        let paths = corpus::files(&[corpus_dir()], &mut problems);
        paths
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(p).unwrap()))
            .collect()
    })
}

fn total_bytes() -> usize {
    files().iter().map(|(_, b)| b.len()).sum()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_from_memory(bencher: divan::Bencher) {
    let files = files();
    bencher.counter(BytesCount::new(total_bytes())).bench(|| {
        let mut problems = Vec::new();
        let mut n = 0;
        for (path, bytes) in files {
            n += corpus::from_bytes(path, bytes, false, &mut problems).len();
        }
        n
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_folder(bencher: divan::Bencher) {
    let dir = corpus_dir();
    bencher
        .counter(BytesCount::new(total_bytes()))
        .bench(|| corpus::load(std::slice::from_ref(&dir)).articles.len());
}
