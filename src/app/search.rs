//! Search, from the keyboard: a text box that takes keys before the key
//! map (so typing `q` or `j` into it neither quits nor scrolls), the
//! in-article search (`/` in the reader: every hit highlighted, `n`/`N`
//! step), the corpus search (`S`: results as you type, Enter opens the
//! article at the hit) and the list's title filter (`/` in the list).

use crossterm::event::KeyCode;

pub use super::prompt::TextBox;
use super::{App, Filter, Pane};
use crate::index::{Query, SearchIndex, find_in_text};
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

impl App {
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
                if self.search_index.is_none() {
                    self.search_index = Some(SearchIndex::build(&self.corpus.docs));
                }
                self.corpus_search = Some(CorpusSearch::default());
                String::new()
            }
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
        self.text_box = None;
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

    fn search_corpus(&mut self, text: &str) {
        let (Some(index), Some(view)) = (self.search_index.as_ref(), self.corpus_search.as_mut())
        else {
            return;
        };
        let query = Query::parse(text);
        *view = CorpusSearch::default();
        if query.is_empty() {
            return;
        }
        let results = index.search(&self.corpus.docs, &query, RESULT_LIMIT);
        view.total = results.total;
        for hit in results.docs {
            let doc = hit.doc;
            view.rows.push(ResultRow::Article { doc, count: hit.count });
            for (nth, span) in hit.body.iter().take(HITS_PER_ARTICLE).enumerate() {
                view.rows.push(ResultRow::Hit { doc, span: *span, nth });
            }
            view.hits.push((doc, hit.body));
        }
        view.selected =
            view.rows.iter().position(|r| matches!(r, ResultRow::Hit { .. })).unwrap_or(0);
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
