//! A line of context around a hit, for the corpus results list: cut at word
//! boundaries, one line (line breaks become spaces), safe for a terminal,
//! with where the hit sits inside it so the UI can highlight it.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::text::{Span, sanitize};

const ELLIPSIS: &str = "…";

/// About `width` columns of `text` around `hit`, and the byte range of the
/// hit inside the returned string. Context is split evenly before and after
/// the hit, never cutting a word in two; `…` marks a cut.
pub fn snippet(text: &str, hit: Span, width: usize) -> (String, Range<usize>) {
    let hit_text = hit.get(text);
    let hit_width = columns(hit_text);
    let room = width.saturating_sub(hit_width);
    let before = text.get(..hit.start).unwrap_or("");
    let after = text.get(hit.end..).unwrap_or("");
    if room < 2 {
        let alone = one_line(hit_text);
        let len = alone.len();
        return (alone, 0..len);
    }
    // A short tail leaves its share of the room to the text before the hit.
    let after_cols = columns_up_to(after, room);
    let left_room = if after_cols < room / 2 { room - after_cols } else { room / 2 };
    let left = cut_left(before, left_room);
    let used = columns(left) + usize::from(left.len() < before.len());
    let right = cut_right(after, room.saturating_sub(used));

    let mut out = String::new();
    if left.len() < before.len() {
        out.push_str(ELLIPSIS);
    }
    out.push_str(&one_line(left));
    let start = out.len();
    out.push_str(&one_line(hit_text));
    let end = out.len();
    out.push_str(&one_line(right));
    if right.len() < after.len() {
        out.push_str(ELLIPSIS);
    }
    (out, start..end)
}

fn columns(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The columns of `s`, counted no further than `limit` (a hit near the
/// start of a long article must not cost the whole article).
fn columns_up_to(s: &str, limit: usize) -> usize {
    let mut used = 0;
    for c in s.chars() {
        used += c.width().unwrap_or(0);
        if used > limit {
            break;
        }
    }
    used
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The longest end of `before` that fits `room` columns (one kept for `…`
/// when cut) and does not start inside a word.
fn cut_left(before: &str, room: usize) -> &str {
    let mut used = 0;
    let mut cut = before.len();
    for (i, c) in before.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + usize::from(i > 0) > room {
            break;
        }
        used += w;
        cut = i;
    }
    let mut tail = before.get(cut..).unwrap_or("");
    let broke_word = cut > 0
        && tail.chars().next().is_some_and(is_word)
        && before.get(..cut).and_then(|s| s.chars().next_back()).is_some_and(is_word);
    if broke_word {
        let skip = tail.find(|c: char| !is_word(c)).unwrap_or(tail.len());
        tail = tail.get(skip..).unwrap_or("");
    }
    tail.trim_start()
}

/// The longest start of `after` that fits `room` columns (one kept for `…`
/// when cut) and does not end inside a word.
fn cut_right(after: &str, room: usize) -> &str {
    let mut used = 0;
    let mut cut = 0;
    for (i, c) in after.char_indices() {
        let w = c.width().unwrap_or(0);
        let last = i + c.len_utf8() == after.len();
        if used + w + usize::from(!last) > room {
            break;
        }
        used += w;
        cut = i + c.len_utf8();
    }
    let mut head = after.get(..cut).unwrap_or("");
    let broke_word = cut < after.len()
        && head.chars().next_back().is_some_and(is_word)
        && after.get(cut..).and_then(|s| s.chars().next()).is_some_and(is_word);
    if broke_word {
        let keep = head.rfind(|c: char| !is_word(c)).unwrap_or(0);
        head = head.get(..keep).unwrap_or("");
    }
    head.trim_end()
}

/// Line breaks and controls made into something one line can show.
fn one_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::find_in_text;

    fn marked(text: &str, query: &str, width: usize) -> String {
        let hit = find_in_text(query, text)[0];
        let (s, r) = snippet(text, hit, width);
        assert!(columns(&s) <= width.max(columns(hit.get(text))), "{s:?} wider than {width}");
        format!(
            "{}[{}]{}",
            s.get(..r.start).unwrap(),
            s.get(r.clone()).unwrap(),
            s.get(r.end..).unwrap()
        )
    }

    #[test]
    fn cuts_at_word_boundaries_around_the_hit() {
        let text = "Hôm nay, Trung Quốc công bố số liệu mới về tăng trưởng kinh tế quý ba.";
        assert_eq!(marked(text, "trung quoc", 30), "Hôm nay, [Trung Quốc] công bố…");
        assert_eq!(marked(text, "cong", 20), "…Quốc [công] bố số…");
        assert_eq!(marked(text, "hom", 12), "[Hôm] nay,…");
        assert_eq!(marked(text, "ba", 14), "…tế quý [ba].");
        assert_eq!(
            marked(text, "trung", 200),
            format!(
                "Hôm nay, [Trung] {}",
                "Quốc công bố số liệu mới về tăng trưởng kinh tế quý ba."
            )
        );
    }

    #[test]
    fn one_line_and_safe() {
        let text = "erste Zeile\n\nMünchen\x1b[31m liegt";
        assert_eq!(marked(text, "munchen", 40), "erste Zeile  [München]␛[31m liegt");
    }

    #[test]
    fn a_hit_wider_than_the_room_stands_alone() {
        let text = "een coöperatie van boeren";
        assert_eq!(marked(text, "cooperatie", 5), "[coöperatie]");
    }
}
