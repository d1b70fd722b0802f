//! Bringing the library up to date with a listing: the files to parse are
//! read, parsed and extracted on every core, a batch at a time, while the
//! calling thread stores the batch before (one transaction per batch,
//! each file in it whole); the stale files' stored documents are
//! extracted again. What is unchanged is not touched.

use std::path::PathBuf;
use std::sync::mpsc;

use rayon::prelude::*;

use super::error::Result;
use super::library::{FileId, Library, Listed, NewFile, Plan, Verdict, content_hash};
use crate::corpus::{Document, Listing, MAX_FILE_BYTES, Notice, Source, parse};
use crate::facts::{Extractor, Fact};
use crate::text::DocId;

/// Files parsed and extracted together, and stored in one transaction: a
/// commit costs well under a millisecond in WAL mode, and an import cut
/// short loses at most this much work.
const BATCH_FILES: usize = 64;
/// From this many files to parse on, the index of `facts` is dropped
/// before and built again after.
const LARGE_IMPORT: usize = 1_000;

/// One file read, parsed and extracted: what [`Library::put`] stores.
#[derive(Debug)]
pub struct ParsedFile {
    pub listed: Listed,
    pub hash: Option<u64>,
    pub docs: Vec<(Option<usize>, Document)>,
    pub facts: Vec<Vec<Fact>>,
    pub problems: Vec<Notice>,
}

impl ParsedFile {
    /// The record [`Library::put`] takes.
    pub fn as_new(&self) -> NewFile<'_> {
        NewFile {
            listed: &self.listed,
            hash: self.hash,
            docs: &self.docs,
            body_hashes: &[],
            facts: Some(&self.facts),
            problems: &self.problems,
        }
    }
}

/// Reads, parses and extracts one file (any thread). A file that cannot
/// be read is a file of no documents and one problem.
pub fn parse_file(source: &Source, listed: Listed, extractor: &Extractor) -> ParsedFile {
    let problem = |message: String| Notice { path: source.display.clone(), message };
    // Bounded, and only the file listed: one swapped since is not read.
    let bytes = match crate::bounded::read_expecting(&source.path, MAX_FILE_BYTES, source.identity)
    {
        Ok(b) => b,
        Err(e) => {
            return ParsedFile {
                listed,
                hash: None,
                docs: Vec::new(),
                facts: Vec::new(),
                problems: vec![problem(e.to_string())],
            };
        }
    };
    let hash = Some(content_hash(&bytes));
    let parsed = parse(&bytes, source.format);
    drop(bytes);
    let mut problems: Vec<Notice> = parsed.errors.iter().map(|e| problem(e.to_string())).collect();
    let mut docs = Vec::with_capacity(parsed.articles.len());
    for (n, article) in parsed.articles {
        let key = match n {
            Some(n) => format!("{}#{n}", source.key),
            None => source.key.clone(),
        };
        let doc = Document::from_article(DocId(0), key, source.display.clone(), article);
        if doc.body.trim().is_empty() && !doc.has_headline {
            problems.push(Notice { path: doc.label(), message: "no text".into() });
        } else {
            docs.push((n, doc));
        }
    }
    let facts = docs.iter().map(|(_, d)| extractor.extract(d)).collect();
    ParsedFile { listed, hash, docs, facts, problems }
}

/// What [`sync`] did.
#[derive(Debug, Clone, Default)]
pub struct Synced {
    /// The verdict on each source of the listing (a source that could not
    /// be looked at any more is left out: it is gone).
    pub plan: Plan,
    /// The sources the plan is about, in the same order.
    pub sources: Vec<Source>,
    /// Each source's file in the library now, in the same order: what
    /// [`Library::documents`] takes to read them all back.
    pub files: Vec<FileId>,
    /// Bytes of the files parsed.
    pub bytes_parsed: u64,
}

/// Brings `library` up to date with `listing` (made from `roots`):
/// parses, extracts and stores changed and new files, extracts the stale
/// ones again, and builds the index of `facts` when it is missing.
/// `committed` is called after each transaction with the
/// paths it stored. Vanished files are left for the caller
/// ([`Library::forget`] or [`Library::prune`]).
pub fn sync(
    library: &mut Library,
    roots: &[PathBuf],
    listing: &Listing,
    extractor: &Extractor,
    mut committed: impl FnMut(&[PathBuf]),
) -> Result<Synced> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let stats: Vec<Option<Listed>> =
        listing.sources.par_iter().map(|s| Listed::stat_from(&cwd, &s.path).ok()).collect();
    let (sources, listed): (Vec<Source>, Vec<Listed>) =
        listing.sources.iter().zip(stats).filter_map(|(s, l)| Some((s.clone(), l?))).unzip();
    let roots: Vec<PathBuf> = roots.iter().filter_map(|r| std::path::absolute(r).ok()).collect();
    let plan = library.plan(&roots, &listed)?;
    let todo = plan.to_parse();
    let bytes_parsed = todo.iter().map(|&i| listed[i].size).sum();
    let mut files: Vec<Option<FileId>> = plan
        .verdicts
        .iter()
        .map(|v| match v {
            Verdict::Unchanged(f) | Verdict::Stale(f) => Some(*f),
            _ => None,
        })
        .collect();
    if todo.len() >= LARGE_IMPORT {
        library.drop_facts_index()?;
    }
    store_parsed(
        library,
        &sources,
        &listed,
        &todo,
        extractor,
        &mut |at, id| {
            files[at] = Some(id);
        },
        &mut committed,
    )?;
    let stale: Vec<FileId> = plan
        .verdicts
        .iter()
        .filter_map(|v| if let Verdict::Stale(f) = v { Some(*f) } else { None })
        .collect();
    extract_again(library, &stale, extractor)?;
    library.index_facts()?;
    let files = files.into_iter().flatten().collect();
    Ok(Synced { plan, sources, files, bytes_parsed })
}

/// Parses batches on every core on a producer thread while this thread
/// stores the batch before.
fn store_parsed(
    library: &mut Library,
    sources: &[Source],
    listed: &[Listed],
    todo: &[usize],
    extractor: &Extractor,
    stored: &mut impl FnMut(usize, FileId),
    committed: &mut impl FnMut(&[PathBuf]),
) -> Result<()> {
    let (tx, rx) = mpsc::sync_channel::<(&[usize], Vec<ParsedFile>)>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for batch in todo.chunks(BATCH_FILES) {
                let parsed: Vec<ParsedFile> = batch
                    .par_iter()
                    .map(|&i| parse_file(&sources[i], listed[i].clone(), extractor))
                    .collect();
                if tx.send((batch, parsed)).is_err() {
                    return;
                }
            }
        });
        for (places, batch) in rx {
            let files: Vec<NewFile<'_>> = batch.iter().map(ParsedFile::as_new).collect();
            // An error drops the receiver: the producer stops at its next send.
            for (&at, (id, _)) in places.iter().zip(library.put(&files)?) {
                stored(at, id);
            }
            let paths: Vec<PathBuf> = batch.iter().map(|f| f.listed.path.clone()).collect();
            committed(&paths);
        }
        Ok(())
    })
}

/// Extracts the stored documents of `files` again (their parse is still
/// good) and stores the new facts, a file per transaction.
fn extract_again(library: &mut Library, files: &[FileId], extractor: &Extractor) -> Result<()> {
    for chunk in files.chunks(BATCH_FILES) {
        let stored = library.documents(chunk, true)?;
        let facts: Vec<Vec<Fact>> = stored.par_iter().map(|s| extractor.extract(&s.doc)).collect();
        for &file in chunk {
            let docs: Vec<_> = stored
                .iter()
                .zip(&facts)
                .filter(|(s, _)| s.file == file)
                .map(|(s, f)| (s.row, &s.doc, f.as_slice()))
                .collect();
            library.put_facts(file, &docs)?;
        }
    }
    Ok(())
}
