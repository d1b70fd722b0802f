//! The reading state that outlives a session: which articles are read and
//! starred, the last one open, and the place in each — by paragraph and
//! offset, so it survives another terminal width. Keyed by a hash of the
//! article's text (a moved file keeps its state), with the path as a hint.
//!
//! Saving never loses data: the file is written to a temporary file,
//! synced and renamed over the old one. A file that cannot be read as a
//! state is moved aside and dossier starts fresh; a directory that cannot
//! be written means no saving, said once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Document;

/// The state file's format; another number is moved aside, not guessed at.
const VERSION: u32 = 1;
const FILE_NAME: &str = "state.json";
/// Far more than the state of a million articles: a larger file is not ours.
const MAX_STATE_BYTES: u64 = 256 << 20;

/// One article's state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    pub path: String,
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub starred: bool,
    /// The place: paragraph index, and byte offset in it.
    #[serde(default)]
    pub paragraph: usize,
    #[serde(default)]
    pub offset: usize,
}

/// Everything saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// The hash of the article open last.
    #[serde(default)]
    pub last: Option<String>,
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
}

/// A stable hash of an article's text (FNV-1a, 64 bits), as hex: the same
/// text gives the same key on every machine and version.
pub fn content_hash(doc: &Document) -> String {
    // Computed once per article: saving the state asks for every article's.
    let h = *doc.hash.get_or_init(|| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in doc.title.bytes().chain([0]).chain(doc.body.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    });
    format!("{h:016x}")
}

/// The state on disk and in memory.
#[derive(Debug)]
pub struct Store {
    /// Where the file is; `None` once saving is impossible or not wanted.
    path: Option<PathBuf>,
    pub state: State,
    /// Said once in the status line: a file moved aside, saving off.
    pub notice: Option<String>,
}

impl Store {
    /// A store that keeps nothing (`--no-state`, headless rendering).
    pub fn disabled() -> Self {
        Self { path: None, state: State { version: VERSION, ..State::default() }, notice: None }
    }

    /// Opens the state in `dir`, creating nothing until the first save.
    pub fn open(dir: &Path) -> Self {
        let path = dir.join(FILE_NAME);
        let mut store = Self { path: Some(path.clone()), ..Self::disabled() };
        match crate::bounded::read(&path, MAX_STATE_BYTES) {
            Ok(bytes) => match serde_json::from_slice::<State>(&bytes) {
                Ok(state) if state.version == VERSION => store.state = state,
                Ok(state) => store.move_aside(&path, &format!("version {}", state.version)),
                Err(e) => store.move_aside(&path, &e.to_string()),
            },
            Err(e) if e.is_not_found() => {}
            Err(e) => {
                store.notice =
                    Some(format!("reading state not loaded ({e}); working without saving"));
                store.path = None;
            }
        }
        store
    }

    fn move_aside(&mut self, path: &Path, why: &str) {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = path.with_file_name(format!("{FILE_NAME}.bad-{stamp}"));
        match std::fs::rename(path, &aside) {
            Ok(()) => {
                self.notice =
                    Some(format!("unreadable state ({why}) moved to {}", aside.display()));
            }
            Err(e) => {
                self.notice = Some(format!(
                    "unreadable state ({why}) could not be moved aside: {e}; working without saving"
                ));
                self.path = None;
            }
        }
    }

    pub fn is_saving(&self) -> bool {
        self.path.is_some()
    }

    /// Writes the state atomically; after a failure, saving stops and the
    /// notice says why (once).
    pub fn save(&mut self) {
        let Some(path) = self.path.clone() else { return };
        if let Err(e) = write_atomically(&path, &self.state) {
            self.notice =
                Some(format!("cannot save the reading state ({e}); working without saving"));
            self.path = None;
        }
    }
}

/// Temporary file in the same folder, synced, renamed over the old file,
/// folder synced: a crash leaves the old file or the new one, never half.
pub fn write_atomically(path: &Path, state: &State) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        serde_json::to_writer(&mut file, state)?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The state directory (`$XDG_STATE_HOME/dossier` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "dossier")?;
    Some(dirs.state_dir().map_or_else(|| dirs.data_local_dir().to_path_buf(), Path::to_path_buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dossier-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn round_trip() {
        let dir = temp("round");
        let mut store = Store::open(&dir);
        store.state.last = Some("abc".into());
        store.state.articles.insert(
            "abc".into(),
            ArticleState {
                path: "a.txt".into(),
                read: true,
                starred: true,
                paragraph: 3,
                offset: 7,
            },
        );
        store.save();
        assert_eq!(Store::open(&dir).state, store.state);
        assert!(store.notice.is_none());
    }

    #[test]
    fn garbage_and_truncated_files_are_moved_aside() {
        for (name, bytes) in [
            ("garbage", &b"\x00\xffnot json"[..]),
            ("truncated", &b"{\"version\":1,\"articles\":{\"a"[..]),
            ("future", &b"{\"version\":99}"[..]),
        ] {
            let dir = temp(name);
            std::fs::write(dir.join(FILE_NAME), bytes).unwrap();
            let store = Store::open(&dir);
            assert_eq!(store.state.articles.len(), 0);
            assert!(
                store.notice.as_deref().unwrap().contains("moved to"),
                "{name}: {:?}",
                store.notice
            );
            assert!(!dir.join(FILE_NAME).exists());
            assert_eq!(
                std::fs::read_dir(&dir).unwrap().count(),
                1,
                "{name}: the bad file is kept aside"
            );
        }
    }

    #[test]
    fn an_unwritable_directory_means_no_saving_said_once() {
        // A file where the directory should be cannot hold a state.
        let dir = temp("blocked");
        let blocked = dir.join("not-a-dir");
        std::fs::write(&blocked, "x").unwrap();
        let mut store = Store::open(&blocked);
        store.save();
        assert!(!store.is_saving());
        assert!(store.notice.as_deref().unwrap().contains("working without saving"));
    }

    #[test]
    fn hashes_are_stable() {
        // Two documents built apart (no cached hash shared), the same text:
        // the same key, and the one every version of dossier gives.
        let make = |path: &str, body: &str| {
            let text = format!("Markets fell\n\n{body}");
            Document::from_text(crate::text::DocId(0), path.into(), path.into(), &text)
        };
        let a = make("a.txt", "Shares lost 3% on Monday.");
        let moved = make("elsewhere/b.txt", "Shares lost 3% on Monday.");
        assert_eq!(content_hash(&a), content_hash(&moved));
        assert_eq!(content_hash(&a), "d34b06dff693a4b6");
        assert_ne!(content_hash(&a), content_hash(&make("a.txt", "Shares lost 4% on Monday.")));
    }
}
