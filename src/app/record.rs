//! What the reader keeps about one article beside its text: its facts (and
//! whether they are in), its sidebar and the entry selected there, its read
//! and star marks, and its place. One record per article, at the article's
//! `DocId`: a load appends records, a reload moves them whole, so a field
//! added later cannot be forgotten on the way.

use super::reader::Place;
use super::sidebar::Sidebar;
use crate::corpus::Document;
use crate::facts::Fact;

/// One article's state in the reader.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// The article's facts, in reading order (none until `facts_ready`).
    pub facts: Vec<Fact>,
    /// Whether the facts are in (they are extracted off the UI thread).
    pub facts_ready: bool,
    /// The facts grouped for the sidebar.
    pub sidebar: Sidebar,
    /// The selected sidebar entry.
    pub sidebar_selected: usize,
    pub read: bool,
    pub starred: bool,
    /// The place in the article.
    pub position: Place,
}

impl Record {
    /// The record of an article whose facts are still to come.
    pub fn waiting(doc: &Document) -> Self {
        Self { sidebar: Sidebar::build(doc, &[]), ..Self::default() }
    }

    /// The record of an article with its facts.
    pub fn with_facts(doc: &Document, facts: Vec<Fact>) -> Self {
        let mut record = Self::default();
        record.set_facts(doc, facts);
        record
    }

    /// The article's facts have come.
    pub fn set_facts(&mut self, doc: &Document, facts: Vec<Fact>) {
        self.sidebar = Sidebar::build(doc, &facts);
        self.sidebar_selected = self.sidebar_selected.min(facts.len());
        self.facts = facts;
        self.facts_ready = true;
    }

    /// The record after a reload found the article again as `doc`: the
    /// marks and the place go with it; the facts only when its text is
    /// `unchanged` (else they are to be extracted again).
    #[must_use]
    pub fn reloaded(self, doc: &Document, unchanged: bool) -> Self {
        let position = self.position.min(Place::body(doc.body.len()));
        if unchanged && self.facts_ready {
            return Self { position, ..self };
        }
        Self { read: self.read, starred: self.starred, position, ..Self::waiting(doc) }
    }
}
