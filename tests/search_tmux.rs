//! The corpus search, end to end: its index is built and searched off
//! the UI thread, so keys stay live meanwhile and the status line says
//! that the index is being built.

mod common;

use std::fmt::Write as _;

use common::{ONE_AT_A_TIME, Term, dossier};

/// One long article of many different words (long to index), and a
/// short one.
fn write_folder(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    let mut body = String::new();
    let mut x: u64 = 7;
    for i in 0..1_500_000u64 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let _ = write!(body, "w{} ", (x >> 40) % 200_000);
        if i % 40 == 39 {
            body.push_str("end.\n\n");
        }
    }
    std::fs::write(dir.join("long.txt"), format!("A long article\n\n{body}")).unwrap();
    std::fs::write(dir.join("short.txt"), "A short one\n\nAbout a zebra crossing.\n").unwrap();
}

#[test]
fn keys_stay_live_while_the_search_index_is_built() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("search-worker", 120, 40);
    let folder = t.home.join("articles");
    write_folder(&folder);
    t.run(&format!("{} --no-state '{}'; echo dossier-exit=$?", dossier(), folder.display()));
    t.wait_for("Articles 1/2");
    t.keys(&["S"]);
    // The box opens at once and says the index is on its way; typed
    // words show in it while the index is built.
    t.wait_for("indexing");
    t.keys(&["z", "e", "b"]);
    t.wait_until("typing while indexing", |s| {
        s.contains("search all: zeb") && s.contains("indexing")
    });
    // Then the results come.
    t.wait_until_within("the results", std::time::Duration::from_secs(120), |s| {
        s.contains("1 article(s)") && !s.contains("indexing")
    });
    t.wait_for("zebra");
    // The index is kept: closed and opened again, it is not built anew.
    t.keys(&["Escape"]);
    t.wait_gone("search all:");
    t.keys(&["S", "w", "1", "2", "3"]);
    t.wait_until("results at once", |s| s.contains("search all: w123") && !s.contains("indexing"));
    t.keys(&["Escape"]);
    t.wait_gone("search all:");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}
