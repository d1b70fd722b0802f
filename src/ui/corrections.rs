//! The list of corrections (`C`): every correction in force, oldest
//! first, each on one line in words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::app::App;
use crate::app::corrections::CorrectionsView;
use crate::app::sidebar::excerpt;
use crate::keys::{Action, Context};
use crate::store::Correction;

pub fn draw(app: &App, view: &CorrectionsView, frame: &mut Frame, area: Rect) {
    let hint = |a| app.hint_in(a, Context::CorrectionsView);
    let title = format!(
        " Corrections ({}) · {} takes back · {} undoes · {} closes ",
        view.rows.len(),
        hint(Action::TakeBack),
        hint(Action::UndoCorrection),
        hint(Action::Escape)
    );
    let inner = super::view_frame(app, frame, area, &title);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height).max(1);
    if view.rows.is_empty() {
        let key = |a| app.hint_in(a, Context::Sidebar);
        let none = format!(
            "no corrections: {}, {}, {} and {} in the fact sidebar make them",
            key(Action::DropFact),
            key(Action::SetSpeaker),
            key(Action::MergeEntity),
            key(Action::SplitEntity)
        );
        frame.render_widget(Paragraph::new(Line::styled(fit(&none, width), app.theme.dim)), inner);
        return;
    }
    let skip = (view.selected + 1).saturating_sub(height);
    let lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, c)| {
            let (what, rest) = describe(c);
            let line = Line::from(vec![
                Span::styled(format!("{what:<8}"), app.theme.heading),
                Span::raw(fit(&rest, width.saturating_sub(8))),
            ]);
            if i == view.selected { line.patch_style(app.theme.selected(true)) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A correction in words: what, and of what.
fn describe(c: &Correction) -> (&'static str, String) {
    let mention = |k: &crate::store::FactKey| {
        format!(
            "{} “{}” in {} (bytes {}–{})",
            k.kind.name(),
            excerpt(&k.text, 40),
            k.article,
            k.span.start,
            k.span.end
        )
    };
    match c {
        Correction::Drop(k) => ("drop", mention(k)),
        Correction::Speaker(k, s) => {
            ("speaker", format!("{}: {}", mention(k), s.as_deref().unwrap_or("nobody named")))
        }
        Correction::Merge { kind, from, into } => {
            ("merge", format!("{} {from} → {into}", kind.name()))
        }
        Correction::Split { kind, name, surface, into } => {
            ("split", format!("{} {name}: “{surface}” → {into}", kind.name()))
        }
    }
}
