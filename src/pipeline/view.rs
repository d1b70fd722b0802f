//! The reader's first look: what the library holds under the paths,
//! handed over lean at once, before the folders are walked; then the
//! walk ([`check_view`]) says whether anything changed: files new since
//! are loaded and handed over after, anything else means a load again.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::PoisonError;

use super::stored::{LEAN_BATCH, lean_article};
use super::{Lazy, Loaded, Out, Summary, stored};
use crate::corpus::{Dedup, Options, Progress, collect_sources, known_sources};
use crate::store::{FileId, Library};

/// What [`load_view`] handed over, for [`check_view`].
pub struct View {
    pub summary: Summary,
    /// The files shown, in order, and each one's key and display name.
    files: Vec<FileId>,
    names: Vec<(String, String)>,
    /// The articles handed over so far: how many, and which (repeats of
    /// them among files new since are left out).
    next_id: usize,
    dedup: Dedup,
}

/// Hands `each` what the library holds of files under `paths`, lean (see
/// [`super::Kept::lean`]), named and ordered as a listing of the paths
/// would, with the problems stored with them; a `Break` stops it. None
/// (and nothing handed over) when the library holds nothing under the
/// paths, when some of it is not stored as this dossier parses and
/// extracts (a first start after an upgrade), or when it cannot be read:
/// a [`super::load`] is then the way.
pub fn load_view(
    paths: &[PathBuf],
    library: &Library,
    facts: &Lazy,
    each: &mut dyn FnMut(Loaded) -> ControlFlow<()>,
) -> Option<View> {
    let started = std::time::Instant::now();
    let roots: Vec<PathBuf> = paths.iter().filter_map(|r| std::path::absolute(r).ok()).collect();
    let (all, known): (Vec<FileId>, Vec<PathBuf>) =
        library.current_under(&roots).ok()??.into_iter().unzip();
    // Named while the documents are read: naming needs no document, and
    // the documents of files a listing leaves out are let go after.
    let (sources, found) = std::thread::scope(|scope| {
        let naming = scope.spawn(|| known_sources(paths, &known));
        let found = library.documents_packed(&all);
        (naming.join(), found)
    });
    let (sources, found) = (sources.ok()?, found.ok()?);
    if sources.is_empty() {
        return None;
    }
    let ids: Vec<FileId> = sources.iter().map(|(i, _)| all[*i]).collect();
    let at: HashMap<FileId, usize> = ids.iter().enumerate().map(|(k, f)| (*f, k)).collect();
    let mut found: Vec<(usize, _)> =
        found.into_iter().filter_map(|d| Some((*at.get(&d.0.file)?, d))).collect();
    // In the order of the paths given (the files of each in listing order
    // already, and each file's documents in order).
    if !found.is_sorted_by_key(|(k, _)| *k) {
        found.sort_by_key(|(k, _)| *k);
    }
    let problems = library.problems_of(&ids).ok()?;
    let corrections = facts.corrections().map(|c| c.read().unwrap_or_else(PoisonError::into_inner));
    // Everything read before anything is handed over: a fault of the
    // library leaves the load to begin again, not half done.
    let mut articles = Vec::with_capacity(found.len());
    for (k, (s, packed)) in found {
        let article = lean_article(library, s, packed, &sources[k].1, corrections.as_deref());
        articles.push(article.ok()?);
    }
    drop(corrections);
    let mut out = Out {
        each,
        corrections: facts.corrections(),
        next_id: 0,
        dedup: Dedup::default(),
        stopped: false,
    };
    let n = ids.len();
    let progress = Progress {
        files_done: n,
        files_total: n,
        bytes_done: 0,
        bytes_total: 0,
        elapsed: started.elapsed(),
    };
    let mut problems = Some(problems);
    let mut articles = articles.into_iter().peekable();
    while articles.peek().is_some() {
        let mut loaded = Loaded { progress, ..Loaded::default() };
        loaded.problems = problems.take().unwrap_or_default();
        let mut hashes = Vec::with_capacity(LEAN_BATCH);
        for (doc, facts, kept, hash) in articles.by_ref().take(LEAN_BATCH) {
            loaded.docs.push(doc);
            loaded.facts.push(facts);
            loaded.kept.push(Some(kept));
            hashes.push(hash);
        }
        if out.send_hashed(loaded, &hashes).is_break() {
            break;
        }
    }
    let Out { next_id, dedup, .. } = out;
    let names = sources.into_iter().map(|(_, s)| (s.key, s.display)).collect();
    let summary = Summary { unchanged: n, cached: true, ..Summary::default() };
    Some(View { summary, files: ids, names, next_id, dedup })
}

/// Walks the folders after [`load_view`] and compares what they hold
/// with what it handed over. When every file shown is there unchanged
/// and named the same, the files new since are loaded (extracted and
/// stored), handed to `each` numbered on from the view's articles, with
/// the listing's problems and notes; returns what the walk found. None
/// when a file shown changed, went or is named otherwise, or the library
/// failed: the articles are to be loaded again and replace those shown.
pub fn check_view(
    view: View,
    paths: &[PathBuf],
    library: &mut Library,
    facts: &Lazy,
    options: Options,
    each: &mut dyn FnMut(Loaded) -> ControlFlow<()>,
) -> Option<Summary> {
    let View { files, names, next_id, dedup, .. } = view;
    let listing = collect_sources(paths);
    let mut out = Out { each, corrections: facts.corrections(), next_id, dedup, stopped: false };
    let mut load = stored::Load::new(library, paths, listing, Some(facts), options);
    load.check(&files, &names, &mut out)
}
