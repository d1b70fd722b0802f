//! `dossier entity NAME [--json]`: an entity's page, headless, on the
//! bundled articles and on a folder of dated articles.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;

use common::dossier;

fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(dossier())
        .arg("--no-cache")
        .args(args)
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    out
}

fn page(args: &[&str]) -> Json {
    let mut all = vec!["entity"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = run(&all);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one object on one line");
    serde_json::from_str(&text).unwrap()
}

fn array<'a>(page: &'a Json, key: &str) -> &'a Vec<Json> {
    page[key].as_array().unwrap_or_else(|| panic!("{key} is an array: {page}"))
}

/// Every key the issue names, in every element.
#[test]
fn the_json_has_its_shape() {
    let page = page(&["Alibaba"]);
    assert_eq!(page["name"], "Alibaba");
    assert_eq!(page["kind"], "org");
    let shape: [(&str, &[&str]); 7] = [
        ("names", &["text", "lang"]),
        ("roles", &["text", "role", "org", "id", "start", "end"]),
        ("articles", &["id", "lang", "title", "date", "mentions"]),
        ("quotes", &["text", "speaker", "id", "start", "end"]),
        ("figures", &["kind", "text", "value", "currency", "id", "start", "end", "sentence"]),
        ("with", &["name", "kind", "count"]),
        ("timeline", &["text", "value", "resolved", "id", "start", "end"]),
    ];
    for (key, fields) in shape {
        for item in array(&page, key) {
            for field in fields {
                assert!(item.get(field).is_some(), "{key} lacks {field}: {item}");
            }
        }
    }
    for key in ["names", "articles", "figures", "with", "timeline"] {
        assert!(!array(&page, key).is_empty(), "{key} is empty: {page}");
    }
}

#[test]
fn daniel_zhang_in_english_and_german_with_his_role_and_quote() {
    let page = page(&["daniel zhang"]);
    assert_eq!(page["kind"], "person");
    let langs: Vec<&str> =
        array(&page, "articles").iter().filter_map(|a| a["lang"].as_str()).collect();
    assert!(langs.contains(&"en") && langs.contains(&"de"), "{langs:?}");
    assert!(array(&page, "roles").iter().any(|r| r["role"] == "former CEO"), "{page}");
    let quotes = array(&page, "quotes");
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| q["speaker"] == "Daniel Zhang"), "{quotes:?}");
    assert!(quotes.iter().any(|q| q["text"].as_str().unwrap().starts_with("We would love")));
}

#[test]
fn alibaba_has_four_articles_and_their_figures_in_one_table() {
    let page = page(&["alibaba group holding"]);
    let ids: Vec<&str> = array(&page, "articles").iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    let mut langs: Vec<&str> =
        array(&page, "figures").iter().filter_map(|f| f["lang"].as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    assert!(langs.len() >= 3, "figures from most of the articles: {langs:?}");
    for f in array(&page, "figures") {
        let (text, sentence) = (f["text"].as_str().unwrap(), f["sentence"].as_str().unwrap());
        assert!(sentence.contains(text), "{f}");
        assert!(["money", "percent", "date"].contains(&f["kind"].as_str().unwrap()), "{f}");
    }
}

#[test]
fn china_has_its_names_in_four_languages() {
    let page = page(&["Chinas"]);
    assert_eq!(page["name"], "China");
    let mut langs: Vec<&str> =
        array(&page, "names").iter().filter_map(|n| n["lang"].as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    assert_eq!(langs, ["de", "en", "nl", "vi"]);
    let texts: Vec<&str> =
        array(&page, "names").iter().filter_map(|n| n["text"].as_str()).collect();
    assert!(texts.contains(&"Trung Quốc") && texts.contains(&"Chinas"), "{texts:?}");
}

#[test]
fn an_unknown_name_says_so_and_exits_1() {
    let out = run(&["entity", "Nobody Atall"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no person, organisation or place is named \"Nobody Atall\""),
        "{stderr}"
    );
}

#[test]
fn the_plain_page_has_its_sections() {
    let out = run(&["entity", "Daniel Zhang"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Daniel Zhang (person)\n"), "{text}");
    for heading in ["\nNames\n", "\nRoles\n", "\nArticles\n", "\nQuotes\n", "\nAppears with\n"] {
        assert!(text.contains(heading), "{heading:?} in {text}");
    }
}

fn write(dir: &Path, name: &str, json: &str) {
    std::fs::write(dir.join(name), json).unwrap();
}

/// Dated articles: relative dates resolved against each one's date and
/// shown in time order; an undated article keeps its words and says why.
#[test]
fn relative_dates_are_resolved_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.json",
        r#"{"title":"Alibaba reports","date":"2023-11-16","text":"Alibaba said on Thursday that sales rose. Alibaba lost money last year."}"#,
    );
    write(
        dir.path(),
        "b.json",
        r#"{"title":"Alibaba again","date":"2024-02-01T09:00:00Z","text":"Alibaba expects growth next month, its chief said."}"#,
    );
    write(
        dir.path(),
        "c.json",
        r#"{"title":"Alibaba undated","text":"Alibaba grew strongly last year, the firm said."}"#,
    );
    let path = dir.path().to_str().unwrap();
    let page = page(&["Alibaba", path]);
    let timeline: Vec<(String, Json, String)> = array(&page, "timeline")
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["resolved"].clone(),
                t["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let resolved: Vec<&str> = timeline.iter().filter_map(|t| t.1.as_str()).collect();
    assert_eq!(resolved, ["2022", "2023-11-16", "2024-03"], "{timeline:?}");
    let last = array(&page, "timeline").last().unwrap();
    assert_eq!(last["id"], "c");
    assert_eq!(last["value"], "last year");
    assert!(last["resolved"].is_null());
    assert_eq!(last["unresolved"], "the article has no date");
    let articles: Vec<&str> =
        array(&page, "articles").iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(articles, ["b", "a", "c"], "newest first, then the undated");
}
