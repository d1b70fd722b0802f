//! The watch list: names from the configuration, flagged in the list (an
//! article that names one) and in the sidebar (the entity's line), and the
//! view of the articles that name them (`W`, Datashare's batch search).
//!
//! A watched name matches an entity when it is the entity's canonical name
//! or one of its spellings, case and spacing aside: watching `China` flags
//! `Trung Quốc`, and watching `Trung Quốc` flags every `China`. Matches are
//! found when facts arrive (each article's, a batch at a time) and made
//! whole from the entity index when it is built; the view is built when it
//! opens. Nothing here runs while drawing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Action, App, moves_in_list, step};
use crate::corpus::Document;
use crate::facts::{Fact, Kind, Value};
use crate::index::EntityIndex;
use crate::pipeline::corrections::fold;

/// The watch list and what it matched.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    /// The names, as configured.
    pub names: Vec<String>,
    /// Folded name → its place in `names`.
    folded: HashMap<String, usize>,
    /// Entities (kind, folded canonical name) matched by one of their
    /// spellings → the names that matched.
    spelled: HashMap<(Kind, String), BTreeSet<usize>>,
    /// Per article (by `DocId`): the names it names.
    per_doc: Vec<BTreeSet<usize>>,
}

impl Watch {
    pub fn new(names: Vec<String>) -> Self {
        let folded = names.iter().enumerate().map(|(i, n)| (fold(n), i)).collect();
        Self { names, folded, ..Self::default() }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The watched names an entity answers to.
    pub fn names_of(&self, kind: Kind, name: &str) -> BTreeSet<usize> {
        if self.is_empty() {
            return BTreeSet::new();
        }
        let key = fold(name);
        let mut out: BTreeSet<usize> = self.folded.get(&key).copied().into_iter().collect();
        if let Some(more) = self.spelled.get(&(kind, key)) {
            out.extend(more);
        }
        out
    }

    /// Whether an entity is watched.
    pub fn watches(&self, kind: Kind, name: &str) -> bool {
        !self.names_of(kind, name).is_empty()
    }

    /// The watched names article `doc` names (first the first configured).
    pub fn named_in(&self, doc: usize) -> impl Iterator<Item = &str> {
        self.per_doc.get(doc).into_iter().flatten().map(|&i| self.names[i].as_str())
    }

    /// An article's facts arrived: its spellings that are watched names
    /// join the matches, and the article is flagged.
    pub fn note_facts(&mut self, doc: &Document, facts: &[Fact]) {
        if self.is_empty() {
            return;
        }
        let mut found = BTreeSet::new();
        for fact in facts.iter().filter(|f| f.kind.is_entity()) {
            let Value::Text(name) = &fact.value else { continue };
            if let Some(&i) = self.folded.get(&fold(fact.text(doc))) {
                self.spelled.entry((fact.kind, fold(name))).or_default().insert(i);
            }
            found.extend(self.names_of(fact.kind, name));
        }
        let at = doc.id.0;
        if self.per_doc.len() <= at {
            self.per_doc.resize_with(at + 1, BTreeSet::new);
        }
        self.per_doc[at] = found;
    }

    /// The articles were numbered anew (a reload): the flags wait for the index.
    pub fn forget_articles(&mut self) {
        self.per_doc.clear();
    }

    /// The index is whole: every article that names a watched entity
    /// (under any spelling) is flagged.
    pub fn index_built(&mut self, index: &EntityIndex) {
        if self.is_empty() {
            return;
        }
        self.per_doc.clear();
        for (entity, mentions) in index.iter() {
            let names = self.names_of(entity.kind, &entity.name);
            if names.is_empty() {
                continue;
            }
            for m in mentions {
                if self.per_doc.len() <= m.doc.0 {
                    self.per_doc.resize_with(m.doc.0 + 1, BTreeSet::new);
                }
                self.per_doc[m.doc.0].extend(&names);
            }
        }
    }
}

/// A row of the watch view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A watched name and how many articles name it.
    Name { name: String, articles: usize },
    /// An article naming it: how many mentions, and the first one (a fact index).
    Article { doc: usize, mentions: usize, first: usize },
}

/// The watch view (`W`): per watched name, the articles naming it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WatchView {
    pub rows: Vec<Row>,
    pub selected: usize,
    /// Whether the rows cover every article (the index was whole).
    pub complete: bool,
}

impl WatchView {
    /// Whether the selection was moved from the first article.
    pub fn moved(&self) -> bool {
        let first = self.rows.iter().position(|r| matches!(r, Row::Article { .. }));
        first.is_some_and(|first| first != self.selected)
    }

    /// The rows from the entity index: each name, then its articles in
    /// corpus order with their mentions of any entity it matches.
    pub fn build(watch: &Watch, index: &EntityIndex, complete: bool) -> Self {
        let mut per_name: Vec<BTreeMap<usize, (usize, usize)>> =
            vec![BTreeMap::new(); watch.names.len()];
        for (entity, mentions) in index.iter() {
            for i in watch.names_of(entity.kind, &entity.name) {
                for m in mentions {
                    let first = m.facts.first().copied().unwrap_or(0);
                    let slot = per_name[i].entry(m.doc.0).or_insert((0, first));
                    slot.0 += m.facts.len();
                    slot.1 = slot.1.min(first);
                }
            }
        }
        let mut rows = Vec::new();
        for (name, docs) in watch.names.iter().zip(per_name) {
            rows.push(Row::Name { name: name.clone(), articles: docs.len() });
            rows.extend(docs.into_iter().map(|(doc, (mentions, first))| Row::Article {
                doc,
                mentions,
                first,
            }));
        }
        let selected = rows.iter().position(|r| matches!(r, Row::Article { .. })).unwrap_or(0);
        Self { rows, selected, complete }
    }
}

impl App {
    /// Takes the configuration's watch list.
    pub fn set_watch(&mut self, names: Vec<String>) {
        self.watch = Watch::new(names);
        if !self.watch.is_empty() {
            for (doc, record) in self.corpus.docs.iter().zip(&self.records) {
                self.watch.note_facts(doc, &record.unpacked());
            }
        }
        if self.index_ready {
            self.watch.index_built(&self.index);
        }
    }

    /// `W`: opens (or closes) the watch view.
    pub(super) fn toggle_watch_view(&mut self) {
        if self.watch_view.take().is_some() {
            return;
        }
        if self.watch.is_empty() {
            self.note =
                Some("no names watched: add `[watch] names = [...]` to the configuration".into());
            return;
        }
        self.watch_view = Some(WatchView::build(&self.watch, &self.index, self.index_ready));
    }

    /// Handles an action while the watch view is open; `false` leaves it
    /// to the usual handling (quit, help, …).
    pub(super) fn update_watch_view(&mut self, action: Action) -> bool {
        let page = self.reader_height();
        let Some(view) = self.watch_view.as_mut() else { return false };
        match action {
            Action::Escape | Action::WatchView => self.watch_view = None,
            a if moves_in_list(a) => {
                view.selected = step(view.selected, view.rows.len(), action, page);
            }
            Action::Open => self.open_from_watch_view(),
            Action::Quit | Action::Help | Action::Suspend | Action::ToggleMouse => return false,
            _ => {}
        }
        true
    }

    /// Enter on an article: it opens in the reader at its first mention of
    /// the name, highlighted.
    fn open_from_watch_view(&mut self) {
        let Some(view) = &self.watch_view else { return };
        let Some(&Row::Article { doc, first, .. }) = view.rows.get(view.selected) else { return };
        self.watch_view = None;
        self.show_fact(doc, first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;
    use crate::app::tests::app_for;
    use crate::corpus::Corpus;

    #[test]
    fn a_canonical_name_flags_every_spelling_and_a_spelling_its_entity() {
        let mut app = app_for(Corpus::bundled(), (140, 40));
        app.set_watch(vec!["china".into()]);
        let china: Vec<usize> =
            app.index.mentions(Kind::Place, "China").iter().map(|m| m.doc.0).collect();
        assert!(china.len() > 1, "the bundled articles name China in several languages");
        for &d in &china {
            assert_eq!(app.watch.named_in(d).collect::<Vec<_>>(), ["china"]);
        }
        assert!(app.watch.watches(Kind::Place, "China"));
        // A spelling as written: the entity behind it is watched everywhere.
        let (doc, fact) = (0..app.records.len())
            .find_map(|d| {
                let doc = &app.corpus.docs[d];
                app.records[d]
                    .unpacked()
                    .into_iter()
                    .find(|f| {
                        f.kind == Kind::Place
                            && f.value == Value::Text("China".into())
                            && f.text(doc) != "China"
                    })
                    .map(|f| (d, f.text(doc).to_string()))
            })
            .unwrap();
        app.set_watch(vec![fact.to_uppercase()]);
        assert!(app.watch.watches(Kind::Place, "China"));
        assert!(app.watch.named_in(doc).count() == 1);
        let view = WatchView::build(&app.watch, &app.index, true);
        assert_eq!(view.rows[0], Row::Name { name: fact.to_uppercase(), articles: china.len() });
        app.watch_view = Some(view);
        app.update(Action::Open);
        assert!(app.watch_view.is_none());
        assert!(china.contains(&app.selected));
        assert_eq!(app.focus, Pane::Reader);
        assert!(app.current_fact.is_some());
    }

    #[test]
    fn a_view_opened_before_the_index_opens_its_first_article_after() {
        let mut app = app_for(Corpus::bundled(), (140, 40));
        app.set_watch(vec!["china".into()]);
        let index = std::mem::take(&mut app.index);
        app.index_ready = false;
        let early = WatchView::build(&app.watch, &app.index, false);
        assert!(!early.rows.iter().any(|r| matches!(r, Row::Article { .. })));
        app.watch_view = Some(early);
        app.set_index(index);
        app.update(Action::Open);
        assert!(app.watch_view.is_none(), "Enter opens the first article");
    }
}
