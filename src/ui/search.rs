//! The corpus search view: the articles that match, best first, each with
//! its title, language and hit count, then a line of text around each hit
//! with the hit marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::app::App;
use crate::app::search::{CorpusSearch, ResultRow};
use crate::index::snippet;

pub fn draw(app: &App, view: &CorpusSearch, frame: &mut Frame, area: Rect) {
    let query = app.corpus_query().unwrap_or("");
    let title = if query.trim().is_empty() {
        " Search all articles — type words, \"a phrase\" ".to_string()
    } else {
        format!(" {} article(s) match “{}” ", view.total, fit(query, 40))
    };
    let inner = super::view_frame(app, frame, area, &title);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    // Keep the selected row in view, a little below the top when scrolling.
    let skip = (view.selected + 2).saturating_sub(height);
    let lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, row)| row_line(app, row, width, i == view.selected))
        .collect();
    let lines = if lines.is_empty() && !query.trim().is_empty() {
        vec![Line::styled("No article matches.", app.theme.dim)]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row_line<'a>(app: &App, row: &ResultRow, width: usize, selected: bool) -> Line<'a> {
    match *row {
        ResultRow::Article { doc, count } => {
            let d = &app.corpus.docs[doc.0];
            let meta = format!(" · {} · {count} hit{}", d.lang, if count == 1 { "" } else { "s" });
            let title = fit(&d.title, width.saturating_sub(meta.chars().count()));
            Line::from(vec![
                Span::styled(title, app.theme.heading),
                Span::styled(meta, app.theme.dim),
            ])
        }
        ResultRow::Hit { doc, span, .. } => {
            let body = &app.corpus.docs[doc.0].body;
            let (text, hit) = snippet(body, span, width.saturating_sub(4));
            let before = text.get(..hit.start).unwrap_or("").to_string();
            let mark = text.get(hit.clone()).unwrap_or("").to_string();
            let after = text.get(hit.end..).unwrap_or("").to_string();
            let mut line = Line::from(vec![
                Span::raw("    "),
                Span::raw(before),
                Span::styled(mark, app.theme.search_hit),
                Span::raw(after),
            ]);
            if selected {
                line = line.patch_style(app.theme.selected(true));
            }
            line
        }
    }
}
