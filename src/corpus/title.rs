//! A title for an article that opens without a headline: its first
//! sentence, shortened at a word boundary.

use crate::text::chars::ends_sentence;

/// Titles longer than this (in characters) are shortened with `…`.
pub const TITLE_MAX_CHARS: usize = 90;

/// The first sentence of `body`, shortened at a word boundary.
pub fn derive_title(body: &str) -> String {
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    let sentence = first_sentence(first);
    shorten(sentence, TITLE_MAX_CHARS)
}

fn first_sentence(s: &str) -> &str {
    s.char_indices()
        .find(|&(i, c)| ends_sentence(s, i, c))
        .map_or(s, |(i, c)| s.get(..i + c.len_utf8()).unwrap_or(s))
}

/// Cuts `s` to at most `max` characters at a word boundary, adding `…`.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = s.get(..cut).unwrap_or(s);
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '-', '–']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_first_sentence_is_the_title() {
        assert_eq!(derive_title("Markets fell. Then they rose."), "Markets fell.");
    }

    #[test]
    fn long_sentence_is_cut_at_a_word() {
        let body = "Alibaba Group Holding đã để lộ sự thất bại trong báo cáo thu nhập mới nhất của mình, cho rằng việc mất đi một khách hàng";
        let t = derive_title(body);
        assert!(t.ends_with('…'));
        assert!(t.chars().count() <= TITLE_MAX_CHARS + 1);
        assert!(body.starts_with(t.trim_end_matches('…')));
        assert!(!t.trim_end_matches('…').ends_with(' '));
    }

    #[test]
    fn decimal_points_do_not_end_a_sentence() {
        assert_eq!(derive_title("Revenue rose 2.7 percent. More."), "Revenue rose 2.7 percent.");
    }
}
