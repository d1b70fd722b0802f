//! Facts → text for scripts and people: the JSON Lines of `FACTS.md`
//! (`dossier facts --json`) and a readable table per article.

use std::fmt::Write as _;

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value as Json;

use crate::corpus::{Document, HeaderField};

pub mod dossier;
mod table;
use crate::facts::{Fact, Field, Kind, Value};
pub use table::table;

/// One article's line of `dossier facts --json`, borrowed from the article
/// and its facts: written as it is serialised, nothing built per fact.
#[derive(Serialize)]
struct DocLine<'a> {
    id: &'a str,
    path: &'a str,
    lang: &'a str,
    title: &'a str,
    /// The article's header (byline, date, site, url) when the source
    /// gives it, in the order of its keys (as a JSON map sorts them).
    #[serde(flatten)]
    header: BTreeMap<&'static str, &'a str>,
    facts: Facts<'a>,
}

/// The facts of one article, serialised one at a time.
struct Facts<'a> {
    doc: &'a Document,
    facts: &'a [Fact],
}

impl Serialize for Facts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.facts.iter().map(|fact| FactJson { doc: self.doc, fact }))
    }
}

/// The JSON object of one fact, in the shape of FACTS.md, its keys in
/// alphabetical order (the order a JSON map of them prints in).
struct FactJson<'a> {
    doc: &'a Document,
    fact: &'a Fact,
}

impl Serialize for FactJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fact = self.fact;
        let mut m = s.serialize_map(None)?;
        if let Some(c) = &fact.currency {
            m.serialize_entry("currency", c)?;
        }
        m.serialize_entry("end", &fact.span.end)?;
        if fact.field == Field::Title {
            m.serialize_entry("in", "title")?;
        }
        m.serialize_entry("kind", fact.kind.name())?;
        if let Some(max) = fact.max {
            m.serialize_entry("max", &JsonNumber(max))?;
        }
        if let Some(org) = &fact.org {
            m.serialize_entry("org", org)?;
        }
        if let Some(role) = &fact.role {
            m.serialize_entry("role", role)?;
        }
        if fact.kind == Kind::Quote {
            m.serialize_entry("speaker", &fact.speaker)?;
        }
        m.serialize_entry("start", &fact.span.start)?;
        m.serialize_entry("text", fact.text(self.doc))?;
        match &fact.value {
            Value::None => {}
            Value::Number(n) => m.serialize_entry("value", &JsonNumber(*n))?,
            Value::Text(t) => m.serialize_entry("value", t)?,
        }
        m.end()
    }
}

/// A number as FACTS.md writes it: whole numbers without a decimal point.
struct JsonNumber(f64);

impl Serialize for JsonNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.0;
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            s.serialize_i64(n as i64)
        } else if n.is_finite() {
            s.serialize_f64(n)
        } else {
            s.serialize_none()
        }
    }
}

/// The JSON object of one fact, in the shape of FACTS.md, as a value (for
/// the entity page, which adds keys of its own).
pub fn fact_json(doc: &Document, fact: &Fact) -> Json {
    serde_json::to_value(FactJson { doc, fact }).unwrap_or(Json::Null)
}

/// Writes one line of JSON (no trailing newline) for a document and its
/// facts to `out`, a fact at a time: what it holds meanwhile does not grow
/// with the number of facts (give it a buffered writer).
pub fn write_json_line(
    out: &mut impl std::io::Write,
    doc: &Document,
    facts: &[Fact],
) -> std::io::Result<()> {
    let line = DocLine {
        id: &doc.key,
        path: &doc.path,
        lang: doc.lang.code(),
        title: &doc.title,
        header: HeaderField::ALL
            .into_iter()
            .filter_map(|f| Some((f.key(), doc.header(f)?)))
            .collect(),
        facts: Facts { doc, facts },
    };
    serde_json::to_writer(out, &line).map_err(std::io::Error::from)
}

/// One line of JSON (no trailing newline) for a document and its facts.
pub fn json_line(doc: &Document, facts: &[Fact]) -> String {
    let mut out = Vec::new();
    write_json_line(&mut out, doc, facts).expect("a document serialises");
    // serde_json writes UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
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
