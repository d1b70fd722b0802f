//! Command-line arguments (clap) and what they select.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// Print each article's clean text: the title, a blank line, then one
    /// paragraph per line with blank lines between; articles are separated
    /// by a line holding only a form feed.
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
}

impl Cli {
    /// Whether to draw without colour: `--no-color`, or `NO_COLOR` set and not empty.
    pub fn monochrome(&self) -> bool {
        self.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
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
        use clap::CommandFactory;
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
