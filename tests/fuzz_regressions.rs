//! The fuzz targets' checks (see `fuzz/`) as plain tests, on inputs that
//! sit at the edges the fuzzers explore. A crash the fuzzers find lands
//! here as a named test, with its input.

use std::sync::LazyLock;

use dossier::corpus::{Document, Format, FurnitureRules, clean, parse};
use dossier::facts::{Extractor, Field};
use dossier::text::{DocId, needs_substitute};
use dossier::wrap::wrap;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// What the `decode`, `html`, `clean` and `facts` targets check, at once.
fn check(bytes: &[u8]) {
    for format in [None, Some(Format::Html), Some(Format::Json), Some(Format::Feed)] {
        for (_, article) in parse(bytes, format).articles {
            let doc = Document::from_article(DocId(0), "k".into(), "p".into(), article);
            assert!(!doc.title.chars().any(needs_substitute), "{:?}", doc.title);
            assert!(!doc.body.chars().any(needs_substitute));
        }
    }
    let text = String::from_utf8_lossy(bytes);
    let cleaned = clean(&text, FurnitureRules::bundled());
    assert!(!cleaned.paragraphs.iter().any(|p| p.chars().any(needs_substitute)));
    let doc = Document::from_text(DocId(0), "k".into(), "p".into(), &text);
    for fact in EXTRACTOR.extract(&doc) {
        let within = if fact.field == Field::Title { &*doc.title } else { &*doc.body };
        assert!(within.get(fact.span.range()).is_some(), "{fact:?}");
    }
    for width in [0, 1, 2, 3, 7, 80] {
        for row in wrap(&text, width) {
            assert!(text.get(row.start..row.end).is_some(), "{row:?}");
        }
    }
}

#[test]
fn edge_inputs() {
    let repeated = ["é".repeat(40), "👨‍👩‍👧‍👦".repeat(20)];
    let inputs: [&[u8]; 16] = [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe\x00",
        b"\xfe\xff\xd8\x00",
        "\u{301}\u{301}\u{301}".as_bytes(),
        b"<html",
        b"<html><body><p>\x1b]0;x\x07</p>",
        b"{\"title\": \"\\u001b\", \"body\": \"\\ud800\"}",
        b"[{},{\"body\":1},{\"body\":\"x\"}]",
        b"<rss><channel><item><title>\x9b</title></item></channel></rss>",
        b"# \n\n#\n\n- \n\n> ",
        b"$5 million 37% \xe2\x82\xac 1.000,5 Mrd. 2024-13-45 \"",
        "\u{202e}Berlin\u{202c} sagte \u{201e}ja\u{201c}".as_bytes(),
        b"\x00\x00\x00text",
        repeated[0].as_bytes(),
        repeated[1].as_bytes(),
    ];
    for input in inputs {
        check(input);
    }
}
