//! The reading state in its own database (`state.sqlite`): read and star
//! marks, the place in each article, the article open last. Keyed as
//! `state.json` was, by [`crate::state::content_hash`] (a moved file keeps
//! its marks), with the path as a hint.
//!
//! A change is one row written in one transaction, by a [`MarkWriter`]
//! thread: the UI sends and goes on. Each update sets only the column it
//! changes, so two dossier processes marking different articles (or
//! different things of one article) both keep what they did.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::db::{self, Spec, sqlite};
use super::error::{Result, StoreError};
use super::library::{int, now};
use super::{schema, version};
use crate::state::{ArticleState, State};

const SPEC: Spec = Spec {
    schema: version::STATE_SCHEMA,
    create: schema::STATE,
    tables: &schema::STATE_TABLES,
    // A mark must survive a power cut, not only a crash: one sync per
    // change costs a millisecond, on the writer thread.
    synchronous: "FULL",
    disposable: false,
    steps: &schema::STATE_STEPS,
};

/// The JSON file this database replaces, read once.
pub const JSON_FILE: &str = "state.json";
/// What the JSON file is renamed to once imported.
pub const JSON_IMPORTED: &str = "state.json.imported";
/// The largest `state.json` read (100,000 articles take about 12 MB).
const JSON_LIMIT: u64 = 256 << 20;

/// One change of the reading state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// [`crate::state::content_hash`] of the article.
    pub key: String,
    /// Where the article is now (a hint kept with the mark).
    pub path: String,
    pub what: What,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Read(bool),
    Starred(bool),
    /// Paragraph index and byte offset in it.
    Place {
        paragraph: usize,
        byte: usize,
    },
    /// This article is the one open last.
    Last,
}

/// A connection to the reading state.
pub struct Marks {
    pub(super) conn: Connection,
    path: PathBuf,
    note: Option<String>,
}

impl std::fmt::Debug for Marks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Marks").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Marks {
    /// Opens the reading state at `path`, creating it when missing; a
    /// damaged file is moved aside (never deleted) and [`Marks::take_note`]
    /// says so.
    pub fn open(path: &Path) -> Result<Self> {
        let opened = db::open(path, &SPEC)?;
        Ok(Self { conn: opened.conn, path: path.to_path_buf(), note: opened.note })
    }

    /// The reading state at its usual place, with `state.json` beside it
    /// imported first if it is there.
    pub fn open_default() -> Result<Self> {
        let path = super::paths::state_db_path().ok_or_else(|| StoreError::Unavailable {
            path: PathBuf::new(),
            reason: "no home directory".into(),
        })?;
        let mut marks = Self::open(&path)?;
        if let Some(dir) = path.parent() {
            marks.import_json(dir)?;
        }
        Ok(marks)
    }

    /// A read-only connection made by [`db::open_reader`], for reading.
    pub(super) fn from_reader(conn: Connection, path: &Path) -> Self {
        Self { conn, path: path.to_path_buf(), note: None }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What opening or importing did that the person should hear, once.
    pub fn take_note(&mut self) -> Option<String> {
        self.note.take()
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite(&self.path, e)
    }

    /// Every mark, and the article open last, in the shape the app restores.
    pub fn load(&self) -> Result<State> {
        let mut state = State { version: 1, ..State::default() };
        let mut stmt = self
            .conn
            .prepare("SELECT key, path, read, starred, paragraph, byte FROM marks")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    ArticleState {
                        path: r.get(1)?,
                        read: r.get(2)?,
                        starred: r.get(3)?,
                        paragraph: usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                        offset: usize::try_from(r.get::<_, i64>(5)?).unwrap_or(0),
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (key, entry) = row.map_err(|e| self.err(e))?;
            state.articles.insert(key, entry);
        }
        state.last = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'last'", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(state)
    }

    /// Writes updates in one transaction.
    pub fn apply(&mut self, updates: &[Update]) -> Result<()> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let now = now();
        for u in updates {
            let (column, a, b) = match u.what {
                What::Read(v) => ("read = excluded.read", i64::from(v), 0),
                What::Starred(v) => ("starred = excluded.starred", i64::from(v), 0),
                What::Place { paragraph, byte } => (
                    "paragraph = excluded.paragraph, byte = excluded.byte",
                    int(paragraph),
                    int(byte),
                ),
                What::Last => {
                    tx.execute(
                        "INSERT INTO meta (key, value) VALUES ('last', ?1) \
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        [&u.key],
                    )
                    .map_err(e)?;
                    continue;
                }
            };
            let (read, starred, paragraph, byte) = match u.what {
                What::Read(_) => (a, 0, 0, 0),
                What::Starred(_) => (0, a, 0, 0),
                _ => (0, 0, a, b),
            };
            tx.prepare_cached(&format!(
                "INSERT INTO marks (key, path, read, starred, paragraph, byte, changed, seen) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) \
                 ON CONFLICT (key) DO UPDATE SET {column}, path = excluded.path, \
                 changed = excluded.changed, seen = excluded.seen"
            ))
            .and_then(|mut s| {
                s.execute(params![u.key, u.path, read, starred, paragraph, byte, now])
            })
            .map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// Records that the articles of `keys` were loaded now (at most once a
    /// day per mark), so that pruning spares them.
    pub fn seen(&mut self, keys: &[String]) -> Result<()> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        {
            let mut stmt = tx
                .prepare_cached("UPDATE marks SET seen = ?2 WHERE key = ?1 AND seen < ?2 - 86400")
                .map_err(e)?;
            let now = now();
            for k in keys {
                stmt.execute(params![k, now]).map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }

    /// Removes the marks of articles not loaded for `unseen_for`; returns
    /// how many.
    pub fn prune(&mut self, unseen_for: Duration) -> Result<usize> {
        let before = now() - unseen_for.as_secs().cast_signed();
        self.conn.execute("DELETE FROM marks WHERE seen < ?1", [before]).map_err(|e| self.err(e))
    }

    /// Imports `dir/state.json` once: every entry and the article open
    /// last, in one transaction that also records which file was imported;
    /// then the file is renamed `state.json.imported`. A file already
    /// imported (same size, time and bytes) is only renamed; one that is
    /// not a state is moved aside, as the JSON store did. Returns how many
    /// entries came in.
    pub fn import_json(&mut self, dir: &Path) -> Result<Option<usize>> {
        let json = dir.join(JSON_FILE);
        // Bounded, and never blocking: a FIFO or a device in its place is
        // said and left alone.
        let bytes = match crate::bounded::read(&json, JSON_LIMIT) {
            Ok(b) => b,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => {
                self.note = Some(format!("{} not imported: {e}", json.display()));
                return Ok(None);
            }
        };
        let stamp = format!("{}:{:016x}", bytes.len(), super::content_hash(&bytes));
        let done: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'imported'", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        if done.as_deref() == Some(stamp.as_str()) {
            let _ = std::fs::rename(&json, dir.join(JSON_IMPORTED));
            return Ok(None);
        }
        let state = match serde_json::from_slice::<State>(&bytes) {
            Ok(s) if s.version == 1 => s,
            Ok(s) => return Ok(self.set_aside(&json, &format!("version {}", s.version))),
            Err(e) => return Ok(self.set_aside(&json, &e.to_string())),
        };
        let n = self.import_state(&state, &stamp)?;
        let _ = std::fs::rename(&json, dir.join(JSON_IMPORTED));
        self.note =
            Some(format!("reading state of {n} article(s) imported from {}", json.display()));
        Ok(Some(n))
    }

    fn set_aside(&mut self, json: &Path, why: &str) -> Option<usize> {
        let aside = super::paths::aside_path(json);
        self.note = Some(match std::fs::rename(json, &aside) {
            Ok(()) => format!("unreadable {} ({why}) moved to {}", json.display(), aside.display()),
            Err(e) => format!("unreadable {} ({why}) left as it is: {e}", json.display()),
        });
        None
    }

    fn import_state(&mut self, state: &State, stamp: &str) -> Result<usize> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let now = now();
        {
            let mut stmt = tx
                .prepare(
                    "INSERT INTO marks (key, path, read, starred, paragraph, byte, changed, seen) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) \
                     ON CONFLICT (key) DO UPDATE SET path = excluded.path, read = excluded.read, \
                     starred = excluded.starred, paragraph = excluded.paragraph, \
                     byte = excluded.byte, changed = excluded.changed",
                )
                .map_err(e)?;
            for (key, a) in &state.articles {
                stmt.execute(params![
                    key,
                    a.path,
                    a.read,
                    a.starred,
                    int(a.paragraph),
                    int(a.offset),
                    now
                ])
                .map_err(e)?;
            }
        }
        if let Some(last) = &state.last {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('last', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [last],
            )
            .map_err(e)?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('imported', ?1) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [stamp],
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(state.articles.len())
    }
}

enum Msg {
    Update(Update),
    Correct(Vec<super::Change>),
    /// The articles of these keys were loaded now.
    Seen(Vec<String>),
    Flush(mpsc::Sender<()>),
}

/// The thread that writes the reading state: the UI sends each change and
/// never waits. Changes that queue up while a write is under way go in
/// the next transaction together. After a failure (a full disk) writing
/// stops, and [`MarkWriter::take_error`] says why, once.
pub struct MarkWriter {
    tx: Option<mpsc::Sender<Msg>>,
    errors: mpsc::Receiver<StoreError>,
    thread: Option<JoinHandle<()>>,
}

impl MarkWriter {
    /// Moves `marks` to a new thread that writes what it is sent.
    pub fn spawn(mut marks: Marks) -> Self {
        let (tx, rx) = mpsc::channel::<Msg>();
        let (err_tx, errors) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("dossier-marks".into())
            .spawn(move || {
                let mut failed = false;
                while let Ok(first) = rx.recv() {
                    let mut batch = Vec::new();
                    let mut flushes = Vec::new();
                    let mut seen = Vec::new();
                    let mut corrections = Vec::new();
                    for msg in std::iter::once(first).chain(rx.try_iter()) {
                        match msg {
                            Msg::Update(u) => batch.push(u),
                            Msg::Correct(c) => corrections.extend(c),
                            Msg::Seen(keys) => seen.extend(keys),
                            Msg::Flush(done) => flushes.push(done),
                        }
                    }
                    if !failed
                        && !seen.is_empty()
                        && let Err(e) = marks.seen(&seen)
                    {
                        failed = !e.is_transient();
                        let _ = err_tx.send(e);
                    }
                    if !failed
                        && !batch.is_empty()
                        && let Err(e) = marks.apply(&batch)
                    {
                        failed = !e.is_transient();
                        let _ = err_tx.send(e);
                    }
                    if !failed
                        && !corrections.is_empty()
                        && let Err(e) = marks.correct(&corrections)
                    {
                        failed = !e.is_transient();
                        let _ = err_tx.send(e);
                    }
                    for done in flushes {
                        let _ = done.send(());
                    }
                }
            })
            .ok();
        Self { tx: Some(tx), errors, thread }
    }

    /// Queues a change; returns at once.
    pub fn send(&self, update: Update) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Update(update));
        }
    }

    /// Queues corrections made or taken back; returns at once.
    pub fn correct(&self, changes: Vec<super::Change>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Correct(changes));
        }
    }

    /// Records that the articles of `keys` were loaded now (so that
    /// [`Marks::prune`] spares their marks); returns at once.
    pub fn seen(&self, keys: Vec<String>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Seen(keys));
        }
    }

    /// Waits until every change sent so far is written (or failed).
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        if let Some(tx) = &self.tx
            && tx.send(Msg::Flush(done)).is_ok()
        {
            let _ = wait.recv();
        }
    }

    /// Why writing failed, once per failure.
    pub fn take_error(&self) -> Option<StoreError> {
        self.errors.try_recv().ok()
    }

    /// Writes what is queued and ends the thread.
    pub fn close(mut self) -> Option<StoreError> {
        self.finish();
        self.take_error()
    }

    fn finish(&mut self) {
        drop(self.tx.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for MarkWriter {
    fn drop(&mut self) {
        self.finish();
    }
}
