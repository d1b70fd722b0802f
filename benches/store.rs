//! The store's budgets, over folders written by the generator
//! (`dossier::synth`, mixed `.txt`, Markdown, saved pages and JSON) of
//! 1,000 and 10,000 articles, and of 100,000 when `DOSSIER_BENCH_BIG=1`:
//!
//! - `import`: a folder into an empty library, parsed and extracted on
//!   every core and stored (MB/s of files). Criterion times it at 1,000;
//!   larger folders are imported once and timed (minutes at 100,000), with
//!   the database's size beside the text's;
//! - `second start`: what a start on an unchanged folder reads from the
//!   library: the list from the library alone (before the folder is
//!   walked), the listing and its plan, every title and metadata for the
//!   list, every document's facts, the saved search and entity indexes
//!   (each; a reader loads them on two threads), every body;
//! - `one changed`: one file of the folder changed, then the same, with
//!   that file parsed, extracted and stored and the indexes' delta built;
//! - `state`: one reading-state change written (one transaction, synced).
//!
//! `cargo bench --bench store`; the big folder, by hand:
//! `DOSSIER_BENCH_BIG=1 cargo bench --bench store -- 100000`.

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{Document, collect_sources};
use dossier::facts::{Extractor, Fact};
use dossier::index::{EntityIndex, SearchIndex, entities_of};
use dossier::store::{self, DocRow, Library, Marks, Update, What};
use synth::Files;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("DOSSIER_BENCH_BIG").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    sizes
}

fn group_for<'a>(
    c: &'a mut Criterion,
    name: &str,
    n: usize,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(if n >= 100_000 { 20 } else { 5 }));
    group
}

/// A generated folder and a library holding it, with saved indexes: in
/// temporary folders, or kept in `$DOSSIER_BENCH_KEEP` to be used again by
/// the next run (the 100,000 take minutes to write and import).
struct Setup {
    folder: PathBuf,
    db: PathBuf,
    bytes: u64,
    _temp: Vec<tempfile::TempDir>,
}

impl Setup {
    fn new(n: usize) -> (Self, bool) {
        let (folder, db, temp) = if let Some(keep) = std::env::var_os("DOSSIER_BENCH_KEEP") {
            let keep = PathBuf::from(keep);
            (keep.join(format!("corpus-{n}")), keep.join(format!("db-{n}")), Vec::new())
        } else {
            let (f, d) = (tempfile::tempdir().expect("folder"), tempfile::tempdir().expect("db"));
            (f.path().to_path_buf(), d.path().to_path_buf(), vec![f, d])
        };
        let kept = folder.join(".done").exists();
        let bytes = if kept {
            std::fs::read_to_string(folder.join(".done"))
                .ok()
                .and_then(|b| b.trim().parse().ok())
                .unwrap_or(0)
        } else {
            let bytes = synth::write_folder(&folder, n, 0, Files::Mixed).expect("corpus");
            // A hidden file: the listing skips it.
            std::fs::write(folder.join(".done"), bytes.to_string()).expect("mark");
            bytes
        };
        std::fs::create_dir_all(&db).expect("db folder");
        let imported = kept && db.join("library.sqlite").exists();
        (Self { folder, db, bytes, _temp: temp }, imported)
    }

    fn roots(&self) -> Vec<PathBuf> {
        vec![self.folder.clone()]
    }

    fn library(&self) -> PathBuf {
        self.db.join("library.sqlite")
    }
}

fn import(library: &Path, roots: &[PathBuf], extractor: &Extractor) -> store::Synced {
    let mut lib = Library::open(library).expect("library");
    store::sync(&mut lib, roots, &collect_sources(roots), extractor, |_| {}).expect("import")
}

/// Every document (with bodies), its row and its facts, read back.
fn read_all(lib: &Library, synced: &store::Synced) -> (Vec<DocRow>, Vec<Document>, Vec<Vec<Fact>>) {
    let stored = lib.documents(&synced.files, true).expect("documents");
    let rows: Vec<DocRow> = stored.iter().map(|s| s.row).collect();
    let facts = lib.all_facts(&rows).expect("facts");
    (rows, stored.into_iter().map(|s| s.doc).collect(), facts)
}

/// User and system CPU time of this process so far (Linux), to read an
/// import's cost apart from the load of a shared machine.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn size_of(path: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|ext| {
            let mut p = path.as_os_str().to_os_string();
            p.push(ext);
            std::fs::metadata(p).ok()
        })
        .map(|m| m.len())
        .sum()
}

fn setup(c: &mut Criterion, n: usize, extractor: &Extractor) -> Setup {
    let (s, imported) = Setup::new(n);
    let bytes = s.bytes;
    let roots = s.roots();
    if imported {
        eprintln!("import/{n}: kept from an earlier run");
    } else if n <= 1_000 {
        let mut group = group_for(c, "import", n);
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_with_setup(
                || {
                    let _ = std::fs::remove_file(s.library());
                    for ext in ["-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{}{ext}", s.library().display()));
                    }
                },
                |()| import(&s.library(), &roots, extractor),
            );
        });
        group.finish();
    } else {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        import(&s.library(), &roots, extractor);
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "import/{n}: {secs:.1} s, {:.1} MB/s of files, {:.1} s of CPU",
            bytes as f64 / 1e6 / secs,
            cpu_seconds() - cpu
        );
    }
    // `cat` of the same files, for scale.
    let t = Instant::now();
    let read: usize = collect_sources(&roots)
        .sources
        .iter()
        .map(|src| std::fs::read(&src.path).map_or(0, |b| b.len()))
        .sum();
    eprintln!("cat/{n}: {read} bytes in {:.2} s", t.elapsed().as_secs_f64());
    // The indexes, built once and saved as the reader will after its first import.
    let t = Instant::now();
    let mut lib = Library::open(&s.library()).expect("library");
    let synced = import(&s.library(), &roots, extractor);
    let (rows, docs, facts) = read_all(&lib, &synced);
    let built = t.elapsed();
    let t = Instant::now();
    let search = SearchIndex::build(&docs);
    let entities = EntityIndex::build(&facts);
    let index_built = t.elapsed();
    let t = Instant::now();
    lib.save_indexes(&rows, &search, &entities).expect("saved");
    eprintln!(
        "setup/{n}: read back {:.2} s, indexes built {:.2} s, saved {:.2} s",
        built.as_secs_f64(),
        index_built.as_secs_f64(),
        t.elapsed().as_secs_f64()
    );
    drop(lib);
    // A checkpoint folds the WAL into the file: its size as it stays.
    let conn = rusqlite::Connection::open(s.library()).expect("open");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
    let sizes: Vec<(String, i64)> = conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .unwrap_or_default();
    drop(conn);
    eprintln!(
        "size/{n}: library {:.1} MB for {:.1} MB of files ({:.2}x); {}",
        size_of(&s.library()) as f64 / 1e6,
        bytes as f64 / 1e6,
        size_of(&s.library()) as f64 / bytes as f64,
        sizes
            .iter()
            .take(8)
            .map(|(t, b)| format!("{t} {:.1} MB", *b as f64 / 1e6))
            .collect::<Vec<_>>()
            .join(", ")
    );
    s
}

fn second_start(c: &mut Criterion, n: usize, s: &Setup, extractor: &Extractor) {
    let roots = s.roots();
    let mut group = group_for(c, "second start", n);
    group.bench_function(BenchmarkId::new("listing and plan", n), |b| {
        b.iter(|| import(&s.library(), &roots, extractor).plan.counts());
    });
    let synced = import(&s.library(), &roots, extractor);
    assert_eq!(synced.bytes_parsed, 0, "nothing to parse on a second start");
    let lib = Library::open(&s.library()).expect("library");
    let absolute: Vec<PathBuf> =
        roots.iter().map(|r| std::path::absolute(r).expect("absolute")).collect();
    group.bench_function(BenchmarkId::new("list before the walk: files and titles", n), |b| {
        b.iter(|| {
            let files: Vec<_> =
                lib.files_under(&absolute).expect("files").into_iter().map(|f| f.0).collect();
            lib.documents(&files, false).expect("docs").len()
        });
    });
    group.bench_function(BenchmarkId::new("list: every title and metadata", n), |b| {
        b.iter(|| lib.documents(black_box(&synced.files), false).expect("docs").len());
    });
    let stored = lib.documents(&synced.files, false).expect("docs");
    let rows: Vec<DocRow> = stored.iter().map(|s| s.row).collect();
    group.bench_function(BenchmarkId::new("every document's facts", n), |b| {
        b.iter(|| lib.all_facts(black_box(&rows)).expect("facts").len());
    });
    group.bench_function(BenchmarkId::new("search index loaded", n), |b| {
        b.iter(|| lib.load_search(black_box(&rows)).expect("load").expect("saved").1.len());
    });
    group.bench_function(BenchmarkId::new("entity index loaded", n), |b| {
        b.iter(|| lib.load_entities(black_box(&rows)).expect("load").expect("saved").1.len());
    });
    group.bench_function(BenchmarkId::new("every body", n), |b| {
        b.iter(|| lib.documents(black_box(&synced.files), true).expect("docs").len());
    });
    group.finish();
}

/// One file changed: the new text stored, then what a start reads, with
/// the indexes' delta for that one article.
fn one_changed(c: &mut Criterion, n: usize, s: &Setup, extractor: &Extractor) {
    let roots = s.roots();
    let victim = collect_sources(&roots).sources[n / 2].path.clone();
    let original = std::fs::read_to_string(&victim).expect("victim");
    let mut round = 0usize;
    let mut group = group_for(c, "one changed", n);
    group.bench_function(BenchmarkId::new("sync, list, facts, indexes", n), |b| {
        b.iter_with_setup(
            || {
                round += 1;
                let text = format!("{original}\n\nUpdate {round}: talks resumed in Rotterdam.\n");
                std::fs::write(&victim, text).expect("write");
            },
            |()| {
                let synced = import(&s.library(), &roots, extractor);
                let lib = Library::open(&s.library()).expect("library");
                let stored = lib.documents(&synced.files, false).expect("docs");
                let rows: Vec<DocRow> = stored.iter().map(|s| s.row).collect();
                let facts = lib.all_facts(&rows).expect("facts");
                let mut saved = lib.load_indexes(&rows).expect("load").expect("saved");
                let mut missing = Vec::new();
                for d in &saved.missing {
                    let mut doc = stored[d.0].doc.clone();
                    lib.fill_body(rows[d.0], &mut doc).expect("body");
                    saved.entities.add_doc(*d, entities_of(&facts[d.0]));
                    missing.push(doc);
                }
                saved.search.set_delta(&missing);
                (saved.search.doc_count(), facts.len())
            },
        );
    });
    group.finish();
    std::fs::write(&victim, original).expect("restore");
}

fn state_writes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let mut marks = Marks::open(&dir.path().join("state.sqlite")).expect("marks");
    let mut i = 0usize;
    let mut group = group_for(c, "state", 1);
    group.bench_function("one mark written and synced", |b| {
        b.iter(|| {
            i += 1;
            let key = format!("{:016x}", i % 100_000);
            marks.apply(&[Update {
                key,
                path: "a.txt".into(),
                what: What::Read(i.is_multiple_of(2)),
            }])
        });
    });
    group.finish();
}

fn store(c: &mut Criterion) {
    let extractor = Extractor::new();
    for n in sizes() {
        let s = setup(c, n, &extractor);
        second_start(c, n, &s, &extractor);
        one_changed(c, n, &s, &extractor);
        eprintln!("text/{n}: {:.1} MB", s.bytes as f64 / 1e6);
    }
    state_writes(c);
}

criterion_group!(benches, store);
criterion_main!(benches);
