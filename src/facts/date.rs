//! Dates: points and spans of time in any language, as one regex of date
//! shapes built from `assets/facts/dates.toml` (see `date/pattern.rs`).
//!
//! Normal forms of the value: a full date `2024-03-05`; a month of a year
//! `2024-03`; a day without year `March 5`; a month `March`; a weekday
//! `Thursday`; a year `2018`; quarters and halves `Q2`, `H1` (with their
//! year `Q2 2024`); fiscal years `fiscal year`, `FY2024`; relative spans in
//! English words: `last year`, `next 12 months`, `past 3 years`, `a year
//! earlier`, `previous day`; the first three (six) months of a year are
//! `Q1` (`H1`). The text keeps the words that make the mention (`im März`,
//! `am Donnerstag`, `het tweede kwartaal`, `within the next 12 months`)
//! and leaves out plain prepositions (`in 2036` → `2036`).

mod lexicon;
mod normal;
mod pattern;
pub mod relative;
mod vague;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::number::{Lexicon, continues_word, whole_word};
use super::scan::{Group as Match, Groups as Captures, Scanner};
use super::{Fact, Field, Input, Kind, Value};
use crate::text::{Lang, Span};
use normal::{
    cjk_date, day_month, full_year, month_index, month_number, month_year, num, with_year, ymd,
};

/// Compiled once per extractor.
pub struct Rules {
    lex: Arc<Lexicon>,
    /// Every shape, one pattern each: which shape matches at a position
    /// and where it ends, then its groups.
    shapes: Scanner,
    /// The index range of the template shapes.
    templates_at: std::ops::Range<usize>,
    /// The index of the time-of-day shape (the last).
    time_at: usize,
    months: HashMap<String, String>,
    /// Month names that are also common words: months only when capitalised.
    months_also_words: Vec<String>,
    vi_months: HashMap<String, String>,
    weekdays: HashMap<String, String>,
    weekdays_exact: HashMap<String, String>,
    ordinals: HashMap<String, u8>,
    units: HashMap<String, String>,
    relative: HashMap<String, String>,
    positions: HashMap<String, String>,
    templates: Vec<String>,
    /// Vague counts (`few`, `enkele`, `vài`).
    few: HashSet<String>,
    /// `last`, `vergangenen`, `scorso` → last/next/this.
    relative_before: HashMap<String, String>,
    relative_after: HashMap<String, String>,
    vague: vague::Words,
}

impl Rules {
    pub fn new(lex: Arc<Lexicon>) -> Self {
        let f = lexicon::load();
        let templates = pattern::templates(&f, &lex);
        let shapes = pattern::build(&f, &templates);
        let first_template = shapes.len() - pattern::TEMPLATES_FROM_END - templates.len();
        let mut months = lexicon::lookup(&f.months);
        months.extend(lexicon::lookup(&f.month_abbreviations));
        let mut units = lexicon::lookup(&f.units);
        units.extend(lexicon::lookup(&f.units_plural));
        let lower = |m: &HashMap<String, String>| {
            m.iter().map(|(k, v)| (collapse(k), v.clone())).collect::<HashMap<_, _>>()
        };
        Self {
            lex,
            shapes: Scanner::new(&shapes),
            templates_at: first_template..first_template + templates.len(),
            time_at: shapes.len() - 1,
            months,
            months_also_words: f.months_also_words.clone(),
            vi_months: lexicon::exact_lookup(&f.vi_months),
            weekdays: lexicon::lookup(&f.weekdays),
            weekdays_exact: lexicon::exact_lookup(&f.weekdays_exact),
            ordinals: f.ordinals.iter().map(|(k, v)| (k.to_lowercase(), *v)).collect(),
            units,
            few: f.vague.few.iter().map(|w| collapse(w)).collect(),
            relative_before: lower(&f.relative_words.before),
            relative_after: lower(&f.relative_words.after),
            vague: vague::Words::new(&f),
            relative: f.relative.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect(),
            positions: f.positions.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect(),
            templates: templates.into_iter().map(|(_, value)| value).collect(),
        }
    }

    /// Dates in reading order. A match is tried at each position where one
    /// can start, leftmost first; a match that starts inside a word is no
    /// date (and would fail [`whole_word`]), so such positions are skipped.
    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let text = input.text;
        let bytes = text.as_bytes();
        let mut facts = Vec::new();
        let mut pos = 0;
        let mut prev_word = false;
        let mut at = 0;
        let mut matcher = self.shapes.matcher();
        while at < bytes.len() {
            let b = bytes[at];
            let (word, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text.get(at..).and_then(|r| r.chars().next()).unwrap_or(' ');
                (continues_word(c), c.len_utf8())
            };
            let here = at;
            let inside_word = prev_word && word;
            prev_word = word;
            at += len;
            // The rest of a word is inside it: no match starts there.
            if word {
                at = word_end(text, at);
            }
            if here < pos || inside_word || !self.shapes.may_start(b) {
                continue;
            }
            let Some((pid, end)) = matcher.match_at(text, here) else { continue };
            if end == here || !whole_word(text, here, end) || numbered(text, here) {
                continue;
            }
            // A match read as no date (`about 1950`, `this may`) is skipped
            // whole, so that a part of it is not taken for a date instead.
            // A time that is no time (`v 19` before `19. století`) hides
            // nothing: its lead word may start another shape's number.
            let found = text.get(here..end).unwrap_or("");
            if (self.templates_at.contains(&pid.as_usize())
                || pid.as_usize() == self.templates_at.end)
                && input.field == Field::Body
                && title_cased_inside(text, here, found)
            {
                // `This Morning`, `Next Week` inside a sentence: the name
                // of a programme or a column, not a time.
                pos = end;
                continue;
            }
            match self.shape(found, pid.as_usize(), input.lang) {
                Some((start, value)) => {
                    let span = Span::new(here + start, end);
                    facts.push(Fact::new(Kind::Date, span, Value::Text(value)));
                }
                None if pid.as_usize() == self.time_at => continue,
                None => {}
            }
            pos = end;
        }
        join_weekdays(text, &mut facts);
        facts
    }

    /// The shape `i` that matched `found`, read: the offset of the mention
    /// in `found` and its normal form.
    fn shape(&self, found: &str, i: usize, lang: Lang) -> Option<(usize, String)> {
        // A relative phrase is the whole match: a look-up, no groups to read
        // (the most frequent shape, and among the largest regexes).
        if i == self.templates_at.end {
            return self.relative.get(&collapse(found)).map(|v| (0, v.clone()));
        }
        let pid = regex_automata::PatternID::new(i).ok()?;
        self.shapes.read(found, pid, |caps| {
            if self.templates_at.contains(&i) {
                return self.read_template(caps, i - self.templates_at.start, lang);
            }
            if let Some(found) = self.vague.read(caps, lang) {
                return Some(found);
            }
            self.read(caps, lang)
        })
    }

    /// Where the mention starts and its normal form, or `None` when the
    /// match is not a date after all.
    fn read(&self, c: &Captures<'_>, lang: Lang) -> Option<(usize, String)> {
        let start = c.all()?.start();
        let g = |name: &str| c.name(name);
        if let Some(m) = g("iso") {
            return Some((m.start(), ymd(g("iy")?.as_str(), num(g("im"))?, num(g("id"))?)?));
        }
        if let Some(m) = g("num") {
            let (a, b) = (num(g("nd"))?, num(g("nm"))?);
            // English writes month/day; everyone else day/month.
            let (day, month) = if lang == Lang::EN && a <= 12 || b > 12 { (b, a) } else { (a, b) };
            return Some((m.start(), ymd(g("ny")?.as_str(), month, day)?));
        }
        if g("vdm").is_some() {
            return Some((start, day_month(None, num(g("vdmm"))?, num(g("vdd"))?)?));
        }
        if g("viday").is_some() {
            let (day, month) = (num(g("vd"))?, num(g("vm"))?);
            return Some((start, day_month(g("vy"), month, day)?));
        }
        if g("vimon").is_some() {
            let month = match g("vm2") {
                Some(m) => month_number(m.as_str().parse().ok()?)?,
                None => self.vi_months.get(g("vmw")?.as_str())?.clone(),
            };
            return Some((start, month_year(g("vy2"), &month)));
        }
        if g("dm").is_some() {
            let month = self.month(g("dmm")?)?;
            return Some((start, day_month(g("dmy"), month_index(&month)?, num(g("dmd"))?)?));
        }
        if let Some(m) = g("my") {
            let month = self.month(g("mym")?)?;
            let from = if g("myk").is_some() { m.start() } else { g("mym")?.start() };
            return Some((from, month_year(g("myy"), &month)));
        }
        if let Some(m) = g("md") {
            let month = self.month(g("mdm")?)?;
            let from = if g("mdk").is_some() { m.start() } else { g("mdm")?.start() };
            return Some((from, day_month(g("mdy"), month_index(&month)?, num(g("mdd"))?)?));
        }
        if let Some(m) = g("cm") {
            let month = self.month(g("cmm")?)?;
            let cue = g("cmk").or_else(|| g("cmr"));
            let relative = cue
                .and_then(|k| self.relative_before.get(&collapse(k.as_str())))
                .or_else(|| g("cma").and_then(|a| self.relative_after.get(&collapse(a.as_str()))));
            let value = relative.map_or_else(|| month.clone(), |r| format!("{r} {month}"));
            return Some((if cue.is_some() { m.start() } else { g("cmm")?.start() }, value));
        }
        if g("mr").is_some() {
            let month = self.month(g("mrm")?)?;
            let relative = self.relative_after.get(&collapse(g("mra")?.as_str()))?;
            return Some((start, format!("{relative} {month}")));
        }
        if g("wd").is_some() {
            return Some((start, self.weekday(c)?));
        }
        self.read_period(c, start).or_else(|| self.read_relative(c, start))
    }

    /// `Thursday`, `last Saturday`, or the day after the weekday
    /// (`nesta terça-feira (16/07)` → `July 16`).
    fn weekday(&self, c: &Captures<'_>) -> Option<String> {
        let g = |name: &str| c.name(name);
        if let Some(d) = g("wdd") {
            let (day, month) = (num(Some(d))?, num(g("wdm"))?);
            return day_month(g("wdy"), month, day);
        }
        let w = g("wdw")?.as_str();
        let day = self.weekdays.get(&w.to_lowercase()).or_else(|| self.weekdays_exact.get(w))?;
        let relative = g("wdr")
            .and_then(|r| self.relative_before.get(&collapse(r.as_str())))
            .or_else(|| g("wda").and_then(|r| self.relative_after.get(&collapse(r.as_str()))));
        Some(relative.map_or_else(|| day.clone(), |r| format!("{r} {day}")))
    }

    /// Quarters, halves and fiscal years.
    fn read_period(&self, c: &Captures<'_>, start: usize) -> Option<(usize, String)> {
        let g = |name: &str| c.name(name);
        if g("qc").is_some() {
            let n = g("qcn").or_else(|| g("qcn2"))?.as_str();
            return Some((start, with_year(format!("Q{n}"), g("qcy").or_else(|| g("qcy2")))));
        }
        if g("hc").is_some() {
            return Some((start, with_year(format!("H{}", g("hcn")?.as_str()), g("hcy"))));
        }
        if g("fy").is_some() {
            let year = g("fyy").or_else(|| g("fyy2"))?;
            return Some((start, format!("FY{}", full_year(year.as_str()))));
        }
        if g("py").is_some() {
            let position = self.positions.get(&collapse(g("pyw")?.as_str()))?;
            return Some((start, format!("{position} {}", g("pyy")?.as_str())));
        }
        if g("op").is_some() {
            let n = self.ordinals.get(&g("opo")?.as_str().to_lowercase())?;
            let letter = if g("opq").is_some() { 'Q' } else { 'H' };
            if letter == 'H' && *n > 2 {
                return None;
            }
            return Some((start, with_year(format!("{letter}{n}"), g("opy"))));
        }
        if g("vq").is_some() {
            let n = match g("vqn")?.as_str() {
                "I" => "1",
                "II" => "2",
                "III" => "3",
                "IV" => "4",
                n => n,
            };
            return Some((start, with_year(format!("Q{n}"), g("vqy"))));
        }
        if g("zq").is_some() {
            let n = "一二三四"
                .chars()
                .position(|d| g("zqn").is_some_and(|m| m.as_str().starts_with(d)));
            let n = n.map_or_else(
                || g("zqn").map_or("", |m| m.as_str()).to_string(),
                |i| (i + 1).to_string(),
            );
            return Some((start, format!("Q{n}")));
        }
        if g("zd").is_some() {
            return Some((
                start,
                cjk_date(g("zy"), g("zm").or_else(|| g("zm2")), g("zdd").or_else(|| g("zdd2")))?,
            ));
        }
        if g("fis").is_some() {
            return Some((
                start,
                g("fisy").map_or("fiscal year".into(), |y| format!("FY{}", y.as_str())),
            ));
        }
        None
    }

    /// A relative span with a count (`the next 12 months`).
    fn read_template(&self, c: &Captures<'_>, i: usize, lang: Lang) -> Option<(usize, String)> {
        let g = |name: &str| c.name(name);
        let n = (0..2).find_map(|k| g(&format!("t{i}n{k}")));
        let unit = (0..2).find_map(|k| g(&format!("t{i}u{k}"))).or_else(|| g(&format!("t{i}p0")));
        let template = self.templates.get(i)?;
        let value = match n {
            Some(n) if self.few.contains(&collapse(n.as_str())) => {
                self.unit_value(&template.replace("{n}", "few"), unit, 2.0)?
            }
            Some(n) => self.template_value(template, n.as_str(), unit, lang)?,
            // `the past months`: a span without a count.
            None => self.unit_value(&template.replace("{n} ", ""), unit, 2.0)?,
        };
        Some((0, value))
    }

    /// A template without a number: `{unit}` named, plural unless `n` is 1.
    fn unit_value(&self, template: &str, unit: Option<Match<'_>>, n: f64) -> Option<String> {
        let unit = match unit {
            Some(u) => self.units.get(&collapse(u.as_str()))?.clone(),
            None => "month".into(),
        };
        let unit = if (n - 1.0).abs() < f64::EPSILON { unit } else { format!("{unit}s") };
        Some(template.replace("{unit}", &unit))
    }

    /// Relative spans, year mentions and bare years.
    fn read_relative(&self, c: &Captures<'_>, start: usize) -> Option<(usize, String)> {
        let g = |name: &str| c.name(name);
        if let Some(m) = g("rel") {
            return Some((start, self.relative.get(&collapse(m.as_str()))?.clone()));
        }
        if g("yw").is_some() {
            return Some((start, g("ywy")?.as_str().to_string()));
        }
        let year = g("yb")?;
        if g("ybh").is_some() {
            return None;
        }
        let round = year.as_str().ends_with("00");
        // `2000 Mitarbeiter` is a count: a round year needs a preposition.
        if round && g("ybc").is_none() {
            return None;
        }
        Some((year.start(), year.as_str().to_string()))
    }

    /// `next {n} {unit}` with `n = 12`, `unit = Monaten` → `next 12 months`;
    /// one of a unit reads `next year`, `a year earlier`; the first three
    /// and six months of a year are `Q1` and `H1`.
    fn template_value(
        &self,
        template: &str,
        n: &str,
        unit: Option<Match<'_>>,
        lang: Lang,
    ) -> Option<String> {
        // A range of counts (`12 to 18`) is written `12-18`.
        let counts: Vec<&str> =
            n.split(['-', '–', ' ', '\u{a0}']).filter(|w| !w.is_empty()).collect();
        let (first, last) = (counts.first()?, counts.last()?);
        let n = self.lex.value(first, lang).or_else(|| self.lex.value(n, lang))?;
        if n.fract() != 0.0 || n <= 0.0 {
            return None;
        }
        let upper = if counts.len() > 2 { self.lex.value(last, lang) } else { None };
        let unit = match unit {
            Some(u) => self.units.get(&collapse(u.as_str()))?.clone(),
            None => "month".into(),
        };
        let value = if (n - 1.0).abs() < f64::EPSILON && upper.is_none() {
            let one = if template.starts_with("{n}") { format!("a {unit}") } else { unit.clone() };
            template.replace("{n} {unit}", &one).replace("{n} months", "month")
        } else {
            let count = upper.map_or(format!("{n}"), |m| format!("{n}-{m}"));
            template.replace("{n}", &count).replace("{unit}", &format!("{unit}s"))
        };
        Some(match value.as_str() {
            "first 3 months" => "Q1".into(),
            "first 6 months" => "H1".into(),
            _ => value,
        })
    }

    /// The English name of a month word, refusing `may` and `march` written
    /// in lower case (the verb, not the month).
    fn month(&self, m: Match<'_>) -> Option<String> {
        let word = m.as_str();
        if self.months_also_words.iter().any(|w| w == word) {
            return None;
        }
        self.months.get(&word.to_lowercase()).cloned()
    }
}

/// The end of the word characters from `at` on (ASCII without decoding).
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            at += 1;
        } else {
            match text.get(at..).and_then(|r| r.chars().next()) {
                Some(c) if continues_word(c) => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// Whether `found`, at `at` in `text`, is words each capitalised (two or
/// more) inside a sentence, where a time phrase would be in lower case.
fn title_cased_inside(text: &str, at: usize, found: &str) -> bool {
    let mut words = found.split_whitespace();
    let all_capital = words.clone().all(|w| w.starts_with(char::is_uppercase));
    let before = text.get(..at).unwrap_or("").trim_end_matches([' ', '\u{a0}']);
    let opens_sentence = before.chars().next_back().is_none_or(|c| {
        matches!(c, '.' | '!' | '?' | ':' | '\n' | '"' | '“' | '„' | '«' | '(' | '-' | '–')
    });
    words.nth(1).is_some() && all_capital && !opens_sentence
}

/// Whether the match at `at` continues a number with a slash or hyphen
/// (`Lei 576/2021`, `ISO 9001-2015`): an identifier, not a date.
fn numbered(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or("").chars().rev();
    matches!(before.next(), Some('/' | '-')) && before.next().is_some_and(|c| c.is_ascii_digit())
}

/// A weekday followed by the date it names (`Sunday, August 2, 2015`,
/// `Montag, den 5. März`) is one mention, with the date's value. One pass
/// over the facts in order.
fn join_weekdays(text: &str, facts: &mut Vec<Fact>) {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    for f in facts.drain(..) {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.span.end..f.span.start).unwrap_or("x");
            let weekday =
                matches!(&prev.value, Value::Text(v) if normal::WEEKDAYS.contains(&v.as_str()));
            let day = matches!(&f.value, Value::Text(v) if v.chars().any(|c| c.is_ascii_digit()));
            // Right after the weekday only a day and month (`jeudi 9 juin`),
            // not a year (`Monday 2018 was…`) nor a time (`el jueves a las 15:00`).
            let year = matches!(&f.value, Value::Text(v)
                if v.chars().all(|c| c.is_ascii_digit()) || v.contains(':'));
            let joined =
                matches!(gap.trim(), "," | ", den" | ", le" | ", el" | ", the" | "-" | "–")
                    || (gap == " " && !year);
            if weekday && day && joined {
                prev.span.end = f.span.end;
                prev.value = f.value;
                continue;
            }
        }
        out.push(f);
    }
    *facts = out;
}

/// Drops the dates that stand inside an amount or a percentage
/// (`2000 Euro`, `2018 %`): the numbers there are not years.
///
/// O((d + a) log a) for d dates and a amounts: the amounts of each field
/// sorted by start, with the furthest end reached so far, answer "does any
/// amount overlap this date" by one binary search (a scan of every amount
/// for every date was quadratic on an article dense with both).
pub fn drop_overlapped(facts: &mut Vec<Fact>) {
    let mut amounts: Vec<(super::Field, Span)> = facts
        .iter()
        .filter(|f| matches!(f.kind, Kind::Money | Kind::Percent))
        .map(|f| (f.field, f.span))
        .collect();
    if amounts.is_empty() {
        return;
    }
    amounts.sort_unstable_by_key(|(field, s)| (*field == super::Field::Body, s.start));
    // `reach[i]`: the furthest end among amounts `..=i` of the same field.
    let mut reach = Vec::with_capacity(amounts.len());
    for (i, (field, s)) in amounts.iter().enumerate() {
        let before = i.checked_sub(1).filter(|&j| amounts[j].0 == *field).map_or(0, |j| reach[j]);
        reach.push(before.max(s.end));
    }
    let overlapped = |f: &Fact| {
        let key = (f.field == super::Field::Body, f.span.end);
        // The last amount of the field that starts before the date ends.
        let n = amounts.partition_point(|(field, s)| (*field == super::Field::Body, s.start) < key);
        n.checked_sub(1).is_some_and(|i| amounts[i].0 == f.field && reach[i] > f.span.start)
    };
    facts.retain(|f| f.kind != Kind::Date || !overlapped(f));
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Field;

    fn fact(kind: Kind, start: usize, end: usize) -> Fact {
        Fact::new(kind, Span::new(start, end), Value::None)
    }

    #[test]
    fn dates_inside_amounts_go_the_rest_stay() {
        let mut facts = vec![
            fact(Kind::Money, 0, 20),
            fact(Kind::Date, 5, 9),
            fact(Kind::Percent, 8, 10),
            fact(Kind::Date, 20, 24),
            fact(Kind::Date, 30, 34),
            fact(Kind::Percent, 33, 36),
        ];
        let mut title = fact(Kind::Date, 0, 4);
        title.field = Field::Title;
        facts.push(title);
        drop_overlapped(&mut facts);
        let dates: Vec<(Field, usize)> = facts
            .iter()
            .filter(|f| f.kind == Kind::Date)
            .map(|f| (f.field, f.span.start))
            .collect();
        assert_eq!(dates, [(Field::Body, 20), (Field::Title, 0)]);
    }

    /// Issue: dates beside percentages took 147 s at 8 MB, every date
    /// compared with every amount. Two hundred thousand of each must not
    /// make forty billion comparisons (the sweep makes a few million).
    #[test]
    fn dense_dates_beside_percentages() {
        let n = 200_000;
        let mut facts = Vec::with_capacity(2 * n);
        for i in 0..n {
            facts.push(fact(Kind::Date, 10 * i, 10 * i + 4));
            // Every other percentage swallows the date before it.
            let start = if i % 2 == 0 { 10 * i + 5 } else { 10 * i + 2 };
            facts.push(fact(Kind::Percent, start, 10 * i + 8));
        }
        drop_overlapped(&mut facts);
        assert_eq!(facts.iter().filter(|f| f.kind == Kind::Date).count(), n / 2);
    }
}
