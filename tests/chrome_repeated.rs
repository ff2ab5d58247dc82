//! Chrome found by repetition (issue 13, item 6), on articles written for this test: a
//! footer that recurs in the articles of one source gives no entities, while the same
//! footer in a lone article is read as today. The stored corpus keeps it out of the filters
//! from the third article of a source on, and back in when it falls below.

#[path = "support/isolated.rs"]
mod isolated;

use std::fmt::Write as _;
use std::path::Path;

use khabar::corpus::ChromeKind;
use khabar::extract::entities::EntityKind;
use khabar::store::{Query, Store, Synced};
use serde_json::Value;

const FOOTER: &str =
    "ताज़ा ख़बरों के लिए कलमपत्र फ़ाउंडेशन का ऐप डाउनलोड करें और हमें रोज़ पढ़ें। संपर्क: 98765 43210";

const STORIES: [(&str, &str); 5] = [
    (
        "जयपुर में बारिश से सड़कें डूबीं",
        "जयपुर में मंगलवार को भारी बारिश हुई और कई सड़कें पानी में डूब गईं।",
    ),
    (
        "लखनऊ में नई बस सेवा शुरू",
        "लखनऊ में नगर निगम ने बुधवार से बीस नई बसें चलाने की घोषणा की।",
    ),
    (
        "पटना में पुस्तक मेला",
        "पटना के गांधी मैदान में इस साल का पुस्तक मेला शुक्रवार से शुरू होगा।",
    ),
    (
        "भोपाल की झील साफ़ होगी",
        "भोपाल की बड़ी झील की सफ़ाई का काम अगले महीने से शुरू किया जाएगा।",
    ),
    (
        "इंदौर में सफ़ाई अभियान",
        "इंदौर में रविवार को हज़ारों लोगों ने सफ़ाई अभियान में हिस्सा लिया।",
    ),
];

/// Writes story `k` with the footer (its phone number differs per story, as dates and
/// counters do on real sites) into `dir`.
fn write_story(dir: &Path, k: usize) {
    let (title, body) = STORIES[k];
    let footer = FOOTER.replace("43210", &format!("4321{k}"));
    let text = format!("{title}\n\n{body}\n\nयह जानकारी स्थानीय संवाददाता ने दी।\n\n{footer}\n");
    std::fs::write(dir.join(format!("{k}.txt")), text).expect("temp dir is writable");
}

fn extract(dir: &Path) -> Vec<Value> {
    let out = isolated::khabar()
        .args(["extract", "--json", "--no-cache"])
        .arg(dir)
        .output()
        .expect("khabar runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn names(record: &Value) -> Vec<String> {
    record["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_owned())
        .collect()
}

#[test]
fn a_footer_repeated_across_a_source_names_nobody() {
    let dir = tempfile::tempdir().expect("temp dir");
    for k in 0..STORIES.len() {
        write_story(dir.path(), k);
    }
    let records = extract(dir.path());
    assert_eq!(records.len(), STORIES.len());
    for r in &records {
        let names = names(r);
        assert!(
            names.iter().all(|n| !n.contains("कलमपत्र")),
            "{}: {names:?}",
            r["path"]
        );
        // The story's own place is still found.
        assert!(!names.is_empty(), "{}: nothing left", r["path"]);
    }
}

#[test]
fn the_same_footer_in_a_lone_article_is_read_as_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_story(dir.path(), 0);
    let records = extract(dir.path());
    assert!(
        names(&records[0]).iter().any(|n| n.contains("कलमपत्र")),
        "{:?}",
        names(&records[0])
    );
}

/// The stored corpus (what `list` and the reader's filters read) under `dir`, synced.
fn stored(store: &mut Store, dir: &Path) -> Synced {
    store
        .sync(&[dir.to_path_buf()], 1, false, &mut |_, _| {})
        .expect("sync")
}

/// The files the stored corpus lists for a query.
fn files_for(store: &Store, synced: &Synced, query: &Query) -> Vec<String> {
    let mut files: Vec<String> = store
        .list(&synced.scope, query)
        .expect("list")
        .iter()
        .map(|r| r.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

fn org(name: &str) -> Query {
    Query {
        names: vec![(EntityKind::Organization, name.to_owned())],
        ..Query::default()
    }
}

fn mentioned(day: &str) -> Query {
    Query {
        mentioned: Some(day.parse().expect("a day")),
        ..Query::default()
    }
}

/// The footer with a date in it, as some sites put the day an offer ends.
const DATED: &str = "\n\nकलमपत्र क्विज़ में 9 अगस्त 2021 तक हिस्सा लें और इनाम जीतें।\n";

/// The footer's foundation and date are filters of `0.txt` and `1.txt`, and no paragraph
/// is chrome.
fn in_the_story_of_0_and_1(store: &Store, synced: &Synced) {
    assert_eq!(files_for(store, synced, &org("कलमपत्र")), ["0.txt", "1.txt"]);
    assert_eq!(
        files_for(store, synced, &mentioned("2021-08-09")),
        ["0.txt", "1.txt"]
    );
    assert!(store.repeated().expect("repeated").is_empty());
}

#[test]
fn the_store_drops_a_footer_from_the_filters_from_its_third_article_and_takes_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open(&home.path().join("k.db")).expect("database");
    let append = |k: usize, more: &str| {
        let path = dir.path().join(format!("{k}.txt"));
        let text = std::fs::read_to_string(&path).expect("written");
        std::fs::write(&path, text + more).expect("temp dir is writable");
    };
    for k in 0..2 {
        write_story(dir.path(), k);
        append(k, DATED);
    }
    let synced = stored(&mut store, dir.path());
    // Two articles holding a paragraph may quote the same statement: not chrome yet.
    in_the_story_of_0_and_1(&store, &synced);

    // The third makes it the site's, in all three; the fourth's is chrome as it arrives.
    // The fifth names the foundation in its story too, and keeps it.
    for k in 2..5 {
        write_story(dir.path(), k);
        append(k, DATED);
    }
    append(4, "\n\nकलमपत्र फ़ाउंडेशन ने इंदौर के स्कूलों को किताबें भी दीं।\n");
    let synced = stored(&mut store, dir.path());
    assert!(synced.repeated_moved);
    assert_eq!(files_for(&store, &synced, &org("कलमपत्र")), ["4.txt"]);
    assert!(files_for(&store, &synced, &mentioned("2021-08-09")).is_empty());
    assert!(!store.repeated().expect("repeated").is_empty());
    // The stories' own places are still filters.
    assert_eq!(
        files_for(
            &store,
            &synced,
            &Query {
                names: vec![(EntityKind::Place, "जयपुर".to_owned())],
                ..Query::default()
            }
        ),
        ["0.txt"]
    );

    // Down to two articles holding it: it is the story's again.
    for k in 2..5 {
        std::fs::remove_file(dir.path().join(format!("{k}.txt"))).expect("removed");
    }
    let synced = stored(&mut store, dir.path());
    assert!(synced.repeated_moved);
    in_the_story_of_0_and_1(&store, &synced);
}

/// What the reader opens: the corpus's repeated paragraphs set aside as chrome of the
/// article, so its sidebar holds what the filters hold and the raw view dims the footer.
#[test]
fn an_article_read_back_sets_its_repeated_footer_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open(&home.path().join("k.db")).expect("database");
    for k in 0..STORIES.len() {
        write_story(dir.path(), k);
    }
    let synced = stored(&mut store, dir.path());
    let snapshot = store.snapshot(&synced.scope).expect("snapshot");
    let mut article = khabar::corpus::load(&[dir.path().join("0.txt")])
        .articles
        .remove(0);
    let before = article.paragraphs.len();
    let key = khabar::corpus::repeated::source_hash(&article);
    assert_eq!(snapshot.repeated.set_aside(&mut article, key), 1);
    assert_eq!(article.paragraphs.len(), before - 1);
    let footer = article
        .chrome
        .iter()
        .find(|c| c.kind == ChromeKind::Repeated)
        .expect("the footer is chrome");
    assert!(footer.span.of(&article.text).contains("कलमपत्र"));
    let analysis = khabar::extract::analyse(&article);
    assert!(
        analysis.entities.iter().all(|e| !e.name.contains("कलमपत्र")),
        "{:?}",
        analysis.entities
    );
    assert!(analysis.entities.iter().any(|e| e.name == "जयपुर"));
}

/// A sentence of the story that recurs with only its numbers changed (a daily brief) in a
/// few of a source's many articles is the story, and stays a filter.
#[test]
fn the_store_keeps_a_sentence_held_by_few_of_many_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open(&home.path().join("k.db")).expect("database");
    // Each story's body is in four of the 17 too: less than a quarter, so the story's.
    for k in 0..17 {
        let (title, body) = STORIES[k % STORIES.len()];
        let mut text = format!("{title} {k}\n\n{body}\n");
        // Early in the walk, where it is in three of the first eleven articles.
        if k % 5 == 0 && k < 15 {
            let _ = writeln!(text, "\nकलमपत्र फ़ाउंडेशन ने आज {k:02} स्कूलों में किताबें बांटीं।");
        }
        std::fs::write(dir.path().join(format!("{k:02}.txt")), text).expect("written");
    }
    let synced = stored(&mut store, dir.path());
    assert_eq!(
        files_for(&store, &synced, &org("कलमपत्र")),
        ["00.txt", "05.txt", "10.txt"],
        "3 of 17 hold it: a share of a quarter is the least chrome has"
    );
    assert!(store.repeated().expect("repeated").is_empty());
}

/// Story `k` of source `कलमपत्र समाचार` as a JSON Lines record with the footer; story 0
/// also names a trust in a paragraph of its own.
fn write_record(dir: &Path, k: usize) {
    let (title, body) = STORIES[k];
    let footer = FOOTER.replace("43210", &format!("4321{k}"));
    let own = if k == 0 {
        "\n\nनवज्योति ट्रस्ट ने इस मेले के लिए किताबें दान कीं।"
    } else {
        ""
    };
    let record = serde_json::json!({
        "title": title,
        "body": format!("{body}{own}\n\n{footer}"),
        "source": "कलमपत्र समाचार",
    });
    std::fs::write(dir.join(format!("{k}.jsonl")), format!("{record}\n")).expect("writable");
}

/// Story 0 in `n` folders under `root`, with stories 1 and 2 in the first (so three
/// different articles hold the footer), each folder stored; the folders.
fn copies_stored(store: &mut Store, root: &Path, n: usize) -> Vec<std::path::PathBuf> {
    let folders: Vec<_> = (0..n)
        .map(|i| {
            let dir = root.join(format!("copy-{i}"));
            std::fs::create_dir(&dir).expect("made");
            write_record(&dir, 0);
            dir
        })
        .collect();
    for k in 1..3 {
        write_record(&folders[0], k);
    }
    for dir in &folders {
        stored(store, dir);
    }
    folders
}

/// The same file in three folders is one article of its source, not three: its own
/// paragraph is not the site's, while the footer of three different stories still is;
/// and when the copy that was counted goes, another takes its place.
#[test]
fn copies_of_one_article_in_other_folders_count_once() {
    let root = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open(&home.path().join("k.db")).expect("database");
    let folders = copies_stored(&mut store, root.path(), 3);
    // Story 0's own paragraph (three copies of one article) names the trust; the footer
    // (three articles) is the site's.
    let synced = stored(&mut store, &folders[0]);
    assert_eq!(
        files_for(&store, &synced, &org("नवज्योति ट्रस्ट")),
        ["0.jsonl"]
    );
    assert!(files_for(&store, &synced, &org("कलमपत्र")).is_empty());

    // The first folder's copy, the one counted, goes: another copy counts in its place,
    // so the footer is still held by three articles (else it would be back in the
    // filters of the stories left in the first folder).
    std::fs::remove_file(folders[0].join("0.jsonl")).expect("removed");
    let synced = stored(&mut store, &folders[0]);
    assert!(files_for(&store, &synced, &org("कलमपत्र")).is_empty());
    for dir in &folders[1..] {
        let synced = stored(&mut store, dir);
        assert_eq!(
            files_for(&store, &synced, &org("नवज्योति ट्रस्ट")),
            ["0.jsonl"]
        );
    }
}

/// A database from before copies were told apart counts every copy; reading every file
/// again (what schema step 9 asks) leaves each article counted once.
#[test]
fn copies_counted_before_the_upgrade_end_counted_once() {
    let root = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let db = home.path().join("k.db");
    let (mut store, _) = Store::open(&db).expect("database");
    let folders = copies_stored(&mut store, root.path(), 4);
    // As an older khabar left it: every copy counted, in the sizes too; every file to be
    // read again.
    let raw = rusqlite::Connection::open(&db).expect("opens");
    raw.execute_batch(
        "UPDATE articles SET copy = 0;
         UPDATE sizes SET n = (SELECT count(*) FROM articles WHERE repeat_key = sizes.key);
         UPDATE sources SET rules = 0;
         UPDATE walks SET folders = NULL, rules = 0;",
    )
    .expect("rewound");
    let counted = |raw: &rusqlite::Connection| -> i64 {
        raw.query_row("SELECT count(*) FROM articles WHERE copy = 0", [], |r| {
            r.get(0)
        })
        .expect("counted")
    };
    assert_eq!(counted(&raw), 6);
    for dir in &folders {
        stored(&mut store, dir);
    }
    // Stories 0 (four copies), 1 and 2.
    assert_eq!(counted(&raw), 3);
    let size: i64 = raw
        .query_row("SELECT sum(n) FROM sizes", [], |r| r.get(0))
        .expect("sizes");
    assert_eq!(size, 3);
}

/// A paragraph is chrome of the source that repeats it only: the reader sets it aside in
/// that site's articles, and keeps it in the one article of another source that has it
/// too (trial 46: a quote one site repeated vanished from another site's story). The
/// source is the one the database counted the article under (its `repeat_key`), however
/// the reader spells the folder now (a review: `khabar news`, then `khabar ./news`).
#[test]
fn a_paragraph_repeated_by_one_source_stays_in_another_sources_article() {
    let root = tempfile::tempdir().expect("temp dir");
    let (site, other) = (root.path().join("site"), root.path().join("other"));
    std::fs::create_dir_all(&site).expect("temp dir is writable");
    std::fs::create_dir_all(&other).expect("temp dir is writable");
    for k in 0..3 {
        write_story(&site, k);
    }
    // The same footer, phone number and all, in a folder of its own (another source).
    write_story(&other, 0);
    let home = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open(&home.path().join("k.db")).expect("database");
    let synced = stored(&mut store, root.path());
    let snapshot = store.snapshot(&synced.scope).expect("snapshot");
    let set_aside = |folder: &str| {
        let doc = snapshot
            .docs
            .iter()
            .find(|d| d.path.ends_with(&format!("{folder}/0.txt")))
            .expect("listed");
        let mut article = khabar::corpus::load(&[std::path::PathBuf::from(&*doc.path)])
            .articles
            .pop()
            .expect("one article");
        snapshot.repeated.set_aside(&mut article, doc.repeat_key)
    };
    assert_eq!(set_aside("site"), 1, "the site's footer is its chrome");
    assert_eq!(set_aside("other"), 0, "another source keeps the paragraph");
}
