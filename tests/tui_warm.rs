//! A warm start in the reader, on the database: what it holds for the paths shows at
//! once, before any file is read; then files that changed or went away are withdrawn,
//! changed and new ones read again, and the next start holds exactly the corpus as it now
//! is. A cold start shows each file as it is read, before the load ends.

use std::path::Path;
use std::sync::mpsc;

use khabar::extract::entities::EntityKind;
use khabar::index::Sort;
use khabar::library::{PageFilter, Place};
use khabar::tui::app::App;
use khabar::tui::event::Msg;
use khabar::tui::filters::Chip;
use khabar::tui::loader::{FirstPage, Keep};

#[path = "support/drive.rs"]
mod drive;

#[path = "support/damage.rs"]
mod damage;

fn titles(app: &App) -> Vec<String> {
    drive::visible_titles(app)
}

/// What the screen shows.
fn screen_text(app: &App) -> String {
    let (w, h) = (app.size.width, app.size.height);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    term.draw(|f| khabar::tui::view::render(app, f)).unwrap();
    let buf = term.backend().buffer().clone();
    buf.content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

/// The titles of the list, in its order.
fn in_order(app: &App) -> Vec<String> {
    app.list.visible.iter().map(|&i| app.title(i)).collect()
}

/// What one load told the loop, as names.
#[derive(Debug, Default)]
struct Told {
    /// Articles the first [`Msg::Warm`] carried, and how many files were read (or
    /// withdrawn) before it.
    warm: Option<(usize, usize)>,
    /// Files read (first time, and again), and withdrawn.
    read: Vec<String>,
    changed: Vec<String>,
    gone: Vec<String>,
    /// Whether the list showed articles before [`Msg::Finished`], and whether it was
    /// replaced whole.
    shown_before_end: bool,
    replaced: bool,
    /// The list as the first page showed it, and the article shown then.
    first_page: Option<(Vec<String>, Option<String>)>,
    /// The person picker's screen once the stored list was in, before its names.
    picker_before_names: Option<String>,
}

/// Runs the reader's loader over `dir` (named with a trailing slash, as shells complete
/// folders) with the database in `home`, into a fresh reader, the way the event loop does;
/// `between` runs once the stored list and its index are in.
fn load(dir: &Path, home: &Path, between: impl FnOnce(&mut App)) -> (App, Told) {
    load_paged(dir, home, |_| {}, between)
}

/// [`load`], with `paged` run on the reader showing the first page.
fn load_paged(
    dir: &Path,
    home: &Path,
    paged: impl FnOnce(&mut App),
    between: impl FnOnce(&mut App),
) -> (App, Told) {
    let mut app = drive::empty_app();
    let (tx, rx) = mpsc::sync_channel(1024);
    // A first page of two articles, from any size on: every warm start here goes
    // through it and must end with the list it would have had without it.
    let keep = Keep {
        place: Place::At(home.join("khabar.db")),
        rules: 1,
        first_page: Some(FirstPage {
            newest: true,
            rows: 2,
            from: 0,
            filter: PageFilter::default(),
        }),
    };
    let loader = khabar::tui::loader::spawn(vec![dir.join("")], keep, tx);
    let mut told = Told::default();
    let mut between = Some(between);
    let mut paged = Some(paged);
    let mut seen = 0;
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    for msg in rx {
        let first_page = matches!(msg, Msg::FirstPage(_));
        let whole = matches!(msg, Msg::Warm(..));
        let warm = match &msg {
            Msg::Warm(snapshot, _) => {
                told.warm.get_or_insert((snapshot.docs.len(), seen));
                false
            }
            // The entities and dates of the stored list follow it, before any file is read.
            Msg::WarmFacts(_) => true,
            Msg::File(f) => {
                told.read.push(name(&f.path));
                false
            }
            Msg::Changed(f) => {
                told.changed.push(name(&f.path));
                false
            }
            Msg::Gone(p) => {
                told.gone.push(name(p));
                false
            }
            Msg::Replace(_) => {
                told.replaced = true;
                false
            }
            Msg::Finished => {
                told.shown_before_end = !app.list.visible.is_empty();
                false
            }
            _ => false,
        };
        seen += usize::from(matches!(
            msg,
            Msg::File(_) | Msg::Changed(_) | Msg::Gone(_) | Msg::Replace(_)
        ));
        khabar::tui::handle(&mut app, msg);
        app.settle();
        if whole && told.picker_before_names.is_none() {
            drive::press(&mut app, "p");
            told.picker_before_names = Some(screen_text(&app));
            drive::press(&mut app, "Esc");
        }
        if first_page {
            assert!(
                app.corpus.awaiting_facts,
                "a first page comes without names"
            );
            let shown = app.current().map(|e| e.article.title.clone());
            told.first_page = Some((in_order(&app), shown));
            if let Some(f) = paged.take() {
                f(&mut app);
            }
        }
        if warm && let Some(f) = between.take() {
            f(&mut app);
        }
    }
    loader.join().unwrap();
    app.settle();
    told.read.sort();
    told.changed.sort();
    (app, told)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Sets a file's modification time ahead, so a change is seen whatever the clock's grain.
fn touch_later(path: &Path) {
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(later)
        .unwrap();
}

#[test]
fn a_warm_start_shows_the_stored_list_at_once_then_catches_up_with_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n");
    write(d, "b.txt", "दूसरी खबर\n\nपुतिन मास्को में थे।\n");
    write(d, "c.txt", "तीसरी खबर\n\nराहुल गांधी दिल्ली में थे।\n");
    let (cold, told) = load(d, home.path(), |_| {});
    assert_eq!(titles(&cold), ["तीसरी खबर", "दूसरी खबर", "पहली खबर"]);
    assert!(told.warm.is_none(), "nothing stored yet: {told:?}");
    assert_eq!(
        told.read,
        ["a.txt", "b.txt", "c.txt"],
        "each file as it is read"
    );
    assert!(told.shown_before_end, "rows show before the load ends");
    assert!(!told.replaced, "every file was read: nothing to list anew");
    let paths =
        |app: &App| drive::visible_sorted(app, |app, i| app.corpus.entries[i].path.to_string());
    let cold_paths = paths(&cold);

    // Unchanged: the whole list comes from the database first, and no file is read.
    let mut filtered = 0;
    let (warm, told) = load(d, home.path(), |app| {
        assert_eq!(
            app.list.visible.len(),
            3,
            "the stored list is shown at once"
        );
        // Filters work on it before any file is checked: the index came with it.
        drive::press(app, "p");
        drive::type_text(app, "putin");
        drive::press(app, "Enter");
        filtered = app.list.visible.len();
        drive::press(app, "x");
    });
    assert_eq!(told.warm, Some((3, 0)), "{told:?}");
    assert!(told.read.is_empty() && told.changed.is_empty(), "{told:?}");
    assert_eq!(filtered, 1, "a person filter on the stored index");
    assert_eq!(paths(&warm), cold_paths, "paths as the walk names them");

    // a.txt changes (and names Putin now), b.txt goes, d.txt arrives.
    write(d, "a.txt", "बदली खबर\n\nव्लादिमीर पुतिन ने मुंबई में भाषण दिया।\n");
    touch_later(&d.join("a.txt"));
    std::fs::remove_file(d.join("b.txt")).unwrap();
    write(d, "d.txt", "चौथी खबर\n\nनरेंद्र मोदी पटना में।\n");
    let (warm, told) = load(d, home.path(), |app| {
        assert_eq!(
            titles(app),
            ["तीसरी खबर", "दूसरी खबर", "पहली खबर"],
            "first the list as stored"
        );
    });
    assert_eq!(told.changed, ["a.txt", "d.txt"], "{told:?}");
    assert_eq!(told.gone, ["b.txt"]);
    assert_eq!(titles(&warm), ["चौथी खबर", "तीसरी खबर", "बदली खबर"]);
    let putin = warm.corpus.index.resolve(EntityKind::Person, "पुतिन");
    let docs: Vec<u32> = putin.iter().flat_map(|e| e.docs.iter()).collect();
    assert_eq!(
        docs.len(),
        1,
        "only the changed a.txt, not the removed b.txt"
    );
    assert_eq!(warm.title(docs[0] as usize), "बदली खबर");

    // What is stored is the corpus as it is now.
    let (again, told) = load(d, home.path(), |_| {});
    assert_eq!(told.warm, Some((3, 0)), "{told:?}");
    assert!(told.changed.is_empty() && told.gone.is_empty(), "{told:?}");
    assert_eq!(titles(&again), ["चौथी खबर", "तीसरी खबर", "बदली खबर"]);
}

#[test]
fn a_warm_start_searches_and_opens_records_of_a_json_lines_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let records = [
        serde_json::json!({"title": "पहला", "body": "बाढ़ से नदी उफनी।", "published": "2024-03-04"}),
        serde_json::json!({"title": "दूसरा", "body": "पुतिन ने मास्को में कहा।"}),
    ];
    let lines: Vec<String> = records.iter().map(ToString::to_string).collect();
    write(dir.path(), "feed.jsonl", &(lines.join("\n") + "\n"));
    let _ = load(dir.path(), home.path(), |_| {});
    let (mut warm, told) = load(dir.path(), home.path(), |_| {});
    assert_eq!(told.warm, Some((2, 0)), "{told:?}");
    // The second record is read back alone and analysed for the sidebar.
    let i = drive::titled(&warm, "दूसरा").unwrap();
    assert_eq!(warm.corpus.entries[i].line, Some(2));
    warm.select(i);
    let entry = warm.current().unwrap();
    assert_eq!(
        &entry.article.text[entry.article.body_at..],
        "पुतिन ने मास्को में कहा।"
    );
    assert!(
        entry
            .analysis
            .entities
            .iter()
            .any(|e| e.name.contains("पुतिन")),
        "{:?}",
        entry.analysis.entities
    );
    // The publication date came back from the database.
    let first = &warm.corpus.entries[drive::titled(&warm, "पहला").unwrap()];
    let published = first.published.and_then(|p| p.value());
    assert_eq!(published.as_deref(), Some("2024-03-04"));
    // Bodies were read back after the start, so search finds them.
    drive::press(&mut warm, "/");
    drive::type_text(&mut warm, "बाढ़");
    drive::press(&mut warm, "Enter");
    assert_eq!(titles(&warm), ["पहला"]);
}

#[test]
fn the_open_article_stays_open_when_its_file_is_only_touched() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    write(dir.path(), "a.txt", "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n");
    write(dir.path(), "b.txt", "दूसरी खबर\n\nपुतिन मास्को में थे।\n");
    let _ = load(dir.path(), home.path(), |_| {});
    // Touched, same bytes: nothing is withdrawn or read again for the list.
    touch_later(&a);
    let mut chosen = None;
    let (app, told) = load(dir.path(), home.path(), |app| {
        let i = drive::titled(app, "पहली खबर").unwrap();
        app.select(i);
        chosen = Some(i);
    });
    assert!(told.changed.is_empty(), "{told:?}");
    assert_eq!(Some(app.list.selected), chosen);
    assert_eq!(app.current().unwrap().article.title, "पहली खबर");
}

/// Files another command stored under a folder the reader opens for the first time are
/// shown at once, as a warm start shows its list; only the file new to the database is read.
#[test]
fn files_stored_by_list_show_at_once_when_the_reader_opens_the_folder_above() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    write(&sub, "a.txt", "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n");
    write(dir.path(), "b.txt", "दूसरी खबर\n\nपुतिन मास्को में थे।\n");
    // The subfolder is stored already (as `khabar list sub` would have); the reader opens
    // the folder above it for the first time.
    let _ = load(&sub, home.path(), |_| {});
    let (app, told) = load(dir.path(), home.path(), |app| {
        assert_eq!(
            titles(app),
            ["पहली खबर"],
            "the stored file, before any is read"
        );
    });
    assert_eq!(told.warm, Some((1, 0)), "{told:?}");
    assert_eq!(
        told.changed,
        ["b.txt"],
        "only the file new to the database is read"
    );
    // Made whole at the end: what another process stored meanwhile comes with it.
    assert!(told.read.is_empty() && told.replaced, "{told:?}");
    assert_eq!(titles(&app), ["दूसरी खबर", "पहली खबर"]);
    assert_eq!(app.corpus.index.live(), 2);
}

/// A first import killed before its end recorded the walk (trial 47): the next start shows
/// the articles it had stored at once, with their names for the filters, and reads only the
/// rest; the walk is recorded then, so the start after that reads nothing.
#[test]
fn a_first_import_cut_short_shows_what_it_stored_at_once_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n");
    write(d, "b.txt", "दूसरी खबर\n\nपुतिन मास्को में थे।\n");
    let _ = load(d, home.path(), |_| {});
    // What a kill leaves: the articles committed batch by batch, the walk not recorded.
    let conn = rusqlite::Connection::open(home.path().join("khabar.db")).unwrap();
    assert!(conn.execute("DELETE FROM walks", []).unwrap() > 0);
    drop(conn);
    write(d, "c.txt", "तीसरी खबर\n\nराहुल गांधी दिल्ली में थे।\n");
    let mut filtered = 0;
    let (app, told) = load(d, home.path(), |app| {
        assert_eq!(
            titles(app),
            ["दूसरी खबर", "पहली खबर"],
            "shown before any file is read"
        );
        drive::press(app, "p");
        drive::type_text(app, "putin");
        drive::press(app, "Enter");
        filtered = app.list.visible.len();
        drive::press(app, "x");
    });
    assert_eq!(told.warm, Some((2, 0)), "{told:?}");
    assert_eq!(filtered, 1, "a person filter on the stored names");
    assert_eq!(told.changed, ["c.txt"], "{told:?}");
    // Made whole at the end: what another process stored meanwhile comes with it.
    assert!(told.read.is_empty() && told.replaced, "{told:?}");
    assert_eq!(titles(&app), ["तीसरी खबर", "दूसरी खबर", "पहली खबर"]);
    assert_eq!(app.corpus.index.live(), 3);
    let (_, told) = load(d, home.path(), |_| {});
    assert_eq!(told.warm, Some((3, 0)), "{told:?}");
    assert!(told.changed.is_empty() && told.gone.is_empty(), "{told:?}");
    // A folder the database holds nothing under starts cold, as before.
    let other = tempfile::tempdir().unwrap();
    write(other.path(), "e.txt", "पांचवीं खबर\n\nमोदी दिल्ली में थे।\n");
    let (_, told) = load(other.path(), home.path(), |_| {});
    assert!(told.warm.is_none(), "{told:?}");
    assert_eq!(told.read, ["e.txt"]);
}

#[test]
fn two_readers_loading_the_same_paths_at_once_both_get_everything() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let names = ["मोदी", "पुतिन", "बाइडन", "शी जिनपिंग", "मैक्रों", "किम जोंग उन"];
    for i in 0..120 {
        let name = names[i % names.len()];
        let text = format!("खबर संख्या {i}\n\n{name} ने दिल्ली में {i} लोगों से बात की।\n");
        write(dir.path(), &format!("{i:03}.txt"), &text);
    }
    // Both write the same files into one database, one writer at a time.
    let (a, b) = std::thread::scope(|s| {
        let one = s.spawn(|| load(dir.path(), home.path(), |_| {}).0);
        let two = s.spawn(|| load(dir.path(), home.path(), |_| {}).0);
        (one.join().unwrap(), two.join().unwrap())
    });
    for app in [&a, &b] {
        assert_eq!(app.corpus.index.live(), 120);
        assert_eq!(app.list.visible.len(), 120);
        assert!(app.problems.is_empty(), "{:?}", app.problems);
    }
    let (warm, told) = load(dir.path(), home.path(), |_| {});
    assert_eq!(told.warm, Some((120, 0)), "{told:?}");
    assert!(told.changed.is_empty(), "{told:?}");
    assert_eq!(warm.corpus.index.live(), 120);
    let putin = warm.corpus.index.resolve(EntityKind::Person, "पुतिन");
    assert_eq!(putin.iter().map(|e| e.docs.len()).sum::<usize>(), 20);
}

#[test]
fn a_cold_start_drops_a_footer_found_repeated_from_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let places = ["जयपुर", "पटना", "भोपाल", "इंदौर", "लखनऊ"];
    for (i, place) in places.iter().enumerate() {
        let text = format!(
            "{place} की खबर\n\n{place} में आज बाज़ार खुले रहे।\n\n\
             ताज़ा ख़बरों के लिए कलमपत्र फ़ाउंडेशन का ऐप डाउनलोड करें।\n"
        );
        write(dir.path(), &format!("{i}.txt"), &text);
    }
    // The first files arrive with the footer's foundation (not yet known to repeat);
    // the list is then read anew from the database, without it.
    let (app, told) = load(dir.path(), home.path(), |_| {});
    assert!(told.replaced, "{told:?}");
    assert_eq!(app.corpus.index.live(), 5);
    assert!(
        app.corpus
            .index
            .resolve(EntityKind::Organization, "कलमपत्र")
            .is_empty()
    );
    assert_eq!(
        app.corpus
            .index
            .resolve(EntityKind::Place, "पटना")
            .iter()
            .map(|e| e.docs.len())
            .sum::<usize>(),
        1
    );
}

/// A large stored list shows its first page (here two articles) before the whole of it;
/// the whole then takes its place, each article once, and the article the user moved to
/// on the first page stays shown, where the reader was in it.
#[test]
fn a_first_page_shows_before_the_whole_list_and_gives_way_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let record = |title: &str, published: Option<&str>| {
        let mut r = serde_json::json!({"title": title, "body": format!("{title} की खबर।\n\nदूसरा पैराग्राफ़।")});
        if let Some(p) = published {
            r["published"] = p.into();
        }
        r.to_string()
    };
    let lines = [
        record("जनवरी", Some("2024-01-05")),
        record("बिना तारीख़", None),
        record("अप्रैल", Some("2024-04-05")),
        record("फ़रवरी", Some("2024-02-05")),
        record("मार्च", Some("2024-03-05")),
    ];
    write(dir.path(), "feed.jsonl", &(lines.join("\n") + "\n"));
    let (cold, told) = load(dir.path(), home.path(), |_| {});
    assert!(told.first_page.is_none(), "nothing stored yet: {told:?}");
    let whole = ["अप्रैल", "मार्च", "फ़रवरी", "जनवरी", "बिना तारीख़"];
    assert_eq!(in_order(&cold), whole);

    // Untouched: the newest two first, the newest shown; then all five, each once.
    let (warm, told) = load(dir.path(), home.path(), |_| {});
    let (page, shown) = told.first_page.clone().expect("a first page");
    assert_eq!(page, ["अप्रैल", "मार्च"]);
    assert_eq!(shown.as_deref(), Some("अप्रैल"));
    assert_eq!(told.warm, Some((5, 0)), "{told:?}");
    assert_eq!(in_order(&warm), whole);
    assert_eq!(
        warm.corpus.index.live(),
        5,
        "the first page's articles are withdrawn"
    );
    assert_eq!(warm.current().unwrap().article.title, "अप्रैल");
    assert!(!warm.list.chosen, "showing the newest is not choosing it");
    // Between the list and its names, the picker says they are coming.
    let picker = told.picker_before_names.clone().unwrap();
    assert!(picker.contains("names still loading"), "{picker}");
    assert!(!warm.corpus.awaiting_facts);

    // The user moves to the second article of the page and scrolls it: it stays shown.
    let (warm, told) = load_paged(
        dir.path(),
        home.path(),
        |app| {
            drive::press(app, "j");
            app.reader.anchor = 3;
        },
        |_| {},
    );
    assert!(told.first_page.is_some());
    assert_eq!(in_order(&warm), whole);
    assert_eq!(warm.current().unwrap().article.title, "मार्च");
    assert!(warm.list.chosen);
    assert_eq!(warm.reader.anchor, 3);

    // An article arriving otherwise while the page is shown (a feed refreshed) stays.
    let (warm, _) = load_paged(
        dir.path(),
        home.path(),
        |app| {
            let extra =
                khabar::corpus::from_text("feeds/extra.txt", "फ़ीड की खबर\n\nपाठ।\n".to_owned());
            let analysis = khabar::extract::analyse(&extra);
            khabar::tui::handle(
                app,
                Msg::Loaded(Box::new(khabar::tui::app::Entry::new(extra, analysis)), 1),
            );
        },
        |_| {},
    );
    let mut with_extra = whole.to_vec();
    with_extra.push("फ़ीड की खबर");
    assert_eq!(
        in_order(&warm),
        with_extra,
        "the page's articles only are withdrawn"
    );

    // The last session's article is not on the page: it is shown, chosen, once it comes.
    let january = cold.corpus.entries[drive::titled(&cold, "जनवरी").unwrap()].id;
    let (warm, _) = load_paged(
        dir.path(),
        home.path(),
        |app| app.shown.reselect = Some((january, 2, 0)),
        |_| {},
    );
    assert_eq!(warm.current().unwrap().article.title, "जनवरी");
    assert!(warm.list.chosen, "a session's article counts as chosen");
    assert_eq!(warm.reader.anchor, 2);
}

/// A kept person filter gets a first page too: only the articles the filter keeps, newest
/// first, and then the whole list in its place, filtered already: never a moment with
/// nothing listed while the whole list's names are read.
#[test]
fn a_kept_person_filter_is_answered_by_a_first_page() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let record = |title: &str, body: &str, published: Option<&str>| {
        let mut r = serde_json::json!({"title": title, "body": body});
        if let Some(p) = published {
            r["published"] = p.into();
        }
        r.to_string()
    };
    let lines = [
        record(
            "जनवरी",
            "व्लादिमीर पुतिन ने मास्को में बैठक की।",
            Some("2024-01-05"),
        ),
        record(
            "फ़रवरी",
            "एंजेला मर्केल ने बर्लिन में भाषण दिया।",
            Some("2024-02-05"),
        ),
        record("मार्च", "व्लादिमीर पुतिन ने सोची में खेल देखे।", Some("2024-03-05")),
        record("अप्रैल", "एंजेला मर्केल ने पेरिस की यात्रा की।", Some("2024-04-05")),
        record("बिना तारीख़", "व्लादिमीर पुतिन ने किसानों से बात की।", None),
    ];
    write(dir.path(), "feed.jsonl", &(lines.join("\n") + "\n"));
    let (cold, _) = load(dir.path(), home.path(), |_| {});
    let putin = cold
        .corpus
        .index
        .entity_table()
        .find(|e| e.name.contains("पुतिन"))
        .expect("Putin is found");
    let chips = vec![Chip::Entity {
        id: putin.id.clone(),
        name: putin.name.clone(),
        kind: putin.kind,
    }];
    assert!(
        FirstPage::of(Sort::Newest, &[Chip::Search("खबर".to_owned())]).is_none(),
        "a filter the store does not answer makes no page"
    );
    let first = FirstPage {
        rows: 2,
        from: 0,
        ..FirstPage::of(Sort::Newest, &chips).expect("a page for a person filter")
    };
    let mut app = drive::empty_app();
    app.list.chips = chips;
    let (tx, rx) = mpsc::sync_channel(1024);
    let keep = Keep {
        place: Place::At(home.path().join("khabar.db")),
        rules: 1,
        first_page: Some(first),
    };
    let loader = khabar::tui::loader::spawn(vec![dir.path().join("")], keep, tx);
    let mut page = None;
    for msg in rx {
        let first_page = matches!(msg, Msg::FirstPage(_));
        khabar::tui::handle(&mut app, msg);
        app.settle();
        if first_page {
            page = Some(in_order(&app));
            let bar = khabar::tui::view::filterbar::text(&app);
            assert!(
                bar.ends_with("· 2 so far"),
                "the page is not the whole list: {bar}"
            );
        }
        if page.is_some() {
            assert!(
                !app.list.visible.is_empty(),
                "nothing listed after the page"
            );
        }
    }
    loader.join().unwrap();
    app.settle();
    assert_eq!(page.expect("a first page"), ["मार्च", "जनवरी"]);
    assert_eq!(in_order(&app), ["मार्च", "जनवरी", "बिना तारीख़"]);
    assert_eq!(
        app.corpus.index.live(),
        5,
        "the page's articles are withdrawn"
    );
    let bar = khabar::tui::view::filterbar::text(&app);
    assert!(bar.ends_with("· 3 of 5"), "{bar}");
}

/// The stored list's names are read on another connection while the files are checked:
/// when that read finds the tables damaged, they are set aside, every file is read again
/// and the list comes anew, each name counted once.
#[test]
fn damaged_names_at_a_warm_start_are_read_again_from_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n");
    write(d, "b.txt", "दूसरी खबर\n\nपुतिन मास्को में थे।\n");
    write(d, "c.txt", "तीसरी खबर\n\nव्लादिमीर पुतिन दिल्ली में थे।\n");
    let _ = load(d, home.path(), |_| {});
    damage::damage(&home.path().join("khabar.db"), "mentions");
    let (app, told) = load(d, home.path(), |_| {});
    assert_eq!(
        told.warm.map(|w| w.0),
        Some(3),
        "the stored list first: {told:?}"
    );
    assert!(told.replaced, "then the list anew: {told:?}");
    assert_eq!(titles(&app), ["तीसरी खबर", "दूसरी खबर", "पहली खबर"]);
    assert_eq!(app.corpus.index.live(), 3);
    let mut putin: Vec<String> = app
        .corpus
        .index
        .resolve(EntityKind::Person, "पुतिन")
        .iter()
        .flat_map(|e| e.docs.iter())
        .map(|d| app.title(d as usize))
        .collect();
    putin.sort_unstable();
    assert_eq!(putin, ["तीसरी खबर", "दूसरी खबर"]);
    assert!(
        app.problems
            .iter()
            .any(|p| p.contains("damaged corpus tables")),
        "{:?}",
        app.problems
    );
}
