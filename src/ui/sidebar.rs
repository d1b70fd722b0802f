//! The fact sidebar: a line of metadata, then the article's facts grouped
//! by kind with a count per group, as `App::sidebar_plan` lays them out.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::list::group;
use super::{fit, pane_block};
use crate::app::sidebar::{Entry, Planned};
use crate::app::{App, Pane};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Sidebar, " Facts ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(doc) = app.doc() else { return };
    let width = usize::from(inner.width);
    let meta = format!("{} · {} words · {} min", doc.lang, group(doc.words), doc.reading_minutes());
    let mut lines = vec![Line::styled(fit(&meta, width), app.theme.dim)];
    let Some(record) = app.shown() else { return };
    let sidebar = record.sidebar(doc);
    if !record.facts_ready {
        lines.push(Line::styled("extracting facts…", app.theme.dim));
    } else if sidebar.rows.is_empty() {
        lines.push(Line::styled("No facts found", app.theme.dim));
    }
    let selected = record.sidebar_selected;
    let focused = app.focus == Pane::Sidebar;
    debug_assert_eq!(lines.len(), app.sidebar_header_rows());
    for row in app.sidebar_plan() {
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
    // A watched entity is marked.
    let mark = if e.kind.is_entity() && app.watch.watches(e.kind, &e.label) {
        super::watch::MARK
    } else {
        ' '
    };
    let label = format!("{mark} {}", e.label);
    let label = fit(&label, width);
    let extra = fit(&extra, width.saturating_sub(label.width()));
    let mut line = Line::from(vec![Span::raw(label), Span::styled(extra, app.theme.dim)]);
    if selected {
        line = line.patch_style(app.theme.selected(focused));
    }
    line
}
