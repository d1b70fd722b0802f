//! From facts to the text: the sidebar's selection scrolls the reader to a
//! mention, `Enter` cycles through the mentions, `}`/`{` walk the facts in
//! reading order, `y` copies one.

use super::reader::{Part, Place};
use super::sidebar::{Entry, label};
use super::{App, Pane};
use crate::facts::{Field, Kind};

impl App {
    /// The selected sidebar entry of the shown article.
    pub fn selected_entry(&self) -> Option<&Entry> {
        let record = self.shown()?;
        self.sidebar()?.entries.get(record.sidebar_selected)
    }

    /// The sidebar entry of the shown article that has fact `fact` among its mentions.
    pub(super) fn entry_of_fact(&self, fact: usize) -> Option<usize> {
        self.sidebar()?.entries.iter().position(|e| e.mentions.contains(&fact))
    }

    /// The screen line where fact `i` of the shown article begins.
    pub fn fact_line(&self, i: usize) -> Option<usize> {
        let fact = self.spots().get(i)?;
        match fact.field {
            Field::Title => {
                self.lines.iter().position(|l| l.part == Part::Headline && l.end > fact.span.start)
            }
            Field::Body => self.body_line(fact.span.start),
        }
    }

    /// Scrolls so that fact `i` is on screen, a third of the way down when
    /// it has to move.
    fn scroll_to_fact(&mut self, i: usize) {
        if let Some(line) = self.fact_line(i) {
            self.scroll_into_view(line);
        }
    }

    /// The screen line that shows body offset `offset`.
    pub(super) fn body_line(&self, offset: usize) -> Option<usize> {
        let after = self.lines.partition_point(|l| l.pos <= Place::body(offset));
        (0..after).rev().find(|&l| self.lines[l].part == Part::Body)
    }

    /// Scrolls so that `line` is on screen, a third of the way down when it
    /// has to move.
    pub(super) fn scroll_into_view(&mut self, line: usize) {
        let height = self.reader_height();
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3).min(self.max_scroll());
        }
    }

    /// Shows mention `n` of the selected entry.
    pub(super) fn jump_to_entry(&mut self, n: usize) {
        let Some(entry) = self.selected_entry() else { return };
        let Some(&fact) = entry.mentions.get(n % entry.mentions.len().max(1)) else { return };
        self.current_fact = Some(fact);
        self.scroll_to_fact(fact);
    }

    /// Opens article `doc` in the reader (whatever the list's filters) at
    /// its fact `fact`, selected in the sidebar and marked in the text.
    pub(super) fn show_fact(&mut self, doc: usize, fact: usize) {
        if doc >= self.corpus.docs.len() {
            return;
        }
        self.filters.clear();
        self.visible = (0..self.corpus.docs.len()).collect();
        self.sort_visible();
        self.select(doc);
        self.focus_pane(Pane::Reader);
        if let Some(entry) = self.entry_of_fact(fact) {
            self.records[doc].sidebar_selected = entry;
            let n = self
                .sidebar()
                .and_then(|s| s.entries[entry].mentions.iter().position(|&m| m == fact));
            self.jump_to_entry(n.unwrap_or(0));
        } else {
            self.current_fact = Some(fact);
            self.scroll_to_fact(fact);
        }
    }

    /// `Enter` in the sidebar: the selected fact's next mention, wrapping.
    pub(super) fn next_mention(&mut self) {
        let Some(entry) = self.selected_entry() else { return };
        let total = entry.mentions.len();
        let at = self.current_fact.and_then(|c| entry.mentions.iter().position(|&m| m == c));
        let next = at.map_or(0, |a| (a + 1) % total);
        self.jump_to_entry(next);
        self.note = Some(format!("mention {}/{total}", next + 1));
    }

    /// `}`/`{`: the next or previous fact in reading order, from the last
    /// one visited or from the top of the screen.
    pub(super) fn step_fact(&mut self, forward: bool) {
        let n = self.spots().len();
        if n == 0 {
            self.note = Some("no facts in this article".into());
            return;
        }
        let target = match (self.current_fact, forward) {
            (Some(c), true) => (c + 1 < n).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => (0..n).find(|&i| self.fact_line(i).is_some_and(|l| l >= self.scroll)),
            (None, false) => {
                (0..n).rev().find(|&i| self.fact_line(i).is_some_and(|l| l < self.scroll))
            }
        };
        let Some(target) = target else {
            self.note = Some(if forward { "last fact" } else { "first fact" }.into());
            return;
        };
        if let Some(entry) = self.entry_of_fact(target) {
            self.records[self.selected].sidebar_selected = entry;
        }
        self.current_fact = Some(target);
        self.scroll_to_fact(target);
    }

    /// `y`: the selected fact, as text, for the terminal's clipboard.
    pub(super) fn copy_fact(&mut self) {
        let (Some(doc), Some(entry)) = (self.doc(), self.selected_entry()) else {
            self.note = Some("no fact selected".into());
            return;
        };
        let Some(fact) = self.shown().and_then(|r| r.fact(entry.mentions[0])) else { return };
        let text = fact.text(doc);
        let copied = if fact.kind == Kind::Quote {
            match &fact.speaker {
                Some(s) => format!("“{text}” — {s}"),
                None => format!("“{text}”"),
            }
        } else {
            let value = label(doc, &fact);
            if value == text { value } else { format!("{value} ({text})") }
        };
        self.note = Some(format!("copied: {}", crate::text::fit(&copied, 60)));
        self.clipboard = Some(copied);
    }

    /// The facts to mark in the text: every mention of the selected entry
    /// (when the sidebar is shown; in ascending order), and the current one.
    pub fn marked_facts(&self) -> (&[usize], Option<usize>) {
        if !self.sidebar_visible() && self.focus != Pane::Sidebar {
            return (&[], self.current_fact);
        }
        let mentions = self.selected_entry().map_or(&[][..], |e| e.mentions.as_slice());
        (mentions, self.current_fact)
    }
}
