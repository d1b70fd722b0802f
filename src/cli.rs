//! Command-line arguments (clap) and what they select.

use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};
pub use clap_complete::Shell;

/// A terminal reader for a pile of news articles, with the facts of each
/// one beside the text.
///
/// With no PATH, opens the bundled articles; with paths, opens those files
/// and folders instead (.txt, .md, .html, .json, .jsonl, RSS/Atom feeds).
#[derive(Debug, Parser)]
#[command(name = "dossier", version)]
// Command-line switches are independent flags, not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    // Help text as an attribute: a doc comment would have the lints put
    // backquotes into the environment variable's name.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help = "Read the configuration from FILE instead of $XDG_CONFIG_HOME/dossier/config.toml"
    )]
    pub config: Option<PathBuf>,

    #[arg(
        long,
        global = true,
        help = "No colours: only bold, reverse and underline (also when NO_COLOR is set)"
    )]
    pub no_color: bool,

    /// Neither read nor write the reading state.
    #[arg(long, global = true)]
    pub no_state: bool,

    /// Neither read nor write the library of parsed articles and their
    /// facts: every file is parsed and extracted again.
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Print the complete default configuration, commented, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Print the path of the database that holds the documents and facts
    /// tables (for sqlite3 or Datasette), and exit.
    #[arg(long)]
    pub db_path: bool,

    /// Files and folders of articles to open.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the facts of each article: a table, or JSON Lines with --json.
    Facts {
        /// One JSON object per article, as FACTS.md describes.
        #[arg(long)]
        json: bool,
        /// Files and folders (default: the bundled articles).
        paths: Vec<PathBuf>,
    },
    /// Print everything the articles say about one person, organisation
    /// or place: its names per language, roles, the articles that name it,
    /// quotes, the figures in its sentences, who appears with it, and its
    /// dated sentences with relative dates resolved against each article's
    /// date. Exits with status 1 when no entity goes by NAME.
    Entity {
        /// Any of its names: the canonical one or one as an article writes
        /// it, case aside (`China`, `Trung Quốc`, `chinas`).
        name: String,
        /// One JSON object (names, roles, articles, quotes, figures, with,
        /// timeline), each line with its article id and offsets.
        #[arg(long)]
        json: bool,
        /// Files and folders (default: the bundled articles).
        paths: Vec<PathBuf>,
    },
    /// Print each article's clean text: the title, a blank line, the
    /// header when the source gives one (By:, Date:, Site:, URL: lines, a
    /// blank line), then one paragraph per line (a list's items on lines of
    /// their own) with blank lines between; articles are separated by a
    /// line holding only a form feed.
    Text {
        /// Files and folders (default: the bundled articles).
        paths: Vec<PathBuf>,
    },
    /// Forget what has not been seen for a long time: the reading marks of
    /// articles not loaded for DAYS days, and the library's copies of files
    /// not listed for as long.
    Prune {
        /// How long unseen, in days.
        #[arg(long, default_value_t = 90)]
        days: u64,
    },
    /// Draw the reader's screen after some keys and print it as plain text,
    /// without a terminal.
    Render {
        /// Screen size, `COLUMNSxROWS`.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press first, whitespace-separated: `j j n ?`, `C-d`, `Enter`, `Space`.
        #[arg(long, default_value = "")]
        keys: String,
        /// Also write the screen, with colours, as an SVG file.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Files and folders (default: the bundled articles).
        paths: Vec<PathBuf>,
    },
    /// Print a completion script for SHELL (bash, zsh, fish, elvish,
    /// powershell); see the README for where it goes.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff); see the README for where it goes.
    Man,
}

impl Cli {
    /// Whether to draw without colour: `--no-color`, or `NO_COLOR` set and not empty.
    pub fn monochrome(&self) -> bool {
        self.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}

/// The completion script for `shell`, made from the same definition as
/// the arguments themselves, so that it never falls out of step.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut out);
    out
}

/// The manual page, in roff, made from the same definition: the command's
/// synopsis, description and options, then each subcommand's in a
/// COMMANDS section, so that one page holds them all.
pub fn man_page() -> Vec<u8> {
    use clap_mangen::Man;
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    Man::new(cmd.clone()).render_title(&mut out).expect("writing into memory does not fail");
    let top: [Part; 4] = [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    append_sections(&mut out, &Man::new(cmd.clone()), &top, true);
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_bin_name().unwrap_or(sub.get_name());
        out.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        let parts: [Part; 3] = [
            Man::render_synopsis_section,
            Man::render_description_section,
            Man::render_options_section,
        ];
        append_sections(&mut out, &Man::new(sub.clone()), &parts, false);
    }
    append_sections(&mut out, &Man::new(cmd), &[Man::render_version_section], true);
    out
}

/// One way of rendering a part of a manual page.
type Part = fn(&clap_mangen::Man, &mut dyn Write) -> std::io::Result<()>;

/// Appends sections of a page, without the preamble each rendering repeats
/// (the page has it once, from its title); `headings: false` also drops
/// their `.SH` headings, for a subcommand's parts under its own `.SS`.
fn append_sections(out: &mut Vec<u8>, man: &clap_mangen::Man, parts: &[Part], headings: bool) {
    for part in parts {
        let mut section = Vec::new();
        part(man, &mut section).expect("writing into memory does not fail");
        for line in String::from_utf8_lossy(&section).lines() {
            let preamble = line.starts_with(".ie ") || line.starts_with(".el ");
            if !preamble && (headings || !line.starts_with(".SH ")) {
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
            }
        }
        if !headings {
            out.extend_from_slice(b".PP\n");
        }
    }
}

/// Every path named must exist: the reader and `render` refuse one that
/// does not, naming it, rather than open an empty screen.
pub fn check_paths(paths: &[PathBuf]) -> Result<(), String> {
    for path in paths {
        if let Err(e) = std::fs::metadata(path) {
            return Err(format!(
                "{}: cannot open: {e}",
                crate::text::one_line(&path.display().to_string())
            ));
        }
    }
    Ok(())
}

/// What `text` and `facts` say when the paths named hold no article.
pub fn no_articles(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| crate::text::one_line(&p.display().to_string()).into_owned())
        .collect();
    format!("no articles found in {}", names.join(", "))
}

/// The largest screen `render` draws: more than any terminal has (a
/// terminal filling an 8K display with a small font is about 1900×500).
/// The screen is held in memory cell by cell, so a size no terminal can
/// have is refused rather than allocated.
pub const MAX_SIZE: (u16, u16) = (2000, 1000);

/// Parses `120x40` into (columns, rows).
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) =
        s.split_once(['x', 'X']).ok_or_else(|| format!("expected COLUMNSxROWS, got {s:?}"))?;
    let parse = |v: &str| v.trim().parse::<u16>().map_err(|e| format!("{v:?}: {e}"));
    let (w, h) = (parse(w)?, parse(h)?);
    if w == 0 || h == 0 {
        return Err("the size must be at least 1x1".into());
    }
    if w > MAX_SIZE.0 || h > MAX_SIZE.1 {
        return Err(format!(
            "no terminal is {w}x{h}: the size must be at most {}x{}",
            MAX_SIZE.0, MAX_SIZE.1
        ));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_names_the_environment_as_a_shell_does() {
        let help = Cli::command().render_long_help().to_string();
        assert!(help.contains(" $XDG_CONFIG_HOME/dossier/config.toml\n"), "{help}");
        assert!(help.contains("(also when NO_COLOR is set)"), "{help}");
        assert!(!help.contains('`'), "{help}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("120x40"), Ok((120, 40)));
        assert!(parse_size("0x3").is_err());
        assert!(parse_size("abc").is_err());
        assert_eq!(parse_size("2000x1000"), Ok((2000, 1000)));
        for huge in ["5000x5000", "65535x65535", "2001x10", "10x1001", "70000x1"] {
            assert!(parse_size(huge).is_err(), "{huge}");
        }
    }

    #[test]
    fn global_flags_go_before_or_after_a_subcommand() {
        for args in [
            &["dossier", "--no-state", "render", "--size", "80x20"][..],
            &["dossier", "render", "--no-state", "--size", "80x20"][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert!(cli.no_state);
            assert!(
                matches!(cli.command, Some(Command::Render { size: (80, 20), .. })),
                "{args:?}"
            );
        }
        let cli =
            Cli::try_parse_from(["dossier", "--no-color", "facts", "--json", "a.txt"]).unwrap();
        assert!(cli.no_color && cli.paths.is_empty());
        assert!(
            matches!(cli.command, Some(Command::Facts { json: true, ref paths }) if paths.len() == 1)
        );
        let cli = Cli::try_parse_from(["dossier", "--no-state", "a.txt", "b"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
    }
}
