//! End-to-end: the real binary in a real terminal (tmux on a private
//! socket, no user configuration), driven by keys and read back as a
//! person sees it. Waits by polling the screen, never by fixed sleeps; the
//! tests hold one lock so they run one at a time.

mod common;

use std::process::Command;

use common::{ONE_AT_A_TIME, Term, dossier};

/// The shell after dossier is usable: canonical mode and echo back on,
/// alternate screen left, cursor shown, mouse reporting off.
fn assert_terminal_restored(t: &Term) {
    assert_eq!(t.display("#{alternate_on}"), "0", "still on the alternate screen");
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor hidden");
    assert_eq!(t.display("#{mouse_any_flag}"), "0", "mouse reporting still on");
    t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo :st''ty-done");
    let screen = t.wait_for(":stty-done");
    assert!(screen.contains("icanon echo :stty-done"), "terminal left in raw mode:\n{screen}");
}

#[test]
fn reading_the_bundled_articles() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("read", 120, 40);
    // Alone on its line, so that Ctrl-z stops only dossier.
    t.run(dossier());
    let titles = [
        "Alibaba Group Holding đã",
        "Alibaba Announces Exit",
        "Alibaba kehrt mit der",
        "Alibaba’s cloud",
    ];
    t.wait_until("the four titles", |s| {
        s.contains(" 1/4 · vi ") && titles.iter().all(|k| s.contains(k))
    });

    // Open the first article, then step through the others from the reader.
    t.keys(&["l"]);
    t.keys(&["n"]);
    let screen = t.wait_for(" 2/4 · en ");
    // The pane's title and the headline; its repeat below is collapsed.
    assert_eq!(screen.matches("Alibaba Announces Exit from Cloud Business").count(), 2, "{screen}");
    t.keys(&["n"]);
    let screen = t.wait_until("the German article", |s| {
        s.contains(" 3/4 · de ") && s.contains("Monate nach der")
    });
    assert!(!screen.contains("Lesen Sie auch"), "{screen}");
    t.keys(&["p"]);
    t.wait_for(" 2/4 · en ");

    // Help lists the keys; Esc closes it.
    t.keys(&["?"]);
    let wanted = [
        "Help — Esc or ? closes",
        "suspend to the shell",
        "next article",
        "show / hide page furniture",
    ];
    t.wait_until("every key in the help", |s| wanted.iter().all(|k| s.contains(k)));
    // Half a page down, the reader's keys.
    t.keys(&["C-d"]);
    t.wait_for("Ctrl-d");
    t.keys(&["Escape"]);
    t.wait_gone("Help — Esc or ? closes");

    // Ctrl-z gives the shell back; `fg` redraws.
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    t.run("fg");
    t.wait_until("the reader again", |s| s.contains(" 2/4 · en ") && !s.contains("Stopped"));

    t.keys(&["q"]);
    t.wait_gone(" 2/4 · en ");
    t.run("echo dossier-exit=$?");
    t.wait_for("dossier-exit=0");
    assert_terminal_restored(&t);
}

#[test]
fn resize_redraws_and_sigterm_restores() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("signal", 120, 40);
    // In the foreground from the start: started in the background and
    // brought back with `fg`, it could be stopped by SIGTTOU in between.
    t.run(dossier());
    t.wait_for("Articles 1/4");
    t.tmux(&["resize-window", "-x", "60", "-y", "20"]);
    let screen = t.wait_until("one pane at 60 columns", |s| {
        s.contains("Articles 1/4") && !s.contains("Facts")
    });
    assert!(screen.lines().all(|l| unicode_width(l) <= 60), "{screen}");
    t.tmux(&["resize-window", "-x", "10", "-y", "3"]);
    t.wait_for("terminal");
    t.tmux(&["resize-window", "-x", "120", "-y", "40"]);
    t.wait_for("Facts");
    let pid = t.display("#{pane_pid}");
    // Kill dossier (the shell's child), not the shell.
    let out = Command::new("pkill").args(["-TERM", "-P", &pid, "-x", "dossier"]).output().unwrap();
    assert!(out.status.success(), "pkill found no dossier");
    t.wait_gone("Articles 1/4");
    assert_terminal_restored(&t);
}

#[test]
fn escape_sequences_in_an_article_are_shown_not_run() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("escapes", 120, 40);
    let file = t.home.join("hostile.txt");
    std::fs::write(&file, "Hostile\n\nA title change \x1b]0;pwned\x07 and red \x1b[31mtext\x1b[0m and \u{202e}bidi.\n").unwrap();
    let title = t.display("#{pane_title}");
    t.run(&format!("{} {}; echo dossier-exit=$?", dossier(), file.display()));
    t.wait_until("the escapes as symbols", |s| s.contains("␛]0;pwned␇ and red ␛[31mtext␛[0m"));
    assert_eq!(t.display("#{pane_title}"), title, "the article changed the window title");
    let colours =
        String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-e"]).stdout).into_owned();
    assert!(!colours.contains("\x1b[31m"), "the article's colour reached the terminal");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}

#[test]
fn without_a_terminal_it_points_to_the_headless_commands() {
    let out = common::command().stdin(std::process::Stdio::null()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dossier render") && err.contains("dossier facts"), "{err}");
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn a_person_in_the_sidebar_jumps_and_filters() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // Where the German article's first person stands in its sidebar, and how
    // the text names them there.
    let app = dossier::render::app_for(dossier::corpus::Corpus::bundled(), (120, 40));
    let doc = &app.corpus.docs[2];
    let sidebar = app.records[2].sidebar(doc);
    let person = sidebar
        .entries
        .iter()
        .position(|e| e.kind == dossier::facts::Kind::Person)
        .expect("a person");
    let mention = app.records[2].spots()[sidebar.entries[person].mentions[0]].text(doc).to_string();

    let t = Term::start("facts", 120, 40);
    t.run(&format!("{}; echo dossier-exit=$?", dossier()));
    t.wait_for("Articles 1/4");
    t.keys(&["j", "j", "Tab", "Tab"]);
    t.wait_until("the German article's facts", |s| {
        s.contains(" 3/4 · de ") && s.contains("People (")
    });
    for _ in 0..person {
        t.keys(&["j"]);
    }
    t.wait_until("the person's line in the reader", |s| reader_column(s).contains(&mention));
    t.keys(&["e"]);
    t.wait_for("Esc clears");
    t.keys(&["Escape"]);
    t.wait_for("filter cleared");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}

/// The reading pane's columns of a 120-column screen.
fn reader_column(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.chars().skip(30).take(60).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first words of the reader's top row of text.
fn reader_top_words(screen: &str, width: usize, words: usize) -> String {
    let list = if width >= 120 { 30 } else { (width / 4).clamp(24, 40) };
    screen
        .lines()
        .skip(1)
        .map(|l| l.chars().skip(list + 2).take(width - list - 4).collect::<String>())
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || "│┃║█".contains(c)).to_string())
        .find(|l| l.split_whitespace().count() >= words + 2)
        .map(|l| l.split_whitespace().take(words).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

#[test]
fn the_place_is_kept_at_another_width() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("state", 120, 40);
    t.run(&format!("{}; echo dossier-exit=$?", dossier()));
    t.wait_for("Articles 1/4");
    t.keys(&["j", "j", "l", "C-d", "C-d", "C-d"]);
    t.wait_until("the German article scrolled", |s| {
        s.contains(" 3/4 · de ") && !s.contains("Monate nach der")
    });
    // All three half pages, not a screen drawn between two of them.
    let screen = t.settled();
    let words = reader_top_words(&screen, 120, 3);
    assert!(!words.is_empty(), "{screen}");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
    t.run("clear");
    t.tmux(&["resize-window", "-x", "90", "-y", "40"]);
    t.run(&format!("{}; echo dossier-exit=$?", dossier()));
    let screen = t.wait_until("the same place at 90 columns", |s| {
        s.contains(" 3/4 · de ") && s.contains(&words)
    });
    assert!(!screen.contains("Monate nach der"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}

/// Once the bundled articles are listed, moves to the reading pane and
/// gives the screen with its escape sequences.
fn reading_pane_with_escapes(t: &Term) -> String {
    t.wait_for("Articles 1/4");
    t.keys(&["l"]);
    t.wait_for(" 1/4 · vi ");
    String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-e"]).stdout).into_owned()
}

#[test]
fn no_color_draws_without_colour() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("mono", 120, 40);
    t.run(&format!("NO_COLOR=1 {} --no-state; echo dossier-exit=$?", dossier()));
    let screen = reading_pane_with_escapes(&t);
    let colour = regex_lite_colour(&screen);
    assert!(colour.is_none(), "a colour escape {colour:?} under NO_COLOR:\n{screen}");
    assert!(
        screen.contains("\x1b[7m") || screen.contains(";7m"),
        "selection and highlights still use reverse video"
    );
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}

#[test]
fn no_color_drops_the_configured_colours_too() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("mono-config", 120, 40);
    let config = t.home.join("config").join("dossier");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[theme]\nmoney = \"#ff8800\"\nkey = \"red on blue bold\"\n",
    )
    .unwrap();
    t.run(&format!("{} --no-color --no-state; echo dossier-exit=$?", dossier()));
    let screen = reading_pane_with_escapes(&t);
    let colour = regex_lite_colour(&screen);
    assert!(colour.is_none(), "a colour escape {colour:?} under --no-color:\n{screen}");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}

/// The first SGR parameter list that sets a colour (30–37, 38, 40–47, 48, 90–107).
fn regex_lite_colour(s: &str) -> Option<String> {
    s.split("\x1b[").skip(1).filter_map(|rest| rest.split_once('m').map(|(p, _)| p)).find_map(
        |params| {
            params
                .split(';')
                .filter_map(|p| p.parse::<u16>().ok())
                .any(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
                .then(|| params.to_string())
        },
    )
}

#[test]
fn searching_the_corpus_and_the_article() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("search", 120, 40);
    t.run(&format!("{} --no-state; echo dossier-exit=$?", dossier()));
    t.wait_for("Articles 1/4");
    t.keys(&["S"]);
    t.wait_for("search all:");
    t.tmux(&["send-keys", "-l", "\"trung quoc\""]);
    t.wait_until("the results", |s| {
        s.contains("match “\"trung quoc\"”") && s.contains("Trung Quốc")
    });
    t.keys(&["Enter"]);
    t.wait_until("the article at the hit", |s| {
        s.contains(" 1/4 · vi ") && s.contains("/\"trung quoc\" 1/2")
    });
    // The hit is drawn highlighted (black on a colour) where it stands.
    let coloured =
        String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-e"]).stdout).into_owned();
    assert!(
        coloured.lines().any(|l| l.contains("Trung Quốc") && l.contains("\x1b[")),
        "{coloured}"
    );
    // `/` in the article: typing `q` goes into the box, dossier keeps running.
    t.keys(&["/"]);
    t.wait_for(" /\"trung quoc\"▏");
    t.keys(&["C-u", "q"]);
    t.wait_for(" /q▏");
    t.keys(&["Escape", "Escape"]);
    t.wait_gone("▏");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}
