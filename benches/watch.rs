//! The watch list and the corrections at scale: flagging the articles of
//! 20 watched names once the entity index of 100,000 articles is built,
//! opening the watch view over it, and applying corrections (merges, a
//! split, drops) to an article's facts as the loader does for each one.
//!
//! `cargo bench --bench watch -- --quick`

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::app::watch::{Watch, WatchView};
use dossier::corpus::Document;
use dossier::facts::{Fact, Kind, Value};
use dossier::index::EntityIndex;
use dossier::pipeline::Corrections;
use dossier::store::{Correction, FactKey};
use dossier::text::{DocId, Span};

const ARTICLES: usize = 100_000;
/// Entity mentions per article.
const PER_ARTICLE: usize = 12;

/// A name out of a few thousand (some much more common than others).
fn name(i: usize) -> String {
    format!("Entity {}", (i * i + 7 * i) % 5_000)
}

fn entity(kind: Kind, name: String) -> Fact {
    Fact::new(kind, Span::new(0, 1), Value::Text(name))
}

fn corpus_facts() -> Vec<Vec<Fact>> {
    (0..ARTICLES)
        .map(|d| {
            (0..PER_ARTICLE)
                .map(|j| {
                    let kind = [Kind::Person, Kind::Org, Kind::Place][j % 3];
                    entity(kind, name(d * PER_ARTICLE + j))
                })
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let index = EntityIndex::build(&corpus_facts());
    let names: Vec<String> = (0..20).map(|i| name(i * 97)).collect();
    let watch = Watch::new(names.clone());
    c.bench_function("watch: flag 100,000 articles from the index", |b| {
        b.iter(|| {
            let mut w = Watch::new(names.clone());
            w.index_built(&index);
            black_box(w);
        });
    });
    let mut flagged = watch.clone();
    flagged.index_built(&index);
    c.bench_function("watch: open the view at 100,000 articles", |b| {
        b.iter(|| black_box(WatchView::build(&flagged, &index, true)));
    });

    let mut body = String::new();
    for i in 0..200 {
        let _ = write!(body, "Name{i} Other{i} said. ");
    }
    let doc = Document::from_text(DocId(0), "a".into(), "a.txt".into(), &format!("T\n\n{body}"));
    let facts: Vec<Fact> = (0..200)
        .map(|i| {
            let at = doc.body.find(&format!("Name{i} ")).unwrap();
            let text_len = format!("Name{i}").len();
            Fact::new(Kind::Person, Span::new(at, at + text_len), Value::Text(format!("Name{i}")))
        })
        .collect();
    let mut list: Vec<Correction> = (0..10)
        .map(|i| Correction::Merge {
            kind: Kind::Person,
            from: format!("Name{i}"),
            into: format!("Merged {i}"),
        })
        .collect();
    list.push(Correction::Drop(FactKey::of(&doc, &facts[50])));
    list.push(Correction::Split {
        kind: Kind::Person,
        name: "Name60".into(),
        surface: "Name60".into(),
        into: "Split".into(),
    });
    let corrections = Corrections::new(list);
    c.bench_function("corrections: apply to an article of 200 entity facts", |b| {
        b.iter(|| {
            let mut f = facts.clone();
            corrections.apply(&doc, &mut f);
            black_box(f);
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
