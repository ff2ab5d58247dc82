//! Reading and extracting off the event loop: one thread walks the folders and hands each
//! file to a pool on all cores as soon as it is found, and each article is sent to the
//! loop when it is ready, so the list fills progressively while keys keep working.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, SyncSender as Sender};
use std::sync::{Mutex, MutexGuard};

use rayon::prelude::*;

use super::app::Entry;
use super::event::Msg;
use crate::cache::{self, Cache};
use crate::corpus;
use crate::extract;
use crate::index::SearchText;

/// Starts loading `paths` (the bundled seeds when empty) in the background.
///
/// With `cache_path`, unchanged files come from the cache without being read or
/// extracted, and the cache is updated once loading ends.
pub fn spawn(
    paths: Vec<PathBuf>,
    cache_path: Option<(PathBuf, u64)>,
    tx: Sender<Msg>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
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
            let _ = tx.send(Msg::Finished);
            return;
        }
        let (cache, note) = match cache_path {
            Some((path, fingerprint)) => Cache::open(path, fingerprint),
            None => (Cache::disabled(), None),
        };
        if let Some(note) = note {
            let _ = tx.send(Msg::Problem(note));
        }
        let (files_tx, files_rx) = mpsc::channel::<PathBuf>();
        let walker_tx = tx.clone();
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
        let updates = Mutex::new(Vec::new());
        let seen = Mutex::new(HashSet::new());
        let from_cache = Mutex::new(Vec::new());
        files_rx
            .into_iter()
            .par_bridge()
            .for_each_with(tx.clone(), |tx, file| {
                if let Some(key) = cache::key_of(&file) {
                    lock(&seen).insert(key);
                }
                let result = cache.process(&file);
                for p in result.problems {
                    let _ = tx.send(Msg::Problem(p.to_string()));
                }
                if result.cached {
                    lock(&from_cache).push(file);
                }
                if let Some(update) = result.update {
                    lock(&updates).push(update);
                }
                let mut done = 1;
                for a in result.articles {
                    // The file counts as done with its first article.
                    let entry = Entry::with_id(a.article, a.analysis, a.id);
                    let _ = tx.send(Msg::Loaded(Box::new(entry), done));
                    done = 0;
                }
                if done == 1 {
                    let _ = tx.send(Msg::FileDone);
                }
            });
        let _ = walker.join();
        let mut cache = cache;
        let updates = updates
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let seen = seen
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(e) = cache.save(&updates, &seen) {
            let _ = tx.send(Msg::Problem(format!("could not write the cache: {e}")));
        }
        let _ = tx.send(Msg::Finished);
        // Articles from the cache came without their text: read it now, in the background,
        // so search covers them too.
        let from_cache = from_cache
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        from_cache.par_iter().for_each_with(tx, |tx, file| {
            let mut problems = Vec::new();
            for article in corpus::read_file(file, &mut problems) {
                let folded = SearchText::folded(&article);
                let _ = tx.send(Msg::Text(article.path, article.origin, folded));
            }
        });
    })
}

/// A lock that survives a panicked worker (the data is still usable for what it holds).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
