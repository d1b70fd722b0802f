//! Sources → [`Batch`]es of documents, for a corpus too large to hold or to
//! wait for: files are loaded in bounded batches, each on every core
//! (rayon), and handed over in path order with `DocId`s running on from
//! the batch before. Identical articles are kept out across batches.
//! `dossier text` and `dossier facts` print each batch and drop it; the
//! reader sends each to its screen while the next one loads.

use std::ops::ControlFlow;
use std::time::Instant;

use rayon::prelude::*;

use super::load::{Dedup, load_file};
use super::{Document, Listing, Problem, Progress};
use crate::text::DocId;

/// Most files in one batch: small enough that the first articles show at once.
pub const BATCH_FILES: usize = 256;
/// Most bytes (as listed) in one batch, so that memory stays bounded
/// whatever the files' sizes; a larger file makes a batch of its own.
pub const BATCH_BYTES: u64 = 8 << 20;

/// Some files' worth of a load, in path order.
#[derive(Debug, Default)]
pub struct Batch {
    /// New articles, numbered on from the batches before.
    pub docs: Vec<Document>,
    /// Files (or articles in them) that could not be loaded.
    pub problems: Vec<Problem>,
    /// Things worth knowing that are no failure (a duplicate skipped).
    pub notes: Vec<Problem>,
    /// The load so far, this batch included.
    pub progress: Progress,
}

/// Loads the listed files batch by batch, calling `on_batch` with each
/// (from the calling thread, in path order); the listing's own problems
/// and notes come with the first batch. A `Break` ends the load there.
/// Returns the progress at the end.
pub fn stream(listing: Listing, mut on_batch: impl FnMut(Batch) -> ControlFlow<()>) -> Progress {
    let started = Instant::now();
    let Listing { sources, problems, notes } = listing;
    let mut progress = Progress {
        files_total: sources.len(),
        bytes_total: sources.iter().map(|s| s.bytes).sum(),
        ..Progress::default()
    };
    let mut dedup = Dedup::default();
    let mut next_id = 0;
    let mut first = Batch { problems, notes, ..Batch::default() };
    let mut rest = sources.as_slice();
    loop {
        let take = batch_len(rest);
        let (now, later) = rest.split_at(take);
        rest = later;
        let loaded: Vec<_> = now.par_iter().map(load_file).collect();
        let mut batch = std::mem::take(&mut first);
        for file in loaded {
            progress.files_done += 1;
            progress.bytes_done += file.bytes;
            batch.problems.extend(file.problems);
            for mut doc in file.docs {
                if let Some(note) = dedup.check(&doc) {
                    batch.notes.push(note);
                    continue;
                }
                doc.id = DocId(next_id);
                next_id += 1;
                batch.docs.push(doc);
            }
        }
        progress.elapsed = started.elapsed();
        batch.progress = progress;
        if on_batch(batch).is_break() || rest.is_empty() {
            return progress;
        }
    }
}

/// How many of `sources` go into the next batch: at least one.
fn batch_len(sources: &[super::Source]) -> usize {
    let mut bytes = 0;
    let mut n = 0;
    for s in sources.iter().take(BATCH_FILES) {
        bytes += s.bytes;
        if n > 0 && bytes > BATCH_BYTES {
            break;
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::collect_sources;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    fn batches(dir: &std::path::Path) -> Vec<Batch> {
        let mut out = Vec::new();
        stream(collect_sources(&[dir.to_path_buf()]), |b| {
            out.push(b);
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn batches_come_in_path_order_with_running_ids() {
        let files: Vec<(String, String)> = (0..600)
            .map(|i| (format!("{i:04}.txt"), format!("Story {i}\n\nBody number {i}.")))
            .collect();
        let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let dir = folder(&refs);
        let got = batches(dir.path());
        assert_eq!(got.len(), 3, "600 files in batches of {BATCH_FILES}");
        let docs: Vec<&Document> = got.iter().flat_map(|b| &b.docs).collect();
        for (i, doc) in docs.iter().enumerate() {
            assert_eq!(doc.id, DocId(i));
            assert_eq!(doc.key, format!("{i:04}"));
        }
        let last = got.last().unwrap().progress;
        assert_eq!((last.files_done, last.files_total), (600, 600));
        assert!(got.windows(2).all(|w| w[0].progress.files_done < w[1].progress.files_done));
    }

    #[test]
    fn duplicates_are_noted_across_batches() {
        let mut files: Vec<(String, String)> = (0..300)
            .map(|i| (format!("{i:04}.txt"), format!("Story {i}\n\nBody number {i}.")))
            .collect();
        files.push(("9999.txt".into(), "Story 3\n\nBody   number 3.".into()));
        let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let dir = folder(&refs);
        let got = batches(dir.path());
        let notes: Vec<&Problem> = got.iter().flat_map(|b| &b.notes).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].path.ends_with("9999.txt"));
        assert!(notes[0].message.contains("0003.txt"), "{}", notes[0].message);
        assert_eq!(got.iter().map(|b| b.docs.len()).sum::<usize>(), 300);
        assert!(got.iter().all(|b| b.problems.is_empty()));
    }

    #[test]
    fn problems_of_the_listing_come_first_and_a_stream_can_stop() {
        let dir = folder(&[("a.txt", "A\n\nText a."), ("b.bin", "\0\0\0\u{1}binary")]);
        let mut listing = collect_sources(&[dir.path().to_path_buf()]);
        listing.problems.push(Problem { path: "x".into(), message: "cannot open".into() });
        let mut seen = Vec::new();
        stream(listing, |b| {
            seen.push(b);
            ControlFlow::Break(())
        });
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].problems[0].path, "x");
        assert_eq!(seen[0].docs.len(), 1);
    }

    #[test]
    fn a_large_file_makes_a_batch_of_its_own() {
        let source = |bytes| super::super::Source {
            path: "x".into(),
            key: String::new(),
            display: String::new(),
            format: None,
            bytes,
        };
        let big = vec![source(BATCH_BYTES * 2), source(10)];
        assert_eq!(batch_len(&big), 1);
        let small: Vec<_> = (0..BATCH_FILES + 5).map(|_| source(10)).collect();
        assert_eq!(batch_len(&small), BATCH_FILES);
        assert_eq!(batch_len(&[]), 0);
    }
}
