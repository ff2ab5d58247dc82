//! Key bindings: the defaults shipped in the binary (`assets/keymap.toml`) with a user's
//! overrides merged over them key by key.
//!
//! Two tables: one for browsing (`[keys]`) and one for while a prompt has the keyboard
//! (`[prompt_keys]`), where a key bound to nothing types itself. Every hint on screen
//! names its keys through [`Keymap::label`] and friends, so a rebinding shows at once.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

/// `KeyCode` without the variants keys can't be bound to, made orderable for the help list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(&'static str),
}

const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("esc", KeyCode::Esc),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

impl Key {
    /// The key a terminal event stands for, or `None` for keys that can't be bound.
    pub fn from_event(event: KeyEvent) -> Option<Self> {
        let m = event.modifiers;
        let mut shift = m.contains(KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(' ') => KeyCodeOrd::Named("space"),
            KeyCode::Char(c) => {
                // The character already says whether shift was held (`G`, `?`).
                shift = false;
                KeyCodeOrd::Char(if m.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                shift = true;
                KeyCodeOrd::Named("tab")
            }
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMES.iter().find(|(_, c)| *c == other)?.0),
        };
        Some(Self {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift,
        })
    }

    /// Parses `j`, `G`, `?`, `enter`, `ctrl-l`, `shift-tab`, `alt-j`, `f1`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut key = Self {
            code: KeyCodeOrd::Char(' '),
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                key.ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                key.alt = true;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                key.shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let single = (chars.next(), chars.next());
        // Ctrl with Shift on a letter sends what Ctrl alone does: `ctrl-shift-a` is `ctrl-a`.
        if key.ctrl && key.shift && matches!(single, (Some(c), None) if c.is_alphabetic()) {
            key.shift = false;
        }
        key.code = match single {
            (Some(c), None) if key.shift && c.is_alphabetic() => {
                key.shift = false;
                KeyCodeOrd::Char(c.to_uppercase().next().unwrap_or(c))
            }
            // Written as the character a key sends: the key's name, as events name it.
            (Some(' '), None) => KeyCodeOrd::Named("space"),
            (Some('\t'), None) => KeyCodeOrd::Named("tab"),
            (Some('\r' | '\n'), None) => KeyCodeOrd::Named("enter"),
            (Some('\u{1b}'), None) => KeyCodeOrd::Named("esc"),
            (Some(c), None) if c.is_control() => {
                return Err(format!(
                    "`{}` is a control character: name the key (ctrl-x, tab)",
                    c.escape_default()
                ));
            }
            // A terminal sends the shifted character, never Shift with this one.
            (Some(_), None) if key.shift => {
                return Err(format!(
                    "`{s}` never reaches khabar: terminals send the shifted character; write that instead (for shift-1, `!`)"
                ));
            }
            // One code for both: Ctrl-i is Tab, Ctrl-m is Enter, Ctrl-[ is Esc (with Alt,
            // Alt-Tab and so on).
            (Some(c @ ('i' | 'I' | 'm' | 'M' | '[')), None) if key.ctrl => {
                let same = match c {
                    'i' | 'I' => "tab",
                    'm' | 'M' => "enter",
                    _ => "esc",
                };
                let same = if key.alt {
                    format!("alt-{same}")
                } else {
                    same.to_owned()
                };
                return Err(format!(
                    "`{s}` reaches khabar as `{same}` (terminals send one code for both): bind `{same}`"
                ));
            }
            (Some(c), None) => KeyCodeOrd::Char(if key.ctrl { c.to_ascii_lowercase() } else { c }),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=24).contains(&n) {
                        return Err(format!("no key `{s}`: function keys are f1 to f24"));
                    }
                    KeyCodeOrd::F(n)
                } else if lower == "pgdn" || lower == "pgup" {
                    // As the help spells them, so every name it shows can be written back.
                    KeyCodeOrd::Named(if lower == "pgdn" {
                        "pagedown"
                    } else {
                        "pageup"
                    })
                } else if lower == "backtab" {
                    key.shift = true;
                    KeyCodeOrd::Named("tab")
                } else {
                    let name = NAMES
                        .iter()
                        .find(|(n, _)| *n == lower)
                        .ok_or_else(|| format!("unknown key `{s}`"))?;
                    KeyCodeOrd::Named(name.0)
                }
            }
        };
        Ok(key)
    }
}

impl Key {
    /// The terminal event for this key, for driving the app from key strings in tests and
    /// scripts.
    pub fn event(self) -> KeyEvent {
        let mut m = KeyModifiers::NONE;
        m.set(KeyModifiers::CONTROL, self.ctrl);
        m.set(KeyModifiers::ALT, self.alt);
        m.set(KeyModifiers::SHIFT, self.shift);
        let code = match self.code {
            KeyCodeOrd::Char(c) => KeyCode::Char(c),
            KeyCodeOrd::F(n) => KeyCode::F(n),
            KeyCodeOrd::Named("tab") if self.shift => KeyCode::BackTab,
            KeyCodeOrd::Named(n) => NAMES
                .iter()
                .find(|(name, _)| *name == n)
                .map_or(KeyCode::Null, |(_, c)| *c),
        };
        KeyEvent::new(code, m)
    }
}

impl Key {
    /// The key as hints name it: like [`Key`]'s `Display` (the help's spelling), but the
    /// arrows as arrows, which is shorter and what the hints have always shown.
    pub fn label(self) -> String {
        let arrow = match self.code {
            KeyCodeOrd::Named("left") => "←",
            KeyCodeOrd::Named("right") => "→",
            KeyCodeOrd::Named("up") => "↑",
            KeyCodeOrd::Named("down") => "↓",
            _ => return self.to_string(),
        };
        let bare = Self {
            code: KeyCodeOrd::Char(' '),
            ..self
        };
        // The modifiers as `Display` writes them, then the arrow for the space.
        let prefix = bare.to_string();
        format!("{}{arrow}", &prefix[..prefix.len() - 1])
    }

    fn is_arrow(self) -> bool {
        !(self.ctrl || self.alt || self.shift)
            && matches!(
                self.code,
                KeyCodeOrd::Named("left" | "right" | "up" | "down")
            )
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named("pagedown") => f.write_str("PgDn"),
            KeyCodeOrd::Named("pageup") => f.write_str("PgUp"),
            KeyCodeOrd::Named(n) => {
                let mut chars = n.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_ascii_uppercase())
                    .unwrap_or_default();
                write!(f, "{first}{}", chars.as_str())
            }
        }
    }
}

/// Which action each key runs, while browsing and in a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<Key, Action>,
    prompt: BTreeMap<Key, Action>,
}

/// Which of the keymap's tables a binding goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `[keys]`: while browsing the panes (and in the help and warnings views).
    Browse,
    /// `[prompt_keys]`: while a prompt has the keyboard.
    Prompt,
}

impl Table {
    /// Whether `action` may be bound in this table, or why not.
    pub fn accepts(self, action: Action) -> Result<(), String> {
        match self {
            Self::Browse if action.prompt_only() => Err(format!(
                "`{}` acts in prompts: bind it under [prompt_keys]",
                action.name()
            )),
            Self::Prompt if !action.in_prompt() => Err(format!(
                "`{}` does nothing in a prompt (prompt_* actions, quit, redraw, suspend do)",
                action.name()
            )),
            _ => Ok(()),
        }
    }
}

/// A binding's value in TOML: an action name, or `none` to unbind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(untagged)]
pub enum Binding {
    Action(Action),
    Unbound(Unbound),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unbound {
    None,
}

#[derive(serde::Deserialize)]
struct KeymapFile {
    keys: BTreeMap<String, Binding>,
    #[serde(default)]
    prompt_keys: BTreeMap<String, Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let file: KeymapFile = toml::from_str(DEFAULT).expect("assets/keymap.toml is valid");
        let mut map = Self {
            bindings: BTreeMap::new(),
            prompt: BTreeMap::new(),
        };
        map.merge(Table::Browse, &file.keys)
            .expect("default keys parse");
        map.merge(Table::Prompt, &file.prompt_keys)
            .expect("default prompt keys parse");
        map
    }
}

impl Keymap {
    /// Applies `overrides` to `table` key by key: each named key gets the new action, or
    /// loses its binding for `none`; every other key keeps its default.
    pub fn merge(
        &mut self,
        table: Table,
        overrides: &BTreeMap<String, Binding>,
    ) -> Result<(), String> {
        for (name, binding) in overrides {
            let key = Key::parse(name)?;
            let map = match table {
                Table::Browse => &mut self.bindings,
                Table::Prompt => &mut self.prompt,
            };
            match binding {
                Binding::Action(a) => {
                    table.accepts(*a)?;
                    map.insert(key, *a)
                }
                Binding::Unbound(Unbound::None) => map.remove(&key),
            };
        }
        Ok(())
    }

    /// Gives back the default keys of the ways out a configuration unbound (quitting;
    /// cancelling and accepting a prompt), so no configuration can leave the user with
    /// only `kill`; says which, for the warnings. A default key bound to something else
    /// since is taken back only when no other is free.
    pub fn keep_ways_out(&mut self) -> Vec<String> {
        let defaults = Self::default();
        let mut notes = Vec::new();
        for (table, action) in [
            (Table::Browse, Action::Quit),
            (Table::Prompt, Action::PromptCancel),
            (Table::Prompt, Action::PromptAccept),
        ] {
            let (map, old) = match table {
                Table::Browse => (&mut self.bindings, &defaults.bindings),
                Table::Prompt => (&mut self.prompt, &defaults.prompt),
            };
            if map.values().any(|a| *a == action) {
                continue;
            }
            let keys: Vec<Key> = old
                .iter()
                .filter(|(_, a)| **a == action)
                .map(|(k, _)| *k)
                .collect();
            let free: Vec<Key> = keys
                .iter()
                .copied()
                .filter(|k| !map.contains_key(k))
                .collect();
            let given = if free.is_empty() {
                keys.first().copied().into_iter().collect()
            } else {
                free
            };
            for k in &given {
                map.insert(*k, action);
            }
            let names: Vec<String> = given.iter().map(ToString::to_string).collect();
            notes.push(format!(
                "[{}] nothing was bound to `{}` ({}): {} {} bound to it again",
                match table {
                    Table::Browse => "keys",
                    Table::Prompt => "prompt_keys",
                },
                action.name(),
                action.describe(),
                names.join(", "),
                if names.len() == 1 { "is" } else { "are" }
            ));
        }
        notes
    }

    /// The browsing action `event` runs.
    pub fn action(&self, event: KeyEvent) -> Option<Action> {
        self.bindings.get(&Key::from_event(event)?).copied()
    }

    /// The key without Alt, when `event` is Alt and a key bound to nothing: Esc and the key
    /// that came at once (a slow link, a quick typist) reach crossterm as one Alt key
    /// (trial 53: Esc then `S` was read as Alt-S, and the Esc was lost).
    /// Only a typed character is split: Alt with an arrow, Enter or Backspace is a key of
    /// its own (Option-arrows on macOS), never Esc run together with it.
    pub fn esc_then(&self, event: KeyEvent) -> Option<KeyEvent> {
        let typed = matches!(event.code, KeyCode::Char(_))
            && !event.modifiers.contains(KeyModifiers::CONTROL);
        (typed && event.modifiers.contains(KeyModifiers::ALT) && self.action(event).is_none()).then(
            || KeyEvent {
                modifiers: event.modifiers - KeyModifiers::ALT,
                ..event
            },
        )
    }

    /// The action `event` runs in a prompt, if any; a key bound to nothing there types
    /// itself. Shift or Alt on a key bound without them is the bare key (Shift-Enter
    /// applies, Alt-Backspace deletes), as prompts have always taken them; Ctrl is not.
    pub fn prompt_action(&self, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        self.prompt.get(&key).copied().or_else(|| {
            if key.ctrl || !(key.shift || key.alt) {
                return None;
            }
            let bare = Key {
                shift: false,
                alt: false,
                ..key
            };
            self.prompt.get(&bare).copied()
        })
    }

    /// The keys bound to `action`, in the table it acts in (the prompt table for the
    /// `Prompt…` actions), for help and hints.
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        let map = if action.prompt_only() {
            &self.prompt
        } else {
            &self.bindings
        };
        map.iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// Every binding of `table`, in key order.
    pub fn bindings(&self, table: Table) -> impl Iterator<Item = (Key, Action)> + '_ {
        match table {
            Table::Browse => &self.bindings,
            Table::Prompt => &self.prompt,
        }
        .iter()
        .map(|(k, a)| (*k, *a))
    }

    fn shortest(&self, action: Action) -> Option<Key> {
        // The first of the shortest: `j` rather than `Down`, `?` rather than `F1`.
        self.keys_for(action)
            .into_iter()
            .min_by_key(|k| k.label().chars().count())
    }

    /// How hints name the key for `action`: its shortest key (`Esc`, `x`, `?`), or `None`
    /// when nothing is bound to it.
    pub fn label(&self, action: Action) -> Option<String> {
        self.shortest(action).map(Key::label)
    }

    /// Two actions' keys as one hint names them: `j/k`, or `←→` for two arrows; one alone
    /// when the other is unbound.
    pub fn pair(&self, a: Action, b: Action) -> Option<String> {
        match (self.shortest(a), self.shortest(b)) {
            (Some(x), Some(y)) if x.is_arrow() && y.is_arrow() => {
                Some(format!("{}{}", x.label(), y.label()))
            }
            (Some(x), Some(y)) => Some(format!("{}/{}", x.label(), y.label())),
            (x, y) => x.or(y).map(Key::label),
        }
    }

    /// Several actions' keys as alternatives: `w or Esc`.
    pub fn either(&self, actions: &[Action]) -> Option<String> {
        let labels: Vec<String> = actions.iter().filter_map(|&a| self.label(a)).collect();
        (!labels.is_empty()).then(|| labels.join(" or "))
    }

    /// A hint line: each part's keys (one action, or a pair as [`Keymap::pair`] names
    /// them), `between`, then its words, the parts joined with ` · `. A part whose keys
    /// are all unbound is left out, so a hint never names a key that does nothing.
    pub fn hint(&self, parts: &[(&[Action], &str)], between: &str) -> String {
        parts
            .iter()
            .filter_map(|(actions, words)| {
                let keys = match actions {
                    [a, b] => self.pair(*a, *b),
                    _ => self.either(actions),
                }?;
                Some(if words.is_empty() {
                    keys
                } else {
                    format!("{keys}{between}{words}")
                })
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn defaults_cover_the_documented_keys() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(k.action(ev(KeyCode::Char('q'), none)), Some(Action::Quit));
        assert_eq!(
            k.action(ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            k.action(ev(KeyCode::Char(' '), none)),
            Some(Action::PageDown)
        );
        assert_eq!(
            k.action(ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(k.action(ev(KeyCode::PageUp, none)), Some(Action::PageUp));
        assert_eq!(
            k.action(ev(KeyCode::Char('x'), none)),
            Some(Action::ClearFilters)
        );
        assert_eq!(k.action(ev(KeyCode::Char('z'), none)), None);
    }

    #[test]
    fn every_action_has_a_default_key() {
        let k = Keymap::default();
        for a in Action::ALL {
            assert!(!k.keys_for(a).is_empty(), "{a:?} has no key");
        }
    }

    #[test]
    fn overrides_merge_key_by_key() {
        let mut k = Keymap::default();
        let overrides: KeymapFile =
            toml::from_str("[keys]\nx = \"quit\"\nq = \"none\"\nctrl-j = \"down\"").unwrap();
        k.merge(Table::Browse, &overrides.keys).unwrap();
        assert_eq!(
            k.action(ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(k.action(ev(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        assert_eq!(
            k.action(ev(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            Some(Action::Down)
        );
        // Untouched defaults remain.
        assert_eq!(
            k.action(ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
    }

    #[test]
    fn every_prompt_action_has_a_default_key_in_the_prompt_table() {
        let k = Keymap::default();
        for a in Action::PROMPT {
            assert!(!k.keys_for(a).is_empty(), "{a:?} has no key");
            assert!(Table::Browse.accepts(a).is_err(), "{a:?}");
        }
        for (_, a) in k.bindings(Table::Prompt) {
            assert!(a.in_prompt(), "{a:?} bound in the prompt table");
        }
        for (_, a) in k.bindings(Table::Browse) {
            assert!(!a.prompt_only(), "{a:?} bound in the browse table");
        }
    }

    #[test]
    fn prompt_keys_are_their_own_table() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(k.action(ev(KeyCode::Esc, none)), Some(Action::Back));
        assert_eq!(
            k.prompt_action(ev(KeyCode::Esc, none)),
            Some(Action::PromptCancel)
        );
        assert_eq!(k.prompt_action(ev(KeyCode::Char('j'), none)), None);
        // Shift and Alt fall back to the bare key; Ctrl does not.
        assert_eq!(
            k.prompt_action(ev(KeyCode::Enter, KeyModifiers::SHIFT)),
            Some(Action::PromptAccept)
        );
        assert_eq!(
            k.prompt_action(ev(KeyCode::Backspace, KeyModifiers::ALT)),
            Some(Action::PromptDeleteChar)
        );
        assert_eq!(
            k.prompt_action(ev(KeyCode::Enter, KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(
            k.prompt_action(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PromptPrevKind)
        );
        assert_eq!(
            k.prompt_action(ev(KeyCode::Char('u'), KeyModifiers::CONTROL)),
            Some(Action::PromptClear)
        );
    }

    #[test]
    fn labels_follow_rebinding() {
        let mut k = Keymap::default();
        assert_eq!(k.label(Action::Back).as_deref(), Some("Esc"));
        assert_eq!(k.label(Action::ToggleHelp).as_deref(), Some("?"));
        assert_eq!(k.pair(Action::Down, Action::Up).as_deref(), Some("j/k"));
        assert_eq!(
            k.pair(Action::PromptLeft, Action::PromptRight).as_deref(),
            Some("←→")
        );
        assert_eq!(
            k.either(&[Action::Warnings, Action::Back]).as_deref(),
            Some("w or Esc")
        );
        let file: KeymapFile = toml::from_str(
            "[keys]\nesc = \"none\"\nf2 = \"back\"\nj = \"none\"\n[prompt_keys]\nctrl-g = \"prompt_cancel\"\nalt-left = \"prompt_left\"",
        )
        .unwrap();
        k.merge(Table::Browse, &file.keys).unwrap();
        k.merge(Table::Prompt, &file.prompt_keys).unwrap();
        assert_eq!(k.label(Action::Back).as_deref(), Some("F2"));
        // `j` unbound: the arrow is what is left.
        assert_eq!(k.pair(Action::Down, Action::Up).as_deref(), Some("↓/k"));
        // Esc is still bound in the prompt table, and the shorter name.
        assert_eq!(k.label(Action::PromptCancel).as_deref(), Some("Esc"));
        assert_eq!(
            k.pair(Action::PromptLeft, Action::PromptRight).as_deref(),
            Some("←→")
        );
        k.merge(
            Table::Prompt,
            &toml::from_str::<KeymapFile>("[keys]\n[prompt_keys]\nesc = \"none\"\nleft = \"none\"")
                .unwrap()
                .prompt_keys,
        )
        .unwrap();
        assert_eq!(k.label(Action::PromptCancel).as_deref(), Some("Ctrl-g"));
        assert_eq!(
            k.pair(Action::PromptLeft, Action::PromptRight).as_deref(),
            Some("Alt-←/→")
        );
        assert_eq!(
            k.hint(
                &[
                    (&[Action::PromptAccept], "open"),
                    (&[Action::PromptClear, Action::PromptNextKind], ""),
                ],
                " "
            ),
            "Enter open · Ctrl-u/Tab"
        );
        // A part whose keys are all unbound is left out.
        let mut bare = Keymap::default();
        bare.merge(
            Table::Browse,
            &toml::from_str::<KeymapFile>("[keys]\nx = \"none\"")
                .unwrap()
                .keys,
        )
        .unwrap();
        assert_eq!(bare.label(Action::ClearFilters), None);
        assert_eq!(
            bare.hint(
                &[(&[Action::Back], "last"), (&[Action::ClearFilters], "all")],
                " "
            ),
            "Esc last"
        );
    }

    #[test]
    fn tables_refuse_actions_that_act_in_the_other() {
        let mut k = Keymap::default();
        let file: KeymapFile = toml::from_str("[keys]\nz = \"prompt_accept\"").unwrap();
        let err = k.merge(Table::Browse, &file.keys).unwrap_err();
        assert!(err.contains("[prompt_keys]"), "{err}");
        let file: KeymapFile = toml::from_str("[keys]\n[prompt_keys]\nctrl-o = \"open\"").unwrap();
        assert!(k.merge(Table::Prompt, &file.prompt_keys).is_err());
    }

    #[test]
    fn every_name_the_help_shows_parses_back() {
        let k = Keymap::default();
        for table in [Table::Browse, Table::Prompt] {
            for (key, _) in k.bindings(table) {
                assert_eq!(Key::parse(&key.to_string()), Ok(key), "{key}");
            }
        }
    }

    #[test]
    fn bad_key_names_are_reported() {
        assert!(Key::parse("ctrl-").is_err());
        assert_eq!(Key::parse("hyper-x").unwrap_err(), "unknown key `hyper-x`");
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        assert_eq!(Key::parse("ctrl-l").unwrap().to_string(), "Ctrl-l");
        assert_eq!(Key::parse("pagedown").unwrap().to_string(), "PgDn");
    }
}
