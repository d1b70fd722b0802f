//! Hostile articles, end to end: escape sequences, controls, bidi
//! overrides, floods, a 5 MB line, 100 000 empty lines, NUL bytes and
//! invalid UTF-8 in every format (and in file names). The reader shows
//! them as visible symbols and sends the terminal nothing but its own
//! styling; `text` prints no control character; `facts --json` prints
//! valid JSON lines.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::hostile::{self, FULL};
use common::{ONE_AT_A_TIME, Term, dossier};

/// How long the whole hostile folder may take to load before the test
/// calls it a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// A fresh folder of hostile articles; removed when dropped.
struct Folder {
    dir: PathBuf,
    articles: usize,
}

impl Folder {
    fn new(name: &str) -> Folder {
        let dir =
            std::env::temp_dir().join(format!("dossier-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let articles = hostile::write(&dir, FULL);
        Folder { dir, articles }
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(args: &[&str], dir: &Path) -> std::process::Output {
    common::command().args(args).arg(dir).output().unwrap()
}

fn forbidden_in(s: &str) -> Vec<(usize, char)> {
    s.char_indices().filter(|&(_, c)| hostile::forbidden(c)).take(10).collect()
}

#[test]
fn text_prints_no_control_characters() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let folder = Folder::new("text");
    let out = run(&["text"], &folder.dir);
    // The binary file is reported, so the status is 2.
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::str::from_utf8(&out.stdout).expect("text prints UTF-8");
    assert_eq!(forbidden_in(text), [], "control characters in `dossier text`");
    assert_eq!(text.matches("\n\u{c}\n").count() + 1, folder.articles);
    for shown in ["␛]0;pwned␇", "␛[31mRED", "␛]52;c;cHduZWQ=", "␛P+q544e", "␀"] {
        assert!(text.contains(shown), "{shown} not shown");
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(forbidden_in(&err), [], "control characters on stderr: {err}");
    assert!(err.contains("binary ␛]0;pwned␇"), "{err}");
}

#[test]
fn facts_json_lines_are_valid_json() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let folder = Folder::new("json");
    let out = run(&["facts", "--json"], &folder.dir);
    let stdout = std::str::from_utf8(&out.stdout).expect("facts --json prints UTF-8");
    let mut ids = Vec::new();
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", line.get(..200).unwrap_or(line)));
        ids.push(value["id"].as_str().expect("every line has an id").to_string());
    }
    assert_eq!(ids.len(), folder.articles, "{ids:?}");
    assert!(ids.iter().any(|id| id.contains("pwned")), "{ids:?}");

    let table = run(&["facts"], &folder.dir);
    let table = String::from_utf8_lossy(&table.stdout);
    assert_eq!(forbidden_in(&table), [], "control characters in the facts table");
}

/// Every escape sequence in a `capture-pane -e` screen that is not SGR
/// (`ESC [ … m`, the styling dossier draws with).
fn foreign_sequences(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = screen;
    while let Some(at) = rest.find('\u{1b}') {
        let after = rest.get(at + 1..).unwrap_or("");
        let params: String = after
            .strip_prefix('[')
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';' || *c == ':')
            .collect();
        let sgr = after.starts_with('[')
            && after.get(1 + params.len()..).is_some_and(|r| r.starts_with('m'));
        if !sgr {
            found.push(after.chars().take(12).collect());
        }
        rest = after;
    }
    found
}

fn colour_screen(t: &Term) -> String {
    String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-e"]).stdout).into_owned()
}

/// The screen holds no sequence but dossier's own styling, no control
/// character, and the pane's title and the clipboard are untouched.
fn assert_clean(t: &Term, title: &str, step: &str) {
    let screen = colour_screen(t);
    let foreign = foreign_sequences(&screen);
    assert!(foreign.is_empty(), "{step}: sequences reached the terminal: {foreign:?}\n{screen}");
    let without_esc = screen.replace('\u{1b}', "");
    assert_eq!(forbidden_in(&without_esc), [], "{step}: control characters on screen\n{screen}");
    assert_eq!(t.display("#{pane_title}"), title, "{step}: the pane title changed");
    let buffers = t.tmux(&["list-buffers"]);
    assert!(buffers.stdout.is_empty(), "{step}: something wrote the clipboard");
}

#[test]
fn the_reader_shows_hostile_articles_as_symbols() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let folder = Folder::new("reader");
    let t = Term::start("hostile", 120, 40);
    // Let an application write the clipboard and hyperlinks through tmux, so
    // that a leak would show.
    t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    t.tmux(&["select-pane", "-T", "before-dossier"]);
    let title = t.display("#{pane_title}");
    assert_eq!(title, "before-dossier");
    let started = Instant::now();
    t.run(&format!("{} '{}' 2>/dev/null; echo dossier-exit=$?", dossier(), folder.dir.display()));
    let total = format!("Articles 1/{}", folder.articles);
    // A hang guard, not a benchmark: a debug build loads the folder in
    // about two seconds of CPU time; the limit leaves room for a busy machine.
    t.wait_until_within("the hostile folder loaded", HANG_GUARD, |s| s.contains(&total));
    assert!(started.elapsed() < HANG_GUARD);
    assert_clean(&t, &title, "the list");

    let mut seen_symbols = String::new();
    for n in 0..folder.articles {
        let step = format!("article {}", n + 1);
        t.wait_for(&format!("Articles {}/{}", n + 1, folder.articles));
        assert_clean(&t, &title, &step);
        seen_symbols.push_str(&t.screen());
        // The reader, scrolled to the end, and the sidebar.
        t.keys(&["Tab", "G"]);
        t.wait_until(&format!("{step} in the reader"), |s| s.contains("┏") || s.contains("Reader"));
        assert_clean(&t, &title, &format!("{step}, reader"));
        t.keys(&["Tab", "j", "j"]);
        assert_clean(&t, &title, &format!("{step}, sidebar"));
        t.keys(&["BTab", "BTab"]);
        t.keys(&["j"]);
    }
    for shown in ["␛]0;pwned␇", "␛[31mRED", "�", "␀"] {
        assert!(seen_symbols.contains(shown), "{shown} never shown");
    }

    // Overlays and views: help, problems (a file name with escapes), the
    // facts view, the corpus search, the article search, the title filter.
    for (keys, shows) in [
        (&["?"][..], "Help"),
        (&["P"][..], "binary ␛]0;pwned␇"),
        (&["F"][..], "Entities"),
        (&["S", "p", "w", "n", "e", "d"][..], "search all: pwned"),
        (&["g", "Enter", "/", "p", "w", "n"][..], "/pwn"),
        (&["/", "R", "E", "D"][..], "filter titles: RED"),
    ] {
        t.keys(keys);
        t.wait_for(shows);
        assert_clean(&t, &title, &format!("after {keys:?}"));
        t.keys(&["Escape"]);
        t.keys(&["Escape"]);
        t.wait_gone(shows);
    }
    // Hostile characters typed (or pasted) into a search box.
    t.keys(&["S"]);
    t.tmux(&["send-keys", "-l", "\u{9b}31m \u{202e} \u{7f}"]);
    assert_clean(&t, &title, "hostile characters typed");
    // The search closed before `q`: an Esc that reaches the terminal in
    // one read with the next key is that key with Alt (a busy machine).
    t.keys(&["Escape"]);
    t.keys(&["Escape"]);
    t.wait_gone("search all:");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");

    // The check itself works: the same title sequence from the shell does
    // change the title.
    t.run("printf '\\033]2;changed-by-shell\\033\\\\'");
    t.wait_until_within("the shell's title", Duration::from_secs(5), |_| {
        t.display("#{pane_title}") == "changed-by-shell"
    });
}
