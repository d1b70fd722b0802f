//! Every terminal size from 1×1 to 300×100 draws without panic in every
//! view (list, reader, sidebar, help, facts view, problems, searches), with
//! the bundled articles and the hostile ones: a property test over the
//! headless terminal, plus every small size exhaustively.

mod common;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use dossier::app::{App, Pane};
use dossier::corpus::Corpus;
use dossier::keys::parse_keys;
use dossier::render::{app_for, draw, to_text};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use common::hostile::{self, SMALL};

/// Each view and the keys that open it from the start (the list).
const VIEWS: [(&str, &str); 10] = [
    ("list", ""),
    ("reader", "Enter G"),
    ("reader-top", "Enter g j j"),
    ("sidebar", "Enter Tab G"),
    ("help", "? j j"),
    ("facts", "F j Tab"),
    ("problems", "P"),
    ("corpus search", "S m i n"),
    ("article search", "Enter / t h e Enter"),
    ("title filter", "/ e"),
];

static HOSTILE: LazyLock<Corpus> = LazyLock::new(|| {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("dossier-sizes-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    hostile::write(&dir, SMALL);
    let corpus = Corpus::load(std::slice::from_ref(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    corpus
});

fn corpus(which: usize) -> Corpus {
    if which == 0 { Corpus::bundled() } else { HOSTILE.clone() }
}

fn app_in(which: usize, view: usize) -> App {
    let mut app = app_for(corpus(which), (120, 40));
    // The corpus search is answered at once, as `dossier render` does.
    let mut searcher = dossier::app::search::Searcher::default();
    for key in parse_keys(VIEWS[view].1).unwrap() {
        app.handle_key(key);
        app.answer_here(&mut searcher);
        app.suspend = false;
    }
    assert!(!app.quit);
    let open = match VIEWS[view].0 {
        "help" | "problems" => app.overlay.is_some(),
        "facts" => app.facts_view.is_some(),
        "corpus search" => app.corpus_search.is_some(),
        "article search" => app.article_search.is_some(),
        "title filter" => app.text_box.is_some(),
        "reader" | "reader-top" => app.focus == Pane::Reader,
        "sidebar" => app.focus == Pane::Sidebar,
        _ => true,
    };
    assert!(open, "the keys {:?} do not open the {} view", VIEWS[view].1, VIEWS[view].0);
    app
}

/// Draws `app` at `w`×`h` showing article `doc`, and checks the frame.
fn draw_at(app: &mut App, doc: usize, w: u16, h: u16) -> Result<(), String> {
    app.select(doc % app.corpus.docs.len().max(1));
    app.resize(w, h);
    let buffer = draw(app).map_err(|e| e.to_string())?;
    let (bw, bh) = (buffer.area.width, buffer.area.height);
    if (bw, bh) != (w, h) {
        return Err(format!("drew {bw}×{bh} for {w}×{h}"));
    }
    for cell in &buffer.content {
        if cell.symbol().chars().any(hostile::forbidden) {
            return Err(format!("a cell holds {:?}:\n{}", cell.symbol(), to_text(&buffer)));
        }
    }
    Ok(())
}

#[test]
fn every_size_draws_in_every_view() {
    let apps: RefCell<HashMap<(usize, usize), App>> = RefCell::new(HashMap::new());
    let mut runner = TestRunner::new(Config { cases: 600, ..Config::default() });
    let sizes = (0..2usize, 0..VIEWS.len(), 0..16usize, 1u16..=300, 1u16..=100);
    runner
        .run(&sizes, |(which, view, doc, w, h)| {
            let mut apps = apps.borrow_mut();
            let app = apps.entry((which, view)).or_insert_with(|| app_in(which, view));
            draw_at(app, doc, w, h)
                .map_err(|e| TestCaseError::fail(format!("{} at {w}×{h}: {e}", VIEWS[view].0)))
        })
        .unwrap();
}

#[test]
fn small_sizes_and_extremes_draw_in_every_view() {
    let mut sizes: Vec<(u16, u16)> = (1..=14).flat_map(|w| (1..=9).map(move |h| (w, h))).collect();
    sizes.extend([(300, 100), (1, 100), (300, 1), (79, 24), (80, 24), (119, 40), (120, 40)]);
    for which in 0..2 {
        for (view, (name, _)) in VIEWS.iter().enumerate() {
            let mut app = app_in(which, view);
            let docs = app.corpus.docs.len();
            for doc in 0..docs {
                for &(w, h) in &sizes {
                    if let Err(e) = draw_at(&mut app, doc, w, h) {
                        panic!("{name} with article {doc} at {w}×{h}: {e}");
                    }
                }
            }
        }
    }
}

/// More files that failed than a `u16` counts rows: the problems overlay
/// still draws (its height once overflowed).
#[test]
fn problems_overlay_with_65534_problems() {
    let mut corpus = Corpus::bundled();
    corpus.problems = (0..65_534)
        .map(|i| dossier::corpus::Notice {
            path: format!("broken/{i}.json"),
            message: "invalid JSON at line 1, column 1: expected value".into(),
        })
        .collect();
    let mut app = app_for(corpus, (120, 40));
    for key in parse_keys("P G").unwrap() {
        app.handle_key(key);
    }
    for (w, h) in [(120, 40), (1, 1), (300, 100)] {
        draw_at(&mut app, 0, w, h).unwrap();
    }
}
