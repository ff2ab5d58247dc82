//! A warm start in the reader: the cached list shows at once, then files that changed or
//! went away are withdrawn and read again, and the cache written after holds exactly the
//! corpus as it now is.

use khabar::cache::Cache;
use khabar::tui::app::App;

#[path = "support/drive.rs"]
mod drive;

fn app() -> App {
    drive::empty_app()
}

fn titles(app: &App) -> Vec<String> {
    drive::visible_sorted(app, |a| &a.title)
}

/// Loads `dir` the way the reader's loader does with a cache at `cache`, saving it after.
fn load(dir: &std::path::Path, cache: &std::path::Path) -> App {
    // Named with a trailing slash, as shells complete folders: paths must still come out
    // as the walk names them.
    let roots = vec![dir.join("")];
    let (mut c, note) = Cache::open(cache.to_owned(), 1);
    assert!(note.is_none(), "{note:?}");
    c.watch(&roots);
    let mut app = app();
    let mut problems = Vec::new();
    let files = khabar::corpus::files(&roots, &mut problems);
    let rest = if c.is_empty() {
        files
    } else {
        app.push_warm(c.warm_all());
        app.settle();
        // Before the files are checked, any cached article can be opened, even one whose
        // file is gone (it shows its list entry and a problem, it must not crash).
        for i in 0..app.entries.len() {
            app.select(i);
            assert!(app.current().is_some());
        }
        let checked = c.revalidate(&files);
        app.revalidated(&checked.stale_docs, &checked.stale_files, files.len());
        checked.rest
    };
    for f in &rest {
        app.push_file(c.process(f));
    }
    app.settle();
    if c.changed(rest.len()) {
        c.save(&app.snapshot()).unwrap();
    }
    app
}

#[test]
fn stale_articles_are_withdrawn_and_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("c.bin");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("a.txt", "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n");
    write("b.txt", "दूसरी खबर\n\nपुतिन मास्को में थे।\n");
    write("c.txt", "तीसरी खबर\n\nराहुल गांधी दिल्ली में थे।\n");
    let cold = load(dir.path(), &cache);
    assert_eq!(titles(&cold), ["तीसरी खबर", "दूसरी खबर", "पहली खबर"]);
    let paths = |app: &App| drive::visible_sorted(app, |a| &a.path);
    let cold_paths = paths(&cold);

    // a.txt changes (and names Putin now), b.txt goes, d.txt arrives.
    write("a.txt", "बदली खबर\n\nव्लादिमीर पुतिन ने मुंबई में भाषण दिया।\n");
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    write("d.txt", "चौथी खबर\n\nनरेंद्र मोदी पटना में।\n");
    let warm = load(dir.path(), &cache);
    assert_eq!(titles(&warm), ["चौथी खबर", "तीसरी खबर", "बदली खबर"]);
    // c.txt came from the cache, named as the walk named it.
    let c_path = cold_paths.iter().find(|p| p.ends_with("c.txt")).unwrap();
    assert!(
        paths(&warm).contains(c_path),
        "{c_path} in {:?}",
        paths(&warm)
    );
    let putin = warm
        .index
        .resolve(khabar::extract::entities::EntityKind::Person, "पुतिन");
    let docs: Vec<u32> = putin.iter().flat_map(|e| e.docs.clone()).collect();
    assert_eq!(
        docs.len(),
        1,
        "only the changed a.txt, not the removed b.txt"
    );
    assert_eq!(warm.entries[docs[0] as usize].article.title, "बदली खबर");
    assert_eq!(warm.progress.total, 3);

    // What was saved is the corpus as it is now: a third start reads nothing.
    let (mut c, _) = Cache::open(cache.clone(), 1);
    c.watch(&[dir.path().to_owned()]);
    let mut problems = Vec::new();
    let files = khabar::corpus::files(&[dir.path().to_owned()], &mut problems);
    let (again, rest) = c.warm(&files);
    assert!(rest.is_empty(), "{rest:?}");
    let mut t: Vec<&str> = again
        .docs
        .iter()
        .map(|d| d.article.title.as_str())
        .collect();
    t.sort_unstable();
    assert_eq!(t, ["चौथी खबर", "तीसरी खबर", "बदली खबर"]);
    assert_eq!(again.files.len(), 3);
}

#[test]
fn the_open_article_stays_open_when_its_file_is_only_touched() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("c.bin");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "दूसरी खबर\n\nपुतिन मास्को में थे।\n").unwrap();
    let _ = load(dir.path(), &cache);
    // Touched, same bytes: its articles are withdrawn and come back under a new number.
    let bytes = std::fs::read(&a).unwrap();
    std::fs::write(&a, bytes).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::open(&a)
        .unwrap()
        .set_modified(later)
        .unwrap();

    let roots = vec![dir.path().join("")];
    let (mut c, _) = Cache::open(cache, 1);
    c.watch(&roots);
    let mut app = app();
    app.push_warm(c.warm_all());
    app.settle();
    let i = app
        .entries
        .iter()
        .position(|e| e.article.title == "पहली खबर")
        .unwrap();
    app.select(i);
    let mut problems = Vec::new();
    let files = khabar::corpus::files(&roots, &mut problems);
    let checked = c.revalidate(&files);
    assert_eq!(checked.rest.len(), 1, "only the touched file is read");
    app.revalidated(&checked.stale_docs, &checked.stale_files, files.len());
    app.settle();
    for f in &checked.rest {
        app.push_file(c.process(f));
    }
    app.settle();
    assert_ne!(app.selected, i, "the article came back under a new number");
    assert_eq!(app.entries[app.selected].article.title, "पहली खबर");
    assert_eq!(app.current().unwrap().article.title, "पहली खबर");
}
