//! The entity page, end to end in a real terminal: opened from the facts
//! view, exported, followed to the article, and left with Esc.

mod common;

use common::{ONE_AT_A_TIME, Term, dossier};

#[test]
fn an_entity_page_opens_exports_and_jumps() {
    let _lock = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let t = Term::start("entity-page", 120, 40);
    t.run(&format!("{} --no-state; echo dossier-exit=$?", dossier()));
    t.wait_for("Articles 1/4");
    t.keys(&["F"]);
    t.wait_for("Entities (");
    t.keys(&["d"]);
    t.wait_for("Alibaba (org) · 4 article(s)");
    t.wait_for("Figures (");
    // Exported with the source of every line.
    t.keys(&["x"]);
    t.wait_for("exported to");
    let exports = t.home.join("data").join("dossier").join("exports");
    let md = std::fs::read_to_string(exports.join("entity_Alibaba.md")).unwrap();
    assert!(md.starts_with("# Alibaba (org)"), "{md}");
    assert!(md.contains("## Figures") && md.contains(" — `00"), "{md}");
    let json = std::fs::read_to_string(exports.join("entity_Alibaba.json")).unwrap();
    assert!(json.contains("\"articles\""), "{json}");
    // Esc goes back to the facts view; d again, then a line jumps to its place.
    t.keys(&["Escape"]);
    t.wait_gone("Alibaba (org) ·");
    t.wait_for("Entities (");
    t.keys(&["d", "j", "Enter"]);
    t.wait_gone("Alibaba (org) ·");
    t.wait_for("Facts");
    t.keys(&["q"]);
    t.wait_for("dossier-exit=0");
}
