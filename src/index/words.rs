//! Words of folded text, the unit that search matches on: a word is a run of
//! letters and digits, so a hit can start only where a word starts (never
//! inside `Quốc`, whose `ố` is one letter once folded). Han and kana, which
//! are written without spaces, count one character per word so that they
//! can be found at all.

use std::ops::Range;

use super::fold::fold_char;
pub use crate::text::chars::is_word_char;
use crate::text::chars::written_without_spaces as stands_alone;

/// The byte ranges of the words in `folded`.
pub fn word_ranges(folded: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        let alone = !c.is_ascii() && stands_alone(c);
        if is_word_char(c) && !alone {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(s..i);
        }
        if alone {
            out.push(i..i + c.len_utf8());
        }
    }
    if let Some(s) = start {
        out.push(s..folded.len());
    }
    out
}

/// Folds `s` and calls `each` with every word, without keeping offsets:
/// the fast path the index is built with. `buf` is reused between calls.
pub fn for_each_word(s: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    buf.clear();
    for c in s.chars() {
        fold_char(c, |f| {
            let alone = !f.is_ascii() && stands_alone(f);
            if is_word_char(f) && !alone {
                buf.push(f);
                return;
            }
            if !buf.is_empty() {
                each(buf);
                buf.clear();
            }
            if alone {
                buf.push(f);
                each(buf);
                buf.clear();
            }
        });
    }
    if !buf.is_empty() {
        each(buf);
    }
}

/// The folded words of `s`.
pub fn folded_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(s, &mut String::new(), |w| out.push(w.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_everything_but_letters_and_digits() {
        assert_eq!(folded_words("Trung Quốc, 16,8 tỷ!"), ["trung", "quoc", "16", "8", "ty"]);
        assert_eq!(folded_words("zo'n één-twee"), ["zo", "n", "een", "twee"]);
        assert_eq!(folded_words("阿里巴巴 Cloud"), ["阿", "里", "巴", "巴", "cloud"]);
    }

    #[test]
    fn ranges_match_the_fast_path() {
        let folded = "trung quoc, 16,8 ty 阿里";
        let from_ranges: Vec<_> =
            word_ranges(folded).into_iter().map(|r| folded.get(r).unwrap().to_string()).collect();
        assert_eq!(from_ranges, folded_words(folded));
    }
}
