//! The loader, the one way files become documents: listed files are read
//! on every core and handed over in [`Batch`]es, in path order, with
//! `DocId`s running on from the batch before and identical articles kept
//! out. `dossier text` and `dossier facts` print each batch and drop it;
//! the reader sends each to its screen while the next one loads.
//!
//! Files finish independently. Workers take files in path order, at most a
//! batch's worth ahead of the first one not yet handed over, so memory
//! stays bounded whatever the corpus. A file that takes longer than
//! [`FILE_TIME`] is reported and skipped, and its worker replaced, so the
//! load always ends; in [`Order::Eager`] (the reader) a file not done
//! after a short while no longer holds back the files behind it: it is
//! handed over when it is done, after them.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use super::dedup::Dedup;
use super::load::Loaded;
use super::workers::Pool;
use super::{Corpus, Document, Listing, Notice, Source, collect_sources};
use crate::text::DocId;

/// Most files in one batch: small enough that the first articles show at once.
pub const BATCH_FILES: usize = 256;
/// Most bytes (as listed) in one batch, and read ahead of the first file
/// not yet handed over, so that memory stays bounded whatever the files'
/// sizes; a larger file makes a batch of its own.
pub const BATCH_BYTES: u64 = 8 << 20;
/// The time one file may take to be read, decoded and parsed; after it the
/// file is reported and skipped. A file of the largest size allowed takes
/// a few seconds.
pub const FILE_TIME: Duration = Duration::from_secs(10);
/// How long a batch that has something waits for more before it is handed over.
const FLUSH_EVERY: Duration = Duration::from_millis(50);
/// How often the loader looks at the clock while it waits.
const TICK: Duration = Duration::from_millis(20);

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

/// Some files' worth of a load, in path order.
#[derive(Debug, Default)]
pub struct Batch {
    /// New articles, numbered on from the batches before.
    pub docs: Vec<Document>,
    /// Files (or articles in them) that could not be loaded.
    pub problems: Vec<Notice>,
    /// Things worth knowing that are no failure (a duplicate skipped).
    pub notes: Vec<Notice>,
    /// The load so far, this batch included.
    pub progress: Progress,
}

/// In which order files are handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Path order always: a slow file holds back those after it, for
    /// [`FILE_TIME`] at most. For output that must not depend on timing.
    Paths,
    /// Path order, but a file still not done after this long is handed
    /// over once it is, after the files behind it. For a screen that
    /// should fill at once.
    Eager(Duration),
}

/// How a load runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub order: Order,
    /// The time one file may take; see [`FILE_TIME`].
    pub file_time: Duration,
    /// Hand over an article that repeats one loaded before too (the caller
    /// keeps every file whole and leaves the repeats out itself).
    pub keep_repeats: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { order: Order::Paths, file_time: FILE_TIME, keep_repeats: false }
    }
}

impl Options {
    /// The reader's: a file not done in half a second waits for no other.
    pub fn reader() -> Self {
        Self { order: Order::Eager(Duration::from_millis(500)), ..Self::default() }
    }
}

impl Corpus {
    /// Loads the given files and folders (folders recursively), in path
    /// order. Never fails as a whole: what cannot be loaded lands in
    /// `problems`.
    pub fn load(paths: &[PathBuf]) -> Self {
        let mut corpus = Corpus::default();
        stream(collect_sources(paths), |batch| {
            corpus.add(batch);
            ControlFlow::Continue(())
        });
        corpus
    }

    /// Takes a batch's articles, problems and notes.
    pub fn add(&mut self, batch: Batch) {
        self.docs.extend(batch.docs);
        self.problems.extend(batch.problems);
        self.notes.extend(batch.notes);
    }
}

/// Loads the listed files in path order, calling `on_batch` with each
/// batch (from the calling thread); the listing's own problems and notes
/// come with the first batch. A `Break` ends the load there. Returns the
/// progress at the end.
pub fn stream(listing: Listing, on_batch: impl FnMut(Batch) -> ControlFlow<()>) -> Progress {
    stream_with(listing, Options::default(), on_batch)
}

/// [`stream`], with the order and time budget of `options`.
pub fn stream_with(
    listing: Listing,
    options: Options,
    mut on_batch: impl FnMut(Batch) -> ControlFlow<()>,
) -> Progress {
    let Listing { sources, problems, notes } = listing;
    let mut load = Load::new(sources, options);
    load.batch = Batch { problems, notes, ..Batch::default() };
    let mut flushed = false;
    loop {
        load.dispatch();
        if !load.is_done() {
            load.receive();
            load.advance();
        }
        let done = load.is_done();
        if (done && (load.has_news() || !flushed)) || load.batch_is_due() {
            load.progress.elapsed = load.started.elapsed();
            let mut batch = std::mem::take(&mut load.batch);
            batch.progress = load.progress;
            load.batch_files = 0;
            load.last_flush = Instant::now();
            flushed = true;
            if on_batch(batch).is_break() || done {
                return load.progress;
            }
        } else if done {
            return load.progress;
        }
    }
}

/// One load under way: the workers, the files out with them, and the
/// batch being filled.
struct Load {
    pool: Pool,
    options: Options,
    started: Instant,
    progress: Progress,
    dedup: Dedup,
    next_id: usize,
    /// The next file to give the workers, and the first not yet handed over.
    next_job: usize,
    head: usize,
    /// Bytes (as listed) of the files from `head` to `next_job`.
    ahead_bytes: u64,
    /// Files done before their turn came.
    done_early: BTreeMap<usize, Loaded>,
    /// Files passed over while still being read (eager order).
    deferred: BTreeSet<usize>,
    /// Files given up on: what they give later is dropped.
    abandoned: HashSet<usize>,
    batch: Batch,
    batch_files: usize,
    last_flush: Instant,
}

impl Load {
    fn new(sources: Vec<Source>, options: Options) -> Self {
        let progress = Progress {
            files_total: sources.len(),
            bytes_total: sources.iter().map(|s| s.bytes).sum(),
            ..Progress::default()
        };
        Self {
            pool: Pool::start(sources),
            options,
            started: Instant::now(),
            progress,
            dedup: Dedup::default(),
            next_id: 0,
            next_job: 0,
            head: 0,
            ahead_bytes: 0,
            done_early: BTreeMap::new(),
            deferred: BTreeSet::new(),
            abandoned: HashSet::new(),
            batch: Batch::default(),
            batch_files: 0,
            last_flush: Instant::now(),
        }
    }

    fn total(&self) -> usize {
        self.pool.sources().len()
    }

    fn bytes_of(&self, i: usize) -> u64 {
        self.pool.sources()[i].bytes
    }

    fn is_done(&self) -> bool {
        self.head == self.total() && self.deferred.is_empty()
    }

    /// Gives the workers files up to a batch's worth ahead of the head.
    fn dispatch(&mut self) {
        while self.next_job < self.total() {
            let bytes = self.bytes_of(self.next_job);
            let room =
                self.next_job - self.head < BATCH_FILES && self.ahead_bytes + bytes <= BATCH_BYTES;
            if self.next_job > self.head && !room {
                break;
            }
            self.pool.give(self.next_job);
            self.ahead_bytes += bytes;
            self.next_job += 1;
        }
    }

    /// Takes what the workers finished, waiting a tick for the first.
    fn receive(&mut self) {
        let mut wait = TICK;
        loop {
            let (i, loaded) = match self.pool.results.recv_timeout(wait) {
                Ok(r) => r,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return,
            };
            wait = Duration::ZERO;
            if self.abandoned.remove(&i) {
                continue;
            }
            if self.deferred.remove(&i) {
                self.take(loaded);
            } else {
                self.done_early.insert(i, loaded);
            }
        }
    }

    /// Hands over the files whose turn it is, passes over a slow one (eager
    /// order), gives up on those over their time.
    fn advance(&mut self) {
        // A full batch is handed over before more is taken: a batch holds
        // at most `BATCH_FILES` files however fast they finish.
        while self.head < self.next_job && self.batch_files < BATCH_FILES {
            let i = self.head;
            if let Some(loaded) = self.done_early.remove(&i) {
                self.take(loaded);
            } else {
                let Some(age) = self.pool.age(i) else { break };
                if age >= self.options.file_time {
                    self.abandon(i);
                } else if matches!(self.options.order, Order::Eager(p) if age >= p) {
                    self.deferred.insert(i);
                    self.pool.replace(i);
                } else {
                    break;
                }
            }
            self.ahead_bytes -= self.bytes_of(i);
            self.head += 1;
        }
        let late: Vec<usize> = self
            .deferred
            .iter()
            .copied()
            .filter(|&i| self.pool.age(i).is_some_and(|a| a >= self.options.file_time))
            .collect();
        for i in late {
            self.deferred.remove(&i);
            self.abandon(i);
        }
    }

    fn abandon(&mut self, i: usize) {
        self.abandoned.insert(i);
        self.pool.replace(i);
        self.progress.files_done += 1;
        self.batch_files += 1;
        self.batch.problems.push(Notice {
            path: self.pool.sources()[i].display.clone(),
            message: format!(
                "skipped: still not read after {} s (the time one file may take)",
                self.options.file_time.as_secs_f64()
            ),
        });
    }

    /// Adds a finished file to the batch: its articles numbered, those
    /// loaded before noted and left out.
    fn take(&mut self, loaded: Loaded) {
        self.progress.files_done += 1;
        self.progress.bytes_done += loaded.bytes;
        self.batch_files += 1;
        self.batch.problems.extend(loaded.problems);
        for mut doc in loaded.docs {
            if !self.options.keep_repeats
                && let Some(note) = self.dedup.check(&doc)
            {
                self.batch.notes.push(note);
                continue;
            }
            doc.id = DocId(self.next_id);
            self.next_id += 1;
            self.batch.docs.push(doc);
        }
    }

    /// Whether the batch holds anything to hand over.
    fn has_news(&self) -> bool {
        self.batch_files > 0 || !self.batch.problems.is_empty() || !self.batch.notes.is_empty()
    }

    fn batch_is_due(&self) -> bool {
        self.batch_files > 0
            && (self.batch_files >= BATCH_FILES || self.last_flush.elapsed() >= FLUSH_EVERY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(String, String)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    fn stories(n: usize) -> Vec<(String, String)> {
        (0..n).map(|i| (format!("{i:04}.txt"), format!("Story {i}\n\nBody number {i}."))).collect()
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
        let dir = folder(&stories(600));
        let got = batches(dir.path());
        assert!(got.len() >= 3, "600 files in batches of {BATCH_FILES} at most");
        let docs: Vec<&Document> = got.iter().flat_map(|b| &b.docs).collect();
        assert_eq!(docs.len(), 600);
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
        let mut files = stories(300);
        files.push(("9999.txt".into(), "Story 3\n\nBody   number 3.".into()));
        let dir = folder(&files);
        let got = batches(dir.path());
        let notes: Vec<&Notice> = got.iter().flat_map(|b| &b.notes).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].path.ends_with("9999.txt"));
        assert!(notes[0].message.contains("0003.txt"), "{}", notes[0].message);
        assert_eq!(got.iter().map(|b| b.docs.len()).sum::<usize>(), 300);
        assert!(got.iter().all(|b| b.problems.is_empty()));
    }

    #[test]
    fn problems_of_the_listing_come_first_and_a_stream_can_stop() {
        let mut files = stories(40);
        files.push(("b.bin".into(), "\0\0\0\u{1}binary".into()));
        let dir = folder(&files);
        let mut listing = collect_sources(&[dir.path().to_path_buf()]);
        listing.problems.push(Notice { path: "x".into(), message: "cannot open".into() });
        let mut seen = Vec::new();
        stream(listing, |b| {
            seen.push(b);
            ControlFlow::Break(())
        });
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].problems[0].path, "x");
        assert!(!seen[0].docs.is_empty());
        assert_eq!(seen[0].docs[0].key, "0000");
    }

    #[test]
    fn an_empty_listing_still_hands_over_its_problems() {
        let listing = Listing {
            problems: vec![Notice { path: "x".into(), message: "cannot open".into() }],
            ..Listing::default()
        };
        let mut seen = Vec::new();
        stream(listing, |b| {
            seen.push(b);
            ControlFlow::Continue(())
        });
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].problems.len(), 1);
    }

    /// A page that takes a while to read: Readability over `paragraphs`
    /// paragraphs (10 000 take about a quarter of a second on a quiet
    /// machine, more in an unoptimised build or under load). The tests ask
    /// for ten times the time they wait, so that no machine is too fast.
    fn slow_page(paragraphs: usize) -> String {
        let p = "<div><p>Some words of a paragraph, long enough to be text.</p></div>";
        format!("<html><body>{}</body></html>", p.repeat(paragraphs))
    }

    #[test]
    fn a_file_over_its_time_is_skipped_and_the_others_still_load() {
        let mut files = stories(20);
        // Far over the 300 ms it is given, on any machine.
        files.push(("0005-slow.html".into(), slow_page(150_000)));
        let dir = folder(&files);
        let options = Options { file_time: Duration::from_millis(300), ..Options::default() };
        let mut corpus = Corpus::default();
        stream_with(collect_sources(&[dir.path().to_path_buf()]), options, |b| {
            corpus.add(b);
            ControlFlow::Continue(())
        });
        assert_eq!(corpus.docs.len(), 20);
        assert_eq!(corpus.problems.len(), 1, "{:?}", corpus.problems);
        assert!(corpus.problems[0].path.ends_with("0005-slow.html"));
        assert!(corpus.problems[0].message.contains("still not read after"));
    }

    #[test]
    fn in_eager_order_a_slow_file_holds_back_no_other() {
        let mut files = stories(20);
        // Far over the 200 ms after which it is passed over, far under the
        // default time one file may take.
        files.push(("0000-slow.html".into(), slow_page(40_000)));
        let dir = folder(&files);
        let options =
            Options { order: Order::Eager(Duration::from_millis(200)), ..Options::default() };
        let mut keys = Vec::new();
        stream_with(collect_sources(&[dir.path().to_path_buf()]), options, |b| {
            keys.extend(b.docs.into_iter().map(|d| d.key));
            ControlFlow::Continue(())
        });
        assert_eq!(keys.len(), 21, "{keys:?}");
        // Every story before the slow page (on a busy machine a story, too,
        // may be passed over for a while: their own order is not the point).
        assert_eq!(keys[20], "0000-slow", "the stories first: {keys:?}");
    }
}
