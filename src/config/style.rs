//! Styles as the configuration writes them: `default` (the terminal's own
//! colours), a foreground colour, `on` a background colour, and modifiers —
//! `cyan bold`, `black on yellow`, `#ff8800 italic`.

use ratatui::style::{Color, Modifier, Style};

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

/// Parses a style; the error says which word is wrong.
pub fn parse_style(s: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = s.split_whitespace().peekable();
    let mut seen_fg = false;
    while let Some(word) = words.next() {
        let lower = word.to_lowercase();
        if lower == "default" {
            continue;
        }
        if lower == "on" {
            let bg = words.next().ok_or("`on` needs a colour after it")?;
            style = style.bg(parse_color(bg)?);
        } else if let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| *n == lower) {
            style = style.add_modifier(*m);
        } else if !seen_fg {
            style = style.fg(parse_color(word)?);
            seen_fg = true;
        } else {
            return Err(format!(
                "unexpected {word:?} (a style is: colour [on colour] [bold|dim|italic|underlined|reversed|crossed_out]…)"
            ));
        }
    }
    Ok(style)
}

/// A colour by ratatui's names (`cyan`, `darkgray`, `light-red`, `grey`),
/// `#rrggbb` or a palette index (`208`).
fn parse_color(s: &str) -> Result<Color, String> {
    s.parse::<Color>()
        .map_err(|_| format!("unknown colour {s:?} (a name such as cyan or darkgray, or #rrggbb)"))
}

/// A style as the configuration writes it.
pub fn format_style(style: Style) -> String {
    let mut words = Vec::new();
    if let Some(fg) = style.fg {
        words.push(format_color(fg));
    }
    if let Some(bg) = style.bg {
        words.push(format!("on {}", format_color(bg)));
    }
    for (name, m) in MODIFIERS {
        if style.add_modifier.contains(*m) {
            words.push((*name).to_string());
        }
    }
    if words.is_empty() { "default".into() } else { words.join(" ") }
}

/// A colour as [`parse_color`] reads it: `darkgray`, `#ff8800`.
fn format_color(c: Color) -> String {
    c.to_string().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_round_trip() {
        for s in
            ["default", "cyan bold", "black on yellow", "#ff8800 italic underlined", "reversed"]
        {
            let style = parse_style(s).unwrap();
            assert_eq!(parse_style(&format_style(style)).unwrap(), style, "{s}");
        }
        assert_eq!(parse_style("default").unwrap(), Style::new());
        assert_eq!(
            parse_style("DarkGray on #FF8800").unwrap(),
            parse_style("darkgray on #ff8800").unwrap()
        );
        assert_eq!(
            format_style(parse_style("lightred on #FF8800").unwrap()),
            "lightred on #ff8800"
        );
        assert!(parse_style("blurple").is_err());
        assert!(parse_style("red green").is_err());
        assert!(parse_style("red on").is_err());
    }
}
