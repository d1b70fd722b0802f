//! The core (corpus, facts, text, wrap, report) stays headless: it never
//! imports the terminal crates, so `dossier facts`, benchmarks and core
//! tests run without a terminal.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_modules_do_not_import_ratatui_or_crossterm() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for core in ["corpus", "facts", "index"] {
        rust_files(&src.join(core), &mut files);
        files.push(src.join(format!("{core}.rs")));
    }
    for single in ["text.rs", "wrap.rs", "report.rs", "synth.rs"] {
        files.push(src.join(single));
    }
    assert!(files.len() > 8, "found only {files:?}");
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        for banned in ["ratatui::", "crossterm::", "use ratatui", "use crossterm", "extern crate"] {
            assert!(!code.contains(banned), "{} uses {banned}", file.display());
        }
    }
}
