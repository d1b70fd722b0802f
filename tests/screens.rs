//! Snapshot tests of whole screens, drawn headless exactly as
//! `dossier render` draws them, at three sizes and each focus.

use dossier::corpus::Corpus;
use dossier::keys::parse_keys;
use dossier::render::{app_for, draw, render, to_text};

fn screen(size: (u16, u16), keys: &str) -> String {
    render(Corpus::bundled(), size, keys, None).expect("renders")
}

/// Keys that put the focus on each pane from the start.
fn focus_keys(width: u16) -> [(&'static str, &'static str); 3] {
    let sidebar = if width >= 120 { "Tab Tab" } else { "f Tab Tab" };
    [("list", ""), ("reader", "l"), ("sidebar", sidebar)]
}

#[test]
fn screens_at_each_size_and_focus() {
    for (w, h) in [(120, 40), (80, 24), (40, 15)] {
        for (focus, keys) in focus_keys(w) {
            insta::assert_snapshot!(format!("{w}x{h}_{focus}"), screen((w, h), keys));
        }
    }
}

#[test]
fn scripted_session() {
    // Open the German article, scroll, show the furniture, open help.
    insta::assert_snapshot!("session_de_furniture", screen((120, 40), "j j l C-d B"));
    insta::assert_snapshot!("session_help", screen((120, 40), "?"));
}

#[test]
fn furniture_is_hidden_until_toggled() {
    let hidden = screen((120, 40), "j j l C-d C-d");
    let shown = screen((120, 40), "j j l B C-d C-d");
    assert!(!hidden.contains("Lesen Sie auch"), "{hidden}");
    assert!(shown.contains("Lesen Sie auch"), "{shown}");
}

#[test]
fn repeated_headline_shows_once() {
    // Narrow: the reader alone, its frame titled with the headline.
    let s = screen((100, 30), "j l f");
    let body: String = s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body.matches("Alibaba Announces Exit from Cloud").count(), 1, "{s}");
    assert!(body.contains("Alibaba, the Chinese ecommerce giant"));
}

#[test]
fn every_size_draws_without_panic() {
    for keys in ["", "l G", "f Tab Tab j", "?", "P", "B l j"] {
        let mut app = app_for(Corpus::bundled(), (120, 40));
        for key in parse_keys(keys).unwrap() {
            app.handle_key(key);
        }
        for w in (1..=130).step_by(7).chain([1, 2, 19, 20, 79, 80, 119, 120, 300]) {
            for h in [1, 2, 4, 5, 10, 24, 100] {
                app.resize(w, h);
                let s = to_text(&draw(&app).unwrap());
                assert_eq!(s.lines().count(), usize::from(h));
            }
        }
    }
}

#[test]
fn tiny_terminals_say_so() {
    assert_eq!(screen((30, 4), "").lines().next(), Some("terminal too small"));
    assert_eq!(screen((1, 1), ""), "…\n");
}

#[test]
fn narrow_shows_one_pane_at_a_time() {
    let list = screen((60, 20), "");
    assert!(list.contains("Articles 1/4"));
    assert!(!list.contains("Facts"));
    let reader = screen((60, 20), "l");
    assert!(!reader.contains("Articles 1/4"));
}

#[test]
fn control_characters_are_shown_not_sent() {
    let dir = tempdir();
    let path = dir.join("escapes.txt");
    std::fs::write(
        &path,
        "Escape test\n\nRed \x1b[31mtext\x1b[0m and a bell \x07 and \u{202e}reversed\u{202c}.\n",
    )
    .unwrap();
    let s = render(Corpus::load(&[path]), (120, 30), "", None).unwrap();
    assert!(!s.contains('\x1b') && !s.contains('\x07') && !s.contains('\u{202e}'));
    assert!(s.contains("Red ␛[31mtext␛[0m and a bell ␇"), "{s}");
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-screens-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_bad_file_is_reported_and_the_others_load() {
    let dir = tempdir().join("mixed");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a_good.txt"), "A good article\n\nIt has text.\n").unwrap();
    // Legacy encodings now load, so the bad file is a binary one.
    std::fs::write(dir.join("b_bad.txt"), b"\0\0\0\x01\x02 not text \0\0\0\0").unwrap();
    let corpus = Corpus::load(std::slice::from_ref(&dir));
    assert_eq!(corpus.docs.len(), 1);
    assert_eq!(corpus.problems.len(), 1);
    let s = render(corpus.clone(), (120, 30), "", None).unwrap();
    assert!(s.contains("1 file(s) could not be loaded — P shows them"), "{s}");
    let s = render(corpus, (120, 30), "P", None).unwrap();
    assert!(s.contains("b_bad.txt: looks binary"), "{s}");
}

#[test]
fn help_wraps_descriptions_at_80_and_120_columns() {
    for (w, h) in [(80, 24), (120, 40)] {
        // Half a page at a time to the bottom: every row is seen once.
        let mut seen = String::new();
        for pages in 0..16 {
            let keys = format!("? {}", "C-d ".repeat(pages));
            let s = screen((w, h), &keys);
            seen.push_str(&s);
            assert!(s.lines().next().is_some_and(|l| l.contains("Help — ")), "{s}");
            // Inside the overlay's double border (the panes show around it).
            for row in s.lines().skip(1) {
                let inside = row.split('║').nth(1).unwrap_or("");
                assert!(!inside.contains('…'), "a description cut at {w} columns:\n{s}");
            }
        }
        // The longest descriptions are on screen whole, over two rows.
        for piece in ["close the overlay or view", "back to the list", "Organisations"] {
            assert!(seen.contains(piece), "{piece:?} at {w} columns");
        }
    }
}
