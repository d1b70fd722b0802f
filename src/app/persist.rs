//! Between the app and its saved reading state: read and starred marks,
//! the article open last, and each article's place as paragraph + offset
//! (so it survives another terminal width).

use super::App;
use super::reader::line_at;
use crate::state::{ArticleState, State, content_hash};

impl App {
    /// The width-independent place in article `doc`.
    fn place(&self, doc: usize) -> usize {
        if doc == self.selected {
            self.lines.get(self.scroll).map_or(0, |l| l.pos)
        } else {
            self.positions[doc]
        }
    }

    /// Takes the saved state of the articles it knows; returns to the
    /// article open last, at its place.
    pub fn restore(&mut self, state: &State) {
        let mut last = None;
        for (i, doc) in self.corpus.docs.iter().enumerate() {
            let hash = content_hash(doc);
            let Some(saved) = state.articles.get(&hash) else { continue };
            self.read[i] = saved.read;
            self.starred[i] = saved.starred;
            self.positions[i] = match doc.paragraphs.get(saved.paragraph) {
                Some(p) if saved.paragraph > 0 || saved.offset > 0 => {
                    p.start + saved.offset.min(p.len()) + 1
                }
                _ => 0,
            };
            if state.last.as_deref() == Some(hash.as_str()) {
                last = Some(i);
            }
        }
        let target = last.unwrap_or(self.selected);
        // Re-read the place of the article shown at start, then go to the last one.
        self.scroll = line_at(&self.lines, self.positions[self.selected]).min(self.max_scroll());
        self.select(target);
        self.scroll = line_at(&self.lines, self.positions[target]).min(self.max_scroll());
    }

    /// Writes every article's marks and place into `state`.
    pub fn record(&self, state: &mut State) {
        for (i, doc) in self.corpus.docs.iter().enumerate() {
            let hash = content_hash(doc);
            let pos = self.place(i);
            let (paragraph, offset) = match pos.checked_sub(1) {
                None => (0, 0),
                Some(off) => {
                    let p = doc.paragraphs.partition_point(|s| s.start <= off).saturating_sub(1);
                    (p, off.saturating_sub(doc.paragraphs.get(p).map_or(0, |s| s.start)))
                }
            };
            let untouched = !self.read[i] && !self.starred[i] && pos == 0;
            if untouched && !state.articles.contains_key(&hash) {
                continue;
            }
            let entry = ArticleState {
                path: doc.path.clone(),
                read: self.read[i],
                starred: self.starred[i],
                paragraph,
                offset,
            };
            state.articles.insert(hash.clone(), entry);
            if i == self.selected {
                state.last = Some(hash);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::parse_keys;
    use crate::corpus::Corpus;
    use crate::render::app_for;
    use crate::state::State;

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
        assert!(again.starred[2] && again.read[2]);
        let line = &again.lines[again.scroll];
        let doc = &again.corpus.docs[2];
        // The same paragraph, at or just before the same words.
        let para_of = |pos: usize| doc.paragraphs.partition_point(|s| s.start < pos);
        let before = app.lines[app.scroll].pos;
        assert!(before > 1, "scrolled into the article");
        assert_eq!(para_of(line.pos), para_of(before));
        assert!(line.pos <= before);
    }
}
