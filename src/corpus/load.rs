//! Sources → a [`Corpus`], parsed on every core (rayon) and merged in path
//! order, so the result is the same however the work was split: documents
//! in path order, `DocId`s dense from 0, identical articles kept once.
//!
//! For a reader that wants to show articles while the rest still load,
//! [`Corpus::load_with`] calls back after each file is merged, in path
//! order, with the corpus so far and a [`Progress`]; run it on a thread
//! and send what is new (`corpus.docs[seen..]`) to the UI. The callback
//! returns [`ControlFlow::Break`] to stop early (Ctrl-C, a new load): the
//! files not yet read are then left alone and the corpus so far returned.

use std::collections::{BTreeMap, HashMap, hash_map::Entry};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::format::{self, FormatError};
use super::{Corpus, Document, Listing, Problem, Source, collect_sources};
use crate::text::DocId;

/// How far a load has come: enough for "120/800 files · 35 MB · 12 MB/s".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub elapsed: Duration,
}

impl Progress {
    /// Megabytes read per second so far.
    pub fn mb_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 { self.bytes_done as f64 / 1e6 / secs } else { 0.0 }
    }
}

/// What one file gave: documents (ids still to assign) and problems.
pub(super) struct Loaded {
    pub(super) docs: Vec<Document>,
    pub(super) problems: Vec<Problem>,
    pub(super) bytes: u64,
}

impl Corpus {
    /// Loads the given files and folders (folders recursively, in path order).
    /// Never fails as a whole: what cannot be loaded lands in `problems`.
    pub fn load(paths: &[PathBuf]) -> Self {
        Self::load_with(paths, |_, _| ControlFlow::Continue(()))
    }

    /// [`Corpus::load`], calling `on_file(corpus so far, progress)` after
    /// each file is merged (in path order, from the calling thread); a
    /// `Break` from it ends the load there.
    pub fn load_with(
        paths: &[PathBuf],
        on_file: impl FnMut(&Corpus, Progress) -> ControlFlow<()>,
    ) -> Self {
        Self::load_listing(collect_sources(paths), on_file)
    }

    /// Loads files listed before (by [`collect_sources`]), starting from the
    /// problems and notes met while listing them. A file gone since it was
    /// listed is a problem like any other.
    pub fn load_listing(
        listing: Listing,
        mut on_file: impl FnMut(&Corpus, Progress) -> ControlFlow<()>,
    ) -> Self {
        let started = Instant::now();
        let Listing { sources, problems, notes } = listing;
        let mut corpus = Corpus { problems, notes, ..Corpus::default() };
        let mut progress = Progress {
            files_total: sources.len(),
            bytes_total: sources.iter().map(|s| s.bytes).sum(),
            ..Progress::default()
        };
        let mut seen = Dedup::default();
        let stop = AtomicBool::new(false);
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|scope| {
            let (sources, stop) = (&sources, &stop);
            // Outside the rayon pool, so that the merging below never takes
            // one of its workers.
            scope.spawn(move || {
                sources.par_iter().enumerate().for_each_with(tx, |tx, (i, source)| {
                    if !stop.load(Ordering::Relaxed) {
                        // A send fails only once the load was stopped.
                        let _ = tx.send((i, load_file(source)));
                    }
                });
            });
            let mut pending = BTreeMap::new();
            let mut next = 0;
            'files: for (i, loaded) in rx {
                pending.insert(i, loaded);
                while let Some(loaded) = pending.remove(&next) {
                    next += 1;
                    progress.files_done = next;
                    progress.bytes_done += loaded.bytes;
                    progress.elapsed = started.elapsed();
                    corpus.merge(loaded, &mut seen);
                    if on_file(&corpus, progress).is_break() {
                        stop.store(true, Ordering::Relaxed);
                        break 'files;
                    }
                }
            }
        });
        corpus
    }

    /// Adds one file's documents, numbering them and skipping any whose
    /// text is already loaded (with a note).
    fn merge(&mut self, loaded: Loaded, seen: &mut Dedup) {
        self.problems.extend(loaded.problems);
        for mut doc in loaded.docs {
            if let Some(note) = seen.check(&doc) {
                self.notes.push(note);
                continue;
            }
            doc.id = DocId(self.docs.len());
            self.docs.push(doc);
        }
    }
}

/// Reads, decodes and parses one file. Runs on any thread.
pub(super) fn load_file(source: &Source) -> Loaded {
    let problem = |message: String| Problem { path: source.display.clone(), message };
    let bytes = match std::fs::read(&source.path) {
        Ok(b) => b,
        Err(e) => {
            return Loaded {
                docs: Vec::new(),
                problems: vec![problem(format!("cannot read: {e}"))],
                bytes: 0,
            };
        }
    };
    let parsed = format::parse(&bytes, source.format);
    let mut problems: Vec<Problem> =
        parsed.errors.iter().map(|e: &FormatError| problem(e.to_string())).collect();
    // A scraper's dump may hold 100 000 articles: clean them on every core too.
    let built: Vec<Document> = parsed
        .articles
        .into_par_iter()
        .map(|(n, article)| {
            let key = match n {
                Some(n) => format!("{}#{n}", source.key),
                None => source.key.clone(),
            };
            Document::from_article(DocId(0), key, source.display.clone(), article)
        })
        .collect();
    let mut docs = Vec::with_capacity(built.len());
    for doc in built {
        if doc.body.trim().is_empty() && !doc.has_headline {
            problems.push(Problem { path: doc.label(), message: "no text".into() });
        } else {
            docs.push(doc);
        }
    }
    Loaded { docs, problems, bytes: bytes.len() as u64 }
}

/// Identical articles across a whole load: the identity of each text
/// loaded so far and the label of the article that brought it.
#[derive(Debug, Default)]
pub struct Dedup {
    seen: HashMap<u64, String>,
}

impl Dedup {
    /// `None` when `doc` is new (it is remembered), else the note that it
    /// repeats an article loaded before.
    pub fn check(&mut self, doc: &Document) -> Option<Problem> {
        if doc.body.is_empty() {
            return None;
        }
        match self.seen.entry(body_hash(&doc.body)) {
            Entry::Occupied(first) => Some(Problem {
                path: doc.label(),
                message: format!("same text as {}: loaded once", first.get()),
            }),
            Entry::Vacant(slot) => {
                slot.insert(doc.label());
                None
            }
        }
    }
}

/// Identity of an article's text: its words, whatever the spacing.
pub fn body_hash(body: &str) -> u64 {
    let mut h = DefaultHasher::new();
    for word in body.split_whitespace() {
        word.hash(&mut h);
    }
    h.finish()
}
