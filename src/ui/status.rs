//! The status line: which article of how many, its language, length and
//! reading progress, a one-off note, and a few key hints.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::list::group;
use crate::app::App;
use crate::app::search::{ArticleSearch, BoxKind};

const HINTS: &[(&str, &str)] =
    &[("Tab", "pane"), ("n/p", "article"), ("f", "facts"), ("?", "help"), ("q", "quit")];

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let mut left = match app.doc() {
        Some(doc) => format!(
            " {}/{} · {} · {} words · {}% ",
            app.selected + 1,
            app.corpus.docs.len(),
            doc.lang,
            group(doc.words),
            app.progress()
        ),
        None if app.is_loading() => " ".to_string(),
        None => " no articles ".to_string(),
    };
    if let Some(p) = &app.loading {
        let _ = write!(left, "· {} ", loading(p));
    } else if !app.index_ready {
        match app.facts_pending() {
            0 => left.push_str("· indexing "),
            n => {
                let _ = write!(left, "· extracting facts: {} to go ", group(n));
            }
        }
    }
    if let Some(s) = &app.article_search {
        let _ = write!(left, "· /{} {} ", s.query, counter(s));
    }
    if !app.pending_keys.is_empty() {
        let keys: Vec<String> = app.pending_keys.iter().map(ToString::to_string).collect();
        let _ = write!(left, "· {}… ", keys.join(" "));
    }
    if let Some(note) = &app.note {
        left.push_str("· ");
        left.push_str(note);
        left.push(' ');
    }
    let left = fit(&left, width);
    let mut spans = vec![Span::raw(left.clone())];
    let mut hints = Vec::new();
    for (key, what) in HINTS {
        hints.push(Span::styled(format!(" {key}"), app.theme.key));
        hints.push(Span::raw(format!(" {what} ")));
    }
    let hints_width: usize = hints.iter().map(|s| s.content.width()).sum();
    if left.width() + hints_width < width {
        spans.push(Span::raw(" ".repeat(width - left.width() - hints_width)));
        spans.extend(hints);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(app.theme.status), area);
}

/// The progress line of a load: files, megabytes, rate.
fn loading(p: &crate::corpus::Progress) -> String {
    if p.files_total == 0 {
        return "loading…".into();
    }
    format!(
        "loading {}/{} files · {} MB · {:.0} MB/s",
        group(p.files_done),
        group(p.files_total),
        p.bytes_done / 1_000_000,
        p.mb_per_second()
    )
}

/// `3/7` (current/total), or that nothing matches.
fn counter(s: &ArticleSearch) -> String {
    if s.hits.is_empty() {
        "no match".into()
    } else {
        format!("{}/{}", s.current + 1, s.hits.len())
    }
}

/// The text box in place of the status line: what it is for, the text with
/// a cursor, and what it finds.
pub fn draw_box(app: &App, kind: BoxKind, frame: &mut Frame, area: Rect) {
    let text = app.text_box.as_ref().map_or("", |b| b.text.as_str());
    let (prompt, found) = match kind {
        BoxKind::Article => ("/", app.article_search.as_ref().map(counter).unwrap_or_default()),
        BoxKind::Corpus => (
            "search all: ",
            app.corpus_search.as_ref().map_or(String::new(), |v| format!("{} article(s)", v.total)),
        ),
        BoxKind::Title => ("filter titles: ", format!("{} article(s)", app.visible.len())),
    };
    let hint = match kind {
        BoxKind::Corpus => "  ↑/↓ choose · Enter open · Esc close",
        _ => "  Enter keep · Esc clear",
    };
    let line = Line::from(vec![
        Span::styled(format!(" {prompt}"), app.theme.key),
        Span::raw(format!("{text}▏")),
        Span::raw(format!("  {found}")),
        Span::styled(hint, app.theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
