//! The article's header in the reading pane: each field's label dimmed in
//! a column of its own, the value beside it (a long value wrapped under
//! itself, not under the label).

use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::reader::{HEADER_LABEL_WIDTH, VisualLine};
use crate::corpus::HeaderField;

/// One screen line of the header: the label on a field's first line.
pub fn line<'t>(app: &App, field: HeaderField, l: &VisualLine, text: &'t str) -> Line<'t> {
    let label = if l.start == 0 { field.label() } else { "" };
    Line::from(vec![
        Span::styled(format!("{label:<HEADER_LABEL_WIDTH$}"), app.theme.dim),
        Span::styled(text, app.theme.furniture),
    ])
}
