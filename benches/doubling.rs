//! Work that grows with the input must grow linearly: each hostile input
//! is timed at one size and at twice that size, and the ratio of the times
//! printed. A ratio near 2 is linear; near 4, quadratic. Run by hand
//! (`cargo bench --bench doubling`), it never fails: it measures.
//!
//! - pages the HTML parser once took minutes on (`corpus::parse` of a
//!   saved page or a feed): `<div/>` and `<div></x>` repeated, one element
//!   with hundreds of thousands of attributes, the same through a feed
//!   item's escaped description; advertisements and ad-named wrappers
//!   (taken out before Readability) by the thousand;
//! - articles dense in what the fact rules look at (`facts::Extractor`):
//!   repeated names, organisations, runs of capitalised words, dates beside
//!   percentages.
//!
//! `DOSSIER_DOUBLING_SCALE=0.25` runs every input at a quarter of its size.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use dossier::corpus::{Document, Format, parse};
use dossier::facts::Extractor;
use dossier::text::DocId;

fn main() {
    // `cargo bench` passes `--bench`; a filter word picks inputs by name.
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let scale: f64 =
        std::env::var("DOSSIER_DOUBLING_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f));
    let n = |base: usize| ((base as f64 * scale) as usize).max(1);
    println!(
        "{:<32} {:>10} {:>10} {:>9} {:>9} {:>6}",
        "input", "size", "2× size", "time", "2× time", "ratio"
    );
    for (name, page) in pages() {
        if wanted(name) {
            let base = n(200_000);
            report(name, &page(base), &page(2 * base), |bytes| {
                let format = if name.starts_with("feed") { Format::Feed } else { Format::Html };
                black_box(parse(bytes.as_bytes(), Some(format)));
            });
        }
    }
    let extractor = Extractor::new();
    for (name, mb, article) in articles() {
        if wanted(name) {
            let bytes = n(mb << 20);
            let (one, two) = (doc(&article(bytes)), doc(&article(2 * bytes)));
            let (t1, t2) =
                (time(|| run_facts(&extractor, &one)), time(|| run_facts(&extractor, &two)));
            print_row(name, one.body.len(), two.body.len(), t1, t2);
        }
    }
}

fn run_facts(extractor: &Extractor, doc: &Document) {
    black_box(extractor.extract(doc));
}

type Page = fn(usize) -> String;

/// The pathological pages, each built from a repeat count.
fn pages() -> Vec<(&'static str, Page)> {
    vec![
        ("page: <div/> repeated", |n| format!("<html><body>{}<p>The end.</p>", "<div/>".repeat(n))),
        ("page: <div></x> repeated", |n| {
            format!("<html><body>{}<p>The end.</p>", "<div></x>".repeat(n))
        }),
        ("page: attributes on one element", |n| {
            format!("<html><body><div{}><p>The end.</p></div>", attributes(5 * n))
        }),
        ("page: advertisements repeated", |n| {
            let ad = "<div class=\"ad ad-inline\"><p>Try it for just $1 a week</p></div>";
            format!("<html><body><article>{}<p>The end.</p></article>", ad.repeat(n / 8))
        }),
        ("page: ad-named wrappers, many nodes", |n| {
            let wrapper = format!("<div class=\"ad-wrap\">{}</div>", "<i>w</i>".repeat(300));
            format!("<html><body>{}<p>The end.</p>", wrapper.repeat(n / 300))
        }),
        ("feed: <div/> in a description", |n| feed(&"<div/>".repeat(n))),
        ("feed: attributes in a description", |n| {
            feed(&format!("<div{}>x</div>", attributes(5 * n)))
        }),
    ]
}

/// ` a0=1 a1=1 …`, `n` attributes.
fn attributes(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let _ = write!(out, " a{i}=1");
    }
    out
}

fn feed(description_html: &str) -> String {
    let escaped = description_html.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site</title>\
         <item><title>Item</title><description>&lt;p&gt;Words.&lt;/p&gt;{escaped}</description></item>\
         </channel></rss>"
    )
}

type Article = fn(usize) -> String;

/// The fact-dense articles: name, size in MB, and a builder for a given
/// number of bytes.
fn articles() -> Vec<(&'static str, usize, Article)> {
    vec![
        ("facts: repeated names", 1, |bytes| {
            fill(bytes, |i| {
                let (g, s) = (GIVEN[i % GIVEN.len()], SURNAMES[i / GIVEN.len() % SURNAMES.len()]);
                format!("{g} {s} met {s} and {g} again. ")
            })
        }),
        ("facts: organisations", 1, |bytes| {
            fill(bytes, |i| {
                let s = SURNAMES[i % SURNAMES.len()];
                format!("{s} Holdings Ltd signed with {s} Group AG and {s} Bank. ")
            })
        }),
        ("facts: capitalised runs", 1, |bytes| {
            fill(bytes, |i| {
                let run: Vec<&str> = (0..12).map(|k| SURNAMES[(i + k) % SURNAMES.len()]).collect();
                format!("{} ", run.join(" "))
            })
        }),
        ("facts: dates beside percentages", 2, |bytes| {
            fill(bytes, |i| {
                let (d, m) = (i % 28 + 1, MONTHS[i % MONTHS.len()]);
                format!(
                    "On {d} {m} 2024 sales rose {}.{}% and fell 3% on {d} {m}. ",
                    i % 90,
                    i % 10
                )
            })
        }),
    ]
}

const GIVEN: [&str; 8] = ["Anna", "Peter", "Maria", "Thomas", "Laura", "Jan", "Sofia", "Lukas"];
const SURNAMES: [&str; 8] =
    ["Berger", "Holm", "Varga", "Lindqvist", "Moreau", "Kowalski", "Novak", "Brandt"];
const MONTHS: [&str; 4] = ["March", "June", "September", "December"];

/// Sentences from `sentence(i)` until `bytes`, a paragraph break every ten.
fn fill(bytes: usize, sentence: impl Fn(usize) -> String) -> String {
    let mut text = String::from("A Long Article\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&sentence(i));
        i += 1;
        if i.is_multiple_of(10) {
            text.push_str("\n\n");
        }
    }
    text
}

fn doc(text: &str) -> Document {
    Document::from_text(DocId(0), "doubling".into(), "doubling.txt".into(), text)
}

/// The shortest of several runs: up to ten, while they take under two
/// seconds in all (one for an input that takes longer), so that noise
/// from a busy machine does not pass for growth.
fn time(mut f: impl FnMut()) -> Duration {
    let (mut best, mut total) = (Duration::MAX, Duration::ZERO);
    for _ in 0..10 {
        let start = Instant::now();
        f();
        let took = start.elapsed();
        best = best.min(took);
        total += took;
        if total > Duration::from_secs(2) {
            break;
        }
    }
    best
}

fn report(name: &str, one: &str, two: &str, run: impl Fn(&str)) {
    let (t1, t2) = (time(|| run(one)), time(|| run(two)));
    print_row(name, one.len(), two.len(), t1, t2);
}

fn print_row(name: &str, one: usize, two: usize, t1: Duration, t2: Duration) {
    let mb = |b: usize| format!("{:.2} MB", b as f64 / f64::from(1 << 20));
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    println!(
        "{name:<32} {:>10} {:>10} {:>8.3}s {:>8.3}s {ratio:>6.2}",
        mb(one),
        mb(two),
        t1.as_secs_f64(),
        t2.as_secs_f64()
    );
}
