//! Articles that arrive while the reader runs: batches from the loader,
//! each article's facts from the extractor, the entity index once every
//! article has its facts, and what a reload (`r`) changed. The event loop
//! (`tui`) does the work on other threads and hands the results here.

use std::collections::HashMap;

use super::{App, Record};
use crate::corpus::{Batch, Corpus, Document, Progress};
use crate::facts::Fact;
use crate::index::{ArticleEntities, EntityIndex};
use crate::pipeline::{Loaded, Summary};
use crate::text::DocId;

/// What a reload found, against the articles shown before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub changed: usize,
    pub gone: usize,
}

impl std::fmt::Display for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if *self == Changes::default() {
            return write!(f, "reloaded: nothing changed");
        }
        write!(f, "reloaded: {} new, {} changed, {} gone", self.added, self.changed, self.gone)
    }
}

impl App {
    /// Whether articles are still being loaded (or reloaded).
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// How many articles still wait for their facts.
    pub fn facts_pending(&self) -> usize {
        self.records.iter().filter(|r| !r.facts_ready).count()
    }

    /// A load is under way: the status line shows its progress.
    pub fn start_loading(&mut self, progress: Progress) {
        self.loading = Some(progress);
    }

    /// Appends a batch of newly loaded articles (numbered on from the
    /// last) to the list, without moving the selection.
    pub fn add_batch(&mut self, batch: Batch) {
        self.append(batch, Vec::new());
    }

    /// [`App::add_batch`], with each article's record made already (with
    /// its facts, off the UI thread) when `records` has one for each.
    fn append(&mut self, batch: Batch, records: Vec<Record>) {
        let Batch { docs, problems, notes, progress } = batch;
        let start = self.corpus.docs.len();
        let was_empty = start == 0;
        let mut records = (records.len() == docs.len()).then(|| records.into_iter());
        for doc in docs {
            debug_assert_eq!(doc.id, DocId(self.corpus.docs.len()));
            let record = records.as_mut().and_then(Iterator::next);
            if let Some(r) = record.as_ref().filter(|_| !self.watch.is_empty()) {
                self.watch.note_facts(&doc, &r.unpacked());
            }
            self.records.push(record.unwrap_or_else(Record::waiting));
            self.corpus.docs.push(doc);
        }
        let n = self.corpus.docs.len();
        self.corpus.problems.extend(problems);
        self.corpus.notes.extend(notes);
        if self.loading.is_some() {
            self.loading = Some(progress);
        }
        // The search index no longer covers every article: built again when next needed.
        self.asking.corpus_changed();
        self.extend_visible(start);
        if was_empty && n > 0 {
            self.selected = 0;
            self.select(0);
        }
        self.restore_range(start..n);
    }

    /// Appends articles that come with their facts (read back from the
    /// library, or extracted by the loader): their facts are shown at once.
    /// `records` are theirs, made with [`Record::with_facts`] where the
    /// articles came (one for each; else made here).
    pub fn add_loaded(&mut self, loaded: Loaded, records: Vec<Record>) {
        let Loaded { docs, facts, kept, problems, notes, progress } = loaded;
        let records = if records.len() == docs.len() || facts.len() != docs.len() {
            records
        } else {
            let kept = kept.into_iter().chain(std::iter::repeat(None));
            facts.iter().zip(kept).map(|(f, k)| Record::from_loaded(f, k)).collect()
        };
        self.append(Batch { docs, problems, notes, progress }, records);
    }

    /// Reads the body of article `i` from the library if it was handed over
    /// without (one row by its key: bounded by the loader's limit on an
    /// article, so quick enough for the UI thread). A library that fails
    /// says so on the status line; the article shows its title only.
    pub fn read_body(&mut self, i: usize) {
        let (Some(doc), Some(record)) = (self.corpus.docs.get_mut(i), self.records.get_mut(i))
        else {
            return;
        };
        if !record.bodyless() {
            return;
        }
        let (Some(library), Some(row)) = (&self.library, record.row) else { return };
        match library.fill_body(row, doc) {
            Ok(()) => record.body_read(doc),
            Err(e) => self.note = Some(format!("could not read the article: {e}")),
        }
    }

    /// Reads the bodies of the articles `ids` not read yet (the views
    /// that show sentences of many articles).
    pub fn read_bodies(&mut self, ids: impl IntoIterator<Item = usize>) {
        for i in ids {
            self.read_body(i);
        }
    }

    /// Lists articles `start..` as the filters and order say, keeping the
    /// selection and the list's scroll where they are.
    fn extend_visible(&mut self, start: usize) {
        let n = self.corpus.docs.len();
        if self.filters.is_empty() && self.sort == super::list::SortKey::Path {
            self.visible.extend(start..n);
            return;
        }
        let offset_doc = self.visible.get(self.list_offset).copied();
        let kept: Vec<usize> =
            (start..n).filter(|&d| self.filters.iter().all(|f| f.keeps(self, d))).collect();
        self.visible.extend(kept);
        self.sort_visible();
        self.list_offset =
            offset_doc.and_then(|d| self.visible.iter().position(|&v| v == d)).unwrap_or(0);
        self.keep_list_selection_visible();
    }

    /// The load is over: the status line says how it went, and how much
    /// came from the library.
    pub fn finish_loading(&mut self, summary: Summary) {
        let Some(progress) = self.loading.take() else { return };
        let problems = self.corpus.problems.len();
        let secs = progress.elapsed.as_secs_f64();
        let mut note = format!(
            "{} article(s) loaded in {secs:.1} s ({:.0} MB/s)",
            self.corpus.docs.len(),
            progress.mb_per_second()
        );
        if problems > 0 {
            let key = self.hint_in(crate::keys::Action::Problems, crate::keys::Context::List);
            note = format!("{note}; {problems} file(s) could not be loaded — {key} shows them");
        }
        // Said when the library gave something or found something gone.
        if summary.cached && summary.unchanged + summary.stale + summary.gone > 0 {
            note = format!("{note}; {summary}");
        }
        if self.note.is_none() {
            self.note = Some(note);
        }
        self.prepare_search();
    }

    /// The facts of article `id`, extracted off the UI thread.
    pub fn set_facts(&mut self, id: DocId, facts: &[Fact]) {
        let i = id.0;
        let (Some(doc), Some(record)) = (self.corpus.docs.get(i), self.records.get_mut(i)) else {
            return;
        };
        self.watch.note_facts(doc, facts);
        record.set_facts(facts);
        if i == self.selected {
            // Fact highlights are drawn from the facts: wrap again.
            self.rewrap();
        }
    }

    /// The corpus entity index, built once every article has its facts.
    pub fn set_index(&mut self, index: EntityIndex) {
        self.index = index;
        self.index_ready = true;
        self.watch.index_built(&self.index);
        if let Some(old) = &self.watch_view {
            let mut view = super::watch::WatchView::build(&self.watch, &self.index, true);
            // A selection moved in the view keeps its place; the one it was
            // opened with goes to its first article.
            if old.complete || old.moved() {
                view.selected = old.selected.min(view.rows.len().saturating_sub(1));
            }
            self.watch_view = Some(view);
        }
    }

    /// Adds to the entity index the entities of articles that came after
    /// it was made (each batch from its first article, as
    /// [`crate::index::entities_of`] gives each article's).
    pub fn index_more(&mut self, batches: Vec<(usize, Vec<ArticleEntities>)>) {
        for (first, entities) in batches {
            for (i, e) in entities.into_iter().enumerate() {
                self.index.add_doc(DocId(first + i), e);
            }
        }
    }

    /// Replaces the articles with a reload of the same paths: the same
    /// article (by path) stays selected at the same place, its record (marks,
    /// place, and facts when unchanged) goes with it. `fresh` has a record
    /// for each new article as the reload made it ([`Record::from_loaded`]:
    /// lean, or with facts; [`Record::waiting`] when the reload brought no
    /// facts). Returns the articles whose facts are to be extracted again.
    pub fn apply_reload(&mut self, new: Corpus, fresh: Vec<Record>) -> Vec<DocId> {
        self.keep_place();
        let mut old = std::mem::replace(&mut self.corpus, new);
        let by_label: HashMap<String, usize> =
            old.docs.iter().enumerate().map(|(i, d)| (d.label(), i)).collect();
        let mut old_records: Vec<Option<Record>> =
            std::mem::take(&mut self.records).into_iter().map(Some).collect();
        let mut changes = Changes::default();
        let mut todo = Vec::new();
        let mut selected = None;
        let fresh = fresh.into_iter().chain(std::iter::repeat_with(Record::waiting));
        for ((i, doc), fresh) in self.corpus.docs.iter_mut().enumerate().zip(fresh) {
            let found = by_label.get(&doc.label()).and_then(|&j| Some((j, old_records[j].take()?)));
            let record = match found {
                None => {
                    changes.added += 1;
                    fresh
                }
                Some((j, record)) => {
                    let unchanged = if record.bodyless() || fresh.bodyless() {
                        same_lean(doc, &old.docs[j])
                    } else {
                        same(doc, &old.docs[j])
                    };
                    if j == self.selected {
                        selected = Some(i);
                    }
                    changes.changed += usize::from(!unchanged);
                    // A body read already goes with the article read again lean.
                    if unchanged && fresh.bodyless() && !record.bodyless() {
                        take_body(doc, &mut old.docs[j]);
                    }
                    record.reloaded(doc, fresh, unchanged)
                }
            };
            if !record.facts_ready {
                todo.push(DocId(i));
            }
            self.records.push(record);
        }
        changes.gone = old_records.iter().filter(|r| r.is_some()).count();
        let n = self.corpus.docs.len();
        self.index_ready = false;
        self.asking.corpus_replaced();
        self.corpus_search = None;
        self.facts_view = None;
        self.watch_view = None;
        self.watch.forget_articles();
        // Its lines point at articles by their place before the reload.
        self.dossiers.clear();
        self.current_fact = None;
        let keep = selected.unwrap_or_else(|| self.selected.min(n.saturating_sub(1)));
        if selected.is_none() || changes != Changes::default() {
            self.article_search = None;
        }
        let filters = std::mem::take(&mut self.filters);
        self.visible = (0..n).collect();
        self.sort_visible();
        // Entity filters wait for the new index; the others apply at once.
        self.filters =
            filters.into_iter().filter(|f| !matches!(f, super::Filter::Entity(_))).collect();
        let kept: Vec<usize> = self
            .visible
            .iter()
            .copied()
            .filter(|&d| self.filters.iter().all(|f| f.keeps(self, d)))
            .collect();
        self.visible = kept;
        if !self.visible.contains(&keep) && !self.filters.is_empty() {
            self.filters.clear();
            self.visible = (0..n).collect();
            self.sort_visible();
        }
        self.selected = keep;
        self.load_lines();
        let position = self.shown().map_or(super::reader::Place::TOP, |r| r.position);
        self.scroll = super::reader::line_at(&self.lines, position).min(self.max_scroll());
        self.keep_list_selection_visible();
        self.loading = None;
        self.note = Some(changes.to_string());
        self.last_reload = Some(changes);
        self.prepare_search();
        todo
    }
}

/// Moves the body `from` holds (with its paragraphs and furniture) into
/// `to`, the same article read again without it.
fn take_body(to: &mut Document, from: &mut Document) {
    to.body = std::mem::take(&mut from.body);
    to.paragraphs = std::mem::take(&mut from.paragraphs);
    to.furniture = std::mem::take(&mut from.furniture);
}

/// Whether two loads of an article read the same.
fn same(a: &Document, b: &Document) -> bool {
    a.title == b.title && a.body == b.body && a.furniture == b.furniture
}

/// [`same`] for `b` without its body: by the hash of title and body
/// the library keeps (its furniture not compared).
fn same_lean(a: &Document, b: &Document) -> bool {
    a.title == b.title && crate::state::content_hash(a) == crate::state::content_hash(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::app_for;

    fn doc(path: &str, title: &str, body: &str) -> Document {
        Document::from_text(DocId(0), path.into(), path.into(), &format!("{title}\n\n{body}"))
    }

    fn corpus(docs: Vec<Document>) -> Corpus {
        let docs = docs
            .into_iter()
            .enumerate()
            .map(|(i, mut d)| {
                d.id = DocId(i);
                d
            })
            .collect();
        Corpus { docs, ..Corpus::default() }
    }

    #[test]
    fn batches_fill_the_list_without_moving_the_selection() {
        let mut app = app_for(Corpus::default(), (100, 30));
        app.start_loading(Progress::default());
        let first = corpus(vec![doc("a", "Alpha", "One."), doc("b", "Beta", "Two.")]);
        app.add_batch(Batch { docs: first.docs, ..Batch::default() });
        assert_eq!(app.visible, [0, 1]);
        app.update(crate::app::Action::Down);
        assert_eq!(app.selected, 1);
        let mut c = doc("c", "Gamma", "Three.");
        c.id = DocId(2);
        app.add_batch(Batch { docs: vec![c], ..Batch::default() });
        assert_eq!((app.selected, app.visible.len()), (1, 3));
        assert!(!app.records[2].facts_ready && app.is_loading());
        app.set_facts(DocId(2), &[]);
        assert_eq!(app.facts_pending(), 2);
        app.finish_loading(Summary::default());
        assert!(!app.is_loading());
    }

    #[test]
    fn a_reload_keeps_the_place_and_says_what_changed() {
        let before = corpus(vec![
            doc("a", "Alpha", "One."),
            doc("b", "Beta", "Two."),
            doc("c", "Gamma", "Three."),
        ]);
        let mut app = app_for(before, (100, 30));
        app.update(crate::app::Action::Down);
        app.update(crate::app::Action::ToggleStar);
        let after = corpus(vec![
            doc("a", "Alpha", "One, changed."),
            doc("aa", "New", "Brand new."),
            doc("b", "Beta", "Two."),
        ]);
        let todo = app.apply_reload(after, Vec::new());
        assert_eq!(app.last_reload, Some(Changes { added: 1, changed: 1, gone: 1 }));
        assert_eq!(app.note.as_deref(), Some("reloaded: 1 new, 1 changed, 1 gone"));
        assert_eq!(app.corpus.docs[app.selected].path, "b");
        assert!(app.records[2].starred && !app.records[0].starred);
        assert_eq!(todo, [DocId(0), DocId(1)]);
        assert!(app.records[2].facts_ready);
    }
}
