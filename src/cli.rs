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

    /// Read the configuration from FILE instead of $`XDG_CONFIG_HOME/dossier/config.toml`.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// No colours: only bold, reverse and underline (also when `NO_COLOR` is set).
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Neither read nor write the reading state.
    #[arg(long, global = true)]
    pub no_state: bool,

    /// Print the complete default configuration, commented, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Print the path of the database that holds the `documents` and
    /// `facts` tables (for sqlite3 or Datasette), and exit.
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

/// Parses `120x40` into (columns, rows).
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) =
        s.split_once(['x', 'X']).ok_or_else(|| format!("expected COLUMNSxROWS, got {s:?}"))?;
    let parse = |v: &str| v.trim().parse::<u16>().map_err(|e| format!("{v:?}: {e}"));
    let (w, h) = (parse(w)?, parse(h)?);
    if w == 0 || h == 0 {
        return Err("the size must be at least 1x1".into());
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("120x40"), Ok((120, 40)));
        assert!(parse_size("0x3").is_err());
        assert!(parse_size("abc").is_err());
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
