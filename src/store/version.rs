//! The two numbers every stored row is checked against.
//!
//! - [`SCHEMA`]: the layout of the tables. A file of a lower schema is
//!   rebuilt (the library) or migrated (the reading state); a file of a
//!   higher one was written by a newer dossier and is left alone.
//! - The parse and extraction versions ([`parse`], [`extraction`]): a hash
//!   of what decides a stored document (the crate version and every file of
//!   `src/corpus`, the furniture rules and the language lexicon) and what
//!   decides its facts (the crate version, [`crate::facts::VERSION`] and
//!   every file of `src/facts` and `assets/facts`). `build.rs` hashes those
//!   files, so any change to them, code or lexicon, counts.
//!   A file parsed under another parse version is read again; a document
//!   whose facts were extracted under another extraction version keeps its
//!   parsed text and is only extracted again.

use std::hash::Hasher;
use std::sync::LazyLock;

use siphasher::sip::SipHasher13;

/// The layout of the library's tables (`PRAGMA user_version`).
pub const SCHEMA: i64 = 1;
/// The layout of the reading state's tables.
pub const STATE_SCHEMA: i64 = 2;
/// Written into both files' headers (`PRAGMA application_id`): "doss".
pub const APPLICATION_ID: i64 = 0x646f_7373;

/// A stable hash (SipHash-1-3, fixed keys): the same bytes give the same
/// value on every machine and every build.
pub fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h = SipHasher13::new_with_keys(0x646f_7373_6965_7221, 0x7374_6f72_6500_0001);
    for p in parts {
        h.write(&(p.len() as u64).to_le_bytes());
        h.write(p);
    }
    h.finish()
}

static PARSE: LazyLock<String> = LazyLock::new(|| {
    let schema = SCHEMA.to_le_bytes();
    let sources = env!("DOSSIER_PARSE_SOURCES").as_bytes();
    format!("{:016x}", stable_hash(&[env!("CARGO_PKG_VERSION").as_bytes(), &schema, sources]))
});

static EXTRACTION: LazyLock<String> = LazyLock::new(|| {
    let facts = crate::facts::VERSION.to_le_bytes();
    let sources = env!("DOSSIER_EXTRACTION_SOURCES").as_bytes();
    format!("{:016x}", stable_hash(&[env!("CARGO_PKG_VERSION").as_bytes(), &facts, sources]))
});

/// The version of parsing: what a stored document was made by.
pub fn parse() -> &'static str {
    &PARSE
}

/// The version of extraction: what a stored document's facts were made by.
pub fn extraction() -> &'static str {
    &EXTRACTION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_stable_hex() {
        assert_eq!(parse().len(), 16);
        assert_eq!(extraction(), extraction());
        assert_ne!(parse(), extraction());
        assert_eq!(stable_hash(&[b"a", b"b"]), stable_hash(&[b"a", b"b"]));
        assert_ne!(stable_hash(&[b"ab"]), stable_hash(&[b"a", b"b"]));
    }
}
