//! What the overlays hold and where they stand: the help screen's rows
//! (the key table, each description wrapped under its column), the
//! problems' rows, and the overlay's rectangle for the screen. Drawing (in
//! `ui`) styles these rows; scrolling (in the app) stops at their end.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{App, Overlay};
use crate::facts::Kind;
use crate::keys::{Action, Context, Sequence};
use crate::text::fit;

/// Columns of the help table's `where` and `keys` columns.
pub const SCOPE_COLUMNS: usize = 14;
pub const KEYS_COLUMNS: usize = 22;
/// Widest the help overlay gets.
const HELP_WIDTH: u16 = 116;
/// What the legend of the kinds of fact starts with.
pub const LEGEND: &str = "Facts in the text: ";
/// Narrower than this, a description is cut with `…` rather than wrapped.
const MIN_DESCRIPTION: usize = 16;

/// One row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// The table's heading.
    Header,
    /// A binding; its description's further rows have neither scope nor keys.
    Binding {
        scope: String,
        keys: String,
        description: String,
    },
    Blank,
    /// The colours of the kinds of fact: a row of them, the first after
    /// [`LEGEND`].
    Legend {
        first: bool,
        kinds: Vec<Kind>,
    },
    /// A line of explanation.
    Note(String),
}

impl App {
    /// The help overlay's rows for a text width.
    pub fn help_lines(&self, width: usize) -> Vec<HelpLine> {
        let mut lines = vec![HelpLine::Header];
        for b in &self.keymap.bindings {
            let keys: Vec<String> = b.keys.iter().map(Sequence::display).collect();
            let keys = keys.join(", ");
            let scope = b.scope.label().to_string();
            let indent = SCOPE_COLUMNS + 1 + keys.width().max(KEYS_COLUMNS) + 1;
            let room = width.saturating_sub(indent);
            let description = b.action.describe();
            let rows = if room < MIN_DESCRIPTION {
                vec![fit(description, room.max(1))]
            } else {
                crate::wrap::wrap(description, room)
                    .iter()
                    .map(|r| description.get(r.start..r.end).unwrap_or("").to_string())
                    .collect()
            };
            for (i, description) in rows.into_iter().enumerate() {
                let (scope, keys) = if i == 0 {
                    (scope.clone(), keys.clone())
                } else {
                    (String::new(), String::new())
                };
                lines.push(HelpLine::Binding { scope, keys, description });
            }
        }
        lines.push(HelpLine::Blank);
        // The kinds, as many to a row as fit after the legend's words.
        let mut row: Vec<Kind> = Vec::new();
        let mut used = LEGEND.width();
        for kind in Kind::ALL {
            let w = kind.heading().width() + 1;
            if !row.is_empty() && used + w > width {
                lines.push(HelpLine::Legend {
                    first: !lines.iter().any(|l| matches!(l, HelpLine::Legend { .. })),
                    kinds: std::mem::take(&mut row),
                });
                used = LEGEND.width();
            }
            used += w;
            row.push(kind);
        }
        let first = !lines.iter().any(|l| matches!(l, HelpLine::Legend { .. }));
        lines.push(HelpLine::Legend { first, kinds: row });
        let list = Context::List;
        let notes = [
            format!(
                "The selected fact's mentions are underlined, the current one reversed; {} turns colours off.",
                self.hint_in(Action::ToggleHighlight, list)
            ),
            "Sidebar: ×N mentions; +N art. = named in N other articles.".to_string(),
            "Mouse: the wheel scrolls the pane under the pointer; a click selects.".to_string(),
            format!(
                "The list's filter ({}) takes words of the title and site:NAME author:NAME after:YYYY-MM-DD before:YYYY-MM-DD.",
                self.hint_in(Action::FilterTitle, list)
            ),
            format!(
                "{} close an overlay or the facts view; over the panes {} quits; {} always quits.",
                self.keymap
                    .keys_for(Action::Escape, Context::Overlay)
                    .iter()
                    .map(|k| k.display())
                    .collect::<Vec<_>>()
                    .join(" or "),
                self.hint_in(Action::Quit, list),
                crate::keys::ALWAYS_QUITS.display()
            ),
        ];
        for note in notes {
            for r in crate::wrap::wrap(&note, width.max(1)) {
                lines.push(HelpLine::Note(note.get(r.start..r.end).unwrap_or("").to_string()));
            }
        }
        lines
    }

    /// The problems overlay's rows, each cut to the text width with `…`:
    /// the files not loaded, then the notes (`None`: the notes' heading).
    pub fn problem_lines(&self, width: usize) -> Vec<Option<String>> {
        let mut lines: Vec<Option<String>> =
            self.corpus.problems.iter().map(|p| Some(fit(&p.to_string(), width))).collect();
        if lines.is_empty() {
            lines.push(Some("Every file loaded.".into()));
        }
        if !self.corpus.notes.is_empty() {
            lines.push(Some(String::new()));
            lines.push(None);
            lines.extend(self.corpus.notes.iter().map(|n| Some(fit(&n.to_string(), width))));
        }
        lines
    }

    /// The overlay's title, its keys drawn from the key map.
    pub fn overlay_title(&self, overlay: Overlay) -> String {
        let ctx = Context::Overlay;
        let close = self.hint_in(Action::Escape, ctx);
        match overlay {
            Overlay::Help { .. } => format!(
                " Help — {close} or {} closes, {}/{} scroll, {} end ",
                self.hint_in(Action::Help, ctx),
                self.hint_in(Action::ScrollDown, ctx),
                self.hint_in(Action::ScrollUp, ctx),
                self.hint_in(Action::Bottom, ctx),
            ),
            Overlay::Problems { .. } => format!(" Files not loaded — {close} closes "),
        }
    }

    /// Where an overlay stands on the screen: centred, as wide as it needs
    /// up to the screen, as tall as its rows up to the screen.
    pub fn overlay_rect(&self, overlay: Overlay) -> Rect {
        let area = self.size;
        let width = match overlay {
            Overlay::Help { .. } => HELP_WIDTH.min(area.width.saturating_sub(4)),
            Overlay::Problems { .. } => {
                let widest = self
                    .corpus
                    .problems
                    .iter()
                    .map(|p| p.to_string().width())
                    .chain(self.corpus.notes.iter().map(|n| n.to_string().width()))
                    .chain([self.overlay_title(overlay).width(), 24])
                    .max()
                    .unwrap_or(0);
                u16::try_from(widest.saturating_add(4)).unwrap_or(u16::MAX).min(area.width)
            }
        };
        let rows = self.overlay_rows(overlay, Self::overlay_text_width(width));
        let height = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX).min(area.height);
        let (w, h) = (width.min(area.width), height.min(area.height));
        Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
    }

    /// Columns of text inside an overlay `width` wide (border and margin off).
    pub const fn overlay_text_width(width: u16) -> usize {
        width.saturating_sub(4) as usize
    }

    fn overlay_rows(&self, overlay: Overlay, width: usize) -> usize {
        match overlay {
            Overlay::Help { .. } => self.help_lines(width).len(),
            Overlay::Problems { .. } => self.problem_lines(width).len(),
        }
    }

    /// Rows of text an overlay shows at once.
    pub(super) fn overlay_page(&self) -> usize {
        self.overlay
            .map_or(1, |o| usize::from(self.overlay_rect(o).height.saturating_sub(2)).max(1))
    }

    /// The furthest an overlay scrolls: its last row at the bottom.
    pub(super) fn overlay_max_scroll(&self, overlay: Overlay) -> usize {
        let rect = self.overlay_rect(overlay);
        let rows = self.overlay_rows(overlay, Self::overlay_text_width(rect.width));
        rows.saturating_sub(usize::from(rect.height.saturating_sub(2)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::app_for;
    use crate::corpus::Corpus;

    #[test]
    fn descriptions_wrap_whole_words_under_their_column() {
        for (w, h) in [(80, 24), (120, 40)] {
            let app = app_for(Corpus::bundled(), (w, h));
            let rect = app.overlay_rect(Overlay::Help { scroll: 0 });
            assert!(rect.width <= w && rect.height <= h);
            let width = App::overlay_text_width(rect.width);
            let lines = app.help_lines(width);
            let mut described: Vec<String> = Vec::new();
            for line in &lines {
                if let HelpLine::Binding { scope, keys, description } = line {
                    let indent = SCOPE_COLUMNS + 1 + keys.width().max(KEYS_COLUMNS) + 1;
                    assert!(indent + description.width() <= width, "{description:?} at {w}");
                    if scope.is_empty() {
                        let last = described.last_mut().unwrap();
                        last.push(' ');
                        last.push_str(description);
                    } else {
                        described.push(description.clone());
                    }
                }
            }
            let wanted: Vec<&str> =
                app.keymap.bindings.iter().map(|b| b.action.describe()).collect();
            assert_eq!(described, wanted, "at {w} columns every description is whole");
            assert!(lines.iter().all(|l| match l {
                HelpLine::Note(n) => n.width() <= width,
                _ => true,
            }));
        }
    }
}
