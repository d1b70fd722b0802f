//! Fact extraction throughput (MB/s, one thread) over a generated corpus of
//! a few megabytes: the bundled articles' paragraphs in the four languages,
//! shuffled deterministically into new articles whose digits are varied, so
//! that amounts, percentages and years differ from one article to the next.
//! The bar is 20 MB/s per core for `Extractor::extract` (all kinds).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{Corpus, Document};
use dossier::facts::Extractor;
use dossier::text::DocId;

/// About 4 MB of article text.
const TARGET_BYTES: usize = 4 << 20;
/// Paragraphs per generated article.
const PARAGRAPHS: usize = 12;

/// A small linear congruential generator: the same corpus on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// Rotates every ASCII digit by `shift`: `16,8 tỷ` becomes `27,9 tỷ`.
fn vary_digits(s: &str, shift: u8) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from(b'0' + (c as u8 - b'0' + shift) % 10),
            c => c,
        })
        .collect()
}

fn corpus() -> Vec<Document> {
    let seeds = Corpus::bundled();
    let paragraphs: Vec<(usize, &str)> = seeds
        .docs
        .iter()
        .enumerate()
        .flat_map(|(i, d)| (0..d.paragraphs.len()).map(move |p| (i, d.paragraph(p))))
        .collect();
    let mut rng = Lcg(42);
    let (mut docs, mut bytes) = (Vec::new(), 0);
    while bytes < TARGET_BYTES {
        // One language per article, as in real news.
        let lang_doc = rng.next() % seeds.docs.len();
        let pool: Vec<&str> =
            paragraphs.iter().filter(|(i, _)| *i == lang_doc).map(|(_, p)| *p).collect();
        let mut raw = String::new();
        for _ in 0..PARAGRAPHS {
            let p = pool[rng.next() % pool.len()];
            raw.push_str(&vary_digits(p, (rng.next() % 10) as u8));
            raw.push_str("\n\n");
        }
        let id = docs.len();
        let doc = Document::from_text(DocId(id), format!("gen{id}"), format!("gen/{id}.txt"), &raw);
        bytes += doc.body.len() + doc.title.len();
        docs.push(doc);
    }
    docs
}

fn extraction(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.body.len() + d.title.len()).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("facts");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("extract_all_kinds", |b| {
        b.iter(|| docs.iter().map(|d| extractor.extract(black_box(d)).len()).sum::<usize>());
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
