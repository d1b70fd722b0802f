//! Generated corpora for benchmarks: any number of deterministic articles in
//! Vietnamese, English, German and Dutch, made of the bundled articles'
//! sentences with their numbers changed, people's names and places woven in,
//! and lengths from a few hundred bytes to about twelve kilobytes (about 3 KB
//! on average, so 100,000 articles weigh about 300 MB, like a real archive),
//! plus one article in 500 of about fifty pages (150 KB).
//! Article `i` of a seed is the same whatever the size of the corpus it is
//! part of.
//!
//! Not part of the library: tests, benchmarks and examples include this
//! file (`mod synth;` here, `#[path = "../tests/synth/mod.rs"]` from
//! `benches/` and `examples/`), each using a part of it.

#![allow(dead_code)]

use dossier::corpus::{Corpus, Document};
use dossier::text::{DocId, Lang};

/// A name rare enough to test a rare word: about one article in 2,000.
pub const RARE_NAME: &str = "Quách Zwanenburg";

const GIVEN: [&str; 16] = [
    "Minh", "Lan", "Hùng", "Thảo", "Jürgen", "Käthe", "Sören", "Anna", "Pieter", "Femke", "Jan",
    "Sophie", "James", "Emily", "Wei", "Zhang",
];
const FAMILY: [&str; 16] = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Müller",
    "Schröder",
    "Weiß",
    "Groß",
    "de Vries",
    "Bakker",
    "van Dijk",
    "Jansen",
    "Smith",
    "Johnson",
    "Li",
    "Wang",
];

/// One article in this many is a long one.
pub const LONG_EVERY: usize = 500;
/// The length of a long article: about fifty pages of 3,000 bytes.
pub const LONG_BYTES: usize = 150_000;

/// Each language's sentences, how its text names a source and a place, and
/// places to name.
struct Pool {
    lang: Lang,
    sentences: Vec<String>,
    attribution: &'static str,
    located: &'static str,
    places: &'static [&'static str],
}

fn pools() -> Vec<Pool> {
    let corpus = Corpus::bundled();
    corpus
        .docs
        .iter()
        .map(|d| Pool {
            lang: d.lang,
            sentences: sentences(&d.body),
            attribution: match d.lang.code() {
                "vi" => "Theo ông {},",
                "de" => "Laut {}",
                "nl" => "Volgens {}",
                _ => "According to {},",
            },
            located: match d.lang.code() {
                "vi" => "Tại {},",
                "de" | "nl" => "In {}",
                _ => "In {},",
            },
            places: match d.lang.code() {
                "vi" => &["Hà Nội", "Đà Nẵng", "Singapore", "Nhật Bản", "Hàn Quốc", "Pháp"],
                "de" => &["Berlin", "München", "Wien", "Zürich", "Frankreich", "Japan"],
                "nl" => &["Amsterdam", "Rotterdam", "Brussel", "Duitsland", "Frankrijk", "Japan"],
                _ => &["London", "New York", "Singapore", "Germany", "France", "Japan"],
            },
        })
        .collect()
}

/// Sentences of `body`: split after `.`, `!` or `?` followed by a space.
fn sentences(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in body.split("\n\n") {
        let mut rest = para;
        while let Some(i) = rest.find(['.', '!', '?']).filter(|_| !rest.is_empty()) {
            let end = i + 1;
            let followed_by_space = rest.get(end..).is_none_or(|r| r.starts_with(' '));
            if followed_by_space {
                out.push(rest.get(..end).unwrap_or("").trim().to_string());
                rest = rest.get(end..).unwrap_or("");
            } else {
                let (head, tail) = rest.split_at(end);
                out.push(head.trim().to_string());
                rest = tail;
            }
        }
        if !rest.trim().is_empty() {
            out.push(rest.trim().to_string());
        }
    }
    out.retain(|s| s.len() > 20);
    out
}

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `n` articles of seed 0; article `i` depends only on `i`.
pub fn corpus(n: usize) -> Vec<Document> {
    corpus_seeded(n, 0)
}

/// `n` articles; article `i` depends only on `i` and `seed`.
pub fn corpus_seeded(n: usize, seed: u64) -> Vec<Document> {
    let pools = pools();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let ids: Vec<usize> = (0..n).collect();
    let size = n.div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .chunks(size)
            .map(|chunk| {
                let pools = &pools;
                scope.spawn(move || {
                    chunk.iter().map(|&i| article(i, seed, pools)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("generator panicked")).collect()
    })
}

fn article(i: usize, seed: u64, pools: &[Pool]) -> Document {
    let mut rng = Rng::new((i as u64 + 1) ^ seed.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let pool = &pools[i % pools.len()];
    // Mostly short articles and a long tail, as in a news archive.
    let target = if i % LONG_EVERY == LONG_EVERY - 1 {
        LONG_BYTES
    } else {
        300 + rng.below(2400) + rng.below(2) * rng.below(5000)
    };
    let mut paragraphs: Vec<String> = Vec::new();
    let mut len = 0;
    while len < target {
        let mut para = String::new();
        for s in 0..=rng.below(4) {
            if !para.is_empty() {
                para.push(' ');
            }
            if s == 0 && rng.below(3) == 0 {
                let name = person(&mut rng);
                para.push_str(&pool.attribution.replace("{}", &name));
                para.push(' ');
            } else if s == 0 && rng.below(4) == 0 {
                let place = pool.places[rng.below(pool.places.len())];
                para.push_str(&pool.located.replace("{}", place));
                para.push(' ');
            }
            let sentence = &pool.sentences[rng.below(pool.sentences.len())];
            vary_numbers(sentence, &mut rng, &mut para);
        }
        len += para.len() + 2;
        paragraphs.push(para);
    }
    let title = dossier::corpus::shorten(paragraphs.first().map_or("", String::as_str), 80);
    document(i, pool.lang, title, &paragraphs)
}

fn person(rng: &mut Rng) -> String {
    if rng.below(2000) == 0 {
        return RARE_NAME.to_string();
    }
    format!("{} {}", GIVEN[rng.below(GIVEN.len())], FAMILY[rng.below(FAMILY.len())])
}

/// Copies `sentence` to `out` with every digit replaced by a random one, so
/// figures differ from article to article.
fn vary_numbers(sentence: &str, rng: &mut Rng, out: &mut String) {
    for c in sentence.chars() {
        if c.is_ascii_digit() {
            out.push(char::from(b'0' + rng.below(10) as u8));
        } else {
            out.push(c);
        }
    }
}

fn document(i: usize, lang: Lang, title: String, paragraphs: &[String]) -> Document {
    let (body, spans) = dossier::corpus::join_paragraphs(paragraphs);
    let words = body.split_whitespace().count();
    // Outside the library a document is made through its constructor (it
    // keeps a private cache), then given the generated article's fields.
    let mut doc =
        Document::from_text(DocId(i), format!("gen{i:06}"), format!("gen/{i:06}.txt"), "");
    (doc.lang, doc.title, doc.has_headline, doc.body, doc.paragraphs) =
        (lang, title, false, body.into(), spans);
    (doc.furniture, doc.words) = (Vec::new(), words);
    (doc.url, doc.date, doc.byline, doc.site) = (None, None, None, None);
    doc
}

/// How [`write_folder`] stores articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Files {
    /// Every article a `.txt` file: the title line, a blank line, the body.
    Text,
    /// Mostly `.txt`, with one in ten a Markdown file, one in twenty a saved
    /// web page (navigation, related links and footer around the article)
    /// and one in twenty a JSON object, as a folder of saved news would be.
    Mixed,
}

/// Writes the `n` articles of `seed` into `dir`, one file each, named
/// `gen000000.txt` … in article order; returns the bytes written.
///
/// # Errors
/// When the folder or a file cannot be written.
pub fn write_folder(
    dir: &std::path::Path,
    n: usize,
    seed: u64,
    files: Files,
) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    // In slices, so a hundred thousand articles never sit in memory at once.
    for start in (0..n).step_by(10_000) {
        let pools = pools();
        let end = (start + 10_000).min(n);
        for i in start..end {
            let doc = article(i, seed, &pools);
            let (ext, text) = match files {
                Files::Mixed => file_text(i, &doc),
                Files::Text => ("txt", format!("{}\n\n{}\n", doc.title, doc.body)),
            };
            bytes += text.len() as u64;
            std::fs::write(dir.join(format!("gen{i:06}.{ext}")), text)?;
        }
    }
    Ok(bytes)
}

/// The file extension and contents of article `i` in a mixed folder.
fn file_text(i: usize, doc: &Document) -> (&'static str, String) {
    let paragraphs: Vec<&str> = (0..doc.paragraphs.len()).map(|p| doc.paragraph(p)).collect();
    let date = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
    match i % 20 {
        3 | 13 => ("md", format!("# {}\n\n{}\n", doc.title, paragraphs.join("\n\n"))),
        7 => ("html", html_page(doc, &paragraphs, &date)),
        17 => {
            let value = serde_json::json!({
                "title": doc.title,
                "body": paragraphs.join("\n\n"),
                "url": format!("https://news.example.org/{}/{}", doc.lang.code(), doc.key),
                "published": date,
                "lang": doc.lang.code(),
            });
            ("json", value.to_string())
        }
        _ => ("txt", format!("{}\n\n{}\n", doc.title, doc.body)),
    }
}

/// A saved news page: the article between a site's navigation, a cookie
/// note, related-article teasers and a footer.
fn html_page(doc: &Document, paragraphs: &[&str], date: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let title = esc(&doc.title);
    let mut body = String::new();
    for p in paragraphs {
        body.push_str("<p>");
        body.push_str(&esc(p));
        body.push_str("</p>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title} | Example News</title>\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:site_name\" content=\"Example News\">\
         <meta property=\"article:published_time\" content=\"{date}T08:00:00Z\">\
         </head><body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> \
         <a href=\"/business\">Business</a> <a href=\"/tech\">Tech</a></nav></header>\n\
         <div class=\"cookie-banner\">We use cookies. <button>Accept</button></div>\n\
         <main><article><h1>{title}</h1><time datetime=\"{date}\">{date}</time>\n{body}</article>\
         <aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Markets close higher</a></li>\
         <li><a href=\"/b\">Five things to know today</a></li></ul></aside></main>\n\
         <footer><p>© Example News</p><a href=\"/privacy\">Privacy</a></footer></body></html>\n",
        lang = doc.lang.code(),
    )
}
