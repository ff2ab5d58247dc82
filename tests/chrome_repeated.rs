//! Chrome found by repetition (issue 13, item 6), on articles written for this test: a
//! footer that recurs in the articles of one source gives no entities, while the same
//! footer in a lone article is read as today.

#[path = "support/isolated.rs"]
mod isolated;

use std::path::Path;

use serde_json::Value;

const FOOTER: &str =
    "ताज़ा ख़बरों के लिए कलमपत्र फ़ाउंडेशन का ऐप डाउनलोड करें और हमें रोज़ पढ़ें। संपर्क: 98765 43210";

const STORIES: [(&str, &str); 5] = [
    (
        "जयपुर में बारिश से सड़कें डूबीं",
        "जयपुर में मंगलवार को भारी बारिश हुई और कई सड़कें पानी में डूब गईं।",
    ),
    (
        "लखनऊ में नई बस सेवा शुरू",
        "लखनऊ में नगर निगम ने बुधवार से बीस नई बसें चलाने की घोषणा की।",
    ),
    (
        "पटना में पुस्तक मेला",
        "पटना के गांधी मैदान में इस साल का पुस्तक मेला शुक्रवार से शुरू होगा।",
    ),
    (
        "भोपाल की झील साफ़ होगी",
        "भोपाल की बड़ी झील की सफ़ाई का काम अगले महीने से शुरू किया जाएगा।",
    ),
    (
        "इंदौर में सफ़ाई अभियान",
        "इंदौर में रविवार को हज़ारों लोगों ने सफ़ाई अभियान में हिस्सा लिया।",
    ),
];

/// Writes story `k` with the footer (its phone number differs per story, as dates and
/// counters do on real sites) into `dir`.
fn write_story(dir: &Path, k: usize) {
    let (title, body) = STORIES[k];
    let footer = FOOTER.replace("43210", &format!("4321{k}"));
    let text = format!("{title}\n\n{body}\n\nयह जानकारी स्थानीय संवाददाता ने दी।\n\n{footer}\n");
    std::fs::write(dir.join(format!("{k}.txt")), text).expect("temp dir is writable");
}

fn extract(dir: &Path) -> Vec<Value> {
    let out = isolated::khabar()
        .args(["extract", "--json", "--no-cache"])
        .arg(dir)
        .output()
        .expect("khabar runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn names(record: &Value) -> Vec<String> {
    record["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_owned())
        .collect()
}

#[test]
fn a_footer_repeated_across_a_source_names_nobody() {
    let dir = tempfile::tempdir().expect("temp dir");
    for k in 0..STORIES.len() {
        write_story(dir.path(), k);
    }
    let records = extract(dir.path());
    assert_eq!(records.len(), STORIES.len());
    for r in &records {
        let names = names(r);
        assert!(
            names.iter().all(|n| !n.contains("कलमपत्र")),
            "{}: {names:?}",
            r["path"]
        );
        // The story's own place is still found.
        assert!(!names.is_empty(), "{}: nothing left", r["path"]);
    }
}

#[test]
fn the_same_footer_in_a_lone_article_is_read_as_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_story(dir.path(), 0);
    let records = extract(dir.path());
    assert!(
        names(&records[0]).iter().any(|n| n.contains("कलमपत्र")),
        "{:?}",
        names(&records[0])
    );
}
