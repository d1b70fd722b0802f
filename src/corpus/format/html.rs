//! Saved web pages → an [`Article`]: the main text as Mozilla Readability
//! finds it (through `dom_smoothie`, a faithful Rust port of Readability.js),
//! then split into paragraphs along the page's block elements, one per
//! `<p>`, heading, list item or `<br>`-separated line. Title, byline, date
//! and site name come from the page's metadata, as Readability reads them.

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};

use super::{Article, Body, FormatError, collapse_whitespace, iso_date, non_empty};

/// Separators between a headline and the site's name in `<title>` or
/// `og:title` ("Storm hits coast | The Daily Planet").
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

mod ads;
mod scan;

/// Deeper than any real page nests its elements. Readability walks the tree
/// recursively and scores ancestors, so a page nested deeper would overflow
/// the stack or take minutes; it gets the plain reading instead.
const MAX_DEPTH: usize = 500;

/// Reads a decoded web page. A page the parser cannot be given in good
/// time (see [`scan`]) is read as plain text, and the error says so.
pub fn parse(html: &str) -> (Article, Option<FormatError>) {
    if let Err(why) = scan::check(html) {
        let (title, paragraphs) = scan::plain_text(html, is_block);
        let article =
            Article { title, body: Body::Paragraphs(paragraphs), ..Article::raw(String::new()) };
        return (article, Some(FormatError::TooComplex(why.to_string())));
    }
    let dom = Dom::from(html);
    // Reopened formatting elements can still make the tree many times the
    // page's tags, and Readability's time goes with the tree.
    let elements = dom.tree.len();
    if elements > html.len() / 2 + 1000 || depth(&dom.root()) > MAX_DEPTH {
        let why = format!("{elements} elements from {} bytes of markup", html.len());
        return (whole_page(&dom, None), Some(FormatError::TooComplex(why)));
    }
    let h1s: Vec<String> =
        dom.select("h1").nodes().iter().take(8).map(|n| collapse_whitespace(&n.text())).collect();
    ads::remove(&dom);
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
        ads::remove(&dom);
        return (whole_page(&dom, canonical), None);
    };
    let site = page.site_name.as_deref().and_then(non_empty);
    let title = headline(&page.title, site.as_deref(), &h1s);
    let content = Dom::fragment(page.content);
    let byline = page.byline.as_deref().and_then(non_empty);
    let mut body = paragraphs(&content.root());
    super::drop_byline(&mut body, byline.as_deref());
    let article = Article {
        title,
        body: Body::Paragraphs(body),
        url: canonical.or_else(|| page.url.as_deref().and_then(non_empty)),
        date: page.published_time.as_deref().and_then(iso_date),
        byline,
        site,
    };
    (article, None)
}

/// Every paragraph of the page's body, and the `<title>` (or first `<h1>`).
fn whole_page(dom: &Dom, url: Option<String>) -> Article {
    let first = |sel: &str| dom.select(sel).nodes().first().and_then(|n| non_empty(&n.text()));
    let h1s: Vec<String> = first("h1").into_iter().collect();
    let title = first("title").and_then(|t| headline(&t, None, &h1s)).or_else(|| first("h1"));
    let paragraphs = dom.body().map(|b| paragraphs(&b)).unwrap_or_default();
    Article { title, body: Body::Paragraphs(paragraphs), url, date: None, byline: None, site: None }
}

/// The paragraphs of an HTML fragment (a feed item's content, a JSON
/// field holding HTML). One the parser cannot be given in good time is
/// read without a tree, which for a fragment gives the same paragraphs.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    if scan::check(html).is_err() {
        return scan::plain_text(html, is_block).1;
    }
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
    if let Some(site) = site {
        let squeezed = |s: &str| s.replace(' ', "").to_lowercase();
        let is_site = |part: &str| squeezed(part) == squeezed(site);
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && is_site(tail)
            {
                return Some(head.trim().to_string());
            }
            if let Some((first, rest)) = title.split_once(sep)
                && is_site(first)
            {
                return Some(rest.trim().to_string());
            }
        }
    }
    Some(h1_inside(&title, h1s).unwrap_or(title))
}

/// Characters that part a headline from a site name, with or without
/// spaces around them (`标题_新浪网`, `Titel|Seite`). Not `:`, which also
/// parts a headline's own halves ("Brexit: the deal explained").
const SEPARATOR_CHARS: [char; 7] = ['|', '-', '–', '—', '_', '·', '»'];

/// An `<h1>` that the title holds whole, parted by a separator from a
/// shorter rest: the rest is the site's name. (A short `<h1>` may be a
/// section's name, so it must be the longer part.)
fn h1_inside(title: &str, h1s: &[String]) -> Option<String> {
    h1s.iter().find_map(|h1| {
        let h1 = collapse_whitespace(h1);
        let h1_chars = h1.chars().count();
        if h1_chars < 6 || h1.len() >= title.len() {
            return None;
        }
        let shorter =
            |rest: &str| rest.trim_matches(SEPARATOR_CHARS).trim().chars().count() < h1_chars;
        let after = title.strip_prefix(h1.as_str()).map(str::trim_start);
        let before = title.strip_suffix(h1.as_str()).map(str::trim_end);
        let parted = after.is_some_and(|r| r.starts_with(SEPARATOR_CHARS) && shorter(r))
            || before.is_some_and(|r| r.ends_with(SEPARATOR_CHARS) && shorter(r));
        parted.then_some(h1)
    })
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

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

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
    // An explicit stack, not recursion: a hostile page may nest 100 000 deep.
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => enter(&node, &mut out, &mut stack),
            Step::Leave(block) => {
                if block {
                    out.flush();
                } else {
                    out.space = true;
                }
            }
        }
    }
    out.flush();
    out.done
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    /// The end of an element: a block ends its paragraph, a table cell
    /// leaves a space.
    Leave(bool),
}

fn enter<'a>(node: &NodeRef<'a>, out: &mut Paragraphs, stack: &mut Vec<Step<'a>>) {
    if node.is_text() {
        out.text(&node.text());
        return;
    }
    let push_children = |stack: &mut Vec<Step<'a>>| {
        stack.extend(node.children().into_iter().rev().map(Step::Enter));
    };
    if !node.is_element() {
        push_children(stack);
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
            stack.push(Step::Leave(false));
            push_children(stack);
        }
        _ => {
            let block = is_block(name);
            if block {
                out.flush();
                stack.push(Step::Leave(true));
            }
            push_children(stack);
        }
    }
}

/// How deep elements nest (iteratively, for the same reason as above).
fn depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        if deepest > MAX_DEPTH {
            break;
        }
        stack.extend(node.children().into_iter().filter(NodeRef::is_element).map(|c| (c, d + 1)));
    }
    deepest
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
    fn a_page_too_complex_for_the_parser_is_read_as_plain_text() {
        let page = format!("<title>Deep</title>{}<p>Words.</p>", "<span>".repeat(3000));
        let (a, e) = parse(&page);
        assert_eq!(a.title.as_deref(), Some("Deep"));
        assert_eq!(a.body, Body::Paragraphs(vec!["Words.".into()]));
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some("page too complex (elements nested more than 256 deep): read as plain text")
        );
    }

    #[test]
    fn a_deep_fragment_gives_its_text() {
        let html = format!("{}words{}", "<i>".repeat(3000), "</i>".repeat(3000));
        assert_eq!(fragment_paragraphs(&html), ["words"]);
    }

    #[test]
    fn deep_but_sane_nesting_reads_with_readability() {
        let page = format!("<title>Deep</title>{}<p>Words.</p>", "<b>".repeat(200));
        let (a, e) = parse(&page);
        assert_eq!(a.title.as_deref(), Some("Deep"));
        assert_eq!(a.body, Body::Paragraphs(vec!["Words.".into()]));
        assert!(e.is_none());
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
        let h1 = vec!["北京天气很好".to_string()];
        assert_eq!(headline("北京天气很好_新浪新闻", None, &h1).as_deref(), Some("北京天气很好"));
        let h1 = vec!["Storm".to_string()];
        assert_eq!(
            headline("Storm warning issued", None, &h1).as_deref(),
            Some("Storm warning issued")
        );
        let h1 = vec!["Brexit news".to_string()];
        let long = "Brexit news - the deal explained in ten charts";
        assert_eq!(headline(long, None, &h1).as_deref(), Some(long));
        let colon = "Brexit news: the deal";
        assert_eq!(headline(colon, None, &h1).as_deref(), Some(colon));
        let site = Some("Het Dagblad");
        assert_eq!(
            headline("Het Dagblad – Kabinet valt", site, &[]).as_deref(),
            Some("Kabinet valt")
        );
    }
}
