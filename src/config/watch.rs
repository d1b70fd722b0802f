//! The watch list's names, as the configuration gives them: a list in
//! `[watch] names = [...]`, or a file of one name per line named by
//! `[watch] file = "..."` (relative to the configuration's folder; blank
//! lines and lines starting with `#` skipped), or both.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

/// The longest name watched, in characters: a name, not a paragraph.
pub const MAX_NAME_CHARS: usize = 200;
/// The largest watch file read.
pub const MAX_FILE_BYTES: u64 = 1 << 20;
/// Most names watched.
pub const MAX_NAMES: usize = 10_000;

/// Why a name cannot be watched.
pub fn check_name(name: &str) -> Result<String, String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err("an empty name cannot be watched".into());
    }
    if trimmed.chars().any(char::is_control) {
        return Err(format!(
            "{:?} holds a control character",
            crate::text::one_line(trimmed).into_owned()
        ));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(format!("a name is at most {MAX_NAME_CHARS} characters"));
    }
    // Composed as the articles are (NFC), so that a name typed decomposed
    // matches.
    let name: String = trimmed.nfc().collect();
    Ok(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The names of a watch file: `Err` names the line that is wrong.
pub fn read_file(path: &Path) -> Result<Vec<String>, String> {
    let text = crate::bounded::read_to_string(path, MAX_FILE_BYTES)
        .map_err(|e| format!("{}: {e}", crate::text::one_line(&path.display().to_string())))?;
    let mut names = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let name = check_name(line).map_err(|m| {
            format!("{}:{}: {m}", crate::text::one_line(&path.display().to_string()), n + 1)
        })?;
        names.push(name);
    }
    Ok(names)
}

/// Adds `more` to `names`, once each (case aside); `Err` when too many.
pub fn extend(names: &mut Vec<String>, more: Vec<String>) -> Result<(), String> {
    for name in more {
        if !names.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            names.push(name);
        }
    }
    if names.len() > MAX_NAMES {
        return Err(format!("at most {MAX_NAMES} names are watched"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_and_files_read_line_by_line() {
        assert_eq!(check_name("  Maria   Lopez "), Ok("Maria Lopez".into()));
        assert_eq!(check_name("Vie\u{323}\u{302}t Nam"), Ok("Việt Nam".into()));
        assert!(check_name(" ").is_err());
        assert!(check_name("a\x1b[31m").unwrap_err().contains("control"));
        assert!(check_name(&"x".repeat(201)).is_err());
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("watch.txt");
        std::fs::write(&file, "# people\nMaria Lopez\n\nViệt Nam\n").unwrap();
        assert_eq!(read_file(&file).unwrap(), ["Maria Lopez", "Việt Nam"]);
        std::fs::write(&file, "Germany\nbad\x07name\n").unwrap();
        assert!(read_file(&file).unwrap_err().contains("watch.txt:2: "));
        assert!(read_file(&dir.path().join("none.txt")).unwrap_err().contains("none.txt"));
        let mut names = vec!["Germany".to_string()];
        extend(&mut names, vec!["germany".into(), "Siemens".into()]).unwrap();
        assert_eq!(names, ["Germany", "Siemens"]);
    }
}
