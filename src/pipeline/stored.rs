//! A load through the library: what it holds is read back, the rest is
//! loaded, extracted and stored.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use std::sync::PoisonError;

use super::{
    Corrections, Kept, LARGE_IMPORT, Lazy, Loaded, Order, Out, Summary, extract, is_stored, stream,
};
use crate::corpus::{Listing, Notice, Options, Progress, Source};
use crate::facts::Fact;
use crate::store::{FileId, Library, Listed, PackedFacts, StoreError, Stored, Verdict};

/// Files read back from the library in one batch.
const STORED_BATCH: usize = 256;
/// Articles read back lean handed over in one batch.
pub(super) const LEAN_BATCH: usize = 4096;
/// Files (and bytes) to load up to which [`Order::StoredFirst`] keeps
/// path order when the library holds the others; a first import, or a
/// large file that may take a while, shows what it can at once instead.
const FEW: usize = 256;
const FEW_BYTES: u64 = 1 << 20;

pub(super) struct Load<'a> {
    library: &'a mut Library,
    roots: Vec<PathBuf>,
    sources: Vec<Source>,
    /// The listing's own problems and notes, handed out with the first batch.
    problems: Vec<Notice>,
    notes: Vec<Notice>,
    /// Each source's size and time (none: it could not be looked at, and is
    /// loaded without the library).
    listed: Vec<Option<Listed>>,
    verdicts: Vec<Option<Verdict>>,
    files: Vec<Option<FileId>>,
    sent: Vec<bool>,
    /// The extractor, when facts are wanted.
    facts: Option<&'a Lazy>,
    options: Options,
    started: Instant,
    files_done: usize,
    bytes_done: u64,
    /// The library's fault that stopped its use.
    pub error: Option<StoreError>,
    /// Whether unchanged files are handed over lean ([`Order::Reader`]).
    lean: bool,
    /// Whether the load is the reader's ([`Order::Reader`], or a
    /// [`Load::check`]): it never uses the index of `facts`, so a large
    /// import leaves it to be built when it is asked for
    /// ([`Library::index_facts`]: `--db-path`, the headless commands).
    reader: bool,
    /// The lean documents of the stored files under the paths, being
    /// read on another thread while the paths are listed ([`prefetch`]).
    pub prefetched: Option<Prefetch>,
}

/// Documents read lean, each with its facts as stored.
type LeanDocs = Vec<(Stored, Option<PackedFacts>)>;

/// A read of the library on a thread of its own.
pub(super) type Prefetch = std::thread::JoinHandle<Result<LeanDocs, StoreError>>;

/// Starts reading, on a thread with a connection of its own, every
/// document the library holds of files under `paths`, lean: what a load
/// that finds them unchanged hands over, read while the paths are listed
/// and compared with the library (which takes as long).
pub(super) fn prefetch(library: &Library, paths: &[PathBuf]) -> Option<Prefetch> {
    let reader = library.reader().ok()?;
    let roots: Vec<PathBuf> = paths.iter().filter_map(|r| std::path::absolute(r).ok()).collect();
    Some(std::thread::spawn(move || {
        let files: Vec<FileId> = reader.files_under(&roots)?.into_iter().map(|(f, _)| f).collect();
        reader.documents_packed(&files)
    }))
}

impl<'a> Load<'a> {
    pub fn new(
        library: &'a mut Library,
        paths: &[PathBuf],
        listing: Listing,
        facts: Option<&'a Lazy>,
        options: Options,
    ) -> Self {
        let Listing { sources, problems, notes } = listing;
        let cwd = std::env::current_dir().unwrap_or_default();
        let listed: Vec<Option<Listed>> =
            sources.par_iter().map(|s| Listed::stat_from(&cwd, &s.path).ok()).collect();
        let roots = paths.iter().filter_map(|r| std::path::absolute(r).ok()).collect();
        let n = sources.len();
        Self {
            library,
            roots,
            sources,
            problems,
            notes,
            listed,
            verdicts: vec![None; n],
            files: vec![None; n],
            sent: vec![false; n],
            facts,
            options,
            started: Instant::now(),
            files_done: 0,
            bytes_done: 0,
            error: None,
            lean: false,
            reader: false,
            prefetched: None,
        }
    }

    /// The problems and notes not handed out yet.
    pub fn leftovers(&mut self) -> (Vec<Notice>, Vec<Notice>) {
        (std::mem::take(&mut self.problems), std::mem::take(&mut self.notes))
    }

    /// The sources not handed out (after a fault of the library).
    pub fn not_sent(&self) -> Vec<Source> {
        (self.sources.iter().zip(&self.sent))
            .filter(|(_, s)| !**s)
            .map(|(s, _)| s.clone())
            .collect()
    }

    fn progress(&self) -> Progress {
        Progress {
            files_done: self.files_done,
            files_total: self.sources.len(),
            bytes_done: self.bytes_done,
            bytes_total: self.sources.iter().map(|s| s.bytes).sum(),
            elapsed: self.started.elapsed(),
        }
    }

    pub fn run(&mut self, order: Order, out: &mut Out<'_>) -> Summary {
        let Some(mut summary) = self.plan() else {
            return Summary { cached: true, ..Summary::default() };
        };
        let stored: Vec<usize> =
            (0..self.sources.len()).filter(|&i| self.verdicts[i].is_some_and(is_stored)).collect();
        let to_load: Vec<usize> =
            (0..self.sources.len()).filter(|&i| !self.verdicts[i].is_some_and(is_stored)).collect();
        summary.loaded = to_load.len();
        self.reader = order == Order::Reader;
        if !self.prepare_import(&to_load) {
            return summary;
        }
        // A few files to load hold the rest back for a moment only, and the
        // list keeps path order.
        let few_bytes: u64 = to_load.iter().map(|&i| self.sources[i].bytes).sum();
        let few = !stored.is_empty() && to_load.len() <= FEW && few_bytes <= FEW_BYTES;
        self.lean = order == Order::Reader && self.facts.is_some();
        let order = if few { Order::Paths } else { order };
        let go_on = match order {
            Order::StoredFirst | Order::Reader => {
                self.read_back(&stored, &HashSet::new(), out).is_continue()
                    && self.load_files(&to_load, Some(out)).is_continue()
            }
            Order::Paths => {
                let fresh: HashSet<usize> = to_load.iter().copied().collect();
                self.load_files(&to_load, None).is_continue() && {
                    let all: Vec<usize> =
                        (0..self.sources.len()).filter(|&i| self.files[i].is_some()).collect();
                    self.read_back(&all, &fresh, out).is_continue()
                }
            }
        };
        self.finish(go_on, out);
        summary
    }

    /// After the articles of the files `shown` (named `names`, key and
    /// display) were handed over from the library before the listing:
    /// when the listing finds each of them unchanged and named the same,
    /// in the same order, and none gone, loads the files new since and
    /// hands them to `out`. None when anything else changed (the articles
    /// are to be loaded again) or the library failed.
    pub fn check(
        &mut self,
        shown: &[FileId],
        names: &[(String, String)],
        out: &mut Out<'_>,
    ) -> Option<Summary> {
        if self.listed.iter().any(Option::is_none) {
            return None;
        }
        let mut summary = self.plan()?;
        let places: Vec<usize> = (0..self.sources.len())
            .filter(|&i| matches!(self.verdicts[i], Some(Verdict::Unchanged(_))))
            .collect();
        let to_load: Vec<usize> = (0..self.sources.len())
            .filter(|&i| matches!(self.verdicts[i], Some(Verdict::New)))
            .collect();
        let same = summary.gone == 0
            && summary.stale == 0
            && places.len() + to_load.len() == self.sources.len()
            && places.len() == shown.len()
            && (places.iter().zip(shown).zip(names)).all(|((&i, &file), (key, display))| {
                self.files[i] == Some(file)
                    && self.sources[i].key == *key
                    && self.sources[i].display == *display
            });
        if !same {
            return None;
        }
        for &i in &places {
            self.sent[i] = true;
            self.files_done += 1;
            self.bytes_done += self.sources[i].bytes;
        }
        summary.loaded = to_load.len();
        self.reader = true;
        if !self.prepare_import(&to_load) {
            return None;
        }
        self.lean = self.facts.is_some();
        let go_on = self.load_files(&to_load, Some(out)).is_continue();
        self.finish(go_on, out);
        self.error.is_none().then_some(summary)
    }

    /// Lists what the library holds of each listed file: the verdicts,
    /// and what the load will find (none, the library failing).
    fn plan(&mut self) -> Option<Summary> {
        let mut summary = Summary { cached: true, ..Summary::default() };
        let known: Vec<usize> =
            (0..self.sources.len()).filter(|&i| self.listed[i].is_some()).collect();
        let listed: Vec<Listed> = known.iter().filter_map(|&i| self.listed[i].clone()).collect();
        let plan = match self.library.plan(&self.roots, &listed) {
            Ok(plan) => plan,
            Err(e) => {
                self.error = Some(e);
                return None;
            }
        };
        summary.gone = plan.vanished.len();
        // Gone from the folders, gone from the library: a start that shows
        // what the library holds before the walk must not show them.
        let gone: Vec<FileId> = plan.vanished.iter().map(|(f, _)| *f).collect();
        if !gone.is_empty()
            && let Err(e) = self.library.forget(&gone)
        {
            self.error = Some(e);
            return None;
        }
        for (&i, v) in known.iter().zip(&plan.verdicts) {
            self.verdicts[i] = Some(*v);
            if let Verdict::Unchanged(f) | Verdict::Stale(f) = v {
                self.files[i] = Some(*f);
            }
            match v {
                Verdict::Unchanged(_) => summary.unchanged += 1,
                Verdict::Stale(_) => summary.stale += 1,
                _ => {}
            }
        }
        Some(summary)
    }

    /// Before the files `to_load` are loaded: a large import drops the
    /// index of `facts` (built again at the end). False: the library failed.
    fn prepare_import(&mut self, to_load: &[usize]) -> bool {
        if to_load.len() >= LARGE_IMPORT
            && let Err(e) = self.library.drop_facts_index()
        {
            self.error = Some(e);
            return false;
        }
        true
    }

    /// The end of a load that went on to the end (`go_on`): the index of
    /// `facts` made again if need be (not by the reader), and the problems
    /// and notes not handed out yet handed out.
    fn finish(&mut self, go_on: bool, out: &mut Out<'_>) {
        if self.error.is_none()
            && go_on
            && !self.reader
            && let Err(e) = self.library.index_facts()
        {
            self.error = Some(e);
        }
        // A listing of nothing but problems (a fifo named alone) still says them.
        if self.error.is_none() && go_on && !(self.problems.is_empty() && self.notes.is_empty()) {
            let (problems, notes) = self.leftovers();
            let progress = self.progress();
            let _ = out.send(Loaded { problems, notes, progress, ..Loaded::default() });
        }
    }

    /// Loads the files `todo` (places in the listing) with the loader,
    /// stores each batch, and hands it to `out` when there is one (else
    /// keeps its problems and notes for the first batch read back).
    fn load_files(&mut self, todo: &[usize], mut out: Option<&mut Out<'_>>) -> ControlFlow<()> {
        if todo.is_empty() {
            return ControlFlow::Continue(());
        }
        let sources: Vec<Source> = todo.iter().map(|&i| self.sources[i].clone()).collect();
        let listed: Vec<Option<Listed>> = todo.iter().map(|&i| self.listed[i].clone()).collect();
        let by_display: HashMap<&str, usize> =
            sources.iter().enumerate().map(|(i, s)| (s.display.as_str(), i)).collect();
        let listing = Listing { sources: sources.clone(), ..Listing::default() };
        let (done_before, bytes_before) = (self.files_done, self.bytes_done);
        let mut flow = ControlFlow::Continue(());
        let library = &mut *self.library;
        let (files, sent, problems, notes, error) =
            (&mut self.files, &mut self.sent, &mut self.problems, &mut self.notes, &mut self.error);
        let (mut done_now, mut bytes_now) = (0, 0);
        let with_facts = self.facts.is_some();
        let lean = self.lean;
        let facts = self.facts;
        let corrections = self.facts.and_then(Lazy::corrections);
        // Every file stored whole: repeats are left out as they are handed
        // out, the same way whether they come from the library or not.
        let options = Options { keep_repeats: true, ..self.options };
        // The files are loaded and extracted (and each article hashed) on
        // every core by a thread of their own while this one stores the
        // batch before and hands it out: neither waits for the other.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Loaded, Vec<u64>)>(1);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                stream(listing, facts, options, &mut |loaded| {
                    let hashes = hashed(&loaded.docs);
                    match tx.send((loaded, hashes)) {
                        Ok(()) => ControlFlow::Continue(()),
                        Err(_) => ControlFlow::Break(()),
                    }
                });
            });
            // Dropped when this thread stops early: the loader's next send fails.
            let rx = rx;
            for (mut loaded, hashes) in &rx {
                let put = super::put_batch(
                    library,
                    &mut loaded,
                    &sources,
                    &listed,
                    &by_display,
                    with_facts,
                    &hashes,
                );
                match put {
                    Ok(rows) => {
                        for (at, id) in rows {
                            files[todo[at]] = Some(id);
                        }
                    }
                    Err(e) => {
                        *error = Some(e);
                        flow = ControlFlow::Break(());
                        break;
                    }
                }
                let labels = loaded.docs.iter().map(|d| d.path.as_str());
                let more = loaded.problems.iter().chain(&loaded.notes).map(|p| p.path.as_str());
                for path in labels.chain(more) {
                    let file = path.rsplit_once('#').map_or(path, |(f, _)| f);
                    if let Some(&at) = by_display.get(path).or_else(|| by_display.get(file)) {
                        sent[todo[at]] = true;
                    }
                }
                (done_now, bytes_now) = (loaded.progress.files_done, loaded.progress.bytes_done);
                loaded.progress.files_done += done_before;
                loaded.progress.bytes_done += bytes_before;
                loaded.progress.files_total = sent.len();
                if let Some(out) = out.as_deref_mut() {
                    loaded.problems.splice(0..0, std::mem::take(problems));
                    loaded.notes.splice(0..0, std::mem::take(notes));
                    if lean {
                        made_lean(&mut loaded, corrections);
                    }
                    flow = out.send_hashed(loaded, &hashes);
                } else {
                    // Kept for the first batch read back (which reads the
                    // problems of the files not loaded now from the library).
                    problems.extend(loaded.problems);
                    notes.extend(loaded.notes);
                }
                if flow.is_break() {
                    break;
                }
            }
            drop(rx);
        });
        self.files_done = done_before + done_now;
        self.bytes_done = bytes_before + bytes_now;
        flow
    }

    /// Reads the files `places` back from the library, a few hundred at a
    /// time, and hands them to `out`. Stale files are extracted again
    /// (and stored so); the problems of files not in `fresh` come from
    /// the library.
    fn read_back(
        &mut self,
        places: &[usize],
        fresh: &HashSet<usize>,
        out: &mut Out<'_>,
    ) -> ControlFlow<()> {
        let (lean, places): (Vec<usize>, Vec<usize>) = if self.lean {
            // Stale files are extracted again, from their bodies.
            places.iter().partition(|&&i| self.verdicts[i] != self.files[i].map(Verdict::Stale))
        } else {
            (Vec::new(), places.to_vec())
        };
        self.read_back_lean(&lean, fresh, out)?;
        for chunk in places.chunks(STORED_BATCH) {
            match self.read_chunk(chunk, fresh) {
                Ok((mut loaded, hashes)) => {
                    for &i in chunk {
                        self.sent[i] = true;
                        self.files_done += 1;
                        self.bytes_done += self.sources[i].bytes;
                    }
                    loaded.progress = self.progress();
                    loaded.problems.splice(0..0, std::mem::take(&mut self.problems));
                    loaded.notes.splice(0..0, std::mem::take(&mut self.notes));
                    // Extracted again (a new extraction): lean as the rest.
                    if self.lean {
                        made_lean(&mut loaded, self.facts.and_then(Lazy::corrections));
                    }
                    out.send_hashed(loaded, &hashes)?;
                }
                Err(e) => {
                    self.error = Some(e);
                    return ControlFlow::Break(());
                }
            }
        }
        ControlFlow::Continue(())
    }

    /// Reads the files `places` back lean (see [`super::Kept::lean`]): every
    /// document without its body, with its facts as stored, in one pass;
    /// handed to `out` a few thousand at a time. An article the person's
    /// corrections may change is read whole and corrected here.
    fn read_back_lean(
        &mut self,
        places: &[usize],
        fresh: &HashSet<usize>,
        out: &mut Out<'_>,
    ) -> ControlFlow<()> {
        if places.is_empty() {
            return ControlFlow::Continue(());
        }
        let read = self.read_lean(places, fresh);
        let (stored, problems) = match read {
            Ok(read) => read,
            Err(e) => {
                self.error = Some(e);
                return ControlFlow::Break(());
            }
        };
        self.problems.extend(problems);
        let mut stored = stored.into_iter().peekable();
        let mut loaded = Loaded::default();
        let mut hashes = Vec::new();
        while let Some((doc, facts, kept, hash, at)) = stored.next() {
            if !self.sent[at] {
                self.sent[at] = true;
                self.files_done += 1;
                self.bytes_done += self.sources[at].bytes;
            }
            loaded.docs.push(doc);
            loaded.facts.push(facts);
            loaded.kept.push(Some(kept));
            hashes.push(hash);
            if loaded.docs.len() == LEAN_BATCH || stored.peek().is_none() {
                loaded.progress = self.progress();
                loaded.problems.splice(0..0, std::mem::take(&mut self.problems));
                loaded.notes.splice(0..0, std::mem::take(&mut self.notes));
                out.send_hashed(std::mem::take(&mut loaded), &std::mem::take(&mut hashes))?;
            }
        }
        ControlFlow::Continue(())
    }

    /// The articles of the files `places`, lean (each with its facts
    /// when corrected, its place among the sources), and the problems of
    /// those not in `fresh`.
    #[allow(clippy::type_complexity)]
    fn read_lean(
        &mut self,
        places: &[usize],
        fresh: &HashSet<usize>,
    ) -> Result<
        (Vec<(crate::corpus::Document, Vec<Fact>, Kept, u64, usize)>, Vec<Notice>),
        StoreError,
    > {
        let files: Vec<FileId> = places.iter().filter_map(|&i| self.files[i]).collect();
        let at: HashMap<FileId, usize> =
            places.iter().filter_map(|&i| Some((self.files[i]?, i))).collect();
        let old: Vec<FileId> =
            places.iter().filter(|i| !fresh.contains(i)).filter_map(|&i| self.files[i]).collect();
        let problems = self.library.problems_of(&old)?;
        let corrections = self.facts.and_then(Lazy::corrections);
        let corrections = corrections.map(|c| c.read().unwrap_or_else(PoisonError::into_inner));
        // What was read ahead, of the files unchanged since; the rest now.
        let mut found: LeanDocs = Vec::new();
        let mut have = HashSet::new();
        let ahead = self.prefetched.take().and_then(|h| h.join().ok()).and_then(Result::ok);
        for (s, p) in ahead.into_iter().flatten() {
            let unchanged = at.get(&s.file).is_some_and(|&i| {
                !fresh.contains(&i) && self.verdicts[i] == Some(Verdict::Unchanged(s.file))
            });
            if unchanged {
                have.insert(s.file);
                found.push((s, p));
            }
        }
        let rest: Vec<FileId> = files.iter().copied().filter(|f| !have.contains(f)).collect();
        if !rest.is_empty() {
            found.extend(self.library.documents_packed(&rest)?);
        }
        // In the order of `places` (each file's documents in their order).
        found.sort_by_key(|(s, _)| at.get(&s.file).copied());
        let mut out = Vec::new();
        for (s, packed) in found {
            let Some(&i) = at.get(&s.file) else { continue };
            let (doc, facts, kept, hash) =
                lean_article(self.library, s, packed, &self.sources[i], corrections.as_deref())?;
            out.push((doc, facts, kept, hash, i));
        }
        Ok((out, problems))
    }

    /// The articles of the files `chunk`, with their facts and each one's
    /// [`crate::corpus::article_hash`].
    fn read_chunk(
        &mut self,
        chunk: &[usize],
        fresh: &HashSet<usize>,
    ) -> Result<(Loaded, Vec<u64>), StoreError> {
        let mut loaded = Loaded::default();
        let mut hashes = Vec::new();
        let mut old = Vec::new();
        for &i in chunk {
            let Some(file) = self.files[i] else { continue };
            let mut stored = self.library.file_documents(file)?;
            for s in &mut stored {
                s.relabel(&self.sources[i]);
            }
            let facts: Vec<Vec<Fact>> = if self.facts.is_none() {
                vec![Vec::new(); stored.len()]
            } else if self.verdicts[i] == Some(Verdict::Stale(file)) {
                let docs: Vec<_> = stored.iter().map(|s| s.doc.clone()).collect();
                let facts = extract(self.facts, &docs);
                let rows: Vec<_> = (stored.iter().zip(&facts))
                    .map(|(s, f)| (s.row, &s.doc, f.as_slice()))
                    .collect();
                self.library.put_facts(file, &rows)?;
                facts
            } else {
                let rows: Vec<_> = stored.iter().map(|s| s.row).collect();
                self.library.facts_of(&rows)?
            };
            if !fresh.contains(&i) {
                old.push(file);
            }
            hashes.extend(stored.iter().map(|s| s.body_hash));
            loaded.kept.extend(stored.iter().map(|s| Some(Kept { row: s.row, lean: None })));
            loaded.docs.extend(stored.into_iter().map(|s| s.doc));
            loaded.facts.extend(facts);
        }
        loaded.problems = self.library.problems(&old)?;
        Ok((loaded, hashes))
    }
}

/// A document read back lean, named as `source` now names its file, with
/// its [`crate::corpus::article_hash`]; read whole and corrected (its
/// facts unpacked) when the person's `corrections` touch its facts.
pub(super) fn lean_article(
    library: &Library,
    mut s: Stored,
    packed: Option<PackedFacts>,
    source: &Source,
    corrections: Option<&Corrections>,
) -> Result<(crate::corpus::Document, Vec<Fact>, Kept, u64), StoreError> {
    s.relabel(source);
    let mut facts = Vec::new();
    let mut lean = Some(packed.unwrap_or_default());
    if let (Some(c), Some(p)) = (corrections, &lean)
        && c.touches(&s.doc.key, p)
    {
        library.fill_body(s.row, &mut s.doc)?;
        facts = lean.take().map(|p| p.unpack()).unwrap_or_default();
        c.apply(&s.doc, &mut facts);
    }
    Ok((s.doc, facts, Kept { row: s.row, lean }, s.body_hash))
}

/// Each article's [`crate::corpus::article_hash`], on every core, its
/// key in the reading state ([`crate::state::content_hash`], kept with
/// it) made on the way: both read the whole text, which the thread that
/// stores the batch need not do again.
fn hashed(docs: &[crate::corpus::Document]) -> Vec<u64> {
    docs.par_iter()
        .map(|d| {
            let _ = crate::state::content_hash(d);
            crate::corpus::article_hash(&d.title, &d.body)
        })
        .collect()
}

/// The articles of a batch just stored handed over lean, as if read back
/// from the library (see [`Kept::lean`]): each one's facts corrected and
/// packed, its body let go (read from the library when wanted).
fn made_lean(loaded: &mut Loaded, corrections: Option<&super::Shared>) {
    let n = loaded.docs.len();
    loaded.facts.resize_with(n, Vec::new);
    loaded.kept.resize(n, None);
    for ((doc, facts), kept) in loaded.docs.iter_mut().zip(&mut loaded.facts).zip(&mut loaded.kept)
    {
        let Some(kept) = kept.as_mut().filter(|k| k.lean.is_none()) else { continue };
        super::correct(corrections, doc, facts);
        loaded.notes.extend(crate::facts::cut_notice(doc, facts));
        kept.lean = Some(PackedFacts::pack(&std::mem::take(facts)));
        doc.body = "".into();
        doc.paragraphs = Vec::new();
        doc.furniture = Vec::new();
    }
}
