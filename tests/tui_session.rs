//! Reopening where the reader left off: a session taken from one reader and restored in a
//! fresh one (through its JSON form, as the user state keeps it) brings back the article,
//! the reading position, the view, the sort and the filters.

#[path = "support/drive.rs"]
mod drive;

use drive::{empty_app, press, seeds_app, type_text};
use khabar::tui::app::App;
use khabar::tui::event::Msg;
use khabar::tui::session::Session;

fn through_json(session: &Session) -> Session {
    let value = serde_json::to_value(session).unwrap();
    serde_json::from_value(value).unwrap()
}

/// What a user sees of a session: article, position, view, sort, filters, list.
fn state(a: &App) -> (u64, usize, usize, bool, String, Vec<String>, usize) {
    (
        a.corpus.entries[a.list.selected].id,
        a.reader.anchor,
        a.reader.anchor_nth,
        a.reader.raw,
        a.list.sort.name().to_owned(),
        a.list
            .chips
            .iter()
            .map(khabar::tui::filters::Chip::label)
            .collect(),
        a.list.visible.len(),
    )
}

fn used() -> App {
    let mut a = seeds_app(100, 30, 5);
    press(&mut a, "s /");
    type_text(&mut a, "सियोल");
    press(&mut a, "enter d");
    type_text(&mut a, "2020..2025");
    press(&mut a, "enter j enter j j j space");
    a
}

#[test]
fn a_session_comes_back_in_a_new_reader() {
    let a = used();
    assert!(a.reader.anchor > 0 && a.list.chips.len() == 2 && a.list.sort.name() == "oldest");
    let session = through_json(&a.session());
    let mut b = seeds_app(100, 30, 5);
    assert_ne!(state(&b), state(&a));
    b.restore(session);
    assert_eq!(state(&b), state(&a));
    assert_eq!(b.focus, a.focus);
}

#[test]
fn a_session_kept_before_loading_opens_the_article_when_it_arrives() {
    let a = used();
    let mut b = empty_app();
    b.resize(100, 30);
    b.restore(through_json(&a.session()));
    // Quitting now, before the article arrives, keeps it and where the reader was in it.
    assert_eq!(b.session(), a.session(), "the awaited article is kept");
    khabar::tui::handle(&mut b, Msg::Found(5));
    for article in khabar::corpus::seeds() {
        let analysis = khabar::extract::analyse(&article);
        let entry = khabar::tui::app::Entry::new(article, analysis);
        khabar::tui::handle(&mut b, Msg::Loaded(Box::new(entry), 1));
    }
    khabar::tui::handle(&mut b, Msg::Finished);
    b.settle();
    assert_eq!(state(&b), state(&a));
}

/// The article shown first, at the top of the list, is kept once it is opened or read,
/// with its reading position, as any other.
#[test]
fn the_first_article_opened_and_read_is_kept() {
    for keys in ["enter j j", "tab j j"] {
        let mut a = seeds_app(100, 30, 5);
        let first = a.corpus.entries[a.list.selected].id;
        press(&mut a, keys);
        let session = a.session();
        assert_eq!(session.article, Some(first), "{keys}");
        assert!(session.anchor > 0, "{keys}: {session:?}");
        let mut b = seeds_app(100, 30, 5);
        b.restore(through_json(&session));
        assert_eq!(state(&b), state(&a), "{keys}");
    }
}

#[test]
fn an_untouched_reader_keeps_no_article() {
    let a = seeds_app(100, 30, 5);
    let session = a.session();
    assert_eq!(session.article, None);
    assert!(session.filters.is_empty());
}

#[test]
fn reset_clears_what_a_session_would_reopen() {
    let mut a = used();
    press(&mut a, "X");
    let fresh = seeds_app(100, 30, 5);
    assert_eq!(a.session(), fresh.session());
    assert_eq!(state(&a), state(&fresh));
    assert_eq!(a.focus, khabar::tui::layout::Pane::List);
}

/// Under the unread filter, the article the reader was reading is read by then; it stays
/// listed and shown when the session comes back, as it stayed listed while it was read.
#[test]
fn the_article_read_under_the_unread_filter_comes_back() {
    let mut a = seeds_app(100, 30, 5);
    press(&mut a, "U j enter j j");
    let read = a.corpus.entries[a.list.selected].id;
    assert!(a.user.is_read(read));
    let mut b = seeds_app(100, 30, 5);
    b.user.set_read(read, true);
    b.restore(through_json(&a.session()));
    assert_eq!(state(&b), state(&a));
}

/// Loads one story as the files `paths` (copies: one content id), as a loader does.
fn load_copies(a: &mut App, paths: &[&str]) {
    let text = "नदी पर पुल\n\nपटना में नदी पर नया पुल खुला।\n";
    khabar::tui::handle(a, Msg::Found(paths.len()));
    for path in paths {
        let article = khabar::corpus::from_text(path, text.to_owned());
        let analysis = khabar::extract::analyse(&article);
        let entry = khabar::tui::app::Entry::new(article, analysis);
        khabar::tui::handle(a, Msg::Loaded(Box::new(entry), 1));
    }
    khabar::tui::handle(a, Msg::Finished);
    a.settle();
}

fn selected_path(a: &App) -> String {
    a.corpus.entries[a.list.selected].path.to_string()
}

/// The same story in two files (one item carried by two feeds) has one content id: the
/// copy that was selected is the one reopened (trial 46 got the other one back).
#[test]
fn the_copy_selected_of_a_story_in_two_files_comes_back() {
    const BOTH: [&str; 2] = ["a/news.txt", "b/news.txt"];
    let mut a = empty_app();
    load_copies(&mut a, &BOTH);
    let ids: Vec<u64> = a.corpus.entries.iter().map(|d| d.id).collect();
    assert_eq!(ids[0], ids[1], "one story, one content id");
    press(&mut a, "j enter");
    let chosen = selected_path(&a);
    let mut b = empty_app();
    load_copies(&mut b, &BOTH);
    assert_ne!(
        selected_path(&b),
        chosen,
        "a new reader starts on the other copy"
    );
    b.restore(through_json(&a.session()));
    assert_eq!(selected_path(&b), chosen);
    // As a reader starts: the session is restored before any article has come.
    let mut c = empty_app();
    c.restore(through_json(&a.session()));
    load_copies(&mut c, &BOTH);
    assert_eq!(selected_path(&c), chosen);
}

/// The copy a session chose is gone: once every file is in, the other copy is opened.
#[test]
fn a_session_whose_copy_is_gone_opens_another() {
    let mut a = empty_app();
    load_copies(&mut a, &["a/news.txt", "b/news.txt"]);
    press(&mut a, "j enter");
    let session = through_json(&a.session());
    assert_eq!(
        session.path.as_deref(),
        Some("b/news.txt"),
        "the copy chosen"
    );
    let mut b = empty_app();
    b.restore(session);
    load_copies(&mut b, &["a/news.txt"]);
    assert_eq!(selected_path(&b), "a/news.txt");
    assert!(b.shown.reselect.is_none(), "no longer awaited");
}

/// A kept article that never comes (its file deleted) stays awaited, but once the user
/// chooses another the session is that one's (review: the awaited article was kept for
/// ever, and where the user really was, lost).
#[test]
fn an_article_chosen_while_another_is_awaited_is_the_session() {
    let mut kept = used().session();
    kept.article = Some(1);
    kept.path = None;
    let mut b = seeds_app(100, 30, 5);
    b.restore(through_json(&kept));
    assert_eq!(b.session().article, Some(1), "awaited, nothing chosen yet");
    press(&mut b, "x g j enter j");
    let chosen = b.corpus.entries[b.list.selected].id;
    assert_ne!(chosen, 1);
    let now = b.session();
    assert_eq!(now.article, Some(chosen));
    assert_eq!(now.anchor, b.reader.anchor);
}
