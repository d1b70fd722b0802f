//! The person's corrections of the facts, kept in the reading state
//! (`state.sqlite`, table `corrections`): they cannot be rebuilt, so they
//! live beside the marks, never in the library (which may be deleted).
//!
//! A correction of one mention names it by the article's id (FACTS.md's
//! `id`), the fact's kind, where it points (body or headline), its exact
//! byte span and the text there: it survives a new extraction, a reload and
//! a restart, and a file changed elsewhere; a file whose text changed at
//! that place no longer matches, and the correction rests unused rather
//! than falling on another fact. A correction of an entity (a merge, a
//! split) names it by kind and canonical name, across the corpus.
//!
//! A new correction replaces the one of the same slot (a second speaker
//! for one quote, a second merge of one name); [`Marks::uncorrect`] takes
//! one back.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::Result;
use super::library::{int, now};
use super::marks::Marks;
use crate::corpus::Document;
use crate::facts::{Fact, Field, Kind};
use crate::text::Span;

/// Which mention a correction is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FactKey {
    /// The article's id (FACTS.md).
    pub article: String,
    pub kind: Kind,
    pub field: Field,
    pub span: Span,
    /// The mention as written.
    pub text: String,
}

impl FactKey {
    pub fn of(doc: &Document, fact: &Fact) -> Self {
        Self {
            article: doc.key.clone(),
            kind: fact.kind,
            field: fact.field,
            span: fact.span,
            text: fact.text(doc).to_string(),
        }
    }
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// The mention is no fact.
    Drop(FactKey),
    /// The quote's speaker is this person (`None`: nobody named).
    Speaker(FactKey, Option<String>),
    /// Every entity of this kind named `from` is `into` (`Lopez` is
    /// `Maria Lopez`).
    Merge { kind: Kind, from: String, into: String },
    /// The mentions of `name` written `surface` are another entity, `into`
    /// (a wrong merge undone for one spelling).
    Split { kind: Kind, name: String, surface: String, into: String },
}

impl Correction {
    /// The word the table keeps in `what`.
    fn what(&self) -> &'static str {
        match self {
            Correction::Drop(_) => "drop",
            Correction::Speaker(..) => "speaker",
            Correction::Merge { .. } => "merge",
            Correction::Split { .. } => "split",
        }
    }

    /// The row's columns: kind, article, field, start, end, text, name, value.
    fn columns(&self) -> Row {
        let mention = |k: &FactKey| Row {
            kind: k.kind,
            article: Some(k.article.clone()),
            field: Some(field_name(k.field)),
            start: Some(int(k.span.start)),
            end: Some(int(k.span.end)),
            text: Some(k.text.clone()),
            name: None,
            value: None,
        };
        match self {
            Correction::Drop(k) => mention(k),
            Correction::Speaker(k, speaker) => Row { value: speaker.clone(), ..mention(k) },
            Correction::Merge { kind, from, into } => Row {
                kind: *kind,
                name: Some(from.clone()),
                value: Some(into.clone()),
                ..Row::default()
            },
            Correction::Split { kind, name, surface, into } => Row {
                kind: *kind,
                text: Some(surface.clone()),
                name: Some(name.clone()),
                value: Some(into.clone()),
                ..Row::default()
            },
        }
    }

    /// A correction read back; `None` for a row this dossier cannot read.
    fn from_row(what: &str, row: Row) -> Option<Self> {
        let key = || {
            Some(FactKey {
                article: row.article.clone()?,
                kind: row.kind,
                field: match row.field? {
                    "title" => Field::Title,
                    _ => Field::Body,
                },
                span: Span::new(usize::try_from(row.start?).ok()?, usize::try_from(row.end?).ok()?),
                text: row.text.clone()?,
            })
        };
        Some(match what {
            "drop" => Correction::Drop(key()?),
            "speaker" => Correction::Speaker(key()?, row.value.clone()),
            "merge" => Correction::Merge { kind: row.kind, from: row.name?, into: row.value? },
            "split" => Correction::Split {
                kind: row.kind,
                name: row.name?,
                surface: row.text?,
                into: row.value?,
            },
            _ => return None,
        })
    }
}

/// A correction as one row of the table.
#[derive(Debug, Default)]
struct Row {
    kind: Kind,
    article: Option<String>,
    field: Option<&'static str>,
    start: Option<i64>,
    end: Option<i64>,
    text: Option<String>,
    name: Option<String>,
    value: Option<String>,
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Body => "body",
        Field::Title => "title",
    }
}

/// A change of the corrections: one made, or one taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add(Correction),
    Remove(Correction),
}

/// The rows of the same slot as `row` (the same correction of the same thing).
const SAME_SLOT: &str = "what = ?1 AND kind = ?2 AND article IS ?3 AND field IS ?4 \
     AND start IS ?5 AND \"end\" IS ?6 AND text IS ?7 AND name IS ?8";

impl Marks {
    /// Every correction, oldest first.
    pub fn corrections(&self) -> Result<Vec<Correction>> {
        let e = |e| super::db::sqlite(self.path(), e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT what, kind, article, field, start, \"end\", text, name, value \
                 FROM corrections ORDER BY id",
            )
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                let kind: String = r.get(1)?;
                let field: Option<String> = r.get(3)?;
                Ok((
                    r.get::<_, String>(0)?,
                    Kind::ALL.into_iter().find(|k| k.name() == kind),
                    Row {
                        kind: Kind::default(),
                        article: r.get(2)?,
                        field: field.map(|f| if f == "title" { "title" } else { "body" }),
                        start: r.get(4)?,
                        end: r.get(5)?,
                        text: r.get(6)?,
                        name: r.get(7)?,
                        value: r.get(8)?,
                    },
                ))
            })
            .map_err(e)?;
        let mut out = Vec::new();
        for row in rows {
            let (what, kind, row) = row.map_err(e)?;
            // A row of a newer dossier (another kind, another `what`) is left alone.
            if let Some(c) = kind.and_then(|kind| Correction::from_row(&what, Row { kind, ..row }))
            {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Records changes in one transaction: a correction replaces the one
    /// of its slot; a removal deletes it.
    pub fn correct(&mut self, changes: &[Change]) -> Result<()> {
        let path = self.path().to_path_buf();
        let e = |e| super::db::sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let now = now();
        for change in changes {
            let (Change::Add(c) | Change::Remove(c)) = change;
            let r = c.columns();
            tx.execute(
                &format!("DELETE FROM corrections WHERE {SAME_SLOT}"),
                params![
                    c.what(),
                    r.kind.name(),
                    r.article,
                    r.field,
                    r.start,
                    r.end,
                    r.text,
                    r.name
                ],
            )
            .map_err(e)?;
            if let Change::Add(_) = change {
                tx.execute(
                    "INSERT INTO corrections \
                     (what, kind, article, field, start, \"end\", text, name, value, changed) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        c.what(),
                        r.kind.name(),
                        r.article,
                        r.field,
                        r.start,
                        r.end,
                        r.text,
                        r.name,
                        r.value,
                        now
                    ],
                )
                .map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }
}

/// The corrections kept in the reading state at `path`, read without
/// writing anything (for the headless commands): none when there is no
/// such file, or when it predates corrections.
pub fn read_corrections(path: &std::path::Path) -> Result<Vec<Correction>> {
    // Not there: none yet. A link, a FIFO, a device or a folder in its
    // place is not opened (the reader says so when it opens the state).
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => {
            return Err(super::StoreError::Unavailable {
                path: path.to_path_buf(),
                reason: "not a regular file".into(),
            });
        }
        Err(_) => return Ok(Vec::new()),
    }
    let conn = super::db::open_reader(path)?;
    let e = |e| super::db::sqlite(path, e);
    let has: Option<String> = conn
        .query_row(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'corrections'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(e)?;
    if has.is_none() {
        return Ok(Vec::new());
    }
    Marks::from_reader(conn, path).corrections()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(start: usize, text: &str) -> FactKey {
        FactKey {
            article: "000_a".into(),
            kind: Kind::Quote,
            field: Field::Body,
            span: Span::new(start, start + text.len()),
            text: text.into(),
        }
    }

    #[test]
    fn corrections_round_trip_and_replace_their_slot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        let mut marks = Marks::open(&path).unwrap();
        let merge = |into: &str| Correction::Merge {
            kind: Kind::Person,
            from: "Lopez".into(),
            into: into.into(),
        };
        let split = Correction::Split {
            kind: Kind::Place,
            name: "Germany".into(),
            surface: "Deutschlands".into(),
            into: "Deutschlands".into(),
        };
        marks
            .correct(&[
                Change::Add(Correction::Drop(key(10, "nonsense words here"))),
                Change::Add(Correction::Speaker(key(40, "a quote"), Some("Mara Quist".into()))),
                Change::Add(merge("Lopez Garcia")),
                Change::Add(split.clone()),
            ])
            .unwrap();
        marks
            .correct(&[
                Change::Add(merge("Maria Lopez")),
                Change::Add(Correction::Speaker(key(40, "a quote"), None)),
            ])
            .unwrap();
        drop(marks);
        let marks = Marks::open(&path).unwrap();
        let all = marks.corrections().unwrap();
        assert_eq!(
            all,
            [
                Correction::Drop(key(10, "nonsense words here")),
                split.clone(),
                merge("Maria Lopez"),
                Correction::Speaker(key(40, "a quote"), None),
            ]
        );
        drop(marks);
        assert_eq!(read_corrections(&path).unwrap(), all);
        let mut marks = Marks::open(&path).unwrap();
        marks.correct(&[Change::Remove(split), Change::Remove(merge("x"))]).unwrap();
        assert_eq!(marks.corrections().unwrap().len(), 2);
        assert!(read_corrections(&dir.path().join("none.sqlite")).unwrap().is_empty());
        #[cfg(unix)]
        {
            let link = dir.path().join("link.sqlite");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            assert!(read_corrections(&link).is_err(), "a link is not followed");
        }
    }

    #[test]
    fn a_reading_state_of_schema_1_is_stepped_on_with_its_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(super::super::schema::STATE).unwrap();
            conn.execute_batch(&format!(
                "PRAGMA application_id = {}; PRAGMA user_version = 1; \
                 INSERT INTO marks (key, path, read, changed, seen) VALUES ('k', 'a.txt', 1, 0, 0);",
                super::super::version::APPLICATION_ID
            ))
            .unwrap();
        }
        assert!(read_corrections(&path).unwrap().is_empty());
        let mut marks = Marks::open(&path).unwrap();
        assert!(marks.take_note().is_none(), "stepped on, not moved aside");
        assert!(marks.load().unwrap().articles["k"].read);
        marks.correct(&[Change::Add(Correction::Drop(key(1, "x")))]).unwrap();
        assert_eq!(marks.corrections().unwrap().len(), 1);
        let version: i64 = marks.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, super::super::version::STATE_SCHEMA);
    }
}
