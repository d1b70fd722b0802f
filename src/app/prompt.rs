//! The text boxes' editing (`/`, `S`): a cursor that moves by grapheme
//! (left, right, start, end), deleting a character or a word, and the last
//! few queries of each kind of box with ↑/↓. Every key goes through the key
//! map (the `prompt` and `search_prompt` scopes); a key the map does not
//! bind is typed. What the text then does (search, filter) is `search`'s.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent};
use unicode_segmentation::UnicodeSegmentation;

use super::App;
use super::search::BoxKind;
use crate::keys::{Action, Context, Key, Lookup};

/// Queries kept per kind of box.
const HISTORY: usize = 20;

/// The text box being typed into: its text and the cursor, a byte offset
/// into it that always falls between grapheme clusters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBox {
    pub kind: BoxKind,
    pub text: String,
    pub cursor: usize,
    /// Where the box is in its history (`None`: the text being typed), and
    /// that text while older queries are shown.
    recalled: Option<usize>,
    draft: String,
}

impl TextBox {
    /// A box holding `text`, the cursor at its end.
    pub fn new(kind: BoxKind, text: String) -> Self {
        Self { kind, cursor: text.len(), text, recalled: None, draft: String::new() }
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor.min(self.text.len()))
    }

    fn prev_boundary(&self) -> usize {
        let (before, _) = self.split();
        before.grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        let (before, after) = self.split();
        before.len() + after.graphemes(true).next().map_or(0, str::len)
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_start(&self) -> usize {
        let (before, _) = self.split();
        let trimmed = before.trim_end();
        trimmed.unicode_word_indices().next_back().map_or(0, |(i, _)| i).min(trimmed.len())
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Applies an editing action; returns whether the text changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let before = self.text.len();
        let removed = |b: &mut Self, range: std::ops::Range<usize>| {
            b.text.replace_range(range.clone(), "");
            b.cursor = range.start;
        };
        match action {
            Action::CursorLeft => self.cursor = self.prev_boundary(),
            Action::CursorRight => self.cursor = self.next_boundary(),
            Action::CursorStart => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.text.len(),
            Action::DeleteBack => removed(self, self.prev_boundary()..self.cursor),
            Action::DeleteForward => removed(self, self.cursor..self.next_boundary()),
            Action::DeleteWord => removed(self, self.word_start()..self.cursor),
            Action::DeleteToStart => removed(self, 0..self.cursor),
            _ => {}
        }
        self.text.len() != before
    }
}

/// The queries confirmed lately, per kind of box, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Histories(HashMap<BoxKind, Vec<String>>);

impl Histories {
    fn remember(&mut self, kind: BoxKind, query: &str) {
        if query.trim().is_empty() {
            return;
        }
        let list = self.0.entry(kind).or_default();
        list.retain(|q| q != query);
        list.push(query.to_string());
        if list.len() > HISTORY {
            list.remove(0);
        }
    }

    /// Steps a box back (`older`) or forward through its kind's history;
    /// returns whether the text changed.
    fn recall(&self, b: &mut TextBox, older: bool) -> bool {
        let list = self.0.get(&b.kind).map_or(&[][..], Vec::as_slice);
        let next = match (b.recalled, older) {
            (None, true) => list.len().checked_sub(1),
            (None, false) => return false,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) => (i + 1 < list.len()).then_some(i + 1),
        };
        if b.recalled.is_none() {
            if next.is_none() {
                return false;
            }
            b.draft = b.text.clone();
        }
        b.text = next.map_or_else(|| std::mem::take(&mut b.draft), |i| list[i].clone());
        b.recalled = next;
        b.cursor = b.text.len();
        true
    }
}

impl App {
    /// The key map's context for the box on top.
    pub(super) const fn box_context(kind: BoxKind) -> Context {
        match kind {
            BoxKind::Corpus => Context::SearchPrompt,
            BoxKind::Article | BoxKind::Title | BoxKind::Correct => Context::Prompt,
        }
    }

    /// A key while a text box is open: the key map's prompt keys edit,
    /// confirm or cancel; any other character is typed, so that `q` or
    /// `j` go into the box.
    pub(super) fn box_key(&mut self, kind: BoxKind, event: KeyEvent) {
        let Some(key) = Key::from_event(&event) else { return };
        match self.keymap.lookup(&[], key, Self::box_context(kind)) {
            Lookup::Action(action) => self.box_action(kind, action),
            Lookup::Pending | Lookup::None => {
                if let (KeyCode::Char(c), false, false) = (key.code, key.ctrl, key.alt) {
                    self.change_box(|b, _| {
                        b.insert(c);
                        true
                    });
                }
            }
        }
    }

    fn box_action(&mut self, kind: BoxKind, action: Action) {
        match action {
            Action::Confirm => {
                if let Some(b) = &self.text_box {
                    self.histories.remember(kind, &b.text);
                }
                self.accept_box(kind);
            }
            Action::Cancel => self.cancel_box(kind),
            Action::HistoryPrev | Action::HistoryNext => {
                let older = action == Action::HistoryPrev;
                self.change_box(|b, h| h.recall(b, older));
            }
            Action::Up | Action::Down | Action::PageUpSelect | Action::PageDownSelect => {
                let code = match action {
                    Action::Up => KeyCode::Up,
                    Action::Down => KeyCode::Down,
                    Action::PageUpSelect => KeyCode::PageUp,
                    _ => KeyCode::PageDown,
                };
                self.move_result(code);
            }
            Action::Quit => self.update(Action::Quit),
            edit => self.change_box(|b, _| b.edit(edit)),
        }
    }

    /// Changes the box; when its text changed, what it searches follows.
    fn change_box(&mut self, change: impl FnOnce(&mut TextBox, &Histories) -> bool) {
        let Some(b) = self.text_box.as_mut() else { return };
        if change(b, &self.histories) {
            self.box_changed();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextBox {
        TextBox::new(BoxKind::Title, text.to_string())
    }

    #[test]
    fn the_cursor_moves_and_edits_by_grapheme_and_word() {
        let mut b = typed("Hà Nội cloud");
        b.edit(Action::CursorLeft);
        b.edit(Action::DeleteWord);
        assert_eq!((b.text.as_str(), b.split().0), ("Hà Nội d", "Hà Nội "));
        b.edit(Action::CursorStart);
        b.edit(Action::CursorRight);
        b.edit(Action::CursorRight);
        b.insert('!');
        assert_eq!(b.text, "Hà! Nội d");
        b.edit(Action::DeleteBack);
        b.edit(Action::DeleteBack);
        assert_eq!(b.text, "H Nội d");
        b.edit(Action::DeleteForward);
        assert_eq!(b.text, "HNội d");
        b.edit(Action::CursorEnd);
        b.edit(Action::DeleteToStart);
        assert_eq!((b.text.as_str(), b.cursor), ("", 0));
        assert!(!b.edit(Action::DeleteBack));
    }

    #[test]
    fn history_steps_back_and_returns_to_the_draft() {
        let mut h = Histories::default();
        for q in ["alibaba", "cloud", "alibaba"] {
            h.remember(BoxKind::Title, q);
        }
        let mut b = typed("dra");
        assert!(h.recall(&mut b, true));
        assert_eq!(b.text, "alibaba");
        assert!(h.recall(&mut b, true));
        assert_eq!(b.text, "cloud");
        assert!(h.recall(&mut b, false));
        assert!(h.recall(&mut b, false));
        assert_eq!((b.text.as_str(), b.cursor), ("dra", 3));
        assert!(!h.recall(&mut b, false));
        let mut other = TextBox::new(BoxKind::Article, String::new());
        assert!(!h.recall(&mut other, true), "each kind of box has its own history");
    }
}
