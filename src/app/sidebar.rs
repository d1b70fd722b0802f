//! The fact sidebar's content: an article's facts grouped by kind, one
//! entry per distinct value with all its mentions, each value written in one
//! style whatever the article's language (`CNY 16.8 bn`, `30–50 %`).

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::corpus::Document;
use crate::facts::{Fact, Kind, Value, format_number};

/// Longest quote excerpt shown, in characters.
const QUOTE_CHARS: usize = 48;

/// One distinct fact of an article, with every mention of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    pub label: String,
    /// The mention as written, when it differs from the label (`Mỹ`).
    pub written: Option<String>,
    /// Role and organisation, or a quote's speaker.
    pub detail: Option<String>,
    /// Indices into the article's facts, in reading order.
    pub mentions: Vec<usize>,
}

/// A row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Kind, usize),
    Entry(usize),
}

/// The sidebar of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sidebar {
    pub entries: Vec<Entry>,
    pub rows: Vec<Row>,
    /// The longest fact's length in bytes (the reader's highlighting
    /// looks this far back for facts that reach into a line).
    pub longest: usize,
}

impl Sidebar {
    pub fn build(doc: &Document, facts: &[Fact]) -> Self {
        Self::from_facts(doc, facts)
    }

    /// [`Sidebar::build`] from the facts one at a time, in reading order
    /// (none need be held: an article may have hundreds of thousands).
    pub fn from_facts<F: Borrow<Fact>>(doc: &Document, facts: impl IntoIterator<Item = F>) -> Self {
        let mut entries: Vec<Entry> = Vec::new();
        // Mentions are pushed in fact order, so each entry's are ascending.
        let mut seen: HashMap<(Kind, String), usize> = HashMap::new();
        let mut longest = 0;
        for (i, fact) in facts.into_iter().enumerate() {
            let fact = fact.borrow();
            longest = longest.max(fact.span.end - fact.span.start);
            let label = label(doc, fact);
            match seen.entry((fact.kind, label.clone())) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    entries[*e.get()].mentions.push(i);
                    continue;
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(entries.len());
                }
            }
            let text = fact.text(doc);
            let written = (fact.kind.is_entity() && !text.eq_ignore_ascii_case(&label))
                .then(|| text.to_string());
            entries.push(Entry {
                kind: fact.kind,
                label,
                written,
                detail: detail(fact),
                mentions: vec![i],
            });
        }
        entries.sort_by_key(|e| e.kind);
        let mut rows = Vec::new();
        for kind in Kind::ALL {
            let count = entries.iter().filter(|e| e.kind == kind).count();
            if count > 0 {
                rows.push(Row::Heading(kind, count));
                rows.extend(
                    entries
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.kind == kind)
                        .map(|(i, _)| Row::Entry(i)),
                );
            }
        }
        Self { entries, rows, longest }
    }

    /// Row index of entry `i`.
    pub fn row_of(&self, entry: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == Row::Entry(entry))
    }
}

/// A row the sidebar will draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planned {
    Heading(Kind, usize),
    Entry(usize),
    More(usize),
}

/// Chooses the rows to draw in `room` rows: everything when it fits, else
/// the first `k` entries of each group (a window around the selected entry
/// in its group) with the largest `k` that fits, else a window of the flat
/// list around the selection.
pub fn plan(sidebar: &Sidebar, selected: usize, room: usize) -> Vec<Planned> {
    let groups: Vec<(Kind, Vec<usize>)> = Kind::ALL
        .iter()
        .map(|&k| {
            (k, sidebar.rows.iter().filter_map(|r| entry_of(*r, sidebar, k)).collect::<Vec<_>>())
        })
        .filter(|(_, e)| !e.is_empty())
        .collect();
    let full: usize = groups.iter().map(|(_, e)| e.len() + 1).sum();
    if full <= room {
        return groups.iter().flat_map(|(k, e)| group_rows(*k, e, e.len(), selected)).collect();
    }
    let cost = |k: usize| -> usize {
        groups.iter().map(|(_, e)| 1 + e.len().min(k) + usize::from(e.len() > k)).sum()
    };
    if let Some(k) = (1..=groups.iter().map(|(_, e)| e.len()).max().unwrap_or(1))
        .rev()
        .find(|&k| cost(k) <= room)
    {
        return groups.iter().flat_map(|(kind, e)| group_rows(*kind, e, k, selected)).collect();
    }
    let flat: Vec<Planned> =
        groups.iter().flat_map(|(k, e)| group_rows(*k, e, e.len(), selected)).collect();
    let at = flat.iter().position(|p| *p == Planned::Entry(selected)).unwrap_or(0);
    let skip = (at + 1).saturating_sub(room);
    flat.into_iter().skip(skip).take(room).collect()
}

fn entry_of(row: Row, sidebar: &Sidebar, kind: Kind) -> Option<usize> {
    match row {
        Row::Entry(i) if sidebar.entries[i].kind == kind => Some(i),
        _ => None,
    }
}

/// A group's heading and at most `k` of its entries, the selected one among them.
fn group_rows(kind: Kind, entries: &[usize], k: usize, selected: usize) -> Vec<Planned> {
    let mut rows = vec![Planned::Heading(kind, entries.len())];
    let start = match entries.iter().position(|&e| e == selected) {
        Some(at) if at >= k => at + 1 - k,
        _ => 0,
    };
    rows.extend(entries.iter().skip(start).take(k).map(|&e| Planned::Entry(e)));
    let hidden = entries.len() - entries.len().min(k);
    if hidden > 0 {
        rows.push(Planned::More(hidden));
    }
    rows
}

impl super::App {
    /// Rows above the facts in the sidebar: the metadata line, and a line
    /// saying facts are coming or that there are none.
    pub fn sidebar_header_rows(&self) -> usize {
        match self.shown() {
            Some(r) if !r.facts_ready || self.sidebar().is_none_or(|s| s.rows.is_empty()) => 2,
            Some(_) => 1,
            None => 0,
        }
    }

    /// The sidebar's fact rows for its height: every group stays on
    /// screen (see [`plan`]). Drawing and the mouse both use it.
    pub fn sidebar_plan(&self) -> Vec<Planned> {
        let (Some(record), Some(sidebar)) = (self.shown(), self.sidebar()) else {
            return Vec::new();
        };
        let inner = self.layout.sidebar.map_or(0, |r| usize::from(r.height.saturating_sub(2)));
        let room = inner.saturating_sub(self.sidebar_header_rows());
        plan(sidebar, record.sidebar_selected, room)
    }

    /// A click on row `row` inside the sidebar: the fact there is selected
    /// and the reader jumps to it.
    pub(super) fn click_sidebar(&mut self, row: usize) {
        let plan = self.sidebar_plan();
        let Some(Planned::Entry(i)) =
            row.checked_sub(self.sidebar_header_rows()).and_then(|r| plan.get(r)).copied()
        else {
            return;
        };
        if let Some(record) = self.records.get_mut(self.selected) {
            record.sidebar_selected = i;
        }
        self.jump_to_entry(0);
    }
}

/// The value of a fact in the sidebar's one style.
pub fn label(doc: &Document, fact: &Fact) -> String {
    match (fact.kind, &fact.value) {
        (Kind::Money, Value::Number(n)) => {
            let cur = fact.currency.as_deref().unwrap_or("?");
            if let Some(max) = fact.max {
                let (scale, unit) = magnitude(n.abs().max(max.abs()));
                format!("{cur} {}–{}{unit}", round(n / scale), round(max / scale))
            } else {
                let (scale, unit) = magnitude(n.abs());
                format!("{cur} {}{unit}", round(n / scale))
            }
        }
        (Kind::Percent, Value::Number(n)) => match fact.max {
            Some(max) => format!("{}–{} %", format_number(*n), format_number(max)),
            None => format!("{} %", format_number(*n)),
        },
        (Kind::Quote, _) => format!("“{}”", excerpt(fact.text(doc), QUOTE_CHARS)),
        (_, Value::Text(s)) => s.clone(),
        _ => fact.text(doc).to_string(),
    }
}

fn magnitude(n: f64) -> (f64, &'static str) {
    if n >= 1e12 {
        (1e12, " tn")
    } else if n >= 1e9 {
        (1e9, " bn")
    } else if n >= 1e6 {
        (1e6, " m")
    } else {
        (1.0, "")
    }
}

/// At most two decimals, none when whole.
fn round(n: f64) -> String {
    format_number((n * 100.0).round() / 100.0)
}

fn detail(fact: &Fact) -> Option<String> {
    match fact.kind {
        Kind::Person => {
            let parts: Vec<&str> =
                [&fact.role, &fact.org].into_iter().flatten().map(String::as_str).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Kind::Quote => Some(
            fact.speaker.as_ref().map_or_else(|| "— unnamed".to_string(), |s| format!("— {s}")),
        ),
        _ => None,
    }
}

/// The start of `s`, cut at a word boundary with an ellipsis.
pub fn excerpt(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::corpus::shorten(&one_line, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn money(value: f64, max: Option<f64>, cur: &str) -> Fact {
        Fact {
            max,
            currency: Some(cur.into()),
            ..Fact::new(Kind::Money, Span::new(0, 3), Value::Number(value))
        }
    }

    #[test]
    fn values_in_one_style() {
        let doc = &crate::corpus::Corpus::bundled().docs[0];
        assert_eq!(label(doc, &money(16_800_000_000.0, None, "CNY")), "CNY 16.8 bn");
        assert_eq!(label(doc, &money(2_600_000_000.0, None, "USD")), "USD 2.6 bn");
        assert_eq!(label(doc, &money(22_640_000.0, None, "USD")), "USD 22.64 m");
        assert_eq!(label(doc, &money(5.0, Some(7.0), "USD")), "USD 5–7");
        assert_eq!(label(doc, &money(50.0, None, "EUR")), "EUR 50");
        let pct = Fact {
            max: Some(50.0),
            ..Fact::new(Kind::Percent, Span::new(0, 3), Value::Number(30.0))
        };
        assert_eq!(label(doc, &pct), "30–50 %");
    }

    #[test]
    fn mentions_of_one_value_make_one_entry() {
        let doc = &crate::corpus::Corpus::bundled().docs[0];
        let place =
            |s, e| Fact::new(Kind::Place, Span::new(s, e), Value::Text("United States".into()));
        let at = doc.body.find("Mỹ").unwrap();
        let facts = vec![place(at, at + "Mỹ".len()), place(at, at + "Mỹ".len())];
        let sidebar = Sidebar::build(doc, &facts);
        assert_eq!(sidebar.entries.len(), 1);
        assert_eq!(sidebar.entries[0].mentions, [0, 1]);
        assert_eq!(sidebar.entries[0].written.as_deref(), Some("Mỹ"));
        assert_eq!(sidebar.rows, [Row::Heading(Kind::Place, 1), Row::Entry(0)]);
    }
}
