//! The user's configuration file: key overrides, theme colours and reading preferences.
//!
//! It lives at `$XDG_CONFIG_HOME/khabar/config.toml` (or `~/.config/khabar/config.toml`),
//! or wherever `--config` points. A broken file never stops the reader: the problem is
//! reported with its line and the defaults are used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use super::keymap::{Binding, Keymap};
use crate::text::width::WidthModel;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: BTreeMap<String, Binding>,
    #[serde(default)]
    theme: ThemeFile,
    #[serde(default)]
    reader: ReaderFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    person: Option<Color>,
    place: Option<Color>,
    organization: Option<Color>,
    date: Option<Color>,
    accent: Option<Color>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReaderFile {
    max_width: Option<u16>,
    width_model: Option<String>,
}

/// Colours and emphasis for everything the reader draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub person: Style,
    pub place: Style,
    pub organization: Style,
    pub date: Style,
    pub accent: Style,
    pub selected: Style,
    pub dim: Style,
    pub emphasis: Style,
    /// Search matches in the reader.
    pub search: Style,
    /// Unread articles in the list.
    pub unread: Style,
}

impl Theme {
    fn new(file: &ThemeFile, color: bool) -> Self {
        let fg = |c: Option<Color>, default: Color| {
            if color {
                Style::new().fg(c.unwrap_or(default))
            } else {
                Style::new()
            }
        };
        Self {
            person: fg(file.person, Color::LightCyan),
            place: fg(file.place, Color::LightGreen),
            organization: fg(file.organization, Color::LightMagenta),
            date: fg(file.date, Color::Reset).add_modifier(Modifier::UNDERLINED),
            accent: fg(file.accent, Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            emphasis: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            search: if color {
                Style::new().bg(Color::Yellow).fg(Color::Black)
            } else {
                Style::new().add_modifier(Modifier::REVERSED)
            },
            unread: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

/// Everything configurable, with defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// The widest a line of article text may be, for readability.
    pub max_width: u16,
    pub width_model: Option<WidthModel>,
}

impl Config {
    /// The defaults, coloured unless `NO_COLOR` is set.
    pub fn defaults(color: bool) -> Self {
        Self::from_file(File::default(), color)
    }

    fn from_file(file: File, color: bool) -> Self {
        let mut keymap = Keymap::default();
        // Key names were checked in `parse`, so merging cannot fail here.
        let _ = keymap.merge(&file.keys);
        Self {
            keymap,
            theme: Theme::new(&file.theme, color),
            max_width: file.reader.max_width.unwrap_or(90).max(20),
            width_model: file.reader.width_model.and_then(|n| n.parse().ok()),
        }
    }

    /// Parses a config file's text. On error, says what is wrong and where.
    pub fn parse(text: &str, color: bool) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| describe(text, &e))?;
        Keymap::default().merge(&file.keys)?;
        if let Some(name) = &file.reader.width_model {
            name.parse::<WidthModel>()
                .map_err(|e| format!("[reader] width_model: {e}"))?;
        }
        Ok(Self::from_file(file, color))
    }

    /// Loads `path` (or the default location when `None`). A missing default file is
    /// normal; any other problem is returned beside the defaults, for the status bar.
    pub fn load(path: Option<&Path>, color: bool) -> (Self, Option<String>) {
        let (path, explicit) = match path {
            Some(p) => (Some(p.to_owned()), true),
            None => (default_path(), false),
        };
        let Some(path) = path else {
            return (Self::defaults(color), None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match Self::parse(&text, color) {
                Ok(c) => (c, None),
                Err(e) => (
                    Self::defaults(color),
                    Some(format!("{}: {e}; using defaults", path.display())),
                ),
            },
            Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
                (Self::defaults(color), None)
            }
            Err(e) => (
                Self::defaults(color),
                Some(format!("{}: {e}; using defaults", path.display())),
            ),
        }
    }
}

/// A one-line account of a TOML error: where it is and what is wrong.
fn describe(text: &str, e: &toml::de::Error) -> String {
    let message = e
        .message()
        .lines()
        .next()
        .unwrap_or("invalid")
        .trim_end_matches('.');
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message.to_owned(),
    }
}

/// `$XDG_CONFIG_HOME/khabar/config.toml`, falling back to `~/.config`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("khabar").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn overrides_and_theme_apply() {
        let c = Config::parse(
            "[keys]\nx = \"quit\"\n[theme]\nperson = \"red\"\n[reader]\nmax_width = 70\n",
            true,
        )
        .unwrap();
        assert_eq!(
            c.keymap
                .action(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(c.theme.person.fg, Some(Color::Red));
        assert_eq!(c.max_width, 70);
    }

    #[test]
    fn errors_name_the_line() {
        let err = Config::parse("[keys]\nj = \"down\"\nk = \"fly\"\n", true).unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        let err = Config::parse("[keys]\nhyper-k = \"down\"\n", true).unwrap_err();
        assert!(err.contains("hyper-k"), "{err}");
        let err = Config::parse("[reader]\nwidth_model = \"bogus\"\n", true).unwrap_err();
        assert!(err.contains("bogus"), "{err}");
        let err = Config::parse("[theme]\nperson = \"notacolour\"\n", true).unwrap_err();
        assert!(err.starts_with("line 2:") && !err.contains('\n'), "{err}");
    }

    #[test]
    fn broken_file_falls_back_to_defaults_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[keys\n").unwrap();
        let (c, problem) = Config::load(Some(&path), true);
        assert_eq!(c.keymap, Keymap::default());
        let problem = problem.unwrap();
        assert!(
            problem.contains("config.toml") && problem.contains("line 1"),
            "{problem}"
        );
    }

    #[test]
    fn no_color_keeps_emphasis_without_colours() {
        let t = Config::defaults(false).theme;
        assert_eq!(t.person.fg, None);
        assert!(t.date.add_modifier.contains(Modifier::UNDERLINED));
    }
}
