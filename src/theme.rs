//! The theme: one style per element of the screen and per kind of fact.
//! `Style::new()` (no colour) means the terminal's own colours, so
//! transparent backgrounds stay transparent. [`Theme::monochrome`] uses only
//! bold, reverse and underline (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

use crate::facts::Kind;

/// A style per element; the configuration's `[theme]` names the same fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub dim: Style,
    pub headline: Style,
    pub furniture: Style,
    pub status: Style,
    pub key: Style,
    pub heading: Style,
    pub unread: Style,
    /// The selected fact's mentions, and the current mention, on top of the kind's style.
    pub mention: Style,
    pub current_mention: Style,
    /// Search hits, and the current hit.
    pub search_hit: Style,
    pub search_current: Style,
    /// One style per kind of fact, in [`Kind::ALL`] order.
    pub kinds: [Style; 7],
}

impl Default for Theme {
    fn default() -> Self {
        let fg = |c| Style::new().fg(c);
        Self {
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title_focused: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: fg(Color::DarkGray),
            headline: Style::new().add_modifier(Modifier::BOLD),
            furniture: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            unread: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            mention: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            current_mention: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            search_hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            search_current: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            kinds: [
                fg(Color::Green),
                fg(Color::LightGreen),
                fg(Color::Yellow),
                fg(Color::Magenta),
                fg(Color::Blue),
                fg(Color::Cyan),
                fg(Color::LightRed).add_modifier(Modifier::ITALIC),
            ],
        }
    }
}

impl Theme {
    /// Without colour: bold, reverse and underline keep selection and
    /// highlights visible.
    pub fn monochrome() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        Self {
            border: plain,
            border_focused: bold,
            title_focused: bold,
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            dim: plain,
            headline: bold,
            furniture: plain.add_modifier(Modifier::DIM),
            status: plain.add_modifier(Modifier::REVERSED),
            key: bold,
            heading: bold,
            unread: bold,
            mention: plain.add_modifier(Modifier::UNDERLINED),
            current_mention: plain.add_modifier(Modifier::REVERSED),
            search_hit: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            search_current: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            kinds: [bold, bold, bold, bold, bold, bold, plain.add_modifier(Modifier::ITALIC)],
        }
    }

    /// This theme without any colour (`--no-color`, `NO_COLOR`): each
    /// element keeps the modifiers it was given, on top of the monochrome
    /// style, so a configured colour never reaches the screen.
    #[must_use]
    pub fn without_colour(mut self) -> Self {
        let mut mono = Self::monochrome();
        for (style, base) in self.styles_mut().into_iter().zip(mono.styles_mut()) {
            let modifiers = Style::new().add_modifier(style.add_modifier);
            *style = base.patch(modifiers);
        }
        self
    }

    /// Every style of the theme, in a fixed order.
    fn styles_mut(&mut self) -> Vec<&mut Style> {
        let mut out = vec![
            &mut self.border,
            &mut self.border_focused,
            &mut self.title_focused,
            &mut self.selected,
            &mut self.selected_unfocused,
            &mut self.dim,
            &mut self.headline,
            &mut self.furniture,
            &mut self.status,
            &mut self.key,
            &mut self.heading,
            &mut self.unread,
            &mut self.mention,
            &mut self.current_mention,
            &mut self.search_hit,
            &mut self.search_current,
        ];
        out.extend(self.kinds.iter_mut());
        out
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused { self.border_focused } else { self.border }
    }

    pub fn title(&self, focused: bool) -> Style {
        if focused { self.title_focused } else { Style::new() }
    }

    pub fn selected(&self, focused: bool) -> Style {
        if focused { self.selected } else { self.selected_unfocused }
    }

    pub fn kind(&self, kind: Kind) -> Style {
        self.kinds[Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_keeps_modifiers_and_drops_every_colour() {
        let mut theme = Theme::default();
        theme.kinds[0] = Style::new().fg(Color::Rgb(255, 136, 0)).add_modifier(Modifier::ITALIC);
        let mono = theme.without_colour();
        let mut check = mono.clone();
        for style in check.styles_mut() {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(mono.kinds[0].add_modifier.contains(Modifier::ITALIC | Modifier::BOLD));
        assert_eq!(Theme::default().without_colour().selected, Theme::monochrome().selected);
    }
}
