//! The key notation of the key map, the configuration and `dossier render
//! --keys`: a character stands for itself (`j`, `G`, `?`), named keys are
//! `Enter Esc Tab BackTab Space Up Down Left Right PgUp PgDn Home End
//! Backspace Delete Insert F1`…`F12`, and modifiers are written `C-x` (Ctrl)
//! and `A-x` (Alt). Text in this notation is parsed once, when the
//! configuration (or `--keys`) is read, into [`Key`]s and [`Sequence`]s;
//! a key press is then compared by value.

use std::fmt;
use std::str::FromStr;

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

/// One key as the key map knows it: a key code and the Ctrl and Alt
/// modifiers. Shift is part of the key itself (`G`, `?`, `BackTab`), as
/// terminals report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// A key without Ctrl or Alt.
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false, alt: false }
    }

    /// A character key without Ctrl or Alt: `j`, `?`.
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Ctrl and a character: `C-c`.
    pub const fn ctrl(c: char) -> Self {
        Self { code: KeyCode::Char(c), ctrl: true, alt: false }
    }

    /// A key press as the notation names it, or `None` for keys it cannot
    /// name (media keys and the like).
    pub fn from_event(event: &KeyEvent) -> Option<Self> {
        match event.code {
            KeyCode::Char(_) | KeyCode::F(_) => {}
            code if NAMED.iter().any(|(_, k)| *k == code) => {}
            _ => return None,
        }
        Some(Self {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// The key press this key stands for (Shift with `BackTab`, as
    /// terminals send it).
    pub fn event(self) -> KeyEvent {
        let mut modifiers = KeyModifiers::NONE;
        if self.ctrl {
            modifiers |= KeyModifiers::CONTROL;
        }
        if self.alt {
            modifiers |= KeyModifiers::ALT;
        }
        if self.code == KeyCode::BackTab {
            modifiers |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(self.code, modifiers)
    }

    /// How the key is shown to people: `Ctrl-c`, `↓`, `Shift-Tab`.
    pub fn display(self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            _ => Self::plain(self.code).to_string(),
        };
        let ctrl = if self.ctrl { "Ctrl-" } else { "" };
        let alt = if self.alt { "Alt-" } else { "" };
        format!("{ctrl}{alt}{base}")
    }
}

impl fmt::Display for Key {
    /// The key in the notation: `C-d`, `Enter`, `F5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("A-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => f.write_str(NAMED.iter().find(|(_, k)| *k == code).map_or("?", |(n, _)| n)),
        }
    }
}

impl FromStr for Key {
    type Err = String;

    /// Parses one key in the notation (`j`, `C-d`, `Enter`, `F5`).
    fn from_str(s: &str) -> Result<Self, String> {
        let (mut ctrl, mut alt) = (false, false);
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("C-").filter(|r| !r.is_empty()) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("A-").filter(|r| !r.is_empty()) {
                alt = true;
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
        Ok(Self { code, ctrl, alt })
    }
}

/// Keys pressed one after the other for one binding: `g g`, `C-x C-s`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sequence(pub Vec<Key>);

impl Sequence {
    /// How the sequence is shown to people: `g g`, `Ctrl-x Ctrl-s`.
    pub fn display(&self) -> String {
        self.0.iter().map(|k| k.display()).collect::<Vec<_>>().join(" ")
    }
}

impl fmt::Display for Sequence {
    /// The sequence in the notation, keys separated by one space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, key) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{key}")?;
        }
        Ok(())
    }
}

impl FromStr for Sequence {
    type Err = String;

    /// Whitespace-separated keys, at least one.
    fn from_str(s: &str) -> Result<Self, String> {
        let keys = s.split_whitespace().map(Key::from_str).collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err("an empty key".into());
        }
        Ok(Self(keys))
    }
}

/// Parses whitespace-separated keys into the key presses they stand for
/// (`dossier render --keys`, tests, benchmarks).
pub fn parse_keys(s: &str) -> Result<Vec<KeyEvent>, String> {
    s.split_whitespace().map(|k| Key::from_str(k).map(Key::event)).collect()
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
            let key: Key = s.parse().unwrap();
            assert_eq!(key.to_string(), s);
            assert_eq!(Key::from_event(&key.event()), Some(key), "{s}");
        }
        assert!("Foo".parse::<Key>().is_err());
        assert!("F13".parse::<Key>().is_err());
        assert!("C-".parse::<Key>().is_err());
    }

    #[test]
    fn a_key_press_with_shift_is_its_character() {
        let shifted_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shifted_g), Some(Key::char('G')));
        let media = KeyEvent::new(KeyCode::CapsLock, KeyModifiers::NONE);
        assert_eq!(Key::from_event(&media), None);
    }

    #[test]
    fn sequences_parse_and_show() {
        let seq: Sequence = "  g   g ".parse().unwrap();
        assert_eq!(seq.to_string(), "g g");
        let seq: Sequence = "C-x Down BackTab".parse().unwrap();
        assert_eq!(seq.display(), "Ctrl-x ↓ Shift-Tab");
        assert_eq!("   ".parse::<Sequence>(), Err("an empty key".into()));
    }
}
