//! The reader's state, and the few ways it changes: a key
//! ([`App::handle_key`], through the layer on top, mostly to the key map
//! and [`App::update`]), the mouse, a new terminal size, and the work done
//! off the UI thread (articles, facts, a reload: see `loading`). Drawing
//! (in `ui`) only borrows it.

pub mod corrections;
pub mod dossier;
mod export;
pub mod facts_view;
pub mod help;
mod jump;
mod layer;
pub mod layout;
mod list;
pub mod loading;
mod persist;
mod prompt;
pub mod reader;
mod record;
pub mod search;
pub mod sidebar;
pub mod watch;

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

pub use facts_view::FactsView;
pub use help::HelpLine;
pub use layer::{Layer, View};
pub use layout::Layout;
pub use list::Filter;
pub use loading::Changes;
pub use persist::Marked;
pub use record::{Record, Spot};

use crate::config::Config;
use crate::corpus::{Corpus, Document, Progress};
use crate::facts::Fact;
use crate::index::EntityIndex;
pub use crate::keys::Action;
use crate::keys::{ALWAYS_QUITS, Context, Key, Keymap, Lookup};
use crate::theme::Theme;
use reader::{Place, VisualLine, WrapCache, line_at};
use search::{ArticleSearch, BoxKind, CorpusSearch, TextBox};
use sidebar::Sidebar;

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
// Independent switches (furniture, mouse, highlight, quit, suspend), not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    pub corpus: Corpus,
    /// What the reader keeps about each article, by `DocId`: always as
    /// many as `corpus.docs` (appended in `add_batch`, remapped in
    /// `apply_reload`).
    pub records: Vec<Record>,
    /// Whether `index` covers every article's facts.
    pub index_ready: bool,
    /// The load under way, if any: its progress for the status line.
    pub loading: Option<Progress>,
    /// Whether the articles shown came from the library before the
    /// folders were walked, and the walk that says what changed since is
    /// still under way (the status line says `checking`).
    pub checking: bool,
    /// Set by `r`: the terminal loop reloads the paths, once.
    pub reload: bool,
    /// What the last reload changed.
    pub last_reload: Option<Changes>,
    /// The saved reading state, for articles that arrive later.
    saved: Option<persist::SavedState>,
    /// Which articles name each entity.
    pub index: EntityIndex,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub facts_view: Option<FactsView>,
    /// The entity pages open, the top one last (`Esc` goes back one).
    pub dossiers: Vec<dossier::Page>,
    /// The selected (and shown) article, and the list's first visible row.
    pub selected: usize,
    pub list_offset: usize,
    /// List filters, oldest first, and the articles they let through.
    pub filters: Vec<Filter>,
    pub visible: Vec<usize>,
    pub sort: list::SortKey,
    /// The list's order reversed (`R`).
    pub reverse_sort: bool,
    /// The reader's first visible line of the shown article.
    pub scroll: usize,
    /// The fact jumped to last in the shown article (its current mention).
    pub current_fact: Option<usize>,
    /// Counts changes worth saving (read, star, place, article).
    pub revision: u64,
    pub show_furniture: bool,
    pub highlight: bool,
    /// `None` until the person toggles the sidebar: then the width decides.
    pub sidebar_wanted: Option<bool>,
    pub mouse: bool,
    pub size: Rect,
    pub layout: Layout,
    /// The shown article, wrapped for the reader's width.
    pub lines: Arc<[VisualLine]>,
    cache: WrapCache,
    /// Where exports go (`$XDG_DATA_HOME/dossier` on Linux); `None`: nowhere.
    pub data_dir: Option<PathBuf>,
    /// A source (URL or file) the terminal loop should open, once.
    pub open_source: Option<String>,
    /// Text the terminal should put on the clipboard (OSC 52), once.
    pub clipboard: Option<String>,
    pub quit: bool,
    pub suspend: bool,
    /// A one-off message for the status line.
    pub note: Option<String>,
    /// The key map in force, and the keys typed so far of a longer sequence.
    pub keymap: Keymap,
    pub pending_keys: Vec<Key>,
    pub theme: Theme,
    /// The text box being typed into, the shown article's search, the
    /// corpus search view and what it asks of the worker that searches.
    pub text_box: Option<TextBox>,
    histories: prompt::Histories,
    pub article_search: Option<ArticleSearch>,
    pub corpus_search: Option<CorpusSearch>,
    pub asking: search::Asking,
    /// Widest the article text gets, in columns; wider panes centre it.
    pub max_text_width: u16,
    pub widths: layout::Widths,
    /// The watch list and what it matched; the view of it (`W`).
    pub watch: watch::Watch,
    pub watch_view: Option<watch::WatchView>,
    /// The person's corrections of the facts (see `corrections`).
    pub corrections: corrections::CorrectionState,
    /// Where the bodies of articles handed over lean are read from.
    pub library: Option<crate::store::Library>,
}

impl App {
    pub fn new(corpus: Corpus, facts: &[Vec<Fact>], size: Rect) -> Self {
        let n = corpus.docs.len();
        let index = EntityIndex::build(facts);
        let records = facts.iter().map(|f| Record::with_facts(f)).collect();
        let note = None;
        let mut app = Self {
            corpus,
            records,
            index_ready: true,
            loading: None,
            reload: false,
            last_reload: None,
            checking: false,
            saved: None,
            index,
            focus: Pane::List,
            overlay: None,
            facts_view: None,
            dossiers: Vec::new(),
            selected: 0,
            list_offset: 0,
            filters: Vec::new(),
            visible: (0..n).collect(),
            sort: list::SortKey::default(),
            reverse_sort: false,
            scroll: 0,
            current_fact: None,
            revision: 0,
            show_furniture: false,
            highlight: true,
            sidebar_wanted: None,
            mouse: true,
            size,
            layout: Layout::default(),
            lines: Arc::from(Vec::new()),
            cache: WrapCache::default(),
            data_dir: None,
            clipboard: None,
            open_source: None,
            quit: false,
            suspend: false,
            note,
            keymap: Keymap::default(),
            pending_keys: Vec::new(),
            theme: Theme::default(),
            text_box: None,
            histories: prompt::Histories::default(),
            article_search: None,
            corpus_search: None,
            asking: search::Asking::default(),
            max_text_width: 80,
            widths: layout::Widths::default(),
            corrections: corrections::CorrectionState::default(),
            library: None,
            watch: watch::Watch::default(),
            watch_view: None,
        };
        app.relayout();
        app.note = app.problems_note();
        app
    }

    /// That files could not be loaded, and the key that lists them.
    pub(crate) fn problems_note(&self) -> Option<String> {
        let n = self.corpus.problems.len();
        (n > 0).then(|| {
            let key = self.hint_in(Action::Problems, Context::List);
            format!("{n} file(s) could not be loaded — {key} shows them")
        })
    }

    /// Takes the configuration's key map, theme, layout and reading defaults.
    pub fn configure(&mut self, config: Config) {
        self.keymap = config.keymap;
        self.theme = config.theme;
        self.show_furniture = config.furniture;
        self.highlight = config.highlight;
        self.max_text_width = config.max_text_width;
        self.widths = layout::Widths { list: config.list_width, sidebar: config.sidebar_width };
        self.set_watch(config.watch);
        self.relayout();
        if self.note.is_some() {
            self.note = self.problems_note();
        }
    }

    pub fn doc(&self) -> Option<&Document> {
        self.corpus.docs.get(self.selected)
    }

    /// The record of the shown article.
    pub fn shown(&self) -> Option<&Record> {
        self.records.get(self.selected)
    }

    /// The sidebar of the shown article (built when first asked for).
    pub fn sidebar(&self) -> Option<&Sidebar> {
        Some(self.shown()?.sidebar(self.doc()?))
    }

    /// Where each fact of the shown article stands (none before they are in).
    pub fn spots(&self) -> &[Spot] {
        self.shown().map_or(&[], Record::spots)
    }

    /// Keeps the shown article's place in its record, before it is left
    /// or rewrapped.
    fn keep_place(&mut self) {
        if let (Some(l), Some(r)) =
            (self.lines.get(self.scroll), self.records.get_mut(self.selected))
        {
            r.position = l.pos;
        }
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
        let max = self.max_text_width;
        let inner = self.layout.reader.map_or(max, |r| r.width.saturating_sub(4));
        usize::from(inner.clamp(1, max))
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
        self.layout = layout::layout(self.size, self.focus, self.sidebar_visible(), self.widths);
        if self.layout.rect(self.focus).is_none() && !self.layout.too_small {
            self.focus = Pane::Reader;
            self.layout =
                layout::layout(self.size, self.focus, self.sidebar_visible(), self.widths);
        }
        self.rewrap();
    }

    fn rewrap(&mut self) {
        let pos = self
            .lines
            .get(self.scroll)
            .map_or(self.shown().map_or(Place::TOP, |r| r.position), |l| l.pos);
        self.load_lines();
        self.scroll = line_at(&self.lines, pos).min(self.max_scroll());
        self.keep_list_selection_visible();
    }

    fn load_lines(&mut self) {
        self.read_body(self.selected);
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
        self.keep_place();
        if i != self.selected {
            self.current_fact = None;
            self.article_search = None;
            // Only the shown article's facts are kept unpacked, with its sidebar.
            if let Some(left) = self.records.get_mut(self.selected) {
                left.let_go();
            }
        }
        self.selected = i;
        self.load_lines();
        self.scroll = line_at(&self.lines, self.records[i].position).min(self.max_scroll());
        self.keep_list_selection_visible();
        if self.focus == Pane::Reader {
            self.records[i].read = true;
        }
    }

    /// Handles a key: Ctrl-c quits whatever the map says; otherwise the
    /// top layer takes it (see [`layer`]).
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.note = None;
        self.revision += 1;
        if Key::from_event(&key) == Some(ALWAYS_QUITS) {
            self.quit = true;
            return;
        }
        match self.top() {
            Layer::Overlay(overlay) => self.overlay_key(overlay, key),
            Layer::TextBox(kind) => self.box_key(kind, key),
            Layer::View(_) | Layer::Panes(_) => self.mapped_key(key),
        }
    }

    /// The key map's context of the layer on top: what its hints show.
    pub fn key_context(&self) -> Context {
        match self.top() {
            Layer::Overlay(_) => Context::Overlay,
            Layer::TextBox(kind) => Self::box_context(kind),
            Layer::View(_) | Layer::Panes(_) => self.context(),
        }
    }

    /// How the key for `action` on the layer on top is shown (`q`,
    /// `Ctrl-c`); `-` when no key reaches it.
    pub fn hint(&self, action: Action) -> String {
        self.hint_in(action, self.key_context())
    }

    /// [`App::hint`] in a given context.
    pub fn hint_in(&self, action: Action, ctx: Context) -> String {
        self.keymap.hint(action, ctx).unwrap_or_else(|| "-".into())
    }

    /// A key through the key map, in the context of the view or pane.
    fn mapped_key(&mut self, key: KeyEvent) {
        let Some(key) = Key::from_event(&key) else { return };
        let mut lookup = self.keymap.lookup(&self.pending_keys, key, self.context());
        if lookup == Lookup::None && !self.pending_keys.is_empty() {
            // A sequence that went nowhere: the key counts on its own.
            self.pending_keys.clear();
            lookup = self.keymap.lookup(&[], key, self.context());
        }
        match lookup {
            Lookup::Action(action) => {
                self.pending_keys.clear();
                self.update(action);
            }
            Lookup::Pending => self.pending_keys.push(key),
            Lookup::None => {}
        }
    }

    /// An overlay's keys, through the key map's `overlay` scope (and the
    /// few keys of `anywhere` that make sense over it): it scrolls and
    /// closes; its own key (`?` over help, `P` over problems) closes it.
    fn overlay_key(&mut self, overlay: Overlay, key: KeyEvent) {
        let (Overlay::Help { scroll } | Overlay::Problems { scroll }) = overlay;
        let Some(key) = Key::from_event(&key) else { return };
        let Lookup::Action(action) = self.keymap.lookup(&[], key, Context::Overlay) else {
            return;
        };
        let page = self.overlay_page();
        let scroll = match action {
            Action::Quit => return self.update(Action::Quit),
            Action::Suspend => return self.update(Action::Suspend),
            Action::Escape => return self.overlay = None,
            Action::Help if matches!(overlay, Overlay::Help { .. }) => return self.overlay = None,
            Action::Problems if matches!(overlay, Overlay::Problems { .. }) => {
                return self.overlay = None;
            }
            Action::Help => return self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Problems => return self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Action::ScrollDown => scroll + 1,
            Action::ScrollUp => scroll.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::PageDown => scroll + page,
            Action::PageUp => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll + page / 2,
            Action::HalfPageUp => scroll.saturating_sub(page / 2),
            _ => scroll,
        };
        let scroll = scroll.min(self.overlay_max_scroll(overlay));
        self.overlay = Some(match overlay {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Problems { .. } => Overlay::Problems { scroll },
        });
    }

    /// Applies one action: what every key bound in the key map does.
    pub fn update(&mut self, action: Action) {
        if self.corpus.docs.is_empty() && !works_without_articles(action) {
            let why = if self.is_loading() { "loading…" } else { "no articles" };
            self.note = Some(why.into());
            return;
        }
        if self.top() == Layer::View(View::Dossier) && self.update_dossier(action) {
            return;
        }
        if self.top() == Layer::View(View::FactsView) && self.update_facts_view(action) {
            return;
        }
        if self.top() == Layer::View(View::Watch) && self.update_watch_view(action) {
            return;
        }
        if self.top() == Layer::View(View::Corrections) && self.update_corrections_view(action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Problems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Action::Reload => {
                self.reload = true;
                self.note = Some("reloading…".into());
            }
            Action::NextPane => self.cycle_focus(true),
            Action::PrevPane => self.cycle_focus(false),
            Action::NextArticle if self.has_hits() => self.step_hit(true),
            Action::NextArticle => self.step_article(true),
            Action::PrevHit => self.step_hit(false),
            Action::SearchArticle => self.open_box(BoxKind::Article),
            Action::SearchCorpus => self.open_box(BoxKind::Corpus),
            Action::FilterTitle => self.open_box(BoxKind::Title),
            Action::CycleLanguage => self.cycle_language(),
            Action::CycleSort => self.cycle_sort(),
            Action::OpenSource => self.open_source = self.doc().map(source_of),
            Action::PrevArticle => self.step_article(false),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::ToggleFurniture => self.toggle_furniture(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.note = Some(
                    if self.mouse { "mouse on" } else { "mouse off: the terminal selects text" }
                        .into(),
                );
            }
            Action::ToggleHighlight => {
                self.highlight = !self.highlight;
                self.note = Some(
                    if self.highlight { "facts highlighted" } else { "fact highlighting off" }
                        .into(),
                );
            }
            Action::Open => self.focus_pane(Pane::Reader),
            Action::Back => self.focus_pane(Pane::List),
            Action::Escape => self.escape(),
            Action::Up
            | Action::Down
            | Action::First
            | Action::Last
            | Action::PageUpSelect
            | Action::PageDownSelect => self.move_selection(action),
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollDown => self.scroll_by(1),
            Action::HalfPageDown => self.scroll_by(self.page() / 2),
            Action::HalfPageUp => self.scroll_by(-(self.page() / 2)),
            Action::PageDown => self.scroll_by(self.page()),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = self.max_scroll(),
            Action::NextFact => self.step_fact(true),
            Action::PrevFact => self.step_fact(false),
            Action::NextMention => self.next_mention(),
            Action::FilterEntity => self.filter_by_selected_entity(),
            Action::FactsView => {
                self.facts_view = Some(FactsView::new(self));
                self.read_figure_bodies();
            }
            Action::Dossier => self.open_dossier(),
            Action::Export => self.export(),
            Action::CopyFact => self.copy_fact(),
            Action::ToggleRead => {
                let record = &mut self.records[self.selected];
                record.read = !record.read;
                let read = record.read;
                self.note = Some(if read { "marked read" } else { "marked unread" }.into());
            }
            Action::ToggleStar => {
                let record = &mut self.records[self.selected];
                record.starred = !record.starred;
                let star = record.starred;
                self.note = Some(if star { "starred" } else { "star removed" }.into());
            }
            Action::MarkAllRead => self.mark_all_read(),
            Action::NextUnread => self.next_unread(),
            Action::ReverseSort => self.reverse_order(),
            // The views' and the text boxes' own keys (see `prompt`, `corrections`).
            Action::ToggleSort
            | Action::SwitchSection
            | Action::Confirm
            | Action::Cancel
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorStart
            | Action::CursorEnd
            | Action::DeleteBack
            | Action::DeleteForward
            | Action::DeleteWord
            | Action::DeleteToStart
            | Action::HistoryPrev
            | Action::HistoryNext
            | Action::TakeBack => {}
            Action::DropFact => self.drop_selected(),
            Action::SetSpeaker => self.ask_speaker(),
            Action::MergeEntity => self.ask_merge(),
            Action::SplitEntity => self.ask_split(),
            Action::UndoCorrection => self.undo_correction(),
            Action::WatchView => self.toggle_watch_view(),
            Action::CorrectionsView => self.toggle_corrections_view(),
            Action::UnreadOnly => self.toggle_filter(Filter::Unread),
            Action::StarredOnly => self.toggle_filter(Filter::Starred),
        }
    }

    fn toggle_sidebar(&mut self) {
        self.sidebar_wanted = Some(!self.sidebar_visible());
        if !self.sidebar_visible() && self.focus == Pane::Sidebar {
            self.focus = Pane::Reader;
        }
        self.relayout();
    }

    fn toggle_furniture(&mut self) {
        self.show_furniture = !self.show_furniture;
        let n = self.doc().map_or(0, |d| d.furniture.len());
        self.note = Some(if self.show_furniture {
            format!("page furniture shown ({n} line(s) in this article)")
        } else {
            "page furniture hidden".into()
        });
        self.rewrap();
    }

    /// Esc: the topmost thing goes first — an overlay, then the newest list
    /// filter, then back to the list.
    fn escape(&mut self) {
        if self.overlay.take().is_some() {
            return;
        }
        if self.article_search.take().is_some() {
            self.note = Some("search cleared".into());
            return;
        }
        if !self.filters.is_empty() {
            self.pop_filter();
            return;
        }
        if self.focus != Pane::List {
            self.focus_pane(Pane::List);
        }
    }

    fn page(&self) -> isize {
        isize::try_from(self.reader_height()).unwrap_or(1).max(2)
    }

    fn scroll_by(&mut self, lines: isize) {
        self.scroll = self.scroll.saturating_add_signed(lines).min(self.max_scroll());
        if lines > 0 {
            self.records[self.selected].read = true;
        }
    }

    fn move_selection(&mut self, action: Action) {
        match self.focus {
            Pane::List => {
                let page = self.list_capacity();
                let at = self.list_position();
                let target = step(at, self.visible.len(), action, page);
                if let Some(&doc) = self.visible.get(target) {
                    self.select(doc);
                }
            }
            Pane::Sidebar => {
                let page = self.reader_height();
                let n = self.sidebar().map_or(0, |s| s.entries.len());
                let record = &mut self.records[self.selected];
                record.sidebar_selected = step(record.sidebar_selected, n, action, page);
                self.jump_to_entry(0);
            }
            Pane::Reader => {}
        }
    }

    pub fn focus_pane(&mut self, pane: Pane) {
        if pane == Pane::Sidebar && !self.sidebar_visible() {
            return;
        }
        self.focus = pane;
        if pane == Pane::Reader
            && let Some(record) = self.records.get_mut(self.selected)
        {
            record.read = true;
        }
        self.relayout();
        // Focusing the sidebar shows where its selected fact stands.
        if pane == Pane::Sidebar && self.current_fact.is_none() {
            self.jump_to_entry(0);
        }
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
        self.revision += 1;
        if !self.panes_uncovered() || self.corpus.docs.is_empty() {
            return;
        }
        let Some(pane) = self.layout.pane_at(m.column, m.row) else { return };
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                if pane == Pane::Reader {
                    self.scroll_by(if down { WHEEL_LINES } else { -WHEEL_LINES });
                } else {
                    let focus = self.focus;
                    self.focus = pane;
                    self.move_selection(if down { Action::Down } else { Action::Up });
                    self.focus = focus;
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
                if pane == Pane::Sidebar
                    && let Some(r) = self.layout.sidebar
                {
                    self.click_sidebar(usize::from(m.row.saturating_sub(r.y + 1)));
                }
            }
            _ => {}
        }
    }
}

/// What `o` opens for an article: its URL when it is a web address
/// (`http://` or `https://` and a host), else the article's own file. The
/// article does not decide which file of the person's is opened: a `url`
/// of `~/notes/secret.txt` or `/etc/hostname` opens the article's file.
fn source_of(doc: &Document) -> String {
    let web = doc.url.as_deref().filter(|u| {
        let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
        let rest = ["http://", "https://"]
            .iter()
            .find_map(|s| lower.starts_with(s).then(|| u.get(s.len()..).unwrap_or("")));
        rest.is_some_and(|r| {
            r.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '[')
                && !u.chars().any(|c| c.is_control() || c.is_whitespace())
        })
    });
    // The scheme in lower case, as the terminal loop tells a URL by it.
    web.and_then(|u| u.split_once("://"))
        .map_or_else(|| doc.path.clone(), |(s, r)| format!("{}://{r}", s.to_ascii_lowercase()))
}

/// Whether an action makes sense before any article is there (while the
/// first ones load, or when none could be).
fn works_without_articles(action: Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::Suspend
            | Action::Help
            | Action::Problems
            | Action::Reload
            | Action::ToggleMouse
            | Action::ToggleSidebar
            | Action::Escape
            | Action::NextPane
            | Action::PrevPane
    )
}

/// Whether `action` moves a list's selection (what [`step`] answers).
pub fn moves_in_list(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::First
            | Action::Last
            | Action::PageUpSelect
            | Action::PageDownSelect
    )
}

/// The selection after a movement in a list of `n` items.
pub fn step(sel: usize, n: usize, action: Action, page: usize) -> usize {
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

#[cfg(test)]
pub(crate) mod tests {
    use super::App;
    use crate::corpus::Corpus;
    use crate::facts::Extractor;

    #[test]
    fn o_opens_only_web_addresses() {
        let mut doc = crate::corpus::Document::from_text(
            crate::text::DocId(0),
            "a".into(),
            "pile/a.json".into(),
            "Title\n\nBody.",
        );
        for (url, opens) in [
            ("https://example.com/a", "https://example.com/a"),
            ("HTTP://example.com", "http://example.com"),
            ("~/notes/secret.txt", "pile/a.json"),
            ("/etc/hostname", "pile/a.json"),
            ("file:///etc/passwd", "pile/a.json"),
            ("http:///etc/passwd", "pile/a.json"),
            ("https://x.org/a b", "pile/a.json"),
            ("javascript:alert(1)", "pile/a.json"),
        ] {
            doc.url = Some(url.into());
            assert_eq!(super::source_of(&doc), opens, "{url}");
        }
    }

    /// The app for a corpus with its facts, as the headless renderer makes
    /// it (without importing it: the app sits below the drawing).
    pub fn app_for(corpus: Corpus, size: (u16, u16)) -> App {
        let extractor = Extractor::new();
        let facts: Vec<_> = corpus.docs.iter().map(|d| extractor.extract(d)).collect();
        App::new(corpus, &facts, ratatui::layout::Rect::new(0, 0, size.0, size.1))
    }
}
