//! The store as the reader will use it: a folder imported once and read
//! back unchanged, what a change, a removal or a touch does, the reading
//! state and its import from `state.json`, the saved indexes, and every
//! fault: a damaged, truncated, foreign or newer file, a folder that
//! cannot be written, a disk that fills up, two processes at once and
//! `kill -9` in the middle of an import.
//!
//! The tests that need other processes run this test binary again in a
//! child role (`DOSSIER_STORE_CHILD`), so each child is a real process
//! with its own connection.

#[path = "synth/mod.rs"]
mod synth;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use dossier::corpus::{Corpus, collect_sources};
use dossier::facts::{Extractor, Kind};
use dossier::index::{EntityIndex, Query, SearchIndex, entities_of};
use dossier::state::{ArticleState, State};
use dossier::store::{self, Library, MarkWriter, Marks, StoreError, Update, Verdict, What};
use synth::Files;

/// A generated folder of `n` articles in every format.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    synth::write_folder(dir.path(), n, 7, Files::Mixed).unwrap();
    dir
}

/// A folder with page furniture in it, beside the generated articles.
fn folder_with_furniture(n: usize) -> tempfile::TempDir {
    let dir = folder(n - 1);
    let text = "Storm over the coast\n\nWinds reached 120 km/h.\n\nShare this:\n\nTweet\n\n\
                The port of Hamburg closed for a day.\n\nLeave a reply\n";
    std::fs::write(dir.path().join("aaa-furniture.txt"), text).unwrap();
    dir
}

fn sync(lib: &mut Library, dir: &Path, extractor: &Extractor) -> store::Synced {
    let roots = [dir.to_path_buf()];
    store::sync(lib, &roots, &collect_sources(&roots), extractor, |_| {}).unwrap()
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn count(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_folder_comes_back_from_the_library_with_every_field_and_fact() {
    let dir = folder_with_furniture(60);
    let db = tempfile::tempdir().unwrap();
    let path = db.path().join("library.sqlite");
    let extractor = Extractor::new();
    let mut lib = Library::open(&path).unwrap();
    let first = sync(&mut lib, dir.path(), &extractor);
    assert_eq!(first.plan.counts(), (0, 0, 0, 60));
    drop(lib);

    let mut lib = Library::open(&path).unwrap();
    let again = sync(&mut lib, dir.path(), &extractor);
    assert_eq!(again.plan.counts(), (60, 0, 0, 0), "nothing parsed a second time");
    assert_eq!(again.bytes_parsed, 0);
    let stored = lib.documents(&again.files, true).unwrap();
    let rows: Vec<_> = stored.iter().map(|s| s.row).collect();
    let facts = lib.all_facts(&rows).unwrap();

    let fresh = Corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(stored.len(), fresh.docs.len());
    for ((s, f), d) in stored.iter().zip(&facts).zip(&fresh.docs) {
        let a = &s.doc;
        assert_eq!(
            (&a.key, &a.path, a.lang, &a.title, a.has_headline, &a.body, &a.paragraphs),
            (&d.key, &d.path, d.lang, &d.title, d.has_headline, &d.body, &d.paragraphs)
        );
        assert_eq!((&a.furniture, a.words), (&d.furniture, d.words));
        assert_eq!((&a.url, &a.date, &a.byline, &a.site), (&d.url, &d.date, &d.byline, &d.site));
        assert_eq!(dossier::state::content_hash(a), dossier::state::content_hash(d));
        assert_eq!(f, &extractor.extract(d), "{}", d.path);
        assert_eq!(lib.facts(s.row).unwrap(), *f);
    }
    assert!(fresh.docs.iter().any(|d| d.url.is_some()), "the saved pages bring metadata");

    // The corpus facts view's figures, without every article's facts.
    let figures: Vec<(usize, usize)> = facts
        .iter()
        .enumerate()
        .flat_map(|(d, f)| {
            f.iter()
                .enumerate()
                .filter(|(_, f)| matches!(f.kind, Kind::Money | Kind::Percent))
                .map(move |(i, _)| (d, i))
        })
        .collect();
    let got: Vec<(usize, usize)> =
        lib.figures(&rows).unwrap().into_iter().map(|(d, i)| (d.0, i)).collect();
    assert_eq!(got, figures);
    assert!(!got.is_empty());

    // Opened through another folder, the keys follow the listing.
    let mut moved = stored[0].clone();
    let source = dossier::corpus::Source {
        path: PathBuf::from("elsewhere/x.txt"),
        key: "sub/x".into(),
        display: "elsewhere/x.txt".into(),
        format: None,
        bytes: 0,
        identity: None,
    };
    moved.relabel(&source);
    assert_eq!((moved.doc.key.as_str(), moved.doc.path.as_str()), ("sub/x", "elsewhere/x.txt"));
    assert!(fresh.docs.iter().any(|d| !d.furniture.is_empty()), "and furniture");

    // Without bodies the list has what it needs; a body comes on demand.
    let light = lib.documents(&again.files, false).unwrap();
    assert!(light.iter().all(|s| s.doc.body.is_empty() && !s.doc.title.is_empty()));
    let mut one = light[3].doc.clone();
    lib.fill_body(light[3].row, &mut one).unwrap();
    assert_eq!(one.body, fresh.docs[3].body);
    assert_eq!(one.paragraphs, fresh.docs[3].paragraphs);
}

#[test]
fn the_facts_table_answers_sql() {
    let dir = folder(40);
    let db = tempfile::tempdir().unwrap();
    let path = db.path().join("library.sqlite");
    let extractor = Extractor::new();
    let mut lib = Library::open(&path).unwrap();
    sync(&mut lib, dir.path(), &extractor);
    drop(lib);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let people: Vec<(String, i64)> = conn
        .prepare(
            "select value, count(*) from facts where kind = 'person' group by value order by 2 desc",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!people.is_empty());
    assert!(people.windows(2).all(|w| w[0].1 >= w[1].1));
    let plan: String = conn
        .query_row(
            "explain query plan select value, count(*) from facts where kind = 'person' group by value",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("facts_by_kind"), "{plan}");
    // Spans slice the text they name; money is a number with a currency.
    let (text, body_slice): (String, String) = conn
        .query_row(
            "select f.text, substr(cast(b.body as blob), f.start + 1, f.\"end\" - f.start) \
             from facts f join bodies b on b.document = f.document \
             where f.field = 'body' and f.kind = 'money' limit 1",
            [],
            |r| Ok((r.get(0)?, String::from_utf8(r.get::<_, Vec<u8>>(1)?).unwrap())),
        )
        .unwrap();
    assert_eq!(text, body_slice);
    let typed: String = conn
        .query_row("select typeof(value) from facts where kind = 'money' limit 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(typed, "real");
    let joined: i64 = conn
        .query_row(
            "select count(*) from documents d join files f on f.id = d.file where f.path like '%gen%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(joined, 40);
}

#[test]
fn a_change_a_removal_a_touch_and_a_new_file() {
    let dir = folder(30);
    let db = tempfile::tempdir().unwrap();
    let path = db.path().join("library.sqlite");
    let extractor = Extractor::new();
    let mut lib = Library::open(&path).unwrap();
    let first = sync(&mut lib, dir.path(), &extractor);
    let files: Vec<PathBuf> = first.sources.iter().map(|s| s.path.clone()).collect();

    // Changed: new words (the size changes). Touched: the same bytes, a new time.
    let changed = &files[4];
    let text = std::fs::read_to_string(changed).unwrap();
    std::fs::write(changed, format!("{text}\n\nA new paragraph about Rotterdam.\n")).unwrap();
    let touched = &files[9];
    let bytes = std::fs::read(touched).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(touched, bytes).unwrap();
    std::fs::remove_file(&files[12]).unwrap();
    std::fs::write(dir.path().join("zzz-new.txt"), "A new story\n\nIt happened in Berlin.")
        .unwrap();

    let again = sync(&mut lib, dir.path(), &extractor);
    assert_eq!(again.plan.counts(), (28, 0, 1, 1));
    let at = |p: &Path| again.sources.iter().position(|s| s.path == p).unwrap();
    assert!(matches!(again.plan.verdicts[at(changed)], Verdict::Changed(_)));
    assert!(matches!(again.plan.verdicts[at(touched)], Verdict::Unchanged(_)));
    assert_eq!(again.plan.vanished.len(), 1);
    assert!(again.plan.vanished[0].1.ends_with(files[12].file_name().unwrap()));
    let new_len = std::fs::metadata(dir.path().join("zzz-new.txt")).unwrap().len();
    assert_eq!(again.bytes_parsed, std::fs::metadata(changed).unwrap().len() + new_len);

    // The changed file's text is the new one; the vanished one is kept until forgotten.
    let stored = lib.documents(&again.files, true).unwrap();
    assert!(stored.iter().any(|s| s.doc.body.contains("about Rotterdam")));
    assert_eq!(stored.len(), 30);
    let third = sync(&mut lib, dir.path(), &extractor);
    assert_eq!(third.plan.counts(), (30, 0, 0, 0), "the touch was recorded");
    lib.forget(&[again.plan.vanished[0].0]).unwrap();
    assert_eq!(count(&path, "select count(*) from files"), 30);
    assert_eq!(
        count(&path, "select count(*) from facts where document not in (select id from documents)"),
        0
    );
}

#[test]
fn another_extraction_version_reextracts_without_parsing() {
    let dir = folder(12);
    let db = tempfile::tempdir().unwrap();
    let path = db.path().join("library.sqlite");
    let extractor = Extractor::new();
    let mut lib = Library::open(&path).unwrap();
    sync(&mut lib, dir.path(), &extractor);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("update files set extraction = 'older' where rowid % 2 = 0", []).unwrap();
    conn.execute(
        "delete from facts where document in (select id from documents where file % 2 = 0)",
        [],
    )
    .unwrap();
    drop(conn);
    let again = sync(&mut lib, dir.path(), &extractor);
    assert_eq!(again.plan.counts(), (6, 6, 0, 0));
    assert_eq!(again.bytes_parsed, 0, "stale files are not parsed");
    let third = sync(&mut lib, dir.path(), &extractor);
    assert_eq!(third.plan.counts(), (12, 0, 0, 0));
    let stored = lib.documents(&third.files, true).unwrap();
    for s in &stored {
        assert_eq!(lib.facts(s.row).unwrap(), extractor.extract(&s.doc));
    }
    assert!(count(&path, "select count(*) from facts") > 0);
}

#[test]
fn saved_indexes_answer_like_fresh_ones_after_a_change() {
    let dir = folder(40);
    let db = tempfile::tempdir().unwrap();
    let path = db.path().join("library.sqlite");
    let extractor = Extractor::new();
    let mut lib = Library::open(&path).unwrap();
    let first = sync(&mut lib, dir.path(), &extractor);
    let stored = lib.documents(&first.files, true).unwrap();
    let rows: Vec<_> = stored.iter().map(|s| s.row).collect();
    let docs: Vec<_> = stored.iter().map(|s| s.doc.clone()).collect();
    let facts = lib.all_facts(&rows).unwrap();
    let search = SearchIndex::build(&docs);
    let entities = EntityIndex::build(&facts);
    lib.save_indexes(&rows, &search, &entities).unwrap();

    let saved = lib.load_indexes(&rows).unwrap().expect("saved");
    assert!(saved.missing.is_empty());
    let q = Query::parse("berlin");
    assert_eq!(saved.search.search(&docs, &q, 20), search.search(&docs, &q, 20));

    // One file changes: its article is missing from the saved copy, the rest hold.
    let victim = &first.sources[5].path;
    let text = std::fs::read_to_string(victim).unwrap();
    std::fs::write(victim, format!("{text}\n\nZwischenfall in Rotterdam.\n")).unwrap();
    let again = sync(&mut lib, dir.path(), &extractor);
    let stored = lib.documents(&again.files, true).unwrap();
    assert_eq!(stored.len(), 40);
    let rows: Vec<_> = stored.iter().map(|s| s.row).collect();
    let docs: Vec<_> = stored.iter().map(|s| s.doc.clone()).collect();
    let facts = lib.all_facts(&rows).unwrap();
    let mut saved = lib.load_indexes(&rows).unwrap().expect("still usable");
    assert_eq!(saved.missing.len(), 1);
    let missing: Vec<_> = saved.missing.iter().map(|d| docs[d.0].clone()).collect();
    saved.search.set_delta(&missing);
    for d in &saved.missing {
        saved.entities.add_doc(*d, entities_of(&facts[d.0]));
    }
    let fresh = SearchIndex::build(&docs);
    for q in ["rotterdam", "berlin", "zwischenfall", "\"new york\""] {
        let q = Query::parse(q);
        assert_eq!(saved.search.search(&docs, &q, 50), fresh.search(&docs, &q, 50), "{q:?}");
    }
    let fresh_entities = EntityIndex::build(&facts);
    let mut a: Vec<_> = saved.entities.iter().map(|(e, m)| (e.clone(), m.to_vec())).collect();
    let mut b: Vec<_> = fresh_entities.iter().map(|(e, m)| (e.clone(), m.to_vec())).collect();
    a.sort_by(|x, y| x.0.cmp(&y.0));
    b.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(a, b);
}

#[test]
fn the_reading_state_round_trips_and_prunes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite");
    let writer = MarkWriter::spawn(Marks::open(&path).unwrap());
    let up = |key: &str, what| Update { key: key.into(), path: format!("{key}.txt"), what };
    writer.send(up("aa", What::Read(true)));
    writer.send(up("aa", What::Starred(true)));
    writer.send(up("bb", What::Place { paragraph: 3, byte: 17 }));
    writer.send(up("bb", What::Last));
    writer.send(up("aa", What::Read(false)));
    assert!(writer.close().is_none());
    let marks = Marks::open(&path).unwrap();
    let state = marks.load().unwrap();
    assert_eq!(state.last.as_deref(), Some("bb"));
    assert_eq!(
        state.articles["aa"],
        ArticleState { path: "aa.txt".into(), read: false, starred: true, paragraph: 0, offset: 0 }
    );
    assert_eq!((state.articles["bb"].paragraph, state.articles["bb"].offset), (3, 17));

    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("update marks set seen = seen - 400 * 86400 where key = 'aa'", []).unwrap();
    drop(conn);
    let mut marks = marks;
    marks.seen(&["bb".into()]).unwrap();
    assert_eq!(marks.prune(Duration::from_secs(365 * 86400)).unwrap(), 1);
    assert_eq!(marks.load().unwrap().articles.len(), 1);
}

#[test]
fn state_json_is_imported_once_and_nothing_in_it_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = State { version: 1, last: Some("k7".into()), ..State::default() };
    for i in 0..500_usize {
        old.articles.insert(
            format!("k{i}"),
            ArticleState {
                path: format!("dir/{i}.txt"),
                read: i.is_multiple_of(2),
                starred: i.is_multiple_of(7),
                paragraph: i % 5,
                offset: i,
            },
        );
    }
    std::fs::write(dir.path().join("state.json"), serde_json::to_vec(&old).unwrap()).unwrap();
    let path = dir.path().join("state.sqlite");
    let mut marks = Marks::open(&path).unwrap();
    assert_eq!(marks.import_json(dir.path()).unwrap(), Some(500));
    assert!(marks.take_note().unwrap().contains("imported"));
    assert_eq!(marks.load().unwrap(), old);
    assert!(!dir.path().join("state.json").exists());
    assert!(dir.path().join("state.json.imported").exists(), "kept, renamed");

    // A mark changed since, then the same file put back: not imported again.
    marks.apply(&[Update { key: "k0".into(), path: "x".into(), what: What::Read(false) }]).unwrap();
    std::fs::copy(dir.path().join("state.json.imported"), dir.path().join("state.json")).unwrap();
    assert_eq!(marks.import_json(dir.path()).unwrap(), None);
    assert!(!marks.load().unwrap().articles["k0"].read);
    assert!(!dir.path().join("state.json").exists());

    // A file that is no state is moved aside, not imported, not lost.
    std::fs::write(dir.path().join("state.json"), b"{\"version\":1,\"articles\":{\"a").unwrap();
    assert_eq!(marks.import_json(dir.path()).unwrap(), None);
    assert!(marks.take_note().unwrap().contains("moved to"));
    assert!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .any(|e| { e.unwrap().file_name().to_string_lossy().starts_with("state.json.bad-") })
    );
}

// ---- faults ----

fn garbage_and_broken_files(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    let garbage = dir.join("garbage.sqlite");
    std::fs::write(&garbage, b"\x00\xffthis is not a database at all, not even close".repeat(50))
        .unwrap();
    out.push(("garbage", garbage));
    let short = dir.join("short.sqlite");
    std::fs::write(&short, b"SQLite format 3\0abc").unwrap();
    out.push(("short", short));
    let foreign = dir.join("foreign.sqlite");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("create table notes (x text); insert into notes values ('mine');").unwrap();
    drop(conn);
    out.push(("foreign", foreign));
    // A real library cut in half.
    let truncated = dir.join("truncated.sqlite");
    let corpus = folder(40);
    let mut lib = Library::open(&truncated).unwrap();
    sync(&mut lib, corpus.path(), &Extractor::new());
    drop(lib);
    let len = std::fs::metadata(&truncated).unwrap().len();
    std::fs::OpenOptions::new().write(true).open(&truncated).unwrap().set_len(len / 2).unwrap();
    out.push(("truncated", truncated));
    out
}

#[test]
fn a_damaged_truncated_or_foreign_file_is_moved_aside_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in garbage_and_broken_files(dir.path()) {
        let before = std::fs::read(&path).unwrap();
        let mut lib = Library::open(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let note = lib.take_note().unwrap_or_else(|| panic!("{name}: no note"));
        assert!(note.contains("moved to") && note.contains("started afresh"), "{name}: {note}");
        // The old file is kept aside, byte for byte; the new one works.
        let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name().unwrap().to_string_lossy().starts_with(&format!("{name}.sqlite.bad-"))
            })
            .collect();
        assert_eq!(aside.len(), 1, "{name}");
        assert_eq!(std::fs::read(&aside[0]).unwrap(), before, "{name}");
        let corpus = folder(3);
        let synced = sync(&mut lib, corpus.path(), &Extractor::new());
        assert_eq!(synced.plan.counts().3, 3, "{name}");
        drop(lib);
        assert_eq!(integrity(&path), "ok");
        // The state database is treated the same way.
        let state = dir.path().join(format!("{name}-state.sqlite"));
        std::fs::copy(&aside[0], &state).unwrap();
        let mut marks = Marks::open(&state).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(marks.take_note().is_some(), "{name}");
    }
}

#[test]
fn a_newer_dossiers_file_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["library.sqlite", "state.sqlite"] {
        let path = dir.path().join(name);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = 99; create table future (x);",
            store::version::APPLICATION_ID
        ))
        .unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        let err = if name == "library.sqlite" {
            Library::open(&path).unwrap_err()
        } else {
            Marks::open(&path).unwrap_err()
        };
        assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
        assert!(err.to_string().contains("newer dossier"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(names.iter().all(|n| !n.to_string_lossy().contains(".bad-")), "{names:?}");
    }
}

#[test]
fn a_folder_that_cannot_be_written_means_no_store() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "x").unwrap();
    let err = Library::open(&blocked.join("library.sqlite")).unwrap_err();
    assert!(matches!(err, StoreError::Unavailable { .. }), "{err}");
    assert!(err.to_string().contains("running without it"), "{err}");
    let err = Marks::open(&blocked.join("state.sqlite")).unwrap_err();
    assert!(matches!(err, StoreError::Unavailable { .. }), "{err}");

    // A symbolic link where the file should be is not followed.
    let target = dir.path().join("elsewhere");
    std::fs::write(&target, b"precious").unwrap();
    let link = dir.path().join("library.sqlite");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(Library::open(&link).is_err());
    assert_eq!(std::fs::read(&target).unwrap(), b"precious");

    // A read-only folder (only meaningful when not running as root).
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&ro, perms).unwrap();
    if std::fs::write(ro.join("probe"), b"x").is_err() {
        let err = Library::open(&ro.join("library.sqlite")).unwrap_err();
        assert!(matches!(err, StoreError::Unavailable { .. }), "{err}");
    }
}

#[test]
fn no_file_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let corpus = folder(10);
    let mut lib = Library::open(&path).unwrap();
    sync(&mut lib, corpus.path(), &Extractor::new());
    let reader = lib.reader().unwrap();
    drop(reader);
    drop(lib);
    let mut marks = Marks::open(&dir.path().join("state.sqlite")).unwrap();
    marks
        .apply(&[Update { key: "a".into(), path: "a".into(), what: What::Starred(true) }])
        .unwrap();
    drop(marks);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["library.sqlite", "state.sqlite"]);
}

// ---- other processes ----

const CHILD: &str = "DOSSIER_STORE_CHILD";

/// This test binary again, running only `child_entry` in `role`.
fn child(role: &str, args: &[&Path]) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "child_entry", "--nocapture", "--test-threads=1", "--quiet"]);
    let joined: Vec<String> = args.iter().map(|p| p.display().to_string()).collect();
    cmd.env(CHILD, format!("{role}\t{}", joined.join("\t")));
    cmd
}

/// The child roles (does nothing in a normal test run).
#[test]
fn child_entry() {
    let Ok(spec) = std::env::var(CHILD) else { return };
    let mut parts = spec.split('\t');
    let role = parts.next().unwrap();
    let args: Vec<PathBuf> = parts.map(PathBuf::from).collect();
    match role {
        // Imports folder args[1] into the library args[0], saying each commit.
        "import" => {
            let mut lib = Library::open(&args[0]).unwrap();
            let roots = [args[1].clone()];
            let listing = collect_sources(&roots);
            let result = store::sync(&mut lib, &roots, &listing, &Extractor::new(), |paths| {
                for p in paths {
                    println!("committed {}", p.display());
                }
            });
            match result {
                Ok(_) => println!("done"),
                Err(StoreError::Unavailable { reason, .. }) => println!("unavailable: {reason}"),
                Err(e) => println!("error: {e}"),
            }
        }
        // Writes 300 marks named after args[1] into the state args[0], one
        // transaction each, and the library import of args[2].
        "marks" => {
            let who = args[1].display().to_string();
            let mut marks = Marks::open(&args[0]).unwrap();
            for i in 0..300 {
                let key = format!("{who}-{i}");
                marks.apply(&[Update { key, path: who.clone(), what: What::Read(true) }]).unwrap();
            }
            let mut lib = Library::open(&args[2]).unwrap();
            let roots = [args[3].clone()];
            store::sync(&mut lib, &roots, &collect_sources(&roots), &Extractor::new(), |_| {})
                .unwrap();
            println!("done");
        }
        _ => panic!("unknown role {role}"),
    }
}

#[test]
fn two_processes_at_once_both_keep_what_they_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.sqlite");
    let library = dir.path().join("library.sqlite");
    let (a, b) = (folder(25), folder(25));
    // Two folders of the same articles: different files in one library.
    let spawn = |who: &str, corpus: &Path| {
        child("marks", &[&state, Path::new(who), &library, corpus])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children = [spawn("first", a.path()), spawn("second", b.path())];
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("done"));
    }
    let marks = Marks::open(&state).unwrap().load().unwrap();
    assert_eq!(marks.articles.len(), 600);
    assert_eq!(integrity(&state), "ok");
    assert_eq!(integrity(&library), "ok");
    assert_eq!(count(&library, "select count(*) from files"), 50);
    assert_eq!(count(&library, "select count(*) from documents"), 50);
}

#[test]
fn kill_9_during_an_import_loses_nothing_committed() {
    let corpus = folder(600);
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.sqlite");
    let mut committed: Vec<String> = Vec::new();
    let mut cut_short = 0;
    // A different moment each round: early, mid-batch, late.
    let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
    let seed = u64::from(clock.subsec_nanos()) ^ u64::from(std::process::id());
    for round in 0..6u64 {
        let delay = seed.wrapping_mul(round + 7) % 400;
        let mut c = child("import", &[&library, corpus.path()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = c.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        // Killed a random moment after its first commit of this round (or
        // when it ends first): mid-batch, between batches, late.
        let mut lines = Vec::new();
        while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
            let first = line.starts_with("committed ") || line == "done";
            lines.push(line);
            if first {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(delay));
        c.kill().unwrap();
        c.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());
        committed
            .extend(lines.iter().filter_map(|l| l.strip_prefix("committed ").map(String::from)));
        cut_short += usize::from(!lines.iter().any(|l| l == "done"));
        committed
            .extend(lines.iter().filter_map(|l| l.strip_prefix("committed ").map(String::from)));

        assert_eq!(integrity(&library), "ok", "round {round}");
        let mut lib = Library::open(&library).unwrap();
        assert!(lib.take_note().is_none(), "round {round}: not treated as damaged");
        drop(lib);
        let conn = rusqlite::Connection::open(&library).unwrap();
        let mut stmt = conn
            .prepare(
                "select count(*) from files f join documents d on d.file = f.id \
                 join fact_blobs b on b.document = d.id join bodies y on y.document = d.id \
                 where f.path = ?1",
            )
            .unwrap();
        for path in &committed {
            let n: i64 = stmt.query_row([path], |r| r.get(0)).unwrap();
            assert!(n >= 1, "round {round}: {path} was committed but is not whole");
        }
    }
    assert!(cut_short >= 3, "only {cut_short} of 6 imports were killed before the end");
    assert!(!committed.is_empty());
    // What was left is finished by a normal run, and nothing is there twice.
    let mut lib = Library::open(&library).unwrap();
    let synced = sync(&mut lib, corpus.path(), &Extractor::new());
    assert_eq!(synced.plan.counts().0 + synced.plan.counts().3, 600);
    drop(lib);
    assert_eq!(count(&library, "select count(*) from files"), 600);
    assert_eq!(count(&library, "select count(*) from documents"), 600);
}

#[test]
fn a_full_disk_during_an_import_is_an_error_to_show_not_a_crash() {
    let corpus = folder(200);
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.sqlite");
    // The child may write files of at most 256 KB: the library fills up.
    // SIGXFSZ is ignored, so a write past the limit fails with EFBIG.
    let exe = std::env::current_exe().unwrap();
    let mut inner = child("import", &[&library, corpus.path()]);
    let envs: Vec<(String, String)> = inner
        .get_envs()
        .filter_map(|(k, v)| Some((k.to_str()?.to_owned(), v?.to_str()?.to_owned())))
        .collect();
    let args: Vec<String> = inner.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg("trap '' XFSZ; ulimit -f 512; exec \"$0\" \"$@\"").arg(&exe).args(&args);
    cmd.envs(envs);
    inner = cmd;
    let out = inner.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("unavailable:"), "{stdout}");
    assert_eq!(integrity(&library), "ok");
    assert!(Library::open(&library).is_ok());
}

/// What `dossier --db-path` prints with its cache in `home` (it must succeed).
fn db_path(home: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db-path")
        .env("XDG_CACHE_HOME", home)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn db_path_prints_where_the_facts_table_is() {
    let home = tempfile::tempdir().unwrap();
    let printed = db_path(home.path());
    assert_eq!(
        printed.trim_end(),
        home.path().join("dossier/library.sqlite").display().to_string()
    );
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0, "printing creates nothing");
}

#[test]
fn db_path_builds_the_index_of_facts_the_reader_left_out() {
    let dir = folder(12);
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("dossier/library.sqlite");
    let mut lib = Library::open(&path).unwrap();
    sync(&mut lib, dir.path(), &Extractor::new());
    // As the reader leaves it after a large first import.
    lib.drop_facts_index().unwrap();
    drop(lib);
    let index = "select count(*) from sqlite_schema where name = 'facts_by_kind'";
    assert_eq!(count(&path, index), 0);
    assert_eq!(db_path(home.path()).trim_end(), path.display().to_string());
    assert_eq!(count(&path, index), 1);
    assert_eq!(integrity(&path), "ok");
}
