//! The corpus in the database: its list answers as the in-memory index does, sees changes
//! (and with `rescan`, changes that keep size and time), withdraws removed files, keeps a
//! file's warnings without re-reading it, and never answers for other folders.

use std::path::{Path, PathBuf};

use khabar::extract::entities::EntityKind;
use khabar::index::{DateRange, Filter, Index, Sort};
use khabar::store::{Query, Store, Synced};

const RULES: u64 = 1;

fn write_seeds(dir: &Path) {
    for (i, a) in khabar::corpus::seeds().into_iter().enumerate() {
        std::fs::write(dir.join(format!("{i:03}.txt")), &a.text).unwrap();
    }
}

fn sync(store: &mut Store, roots: &[PathBuf], rescan: bool) -> Synced {
    store.sync(roots, RULES, rescan, &mut |_, _| {}).unwrap()
}

/// `path:line` of each listed row, as `list` prints them.
fn listed(store: &Store, synced: &Synced, query: &Query) -> Vec<String> {
    store
        .list(&synced.scope, query)
        .unwrap()
        .iter()
        .map(|r| format!("{}:{:?}", r.path.display(), r.line))
        .collect()
}

/// The corpus under `roots` in memory, with its index.
fn in_memory(roots: &[PathBuf]) -> (Vec<khabar::corpus::Article>, Index) {
    let loaded = khabar::corpus::load(roots);
    let mut index = Index::default();
    for a in &loaded.articles {
        index.add(a, &khabar::extract::analyse(a));
    }
    (loaded.articles, index)
}

/// The same answer from the in-memory index over the same files.
fn expected(
    (articles, index): &(Vec<khabar::corpus::Article>, Index),
    query: &Query,
) -> Vec<String> {
    let mut filter = Filter {
        published: query.published,
        mentioned: query.mentioned,
        sources: query.sources.clone(),
        ..Filter::default()
    };
    for (kind, name) in &query.names {
        filter.entities.push(
            index
                .resolve(*kind, name)
                .iter()
                .map(|e| e.id.clone())
                .collect(),
        );
    }
    let mut docs = index.select(&filter).docs;
    let key = |d: u32| {
        let a = &articles[d as usize];
        (a.path.clone(), a.line)
    };
    index.sort_then(&mut docs, query.sort, |a, b| key(a).cmp(&key(b)));
    docs.iter()
        .map(|&d| {
            let a = &articles[d as usize];
            format!("{}:{:?}", a.path, a.line)
        })
        .collect()
}

#[test]
fn lists_agree_with_the_in_memory_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_seeds(&corpus);
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let roots = vec![corpus.clone()];
    let synced = sync(&mut store, &roots, false);
    assert_eq!(synced.extracted, 5);
    // Every entity's name, and a part of it (the fallback to names containing it).
    let memory = in_memory(&roots);
    let index = &memory.1;
    let mut queries = Vec::new();
    for kind in [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
    ] {
        for e in index.entities_of(kind) {
            queries.push(vec![(kind, e.name.clone())]);
            let part: String = e.name.chars().take(2).collect();
            queries.push(vec![(kind, part)]);
        }
    }
    queries.push(vec![(EntityKind::Person, "nobody-at-all".to_owned())]);
    assert!(queries.len() > 10, "the seeds name people and places");
    // Two names: either may have fewer postings and drive the query, as one entity or as
    // several (a part of a name).
    let people = index.entities_of(EntityKind::Person);
    let places = index.entities_of(EntityKind::Place);
    for person in people.iter().take(4) {
        for place in places.iter().take(4) {
            let part: String = person.name.chars().take(2).collect();
            for who in [person.name.clone(), part] {
                queries.push(vec![
                    (EntityKind::Person, who.clone()),
                    (EntityKind::Place, place.name.clone()),
                ]);
                queries.push(vec![
                    (EntityKind::Place, place.name.clone()),
                    (EntityKind::Person, who),
                ]);
            }
        }
    }
    let dates: Vec<Option<DateRange>> = [None, Some("2024"), Some("..2023"), Some("2020..")]
        .into_iter()
        .map(|r| r.map(|r| r.parse().unwrap()))
        .collect();
    let mut nonempty = 0;
    // A name with a mentioned date: the name's articles are each asked for the date.
    for names in queries.iter().step_by(3) {
        for &mentioned in &dates[1..] {
            let q = Query {
                names: names.clone(),
                mentioned,
                ..Query::default()
            };
            let got = listed(&store, &synced, &q);
            nonempty += usize::from(!got.is_empty());
            assert_eq!(got, expected(&memory, &q), "{q:?}");
        }
    }
    for names in queries {
        for sort in Sort::ALL {
            let q = Query {
                names: names.clone(),
                sort,
                ..Query::default()
            };
            let got = listed(&store, &synced, &q);
            nonempty += usize::from(!got.is_empty());
            assert_eq!(got, expected(&memory, &q), "{names:?} {sort:?}");
        }
    }
    assert!(nonempty > 10);
    for &published in &dates {
        for &mentioned in &dates {
            for sort in Sort::ALL {
                let q = Query {
                    published,
                    mentioned,
                    sort,
                    ..Query::default()
                };
                assert_eq!(listed(&store, &synced, &q), expected(&memory, &q), "{q:?}");
            }
        }
    }
    for (source, _) in index.sources() {
        let q = Query {
            sources: vec![source.to_uppercase()],
            ..Query::default()
        };
        let got = listed(&store, &synced, &q);
        assert!(!got.is_empty());
        assert_eq!(got, expected(&memory, &q), "{source}");
    }
}

#[test]
fn changes_are_seen_and_rescan_compares_contents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let a = corpus.join("a.txt");
    std::fs::write(&a, "पहली खबर\n\nरामखिलावन ने कहा।\n").unwrap();
    std::fs::write(corpus.join("b.txt"), "दूसरी खबर\n\nकुछ और।\n").unwrap();
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let roots = vec![corpus.clone()];
    assert_eq!(sync(&mut store, &roots, false).extracted, 2);
    let again = sync(&mut store, &roots, false);
    assert_eq!((again.extracted, again.rehashed), (0, 0), "nothing read");

    // The same size and modification time, other bytes: only a rescan sees it.
    let mtime = std::fs::metadata(&a).unwrap().modified().unwrap();
    std::fs::write(&a, "बदली खबर\n\nरामखिलावन ने कहा।\n").unwrap();
    assert_eq!(
        std::fs::metadata(&a).unwrap().len(),
        "पहली खबर\n\nरामखिलावन ने कहा।\n".len() as u64
    );
    std::fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let titles = |store: &Store, synced: &Synced| -> Vec<String> {
        let q = Query {
            sort: Sort::Title,
            ..Query::default()
        };
        store
            .list(&synced.scope, &q)
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    let quiet = sync(&mut store, &roots, false);
    assert!(titles(&store, &quiet).contains(&"पहली खबर".to_owned()));
    let rescanned = sync(&mut store, &roots, true);
    assert_eq!((rescanned.extracted, rescanned.rehashed), (1, 1));
    assert_eq!(titles(&store, &rescanned), ["दूसरी खबर", "बदली खबर"]);

    // A removed file is withdrawn.
    std::fs::remove_file(corpus.join("b.txt")).unwrap();
    let after = sync(&mut store, &roots, false);
    assert_eq!(after.withdrawn, 1);
    assert_eq!(titles(&store, &after), ["बदली खबर"]);
}

#[test]
fn a_warning_is_kept_without_reading_the_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("feed.jsonl"),
        "{\"title\":\"एक\",\"body\":\"पहला पाठ\"}\n{}\n{\"title\":\"दो\",\"body\":\"दूसरा पाठ\"}\n",
    )
    .unwrap();
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let first = sync(&mut store, std::slice::from_ref(&corpus), false);
    assert_eq!(first.extracted, 1);
    let warning: Vec<_> = first
        .problems
        .iter()
        .filter(|p| p.text.contains(":2:") && !p.error)
        .collect();
    assert_eq!(warning.len(), 1, "{:?}", first.problems);
    // From another spelling of the same folder: not read again, the warning said again
    // in this spelling.
    let other = dir.path().join(".").join("corpus");
    let second = sync(&mut store, std::slice::from_ref(&other), false);
    assert_eq!((second.extracted, second.rehashed), (0, 0));
    let shown = other.join("feed.jsonl").display().to_string();
    assert!(
        second
            .problems
            .iter()
            .any(|p| p.text.starts_with(&format!("{shown}:2:"))),
        "{:?}",
        second.problems
    );
    assert_eq!(listed(&store, &second, &Query::default()).len(), 2);
}

/// A JSON Lines file larger than one batch of records (it is streamed): every record is
/// stored, in line order, as the in-memory load reads them; touched without a change it is
/// hashed, not analysed again, and its warning is still said.
#[test]
fn a_streamed_json_lines_file_is_stored_whole() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let seeds = khabar::corpus::seeds();
    let mut text = String::new();
    // About 6 MB: more than one batch of records.
    let mut n = 0;
    while text.len() < 6 << 20 {
        let a = &seeds[n % seeds.len()];
        let record = serde_json::json!({"title": format!("{} {n}", a.title), "body": a.text});
        text.push_str(&record.to_string());
        text.push('\n');
        n += 1;
        if n == 7 {
            text.push_str("{\"title\": \"खाली\", \"body\": \"\"}\n");
        }
    }
    let file = corpus.join("big.jsonl");
    std::fs::write(&file, &text).unwrap();
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let roots = vec![corpus.clone()];
    let first = sync(&mut store, &roots, false);
    assert_eq!(first.extracted, 1);
    let warned = |s: &Synced| s.problems.iter().filter(|p| p.text.contains(":8:")).count();
    assert_eq!(warned(&first), 1, "{:?}", first.problems);
    let memory = in_memory(&roots);
    assert_eq!(memory.0.len(), n);
    let q = Query::default();
    let got = listed(&store, &first, &q);
    assert_eq!(got.len(), n);
    assert_eq!(got, expected(&memory, &q));
    let person = memory.1.entities_of(EntityKind::Person)[0].name.clone();
    let q = Query {
        names: vec![(EntityKind::Person, person)],
        ..Query::default()
    };
    assert!(!listed(&store, &first, &q).is_empty());
    assert_eq!(listed(&store, &first, &q), expected(&memory, &q));

    // Touched: a new modification time, the same bytes.
    let later =
        std::fs::metadata(&file).unwrap().modified().unwrap() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let touched = sync(&mut store, &roots, false);
    assert_eq!((touched.extracted, touched.rehashed), (0, 1));
    assert_eq!(warned(&touched), 1, "{:?}", touched.problems);
    assert_eq!(listed(&store, &touched, &Query::default()).len(), n);
}

#[cfg(unix)]
#[test]
fn other_folders_never_answer_and_paths_keep_the_callers_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    std::fs::create_dir(&one).unwrap();
    std::fs::create_dir(&two).unwrap();
    std::fs::write(
        one.join("a.txt"),
        "पहली खबर\n\nरामखिलावन चौरसिया ने भाषण दिया।\n",
    )
    .unwrap();
    std::fs::write(two.join("b.txt"), "दूसरी खबर\n\nकुछ और हुआ।\n").unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&one, &link).unwrap();
    let (mut store, _) = Store::open(&dir.path().join("khabar.db")).unwrap();
    let all = Query::default();
    let synced_one = sync(&mut store, std::slice::from_ref(&one), false);
    assert_eq!(listed(&store, &synced_one, &all).len(), 1);
    let synced_two = sync(&mut store, std::slice::from_ref(&two), false);
    let rows = store.list(&synced_two.scope, &all).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].path,
        two.join("b.txt"),
        "only the folder asked about"
    );
    // Through the symlink: the link's spelling, not the target's.
    let through_link = sync(&mut store, std::slice::from_ref(&link), false);
    let rows = store.list(&through_link.scope, &all).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].path, link.join("a.txt"));
    // The first folder is still there for its own callers.
    let again = sync(&mut store, std::slice::from_ref(&one), false);
    assert_eq!(again.withdrawn, 0);
    assert_eq!(listed(&store, &again, &all).len(), 1);
}

/// Text that is not UTF-8 (put there by another program: `SQLite` does not check) is listed
/// with replacement characters, and the rows around it are whole.
#[test]
fn text_that_is_not_utf8_is_listed_with_replacement_characters() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_seeds(&corpus);
    let db = dir.path().join("khabar.db");
    let (mut store, _) = Store::open(&db).unwrap();
    let synced = sync(&mut store, std::slice::from_ref(&corpus), false);
    let before = store.list(&synced.scope, &Query::default()).unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    let changed = other
        .execute(
            "UPDATE articles SET title = CAST(x'41ff42' AS TEXT) WHERE id = (SELECT min(id) FROM articles)",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let after = store.list(&synced.scope, &Query::default()).unwrap();
    assert_eq!(after.len(), before.len());
    let bad: Vec<_> = after.iter().filter(|r| r.title == "A\u{fffd}B").collect();
    assert_eq!(
        bad.len(),
        1,
        "{:?}",
        after.iter().map(|r| &r.title).collect::<Vec<_>>()
    );
    for (b, a) in before.iter().zip(&after) {
        if a.title != "A\u{fffd}B" {
            assert!(
                before
                    .iter()
                    .any(|x| x.title == a.title && x.path == a.path)
            );
        }
        assert!(!b.title.is_empty());
    }
}
