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
            Ok(meta) => match check_file(&meta) {
                Ok(()) => sources.push(Source {
                    key: strip_extension(&file_name(path)),
                    display,
                    format: Format::from_path(path),
                    bytes: meta.len(),
                    path: path.clone(),
                }),
                Err(message) => problems.push(Problem { path: display, message }),
            },
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
        let display = path.display().to_string();
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(root, &path, seen, sources, problems),
            Ok(meta) => match check_file(&meta) {
                Ok(()) => {
                    let rel = path.strip_prefix(root).unwrap_or(&path);
                    sources.push(Source {
                        key: strip_extension(&rel.to_string_lossy()),
                        display,
                        format: Format::from_path(&path),
                        bytes: meta.len(),
                        path: path.clone(),
                    });
                }
                Err(message) => problems.push(Problem { path: display, message }),
            },
            // A dangling symlink, or an entry gone since the listing.
            Err(e) => {
                problems.push(Problem { path: display, message: format!("cannot open: {e}") })
            }
        }
    }
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
    fn keys_drop_the_extension() {
        assert_eq!(strip_extension("seeds/000_abc.txt"), "seeds/000_abc");
        assert_eq!(strip_extension("noext"), "noext");
        assert_eq!(strip_extension(".hidden"), ".hidden");
    }
}
