//! Date extraction throughput on Hindi news text, in bytes of article text per second.
//!
//! The corpus is the folder named by `KHABAR_BENCH_CORPUS` (for example the output of
//! `python3 bench/gen_corpus.py --out /tmp/corpus --size-mb 16 --format txt`), or else the
//! seed articles repeated to about 8 MiB. Ingest happens before timing: only
//! `find_dates` (and `parse_published` over every line) is measured.

use std::path::PathBuf;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use khabar::Span;
use khabar::corpus::{self, Article};
use khabar::extract::dates::{find_dates, parse_published};

fn main() {
    divan::main();
}

fn corpus() -> Vec<Article> {
    if let Some(dir) = std::env::var_os("KHABAR_BENCH_CORPUS") {
        let loaded = corpus::load(&[PathBuf::from(dir)]);
        assert!(
            !loaded.articles.is_empty(),
            "KHABAR_BENCH_CORPUS holds no articles"
        );
        return loaded.articles;
    }
    let seeds = corpus::seeds();
    let size: usize = seeds.iter().map(|a| a.text.len()).sum();
    let copies = (8 << 20) / size.max(1) + 1;
    std::iter::repeat_n(seeds, copies).flatten().collect()
}

fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}

/// As the reader runs it: content regions only, anchored on the publication date.
#[divan::bench(sample_count = 20)]
fn find_dates_in_regions(bencher: Bencher) {
    let articles = corpus();
    let regions: Vec<Vec<Span>> = articles.iter().map(Article::content_regions).collect();
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .bench(|| {
            let mut n = 0;
            for (a, r) in articles.iter().zip(&regions) {
                n += find_dates(black_box(&a.text), r, a.published.as_ref()).len();
            }
            n
        });
}

/// Every byte searched, chrome included: the worst case for the scanner.
#[divan::bench(sample_count = 20)]
fn find_dates_whole_text(bencher: Bencher) {
    let articles = corpus();
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .bench(|| {
            let mut n = 0;
            for a in &articles {
                let whole = [Span::new(0, a.text.len())];
                n += find_dates(black_box(&a.text), &whole, a.published.as_ref()).len();
            }
            n
        });
}

/// `parse_published` asked of every line, as a byline finder might.
#[divan::bench(sample_count = 20)]
fn parse_published_every_line(bencher: Bencher) {
    let articles = corpus();
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .bench(|| {
            let mut n = 0;
            for a in &articles {
                n += a
                    .text
                    .lines()
                    .filter_map(|l| parse_published(black_box(l)))
                    .count();
            }
            n
        });
}
