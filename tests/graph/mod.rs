//! The module import graph of `src/`, read from the code itself: every
//! `crate::…`, `super::…` and `self::…` path, in `use` lines and inline,
//! test modules included, comments and literals left out. Shared by the
//! tests that hold the layers (`layers.rs`) and the headless core
//! (`headless.rs`).

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path from the crate root: `["app", "loading"]`.
pub type Module = Vec<String>;

pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file under `src/` holds (`src/app/loading.rs` → `app::loading`,
/// `src/app.rs` → `app`); `None` for the crate root and the binary.
pub fn module_of(src: &Path, file: &Path) -> Option<Module> {
    let rel = file.strip_prefix(src).ok()?.with_extension("");
    let parts: Module = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [one] if one == "lib" || one == "main" => None,
        _ => Some(parts.into_iter().filter(|p| p != "mod").collect()),
    }
}

/// The code of a file without comments, string and character literals (a
/// path written in a doc comment or a message is no import).
pub fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
                    j += hashes + 1;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&chars, i) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

pub fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// `'x'`, `'\n'`, `'\u{2019}'` rather than a lifetime `'a`.
pub fn is_char_literal(chars: &[char], i: usize) -> bool {
    match chars.get(i + 1) {
        Some('\\') => true,
        Some(_) => chars.get(i + 2) == Some(&'\''),
        None => false,
    }
}

/// Every path that starts with `crate`, `super` or `self`, as its segments;
/// a `use a::{b, c::d}` group gives one path per member.
pub fn paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if ident_before(&chars, i) || !(chars[i].is_alphabetic() || chars[i] == '_') {
            i += 1;
            continue;
        }
        let (word, end) = ident(&chars, i);
        if matches!(word.as_str(), "crate" | "super" | "self") && at_sep(&chars, end) {
            let mut prefix = vec![word];
            i = read_path(&chars, end, &mut prefix, &mut out);
            continue;
        }
        i = end.max(i + 1);
    }
    out
}

pub fn ident(chars: &[char], from: usize) -> (String, usize) {
    let mut end = from;
    while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
        end += 1;
    }
    (chars[from..end].iter().collect(), end)
}

pub fn skip_space(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    i
}

pub fn at_sep(chars: &[char], i: usize) -> bool {
    let i = skip_space(chars, i);
    chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':')
}

/// Reads `::a::b` or `::{a, b::c}` after `prefix`; returns where it ended.
pub fn read_path(
    chars: &[char],
    mut i: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    let base = prefix.len();
    loop {
        if !at_sep(chars, i) {
            break;
        }
        i = skip_space(chars, skip_space(chars, i) + 2);
        match chars.get(i) {
            Some('{') => {
                i += 1;
                loop {
                    i = skip_space(chars, i);
                    match chars.get(i) {
                        Some('}') => {
                            i += 1;
                            break;
                        }
                        Some(',') => i += 1,
                        Some(c) if c.is_alphabetic() || *c == '_' => {
                            let (word, end) = ident(chars, i);
                            let mut member = prefix.clone();
                            member.push(word);
                            i = read_path(chars, end, &mut member, out);
                        }
                        Some(_) => i += 1,
                        None => break,
                    }
                }
                prefix.truncate(base);
                return i;
            }
            Some(c) if c.is_alphabetic() || *c == '_' => {
                let (word, end) = ident(chars, i);
                prefix.push(word);
                i = end;
            }
            _ => break,
        }
    }
    out.push(prefix.clone());
    prefix.truncate(base);
    i
}

/// The module a path from inside `from` names: the longest known module
/// that starts it.
pub fn resolve(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut at: Module = from.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        _ => {}
    }
    while rest.first().is_some_and(|s| s == "super") {
        at.pop()?;
        rest = &rest[1..];
    }
    // The module climbed to, unless a deeper known module is named.
    let mut found = at.clone();
    for seg in rest {
        at.push(seg.clone());
        if !modules.contains(&at) {
            break;
        }
        found.clone_from(&at);
    }
    (!found.is_empty()).then_some(found)
}

/// Every module of `src/` and the modules it names.
pub fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let files: Vec<(Module, PathBuf)> =
        files.into_iter().filter_map(|f| Some((module_of(&src, &f)?, f))).collect();
    let modules: BTreeSet<Module> = files.iter().map(|(m, _)| m.clone()).collect();
    assert!(modules.len() > 40, "found only {modules:?}");
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, file) in &files {
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        let targets = edges.entry(module.clone()).or_default();
        for path in paths(&code) {
            if let Some(target) = resolve(module, &path, &modules)
                && target != *module
            {
                targets.insert(target);
            }
        }
    }
    edges
}

/// The graph with every module folded into its ancestor at `depth` under `root`.
pub fn folded(
    edges: &BTreeMap<Module, BTreeSet<Module>>,
    root: &[&str],
) -> BTreeMap<String, BTreeSet<String>> {
    let depth = root.len();
    let key = |m: &Module| -> Option<String> {
        (m.len() > depth && m.iter().zip(root).all(|(a, b)| a == b)).then(|| m[depth].clone())
    };
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in edges {
        let Some(f) = key(from) else { continue };
        let set = out.entry(f.clone()).or_default();
        for t in targets.iter().filter_map(key) {
            if t != f {
                set.insert(t);
            }
        }
    }
    out
}

/// Every module reachable from `start`.
pub fn reach<'a>(g: &'a BTreeMap<String, BTreeSet<String>>, start: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(m) = todo.pop() {
        for t in g.get(m).into_iter().flatten() {
            if seen.insert(t.as_str()) {
                todo.push(t);
            }
        }
    }
    seen
}

/// A cycle of the graph, as the modules on it, if there is one.
pub fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    for start in g.keys() {
        // A path back to the start, found breadth-first: the shortest cycle through it.
        let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.as_str()]);
        while let Some(m) = queue.pop_front() {
            for t in g.get(m).into_iter().flatten() {
                if t == start {
                    let mut path = vec![m.to_string()];
                    let mut at = m;
                    while at != start {
                        at = parent[at];
                        path.push(at.to_string());
                    }
                    path.reverse();
                    path.push(start.clone());
                    return Some(path);
                }
                if !parent.contains_key(t.as_str()) {
                    parent.insert(t, m);
                    queue.push_back(t);
                }
            }
        }
    }
    None
}

/// The files of `src/` with the modules they hold.
pub fn files() -> Vec<(Module, PathBuf)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.into_iter().filter_map(|f| Some((module_of(&src, &f)?, f))).collect()
}

/// Whether `code` (without comments and literals) names the crate `name`
/// in a path, however written: `name::`, `::name::`, `use name`, `extern
/// crate name`.
pub fn names_crate(code: &str, name: &str) -> bool {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|word| word == name)
}
