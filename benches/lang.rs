//! Language detection per article (one thread): the function-word step
//! with the trigram model behind it (`corpus::detect_lang`), beside the
//! trigram model alone on the same sample, over the generated corpus
//! (`synth::corpus`) and over one-sentence texts.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::detect_lang;
#[path = "../tests/synth/mod.rs"]
mod synth;

const ARTICLES: usize = 400;

/// The sample the detector reads: title and the first KB of the body.
fn sample(title: &str, body: &str) -> String {
    let end = dossier::text::floor_char_boundary(body, 1024);
    format!("{title}\n{}", body.get(..end).unwrap_or(body))
}

fn detection(c: &mut Criterion) {
    let docs = synth::corpus(ARTICLES);
    let short: Vec<String> =
        docs.iter().map(|d| d.body.split(". ").next().unwrap_or("").to_string()).collect();
    let mut group = c.benchmark_group("lang");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("detect_articles", |b| {
        b.iter(|| {
            docs.iter().filter(|d| detect_lang(black_box(&d.title), &d.body).code() == "en").count()
        });
    });
    group.bench_function("whatlang_alone_articles", |b| {
        b.iter(|| {
            docs.iter()
                .filter_map(|d| whatlang::detect_lang(&sample(black_box(&d.title), &d.body)))
                .count()
        });
    });
    group.bench_function("detect_sentences", |b| {
        b.iter(|| short.iter().filter(|s| detect_lang("", black_box(s)).code() == "en").count());
    });
    group.bench_function("whatlang_alone_sentences", |b| {
        b.iter(|| short.iter().filter_map(|s| whatlang::detect_lang(black_box(s))).count());
    });
    group.finish();
}

criterion_group!(benches, detection);
criterion_main!(benches);
