//! The sources a listing would give for files known already (as the
//! library holds them), named without looking at the disk: what the
//! reader can show at once, before the folders are walked again and
//! the listing says what the disk holds now.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::format::Format;
use super::read::{Source, file_name, is_asset, is_page_assets, strip_extension, unique_keys};

/// The sources a listing of `paths` (as typed) would give for `files`
/// (absolute paths, as a library keeps them), each with its place in
/// `files`, in the listing's order: a folder's files keyed relative to
/// it and shown under the path as typed, a file named alone by its own
/// name. Files a walk leaves out (hidden entries, a saved page's assets)
/// and files already taken under an earlier path are left out. Nothing
/// is looked at on disk: a file gone since is among them.
pub fn known_sources(paths: &[PathBuf], files: &[PathBuf]) -> Vec<(usize, Source)> {
    let formats: Vec<Option<Format>> = files.iter().map(|f| Format::from_path(f)).collect();
    let pages = pages_by_folder(files, &formats);
    let mut taken = vec![false; files.len()];
    let (mut places, mut sources) = (Vec::new(), Vec::new());
    for path in paths {
        let Ok(root) = std::path::absolute(path) else { continue };
        let mut here: Vec<usize> =
            (0..files.len()).filter(|&i| !taken[i] && is_under(&files[i], &root)).collect();
        // Usually in path order already (as the library gives them).
        if !here.is_sorted_by(|&a, &b| listing_order(&files[a], &files[b]).is_le()) {
            here.sort_by(|&a, &b| listing_order(&files[a], &files[b]));
        }
        let shown = path.display().to_string();
        for i in here {
            let file = &files[i];
            let rel = relative(file, &root);
            let (key, display) = if rel.as_os_str().is_empty() {
                (strip_extension(&file_name(path)), shown.clone())
            } else if walked_past(&root, rel, &pages) || is_asset(file) {
                continue;
            } else {
                let rel = rel.to_string_lossy();
                (strip_extension(&rel), joined(&shown, &rel))
            };
            taken[i] = true;
            places.push(i);
            sources.push(Source {
                path: file.clone(),
                key,
                display,
                format: formats[i],
                bytes: 0,
                identity: None,
            });
        }
    }
    unique_keys(&mut sources);
    places.into_iter().zip(sources).collect()
}

/// `file` under `root` (which [`is_under`] holds it is) relative to it.
fn relative<'a>(file: &'a Path, root: &Path) -> &'a Path {
    if let (Some(f), Some(r)) = (file.to_str(), root.to_str()) {
        let rest = f.get(r.trim_end_matches('/').len()..).unwrap_or_default();
        return Path::new(rest.trim_start_matches('/'));
    }
    file.strip_prefix(root).unwrap_or(file)
}

/// `rel` shown under a folder shown as `shown`, as `Path::join` would
/// join them.
fn joined(shown: &str, rel: &str) -> String {
    if shown.is_empty() {
        return rel.to_string();
    }
    let slash = if shown.ends_with('/') { "" } else { "/" };
    [shown, slash, rel].concat()
}

/// The order a walk lists files in: folder by folder, each sorted by
/// name, as [`Path`]'s own order compares them component by component
/// (for paths without `.` or repeated separators, as stored): bytes with
/// the separator before every other byte.
pub fn listing_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (a.as_os_str().as_encoded_bytes(), b.as_os_str().as_encoded_bytes());
    match a.iter().zip(b).position(|(x, y)| x != y) {
        None => a.len().cmp(&b.len()),
        Some(i) => {
            let rank = |c: u8| if c == b'/' { 0 } else { u16::from(c) + 1 };
            rank(a[i]).cmp(&rank(b[i]))
        }
    }
}

/// Whether `path` is `root` or inside it, comparing bytes (not
/// component by component: a hundred thousand files at each start).
pub fn is_under(path: &Path, root: &Path) -> bool {
    let (path, root) = (path.as_os_str().as_encoded_bytes(), root.as_os_str().as_encoded_bytes());
    let root = root.strip_suffix(b"/").unwrap_or(root);
    path.strip_prefix(root).is_some_and(|rest| rest.is_empty() || rest.starts_with(b"/"))
}

/// The saved web pages among `files`, by folder: their names without
/// the extension (a folder named after one holds its assets).
fn pages_by_folder<'a>(
    files: &'a [PathBuf],
    formats: &[Option<Format>],
) -> HashMap<&'a Path, Vec<String>> {
    let mut pages: HashMap<&Path, Vec<String>> = HashMap::new();
    for (f, format) in files.iter().zip(formats) {
        if matches!(format, Some(Format::Html))
            && let Some(folder) = f.parent()
        {
            pages.entry(folder).or_default().push(strip_extension(&file_name(f)));
        }
    }
    pages
}

/// Whether a walk of `root` leaves out the file at `rel` under it: a
/// hidden entry on the way, or a saved page's folder of assets.
fn walked_past(root: &Path, rel: &Path, pages: &HashMap<&Path, Vec<String>>) -> bool {
    let bytes = rel.as_os_str().as_encoded_bytes();
    if !bytes.contains(&b'/') {
        // A file right in the folder: hidden or not.
        return bytes.starts_with(b".");
    }
    let mut folder = root.to_path_buf();
    let mut parts = rel.components().peekable();
    while let Some(part) = parts.next() {
        let Component::Normal(name) = part else { return true };
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            return true;
        }
        let is_folder = parts.peek().is_some();
        if is_folder && pages.get(folder.as_path()).is_some_and(|p| is_page_assets(&name, p)) {
            return true;
        }
        folder.push(&*name);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::collect_sources;

    /// The same names as a listing of the disk, for what a walk keeps.
    #[test]
    fn named_as_a_walk_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["b.txt", "a/x.md", "a.txt", "feed.rss", "feed.atom", ".hidden.txt", "p.html"] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "Title\n\nBody.\n").unwrap();
        }
        std::fs::create_dir_all(root.join("p_files")).unwrap();
        std::fs::write(root.join("p_files/style.txt"), "x").unwrap();
        std::fs::write(root.join("p_files/more.txt"), "x").unwrap();
        let single = root.join("a.txt");
        let paths = vec![root.to_path_buf(), single.clone()];
        let listed = collect_sources(&paths);
        let files: Vec<PathBuf> =
            ["feed.atom", "a.txt", "p_files/more.txt", "a/x.md", ".hidden.txt"]
                .iter()
                .chain(&["b.txt", "feed.rss", "p.html"])
                .map(|f| root.join(f))
                .collect();
        let known = known_sources(&paths, &files);
        let walked: Vec<(&str, &str)> =
            listed.sources.iter().map(|s| (s.key.as_str(), s.display.as_str())).collect();
        let named: Vec<(&str, &str)> =
            known.iter().map(|(_, s)| (s.key.as_str(), s.display.as_str())).collect();
        assert_eq!(named, walked);
        assert!(known.iter().all(|(i, s)| files[*i] == s.path));
    }

    /// The listing's order is `Path`'s own, for paths as stored.
    #[test]
    fn listing_order_is_the_order_of_paths() {
        let names =
            ["a", "a b", "a-b", "a.b", "a/b", "a/b/c", "a/b-c", "ab", "a_", "é", "z/a", "a/"];
        let paths: Vec<PathBuf> = names
            .iter()
            .flat_map(|x| names.iter().map(move |y| PathBuf::from(format!("/r/{x}/{y}"))))
            .filter(|p| !p.to_string_lossy().contains("//") && !p.to_string_lossy().ends_with('/'))
            .collect();
        for a in &paths {
            for b in &paths {
                assert_eq!(listing_order(a, b), a.cmp(b), "{} {}", a.display(), b.display());
            }
        }
    }

    #[test]
    fn a_folder_named_relative_is_shown_as_typed() {
        let cwd = std::env::current_dir().unwrap();
        let files = vec![cwd.join("news/one.txt"), cwd.join("elsewhere/two.txt")];
        let known = known_sources(&[PathBuf::from("news")], &files);
        assert_eq!(known.len(), 1);
        assert_eq!((known[0].1.key.as_str(), known[0].1.display.as_str()), ("one", "news/one.txt"));
    }
}
