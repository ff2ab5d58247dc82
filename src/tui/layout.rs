//! Where each pane goes for a terminal size: three panes when wide, narrower side panes
//! when medium, one pane at a time (the focused one) when narrow.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// The three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

impl Pane {
    pub const ALL: [Self; 3] = [Self::List, Self::Reader, Self::Sidebar];

    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Self::List => Self::Reader,
            Self::Reader => Self::Sidebar,
            Self::Sidebar => Self::List,
        }
    }

    #[must_use]
    pub const fn prev(self) -> Self {
        match self {
            Self::List => Self::Sidebar,
            Self::Reader => Self::List,
            Self::Sidebar => Self::Reader,
        }
    }

    /// The pane to the right (`l`): none past the sidebar, as on screen; only Tab wraps.
    #[must_use]
    pub const fn right(self) -> Self {
        match self {
            Self::List => Self::Reader,
            Self::Reader | Self::Sidebar => Self::Sidebar,
        }
    }

    /// The pane to the left (`h`): none before the list.
    #[must_use]
    pub const fn left(self) -> Self {
        match self {
            Self::List | Self::Reader => Self::List,
            Self::Sidebar => Self::Reader,
        }
    }

    pub const fn title(self) -> &'static str {
        match self {
            Self::List => "Articles",
            Self::Reader => "Article",
            Self::Sidebar => "In this article",
        }
    }
}

/// Below this the reader shows a message instead of panes.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width one pane is shown at a time.
pub const NARROW: u16 = 80;
/// From this width on the side panes grow with the terminal.
pub const WIDE: u16 = 120;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    /// The pane tabs shown in narrow mode.
    pub tabs: Option<Rect>,
    /// The row of filter chips, when any filter is active.
    pub filter_bar: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

impl Areas {
    pub fn get(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Sidebar => self.sidebar,
        }
    }

    pub fn pane_at(&self, at: Position) -> Option<(Pane, Rect)> {
        Pane::ALL
            .into_iter()
            .find_map(|p| self.get(p).filter(|r| r.contains(at)).map(|r| (p, r)))
    }
}

/// Lays out a terminal of `size` with `focus` as the focused pane, and a filter bar on
/// top when `filters` is set.
pub fn areas(size: Rect, focus: Pane, filters: bool) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            status: size,
            ..Areas::default()
        };
    }
    let bar = u16::from(filters);
    let [filter_bar, main, status] = Layout::vertical([
        Constraint::Length(bar),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let mut areas = Areas {
        status,
        filter_bar: filters.then_some(filter_bar),
        ..Areas::default()
    };
    if size.width < NARROW {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        areas.tabs = Some(tabs);
        match focus {
            Pane::List => areas.list = Some(pane),
            Pane::Reader => areas.reader = Some(pane),
            Pane::Sidebar => areas.sidebar = Some(pane),
        }
        return areas;
    }
    let (list_width, side_width) = if size.width < WIDE {
        (size.width * 26 / 100, size.width * 24 / 100)
    } else {
        (
            (size.width * 28 / 100).min(48),
            (size.width * 22 / 100).min(44),
        )
    };
    let [l, r, s] = Layout::horizontal([
        Constraint::Length(list_width),
        Constraint::Fill(1),
        Constraint::Length(side_width),
    ])
    .areas(main);
    areas.list = Some(l);
    areas.reader = Some(r);
    areas.sidebar = Some(s);
    areas
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_medium_narrow_and_too_small() {
        let wide = areas(Rect::new(0, 0, 200, 50), Pane::List, false);
        assert!(wide.list.is_some() && wide.reader.is_some() && wide.sidebar.is_some());
        let medium = areas(Rect::new(0, 0, 100, 30), Pane::List, true);
        assert!(medium.list.unwrap().width < wide.list.unwrap().width);
        let narrow = areas(Rect::new(0, 0, 60, 20), Pane::Reader, false);
        assert_eq!((narrow.list, narrow.sidebar), (None, None));
        assert_eq!(narrow.reader.unwrap().width, 60);
        assert!(areas(Rect::new(0, 0, 20, 5), Pane::List, false).too_small);
    }

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for w in [80, 99, 120, 160, 200, 333] {
            let a = areas(Rect::new(0, 0, w, 40), Pane::List, w % 2 == 0);
            let (l, r, s) = (a.list.unwrap(), a.reader.unwrap(), a.sidebar.unwrap());
            assert_eq!(l.right(), r.x);
            assert_eq!(r.right(), s.x);
            assert_eq!(s.right(), w);
            assert!(r.width >= 30, "reader too narrow at {w}");
        }
    }
}
