//! One entity's page, across the corpus and its languages: the names it
//! goes by, a person's roles and quotes, the articles that name it, the
//! figures said in the same sentence as it, who appears with it, and its
//! dated sentences in time order. Every line keeps its [`Source`] (the
//! article and the fact), so that a reader can jump to it and an export
//! can cite it.
//!
//! Built from the entity's own mentions ([`EntityIndex::mentions`]): only
//! the articles that name it are read, each once, so a page costs what the
//! entity is named, never the size of the corpus.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::entities::{Entity, EntityIndex, Mentions};
use super::sentence::sentence_around;
use crate::corpus::Document;
use crate::facts::{Fact, Field, Kind, Resolution, Value, relative_date};
use crate::text::{DocId, Lang, Span};

/// Where a line of the page comes from: an article and one of its facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    pub doc: DocId,
    /// The fact's index among the article's facts.
    pub fact: usize,
}

/// The facts of each article, by `DocId`, however they are kept.
/// (Borrowed where they are kept whole, unpacked where they are kept packed.)
pub trait FactsOf {
    fn facts_of(&self, doc: DocId) -> Cow<'_, [Fact]>;

    /// One fact of an article.
    fn fact_of(&self, doc: DocId, fact: usize) -> Option<Fact> {
        self.facts_of(doc).get(fact).cloned()
    }
}

impl FactsOf for [Vec<Fact>] {
    fn facts_of(&self, doc: DocId) -> Cow<'_, [Fact]> {
        Cow::Borrowed(self.get(doc.0).map_or(&[], Vec::as_slice))
    }
}

/// A name as it stands in the articles of one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub text: String,
    pub lang: Lang,
    pub count: usize,
    /// Its first mention.
    pub source: Source,
}

/// A role and organisation a person is given (`former CEO`, `Acme`).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub role: Option<String>,
    pub org: Option<String>,
    pub count: usize,
    pub source: Source,
}

/// An article that names the entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLine {
    pub doc: DocId,
    pub mentions: usize,
    /// Its first mention.
    pub source: Source,
}

/// A figure (money, percentage or date) in a sentence that names the
/// entity, with that sentence (in the fact's field).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub source: Source,
    pub sentence: Span,
}

/// An entity named in the same paragraphs (and sentences) as this one.
#[derive(Debug, Clone, PartialEq)]
pub struct With {
    pub entity: Entity,
    /// Paragraphs (a headline counts as one) naming both.
    pub count: usize,
    /// Sentences naming both.
    pub sentences: usize,
    /// Its first mention beside this entity.
    pub source: Source,
}

/// A dated sentence: a date fact beside a mention, resolved against the
/// article's date.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    pub source: Source,
    pub sentence: Span,
    pub resolution: Resolution,
}

/// Everything the corpus says about one entity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dossier {
    pub entity: Entity,
    pub names: Vec<Name>,
    pub roles: Vec<Role>,
    /// Newest first where the date is known, then the undated in corpus order.
    pub articles: Vec<ArticleLine>,
    /// For a person, the quotes they are the speaker of.
    pub quotes: Vec<Source>,
    pub figures: Vec<Figure>,
    /// Most often named together first.
    pub with: Vec<With>,
    /// Resolved dates in time order, then the unresolved ones.
    pub timeline: Vec<Dated>,
    /// How many of `articles` (the first ones) the other lists cover.
    pub detailed: usize,
}

/// The entity known by `name`: a canonical name (case and spacing aside;
/// a person first, then an organisation, then a place), else a name as it
/// stands in an article. The second look reads every entity mention of
/// the corpus, once: for a name typed on the command line.
pub fn find_entity<F: FactsOf + ?Sized>(
    index: &EntityIndex,
    docs: &[Document],
    facts: &F,
    name: &str,
) -> Option<Entity> {
    let by_value = [Kind::Person, Kind::Org, Kind::Place]
        .into_iter()
        .filter_map(|kind| index.entity(kind, name))
        .max_by_key(|e| index.article_count(e.kind, &e.name));
    if by_value.is_some() {
        return by_value.cloned();
    }
    let wanted = Entity::fold(name);
    let mut found: HashMap<Entity, usize> = HashMap::new();
    for doc in docs {
        for fact in facts.facts_of(doc.id).iter().filter(|f| f.kind.is_entity()) {
            if Entity::fold(fact.text(doc)) == wanted
                && let Some(e) = Entity::of(fact)
            {
                *found.entry(e).or_default() += 1;
            }
        }
    }
    found.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(e, _)| e)
}

/// How many articles the reader reads in detail for a page
/// ([`build_within`]): an entity named in all of 100,000 articles opens
/// within the 50 ms budget (`benches/dossier.rs`).
pub const QUICK_DETAIL: usize = 200;

/// The places among `mentions` of their articles, newest first where the
/// date is known, then the undated in corpus order (the sort key is made
/// once an article); each with the key it was sorted by.
fn newest_first(
    mentions: &[Mentions],
    docs: &[Document],
) -> Vec<(bool, std::cmp::Reverse<Option<NaiveDate>>, usize)> {
    let mut order: Vec<_> = mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let day = article_day(docs.get(m.doc.0)?);
            Some((day.is_none(), std::cmp::Reverse(day), i))
        })
        .collect();
    order.sort_unstable();
    order
}

/// The articles [`build_within`] reads in detail for `entity`: the newest
/// `detail` of those that name it (their text is wanted, for sentences).
pub fn detailed(
    entity: &Entity,
    index: &EntityIndex,
    docs: &[Document],
    detail: usize,
) -> Vec<DocId> {
    let mentions = index.mentions(entity.kind, &entity.name);
    newest_first(mentions, docs).iter().take(detail).map(|&(.., i)| mentions[i].doc).collect()
}

/// Builds the whole page of `entity`: every article that names it read
/// in detail (for `dossier entity`, which has no time budget).
pub fn build<F: FactsOf + ?Sized>(
    entity: &Entity,
    index: &EntityIndex,
    docs: &[Document],
    facts: &F,
) -> Dossier {
    build_within(entity, index, docs, facts, usize::MAX)
}

/// Builds the page of `entity` with every article that names it listed,
/// and the newest `detail` of them read for names, roles, quotes, figures,
/// company and dates: an entity named in most of a large corpus still
/// opens at once (the reader's budget, see `benches/dossier.rs`), and the
/// page says how many articles its details cover.
pub fn build_within<F: FactsOf + ?Sized>(
    entity: &Entity,
    index: &EntityIndex,
    docs: &[Document],
    facts: &F,
    detail: usize,
) -> Dossier {
    let mentions = index.mentions(entity.kind, &entity.name);
    let order = newest_first(mentions, docs);
    // The facts of the articles read in detail, held while the page
    // borrows from them (unpacked, where they are kept packed).
    let held: Vec<Cow<'_, [Fact]>> =
        order.iter().take(detail).map(|&(.., i)| facts.facts_of(mentions[i].doc)).collect();
    let mut page = Page::new(entity);
    for (n, &(.., i)) in order.iter().enumerate() {
        let m = &mentions[i];
        let first = Source { doc: m.doc, fact: m.facts.first().copied().unwrap_or(0) };
        page.dossier.articles.push(ArticleLine {
            doc: m.doc,
            mentions: m.facts.len(),
            source: first,
        });
        if let Some(facts) = held.get(n) {
            page.article(&docs[m.doc.0], facts, m);
            page.dossier.detailed += 1;
        }
    }
    page.finish()
}

/// The page while its articles are read; keys borrow the articles' text.
struct Page<'a> {
    dossier: Dossier,
    key: String,
    names: HashMap<(Lang, &'a str), usize>,
    roles: HashMap<(Option<&'a str>, Option<&'a str>), usize>,
    with: HashMap<(Kind, &'a str), WithCount>,
}

/// Who appears with the entity, counted once a paragraph and once a sentence.
struct WithCount {
    line: With,
    last_paragraph: Option<(DocId, usize)>,
    last_sentence: Option<(DocId, usize)>,
}

/// Where a mention stands: its field, sentence and paragraph (a headline is
/// paragraph `usize::MAX`).
#[derive(Clone, Copy, PartialEq)]
struct Place {
    field: Field,
    sentence: Span,
    paragraph: usize,
}

impl<'a> Page<'a> {
    fn new(entity: &Entity) -> Self {
        Self {
            dossier: Dossier { entity: entity.clone(), ..Dossier::default() },
            key: Entity::fold(&entity.name),
            names: HashMap::new(),
            roles: HashMap::new(),
            with: HashMap::new(),
        }
    }

    /// One article that names the entity: its mentions, then one pass over
    /// its other facts for quotes, figures and company.
    fn article(&mut self, doc: &'a Document, facts: &'a [Fact], mentions: &Mentions) {
        let mut places: Vec<Place> = Vec::new();
        for &i in &mentions.facts {
            let Some(fact) = facts.get(i) else { continue };
            let source = Source { doc: doc.id, fact: i };
            self.name(doc, fact, source);
            if fact.kind == Kind::Person && (fact.role.is_some() || fact.org.is_some()) {
                self.role(fact, source);
            }
            let place = place_of(doc, fact);
            if places.last() != Some(&place) && !places.contains(&place) {
                places.push(place);
            }
        }
        // Sorted by field (the headline first), then by offset, for
        // `sentence_of`'s binary search.
        places.sort_by_key(|p| (p.field == Field::Body, p.sentence.start));
        // The mentions are in fact order: walked beside the facts, skipped.
        let mut own = mentions.facts.iter().peekable();
        for (i, fact) in facts.iter().enumerate() {
            if own.next_if(|&&m| m == i).is_some() {
                continue;
            }
            self.other_fact(doc, fact, Source { doc: doc.id, fact: i }, &places);
        }
    }

    fn name(&mut self, doc: &'a Document, fact: &Fact, source: Source) {
        let text = fact.text(doc);
        let at = *self.names.entry((doc.lang, text)).or_insert_with(|| {
            let text = crate::text::one_line(text).into_owned();
            self.dossier.names.push(Name { text, lang: doc.lang, count: 0, source });
            self.dossier.names.len() - 1
        });
        self.dossier.names[at].count += 1;
    }

    fn role(&mut self, fact: &'a Fact, source: Source) {
        let key = (fact.role.as_deref(), fact.org.as_deref());
        let at = *self.roles.entry(key).or_insert_with(|| {
            let (role, org) = (fact.role.clone(), fact.org.clone());
            self.dossier.roles.push(Role { role, org, count: 0, source });
            self.dossier.roles.len() - 1
        });
        self.dossier.roles[at].count += 1;
    }

    /// A fact of an article that names the entity, not one of its mentions.
    fn other_fact(&mut self, doc: &Document, fact: &'a Fact, source: Source, places: &[Place]) {
        if fact.kind == Kind::Quote {
            let name = &self.dossier.entity.name;
            let theirs =
                fact.speaker.as_deref().is_some_and(|s| s == name || Entity::fold(s) == self.key);
            if theirs && self.dossier.entity.kind == Kind::Person {
                self.dossier.quotes.push(source);
            }
            return;
        }
        let sentence = sentence_of(places, fact);
        match fact.kind {
            Kind::Money | Kind::Percent | Kind::Date => {
                let Some(p) = sentence else { return };
                let figure = Figure { source, sentence: places[p].sentence };
                if fact.kind == Kind::Date {
                    let resolution =
                        relative_date::resolve(&fact.value_text(), doc.date.as_deref());
                    let sentence = figure.sentence;
                    self.dossier.timeline.push(Dated { source, sentence, resolution });
                }
                self.dossier.figures.push(figure);
            }
            _ => self.company(doc, fact, source, places, sentence),
        }
    }

    /// Another entity in a paragraph (or sentence) that names this one.
    fn company(
        &mut self,
        doc: &Document,
        fact: &'a Fact,
        source: Source,
        places: &[Place],
        sentence: Option<usize>,
    ) {
        let Value::Text(name) = &fact.value else { return };
        let paragraph = paragraph_of(doc, fact);
        if !places.iter().any(|p| p.field == fact.field && p.paragraph == paragraph) {
            return;
        }
        let count = self.with.entry((fact.kind, name.as_str())).or_insert_with(|| WithCount {
            line: With {
                entity: Entity { kind: fact.kind, name: name.clone() },
                count: 0,
                sentences: 0,
                source,
            },
            last_paragraph: None,
            last_sentence: None,
        });
        if count.last_paragraph != Some((doc.id, paragraph)) {
            count.last_paragraph = Some((doc.id, paragraph));
            count.line.count += 1;
        }
        if let Some(s) = sentence
            && count.last_sentence != Some((doc.id, s))
        {
            count.last_sentence = Some((doc.id, s));
            count.line.sentences += 1;
        }
    }

    fn finish(mut self) -> Dossier {
        let d = &mut self.dossier;
        d.names.sort_by(|a, b| a.lang.cmp(&b.lang).then(b.count.cmp(&a.count)));
        d.roles.sort_by_key(|r| std::cmp::Reverse(r.count));
        d.with = self.with.into_values().map(|w| w.line).collect();
        d.with.sort_by(|a, b| {
            (b.count, b.sentences).cmp(&(a.count, a.sentences)).then(a.entity.cmp(&b.entity))
        });
        d.timeline.sort_by_key(|t| (t.resolution.from().is_none(), t.resolution.from(), t.source));
        self.dossier
    }
}

/// The article's date as a day, when the source's date could be read.
pub fn article_day(doc: &Document) -> Option<NaiveDate> {
    let date = doc.date.as_deref()?.get(..10)?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

fn place_of(doc: &Document, fact: &Fact) -> Place {
    match fact.field {
        Field::Title => Place {
            field: Field::Title,
            sentence: Span::new(0, doc.title.len()),
            paragraph: usize::MAX,
        },
        Field::Body => Place {
            field: Field::Body,
            sentence: sentence_around(&doc.body, fact.span),
            paragraph: paragraph_of(doc, fact),
        },
    }
}

fn paragraph_of(doc: &Document, fact: &Fact) -> usize {
    match fact.field {
        Field::Title => usize::MAX,
        Field::Body => doc.paragraphs.partition_point(|p| p.end <= fact.span.start),
    }
}

/// The index of the mention's sentence that holds `fact`, if one does.
fn sentence_of(places: &[Place], fact: &Fact) -> Option<usize> {
    let key = (fact.field == Field::Body, fact.span.start);
    let after = places.partition_point(|p| (p.field == Field::Body, p.sentence.start) <= key);
    let at = after.checked_sub(1)?;
    let p = places[at];
    (p.field == fact.field
        && fact.span.start >= p.sentence.start
        && fact.span.end <= p.sentence.end)
        .then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::facts::Extractor;

    fn seeds() -> (Vec<Document>, Vec<Vec<Fact>>, EntityIndex) {
        let docs = Corpus::bundled().docs;
        let extractor = Extractor::new();
        let facts: Vec<Vec<Fact>> = docs.iter().map(|d| extractor.extract(d)).collect();
        let index = EntityIndex::build(&facts);
        (docs, facts, index)
    }

    fn page(name: &str) -> (Dossier, Vec<Document>, Vec<Vec<Fact>>) {
        let (docs, facts, index) = seeds();
        let entity = find_entity(&index, &docs, facts.as_slice(), name).expect(name);
        let page = build(&entity, &index, &docs, facts.as_slice());
        (page, docs, facts)
    }

    #[test]
    fn a_quoted_person_in_english_and_german_with_role_and_quote() {
        let (docs, facts, index) = seeds();
        // The person quoted in articles of both languages, found from the
        // facts rather than named here.
        let pages = index.iter().filter(|(e, _)| e.kind == Kind::Person).map(|(e, _)| {
            let page = build(e, &index, &docs, facts.as_slice());
            let langs: Vec<&str> =
                page.articles.iter().map(|a| docs[a.doc.0].lang.code()).collect();
            (page, langs)
        });
        let (page, _) = pages
            .filter(|(p, langs)| !p.quotes.is_empty() && langs.contains(&"en"))
            .find(|(_, langs)| langs.contains(&"de"))
            .expect("a person quoted and named in English and German");
        assert!(page.roles.iter().any(|r| r.role.is_some()), "{page:?}");
        for q in &page.quotes {
            assert_eq!(facts[q.doc.0][q.fact].speaker.as_deref(), Some(page.entity.name.as_str()));
        }
        // The surname stands as the German article writes it too (declined).
        let surname = page.entity.name.rsplit(' ').next().unwrap();
        assert!(
            page.names.iter().any(|n| n.lang.code() == "de" && n.text == format!("{surname}s")),
            "{:?}",
            page.names
        );
    }

    #[test]
    fn alibaba_in_four_articles_with_the_figures_of_each() {
        let (page, docs, facts) = page("Alibaba Group Holding");
        assert_eq!(page.entity.name, "Alibaba");
        assert_eq!(page.articles.len(), 4);
        let mut with_figures: Vec<usize> = page.figures.iter().map(|f| f.source.doc.0).collect();
        with_figures.dedup();
        assert!(with_figures.len() >= 3, "{with_figures:?}");
        for f in &page.figures {
            let (doc, fact) = (&docs[f.source.doc.0], &facts[f.source.doc.0][f.source.fact]);
            let text = match fact.field {
                Field::Body => &*doc.body,
                Field::Title => doc.title.as_str(),
            };
            let sentence = f.sentence.get(text);
            assert!(sentence.contains(fact.text(doc)), "{sentence:?}");
            assert!(sentence.contains("Alibaba"), "the figure's sentence names it: {sentence:?}");
        }
    }

    #[test]
    fn china_has_its_names_in_four_languages() {
        let (page, _, _) = page("Trung Quốc");
        assert_eq!(page.entity.name, "China");
        let mut langs: Vec<&str> = page.names.iter().map(|n| n.lang.code()).collect();
        langs.dedup();
        assert_eq!(langs.len(), 4, "{:?}", page.names);
        assert!(page.names.iter().any(|n| n.text == "Chinas"));
    }

    #[test]
    fn who_appears_with_is_counted_and_never_itself() {
        let (page, _, _) = page("Alibaba");
        assert!(page.with.iter().all(|w| w.entity.name != "Alibaba"));
        assert!(page.with.windows(2).all(|w| w[0].count >= w[1].count));
        assert!(page.with.iter().all(|w| w.count >= 1 && w.sentences <= w.count * 50));
        assert!(page.with.iter().any(|w| w.entity.name == "Alibaba Cloud"), "{:?}", page.with);
    }

    #[test]
    fn a_page_within_a_budget_lists_every_article_and_reads_the_newest() {
        let (mut docs, facts, index) = seeds();
        docs[2].date = Some("2023-11-16".into());
        let entity = index.entity(Kind::Org, "Alibaba").unwrap().clone();
        let page = build_within(&entity, &index, &docs, facts.as_slice(), 1);
        assert_eq!((page.articles.len(), page.detailed), (4, 1));
        assert_eq!(page.articles[0].doc, DocId(2));
        assert!(page.figures.iter().all(|f| f.source.doc == DocId(2)));
        assert!(page.names.iter().all(|n| n.lang.code() == "de"), "{:?}", page.names);
        assert_eq!(build(&entity, &index, &docs, facts.as_slice()).detailed, 4);
    }

    #[test]
    fn an_unknown_name_is_no_entity() {
        let (docs, facts, index) = seeds();
        assert_eq!(find_entity(&index, &docs, facts.as_slice(), "Nobody Atall"), None);
    }

    #[test]
    fn articles_newest_first_then_undated() {
        let (mut docs, facts, index) = seeds();
        docs[3].date = Some("2023-11-16".into());
        docs[1].date = Some("2024-01-02T10:00:00Z".into());
        let entity = index.entity(Kind::Org, "alibaba").unwrap().clone();
        let page = build(&entity, &index, &docs, facts.as_slice());
        let order: Vec<usize> = page.articles.iter().map(|a| a.doc.0).collect();
        assert_eq!(order, [1, 3, 0, 2]);
    }
}
