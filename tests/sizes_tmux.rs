//! A storm of resizes in a real terminal: afterwards the screen is drawn
//! for the final size, status line and pane titles in place.

mod common;

use common::{ONE_AT_A_TIME, Term, dossier};
use unicode_width::UnicodeWidthStr;

#[test]
fn a_storm_of_resizes_ends_with_a_correct_screen() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("resize-storm", 120, 40);
    t.run(&format!("{}; echo dossier-exit=$?", dossier()));
    t.wait_for("Articles 1/4");
    t.keys(&["Enter"]);
    // One tmux command line of 150 resizes (dossier sees them as fast as
    // tmux can make them), then 40 more one by one, tiny sizes included.
    let mut batch: Vec<String> = Vec::new();
    for i in 0..150u32 {
        let (w, h) = (1 + (i * 37) % 240, 1 + (i * 11) % 70);
        if i > 0 {
            batch.push(";".into());
        }
        batch.extend(
            ["resize-window", "-x", &w.to_string(), "-y", &h.to_string()].map(String::from),
        );
    }
    let args: Vec<&str> = batch.iter().map(String::as_str).collect();
    t.tmux(&args);
    for i in 0..40u32 {
        let (w, h) = (1 + (i * 53) % 200, 1 + (i * 7) % 60);
        t.tmux(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);
    }
    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    let screen = t.wait_until("the screen at 100×30", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.len() == 30
            && lines[0].contains("Articles 1/4")
            && lines[29].starts_with(" 1/4 · vi ")
            && lines[29].trim_end().ends_with("q quit")
    });
    for line in screen.lines() {
        assert!(line.width() <= 100, "a line wider than the terminal:\n{screen}");
    }
    // The reader's frame and title are there, with its right edge on the
    // last column.
    let top = screen.lines().next().unwrap();
    assert!(top.contains("Alibaba Group Holding"), "{screen}");
    assert!(top.ends_with('┓') || top.ends_with('┐'), "{screen}");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}
