//! Facts → text for scripts and people: the JSON Lines of `FACTS.md`
//! (`dossier facts --json`) and a readable table per article.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::corpus::{Document, HeaderField};

pub mod dossier;
mod table;
use crate::facts::{Fact, Field, Kind, Value};
pub use table::table;

/// One article's line of `dossier facts --json`.
#[derive(Serialize)]
struct DocLine<'a> {
    id: &'a str,
    path: &'a str,
    lang: &'a str,
    title: &'a str,
    /// The article's header (byline, date, site, url) when the source gives it.
    #[serde(flatten)]
    header: Map<String, Json>,
    facts: Vec<Json>,
}

/// The JSON object of one fact, in the shape of FACTS.md.
pub fn fact_json(doc: &Document, fact: &Fact) -> Json {
    let mut m = Map::new();
    m.insert("kind".into(), fact.kind.name().into());
    m.insert("text".into(), fact.text(doc).into());
    m.insert("start".into(), fact.span.start.into());
    m.insert("end".into(), fact.span.end.into());
    if fact.field == Field::Title {
        m.insert("in".into(), "title".into());
    }
    match &fact.value {
        Value::None => {}
        Value::Number(n) => {
            m.insert("value".into(), number_json(*n));
        }
        Value::Text(s) => {
            m.insert("value".into(), s.as_str().into());
        }
    }
    if let Some(c) = &fact.currency {
        m.insert("currency".into(), c.as_str().into());
    }
    if let Some(max) = fact.max {
        m.insert("max".into(), number_json(max));
    }
    for (key, field) in [("role", &fact.role), ("org", &fact.org)] {
        if let Some(v) = field {
            m.insert(key.into(), v.as_str().into());
        }
    }
    if fact.kind == Kind::Quote {
        m.insert("speaker".into(), fact.speaker.as_deref().map_or(Json::Null, Json::from));
    }
    Json::Object(m)
}

/// Whole numbers print without a decimal point.
fn number_json(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Json::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Json::Null, Json::Number)
    }
}

/// One line of JSON (no trailing newline) for a document and its facts.
pub fn json_line(doc: &Document, facts: &[Fact]) -> String {
    let line = DocLine {
        id: &doc.key,
        path: &doc.path,
        lang: doc.lang.code(),
        title: &doc.title,
        header: HeaderField::ALL
            .into_iter()
            .filter_map(|f| Some((f.key().to_string(), Json::from(doc.header(f)?))))
            .collect(),
        facts: facts.iter().map(|f| fact_json(doc, f)).collect(),
    };
    serde_json::to_string(&line).expect("a document serialises")
}

/// The article's header as `dossier text` prints it under the title: one
/// `Label: value` line a field, then a blank line; nothing without fields.
pub fn header_text(doc: &Document) -> String {
    let mut out = String::new();
    for field in HeaderField::ALL {
        if let Some(value) = doc.header(field) {
            let _ = writeln!(out, "{}: {}", field.label(), crate::text::one_line(value));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
