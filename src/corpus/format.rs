//! File formats → [`Article`]s, the raw shape of an article before
//! cleaning: a title when the source names one, the text, and what the
//! source says about where and when it appeared. One file may hold many
//! articles (JSON arrays, JSON Lines, feeds).

pub mod feed;
pub mod html;
pub mod json;
pub mod markdown;

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use thiserror::Error;

use super::decode::{self, DecodeError};

/// The formats dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
    Feed,
}

impl Format {
    /// The format an extension names, if dossier knows it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "xml" | "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// The format of a file whose extension says nothing: markup by its
    /// first tag, anything else that decodes as text is plain text.
    pub fn sniff(text: &str) -> Format {
        let head: String = text.trim_start().chars().take(512).collect::<String>().to_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            Format::Html
        } else if head.starts_with("<?xml") && (head.contains("<rss") || head.contains("<feed"))
            || head.starts_with("<rss")
            || head.starts_with("<feed")
        {
            Format::Feed
        } else {
            Format::Text
        }
    }
}

/// The text of an article as its source holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text, paragraphs and a possible headline still to be found.
    Raw(String),
    /// Paragraphs already told apart by the source's structure.
    Paragraphs(Vec<String>),
}

/// One article as read from a file, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The headline the source gives (`<title>`, `"title"`, a feed item's title).
    pub title: Option<String>,
    pub body: Body,
    pub url: Option<String>,
    /// An ISO-8601 date (`2024-03-05`) when the source's date could be read,
    /// else the date as the source writes it.
    pub date: Option<String>,
    pub byline: Option<String>,
    pub site: Option<String>,
}

impl Article {
    /// An article of plain text and nothing else.
    pub fn raw(text: String) -> Self {
        Self { title: None, body: Body::Raw(text), url: None, date: None, byline: None, site: None }
    }
}

/// Why a file, or one article in it, could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FormatError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json { line: usize, column: usize, message: String },
    #[error("item {0}: no article text (no body, text or content field)")]
    NoText(usize),
    #[error("item {0}: not an object")]
    NotObject(usize),
    #[error("not a feed: {0}")]
    Feed(String),
    #[error("page too complex ({0}): read as plain text")]
    TooComplex(String),
    #[error("skipped: not text (binary data)")]
    NotText,
}

/// What one file yields: its articles in order, each with its number in the
/// file (from 1) when the file holds a list, and what went wrong inside it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<(Option<usize>, Article)>,
    pub errors: Vec<FormatError>,
}

impl Parsed {
    fn one(article: Article) -> Self {
        Self { articles: vec![(None, article)], errors: Vec::new() }
    }

    fn failed(error: FormatError) -> Self {
        Self { articles: Vec::new(), errors: vec![error] }
    }
}

/// Reads the articles of one file's bytes. `format` is `None` for an
/// unknown extension: the bytes are sniffed, and refused unless text.
pub fn parse(bytes: &[u8], format: Option<Format>) -> Parsed {
    let format = match format {
        Some(f) => f,
        None => match decode::decode(bytes) {
            Ok(text) => Format::sniff(&text),
            Err(DecodeError::Binary) => return Parsed::failed(FormatError::NotText),
            Err(e) => return Parsed::failed(e.into()),
        },
    };
    let text = match format {
        Format::Html | Format::Feed => decode::decode_markup(bytes),
        _ => decode::decode(bytes),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => return Parsed::failed(e.into()),
    };
    match format {
        Format::Text => Parsed::one(Article::raw(text)),
        Format::Markdown => Parsed::one(markdown::parse(&text)),
        Format::Html => {
            let (article, error) = html::parse(&text);
            Parsed { articles: vec![(None, article)], errors: error.into_iter().collect() }
        }
        Format::Json => json::parse(&text),
        Format::JsonLines => json::parse_lines(&text),
        Format::Feed => feed::parse(&text),
    }
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").expect("valid regex"));

/// A source's date as ISO-8601 (`YYYY-MM-DD`) when it is ISO already or an
/// RFC 2822 date (feeds, mail); otherwise the text as given.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = ISO_DATE.captures(s) {
        return Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive().format("%Y-%m-%d").to_string());
    }
    Some(s.to_string())
}

/// Words that stand before an author's name in a byline, in the languages
/// dossier reads.
const BY_WORDS: [&str; 12] =
    ["by", "von", "door", "par", "por", "di", "da", "av", "af", "przez", "od", "bởi"];

/// Drops a byline standing as one of the first paragraphs (`By Jane
/// Marlow`, `Von Jane Marlow`, `Jane Marlow, Reporter`) when the source
/// gives the byline apart: it is shown in the article's header instead.
pub fn drop_byline(paragraphs: &mut Vec<String>, byline: Option<&str>) {
    let Some(byline) = byline else { return };
    let name = strip_by_word(byline).to_lowercase();
    if name.chars().count() < 3 {
        return;
    }
    let is_byline = |p: &str| {
        let rest = strip_by_word(p).to_lowercase();
        rest.strip_prefix(name.as_str()).is_some_and(|tail| {
            let tail = tail.trim_start_matches([',', ' ', '|', '·', '-', '–', '—']);
            // At most a role or a date after the name, never a sentence.
            tail.chars().count() <= 40 && !tail.contains(". ")
        })
    };
    if let Some(i) = paragraphs.iter().take(3).position(|p| is_byline(p)) {
        paragraphs.remove(i);
    }
}

/// A byline without the word before the name (`By `, `Von `) or a colon.
fn strip_by_word(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_prefix("Author:").or_else(|| s.strip_prefix("Autor:")).unwrap_or(s).trim();
    match s.split_once(' ') {
        Some((word, rest)) if BY_WORDS.contains(&word.to_lowercase().as_str()) => rest.trim(),
        _ => s,
    }
}

/// Whitespace runs (newlines included) become one space; ends trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `None` for an empty or all-space string, else the string with its
/// whitespace collapsed.
pub fn non_empty(s: &str) -> Option<String> {
    let s = collapse_whitespace(s);
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date("2024-03-05T10:00:00+01:00").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("yesterday").as_deref(), Some("yesterday"));
        assert_eq!(iso_date(" "), None);
    }

    #[test]
    fn bylines_leave_the_body() {
        let body = |ps: &[&str]| ps.iter().map(|p| (*p).to_string()).collect::<Vec<_>>();
        for (byline, first) in [
            ("Jane Marlow", "By Jane Marlow"),
            ("By Jane Marlow", "By Jane Marlow"),
            ("Jane Marlow", "Von Jane Marlow, Reporterin"),
            ("Jane Marlow", "Jane Marlow"),
        ] {
            let mut ps = body(&[first, "The harbour reopened."]);
            drop_byline(&mut ps, Some(byline));
            assert_eq!(ps, ["The harbour reopened."], "{byline} / {first}");
        }
        let mut ps = body(&["Jane Marlow said the harbour reopened. Ships queued.", "More."]);
        drop_byline(&mut ps, Some("Jane Marlow"));
        assert_eq!(ps.len(), 2, "a sentence about the author stays");
        let mut ps = body(&["By Jane Marlow"]);
        drop_byline(&mut ps, None);
        assert_eq!(ps.len(), 1);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), Format::Feed);
        assert_eq!(Format::sniff("Just words."), Format::Text);
    }
}
