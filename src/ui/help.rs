//! Overlays: the help screen, generated from the key table, and the list
//! of files that could not be loaded. Their rows and place come from the
//! app (`App::help_lines`, `App::overlay_rect`); here they are styled.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use super::fit;
use unicode_width::UnicodeWidthStr;

use crate::app::help::{KEYS_COLUMNS, LEGEND, SCOPE_COLUMNS};
use crate::app::{App, HelpLine, Overlay};

/// The help screen's rows for a text width, styled.
pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let row = |scope: &str, keys: &str| {
        (format!("{scope:<SCOPE_COLUMNS$} "), format!("{keys:<KEYS_COLUMNS$} "))
    };
    app.help_lines(width)
        .into_iter()
        .map(|line| match line {
            HelpLine::Header => {
                let (scope, keys) = row("where", "keys");
                Line::styled(fit(&format!("{scope}{keys}action"), width), app.theme.heading)
            }
            HelpLine::Binding { scope, keys, description } => {
                let (scope, keys) = row(&scope, &keys);
                let line = Line::from(vec![
                    Span::styled(scope, app.theme.dim),
                    Span::styled(keys, app.theme.key),
                    Span::raw(description),
                ]);
                super::fit_line(line, width)
            }
            HelpLine::Blank => Line::raw(""),
            HelpLine::Legend { first, kinds } => {
                let lead = if first { LEGEND.to_string() } else { " ".repeat(LEGEND.width()) };
                let mut legend = vec![Span::styled(lead, app.theme.dim)];
                for kind in kinds {
                    legend.push(Span::styled(kind.heading(), app.theme.kind(kind)));
                    legend.push(Span::raw(" "));
                }
                super::fit_line(Line::from(legend), width)
            }
            HelpLine::Note(text) => Line::styled(text, app.theme.dim),
        })
        .collect()
}

pub fn draw(app: &App, frame: &mut Frame, overlay: Overlay) {
    let rect = app.overlay_rect(overlay);
    let width = App::overlay_text_width(rect.width);
    let (lines, scroll) = match overlay {
        Overlay::Help { scroll } => (help_lines(app, width), scroll),
        Overlay::Problems { scroll } => {
            let lines = app
                .problem_lines(width)
                .into_iter()
                .map(|l| match l {
                    Some(text) => Line::raw(text),
                    None => Line::styled(
                        format!("Notes ({}), not problems:", app.corpus.notes.len()),
                        app.theme.heading,
                    ),
                })
                .collect();
            (lines, scroll)
        }
    };
    let title = app.overlay_title(overlay);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(app.theme.border(true))
        .title(fit(&title, usize::from(rect.width.saturating_sub(2))));
    let inner = block.inner(rect);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(
        Paragraph::new(visible),
        inner.inner(ratatui::layout::Margin { vertical: 0, horizontal: 1 }),
    );
}
