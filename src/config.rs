//! The configuration file (`$XDG_CONFIG_HOME/dossier/config.toml` or
//! `--config FILE`): key map, theme, layout and reading defaults. An invalid
//! file is an error `file:line: key: what is wrong`, reported before the
//! terminal is touched. `dossier --print-config` prints the defaults.

mod style;
pub mod watch;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

pub use style::{format_style, parse_style};

use crate::facts::Kind;
use crate::keys::{Action, Keymap, Scope, Sequence};
use crate::theme::Theme;

/// Everything the configuration decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub furniture: bool,
    pub highlight: bool,
    pub max_text_width: u16,
    /// Pane widths in columns; `None`: chosen from the terminal's width.
    pub list_width: Option<u16>,
    pub sidebar_width: Option<u16>,
    /// The watch list: names flagged wherever the articles name them.
    pub watch: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            theme: Theme::default(),
            furniture: false,
            highlight: true,
            max_text_width: 80,
            list_width: None,
            sidebar_width: None,
            watch: Vec::new(),
        }
    }
}

/// A configuration that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {key}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub key: String,
    pub message: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    reader: Reader,
    layout: LayoutSection,
    watch: WatchSection,
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Keys>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Reader {
    furniture: Option<bool>,
    highlight: Option<bool>,
    max_text_width: Option<Spanned<u16>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct LayoutSection {
    list_width: Option<u16>,
    sidebar_width: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct WatchSection {
    names: Option<Spanned<Vec<String>>>,
    file: Option<Spanned<String>>,
}

/// One key (`"q"`) or several (`["q", "C-c"]`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// The theme's element names, as the file writes them.
const ELEMENTS: &[&str] = &[
    "border",
    "border_focused",
    "title_focused",
    "selected",
    "selected_unfocused",
    "dim",
    "headline",
    "furniture",
    "status",
    "key",
    "heading",
    "unread",
    "mention",
    "current_mention",
    "search_hit",
    "search_current",
];

fn element<'t>(theme: &'t mut Theme, name: &str) -> Option<&'t mut ratatui::style::Style> {
    Some(match name {
        "border" => &mut theme.border,
        "border_focused" => &mut theme.border_focused,
        "title_focused" => &mut theme.title_focused,
        "selected" => &mut theme.selected,
        "selected_unfocused" => &mut theme.selected_unfocused,
        "dim" => &mut theme.dim,
        "headline" => &mut theme.headline,
        "furniture" => &mut theme.furniture,
        "status" => &mut theme.status,
        "key" => &mut theme.key,
        "heading" => &mut theme.heading,
        "unread" => &mut theme.unread,
        "mention" => &mut theme.mention,
        "current_mention" => &mut theme.current_mention,
        "search_hit" => &mut theme.search_hit,
        "search_current" => &mut theme.search_current,
        kind => {
            let i = Kind::ALL.iter().position(|k| k.name() == kind)?;
            &mut theme.kinds[i]
        }
    })
}

/// The configuration file's usual place.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dossier").map(|p| p.config_dir().join("config.toml"))
}

/// A configuration is a page of settings; a larger file is not one.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

impl Config {
    /// Reads `path` if given (it must exist), else the usual file if there
    /// is one, else the defaults. `base` is the theme to start from
    /// (monochrome under `NO_COLOR`).
    pub fn load(path: Option<&Path>, base: Theme) -> Result<Config, ConfigError> {
        let start = Config { theme: base, ..Config::default() };
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return Ok(start),
            },
        };
        let shown = crate::text::one_line(&path.display().to_string()).into_owned();
        match crate::bounded::read_to_string(&path, MAX_CONFIG_BYTES) {
            Ok(text) => parse_in(&text, &shown, start, path.parent()),
            Err(e) if e.is_not_found() && !required => Ok(start),
            Err(e) => Err(ConfigError {
                path: shown,
                line: 0,
                key: String::new(),
                message: e.to_string(),
            }),
        }
    }
}

/// Parses a configuration's text over `base` (a watch file relative to
/// the working folder).
pub fn parse(text: &str, path: &str, base: Config) -> Result<Config, ConfigError> {
    parse_in(text, path, base, None)
}

/// Parses a configuration's text over `base`; a relative watch file is
/// found in `dir` (the configuration's folder).
fn parse_in(
    text: &str,
    path: &str,
    base: Config,
    dir: Option<&Path>,
) -> Result<Config, ConfigError> {
    let line_of = |at: usize| text.get(..at).map_or(1, |s| s.matches('\n').count() + 1);
    // Key names and messages come from the file: shown, never sent as
    // control sequences to the terminal.
    let shown = |s: &str| crate::text::one_line(s).into_owned();
    let error = |at: usize, key: &str, message: String| ConfigError {
        path: path.to_string(),
        line: line_of(at),
        key: shown(key),
        message: shown(&message),
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error(at, &key_at(text, e.span()), e.message().trim().to_string())
    })?;
    let mut config = base;
    config.furniture = file.reader.furniture.unwrap_or(config.furniture);
    config.highlight = file.reader.highlight.unwrap_or(config.highlight);
    if let Some(w) = file.reader.max_text_width {
        if *w.get_ref() < 20 {
            return Err(error(
                w.span().start,
                "reader.max_text_width",
                "must be at least 20".into(),
            ));
        }
        config.max_text_width = w.into_inner();
    }
    config.list_width = file.layout.list_width.filter(|w| *w > 0).or(config.list_width);
    config.sidebar_width = file.layout.sidebar_width.filter(|w| *w > 0).or(config.sidebar_width);
    if let Some(names) = &file.watch.names {
        let checked = names
            .get_ref()
            .iter()
            .map(|n| watch::check_name(n))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| error(names.span().start, "watch.names", m))?;
        watch::extend(&mut config.watch, checked)
            .map_err(|m| error(names.span().start, "watch.names", m))?;
    }
    if let Some(f) = &file.watch.file {
        let at = f.span().start;
        let given = Path::new(f.get_ref());
        let full = match dir {
            Some(d) if given.is_relative() => d.join(given),
            _ => given.to_path_buf(),
        };
        let names = watch::read_file(&full).map_err(|m| error(at, "watch.file", m))?;
        watch::extend(&mut config.watch, names).map_err(|m| error(at, "watch.file", m))?;
    }
    for (name, value) in &file.theme {
        let key = format!("theme.{}", name.get_ref());
        let slot = element(&mut config.theme, name.get_ref())
            .ok_or_else(|| error(name.span().start, &key, format!("unknown element (one of {}, or a kind: money, percent, date, person, org, place, quote)", ELEMENTS.join(", "))))?;
        *slot = parse_style(value.get_ref()).map_err(|m| error(value.span().start, &key, m))?;
    }
    for (scope_name, actions) in &file.keys {
        let scope = Scope::ALL
            .iter()
            .copied()
            .find(|s| s.config_name() == scope_name.get_ref())
            .ok_or_else(|| {
                error(
                    scope_name.span().start,
                    &format!("keys.{}", scope_name.get_ref()),
                    format!(
                        "unknown pane (one of {})",
                        Scope::ALL.iter().map(|s| s.config_name()).collect::<Vec<_>>().join(", ")
                    ),
                )
            })?;
        for (action_name, keys) in actions {
            let key = format!("keys.{}.{}", scope_name.get_ref(), action_name.get_ref());
            let action = Action::ALL
                .iter()
                .copied()
                .find(|a| a.config_name() == *action_name.get_ref())
                .ok_or_else(|| {
                    error(
                        action_name.span().start,
                        &key,
                        "unknown action (see `dossier --print-config`)".into(),
                    )
                })?;
            let list = match keys.get_ref() {
                Keys::One(k) => vec![k.clone()],
                Keys::Many(ks) => ks.clone(),
            };
            // Parsed here, once: a key press is then compared by value.
            let list = list
                .iter()
                .map(|k| k.parse::<Sequence>().map_err(|m| error(keys.span().start, &key, m)))
                .collect::<Result<Vec<_>, _>>()?;
            config.keymap.set(scope, action, list);
        }
    }
    Ok(config)
}

/// The dotted key an error of the TOML parser points at: the key of the
/// line, under the table above it (`reader.furniture` for a wrong value).
fn key_at(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    let Some(span) = span else { return String::new() };
    let at = crate::text::floor_char_boundary(text, span.start);
    let (before, after) = text.split_at(at);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = after.find('\n').map_or(text.len(), |i| at + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    let unquote = |s: &str| s.trim().trim_matches(['"', '\'']).to_string();
    let name = match line.split_once('=') {
        Some((key, _)) => unquote(key),
        None => unquote(line.trim().trim_start_matches('[').trim_end_matches(']')),
    };
    if line.trim_start().starts_with('[') {
        return name;
    }
    let table = text
        .get(..line_start)
        .unwrap_or("")
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| unquote(l.trim_start_matches('[').trim_end_matches(']')));
    match table {
        Some(t) if !name.is_empty() => format!("{t}.{name}"),
        _ => name,
    }
}

/// The complete default configuration, commented: what `--print-config` prints.
pub fn print_default() -> String {
    let d = Config::default();
    let mut out = String::from(
        "# dossier configuration: $XDG_CONFIG_HOME/dossier/config.toml (or --config FILE).\n\
         # Every setting is shown with its default; remove what you do not change.\n\n\
         [reader]\n",
    );
    let _ = writeln!(
        out,
        "furniture = {}        # show page furniture (dimmed); B toggles",
        d.furniture
    );
    let _ =
        writeln!(out, "highlight = {}         # colour facts in the text; H toggles", d.highlight);
    let _ = writeln!(
        out,
        "max_text_width = {}      # widest the article text gets, in columns\n",
        d.max_text_width
    );
    out.push_str(
        "[watch]\n# Names flagged in the list and the sidebar wherever the articles name them\n\
         # (any spelling of the entity: watching \"China\" flags \"Trung Quốc\"); W lists them.\n\
         names = []\n# file = \"watch.txt\"   # one name per line, beside this file\n\n",
    );
    out.push_str("[layout]\nlist_width = 0          # columns; 0 chooses from the terminal's width\nsidebar_width = 0\n\n");
    out.push_str(
        "[theme]\n# A style is `default` (the terminal's own colours) or a colour, `on` a background\n\
         # colour, and modifiers: \"cyan bold\", \"black on yellow\", \"#ff8800 italic\".\n\
         # Colours: black red green yellow blue magenta cyan gray darkgray white, light…, #rrggbb.\n\
         # Modifiers: bold dim italic underlined reversed crossed_out.\n",
    );
    let mut theme = d.theme.clone();
    for name in ELEMENTS.iter().copied().chain(Kind::ALL.iter().map(|k| k.name())) {
        let style = element(&mut theme, name).map(|s| format_style(*s)).unwrap_or_default();
        let _ = writeln!(out, "{name} = \"{style}\"");
    }
    out.push_str(
        "\n# Keys, per pane: an action = a key or a list of keys. A key is written as in\n\
         # `dossier render --keys`: a character (j, G, ?), a name (Enter Esc Tab BackTab Space\n\
         # Up Down Left Right PgUp PgDn Home End Backspace F1…F12), C-x for Ctrl, A-x for Alt;\n\
         # \"g g\" is a sequence. Binding a key takes it from the action that had it.\n",
    );
    for scope in Scope::ALL {
        let _ = writeln!(out, "\n[keys.{}]", scope.config_name());
        for b in d.keymap.bindings.iter().filter(|b| b.scope == *scope) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.to_string())).collect();
            let _ = writeln!(
                out,
                "{} = [{}]  # {}",
                b.action.config_name(),
                keys.join(", "),
                b.action.describe()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> String {
        parse(text, "config.toml", Config::default()).unwrap_err().to_string()
    }

    #[test]
    fn the_printed_defaults_parse_to_the_defaults() {
        let parsed = parse(
            &print_default(),
            "default",
            Config { theme: Theme::monochrome(), ..Config::default() },
        );
        assert_eq!(parsed.unwrap(), Config::default());
    }

    #[test]
    fn settings_apply() {
        let text = "[reader]\nfurniture = true\nmax_text_width = 60\n[theme]\nmoney = \"black on yellow\"\n[keys.list]\ndown = [\"J\"]\nfirst = \"g g\"\n";
        let c = parse(text, "c", Config::default()).unwrap();
        assert!(c.furniture);
        assert_eq!(c.max_text_width, 60);
        assert_eq!(c.theme.kind(Kind::Money), parse_style("black on yellow").unwrap());
        let list: Vec<_> = c
            .keymap
            .bindings
            .iter()
            .filter(|b| b.scope == Scope::List && b.action == Action::Down)
            .collect();
        assert_eq!(list[0].keys, ["J".parse().unwrap()]);
    }

    #[test]
    fn errors_show_control_characters_and_name_the_key() {
        let err = parse_err("[keys.list]\n\"do\x1b[31mwn\x07\" = \"x\"\n");
        assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
        assert!(err.contains("\u{241b}[31m"), "{err:?}");
        let err = parse_err("[theme]\n\"\x1b]0;pwned\x07\" = \"red\"\n");
        assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
        let err = parse_err("[reader]\nfurniture = 3\n");
        assert!(err.starts_with("config.toml:2: reader.furniture: "), "{err}");
        let err = parse_err("[reader]\nmax_text_width = \"wide\"\n");
        assert!(err.starts_with("config.toml:2: reader.max_text_width: "), "{err}");
    }

    #[test]
    fn an_empty_quit_leaves_ctrl_c() {
        let c = parse("[keys.anywhere]\nquit = []\n", "c", Config::default()).unwrap();
        let ctrl_c = crate::keys::Key::ctrl('c');
        assert_eq!(
            c.keymap.lookup(&[], ctrl_c, crate::keys::Context::List),
            crate::keys::Lookup::Action(Action::Quit)
        );
    }

    #[test]
    fn errors_name_file_line_and_key() {
        assert_eq!(
            parse_err("[reader]\nfurniture = true\nmax_text_width = 5\n"),
            "config.toml:3: reader.max_text_width: must be at least 20"
        );
        assert_eq!(
            parse_err("[theme]\n\nborder = \"blurple\"\n"),
            "config.toml:3: theme.border: unknown colour \"blurple\" (a name such as cyan or darkgray, or #rrggbb)"
        );
        assert!(
            parse_err("[keys.list]\ndown = \"C-\"\n")
                .starts_with("config.toml:2: keys.list.down: unknown key")
        );
        assert!(
            parse_err("[keys.list]\nfly = \"x\"\n")
                .starts_with("config.toml:2: keys.list.fly: unknown action")
        );
        assert!(
            parse_err("[keys.nowhere]\ndown = \"x\"\n")
                .starts_with("config.toml:1: keys.nowhere: unknown pane")
        );
        assert!(
            parse_err("[theme]\nsparkle = \"red\"\n")
                .starts_with("config.toml:2: theme.sparkle: unknown element")
        );
        assert!(
            parse_err("[reader]\nfurniture = 3\n").starts_with("config.toml:2: "),
            "{}",
            parse_err("[reader]\nfurniture = 3\n")
        );
        assert!(
            parse_err("[readr]\n").starts_with("config.toml:1: "),
            "{}",
            parse_err("[readr]\n")
        );
    }
}
