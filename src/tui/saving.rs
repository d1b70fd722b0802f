//! The reading state of a session: read at start from the state
//! database (with `state.json` imported once), each change written as one
//! row by the writer thread, the UI never waiting for the disk.

use crate::app::App;
use crate::app::Marked;
use crate::state::State;
use crate::store::{MarkWriter, Marks};

/// Where the reader's marks go.
pub struct Saver {
    writer: Option<MarkWriter>,
    /// The marks as last sent, by article.
    sent: Vec<Marked>,
    last: Option<String>,
    /// Corrections read at start, for the app; then how many of the
    /// app's correction changes were sent.
    pub corrections: Vec<crate::store::Correction>,
    corrections_sent: usize,
    /// Said once: why the state is not kept, or a file moved aside.
    pub notice: Option<String>,
}

impl Saver {
    /// Opens the reading state (none with `--no-state`) and returns what it holds.
    pub fn open(keep: bool) -> (Self, State) {
        let mut saver = Self {
            writer: None,
            sent: Vec::new(),
            last: None,
            corrections: Vec::new(),
            corrections_sent: 0,
            notice: None,
        };
        if !keep {
            return (saver, State::default());
        }
        match Marks::open_default().and_then(|m| {
            let state = m.load()?;
            let corrections = m.corrections()?;
            Ok((m, state, corrections))
        }) {
            Ok((mut marks, state, corrections)) => {
                saver.corrections = corrections;
                saver.notice = marks.take_note();
                saver.last.clone_from(&state.last);
                saver.writer = Some(MarkWriter::spawn(marks));
                (saver, state)
            }
            Err(e) => {
                saver.notice = Some(format!("reading state not kept: {e}"));
                (saver, State::default())
            }
        }
    }

    /// Whether changes are written (there is a reading state).
    pub fn keeps(&self) -> bool {
        self.writer.is_some()
    }

    /// Takes the marks of articles just arrived as they are (restored, not
    /// changed): called before keys are handled.
    pub fn track(&mut self, app: &App) {
        if self.sent.len() < app.corpus.docs.len() && self.writer.is_some() {
            self.sent.extend(app.marks_from(self.sent.len()));
        }
    }

    /// Every article is loaded: their marks are recorded as seen now, so
    /// that `dossier prune` spares them.
    pub fn loaded(&self, app: &App) {
        if let Some(writer) = &self.writer {
            writer.seen(app.corpus.docs.iter().map(crate::state::content_hash).collect());
        }
    }

    /// A reload numbered the articles anew: what they hold now is the start.
    pub fn reset(&mut self, app: &App) {
        self.sent = app.marks_from(0);
    }

    /// Sends what changed since the last call, a row each; says once when
    /// writing has failed.
    pub fn save(&mut self, app: &App) -> Option<String> {
        let writer = self.writer.as_ref()?;
        for update in app.changes_since(&mut self.sent, &mut self.last) {
            writer.send(update);
        }
        let changes = app.corrections.log.get(self.corrections_sent..).unwrap_or_default();
        if !changes.is_empty() {
            writer.correct(changes.to_vec());
            self.corrections_sent = app.corrections.log.len();
        }
        writer.take_error().map(|e| format!("cannot save the reading state: {e}"))
    }

    /// Sends the last changes and waits until they are written.
    pub fn close(mut self, app: &App) -> Option<String> {
        let mut notice = self.save(app);
        if let Some(writer) = self.writer.take()
            && let Some(e) = writer.close()
        {
            notice = Some(format!("cannot save the reading state: {e}"));
        }
        notice.or(self.notice)
    }
}
