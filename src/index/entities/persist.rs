//! An [`EntityIndex`] written as bytes and read back, and kept up to date
//! across a reload without being built again: articles renumbered or gone
//! ([`EntityIndex::remap`]) and articles added ([`EntityIndex::add_doc`]).

use super::{Entity, EntityIndex, Mentions};
use crate::facts::Kind;
use crate::text::DocId;

/// The layout's name and version: another value is not read.
const MAGIC: &[u8; 8] = b"dentity1";

impl EntityIndex {
    /// The index as bytes: each entity (kind, name) with its mentions
    /// (article, fact indices), as varints.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        push(&mut out, self.entities.len() as u64);
        for (entity, mentions) in &self.entities {
            let kind = Kind::ALL.iter().position(|k| *k == entity.kind).unwrap_or(0);
            push(&mut out, kind as u64);
            push(&mut out, entity.name.len() as u64);
            out.extend_from_slice(entity.name.as_bytes());
            push(&mut out, mentions.len() as u64);
            for m in mentions {
                push(&mut out, m.doc.0 as u64);
                push(&mut out, m.facts.len() as u64);
                for &f in &m.facts {
                    push(&mut out, f as u64);
                }
            }
        }
        out
    }

    /// Reads what [`EntityIndex::to_bytes`] wrote; `None` when it is not that.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut r = bytes.strip_prefix(MAGIC)?;
        let mut index = Self::default();
        let n = take_count(&mut r)?;
        for _ in 0..n {
            let kind = *Kind::ALL.get(take_value(&mut r)?)?;
            let len = take_count(&mut r)?;
            let (name, rest) = r.split_at_checked(len)?;
            r = rest;
            let entity = Entity { kind, name: std::str::from_utf8(name).ok()?.to_owned() };
            let count = take_count(&mut r)?;
            let mut mentions = Vec::with_capacity(count);
            for _ in 0..count {
                let doc = DocId(take_value(&mut r)?);
                let k = take_count(&mut r)?;
                let facts = (0..k).map(|_| take_value(&mut r)).collect::<Option<Vec<_>>>()?;
                mentions.push(Mentions { doc, facts });
            }
            index.by_key.insert(Entity::key(kind, &entity.name), index.entities.len());
            index.entities.push((entity, mentions));
        }
        r.is_empty().then_some(index)
    }

    /// Renumbers the articles: `to` gives each article's new id, `None`
    /// for one that is gone (or changed, to be added again). Entities no
    /// article mentions any more are dropped.
    pub fn remap(&mut self, to: impl Fn(DocId) -> Option<DocId>) {
        let entities = std::mem::take(&mut self.entities);
        self.by_key.clear();
        for (entity, mut mentions) in entities {
            mentions.retain_mut(|m| match to(m.doc) {
                Some(d) => {
                    m.doc = d;
                    true
                }
                None => false,
            });
            if mentions.is_empty() {
                continue;
            }
            mentions.sort_by_key(|m| m.doc);
            self.by_key.insert(Entity::key(entity.kind, &entity.name), self.entities.len());
            self.entities.push((entity, mentions));
        }
    }

    /// Takes in the mentions of `other`, an index of other articles (a
    /// saved index and the articles it lacks make one index so).
    pub fn absorb(&mut self, other: EntityIndex) {
        for (entity, mentions) in other.entities {
            for m in mentions {
                let entities = m.facts.into_iter().map(|f| (f, entity.clone())).collect();
                self.add_doc(m.doc, entities);
            }
        }
    }

    /// Adds an article's entities (as [`super::entities_of`] gives them),
    /// keeping each entity's articles in corpus order.
    pub fn add_doc(&mut self, doc: DocId, entities: Vec<(usize, Entity)>) {
        for (fact, entity) in entities {
            let key = Entity::key(entity.kind, &entity.name);
            let slot = *self.by_key.entry(key).or_insert_with(|| {
                self.entities.push((entity, Vec::new()));
                self.entities.len() - 1
            });
            let mentions = &mut self.entities[slot].1;
            match mentions.binary_search_by_key(&doc, |m| m.doc) {
                Ok(i) => mentions[i].facts.push(fact),
                Err(i) => mentions.insert(i, Mentions { doc, facts: vec![fact] }),
            }
        }
    }
}

fn push(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn take_value(r: &mut &[u8]) -> Option<usize> {
    let mut v = 0u64;
    for (i, &b) in r.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            *r = r.get(i + 1..)?;
            return usize::try_from(v).ok();
        }
    }
    None
}

/// A varint that counts items of at least a byte each in the bytes left:
/// never more than they could hold, so a damaged count cannot make a huge
/// allocation.
fn take_count(r: &mut &[u8]) -> Option<usize> {
    take_value(r).filter(|&v| v <= r.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Fact, Value};
    use crate::text::Span;

    fn place(name: &str) -> Fact {
        Fact::new(Kind::Place, Span::new(0, 1), Value::Text(name.into()))
    }

    fn sample() -> EntityIndex {
        EntityIndex::build(&[
            vec![place("United States"), place("China")],
            vec![place("China")],
            vec![place("Japan"), place("China"), place("China")],
        ])
    }

    #[test]
    fn round_trip() {
        let index = sample();
        let back = EntityIndex::from_bytes(&index.to_bytes()).unwrap();
        assert_eq!(back.entities, index.entities);
        assert_eq!(back.mentions(Kind::Place, "china").len(), 3);
        let bytes = index.to_bytes();
        for cut in 0..bytes.len() {
            assert!(EntityIndex::from_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
        }
    }

    #[test]
    fn a_reload_renumbers_drops_and_adds() {
        let mut index = sample();
        // Article 1 is gone; a new article comes first, the others move up.
        index.remap(|d| match d.0 {
            1 => None,
            n => Some(DocId(n + 1)),
        });
        index.add_doc(DocId(0), vec![(0, Entity { kind: Kind::Place, name: "japan".into() })]);
        let docs = |name: &str| -> Vec<usize> {
            index.mentions(Kind::Place, name).iter().map(|m| m.doc.0).collect()
        };
        assert_eq!(docs("China"), [1, 3]);
        assert_eq!(docs("Japan"), [0, 3]);
        assert_eq!(index.mentions(Kind::Place, "China")[1].facts, [1, 2]);
        index.remap(|d| (d.0 != 1).then_some(d));
        assert_eq!(index.article_count(Kind::Place, "United States"), 0);
        assert_eq!(index.len(), 2, "an entity no article names is dropped");
    }

    #[test]
    fn a_saved_index_and_the_articles_it_lacks_make_one() {
        let facts = vec![
            vec![place("United States"), place("China")],
            vec![place("China"), place("Laos")],
            vec![place("Japan"), place("China"), place("China")],
        ];
        let mut saved = EntityIndex::build(&facts);
        saved.remap(|d| (d.0 != 1).then_some(d));
        let mut lacking = EntityIndex::default();
        lacking.add_doc(DocId(1), super::super::entities_of(&facts[1]));
        saved.absorb(lacking);
        let built = EntityIndex::build(&facts);
        let sorted = |i: &EntityIndex| {
            let mut all: Vec<_> = i.iter().map(|(e, m)| (e.clone(), m.to_vec())).collect();
            all.sort_by(|a, b| a.0.cmp(&b.0));
            all
        };
        assert_eq!(sorted(&saved), sorted(&built));
    }
}
