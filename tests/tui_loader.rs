//! The background loader never holds up the loop's own parallel work. Its workers block
//! when the loop's bounded channel is full (the loop is busy); if they were rayon's global
//! pool, a search the loop runs on that pool would wait for them while they wait for the
//! loop, and the reader would hang (as it once did, on a search typed during a cold load).

use std::sync::mpsc;
use std::time::Duration;

use khabar::library::Place;
use khabar::tui::app::App;
use khabar::tui::event::Msg;
use khabar::tui::loader::Keep;
use rayon::prelude::*;

#[path = "support/drive.rs"]
mod drive;

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
    // A channel nobody reads yet, with no room: the loader's workers wait on it from their
    // first message on.
    let (tx, rx) = mpsc::sync_channel(0);
    let keep = Keep {
        place: Place::Memory,
        rules: 1,
        first_page: None,
    };
    let loader = khabar::tui::loader::spawn(vec![dir.path().to_owned()], keep, tx);
    std::thread::sleep(Duration::from_secs(1));
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

#[test]
fn a_search_typed_at_a_warm_start_finds_bodies_read_back_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let files = [
        ("a.txt", "पहली खबर\n\nबाजार में अनोखापन दिखा।\n"),
        ("b.txt", "दूसरी खबर\n\nमौसम साफ रहा।\n"),
        ("c.txt", "तीसरी खबर\n\nफिर वही अनोखापन।\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let cold = drive::load(dir.path(), home.path(), |_| {});
    assert_eq!(cold.corpus.entries.len(), 3);
    // Warm: the list comes from the database without bodies; the search is typed before the
    // loader reads them back.
    let warm = drive::load(dir.path(), home.path(), |app| {
        drive::press(app, "/");
        drive::type_text(app, "अनोखापन");
        // The prompt says how far the texts are, as the filter bar does once it is kept.
        let prompt = drive::rows(app).concat();
        assert!(prompt.contains("match · texts read 0%"), "{prompt}");
        drive::press(app, "Enter");
        assert!(app.search.reading_texts, "the bodies are not read yet");
        // The filter bar says how far they are.
        let bar = khabar::tui::view::filterbar::text;
        assert!(bar(app).ends_with(" · texts read 0%"), "{}", bar(app));
        let body = khabar::index::Body::of("मौसम".to_owned());
        khabar::tui::handle(app, Msg::Text(1, Box::new(body)));
        assert!(bar(app).ends_with(" · texts read 33%"), "{}", bar(app));
    });
    let found = drive::visible_titles(&warm);
    assert_eq!(found, ["तीसरी खबर", "पहली खबर"]);
    assert!(!warm.search.reading_texts);
    let bar = khabar::tui::view::filterbar::text(&warm);
    assert!(!bar.contains("texts read"), "{bar}");
}

#[test]
fn a_kept_search_asks_for_the_stored_texts_without_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "पहली खबर\n\nबाजार में अनोखापन दिखा।\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "दूसरी खबर\n\nमौसम साफ रहा।\n").unwrap();
    drive::load(dir.path(), home.path(), |_| {});
    // As a session kept from the last run brings it: a search chip, no prompt opened.
    let warm = drive::load(dir.path(), home.path(), |app| {
        app.add_chip(khabar::tui::filters::Chip::Search("अनोखापन".to_owned()));
    });
    assert_eq!(drive::visible_titles(&warm), ["पहली खबर"]);
    assert!(!warm.search.reading_texts);
}

#[test]
fn a_search_shown_while_a_corpus_loads_finds_articles_that_arrive_after_it() {
    let mut app = drive::empty_app();
    let arrive = |app: &mut App, name: &str, text: &str| {
        let article = khabar::corpus::from_text(name, text.to_owned());
        let analysis = khabar::extract::analyse(&article);
        khabar::tui::handle(
            app,
            Msg::Loaded(Box::new(khabar::tui::app::Entry::new(article, analysis)), 1),
        );
        app.settle();
    };
    khabar::tui::handle(&mut app, Msg::Found(4));
    arrive(&mut app, "1.txt", "पहली\n\nनदी में बाढ़ आई।\n");
    arrive(&mut app, "2.txt", "दूसरी\n\nबाजार खुला।\n");
    drive::press(&mut app, "/");
    drive::type_text(&mut app, "बाढ़");
    drive::press(&mut app, "Enter");
    assert_eq!(app.list.visible.len(), 1);
    arrive(&mut app, "3.txt", "तीसरी\n\nफिर बाढ़ का खतरा।\n");
    arrive(&mut app, "4.txt", "चौथी\n\nधूप निकली।\n");
    // Narrowing the query after more arrived still sees them.
    let titles = |app: &App| drive::visible_titles(app);
    assert_eq!(titles(&app), ["तीसरी", "पहली"]);
    drive::press(&mut app, "/");
    drive::type_text(&mut app, "बाढ़ का");
    drive::press(&mut app, "Enter");
    assert_eq!(titles(&app), ["तीसरी"]);
}

#[test]
fn texts_arriving_after_a_search_is_gone_leave_the_list_alone() {
    let mut app = drive::seeds_app(120, 40, 5);
    drive::press(&mut app, "/");
    drive::type_text(&mut app, "मोदी");
    drive::press(&mut app, "Enter");
    let body = khabar::index::Body::of("मोदी".to_owned());
    khabar::tui::handle(&mut app, Msg::Text(0, Box::new(body)));
    assert!(app.search.stale, "a shown search waits for the text");
    drive::press(&mut app, "x"); // clear all filters
    app.settle();
    assert!(
        !app.search.stale,
        "with no search shown, arriving texts must not keep refreshing the list"
    );
}

#[test]
fn stored_texts_are_read_back_only_once_a_search_asks_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("a.txt", "पहली\n\nनदी में बाढ़।\n"),
        ("b.txt", "दूसरी\n\nधूप।\n"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    drive::load(dir.path(), home.path(), |_| {});
    // A warm start; after `wait` from the list's end, a search asks for the texts (`ask`)
    // or the reader goes. Gives whether nothing came meanwhile, the texts sent after, and
    // whether their end was said.
    let warm = |wait: Duration, ask: bool| {
        let (tx, rx) = mpsc::sync_channel(1024);
        let (go, texts) = mpsc::channel();
        let keep = Keep {
            place: Place::At(home.path().join("khabar.db")),
            rules: 1,
            first_page: None,
        };
        let texts = khabar::tui::loader::Texts::OnDemand(texts);
        let loader = khabar::tui::loader::spawn_with(vec![dir.path().to_owned()], keep, tx, texts);
        let next = || rx.recv_timeout(Duration::from_secs(20));
        while !matches!(next(), Ok(Msg::Finished)) {}
        let waited = rx.recv_timeout(wait).is_err();
        if ask {
            go.send(()).unwrap();
        } else {
            drop(go);
        }
        let mut after = Vec::new();
        loop {
            match next() {
                Ok(msg) => after.push(msg),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("the loader never ended"),
            }
        }
        loader.join().unwrap();
        let texts = after.iter().filter(|m| matches!(m, Msg::Text(..))).count();
        let done = after.iter().any(|m| matches!(m, Msg::TextsDone));
        (waited, texts, done)
    };
    let soon = Duration::from_millis(300);
    assert_eq!(
        warm(soon, true),
        (true, 2, true),
        "asked for: both texts come then"
    );
    // Past the time the loading pool stays (it has ended; another reads the texts).
    let late = Duration::from_millis(1500);
    assert_eq!(
        warm(late, true),
        (true, 2, true),
        "asked for late: they come then"
    );
    assert_eq!(
        warm(soon, false),
        (true, 0, false),
        "never asked for: none is read"
    );
}

/// `R` looks at the folder again: a file added since joins the list, one changed since is
/// read again, one deleted leaves it, and the others are not read at all.
#[test]
fn a_look_at_the_folder_again_finds_new_changed_and_deleted_files() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let write = |name: &str, title: &str| {
        std::fs::write(
            dir.path().join(name),
            format!("{title}\n\nपटना में आज बैठक हुई।\n"),
        )
        .unwrap();
    };
    for (name, title) in [("a.txt", "पहली"), ("b.txt", "दूसरी"), ("c.txt", "तीसरी")]
    {
        write(name, title);
    }
    // A file with no article is never listed; it is not new at every look.
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let mut app = drive::load(dir.path(), home.path(), |_| {});
    assert_eq!(drive::visible_titles(&app).len(), 3);
    // A moment later: what is written now is newer than the look before.
    let since = std::time::SystemTime::now() - Duration::from_millis(1);
    std::thread::sleep(Duration::from_millis(20));
    write("d.txt", "चौथी");
    write("b.txt", "दूसरी, बदली हुई");
    std::fs::remove_file(dir.path().join("c.txt")).unwrap();
    let (tx, rx) = mpsc::sync_channel(1024);
    let looked = khabar::tui::rescan::Looked::default();
    let root = [dir.path().to_owned()];
    let found = khabar::tui::rescan::rescan(&tx, &root, &app.listed_paths(), since, &looked);
    drop(tx);
    assert_eq!((found.new, found.changed, found.gone), (1, 1, 1));
    for msg in rx {
        khabar::tui::handle(&mut app, msg);
    }
    app.rescanned(found);
    app.settle();
    let mut titles = drive::visible_titles(&app);
    titles.sort();
    assert_eq!(titles, ["चौथी", "दूसरी, बदली हुई", "पहली"]);
    assert_eq!(
        app.status.as_deref(),
        Some("files: 1 new, 1 changed, 1 gone")
    );
    // Looked at again at once with nothing new: nothing is read, though the files were
    // written a moment ago (the last look's stamps decide, not the clock), and the empty
    // file is not new.
    let look_again = |app: &App| {
        let (tx, rx) = mpsc::sync_channel(1024);
        let epoch = std::time::SystemTime::UNIX_EPOCH;
        let found = khabar::tui::rescan::rescan(&tx, &root, &app.listed_paths(), epoch, &looked);
        drop(tx);
        (found, rx.iter().collect::<Vec<_>>())
    };
    let (again, messages) = look_again(&app);
    assert_eq!(again, khabar::tui::rescan::Rescanned::default());
    assert!(messages.is_empty());
    // A file written since the last look is changed at the next, once.
    std::thread::sleep(Duration::from_millis(20));
    write("a.txt", "पहली, फिर से");
    let (found, messages) = look_again(&app);
    assert_eq!((found.new, found.changed, found.gone), (0, 1, 0));
    for msg in messages {
        khabar::tui::handle(&mut app, msg);
    }
    assert_eq!(
        look_again(&app).0,
        khabar::tui::rescan::Rescanned::default()
    );
    // Touched without a change (trial 48: `touch` made `R` say `5 changed`): not changed.
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(root[0].join("a.txt"))
        .unwrap()
        .set_modified(later)
        .unwrap();
    let (found, messages) = look_again(&app);
    assert_eq!(found, khabar::tui::rescan::Rescanned::default());
    assert!(messages.is_empty(), "{} messages", messages.len());
}

/// A folder holding `a.txt` (with `text`), stored in a database whose star is on its
/// article, for the tests of `R` on a stored reader: the folder, the database's home, where
/// it is, and the store.
fn stored_with_a_star(
    text: &str,
) -> (
    tempfile::TempDir,
    tempfile::TempDir,
    Place,
    khabar::store::Store,
) {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("khabar.db");
    let place = Place::At(db.clone());
    let file = dir.path().join("a.txt");
    std::fs::write(&file, text).unwrap();
    let (mut corpus, _) = khabar::library::Corpus::open_in(&place, 0).unwrap();
    corpus
        .add(&[dir.path().to_path_buf()], false, &mut |_, _| {})
        .unwrap();
    drop(corpus);
    let (store, _) = khabar::store::Store::open(&db).unwrap();
    let before = khabar::corpus::load(&[file]).articles;
    store
        .set_starred(khabar::state::content_id(&before[0]), true)
        .unwrap();
    (dir, home, place, store)
}

/// `R` on the stored reader of `dir`, whose list holds `a.txt` with other articles: what it
/// told the loop.
fn look_again_stored(dir: &std::path::Path, place: &Place) -> Vec<Msg> {
    let look = khabar::tui::rescan::Look {
        roots: vec![dir.to_path_buf()],
        // A sum no file's articles give.
        listed: vec![(dir.join("a.txt").to_string_lossy().into(), 0)],
        looked: khabar::tui::rescan::Looked::default(),
    };
    let (tx, rx) = std::sync::mpsc::sync_channel(64);
    look.run_stored(&tx, std::time::SystemTime::UNIX_EPOCH, (place, 0));
    drop(tx);
    rx.iter().collect()
}

/// The stars a look sent to the loop.
fn stars_sent(msgs: &[Msg]) -> Vec<u64> {
    msgs.iter()
        .flat_map(|m| match m {
            Msg::Marks { starred, .. } => starred.clone(),
            _ => Vec::new(),
        })
        .collect()
}

/// `R` on a reader whose corpus is in a database brings the database up to date (trial
/// 47: the files it read were never stored, so every run read them again) and gives the
/// reader the marks the database carried to an edited article (its star vanished from the
/// open reader).
#[test]
fn a_look_again_stores_what_it_reads_and_recalls_carried_marks() {
    let text = |k: u32| format!("खबर {k}\n\nपटना में आज बैठक हुई और नीतीश कुमार ने भाषण दिया।\n");
    let (dir, home, place, store) = stored_with_a_star(&text(1));
    // Edited in place (the same headline, more text), and a new file beside it.
    std::fs::write(dir.path().join("a.txt"), text(1) + "\nफिर बैठक होगी।\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), text(2)).unwrap();
    let msgs = look_again_stored(dir.path(), &place);
    let found = msgs.iter().find_map(|m| match m {
        Msg::Rescanned(found) => Some(*found),
        _ => None,
    });
    assert_eq!(found.map(|f| (f.new, f.changed, f.gone)), Some((1, 1, 0)));
    let now = khabar::corpus::load(&[dir.path().join("a.txt")]).articles;
    let edited = khabar::state::content_id(&now[0]);
    let recalled = stars_sent(&msgs);
    assert!(recalled.contains(&edited), "{recalled:?}");
    assert_eq!(
        store.starred().unwrap(),
        [edited],
        "the star moved with the edit"
    );
    let stored: i64 = rusqlite::Connection::open(home.path().join("khabar.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 2, "the new file is stored");
}

/// An edit in place that keeps the file's size and modification time (trial 48): `R` sees
/// it (its change time moved) and reads it, and the database stores it too, with the star
/// carried to the new content, as `--rescan` would; its stamps alone said unchanged, so
/// the database kept the old text and `list --starred` lost the article.
#[test]
fn a_look_again_stores_an_edit_that_kept_size_and_time() {
    let text = |when: &str| format!("खबर\n\nपटना में {when} बैठक हुई और नीतीश कुमार ने भाषण दिया।\n");
    let (dir, _home, place, store) = stored_with_a_star(&text("आज"));
    let file = dir.path().join("a.txt");
    let before = store.starred().unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    // The same number of bytes, and the old modification time put back.
    assert_eq!(text("आज").len(), text("कल").len());
    std::fs::write(&file, text("कल")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let recalled = stars_sent(&look_again_stored(dir.path(), &place));
    let now = khabar::corpus::load(std::slice::from_ref(&file)).articles;
    let edited = khabar::state::content_id(&now[0]);
    assert_ne!([edited], *before);
    assert_eq!(
        store.starred().unwrap(),
        [edited],
        "the star moved with the edit"
    );
    assert_eq!(recalled, [edited]);
}

/// A session kept with a search reopens its article though the search has not read the
/// stored texts yet (trial 49: another article, which the search found by its title first,
/// was opened in its place, and that was kept as the session).
#[test]
fn a_kept_search_keeps_its_article_while_the_texts_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let files = [
        ("a.txt", "अनोखापन पहली खबर\n\nबाजार खुला।\n"),
        ("b.txt", "दूसरी खबर\n\nमौसम साफ रहा।\n"),
        ("c.txt", "तीसरी खबर\n\nफिर वही अनोखापन दिखा।\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut cold = drive::load(dir.path(), home.path(), |_| {});
    let c = drive::titled(&cold, "तीसरी खबर").unwrap();
    cold.add_chip(khabar::tui::filters::Chip::Search("अनोखापन".to_owned()));
    cold.select(c);
    let kept = cold.session();
    assert_eq!(kept.article, Some(cold.corpus.entries[c].id));
    let mut before_texts = None;
    let warm = drive::load(dir.path(), home.path(), |app| {
        app.restore(kept.clone());
        // The first text read back matches: the search finds that article first.
        let a = drive::titled(app, "अनोखापन पहली खबर").unwrap();
        let body = khabar::index::Body::of("बाजार खुला।".to_owned());
        khabar::tui::handle(app, Msg::Text(a - app.corpus.warm_base, Box::new(body)));
        app.refresh();
        assert_eq!(drive::visible_titles(app), ["अनोखापन पहली खबर"]);
        before_texts = Some((app.search.reading_texts, app.session()));
    });
    let (reading, session) = before_texts.unwrap();
    assert!(reading, "the texts were not read yet");
    assert_eq!(session, kept, "the session moved before the texts came");
    assert_eq!(
        warm.current().map(|e| e.article.title.clone()).as_deref(),
        Some("तीसरी खबर")
    );
    assert_eq!(warm.session().article, kept.article);
}

/// Only a kept session's search holds its article open: a search the user types while the
/// texts are read moves to its first hit, as ever (review: every search typed in a warm
/// reader held the open article, and jumped once the texts were in).
#[test]
fn a_search_typed_while_texts_are_read_moves_to_its_first_hit() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let files = [
        ("a.txt", "अनोखापन पहली खबर\n\nबाजार खुला।\n"),
        ("c.txt", "तीसरी खबर\n\nफिर वही अनोखापन दिखा।\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    drive::load(dir.path(), home.path(), |_| {});
    let mut shown = None;
    drive::load(dir.path(), home.path(), |app| {
        let c = drive::titled(app, "तीसरी खबर").unwrap();
        app.select(c);
        drive::press(app, "/");
        drive::type_text(app, "अनोखापन");
        drive::press(app, "Enter");
        let a = drive::titled(app, "अनोखापन पहली खबर").unwrap();
        let body = khabar::index::Body::of("बाजार खुला।".to_owned());
        khabar::tui::handle(app, Msg::Text(a - app.corpus.warm_base, Box::new(body)));
        app.refresh();
        shown = app.current().map(|e| e.article.title.clone());
    });
    assert_eq!(shown.as_deref(), Some("अनोखापन पहली खबर"));
}
