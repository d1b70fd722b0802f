//! Money: an amount with a currency written before it (`$2.7 billion`,
//! `US$5m`, `€ 50`, `USD 5`) or after it (`2,6 tỷ USD`, `825 miljoen
//! dollar`, `5 millions d'euros`, `100亿元`), or a range of them (`$5 to $7`,
//! `5–7 Mrd. Euro`). The value is the amount in whole units, `currency` its
//! ISO 4217 code. Currencies come from `assets/facts/currencies.toml`.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;

use super::number::{Amount, Lexicon, SP, alternation, alternation_ci, whole_word};
use super::scan::{Alternatives, Groups};
use super::{Fact, Input, Kind, Value};
use crate::text::Span;

#[derive(Deserialize)]
struct File {
    currency: Vec<Currency>,
    ambiguous: Vec<Ambiguous>,
    codes: Codes,
}

/// A currency name several countries use (`francs`).
#[derive(Deserialize)]
struct Ambiguous {
    words: Vec<String>,
    default: String,
    countries: HashMap<String, String>,
}

#[derive(Deserialize)]
struct Currency {
    code: String,
    before: Vec<String>,
    after: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
    #[serde(default)]
    large: Vec<String>,
    /// The worth of one in whole units: `0.01` for cents and centimes.
    #[serde(default = "one")]
    unit: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
struct Codes {
    list: Vec<String>,
}

/// Between two amounts of a range.
const RANGE: &str =
    r"(?:[ \u{a0}]?[-–—][ \u{a0}]?|[ \u{a0}](?i:to|bis|tot|à|a|au|al|đến|tới|až|até)[ \u{a0}])";

/// Between a magnitude and its currency in the Romance languages
/// (`millions de dollars`, `milliards d'euros`).
const OF: &str = r"(?:[ \u{a0}](?i:de|di)[ \u{a0}]|[ \u{a0}](?i:d)['’])";

/// Between a number, its magnitude and its currency: a space, or a hyphen
/// in a German compound (`20-Milliarden-Euro-Programm`).
const JOIN: &str = r"[ \u{a0}\u{202f}-]?";

/// Compiled once per extractor.
pub struct Rules {
    lex: Arc<Lexicon>,
    /// Sign or code first, amount first.
    re: Alternatives,
    /// Sign or code before the amount → ISO code (case-sensitive).
    before: HashMap<String, String>,
    ambiguous: Vec<Ambiguous>,
    /// Name, sign or code after the amount, lower-cased → ISO code and
    /// the worth of one (`cents` → USD, 0.01).
    after: HashMap<String, (String, f64)>,
}

impl Rules {
    pub fn new(lex: Arc<Lexicon>) -> Self {
        let file: File = toml::from_str(include_str!("../../assets/facts/currencies.toml"))
            .expect("currencies.toml parses");
        let mut before = HashMap::new();
        let mut after = HashMap::new();
        let (mut codes, mut names) = (Vec::new(), Vec::new());
        let (mut weak, mut large) = (Vec::new(), Vec::new());
        for c in &file.currency {
            codes.push(c.code.clone());
            for b in &c.before {
                before.insert(b.clone(), c.code.clone());
            }
            for a in c.after.iter().chain(&c.weak).chain(&c.large) {
                after.insert(a.to_lowercase(), (c.code.clone(), c.unit));
            }
            names.extend(c.after.iter().cloned());
            weak.extend(c.weak.iter().cloned());
            large.extend(c.large.iter().cloned());
        }
        codes.extend(file.codes.list);
        for code in &codes {
            before.insert(code.clone(), code.clone());
            after.entry(code.to_lowercase()).or_insert((code.clone(), 1.0));
        }
        let re = Alternatives::new(&pattern(&lex, &before, &codes, &names, &weak, &large));
        let ambiguous = file
            .ambiguous
            .into_iter()
            .map(|a| Ambiguous { words: a.words.iter().map(|w| w.to_lowercase()).collect(), ..a })
            .collect();
        Self { lex, re, before, ambiguous, after }
    }

    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let mut facts = Vec::new();
        let mut pos = 0;
        while let Some(caps) = self.re.captures_at(input.text, pos) {
            let m = caps.all().expect("group 0");
            match self.fact(&caps, input) {
                Some(fact) => {
                    pos = fact.span.end.max(m.start() + 1);
                    facts.push(fact);
                }
                None => pos = next_char(input.text, m.start()),
            }
        }
        facts
    }

    /// Gives an amount in a currency name several countries use (`francs`)
    /// the currency of the country `facts` name most as places (`France`
    /// → FRF), or the name's default. Linear in the facts.
    pub fn by_country(&self, facts: &mut [Fact], text: &str) {
        for a in &self.ambiguous {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for f in facts.iter().filter(|f| f.kind == Kind::Place) {
                if let super::Value::Text(v) = &f.value
                    && let Some(code) = a.countries.get(v)
                {
                    *counts.entry(code.as_str()).or_default() += 1;
                }
            }
            let best = counts.into_iter().max_by_key(|(code, n)| (*n, *code == a.default));
            let code = best.map_or(a.default.as_str(), |(code, _)| code).to_string();
            for f in facts.iter_mut().filter(|f| f.kind == Kind::Money) {
                let last = f.span.get(text).rsplit([' ', '\u{a0}', '-']).next().unwrap_or("");
                if a.words.contains(&last.to_lowercase()) {
                    f.currency = Some(code.clone());
                }
            }
        }
    }

    /// The fact of one match, or `None` when it runs into a word
    /// (`$5 millionaires`) or a weak currency name (`pounds`) has no magnitude.
    fn fact(&self, caps: &Groups<'_>, input: Input<'_>) -> Option<Fact> {
        let lex = &*self.lex;
        if let Some(pre) = caps.name("pre") {
            let a = lex.amount(caps, "a", input.lang)?;
            let mut b = lex.amount(caps, "b", input.lang);
            // `$5 and $7` is a range only after `between`; `from $5 billion
            // to $7 billion` and `cut by $5 to $80` are changes, two amounts.
            let change = caps.name("pre2").is_some()
                && matches!(word_before(input.text, pre.start()).as_str(), "from" | "by");
            if change || caps.name("and1").is_some() && !lex.after_between(input.text, pre.start())
            {
                b = None;
            }
            let end = b.map_or(a.end, |b| b.end);
            if !whole_word(input.text, pre.start(), end) || glued_code(input.text, pre.end()) {
                return None;
            }
            let code = self.before.get(pre.as_str())?;
            return Self::build(pre.start(), end, a, b, (code, 1.0));
        }
        let a = lex.amount(caps, "c", input.lang)?;
        let b = lex.amount(caps, "d", input.lang);
        if caps.name("and2").is_some() && !lex.after_between(input.text, a.start) {
            return None;
        }
        let cur = ["code", "name", "weak", "large"].iter().find_map(|g| caps.name(g))?;
        let magnitude = b.map_or(a.magnitude, |b| b.magnitude);
        if caps.name("weak").is_some() && (magnitude.is_none() || of_after(input.text, cur.end())) {
            return None;
        }
        if caps.name("large").is_some() && magnitude.is_none() && a.number < 1000.0 {
            return None;
        }
        if caps.name("of").is_some() && magnitude.is_none() {
            return None;
        }
        if !whole_word(input.text, a.start, cur.end()) {
            return None;
        }
        let (code, unit) = self.after.get(&cur.as_str().to_lowercase())?;
        Self::build(a.start, cur.end(), a, b, (code, *unit))
    }

    /// The fact, or `None` when an amount is too large to hold.
    fn build(
        start: usize,
        end: usize,
        a: Amount,
        b: Option<Amount>,
        (code, unit): (&str, f64),
    ) -> Option<Fact> {
        // `5–7 Mrd. Euro`: the magnitude of the upper bound counts for both.
        let a = match b {
            Some(b) if a.magnitude.is_none() => Amount { magnitude: b.magnitude, ..a },
            _ => a,
        };
        if !a.held() || b.is_some_and(|b| !b.held()) {
            return None;
        }
        let worth = |x: Amount| round_cents(x.total() * unit);
        let mut fact = Fact::new(Kind::Money, Span::new(start, end), Value::Number(worth(a)));
        fact.max = b.map(worth);
        fact.currency = Some(code.to_string());
        Some(fact)
    }
}

/// The money regex, its two alternatives: `PRE amount (RANGE PRE? amount)?`
/// and `amount (RANGE amount)? (space | of) CURRENCY`.
fn pattern(
    lex: &Lexicon,
    before: &HashMap<String, String>,
    codes: &[String],
    names: &[String],
    weak: &[String],
    large: &[String],
) -> [String; 2] {
    let pre = alternation(before.keys().map(String::as_str));
    let code = alternation(codes.iter().map(String::as_str));
    let name = alternation_ci(names.iter().map(String::as_str));
    let weak = alternation_ci(weak.iter().map(String::as_str));
    let large = alternation_ci(large.iter().map(String::as_str));
    let (a, b, c, d) = (
        lex.amount_pattern("a"),
        lex.amount_pattern("b"),
        lex.amount_pattern_joined("c", JOIN),
        lex.amount_pattern_joined("d", JOIN),
    );
    let and = &lex.and_pattern;
    let amounts =
        format!("(?i:{c})(?:(?:{RANGE}|[ \\u{{a0}}](?P<and2>(?i:{and}))[ \\u{{a0}}])(?i:{d}))?");
    [
        format!(
            "(?P<pre>{pre}){SP}(?i:{a})(?:(?:{RANGE}|[ \\u{{a0}}](?P<and1>(?i:{and}))[ \\u{{a0}}])(?P<pre2>{pre})?{SP}(?i:{b}))?"
        ),
        format!(
            "{amounts}(?:(?P<of>{OF})|{JOIN})(?:(?P<code>{code})|(?P<name>(?i:{name}))|(?P<weak>(?i:{weak}))|(?P<large>(?i:{large})))"
        ),
    ]
}

/// An ISO code glued to the digits after it (`RON95` is a petrol grade,
/// `USD5` nobody writes): codes take a space, signs need none (`$5`, `Rs500`).
fn glued_code(text: &str, pre_end: usize) -> bool {
    let pre = text.get(..pre_end).unwrap_or("");
    let code = pre.len() >= 3
        && pre.get(pre.len() - 3..).is_some_and(|c| c.bytes().all(|b| b.is_ascii_uppercase()));
    code && text.get(pre_end..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `of` follows (`1.5 million pounds of lead` weighs).
fn of_after(text: &str, end: usize) -> bool {
    // Past a bracket that closes around the amount: `[1.5 million pounds] of`.
    let rest = text.get(end..).unwrap_or("").trim_start_matches([']', ')']);
    let word = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(word.as_str(), "of" | "de" | "di" | "van" | "von")
}

/// Cents worth rounded to the cent (`0.07 * 100` is not `7.000000000000001`).
fn round_cents(x: f64) -> f64 {
    if x.abs() < 1e12 { (x * 100.0).round() / 100.0 } else { x }
}

/// The word before `start`, lower-cased.
fn word_before(text: &str, start: usize) -> String {
    text.get(..start).and_then(|s| s.split_whitespace().next_back()).unwrap_or("").to_lowercase()
}

/// The offset of the character after the one at `i`.
fn next_char(text: &str, i: usize) -> usize {
    text.get(i..).and_then(|s| s.chars().next()).map_or(text.len() + 1, |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Field;
    use crate::text::Lang;

    fn money(text: &str, lang: Lang) -> Vec<(String, f64, String)> {
        let rules = Rules::new(Arc::new(Lexicon::load()));
        rules
            .find(Input { text, lang, field: Field::Body })
            .into_iter()
            .map(|f| {
                let v = match f.value {
                    Value::Number(n) => n,
                    _ => f64::NAN,
                };
                (f.span.get(text).to_string(), v, f.currency.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn symbol_before_and_name_after() {
        assert_eq!(
            money("raised $2.7 billion", Lang::EN),
            [("$2.7 billion".into(), 2.7e9, "USD".into())]
        );
        assert_eq!(money("kostet 50 € pro", Lang::DE), [("50 €".into(), 50.0, "EUR".into())]);
        let fr = money("5 millions d'euros", Lang::from_static("fr"));
        assert_eq!((fr[0].1 as i64, fr[0].2.as_str()), (5_000_000, "EUR"));
    }

    #[test]
    fn weights_are_not_money() {
        assert!(money("5 pounds of flour", Lang::EN).is_empty());
        assert!(money("a 200-pound man", Lang::EN).is_empty());
        assert_eq!(money("3 billion pounds", Lang::EN)[0].2, "GBP");
    }
}
