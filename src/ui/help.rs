//! Overlays: the help screen, generated from the key table, and the list
//! of files that could not be loaded.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use super::{centered, fit, theme};
use crate::app::App;
use crate::app::keymap::{Keymap, display_sequence};
use crate::facts::Kind;

/// The help screen's rows: where, keys, action — straight from the key table.
pub fn help_lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!("{:<13} {:<22} {}", "where", "keys", "action"),
        theme::heading(),
    )];
    for b in &keymap.bindings {
        let keys: Vec<String> = b.keys.iter().map(|k| display_sequence(k)).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<13} ", b.scope.label()), theme::dim()),
            Span::styled(format!("{:<22} ", keys.join(", ")), theme::key()),
            Span::raw(b.action.describe()),
        ]));
    }
    lines.push(Line::raw(""));
    let mut legend = vec![Span::styled("Facts in the text: ", theme::dim())];
    for kind in Kind::ALL {
        let style = if kind == Kind::Quote { theme::quote() } else { theme::kind(kind) };
        legend.push(Span::styled(kind.heading(), style));
        legend.push(Span::raw(" "));
    }
    lines.push(Line::from(legend));
    lines.push(Line::styled(
        "The selected fact's mentions are underlined, the current one reversed; H turns colours off.",
        theme::dim(),
    ));
    lines.push(Line::styled(
        "Sidebar: ×N mentions; +N art. = named in N other articles.",
        theme::dim(),
    ));
    lines.push(Line::styled(
        "Mouse: the wheel scrolls the pane under the pointer; a click selects.",
        theme::dim(),
    ));
    lines
}

pub fn draw_help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    draw_overlay(
        frame,
        area,
        " Help — Esc or ? closes, j/k scroll ",
        help_lines(&app.keymap),
        scroll,
    );
}

pub fn draw_problems(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let mut lines: Vec<Line> =
        app.corpus.problems.iter().map(|p| Line::raw(p.to_string())).collect();
    if lines.is_empty() {
        lines.push(Line::styled("Every file loaded.", theme::dim()));
    }
    draw_overlay(frame, area, " Files not loaded — Esc closes ", lines, scroll);
}

fn draw_overlay(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let width = lines.iter().map(Line::width).max().unwrap_or(0).max(title.len()) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let rect = centered(area, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme::border(true))
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
