//! The user's configuration file: key overrides, theme colours and reading preferences.
//!
//! It lives at `$XDG_CONFIG_HOME/khabar/config.toml` (or `~/.config/khabar/config.toml`),
//! or wherever `--config` points. A broken file never stops the reader: each bad entry is
//! reported with its line and key and skipped, every valid entry still applies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};

use super::keymap::{Binding, Keymap, Table};
use crate::text::width::WidthModel;
use crate::toml_lines::{describe, line_of, prefix, without_bad_lines};

/// The narrowest `max_width` taken: fewer columns hold too few words of a line.
const MIN_WIDTH: u16 = 20;

/// What the file set, entry by entry (see [`Config::parse_lenient`]).
#[derive(Debug, Default)]
struct File {
    keys: BTreeMap<String, Binding>,
    prompt_keys: BTreeMap<String, Binding>,
    theme: ThemeFile,
    reader: ReaderFile,
}

#[derive(Debug, Default)]
struct ThemeFile {
    person: Option<Color>,
    place: Option<Color>,
    organization: Option<Color>,
    date: Option<Color>,
    accent: Option<Color>,
}

#[derive(Debug, Default)]
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

impl Theme {
    /// The theme with every 24-bit colour (`#ff8800` in the config) made the nearest of
    /// the 256-colour palette, for a terminal that does not say it draws 24-bit colour
    /// (trial 53: they were sent as they were, which such a terminal shows wrongly).
    #[must_use]
    pub fn in_palette(self) -> Self {
        let fix = |s: Style| Style {
            fg: s.fg.map(palette),
            bg: s.bg.map(palette),
            ..s
        };
        Self {
            person: fix(self.person),
            place: fix(self.place),
            organization: fix(self.organization),
            date: fix(self.date),
            accent: fix(self.accent),
            selected: fix(self.selected),
            dim: fix(self.dim),
            emphasis: fix(self.emphasis),
            search: fix(self.search),
            unread: fix(self.unread),
        }
    }
}

/// `c` as the nearest colour of the xterm 256-colour palette, if it is a 24-bit one: the
/// nearer of its 6x6x6 cube and its grey ramp.
fn palette(c: Color) -> Color {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let Color::Rgb(r, g, b) = c else {
        return c;
    };
    let level = |v: u8| {
        (0..6u8)
            .min_by_key(|&i| LEVELS[usize::from(i)].abs_diff(v))
            .unwrap_or(0)
    };
    let distance = |(x, y, z): (u8, u8, u8)| {
        [(x, r), (y, g), (z, b)]
            .iter()
            .map(|&(a, v)| u32::from(a.abs_diff(v)).pow(2))
            .sum::<u32>()
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (
        LEVELS[usize::from(ri)],
        LEVELS[usize::from(gi)],
        LEVELS[usize::from(bi)],
    );
    let mean = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let step = u8::try_from(mean.saturating_sub(3) / 10)
        .unwrap_or(23)
        .min(23);
    let grey = 8 + 10 * step;
    if distance((grey, grey, grey)) < distance(cube) {
        Color::Indexed(232 + step)
    } else {
        Color::Indexed(16 + 36 * ri + 6 * gi + bi)
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
        // Key names and actions were checked in `parse`, so merging cannot fail here.
        let _ = keymap.merge(Table::Browse, &file.keys);
        let _ = keymap.merge(Table::Prompt, &file.prompt_keys);
        Self {
            keymap,
            theme: Theme::new(&file.theme, color),
            max_width: file.reader.max_width.unwrap_or(90).max(MIN_WIDTH),
            width_model: file.reader.width_model.and_then(|n| n.parse().ok()),
        }
    }

    /// Parses a config file's text strictly: any bad entry is an error saying what is
    /// wrong and where.
    pub fn parse(text: &str, color: bool) -> Result<Self, String> {
        let (config, problems) = Self::parse_lenient(text, color);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems.join("; "))
        }
    }

    /// Parses a config file's text keeping every valid entry: each bad one is skipped and
    /// named (line, section and key) in the problems returned. A line that is not TOML is
    /// skipped too (a broken section header, with its section); only text whose faults
    /// cannot be told apart so gives the defaults.
    pub fn parse_lenient(text: &str, color: bool) -> (Self, Vec<String>) {
        let (table, mut problems) = match without_bad_lines(text) {
            Ok(found) => found,
            Err(e) => {
                let problem = format!("{}; {USING_DEFAULTS}", describe(text, &e));
                return (Self::defaults(color), vec![problem]);
            }
        };
        let mut file = File::default();
        for (section, value) in &table {
            let Some(entries) = value.as_table() else {
                let line = line_of(text, None, section);
                problems.push((
                    line,
                    format!(
                        "{}`{section}` is not a section ([keys], [prompt_keys], [theme] or [reader])",
                        prefix(line)
                    ),
                ));
                continue;
            };
            // In the file's order (the table is sorted by name), so that of two spellings
            // of one key the first is kept.
            let mut entries: Vec<_> = entries.iter().collect();
            entries.sort_by_key(|(key, _)| line_of(text, Some(section), key));
            for (key, value) in entries {
                if let Err(e) = entry(&mut file, section, key, value) {
                    let line = line_of(text, Some(section), key);
                    problems.push((line, format!("{}[{section}] {key}: {e}", prefix(line))));
                }
            }
        }
        // In the file's order (the table is sorted by name).
        problems.sort_by_key(|(line, _)| *line);
        let mut problems: Vec<String> = problems.into_iter().map(|(_, p)| p).collect();
        let mut config = Self::from_file(file, color);
        problems.extend(config.keymap.keep_ways_out());
        (config, problems)
    }

    /// Loads `path` (or the default location when `None`). A missing default file is
    /// normal; any other problem is returned beside what could be read, for the warnings.
    pub fn load(path: Option<&Path>, color: bool) -> (Self, Vec<String>) {
        let (path, explicit) = match path {
            Some(p) => (Some(p.to_owned()), true),
            None => (default_path(), false),
        };
        let Some(path) = path else {
            return (Self::defaults(color), Vec::new());
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let (config, problems) = Self::parse_lenient(&text, color);
                let problems = problems
                    .into_iter()
                    .map(|e| {
                        if e.ends_with(USING_DEFAULTS) {
                            format!("{}: {e}", path.display())
                        } else {
                            format!("{}: {e}; the other entries apply", path.display())
                        }
                    })
                    .collect();
                (config, problems)
            }
            Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
                (Self::defaults(color), Vec::new())
            }
            Err(e) => (
                Self::defaults(color),
                vec![format!("{}: {e}; using defaults", path.display())],
            ),
        }
    }
}

/// Takes one `key = value` of `section` into `file`, or says why it cannot.
fn entry(file: &mut File, section: &str, key: &str, value: &toml::Value) -> Result<(), String> {
    let text = || {
        value
            .as_str()
            .ok_or_else(|| "must be text in quotes".to_owned())
    };
    match (section, key) {
        ("keys" | "prompt_keys", _) => {
            let parsed = super::keymap::Key::parse(key)?;
            let name = text()?;
            let (table, bindings) = if section == "keys" {
                (Table::Browse, &mut file.keys)
            } else {
                (Table::Prompt, &mut file.prompt_keys)
            };
            // Two spellings of one key (`ctrl-q`, `Ctrl-q`): the first in the file binds it.
            if let Some(other) = bindings
                .keys()
                .find(|k| super::keymap::Key::parse(k).ok() == Some(parsed))
            {
                return Err(format!("the same key as `{other}` above"));
            }
            let binding = if name == "none" {
                Binding::Unbound(super::keymap::Unbound::None)
            } else {
                let action = toml::Value::String(name.to_owned())
                    .try_into()
                    .map_err(|_| format!("unknown action `{name}` (the help lists them)"))?;
                table.accepts(action)?;
                Binding::Action(action)
            };
            bindings.insert(key.to_owned(), binding);
        }
        ("theme", "person" | "place" | "organization" | "date" | "accent") => {
            let color: Color = value.clone().try_into().map_err(|_| {
                format!(
                    "{} is not a colour (a name such as red, or #rrggbb)",
                    shown(value)
                )
            })?;
            let slot = match key {
                "person" => &mut file.theme.person,
                "place" => &mut file.theme.place,
                "organization" => &mut file.theme.organization,
                "date" => &mut file.theme.date,
                _ => &mut file.theme.accent,
            };
            *slot = Some(color);
        }
        ("reader", "max_width") => {
            let n = value
                .as_integer()
                .and_then(|n| u16::try_from(n).ok())
                .ok_or_else(|| format!("{} is not a width in columns", shown(value)))?;
            if n < MIN_WIDTH {
                return Err(format!(
                    "{n} is too narrow for a line of text: at least {MIN_WIDTH} columns"
                ));
            }
            file.reader.max_width = Some(n);
        }
        ("reader", "width_model") => {
            let name = text()?;
            name.parse::<WidthModel>().map_err(|e| e.to_string())?;
            file.reader.width_model = Some(name.to_owned());
        }
        ("theme" | "reader", _) => return Err("unknown setting".to_owned()),
        _ => {
            return Err("unknown section ([keys], [prompt_keys], [theme] or [reader])".to_owned());
        }
    }
    Ok(())
}

/// A value as a message quotes it.
fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("`{s}`"),
        toml::Value::Integer(n) => n.to_string(),
        other => format!("a {}", other.type_str()),
    }
}

/// How a problem that leaves nothing of the file to use ends.
const USING_DEFAULTS: &str = "the defaults are used";

/// `$XDG_CONFIG_HOME/khabar/config.toml`, falling back to `~/.config`.
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::config_dir().map(|d| d.join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn a_24_bit_colour_becomes_the_nearest_of_the_palette() {
        assert_eq!(palette(Color::Rgb(255, 136, 0)), Color::Indexed(208));
        assert_eq!(palette(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(palette(Color::Rgb(255, 255, 255)), Color::Indexed(231));
        assert_eq!(palette(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(palette(Color::Rgb(95, 135, 175)), Color::Indexed(67));
        assert_eq!(palette(Color::Yellow), Color::Yellow);
        let c = Config::parse("[theme]\nperson = \"#ff8800\"\n", true).unwrap();
        assert_eq!(c.theme.person.fg, Some(Color::Rgb(255, 136, 0)));
        let theme = c.theme.in_palette();
        assert_eq!(theme.person.fg, Some(Color::Indexed(208)));
        assert_eq!(theme.search, Config::defaults(true).theme.search);
    }

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
        let (c, problems) = Config::load(Some(&path), true);
        assert_eq!(c.keymap, Keymap::default());
        let problem = &problems[0];
        assert!(
            problem.contains("config.toml") && problem.contains("line 1"),
            "{problem}"
        );
    }

    /// A line that is not TOML is skipped and named, and so is a broken section header
    /// with its section: the other entries apply, as the message says.
    #[test]
    fn lines_that_are_not_toml_are_skipped_and_the_rest_applies() {
        let text = "[keys]\nQ = \"quit\"\nx = quit\nZ = \"toggle_help\"\n[theme\nperson = \"red\"\n[reader]\nmax_width = 70\n";
        let (c, problems) = Config::parse_lenient(text, true);
        let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
        assert_eq!(c.keymap.action(key('Q')), Some(Action::Quit));
        assert_eq!(c.keymap.action(key('Z')), Some(Action::ToggleHelp));
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_ne!(c.keymap.action(x), Some(Action::Quit));
        assert_eq!(c.theme.person, Config::defaults(true).theme.person);
        assert_eq!(c.max_width, 70);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("line 3:") && problems[0].ends_with("the line is skipped"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 5:") && problems[1].ends_with("its section is skipped"),
            "{problems:?}"
        );
    }

    /// Two spellings of one key: the first in the file binds it, the second is named.
    #[test]
    fn a_key_bound_twice_keeps_the_first_and_says_so() {
        let text = "[keys]\nctrl-q = \"quit\"\n\"Ctrl-q\" = \"toggle_help\"\npagedown = \"quit\"\nPgDn = \"bottom\"\n";
        let (c, problems) = Config::parse_lenient(text, true);
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(c.keymap.action(ctrl_q), Some(Action::Quit));
        let pgdn = KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(c.keymap.action(pgdn), Some(Action::Quit));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("line 3: [keys] Ctrl-q: the same key as `ctrl-q`"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 5: [keys] PgDn: the same key as `pagedown`"),
            "{problems:?}"
        );
    }

    #[test]
    fn one_bad_entry_is_named_and_every_valid_one_kept() {
        let text = "[keys]\nx = \"quit\"\nk = \"fly\"\nj = 3\n[theme]\nperson = \"red\"\nplace = \"nocolour\"\n[reader]\nmax_width = 70\n";
        let (c, problems) = Config::parse_lenient(text, true);
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(c.keymap.action(x), Some(Action::Quit));
        assert_eq!(c.theme.person.fg, Some(Color::Red));
        assert_eq!(c.max_width, 70);
        // `k` keeps its default, the bad entries are each named with their line.
        let k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE);
        assert_eq!(c.keymap.action(k), Some(Action::Up));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("line 3: [keys] k: unknown action `fly`"),
            "{problems:?}"
        );
        assert!(problems[1].starts_with("line 4: [keys] j:"), "{problems:?}");
        assert!(
            problems[2].starts_with("line 7: [theme] place:"),
            "{problems:?}"
        );
    }

    #[test]
    fn prompt_keys_rebind_prompts_only() {
        let text = "[keys]\nz = \"prompt_accept\"\n[prompt_keys]\nctrl-g = \"prompt_cancel\"\nctrl-o = \"open\"\n";
        let (c, problems) = Config::parse_lenient(text, true);
        let g = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(c.keymap.prompt_action(g), Some(Action::PromptCancel));
        assert_eq!(c.keymap.action(g), None);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("line 2: [keys] z:") && problems[0].contains("[prompt_keys]"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 5: [prompt_keys] ctrl-o:"),
            "{problems:?}"
        );
    }

    /// Trial 43: a file that unbound every way out left a search prompt that neither
    /// Esc, Enter nor Ctrl-c closed, and no warning.
    #[test]
    fn the_ways_out_stay_bound() {
        let text = "[keys]\nq = \"none\"\nctrl-c = \"none\"\n[prompt_keys]\nesc = \"none\"\nenter = \"none\"\nctrl-c = \"none\"\n";
        let (c, problems) = Config::parse_lenient(text, true);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(c.keymap.action(q), Some(Action::Quit));
        assert_eq!(c.keymap.prompt_action(esc), Some(Action::PromptCancel));
        assert_eq!(c.keymap.prompt_action(enter), Some(Action::PromptAccept));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("`quit`"), "{problems:?}");
        // Rebinding q elsewhere is fine while another key quits.
        let (c, problems) = Config::parse_lenient("[keys]\nq = \"top\"\nx = \"quit\"\n", true);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.keymap.action(q), Some(Action::Top));
    }

    /// Trial 43: keys no terminal sends as written were taken, shown in the help, and
    /// never ran (Ctrl-i arrives as Tab); a tab or space typed as the key itself showed
    /// with no name.
    #[test]
    fn keys_that_cannot_arrive_are_named_and_typed_characters_are_their_keys() {
        for (name, says) in [
            ("ctrl-i", "`tab`"),
            ("ctrl-m", "`enter`"),
            ("ctrl-shift-i", "`tab`"),
            ("ctrl-alt-m", "`alt-enter`"),
            ("shift-1", "shifted character"),
            ("f0", "f1 to f24"),
            ("f99", "f1 to f24"),
        ] {
            let (_, problems) = Config::parse_lenient(&format!("[keys]\n{name} = \"top\"\n"), true);
            assert!(
                problems.len() == 1 && problems[0].contains(says),
                "{name}: {problems:?}"
            );
        }
        let (c, problems) =
            Config::parse_lenient("[keys]\n\"\\t\" = \"top\"\n\" \" = \"bottom\"\n", true);
        assert!(problems.is_empty(), "{problems:?}");
        // Ctrl-Shift on a letter is Ctrl on it, as terminals send it.
        let (cy, py) = Config::parse_lenient("[keys]\nctrl-shift-y = \"top\"\n", true);
        assert!(py.is_empty(), "{py:?}");
        let ctrl_y = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL);
        assert_eq!(cy.keymap.action(ctrl_y), Some(Action::Top));
        let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(c.keymap.action(tab), Some(Action::Top));
        assert_eq!(c.keymap.action(space), Some(Action::Bottom));
    }

    #[test]
    fn a_width_too_narrow_for_text_is_named() {
        for n in [0, 3, 19] {
            let (c, problems) =
                Config::parse_lenient(&format!("[reader]\nmax_width = {n}\n"), true);
            assert!(
                problems.len() == 1 && problems[0].contains("at least 20"),
                "{problems:?}"
            );
            assert_eq!(c.max_width, 90);
        }
    }

    #[test]
    fn no_color_keeps_emphasis_without_colours() {
        let t = Config::defaults(false).theme;
        assert_eq!(t.person.fg, None);
        assert!(t.date.add_modifier.contains(Modifier::UNDERLINED));
    }
}
