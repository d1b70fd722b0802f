//! Writes a generated corpus for benchmarks and trials:
//!
//! ```text
//! cargo run --release --example corpus -- DIR N [--seed S] [--txt]
//! ```
//!
//! `N` articles in Vietnamese, English, German and Dutch made from the
//! bundled articles' sentences with varied numbers, names, places and
//! lengths (one in 500 about fifty pages long), one file each: mostly
//! `.txt`, with Markdown, saved web pages and JSON among them (`--txt`: all
//! `.txt`). The same `N` and seed always write the same files.

#[path = "../tests/synth/mod.rs"]
mod synth;

use anyhow::{Context, Result, bail};
use synth::Files;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut n, mut seed, mut files) = (None, None, 0, Files::Mixed);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().context("--seed needs a number")?.parse()?,
            "--txt" => files = Files::Text,
            _ if dir.is_none() => dir = Some(std::path::PathBuf::from(a)),
            _ if n.is_none() => n = Some(a.parse::<usize>().context("N must be a number")?),
            _ => bail!("usage: corpus DIR N [--seed S] [--txt]"),
        }
    }
    let (Some(dir), Some(n)) = (dir, n) else { bail!("usage: corpus DIR N [--seed S] [--txt]") };
    let t = std::time::Instant::now();
    let bytes = synth::write_folder(&dir, n, seed, files)
        .with_context(|| format!("writing {}", dir.display()))?;
    eprintln!(
        "wrote {n} articles, {:.1} MB, to {} in {:.1} s",
        bytes as f64 / 1e6,
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
