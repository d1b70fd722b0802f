//! The watch view (`W`): each watched name with the number of articles
//! that name it, then those articles (language, mentions, title), each a
//! step to the article at its first mention.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::app::App;
use crate::app::watch::{Row, WatchView};
use crate::keys::{Action, Context};

/// The marker of a watched name, in the list and the sidebar.
pub const MARK: char = '◆';

pub fn draw(app: &App, view: &WatchView, frame: &mut Frame, area: Rect) {
    let names = view.rows.iter().filter(|r| matches!(r, Row::Name { .. })).count();
    let waiting = if view.complete { "" } else { " · facts still coming" };
    let title = format!(
        " Watch list ({names} name(s)){waiting} · {} opens · {} closes ",
        app.hint_in(Action::Open, Context::WatchView),
        app.hint_in(Action::Escape, Context::WatchView)
    );
    let inner = super::view_frame(app, frame, area, &title);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height).max(1);
    let skip = (view.selected + 1).saturating_sub(height);
    let lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, row)| {
            let line = match row {
                Row::Name { name, articles } => Line::from(vec![
                    Span::styled(format!("{MARK} "), app.theme.heading),
                    Span::styled(fit(name, width.saturating_sub(20)), app.theme.heading),
                    Span::styled(
                        match articles {
                            0 => "  named in no article".to_string(),
                            n => format!("  {n} article(s)"),
                        },
                        app.theme.dim,
                    ),
                ]),
                Row::Article { doc, mentions, .. } => {
                    let d = &app.corpus.docs[*doc];
                    let date = d.date.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
                    let meta = format!("    {:>3}× {}{date} ", mentions, d.lang);
                    let room = width.saturating_sub(meta.chars().count());
                    Line::from(vec![
                        Span::styled(meta, app.theme.dim),
                        Span::raw(fit(&d.title, room)),
                    ])
                }
            };
            if i == view.selected { line.patch_style(app.theme.selected(true)) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
