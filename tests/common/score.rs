//! The rules of `shared/tools/score_facts.py`, ported so that the tests
//! score the engine exactly as the shared tool does: same normalisation, one
//! entry per distinct text (per distinct value for people, organisations and
//! places), exact pairs first and then, for entities, the lenient whole-word
//! pass; speakers are compared on the quotes that pair.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value as Json;
use unicode_normalization::UnicodeNormalization;

pub const KINDS: [&str; 7] = ["money", "percent", "date", "person", "org", "place", "quote"];

fn is_entity(kind: &str) -> bool {
    matches!(kind, "person" | "org" | "place")
}

/// `norm` of the scorer: NFC, case-folded, white space collapsed, quotes
/// and punctuation trimmed from both ends.
pub fn norm(v: Option<&Json>) -> String {
    let s = match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let folded = s.nfc().collect::<String>().to_lowercase().replace('ß', "ss");
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_matches(|c| " .,;:\"'“”„«»‚‘’".contains(c)).to_string()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

pub fn texts_match(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if chars(a) <= chars(b) { (a, b) } else { (b, a) };
    long.contains(short) && 2 * chars(short) >= chars(long)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// One value holds the other as whole words, the shorter at least half.
pub fn words_contain(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if chars(a) <= chars(b) { (a, b) } else { (b, a) };
    if 2 * chars(short) < chars(long) {
        return false;
    }
    long.match_indices(short).any(|(i, m)| {
        let before = long.get(..i).and_then(|s| s.chars().next_back());
        let after = long.get(i + m.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

fn number(v: Option<&Json>) -> Option<f64> {
    match v? {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn facts_match(kind: &str, g: &Json, p: &Json, lenient: bool) -> bool {
    if is_entity(kind) {
        let (gv, pv) = (norm(g.get("value")), norm(p.get("value")));
        return if lenient { words_contain(&gv, &pv) } else { gv == pv && !gv.is_empty() };
    }
    if !texts_match(&norm(g.get("text")), &norm(p.get("text"))) {
        return false;
    }
    let (gv, pv) = (number(g.get("value")), number(p.get("value")));
    match kind {
        "money" => {
            let currency =
                |f: &Json| f.get("currency").and_then(Json::as_str).unwrap_or("").to_uppercase();
            matches!((gv, pv), (Some(g_), Some(p_)) if currency(g) == currency(p)
                && (g_ - p_).abs() <= 0.005 * g_.abs().max(1e-9))
        }
        "percent" => matches!((gv, pv), (Some(g_), Some(p_)) if (g_ - p_).abs() < 1e-6),
        _ => true,
    }
}

/// One entry per distinct mention text (per distinct value for entities).
fn dedupe<'a>(kind: &str, facts: impl Iterator<Item = &'a Json>) -> Vec<&'a Json> {
    let mut seen = HashSet::new();
    let key = |f: &Json| if is_entity(kind) { norm(f.get("value")) } else { norm(f.get("text")) };
    facts
        .filter(|f| f.get("kind").and_then(Json::as_str) == Some(kind))
        .filter(|f| {
            let k = key(f);
            !k.is_empty() && seen.insert(k)
        })
        .collect()
}

/// Greedy one-to-one matching, exact pairs first: `(gold, predicted)` indices.
fn pair(kind: &str, gold: &[&Json], pred: &[&Json]) -> Vec<(usize, usize)> {
    let (mut pairs, mut used, mut done) = (Vec::new(), HashSet::new(), HashSet::new());
    for lenient in [false, true] {
        if lenient && !is_entity(kind) {
            break;
        }
        for (gi, g) in gold.iter().enumerate() {
            if done.contains(&gi) {
                continue;
            }
            if let Some(pi) = (0..pred.len())
                .find(|pi| !used.contains(pi) && facts_match(kind, g, pred[*pi], lenient))
            {
                used.insert(pi);
                done.insert(gi);
                pairs.push((gi, pi));
            }
        }
    }
    pairs
}

/// True positives, false positives and false negatives of one kind.
#[derive(Default, Clone, Copy, Debug)]
pub struct Row {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole > 0 { part as f64 / whole as f64 } else { 0.0 }
}

impl Row {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    }

    fn add(self, other: Row) -> Row {
        Row { tp: self.tp + other.tp, fp: self.fp + other.fp, fn_: self.fn_ + other.fn_ }
    }
}

/// The score of a set of articles: one row per kind, the micro-averaged
/// overall row, the speakers of the paired quotes, and every miss.
pub struct Score {
    pub rows: Vec<(&'static str, Row)>,
    pub overall: Row,
    /// Paired quotes, those whose speaker is right, and those given a
    /// speaker other than the gold one (a name where gold has another name
    /// or `null`): the wrong names a reader would be shown.
    pub quotes: usize,
    pub speakers_right: usize,
    pub speakers_wrong: usize,
    pub misses: Vec<String>,
}

impl Score {
    pub fn f1(&self, kind: &str) -> f64 {
        self.rows.iter().find(|(k, _)| *k == kind).map_or(0.0, |(_, r)| r.f1())
    }

    pub fn row(&self, kind: &str) -> Row {
        self.rows.iter().find(|(k, _)| *k == kind).map_or_else(Row::default, |(_, r)| *r)
    }

    /// The share of paired quotes whose speaker is right (0 when none paired).
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers_right, self.quotes)
    }

    /// The share of paired quotes given a wrong, non-null speaker.
    pub fn wrong_speaker_rate(&self) -> f64 {
        ratio(self.speakers_wrong, self.quotes)
    }

    pub fn report(&self) -> String {
        let mut out = String::from("kind         tp   fp   fn     F1\n");
        for (kind, r) in self.rows.iter().chain([("overall", self.overall)].iter()) {
            let _ = writeln!(out, "{kind:<10} {:>4} {:>4} {:>4}  {:.3}", r.tp, r.fp, r.fn_, r.f1());
        }
        let _ = writeln!(
            out,
            "speaker accuracy: {:.3}\n{}",
            self.speaker_accuracy(),
            self.misses.join("\n")
        );
        out
    }
}

/// Scores predicted facts (per article id) against gold articles, each a
/// JSON object with `id` and `facts`. Predicted articles without gold are
/// ignored; gold articles without predictions count as all missed.
pub fn score(gold: &[Json], pred: &HashMap<String, Vec<Json>>) -> Score {
    let mut docs: Vec<(&str, &Json)> =
        gold.iter().map(|d| (d["id"].as_str().unwrap_or(""), d)).collect();
    docs.sort_by_key(|(id, _)| *id);
    let (mut rows, mut overall, mut misses) = (Vec::new(), Row::default(), Vec::new());
    let (mut quotes, mut speakers_right, mut speakers_wrong) = (0, 0, 0);
    let empty = Vec::new();
    for kind in KINDS {
        let mut row = Row::default();
        for (id, doc) in &docs {
            let gf = dedupe(kind, doc["facts"].as_array().unwrap_or(&empty).iter());
            let pf = dedupe(kind, pred.get(*id).unwrap_or(&empty).iter());
            let pairs = pair(kind, &gf, &pf);
            row = row.add(Row {
                tp: pairs.len(),
                fp: pf.len() - pairs.len(),
                fn_: gf.len() - pairs.len(),
            });
            let miss = |what: &str, f: &Json| {
                format!("{id}\t{kind}\t{what}\t{}\t{}", f["text"], f["value"])
            };
            for (i, g) in gf.iter().enumerate() {
                if !pairs.iter().any(|p| p.0 == i) {
                    misses.push(miss("missed", g));
                }
            }
            for (i, p) in pf.iter().enumerate() {
                if !pairs.iter().any(|pair| pair.1 == i) {
                    misses.push(miss("spurious", p));
                }
            }
            if kind == "quote" {
                for (gi, pi) in &pairs {
                    let (said, found) =
                        (norm(gf[*gi].get("speaker")), norm(pf[*pi].get("speaker")));
                    quotes += 1;
                    if said == found {
                        speakers_right += 1;
                        continue;
                    }
                    if !found.is_empty() {
                        speakers_wrong += 1;
                    }
                    misses.push(format!("{id}\tquote\tspeaker {found:?}\tgold {said:?}"));
                }
            }
        }
        overall = overall.add(row);
        rows.push((kind, row));
    }
    Score { rows, overall, quotes, speakers_right, speakers_wrong, misses }
}
