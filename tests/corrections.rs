//! Corrections as the headless commands see them: kept in the reading
//! state, applied to `facts --json` whether the facts come from the
//! library or are extracted again (`--no-cache`), left out with
//! `--no-state`; and `facts` never makes a reading state of its own.

use std::path::Path;

mod common;

use dossier::facts::{Field, Kind};
use dossier::store::{Change, Correction, FactKey, Marks};
use dossier::text::Span;

const EN: &str = "Chip makers bet on China\n\n\
Daniel Zhang, the chief executive of Alibaba, said on Thursday that demand in China would grow. \
\"We expect the cloud business to grow faster than the market this year,\" Zhang said. \
Analysts at Daiwa in Tokyo agreed.\n";

fn facts(home: &Path, folder: &Path, flags: &[&str]) -> Vec<serde_json::Value> {
    let out = common::command_in(home)
        .args(flags)
        .args(["facts", "--json"])
        .arg(folder)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8(out.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    doc["facts"].as_array().unwrap().clone()
}

fn find<'a>(
    facts: &'a [serde_json::Value],
    kind: &str,
    text: &str,
) -> Option<&'a serde_json::Value> {
    facts.iter().find(|f| f["kind"] == kind && f["text"] == text)
}

fn key(fact: &serde_json::Value, kind: Kind) -> FactKey {
    let at = |k: &str| usize::try_from(fact[k].as_u64().unwrap()).unwrap();
    FactKey {
        article: "en".into(),
        kind,
        field: Field::Body,
        span: Span::new(at("start"), at("end")),
        text: fact["text"].as_str().unwrap().into(),
    }
}

#[test]
fn facts_json_shows_the_corrections_kept_in_the_reading_state() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("en.txt"), EN).unwrap();
    let raw = facts(home.path(), &folder, &[]);
    let state = home.path().join("state/dossier/state.sqlite");
    assert!(!state.exists(), "facts makes no reading state");
    let tokyo = find(&raw, "place", "Tokyo").expect("Tokyo is a place");
    let quote = raw.iter().find(|f| f["kind"] == "quote").unwrap();
    assert_eq!(quote["speaker"], "Daniel Zhang");
    let mut marks = Marks::open(&state).unwrap();
    marks
        .correct(&[
            Change::Add(Correction::Drop(key(tokyo, Kind::Place))),
            Change::Add(Correction::Merge {
                kind: Kind::Person,
                from: "Daniel Zhang".into(),
                into: "Zhang Yong".into(),
            }),
            Change::Add(Correction::Speaker(key(quote, Kind::Quote), Some("John Choi".into()))),
        ])
        .unwrap();
    drop(marks);
    let cached = facts(home.path(), &folder, &[]);
    assert!(find(&cached, "place", "Tokyo").is_none());
    let zhang: Vec<_> = cached.iter().filter(|f| f["kind"] == "person").collect();
    assert!(!zhang.is_empty() && zhang.iter().all(|f| f["value"] == "Zhang Yong"), "{zhang:?}");
    let quote = cached.iter().find(|f| f["kind"] == "quote").unwrap();
    assert_eq!(quote["speaker"], "John Choi");
    assert_eq!(cached.len() + 1, raw.len());
    // Extracted again, the same corrections apply.
    assert_eq!(facts(home.path(), &folder, &["--no-cache"]), cached);
    // Without the reading state, the facts as extracted.
    assert_eq!(facts(home.path(), &folder, &["--no-state"]), raw);
}
