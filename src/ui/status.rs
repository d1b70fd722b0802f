//! The status line: which article of how many, its language, length and
//! reading progress, a one-off note, and a few key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::list::group;
use crate::app::App;

const HINTS: &[(&str, &str)] =
    &[("Tab", "pane"), ("n/p", "article"), ("f", "facts"), ("?", "help"), ("q", "quit")];

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let mut left = match app.doc() {
        Some(doc) => format!(
            " {}/{} · {} · {} words · {}% ",
            app.selected + 1,
            app.corpus.docs.len(),
            doc.lang,
            group(doc.words),
            app.progress()
        ),
        None => " no articles ".to_string(),
    };
    if let Some(note) = &app.note {
        left.push_str("· ");
        left.push_str(note);
        left.push(' ');
    }
    let left = fit(&left, width);
    let mut spans = vec![Span::raw(left.clone())];
    let mut hints = Vec::new();
    for (key, what) in HINTS {
        hints.push(Span::styled(format!(" {key}"), app.theme.key));
        hints.push(Span::raw(format!(" {what} ")));
    }
    let hints_width: usize = hints.iter().map(|s| s.content.width()).sum();
    if left.width() + hints_width < width {
        spans.push(Span::raw(" ".repeat(width - left.width() - hints_width)));
        spans.extend(hints);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(app.theme.status), area);
}
