//! Entity extraction throughput on Hindi news text, in bytes of content regions scanned.
//!
//! `generated` runs over a 20 MB corpus from `bench/gen_corpus.py` (seed paragraphs
//! recombined with other names; cached under `target/`, or `KHABAR_BENCH_CORPUS=DIR`);
//! `seeds` over the five real pages. Articles are parsed once, outside the timing.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use khabar::Span;
use khabar::corpus::{self, Article};
use khabar::extract::entities::{find_entities, matcher};

#[path = "common/mod.rs"]
mod common;

fn main() {
    divan::main();
}

fn corpus_dir() -> PathBuf {
    common::generated(
        "entities-20mb",
        &["--size-mb", "20", "--format", "txt", "--seed", "11"],
    )
}

type Prepared = Vec<(Article, Vec<Span>)>;

fn prepare(articles: Vec<Article>) -> Prepared {
    articles
        .into_iter()
        .map(|a| {
            let regions = a.content_regions();
            (a, regions)
        })
        .collect()
}

fn generated() -> &'static Prepared {
    static ARTICLES: OnceLock<Prepared> = OnceLock::new();
    ARTICLES.get_or_init(|| prepare(corpus::load(&[corpus_dir()]).articles))
}

fn seeds() -> &'static Prepared {
    static ARTICLES: OnceLock<Prepared> = OnceLock::new();
    ARTICLES.get_or_init(|| prepare(corpus::seeds()))
}

fn region_bytes(articles: &Prepared) -> usize {
    articles.iter().flat_map(|(_, r)| r).map(|s| s.len()).sum()
}

fn run(bencher: divan::Bencher, articles: &'static Prepared) {
    // Build the automaton before timing: it is built once per process.
    let _ = matcher();
    bencher
        .counter(BytesCount::new(region_bytes(articles)))
        .bench(|| {
            articles
                .iter()
                .map(|(a, regions)| find_entities(&a.text, regions).len())
                .sum::<usize>()
        });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn generated_corpus(bencher: divan::Bencher) {
    run(bencher, generated());
}

#[divan::bench(sample_count = 50, sample_size = 5)]
fn seed_articles(bencher: divan::Bencher) {
    run(bencher, seeds());
}

/// Building the gazetteer automaton, paid once per process.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn build_gazetteer() -> usize {
    khabar::extract::entities::Gazetteer::builtin()
        .into_matcher()
        .gazetteer
        .form_count()
}

/// Decoding the embedded tagger model, which the first extraction pays once.
#[divan::bench(sample_count = 20)]
fn decode_tagger_model() -> usize {
    use khabar::extract::entities::tagger::{Model, model_file};
    Model::from_bytes(divan::black_box(model_file())).map_or(0, |m| m.weights.len())
}
