//! The `khabar extract` command line: the JSON contract and its byte spans.

#[path = "support/isolated.rs"]
mod isolated;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

fn khabar(args: &[&str]) -> Output {
    isolated::khabar().args(args).output().expect("khabar runs")
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

/// Every span's bytes in `source` equal its `text`, and the object has the contract's shape.
#[track_caller]
fn check_record(record: &Value, source: &[u8]) {
    assert_eq!(
        keys(record),
        [
            "byline",
            "dateline",
            "dates",
            "entities",
            "line",
            "path",
            "published",
            "source",
            "time",
            "title",
            "url"
        ]
    );
    assert!(record["title"].is_string());
    for field in ["source", "byline", "published", "time", "dateline", "url"] {
        assert!(
            record[field].is_string() || record[field].is_null(),
            "{field}"
        );
    }
    let title = record["title"].as_str().unwrap().as_bytes();
    let check_span = |m: &Value| {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        // A JSON Lines record's title is read too: its spans say so and index it.
        let source = match m.get("in") {
            None => source,
            Some(field) => {
                assert_eq!(field, "title");
                title
            }
        };
        assert!(start < end && end <= source.len(), "span {start}..{end}");
        assert_eq!(
            std::str::from_utf8(&source[start..end]).unwrap(),
            m["text"].as_str().unwrap()
        );
    };
    for e in record["entities"].as_array().unwrap() {
        assert_eq!(keys(e), ["aliases", "kind", "mentions", "name"]);
        assert!(["person", "place", "organization"].contains(&e["kind"].as_str().unwrap()));
        assert!(
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string)
        );
        for m in e["mentions"].as_array().unwrap() {
            let mut k = keys(m);
            k.retain(|k| *k != "in");
            assert_eq!(k, ["end", "start", "text"]);
            check_span(m);
        }
    }
    for d in record["dates"].as_array().unwrap() {
        let mut k = keys(d);
        k.retain(|k| *k != "in");
        assert_eq!(k, ["end", "kind", "start", "text", "value"]);
        assert!(["date", "time", "duration", "set"].contains(&d["kind"].as_str().unwrap()));
        assert!(d["value"].is_string() || d["value"].is_null());
        check_span(d);
    }
}

#[test]
fn extract_json_describes_every_seed() {
    let out = khabar(&["extract", "--json", seeds_dir().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = json_lines(&out);
    assert_eq!(records.len(), 5);
    for record in &records {
        let path = record["path"].as_str().unwrap();
        check_record(record, &std::fs::read(path).unwrap());
    }
    let published: Vec<&Value> = records.iter().map(|r| &r["published"]).collect();
    assert_eq!(
        published,
        [
            &Value::from("2024-01-21"),
            &"XXXX-09-14".into(),
            &"2024-06-19".into(),
            &"2022-08-15".into(),
            &Value::Null
        ]
    );
    assert!(
        records.iter().all(|r| r["line"].is_null()),
        "plain files have no line"
    );
    assert_eq!(records[0]["source"], "Jagran");
    assert_eq!(records[3]["byline"], "मनाली रस्तोगी");
}

#[test]
fn json_lines_spans_point_into_the_record_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.jsonl");
    let body =
        "नई दिल्ली, 3 मार्च । प्रधानमंत्री नरेंद्र मोदी ने सोमवार को रूस के राष्ट्रपति व्लादिमीर पुतिन से बात की।";
    let records = [
        serde_json::json!({"title": "मोदी और पुतिन की बातचीत", "body": body, "published": "2025-03-03T18:40:00+05:30", "source": "PTI"}),
        serde_json::json!({"title": "दूसरी खबर", "text": "मुंबई में बारिश।", "url": "https://example.com/2"}),
    ];
    let text = records
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, text).unwrap();
    let out = khabar(&["extract", "--json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let got = json_lines(&out);
    assert_eq!(got.len(), 2);
    check_record(&got[0], body.as_bytes());
    assert_eq!(got[0]["title"], "मोदी और पुतिन की बातचीत");
    // The title's names count, and their mentions say they are in the title.
    let modi = got[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "नरेंद्र मोदी")
        .expect("मोदी");
    let mentions = modi["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2, "{mentions:?}");
    assert_eq!(mentions[0]["in"], "title");
    assert_eq!(
        (&mentions[0]["start"], &mentions[0]["end"]),
        (&0.into(), &12.into())
    );
    assert!(mentions[1].get("in").is_none());
    assert_eq!(got[0]["published"], "2025-03-03");
    // The time and zone, the dateline's place and the link are said too.
    assert_eq!(got[0]["time"], "18:40+05:30");
    assert_eq!(got[0]["dateline"], "नई दिल्ली");
    assert_eq!(got[0]["url"], Value::Null);
    assert_eq!(got[0]["source"], "PTI");
    assert_eq!(got[1]["title"], "दूसरी खबर");
    assert_eq!(got[1]["published"], Value::Null);
    assert_eq!(got[1]["time"], Value::Null);
    assert_eq!(got[1]["url"], "https://example.com/2");
    // Each record names its line, so a script can match results to input lines.
    assert_eq!((&got[0]["line"], &got[1]["line"]), (&1.into(), &2.into()));
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = isolated::khabar()
        .args(["extract", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("एक शीर्षक\n\nपहला पैराग्राफ।\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let got = json_lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["title"], "एक शीर्षक");
    assert_eq!(got[0]["path"], "-");
}

#[test]
fn readable_summary_without_json() {
    let out = khabar(&[
        "extract",
        seeds_dir()
            .join("003_1ca48a4bd88a22bf.txt")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("title:      पुतिन ने किम जोंग उन को लिखा पत्र"),
        "{text}"
    );
    assert!(text.contains("byline:     मनाली रस्तोगी"));
    assert!(text.contains("published:  2022-08-15"));
}

/// A first path a letter off a command is named as the command it likely was, from a
/// script too (trial 55: only a terminal got the hint).
#[test]
fn a_mistyped_command_gets_a_hint() {
    let seeds = seeds_dir();
    let out = khabar(&["lst", seeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lst: no such file or folder (did you mean the command `khabar list`?)"),
        "{err}"
    );
}
