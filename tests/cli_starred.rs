//! `khabar list --starred`: the articles starred in the reader, for scripts; `--json` rows
//! say which are starred, and the flag combines with the other filters.

use std::path::Path;
use std::process::{Command, Output};

use khabar::store::{FILE_NAME, Store};

/// `khabar list ARGS seeds` with its own XDG directories, the data one holding `db`.
fn list(xdg: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
        .env("XDG_CONFIG_HOME", xdg.join("config"))
        .env("XDG_CACHE_HOME", xdg.join("cache"))
        .env("XDG_STATE_HOME", xdg.join("state"))
        .env("XDG_DATA_HOME", xdg.join("data"))
        .arg("list")
        .args(args)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .output()
        .expect("khabar runs")
}

fn rows(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Stars the seeds whose titles contain `words` (one each), as the reader would.
fn star(xdg: &Path, words: &[&str]) -> Vec<String> {
    let dir = xdg.join("data").join("khabar");
    std::fs::create_dir_all(&dir).unwrap();
    let (store, _) = Store::open(&dir.join(FILE_NAME)).unwrap();
    let mut titles = Vec::new();
    for article in khabar::corpus::seeds() {
        if words.iter().any(|w| article.title.contains(w)) {
            store
                .set_starred(khabar::state::content_id(&article), true)
                .unwrap();
            titles.push(article.title.clone());
        }
    }
    titles.sort();
    titles
}

#[test]
fn starred_lists_only_starred_articles_and_json_says_so() {
    let xdg = tempfile::tempdir().unwrap();
    // Nothing starred yet (and no database at all): nothing listed, exit code 1.
    let none = list(xdg.path(), &["--starred", "--json"]);
    assert_eq!(none.status.code(), Some(1), "{none:?}");
    assert!(rows(&none).is_empty());
    let all = rows(&list(xdg.path(), &["--json"]));
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|r| r["starred"] == false));

    let first = all[0]["title"].as_str().unwrap().to_owned();
    let last = all[4]["title"].as_str().unwrap().to_owned();
    let starred = star(xdg.path(), &[&first, &last]);
    assert_eq!(starred.len(), 2);
    let out = list(xdg.path(), &["--starred", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let got = rows(&out);
    let mut titles: Vec<String> = got
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    assert_eq!(titles, starred);
    assert!(got.iter().all(|r| r["starred"] == true));
    // Without the flag every article is listed, the two marked.
    let all = rows(&list(xdg.path(), &["--json"]));
    assert_eq!(all.len(), 5);
    assert_eq!(all.iter().filter(|r| r["starred"] == true).count(), 2);
    // With another filter: only starred articles that also match it.
    let dated = rows(&list(xdg.path(), &["--json", "--date", "2024"]));
    let both = rows(&list(
        xdg.path(),
        &["--json", "--starred", "--date", "2024"],
    ));
    let expect: Vec<_> = dated.iter().filter(|r| r["starred"] == true).collect();
    assert_eq!(both.iter().collect::<Vec<_>>(), expect);
    // The same through an entity filter (answered from the cache when nothing is starred).
    let putin = rows(&list(
        xdg.path(),
        &["--json", "--starred", "--person", "putin"],
    ));
    assert_eq!(putin.len(), 2);
}

/// A file edited while no reader is open keeps its articles' stars and read marks: they
/// are kept under a content id, which the edit changes. The same record line with the
/// same title, or a file of one article, is the same story edited; another record that
/// took a new title is not followed.
#[test]
fn an_edit_made_with_no_reader_open_keeps_the_marks() {
    let xdg = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("one.txt");
    let jsonl = dir.path().join("many.jsonl");
    let record = |title: &str, body: &str| {
        serde_json::json!({"title": title, "body": body, "published": "2024-06-10"}).to_string()
    };
    std::fs::write(&txt, "नदी पर पुल\n\nपटना में नदी पर नया पुल खुला।\n").unwrap();
    // A file name used again for another story: its marks are not passed on.
    let latest = dir.path().join("latest.txt");
    std::fs::write(&latest, "आज का मौसम\n\nदिल्ली में धूप रहेगी।\n").unwrap();
    let records = |second: &str, third: &str| {
        [
            record("पहली", "दिल्ली में बारिश हुई।"),
            record("दूसरी", second),
            record(third, "मुंबई में सभा हुई।"),
        ]
        .join("\n")
    };
    std::fs::write(&jsonl, records("कोलकाता में मेला लगा।", "तीसरी")).unwrap();
    let list_dir = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_khabar"))
            .env("XDG_CONFIG_HOME", xdg.path().join("config"))
            .env("XDG_CACHE_HOME", xdg.path().join("cache"))
            .env("XDG_STATE_HOME", xdg.path().join("state"))
            .env("XDG_DATA_HOME", xdg.path().join("data"))
            .arg("list")
            .args(args)
            .arg(dir.path())
            .output()
            .expect("khabar runs")
    };
    assert_eq!(rows(&list_dir(&["--json"])).len(), 5);
    let ids = |titles: &[&str]| -> Vec<u64> {
        let mut problems = Vec::new();
        let mut articles = khabar::corpus::read_file(&txt, &mut problems);
        articles.extend(khabar::corpus::read_file(&jsonl, &mut problems));
        articles.extend(khabar::corpus::read_file(&latest, &mut problems));
        titles
            .iter()
            .map(|t| {
                let a = articles.iter().find(|a| a.title == *t).expect("an article");
                khabar::state::content_id(a)
            })
            .collect()
    };
    let db = xdg.path().join("data").join("khabar").join(FILE_NAME);
    {
        let (store, _) = Store::open(&db).unwrap();
        for id in ids(&["नदी पर पुल", "दूसरी", "तीसरी", "आज का मौसम"])
        {
            store.set_starred(id, true).unwrap();
            store.set_read(id, true).unwrap();
        }
    }
    // Edits: the text file's headline and story, the second record's story, the third
    // record's title (beside other records: not followed).
    std::fs::write(&txt, "नदी पर नया पुल\n\nपटना में गंगा नदी पर नया पुल खुला।\n").unwrap();
    std::fs::write(&jsonl, records("कोलकाता में पुस्तक मेला लगा।", "चौथी")).unwrap();
    std::fs::write(&latest, "शेयर बाज़ार में तेज़ी\n\nसेंसेक्स चढ़ा।\n").unwrap();
    let starred: Vec<String> = rows(&list_dir(&["--starred", "--json"]))
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(starred.len(), 2, "{starred:?}");
    assert!(starred.contains(&"नदी पर नया पुल".to_owned()), "{starred:?}");
    assert!(starred.contains(&"दूसरी".to_owned()), "{starred:?}");
    let (store, _) = Store::open(&db).unwrap();
    for id in ids(&["नदी पर नया पुल", "दूसरी"]) {
        assert!(store.is_read(id).unwrap());
    }
    assert!(!store.is_read(ids(&["चौथी"])[0]).unwrap());
    assert!(!store.is_read(ids(&["शेयर बाज़ार में तेज़ी"])[0]).unwrap());
}

/// `--unread` leaves out the articles marked read in the reader, and `--json` rows say
/// which are read and name their source.
#[test]
fn unread_leaves_out_read_articles_and_json_says_read_and_source() {
    let xdg = tempfile::tempdir().unwrap();
    let all = rows(&list(xdg.path(), &["--json"]));
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|r| r["read"] == false), "{all:?}");
    assert!(
        all.iter().any(|r| r["source"].is_string()) && all.iter().any(|r| r["source"].is_null()),
        "a seed with a publisher and one without: {all:?}"
    );
    let dir = xdg.path().join("data").join("khabar");
    std::fs::create_dir_all(&dir).unwrap();
    let (store, _) = Store::open(&dir.join(FILE_NAME)).unwrap();
    let first = &khabar::corpus::seeds()[0];
    store
        .set_read(khabar::state::content_id(first), true)
        .unwrap();
    drop(store);
    let unread = rows(&list(xdg.path(), &["--unread", "--json"]));
    assert_eq!(unread.len(), 4, "{unread:?}");
    assert!(unread.iter().all(|r| r["title"] != first.title.as_str()));
    let all = rows(&list(xdg.path(), &["--json"]));
    let marked: Vec<_> = all.iter().filter(|r| r["read"] == true).collect();
    assert_eq!(marked.len(), 1, "{all:?}");
    assert_eq!(marked[0]["title"], first.title.as_str());
}
