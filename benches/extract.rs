//! Extraction throughput (entities and dates, the whole `analyse`) on a generated corpus,
//! on one core and on all cores.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use khabar::corpus::{self, Article};
use khabar::extract;
use rayon::prelude::*;

fn main() {
    divan::main();
}

fn corpus_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-corpus/extract-30mb");
    if !dir.join(".done").exists() {
        let status = Command::new("python3")
            .arg(root.join("bench/gen_corpus.py"))
            .args([
                "--out",
                dir.to_str().unwrap(),
                "--size-mb",
                "30",
                "--format",
                "txt",
                "--seed",
                "3",
            ])
            .status()
            .expect("python3 runs bench/gen_corpus.py");
        assert!(status.success());
        std::fs::write(dir.join(".done"), "").unwrap();
    }
    dir
}

fn articles() -> &'static [Article] {
    static A: OnceLock<Vec<Article>> = OnceLock::new();
    A.get_or_init(|| corpus::load(&[corpus_dir()]).articles)
}

fn bytes() -> usize {
    articles().iter().map(|a| a.text.len()).sum()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn analyse_one_core(bencher: divan::Bencher) {
    let arts = articles();
    bencher.counter(BytesCount::new(bytes())).bench(|| {
        arts.iter()
            .map(|a| extract::analyse(a).entities.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn analyse_all_cores(bencher: divan::Bencher) {
    let arts = articles();
    bencher.counter(BytesCount::new(bytes())).bench(|| {
        arts.par_iter()
            .map(|a| extract::analyse(a).entities.len())
            .sum::<usize>()
    });
}
