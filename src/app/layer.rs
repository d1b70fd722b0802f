//! Who gets a key, and what is drawn over what, said once: the layers of
//! the screen, topmost first (yazi's approach). Key dispatch
//! ([`App::handle_key`]) hands a key to the top layer; drawing (`ui`) draws
//! the topmost of the panes and the views, then what lies over it. A layer
//! is there while its state is: an overlay, a text box, a full-screen view,
//! and at the bottom, always, the panes.

use super::search::BoxKind;
use super::{App, Overlay, Pane};
use crate::keys::Context;

/// One layer of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Help or the list of problems: takes every key until it closes.
    Overlay(Overlay),
    /// A text box in place of the status line: takes every key it can, so
    /// typing `q` into it does not quit.
    TextBox(BoxKind),
    /// A full-screen view over the panes; keys reach it through the key map.
    View(View),
    /// The panes; the focused one has the keys, through the key map.
    Panes(Pane),
}

/// The full-screen views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// `S`: the corpus search's results (its text box lies over it).
    CorpusSearch,
    /// `F`: every entity and figure of the corpus.
    FactsView,
    /// `W`: the articles that name a watched name.
    Watch,
    /// `d`: an entity's page (over the facts view it may come from).
    Dossier,
    /// `C`: every correction in force.
    Corrections,
}

impl App {
    /// The layers, topmost first; the last is always the panes.
    pub fn layers(&self) -> Vec<Layer> {
        let mut layers = Vec::with_capacity(4);
        if let Some(overlay) = self.overlay {
            layers.push(Layer::Overlay(overlay));
        }
        if let Some(b) = &self.text_box {
            layers.push(Layer::TextBox(b.kind));
        }
        if self.corpus_search.is_some() {
            layers.push(Layer::View(View::CorpusSearch));
        } else if !self.dossiers.is_empty() {
            layers.push(Layer::View(View::Dossier));
        } else if self.facts_view.is_some() {
            layers.push(Layer::View(View::FactsView));
        } else if self.watch_view.is_some() {
            layers.push(Layer::View(View::Watch));
        } else if self.corrections.view.is_some() {
            layers.push(Layer::View(View::Corrections));
        }
        layers.push(Layer::Panes(self.focus));
        layers
    }

    /// The layer a key goes to.
    pub fn top(&self) -> Layer {
        self.layers()[0]
    }

    /// What covers the panes: the topmost view, if any.
    pub fn view(&self) -> Option<View> {
        self.layers().into_iter().find_map(|l| if let Layer::View(v) = l { Some(v) } else { None })
    }

    /// What the key map applies to: the facts view when it is open, else the
    /// focused pane.
    pub fn context(&self) -> Context {
        match self.view() {
            Some(View::FactsView) => Context::FactsView,
            Some(View::Watch) => Context::WatchView,
            Some(View::Dossier) => Context::Dossier,
            Some(View::Corrections) => Context::CorrectionsView,
            // The corpus search takes its keys in its text box, over it.
            Some(View::CorpusSearch) | None => match self.focus {
                Pane::List => Context::List,
                Pane::Reader => Context::Reader,
                Pane::Sidebar => Context::Sidebar,
            },
        }
    }

    /// Whether the mouse reaches the panes: nothing but a text box (which
    /// lives in the status line) lies over them.
    pub fn panes_uncovered(&self) -> bool {
        self.layers()
            .into_iter()
            .find(|l| !matches!(l, Layer::TextBox(_)))
            .is_some_and(|l| matches!(l, Layer::Panes(_)))
    }
}
