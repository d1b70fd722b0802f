//! The reading pane's lines: an article wrapped for one width, with the
//! headline on top and page furniture woven in when shown. Built once per
//! (article, width, furniture shown) and cached; a frame draws only the
//! visible slice.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::Document;
use crate::wrap::wrap;

/// Where a line's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Headline,
    Body,
    /// Furniture line `i` of the document.
    Furniture(usize),
    Blank,
}

/// One screen row of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub source: Source,
    /// Byte range into the headline, body or furniture line.
    pub start: usize,
    pub end: usize,
    /// A position in the article that does not depend on the width (a body
    /// offset, shifted by one so the headline comes first), used to keep
    /// the place when the article is wrapped again.
    pub pos: usize,
}

impl VisualLine {
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        let range = self.start..self.end;
        match self.source {
            Source::Headline => doc.title.get(range),
            Source::Body => doc.body.get(range),
            Source::Furniture(i) => doc.furniture.get(i).and_then(|f| f.line.get(range)),
            Source::Blank => None,
        }
        .unwrap_or("")
    }
}

/// Wraps a whole article for a text width.
pub fn build_lines(doc: &Document, width: usize, furniture: bool) -> Vec<VisualLine> {
    let mut lines = Vec::new();
    let blank = |pos| VisualLine { source: Source::Blank, start: 0, end: 0, pos };
    if doc.has_headline {
        for r in wrap(&doc.title, width) {
            lines.push(VisualLine { source: Source::Headline, start: r.start, end: r.end, pos: 0 });
        }
        lines.push(blank(0));
    }
    let furniture_before = |i: usize, lines: &mut Vec<VisualLine>, pos: usize| {
        if !furniture {
            return;
        }
        for (fi, f) in doc.furniture.iter().enumerate().filter(|(_, f)| f.before == i) {
            for r in wrap(&f.line, width) {
                lines.push(VisualLine {
                    source: Source::Furniture(fi),
                    start: r.start,
                    end: r.end,
                    pos,
                });
            }
            lines.push(blank(pos));
        }
    };
    for (i, span) in doc.paragraphs.iter().enumerate() {
        furniture_before(i, &mut lines, span.start + 1);
        let text = span.get(&doc.body);
        for r in wrap(text, width) {
            let (start, end) = (span.start + r.start, span.start + r.end);
            lines.push(VisualLine { source: Source::Body, start, end, pos: start + 1 });
        }
        lines.push(blank(span.end + 1));
    }
    furniture_before(doc.paragraphs.len(), &mut lines, doc.body.len() + 1);
    while lines.last().is_some_and(|l| l.source == Source::Blank) {
        lines.pop();
    }
    lines
}

/// Wrapped articles, by (document, width, furniture shown).
#[derive(Debug, Default)]
pub struct WrapCache {
    map: HashMap<(usize, usize, bool), Arc<[VisualLine]>>,
}

impl WrapCache {
    pub fn get(&mut self, doc: &Document, width: usize, furniture: bool) -> Arc<[VisualLine]> {
        self.map
            .entry((doc.id.0, width, furniture))
            .or_insert_with(|| build_lines(doc, width, furniture).into())
            .clone()
    }
}

/// The line that holds a width-independent position: the last one that
/// starts at or before it (the first of the lines that share its position,
/// so the headline and furniture above a paragraph stay in view).
pub fn line_at(lines: &[VisualLine], pos: usize) -> usize {
    let mut at = lines.partition_point(|l| l.pos <= pos).saturating_sub(1);
    while at > 0 && lines[at - 1].pos == lines[at].pos {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn furniture_shows_only_when_asked() {
        let doc = &Corpus::bundled().docs[2];
        let hidden = build_lines(doc, 60, false);
        let shown = build_lines(doc, 60, true);
        let has =
            |lines: &[VisualLine]| lines.iter().any(|l| l.text(doc).contains("Lesen Sie auch"));
        assert!(!has(&hidden));
        assert!(has(&shown));
    }

    #[test]
    fn positions_never_go_back() {
        for doc in &Corpus::bundled().docs {
            let lines = build_lines(doc, 40, true);
            assert!(lines.windows(2).all(|w| w[0].pos <= w[1].pos));
            let at = line_at(&lines, lines[10].pos);
            assert!(
                lines[at].pos == lines[10].pos && (at == 0 || lines[at - 1].pos < lines[at].pos)
            );
            assert_eq!(line_at(&lines, 0), 0);
            assert_eq!(line_at(&lines, lines[10].pos + 1), at);
        }
    }
}
