//! Reading and extracting off the event loop: one thread walks the folders and hands each
//! file to a pool on all cores as soon as it is found, and each article is sent to the
//! loop when it is ready, so the list fills progressively while keys keep working.

use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};

use rayon::prelude::*;

use super::app::Entry;
use super::event::Msg;
use crate::corpus;
use crate::extract;

/// Starts loading `paths` (the bundled seeds when empty) in the background.
pub fn spawn(paths: Vec<PathBuf>, tx: Sender<Msg>) -> std::thread::JoinHandle<()> {
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
        files_rx
            .into_iter()
            .par_bridge()
            .for_each_with(tx.clone(), |tx, file| {
                let mut problems = Vec::new();
                let articles = corpus::read_file(&file, &mut problems);
                for p in problems {
                    let _ = tx.send(Msg::Problem(p.to_string()));
                }
                let mut done = 1;
                for article in articles {
                    let analysis = extract::analyse(&article);
                    // The file counts as done with its first article.
                    let _ = tx.send(Msg::Loaded(Box::new(Entry::new(article, analysis)), done));
                    done = 0;
                }
                if done == 1 {
                    let _ = tx.send(Msg::FileDone);
                }
            });
        let _ = walker.join();
        let _ = tx.send(Msg::Finished);
    })
}
