//! `dossier render`: the reader's screen after some keys, drawn on a
//! headless terminal and printed as text (one line per row) or written as
//! an SVG with colours. Tests, scripts and the README screenshot use it.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use rayon::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::facts::Extractor;
use crate::keys::parse_keys;

/// The reader's state for a corpus: facts extracted, laid out for `size`.
pub fn app_for(corpus: Corpus, size: (u16, u16)) -> App {
    let extractor = Extractor::new();
    let facts: Vec<_> = corpus.docs.par_iter().map(|d| extractor.extract(d)).collect();
    let mut app = App::new(corpus, &facts, Rect::new(0, 0, size.0, size.1));
    app.data_dir = data_dir();
    app
}

/// The reader's state before any article has come (they load in the
/// background), laid out for `size`.
pub fn empty_app(size: (u16, u16)) -> App {
    let mut app = App::new(Corpus::default(), &[], Rect::new(0, 0, size.0, size.1));
    app.data_dir = data_dir();
    app
}

/// dossier's data directory (`$XDG_DATA_HOME/dossier` on Linux), where
/// exports go.
pub fn data_dir() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("", "", "dossier").map(|p| p.data_dir().to_path_buf())
}

/// Draws the screen after `keys` with the default configuration and
/// returns it as text.
pub fn render(corpus: Corpus, size: (u16, u16), keys: &str, svg: Option<&Path>) -> Result<String> {
    render_configured(corpus, Config::default(), size, keys, svg)
}

/// Draws the screen after `keys` and returns it as text.
pub fn render_configured(
    corpus: Corpus,
    config: Config,
    size: (u16, u16),
    keys: &str,
    svg: Option<&Path>,
) -> Result<String> {
    let extractor = Extractor::new();
    let facts: Vec<_> = corpus.docs.par_iter().map(|d| extractor.extract(d)).collect();
    render_loaded(corpus, &facts, config, size, keys, svg)
}

/// [`render_configured`] with each article's facts known already (read
/// back from the library).
pub fn render_loaded(
    corpus: Corpus,
    facts: &[Vec<crate::facts::Fact>],
    config: Config,
    size: (u16, u16),
    keys: &str,
    svg: Option<&Path>,
) -> Result<String> {
    let keys = parse_keys(keys).map_err(|e| anyhow!(e))?;
    let mut app = App::new(corpus, facts, Rect::new(0, 0, size.0, size.1));
    app.data_dir = data_dir();
    app.configure(config);
    // No worker thread here: each corpus search is answered at once.
    let mut searcher = crate::app::search::Searcher::default();
    for key in keys {
        app.handle_key(key);
        app.answer_here(&mut searcher);
        app.suspend = false;
        if app.quit {
            break;
        }
    }
    let buffer = draw(&app)?;
    if let Some(path) = svg {
        std::fs::write(path, to_svg(&buffer)).with_context(|| {
            format!("cannot write {}", crate::text::one_line(&path.display().to_string()))
        })?;
    }
    Ok(to_text(&buffer))
}

/// Draws one frame of `app` on a headless terminal of the app's size.
pub fn draw(app: &App) -> Result<Buffer> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height))?;
    terminal.draw(|f| crate::ui::render(app, f))?;
    Ok(terminal.backend().buffer().clone())
}

/// The screen as text: one line per row, trailing spaces removed.
pub fn to_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;

/// The screen as an SVG: a dark terminal, one text element per cell.
pub fn to_svg(buffer: &Buffer) -> String {
    let (w, h) = (buffer.area.width, buffer.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        f32::from(w) * CELL_W,
        f32::from(h) * CELL_H
    );
    let _ = writeln!(out, r##"<rect width="100%" height="100%" fill="#1e1e2e"/>"##);
    for y in 0..h {
        let mut skip = 0;
        for x in 0..w {
            let cell = &buffer[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = cell.symbol().width().saturating_sub(1);
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (color(cell.fg, "#cdd6f4"), color(cell.bg, "#1e1e2e"));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (px, py) = (f32::from(x) * CELL_W, f32::from(y) * CELL_H);
            if bg != "#1e1e2e" {
                let cw = CELL_W * cell.symbol().width().max(1) as f32;
                let _ = writeln!(
                    out,
                    r#"<rect x="{px}" y="{py}" width="{cw}" height="{CELL_H}" fill="{bg}"/>"#
                );
            }
            let symbol = cell.symbol();
            if symbol.trim().is_empty() {
                continue;
            }
            let weight =
                if cell.modifier.contains(Modifier::BOLD) { r#" font-weight="bold""# } else { "" };
            let _ = writeln!(
                out,
                r#"<text x="{px}" y="{}" fill="{fg}"{weight}>{}</text>"#,
                py + CELL_H * 0.75,
                escape_xml(symbol)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn color(c: Color, default: &'static str) -> String {
    let named = match c {
        Color::Reset | Color::Indexed(_) => default,
        Color::Black => "#45475a",
        Color::Red | Color::LightRed => "#f38ba8",
        Color::Green => "#a6e3a1",
        Color::LightGreen => "#94e2d5",
        Color::Yellow | Color::LightYellow => "#f9e2af",
        Color::Blue | Color::LightBlue => "#89b4fa",
        Color::Magenta | Color::LightMagenta => "#f5c2e7",
        Color::Cyan | Color::LightCyan => "#89dceb",
        Color::Gray | Color::White => "#bac2de",
        Color::DarkGray => "#6c7086",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
    };
    named.to_string()
}
