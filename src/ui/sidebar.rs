//! The fact sidebar: the article's metadata, then its facts grouped by
//! kind with a count per group; the selected entry stays in view.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list::group;
use super::{fit, pane_block, theme};
use crate::app::sidebar::Row;
use crate::app::{App, Pane};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Sidebar, " Facts ".into());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(doc) = app.doc() else { return };
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::from(vec![Span::styled("Language ", theme::dim()), Span::raw(doc.lang.code())]),
        Line::from(vec![
            Span::styled("Length   ", theme::dim()),
            Span::raw(format!("{} words · {} min", group(doc.words), doc.reading_minutes())),
        ]),
        Line::from(vec![
            Span::styled("File     ", theme::dim()),
            Span::raw(fit(&doc.path, width.saturating_sub(9))),
        ]),
        Line::raw(""),
    ];
    let sidebar = &app.sidebars[app.selected];
    if sidebar.rows.is_empty() {
        lines.push(Line::styled("No facts found", theme::dim()));
    }
    let selected = app.sidebar_selected[app.selected];
    let focused = app.focus == Pane::Sidebar;
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    for row in &sidebar.rows {
        match *row {
            Row::Heading(kind, count) => {
                rows.push(Line::styled(
                    format!("{} ({count})", kind.heading()),
                    theme::heading().patch(theme::kind(kind)),
                ));
            }
            Row::Entry(i) => {
                let e = &sidebar.entries[i];
                let mut text = format!("  {}", e.label);
                if let Some(w) = &e.written {
                    let _ = write!(text, " ({w})");
                }
                if e.mentions.len() > 1 {
                    let _ = write!(text, " ×{}", e.mentions.len());
                }
                let mut line = Line::raw(fit(&text, width));
                if i == selected {
                    selected_row = rows.len();
                    line = line.patch_style(theme::selected(focused));
                }
                rows.push(line);
                if let Some(d) = &e.detail {
                    rows.push(Line::styled(fit(&format!("    {d}"), width), theme::dim()));
                }
            }
        }
    }
    let room = usize::from(inner.height).saturating_sub(lines.len()).max(1);
    let skip = (selected_row + 2).saturating_sub(room);
    lines.extend(rows.into_iter().skip(skip));
    frame.render_widget(Paragraph::new(lines), inner);
}
