//! A small binary layout for what is read in bulk at start: each
//! document's facts, paragraphs and furniture, and the saved indexes.
//! Integers are LEB128 varints, floats little-endian, strings a length
//! and UTF-8 bytes. A reader that meets a value cut short or out of range
//! returns `None`: the caller treats the record as damaged, never panics.

use crate::corpus::Furniture;
use crate::facts::{Fact, Field, Kind, Value};
use crate::text::Span;

/// Bytes being written.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn usize(&mut self, v: usize) {
        self.varint(v as u64);
    }

    pub fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Bytes being read.
pub struct Reader<'a> {
    pub rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for (i, &b) in self.rest.iter().enumerate().take(10) {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.rest = self.rest.get(i + 1..)?;
                return Some(v);
            }
        }
        None
    }

    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    pub fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(b)
    }

    pub fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    pub fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.bytes(n)?).ok()
    }

    /// Past a [`Reader::str`] without checking its text (it is checked
    /// when read).
    pub fn skip_str(&mut self) -> Option<()> {
        let n = self.usize()?;
        self.bytes(n).map(drop)
    }

    /// A count of items that each take at least `min_bytes`: never more
    /// than the bytes left could hold, so a damaged count cannot make a
    /// huge allocation.
    pub fn count(&mut self, min_bytes: usize) -> Option<usize> {
        let n = self.usize()?;
        (n.saturating_mul(min_bytes.max(1)) <= self.rest.len()).then_some(n)
    }
}

const HAS_MAX: u8 = 1;
const HAS_CURRENCY: u8 = 2;
const HAS_ROLE: u8 = 4;
const HAS_ORG: u8 = 8;
const HAS_SPEAKER: u8 = 16;
const IN_TITLE: u8 = 32;
const NUMBER: u8 = 64;
const TEXT: u8 = 128;

/// One document's facts, every field.
pub fn encode_facts(facts: &[Fact]) -> Vec<u8> {
    let mut w = Writer::default();
    w.usize(facts.len());
    for f in facts {
        let mut flags = 0;
        let opt = |o: &Option<String>, bit: u8| if o.is_some() { bit } else { 0 };
        flags |= if f.max.is_some() { HAS_MAX } else { 0 };
        flags |= opt(&f.currency, HAS_CURRENCY) | opt(&f.role, HAS_ROLE);
        flags |= opt(&f.org, HAS_ORG) | opt(&f.speaker, HAS_SPEAKER);
        flags |= if f.field == Field::Title { IN_TITLE } else { 0 };
        flags |= match f.value {
            Value::None => 0,
            Value::Number(_) => NUMBER,
            Value::Text(_) => TEXT,
        };
        w.buf.push(kind_code(f.kind));
        w.buf.push(flags);
        w.usize(f.span.start);
        w.usize(f.span.len());
        match &f.value {
            Value::None => {}
            Value::Number(n) => w.f64(*n),
            Value::Text(s) => w.str(s),
        }
        if let Some(m) = f.max {
            w.f64(m);
        }
        for s in [&f.currency, &f.role, &f.org, &f.speaker].into_iter().flatten() {
            w.str(s);
        }
    }
    w.buf
}

pub fn decode_facts(bytes: &[u8]) -> Option<Vec<Fact>> {
    let mut r = Reader::new(bytes);
    let n = r.count(4)?;
    let mut facts = Vec::with_capacity(n);
    for _ in 0..n {
        facts.push(read_fact(&mut r)?);
    }
    r.rest.is_empty().then_some(facts)
}

/// One fact of [`encode_facts`]'s layout.
fn read_fact(r: &mut Reader<'_>) -> Option<Fact> {
    let kind = *Kind::ALL.get(usize::from(r.byte()?))?;
    let flags = r.byte()?;
    let start = r.usize()?;
    let span = Span::new(start, start.checked_add(r.usize()?)?);
    let value = match flags & (NUMBER | TEXT) {
        0 => Value::None,
        NUMBER => Value::Number(r.f64()?),
        TEXT => Value::Text(r.str()?.to_owned()),
        _ => return None,
    };
    let max = if flags & HAS_MAX != 0 { Some(r.f64()?) } else { None };
    let mut opt = |bit: u8| -> Option<Option<String>> {
        Some(if flags & bit != 0 { Some(r.str()?.to_owned()) } else { None })
    };
    let currency = opt(HAS_CURRENCY)?;
    let role = opt(HAS_ROLE)?;
    let org = opt(HAS_ORG)?;
    let speaker = opt(HAS_SPEAKER)?;
    let field = if flags & IN_TITLE != 0 { Field::Title } else { Field::Body };
    Some(Fact { kind, field, span, value, max, currency, role, org, speaker })
}

/// Passes over one fact of [`encode_facts`]'s layout; returns its kind.
fn skip_fact(r: &mut Reader<'_>) -> Option<Kind> {
    let kind = *Kind::ALL.get(usize::from(r.byte()?))?;
    let flags = r.byte()?;
    r.usize()?.checked_add(r.usize()?)?;
    match flags & (NUMBER | TEXT) {
        NUMBER => drop(r.f64()?),
        TEXT => r.skip_str()?,
        _ => {}
    }
    if flags & HAS_MAX != 0 {
        r.f64()?;
    }
    for bit in [HAS_CURRENCY, HAS_ROLE, HAS_ORG, HAS_SPEAKER] {
        if flags & bit != 0 {
            r.skip_str()?;
        }
    }
    Some(kind)
}

/// One fact of [`encode_facts`]'s layout read for its names: its kind,
/// its value when that is text, and its speaker.
fn read_names<'a>(r: &mut Reader<'a>) -> Option<(Kind, Option<&'a str>, Option<&'a str>)> {
    let kind = *Kind::ALL.get(usize::from(r.byte()?))?;
    let flags = r.byte()?;
    r.usize()?;
    r.usize()?;
    let value = match flags & (NUMBER | TEXT) {
        NUMBER => {
            r.f64()?;
            None
        }
        TEXT => Some(r.str()?),
        _ => None,
    };
    if flags & HAS_MAX != 0 {
        r.f64()?;
    }
    let mut speaker = None;
    for bit in [HAS_CURRENCY, HAS_ROLE, HAS_ORG, HAS_SPEAKER] {
        if flags & bit != 0 {
            let s = r.str()?;
            if bit == HAS_SPEAKER {
                speaker = Some(s);
            }
        }
    }
    Some((kind, value, speaker))
}

/// An article's facts in [`encode_facts`]'s layout: a tenth or less of
/// what they take as [`Fact`]s, for what the reader keeps of the articles
/// it does not show. Made only by [`PackedFacts::pack`], so it always reads
/// back whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackedFacts {
    /// After the count: the facts, one after another.
    bytes: Box<[u8]>,
    len: usize,
}

impl PackedFacts {
    pub fn pack(facts: &[Fact]) -> Self {
        let bytes = encode_facts(facts);
        // Without the count: what is left is the facts.
        Self { bytes: bytes[varint_len(facts.len())..].into(), len: facts.len() }
    }

    /// The facts as the library stores them ([`encode_facts`]'s layout),
    /// taken as they are, without reading them (a hundred thousand at each
    /// start): a count the bytes could not hold is refused (`None`); any
    /// other damage ends the facts where it is, when they are read (every
    /// reader checks each fact, and each text as UTF-8).
    pub fn from_blob(blob: &[u8]) -> Option<Self> {
        let mut r = Reader::new(blob);
        let len = r.count(4)?;
        Some(Self { bytes: r.rest.into(), len })
    }

    /// Every fact, in order.
    pub fn unpack(&self) -> Vec<Fact> {
        self.iter().collect()
    }

    /// Every fact, in order, one at a time (none held after it is used).
    pub fn iter(&self) -> impl Iterator<Item = Fact> + '_ {
        let mut r = Reader::new(&self.bytes);
        (0..self.len).map_while(move |_| read_fact(&mut r))
    }

    /// Fact `i`, read on its own.
    pub fn get(&self, i: usize) -> Option<Fact> {
        let mut r = Reader::new(&self.bytes);
        for _ in 0..i.min(self.len) {
            skip_fact(&mut r)?;
        }
        (i < self.len).then(|| read_fact(&mut r)).flatten()
    }

    /// Every name the facts give, without making a fact: each entity's
    /// value with its kind, and each quote's speaker (a person).
    pub fn each_name(&self, mut f: impl FnMut(Kind, &str)) {
        let mut r = Reader::new(&self.bytes);
        for _ in 0..self.len {
            let Some(fact) = read_names(&mut r) else { return };
            if let (kind, Some(name)) = (fact.0, fact.1)
                && kind.is_entity()
            {
                f(kind, name);
            }
            if let Some(speaker) = fact.2 {
                f(Kind::Person, speaker);
            }
        }
    }

    /// Each fact's kind, in order.
    pub fn kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        let mut r = Reader::new(&self.bytes);
        (0..self.len).map_while(move |_| skip_fact(&mut r))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The bytes [`Writer::usize`] writes `v` in.
fn varint_len(mut v: usize) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

pub fn kind_code(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// A document's paragraph spans.
pub fn encode_spans(spans: &[Span]) -> Vec<u8> {
    let mut w = Writer::default();
    w.usize(spans.len());
    let mut last = 0;
    for s in spans {
        // Paragraphs come in order: the gap from the last end is small.
        w.usize(s.start.saturating_sub(last));
        w.usize(s.len());
        last = s.end;
    }
    w.buf
}

pub fn decode_spans(bytes: &[u8]) -> Option<Vec<Span>> {
    let mut r = Reader::new(bytes);
    let n = r.count(2)?;
    let mut spans = Vec::with_capacity(n);
    let mut last = 0usize;
    for _ in 0..n {
        let start = last.checked_add(r.usize()?)?;
        let end = start.checked_add(r.usize()?)?;
        spans.push(Span::new(start, end));
        last = end;
    }
    r.rest.is_empty().then_some(spans)
}

pub fn encode_furniture(lines: &[Furniture]) -> Vec<u8> {
    let mut w = Writer::default();
    w.usize(lines.len());
    for f in lines {
        w.usize(f.before);
        w.str(&f.line);
    }
    w.buf
}

pub fn decode_furniture(bytes: &[u8]) -> Option<Vec<Furniture>> {
    let mut r = Reader::new(bytes);
    let n = r.count(2)?;
    let mut lines = Vec::with_capacity(n);
    for _ in 0..n {
        let before = r.usize()?;
        lines.push(Furniture { before, line: r.str()?.to_owned() });
    }
    r.rest.is_empty().then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_field() -> Vec<Fact> {
        vec![
            Fact {
                kind: Kind::Money,
                field: Field::Title,
                span: Span::new(3, 17),
                value: Value::Number(16.8e9),
                max: Some(2e10),
                currency: Some("CNY".into()),
                ..Fact::default()
            },
            Fact {
                kind: Kind::Person,
                span: Span::new(400, 411),
                value: Value::Text("Nguyễn Văn A".into()),
                role: Some("analyst".into()),
                org: Some("Bank".into()),
                ..Fact::default()
            },
            Fact {
                kind: Kind::Quote,
                span: Span::new(500, 900),
                speaker: Some("Anna Weiß".into()),
                ..Fact::default()
            },
            Fact::new(Kind::Percent, Span::new(0, 3), Value::Number(-0.5)),
        ]
    }

    #[test]
    fn facts_round_trip_every_field() {
        let facts = every_field();
        assert_eq!(decode_facts(&encode_facts(&facts)).unwrap(), facts);
        assert_eq!(decode_facts(&encode_facts(&[])).unwrap(), []);
    }

    #[test]
    fn a_record_cut_anywhere_is_refused_not_a_panic() {
        let bytes = encode_facts(&every_field());
        for cut in 0..bytes.len() {
            assert!(decode_facts(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        assert!(decode_facts(&[0xff, 0xff, 0xff, 0xff, 0x7f]).is_none(), "a huge count");
    }

    #[test]
    fn packed_facts_read_back_whole_and_one_by_one() {
        let facts = every_field();
        let packed = PackedFacts::pack(&facts);
        assert_eq!(packed.unpack(), facts);
        assert!(packed.iter().eq(facts.iter().cloned()));
        assert_eq!(packed.len(), facts.len());
        for (i, f) in facts.iter().enumerate() {
            assert_eq!(packed.get(i).as_ref(), Some(f), "fact {i}");
        }
        assert_eq!(packed.get(facts.len()), None);
        assert!(packed.kinds().eq(facts.iter().map(|f| f.kind)));
        let mut names = Vec::new();
        packed.each_name(|k, n| names.push((k, n.to_string())));
        assert_eq!(
            names,
            [(Kind::Person, "Nguyễn Văn A".to_string()), (Kind::Person, "Anna Weiß".to_string())]
        );
        // A count of more than one byte.
        let many = vec![facts[1].clone(); 300];
        assert_eq!(PackedFacts::pack(&many).unpack(), many);
        assert!(PackedFacts::pack(&[]).unpack().is_empty());
        // As stored: taken whole; a cut one refused when its count cannot
        // fit, else read back as far as its facts are whole.
        let blob = encode_facts(&many);
        assert_eq!(PackedFacts::from_blob(&blob), Some(PackedFacts::pack(&many)));
        for cut in [0, 1, 2] {
            assert_eq!(PackedFacts::from_blob(&blob[..cut]), None, "cut at {cut}");
        }
        for cut in [blob.len() / 2, blob.len() - 1] {
            let read = PackedFacts::from_blob(&blob[..cut]).map_or(Vec::new(), |p| p.unpack());
            assert!(read.len() < many.len(), "cut at {cut}");
            assert_eq!(read[..], many[..read.len()], "cut at {cut}");
        }
        // A text that is not UTF-8 ends the facts there.
        let mut bad = encode_facts(&facts);
        let at = bad.windows(2).position(|w| w == &"ễ".as_bytes()[..2]).unwrap();
        bad[at] = 0xff;
        let read = PackedFacts::from_blob(&bad).unwrap().unpack();
        assert!(read.len() < facts.len());
        assert_eq!(read[..], facts[..read.len()]);
    }

    #[test]
    fn spans_and_furniture_round_trip() {
        let spans = vec![Span::new(0, 10), Span::new(12, 40), Span::new(42, 42)];
        assert_eq!(decode_spans(&encode_spans(&spans)).unwrap(), spans);
        let lines = vec![Furniture { before: 2, line: "Lesen Sie auch".into() }];
        assert_eq!(decode_furniture(&encode_furniture(&lines)).unwrap(), lines);
    }
}
