//! The entity page in the reader, drawn headless as `dossier render --keys`
//! draws it, on the bundled articles.

use dossier::corpus::Corpus;
use dossier::render::render;

fn screen(size: (u16, u16), keys: &str) -> String {
    render(Corpus::bundled(), size, keys, None).expect("renders")
}

#[test]
fn the_page_of_the_most_named_entity() {
    // `F` lists the entities most named first: `d` opens Alibaba's page.
    insta::assert_snapshot!("entity_page_120x40", screen((120, 40), "F d"));
    insta::assert_snapshot!("entity_page_80x24", screen((80, 24), "F d"));
}

#[test]
fn alibabas_page_has_four_articles_and_a_figures_table() {
    let s = screen((120, 60), "F d");
    assert!(s.contains("Alibaba (org) · 4 article(s)"), "{s}");
    for lang in ["vi", "en", "de", "nl"] {
        assert!(
            s.contains(&format!("  {lang}  money")) || s.contains(&format!("  {lang}  percent")),
            "{lang}: {s}"
        );
    }
}

#[test]
fn a_quote_in_the_sidebar_opens_its_speakers_page() {
    // The English article's last sidebar entry is Daniel Zhang's quote.
    let s = screen((120, 40), "j Tab Tab G d");
    assert!(s.contains("Daniel Zhang (person) · 2 article(s)"), "{s}");
    assert!(s.contains("former CEO"), "{s}");
    assert!(s.contains("“We would love nothing more"), "{s}");
    assert!(
        s.contains("  en  Alibaba Announces Exit") || s.contains("  en  Alibaba Announces"),
        "{s}"
    );
    assert!(s.contains("  de  Alibaba kehrt"), "{s}");
}

#[test]
fn enter_jumps_to_the_line_and_escape_goes_back() {
    // The first line of Alibaba's page is a name: Enter opens its article there.
    let jumped = screen((120, 40), "F d Enter");
    assert!(!jumped.contains("Alibaba (org) ·"), "{jumped}");
    assert!(jumped.contains("Facts"), "the reader with its sidebar: {jumped}");
    let back = screen((120, 40), "F d Esc");
    assert!(back.contains("Entities ("), "back in the facts view: {back}");
}
