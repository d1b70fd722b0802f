//! What can go wrong with a database file, in the words the reader shows.
//! Every error is one the caller can show once and then go on without the
//! store: none of them is a reason to stop dossier.

use std::path::PathBuf;

use thiserror::Error;

/// Why a store cannot be used (or stopped being usable).
#[derive(Debug, Error)]
pub enum StoreError {
    /// Written by a newer dossier: left untouched, dossier runs without it.
    #[error(
        "{} was written by a newer dossier (schema {found}, this one knows {ours}): left as it is, running without it",
        path.display()
    )]
    Newer { path: PathBuf, found: i64, ours: i64 },
    /// The folder or file cannot be written (read-only, full, not a folder,
    /// a symbolic link where the file should be): running without it.
    #[error("{} cannot be used ({reason}): running without it", path.display())]
    Unavailable { path: PathBuf, reason: String },
    /// The file is damaged or not dossier's. Opening moves such a file aside
    /// by itself; met later (a damaged page read while running), the caller
    /// may call `move_aside` and open again.
    #[error("{} is damaged ({reason})", path.display())]
    Corrupt { path: PathBuf, reason: String },
    /// Another process held the database for longer than the busy timeout.
    #[error("{} is busy in another process: {reason}", path.display())]
    Busy { path: PathBuf, reason: String },
    /// A stored value that this version cannot read back (a blob cut short).
    #[error("{} holds a record this dossier cannot read: {what}", path.display())]
    Malformed { path: PathBuf, what: String },
    /// Any other SQLite failure (a bug rather than a state of the disk).
    #[error("{}: {source}", path.display())]
    Sqlite { path: PathBuf, source: rusqlite::Error },
}

impl StoreError {
    /// Sorts a SQLite error on `path` into the cases above.
    pub(crate) fn from_sqlite(path: &std::path::Path, e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        let Some(code) = e.sqlite_error_code() else { return Self::Sqlite { path, source: e } };
        let reason = e.to_string();
        match code {
            C::NotADatabase | C::DatabaseCorrupt => Self::Corrupt { path, reason },
            C::ReadOnly
            | C::CannotOpen
            | C::DiskFull
            | C::PermissionDenied
            | C::SystemIoFailure
            | C::NoLargeFileSupport
            | C::TooBig => Self::Unavailable { path, reason },
            C::DatabaseBusy | C::DatabaseLocked => Self::Busy { path, reason },
            _ => Self::Sqlite { path, source: e },
        }
    }

    pub(crate) fn io(path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::Unavailable { path: path.to_path_buf(), reason: e.to_string() }
    }

    /// Whether the store can be tried again later in this run (only a busy
    /// database can; the others hold until dossier starts again).
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Busy { .. })
    }
}

/// Results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
