//! Drawing: a pure function of [`App`]. Nothing here changes state; the
//! same [`render`] feeds a real terminal and `TestBackend`.

mod corrections;
mod dossier;
mod facts_view;
mod header;
mod help;
mod list;
mod reader;
mod search;
mod sidebar;
mod status;
mod watch;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::app::{App, Layer, Pane, View};
pub use crate::text::fit;

/// Draws the whole screen. Whatever was drawn, no cell sends a control or
/// bidi character to the terminal (see [`crate::text::safe_cell_symbol`]).
pub fn render(app: &App, frame: &mut Frame) {
    draw_screen(app, frame);
    for cell in &mut frame.buffer_mut().content {
        if let std::borrow::Cow::Owned(safe) = crate::text::safe_cell_symbol(cell.symbol()) {
            cell.set_symbol(&safe);
        }
    }
}

fn draw_screen(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if app.layout.too_small || area != app.size {
        let msg = if app.layout.too_small { "terminal too small" } else { "" };
        frame.render_widget(Paragraph::new(fit(msg, usize::from(area.width))), area);
        return;
    }
    // The layers bottom up: the topmost of the views and the panes (a view
    // covers the panes, which are then not drawn at all), the status line
    // unless a text box takes its place, then what lies over them.
    let layers = app.layers();
    let main = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let status = app.layout.status;
    let from = layers.iter().position(|l| matches!(l, Layer::View(_) | Layer::Panes(_)));
    let boxed = layers.iter().any(|l| matches!(l, Layer::TextBox(_)));
    for (i, layer) in layers.iter().enumerate().take(from.map_or(0, |f| f + 1)).rev() {
        match *layer {
            Layer::Panes(_) => draw_panes(app, frame),
            Layer::View(View::CorpusSearch) => {
                if let Some(view) = &app.corpus_search {
                    search::draw(app, view, frame, main);
                }
            }
            Layer::View(View::Dossier) => {
                if let Some(page) = app.dossiers.last() {
                    dossier::draw(app, page, frame, main);
                }
            }
            Layer::View(View::FactsView) => {
                if let Some(view) = &app.facts_view {
                    facts_view::draw(app, view, frame, main);
                }
            }
            Layer::View(View::Corrections) => {
                if let Some(view) = &app.corrections.view {
                    corrections::draw(app, view, frame, main);
                }
            }
            Layer::View(View::Watch) => {
                if let Some(view) = &app.watch_view {
                    watch::draw(app, view, frame, main);
                }
            }
            Layer::TextBox(kind) => status::draw_box(app, kind, frame, status),
            Layer::Overlay(overlay) => help::draw(app, frame, overlay),
        }
        if Some(i) == from && !boxed {
            status::draw(app, frame, status);
        }
    }
}

fn draw_panes(app: &App, frame: &mut Frame) {
    if let Some(r) = app.layout.list {
        list::draw(app, frame, r);
    }
    if let Some(r) = app.layout.reader {
        reader::draw(app, frame, r);
    }
    if let Some(r) = app.layout.sidebar {
        sidebar::draw(app, frame, r);
    }
}

/// A pane's frame, highlighted when it has focus; its title cut with `…`
/// to the pane's width.
fn pane_block(app: &App, pane: Pane, title: &str) -> Block<'static> {
    let focused = app.focus == pane;
    let width = app.layout.rect(pane).map_or(usize::MAX, border_room);
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(app.theme.border(focused))
        .title(Line::styled(fit(title, width), app.theme.title(focused)))
}

/// A full-screen view's frame (a thick border, `title` on it, cut to fit)
/// drawn over `area`; returns the room inside it.
fn view_frame(app: &App, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(Line::styled(fit(title, border_room(area)), app.theme.title(true)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Columns a title has on the top border of `area`, between its corners.
fn border_room(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(2))
}

/// A line of styled spans cut to `width` columns, with `…` where cut.
fn fit_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = unicode_width::UnicodeWidthStr::width(span.content.as_ref());
        if used + w < width {
            used += w;
            spans.push(span);
        } else {
            // `fit` leaves a column for the `…` it ends with.
            let room = width - used;
            spans.push(ratatui::text::Span::styled(fit(&span.content, room), span.style));
            break;
        }
    }
    Line::from(spans).style(line.style)
}
