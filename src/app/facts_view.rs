//! The corpus facts view (`F`): every entity of the corpus with the number
//! of articles that name it, and every figure (money, percentages) with its
//! article and the sentence it stands in. `Enter` opens the article there.

use super::{Action, App, Filter, Pane, moves_in_list, step};
use crate::facts::Kind;
use crate::index::Entity;
use crate::text::DocId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Entities,
    Figures,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Most-named first.
    Count,
    Name,
}

/// The view's state: its rows are built when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactsView {
    pub section: Section,
    pub sort: Sort,
    /// Each entity and how many articles name it.
    pub entities: Vec<(Entity, usize)>,
    /// Each money or percentage fact: its article, and its index there.
    pub figures: Vec<(DocId, usize)>,
    pub entity_selected: usize,
    pub figure_selected: usize,
}

impl FactsView {
    pub fn new(app: &App) -> Self {
        let entities = app.index.iter().map(|(e, m)| (e.clone(), m.len())).collect();
        let figures = app
            .records
            .iter()
            .enumerate()
            .flat_map(|(d, record)| {
                record
                    .kinds()
                    .enumerate()
                    .filter(|(_, k)| matches!(k, Kind::Money | Kind::Percent))
                    .map(move |(i, _)| (DocId(d), i))
            })
            .collect();
        let mut view = Self {
            section: Section::Entities,
            sort: Sort::Count,
            entities,
            figures,
            entity_selected: 0,
            figure_selected: 0,
        };
        view.sort_entities();
        view
    }

    fn sort_entities(&mut self) {
        match self.sort {
            Sort::Count => {
                self.entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
            }
            Sort::Name => {
                self.entities.sort_by_key(|a| a.0.name.to_lowercase());
            }
        }
    }
}

impl App {
    /// Handles an action while the facts view is open; `false` leaves it to
    /// the usual handling (quit, help, …).
    pub(super) fn update_facts_view(&mut self, action: Action) -> bool {
        let handled = self.update_facts_view_inner(action);
        self.read_figure_bodies();
        handled
    }

    /// The bodies of the figures around the selected one (what the view
    /// can show of their sentences), read where they are not yet.
    pub(super) fn read_figure_bodies(&mut self) {
        let Some(view) = &self.facts_view else { return };
        let reach = usize::from(self.size.height);
        let from = view.figure_selected.saturating_sub(reach);
        let docs: Vec<usize> =
            view.figures.iter().skip(from).take(2 * reach).map(|(d, _)| d.0).collect();
        self.read_bodies(docs);
    }

    fn update_facts_view_inner(&mut self, action: Action) -> bool {
        let page = self.reader_height();
        let Some(view) = self.facts_view.as_mut() else { return false };
        match action {
            Action::Escape | Action::FactsView => self.facts_view = None,
            Action::SwitchSection => {
                view.section = match view.section {
                    Section::Entities => Section::Figures,
                    Section::Figures => Section::Entities,
                }
            }
            Action::ToggleSort => {
                view.sort = match view.sort {
                    Sort::Count => Sort::Name,
                    Sort::Name => Sort::Count,
                };
                view.sort_entities();
            }
            a if moves_in_list(a) => match view.section {
                Section::Entities => {
                    view.entity_selected =
                        step(view.entity_selected, view.entities.len(), action, page);
                }
                Section::Figures => {
                    view.figure_selected =
                        step(view.figure_selected, view.figures.len(), action, page);
                }
            },
            Action::Open => self.open_from_facts_view(),
            Action::Quit
            | Action::Help
            | Action::Suspend
            | Action::ToggleMouse
            | Action::Dossier => return false,
            _ => {}
        }
        true
    }

    fn open_from_facts_view(&mut self) {
        let Some(view) = self.facts_view.take() else { return };
        match view.section {
            Section::Figures => {
                let Some(&(DocId(doc), fact)) = view.figures.get(view.figure_selected) else {
                    return;
                };
                self.show_fact(doc, fact);
            }
            Section::Entities => {
                let Some((entity, _)) = view.entities.get(view.entity_selected) else { return };
                self.push_filter(Filter::Entity(entity.clone()));
                self.focus_pane(Pane::List);
            }
        }
    }
}
