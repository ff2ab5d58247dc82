//! Article texts are not kept for the whole corpus: the reader reads the selected one back
//! from its file (or JSON record), re-analyses it if the file changed, and reports a file
//! that is gone.

use khabar::corpus;
use khabar::extract;
use khabar::text::width::WidthModel;
use khabar::tui::app::{App, Entry};
use khabar::tui::config::Config;
use ratatui::layout::Rect;

fn app_on(dir: &std::path::Path) -> App {
    let mut app = App::new(
        Config::defaults(false),
        WidthModel::PerCodePoint,
        Rect::new(0, 0, 120, 40),
    );
    for article in corpus::load(&[dir.to_owned()]).articles {
        let analysis = extract::analyse(&article);
        app.push_quietly(Entry::new(article, analysis));
    }
    app.corpus.progress.finished = true;
    app.settle();
    app
}

#[test]
fn texts_are_dropped_and_read_back_when_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "पहली खबर\n\nमोदी ने मुंबई में भाषण दिया।\n",
    )
    .unwrap();
    let record = serde_json::json!({"title": "दूसरी खबर", "body": "पुतिन ने मास्को में कहा।", "published": "2024-03-04"});
    std::fs::write(
        dir.path().join("b.jsonl"),
        format!("{{\"title\":\"x\",\"body\":\"y\"}}\n{record}\n"),
    )
    .unwrap();
    let mut app = app_on(dir.path());
    assert_eq!(app.corpus.entries.len(), 3);
    assert!(
        app.corpus.entries.iter().all(|e| e.kept_text.is_none()),
        "texts are not kept in the list"
    );
    for i in 0..3 {
        app.select(i);
        let entry = app.current().unwrap();
        assert!(!entry.article.text.is_empty());
        for p in entry.article.paragraph_texts() {
            assert!(!p.is_empty());
        }
    }
    // The JSON record two lines in.
    let j = (0..app.corpus.entries.len())
        .find(|&i| app.title(i) == "दूसरी खबर")
        .unwrap();
    app.select(j);
    // The record's title, a blank line, its body: the title is read for names too.
    assert_eq!(
        app.current().unwrap().article.text,
        "दूसरी खबर\n\nपुतिन ने मास्को में कहा।"
    );
    assert!(
        !app.current().unwrap().sidebar.is_empty(),
        "the sidebar is built for the shown article"
    );
}

#[test]
fn a_changed_file_is_analysed_again_and_a_missing_one_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "पहली खबर\n\nमोदी ने भाषण दिया।\n").unwrap();
    std::fs::write(&b, "दूसरी खबर\n\nपाठ।\n").unwrap();
    let mut app = app_on(dir.path());
    let ia = app
        .corpus
        .entries
        .iter()
        .position(|e| e.path.ends_with("a.txt"))
        .unwrap();
    let ib = app
        .corpus
        .entries
        .iter()
        .position(|e| e.path.ends_with("b.txt"))
        .unwrap();
    std::fs::write(&a, "बदली खबर\n\nराहुल गांधी ने दिल्ली में भाषण दिया।\n").unwrap();
    std::fs::remove_file(&b).unwrap();
    app.select(ib);
    assert!(
        app.problems.iter().any(|p| p.contains("b.txt")),
        "{:?}",
        app.problems
    );
    app.select(ia);
    let entry = app.current().unwrap();
    assert_eq!(entry.article.title, "बदली खबर");
    let text = &entry.article.text;
    for e in &entry.analysis.entities {
        for m in &e.mentions {
            assert!(
                text.is_char_boundary(m.start) && m.end <= text.len(),
                "spans fit the new text"
            );
        }
    }
}

#[test]
fn a_record_after_invalid_bytes_is_read_back_from_the_right_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"{\"title\":\"\xff\xfe bad\",\"body\":\"x\"}\n".to_vec();
    let record = serde_json::json!({"title": "सही खबर", "body": "मोदी ने मुंबई में कहा।"});
    bytes.extend_from_slice(format!("{record}\n").as_bytes());
    std::fs::write(dir.path().join("feed.jsonl"), bytes).unwrap();
    let mut app = app_on(dir.path());
    let i = (0..app.corpus.entries.len())
        .find(|&i| app.title(i) == "सही खबर")
        .unwrap();
    app.select(i);
    let article = &app.current().unwrap().article;
    assert_eq!(&article.text[article.body_at..], "मोदी ने मुंबई में कहा।");
}
