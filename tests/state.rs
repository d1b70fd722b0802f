//! The reading state on disk: a kill -9 in the middle of saving leaves the
//! old file or the new one, never a partial one.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use dossier::state::{ArticleState, State, write_atomically};

fn state(n: usize) -> State {
    let mut s = State { version: 1, ..State::default() };
    for i in 0..n {
        s.articles.insert(
            format!("{i:016x}"),
            ArticleState {
                path: format!("a{i}.txt"),
                read: i.is_multiple_of(2),
                ..Default::default()
            },
        );
    }
    s
}

/// In the child: save two different states, alternately, until killed.
#[test]
fn save_forever_child() {
    let Some(path) = std::env::var_os("DOSSIER_SAVE_FOREVER") else { return };
    let (small, large) = (state(10), state(20_000));
    loop {
        write_atomically(&PathBuf::from(&path), &large).unwrap();
        write_atomically(&PathBuf::from(&path), &small).unwrap();
    }
}

#[test]
fn kill_9_during_saves_leaves_a_whole_file() {
    let dir = std::env::temp_dir().join(format!("dossier-kill9-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("state.json");
    for round in 0..5 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "save_forever_child", "--nocapture"])
            .env("DOSSIER_SAVE_FOREVER", &path)
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while !path.exists() {
            assert!(start.elapsed() < Duration::from_secs(20), "the child never saved");
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(20 + 37 * round));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let text = std::fs::read_to_string(&path).expect("a state file exists");
        let saved: State = serde_json::from_str(&text).expect("the state file is whole");
        assert!(saved.articles.len() == 10 || saved.articles.len() == 20_000);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
