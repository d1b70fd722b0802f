//! Identical articles across a whole load are kept once. Identical means
//! the same title and the same body (whatever the spacing): thirty feed
//! items with their own titles and the one body "Subscribe to read." are
//! thirty articles.

use std::collections::{HashMap, hash_map::Entry};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Document, Notice};

/// The identity of each article loaded so far and the label of the
/// article that brought it.
#[derive(Debug, Default)]
pub struct Dedup {
    seen: HashMap<u64, String>,
}

impl Dedup {
    /// `None` when `doc` is new (it is remembered), else the note that it
    /// repeats an article loaded before.
    pub fn check(&mut self, doc: &Document) -> Option<Notice> {
        self.check_hashed(doc, article_hash(&doc.title, &doc.body))
    }

    /// [`Dedup::check`] with the article's [`article_hash`] known already
    /// (kept with a stored article).
    pub fn check_hashed(&mut self, doc: &Document, hash: u64) -> Option<Notice> {
        if doc.body.is_empty() {
            return None;
        }
        let label = doc.label();
        match self.seen.entry(hash) {
            // The same article met again (a file listed once cannot be, but
            // a label says so for sure) is no duplicate of itself.
            Entry::Occupied(first) if *first.get() != label => Some(Notice {
                path: label,
                message: format!("same title and text as {}: loaded once", first.get()),
            }),
            Entry::Occupied(_) => None,
            Entry::Vacant(slot) => {
                slot.insert(label);
                None
            }
        }
    }
}

/// Identity of an article: its title and the words of its body, whatever
/// the spacing.
pub fn article_hash(title: &str, body: &str) -> u64 {
    let mut h = DefaultHasher::new();
    for word in title.split_whitespace() {
        word.hash(&mut h);
    }
    // Apart from the body, so that a title word cannot pass for a body word.
    0xff_u8.hash(&mut h);
    for word in body.split_whitespace() {
        word.hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocId;

    fn doc(key: &str, title: &str, body: &str) -> Document {
        Document::from_text(DocId(0), key.into(), key.into(), &format!("{title}\n\n{body}"))
    }

    #[test]
    fn same_body_under_other_titles_is_another_article() {
        let mut d = Dedup::default();
        assert!(d.check(&doc("a", "First Title", "Subscribe to read.")).is_none());
        assert!(d.check(&doc("b", "Second Title", "Subscribe to read.")).is_none());
        let note = d.check(&doc("c", "First  Title", "Subscribe  to\nread.")).unwrap();
        assert_eq!(note.message, "same title and text as a: loaded once");
        assert!(d.check(&doc("a", "First Title", "Subscribe to read.")).is_none());
    }
}
