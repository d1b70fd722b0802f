//! Bytes as a saved web page → the article Readability finds: never a
//! panic, and the text safe to show.
#![no_main]

use dossier::corpus::{Document, Format, parse};
use dossier::text::{DocId, needs_substitute};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for (_, article) in parse(data, Some(Format::Html)).articles {
        let doc = Document::from_article(DocId(0), "page".into(), "page.html".into(), article);
        assert!(!doc.title.chars().any(needs_substitute), "unsafe title {:?}", doc.title);
        for meta in [&doc.url, &doc.date, &doc.byline, &doc.site].into_iter().flatten() {
            assert!(!meta.chars().any(needs_substitute), "unsafe metadata {meta:?}");
        }
    }
});
