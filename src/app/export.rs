//! `x`: the shown article's facts written as Markdown and as JSON (the
//! FACTS.md shape) into the data directory — never beside the articles.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::App;
use super::sidebar::Sidebar;
use crate::corpus::Document;
use crate::facts::{Fact, Kind};

impl App {
    pub(super) fn export(&mut self) {
        let Some(doc) = self.doc() else { return };
        let record = &self.records[self.selected];
        let facts = record.unpacked();
        let markdown = markdown(doc, record.sidebar(doc), &facts);
        let json = crate::report::json_line(doc, &facts);
        self.note = Some(self.write_export(&doc.key, &markdown, &json));
    }

    /// Writes an export named after `key` into the export folder; what
    /// the status line says about it.
    pub(super) fn write_export(&self, key: &str, markdown: &str, json: &str) -> String {
        let Some(dir) = self.data_dir.as_ref().map(|d| d.join("exports")) else {
            return "no data directory to export to".into();
        };
        match write_export(&dir, key, markdown, json) {
            Ok(base) => format!("exported to {}.md and .json", base.display()),
            Err(e) => format!("export failed: {e}"),
        }
    }
}

/// Writes `<key>.md` and `<key>.json`; returns the path without extension.
fn write_export(dir: &Path, key: &str, markdown: &str, json: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let name: String = key
        .chars()
        .map(|c| if c.is_alphanumeric() || "-_.".contains(c) { c } else { '_' })
        .collect();
    // Appended, not `with_extension`: a key such as `e.txt` or `feed.rss#1`
    // keeps its dots, so that `e.txt` and `e.json` export apart.
    std::fs::write(dir.join(format!("{name}.md")), markdown)?;
    std::fs::write(dir.join(format!("{name}.json")), format!("{json}\n"))?;
    Ok(dir.join(name))
}

/// The sidebar as a Markdown document. Quotes are written whole (the
/// sidebar shows them cut to its width).
pub fn markdown(doc: &Document, sidebar: &Sidebar, facts: &[Fact]) -> String {
    let mut out =
        format!("# {}\n\n`{}` · {} · {} words\n", doc.title, doc.path, doc.lang, doc.words);
    for kind in Kind::ALL {
        let entries: Vec<_> = sidebar.entries.iter().filter(|e| e.kind == kind).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = write!(out, "\n## {} ({})\n\n", kind.heading(), entries.len());
        for e in entries {
            match e.mentions.first().and_then(|&i| facts.get(i)) {
                Some(f) if kind == Kind::Quote => {
                    let _ = write!(out, "- “{}”", crate::text::one_line(f.text(doc)));
                }
                _ => {
                    let _ = write!(out, "- {}", e.label);
                }
            }
            if let Some(w) = &e.written {
                let _ = write!(out, " ({w})");
            }
            if let Some(d) = &e.detail {
                let _ = write!(out, " — {}", d.trim_start_matches("— "));
            }
            let _ = writeln!(
                out,
                "{}",
                if e.mentions.len() > 1 {
                    format!(" ×{}", e.mentions.len())
                } else {
                    String::new()
                }
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_written_whole() {
        let docs = crate::corpus::Corpus::bundled().docs;
        let doc = &docs[1];
        let facts = crate::facts::Extractor::new().extract(doc);
        let sidebar = Sidebar::build(doc, &facts);
        let md = markdown(doc, &sidebar, &facts);
        let quotes: Vec<&Fact> = facts.iter().filter(|f| f.kind == Kind::Quote).collect();
        assert!(!quotes.is_empty());
        for q in quotes {
            assert!(q.text(doc).chars().count() > 48, "a quote longer than the sidebar shows");
            assert!(md.contains(&format!("- “{}”", q.text(doc))), "{md}");
        }
    }

    #[test]
    fn keys_that_differ_by_their_extension_export_apart() {
        let dir = tempfile::tempdir().unwrap();
        for key in ["e.txt", "e.json", "feed.rss#1", "feed.atom#1", "sub/e"] {
            write_export(dir.path(), key, key, "{}").unwrap();
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| Path::new(n).extension().is_some_and(|e| e == "md"))
            .collect();
        names.sort();
        assert_eq!(names, ["e.json.md", "e.txt.md", "feed.atom_1.md", "feed.rss_1.md", "sub_e.md"]);
        let md = std::fs::read_to_string(dir.path().join("e.txt.md")).unwrap();
        assert_eq!(md, "e.txt");
    }
}
