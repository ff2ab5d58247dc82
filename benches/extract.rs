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

/// A cold import of the same folder into a new database (issue 14: the database must not
/// be the bottleneck): files read, decoded, analysed on all cores and written, counted by
/// the same bytes of text as the two above, so the medians compare directly.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn import_all_cores(bencher: divan::Bencher) {
    let dir = corpus_dir();
    let rules = khabar::library::rules_fingerprint("");
    bencher
        .counter(BytesCount::new(bytes()))
        .with_inputs(|| tempfile::tempdir().expect("a temporary folder"))
        .bench_values(|home| {
            let place = khabar::library::Place::At(home.path().join("khabar.db"));
            let (mut corpus, _) = khabar::library::Corpus::open_in(&place, rules).unwrap();
            let added = corpus
                .add(std::slice::from_ref(&dir), false, &mut |_, _| {})
                .unwrap();
            // The folder is dropped with the database outside the timed part.
            (added.extracted, corpus, home)
        });
}
