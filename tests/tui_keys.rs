//! Keys and hints from one table: every hint on screen names the keys the keymap has, so a
//! rebinding in `config.toml` shows in the hints at once, and the prompts obey their own
//! table (the `prompt_*` actions) rather than fixed keys.

#[path = "support/drive.rs"]
mod drive;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use drive::{press, rows, seeds_app_with, type_text};
use khabar::tui::action::Action;
use khabar::tui::app::App;
use khabar::tui::config::Config;
use khabar::tui::keymap::{Keymap, Table};
use khabar::tui::modal::Modal;

fn text_of(app: &App) -> String {
    rows(app).join("\n")
}

/// The row holding `needle`.
fn row_with(app: &App, needle: &str) -> String {
    let rows = rows(app);
    rows.iter()
        .find(|r| r.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no {needle:?} on screen:\n{}", rows.join("\n")))
}

/// The text inside the box whose top border holds `title`, its rows joined by spaces with
/// runs of spaces made one, so text wrapped in the box reads as one line.
fn box_text(app: &App, title: &str) -> String {
    let rows = rows(app);
    let (top, line) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains(title))
        .unwrap_or_else(|| panic!("no box titled {title:?}:\n{}", rows.join("\n")));
    let chars: Vec<char> = line.chars().collect();
    let at = line[..line.find(title).unwrap()].chars().count();
    let left = (0..at).rev().find(|&i| chars[i] == '┌').unwrap();
    let right = (at..chars.len()).find(|&i| chars[i] == '┐').unwrap();
    let mut out = String::new();
    for row in &rows[top + 1..] {
        let cells: Vec<char> = row.chars().collect();
        if cells.get(left) == Some(&'└') {
            break;
        }
        let inner: String = cells[left + 1..right].iter().collect();
        // A key name wrapped at its hyphen (`Ctrl-` / `F17`) is one word again.
        let sep = if out.ends_with('-') { "" } else { " " };
        let _ = write!(out, "{sep}{}", inner.trim());
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn status_row(app: &App) -> String {
    rows(app).last().cloned().unwrap_or_default()
}

#[test]
fn rebound_keys_show_in_the_hints_and_drive_the_prompts() {
    let config = Config::parse(
        "[keys]\nesc = \"none\"\nb = \"back\"\nx = \"none\"\nK = \"clear_filters\"\n\
         [prompt_keys]\nesc = \"none\"\nctrl-g = \"prompt_cancel\"\nenter = \"none\"\n\
         ctrl-o = \"prompt_accept\"\ntab = \"none\"\nctrl-t = \"prompt_next_kind\"\n",
        false,
    )
    .unwrap();
    let mut a = seeds_app_with(config, 79, 30, 5);

    // The picker names the prompt keys, and Esc (unbound in prompts) no longer closes it.
    press(&mut a, "p");
    let text = text_of(&a);
    assert!(
        text.contains(" People (Ctrl-t: kind · Ctrl-o: filter · Ctrl-g) "),
        "{text}"
    );
    press(&mut a, "esc enter tab");
    assert!(
        matches!(
            a.modal,
            Some(Modal::Picker {
                kind: khabar::extract::entities::EntityKind::Person,
                ..
            })
        ),
        "{:?}",
        a.modal
    );
    press(&mut a, "ctrl-t");
    assert!(text_of(&a).contains(" Places (Ctrl-t: kind"));
    press(&mut a, "ctrl-g");
    assert!(a.modal.is_none());

    // A search kept as a filter that matches nothing: the empty list names the new keys.
    press(&mut a, "/");
    assert!(
        status_row(&a).contains("article(s) match · Ctrl-o keep · Ctrl-g cancel"),
        "{}",
        status_row(&a)
    );
    type_text(&mut a, "zqxzqxzqx");
    press(&mut a, "enter");
    assert!(a.modal.is_some(), "Enter is unbound in prompts");
    press(&mut a, "ctrl-o");
    assert!(a.modal.is_none() && a.list.visible.is_empty());
    let text = text_of(&a);
    assert!(
        text.contains("No article matches the filters (b removes the last, K all)."),
        "{text}"
    );
    assert!(!text.contains("Esc removes"), "{text}");
    assert!(!text.contains("x all"), "{text}");

    // The rebound keys do what the hint says.
    press(&mut a, "esc");
    assert_eq!(a.list.chips.len(), 1, "Esc is unbound while browsing");
    press(&mut a, "b");
    assert!(a.list.chips.is_empty() && a.list.visible.len() == 5);
    press(&mut a, "/");
    type_text(&mut a, "zqxzqxzqx");
    press(&mut a, "ctrl-o F K");
    assert!(a.list.chips.is_empty(), "{:?}", a.list.chips);
}

/// A config that unbinds every default key and binds each action to a key of its own: F13
/// to F24, then the same with Alt and Shift, while browsing; with Ctrl (never taken for the
/// bare key) in prompts. No default key name is left.
fn all_rebound() -> (Config, BTreeMap<Action, String>) {
    let defaults = Keymap::default();
    let mut text = String::new();
    let mut keys = BTreeMap::new();
    let spare = |prefixes: &'static [&'static str]| {
        prefixes
            .iter()
            .flat_map(|m| (13..=24).map(move |n| format!("{m}F{n}")))
    };
    let mut browse = spare(&["", "Alt-", "Shift-", "Alt-Shift-"]);
    let mut prompt = spare(&["Ctrl-", "Ctrl-Alt-"]);
    for (table, section, actions, spare) in [
        (
            Table::Browse,
            "keys",
            &Action::ALL[..],
            &mut browse as &mut dyn Iterator<Item = String>,
        ),
        (
            Table::Prompt,
            "prompt_keys",
            &Action::PROMPT[..],
            &mut prompt,
        ),
    ] {
        let _ = writeln!(text, "[{section}]");
        for (key, _) in defaults.bindings(table) {
            let _ = writeln!(text, "{:?} = \"none\"", key.to_string());
        }
        // The status bar's hints get the short keys, so that they all fit in its width.
        let hinted = [
            Action::Down,
            Action::Open,
            Action::ToggleStar,
            Action::StarredOnly,
            Action::NextPane,
            Action::ToggleHelp,
            Action::Quit,
            Action::PageDown,
            Action::ToggleRaw,
            Action::NextMention,
        ];
        let mut actions = actions.to_vec();
        actions.sort_by_key(|a| !hinted.contains(a));
        for action in actions {
            let key = spare.next().expect("enough spare keys");
            let _ = writeln!(text, "{key:?} = \"{}\"", action.name());
            keys.insert(action, key);
        }
    }
    (Config::parse(&text, false).unwrap(), keys)
}

/// The names hints gave the default keys (`Esc`, `j`, `←`), to look for where none should be.
fn default_labels() -> Vec<String> {
    let k = Keymap::default();
    let mut labels: Vec<String> = [Table::Browse, Table::Prompt]
        .into_iter()
        .flat_map(|t| {
            k.bindings(t)
                .map(|(key, _)| key.label())
                .collect::<Vec<_>>()
        })
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

/// Panics if `text` (a screen, or the part of it holding hints) names a default key the way
/// hints do: a named key (`Esc`, `Shift-Tab`, `←`) anywhere as a word, a one-character key
/// in a hint's shape (`j/k`, `x all`, `w or`, `(d sets`, `· * star`).
fn assert_no_default_names(text: &str, what: &str) {
    let labels = default_labels();
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
    for label in &labels {
        let one_char = label.chars().count() == 1 && !label.starts_with(['←', '→', '↑', '↓']);
        for (at, _) in text.match_indices(label.as_str()) {
            let before = text[..at].chars().next_back();
            let after_text = &text[at + label.len()..];
            let after = after_text.chars().next();
            if !(boundary(before) && boundary(after)) {
                continue;
            }
            // `article(s)` is a plural, not a key in brackets.
            let plural = before == Some('(')
                && text[..at - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            let hint_shaped = !one_char
                || matches!(before, None | Some('(' | '/' | '\n'))
                || text[..at].ends_with("· ")
                || text[..at].ends_with("or ")
                || after_text.starts_with('/')
                || after_text.starts_with(": ")
                || after_text.starts_with(" or ")
                || after_text.starts_with(')')
                // `x all`, `j move`: a letter, then a word (`a / b` is prose, `* star`
                // is caught by the `· ` before it).
                || (label.chars().all(char::is_alphanumeric)
                    && after_text.starts_with(' ')
                    && after_text[1..].starts_with(|c: char| c.is_ascii_lowercase())
                    && before.is_none_or(|c| c == ' ' || c == '('));
            // `/` opening the search line is its mark, not a key named.
            let search_mark = label == "/" && after_text.contains("article(s) match");
            assert!(
                !hint_shaped || search_mark || plural,
                "{what}: default key `{label}` named at {:?}\n{text}",
                &text[at.saturating_sub(30)..(at + 30).min(text.len())]
            );
        }
    }
}

#[test]
fn every_hint_names_the_rebound_keys_and_no_default_one() {
    let (config, keys) = all_rebound();
    let k = |a: Action| keys[&a].clone();
    let mut a = seeds_app_with(config, 79, 30, 5);
    let go = |a: &mut App, action: Action| press(a, &keys[&action]);

    // Status-bar hints of each pane.
    let status = status_row(&a);
    assert!(
        status.starts_with(&format!(
            "{} move · {} open · {} star",
            k(Action::Down),
            k(Action::Open),
            k(Action::ToggleStar)
        )),
        "{status}"
    );
    assert_no_default_names(&status, "list hints");
    go(&mut a, Action::NextPane);
    let status = status_row(&a);
    assert!(
        status.contains(&format!("{} page", k(Action::PageDown))),
        "{status}"
    );
    assert_no_default_names(&status, "reader hints");
    go(&mut a, Action::NextPane);
    let status = status_row(&a);
    assert!(
        status.contains(&format!("{} next mention", k(Action::NextMention))),
        "{status}"
    );
    assert_no_default_names(&status, "sidebar hints");
    go(&mut a, Action::NextPane);

    // Status messages that name a key.
    go(&mut a, Action::NextMention);
    assert!(
        status_row(&a).contains(&format!("search ({}) first", k(Action::Search))),
        "{}",
        status_row(&a)
    );
    go(&mut a, Action::DateBack);
    assert!(
        status_row(&a).contains(&format!("({} sets one)", k(Action::DateFilter))),
        "{}",
        status_row(&a)
    );
    assert_no_default_names(&status_row(&a), "status message");

    // The person picker.
    go(&mut a, Action::PersonFilter);
    let text = text_of(&a);
    assert!(
        text.contains(&format!(
            " People ({}: kind · {}: filter · {}) ",
            k(Action::PromptNextKind),
            k(Action::PromptAccept),
            k(Action::PromptCancel)
        )),
        "{text}"
    );
    assert_no_default_names(&row_with(&a, " People ("), "picker");
    assert_no_default_names(&box_text(&a, " People ("), "picker");
    go(&mut a, Action::PromptNextKind);
    assert!(text_of(&a).contains(" Places ("));
    go(&mut a, Action::PromptCancel);
    assert!(a.modal.is_none());

    // The date filter, on months and zoomed into days.
    go(&mut a, Action::DateFilter);
    let inside = box_text(&a, " Date filter ");
    for part in [
        format!("{}: filter on dates mentioned", k(Action::PromptNextKind)),
        format!("{}/{} month", k(Action::PromptLeft), k(Action::PromptRight)),
        format!("{} its days", k(Action::PromptDown)),
        format!(
            "{} filter · {} cancel",
            k(Action::PromptAccept),
            k(Action::PromptCancel)
        ),
    ] {
        assert!(inside.contains(&part), "{part:?} not in {inside}");
    }
    // The keys' paragraph, before the forms a range takes.
    let keys_part = |inside: &str| inside[..inside.find(" 2024 · 2024-06").unwrap()].to_owned();
    assert_no_default_names(&keys_part(&inside), "date filter");
    go(&mut a, Action::PromptDown);
    let inside = box_text(&a, " Date filter ");
    assert!(
        inside.contains(&format!(
            "{}/{} day · {} months",
            k(Action::PromptLeft),
            k(Action::PromptRight),
            k(Action::PromptUp)
        )),
        "{inside}"
    );
    assert_no_default_names(&keys_part(&inside), "date filter, days");
    go(&mut a, Action::PromptCancel);

    // The source picker.
    go(&mut a, Action::SourceFilter);
    let text = text_of(&a);
    assert!(
        text.contains(&format!(
            " Sources ({}: filter · {}) ",
            k(Action::PromptAccept),
            k(Action::PromptCancel)
        )),
        "{text}"
    );
    assert_no_default_names(&row_with(&a, " Sources ("), "source picker");
    go(&mut a, Action::PromptCancel);

    // The search line, then the list it empties.
    go(&mut a, Action::Search);
    let status = status_row(&a);
    assert!(
        status.contains(&format!(
            "match · {} keep · {} cancel",
            k(Action::PromptAccept),
            k(Action::PromptCancel)
        )),
        "{status}"
    );
    assert_no_default_names(&status, "search line");
    type_text(&mut a, "zqxzqxzqx");
    go(&mut a, Action::PromptAccept);
    let text = text_of(&a);
    assert!(
        text.contains(&format!(
            "No article matches the filters ({} removes the last, {} all).",
            k(Action::Back),
            k(Action::ClearFilters)
        )),
        "{text}"
    );
    assert_no_default_names(&row_with(&a, "No article matches"), "empty list");
    go(&mut a, Action::ClearFilters);
    assert_eq!(a.list.visible.len(), 5);

    // Related stories: moved with the browsing keys of down and up.
    go(&mut a, Action::Related);
    let inside = box_text(&a, " Related (");
    assert!(
        inside.starts_with(&format!(
            "{}/{} move · {} open · {} close",
            k(Action::Down),
            k(Action::Up),
            k(Action::PromptAccept),
            k(Action::PromptCancel)
        )),
        "{inside}"
    );
    // The first row: the titles below are the articles'.
    assert_no_default_names(
        &row_with(&a, &format!("{}/{} move", k(Action::Down), k(Action::Up))),
        "related",
    );
    go(&mut a, Action::Down);
    assert!(matches!(a.modal, Some(Modal::Related { cursor: 1, .. })));
    go(&mut a, Action::PromptCancel);
    assert!(a.modal.is_none());

    // The export and pipe questions.
    for (action, what) in [(Action::Export, "export"), (Action::Pipe, "pipe")] {
        go(&mut a, action);
        let status = status_row(&a);
        assert!(
            status.contains(&format!(
                "· {} · {}",
                k(Action::PromptAccept),
                k(Action::PromptCancel)
            )),
            "{what}: {status}"
        );
        assert_no_default_names(&status, what);
        go(&mut a, Action::PromptCancel);
        assert!(a.modal.is_none());
    }

    // The warnings view and the help overlay.
    go(&mut a, Action::Warnings);
    let inside = box_text(&a, " Warnings (");
    assert!(
        inside.starts_with(&format!(
            "{}/{} scroll · {} or {} closes",
            k(Action::Down),
            k(Action::Up),
            k(Action::Warnings),
            k(Action::Back)
        )),
        "{inside}"
    );
    assert_no_default_names(&inside, "warnings");
    // The status bar names the view's keys, not the panes' (`*` does nothing here).
    let status = status_row(&a);
    assert!(
        status.contains(&format!("{}/{} scroll", k(Action::Down), k(Action::Up)))
            && status.contains(&format!("{} close", k(Action::Warnings)))
            && !status.contains(&k(Action::ToggleStar)),
        "{status}"
    );
    assert_no_default_names(&status, "warnings status");
    go(&mut a, Action::Back);
    go(&mut a, Action::ToggleHelp);
    let status = status_row(&a);
    assert!(
        status.contains(&format!("{}/{} scroll", k(Action::Down), k(Action::Up)))
            && status.contains(&format!("{}/{} top/end", k(Action::Top), k(Action::Bottom)))
            && status.contains(&format!("{} close", k(Action::ToggleHelp)))
            && !status.contains(&k(Action::ToggleStar)),
        "{status}"
    );
    assert_no_default_names(&status, "help status");
    let text = text_of(&a);
    assert!(
        text.contains(&format!(
            " Keys ({}/{} scroll) — {} or {} closes ",
            k(Action::Down),
            k(Action::Up),
            k(Action::ToggleHelp),
            k(Action::Back)
        )),
        "{text}"
    );
    // The help lists the prompt table too.
    go(&mut a, Action::Bottom);
    let text = text_of(&a);
    assert!(
        text.contains(&format!("{}  clear what was typed", k(Action::PromptClear))),
        "{text}"
    );
    assert_no_default_names(&row_with(&a, " Keys ("), "help title");
    assert_no_default_names(&box_text(&a, " Keys ("), "help");
}

#[test]
fn the_check_finds_default_names_in_hints() {
    // The checker itself: today's default hints would all be caught.
    for hint in [
        "j/k move · Enter open · Esc close",
        "No article matches the filters (Esc removes the last, x all).",
        " People (Tab: kind · Enter: filter · Esc) ",
        "←→ month · ↓ its days",
        "w or Esc closes",
        "no date filter to step (d sets one)",
        "select a sidebar item or search (/) first",
        "F20 move · * star",
        "x all",
        "(q quits)",
    ] {
        let caught = std::panic::catch_unwind(|| assert_no_default_names(hint, "probe"));
        assert!(caught.is_err(), "{hint:?} passed the check");
    }
    assert_no_default_names(
        "F19/F20 move · F33 open · a word or two · 3 article(s) · a / b",
        "probe",
    );
}

#[test]
fn default_hints_read_as_before() {
    let mut a = seeds_app_with(Config::defaults(false), 79, 30, 5);
    let status = status_row(&a);
    assert!(
        status.starts_with("j move · Enter open · * star"),
        "{status}"
    );
    press(&mut a, "n");
    assert!(status_row(&a).starts_with("select a sidebar item or search (/) first"));
    press(&mut a, "[");
    assert!(status_row(&a).starts_with("no date filter to step (d sets one)"));
    press(&mut a, "p");
    row_with(&a, " People (Tab: kind · Enter: filter · Esc) ");
    // The panes' hints would name keys that type into the picker (trial 43).
    let status = status_row(&a);
    assert!(
        status.contains("Enter filter · Tab kind · Esc close") && !status.contains("j move"),
        "{status}"
    );
    press(&mut a, "esc d");
    let inside = box_text(&a, " Date filter ");
    assert!(
        inside.contains(
            "Tab: filter on dates mentioned · ←→ month · ↓ its days · type a range · \
             Enter filter · Esc cancel"
        ),
        "{inside}"
    );
    press(&mut a, "down");
    assert!(box_text(&a, " Date filter ").contains("←→ day · ↑ months · type a range"));
    press(&mut a, "esc S");
    row_with(&a, " Sources (Enter: filter · Esc) ");
    press(&mut a, "esc /");
    assert!(status_row(&a).contains("article(s) match · Enter keep · Esc cancel"));
    type_text(&mut a, "zqxzqxzqx");
    press(&mut a, "enter");
    row_with(
        &a,
        "No article matches the filters (Esc removes the last, x all).",
    );
    press(&mut a, "x =");
    assert!(box_text(&a, " Related (").starts_with("j/k move · Enter open · Esc close"));
    press(&mut a, "esc e");
    assert!(status_row(&a).contains(".md Markdown, else JSON Lines · Enter · Esc"));
    press(&mut a, "esc |");
    assert!(status_row(&a).contains("empty: $PAGER · Enter · Esc"));
    press(&mut a, "esc A");
    assert!(status_row(&a).contains("read? y/n"));
    press(&mut a, "n w");
    assert!(box_text(&a, " Warnings (").starts_with("j/k scroll · w or Esc closes"));
    press(&mut a, "esc ?");
    row_with(&a, " Keys (j/k scroll) — ? or Esc closes ");
}

/// A narrow status bar drops hints from the middle: help and quit stay (and Tab, with one
/// pane shown at a time), and nothing is cut mid-word; in the sidebar Enter says what it does there (adds a filter).
#[test]
fn narrow_hints_keep_help_quit_and_tab_and_the_sidebar_says_filter() {
    let a = seeds_app_with(Config::defaults(false), 60, 20, 5);
    let status = status_row(&a);
    assert!(status.contains("? help · q quit"), "{status}");
    assert!(!status.contains('…'), "{status}");
    assert!(status.starts_with("j move · Enter open"), "{status}");
    // One pane at a time: Tab is the way to the others, in every pane.
    let mut a = seeds_app_with(Config::defaults(false), 60, 20, 5);
    for _ in 0..3 {
        let status = status_row(&a);
        assert!(status.contains("Tab next pane"), "{:?}: {status}", a.focus);
        press(&mut a, "Tab");
    }
    let mut a = seeds_app_with(Config::defaults(false), 120, 30, 5);
    press(&mut a, "Tab Tab");
    let status = status_row(&a);
    assert!(status.starts_with("j move · Enter filter"), "{status}");
}

/// Beside the other panes the list is narrow: an empty list's message wraps in it, keys
/// and all, rather than being cut.
#[test]
fn an_empty_list_says_its_keys_in_a_narrow_pane() {
    let mut a = seeds_app_with(Config::defaults(false), 120, 30, 5);
    press(&mut a, "/");
    type_text(&mut a, "zqxzqxzqx");
    press(&mut a, "enter");
    // The focused list pane's box is drawn in heavy lines: its rows are between `┃`s.
    let list: Vec<String> = rows(&a)
        .iter()
        .filter_map(|r| r.split('┃').nth(1).map(str::to_owned))
        .collect();
    let list = list
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        list.contains("No article matches the filters (Esc removes the last, x all)."),
        "{list}"
    );
}
