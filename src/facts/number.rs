//! Numbers as each language writes them, shared by money, percentages and
//! dates: the digit pattern and its reading (`16,8` vs `2.7`, `1.000` vs
//! `1,000`, `1 000`), magnitude words (`tỷ`, `Mrd.`, `bn`, `亿`) and
//! spelled-out numbers (`twee`, `zwei`, `hai`), all from
//! `assets/facts/numbers.toml`, parsed once by [`Lexicon::load`] in
//! `Extractor::new` and shared by the rules that read numbers.

use super::scan::Groups;
use serde::Deserialize;
use std::collections::HashMap;

use crate::text::Lang;
use crate::text::chars::{is_cjk, is_word_char};

/// Digits with optional group and decimal marks. Space-grouped thousands
/// (`1 000`, with a space, NBSP or thin space) only when the first group has
/// at most three digits, so that `2036 100` stays two numbers.
pub const DIGITS: &str =
    r"[0-9]{1,3}(?:[ \u{a0}\u{202f}\u{2009}][0-9]{3})+(?:[.,][0-9]+)?|[0-9]+(?:[.,'’][0-9]+)*";

/// Optional space between an amount and the word after it.
pub const SP: &str = r"[ \u{a0}\u{202f}]?";

#[derive(Deserialize)]
struct File {
    magnitudes: HashMap<String, HashMap<String, f64>>,
    short_magnitudes: HashMap<String, f64>,
    words: HashMap<String, f64>,
    articles: HashMap<String, f64>,
    percent: PercentFile,
    ranges: RangesFile,
}

#[derive(Deserialize)]
struct RangesFile {
    between: Vec<String>,
    and: Vec<String>,
}

#[derive(Deserialize)]
struct PercentFile {
    units: Vec<String>,
}

/// The number lexicon of every language, lower-cased keys.
pub struct Lexicon {
    /// `common` and per-language magnitude words (`billion` differs).
    magnitudes: HashMap<String, HashMap<String, f64>>,
    short_magnitudes: HashMap<String, f64>,
    words: HashMap<String, f64>,
    articles: HashMap<String, f64>,
    pub percent_units: Vec<String>,
    between: Vec<String>,
    /// The "and" of `between 4 and 6`, as a case-insensitive alternation.
    pub and_pattern: String,
}

impl Lexicon {
    /// Parses the embedded `numbers.toml`.
    pub fn load() -> Self {
        let file: File = toml::from_str(include_str!("../../assets/facts/numbers.toml"))
            .expect("numbers.toml parses");
        let lower =
            |m: HashMap<String, f64>| m.into_iter().map(|(k, v)| (k.to_lowercase(), v)).collect();
        Lexicon {
            magnitudes: file.magnitudes.into_iter().map(|(lang, m)| (lang, lower(m))).collect(),
            short_magnitudes: file.short_magnitudes,
            words: lower(file.words),
            articles: lower(file.articles),
            percent_units: file.percent.units,
            and_pattern: alternation_ci(file.ranges.and.iter().map(String::as_str)),
            between: file.ranges.between,
        }
    }

    /// Long magnitude words of all languages, as a regex alternation.
    pub fn magnitude_pattern(&self) -> String {
        alternation_ci(self.magnitudes.values().flat_map(HashMap::keys).map(String::as_str))
    }

    /// Magnitudes written straight after the digits (`5m`, `3bn`, `100亿`).
    pub fn short_magnitude_pattern(&self) -> String {
        alternation_ci(self.short_magnitudes.keys().map(String::as_str))
    }

    /// Spelled-out numbers, as a regex alternation.
    pub fn word_pattern(&self) -> String {
        alternation_ci(self.words.keys().map(String::as_str))
    }

    /// Spelled-out numbers and articles that mean one (`a`, `een`, `ein`).
    pub fn word_or_article_pattern(&self) -> String {
        alternation_ci(self.words.keys().chain(self.articles.keys()).map(String::as_str))
    }

    /// The factor of a magnitude word, the article's language first.
    pub fn magnitude(&self, word: &str, lang: Lang) -> Option<f64> {
        let word = word.to_lowercase();
        let table = |name: &str| self.magnitudes.get(name).and_then(|m| m.get(&word)).copied();
        table(lang.code())
            .or_else(|| table("common"))
            .or_else(|| self.short_magnitudes.get(word.as_str()).copied())
    }

    /// The value of a number written in digits or in words.
    pub fn value(&self, token: &str, lang: Lang) -> Option<f64> {
        if token.starts_with(|c: char| c.is_ascii_digit()) {
            return parse_digits(token, lang);
        }
        let word = token.to_lowercase();
        let word = collapse_spaces(&word);
        self.words.get(&word).or_else(|| self.articles.get(&word)).copied()
    }

    /// Whether the word before `start` (an article aside: `entre el 5 y
    /// el 7%`) is a `between` that makes `X and Y` a range.
    pub fn after_between(&self, text: &str, start: usize) -> bool {
        let before = text.get(..start).unwrap_or("");
        let mut words = before.split_whitespace().rev();
        let mut word = words.next().unwrap_or("").to_lowercase();
        if matches!(word.as_str(), "el" | "la" | "the" | "de" | "le" | "les" | "los" | "las") {
            word = words.next().unwrap_or("").to_lowercase();
        }
        self.between.contains(&word)
    }

    /// The regex of one amount: digits with an optional magnitude (spaced
    /// or attached), or a spelled-out number or an article with a spaced
    /// magnitude (`twee miljard`, `a billion`: never a word alone). Group
    /// names start with `p`: `{p}n` digits, `{p}w` words, `{p}m` magnitude.
    pub fn amount_pattern(&self, p: &str) -> String {
        self.amount_pattern_joined(p, SP)
    }

    /// [`Self::amount_pattern`] with `sep` between the number and its
    /// magnitude (money also takes a hyphen: `20-Milliarden-Euro-Programm`).
    pub fn amount_pattern_joined(&self, p: &str, sep: &str) -> String {
        let (mag, short, words) = (
            self.magnitude_pattern(),
            self.short_magnitude_pattern(),
            self.word_or_article_pattern(),
        );
        format!(
            "(?:(?P<{p}n>{DIGITS})(?:{sep}(?P<{p}m>{mag})|(?P<{p}s>{short}))?\
             |(?P<{p}w>{words})[ \\u{{a0}}](?P<{p}x>{mag}))"
        )
    }

    /// The number and magnitude of an amount matched by [`Self::amount_pattern`].
    pub fn amount(&self, caps: &Groups<'_>, p: &str, lang: Lang) -> Option<Amount> {
        let group = |suffix: &str| caps.name(&format!("{p}{suffix}"));
        let number = group("n").or_else(|| group("w"))?;
        let mag = group("m").or_else(|| group("s")).or_else(|| group("x"));
        Some(Amount {
            number: self.value(number.as_str(), lang)?,
            magnitude: match mag {
                Some(m) => Some(self.magnitude(m.as_str(), lang)?),
                None => None,
            },
            start: number.start(),
            end: mag.map_or(number.end(), |m| m.end()),
        })
    }
}

/// A number and its magnitude, with the byte range they cover.
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    pub number: f64,
    pub magnitude: Option<f64>,
    pub start: usize,
    pub end: usize,
}

impl Amount {
    pub fn total(self) -> f64 {
        round(self.number * self.magnitude.unwrap_or(1.0))
    }

    /// Whether the total can be held as a value: finite and at most
    /// [`MAX_AMOUNT`] (`10 triệu tỷ tỷ` or a hundred digits is no amount).
    pub fn held(self) -> bool {
        let total = self.total();
        total.is_finite() && total.abs() <= MAX_AMOUNT
    }
}

/// Rounds away the noise of `2.7 * 1e9`.
fn round(x: f64) -> f64 {
    if x.abs() >= 1.0 { (x * 1e6).round() / 1e6 } else { x }
}

/// A digit token read in the article's language. A single mark followed by
/// exactly three digits is ambiguous (`1,000`, `1.000`): it is the decimal
/// mark when the language writes decimals that way, else a group mark. Any
/// other single mark is decimal whatever the language (`2.7` in a German
/// quote, `16,8` in Vietnamese).
pub fn parse_digits(token: &str, lang: Lang) -> Option<f64> {
    let cleaned: String = token
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    let decimal = decimal_mark(&cleaned, lang);
    let mut plain = String::with_capacity(cleaned.len());
    for c in cleaned.chars() {
        match c {
            '0'..='9' => plain.push(c),
            c if Some(c) == decimal => plain.push('.'),
            _ => {}
        }
    }
    if significant_digits(&plain) > MAX_DIGITS {
        return None;
    }
    plain.parse().ok()
}

/// The most significant digits a number may have: a double holds fifteen
/// exactly, so two different numbers of at most fifteen never become one
/// value (and none becomes `inf`). No figure in the news needs more.
const MAX_DIGITS: usize = 15;

/// The largest amount that is money (a hundred quintillion: more than any
/// currency ever printed, and still an exact whole number when written out).
pub const MAX_AMOUNT: f64 = 1e20;

fn significant_digits(plain: &str) -> usize {
    let digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    // Zeros that end a whole number are a magnitude, not precision
    // (`1000000000000000000` is one significant digit).
    let digits = if plain.contains('.') { digits } else { digits.trim_end_matches('0') };
    digits.len()
}

/// Which of `.` and `,` is the decimal mark in `s`, if either.
fn decimal_mark(s: &str, lang: Lang) -> Option<char> {
    let (dots, commas) = (s.matches('.').count(), s.matches(',').count());
    if dots > 0 && commas > 0 {
        // `1.234,5` / `1,234.5`: the last mark is the decimal one.
        return s.rfind(['.', ',']).and_then(|i| s.get(i..)).and_then(|t| t.chars().next());
    }
    let mark = match (dots, commas) {
        (1, 0) => '.',
        (0, 1) => ',',
        _ => return None,
    };
    let (before, after) = s.split_once(mark)?;
    let ambiguous = after.len() == 3 && before.len() <= 3 && before != "0";
    let language_mark = if lang.decimal_comma() { ',' } else { '.' };
    (!ambiguous || mark == language_mark).then_some(mark)
}

/// Words as a regex alternation, longest first so that the leftmost-first
/// engine prefers `nghìn tỷ` to `nghìn`; case-insensitive for letters.
pub fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let words = by_preference(words);
    let escaped: Vec<String> = words.iter().map(|w| w.chars().map(escape).collect()).collect();
    escaped.join("|")
}

/// [`alternation`] for a case-insensitive place (inside `(?i:…)`): the
/// same matches in the same order of preference, with the words that
/// begin alike written once (`mil(?:liard|lion|)`). The automata then
/// try a handful of first letters instead of every word, and are a
/// fraction of the size. Two branches that begin with letters of
/// different case folds never match at the same place, so their order
/// does not matter; a word that ends where others go on is the shortest
/// of them, and stays last. Words with a letter whose case folds are not
/// just its own lower and upper case (`ſ`, `ß`, `K`) are written plainly.
pub fn alternation_ci<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let words = by_preference(words);
    if !words.iter().all(|w| w.chars().all(simple_fold)) {
        return words
            .iter()
            .map(|w| w.chars().map(escape).collect::<String>())
            .collect::<Vec<_>>()
            .join("|");
    }
    let chars: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let suffixes: Vec<&[char]> = chars.iter().map(Vec::as_slice).collect();
    branches(&suffixes).join("|")
}

/// Non-empty words, longest first (in characters), each once.
fn by_preference<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut words: Vec<&str> = words.filter(|w| !w.is_empty()).collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    words
}

/// One character of a word, escaped; a space stands for a no-break space too.
fn escape(c: char) -> String {
    if c == ' ' { r"[ \u{a0}]".into() } else { regex::escape(c.encode_utf8(&mut [0; 4])) }
}

/// The branches of an alternation of `suffixes` (in order of preference),
/// grouped by their first character up to case.
fn branches(suffixes: &[&[char]]) -> Vec<String> {
    let mut groups: Vec<(char, char, Vec<&[char]>)> = Vec::new();
    let mut ends = false;
    for s in suffixes {
        let Some((&first, rest)) = s.split_first() else {
            ends = true;
            continue;
        };
        let key = fold(first);
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, members)) => members.push(rest),
            None => groups.push((key, first, vec![rest])),
        }
    }
    let mut out: Vec<String> = groups
        .into_iter()
        .map(|(_, first, members)| {
            let rest = branches(&members);
            match rest.as_slice() {
                [one] => format!("{}{one}", escape(first)),
                _ => format!("{}(?:{})", escape(first), rest.join("|")),
            }
        })
        .collect();
    if ends {
        out.push(String::new());
    }
    out
}

/// The lower case of a character whose case folds are its lower and upper case.
fn fold(c: char) -> char {
    single(c.to_lowercase()).unwrap_or(c)
}

/// Whether a character's case folds are only its own lower and upper
/// case: ASCII, and the Latin letters that map one to one both ways.
fn simple_fold(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let latin = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    let (Some(lower), Some(upper)) = (single(c.to_lowercase()), single(c.to_uppercase())) else {
        return false;
    };
    latin
        && single(lower.to_uppercase()) == Some(upper)
        && single(upper.to_lowercase()) == Some(lower)
}

fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A character that continues a word: letters and digits, except the
/// scripts written without spaces (CJK), where any character may follow.
#[inline]
pub fn continues_word(c: char) -> bool {
    is_word_char(c) && !is_cjk(c)
}

/// Whether a match at `start..end` of `text` stands as whole words: no word
/// character runs into its first or last character.
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let inner_first = text.get(start..).and_then(|s| s.chars().next());
    let inner_last = text.get(..end).and_then(|s| s.chars().next_back());
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let joins = |outer: Option<char>, inner: Option<char>| matches!((outer, inner), (Some(o), Some(i)) if continues_word(o) && continues_word(i));
    !joins(before, inner_first) && !joins(after, inner_last) && !digit_continues(text, start, end)
}

/// `1.5` must not yield `5`: a number glued to a decimal or group mark and
/// more digits is part of a larger number.
fn digit_continues(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> =
        text.get(..start).map_or(Vec::new(), |s| s.chars().rev().take(2).collect());
    let after: Vec<char> = text.get(end..).map_or(Vec::new(), |s| s.chars().take(2).collect());
    let first_digit =
        text.get(start..).is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit()));
    let last_digit = text.get(..end).is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()));
    let glued =
        |v: &[char]| matches!(v, [m, d, ..] if matches!(m, '.' | ',') && d.is_ascii_digit());
    (first_digit && glued(&before)) || (last_digit && glued(&after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_marks_follow_the_language() {
        assert_eq!(parse_digits("16,8", Lang::VI), Some(16.8));
        assert_eq!(parse_digits("2.7", Lang::EN), Some(2.7));
        assert_eq!(parse_digits("2.7", Lang::DE), Some(2.7));
        assert_eq!(parse_digits("1,000", Lang::EN), Some(1000.0));
        assert_eq!(parse_digits("1.000", Lang::DE), Some(1000.0));
        assert_eq!(parse_digits("1,250", Lang::DE), Some(1.25));
        assert_eq!(parse_digits("1.234.567,5", Lang::NL), Some(1_234_567.5));
        assert_eq!(parse_digits("1,234,567.5", Lang::EN), Some(1_234_567.5));
        assert_eq!(parse_digits("1\u{a0}000", Lang::from_static("fr")), Some(1000.0));
        assert_eq!(parse_digits("0,125", Lang::EN), Some(0.125));
    }

    #[test]
    fn magnitudes_depend_on_the_language() {
        let lex = Lexicon::load();
        assert_eq!(lex.magnitude("billion", Lang::EN), Some(1e9));
        assert_eq!(lex.magnitude("billion", Lang::from_static("fr")), Some(1e12));
        assert_eq!(lex.magnitude("Mrd.", Lang::DE), Some(1e9));
        assert_eq!(lex.value("twee", Lang::NL), Some(2.0));
    }

    /// The words written once per shared beginning match what the plain
    /// alternation matches, where it matches, preferring the same word.
    #[test]
    fn shared_beginnings_match_as_the_plain_alternation() {
        let lex = Lexicon::load();
        let mine = [
            "mil",
            "million",
            "Milliarde",
            "milliard",
            "Mio.",
            "mio",
            "MIO",
            "tỷ",
            "nghìn tỷ",
            "Nghìn",
            "a b",
            "ab",
            "a",
            "Ärger",
            "ärg",
            "ſt",
            "st",
            "Kr",
            "kr.",
        ];
        let lists: Vec<Vec<String>> = vec![
            mine.iter().map(|w| (*w).to_string()).collect(),
            lex.words.keys().chain(lex.articles.keys()).cloned().collect(),
            lex.magnitudes.values().flat_map(HashMap::keys).cloned().collect(),
        ];
        for list in &lists {
            let compile =
                |alt: String| regex::Regex::new(&format!("(?i:{alt})")).expect("compiles");
            let plain = compile(alternation(list.iter().map(String::as_str)));
            let shared = compile(alternation_ci(list.iter().map(String::as_str)));
            let mut texts: Vec<String> = Vec::new();
            for w in list {
                let cut: String = w.chars().take(w.chars().count().saturating_sub(1)).collect();
                for t in [w.clone(), w.to_uppercase(), w.to_lowercase(), format!("{w}s"), cut] {
                    texts.push(t.replace(' ', "\u{a0}"));
                    texts.push(t);
                }
            }
            for t in &texts {
                let found = |re: &regex::Regex| re.find(t).map(|m| m.range());
                assert_eq!(found(&plain), found(&shared), "{t}");
            }
        }
    }

    #[test]
    fn words_must_stand_alone() {
        assert!(whole_word("a 5 b", 2, 3));
        assert!(!whole_word("A380", 1, 4));
        assert!(!whole_word("1.5 m", 2, 3));
        assert!(whole_word("5.", 0, 1));
        assert!(whole_word("约100亿元的", 3, 12));
    }
}
