//! Every signal that ends the reader (SIGTERM, SIGHUP, SIGINT, SIGQUIT,
//! SIGUSR1, SIGUSR2), end to end: sent to the reader while it shows an
//! article, and while it loads a large folder; SIGTSTP from another
//! process, which suspends it like Ctrl-z. Afterwards the
//! shell in the same terminal works as before (canonical mode, echo, the
//! main screen, the cursor, no mouse reporting), and a signal while
//! reading leaves the reading state written (in the state database).

mod synth;

mod common;

use std::path::Path;
use std::process::Command;

use common::{ONE_AT_A_TIME, Term, dossier};

const SIGNALS: [&str; 6] = ["TERM", "HUP", "INT", "QUIT", "USR1", "USR2"];

/// The shell after dossier is usable: main screen, cursor shown, mouse
/// reporting off, canonical mode and echo on, and a command runs.
fn assert_shell_works(t: &Term, after: &str) {
    assert_eq!(t.display("#{alternate_on}"), "0", "{after}: still on the alternate screen");
    assert_eq!(t.display("#{cursor_flag}"), "1", "{after}: cursor hidden");
    assert_eq!(t.display("#{mouse_any_flag}"), "0", "{after}: mouse reporting still on");
    t.tmux(&["send-keys", "C-l"]);
    t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo :st''ty-done");
    let screen = t.wait_for(":stty-done");
    assert!(screen.contains("icanon echo :stty-done"), "{after}: raw mode left on:\n{screen}");
    t.run("echo ok-$((1+1))");
    t.wait_until(&format!("{after}: the shell answers"), |s| s.lines().any(|l| l == "ok-2"));
}

/// Sends `signal` to the dossier running in the pane's shell (not to the shell).
fn signal_dossier(t: &Term, signal: &str) {
    let shell = t.display("#{pane_pid}");
    let out = Command::new("pkill")
        .args([&format!("-{signal}"), "-P", &shell, "-x", "dossier"])
        .output()
        .unwrap();
    assert!(out.status.success(), "pkill found no dossier to send SIG{signal}");
}

fn dossier_running(t: &Term) -> bool {
    let shell = t.display("#{pane_pid}");
    Command::new("pgrep")
        .args(["-P", &shell, "-x", "dossier"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn state_file(t: &Term) -> std::path::PathBuf {
    t.home.join("state").join("dossier").join("state.sqlite")
}

#[test]
fn a_signal_while_reading_restores_the_terminal_and_saves_the_place() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("signals-reading", 120, 40);
    for signal in SIGNALS {
        let _ = std::fs::remove_file(state_file(&t));
        t.run(&format!("clear; {}; echo dossier-exit-{signal}=$?", dossier()));
        t.wait_for("Articles 1/4");
        // Open the second article and star it: state worth saving.
        t.keys(&["j", "Enter", "*"]);
        // Every key taken (the star shows), not only the first.
        t.wait_until("the second article open and starred", |s| {
            s.contains(" 2/4 · en") && s.contains('★')
        });
        signal_dossier(&t, signal);
        t.wait_for(&format!("dossier-exit-{signal}="));
        assert_shell_works(&t, &format!("SIG{signal} while reading"));
        let conn = rusqlite::Connection::open(state_file(&t))
            .unwrap_or_else(|e| panic!("SIG{signal}: no reading state written: {e}"));
        let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        let last = one("select count(*) from meta where key = 'last'");
        assert_eq!(last, 1, "SIG{signal}: the article open last not saved");
        let starred = one("select count(*) from marks where starred = 1");
        assert_eq!(starred, 1, "SIG{signal}: the star not saved");
    }
}

/// A few thousand articles, one file each.
fn write_folder(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for doc in synth::corpus(n) {
        let text = format!("{}\n\n{}\n", doc.title, doc.body);
        std::fs::write(dir.join(format!("{}.txt", doc.key)), text).unwrap();
    }
}

#[test]
fn a_signal_while_loading_restores_the_terminal() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("signals-loading", 120, 40);
    let folder = t.home.join("many");
    write_folder(&folder, 3000);
    for signal in SIGNALS {
        t.run(&format!("clear; {} {}", dossier(), folder.display()));
        // At once, while the folder loads (whether the reader loads before
        // taking the terminal or shows it filling).
        t.wait_until("dossier to start", |_| dossier_running(&t));
        signal_dossier(&t, signal);
        // No `; echo $?` after it: a child that dies of SIGINT makes bash
        // drop the rest of the line, as after Ctrl-c.
        t.wait_until("dossier to end", |_| !dossier_running(&t));
        assert_shell_works(&t, &format!("SIG{signal} while loading"));
    }
}

/// A terminal that goes away (its tmux server killed, as when a window is
/// closed) takes the reader with it: crossterm's input reading would spin
/// on the hung-up terminal for ever, and a watchdog ends the process.
#[test]
fn the_reader_ends_when_its_terminal_goes_away() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("gone", 100, 30);
    t.run(&format!("exec {} --no-state", dossier()));
    t.wait_for("Articles 1/4");
    let pid = t.display("#{pane_pid}");
    assert!(Path::new(&format!("/proc/{pid}")).exists());
    t.tmux(&["kill-server"]);
    let start = std::time::Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.split(' ').nth(2) == Some("Z") {
            break; // ended; only its parent has not looked yet
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(15),
            "dossier (pid {pid}) still runs after its terminal went away"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// SIGTSTP sent by another process (not Ctrl-z typed): the reader gives
/// the terminal back before it stops, takes it again on `fg`, and quits
/// cleanly after; the shell works at each step.
#[test]
fn sigtstp_from_outside_suspends_like_ctrl_z() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("tstp", 120, 40);
    // Alone on its line, so that the stop stops only dossier.
    t.run(&format!("clear; {} --no-state", dossier()));
    t.wait_for("Articles 1/4");
    for round in 0..2 {
        signal_dossier(&t, "TSTP");
        t.wait_for("Stopped");
        assert_shell_works(&t, &format!("SIGTSTP, round {round}"));
        t.run("fg");
        t.wait_until("the reader again", |s| s.contains("Articles 1/4") && !s.contains("Stopped"));
        assert_eq!(t.display("#{alternate_on}"), "1", "not back on the alternate screen");
        assert_eq!(t.display("#{mouse_any_flag}"), "1", "mouse capture not taken again");
        // Keys reach the reader again.
        t.keys(&["j"]);
        t.wait_until("the second article selected", |s| s.contains("Articles 2/4"));
        t.keys(&["k"]);
        t.wait_for("Articles 1/4");
    }
    t.keys(&["q"]);
    t.wait_gone("Articles 1/4");
    t.run("echo dossier-exit=$?");
    t.wait_for("dossier-exit=0");
    assert_shell_works(&t, "quit after SIGTSTP and fg");
}

/// A reader with no controlling terminal (started under `setsid`, its
/// terminal alive on standard input and output) is not taken for one whose
/// terminal has gone: it keeps running and answers keys.
#[test]
fn a_reader_without_a_controlling_terminal_keeps_running() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("setsid", 120, 40);
    t.run(&format!("clear; setsid -w {} --no-state; echo dossier-exit=$?", dossier()));
    t.wait_for("Articles 1/4");
    // Longer than the watchdog would give a stopped loop.
    for _ in 0..3 {
        std::thread::sleep(std::time::Duration::from_millis(1200));
        t.keys(&["j"]);
        t.wait_until("the second article selected", |s| s.contains("Articles 2/4"));
        t.keys(&["k"]);
        t.wait_for("Articles 1/4");
    }
    assert!(!t.screen().contains("dossier-exit="), "the reader ended:\n{}", t.screen());
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
    assert_shell_works(&t, "quit under setsid");
}
