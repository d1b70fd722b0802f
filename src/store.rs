//! What dossier remembers between runs, in two SQLite files (rusqlite with
//! SQLite built in):
//!
//! - the **library** ([`Library`], `$XDG_CACHE_HOME/dossier/library.sqlite`):
//!   per source file (absolute path, size, modification time, content
//!   hash) its parsed documents, every field of [`crate::corpus::Document`],
//!   their facts (every field of [`crate::facts::Fact`]), and the saved
//!   search and entity indexes. Derived from the articles, so safe to
//!   delete; the tables are documented for `sqlite3` and Datasette
//!   (README, "Database");
//! - the **reading state** ([`Marks`], `$XDG_STATE_HOME/dossier/state.sqlite`):
//!   read and star marks, the place in each article, the article open last,
//!   and the person's corrections of the facts.
//!   It cannot be rebuilt, so it lives apart from the cache, beside the
//!   `state.json` it replaces (imported once, then renamed).
//!
//! **Versions.** Each file row records the parse version that made its
//! documents and the extraction version that made their facts
//! ([`version`]). [`Library::plan`] sorts every listed file: unchanged
//! (documents and facts read back, nothing parsed or extracted), stale
//! (the extraction version moved on: the stored documents are extracted
//! again, never parsed — [`Library::put_facts`]), changed or new (parsed
//! and extracted, then [`Library::put`] stores the file whole, in one
//! transaction), and the stored files under the listed folders that
//! vanished (out of view; [`Library::prune`] deletes on request).
//!
//! **Threads.** A connection belongs to one thread. One writer (the
//! loader's thread for the library, a [`MarkWriter`] for the reading
//! state) and any number of readers ([`Library::reader`]), in this process
//! or another: the files are in WAL mode with a busy timeout.
//!
//! **Faults** never stop dossier: a damaged, truncated or foreign file is
//! moved aside and started afresh (the handle's `take_note` says so); a
//! file of a newer dossier is left untouched; a folder that cannot be
//! written is a [`StoreError`] to show once and go on without the store.
//!
//! The store sits beside `corpus` and `facts`, above both: neither of them
//! imports it.

mod codec;
mod corrections;
mod db;
mod error;
mod import;
mod indexes;
mod library;
mod marks;
mod paths;
mod schema;
pub mod version;

pub use codec::PackedFacts;
pub use corrections::{Change, Correction, FactKey, read_corrections};
pub use error::{Result, StoreError};
pub use import::{ParsedFile, Synced, parse_file, sync};
pub use indexes::SavedIndexes;
pub use library::{DocRow, FileId, Library, Listed, NewFile, Plan, Stored, Verdict, content_hash};
pub use marks::{JSON_FILE, JSON_IMPORTED, MarkWriter, Marks, Update, What};
pub use paths::{LIBRARY_FILE, STATE_FILE, cache_dir, db_path, state_db_path, state_dir};
