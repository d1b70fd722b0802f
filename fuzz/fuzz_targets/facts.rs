//! Text → a document → its facts: never a panic, and every fact's span
//! lies on character boundaries of the text it points into.
#![no_main]

use std::sync::LazyLock;

use dossier::corpus::Document;
use dossier::facts::{Extractor, Field};
use dossier::text::DocId;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_text(DocId(0), "fuzz".into(), "fuzz.txt".into(), &text);
    for fact in EXTRACTOR.extract(&doc) {
        let within = match fact.field {
            Field::Title => &*doc.title,
            Field::Body => &*doc.body,
        };
        assert!(
            within.get(fact.span.range()).is_some(),
            "{:?} {:?} is not a slice of the {:?}",
            fact.kind,
            fact.span,
            fact.field
        );
    }
});
