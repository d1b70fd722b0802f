//! Styles. Text keeps the terminal's own colours (so transparent
//! backgrounds stay transparent); colour marks focus, selection and kinds.

use ratatui::style::{Color, Modifier, Style};

use crate::facts::Kind;

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn title(focused: bool) -> Style {
    if focused { Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD) } else { Style::new() }
}

pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn headline() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn furniture() -> Style {
    Style::new().fg(Color::DarkGray).add_modifier(Modifier::ITALIC)
}

pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// One colour per kind of fact.
pub fn kind(kind: Kind) -> Style {
    Style::new().fg(match kind {
        Kind::Money => Color::Green,
        Kind::Percent => Color::LightGreen,
        Kind::Date => Color::Yellow,
        Kind::Person => Color::Magenta,
        Kind::Org => Color::Blue,
        Kind::Place => Color::Cyan,
        Kind::Quote => Color::LightRed,
    })
}

pub fn unread_mark() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// Quotes are long: marked by slant and colour, not by weight.
pub fn quote() -> Style {
    kind(Kind::Quote).add_modifier(Modifier::ITALIC)
}
