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

use crate::corpus::Document;
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

    /// All facts of a document, headline first, then the body in reading order.
    pub fn extract(&self, doc: &Document) -> Vec<Fact> {
        let mut facts = Vec::new();
        if doc.has_headline {
            facts.extend(self.extract_text(Input {
                text: &doc.title,
                lang: doc.lang,
                field: Field::Title,
            }));
        }
        facts.extend(self.extract_text(Input {
            text: &doc.body,
            lang: doc.lang,
            field: Field::Body,
        }));
        resolve::resolve(&mut facts, doc, &self.names);
        // Headline first, then the body, each in reading order: the reader
        // finds the facts of a line by binary search.
        facts.sort_by_key(|f| (f.field == Field::Body, f.span.start, f.kind));
        facts
    }

    /// The facts of one text, before names are resolved across the document.
    pub fn extract_text(&self, input: Input<'_>) -> Vec<Fact> {
        let mut facts = Vec::new();
        facts.extend(self.money.find(input));
        facts.extend(self.percent.find(input));
        facts.extend(self.date.find(input));
        facts.extend(self.names.find(input));
        facts.extend(self.place.find(input));
        facts.extend(self.quote.find(input));
        for f in &mut facts {
            f.field = input.field;
        }
        self.money.by_country(&mut facts, input.text);
        date::drop_overlapped(&mut facts);
        facts.sort_by_key(|f| (f.span.start, f.kind));
        facts
    }
}
