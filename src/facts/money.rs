//! Money: an amount with a currency written before it (`$2.7 billion`,
//! `US$5m`, `€ 50`, `USD 5`) or after it (`2,6 tỷ USD`, `825 miljoen
//! dollar`, `5 millions d'euros`, `100亿元`), or a range of them (`$5 to $7`,
//! `5–7 Mrd. Euro`). The value is the amount in whole units, `currency` its
//! ISO 4217 code. Currencies come from `assets/facts/currencies.toml`.

use std::collections::HashMap;
use std::sync::Arc;

use regex::{Captures, Regex};
use serde::Deserialize;

use super::number::{Amount, Lexicon, SP, alternation, whole_word};
use super::{Fact, Input, Kind, Value};
use crate::text::Span;

#[derive(Deserialize)]
struct File {
    currency: Vec<Currency>,
    codes: Codes,
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

/// Compiled once per extractor.
pub struct Rules {
    lex: Arc<Lexicon>,
    re: Regex,
    /// Sign or code before the amount → ISO code (case-sensitive).
    before: HashMap<String, String>,
    /// Name, sign or code after the amount, lower-cased → ISO code.
    after: HashMap<String, String>,
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
                after.insert(a.to_lowercase(), c.code.clone());
            }
            names.extend(c.after.iter().cloned());
            weak.extend(c.weak.iter().cloned());
            large.extend(c.large.iter().cloned());
        }
        codes.extend(file.codes.list);
        for code in &codes {
            before.insert(code.clone(), code.clone());
            after.insert(code.to_lowercase(), code.clone());
        }
        let re = Regex::new(&pattern(&lex, &before, &codes, &names, &weak, &large))
            .expect("money regex");
        Self { lex, re, before, after }
    }

    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let mut facts = Vec::new();
        let mut pos = 0;
        while let Some(caps) = self.re.captures_at(input.text, pos) {
            let m = caps.get(0).expect("group 0");
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

    /// The fact of one match, or `None` when it runs into a word
    /// (`$5 millionaires`) or a weak currency name (`pounds`) has no magnitude.
    fn fact(&self, caps: &Captures<'_>, input: Input<'_>) -> Option<Fact> {
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
            if !whole_word(input.text, pre.start(), end) {
                return None;
            }
            return Self::build(pre.start(), end, a, b, self.before.get(pre.as_str())?);
        }
        let a = lex.amount(caps, "c", input.lang)?;
        let b = lex.amount(caps, "d", input.lang);
        if caps.name("and2").is_some() && !lex.after_between(input.text, a.start) {
            return None;
        }
        let cur = ["code", "name", "weak", "large"].iter().find_map(|g| caps.name(g))?;
        let magnitude = b.map_or(a.magnitude, |b| b.magnitude);
        if caps.name("weak").is_some() && magnitude.is_none() {
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
        let code = self.after.get(&cur.as_str().to_lowercase())?;
        Self::build(a.start, cur.end(), a, b, code)
    }

    /// The fact, or `None` when an amount is too large to hold.
    fn build(start: usize, end: usize, a: Amount, b: Option<Amount>, code: &str) -> Option<Fact> {
        // `5–7 Mrd. Euro`: the magnitude of the upper bound counts for both.
        let a = match b {
            Some(b) if a.magnitude.is_none() => Amount { magnitude: b.magnitude, ..a },
            _ => a,
        };
        if !a.held() || b.is_some_and(|b| !b.held()) {
            return None;
        }
        let mut fact = Fact::new(Kind::Money, Span::new(start, end), Value::Number(a.total()));
        fact.max = b.map(Amount::total);
        fact.currency = Some(code.to_string());
        Some(fact)
    }
}

/// The money regex: `PRE amount (RANGE PRE? amount)?` or
/// `amount (RANGE amount)? (space | of) CURRENCY`.
fn pattern(
    lex: &Lexicon,
    before: &HashMap<String, String>,
    codes: &[String],
    names: &[String],
    weak: &[String],
    large: &[String],
) -> String {
    let pre = alternation(before.keys().map(String::as_str));
    let code = alternation(codes.iter().map(String::as_str));
    let name = alternation(names.iter().map(String::as_str));
    let weak = alternation(weak.iter().map(String::as_str));
    let large = alternation(large.iter().map(String::as_str));
    let (a, b, c, d) = (
        lex.amount_pattern("a"),
        lex.amount_pattern("b"),
        lex.amount_pattern("c"),
        lex.amount_pattern("d"),
    );
    let and = &lex.and_pattern;
    let amounts =
        format!("(?i:{c})(?:(?:{RANGE}|[ \\u{{a0}}](?P<and2>(?i:{and}))[ \\u{{a0}}])(?i:{d}))?");
    format!(
        "(?P<pre>{pre}){SP}(?i:{a})(?:(?:{RANGE}|[ \\u{{a0}}](?P<and1>(?i:{and}))[ \\u{{a0}}])(?P<pre2>{pre})?{SP}(?i:{b}))?\
         |{amounts}(?:(?P<of>{OF})|{SP})(?:(?P<code>{code})|(?P<name>(?i:{name}))|(?P<weak>(?i:{weak}))|(?P<large>(?i:{large})))"
    )
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
