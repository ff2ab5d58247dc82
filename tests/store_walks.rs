//! The roots kept in the database across runs: a run over folders that did not change
//! answers without walking them (and says their stored warnings again, in the caller's
//! spelling); a file added, removed or renamed changes its folder and is seen; a folder
//! changed too recently to tell is walked again; a rewrite in place is the documented
//! miss that `rescan` catches; several roots keep their own spellings and order.

use std::path::{Path, PathBuf};

use khabar::index::Sort;
use khabar::store::{Query, Store, Synced};

const RULES: u64 = 7;

fn sync(store: &mut Store, roots: &[PathBuf], rescan: bool) -> Synced {
    store.sync(roots, RULES, rescan, &mut |_, _| {}).unwrap()
}

/// An hour back: a folder this old is trusted to change when a file in it is added.
fn age(path: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

fn write_aged(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    age(path);
}

fn titles(store: &Store, synced: &Synced) -> Vec<String> {
    let q = Query {
        sort: Sort::Title,
        ..Query::default()
    };
    let rows = store.list(&synced.scope, &q).unwrap();
    rows.into_iter().map(|r| r.title).collect()
}

#[test]
fn unchanged_folders_are_not_walked_and_changed_ones_are() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let sub = corpus.join("sub");
    write_aged(&sub.join("a.txt"), "पहली खबर\n\nरामखिलावन ने कहा।\n");
    write_aged(&corpus.join("b.txt"), "दूसरी खबर\n\nकुछ और।\n");
    age(&sub);
    age(&corpus);
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let roots = vec![corpus.clone()];
    let first = sync(&mut store, &roots, false);
    assert!(first.walked);
    assert_eq!(first.extracted, 2);
    let second = sync(&mut store, &roots, false);
    assert!(!second.walked, "the folders did not change");
    assert_eq!(titles(&store, &second), ["दूसरी खबर", "पहली खबर"]);

    // Rewritten in place, the folder untouched: not seen until a rescan.
    write_aged(&sub.join("a.txt"), "बदली खबर\n\nरामखिलावन ने कहा।\n");
    let quick = sync(&mut store, &roots, false);
    assert!(!quick.walked);
    assert!(titles(&store, &quick).contains(&"पहली खबर".to_owned()));
    let rescanned = sync(&mut store, &roots, true);
    assert!(rescanned.walked);
    assert_eq!(titles(&store, &rescanned), ["दूसरी खबर", "बदली खबर"]);

    // A new file changes its folder: walked, and seen.
    std::fs::write(sub.join("c.txt"), "तीसरी खबर\n\nकोई बात।\n").unwrap();
    let added = sync(&mut store, &roots, false);
    assert!(added.walked);
    assert_eq!(added.extracted, 1);
    assert_eq!(titles(&store, &added).len(), 3);
    // The folder changed a moment ago: too recent to trust, so walked again, which sees a
    // rewrite of the new file at once.
    std::fs::write(sub.join("c.txt"), "चौथी खबर\n\nकोई और बात हुई।\n").unwrap();
    let recent = sync(&mut store, &roots, false);
    assert!(recent.walked);
    assert!(titles(&store, &recent).contains(&"चौथी खबर".to_owned()));
    // Settled: trusted again after one more walk.
    age(&sub);
    assert!(sync(&mut store, &roots, false).walked);
    assert!(!sync(&mut store, &roots, false).walked);

    // A removed file changes its folder too.
    std::fs::remove_file(corpus.join("b.txt")).unwrap();
    let removed = sync(&mut store, &roots, false);
    assert!(removed.walked);
    assert_eq!(removed.withdrawn, 1);
    assert_eq!(titles(&store, &removed), ["चौथी खबर", "बदली खबर"]);
}

#[test]
fn a_quick_answer_keeps_warnings_and_the_callers_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_aged(
        &corpus.join("x/feed.jsonl"),
        "{\"title\":\"एक\",\"body\":\"पहला पाठ\"}\n{}\n{\"title\":\"दो\",\"body\":\"दूसरा पाठ\"}\n",
    );
    age(&corpus.join("x"));
    age(&corpus);
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let first = sync(&mut store, std::slice::from_ref(&corpus), false);
    assert!(first.walked);
    // Another spelling of the same folder, trailing separator included.
    let other = PathBuf::from(format!("{}/./corpus/", dir.path().display()));
    let quick = sync(&mut store, std::slice::from_ref(&other), false);
    assert!(!quick.walked, "the same folder, spelt otherwise");
    let shown = format!("{}/./corpus/x/feed.jsonl", dir.path().display());
    assert!(
        quick
            .problems
            .iter()
            .any(|p| !p.error && p.text.starts_with(&format!("{shown}:2:"))),
        "{:?}",
        quick.problems
    );
    let rows = store.list(&quick.scope, &Query::default()).unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.path == Path::new(&shown)), "{rows:?}");
    // The walk of that spelling gives the same paths.
    let walked = sync(&mut store, std::slice::from_ref(&other), true);
    let again = store.list(&walked.scope, &Query::default()).unwrap();
    let paths = |rows: &[khabar::store::Listed]| -> Vec<PathBuf> {
        rows.iter().map(|r| r.path.clone()).collect()
    };
    assert_eq!(paths(&again), paths(&rows));
}

#[test]
fn several_roots_are_listed_once_in_their_own_spelling_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    // The same title everywhere: ties go by path as spelt.
    for file in [one.join("a.txt"), one.join("b.txt"), two.join("a.txt")] {
        write_aged(&file, "वही खबर\n\nकुछ हुआ।\n");
    }
    age(&one);
    age(&two);
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    // `one` three times: through `..` (another spelling, listed as such) and with a
    // trailing separator (the same root, listed once).
    let z_one = dir.path().join("two").join("..").join("one");
    let one_again = PathBuf::from(format!("{}/", one.display()));
    let roots = vec![one.clone(), two.clone(), z_one, one_again];
    let q = Query {
        sort: Sort::Title,
        ..Query::default()
    };
    let expected = vec![
        one.join("a.txt"),
        one.join("b.txt"),
        dir.path().join("two/../one/a.txt"),
        dir.path().join("two/../one/b.txt"),
        two.join("a.txt"),
    ];
    // `two/../one` lies under `two` by its spelling, so `two` is walked again on each run
    // (its own walk would not find those files); the answer is the same either way.
    for round in 0..2 {
        let synced = sync(&mut store, &roots, false);
        let rows = store.list(&synced.scope, &q).unwrap();
        let paths: Vec<PathBuf> = rows.into_iter().map(|r| r.path).collect();
        assert_eq!(paths, expected, "round {round}");
    }
}

#[test]
fn a_file_put_under_a_root_by_another_walk_makes_it_walk_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_aged(&corpus.join("a.txt"), "पहली खबर\n\nकुछ हुआ।\n");
    // Hidden: a walk of the folder skips it, naming it reads it.
    let hidden = corpus.join(".b.txt");
    write_aged(&hidden, "छिपी खबर\n\nकुछ और हुआ।\n");
    age(&corpus);
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let roots = vec![corpus.clone()];
    assert!(sync(&mut store, &roots, false).walked);
    assert!(!sync(&mut store, &roots, false).walked);
    let named = sync(&mut store, std::slice::from_ref(&hidden), false);
    assert_eq!(titles(&store, &named), ["छिपी खबर"]);
    // The folder did not change, but its walk no longer describes what lies under it.
    let again = sync(&mut store, &roots, false);
    assert!(again.walked);
    assert_eq!(titles(&store, &again), ["पहली खबर"]);
    let quick = sync(&mut store, &roots, false);
    assert!(!quick.walked);
    assert_eq!(titles(&store, &quick), ["पहली खबर"]);
}
