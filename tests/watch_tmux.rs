//! The watch list and the corrections, end to end: the real binary in
//! tmux with a configuration and a reading state in a temporary home; the
//! corrections made in the reader are then read by `dossier facts --json`
//! and by the reader again after a restart, a reload and a changed file.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{ONE_AT_A_TIME, Term, dossier};

const EN: &str = "Chip makers bet on China\n\n\
Daniel Zhang, the chief executive of Alibaba, said on Thursday that demand in China would grow. \
\"We expect the cloud business to grow faster than the market this year,\" Zhang said. \
Analysts at Daiwa in Tokyo agreed.\n\nZhang also met officials in Beijing.\n";

const DE: &str = "Chinas Wirtschaft wächst\n\n\
Die Wirtschaft Chinas ist im dritten Quartal um 5 Prozent gewachsen, teilte das Statistikamt \
in Peking mit. „Wir erwarten ein stärkeres Wachstum im nächsten Jahr\", sagte der Sprecher Li Wei.\n";

/// A folder of an English and a German article.
fn articles(home: &Path) -> std::path::PathBuf {
    let dir = home.join("articles");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("en.txt"), EN).unwrap();
    std::fs::write(dir.join("de.txt"), DE).unwrap();
    dir
}

fn write_config(home: &Path, text: &str) {
    let dir = home.join("config").join("dossier");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

/// `dossier facts --json` in the terminal's home: each article's facts
/// as `kind:text=value` (and `>speaker` for quotes).
fn facts(home: &Path, folder: &Path) -> String {
    let out = common::command_in(home).args(["facts", "--json"]).arg(folder).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut said = String::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        for f in doc["facts"].as_array().unwrap() {
            let value = f.get("value").map(ToString::to_string).unwrap_or_default();
            let speaker = f.get("speaker").map(|s| format!(">{s}")).unwrap_or_default();
            let _ = writeln!(said, "{}:{}:{}={value}{speaker}", doc["id"], f["kind"], f["text"]);
        }
    }
    said.replace('"', "")
}

#[test]
fn watched_names_are_flagged_and_listed_with_their_articles() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("watch-list", 140, 36);
    let folder = articles(&t.home);
    // A spelling (`Peking`) in the list, a canonical name in the file.
    write_config(&t.home, "[watch]\nnames = [\"Peking\"]\nfile = \"watch.txt\"\n");
    std::fs::write(t.home.join("config/dossier/watch.txt"), "# watched\nchina\nNobody Known\n")
        .unwrap();
    t.run(&format!("{} --no-state '{}'; echo dossier-exit=$?", dossier(), folder.display()));
    // Both articles name Beijing (one as Peking) and China (one as Chinas).
    t.wait_until("both articles flagged", |s| s.matches("◆ Peking, china").count() == 2);
    t.keys(&["W"]);
    t.wait_for("Watch list (3 name(s))");
    let screen = t.wait_for("◆ Nobody Known  named in no article");
    assert!(screen.contains("◆ Peking  2 article(s)"), "{screen}");
    assert!(screen.contains("◆ china  2 article(s)"), "{screen}");
    // Mentions counted per article: Peking once in each, China twice.
    for counted in ["1× de", "1× en", "2× de", "2× en"] {
        assert_eq!(screen.matches(counted).count(), 1, "{counted}: {screen}");
    }
    // The first article of Peking opens at its mention, marked in the sidebar.
    t.keys(&["Enter"]);
    t.wait_gone("Watch list");
    let screen = t.wait_for("◆ Beijing");
    assert!(screen.contains("◆ China"), "{screen}");
    assert!(!screen.contains("◆ Daniel Zhang"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}

#[test]
fn a_bad_watch_entry_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    for (config, said) in [
        ("[watch]\nnames = [\"China\", \"  \"]\n", "config.toml:2: watch.names: an empty name"),
        ("[watch]\n\nfile = \"missing.txt\"\n", "config.toml:3: watch.file: "),
        ("[watch]\nnames = \"China\"\n", "config.toml:2: watch.names: "),
    ] {
        let path = home.path().join("config.toml");
        std::fs::write(&path, config).unwrap();
        let out = common::command()
            .arg("--config")
            .arg(&path)
            .args(["render", "--size", "80x20"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{config}: {err}");
        assert!(err.contains(said), "{config}: {err}");
    }
}

#[test]
fn corrections_made_in_the_reader_last() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("corrections", 140, 36);
    let folder = articles(&t.home);
    let before = facts(&t.home, &folder);
    assert!(before.contains("en:place:Tokyo=Tokyo"), "{before}");
    assert!(before.contains("de:person:Li Wei=Li Wei"), "{before}");
    let reader = format!("{} '{}'; echo dossier-exit=$?", dossier(), folder.display());
    t.run(&reader);
    t.wait_for("Articles 1/2");
    // de.txt comes first: to its sidebar, Li Wei merged into Wei Li.
    t.keys(&["Tab", "Tab"]);
    t.wait_for("Li Wei");
    t.keys(&["G"]);
    select(&t, "Li Wei");
    t.keys(&["m"]);
    t.wait_for("merge Li Wei into:");
    t.run("Wei Li");
    t.wait_for("┃  Wei Li (Li Wei)");
    // en.txt: Tokyo dropped.
    t.keys(&["Tab", "j", "Tab", "Tab"]);
    t.wait_for("┃  Tokyo");
    t.keys(&["G"]);
    select(&t, "Tokyo");
    t.keys(&["D"]);
    t.wait_for("dropped (1 mention(s))");
    t.wait_gone("┃  Tokyo");
    // A reload keeps them.
    t.keys(&["r"]);
    t.wait_for("reloaded");
    let screen = t.settled();
    assert!(!screen.contains("┃  Tokyo") && screen.contains("┃  Daiwa"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
    // The headless facts see them, from the reading state.
    let after = facts(&t.home, &folder);
    assert!(!after.contains("Tokyo"), "{after}");
    assert!(after.contains("de:person:Li Wei=Wei Li"), "{after}");
    assert!(after.contains(">Wei Li"), "the quote's speaker follows the merge: {after}");
    // A file changed after the fact keeps its correction; a restart too.
    std::fs::write(folder.join("en.txt"), format!("{EN}\nA new paragraph at the end.\n")).unwrap();
    assert!(!facts(&t.home, &folder).contains("Tokyo"));
    t.run("clear");
    t.run(&reader);
    t.wait_for("Articles");
    t.keys(&["g", "j"]);
    let screen = t.wait_until("Daiwa in the sidebar", |s| in_sidebar(s, "Daiwa"));
    assert!(!in_sidebar(&screen, "Tokyo"), "{screen}");
    // The list of corrections takes the drop back: Tokyo is extracted again.
    t.keys(&["C"]);
    t.wait_for("Corrections (2)");
    t.keys(&["G", "D"]);
    t.wait_for("Corrections (1)");
    t.keys(&["Escape"]);
    t.wait_until("Tokyo back in the sidebar", |s| in_sidebar(s, "Tokyo"));
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
    assert!(facts(&t.home, &folder).contains("en:place:Tokyo=Tokyo"));
}

/// Whether the sidebar (focused or not) has an entry `label`.
fn in_sidebar(screen: &str, label: &str) -> bool {
    screen.contains(&format!("┃  {label}")) || screen.contains(&format!("│  {label}"))
}

/// Moves the sidebar's selection up until it is on `label`: the key that
/// copies the selected fact says which it is.
fn select(t: &Term, label: &str) {
    let copied = format!("copied: {label}");
    for _ in 0..20 {
        t.keys(&["y"]);
        let screen = t.settled();
        if screen
            .lines()
            .any(|l| l.trim_end().ends_with(&copied) || l.contains(&format!("{copied} ")))
        {
            return;
        }
        t.keys(&["k"]);
    }
    panic!("{label} never selected:\n{}", t.screen());
}
