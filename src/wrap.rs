//! Paragraph → rows that fit a width: break opportunities from the Unicode
//! line-breaking algorithm (UAX #14), widths in terminal columns
//! (unicode-width), and a word wider than the line split between grapheme
//! clusters, never inside one. So Vietnamese diacritics, CJK, emoji and ZWJ
//! sequences neither split nor overflow.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One wrapped row: a byte range of the paragraph (trailing spaces left out)
/// and its width in columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    pub width: usize,
}

/// Wraps `text` into rows of at most `width` columns (at least one column).
/// An empty text gives no rows.
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut line = Line { start: 0, width: 0, end: 0 };
    let mut prev = 0;
    for (idx, opportunity) in linebreaks(text) {
        let segment = text.get(prev..idx).unwrap_or("");
        let trimmed = segment.trim_end();
        let trimmed_width = trimmed.width();
        if line.width > 0 && line.width + trimmed_width > width {
            rows.push(line.finish(text));
            line = Line { start: prev, width: 0, end: prev };
        }
        if trimmed_width > width {
            line = split_long(text, prev, prev + trimmed.len(), width, line, &mut rows);
            line.width += segment.width() - trimmed_width;
        } else {
            line.width += segment.width();
            line.end = prev + trimmed.len();
        }
        if opportunity == BreakOpportunity::Mandatory && idx < text.len() {
            rows.push(line.finish(text));
            line = Line { start: idx, width: 0, end: idx };
        }
        prev = idx;
    }
    if line.end > line.start || rows.is_empty() && !text.trim().is_empty() {
        rows.push(line.finish(text));
    }
    rows
}

/// The row being filled: where it starts, how wide it is so far (trailing
/// spaces included, as the next segment would follow them) and where its
/// last visible character ends.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    width: usize,
    end: usize,
}

impl Line {
    fn finish(self, text: &str) -> Row {
        let s = text.get(self.start..self.end).unwrap_or("").trim_end();
        Row { start: self.start, end: self.start + s.len(), width: s.width() }
    }
}

/// Splits a segment wider than a whole row between grapheme clusters.
fn split_long(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    mut line: Line,
    rows: &mut Vec<Row>,
) -> Line {
    let segment = text.get(start..end).unwrap_or("");
    for (offset, grapheme) in segment.grapheme_indices(true) {
        let w = grapheme.width();
        if line.width > 0 && line.width + w > width {
            rows.push(line.finish(text));
            line = Line { start: start + offset, width: 0, end: start + offset };
        }
        line.width += w;
        line.end = start + offset + grapheme.len();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).iter().map(|r| text.get(r.start..r.end).unwrap()).collect()
    }

    fn check(text: &str, width: usize) {
        for r in wrap(text, width) {
            let s = text.get(r.start..r.end).expect("rows fall on char boundaries");
            // Only a single grapheme wider than the whole row may overflow it.
            assert!(
                s.width() <= width || s.graphemes(true).count() == 1,
                "{s:?} is wider than {width}"
            );
            assert_eq!(s.width(), r.width);
            // Every row starts and ends on a grapheme boundary.
            let graphemes: usize = s.graphemes(true).map(str::len).sum();
            assert_eq!(graphemes, s.len());
        }
    }

    #[test]
    fn words_wrap_at_spaces() {
        assert_eq!(rows("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn vietnamese_keeps_its_diacritics_whole() {
        let text = "Doanh thu bộ phận điện toán đám mây của Alibaba chỉ tăng trưởng 37% lên 16,8 tỷ nhân dân tệ";
        for width in [1, 5, 9, 13, 20, 40] {
            check(text, width);
        }
        assert_eq!(rows("Trung Quốc", 6), ["Trung", "Quốc"]);
    }

    #[test]
    fn german_compounds_split_when_too_long() {
        let text = "Rechenzentrumsdienste und Cloud-Computing-Plattform";
        for width in [3, 8, 12, 30] {
            check(text, width);
        }
        assert_eq!(rows("Cloud-Computing-Plattform", 16), ["Cloud-Computing-", "Plattform"]);
    }

    #[test]
    fn cjk_breaks_between_characters_and_counts_two_columns() {
        let text = "阿里巴巴集团宣布云业务分拆";
        assert_eq!(rows(text, 6), ["阿里巴", "巴集团", "宣布云", "业务分", "拆"]);
        for width in [1, 2, 3, 7] {
            check(text, width);
        }
    }

    #[test]
    fn emoji_and_zwj_sequences_stay_whole() {
        let text = "family 👨‍👩‍👧‍👦 flags 🇻🇳🇩🇪 thumbs 👍🏽 end";
        for width in [1, 2, 3, 4, 7, 10] {
            check(text, width);
        }
        assert!(rows(text, 2).contains(&"👨‍👩‍👧‍👦"));
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(wrap("", 10).is_empty());
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn zero_width_is_treated_as_one() {
        check("abc", 0);
        assert_eq!(rows("abc", 0), ["a", "b", "c"]);
    }
}
