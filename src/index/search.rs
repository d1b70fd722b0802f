//! Search across the corpus: an inverted index over folded words, answering
//! a [`Query`] with the articles that hold every phrase, best first.
//!
//! A one-word phrase is answered from the postings alone: the words that
//! start with it form one range of the sorted vocabulary, and their counts
//! add up per article. A longer phrase takes the articles that hold all its
//! whole words and checks the order in each one's word stream (word ids,
//! varint-encoded), so text is never re-read to rank. Spans of the hits are
//! computed from the text only for the articles returned.

use std::ops::Range;

use super::build::{self, BREAK};
use super::query::{Phrase, Query};
use crate::corpus::Document;
use crate::text::{DocId, Span};

/// Folded words → articles, for the whole corpus.
pub struct SearchIndex {
    /// Each word, by id; the most frequent words have the smallest ids.
    terms: Vec<Box<str>>,
    /// Word ids in alphabetical order of their text.
    lex: Vec<u32>,
    /// For each id, its position in `lex`.
    rank: Vec<u32>,
    post_start: Vec<usize>,
    post_docs: Vec<u32>,
    post_counts: Vec<u16>,
    /// Every article's title and body words as varint ids (see `build::BREAK`).
    streams: Vec<u8>,
    stream_start: Vec<usize>,
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

/// Matching articles with their hit counts, in corpus order.
type Counts = Vec<(u32, u32)>;

impl SearchIndex {
    /// Indexes every document's title and body (on all cores). `docs[i].id`
    /// is expected to be `DocId(i)`, as `Corpus` numbers them.
    pub fn build(docs: &[Document]) -> Self {
        let b = build::build(docs);
        Self {
            terms: b.terms,
            lex: b.lex,
            rank: b.rank,
            post_start: b.post_start,
            post_docs: b.post_docs,
            post_counts: b.post_counts,
            streams: b.streams,
            stream_start: b.stream_start,
        }
    }

    pub fn doc_count(&self) -> usize {
        self.stream_start.len().saturating_sub(1)
    }

    /// Distinct folded words in the corpus.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate heap bytes held by the index.
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.terms.iter().map(|t| t.len() + 16).sum();
        words
            + (self.lex.len() + self.rank.len()) * 4
            + (self.post_start.len() + self.stream_start.len()) * 8
            + self.post_docs.len() * 4
            + self.post_counts.len() * 2
            + self.streams.len()
    }

    /// The articles of `docs` (the corpus this index was built from) that
    /// hold every phrase of `query`, best first, at most `limit` with spans.
    pub fn search(&self, docs: &[Document], query: &Query, limit: usize) -> Results {
        let mut matched = self.matching(query);
        let total = matched.len();
        matched.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        matched.truncate(limit);
        let docs = matched
            .into_iter()
            .filter_map(|(d, count)| {
                let doc = docs.get(d as usize)?;
                Some(DocHits {
                    doc: DocId(d as usize),
                    count: count as usize,
                    title: query.find_in(&doc.title),
                    body: query.find_in(&doc.body),
                })
            })
            .collect();
        Results { total, docs }
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

    /// Articles where the phrase occurs, among `within` when given.
    fn phrase_counts(&self, phrase: &Phrase, within: Option<&[(u32, u32)]>) -> Counts {
        let Some((last, whole)) = phrase.words.split_last() else { return Vec::new() };
        let Some(ids) = whole.iter().map(|w| self.exact_id(w)).collect::<Option<Vec<u32>>>() else {
            return Vec::new();
        };
        let last_ranks = self.prefix_range(last);
        if last_ranks.is_empty() {
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
        let mut stream = Vec::new();
        candidates
            .into_iter()
            .filter_map(|d| {
                self.decode(d, &mut stream);
                let n = count_phrase(&stream, &ids, &last_ranks, &self.rank);
                (n > 0).then_some((d, n))
            })
            .collect()
    }

    /// Article `d`'s word ids (`id + 1`, `BREAK` between title and body).
    fn decode(&self, d: u32, out: &mut Vec<u32>) {
        out.clear();
        let bytes = self
            .streams
            .get(self.stream_start[d as usize]..self.stream_start[d as usize + 1])
            .unwrap_or(&[]);
        let (mut v, mut shift) = (0u32, 0);
        for &b in bytes {
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                out.push(v);
                v = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
    }
}

/// Non-overlapping occurrences of `whole` words followed by a word whose
/// rank is in `last`, in a decoded stream; the same rule as `Phrase::find_in`.
fn count_phrase(stream: &[u32], whole: &[u32], last: &Range<usize>, rank: &[u32]) -> u32 {
    let n = whole.len() + 1;
    let is_last = |v: u32| v != BREAK && last.contains(&(rank[(v - 1) as usize] as usize));
    let mut count = 0;
    let mut i = 0;
    while i + n <= stream.len() {
        let here = &stream[i..i + n];
        if here.iter().zip(whole).all(|(&v, &id)| v == id + 1) && is_last(here[n - 1]) {
            count += 1;
            i += n;
        } else {
            i += 1;
        }
    }
    count
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
