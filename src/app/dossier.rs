//! Entity pages (`d`): a stack of pages, each built once when it opens
//! (from the entity's own mentions: milliseconds even at 100,000 articles,
//! see `benches/dossier.rs`), never while drawing. `Enter` on a line jumps
//! to its place in the article, highlighted, or opens the page of the
//! entity it names; `Esc` goes back a page; `x` exports the page.

use std::borrow::Cow;

use super::facts_view::Section as FactsSection;
use super::{Action, App, Record, moves_in_list, step};
use crate::facts::{Fact, Kind};
use crate::index::dossier::{self, Dossier, FactsOf};
use crate::index::{Entity, Source};
use crate::report::dossier::{Line, Pile, Section, sections};
use crate::text::DocId;

impl FactsOf for [Record] {
    fn facts_of(&self, doc: DocId) -> Cow<'_, [Fact]> {
        Cow::Owned(self.get(doc.0).map(Record::unpacked).unwrap_or_default())
    }

    fn fact_of(&self, doc: DocId, fact: usize) -> Option<Fact> {
        self.get(doc.0)?.fact(fact)
    }
}

/// One row of a page as the reader shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A section's heading and how many lines it holds.
    Heading(&'static str, usize),
    Line(Line),
}

/// An open entity page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub dossier: Dossier,
    pub rows: Vec<Row>,
    /// The rows that are lines (headings are not selected), in order.
    pub lines: Vec<usize>,
    /// Which of `lines` is selected.
    pub selected: usize,
}

impl Page {
    fn new(dossier: Dossier, sections: Vec<Section>) -> Self {
        let mut rows = Vec::new();
        for s in sections {
            rows.push(Row::Heading(s.heading, s.lines.len()));
            rows.extend(s.lines.into_iter().map(Row::Line));
        }
        let lines = (0..rows.len()).filter(|&i| matches!(rows[i], Row::Line(_))).collect();
        Self { dossier, rows, lines, selected: 0 }
    }

    /// The selected row's index in `rows`.
    pub fn selected_row(&self) -> Option<usize> {
        self.lines.get(self.selected).copied()
    }

    fn selected_line(&self) -> Option<&Line> {
        match &self.rows[self.selected_row()?] {
            Row::Line(line) => Some(line),
            Row::Heading(..) => None,
        }
    }
}

impl App {
    /// `d`: the page of the entity selected in the sidebar (a quote's: its
    /// speaker's) or in the facts view's entities.
    pub(super) fn open_dossier(&mut self) {
        let entity = if self.facts_view.is_some() {
            self.facts_view_entity()
        } else {
            self.sidebar_entity()
        };
        match entity {
            Some(entity) => self.push_dossier(&entity),
            None => self.note = Some("no person, organisation or place selected".into()),
        }
    }

    fn facts_view_entity(&self) -> Option<Entity> {
        let view = self.facts_view.as_ref()?;
        if view.section != FactsSection::Entities {
            return None;
        }
        view.entities.get(view.entity_selected).map(|(e, _)| e.clone())
    }

    fn sidebar_entity(&self) -> Option<Entity> {
        let entry = self.selected_entry()?;
        let fact = self.shown()?.fact(*entry.mentions.first()?)?;
        match (fact.kind, &fact.speaker) {
            (Kind::Quote, Some(speaker)) => self
                .index
                .entity(Kind::Person, speaker)
                .cloned()
                .or_else(|| Some(Entity { kind: Kind::Person, name: speaker.clone() })),
            _ => Entity::of(&fact),
        }
    }

    /// Builds the page of `entity` and puts it on top of the stack.
    fn push_dossier(&mut self, entity: &Entity) {
        let detailed =
            dossier::detailed(entity, &self.index, &self.corpus.docs, dossier::QUICK_DETAIL);
        self.read_bodies(detailed.into_iter().map(|d| d.0));
        let facts = self.records.as_slice();
        let (index, docs) = (&self.index, &self.corpus.docs);
        let built = dossier::build_within(entity, index, docs, facts, dossier::QUICK_DETAIL);
        let pile = Pile { docs: &self.corpus.docs, facts };
        let page = Page::new(built.clone(), sections(&built, pile));
        if !self.index_ready {
            self.note = Some("still loading: the page covers the articles read so far".into());
        }
        self.dossiers.push(page);
    }

    /// An action while an entity page is on top; `false` leaves it to the
    /// usual handling (quit, help, …).
    pub(super) fn update_dossier(&mut self, action: Action) -> bool {
        let page_rows = self.reader_height();
        let Some(page) = self.dossiers.last_mut() else { return false };
        match action {
            Action::Escape => {
                self.dossiers.pop();
            }
            a if moves_in_list(a) => {
                page.selected = step(page.selected, page.lines.len(), action, page_rows);
            }
            Action::Open => self.follow_dossier_line(),
            Action::Export => self.export_dossier(),
            Action::Quit | Action::Help | Action::Suspend | Action::ToggleMouse => return false,
            _ => {}
        }
        true
    }

    /// `Enter` on a line: another entity's page, or the place in the article.
    fn follow_dossier_line(&mut self) {
        let Some(line) = self.dossiers.last().and_then(Page::selected_line).cloned() else {
            return;
        };
        match (line.entity, line.source) {
            (Some(entity), _) => self.push_dossier(&entity),
            (None, Some(source)) => {
                self.dossiers.clear();
                self.facts_view = None;
                self.show_fact(source.doc.0, source.fact);
            }
            (None, None) => {}
        }
    }

    /// `x` on a page: the page as Markdown and JSON in the export folder.
    fn export_dossier(&mut self) {
        let Some(page) = self.dossiers.last() else { return };
        let pile = Pile { docs: &self.corpus.docs, facts: self.records.as_slice() };
        let markdown = crate::report::dossier::markdown(&page.dossier, pile);
        let json = crate::report::dossier::json(&page.dossier, pile).to_string();
        let key = format!("entity_{}", page.dossier.entity.name);
        self.note = Some(self.write_export(&key, &markdown, &json));
    }

    /// The source of the selected line of the page on top, if any.
    pub fn dossier_source(&self) -> Option<Source> {
        self.dossiers.last()?.selected_line()?.source
    }

    /// The number of pages open, the top one included.
    pub fn dossier_depth(&self) -> usize {
        self.dossiers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;
    use crate::app::tests::app_for;
    use crate::corpus::Corpus;
    use crate::keys::parse_keys;

    fn app_after(keys: &str) -> App {
        let mut app = app_for(Corpus::bundled(), (120, 40));
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
        app
    }

    /// The person with the most quotes of the corpus: found from the
    /// facts, not named here.
    fn most_quoted(app: &App) -> String {
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for i in 0..app.records.len() {
            for f in app.records[i].unpacked() {
                if let Some(s) = f.speaker {
                    *counts.entry(s).or_default() += 1;
                }
            }
        }
        counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).expect("a speaker").0
    }

    fn open_on(app: &mut App, name: &str) {
        let entity = app.index.iter().find(|(e, _)| e.name == name).unwrap().0.clone();
        app.push_dossier(&entity);
    }

    #[test]
    fn d_in_the_facts_view_opens_the_selected_entity_and_esc_goes_back() {
        let mut app = app_after("F d");
        let top = app.dossiers.last().expect("a page").dossier.entity.clone();
        assert_eq!(top.name, "Alibaba", "the most named entity is first");
        app.update(Action::Escape);
        assert!(app.dossiers.is_empty());
        assert!(app.facts_view.is_some(), "back in the facts view");
    }

    #[test]
    fn a_with_line_opens_its_page_and_escape_comes_back() {
        let mut app = app_after("");
        open_on(&mut app, "Alibaba");
        let page = app.dossiers.last().unwrap();
        let at = page
            .lines
            .iter()
            .position(|&r| matches!(&page.rows[r], Row::Line(l) if l.entity.is_some()))
            .expect("a with line");
        app.dossiers.last_mut().unwrap().selected = at;
        app.update(Action::Open);
        assert_eq!(app.dossier_depth(), 2);
        assert_ne!(app.dossiers[1].dossier.entity.name, "Alibaba");
        app.update(Action::Escape);
        assert_eq!(app.dossier_depth(), 1);
    }

    #[test]
    fn a_line_jumps_to_its_fact_in_the_article() {
        let mut app = app_after("");
        let name = most_quoted(&app);
        open_on(&mut app, &name);
        let page = app.dossiers.last().unwrap();
        let quote = page
            .lines
            .iter()
            .position(|&r| matches!(&page.rows[r], Row::Line(l) if l.text.starts_with('“')))
            .expect("a quote line");
        app.dossiers.last_mut().unwrap().selected = quote;
        let source = app.dossier_source().unwrap();
        app.update(Action::Open);
        assert!(app.dossiers.is_empty());
        assert_eq!(app.selected, source.doc.0);
        assert_eq!(app.current_fact, Some(source.fact));
        assert_eq!(app.focus, Pane::Reader);
        let (marked, current) = app.marked_facts();
        assert_eq!(current, Some(source.fact));
        assert!(marked.contains(&source.fact), "the sidebar selects the quote");
    }

    #[test]
    fn x_exports_the_page_with_the_source_of_every_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_after("");
        app.data_dir = Some(dir.path().to_path_buf());
        let name = most_quoted(&app);
        open_on(&mut app, &name);
        app.update(Action::Export);
        assert!(
            app.note.as_deref().is_some_and(|n| n.starts_with("exported to")),
            "{:?}",
            app.note
        );
        let base = dir.path().join("exports").join(format!("entity_{}", name.replace(' ', "_")));
        let md = std::fs::read_to_string(base.with_extension("md")).unwrap();
        let json = std::fs::read_to_string(base.with_extension("json")).unwrap();
        assert!(md.starts_with(&format!("# {name} (person)\n")), "{md}");
        let lines: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
        assert!(!lines.is_empty());
        for line in lines {
            assert!(line.contains(" — `00"), "a line without its source: {line}");
        }
        let page: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(page["name"], name.as_str());
        let first = app.dossiers[0].dossier.quotes[0].doc;
        assert_eq!(page["quotes"][0]["id"], app.corpus.docs[first.0].key.as_str());
        assert_eq!(app.dossiers.len(), 1, "the page stays open");
    }

    #[test]
    fn d_on_a_figure_says_what_it_needs() {
        let app = app_after("F Tab d");
        assert!(app.dossiers.is_empty());
        assert_eq!(app.note.as_deref(), Some("no person, organisation or place selected"));
    }
}
