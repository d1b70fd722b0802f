//! A real terminal for end-to-end tests: tmux on a private socket with no
//! user configuration, a shell whose HOME and XDG directories are temporary,
//! keys sent and the screen read back. Waits poll the screen, never sleep a
//! fixed time.

#![allow(dead_code)] // each test binary uses its own part of it

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub mod hostile;
pub mod notation;
pub mod score;

/// Terminal tests in one binary take this lock, so they run one at a time.
pub static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// A tmux server of our own, with a shell in a 120×40 window.
pub struct Term {
    socket: PathBuf,
    pub home: PathBuf,
}

impl Term {
    pub fn start(name: &str, width: u16, height: u16) -> Term {
        let home = std::env::temp_dir().join(format!("dossier-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        for sub in ["config", "state", "data", "cache"] {
            std::fs::create_dir_all(home.join(sub)).unwrap();
        }
        let term = Term { socket: home.join("tmux.sock"), home };
        let env = |k: &str, v: &Path| format!("{k}={}", v.display());
        let out = term.tmux(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-e",
            &env("HOME", &term.home),
            "-e",
            &env("XDG_CONFIG_HOME", &term.home.join("config")),
            "-e",
            &env("XDG_STATE_HOME", &term.home.join("state")),
            "-e",
            &env("XDG_DATA_HOME", &term.home.join("data")),
            "-e",
            &env("XDG_CACHE_HOME", &term.home.join("cache")),
            // Else the shell writes its history into the home as the
            // server ends, after the home is removed.
            "-e",
            "HISTFILE=/dev/null",
            "bash --norc --noprofile",
        ]);
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        term.wait_until("a shell prompt", |s| !s.trim().is_empty());
        term
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-f")
            .arg("/dev/null")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is needed for the end-to-end tests (.ci/run installs it)")
    }

    /// Types a command line into the shell.
    pub fn run(&self, line: &str) {
        self.tmux(&["send-keys", "-l", line]);
        self.tmux(&["send-keys", "Enter"]);
    }

    /// Presses keys, in tmux's names (`q`, `Escape`, `C-d`).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
        }
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p"]).stdout).into_owned()
    }

    pub fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display-message", "-p", format]).stdout)
            .trim()
            .to_string()
    }

    /// The screen once it has stopped changing (the same on two looks in a
    /// row), for keys sent together that the reader may draw one by one.
    pub fn settled(&self) -> String {
        let mut last = self.screen();
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = self.screen();
            if now == last || start.elapsed() > TIMEOUT {
                return now;
            }
            last = now;
        }
    }

    /// Polls until the screen shows `text`; fails with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("no {text}"), |s| !s.contains(text))
    }

    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_until_within(what, TIMEOUT, ok)
    }

    /// [`Term::wait_until`] with its own time limit.
    pub fn wait_until_within(
        &self,
        what: &str,
        limit: Duration,
        ok: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < limit,
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

/// The binary under test.
pub fn dossier() -> &'static str {
    env!("CARGO_BIN_EXE_dossier")
}

/// `dossier` as a command whose home, configuration, cache and state are
/// this test binary's own (emptied when the binary starts), never the
/// person's running the tests.
pub fn command() -> Command {
    static HOME: std::sync::LazyLock<PathBuf> = std::sync::LazyLock::new(|| {
        let name = std::env::current_exe().ok().and_then(|p| Some(p.file_stem()?.to_owned()));
        let home = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("home-{}", name.unwrap_or_default().to_string_lossy()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).unwrap();
        home
    });
    command_in(&HOME)
}

/// `dossier` as a command with `home` as its home, and its configuration,
/// cache, state and data in folders of it.
pub fn command_in(home: &Path) -> Command {
    let mut cmd = Command::new(dossier());
    cmd.env("HOME", home);
    for (var, dir) in [
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
    ] {
        cmd.env(var, home.join(dir));
    }
    cmd
}
