//! `dossier facts`: a readable table of each article's facts, grouped by
//! kind, one row per distinct fact with how often the article mentions it
//! (`Alibaba ×15`), its columns aligned by display width (so CJK and
//! combining marks line up), a quote and its speaker in columns of their own.

use std::collections::HashMap;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::corpus::Document;
use crate::facts::{Fact, Kind, Value, format_number};
use crate::text::{fit, sanitize};

/// The widest the first column grows, in terminal columns; longer cells
/// end in `…` (`dossier facts --json` has every text whole).
const FIRST_COLUMN: usize = 60;

/// One distinct fact: what it is called, how often it is mentioned, and
/// what the second column says of it.
struct Row {
    kind: Kind,
    name: String,
    count: usize,
    detail: String,
    /// The other ways the article writes an entity's name.
    written: Vec<String>,
}

impl Row {
    fn first_cell(&self) -> String {
        let name = fit(&self.name, FIRST_COLUMN);
        if self.count > 1 { format!("{name} ×{}", self.count) } else { name }
    }

    fn second_cell(&self) -> String {
        if self.written.is_empty() {
            return self.detail.clone();
        }
        let written = fit(&self.written.join(", "), FIRST_COLUMN);
        if self.detail.is_empty() {
            format!("as {written}")
        } else {
            format!("{} · as {written}", self.detail)
        }
    }
}

/// A readable table of one document's facts, grouped by kind.
pub fn table(doc: &Document, facts: &[Fact]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} [{}] {}", cell(&doc.key), doc.lang, cell(&doc.title));
    let rows = rows(doc, facts);
    for kind in Kind::ALL {
        let of_kind: Vec<&Row> = rows.iter().filter(|r| r.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        // Each kind's columns line up on their own: a long quote does not
        // push the amounts' values off to the right.
        let width = of_kind.iter().map(|r| r.first_cell().width()).max().unwrap_or(0);
        let _ = writeln!(out, "  {} ({})", kind.heading(), of_kind.len());
        for row in of_kind {
            let first = row.first_cell();
            let second = row.second_cell();
            if second.is_empty() {
                let _ = writeln!(out, "    {first}");
            } else {
                let pad = " ".repeat(width - first.width());
                let _ = writeln!(out, "    {first}{pad}  {second}");
            }
        }
    }
    out
}

/// Text made safe for a terminal and kept on one line.
fn cell(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

/// The distinct facts, in the order of their first mention.
fn rows(doc: &Document, facts: &[Fact]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<(Kind, String), usize> = HashMap::new();
    for f in facts {
        let text = cell(f.text(doc));
        let entity = f.kind.is_entity();
        let key = match f.kind {
            Kind::Quote => text.clone(),
            _ if entity => f.value_text(),
            _ => value(f),
        };
        if let Some(&i) = seen.get(&(f.kind, key.clone())) {
            let row = &mut rows[i];
            row.count += 1;
            if entity && text != row.name && !row.written.contains(&text) {
                row.written.push(text);
            }
            continue;
        }
        seen.insert((f.kind, key.clone()), rows.len());
        let (name, detail, written) = match f.kind {
            Kind::Quote => {
                (format!("“{text}”"), f.speaker.as_deref().map_or("(unnamed)".into(), cell), vec![])
            }
            _ if entity => {
                let name = cell(&key);
                let written = if text == name { vec![] } else { vec![text] };
                let detail: Vec<String> =
                    [&f.role, &f.org].into_iter().flatten().map(|s| cell(s)).collect();
                (name, detail.join(" · "), written)
            }
            _ => (text, key, vec![]),
        };
        rows.push(Row { kind: f.kind, name, count: 1, detail, written });
    }
    rows
}

/// The normalised value of an amount, percentage or date (`USD 2600000000`,
/// `30 to 50`, `Q1`).
fn value(f: &Fact) -> String {
    let mut out = match (&f.value, &f.currency) {
        (Value::Number(n), Some(c)) => format!("{c} {}", format_number(*n)),
        _ => f.value_text(),
    };
    if let Some(max) = f.max {
        let _ = write!(out, " to {}", format_number(max));
    }
    cell(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::{DocId, Span};

    /// A fact of `kind` at the first mention of `text` after byte `from`.
    fn at(doc: &Document, kind: Kind, text: &str, from: usize, value: Value) -> Fact {
        let start = doc.body.get(from..).and_then(|b| b.find(text)).unwrap() + from;
        Fact::new(kind, Span::new(start, start + text.len()), value)
    }

    #[test]
    fn one_row_per_fact_with_its_count_aligned_by_display_width() {
        let body = "阿里巴巴 said. Alibaba said. Alibaba again. 阿里巴巴 and 腾讯控股. \
                    “We will keep building the cloud,” said Wu.";
        let doc =
            Document::from_text(DocId(0), "k".into(), "k.txt".into(), &format!("T\n\n{body}"));
        let name = |s: &str| Value::Text(s.into());
        let mut facts = vec![
            at(&doc, Kind::Org, "阿里巴巴", 0, name("阿里巴巴")),
            at(&doc, Kind::Org, "Alibaba", 0, name("阿里巴巴")),
            at(&doc, Kind::Org, "Alibaba", 30, name("阿里巴巴")),
            at(&doc, Kind::Org, "阿里巴巴", 20, name("阿里巴巴")),
            at(&doc, Kind::Org, "腾讯控股", 0, name("腾讯控股")),
            at(&doc, Kind::Org, "said", 0, name("Tencent Holdings Limited")),
        ];
        let mut quote = at(&doc, Kind::Quote, "We will keep building the cloud,", 0, Value::None);
        quote.speaker = Some("Wu".into());
        facts.push(quote);
        let table = table(&doc, &facts);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[1], "  Organisations (3)", "{table}");
        assert_eq!(lines[2], "    阿里巴巴 ×4               as Alibaba", "{table}");
        assert_eq!(lines[3], "    腾讯控股", "{table}");
        assert_eq!(lines[4], "    Tencent Holdings Limited  as said", "{table}");
        assert_eq!(lines[5], "  Quotes (1)");
        assert_eq!(lines[6], "    “We will keep building the cloud,”  Wu", "{table}");
    }
}
