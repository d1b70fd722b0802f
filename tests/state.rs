//! The reading state on disk: a `kill -9` in the middle of saving leaves a
//! database that opens and holds every change whole — each batch of marks
//! is all there or not at all, never half.

use std::process::Command;
use std::time::Duration;

use dossier::store::{Marks, Update, What};

const ARTICLES: usize = 2_000;

/// Round `round` moves every article to paragraph `round`, in one batch.
fn round(round: usize) -> Vec<Update> {
    (0..ARTICLES)
        .map(|i| Update {
            key: format!("{i:016x}"),
            path: format!("a{i}.txt"),
            what: What::Place { paragraph: round, byte: i },
        })
        .collect()
}

/// In the child: save one batch after another until killed.
#[test]
fn save_forever_child() {
    let Some(path) = std::env::var_os("DOSSIER_SAVE_FOREVER") else { return };
    let mut marks = Marks::open(std::path::Path::new(&path)).unwrap();
    for n in 1.. {
        marks.apply(&round(n)).unwrap();
    }
}

#[test]
fn kill_9_during_saves_leaves_every_batch_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite");
    let mut last = 0;
    for attempt in 0..5_u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "save_forever_child", "--nocapture"])
            .env("DOSSIER_SAVE_FOREVER", &path)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300 + 97 * attempt));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let state = Marks::open(&path).expect("the database opens").load().unwrap();
        let places: std::collections::BTreeSet<usize> =
            state.articles.values().map(|a| a.paragraph).collect();
        assert!(
            state.articles.is_empty() || (state.articles.len() == ARTICLES && places.len() == 1),
            "attempt {attempt}: {} articles at places {places:?}",
            state.articles.len()
        );
        last = places.into_iter().next().unwrap_or(0);
    }
    assert!(last > 0, "no batch was ever committed");
}
