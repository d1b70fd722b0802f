//! Styles as the configuration writes them: `default` (the terminal's own
//! colours), a foreground colour, `on` a background colour, and modifiers —
//! `cyan bold`, `black on yellow`, `#ff8800 italic`.

use ratatui::style::{Color, Modifier, Style};

const COLORS: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

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

fn parse_color(s: &str) -> Result<Color, String> {
    let lower = s.to_lowercase();
    if let Some((_, c)) = COLORS.iter().find(|(n, _)| *n == lower) {
        return Ok(*c);
    }
    if let Some(hex) = lower.strip_prefix('#')
        && hex.len() == 6
        && let Ok(n) = u32::from_str_radix(hex, 16)
    {
        return Ok(Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8));
    }
    Err(format!("unknown colour {s:?} (a name such as cyan or darkgray, or #rrggbb)"))
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

fn format_color(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => COLORS.iter().find(|(_, k)| *k == other).map_or("default", |(n, _)| n).to_string(),
    }
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
        assert!(parse_style("blurple").is_err());
        assert!(parse_style("red green").is_err());
        assert!(parse_style("red on").is_err());
    }
}
