//! End-to-end: what a person reading every day trips over — reloads under
//! the reader, colours, filters, hints drawn from the key map, prompts,
//! the help overlay, the mouse, cut text, newsboat's habits and what `o`
//! opens. The real binary in tmux on a private socket, one test at a time.

mod common;

use common::{ONE_AT_A_TIME, Term, dossier};

fn lock() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A folder under the test's home with these files.
fn folder(t: &Term, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = t.home.join("pile");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

const LONG: &str = "Second article\n\nThis body is long enough to wrap over several lines of \
the reading pane, and every word of it must stay on screen after a reload.\n\nA second \
paragraph ends the article with its closing words.\n";

#[test]
fn r_after_a_file_vanished_shows_the_whole_article() {
    let _lock = lock();
    let t = Term::start("daily-reload", 120, 40);
    let dir = folder(&t, &[("a1.txt", "Short one\n\nTiny body.\n"), ("a2.txt", LONG)]);
    t.run(&format!("{} --no-state {}", dossier(), dir.display()));
    t.wait_for("2 article(s) loaded");
    t.keys(&["l", "j", "k"]);
    t.keys(&["h", "j", "l", "h", "k", "j"]);
    t.wait_for(" 2/2 ");
    std::fs::remove_file(dir.join("a1.txt")).unwrap();
    t.keys(&["r"]);
    let screen = t.wait_for("reloaded");
    assert!(screen.contains("screen after a reload."), "{screen}");
    assert!(screen.contains("A second paragraph ends"), "{screen}");
    // The open file edited, and a file added, show their new text.
    std::fs::write(dir.join("a2.txt"), LONG.replace("A second paragraph", "An edited paragraph"))
        .unwrap();
    std::fs::write(dir.join("a0.txt"), "Newcomer\n\nA newly added article body.\n").unwrap();
    t.keys(&["r"]);
    let screen = t.wait_for("An edited paragraph ends");
    assert!(screen.contains("screen after a reload."), "{screen}");
    t.keys(&["g"]);
    t.wait_until("the new article's text", |s| s.contains("A newly added article body."));
    t.keys(&["q"]);
    t.wait_gone("Newcomer");
}

#[test]
fn a_filter_that_matches_nothing_shows_an_empty_list_that_says_so() {
    let _lock = lock();
    let t = Term::start("daily-empty-filter", 120, 40);
    t.run(&format!("{} --no-state", dossier()));
    t.wait_for("Articles 1/4");
    t.keys(&["/", "z", "z", "z", "z"]);
    let screen = t.wait_for("no article matches /zzzz");
    assert!(screen.contains("Articles 0/0 · /zzzz"), "{screen}");
    assert!(!screen.contains("Alibaba Announces Exit"), "another article is listed:\n{screen}");
    // Enter keeps the filter, and the list still says why it is empty.
    t.keys(&["Enter"]);
    let screen = t.wait_gone("filter titles:");
    assert!(screen.contains("Articles 0/0 · /zzzz"), "{screen}");
    assert!(screen.contains("no article matches /zzzz"), "{screen}");
    t.keys(&["Escape"]);
    let screen = t.wait_gone("/zzzz");
    assert!(screen.contains("/4 · 4 unread"), "{screen}");
    t.keys(&["q"]);
    t.wait_gone("4 unread");
}
