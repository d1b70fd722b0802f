//! The person's corrections from the reader: drop a wrong fact, set or
//! clear a quote's speaker, merge an entity into another, split a spelling
//! off one. [`App::correct`] is the one way a correction is made (the
//! sidebar's keys here, and any other view): the shared set the pipeline
//! applies is changed, the facts on screen follow at once, the saver
//! writes the change to the reading state, and the terminal loop makes the
//! entity index again (and the facts of articles a correction taken back
//! gave facts back to).

use std::sync::{Arc, PoisonError};

use super::search::{BoxKind, TextBox};
use super::{Action, App};
use crate::facts::{Fact, Kind};
use crate::index::entities_of;
use crate::keys::Context;
use crate::pipeline::corrections::fold;
use crate::pipeline::{Corrections, Shared};
use crate::store::{Change, Correction, FactKey};
use crate::text::DocId;

/// What the correction box asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The speaker of this quote (empty: nobody named).
    Speaker(FactKey),
    /// The entity this one is merged into.
    Merge { kind: Kind, name: String },
    /// The name a spelling of this entity is split off as.
    Split { kind: Kind, name: String, surface: String },
}

/// The list of corrections (`C`): every one in force, oldest first, as
/// it was when the list opened (and after each one taken back).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorrectionsView {
    pub rows: Vec<Correction>,
    pub selected: usize,
}

/// One correction as made, with the one it replaced (to undo it).
type Undo = Vec<(Correction, Option<Correction>)>;

/// The reader's side of the corrections.
#[derive(Debug, Default)]
pub struct CorrectionState {
    shared: Shared,
    /// Every change made in this session, oldest first: the saver writes
    /// them on.
    pub log: Vec<Change>,
    /// What each correcting key did, newest last, for undo.
    undo: Vec<Undo>,
    /// What the open correction box is for.
    pub asking: Option<Ask>,
    /// Whether corrections made now are lost on quitting (no reading
    /// state: `--no-state`, or it could not be opened): said when made.
    pub unkept: bool,
    /// The list of every correction (`C`), when open.
    pub view: Option<CorrectionsView>,
    /// Set by a correction: the articles whose facts are to be made again
    /// (none: only the entity index), taken by the terminal loop.
    pub redo: Option<Vec<DocId>>,
}

impl CorrectionState {
    /// The set the pipeline applies, shared with the threads that make facts.
    pub fn shared(&self) -> Shared {
        Arc::clone(&self.shared)
    }

    /// The corrections kept, read at start.
    pub fn load(&mut self, list: Vec<Correction>) {
        *self.shared.write().unwrap_or_else(PoisonError::into_inner) = Corrections::new(list);
    }

    /// Every correction in force.
    pub fn list(&self) -> Vec<Correction> {
        self.shared.read().unwrap_or_else(PoisonError::into_inner).list().to_vec()
    }

    fn in_slot(&self, c: &Correction) -> Option<Correction> {
        self.shared.read().unwrap_or_else(PoisonError::into_inner).in_slot(c).cloned()
    }
}

impl App {
    /// Makes or takes back a correction: kept for the pipeline, applied to
    /// the facts on screen, written by the saver.
    pub fn correct(&mut self, change: Change) {
        {
            let mut set = self.corrections.shared.write().unwrap_or_else(PoisonError::into_inner);
            match &change {
                Change::Add(c) => set.add(c.clone()),
                Change::Remove(c) => set.remove(c),
            }
        }
        let docs = self.affected(&change);
        if let Change::Add(_) = change {
            self.apply_to(&docs);
        }
        // A correction taken back gives facts back: they are made again
        // (off this thread), and the index with them. So is the index
        // while it is still being built from the facts as they came.
        if matches!(change, Change::Remove(_)) || !self.index_ready {
            let redo = self.corrections.redo.get_or_insert_with(Vec::new);
            if let Change::Remove(_) = change {
                redo.extend(docs.into_iter().map(DocId));
                redo.sort_unstable_by_key(|d| d.0);
                redo.dedup();
            }
            self.index_ready = false;
        }
        self.corrections.log.push(change);
        self.revision += 1;
    }

    /// Applies the corrections to the facts of articles `docs`, and the
    /// entity index follows, article by article.
    fn apply_to(&mut self, docs: &[usize]) {
        let set = self.corrections.shared();
        for &d in docs {
            let (Some(doc), Some(record)) = (self.corpus.docs.get(d), self.records.get(d)) else {
                continue;
            };
            if !record.facts_ready {
                continue;
            }
            let before = record.unpacked();
            let mut facts = before.clone();
            set.read().unwrap_or_else(PoisonError::into_inner).apply(doc, &mut facts);
            if self.index_ready {
                let (old, new) = (entities_of(&before), entities_of(&facts));
                self.index.replace_doc(DocId(d), &old, new);
            }
            self.set_facts(DocId(d), &facts);
        }
        if self.index_ready {
            self.watch.index_built(&self.index);
        }
    }

    /// The articles a change touches.
    fn affected(&self, change: &Change) -> Vec<usize> {
        let (Change::Add(c) | Change::Remove(c)) = change;
        let added = matches!(change, Change::Add(_));
        let named = |kind: Kind, name: &str| -> Vec<usize> {
            if self.index_ready {
                self.index.mentions(kind, name).iter().map(|m| m.doc.0).collect()
            } else {
                // Before the index: the articles whose facts (those in)
                // name it, or are still to come (corrected as they come).
                let target = fold(name);
                let names_it = |f: &Fact| {
                    f.kind == kind
                        && matches!(&f.value, crate::facts::Value::Text(v)
                            if v.len().abs_diff(name.len()) <= 8 && fold(v) == target)
                };
                (0..self.records.len())
                    .filter(|&d| self.records[d].unpacked().iter().any(names_it))
                    .collect()
            }
        };
        match c {
            Correction::Drop(k) | Correction::Speaker(k, _) => {
                (self.corpus.docs.iter().enumerate())
                    .filter(|(_, d)| d.key == k.article)
                    .map(|(i, _)| i)
                    .collect()
            }
            Correction::Merge { kind, from, into } => named(*kind, if added { from } else { into }),
            Correction::Split { kind, name, into, .. } => {
                named(*kind, if added { name } else { into })
            }
        }
    }

    /// Makes corrections as one step that [`Action::UndoCorrection`]
    /// takes back (remembering what each replaced): what a view's key
    /// that corrects calls.
    pub fn correct_undoably(&mut self, corrections: Vec<Correction>) {
        let mut undo = Vec::new();
        for c in corrections {
            undo.push((c.clone(), self.corrections.in_slot(&c)));
            self.correct(Change::Add(c));
        }
        self.corrections.undo.push(undo);
    }

    /// The selected sidebar entry's facts, and the mention jumped to
    /// (else its first).
    fn selected_facts(&self) -> Option<(Vec<Fact>, Fact)> {
        let entry = self.selected_entry()?;
        let record = self.shown()?;
        let all: Vec<Fact> = entry.mentions.iter().filter_map(|&i| record.fact(i)).collect();
        let current = self
            .current_fact
            .filter(|c| entry.mentions.contains(c))
            .or_else(|| entry.mentions.first().copied())
            .and_then(|i| record.fact(i))?;
        Some((all, current))
    }

    /// Drops the selected sidebar entry: every mention of it in this article.
    pub(super) fn drop_selected(&mut self) {
        let (Some(doc), Some((all, _))) = (self.doc(), self.selected_facts()) else {
            self.note = Some("no fact selected".into());
            return;
        };
        let drops: Vec<Correction> =
            all.iter().map(|f| Correction::Drop(FactKey::of(doc, f))).collect();
        let n = drops.len();
        self.correct_undoably(drops);
        let undo = self.hint_in(Action::UndoCorrection, Context::Sidebar);
        self.note = Some(format!("dropped ({n} mention(s)) — {undo} undoes{}", self.unkept_note()));
    }

    /// Takes back what the last correcting key of this session did.
    pub(super) fn undo_correction(&mut self) {
        let Some(undo) = self.corrections.undo.pop() else {
            self.note = Some("no correction of this session to undo".into());
            return;
        };
        for (made, replaced) in undo.into_iter().rev() {
            match replaced {
                Some(before) => self.correct(Change::Add(before)),
                None => self.correct(Change::Remove(made)),
            }
        }
        self.note = Some("correction undone".into());
    }

    /// `C`: opens (or closes) the list of corrections.
    pub(super) fn toggle_corrections_view(&mut self) {
        if self.corrections.view.take().is_none() {
            let rows = self.corrections.list();
            self.corrections.view = Some(CorrectionsView { rows, selected: 0 });
        }
    }

    /// Handles an action while the list of corrections is open; `false`
    /// leaves it to the usual handling (quit, help, …).
    pub(super) fn update_corrections_view(&mut self, action: Action) -> bool {
        let page = self.reader_height();
        let Some(view) = self.corrections.view.as_mut() else { return false };
        match action {
            Action::Escape | Action::CorrectionsView => self.corrections.view = None,
            a if super::moves_in_list(a) => {
                view.selected = super::step(view.selected, view.rows.len(), action, page);
            }
            Action::TakeBack => {
                let Some(c) = view.rows.get(view.selected).cloned() else { return true };
                self.correct(Change::Remove(c.clone()));
                // Undone, it is made again.
                self.corrections.undo.push(vec![(c.clone(), Some(c))]);
                self.refresh_corrections_view();
                let undo = self.hint_in(Action::UndoCorrection, Context::CorrectionsView);
                self.note = Some(format!("correction taken back — {undo} undoes"));
            }
            Action::UndoCorrection => {
                self.undo_correction();
                self.refresh_corrections_view();
            }
            Action::Quit | Action::Help | Action::Suspend | Action::ToggleMouse => return false,
            _ => {}
        }
        true
    }

    /// The list of corrections shows what is in force now.
    fn refresh_corrections_view(&mut self) {
        let rows = self.corrections.list();
        if let Some(view) = self.corrections.view.as_mut() {
            view.selected = view.selected.min(rows.len().saturating_sub(1));
            view.rows = rows;
        }
    }

    /// Opens the correction box for `ask`, holding `text`.
    fn ask(&mut self, ask: Ask, text: String) {
        self.corrections.asking = Some(ask);
        self.text_box = Some(TextBox::new(BoxKind::Correct, text));
    }

    /// Asks for the selected quote's speaker.
    pub(super) fn ask_speaker(&mut self) {
        let (Some(doc), Some((_, fact))) = (self.doc(), self.selected_facts()) else { return };
        if fact.kind != Kind::Quote {
            self.note = Some("a speaker is set on a quote".into());
            return;
        }
        let (key, now) = (FactKey::of(doc, &fact), fact.speaker.clone().unwrap_or_default());
        self.ask(Ask::Speaker(key), now);
    }

    /// Asks which entity the selected one is merged into.
    pub(super) fn ask_merge(&mut self) {
        let Some(entry) = self.selected_entry().filter(|e| e.kind.is_entity()) else {
            self.note = Some("people, organisations and places are merged".into());
            return;
        };
        let ask = Ask::Merge { kind: entry.kind, name: entry.label.clone() };
        self.ask(ask, String::new());
    }

    /// Splits the spelling of the selected mention off its entity: a merge
    /// that made it is taken back; else the box asks for its own name.
    pub(super) fn ask_split(&mut self) {
        let (Some(doc), Some((_, fact))) = (self.doc(), self.selected_facts()) else { return };
        let Some(name) = self.selected_entry().filter(|e| e.kind.is_entity()).map(|e| &e.label)
        else {
            self.note = Some("people, organisations and places are split".into());
            return;
        };
        let (kind, name, surface) = (fact.kind, name.clone(), fact.text(doc).to_string());
        let merge = self.corrections.list().into_iter().find(|c| {
            matches!(c, Correction::Merge { kind: k, from, into }
                if *k == kind && fold(into) == fold(&name) && fold(from) == fold(&surface))
        });
        if let Some(merge) = merge {
            self.correct(Change::Remove(merge.clone()));
            self.corrections.undo.push(vec![]);
            self.note = Some(format!("“{surface}” is no longer merged into {name}"));
            return;
        }
        if fold(&surface) == fold(&name) {
            self.note = Some(format!("“{surface}” is written as its name: nothing to split off"));
            return;
        }
        self.ask(Ask::Split { kind, name, surface: surface.clone() }, surface);
    }

    /// What the correction box says before the text.
    pub fn correction_prompt(&self) -> String {
        match &self.corrections.asking {
            Some(Ask::Speaker(_)) => "speaker (empty: none): ".into(),
            Some(Ask::Merge { name, .. }) => format!("merge {name} into: "),
            Some(Ask::Split { name, surface, .. }) => format!("split “{surface}” off {name} as: "),
            None => String::new(),
        }
    }

    /// The correction box was confirmed with `text`.
    pub(super) fn answer(&mut self, text: &str) {
        let Some(ask) = self.corrections.asking.take() else { return };
        let text = crate::text::one_line(text.trim()).into_owned();
        let correction = match ask {
            Ask::Speaker(key) => {
                let speaker = (!text.is_empty()).then(|| self.known_name(Kind::Person, &text));
                Correction::Speaker(key, speaker)
            }
            Ask::Merge { kind, name } => {
                if text.is_empty() || fold(&text) == fold(&name) {
                    self.note = Some("nothing merged".into());
                    return;
                }
                let into = self.known_name(kind, &text);
                Correction::Merge { kind, from: name, into }
            }
            Ask::Split { kind, name, surface } => {
                if text.is_empty() || fold(&text) == fold(&name) {
                    self.note = Some("nothing split".into());
                    return;
                }
                Correction::Split { kind, name, surface, into: text }
            }
        };
        self.correct_undoably(vec![correction]);
        let undo = self.hint_in(Action::UndoCorrection, Context::Sidebar);
        self.note = Some(format!("corrected — {undo} undoes{}", self.unkept_note()));
    }

    /// What a note on a correction adds when it will not be kept.
    fn unkept_note(&self) -> &'static str {
        if self.corrections.unkept { " (for this session: no reading state)" } else { "" }
    }

    /// `name` as the corpus spells the entity, when it knows one by that
    /// name (case and spacing aside).
    fn known_name(&self, kind: Kind, name: &str) -> String {
        let found = self.index.mentions(kind, name).first().and_then(|m| {
            let fact = self.records.get(m.doc.0)?.fact(*m.facts.first()?)?;
            crate::index::Entity::of(&fact).map(|e| e.name)
        });
        found.unwrap_or_else(|| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::app::Action;
    use crate::app::tests::app_for;
    use crate::corpus::Corpus;
    use crate::facts::Kind;
    use crate::store::{Change, Correction};

    /// The bundled articles, the sidebar focused on the first entry of `kind`
    /// in the first article that has one.
    fn on_entry(kind: Kind) -> crate::app::App {
        let mut app = app_for(Corpus::bundled(), (140, 40));
        let doc =
            (0..app.records.len()).find(|&d| app.records[d].kinds().any(|k| k == kind)).unwrap();
        app.select(doc);
        app.update(Action::ToggleSidebar);
        app.focus_pane(crate::app::Pane::Sidebar);
        let entry = app.sidebar().unwrap().entries.iter().position(|e| e.kind == kind).unwrap();
        app.records[doc].sidebar_selected = entry;
        app
    }

    #[test]
    fn a_dropped_fact_leaves_the_sidebar_and_undo_brings_it_back() {
        let mut app = on_entry(Kind::Place);
        let label = app.selected_entry().unwrap().label.clone();
        let before = app.spots().len();
        app.update(Action::DropFact);
        assert!(app.spots().len() < before);
        assert!(app.index.mentions(Kind::Place, &label).iter().all(|m| m.doc.0 != app.selected));
        assert!(!app.sidebar().unwrap().entries.iter().any(|e| e.label == label));
        assert!(matches!(app.corrections.log[0], Change::Add(Correction::Drop(_))));
        // Taken back: the article's facts are to be made again.
        app.update(Action::UndoCorrection);
        assert!(app.corrections.list().is_empty());
        assert_eq!(app.corrections.redo.as_deref(), Some(&[crate::text::DocId(app.selected)][..]));
    }

    #[test]
    fn a_merge_renames_across_articles_and_split_takes_it_back() {
        let mut app = on_entry(Kind::Person);
        let name = app.selected_entry().unwrap().label.clone();
        answer(&mut app, Action::MergeEntity, "Someone Else");
        assert!(app.sidebar().unwrap().entries.iter().any(|e| e.label == "Someone Else"));
        assert!(!app.sidebar().unwrap().entries.iter().any(|e| e.label == name));
        // The index follows without being built again.
        assert!(app.index_ready && app.corrections.redo.is_none());
        assert_eq!(app.index.article_count(Kind::Person, &name), 0);
        assert!(app.index.article_count(Kind::Person, "Someone Else") > 0);
        assert_eq!(
            app.corrections.list(),
            [Correction::Merge { kind: Kind::Person, from: name, into: "Someone Else".into() }]
        );
    }

    /// Opens the box with `action`, replaces its text with `text`, confirms.
    fn answer(app: &mut crate::app::App, action: Action, text: &str) {
        app.update(action);
        let b = app.text_box.as_mut().expect("the correction box is open");
        b.text.clear();
        b.cursor = 0;
        for c in text.chars() {
            b.insert(c);
        }
        app.handle_key(crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Enter));
    }

    #[test]
    fn a_speaker_is_set_and_cleared() {
        let mut app = on_entry(Kind::Quote);
        let speaker = |app: &crate::app::App| {
            let entry = app.selected_entry().unwrap();
            app.shown().unwrap().fact(entry.mentions[0]).unwrap().speaker
        };
        answer(&mut app, Action::SetSpeaker, "Ada Lovelace");
        assert_eq!(speaker(&app).as_deref(), Some("Ada Lovelace"));
        assert!(app.text_box.is_none() && app.corrections.asking.is_none());
        answer(&mut app, Action::SetSpeaker, "  ");
        assert_eq!(speaker(&app), None);
        assert_eq!(app.corrections.list().len(), 1, "the second replaced the first");
        // Undo brings back the speaker the first correction set.
        app.update(Action::UndoCorrection);
        assert_eq!(speaker(&app).as_deref(), Some("Ada Lovelace"));
    }

    #[test]
    fn split_takes_back_the_merge_that_made_a_spelling_and_else_asks() {
        let text = "Li Wei and Wei Li\n\nThe spokesman Li Wei said so. The director, Wei Li, left.";
        let doc = crate::corpus::Document::from_text(
            crate::text::DocId(0),
            "a".into(),
            "a.txt".into(),
            text,
        );
        let mut app = app_for(Corpus { docs: vec![doc], ..Corpus::default() }, (140, 40));
        app.update(Action::ToggleSidebar);
        app.focus_pane(crate::app::Pane::Sidebar);
        let people = |app: &crate::app::App| -> Vec<String> {
            let entries = &app.sidebar().unwrap().entries;
            entries.iter().filter(|e| e.kind == Kind::Person).map(|e| e.label.clone()).collect()
        };
        assert_eq!(people(&app), ["Li Wei", "Wei Li"]);
        let at = |app: &mut crate::app::App, label: &str| {
            let entry = app.sidebar().unwrap().entries.iter().position(|e| e.label == label);
            app.records[0].sidebar_selected = entry.unwrap();
            app.current_fact = None;
        };
        at(&mut app, "Li Wei");
        answer(&mut app, Action::MergeEntity, "wei li");
        assert_eq!(people(&app), ["Wei Li"], "merged under the spelling the article has");
        at(&mut app, "Wei Li");
        let first = app
            .selected_entry()
            .unwrap()
            .mentions
            .iter()
            .copied()
            .find(|&m| app.spots()[m].text(&app.corpus.docs[0]) == "Wei Li");
        app.current_fact = first;
        app.update(Action::SplitEntity);
        assert_eq!(people(&app), ["Wei Li"], "the first mention is not the merged spelling");
        assert!(app.text_box.is_none(), "a spelling written as its name is not split");
        assert_eq!(app.corrections.list().len(), 1);
        let merged = app.spots().iter().position(|f| f.text(&app.corpus.docs[0]) == "Li Wei");
        app.current_fact = merged;
        app.update(Action::SplitEntity);
        assert!(app.corrections.list().is_empty(), "the merge is taken back");
        assert_eq!(app.corrections.redo.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn the_list_of_corrections_takes_one_back_and_undo_makes_it_again() {
        let mut app = on_entry(Kind::Place);
        app.update(Action::DropFact);
        app.update(Action::CorrectionsView);
        assert_eq!(app.top(), crate::app::Layer::View(crate::app::View::Corrections));
        // One drop per mention.
        let n = app.corrections.list().len();
        assert_eq!(app.corrections.view.as_ref().unwrap().rows.len(), n);
        app.update(Action::TakeBack);
        assert_eq!(app.corrections.list().len(), n - 1);
        assert_eq!(app.corrections.view.as_ref().unwrap().rows.len(), n - 1);
        app.update(Action::UndoCorrection);
        assert_eq!(app.corrections.view.as_ref().unwrap().rows.len(), n);
        app.update(Action::Escape);
        assert!(app.corrections.view.is_none());
    }
}
