//! Files → [`Document`]s: read, decode, parse the format (text, Markdown,
//! web page, JSON, feed), clean (page furniture, repeated headline), detect
//! the language and derive the title. A file that cannot be read or decoded
//! becomes a problem (a [`Notice`] in [`Corpus::problems`]) and the others
//! still load; see [`stream`] for the parallel loader, its limits and its
//! progress reports.

mod clean;
mod decode;
mod dedup;
mod format;
mod known;
mod lang;
mod load;
mod read;
mod stream;
mod title;
mod words;
mod workers;

use std::path::{Path, PathBuf};

pub use clean::{Cleaned, Furniture, FurnitureRules, clean, clean_paragraphs};
pub use decode::DecodeError;
pub use dedup::{Dedup, article_hash};
pub use format::{Article, Body, Format, FormatError, Parsed, parse};
pub use known::{is_under, known_sources, listing_order};
pub use lang::detect as detect_lang;
pub use load::MAX_ARTICLE_BYTES;
pub use read::{Listing, MAX_FILE_BYTES, Source, collect_sources};
pub use stream::{
    BATCH_BYTES, BATCH_FILES, Batch, FILE_TIME, Options, Order, Progress, stream, stream_with,
};
pub use title::{derive_title, shorten};

use crate::text::{self, DocId, Lang, Span};

/// Words per minute for the reading time shown in the list and status line.
const READING_WPM: usize = 230;

/// One article, cleaned. Every offset into it is a byte offset into `body`.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: DocId,
    /// The id of FACTS.md: path relative to the folder it was found in,
    /// without the extension.
    pub key: String,
    /// The path as given on the command line or found under a folder.
    pub path: String,
    pub lang: Lang,
    pub title: String,
    /// Whether `title` is a headline that stands above the body (and is not
    /// part of it) rather than the body's first sentence shortened.
    pub has_headline: bool,
    /// The clean text: paragraphs separated by one blank line, furniture
    /// out. Shared, not copied, when the document is cloned (the corpus
    /// search's thread holds the articles as they were when asked).
    pub body: std::sync::Arc<str>,
    /// Each paragraph's span in `body`, in order.
    pub paragraphs: Vec<Span>,
    /// Hidden lines, with the paragraph they stood before.
    pub furniture: Vec<Furniture>,
    pub words: usize,
    /// Where the article was published, when the source says (a page's
    /// canonical URL, a record's `url`, a feed item's link).
    pub url: Option<String>,
    /// The publication date: ISO-8601 `YYYY-MM-DD` when the source's date
    /// could be read, else as the source writes it.
    pub date: Option<String>,
    /// The author(s), as the source names them.
    pub byline: Option<String>,
    /// The publication's name (a page's site name, a feed's title).
    pub site: Option<String>,
    /// The hash of title and body that keys the reading state, computed
    /// once (see [`crate::state::content_hash`]).
    pub(crate) hash: std::sync::OnceLock<u64>,
}

impl Document {
    /// Builds a document from decoded text.
    pub fn from_text(id: DocId, key: String, path: String, raw: &str) -> Self {
        Self::from_article(id, key, path, Article::raw(raw.to_string()))
    }

    /// Builds a document from an article as its format gave it: plain text
    /// has its headline found by [`clean`]; structured sources give theirs.
    pub fn from_article(id: DocId, key: String, path: String, article: Article) -> Self {
        let rules = FurnitureRules::bundled();
        let cleaned = match &article.body {
            Body::Raw(text) => clean(text, rules),
            Body::Paragraphs(ps) => clean_paragraphs(article.title.as_deref(), ps, rules),
        };
        let (body, paragraphs) = join_paragraphs(&cleaned.paragraphs);
        let has_headline = cleaned.headline.is_some();
        let title = cleaned.headline.unwrap_or_else(|| derive_title(&body));
        let lang = detect_lang(&title, &body);
        let words = words::count(&body);
        let safe = |field: Option<String>| field.map(|f| text::sanitize(&f).into_owned());
        Self {
            id,
            key,
            path,
            lang,
            title,
            has_headline,
            body: body.into(),
            paragraphs,
            furniture: cleaned.furniture,
            words,
            url: safe(article.url),
            date: safe(article.date),
            byline: safe(article.byline),
            site: safe(article.site),
            hash: std::sync::OnceLock::new(),
        }
    }

    /// A field of the article's header, when the source gives it.
    pub fn header(&self, field: HeaderField) -> Option<&str> {
        match field {
            HeaderField::Byline => self.byline.as_deref(),
            HeaderField::Date => self.date.as_deref(),
            HeaderField::Site => self.site.as_deref(),
            HeaderField::Url => self.url.as_deref(),
        }
    }

    /// The path, with `#N` for an article inside a file that holds several.
    pub fn label(&self) -> String {
        match self.key.rsplit_once('#') {
            Some((_, n)) if n.parse::<usize>().is_ok() => format!("{}#{n}", self.path),
            _ => self.path.clone(),
        }
    }

    /// Reading time in whole minutes, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(READING_WPM).max(1)
    }

    /// The text of paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &str {
        self.paragraphs.get(i).map_or("", |s| s.get(&self.body))
    }
}

/// What an article's header shows above its text, in this order: who
/// wrote it, when, where it appeared and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderField {
    Byline,
    Date,
    Site,
    Url,
}

impl HeaderField {
    pub const ALL: [HeaderField; 4] = [Self::Byline, Self::Date, Self::Site, Self::Url];

    /// Its name on screen and in `dossier text`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Byline => "By",
            Self::Date => "Date",
            Self::Site => "Site",
            Self::Url => "URL",
        }
    }

    /// Its key in `dossier facts --json`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Byline => "byline",
            Self::Date => "date",
            Self::Site => "site",
            Self::Url => "url",
        }
    }
}

/// Paragraphs joined into a body, one blank line between them, with each
/// paragraph's span in it.
pub fn join_paragraphs(paragraphs: &[String]) -> (String, Vec<Span>) {
    let mut body = String::with_capacity(paragraphs.iter().map(|p| p.len() + 2).sum());
    let mut spans = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(p);
        spans.push(Span::new(start, body.len()));
    }
    (body, spans)
}

/// What is said about one file: a problem (it, or an article in it, could
/// not be loaded) or a note (worth knowing, no failure); which of the two
/// is said by the list that holds it ([`Corpus::problems`] or
/// [`Corpus::notes`]). Shown on screen and on stderr, always on one line:
/// controls and line feeds in a name become symbols.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", text::one_line(&self.path), text::one_line(&self.message))
    }
}

/// Every article loaded, and every file that was not.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    /// Files (or articles in them) that could not be loaded: shown, and
    /// `facts`/`text` exit with status 2.
    pub problems: Vec<Notice>,
    /// Things worth knowing that are no failure, such as an article loaded
    /// once although several files hold it. They do not change the exit status.
    pub notes: Vec<Notice>,
}

/// The four bundled articles, built into the binary.
const BUNDLED: [(&str, &str); 4] = [
    ("seeds/000_6dc0939844a5efd4.txt", include_str!("../seeds/000_6dc0939844a5efd4.txt")),
    ("seeds/001_3619a924b1370d17.txt", include_str!("../seeds/001_3619a924b1370d17.txt")),
    ("seeds/002_dd08393f41e03160.txt", include_str!("../seeds/002_dd08393f41e03160.txt")),
    ("seeds/003_44c837e2f8303224.txt", include_str!("../seeds/003_44c837e2f8303224.txt")),
];

impl Corpus {
    /// The bundled articles, so that dossier works from any directory.
    pub fn bundled() -> Self {
        let docs = BUNDLED
            .iter()
            .enumerate()
            .map(|(i, (path, raw))| {
                let key = file_stem(Path::new(path));
                Document::from_text(DocId(i), key, (*path).to_string(), raw)
            })
            .collect();
        Self { docs, ..Self::default() }
    }

    /// The bundled articles when no path is given, else the paths.
    pub fn open(paths: &[PathBuf]) -> Self {
        if paths.is_empty() { Self::bundled() } else { Self::load(paths) }
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_articles_load_with_their_languages() {
        let corpus = Corpus::bundled();
        let langs: Vec<_> = corpus.docs.iter().map(|d| d.lang.code()).collect();
        assert_eq!(langs, ["vi", "en", "de", "nl"]);
        assert_eq!(corpus.docs[0].key, "000_6dc0939844a5efd4");
        assert!(corpus.problems.is_empty());
    }

    #[test]
    fn repeated_headline_shows_once() {
        let doc = &Corpus::bundled().docs[1];
        assert!(doc.has_headline);
        assert_eq!(
            doc.title,
            "Alibaba Announces Exit from Cloud Business to Focus on Core Operations"
        );
        assert!(!doc.body.contains("Alibaba Announces Exit"));
    }

    #[test]
    fn paragraph_spans_slice_the_body() {
        for doc in Corpus::bundled().docs {
            for (i, span) in doc.paragraphs.iter().enumerate() {
                let p = doc.paragraph(i);
                assert_eq!(p.len(), span.len());
                assert!(!p.trim().is_empty());
            }
        }
    }
}
