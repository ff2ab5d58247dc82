//! Loading a JSON Lines file through the cache without holding it whole: the file is
//! hashed in one pass of fixed-size reads, then its records are read, analysed (on all
//! cores) and packed batch by batch, so memory follows a batch, not the file (a 200 MB
//! file used to need about four times its size at once).

use std::path::Path;

use super::warm::Stored;
use super::{Arrival, Cache, FileResult, FileStamp, Packed, key_of, stamp, unpack};
use crate::corpus::{self, Article, Problem};
use crate::extract;
use crate::state::content_id;

/// Records are analysed in batches of about this much text.
const BATCH_BYTES: usize = 8 << 20;

impl Cache {
    /// [`Cache::process`] for a JSON Lines file, streamed. Search texts are kept only when
    /// `keep_folded` (a reader searches as it goes; `list` reads them back when asked).
    pub(super) fn process_streamed(&self, file: &Path, keep_folded: bool) -> FileResult {
        let unreadable = |e: std::io::Error| FileResult {
            articles: Vec::new(),
            problems: vec![Problem::Unreadable {
                path: file.to_owned(),
                reason: e.to_string(),
            }],
            stamp: None,
        };
        let meta = match std::fs::metadata(file) {
            Ok(m) => m,
            Err(e) => return unreadable(e),
        };
        let hash = match corpus::hash_file(file) {
            Ok(h) => h,
            Err(e) => return unreadable(e),
        };
        let mut file_stamp = key_of(file).map(|key| FileStamp {
            key,
            stamp: stamp(&meta),
            hash,
            clean: true,
        });
        // Unchanged bytes (a file only touched): each record's analysis is reused.
        let reuse: Option<&Vec<Stored>> = file_stamp.as_ref().and_then(|s| {
            let (before, recs) = self.touched.get(&s.key)?;
            (before.hash == s.hash).then_some(recs)
        });
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        corpus::read_batches(file, BATCH_BYTES, &mut |batch, mut found| {
            use rayon::prelude::*;
            problems.append(&mut found);
            let first = articles.len();
            let arrivals: Vec<Arrival> = batch
                .par_iter()
                .enumerate()
                .map(|(i, article)| {
                    let reused = reuse
                        .and_then(|recs| recs.get(first + i))
                        .and_then(|rec| self.reuse(rec, article));
                    let mut arrival = reused.unwrap_or_else(|| {
                        let analysis = extract::analyse(article);
                        Arrival::new(article, &analysis, content_id(article))
                    });
                    if !keep_folded {
                        arrival.folded = None;
                    }
                    arrival
                })
                .collect();
            articles.extend(arrivals);
            true
        });
        if let Some(s) = &mut file_stamp {
            s.clean = problems.is_empty();
        }
        FileResult {
            articles,
            problems,
            stamp: file_stamp,
        }
    }

    /// The stored analysis of `article`, if the details section still holds it intact.
    pub(super) fn reuse(&self, rec: &Stored, article: &Article) -> Option<Arrival> {
        let bytes = self.details.as_ref()?.read(rec.at, rec.len, rec.hash)?;
        let (_, analysis) = unpack(&bytes)?;
        let mut arrival = Arrival::new(article, &analysis, rec.id);
        arrival.packed = Packed::Owned(bytes.into());
        Some(arrival)
    }
}
