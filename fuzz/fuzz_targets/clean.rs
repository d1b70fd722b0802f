//! Text → cleaned paragraphs and a document: never a panic; paragraph
//! spans slice the body; nothing unsafe to show is left.
#![no_main]

use dossier::corpus::{Document, FurnitureRules, clean, clean_paragraphs};
use dossier::text::{DocId, needs_substitute};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rules = FurnitureRules::bundled();
    let cleaned = clean(&text, rules);
    for p in cleaned.paragraphs.iter().chain(&cleaned.headline) {
        assert!(!p.chars().any(needs_substitute), "unsafe paragraph {p:?}");
    }
    let parts: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let _ = clean_paragraphs(parts.first().map(String::as_str), &parts, rules);
    let doc = Document::from_text(DocId(0), "fuzz".into(), "fuzz.txt".into(), &text);
    for (i, span) in doc.paragraphs.iter().enumerate() {
        assert!(doc.body.get(span.range()).is_some(), "paragraph {i} {span:?} off the body");
    }
    let _ = doc.reading_minutes();
});
