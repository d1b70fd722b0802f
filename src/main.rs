//! `dossier`: arguments → the reader, or a headless command. Errors become
//! a message on stderr and an exit status.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use dossier::cli::{Cli, Command};
use dossier::config::Config;
use dossier::corpus::Corpus;
use dossier::facts::Extractor;
use dossier::report;
use dossier::ui::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    if cli.print_config {
        print!("{}", dossier::config::print_default());
        return Ok(ExitCode::SUCCESS);
    }
    let theme = if cli.monochrome() { Theme::monochrome() } else { Theme::default() };
    let config = || -> Result<Config, ExitCode> {
        Config::load(cli.config.as_deref(), theme.clone()).map_err(|e| {
            eprintln!("dossier: {e}");
            ExitCode::from(2)
        })
    };
    match cli.command {
        Some(Command::Facts { json, ref paths }) => facts(json, paths),
        Some(Command::Text { ref paths }) => text(paths),
        Some(Command::Render { size, ref keys, ref svg, ref paths }) => {
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            let corpus = open(paths);
            let screen =
                dossier::render::render_configured(corpus, config, size, keys, svg.as_deref())?;
            print!("{screen}");
            Ok(ExitCode::SUCCESS)
        }
        None => {
            // An invalid configuration stops dossier before the terminal is touched.
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            dossier::tui::run(open(&cli.paths), config, !cli.no_state)
        }
    }
}

/// Loads the corpus and reports every file that did not load on stderr
/// (and every note, marked as one).
fn open(paths: &[std::path::PathBuf]) -> Corpus {
    let corpus = Corpus::open(paths);
    for p in &corpus.problems {
        eprintln!("dossier: {p}");
    }
    for n in &corpus.notes {
        eprintln!("dossier: note: {n}");
    }
    corpus
}

/// Exit status 2 when any file or article could not be loaded.
fn status(corpus: &Corpus) -> ExitCode {
    if corpus.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
}

/// A reader that stops early (`| head`) is not an error.
fn quiet_broken_pipe(result: std::io::Result<()>) -> std::io::Result<bool> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        r => r.map(|()| true),
    }
}

fn text(paths: &[std::path::PathBuf]) -> Result<ExitCode> {
    let corpus = open(paths);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = (|| {
        for (i, doc) in corpus.docs.iter().enumerate() {
            if i > 0 {
                writeln!(out, "\x0c")?;
            }
            writeln!(out, "{}\n", doc.title)?;
            if !doc.body.is_empty() {
                writeln!(out, "{}", doc.body)?;
            }
        }
        out.flush()
    })();
    if !quiet_broken_pipe(written)? {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(status(&corpus))
}

fn facts(json: bool, paths: &[std::path::PathBuf]) -> Result<ExitCode> {
    let corpus = open(paths);
    let extractor = Extractor::new();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut result = Ok(());
    // Articles are extracted on every core and printed in order as they finish.
    dossier::parallel::map_ordered(
        &corpus.docs,
        |doc| {
            let facts = extractor.extract(doc);
            if json { report::json_line(doc, &facts) } else { report::table(doc, &facts) }
        },
        |_, text| {
            if result.is_ok() {
                result = writeln!(out, "{text}").and_then(|()| out.flush());
            }
        },
    );
    if !quiet_broken_pipe(result)? {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(status(&corpus))
}
