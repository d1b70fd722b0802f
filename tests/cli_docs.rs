//! Shell completions and the manual page come from the one clap
//! definition: each names every subcommand, and bash really completes one.

use std::process::{Command, Output};

mod common;

fn dossier(args: &[&str]) -> Output {
    common::command().args(args).output().unwrap()
}

const SUBCOMMANDS: [&str; 5] = ["facts", "text", "render", "completions", "man"];

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = dossier(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} script lacks {sub}");
        }
        assert!(script.contains("no-color"), "{shell}");
    }
    let out = dossier(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn bash_completes_a_subcommand_and_its_flags() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("dossier.bash");
    std::fs::write(&script, dossier(&["completions", "bash"]).stdout).unwrap();
    let complete = |words: &str| {
        let line = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _dossier dossier \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             echo \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out =
            Command::new("bash").args(["--norc", "--noprofile", "-c", &line]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("dossier fa").trim(), "facts");
    assert!(complete("dossier facts --j").contains("--json"));
}

#[test]
fn the_manual_page_holds_every_subcommand_and_option() {
    let out = dossier(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") && page.contains(".TH dossier 1"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!(".SS \"dossier {sub}\"")), "{sub}:\n{page}");
    }
    for flag in ["json", "size", "keys", "svg", "no\\-color", "print\\-config"] {
        assert!(page.contains(&format!("\\fB\\-\\-{flag}\\fR")), "{flag}:\n{page}");
    }
    assert_eq!(page.matches(".ie ").count(), 1, "one preamble");
}
