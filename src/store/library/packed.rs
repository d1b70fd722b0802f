//! Every stored document without its body, with its facts as stored:
//! what a start shows before anything else, read on every core.

use std::collections::HashMap;

use super::{BODY_COLUMN, DOC_COLUMNS, Library, Stored, read_document};
use crate::store::FileId;
use crate::store::codec::PackedFacts;
use crate::store::error::{Result, StoreError};
use crate::text::DocId;

/// Up to this many files, [`Library::documents_packed`] looks each one
/// up rather than reading the whole table.
const FEW_FILES: usize = 64;

/// From this many documents on, the table is read in parts, each on a
/// connection and a thread of its own (a few in the unit tests).
const IN_PARTS: i64 = if cfg!(test) { 4 } else { 8_192 };

/// A document found, with its file's place among those asked for and its
/// order in the file.
type Found = (usize, i64, Stored, Option<PackedFacts>);

impl Library {
    /// The documents of `files` as [`Library::documents`] gives them
    /// without bodies, each with its facts as stored (packed, not decoded;
    /// none when it has none stored): all the list and the sidebar need,
    /// in one pass over the table (in parts on every core when it is
    /// large). [`Library::fill_body`] brings a body.
    pub fn documents_packed(&self, files: &[FileId]) -> Result<Vec<(Stored, Option<PackedFacts>)>> {
        let place: HashMap<i64, usize> = files.iter().enumerate().map(|(i, f)| (f.0, i)).collect();
        let mut found = if files.len() <= FEW_FILES {
            self.packed_of_each(files, &place)?
        } else {
            self.packed_in_parts(&place)?
        };
        found.sort_by_key(|(at, ord, ..)| (*at, *ord));
        Ok(found
            .into_iter()
            .enumerate()
            .map(|(i, (_, _, mut s, p))| {
                s.doc.id = DocId(i);
                (s, p)
            })
            .collect())
    }

    /// A few files (a change among many): each by the index on `file`.
    fn packed_of_each(&self, files: &[FileId], place: &HashMap<i64, usize>) -> Result<Vec<Found>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{} WHERE d.file = ?1", select()))
            .map_err(|e| self.err(e))?;
        let mut found = Vec::new();
        for f in files {
            let mut rows = stmt.query([f.0]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                found.extend(self.take(r, place)?);
            }
        }
        Ok(found)
    }

    /// The whole table, a range of documents on each core (one part on
    /// this connection when it is small or a second one cannot be opened).
    fn packed_in_parts(&self, place: &HashMap<i64, usize>) -> Result<Vec<Found>> {
        let (low, high): (i64, i64) = self
            .conn
            .query_row(
                "SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        let cores = i64::try_from(rayon::current_num_threads()).unwrap_or(1).clamp(1, 8);
        let parts = if high - low < IN_PARTS { 1 } else { cores };
        let step = (high - low) / parts + 1;
        let ranges: Vec<(i64, i64)> =
            (0..parts).map(|k| (low + k * step, (low + (k + 1) * step - 1).min(high))).collect();
        let readers: Vec<Library> =
            ranges.iter().skip(1).filter_map(|_| self.reader().ok()).collect();
        if readers.len() + 1 < ranges.len() {
            return self.packed_range(place, (low, high));
        }
        std::thread::scope(|scope| {
            let others: Vec<_> = (readers.into_iter().zip(&ranges[1..]))
                .map(|(reader, &range)| scope.spawn(move || reader.packed_range(place, range)))
                .collect();
            let mut found = self.packed_range(place, ranges[0])?;
            for other in others {
                let part = other.join().map_err(|_| StoreError::Malformed {
                    path: self.path.clone(),
                    what: "a part of the documents (its reader failed)".into(),
                })??;
                found.extend(part);
            }
            Ok(found)
        })
    }

    /// The documents with ids in `range` (both ends included).
    fn packed_range(&self, place: &HashMap<i64, usize>, range: (i64, i64)) -> Result<Vec<Found>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{} WHERE d.id BETWEEN ?1 AND ?2", select()))
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([range.0, range.1]).map_err(|e| self.err(e))?;
        let mut found = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            found.extend(self.take(r, place)?);
        }
        Ok(found)
    }

    /// A row read, if its file is among those asked for.
    fn take(&self, r: &rusqlite::Row<'_>, place: &HashMap<i64, usize>) -> Result<Option<Found>> {
        let file: i64 = r.get(1).map_err(|e| self.err(e))?;
        let Some(&at) = place.get(&file) else { return Ok(None) };
        let ord: i64 = r.get(2).map_err(|e| self.err(e))?;
        let stored = read_document(r).map_err(|e| self.err(e))?;
        let blob = r.get_ref(BODY_COLUMN).map_err(|e| self.err(e))?.as_blob_or_null();
        let packed = match blob.map_err(|e| self.err(e.into()))? {
            None => None,
            Some(b) => Some(PackedFacts::from_blob(b).ok_or_else(|| StoreError::Malformed {
                path: self.path.clone(),
                what: format!("the facts of document {}", stored.row.0),
            })?),
        };
        Ok(Some((at, ord, stored, packed)))
    }
}

/// The documents with their packed facts.
fn select() -> String {
    format!(
        "SELECT {DOC_COLUMNS}, f.facts FROM documents d LEFT JOIN fact_blobs f ON f.document = d.id"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::collect_sources;
    use crate::facts::Extractor;

    #[test]
    fn read_in_parts_as_in_one() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("news");
        std::fs::create_dir(&folder).unwrap();
        for i in 0..40 {
            let text = format!("Report {i}\n\nAcme Corp earned {i} million euros in Berlin.\n");
            std::fs::write(folder.join(format!("{i:02}.txt")), text).unwrap();
        }
        let mut lib = Library::open(&dir.path().join("library.sqlite")).unwrap();
        let roots = [folder.clone()];
        crate::store::sync(&mut lib, &roots, &collect_sources(&roots), &Extractor::new(), |_| {})
            .unwrap();
        let files: Vec<FileId> =
            lib.files_under(&roots).unwrap().into_iter().map(|f| f.0).collect();
        let place: HashMap<i64, usize> = files.iter().enumerate().map(|(i, f)| (f.0, i)).collect();
        let mut whole = lib.packed_range(&place, (i64::MIN, i64::MAX)).unwrap();
        let mut parts = lib.packed_in_parts(&place).unwrap();
        let key = |f: &Found| (f.0, f.1);
        whole.sort_by_key(key);
        parts.sort_by_key(key);
        let brief = |f: &[Found]| -> Vec<(usize, String, usize)> {
            f.iter()
                .map(|(at, _, s, p)| {
                    (*at, s.doc.title.clone(), p.as_ref().map_or(0, PackedFacts::len))
                })
                .collect()
        };
        assert_eq!(brief(&parts), brief(&whole));
        assert_eq!(parts.len(), 40);
        assert!(parts.iter().all(|(.., p)| p.as_ref().is_some_and(|p| p.len() >= 2)));
    }
}
