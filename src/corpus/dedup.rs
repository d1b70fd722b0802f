//! Identical articles across a whole load are kept once. Identical means
//! the same title and the same body (whatever the spacing): thirty feed
//! items with their own titles and the one body "Subscribe to read." are
//! thirty articles.

use std::collections::{HashMap, hash_map::Entry};
use std::hash::Hasher;

use siphasher::sip::SipHasher13;

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
        // An article with no text is no repeat (one read back without its
        // body still counts its words).
        if doc.body.is_empty() && doc.words == 0 {
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
/// the spacing. A stable hash (SipHash-1-3 with fixed keys, each word's
/// bytes then a separator byte no UTF-8 text holds), so that the value the
/// library keeps means the same to every later build. The words are laid
/// end to end first and hashed in one go (the same bytes, so the same value
/// as hashing them word by word, at a fraction of the cost).
pub fn article_hash(title: &str, body: &str) -> u64 {
    let mut stream = Vec::with_capacity(title.len() + body.len() + 2);
    push_words(&mut stream, title);
    // Apart from the body, so that a title word cannot pass for a body word.
    stream.push(0xfe);
    push_words(&mut stream, body);
    let mut h = SipHasher13::new_with_keys(0x6172_7469_636c_6521, 0x6964_656e_7469_7479);
    h.write(&stream);
    h.finish()
}

/// Appends the words of `s` (as `split_whitespace` cuts them), each
/// followed by `0xff`.
fn push_words(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // The start of the word under way, if any.
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // White space: ASCII, or a character whose UTF-8 form starts with
        // one of these bytes (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000).
        let space = match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => s
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if space == 0 {
            word.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word.take() {
            out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
            out.push(0xff);
        }
        i += space;
    }
    if let Some(start) = word {
        out.extend_from_slice(bytes.get(start..).unwrap_or_default());
        out.push(0xff);
    }
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

    #[test]
    fn a_repeat_read_back_without_its_body_is_still_a_repeat() {
        let mut d = Dedup::default();
        let full = doc("a", "Title", "Markets fell today.");
        let hash = article_hash(&full.title, &full.body);
        assert!(d.check(&full).is_none());
        let mut lean = doc("b", "Title", "Markets fell today.");
        lean.body = "".into();
        assert!(d.check_hashed(&lean, hash).is_some());
    }

    #[test]
    fn the_hash_is_the_same_in_every_build() {
        // The library keeps these values from one run (and one build) to
        // the next; a hasher whose output may change would lose repeats.
        assert_eq!(article_hash("A  title", "Some\nbody."), article_hash("A title", "Some body."));
        assert_ne!(article_hash("A", "title body"), article_hash("A title", "body"));
        assert_eq!(article_hash("A title", "Some body."), 11_735_257_876_962_135_413);
    }

    /// The hash as it was first written: word by word.
    fn word_by_word(title: &str, body: &str) -> u64 {
        let mut h = SipHasher13::new_with_keys(0x6172_7469_636c_6521, 0x6964_656e_7469_7479);
        for word in title.split_whitespace() {
            h.write(word.as_bytes());
            h.write_u8(0xff);
        }
        h.write_u8(0xfe);
        for word in body.split_whitespace() {
            h.write(word.as_bytes());
            h.write_u8(0xff);
        }
        h.finish()
    }

    proptest::proptest! {
        #[test]
        fn the_hash_is_that_of_the_words_one_by_one(
            title in "[ a-zA-Z\u{85}\u{a0}\u{1680}\u{2000}-\u{2060}\u{3000}\u{a1}-\u{bf}\u{1e00}-\u{1e05}\u{2e80}\n\t]{0,20}",
            body in "[ a-z.\u{85}\u{a0}\u{c2}-\u{c5}\u{1680}\u{1e00}\u{2000}-\u{2060}\u{3000}-\u{3010}\u{feff}\r\n\t\x0b\x0c\x1c]{0,60}",
        ) {
            proptest::prop_assert_eq!(article_hash(&title, &body), word_by_word(&title, &body));
        }
    }
}
