//! The engine against the project's own evaluation set: real articles that
//! nobody tuned a rule on, with hand-written gold, one folder per language
//! (`tests/eval/<lang>/`, see its README). Every folder that holds a
//! `gold.jsonl` is picked up. The articles are loaded and extracted exactly
//! as `dossier facts --json` does and scored with the rules of
//! `shared/tools/score_facts.py` (`common::score`).
//!
//! `cargo test --test eval -- --nocapture` prints precision, recall and F1 per
//! language and kind, with speaker accuracy and the share of wrongly named
//! speakers, for the dev split, the test split and both. The test fails when
//! a language falls below its floor: floors are ratchets, the figures
//! measured when they were set minus 0.02, to be raised as the engine
//! improves and never lowered to let a change through.

mod common;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::score::{Score, score};
use dossier::corpus::Corpus;
use dossier::facts::Extractor;
use dossier::report::fact_json;
use serde_json::Value as Json;

/// Floors per language on both splits together: `(lang, overall F1,
/// speaker accuracy)`, each the figure measured when it was set minus 0.02.
/// Ratchets: raise them when the engine improves. A language without a row
/// is scored and printed but not held to anything yet: add its row.
const FLOORS: [(&str, f64, f64); 10] = [
    ("cs", 0.82, 0.93),
    ("de", 0.859, 0.78),
    ("en", 0.881, 0.98),
    ("es", 0.878, 0.906),
    ("fr", 0.855, 0.98),
    ("it", 0.863, 0.707),
    ("nl", 0.77, 0.869),
    ("pl", 0.77, 0.719),
    ("pt", 0.84, 0.844),
    ("vi", 0.829, 0.766),
];

/// The same floors for the languages of `FLOORS` taken together (overall
/// F1, speaker accuracy), so that a language added later moves nothing here.
const FLOOR_TOGETHER: (f64, f64) = (0.831, 0.862);

/// One gold article with the facts the engine found in it.
struct Article {
    lang: String,
    split: String,
    /// The gold line, its `id` made `lang/id` so that ids of different
    /// languages cannot collide.
    gold: Json,
    found: Vec<Json>,
}

fn eval_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("eval")
}

/// Every `<lang>/gold.jsonl` under the root, with its articles extracted.
fn load() -> Vec<Article> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(eval_root())
        .expect("tests/eval is readable")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.join("gold.jsonl").is_file())
        .collect();
    folders.sort();
    assert!(!folders.is_empty(), "no tests/eval/<lang>/gold.jsonl");
    let extractor = Extractor::new();
    folders.iter().flat_map(|folder| load_folder(folder, &extractor)).collect()
}

fn load_folder(folder: &Path, extractor: &Extractor) -> Vec<Article> {
    let lang = folder.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let gold_text =
        std::fs::read_to_string(folder.join("gold.jsonl")).expect("gold.jsonl is readable");
    let gold: Vec<Json> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{lang}/gold.jsonl: {e}")))
        .collect();
    // The articles by path, as `dossier facts --json <files>` opens them:
    // ids are file stems.
    let paths: Vec<PathBuf> = gold
        .iter()
        .map(|g| folder.join(format!("{}.txt", g["id"].as_str().expect("gold id is a string"))))
        .collect();
    let corpus = Corpus::open(&paths);
    assert!(corpus.problems.is_empty(), "{lang}: articles failed to load: {:?}", corpus.problems);
    let mut found: HashMap<String, Vec<Json>> = corpus
        .docs
        .iter()
        .map(|doc| {
            (doc.key.clone(), extractor.extract(doc).iter().map(|f| fact_json(doc, f)).collect())
        })
        .collect();
    gold.into_iter()
        .map(|mut g| {
            let id = g["id"].as_str().unwrap_or_default().to_string();
            let split = g["split"].as_str().unwrap_or_default().to_string();
            g["id"] = Json::from(format!("{lang}/{id}"));
            Article {
                lang: lang.clone(),
                split,
                gold: g,
                found: found.remove(&id).unwrap_or_default(),
            }
        })
        .collect()
}

/// The score of the articles that pass the filter.
fn score_of(articles: &[Article], keep: impl Fn(&Article) -> bool) -> Score {
    let kept: Vec<&Article> = articles.iter().filter(|a| keep(a)).collect();
    let gold: Vec<Json> = kept.iter().map(|a| a.gold.clone()).collect();
    let found: HashMap<String, Vec<Json>> = kept
        .iter()
        .map(|a| (a.gold["id"].as_str().unwrap_or_default().to_string(), a.found.clone()))
        .collect();
    score(&gold, &found)
}

fn in_split(article: &Article, split: &str) -> bool {
    split == "all" || article.split == split
}

/// The table of one split: a block per language (and one for all of them).
fn table(articles: &[Article], langs: &[String], split: &str) -> String {
    let mut out = String::new();
    let n = articles.iter().filter(|a| in_split(a, split)).count();
    let _ = writeln!(out, "\n== {split} ({n} articles)");
    let _ = writeln!(out, "lang kind         P      R     F1    tp   fp   fn");
    for lang in langs.iter().map(String::as_str).chain(["all"]) {
        let s = score_of(articles, |a| in_split(a, split) && (lang == "all" || a.lang == lang));
        for (kind, row) in s.rows.iter().copied().chain([("overall", s.overall)]) {
            let _ = writeln!(
                out,
                "{lang:<4} {kind:<8} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>4} {:>4}",
                row.precision(),
                row.recall(),
                row.f1(),
                row.tp,
                row.fp,
                row.fn_
            );
        }
        let _ = writeln!(
            out,
            "{lang:<4} speakers: accuracy {:.3}, wrong {:.3} ({} right, {} wrong of {} paired quotes)",
            s.speaker_accuracy(),
            s.wrong_speaker_rate(),
            s.speakers_right,
            s.speakers_wrong,
            s.quotes
        );
    }
    out
}

#[test]
fn the_engine_holds_its_floors_on_the_evaluation_set() {
    let articles = load();
    let mut langs: Vec<String> = articles.iter().map(|a| a.lang.clone()).collect();
    langs.dedup();
    let report: String =
        ["dev", "test", "all"].iter().map(|s| table(&articles, &langs, s)).collect();
    println!("{report}");
    let mut failures = Vec::new();
    for lang in &langs {
        let Some((_, f1_floor, speaker_floor)) = FLOORS.iter().find(|(l, ..)| l == lang) else {
            println!("{lang}: no floor yet; add ({lang:?}, F1 - 0.02, speakers - 0.02) to FLOORS");
            continue;
        };
        let s = score_of(&articles, |a| &a.lang == lang);
        let (f1, speakers) = (s.overall.f1(), s.speaker_accuracy());
        if f1 < *f1_floor || speakers < *speaker_floor {
            failures.push(format!(
                "{lang}: overall F1 {f1:.3} (floor {f1_floor}), speaker accuracy {speakers:.3} (floor {speaker_floor})\n{}",
                s.misses.join("\n")
            ));
        }
    }
    let together = score_of(&articles, |a| FLOORS.iter().any(|(l, ..)| *l == a.lang));
    let (f1, speakers) = (together.overall.f1(), together.speaker_accuracy());
    if f1 < FLOOR_TOGETHER.0 || speakers < FLOOR_TOGETHER.1 {
        failures.push(format!(
            "languages with floors together: overall F1 {f1:.3} (floor {}), speaker accuracy {speakers:.3} (floor {})",
            FLOOR_TOGETHER.0, FLOOR_TOGETHER.1
        ));
    }
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}

#[test]
fn every_article_has_gold_and_every_gold_line_an_article() {
    for folder in
        std::fs::read_dir(eval_root()).expect("tests/eval is readable").filter_map(Result::ok)
    {
        let folder = folder.path();
        let Ok(gold) = std::fs::read_to_string(folder.join("gold.jsonl")) else { continue };
        let mut ids: Vec<String> = gold
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str::<Json>(l).expect("gold line is JSON")["id"].to_string())
            .map(|id| id.trim_matches('"').to_string())
            .collect();
        ids.sort();
        let mut stems: Vec<String> = std::fs::read_dir(&folder)
            .expect("language folder is readable")
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| p.file_stem().unwrap_or_default().to_string_lossy().into_owned())
            .collect();
        stems.sort();
        assert_eq!(ids, stems, "{}: gold ids and articles differ", folder.display());
    }
}
