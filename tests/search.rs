//! Corpus search through the index: every word required, phrases, prefixes,
//! accent-blind both ways, ranking and limit, spans that slice the text.

use dossier::corpus::{Corpus, Document};
use dossier::index::{Query, SearchIndex, find_in_text};
use dossier::text::DocId;

fn doc(i: usize, title: &str, body: &str) -> Document {
    let mut d = Document::from_text(DocId(i), format!("d{i}"), format!("d{i}.txt"), body);
    d.title = title.to_string();
    d
}

fn corpus() -> Vec<Document> {
    vec![
        doc(0, "Việt Nam và Trung Quốc", "Hà Nội và Bắc Kinh ký thỏa thuận. Trung Quốc đồng ý."),
        doc(1, "München im Winter", "Die Straße in Munchen ist voll. München! MÜNCHEN."),
        doc(2, "De coöperatie", "Zo'n coöperatie in Nederland. Trung en Quốc zijn woorden."),
        doc(3, "Alibaba Cloud", "ZHANG Yong said Alibaba Cloud will close. Quoc is a name."),
    ]
}

fn ids(docs: &[Document], index: &SearchIndex, q: &str) -> Vec<usize> {
    index.search(docs, &Query::parse(q), 10).docs.iter().map(|h| h.doc.0).collect()
}

#[test]
fn words_prefixes_and_accents() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    let table: &[(&str, &[usize])] = &[
        ("viet", &[0]),
        ("trung quoc", &[0, 2]),
        (r#""trung quoc""#, &[0]),
        (r#""trung quo"#, &[0]),
        ("quốc", &[0, 2, 3]),
        ("munchen", &[1]),
        ("strasse", &[1]),
        ("straße munch", &[1]),
        ("cooperatie", &[2]),
        ("zo'n", &[2]),
        ("zhang", &[3]),
        ("Zhang alibaba", &[3]),
        ("zhang viet", &[]),
        ("unch", &[]),
        ("uoc", &[]),
        ("", &[]),
    ];
    for (q, want) in table {
        assert_eq!(ids(&docs, &index, q), *want, "query {q:?}");
    }
}

#[test]
fn best_first_with_spans_and_limit() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    let res = index.search(&docs, &Query::parse("munchen"), 10);
    assert_eq!(res.total, 1);
    let hit = &res.docs[0];
    assert_eq!(hit.count, 4);
    assert_eq!(hit.title.len() + hit.body.len(), 4);
    let texts: Vec<&str> = hit.body.iter().map(|s| s.get(&docs[1].body)).collect();
    assert_eq!(texts, ["Munchen", "München", "MÜNCHEN"]);

    let res = index.search(&docs, &Query::parse("quoc"), 2);
    assert_eq!(res.total, 3);
    assert_eq!(res.docs.iter().map(|h| (h.doc.0, h.count)).collect::<Vec<_>>(), [(0, 2), (2, 1)]);
}

#[test]
fn counts_agree_with_in_text_search_on_the_bundled_articles() {
    let docs = Corpus::bundled().docs;
    let index = SearchIndex::build(&docs);
    for q in ["trung quoc", "\"trung quoc\"", "alibaba", "cloud", "der", "de", "16", "a", "n"] {
        let query = Query::parse(q);
        for hit in index.search(&docs, &query, 100).docs {
            let d = &docs[hit.doc.0];
            assert_eq!(hit.count, hit.title.len() + hit.body.len(), "{q:?} in {}", d.key);
            for span in &hit.body {
                assert!(d.body.get(span.range()).is_some());
            }
        }
    }
    let vi = &docs[0];
    let spans = find_in_text("trung quoc", &vi.body);
    assert!(!spans.is_empty());
    assert!(spans.iter().all(|s| s.get(&vi.body).to_lowercase() == "trung quốc"));
}
