//! A [`SearchIndex`] written as bytes and read back, so that a start need
//! not build it again: the index is flat arrays already, laid out one
//! after another as little-endian integers behind their lengths. Reading
//! checks every offset and id against the arrays before any query can
//! follow it, so a damaged copy is refused, never a panic later.

use std::io::{self, Read, Write};

use super::SearchIndex;

/// The layout's name and version: another value is not read.
const MAGIC: &[u8; 8] = b"dsearch1";

impl SearchIndex {
    /// Writes the index to `out`.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(MAGIC)?;
        put_u64(out, self.doc_count as u64)?;
        put_u64(out, self.terms.len() as u64)?;
        let lens: Vec<u32> = self.terms.iter().map(|t| t.len() as u32).collect();
        put_array(out, &lens, u32::to_le_bytes)?;
        let mut text = Vec::with_capacity(lens.iter().map(|&l| l as usize).sum());
        for t in &self.terms {
            text.extend_from_slice(t.as_bytes());
        }
        out.write_all(&text)?;
        put_array(out, &self.lex, u32::to_le_bytes)?;
        put_array(out, &self.post_start, |v| (v as u64).to_le_bytes())?;
        put_array(out, &self.post_docs, u32::to_le_bytes)?;
        put_array(out, &self.post_counts, u16::to_le_bytes)?;
        put_array(out, &self.pos_start, |v| (v as u64).to_le_bytes())?;
        put_array(out, &self.positions, u16::to_le_bytes)
    }

    /// Reads an index written by [`SearchIndex::write_to`]; `InvalidData`
    /// when it is not one or does not hold together.
    pub fn read_from(input: &mut impl Read) -> io::Result<Self> {
        let mut magic = [0; 8];
        input.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(invalid("not a saved search index"));
        }
        let doc_count = get_len(input)?;
        let n_terms = get_len(input)?;
        let lens: Vec<u32> = get_array(input, Some(n_terms), u32::from_le_bytes)?;
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        let mut text = vec![0; total];
        input.read_exact(&mut text)?;
        let text = String::from_utf8(text).map_err(|_| invalid("a word is not UTF-8"))?;
        let mut terms = Vec::with_capacity(n_terms);
        let mut at = 0;
        for &l in &lens {
            let word = text.get(at..at + l as usize).ok_or_else(|| invalid("word bounds"))?;
            terms.push(Box::from(word));
            at += l as usize;
        }
        let index = Self {
            terms,
            lex: get_array(input, Some(n_terms), u32::from_le_bytes)?,
            post_start: get_array(input, Some(n_terms + 1), |b| u64::from_le_bytes(b) as usize)?,
            post_docs: get_array(input, None, u32::from_le_bytes)?,
            post_counts: get_array(input, None, u16::from_le_bytes)?,
            pos_start: get_array(input, Some(n_terms + 1), |b| u64::from_le_bytes(b) as usize)?,
            positions: get_array(input, None, u16::from_le_bytes)?,
            doc_count,
        };
        index.check().map_err(invalid)?;
        Ok(index)
    }

    /// Whether every array agrees with the others: what `search` relies on
    /// to index without going out of bounds.
    fn check(&self) -> Result<(), &'static str> {
        let n = self.terms.len();
        if self.lex.iter().any(|&id| id as usize >= n) {
            return Err("a word id out of range");
        }
        let monotonic = |starts: &[usize], end: usize| {
            starts.first() == Some(&0)
                && starts.windows(2).all(|w| w[0] <= w[1])
                && starts.last() == Some(&end)
        };
        if !monotonic(&self.post_start, self.post_docs.len())
            || self.post_counts.len() != self.post_docs.len()
            || !monotonic(&self.pos_start, self.positions.len())
        {
            return Err("postings out of step");
        }
        if self.post_docs.iter().any(|&d| d as usize >= self.doc_count) {
            return Err("an article out of range");
        }
        for id in 0..n {
            let counts = self.post_counts.get(self.post_start[id]..self.post_start[id + 1]);
            let sum: usize = counts.unwrap_or(&[]).iter().map(|&c| usize::from(c)).sum();
            if sum != self.pos_start[id + 1] - self.pos_start[id] {
                return Err("positions out of step");
            }
        }
        Ok(())
    }
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

fn put_u64(out: &mut impl Write, v: u64) -> io::Result<()> {
    out.write_all(&v.to_le_bytes())
}

fn get_len(input: &mut impl Read) -> io::Result<usize> {
    let mut b = [0; 8];
    input.read_exact(&mut b)?;
    usize::try_from(u64::from_le_bytes(b)).map_err(|_| invalid("a length out of range"))
}

/// An array: its length, then each value, written a block at a time.
fn put_array<T: Copy, const N: usize>(
    out: &mut impl Write,
    values: &[T],
    bytes: impl Fn(T) -> [u8; N],
) -> io::Result<()> {
    put_u64(out, values.len() as u64)?;
    let mut block = Vec::with_capacity(N * 8192);
    for chunk in values.chunks(8192) {
        block.clear();
        for &v in chunk {
            block.extend_from_slice(&bytes(v));
        }
        out.write_all(&block)?;
    }
    Ok(())
}

/// An array written by `put_array`, of `expected` values when given. The
/// length is trusted only as far as the bytes that follow bear it out: the
/// array grows block by block, never by a damaged length at once.
fn get_array<T, const N: usize>(
    input: &mut impl Read,
    expected: Option<usize>,
    value: impl Fn([u8; N]) -> T,
) -> io::Result<Vec<T>> {
    let len = get_len(input)?;
    if expected.is_some_and(|e| e != len) {
        return Err(invalid("an array of the wrong length"));
    }
    let mut out = Vec::with_capacity(len.min(1 << 20));
    let mut block = vec![0u8; N * 8192];
    let mut left = len;
    while left > 0 {
        let n = left.min(8192);
        let bytes = &mut block[..n * N];
        input.read_exact(bytes)?;
        out.extend(bytes.chunks_exact(N).map(|c| value(c.try_into().unwrap_or([0; N]))));
        left -= n;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::index::Query;

    #[test]
    fn a_saved_index_answers_as_the_built_one() {
        let corpus = Corpus::bundled();
        let built = SearchIndex::build(&corpus.docs);
        let mut bytes = Vec::new();
        built.write_to(&mut bytes).unwrap();
        let read = SearchIndex::read_from(&mut bytes.as_slice()).unwrap();
        for q in ["trung quoc", "alibaba", "\"cloud business\"", "prozent", "zzz"] {
            let q = Query::parse(q);
            assert_eq!(read.search(&corpus.docs, &q, 10), built.search(&corpus.docs, &q, 10));
        }
        assert_eq!(read.word_count(), built.word_count());
    }

    #[test]
    fn a_damaged_copy_is_refused() {
        let corpus = Corpus::bundled();
        let mut bytes = Vec::new();
        SearchIndex::build(&corpus.docs).write_to(&mut bytes).unwrap();
        for cut in [0, 7, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(SearchIndex::read_from(&mut &bytes[..cut]).is_err(), "cut at {cut}");
        }
        // Fewer articles than the postings name.
        let mut bad = bytes.clone();
        bad[8..16].copy_from_slice(&1u64.to_le_bytes());
        assert!(SearchIndex::read_from(&mut bad.as_slice()).is_err());
    }
}
