//! Keeping and tidying from the reader: `A` marks the whole list read after asking once,
//! `e` exports the list (JSON Lines or Markdown), `|` hands the article to a command.

#[path = "support/drive.rs"]
mod drive;

use drive::{press, seeds_app, type_text};
use khabar::library::Place;
use khabar::tui::app::Request;

#[test]
fn mark_all_read_asks_once_and_marks_only_the_list() {
    let mut a = seeds_app(120, 40, 5);
    let unread = |a: &khabar::tui::app::App| {
        a.corpus
            .entries
            .iter()
            .filter(|d| !a.user.is_read(d.id))
            .count()
    };
    assert_eq!(unread(&a), 5);
    press(&mut a, "A n");
    assert_eq!(unread(&a), 5, "n answers no");
    assert!(a.modal.is_none());
    // Only what the list shows: a search keeps some of the five.
    press(&mut a, "/");
    type_text(&mut a, "सियोल");
    press(&mut a, "enter");
    let shown = a.list.visible.len();
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
    let titles: Vec<String> = a.list.visible.iter().map(|&i| a.title(i)).collect();
    let jsonl = dir.path().join("list.jsonl");
    press(&mut a, "e");
    type_text(&mut a, jsonl.to_str().unwrap());
    press(&mut a, "enter");
    run_export(&mut a, &Place::Memory);
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
    run_export(&mut a, &Place::Memory);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# khabar"));
    assert_eq!(text.lines().filter(|l| l.starts_with("- ")).count(), 5);
    assert!(text.contains(titles[0].as_str()));
    // Esc cancels without writing.
    let other = dir.path().join("other.jsonl");
    press(&mut a, "e");
    type_text(&mut a, other.to_str().unwrap());
    press(&mut a, "esc");
    assert_eq!(a.request, Request::None);
    assert!(!other.exists());
}

/// Runs the export the reader asked for, as the event loop's worker does, and hands the
/// reader what came of it; returns what the status bar then says.
fn run_export(a: &mut khabar::tui::app::App, place: &Place) -> String {
    let Request::Export(export) = std::mem::take(&mut a.request) else {
        panic!("no export request: {:?}", a.request);
    };
    a.exported(khabar::tui::tidy::write_export(export, place));
    a.status.clone().unwrap_or_default()
}

#[test]
fn export_asks_before_it_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = seeds_app(120, 40, 5);
    let path = dir.path().join("notes.md");
    std::fs::write(&path, "my own notes").unwrap();
    let export_to = |a: &mut khabar::tui::app::App| {
        press(a, "e");
        type_text(a, path.to_str().unwrap());
        press(a, "enter");
        run_export(a, &Place::Memory)
    };
    // The file is there: the reader asks, and `n` (or Esc) keeps it.
    let status = export_to(&mut a);
    let Some(khabar::tui::modal::Modal::Ask { ask, input }) = &a.modal else {
        panic!("asks first: {status}");
    };
    let question = ask.question(&a, input).whole();
    assert!(
        question.contains("notes.md exists: replace it? y/n"),
        "{question}"
    );
    press(&mut a, "x");
    assert!(a.modal.is_some(), "only y or n answers");
    press(&mut a, "n");
    assert!(a.modal.is_none());
    assert_eq!(a.request, Request::None);
    assert!(a.status.as_deref().unwrap().contains("nothing exported"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own notes");
    export_to(&mut a);
    press(&mut a, "esc");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own notes");
    // A prompt opened while the worker wrote keeps the keyboard: nothing is asked, so a
    // `y` typed there answers nothing.
    press(&mut a, "e");
    type_text(&mut a, path.to_str().unwrap());
    press(&mut a, "enter");
    let Request::Export(export) = std::mem::take(&mut a.request) else {
        panic!("no export request");
    };
    press(&mut a, "/");
    a.exported(khabar::tui::tidy::write_export(export, &Place::Memory));
    assert!(matches!(
        a.modal,
        Some(khabar::tui::modal::Modal::Search { .. })
    ));
    assert!(a.status.as_deref().unwrap().contains("nothing exported"));
    press(&mut a, "esc");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own notes");
    // A folder is said to be one, not offered for replacing.
    press(&mut a, "e");
    type_text(&mut a, dir.path().to_str().unwrap());
    press(&mut a, "enter");
    let status = run_export(&mut a, &Place::Memory);
    assert!(
        status.ends_with("is a folder: give a file name"),
        "{status}"
    );
    assert!(a.modal.is_none());
    // `y` replaces it.
    export_to(&mut a);
    press(&mut a, "y");
    let status = run_export(&mut a, &Place::Memory);
    assert!(status.starts_with("exported 5 article(s)"), "{status}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# khabar")
    );
}

#[test]
fn export_names_each_article_link_the_database_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let record = |title: &str, url: Option<&str>| {
        let mut r = serde_json::json!({
            "title": title,
            "body": format!("{title} का समाचार।"),
            "published": "2024-06-19",
        });
        if let Some(url) = url {
            r["url"] = url.into();
        }
        r.to_string()
    };
    let lines = [
        record("पहली", Some("https://example.org/a_(b)")),
        record("दूसरी", Some("javascript:alert(1)")),
        record("तीसरी", None),
    ];
    std::fs::write(dir.path().join("feed.jsonl"), lines.join("\n")).unwrap();
    // The same story word for word on another site: one content id, its own link.
    let other = [record("पहली", Some("https://other.example/a"))];
    std::fs::write(dir.path().join("other.jsonl"), other.join("\n")).unwrap();
    let place = Place::At(home.path().join("khabar.db"));
    let mut a = drive::load(dir.path(), home.path(), |_| {});
    assert_eq!(a.list.visible.len(), 4);
    let out = tempfile::tempdir().unwrap();
    let jsonl = out.path().join("list.jsonl");
    press(&mut a, "e");
    type_text(&mut a, jsonl.to_str().unwrap());
    press(&mut a, "enter");
    assert!(!jsonl.exists(), "written on the loop's thread");
    let status = run_export(&mut a, &place);
    assert!(status.starts_with("exported 4 article(s)"), "{status}");
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let mut urls: Vec<(String, Option<String>)> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|r| {
            let url = r["url"].as_str().map(str::to_owned);
            let file = r["path"].as_str().unwrap().rsplit('/').next().unwrap();
            (format!("{file} {}", r["title"].as_str().unwrap()), url)
        })
        .collect();
    urls.sort();
    let want = [
        ("feed.jsonl तीसरी", None),
        ("feed.jsonl दूसरी", Some("javascript:alert(1)")),
        ("feed.jsonl पहली", Some("https://example.org/a_(b)")),
        ("other.jsonl पहली", Some("https://other.example/a")),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(t, u)| ((*t).to_owned(), u.map(str::to_owned)))
        .collect();
    assert_eq!(urls, want);
    // Markdown links web links alone, their target kept whole.
    let md = out.path().join("list.md");
    press(&mut a, "e");
    type_text(&mut a, md.to_str().unwrap());
    press(&mut a, "enter");
    run_export(&mut a, &place);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("- [पहली](https://example.org/a_%28b%29) — "),
        "{text}"
    );
    assert!(
        text.contains("- [पहली](https://other.example/a) — "),
        "{text}"
    );
    assert!(text.contains("- दूसरी — "), "{text}");
    assert!(text.contains("- तीसरी — "), "{text}");
    // With no database, the list is written without links.
    run_export_again(&mut a, &out.path().join("memory.jsonl"));
}

/// An export from a reader whose corpus was in memory: no links, the list still written.
fn run_export_again(a: &mut khabar::tui::app::App, path: &std::path::Path) {
    press(a, "e");
    type_text(a, path.to_str().unwrap());
    press(a, "enter");
    let status = run_export(a, &Place::Memory);
    assert!(status.starts_with("exported 4 article(s)"), "{status}");
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.lines().count(), 4);
    assert!(!text.contains("\"url\""), "{text}");
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

/// On a narrow terminal a question keeps its answers and the end of what is typed, the
/// cursor with it (trial 53: at 40 columns `A`'s `y/n` and the end of an export's path
/// were cut off).
#[test]
fn a_narrow_status_bar_keeps_the_answers_and_the_cursor() {
    let mut a = seeds_app(40, 12, 5);
    let status = |a: &khabar::tui::app::App| drive::rows(a).last().cloned().unwrap_or_default();
    press(&mut a, "A");
    assert!(status(&a).trim_end().ends_with("y/n"), "{}", status(&a));
    press(&mut a, "n e");
    type_text(&mut a, "/tmp/export/a/very/long/path/name/list.md");
    let row = status(&a);
    assert!(row.starts_with("export"), "{row}");
    assert!(row.trim_end().ends_with("name/list.md▏"), "{row}");
    press(&mut a, "esc /");
    type_text(&mut a, "राष्ट्रपति व्लादिमीर पुतिन ने कहा कि दोनों देश");
    let row = status(&a);
    assert!(
        row.contains("देश▏  0"),
        "the end, the cursor and the count: {row}"
    );
}
