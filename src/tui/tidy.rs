//! Keeping and tidying from the reader: mark the whole list read (asking once), export the
//! list to a file, hand the shown article to a pager or a command.
//!
//! Each starts with a one-line question in the status bar ([`Ask`]); the work that needs
//! the terminal (a pager) or a file (an export, written on a worker) is handed to the
//! event loop as a [`Request`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::action::Action;
use super::app::{App, Request};
use super::modal::{Modal, PromptKey};
use super::view::question::Question;
use crate::corpus::Article;
use crate::library::{Doc, Link, Place};
use crate::text::sanitize;

/// What the status-bar question is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// `y` marks every article in the list read.
    MarkAllRead,
    /// A file name: `.md` writes Markdown, anything else JSON Lines.
    Export,
    /// A shell command to pipe the article to; empty for `$PAGER`.
    Pipe,
    /// The export's file exists: `y` replaces it.
    Overwrite(Box<Export>),
}

impl Ask {
    /// The question's parts, for the status bar to fit.
    pub fn question(&self, app: &App, input: &str) -> Question {
        let n = app.list.visible.len();
        // `y/n` are the answers typed, not bindings; the keys that apply and cancel are.
        let keys = app.config.keymap.hint(
            &[(&[Action::PromptAccept], ""), (&[Action::PromptCancel], "")],
            "",
        );
        let keys = if keys.is_empty() {
            keys
        } else {
            format!(" · {keys}")
        };
        let typed = |ask: String, help: &str| Question {
            ask,
            typed: Some(input.to_owned()),
            help: format!("  {help}{keys}"),
            ..Question::default()
        };
        let yes_or_no = |ask: String, ask_keeps_end: bool| Question {
            ask,
            ask_keeps_end,
            answers: vec![" y/n".to_owned()],
            ..Question::default()
        };
        match self {
            Self::MarkAllRead => {
                yes_or_no(format!("mark all {n} article(s) in this list read?"), false)
            }
            Self::Export => typed(
                format!("export {n} article(s) to: "),
                ".md Markdown, else JSON Lines",
            ),
            Self::Pipe => typed("pipe the article to: ".to_owned(), "empty: $PAGER"),
            Self::Overwrite(export) => yes_or_no(
                format!(
                    "{} exists: replace it?",
                    sanitize(&export.path.to_string_lossy(), false)
                ),
                true,
            ),
        }
    }
}

/// A JSON Lines record of the export: where the article is, and what the list shows.
#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    read: bool,
    starred: bool,
}

impl App {
    pub fn ask(&mut self, ask: Ask) {
        if self.list.visible.is_empty() && ask != Ask::Pipe {
            self.status = Some("the list is empty".to_owned());
            return;
        }
        if ask == Ask::Pipe && self.current().is_none() {
            self.status = Some("no article to pipe".to_owned());
            return;
        }
        self.modal = Some(Modal::Ask {
            ask,
            input: String::new(),
        });
    }

    /// A key while a question is asked; the modal stays open unless answered or cancelled.
    pub(super) fn ask_key(&mut self, key: PromptKey, ask: Ask, mut input: String) -> Option<Modal> {
        let accept = PromptKey::Act(Action::PromptAccept);
        let keep = |ask, input| Some(Modal::Ask { ask, input });
        match (ask, key) {
            (
                Ask::Overwrite(export),
                PromptKey::Act(Action::PromptCancel) | PromptKey::Type('n' | 'N'),
            ) => {
                let shown = sanitize(&export.path.to_string_lossy(), false).into_owned();
                self.status = Some(format!("kept {shown}: nothing exported"));
                None
            }
            (_, PromptKey::Act(Action::PromptCancel))
            | (Ask::MarkAllRead, PromptKey::Type('n' | 'N')) => None,
            (Ask::MarkAllRead, PromptKey::Type('y' | 'Y')) => {
                self.mark_all_read();
                None
            }
            (Ask::Overwrite(mut export), PromptKey::Type('y' | 'Y')) => {
                export.replace = true;
                self.request_export(*export);
                None
            }
            // A yes/no question takes no other letter.
            (ask @ (Ask::MarkAllRead | Ask::Overwrite(_)), _) => keep(ask, input),
            (Ask::Export, k) if k == accept && input.trim().is_empty() => keep(Ask::Export, input),
            (Ask::Export, k) if k == accept => {
                self.export(&expand_home(input.trim()));
                None
            }
            (Ask::Pipe, k) if k == accept => {
                let article = &self.current()?.article;
                self.request = Request::Pipe(input.trim().to_owned(), plain_text(article));
                None
            }
            (ask, PromptKey::Act(Action::PromptDeleteChar)) => {
                input.pop();
                keep(ask, input)
            }
            (ask, PromptKey::Type(c)) => {
                input.push(c);
                keep(ask, input)
            }
            (ask, _) => keep(ask, input),
        }
    }

    /// Marks every article in the list read (the user state writes them in the background).
    pub fn mark_all_read(&mut self) {
        let ids: Vec<u64> = self
            .list
            .visible
            .iter()
            .map(|&i| self.corpus.entries[i].id)
            .collect();
        let changed = ids
            .iter()
            .filter(|&&id| self.user.set_read(id, true))
            .count();
        self.refresh();
        self.status = Some(format!(
            "marked {changed} article(s) read ({} in the list)",
            ids.len()
        ));
    }

    /// Asks the event loop to write the list, in its order, to `path` (Markdown for `.md`,
    /// else JSON Lines) on a worker: the links are read from the database and the file is
    /// written there, never on the loop's thread.
    pub fn export(&mut self, path: &Path) {
        let rows: Vec<Exported> = self
            .list
            .visible
            .iter()
            .map(|&i| {
                let doc = &self.corpus.entries[i];
                Exported::of(
                    doc,
                    self.title(i),
                    (self.user.is_read(doc.id), self.user.is_starred(doc.id)),
                )
            })
            .collect();
        self.request_export(Export {
            path: path.to_owned(),
            rows,
            replace: false,
        });
    }

    fn request_export(&mut self, export: Export) {
        let shown = sanitize(&export.path.to_string_lossy(), false).into_owned();
        let n = export.rows.len();
        self.status = Some(format!("exporting {n} article(s) to {shown}…"));
        self.request = Request::Export(export);
    }

    /// What the worker that wrote (or would not overwrite) an export came to: a file that
    /// was there asks before it is replaced.
    pub fn exported(&mut self, outcome: Outcome) {
        match outcome {
            // The last message too (see `handle`).
            Outcome::Said(message) => self.status = Some(message),
            // Asked only when nothing else has the keyboard: the answer could come from
            // keys typed for another prompt opened meanwhile (a `y` in a search).
            Outcome::Exists(export) if self.modal.is_some() => {
                let shown = sanitize(&export.path.to_string_lossy(), false).into_owned();
                self.status = Some(format!(
                    "{shown} exists: nothing exported (export again to replace it)"
                ));
            }
            Outcome::Exists(export) => {
                self.status = None;
                self.modal = Some(Modal::Ask {
                    ask: Ask::Overwrite(export),
                    input: String::new(),
                });
            }
        }
    }
}

/// A list to write to a file (see [`App::export`] and [`write_export`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    path: PathBuf,
    rows: Vec<Exported>,
    /// Whether an existing file at `path` is replaced (the user said so) or asked about.
    replace: bool,
}

/// What [`write_export`] came to.
#[derive(Debug)]
pub enum Outcome {
    /// Written, or failed: what the status bar says.
    Said(String),
    /// Not written: the file exists and the user has not said to replace it.
    Exists(Box<Export>),
}

/// One row of an export: what the list shows of an article, whether it was read and
/// whether it is starred.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Exported {
    path: String,
    line: Option<usize>,
    title: String,
    published: Option<String>,
    source: Option<String>,
    /// The content id, which the link is looked up by.
    id: u64,
    read: bool,
    starred: bool,
}

impl Exported {
    fn of(doc: &Doc, title: String, (read, starred): (bool, bool)) -> Self {
        Self {
            path: doc.path.to_string(),
            line: doc.line.map(|l| l as usize),
            title,
            published: doc.published.and_then(|p| p.value()),
            source: doc.source.as_deref().map(str::to_owned),
            id: doc.id,
            read,
            starred,
        }
    }
}

/// Writes `export` atomically, with the links the database at `place` knows (a feed item's
/// or a JSON Lines record's `url`). An existing file is replaced only when the user said
/// so; else the export comes back to be asked about (the check and the write are one
/// step, so a file made meanwhile is not lost either). Runs on a worker thread.
pub fn write_export(export: Export, place: &Place) -> Outcome {
    let path = &export.path;
    let shown = sanitize(&path.to_string_lossy(), false).into_owned();
    // A folder is no file to replace: said before anything is asked.
    if path.is_dir() {
        return Outcome::Said(format!("{shown} is a folder: give a file name"));
    }
    let ids: Vec<u64> = export.rows.iter().map(|r| r.id).collect();
    // Without the links the list is still worth writing: the status bar says why they lack.
    let (links, unlinked) = match crate::library::links(place, &ids) {
        Ok(links) => (links, String::new()),
        Err(e) => (
            HashMap::new(),
            format!(" without links ({})", sanitize(&e.to_string(), false)),
        ),
    };
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let text = if markdown {
        markdown_list(&export.rows, &links)
    } else {
        json_lines(&export.rows, &links)
    };
    match crate::dirs::write_atomically_in_place(path, text.as_bytes(), export.replace) {
        Ok(()) => Outcome::Said(format!(
            "exported {} article(s) to {shown}{unlinked}",
            export.rows.len()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Outcome::Exists(Box::new(export))
        }
        Err(e) => Outcome::Said(format!("could not write {shown}: {e}")),
    }
}

/// The link of the exported row `a`, among those the database has for its content id.
fn link_of<'a>(links: &'a HashMap<u64, Vec<Link>>, a: &Exported) -> Option<&'a str> {
    Link::of(links.get(&a.id)?, &a.path, a.line)
}

fn json_lines(rows: &[Exported], links: &HashMap<u64, Vec<Link>>) -> String {
    let mut out = String::new();
    for a in rows {
        let record = Record {
            path: &a.path,
            line: a.line,
            title: &a.title,
            published: a.published.as_deref(),
            source: a.source.as_deref(),
            url: link_of(links, a),
            read: a.read,
            starred: a.starred,
        };
        // Escaped as `list --json` is: the file is read with `jq` on a terminal too.
        if let Ok(line) = crate::text::json::to_line(&record) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A link as a Markdown link target: web links only, as `o` opens (a `javascript:` or
/// `file:` link from a feed is not made clickable), with the characters that would end
/// or break the target percent-encoded.
fn markdown_target(url: &str) -> Option<String> {
    crate::feeds::net::check_url(url).ok()?;
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' | '<' | '>' | '\\' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// Text as Markdown shows it literally: control characters dropped, and the marks that
/// start emphasis, a code span, a link, an image, an HTML tag or an entity
/// backslash-escaped (a date's hyphens stay as they are).
fn markdown_text(text: &str) -> String {
    let text = sanitize(text, false);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '!' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as a Markdown code span: fenced with one backtick more than its longest run, so
/// no backtick in it can end the span early; control characters dropped.
fn markdown_code(text: &str) -> String {
    let text = sanitize(text, false).replace('\n', " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A span starting or ending with a backtick needs a space to tell it from the fence.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A Markdown list: the title (a link to the article when it has a web link), then date,
/// source and where the article is, all shown literally (see [`markdown_text`]).
fn markdown_list(rows: &[Exported], links: &HashMap<u64, Vec<Link>>) -> String {
    let mut out = String::from("# khabar\n\n");
    for a in rows {
        // Starred as the list shows it.
        let title = format!(
            "{}{}",
            if a.starred { "★ " } else { "" },
            markdown_text(&a.title)
        );
        match link_of(links, a).and_then(markdown_target) {
            Some(target) => {
                let _ = write!(out, "- [{title}]({target})");
            }
            None => {
                let _ = write!(out, "- {title}");
            }
        }
        let mut facts: Vec<String> = Vec::new();
        facts.extend(a.published.as_deref().map(markdown_text));
        facts.extend(a.source.as_deref().map(markdown_text));
        facts.push(match a.line {
            Some(n) => markdown_code(&format!("{}:{n}", a.path)),
            None => markdown_code(&a.path),
        });
        let _ = writeln!(out, " — {}", facts.join(" · "));
    }
    out
}

/// The article as plain text for a pager: title, meta line, paragraphs a blank line
/// apart, control characters made visible (a pager shows them on the terminal).
pub fn plain_text(article: &Article) -> String {
    let mut out = String::new();
    out.push_str(&sanitize(&article.title, false));
    out.push('\n');
    let meta = super::document::meta_line(article);
    if !meta.is_empty() {
        out.push_str(&sanitize(&meta, false));
        out.push('\n');
    }
    for para in article.paragraph_texts() {
        out.push('\n');
        out.push_str(&sanitize(para, true));
        out.push('\n');
    }
    out
}

/// `~/x` is the home directory's `x`, as a shell would read it.
fn expand_home(path: &str) -> PathBuf {
    let rest = if path == "~" {
        Some("")
    } else {
        path.strip_prefix("~/")
    };
    match (rest, std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Runs `command` (or `$PAGER`, else `less`) through the shell with `text` on its
/// standard input, and waits for it. The caller leaves the terminal first.
pub fn pipe(command: &str, text: &str) -> std::io::Result<std::process::ExitStatus> {
    use std::io::Write as _;
    let typed = !command.is_empty();
    let command = if command.is_empty() {
        std::env::var("PAGER")
            .ok()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| "less".to_owned())
    } else {
        command.to_owned()
    };
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(&command)
        .stdin(std::process::Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // A pager quit before reading everything closes the pipe: not an error.
        match stdin.write_all(text.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    let status = child.wait()?;
    if typed {
        wait_for_enter(status);
    }
    Ok(status)
}

/// After a command the user typed (`wc -w`), its output stays on the screen until Enter:
/// the reader's screen would cover it at once. A pager has been read already.
fn wait_for_enter(status: std::process::ExitStatus) {
    use std::io::{BufRead as _, Write as _};
    let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return;
    };
    let ended = if status.success() {
        String::new()
    } else {
        format!(" ({status})")
    };
    let mut out = &tty;
    let _ = write!(
        out,
        "\n[khabar] the command ended{ended}; press Enter to return "
    );
    let _ = out.flush();
    let _ = std::io::BufReader::new(&tty).read_line(&mut String::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_tilde_is_the_home_folder() {
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(expand_home("~"), PathBuf::from(&home));
            assert_eq!(expand_home("~/a.md"), PathBuf::from(home).join("a.md"));
        }
        assert_eq!(expand_home("a~"), PathBuf::from("a~"));
    }

    /// The JSON Lines export escapes C1 and bidi controls as `list --json` does, and a
    /// reader gets the title back as it was.
    #[test]
    fn json_export_escapes_what_a_terminal_acts_on() {
        let title = "ख़बर \u{9b}2J\u{202e}उलटा\u{1b}[0m\u{200f}";
        let row = Exported {
            path: "a.jsonl".into(),
            line: Some(3),
            title: title.into(),
            published: None,
            source: None,
            id: 1,
            read: false,
            starred: true,
        };
        let out = json_lines(std::slice::from_ref(&row), &HashMap::new());
        assert!(
            !out.trim_end()
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{202e}' | '\u{200f}')),
            "{out:?}"
        );
        let back: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
        assert_eq!(back["title"], title);
        assert_eq!(
            (&back["read"], &back["starred"]),
            (&false.into(), &true.into())
        );
        let md = markdown_list(&[row], &HashMap::new());
        assert!(md.starts_with("# khabar\n\n- ★ ख़बर"), "{md}");
    }

    #[test]
    fn markdown_shows_titles_and_paths_literally() {
        assert_eq!(
            markdown_text("<a href=\"javascript:x\">*नया*</a> `कोड` [1]"),
            "\\<a href=\"javascript:x\"\\>\\*नया\\*\\</a\\> \\`कोड\\` \\[1\\]"
        );
        assert_eq!(markdown_text("2024-06-19"), "2024-06-19");
        assert_eq!(markdown_code("/a/b.txt"), "`/a/b.txt`");
        assert_eq!(markdown_code("/a/``b`.txt"), "```/a/``b`.txt```");
        assert_eq!(markdown_code("`a"), "`` `a ``");
        assert_eq!(markdown_code("a\u{1b}[2J"), "`a␛[2J`");
    }

    #[test]
    fn only_web_links_become_markdown_targets() {
        assert_eq!(
            markdown_target("https://x.example/a_(b)"),
            Some("https://x.example/a_%28b%29".to_owned())
        );
        assert_eq!(
            markdown_target("http://[::1]:8080/a"),
            Some("http://[::1]:8080/a".to_owned())
        );
        assert_eq!(markdown_target("javascript:alert(1)"), None);
        assert_eq!(markdown_target("file:///etc/passwd"), None);
    }
}
