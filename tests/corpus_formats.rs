//! Real corpora: every format and encoding loads, every bad file is named
//! and the rest still load. Fixtures are written by the tests into a fresh
//! temporary folder.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use dossier::corpus::{Corpus, Document, collect_sources, stream};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn load(dir: &Path) -> Corpus {
    Corpus::load(&[dir.to_path_buf()])
}

fn doc<'a>(corpus: &'a Corpus, key: &str) -> &'a Document {
    corpus.docs.iter().find(|d| d.key == key).unwrap_or_else(|| {
        let keys: Vec<_> = corpus.docs.iter().map(|d| &d.key).collect();
        panic!("no {key} in {keys:?}; problems {:?}", corpus.problems)
    })
}

const GERMAN: &str = "Bürgermeister kündigt neue Straßenbahn an\n\nDie Stadt München plant eine \
    neue Straßenbahnlinie. Die Bürger äußerten sich überwiegend zufrieden über die Pläne.";

#[test]
fn latin1_german_text_comes_out_right() {
    let dir = tempfile::tempdir().unwrap();
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(GERMAN);
    write(dir.path(), "alt.txt", &latin1);
    let corpus = load(dir.path());
    let d = doc(&corpus, "alt");
    assert_eq!(d.title, "Bürgermeister kündigt neue Straßenbahn an");
    assert!(d.body.contains("äußerten sich überwiegend"), "{}", d.body);
    assert_eq!(d.lang.code(), "de");
}

#[test]
fn utf16_bom_crlf_and_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Vie\u{0302}\u{0323}t Nam\r\n\r\nGiá vàng hôm nay tăng mạnh trên thị trường.\r\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "vi16.txt", utf16);
    let mut bom8 = b"\xef\xbb\xbf".to_vec();
    bom8.extend(b"Headline With BOM\r\rFirst line of the body.\r");
    write(dir.path(), "bom.txt", bom8);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let vi = doc(&corpus, "vi16");
    assert_eq!(vi.title, "Việt Nam");
    assert!(!vi.body.contains('\r'));
    let bom = doc(&corpus, "bom");
    assert_eq!(bom.title, "Headline With BOM");
    assert_eq!(&*bom.body, "First line of the body.");
}

#[test]
fn mislabelled_charset_is_verified() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
        <title>Thị trường vàng sôi động</title></head><body><article>\
        <p>Giá vàng trong nước hôm nay tăng mạnh, vượt mốc 80 triệu đồng mỗi lượng.</p>\
        </article></body></html>";
    write(dir.path(), "vn.html", page);
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(
        "<html><head><meta charset=\"windows-1252\"><title>Café crème</title></head>\
         <body><p>Le café crème coûte désormais 4,50 € à Paris, à cause de la hausse.</p></body></html>",
    );
    write(dir.path(), "fr.htm", &latin);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let vn = doc(&corpus, "vn");
    assert_eq!(vn.title, "Thị trường vàng sôi động");
    assert!(vn.body.contains("vượt mốc 80 triệu đồng"), "{}", vn.body);
    assert!(doc(&corpus, "fr").body.contains("coûte désormais 4,50 €"));
}

#[test]
fn markdown_json_jsonl_and_feeds_load_with_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "notes/post.md",
        "# Rates *rise* again\n\nThe central bank raised its [key rate](https://x.org) to 4%.\n\n- one\n- two\n",
    );
    write(
        dir.path(),
        "dump.json",
        r#"[{"title":"First record","body":"Alpha beta gamma.","url":"https://a.example/1",
             "published":"2024-02-01T12:00:00Z","author":"Ann Lee","lang":"fr"},
            {"headline":"Second record","text":"Delta epsilon.\n\nZeta eta."}]"#,
    );
    write(
        dir.path(),
        "lines.jsonl",
        "{\"title\":\"L1\",\"content\":\"<p>One</p><p>Two</p>\"}\n{\"title\":\"L2\",\"body\":\"Three.\"}\n",
    );
    write(
        dir.path(),
        "feed.xml",
        r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Item one</title><link>https://w/1</link><description>First item text.</description></item>
<item><title>Item two</title><description>&lt;p&gt;Second &lt;em&gt;item&lt;/em&gt; text.&lt;/p&gt;</description></item>
</channel></rss>"#,
    );
    write(
        dir.path(),
        "news.atom",
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title><entry><title>Atom one</title>
<published>2023-11-30T08:00:00Z</published><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>"#,
    );
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let keys: Vec<&str> = corpus.docs.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(
        keys,
        ["dump#1", "dump#2", "feed#1", "feed#2", "lines#1", "lines#2", "news#1", "notes/post"]
    );
    for (i, d) in corpus.docs.iter().enumerate() {
        assert_eq!(d.id.0, i);
    }
    let md = doc(&corpus, "notes/post");
    assert_eq!(md.title, "Rates rise again");
    // A list stays a list: its items on lines of one paragraph.
    assert_eq!(&*md.body, "The central bank raised its key rate to 4%.\n\n• one\n• two");
    let first = doc(&corpus, "dump#1");
    assert_eq!(first.url.as_deref(), Some("https://a.example/1"));
    assert_eq!(first.date.as_deref(), Some("2024-02-01"));
    assert_eq!(first.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(doc(&corpus, "dump#2").paragraphs.len(), 2);
    assert_eq!(&*doc(&corpus, "lines#1").body, "One\n\nTwo");
    assert_eq!(&*doc(&corpus, "feed#2").body, "Second item text.");
    assert_eq!(doc(&corpus, "feed#1").site.as_deref(), Some("Wire"));
    let atom = doc(&corpus, "news#1");
    assert_eq!((atom.title.as_str(), atom.date.as_deref()), ("Atom one", Some("2023-11-30")));
    assert!(corpus.docs.iter().all(|d| d.has_headline));
}

#[test]
fn unknown_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README", "Plain Words Here\n\nA text file without an extension.");
    write(
        dir.path(),
        "saved.page",
        "<!doctype html><title>Sniffed page</title><p>Body of a page saved without its extension, long enough.</p>",
    );
    write(
        dir.path(),
        "photo.jpg",
        b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xdb\0C\0",
    );
    let corpus = load(dir.path());
    assert_eq!(doc(&corpus, "README").title, "Plain Words Here");
    assert_eq!(doc(&corpus, "saved").title, "Sniffed page");
    assert_eq!(corpus.problems.len(), 1, "{:?}", corpus.problems);
    assert!(corpus.problems[0].path.ends_with("photo.jpg"));
    assert!(corpus.problems[0].message.contains("skipped"), "{}", corpus.problems[0]);
}

#[test]
fn every_bad_file_is_named_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", "Good Headline\n\nGood text stays readable.");
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.md", "  \n\n ");
    write(dir.path(), "binary.txt", [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 0, 0, 7, 0, 0, 0, 0, 0]);
    write(dir.path(), "broken.json", "{\n  \"title\": \"x\",\n  \"body\": oops\n}");
    write(dir.path(), "mixed.jsonl", "{\"title\":\"Fine\",\"body\":\"Fine body.\"}\nnot json\n");
    write(dir.path(), "nofeed.rss", "<rss><channel><item>");
    write(dir.path(), ".hidden.txt", "never read");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
        .unwrap();
    let corpus = load(dir.path());
    let keys: Vec<&str> = corpus.docs.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["good", "mixed#1"]);
    let named = |file: &str| {
        corpus
            .problems
            .iter()
            .find(|p| p.path.ends_with(file))
            .unwrap_or_else(|| panic!("{file} not named in {:?}", corpus.problems))
            .message
            .clone()
    };
    assert_eq!(named("empty.txt"), "empty file");
    assert_eq!(named("blank.md"), "empty file");
    assert!(named("binary.txt").contains("binary"));
    assert!(named("broken.json").contains("line 3"), "{}", named("broken.json"));
    assert!(named("mixed.jsonl").contains("line 2"), "{}", named("mixed.jsonl"));
    assert!(named("nofeed.rss").contains("feed"));
    #[cfg(unix)]
    assert!(named("dangling.txt").contains("cannot open"));
    assert!(corpus.problems.iter().all(|p| !p.path.contains(".hidden")));
}

#[test]
fn a_saved_page_folder_is_left_out_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Storm.html", "<title>Storm</title><p>The storm hit the coast at night.</p>");
    write(dir.path(), "Storm_files/ad.html", "<p>Buy a boat today, best prices in town.</p>");
    write(dir.path(), "Storm_files/app.js", "var x = 1;");
    write(dir.path(), "style.css", "body { color: red }");
    let corpus = load(dir.path());
    assert_eq!(corpus.docs.len(), 1);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let notes: Vec<String> = corpus.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("Storm_files: skipped"), "{notes:?}");
    assert!(notes[1].contains("style.css: skipped"), "{notes:?}");
}

#[test]
fn a_file_that_vanishes_while_loading_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Stays Here\n\nText of a.");
    let gone = write(dir.path(), "b.txt", "Goes Away\n\nText of b.");
    let listing = collect_sources(&[dir.path().to_path_buf()]);
    assert_eq!(listing.sources.len(), 2);
    std::fs::remove_file(gone).unwrap();
    let mut corpus = Corpus::default();
    stream(listing, |batch| {
        corpus.add(batch);
        ControlFlow::Continue(())
    });
    assert_eq!(corpus.docs.len(), 1);
    assert!(corpus.problems[0].path.ends_with("b.txt"));
    assert!(corpus.problems[0].message.starts_with("cannot read"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_problem() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", "Secret\n\nNot for you.");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        return; // Running as root: every file is readable.
    }
    let corpus = load(dir.path());
    assert!(corpus.docs.is_empty());
    assert!(corpus.problems[0].message.contains("cannot read"));
}

#[test]
fn identical_articles_load_once_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Same Story\n\nThe very same text, twice.");
    write(dir.path(), "b.txt", "Same Story\n\nThe  very same text,\ntwice.");
    write(
        dir.path(),
        "c.jsonl",
        "{\"title\":\"Same Story\",\"body\":\"The very same text, twice.\"}\n\
         {\"title\":\"Another Story\",\"body\":\"The very same text, twice.\"}\n",
    );
    let corpus = load(dir.path());
    assert_eq!(corpus.docs.len(), 2, "the same text under another title is another article");
    assert!(corpus.problems.is_empty());
    assert_eq!(corpus.notes.len(), 2, "{:?}", corpus.notes);
    assert!(corpus.notes[1].path.ends_with("c.jsonl#1"));
    assert!(corpus.notes[1].message.contains("a.txt"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/a.txt", "Only Once\n\nThe one article.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.docs.len(), 1);
    assert!(corpus.notes.is_empty() && corpus.problems.is_empty());
}

#[test]
fn loading_never_changes_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "x.html", "<title>T</title><p>Some words to read here.</p>");
    let before = std::fs::metadata(&path).unwrap();
    let _ = load(dir.path());
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    assert_eq!(before.permissions(), after.permissions());
    assert_eq!(std::fs::read(&path).unwrap(), b"<title>T</title><p>Some words to read here.</p>");
}
