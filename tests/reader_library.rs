//! The reader on the library, end to end in tmux: a folder opened again
//! comes back from the library with its facts at once (no extraction); a
//! changed and a removed file are said on the status line while the rest
//! comes from the library; the article on screen when the person left is
//! the one shown on the next start; marks made by two readers at once
//! both survive.

#[path = "synth/mod.rs"]
mod synth;

mod common;

use std::path::Path;

use common::{ONE_AT_A_TIME, Term, dossier};

/// The four bundled articles as files in a folder of their own.
fn seeds_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Starts dossier on `dir` and waits until everything is ready and the
/// files checked (no loading, extracting, indexing or checking on the
/// status line); returns every screen seen meanwhile.
fn open_until_ready(t: &Term, dir: &Path, count: usize) -> Vec<String> {
    t.run(&format!("{} {}; echo dossier-exit=$?", dossier(), dir.display()));
    let mut seen = Vec::new();
    let seen_cell = std::cell::RefCell::new(&mut seen);
    t.wait_until("everything ready", |s| {
        seen_cell.borrow_mut().push(s.to_string());
        s.contains(&format!("/{count} · "))
            && !["loading", "extracting", "indexing", "checking"].iter().any(|w| s.contains(w))
    });
    seen
}

fn quit(t: &Term) {
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
    t.run("clear");
    t.wait_gone("dossier-exit=0");
}

#[test]
fn a_folder_opened_again_comes_from_the_library_and_changes_are_said() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = tempfile::tempdir().unwrap();
    synth::write_folder(dir.path(), 80, 5, synth::Files::Text).unwrap();
    let t = Term::start("library-again", 220, 30);
    let first = open_until_ready(&t, dir.path(), 80);
    let first = first.last().unwrap();
    assert!(first.contains("80 article(s) loaded") && !first.contains("library"), "{first}");
    quit(&t);

    let again = open_until_ready(&t, dir.path(), 80);
    let last = again.last().unwrap();
    assert!(last.contains("80 file(s) from the library, 0 loaded"), "{last}");
    for screen in &again {
        assert!(!screen.contains("extracting"), "facts were extracted again:\n{screen}");
    }
    // The sidebar has the facts of the article shown.
    assert!(!last.contains("extracting facts…"), "{last}");
    quit(&t);

    let mut files: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    std::fs::write(&files[3], "Changed today\n\nShares of Globex fell 7% in Frankfurt.\n").unwrap();
    std::fs::remove_file(&files[5]).unwrap();
    let changed = open_until_ready(&t, dir.path(), 79);
    // The library's view first (the 80 stored), then what the walk found.
    assert!(changed.iter().any(|s| s.contains("1/80 · ")), "{changed:?}");
    let last = changed.last().unwrap();
    assert!(last.contains("reloaded: 0 new, 1 changed, 1 gone"), "{last}");
    assert!(last.contains("78 file(s) from the library, 1 loaded"), "{last}");
    // r goes through the library too: only the file changed since is new.
    std::fs::write(&files[7], "Changed again\n\nInitech hired 40 people in Ohio.\n").unwrap();
    t.keys(&["r"]);
    t.wait_for("reloaded: 0 new, 1 changed, 0 gone");
    quit(&t);

    // A file new since is added after what the library holds, nothing
    // loaded again.
    std::fs::write(dir.path().join("zz-new.txt"), "New today\n\nUmbrella sold 12% more.\n")
        .unwrap();
    let added = open_until_ready(&t, dir.path(), 80);
    assert!(added.iter().any(|s| s.contains("1/79 · ")), "{added:?}");
    let last = added.last().unwrap();
    assert!(
        last.contains("79 file(s) from the library, 1 loaded") && !last.contains("reloaded"),
        "{last}"
    );
    quit(&t);
}

#[test]
fn the_article_on_screen_is_the_one_that_comes_back() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = seeds_folder();
    let t = Term::start("library-last", 160, 40);
    open_until_ready(&t, dir.path(), 4);
    // In the list, n n brings the German article into the reading pane
    // (not opened with Enter).
    t.keys(&["n", "n"]);
    t.wait_for(" 3/4 · de ");
    quit(&t);
    let screens = open_until_ready(&t, dir.path(), 4);
    let last = screens.last().unwrap();
    assert!(last.contains(" 3/4 · de "), "{last}");
    // Moved on again (with j in the list), then quit: that one comes back.
    t.keys(&["j"]);
    t.wait_for(" 4/4 · nl ");
    quit(&t);
    let screens = open_until_ready(&t, dir.path(), 4);
    assert!(screens.last().unwrap().contains(" 4/4 · nl "), "{}", screens.last().unwrap());
    quit(&t);
}

#[test]
fn marks_of_two_readers_at_once_both_survive() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = seeds_folder();
    let a = Term::start("library-two-a", 160, 40);
    // The second terminal shares the first one's home (state and cache).
    let b = Term::start("library-two-b", 160, 40);
    b.run(&format!(
        "export HOME={h} XDG_STATE_HOME={h}/state XDG_CACHE_HOME={h}/cache XDG_CONFIG_HOME={h}/config",
        h = a.home.display()
    ));
    open_until_ready(&a, dir.path(), 4);
    open_until_ready(&b, dir.path(), 4);
    // a stars the first article, b the second; a quits first, then b.
    a.keys(&["*"]);
    b.keys(&["j", "*"]);
    b.wait_for(" 2/4 · en ");
    std::thread::sleep(std::time::Duration::from_millis(300));
    quit(&a);
    quit(&b);
    let screens = open_until_ready(&a, dir.path(), 4);
    let last = screens.last().unwrap();
    assert_eq!(last.matches('★').count(), 2, "both stars kept:\n{last}");
    quit(&a);
}

#[test]
fn state_json_is_imported_once_with_its_marks_and_last_article() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = seeds_folder();
    let t = Term::start("library-import", 160, 40);
    // A state.json of an earlier dossier: the third article starred and
    // open last, the first read.
    let corpus = dossier::corpus::Corpus::load(&[dir.path().to_path_buf()]);
    let key = |i: usize| dossier::state::content_hash(&corpus.docs[i]);
    let json = serde_json::json!({
        "version": 1,
        "last": key(2),
        "articles": {
            key(2): { "path": corpus.docs[2].path, "starred": true },
            key(0): { "path": corpus.docs[0].path, "read": true },
        }
    });
    let state_dir = t.home.join("state/dossier");
    std::fs::create_dir_all(&state_dir).unwrap();
    std::fs::write(state_dir.join("state.json"), json.to_string()).unwrap();
    let screens = open_until_ready(&t, dir.path(), 4);
    let last = screens.last().unwrap();
    assert!(last.contains(" 3/4 · de "), "{last}");
    assert_eq!(last.matches('★').count(), 1, "{last}");
    quit(&t);
    assert!(!state_dir.join("state.json").exists());
    assert!(state_dir.join("state.json.imported").exists());
    // Imported once: the marks now live in the database alone.
    let screens = open_until_ready(&t, dir.path(), 4);
    let last = screens.last().unwrap();
    assert!(last.contains(" 3/4 · de ") && last.matches('★').count() == 1, "{last}");
    quit(&t);
}

/// The blobs the library holds of a name (the saved indexes).
fn saved(home: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open(home.join("cache/dossier/library.sqlite")).unwrap();
    conn.query_row("select count(*) from blobs where name = ?1", [name], |r| r.get(0)).unwrap()
}

#[test]
fn a_folder_opened_again_is_searched_and_read_from_the_library() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = seeds_folder();
    let t = Term::start("library-search", 160, 40);
    open_until_ready(&t, dir.path(), 4);
    quit(&t);
    // The first start saved both indexes once built.
    assert_eq!((saved(&t.home, "search-header"), saved(&t.home, "entities-header")), (1, 1));

    open_until_ready(&t, dir.path(), 4);
    // A word of one article's body only, searched across the corpus: the
    // hit is shown in its sentence, and opens the article at it.
    t.keys(&["S"]);
    for c in "umstrukturierung".chars() {
        t.keys(&[&c.to_string()]);
    }
    let results = t.wait_for("1 article(s)");
    assert!(results.contains("Umstrukturierung"), "{results}");
    t.keys(&["Enter"]);
    let shown = t.wait_for(" 3/4 · de ");
    assert!(shown.contains("Umstrukturierung"), "{shown}");
    t.keys(&["Escape"]);
    t.wait_gone("/umstrukturierung");
    quit(&t);
}
