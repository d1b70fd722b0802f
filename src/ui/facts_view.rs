//! The corpus facts view: entities with their article counts beside the
//! figures table (one column each when wide, the focused one when narrow).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::fit;
use crate::app::App;
use crate::app::facts_view::{FactsView, Section, Sort};
use crate::app::sidebar::label;
use crate::facts::Kind;
use crate::index::sentence_around;
use crate::keys::{Action, Context};

pub fn draw(app: &App, view: &FactsView, frame: &mut Frame, area: Rect) {
    if area.width >= 100 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(38), Constraint::Min(20)]).areas(area);
        entities(app, view, frame, left);
        figures(app, view, frame, right);
    } else if view.section == Section::Entities {
        entities(app, view, frame, area);
    } else {
        figures(app, view, frame, area);
    }
}

fn block(app: &App, title: &str, focused: bool, area: Rect) -> Block<'static> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(app.theme.border(focused))
        .title(Line::styled(fit(title, super::border_room(area)), app.theme.title(focused)))
}

/// The first row to draw so that `selected` is in a window of `height`.
fn window(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

fn entities(app: &App, view: &FactsView, frame: &mut Frame, area: Rect) {
    let focused = view.section == Section::Entities;
    let sort = match view.sort {
        Sort::Count => "by articles",
        Sort::Name => "by name",
    };
    let b = block(
        app,
        &format!(
            " Entities ({}) · {sort} · {} sorts ",
            view.entities.len(),
            app.hint_in(Action::ToggleSort, Context::FactsView)
        ),
        focused,
        area,
    );
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = usize::from(inner.width);
    let skip = window(view.entity_selected, usize::from(inner.height));
    let lines: Vec<Line> = view
        .entities
        .iter()
        .enumerate()
        .skip(skip)
        .take(usize::from(inner.height))
        .map(|(i, (entity, count))| {
            let kind = match entity.kind {
                Kind::Person => "person",
                Kind::Org => "org   ",
                _ => "place ",
            };
            let mut line = Line::from(vec![
                Span::raw(format!("{count:>3}  ")),
                Span::styled(kind, app.theme.kind(entity.kind)),
                Span::raw(format!("  {}", fit(&entity.name, width.saturating_sub(13)))),
            ]);
            if i == view.entity_selected {
                line = line.patch_style(app.theme.selected(focused));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn figures(app: &App, view: &FactsView, frame: &mut Frame, area: Rect) {
    let focused = view.section == Section::Figures;
    let b = block(
        app,
        &format!(
            " Figures ({}) · {} opens · {} switches ",
            view.figures.len(),
            app.hint_in(Action::Open, Context::FactsView),
            app.hint_in(Action::SwitchSection, Context::FactsView)
        ),
        focused,
        area,
    );
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = usize::from(inner.width);
    let skip = window(view.figure_selected, usize::from(inner.height));
    let lines: Vec<Line> = view
        .figures
        .iter()
        .enumerate()
        .skip(skip)
        .take(usize::from(inner.height))
        .map(|(i, &(crate::text::DocId(d), f))| {
            let doc = &app.corpus.docs[d];
            let Some(fact) = app.records[d].fact(f) else { return Line::default() };
            let text = match fact.field {
                crate::facts::Field::Body => &*doc.body,
                crate::facts::Field::Title => &*doc.title,
            };
            let sentence = sentence_around(text, fact.span).get(text);
            let value = format!("{:<16}", fit(&label(doc, &fact), 16));
            let title = format!(" {:<18} ", fit(&doc.title, 18));
            let rest = fit(&sentence.replace('\n', " "), width.saturating_sub(36));
            let mut line = Line::from(vec![
                Span::styled(value, app.theme.kind(fact.kind)),
                Span::styled(title, app.theme.dim),
                Span::raw(rest),
            ]);
            if i == view.figure_selected {
                line = line.patch_style(app.theme.selected(focused));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
