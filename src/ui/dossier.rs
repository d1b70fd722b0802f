//! An entity's page: its sections under headings, one line per name,
//! role, article, quote, figure, companion and date, the selected line
//! highlighted; the frame's title says the keys that follow a line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::app::App;
use crate::app::dossier::{Page, Row};
use crate::keys::{Action, Context};

pub fn draw(app: &App, page: &Page, frame: &mut Frame, area: Rect) {
    let entity = &page.dossier.entity;
    let back = if app.dossier_depth() > 1 { "back" } else { "close" };
    let (detailed, articles) = (page.dossier.detailed, page.dossier.articles.len());
    let covered = if detailed < articles {
        format!("{articles} article(s), details from the newest {detailed}")
    } else {
        format!("{articles} article(s)")
    };
    let title = format!(
        " {} ({}) · {covered} · {} follows · {} {back} · {} exports ",
        entity.name,
        entity.kind.name(),
        app.hint_in(Action::Open, Context::Dossier),
        app.hint_in(Action::Escape, Context::Dossier),
        app.hint_in(Action::Export, Context::Dossier),
    );
    let inner = super::view_frame(app, frame, area, &title);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let selected = page.selected_row();
    // The selected line a third of the way down once the page scrolls.
    let skip = selected
        .map_or(0, |s| s.saturating_sub(height / 3))
        .min(page.rows.len().saturating_sub(height));
    let lines: Vec<Line> = page
        .rows
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, row)| match row {
            Row::Heading(heading, n) => {
                Line::from(Span::styled(fit(&format!("{heading} ({n})"), width), app.theme.heading))
            }
            Row::Line(line) => {
                let style = if line.entity.is_some() {
                    app.theme.key
                } else {
                    ratatui::style::Style::new()
                };
                let mut shown =
                    Line::from(Span::styled(fit(&format!("  {}", line.text), width), style));
                if Some(i) == selected {
                    shown = shown.patch_style(app.theme.selected(true));
                }
                shown
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
