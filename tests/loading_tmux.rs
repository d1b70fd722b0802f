//! End-to-end in a real terminal (tmux on a private socket): a folder of a
//! few thousand articles opens at once and fills while the status line
//! counts files and megabytes, keys work meanwhile, Ctrl-C leaves cleanly;
//! `r` picks up a new and a changed file and keeps the article shown.

mod common;

use common::{ONE_AT_A_TIME, Term, dossier};

/// A short article in one of four languages, different for each `i`.
fn article(i: usize) -> String {
    let body = match i % 4 {
        0 => format!("Doanh thu của công ty số {i} tăng mạnh trong năm ngoái, theo báo cáo."),
        1 => format!("The company number {i} said its revenue grew strongly last year."),
        2 => format!("Das Unternehmen Nummer {i} sagte, der Umsatz sei stark gewachsen."),
        _ => format!("Het bedrijf nummer {i} zegt dat de omzet vorig jaar sterk is gegroeid."),
    };
    format!("Story {i:05}\n\n{body}\n\n{body}\n")
}

#[test]
fn a_large_folder_fills_the_list_while_it_loads() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("loading", 120, 40);
    let dir = t.home.join("pile");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..3000 {
        std::fs::write(dir.join(format!("a{i:05}.txt")), article(i)).unwrap();
    }
    t.run(&format!("{} {}", dossier(), dir.display()));
    // The first articles show while the rest still load.
    let screen = t.wait_until("the list filling and a progress line", |s| {
        s.contains("Story 00000")
            && (s.contains("/3,000 files") || s.contains("3000 article(s) loaded"))
    });
    assert!(screen.contains(" MB"), "{screen}");
    t.keys(&["j", "j"]);
    t.wait_for("Story 00002");
    t.wait_until("the selection on the third article", |s| s.contains(" 3/"));
    let screen = t.wait_for("3000 article(s) loaded");
    assert!(screen.contains("Articles 3/3000"), "{screen}");
    t.keys(&["G"]);
    t.wait_for("Story 02999");
    t.keys(&["C-c"]);
    t.wait_until("the reader gone", |s| !s.contains("Story 02999"));
}

#[test]
fn ctrl_c_while_loading_gives_the_terminal_back() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("loading-quit", 100, 30);
    let dir = t.home.join("pile");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..3000 {
        std::fs::write(dir.join(format!("a{i:05}.txt")), article(i)).unwrap();
    }
    t.run(&format!("{} {}; echo exit=$?", dossier(), dir.display()));
    t.wait_for("Story 00000");
    t.keys(&["C-c"]);
    let screen = t.wait_for("exit=0");
    assert!(!screen.contains("Story 00000"), "the alternate screen is gone:\n{screen}");
    assert_eq!(t.display("#{alternate_on}"), "0");
}

#[test]
fn r_reloads_new_and_changed_files_and_keeps_the_place() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("reload", 120, 40);
    let dir = t.home.join("pile");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..3 {
        std::fs::write(dir.join(format!("a{i}.txt")), article(i)).unwrap();
    }
    std::fs::write(dir.join("z_gone.txt"), article(9)).unwrap();
    t.run(&format!("{} {}", dossier(), dir.display()));
    t.wait_for("4 article(s) loaded");
    t.keys(&["j", "*"]);
    t.wait_for("starred");
    std::fs::write(dir.join("a0.txt"), "Story Rewritten\n\nA new text for the first story.\n")
        .unwrap();
    std::fs::write(dir.join("a05_new.txt"), "Story Added\n\nA story that came later.\n").unwrap();
    std::fs::remove_file(dir.join("z_gone.txt")).unwrap();
    t.keys(&["r"]);
    let screen = t.wait_for("reloaded: 1 new, 1 changed, 1 gone");
    assert!(screen.contains("Story Rewritten") && screen.contains("Story Added"), "{screen}");
    assert!(!screen.contains("Story 00009"), "{screen}");
    // Still on the second story (now third in the list), still starred.
    assert!(screen.contains(" 3/4 "), "{screen}");
    t.keys(&["'"]);
    let screen = t.wait_for("1 article(s) with starred");
    assert!(screen.contains("Story 00001"), "{screen}");
    t.keys(&["q"]);
    t.wait_until("the reader gone", |s| !s.contains("Story 00001"));
}

#[test]
fn a_slow_page_holds_back_no_other_article() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("loading-slow", 120, 40);
    let dir = t.home.join("pile");
    std::fs::create_dir_all(&dir).unwrap();
    // A real but large page (20 MB), first in path order, that takes
    // seconds to read and extract.
    let p = "<div class=c><p>Some words of a paragraph, long enough to be text.</p></div>";
    let page = format!("<html><body>{}</body></html>", p.repeat(250_000));
    std::fs::write(dir.join("a-big-page.html"), page).unwrap();
    for i in 0..100 {
        std::fs::write(dir.join(format!("b{i:05}.txt")), article(i)).unwrap();
    }
    t.run(&format!("{} {}", dossier(), dir.display()));
    // Every article but the page shows while the page is still being read.
    t.wait_until("the hundred articles listed before the page", |s| {
        s.contains("Articles 1/100") && s.contains("100/101 files") && s.contains("Story 00000")
    });
    t.wait_until_within("the load over", std::time::Duration::from_secs(30), |s| {
        s.contains("article(s) loaded")
    });
    t.keys(&["q"]);
}
