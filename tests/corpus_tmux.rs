//! End-to-end in a real terminal (tmux on a private socket): a folder of
//! good files, a binary file and a broken JSON file opens in the reader,
//! the status line counts the two problems, the Problems view names both,
//! and the good articles read fine.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(15);

struct Term {
    socket: PathBuf,
    home: PathBuf,
}

impl Term {
    fn start(width: u16, height: u16) -> Term {
        let home = std::env::temp_dir().join(format!("dossier-corpus-e2e-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).unwrap();
        let term = Term { socket: home.join("tmux.sock"), home };
        let (w, h) = (width.to_string(), height.to_string());
        let home_env = format!("HOME={}", term.home.display());
        let out = term.tmux(&[
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-e",
            &home_env,
            "bash --norc --noprofile",
        ]);
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        term.wait_until("a shell prompt", |s| !s.trim().is_empty());
        term
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-f")
            .arg("/dev/null")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is needed for the end-to-end tests")
    }

    fn run(&self, line: &str) {
        self.tmux(&["send-keys", "-l", line]);
        self.tmux(&["send-keys", "Enter"]);
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p"]).stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

#[test]
fn a_mixed_folder_shows_its_problems_and_reads_the_good_articles() {
    let t = Term::start(120, 40);
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
    t.run(&format!("{} {}", env!("CARGO_BIN_EXE_dossier"), dir.display()));
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
