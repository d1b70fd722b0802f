//! The fact sidebar's content: an article's facts grouped by kind, one
//! entry per distinct value with all its mentions, each value written in one
//! style whatever the article's language (`CNY 16.8 bn`, `30–50 %`).

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
        let mut entries: Vec<Entry> = Vec::new();
        // Mentions are pushed in fact order, so each entry's are ascending.
        let mut seen: HashMap<(Kind, String), usize> = HashMap::new();
        for (i, fact) in facts.iter().enumerate() {
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
        let longest = facts.iter().map(|f| f.span.end - f.span.start).max().unwrap_or(0);
        Self { entries, rows, longest }
    }

    /// Row index of entry `i`.
    pub fn row_of(&self, entry: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == Row::Entry(entry))
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
