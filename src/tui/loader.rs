//! Reading and extracting off the event loop. Without a usable cache, one thread walks the
//! folders and hands each file to a pool on all cores as soon as it is found, and each file's
//! articles go to the loop when ready, so the list fills progressively while keys keep
//! working. With one, every unchanged file's articles and index go over at once, and only
//! the rest is read.
//!
//! The loader's workers have a pool of their own. They block when the loop's bounded channel
//! is full; if they were rayon's global pool, a search the loop runs on that pool (see
//! [`crate::index::SearchText::matching`]) would wait for them while they wait for the loop,
//! and the reader would hang.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, SyncSender as Sender};

use rayon::prelude::*;

use super::app::Entry;
use super::event::Msg;
use crate::cache::Cache;
use crate::corpus;
use crate::extract;
use crate::text::fold::fold;

/// Starts loading `paths` (the bundled seeds when empty) in the background.
///
/// With `cache_path`, unchanged files come from the cache without being read or
/// extracted, and the loop is handed the cache to update once loading ends.
pub fn spawn(
    paths: Vec<PathBuf>,
    cache_path: Option<(PathBuf, u64)>,
    tx: Sender<Msg>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(cores)
            .thread_name(|i| format!("khabar-load-{i}"))
            .build();
        match pool {
            Ok(pool) => pool.install(|| load(&paths, cache_path, &tx)),
            // No threads to be had: load on this one rather than share the global pool
            // (or, failing even that, as things are).
            Err(_) => match rayon::ThreadPoolBuilder::new()
                .use_current_thread()
                .num_threads(1)
                .build()
            {
                Ok(pool) => pool.install(|| load(&paths, cache_path, &tx)),
                Err(_) => load(&paths, cache_path, &tx),
            },
        }
    })
}

/// The loader's work, on its pool.
fn load(paths: &[PathBuf], cache_path: Option<(PathBuf, u64)>, tx: &Sender<Msg>) {
    if paths.is_empty() {
        let seeds = corpus::seeds();
        let _ = tx.send(Msg::Found(seeds.len()));
        for article in seeds {
            let analysis = extract::analyse(&article);
            if tx
                .send(Msg::Loaded(Box::new(Entry::new(article, analysis)), 1))
                .is_err()
            {
                return;
            }
        }
        let _ = tx.send(Msg::Finished(None));
        return;
    }
    let (mut cache, note) = match cache_path {
        Some((path, fingerprint)) => Cache::open(path, fingerprint),
        None => (Cache::disabled(), None),
    };
    if let Some(note) = note {
        let _ = tx.send(Msg::Problem(note));
    }
    cache.watch(paths);
    let processed;
    let mut unread = Vec::new();
    if cache.is_empty() {
        processed = progressively(paths, &cache, tx);
    } else {
        // Stale while revalidate: the cached list and index go to the screen at once,
        // then every file is checked and what changed is withdrawn and read again.
        let warm = cache.warm_all();
        let done = warm.files.len();
        let _ = tx.send(Msg::Found(done));
        let _ = tx.send(Msg::Warm(Box::new(warm), done));
        unread = cache.unread();
        let mut problems = Vec::new();
        let files = corpus::files(paths, &mut problems);
        for p in problems {
            let _ = tx.send(Msg::Problem(p.to_string()));
        }
        let checked = cache.revalidate(&files);
        let _ = tx.send(Msg::Revalidated(
            checked.stale_docs,
            checked.stale_files,
            files.len(),
        ));
        if let Some(note) = cache.check_quick() {
            let _ = tx.send(Msg::Problem(note));
        }
        processed = checked.rest.len();
        checked
            .rest
            .par_iter()
            .for_each_with(tx.clone(), |tx, file| process(&cache, file, tx));
    }
    let save = cache.changed(processed).then(|| Box::new(cache));
    let _ = tx.send(Msg::Finished(save));
    // Articles from the cache came without their text: read it now, in the background,
    // so search covers them too.
    unread
        .into_par_iter()
        .enumerate()
        .for_each_with(tx.clone(), |tx, (n, article)| {
            // The title is folded by the reader, which has it.
            if let Ok(text) = corpus::reload_text(&article) {
                let _ = tx.send(Msg::Text(n, fold(&text).into_boxed_str()));
            }
        });
    let _ = tx.send(Msg::TextsDone);
}

/// Walks `paths` and processes each file on the pool as soon as it is found; returns how
/// many files were processed.
fn progressively(paths: &[PathBuf], cache: &Cache, tx: &Sender<Msg>) -> usize {
    let (files_tx, files_rx) = mpsc::channel::<PathBuf>();
    let walker_tx = tx.clone();
    let paths = paths.to_vec();
    let walker = std::thread::spawn(move || {
        corpus::each_file(
            &paths,
            &mut |file| {
                let _ = walker_tx.send(Msg::Found(1));
                let _ = files_tx.send(file);
            },
            &mut |problem| {
                let _ = walker_tx.send(Msg::Problem(problem.to_string()));
            },
        );
    });
    let count = AtomicUsize::new(0);
    files_rx
        .into_iter()
        .par_bridge()
        .for_each_with(tx.clone(), |tx, file| {
            count.fetch_add(1, Ordering::Relaxed);
            process(cache, &file, tx);
        });
    let _ = walker.join();
    count.into_inner()
}

/// Reads and extracts one file (or reuses its cached results) and sends its articles.
fn process(cache: &Cache, file: &std::path::Path, tx: &Sender<Msg>) {
    let _ = tx.send(Msg::File(Box::new(cache.process(file))));
}
