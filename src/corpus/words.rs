//! How many words an article has: the words of Unicode's word boundaries
//! (UAX #29, as `unicode_words` finds them), counted without segmenting
//! the common run of plain Latin words.
//!
//! A word never spans an ASCII white space: the boundary rules join a
//! space (or tab, or line end) only to more white space, or to combining
//! marks and format characters right after it. So the text is cut at ASCII
//! white space into tokens, and a plain token — a core of ASCII letters and
//! digits, Latin letters and combining accents, between quotes, brackets
//! and other punctuation — is one word (none when it is all punctuation):
//! the boundary rules join letters, digits and the accents on them, and no
//! punctuation before or after a core joins two words. Every other run of
//! tokens is segmented as it stands; one that starts with a character that
//! could join the white space before it (a combining mark, a format
//! character) takes the token before it along.

use unicode_segmentation::UnicodeSegmentation;

/// The number of words `unicode_words` finds in `s`.
pub fn count(s: &str) -> usize {
    let mut total = 0;
    // Where the run of tokens segmented as they stand starts, if one is open.
    let mut region: Option<usize> = None;
    // The start of the token before, and the words counted for it.
    let mut before: Option<(usize, usize)> = None;
    let mut end = 0;
    for (start, token) in ascii_tokens(s) {
        if let Some(n) = plain_words(token) {
            if let Some(r) = region.take() {
                total += segmented(s, r, end);
            }
            total += n;
            before = Some((start, n));
        } else {
            if region.is_none() {
                region = Some(if may_join_before(token) {
                    // Counted again with the token before it.
                    let (at, n) = before.unwrap_or((0, 0));
                    total -= n;
                    at
                } else {
                    start
                });
            }
            before = Some((start, 0));
        }
        end = start + token.len();
    }
    if let Some(r) = region {
        total += segmented(s, r, end);
    }
    total
}

/// The words `unicode_words` finds in `s[start..end]`.
fn segmented(s: &str, start: usize, end: usize) -> usize {
    s.get(start..end).map_or(0, |part| part.unicode_words().count())
}

/// The runs of `s` between ASCII white space, with their byte offsets.
fn ascii_tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && is_ascii_space(bytes[at]) {
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && !is_ascii_space(bytes[at]) {
            at += 1;
        }
        // Cut at ASCII bytes only, so both ends are character boundaries.
        s.get(start..at).map(|token| (start, token))
    })
}

/// The ASCII white space of `char::is_whitespace`.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The words of a plain token (one, or none when it is all punctuation),
/// or `None` when the token must be segmented.
fn plain_words(token: &str) -> Option<usize> {
    // ASCII in one pass: punctuation, then letters and digits, then
    // punctuation; anything else is no plain token.
    let mut state = Edge::Before;
    for &b in token.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if state == Edge::After {
                return None;
            }
            state = Edge::Core;
        } else if b.is_ascii_punctuation() {
            if state == Edge::Core {
                state = Edge::After;
            }
        } else if b.is_ascii() {
            return None;
        } else {
            return plain_words_beyond_ascii(token);
        }
    }
    Some(usize::from(state != Edge::Before))
}

/// Where a plain token's scan is: before its core, in it, after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Before,
    Core,
    After,
}

/// [`plain_words`] for a token that is not all ASCII.
fn plain_words_beyond_ascii(token: &str) -> Option<usize> {
    let core = token.trim_matches(is_edge_punctuation);
    let mut chars = core.chars();
    let Some(first) = chars.next() else { return Some(0) };
    (is_plain_letter(first) && chars.all(|c| is_plain_letter(c) || is_accent(c))).then_some(1)
}

/// Letters and digits that the boundary rules keep together with each
/// other: ASCII ones, and the letters of Latin-1, Latin Extended-A and -B
/// and Latin Extended Additional (`×` and `÷` are no letters).
fn is_plain_letter(c: char) -> bool {
    // Every character of these blocks is a letter but `×` and `÷` (a test
    // holds this against `char::is_alphabetic`).
    c.is_ascii_alphanumeric()
        || (matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && !matches!(c, '×' | '÷'))
}

/// Combining diacritical marks: they stay with the letter before them.
fn is_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Punctuation that starts or ends a plain token without joining the
/// letters after or before it to anything but themselves.
fn is_edge_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2018}' // ‘
                | '\u{2019}' // ’
                | '\u{201c}' // “
                | '\u{201d}' // ”
                | '\u{201e}' // „
                | '\u{ab}' // «
                | '\u{bb}' // »
                | '\u{2013}' // –
                | '\u{2014}' // —
                | '\u{2026}' // …
        )
}

/// Whether a token starts with a character that might join the white
/// space before it (anything but ASCII, plain letters and edge punctuation).
fn may_join_before(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| !(c.is_ascii() || is_plain_letter(c) || is_edge_punctuation(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(s: &str) -> usize {
        s.unicode_words().count()
    }

    #[test]
    fn the_latin_blocks_hold_letters_only_but_two() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            assert_eq!(is_plain_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn plain_and_other_tokens() {
        for s in [
            "",
            "   ",
            "One two three.",
            "“Quoted,” she said — twice…",
            "U.S. 3.5 1,000,000 don't l'homme e-mail snake_case _x x_",
            "Việt Nam đã tăng 5% trong quý",
            "Größe Straße naïve cafe\u{301} \u{301}accent",
            "東京都 は 日本 の 首都 です",
            "ภาษาไทย ง่าย",
            "a\u{202f}b a\u{a0}b \t\u{345}x",
            "\u{345}lead",
            "x \u{200d}y \u{ad}soft",
        ] {
            assert_eq!(count(s), reference(s), "{s:?}");
        }
    }

    /// Pieces the generated strings are made of: every kind of character
    /// the boundary rules treat apart, and ASCII white space.
    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\t",
        "\r\n",
        "\x0b",
        "\x0c",
        "a",
        "Z",
        "word",
        "Mixed",
        "0",
        "42",
        "3.5",
        "1,000",
        ".",
        ",",
        ";",
        ":",
        "'",
        "\"",
        "_",
        "-",
        "(",
        ")",
        "[",
        "!",
        "?",
        "/",
        "&",
        "#",
        "@",
        "é",
        "Ü",
        "ß",
        "đ",
        "ơ",
        "ệ",
        "Ş",
        "ǅ",
        "×",
        "÷",
        "\u{301}",
        "\u{345}",
        "\u{323}",
        "\u{200d}",
        "\u{200c}",
        "\u{ad}",
        "\u{200b}",
        "\u{feff}",
        "\u{a0}",
        "\u{202f}",
        "\u{3000}",
        "\u{2009}",
        "\u{85}",
        "\u{2028}",
        "‘",
        "’",
        "“",
        "”",
        "„",
        "«",
        "»",
        "–",
        "—",
        "…",
        "·",
        "\u{2024}",
        "東",
        "京",
        "日本",
        "カタカナ",
        "ー",
        "ひらがな",
        "ภาษา",
        "ไทย",
        "한국어",
        "Ελλάδα",
        "Σ",
        "русский",
        "עברית",
        "\u{5f4}",
        "\u{5f3}",
        "العربية",
        "\u{661}\u{662}",
        "हिन्दी",
        "\u{93e}",
        "🇩🇪",
        "🇫",
        "👍",
        "👍🏽",
        "\u{1f3fb}",
        "²",
        "½",
        "Ⅻ",
        "ª",
        "ʰ",
        "\u{2d8}",
    ];

    fn generated() -> impl Strategy<Value = String> {
        proptest::collection::vec(0..PIECES.len(), 0..40)
            .prop_map(|picks| picks.into_iter().map(|i| PIECES[i]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]
        #[test]
        fn counts_as_unicode_words_does(s in generated()) {
            prop_assert_eq!(count(&s), reference(&s), "{:?}", s);
        }
    }

    #[test]
    fn the_evaluation_articles_count_the_same() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval");
        let mut seen = 0;
        for lang in std::fs::read_dir(dir).unwrap().flatten() {
            for file in std::fs::read_dir(lang.path()).into_iter().flatten().flatten() {
                let Ok(text) = std::fs::read_to_string(file.path()) else { continue };
                assert_eq!(count(&text), reference(&text), "{}", file.path().display());
                seen += 1;
            }
        }
        assert!(seen >= 20, "{seen} evaluation files");
    }
}
