//! Search across the corpus: an inverted index over folded words, answering
//! a [`Query`] with the articles that hold every phrase, best first.
//!
//! A one-word phrase is answered from the postings alone: the words that
//! start with it form one range of the sorted vocabulary, and their counts
//! add up per article. A longer phrase takes the articles that hold all its
//! whole words, finds where they stand one after another from the word
//! positions kept in the postings, then keeps the places followed by a word
//! that starts with its last word: work in proportion to how often the words
//! occur, not to the length of the articles. Text is never re-read to rank:
//! spans of the hits are computed from the text only for the articles
//! returned.

mod persist;

use std::ops::Range;

use super::build::{self, per_core};
use super::query::{Phrase, Query};
use crate::corpus::Document;
use crate::text::{DocId, Span};

/// Folded words → articles, for the whole corpus.
pub struct SearchIndex {
    /// Each word, by id; the most frequent words have the smallest ids.
    terms: Vec<Box<str>>,
    /// Word ids in alphabetical order of their text.
    lex: Vec<u32>,
    post_start: Vec<usize>,
    post_docs: Vec<u32>,
    post_counts: Vec<u16>,
    /// Where each word's positions start in `positions` (see `build::Postings`).
    pos_start: Vec<usize>,
    positions: Vec<u16>,
    doc_count: usize,
}

/// One article that matches, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocHits {
    pub doc: DocId,
    /// Hits in title and body together.
    pub count: usize,
    /// Hit spans in the document's `title`, in order.
    pub title: Vec<Span>,
    /// Hit spans in the document's `body`, in order.
    pub body: Vec<Span>,
}

/// The answer to a query: how many articles match, and the best of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub total: usize,
    /// Best first: most hits, then corpus order.
    pub docs: Vec<DocHits>,
}

/// Matching articles (`DocId.0` as `u32`) with their hit counts, in corpus order.
pub type Counts = Vec<(u32, u32)>;

impl SearchIndex {
    /// Indexes every document's title and body (on all cores). `docs[i].id`
    /// is expected to be `DocId(i)`, as `Corpus` numbers them.
    pub fn build(docs: &[Document]) -> Self {
        Self::from_built(build::build(docs), docs.len())
    }

    /// [`SearchIndex::build`] of `n` articles that `feed` hands over a
    /// range at a time (see [`build::build_fed`]).
    pub fn build_fed(n: usize, feed: &build::Feed<'_>) -> Self {
        Self::from_built(build::build_fed(n, feed), n)
    }

    fn from_built(b: build::Built, doc_count: usize) -> Self {
        Self {
            terms: b.terms,
            lex: b.lex,
            post_start: b.post_start,
            post_docs: b.post_docs,
            post_counts: b.post_counts,
            pos_start: b.pos_start,
            positions: b.positions,
            doc_count,
        }
    }

    pub fn doc_count(&self) -> usize {
        self.doc_count
    }

    /// Distinct folded words in the corpus.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate heap bytes held by the index.
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.terms.iter().map(|t| t.len() + 16).sum();
        words
            + self.lex.len() * 4
            + self.post_start.len() * 8
            + self.post_docs.len() * 4
            + self.post_counts.len() * 2
            + self.pos_start.len() * 8
            + self.positions.len() * 2
    }

    /// The articles of `docs` (the corpus this index was built from) that
    /// hold every phrase of `query`, best first, at most `limit` with spans.
    pub fn search(&self, docs: &[Document], query: &Query, limit: usize) -> Results {
        rank(docs, query, self.matching(query), limit)
    }

    /// Every article holding all phrases, with the sum of their hits.
    pub fn matching(&self, query: &Query) -> Counts {
        if query.is_empty() {
            return Vec::new();
        }
        // One-word phrases first: they are cheap and narrow the articles in
        // which longer phrases must be checked word by word.
        let (single, multi): (Vec<&Phrase>, Vec<&Phrase>) =
            query.phrases.iter().partition(|p| p.words.len() == 1);
        let mut acc: Option<Counts> = None;
        for p in single {
            let hits = self.prefix_counts(&p.words[0]);
            acc = Some(match acc {
                None => hits,
                Some(prev) => intersect(&prev, &hits),
            });
        }
        for p in multi {
            let hits = self.phrase_counts(p, acc.as_deref());
            acc = Some(match acc {
                None => hits,
                Some(prev) => intersect(&prev, &hits),
            });
        }
        acc.unwrap_or_default()
    }

    /// Ranks (positions in `lex`) of the words that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let word = |&id: &u32| &*self.terms[id as usize];
        let lo = self.lex.partition_point(|id| word(id) < prefix);
        let hi = lo
            + self.lex.get(lo..).unwrap_or(&[]).partition_point(|id| word(id).starts_with(prefix));
        lo..hi
    }

    fn exact_id(&self, word: &str) -> Option<u32> {
        let r = self.prefix_range(word);
        self.lex.get(r.start).copied().filter(|&id| &*self.terms[id as usize] == word)
    }

    fn postings(&self, id: u32) -> (&[u32], &[u16]) {
        let r = self.post_start[id as usize]..self.post_start[id as usize + 1];
        (&self.post_docs[r.clone()], &self.post_counts[r])
    }

    /// Articles holding a word that starts with `prefix`, with how often.
    fn prefix_counts(&self, prefix: &str) -> Counts {
        let range = self.prefix_range(prefix);
        if range.len() == 1 {
            let (docs, counts) = self.postings(self.lex[range.start]);
            return docs.iter().zip(counts).map(|(&d, &c)| (d, u32::from(c))).collect();
        }
        let mut dense = vec![0u32; self.doc_count()];
        for &id in self.lex.get(range).unwrap_or(&[]) {
            let (docs, counts) = self.postings(id);
            for (&d, &c) in docs.iter().zip(counts) {
                dense[d as usize] += u32::from(c);
            }
        }
        dense.iter().enumerate().filter(|(_, c)| **c > 0).map(|(d, &c)| (d as u32, c)).collect()
    }

    /// Articles where the phrase occurs, among `within` when given, found
    /// from word positions: first where the whole words stand one after
    /// another, then which of those places a word starting with the last
    /// word follows. The work grows with how often the words occur, never
    /// with the length of the articles.
    fn phrase_counts(&self, phrase: &Phrase, within: Option<&[(u32, u32)]>) -> Counts {
        let Some((last, whole)) = phrase.words.split_last() else { return Vec::new() };
        let Some(ids) = whole.iter().map(|w| self.exact_id(w)).collect::<Option<Vec<u32>>>() else {
            return Vec::new();
        };
        let range_ids = self.lex.get(self.prefix_range(last)).unwrap_or(&[]);
        if range_ids.is_empty() {
            return Vec::new();
        }
        // Candidates: articles holding every whole word, rarest list first.
        let mut lists: Vec<&[u32]> = ids.iter().map(|&id| self.postings(id).0).collect();
        lists.sort_by_key(|l| l.len());
        let mut candidates: Vec<u32> = lists[0].to_vec();
        for l in lists.iter().skip(1) {
            candidates.retain(|d| l.binary_search(d).is_ok());
        }
        if let Some(within) = within {
            candidates.retain(|d| within.binary_search_by_key(d, |p| p.0).is_ok());
        }
        let starts = self.phrase_starts(&candidates, &ids);
        let followed = self.followed(&starts, range_ids, ids.len());
        count_leftmost(&starts, &followed, ids.len() + 1)
    }

    /// In each candidate, the positions where the whole words `ids` stand
    /// one after another.
    fn phrase_starts(&self, candidates: &[u32], ids: &[u32]) -> Starts {
        let mut cursors: Vec<Cursor> = ids.iter().map(|&id| self.cursor(id)).collect();
        let mut starts = Starts { slot: vec![u32::MAX; self.doc_count()], ..Starts::default() };
        for &d in candidates {
            let lists: Vec<&[u16]> = cursors.iter_mut().map(|c| c.seek(d)).collect();
            let from = starts.at.len();
            for &p in lists[0] {
                let p = usize::from(p);
                if p < usize::from(u16::MAX)
                    && lists.iter().enumerate().skip(1).all(|(i, l)| has(l, p + i))
                {
                    starts.at.push(p as u16);
                }
            }
            if starts.at.len() > from {
                starts.slot[d as usize] = starts.docs.len() as u32;
                starts.docs.push((d, from..starts.at.len()));
            }
        }
        starts
    }

    /// For each start, whether a word among `range_ids` comes right after
    /// the `n` whole words.
    fn followed(&self, starts: &Starts, range_ids: &[u32], n: usize) -> Vec<bool> {
        let mut followed = vec![false; starts.at.len()];
        if starts.docs.is_empty() {
            return followed;
        }
        for &id in range_ids {
            let (docs, counts) = self.postings(id);
            let positions = self.positions.get(self.pos_start[id as usize]..).unwrap_or(&[]);
            let mut offset = 0;
            for (&d, &c) in docs.iter().zip(counts) {
                let c = usize::from(c);
                let slot = starts.slot[d as usize];
                if slot != u32::MAX {
                    let r = starts.docs[slot as usize].1.clone();
                    let here = starts.at.get(r.clone()).unwrap_or(&[]);
                    for &q in positions.get(offset..offset + c).unwrap_or(&[]) {
                        let Some(p) = usize::from(q).checked_sub(n) else { continue };
                        if q == u16::MAX {
                            continue;
                        }
                        if let Ok(k) = here.binary_search(&(p as u16)) {
                            followed[r.start + k] = true;
                        }
                    }
                }
                offset += c;
            }
        }
        followed
    }

    fn cursor(&self, id: u32) -> Cursor<'_> {
        let (docs, counts) = self.postings(id);
        let pos = self.positions.get(self.pos_start[id as usize]..).unwrap_or(&[]);
        Cursor { docs, counts, pos, k: 0, offset: 0 }
    }
}

/// Where a phrase's whole words stand one after another, per article.
#[derive(Default)]
struct Starts {
    /// Start positions, article after article, ascending within each.
    at: Vec<u16>,
    /// Each article with starts, and its range in `at`.
    docs: Vec<(u32, Range<usize>)>,
    /// For every article of the corpus, its index in `docs` or `u32::MAX`.
    slot: Vec<u32>,
}

/// One word's postings, walked forward in document order.
struct Cursor<'a> {
    docs: &'a [u32],
    counts: &'a [u16],
    /// The word's positions from its first document on.
    pos: &'a [u16],
    k: usize,
    offset: usize,
}

impl<'a> Cursor<'a> {
    /// The word's positions in document `d`, which must not be before the
    /// previous one sought.
    fn seek(&mut self, d: u32) -> &'a [u16] {
        while self.docs.get(self.k).is_some_and(|&x| x < d) {
            self.offset += usize::from(self.counts[self.k]);
            self.k += 1;
        }
        if self.docs.get(self.k) != Some(&d) {
            return &[];
        }
        let n = usize::from(self.counts[self.k]);
        self.pos.get(self.offset..self.offset + n).unwrap_or(&[])
    }
}

/// Whether position `p` is in the sorted `list`. `u16::MAX` stands for every
/// position past it (see `build`), so it never counts as a place.
fn has(list: &[u16], p: usize) -> bool {
    p < usize::from(u16::MAX) && list.binary_search(&(p as u16)).is_ok()
}

/// Per article, the leftmost non-overlapping phrases of `len` words: the
/// rule of `Phrase::find_in`.
fn count_leftmost(starts: &Starts, followed: &[bool], len: usize) -> Counts {
    starts
        .docs
        .iter()
        .filter_map(|(d, r)| {
            let mut count = 0;
            let mut free_from = 0;
            for k in r.clone() {
                let p = usize::from(starts.at[k]);
                if followed[k] && p >= free_from {
                    count += 1;
                    free_from = p + len;
                }
            }
            (count > 0).then_some((*d, count))
        })
        .collect()
}

/// The best `limit` of `matched` (articles of `docs` with their hit
/// counts), best first, with their spans.
pub(super) fn rank(docs: &[Document], query: &Query, mut matched: Counts, limit: usize) -> Results {
    let total = matched.len();
    keep_best(&mut matched, limit);
    let docs = spans_of(docs, query, &matched);
    Results { total, docs }
}

/// Keeps the best `limit` of `matched`, best first: most hits, then corpus order.
pub(super) fn keep_best(matched: &mut Counts, limit: usize) {
    let best_first = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    // Only the best `limit` need ordering: a selection first, not a full sort.
    if matched.len() > limit {
        matched.select_nth_unstable_by(limit, best_first);
        matched.truncate(limit);
    }
    matched.sort_unstable_by(best_first);
}

/// The hits of `matched` articles with their spans, found on all cores
/// (folding text is the slow part of a search).
fn spans_of(docs: &[Document], query: &Query, matched: &[(u32, u32)]) -> Vec<DocHits> {
    let one = |&(d, count): &(u32, u32)| {
        let doc = docs.get(d as usize)?;
        Some(DocHits {
            doc: DocId(d as usize),
            count: count as usize,
            title: query.find_in(&doc.title),
            body: query.find_in(&doc.body),
        })
    };
    if matched.len() < 8 {
        return matched.iter().filter_map(one).collect();
    }
    per_core(matched, |part| part.iter().filter_map(one).collect::<Vec<_>>())
        .into_iter()
        .flatten()
        .collect()
}

/// Articles in both lists, hits added.
fn intersect(a: &[(u32, u32)], b: &[(u32, u32)]) -> Counts {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(&(da, ca)), Some(&(db, cb))) = (a.get(i), b.get(j)) {
        match da.cmp(&db) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((da, ca + cb));
                i += 1;
                j += 1;
            }
        }
    }
    out
}
