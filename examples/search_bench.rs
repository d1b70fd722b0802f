//! Times dossier's corpus search on a generated corpus, for
//! `benches/search_vs_rg.sh`.
//!
//! `search_bench write DIR N` writes the N-article corpus, one file each.
//! `search_bench time N QUERY…` builds the index and prints, per query, the
//! median of 20 runs in milliseconds and the number of matching articles.

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::time::{Duration, Instant};

use dossier::index::{Query, SearchIndex};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("write") => {
            let dir = args.get(1).ok_or_else(|| anyhow::anyhow!("write DIR N"))?;
            let n: usize = args.get(2).map_or(Ok(100_000), |s| s.parse())?;
            write(std::path::Path::new(dir), n)
        }
        Some("time") => {
            let n: usize = args.get(1).map_or(Ok(100_000), |s| s.parse())?;
            time(n, args.get(2..).unwrap_or(&[]));
            Ok(())
        }
        _ => anyhow::bail!("usage: search_bench write DIR N | time N QUERY…"),
    }
}

fn write(dir: &std::path::Path, n: usize) -> anyhow::Result<()> {
    let bytes = synth::write_folder(dir, n, 0, synth::Files::Text)?;
    eprintln!("wrote {n} articles, {} MB", bytes / 1_000_000);
    Ok(())
}

fn time(n: usize, queries: &[String]) {
    let t = Instant::now();
    let docs = synth::corpus(n);
    let generated = t.elapsed();
    let bytes: usize = docs.iter().map(|d| d.body.len() + d.title.len()).sum();
    eprintln!("memory with the corpus: {}", memory());
    let t = Instant::now();
    let index = SearchIndex::build(&docs);
    let built = t.elapsed();
    eprintln!(
        "{n} articles, {} MB of text: generated in {:.2} s, index built in {:.2} s, \
         index {} MB, {} distinct words",
        bytes / 1_000_000,
        generated.as_secs_f64(),
        built.as_secs_f64(),
        index.heap_bytes() / 1_000_000,
        index.word_count()
    );
    eprintln!("memory with the index: {}", memory());
    for q in queries {
        let query = Query::parse(q);
        let mut runs: Vec<Duration> = Vec::new();
        let mut total = 0;
        for _ in 0..20 {
            let t = Instant::now();
            total = index.search(&docs, &query, 50).total;
            runs.push(t.elapsed());
        }
        runs.sort();
        let t = Instant::now();
        let matched = index.matching(&query).len();
        let matching = t.elapsed();
        println!(
            "{q}\t{:.2}\t{total}\t(matching alone {:.2} ms, {matched})",
            runs[runs.len() / 2].as_secs_f64() * 1000.0,
            matching.as_secs_f64() * 1000.0
        );
    }
}

/// Resident and peak memory from /proc (Linux), for the report.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status.lines().find(|l| l.starts_with(name)).map_or("?".to_string(), |l| {
            let kb: usize = l.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0);
            format!("{} MB", kb / 1000)
        })
    };
    format!("resident {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}
