//! Damage to the corpus tables (which the open-time check does not look at) shows when a
//! query reads them: the database is set aside, a new one keeps the read marks, stars and
//! sessions of the old, and the corpus is read again from the files, so the answer is the
//! same.

#[path = "support/isolated.rs"]
mod isolated;

#[path = "support/damage.rs"]
mod damage;
use damage::damage;

use std::path::Path;
use std::process::Output;

use khabar::store::Store;

fn khabar(home: &Path, args: &[&str]) -> Output {
    isolated::khabar()
        .args(args)
        .env("XDG_CACHE_HOME", home)
        .env("XDG_DATA_HOME", home)
        .output()
        .expect("khabar runs")
}

#[test]
fn damaged_corpus_tables_are_rebuilt_and_the_user_state_kept() {
    let home = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "मोदी की खबर\n\nप्रधानमंत्री नरेंद्र मोदी ने मुंबई में भाषण दिया।\n",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("b.txt"),
        "दूसरी खबर\n\nनरेंद्र मोदी दिल्ली में थे।\n",
    )
    .unwrap();
    let dir = corpus.path().to_str().unwrap();
    let args = ["list", "--person", "मोदी", dir];
    let first = khabar(home.path(), &args);
    assert!(first.status.success());
    assert_eq!(String::from_utf8_lossy(&first.stdout).lines().count(), 2);
    let db = home.path().join("khabar/khabar.db");
    // `articles` is first read by the query, `sources` by the sync before it.
    for (n, table) in ["articles", "sources"].into_iter().enumerate() {
        {
            let (store, _) = Store::open(&db).unwrap();
            store.set_read(42, true).unwrap();
            store.set_starred(7, true).unwrap();
            store
                .session_set("library-x", &serde_json::json!({"at": n}))
                .unwrap();
        }
        damage(&db, table);
        let again = khabar(home.path(), &args);
        assert_eq!(again.stdout, first.stdout, "{table}: the same answer");
        assert!(again.status.success());
        let stderr = String::from_utf8_lossy(&again.stderr);
        let aside = home
            .path()
            .join(format!("khabar/khabar.db.damaged-{}", n + 1));
        assert!(
            stderr.contains("damaged corpus tables"),
            "{table}: {stderr}"
        );
        assert!(stderr.contains(&aside.display().to_string()), "{stderr}");
        assert!(
            stderr.contains("read state, stars and sessions kept"),
            "{stderr}"
        );
        assert!(aside.is_file(), "the damaged file stays for inspection");
        let (store, notes) = Store::open(&db).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert!(store.is_read(42).unwrap(), "{table}: read state kept");
        assert!(store.is_starred(7).unwrap(), "{table}: stars kept");
        assert_eq!(
            store.session_get("library-x").unwrap(),
            Some(serde_json::json!({"at": n})),
            "{table}: sessions kept"
        );
        drop(store);
        // Sound again: no warning on the next run.
        let after = khabar(home.path(), &args);
        assert_eq!(after.stdout, first.stdout);
        assert!(
            after.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&after.stderr)
        );
    }
}
