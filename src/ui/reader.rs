//! The reading pane: the visible slice of the wrapped article, centred at a
//! comfortable width, facts highlighted by kind (the selected fact's
//! mentions underlined, the current one reversed), furniture dimmed.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{fit, pane_block};
use crate::app::Spot;
use crate::app::reader::{Part, VisualLine};
use crate::app::{App, Pane};
use crate::facts::{Field, Kind};
use crate::text::Span as TextSpan;
use crate::theme::Theme;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(doc) = app.doc() else {
        frame.render_widget(pane_block(app, Pane::Reader, " Reader "), area);
        return;
    };
    let title = format!(" {} ", fit(&doc.title, usize::from(area.width.saturating_sub(4))));
    let block = pane_block(app, Pane::Reader, &title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = u16::try_from(app.text_width()).unwrap_or(u16::MAX).min(inner.width);
    let pad = inner.width.saturating_sub(width) / 2;
    let text_area = Rect::new(inner.x + pad, inner.y, width, inner.height);
    let marks = Marks::new(app);
    let lines: Vec<Line> = app
        .lines
        .iter()
        .skip(app.scroll)
        .take(usize::from(inner.height))
        .map(|l| {
            let text = l.text(doc);
            match l.part {
                Part::Headline => marks.line(l, text, Field::Title, app.theme.headline),
                Part::Header(field) => super::header::line(app, field, l, text),
                Part::Body => marks.line(l, text, Field::Body, Style::new()),
                Part::Furniture(_) => Line::styled(text, app.theme.furniture),
                Part::Blank => Line::raw(""),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    if app.lines.len() > usize::from(inner.height) {
        let mut state = ScrollbarState::new(app.max_scroll()).position(app.scroll);
        let bar =
            Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(
            bar,
            area.inner(Margin { vertical: 1, horizontal: 0 }),
            &mut state,
        );
    }
}

/// What to highlight in the shown article.
struct Marks<'a> {
    theme: &'a Theme,
    facts: &'a [Spot],
    /// Kind colours on (`H`).
    by_kind: bool,
    /// The selected entry's mentions, ascending.
    selected: &'a [usize],
    current: Option<usize>,
    /// Search hits in the body, and the current one.
    hits: &'a [TextSpan],
    current_hit: Option<usize>,
    /// The longest fact, in bytes: how far before a line a fact may start.
    /// (Facts come headline first, then by start, so a line looks only at
    /// the facts near it, however long the article.)
    longest: usize,
}

impl<'a> Marks<'a> {
    fn new(app: &'a App) -> Self {
        let (selected, current) = app.marked_facts();
        let facts = app.spots();
        let (hits, current_hit) = app
            .article_search
            .as_ref()
            .map_or((&[][..], None), |s| (s.hits.as_slice(), Some(s.current)));
        debug_assert!(facts.is_sorted_by_key(|f| (f.field == Field::Body, f.span.start)));
        let longest = app.sidebar().map_or(0, |s| s.longest);
        Self {
            theme: &app.theme,
            facts,
            by_kind: app.highlight,
            selected,
            current,
            hits,
            current_hit,
            longest,
        }
    }

    /// The indices of the facts of `field` that may overlap `start..end`.
    fn near(&self, field: Field, start: usize, end: usize) -> std::ops::Range<usize> {
        let body = field == Field::Body;
        let key = |f: &Spot| (f.field == Field::Body, f.span.start);
        let lo =
            self.facts.partition_point(|f| key(f) < (body, start.saturating_sub(self.longest)));
        let hi = self.facts.partition_point(|f| key(f) < (body, end));
        lo..hi.max(lo)
    }

    /// The style of fact `i`, and its layer (higher layers win).
    fn style(&self, i: usize, fact: &Spot) -> Option<(u8, Style)> {
        if self.current == Some(i) {
            return Some((3, self.theme.kind(fact.kind).patch(self.theme.current_mention)));
        }
        if self.selected.binary_search(&i).is_ok() {
            return Some((2, self.theme.kind(fact.kind).patch(self.theme.mention)));
        }
        match (self.by_kind, fact.kind) {
            (false, _) => None,
            (true, Kind::Quote) => Some((0, self.theme.kind(Kind::Quote))),
            (true, kind) => Some((1, self.theme.kind(kind))),
        }
    }

    /// One screen line, split where highlights begin and end.
    fn line<'t>(&self, l: &VisualLine, text: &'t str, field: Field, base: Style) -> Line<'t> {
        let mut marks: Vec<(usize, usize, u8, Style)> = Vec::new();
        for i in self.near(field, l.start, l.end) {
            let f = &self.facts[i];
            if f.field != field || f.span.end <= l.start || f.span.start >= l.end {
                continue;
            }
            if let Some((layer, style)) = self.style(i, f) {
                marks.push((
                    f.span.start.max(l.start) - l.start,
                    f.span.end.min(l.end) - l.start,
                    layer,
                    style,
                ));
            }
        }
        if field == Field::Body {
            let from = self.hits.partition_point(|h| h.end <= l.start);
            for (i, h) in
                self.hits.iter().enumerate().skip(from).take_while(|(_, h)| h.start < l.end)
            {
                let style = if Some(i) == self.current_hit {
                    self.theme.search_current
                } else {
                    self.theme.search_hit
                };
                marks.push((h.start.max(l.start) - l.start, h.end.min(l.end) - l.start, 4, style));
            }
        }
        if marks.is_empty() {
            return Line::styled(text, base);
        }
        marks.sort_by_key(|m| m.2);
        let mut cuts: Vec<usize> =
            marks.iter().flat_map(|m| [m.0, m.1]).chain([0, text.len()]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let spans = cuts
            .windows(2)
            .filter_map(|w| {
                let piece = text.get(w[0]..w[1])?;
                let style = marks
                    .iter()
                    .filter(|m| m.0 <= w[0] && w[1] <= m.1)
                    .fold(base, |s, m| s.patch(m.3));
                Some(Span::styled(piece, style))
            })
            .collect::<Vec<_>>();
        Line::from(spans)
    }
}
