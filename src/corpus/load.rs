//! One listed file → its [`Document`]s (ids still to assign) and problems:
//! read with bounds ([`crate::bounded`]), parsed, each article cut to
//! [`MAX_ARTICLE_BYTES`] and cleaned. [`super::stream`] runs this on every
//! core; nothing here knows about other files.

use rayon::prelude::*;

use super::format::{self, Article, Body, FormatError};
use super::{Document, MAX_FILE_BYTES, Notice, Source};
use crate::text::{DocId, floor_char_boundary};

/// The most text one article keeps (16 MiB, a few thousand pages): what
/// follows is cut off, with a problem that says so. Every later step
/// (cleaning, facts, wrapping, search) costs memory and time in proportion
/// to the text, so this bounds what one article can cost.
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;

/// What one file gave: documents (ids still to assign) and problems.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub problems: Vec<Notice>,
    pub bytes: u64,
}

/// Reads, decodes and parses one file. Runs on any thread.
pub fn load_file(source: &Source) -> Loaded {
    let problem = |message: String| Notice { path: source.display.clone(), message };
    let bytes = match crate::bounded::read_expecting(&source.path, MAX_FILE_BYTES, source.identity)
    {
        Ok(b) => b,
        Err(e) => return Loaded { problems: vec![problem(e.to_string())], ..Loaded::default() },
    };
    let parsed = format::parse(&bytes, source.format);
    let size = bytes.len() as u64;
    drop(bytes);
    let mut problems: Vec<Notice> =
        parsed.errors.iter().map(|e: &FormatError| problem(e.to_string())).collect();
    // A scraper's dump may hold 100 000 articles: clean them on every core too.
    let built: Vec<(Document, Option<usize>)> = parsed
        .articles
        .into_par_iter()
        .map(|(n, mut article)| {
            let key = match n {
                Some(n) => format!("{}#{n}", source.key),
                None => source.key.clone(),
            };
            let cut = cut_article(&mut article, MAX_ARTICLE_BYTES);
            (Document::from_article(DocId(0), key, source.display.clone(), article), cut)
        })
        .collect();
    let mut docs = Vec::with_capacity(built.len());
    for (doc, cut) in built {
        if let Some(total) = cut {
            problems.push(Notice {
                path: doc.label(),
                message: format!(
                    "article cut to its first {} MB (of {} MB): the limit of one article",
                    MAX_ARTICLE_BYTES >> 20,
                    total >> 20
                ),
            });
        }
        if doc.body.trim().is_empty() && !doc.has_headline {
            problems.push(Notice { path: doc.label(), message: "no text".into() });
        } else {
            docs.push(doc);
        }
    }
    Loaded { docs, problems, bytes: size }
}

/// Cuts an article's text to `max` bytes (at a paragraph break when there
/// is one near, else at a character boundary). Returns the length it had
/// when it was cut.
fn cut_article(article: &mut Article, max: usize) -> Option<usize> {
    match &mut article.body {
        Body::Raw(text) => {
            let total = text.len();
            if total <= max {
                return None;
            }
            let at = floor_char_boundary(text, max);
            let at = text.get(..at).and_then(|t| t.rfind("\n\n")).filter(|&p| p > max / 2);
            text.truncate(at.unwrap_or_else(|| floor_char_boundary(text, max)));
            Some(total)
        }
        Body::Paragraphs(ps) => {
            let total: usize = ps.iter().map(String::len).sum();
            if total <= max {
                return None;
            }
            let mut used = 0;
            let keep = ps.iter().take_while(|p| {
                used += p.len();
                used <= max
            });
            let n = keep.count();
            let room = max - ps.iter().take(n).map(String::len).sum::<usize>();
            ps.truncate(if room > 0 { n + 1 } else { n });
            if let Some(last) = ps.get_mut(n) {
                last.truncate(floor_char_boundary(last, room));
            }
            Some(total)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_articles_are_cut_at_a_paragraph_break_or_a_character() {
        let mut a = Article::raw(format!("{}\n\n{}", "a".repeat(80), "b".repeat(80)));
        assert_eq!(cut_article(&mut a, 100), Some(162));
        assert_eq!(a.body, Body::Raw("a".repeat(80)));
        let mut a = Article::raw("é".repeat(100));
        assert_eq!(cut_article(&mut a, 101), Some(200));
        assert_eq!(a.body, Body::Raw("é".repeat(50)));
        let mut a = Article {
            body: Body::Paragraphs(vec!["x".repeat(60); 3]),
            ..Article::raw(String::new())
        };
        assert_eq!(cut_article(&mut a, 100), Some(180));
        assert_eq!(a.body, Body::Paragraphs(vec!["x".repeat(60), "x".repeat(40)]));
        let mut a = Article::raw("short".into());
        assert_eq!(cut_article(&mut a, 100), None);
    }
}
