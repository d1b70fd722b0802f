//! Regression tests on size for the name finders, resolution and speaker
//! attribution: articles of 2 MB built from the shapes that were quadratic
//! in the number of mentions (one company named a hundred thousand times,
//! thousands of distinct people, brackets that never close, quotes in one
//! paragraph without a full stop, capitalised runs without punctuation).
//! Each step is now linear or n·log n, so these finish in seconds; a step
//! that turns quadratic again makes them run for many minutes.
//! (`benches/` measures the time as the input doubles.)

use std::fmt::Write as _;

use dossier::corpus::Document;
use dossier::facts::{Extractor, Kind};
use dossier::text::{DocId, Lang};

const SIZE: usize = 2_000_000;

fn article(lang: &'static str, body: &str) -> Document {
    let mut doc = Document::from_text(DocId(0), "t".into(), "t.txt".into(), body);
    doc.lang = Lang::from_static(lang);
    doc
}

fn repeated(unit: &str) -> String {
    unit.repeat(SIZE / unit.len() + 1)
}

/// Distinct made-up names, so that no two people share a surname.
fn distinct_people() -> String {
    const SYL: [&str; 12] =
        ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "da", "be", "go"];
    let name = |n: usize| {
        let s: String = (0..3).map(|i| SYL[(n / 12usize.pow(i)) % 12]).collect();
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
    };
    let mut out = String::with_capacity(SIZE + 100);
    let mut n = 0;
    while out.len() < SIZE {
        let (a, b) = (name(n), name(n / 7 + 1000));
        write!(out, "John {b} met Mr {a} at {a} {b} Group. {b} said so. ")
            .expect("a String takes it");
        n += 1;
    }
    out
}

#[test]
fn pathological_articles_of_two_megabytes_finish() {
    let extractor = Extractor::new();
    let cases = [
        (
            "en",
            repeated(
                "Acme Holdings Inc. said John Smith met Jane Doe of Acme Bank and Siemens AG. ",
            ),
        ),
        ("en", distinct_people()),
        ("en", repeated("Acme Inc (Foo Bar ")),
        ("en", repeated("\"one two three four five\" said John Smith and ")),
        ("de", repeated("Herr Müller sagte laut Reuters und Siemens ")),
        ("en", repeated("Alpha Beta Gamma Delta Epsilon ")),
    ];
    for (lang, body) in cases {
        let doc = article(lang, &body);
        let facts = extractor.extract(&doc);
        let names = facts.iter().filter(|f| matches!(f.kind, Kind::Person | Kind::Org)).count();
        // Not only finished: the names are still found all along.
        assert!(
            names > 1000 || body.starts_with("Alpha"),
            "{lang}: {names} names in {}",
            body.get(..40).unwrap_or_default()
        );
    }
}
