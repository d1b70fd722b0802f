//! `dossier`: arguments → the reader, or a headless command. Errors become
//! a message on stderr and an exit status.

use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use rayon::prelude::*;

use dossier::cli::{Cli, Command};
use dossier::config::Config;
use dossier::corpus::{Batch, Corpus, Document, collect_sources, stream};
use dossier::facts::Extractor;
use dossier::output;
use dossier::report;
use dossier::theme::Theme;

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
        return output::print(&dossier::config::print_default());
    }
    if cli.db_path {
        let path = dossier::store::db_path().context("no home directory to keep a database in")?;
        return output::print(&format!("{}\n", path.display()));
    }
    let theme = if cli.monochrome() { Theme::monochrome() } else { Theme::default() };
    let config = || -> Result<Config, ExitCode> {
        let mut config = Config::load(cli.config.as_deref(), theme.clone()).map_err(|e| {
            eprintln!("dossier: {e}");
            ExitCode::from(2)
        })?;
        if cli.monochrome() {
            // What the configuration colours, `--no-color` still draws without.
            config.theme = config.theme.without_colour();
        }
        Ok(config)
    };
    match cli.command {
        Some(Command::Facts { json, ref paths }) => facts(json, paths),
        Some(Command::Text { ref paths }) => text(paths),
        Some(Command::Completions { shell }) => print_bytes(&dossier::cli::completions(shell)),
        Some(Command::Man) => print_bytes(&dossier::cli::man_page()),
        Some(Command::Render { size, ref keys, ref svg, ref paths }) => {
            dossier::cli::check_paths(paths).map_err(anyhow::Error::msg)?;
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            let corpus = open(paths);
            let screen =
                dossier::render::render_configured(corpus, config, size, keys, svg.as_deref())?;
            output::print(&screen)
        }
        None => {
            dossier::cli::check_paths(&cli.paths).map_err(anyhow::Error::msg)?;
            // An invalid configuration stops dossier before the terminal is touched.
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                eprintln!(
                    "dossier: the reader needs a terminal that can move the cursor (TERM=dumb cannot); \
                     run it in a capable terminal, or use `dossier render`, `dossier text` or `dossier facts`"
                );
                return Ok(ExitCode::from(2));
            }
            dossier::tui::run(cli.paths.clone(), config, !cli.no_state)
        }
    }
}

/// Writes generated text (a completion script, the manual page) to stdout.
fn print_bytes(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the corpus and reports every file that did not load on stderr
/// (and every note, marked as one).
fn open(paths: &[PathBuf]) -> Corpus {
    let corpus = Corpus::open(paths);
    for p in &corpus.problems {
        eprintln!("dossier: {p}");
    }
    for n in &corpus.notes {
        eprintln!("dossier: note: {n}");
    }
    corpus
}

/// Loads `paths` (the bundled articles when there are none) batch by
/// batch, reporting problems and notes on stderr as they come, and hands
/// each batch's articles to `each` in path order; nothing is kept after
/// that. An `Err` from `each` stops the load. Returns whether any problem
/// was met, or the error.
fn stream_docs(
    paths: &[PathBuf],
    mut each: impl FnMut(Vec<Document>) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let listing = (!paths.is_empty()).then(|| collect_sources(paths));
    let mut problems = false;
    let mut found = false;
    let mut result = Ok(());
    let mut on_batch = |batch: Batch| {
        found |= !batch.docs.is_empty();
        for p in &batch.problems {
            eprintln!("dossier: {p}");
        }
        for n in &batch.notes {
            eprintln!("dossier: note: {n}");
        }
        problems |= !batch.problems.is_empty();
        result = each(batch.docs);
        if result.is_ok() { ControlFlow::Continue(()) } else { ControlFlow::Break(()) }
    };
    match listing {
        Some(listing) => {
            stream(listing, &mut on_batch);
        }
        None => {
            let _ = on_batch(Batch { docs: Corpus::bundled().docs, ..Batch::default() });
        }
    }
    // Said only when nothing else was: a file that failed was named already.
    if !found && !problems && result.is_ok() {
        eprintln!("dossier: {}", dossier::cli::no_articles(paths));
        problems = true;
    }
    result.map(|()| problems)
}

/// Exit status 2 when any file or article could not be loaded; a reader
/// that stops early (`| head`) is not an error.
fn streamed_status(result: std::io::Result<bool>) -> Result<ExitCode> {
    match result {
        Ok(false) => Ok(ExitCode::SUCCESS),
        Ok(true) => Ok(ExitCode::from(2)),
        Err(e) => output::finish(Err(e)),
    }
}

fn text(paths: &[PathBuf]) -> Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    let result = stream_docs(paths, |docs| {
        for doc in &docs {
            if !first {
                writeln!(out, "\x0c")?;
            }
            first = false;
            writeln!(out, "{}\n", doc.title)?;
            write!(out, "{}", report::header_text(doc))?;
            if !doc.body.is_empty() {
                writeln!(out, "{}", doc.body)?;
            }
        }
        out.flush()
    });
    streamed_status(result)
}

fn facts(json: bool, paths: &[PathBuf]) -> Result<ExitCode> {
    let extractor = Extractor::new();
    let mut out = BufWriter::new(std::io::stdout().lock());
    // Each batch is extracted on every core, then printed in order.
    let result = stream_docs(paths, |docs| {
        let lines: Vec<String> = docs
            .par_iter()
            .map(|doc| {
                let facts = extractor.extract(doc);
                if json { report::json_line(doc, &facts) } else { report::table(doc, &facts) }
            })
            .collect();
        drop(docs);
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()
    });
    streamed_status(result)
}
