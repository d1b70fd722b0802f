//! The reader's work off the UI thread: loading the paths batch by batch,
//! extracting each article's facts (the shown one first) and then the
//! entity index, and reloading on `r`. Results come back to the event
//! loop as [`Msg`]s, on the channel it blocks on (the terminal's events
//! and the signals come the same way); it hands them to the app between
//! frames.

use std::collections::{BTreeMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::PoisonError;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::Instant;

use rayon::prelude::*;

use crate::app::{App, Record};
use crate::corpus::{Corpus, Document, Options};
use crate::facts::Fact;
use crate::index::{ArticleEntities, EntityIndex, entities_of};
use crate::pipeline::{self, Lazy, Loaded, Order, Shared, Summary};
use crate::store::DocRow;
use crate::text::DocId;

use super::search_worker::SearchWorker;

/// Articles extracted between two looks at what the screen wants first.
const FACTS_CHUNK: usize = 16;
/// Articles handed to the extractor and not yet back: it is fed from the
/// app's own articles a little at a time, so no second copy of the corpus
/// waits in its queue.
const IN_FLIGHT: usize = 4 * FACTS_CHUNK;

/// What the other threads send the event loop.
pub enum Msg {
    /// A key, the mouse, a new size: from the thread that reads the terminal.
    Input(crossterm::event::Event),
    /// A signal came, or the terminal has gone: the loop ends.
    Stop,
    /// SIGTSTP from another process: suspend as on Ctrl-z.
    Suspend,
    /// SIGCONT: take the terminal again, whatever was done to it meanwhile.
    Continue,
    /// Articles with their facts (from the library, or extracted by the
    /// loader) and each one's entities for the index.
    Batch(Loaded, Vec<Record>, Vec<ArticleEntities>),
    /// The load is over (true: from the library only, the folders not
    /// walked yet: [`Msg::Checked`] follows).
    Loaded(Summary, bool),
    /// The folders were walked after a start from the library: what the
    /// walk found (the files new since came as batches), or none when
    /// anything else changed (the paths are loaded again).
    Checked(Option<Summary>),
    /// Said once: the library was moved aside, or cannot be used.
    Note(String),
    /// Connections to the library, to read the bodies of articles handed
    /// over lean: the app's and the search's.
    Library(crate::store::Library, crate::store::Library),
    /// Facts of some articles, from the extractor of a generation (a
    /// reload starts a new one; results of an older one are dropped).
    Facts(u64, Vec<(DocId, Vec<Fact>)>),
    Index(u64, EntityIndex),
    /// The saved entity index over the articles loaded (after `Loaded`),
    /// and whether the load left out the entities of the articles it
    /// covers (counting on it).
    EntityBase(Option<EntityIndex>, bool),
    ReloadProgress(crate::corpus::Progress),
    Reloaded(Box<Reload>),
    /// The corpus search's index of the corpus at a version is built.
    Indexed(u64),
    /// The corpus search's results for question `generation`, with the
    /// bodies it read from the library.
    Searched(u64, crate::index::Results, Vec<(DocId, Document)>),
}

/// The articles of a reload, ready for [`App::apply_reload`].
#[derive(Default)]
pub struct Reload {
    corpus: Corpus,
    /// Each article's record and entities, as [`Prepared::records`] made them.
    records: Vec<Record>,
    entities: Vec<ArticleEntities>,
    /// The saved entity index of the articles whose entities were not made.
    base: Option<EntityIndex>,
    /// Whether entities were left out, counting on the saved index.
    counted_on: bool,
    summary: Summary,
}

/// What the fact extractor is given.
enum Job {
    /// Articles to extract, in `DocId` order.
    Docs(Vec<Document>),
    /// Facts already known (a reload keeps those of unchanged articles).
    Known(Vec<(DocId, Vec<Fact>)>),
    /// The entities of articles whose facts came with them, from the first.
    Entities(usize, Vec<ArticleEntities>),
    /// The article on screen: extract it next.
    First(DocId),
    /// Loading is over: extract on every core.
    Loaded,
    /// The saved entity index of the articles whose entities were not sent.
    Base(EntityIndex),
    /// No more articles: build the index when every one is done (and save
    /// it so).
    End(Option<Save>),
}

/// Where and how the entity index is saved once built.
struct Save {
    library: PathBuf,
    /// Each article's row in the library, by `DocId`.
    rows: Vec<DocRow>,
    /// The corrections it is built with ([`crate::pipeline::Corrections::fingerprint`]).
    tag: String,
}

/// The workers of one reader, and the way back from them.
// Independent switches of the load and the extractor, not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct Work {
    paths: Vec<PathBuf>,
    /// Whether the library is used (`--no-cache` not given).
    cache: bool,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    jobs: Sender<Job>,
    generation: u64,
    asked_first: Option<usize>,
    reloading: bool,
    /// The next article to hand to the extractor, and how many are out.
    next: usize,
    in_flight: usize,
    /// Whether the extractor has been told there are no more articles.
    ended: bool,
    /// Whether the loader has still to say whether the library holds an
    /// entity index of the articles loaded.
    awaiting_base: bool,
    search: SearchWorker,
    /// Entities of articles added after the index was asked for (files
    /// new since the library's view), each batch from its first article:
    /// added to the index when it comes.
    late: Vec<(usize, Vec<ArticleEntities>)>,
    /// The person's corrections, applied to every article's facts.
    corrections: crate::pipeline::Shared,
}

impl Work {
    /// Starts loading `paths` (the bundled articles when empty) and extracting facts.
    pub fn start(paths: Vec<PathBuf>, cache: bool, app: &mut App) -> Self {
        let (tx, rx) = channel();
        let corrections = app.corrections.shared();
        let watching = !app.watch.is_empty();
        let jobs = spawn_extractor(0, tx.clone(), corrections.clone());
        let search = SearchWorker::spawn(tx.clone());
        let work = Self {
            paths,
            cache,
            tx,
            rx,
            jobs,
            generation: 0,
            asked_first: None,
            reloading: false,
            next: 0,
            in_flight: 0,
            ended: false,
            awaiting_base: true,
            search,
            late: Vec::new(),
            corrections,
        };
        app.start_loading(crate::corpus::Progress::default());
        spawn_loader(
            work.paths.clone(),
            cache,
            work.tx.clone(),
            work.corrections.clone(),
            watching,
        );
        work
    }

    /// Where other threads send the event loop their messages.
    pub fn sender(&self) -> Sender<Msg> {
        self.tx.clone()
    }

    /// Waits for the next message, until `deadline` if there is one;
    /// `None` when the deadline passed.
    pub fn next(&self, deadline: Option<Instant>) -> Option<Msg> {
        match deadline {
            None => self.rx.recv().ok(),
            Some(at) => self.rx.recv_timeout(at.saturating_duration_since(Instant::now())).ok(),
        }
    }

    /// A message already waiting, if any.
    pub fn try_next(&self) -> Option<Msg> {
        self.rx.try_recv().ok()
    }

    /// Hands a worker's message to the app (the terminal's events and
    /// `Stop` are the event loop's).
    pub fn apply(&mut self, app: &mut App, msg: Msg) {
        match msg {
            Msg::Batch(loaded, records, entities) => {
                let first = app.corpus.docs.len();
                // Files new since the library's view, found by the walk.
                if app.checking && !app.is_loading() && !loaded.docs.is_empty() {
                    app.start_loading(loaded.progress);
                }
                if records.len() == loaded.docs.len() && !entities.is_empty() {
                    if self.ended {
                        // The index is made (or being made) already.
                        self.late.push((first, entities));
                    } else {
                        let _ = self.jobs.send(Job::Entities(first, entities));
                    }
                }
                app.add_loaded(loaded, records);
                if app.index_ready {
                    app.index_more(std::mem::take(&mut self.late));
                }
            }
            Msg::Loaded(summary, viewed) => {
                app.finish_loading(summary);
                app.checking = viewed;
                let _ = self.jobs.send(Job::Loaded);
            }
            Msg::Checked(Some(summary)) => {
                app.checking = false;
                // Files new since were loaded: said instead of the view's note.
                if app.is_loading() {
                    app.note = None;
                    app.finish_loading(summary);
                }
            }
            Msg::Checked(None) => {
                app.checking = false;
                self.start_reload(app);
            }
            Msg::Note(note) => app.note = Some(note),
            Msg::Library(library, search) => {
                app.library = Some(library);
                self.search.set_library(search);
            }
            Msg::Facts(generation, facts) if generation == self.generation => {
                self.in_flight = self.in_flight.saturating_sub(facts.len());
                for (id, f) in facts {
                    app.set_facts(id, &f);
                }
            }
            Msg::Index(generation, index) if generation == self.generation => {
                app.set_index(index);
                app.index_more(std::mem::take(&mut self.late));
            }
            Msg::EntityBase(base, counted_on) => {
                self.awaiting_base = false;
                // An extractor started again since (a reload, a correction)
                // was given every article's facts: nothing is left out.
                let first = self.generation == 0 && !self.reloading;
                match base {
                    Some(index) if first => drop(self.jobs.send(Job::Base(index))),
                    // The entities the load left out: from every article's facts.
                    None if counted_on && first => {
                        let todo: Vec<DocId> = (0..app.records.len())
                            .filter(|&i| !app.records[i].facts_ready)
                            .map(DocId)
                            .collect();
                        self.restart_extractor(app, &todo);
                    }
                    _ => {}
                }
            }
            Msg::ReloadProgress(p) => app.loading = Some(p),
            Msg::Reloaded(reload) => {
                self.reloading = false;
                let Reload { corpus, records, entities, base, counted_on, summary } = *reload;
                let todo = app.apply_reload(corpus, records);
                if summary.cached && summary.unchanged + summary.stale + summary.gone > 0 {
                    app.note = Some(format!("{}; {summary}", app.note.take().unwrap_or_default()));
                }
                self.late.clear();
                match base {
                    Some(base) => self.restart_with(app, &todo, entities, Some(base)),
                    // Entities left out for a saved index that is not there:
                    // made again from every article's facts.
                    None if counted_on => self.restart_extractor(app, &todo),
                    None => self.restart_with(app, &todo, entities, None),
                }
            }
            Msg::Indexed(version) => app.set_indexed(version),
            Msg::Searched(generation, results, bodies) => {
                app.put_bodies(generation, bodies);
                app.set_search_results(generation, results);
            }
            Msg::Facts(..)
            | Msg::Index(..)
            | Msg::Input(_)
            | Msg::Stop
            | Msg::Suspend
            | Msg::Continue => {}
        }
    }

    /// Hands the extractor the next articles, a few at a time, and tells
    /// it when every article has been handed over.
    pub fn feed(&mut self, app: &App) {
        if self.ended {
            return;
        }
        let docs = &app.corpus.docs;
        let mut chunk = Vec::new();
        while self.in_flight + chunk.len() < IN_FLIGHT && self.next < docs.len() {
            if !app.records.get(self.next).is_some_and(|r| r.facts_ready) {
                chunk.push(docs[self.next].clone());
            }
            self.next += 1;
        }
        if !chunk.is_empty() {
            self.in_flight += chunk.len();
            let _ = self.jobs.send(Job::Docs(chunk));
        }
        if self.next >= docs.len() && !app.is_loading() && !self.reloading && !self.awaiting_base {
            self.ended = true;
            let _ = self.jobs.send(Job::End(self.save(app)));
        }
    }

    /// After keys: a reload asked for, or an article shown whose facts
    /// are not in yet (asked for first).
    pub fn after_update(&mut self, app: &mut App) {
        self.search.feed(app);
        if std::mem::take(&mut app.reload) {
            if self.reloading || app.is_loading() || app.checking {
                app.note = Some("still loading: r again when done".into());
            } else {
                self.start_reload(app);
            }
        }
        // A correction: the facts it gave back made again, and the index.
        if !self.reloading
            && !app.is_loading()
            && let Some(mut todo) = app.corrections.redo.take()
        {
            // With the articles whose facts are still to come.
            todo.extend((0..app.records.len()).filter(|&i| !app.records[i].facts_ready).map(DocId));
            todo.sort_unstable_by_key(|d| d.0);
            todo.dedup();
            self.restart_extractor(app, &todo);
        }
        let shown = app.selected;
        if app.shown().is_some_and(|r| !r.facts_ready) && self.asked_first != Some(shown) {
            self.asked_first = Some(shown);
            // Handed over now unless the feed already has (the extractor skips a second copy).
            // (Not counted in flight: a count a little low only lets the queue grow by one.)
            if shown >= self.next {
                let _ = self.jobs.send(Job::Docs(vec![app.corpus.docs[shown].clone()]));
            }
            let _ = self.jobs.send(Job::First(DocId(shown)));
        }
    }

    /// Loads the paths again on a thread of its own ([`Msg::Reloaded`]).
    fn start_reload(&mut self, app: &mut App) {
        self.reloading = true;
        app.start_loading(crate::corpus::Progress::default());
        let watching = !app.watch.is_empty();
        spawn_reloader(
            self.paths.clone(),
            self.cache,
            self.tx.clone(),
            self.corrections.clone(),
            watching,
        );
    }

    /// A new extractor after a reload that made every article's entities
    /// (`entities`, by article; none for those the saved index `base`
    /// holds): the articles `todo` extracted, the index made.
    fn restart_with(
        &mut self,
        app: &App,
        todo: &[DocId],
        entities: Vec<ArticleEntities>,
        base: Option<EntityIndex>,
    ) {
        self.generation += 1;
        self.asked_first = None;
        self.jobs = spawn_extractor(self.generation, self.tx.clone(), self.corrections.clone());
        (self.next, self.in_flight, self.ended) = (app.corpus.docs.len(), 0, true);
        let _ = self.jobs.send(Job::Loaded);
        let _ = self.jobs.send(Job::Entities(0, entities));
        if let Some(base) = base {
            let _ = self.jobs.send(Job::Base(base));
        }
        let docs = todo.iter().map(|id| app.corpus.docs[id.0].clone()).collect();
        let _ = self.jobs.send(Job::Docs(docs));
        let _ = self.jobs.send(Job::End(self.save(app)));
    }

    /// A new extractor after a reload: the facts the app kept, the articles to do.
    fn restart_extractor(&mut self, app: &App, todo: &[DocId]) {
        self.generation += 1;
        self.asked_first = None;
        self.jobs = spawn_extractor(self.generation, self.tx.clone(), self.corrections.clone());
        // A reload hands over everything at once (usually a few articles).
        (self.next, self.in_flight, self.ended) = (app.corpus.docs.len(), 0, true);
        let _ = self.jobs.send(Job::Loaded);
        let known = (app.records.iter().enumerate())
            .filter(|(_, r)| r.facts_ready)
            .map(|(i, r)| (DocId(i), r.unpacked()))
            .collect();
        let docs = todo.iter().map(|id| app.corpus.docs[id.0].clone()).collect();
        let _ = self.jobs.send(Job::Known(known));
        let _ = self.jobs.send(Job::Docs(docs));
        let _ = self.jobs.send(Job::End(self.save(app)));
    }

    /// How the entity index is to be saved: when every article is in the library.
    fn save(&self, app: &App) -> Option<Save> {
        let library = app.library.as_ref()?.path().to_path_buf();
        let rows = app.records.iter().map(|r| r.row).collect::<Option<Vec<_>>>()?;
        let tag = self.corrections.read().unwrap_or_else(PoisonError::into_inner).fingerprint();
        Some(Save { library, rows, tag })
    }
}

/// Opens the library on this thread (unless `cache` is false), saying
/// once what the person should know about it.
fn library(cache: bool, paths: &[PathBuf], tx: &Sender<Msg>) -> Option<crate::store::Library> {
    let (library, note) = pipeline::open_library(cache && !paths.is_empty());
    if let Some(note) = note {
        let _ = tx.send(Msg::Note(note));
    }
    library
}

/// The articles handed over by a load, made ready for the screen off the
/// UI thread: each one's record (lean ones keep their facts as stored)
/// and entities (none for those the saved entity index `covered` holds),
/// and each one's row in the library.
struct Prepared {
    tag: String,
    covered: Option<HashSet<i64>>,
    rows: Vec<Option<DocRow>>,
    /// A connection to read the bodies of articles handed over lean, when
    /// a watch list wants their mentions as written (the spellings it
    /// names): read here, not on screen.
    bodies: Option<crate::store::Library>,
}

impl Prepared {
    fn new(library: Option<&crate::store::Library>, corrections: &Shared, watching: bool) -> Self {
        let tag = corrections.read().unwrap_or_else(PoisonError::into_inner).fingerprint();
        // The articles the saved entity index covers: their entities are
        // not made again.
        let covered = library.and_then(|l| l.saved_entity_rows(&tag).ok().flatten());
        let bodies = library.filter(|_| watching).and_then(|l| l.reader().ok());
        Self { tag, covered, rows: Vec::new(), bodies }
    }

    /// Each article's record and entities.
    fn records(&mut self, loaded: &mut Loaded) -> (Vec<Record>, Vec<ArticleEntities>) {
        let n = loaded.docs.len();
        let kept = std::mem::take(&mut loaded.kept);
        let kept = kept.into_iter().chain(std::iter::repeat(None)).take(n);
        let facts = std::mem::take(&mut loaded.facts);
        let pairs: Vec<_> = facts.into_iter().zip(kept).collect();
        self.rows.extend(pairs.iter().map(|(_, k)| k.as_ref().map(|k| k.row)));
        let covered = self.covered.as_ref();
        let made = pairs
            .into_par_iter()
            .map(|(f, k)| {
                let saved = k.as_ref().is_some_and(|k| {
                    k.lean.is_some() && covered.is_some_and(|c| c.contains(&k.row.0))
                });
                let record = Record::from_loaded(&f, k);
                let entities = if saved {
                    Vec::new()
                } else if record.bodyless() {
                    entities_of(&record.unpacked())
                } else {
                    entities_of(&f)
                };
                (record, entities)
            })
            .unzip();
        // The keys of the reading state, computed here rather than on screen.
        for doc in &loaded.docs {
            let _ = crate::state::content_hash(doc);
        }
        let (mut records, entities): (Vec<Record>, Vec<ArticleEntities>) = made;
        if let Some(library) = &self.bodies {
            for (doc, record) in loaded.docs.iter_mut().zip(&mut records) {
                if let (true, Some(row)) = (record.bodyless(), record.row)
                    && library.fill_body(row, doc).is_ok()
                {
                    record.body_read(doc);
                }
            }
        }
        (records, entities)
    }

    /// Hands a batch to the screen with each article's record and entities.
    fn send(&mut self, tx: &Sender<Msg>, mut loaded: Loaded) -> ControlFlow<()> {
        let (records, entities) = self.records(&mut loaded);
        if tx.send(Msg::Batch(loaded, records, entities)).is_err() {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    }

    /// The saved entity index of the articles handed over, when it covers
    /// them (counting on it, their entities were not made).
    fn base(&self, library: Option<&crate::store::Library>) -> Option<EntityIndex> {
        let rows: Vec<DocRow> = self.rows.iter().copied().collect::<Option<_>>()?;
        self.covered.as_ref()?;
        library?.load_entities_tagged(&rows, &self.tag).ok().flatten().map(|(index, _)| index)
    }
}

/// Loads `paths` on a thread through the library, a batch at a time, each
/// batch to the screen with its facts and entities. What the library
/// holds of them is shown first, before the folders are walked; the walk
/// then adds the files new since, or (a file changed or gone) loads the
/// paths again to replace what is shown ([`Msg::Checked`]). Without a
/// view from the library: what it holds first, then the files it had to
/// load, extracted on every core.
fn spawn_loader(
    paths: Vec<PathBuf>,
    cache: bool,
    tx: Sender<Msg>,
    corrections: Shared,
    watching: bool,
) {
    std::thread::spawn(move || {
        let mut library = library(cache, &paths, &tx);
        if let Some(l) = &library
            && let (Ok(app), Ok(search)) = (l.reader(), l.reader())
        {
            let _ = tx.send(Msg::Library(app, search));
        }
        let mut prepared = Prepared::new(library.as_ref(), &corrections, watching);
        let extractor = Lazy::corrected(corrections.clone());
        let view = library.as_ref().and_then(|l| {
            pipeline::load_view(&paths, l, &extractor, &mut |b| prepared.send(&tx, b))
        });
        let summary = match &view {
            Some(view) => view.summary,
            None => pipeline::load(
                &paths,
                library.as_mut(),
                Some(&extractor),
                Order::Reader,
                Options::reader(),
                &mut |b| prepared.send(&tx, b),
            ),
        };
        let _ = tx.send(Msg::Loaded(summary, view.is_some()));
        let base = prepared.base(library.as_ref());
        let _ = tx.send(Msg::EntityBase(base, prepared.covered.is_some()));
        if let (Some(view), Some(library)) = (view, library.as_mut()) {
            let checked = pipeline::check_view(
                view,
                &paths,
                library,
                &extractor,
                Options::reader(),
                &mut |b| prepared.send(&tx, b),
            );
            let _ = tx.send(Msg::Checked(checked));
        }
        if let Some(library) = &library {
            library.settle();
        }
    });
}

/// Loads `paths` again on a thread, whole, through the library (what it
/// holds lean), for [`App::apply_reload`].
fn spawn_reloader(
    paths: Vec<PathBuf>,
    cache: bool,
    tx: Sender<Msg>,
    corrections: Shared,
    watching: bool,
) {
    std::thread::spawn(move || {
        let mut library = library(cache, &paths, &tx);
        let mut prepared = Prepared::new(library.as_ref(), &corrections, watching);
        let extractor = Lazy::corrected(corrections);
        let mut reload = Reload::default();
        let summary = pipeline::load(
            &paths,
            library.as_mut(),
            Some(&extractor),
            Order::Reader,
            Options::reader(),
            &mut |mut loaded| {
                let progress = loaded.progress;
                let (records, entities) = prepared.records(&mut loaded);
                reload.corpus.docs.extend(loaded.docs);
                reload.corpus.problems.extend(loaded.problems);
                reload.corpus.notes.extend(loaded.notes);
                reload.records.extend(records);
                reload.entities.extend(entities);
                if tx.send(Msg::ReloadProgress(progress)).is_ok() {
                    ControlFlow::Continue(())
                } else {
                    ControlFlow::Break(())
                }
            },
        );
        reload.base = prepared.base(library.as_ref());
        reload.counted_on = prepared.covered.is_some();
        reload.summary = summary;
        let _ = tx.send(Msg::Reloaded(Box::new(reload)));
        if let Some(library) = &library {
            library.settle();
        }
    });
}

/// The fact extractor's thread; returns where to send it work.
fn spawn_extractor(generation: u64, tx: Sender<Msg>, corrections: Shared) -> Sender<Job> {
    let (jobs, rx) = channel();
    std::thread::spawn(move || extract_all(generation, &rx, &tx, corrections));
    jobs
}

/// Extracts the articles it is given, the one on screen first, one at a
/// time while the load goes on (loading has the cores) and on every core
/// after; then builds the entity index from every article's facts.
fn extract_all(generation: u64, rx: &Receiver<Job>, tx: &Sender<Msg>, corrections: Shared) {
    // Made when first needed: everything may come with its facts.
    let extractor = Lazy::corrected(corrections);
    let mut pending: BTreeMap<usize, Document> = BTreeMap::new();
    // Of each article's facts only its entities are kept here, in the
    // index as it grows (each name once, not once per mention).
    let mut index = Growing::default();
    let mut first = None;
    let mut ended = false;
    let mut loaded = false;
    let mut base = None;
    let mut save = None;
    loop {
        // Take every job waiting; wait for one when there is nothing to do.
        loop {
            let job = if pending.is_empty() && !ended {
                match rx.recv() {
                    Ok(job) => job,
                    Err(_) => return,
                }
            } else {
                match rx.try_recv() {
                    Ok(job) => job,
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return,
                }
            };
            match job {
                Job::Docs(docs) => pending.extend(docs.into_iter().map(|d| (d.id.0, d))),
                Job::Known(known) => {
                    for (id, facts) in known {
                        index.add(id, entities_of(&facts));
                    }
                }
                Job::Entities(from, entities) => {
                    for (i, e) in entities.into_iter().enumerate() {
                        index.add(DocId(from + i), e);
                    }
                }
                Job::First(id) => first = Some(id.0),
                Job::Loaded => loaded = true,
                Job::Base(saved) => base = Some(saved),
                Job::End(s) => {
                    ended = true;
                    save = s;
                }
            }
        }
        if pending.is_empty() {
            let mut whole = std::mem::take(&mut index.index);
            if let Some(mut saved) = base.take() {
                saved.absorb(whole);
                whole = saved;
            }
            finish(generation, tx, whole, save.take());
            return;
        }
        let chunk = if loaded { FACTS_CHUNK } else { 1 };
        let mut docs = Vec::with_capacity(chunk);
        if let Some(doc) = first.take().and_then(|i| pending.remove(&i)) {
            docs.push(doc);
        }
        while docs.len() < chunk {
            let Some((_, doc)) = pending.pop_first() else { break };
            docs.push(doc);
        }
        let done: Vec<(DocId, Vec<Fact>)> =
            docs.par_iter().map(|d| (d.id, extractor.facts(d))).collect();
        for (id, facts) in &done {
            index.add(*id, entities_of(facts));
        }
        if tx.send(Msg::Facts(generation, done)).is_err() {
            return;
        }
    }
}

/// Saves the entity index in the library when `save` says where (unless
/// it is saved so already), then hands it to the screen: a reader that
/// quits as soon as everything is ready finds it saved next time.
fn finish(generation: u64, tx: &Sender<Msg>, index: EntityIndex, save: Option<Save>) {
    if let Some(s) = save
        && let Ok(mut library) = crate::store::Library::open(&s.library)
        && !library.entities_saved(&s.rows, &s.tag).unwrap_or(true)
    {
        // Not saved is built again next time: nothing to say.
        let _ = library.save_entities(&s.rows, &index, &s.tag);
    }
    let _ = tx.send(Msg::Index(generation, index));
}

/// The entity index being built, each article's entities added once.
#[derive(Default)]
struct Growing {
    index: EntityIndex,
    added: Vec<bool>,
}

impl Growing {
    fn add(&mut self, id: DocId, entities: ArticleEntities) {
        if self.added.len() <= id.0 {
            self.added.resize(id.0 + 1, false);
        }
        if !std::mem::replace(&mut self.added[id.0], true) {
            self.index.add_doc(id, entities);
        }
    }
}
