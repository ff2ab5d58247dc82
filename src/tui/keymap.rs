//! Key bindings: the defaults shipped in the binary (`assets/keymap.toml`) with a user's
//! overrides merged over them key by key.

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
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if key.shift && c.is_alphabetic() => {
                key.shift = false;
                KeyCodeOrd::Char(c.to_uppercase().next().unwrap_or(c))
            }
            (Some(c), None) => KeyCodeOrd::Char(if key.ctrl { c.to_ascii_lowercase() } else { c }),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    KeyCodeOrd::F(n)
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

/// Which action each key runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<Key, Action>,
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
}

impl Default for Keymap {
    fn default() -> Self {
        let file: KeymapFile = toml::from_str(DEFAULT).expect("assets/keymap.toml is valid");
        let mut map = Self {
            bindings: BTreeMap::new(),
        };
        map.merge(&file.keys).expect("default keys parse");
        map
    }
}

impl Keymap {
    /// Applies `overrides` key by key: each named key gets the new action, or loses its
    /// binding for `none`; every other key keeps its default.
    pub fn merge(&mut self, overrides: &BTreeMap<String, Binding>) -> Result<(), String> {
        for (name, binding) in overrides {
            let key = Key::parse(name)?;
            match binding {
                Binding::Action(a) => self.bindings.insert(key, *a),
                Binding::Unbound(Unbound::None) => self.bindings.remove(&key),
            };
        }
        Ok(())
    }

    pub fn action(&self, event: KeyEvent) -> Option<Action> {
        self.bindings.get(&Key::from_event(event)?).copied()
    }

    /// The keys bound to `action`, for help and hints.
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect()
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
        k.merge(&overrides.keys).unwrap();
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
    fn bad_key_names_are_reported() {
        assert!(Key::parse("ctrl-").is_err());
        assert_eq!(Key::parse("hyper-x").unwrap_err(), "unknown key `hyper-x`");
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        assert_eq!(Key::parse("ctrl-l").unwrap().to_string(), "Ctrl-l");
        assert_eq!(Key::parse("pagedown").unwrap().to_string(), "PgDn");
    }
}
