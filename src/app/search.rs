//! Search, from the keyboard: a text box that takes keys before the key
//! map (so typing `q` or `j` into it neither quits nor scrolls), the
//! in-article search (`/` in the reader: every hit highlighted, `n`/`N`
//! step), the corpus search (`S`: results as you type, Enter opens the
//! article at the hit) and the list's title filter (`/` in the list).
//!
//! The corpus search's index is built and searched off the UI thread: the
//! app only holds the question ([`Asking`]) and the latest answer, and an
//! answer to an older question is dropped. A [`Searcher`] answers, on the
//! reader's worker thread or, for `dossier render`, at once.

use crossterm::event::KeyCode;

pub use super::prompt::TextBox;
use super::{App, Filter, Pane};
use crate::corpus::Document;
use crate::index::{DocHits, Layered, Query, Results, SearchIndex, find_in_text};
use crate::store::{DocRow, Library};
use crate::text::{DocId, Span};

/// Most articles the corpus search lists.
const RESULT_LIMIT: usize = 200;
/// Most hits listed under one article.
const HITS_PER_ARTICLE: usize = 5;

/// What a text box is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoxKind {
    Article,
    Corpus,
    Title,
    /// A correction's name (a speaker, an entity to merge into).
    Correct,
}

/// The shown article's search: its hits and the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSearch {
    pub query: String,
    pub hits: Vec<Span>,
    pub current: usize,
}

/// A row of the corpus search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultRow {
    /// An article and how many hits it has.
    Article { doc: DocId, count: usize },
    /// One hit in an article's body, and its place among the article's hits.
    Hit { doc: DocId, span: Span, nth: usize },
}

/// The corpus search view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusSearch {
    /// Articles that match in all.
    pub total: usize,
    pub rows: Vec<ResultRow>,
    /// The selected row (always a hit row when there is one).
    pub selected: usize,
    /// Each listed article's body hits, for opening at one.
    hits: Vec<(DocId, Vec<Span>)>,
}

/// What the corpus search asks of the worker that searches off the UI
/// thread, and which of its answers the app still wants.
#[derive(Debug, Default)]
pub struct Asking {
    /// Counts the questions; an answer to an older one is dropped.
    generation: u64,
    /// Counts the corpus's changes (a batch loaded, a reload): an index
    /// built before the last one no longer covers every article.
    corpus_version: u64,
    /// The corpus version of the last question, and of the index the
    /// worker has said is built.
    asked: Option<u64>,
    indexed: Option<u64>,
    /// The latest question, until the worker takes it.
    pending: Option<Question>,
}

/// One corpus search to run: the query, over the corpus as it was at
/// `corpus_version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub generation: u64,
    pub corpus_version: u64,
    pub query: String,
    /// Whether every article is in (the index made for it is worth saving).
    pub complete: bool,
}

impl Asking {
    /// Articles were added: the index is built again for the next question.
    pub fn corpus_changed(&mut self) {
        self.corpus_version += 1;
    }

    /// The articles were replaced (a reload): their ids mean others now,
    /// so no answer still on its way is wanted.
    pub fn corpus_replaced(&mut self) {
        self.corpus_version += 1;
        self.generation += 1;
        self.pending = None;
    }
}

/// Answers corpus searches: makes the index when the corpus has changed
/// since the last one (the library's saved index with the articles it
/// lacks beside it when there is one, else one built and saved), then
/// searches it. Runs wherever it is put; holds no article, only the index
/// and the bodies of the articles it answers with.
#[derive(Default)]
pub struct Searcher {
    index: Option<(u64, Layered)>,
    /// Where the saved index and the bodies of lean articles are read.
    library: Option<Library>,
}

/// The articles of a corpus whose bodies are in the library only: each
/// one's row (none: its body is in memory). Empty for a corpus all in memory.
pub type Rows = [Option<DocRow>];

/// Whether article `i` of `docs` has its body in the library only.
fn lean(docs: &[Document], rows: &Rows, i: usize) -> Option<DocRow> {
    let doc = docs.get(i)?;
    rows.get(i).copied().flatten().filter(|_| doc.body.is_empty() && doc.paragraphs.is_empty())
}

impl Searcher {
    /// A searcher that reads the saved index and the bodies it needs from
    /// `library` (a reader: the index it builds is saved through a
    /// connection of its own).
    pub fn with_library(library: Library) -> Self {
        Self { index: None, library: Some(library) }
    }

    /// Whether [`Searcher::answer`] must make the index first for `question`.
    pub fn must_index(&self, question: &Question) -> bool {
        self.index.as_ref().is_none_or(|(v, _)| *v != question.corpus_version)
    }

    /// Answers `question` over `docs` (the corpus at the question's version).
    pub fn answer(&mut self, docs: &[Document], question: &Question) -> Results {
        self.answer_lean(docs, &[], question).0
    }

    /// [`Searcher::answer`] over a corpus whose articles of `rows` have
    /// their bodies in the library only: with the bodies read for the
    /// answer (to show them without reading them again).
    pub fn answer_lean(
        &mut self,
        docs: &[Document],
        rows: &Rows,
        question: &Question,
    ) -> (Results, Vec<(DocId, Document)>) {
        if self.must_index(question) {
            self.index = None;
            let index = self.make_index(docs, rows, question.complete);
            self.index = Some((question.corpus_version, index));
        }
        let Some((_, index)) = &self.index else { return Default::default() };
        let query = Query::parse(&question.query);
        if query.is_empty() {
            return Default::default();
        }
        let (total, best) = index.best(&query, RESULT_LIMIT);
        let mut bodies = Vec::new();
        let mut hits = Vec::with_capacity(best.len());
        for (d, count) in best {
            let i = d as usize;
            let Some(doc) = docs.get(i) else { continue };
            let read = lean(docs, rows, i).and_then(|row| self.read(row, doc));
            let whole = read.as_ref().unwrap_or(doc);
            hits.push(DocHits {
                doc: DocId(i),
                count: count as usize,
                title: query.find_in(&whole.title),
                body: query.find_in(&whole.body),
            });
            if let Some(read) = read {
                bodies.push((DocId(i), read));
            }
        }
        (Results { total, docs: hits }, bodies)
    }

    /// `doc` with its body read from the library.
    fn read(&self, row: DocRow, doc: &Document) -> Option<Document> {
        let mut whole = doc.clone();
        self.library.as_ref()?.fill_body(row, &mut whole).ok()?;
        Some(whole)
    }

    /// The index of `docs`: the saved one with the articles it lacks
    /// beside it, unless it lacks too many; else one built over every
    /// article (their bodies read from the library where they are only
    /// there), and saved there when the corpus is `complete`.
    fn make_index(&self, docs: &[Document], rows: &Rows, complete: bool) -> Layered {
        let all_rows: Option<Vec<DocRow>> =
            if rows.len() == docs.len() { rows.iter().copied().collect() } else { None };
        if let (Some(library), Some(all)) = (&self.library, &all_rows)
            && let Ok(Some((mut saved, missing))) = library.load_search(all)
            && !saved.would_need_compaction(missing.len())
        {
            let missing: Vec<Document> = missing
                .iter()
                .filter_map(|d| {
                    let doc = docs.get(d.0)?;
                    lean(docs, rows, d.0).map_or_else(|| Some(doc.clone()), |r| self.read(r, doc))
                })
                .collect();
            saved.set_delta(&missing);
            return saved;
        }
        let index = match &self.library {
            // Each core reads the bodies of its share from the library, one
            // at a time: they are never all in memory at once.
            Some(library) if rows.iter().any(Option::is_some) => {
                let path = library.path();
                SearchIndex::build_fed(docs.len(), &|range, take| {
                    let reader = Library::open_reader(path).ok();
                    for i in range {
                        let doc = &docs[i];
                        let row = lean(docs, rows, i);
                        let mut whole = None;
                        if let (Some(row), Some(reader)) = (row, &reader) {
                            let mut read = doc.clone();
                            whole = reader.fill_body(row, &mut read).is_ok().then_some(read);
                        }
                        take(whole.as_ref().unwrap_or(doc));
                    }
                })
            }
            _ => SearchIndex::build(docs),
        };
        if complete
            && let (Some(library), Some(all)) = (&self.library, &all_rows)
            && let Ok(mut writer) = Library::open(library.path())
        {
            // Not saved is built again next time: nothing to say.
            let _ = writer.save_search(all, &index);
        }
        Layered::whole(index)
    }
}

impl App {
    /// The corpus search's next question, for the worker to take.
    pub fn take_question(&mut self) -> Option<Question> {
        self.asking.pending.take()
    }

    /// Whether the corpus search is open (the worker may keep what it
    /// needs to answer the next question).
    pub fn searching_corpus(&self) -> bool {
        self.corpus_search.is_some()
    }

    /// Every article is in: the corpus search's index is made now (loaded
    /// or built, off the UI thread), not when first searched, and the
    /// status line says `indexing` until it is.
    pub fn prepare_search(&mut self) {
        let query = self.corpus_query().unwrap_or_default().to_string();
        self.ask_corpus(query);
    }

    /// Puts `query` to the search thread as the newest question, about
    /// the corpus as it is now.
    fn ask_corpus(&mut self, query: String) {
        let asking = &mut self.asking;
        asking.generation += 1;
        asking.asked = Some(asking.corpus_version);
        asking.pending = Some(Question {
            generation: asking.generation,
            corpus_version: asking.corpus_version,
            query,
            complete: self.loading.is_none(),
        });
    }

    /// Whether the corpus search's index is being made.
    pub fn search_pending(&self) -> bool {
        self.asking.asked.is_some() && self.asking.indexed < self.asking.asked
    }

    /// Bodies read from the library for an answer: the articles of
    /// `bodies` still without theirs take them (shown at once when opened).
    pub fn put_bodies(&mut self, generation: u64, bodies: Vec<(DocId, Document)>) {
        if generation != self.asking.generation {
            return;
        }
        for (id, whole) in bodies {
            let (Some(doc), Some(record)) =
                (self.corpus.docs.get_mut(id.0), self.records.get_mut(id.0))
            else {
                continue;
            };
            if record.bodyless() && doc.key == whole.key {
                doc.body = whole.body;
                doc.paragraphs = whole.paragraphs;
                doc.furniture = whole.furniture;
                record.body_read(doc);
            }
        }
    }

    /// The worker has built the index of the corpus at `corpus_version`.
    pub fn set_indexed(&mut self, corpus_version: u64) {
        self.asking.indexed = Some(corpus_version);
    }

    /// Whether the index the corpus search waits for is being built.
    pub fn indexing(&self) -> bool {
        self.corpus_search.is_some()
            && self.asking.asked.is_some()
            && self.asking.indexed < self.asking.asked
    }

    /// The worker's answer to question `generation`: shown if it is the
    /// latest question's, dropped if not.
    pub fn set_search_results(&mut self, generation: u64, results: Results) {
        if generation != self.asking.generation {
            return;
        }
        let Some(view) = self.corpus_search.as_mut() else { return };
        *view = CorpusSearch::default();
        view.total = results.total;
        for hit in results.docs {
            let doc = hit.doc;
            if doc.0 >= self.corpus.docs.len() {
                continue;
            }
            view.rows.push(ResultRow::Article { doc, count: hit.count });
            for (nth, span) in hit.body.iter().take(HITS_PER_ARTICLE).enumerate() {
                view.rows.push(ResultRow::Hit { doc, span: *span, nth });
            }
            view.hits.push((doc, hit.body));
        }
        view.selected =
            view.rows.iter().position(|r| matches!(r, ResultRow::Hit { .. })).unwrap_or(0);
    }

    /// What the corpus search's status line says it found.
    pub fn corpus_search_status(&self) -> String {
        if self.indexing() {
            return "indexing…".to_string();
        }
        self.corpus_search.as_ref().map_or(String::new(), |v| format!("{} article(s)", v.total))
    }

    /// Answers the pending question here and now (`dossier render`, which
    /// has no worker thread).
    pub fn answer_here(&mut self, searcher: &mut Searcher) {
        let Some(question) = self.take_question() else { return };
        let results = searcher.answer(&self.corpus.docs, &question);
        self.set_indexed(question.corpus_version);
        self.set_search_results(question.generation, results);
    }

    /// Opens a text box of a kind.
    pub(super) fn open_box(&mut self, kind: BoxKind) {
        let text = match kind {
            BoxKind::Article => {
                self.article_search.as_ref().map(|s| s.query.clone()).unwrap_or_default()
            }
            BoxKind::Title => self
                .filters
                .iter()
                .find_map(|f| match f {
                    Filter::Title(t) => Some(t.clone()),
                    _ => None,
                })
                .unwrap_or_default(),
            BoxKind::Corpus => {
                self.corpus_search = Some(CorpusSearch::default());
                String::new()
            }
            BoxKind::Correct => String::new(),
        };
        self.text_box = Some(TextBox::new(kind, text));
        self.box_changed();
    }

    /// Searches again for what the box holds.
    pub(super) fn box_changed(&mut self) {
        let Some(TextBox { kind, text, .. }) = self.text_box.clone() else { return };
        match kind {
            BoxKind::Article => self.search_article(&text),
            BoxKind::Corpus => self.search_corpus(&text),
            BoxKind::Title => {
                self.filters.retain(|f| !matches!(f, Filter::Title(_)));
                if !text.trim().is_empty() {
                    self.filters.push(Filter::Title(text));
                }
                self.refilter();
            }
            BoxKind::Correct => {}
        }
    }

    pub(super) fn cancel_box(&mut self, kind: BoxKind) {
        self.text_box = None;
        match kind {
            BoxKind::Article => self.article_search = None,
            BoxKind::Corpus => self.corpus_search = None,
            BoxKind::Title => {
                self.filters.retain(|f| !matches!(f, Filter::Title(_)));
                self.refilter();
            }
            BoxKind::Correct => self.corrections.asking = None,
        }
    }

    pub(super) fn accept_box(&mut self, kind: BoxKind) {
        if kind == BoxKind::Corpus {
            // Enter opens the selected hit; with none, the box stays.
            let view = self.corpus_search.as_ref();
            if view.is_some_and(|v| matches!(v.rows.get(v.selected), Some(ResultRow::Hit { .. }))) {
                self.open_result();
            }
            return;
        }
        if let Some(b) = self.text_box.take().filter(|b| b.kind == BoxKind::Correct) {
            self.answer(&b.text);
            return;
        }
        if self.article_search.as_ref().is_some_and(|s| s.hits.is_empty()) {
            self.article_search = None;
        }
    }

    /// In-article search: every hit, the current one the first at or after
    /// the top of the screen.
    fn search_article(&mut self, query: &str) {
        let Some(doc) = self.doc() else { return };
        let hits =
            if query.trim().is_empty() { Vec::new() } else { find_in_text(query, &doc.body) };
        let top = self.lines.get(self.scroll).map_or(0, |l| l.pos.offset_or_start());
        let current = hits.iter().position(|h| h.start >= top).unwrap_or(0);
        self.article_search = Some(ArticleSearch { query: query.to_string(), hits, current });
        self.show_hit();
    }

    /// Scrolls so that the current hit is on screen.
    fn show_hit(&mut self) {
        let hit = self.article_search.as_ref().and_then(|s| s.hits.get(s.current).copied());
        if let Some(line) = hit.and_then(|span| self.body_line(span.start)) {
            self.scroll_into_view(line);
        }
    }

    /// Whether `n`/`N` step through search hits rather than articles.
    pub(super) fn has_hits(&self) -> bool {
        self.focus == Pane::Reader
            && self.article_search.as_ref().is_some_and(|s| !s.hits.is_empty())
    }

    /// `n`/`N` with hits: the next or previous hit, wrapping with a note.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let Some(s) = self.article_search.as_mut() else { return };
        let n = s.hits.len();
        if n == 0 {
            return;
        }
        let wrapped = if forward { s.current + 1 == n } else { s.current == 0 };
        s.current = if forward { (s.current + 1) % n } else { (s.current + n - 1) % n };
        self.note = wrapped.then(|| {
            if forward { "search wrapped to the top" } else { "search wrapped to the bottom" }
                .to_string()
        });
        self.show_hit();
    }

    /// Asks the worker to search for `text` (and, with the box just
    /// opened and empty, to build the index meanwhile); the results come
    /// in [`App::set_search_results`].
    fn search_corpus(&mut self, text: &str) {
        let Some(view) = self.corpus_search.as_mut() else { return };
        if Query::parse(text).is_empty() {
            *view = CorpusSearch::default();
        }
        self.ask_corpus(text.to_string());
    }

    pub(super) fn move_result(&mut self, code: KeyCode) {
        let page = self.reader_height().max(2);
        let Some(view) = self.corpus_search.as_mut() else { return };
        let hits: Vec<usize> = view
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, ResultRow::Hit { .. }))
            .map(|(i, _)| i)
            .collect();
        let Some(at) = hits.iter().position(|&i| i == view.selected) else { return };
        let target = match code {
            KeyCode::Up => at.saturating_sub(1),
            KeyCode::Down => at + 1,
            KeyCode::PageUp => at.saturating_sub(page / 2),
            _ => at + page / 2,
        };
        view.selected = hits[target.min(hits.len() - 1)];
    }

    /// Opens the selected result's article at its hit, with the in-article
    /// search already showing every hit of the query.
    fn open_result(&mut self) {
        let Some(view) = self.corpus_search.take() else { return };
        let Some(&ResultRow::Hit { doc, nth, .. }) = view.rows.get(view.selected) else { return };
        let hits =
            view.hits.iter().find(|(d, _)| *d == doc).map(|(_, h)| h.clone()).unwrap_or_default();
        let query = self.text_box.take().map(|b| b.text).unwrap_or_default();
        self.filters.clear();
        self.visible = (0..self.corpus.docs.len()).collect();
        self.select(doc.0);
        self.focus_pane(Pane::Reader);
        self.article_search = Some(ArticleSearch { query, hits, current: nth });
        self.show_hit();
    }

    /// The corpus search's text box (open while the view is).
    pub fn corpus_query(&self) -> Option<&str> {
        self.text_box.as_ref().filter(|b| b.kind == BoxKind::Corpus).map(|b| b.text.as_str())
    }
}
