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
use dossier::corpus::{Corpus, Options};
use dossier::facts::Fact;
use dossier::pipeline::{self, Lazy, Loaded, Order};
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
        print!("{}", dossier::config::print_default());
        return Ok(ExitCode::SUCCESS);
    }
    if cli.db_path {
        let path = dossier::store::db_path().context("no home directory to keep a database in")?;
        println!("{}", path.display());
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
        Some(Command::Facts { json, ref paths }) => facts(json, paths, cli.no_cache),
        Some(Command::Text { ref paths }) => text(paths, cli.no_cache),
        Some(Command::Prune { days }) => prune(days),
        Some(Command::Render { size, ref keys, ref svg, ref paths }) => {
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            let (corpus, facts) = open(paths, cli.no_cache);
            let screen =
                dossier::render::render_loaded(corpus, facts, config, size, keys, svg.as_deref())?;
            print!("{screen}");
            Ok(ExitCode::SUCCESS)
        }
        None => {
            // An invalid configuration stops dossier before the terminal is touched.
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            dossier::tui::run(cli.paths.clone(), config, !cli.no_state, !cli.no_cache)
        }
    }
}

/// Reports a batch's problems and notes on stderr; whether there was a problem.
fn report_problems(loaded: &Loaded) -> bool {
    for p in &loaded.problems {
        eprintln!("dossier: {p}");
    }
    for n in &loaded.notes {
        if n.path.is_empty() {
            eprintln!("dossier: note: {}", n.message);
        } else {
            eprintln!("dossier: note: {n}");
        }
    }
    !loaded.problems.is_empty()
}

/// Loads `paths` (the bundled articles when there are none) through the
/// library unless `no_cache`, with each article's facts when `facts`
/// (else none are extracted), batch by batch in path order, reporting
/// problems and notes on stderr as they come, and hands each batch's
/// articles and facts to `each`; nothing is kept after that. An `Err` from
/// `each` stops the load. Returns whether any problem was met, or the error.
fn load(
    paths: &[PathBuf],
    no_cache: bool,
    facts: bool,
    mut each: impl FnMut(Loaded) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let (mut library, note) = pipeline::open_library(!no_cache && !paths.is_empty());
    if let Some(note) = note {
        eprintln!("dossier: note: {note}");
    }
    let extractor = Lazy::default();
    let mut problems = false;
    let mut result = Ok(());
    let mut on_batch = |loaded: Loaded| {
        problems |= report_problems(&loaded);
        result = each(loaded);
        if result.is_ok() { ControlFlow::Continue(()) } else { ControlFlow::Break(()) }
    };
    pipeline::load(
        paths,
        library.as_mut(),
        facts.then_some(&extractor),
        Order::Paths,
        Options::default(),
        &mut on_batch,
    );
    result.map(|()| problems)
}

/// Exit status 2 when any file or article could not be loaded; a reader
/// that stops early (`| head`) is not an error.
fn streamed_status(result: std::io::Result<bool>) -> Result<ExitCode> {
    match result {
        Ok(false) => Ok(ExitCode::SUCCESS),
        Ok(true) => Ok(ExitCode::from(2)),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}

fn text(paths: &[PathBuf], no_cache: bool) -> Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    let result = load(paths, no_cache, false, |loaded| {
        for doc in &loaded.docs {
            if !first {
                writeln!(out, "\x0c")?;
            }
            first = false;
            writeln!(out, "{}\n", doc.title)?;
            if !doc.body.is_empty() {
                writeln!(out, "{}", doc.body)?;
            }
        }
        out.flush()
    });
    streamed_status(result)
}

fn facts(json: bool, paths: &[PathBuf], no_cache: bool) -> Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let result = load(paths, no_cache, true, |loaded| {
        // Formatted on every core, then printed in order.
        let lines: Vec<String> = (loaded.docs.par_iter().zip(&loaded.facts))
            .map(
                |(doc, facts)| {
                    if json { report::json_line(doc, facts) } else { report::table(doc, facts) }
                },
            )
            .collect();
        drop(loaded);
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()
    });
    streamed_status(result)
}

/// The whole corpus and its facts, for `render`.
fn open(paths: &[PathBuf], no_cache: bool) -> (Corpus, Vec<Vec<Fact>>) {
    let mut corpus = Corpus::default();
    let mut facts = Vec::new();
    let _ = load(paths, no_cache, true, |loaded| {
        corpus.problems.extend(loaded.problems);
        corpus.notes.extend(loaded.notes);
        corpus.docs.extend(loaded.docs);
        facts.extend(loaded.facts);
        Ok(())
    });
    (corpus, facts)
}

/// `dossier prune`: the marks and library rows unseen for `days` days.
fn prune(days: u64) -> Result<ExitCode> {
    let unseen = std::time::Duration::from_secs(days.saturating_mul(86_400));
    let mut marks = dossier::store::Marks::open_default()?;
    let forgotten = marks.prune(unseen)?;
    println!("{forgotten} reading mark(s) unseen for {days} days forgotten");
    match dossier::store::Library::open_default() {
        Ok(mut library) => {
            let files = library.prune(unseen)?;
            println!("{files} file(s) unlisted for {days} days dropped from the library");
        }
        Err(e) => eprintln!("dossier: note: the library is not pruned: {e}"),
    }
    Ok(ExitCode::SUCCESS)
}
