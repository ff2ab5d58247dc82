//! Keeping and tidying from the reader: `A` marks the whole list read after asking once,
//! `e` exports the list (JSON Lines or Markdown), `|` hands the article to a command.

#[path = "support/drive.rs"]
mod drive;

use drive::{press, seeds_app, type_text};
use khabar::tui::app::Request;

#[test]
fn mark_all_read_asks_once_and_marks_only_the_list() {
    let mut a = seeds_app(120, 40, 5);
    let unread =
        |a: &khabar::tui::app::App| a.entries.iter().filter(|d| !a.user.is_read(d.id)).count();
    assert_eq!(unread(&a), 5);
    press(&mut a, "A n");
    assert_eq!(unread(&a), 5, "n answers no");
    assert!(a.modal.is_none());
    // Only what the list shows: a search keeps some of the five.
    press(&mut a, "/");
    type_text(&mut a, "सियोल");
    press(&mut a, "enter");
    let shown = a.visible.len();
    assert!(shown < 5 && shown > 0, "{shown} shown");
    press(&mut a, "A");
    assert!(a.modal.is_some(), "A asks first");
    assert_eq!(unread(&a), 5);
    press(&mut a, "y");
    assert_eq!(unread(&a), 5 - shown);
    assert!(a.status.as_deref().unwrap().contains("marked"));
}

#[test]
fn export_writes_json_lines_or_markdown_in_list_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = seeds_app(120, 40, 5);
    let titles: Vec<String> = a
        .visible
        .iter()
        .map(|&i| a.entries[i].title.clone())
        .collect();
    let jsonl = dir.path().join("list.jsonl");
    press(&mut a, "e");
    type_text(&mut a, jsonl.to_str().unwrap());
    press(&mut a, "enter");
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<&str> = records
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(got, titles);
    assert!(
        records
            .iter()
            .all(|r| r["path"].is_string() && r["read"] == false)
    );
    let md = dir.path().join("list.md");
    press(&mut a, "e");
    type_text(&mut a, md.to_str().unwrap());
    press(&mut a, "enter");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# khabar"));
    assert_eq!(text.lines().filter(|l| l.starts_with("- ")).count(), 5);
    assert!(text.contains(titles[0].as_str()));
    // Esc cancels without writing.
    let other = dir.path().join("other.jsonl");
    press(&mut a, "e");
    type_text(&mut a, other.to_str().unwrap());
    press(&mut a, "esc");
    assert!(!other.exists());
}

#[test]
fn pipe_hands_the_article_text_to_the_command() {
    let mut a = seeds_app(120, 40, 5);
    press(&mut a, "|");
    type_text(&mut a, "wc -l");
    press(&mut a, "enter");
    let Request::Pipe(command, text) = std::mem::take(&mut a.request) else {
        panic!("no pipe request: {:?}", a.request);
    };
    assert_eq!(command, "wc -l");
    let article = &a.current().unwrap().article;
    assert!(text.starts_with(&article.title));
    assert!(text.contains(article.paragraph_texts().last().unwrap()));
}
