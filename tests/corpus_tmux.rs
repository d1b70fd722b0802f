//! End-to-end in a real terminal (tmux on a private socket): a folder of
//! good files, a binary file and a broken JSON file opens in the reader,
//! the status line counts the two problems, the Problems view names both,
//! and the good articles read fine.

mod common;

use common::{ONE_AT_A_TIME, Term, dossier};

#[test]
fn a_mixed_folder_shows_its_problems_and_reads_the_good_articles() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("corpus", 120, 40);
    let dir = t.home.join("mixed");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a_good.md"), "# Harbour Reopens\n\nThe harbour reopened on Monday.")
        .unwrap();
    std::fs::write(
        dir.join("b_feed.jsonl"),
        "{\"title\":\"Ferry Strike Ends\",\"body\":\"The ferry strike ended after talks.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("c_blob.bin"), [0u8, 1, 2, 3, 0, 0, 0, 0, 0xff, 0, 0, 7]).unwrap();
    std::fs::write(dir.join("d_broken.json"), "[\n{\"title\": \"x\",\n\"body\" oops}\n]").unwrap();
    t.run(&format!("{} {}", dossier(), dir.display()));
    let screen = t.wait_for("2 file(s) could not be loaded");
    assert!(screen.contains("Harbour Reopens"), "{screen}");
    assert!(screen.contains("Ferry Strike Ends"), "{screen}");
    t.keys(&["P"]);
    let screen = t.wait_for("c_blob.bin");
    assert!(screen.contains("skipped"), "{screen}");
    assert!(screen.contains("d_broken.json: invalid JSON at line 3"), "{screen}");
    t.keys(&["Escape", "l"]);
    t.wait_for("The harbour reopened on Monday.");
    t.keys(&["q"]);
    t.wait_until("the reader gone", |s| !s.contains("could not be loaded"));
}

#[test]
fn a_path_that_does_not_exist_is_an_error_naming_it() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("missing", 100, 20);
    t.run(&format!("{} no-such-folder; echo status=$?", dossier()));
    let screen = t.wait_until("the exit status", |s| s.lines().any(|l| l.starts_with("status=")));
    assert!(screen.contains("dossier: no-such-folder: cannot open"), "{screen}");
    assert!(screen.contains("status=2"), "{screen}");
    assert!(!screen.contains("Articles"), "{screen}");
}

#[test]
fn the_reader_shows_the_article_header_above_the_text() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("header", 120, 30);
    let dir = t.home.join("notes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("ferry.md"),
        "---\ntitle: Ferry Strike Ends\nauthor: Ann Berg\ndate: 2024-05-02\n\
         url: https://news.example/ferry\n---\n\nThe ferry strike ended after talks.\n",
    )
    .unwrap();
    t.run(&format!("{} {}", dossier(), dir.display()));
    let screen = t.wait_for("The ferry strike ended");
    let rows: Vec<&str> = screen.lines().collect();
    let row = |s: &str| rows.iter().position(|r| r.contains(s)).unwrap_or(usize::MAX);
    assert!(row("By    Ann Berg") < row("Date  2024-05-02"), "{screen}");
    assert!(row("Date  2024-05-02") < row("URL   https://news.example/ferry"), "{screen}");
    assert!(row("URL   https://news.example/ferry") < row("The ferry strike ended"), "{screen}");
    t.keys(&["q"]);
    t.wait_gone("Ferry Strike Ends");
}
