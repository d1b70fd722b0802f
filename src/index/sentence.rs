//! The sentence a span stands in, for the figures table.

use crate::text::chars::ends_sentence;
use crate::text::{Span, ceil_char_boundary, floor_char_boundary};

/// How far a sentence is looked for on each side of a span, in bytes.
const REACH: usize = 2_000;

/// The span of the sentence around `span` in `body`: from the previous
/// sentence end (or paragraph start) to the next one (or paragraph end).
pub fn sentence_around(body: &str, span: Span) -> Span {
    // A text without stops (a hostile one-line file) must not cost its
    // whole length: look no further than `REACH` bytes each way.
    let from = floor_char_boundary(body, span.start.saturating_sub(REACH));
    let before = body.get(from..span.start).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || ends_sentence(before, i, c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let to = ceil_char_boundary(body, span.end.saturating_add(REACH));
    let after = body.get(span.end..to).unwrap_or("");
    let end = after
        .char_indices()
        .find(|&(i, c)| c == '\n' || ends_sentence(after, i, c))
        .map_or(to.max(span.end), |(i, c)| span.end + i + if c == '\n' { 0 } else { c.len_utf8() });
    let text = body.get(start..end).unwrap_or("");
    let lead = text.len() - text.trim_start().len();
    Span::new(start + lead, end.max(start + lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_without_stops_gives_a_bounded_sentence() {
        let body = "ừ ".repeat(1_000_000);
        let at = body.len() / 2 - body.len() / 2 % 4;
        let s = sentence_around(&body, Span::new(at, at + 4));
        assert!(s.start <= at && at + 4 <= s.end, "{s:?}");
        assert!(s.end - s.start <= 2 * REACH + 8, "{s:?}");
        assert!(!s.get(&body).is_empty());
    }

    #[test]
    fn a_full_width_stop_ends_a_sentence_without_a_space() {
        let body = "阿里巴巴宣布。云业务增长百分之三十。最后";
        let at = body.find("云").unwrap();
        assert_eq!(
            sentence_around(body, Span::new(at, at + 3)).get(body),
            "云业务增长百分之三十。"
        );
    }

    #[test]
    fn finds_the_sentence() {
        let body = "First one. Revenue rose 2.7 percent to $5 bn. Last.\nNext paragraph.";
        let at = body.find("$5 bn").unwrap();
        let s = sentence_around(body, Span::new(at, at + 5));
        assert_eq!(s.get(body), "Revenue rose 2.7 percent to $5 bn.");
        let at = body.find("Next").unwrap();
        assert_eq!(sentence_around(body, Span::new(at, at + 4)).get(body), "Next paragraph.");
    }
}
