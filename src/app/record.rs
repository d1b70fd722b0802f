//! What the reader keeps about one article beside its text: its facts (and
//! whether they are in), its sidebar and the entry selected there, its read
//! and star marks, and its place. One record per article, at the article's
//! `DocId`: a load appends records, a reload moves them whole, so a field
//! added later cannot be forgotten on the way.
//!
//! The facts are kept packed ([`PackedFacts`]): as values, with their
//! sidebar, a corpus's facts would take more room than its text. The
//! article shown has where each fact stands ([`Spot`], what drawing and
//! jumping need) and its sidebar made when first asked for; both are let
//! go when another article is shown. A whole fact is unpacked when it is
//! wanted (copied, exported).

use std::cell::OnceCell;

use super::reader::Place;
use super::sidebar::Sidebar;
use crate::corpus::Document;
use crate::facts::{Fact, Field, Kind};
use crate::pipeline::Kept;
use crate::store::{DocRow, PackedFacts};
use crate::text::Span;

/// Where a fact stands in its article, and its kind: a tenth of a
/// [`Fact`]'s room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub kind: Kind,
    pub field: Field,
    pub span: Span,
}

impl Spot {
    /// The mention as it stands in the document.
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        match self.field {
            Field::Body => self.span.get(&doc.body),
            Field::Title => self.span.get(&doc.title),
        }
    }
}

impl From<&Fact> for Spot {
    fn from(f: &Fact) -> Self {
        Self { kind: f.kind, field: f.field, span: f.span }
    }
}

/// Where an article's body is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Body {
    #[default]
    InMemory,
    /// In the library only (the article was handed over lean: see
    /// [`crate::pipeline::Kept::lean`]); read when wanted.
    InLibrary,
}

/// One article's state in the reader.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// The article's facts, in reading order (none until `facts_ready`).
    packed: PackedFacts,
    /// Whether the facts are in (they are extracted off the UI thread).
    pub facts_ready: bool,
    /// Where each fact stands, once asked for (see [`Record::spots`]).
    spots: OnceCell<Vec<Spot>>,
    /// The facts grouped for the sidebar, once asked for (see [`Record::sidebar`]).
    sidebar: OnceCell<Sidebar>,
    /// The selected sidebar entry.
    pub sidebar_selected: usize,
    pub read: bool,
    pub starred: bool,
    /// The place in the article.
    pub position: Place,
    /// Where the library keeps the article, when it does.
    pub row: Option<DocRow>,
    /// Where the article's body is.
    pub body: Body,
    /// The saved place (paragraph, byte in it) of an article whose body
    /// is not read yet: taken when it is.
    pub saved_place: Option<(usize, usize)>,
}

impl Record {
    /// The record of an article whose facts are still to come.
    pub fn waiting() -> Self {
        Self::default()
    }

    /// The record of an article with its facts.
    pub fn with_facts(facts: &[Fact]) -> Self {
        let mut record = Self::default();
        record.set_facts(facts);
        record
    }

    /// The record of an article handed over by the pipeline: lean (its
    /// facts as stored, its body to read from the library), or with its
    /// facts.
    pub fn from_loaded(facts: &[Fact], kept: Option<Kept>) -> Self {
        let Some(Kept { row, lean }) = kept else { return Self::with_facts(facts) };
        let mut record = match lean {
            Some(packed) => {
                Self { packed, facts_ready: true, body: Body::InLibrary, ..Self::default() }
            }
            None => Self::with_facts(facts),
        };
        record.row = Some(row);
        record
    }

    /// Whether the article's body is in the library only.
    pub fn bodyless(&self) -> bool {
        self.body == Body::InLibrary
    }

    /// The body of the article `doc` of this record, read now: its saved
    /// place is taken.
    pub fn body_read(&mut self, doc: &Document) {
        self.body = Body::InMemory;
        if let Some((paragraph, offset)) = self.saved_place.take() {
            self.position = Place::saved(doc, paragraph, offset);
        }
    }

    /// The article's facts have come.
    pub fn set_facts(&mut self, facts: &[Fact]) {
        self.let_go();
        self.packed = PackedFacts::pack(facts);
        self.sidebar_selected = self.sidebar_selected.min(facts.len());
        self.facts_ready = true;
    }

    /// Where each of the article's facts stands, in reading order: made
    /// the first time it is asked for, kept until [`Record::let_go`].
    pub fn spots(&self) -> &[Spot] {
        self.spots.get_or_init(|| self.packed.iter().map(|f| Spot::from(&f)).collect())
    }

    /// How many facts the article has.
    pub fn fact_count(&self) -> usize {
        self.packed.len()
    }

    /// Fact `i`, unpacked (and not kept).
    pub fn fact(&self, i: usize) -> Option<Fact> {
        self.packed.get(i)
    }

    /// Every fact, unpacked (and not kept).
    pub fn unpacked(&self) -> Vec<Fact> {
        self.packed.unpack()
    }

    /// Each fact's kind, in reading order.
    pub fn kinds(&self) -> impl Iterator<Item = crate::facts::Kind> + '_ {
        self.packed.kinds()
    }

    /// The sidebar of the article `doc` this record is of: built the first
    /// time it is asked for, kept until [`Record::let_go`].
    pub fn sidebar(&self, doc: &Document) -> &Sidebar {
        self.sidebar.get_or_init(|| Sidebar::from_facts(doc, self.packed.iter()))
    }

    /// Lets the spots and the sidebar go (the article is no longer
    /// shown); they are made again when next asked for.
    pub fn let_go(&mut self) {
        self.spots = OnceCell::new();
        self.sidebar = OnceCell::new();
    }

    /// The record after a reload found the article again as `doc`, which
    /// came with the record `fresh` (its facts as the reload gave them,
    /// lean or not): the marks and the place go with it; the facts kept
    /// only when its text is `unchanged` (else `fresh`'s, or to be
    /// extracted again).
    #[must_use]
    pub fn reloaded(mut self, doc: &Document, fresh: Record, unchanged: bool) -> Self {
        self.let_go();
        if unchanged && self.facts_ready {
            if self.bodyless() {
                // Still to be read: its place waits as saved.
                return Self { row: fresh.row.or(self.row), ..self };
            }
            if let Some((paragraph, offset)) = self.saved_place.take() {
                self.position = Place::saved(doc, paragraph, offset);
            }
            let position = self.position.min(Place::body(doc.body.len()));
            let row = fresh.row.or(self.row);
            return Self { position, row, body: Body::InMemory, ..self };
        }
        // A body read again keeps the place as far as it goes; one left
        // in the library starts at the top.
        let position = if fresh.bodyless() {
            Place::TOP
        } else {
            self.position.min(Place::body(doc.body.len()))
        };
        Self { read: self.read, starred: self.starred, position, ..fresh }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::keys::Action;

    #[test]
    fn facts_read_back_whole_after_being_let_go() {
        let app = crate::app::tests::app_for(Corpus::bundled(), (120, 40));
        let doc = &app.corpus.docs[2];
        let facts = crate::facts::Extractor::new().extract(doc);
        assert!(!facts.is_empty());
        let mut record = Record::with_facts(&facts);
        assert_eq!(record.fact_count(), facts.len());
        assert!(record.spots.get().is_none() && record.sidebar.get().is_none(), "packed only");
        assert!(record.spots().iter().eq(facts.iter().map(Spot::from).collect::<Vec<_>>().iter()));
        assert_eq!(*record.sidebar(doc), Sidebar::build(doc, &facts));
        record.let_go();
        assert!(record.spots.get().is_none() && record.sidebar.get().is_none());
        assert_eq!(record.unpacked(), facts);
        assert_eq!(record.fact(1).as_ref(), facts.get(1));
        assert!(record.kinds().eq(facts.iter().map(|f| f.kind)));
        assert!(record.spots.get().is_none(), "looking at one fact keeps nothing");
    }

    #[test]
    fn only_the_shown_article_holds_its_spots_and_its_sidebar() {
        let mut app = crate::app::tests::app_for(Corpus::bundled(), (120, 40));
        let held = |app: &crate::app::App| -> Vec<usize> {
            (app.records.iter().enumerate())
                .filter(|(_, r)| r.spots.get().is_some() || r.sidebar.get().is_some())
                .map(|(i, _)| i)
                .collect()
        };
        assert!(held(&app).len() <= 1);
        for i in 0..app.corpus.docs.len() {
            app.select(i);
            assert!(app.sidebar().is_some_and(|s| !s.entries.is_empty()), "article {i}");
            assert_eq!(held(&app), [i]);
        }
        app.update(Action::FactsView);
        assert!(app.facts_view.as_ref().is_some_and(|v| !v.figures.is_empty()));
        assert_eq!(held(&app), [app.corpus.docs.len() - 1], "the facts view unpacks nothing");
    }
}
