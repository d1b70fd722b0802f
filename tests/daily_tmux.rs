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

/// Writes the configuration file the reader finds in the test's home.
fn configure(t: &Term, toml: &str) {
    let dir = t.home.join("config").join("dossier");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), toml).unwrap();
}

#[test]
fn hints_follow_the_key_map_and_ctrl_c_always_quits() {
    let _lock = lock();
    let t = Term::start("daily-keys", 120, 40);
    configure(
        &t,
        "[keys.anywhere]\nquit = [\"Q\"]\nhelp = \"F1\"\n[keys.overlay]\nescape = \"x\"\n",
    );
    t.run(&format!("{} --no-state; echo dossier-exit=$?", dossier()));
    let screen = t.wait_for("Articles 1/4");
    assert!(screen.contains(" Q quit") && screen.contains(" F1 help "), "{screen}");
    assert!(!screen.contains(" q quit") && !screen.contains(" ? help"), "{screen}");
    t.keys(&["F1"]);
    let screen = t.wait_for("Help — x or F1 closes");
    assert!(screen.contains("Ctrl-c"), "the help shows that Ctrl-c quits:\n{screen}");
    t.keys(&["x"]);
    t.wait_gone("Help —");
    // A text box's hints come from the map too.
    t.keys(&["/"]);
    let screen = t.wait_for("filter titles:");
    assert!(screen.contains("Enter keep") && screen.contains("Esc clear"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_gone("filter titles:");
    t.keys(&["q"]);
    let screen = t.settled();
    assert!(screen.contains("Articles 1/4"), "q no longer quits:\n{screen}");
    t.keys(&["C-c"]);
    t.wait_for("dossier-exit=0");

    // With no key left to quit, Ctrl-c still quits and the status line says so.
    configure(&t, "[keys.anywhere]\nquit = []\n");
    t.run("clear");
    t.run(&format!("{} --no-state; echo dossier-exit=$?", dossier()));
    let screen = t.wait_for("Articles 1/4");
    assert!(screen.contains("Ctrl-c quit"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_for("dossier-exit=0");
}

#[test]
fn a_dumb_terminal_is_told_to_use_a_capable_one() {
    let _lock = lock();
    let t = Term::start("daily-dumb", 120, 40);
    t.run(&format!("TERM=dumb {} --no-state; echo dossier-exit=$?", dossier()));
    let screen = t.wait_until("dossier's end", |s| {
        s.contains("dossier-exit=2") || s.contains("dossier-exit=0")
    });
    assert!(screen.contains("dossier-exit=2"), "{screen}");
    assert!(screen.contains("capable terminal"), "{screen}");
    assert_eq!(t.display("#{alternate_on}"), "0");
}

#[test]
fn configuration_errors_show_control_characters_and_name_the_key() {
    let dir = std::env::temp_dir().join(format!("dossier-daily-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |toml: &str| {
        let path = dir.join("config.toml");
        std::fs::write(&path, toml).unwrap();
        let out = common::command()
            .arg("--config")
            .arg(&path)
            .args(["render", "--size", "80x24"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        out.stderr
    };
    let err = run("[keys.list]\n'do\x1b[2Jwn\x07' = \"x\"\n");
    assert!(!err.iter().any(|b| b.is_ascii_control() && *b != b'\n'), "{err:?}");
    let err = run("[reader]\nfurniture = 3\n");
    let err = String::from_utf8_lossy(&err);
    assert!(err.contains(":2: reader.furniture: "), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_help_overlay_scrolls_with_the_reader_keys() {
    let _lock = lock();
    let t = Term::start("daily-help", 80, 24);
    t.run(&format!("{} --no-state", dossier()));
    t.wait_for(" 1/4 · vi ");
    t.keys(&["?"]);
    t.wait_for("suspend to the shell");
    let last = "Sidebar: ×N mentions";
    for (key, shows) in [
        ("G", last),
        ("Home", "suspend to the shell"),
        ("End", last),
        ("PgUp", "move the selection"),
        ("g", "suspend to the shell"),
        ("C-d", "mouse capture"),
        ("C-u", "suspend to the shell"),
        ("PgDn", "star / unstar"),
    ] {
        t.keys(&[key]);
        let screen = t.wait_until(&format!("{key} shows {shows:?}"), |s| s.contains(shows));
        // Descriptions wrap whole words inside the overlay at 80 columns.
        assert!(!screen.contains("the newest lis "), "{screen}");
    }
    // Up from the bottom moves at once (the scroll stops at the last row).
    t.keys(&["G"]);
    t.wait_for(last);
    let bottom = t.settled();
    t.keys(&["k"]);
    t.wait_until("a row up", |s| s != bottom);
    t.keys(&["q"]);
    t.wait_gone("Help —");
    t.keys(&["q"]);
    t.wait_gone(" 1/4 · vi ");
}

#[test]
fn text_prompts_edit_in_place_and_remember_queries() {
    let _lock = lock();
    let t = Term::start("daily-prompt", 120, 40);
    t.run(&format!("{} --no-state", dossier()));
    t.wait_for(" 1/4 · vi ");
    t.keys(&["n", "l", "/"]);
    t.wait_for("Enter keep");
    for c in ["c", "l", "o", "u", "d"] {
        t.keys(&[c]);
    }
    t.wait_for(" /cloud▏");
    t.keys(&["Left", "Left", "Left", "X"]);
    t.wait_for(" /clX▏oud");
    t.keys(&["Home", "q"]);
    t.wait_for(" /q▏clXoud");
    t.keys(&["C-e", "Space", "w", "o", "r", "d", "C-w"]);
    t.wait_for(" /qclXoud ▏");
    t.keys(&["C-a", "Delete", "End", "BSpace", "C-b", "Right", "BSpace"]);
    t.wait_for(" /clXou▏");
    t.keys(&["C-u", "c", "l", "o", "u", "d", "Enter"]);
    t.wait_gone("Enter keep");
    // The query comes back with ↑, and ↓ returns to what was typed.
    t.keys(&["/", "C-u", "b"]);
    t.wait_for(" /b▏");
    t.keys(&["Up"]);
    t.wait_for(" /cloud▏");
    t.keys(&["Down"]);
    t.wait_for(" /b▏");
    t.keys(&["Escape"]);
    t.wait_gone(" /b▏");
    t.keys(&["q"]);
    t.wait_gone(" 2/4 · en ");
}

/// Clicks the left button at a screen cell (0-based), as an SGR mouse report.
fn click(t: &Term, column: usize, row: usize) {
    let (x, y) = (column + 1, row + 1);
    t.tmux(&["send-keys", "-l", &format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m")]);
}

#[test]
fn a_click_on_a_fact_in_the_sidebar_selects_it_and_jumps_there() {
    let _lock = lock();
    let t = Term::start("daily-click", 120, 40);
    t.run(&format!("{} --no-state", dossier()));
    t.keys(&["l"]);
    let screen = t.wait_for("United States (Mỹ) ×5");
    let row = screen.lines().position(|l| l.contains("United States (Mỹ) ×5")).unwrap();
    // The sidebar is the rightmost quarter of a 120-column screen.
    click(&t, 100, row);
    t.keys(&["Enter"]);
    let screen = t.wait_for("mention 2/5");
    assert!(screen.contains("Mỹ"), "{screen}");
    // A click on another fact selects that one.
    let row = screen.lines().position(|l| l.contains("China (Trung Quốc) ×2")).unwrap();
    click(&t, 100, row);
    t.keys(&["Enter"]);
    t.wait_for("mention 2/2");
    t.keys(&["q"]);
    t.wait_gone("mention 2/2");
}

#[test]
fn cut_text_ends_in_an_ellipsis() {
    let _lock = lock();
    let t = Term::start("daily-cut", 80, 24);
    let long = format!("{}.json", "a-file-with-a-very-long-name-".repeat(6));
    let dir = folder(&t, &[("good.txt", "A good article\n\nIts body.\n"), (&long, "{ not json")]);
    t.run(&format!("{} --no-state {}", dossier(), dir.display()));
    let screen = t.wait_for("1 file(s) c…");
    let top = screen.lines().next().unwrap_or("");
    // The list's title is cut with a mark, never in the middle of a word without one.
    assert!(top.contains("Articles 1/1 · 1 unr…"), "{top}");
    t.keys(&["P"]);
    let screen = t.wait_for("Files not loaded");
    let row = screen.lines().find(|l| l.contains("a-file-with")).unwrap_or("");
    assert!(row.contains("…"), "a problem cut without a mark:\n{screen}");
    t.keys(&["q", "q"]);
    t.wait_gone("Articles 1/1");
}

#[test]
fn o_opens_web_addresses_in_the_browser_and_anything_else_as_the_articles_file() {
    let _lock = lock();
    let t = Term::start("daily-open", 120, 40);
    let records = r#"[{"title":"Local path","text":"Body one.","url":"/etc/hostname"},
        {"title":"Home path","text":"Body two.","url":"~/notes/secret.txt"},
        {"title":"Web page","text":"Body three.","url":"https://example.com/story"}]"#;
    let dir = folder(&t, &[("feed.json", records)]);
    let log = t.home.join("opened.log");
    let opener = t.home.join("opener.sh");
    std::fs::write(&opener, format!("#!/bin/sh\necho \"$0 $1\" >> {}\n", log.display())).unwrap();
    let ok = std::process::Command::new("chmod").arg("+x").arg(&opener).status().unwrap();
    assert!(ok.success());
    t.run(&format!(
        "PAGER={o} BROWSER={o} {} --no-state {}",
        dossier(),
        dir.display(),
        o = opener.display()
    ));
    t.wait_for("3 article(s) loaded");
    let file = dir.join("feed.json").display().to_string();
    let log_after = |n: usize| {
        let start = std::time::Instant::now();
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if text.lines().count() >= n || start.elapsed() > common::TIMEOUT {
                return text;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    t.keys(&["o"]);
    let text = log_after(1);
    assert!(text.lines().next().is_some_and(|l| l.ends_with(&format!(" {file}"))), "{text}");
    t.keys(&["j", "o"]);
    let text = log_after(2);
    assert!(text.lines().nth(1).is_some_and(|l| l.ends_with(&format!(" {file}"))), "{text}");
    t.keys(&["j", "o"]);
    let text = log_after(3);
    assert!(
        text.lines().nth(2).is_some_and(|l| l.ends_with(" https://example.com/story")),
        "{text}"
    );
    assert!(!text.contains("/etc/hostname") && !text.contains("secret"), "{text}");
    t.keys(&["q"]);
    t.wait_gone("Web page");
}

#[test]
fn newsboat_habits_mark_all_read_next_unread_reverse_and_filter_by_field() {
    let _lock = lock();
    let t = Term::start("daily-newsboat", 120, 40);
    let records = r#"[
        {"title":"Cloud sales fall","text":"Body a.","site":"Reuters","author":"Ann Lee","date":"2024-01-15"},
        {"title":"Cloud sales rise","text":"Body b.","site":"Caixin","author":"Bo Wang","date":"2023-12-30"},
        {"title":"Chips are scarce","text":"Body c.","site":"Reuters","author":"Cy Diaz","date":"2024-02-03"}]"#;
    let dir = folder(&t, &[("feed.json", records)]);
    t.run(&format!("{} --no-state {}", dossier(), dir.display()));
    t.wait_for("3 article(s) loaded");
    // Filter by fields in the `/` box.
    t.keys(&["/"]);
    t.tmux(&["send-keys", "-l", "site:reuters after:2024-01-01 before:2024-02"]);
    let screen = t.wait_for("Articles 1/1");
    assert!(
        screen.contains("Cloud sales fall") && !screen.contains("Chips are scarce"),
        "{screen}"
    );
    t.keys(&["Enter", "Escape"]);
    t.wait_for("Articles 1/3 · 3 unread");
    // R reverses the order; U goes to the next unread; A marks all read.
    t.keys(&["R"]);
    t.wait_for("reversed");
    t.keys(&["g", "m"]);
    t.wait_for("Articles 1/3 · 2 unread");
    t.keys(&["U"]);
    t.wait_for("Articles 2/3");
    t.keys(&["A"]);
    t.wait_for("2 article(s) marked read");
    t.wait_for("0 unread");
    t.keys(&["U"]);
    t.wait_for("no unread article");
    // q closes the facts view, then quits.
    t.keys(&["F"]);
    t.wait_for("Entities (");
    t.keys(&["q"]);
    t.wait_gone("Entities (");
    t.keys(&["q"]);
    t.wait_gone("Articles 2/3");
}
