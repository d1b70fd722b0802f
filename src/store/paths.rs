//! Where the two database files live, and why apart:
//!
//! - `$XDG_CACHE_HOME/dossier/library.sqlite`: everything derived from the
//!   articles (documents, facts, the saved indexes). Rebuilt from the files
//!   whenever it is missing, so safe to delete; a cache directory is what
//!   backup tools and cleaners know to skip.
//! - `$XDG_STATE_HOME/dossier/state.sqlite`: the reading state (marks,
//!   places, the article open last), which cannot be rebuilt from anything,
//!   beside the `state.json` it replaces. Deleting the cache never touches it.

use std::path::{Path, PathBuf};

/// The library's file name in the cache directory.
pub const LIBRARY_FILE: &str = "library.sqlite";
/// The reading state's file name in the state directory.
pub const STATE_FILE: &str = "state.sqlite";

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "dossier")
}

/// `$XDG_CACHE_HOME/dossier` on Linux.
pub fn cache_dir() -> Option<PathBuf> {
    Some(project()?.cache_dir().to_path_buf())
}

/// `$XDG_STATE_HOME/dossier` on Linux (the local data folder elsewhere),
/// where `state.json` lived.
pub fn state_dir() -> Option<PathBuf> {
    crate::state::default_dir()
}

/// The database that holds the `documents` and `facts` tables (what
/// `dossier --db-path` prints).
pub fn db_path() -> Option<PathBuf> {
    Some(cache_dir()?.join(LIBRARY_FILE))
}

/// The reading state's database.
pub fn state_db_path() -> Option<PathBuf> {
    Some(state_dir()?.join(STATE_FILE))
}

/// A path beside `path` for a damaged file: `NAME.bad-SECONDS[-N]`, never
/// one that exists already.
pub(crate) fn aside_path(path: &Path) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut n = 0;
    loop {
        let suffix = if n == 0 { String::new() } else { format!("-{n}") };
        let candidate = path.with_file_name(format!("{name}.bad-{stamp}{suffix}"));
        if std::fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}
