// How one gazetteer entry is packed into the `u64` that the place
// transducer maps a name to, and the prefix filter that spares most words a
// walk of it. Shared by build.rs, which packs, and place.rs, which unpacks
// (`include!`d by build.rs, so the two cannot disagree).

/// Bits of the prefix filter: a set of hashes of every name's first three
/// bytes (a name of two bytes, `US`, as if a zero byte followed).
pub const PREFIX_BITS: usize = 1 << 20;

/// The filter's bit for the bytes `a b c` that start a name.
#[inline]
pub fn prefix_bit(a: u8, b: u8, c: u8) -> usize {
    let h = (u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c)).wrapping_mul(0x9e37_79b1);
    (h >> 12) as usize
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
