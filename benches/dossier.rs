//! An entity's page ([`dossier::index::dossier::build`]) over a generated
//! corpus (`synth`, in `tests/synth/`) of 10,000 articles, and of 100,000
//! when `DOSSIER_BENCH_BIG=1` is set: the budget is 50 ms at 100,000. Three
//! entities: the one named in the most articles (the worst case), one in
//! the middle, and one named in a few; each as the reader builds it (every
//! article listed, the newest `QUICK_DETAIL` read in detail) and whole, as
//! `dossier entity` builds it.
//!
//! `cargo bench --bench dossier`; the big corpus, by hand:
//! `DOSSIER_BENCH_BIG=1 cargo bench --bench dossier -- 100000`.

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dossier::facts::{Extractor, Fact};
use dossier::index::EntityIndex;
use dossier::index::dossier::{QUICK_DETAIL, build, build_within};
use rayon::prelude::*;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000];
    if std::env::var_os("DOSSIER_BENCH_BIG").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    sizes
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let docs = synth::corpus(n);
        let extractor = Extractor::new();
        let facts: Vec<Vec<Fact>> = docs.par_iter().map(|d| extractor.extract(d)).collect();
        let index = EntityIndex::build(&facts);
        let mut by_count: Vec<_> = index.iter().map(|(e, m)| (m.len(), e.clone())).collect();
        by_count.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let picks = [
            ("most named", &by_count[0]),
            ("middle", &by_count[by_count.len() / 2]),
            ("few", &by_count[by_count.len() * 9 / 10]),
        ];
        let mut group = c.benchmark_group("dossier page");
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(5));
        for (what, (articles, entity)) in picks {
            let id = BenchmarkId::new(format!("reader, {what} ({articles} articles)"), n);
            group.bench_function(id, |b| {
                b.iter(|| {
                    let facts = facts.as_slice();
                    build_within(black_box(entity), &index, &docs, facts, QUICK_DETAIL)
                });
            });
            let id = BenchmarkId::new(format!("whole, {what} ({articles} articles)"), n);
            group.bench_function(id, |b| {
                b.iter(|| build(black_box(entity), &index, &docs, facts.as_slice()));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
