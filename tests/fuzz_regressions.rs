//! Replays the inputs that made a fuzz target fail (`bench/fuzz.sh`, `fuzz/`), with the
//! same property checks, so a fixed bug stays fixed without nightly or libFuzzer.
//! Inputs live in `tests/data/fuzz-regressions/TARGET/`.

#[allow(dead_code, clippy::pedantic)]
#[path = "../fuzz/src/lib.rs"]
mod props;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz-regressions")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        eprintln!("{target}: {}", entry.path().display());
        check(&bytes);
        n += 1;
    }
    n
}

#[test]
fn every_regression_input_holds_its_properties() {
    let n = replay("ingest", props::ingest_props)
        + replay("dates", props::dates_props)
        + replay("entities", props::entities_props)
        + replay("wrap", props::wrap_props)
        + replay("fold", props::fold_props);
    assert!(n > 0, "no regression inputs found");
}
