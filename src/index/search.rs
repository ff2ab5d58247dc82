//! Full-text search over titles and bodies with the same folding as entity matching:
//! nukta, chandrabindu/anusvara, nasal spellings, Devanagari digits = ASCII digits, Latin
//! case. Only the folded text is kept per article; positions for highlighting are found
//! again on the one article being shown.

use crate::corpus::Article;
use crate::span::Span;
use crate::text::fold::{Folded, fold};
use crate::text::roman;

/// The searchable (folded) text of every article, by document number.
///
/// Folded text is about as large as the corpus, so past a limit it goes to a spill file (see
/// [`SearchText::spill_to`]) and is read back by each search; the page cache, not the
/// reader's memory, then holds it.
#[derive(Debug, Default)]
pub struct SearchText {
    docs: Vec<Slot>,
    in_memory: usize,
    /// Bytes kept in memory before the rest spills (when there is a spill file).
    limit: usize,
    spill: Option<Spill>,
}

#[derive(Debug, Clone)]
enum Slot {
    /// Not known yet (the text comes later) or empty.
    None,
    Memory(Box<str>),
    Disk {
        at: u64,
        len: u32,
    },
}

/// A file of folded texts, unlinked as soon as it is made (so it goes when the reader does).
#[derive(Debug)]
struct Spill {
    file: std::fs::File,
    len: u64,
}

impl SearchText {
    /// What the reader keeps in memory before folded text spills (32 MiB).
    pub const MEMORY: usize = 32 << 20;

    /// Sends folded text past `limit` bytes to an anonymous file in `dir` (created and
    /// unlinked at once, so nothing is left behind whatever happens). Without it, or if the
    /// file cannot be made, everything stays in memory.
    pub fn spill_to(&mut self, dir: &std::path::Path, limit: usize) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!(
            "search-{}-{:x}.tmp",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos()
        ));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        std::fs::remove_file(&path)?;
        self.spill = Some(Spill { file, len: 0 });
        self.limit = limit;
        Ok(())
    }

    pub fn add(&mut self, article: &Article) {
        let folded = Self::folded(article);
        self.push_folded(folded);
    }

    /// Adds a document whose searchable text was folded elsewhere (on a loader thread).
    pub fn push_folded(&mut self, folded: Box<str>) {
        let slot = self.store(folded);
        self.docs.push(slot);
    }

    /// Adds `n` documents whose text comes later ([`Self::set`]).
    pub fn push_pending(&mut self, n: usize) {
        self.docs.resize(self.docs.len() + n, Slot::None);
    }

    /// Replaces document `doc`'s searchable text (when it was added before its text was at
    /// hand).
    pub fn set(&mut self, doc: usize, folded: Box<str>) {
        if doc < self.docs.len() {
            self.docs[doc] = self.store(folded);
        }
    }

    fn store(&mut self, folded: Box<str>) -> Slot {
        use std::os::unix::fs::FileExt;
        if folded.is_empty() {
            return Slot::None;
        }
        if self.in_memory + folded.len() > self.limit
            && let Some(spill) = &mut self.spill
            && let Ok(len) = u32::try_from(folded.len())
            && spill
                .file
                .write_all_at(folded.as_bytes(), spill.len)
                .is_ok()
        {
            let at = spill.len;
            spill.len += u64::from(len);
            return Slot::Disk { at, len };
        }
        self.in_memory += folded.len();
        Slot::Memory(folded)
    }

    /// The searchable form of an article: title and text, folded, then the romanised
    /// skeleton of both (see [`Body::with_title`]).
    pub fn folded(article: &Article) -> Box<str> {
        Body::of(fold(&article.text)).with_title(&article.title)
    }

    /// The documents among `within` whose title or text contains `query` (folded), in
    /// `within`'s order. Spilled texts are read back on all cores.
    pub fn matching(&self, query: &str, within: &[u32]) -> Vec<u32> {
        self.matching_while(query, within, || true)
    }

    /// [`SearchText::matching`], giving up (with what it found so far) as soon as `go`
    /// says false: a search nobody waits for any more stops reading.
    pub fn matching_while(
        &self,
        query: &str,
        within: &[u32],
        go: impl Fn() -> bool + Sync,
    ) -> Vec<u32> {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;
        let q = fold(query);
        let q = q.trim();
        if q.is_empty() {
            return within.to_vec();
        }
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        // A Latin query also looks for its romanised spelling (`nasa` finds नासा).
        let roman = q
            .bytes()
            .any(|b| b.is_ascii_alphabetic())
            .then(|| roman::latin_skeleton(q))
            .filter(|r| r != q);
        let roman = roman
            .as_deref()
            .map(|r| memchr::memmem::Finder::new(r.as_bytes()));
        let found = |t: &[u8]| {
            finder.find(t).is_some() || roman.as_ref().is_some_and(|r| r.find(t).is_some())
        };
        // Texts in memory are looked at in place; spilled ones are read back in runs of
        // neighbouring texts, one read a run: a read per text cost more than the looking
        // (a million system calls a search at a million articles).
        let mut on_disk: Vec<(u64, u32, u32)> = Vec::new();
        let mut hits: Vec<u32> = within
            .par_iter()
            .with_min_len(256)
            .filter(|&&d| {
                go() && match self.docs.get(d as usize) {
                    Some(Slot::Memory(t)) => found(t.as_bytes()),
                    _ => false,
                }
            })
            .copied()
            .collect();
        for &d in within {
            if let Some(Slot::Disk { at, len }) = self.docs.get(d as usize) {
                on_disk.push((*at, *len, d));
            }
        }
        if let Some(spill) = &self.spill {
            on_disk.sort_unstable();
            let runs = runs(&on_disk);
            let found_on_disk: Vec<u32> = runs
                .par_iter()
                .map_init(Vec::new, |buf, run| {
                    let (start, end) = (run[0].0, run[run.len() - 1].0);
                    let end = end + u64::from(run[run.len() - 1].1);
                    let Ok(size) = usize::try_from(end - start) else {
                        return Vec::new();
                    };
                    buf.resize(size, 0);
                    if !go() || spill.file.read_exact_at(buf, start).is_err() {
                        return Vec::new();
                    }
                    run.iter()
                        .filter(|(at, len, _)| {
                            let from = usize::try_from(at - start).unwrap_or(usize::MAX);
                            buf.get(from..from.saturating_add(*len as usize))
                                .is_some_and(&found)
                        })
                        .map(|&(_, _, d)| d)
                        .collect()
                })
                .flatten()
                .collect();
            hits.extend(found_on_disk);
        }
        // In `within`'s order.
        hits.sort_unstable();
        let hit = |d: &u32| hits.binary_search(d).is_ok();
        within.iter().copied().filter(hit).collect()
    }
}

/// Spilled texts `(offset, length, doc)`, in file order, cut into runs read at once: a run
/// ends where the next text is far (the gap would be read for nothing) or the run is large
/// enough (runs are read on all cores, and each needs a buffer).
fn runs(on_disk: &[(u64, u32, u32)]) -> Vec<&[(u64, u32, u32)]> {
    const RUN: u64 = 1 << 20;
    const GAP: u64 = 64 << 10;
    let mut out = Vec::new();
    let mut first = 0;
    for i in 1..=on_disk.len() {
        let cut = on_disk.get(i).is_none_or(|&(at, _, _)| {
            let (start, _, _) = on_disk[first];
            let (prev, len, _) = on_disk[i - 1];
            at > prev + u64::from(len) + GAP || at - start > RUN
        });
        if cut {
            out.push(&on_disk[first..i]);
            first = i;
        }
    }
    out
}

/// Where `query` occurs in the article's text, as byte spans of the original text: outside
/// site chrome, unless `chrome` (the raw view shows it).
pub fn occurrences(article: &Article, query: &str, chrome: bool) -> Vec<Span> {
    let q = fold(query);
    let q = q.trim();
    if q.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(&article.text);
    let mut hits: Vec<Span> = folded
        .text
        .match_indices(q)
        .map(|(i, m)| {
            let r = folded.original(i..i + m.len());
            whole_clusters(&article.text, Span::new(r.start, r.end))
        })
        .filter(|s| chrome || !article.in_chrome(*s))
        .collect();
    // Two hits in one cluster (`च` twice in `च्चे`) are one once widened.
    hits.dedup_by(|later, earlier| {
        let overlap = later.start < earlier.end;
        if overlap {
            earlier.end = earlier.end.max(later.end);
        }
        overlap
    });
    hits
}

/// `span` of `text` widened to whole grapheme clusters: a hit that starts or ends inside
/// one (`क` in `क्ष`, a vowel sign typed alone) would split it between two styles, and the
/// marks cut off are drawn on a dotted circle (trial 54: `अंतरिक◌्ष` while typing).
fn whole_clusters(text: &str, span: Span) -> Span {
    use unicode_segmentation::GraphemeCursor;
    let start = {
        let mut c = GraphemeCursor::new(span.start, text.len(), true);
        match c.is_boundary(text, 0) {
            Ok(true) => span.start,
            _ => c.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
        }
    };
    let end = {
        let mut c = GraphemeCursor::new(span.end, text.len(), true);
        match c.is_boundary(text, 0) {
            Ok(true) => span.end,
            _ => c
                .next_boundary(text, 0)
                .ok()
                .flatten()
                .unwrap_or(text.len()),
        }
    };
    Span::new(start, end)
}

/// An article's folded text with its romanised skeleton, made where the text is read back
/// (on all cores, off the reader's loop: romanising every article's text there kept the
/// loop busy for minutes after a warm start of a million articles).
/// [`Body::with_title`] adds the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    folded: String,
    roman: String,
}

impl Body {
    /// The body of an article whose text, folded, is `folded`.
    pub fn of(folded: String) -> Self {
        let roman = roman::romanise(&folded);
        Self { folded, roman }
    }

    /// The searchable form with `title`: the title and the text, folded, a line each, then
    /// the romanised skeleton of both (see [`crate::text::roman`]), so Latin queries find
    /// Devanagari words. Romanising stops at a line's end, so the title's skeleton and the
    /// text's join where the two would have been romanised together.
    pub fn with_title(self, title: &str) -> Box<str> {
        let title = fold(title);
        let roman_title = roman::romanise(&title);
        let mut s = String::with_capacity(
            title.len() + self.folded.len() + roman_title.len() + self.roman.len() + 3,
        );
        for (i, part) in [&title, &self.folded, &roman_title, &self.roman]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                s.push('\n');
            }
            s.push_str(part);
        }
        s.into_boxed_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::from_text;

    /// A body romanised apart and joined to its title is what the title and text give
    /// romanised together: on the samples, and on edges where a word ends at the join.
    #[test]
    fn a_body_with_its_title_is_the_title_with_the_text() {
        let mut cases: Vec<(String, String)> = crate::corpus::seeds()
            .into_iter()
            .map(|a| (a.title, fold(&a.text)))
            .collect();
        // Latin rules (`aa`, `ck`) must not join the title's end to the text's start.
        let edges = [
            ("कं", "प"),
            ("क्", "अब"),
            ("नासा aa", "ee मुंबई"),
            ("a", "a"),
            ("c", "k"),
            ("", ""),
        ];
        for (title, text) in edges {
            cases.push((title.to_owned(), fold(text)));
        }
        for (title, text) in cases {
            // Title and text romanised together, as one piece.
            let both = format!("{}\n{text}", fold(&title));
            let whole = format!("{both}\n{}", roman::romanise(&both));
            assert_eq!(
                &*Body::of(text.clone()).with_title(&title),
                whole,
                "{title}"
            );
        }
    }

    /// Spilled texts read back in runs answer as texts in memory do: texts of many sizes
    /// (some past a run's length), some replaced (their old bytes left in the file), a
    /// query at a text's very start and end, and `within` a scattered part of them.
    #[test]
    fn spilled_texts_read_in_runs_answer_as_in_memory() {
        let text = |i: usize| -> Box<str> {
            let filler =
                "क".repeat((i * 7919) % 5000 + if i.is_multiple_of(97) { 1 << 21 } else { 0 });
            match i % 5 {
                0 => format!("मोदी {filler}"),
                1 => format!("{filler} मोदी"),
                2 => filler,
                _ => format!("{filler} पुतिन"),
            }
            .into_boxed_str()
        };
        let n = 600;
        let mut memory = SearchText::default();
        let mut spilled = SearchText::default();
        let dir = std::env::temp_dir().join(format!("khabar-runs-test-{}", std::process::id()));
        spilled.spill_to(&dir, 0).unwrap();
        memory.push_pending(n);
        spilled.push_pending(n);
        // Set out of order, some twice: the file's order is not the documents'.
        let order: Vec<usize> = (0..n)
            .map(|i| (i * 389) % n)
            .chain((0..n).step_by(7))
            .collect();
        for (k, &d) in order.iter().enumerate() {
            let t = if k >= n { text(d + 1) } else { text(d) };
            memory.set(d, t.clone());
            spilled.set(d, t);
        }
        assert!(matches!(spilled.docs[1], Slot::Disk { .. }));
        let within: Vec<u32> = (0..u32::try_from(n).unwrap())
            .filter(|d| d % 3 != 1)
            .collect();
        for q in ["मोदी", "पुतिन", "कक", "नहीं"] {
            let expected = memory.matching(q, &within);
            assert_eq!(spilled.matching(q, &within), expected, "{q}");
        }
        assert!(!memory.matching("मोदी", &within).is_empty());
        let _ = std::fs::remove_dir(&dir);
    }

    #[test]
    fn folding_digits_case_and_spelling() {
        let a = from_text("x", "शीर्षक\n\nसितम्बर २०२३ में Putin ने ज़ोर दिया।".to_owned());
        let mut s = SearchText::default();
        s.add(&a);
        for q in ["सितंबर", "2023", "putin", "PUTIN", "जोर", "शीर्षक"]
        {
            assert_eq!(s.matching(q, &[0]), [0], "{q}");
        }
        assert!(s.matching("मोदी", &[0]).is_empty());
        // Latin finds Devanagari through its romanised spelling; a different name does not.
        assert_eq!(s.matching("sitambar", &[0]), [0]);
        assert_eq!(s.matching("Shirshak", &[0]), [0]);
        assert!(s.matching("modi", &[0]).is_empty());
        let mut spilled = SearchText::default();
        let dir = std::env::temp_dir().join(format!("khabar-search-test-{}", std::process::id()));
        spilled.spill_to(&dir, 0).unwrap();
        spilled.push_pending(1);
        spilled.add(&a);
        spilled.set(0, "पहला\nमोदी".into());
        assert!(matches!(spilled.docs[1], Slot::Disk { .. }));
        assert_eq!(spilled.matching("सितंबर", &[0, 1]), [1]);
        assert_eq!(spilled.matching("मोदी", &[0, 1]), [0]);
        // The spill file was unlinked as soon as it was made.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let _ = std::fs::remove_dir(&dir);
        let hits = occurrences(&a, "2023", false);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].of(&a.text), "२०२३");
    }

    /// A hit inside a cluster covers the whole cluster: its marks are never cut off.
    #[test]
    fn a_hit_inside_a_cluster_covers_the_cluster() {
        let a = from_text("x", "शीर्षक\n\nअंतरिक्ष अनुसंधान की मिशन".to_owned());
        let shown = |q: &str| -> Vec<String> {
            occurrences(&a, q, false)
                .iter()
                .map(|s| s.of(&a.text).to_owned())
                .collect()
        };
        for hit in shown("क") {
            assert!(
                !hit.ends_with('क') || hit == "क",
                "a mark after क was cut off: {hit}"
            );
            assert!(hit.starts_with('क'), "{hit}");
        }
        assert!(
            shown("क").iter().any(|h| h.starts_with("क्")),
            "{:?}",
            shown("क")
        );
        // A vowel sign typed alone: its consonant comes with it.
        assert!(shown("ि").contains(&"रि".to_owned()), "{:?}", shown("ि"));
        assert_eq!(shown("अनुसंधान"), ["अनुसंधान"]);
        // Two hits in one cluster are one hit.
        let b = from_text("x", "शीर्षक\n\nबच्चे".to_owned());
        let hits = occurrences(&b, "च", false);
        assert_eq!(hits.len(), 1, "{hits:?}");
    }
}
