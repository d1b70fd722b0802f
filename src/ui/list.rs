//! The document list: each article on two rows, title with a read mark,
//! then language, length and reading time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{fit, pane_block, theme};
use crate::app::{App, Pane};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let docs = &app.corpus.docs;
    let read = app.read.iter().filter(|r| **r).count();
    let title = format!(" Articles {}/{} · {} unread ", app.selected + 1, docs.len(), docs.len() - read);
    let block = pane_block(app, Pane::List, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let focused = app.focus == Pane::List;
    let mut lines = Vec::new();
    for (i, doc) in docs.iter().enumerate().skip(app.list_offset).take(usize::from(inner.height).div_ceil(2)) {
        let mark = if app.read[i] { Span::raw("  ") } else { Span::styled("● ", theme::unread_mark()) };
        let title = fit(&doc.title, width.saturating_sub(2));
        let meta = format!("  {} · {} words · {} min", doc.lang, group(doc.words), doc.reading_minutes());
        let mut title_line = Line::from(vec![mark, Span::raw(title)]);
        let mut meta_line = Line::styled(fit(&meta, width), theme::dim());
        if i == app.selected {
            let style = theme::selected(focused);
            title_line = title_line.patch_style(style);
            meta_line = meta_line.patch_style(style);
            // Fill the whole row, so the selection reads as a bar.
            title_line.spans.push(Span::styled(" ".repeat(width.saturating_sub(title_line.width())), style));
            meta_line.spans.push(Span::styled(" ".repeat(width.saturating_sub(meta_line.width())), style));
        }
        lines.push(title_line);
        lines.push(meta_line);
    }
    if docs.is_empty() {
        lines.push(Line::styled("no articles loaded", theme::dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `12345` → `12,345`.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
