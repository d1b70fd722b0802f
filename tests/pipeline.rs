//! The headless commands through the library, as a user runs them: the
//! same output with the library as without it (first run, second run, a
//! file changed and one removed), and every fault of the library file
//! seen from the command line: damaged, from a newer dossier, in a folder
//! that cannot be written, two runs at once, `kill -9` in the middle of an
//! import (a few times over).

mod common;
#[path = "synth/mod.rs"]
mod synth;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use synth::Files;

/// A generated folder of `n` articles in every format.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    synth::write_folder(dir.path(), n, 11, Files::Mixed).unwrap();
    dir
}

/// `dossier ARGS` with its cache and state in `home`.
fn dossier(home: &Path, args: &[&str]) -> Command {
    let mut cmd = common::command_in(home);
    cmd.args(args);
    cmd
}

fn run(home: &Path, args: &[&str]) -> Output {
    dossier(home, args).output().unwrap()
}

fn library(home: &Path) -> std::path::PathBuf {
    home.join("cache/dossier/library.sqlite")
}

fn count(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_library_changes_nothing_in_what_facts_and_text_print() {
    let corpus = folder(120);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    for command in [&["facts", "--json"][..], &["text"], &["facts"]] {
        let args: Vec<&str> = command.iter().copied().chain([dir]).collect();
        let plain = run(home.path(), &[&["--no-cache"][..], &args].concat());
        assert!(!library(home.path()).exists(), "--no-cache writes no library");
        let first = run(home.path(), &args);
        let second = run(home.path(), &args);
        assert!(!plain.stdout.is_empty());
        assert_eq!(first.stdout, plain.stdout, "{command:?}: first run");
        assert_eq!(second.stdout, plain.stdout, "{command:?}: from the library");
        assert_eq!(first.status.code(), plain.status.code());
        assert_eq!(second.status.code(), plain.status.code());
        assert_eq!(stderr(&second), stderr(&plain), "{command:?}: the same problems");
        std::fs::remove_dir_all(home.path().join("cache")).unwrap();
    }
    // Once stored, a change and a removal: still what a fresh load prints.
    let args = ["facts", "--json", dir];
    run(home.path(), &args);
    let mut names: Vec<_> = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    std::fs::write(&names[0], "A changed article\n\nShares of Acme rose 12% on Monday.\n").unwrap();
    std::fs::remove_file(&names[1]).unwrap();
    let cached = run(home.path(), &args);
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    assert_eq!(cached.stdout, plain.stdout);
    assert!(String::from_utf8_lossy(&cached.stdout).contains("Acme"));
    let files = count(&library(home.path()), "select count(*) from files");
    assert!(files >= 100, "{files} files stored");
}

#[test]
fn a_damaged_library_is_moved_aside_with_a_note_and_rebuilt() {
    let corpus = folder(30);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    std::fs::create_dir_all(library(home.path()).parent().unwrap()).unwrap();
    std::fs::write(library(home.path()), b"\x00\xffnot a database".repeat(100)).unwrap();
    let out = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(out.stdout, plain.stdout);
    assert!(stderr(&out).contains("moved to"), "{}", stderr(&out));
    let again = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(again.stdout, plain.stdout);
    assert!(!stderr(&again).contains("moved to"), "said once");
    assert!(count(&library(home.path()), "select count(*) from documents") >= 25);
}

#[test]
fn a_newer_library_is_left_untouched_and_the_run_goes_on_without_it() {
    let corpus = folder(20);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let path = library(home.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = 99; create table future (x);",
        dossier::store::version::APPLICATION_ID
    ))
    .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    let out = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(out.stdout, plain.stdout);
    assert!(stderr(&out).contains("newer dossier"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_cache_folder_that_cannot_be_written_means_running_without_it() {
    let corpus = folder(20);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    // A file where the cache folder should be: no library can be made.
    std::fs::write(home.path().join("cache"), b"x").unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    let out = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(out.stdout, plain.stdout);
    let err = stderr(&out);
    assert_eq!(err.matches("running without the cache").count(), 1, "{err}");
}

#[test]
fn two_runs_at_once_both_print_everything_and_the_library_stays_whole() {
    let corpus = folder(300);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    let spawn = || {
        dossier(home.path(), &["facts", "--json", dir])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
        assert_eq!(out.stdout, plain.stdout, "{}", stderr(&out));
    }
    let conn = rusqlite::Connection::open(library(home.path())).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let again = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(again.stdout, plain.stdout);
}

#[test]
fn kill_9_during_an_import_leaves_a_library_that_opens_and_finishes() {
    let corpus = folder(400);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
    let seed = u64::from(clock.subsec_nanos()) ^ u64::from(std::process::id());
    for round in 0..4u64 {
        let mut child = dossier(home.path(), &["facts", "--json", dir])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(100 + seed.wrapping_mul(round + 3) % 600));
        child.kill().unwrap();
        child.wait().unwrap();
        let path = library(home.path());
        if path.exists() {
            let conn = rusqlite::Connection::open(&path).unwrap();
            let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
            assert_eq!(ok, "ok", "round {round}");
            // Every stored file is whole: each document has its body and facts.
            let broken: i64 = conn
                .query_row(
                    "select count(*) from documents d where not exists \
                     (select 1 from bodies b where b.document = d.id) or not exists \
                     (select 1 from fact_blobs f where f.document = d.id)",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(broken, 0, "round {round}");
        }
    }
    let out = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(out.stdout, plain.stdout);
    assert!(!stderr(&out).contains("moved to"), "not taken for damaged: {}", stderr(&out));
}

#[test]
fn prune_forgets_only_what_has_not_been_seen_for_long() {
    let corpus = folder(10);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    run(home.path(), &["facts", "--json", dir]);
    let state = home.path().join("state/dossier/state.sqlite");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    let mut marks = dossier::store::Marks::open(&state).unwrap();
    let mark = |key: &str| dossier::store::Update {
        key: key.into(),
        path: "a.txt".into(),
        what: dossier::store::What::Starred(true),
    };
    marks.apply(&[mark("old"), mark("recent")]).unwrap();
    drop(marks);
    let year_ago = "strftime('%s', 'now') - 400 * 86400";
    let conn = rusqlite::Connection::open(&state).unwrap();
    conn.execute(&format!("update marks set seen = {year_ago} where key = 'old'"), []).unwrap();
    let lib = rusqlite::Connection::open(library(home.path())).unwrap();
    lib.execute(&format!("update files set seen = {year_ago} where id = 1"), []).unwrap();
    let files = count(&library(home.path()), "select count(*) from files");

    let out = run(home.path(), &["prune", "--days", "90"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 reading mark(s)") && said.contains("1 file(s)"), "{said}");
    let keys: Vec<String> = conn
        .prepare("select key from marks")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(keys, ["recent"]);
    assert_eq!(count(&library(home.path()), "select count(*) from files"), files - 1);
}

#[test]
fn text_stores_documents_whose_facts_come_when_first_asked_for() {
    let corpus = folder(40);
    let dir = corpus.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", dir]);
    let text = run(home.path(), &["text", dir]);
    assert_eq!(text.stdout, run(home.path(), &["--no-cache", "text", dir]).stdout);
    let lib = library(home.path());
    assert_eq!(count(&lib, "select count(*) from fact_blobs"), 0, "text extracts nothing");
    assert!(count(&lib, "select count(*) from documents") >= 35);
    let facts = run(home.path(), &["facts", "--json", dir]);
    assert_eq!(facts.stdout, plain.stdout);
    assert_eq!(count(&lib, "select count(*) from files where extraction is null"), 0);
}

#[test]
fn a_repeated_article_is_printed_once_from_the_library_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Markets fell\n\nShares of Initech lost 4% on Monday.\n";
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let home = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let plain = run(home.path(), &["--no-cache", "facts", "--json", d]);
    assert!(stderr(&plain).contains("c.txt: same title and text as"), "{}", stderr(&plain));
    for round in ["first", "from the library", "again"] {
        let out = run(home.path(), &["facts", "--json", d]);
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "{round}");
        assert_eq!(stderr(&out), stderr(&plain), "{round}: the same notes");
    }
    // Each file is stored whole, its repeat too.
    assert_eq!(count(&library(home.path()), "select count(*) from documents"), 3);
}

/// Every article of `paths` through the pipeline in `order`, with where
/// the library keeps each.
fn load_all(
    paths: &[std::path::PathBuf],
    library: &mut dossier::store::Library,
    facts: &dossier::pipeline::Lazy,
    order: dossier::pipeline::Order,
) -> Vec<(dossier::corpus::Document, Vec<dossier::facts::Fact>, Option<dossier::pipeline::Kept>)> {
    let mut all = Vec::new();
    dossier::pipeline::load(
        paths,
        Some(library),
        Some(facts),
        order,
        dossier::corpus::Options::reader(),
        &mut |loaded| {
            let kept = loaded.kept.into_iter().chain(std::iter::repeat(None));
            all.extend(
                loaded.docs.into_iter().zip(loaded.facts).zip(kept).map(|((d, f), k)| (d, f, k)),
            );
            std::ops::ControlFlow::Continue(())
        },
    );
    all.sort_by(|a, b| a.0.key.cmp(&b.0.key));
    all
}

/// The reader's load hands what the library holds over lean: no body, the
/// facts as stored; the body read back is the one loaded, the facts are
/// the ones extracted, and an article the person's corrections change
/// comes whole with its facts corrected, as from a fresh load.
#[test]
fn the_reader_gets_what_the_library_holds_lean_and_corrected() {
    use dossier::facts::Kind;
    use dossier::pipeline::{Corrections, Lazy, Order};
    use dossier::store::{Correction, Library};
    let corpus = folder(40);
    let db = tempfile::tempdir().unwrap();
    let mut library = Library::open(&db.path().join("library.sqlite")).unwrap();
    let paths = [corpus.path().to_path_buf()];
    let first = load_all(&paths, &mut library, &Lazy::default(), Order::Paths);
    assert!(
        first
            .iter()
            .all(|(d, _, k)| !d.body.is_empty() && k.as_ref().is_some_and(|k| k.lean.is_none()))
    );

    let lean = load_all(&paths, &mut library, &Lazy::default(), Order::Reader);
    assert_eq!(lean.len(), first.len());
    for ((whole, facts, _), (doc, none, kept)) in first.iter().zip(&lean) {
        let kept = kept.as_ref().expect("kept");
        let packed = kept.lean.as_ref().expect("handed over lean");
        assert!(doc.body.is_empty() && doc.paragraphs.is_empty() && none.is_empty());
        assert_eq!((&doc.key, &doc.title), (&whole.key, &whole.title));
        assert_eq!(&packed.unpack(), facts, "{}", doc.key);
        let mut read = doc.clone();
        library.fill_body(kept.row, &mut read).unwrap();
        assert_eq!(
            (&read.body, &read.paragraphs, &read.furniture),
            (&whole.body, &whole.paragraphs, &whole.furniture)
        );
    }

    // A merge of a name some articles give: those come corrected.
    let (kind, name) = first
        .iter()
        .flat_map(|(_, f, _)| f)
        .find_map(|f| match &f.value {
            dossier::facts::Value::Text(n) if f.kind == Kind::Person => Some((f.kind, n.clone())),
            _ => None,
        })
        .expect("a person");
    let merge = Correction::Merge { kind, from: name.clone(), into: "Someone Else".into() };
    let shared = std::sync::Arc::new(std::sync::RwLock::new(Corrections::new(vec![merge])));
    let fresh = load_all(&paths, &mut library, &Lazy::corrected(shared.clone()), Order::Paths);
    let corrected = load_all(&paths, &mut library, &Lazy::corrected(shared), Order::Reader);
    let mut changed = 0;
    for ((_, want, _), (doc, facts, kept)) in fresh.iter().zip(&corrected) {
        if let Some(packed) = kept.as_ref().and_then(|k| k.lean.as_ref()) {
            assert_eq!(&packed.unpack(), want, "{}", doc.key);
        } else {
            changed += 1;
            assert!(!doc.body.is_empty());
            assert_eq!(facts, want, "{}", doc.key);
        }
    }
    assert!(changed > 0 && changed < fresh.len(), "{changed} of {}", fresh.len());
    assert!(fresh.iter().flat_map(|(_, f, _)| f).all(|f| f.value_text() != name || f.kind != kind));
}
