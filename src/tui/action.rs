//! Every user-visible command, by name. Keys map to these through the keymap; the help
//! overlay and every hint on screen are generated from the same names and descriptions.
//!
//! Most actions act while browsing; the `Prompt…` ones act while a prompt (a picker, the
//! date filter, the search line, a question) has the keyboard, where keys bound to nothing
//! type text. Each kind has its own table in the keymap (see [`Action::in_prompt`]).

use serde::{Deserialize, Serialize};

/// A command the reader carries out. The serde names are the ones used in `config.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Quit khabar.
    Quit,
    /// Show or hide the list of key bindings.
    ToggleHelp,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus the pane to the left.
    PaneLeft,
    /// Focus the pane to the right.
    PaneRight,
    /// Move the selection down, or scroll the text down a line.
    Down,
    /// Move the selection up, or scroll the text up a line.
    Up,
    /// Go to the first article, item or line.
    Top,
    /// Go to the last article, item or line.
    Bottom,
    /// Page down.
    PageDown,
    /// Page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// Open the selected article; on a sidebar item, emphasise its mentions and go to the first.
    Open,
    /// Jump to the next mention of the selected sidebar item.
    NextMention,
    /// Jump to the previous mention of the selected sidebar item.
    PrevMention,
    /// Show the raw file, site chrome dimmed, or the article again.
    ToggleRaw,
    /// Redraw the whole screen.
    Redraw,
    /// Suspend khabar to the shell (resume with `fg`).
    Suspend,
    /// Close the help, or remove the last filter chip.
    Back,
    /// Filter by a person, picked from everyone in the corpus.
    PersonFilter,
    /// Filter by a place or organisation (Tab in the picker switches kind).
    EntityFilter,
    /// Filter by date: publication date, or (Tab) dates mentioned in the text.
    DateFilter,
    /// Filter by the sidebar item under the cursor.
    Filter,
    /// Search titles and text as you type.
    Search,
    /// Cycle the sort order: newest, oldest, title, source.
    CycleSort,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Show only unread articles, or all again.
    UnreadOnly,
    /// Star or unstar the selected article (kept in the database).
    ToggleStar,
    /// Show only starred articles, or all again.
    StarredOnly,
    /// Remove every filter.
    ClearFilters,
    /// Move the date filter back by its own unit (a month for 2024-06).
    DateBack,
    /// Move the date filter forward by its own unit.
    DateForward,
    /// Show every warning and the last message whole, wrapped to the screen.
    Warnings,
    /// List the articles sharing the most people, places and dates with this one.
    Related,
    /// Filter by source (publisher or feed), picked from every source in the corpus.
    SourceFilter,
    /// Fetch every subscribed feed in the background; new articles join the list.
    FetchFeeds,
    /// Open the article's link in the browser (`$BROWSER`, else `xdg-open`/`open`).
    OpenLink,
    /// Copy the article's link to the clipboard (OSC 52, through the terminal).
    CopyLink,
    /// Mark every article in the list read (asks first).
    MarkAllRead,
    /// Export the list to a file: `.md` for Markdown, else JSON Lines.
    Export,
    /// Pipe the article to a command, or to `$PAGER` (the terminal is handed over).
    Pipe,
    /// Start afresh: clear filters, sort and position (what the next start would reopen).
    ResetSession,
    /// In a prompt: apply it (add the filter, keep the search, open, answer).
    PromptAccept,
    /// In a prompt: close it without applying.
    PromptCancel,
    /// In a picker: the next kind (people, places, organisations); in the date filter, the
    /// other date (publication, mentioned).
    PromptNextKind,
    /// In a picker: the previous kind.
    PromptPrevKind,
    /// In a prompt's list: the next item; on the date histogram, into the month's days.
    PromptDown,
    /// In a prompt's list: the previous item; on the date histogram, back to the months.
    PromptUp,
    /// On the date histogram: the previous month or day with articles.
    PromptLeft,
    /// On the date histogram: the next month or day with articles.
    PromptRight,
    /// In a prompt: delete the last character typed (a value picked goes whole).
    PromptDeleteChar,
    /// In a prompt: clear everything typed.
    PromptClear,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Self; 44] = [
        Self::Quit,
        Self::ToggleHelp,
        Self::NextPane,
        Self::PrevPane,
        Self::PaneLeft,
        Self::PaneRight,
        Self::Down,
        Self::Up,
        Self::Top,
        Self::Bottom,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::Open,
        Self::NextMention,
        Self::PrevMention,
        Self::ToggleRaw,
        Self::Redraw,
        Self::Suspend,
        Self::Back,
        Self::PersonFilter,
        Self::EntityFilter,
        Self::DateFilter,
        Self::Filter,
        Self::Search,
        Self::CycleSort,
        Self::ToggleRead,
        Self::UnreadOnly,
        Self::ToggleStar,
        Self::StarredOnly,
        Self::ClearFilters,
        Self::DateBack,
        Self::DateForward,
        Self::Warnings,
        Self::Related,
        Self::SourceFilter,
        Self::FetchFeeds,
        Self::OpenLink,
        Self::CopyLink,
        Self::MarkAllRead,
        Self::Export,
        Self::Pipe,
        Self::ResetSession,
    ];

    /// Every action that acts in a prompt only, in the order the help lists them.
    pub const PROMPT: [Self; 10] = [
        Self::PromptAccept,
        Self::PromptCancel,
        Self::PromptNextKind,
        Self::PromptPrevKind,
        Self::PromptDown,
        Self::PromptUp,
        Self::PromptLeft,
        Self::PromptRight,
        Self::PromptDeleteChar,
        Self::PromptClear,
    ];

    /// Whether the action acts in a prompt only (bound in the keymap's prompt table).
    pub const fn prompt_only(self) -> bool {
        matches!(
            self,
            Self::PromptAccept
                | Self::PromptCancel
                | Self::PromptNextKind
                | Self::PromptPrevKind
                | Self::PromptDown
                | Self::PromptUp
                | Self::PromptLeft
                | Self::PromptRight
                | Self::PromptDeleteChar
                | Self::PromptClear
        )
    }

    /// Whether the action does something while a prompt has the keyboard: the prompt's
    /// own actions, and those that leave or redraw the terminal.
    pub const fn in_prompt(self) -> bool {
        self.prompt_only() || matches!(self, Self::Quit | Self::Redraw | Self::Suspend)
    }

    /// The name `config.toml` uses (`toggle_help`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The one-line description shown in the help overlay (the doc line above).
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::ToggleHelp => "show or hide this help",
            Self::NextPane => "next pane",
            Self::PrevPane => "previous pane",
            Self::PaneLeft => "pane to the left",
            Self::PaneRight => "pane to the right",
            Self::Down => "move down / scroll down",
            Self::Up => "move up / scroll up",
            Self::Top => "go to the top",
            Self::Bottom => "go to the bottom",
            Self::PageDown => "page down",
            Self::PageUp => "page up",
            Self::HalfPageDown => "half page down",
            Self::HalfPageUp => "half page up",
            Self::Open => "open article / filter by sidebar item",
            Self::NextMention => "next mention",
            Self::PrevMention => "previous mention",
            Self::ToggleRaw => "raw file view (chrome dimmed)",
            Self::Redraw => "redraw the screen",
            Self::Suspend => "suspend to the shell",
            Self::Back => "close help / remove last filter (or bring back those cleared)",
            Self::PersonFilter => "filter by person",
            Self::EntityFilter => "filter by place or organisation",
            Self::DateFilter => "filter by date (histogram)",
            Self::Filter => "filter by sidebar item",
            Self::Search => "search titles and text",
            Self::CycleSort => "sort: newest, oldest, title, source",
            Self::ToggleRead => "mark read / unread",
            Self::UnreadOnly => "unread only / all",
            Self::ToggleStar => "star / unstar the article",
            Self::StarredOnly => "starred only / all",
            Self::ClearFilters => "clear all filters",
            Self::DateBack => "date filter one step back",
            Self::DateForward => "date filter one step forward",
            Self::Warnings => "warnings and the last message, whole",
            Self::Related => "related stories (shared people, places, dates)",
            Self::SourceFilter => "filter by source (publisher or feed)",
            Self::FetchFeeds => "look at the files again and fetch all feeds (in the background)",
            Self::OpenLink => "open the article's link in the browser",
            Self::CopyLink => "copy the article's link",
            Self::MarkAllRead => "mark every article in the list read (asks)",
            Self::Export => "export the list (.md Markdown, else JSON Lines)",
            Self::Pipe => "pipe the article to a command or $PAGER",
            Self::ResetSession => "start afresh: no filters, default sort, first article",
            Self::PromptAccept => "apply: add the filter, keep the search, open, answer",
            Self::PromptCancel => "close the prompt",
            Self::PromptNextKind => "next kind (picker) / other date (date filter)",
            Self::PromptPrevKind => "previous kind (picker)",
            Self::PromptDown => "next item / into the month's days",
            Self::PromptUp => "previous item / back to the months",
            Self::PromptLeft => "earlier month or day with articles",
            Self::PromptRight => "later month or day with articles",
            Self::PromptDeleteChar => "delete the last character",
            Self::PromptClear => "clear what was typed",
        }
    }
}
