//! The inline notation of the fact table tests: `[kind:mention]`,
//! `[kind:mention=value]`, and for quotes `[quote:words@Speaker]` (`@-`: no
//! speaker). Each case names the kinds it checks; facts of other kinds are
//! ignored. Every mention found must be marked and every mark found (as a
//! set of distinct mentions).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use dossier::corpus::Document;
use dossier::facts::{Extractor, Kind};
use dossier::text::{DocId, Lang};

/// Who a quote is marked as said by.
#[derive(Debug, PartialEq)]
enum Said {
    Unmarked,
    Nobody,
    By(String),
}

/// One expected fact: kind, mention, and optionally value or speaker.
#[derive(Debug)]
struct Mark {
    kind: String,
    text: String,
    value: Option<String>,
    speaker: Said,
}

/// Compiled once for all cases.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

const KINDS: [&str; 4] = ["person", "org", "place", "quote"];

/// Strips the marks from `marked`: the plain text and the marks.
fn parse(marked: &str) -> (String, Vec<Mark>) {
    let mut plain = String::new();
    let mut marks = Vec::new();
    let mut rest = marked;
    while let Some((head, after)) = rest.split_once('[') {
        plain.push_str(head);
        let Some((kind, body_and_rest)) = after.split_once(':').filter(|(k, _)| KINDS.contains(k))
        else {
            plain.push('[');
            rest = after;
            continue;
        };
        let (body, tail) = body_and_rest.split_once(']').expect("mark closes");
        let mut mark = Mark {
            kind: kind.to_string(),
            text: body.to_string(),
            value: None,
            speaker: Said::Unmarked,
        };
        if let Some((t, s)) = body.split_once('@') {
            mark.text = t.to_string();
            mark.speaker = if s == "-" { Said::Nobody } else { Said::By(s.to_string()) };
        } else if let Some((t, v)) = body.split_once('=') {
            mark.text = t.to_string();
            mark.value = Some(v.to_string());
        }
        plain.push_str(&mark.text);
        marks.push(mark);
        rest = tail;
    }
    plain.push_str(rest);
    (plain, marks)
}

pub fn check(lang: &'static str, kinds: &[&str], marked: &str) {
    let (plain, marks) = parse(marked);
    let mut doc = Document::from_text(DocId(0), "t".into(), "t.txt".into(), &plain);
    doc.lang = Lang::from_static(lang);
    let facts = EXTRACTOR.extract(&doc);
    let under_test = |k: Kind| kinds.contains(&k.name());
    let got: BTreeSet<(String, String)> = facts
        .iter()
        .filter(|f| under_test(f.kind))
        .map(|f| (f.kind.name().to_string(), f.text(&doc).to_string()))
        .collect();
    let want: BTreeSet<(String, String)> = marks
        .iter()
        .filter(|m| kinds.contains(&m.kind.as_str()))
        .map(|m| (m.kind.clone(), m.text.clone()))
        .collect();
    assert_eq!(got, want, "\n in: {plain}");
    for m in &marks {
        let f = facts
            .iter()
            .find(|f| f.kind.name() == m.kind && f.text(&doc) == m.text)
            .expect("found");
        if let Some(v) = &m.value {
            assert_eq!(&f.value_text(), v, "value of {:?} in: {plain}", m.text);
        }
        let said = match &f.speaker {
            Some(s) => Said::By(s.clone()),
            None => Said::Nobody,
        };
        if m.speaker != Said::Unmarked {
            assert_eq!(said, m.speaker, "speaker of {:?} in: {plain}", m.text);
        }
    }
}

pub fn table(lang: &'static str, kinds: &[&str], cases: &[&str]) {
    for case in cases {
        check(lang, kinds, case);
    }
}
