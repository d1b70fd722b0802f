//! The library: per source file, its parsed documents and their facts.
//!
//! A load asks [`Library::plan`] what became of each listed file since it
//! was stored ([`Verdict`]), takes the unchanged ones from here
//! ([`Library::documents`], [`Library::facts`]), parses and extracts the
//! rest and hands each file back whole with [`Library::put`] (one
//! transaction: a file is stored with all its documents and facts, or not
//! at all).

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::codec;
use super::db::{self, Spec, sqlite};
use super::error::{Result, StoreError};
use super::schema;
use super::version;
use crate::corpus::{Document, Notice, is_under, listing_order};
use crate::facts::{Fact, Value};
use crate::text::{DocId, Lang};

mod packed;

/// A file's row in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub i64);

/// A document's row in the library: stable for as long as its file is
/// unchanged (never reused for another document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocRow(pub i64);

/// A file as listed now: what decides whether the stored copy still holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Absolute (symbolic links are not resolved: each path is its own file).
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub mtime_ns: i64,
}

impl Listed {
    /// Size and modification time of the file at `path` (made absolute).
    pub fn stat(path: &Path) -> std::io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        Ok(Self::from_metadata(std::path::absolute(path)?, &meta))
    }

    /// The same, with a relative `path` taken from `cwd` (asking the system
    /// for the current folder once, not once a file).
    pub fn stat_from(cwd: &Path, path: &Path) -> std::io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        // Absolute already: `absolute` only tidies it (no system call).
        Ok(Self::from_metadata(std::path::absolute(cwd.join(path))?, &meta))
    }

    pub fn from_metadata(path: PathBuf, meta: &std::fs::Metadata) -> Self {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Self { path, size: meta.len(), mtime_ns }
    }
}

/// What became of a listed file since it was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Documents and facts come from the library, nothing is read.
    Unchanged(FileId),
    /// Documents come from the library; their facts were made by another
    /// extraction version: extract again and [`Library::put_facts`].
    Stale(FileId),
    /// The file is not what was stored: parse it again and [`Library::put`].
    Changed(FileId),
    /// Never stored: parse it and [`Library::put`].
    New,
}

/// The verdict on each listed file (in listing order), and the stored files
/// under the listed roots that are gone.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub verdicts: Vec<Verdict>,
    pub vanished: Vec<(FileId, PathBuf)>,
}

impl Plan {
    /// How many files are (unchanged, stale, changed, new).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut c = (0, 0, 0, 0);
        for v in &self.verdicts {
            match v {
                Verdict::Unchanged(_) => c.0 += 1,
                Verdict::Stale(_) => c.1 += 1,
                Verdict::Changed(_) => c.2 += 1,
                Verdict::New => c.3 += 1,
            }
        }
        c
    }

    /// The stored files whose documents can be shown as they are (unchanged
    /// or stale), in listing order, with their place in the listing.
    pub fn stored(&self) -> Vec<(usize, FileId)> {
        self.verdicts
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Verdict::Unchanged(f) | Verdict::Stale(f) => Some((i, *f)),
                _ => None,
            })
            .collect()
    }

    /// Places in the listing of the files to parse (changed or new).
    pub fn to_parse(&self) -> Vec<usize> {
        self.verdicts
            .iter()
            .enumerate()
            .filter(|(_, v)| matches!(v, Verdict::Changed(_) | Verdict::New))
            .map(|(i, _)| i)
            .collect()
    }
}

/// One file's parse and extraction, to store.
#[derive(Debug, Clone, Copy)]
pub struct NewFile<'a> {
    pub listed: &'a Listed,
    /// [`content_hash`] of the bytes that were parsed, when the loader has
    /// it: a later change of modification time alone is then recognised
    /// as no change.
    pub hash: Option<u64>,
    /// Its documents, in order, and for each the `N` of `key#N` when the
    /// file holds several articles.
    pub docs: &'a [(Option<usize>, Document)],
    /// Each document's [`crate::corpus::article_hash`] when the loader
    /// made it already (else none: made here).
    pub body_hashes: &'a [u64],
    /// The facts of each document, when extracted already (else the file is
    /// [`Verdict::Stale`] until [`Library::put_facts`]).
    pub facts: Option<&'a [Vec<Fact>]>,
    /// What failed in the file (shown again while it is unchanged).
    pub problems: &'a [Notice],
}

/// A document read back from the library.
#[derive(Debug, Clone)]
pub struct Stored {
    pub row: DocRow,
    pub file: FileId,
    /// The `N` of `key#N` in a file of several articles.
    pub part: Option<usize>,
    /// [`crate::corpus::article_hash`] of its title and body, to load a
    /// repeat once.
    pub body_hash: u64,
    /// The document; `body`, `paragraphs` and `furniture` are empty when
    /// asked for without bodies ([`Library::fill_body`] brings them).
    pub doc: Document,
}

impl Stored {
    /// Names the document as the listing now names its file: the key
    /// (FACTS.md's id) is relative to the folder given on the command line,
    /// which may not be the one it was stored from.
    pub fn relabel(&mut self, source: &crate::corpus::Source) {
        self.doc.key = match self.part {
            Some(n) => format!("{}#{n}", source.key),
            None => source.key.clone(),
        };
        self.doc.path.clone_from(&source.display);
    }
}

/// A stable content hash of a file's bytes (what [`NewFile::hash`] wants).
pub fn content_hash(bytes: &[u8]) -> u64 {
    version::stable_hash(&[bytes])
}

/// The same, reading the file in pieces (at most `limit` bytes).
fn hash_file(path: &Path, limit: u64) -> std::io::Result<u64> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(limit).read_to_end(&mut bytes)?;
    Ok(content_hash(&bytes))
}

const SPEC: Spec = Spec {
    schema: version::SCHEMA,
    create: schema::LIBRARY,
    tables: &schema::LIBRARY_TABLES,
    synchronous: "NORMAL",
    disposable: true,
    steps: &[],
};

/// A count or offset as SQLite stores it.
pub(crate) fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Seconds since 1970, now.
pub(crate) fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs().cast_signed())
}

/// A connection to the library. One writer at a time (the loader's
/// thread); [`Library::reader`] gives other threads their own connection.
pub struct Library {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    note: Option<String>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("path", &self.path).finish_non_exhaustive()
    }
}

/// The row of a stored file, as `plan` compares it.
struct FileRow {
    id: FileId,
    size: u64,
    mtime_ns: i64,
    /// Whether the content hash is known.
    hashed: bool,
    /// Whether the parse and extraction versions are this dossier's.
    parsed_now: bool,
    extracted_now: bool,
    /// When last listed (unix seconds).
    seen: i64,
}

impl Library {
    /// Opens the library at `path`, creating it when missing; a damaged
    /// file is moved aside ([`Library::note`] says so).
    pub fn open(path: &Path) -> Result<Self> {
        let opened = db::open(path, &SPEC)?;
        // 8 MB of page cache (2 MB by default): an import touches the same
        // index pages again and again. Not more: a cache this connection
        // fills once stays filled while the reader runs, and it counts
        // against the reader's memory budget (a few times the text).
        opened.conn.execute_batch("PRAGMA cache_size = -8192").map_err(|e| sqlite(path, e))?;
        Ok(Self { conn: opened.conn, path: path.to_path_buf(), note: opened.note })
    }

    /// The library at its usual place ([`super::db_path`]).
    pub fn open_default() -> Result<Self> {
        let path = super::db_path().ok_or_else(|| StoreError::Unavailable {
            path: PathBuf::new(),
            reason: "no home directory".into(),
        })?;
        Self::open(&path)
    }

    /// Another connection to the same file, read-only, for another thread.
    /// A connection that only reads the library at `path` (one for each
    /// thread that reads it).
    pub fn open_reader(path: &Path) -> Result<Self> {
        Ok(Self { conn: db::open_reader(path)?, path: path.to_path_buf(), note: None })
    }

    pub fn reader(&self) -> Result<Self> {
        Ok(Self { conn: db::open_reader(&self.path)?, path: self.path.clone(), note: None })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copies what the write-ahead log holds into the file and empties
    /// the log, when no reader holds an older state (else leaves it for
    /// later). A log left full is read whole by the next start's first
    /// connection, and the reader ends without closing its connections.
    pub fn settle(&self) {
        let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }

    /// What opening did that the person should hear about, once.
    pub fn take_note(&mut self) -> Option<String> {
        self.note.take()
    }

    /// Moves this (damaged) file aside; the next [`Library::open`] starts afresh.
    pub fn move_aside(self) -> Result<PathBuf> {
        let Self { conn, path, .. } = self;
        drop(conn);
        db::move_aside(&path)
    }

    pub(super) fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite(&self.path, e)
    }

    /// The verdict on each listed file. `roots` are the files and folders
    /// the listing was made from: a stored file under them that is not
    /// listed has vanished. A file whose size is unchanged but whose time
    /// is not is read and hashed (when its hash is known) before it counts
    /// as changed; such a file, and every file listed, is recorded as seen.
    pub fn plan(&mut self, roots: &[PathBuf], listed: &[Listed]) -> Result<Plan> {
        let known = self.file_rows()?;
        let mut verdicts = Vec::with_capacity(listed.len());
        let mut suspects = Vec::new();
        for (i, file) in listed.iter().enumerate() {
            let verdict = match known.get(file.path.as_os_str()) {
                None => Verdict::New,
                Some(row) if !row.parsed_now || row.size != file.size => Verdict::Changed(row.id),
                Some(row) if row.mtime_ns != file.mtime_ns => {
                    if row.hashed {
                        suspects.push(i);
                    }
                    Verdict::Changed(row.id)
                }
                Some(row) if row.extracted_now => Verdict::Unchanged(row.id),
                Some(row) => Verdict::Stale(row.id),
            };
            verdicts.push(verdict);
        }
        let hashes: Vec<(usize, Option<String>)> = suspects
            .iter()
            .map(|&i| {
                (i, known.get(listed[i].path.as_os_str()).and_then(|r| self.stored_hash(r.id)))
            })
            .collect();
        let touched = Self::settle_suspects(listed, &known, &hashes, &mut verdicts);
        let listed_paths: std::collections::HashSet<&OsStr> =
            listed.iter().map(|l| l.path.as_os_str()).collect();
        let mut vanished: Vec<(FileId, PathBuf)> = known
            .iter()
            .filter(|(path, _)| {
                !listed_paths.contains(path.as_os_str())
                    && roots.iter().any(|r| is_under(Path::new(path), r))
            })
            .map(|(path, row)| (row.id, PathBuf::from(path)))
            .collect();
        vanished.sort();
        let day_ago = now() - 86_400;
        let stale_seen: Vec<FileId> = listed
            .iter()
            .filter_map(|l| known.get(l.path.as_os_str()))
            .filter(|r| r.seen < day_ago)
            .map(|r| r.id)
            .collect();
        self.record_seen(&stale_seen, &touched)?;
        Ok(Plan { verdicts, vanished })
    }

    fn file_rows(&self) -> Result<HashMap<OsString, FileRow>> {
        // The versions are compared here, not copied out: a start reads
        // every row, and each string copied is an allocation.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, path, size, mtime_ns, hash IS NOT NULL, parse = ?1, \
                 extraction IS ?2, seen FROM files",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![version::parse(), version::extraction()], |r| {
                // Keyed by the path's bytes: hashing a `Path` walks its
                // components, a hundred thousand times at each start.
                Ok((
                    OsString::from(r.get::<_, String>(1)?),
                    FileRow {
                        id: FileId(r.get(0)?),
                        size: r.get::<_, i64>(2)?.cast_unsigned(),
                        mtime_ns: r.get(3)?,
                        hashed: r.get(4)?,
                        parsed_now: r.get(5)?,
                        extracted_now: r.get(6)?,
                        seen: r.get(7)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    fn stored_hash(&self, file: FileId) -> Option<String> {
        self.conn
            .query_row("SELECT hash FROM files WHERE id = ?1", [file.0], |r| r.get(0))
            .ok()
            .flatten()
    }

    /// Files of the same size but another time: hashed (on every core);
    /// those whose bytes are what was stored are unchanged after all, and
    /// their new time is recorded. Returns those, with their new time.
    fn settle_suspects(
        listed: &[Listed],
        known: &HashMap<OsString, FileRow>,
        suspects: &[(usize, Option<String>)],
        verdicts: &mut [Verdict],
    ) -> Vec<(FileId, i64)> {
        use rayon::prelude::*;
        let same: Vec<(usize, bool)> = suspects
            .par_iter()
            .map(|(i, stored)| {
                let file = &listed[*i];
                let now = hash_file(&file.path, file.size.saturating_add(1)).ok();
                (*i, stored.is_some() && *stored == now.map(|h| format!("{h:016x}")))
            })
            .collect();
        let mut touched = Vec::new();
        for (i, same) in same {
            let Some(row) = known.get(listed[i].path.as_os_str()) else { continue };
            if same {
                verdicts[i] = if row.extracted_now {
                    Verdict::Unchanged(row.id)
                } else {
                    Verdict::Stale(row.id)
                };
                touched.push((row.id, listed[i].mtime_ns));
            }
        }
        touched
    }

    /// Records the new time of files found unchanged by their bytes, and
    /// when each stored file was last listed (at most once a day, so that a
    /// start does not rewrite every row).
    fn record_seen(&mut self, seen: &[FileId], touched: &[(FileId, i64)]) -> Result<()> {
        if seen.is_empty() && touched.is_empty() {
            return Ok(());
        }
        let now = now();
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        {
            let mut stmt =
                tx.prepare_cached("UPDATE files SET seen = ?2 WHERE id = ?1").map_err(e)?;
            for f in seen {
                stmt.execute(params![f.0, now]).map_err(e)?;
            }
            let mut touch =
                tx.prepare_cached("UPDATE files SET mtime_ns = ?2 WHERE id = ?1").map_err(e)?;
            for (f, mtime) in touched {
                touch.execute(params![f.0, mtime]).map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }

    /// Stores files whole, replacing what was stored for the same paths,
    /// all in one transaction; returns each file's row and its document
    /// rows in order.
    pub fn put(&mut self, files: &[NewFile<'_>]) -> Result<Vec<(FileId, Vec<DocRow>)>> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let mut out = Vec::with_capacity(files.len());
        for file in files {
            out.push(put_file(&tx, file).map_err(e)?);
        }
        tx.commit().map_err(e)?;
        Ok(out)
    }

    /// Replaces the facts of a stored file's documents (every one of them,
    /// extracted under this version) in one transaction: a
    /// [`Verdict::Stale`] file is then unchanged.
    pub fn put_facts(&mut self, file: FileId, docs: &[(DocRow, &Document, &[Fact])]) -> Result<()> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        for (row, doc, facts) in docs {
            tx.execute("DELETE FROM facts WHERE document = ?1", [row.0]).map_err(e)?;
            tx.execute("DELETE FROM fact_blobs WHERE document = ?1", [row.0]).map_err(e)?;
            insert_facts(&tx, *row, doc, facts).map_err(e)?;
        }
        tx.execute(
            "UPDATE files SET extraction = ?2 WHERE id = ?1",
            params![file.0, version::extraction()],
        )
        .map_err(e)?;
        tx.commit().map_err(e)
    }

    /// The documents of `files`, in that order (and in file order within
    /// each), numbered `DocId(0)` on. Without bodies, `body`, `paragraphs`
    /// and `furniture` are left empty: the list needs none of them.
    pub fn documents(&self, files: &[FileId], with_bodies: bool) -> Result<Vec<Stored>> {
        let place: HashMap<i64, usize> = files.iter().enumerate().map(|(i, f)| (f.0, i)).collect();
        let sql = if with_bodies {
            format!(
                "SELECT {DOC_COLUMNS}, b.paragraphs, b.furniture, b.body FROM documents d \
                 LEFT JOIN bodies b ON b.document = d.id"
            )
        } else {
            format!("SELECT {DOC_COLUMNS} FROM documents d")
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut found: Vec<(usize, i64, Stored)> = Vec::with_capacity(files.len());
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let file: i64 = r.get(1).map_err(|e| self.err(e))?;
            let Some(&at) = place.get(&file) else { continue };
            let ord: i64 = r.get(2).map_err(|e| self.err(e))?;
            let mut stored = read_document(r).map_err(|e| self.err(e))?;
            if with_bodies {
                self.read_body(r, &mut stored.doc, BODY_COLUMN)?;
            }
            found.push((at, ord, stored));
        }
        // Rows come in insertion order, which is mostly the order wanted.
        found.sort_by_key(|(at, ord, _)| (*at, *ord));
        let mut out: Vec<Stored> = found.into_iter().map(|(_, _, s)| s).collect();
        for (i, s) in out.iter_mut().enumerate() {
            s.doc.id = DocId(i);
        }
        Ok(out)
    }

    fn read_body(&self, r: &rusqlite::Row<'_>, doc: &mut Document, at: usize) -> Result<()> {
        let malformed = |what: &str| StoreError::Malformed {
            path: self.path.clone(),
            what: format!("{what} of {}", doc.path),
        };
        let paragraphs: Option<Vec<u8>> = r.get(at).map_err(|e| self.err(e))?;
        let furniture: Option<Vec<u8>> = r.get(at + 1).map_err(|e| self.err(e))?;
        let body: Option<String> = r.get(at + 2).map_err(|e| self.err(e))?;
        let (Some(paragraphs), Some(furniture), Some(body)) = (paragraphs, furniture, body) else {
            return Err(malformed("the body"));
        };
        doc.paragraphs = codec::decode_spans(&paragraphs).ok_or_else(|| malformed("paragraphs"))?;
        doc.furniture =
            codec::decode_furniture(&furniture).ok_or_else(|| malformed("furniture"))?;
        doc.body = body.into();
        Ok(())
    }

    /// Brings the body (with paragraphs and furniture) of a document read
    /// without it.
    pub fn fill_body(&self, row: DocRow, doc: &mut Document) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT paragraphs, furniture, body FROM bodies WHERE document = ?1")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([row.0]).map_err(|e| self.err(e))?;
        match rows.next().map_err(|e| self.err(e))? {
            Some(r) => self.read_body(r, doc, 0),
            None => Err(StoreError::Malformed {
                path: self.path.clone(),
                what: format!("no body for {}", doc.path),
            }),
        }
    }

    /// The documents of one file, with their bodies, in file order: a
    /// look-up by the file's index, for a load that reads files back a
    /// few at a time.
    pub fn file_documents(&self, file: FileId) -> Result<Vec<Stored>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {DOC_COLUMNS}, b.paragraphs, b.furniture, b.body FROM documents d \
                 LEFT JOIN bodies b ON b.document = d.id WHERE d.file = ?1 ORDER BY d.ord"
            ))
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([file.0]).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let mut stored = read_document(r).map_err(|e| self.err(e))?;
            self.read_body(r, &mut stored.doc, BODY_COLUMN)?;
            out.push(stored);
        }
        Ok(out)
    }

    /// The facts of each document of `rows`, in that order (read one by
    /// one, decoded on every core). A document without stored facts has none.
    pub fn facts_of(&self, rows: &[DocRow]) -> Result<Vec<Vec<Fact>>> {
        use rayon::prelude::*;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT facts FROM fact_blobs WHERE document = ?1")
            .map_err(|e| self.err(e))?;
        let mut blobs = Vec::with_capacity(rows.len());
        for row in rows {
            let blob: Option<Vec<u8>> =
                stmt.query_row([row.0], |r| r.get(0)).optional().map_err(|e| self.err(e))?;
            blobs.push(blob);
        }
        drop(stmt);
        let path = &self.path;
        blobs
            .par_iter()
            .zip(rows)
            .map(|(blob, row)| match blob {
                None => Ok(Vec::new()),
                Some(b) => codec::decode_facts(b).ok_or_else(|| StoreError::Malformed {
                    path: path.clone(),
                    what: format!("the facts of document {}", row.0),
                }),
            })
            .collect()
    }

    /// One document's facts, as extracted when it was stored.
    pub fn facts(&self, row: DocRow) -> Result<Vec<Fact>> {
        let blob: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT facts FROM fact_blobs WHERE document = ?1")
            .and_then(|mut s| s.query_row([row.0], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        match blob {
            None => Ok(Vec::new()),
            Some(b) => codec::decode_facts(&b).ok_or_else(|| StoreError::Malformed {
                path: self.path.clone(),
                what: format!("the facts of document {}", row.0),
            }),
        }
    }

    /// The facts of every document of `rows`, in that order, decoded on
    /// every core. A document without stored facts has none.
    pub fn all_facts(&self, rows: &[DocRow]) -> Result<Vec<Vec<Fact>>> {
        use rayon::prelude::*;
        let place: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        let mut out: Vec<Vec<Fact>> = vec![Vec::new(); rows.len()];
        let mut stmt =
            self.conn.prepare("SELECT document, facts FROM fact_blobs").map_err(|e| self.err(e))?;
        let mut q = stmt.query([]).map_err(|e| self.err(e))?;
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(4096);
        let decode = |chunk: &mut Vec<(usize, Vec<u8>)>, out: &mut Vec<Vec<Fact>>| {
            let decoded: Vec<(usize, Option<Vec<Fact>>)> =
                chunk.par_drain(..).map(|(i, b)| (i, codec::decode_facts(&b))).collect();
            for (i, facts) in decoded {
                out[i] = facts.ok_or_else(|| StoreError::Malformed {
                    path: self.path.clone(),
                    what: format!("the facts of document {}", rows[i].0),
                })?;
            }
            Ok::<(), StoreError>(())
        };
        while let Some(r) = q.next().map_err(|e| self.err(e))? {
            let doc: i64 = r.get(0).map_err(|e| self.err(e))?;
            let Some(&i) = place.get(&doc) else { continue };
            chunk.push((i, r.get(1).map_err(|e| self.err(e))?));
            if chunk.len() == chunk.capacity() {
                decode(&mut chunk, &mut out)?;
            }
        }
        decode(&mut chunk, &mut out)?;
        Ok(out)
    }

    /// Every money and percentage fact of the documents of `rows` (article
    /// `i` is `rows[i]`), as (article, index among its facts), in corpus
    /// and reading order: the rows of the corpus facts view, without
    /// holding every article's facts ([`Library::facts`] brings those
    /// shown).
    pub fn figures(&self, rows: &[DocRow]) -> Result<Vec<(DocId, usize)>> {
        let place: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        let mut stmt = self
            .conn
            .prepare("SELECT document, ord FROM facts WHERE kind IN ('money', 'percent')")
            .map_err(|e| self.err(e))?;
        let found = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in found {
            let (doc, ord) = row.map_err(|e| self.err(e))?;
            if let (Some(&i), Ok(ord)) = (place.get(&doc), usize::try_from(ord)) {
                out.push((DocId(i), ord));
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// What failed in `files` when they were stored.
    pub fn problems(&self, files: &[FileId]) -> Result<Vec<Notice>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT problems FROM files WHERE id = ?1 AND problems IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for f in files {
            let json: Option<String> =
                stmt.query_row([f.0], |r| r.get(0)).optional().map_err(|e| self.err(e))?;
            let pairs: Vec<(String, String)> =
                json.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
            out.extend(pairs.into_iter().map(|(path, message)| Notice { path, message }));
        }
        Ok(out)
    }

    /// [`Library::problems`] of many files, in one pass over the table.
    pub fn problems_of(&self, files: &[FileId]) -> Result<Vec<Notice>> {
        let place: HashMap<i64, usize> = files.iter().enumerate().map(|(i, f)| (f.0, i)).collect();
        let mut stmt = self
            .conn
            .prepare("SELECT id, problems FROM files WHERE problems IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        let mut found = Vec::new();
        for row in rows {
            let (id, json) = row.map_err(|e| self.err(e))?;
            if let Some(&at) = place.get(&id) {
                found.push((at, json));
            }
        }
        found.sort_by_key(|(at, _)| *at);
        let mut out = Vec::new();
        for (_, json) in found {
            let pairs: Vec<(String, String)> = serde_json::from_str(&json).unwrap_or_default();
            out.extend(pairs.into_iter().map(|(path, message)| Notice { path, message }));
        }
        Ok(out)
    }

    /// Builds the index of `facts` by kind and value when it is missing
    /// (after the first import; a large import drops it first, see
    /// [`Library::drop_facts_index`]). Minutes of work at most once; the
    /// reader needs it not, `sqlite3` and Datasette do.
    pub fn index_facts(&mut self) -> Result<()> {
        self.conn.execute_batch(schema::FACTS_INDEX).map_err(|e| self.err(e))
    }

    /// Drops the index of `facts` before a large import: building it once
    /// afterwards costs less than keeping it up row by row.
    pub fn drop_facts_index(&mut self) -> Result<()> {
        self.conn.execute_batch("DROP INDEX IF EXISTS facts_by_kind").map_err(|e| self.err(e))
    }

    /// The stored files under `roots` (absolute), in the order a listing of
    /// the roots gives them (path order): what the list can show before the
    /// folders are walked again. Files vanished since are among them until
    /// the next [`Library::plan`] says so.
    pub fn files_under(&self, roots: &[PathBuf]) -> Result<Vec<(FileId, PathBuf)>> {
        Ok(self.under(roots)?.into_iter().map(|(id, path, _)| (id, path)).collect())
    }

    /// [`Library::files_under`] when every one of those files is stored
    /// as this dossier parses and extracts (none when one is not: its
    /// documents or facts are to be made again before they are shown).
    pub fn current_under(&self, roots: &[PathBuf]) -> Result<Option<Vec<(FileId, PathBuf)>>> {
        let files = self.under(roots)?;
        Ok(files
            .iter()
            .all(|(.., current)| *current)
            .then(|| files.into_iter().map(|(id, path, _)| (id, path)).collect()))
    }

    /// The stored files under `roots` in walk order, each with whether
    /// it is stored as this dossier parses and extracts.
    fn under(&self, roots: &[PathBuf]) -> Result<Vec<(FileId, PathBuf, bool)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, path, parse = ?1 AND extraction IS ?2 FROM files")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![version::parse(), version::extraction()], |r| {
                Ok((FileId(r.get(0)?), PathBuf::from(r.get::<_, String>(1)?), r.get(2)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, path, current) = row.map_err(|e| self.err(e))?;
            if roots.iter().any(|r| is_under(&path, r)) {
                out.push((id, path, current));
            }
        }
        // Component by component, as the folder walk sorts each folder.
        out.sort_by(|a, b| listing_order(&a.1, &b.1));
        Ok(out)
    }

    /// Removes files (their documents and facts) from the library now.
    pub fn forget(&mut self, files: &[FileId]) -> Result<()> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        for f in files {
            delete_documents(&tx, *f).map_err(e)?;
            tx.execute("DELETE FROM files WHERE id = ?1", [f.0]).map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// Removes the files not listed for `unseen_for` (vanished, or in a
    /// folder not opened since); returns how many.
    pub fn prune(&mut self, unseen_for: Duration) -> Result<usize> {
        let before = now() - unseen_for.as_secs().cast_signed();
        let old: Vec<FileId> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM files WHERE seen < ?1")
                .map_err(|e| self.err(e))?;
            stmt.query_map([before], |r| Ok(FileId(r.get(0)?)))
                .and_then(Iterator::collect)
                .map_err(|e| self.err(e))?
        };
        self.forget(&old)?;
        Ok(old.len())
    }
}

fn put_file(
    tx: &rusqlite::Transaction<'_>,
    file: &NewFile<'_>,
) -> rusqlite::Result<(FileId, Vec<DocRow>)> {
    let path = file.listed.path.to_string_lossy();
    // Every statement here runs once per file or per fact: prepared once.
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM files WHERE path = ?1")?
        .query_row([&path], |r| r.get(0))
        .optional()?;
    let problems = (!file.problems.is_empty()).then(|| {
        let pairs: Vec<(&str, &str)> =
            file.problems.iter().map(|p| (p.path.as_str(), p.message.as_str())).collect();
        serde_json::to_string(&pairs).unwrap_or_default()
    });
    let hash = file.hash.map(|h| format!("{h:016x}"));
    let extraction = file.facts.map(|_| version::extraction());
    let values = params![
        path,
        file.listed.size.cast_signed(),
        file.listed.mtime_ns,
        hash,
        version::parse(),
        extraction,
        now(),
        problems
    ];
    let id = match existing {
        Some(id) => {
            delete_documents(tx, FileId(id))?;
            tx.prepare_cached(
                "UPDATE files SET path = ?1, size = ?2, mtime_ns = ?3, hash = ?4, parse = ?5, \
                 extraction = ?6, seen = ?7, problems = ?8 WHERE id = ?9",
            )?
            .execute(rusqlite::params_from_iter(
                values.iter().copied().chain([&id as &dyn rusqlite::ToSql]),
            ))?;
            id
        }
        None => tx
            .prepare_cached(
                "INSERT INTO files (path, size, mtime_ns, hash, parse, extraction, seen, \
                 problems) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
            )?
            .query_row(values, |r| r.get(0))?,
    };
    let mut rows = Vec::with_capacity(file.docs.len());
    for (ord, (part, doc)) in file.docs.iter().enumerate() {
        let hash = file.body_hashes.get(ord).copied();
        let row = insert_document(tx, FileId(id), ord, *part, doc, hash)?;
        if let Some(facts) = file.facts.and_then(|f| f.get(ord)) {
            insert_facts(tx, row, doc, facts)?;
        }
        rows.push(row);
    }
    Ok((FileId(id), rows))
}

fn delete_documents(tx: &rusqlite::Transaction<'_>, file: FileId) -> rusqlite::Result<()> {
    for table in ["facts", "fact_blobs", "bodies"] {
        tx.execute(
            &format!(
                "DELETE FROM {table} WHERE document IN (SELECT id FROM documents WHERE file = ?1)"
            ),
            [file.0],
        )?;
    }
    tx.execute("DELETE FROM documents WHERE file = ?1", [file.0])?;
    Ok(())
}

fn insert_document(
    tx: &rusqlite::Transaction<'_>,
    file: FileId,
    ord: usize,
    part: Option<usize>,
    doc: &Document,
    body_hash: Option<u64>,
) -> rusqlite::Result<DocRow> {
    let hash = crate::state::content_hash(doc);
    let body_hash = body_hash.unwrap_or_else(|| crate::corpus::article_hash(&doc.title, &doc.body));
    let body_hash = body_hash.cast_signed();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO documents (file, ord, part, key, path, lang, title, has_headline, date, \
         site, url, byline, words, bytes, hash, body_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    stmt.execute(params![
        file.0,
        int(ord),
        part.map(int),
        doc.key,
        doc.path,
        doc.lang.code(),
        doc.title,
        doc.has_headline,
        doc.date,
        doc.site,
        doc.url,
        doc.byline,
        int(doc.words),
        int(doc.body.len()),
        hash,
        body_hash,
    ])?;
    let row = DocRow(tx.last_insert_rowid());
    tx.prepare_cached(
        "INSERT INTO bodies (document, paragraphs, furniture, body) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        row.0,
        codec::encode_spans(&doc.paragraphs),
        codec::encode_furniture(&doc.furniture),
        doc.body
    ])?;
    Ok(row)
}

fn insert_facts(
    tx: &rusqlite::Transaction<'_>,
    row: DocRow,
    doc: &Document,
    facts: &[Fact],
) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO fact_blobs (document, facts) VALUES (?1, ?2)")?
        .execute(params![row.0, codec::encode_facts(facts)])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO facts (document, ord, kind, field, start, \"end\", text, value, max, \
         currency, speaker, role, org) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (i, f) in facts.iter().enumerate() {
        let value = match &f.value {
            Value::None => rusqlite::types::ToSqlOutput::Owned(rusqlite::types::Value::Null),
            Value::Number(n) => rusqlite::types::ToSqlOutput::Owned((*n).into()),
            Value::Text(s) => rusqlite::types::ToSqlOutput::Borrowed(s.as_str().into()),
        };
        stmt.execute(params![
            row.0,
            int(i),
            f.kind.name(),
            if f.field == crate::facts::Field::Title { "title" } else { "body" },
            int(f.span.start),
            int(f.span.end),
            f.text(doc),
            value,
            f.max,
            f.currency,
            f.speaker,
            f.role,
            f.org,
        ])?;
    }
    Ok(())
}

/// The columns of a `documents` row that [`read_document`] reads, in its order.
const DOC_COLUMNS: &str = "d.id, d.file, d.ord, d.part, d.key, d.path, d.lang, d.title, \
     d.has_headline, d.date, d.site, d.url, d.byline, d.words, d.hash, d.body_hash";
/// Where the body's columns start after [`DOC_COLUMNS`].
const BODY_COLUMN: usize = 16;

/// A `documents` row (without the body), by column number: a look-up by
/// name compares every column's name, on every row.
fn read_document(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
    let text = |i: usize| -> rusqlite::Result<&str> {
        r.get_ref(i)?.as_str().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let cached = std::sync::OnceLock::new();
    if let Ok(h) = u64::from_str_radix(text(14)?, 16) {
        let _ = cached.set(h);
    }
    let doc = Document {
        id: DocId(0),
        key: r.get(4)?,
        path: r.get(5)?,
        lang: lang_of(text(6)?),
        title: r.get(7)?,
        has_headline: r.get(8)?,
        body: "".into(),
        paragraphs: Vec::new(),
        furniture: Vec::new(),
        words: usize::try_from(r.get::<_, i64>(13)?).unwrap_or(0),
        url: r.get(11)?,
        date: r.get(9)?,
        byline: r.get(12)?,
        site: r.get(10)?,
        hash: cached,
    };
    Ok(Stored {
        row: DocRow(r.get(0)?),
        file: FileId(r.get(1)?),
        part: r.get::<_, Option<i64>>(3)?.and_then(|p| usize::try_from(p).ok()),
        body_hash: r.get::<_, i64>(15)?.cast_unsigned(),
        doc,
    })
}

/// A language code read back as the `Lang` the loader gave: the codes are
/// few (one per language whatlang tells), so each distinct one is kept
/// once for the rest of the run. Anything that is not a code is `und`.
pub(crate) fn lang_of(code: &str) -> Lang {
    use std::sync::Mutex;
    static CODES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    for known in [Lang::EN, Lang::DE, Lang::NL, Lang::VI, Lang::UNKNOWN] {
        if known.code() == code {
            return known;
        }
    }
    if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
        return Lang::UNKNOWN;
    }
    let mut codes = CODES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(c) = codes.iter().find(|c| **c == code) {
        return Lang::from_static(c);
    }
    let leaked: &'static str = Box::leak(code.to_owned().into_boxed_str());
    codes.push(leaked);
    Lang::from_static(leaked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_a_root_is_by_whole_components() {
        let under = |p: &str, r: &str| is_under(Path::new(p), Path::new(r));
        assert!(under("/news/a.txt", "/news"));
        assert!(under("/news/a.txt", "/news/"));
        assert!(under("/news/a.txt", "/news/a.txt"));
        assert!(!under("/newspaper/a.txt", "/news"));
        assert!(!under("/news", "/news/a.txt"));
    }

    #[test]
    fn language_codes_come_back_as_the_loader_gave_them() {
        assert_eq!(lang_of("vi"), Lang::VI);
        assert_eq!(lang_of("fr").code(), "fr");
        assert_eq!(lang_of("fr"), lang_of("fr"));
        assert_eq!(lang_of("\u{1b}[31m"), Lang::UNKNOWN);
        assert_eq!(lang_of("english"), Lang::UNKNOWN);
    }
}
