//! Scraper dumps → [`Article`]s: a `.json` file holding one article object
//! or an array of them (or an object with such an array under `articles`,
//! `items`, …), and `.jsonl` with one object a line. Common field names are
//! understood; a body holding HTML is reduced to its text. The `lang`
//! field is not trusted: the language is told from the text.

use serde_json::Value;

use super::{Article, Body, FormatError, Parsed, html, iso_date, non_empty};
use crate::corpus::clean::split_paragraphs;

const TITLE: [&str; 5] = ["title", "headline", "name", "webTitle", "heading"];
/// The names feeds, scrapers and news APIs give an article's text
/// (`content_html`, `content_text`: JSON Feed; `articleBody`: schema.org;
/// `bodyText`: the Guardian; `selftext`: Reddit; `maintext`: news-please).
const BODY: [&str; 24] = [
    "body",
    "text",
    "content",
    "content_html",
    "content_text",
    "html",
    "article",
    "article_body",
    "articleBody",
    "article_text",
    "articleText",
    "body_text",
    "bodyText",
    "body_html",
    "full_text",
    "fulltext",
    "full_content",
    "maintext",
    "main_text",
    "plain_text",
    "text_content",
    "contents",
    "story",
    "selftext",
];
/// Shorter texts, used only when no body field holds text (`lead_paragraph`:
/// the New York Times; `snippet`, `excerpt`, `teaser`: search and CMS APIs).
const SUMMARY: [&str; 9] = [
    "description",
    "summary",
    "abstract",
    "lead_paragraph",
    "lead",
    "lede",
    "excerpt",
    "snippet",
    "teaser",
];
/// Objects some APIs nest an article's fields in (the Guardian's `fields`).
const NESTED: [&str; 2] = ["fields", "attributes"];
const URL: [&str; 7] = ["url", "link", "href", "source_url", "webUrl", "web_url", "permalink"];
const DATE: [&str; 14] = [
    "date",
    "published",
    "date_published",
    "published_at",
    "publishedAt",
    "date_publish",
    "datePublished",
    "pubDate",
    "pub_date",
    "publication_date",
    "published_date",
    "webPublicationDate",
    "created_at",
    "updated",
];
const AUTHOR: [&str; 4] = ["author", "authors", "byline", "creator"];
const SITE: [&str; 5] = ["site", "site_name", "source", "publisher", "source_domain"];
/// Keys under which an object wraps its array of articles.
const LISTS: [&str; 8] =
    ["articles", "items", "entries", "data", "results", "posts", "docs", "stories"];
/// Objects an API wraps its list in (`{"response": {"results": […]}}`).
const WRAPPERS: [&str; 3] = ["response", "data", "result"];

/// A `.json` file: one article, or a list of them.
pub fn parse(text: &str) -> Parsed {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Parsed::failed(json_error(&e, 0)),
    };
    let list = match value {
        Value::Array(items) => items,
        Value::Object(ref map) if body_text(map).is_none() => match list_in(map) {
            Some(items) => items.clone(),
            None => return one(&value),
        },
        _ => return one(&value),
    };
    let mut parsed = Parsed::default();
    for (i, item) in list.iter().enumerate() {
        push(&mut parsed, i + 1, item);
    }
    parsed
}

/// A `.jsonl` file: an article a line; a broken line is named by its number
/// and the others still load. Blank lines are not articles.
pub fn parse_lines(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let records = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    for (n, (line_index, line)) in records.enumerate() {
        match serde_json::from_str::<Value>(line) {
            Ok(item) => push(&mut parsed, n + 1, &item),
            Err(e) => parsed.errors.push(json_error(&e, line_index)),
        }
    }
    parsed
}

/// The array of articles an object holds, directly or in a wrapper.
fn list_in(map: &serde_json::Map<String, Value>) -> Option<&Vec<Value>> {
    LISTS.iter().find_map(|k| map.get(*k).and_then(Value::as_array)).or_else(|| {
        WRAPPERS
            .iter()
            .filter_map(|k| map.get(*k)?.as_object())
            .find_map(|inner| LISTS.iter().find_map(|k| inner.get(*k).and_then(Value::as_array)))
    })
}

/// The article's text: the first body field that holds any, else the first
/// summary field, looked for in the object and in the objects it nests
/// its fields in.
fn body_text(map: &serde_json::Map<String, Value>) -> Option<String> {
    let nested = NESTED.iter().filter_map(|k| map.get(*k)?.as_object());
    let maps: Vec<&serde_json::Map<String, Value>> = std::iter::once(map).chain(nested).collect();
    [&BODY[..], &SUMMARY[..]].into_iter().find_map(|keys| {
        maps.iter().find_map(|m| {
            keys.iter().filter_map(|k| m.get(*k)).filter_map(text_of).find(|t| !t.trim().is_empty())
        })
    })
}

fn one(value: &Value) -> Parsed {
    match article(value, 1) {
        Ok(a) => Parsed::one(a),
        Err(e) => Parsed::failed(e),
    }
}

fn push(parsed: &mut Parsed, n: usize, item: &Value) {
    match article(item, n) {
        Ok(a) => parsed.articles.push((Some(n), a)),
        Err(e) => parsed.errors.push(e),
    }
}

/// `serde_json` counts lines from 1 within what it was given; `line_offset`
/// is the line (from 0) that text started on in the file.
fn json_error(e: &serde_json::Error, line_offset: usize) -> FormatError {
    let message = e.to_string();
    // serde_json appends " at line L column C" itself; keep only the reason.
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    FormatError::Json { line: e.line() + line_offset, column: e.column(), message }
}

fn article(value: &Value, n: usize) -> Result<Article, FormatError> {
    let Value::Object(map) = value else { return Err(FormatError::NotObject(n)) };
    let title = first(map, &TITLE).and_then(text_of).and_then(|t| non_empty(&t));
    let paragraphs = match body_text(map) {
        Some(t) if html::looks_like_html(&t) => html::fragment_paragraphs(&t),
        Some(t) => split_paragraphs(&t),
        None => Vec::new(),
    };
    if paragraphs.is_empty() && title.is_none() {
        return Err(FormatError::NoText(n));
    }
    Ok(Article {
        title,
        body: Body::Paragraphs(paragraphs),
        url: first(map, &URL).and_then(text_of).and_then(|t| non_empty(&t)),
        date: first(map, &DATE).and_then(text_of).and_then(|t| iso_date(&t)),
        byline: first(map, &AUTHOR).and_then(names).and_then(|t| non_empty(&t)),
        site: first(map, &SITE).and_then(names).and_then(|t| non_empty(&t)),
    })
}

fn first<'a>(map: &'a serde_json::Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().filter_map(|k| map.get(*k)).find(|v| !v.is_null())
}

/// A string, a number, or an array of strings (paragraphs) as text.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        // `{"text": …}`, WordPress's `{"rendered": …}`, the NYT's `{"main": …}`.
        Value::Object(map) => {
            ["text", "value", "rendered", "main"].iter().find_map(|k| map.get(*k)).and_then(text_of)
        }
        _ => None,
    }
}

/// An author or publisher: a string, `{"name": …}`, or a list of them.
fn names(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        Value::Object(map) => map.get("name").and_then(text_of),
        other => text_of(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_of_articles_with_common_fields() {
        let p = parse(
            r#"[{"headline":"A","text":"One.\n\nTwo.","published":"2024-05-01T08:00:00Z",
                "author":[{"name":"Ann"},{"name":"Bo"}],"link":"http://a"},
               {"title":"B","content":"<p>Three <b>3</b></p><p>Four</p>"},
               {"nothing":"here"}]"#,
        );
        assert_eq!(p.articles.len(), 2);
        let (n, a) = &p.articles[0];
        assert_eq!(*n, Some(1));
        assert_eq!(a.title.as_deref(), Some("A"));
        assert_eq!(a.body, Body::Paragraphs(vec!["One.".into(), "Two.".into()]));
        assert_eq!(a.date.as_deref(), Some("2024-05-01"));
        assert_eq!(a.byline.as_deref(), Some("Ann, Bo"));
        assert_eq!(a.url.as_deref(), Some("http://a"));
        assert_eq!(p.articles[1].1.body, Body::Paragraphs(vec!["Three 3".into(), "Four".into()]));
        assert_eq!(p.errors, [FormatError::NoText(3)]);
    }

    #[test]
    fn json_feed_items_are_articles() {
        let p = parse(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"Blog","items":[
                {"id":"1","title":"Hi","content_html":"<p>Hello there.</p>","date_published":"2024-07-01T10:00:00Z"}]}"#,
        );
        let (n, a) = &p.articles[0];
        assert_eq!((*n, a.date.as_deref()), (Some(1), Some("2024-07-01")));
        assert_eq!(a.body, Body::Paragraphs(vec!["Hello there.".into()]));
    }

    #[test]
    fn the_text_fields_of_feeds_and_news_apis() {
        let body = |json: &str| {
            let p = parse(json);
            assert!(p.errors.is_empty(), "{json}: {:?}", p.errors);
            p.articles.into_iter().map(|(_, a)| a.body).collect::<Vec<_>>()
        };
        let one = |t: &str| vec![Body::Paragraphs(vec![t.to_string()])];
        for (json, text) in [
            (r#"{"title":"A","description":"In the description."}"#, "In the description."),
            (r#"[{"title":"B","summary":"In the summary."}]"#, "In the summary."),
            (r#"{"title":"C","content":"","description":"Empty content."}"#, "Empty content."),
            (r#"{"title":"D","story":"A story."}"#, "A story."),
            (r#"{"title":"E","selftext":"Reddit."}"#, "Reddit."),
            (
                r#"{"title":{"rendered":"F"},"content":{"rendered":"<p>WordPress.</p>"}}"#,
                "WordPress.",
            ),
            (r#"{"webTitle":"G","fields":{"bodyText":"The Guardian."}}"#, "The Guardian."),
            (
                r#"{"response":{"docs":[{"headline":{"main":"H"},"lead_paragraph":"The Times."}]}}"#,
                "The Times.",
            ),
            (r#"{"title":"I","excerpt":"An excerpt."}"#, "An excerpt."),
        ] {
            assert_eq!(body(json), one(text), "{json}");
        }
        let p = parse(r#"{"webTitle":"G","webUrl":"https://g","fields":{"bodyText":"x"}}"#);
        assert_eq!(p.articles[0].1.title.as_deref(), Some("G"));
        assert_eq!(p.articles[0].1.url.as_deref(), Some("https://g"));
    }

    #[test]
    fn broken_lines_are_named_by_number() {
        let p = parse_lines(
            "{\"title\":\"A\",\"body\":\"x\"}\n\n{\"title\": oops}\n{\"body\":\"y\"}\n",
        );
        assert_eq!(p.articles.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [Some(1), Some(3)]);
        assert!(matches!(&p.errors[..], [FormatError::Json { line: 3, .. }]), "{:?}", p.errors);
    }

    #[test]
    fn invalid_json_names_its_line() {
        let p = parse("[\n{\"title\": \"a\"},\n{\"title\" \"b\"}\n]");
        assert!(matches!(&p.errors[..], [FormatError::Json { line: 3, .. }]), "{:?}", p.errors);
    }
}
