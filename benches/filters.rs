//! Filter and search latency on generated corpora: a person or date filter over 100,000
//! articles (median target under 5 ms) and one incremental-search keystroke over 10,000
//! (under 30 ms). Set `KHABAR_BENCH_ARTICLES` to use fewer articles for the filter bench.

use std::path::PathBuf;
use std::sync::OnceLock;

use khabar::corpus;
use khabar::extract::{self, entities::EntityKind};
use khabar::index::{DateRange, Filter, Index, SearchText};

#[path = "common/mod.rs"]
mod common;

fn main() {
    divan::main();
}

fn generated(count: usize) -> PathBuf {
    let n = count.to_string();
    common::make(
        &format!("jsonl-{count}"),
        &["--count", &n, "--format", "jsonl", "--seed", "5"],
    )
}

struct Corpus {
    index: Index,
    search: SearchText,
}

fn build(count: usize, with_search: bool) -> Corpus {
    let loaded = corpus::load(&[generated(count)]);
    let mut index = Index::default();
    let mut search = SearchText::default();
    for a in &loaded.articles {
        index.add(a, &extract::analyse(a));
        if with_search {
            search.add(a);
        }
    }
    Corpus { index, search }
}

fn large() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    let n = std::env::var("KHABAR_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    C.get_or_init(|| build(n, false))
}

fn medium() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| build(10_000, true))
}

/// The most mentioned person, as the filter a user would most likely pick.
fn top_person(index: &Index) -> String {
    index.entities_of(EntityKind::Person)[0].id.clone()
}

#[divan::bench(sample_count = 50)]
fn person_filter(bencher: divan::Bencher) {
    let c = large();
    let filter = Filter {
        entities: vec![vec![top_person(&c.index)]],
        ..Filter::default()
    };
    bencher.bench(|| c.index.select(&filter).docs.len());
}

#[divan::bench(sample_count = 50)]
fn date_filter_year(bencher: divan::Bencher) {
    let c = large();
    let filter = Filter {
        published: Some("2021".parse::<DateRange>().unwrap()),
        ..Filter::default()
    };
    bencher.bench(|| c.index.select(&filter).docs.len());
}

#[divan::bench(sample_count = 50)]
fn person_and_date_filter_sorted(bencher: divan::Bencher) {
    let c = large();
    let filter = Filter {
        entities: vec![vec![top_person(&c.index)]],
        published: Some("2019..2022".parse::<DateRange>().unwrap()),
        ..Filter::default()
    };
    bencher.bench(|| {
        let mut docs = c.index.select(&filter).docs;
        c.index.sort(&mut docs, khabar::index::Sort::Newest);
        docs.len()
    });
}

/// Articles mentioning a day of a given month (`d`, Tab, `2021-03` in the reader).
#[divan::bench(sample_count = 50)]
fn mentioned_date_filter_month(bencher: divan::Bencher) {
    let c = large();
    let filter = Filter {
        mentioned: Some("2021-03".parse::<DateRange>().unwrap()),
        ..Filter::default()
    };
    bencher.bench(|| c.index.select(&filter).docs.len());
}

/// The stories related to one article (`=` in the reader): every entity and mentioned
/// date is asked whether the article is among its articles.
#[divan::bench(sample_count = 30)]
fn related_of_one(bencher: divan::Bencher) {
    let c = large();
    let doc = u32::try_from(c.index.len() / 2).unwrap();
    bencher.bench(|| c.index.related(doc, 20).len());
}

/// The whole list put in title order (`s` in the reader), from the order it was loaded in.
#[divan::bench(sample_count = 10)]
fn sort_all_by_title(bencher: divan::Bencher) {
    let c = large();
    let all: Vec<u32> = (0..u32::try_from(c.index.len()).unwrap()).collect();
    bencher.bench(|| {
        let mut docs = all.clone();
        c.index.sort(&mut docs, khabar::index::Sort::Title);
        docs[0]
    });
}

#[divan::bench(sample_count = 30, args = ["प", "पुति", "पुतिन ने"])]
fn search_keystroke_10k(bencher: divan::Bencher, query: &str) {
    let c = medium();
    let all: Vec<u32> = (0..c.index.len() as u32).collect();
    bencher.bench(|| c.search.matching(query, &all).len());
}
