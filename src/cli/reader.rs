//! The interactive reader, started from the command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use khabar::text::sanitize;
use khabar::text::width::WidthModel;
use khabar::tui::config::Config;

use super::RULES_FINGERPRINT;

/// The interactive reader: needs a terminal; missing paths among others are reported
/// inside it, and again on standard error once the terminal is restored (exit code 2, as
/// `list` and `extract` give).
pub fn run(
    paths: Vec<PathBuf>,
    config: Option<&Path>,
    model: Option<WidthModel>,
    no_cache: bool,
    fresh: bool,
    gazetteer_problems: Vec<String>,
) -> Result<ExitCode> {
    // `khabar lst seeds` opened the reader on `seeds` with `lst: no such file or folder`.
    let mistyped = paths
        .first()
        .filter(|p| !p.exists())
        .and_then(|p| p.to_str())
        .and_then(|p| command_like(p).map(|c| (p.to_owned(), c)));
    let term = std::env::var("TERM").ok();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Ok(refuse(
            "the reader needs a terminal",
            &gazetteer_problems,
            mistyped.as_ref(),
        ));
    }
    if term.as_deref() == Some("dumb") {
        // Emacs's shell, editors' output panes: no cursor movement, no screen to take
        // (trial 53: the reader sent its full-screen codes there all the same).
        return Ok(refuse(
            "the terminal is `dumb` (TERM=dumb): the reader needs one that moves the cursor",
            &gazetteer_problems,
            mistyped.as_ref(),
        ));
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let (mut config, mut problems) = Config::load(config, color);
    if !truecolor(|name| std::env::var(name).ok()) {
        config.theme = config.theme.in_palette();
    }
    problems.extend(gazetteer_problems);
    problems.extend(locale_note(|name| std::env::var(name).ok()));
    problems.extend(console_note(term.as_deref()));
    problems.extend(
        config
            .width_model
            .filter(|_| model.is_none())
            .and_then(|m| tmux_note(m, |name| std::env::var(name).ok())),
    );
    let model = model.or(config.width_model);
    if let Some((typed, command)) = &mistyped {
        problems.push(format!(
            "{}: not a file or folder; did you mean the command `khabar {command}`?",
            sanitize(typed, false)
        ));
    }
    // With nothing at all to open, say so before the screen is taken over; a missing path
    // among others is reported inside the reader and the rest still opens.
    let missing: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-" && !p.exists())
        .cloned()
        .collect();
    if !paths.is_empty() && missing.len() == paths.len() {
        say_missing(&missing, mistyped.as_ref());
        return Ok(ExitCode::from(2));
    }
    let keep = khabar::tui::loader::Keep {
        place: if no_cache {
            khabar::library::Place::Memory
        } else {
            khabar::library::Place::Default
        },
        rules: RULES_FINGERPRINT.get().copied().unwrap_or_default(),
        // Chosen by the reader once it knows the sort and filters the session keeps.
        first_page: None,
    };
    let launch = khabar::tui::Launch {
        paths,
        config,
        model,
        keep,
        notes: problems,
        fresh,
    };
    khabar::tui::run(launch).context("running the reader")?;
    let signal = khabar::tui::EXIT_SIGNAL.load(std::sync::atomic::Ordering::Relaxed);
    if signal > 0 {
        // As a shell reports a process ended by a signal.
        return Ok(ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)));
    }
    if let Some((shown, total, finished, at)) = khabar::tui::FIRST_FRAME.get() {
        eprintln!(
            "first frame: {shown} articles shown of {total} files, loading finished: {finished}, drawn at {} ms",
            at.as_millis()
        );
    }
    if !missing.is_empty() {
        say_missing(&missing, mistyped.as_ref());
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// Says why the reader cannot start here and what scripts use instead, after the
/// gazetteer's warnings and a mistyped command's hint (a script is where a mistyped
/// command most likely is: trial 55); exit code 2.
fn refuse(why: &str, warnings: &[String], mistyped: Option<&(String, String)>) -> ExitCode {
    for p in warnings {
        eprintln!("khabar: warning: {}", sanitize(p, false));
    }
    if let Some((typed, _)) = mistyped {
        say_missing(&[PathBuf::from(typed)], mistyped);
    }
    eprintln!(
        "khabar: {why}; for scripts use `khabar extract [--json] PATH...` or `khabar list [FILTERS] PATH...`"
    );
    ExitCode::from(2)
}

/// Names each path that does not exist, on standard error, and the command a first one
/// looks like.
fn say_missing(missing: &[PathBuf], mistyped: Option<&(String, String)>) {
    for p in missing {
        let hint = mistyped
            .filter(|(typed, _)| p.as_os_str() == typed.as_str())
            .map_or_else(String::new, |(_, c)| {
                format!(" (did you mean the command `khabar {c}`?)")
            });
        eprintln!(
            "khabar: error: {}: no such file or folder{hint}",
            sanitize(&p.display().to_string(), false)
        );
    }
}

/// The command `word` is a slip for (a letter off, two for a long command), if any; a
/// path (with a `/` or a `.`) is never one.
fn command_like(word: &str) -> Option<String> {
    use clap::CommandFactory;
    if word.contains(['/', '.']) || word.chars().count() < 3 {
        return None;
    }
    let word = word.to_lowercase();
    super::Args::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .map(|c| (khabar::text::edits(&word, &c), c))
        .filter(|(d, c)| *d <= if c.len() < 6 { 1 } else { 2 })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A warning when the locale the environment sets is not UTF-8 (`LANG=C`): the reader
/// draws UTF-8 whatever it says (box lines, `●`, Devanagari), and a terminal or tmux that
/// follows the locale may show them as `_` or `?`. An unset locale says nothing: many
/// terminals leave it unset and draw UTF-8.
fn locale_note(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    // The first one set decides, as for the C library.
    let (name, value) = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()).map(|v| (name, v)))?;
    let folded = value.to_ascii_lowercase();
    (!folded.contains("utf-8") && !folded.contains("utf8")).then(|| {
        format!(
            "the locale ({name}={}) is not UTF-8: a terminal that follows it may not draw \
             Devanagari or the panes' lines; set {name} to a UTF-8 locale (such as C.UTF-8)",
            sanitize(&value, false)
        )
    })
}

/// Whether the terminal says it draws 24-bit colour (`COLORTERM=truecolor` or `24bit`, or
/// a `TERM` ending in `-direct`); otherwise a colour the config gives as `#rrggbb` is sent
/// as the nearest of 256.
fn truecolor(var: impl Fn(&str) -> Option<String>) -> bool {
    var("COLORTERM").is_some_and(|v| matches!(v.as_str(), "truecolor" | "24bit"))
        || var("TERM").is_some_and(|t| t.ends_with("-direct"))
}

/// A warning when the config sets a width model that tmux does not follow: the config is
/// shared by every terminal a user lands in, and inside tmux clusters are laid out code
/// point by code point whatever the terminal outside (trial 53: `one-cell` from the
/// config garbled the screen in tmux, and nothing said why).
fn tmux_note(model: WidthModel, var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let tmux = var("TMUX").is_some_and(|v| !v.is_empty())
        || var("TERM").is_some_and(|t| t.starts_with("tmux") || t.starts_with("screen"));
    (tmux && model != WidthModel::PerCodePoint).then(|| {
        format!(
            "the config's reader.width_model is `{}`, but this is tmux (or screen), which lays \
             Devanagari out per code point: if the screen looks broken, give --width-model \
             per-code-point or remove the setting to let khabar probe the terminal",
            model.name()
        )
    })
}

/// A warning on the Linux console (`TERM=linux`), whose font has no Devanagari: the
/// articles show as blocks or question marks (trial 53: nothing was said).
fn console_note(term: Option<&str>) -> Option<String> {
    (term == Some("linux")).then(|| {
        "the Linux console (TERM=linux) cannot draw Devanagari: run khabar in a terminal \
         emulator (from a graphical session, or over ssh from one)"
            .to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::{console_note, locale_note};

    #[test]
    fn a_slip_for_a_command_is_named() {
        use super::command_like;
        let like = |w: &str| command_like(w);
        assert_eq!(like("lst").as_deref(), Some("list"));
        assert_eq!(like("LIST").as_deref(), Some("list"));
        assert_eq!(like("exract").as_deref(), Some("extract"));
        assert_eq!(like("extarct").as_deref(), Some("extract"));
        assert_eq!(like("fetc").as_deref(), Some("fetch"));
        assert_eq!(like("fecth").as_deref(), Some("fetch"));
        assert_eq!(like("lsit").as_deref(), Some("list"));
        assert_eq!(like("feed").as_deref(), Some("feeds"));
        for not in ["news", "ls", "lists.txt", "./lst", "fast", "match"] {
            assert_eq!(command_like(not), None, "{not}");
        }
    }

    #[test]
    fn truecolor_is_what_the_terminal_says() {
        use super::truecolor;
        assert!(truecolor(env(&[("COLORTERM", "truecolor")])));
        assert!(truecolor(env(&[("TERM", "xterm-direct")])));
        assert!(!truecolor(env(&[("TERM", "xterm-256color")])));
        assert!(!truecolor(env(&[])));
    }

    #[test]
    fn a_width_model_tmux_does_not_follow_is_said() {
        use super::{WidthModel, tmux_note};
        let kitty = WidthModel::OneCellPerCluster;
        assert!(tmux_note(kitty, env(&[("TMUX", "/tmp/tmux-0/default,1,0")])).is_some());
        assert!(tmux_note(kitty, env(&[("TERM", "screen-256color")])).is_some());
        assert!(tmux_note(WidthModel::PerCodePoint, env(&[("TMUX", "x")])).is_none());
        assert!(tmux_note(kitty, env(&[("TERM", "xterm-kitty")])).is_none());
    }

    #[test]
    fn the_linux_console_is_said() {
        assert!(
            console_note(Some("linux"))
                .unwrap()
                .contains("cannot draw Devanagari")
        );
        assert!(console_note(Some("xterm-256color")).is_none());
        assert!(console_note(None).is_none());
    }

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_locale_that_is_not_utf8_is_said() {
        let note = locale_note(env(&[("LANG", "C")])).unwrap();
        assert!(
            note.starts_with("the locale (LANG=C) is not UTF-8"),
            "{note}"
        );
        // LC_ALL decides over LANG, and an empty one does not.
        assert!(locale_note(env(&[("LC_ALL", "POSIX"), ("LANG", "hi_IN.UTF-8")])).is_some());
        assert!(locale_note(env(&[("LC_ALL", ""), ("LANG", "hi_IN.UTF-8")])).is_none());
        assert!(locale_note(env(&[("LC_CTYPE", "en_US.utf8"), ("LANG", "C")])).is_none());
        assert!(locale_note(env(&[])).is_none());
    }
}
