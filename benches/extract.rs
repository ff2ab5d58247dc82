//! Extraction throughput (entities and dates, the whole `analyse`) on a generated corpus,
//! on one core and on all cores.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use khabar::corpus::{self, Article};
use khabar::extract;
use rayon::prelude::*;

#[path = "common/mod.rs"]
mod common;

fn main() {
    divan::main();
}

fn corpus_dir() -> PathBuf {
    common::generated(
        "extract-30mb",
        &["--size-mb", "30", "--format", "txt", "--seed", "3"],
    )
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
