//! Paths → the list of files to load: files as named, folders walked
//! recursively in path order, hidden entries skipped. Every regular file in
//! a folder is a source, its format named by its extension or (when the
//! extension is unknown) sniffed once it is read.
//!
//! Symbolic links inside a folder are followed only to a regular file or a
//! folder inside one of the folders named on the command line: a pile of
//! downloaded articles must not lead dossier to read, show or export other
//! files of the person's (`/etc`, `..`, `/proc`, a device). Any other link
//! is left out with a note. A file named on the command line is read as
//! named, link or not, if it is a regular file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::Notice;
use super::format::Format;
use crate::bounded::Identity;

/// Files larger than this are not articles (a disk image, a video, a
/// database dump) and are not read: at this size a file still loads in a
/// few seconds.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

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
    /// The file it was when listed: one swapped since is not read.
    pub identity: Option<Identity>,
}

/// What a set of paths holds: the files to load, the entries that cannot
/// be used (problems) and those left out on purpose (notes).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub sources: Vec<Source>,
    pub problems: Vec<Notice>,
    pub notes: Vec<Notice>,
}

/// Extensions of the files a browser saves beside a page (styles, scripts,
/// fonts): text, but never an article.
const ASSET_EXTENSIONS: [&str; 10] =
    ["css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "ico"];

/// Expands files and folders into sources; what cannot be used is a problem.
pub fn collect_sources(paths: &[PathBuf]) -> Listing {
    let roots: Vec<PathBuf> =
        paths.iter().filter(|p| p.is_dir()).filter_map(|p| p.canonicalize().ok()).collect();
    let mut walker = Walker { roots, ..Walker::default() };
    for path in paths {
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => walker.problem(display, format!("cannot open: {e}")),
            Ok(meta) if meta.is_dir() => walker.walk(path, path),
            Ok(meta) => walker.add_file(path, strip_extension(&file_name(path)), &meta),
        }
    }
    unique_keys(&mut walker.listing.sources);
    walker.listing
}

/// Keys stay as FACTS.md defines them unless two files would give the same
/// one (`feed.rss` and `feed.atom`, `e.txt` and `e.json`): then each of
/// those files keeps its extension in its key (`feed.rss`, `feed.atom`).
/// Files that still share a key (the same name named in two folders) take
/// their path as given.
pub(super) fn unique_keys(sources: &mut [Source]) {
    let with_extension = |s: &Source| match s.path.extension() {
        Some(ext) => format!("{}.{}", s.key, ext.to_string_lossy()),
        _ => s.key.clone(),
    };
    let repeated = |sources: &[Source]| {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for s in sources {
            *seen.entry(s.key.as_str()).or_default() += 1;
        }
        seen.into_iter().filter(|&(_, n)| n > 1).map(|(k, _)| k.to_string()).collect::<HashSet<_>>()
    };
    let clashes = repeated(sources);
    if clashes.is_empty() {
        return;
    }
    for s in sources.iter_mut().filter(|s| clashes.contains(&s.key)) {
        s.key = with_extension(s);
    }
    let clashes = repeated(sources);
    for s in sources.iter_mut().filter(|s| clashes.contains(&s.key)) {
        s.key.clone_from(&s.display);
    }
}

/// The state of one listing: the folders named, and the folders and files
/// met so far (a file or folder reached twice is listed once).
#[derive(Default)]
struct Walker {
    roots: Vec<PathBuf>,
    dirs: HashSet<PathBuf>,
    files: HashSet<Identity>,
    listing: Listing,
}

impl Walker {
    fn problem(&mut self, path: String, message: String) {
        self.listing.problems.push(Notice { path, message });
    }

    fn note(&mut self, path: String, message: &str) {
        self.listing.notes.push(Notice { path, message: message.into() });
    }

    fn add_file(&mut self, path: &Path, key: String, meta: &std::fs::Metadata) {
        let display = path.display().to_string();
        if is_asset(path) {
            return self.note(display, "skipped: a web page asset");
        }
        if let Err(message) = check_file(meta) {
            return self.problem(display, message);
        }
        let identity = Identity::of(meta);
        if let Some(id) = identity
            && !self.files.insert(id)
        {
            return self.note(display, "skipped: the same file as one listed before");
        }
        self.listing.sources.push(Source {
            key,
            display,
            format: Format::from_path(path),
            bytes: meta.len(),
            path: path.to_path_buf(),
            identity,
        });
    }

    fn walk(&mut self, root: &Path, dir: &Path) {
        // A folder reached twice (through a symlink) is a loop or a repeat.
        if let Ok(real) = dir.canonicalize()
            && !self.dirs.insert(real)
        {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return self.problem(dir.display().to_string(), format!("cannot list: {e}")),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        // As `Path` orders them, comparing bytes (a folder of a hundred
        // thousand files is walked at each start).
        paths.sort_by(|a, b| super::listing_order(a, b));
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
            let meta = match self.entry(path) {
                Ok(Some(meta)) => meta,
                Ok(None) => {
                    self.note(display, "skipped: a link to somewhere outside the folders named");
                    continue;
                }
                // A dangling symlink, or an entry gone since the listing.
                Err(e) => {
                    self.problem(display, format!("cannot open: {e}"));
                    continue;
                }
            };
            if meta.is_dir() && is_page_assets(&name, &pages) {
                self.note(display, "skipped: the files of a saved web page");
            } else if meta.is_dir() {
                self.walk(root, path);
            } else {
                let rel = path.strip_prefix(root).unwrap_or(path);
                self.add_file(path, strip_extension(&rel.to_string_lossy()), &meta);
            }
        }
    }

    /// What a folder's entry is: the entry itself, or for a symbolic link
    /// what it leads to, if that lies inside a folder named on the command
    /// line (`None` if not).
    fn entry(&self, path: &Path) -> std::io::Result<Option<std::fs::Metadata>> {
        let meta = std::fs::symlink_metadata(path)?;
        if !meta.file_type().is_symlink() {
            return Ok(Some(meta));
        }
        let target = path.canonicalize()?;
        if !self.roots.iter().any(|root| target.starts_with(root)) {
            return Ok(None);
        }
        // Inside, but a FIFO or a device: refused as such by `add_file`.
        std::fs::metadata(&target).map(Some)
    }
}

/// A browser saves `Page.html` with its images, styles and scripts in
/// `Page_files` (`Page-Dateien`, `Page_archivos`, … in other languages).
pub(super) fn is_page_assets(dir: &str, pages: &[String]) -> bool {
    pages.iter().any(|page| {
        dir.strip_prefix(page.as_str()).is_some_and(|rest| {
            (rest.starts_with('_') || rest.starts_with('-'))
                && rest.chars().count() <= 16
                && rest.chars().skip(1).all(char::is_alphabetic)
        })
    })
}

pub(super) fn is_asset(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ASSET_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Only regular files of a sane size are listed: a FIFO or a device would
/// block or never end. (Checked again on the open handle when read.)
fn check_file(meta: &std::fs::Metadata) -> Result<(), String> {
    if !meta.is_file() {
        return Err("skipped: not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "skipped: too large ({} MB; the limit is {} MB)",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    Ok(())
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

pub(super) fn strip_extension(name: &str) -> String {
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
    fn keys_are_unique() {
        let source = |path: &str, key: &str| Source {
            path: PathBuf::from(path),
            key: key.into(),
            display: path.into(),
            format: None,
            bytes: 0,
            identity: None,
        };
        let mut sources = [
            source("a/e.txt", "e"),
            source("b/e.txt", "e"),
            source("e.json", "e"),
            source("f.md", "f"),
        ];
        unique_keys(&mut sources);
        let keys: Vec<&str> = sources.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["a/e.txt", "b/e.txt", "e.json", "f"]);
    }

    #[test]
    fn keys_drop_the_extension() {
        assert_eq!(strip_extension("seeds/000_abc.txt"), "seeds/000_abc");
        assert_eq!(strip_extension("noext"), "noext");
        assert_eq!(strip_extension(".hidden"), ".hidden");
    }
}
