//! `khabar list` on the seeds: person, date, mentioned-date and search filters, sorting,
//! JSON output and exit codes.

#[path = "support/isolated.rs"]
mod isolated;

use std::path::Path;
use std::process::Output;

fn list(args: &[&str]) -> Output {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    isolated::khabar()
        .arg("list")
        .args(args)
        .arg(seeds)
        .output()
        .expect("khabar runs")
}

/// The seed numbers (000..004) listed, in output order.
fn seeds_listed(out: &Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| l.split("seeds/").nth(1).unwrap()[..3].to_owned())
        .collect()
}

#[test]
fn person_by_any_spelling_finds_all_five() {
    for name in ["putin", "Putin", "पुतिन", "व्लादिमीर पुतिन", "Vladimir Putin"]
    {
        let out = list(&["--person", name]);
        assert!(out.status.success(), "{name}");
        let mut got = seeds_listed(&out);
        got.sort();
        assert_eq!(got, ["000", "001", "002", "003", "004"], "{name}");
    }
}

#[test]
fn date_filters_on_publication_date() {
    // Published 2024-01-21 and 2024-06-19; newest first.
    assert_eq!(seeds_listed(&list(&["--date", "2024"])), ["002", "000"]);
    assert_eq!(seeds_listed(&list(&["--date", "2024-06"])), ["002"]);
    assert_eq!(seeds_listed(&list(&["--date", "2022-08-15"])), ["003"]);
    assert_eq!(seeds_listed(&list(&["--date", "..2023"])), ["003"]);
    assert_eq!(
        seeds_listed(&list(&["--date", "2023-09..2024-01"])),
        ["000"]
    );
    assert_eq!(seeds_listed(&list(&["--date", "जून 2024"])), ["002"]);
}

#[test]
fn mentioned_dates_and_combined_filters() {
    // April 2019 (the Vladivostok summit) is mentioned in 001 and 004; 003 mentions 2019.
    let mut got = seeds_listed(&list(&["--mentions-date", "2019"]));
    got.sort();
    assert_eq!(got, ["001", "003", "004"]);
    assert_eq!(
        seeds_listed(&list(&["--person", "किम", "--date", "2024-06"])),
        ["002"]
    );
}

#[test]
fn search_folds_spelling() {
    // 004 writes सितंबर, 001 सितंबर too; the query spells it सितम्बर.
    let mut got = seeds_listed(&list(&["--search", "सितम्बर"]));
    got.sort();
    assert_eq!(got, ["001", "004"]);
}

#[test]
fn sort_orders_and_undated_last() {
    assert_eq!(
        seeds_listed(&list(&["--person", "putin"])),
        ["002", "000", "003", "001", "004"]
    );
    assert_eq!(
        seeds_listed(&list(&["--person", "putin", "--sort", "oldest"])),
        ["003", "000", "002", "001", "004"]
    );
}

#[test]
fn nothing_matching_exits_1_and_bad_values_exit_2_naming_them() {
    let none = list(&["--person", "मोदी"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    // A name or source that stands for nothing here is said (a typo, most likely); filters
    // that are each known but keep nothing together are not (trial 44).
    let err = |out: &Output| String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err(&none).contains("no person named मोदी in these articles"),
        "{}",
        err(&none)
    );
    let source = list(&["--source", "nosuch"]);
    assert_eq!(source.status.code(), Some(1));
    assert!(
        err(&source).contains("no source nosuch in these articles (sources: Jagran, Siyasi Miyar)"),
        "{}",
        err(&source)
    );
    let together = list(&["--source", "jagran", "--date", "2020"]);
    assert_eq!(together.status.code(), Some(1));
    assert!(err(&together).is_empty(), "{}", err(&together));
    for (flag, value) in [
        ("--date", "2024-13"),
        ("--mentions-date", "2024-02-30"),
        ("--sort", "random"),
    ] {
        let bad = list(&[flag, value]);
        assert_eq!(bad.status.code(), Some(2), "{flag} {value}");
        assert!(
            String::from_utf8_lossy(&bad.stderr).contains(value),
            "{flag} {value}"
        );
    }
}

#[test]
fn json_rows_name_the_matched_entities() {
    let out = list(&["--person", "putin", "--json", "--date", "2024-01"]);
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["published"], "2024-01-21");
    assert_eq!(rows[0]["matched"][0]["name"], "व्लादिमीर पुतिन");
    assert_eq!(rows[0]["matched"][0]["kind"], "person");
}

#[test]
fn json_lines_rows_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    // Three undated records: every row has the same path, so only the line tells them apart.
    // The second names its link.
    let text = ["पहली", "दूसरी", "तीसरी"]
        .iter()
        .map(|t| {
            let mut r = serde_json::json!({"title": t, "body": format!("{t} खबर का पाठ।")});
            if *t == "दूसरी" {
                r["url"] = "https://example.org/2".into();
            }
            r.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, text).unwrap();
    let run = |json: bool| {
        let mut cmd = isolated::khabar();
        cmd.args(["list", "--no-cache"]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.arg(&path).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(false);
    let located: Vec<&str> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(located, ["feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3"]);
    let json = run(true);
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .collect();
    let lines: Vec<&serde_json::Value> = rows.iter().map(|r| &r["line"]).collect();
    assert_eq!(lines, [1, 2, 3]);
    let urls: Vec<&serde_json::Value> = rows.iter().map(|r| &r["url"]).collect();
    assert_eq!(
        urls,
        [
            &serde_json::Value::Null,
            &"https://example.org/2".into(),
            &serde_json::Value::Null
        ]
    );
    // From the database too, on a second run that reads nothing.
    for _ in 0..2 {
        let out = isolated::khabar()
            .args(["list", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let second: serde_json::Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
        assert_eq!(second["url"], "https://example.org/2");
    }
}

#[test]
fn a_mentioned_date_matches_only_as_precise_and_inside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mentions.jsonl");
    let records = [
        ("साल भर की बात", "वर्ष 2013 में कई चुनाव हुए।"),
        ("उस दिन की बात", "समिति की बैठक 11 मई 2013 को हुई थी।"),
        ("महीने की बात", "मई 2013 में बारिश कम हुई।"),
    ];
    let text = records
        .iter()
        .map(|(t, b)| serde_json::json!({"title": t, "body": b}).to_string())
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, text).unwrap();
    let lines = |range: &str| -> Vec<String> {
        let out = isolated::khabar()
            .args(["list", "--no-cache", "--mentions-date", range])
            .arg(&path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                l.split('\t')
                    .next()
                    .unwrap()
                    .rsplit(':')
                    .next()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(lines("2013-05-11"), ["2"]);
    assert_eq!(lines("2013-05"), ["2", "3"]);
    assert_eq!(lines("2013"), ["1", "2", "3"]);
    assert!(lines("2013-06").is_empty());
}

#[test]
fn source_filter_takes_any_case() {
    assert_eq!(seeds_listed(&list(&["--source", "jagran"])), ["000"]);
    let out = list(&["--source", "nobody"]);
    assert_eq!(out.status.code(), Some(1));
}

/// Articles of one day (a feed's) list by the time they were published: newest first by
/// it, an article of that day without a time counting as before its first minute.
#[test]
fn articles_of_one_day_list_by_their_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = [
        ("सुबह", "2024-06-02T01:30:00+05:30"),
        ("दोपहर", "2024-06-02T13:30:00+05:30"),
        ("बिना समय", "2024-06-02"),
        ("अगला दिन", "2024-06-03T00:10:00+05:30"),
    ];
    let lines: Vec<String> = records
        .iter()
        .map(|(title, published)| {
            serde_json::json!({
                "title": title,
                "body": format!("{title} की ख़बर में बारिश का ज़िक्र है।"),
                "published": published,
            })
            .to_string()
        })
        .collect();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, lines.join("\n")).expect("writable");
    let titles = |sort: &str| -> Vec<String> {
        let out = isolated::khabar()
            .args(["list", "--sort", sort])
            .arg(&feed)
            .output()
            .expect("khabar runs");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.rsplit('\t').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(titles("newest"), ["अगला दिन", "दोपहर", "सुबह", "बिना समय"]);
    assert_eq!(titles("oldest"), ["बिना समय", "सुबह", "दोपहर", "अगला दिन"]);
}

/// A blank filter value would match nothing (a name) or everything (a search): it is a bad
/// value, exit code 2, naming the option. An option only the reader reads is said to be
/// unused, not silently ignored.
#[test]
fn blank_values_are_refused_and_reader_options_are_said_unused() {
    for (flag, value) in [
        ("--person", ""),
        ("--place", " "),
        ("--org", ""),
        ("--source", ""),
        ("--search", "  "),
    ] {
        let out = list(&[flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(flag) && err.contains("empty"), "{err}");
    }
    let out = list(&["--config", "/nonexistent/config.toml"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--config is the reader's option"), "{err}");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    // Before the command or after it, as `--config` may be.
    for args in [["--fresh", "list"], ["list", "--fresh"]] {
        let out = isolated::khabar().args(args).arg(&seeds).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            out.status.success() && err.contains("--fresh is the reader's option"),
            "{args:?}: {err}"
        );
    }
}

/// A Latin name finds a person only ever written in Devanagari, by sound, as the reader's
/// search does: the database keeps Devanagari names romanised among their aliases.
#[test]
fn a_latin_name_finds_a_person_written_only_in_devanagari() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "सभा की ख़बर\n\nसभा में रामखिलावन चौरसिया ने भाषण दिया। बाद में चौरसिया ने कहा कि गांव में सड़क बनेगी।\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "मौसम की ख़बर\n\nदिल्ली में आज बारिश हुई और लोग घरों में रहे।\n",
    )
    .unwrap();
    let listed = |name: &str| {
        let out = isolated::khabar()
            .args(["list", "--person", name])
            .arg(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // Spelled as it sounds (`चौरसिया` reads `chaursiya`), as the reader's search reads it.
    for name in [
        "रामखिलावन चौरसिया",
        "चौरसिया",
        "ramkhilavan",
        "Chaursiya",
        "ramkhilavan chaursiya",
    ] {
        let out = listed(name);
        assert!(
            out.contains("a.txt") && !out.contains("b.txt"),
            "{name}: {out}"
        );
    }
    assert!(listed("nobody").is_empty());
    // Read from standard input, answered without the database, the same.
    let mut child = isolated::khabar()
        .args(["list", "--person", "chaursiya", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(dir.path().join("a.txt")).unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("रामखिलावन चौरसिया")
    );
}

/// A JSON Lines record's title is read for names and dates, as a plain file's headline:
/// a feed item that names its subject only in the headline is found by that name.
#[test]
fn a_name_only_in_a_record_title_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let record = serde_json::json!({
        "title": "लखनऊ में तेज़ आंधी से पेड़ गिरे",
        "body": "मौसम विभाग ने बुधवार को चेतावनी जारी की थी।",
        "published": "2024-05-22",
    });
    std::fs::write(dir.path().join("feed.jsonl"), format!("{record}\n")).unwrap();
    let out = isolated::khabar()
        .args(["list", "--place", "lucknow"])
        .arg(dir.path())
        .output()
        .expect("khabar runs");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("feed.jsonl:1"), "{stdout}");
}

/// `--sort source` orders sources without case, as `--source` matches them, and each
/// source's articles newest first; articles without a source last.
#[test]
fn sort_by_source_ignores_case_and_puts_the_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = [
        ("एक", Some("Demo Times"), "2024-01-01"),
        ("दो", Some("demo times"), "2024-03-01"),
        ("तीन", Some("Alpha"), "2024-02-01"),
        ("चार", None, "2024-04-01"),
        ("पांच", Some("DEMO TIMES"), "2024-02-15"),
    ]
    .iter()
    .map(|(title, source, published)| {
        let mut r = serde_json::json!({"title": title, "body": "ख़बर।", "published": published});
        if let Some(s) = source {
            r["source"] = (*s).into();
        }
        r.to_string()
    })
    .collect();
    std::fs::write(dir.path().join("feed.jsonl"), lines.join("\n")).unwrap();
    let out = isolated::khabar()
        .args(["list", "--sort", "source", "--json"])
        .arg(dir.path())
        .output()
        .expect("khabar runs");
    let titles: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(titles, ["तीन", "दो", "पांच", "एक", "चार"]);
}
