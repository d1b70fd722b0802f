//! The corpus indexes, saved so that a start does not build them again:
//! the search index ([`SearchIndex::write_to`]) and the entity index
//! ([`EntityIndex::to_bytes`]) as blobs in 8 MB parts, with the document
//! rows they were built over (their article `i` is `rows[i]`).
//!
//! Loading maps each saved article to its id now through its row: rows
//! gone (or re-stored after a change) become tombstones, and the articles
//! the saved copy does not know are returned, for the caller to index
//! (a [`Layered`] delta, [`EntityIndex::add_doc`]).

use std::collections::HashMap;
use std::io::{Read, Write};

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::codec::{Reader, Writer};
use super::db::sqlite;
use super::error::{Result, StoreError};
use super::library::{DocRow, Library};
use super::version;
use crate::index::{EntityIndex, Layered, SearchIndex};
use crate::text::DocId;

/// Bytes in one blob row: SQLite's limit on a value is 1 GB, and a part
/// of this size is read and written without holding the whole index twice.
const PART_BYTES: usize = 8 << 20;

/// The saved indexes, mapped onto the articles now.
pub struct SavedIndexes {
    /// The saved search index, with tombstones for articles gone; index
    /// `missing` into its delta ([`Layered::set_delta`]).
    pub search: Layered,
    /// The saved entity index, renumbered, without the articles gone; add
    /// `missing` ([`EntityIndex::add_doc`]).
    pub entities: EntityIndex,
    /// Articles now (ids) that the saved indexes do not cover.
    pub missing: Vec<DocId>,
}

impl Library {
    /// Saves both indexes, built over the documents of `rows` (article `i`
    /// of the indexes is `rows[i]`), replacing what was saved; nothing is
    /// written when the same rows were saved already.
    pub fn save_indexes(
        &mut self,
        rows: &[DocRow],
        search: &SearchIndex,
        entities: &EntityIndex,
    ) -> Result<()> {
        self.save_search(rows, search)?;
        self.save_entities(rows, entities, "")
    }

    /// Saves the search index built over the documents of `rows`.
    pub fn save_search(&mut self, rows: &[DocRow], search: &SearchIndex) -> Result<()> {
        self.save_blob(SEARCH, &header(rows, ""), |w| search.write_to(w))
    }

    /// Saves the entity index built over the facts of the documents of
    /// `rows`; `tag` names what else it was built with (the person's
    /// corrections): it is loaded only with the same.
    pub fn save_entities(
        &mut self,
        rows: &[DocRow],
        entities: &EntityIndex,
        tag: &str,
    ) -> Result<()> {
        self.save_blob(ENTITIES, &header(rows, tag), |w| w.write_all(&entities.to_bytes()))
    }

    /// Whether the entity index saved is the one over `rows` with `tag`
    /// (saving it again would write nothing).
    pub fn entities_saved(&self, rows: &[DocRow], tag: &str) -> Result<bool> {
        Ok(self.saved_header(ENTITIES)?.as_deref() == Some(header(rows, tag).as_slice()))
    }

    /// Replaces the blob `name` and its header (written last: a save cut
    /// short leaves no header, so nothing is read); nothing is written
    /// when the same header is saved already.
    fn save_blob(
        &mut self,
        name: Name,
        header: &[u8],
        write: impl FnOnce(&mut Parts<'_>) -> std::io::Result<()>,
    ) -> Result<()> {
        if self.saved_header(name)?.as_deref() == Some(header) {
            return Ok(());
        }
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        tx.execute("DELETE FROM blobs WHERE name IN (?1, ?2)", [name.data, name.header])
            .map_err(e)?;
        write_blob(&tx, &path, name.data, write)?;
        tx.execute(
            "INSERT INTO blobs (name, part, data) VALUES (?1, 0, ?2)",
            params![name.header, header],
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        // An index is tens of megabytes: not left in the log for the next start.
        self.settle();
        Ok(())
    }

    fn saved_header(&self, name: Name) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row("SELECT data FROM blobs WHERE name = ?1 AND part = 0", [name.header], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The saved indexes mapped onto the documents of `rows` (article `i`
    /// now is `rows[i]`); `None` when none are saved, or saved by another
    /// version, or damaged (then build them). The two can also be loaded
    /// apart, on two threads with a [`Library::reader`] each.
    pub fn load_indexes(&self, rows: &[DocRow]) -> Result<Option<SavedIndexes>> {
        let Some((search, missing)) = self.load_search(rows)? else { return Ok(None) };
        let Some((entities, _)) = self.load_entities(rows)? else { return Ok(None) };
        Ok(Some(SavedIndexes { search, entities, missing }))
    }

    /// The saved search index over `rows`, and the articles it lacks.
    pub fn load_search(&self, rows: &[DocRow]) -> Result<Option<(Layered, Vec<DocId>)>> {
        let Some(base) = self.base_map(SEARCH, rows, "")? else { return Ok(None) };
        let mut parts = BlobReader::new(self, SEARCH.data);
        let search = match SearchIndex::read_from(&mut parts) {
            Ok(s) if s.doc_count() == base.map.len() => s,
            _ => return parts.failed.map_or(Ok(None), |e| Err(self.err(e))),
        };
        Ok(Some((Layered::from_base(search, &base.map), base.missing)))
    }

    /// The saved entity index renumbered onto `rows`, and the articles it lacks.
    pub fn load_entities(&self, rows: &[DocRow]) -> Result<Option<(EntityIndex, Vec<DocId>)>> {
        self.load_entities_tagged(rows, "")
    }

    /// [`Library::load_entities`] of an index saved with `tag`.
    pub fn load_entities_tagged(
        &self,
        rows: &[DocRow],
        tag: &str,
    ) -> Result<Option<(EntityIndex, Vec<DocId>)>> {
        let Some(base) = self.base_map(ENTITIES, rows, tag)? else { return Ok(None) };
        let mut bytes = Vec::new();
        let mut parts = BlobReader::new(self, ENTITIES.data);
        if parts.read_to_end(&mut bytes).is_err() {
            return parts.failed.map_or(Ok(None), |e| Err(self.err(e)));
        }
        let Some(mut entities) = EntityIndex::from_bytes(&bytes) else { return Ok(None) };
        drop(bytes);
        entities.remap(|d| base.map.get(d.0).copied().flatten());
        Ok(Some((entities, base.missing)))
    }

    /// The rows of the documents the saved entity index of `tag` covers
    /// (none when there is none of this version and tag): a load can tell
    /// from it, before it starts, which articles it must find the
    /// entities of.
    pub fn saved_entity_rows(&self, tag: &str) -> Result<Option<std::collections::HashSet<i64>>> {
        let Some(header) = self.saved_header(ENTITIES)? else { return Ok(None) };
        Ok(read_header(&header, tag).map(|rows| rows.into_iter().collect()))
    }

    /// Each saved article's id now (through its row), and the articles now
    /// that the saved index `name` lacks.
    fn base_map(&self, name: Name, rows: &[DocRow], tag: &str) -> Result<Option<BaseMap>> {
        let Some(header) = self.saved_header(name)? else { return Ok(None) };
        let Some(saved_rows) = read_header(&header, tag) else { return Ok(None) };
        let now: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        let map: Vec<Option<DocId>> =
            saved_rows.iter().map(|r| now.get(r).map(|&i| DocId(i))).collect();
        let mut covered = vec![false; rows.len()];
        for d in map.iter().flatten() {
            covered[d.0] = true;
        }
        let missing = (0..rows.len()).filter(|&i| !covered[i]).map(DocId).collect();
        Ok(Some(BaseMap { map, missing }))
    }
}

/// A saved index's rows in `blobs`: its parts and its header.
#[derive(Clone, Copy)]
struct Name {
    data: &'static str,
    header: &'static str,
}

const SEARCH: Name = Name { data: "search", header: "search-header" };
const ENTITIES: Name = Name { data: "entities", header: "entities-header" };

struct BaseMap {
    map: Vec<Option<DocId>>,
    missing: Vec<DocId>,
}

/// Writes a blob as `PART_BYTES` rows named `name` through `write`.
fn write_blob(
    tx: &rusqlite::Transaction<'_>,
    path: &std::path::Path,
    name: &'static str,
    write: impl FnOnce(&mut Parts<'_>) -> std::io::Result<()>,
) -> Result<()> {
    let mut parts = Parts { tx, name, part: 0, buf: Vec::new(), failed: None };
    let written = write(&mut parts).and_then(|()| parts.flush());
    if let Some(err) = parts.failed.take() {
        return Err(sqlite(path, err));
    }
    written.map_err(|err| StoreError::Unavailable {
        path: path.to_path_buf(),
        reason: err.to_string(),
    })
}

/// The versions an index was built under, its tag and the rows it covers.
fn header(rows: &[DocRow], tag: &str) -> Vec<u8> {
    let mut w = Writer::default();
    w.str(version::parse());
    w.str(version::extraction());
    w.str(tag);
    w.usize(rows.len());
    let mut last = 0i64;
    for r in rows {
        w.varint(zigzag(r.0 - last));
        last = r.0;
    }
    w.buf
}

fn read_header(bytes: &[u8], tag: &str) -> Option<Vec<i64>> {
    let mut r = Reader::new(bytes);
    if r.str()? != version::parse() || r.str()? != version::extraction() || r.str()? != tag {
        return None;
    }
    let n = r.count(1)?;
    let mut rows = Vec::with_capacity(n);
    let mut last = 0i64;
    for _ in 0..n {
        last = last.checked_add(unzigzag(r.varint()?))?;
        rows.push(last);
    }
    r.rest.is_empty().then_some(rows)
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)).cast_unsigned()
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1).cast_signed() ^ -((v & 1).cast_signed())
}

/// Writes a blob as rows of `PART_BYTES`.
struct Parts<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    name: &'static str,
    part: i64,
    buf: Vec<u8>,
    failed: Option<rusqlite::Error>,
}

impl Parts<'_> {
    fn put(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let inserted = self
            .tx
            .prepare_cached("INSERT INTO blobs (name, part, data) VALUES (?1, ?2, ?3)")
            .and_then(|mut s| s.execute(params![self.name, self.part, self.buf]));
        self.buf.clear();
        self.part += 1;
        inserted.map(|_| ()).map_err(|e| {
            let io = std::io::Error::other(e.to_string());
            self.failed = Some(e);
            io
        })
    }
}

impl Write for Parts<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let room = PART_BYTES - self.buf.len();
        let n = bytes.len().min(room);
        self.buf.extend_from_slice(&bytes[..n]);
        if self.buf.len() == PART_BYTES {
            self.put()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.put()
    }
}

/// Reads a blob's rows in order, one at a time.
struct BlobReader<'a> {
    library: &'a Library,
    name: &'static str,
    part: i64,
    buf: Vec<u8>,
    at: usize,
    failed: Option<rusqlite::Error>,
}

impl<'a> BlobReader<'a> {
    fn new(library: &'a Library, name: &'static str) -> Self {
        Self { library, name, part: 0, buf: Vec::new(), at: 0, failed: None }
    }
}

impl Read for BlobReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buf.len() {
            let next: Option<Vec<u8>> = self
                .library
                .conn
                .prepare_cached("SELECT data FROM blobs WHERE name = ?1 AND part = ?2")
                .and_then(|mut s| {
                    s.query_row(params![self.name, self.part], |r| r.get(0)).optional()
                })
                .map_err(|e| {
                    let io = std::io::Error::other(e.to_string());
                    self.failed = Some(e);
                    io
                })?;
            let Some(next) = next else { return Ok(0) };
            self.buf = next;
            self.at = 0;
            self.part += 1;
        }
        let n = out.len().min(self.buf.len() - self.at);
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
