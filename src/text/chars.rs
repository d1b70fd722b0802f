//! What a character is to every stage of the pipeline, said once: a word
//! character, the scripts written without spaces (CJK), and where a
//! sentence ends. Titles (`corpus`), the fact finders (`facts`) and search
//! (`index`) all ask here.

/// A letter or digit. Fast for ASCII, Latin and Vietnamese letters, which
/// make up most of the text; other scripts ask the Unicode tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        // ASCII letters and digits, Latin and Vietnamese letters, Han
        // ideographs and Hangul syllables.
        'a'..='z'
        | 'A'..='Z'
        | '0'..='9'
        | '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{24f}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7a3}' => true,
        // Latin-1 signs and punctuation: only these few are letters or numbers.
        '\u{80}'..='\u{bf}' => {
            matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼' | '½' | '¾')
        }
        // The rest of ASCII, × and ÷, general punctuation (dashes, quotes,
        // spaces) and currency signs.
        '\0'..='\u{7f}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2000}'..='\u{206f}'
        | '\u{20a0}'..='\u{20cf}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Chinese, Japanese and Korean characters: Han ideographs, kana and Hangul
/// syllables. A word of these scripts takes particles straight after it
/// (`서울에서`, `中国的`), so a lexicon match in them needs no boundary.
#[inline]
pub fn is_cjk(c: char) -> bool {
    // Every such character lies above the Latin, Greek and Cyrillic ones.
    c >= '\u{3040}'
        && (is_hangul(c)
            || matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

/// Hangul syllables. Korean, unlike Chinese and Japanese, puts spaces
/// between its words.
#[inline]
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7af}')
}

/// Han and kana: the scripts written without spaces between words, where
/// each character has to count as a word of its own to be found at all.
#[inline]
pub fn written_without_spaces(c: char) -> bool {
    is_cjk(c) && !is_hangul(c)
}

/// Full stops and marks that can end a sentence: `.`, `!`, `?` and their
/// full-width forms.
#[inline]
pub fn is_sentence_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
}

/// Whether `c`, found at byte `i` of `s`, ends a sentence: a stop followed
/// by white space or by the end of `s` (not the point of `2.7` or
/// `dossier.txt`), or a full-width stop, which needs no space after it.
pub fn ends_sentence(s: &str, i: usize, c: char) -> bool {
    if !is_sentence_stop(c) {
        return false;
    }
    let full_width = matches!(c, '。' | '！' | '？');
    full_width
        || s.get(i + c.len_utf8()..).and_then(|r| r.chars().next()).is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_are_letters_and_digits_in_any_script() {
        for c in ['a', 'Z', '7', 'ố', 'ß', 'Ж', '中', 'ㅎ', '한', '٣'] {
            assert!(is_word_char(c), "{c}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c}");
        }
        for c in [' ', '-', '’', '×', '÷', '。', '\u{a0}'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn the_fast_ranges_agree_with_the_unicode_tables() {
        let ranges =
            [0..=0x24f, 0x1e00..=0x1eff, 0x2000..=0x20cf, 0x4e00..=0x9fff, 0xac00..=0xd7a3];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn cjk_holds_hangul_and_only_han_and_kana_go_without_spaces() {
        assert!(is_cjk('中') && is_cjk('の') && is_cjk('カ') && is_cjk('한'));
        assert!(written_without_spaces('中') && written_without_spaces('の'));
        assert!(!written_without_spaces('한') && !written_without_spaces('a'));
        assert!(!is_cjk('a') && !is_cjk('ố'));
    }

    #[test]
    fn a_sentence_ends_at_a_stop_before_a_space() {
        let s = "Revenue rose 2.7 percent. Then 中国。下";
        let ends: Vec<usize> =
            s.char_indices().filter(|&(i, c)| ends_sentence(s, i, c)).map(|(i, _)| i).collect();
        assert_eq!(ends, [s.find(". ").unwrap(), s.find('。').unwrap()]);
        assert!(ends_sentence("Done.", 4, '.'));
    }
}
