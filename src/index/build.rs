//! Building a [`SearchIndex`](super::SearchIndex): fold and split every
//! article into words on all cores, give each distinct word an id (the most
//! frequent words the smallest, so that the workers' word lists encode in
//! about one byte a word), then lay out the postings (which articles hold a
//! word, how often, at which word positions) in flat arrays.
//!
//! Positions are `u16`: in an article of more than 65,535 words, every word
//! past that is at position 65,535, which phrase search never counts (the
//! in-article search still finds them).

use std::ops::Range;

use super::words::for_each_word;
use crate::corpus::Document;

/// The value between the title and the body in a worker's word list: it
/// takes up a position, so that no phrase spans both. Word `id` is written
/// as `id + 1`.
pub const BREAK: u32 = 0;

/// The index as built: every field of `SearchIndex`.
pub struct Built {
    pub terms: Vec<Box<str>>,
    pub lex: Vec<u32>,
    pub post_start: Vec<usize>,
    pub post_docs: Vec<u32>,
    pub post_counts: Vec<u16>,
    pub pos_start: Vec<usize>,
    pub positions: Vec<u16>,
}

/// The maps here hold short words and are hit tens of millions of times
/// during a build, where `SipHash`'s resistance to crafted keys buys
/// nothing: the Fx hash of rustc.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// One worker's share of the corpus, words as ids local to the worker.
#[derive(Default)]
struct Chunk {
    vocab: FxMap<Box<str>, u32>,
    counts: Vec<u64>,
    /// Local ids of every document's words as varints (`id + 1`, `BREAK`
    /// between title and body): a quarter of the memory of `u32`s.
    words: Vec<u8>,
    doc_ends: Vec<usize>,
}

impl Chunk {
    /// Adds the words of the next document.
    fn add(&mut self, doc: &Document, buf: &mut String) {
        for (i, field) in [&*doc.title, &*doc.body].into_iter().enumerate() {
            if i == 1 {
                push_varint(&mut self.words, BREAK);
            }
            for_each_word(field, buf, |w| {
                let id = if let Some(&id) = self.vocab.get(w) {
                    id
                } else {
                    let id = self.counts.len() as u32;
                    self.vocab.insert(w.into(), id);
                    self.counts.push(0);
                    id
                };
                self.counts[id as usize] += 1;
                push_varint(&mut self.words, id + 1);
            });
        }
        self.doc_ends.push(self.words.len());
    }
}

/// Documents handed over a range at a time, each to a function that
/// takes it (see [`build_fed`]).
pub type Feed<'a> = dyn Fn(Range<usize>, &mut dyn FnMut(&Document)) + Sync + 'a;

/// A chunk re-expressed in global ids: for each document its distinct
/// words with their counts and positions.
#[derive(Default)]
struct Encoded {
    distinct: Vec<u32>,
    counts: Vec<u16>,
    distinct_ends: Vec<usize>,
    /// For each distinct word, in the same order, its positions (`count` of them).
    positions: Vec<u16>,
}

fn encode(chunk: &Chunk, to_global: &[u32]) -> Encoded {
    let mut out = Encoded::default();
    // Word id and position in one key, so one integer sort groups a
    // document's words with their positions in order.
    let mut ids: Vec<u64> = Vec::new();
    let mut start = 0;
    for &end in &chunk.doc_ends {
        ids.clear();
        let mut rest = chunk.words.get(start..end).unwrap_or(&[]);
        let mut pos = 0;
        while let Some((v, len)) = read_varint(rest) {
            rest = rest.get(len..).unwrap_or(&[]);
            let here: usize = pos;
            pos += 1;
            if v == BREAK {
                continue;
            }
            let id = to_global[(v - 1) as usize];
            ids.push(u64::from(id) << 16 | here.min(usize::from(u16::MAX)) as u64);
        }
        ids.sort_unstable();
        for run in ids.chunk_by(|a, b| a >> 16 == b >> 16) {
            let kept = run.len().min(usize::from(u16::MAX));
            out.distinct.push((run[0] >> 16) as u32);
            out.counts.push(kept as u16);
            out.positions.extend(run.iter().take(kept).map(|&p| p as u16));
        }
        out.distinct_ends.push(out.distinct.len());
        start = end;
    }
    out
}

/// The varint at the start of `bytes`, and its length.
fn read_varint(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut v = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        v |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// `0..n` in one range per core, in order.
fn shares(n: usize) -> Vec<Range<usize>> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let size = n.div_ceil(cores).max(1);
    (0..n).step_by(size).map(|from| from..(from + size).min(n)).collect()
}

/// Runs `work` on contiguous chunks of `items`, one per core, results in order.
pub fn per_core<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let size = items.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            items.chunks(size).map(|c| scope.spawn(|| work(c))).collect::<Vec<_>>();
        handles.into_iter().map(|h| h.join().expect("index worker panicked")).collect()
    })
}

pub fn build(docs: &[Document]) -> Built {
    build_fed(docs.len(), &|range: Range<usize>, take: &mut dyn FnMut(&Document)| {
        docs[range].iter().for_each(&mut *take);
    })
}

/// [`build`] of `n` documents that `feed` hands over, each core asking
/// for its own share a range at a time: the documents need not all be
/// in memory at once (read from a library a few hundred at a time).
pub fn build_fed(n: usize, feed: &Feed<'_>) -> Built {
    let shares: Vec<Range<usize>> = shares(n);
    let chunks = per_core(&shares, |mine| {
        let mut chunk = Chunk::default();
        let mut buf = String::new();
        for share in mine {
            feed(share.clone(), &mut |doc| chunk.add(doc, &mut buf));
        }
        chunk
    });

    // One vocabulary: merge the workers' words, then number by frequency.
    let mut global: FxMap<&str, usize> = FxMap::default();
    let mut terms: Vec<&str> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let mut to_temp: Vec<Vec<usize>> = Vec::with_capacity(chunks.len());
    for chunk in &chunks {
        let mut map = vec![0; chunk.counts.len()];
        for (word, &local) in &chunk.vocab {
            let temp = *global.entry(word).or_insert_with(|| {
                terms.push(word);
                counts.push(0);
                terms.len() - 1
            });
            counts[temp] += chunk.counts[local as usize];
            map[local as usize] = temp;
        }
        to_temp.push(map);
    }
    let mut by_freq: Vec<usize> = (0..terms.len()).collect();
    by_freq.sort_unstable_by(|&a, &b| counts[b].cmp(&counts[a]).then(terms[a].cmp(terms[b])));
    let mut final_id = vec![0u32; terms.len()];
    for (id, &temp) in by_freq.iter().enumerate() {
        final_id[temp] = id as u32;
    }
    let to_global: Vec<Vec<u32>> =
        to_temp.iter().map(|m| m.iter().map(|&t| final_id[t]).collect()).collect();

    let pairs: Vec<(&Chunk, &Vec<u32>)> = chunks.iter().zip(&to_global).collect();
    let encoded =
        per_core(&pairs, |part| part.iter().map(|(c, m)| encode(c, m)).collect::<Vec<_>>());
    let encoded: Vec<Encoded> = encoded.into_iter().flatten().collect();

    let words: Vec<Box<str>> = by_freq.iter().map(|&t| Box::from(terms[t])).collect();
    drop(global);
    drop(chunks);
    let mut lex: Vec<u32> = (0..words.len() as u32).collect();
    lex.sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
    let p = postings(encoded, words.len());
    Built {
        terms: words,
        lex,
        post_start: p.start,
        post_docs: p.docs,
        post_counts: p.counts,
        pos_start: p.pos_start,
        positions: p.positions,
    }
}

/// Postings in compressed-sparse-row form: word `id`'s documents are
/// `docs[start[id]..start[id + 1]]`, in corpus order, with their counts; its
/// positions (word numbers in title-then-body) are `positions[pos_start[id]..]`,
/// `count` for each document in turn.
struct Postings {
    start: Vec<usize>,
    docs: Vec<u32>,
    counts: Vec<u16>,
    pos_start: Vec<usize>,
    positions: Vec<u16>,
}

/// Takes `encoded` and lets each worker's share go once laid out: the
/// postings grow as the shares shrink (the build's peak of memory).
fn postings(encoded: Vec<Encoded>, n_terms: usize) -> Postings {
    let mut start = vec![0usize; n_terms + 1];
    let mut pos_start = vec![0usize; n_terms + 1];
    for e in &encoded {
        for (&id, &n) in e.distinct.iter().zip(&e.counts) {
            start[id as usize + 1] += 1;
            pos_start[id as usize + 1] += usize::from(n);
        }
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
        pos_start[i] += pos_start[i - 1];
    }
    let mut docs = vec![0u32; start[n_terms]];
    let mut counts = vec![0u16; start[n_terms]];
    let mut positions = vec![0u16; pos_start[n_terms]];
    let mut next = start.clone();
    let mut next_pos = pos_start.clone();
    let mut doc = 0u32;
    for e in encoded {
        let (mut from, mut pos_from) = (0, 0);
        for &end in &e.distinct_ends {
            let ids = e.distinct.get(from..end).unwrap_or(&[]);
            for (&id, &n) in ids.iter().zip(e.counts.get(from..end).unwrap_or(&[])) {
                let slot = &mut next[id as usize];
                docs[*slot] = doc;
                counts[*slot] = n;
                *slot += 1;
                let n = usize::from(n);
                let at = &mut next_pos[id as usize];
                if let (Some(to), Some(src)) =
                    (positions.get_mut(*at..*at + n), e.positions.get(pos_from..pos_from + n))
                {
                    to.copy_from_slice(src);
                }
                *at += n;
                pos_from += n;
            }
            from = end;
            doc += 1;
        }
    }
    Postings { start, docs, counts, pos_start, positions }
}
