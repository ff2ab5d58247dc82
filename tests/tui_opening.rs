//! Opening articles off the event loop: while the worker reads a long article back, keys
//! are handled and the reader pane says it is loading; a result for an article passed over
//! is dropped; the worker then lays out the long article at the current width (anew after
//! a resize), and the rows it hands over agree with laying out the whole article.

#[path = "support/drive.rs"]
mod drive;

use std::sync::mpsc::{Receiver, sync_channel};
use std::time::{Duration, Instant};

use drive::press;
use khabar::corpus;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use khabar::tui::document;
use khabar::tui::event::Msg;
use khabar::tui::layout::Pane;
use khabar::tui::modal::Modal;
use khabar::tui::opening::{Opened, Opener};
use ratatui::layout::Rect;

/// A reader with a worker, on a short article and a long one (about `bytes`, sentences
/// written for this test) written to `dir`; the short one is shown.
fn app_with_worker(bytes: usize, dir: &std::path::Path) -> (App, Receiver<Msg>) {
    let sentences = [
        "पहाड़ी गाँव में इस साल बर्फ़ देर से गिरी और किसान चिंता में रहे। ",
        "मेले में ऊन के कपड़े और शहद की दुकानें सजीं। ",
        "बस अड्डे से गाँव तक की सड़क पर नई बत्तियाँ लगीं। ",
    ];
    let mut text = String::from("पहाड़ की चिट्ठी\n\n");
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(sentences[n % 3]);
        n += 1;
        if n % 40 == 0 {
            text.push_str("\n\n");
        }
    }
    // A name the sidebar will list, at the end of the long article.
    text.push_str("\n\nप्रधानमंत्री नरेंद्र मोदी ने दिल्ली में कहा।\n");
    let long = dir.join("b-long.txt");
    std::fs::write(&long, &text).unwrap();
    let short_text = "छोटी ख़बर\n\nनदी पर नया घाट बना।\n".to_owned();
    let short = dir.join("a-short.txt");
    std::fs::write(&short, &short_text).unwrap();
    let mut app = App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 100, 30),
    );
    for (path, text) in [(&short, short_text), (&long, text)] {
        let mut article = corpus::from_text(path.to_str().unwrap(), text);
        article.origin = corpus::Origin::File;
        app.push(Entry::new(article, khabar::extract::Analysis::default()));
    }
    khabar::tui::handle(&mut app, Msg::Finished);
    app.settle();
    let (tx, rx) = sync_channel(1024);
    app.opener = Some(Opener::spawn(tx));
    (app, rx)
}

/// The long article's entry.
fn long_entry(app: &App) -> usize {
    (0..app.corpus.entries.len())
        .find(|&i| app.corpus.entries[i].path.ends_with("long.txt"))
        .unwrap()
}

/// A reader listing `files` as read now, with an opening worker.
fn listing(files: &[&std::path::Path]) -> (App, Receiver<Msg>) {
    let mut app = App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 100, 30),
    );
    for file in files {
        app.push_file(khabar::library::read_file(file).0);
    }
    khabar::tui::handle(&mut app, Msg::Finished);
    app.settle();
    let (tx, rx) = sync_channel(1024);
    app.opener = Some(Opener::spawn(tx));
    (app, rx)
}

/// One JSON Lines record, its line ended.
/// A JSON Lines file in `dir` of three records (the second titled `दूसरी ख़बर`), and the
/// three lines, to write it again edited.
fn three_records(dir: &std::path::Path) -> (std::path::PathBuf, [String; 3]) {
    let feed = dir.join("feed.jsonl");
    let lines = [
        record("पहली ख़बर", "नदी पर नया पुल बना।"),
        record("दूसरी ख़बर", "मेले में भीड़ रही।"),
        record("तीसरी ख़बर", "बाज़ार में रौनक रही।"),
    ];
    std::fs::write(&feed, lines.concat()).unwrap();
    (feed, lines)
}

fn record(title: &str, body: &str) -> String {
    format!("{}\n", serde_json::json!({ "title": title, "body": body }))
}

/// The listed article titled `title`, if it is listed (not withdrawn).
fn at(app: &App, title: &str) -> Option<usize> {
    (0..app.corpus.entries.len())
        .find(|&i| app.title(i) == title && !app.corpus.index.is_gone(i as u32))
}

/// Hands the worker's messages to the reader until `done` holds (at most 60 s).
fn pump(app: &mut App, rx: &Receiver<Msg>, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the worker did not answer"
        );
        if let Ok(msg) = rx.recv_timeout(Duration::from_millis(100)) {
            khabar::tui::handle(app, msg);
        }
    }
}

fn top(app: &App) -> (usize, usize) {
    let rows = app.rows();
    let row = &rows[app.top_row(&rows)];
    (row.span.start, row.span.end)
}

#[test]
fn keys_are_handled_while_a_long_article_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, rx) = app_with_worker(8 << 20, dir.path());
    let long = long_entry(&a);
    a.select(long);
    // Nothing arrived yet: the reader is waiting, not reading the file itself.
    assert!(a.shown.opening.is_some() && a.current().is_none());
    press(&mut a, "?");
    assert!(
        matches!(a.modal, Some(Modal::Help { .. })),
        "help opens while the article loads"
    );
    press(&mut a, "? tab");
    assert_eq!(a.focus, Pane::Reader);
    press(&mut a, "G");
    pump(&mut a, &rx, |a| a.current().is_some());
    let len = a.current().unwrap().article.text.len();
    assert_eq!(
        a.reader.anchor, len,
        "G pressed while loading goes to the end"
    );
    let rows = a.rows();
    assert!(!rows.more_after && a.top_row(&rows) + 27 >= rows.len());
}

#[test]
fn a_result_for_an_article_passed_over_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, rx) = app_with_worker(2 << 20, dir.path());
    let long = long_entry(&a);
    let short = 1 - long;
    a.select(long);
    a.select(short);
    pump(&mut a, &rx, |a| a.shown.opening.is_none());
    assert_eq!(a.current().unwrap().article.title, "छोटी ख़बर");
    // The long article's result, late: not shown.
    let article = a.corpus.entries[long].reference(a.title(long));
    let late = Opened {
        generation: 2,
        index: long,
        entry: Entry::new(article, khabar::extract::Analysis::default()),
        blocks: std::sync::Arc::default(),
        problems: Vec::new(),
        analysing: false,
        kept: false,
    };
    a.opened(late);
    assert_eq!(a.list.selected, short);
    assert_eq!(a.current().unwrap().article.title, "छोटी ख़बर");
}

#[test]
fn the_line_index_grows_in_the_background_and_restarts_on_a_resize() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, rx) = app_with_worker(3 << 20, dir.path());
    a.select(long_entry(&a));
    let laid_out = |a: &App| {
        a.shown.opening.is_none()
            && a.shown
                .line_index
                .as_ref()
                .is_some_and(khabar::tui::opening::LineIndex::complete)
    };
    pump(&mut a, &rx, laid_out);
    // Chosen, it is read again (its file may have changed since it was shown), and laid
    // out again.
    press(&mut a, "enter");
    assert!(a.shown.opening.is_some());
    pump(&mut a, &rx, laid_out);
    let whole = |a: &App| {
        let article = &a.current().unwrap().article;
        document::article_rows(article, a.text_width(), WidthModel::PerCodePoint)
    };
    let rows = whole(&a);
    press(&mut a, "G");
    let last = &rows[rows.len() - 27];
    assert_eq!(top(&a), (last.span.start, last.span.end));
    assert!(a.rows().indexed, "G is answered from the index");
    press(&mut a, "g space space");
    assert_eq!(top(&a), (rows[52].span.start, rows[52].span.end));

    // A narrower terminal: the index is laid out anew at the new width.
    let before = a.shown.line_index.as_ref().unwrap().task;
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(80, 30)));
    let ix = a.shown.line_index.as_ref().unwrap();
    assert!(ix.task > before && ix.width == a.text_width());
    pump(&mut a, &rx, |a| {
        a.shown
            .line_index
            .as_ref()
            .is_some_and(khabar::tui::opening::LineIndex::complete)
    });
    let rows = whole(&a);
    press(&mut a, "G");
    let last = &rows[rows.len() - 27];
    assert_eq!(top(&a), (last.span.start, last.span.end));
    assert!(a.rows().indexed);
}

#[test]
fn a_long_article_is_shown_before_it_is_analysed_and_its_sidebar_follows() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, rx) = app_with_worker(2 << 20, dir.path());
    let long = long_entry(&a);
    a.select(long);
    pump(&mut a, &rx, |a| a.shown.opening.is_none());
    assert!(a.current().unwrap().article.text.len() > 2 << 20);
    assert!(
        a.shown.analysing.is_some(),
        "shown while its analysis runs elsewhere"
    );
    pump(&mut a, &rx, |a| a.shown.analysing.is_none());
    let entry = a.current().unwrap();
    let names: Vec<&str> = entry
        .analysis
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("मोदी")), "{names:?}");
    assert!(!entry.sidebar.is_empty());
}

/// A JSON Lines file rewritten by another command (a fetch from the shell) after it was
/// listed: opening an article whose record moved reads the file afresh, and the list
/// takes what it holds now (a changed title, a new record), the article then opening.
#[test]
fn a_record_moved_by_another_command_reads_its_file_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let first = record("पहली ख़बर", "नदी पर नया पुल बना।");
    let second = record("दूसरी ख़बर", "मेले में भीड़ रही।");
    std::fs::write(&feed, format!("{first}{second}")).unwrap();
    let (mut app, rx) = listing(&[&feed]);
    // Rewritten: the first record's title changed (so the second moved) and one added.
    let changed = record("पहली ख़बर, बदली हुई", "नदी पर नया पुल बना।");
    let third = record("तीसरी ख़बर", "बाज़ार में रौनक रही।");
    std::fs::write(&feed, format!("{changed}{second}{third}")).unwrap();
    app.select(at(&app, "दूसरी ख़बर").unwrap());
    pump(&mut app, &rx, |a| {
        at(a, "तीसरी ख़बर").is_some() && a.current().is_some_and(|e| !e.article.text.is_empty())
    });
    assert!(at(&app, "पहली ख़बर, बदली हुई").is_some());
    assert!(at(&app, "पहली ख़बर").is_none(), "the old title is gone");
    let article = &app.current().unwrap().article;
    assert_eq!(&article.text[article.body_at..], "मेले में भीड़ रही।");
}

/// The article on screen, chosen again (`Enter`) after a fetch from the shell rewrote its
/// file with a new version of it, shows the new version: it was shown, so it was never read
/// again, and the list and the pane kept the old one (trial 56).
#[test]
fn the_article_shown_chosen_again_after_its_file_changed_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let steady = record("स्थिर ख़बर", "नदी पर नया पुल बना।");
    std::fs::write(
        &feed,
        format!("{steady}{}", record("बदलती ख़बर 1", "पहला रूप।")),
    )
    .unwrap();
    let (mut app, rx) = listing(&[&feed]);
    app.select(at(&app, "बदलती ख़बर 1").unwrap());
    pump(&mut app, &rx, |a| a.current().is_some());
    std::fs::write(
        &feed,
        format!("{steady}{}", record("बदलती ख़बर 2", "दूसरा रूप।")),
    )
    .unwrap();
    press(&mut app, "enter");
    pump(&mut app, &rx, |a| {
        at(a, "बदलती ख़बर 2").is_some()
            && a.current()
                .is_some_and(|e| e.article.text.ends_with("दूसरा रूप।"))
    });
    assert!(at(&app, "बदलती ख़बर 1").is_none(), "the old version is gone");
    assert_eq!(app.current().unwrap().article.title, "बदलती ख़बर 2");
}

/// A record edited in place (same line, same title, a new body) keeps its star and read
/// mark on screen when it is read again (trial 58: they were lost there, and an unstar
/// after it went nowhere).
#[test]
fn a_record_edited_in_place_keeps_its_marks_when_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let steady = record("स्थिर ख़बर", "नदी पर नया पुल बना।");
    std::fs::write(
        &feed,
        format!("{steady}{}", record("संसद का सत्र", "पहला रूप।")),
    )
    .unwrap();
    let (mut app, rx) = listing(&[&feed]);
    app.select(at(&app, "संसद का सत्र").unwrap());
    pump(&mut app, &rx, |a| a.current().is_some());
    press(&mut app, "*");
    let old = app.corpus.entries[at(&app, "संसद का सत्र").unwrap()].id;
    assert!(app.user.is_starred(old));
    std::fs::write(
        &feed,
        format!("{steady}{}", record("संसद का सत्र", "दूसरा रूप।")),
    )
    .unwrap();
    press(&mut app, "enter");
    pump(&mut app, &rx, |a| {
        at(a, "संसद का सत्र").is_some_and(|i| a.corpus.entries[i].id != old)
    });
    let now = app.corpus.entries[at(&app, "संसद का सत्र").unwrap()].id;
    assert!(app.user.is_starred(now), "the star follows the edit");
    assert!(app.user.is_read(now), "and so does the read mark");
}

/// An article whose file went away after it was listed says so in the reader pane, not
/// as a blank article (the warning alone was easy to miss).
#[test]
fn an_article_whose_file_is_gone_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, rx) = app_with_worker(4 << 10, dir.path());
    let long = long_entry(&a);
    std::fs::remove_file(dir.path().join("b-long.txt")).unwrap();
    a.select(long);
    pump(&mut a, &rx, |a| a.shown.opening.is_none());
    let screen = drive::rows(&a).join("\n");
    assert!(
        screen.contains("This article could not be read") && screen.contains("b-long.txt"),
        "{screen}"
    );
    // Another article, read, says nothing of it.
    a.select(1 - long);
    pump(&mut a, &rx, |a| a.shown.opening.is_none());
    let screen = drive::rows(&a).join("\n");
    assert!(!screen.contains("could not be read"), "{screen}");
    // Opened again, it is one warning, not one per opening.
    a.select(long);
    pump(&mut a, &rx, |a| a.shown.opening.is_none());
    let said = a
        .problems
        .iter()
        .filter(|p| p.contains("b-long.txt"))
        .count();
    assert_eq!(said, 1, "{:?}", a.problems);
}

/// A record put before the others (a fetch adds the newest entry first) can leave a
/// listed record's offset at the start of another record: that is another article, never
/// shown under the listed title. The file is read afresh (no warning: nothing is wrong
/// with it) and the listed article opens as itself.
#[test]
fn a_record_put_before_the_listed_ones_is_not_shown_in_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let first = record("पहली ख़बर", "नदी पर नया पुल बना।");
    let second = record("दूसरी ख़बर", "मेले में भीड़ रही।");
    std::fs::write(&feed, format!("{first}{second}")).unwrap();
    let (mut app, rx) = listing(&[&feed]);
    // As long as the first record: the second's offset now starts the first.
    let newest = record("पहला ख़बर", "नदी पर नया पुल बना।");
    assert_eq!(newest.len(), first.len());
    std::fs::write(&feed, format!("{newest}{first}{second}")).unwrap();
    app.select(at(&app, "दूसरी ख़बर").unwrap());
    pump(&mut app, &rx, |a| {
        at(a, "पहला ख़बर").is_some() && a.current().is_some_and(|e| !e.article.text.is_empty())
    });
    let shown = app.current().unwrap();
    assert_eq!(shown.article.title, "दूसरी ख़बर");
    assert_eq!(
        &shown.article.text[shown.article.body_at..],
        "मेले में भीड़ रही।"
    );
    assert!(app.problems.is_empty(), "{:?}", app.problems);
}

/// A plain file edited after it was listed opens as it is now, and its list row, title
/// and search follow (the file is read afresh), not only the article pane.
#[test]
fn an_edited_file_is_listed_again_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&one, "पुराना शीर्षक\n\nनदी पर नया पुल बना।\n").unwrap();
    std::fs::write(&two, "दूसरा लेख\n\nमेले में भीड़ रही।\n").unwrap();
    let (mut app, rx) = listing(&[&one, &two]);
    std::fs::write(&one, "नया शीर्षक\n\nनदी पर नया पुल बना और खुल गया।\n").unwrap();
    app.select(at(&app, "दूसरा लेख").unwrap());
    pump(&mut app, &rx, |a| {
        a.current().is_some_and(|e| !e.article.text.is_empty())
    });
    app.select(at(&app, "पुराना शीर्षक").unwrap());
    app.list.chosen = true;
    let old = app.corpus.entries[app.list.selected].id;
    app.user.set_starred(old, true);
    // The reader stays on it, under its new id, and its star follows it.
    pump(&mut app, &rx, |a| {
        at(a, "नया शीर्षक").is_some_and(|i| a.list.selected == i)
            && a.current().is_some_and(|e| e.article.title == "नया शीर्षक")
    });
    assert!(at(&app, "पुराना शीर्षक").is_none(), "the old title is gone");
    let now = app.corpus.entries[app.list.selected].id;
    assert!(now != old && app.user.is_starred(now) && !app.user.is_starred(old));
}

/// A file read again says its warnings again, with the lines they are on now: they
/// replace the ones it had, and a warning said twice is listed once.
#[test]
fn a_file_read_again_replaces_its_warnings() {
    use khabar::tui::fetching::FeedMsg;
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let good = format!(
        "{}\n",
        serde_json::json!({ "title": "ख़बर", "body": "पुल बना।" })
    );
    let bad = format!(
        "{}\n",
        serde_json::json!({ "title": "दूसरी", "body": "मेला लगा।", "published": "कल शाम" })
    );
    std::fs::write(&feed, format!("{good}{bad}")).unwrap();
    let mut app = App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 100, 30),
    );
    let read = |app: &mut App| {
        let (file, problems) = khabar::library::read_file(&feed);
        khabar::tui::handle(app, Msg::Feed(FeedMsg::Refreshed(Box::new(file))));
        for p in problems {
            khabar::tui::handle(app, Msg::Problem(p.clone()));
            khabar::tui::handle(app, Msg::Problem(p));
        }
    };
    read(&mut app);
    assert_eq!(app.problems.len(), 1, "{:?}", app.problems);
    assert!(
        app.problems[0].contains("feed.jsonl:2"),
        "{:?}",
        app.problems
    );
    std::fs::write(&feed, format!("{good}{good}{bad}")).unwrap();
    read(&mut app);
    assert_eq!(app.problems.len(), 1, "{:?}", app.problems);
    assert!(
        app.problems[0].contains("feed.jsonl:3"),
        "{:?}",
        app.problems
    );
}

/// A record another command edited in place (a fetch updating an entry: a new title, the
/// same line), then selected: its file is read afresh and the reader stays on it under
/// its new title, instead of jumping to the top of the list (trial 44).
#[test]
fn a_record_edited_by_another_command_stays_selected_under_its_new_title() {
    let dir = tempfile::tempdir().unwrap();
    let (feed, [first, _, third]) = three_records(dir.path());
    let (mut app, rx) = listing(&[&feed]);
    let edited = record("मेले में रिकॉर्ड भीड़", "मेले में रिकॉर्ड भीड़ रही।");
    std::fs::write(&feed, format!("{first}{edited}{third}")).unwrap();
    app.select(at(&app, "दूसरी ख़बर").unwrap());
    pump(&mut app, &rx, |a| {
        at(a, "मेले में रिकॉर्ड भीड़").is_some() && a.shown.opening.is_none()
    });
    let shown = app.current().unwrap();
    assert_eq!(shown.article.title, "मेले में रिकॉर्ड भीड़");
    assert_eq!(
        &shown.article.text[shown.article.body_at..],
        "मेले में रिकॉर्ड भीड़ रही।"
    );
}

/// A record deleted by another command is not followed to the record that moved up into
/// its line: that one is another story, listed already, not the deleted one's new form.
#[test]
fn a_deleted_record_is_not_followed_to_the_one_that_moved_up() {
    let dir = tempfile::tempdir().unwrap();
    let (feed, [first, _, third]) = three_records(dir.path());
    let (mut app, rx) = listing(&[&feed]);
    std::fs::write(&feed, format!("{first}{third}")).unwrap();
    app.select(at(&app, "दूसरी ख़बर").unwrap());
    pump(&mut app, &rx, |a| {
        at(a, "दूसरी ख़बर").is_none() && a.shown.opening.is_none()
    });
    assert!(at(&app, "तीसरी ख़बर").is_some());
    let shown = app.current().map(|e| e.article.title.clone());
    assert_ne!(
        shown.as_deref(),
        Some("तीसरी ख़बर"),
        "the deleted record's place went to another story"
    );
}
