//! Corpus search on generated corpora (see `synth`, in `tests/synth/`): index build
//! time and query latency at 1,000 and 10,000 articles, and at 100,000
//! (about 300 MB of text) when `DOSSIER_BENCH_BIG=1` is set.
//!
//! `cargo bench --bench search`; `DOSSIER_BENCH_BIG=1 cargo bench --bench search -- 100000`.

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dossier::index::{Query, SearchIndex};

/// What a person types: one word, two words, a phrase, a rare and a common
/// word, with and without accents, and the short prefix of a first keystroke.
const QUERIES: [(&str, &str); 9] = [
    ("one word", "alibaba"),
    ("two words", "alibaba cloud"),
    ("phrase", "\"trung quoc\""),
    ("phrase, de", "\"der neue\""),
    ("rare word", "zwanenburg"),
    ("common word", "và"),
    ("accented", "Trung Quốc"),
    ("unaccented", "trung quoc"),
    ("one letter", "t"),
];

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("DOSSIER_BENCH_BIG").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    sizes
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let docs = synth::corpus(n);
        let mut group = c.benchmark_group(format!("search/{n}"));
        group.sample_size(10).measurement_time(Duration::from_secs(if n >= 100_000 {
            40
        } else {
            5
        }));
        group.bench_function("build", |b| b.iter(|| SearchIndex::build(&docs)));
        group.sample_size(30).measurement_time(Duration::from_secs(3));
        let index = SearchIndex::build(&docs);
        for (name, q) in QUERIES {
            let query = Query::parse(q);
            group.bench_with_input(BenchmarkId::new("query", name), &query, |b, query| {
                b.iter(|| index.search(&docs, query, 50));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
