// How one gazetteer entry is packed into the `u64` that the place
// transducer maps a name to, and the first-word filter that spares most
// words a walk of it. Shared by build.rs, which packs, and place.rs, which unpacks
// (`include!`d by build.rs, so the two cannot disagree).

/// Bits of the first-word filter: a set of hashes of every name's first
/// word, so that a capitalised word that begins no name (most of them)
/// costs a hash, not a walk of the transducer.
pub const FILTER_BITS: usize = 1 << 21;

/// The first word of `s`: up to the first character that is not a letter
/// or a digit (`Baden` of `Baden-Württemberg`, `U` of `U.S.`).
pub fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        match s.get(end..).and_then(|r| r.chars().next()) {
            Some(c) if !c.is_ascii() && c.is_alphanumeric() => end += c.len_utf8(),
            _ => break,
        }
    }
    s.get(..end).unwrap_or(s)
}

/// The filter's bit for a first word.
#[inline]
pub fn filter_bit(word: &str) -> usize {
    let mut h: u64 = 0;
    for &b in word.as_bytes() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    (h >> (64 - 21)) as usize
}

/// What a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    /// A sea, river, island, mountain range or other feature.
    Feature,
}

/// When a name counts as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Wherever it stands capitalised.
    Nothing,
    /// Not at a sentence start, where a common word of some language is
    /// capitalised too (`Atlántico`), unless context says so.
    NotInitial,
    /// Only with context (`in Nice`, `bei Essen`): a small town, a common
    /// word, a person's name.
    Context,
}

/// One entry: where its English name lies in the value text, and its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packed {
    pub offset: usize,
    pub len: usize,
    pub kind: PlaceKind,
    pub need: Need,
}

impl Packed {
    /// `flags` as in places.tsv: a kind letter (`n`, `r`, `c`, `g`), then `?`
    /// (context) or `~` (not at a sentence start).
    #[allow(dead_code, reason = "build.rs packs, the extractor only unpacks")]
    pub fn from_flags(offset: usize, len: usize, flags: &str) -> Option<Self> {
        let mut chars = flags.chars();
        let kind = match chars.next()? {
            'n' => PlaceKind::Country,
            'r' => PlaceKind::Region,
            'c' => PlaceKind::City,
            'g' => PlaceKind::Feature,
            _ => return None,
        };
        let need = match chars.next() {
            None => Need::Nothing,
            Some('~') => Need::NotInitial,
            Some('?') => Need::Context,
            Some(_) => return None,
        };
        (len < 256 && offset < 1 << 40).then_some(Self { offset, len, kind, need })
    }

    #[allow(dead_code, reason = "build.rs packs, the extractor only unpacks")]
    pub fn to_u64(self) -> u64 {
        let kind = match self.kind {
            PlaceKind::Country => 0,
            PlaceKind::Region => 1,
            PlaceKind::City => 2,
            PlaceKind::Feature => 3,
        };
        let need = match self.need {
            Need::Nothing => 0,
            Need::NotInitial => 1,
            Need::Context => 2,
        };
        (self.offset as u64) << 16 | (self.len as u64) << 8 | need << 2 | kind
    }

    pub fn from_u64(v: u64) -> Self {
        let kind = match v & 3 {
            0 => PlaceKind::Country,
            1 => PlaceKind::Region,
            2 => PlaceKind::City,
            _ => PlaceKind::Feature,
        };
        let need = match (v >> 2) & 3 {
            0 => Need::Nothing,
            1 => Need::NotInitial,
            _ => Need::Context,
        };
        Self { offset: (v >> 16) as usize, len: ((v >> 8) & 0xff) as usize, kind, need }
    }
}
