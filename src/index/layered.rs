//! Corpus search over a saved index and the few articles that changed
//! since it was built, so that a start or a reload never waits for the
//! whole index to be built again (an LSM-like layout):
//!
//! - the **base**: a [`SearchIndex`] as saved (or built), with each of its
//!   articles' id now, or none for an article gone or changed since (a
//!   tombstone);
//! - the **delta**: a small [`SearchIndex`] over the articles added or
//!   changed since, built in milliseconds.
//!
//! A query is answered by both and the counts merged. Once the delta or
//! the tombstones grow past [`Layered::needs_compaction`], build one index
//! of the whole corpus again, off the UI thread, and start over from it.

use super::query::Query;
use super::search::{Counts, Results, SearchIndex, keep_best, rank};
use crate::corpus::Document;
use crate::text::DocId;

/// In a map of article numbers: no article now (gone or changed).
const NONE: u32 = u32::MAX;

/// A search index in two layers.
pub struct Layered {
    base: SearchIndex,
    /// For each article of `base`, its id now, or `NONE`.
    base_map: Vec<u32>,
    delta: Option<SearchIndex>,
    /// For each article of `delta`, its id now.
    delta_map: Vec<u32>,
}

impl Layered {
    /// An index of the whole corpus as it is: nothing to merge.
    pub fn whole(index: SearchIndex) -> Self {
        let base_map = (0..index.doc_count() as u32).collect();
        Self { base: index, base_map, delta: None, delta_map: Vec::new() }
    }

    /// A saved index whose article `i` is now `base_map[i]` (`None`: gone).
    pub fn from_base(base: SearchIndex, base_map: &[Option<DocId>]) -> Self {
        let base_map = base_map.iter().map(|d| d.map_or(NONE, |d| d.0 as u32)).collect();
        Self { base, base_map, delta: None, delta_map: Vec::new() }
    }

    /// Indexes `docs` as the delta: every article added or changed since
    /// the base was built (their `id` is their id now), replacing the delta
    /// before. The delta is small: building it again costs less than
    /// merging two indexes.
    pub fn set_delta(&mut self, docs: &[Document]) {
        self.delta_map = docs.iter().map(|d| d.id.0 as u32).collect();
        self.delta = (!docs.is_empty()).then(|| SearchIndex::build(docs));
    }

    /// Renumbers the articles after a reload: `to` gives each article's
    /// id now, `None` for one that is gone or changed (index it again
    /// with [`Layered::set_delta`]).
    pub fn remap(&mut self, to: impl Fn(DocId) -> Option<DocId>) {
        let map = |v: &mut u32| {
            if *v != NONE {
                *v = to(DocId(*v as usize)).map_or(NONE, |d| d.0 as u32);
            }
        };
        self.base_map.iter_mut().for_each(map);
        self.delta_map.iter_mut().for_each(map);
    }

    /// Articles counted by the base but gone since.
    pub fn tombstones(&self) -> usize {
        self.base_map.iter().filter(|&&v| v == NONE).count()
    }

    /// Articles in the delta.
    pub fn delta_len(&self) -> usize {
        self.delta_map.len()
    }

    /// Whether the layers have drifted far enough from one index of the
    /// corpus (an eighth of the base, or 5,000 articles) to be worth
    /// building it again: a query pays for every tombstone and delta word.
    pub fn needs_compaction(&self) -> bool {
        self.would_need_compaction(0)
    }

    /// Whether adding a delta of `more` articles would make
    /// [`Layered::needs_compaction`] true: then build the whole index
    /// rather than that delta.
    pub fn would_need_compaction(&self, more: usize) -> bool {
        let drift = self.tombstones() + self.delta_len() + more;
        drift > 0 && (drift * 8 > self.base_map.len() || drift > 5_000)
    }

    /// The articles this index covers, base and delta.
    pub fn doc_count(&self) -> usize {
        self.base_map.len() - self.tombstones() + self.delta_len()
    }

    /// The saved layer (what to save again once compacted).
    pub fn base(&self) -> &SearchIndex {
        &self.base
    }

    /// Every article holding all phrases (by id now, ascending), with the
    /// sum of their hits.
    pub fn matching(&self, query: &Query) -> Counts {
        let mut out = mapped(self.base.matching(query), &self.base_map);
        if let Some(delta) = &self.delta {
            out.extend(mapped(delta.matching(query), &self.delta_map));
        }
        out.sort_unstable_by_key(|p| p.0);
        out
    }

    /// How many articles match, and the best `limit` (id now, hits), best
    /// first: for a caller whose articles' bodies are not in memory, which
    /// fetches the bodies of these and finds the hits with
    /// [`Query::find_in`].
    pub fn best(&self, query: &Query, limit: usize) -> (usize, Counts) {
        let mut matched = self.matching(query);
        let total = matched.len();
        keep_best(&mut matched, limit);
        (total, matched)
    }

    /// As [`SearchIndex::search`]: `docs` is the corpus now.
    pub fn search(&self, docs: &[Document], query: &Query, limit: usize) -> Results {
        rank(docs, query, self.matching(query), limit)
    }
}

fn mapped(counts: Counts, map: &[u32]) -> Counts {
    counts
        .into_iter()
        .filter_map(|(d, c)| map.get(d as usize).copied().filter(|&m| m != NONE).map(|m| (m, c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: usize, title: &str, body: &str) -> Document {
        let mut d = Document::from_text(
            DocId(id),
            id.to_string(),
            id.to_string(),
            &format!("{title}\n\n{body}"),
        );
        d.id = DocId(id);
        d
    }

    fn ids(r: &Results) -> Vec<usize> {
        let mut v: Vec<usize> = r.docs.iter().map(|h| h.doc.0).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn base_and_delta_answer_as_one_index() {
        let before = vec![
            doc(0, "Harbour", "Storm over Hamburg harbour."),
            doc(1, "Markets", "Shares fell in Frankfurt."),
            doc(2, "Weather", "Snow in München today."),
        ];
        let mut layered = Layered::whole(SearchIndex::build(&before));
        // Article 1 changed (now about a storm), a new one came at the front,
        // article 2 is gone.
        let now = vec![
            doc(0, "New", "A storm in Rotterdam."),
            doc(1, "Harbour", "Storm over Hamburg harbour."),
            doc(2, "Markets", "A storm hit shares in Frankfurt."),
        ];
        layered.remap(|d| match d.0 {
            0 => Some(DocId(1)),
            _ => None,
        });
        layered.set_delta(&[now[0].clone(), now[2].clone()]);
        let q = Query::parse("storm");
        let got = layered.search(&now, &q, 10);
        let whole = SearchIndex::build(&now).search(&now, &q, 10);
        assert_eq!(ids(&got), ids(&whole));
        assert_eq!(got.total, 3);
        let (total, best) = layered.best(&q, 2);
        assert_eq!((total, best.len()), (3, 2));
        assert_eq!(best[0].0 as usize, got.docs[0].doc.0);
        assert_eq!(layered.search(&now, &Query::parse("munchen"), 10).total, 0);
        assert_eq!(layered.doc_count(), 3);
        assert_eq!(layered.tombstones(), 2);
        assert!(layered.needs_compaction());
    }
}
