//! The fact sidebar: a line of metadata, then the article's facts grouped
//! by kind with a count per group. When everything does not fit, each
//! group shows its first entries (the selected one always in view) and a
//! "+N more" line, so every group stays on screen.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::list::group;
use super::{fit, pane_block};
use crate::app::sidebar::{Entry, Row, Sidebar};
use crate::app::{App, Pane};
use crate::facts::Kind;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Sidebar, " Facts ".into());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(doc) = app.doc() else { return };
    let width = usize::from(inner.width);
    let meta = format!("{} · {} words · {} min", doc.lang, group(doc.words), doc.reading_minutes());
    let mut lines = vec![Line::styled(fit(&meta, width), app.theme.dim)];
    let Some(record) = app.shown() else { return };
    let sidebar = &record.sidebar;
    if !record.facts_ready {
        lines.push(Line::styled("extracting facts…", app.theme.dim));
    } else if sidebar.rows.is_empty() {
        lines.push(Line::styled("No facts found", app.theme.dim));
    }
    let selected = record.sidebar_selected;
    let focused = app.focus == Pane::Sidebar;
    let room = usize::from(inner.height).saturating_sub(lines.len());
    for row in plan(sidebar, selected, room) {
        lines.push(match row {
            Planned::Heading(kind, count) => Line::styled(
                fit(&format!("{} ({count})", kind.heading()), width),
                app.theme.heading.patch(app.theme.kind(kind)),
            ),
            Planned::Entry(i) => {
                entry_line(app, &sidebar.entries[i], width, i == selected, focused)
            }
            Planned::More(n) => Line::styled(format!("  +{n} more"), app.theme.dim),
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One entry on one row: the value, then in grey what it was written as,
/// how often, the role or speaker, and how many other articles name it.
fn entry_line<'a>(app: &App, e: &Entry, width: usize, selected: bool, focused: bool) -> Line<'a> {
    let mut extra = String::new();
    if let Some(w) = &e.written {
        let _ = write!(extra, " ({w})");
    }
    if e.mentions.len() > 1 {
        let _ = write!(extra, " ×{}", e.mentions.len());
    }
    if let Some(d) = &e.detail {
        let sep = if d.starts_with('—') { "" } else { "· " };
        let _ = write!(extra, " {sep}{d}");
    }
    if e.kind.is_entity() {
        let others = app.index.article_count(e.kind, &e.label).saturating_sub(1);
        if others > 0 {
            let _ = write!(extra, " · +{others} art.");
        }
    }
    let label = format!("  {}", e.label);
    let label = fit(&label, width);
    let extra = fit(&extra, width.saturating_sub(label.width()));
    let mut line = Line::from(vec![Span::raw(label), Span::styled(extra, app.theme.dim)]);
    if selected {
        line = line.patch_style(app.theme.selected(focused));
    }
    line
}

/// A row the sidebar will draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Planned {
    Heading(Kind, usize),
    Entry(usize),
    More(usize),
}

/// Chooses the rows to draw in `room` rows: everything when it fits, else
/// the first `k` entries of each group (a window around the selected entry
/// in its group) with the largest `k` that fits, else a window of the flat
/// list around the selection.
fn plan(sidebar: &Sidebar, selected: usize, room: usize) -> Vec<Planned> {
    let groups: Vec<(Kind, Vec<usize>)> = Kind::ALL
        .iter()
        .map(|&k| {
            (k, sidebar.rows.iter().filter_map(|r| entry_of(*r, sidebar, k)).collect::<Vec<_>>())
        })
        .filter(|(_, e)| !e.is_empty())
        .collect();
    let full: usize = groups.iter().map(|(_, e)| e.len() + 1).sum();
    if full <= room {
        return groups.iter().flat_map(|(k, e)| group_rows(*k, e, e.len(), selected)).collect();
    }
    let cost = |k: usize| -> usize {
        groups.iter().map(|(_, e)| 1 + e.len().min(k) + usize::from(e.len() > k)).sum()
    };
    if let Some(k) = (1..=groups.iter().map(|(_, e)| e.len()).max().unwrap_or(1))
        .rev()
        .find(|&k| cost(k) <= room)
    {
        return groups.iter().flat_map(|(kind, e)| group_rows(*kind, e, k, selected)).collect();
    }
    let flat: Vec<Planned> =
        groups.iter().flat_map(|(k, e)| group_rows(*k, e, e.len(), selected)).collect();
    let at = flat.iter().position(|p| *p == Planned::Entry(selected)).unwrap_or(0);
    let skip = (at + 1).saturating_sub(room);
    flat.into_iter().skip(skip).take(room).collect()
}

fn entry_of(row: Row, sidebar: &Sidebar, kind: Kind) -> Option<usize> {
    match row {
        Row::Entry(i) if sidebar.entries[i].kind == kind => Some(i),
        _ => None,
    }
}

/// A group's heading and at most `k` of its entries, the selected one among them.
fn group_rows(kind: Kind, entries: &[usize], k: usize, selected: usize) -> Vec<Planned> {
    let mut rows = vec![Planned::Heading(kind, entries.len())];
    let start = match entries.iter().position(|&e| e == selected) {
        Some(at) if at >= k => at + 1 - k,
        _ => 0,
    };
    rows.extend(entries.iter().skip(start).take(k).map(|&e| Planned::Entry(e)));
    let hidden = entries.len() - entries.len().min(k);
    if hidden > 0 {
        rows.push(Planned::More(hidden));
    }
    rows
}
