//! Where each pane goes for a terminal size: three panes when wide, list
//! and reader (sidebar on a toggle) when medium, one pane at a time when
//! narrow, a single line when tiny. A pure function, so drawing and mouse
//! hit-testing agree.

use ratatui::layout::{Constraint, Layout as Split, Rect};

use super::Pane;

/// At least this many columns show three panes by default.
pub const WIDE: u16 = 120;
/// Fewer columns than this show one pane at a time.
pub const NARROW: u16 = 80;
/// Below this size dossier only says that the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub status: Rect,
    /// The whole screen, when it is too small for anything else.
    pub too_small: bool,
}

impl Layout {
    /// The pane under a screen position.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains((x, y).into()));
        [(self.list, Pane::List), (self.reader, Pane::Reader), (self.sidebar, Pane::Sidebar)]
            .into_iter()
            .find(|(r, _)| hit(*r))
            .map(|(_, p)| p)
    }

    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Sidebar => self.sidebar,
        }
    }
}

/// Whether the sidebar shows when the person has not said: only when wide.
pub fn sidebar_by_default(width: u16) -> bool {
    width >= WIDE
}

/// Pane widths the configuration asks for; `None` chooses from the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Widths {
    pub list: Option<u16>,
    pub sidebar: Option<u16>,
}

/// Lays out the screen. `focus` picks the one pane shown when narrow.
pub fn layout(area: Rect, focus: Pane, sidebar: bool, widths: Widths) -> Layout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Layout { status: area, too_small: true, ..Layout::default() };
    }
    let [main, status] = Split::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut out = Layout { status, ..Layout::default() };
    if area.width < NARROW {
        let pane = if focus == Pane::Sidebar && !sidebar { Pane::Reader } else { focus };
        match pane {
            Pane::List => out.list = Some(main),
            Pane::Reader => out.reader = Some(main),
            Pane::Sidebar => out.sidebar = Some(main),
        }
        return out;
    }
    // Whatever is asked, the reader keeps at least a third of the screen.
    let most = area.width / 3;
    let list_width = widths.list.unwrap_or((area.width / 4).clamp(24, 40)).min(most);
    if sidebar {
        let side_width = widths.sidebar.unwrap_or((area.width / 4).clamp(24, 44)).min(most);
        let [l, r, s] = Split::horizontal([
            Constraint::Length(list_width),
            Constraint::Min(20),
            Constraint::Length(side_width),
        ])
        .areas(main);
        (out.list, out.reader, out.sidebar) = (Some(l), Some(r), Some(s));
    } else {
        let [l, r] =
            Split::horizontal([Constraint::Length(list_width), Constraint::Min(20)]).areas(main);
        (out.list, out.reader) = (Some(l), Some(r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_pick_the_panes() {
        let wide = layout(Rect::new(0, 0, 120, 40), Pane::List, true, Widths::default());
        assert!(wide.list.is_some() && wide.reader.is_some() && wide.sidebar.is_some());
        let medium = layout(Rect::new(0, 0, 100, 30), Pane::List, false, Widths::default());
        assert!(medium.sidebar.is_none() && medium.reader.is_some());
        let narrow = layout(Rect::new(0, 0, 60, 20), Pane::Reader, false, Widths::default());
        assert!(narrow.list.is_none() && narrow.reader.is_some());
        assert!(layout(Rect::new(0, 0, 1, 1), Pane::List, true, Widths::default()).too_small);
    }

    #[test]
    fn panes_do_not_overlap_and_fit() {
        let asked = [Widths::default(), Widths { list: Some(70), sidebar: Some(90) }];
        for (w, h) in [(80, 24), (100, 30), (119, 30), (120, 40), (200, 60), (300, 100)] {
            for (sidebar, widths) in [true, false].into_iter().zip(asked) {
                let area = Rect::new(0, 0, w, h);
                let l = layout(area, Pane::List, sidebar, widths);
                let rects: Vec<Rect> =
                    [l.list, l.reader, l.sidebar, Some(l.status)].into_iter().flatten().collect();
                for (i, a) in rects.iter().enumerate() {
                    assert!(area.contains(a.as_position()) && a.right() <= w && a.bottom() <= h);
                    for b in &rects[i + 1..] {
                        assert!(!a.intersects(*b), "{a:?} overlaps {b:?} at {w}x{h}");
                    }
                }
                // Together they fill the screen: no row or column is left out.
                let cells: u32 =
                    rects.iter().map(|r| u32::from(r.width) * u32::from(r.height)).sum();
                assert_eq!(cells, u32::from(w) * u32::from(h), "{w}x{h}");
            }
        }
    }
}
