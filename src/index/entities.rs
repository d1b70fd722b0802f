//! The corpus-wide entity index: each person, organisation and place, by
//! its canonical value (so `Mỹ`, `US` and `Verenigde Staten` are one
//! `United States`), to the articles and facts that mention it.

mod persist;

use std::collections::HashMap;

use crate::facts::{Fact, Kind, Value};
use crate::text::DocId;

/// An entity: its kind and canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Entity {
    pub kind: Kind,
    pub name: String,
}

impl Entity {
    /// The entity a fact names, if it names one.
    pub fn of(fact: &Fact) -> Option<Entity> {
        match (&fact.value, fact.kind.is_entity()) {
            (Value::Text(name), true) => Some(Entity { kind: fact.kind, name: name.clone() }),
            _ => None,
        }
    }

    /// The key two spellings of one name share (case and spacing aside).
    fn key(kind: Kind, name: &str) -> (Kind, String) {
        (kind, Self::fold(name))
    }

    /// A name with case and spacing folded away, as the index compares names.
    pub(crate) fn fold(name: &str) -> String {
        name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    }
}

/// An article's entities, each with the index of its fact.
pub type ArticleEntities = Vec<(usize, Entity)>;

/// The entities among an article's facts, each with its fact's index.
pub fn entities_of(facts: &[Fact]) -> ArticleEntities {
    facts.iter().enumerate().filter_map(|(i, f)| Some((i, Entity::of(f)?))).collect()
}

/// The mentions of one entity in one article: indices into its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentions {
    pub doc: DocId,
    pub facts: Vec<usize>,
}

/// Entity → the articles that mention it, in corpus order.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    entities: Vec<(Entity, Vec<Mentions>)>,
    by_key: HashMap<(Kind, String), usize>,
}

impl EntityIndex {
    /// Builds the index from each document's facts (by `DocId`).
    pub fn build(facts: &[Vec<Fact>]) -> Self {
        let mut index = Self::default();
        for (doc, doc_facts) in facts.iter().enumerate() {
            for (i, fact) in doc_facts.iter().enumerate() {
                if let Some(entity) = Entity::of(fact) {
                    index.add(entity, DocId(doc), i);
                }
            }
        }
        index
    }

    /// Builds the index from each document's entities as [`entities_of`]
    /// gives them (by `DocId`): all the index needs to keep of the facts
    /// while the rest of them go to the screen.
    pub fn from_entities(per_doc: Vec<Vec<(usize, Entity)>>) -> Self {
        let mut index = Self::default();
        for (doc, entities) in per_doc.into_iter().enumerate() {
            for (i, entity) in entities {
                index.add(entity, DocId(doc), i);
            }
        }
        index
    }

    fn add(&mut self, entity: Entity, doc: DocId, fact: usize) {
        let key = Entity::key(entity.kind, &entity.name);
        let slot = *self.by_key.entry(key).or_insert_with(|| {
            self.entities.push((entity, Vec::new()));
            self.entities.len() - 1
        });
        let mentions = &mut self.entities[slot].1;
        match mentions.last_mut() {
            Some(m) if m.doc == doc => m.facts.push(fact),
            _ => mentions.push(Mentions { doc, facts: vec![fact] }),
        }
    }

    /// Replaces what the index holds of article `doc`: its entities were
    /// `old` and are now `new` (as [`entities_of`] gives them; a correction
    /// changed its facts). Costs what the entities of that one article
    /// cost: the index is not built again.
    pub fn replace_doc(&mut self, doc: DocId, old: &[(usize, Entity)], new: Vec<(usize, Entity)>) {
        for (_, entity) in old {
            if let Some(&slot) = self.by_key.get(&Entity::key(entity.kind, &entity.name)) {
                let mentions = &mut self.entities[slot].1;
                if let Ok(at) = mentions.binary_search_by_key(&doc.0, |m| m.doc.0) {
                    mentions.remove(at);
                }
            }
        }
        for (fact, entity) in new {
            let key = Entity::key(entity.kind, &entity.name);
            let slot = *self.by_key.entry(key).or_insert_with(|| {
                self.entities.push((entity, Vec::new()));
                self.entities.len() - 1
            });
            let mentions = &mut self.entities[slot].1;
            match mentions.binary_search_by_key(&doc.0, |m| m.doc.0) {
                Ok(at) => mentions[at].facts.push(fact),
                Err(at) => mentions.insert(at, Mentions { doc, facts: vec![fact] }),
            }
        }
    }

    /// The articles that mention an entity, with the mentions in each.
    pub fn mentions(&self, kind: Kind, name: &str) -> &[Mentions] {
        self.by_key.get(&Entity::key(kind, name)).map_or(&[], |&i| &self.entities[i].1)
    }

    /// The entity of a kind whose canonical name is `name` (case and
    /// spacing aside), as the index spells it.
    pub fn entity(&self, kind: Kind, name: &str) -> Option<&Entity> {
        self.by_key.get(&Entity::key(kind, name)).map(|&i| &self.entities[i].0)
    }

    /// How many articles mention an entity.
    pub fn article_count(&self, kind: Kind, name: &str) -> usize {
        self.mentions(kind, name).len()
    }

    /// Every entity with its mentions, in the order first met (an entity
    /// a correction took out of every article is left out).
    pub fn iter(&self) -> impl Iterator<Item = (&Entity, &[Mentions])> {
        self.entities.iter().filter(|(_, m)| !m.is_empty()).map(|(e, m)| (e, m.as_slice()))
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn place(name: &str) -> Fact {
        Fact::new(Kind::Place, Span::new(0, 2), Value::Text(name.into()))
    }

    #[test]
    fn built_from_entities_as_from_facts() {
        let facts = vec![
            vec![
                place("United States"),
                Fact::new(Kind::Percent, Span::new(0, 1), Value::Number(3.0)),
                place("China"),
            ],
            vec![],
            vec![place("united  states")],
        ];
        let a = EntityIndex::build(&facts);
        let b = EntityIndex::from_entities(facts.iter().map(|f| entities_of(f)).collect());
        assert_eq!(a.iter().collect::<Vec<_>>(), b.iter().collect::<Vec<_>>());
        assert_eq!(b.mentions(Kind::Place, "China")[0].facts, [2]);
        assert_eq!(b.article_count(Kind::Place, "United States"), 2);
    }

    #[test]
    fn an_article_replaced_is_as_if_built_so() {
        let before = vec![
            vec![place("China"), place("Vietnam")],
            vec![place("China"), place("Laos"), place("china")],
            vec![place("China")],
        ];
        let mut after = before.clone();
        after[1] = vec![place("Cambodia"), place("Vietnam")];
        let mut index = EntityIndex::build(&before);
        index.replace_doc(DocId(1), &entities_of(&before[1]), entities_of(&after[1]));
        let built = EntityIndex::build(&after);
        let sorted = |i: &EntityIndex| {
            let mut all: Vec<_> = i.iter().map(|(e, m)| (e.clone(), m.to_vec())).collect();
            all.sort_by(|a, b| a.0.cmp(&b.0));
            all
        };
        assert_eq!(sorted(&index), sorted(&built));
        assert_eq!(index.article_count(Kind::Place, "Laos"), 0);
    }

    #[test]
    fn one_entity_across_articles_and_spellings() {
        let facts = vec![
            vec![place("United States"), place("China"), place("United States")],
            vec![place("united  states")],
            vec![Fact::new(Kind::Money, Span::new(0, 2), Value::Number(5.0))],
        ];
        let index = EntityIndex::build(&facts);
        assert_eq!(index.len(), 2);
        let us = index.mentions(Kind::Place, "United States");
        assert_eq!(
            us,
            [
                Mentions { doc: DocId(0), facts: vec![0, 2] },
                Mentions { doc: DocId(1), facts: vec![0] }
            ]
        );
        assert_eq!(index.article_count(Kind::Place, "China"), 1);
        assert_eq!(index.article_count(Kind::Org, "China"), 0);
    }
}
