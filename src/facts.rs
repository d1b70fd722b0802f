//! A document's cleaned body (and headline) → [`Fact`]s with byte spans:
//! money, percentages, dates, people, organisations, places and quotes, in
//! any language, with normalised values (see `FACTS.md`).
//!
//! Headless: nothing here may import `ratatui` or `crossterm` (a test
//! guards this). Every word list comes from `assets/facts/` (what stays in
//! code is grammar: case endings, word shapes, the normal forms of values).
//! Every regex and word automaton belongs to the [`Extractor`]: compiled
//! once in [`Extractor::new`], except the gazetteer of places, built at
//! compile time (`build.rs`), and each date shape's own small regex for
//! reading its groups, compiled the first time that shape matches.

mod date;
pub use date::relative::{self as relative_date, Resolution};
mod money;
mod names;
mod number;
mod percent;
mod place;
mod quote;
mod resolve;
mod scan;
mod speaker;
mod tokens;

use serde::Serialize;

use crate::corpus::{Document, Notice};
use crate::text::{Lang, Span};

/// Part of the store's extraction version, beside a hash of every file of
/// `src/facts` and `assets/facts` (so a change there needs no bump): bump it
/// for a change elsewhere that changes what [`Extractor::extract`] returns.
pub const VERSION: u32 = 1;

/// The kinds of fact, in the order the sidebar shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Money,
    Percent,
    Date,
    Person,
    Org,
    Place,
    Quote,
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Money, Kind::Percent, Kind::Date, Kind::Person, Kind::Org, Kind::Place, Kind::Quote];

    /// The name used in JSON and in FACTS.md.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Date => "date",
            Kind::Person => "person",
            Kind::Org => "org",
            Kind::Place => "place",
            Kind::Quote => "quote",
        }
    }

    /// The heading of the kind's group in the sidebar.
    pub const fn heading(self) -> &'static str {
        match self {
            Kind::Money => "Money",
            Kind::Percent => "Percentages",
            Kind::Date => "Dates",
            Kind::Person => "People",
            Kind::Org => "Organisations",
            Kind::Place => "Places",
            Kind::Quote => "Quotes",
        }
    }

    /// Kinds whose value names an entity (scored and indexed on `value`).
    pub const fn is_entity(self) -> bool {
        matches!(self, Kind::Person | Kind::Org | Kind::Place)
    }
}

/// Where a fact stands: in the body (the default) or in the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    #[default]
    Body,
    Title,
}

/// The normalised value of a fact.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// Quotes have no value.
    #[default]
    None,
    /// Money (in whole units) and percentages.
    Number(f64),
    /// Dates (`Q1`, `last year`, `2018`) and the canonical names of people,
    /// organisations and places.
    Text(String),
}

/// One mention of a fact in a document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fact {
    pub kind: Kind,
    /// Which text `span` points into.
    pub field: Field,
    /// The mention, as byte offsets into the body (or the headline).
    pub span: Span,
    pub value: Value,
    /// The upper bound of a range (`30 bis 50 Prozent`: value 30, max 50).
    pub max: Option<f64>,
    /// ISO 4217 code, for money.
    pub currency: Option<String>,
    /// For people: role (`analyst`, `CEO`, English, lower case as stated) and organisation.
    pub role: Option<String>,
    pub org: Option<String>,
    /// For quotes: the canonical name of the speaker, when known.
    pub speaker: Option<String>,
}

impl Fact {
    pub fn new(kind: Kind, span: Span, value: Value) -> Self {
        Self { kind, span, value, ..Self::default() }
    }

    /// The mention as it stands in the document.
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        match self.field {
            Field::Body => self.span.get(&doc.body),
            Field::Title => self.span.get(&doc.title),
        }
    }

    /// The value as text, whatever its kind (`""` for quotes).
    pub fn value_text(&self) -> String {
        match &self.value {
            Value::None => String::new(),
            Value::Number(n) => format_number(*n),
            Value::Text(s) => s.clone(),
        }
    }
}

/// A number without a trailing `.0`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// The text one extractor looks at: a document's body or its headline.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub field: Field,
}

/// Every rule and lexicon, compiled once; [`Extractor::extract`] is then
/// a pure function of the document.
pub struct Extractor {
    money: money::Rules,
    percent: percent::Rules,
    date: date::Rules,
    names: names::Rules,
    place: place::Rules,
    quote: quote::Rules,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Parses the embedded lexicons and compiles every rule. The date
    /// rules (the largest automaton) compile on one core while the rest
    /// compile on another: the first frame waits for this.
    pub fn new() -> Self {
        let numbers = std::sync::Arc::new(number::Lexicon::load());
        let (date, (money, percent, names, place, quote)) = rayon::join(
            || date::Rules::new(numbers.clone()),
            || {
                let (money, percent) =
                    (money::Rules::new(numbers.clone()), percent::Rules::new(numbers.clone()));
                (money, percent, names::Rules::new(), place::Rules::new(), quote::Rules::new())
            },
        );
        Self { money, percent, date, names, place, quote }
    }

    /// All facts of a document, headline first, then the body in reading
    /// order: the body's first [`MAX_FACTS`] (see [`cut_notice`]).
    pub fn extract(&self, doc: &Document) -> Vec<Fact> {
        self.extract_at_most(doc, MAX_FACTS)
    }

    /// [`Self::extract`] keeping at most `most` facts of the body.
    fn extract_at_most(&self, doc: &Document, most: usize) -> Vec<Fact> {
        let lang = doc.lang;
        // The body's facts are the bulk: kept where they are, not copied
        // behind the headline's (resolution sorts the headline's first).
        let body = Input { text: &doc.body, lang, field: Field::Body };
        let (mut facts, searched) = self.extract_windows(body, LONG_TEXT, WINDOW, most);
        if doc.has_headline {
            let title = self.extract_text(Input { text: &doc.title, lang, field: Field::Title });
            // Exactly: the body's facts may fill their vector, whose growth
            // would double it for a headline's few.
            facts.reserve_exact(title.len());
            facts.extend(title);
        }
        // Names are resolved over the text searched: over the rest, each
        // name found would be spread to every mention, all cut again.
        let part;
        let doc = if searched < doc.body.len() {
            part = Document { body: doc.body.get(..searched).unwrap_or("").into(), ..doc.clone() };
            &part
        } else {
            doc
        };
        resolve::resolve(&mut facts, doc, &self.names);
        // Headline first, then the body, each in reading order: the reader
        // finds the facts of a line by binary search.
        sort_in_reading_order(&mut facts);
        let title = facts.partition_point(|f| f.field == Field::Title);
        facts.truncate(title.saturating_add(most));
        facts.shrink_to_fit();
        facts
    }

    /// The facts of one text, before names are resolved across the document.
    ///
    /// A text longer than [`LONG_TEXT`] is searched a window of paragraphs
    /// at a time (see [`windows`]): the finders' working data (words and
    /// their shapes, name candidates) is several times the size of what
    /// they read, so a fact-dense article of tens of megabytes would need
    /// gigabytes at once. Spans are shifted back into the whole text, and
    /// what looks across the text (currency by country, overlapping dates)
    /// runs over all the facts.
    ///
    /// Past [`MAX_FACTS`] facts, the windows left are not searched: what
    /// the caller keeps of them is cut there anyway.
    pub fn extract_text(&self, input: Input<'_>) -> Vec<Fact> {
        self.extract_windows(input, LONG_TEXT, WINDOW, MAX_FACTS).0
    }

    /// [`Self::extract_text`] with windows of about `size` bytes for a text
    /// longer than `long`, none searched once more than `most` facts are
    /// found; with the length of the text searched.
    fn extract_windows(
        &self,
        input: Input<'_>,
        long: usize,
        size: usize,
        most: usize,
    ) -> (Vec<Fact>, usize) {
        let mut searched = input.text.len();
        let mut facts = Vec::new();
        if input.text.len() <= long {
            self.find(input, &mut facts);
        } else {
            for (offset, window) in windows(input.text, size) {
                let first = facts.len();
                self.find(Input { text: window, ..input }, &mut facts);
                for f in &mut facts[first..] {
                    f.span = Span::new(f.span.start + offset, f.span.end + offset);
                }
                if facts.len() > most {
                    // Dates inside amounts are dropped below whatever the
                    // window; dropped first, they are not counted.
                    date::drop_overlapped(&mut facts);
                    if facts.len() > most {
                        searched = offset + window.len();
                        break;
                    }
                }
            }
        }
        for f in &mut facts {
            f.field = input.field;
        }
        self.money.by_country(&mut facts, input.text);
        date::drop_overlapped(&mut facts);
        sort_in_reading_order(&mut facts);
        (facts, searched)
    }

    /// What every finder finds in `input`, appended to `facts`.
    fn find(&self, input: Input<'_>, facts: &mut Vec<Fact>) {
        facts.extend(self.money.find(input));
        facts.extend(self.percent.find(input));
        facts.extend(self.date.find(input));
        facts.extend(self.names.find(input));
        facts.extend(self.place.find(input));
        facts.extend(self.quote.find(input));
    }
}

/// Sorts facts as the reader reads them: headline first, then the body,
/// each by start, then kind; facts equal in all three keep their order.
///
/// Facts mostly come in that order already (then nothing moves); else
/// their keys are sorted, not the facts, and the facts are moved into place
/// along the cycles of that order: a stable sort of the facts themselves
/// would take a buffer of half of them (tens of megabytes for a long,
/// fact-dense article) and move each several times.
pub(crate) fn sort_in_reading_order(facts: &mut [Fact]) {
    let key = |f: &Fact| (f.field == Field::Body, f.span.start, f.kind);
    if facts.is_sorted_by_key(key) {
        return;
    }
    // The index breaks ties: sorting the pairs is stable for the facts.
    let mut order: Vec<_> = facts.iter().enumerate().map(|(i, f)| (key(f), i)).collect();
    order.sort_unstable();
    let mut from: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    for i in 0..from.len() {
        // Place `j` takes the fact at `from[j]`; a swap settles one place.
        let mut j = i;
        while from[j] != j {
            let k = from[j];
            from[j] = j;
            if k == i {
                break;
            }
            facts.swap(j, k);
            j = k;
        }
    }
}

/// The most facts one article keeps of its body: the first, in reading
/// order; the text after the last of them is not searched (a headline's
/// are kept besides). Real articles are far from it: the evaluation
/// articles have 5 to 26 facts a kilobyte, so a book-length text of 4 MB
/// keeps all of its; a text made of little but names, amounts and dates
/// (50 a kilobyte) reaches it after 2 MB. Bounds the memory and the time
/// one article's facts take: about 160 bytes each while they are found.
pub const MAX_FACTS: usize = 100_000;

/// What to say of an article whose facts were cut at [`MAX_FACTS`] (a
/// note: the article is loaded and shown whole), from its facts alone, so
/// the same is said of facts read back from a library. Said of an article
/// that keeps exactly [`MAX_FACTS`] too; not said if resolving names drops
/// so many of those found before the search stopped that fewer are left
/// (a text made for it), nor after a correction drops one.
pub fn cut_notice(doc: &Document, facts: &[Fact]) -> Option<Notice> {
    cut_notice_at(doc, facts, MAX_FACTS)
}

fn cut_notice_at(doc: &Document, facts: &[Fact], most: usize) -> Option<Notice> {
    let title = facts.partition_point(|f| f.field == Field::Title);
    let body = facts.get(title..)?;
    if body.len() < most {
        return None;
    }
    let end = body.last().map_or(0, |f| f.span.end);
    let share = (end as f64 / doc.body.len().max(1) as f64 * 100.0).floor();
    Some(Notice {
        path: doc.label(),
        message: format!(
            "facts cut at {most}, the most one article keeps: none after the first {share}% of the text"
        ),
    })
}

/// Texts up to this long are searched whole; longer ones in windows.
/// Articles are far shorter (a long report is a few hundred kilobytes).
pub const LONG_TEXT: usize = 4 << 20;

/// The size a window of a long text aims at.
const WINDOW: usize = 1 << 20;

/// `text` cut into windows of about `size` bytes (offset, window), each
/// ending at a paragraph break (a blank line) if one follows within another
/// `size` bytes, else at a line break, else after a sentence's full stop,
/// else at a character boundary. Nothing a finder reads crosses a blank
/// line but a quotation running over paragraphs, which is cut there.
fn windows(text: &str, size: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = text.get(start..)?;
        let end = if rest.len() <= 2 * size {
            rest.len()
        } else {
            let from = floor_char(rest, size);
            let ahead = rest.get(from..floor_char(rest, 2 * size)).unwrap_or("");
            let cut = ["\n\n", "\n", ". "]
                .iter()
                .find_map(|mark| ahead.find(mark).map(|i| from + i + mark.len()));
            // At least one character, however small `size` is.
            let first = rest.chars().next().map_or(1, char::len_utf8);
            cut.unwrap_or(from).max(first)
        };
        let window = (start, rest.get(..end)?);
        start += end;
        Some(window)
    })
}

/// The largest character boundary of `s` at or before `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_in_reading_order_is_stable() {
        let fact = |field, start, kind, v: &str| Fact {
            field,
            ..Fact::new(kind, Span::new(start, start + 1), Value::Text(v.into()))
        };
        let mut facts = vec![
            fact(Field::Body, 9, Kind::Org, "a"),
            fact(Field::Body, 2, Kind::Place, "b"),
            fact(Field::Title, 5, Kind::Date, "c"),
            fact(Field::Body, 2, Kind::Money, "d"),
            fact(Field::Body, 2, Kind::Place, "e"),
            fact(Field::Title, 1, Kind::Quote, "f"),
            fact(Field::Body, 0, Kind::Org, "g"),
        ];
        let mut want = facts.clone();
        want.sort_by_key(|f| (f.field == Field::Body, f.span.start, f.kind));
        sort_in_reading_order(&mut facts);
        assert_eq!(facts, want);
        let values: String = facts.iter().map(Fact::value_text).collect();
        assert_eq!(values, "fcgdbea");
    }

    #[test]
    fn windows_end_at_paragraphs_and_cover_the_text() {
        let para = "Anna Berger said sales rose 5%. ".repeat(4);
        let text = format!("{para}\n\n").repeat(40);
        let parts: Vec<(usize, &str)> = windows(&text, 300).collect();
        assert!(parts.len() > 5, "{}", parts.len());
        let mut at = 0;
        for (offset, w) in &parts {
            assert_eq!(*offset, at);
            assert!(w.len() <= 600, "{}", w.len());
            at += w.len();
        }
        assert_eq!(at, text.len());
        assert!(parts[..parts.len() - 1].iter().all(|(_, w)| w.ends_with("\n\n")));
        // One paragraph with no break: cut after a sentence, then anywhere.
        let one = "Ein Satz. ".repeat(100);
        assert!(windows(&one, 300).all(|(_, w)| w.ends_with(". ")));
        let none = "é".repeat(1000);
        assert_eq!(windows(&none, 301).map(|(_, w)| w.len()).sum::<usize>(), 2000);
    }

    #[test]
    fn a_long_text_searched_in_windows_has_the_facts_of_the_whole() {
        let para = "Anna Berger of Berger Holdings Ltd said on 5 March 2024 that sales rose \
                    4.5% to $2.7 billion in Germany. \u{201c}We grew,\u{201d} Berger said.";
        let text = format!("{para}\n\n").repeat(30);
        let e = Extractor::new();
        let input = Input { text: &text, lang: Lang::EN, field: Field::Body };
        let (whole, _) = e.extract_windows(input, usize::MAX, 0, usize::MAX);
        let (windowed, _) = e.extract_windows(input, 1000, 400, usize::MAX);
        assert!(whole.len() >= 30 * 6, "{}", whole.len());
        assert_eq!(windowed, whole);
    }

    #[test]
    fn an_article_past_the_cap_keeps_its_first_facts_and_says_so() {
        let para = "Anna Berger of Berger Holdings Ltd said on 5 March 2024 that sales rose \
                    4.5% to $2.7 billion in Germany.";
        let body = format!("{para}\n\n").repeat(40);
        let text = format!("Berger Holdings sales rose\n\n{body}");
        let doc = Document::from_text(crate::text::DocId(0), "k".into(), "k.txt".into(), &text);
        let e = Extractor::new();
        let all = e.extract_at_most(&doc, usize::MAX);
        let in_body = |facts: &[Fact]| facts.iter().filter(|f| f.field == Field::Body).count();
        assert!(in_body(&all) > 200, "{}", all.len());
        assert_eq!(cut_notice(&doc, &all), None, "a real article is far from the cap");
        let cut = e.extract_at_most(&doc, 100);
        assert_eq!(in_body(&cut), 100);
        // The first facts in reading order, headline's included.
        assert_eq!(cut[..], all[..cut.len()]);
        let note = cut_notice_at(&doc, &cut, 100).expect("the cut is said");
        assert_eq!(note.path, "k.txt");
        assert!(note.message.starts_with("facts cut at 100, "), "{}", note.message);
        let share = cut[cut.len() - 1].span.end * 100 / doc.body.len();
        assert!((30..60).contains(&share), "{share}");
        assert!(note.message.ends_with(&format!("the first {share}% of the text")), "{note}");
    }

    #[test]
    fn a_long_text_is_not_searched_past_the_cap() {
        let para = "Anna Berger said on 5 March 2024 that sales rose 4.5% in Germany.";
        let text = format!("{para}\n\n").repeat(200);
        let e = Extractor::new();
        let input = Input { text: &text, lang: Lang::EN, field: Field::Body };
        let (all, whole) = e.extract_windows(input, 1000, 400, usize::MAX);
        let (cut, searched) = e.extract_windows(input, 1000, 400, 50);
        assert_eq!(whole, text.len());
        assert!(searched < text.len() / 4, "{searched}");
        assert!(cut.iter().all(|f| f.span.end <= searched));
        assert!(all.len() >= 800, "{}", all.len());
        // Past 50 facts, the window being searched is the last one.
        assert!((51..100).contains(&cut.len()), "{}", cut.len());
        assert_eq!(cut[..], all[..cut.len()]);
    }
}
