//! Percentages: a number and a percent sign or word in any language
//! (`37%`, `9 Prozent`, `90 procent`, `2,5 %`, `zwei Prozent`, `phần
//! trăm`), points of a percentage (`Prozentpunkte`), a sign (`-5%`) and
//! ranges (`30 bis 50 Prozent`, `30-50%`, `30%–50%`) as one fact with `max`.
//! `5% to 10%` is two facts: a change from one to the other, not a range.

use std::sync::Arc;

use super::number::{DIGITS, Lexicon, SP, alternation_ci, continues_word, whole_word};
use super::scan::{Alternatives, Groups};
use super::{Fact, Input, Kind, Value};
use crate::text::Span;

/// Word connectors of a range, written between two bare numbers.
const RANGE_WORDS: &str = "to|bis|tot|à|a|au|al|đến|tới|až|até|og|till";

/// Compiled once per extractor.
pub struct Rules {
    lex: Arc<Lexicon>,
    re: Alternatives,
}

impl Rules {
    pub fn new(lex: Arc<Lexicon>) -> Self {
        let num = format!("{DIGITS}|(?i:{})", lex.word_pattern());
        let units = alternation_ci(lex.percent_units.iter().map(String::as_str));
        let and = &lex.and_pattern;
        let pattern = format!(
            "(?P<sign>[-+−])?(?P<a>{num})\
             (?:(?:{SP}[%％])?{SP}[-–—]{SP}(?P<b>{num})|[ \\u{{a0}}](?i:{RANGE_WORDS})[ \\u{{a0}}](?P<c>{num})\
             |[ \\u{{a0}}](?i:{and})[ \\u{{a0}}](?:(?i:el|la|the)[ \\u{{a0}}])?(?P<d>{num}))?\
             {SP}(?P<unit>(?i:{units}))"
        );
        Self { re: Alternatives::new(&[pattern]), lex }
    }

    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let mut facts = Vec::new();
        let mut pos = 0;
        while let Some(caps) = self.re.captures_at(input.text, pos) {
            let m = caps.all().expect("group 0");
            if let Some(fact) = fact(&self.lex, &caps, input) {
                facts.push(fact);
                pos = m.end();
            } else {
                pos = caps.name("a").map_or(m.end(), |a| a.end());
            }
        }
        facts
    }
}

fn fact(lex: &Lexicon, caps: &Groups<'_>, input: Input<'_>) -> Option<Fact> {
    let a = caps.name("a")?;
    let unit = caps.name("unit")?;
    // A sign counts only when it does not join two numbers (`30-50%`) or a
    // word (`Covid-19%`).
    let sign = caps.name("sign").filter(|s| {
        input
            .text
            .get(..s.start())
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| !continues_word(c))
    });
    let start = sign.map_or(a.start(), |s| s.start());
    if !whole_word(input.text, a.start(), unit.end()) {
        return None;
    }
    let negative = sign.is_some_and(|s| s.as_str() != "+");
    let signed = |v: f64| if negative { -v } else { v };
    let value = signed(lex.value(a.as_str(), input.lang)?);
    let mut fact = Fact::new(Kind::Percent, Span::new(start, unit.end()), Value::Number(value));
    // `4 und 6 Prozent` is a range only after `zwischen`.
    if caps.name("d").is_some() && !lex.after_between(input.text, start) {
        return None;
    }
    if let Some(b) = caps.name("b").or_else(|| caps.name("c")).or_else(|| caps.name("d")) {
        fact.max = Some(lex.value(b.as_str(), input.lang)?);
    }
    Some(fact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Field;
    use crate::text::Lang;

    fn percents(text: &str, lang: Lang) -> Vec<(String, f64, Option<f64>)> {
        Rules::new(Arc::new(Lexicon::load()))
            .find(Input { text, lang, field: Field::Body })
            .into_iter()
            .map(|f| {
                let v = if let Value::Number(n) = f.value { n } else { f64::NAN };
                (f.span.get(text).to_string(), v, f.max)
            })
            .collect()
    }

    #[test]
    fn ranges_signs_and_words() {
        assert_eq!(
            percents("um 30 bis 50 Prozent", Lang::DE),
            [("30 bis 50 Prozent".into(), 30.0, Some(50.0))]
        );
        assert_eq!(percents("fell -5%.", Lang::EN), [("-5%".into(), -5.0, None)]);
        assert_eq!(percents("tăng 2,5 %", Lang::VI), [("2,5 %".into(), 2.5, None)]);
        assert_eq!(percents("from 5% to 10%", Lang::EN).len(), 2);
        assert!(percents("A380 Prozentrechnung", Lang::DE).is_empty());
    }
}
