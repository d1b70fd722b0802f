//! Bytes → articles, the format sniffed (so decoding, every format's parser
//! and cleaning run): never a panic, and every article's text safe to show.
#![no_main]

use dossier::corpus::{Document, parse};
use dossier::text::{DocId, needs_substitute};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for (_, article) in parse(data, None).articles {
        let doc = Document::from_article(DocId(0), "fuzz".into(), "fuzz".into(), article);
        assert!(!doc.title.chars().any(needs_substitute), "unsafe title {:?}", doc.title);
        assert!(!doc.body.chars().any(|c| needs_substitute(c) && c != '\n'));
    }
});
