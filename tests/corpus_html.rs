//! Saved web pages → the article as Readability sees it: realistic pages
//! (navigation, cookie banner, share buttons, related links, comments,
//! sidebar, newsletter box) written by the tests; the main text must come
//! out whole, one paragraph per line, and the furniture must not.

use std::path::Path;

mod common;

use dossier::corpus::{Corpus, Document};

/// An English page that declares gb2312 but is UTF-8.
const HERALD: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="gb2312">
<title>Harbour city votes to rebuild its flooded seafront | The Coastal Herald</title>
<meta property="og:title" content="Harbour city votes to rebuild its flooded seafront">
<meta property="og:site_name" content="The Coastal Herald">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<link rel="canonical" href="https://herald.example/news/seafront-rebuild">
<script>window.dataLayer = [];</script>
<style>.nav{color:red}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Privacy policy</a></div>
<header class="site-header"><a href="/" class="logo">The Coastal Herald</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article class="article">
<h1 class="headline">Harbour city votes to rebuild its flooded seafront</h1>
<div class="byline">By <a href="/authors/maria">Maria Lindqvist</a> · 5 March 2024</div>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="article-body">
<p>The city council of Portmarrow voted on Tuesday evening to spend 48 million euros rebuilding the seafront promenade that was destroyed by the storm surge in January, ending weeks of argument over whether the money should go to housing instead.</p>
<p>Mayor Helen Achterberg said the vote, carried by 23 to 14, was "the only responsible choice for a town that lives from its harbour". Opposition councillors had argued that the promenade could wait while 300 families remain in temporary accommodation.</p>
<figure><img src="seafront.jpg" alt="The damaged promenade"><figcaption>The promenade after the January storm surge.</figcaption></figure>
<p>Work on the new sea wall is due to begin in May and to take about two years. Engineers from the regional water board say the new wall will be 1.2 metres higher than the old one, designed for the sea levels expected in 2080.</p>
<h2>Housing first, say critics</h2>
<p>Critics were not convinced. "We are building a wall for tourists while our neighbours sleep in sports halls," said councillor Ruben Oyelaran, who leads the opposition group. He promised to bring a motion on emergency housing to the next meeting in April.</p>
<p>The council also agreed to ask the national government for a further 12 million euros from the disaster fund, which would be spent on repairing homes in the old harbour quarter.</p>
<ul><li>Sea wall: 31 million euros</li><li>Promenade and lighting: 11 million euros</li><li>Drainage: 6 million euros</li></ul>
<p>Residents will be able to see the plans at the town hall from next week.</p>
</div>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Storm surge floods harbour quarter</a></li><li><a href="/b">Who pays for the sea wall?</a></li><li><a href="/c">Families still in sports halls two months on</a></li></ul></div>
<div class="social-share"><span>Share this article</span><a href="#">Facebook</a><a href="#">Twitter</a></div>
</article>
<section id="comments" class="comments"><h3>Comments (12)</h3>
<div class="comment"><p>About time! The seafront is the heart of the town.</p></div>
<form class="comment-form"><label>Leave a comment</label><textarea></textarea><button>Post comment</button></form></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Ferry strike called off</a></li><li><a href="/y">New school opens in Eastbrook</a></li></ol>
<div class="ad advertisement">ADVERTISEMENT<a href="/ad">Buy a boat today</a></div></aside>
<footer class="site-footer"><p>© 2024 The Coastal Herald. All rights reserved.</p><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>
"##;

/// A German page, saved as Windows-1252 (and declaring so), headline in JSON-LD.
const RUNDSCHAU: &str = r##"<!DOCTYPE html>
<html lang="de"><head><meta charset="windows-1252">
<title>Neue Straßenbahn für München: Stadtrat gibt grünes Licht - Süddeutsche Rundschau</title>
<meta name="description" content="Der Stadtrat hat die neue Linie beschlossen.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Neue Straßenbahn für München: Stadtrat gibt grünes Licht","datePublished":"2024-06-12T14:05:00+02:00","author":{"@type":"Person","name":"Jonas Brückner"},"publisher":{"@type":"Organization","name":"Süddeutsche Rundschau"}}</script>
</head><body>
<div class="consent-layer" id="cmp"><p>Wir verwenden Cookies und ähnliche Technologien. Mit „Alle akzeptieren“ stimmen Sie der Nutzung zu.</p><button>Alle akzeptieren</button><button>Einstellungen</button></div>
<div class="topbar"><nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a> <a href="/muenchen">München</a> <a href="/sport">Sport</a></nav>
<form class="search"><input name="q" placeholder="Suche"></form></div>
<div class="breadcrumb"><a href="/">Startseite</a> › <a href="/muenchen">München</a> › Verkehr</div>
<div id="content"><div class="article-container">
<h1>Neue Straßenbahn für München: Stadtrat gibt grünes Licht</h1>
<p class="meta">12. Juni 2024, 14:05 Uhr · Von Jonas Brückner</p>
<div class="text">
<p><strong>Nach jahrelangem Streit hat der Münchner Stadtrat am Mittwoch den Bau der Straßenbahn durch den Englischen Garten beschlossen. Die Linie soll 2029 in Betrieb gehen.</strong></p>
<p>Mit 48 zu 31 Stimmen votierte das Gremium für die umstrittene Trasse, die den Norden der Stadt mit der Innenstadt verbinden soll. Die Kosten werden auf rund 180 Millionen Euro geschätzt, wovon der Bund etwa 60 Prozent übernehmen will.</p>
<p>Oberbürgermeisterin Katrin Sommer sprach von einem „historischen Tag für den Nahverkehr“. Die Anwohner im Englischen Garten hatten dagegen lange protestiert, weil sie Lärm und den Verlust alter Bäume fürchten.</p>
<div class="teaser-inline"><span>Lesen Sie auch</span><a href="/x">Wie teuer wird der Nahverkehr 2025?</a></div>
<p>Nach Angaben der Stadtwerke sollen während der Bauzeit 14 Bäume gefällt werden, für jeden Baum werden zwei neue gepflanzt. Die Bürgerinitiative „Grüner Garten“ kündigte an, gegen den Beschluss zu klagen.</p>
<h3>Wie geht es weiter?</h3>
<p>Im Herbst beginnt das Planfeststellungsverfahren. Erst danach kann mit dem Bau begonnen werden, der etwa drei Jahre dauern soll.</p>
</div>
<div class="newsletter-box"><h4>Newsletter</h4><p>Jeden Morgen die wichtigsten Nachrichten aus München in Ihrem Postfach.</p><input type="email"><button>Jetzt anmelden</button></div>
<div class="share"><a href="#">Teilen auf Facebook</a><a href="#">Twittern</a><a href="#">Per E-Mail senden</a></div>
<div class="more-articles"><h3>Mehr zum Thema</h3>
<div class="teaser"><a href="/1"><h4>U-Bahn-Ausbau verzögert sich erneut</h4><p>Die Stadtwerke rechnen mit zwei Jahren Verspätung.</p></a></div>
<div class="teaser"><a href="/2"><h4>Radwege: Stadt legt neues Konzept vor</h4><p>Bis 2030 sollen 100 Kilometer neue Radwege entstehen.</p></a></div></div>
</div>
<div id="comments"><h3>Kommentare</h3><div class="comment"><span class="user">Leser123</span><p>Endlich! Das hätte man schon vor zehn Jahren machen sollen.</p></div><form><textarea placeholder="Ihr Kommentar"></textarea><button>Absenden</button></form></div>
</div>
<footer><p>© Süddeutsche Rundschau 2024</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>
"##;

/// A Dutch blog post (WordPress): share box, related posts, post navigation,
/// comments and reply form, widgets; the title carries the site's name.
const DAGBLAD: &str = r##"<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Kabinet presenteert nieuwe woningplannen &#8211; Het Dagblad</title>
<meta property="og:site_name" content="Het Dagblad"><meta property="og:type" content="article"></head>
<body class="single single-post">
<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Het Dagblad</a></p><p class="site-description">Nieuws uit Nederland</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="/binnenland">Binnenland</a></li><li><a href="/buitenland">Buitenland</a></li><li><a href="/economie">Economie</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-1234" class="post-1234 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Kabinet presenteert nieuwe woningplannen</h1>
<div class="entry-meta"><span class="posted-on">Geplaatst op <time class="entry-date published" datetime="2024-09-17T10:00:00+02:00">17 september 2024</time></span><span class="byline"> door <span class="author vcard"><a class="url fn n" href="/author/pieter">Pieter de Vries</a></span></span></div></header>
<div class="entry-content">
<p>Het kabinet wil de komende vijf jaar 400.000 nieuwe woningen laten bouwen. Dat maakte minister Anouk Verhoeven van Volkshuisvesting dinsdag bekend tijdens een persconferentie in Den Haag.</p>
<p>Volgens de minister is de woningnood &#8220;het grootste maatschappelijke probleem van dit moment&#8221;. Vooral starters en jonge gezinnen kunnen moeilijk een betaalbare woning vinden.</p>
<p>Gemeenten krijgen extra geld om bouwprojecten te versnellen. In totaal trekt het kabinet 2,5 miljard euro uit voor het plan, waarvan een deel naar de aanleg van wegen en openbaar vervoer in nieuwe wijken gaat.</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Delen:</h3><div class="sd-content"><ul><li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-facebook" href="#">Facebook</a></li></ul></div></div></div>
<p>Oppositiepartijen reageerden kritisch. &#8220;Dit hebben we vaker gehoord,&#8221; zei een Kamerlid van de grootste oppositiepartij. &#8220;Eerst zien, dan geloven.&#8221;</p>
<p>De Tweede Kamer debatteert volgende week over de plannen.</p>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Gerelateerd</em></h3><div class="jp-relatedposts-items"><p><a href="/x">Huizenprijzen stijgen opnieuw</a></p><p><a href="/y">Starters kansloos op woningmarkt</a></p></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Geplaatst in <a href="/binnenland">Binnenland</a></span><span class="tags-links">Tags: <a href="/t/wonen">wonen</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/p">Vorig bericht: Treinstaking afgelast</a></div><div class="nav-next"><a href="/n">Volgend bericht: Nieuwe minister beëdigd</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">3 reacties op &#8220;Kabinet presenteert nieuwe woningplannen&#8221;</h2>
<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Jan</b> zegt:</footer><div class="comment-content"><p>Mooie plannen, maar waar moeten al die huizen komen?</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Geef een reactie</h3><form id="commentform" class="comment-form"><p class="comment-notes">Je e-mailadres wordt niet gepubliceerd.</p><p class="comment-form-comment"><label>Reactie</label><textarea></textarea></p><p class="form-submit"><input type="submit" value="Reactie plaatsen"></p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recente berichten</h2><ul><li><a href="/1">Treinstaking afgelast</a></li><li><a href="/2">Nieuwe minister beëdigd</a></li></ul></section>
<section class="widget widget_text"><div class="textwidget"><p>Abonneer je op onze nieuwsbrief en ontvang elke ochtend het laatste nieuws.</p></div></section></aside>
</div><footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 Het Dagblad &middot; Alle rechten voorbehouden</div></footer></div></body></html>
"##;

fn load_page(name: &str, bytes: &[u8]) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let corpus = Corpus::load(&[path]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.docs.len(), 1);
    corpus.docs.into_iter().next().unwrap()
}

/// Paragraphs of the page's article text, which must each be a paragraph.
fn assert_paragraphs(doc: &Document, want: &[&str]) {
    let got: Vec<&str> = (0..doc.paragraphs.len()).map(|i| doc.paragraph(i)).collect();
    for p in want {
        assert!(got.contains(p), "missing paragraph {p:?} in {got:#?}");
    }
}

fn assert_absent(doc: &Document, furniture: &[&str]) {
    for f in furniture {
        assert!(!doc.body.contains(f), "{f:?} is in the body:\n{}", doc.body);
    }
}

#[test]
fn english_news_page_keeps_the_article_and_drops_the_furniture() {
    let doc = load_page("herald.html", HERALD.as_bytes());
    assert_eq!(doc.title, "Harbour city votes to rebuild its flooded seafront");
    assert!(doc.has_headline);
    assert_eq!(doc.lang.code(), "en");
    assert_eq!(doc.site.as_deref(), Some("The Coastal Herald"));
    assert_eq!(doc.byline.as_deref(), Some("Maria Lindqvist"));
    assert_eq!(doc.date.as_deref(), Some("2024-03-05"));
    assert_eq!(doc.url.as_deref(), Some("https://herald.example/news/seafront-rebuild"));
    assert_paragraphs(
        &doc,
        &[
            "The city council of Portmarrow voted on Tuesday evening to spend 48 million euros rebuilding the seafront promenade that was destroyed by the storm surge in January, ending weeks of argument over whether the money should go to housing instead.",
            "Housing first, say critics",
            "Residents will be able to see the plans at the town hall from next week.",
            "Drainage: 6 million euros",
        ],
    );
    assert!(
        doc.body.contains("\"the only responsible choice for a town that lives from its harbour\"")
    );
    assert_absent(
        &doc,
        &[
            "cookies",
            "Accept all",
            "Sport",
            "Share on Facebook",
            "Share this article",
            "Related",
            "Storm surge floods harbour quarter",
            "About time!",
            "Leave a comment",
            "Most read",
            "Buy a boat",
            "All rights reserved",
            "window.dataLayer",
        ],
    );
    // The headline stands above the body, not in it.
    assert!(!doc.body.starts_with("Harbour city votes"));
}

#[test]
fn german_page_in_windows_1252_with_json_ld() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(RUNDSCHAU);
    let doc = load_page("rundschau.htm", &bytes);
    assert_eq!(doc.title, "Neue Straßenbahn für München: Stadtrat gibt grünes Licht");
    assert_eq!(doc.lang.code(), "de");
    assert_eq!(doc.byline.as_deref(), Some("Jonas Brückner"));
    assert_eq!(doc.date.as_deref(), Some("2024-06-12"));
    assert_eq!(doc.site.as_deref(), Some("Süddeutsche Rundschau"));
    assert_paragraphs(
        &doc,
        &[
            "Nach jahrelangem Streit hat der Münchner Stadtrat am Mittwoch den Bau der Straßenbahn durch den Englischen Garten beschlossen. Die Linie soll 2029 in Betrieb gehen.",
            "Oberbürgermeisterin Katrin Sommer sprach von einem „historischen Tag für den Nahverkehr“. Die Anwohner im Englischen Garten hatten dagegen lange protestiert, weil sie Lärm und den Verlust alter Bäume fürchten.",
            "Wie geht es weiter?",
            "Im Herbst beginnt das Planfeststellungsverfahren. Erst danach kann mit dem Bau begonnen werden, der etwa drei Jahre dauern soll.",
        ],
    );
    assert_absent(
        &doc,
        &[
            "Cookies",
            "Alle akzeptieren",
            "Startseite",
            "Lesen Sie auch",
            "Newsletter",
            "Teilen auf Facebook",
            "Mehr zum Thema",
            "U-Bahn-Ausbau",
            "Endlich!",
            "Impressum",
        ],
    );
}

#[test]
fn title_drops_the_site_name_suffix() {
    let page = "<html><head><title>Ferry strike called off | Island Post</title></head><body>\
        <div class=\"nav\"><a href=\"/\">Home</a></div><article><h1>Ferry strike called off</h1>\
        <p>The ferry workers' union called off Friday's strike after the operator agreed to a pay rise of 6 percent over two years, the union said on Thursday.</p>\
        <p>Services to all islands will run to the normal timetable, the operator confirmed in a statement.</p></article></body></html>";
    let doc = load_page("ferry.html", page.as_bytes());
    assert_eq!(doc.title, "Ferry strike called off");
    assert!(doc.body.starts_with("The ferry workers' union"));
}

#[test]
fn a_page_with_no_article_still_gives_its_text() {
    let doc = load_page(
        "tiny.html",
        b"<html><head><title>Note</title></head><body><p>Short.</p></body></html>",
    );
    assert_eq!(doc.title, "Note");
    assert_eq!(&*doc.body, "Short.");
}

#[test]
fn a_file_of_pages_is_read_in_order_with_one_paragraph_a_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), HERALD).unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(RUNDSCHAU);
    std::fs::write(dir.path().join("b.html"), &bytes).unwrap();
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.docs.len(), 2);
    for doc in &corpus.docs {
        for i in 0..doc.paragraphs.len() {
            assert!(!doc.paragraph(i).contains('\n'));
        }
    }
    assert!(Path::new(&corpus.docs[0].path).ends_with("a.html"));
}

#[test]
fn blog_post_without_its_widgets_and_comments() {
    let doc = load_page("dagblad.html", DAGBLAD.as_bytes());
    assert_eq!(doc.title, "Kabinet presenteert nieuwe woningplannen");
    assert_eq!(doc.lang.code(), "nl");
    assert_eq!(doc.site.as_deref(), Some("Het Dagblad"));
    assert_paragraphs(
        &doc,
        &[
            "Het kabinet wil de komende vijf jaar 400.000 nieuwe woningen laten bouwen. Dat maakte minister Anouk Verhoeven van Volkshuisvesting dinsdag bekend tijdens een persconferentie in Den Haag.",
            "Volgens de minister is de woningnood \u{201c}het grootste maatschappelijke probleem van dit moment\u{201d}. Vooral starters en jonge gezinnen kunnen moeilijk een betaalbare woning vinden.",
            "De Tweede Kamer debatteert volgende week over de plannen.",
        ],
    );
    assert_absent(
        &doc,
        &[
            "Binnenland",
            "Delen:",
            "Gerelateerd",
            "Huizenprijzen stijgen",
            "Vorig bericht",
            "reacties op",
            "waar moeten al die huizen komen",
            "Geef een reactie",
            "Recente berichten",
            "nieuwsbrief",
            "Alle rechten voorbehouden",
        ],
    );
}

/// Runs the binary on one page written into a fresh folder.
fn dossier_on_page(args: &[&str], name: &str, page: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), page).unwrap();
    let out = common::command().args(args).arg(name).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A page whose byline paragraph Readability keeps (the metadata names the
/// author), with an advertisement and sign-up lines inside the article.
const COAST: &str = r#"<!doctype html><html><head><title>Harbour reopens after storm | The Coast Times</title>
<meta property="og:site_name" content="The Coast Times">
<meta name="author" content="Jane Marlow">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://coast.example/harbour-reopens">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Harbour reopens after storm</h1>
<p class="byline">By Jane Marlow</p>
<p>The harbour reopened on Monday after a week of repairs, the port authority said. Ships queued outside the breakwater for most of the morning while pilots guided them in one by one.</p>
<div class="ad ad-inline"><p>Try our premium newsletter for just $1 a week</p></div>
<p>Fishermen said the damage was worse than in any storm they could remember. Repairs cost the town about $2 million, and the council expects to pay for them from its reserves.</p>
<p>Sign up for our daily briefing</p>
<p>Click here to subscribe</p>
<p>The port authority plans to raise the sea wall by a metre next year, a project it says will cost 14 million dollars in total.</p>
</article></body></html>
"#;

#[test]
fn the_byline_is_in_the_header_not_the_body() {
    let doc = load_page("coast.html", COAST.as_bytes());
    assert_eq!(doc.byline.as_deref(), Some("Jane Marlow"));
    assert_absent(&doc, &["By Jane Marlow"]);
    assert!(doc.paragraph(0).starts_with("The harbour reopened on Monday"), "{}", doc.body);
    let doc = load_page("herald.html", HERALD.as_bytes());
    assert_absent(&doc, &["By Maria Lindqvist", "Maria Lindqvist · 5 March"]);
}

#[test]
fn facts_json_and_text_carry_the_header() {
    let json = dossier_on_page(&["facts", "--json"], "herald.html", HERALD);
    let line: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(line["byline"], "Maria Lindqvist");
    assert_eq!(line["date"], "2024-03-05");
    assert_eq!(line["site"], "The Coastal Herald");
    assert_eq!(line["url"], "https://herald.example/news/seafront-rebuild");
    let text = dossier_on_page(&["text"], "herald.html", HERALD);
    assert!(
        text.starts_with(
            "Harbour city votes to rebuild its flooded seafront\n\nBy: Maria Lindqvist\n\
             Date: 2024-03-05\nSite: The Coastal Herald\n\
             URL: https://herald.example/news/seafront-rebuild\n\nThe city council"
        ),
        "{text}"
    );
}

#[test]
fn the_reading_pane_shows_the_header_above_the_text() {
    let screen =
        dossier_on_page(&["render", "--size", "110x30", "--keys", "l"], "herald.html", HERALD);
    let rows: Vec<&str> = screen.lines().collect();
    let at = |s: &str| {
        rows.iter().position(|r| r.contains(s)).unwrap_or_else(|| panic!("{s:?}:\n{screen}"))
    };
    assert!(rows[at("By    Maria Lindqvist")].contains("By    Maria Lindqvist"));
    let by = at("By    Maria Lindqvist");
    assert!(rows[by + 1].contains("Date  2024-03-05"), "{screen}");
    assert!(rows[by + 2].contains("Site  The Coastal Herald"), "{screen}");
    assert!(
        rows[by + 3].contains("URL   https://herald.example/news/seafront-rebuild"),
        "{screen}"
    );
    assert!(by < at("The city council of Portmarrow"), "{screen}");
}

#[test]
fn an_inline_advertisement_is_no_text_and_no_fact() {
    let doc = load_page("coast.html", COAST.as_bytes());
    assert_absent(&doc, &["Try our premium newsletter", "$1 a week"]);
    assert!(doc.furniture.iter().all(|f| !f.line.contains("premium")), "{:?}", doc.furniture);
    let json = dossier_on_page(&["facts", "--json"], "coast.html", COAST);
    assert!(!json.contains("\"$1\""), "{json}");
    assert!(json.contains("\"$2 million\""), "{json}");
}

#[test]
fn sign_up_prompts_and_see_also_links_are_furniture() {
    let doc = load_page("coast.html", COAST.as_bytes());
    let hidden: Vec<&str> = doc.furniture.iter().map(|f| f.line.as_str()).collect();
    assert_eq!(hidden, ["Sign up for our daily briefing", "Click here to subscribe"]);
    assert_absent(&doc, &["Sign up for", "Click here"]);
    let page = |lang: &str, extra: &str| {
        format!(
            "<html lang=\"{lang}\"><head><title>T</title></head><body><article><h1>T</h1>\
             <p>{}</p><p>{extra}</p><p>{}</p></article></body></html>",
            "Eerste alinea van het artikel, lang genoeg om tekst te zijn. ".repeat(4),
            "Tweede alinea van het artikel, ook lang genoeg om tekst te zijn. ".repeat(4),
        )
    };
    for (lang, extra) in [
        ("nl", "Zie ook: Gemeente stemt over nieuwe zeedijk"),
        ("de", "Siehe auch: Hafen wieder offen"),
        ("de", "Jetzt abonnieren und keinen Artikel verpassen"),
        ("fr", "Abonnez-vous à notre lettre d'information"),
    ] {
        let doc = load_page("p.html", page(lang, extra).as_bytes());
        assert_absent(&doc, &[extra]);
        assert!(doc.furniture.iter().any(|f| f.line == extra), "{extra}: {:?}", doc.furniture);
    }
}
