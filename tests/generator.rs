//! The corpus generator of the benchmarks (`synth`): the same articles for
//! the same seed, in four languages, of the lengths it promises, and a
//! folder it writes loads back whole.

mod synth;

use dossier::corpus::Corpus;
use synth::{Files, LONG_BYTES, LONG_EVERY, corpus, corpus_seeded, write_folder};

#[test]
fn deterministic_and_in_four_languages() {
    let a = corpus(40);
    let b = corpus(8);
    assert_eq!(a[5].body, b[5].body);
    let langs: Vec<_> = a.iter().take(4).map(|d| d.lang.code()).collect();
    assert_eq!(langs, ["vi", "en", "de", "nl"]);
    let bytes: usize = a.iter().map(|d| d.body.len()).sum();
    assert!((1_000..12_000).contains(&(bytes / a.len())), "{}", bytes / a.len());
    assert_ne!(corpus_seeded(8, 1)[5].body, a[5].body, "another seed, another corpus");
    for d in &a {
        for s in &d.paragraphs {
            assert!(!s.get(&d.body).is_empty());
        }
    }
}

#[test]
fn a_mixed_folder_loads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let n = 40;
    write_folder(dir.path(), n, 7, Files::Mixed).unwrap();
    let corpus = Corpus::open(&[dir.path().to_path_buf()]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.docs.len(), n);
    let exts: std::collections::BTreeSet<String> =
        corpus.docs.iter().filter_map(|d| d.path.rsplit('.').next().map(str::to_string)).collect();
    assert_eq!(exts.into_iter().collect::<Vec<_>>(), ["html", "json", "md", "txt"]);
    let made = corpus_seeded(n, 7);
    for (doc, want) in corpus.docs.iter().zip(&made) {
        assert_eq!(doc.title, want.title, "{}", doc.path);
        // A saved page keeps its date line above the text, as Readability does.
        assert!(doc.body.ends_with(&*want.body), "{}", doc.path);
        assert!(doc.body.len() < want.body.len() + 20, "{}", doc.path);
    }
}

#[test]
fn one_article_in_five_hundred_is_fifty_pages_long() {
    let docs = corpus(LONG_EVERY);
    let long: Vec<usize> =
        docs.iter().filter(|d| d.body.len() >= LONG_BYTES).map(|d| d.id.0).collect();
    assert_eq!(long, [LONG_EVERY - 1]);
    assert!(docs.iter().take(LONG_EVERY - 1).all(|d| d.body.len() < 20_000));
}
