//! An entity's page ([`Dossier`]) → text: the JSON object of
//! `dossier entity --json`, the page as lines under headings (what the
//! reader draws and `dossier entity` prints), and Markdown for export.
//! Every line keeps where it comes from: the article's id (FACTS.md) and
//! the byte offsets of the fact.

use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value as Json, json};

use super::fact_json;
use crate::corpus::Document;
use crate::facts::{Fact, Field, Kind, Value, format_number};
use crate::index::Entity;
use crate::index::dossier::{Dossier, FactsOf, Source, article_day};
use crate::text::{one_line, sanitize};

/// What the page is read from: the corpus and the facts of each article.
pub struct Pile<'a, F: FactsOf + ?Sized> {
    pub docs: &'a [Document],
    pub facts: &'a F,
}

// Not derived: a derive would ask `F: Copy`, and the pile only borrows it.
impl<F: FactsOf + ?Sized> Clone for Pile<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: FactsOf + ?Sized> Copy for Pile<'_, F> {}

impl<'a, F: FactsOf + ?Sized> Pile<'a, F> {
    fn at(&self, s: Source) -> Option<(&'a Document, Fact)> {
        let doc = self.docs.get(s.doc.0)?;
        Some((doc, self.facts.fact_of(s.doc, s.fact)?))
    }

    /// The article id and the fact's offsets, as JSON fields.
    fn place(&self, s: Source, m: &mut Map<String, Json>) {
        if let Some((doc, fact)) = self.at(s) {
            m.insert("id".into(), doc.key.as_str().into());
            m.insert("start".into(), fact.span.start.into());
            m.insert("end".into(), fact.span.end.into());
            if fact.field == Field::Title {
                m.insert("in".into(), "title".into());
            }
        }
    }

    fn fact_json(&self, s: Source) -> Map<String, Json> {
        let mut m = match self.at(s) {
            Some((doc, fact)) => match fact_json(doc, &fact) {
                Json::Object(m) => m,
                _ => Map::new(),
            },
            None => Map::new(),
        };
        self.place(s, &mut m);
        m
    }
}

/// The text of `span` in the body or the headline, on one line.
fn text_of(doc: &Document, field: Field, span: crate::text::Span) -> String {
    let text = match field {
        Field::Body => &*doc.body,
        Field::Title => doc.title.as_str(),
    };
    one_line(span.get(text)).into_owned()
}

/// The object `dossier entity --json` prints, as a value.
pub fn json<F: FactsOf + ?Sized>(page: &Dossier, pile: Pile<'_, F>) -> Json {
    serde_json::to_value(Page { page, pile }).unwrap_or(Json::Null)
}

/// Writes the object `dossier entity --json` prints to `out` (no trailing
/// newline) as it is serialised: each item of its lists is made when
/// written, so what it holds meanwhile does not grow with the number of
/// mentions.
pub fn write_json<F: FactsOf + ?Sized>(
    out: &mut impl std::io::Write,
    page: &Dossier,
    pile: Pile<'_, F>,
) -> std::io::Result<()> {
    serde_json::to_writer(out, &Page { page, pile }).map_err(std::io::Error::from)
}

/// The page and where its lines come from, serialised as one object.
struct Page<'a, F: FactsOf + ?Sized> {
    page: &'a Dossier,
    pile: Pile<'a, F>,
}

/// A list serialised an item at a time, from the iterator `.0` makes.
struct Seq<F>(F);

impl<F: Fn() -> I, I: Iterator<Item = T>, T: Serialize> Serialize for Seq<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl<F: FactsOf + ?Sized> Serialize for Page<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (page, pile) = (self.page, self.pile);
        let names = Seq(|| {
            page.names.iter().map(move |n| {
                let mut m = Map::new();
                m.insert("text".into(), n.text.as_str().into());
                m.insert("lang".into(), n.lang.code().into());
                m.insert("count".into(), n.count.into());
                pile.place(n.source, &mut m);
                m
            })
        });
        let roles = Seq(|| {
            page.roles.iter().map(move |r| {
                let mut m = Map::new();
                m.insert("text".into(), role_text(r.role.as_deref(), r.org.as_deref()).into());
                m.insert("role".into(), r.role.as_deref().map_or(Json::Null, Json::from));
                m.insert("org".into(), r.org.as_deref().map_or(Json::Null, Json::from));
                m.insert("count".into(), r.count.into());
                pile.place(r.source, &mut m);
                m
            })
        });
        let articles = Seq(|| {
            page.articles.iter().filter_map(move |a| {
                let doc = pile.docs.get(a.doc.0)?;
                Some(json!({
                    "id": doc.key, "path": doc.path, "lang": doc.lang.code(), "title": doc.title,
                    "date": doc.date, "mentions": a.mentions,
                }))
            })
        });
        let quotes = Seq(|| page.quotes.iter().map(move |&q| pile.fact_json(q)));
        let figures = Seq(|| {
            page.figures.iter().filter_map(move |f| {
                let (doc, fact) = pile.at(f.source)?;
                let mut m = pile.fact_json(f.source);
                m.entry("value").or_insert(Json::Null);
                m.entry("currency").or_insert(Json::Null);
                m.insert("lang".into(), doc.lang.code().into());
                m.insert("sentence".into(), text_of(doc, fact.field, f.sentence).into());
                Some(m)
            })
        });
        let with = Seq(|| {
            page.with.iter().map(|w| {
                json!({"name": w.entity.name, "kind": w.entity.kind.name(), "count": w.count,
                       "sentences": w.sentences})
            })
        });
        let timeline = Seq(|| {
            page.timeline.iter().filter_map(move |t| {
                let (doc, fact) = pile.at(t.source)?;
                let mut m = pile.fact_json(t.source);
                m.insert("resolved".into(), t.resolution.value().map_or(Json::Null, Json::from));
                if let Some(why) = t.resolution.reason() {
                    m.insert("unresolved".into(), why.into());
                }
                m.insert("date".into(), doc.date.as_deref().map_or(Json::Null, Json::from));
                m.insert("sentence".into(), text_of(doc, fact.field, t.sentence).into());
                Some(m)
            })
        });
        // In the order of the keys, as a JSON map of them prints.
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("articles", &articles)?;
        m.serialize_entry("detailed", &page.detailed)?;
        m.serialize_entry("figures", &figures)?;
        m.serialize_entry("kind", page.entity.kind.name())?;
        m.serialize_entry("name", &page.entity.name)?;
        m.serialize_entry("names", &names)?;
        m.serialize_entry("quotes", &quotes)?;
        m.serialize_entry("roles", &roles)?;
        m.serialize_entry("timeline", &timeline)?;
        m.serialize_entry("with", &with)?;
        m.end()
    }
}

/// `former CEO · Alibaba`.
fn role_text(role: Option<&str>, org: Option<&str>) -> String {
    [role, org].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// One section of the page, with its heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: &'static str,
    pub lines: Vec<Line>,
}

/// One line of the page: its text (one line, safe to show), and where it
/// leads: the place in an article, or another entity's page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub source: Option<Source>,
    pub entity: Option<Entity>,
}

impl Line {
    fn at(text: &str, source: Source) -> Self {
        Self { text: sanitize(text).into_owned(), source: Some(source), entity: None }
    }
}

/// The page as sections of lines, in the order the reader shows them.
/// Empty sections are left out.
pub fn sections<F: FactsOf + ?Sized>(page: &Dossier, pile: Pile<'_, F>) -> Vec<Section> {
    let mut out = Vec::new();
    let mut push = |heading, lines: Vec<Line>| {
        if !lines.is_empty() {
            out.push(Section { heading, lines });
        }
    };
    push(
        "Names",
        page.names
            .iter()
            .map(|n| Line::at(&format!("{}  {}{}", n.lang, n.text, times(n.count)), n.source))
            .collect(),
    );
    push(
        "Roles",
        page.roles
            .iter()
            .map(|r| {
                Line::at(
                    &format!(
                        "{}{}",
                        role_text(r.role.as_deref(), r.org.as_deref()),
                        times(r.count)
                    ),
                    r.source,
                )
            })
            .collect(),
    );
    push(
        "Articles",
        page.articles
            .iter()
            .filter_map(|a| {
                let doc = pile.docs.get(a.doc.0)?;
                let date =
                    article_day(doc).map_or_else(|| "····-··-··".to_string(), |d| d.to_string());
                Some(Line::at(
                    &format!(
                        "{date}  {}  {}  ({} mention(s), {})",
                        doc.lang,
                        one_line(&doc.title),
                        a.mentions,
                        doc.key
                    ),
                    a.source,
                ))
            })
            .collect(),
    );
    push(
        "Quotes",
        page.quotes
            .iter()
            .filter_map(|&q| {
                let (doc, fact) = pile.at(q)?;
                Some(Line::at(
                    &format!("“{}” ({} {})", one_line(fact.text(doc)), doc.lang, doc.key),
                    q,
                ))
            })
            .collect(),
    );
    push(
        "Figures",
        page.figures
            .iter()
            .filter_map(|f| {
                let (doc, fact) = pile.at(f.source)?;
                let sentence = text_of(doc, fact.field, f.sentence);
                Some(Line::at(
                    &format!(
                        "{}  {:<7}  {} = {}  — {sentence}",
                        doc.lang,
                        fact.kind.name(),
                        one_line(fact.text(doc)),
                        value_label(&fact)
                    ),
                    f.source,
                ))
            })
            .collect(),
    );
    push(
        "Appears with",
        page.with
            .iter()
            .map(|w| Line {
                text: sanitize(&format!(
                    "{} ({})  {} paragraph(s), {} sentence(s)",
                    w.entity.name,
                    w.entity.kind.name(),
                    w.count,
                    w.sentences
                ))
                .into_owned(),
                source: Some(w.source),
                entity: Some(w.entity.clone()),
            })
            .collect(),
    );
    push(
        "Timeline",
        page.timeline
            .iter()
            .filter_map(|t| {
                let (doc, fact) = pile.at(t.source)?;
                let sentence = text_of(doc, fact.field, t.sentence);
                let when = match (t.resolution.value(), t.resolution.reason()) {
                    (Some(v), _) => v.to_string(),
                    (None, why) => format!("? ({})", why.unwrap_or("")),
                };
                Some(Line::at(
                    &format!(
                        "{when}  “{}” ({} {})  — {sentence}",
                        one_line(fact.text(doc)),
                        doc.lang,
                        doc.key
                    ),
                    t.source,
                ))
            })
            .collect(),
    );
    out
}

fn times(n: usize) -> String {
    if n > 1 { format!(" ×{n}") } else { String::new() }
}

/// A figure's value as the table shows it: `2700000000 USD`, `37 %`, `Q1`.
fn value_label(fact: &Fact) -> String {
    let max = fact.max.map(|m| format!("–{}", format_number(m))).unwrap_or_default();
    match (&fact.value, fact.kind) {
        (Value::Number(n), Kind::Money) => {
            format!("{}{max} {}", format_number(*n), fact.currency.as_deref().unwrap_or("?"))
        }
        (Value::Number(n), _) => format!("{}{max} %", format_number(*n)),
        _ => fact.value_text(),
    }
}

/// The page as plain text, for `dossier entity` without `--json`.
pub fn text<F: FactsOf + ?Sized>(page: &Dossier, pile: Pile<'_, F>) -> String {
    let mut out = format!("{} ({})\n", sanitize(&page.entity.name), page.entity.kind.name());
    for s in sections(page, pile) {
        let _ = write!(out, "\n{}\n", s.heading);
        for l in s.lines {
            let _ = writeln!(out, "  {}", l.text);
        }
    }
    out
}

/// The page as Markdown, each line followed by its source: the article's
/// id and the byte offsets of the fact (`in title` for a headline's).
pub fn markdown<F: FactsOf + ?Sized>(page: &Dossier, pile: Pile<'_, F>) -> String {
    let mut out = format!("# {} ({})\n", page.entity.name, page.entity.kind.name());
    for s in sections(page, pile) {
        let _ = write!(out, "\n## {}\n\n", s.heading);
        for l in s.lines {
            let source = l.source.and_then(|src| {
                let (doc, fact) = pile.at(src)?;
                let field = if fact.field == Field::Title { " in title" } else { "" };
                Some(format!(" — `{}` {}–{}{field}", doc.key, fact.span.start, fact.span.end))
            });
            let _ = writeln!(out, "- {}{}", l.text, source.unwrap_or_default());
        }
    }
    out
}
