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

/// Deeper than any real page nests its elements. Readability walks the tree
/// recursively and scores ancestors, so a hostile page nested deeper would
/// overflow the stack or take minutes; it gets the plain-text reading instead.
const MAX_DEPTH: usize = 500;

/// Nesting the tag count may show before the page is not parsed at all:
/// the HTML parser's scope checks grow with the square of the depth, so a
/// page of 20 000 nested `<div>`s would take a minute.
const MAX_TAG_DEPTH: usize = 2000;

/// Reads a decoded web page.
pub fn parse(html: &str) -> Result<Article, FormatError> {
    let tag_depth = tag_depth(html);
    if tag_depth > MAX_TAG_DEPTH {
        return Err(FormatError::TooDeep(tag_depth));
    }
    let dom = Dom::from(html);
    if depth(&dom.root()) > MAX_DEPTH {
        return Ok(whole_page(&dom, None));
    }
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
        return Ok(whole_page(&Dom::from(html), canonical));
    };
    let site = page.site_name.as_deref().and_then(non_empty);
    let title = headline(&page.title, site.as_deref(), &h1s);
    let content = Dom::fragment(page.content);
    Ok(Article {
        title,
        body: Body::Paragraphs(paragraphs(&content.root())),
        url: canonical.or_else(|| page.url.as_deref().and_then(non_empty)),
        date: page.published_time.as_deref().and_then(iso_date),
        byline: page.byline.as_deref().and_then(non_empty),
        site,
    })
}

/// Elements that need no end tag, or whose end tag is often left out: they
/// do not deepen the nesting a tag count sees.
const UNNESTED: [&str; 22] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option",
];

/// The deepest nesting of start and end tags, counted on the raw text (an
/// upper bound of sorts, cheap and linear).
fn tag_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for piece in html.split('<').skip(1) {
        let (closing, rest) = match piece.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, piece),
        };
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || UNNESTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !piece.split('>').next().is_some_and(|tag| tag.ends_with('/')) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
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
/// field holding HTML).
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    if tag_depth(html) > MAX_TAG_DEPTH {
        // Too deep to parse in good time: the text between the tags.
        let text: String =
            html.split('<').map(|p| p.split_once('>').map_or(p, |(_, t)| t)).collect();
        return non_empty(&text).into_iter().collect();
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
            let block = BLOCKS.contains(&name);
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
    fn nesting_is_counted_on_the_raw_tags() {
        assert_eq!(tag_depth("<div><p>a<br>b<img src=x/></div><div><b>c</b></div>"), 2);
        assert_eq!(tag_depth(&"<div>".repeat(5000)), 5000);
        assert!(matches!(parse(&"<span>".repeat(3000)), Err(FormatError::TooDeep(3000))));
    }

    #[test]
    fn a_deep_fragment_gives_its_text() {
        let html = format!("{}words{}", "<i>".repeat(3000), "</i>".repeat(3000));
        assert_eq!(fragment_paragraphs(&html), ["words"]);
    }

    #[test]
    fn deep_but_sane_nesting_reads_without_readability() {
        let page = format!("<title>Deep</title>{}<p>Words.</p>", "<b>".repeat(1500));
        let a = parse(&page).unwrap();
        assert_eq!(a.title.as_deref(), Some("Deep"));
        assert_eq!(a.body, Body::Paragraphs(vec!["Words.".into()]));
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
