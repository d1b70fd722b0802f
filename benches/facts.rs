//! Fact extraction throughput (MB/s, one thread, so the figure is per core)
//! over a generated corpus (`synth::corpus`): 400 articles in
//! Vietnamese, English, German and Dutch, about 1.3 MB, with varied figures
//! and people's names woven in. The bar is 20 MB/s per core for
//! `Extractor::extract` (all kinds).
//!
//! Also the time to build an [`Extractor`] (parse every lexicon, compile
//! every rule), which the reader pays before its first frame: the bar is
//! about 30 ms; and that build plus the facts of one article, which is what
//! the first frame waits for.

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::facts::Extractor;

/// Articles in the generated corpus.
const ARTICLES: usize = 400;

fn extraction(c: &mut Criterion) {
    let docs = synth::corpus(ARTICLES);
    let bytes: usize = docs.iter().map(|d| d.body.len() + d.title.len()).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("facts");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("extract_all_kinds", |b| {
        b.iter(|| docs.iter().map(|d| extractor.extract(black_box(d)).len()).sum::<usize>());
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let first = &synth::corpus(1)[0];
    let mut group = c.benchmark_group("facts_build");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("extractor_new", |b| b.iter(|| black_box(Extractor::new())));
    group.bench_function("extractor_new_and_first_article", |b| {
        b.iter(|| Extractor::new().extract(black_box(first)).len());
    });
    group.finish();
}

criterion_group!(benches, extraction, build);
criterion_main!(benches);
