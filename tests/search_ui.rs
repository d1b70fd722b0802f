//! Search as a person uses it: the box takes keys before the key map, hits
//! are highlighted and counted, the corpus results open at the hit.

use dossier::corpus::Corpus;
use dossier::keys::parse_keys;
use dossier::render::{app_for, draw, render, to_text};
use ratatui::style::Modifier;

fn screen(keys: &str) -> String {
    render(Corpus::bundled(), (100, 30), keys, None).unwrap()
}

#[test]
fn search_box_snapshot() {
    insta::assert_snapshot!("article_search_box", screen("j l / c l o u d"));
}

#[test]
fn corpus_results_snapshot() {
    insta::assert_snapshot!("corpus_results", screen("S c l o u d Space a l i b a b a"));
}

#[test]
fn typing_into_the_box_does_not_run_keys() {
    // `q` would quit and `j` scroll, were they not typed into the box.
    let mut app = app_for(Corpus::bundled(), (100, 30));
    for k in parse_keys("l / q j").unwrap() {
        app.handle_key(k);
    }
    assert!(!app.quit);
    assert_eq!(app.text_box.as_ref().unwrap().text, "qj");
    assert_eq!(app.scroll, 0);
}

#[test]
fn hits_are_counted_stepped_and_highlighted() {
    let mut app = app_for(Corpus::bundled(), (100, 30));
    for k in parse_keys("j j l / c l o u d Enter").unwrap() {
        app.handle_key(k);
    }
    let search = app.article_search.clone().unwrap();
    assert!(search.hits.len() > 5, "{search:?}");
    let s = to_text(&draw(&app).unwrap());
    assert!(s.contains(&format!("/cloud 1/{}", search.hits.len())), "{s}");
    // n steps through hits (not articles) and wraps with a note.
    for _ in 0..search.hits.len() {
        app.handle_key(parse_keys("n").unwrap()[0]);
    }
    assert_eq!(app.selected, 2);
    assert_eq!(app.article_search.as_ref().unwrap().current, 0);
    assert_eq!(app.note.as_deref(), Some("search wrapped to the top"));
    // The current hit is drawn in the current-hit style.
    let buffer = draw(&app).unwrap();
    let styled = buffer.content().iter().any(|c| c.bg == app.theme.search_current.bg.unwrap());
    assert!(styled);
    // Esc clears the hits; `n` is the next article again.
    app.handle_key(parse_keys("Esc").unwrap()[0]);
    assert!(app.article_search.is_none());
    app.handle_key(parse_keys("n").unwrap()[0]);
    assert_eq!(app.selected, 3);
}

#[test]
fn accents_are_ignored_both_ways() {
    let mut app = app_for(Corpus::bundled(), (100, 30));
    for k in parse_keys("l / t r u n g Space q u o c").unwrap() {
        app.handle_key(k);
    }
    let s = app.article_search.as_ref().unwrap();
    let doc = &app.corpus.docs[0];
    assert_eq!(s.hits.len(), 2);
    assert!(s.hits.iter().all(|h| h.get(&doc.body) == "Trung Quốc"));
}

#[test]
fn corpus_results_open_the_article_at_the_hit_with_search_on() {
    let mut app = app_for(Corpus::bundled(), (100, 30));
    let mut searcher = dossier::app::search::Searcher::default();
    for k in parse_keys("S w a s h i n g t o n s Enter").unwrap() {
        app.handle_key(k);
        app.answer_here(&mut searcher);
    }
    assert!(app.corpus_search.is_none() && app.text_box.is_none());
    assert_eq!(app.selected, 2);
    let s = app.article_search.as_ref().unwrap();
    let hit = s.hits[s.current];
    assert_eq!(hit.get(&app.corpus.docs[2].body), "Washingtons");
    let buffer = draw(&app).unwrap();
    let text = to_text(&buffer);
    assert!(text.contains("Washingtons"), "{text}");
    assert!(
        buffer.content().iter().any(|c| c.symbol() == "W" && c.modifier.contains(Modifier::BOLD))
    );
}

#[test]
fn the_list_narrows_by_title_and_language() {
    let mut app = app_for(Corpus::bundled(), (120, 40));
    for k in parse_keys("/ u m k e h r").unwrap() {
        app.handle_key(k);
    }
    assert_eq!(app.visible, [2]);
    app.handle_key(parse_keys("Enter").unwrap()[0]);
    app.handle_key(parse_keys("Esc").unwrap()[0]);
    assert_eq!(app.visible.len(), 4);
    app.handle_key(parse_keys("L").unwrap()[0]);
    assert_eq!(app.visible.len(), 1);
    let s = to_text(&draw(&app).unwrap());
    assert!(s.contains("Articles 1/1 · de"), "{s}");
}

#[test]
fn s_cycles_the_sort_of_the_list() {
    let mut app = app_for(Corpus::bundled(), (120, 40));
    let keys = |app: &mut dossier::app::App, k: &str| {
        for key in parse_keys(k).unwrap() {
            app.handle_key(key);
        }
    };
    keys(&mut app, "s");
    assert_eq!(app.note.as_deref(), Some("sorted by date"));
    keys(&mut app, "s");
    assert_eq!(app.note.as_deref(), Some("sorted by title"));
    keys(&mut app, "s");
    // By language: de, en, nl, vi.
    let langs: Vec<&str> = app.visible.iter().map(|&d| app.corpus.docs[d].lang.code()).collect();
    assert_eq!(langs, ["de", "en", "nl", "vi"]);
    keys(&mut app, "s");
    assert_eq!(app.visible, [0, 1, 2, 3]);
}

/// The corpus search's answers come from a worker: only the answer to the
/// latest question is shown, an older one that comes late is dropped, and
/// the status line says `indexing…` until the index is built.
#[test]
fn only_the_latest_corpus_search_is_shown() {
    let mut app = app_for(Corpus::bundled(), (100, 30));
    let mut searcher = dossier::app::search::Searcher::default();
    for k in parse_keys("S").unwrap() {
        app.handle_key(k);
    }
    let empty = app.take_question().unwrap();
    assert!(app.indexing());
    assert!(app.corpus_search_status().contains("indexing"));
    let mut questions = Vec::new();
    for k in parse_keys("c l o u d").unwrap() {
        app.handle_key(k);
        questions.push(app.take_question().unwrap());
    }
    let answer = |searcher: &mut dossier::app::search::Searcher, q| {
        searcher.answer(&Corpus::bundled().docs, q)
    };
    let first = answer(&mut searcher, &empty);
    app.set_indexed(empty.corpus_version);
    app.set_search_results(empty.generation, first);
    assert!(!app.indexing());
    // "c" answered after "cloud" was asked: dropped.
    let late = answer(&mut searcher, &questions[0]);
    assert!(late.total > 0);
    app.set_search_results(questions[0].generation, late);
    assert_eq!(app.corpus_search.as_ref().unwrap().total, 0);
    let latest = questions.last().unwrap();
    let wanted = answer(&mut searcher, latest);
    let total = wanted.total;
    assert!(total > 0);
    app.set_search_results(latest.generation, wanted);
    assert_eq!(app.corpus_search.as_ref().unwrap().total, total);
    assert_eq!(app.corpus_search_status(), format!("{total} article(s)"));
}
