//! Behaviour of the reader driven by key strings, checked on its state: selection, focus,
//! scrolling, help, raw view, mentions, resizing.

#[path = "support/drive.rs"]
mod drive;

use drive::{press, seeds_app};
use khabar::tui::app::{App, Request};
use khabar::tui::event::Msg;
use khabar::tui::layout::Pane;
use khabar::tui::modal::Modal;
use khabar::tui::sidebar::Section;

fn app(width: u16, height: u16) -> App {
    seeds_app(width, height, 5)
}

/// The seed number (`"003"`) of the selected article.
fn seed(app: &App) -> &str {
    let path = &app.current().unwrap().article.path;
    &path[path.find("seeds/").unwrap() + 6..][..3]
}

#[test]
fn list_is_newest_first_and_navigation_stays_in_bounds() {
    let mut a = app(160, 45);
    // 002 (2024-06-19), 000 (2024-01-21), 003 (2022-08-15), then undated 001 and 004.
    assert_eq!(
        (seed(&a), a.position(), a.focus),
        ("002", Some(0), Pane::List)
    );
    press(&mut a, "j j");
    assert_eq!(seed(&a), "003");
    press(&mut a, "G");
    assert_eq!(seed(&a), "004");
    press(&mut a, "j j");
    assert_eq!(a.position(), Some(4));
    press(&mut a, "g k");
    assert_eq!(a.position(), Some(0));
    press(&mut a, "down down up");
    assert_eq!(seed(&a), "000");
}

#[test]
fn tab_cycles_focus_and_hl_stop_at_the_edges() {
    let mut a = app(160, 45);
    press(&mut a, "Tab");
    assert_eq!(a.focus, Pane::Reader);
    press(&mut a, "Tab");
    assert_eq!(a.focus, Pane::Sidebar);
    press(&mut a, "Tab");
    assert_eq!(a.focus, Pane::List);
    press(&mut a, "shift-tab");
    assert_eq!(a.focus, Pane::Sidebar);
    press(&mut a, "h h l");
    assert_eq!(a.focus, Pane::Reader);
    press(&mut a, "left");
    assert_eq!(a.focus, Pane::List);
    // `h` in the list stays there (it used to wrap to the sidebar, where Enter filters).
    press(&mut a, "h");
    assert_eq!(a.focus, Pane::List);
    press(&mut a, "l l l right");
    assert_eq!(a.focus, Pane::Sidebar);
}

#[test]
fn enter_opens_the_article_in_the_reader() {
    let mut a = app(160, 45);
    press(&mut a, "j j enter");
    assert_eq!((seed(&a), a.focus), ("003", Pane::Reader));
}

#[test]
fn reader_scrolls_by_lines_and_pages_and_clamps() {
    // A small terminal so the article is longer than the pane.
    let mut a = app(100, 20);
    press(&mut a, "j j enter");
    let rows = a.rows();
    assert_eq!(a.top_row(&rows), 0);
    press(&mut a, "j j j");
    assert_eq!(a.top_row(&rows), 3);
    press(&mut a, "k");
    assert_eq!(a.top_row(&rows), 2);
    press(&mut a, "space");
    let page = a.top_row(&rows);
    assert!(page > 10, "page down moved to {page}");
    press(&mut a, "ctrl-u");
    assert!(a.top_row(&rows) < page);
    press(&mut a, "G");
    let last = a.top_row(&rows);
    // 20 rows less the status bar and the two borders.
    assert_eq!(last, rows.len() - 17);
    press(&mut a, "j");
    assert_eq!(
        a.top_row(&rows),
        last,
        "scrolling past the end stays at the end"
    );
    press(&mut a, "g");
    assert_eq!(a.top_row(&rows), 0);
}

#[test]
fn switching_articles_starts_at_the_top() {
    let mut a = app(100, 20);
    press(&mut a, "enter j j j");
    assert_ne!(a.reader.anchor, 0);
    press(&mut a, "h j");
    assert_eq!((seed(&a), a.reader.anchor), ("000", 0));
}

#[test]
fn resizing_keeps_the_reading_position_by_text_offset() {
    let mut a = app(160, 45);
    press(&mut a, "j j enter ctrl-d");
    let rows = a.rows();
    let offset = rows[a.top_row(&rows)].span.start;
    assert!(offset > 0);
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(100, 30)));
    let rows = a.rows();
    let top = &rows[a.top_row(&rows)];
    // The top row after the resize is the one holding the same text.
    assert!(
        top.span.start <= offset && offset < top.span.end.max(top.span.start + 1),
        "{top:?} vs {offset}"
    );
    assert_eq!(seed(&a), "003");
}

#[test]
fn help_overlay_opens_closes_and_swallows_other_keys() {
    let mut a = app(160, 45);
    press(&mut a, "?");
    assert!(matches!(a.modal, Some(Modal::Help { .. })));
    press(&mut a, "j");
    assert_eq!(
        a.position(),
        Some(0),
        "keys other than close do nothing under help"
    );
    press(&mut a, "esc");
    assert!(a.modal.is_none());
    press(&mut a, "? ?");
    assert!(a.modal.is_none());
}

/// The rows of the help overlay's box as drawn.
fn help_text(a: &App) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        a.size.width,
        a.size.height,
    ))
    .unwrap();
    term.draw(|f| khabar::tui::view::render(a, f)).unwrap();
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

#[test]
fn help_overlay_goes_to_its_end_and_back_with_g() {
    // Too short for every binding: the help scrolls.
    let mut a = app(100, 24);
    press(&mut a, "?");
    let first = help_text(&a);
    assert!(first.contains("quit") && !first.contains("width model"));
    press(&mut a, "G");
    let last = help_text(&a);
    assert!(last.contains("width model"), "G shows the end:\n{last}");
    // One row up from the end moves at once (the scroll stops at the end).
    press(&mut a, "k");
    assert_ne!(help_text(&a), last);
    press(&mut a, "j j j j G g");
    assert_eq!(help_text(&a), first);
    assert!(
        matches!(a.modal, Some(Modal::Help { .. })),
        "G and g keep the help open"
    );
    // The wheel scrolls the help, not the list under it.
    let before = (a.position(), a.list.offset);
    a.mouse(crossterm::event::MouseEventKind::ScrollDown, 2, 5);
    assert_ne!(help_text(&a), first, "the wheel scrolls the help");
    assert_eq!(
        (a.position(), a.list.offset),
        before,
        "the list under the help moved"
    );
    a.mouse(crossterm::event::MouseEventKind::ScrollUp, 2, 5);
    assert_eq!(help_text(&a), first);
    // At its end and shrunk, it stays at its end (its last lines went out of view).
    press(&mut a, "G");
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(100, 16)));
    assert!(help_text(&a).contains("width model"), "{}", help_text(&a));
    // Not at its end, it keeps its place.
    press(&mut a, "g j");
    let placed = help_text(&a);
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(100, 15)));
    assert!(
        matches!(a.modal, Some(Modal::Help { scroll: 1 })),
        "{:?}",
        a.modal
    );
    assert!(!placed.contains("width model"));
    // Opened whole on a tall terminal, then shrunk: it stays at its top (review: it was
    // taken to be at its end, which it also was).
    let mut a = app(100, 90);
    press(&mut a, "?");
    assert!(help_text(&a).contains("width model"), "the whole help fits");
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(100, 16)));
    assert!(
        matches!(a.modal, Some(Modal::Help { scroll: 0 })),
        "{:?}",
        a.modal
    );
}

#[test]
fn help_lists_the_keys_that_quit_redraw_and_suspend_in_a_prompt() {
    let a = app(160, 45);
    let lines = khabar::tui::view::help::lines(&a);
    let heading = lines
        .iter()
        .position(|(keys, what)| keys.is_empty() && what.contains("in a prompt"))
        .expect("a prompt heading");
    let prompt: Vec<String> = lines[heading..]
        .iter()
        .map(|(keys, what)| format!("{keys} {what}"))
        .collect();
    for key in ["Ctrl-c", "Ctrl-l", "Ctrl-z"] {
        assert!(
            prompt.iter().any(|l| l.starts_with(key)),
            "{key} under the prompt heading: {prompt:#?}"
        );
    }
    // And they do what the help says there.
    let mut a = app(160, 45);
    press(&mut a, "/ ctrl-l");
    assert_eq!(a.request, Request::Redraw);
    assert!(a.modal.is_some(), "redraw keeps the prompt");
}

#[test]
fn quit_redraw_and_suspend_are_requests_for_the_loop() {
    let mut a = app(160, 45);
    press(&mut a, "ctrl-l");
    assert_eq!(a.request, Request::Redraw);
    press(&mut a, "q");
    assert_eq!(a.request, Request::Quit);
    press(&mut a, "ctrl-z");
    assert_eq!(a.request, Request::Suspend);
}

#[test]
fn raw_view_shows_chrome_and_keeps_position() {
    let mut a = app(160, 45);
    press(&mut a, "j");
    assert_eq!(seed(&a), "000");
    let cooked = a.rows().len();
    press(&mut a, "r");
    assert!(a.reader.raw);
    let raw = a.rows();
    assert!(raw.len() > cooked);
    let text = &a.current().unwrap().article.text;
    assert!(raw.iter().any(|r| r.span.of(text) == "Move to Jagran APP"));
    press(&mut a, "r");
    assert!(!a.reader.raw);
}

#[test]
fn sidebar_item_emphasises_mentions_and_n_jumps_between_them() {
    let mut a = app(100, 20);
    press(&mut a, "Tab Tab");
    assert_eq!(a.focus, Pane::Sidebar);
    let entry = a.current().unwrap();
    // Pick the sidebar item with the most mentions (or any with more than one).
    let (index, item) = entry
        .sidebar
        .iter()
        .enumerate()
        .max_by_key(|(_, i)| i.spans.len())
        .unwrap();
    assert!(
        item.spans.len() > 1,
        "seed 000 names something more than once"
    );
    let spans = item.spans.clone();
    // Moving the cursor selects the item under it.
    press(&mut a, "G g");
    for _ in 0..index {
        press(&mut a, "j");
    }
    assert_eq!((a.sidebar.active, a.sidebar.mention), (Some(index), None));
    press(&mut a, "n");
    assert_eq!(a.sidebar.mention, Some(0));
    press(&mut a, "n");
    assert_eq!(a.sidebar.mention, Some(1));
    // The reader shows the mention jumped to.
    let rows = a.rows();
    let top = a.top_row(&rows);
    let visible = &rows[top..(top + 17).min(rows.len())];
    assert!(
        visible
            .iter()
            .any(|r| r.span.start <= spans[1].start && spans[1].start < r.span.end)
    );
    press(&mut a, "N N");
    assert_eq!(
        a.sidebar.mention,
        Some(spans.len() - 1),
        "N wraps around backwards"
    );
    press(&mut a, "esc");
    assert_eq!(a.sidebar.active, None);
}

#[test]
fn sidebar_lists_people_before_dates_and_dates_in_order() {
    let a = app(160, 45);
    let sections: Vec<Section> = a
        .current()
        .unwrap()
        .sidebar
        .iter()
        .map(|i| i.section)
        .collect();
    let mut sorted = sections.clone();
    sorted.sort();
    assert_eq!(sections, sorted);
    let dates: Vec<&str> = a
        .current()
        .unwrap()
        .sidebar
        .iter()
        .filter(|i| i.section == Section::Dates)
        .map(|i| i.detail.as_str())
        .collect();
    let resolved: Vec<&str> = dates.iter().copied().filter(|d| *d != "?").collect();
    let mut in_order = resolved.clone();
    in_order.sort_unstable();
    assert_eq!(resolved, in_order);
}

#[test]
fn narrow_terminal_shows_one_pane_and_too_small_is_flagged() {
    let mut a = app(60, 20);
    let areas = a.areas();
    assert!(areas.list.is_some() && areas.reader.is_none() && areas.sidebar.is_none());
    press(&mut a, "enter");
    let areas = a.areas();
    assert!(areas.reader.is_some() && areas.list.is_none());
    // A click on a tab shows its pane (trial 43: tabs took no click).
    let tabs = a.areas().tabs.expect("tabs in a narrow terminal");
    let click = crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left);
    a.mouse(click, tabs.x + 13, tabs.y);
    assert_eq!(a.focus, Pane::Reader);
    a.mouse(click, tabs.x + 2, tabs.y);
    assert_eq!(a.focus, Pane::List);
    assert!(a.areas().list.is_some());
    a.mouse(click, tabs.x + 22, tabs.y);
    assert_eq!(a.focus, Pane::Sidebar);
    assert!(a.areas().sidebar.is_some());
    press(&mut a, "tab");
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(20, 5)));
    assert!(a.areas().too_small);
    // Nothing is seen: keys that would open a prompt or move do nothing (trial 43);
    // quitting still works.
    let before = (a.position(), a.focus, a.reader.anchor);
    press(&mut a, "/ p a t n a j G");
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert_eq!((a.position(), a.focus, a.reader.anchor), before);
    press(&mut a, "q");
    assert_eq!(a.request, Request::Quit);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut a = app(100, 20);
    let list = a.areas().list.unwrap();
    // Click on the third article (two rows per article, inside the border).
    a.mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 2,
        list.y + 1 + 4,
    );
    assert_eq!((a.position(), a.focus), (Some(2), Pane::List));
    let reader = a.areas().reader.unwrap();
    a.mouse(MouseEventKind::ScrollDown, reader.x + 5, reader.y + 5);
    assert_eq!(a.focus, Pane::List, "the wheel does not move focus");
    assert_ne!(a.reader.anchor, 0, "the reader under the pointer scrolled");
}

/// The wheel over the list moves its window and leaves the selection, and so the article
/// being read (trial 45: it changed the article); a click then picks what is drawn.
#[test]
fn the_wheel_over_the_list_scrolls_it_without_changing_the_article() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut a = app(100, 9);
    press(&mut a, "enter");
    let list = a.areas().list.unwrap();
    let shown = a.current().map(|e| e.article.title.clone());
    for _ in 0..10 {
        a.mouse(MouseEventKind::ScrollDown, list.x + 2, list.y + 2);
    }
    let rows = usize::from(list.height.saturating_sub(2)) / 2;
    assert_eq!(
        a.list.offset,
        a.list.visible.len() - rows,
        "scrolled to the end"
    );
    assert_eq!(a.position(), Some(0));
    assert_eq!(a.current().map(|e| e.article.title.clone()), shown);
    // Articles arriving (a refresh) leave the window where the wheel put it.
    a.refresh();
    assert_eq!(
        a.list.offset,
        a.list.visible.len() - rows,
        "kept by a refresh"
    );
    a.mouse(MouseEventKind::ScrollUp, list.x + 2, list.y + 2);
    assert_eq!(a.list.offset, a.list.visible.len() - rows - 1);
    // A click on the top row selects the article drawn there.
    a.mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 2,
        list.y + 1,
    );
    assert_eq!(a.position(), Some(a.list.offset));
}

#[test]
fn j_and_k_move_exactly_one_row_over_blank_lines() {
    let mut a = app(100, 20);
    press(&mut a, "j j enter");
    let rows = a.rows();
    let last = a.top_row(&rows);
    press(&mut a, "G");
    let bottom = a.top_row(&rows);
    assert!(bottom > last + 5);
    for expected in (0..bottom).rev() {
        press(&mut a, "k");
        assert_eq!(a.top_row(&rows), expected, "k from {}", expected + 1);
    }
    for expected in 1..=bottom {
        press(&mut a, "j");
        assert_eq!(a.top_row(&rows), expected, "j to {expected}");
    }
}

#[test]
fn keys_reuse_the_article_layout() {
    // Wrapping is work proportional to the article's length: a key that only moves must
    // not redo it; a new width must.
    let mut a = app(100, 30);
    press(&mut a, "enter");
    let laid_out = a.rows();
    press(&mut a, "j space G g");
    assert!(std::sync::Arc::ptr_eq(&laid_out, &a.rows()));
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(90, 30)));
    assert!(!std::sync::Arc::ptr_eq(&laid_out, &a.rows()));
}

#[test]
fn a_due_refresh_fetches_unless_a_fetch_is_under_way() {
    use khabar::tui::fetching::FeedMsg;
    let mut a = app(120, 40);
    khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Due));
    assert_eq!(std::mem::take(&mut a.request), Request::Fetch);
    khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Started(3)));
    khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Due));
    assert_eq!(a.request, Request::None, "a fetch is already running");
    khabar::tui::handle(
        &mut a,
        Msg::Feed(FeedMsg::Finished {
            name: "x".into(),
            line: "http://127.0.0.1:1/x.xml: HTTP 500".into(),
            failed: true,
        }),
    );
    assert!(a.problems.iter().any(|p| p.contains("HTTP 500")));
    khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Done));
    assert!(a.fetching.is_none());
    assert!(
        a.status.as_deref().is_some_and(|s| s.contains("1 failed")),
        "{:?}",
        a.status
    );
    // Trial 51: the warnings view shows a fetch's outcome whole, as it shows a key's.
    assert_eq!(a.last_message, a.status);
}

/// While feeds are fetched the status bar counts them at its right, whatever message or
/// hints take the rest (a key used to hide the count); a feed failing the same way on
/// each fetch is one warning.
#[test]
fn a_fetch_is_counted_until_it_ends_and_its_failures_said_once() {
    use khabar::tui::fetching::FeedMsg;
    let mut a = app(120, 40);
    let failed = || {
        Msg::Feed(FeedMsg::Finished {
            name: "x".into(),
            line: "http://127.0.0.1:1/x.xml: HTTP 404".into(),
            failed: true,
        })
    };
    for _ in 0..2 {
        khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Due));
        khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Started(3)));
        khabar::tui::handle(&mut a, failed());
        // Said once, by the gauge, beside the feed's line (trial 44 saw it twice).
        let status = drive::rows(&a).last().cloned().unwrap_or_default();
        assert_eq!(status.matches("feeds 1/3").count(), 1, "{status}");
        assert!(status.contains("HTTP 404"), "{status}");
        press(&mut a, "j");
        let status = drive::rows(&a).last().cloned().unwrap_or_default();
        assert!(status.contains("feeds 1/3"), "{status}");
        khabar::tui::handle(&mut a, Msg::Feed(FeedMsg::Done));
        let status = drive::rows(&a).last().cloned().unwrap_or_default();
        assert!(!status.contains("feeds 1/3"), "{status}");
    }
    let warnings = a.problems.iter().filter(|p| p.contains("HTTP 404")).count();
    assert_eq!(warnings, 1, "{:?}", a.problems);
}

/// A feed that does not answer is named while it is waited on, not only when it times
/// out (trial 46: the status showed the last feed done for half a minute).
#[test]
fn the_feeds_still_waited_on_are_named() {
    use khabar::tui::fetching::FeedMsg;
    let mut a = app(120, 40);
    let mut feed = |msg: FeedMsg| {
        khabar::tui::handle(&mut a, Msg::Feed(msg));
        a.status.clone().unwrap_or_default()
    };
    let done = |name: &str, line: &str| FeedMsg::Finished {
        name: name.into(),
        line: line.into(),
        failed: false,
    };
    feed(FeedMsg::Started(2));
    for name in ["धीमा", "तेज़"] {
        feed(FeedMsg::Began(name.into()));
    }
    let status = feed(done("तेज़", "तेज़: 2 new, 0 updated"));
    assert!(
        status.contains("तेज़: 2 new") && status.contains("waiting on धीमा"),
        "{status}"
    );
    assert!(!status.contains("waiting on तेज़"), "{status}");
    let status = feed(done("धीमा", "धीमा: timed out after 30 s"));
    assert!(!status.contains("waiting"), "{status}");
}

/// Trial 43: a click on a list row or on a picker's name while the picker is open went
/// to the pane behind it (changing the article, leaving the picker open), and the wheel
/// scrolled the article behind it. Now the panes take neither while a prompt is open; the
/// wheel moves the picker's cursor.
#[test]
fn the_panes_behind_an_open_prompt_take_no_click_and_no_wheel() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut a = app(120, 40);
    let list = a.areas().list.unwrap();
    let reader = a.areas().reader.unwrap();
    let before = (a.position(), a.focus, a.reader.anchor);
    press(&mut a, "p");
    a.mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 2,
        list.y + 1 + 4,
    );
    a.mouse(
        MouseEventKind::Down(MouseButton::Left),
        reader.x + 5,
        reader.y + 5,
    );
    a.mouse(MouseEventKind::ScrollDown, reader.x + 5, reader.y + 5);
    assert_eq!((a.position(), a.focus, a.reader.anchor), before);
    assert!(
        matches!(a.modal, Some(Modal::Picker { cursor: 1, .. })),
        "the wheel moves the picker's cursor: {:?}",
        a.modal
    );
    a.mouse(MouseEventKind::ScrollUp, reader.x + 5, reader.y + 5);
    assert!(matches!(a.modal, Some(Modal::Picker { cursor: 0, .. })));
    // A question on the status bar: a click on the list does not change the article.
    press(&mut a, "esc A");
    assert!(a.modal.is_some());
    a.mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 2,
        list.y + 1 + 4,
    );
    assert_eq!(a.position(), before.0);
}

/// Trial 43: after the sidebar was scrolled, a click selected the item under the pointer
/// but scrolled it to the bottom row, so a second click on the same spot picked another.
#[test]
fn a_click_in_a_scrolled_sidebar_selects_in_place() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut a = app(120, 15);
    // The article with the longest sidebar, so it scrolls in 13 rows.
    let longest = (0..5)
        .max_by_key(|&i| {
            a.select(i);
            a.current().map_or(0, |e| e.sidebar.len())
        })
        .unwrap();
    a.select(longest);
    let side = a.areas().sidebar.unwrap();
    let (x, y) = (side.x + 3, side.y + 1 + 6);
    for _ in 0..5 {
        a.mouse(MouseEventKind::ScrollDown, x, y);
    }
    let inner = 6;
    let under = khabar::tui::view::sidebar::item_at_row(&a, inner).expect("an item there");
    assert_ne!(a.sidebar.cursor, under, "the click must change the cursor");
    a.mouse(MouseEventKind::Down(MouseButton::Left), x, y);
    assert_eq!(a.sidebar.cursor, under);
    assert_eq!(
        khabar::tui::view::sidebar::item_at_row(&a, inner),
        Some(under),
        "the clicked item stays under the pointer"
    );
    a.mouse(MouseEventKind::Down(MouseButton::Left), x, y);
    assert_eq!(
        a.sidebar.cursor, under,
        "a second click picks the same item"
    );
}

/// With the help open on a terminal too small to draw it, its browsing keys still quit
/// (the prompt table, which has no `q`, was asked); a list's hints on a narrow status bar
/// keep the way out.
#[test]
fn too_small_with_the_help_open_still_quits_and_narrow_list_hints_keep_esc() {
    let mut a = app(60, 20);
    press(&mut a, "?");
    khabar::tui::handle(&mut a, Msg::Input(crossterm::event::Event::Resize(20, 5)));
    press(&mut a, "q");
    assert_eq!(a.request, Request::Quit);

    let mut a = app(40, 20);
    press(&mut a, "d");
    let hints = khabar::tui::view::status::hints(&a, 30);
    assert!(hints.ends_with("Esc close"), "{hints}");
    assert!(a.model.str_width(&hints) <= 30, "{hints}");
}

/// Esc and a key that arrive together come as one Alt key; unbound, it is read as the two
/// (trial 53: Esc then `S` over a slow link was Alt-S, and the Esc was lost).
#[test]
fn an_unbound_alt_key_is_esc_then_the_key() {
    let mut a = seeds_app(120, 40, 5);
    press(&mut a, "?");
    assert!(matches!(a.modal, Some(Modal::Help { .. })));
    let first = a.list.visible[0];
    press(&mut a, "alt-j");
    assert!(a.modal.is_none(), "Esc closed the help");
    assert_ne!(a.list.selected, first, "and j moved down");
    // Alt with an arrow is a key of its own (Option-arrows): nothing is closed by it.
    press(&mut a, "?");
    press(&mut a, "alt-left");
    assert!(matches!(a.modal, Some(Modal::Help { .. })));
    // A bound Alt key keeps its binding.
    let config = khabar::tui::config::Config::parse("[keys]\nalt-j = \"quit\"\n", false).unwrap();
    let mut b = drive::seeds_app_with(config, 120, 40, 5);
    press(&mut b, "alt-j");
    assert_eq!(b.request, Request::Quit);
}

/// An article gone back to opens where its reading stopped, not at its top (trial 54: a
/// long article read to 14% came back at `top` after another was opened).
#[test]
fn an_article_gone_back_to_opens_where_it_was_left() {
    let mut a = seeds_app(100, 20, 5);
    press(&mut a, "enter");
    let first = a.list.selected;
    press(&mut a, "pagedown pagedown j");
    let left = (a.reader.anchor, a.reader.anchor_nth);
    assert_ne!(left, (0, 0), "scrolled");
    press(&mut a, "h j enter");
    assert_ne!(a.list.selected, first);
    assert_eq!(
        (a.reader.anchor, a.reader.anchor_nth),
        (0, 0),
        "a new one at its top"
    );
    press(&mut a, "h k enter");
    assert_eq!(a.list.selected, first);
    assert_eq!((a.reader.anchor, a.reader.anchor_nth), left);
    // A fresh start forgets where articles were left.
    press(&mut a, "h j enter pagedown");
    let second = a.list.selected;
    assert_ne!((a.reader.anchor, a.reader.anchor_nth), (0, 0));
    press(&mut a, "h k enter");
    press(&mut a, "X");
    a.show(second);
    assert_eq!((a.reader.anchor, a.reader.anchor_nth), (0, 0));
}
