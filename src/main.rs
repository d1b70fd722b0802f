//! `dossier`: arguments → the reader, or a headless command. Errors become
//! a message on stderr and an exit status.

use std::fmt::Write as _;
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
use dossier::output;
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
        return output::print(&dossier::config::print_default());
    }
    if cli.db_path {
        let path = dossier::store::db_path().context("no home directory to keep a database in")?;
        // The reader leaves the index of `facts` by kind and value to be
        // built when the file is asked for: whoever queries it gets it.
        if path.exists()
            && let Ok(mut library) = dossier::store::Library::open(&path)
        {
            let _ = library.index_facts();
        }
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
        Some(Command::Facts { json, ref paths }) => facts(json, paths, cli),
        Some(Command::Entity { ref name, json, ref paths }) => entity(name, json, paths, cli),
        Some(Command::Text { ref paths }) => text(paths, cli),
        Some(Command::Prune { days }) => prune(days),
        Some(Command::Completions { shell }) => print_bytes(&dossier::cli::completions(shell)),
        Some(Command::Man) => print_bytes(&dossier::cli::man_page()),
        Some(Command::Render { size, ref keys, ref svg, ref paths }) => {
            dossier::cli::check_paths(paths).map_err(anyhow::Error::msg)?;
            let config = match config() {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            let (corpus, facts) = open(paths, cli);
            let screen =
                dossier::render::render_loaded(corpus, &facts, config, size, keys, svg.as_deref())?;
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
            dossier::tui::run(cli.paths.clone(), config, !cli.no_state, !cli.no_cache)
        }
    }
}

/// Writes generated text (a completion script, the manual page) to stdout.
fn print_bytes(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    output::finish(out.write_all(bytes).and_then(|()| out.flush()))
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
/// library unless `--no-cache`, with each article's facts (corrected as
/// the reading state says, unless `--no-state`) when `facts`
/// (else none are extracted), batch by batch in path order, reporting
/// problems and notes on stderr as they come, and hands each batch's
/// articles and facts to `each`; nothing is kept after that. An `Err` from
/// `each` stops the load. Returns whether any problem was met, or the error.
fn load(
    paths: &[PathBuf],
    cli: &Cli,
    facts: bool,
    mut each: impl FnMut(Loaded) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let (mut library, note) = pipeline::open_library(!cli.no_cache && !paths.is_empty());
    if let Some(note) = note {
        eprintln!("dossier: note: {note}");
    }
    let (corrections, note) = pipeline::corrections::for_headless(facts && !cli.no_state);
    if let Some(note) = note {
        eprintln!("dossier: note: {note}");
    }
    let extractor = Lazy::corrected(corrections);
    let mut problems = false;
    let mut found = false;
    let mut result = Ok(());
    let mut on_batch = |loaded: Loaded| {
        problems |= report_problems(&loaded);
        found |= !loaded.docs.is_empty();
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

fn text(paths: &[PathBuf], cli: &Cli) -> Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    let result = load(paths, cli, false, |loaded| {
        for doc in &loaded.docs {
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

fn facts(json: bool, paths: &[PathBuf], cli: &Cli) -> Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let result = load(paths, cli, true, |loaded| {
        if json {
            // Written as serialised, a fact at a time: a line of JSON is
            // several times the size of its article's text.
            for (doc, facts) in loaded.docs.iter().zip(&loaded.facts) {
                report::write_json_line(&mut out, doc, facts)?;
                writeln!(out)?;
            }
            return out.flush();
        }
        // Formatted on every core, then printed in order.
        let tables: Vec<String> = (loaded.docs.par_iter().zip(&loaded.facts))
            .map(|(doc, facts)| report::table(doc, facts))
            .collect();
        drop(loaded);
        for table in tables {
            writeln!(out, "{table}")?;
        }
        out.flush()
    });
    streamed_status(result)
}

/// `dossier entity NAME`: the entity's page, as text or one JSON object;
/// status 1 when no entity goes by that name.
fn entity(name: &str, json: bool, paths: &[PathBuf], cli: &Cli) -> Result<ExitCode> {
    use dossier::index::{EntityIndex, dossier as page};
    use dossier::report::dossier::{self as report_page, Pile};
    let (corpus, facts) = open(paths, cli);
    let index = EntityIndex::build(&facts);
    let Some(entity) = page::find_entity(&index, &corpus.docs, facts.as_slice(), name) else {
        eprintln!(
            "dossier: no person, organisation or place is named {:?} in {} article(s)",
            dossier::text::one_line(name),
            corpus.docs.len()
        );
        return Ok(ExitCode::from(1));
    };
    let built = page::build(&entity, &index, &corpus.docs, facts.as_slice());
    let pile = Pile { docs: &corpus.docs, facts: facts.as_slice() };
    if json {
        let mut out = BufWriter::new(std::io::stdout().lock());
        let written = report_page::write_json(&mut out, &built, pile);
        return output::finish(written.and_then(|()| writeln!(out)).and_then(|()| out.flush()));
    }
    output::print(&report_page::text(&built, pile))
}

/// The whole corpus and its facts, for `render`.
fn open(paths: &[PathBuf], cli: &Cli) -> (Corpus, Vec<Vec<Fact>>) {
    let mut corpus = Corpus::default();
    let mut facts = Vec::new();
    let _ = load(paths, cli, true, |loaded| {
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
    let mut said = format!("{forgotten} reading mark(s) unseen for {days} days forgotten\n");
    match dossier::store::Library::open_default() {
        Ok(mut library) => {
            let files = library.prune(unseen)?;
            let _ =
                writeln!(said, "{files} file(s) unlisted for {days} days dropped from the library");
        }
        Err(e) => eprintln!("dossier: note: the library is not pruned: {e}"),
    }
    output::print(&said)
}
