//! The layers, held by a test: the module import graph of `src/`, read
//! from the code itself (every `crate::…`, `super::…` and `self::…` path,
//! in `use` lines and inline, test modules included), has no cycle between
//! the top-level modules, and none of the imports the architecture rules
//! out, directly or through any other module:
//!
//! - the core (`corpus`, `facts`, `index`) never reaches `app`, `ui`,
//!   `tui`, `render` or `config`, and `corpus` never reaches `facts`;
//! - neither `corpus` nor `facts` reaches the `store` or the `pipeline`
//!   above them; the `store` never reaches the `pipeline` nor anything
//!   of the screen, and the `pipeline` nothing of the screen;
//! - `config` never reaches `app`, `ui` or `tui`;
//! - `app` never reaches `ui`, `tui` or `render`;
//! - `ui` never reaches `tui`.

mod graph;

use std::collections::BTreeSet;

use graph::{Module, code_only, cycle, folded, graph, paths, reach, resolve};

/// Top-level modules and the ones they must never reach.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("corpus", &["app", "ui", "tui", "render", "config", "facts", "store", "pipeline"]),
    ("facts", &["app", "ui", "tui", "render", "config", "store", "pipeline"]),
    ("store", &["app", "ui", "tui", "render", "config", "pipeline"]),
    ("pipeline", &["app", "ui", "tui", "render", "config"]),
    ("index", &["app", "ui", "tui", "render", "config"]),
    ("config", &["app", "ui", "tui"]),
    ("app", &["ui", "tui", "render"]),
    ("ui", &["tui"]),
];

#[test]
fn the_top_level_modules_have_no_cycle() {
    let top = folded(&graph(), &[]);
    assert!(top.contains_key("app") && top.contains_key("facts"), "{top:?}");
    assert!(top.contains_key("store") && top.contains_key("pipeline"), "{top:?}");
    if let Some(c) = cycle(&top) {
        panic!("import cycle: {}", c.join(" → "));
    }
}

#[test]
fn no_layer_reaches_what_it_must_not() {
    let top = folded(&graph(), &[]);
    let mut broken = Vec::new();
    for (module, banned) in FORBIDDEN {
        let reached = reach(&top, module);
        for b in *banned {
            if reached.contains(b) {
                broken.push(format!("{module} reaches {b}"));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The fact finders import one another only one way.
#[test]
fn the_fact_modules_have_no_cycle() {
    let facts = folded(&graph(), &["facts"]);
    assert!(facts.contains_key("names"), "{facts:?}");
    if let Some(c) = cycle(&facts) {
        panic!("import cycle: facts::{}", c.join(" → facts::"));
    }
}

/// The reader of paths is right about the shapes it has to read, so that a
/// broken rule cannot hide behind a `use` it does not understand.
#[test]
fn the_path_reader_reads_every_shape() {
    let code = code_only(
        r#"use crate::app::{App, keymap::Keymap};
        use super::super::ui::draw; // crate::tui in a comment
        let s = "crate::render"; let c = '"'; fn f<'a>(x: &'a str) {}
        crate::config::load(); self::inner::f();"#,
    );
    let got = paths(&code);
    let want: Vec<Vec<&str>> = vec![
        vec!["crate", "app", "App"],
        vec!["crate", "app", "keymap", "Keymap"],
        vec!["super", "super", "ui", "draw"],
        vec!["crate", "config", "load"],
        vec!["self", "inner", "f"],
    ];
    assert_eq!(got, want);
    let modules: BTreeSet<Module> =
        [vec!["app".into()], vec!["app".into(), "keymap".into()], vec!["ui".into()]]
            .into_iter()
            .collect();
    let from: Module = vec!["tui".into(), "background".into()];
    assert_eq!(resolve(&from, &got[1], &modules), Some(vec!["app".into(), "keymap".into()]));
    assert_eq!(resolve(&from, &got[2], &modules), Some(vec!["ui".into()]));
}
