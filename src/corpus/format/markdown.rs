//! Markdown → an [`Article`] of plain paragraphs (pulldown-cmark): markup
//! dropped, links shown by their text, a list as one paragraph of `•`
//! lines (`◦` for a nested list's), code blocks line by line. A heading that opens the file is the title; front matter
//! (`---` … `---`) gives title, date, author and url when present.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Article, Body, iso_date, non_empty};

/// Reads decoded Markdown.
pub fn parse(text: &str) -> Article {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut article = Article::raw(String::new());
    let mut out = Blocks::default();
    let mut in_metadata = false;
    let mut in_code = false;
    let mut heading_level = None;
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => front_matter(&t, &mut article),
            Event::Start(Tag::CodeBlock(_)) => {
                out.flush();
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if in_code => {
                for line in t.lines() {
                    out.text(line);
                    out.flush();
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                out.flush();
                heading_level = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                if heading_level.is_some() && out.done.is_empty() && article.title.is_none() {
                    article.title = non_empty(&std::mem::take(&mut out.current));
                }
                heading_level = None;
                out.flush();
            }
            // A list stays a list: its items are the lines of one paragraph.
            Event::Start(Tag::List(start)) => {
                if lists.is_empty() {
                    out.flush();
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.flush();
                }
            }
            Event::Start(Tag::Item) => {
                out.current.push('\n');
                let nested = lists.len() > 1;
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ if nested => "◦ ".to_string(),
                    _ => "• ".to_string(),
                };
                out.current.push_str(&marker);
            }
            // A loose list's item holds paragraphs: they stay on its line.
            Event::End(TagEnd::Paragraph) if !lists.is_empty() => out.text(" "),
            Event::Start(Tag::TableCell) => out.current.push(' '),
            Event::Start(Tag::Image { .. }) => out.skip += 1,
            Event::End(TagEnd::Image) => out.skip = out.skip.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => out.text(&t),
            Event::SoftBreak => out.text(" "),
            Event::HardBreak
            | Event::Rule
            | Event::End(
                TagEnd::Paragraph | TagEnd::TableRow | TagEnd::TableHead | TagEnd::BlockQuote(_),
            ) => out.flush(),
            _ => {}
        }
    }
    out.flush();
    article.body = Body::Paragraphs(out.done);
    article
}

/// `key: value` lines of YAML front matter; the keys an article uses.
fn front_matter(yaml: &str, article: &mut Article) {
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(['"', '\'']);
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => article.title = non_empty(value),
            "date" | "published" => article.date = iso_date(value),
            "author" | "byline" => article.byline = non_empty(value),
            "url" | "link" => article.url = non_empty(value),
            "site" | "source" => article.site = non_empty(value),
            _ => {}
        }
    }
}

#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
    /// Inside an image: its alt text is not article text.
    skip: usize,
}

impl Blocks {
    fn text(&mut self, s: &str) {
        if self.skip == 0 {
            self.current.push_str(s);
        }
    }

    /// Ends the paragraph: white space collapsed within each of its lines
    /// (a list's items), empty lines and empty items dropped.
    fn flush(&mut self) {
        let lines: Vec<String> = self
            .current
            .split('\n')
            .map(super::collapse_whitespace)
            .filter(|l| !l.is_empty() && l != "•" && l != "◦")
            .collect();
        self.current.clear();
        if !lines.is_empty() {
            self.done.push(lines.join("\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_plain_paragraphs() {
        let a = parse(
            "# The *Big* Day\n\nSome **bold** and a [link](http://x.org)\nwrapped.\n\n\
             - one\n- two\n\n1. first\n2. second\n\n## Part two\n\n> quoted\n\n```\ncode a\ncode b\n```\n",
        );
        assert_eq!(a.title.as_deref(), Some("The Big Day"));
        assert_eq!(
            a.body,
            Body::Paragraphs(
                [
                    "Some bold and a link wrapped.",
                    "• one\n• two",
                    "1. first\n2. second",
                    "Part two",
                    "quoted",
                    "code a",
                    "code b",
                ]
                .map(String::from)
                .to_vec()
            )
        );
    }

    #[test]
    fn a_list_stays_one_paragraph_of_lines() {
        let a = parse(
            "Before.\n\n* tight one\n* tight two\n  * nested\n* three\n\nMiddle.\n\n\
             - loose one\n\n  more of one\n\n- loose two\n\nAfter.\n",
        );
        assert_eq!(
            a.body,
            Body::Paragraphs(
                [
                    "Before.",
                    "• tight one\n• tight two\n◦ nested\n• three",
                    "Middle.",
                    "• loose one more of one\n• loose two",
                    "After.",
                ]
                .map(String::from)
                .to_vec()
            )
        );
    }

    #[test]
    fn front_matter_gives_metadata() {
        let a = parse("---\ntitle: \"Hello\"\ndate: 2024-01-02\nauthor: Ann\n---\n\nBody text.\n");
        assert_eq!(a.title.as_deref(), Some("Hello"));
        assert_eq!(a.date.as_deref(), Some("2024-01-02"));
        assert_eq!(a.byline.as_deref(), Some("Ann"));
        assert_eq!(a.body, Body::Paragraphs(vec!["Body text.".into()]));
    }
}
