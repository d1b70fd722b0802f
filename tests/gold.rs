//! The engine against the hand-checked facts of the bundled articles
//! (`tests/gold/seeds.jsonl`), scored the way `shared/tools/score_facts.py`
//! scores them: same normalisation, one entry per distinct text (per
//! distinct value for people, organisations and places), exact pairs first
//! and then, for entities, the lenient whole-word pass. A failure prints the
//! per-kind table and every miss, so that it explains itself.

mod common;

use std::collections::HashMap;

use common::score::{KINDS, Score, norm, score as score_gold, texts_match, words_contain};
use dossier::corpus::Corpus;
use dossier::facts::Extractor;
use dossier::report::fact_json;
use serde_json::Value as Json;

const GOLD: &str = include_str!("gold/seeds.jsonl");

/// Runs the extractor over the bundled articles and scores it.
fn score() -> Score {
    let extractor = Extractor::new();
    let pred: HashMap<String, Vec<Json>> = Corpus::bundled()
        .docs
        .iter()
        .map(|doc| {
            (doc.key.clone(), extractor.extract(doc).iter().map(|f| fact_json(doc, f)).collect())
        })
        .collect();
    score_of(&pred)
}

/// Scores predicted facts (per article id) against the gold file.
fn score_of(pred: &HashMap<String, Vec<Json>>) -> Score {
    let gold: Vec<Json> = GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Json>(l).expect("gold line is JSON"))
        .collect();
    score_gold(&gold, pred)
}

#[test]
fn quantities_meet_the_bar() {
    let s = score();
    let ok = s.f1("money") >= 1.0 && s.f1("percent") >= 1.0 && s.f1("date") >= 0.9;
    assert!(ok, "money and percent must score F1 1.0, date 0.9\n{}", s.report());
}

#[test]
fn all_kinds_meet_the_bar() {
    let s = score();
    let every_kind = KINDS.iter().all(|k| s.f1(k) >= 0.8);
    let ok = every_kind
        && s.overall.f1() >= 0.9
        && s.speaker_accuracy() >= 0.8
        && s.f1("money") >= 1.0
        && s.f1("percent") >= 1.0;
    assert!(ok, "every kind must score F1 0.8, overall 0.9, speakers 0.8\n{}", s.report());
}

#[test]
fn the_port_normalises_like_the_scorer() {
    assert_eq!(norm(Some(&Json::from("  „Etwa  20 Milliarden“. "))), "etwa 20 milliarden");
    assert!(texts_match("etwa 20 milliarden us-dollar", "20 milliarden us-dollar"));
    assert!(!texts_match("in", "in 2036 und mehr"));
    assert!(words_contain("signa development", "signa development selection"));
    assert!(!words_contain("alibaba", "alibabas cloud"));
}
