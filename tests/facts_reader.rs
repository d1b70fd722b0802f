//! Facts in the reader: the sidebar's selection scrolls the reading pane
//! to a highlighted mention, entities filter the list across languages,
//! the corpus facts view lists every entity and figure, exports land in the
//! data directory.

use dossier::app::{App, Pane};
use dossier::corpus::Corpus;
use dossier::facts::Kind;
use dossier::keys::parse_keys;
use dossier::render::{app_for, draw, to_text};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn app(keys: &str) -> App {
    let mut app = app_for(Corpus::bundled(), (120, 40));
    for key in parse_keys(keys).unwrap() {
        app.handle_key(key);
    }
    app
}

/// The symbols and modifiers of one row of the reader.
fn reader_row_cells(app: &App, buffer: &Buffer, y: u16) -> Vec<(String, Modifier)> {
    let r = app.layout.reader.unwrap();
    (r.x..r.x + r.width)
        .map(|x| (buffer[(x, y)].symbol().to_string(), buffer[(x, y)].modifier))
        .collect()
}

/// Where `text` first stands in the reader.
fn find_in_reader(app: &App, buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let r = app.layout.reader.unwrap();
    for y in r.y + 1..r.y + r.height - 1 {
        let row: String =
            (r.x..r.x + r.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        if let Some(byte) = row.find(text) {
            let col = row.get(..byte).unwrap_or("").chars().count() as u16;
            return Some((r.x + col, y));
        }
    }
    None
}

#[test]
fn every_sidebar_fact_jumps_to_a_visible_highlighted_mention() {
    for doc in 0..4 {
        let mut app = app(&"n ".repeat(doc));
        app.focus_pane(Pane::Sidebar);
        let entries = app.records[doc].sidebar(&app.corpus.docs[doc]).entries.len();
        assert!(entries > 0);
        for e in 0..entries {
            if e > 0 {
                app.handle_key(parse_keys("j").unwrap()[0]);
            }
            let entry = app.selected_entry().unwrap().clone();
            let fact = &app.records[doc].spots()[entry.mentions[0]];
            let text = fact.text(&app.corpus.docs[doc]).to_string();
            let buffer = draw(&app).unwrap();
            // The mention's line is on screen, and its first word is drawn reversed there.
            let line = app.fact_line(entry.mentions[0]).unwrap();
            assert!(
                line >= app.scroll && line < app.scroll + app.reader_height(),
                "{:?} off screen",
                entry.label
            );
            let y = app.layout.reader.unwrap().y + 1 + (line - app.scroll) as u16;
            let first = text.split_whitespace().next().unwrap();
            let highlighted =
                reader_row_cells(&app, &buffer, y).windows(first.chars().count()).any(|w| {
                    w.iter().map(|(s, _)| s.as_str()).collect::<String>() == first
                        && w[0].1.contains(Modifier::REVERSED)
                });
            assert!(
                highlighted,
                "{first:?} of {:?} is not highlighted in doc {doc}:\n{}",
                entry.label,
                to_text(&buffer)
            );
        }
    }
}

#[test]
fn facts_are_coloured_by_kind_until_h() {
    let on = app("l");
    let buffer = draw(&on).unwrap();
    let (x, y) = find_in_reader(&on, &buffer, "37%").expect("37% on screen");
    assert_eq!(buffer[(x, y)].fg, dossier::theme::Theme::default().kind(Kind::Percent).fg.unwrap());
    let off = app("l H");
    let buffer = draw(&off).unwrap();
    let (x, y) = find_in_reader(&off, &buffer, "37%").unwrap();
    assert_eq!(buffer[(x, y)].fg, ratatui::style::Color::Reset);
}

#[test]
fn braces_walk_the_facts_in_reading_order() {
    let mut app = app("l");
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.handle_key(parse_keys("}").unwrap()[0]);
        seen.push(app.current_fact.unwrap());
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    app.handle_key(parse_keys("{").unwrap()[0]);
    assert_eq!(app.current_fact, Some(seen[3]));
}

#[test]
fn enter_cycles_through_the_mentions() {
    // The Vietnamese article says "năm ngoái" three times.
    let mut app = app("Tab Tab");
    let last_year = app.records[0]
        .sidebar(&app.corpus.docs[0])
        .entries
        .iter()
        .position(|e| e.label == "last year")
        .unwrap();
    for _ in 0..last_year {
        app.handle_key(parse_keys("j").unwrap()[0]);
    }
    let mentions = app.selected_entry().unwrap().mentions.clone();
    assert!(mentions.len() >= 2);
    let mut visited = Vec::new();
    for _ in 0..mentions.len() {
        app.handle_key(parse_keys("Enter").unwrap()[0]);
        visited.push(app.current_fact.unwrap());
    }
    visited.sort_unstable();
    assert_eq!(visited, mentions);
}

#[test]
fn figures_open_the_article_at_the_mention() {
    let app = app("F Tab G Enter");
    assert!(app.facts_view.is_none());
    assert_eq!(app.selected, 3);
    assert_eq!(app.focus, Pane::Reader);
    let fact = &app.records[3].spots()[app.current_fact.unwrap()];
    assert_eq!(fact.kind, Kind::Money);
}

#[test]
fn corpus_facts_view() {
    insta::assert_snapshot!("facts_view", to_text(&draw(&app("F")).unwrap()));
}

#[test]
fn export_writes_markdown_and_json_to_the_data_directory() {
    let dir = std::env::temp_dir().join(format!("dossier-export-{}", std::process::id()));
    let mut app = app("");
    app.data_dir = Some(dir.clone());
    app.handle_key(parse_keys("x").unwrap()[0]);
    let md = std::fs::read_to_string(dir.join("exports/000_6dc0939844a5efd4.md")).unwrap();
    assert!(md.contains("CNY 16.8 bn"), "{md}");
    // Quotes whole, not cut to the sidebar's width.
    let quote = md.lines().find(|l| l.starts_with("- “Mặc dù mất đi")).expect(&md);
    assert!(quote.chars().count() > 100 && !quote.contains('…'), "{md}");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("exports/000_6dc0939844a5efd4.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["id"], "000_6dc0939844a5efd4");
    assert!(
        json["facts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["start"].is_u64() && f["kind"].is_string())
    );
    assert!(app.note.as_deref().unwrap().contains("exported to"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn copy_puts_the_fact_on_the_clipboard() {
    let app = app("Tab Tab y");
    assert_eq!(app.clipboard.as_deref(), Some("CNY 16.8 bn (16,8 tỷ nhân dân tệ)"));
}

#[test]
fn filtering_by_united_states_lists_articles_in_three_languages() {
    let mut app = app("Tab Tab");
    let us = app.records[0]
        .sidebar(&app.corpus.docs[0])
        .entries
        .iter()
        .position(|e| e.label == "United States")
        .expect("Mỹ is the United States");
    for _ in 0..us {
        app.handle_key(parse_keys("j").unwrap()[0]);
    }
    app.handle_key(parse_keys("e").unwrap()[0]);
    let langs: Vec<&str> = app.visible.iter().map(|&d| app.corpus.docs[d].lang.code()).collect();
    assert_eq!(langs, ["vi", "de", "nl"]);
    let s = to_text(&draw(&app).unwrap());
    assert!(s.contains("United States"), "the filter is shown in the list title:\n{s}");
    app.handle_key(parse_keys("Esc").unwrap()[0]);
    assert_eq!(app.visible.len(), 4);
}

#[test]
fn sidebar_of_each_bundled_article() {
    for doc in 0..4 {
        let app = app(&format!("{}Tab Tab", "n ".repeat(doc)));
        let r = app.layout.sidebar.unwrap();
        let buffer = draw(&app).unwrap();
        let text: String = (r.y..r.y + r.height)
            .map(|y| {
                (r.x..r.x + r.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
                    + "\n"
            })
            .collect();
        insta::assert_snapshot!(format!("sidebar_{doc}"), text);
    }
}
