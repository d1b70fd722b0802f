//! Between the app and its saved reading state: read and starred marks,
//! the article open last, and each article's place as paragraph + offset
//! (so it survives another terminal width).

use super::App;
use super::reader::{Place, line_at};
use crate::state::{ArticleState, State, content_hash};
use crate::store::{Update, What};

/// The reading state read at start, kept for articles still to arrive.
pub struct SavedState {
    state: State,
    /// The app's revision when it was taken: a key since means the person
    /// has moved on, and the article open last is not forced on them.
    revision: u64,
}

impl App {
    /// The width-independent place in article `doc`.
    fn place(&self, doc: usize) -> Place {
        if doc == self.selected {
            self.lines.get(self.scroll).map_or(Place::TOP, |l| l.pos)
        } else {
            self.records[doc].position
        }
    }

    /// Takes the saved state of the articles it knows; returns to the
    /// article open last, at its place. Articles that arrive later (a load
    /// in the background) take theirs as they come, and the one open last
    /// is shown when it arrives, unless a key was pressed meanwhile.
    pub fn restore(&mut self, state: &State) {
        self.saved = Some(SavedState { state: state.clone(), revision: self.revision });
        self.restore_range(0..self.corpus.docs.len());
    }

    /// Applies the saved state to articles `range` (just added).
    pub(super) fn restore_range(&mut self, range: std::ops::Range<usize>) {
        let Some(saved) = self.saved.take() else { return };
        let mut last = None;
        let shown_is_new = range.contains(&self.selected);
        for i in range {
            let doc = &self.corpus.docs[i];
            let hash = content_hash(doc);
            // The article shown last may have no marks (shown, never
            // scrolled): it comes back all the same.
            if saved.state.last.as_deref() == Some(hash.as_str()) {
                last = Some(i);
            }
            let Some(entry) = saved.state.articles.get(&hash) else { continue };
            let record = &mut self.records[i];
            record.read = entry.read;
            record.starred = entry.starred;
            if record.bodyless() {
                // Taken when its body is read.
                record.saved_place = Some((entry.paragraph, entry.offset));
            } else {
                record.position = Place::saved(doc, entry.paragraph, entry.offset);
            }
        }
        let untouched = self.revision == saved.revision;
        self.saved = Some(saved);
        let Some(target) = last.filter(|_| untouched) else {
            if untouched && shown_is_new {
                // The article shown has just taken its saved place.
                self.scroll = line_at(&self.lines, self.records[self.selected].position)
                    .min(self.max_scroll());
            }
            return;
        };
        // Re-read the place of the article shown at start, then go to the last one.
        self.scroll =
            line_at(&self.lines, self.records[self.selected].position).min(self.max_scroll());
        self.select(target);
        self.scroll = line_at(&self.lines, self.records[target].position).min(self.max_scroll());
    }

    /// Whether a load is under way and no key has been pressed since the
    /// saved state was taken: the article open last may still come.
    fn waiting_for_last(&self) -> bool {
        self.is_loading() && self.saved.as_ref().is_some_and(|s| s.revision == self.revision)
    }

    /// The marks and place of every article, to compare with those of a
    /// moment later ([`App::changes_since`]).
    pub fn marks_from(&self, start: usize) -> Vec<Marked> {
        (start..self.corpus.docs.len())
            .map(|i| Marked {
                read: self.records[i].read,
                starred: self.records[i].starred,
                place: self.place(i),
            })
            .collect()
    }

    /// The changes of the reading state since `before` (taken by
    /// [`App::marks`]; articles it does not cover are taken as they are,
    /// with the state they were restored with), one row each, and `before`
    /// brought up to date. The article shown is the one open last, unless
    /// the one open last may still arrive.
    pub fn changes_since(
        &self,
        before: &mut Vec<Marked>,
        last: &mut Option<String>,
    ) -> Vec<Update> {
        let n = self.corpus.docs.len();
        if before.len() > n {
            before.truncate(n);
        }
        let known = before.len();
        before.extend(self.marks_from(known));
        let mut updates = Vec::new();
        let mut update = |i: usize, what: What| {
            let doc = &self.corpus.docs[i];
            updates.push(Update { key: content_hash(doc), path: doc.path.clone(), what });
        };
        for (i, was) in before.iter_mut().enumerate().take(known) {
            let record = &self.records[i];
            if record.read != was.read {
                update(i, What::Read(record.read));
            }
            if record.starred != was.starred {
                update(i, What::Starred(record.starred));
            }
            let place = self.place(i);
            if place != was.place {
                let (paragraph, byte) = paragraph_offset(&self.corpus.docs[i], place);
                update(i, What::Place { paragraph, byte });
            }
            *was = Marked { read: record.read, starred: record.starred, place };
        }
        if let Some(doc) = self.corpus.docs.get(self.selected)
            && !self.waiting_for_last()
        {
            let hash = content_hash(doc);
            if last.as_deref() != Some(hash.as_str()) {
                updates.push(Update {
                    key: hash.clone(),
                    path: doc.path.clone(),
                    what: What::Last,
                });
                *last = Some(hash);
            }
        }
        updates
    }

    /// Writes every article's marks and place into `state`.
    pub fn record(&self, state: &mut State) {
        for (i, doc) in self.corpus.docs.iter().enumerate() {
            let hash = content_hash(doc);
            let pos = self.place(i);
            let (paragraph, offset) = paragraph_offset(doc, pos);
            let record = &self.records[i];
            let untouched = !record.read && !record.starred && pos == Place::TOP;
            if untouched && !state.articles.contains_key(&hash) {
                continue;
            }
            let entry = ArticleState {
                path: doc.path.clone(),
                read: record.read,
                starred: record.starred,
                paragraph,
                offset,
            };
            state.articles.insert(hash.clone(), entry);
            // Quitting before the article open last has even arrived keeps it the last.
            if i == self.selected && !self.waiting_for_last() {
                state.last = Some(hash);
            }
        }
    }
}

/// A place as paragraph index and byte offset in it.
fn paragraph_offset(doc: &crate::corpus::Document, pos: Place) -> (usize, usize) {
    match pos.offset() {
        None => (0, 0),
        Some(off) => {
            let p = doc.paragraphs.partition_point(|s| s.start <= off).saturating_sub(1);
            (p, off.saturating_sub(doc.paragraphs.get(p).map_or(0, |s| s.start)))
        }
    }
}

/// One article's marks and place, as last written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    read: bool,
    starred: bool,
    place: Place,
}

#[cfg(test)]
mod tests {
    use crate::app::reader::Place;
    use crate::app::tests::app_for;
    use crate::corpus::Corpus;
    use crate::keys::parse_keys;
    use crate::state::State;
    use crate::store::{Update, What};

    fn keys(app: &mut crate::app::App, keys: &str) {
        for k in parse_keys(keys).unwrap() {
            app.handle_key(k);
        }
    }

    #[test]
    fn the_place_survives_another_width() {
        let mut app = app_for(Corpus::bundled(), (120, 40));
        keys(&mut app, "j j l C-d C-d j * ");
        let mut state = State::default();
        app.record(&mut state);

        let mut again = app_for(Corpus::bundled(), (90, 30));
        again.restore(&state);
        assert_eq!(again.selected, 2);
        assert!(again.records[2].starred && again.records[2].read);
        let line = &again.lines[again.scroll];
        let doc = &again.corpus.docs[2];
        // The same paragraph, at or just before the same words.
        let para_of = |pos: Place| doc.paragraphs.partition_point(|s| Place::body(s.start) <= pos);
        let before = app.lines[app.scroll].pos;
        assert!(before > Place::body(0), "scrolled into the article");
        assert_eq!(para_of(line.pos), para_of(before));
        assert!(line.pos <= before);
    }

    #[test]
    fn the_article_on_screen_comes_back_even_without_marks() {
        let mut app = app_for(Corpus::bundled(), (120, 40));
        let (mut sent, mut last) = (Vec::new(), None);
        assert!(app.changes_since(&mut sent, &mut last).iter().all(|u| u.what == What::Last));
        keys(&mut app, "n n");
        let updates = app.changes_since(&mut sent, &mut last);
        let shown = crate::state::content_hash(&app.corpus.docs[2]);
        assert!(updates.contains(&Update {
            key: shown.clone(),
            path: app.corpus.docs[2].path.clone(),
            what: What::Last
        }));
        assert!(app.changes_since(&mut sent, &mut last).is_empty(), "sent once");

        let state = State { last: Some(shown), ..State::default() };
        let mut again = app_for(Corpus::bundled(), (120, 40));
        again.restore(&state);
        assert_eq!(again.selected, 2);
    }

    #[test]
    fn a_mark_is_one_row() {
        let mut app = app_for(Corpus::bundled(), (120, 40));
        let (mut sent, mut last) = (Vec::new(), None);
        let _ = app.changes_since(&mut sent, &mut last);
        keys(&mut app, "j *");
        let updates = app.changes_since(&mut sent, &mut last);
        let kinds: Vec<What> = updates.iter().map(|u| u.what).collect();
        assert!(kinds.contains(&What::Starred(true)), "{kinds:?}");
        assert!(updates.iter().filter(|u| u.what == What::Starred(true)).count() == 1);
        assert!(updates.len() <= 3, "{updates:?}");
    }
}
