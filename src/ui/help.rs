//! Overlays: the help screen, generated from the key table, and the list
//! of files that could not be loaded.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use super::{centered, fit};
use crate::app::App;
use crate::facts::Kind;

/// The help screen's rows: where, keys, action — straight from the key table.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let keymap = &app.keymap;
    let mut lines = vec![Line::styled(
        format!("{:<13} {:<22} {}", "where", "keys", "action"),
        app.theme.heading,
    )];
    for b in &keymap.bindings {
        let keys: Vec<String> = b.keys.iter().map(crate::keys::Sequence::display).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<13} ", b.scope.label()), app.theme.dim),
            Span::styled(format!("{:<22} ", keys.join(", ")), app.theme.key),
            Span::raw(b.action.describe()),
        ]));
    }
    lines.push(Line::raw(""));
    let mut legend = vec![Span::styled("Facts in the text: ", app.theme.dim)];
    for kind in Kind::ALL {
        let style = app.theme.kind(kind);
        legend.push(Span::styled(kind.heading(), style));
        legend.push(Span::raw(" "));
    }
    lines.push(Line::from(legend));
    lines.push(Line::styled(
        "The selected fact's mentions are underlined, the current one reversed; H turns colours off.",
        app.theme.dim,
    ));
    lines.push(Line::styled(
        "Sidebar: ×N mentions; +N art. = named in N other articles.",
        app.theme.dim,
    ));
    lines.push(Line::styled(
        "Mouse: the wheel scrolls the pane under the pointer; a click selects.",
        app.theme.dim,
    ));
    lines
}

pub fn draw_help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    draw_overlay(app, frame, area, " Help — Esc or ? closes, j/k scroll ", help_lines(app), scroll);
}

pub fn draw_problems(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let mut lines: Vec<Line> =
        app.corpus.problems.iter().map(|p| Line::raw(p.to_string())).collect();
    if lines.is_empty() {
        lines.push(Line::styled("Every file loaded.", app.theme.dim));
    }
    // Notes are no failure: listed apart, under their own heading.
    if !app.corpus.notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("Notes ({}), not problems:", app.corpus.notes.len()),
            app.theme.heading,
        ));
        lines.extend(app.corpus.notes.iter().map(|n| Line::styled(n.to_string(), app.theme.dim)));
    }
    draw_overlay(app, frame, area, " Files not loaded — Esc closes ", lines, scroll);
}

fn draw_overlay(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    // Saturating: a folder can hold more failed files than a u16 counts.
    let fit_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let width = fit_u16(lines.iter().map(Line::width).max().unwrap_or(0).max(title.len()))
        .saturating_add(4);
    let height = fit_u16(lines.len()).saturating_add(2);
    let rect = centered(area, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(app.theme.border(true))
        .title(fit(title, usize::from(rect.width.saturating_sub(2))));
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
