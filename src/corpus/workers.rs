//! The loader's worker threads: each reads one listed file after another
//! ([`load_file`]) and sends back what it gave. They are detached, not
//! scoped: a file that never finishes holds its worker, not the load,
//! which starts another in its place ([`Pool::replace`]) and ends without
//! waiting for it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Source;
use super::load::{Loaded, load_file};

/// Workers started in place of ones held by a slow file, at most, per load.
const SPARE_WORKERS: usize = 8;

/// A load's workers, the files given to them and what they send back.
pub struct Pool {
    shared: Arc<Shared>,
    jobs: Sender<usize>,
    queue: Arc<Mutex<Receiver<usize>>>,
    pub results: Receiver<(usize, Loaded)>,
    results_tx: Sender<(usize, Loaded)>,
    spare: usize,
}

/// What the workers share with the loader.
struct Shared {
    sources: Vec<Source>,
    epoch: Instant,
    /// When each file was started, in nanoseconds after `epoch`, plus one
    /// (zero: not yet).
    started: Vec<AtomicU64>,
    /// Files whose worker has been replaced: it ends once the file is done.
    retire: Vec<AtomicBool>,
}

impl Pool {
    pub fn start(sources: Vec<Source>) -> Self {
        let n = sources.len();
        let shared = Arc::new(Shared {
            started: (0..n).map(|_| AtomicU64::new(0)).collect(),
            retire: (0..n).map(|_| AtomicBool::new(false)).collect(),
            sources,
            epoch: Instant::now(),
        });
        let (jobs, queue) = channel();
        let (results_tx, results) = channel();
        let pool = Self {
            shared,
            jobs,
            queue: Arc::new(Mutex::new(queue)),
            results,
            results_tx,
            spare: SPARE_WORKERS,
        };
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        for _ in 0..cores.min(n) {
            pool.spawn();
        }
        pool
    }

    /// The files of the load, in path order.
    pub fn sources(&self) -> &[Source] {
        &self.shared.sources
    }

    fn spawn(&self) {
        let (shared, queue, results) =
            (Arc::clone(&self.shared), Arc::clone(&self.queue), self.results_tx.clone());
        std::thread::spawn(move || work(&shared, &queue, &results));
    }

    pub fn give(&self, i: usize) {
        // The workers outlive nothing they are sent to: a send fails never.
        let _ = self.jobs.send(i);
    }

    /// How long file `i` has been read for, if it has been started.
    pub fn age(&self, i: usize) -> Option<Duration> {
        let at = self.shared.started[i].load(Ordering::Acquire).checked_sub(1)?;
        Some(self.shared.epoch.elapsed().saturating_sub(Duration::from_nanos(at)))
    }

    /// A new worker in place of the one held by file `i` (once per file,
    /// a few per load).
    pub fn replace(&mut self, i: usize) {
        if self.spare > 0 && !self.shared.retire[i].swap(true, Ordering::AcqRel) {
            self.spare -= 1;
            self.spawn();
        }
    }
}

/// A worker: files from the queue until it closes (the load is over) or
/// this worker was replaced while on a slow file.
fn work(shared: &Shared, queue: &Mutex<Receiver<usize>>, results: &Sender<(usize, Loaded)>) {
    loop {
        let job = match queue.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(i) = job else { return };
        let since = shared.epoch.elapsed().as_nanos() as u64;
        shared.started[i].store(since + 1, Ordering::Release);
        let loaded = load_file(&shared.sources[i]);
        if results.send((i, loaded)).is_err() || shared.retire[i].load(Ordering::Acquire) {
            return;
        }
    }
}
