//! Opening a database file so that no state of the disk is a crash: a
//! damaged, truncated or foreign file is moved aside and a fresh one made;
//! a file of a newer dossier is left untouched; a folder that cannot be
//! written is an error the caller shows once. The file is opened without
//! following a symbolic link, in WAL mode with a busy timeout, so that a
//! writer and any number of readers (in this process or another) go on
//! at once.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::paths::aside_path;
use super::version::APPLICATION_ID;

/// How long a statement waits for another process's write to end.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What a database file must hold.
pub(crate) struct Spec {
    /// `PRAGMA user_version` of this dossier.
    pub schema: i64,
    /// Creates every table (run once, in a transaction, on a new file).
    pub create: &'static str,
    /// Tables that must be there.
    pub tables: &'static [&'static str],
    /// `NORMAL` (a crash of the process loses nothing committed; a power
    /// cut may lose the last commits: fine for what can be rebuilt) or `FULL`.
    pub synchronous: &'static str,
    /// Whether a file of an older schema is simply rebuilt (derived data).
    pub disposable: bool,
    /// What takes a file of schema `1 + i` to `2 + i` (a file that is not
    /// disposable is stepped on, in one transaction, never rebuilt). A new
    /// file is made with `create`, then every step.
    pub steps: &'static [&'static str],
}

/// A database opened, and what was done to get there (said once).
pub(crate) struct Opened {
    pub conn: Connection,
    pub note: Option<String>,
}

/// Opens (creating when missing) the database at `path`.
pub(crate) fn open(path: &Path, spec: &Spec) -> Result<Opened> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, &e))?;
    }
    // A link where the file (or its WAL files) should be is not followed,
    // nor moved: whoever put it there meant something by it. Nor is a FIFO,
    // a device or a folder opened: reading one would block or never end.
    for file in [path.to_path_buf(), sidecar(path, "-wal"), sidecar(path, "-shm")] {
        let Ok(meta) = std::fs::symlink_metadata(&file) else { continue };
        let reason = if meta.file_type().is_symlink() {
            "a symbolic link, not followed"
        } else if !meta.is_file() {
            "not a regular file"
        } else {
            continue;
        };
        return Err(StoreError::Unavailable { path: file, reason: reason.into() });
    }
    match try_open_patiently(path, spec) {
        Ok(conn) => Ok(Opened { conn, note: None }),
        Err(Fault::Damaged(reason)) => {
            let aside = move_aside(path)?;
            let conn = try_open(path, spec).map_err(|f| f.into_error(path))?;
            let note = format!(
                "{} was unusable ({reason}): moved to {} and started afresh",
                path.display(),
                aside.display()
            );
            Ok(Opened { conn, note: Some(note) })
        }
        Err(Fault::Outdated(found)) => {
            remove_with_sidecars(path).map_err(|e| StoreError::io(path, &e))?;
            let conn = try_open(path, spec).map_err(|f| f.into_error(path))?;
            let note = format!(
                "{} was made by an older dossier (schema {found}): rebuilt",
                path.display()
            );
            Ok(Opened { conn, note: Some(note) })
        }
        Err(f) => Err(f.into_error(path)),
    }
}

/// Opens another connection to a database `open` has set up, for reading
/// on another thread.
pub(crate) fn open_reader(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sqlite(path, e))?;
    Ok(conn)
}

/// Moves a damaged database (and its WAL files) aside; returns where.
pub(crate) fn move_aside(path: &Path) -> Result<PathBuf> {
    let aside = aside_path(path);
    std::fs::rename(path, &aside).map_err(|e| StoreError::io(path, &e))?;
    for ext in ["-wal", "-shm"] {
        let side = sidecar(path, ext);
        if side.exists() {
            let _ = std::fs::rename(&side, sidecar(&aside, ext));
        }
    }
    Ok(aside)
}

fn remove_with_sidecars(path: &Path) -> std::io::Result<()> {
    std::fs::remove_file(path)?;
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sidecar(path, ext));
    }
    Ok(())
}

fn sidecar(path: &Path, ext: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(ext);
    PathBuf::from(s)
}

pub(crate) fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::from_sqlite(path, e)
}

/// Why a file could not be opened as it is.
enum Fault {
    /// Damaged, truncated or someone else's: moved aside.
    Damaged(String),
    /// Of an older schema, and disposable: rebuilt.
    Outdated(i64),
    Error(StoreError),
}

impl Fault {
    fn into_error(self, path: &Path) -> StoreError {
        match self {
            Fault::Damaged(reason) => StoreError::Corrupt { path: path.to_path_buf(), reason },
            Fault::Outdated(found) => StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: format!("schema {found} again after a rebuild"),
            },
            Fault::Error(e) => e,
        }
    }
}

impl From<StoreError> for Fault {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Corrupt { reason, .. } => Fault::Damaged(reason),
            e => Fault::Error(e),
        }
    }
}

/// [`try_open`], again after a short wait while the file is busy: when two
/// processes make the same new file, switching it to WAL can find the
/// other's lock and fail at once, before any busy timeout applies.
fn try_open_patiently(path: &Path, spec: &Spec) -> Result<Connection, Fault> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut wait = Duration::from_millis(5);
    loop {
        match try_open(path, spec) {
            Err(Fault::Error(e)) if e.is_transient() && std::time::Instant::now() < deadline => {
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_millis(200));
            }
            other => return other,
        }
    }
}

fn try_open(path: &Path, spec: &Spec) -> Result<Connection, Fault> {
    // The header as it is on disk, before SQLite writes anything: a newer
    // dossier's file must be left exactly as it is.
    check_header(path, spec)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sqlite(path, e))?;
    let q = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| sqlite(path, e))
    };
    let app = q("PRAGMA application_id")?;
    let tables = q("SELECT count(*) FROM sqlite_schema")?;
    if app == 0 && tables == 0 {
        create(&conn, path, spec)?;
    } else if app != APPLICATION_ID {
        return Err(Fault::Damaged(format!("not a dossier database (application id {app:#x})")));
    }
    let version = q("PRAGMA user_version")?;
    if version > spec.schema {
        return Err(Fault::Error(newer(path, version, spec)));
    }
    if version < spec.schema {
        if spec.disposable {
            return Err(Fault::Outdated(version));
        }
        step_on(&conn, path, spec, version)?;
    }
    check_complete(&conn, path, spec)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).map_err(|e| sqlite(path, e))?;
    conn.execute_batch(&format!("PRAGMA synchronous = {}", spec.synchronous))
        .map_err(|e| sqlite(path, e))?;
    Ok(conn)
}

fn newer(path: &Path, found: i64, spec: &Spec) -> StoreError {
    StoreError::Newer { path: path.to_path_buf(), found, ours: spec.schema }
}

/// The first 100 bytes: SQLite's magic, then (big-endian) the user version
/// at 60 and the application id at 68. A file shorter than a header, or
/// without the magic, is not a database; an empty one is a new database.
fn check_header(path: &Path, spec: &Spec) -> Result<(), Fault> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Fault::Error(StoreError::io(path, &e))),
    };
    let mut header = Vec::with_capacity(100);
    (&mut file).take(100).read_to_end(&mut header).map_err(|e| StoreError::io(path, &e))?;
    if header.is_empty() {
        return Ok(());
    }
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(Fault::Damaged("not a SQLite database".into()));
    }
    let be = |at: usize| {
        i64::from(i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]))
    };
    if be(68) == APPLICATION_ID && be(60) > spec.schema {
        return Err(Fault::Error(newer(path, be(60), spec)));
    }
    Ok(())
}

/// The tables are there, and the file is as long as its header says (a
/// truncated copy is caught here, not on the first page that is missing).
fn check_complete(conn: &Connection, path: &Path, spec: &Spec) -> Result<(), Fault> {
    for table in spec.tables {
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .map_err(|e| sqlite(path, e))?;
        if found == 0 {
            return Err(Fault::Damaged(format!("the table {table} is missing")));
        }
    }
    if !sidecar(path, "-wal").exists() {
        let pragma = |sql: &str| -> Result<u64> {
            conn.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(i64::cast_unsigned)
                .map_err(|e| sqlite(path, e))
        };
        let pages = pragma("PRAGMA page_count")?;
        let size = pragma("PRAGMA page_size")?;
        let len = std::fs::metadata(path).map_err(|e| StoreError::io(path, &e))?.len();
        if len < pages * size {
            return Err(Fault::Damaged(format!("truncated: {len} bytes of {}", pages * size)));
        }
    }
    Ok(())
}

/// Takes a file of an older schema to this one, step by step, in one
/// transaction (once even when two processes open it together: the second
/// finds it done). A schema no step starts from cannot be read.
fn step_on(conn: &Connection, path: &Path, spec: &Spec, found: i64) -> Result<(), Fault> {
    // Step `i` starts from schema `1 + i`; the last ends at this schema.
    let complete = i64::try_from(spec.steps.len()).is_ok_and(|n| n + 1 == spec.schema);
    let first = usize::try_from(found - 1).ok().filter(|&i| complete && i < spec.steps.len());
    let Some(first) = first else {
        return Err(Fault::Damaged(format!("schema {found} cannot be read")));
    };
    conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| sqlite(path, e))?;
    let result = (|| {
        let now: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now == found {
            for step in &spec.steps[first..] {
                conn.execute_batch(step)?;
            }
            conn.execute_batch(&format!("PRAGMA user_version = {}", spec.schema))?;
        }
        conn.execute_batch("COMMIT")
    })();
    if let Err(e) = result {
        let _ = conn.execute_batch("ROLLBACK");
        return Err(Fault::Error(sqlite(path, e)));
    }
    Ok(())
}

/// Makes the tables of a new file, once even when two processes start
/// together (the second finds them made).
fn create(conn: &Connection, path: &Path, spec: &Spec) -> Result<(), Fault> {
    // WAL before the first table: the file is never in another mode.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).map_err(|e| sqlite(path, e))?;
    conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| sqlite(path, e))?;
    let result = (|| {
        let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app == 0 {
            conn.execute_batch(spec.create)?;
            for step in spec.steps {
                conn.execute_batch(step)?;
            }
            conn.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {}",
                spec.schema
            ))?;
        }
        conn.execute_batch("COMMIT")
    })();
    if let Err(e) = result {
        let _ = conn.execute_batch("ROLLBACK");
        return Err(Fault::Error(sqlite(path, e)));
    }
    Ok(())
}
