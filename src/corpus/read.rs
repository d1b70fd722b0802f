//! Paths → the list of files to load: files as named, folders walked
//! recursively in path order, hidden entries and symlink loops skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Problem;

/// Extensions dossier reads as articles.
const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// One file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// FACTS.md's id: the path relative to the folder it was found in (or the
    /// file's own name), without the extension.
    pub key: String,
    /// The path as the user gave it or as found under a folder.
    pub display: String,
}

/// Expands files and folders into sources; what cannot be used is a problem.
pub fn collect_sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<Problem>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => {
                problems.push(Problem { path: display, message: format!("cannot open: {e}") });
            }
            Ok(meta) if meta.is_dir() => {
                let mut seen = HashSet::new();
                walk(path, path, &mut seen, &mut sources, &mut problems);
            }
            Ok(_) => sources.push(Source {
                key: strip_extension(&file_name(path)),
                display,
                path: path.clone(),
            }),
        }
    }
    (sources, problems)
}

fn walk(
    root: &Path,
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    problems: &mut Vec<Problem>,
) {
    // A folder reached twice (through a symlink) is a loop or a repeat.
    if let Ok(real) = dir.canonicalize()
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push(Problem {
                path: dir.display().to_string(),
                message: format!("cannot list: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if file_name(&path).starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, seen, sources, problems);
        } else if has_article_extension(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            sources.push(Source {
                key: strip_extension(&rel.to_string_lossy()),
                display: path.display().to_string(),
                path: path.clone(),
            });
        } else {
            problems.push(Problem {
                path: path.display().to_string(),
                message: "skipped: not a .txt or .md file".into(),
            });
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn strip_extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') && !ext.contains('/') => {
            stem.to_string()
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_the_extension() {
        assert_eq!(strip_extension("seeds/000_abc.txt"), "seeds/000_abc");
        assert_eq!(strip_extension("noext"), "noext");
        assert_eq!(strip_extension(".hidden"), ".hidden");
    }
}
