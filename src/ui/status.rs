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
use crate::keys::{Action, Context};

/// The actions hinted at, and what the hint calls them; the keys come
/// from the key map (`n/p` for a pair).
const HINTS: &[(&[Action], &str)] = &[
    (&[Action::NextPane], "pane"),
    (&[Action::NextArticle, Action::PrevArticle], "article"),
    (&[Action::ToggleSidebar], "facts"),
    (&[Action::Help], "help"),
    (&[Action::Quit], "quit"),
];

/// The keys of hinted actions (`n/p` for a pair), from the map in a
/// context, with what the hint calls them; an action no key reaches is
/// left out.
fn hint_keys<'a>(
    app: &App,
    ctx: Context,
    pairs: &[(&[Action], &'a str)],
) -> Vec<(String, &'a str)> {
    pairs
        .iter()
        .filter_map(|(actions, what)| {
            let keys: Option<Vec<String>> =
                actions.iter().map(|a| app.keymap.hint(*a, ctx)).collect();
            keys.map(|k| (k.join("/"), *what))
        })
        .collect()
}

/// The status line's hints: ` key what ` spans, keys highlighted.
fn hints(app: &App, ctx: Context, pairs: &[(&[Action], &str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (keys, what) in hint_keys(app, ctx, pairs) {
        spans.push(Span::styled(format!(" {keys}"), app.theme.key));
        spans.push(Span::raw(format!(" {what} ")));
    }
    spans
}

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
    } else if app.search_pending() {
        left.push_str("· indexing ");
    }
    if app.checking {
        left.push_str("· checking the files ");
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
    // The hints that fit, the first ones given up first (quit and help stay longest).
    let mut hints = hints(app, app.context(), HINTS);
    let hints_width = |h: &[Span]| h.iter().map(|s| s.content.width()).sum::<usize>();
    while !hints.is_empty() && left.width() + hints_width(&hints) >= width {
        hints.drain(..2);
    }
    let hints_width = hints_width(&hints);
    if !hints.is_empty() {
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
    let (prompt, found) = match kind {
        BoxKind::Article => ("/", app.article_search.as_ref().map(counter).unwrap_or_default()),
        BoxKind::Corpus => ("search all: ", app.corpus_search_status()),
        BoxKind::Title => ("filter titles: ", format!("{} article(s)", app.visible.len())),
        BoxKind::Correct => (&*app.correction_prompt(), String::new()),
    };
    let ctx = app.key_context();
    let pairs: &[(&[Action], &str)] = match kind {
        BoxKind::Corpus => &[
            (&[Action::Up, Action::Down], "choose"),
            (&[Action::Confirm], "open"),
            (&[Action::Cancel], "close"),
        ],
        BoxKind::Correct => &[(&[Action::Confirm], "correct"), (&[Action::Cancel], "cancel")],
        _ => &[(&[Action::Confirm], "keep"), (&[Action::Cancel], "clear")],
    };
    let (before, after) =
        app.text_box.as_ref().map_or(("", ""), crate::app::search::TextBox::split);
    let hint: Vec<String> =
        hint_keys(app, ctx, pairs).into_iter().map(|(k, what)| format!("{k} {what}")).collect();
    let line = Line::from(vec![
        Span::styled(format!(" {prompt}"), app.theme.key),
        Span::raw(before.to_string()),
        Span::raw("▏"),
        Span::raw(after.to_string()),
        Span::raw(format!("  {found}")),
        Span::styled(format!("  {}", hint.join(" · ")), app.theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
