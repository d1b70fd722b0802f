//! The sentence a span stands in, for the figures table.

use crate::text::Span;

/// The span of the sentence around `span` in `body`: from the previous
/// sentence end (or paragraph start) to the next one (or paragraph end).
pub fn sentence_around(body: &str, span: Span) -> Span {
    let before = body.get(..span.start).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || (is_end(c) && followed_by_space(before, i, c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = body.get(span.end..).unwrap_or("");
    let end = after
        .char_indices()
        .find(|&(i, c)| c == '\n' || (is_end(c) && followed_by_space(after, i, c)))
        .map_or(body.len(), |(i, c)| span.end + i + if c == '\n' { 0 } else { c.len_utf8() });
    let text = body.get(start..end).unwrap_or("");
    let lead = text.len() - text.trim_start().len();
    Span::new(start + lead, end.max(start + lead))
}

fn is_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
}

fn followed_by_space(s: &str, i: usize, c: char) -> bool {
    s.get(i + c.len_utf8()..).and_then(|r| r.chars().next()).is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

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
