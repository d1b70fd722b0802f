//! The person's corrections, applied to each article's facts after
//! extraction (or after reading them back from the library, which keeps
//! them as extracted). Every consumer of facts gets them through the
//! pipeline, so the reader, `r`, `facts --json` and `text` all see the
//! same corrected facts.
//!
//! Applying is idempotent (a dropped fact is gone, a merged name is no
//! longer met), and costs nothing for an article without corrections but
//! a few hash lookups per entity.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use crate::corpus::Document;
use crate::facts::{Fact, Kind, Value};
use crate::store::{Correction, FactKey, PackedFacts};

/// Most merges followed from one name (`A` into `B` into `C`…): a cycle
/// made by hand stops there.
const MERGE_CHAIN: usize = 16;

/// The corrections in force, ready to apply.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    list: Vec<Correction>,
    /// Articles with a correction of one of their mentions.
    articles: HashSet<String>,
    drops: HashSet<FactKey>,
    speakers: HashMap<FactKey, Option<String>>,
    /// [`key`] of (kind, name) → the name it is merged into.
    merges: HashMap<String, String>,
    /// [`key`] of (kind, name, spelling) → the entity it is split into.
    splits: HashMap<String, String>,
    /// [`key`] of (kind, name) of every entity split.
    split_names: HashSet<String>,
}

/// Whether two corrections are of one slot: the same thing corrected the same way.
fn same_slot(a: &Correction, b: &Correction) -> bool {
    match (a, b) {
        (Correction::Drop(x), Correction::Drop(y))
        | (Correction::Speaker(x, _), Correction::Speaker(y, _)) => x == y,
        (
            Correction::Merge { kind: k1, from: f1, .. },
            Correction::Merge { kind: k2, from: f2, .. },
        ) => k1 == k2 && fold(f1) == fold(f2),
        (
            Correction::Split { kind: k1, name: n1, surface: s1, .. },
            Correction::Split { kind: k2, name: n2, surface: s2, .. },
        ) => k1 == k2 && fold(n1) == fold(n2) && fold(s1) == fold(s2),
        _ => false,
    }
}

/// The corrections shared by the threads that make facts and the reader
/// that changes them.
pub type Shared = Arc<RwLock<Corrections>>;

/// The key two spellings of one name share (case and spacing aside).
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(&mut out, name);
    out
}

/// Appends [`fold`] of `name` to `out` (allocating nothing when there is room).
fn fold_into(out: &mut String, name: &str) {
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The lookup key of a kind and names, folded, into `out` (cleared first):
/// one buffer serves every lookup of an article.
fn key<'b>(out: &'b mut String, kind: Kind, names: &[&str]) -> &'b str {
    out.clear();
    out.push_str(kind.name());
    for name in names {
        out.push('\0');
        fold_into(out, name);
    }
    out
}

impl Corrections {
    pub fn new(list: Vec<Correction>) -> Self {
        let mut c = Self::default();
        for correction in list {
            c.add(correction);
        }
        c
    }

    /// Every correction, oldest first.
    pub fn list(&self) -> &[Correction] {
        &self.list
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// A name for these corrections (the same for the same list): what a
    /// saved entity index was built with, so that it is used only with them.
    pub fn fingerprint(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        let text = format!("{:?}", self.list);
        format!("{:016x}", crate::store::version::stable_hash(&[text.as_bytes()]))
    }

    /// Adds a correction (replacing the one of its slot).
    pub fn add(&mut self, correction: Correction) {
        self.remove(&correction);
        match &correction {
            Correction::Drop(k) => {
                self.articles.insert(k.article.clone());
                self.drops.insert(k.clone());
            }
            Correction::Speaker(k, s) => {
                self.articles.insert(k.article.clone());
                self.speakers.insert(k.clone(), s.clone());
            }
            Correction::Merge { kind, from, into } => {
                self.merges.insert(key(&mut String::new(), *kind, &[from]).into(), into.clone());
            }
            Correction::Split { kind, name, surface, into } => {
                let k = key(&mut String::new(), *kind, &[name, surface]).to_string();
                self.splits.insert(k, into.clone());
                self.split_names.insert(key(&mut String::new(), *kind, &[name]).to_string());
            }
        }
        self.list.push(correction);
    }

    /// The correction in force in the slot of `correction` (which a new
    /// one there replaces).
    pub fn in_slot(&self, correction: &Correction) -> Option<&Correction> {
        self.list.iter().find(|c| same_slot(c, correction))
    }

    /// Takes back the correction of `correction`'s slot, if there is one.
    pub fn remove(&mut self, correction: &Correction) {
        let before = self.list.len();
        self.list.retain(|c| !same_slot(c, correction));
        if self.list.len() != before {
            // Rebuilt from what is left: removals are rare.
            *self = Self::new(std::mem::take(&mut self.list));
        }
    }

    /// Whether `fact` of `doc` is dropped.
    pub fn is_dropped(&self, doc: &Document, fact: &Fact) -> bool {
        self.articles.contains(&doc.key) && self.drops.contains(&FactKey::of(doc, fact))
    }

    /// The name `name` of `kind` goes by after the merges.
    pub fn merged(&self, kind: Kind, name: &str) -> Option<&str> {
        self.merged_with(&mut String::new(), kind, name)
    }

    /// [`Corrections::merged`], with a buffer for the keys.
    fn merged_with(&self, buf: &mut String, kind: Kind, name: &str) -> Option<&str> {
        if self.merges.is_empty() {
            return None;
        }
        let mut at: Option<&str> = None;
        for _ in 0..MERGE_CHAIN {
            match self.merges.get(key(buf, kind, &[at.unwrap_or(name)])) {
                Some(into) if Some(into.as_str()) != at => at = Some(into),
                _ => break,
            }
        }
        at
    }

    /// Whether any correction may change the facts `packed` of the article
    /// `article` (its id): read without making a fact, so that an article
    /// the corrections leave alone costs a few lookups and its facts stay
    /// as stored.
    pub fn touches(&self, article: &str, packed: &PackedFacts) -> bool {
        if self.is_empty() {
            return false;
        }
        if self.articles.contains(article) {
            return true;
        }
        if self.merges.is_empty() && self.split_names.is_empty() {
            return false;
        }
        let mut buf = String::new();
        let mut touched = false;
        packed.each_name(|kind, name| {
            touched = touched
                || self.merged_with(&mut buf, kind, name).is_some()
                || (kind.is_entity() && self.split_names.contains(key(&mut buf, kind, &[name])));
        });
        touched
    }

    /// Applies the corrections to the facts of `doc`.
    pub fn apply(&self, doc: &Document, facts: &mut Vec<Fact>) {
        if self.is_empty() {
            return;
        }
        if self.articles.contains(&doc.key) {
            facts.retain(|f| !self.drops.contains(&FactKey::of(doc, f)));
            for fact in facts.iter_mut().filter(|f| f.kind == Kind::Quote) {
                if let Some(speaker) = self.speakers.get(&FactKey::of(doc, fact)) {
                    fact.speaker.clone_from(speaker);
                }
            }
        }
        if self.merges.is_empty() && self.splits.is_empty() {
            return;
        }
        let mut buf = String::new();
        for fact in facts.iter_mut() {
            if fact.kind.is_entity()
                && let Value::Text(name) = &fact.value
            {
                let split = if self.splits.is_empty() {
                    None
                } else {
                    self.splits.get(key(&mut buf, fact.kind, &[name, fact.text(doc)])).cloned()
                };
                // A spelling split off is its own entity: no merge takes it back.
                if let Some(into) = split {
                    fact.value = Value::Text(into);
                } else if let Some(into) = self.merged_with(&mut buf, fact.kind, name) {
                    fact.value = Value::Text(into.to_string());
                }
            }
            if let Some(speaker) = &fact.speaker
                && let Some(into) = self.merged_with(&mut buf, Kind::Person, speaker)
            {
                fact.speaker = Some(into.to_string());
            }
        }
    }
}

/// The corrections kept in the reading state at its usual place, read
/// without writing anything; none when there is no reading state yet.
pub fn kept() -> Result<Corrections, crate::store::StoreError> {
    let Some(path) = crate::store::state_db_path() else { return Ok(Corrections::default()) };
    Ok(Corrections::new(crate::store::read_corrections(&path)?))
}

/// [`kept`] as the headless commands use it: `keep` false (`--no-state`)
/// reads nothing; a reading state that cannot be read is said on the way
/// (the facts are then shown uncorrected).
pub fn for_headless(keep: bool) -> (Shared, Option<String>) {
    let (corrections, note) = if keep {
        match kept() {
            Ok(c) => (c, None),
            Err(e) => (Corrections::default(), Some(format!("corrections not applied: {e}"))),
        }
    } else {
        (Corrections::default(), None)
    };
    (Arc::new(RwLock::new(corrections)), note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{DocId, Span};

    fn doc() -> Document {
        let body = "Maria Lopez said: “we will grow again this year”. Lopez left. \
                    Germany and Deutschland and germany.";
        Document::from_text(DocId(0), "a".into(), "a.txt".into(), &format!("Title\n\n{body}"))
    }

    fn at(doc: &Document, kind: Kind, text: &str, nth: usize, value: Option<&str>) -> Fact {
        let start = doc.body.match_indices(text).nth(nth).unwrap().0;
        let value = value.map_or(Value::None, |v| Value::Text(v.into()));
        Fact::new(kind, Span::new(start, start + text.len()), value)
    }

    fn facts(doc: &Document) -> Vec<Fact> {
        let mut quote = at(doc, Kind::Quote, "we will grow again this year", 0, None);
        quote.speaker = Some("Lopez".into());
        vec![
            at(doc, Kind::Person, "Maria Lopez", 0, Some("Maria Lopez")),
            quote,
            at(doc, Kind::Person, "Lopez", 1, Some("Lopez")),
            at(doc, Kind::Place, "Germany", 0, Some("Germany")),
            at(doc, Kind::Place, "Deutschland", 0, Some("Germany")),
        ]
    }

    fn names(facts: &[Fact]) -> Vec<String> {
        facts.iter().map(|f| format!("{}:{}", f.kind.name(), f.value_text())).collect()
    }

    #[test]
    fn drop_speaker_merge_and_split_apply_and_apply_once() {
        let doc = doc();
        let raw = facts(&doc);
        let c = Corrections::new(vec![
            Correction::Drop(FactKey::of(&doc, &raw[3])),
            Correction::Speaker(FactKey::of(&doc, &raw[1]), Some("Lopez".into())),
            Correction::Merge {
                kind: Kind::Person,
                from: "lopez".into(),
                into: "Maria Lopez".into(),
            },
            Correction::Split {
                kind: Kind::Place,
                name: "Germany".into(),
                surface: "deutschland".into(),
                into: "Austria's Germany".into(),
            },
        ]);
        let mut got = raw.clone();
        c.apply(&doc, &mut got);
        assert_eq!(
            names(&got),
            ["person:Maria Lopez", "quote:", "person:Maria Lopez", "place:Austria's Germany"]
        );
        assert_eq!(got[1].speaker.as_deref(), Some("Maria Lopez"));
        let once = got.clone();
        c.apply(&doc, &mut got);
        assert_eq!(got, once);
    }

    #[test]
    fn what_a_correction_may_change_is_told_from_the_packed_facts() {
        let doc = doc();
        let packed = PackedFacts::pack(&facts(&doc));
        let merge =
            |kind, from: &str| Correction::Merge { kind, from: from.into(), into: "X".into() };
        let split = |name: &str| Correction::Split {
            kind: Kind::Place,
            name: name.into(),
            surface: "deutschland".into(),
            into: "Y".into(),
        };
        assert!(!Corrections::default().touches("a", &packed));
        assert!(Corrections::new(vec![merge(Kind::Person, "LOPEZ")]).touches("b", &packed));
        assert!(!Corrections::new(vec![merge(Kind::Org, "Lopez")]).touches("b", &packed));
        assert!(Corrections::new(vec![split("germany")]).touches("b", &packed));
        assert!(!Corrections::new(vec![split("France")]).touches("b", &packed));
        let drop = Correction::Drop(FactKey::of(&doc, &facts(&doc)[0]));
        assert!(Corrections::new(vec![drop.clone()]).touches("a", &packed));
        assert!(!Corrections::new(vec![drop]).touches("b", &packed));
    }

    #[test]
    fn a_mention_moved_or_rewritten_is_left_alone() {
        let doc = doc();
        let raw = facts(&doc);
        let mut moved = FactKey::of(&doc, &raw[3]);
        moved.span = Span::new(moved.span.start + 1, moved.span.end + 1);
        let mut other_article = FactKey::of(&doc, &raw[3]);
        other_article.article = "b".into();
        let mut rewritten = FactKey::of(&doc, &raw[3]);
        rewritten.text = "Chine".into();
        let c = Corrections::new(vec![
            Correction::Drop(moved),
            Correction::Drop(other_article),
            Correction::Drop(rewritten),
        ]);
        let mut got = raw.clone();
        c.apply(&doc, &mut got);
        assert_eq!(got, raw);
    }

    #[test]
    fn chains_of_merges_end_and_removal_takes_back() {
        let merge = |from: &str, into: &str| Correction::Merge {
            kind: Kind::Org,
            from: from.into(),
            into: into.into(),
        };
        let mut c = Corrections::new(vec![merge("A", "B"), merge("B", "C"), merge("C", "A")]);
        assert!(c.merged(Kind::Org, "A").is_some());
        assert_eq!(c.merged(Kind::Person, "A"), None);
        c.remove(&merge("C", "anything"));
        assert_eq!(c.merged(Kind::Org, "a"), Some("C"));
        assert_eq!(c.list().len(), 2);
        c.add(merge("A", "D"));
        assert_eq!((c.merged(Kind::Org, "A"), c.list().len()), (Some("D"), 2));
    }
}
