//! Stars in the reader: `*` stars the selected article (a `★` in its list row), `F` keeps
//! only starred articles behind a `starred` chip that Esc removes, and the stars outlive
//! the reader through the database.

#[path = "support/drive.rs"]
mod drive;

use drive::{press, seeds_app};
use khabar::state::UserState;
use khabar::store::Store;
use khabar::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen_text(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    term.draw(|f| khabar::tui::view::render(app, f)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `★` marks in the list rows (the status bar's message aside).
fn marks(app: &App) -> usize {
    let text = screen_text(app);
    let rows: Vec<&str> = text.lines().collect();
    rows[..rows.len() - 1].concat().matches('★').count()
}

fn reader_on(db: &std::path::Path) -> App {
    let mut a = seeds_app(120, 40, 5);
    a.user = UserState::open(Store::open(db).unwrap().0).unwrap();
    a.refresh();
    a
}

fn starred_titles(a: &App) -> Vec<String> {
    let mut t: Vec<String> = a.list.visible.iter().map(|&i| a.title(i)).collect();
    t.sort();
    t
}

#[test]
fn stars_filter_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("khabar.db");
    let mut a = reader_on(&db);
    assert_eq!(marks(&a), 0);
    // Star the first and the third article of the list.
    press(&mut a, "* j j *");
    let first = a.title(a.list.visible[0]);
    let third = a.title(a.list.visible[2]);
    let mut wanted = vec![first, third.clone()];
    wanted.sort();
    assert_eq!(marks(&a), 2, "a mark per starred row");
    press(&mut a, "F");
    assert_eq!(starred_titles(&a), wanted);
    assert!(screen_text(&a).contains("starred · 2 of 5"), "the chip");
    // `*` again unstars; Esc removes the chip like any other.
    press(&mut a, "esc");
    assert_eq!(a.list.visible.len(), 5);
    press(&mut a, "g *");
    press(&mut a, "F");
    assert_eq!(a.list.visible.len(), 1);
    drop(a);

    // A new reader on the same database has the one star left, filter and all.
    let mut b = reader_on(&db);
    press(&mut b, "F");
    assert_eq!(starred_titles(&b), [third]);
    press(&mut b, "x");
    assert_eq!(b.list.visible.len(), 5);
}

#[test]
fn the_starred_filter_is_kept_with_the_session() {
    let mut a = seeds_app(120, 40, 5);
    press(&mut a, "* F");
    let session = serde_json::to_value(a.session()).unwrap();
    let mut b = seeds_app(120, 40, 5);
    b.user
        .set_starred(a.corpus.entries[a.list.selected].id, true);
    b.restore(serde_json::from_value(session).unwrap());
    assert_eq!(b.list.visible, a.list.visible);
    assert_eq!(b.list.chips, a.list.chips);
}

/// On an emptied list, `*` and `u` change nothing: the last selection is not shown, so a
/// key must not star it or mark it unseen.
#[test]
fn keys_on_an_empty_list_change_no_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader_on(&dir.path().join("k.db"));
    let id = a.corpus.entries[a.list.selected].id;
    press(&mut a, "enter");
    assert!(a.user.is_read(id));
    // Starred-only, with nothing starred: the list is empty.
    press(&mut a, "esc F");
    assert!(a.list.visible.is_empty());
    press(&mut a, "u *");
    assert!(a.user.is_read(id), "u marked a hidden article unread");
    assert!(!a.user.is_starred(id), "* starred a hidden article");
    assert_eq!(a.status.as_deref(), Some("no article to star"));
    press(&mut a, "u");
    assert_eq!(a.status.as_deref(), Some("no article to mark"));
    // Nor do Enter and reading keys: the hidden article is not read, nor kept.
    a.user.set_read(id, false);
    a.list.chosen = false;
    press(&mut a, "enter j");
    assert!(!a.user.is_read(id), "a hidden article was marked read");
    assert_eq!(a.session().article, None);
    // Related articles of nothing shown: said, no modal that would take every key.
    press(&mut a, "=");
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert_eq!(
        a.status.as_deref(),
        Some("no article shown to find related ones for")
    );
    press(&mut a, "o");
    assert_eq!(a.status.as_deref(), Some("no article shown"));
}

/// A filter that leaves fewer articles than the pane holds draws them from the top: the
/// scroll position of the longer list is not kept, which hid the first starred rows above
/// the pane's top (issue 14's trial: `F` with the selection far down the list).
#[test]
fn a_shrunk_list_is_drawn_from_its_first_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = seeds_app(120, 9, 5);
    a.user = UserState::open(Store::open(&dir.path().join("khabar.db")).unwrap().0).unwrap();
    a.refresh();
    // Three rows of articles: star the first and the last, then select the last, so the
    // list is scrolled down by two.
    press(&mut a, "* G *");
    assert!(a.list.offset > 0, "the long list is scrolled");
    press(&mut a, "F");
    assert_eq!(a.list.visible.len(), 2);
    assert_eq!(a.list.offset, 0);
    assert_eq!(
        marks(&a),
        2,
        "both starred rows drawn:\n{}",
        screen_text(&a)
    );
}
