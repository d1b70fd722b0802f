//! Search across the corpus: an inverted index over folded words, answering
//! a [`Query`] with the articles that hold every phrase, best first.
//!
//! A one-word phrase is answered from the postings alone: the words that
//! start with it form one range of the sorted vocabulary, and their counts
//! add up per article. A longer phrase takes the articles that hold all its
//! whole words and checks their order with the word positions kept in the
//! postings; when too many words start with its last, unfinished word (the
//! `"trung q` of someone typing), with a byte search in each article's word
//! stream (word ids, varint-encoded) instead. Text is never re-read to rank:
//! spans of the hits are computed from the text only for the articles
//! returned.

use std::ops::Range;

use super::build::{self, BREAK, per_core, read_varint};
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
    /// Where each word's positions start in `positions` (see `build::Postings`).
    pos_start: Vec<usize>,
    positions: Vec<u16>,
    /// Articles of more than 65,535 words, whose positions do not fit `u16`:
    /// their phrases are checked in the word stream.
    long_docs: Vec<u32>,
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
            pos_start: b.pos_start,
            positions: b.positions,
            long_docs: b.long_docs,
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
            + self.pos_start.len() * 8
            + self.positions.len() * 2
            + self.streams.len()
    }

    /// The articles of `docs` (the corpus this index was built from) that
    /// hold every phrase of `query`, best first, at most `limit` with spans.
    pub fn search(&self, docs: &[Document], query: &Query, limit: usize) -> Results {
        let mut matched = self.matching(query);
        let total = matched.len();
        let best_first = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        // Only the best `limit` need ordering: a selection first, not a full sort.
        if matched.len() > limit {
            matched.select_nth_unstable_by(limit, best_first);
            matched.truncate(limit);
        }
        matched.sort_unstable_by(best_first);
        let docs = spans_of(docs, query, &matched);
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
        let range_ids = self.lex.get(last_ranks.clone()).unwrap_or(&[]);
        if range_ids.len() <= MAX_POSITIONAL_RANGE {
            return self.phrase_by_positions(&candidates, &ids, range_ids, &last_ranks);
        }
        self.phrase_by_streams(&candidates, &ids, &last_ranks)
    }

    /// Checks a phrase in each candidate's word positions: work in
    /// proportion to how often its words occur, not to article length.
    fn phrase_by_positions(
        &self,
        candidates: &[u32],
        ids: &[u32],
        range_ids: &[u32],
        last_ranks: &Range<usize>,
    ) -> Counts {
        let mut whole: Vec<Cursor> = ids.iter().map(|&id| self.cursor(id)).collect();
        let mut last: Vec<Cursor> = range_ids.iter().map(|&id| self.cursor(id)).collect();
        let mut last_positions = Vec::new();
        let mut out = Vec::new();
        for &d in candidates {
            let n = if self.long_docs.binary_search(&d).is_ok() {
                let finder = whole_words_finder(ids);
                count_phrase(self.stream(d), &finder, last_ranks, &self.rank)
            } else {
                let lists: Vec<&[u16]> = whole.iter_mut().map(|c| c.seek(d)).collect();
                last_positions.clear();
                for c in &mut last {
                    last_positions.extend_from_slice(c.seek(d));
                }
                last_positions.sort_unstable();
                count_positions(&lists, &last_positions)
            };
            if n > 0 {
                out.push((d, n));
            }
        }
        out
    }

    fn cursor(&self, id: u32) -> Cursor<'_> {
        let (docs, counts) = self.postings(id);
        let pos = self.positions.get(self.pos_start[id as usize]..).unwrap_or(&[]);
        Cursor { docs, counts, pos, k: 0, offset: 0 }
    }

    /// Checks a phrase whose last word is a short prefix (too many words
    /// start with it to merge their positions) in the word streams.
    fn phrase_by_streams(
        &self,
        candidates: &[u32],
        ids: &[u32],
        last_ranks: &Range<usize>,
    ) -> Counts {
        // The whole words as they are encoded in the streams: a byte search
        // finds them without decoding anything else.
        let finder = whole_words_finder(ids);
        let check = |part: &[u32]| -> Counts {
            part.iter()
                .filter_map(|&d| {
                    let n = count_phrase(self.stream(d), &finder, last_ranks, &self.rank);
                    (n > 0).then_some((d, n))
                })
                .collect()
        };
        if candidates.len() < 256 {
            return check(candidates);
        }
        per_core(candidates, check).into_iter().flatten().collect()
    }

    /// Article `d`'s words as varint ids (`id + 1`, `BREAK` between title and body).
    fn stream(&self, d: u32) -> &[u8] {
        let (from, to) = (self.stream_start[d as usize], self.stream_start[d as usize + 1]);
        self.streams.get(from..to).unwrap_or(&[])
    }
}

/// Above this many words starting with a phrase's last word, the phrase is
/// checked in word streams rather than by merging positions.
const MAX_POSITIONAL_RANGE: usize = 64;

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

/// Non-overlapping, leftmost-first occurrences: the whole words at
/// consecutive positions, then one of `last`: the rule of `Phrase::find_in`.
fn count_positions(whole: &[&[u16]], last: &[u16]) -> u32 {
    let Some(first) = whole.first() else { return 0 };
    let n = whole.len();
    let at =
        |list: &[u16], p: usize| u16::try_from(p).is_ok_and(|p| list.binary_search(&p).is_ok());
    let mut count = 0;
    let mut free_from = 0;
    for &p in *first {
        let p = usize::from(p);
        if p < free_from {
            continue;
        }
        let whole_ok = whole.iter().enumerate().skip(1).all(|(i, list)| at(list, p + i));
        if whole_ok && at(last, p + n) {
            count += 1;
            free_from = p + n + 1;
        }
    }
    count
}

fn whole_words_finder(ids: &[u32]) -> memchr::memmem::Finder<'static> {
    let mut pattern = Vec::new();
    for &id in ids {
        build::push_varint(&mut pattern, id + 1);
    }
    memchr::memmem::Finder::new(&pattern).into_owned()
}

/// Non-overlapping occurrences, in one article's stream, of the whole words
/// (`finder`) followed by a word whose rank is in `last`: the same rule as
/// `Phrase::find_in`. A byte match counts only where a varint starts, that
/// is at the start or after a byte without the continuation bit.
fn count_phrase(
    stream: &[u8],
    finder: &memchr::memmem::Finder<'_>,
    last: &Range<usize>,
    rank: &[u32],
) -> u32 {
    let len = finder.needle().len();
    let mut count = 0;
    let mut pos = 0;
    while let Some(found) = stream.get(pos..).and_then(|rest| finder.find(rest)) {
        let at = pos + found;
        let aligned = at == 0 || stream.get(at - 1).is_some_and(|&b| b < 0x80);
        let next = stream.get(at + len..).and_then(read_varint);
        match next {
            Some((v, n))
                if aligned && v != BREAK && last.contains(&(rank[(v - 1) as usize] as usize)) =>
            {
                count += 1;
                pos = at + len + n;
            }
            _ => pos = at + 1,
        }
    }
    count
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
