//! Properties shared by khabar's fuzz targets (issue 15).
//!
//! A target checks more than "no panic": every span lies on char boundaries inside the
//! text and (where it says so) inside its region, and no input takes much longer per byte
//! than the inputs before it, which is how a quadratic stage shows up under fuzzing.

use std::time::{Duration, Instant};

use khabar::Span;

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
        assert!(s.start >= end, "{what}: span {s:?} overlaps the one before (ends {end})");
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
        if self.seen % 64 == 0 || self.median.is_none() {
            let mut sorted = self.samples.clone();
            sorted.sort_by(f64::total_cmp);
            self.median = Some(sorted[sorted.len() / 2]);
        }
    }
}

fn time(work: &mut impl FnMut()) -> Duration {
    let t = Instant::now();
    work();
    t.elapsed()
}

thread_local! {
    static PACE: std::cell::RefCell<Pace> = std::cell::RefCell::new(Pace::default());
}

/// Runs `work` under the pace check of this fuzz target (see [`Pace::run`]).
pub fn paced(len: usize, work: impl FnMut()) {
    PACE.with(|p| p.borrow_mut().run(len, work));
}
