//! Case and accent folding, the one notion of "the same letter" that search
//! uses everywhere: `Việt`, `VIET` and `viet` fold to `viet`, `Straße` to
//! `strasse`, `Đà Nẵng` to `da nang`. Folding drops what NFD splits off as a
//! combining mark, lower-cases, and maps the letters that do not decompose
//! (`đ`, `ß`, `ø`, `æ`, …) through a small table.
//!
//! [`fold_mapped`] also keeps, for every folded byte, where its character
//! came from in the original text, so a hit found in folded text becomes a
//! [`Span`] of the original that starts and ends on character boundaries
//! and swallows the combining marks that belong to its last letter.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::text::Span;

/// Letters that NFD leaves whole, and what they fold to. Lower case only:
/// upper case is lowered before the lookup.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'đ' | 'ð' => "d",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'ĳ' => "ij",
        'ſ' => "s",
        _ => return None,
    })
}

/// Folding below this code point is looked up in a table built once: it
/// covers Latin, Greek, Cyrillic and Vietnamese (U+1E00–U+1EFF), where NFD
/// per character would otherwise cost most of the time of a search.
const TABLE_END: u32 = 0x2000;

/// What a character folds to: up to three characters (`ǅ` → `dz`).
#[derive(Clone, Copy, Default)]
struct Folding {
    chars: [char; 3],
    len: u8,
}

static TABLE: LazyLock<Vec<Folding>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|cp| {
            let mut f = Folding::default();
            if let Some(c) = char::from_u32(cp) {
                fold_slow(c, |d| {
                    if let Some(slot) = f.chars.get_mut(usize::from(f.len)) {
                        *slot = d;
                        f.len += 1;
                    }
                });
            }
            f
        })
        .collect()
});

/// Calls `out` with each folded character of `c` (none for a combining mark).
#[inline]
pub fn fold_char(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
    } else if let Some(f) = TABLE.get(c as usize) {
        f.chars.iter().take(usize::from(f.len)).for_each(|&d| out(d));
    } else {
        fold_slow(c, out);
    }
}

/// NFD, combining marks dropped, lower case, then the table of letters
/// that do not decompose.
fn fold_slow(c: char, mut out: impl FnMut(char)) {
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for lower in d.to_lowercase() {
            if is_combining_mark(lower) {
                // `İ` lowers to `i` + U+0307; the dot is an accent like any other.
                continue;
            }
            match special(lower) {
                Some(s) => s.chars().for_each(&mut out),
                None => out(lower),
            }
        }
    });
}

/// `s` folded: lower case, accents and combining marks gone.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Folded text with the way back to the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the byte offset in the original of the
    /// character it came from.
    source: Vec<u32>,
    original_len: usize,
}

/// Folds `s` and remembers where each folded byte came from.
pub fn fold_mapped(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut source = Vec::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        fold_char(c, |f| {
            text.push(f);
            source.resize(text.len(), at as u32);
        });
    }
    Folded { text, source, original_len: s.len() }
}

impl Folded {
    /// The span of the original text that the folded bytes `start..end`
    /// came from, widened to whole characters: a hit ending inside the `ss`
    /// of `ß` covers the `ß`, a hit ending on `o` of NFD `ố` covers its marks.
    pub fn original(&self, start: usize, end: usize) -> Span {
        let from = self.source.get(start).map_or(self.original_len, |&s| s as usize);
        if end <= start {
            return Span::new(from, from);
        }
        let last = self.source.get(end - 1).copied().unwrap_or(u32::MAX);
        let to = self
            .source
            .get(end..)
            .unwrap_or(&[])
            .iter()
            .find(|&&s| s != last)
            .map_or(self.original_len, |&s| s as usize);
        Span::new(from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_special_letters() {
        let table = [
            ("Việt Nam", "viet nam"),
            ("TRUNG QUỐC", "trung quoc"),
            ("Đà Nẵng", "da nang"),
            ("München", "munchen"),
            ("Straße", "strasse"),
            ("GROẞE", "grosse"),
            ("Søren Ærø", "soren aero"),
            ("Œuvre", "oeuvre"),
            ("Łódź", "lodz"),
            ("İstanbul", "istanbul"),
            ("één coöperatie", "een cooperatie"),
            ("ZHANG", "zhang"),
            ("16,8 tỷ", "16,8 ty"),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn table_agrees_with_the_slow_path() {
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_char(c, |f| fast.push(f));
            fold_slow(c, |f| slow.push(f));
            assert_eq!(fast, slow, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let nfd = "Quo\u{302}\u{301}c";
        assert_eq!(fold(nfd), "quoc");
        assert_eq!(fold("Quốc"), "quoc");
    }

    #[test]
    fn map_returns_whole_original_characters() {
        let f = fold_mapped("Straße x");
        // "strasse x": the first `s` of `ss` alone still covers the `ß`.
        assert_eq!(f.original(0, 5), Span::new(0, 6));
        assert_eq!(f.original(0, 7).get("Straße x"), "Straße");
        let v = "Quo\u{302}\u{301}c Việt";
        let f = fold_mapped(v);
        assert_eq!(f.text, "quoc viet");
        assert_eq!(f.original(0, 3).get(v), "Quo\u{302}\u{301}");
        assert_eq!(f.original(5, 9).get(v), "Việt");
        assert_eq!(f.original(9, 9), Span::new(v.len(), v.len()));
    }
}
