//! The core stays headless: `dossier facts`, the benchmarks and the core
//! tests run without a terminal. Held on what the core really reaches, not
//! on a spelling: the modules the core (`corpus`, `facts`, `index`, and
//! `report`, which prints facts) imports, directly or through any other
//! module (read from the code by `graph`), must never name the terminal
//! crates, in any way a path can be written.

mod graph;

use std::collections::BTreeSet;

use graph::{code_only, files, folded, graph, names_crate, reach};

const CORE: &[&str] = &["corpus", "facts", "index", "report"];
const TERMINAL: &[&str] = &["ratatui", "crossterm"];

#[test]
fn the_core_and_all_it_reaches_never_name_the_terminal_crates() {
    let top = folded(&graph(), &[]);
    let mut headless: BTreeSet<&str> = CORE.iter().copied().collect();
    for core in CORE {
        headless.extend(reach(&top, core));
    }
    // What the core must reach for this test to mean anything.
    for needed in ["corpus", "facts", "text"] {
        assert!(headless.contains(needed), "{headless:?}");
    }
    let mut checked = 0;
    for (module, file) in files() {
        if !headless.contains(module[0].as_str()) {
            continue;
        }
        checked += 1;
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        for name in TERMINAL {
            assert!(
                !names_crate(&code, name),
                "{} (in the headless core) uses {name}",
                file.display()
            );
        }
    }
    assert!(checked > 30, "checked only {checked} files");
}

#[test]
fn every_way_of_naming_a_crate_is_seen() {
    for code in [
        "use ratatui::text::Line;",
        "let x = ::ratatui::style::Style::new();",
        "use crate::{a, b}; use ratatui as tui;",
        "extern crate ratatui;",
        "fn f() -> ratatui :: layout :: Rect { todo!() }",
    ] {
        assert!(names_crate(&code_only(code), "ratatui"), "{code}");
    }
    for code in ["// ratatui::text", "let s = \"ratatui::x\";", "let ratatui_like = 1;"] {
        assert!(!names_crate(&code_only(code), "ratatui"), "{code}");
    }
}
