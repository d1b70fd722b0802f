//! The reading state that outlives a session: which articles are read and
//! starred, the last one open, and the place in each — by paragraph and
//! offset, so it survives another terminal width. Keyed by a hash of the
//! article's text (a moved file keeps its state), with the path as a hint.
//!
//! These are the types of the `state.json` file earlier versions kept and
//! the store imports once (`Marks::import_json` in the store); the state
//! itself now lives in the reading-state database.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Document;

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

/// The state directory (`$XDG_STATE_HOME/dossier` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "dossier")?;
    Some(dirs.state_dir().map_or_else(|| dirs.data_local_dir().to_path_buf(), Path::to_path_buf))
}

#[cfg(test)]
mod tests {
    use super::*;

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
