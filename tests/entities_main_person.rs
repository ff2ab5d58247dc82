//! The person a short news article is about is among its people, even with no title before
//! the name, a foreign name, or only a first name or surname in later mentions.
//!
//! The articles (`tests/data/main_person.txt`) were written for this test.

use khabar::Span;
use khabar::extract::entities::{EntityKind, find_entities};

struct Article<'a> {
    subject: &'a str,
    text: &'a str,
}

fn articles(data: &str) -> Vec<Article<'_>> {
    data.split("\n---\n")
        .map(|block| {
            let block = block.trim_start_matches('\n');
            let block = block
                .lines()
                .skip_while(|l| l.starts_with('#'))
                .collect::<Vec<_>>();
            let subject = block[0].strip_prefix("subject: ").expect("subject line");
            let first = block[1];
            let start = data.find(first).expect("article text");
            let end = start + block[1..].join("\n").len();
            Article {
                subject,
                text: &data[start..end],
            }
        })
        .collect()
}

#[test]
fn the_subject_of_each_article_is_among_its_people() {
    let data = include_str!("data/main_person.txt");
    let list = articles(data);
    assert!(list.len() >= 30, "only {} articles", list.len());
    let mut missed = Vec::new();
    for a in &list {
        let found = find_entities(a.text, &[Span::new(0, a.text.len())]);
        let hit = found.iter().any(|e| {
            e.kind == EntityKind::Person
                && (e.name == a.subject || e.aliases.iter().any(|x| x == a.subject))
        });
        if !hit {
            let people: Vec<&str> = found
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.name.as_str())
                .collect();
            missed.push(format!("{} (people: {people:?})", a.subject));
        }
    }
    // Three of 32 are still missed by the tagger (a foreign name after `<country> के`);
    // the bar is 29, so any new miss fails.
    assert!(
        list.len() - missed.len() >= 29,
        "subjects missed: {missed:#?}"
    );
}
