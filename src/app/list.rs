//! The document list: which articles it shows (filters that combine, the
//! newest cleared first by Esc), where the selection is among them, and how
//! many rows each article takes.

use super::{App, LIST_TITLE_ROWS};
use crate::index::{Entity, fold};
use crate::keys::{Action, Context};
use crate::text::DocId;
use crate::text::Lang;

/// A list filter. Filters combine: an article shows when every one keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Articles that name an entity (in any language).
    Entity(Entity),
    Unread,
    Starred,
    /// What `/` in the list typed: titles that hold the letters typed, in
    /// order (folded: `munchen` finds `München`), and fields
    /// (`site:`, `author:`, `after:`, `before:`; see [`TitleQuery`]).
    Title(String),
    Lang(Lang),
}

impl Filter {
    /// How the filter is shown in the list's title.
    pub fn label(&self) -> String {
        match self {
            Filter::Entity(e) => e.name.clone(),
            Filter::Unread => "unread".into(),
            Filter::Starred => "starred".into(),
            Filter::Title(t) => format!("/{t}"),
            Filter::Lang(l) => l.code().to_string(),
        }
    }

    pub(super) fn keeps(&self, app: &App, doc: usize) -> bool {
        match self {
            Filter::Entity(e) => {
                app.index.mentions(e.kind, &e.name).iter().any(|m| m.doc == DocId(doc))
            }
            // The open article stays listed until another is chosen.
            Filter::Unread => !app.records[doc].read || doc == app.selected,
            Filter::Starred => app.records[doc].starred,
            Filter::Title(t) => TitleQuery::parse(t).keeps(&app.corpus.docs[doc]),
            Filter::Lang(l) => app.corpus.docs[doc].lang == *l,
        }
    }
}

/// The list filter's text, read: words of the title, and fields of the
/// article's metadata. `site:NAME` and `author:NAME` keep articles whose
/// site (or URL) and byline hold NAME (folded; `"…"` quotes a value with
/// spaces); `after:DATE` keeps those dated on or after DATE, `before:DATE`
/// those dated before it (`2024`, `2024-03` or `2024-03-05`; an article
/// without a date passes neither).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleQuery {
    /// The title's letters, folded.
    pub words: String,
    pub site: Vec<String>,
    pub author: Vec<String>,
    pub after: Option<String>,
    pub before: Option<String>,
}

impl TitleQuery {
    pub fn parse(text: &str) -> Self {
        let mut q = Self::default();
        let mut words = Vec::new();
        for token in tokens(text) {
            let field = token.split_once(':').filter(|(_, v)| !v.is_empty());
            match field {
                Some(("site", v)) => q.site.push(fold(v)),
                Some(("author", v)) => q.author.push(fold(v)),
                Some(("after", v)) => q.after = Some(v.to_string()),
                Some(("before", v)) => q.before = Some(v.to_string()),
                _ => words.push(token),
            }
        }
        q.words = fold(&words.join(" "));
        q
    }

    pub fn keeps(&self, doc: &crate::corpus::Document) -> bool {
        let holds = |field: Option<&str>, wanted: &[String]| {
            wanted.is_empty() || {
                let have = fold(field.unwrap_or(""));
                wanted.iter().all(|w| have.contains(w.as_str()))
            }
        };
        let site = [doc.site.as_deref(), doc.url.as_deref()];
        let date = doc.date.as_deref();
        fuzzy(&self.words, &fold(&doc.title))
            && (self.site.is_empty() || site.iter().any(|s| holds(*s, &self.site)))
            && holds(doc.byline.as_deref(), &self.author)
            && self.after.as_deref().is_none_or(|a| date.is_some_and(|d| d >= a))
            && self.before.as_deref().is_none_or(|b| date.is_some_and(|d| d < b))
    }
}

/// Whitespace-separated tokens; `"…"` keeps spaces inside one
/// (`author:"Ann Lee"`).
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Every non-space character of `query` appears in `text`, in order.
fn fuzzy(query: &str, text: &str) -> bool {
    let mut rest = text.chars();
    query.chars().filter(|c| !c.is_whitespace()).all(|q| rest.any(|t| t == q))
}

/// The orders the list can be sorted in; `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Path,
    Date,
    Title,
    Language,
}

impl SortKey {
    pub const fn label(self) -> &'static str {
        match self {
            SortKey::Path => "path",
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Language => "language",
        }
    }

    const fn next(self) -> Self {
        match self {
            SortKey::Path => SortKey::Date,
            SortKey::Date => SortKey::Title,
            SortKey::Title => SortKey::Language,
            SortKey::Language => SortKey::Path,
        }
    }
}

impl App {
    /// `s`: the next order; newest first by date, articles without a date last.
    pub(super) fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.refilter();
        self.note = Some(format!("sorted by {}", self.sort.label()));
    }

    pub(super) fn sort_visible(&mut self) {
        let docs = &self.corpus.docs;
        match self.sort {
            SortKey::Path => self.visible.sort_unstable(),
            SortKey::Date => {
                self.visible.sort_by(|&a, &b| docs[b].date.cmp(&docs[a].date).then(a.cmp(&b)));
            }
            SortKey::Title => self.visible.sort_by_cached_key(|&d| (fold(&docs[d].title), d)),
            SortKey::Language => self.visible.sort_by_key(|&d| (docs[d].lang, d)),
        }
        if self.reverse_sort {
            self.visible.reverse();
        }
    }

    /// `R`: the list in the opposite order.
    pub(super) fn reverse_order(&mut self) {
        self.reverse_sort = !self.reverse_sort;
        self.refilter();
        let order = if self.reverse_sort { ", reversed" } else { "" };
        self.note = Some(format!("sorted by {}{order}", self.sort.label()));
    }

    /// `A`: every listed article read (newsboat's mark-all-read).
    pub(super) fn mark_all_read(&mut self) {
        let mut n = 0;
        for &d in &self.visible {
            n += usize::from(!self.records[d].read);
            self.records[d].read = true;
        }
        if self.filters.contains(&Filter::Unread) {
            self.refilter();
        }
        self.note = Some(format!("{n} article(s) marked read"));
    }

    /// `U`: the next unread article in the list after the selection,
    /// wrapping to the top; a note when every one is read.
    pub(super) fn next_unread(&mut self) {
        let at = self.list_number();
        let n = self.visible.len();
        let next = (0..n)
            .map(|i| self.visible[(at + i) % n])
            .find(|&d| d != self.selected && !self.records[d].read);
        match next {
            Some(d) => self.select(d),
            None => self.note = Some("no unread article in the list".into()),
        }
    }

    /// `L`: the language filter goes to the next language present, then off.
    pub(super) fn cycle_language(&mut self) {
        let mut langs: Vec<Lang> = self.corpus.docs.iter().map(|d| d.lang).collect();
        langs.sort_unstable();
        langs.dedup();
        let current =
            self.filters.iter().find_map(|f| if let Filter::Lang(l) = f { Some(*l) } else { None });
        self.filters.retain(|f| !matches!(f, Filter::Lang(_)));
        let next = match current {
            None => langs.first().copied(),
            Some(l) => langs.iter().position(|x| *x == l).and_then(|i| langs.get(i + 1)).copied(),
        };
        match next {
            Some(l) => self.push_filter(Filter::Lang(l)),
            None => self.refilter(),
        }
    }

    /// The selected article's place among the visible ones.
    pub fn list_position(&self) -> usize {
        self.visible.iter().position(|&d| d == self.selected).unwrap_or(0)
    }

    /// `n`/`p`: the next or previous visible article.
    pub(super) fn step_article(&mut self, forward: bool) {
        let at = self.list_position();
        let target = if forward { at + 1 } else { at.saturating_sub(1) };
        if let Some(&doc) = self.visible.get(target) {
            self.select(doc);
        }
    }

    pub(super) fn push_filter(&mut self, filter: Filter) {
        if self.filters.contains(&filter) {
            return;
        }
        self.filters.push(filter);
        self.refilter();
    }

    /// `u` and `'`: a filter on, or off when it is on.
    pub(super) fn toggle_filter(&mut self, filter: Filter) {
        if let Some(at) = self.filters.iter().position(|f| *f == filter) {
            self.filters.remove(at);
            self.refilter();
        } else if filter == Filter::Starred && !self.records.iter().any(|r| r.starred) {
            let key = self.hint_in(Action::ToggleStar, Context::List);
            self.note = Some(format!("no starred articles ({key} stars one)"));
        } else {
            self.push_filter(filter);
        }
    }

    pub(super) fn pop_filter(&mut self) {
        self.filters.pop();
        self.refilter();
    }

    pub(super) fn refilter(&mut self) {
        let visible: Vec<usize> = (0..self.corpus.docs.len())
            .filter(|&d| self.filters.iter().all(|f| f.keeps(self, d)))
            .collect();
        self.visible = visible;
        self.sort_visible();
        self.list_offset = 0;
        match self.visible.first() {
            Some(&first) if !self.visible.contains(&self.selected) => self.select(first),
            // Nothing passes: the list is empty and says so (the reader
            // keeps the article it shows); Esc takes the filter away.
            None => {}
            _ => self.keep_list_selection_visible(),
        }
        let n = self.visible.len();
        self.note = Some(match self.filters.last() {
            Some(_) if n == 0 => self.nothing_listed(),
            Some(f) => format!("{n} article(s) with {} — {} clears", f.label(), self.esc_hint()),
            None => "filter cleared".into(),
        });
    }

    /// What the list says when its filters let no article through.
    pub fn nothing_listed(&self) -> String {
        let labels: Vec<String> = self.filters.iter().map(Filter::label).collect();
        format!("no article matches {} — {} clears", labels.join(" + "), self.esc_hint())
    }

    /// The key that clears the newest filter, over the list.
    fn esc_hint(&self) -> String {
        self.hint_in(Action::Escape, Context::List)
    }

    /// The selected article's place among the listed ones, from 1; 0 when
    /// it is not listed (no article passes the filters).
    pub fn list_number(&self) -> usize {
        self.visible.iter().position(|&d| d == self.selected).map_or(0, |at| at + 1)
    }

    /// `e`: the list keeps only the articles naming the selected entity.
    pub(super) fn filter_by_selected_entity(&mut self) {
        let Some(entry) = self.selected_entry() else { return };
        if !entry.kind.is_entity() {
            let key = self.hint_in(Action::FilterEntity, Context::Sidebar);
            self.note = Some(format!("{key} filters by people, organisations and places"));
            return;
        }
        let entity = Entity { kind: entry.kind, name: entry.label.clone() };
        self.push_filter(Filter::Entity(entity));
    }

    /// Rows inside the list pane.
    pub(super) fn list_rows(&self) -> usize {
        self.layout.list.map_or(1, |r| usize::from(r.height.saturating_sub(2))).max(1)
    }

    /// Articles a page of the list holds, about.
    pub(super) fn list_capacity(&self) -> usize {
        (self.list_rows() / (LIST_TITLE_ROWS + 1)).max(1)
    }

    /// The title rows of article `i` in the list: wrapped, at most
    /// [`LIST_TITLE_ROWS`] (the caller marks a cut with `…`).
    pub fn list_title(&self, i: usize) -> Vec<&str> {
        let Some(doc) = self.corpus.docs.get(i) else { return Vec::new() };
        let width = self.layout.list.map_or(20, |r| usize::from(r.width.saturating_sub(5)));
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

    /// Keeps the selected article inside the list's window.
    pub(super) fn keep_list_selection_visible(&mut self) {
        let at = self.list_position();
        if at < self.list_offset {
            self.list_offset = at;
        }
        // The first row that still shows the selection, found from it
        // upwards: a page of work whatever the length of the list.
        let rows = self.list_rows();
        let Some(&doc) = self.visible.get(at) else { return };
        let (mut first, mut used) = (at, self.list_item_height(doc));
        while first > self.list_offset {
            let above = self.list_item_height(self.visible[first - 1]);
            if used + above > rows {
                break;
            }
            used += above;
            first -= 1;
        }
        self.list_offset = first;
    }

    /// The article drawn at a row inside the list pane.
    pub(super) fn list_item_at(&self, row: usize) -> Option<usize> {
        let mut top = 0;
        for &doc in self.visible.iter().skip(self.list_offset) {
            top += self.list_item_height(doc);
            if row < top {
                return Some(doc);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::DocId;

    fn doc(title: &str, site: &str, byline: &str, date: &str) -> Document {
        let mut d =
            Document::from_text(DocId(0), "k".into(), "k.txt".into(), &format!("{title}\n\nBody."));
        d.site = Some(site.into());
        d.byline = Some(byline.into());
        d.date = (!date.is_empty()).then(|| date.to_string());
        d
    }

    #[test]
    fn the_filter_reads_title_words_and_fields() {
        let a = doc("Cloud sales fall", "Reuters", "Ann Lee", "2024-03-05");
        let b = doc("Cloud sales rise", "Caixin", "Bo Wang", "2023-12-30");
        let undated = doc("Cloud news", "Reuters", "Ann Lee", "");
        let keeps = |q: &str, d: &Document| TitleQuery::parse(q).keeps(d);
        assert!(keeps("cloud site:reuters", &a) && !keeps("cloud site:reuters", &b));
        assert!(keeps("author:\"ann lee\"", &a) && !keeps("author:\"ann lee\"", &b));
        assert!(keeps("after:2024-01-01", &a) && !keeps("after:2024-01-01", &b));
        assert!(keeps("before:2024", &b) && !keeps("before:2024", &a));
        assert!(keeps("after:2024-03 before:2024-04", &a));
        assert!(!keeps("after:2000", &undated) && keeps("site:reuters", &undated));
        assert!(keeps("site:", &a) == keeps("site:", &b), "an empty field is a word");
    }
}
