//! Properties shared by khabar's fuzz targets (issue 15).
//!
//! A target checks more than "no panic": every span lies on char boundaries inside the
//! text and (where it says so) inside its region, and no input takes much longer per byte
//! than the inputs before it, which is how a quadratic stage shows up under fuzzing.
//! `tests/fuzz_regressions.rs` includes this file to replay the inputs that once failed.

use std::path::Path;
use std::time::Duration;

use khabar::Span;
use khabar::corpus::{from_bytes, from_text};
use khabar::extract::dates::{find_dates, parse_published};
use khabar::extract::entities::{find_demonyms, find_entities};
use khabar::index::occurrences;
use khabar::text::fold::{Folded, fold};
use khabar::text::width::{WidthModel, clusters};
use khabar::text::wrap::wrap;

/// A span that lies on char boundaries of `text`, inside `within`, and is not empty.
pub fn check_span(text: &str, span: Span, within: Span, what: &str) {
    assert!(
        span.start < span.end && within.start <= span.start && span.end <= within.end,
        "{what}: span {span:?} outside {within:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

/// Spans sorted by start that never overlap.
pub fn check_disjoint(spans: impl IntoIterator<Item = Span>, what: &str) {
    let mut end = 0;
    for s in spans {
        assert!(
            s.start >= end,
            "{what}: span {s:?} overlaps the one before (ends {end})"
        );
        end = s.end;
    }
}

/// Text from fuzz bytes: invalid UTF-8 becomes U+FFFD, as ingest does.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Inputs shorter than this are timed, but their cost is start-up, not growth.
const MIN_TIMED_BYTES: usize = 256;
/// No input is failed for taking less than this, whatever its size.
const FLOOR: Duration = Duration::from_millis(20);
/// How many times the median cost per byte an input may take.
const FACTOR: f64 = 50.0;
const SAMPLES: usize = 1024;
const WARM_UP: usize = 200;

/// The running median of nanoseconds per byte over recent inputs, and the check against it.
#[derive(Default)]
pub struct Pace {
    samples: Vec<f64>,
    next: usize,
    median: Option<f64>,
    seen: usize,
}

impl Pace {
    /// Runs `work` on an input of `len` bytes and fails if it took more than [`FACTOR`]
    /// times the median time per byte (and more than [`FLOOR`]). A slow run is repeated
    /// twice and the fastest counts, so a busy machine does not fail an innocent input.
    pub fn run(&mut self, len: usize, mut work: impl FnMut()) {
        let mut took = time(&mut work);
        let budget = self.budget(len);
        if took > budget {
            took = took.min(time(&mut work)).min(time(&mut work));
            assert!(
                took <= budget,
                "slow input: {len} bytes took {took:?}, budget {budget:?} (median {:.1} ns/byte)",
                self.median.unwrap_or(0.0)
            );
        }
        self.record(len, took);
    }

    fn budget(&self, len: usize) -> Duration {
        match self.median {
            Some(m) if self.seen >= WARM_UP => {
                Duration::from_nanos((m * FACTOR * len as f64) as u64).max(FLOOR)
            }
            _ => Duration::MAX,
        }
    }

    fn record(&mut self, len: usize, took: Duration) {
        if len < MIN_TIMED_BYTES {
            return;
        }
        let per_byte = took.as_nanos() as f64 / len as f64;
        if self.samples.len() < SAMPLES {
            self.samples.push(per_byte);
        } else {
            self.samples[self.next] = per_byte;
        }
        self.next = (self.next + 1) % SAMPLES;
        self.seen += 1;
        if self.seen.is_multiple_of(64) || self.median.is_none() {
            let mut sorted = self.samples.clone();
            sorted.sort_by(f64::total_cmp);
            self.median = Some(sorted[sorted.len() / 2]);
        }
    }
}

fn time(work: &mut impl FnMut()) -> Duration {
    let t = now();
    work();
    now().saturating_sub(t)
}

/// Under the fuzzer, the CPU time of this thread: a machine busy with other work must not
/// make an input look slow (wall time did, at 50 times the median, on a shared machine).
#[cfg(fuzzing)]
fn now() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// In `cargo test` (replaying regression inputs, where no input is timed against a
/// median), wall time will do.
#[cfg(not(fuzzing))]
fn now() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}
thread_local! {
    static PACE: std::cell::RefCell<Pace> = std::cell::RefCell::new(Pace::default());
}

/// Runs `work` under the pace check of this fuzz target (see [`Pace::run`]).
pub fn paced(len: usize, work: impl FnMut()) {
    PACE.with(|p| p.borrow_mut().run(len, work));
}

/// Ingest of a file's bytes, as plain text (first byte even) or JSON Lines (odd): every
/// article's spans lie on char boundaries of its text, paragraphs and chrome do not overlap,
/// and the time per byte stays bounded.
pub fn ingest_props(data: &[u8]) {
    let Some((&flag, bytes)) = data.split_first() else {
        return;
    };
    let json_lines = flag % 2 == 1;
    let path = Path::new(if json_lines { "f.jsonl" } else { "f.txt" });
    let mut articles = Vec::new();
    paced(bytes.len(), || {
        let mut problems = Vec::new();
        articles = from_bytes(path, bytes, json_lines, &mut problems);
    });
    if !json_lines {
        assert!(articles.len() <= 1);
    }
    for a in &articles {
        let all = Span::new(0, a.text.len());
        let mut parts: Vec<Span> = a.title_span.into_iter().chain(a.byline_span).collect();
        parts.extend(&a.paragraphs);
        for &s in &parts {
            check_span(&a.text, s, all, "part");
        }
        parts.sort_unstable();
        check_disjoint(parts.iter().copied(), "title, byline and paragraphs");
        for c in &a.chrome {
            check_span(&a.text, c.span, all, "chrome");
            assert!(
                !a.paragraphs.iter().any(|p| p.overlaps(c.span)),
                "chrome {c:?} inside a paragraph"
            );
        }
        let file = a.file_span(all);
        assert!(
            file.end <= bytes.len() || json_lines,
            "file span {file:?} past the input"
        );
        if json_lines {
            assert!(a.line.is_some_and(|l| l >= 1));
        }
    }
}

const PUBLISHED: [&str; 4] = [
    "Updated: Sun, 21 Jan 2024 06:51 PM (IST)",
    "14 सितंबर",
    "2013-06-14",
    "29 फरवरी 2024",
];
/// Date finding and resolving, without a publication date (first byte 0) or with one of a
/// few (others), over the whole text or a region of it: spans lie on char boundaries inside
/// the region, never overlap, values are well formed, and the time per byte stays bounded.
pub fn dates_props(data: &[u8]) {
    let Some((&flag, rest)) = data.split_first() else {
        return;
    };
    let text = text(rest);
    let anchor = match flag % 5 {
        0 => None,
        k => Some(
            parse_published(PUBLISHED[usize::from(k) - 1])
                .expect("a date")
                .1,
        ),
    };
    // A region that may start or end off a char boundary: it is narrowed, never trusted.
    let cut = usize::from(flag / 5) * text.len() / 52;
    let region = Span::new(cut, text.len());
    let mut found = Vec::new();
    paced(text.len(), || {
        found = find_dates(&text, &[region], anchor.as_ref())
    });
    let mut inside = Span::new(cut.min(text.len()), text.len());
    while !text.is_char_boundary(inside.start) {
        inside.start += 1;
    }
    for d in &found {
        check_span(&text, d.span, inside, "date");
        if let Some(v) = &d.value {
            assert!(!v.is_empty() && v.is_ascii(), "value {v:?}");
        }
        if anchor.is_none() {
            // Nothing relative is invented without a publication date.
            assert!(
                d.value
                    .as_deref()
                    .is_none_or(|v| !v.contains("-W") || v.contains("-WXX"))
            );
        }
    }
    check_disjoint(found.iter().map(|d| d.span), "dates");
    if let Some((span, _)) = parse_published(&text) {
        check_span(&text, span, Span::new(0, text.len()), "published");
    }
}

/// Entity extraction over the whole text or a region of it: mentions lie on char
/// boundaries inside the region, one entity's mentions never overlap, and the time per
/// byte stays bounded.
pub fn entities_props(data: &[u8]) {
    let Some((&flag, rest)) = data.split_first() else {
        return;
    };
    let text = text(rest);
    let mut start = usize::from(flag) * text.len() / 256;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let region = Span::new(start, text.len());
    let mut entities = Vec::new();
    paced(text.len(), || entities = find_entities(&text, &[region]));
    for e in &entities {
        assert!(!e.mentions.is_empty(), "{} has no mention", e.name);
        let mut spans = e.mentions.clone();
        for &m in &spans {
            check_span(&text, m, region, "mention");
        }
        spans.sort_unstable();
        check_disjoint(spans, "one entity's mentions");
    }
    for d in find_demonyms(&text, &[region]) {
        check_span(&text, d.span, region, "demonym");
    }
}

/// The wrapper at a random width (first byte) under a random width model (second byte):
/// rows lie on char boundaries in order without overlap, never hold a line break, are never
/// wider than the width (unless one cluster alone is), their width is what the model
/// measures, and the time per byte stays bounded.
pub fn wrap_props(data: &[u8]) {
    let [w, m, rest @ ..] = data else { return };
    let width = usize::from(*w % 200) + 1;
    let model = WidthModel::ALL[usize::from(*m) % WidthModel::ALL.len()];
    let text = text(rest);
    let mut rows = Vec::new();
    paced(text.len(), || rows = wrap(&text, width, model).collect());
    assert!(
        rows.len() > text.matches('\n').count(),
        "a line without a row"
    );
    for row in &rows {
        let s = row.span;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "row {s:?} outside the text"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let shown = s.of(&text);
        assert!(!shown.contains('\n'), "row {s:?} holds a line break");
        assert_eq!(model.str_width(shown), row.width, "row {s:?} mismeasured");
        let lone = clusters(shown).count() == 1;
        assert!(
            row.width <= width || lone,
            "row {s:?} is {} wide at {width}",
            row.width
        );
    }
    check_disjoint(
        rows.iter().map(|r| r.span).filter(|s| !s.is_empty()),
        "rows",
    );
}

/// Search folding: the folded text with offsets equals the plain fold, every folded range
/// maps back to a char-aligned range of the original, and a search for a piece of the text
/// finds it where it is; the time per byte stays bounded.
pub fn fold_props(data: &[u8]) {
    let Some((&q, rest)) = data.split_first() else {
        return;
    };
    let text = text(rest);
    let mut folded = Folded::default();
    paced(text.len(), || folded = Folded::new(&text));
    assert_eq!(folded.text, fold(&text));
    let mut last = 0;
    for (i, c) in folded.text.char_indices() {
        let r = folded.original(i..i + c.len_utf8());
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{r:?} outside the original"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(r.start >= last, "folded order goes back at {i}");
        last = r.start;
    }
    // A query cut from the text itself.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.is_empty() {
        return;
    }
    let from = chars[usize::from(q) % chars.len()].0;
    let to = chars
        .get(usize::from(q) % chars.len() + 3)
        .map_or(text.len(), |c| c.0);
    let query = &text[from..to];
    let article = from_text("f.txt", text.clone());
    let mut hits = Vec::new();
    paced(text.len(), || {
        hits = occurrences(&article, query, q % 2 == 0)
    });
    for h in &hits {
        assert!(
            h.start < h.end && h.end <= text.len(),
            "hit {h:?} outside the text"
        );
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        // Folding looks at neighbours (`म्ब` is `ंब` only before a stop): fold the hit
        // with a little context on each side.
        let before = text[..h.start]
            .char_indices()
            .nth_back(1)
            .map_or(0, |(i, _)| i);
        let after = text[h.end..]
            .char_indices()
            .nth(8)
            .map_or(text.len(), |(i, _)| h.end + i);
        assert!(
            fold(&text[before..after]).contains(fold(query).trim()),
            "hit {h:?} {:?} is not the query {query:?}",
            h.of(&text)
        );
    }
}
