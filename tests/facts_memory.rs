//! `dossier facts --json` on one fact-dense article of 5 MiB (names,
//! organisations, dates and percentages in every sentence: some 270,000
//! facts): the facts past the most one article keeps are cut and said so
//! in a note, and the process's peak memory (its `VmHWM`, read from
//! `/proc` while it runs) stays within a bound: a JSON value built per
//! fact, or every fact of the article held, took several times as much.

mod common;

use std::fmt::Write as _;
use std::io::Read as _;
use std::process::Stdio;
use std::time::Duration;

/// The article: sentences dense in facts, a paragraph break every ten.
fn dense(bytes: usize) -> String {
    const GIVEN: [&str; 8] = ["Anna", "Peter", "Maria", "Thomas", "Laura", "Jan", "Sofia", "Lukas"];
    const FAMILY: [&str; 8] =
        ["Berger", "Holm", "Varga", "Lindqvist", "Moreau", "Kowalski", "Novak", "Brandt"];
    const MONTHS: [&str; 4] = ["March", "June", "September", "December"];
    let mut out = String::from("A Long Article\n\n");
    let mut i = 0;
    while out.len() < bytes {
        let (a, b) = (GIVEN[i % 8], FAMILY[i / 8 % 8]);
        let _ = write!(
            out,
            "{a} {b} of {b} Holdings Ltd said on {} {} 2024 that sales rose {}.{}%. ",
            i % 28 + 1,
            MONTHS[i % 4],
            i % 90,
            i % 10
        );
        if i % 10 == 9 {
            out.push_str("\n\n");
        }
        i += 1;
    }
    out
}

/// The highest resident set size the kernel has seen for `pid`, in KiB.
fn high_water(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn facts_json_on_a_fact_dense_article_is_cut_and_bounded_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dense.txt"), dense(5 << 20)).unwrap();
    let mut child = common::command()
        .args(["--no-cache", "--no-state", "facts", "--json"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let mut stderr = child.stderr.take().unwrap();
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).map(|_| s)
    });
    // Read until the process ends: the mark only rises.
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = high_water(child.id()) {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (out, err) = (out.join().unwrap().unwrap(), err.join().unwrap().unwrap());
    assert!(status.success(), "{status}: {err}");
    let line: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
    let facts = line["facts"].as_array().unwrap();
    let in_body = facts.iter().filter(|f| f.get("in").is_none()).count();
    assert_eq!(in_body, dossier::facts::MAX_FACTS);
    let said = format!("dense.txt: facts cut at {}, ", dossier::facts::MAX_FACTS);
    assert!(err.lines().any(|l| l.starts_with("dossier: note: ") && l.contains(&said)), "{err}");
    // About 120 MB, 70 of them the program and its compiled rules; a JSON
    // value per fact took over 350.
    assert!(peak > 0 && peak < 250 * 1024, "peak {} MB", peak / 1024);
}
