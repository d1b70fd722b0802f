//! Words of a text with their byte spans and shape, for the name finders
//! (people, organisations): one pass over the characters, no allocation
//! per word. Also what the lexicon matchers share: [`Gazetteer`] (word
//! lists matched only where words start), [`WordSet`] (a fast word set),
//! word-boundary, case and word-shape helpers.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::text::Span;

pub use crate::text::chars::{is_cjk, is_word_char};
/// The Fx hash of rustc, for word sets and maps.
pub use rustc_hash::FxHasher;

/// A set of words with a fast, non-cryptographic hash (the words are our
/// own lexicons, so no one can pick collisions).
pub type WordSet = rustc_hash::FxHashSet<String>;

/// Words looked up by their lower case, for a word written in any case.
pub struct LowerSet {
    words: WordSet,
    /// Characters of the longest word.
    longest: usize,
}

impl LowerSet {
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        let words: WordSet = words.into_iter().collect();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        Self { words, longest }
    }

    /// Whether the set holds `word` lower-cased. A word longer than every
    /// word of the set is not lower-cased (and no string allocated): its
    /// lower case has as many characters or more.
    pub fn contains_lowercase(&self, word: &str) -> bool {
        word.chars().nth(self.longest).is_none() && self.words.contains(&word.to_lowercase())
    }
}

/// The last bytes of a list of word endings: a word whose last byte is
/// none of them ends in none of them, and the list need not be searched.
pub struct LastBytes {
    last: [bool; 256],
    /// The list holds an empty ending, which every word ends in.
    empty: bool,
}

impl LastBytes {
    pub fn new<'e>(endings: impl IntoIterator<Item = &'e str>) -> Self {
        let (mut last, mut empty) = ([false; 256], false);
        for e in endings {
            match e.as_bytes().last() {
                Some(&b) => last[usize::from(b)] = true,
                None => empty = true,
            }
        }
        Self { last, empty }
    }

    /// Whether `word` may end in one of the endings.
    #[inline]
    pub fn may_end(&self, word: &str) -> bool {
        self.empty || word.as_bytes().last().is_some_and(|&b| self.last[usize::from(b)])
    }
}

/// One word: a run of letters and digits (with inner apostrophes, as in
/// `O'Brien`), its shape, and what stands right before and after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // independent shape flags, read by name
pub struct Token {
    pub span: Span,
    /// First character is an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case (`BDA`, `IBM`).
    pub caps: bool,
    /// Contains a digit.
    pub digit: bool,
    /// First word of a sentence (or of a paragraph, or after an opening quote mark).
    pub initial: bool,
    /// Joined to the next word by a hyphen (`Nvidia-Chips`).
    pub hyphen_after: bool,
    /// Joined to the previous word by a hyphen.
    pub hyphen_before: bool,
    /// Only spaces (no punctuation, no line break) separate it from the next word.
    pub space_after: bool,
}

impl Token {
    pub fn text(self, s: &str) -> &str {
        self.span.get(s)
    }
}

/// Splits `text` into words. An English/Dutch possessive `'s`/`’s` is left
/// out of the word (`Alibaba’s` → `Alibaba`), and a French elided article
/// before a capital is dropped (`d’Emmanuel` → `Emmanuel`).
///
/// One pass over the bytes: ASCII needs no decoding, and each word's shape
/// is counted as its characters go by.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    let mut boundary_initial = true;
    while let Some(c) = char_at(text, i) {
        if !is_word_char(c) {
            // A word after any of these counts as sentence-initial (its
            // capital is no evidence of a name). Looser on purpose than
            // `text::chars::ends_sentence`: no space is needed after the
            // stop, and quote marks, colons and bullets count too; the
            // facts found depend on it, so it stays as it is.
            if matches!(c, '.' | '!' | '?' | '\n' | '“' | '„' | '"' | '«' | '»' | '「' | ':' | '•')
            {
                boundary_initial = true;
            }
            i += c.len_utf8();
            continue;
        }
        let mut start = i;
        let mut shape = Shape::default();
        shape.add(c);
        let mut end = i + c.len_utf8();
        loop {
            // ASCII letters and digits, the bulk of most words, by table.
            while let Some(&b) = text.as_bytes().get(end) {
                let class = ASCII_CLASS[usize::from(b & 0x7f)];
                if b >= 0x80 || class & WORD == 0 {
                    break;
                }
                shape.add_ascii(class);
                end += 1;
            }
            let Some(d) = char_at(text, end) else { break };
            if is_word_char(d) {
                shape.add(d);
                end += d.len_utf8();
            } else if is_apostrophe(d) && next_is_word_char(text, end + d.len_utf8()) {
                let after = end + d.len_utf8();
                if is_possessive_s(text, after) {
                    i = after + 1; // past the apostrophe and the s
                    break;
                }
                let elided =
                    text.get(start..end).is_some_and(|w| w.starts_with(char::is_lowercase));
                if end - start == 1
                    && elided
                    && char_at(text, after).is_some_and(char::is_uppercase)
                {
                    start = after; // French elision: d’Emmanuel, l’Oréal
                    shape = Shape::default();
                }
                end = after;
            } else {
                break;
            }
        }
        i = i.max(end);
        let cap = char_at(text, start).is_some_and(char::is_uppercase);
        out.push(shape.token(Span::new(start, end), cap, boundary_initial));
        boundary_initial = false;
    }
    link_neighbours(text, &mut out);
    out
}

/// The character at byte `i` of `text` (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b @ 0..=0x7f => Some(char::from(b)),
        _ => text.get(i..).and_then(|r| r.chars().next()),
    }
}

const WORD: u8 = 1;
const LETTER: u8 = 2;
const UPPER: u8 = 4;
const DIGIT: u8 = 8;

/// What each ASCII byte is to a word.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            WORD | LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            WORD | LETTER
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Letters, capitals and digits of a word, counted character by character.
#[derive(Default)]
struct Shape {
    letters: usize,
    upper: usize,
    digit: bool,
}

impl Shape {
    #[inline]
    fn add_ascii(&mut self, class: u8) {
        self.letters += usize::from(class & LETTER != 0);
        self.upper += usize::from(class & UPPER != 0);
        self.digit |= class & DIGIT != 0;
    }

    #[inline]
    fn add(&mut self, c: char) {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                self.letters += 1;
                self.upper += usize::from(c.is_ascii_uppercase());
            } else if c.is_ascii_digit() {
                self.digit = true;
            }
        } else if latin_letter(c) || c.is_alphabetic() {
            self.letters += 1;
            self.upper += usize::from(c.is_uppercase());
        }
    }

    fn token(&self, span: Span, cap: bool, initial: bool) -> Token {
        Token {
            span,
            cap,
            caps: self.letters >= 2 && self.upper == self.letters,
            digit: self.digit,
            initial,
            hyphen_after: false,
            hyphen_before: false,
            space_after: false,
        }
    }
}

/// Latin letters with accents and Vietnamese letters: alphabetic, without
/// a look-up in the Unicode tables.
#[inline]
fn latin_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c != '\u{d7}' && c != '\u{f7}'
}

fn link_neighbours(text: &str, toks: &mut [Token]) {
    for k in 0..toks.len().saturating_sub(1) {
        let gap = text.get(toks[k].span.end..toks[k + 1].span.start).unwrap_or("");
        // Most words are followed by one space.
        let (hyphen, space) = match gap.as_bytes() {
            b" " => (false, true),
            b"-" => (true, false),
            _ => (
                gap == "\u{2011}",
                !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'),
            ),
        };
        toks[k].hyphen_after = hyphen;
        toks[k + 1].hyphen_before = hyphen;
        toks[k].space_after = space;
    }
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn next_is_word_char(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(is_word_char)
}

/// The words of `text` (runs of letters and digits, nothing else) with
/// their offsets; ASCII needs no decoding.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Past what is no word, then to the end of the word.
        loop {
            let c = char_at(text, i)?;
            if is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        loop {
            // ASCII letters and digits without decoding.
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            match char_at(text, i) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        Some((start, text.get(start..i).unwrap_or("")))
    })
}

/// The words of [`words`] that start with a capital or a digit, with their
/// offsets. The other words are passed over byte by byte, without being
/// decoded or cut out: a capital inside a word starts no word (`eBay`).
pub fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let start = i + bytes.get(i..)?.iter().position(|&b| CAPITAL_LEAD[usize::from(b)])?;
            let c = char_at(text, start)?;
            i = start + c.len_utf8();
            let capital = c.is_ascii() || (c.is_uppercase() && is_word_char(c));
            if !capital
                || text.get(..start).and_then(|h| h.chars().next_back()).is_some_and(is_word_char)
            {
                continue;
            }
            i = word_end(text, i);
            return Some((start, text.get(start..i).unwrap_or("")));
        }
    })
}

/// The bytes that may start a capital or a digit: `A`–`Z`, `0`–`9` and
/// the first byte of every character beyond ASCII.
static CAPITAL_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_uppercase() || (b as u8).is_ascii_digit() || b >= 0xc0;
        b += 1;
    }
    t
};

/// Where the word that goes on at `i` ends.
fn word_end(text: &str, mut i: usize) -> usize {
    loop {
        while text.as_bytes().get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        match char_at(text, i) {
            Some(c) if is_word_char(c) => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// `s` right after an apostrophe, ending the word (`Alibaba’s`).
fn is_possessive_s(text: &str, at: usize) -> bool {
    let mut rest = text.get(at..).unwrap_or("").chars();
    rest.next() == Some('s') && !rest.next().is_some_and(is_word_char)
}

/// A word list matched only where words start: one anchored,
/// leftmost-longest automaton walk per word start whose first byte can
/// begin a pattern, instead of a walk over every byte. Matches may end
/// inside a word; callers check the end (genitives, compounds).
pub struct Gazetteer {
    automaton: AhoCorasick,
    prefixes: Prefixes,
}

/// Which few bytes can begin a pattern: a cheap test before each anchored
/// walk, so that most word starts cost a table look-up, not a search.
/// Four bytes tell far more than three: many common words share their
/// first three bytes with some word of a list of thousands.
struct Prefixes {
    /// Patterns of four bytes or more, by a hash of their first four.
    four: Vec<u64>,
    /// Patterns of three bytes, by a hash of them.
    three: Vec<u64>,
    /// Patterns of one byte.
    one: [bool; 256],
    /// Patterns of two bytes, as bits indexed by both bytes.
    two: Vec<u64>,
}

const PREFIX_BITS: usize = 1 << 18;

fn two_index(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// A hash of three or four bytes (a fourth of 0 for three) into `PREFIX_BITS`.
fn prefix_hash(bytes: [u8; 4]) -> usize {
    let key = u32::from_le_bytes(bytes).wrapping_mul(0x9e37_79b1);
    (key >> (32 - PREFIX_BITS.trailing_zeros())) as usize
}

fn has_bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

impl Prefixes {
    fn new<P: AsRef<str>>(patterns: &[P]) -> Self {
        let mut four = vec![0u64; PREFIX_BITS / 64];
        let mut three = vec![0u64; PREFIX_BITS / 64];
        let mut one = [false; 256];
        let mut two = vec![0u64; (1 << 16) / 64];
        for p in patterns {
            match p.as_ref().as_bytes() {
                [a, b, c, d, ..] => set_bit(&mut four, prefix_hash([*a, *b, *c, *d])),
                [a, b, c] => set_bit(&mut three, prefix_hash([*a, *b, *c, 0])),
                [] => {}
                [a] => one[usize::from(*a)] = true,
                [a, b] => set_bit(&mut two, two_index(*a, *b)),
            }
        }
        Self { four, three, one, two }
    }

    /// Whether a pattern may start at `at` of `bytes`.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        if let Some(four) = bytes.get(at..at + 4).and_then(|s| <[u8; 4]>::try_from(s).ok())
            && has_bit(&self.four, prefix_hash(four))
        {
            return true;
        }
        if let Some(&[a, b, c]) = bytes.get(at..at + 3)
            && has_bit(&self.three, prefix_hash([a, b, c, 0]))
        {
            return true;
        }
        let Some(&first) = bytes.get(at) else { return false };
        self.one[usize::from(first)]
            || bytes.get(at + 1).is_some_and(|&second| has_bit(&self.two, two_index(first, second)))
    }
}

impl Gazetteer {
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Self {
        // A contiguous NFA builds many times faster than a DFA of these
        // thousands of words, and the prefix test leaves it few walks.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|p| p.as_ref().as_bytes()))
            .expect("word list compiles");
        Self { automaton, prefixes: Prefixes::new(patterns) }
    }

    /// `(pattern, span)` of each match at one of `starts` (word starts, in order).
    pub fn find_at(&self, text: &str, starts: impl Iterator<Item = usize>) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        let mut skip_to = 0;
        for at in starts {
            if at < skip_to || !self.prefixes.may_start(text.as_bytes(), at) {
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            if let Some(m) = self.automaton.find(input) {
                out.push((m.pattern().as_usize(), Span::new(m.start(), m.end())));
                skip_to = m.end();
            }
        }
        out
    }

    /// `(pattern, span)` of each match that starts a word, in `window` of `text`.
    pub fn find_in(&self, text: &str, window: Span) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let window = Span::new(window.start.min(text.len()), window.end.min(text.len()));
        let mut prev_alnum =
            text.get(..window.start).and_then(|h| h.chars().next_back()).is_some_and(is_word_char);
        let mut skip_to = window.start;
        for at in window.range() {
            let b = bytes[at];
            // Bytes inside a character change nothing; ASCII needs no decoding.
            let (alnum, cjk) = match b {
                0x80..=0xbf => continue,
                0..=0x7f => (b.is_ascii_alphanumeric(), false),
                _ => text
                    .get(at..)
                    .and_then(|r| r.chars().next())
                    .map_or((false, false), |c| (is_word_char(c), is_cjk(c))),
            };
            let starts = (alnum && !prev_alnum) || cjk;
            prev_alnum = alnum;
            if !starts || at < skip_to || !self.prefixes.may_start(&bytes[..window.end], at) {
                continue;
            }
            let input = Input::new(text).range(at..window.end).anchored(Anchored::Yes);
            if let Some(m) = self.automaton.find(input) {
                out.push((m.pattern().as_usize(), Span::new(m.start(), m.end())));
                skip_to = m.end();
            }
        }
        out
    }
}

/// Whether `start..end` stands alone as a word in `text`: no letter or digit
/// touches it on either side. CJK scripts have no spaces, so a match written
/// in them needs no boundary.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let first = text.get(start..).and_then(|s| s.chars().next());
    if first.is_some_and(is_cjk) {
        return true;
    }
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    let open_right = !after.is_some_and(is_word_char) || last.is_some_and(|c| !is_word_char(c));
    !before.is_some_and(is_word_char) && open_right
}

/// The case forms a lexicon word should match in: as written, lower case,
/// and with a capital first letter (sentence starts). ASCII case is handled
/// by the automaton; this covers `Tổng thống`/`tổng thống`, `Präsident`.
pub fn case_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string(), word.to_lowercase()];
    forms.push(capitalised(word));
    forms.push(word.split(' ').map(capitalised).collect::<Vec<_>>().join(" "));
    forms.sort();
    forms.dedup();
    forms
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The German genitive of `name` ends at `end` in `text`: `Nvidias`, `Chinas`.
pub fn genitive_s(text: &str, end: usize) -> Option<usize> {
    let mut rest = text.get(end..)?.chars();
    (rest.next() == Some('s') && !rest.next().is_some_and(is_word_char)).then_some(end + 1)
}

/// `TikTok`, `ByteDance`, `ZDNet`: a capital, lower case, then a capital
/// again. Not `McDonald`-like family names.
pub fn camel_case(w: &str) -> bool {
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase)
        || w.starts_with("Mc")
        || w.starts_with("Mac")
        || w.chars().count() < 4
    {
        return false;
    }
    let mut seen_lower = false;
    for c in chars {
        if c.is_lowercase() {
            seen_lower = true;
        } else if c.is_uppercase() && seen_lower {
            return !w.starts_with("IJ");
        } else if !c.is_alphabetic() {
            return false;
        }
    }
    false
}

/// Digits followed by a capitalised word of three letters or more.
pub fn digit_name(w: &str) -> bool {
    let letters = w.trim_start_matches(|c: char| c.is_ascii_digit());
    letters.len() < w.len()
        && letters.chars().count() >= 3
        && letters.starts_with(char::is_uppercase)
        && letters.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn possessive_and_elision() {
        assert_eq!(
            words("Acme’s plan d’Emmanuel O'Brien"),
            ["Acme", "plan", "Emmanuel", "O'Brien"]
        );
    }

    #[test]
    fn shapes() {
        let s = "Er sagte: IBM-Chips. Nguyễn Văn An";
        let t = tokenize(s);
        assert!(t[0].initial && t[0].cap);
        assert!(t[2].initial && t[2].caps && t[2].hyphen_after);
        assert!(t[3].hyphen_before);
        assert!(t[4].initial && t[4].space_after);
    }

    #[test]
    fn every_pattern_passes_the_prefix_test() {
        let words = ["a", "of", "the", "ceo", "Präsident", "according to", "Tổng thống", "CEO"];
        let p = Prefixes::new(&words);
        for w in words {
            assert!(p.may_start(w.as_bytes(), 0), "{w}");
            let text = format!("x {w} y");
            assert!(p.may_start(text.as_bytes(), 2), "{w}");
        }
        assert!(!p.may_start(b"zzzz", 0));
        let g = Gazetteer::new(&words);
        let text = "Der Präsident sagte, according to the CEO.";
        let found: Vec<&str> = g
            .find_at(text, tokenize(text).iter().map(|t| t.span.start))
            .iter()
            .map(|(_, s)| s.get(text))
            .collect();
        assert_eq!(found, ["Präsident", "according to", "the", "CEO"]);
    }

    #[test]
    fn word_list_shortcuts_agree_with_the_lists() {
        let ends = LastBytes::new(["chef", "chefin", "leiter"]);
        for w in ["Betriebsratschefin", "Konzernchef", "Abteilungsleiter", "Chefs", "Leiterin", ""]
        {
            let any = ["chef", "chefin", "leiter"].iter().any(|e| w.ends_with(e));
            assert!(!any || ends.may_end(w), "{w}");
        }
        assert!(!ends.may_end("Chefs") && !ends.may_end(""));
        assert!(LastBytes::new([""]).may_end(""));
        let articles = LowerSet::new(["der".to_string(), "die".to_string(), "das".to_string()]);
        assert!(articles.contains_lowercase("Der") && articles.contains_lowercase("DIE"));
        assert!(!articles.contains_lowercase("Derby") && !articles.contains_lowercase(""));
    }

    #[test]
    fn capitalised_words_are_the_words_that_start_with_a_capital() {
        let text = "eBay und Ölkonzern 5G, l’Équipe: Tổng thống Đức «Ärger» x9 ÉÉ-Ab 中国 A";
        let want: Vec<(usize, &str)> = super::words(text)
            .filter(|(_, w)| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
            .collect();
        assert_eq!(capitalised_words(text).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 9, "{want:?}");
    }

    #[test]
    fn whole_words() {
        assert!(is_whole_word("in US-Zöllen", 3, 5));
        assert!(!is_whole_word("Busse", 1, 3));
        assert!(is_whole_word("在中国的", 3, 9));
        assert_eq!(genitive_s("Chinas Wende", 5), Some(6));
    }
}
