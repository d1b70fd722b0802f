//! The README tells the truth: its keys table is the key map's own.

use dossier::app::keymap::markdown_table;

#[test]
fn readme_keys_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's keys table is out of date; replace it with:\n\n{table}"
    );
}

#[test]
fn readme_shows_the_two_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("\n```sh\ncargo run --release\n```\n"));
    assert!(readme.contains("\n```sh\ncargo test\n```\n"));
}
