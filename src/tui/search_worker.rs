//! The corpus search off the UI thread: the index is built and searched
//! on a thread of its own, so that keys stay live while it works (the
//! first `S` over a large corpus, a query over a very long article). The
//! event loop hands it the app's latest question with the articles it is
//! about; a question that comes while it works replaces the ones still
//! waiting, and the app drops an answer to an older question.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::background::Msg;
use crate::app::App;
use crate::app::search::{Question, Searcher};
use crate::corpus::Document;
use crate::store::{DocRow, Library};

/// The articles as they were when a question was asked, with each one's
/// row in the library when its body is there only.
type Docs = Arc<(Vec<Document>, Vec<Option<DocRow>>)>;

/// What the search thread is given.
enum Job {
    /// A question, and the articles it is about (kept only while it is answered).
    Ask(Question, Docs),
    /// The library, to read the saved index and bodies from.
    Library(Library),
}

/// The search thread, and the articles last handed to it: shared, not
/// copied again, while the corpus does not change and the search is open.
pub struct SearchWorker {
    jobs: Sender<Job>,
    docs: Option<(u64, Docs)>,
}

impl SearchWorker {
    /// Starts the search thread; its answers go to `tx`.
    pub fn spawn(tx: Sender<Msg>) -> Self {
        let (jobs, rx) = channel();
        std::thread::spawn(move || answer_all(&rx, &tx));
        Self { jobs, docs: None }
    }

    /// The library the articles come from (a connection of the search
    /// thread's own).
    pub fn set_library(&self, library: Library) {
        let _ = self.jobs.send(Job::Library(library));
    }

    /// After keys: hands over the app's question, if it has one, and lets
    /// the articles go once the search is closed.
    pub fn feed(&mut self, app: &mut App) {
        if let Some(question) = app.take_question() {
            let docs = match &self.docs {
                Some((version, docs)) if *version == question.corpus_version => Arc::clone(docs),
                // The worker reads the articles while the app goes on
                // changing its own: it gets a copy of the list, made once
                // per change of the corpus and let go when the search
                // closes; the bodies in it are shared, not copied.
                _ => {
                    let rows = app.records.iter().map(|r| r.row).collect();
                    Arc::new((app.corpus.docs.clone(), rows))
                }
            };
            self.docs = Some((question.corpus_version, Arc::clone(&docs)));
            let _ = self.jobs.send(Job::Ask(question, docs));
        } else if !app.searching_corpus() {
            self.docs = None;
        }
    }
}

/// Answers questions until the event loop has gone, only the latest of
/// those waiting; says when an index is built, then sends the results.
fn answer_all(rx: &Receiver<Job>, tx: &Sender<Msg>) {
    let mut searcher = Searcher::default();
    while let Ok(mut job) = rx.recv() {
        // Only the latest question of those waiting.
        while let Ok(later) = rx.try_recv() {
            match later {
                Job::Library(library) => searcher = Searcher::with_library(library),
                ask @ Job::Ask(..) => job = ask,
            }
        }
        let (question, docs) = match job {
            Job::Library(library) => {
                searcher = Searcher::with_library(library);
                continue;
            }
            Job::Ask(question, docs) => (question, docs),
        };
        let must_index = searcher.must_index(&question);
        let (results, bodies) = searcher.answer_lean(&docs.0, &docs.1, &question);
        drop(docs);
        if must_index && tx.send(Msg::Indexed(question.corpus_version)).is_err() {
            return;
        }
        if tx.send(Msg::Searched(question.generation, results, bodies)).is_err() {
            return;
        }
    }
}
