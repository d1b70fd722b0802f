//! RSS and Atom feed files → an [`Article`] per item (feed-rs). The HTML an
//! item carries is reduced to paragraphs; the feed's own title is the site.

use std::sync::LazyLock;

use feed_rs::model::{Entry, Text};
use regex::Regex;

use super::{Article, Body, FormatError, Parsed, html, non_empty};

/// The text is decoded already (charset checked), so the XML prolog must
/// not make the parser decode it a second time.
static ENCODING_DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']"#).expect("valid regex")
});

/// feed-rs takes an `<rss>` without a `version` for no feed at all; RSS
/// files written by hand or by small tools often leave it out.
static RSS_WITHOUT_VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<rss(\s[^>]*)?>").expect("valid regex"));

/// Reads a decoded feed file.
pub fn parse(text: &str) -> Parsed {
    let xml = ENCODING_DECLARATION.replace(text, "$1");
    let xml = match RSS_WITHOUT_VERSION.captures(&xml) {
        Some(c) if !c.get(1).is_some_and(|a| a.as_str().contains("version")) => {
            std::borrow::Cow::Owned(
                RSS_WITHOUT_VERSION.replace(&xml, "<rss version=\"2.0\"$1>").into_owned(),
            )
        }
        _ => xml,
    };
    let feed = match feed_rs::parser::parse(xml.as_bytes()) {
        Ok(f) => f,
        Err(e) => return Parsed::failed(FormatError::Feed(e.to_string())),
    };
    let site = feed.title.as_ref().and_then(plain);
    let mut parsed = Parsed::default();
    for (i, entry) in feed.entries.iter().enumerate() {
        let article = item(entry, site.clone());
        if article.title.is_none() && article.body == Body::Paragraphs(Vec::new()) {
            parsed.errors.push(FormatError::NoText(i + 1));
        } else {
            parsed.articles.push((Some(i + 1), article));
        }
    }
    parsed
}

fn item(entry: &Entry, site: Option<String>) -> Article {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first());
    let authors: Vec<&str> = entry.authors.iter().filter_map(|p| p.name.as_deref()).collect();
    Article {
        title: entry.title.as_ref().and_then(plain),
        body: Body::Paragraphs(html::fragment_paragraphs(&body)),
        url: link.and_then(|l| non_empty(&l.href)),
        date: entry.published.or(entry.updated).map(|d| d.format("%Y-%m-%d").to_string()),
        byline: non_empty(&authors.join(", ")),
        site,
    }
}

/// A feed text as plain words: HTML titles lose their tags.
fn plain(t: &Text) -> Option<String> {
    if t.content_type.to_string().contains("html") || html::looks_like_html(&t.content) {
        non_empty(&html::fragment_paragraphs(&t.content).join(" "))
    } else {
        non_empty(&t.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles() {
        let p = parse(
            r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Planet News</title>
<item><title>First</title><link>http://p/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;One &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description></item>
<item><title>Second</title><description>Plain words.</description></item>
</channel></rss>"#,
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let (n, a) = &p.articles[0];
        assert_eq!(*n, Some(1));
        assert_eq!(a.title.as_deref(), Some("First"));
        assert_eq!(a.body, Body::Paragraphs(vec!["One bold.".into(), "Two.".into()]));
        assert_eq!(a.date.as_deref(), Some("2024-03-05"));
        assert_eq!(a.site.as_deref(), Some("Planet News"));
        assert_eq!(a.url.as_deref(), Some("http://p/1"));
        assert_eq!(p.articles[1].1.body, Body::Paragraphs(vec!["Plain words.".into()]));
    }

    #[test]
    fn atom_entries_become_articles() {
        let p = parse(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title>
<entry><title>Hello</title><author><name>Ann</name></author><updated>2024-01-02T00:00:00Z</updated>
<content type="html">&lt;p&gt;Body here.&lt;/p&gt;</content></entry></feed>"#,
        );
        let a = &p.articles[0].1;
        assert_eq!(a.title.as_deref(), Some("Hello"));
        assert_eq!(a.byline.as_deref(), Some("Ann"));
        assert_eq!(a.date.as_deref(), Some("2024-01-02"));
        assert_eq!(a.body, Body::Paragraphs(vec!["Body here.".into()]));
    }

    #[test]
    fn rss_without_a_version_is_read() {
        let p = parse(
            "<rss><channel><item><title>x</title><description>y</description></item></channel></rss>",
        );
        assert_eq!(p.articles.len(), 1, "{:?}", p.errors);
    }

    #[test]
    fn not_a_feed_is_an_error() {
        assert!(matches!(&parse("<html></html>").errors[..], [FormatError::Feed(_)]));
    }
}
