//! Value types shared by every stage of the pipeline: byte spans into a
//! document's body, document ids and language codes, and the one function
//! that makes foreign text safe to show on a terminal. What a character is
//! (a word character, CJK, a sentence end) is said once, in [`chars`].

pub mod chars;

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// A half-open range of UTF-8 byte offsets, `start..end`, into one string
/// (a document's `body` unless said otherwise). Slice through
/// [`Span::get`]: slicing in the middle of a character panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `s`, or `""` when it does not fit there.
    pub fn get(self, s: &str) -> &str {
        s.get(self.range()).unwrap_or("")
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The position of a document in the corpus, stable while dossier runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DocId(pub usize);

/// An ISO 639-1 language code (`vi`, `en`, `de`, `nl`, …), or `und` when the
/// language could not be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(&'static str);

impl Lang {
    pub const UNKNOWN: Lang = Lang("und");
    pub const EN: Lang = Lang("en");
    pub const DE: Lang = Lang("de");
    pub const NL: Lang = Lang("nl");
    pub const VI: Lang = Lang("vi");

    /// A code from a static table (see `corpus::lang`).
    pub const fn from_static(code: &'static str) -> Self {
        Lang(code)
    }

    pub const fn code(self) -> &'static str {
        self.0
    }

    /// Whether numbers in this language write the decimal mark as a comma
    /// (`16,8`) and group thousands with points (`1.000`).
    pub fn decimal_comma(self) -> bool {
        !matches!(self.0, "en" | "ja" | "zh" | "ko" | "th" | "he" | "hi" | "ms" | "tl" | "und")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// Replaces everything a terminal would take as an instruction rather than
/// as text with a visible substitute: C0 controls become their Unicode
/// control pictures (`ESC` → `␛`), DEL `␡`, C1 controls and the bidi
/// embedding, override and isolate characters (the "Trojan Source" set)
/// `�`. Tabs become a space; line feeds are kept. A flood of zero-width
/// characters (combining marks stacked on one letter, zero-width spaces
/// and joiners) keeps its first [`MAX_ZERO_WIDTH_RUN`] and shows the rest
/// as one `�`: no script needs more, and every cell drawn with ten thousand
/// marks would be ten thousand characters sent to the terminal.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !needs_sanitizing(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut run = 0usize;
    for c in s.chars() {
        if needs_substitute(c) {
            run = 0;
            out.push(substitute(c));
        } else if is_zero_width(c) {
            run += 1;
            if run <= MAX_ZERO_WIDTH_RUN {
                out.push(c);
            } else if run == MAX_ZERO_WIDTH_RUN + 1 {
                out.push('\u{fffd}');
            }
        } else {
            run = 0;
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`sanitize`] for a name or message on one line of a diagnostic: a line
/// feed too is shown as a symbol (`␊`), so that a file name holding one
/// cannot pass for a line of output of its own.
pub fn one_line(s: &str) -> Cow<'_, str> {
    match sanitize(s) {
        Cow::Borrowed(b) if !b.contains('\n') => Cow::Borrowed(b),
        clean => Cow::Owned(clean.replace('\n', "\u{240a}")),
    }
}

fn substitute(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{7f}' => '\u{2421}',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        _ => '\u{fffd}',
    }
}

/// Most zero-width characters in a row that [`sanitize`] keeps.
pub const MAX_ZERO_WIDTH_RUN: usize = 16;

/// How many bytes at the start of `bytes`, in whole chunks of sixteen,
/// hold none that `special` picks out. A chunk is tested whole (no early
/// exit), which the compiler turns into a few vector instructions: the
/// cheap way over the long runs of ordinary text that a per-character
/// check then need not look at.
pub fn unspecial_prefix(bytes: &[u8], special: impl Fn(u8) -> bool) -> usize {
    const CHUNK: usize = 16;
    let mut n = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            break;
        }
        n += CHUNK;
    }
    n
}

fn needs_sanitizing(s: &str) -> bool {
    let mut run = 0usize;
    let mut rest = s;
    loop {
        // Printable ASCII, many bytes at a time: nothing to substitute and
        // no zero-width character there.
        let plain = unspecial_prefix(rest.as_bytes(), |b| !(0x20..0x7f).contains(&b));
        if plain > 0 {
            run = 0;
        }
        let mut chars = rest.get(plain..).unwrap_or("").chars();
        let Some(c) = chars.next() else { return false };
        rest = chars.as_str();
        if needs_substitute(c) {
            return true;
        }
        if is_zero_width(c) {
            run += 1;
            if run > MAX_ZERO_WIDTH_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
}

/// A character that takes no column of its own: a combining mark, a
/// zero-width space or joiner, a variation selector.
fn is_zero_width(c: char) -> bool {
    !c.is_ascii() && unicode_width::UnicodeWidthChar::width(c) == Some(0)
}

/// Whether a character must not reach the terminal as itself: a control
/// character other than a line feed, or a bidi control.
pub fn needs_substitute(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// The last line of defence for a screen cell: a cell's symbol (one grapheme
/// cluster, as the drawing library stores it) without any control or bidi
/// character and at most [`MAX_CELL_CHARS`] characters long; a blank when
/// nothing is left. Text should have gone through [`sanitize`] before, so
/// that what is taken out here was shown as a substitute already.
pub fn safe_cell_symbol(symbol: &str) -> Cow<'_, str> {
    let clean = !symbol.chars().any(|c| c.is_control() || is_bidi_control(c));
    if clean && symbol.chars().nth(MAX_CELL_CHARS).is_none() {
        return Cow::Borrowed(symbol);
    }
    let kept: String = symbol
        .chars()
        .filter(|&c| !c.is_control() && !is_bidi_control(c))
        .take(MAX_CELL_CHARS)
        .collect();
    Cow::Owned(if kept.is_empty() { " ".to_string() } else { kept })
}

/// Most characters one screen cell may send to the terminal: a letter with
/// its marks, or an emoji sequence (a family of four is 11 characters).
pub const MAX_CELL_CHARS: usize = 32;

/// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
/// which can reorder what a reader sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The char boundary at or before byte `at` of `s` (`s.len()` past the end).
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// The char boundary at or after byte `at` of `s` (`s.len()` past the end).
pub fn ceil_char_boundary(s: &str, at: usize) -> usize {
    (at.min(s.len())..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len())
}

/// `s` cut to `width` columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\x1b[31mred\x07"), "a\u{241b}[31mred\u{2407}");
        assert_eq!(sanitize("x\u{9b}y"), "x\u{fffd}y");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert_eq!(sanitize("del\x7f"), "del\u{2421}");
        assert_eq!(sanitize("nul\0"), "nul\u{2400}");
    }

    #[test]
    fn bidi_overrides_are_replaced() {
        assert_eq!(sanitize("a\u{202e}b\u{2066}c"), "a\u{fffd}b\u{fffd}c");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Việt Nam\nline"), Cow::Borrowed(_)));
    }

    #[test]
    fn span_get_never_panics() {
        let s = "Việt";
        assert_eq!(Span::new(0, 1).get(s), "V");
        assert_eq!(Span::new(2, 3).get(s), "");
        assert_eq!(Span::new(3, 99).get(s), "");
    }

    /// [`needs_sanitizing`] a character at a time, as it was first written.
    fn needs_sanitizing_by_chars(s: &str) -> bool {
        let mut run = 0usize;
        for c in s.chars() {
            if needs_substitute(c) {
                return true;
            }
            run = if is_zero_width(c) { run + 1 } else { 0 };
            if run > MAX_ZERO_WIDTH_RUN {
                return true;
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn the_chunked_check_is_the_check_by_characters(
            s in "([a-z .,\n]{0,40}|[\t\x1b\x7f\u{85}\u{202e}é\u{301}\u{200b}]|\u{301}{17}|\u{200d}{16}a)*",
        ) {
            proptest::prop_assert_eq!(needs_sanitizing(&s), needs_sanitizing_by_chars(&s));
        }
    }
}
