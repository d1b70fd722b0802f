//! The README tells the truth: its keys table is the key map's own, and it
//! shows the two commands a newcomer needs.

use dossier::keys::Keymap;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

#[test]
fn readme_keys_table_matches_the_keymap() {
    let readme = std::fs::read_to_string(README).unwrap();
    let table = Keymap::default().markdown_table();
    if std::env::var_os("UPDATE_README").is_some() && !readme.contains(&table) {
        // Replace the old table: its header through its last row.
        let start = readme.find("| where | keys | action |").expect("README has a keys table");
        let end = readme
            .get(start..)
            .and_then(|r| r.find("\n\n"))
            .map_or(readme.len(), |e| start + e + 1);
        let updated =
            format!("{}{table}{}", readme.get(..start).unwrap(), readme.get(end..).unwrap());
        std::fs::write(README, updated).unwrap();
        return;
    }
    assert!(
        readme.contains(&table),
        "README.md's keys table is out of date; run `UPDATE_README=1 cargo test --test readme`, or paste:\n\n{table}"
    );
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = std::fs::read_to_string(README).unwrap();
    assert!(readme.contains("\n```sh\ncargo run --release\n```\n"));
    assert!(readme.contains("\n```sh\ncargo test\n```\n"));
}
