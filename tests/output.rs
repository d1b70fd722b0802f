//! What the headless commands print, when nobody reads it to the end
//! (`| head -c 10`: a closed pipe ends dossier quietly, exit 0) and when
//! it cannot be written (a full disk: an error message and exit 2), for
//! every command that prints: never a panic.

mod common;

use std::os::unix::process::ExitStatusExt;
use std::process::{Output, Stdio};

/// Every command that writes to standard output, with the bundled articles.
const COMMANDS: &[&[&str]] = &[
    &["--print-config"],
    &["--db-path"],
    &["render"],
    &["render", "--size", "400x200", "--keys", "S c l o u d"],
    &["text"],
    &["facts"],
    &["facts", "--json"],
];

fn run_to(args: &[&str], stdout: Stdio) -> Output {
    common::command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn no_panic(args: &[&str], out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert_ne!(out.status.code(), Some(101), "{args:?}: {stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in COMMANDS {
        // The pipe's reading end is closed before dossier writes a byte,
        // as when `head` has read all it wanted.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = run_to(args, Stdio::from(writer));
        no_panic(args, &out);
        let quiet = out.status.success() || out.status.signal() == Some(libc::SIGPIPE);
        assert!(quiet, "{args:?}: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn a_full_disk_is_an_error_with_exit_2() {
    for args in COMMANDS {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = run_to(args, Stdio::from(full));
        no_panic(args, &out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot write the output"), "{args:?}: {stderr}");
        assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
    }
}
