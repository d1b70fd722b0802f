//! Paths → the list of files to load: files as named, folders walked
//! recursively in path order, hidden entries and symlink loops skipped.
//! Every regular file in a folder is a source, its format named by its
//! extension or (when the extension is unknown) sniffed once it is read.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Problem;
use super::format::Format;

/// Files larger than this are not articles (a disk image, a video) and are
/// not read into memory.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// One file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// FACTS.md's id: the path relative to the folder it was found in (or the
    /// file's own name), without the extension.
    pub key: String,
    /// The path as the user gave it or as found under a folder.
    pub display: String,
    /// The format its extension names; `None`: sniff the bytes.
    pub format: Option<Format>,
    /// Its size when listed, for progress reports.
    pub bytes: u64,
}

/// What a set of paths holds: the files to load, the entries that cannot
/// be used (problems) and those left out on purpose (notes).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub sources: Vec<Source>,
    pub problems: Vec<Problem>,
    pub notes: Vec<Problem>,
}

/// Extensions of the files a browser saves beside a page (styles, scripts,
/// fonts): text, but never an article.
const ASSET_EXTENSIONS: [&str; 10] =
    ["css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "ico"];

/// Expands files and folders into sources; what cannot be used is a problem.
pub fn collect_sources(paths: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    for path in paths {
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => listing
                .problems
                .push(Problem { path: display, message: format!("cannot open: {e}") }),
            Ok(meta) if meta.is_dir() => {
                let mut seen = HashSet::new();
                walk(path, path, &mut seen, &mut listing);
            }
            Ok(meta) => listing.add_file(path, strip_extension(&file_name(path)), &meta),
        }
    }
    listing
}

impl Listing {
    fn add_file(&mut self, path: &Path, key: String, meta: &std::fs::Metadata) {
        let display = path.display().to_string();
        if is_asset(path) {
            self.notes.push(Problem { path: display, message: "skipped: a web page asset".into() });
            return;
        }
        match check_file(meta) {
            Ok(()) => self.sources.push(Source {
                key,
                display,
                format: Format::from_path(path),
                bytes: meta.len(),
                path: path.to_path_buf(),
            }),
            Err(message) => self.problems.push(Problem { path: display, message }),
        }
    }
}

fn walk(root: &Path, dir: &Path, seen: &mut HashSet<PathBuf>, listing: &mut Listing) {
    // A folder reached twice (through a symlink) is a loop or a repeat.
    if let Ok(real) = dir.canonicalize()
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            listing.problems.push(Problem {
                path: dir.display().to_string(),
                message: format!("cannot list: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .filter(|p| matches!(Format::from_path(p), Some(Format::Html)))
        .map(|p| strip_extension(&file_name(p)))
        .collect();
    for path in &paths {
        let name = file_name(path);
        if name.starts_with('.') {
            continue;
        }
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() && is_page_assets(&name, &pages) => {
                listing.notes.push(Problem {
                    path: display,
                    message: "skipped: the files of a saved web page".into(),
                });
            }
            Ok(meta) if meta.is_dir() => walk(root, path, seen, listing),
            Ok(meta) => {
                let rel = path.strip_prefix(root).unwrap_or(path);
                listing.add_file(path, strip_extension(&rel.to_string_lossy()), &meta);
            }
            // A dangling symlink, or an entry gone since the listing.
            Err(e) => listing
                .problems
                .push(Problem { path: display, message: format!("cannot open: {e}") }),
        }
    }
}

/// A browser saves `Page.html` with its images, styles and scripts in
/// `Page_files` (`Page-Dateien`, `Page_archivos`, … in other languages).
fn is_page_assets(dir: &str, pages: &[String]) -> bool {
    pages.iter().any(|page| {
        dir.strip_prefix(page.as_str()).is_some_and(|rest| {
            (rest.starts_with('_') || rest.starts_with('-'))
                && rest.chars().count() <= 16
                && rest.chars().skip(1).all(char::is_alphabetic)
        })
    })
}

fn is_asset(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ASSET_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Only regular files of a sane size are read: a FIFO or a device would
/// block or never end.
fn check_file(meta: &std::fs::Metadata) -> Result<(), String> {
    if !meta.is_file() {
        return Err("skipped: not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!("skipped: too large ({} MB)", meta.len() >> 20));
    }
    Ok(())
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
    fn saved_page_folders() {
        let pages = ["Storm hits coast".to_string()];
        assert!(is_page_assets("Storm hits coast_files", &pages));
        assert!(is_page_assets("Storm hits coast-Dateien", &pages));
        assert!(!is_page_assets("Storm hits coast 2", &pages));
        assert!(!is_page_assets("archive", &pages));
    }

    #[test]
    fn keys_drop_the_extension() {
        assert_eq!(strip_extension("seeds/000_abc.txt"), "seeds/000_abc");
        assert_eq!(strip_extension("noext"), "noext");
        assert_eq!(strip_extension(".hidden"), ".hidden");
    }
}
