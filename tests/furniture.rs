//! Page furniture against the gold: every boilerplate line the gold lists
//! is hidden, and no line of article text is.

use dossier::corpus::{Corpus, FurnitureRules};
use serde_json::Value;

fn gold() -> Vec<Value> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/seeds.jsonl"))
            .unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn gold_boilerplate_is_hidden_and_article_lines_are_kept() {
    let corpus = Corpus::bundled();
    let gold = gold();
    assert_eq!(gold.len(), corpus.docs.len());
    for (doc, g) in corpus.docs.iter().zip(&gold) {
        let boilerplate: Vec<&str> =
            g["boilerplate"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let hidden: Vec<&str> = doc.furniture.iter().map(|f| f.line.as_str()).collect();
        assert_eq!(hidden, boilerplate, "{}", doc.key);
        for line in &boilerplate {
            assert!(!doc.body.contains(line), "{}: {line:?} is still in the body", doc.key);
        }
        for i in 0..doc.paragraphs.len() {
            assert!(!FurnitureRules::bundled().is_furniture(doc.paragraph(i)));
        }
    }
}

#[test]
fn gold_titles_are_the_headlines() {
    for (doc, g) in Corpus::bundled().docs.iter().zip(gold()) {
        if let Some(title) = g["title"].as_str() {
            assert!(doc.has_headline, "{}", doc.key);
            assert_eq!(doc.title, title);
        } else {
            assert!(!doc.has_headline, "{}", doc.key);
            assert!(doc.body.starts_with(doc.title.trim_end_matches('…')), "{}", doc.title);
        }
    }
}
