//! Saved web pages → an [`Article`]: the main text as Mozilla Readability
//! finds it (through `dom_smoothie`, a faithful Rust port of Readability.js),
//! then split into paragraphs along the page's block elements, one per
//! `<p>`, heading, list item or `<br>`-separated line. Title, byline, date
//! and site name come from the page's metadata, as Readability reads them.

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};

use super::{Article, Body, collapse_whitespace, iso_date, non_empty};

/// Separators between a headline and the site's name in `<title>` or
/// `og:title` ("Storm hits coast | The Daily Planet").
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// Reads a decoded web page.
pub fn parse(html: &str) -> Article {
    let dom = Dom::from(html);
    let h1s: Vec<String> =
        dom.select("h1").nodes().iter().take(8).map(|n| collapse_whitespace(&n.text())).collect();
    let canonical = dom
        .select("link[rel=canonical]")
        .nodes()
        .first()
        .and_then(|n| n.attr("href"))
        .and_then(|h| non_empty(&h));
    let readable =
        Readability::with_document(dom, None, Some(Config::default())).and_then(|mut r| r.parse());
    let Ok(page) = readable else {
        // Readability found no article (a tiny or odd page): the whole body.
        let dom = Dom::from(html);
        let title = dom.select("title").nodes().first().and_then(|n| non_empty(&n.text()));
        let title = title.or_else(|| h1s.first().and_then(|h| non_empty(h)));
        let paragraphs = dom.body().map(|b| paragraphs(&b)).unwrap_or_default();
        return Article {
            title,
            body: Body::Paragraphs(paragraphs),
            url: canonical,
            date: None,
            byline: None,
            site: None,
        };
    };
    let site = page.site_name.as_deref().and_then(non_empty);
    let title = headline(&page.title, site.as_deref(), &h1s);
    let content = Dom::fragment(page.content);
    Article {
        title,
        body: Body::Paragraphs(paragraphs(&content.root())),
        url: canonical.or_else(|| page.url.as_deref().and_then(non_empty)),
        date: page.published_time.as_deref().and_then(iso_date),
        byline: page.byline.as_deref().and_then(non_empty),
        site,
    }
}

/// The paragraphs of an HTML fragment (a feed item's content, a JSON
/// field holding HTML).
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    paragraphs(&Dom::fragment(html).root())
}

/// Whether a string holds HTML markup rather than plain text.
pub fn looks_like_html(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    ["<p>", "<p ", "<br", "<div", "</a>", "<li>", "<h2", "<img", "</span>", "</em>", "</strong>"]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// The page's headline: Readability's title, without a trailing (or
/// leading) site name. The site part is recognised by the page's site name,
/// or by the other part being the page's `<h1>`.
fn headline(title: &str, site: Option<&str>, h1s: &[String]) -> Option<String> {
    let title = collapse_whitespace(title);
    if title.is_empty() {
        return h1s.iter().find_map(|h| non_empty(h));
    }
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for sep in TITLE_SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else { continue };
        let (head, tail) = (head.trim(), tail.trim());
        if site.is_some_and(|s| same(tail, s) || same(&s.replace(' ', ""), &tail.replace(' ', "")))
            || h1s.iter().any(|h| same(h, head))
        {
            return Some(head.to_string());
        }
        if let Some((first, rest)) = title.split_once(sep)
            && (site.is_some_and(|s| same(first, s)) || h1s.iter().any(|h| same(h, rest)))
        {
            return Some(rest.trim().to_string());
        }
    }
    Some(title)
}

/// Elements whose start and end break the text into paragraphs.
const BLOCKS: [&str; 38] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "html",
    "tbody",
];

/// Elements whose text is never article text.
const SKIPPED: [&str; 8] =
    ["script", "style", "noscript", "template", "svg", "head", "select", "textarea"];

/// Text gathered into paragraphs, whitespace collapsed as a browser would.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Paragraphs {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.space = false;
    }
}

fn paragraphs(root: &NodeRef) -> Vec<String> {
    let mut out = Paragraphs::default();
    walk(root, &mut out);
    out.flush();
    out.done
}

fn walk(node: &NodeRef, out: &mut Paragraphs) {
    if node.is_text() {
        out.text(&node.text());
        return;
    }
    if !node.is_element() {
        for child in node.children() {
            walk(&child, out);
        }
        return;
    }
    let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
    let name = name.as_str();
    if SKIPPED.contains(&name) {
        return;
    }
    match name {
        "br" | "hr" => out.flush(),
        "pre" => {
            // Preformatted text keeps its lines.
            out.flush();
            for line in node.text().lines().filter(|l| !l.trim().is_empty()) {
                out.text(line);
                out.flush();
            }
        }
        "td" | "th" => {
            out.space = true;
            node.children().iter().for_each(|c| walk(c, out));
            out.space = true;
        }
        _ => {
            let block = BLOCKS.contains(&name);
            if block {
                out.flush();
            }
            node.children().iter().for_each(|c| walk(c, out));
            if block {
                out.flush();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let p = fragment_paragraphs(
            "<p>One <b>bold</b>\n word.</p><ul><li>first</li><li>second</li></ul>\
             <p>line<br>break</p><div>a<div>b</div>c</div><table><tr><td>x</td><td>y</td></tr></table>",
        );
        assert_eq!(p, ["One bold word.", "first", "second", "line", "break", "a", "b", "c", "x y"]);
    }

    #[test]
    fn site_name_leaves_the_title() {
        let h1 = vec!["Storm hits coast".to_string()];
        assert_eq!(
            headline("Storm hits coast | The Planet", Some("The Planet"), &[]).as_deref(),
            Some("Storm hits coast")
        );
        assert_eq!(
            headline("Storm hits coast - Planet News", None, &h1).as_deref(),
            Some("Storm hits coast")
        );
        assert_eq!(
            headline("Planet: Storm - a coast", None, &[]).as_deref(),
            Some("Planet: Storm - a coast")
        );
    }
}
