//! Reading and extracting off the event loop: a worker thread sends each article as it
//! is ready, so the list fills progressively while keys keep working.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use super::app::Entry;
use super::event::Msg;
use crate::corpus;
use crate::extract;

/// Starts loading `paths` (the bundled seeds when empty) on a worker thread.
pub fn spawn(paths: Vec<PathBuf>, tx: Sender<Msg>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        if paths.is_empty() {
            let seeds = corpus::seeds();
            let _ = tx.send(Msg::Total(seeds.len()));
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
        let mut problems = Vec::new();
        let files = corpus::files(&paths, &mut problems);
        let _ = tx.send(Msg::Total(files.len()));
        for file in files {
            let articles = corpus::read_file(&file, &mut problems);
            for p in problems.drain(..) {
                let _ = tx.send(Msg::Problem(p.to_string()));
            }
            let mut done = 1;
            for article in articles {
                let analysis = extract::analyse(&article);
                // The file counts as done with its first article.
                if tx
                    .send(Msg::Loaded(Box::new(Entry::new(article, analysis)), done))
                    .is_err()
                {
                    return;
                }
                done = 0;
            }
            if done == 1 && tx.send(Msg::FileDone).is_err() {
                return;
            }
        }
        for p in problems {
            let _ = tx.send(Msg::Problem(p.to_string()));
        }
        let _ = tx.send(Msg::Finished);
    })
}
