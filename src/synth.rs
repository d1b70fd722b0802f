//! Generated corpora for benchmarks: any number of deterministic articles in
//! Vietnamese, English, German and Dutch, made of the bundled articles'
//! sentences with their numbers changed, people's names woven in and
//! lengths from a few hundred bytes to about twelve kilobytes (about 3 KB on
//! average, so 100,000 articles weigh about 300 MB, like a real archive).
//! Article `i` is the same whatever the size of the corpus it is part of.

use crate::corpus::{Corpus, Document};
use crate::text::{DocId, Lang};

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

/// Each language's sentences and how its text names a source.
struct Pool {
    lang: Lang,
    sentences: Vec<String>,
    attribution: &'static str,
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

/// `n` articles; article `i` depends only on `i`.
pub fn corpus(n: usize) -> Vec<Document> {
    let pools = pools();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let ids: Vec<usize> = (0..n).collect();
    let size = n.div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .chunks(size)
            .map(|chunk| {
                let pools = &pools;
                scope.spawn(move || chunk.iter().map(|&i| article(i, pools)).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("generator panicked")).collect()
    })
}

fn article(i: usize, pools: &[Pool]) -> Document {
    let mut rng = Rng::new(i as u64 + 1);
    let pool = &pools[i % pools.len()];
    // Mostly short articles and a long tail, as in a news archive.
    let target = 300 + rng.below(2400) + rng.below(2) * rng.below(5000);
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
            }
            let sentence = &pool.sentences[rng.below(pool.sentences.len())];
            vary_numbers(sentence, &mut rng, &mut para);
        }
        len += para.len() + 2;
        paragraphs.push(para);
    }
    let title = crate::corpus::shorten(paragraphs.first().map_or("", String::as_str), 80);
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
    let (body, spans) = crate::corpus::join_paragraphs(paragraphs);
    let words = body.split_whitespace().count();
    Document {
        id: DocId(i),
        key: format!("gen{i:06}"),
        path: format!("gen/{i:06}.txt"),
        lang,
        title,
        has_headline: false,
        body,
        paragraphs: spans,
        furniture: Vec::new(),
        words,
        url: None,
        date: None,
        byline: None,
        site: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_in_four_languages() {
        let a = corpus(40);
        let b = corpus(8);
        assert_eq!(a[5].body, b[5].body);
        let langs: Vec<_> = a.iter().take(4).map(|d| d.lang.code()).collect();
        assert_eq!(langs, ["vi", "en", "de", "nl"]);
        let bytes: usize = a.iter().map(|d| d.body.len()).sum();
        assert!((1_000..12_000).contains(&(bytes / a.len())), "{}", bytes / a.len());
        for d in &a {
            for s in &d.paragraphs {
                assert!(!s.get(&d.body).is_empty());
            }
        }
    }
}
