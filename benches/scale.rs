//! The scale budgets, over corpora written by the generator
//! (`synth`, in `tests/synth/`, a mixed folder of `.txt`, `.md`, saved pages and
//! JSON) of 1,000 and 10,000 articles, and of 100,000 (about 300 MB) when
//! `DOSSIER_BENCH_BIG=1` is set:
//!
//! - `load`: reading, decoding, extracting and cleaning a folder (MB/s);
//! - `index`: building the corpus entity index and the search index;
//! - `frame`: drawing one frame of each view (three panes, list, help,
//!   corpus facts view, corpus search with a query);
//! - `key`: a key press in the list (`j`) and the frame after it;
//! - `long article`: paging through a single 10 MB article in the reader,
//!   a key press and the frame after it (wrapping is cached).
//!
//! Fact extraction and search queries have their own benches (`facts`,
//! `search`).
//!
//! `cargo bench --bench scale`; the big corpus, by hand:
//! `DOSSIER_BENCH_BIG=1 cargo bench --bench scale -- 100000`.

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent};
use dossier::app::App;
use dossier::corpus::{Corpus, Document};
use dossier::facts::{Extractor, Fact};
use dossier::index::{EntityIndex, SearchIndex};
use dossier::keys::parse_keys;
use dossier::text::DocId;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use rayon::prelude::*;
use synth::Files;

/// A large terminal: every pane shows, and a frame has many cells.
const SIZE: (u16, u16) = (200, 60);

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("DOSSIER_BENCH_BIG").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    sizes
}

/// A generated folder of `n` articles, written once and kept for the run.
struct Folder {
    dir: tempfile::TempDir,
    bytes: u64,
}

impl Folder {
    fn new(n: usize) -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let bytes = synth::write_folder(dir.path(), n, 0, Files::Mixed).expect("corpus written");
        Self { dir, bytes }
    }

    fn paths(&self) -> Vec<PathBuf> {
        vec![self.dir.path().to_path_buf()]
    }
}

fn facts_of(corpus: &Corpus) -> Vec<Vec<Fact>> {
    let extractor = Extractor::new();
    corpus.docs.par_iter().map(|d| extractor.extract(d)).collect()
}

fn group_for<'a>(
    c: &'a mut Criterion,
    name: &str,
    n: usize,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(if n >= 100_000 { 30 } else { 5 }));
    group
}

fn key(c: char) -> KeyEvent {
    KeyEvent::from(KeyCode::Char(c))
}

/// The app after `keys`, written as in `dossier render --keys`.
fn app_after(corpus: Corpus, facts: &[Vec<Fact>], keys: &str) -> App {
    let mut app = App::new(corpus, facts, Rect::new(0, 0, SIZE.0, SIZE.1));
    for key in parse_keys(keys).expect("keys") {
        app.handle_key(key);
    }
    app
}

fn scale(c: &mut Criterion) {
    for n in sizes() {
        let folder = Folder::new(n);

        let mut group = group_for(c, "load", n);
        group.throughput(Throughput::Bytes(folder.bytes));
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| Corpus::open(black_box(&folder.paths())).docs.len());
        });
        group.finish();

        let corpus = Corpus::open(&folder.paths());
        let facts = facts_of(&corpus);
        let mut group = group_for(c, "index", n);
        group.bench_function(BenchmarkId::new("entities", n), |b| {
            b.iter(|| EntityIndex::build(black_box(&facts)));
        });
        group.bench_function(BenchmarkId::new("search", n), |b| {
            b.iter(|| SearchIndex::build(black_box(&corpus.docs)));
        });
        group.finish();

        // Each view: the keys that open it from the start screen.
        let views = [
            ("list focused", ""),
            ("reader focused", "Tab j j j"),
            ("sidebar focused", "Tab Tab j"),
            ("help", "?"),
            ("facts view", "F"),
            ("corpus search", "S a l i b a b a"),
        ];
        let mut group = group_for(c, "frame", n);
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
        for (view, keys) in views {
            let app = app_after(corpus.clone(), &facts, keys);
            group.bench_function(BenchmarkId::new(view, n), |b| {
                b.iter(|| {
                    // A full redraw: the terminal forgets what it showed.
                    terminal.clear().expect("clear");
                    terminal.draw(|f| dossier::ui::render(&app, f)).expect("draw");
                });
            });
        }
        group.finish();

        let mut group = group_for(c, "key", n);
        let mut app = app_after(corpus.clone(), &facts, "");
        let mut down = true;
        group.bench_function(BenchmarkId::new("j in the list, then a frame", n), |b| {
            b.iter(|| {
                // Down and up in turn, so the selection stays near the top.
                app.handle_key(key(if down { 'j' } else { 'k' }));
                down = !down;
                terminal.draw(|f| dossier::ui::render(&app, f)).expect("draw");
            });
        });
        group.finish();
    }
}

/// A single article of about 10 MB: paging down and up in the reader, each
/// key press with the frame after it.
fn long_article(c: &mut Criterion) {
    let mut raw = String::from("A very long article\n\n");
    let mut i = 0;
    while raw.len() < 10_000_000 {
        for doc in synth::corpus_seeded(200, i) {
            raw.push_str(&doc.body);
            raw.push_str("\n\n");
        }
        i += 1;
    }
    let doc = Document::from_text(DocId(0), "long".into(), "long.txt".into(), &raw);
    let bytes = doc.body.len();
    let corpus = Corpus { docs: vec![doc], problems: Vec::new(), notes: Vec::new() };
    let facts = facts_of(&corpus);
    let mut app = app_after(corpus, &facts, "Tab");
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
    // The first frame wraps the article once.
    terminal.draw(|f| dossier::ui::render(&app, f)).expect("draw");
    let mut group = group_for(c, "long article", 1);
    let (down, up) = (parse_keys("PgDn").expect("key")[0], parse_keys("PgUp").expect("key")[0]);
    let mut step = 0_usize;
    group.bench_function(BenchmarkId::new("page down or up, then a frame", bytes), |b| {
        b.iter(|| {
            // Fifty pages down, fifty up, and again: always somewhere new.
            app.handle_key(if (step / 50).is_multiple_of(2) { down } else { up });
            step += 1;
            terminal.draw(|f| dossier::ui::render(&app, f)).expect("draw");
        });
    });
    group.finish();
}

criterion_group!(benches, scale, long_article);
criterion_main!(benches);
