//! Bad input never panics and never hides the other files: each problem is reported with
//! the file it concerns, and the terminal never receives raw control characters.

#[path = "support/isolated.rs"]
mod isolated;

use std::path::Path;
use std::process::Output;

use khabar::corpus::{self, Problem};

fn khabar(args: &[&str]) -> Output {
    isolated::khabar().args(args).output().expect("khabar runs")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

const GOOD: &str = "अच्छी खबर\n\nदिल्ली में आज धूप रही।\n";

#[test]
fn missing_path_is_named_exit_2_and_others_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let missing = dir.path().join("nope.txt");
    let out = khabar(&["extract", "--json", missing.to_str().unwrap(), &good]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("nope.txt") && err.contains("no such file"),
        "{err}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("अच्छी खबर"));
}

#[test]
fn invalid_utf8_warns_with_offset_and_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "शीर्षक\n\nपाठ ".as_bytes().to_vec();
    let bad_at = bytes.len();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(" और पाठ।\n".as_bytes());
    let path = write(dir.path(), "broken.txt", &bytes);
    let out = khabar(&["extract", "--json", &path]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("broken.txt") && err.contains(&format!("invalid UTF-8 at byte {bad_at}")),
        "{err}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("\"title\":\"शीर्षक\""));

    let loaded = corpus::load(&[path.into()]);
    assert!(loaded.articles[0].text.contains("पाठ \u{fffd}\u{fffd} और"));
}

#[test]
fn binary_and_empty_files_are_skipped_by_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_image.txt", b"PNG\0\0\x01binary");
    write(dir.path(), "b_empty.txt", b"");
    write(dir.path(), "c_blank.txt", b"  \n\n \t\n");
    write(dir.path(), "d_good.txt", GOOD.as_bytes());
    let out = khabar(&["extract", "--json", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("a_image.txt: binary file (NUL byte at 3); skipped"),
        "{err}"
    );
    assert!(err.contains("b_empty.txt: empty; skipped"), "{err}");
    assert!(err.contains("c_blank.txt: empty; skipped"), "{err}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn malformed_json_line_is_reported_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"title": "पहली", "body": "पहली खबर।"}"#,
        r#"{"title": "टूटी", "body": "#,
        r#"{"title": "बिना पाठ"}"#,
        "",
        r#"{"title": "चौथी", "text": "चौथी खबर।", "published": "2023-05-01"}"#,
        r#"["पांचवीं", "पांचवीं खबर।"]"#,
    ];
    let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
    let out = khabar(&["extract", "--json", &path]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("feed.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("feed.jsonl:3: no `body` or `text`"), "{err}");
    // Valid JSON that is no record is named as such, not in the parser's own terms.
    assert!(err.contains("feed.jsonl:6: not a JSON object"), "{err}");
    assert!(!err.contains("struct Record"), "{err}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let titles: Vec<&str> = ["पहली", "चौथी"]
        .into_iter()
        .filter(|t| stdout.contains(&format!("\"title\":\"{t}\"")))
        .collect();
    assert_eq!(titles, ["पहली", "चौथी"]);
    assert_eq!(stdout.lines().count(), 2);
}

#[test]
fn control_characters_stay_in_data_but_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = "शीर्षक \u{1b}]0;pwned\u{7}\u{1b}[2J \u{9b}1m\u{202e}x\n\nपाठ \u{9b}31m और \u{202e}उलटा\u{1b}[0m।\n";
    let path = write(dir.path(), "evil.txt", text.as_bytes());
    let out = khabar(&["extract", &path]);
    assert!(out.status.success());
    for bad in [0x1b_u8, 0x07] {
        assert!(
            !out.stdout.contains(&bad),
            "raw control byte {bad:#x} in summary"
        );
    }
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(!summary.contains('\u{9b}') && !summary.contains('\u{202e}'));
    assert!(summary.contains("शीर्षक ␛]0;pwned"), "{summary}");
    // JSON escapes them all, C1 and bidi controls too (read with jq on a terminal), and
    // reads back as the data.
    for args in [vec!["extract", "--json"], vec!["list", "--json"]] {
        let out = khabar(&[args.as_slice(), &[path.as_str()]].concat());
        let json = String::from_utf8(out.stdout).unwrap();
        assert!(
            json.contains("\\u009b") && json.contains("\\u202e"),
            "{args:?}: {json}"
        );
        let raw = json
            .trim_end()
            .chars()
            .any(|c| c.is_control() || c == '\u{202e}');
        assert!(!raw, "{args:?}: {json:?}");
        let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
        assert!(
            first["title"]
                .as_str()
                .unwrap()
                .contains("\u{1b}]0;pwned\u{7}")
        );
    }
    // The data keeps every byte.
    let loaded = corpus::load(&[path.into()]);
    assert!(loaded.articles[0].text.contains("\u{1b}[2J"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_survived() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    write(&sub, "news.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let loaded = corpus::load(&[dir.path().to_owned()]);
    assert_eq!(loaded.articles.len(), 1);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Loop(_)))
    );
    assert!(
        loaded.problems.iter().all(|p| !p.is_error()),
        "a loop is a warning, not a lost path"
    );
}

/// A link to itself (or round a loop of links) inside a folder is a loop too, a warning,
/// and one named on the command line an error; both in plain words, never the system's
/// `Too many levels of symbolic links (os error 40)` (trial 53).
#[cfg(unix)]
#[test]
fn a_link_to_itself_is_a_loop_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news.txt", GOOD.as_bytes());
    let own = dir.path().join("own");
    std::os::unix::fs::symlink("own", &own).unwrap();
    let loaded = corpus::load(&[dir.path().to_owned()]);
    assert_eq!(loaded.articles.len(), 1);
    assert!(
        matches!(&loaded.problems[..], [Problem::Loop(at)] if *at == own),
        "{:?}",
        loaded.problems
    );
    let named = corpus::load(std::slice::from_ref(&own));
    assert!(
        matches!(&named.problems[..], [p @ Problem::Unreadable { .. }] if p.is_error()
            && p.to_string().ends_with("own: symlink loop; not followed")),
        "{:?}",
        named.problems
    );
}

/// A link to the folder above the root leads back into the root from below: its files
/// are read once, and the way back is a loop, not followed.
#[cfg(unix)]
#[test]
fn a_link_above_the_root_does_not_walk_the_root_twice() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("news");
    std::fs::create_dir(&root).unwrap();
    write(&root, "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("..", root.join("up")).unwrap();
    let loaded = corpus::load(std::slice::from_ref(&root));
    let paths: Vec<&str> = loaded.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, [root.join("a.txt").to_str().unwrap()]);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Loop(at) if at.starts_with(root.join("up")))),
        "{:?}",
        loaded.problems
    );
}

/// A second link to a folder walked already is a second name for it: its files are read
/// once, and nothing is said (a warning would make every start walk the folder again).
#[cfg(unix)]
#[test]
fn a_second_link_to_a_folder_reads_it_once_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("2024");
    std::fs::create_dir(&year).unwrap();
    write(&year, "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("2024", dir.path().join("latest")).unwrap();
    let loaded = corpus::load(&[dir.path().to_owned()]);
    let paths: Vec<&str> = loaded.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, [year.join("a.txt").to_str().unwrap()]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

/// A named pipe nobody writes to reads as empty instead of holding up the files named
/// after it; one with a writer is read.
#[cfg(unix)]
#[test]
fn a_named_pipe_without_a_writer_does_not_hold_up_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let good = dir.path().join("good.txt");
    let (tx, rx) = std::sync::mpsc::channel();
    let paths = [fifo.clone(), good.clone()];
    std::thread::spawn(move || {
        let _ = tx.send(corpus::load(&paths));
    });
    let loaded = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading stopped at the pipe");
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].path, good.to_str().unwrap());
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Empty { path } if *path == fifo)),
        "{:?}",
        loaded.problems
    );
}

/// A pipe with a writer, as a shell's `<(command)` names it, is read.
#[cfg(target_os = "linux")]
#[test]
fn a_pipe_named_by_the_shell_is_read() {
    use std::os::fd::AsRawFd;
    let mut child = std::process::Command::new("printf")
        .arg(GOOD)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    assert!(child.wait().unwrap().success());
    // What it wrote waits in the pipe while this end is open.
    let path = std::path::PathBuf::from(format!("/proc/self/fd/{}", out.as_raw_fd()));
    let mut problems = Vec::new();
    let read = corpus::read_file(&path, &mut problems);
    assert_eq!(read.len(), 1, "{problems:?}");
    assert_eq!(read[0].title, "अच्छी खबर");
    drop(out);
}

#[test]
fn folders_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("b");
    std::fs::create_dir(&b).unwrap();
    write(&b, "2.txt", "दो\n\nपाठ।".as_bytes());
    write(&b, "1.txt", "एक\n\nपाठ।".as_bytes());
    write(dir.path(), "a.txt", "शून्य\n\nपाठ।".as_bytes());
    write(dir.path(), "notes.md", b"# not an article");
    write(dir.path(), ".hidden.txt", "छिपा\n\nपाठ।".as_bytes());
    let loaded = corpus::load(&[dir.path().to_owned()]);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["शून्य", "एक", "दो"]);
}

#[test]
fn a_100_mb_file_loads() {
    let para =
        "रूस के राष्ट्रपति ने कहा कि दोनों देश सहयोग करेंगे और व्यापार बढ़ाएंगे, जिससे क्षेत्र में स्थिरता आएगी।\n";
    let heading = "छोटा शीर्षक\n";
    let unit = format!("{para}{heading}");
    let count = 100 * 1024 * 1024 / unit.len() + 1;
    let mut text = String::with_capacity(count * unit.len() + 32);
    text.push_str("बड़ी फाइल\n");
    for _ in 0..count {
        text.push_str(&unit);
    }
    let mut problems = Vec::new();
    let articles = corpus::from_bytes(Path::new("huge.txt"), text.as_bytes(), false, &mut problems);
    // Read whole, with a warning that it is large.
    assert!(
        matches!(
            &problems[..],
            [Problem::Large {
                mib: 100,
                limit: 10,
                ..
            }]
        ),
        "{problems:?}"
    );
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, "बड़ी फाइल");
    assert_eq!(articles[0].paragraphs.len(), 2 * count);
}

#[test]
fn empty_fields_are_named_for_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"title": "खाली", "body": ""}"#,
        r#"{"title": "रिक्त", "text": "   "}"#,
        r#"{"title": "बिना पाठ"}"#,
        r#"{"title": "पाठ में", "body": "", "text": "पाठ यहां है।"}"#,
    ];
    let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
    let out = khabar(&["extract", "--json", &path]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("feed.jsonl:1: empty `body`"), "{err}");
    assert!(err.contains("feed.jsonl:2: empty `text`"), "{err}");
    assert!(err.contains("feed.jsonl:3: no `body` or `text`"), "{err}");
    // A blank body with a text beside it is read from the text.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("\"title\":\"पाठ में\""), "{stdout}");
}

#[test]
fn a_csv_file_is_refused_naming_the_formats_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "news.csv", "title,body\nखबर,पाठ\n".as_bytes());
    let out = khabar(&["extract", "--json", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("news.csv: CSV is not read"), "{err}");
    assert!(err.contains(".txt") && err.contains(".jsonl"), "{err}");
}

/// A feed saved to disk and named directly is no article (its XML was read as one, title
/// `<?xml version=…`): it is refused with the way to read it (trial 44).
#[test]
fn a_feed_file_is_refused_saying_how_feeds_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\
               <item><title>ख़बर</title><description>पाठ</description></item></channel></rss>";
    let path = write(dir.path(), "desh.xml", rss.as_bytes());
    let story = write(
        dir.path(),
        "story.txt",
        "शीर्षक\n\nपटना में बारिश हुई।\n".as_bytes(),
    );
    let out = khabar(&["extract", "--json", &path, &story]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("desh.xml: a feed (RSS or Atom)") && err.contains("khabar feeds add"),
        "{err}"
    );
    // The other file is read all the same.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(!stdout.contains("<?xml"), "{stdout}");
    // XML that is no feed is not called one: it is read as text, as any file named.
    let other = write(
        dir.path(),
        "notes.xml",
        "<note>पटना में बारिश हुई।</note>\n".as_bytes(),
    );
    let out = khabar(&["extract", "--json", &other]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_empty_folder_says_which_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.md", b"# not an article\n");
    let out = khabar(&["list", dir.path().to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no articles here"), "{err}");
    assert!(
        err.contains(".txt") && err.contains(".jsonl") && err.contains(".ndjson"),
        "{err}"
    );
}

#[test]
fn a_nul_past_the_start_of_json_lines_spoils_only_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    for i in 0..400 {
        bytes.extend_from_slice(
            format!("{{\"title\": \"खबर {i}\", \"body\": \"पाठ।\"}}\n").as_bytes(),
        );
    }
    bytes.extend_from_slice(b"{\"title\": \"x\", \"body\": \"a\0b\"}\n");
    bytes.extend_from_slice("{\"title\": \"अंतिम\", \"body\": \"पाठ।\"}\n".as_bytes());
    let path = write(dir.path(), "feed.jsonl", &bytes);
    let out = khabar(&["extract", "--json", &path]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("feed.jsonl:401: binary data (NUL byte"),
        "{err}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 401);

    // A small file whose first line is a whole record is text too: its NUL costs its line
    // (trial 45: it cost all ten records); one that starts with binary data stays binary.
    let small = "{\"title\": \"पहली\", \"body\": \"पाठ।\"}\n{\"title\": \"x\", \"body\": \"a\u{0}b\"}\n{\"title\": \"तीसरी\", \"body\": \"पाठ।\"}\n";
    let small = write(dir.path(), "small.jsonl", small.as_bytes());
    let blob = write(dir.path(), "blob.jsonl", b"\x7fELF\x02\x01\n{\0}\n");
    // Binary data that happens to start with a brace is no record either.
    let brace = write(dir.path(), "brace.jsonl", b"{\x01\x02\xff}\n\0\0\n");
    let out = khabar(&["extract", "--json", &small, &blob, &brace]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("small.jsonl:2: binary data (NUL byte at "),
        "{err}"
    );
    assert!(
        err.contains("blob.jsonl: binary file (NUL byte at 8)"),
        "{err}"
    );
    assert!(
        err.contains("brace.jsonl: binary file (NUL byte at 6)"),
        "{err}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_extract_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let record = format!(
        "{{\"title\": \"खबर\", \"body\": \"{}\"}}\n",
        "सोमवार को बैठक हुई। ".repeat(40)
    );
    let path = write(dir.path(), "feed.jsonl", record.repeat(3000).as_bytes());
    let mut child = isolated::khabar()
        .args(["extract", "--json", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe the way `head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// A folder that cannot be read is said to be unreadable, and nothing else: "no articles
/// here" would advise the wrong thing. (Running as root, every folder can be read, and
/// there is nothing to see.)
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_not_also_empty_of_articles() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shut = dir.path().join("shut");
    std::fs::create_dir(&shut).unwrap();
    write(&shut, "a.txt", GOOD.as_bytes());
    std::fs::set_permissions(&shut, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&shut).is_ok();
    let loaded = corpus::load(std::slice::from_ref(&shut));
    std::fs::set_permissions(&shut, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        return;
    }
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Unreadable { .. })),
        "{:?}",
        loaded.problems
    );
    assert!(
        !loaded
            .problems
            .iter()
            .any(|p| matches!(p, Problem::NoArticles(_))),
        "{:?}",
        loaded.problems
    );
}

/// Text saved by Windows tools: a UTF-8 byte order mark before a JSON Lines file's first
/// record is not part of it, and UTF-16 (with its mark or without) is named as such, not
/// "binary", in a plain text file and in a JSON Lines one alike.
#[test]
fn byte_order_marks_and_utf16_are_understood() {
    let dir = tempfile::tempdir().unwrap();
    let record =
        |title: &str| format!("{{\"title\": \"{title}\", \"body\": \"दिल्ली में आज धूप रही।\"}}\n");
    let bom = format!("\u{feff}{}{}", record("पहली"), record("दूसरी"));
    write(dir.path(), "a_bom.jsonl", bom.as_bytes());
    let utf16 = |text: &str, mark: bool| -> Vec<u8> {
        let units = text.encode_utf16();
        let mark = mark.then_some(0xfeff_u16);
        mark.into_iter()
            .chain(units)
            .flat_map(u16::to_le_bytes)
            .collect()
    };
    write(dir.path(), "b_marked.txt", &utf16(GOOD, true));
    write(
        dir.path(),
        "c_unmarked.jsonl",
        &utf16(&record("Hello"), false),
    );
    // Devanagari, without a mark, big-endian; and UTF-32 with its mark.
    let be: Vec<u8> = GOOD.encode_utf16().flat_map(u16::to_be_bytes).collect();
    write(dir.path(), "e_unmarked_be.txt", &be);
    let utf32: Vec<u8> = std::iter::once('\u{feff}')
        .chain(GOOD.chars())
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    write(dir.path(), "f_utf32.txt", &utf32);
    write(dir.path(), "d_image.txt", b"PNG\0\0\x01binary");
    let out = khabar(&["extract", "--json", dir.path().to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("पहली") && stdout.contains("दूसरी"),
        "{stdout}\n{err}"
    );
    assert!(!err.contains("a_bom.jsonl"), "{err}");
    // Read back alone by its offset, as the reader opens it: the mark is skipped there too.
    let loaded = corpus::load(&[dir.path().join("a_bom.jsonl")]);
    for article in &loaded.articles {
        let again = corpus::reload_text(&article.path, article.origin, "");
        assert_eq!(
            again.as_deref().ok(),
            Some(article.text.as_str()),
            "{again:?}"
        );
    }
    assert_eq!(loaded.articles.len(), 2);
    for (name, encoding) in [
        ("b_marked.txt", "UTF-16"),
        ("c_unmarked.jsonl", "UTF-16"),
        ("e_unmarked_be.txt", "UTF-16"),
        ("f_utf32.txt", "UTF-32"),
    ] {
        assert!(
            err.contains(&format!("{name}: {encoding} text"))
                && err.contains(&format!("iconv -f {encoding} ")),
            "{err}"
        );
    }
    assert!(err.contains("d_image.txt: binary file"), "{err}");
}

/// A record's `published` that is not a date is said, by line, and the record kept: a
/// number was a malformed record (the article lost), a bad string a silent `null`. A
/// number of seconds (or milliseconds) since 1970 is a time.
#[test]
fn a_published_that_is_not_a_date_is_said_and_the_record_kept() {
    let dir = tempfile::tempdir().unwrap();
    let values = [
        serde_json::json!("2024-13-45"),
        serde_json::json!(12345),
        serde_json::json!(true),
        serde_json::json!(1_717_581_600),
        serde_json::json!(1_717_581_600_123_i64),
        serde_json::json!(1_717_581_600.5),
        serde_json::json!("2024-06-19"),
        serde_json::json!("कल सुबह\u{1b}[2J"),
    ];
    let mut lines = String::new();
    for (i, v) in values.iter().enumerate() {
        let record = serde_json::json!({"title": format!("खबर {i}"), "body": "दिल्ली में बारिश हुई।", "published": v});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = write(dir.path(), "dates.jsonl", lines.as_bytes());
    let out = khabar(&["extract", "--json", &path]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    // Vowel signs are written as themselves (not `स\u{941}`), an escape as an escape.
    for (line, value) in [
        (1, "\"2024-13-45\""),
        (2, "\"12345\""),
        (3, "\"true\""),
        (8, "\"कल सुबह\\u{1b}[2J\""),
    ] {
        assert!(
            err.contains(&format!(
                "dates.jsonl:{line}: `published` {value} is not a date"
            )),
            "{err}"
        );
    }
    assert_eq!(err.lines().count(), 4, "{err}");
    let published: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["published"].clone())
        .collect();
    assert_eq!(
        published,
        [
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::json!("2024-06-05"),
            serde_json::json!("2024-06-05"),
            serde_json::json!("2024-06-05"),
            serde_json::json!("2024-06-19"),
            serde_json::Value::Null,
        ]
    );
}
