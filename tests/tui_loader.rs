//! The background loader never holds up the loop's own parallel work. Its workers block
//! when the loop's bounded channel is full (the loop is busy); if they were rayon's global
//! pool, a search the loop runs on that pool would wait for them while they wait for the
//! loop, and the reader would hang (as it once did, on a search typed during a cold load).

use std::sync::mpsc;
use std::time::Duration;

use rayon::prelude::*;

#[test]
fn parallel_work_on_the_loop_runs_while_the_loader_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        std::fs::write(
            dir.path().join(format!("{i:03}.txt")),
            format!("खबर {i}\n\nनरेंद्र मोदी ने दिल्ली में भाषण दिया।\n"),
        )
        .unwrap();
    }
    // A small channel nobody reads yet: the loader's workers soon wait on it.
    let (tx, rx) = mpsc::sync_channel(2);
    let loader = khabar::tui::loader::spawn(vec![dir.path().to_owned()], None, tx);
    std::thread::sleep(Duration::from_millis(500));
    // What a search does on the loop's thread: work on rayon's global pool.
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let sum: u64 = (0..10_000u64).into_par_iter().sum();
        let _ = done_tx.send(sum);
    });
    let finished = done_rx.recv_timeout(Duration::from_secs(20));
    // Let the loader finish either way, so the test ends.
    let messages = rx.iter().count();
    loader.join().unwrap();
    assert_eq!(
        finished,
        Ok(49_995_000),
        "work on the global pool hung behind the loader"
    );
    assert!(messages > 200, "{messages} messages");
}
