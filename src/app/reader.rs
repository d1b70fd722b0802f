//! The reading pane's lines: an article wrapped for one width, with the
//! headline on top and page furniture woven in when shown. Built once per
//! (article, width, furniture shown) and cached; a frame draws only the
//! visible slice.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::{Document, HeaderField};
use crate::wrap::wrap;

/// A place in an article that does not depend on the width: its top (the
/// headline, above any body text), or a byte offset into the body. Kept
/// when the article is wrapped again, saved as the reading place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Place(
    /// 0 for the top, the body offset plus one after it, so that the top
    /// comes before offset 0 (a headline line and the body's first line
    /// are different places).
    usize,
);

impl Place {
    /// The top of the article.
    pub const TOP: Place = Place(0);

    /// Byte `offset` of the body.
    pub const fn body(offset: usize) -> Self {
        Place(offset + 1)
    }

    /// The place saved as byte `offset` of paragraph `paragraph` of
    /// `doc` (the top when the article has no such paragraph).
    pub fn saved(doc: &Document, paragraph: usize, offset: usize) -> Self {
        match doc.paragraphs.get(paragraph) {
            Some(p) if paragraph > 0 || offset > 0 => Place::body(p.start + offset.min(p.len())),
            _ => Place::TOP,
        }
    }

    /// The body offset, or `None` at the top.
    pub const fn offset(self) -> Option<usize> {
        self.0.checked_sub(1)
    }

    /// The body offset, the top counting as the body's start.
    pub const fn offset_or_start(self) -> usize {
        self.0.saturating_sub(1)
    }
}

/// Which part of the article a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Headline,
    /// A line of the article's header (byline, date, site, address).
    Header(HeaderField),
    Body,
    /// Furniture line `i` of the document.
    Furniture(usize),
    Blank,
}

/// One screen row of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub part: Part,
    /// Byte range into the headline, body or furniture line.
    pub start: usize,
    pub end: usize,
    /// Where the line stands in the article, whatever the width.
    pub pos: Place,
}

impl VisualLine {
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        let range = self.start..self.end;
        match self.part {
            Part::Headline => doc.title.get(range),
            Part::Header(field) => doc.header(field).and_then(|t| t.get(range)),
            Part::Body => doc.body.get(range),
            Part::Furniture(i) => doc.furniture.get(i).and_then(|f| f.line.get(range)),
            Part::Blank => None,
        }
        .unwrap_or("")
    }
}

/// Wraps a whole article for a text width.
pub fn build_lines(doc: &Document, width: usize, furniture: bool) -> Vec<VisualLine> {
    let mut lines = Vec::new();
    let blank = |pos| VisualLine { part: Part::Blank, start: 0, end: 0, pos };
    if doc.has_headline {
        for r in wrap(&doc.title, width) {
            lines.push(VisualLine {
                part: Part::Headline,
                start: r.start,
                end: r.end,
                pos: Place::TOP,
            });
        }
        lines.push(blank(Place::TOP));
    }
    header_lines(doc, width, &mut lines);
    let furniture_before = |i: usize, lines: &mut Vec<VisualLine>, pos: Place| {
        if !furniture {
            return;
        }
        for (fi, f) in doc.furniture.iter().enumerate().filter(|(_, f)| f.before == i) {
            for r in wrap(&f.line, width) {
                lines.push(VisualLine {
                    part: Part::Furniture(fi),
                    start: r.start,
                    end: r.end,
                    pos,
                });
            }
            lines.push(blank(pos));
        }
    };
    for (i, span) in doc.paragraphs.iter().enumerate() {
        furniture_before(i, &mut lines, Place::body(span.start));
        let text = span.get(&doc.body);
        for r in wrap(text, width) {
            let (start, end) = (span.start + r.start, span.start + r.end);
            lines.push(VisualLine { part: Part::Body, start, end, pos: Place::body(start) });
        }
        lines.push(blank(Place::body(span.end)));
    }
    furniture_before(doc.paragraphs.len(), &mut lines, Place::body(doc.body.len()));
    while lines.last().is_some_and(|l| l.part == Part::Blank) {
        lines.pop();
    }
    lines
}

/// Columns before a header field's value, for its label (`Date`).
pub const HEADER_LABEL_WIDTH: usize = 6;

/// The article's header under the headline: one field a line (wrapped
/// after its label), a blank line after them.
fn header_lines(doc: &Document, width: usize, lines: &mut Vec<VisualLine>) {
    let mut any = false;
    for field in HeaderField::ALL {
        let Some(value) = doc.header(field) else { continue };
        for r in wrap(value, width.saturating_sub(HEADER_LABEL_WIDTH).max(1)) {
            let part = Part::Header(field);
            lines.push(VisualLine { part, start: r.start, end: r.end, pos: Place::TOP });
        }
        any = true;
    }
    if any {
        lines.push(VisualLine { part: Part::Blank, start: 0, end: 0, pos: Place::TOP });
    }
}

/// Most wrapped articles kept: the ones read lately, at the widths the
/// window had lately. Enough for stepping back and forth through articles
/// and resizing; older ones are wrapped again when asked for.
const CACHED: usize = 64;

/// An article by what it is (its path and a hash of what is wrapped: a
/// reload moves, changes and replaces articles under the same `DocId`), a
/// text width, and whether furniture is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct WrapKey {
    path: String,
    content: u64,
    width: usize,
    furniture: bool,
}

impl WrapKey {
    fn new(doc: &Document, width: usize, furniture: bool) -> Self {
        Self { path: doc.path.clone(), content: fingerprint(doc), width, furniture }
    }
}

/// A hash of everything a wrapped article is made of: headline, body,
/// paragraphs and furniture. The body's part is the hash the reading state
/// keys on, computed once per document.
fn fingerprint(doc: &Document) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::state::content_hash(doc).hash(&mut h);
    doc.has_headline.hash(&mut h);
    doc.paragraphs.len().hash(&mut h);
    for f in &doc.furniture {
        (f.before, &f.line).hash(&mut h);
    }
    h.finish()
}

/// Wrapped articles, by (article, width, furniture shown): the [`CACHED`]
/// used last.
#[derive(Debug, Default)]
pub struct WrapCache {
    map: HashMap<WrapKey, (Arc<[VisualLine]>, u64)>,
    /// Counts look-ups, to tell which entry was used least lately.
    clock: u64,
}

impl WrapCache {
    pub fn get(&mut self, doc: &Document, width: usize, furniture: bool) -> Arc<[VisualLine]> {
        self.clock += 1;
        let key = WrapKey::new(doc, width, furniture);
        if let Some((lines, used)) = self.map.get_mut(&key) {
            *used = self.clock;
            return Arc::clone(lines);
        }
        if self.map.len() >= CACHED {
            // A scan of a few dozen entries, only when an article is wrapped anew.
            let oldest = self.map.iter().min_by_key(|(_, (_, used))| *used).map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                self.map.remove(&oldest);
            }
        }
        let lines: Arc<[VisualLine]> = build_lines(doc, width, furniture).into();
        self.map.insert(key, (Arc::clone(&lines), self.clock));
        lines
    }

    /// How many wrapped articles are kept.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The line that holds a width-independent position: the last one that
/// starts at or before it (the first of the lines that share its position,
/// so the headline and furniture above a paragraph stay in view).
pub fn line_at(lines: &[VisualLine], pos: Place) -> usize {
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
    fn the_header_stands_under_the_headline() {
        let mut doc = Corpus::bundled().docs[1].clone();
        doc.byline = Some("Jane Marlow".into());
        doc.url = Some(format!("https://example.com/{}", "long-path/".repeat(8)));
        let lines = build_lines(&doc, 40, false);
        let parts: Vec<Part> =
            lines.iter().map(|l| l.part).take_while(|p| *p != Part::Body).collect();
        let headline = parts.iter().filter(|p| **p == Part::Headline).count();
        assert_eq!(parts[headline + 1], Part::Header(HeaderField::Byline));
        assert_eq!(lines[headline + 1].text(&doc), "Jane Marlow");
        let url: String = lines
            .iter()
            .filter(|l| l.part == Part::Header(HeaderField::Url))
            .map(|l| l.text(&doc))
            .collect();
        assert_eq!(Some(url.as_str()), doc.url.as_deref(), "the address whole, wrapped");
        assert_eq!(parts.last(), Some(&Part::Blank));
        assert!(lines.iter().all(|l| l.part != Part::Header(HeaderField::Site)));
        let header = lines.iter().filter(|l| matches!(l.part, Part::Header(_)));
        assert!(header.clone().count() > 2);
        assert!(header.into_iter().all(|l| l.end - l.start <= 40 - HEADER_LABEL_WIDTH));
    }

    #[test]
    fn the_cache_keeps_the_articles_used_last() {
        let docs = Corpus::bundled().docs;
        let mut cache = WrapCache::default();
        let first = cache.get(&docs[0], 40, false);
        // Every width a window ever had would otherwise stay in memory.
        for width in 20..20 + 2 * CACHED {
            cache.get(&docs[1], width, false);
            cache.get(&docs[0], 40, false);
        }
        assert_eq!(cache.len(), CACHED);
        assert!(Arc::ptr_eq(&first, &cache.get(&docs[0], 40, false)), "the one in use stays");
        let widths_kept = (20..20 + 2 * CACHED)
            .filter(|w| cache.map.contains_key(&WrapKey::new(&docs[1], *w, false)));
        assert_eq!(widths_kept.count(), CACHED - 1);
    }

    #[test]
    fn another_article_under_the_same_id_is_wrapped_anew() {
        let make = |path: &str, text: &str| {
            Document::from_text(crate::text::DocId(0), path.into(), path.into(), text)
        };
        let short = make("a1.txt", "Short one\n\nTiny body.");
        let long = make("a2.txt", "Second article\n\nThis body is long enough to wrap.");
        let edited = make("a1.txt", "Short one\n\nTiny body, now a little longer.");
        let mut cache = WrapCache::default();
        cache.get(&short, 40, false);
        for doc in [&long, &edited] {
            let lines = cache.get(doc, 40, false);
            assert_eq!(*lines, *build_lines(doc, 40, false), "{}", doc.path);
        }
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
            assert_eq!(line_at(&lines, Place::TOP), 0);
            let just_after = Place::body(lines[10].pos.offset_or_start() + 1);
            assert_eq!(line_at(&lines, just_after), at);
        }
    }
}
