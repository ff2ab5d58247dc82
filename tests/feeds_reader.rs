//! Feeds in the reader, in a real terminal (tmux): `R` fetches in the background while keys
//! still answer, the fetched article joins the list, and `o` hands its link to `$BROWSER`.

#[path = "support/http.rs"]
mod http;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;

use http::{Response, Server};
use tmux::Tmux;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/feeds");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(DATA).join(name)).unwrap()
}

#[test]
fn fetch_in_the_reader_keeps_keys_answering_and_opens_links() {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let b = base.clone();
    let later = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let l = later.clone();
    let server = Server::start(move |req| {
        match req.path.as_str() {
        "/rss.xml" => Response::ok(
            "application/rss+xml",
            fixture("rss.xml")
                .replace("{{BASE}}", b.get().unwrap())
                .replace("{{VERSION}}", "1")
                .replace("{{RAIN_TITLE}}", "मुंबई में बारिश से जनजीवन अस्त-व्यस्त")
                .replace(
                    "</channel>",
                    if l.load(std::sync::atomic::Ordering::SeqCst) {
                        "<item><guid>late</guid><title>देर से आई ख़बर</title><description>नदी पर पुल बना।</description></item></channel>"
                    } else {
                        "</channel>"
                    },
                ),
        ),
        // A slow page: the fetch is still going while the user presses keys.
        "/story/rain" => Response {
            delay_ms: 2_000,
            ..Response::ok(
                "text/html",
                format!(
                    "<html><body><nav>होम देश</nav><article><h1>बारिश</h1>{}</article></body></html>",
                    fixture("story-rain.txt")
                        .split("\n\n")
                        .map(|p| ["<p>", p, "</p>"].concat())
                        .collect::<String>()
                ),
            )
        },
        _ => Response::status(404),
    }
    });
    base.set(server.url("")).unwrap();
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    std::fs::create_dir_all(home.join("config/khabar")).unwrap();
    std::fs::write(
        home.join("config/khabar/feeds.toml"),
        format!(
            "[[feed]]\nurl = \"{}\"\nname = \"समाचार\"\n",
            server.url("/rss.xml")
        ),
    )
    .unwrap();
    let browser = home.join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" > {}/opened\n", home.display()),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&browser)
        .status()
        .unwrap();
    let cmd = format!(
        "env XDG_CONFIG_HOME={h}/config XDG_DATA_HOME={h}/data BROWSER={b} {k} --width-model per-code-point",
        h = home.display(),
        b = browser.display(),
        k = env!("CARGO_BIN_EXE_khabar"),
    );
    let t = Tmux::start("feeds", 120, 30, &cmd);
    // The library is empty: the samples are shown.
    t.wait_for(10, |s| s.contains("Articles (5"));
    let screen = t.key("R");
    assert!(screen.contains("fetching 1 feed"), "{screen}");
    let before = t.capture();
    let after = t.key("j");
    assert_ne!(before, after, "j did nothing while fetching");
    assert!(
        !after.contains("जनजीवन"),
        "the slow page cannot be in yet:\n{after}"
    );
    let screen = t.wait_for(15, |s| s.contains("जनजीवन") && s.contains("fetched 1 feed"));
    assert!(screen.contains("fetched 1 feed"), "{screen}");
    // The fetch's warnings (a page that could not be had) are in the warnings view, named
    // by their feed as `khabar fetch` names them (trial 44 saw the URL alone).
    let warnings = t.key("w");
    assert!(
        warnings.contains("समाचार: ") && warnings.contains("404"),
        "{warnings}"
    );
    t.key("w");
    // What was fetched is in the database too, links and all (an export reads them there).
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(home.join("data/khabar/feeds"))
        .unwrap()
        .flatten()
    {
        if entry.path().extension().is_some_and(|e| e == "jsonl") {
            for line in std::fs::read_to_string(entry.path()).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let (title, body) = (v["title"].as_str().unwrap(), v["body"].as_str().unwrap());
                ids.push(khabar::corpus::record_content_id(title, body));
            }
        }
    }
    let db = home.join("data/khabar").join(khabar::store::FILE_NAME);
    let links = khabar::library::links(&khabar::library::Place::At(db), &ids).unwrap();
    assert!(
        !ids.is_empty() && links.len() == ids.len(),
        "{ids:?} {links:?}"
    );
    // Find it, open it, hand its link to the browser.
    t.key("/");
    for key in ["ज", "न", "ज", "ी", "व", "न"] {
        t.run(&["send-keys", "-l", key]);
    }
    t.key("Enter");
    let screen = t.key("Enter");
    assert!(
        screen.contains("/story/rain"),
        "the link is shown:\n{screen}"
    );
    let screen = t.key("o");
    let screen = t.wait_for(5, |s| s != screen && home.join("opened").exists());
    let opened = std::fs::read_to_string(home.join("opened")).unwrap_or_default();
    assert_eq!(opened.trim(), server.url("/story/rain"), "{screen}");
    // A fetch from the shell while the reader is open: the reader's own `R` then finds the
    // feed as it was, and takes the file the shell's fetch wrote.
    later.store(true, std::sync::atomic::Ordering::SeqCst);
    let shell = std::process::Command::new(env!("CARGO_BIN_EXE_khabar"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .arg("fetch")
        .output()
        .unwrap();
    assert!(
        shell.status.success(),
        "{}",
        String::from_utf8_lossy(&shell.stderr)
    );
    t.key("Escape");
    t.key("x");
    let before = t.capture();
    assert!(before.contains("Articles (7"), "{before}");
    t.key("R");
    let screen = t.wait_for(15, |s| {
        s.contains("fetched 1 feed") && s.contains("Articles (8")
    });
    assert!(screen.contains("Articles (8"), "{screen}");
}
