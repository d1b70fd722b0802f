//! The reader's state and the one place it changes: [`App::update`].
//! Keys reach it through the keymap as [`Action`]s; drawing (in `ui`) only
//! borrows it.

pub mod action;
pub mod keymap;
pub mod layout;
pub mod reader;
pub mod sidebar;

use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

pub use action::Action;
pub use layout::Layout;

use crate::corpus::{Corpus, Document};
use crate::facts::Fact;
use reader::{VisualLine, WrapCache, line_at};
use sidebar::Sidebar;

/// Widest the article text gets, in columns; wider panes centre it.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// Most rows a title takes in the document list.
pub const LIST_TITLE_ROWS: usize = 4;
/// Lines the mouse wheel scrolls.
const WHEEL_LINES: isize = 3;

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

/// What covers the panes, topmost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Problems { scroll: usize },
}

/// Everything the reader shows, and nothing about how it is drawn.
// Independent switches (furniture, mouse, quit, suspend), not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    pub corpus: Corpus,
    /// Facts of each document, by `DocId`.
    pub facts: Vec<Vec<Fact>>,
    pub sidebars: Vec<Sidebar>,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    /// The selected (and shown) article, and the list's first visible row.
    pub selected: usize,
    pub list_offset: usize,
    /// The reader's first visible line of the shown article.
    pub scroll: usize,
    /// The selected sidebar entry of each article.
    pub sidebar_selected: Vec<usize>,
    pub sidebar_offset: usize,
    pub read: Vec<bool>,
    pub show_furniture: bool,
    /// `None` until the person toggles the sidebar: then the width decides.
    pub sidebar_wanted: Option<bool>,
    pub mouse: bool,
    pub size: Rect,
    pub layout: Layout,
    /// The shown article, wrapped for the reader's width.
    pub lines: Arc<[VisualLine]>,
    /// Each article's place, as a width-independent position.
    positions: Vec<usize>,
    cache: WrapCache,
    pub quit: bool,
    pub suspend: bool,
    /// A one-off message for the status line.
    pub note: Option<String>,
}

impl App {
    pub fn new(corpus: Corpus, facts: Vec<Vec<Fact>>, size: Rect) -> Self {
        let n = corpus.docs.len();
        let sidebars = corpus.docs.iter().zip(&facts).map(|(d, f)| Sidebar::build(d, f)).collect();
        let note = (!corpus.problems.is_empty()).then(|| {
            format!("{} file(s) could not be loaded — P shows them", corpus.problems.len())
        });
        let mut app = Self {
            corpus,
            facts,
            sidebars,
            focus: Pane::List,
            overlay: None,
            selected: 0,
            list_offset: 0,
            scroll: 0,
            sidebar_selected: vec![0; n],
            sidebar_offset: 0,
            read: vec![false; n],
            show_furniture: false,
            sidebar_wanted: None,
            mouse: true,
            size,
            layout: Layout::default(),
            lines: Arc::from(Vec::new()),
            positions: vec![0; n],
            cache: WrapCache::default(),
            quit: false,
            suspend: false,
            note,
        };
        app.relayout();
        app
    }

    pub fn doc(&self) -> Option<&Document> {
        self.corpus.docs.get(self.selected)
    }

    pub fn sidebar_visible(&self) -> bool {
        self.sidebar_wanted.unwrap_or_else(|| layout::sidebar_by_default(self.size.width))
    }

    /// Rows of text the reader shows at once.
    pub fn reader_height(&self) -> usize {
        // When the reader is hidden (one pane at a time), it would fill the screen.
        let height = self.layout.reader.map_or(self.size.height.saturating_sub(1), |r| r.height);
        usize::from(height.saturating_sub(2)).max(1)
    }

    /// Columns the article text is wrapped to.
    pub fn text_width(&self) -> usize {
        let inner = self.layout.reader.map_or(MAX_TEXT_WIDTH, |r| r.width.saturating_sub(4));
        usize::from(inner.clamp(1, MAX_TEXT_WIDTH))
    }

    /// How far through the shown article the reader is, in percent.
    pub fn progress(&self) -> usize {
        let total = self.lines.len();
        if total == 0 {
            return 100;
        }
        ((self.scroll + self.reader_height()).min(total) * 100 / total).min(100)
    }

    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.reader_height())
    }

    /// A new terminal size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.relayout();
    }

    /// Lays the panes out again and rewraps the shown article if its width changed.
    fn relayout(&mut self) {
        self.layout = layout::layout(self.size, self.focus, self.sidebar_visible());
        if self.layout.rect(self.focus).is_none() && !self.layout.too_small {
            self.focus = Pane::Reader;
            self.layout = layout::layout(self.size, self.focus, self.sidebar_visible());
        }
        self.rewrap();
    }

    fn rewrap(&mut self) {
        let pos = self
            .lines
            .get(self.scroll)
            .map_or(self.positions.get(self.selected).copied().unwrap_or(0), |l| l.pos);
        self.load_lines();
        self.scroll = line_at(&self.lines, pos).min(self.max_scroll());
        self.keep_list_selection_visible();
    }

    fn load_lines(&mut self) {
        let (width, furniture) = (self.text_width(), self.show_furniture);
        self.lines = match self.corpus.docs.get(self.selected) {
            Some(doc) => self.cache.get(doc, width, furniture),
            None => Arc::from(Vec::new()),
        };
    }

    /// Shows article `i`, keeping the place of the one left.
    pub fn select(&mut self, i: usize) {
        let Some(last) = self.corpus.docs.len().checked_sub(1) else { return };
        let i = i.min(last);
        if let Some(l) = self.lines.get(self.scroll) {
            self.positions[self.selected] = l.pos;
        }
        self.selected = i;
        self.load_lines();
        self.scroll = line_at(&self.lines, self.positions[i]).min(self.max_scroll());
        self.sidebar_offset = 0;
        self.keep_list_selection_visible();
        if self.focus == Pane::Reader {
            self.read[i] = true;
        }
    }

    /// Rows inside the list pane.
    fn list_rows(&self) -> usize {
        self.layout.list.map_or(1, |r| usize::from(r.height.saturating_sub(2))).max(1)
    }

    /// Articles a page of the list holds, about.
    fn list_capacity(&self) -> usize {
        (self.list_rows() / (LIST_TITLE_ROWS + 1)).max(1)
    }

    /// The title rows of article `i` in the list: wrapped, at most
    /// [`LIST_TITLE_ROWS`] (the caller marks a cut with `…`).
    pub fn list_title(&self, i: usize) -> Vec<&str> {
        let Some(doc) = self.corpus.docs.get(i) else { return Vec::new() };
        let width = self.layout.list.map_or(20, |r| usize::from(r.width.saturating_sub(4)));
        let rows = crate::wrap::wrap(&doc.title, width);
        let mut out: Vec<&str> = rows
            .iter()
            .take(LIST_TITLE_ROWS)
            .map(|r| doc.title.get(r.start..r.end).unwrap_or(""))
            .collect();
        if out.is_empty() {
            out.push("");
        }
        out
    }

    /// Screen rows article `i` takes in the list: its title and a meta line.
    pub fn list_item_height(&self, i: usize) -> usize {
        self.list_title(i).len() + 1
    }

    fn keep_list_selection_visible(&mut self) {
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        }
        let rows = self.list_rows();
        while self.list_offset < self.selected
            && (self.list_offset..=self.selected).map(|i| self.list_item_height(i)).sum::<usize>()
                > rows
        {
            self.list_offset += 1;
        }
    }

    /// The article drawn at a row inside the list pane.
    fn list_item_at(&self, row: usize) -> Option<usize> {
        let mut top = 0;
        for i in self.list_offset..self.corpus.docs.len() {
            top += self.list_item_height(i);
            if row < top {
                return Some(i);
            }
        }
        None
    }

    /// Handles a key: an open overlay takes it first, then the keymap.
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.note = None;
        if let Some(overlay) = self.overlay {
            self.overlay_key(overlay, key);
            return;
        }
        if let Some(action) = keymap::lookup(&key, self.focus) {
            self.update(action);
        }
    }

    fn overlay_key(&mut self, overlay: Overlay, key: KeyEvent) {
        let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL)
            && key.code == crossterm::event::KeyCode::Char('c');
        let name = keymap::notation(&key).unwrap_or_default();
        let (Overlay::Help { scroll } | Overlay::Problems { scroll }) = overlay;
        let scroll = match name.as_str() {
            _ if ctrl_c => return self.update(Action::Quit),
            "Esc" | "?" | "q" | "P" => return self.overlay = None,
            "j" | "Down" => scroll + 1,
            "k" | "Up" => scroll.saturating_sub(1),
            "g" | "Home" => 0,
            "Space" | "PgDn" => scroll + 10,
            "PgUp" => scroll.saturating_sub(10),
            _ => scroll,
        };
        self.overlay = Some(match overlay {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Problems { .. } => Overlay::Problems { scroll },
        });
    }

    /// Applies one action. Nothing else changes the state.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Problems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Action::NextPane => self.cycle_focus(true),
            Action::PrevPane => self.cycle_focus(false),
            Action::NextArticle => self.select(self.selected + 1),
            Action::PrevArticle => self.select(self.selected.saturating_sub(1)),
            Action::ToggleSidebar => {
                self.sidebar_wanted = Some(!self.sidebar_visible());
                if !self.sidebar_visible() && self.focus == Pane::Sidebar {
                    self.focus = Pane::Reader;
                }
                self.relayout();
            }
            Action::ToggleFurniture => {
                self.show_furniture = !self.show_furniture;
                let n = self.corpus.docs.get(self.selected).map_or(0, |d| d.furniture.len());
                self.note = Some(match (self.show_furniture, n) {
                    (true, _) => format!("page furniture shown ({n} line(s) in this article)"),
                    (false, _) => "page furniture hidden".into(),
                });
                self.rewrap();
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.note = Some(
                    if self.mouse { "mouse on" } else { "mouse off: the terminal selects text" }
                        .into(),
                );
            }
            Action::Open => self.focus_pane(Pane::Reader),
            Action::Back => self.focus_pane(Pane::List),
            Action::Escape => {
                if self.overlay.take().is_none() && self.focus != Pane::List {
                    self.focus_pane(Pane::List);
                }
            }
            Action::Up
            | Action::Down
            | Action::First
            | Action::Last
            | Action::PageUpSelect
            | Action::PageDownSelect => {
                self.move_selection(action);
            }
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollDown => self.scroll_by(1),
            Action::HalfPageDown => self.scroll_by(self.page() / 2),
            Action::HalfPageUp => self.scroll_by(-(self.page() / 2)),
            Action::PageDown => self.scroll_by(self.page()),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = self.max_scroll(),
        }
    }

    fn page(&self) -> isize {
        isize::try_from(self.reader_height()).unwrap_or(1).max(2)
    }

    fn scroll_by(&mut self, lines: isize) {
        self.scroll = self.scroll.saturating_add_signed(lines).min(self.max_scroll());
        if lines > 0 {
            self.read[self.selected] = true;
        }
    }

    fn move_selection(&mut self, action: Action) {
        let page = self.list_capacity();
        match self.focus {
            Pane::List => {
                let target = step(self.selected, self.corpus.docs.len(), action, page);
                self.select(target);
            }
            Pane::Sidebar => {
                let n = self.sidebars.get(self.selected).map_or(0, |s| s.entries.len());
                let sel = &mut self.sidebar_selected[self.selected];
                *sel = step(*sel, n, action, page);
            }
            Pane::Reader => {}
        }
    }

    pub fn focus_pane(&mut self, pane: Pane) {
        if pane == Pane::Sidebar && !self.sidebar_visible() {
            return;
        }
        self.focus = pane;
        if pane == Pane::Reader {
            self.read[self.selected] = true;
        }
        self.relayout();
    }

    /// Moves the focus forward or back through the visible panes.
    fn cycle_focus(&mut self, forward: bool) {
        let mut panes = vec![Pane::List, Pane::Reader];
        if self.sidebar_visible() {
            panes.push(Pane::Sidebar);
        }
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
        let step = if forward { 1 } else { panes.len() - 1 };
        let next = (at + step) % panes.len();
        self.focus_pane(panes[next]);
    }

    /// Mouse: the wheel scrolls the pane under the pointer; a click focuses
    /// a pane, and in the list selects the article under it.
    pub fn handle_mouse(&mut self, m: MouseEvent) {
        let Some(pane) = self.layout.pane_at(m.column, m.row) else { return };
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                match pane {
                    Pane::Reader => self.scroll_by(if down { WHEEL_LINES } else { -WHEEL_LINES }),
                    Pane::List => self.select(if down {
                        self.selected + 1
                    } else {
                        self.selected.saturating_sub(1)
                    }),
                    Pane::Sidebar => {
                        let focus = self.focus;
                        self.focus = Pane::Sidebar;
                        self.move_selection(if down { Action::Down } else { Action::Up });
                        self.focus = focus;
                    }
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if pane == Pane::List
                    && let Some(r) = self.layout.list
                    && let Some(i) = self.list_item_at(usize::from(m.row.saturating_sub(r.y + 1)))
                {
                    self.select(i);
                }
                self.focus_pane(pane);
            }
            _ => {}
        }
    }
}

/// The selection after a movement in a list of `n` items.
fn step(sel: usize, n: usize, action: Action, page: usize) -> usize {
    let last = n.saturating_sub(1);
    match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (sel + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        Action::PageUpSelect => sel.saturating_sub(page),
        Action::PageDownSelect => (sel + page).min(last),
        _ => sel,
    }
}
