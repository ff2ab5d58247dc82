//! What `list` keeps between runs (the corpus in the database) through the command line: a
//! second run gives the same answers; changed, added and removed files are noticed; a
//! damaged database is set aside and rebuilt; `--no-cache` writes nothing.

#[path = "support/isolated.rs"]
mod isolated;

use std::path::Path;
use std::process::Output;

/// `khabar` with its cache and data directories (the database) under `home`.
fn khabar(home: &Path, args: &[&str]) -> Output {
    isolated::khabar()
        .args(args)
        .env("XDG_CACHE_HOME", home)
        .env("XDG_DATA_HOME", home)
        .output()
        .expect("khabar runs")
}

fn database(home: &Path) -> std::path::PathBuf {
    home.join("khabar/khabar.db")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn cache_files(cache_home: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache_home.join("khabar")).map_or_else(
        |_| Vec::new(),
        |d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("corpus-"))
                })
                .collect()
        },
    )
}

#[test]
fn second_run_answers_from_the_cache_and_notices_changes() {
    let home = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let a = corpus.path().join("a.txt");
    std::fs::write(
        &a,
        "मोदी की खबर\n\nप्रधानमंत्री नरेंद्र मोदी ने मुंबई में भाषण दिया।\n",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("b.txt"),
        "पुतिन की खबर\n\nरूस के राष्ट्रपति व्लादिमीर पुतिन मास्को में थे।\n",
    )
    .unwrap();
    let dir = corpus.path().to_str().unwrap();

    let first = khabar(home.path(), &["list", "--person", "मोदी", dir]);
    assert!(first.status.success());
    assert!(
        database(home.path()).is_file(),
        "the corpus went to the database"
    );
    let second = khabar(home.path(), &["list", "--person", "मोदी", dir]);
    assert_eq!(stdout(&first), stdout(&second));
    assert!(stdout(&second).contains("a.txt"));

    // Changed: a.txt now names Putin, not Modi. Added: c.txt names Modi. Removed: b.txt.
    std::fs::write(&a, "नई खबर\n\nरूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा।\n").unwrap();
    std::fs::write(
        corpus.path().join("c.txt"),
        "तीसरी खबर\n\nप्रधानमंत्री नरेंद्र मोदी दिल्ली में।\n",
    )
    .unwrap();
    std::fs::remove_file(corpus.path().join("b.txt")).unwrap();
    let modi = stdout(&khabar(home.path(), &["list", "--person", "मोदी", dir]));
    assert!(modi.contains("c.txt") && !modi.contains("a.txt"), "{modi}");
    let putin = stdout(&khabar(home.path(), &["list", "--person", "putin", dir]));
    assert!(
        putin.contains("a.txt") && !putin.contains("b.txt"),
        "{putin}"
    );
    // Search reads texts back for articles that came from the cache.
    let found = stdout(&khabar(home.path(), &["list", "--search", "दिल्ली", dir]));
    assert!(found.contains("c.txt"), "{found}");
}

#[test]
fn damaged_database_is_set_aside_and_no_cache_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let seeds = seeds.to_str().unwrap();
    let fresh = khabar(home.path(), &["list", "--date", "2024", seeds]);
    let putin = khabar(home.path(), &["list", "--person", "पुतिन", seeds]);
    assert!(stdout(&putin).contains("000_"), "{}", stdout(&putin));
    let db = database(home.path());
    let bytes = std::fs::read(&db).unwrap();
    for (n, damaged) in [
        bytes[..bytes.len() / 2].to_vec(),
        b"not a database at all".repeat(100),
    ]
    .into_iter()
    .enumerate()
    {
        std::fs::write(&db, &damaged).unwrap();
        let _ = std::fs::remove_file(home.path().join("khabar/khabar.db-wal"));
        let again = khabar(home.path(), &["list", "--person", "पुतिन", seeds]);
        assert_eq!(
            stdout(&again),
            stdout(&putin),
            "same answer from a rebuilt database"
        );
        let stderr = String::from_utf8_lossy(&again.stderr);
        assert!(stderr.contains("damaged database"), "{stderr}");
        let aside = home
            .path()
            .join(format!("khabar/khabar.db.damaged-{}", n + 1));
        assert!(stderr.contains(&aside.display().to_string()), "{stderr}");
        assert_eq!(std::fs::read(&aside).unwrap(), damaged);
    }

    let other = tempfile::tempdir().unwrap();
    let uncached = khabar(
        other.path(),
        &["--no-cache", "list", "--date", "2024", seeds],
    );
    assert_eq!(stdout(&uncached), stdout(&fresh));
    assert!(!database(other.path()).exists());
    assert!(cache_files(other.path()).is_empty());

    // Cache files of earlier versions (the reader's, before the database) are removed
    // by the next run that uses the database, and nothing else is.
    let old = home.path().join("khabar/corpus-0000000000000000.bin");
    std::fs::write(&old, "x").unwrap();
    std::fs::write(home.path().join("khabar/other.bin"), "x").unwrap();
    let _ = khabar(home.path(), &["--no-cache", "list", seeds]);
    assert!(
        old.exists(),
        "--no-cache leaves the data and cache directories alone"
    );
    let _ = khabar(home.path(), &["list", seeds]);
    assert!(!old.exists(), "the old cache file is removed");
    assert!(home.path().join("khabar/other.bin").exists());
    assert!(
        database(home.path()).is_file(),
        "the database is not a cache"
    );
    let gone = khabar(home.path(), &["cache", "--clear"]);
    assert_eq!(gone.status.code(), Some(2), "`khabar cache` is no more");
}

#[test]
fn a_user_gazetteer_extends_the_lists_and_invalidates_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "स्थानीय खबर\n\nकल रामखिलावन चौरसिया ने भाषण दिया।\n",
    )
    .unwrap();
    let dir = corpus.path().to_str().unwrap();
    let run = || {
        isolated::khabar()
            .args(["list", "--person", "Ramkhilawan Chaurasia", dir])
            .env("XDG_CACHE_HOME", home.path())
            .env("XDG_CONFIG_HOME", config.path())
            .output()
            .unwrap()
    };
    assert_eq!(
        run().status.code(),
        Some(1),
        "unknown before the user adds the name"
    );
    std::fs::create_dir_all(config.path().join("khabar")).unwrap();
    std::fs::write(
        config.path().join("khabar/gazetteer.toml"),
        "[person]\n\"रामखिलावन चौरसिया\" = [\"रामखिलावन\", \"Ramkhilawan Chaurasia\"]\n",
    )
    .unwrap();
    let after = run();
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
    assert!(stdout(&after).contains("a.txt"));
}

/// Sets a path's modification time an hour back (as if the corpus had been there a while).
fn age(path: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

#[test]
fn entity_queries_see_every_change_and_agree_with_no_cache() {
    let home = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let sub = corpus.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let a = sub.join("a.txt");
    let b = sub.join("b.txt");
    std::fs::write(
        &a,
        "मोदी की खबर\nUpdated: 2024-03-04 10:00 IST\n\nप्रधानमंत्री नरेंद्र मोदी ने मुंबई में भाषण दिया।\n",
    )
    .unwrap();
    std::fs::write(&b, "पुतिन की खबर\n\nव्लादिमीर पुतिन मास्को में थे।\n").unwrap();
    // A folder with no article yet.
    let later = corpus.path().join("later");
    std::fs::create_dir(&later).unwrap();
    for p in [&a, &b, &sub, &later, &corpus.path().to_owned()] {
        age(p);
    }
    let dir = corpus.path().to_str().unwrap();
    let modi = |extra: &[&str]| {
        let mut args = vec!["list", "--person", "मोदी"];
        args.extend_from_slice(extra);
        args.push(dir);
        stdout(&khabar(home.path(), &args))
    };
    let fresh = modi(&["--no-cache"]);
    assert!(
        fresh.contains("a.txt") && !fresh.contains("b.txt"),
        "{fresh}"
    );
    let first = modi(&[]);
    assert_eq!(first, fresh, "the run that writes the cache");
    assert_eq!(modi(&[]), fresh, "the run that answers from it");
    assert_eq!(modi(&["--date", "2024-03"]), fresh);
    assert!(fresh.contains("2024-03-04"), "{fresh}");
    assert!(modi(&["--date", "2023"]).is_empty());

    // Rewritten in place, no folder changes: the quick answer trusts the folders' times
    // (the documented limit), `--rescan` walks and hashes every file.
    std::fs::write(&b, "बदली खबर\n\nनरेंद्र मोदी मास्को में थे।\n").unwrap();
    assert!(!modi(&[]).contains("b.txt"));
    let rescanned = modi(&["--rescan"]);
    assert!(rescanned.contains("b.txt"), "{rescanned}");

    // A new file changes its folder: the next query loads in full and sees it.
    std::fs::write(sub.join("c.txt"), "तीसरी खबर\n\nनरेंद्र मोदी दिल्ली में।\n").unwrap();
    let after = modi(&[]);
    assert!(
        after.contains("c.txt") && after.contains("b.txt"),
        "{after}"
    );
    assert_eq!(after, modi(&["--no-cache"]));
}

/// A warm answer prints exactly what a fresh extraction prints, in every output form and
/// order, titles that need sanitising included.
#[test]
fn warm_answers_match_a_fresh_extraction_in_every_form() {
    let home = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let files = [
        (
            "x/1.txt",
            "“मोदी” का \u{1b}[31mदौरा\nUpdated: 2024-03-04 10:00 IST\n\nप्रधानमंत्री नरेंद्र मोदी ने पटना में भाषण दिया।\n",
        ),
        (
            "x/2.txt",
            "अगली खबर — मोदी\nसंवाददाता, आज तक\n\nनरेंद्र मोदी और व्लादिमीर पुतिन मिले।\n",
        ),
        ("y/3.txt", "बिना तारीख\n\nप्रधानमंत्री मोदी ने पुतिन से बात की।\n"),
        ("y/4.txt", "कोई और\n\nव्लादिमीर पुतिन मास्को में थे।\n"),
    ];
    for (name, text) in files {
        let path = corpus.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        age(&path);
        age(path.parent().unwrap());
    }
    age(corpus.path());
    let dir = corpus.path().to_str().unwrap();
    let forms: [&[&str]; 5] = [
        &["--person", "मोदी"],
        &["--person", "मोदी", "--json"],
        &["--person", "पुतिन", "--sort", "title"],
        &[
            "--person",
            "पुतिन",
            "--person",
            "मोदी",
            "--sort",
            "oldest",
            "--json",
        ],
        &["--person", "मोदी", "--place", "पटना", "--sort", "source"],
    ];
    for args in forms {
        let run = |extra: &[&str]| {
            let mut all = vec!["list"];
            all.extend_from_slice(args);
            all.extend_from_slice(extra);
            all.push(dir);
            stdout(&khabar(home.path(), &all))
        };
        let full = run(&["--no-cache"]);
        assert!(!full.is_empty(), "{args:?}");
        assert!(
            !full.contains('\u{1b}'),
            "escape reached the output: {full}"
        );
        run(&[]); // writes the cache (or answers from it, after the first form)
        assert_eq!(run(&[]), full, "{args:?}");
    }
    // The quick path was taken: the database answers while the texts are gone (the
    // documented limit: a rewrite in place is not noticed, and a removal changes the
    // folder, so remove nothing; hide the text instead). `--rescan` sees it.
    for (name, _) in files {
        let path = corpus.path().join(name);
        std::fs::write(&path, "खाली\n").unwrap();
        age(&path);
    }
    let mut all = vec!["list", "--person", "मोदी", dir];
    assert!(stdout(&khabar(home.path(), &all)).contains("1.txt"));
    all.insert(1, "--rescan");
    assert!(!stdout(&khabar(home.path(), &all)).contains("1.txt"));
}

#[test]
fn json_lines_through_the_cache_keep_every_record_when_touched_or_changed() {
    let home = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let feed = corpus.path().join("feed.jsonl");
    let record = |title: &str, body: &str| {
        format!("{{\"title\": \"{title}\", \"body\": \"{body}\", \"published\": \"2024-01-21\"}}\n")
    };
    let first = record("पहली", "प्रधानमंत्री नरेंद्र मोदी ने मुंबई में भाषण दिया।")
        + &record("दूसरी", "रूस के राष्ट्रपति व्लादिमीर पुतिन मास्को में थे।")
        + "टूटी पंक्ति\n";
    std::fs::write(&feed, &first).unwrap();
    let dir = corpus.path().to_str().unwrap();
    let cold = khabar(home.path(), &["list", "--json", dir]);
    assert!(String::from_utf8_lossy(&cold.stderr).contains("feed.jsonl:3: malformed JSON"));
    let cold = stdout(&cold);
    assert_eq!(cold.lines().count(), 2, "{cold}");
    // Touched, same bytes: each record's analysis comes back from the cache.
    age(&feed);
    let touched = stdout(&khabar(home.path(), &["list", "--json", dir]));
    assert_eq!(touched, cold);
    let putin = stdout(&khabar(home.path(), &["list", "--person", "पुतिन", dir]));
    assert!(putin.contains("feed.jsonl"), "{putin}");
    // Changed: a record added.
    std::fs::write(&feed, first + &record("तीसरी", "दिल्ली में बैठक हुई।")).unwrap();
    let changed = stdout(&khabar(home.path(), &["list", "--search", "दिल्ली", dir]));
    assert_eq!(changed.lines().count(), 1, "{changed}");
    assert!(changed.contains("तीसरी"), "{changed}");
}
