//! The document list: each article's title (up to four rows) with a read
//! mark, then its language, length and reading time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{fit, pane_block};
use crate::app::{App, Pane};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let docs = &app.corpus.docs;
    let unread = app.visible.iter().filter(|&&d| !app.records[d].read).count();
    let mut title =
        format!(" Articles {}/{} · {unread} unread ", app.list_number(), app.visible.len());
    if !app.filters.is_empty() {
        let labels: Vec<String> = app.filters.iter().map(crate::app::Filter::label).collect();
        title = format!(
            " Articles {}/{} · {} ",
            app.list_number(),
            app.visible.len(),
            labels.join(" + ")
        );
    }
    let block = pane_block(app, Pane::List, &title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let focused = app.focus == Pane::List;
    let mut lines = Vec::new();
    for &i in app.visible.iter().skip(app.list_offset) {
        if lines.len() >= usize::from(inner.height) {
            break;
        }
        let doc = &docs[i];
        let rows = app.list_title(i);
        let cut = rows.iter().map(|r| r.len()).sum::<usize>() + rows.len() <= doc.title.len();
        let mut item: Vec<Line> = Vec::new();
        for (n, row) in rows.iter().enumerate() {
            let mark = match n {
                0 => Span::styled(
                    format!(
                        "{}{}{}",
                        if app.records[i].read { ' ' } else { '●' },
                        if app.records[i].starred { '★' } else { ' ' },
                        if app.watch.named_in(i).next().is_some() {
                            super::watch::MARK
                        } else {
                            ' '
                        }
                    ),
                    app.theme.unread,
                ),
                _ => Span::raw("   "),
            };
            let text =
                if cut && n + 1 == rows.len() { format!("{row}…") } else { (*row).to_string() };
            item.push(Line::from(vec![mark, Span::raw(fit(&text, width.saturating_sub(3)))]));
        }
        // The watched names it names come first.
        let watched: Vec<&str> = app.watch.named_in(i).collect();
        let watched = if watched.is_empty() {
            String::new()
        } else {
            format!("{} {} · ", super::watch::MARK, watched.join(", "))
        };
        let mut meta = format!(
            "   {watched}{} · {} words · {} min",
            doc.lang,
            group(doc.words),
            doc.reading_minutes()
        );
        for known in [&doc.date, &doc.site].into_iter().flatten() {
            meta.push_str(" · ");
            meta.push_str(known);
        }

        item.push(Line::styled(fit(&meta, width), app.theme.dim));
        if i == app.selected {
            let style = app.theme.selected(focused);
            for line in &mut item {
                // Fill the whole row, so the selection reads as a bar.
                line.spans.push(Span::raw(" ".repeat(width.saturating_sub(line.width()))));
                *line = std::mem::take(line).patch_style(style);
            }
        }
        lines.extend(item);
    }
    if docs.is_empty() {
        lines.push(Line::styled("no articles loaded", app.theme.dim));
    } else if app.visible.is_empty() {
        lines.push(Line::styled(fit(&app.nothing_listed(), width), app.theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `12345` → `12,345`.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
