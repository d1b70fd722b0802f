//! The reading pane: the visible slice of the wrapped article, centred at a
//! comfortable width, furniture dimmed when shown.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{fit, pane_block, theme};
use crate::app::reader::Source;
use crate::app::{App, Pane};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(doc) = app.doc() else {
        frame.render_widget(pane_block(app, Pane::Reader, " Reader ".into()), area);
        return;
    };
    let title = format!(" {} ", fit(&doc.title, usize::from(area.width.saturating_sub(4))));
    let block = pane_block(app, Pane::Reader, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = u16::try_from(app.text_width()).unwrap_or(u16::MAX).min(inner.width);
    let pad = inner.width.saturating_sub(width) / 2;
    let text_area = Rect::new(inner.x + pad, inner.y, width, inner.height);
    let lines: Vec<Line> = app
        .lines
        .iter()
        .skip(app.scroll)
        .take(usize::from(inner.height))
        .map(|l| {
            let text = l.text(doc);
            match l.source {
                Source::Headline => Line::styled(text, theme::headline()),
                Source::Furniture(_) => Line::styled(text, theme::furniture()),
                Source::Body | Source::Blank => Line::raw(text),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    if app.lines.len() > usize::from(inner.height) {
        let mut state = ScrollbarState::new(app.max_scroll()).position(app.scroll);
        let bar =
            Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(
            bar,
            area.inner(Margin { vertical: 1, horizontal: 0 }),
            &mut state,
        );
    }
}
