//! The key notation of the key map, the configuration and `dossier render
//! --keys`: a character stands for itself (`j`, `G`, `?`), named keys are
//! `Enter Esc Tab BackTab Space Up Down Left Right PgUp PgDn Home End
//! Backspace Delete Insert F1`…`F12`, and modifiers are written `C-x` (Ctrl)
//! and `A-x` (Alt).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

/// A key event in the notation of the table, or `None` for keys it cannot
/// name (media keys and the like).
pub fn notation(key: &KeyEvent) -> Option<String> {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMED.iter().find(|(_, k)| *k == code)?.0.to_string(),
    };
    let mut out = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        out.push_str("C-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        out.push_str("A-");
    }
    out.push_str(&base);
    Some(out)
}

/// Parses one key in the notation (`j`, `C-d`, `Enter`, `F5`).
pub fn parse_key(s: &str) -> Result<KeyEvent, String> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("C-").filter(|r| !r.is_empty()) {
            modifiers |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("A-").filter(|r| !r.is_empty()) {
            modifiers |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => {
            if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == rest) {
                *code
            } else if let Some(n) = rest
                .strip_prefix('F')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=12).contains(n))
            {
                KeyCode::F(n)
            } else {
                return Err(format!(
                    "unknown key {s:?} (try a character, C-x, A-x, Enter, Esc, Tab, Space, Up, PgDn, F1…)"
                ));
            }
        }
    };
    if code == KeyCode::BackTab {
        modifiers |= KeyModifiers::SHIFT;
    }
    Ok(KeyEvent::new(code, modifiers))
}

/// Parses whitespace-separated keys.
pub fn parse_keys(s: &str) -> Result<Vec<KeyEvent>, String> {
    s.split_whitespace().map(parse_key).collect()
}

/// How a key is shown to people: `Ctrl-c`, `↓`, `Shift-Tab`.
pub fn display(key: &str) -> String {
    if let Some(rest) = key.strip_prefix("C-") {
        return format!("Ctrl-{}", display(rest));
    }
    if let Some(rest) = key.strip_prefix("A-") {
        return format!("Alt-{}", display(rest));
    }
    match key {
        "Up" => "↑".into(),
        "Down" => "↓".into(),
        "Left" => "←".into(),
        "Right" => "→".into(),
        "BackTab" => "Shift-Tab".into(),
        other => other.into(),
    }
}

/// A key sequence as people read it: `g g`, `Ctrl-x Ctrl-s`.
pub fn display_sequence(keys: &str) -> String {
    keys.split_whitespace().map(display).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_round_trips() {
        for s in [
            "j", "G", "?", "/", "C-c", "C-d", "A-x", "Enter", "Esc", "Tab", "BackTab", "Space",
            "PgDn", "F5", "Up",
        ] {
            let key = parse_key(s).unwrap();
            assert_eq!(notation(&key).as_deref(), Some(s), "{s}");
        }
        assert!(parse_key("Foo").is_err());
        assert!(parse_key("F13").is_err());
    }
}
