//! A page's tags read in one linear pass, before any tree is built. The
//! HTML parser (html5ever) costs time with the square of some shapes — it
//! walks its stack of open elements for each tag, checks each attribute
//! against the others of its tag, and reopens every formatting element
//! still active at each new paragraph — so a page whose nesting, attribute
//! count or open formatting elements go past what real pages use is not
//! given to it ([`check`]); its text is read by [`plain_text`] instead,
//! which costs time in proportion to the page whatever its shape.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Deepest nesting of elements a page may have (real pages: 20–80).
pub const MAX_NESTING: usize = 256;
/// Most attributes on one element (real pages: a few, 30 at the most).
pub const MAX_ATTRIBUTES: usize = 128;
/// Most formatting elements (`<b>`, `<font>`, `<a>`…) left open at once,
/// each reopened by the parser at every new paragraph (real pages: a few).
pub const MAX_FORMATTING: usize = 8;

/// Why a page is not given to the HTML parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooComplex {
    Nesting(usize),
    Attributes(usize),
    Formatting(usize),
}

impl std::fmt::Display for TooComplex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooComplex::Nesting(n) => write!(f, "elements nested more than {n} deep"),
            TooComplex::Attributes(n) => write!(f, "more than {n} attributes on one element"),
            TooComplex::Formatting(n) => {
                write!(f, "more than {n} formatting elements left open")
            }
        }
    }
}

/// One piece of markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    /// A start tag: its name (as written), how many attributes it has, the
    /// text of those attributes, and whether it ends in `/>`.
    Start {
        name: &'a str,
        attributes: usize,
        attribute_text: &'a str,
        self_closing: bool,
    },
    End {
        name: &'a str,
    },
}

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: [&str; 8] =
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements the parser closes by itself when a sibling starts (`<p>`,
/// `<li>`…): they do not deepen the nesting however they are written.
const SELF_ENDING: [&str; 12] =
    ["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp"];

/// The formatting elements the parser keeps a list of and reopens.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

fn is_in(list: &[&str], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// The tokens of a page, in order; linear in its length.
pub struct Tokens<'a> {
    html: &'a str,
    at: usize,
    /// The raw-text element just opened: its text comes next, to its end tag.
    raw: Option<&'a str>,
}

/// Reads `html` as tokens.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens { html, at: 0, raw: None }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        // A comment or a doctype gives no token: go on to the next piece.
        loop {
            let rest = self.html.get(self.at..).filter(|r| !r.is_empty())?;
            if let Some(name) = self.raw.take() {
                let end = find_end_tag(rest, name).unwrap_or(rest.len());
                self.at += end;
                return Some(Token::Text(rest.get(..end).unwrap_or_default()));
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.at += end;
                return Some(Token::Text(rest.get(..end).unwrap_or_default()));
            }
            let (len, token) = markup(rest);
            self.at += len;
            if let Some(Token::Start { name, self_closing: false, .. }) = token
                && is_in(&RAW_TEXT, name)
            {
                self.raw = Some(name);
            }
            if token.is_some() {
                return token;
            }
        }
    }
}

/// The markup at the start of `s` (which starts with `<`): its length and
/// the token it is, if a tag.
fn markup(s: &str) -> (usize, Option<Token<'_>>) {
    let bytes = s.as_bytes();
    let after = |pat: &str, from: usize| {
        s.get(from..).and_then(|r| r.find(pat)).map_or(s.len(), |i| from + i + pat.len())
    };
    if s.starts_with("<!--") {
        return (after("-->", 4), None);
    }
    match bytes.get(1) {
        Some(b'!' | b'?') => (after(">", 1), None),
        Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let name_end = name_end(s, 2);
            let name = s.get(2..name_end).unwrap_or_default();
            (after(">", name_end), Some(Token::End { name }))
        }
        Some(c) if c.is_ascii_alphabetic() => start_tag(s),
        // Not a tag: the `<` is text.
        _ => (1, Some(Token::Text("<"))),
    }
}

fn name_end(s: &str, from: usize) -> usize {
    s.bytes()
        .skip(from)
        .position(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .map_or(s.len(), |i| from + i)
}

/// A start tag at the start of `s`: attributes counted, quoted values
/// skipped whole (a `>` inside one does not end the tag).
fn start_tag(s: &str) -> (usize, Option<Token<'_>>) {
    let bytes = s.as_bytes();
    let name_end = name_end(s, 1);
    let name = s.get(1..name_end).unwrap_or_default();
    let (mut i, mut attributes, mut slash) = (name_end, 0, false);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => break,
            b'/' => {
                slash = true;
                i += 1;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                slash = false;
                attributes += 1;
                // The name (a leading `=` is part of it), then `= value`.
                i += 1;
                while bytes
                    .get(i)
                    .is_some_and(|&b| !b.is_ascii_whitespace() && !b"/>=".contains(&b))
                {
                    i += 1;
                }
                let mut j = i;
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'=') {
                    i = value_end(bytes, j + 1);
                }
            }
        }
    }
    let attribute_text = s.get(name_end..i).unwrap_or_default();
    let len = (i + 1).min(s.len());
    (len, Some(Token::Start { name, attributes, attribute_text, self_closing: slash }))
}

/// Where an attribute value that starts at `i` (after `=`) ends.
fn value_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
        let close = bytes.iter().skip(i + 1).position(|&b| b == q);
        return close.map_or(bytes.len(), |p| i + 1 + p + 1);
    }
    while bytes.get(i).is_some_and(|&b| !b.is_ascii_whitespace() && b != b'>') {
        i += 1;
    }
    i
}

/// Where the end tag `</name` starts in `s`, ASCII case ignored.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = s.get(from..).and_then(|r| r.find("</")) {
        let at = from + p;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Whether the parser can build `html`'s tree in time in proportion to
/// its length: nesting, attributes and open formatting elements are
/// counted the way the parser would meet them (roughly, and never less).
pub fn check(html: &str) -> Result<(), TooComplex> {
    let mut shape = Shape::default();
    for token in tokens(html) {
        match token {
            Token::Start { attributes, .. } if attributes > MAX_ATTRIBUTES => {
                return Err(TooComplex::Attributes(MAX_ATTRIBUTES));
            }
            Token::Start { name, attribute_text, self_closing, .. } => {
                shape.start(&name.to_ascii_lowercase(), attribute_text, self_closing);
            }
            Token::End { name } => shape.end(&name.to_ascii_lowercase()),
            Token::Text(_) => {}
        }
        if shape.stack.len() > MAX_NESTING {
            return Err(TooComplex::Nesting(MAX_NESTING));
        }
        if shape.formatting > MAX_FORMATTING {
            return Err(TooComplex::Formatting(MAX_FORMATTING));
        }
    }
    Ok(())
}

/// The parser's state as far as cost goes: the open elements, and the
/// formatting elements it would reopen.
#[derive(Default)]
struct Shape {
    stack: Vec<String>,
    /// How many of each element name are open (so that a stray end tag is
    /// known at once, without a walk of the stack).
    open: HashMap<String, usize>,
    /// Inside `<svg>` or `<math>`, where `/>` does close an element.
    foreign: usize,
    /// Formatting elements not ended, per name (with their attributes'
    /// hash), and per identical element how many.
    active: HashMap<String, Vec<u64>>,
    identical: HashMap<(String, u64), usize>,
    /// The formatting elements the parser keeps, counting at most three
    /// identical ones as it does.
    formatting: usize,
}

impl Shape {
    fn start(&mut self, name: &str, attributes: &str, self_closing: bool) {
        if is_in(&FORMATTING, name) {
            if matches!(name, "a" | "nobr") && self.open.get(name).is_some_and(|&n| n > 0) {
                // A second one ends the first.
                self.end(name);
            }
            let mut h = DefaultHasher::new();
            attributes.split_whitespace().for_each(|a| a.hash(&mut h));
            let key = h.finish();
            self.active.entry(name.to_string()).or_default().push(key);
            let n = self.identical.entry((name.to_string(), key)).or_default();
            *n += 1;
            if *n <= 3 {
                self.formatting += 1;
            }
        }
        let closed = self_closing && self.foreign > 0;
        if is_in(&VOID, name) || is_in(&SELF_ENDING, name) || closed {
            return;
        }
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        self.stack.push(name.to_string());
        *self.open.entry(name.to_string()).or_default() += 1;
    }

    fn end(&mut self, name: &str) {
        if is_in(&FORMATTING, name) {
            self.end_formatting(name);
        }
        if self.open.get(name).copied().unwrap_or(0) == 0 {
            return; // A stray end tag: ignored, as the parser does.
        }
        while let Some(top) = self.stack.pop() {
            if let Some(n) = self.open.get_mut(&top) {
                *n -= 1;
            }
            if matches!(top.as_str(), "svg" | "math") {
                self.foreign -= 1;
            }
            if top == name {
                break;
            }
        }
    }

    fn end_formatting(&mut self, name: &str) {
        let Some(key) = self.active.get_mut(name).and_then(Vec::pop) else { return };
        if let Some(n) = self.identical.get_mut(&(name.to_string(), key)) {
            if *n <= 3 {
                self.formatting -= 1;
            }
            *n -= 1;
        }
    }
}

/// Elements whose text is never article text.
const HIDDEN: [&str; 9] =
    ["script", "style", "noscript", "template", "svg", "select", "textarea", "iframe", "noembed"];

/// The text of a page read without a tree: the `<title>`, and paragraphs
/// parted at block elements and `<br>`, the text of scripts, styles and
/// the like left out, character references decoded. For a page the parser
/// cannot be given.
pub fn plain_text(html: &str, is_block: impl Fn(&str) -> bool) -> (Option<String>, Vec<String>) {
    let mut out = super::Paragraphs::default();
    let mut title = None;
    let mut in_title = false;
    // Hidden elements (by name) still open: their text is skipped.
    let mut hidden: HashMap<String, usize> = HashMap::new();
    let mut hidden_open = 0usize;
    for token in tokens(html) {
        match token {
            Token::Text(t) if in_title => {
                title = super::non_empty(&html_escape::decode_html_entities(t));
            }
            Token::Text(t) if hidden_open == 0 => out.text(&html_escape::decode_html_entities(t)),
            Token::Text(_) => {}
            Token::Start { name, self_closing, .. } => {
                let name = name.to_ascii_lowercase();
                in_title = name == "title" && !self_closing;
                if is_in(&HIDDEN, &name) && !self_closing {
                    *hidden.entry(name).or_default() += 1;
                    hidden_open += 1;
                } else if name == "br" || name == "hr" || is_block(&name) {
                    out.flush();
                }
            }
            Token::End { name } => {
                let name = name.to_ascii_lowercase();
                in_title = false;
                if let Some(n) = hidden.get_mut(&name).filter(|n| **n > 0) {
                    *n -= 1;
                    hidden_open -= 1;
                } else if is_block(&name) {
                    out.flush();
                }
            }
        }
    }
    out.flush();
    (title, out.done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<String> {
        tokens(html)
            .map(|t| match t {
                Token::Text(s) => format!("text:{s}"),
                Token::Start { name, attributes, self_closing, .. } => {
                    format!("<{name} {attributes}{}>", if self_closing { "/" } else { "" })
                }
                Token::End { name } => format!("</{name}>"),
            })
            .collect()
    }

    #[test]
    fn tags_attributes_comments_and_raw_text() {
        assert_eq!(
            kinds("<!doctype html><p class=x id='a>b' hidden>Hi<!-- <b> --></p><br/>"),
            ["<p 3>", "text:Hi", "</p>", "<br 0/>"]
        );
        assert_eq!(
            kinds("<script>if (a<b) x='</p>';</SCRIPT>a < b"),
            ["<script 0>", "text:if (a<b) x='</p>';", "</SCRIPT>", "text:a ", "text:<", "text: b"]
        );
        assert_eq!(kinds("<a href=\"x"), ["<a 1>"]);
    }

    #[test]
    fn shapes_the_parser_is_slow_on_are_caught() {
        assert_eq!(check(&"<div/>".repeat(1000)), Err(TooComplex::Nesting(MAX_NESTING)));
        assert_eq!(check(&"<div></x>".repeat(1000)), Err(TooComplex::Nesting(MAX_NESTING)));
        let attrs = (0..200).map(|i| format!(" a{i}=1")).collect::<Vec<_>>().concat();
        assert_eq!(check(&format!("<div{attrs}>")), Err(TooComplex::Attributes(MAX_ATTRIBUTES)));
        let open = (0..20).map(|i| format!("<b class=c{i}>")).collect::<Vec<_>>().concat();
        assert_eq!(check(&format!("<p>{open}</p>")), Err(TooComplex::Formatting(MAX_FORMATTING)));
    }

    #[test]
    fn real_shapes_pass() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul>\
                    <svg>"
            .to_string()
            + &"<path d='M0'/>".repeat(500)
            + "</svg>"
            + &"<div><b>x</b><br><img src=a></div>".repeat(500)
            + &"<p><b>unclosed</p>".repeat(50)
            + "</div></body></html>";
        assert_eq!(check(&page), Ok(()));
        assert_eq!(check(&"<div>x</div>".repeat(10_000)), Ok(()));
    }

    #[test]
    fn plain_text_reads_paragraphs_without_a_tree() {
        let html = "<title>T &amp; U</title><style>p{}</style><div>One &eacute;<b>two</b></div>\
                    <script>var a = '<p>';</script><p>Three<br>four</p>";
        let (title, paragraphs) = plain_text(html, |n| matches!(n, "div" | "p"));
        assert_eq!(title.as_deref(), Some("T & U"));
        assert_eq!(paragraphs, ["One étwo", "Three", "four"]);
    }
}
