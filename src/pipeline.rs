//! Files → documents with their facts, the one way the reader and the
//! headless commands load: through the library ([`crate::store::Library`])
//! when there is one, so that an unchanged file is neither parsed nor
//! extracted again, else straight from the loader ([`crate::corpus::stream`]).
//!
//! With the library, a load lists the files, asks the library what
//! became of each ([`crate::store::Library::plan`]), loads the new and
//! changed ones with the loader (every core, its limits and time budget),
//! extracts their facts on every core and stores each batch in one
//! transaction, and reads the rest back. Files vanished since are left
//! out of view. Any fault of the library (a full disk, a file taken away)
//! is said once and the load goes on without it.
//!
//! Two orders: [`Order::Paths`] hands every article over in path order
//! (the headless commands: output that does not depend on the library);
//! [`Order::StoredFirst`] hands over what the library holds first, at
//! once, then the files it had to load (the reader: the list is full
//! before any file is read).
//!
//! The pipeline sits above `corpus`, `facts` and `store`; none of them
//! imports it.

pub mod corrections;
mod stored;
mod view;

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::corpus::{
    self, Corpus, Dedup, Document, Listing, Notice, Options, Progress, Source, collect_sources,
};
use crate::facts::{Extractor, Fact};
use crate::store::{DocRow, FileId, Library, Listed, NewFile, PackedFacts, StoreError, Verdict};
use crate::text::DocId;
pub use corrections::{Corrections, Shared};
pub use view::{View, check_view, load_view};

/// From this many files to load on, the library's index of `facts` is
/// dropped before and built again after (cheaper than keeping it up).
const LARGE_IMPORT: usize = 1_000;

/// Where the library keeps an article handed over.
#[derive(Debug, Clone)]
pub struct Kept {
    pub row: DocRow,
    /// The article's facts as stored, when it was handed over lean
    /// ([`Order::Reader`]): without its body (empty, as are its paragraphs
    /// and furniture: [`Library::fill_body`] brings them), its facts not
    /// decoded (its entry in [`Loaded::facts`] is empty).
    pub lean: Option<PackedFacts>,
}

/// Some articles with their facts, numbered on from the batch before.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    /// The facts of each of `docs`, in the same order.
    pub facts: Vec<Vec<Fact>>,
    /// Where the library keeps each of `docs` (none: not kept), in the
    /// same order; empty when the load has no library.
    pub kept: Vec<Option<Kept>>,
    pub problems: Vec<Notice>,
    pub notes: Vec<Notice>,
    pub progress: Progress,
}

/// In which order articles are handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Path order.
    Paths,
    /// What the library holds first (in path order), then the files
    /// loaded; path order when the library holds some and only a few small
    /// files are to be loaded (they hold the rest back for a moment only).
    StoredFirst,
    /// As [`Order::StoredFirst`], what the library holds handed over lean
    /// (see [`Kept::lean`]): the reader's list is full at once, and a
    /// body is read when it is wanted.
    Reader,
}

/// What a load found, for the status line and the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files read back from the library.
    pub unchanged: usize,
    /// Files whose stored documents were extracted again (a new extraction).
    pub stale: usize,
    /// Files loaded (new, or changed since they were stored).
    pub loaded: usize,
    /// Stored files under the paths that are gone.
    pub gone: usize,
    /// Whether the library was used to the end.
    pub cached: bool,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.cached {
            return write!(f, "{} file(s) loaded", self.loaded);
        }
        write!(
            f,
            "{} file(s) from the library, {} loaded",
            self.unchanged + self.stale,
            self.loaded
        )?;
        if self.gone > 0 {
            write!(f, ", {} gone", self.gone)?;
        }
        Ok(())
    }
}

/// Opens the library at its usual place, unless `enabled` is false.
/// Returns it (or none) and what to say about it once: a damaged file moved
/// aside, or why dossier runs without it.
pub fn open_library(enabled: bool) -> (Option<Library>, Option<String>) {
    if !enabled {
        return (None, None);
    }
    match Library::open_default() {
        Ok(mut library) => {
            let note = library.take_note();
            (Some(library), note)
        }
        Err(e) => (None, Some(without(&e))),
    }
}

/// What is said when the library cannot be used.
fn without(e: &StoreError) -> String {
    format!("running without the cache: {e}")
}

/// Hands out articles numbered on, each once (an article that repeats
/// one already handed out is a note).
struct Out<'a> {
    each: &'a mut dyn FnMut(Loaded) -> ControlFlow<()>,
    /// The person's corrections, applied to every article handed out.
    corrections: Option<&'a Shared>,
    next_id: usize,
    dedup: Dedup,
    stopped: bool,
}

impl Out<'_> {
    fn send(&mut self, loaded: Loaded) -> ControlFlow<()> {
        self.send_hashed(loaded, &[])
    }

    /// [`Out::send`] with the [`corpus::article_hash`] of each article
    /// known already (as many as there are articles, or none).
    fn send_hashed(&mut self, loaded: Loaded, hashes: &[u64]) -> ControlFlow<()> {
        self.send_with(loaded, Repeats::Check(hashes))
    }

    /// Leaves out of `docs` (and says in `notes`) the articles that repeat
    /// one handed out before or one before them in `docs`; `hashes` are
    /// their [`corpus::article_hash`]es. Hand the rest out with
    /// [`Repeats::LeftOut`].
    fn leave_out_repeats(
        &mut self,
        docs: Vec<Document>,
        hashes: &[u64],
        notes: &mut Vec<Notice>,
    ) -> Vec<Document> {
        let mut kept = Vec::with_capacity(docs.len());
        for (doc, &h) in docs.into_iter().zip(hashes) {
            match self.dedup.check_hashed(&doc, h) {
                Some(note) => notes.push(note),
                None => kept.push(doc),
            }
        }
        kept
    }

    fn send_with(&mut self, mut loaded: Loaded, repeats: Repeats<'_>) -> ControlFlow<()> {
        if self.stopped {
            return ControlFlow::Break(());
        }
        let n = loaded.docs.len();
        let mut docs = Vec::with_capacity(n);
        let mut facts = Vec::with_capacity(n);
        let had_kept = loaded.kept.len() == n;
        let mut kept = Vec::with_capacity(if had_kept { n } else { 0 });
        let mut kept_in = std::mem::take(&mut loaded.kept).into_iter();
        let facts_in = loaded.facts.into_iter().chain(std::iter::repeat_with(Vec::new));
        for (i, (mut doc, f)) in loaded.docs.into_iter().zip(facts_in).enumerate() {
            let k = if had_kept { kept_in.next().flatten() } else { None };
            let repeat = match repeats {
                Repeats::Check(hashes) => match hashes.get(i) {
                    Some(&h) => self.dedup.check_hashed(&doc, h),
                    None => self.dedup.check(&doc),
                },
                Repeats::LeftOut => None,
            };
            if let Some(note) = repeat {
                loaded.notes.push(note);
                continue;
            }
            doc.id = DocId(self.next_id);
            self.next_id += 1;
            let mut f = f;
            // A lean article's facts were corrected when read back, if need be.
            if k.as_ref().is_none_or(|k| k.lean.is_none()) {
                correct(self.corrections, &doc, &mut f);
                // An article whose facts were cut is said as a note.
                loaded.notes.extend(crate::facts::cut_notice(&doc, &f));
            }
            docs.push(doc);
            facts.push(f);
            if had_kept {
                kept.push(k);
            }
        }
        loaded.docs = docs;
        loaded.facts = facts;
        loaded.kept = kept;
        let flow = (self.each)(loaded);
        self.stopped = flow.is_break();
        flow
    }
}

/// How [`Out`] tells the articles it hands out from repeats.
#[derive(Clone, Copy)]
enum Repeats<'h> {
    /// Checks each, by its hash when given (as many as there are
    /// articles), else by hashing it.
    Check(&'h [u64]),
    /// Repeats were left out already ([`Out::leave_out_repeats`]).
    LeftOut,
}

/// The extractor, made when first needed: making it compiles every rule,
/// and a load that finds everything in the library never needs it. With
/// it, the person's corrections, applied to every article's facts.
#[derive(Default)]
pub struct Lazy(std::sync::OnceLock<Extractor>, Option<Shared>);

impl Lazy {
    /// Facts made with these corrections applied.
    pub fn corrected(corrections: Shared) -> Self {
        Self(std::sync::OnceLock::new(), Some(corrections))
    }

    /// The corrections the facts are made with, if any.
    pub fn corrections(&self) -> Option<&Shared> {
        self.1.as_ref()
    }

    pub fn get(&self) -> &Extractor {
        self.0.get_or_init(Extractor::new)
    }

    /// The facts of `doc`, extracted and corrected.
    pub fn facts(&self, doc: &Document) -> Vec<Fact> {
        let mut facts = self.get().extract(doc);
        correct(self.1.as_ref(), doc, &mut facts);
        facts
    }
}

/// Applies the corrections, if any, to the facts of `doc`.
fn correct(corrections: Option<&Shared>, doc: &Document, facts: &mut Vec<Fact>) {
    if let Some(c) = corrections {
        c.read().unwrap_or_else(std::sync::PoisonError::into_inner).apply(doc, facts);
    }
}

/// Extracts the facts of `docs` on every core (none when `facts` is none:
/// not wanted).
fn extract(facts: Option<&Lazy>, docs: &[Document]) -> Vec<Vec<Fact>> {
    match facts {
        Some(lazy) => {
            let extractor = lazy.get();
            docs.par_iter().map(|d| extractor.extract(d)).collect()
        }
        None => vec![Vec::new(); docs.len()],
    }
}

/// Loads `paths` (the bundled articles when empty) and hands the articles
/// with their facts to `each`, a batch at a time, in `order`; a `Break`
/// stops the load. Problems and notes come with the batches. `options`
/// are the loader's for the files it reads. Without `facts` (`dossier
/// text`) nothing is extracted: each article comes with no facts, and the
/// files stored are stored without (extracted when next wanted, never
/// parsed again).
pub fn load(
    paths: &[PathBuf],
    library: Option<&mut Library>,
    facts: Option<&Lazy>,
    order: Order,
    options: Options,
    each: &mut dyn FnMut(Loaded) -> ControlFlow<()>,
) -> Summary {
    let corrections = facts.and_then(|l| l.1.as_ref());
    let mut out = Out { each, corrections, next_id: 0, dedup: Dedup::default(), stopped: false };
    if paths.is_empty() {
        let docs = Corpus::bundled().docs;
        let facts = extract(facts, &docs);
        let _ = out.send(Loaded { docs, facts, ..Loaded::default() });
        return Summary::default();
    }
    // What the library holds under the paths, read while they are listed.
    let prefetch = match &library {
        Some(l) if order == Order::Reader && facts.is_some() => stored::prefetch(l, paths),
        _ => None,
    };
    let listing = collect_sources(paths);
    let Some(library) = library else {
        let loaded = listing.sources.len();
        stream_out(listing, facts, options, &mut out);
        return Summary { loaded, ..Summary::default() };
    };
    let mut load = stored::Load::new(library, paths, listing, facts, options);
    load.prefetched = prefetch;
    let summary = load.run(order, &mut out);
    if let Some(e) = load.error.take() {
        // Everything not handed out yet, without the library.
        let rest = load.not_sent();
        let (problems, mut notes) = load.leftovers();
        notes.insert(0, Notice { path: String::new(), message: without(&e) });
        let listing = Listing { sources: rest, problems, notes };
        stream(listing, facts, options, &mut |l| out.send(l));
        return Summary { cached: false, ..summary };
    }
    summary
}

/// Loads a listing with the loader, extracting each batch's facts on
/// every core, and hands each batch to `sink`.
fn stream(
    listing: Listing,
    facts: Option<&Lazy>,
    options: Options,
    sink: &mut dyn FnMut(Loaded) -> ControlFlow<()>,
) {
    corpus::stream_with(listing, options, |batch| {
        let facts = extract(facts, &batch.docs);
        sink(Loaded {
            docs: batch.docs,
            facts,
            kept: Vec::new(),
            problems: batch.problems,
            notes: batch.notes,
            progress: batch.progress,
        })
    });
}

/// Loads a listing with the loader and hands each batch out through `out`.
/// Repeats are told there and not by the loader: each article is hashed
/// once, on every core, and a repeat is left out before its facts are
/// extracted. Notes come as the loader gives them: repeats, then cut facts.
fn stream_out(listing: Listing, facts: Option<&Lazy>, options: Options, out: &mut Out<'_>) {
    let options = Options { keep_repeats: true, ..options };
    corpus::stream_with(listing, options, |batch| {
        let hashes: Vec<u64> =
            batch.docs.par_iter().map(|d| corpus::article_hash(&d.title, &d.body)).collect();
        let mut notes = batch.notes;
        let docs = out.leave_out_repeats(batch.docs, &hashes, &mut notes);
        let facts = extract(facts, &docs);
        let loaded = Loaded {
            docs,
            facts,
            kept: Vec::new(),
            problems: batch.problems,
            notes,
            progress: batch.progress,
        };
        out.send_with(loaded, Repeats::LeftOut)
    });
}

/// The `N` of `key#N` for an article of a file of several.
fn part_of(doc: &Document, source: &Source) -> Option<usize> {
    doc.key.strip_prefix(source.key.as_str())?.strip_prefix('#')?.parse().ok()
}

/// One file of a loaded batch: its place among the sources, its
/// articles (with the `N` of `key#N`), their facts, its problems.
struct FileBatch {
    at: usize,
    docs: Vec<(Option<usize>, Document)>,
    /// Each article's [`corpus::article_hash`], when known.
    hashes: Vec<u64>,
    facts: Vec<Vec<Fact>>,
    problems: Vec<Notice>,
}

/// Where an article of a loaded batch went while its file is stored:
/// into file batch `i`, or aside (not stored).
#[derive(Clone, Copy)]
enum Went {
    File(usize),
    Aside,
}

/// The files of a loaded batch, ready for [`Library::put`]: the articles
/// and their facts are moved there, not copied (see [`put_back`]). A
/// file that gave no article is not stored (it is loaded again next
/// time, and says why again).
fn files_of(
    loaded: &mut Loaded,
    hashes: &[u64],
    sources: &[Source],
    listed: &[Option<Listed>],
    by_display: &HashMap<&str, usize>,
) -> Taken {
    let mut files: Vec<FileBatch> = Vec::new();
    let mut at: HashMap<usize, usize> = HashMap::new();
    let mut went = Vec::with_capacity(loaded.docs.len());
    let mut aside = Vec::new();
    let facts =
        std::mem::take(&mut loaded.facts).into_iter().chain(std::iter::repeat_with(Vec::new));
    for (n, (doc, facts)) in std::mem::take(&mut loaded.docs).into_iter().zip(facts).enumerate() {
        let found = by_display.get(doc.path.as_str()).copied().filter(|&i| listed[i].is_some());
        let Some(i) = found else {
            went.push(Went::Aside);
            aside.push((doc, facts));
            continue;
        };
        let slot = *at.entry(i).or_insert_with(|| {
            files.push(FileBatch {
                at: i,
                docs: Vec::new(),
                hashes: Vec::new(),
                facts: Vec::new(),
                problems: Vec::new(),
            });
            files.len() - 1
        });
        went.push(Went::File(slot));
        files[slot].docs.push((part_of(&doc, &sources[i]), doc));
        files[slot].facts.push(facts);
        files[slot].hashes.extend(hashes.get(n));
    }
    for p in &loaded.problems {
        let file = p.path.rsplit_once('#').map_or(p.path.as_str(), |(f, _)| f);
        let found = by_display.get(p.path.as_str()).or_else(|| by_display.get(file));
        if let Some(slot) = found.and_then(|i| at.get(i)) {
            files[*slot].problems.push(p.clone());
        }
    }
    Taken { files, went, aside }
}

/// A loaded batch's articles as [`files_of`] took them out.
struct Taken {
    files: Vec<FileBatch>,
    /// Where each article went, in the batch's order.
    went: Vec<Went>,
    /// The articles not stored, in order.
    aside: Vec<(Document, Vec<Fact>)>,
}

/// Puts the articles [`files_of`] took back into the batch, in their order.
fn put_back(loaded: &mut Loaded, taken: Taken) {
    let Taken { files, went, aside } = taken;
    let mut files: Vec<_> = files.into_iter().map(|f| f.docs.into_iter().zip(f.facts)).collect();
    let mut aside = aside.into_iter();
    for w in went {
        let next = match w {
            Went::File(slot) => files[slot].next().map(|((_, doc), facts)| (doc, facts)),
            Went::Aside => aside.next(),
        };
        if let Some((doc, facts)) = next {
            loaded.docs.push(doc);
            loaded.facts.push(facts);
        }
    }
}

/// Stores the files of a loaded batch in one transaction; returns the row
/// of each (by its place among `sources`). The batch is as it was after.
/// `hashes`: each article's [`corpus::article_hash`] (or none: made here).
fn put_batch(
    library: &mut Library,
    loaded: &mut Loaded,
    sources: &[Source],
    listed: &[Option<Listed>],
    by_display: &HashMap<&str, usize>,
    with_facts: bool,
    hashes: &[u64],
) -> Result<Vec<(usize, FileId)>, StoreError> {
    let had_facts = loaded.facts.len() == loaded.docs.len();
    let hashes = if hashes.len() == loaded.docs.len() { hashes } else { &[] };
    let taken = files_of(loaded, hashes, sources, listed, by_display);
    let new: Vec<NewFile<'_>> = taken
        .files
        .iter()
        .filter_map(|f| {
            Some(NewFile {
                listed: listed[f.at].as_ref()?,
                hash: None,
                docs: &f.docs,
                body_hashes: &f.hashes,
                facts: with_facts.then_some(f.facts.as_slice()),
                problems: &f.problems,
            })
        })
        .collect();
    let rows = library.put(&new)?;
    drop(new);
    let places: Vec<usize> = taken.files.iter().map(|f| f.at).collect();
    // Each article's row, in the batch's order (as put_back restores it).
    let mut next = vec![0; rows.len()];
    loaded.kept = (taken.went.iter())
        .map(|w| match *w {
            Went::File(slot) => {
                let row = rows.get(slot).and_then(|(_, r)| r.get(next[slot])).copied();
                next[slot] += 1;
                row.map(|row| Kept { row, lean: None })
            }
            Went::Aside => None,
        })
        .collect();
    put_back(loaded, taken);
    if !had_facts {
        loaded.facts.clear();
    }
    Ok(places.into_iter().zip(rows.into_iter().map(|(id, _)| id)).collect())
}

/// Whether a verdict means the file is read back from the library.
fn is_stored(v: Verdict) -> bool {
    matches!(v, Verdict::Unchanged(_) | Verdict::Stale(_))
}
