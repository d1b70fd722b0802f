//! Places: countries, regions and major cities, found with one
//! leftmost-longest word automaton over their names in many languages
//! (`assets/facts/places.toml`, from CLDR), valued by their English name
//! so that `Mỹ`, `Verenigde Staaten` and `US` are one place.
//!
//! Matching is case-sensitive (`US` is a place, `us` is not) and on whole
//! words, except that a German genitive `-s` (`Chinas`) and a hyphenated
//! compound (`US-Exportkontrollen`) still count.

use serde::Deserialize;

use super::tokens::{Gazetteer, genitive_s, is_whole_word, is_word_char};
use super::{Fact, Input, Kind, Value};
use crate::text::{Lang, Span};

#[derive(Deserialize)]
struct Lexicon {
    place: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    value: String,
    names: Vec<String>,
}

/// Vietnamese one-syllable country names that also start common words or
/// given names (`Ý kiến` "opinion", `Mỹ phẩm` "cosmetics", `ông Đức`).
const VI_SHORT: [&str; 13] =
    ["Mỹ", "Đức", "Ý", "Nga", "Pháp", "Úc", "Áo", "Bỉ", "Séc", "Síp", "Lào", "Nhật", "Anh"];
const VI_NOT_AFTER: [&str; 14] =
    ["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "Ông", "Bà", "Anh", "Chị", "Cô"];
const VI_COMPOUNDS: [&str; 24] = [
    "Mỹ phẩm",
    "Mỹ thuật",
    "Mỹ nhân",
    "Mỹ mãn",
    "Mỹ lệ",
    "Mỹ học",
    "Ý kiến",
    "Ý nghĩa",
    "Ý tưởng",
    "Ý định",
    "Ý thức",
    "Ý chí",
    "Đức tin",
    "Đức tính",
    "Áo dài",
    "Áo khoác",
    "Nhật ký",
    "Nhật báo",
    "Pháp luật",
    "Pháp lý",
    "Pháp lệnh",
    "Pháp nhân",
    "Anh em",
    "Nga ngố",
];

/// Compiled once per extractor.
pub struct Rules {
    names: Gazetteer,
    /// Pattern index → English name.
    values: Vec<String>,
}

impl Default for Rules {
    fn default() -> Self {
        Self::new()
    }
}

impl Rules {
    pub fn new() -> Self {
        let lexicon: Lexicon = toml::from_str(include_str!("../../assets/facts/places.toml"))
            .expect("places.toml parses");
        let mut patterns = Vec::new();
        let mut values = Vec::new();
        for entry in lexicon.place {
            for name in entry.names {
                patterns.push(name);
                values.push(entry.value.clone());
            }
        }
        Self { names: Gazetteer::new(&patterns), values }
    }

    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let text = input.text;
        let mut out = Vec::new();
        for (k, m) in self.names.find_in(text, Span::new(0, text.len())) {
            let (start, mut end) = (m.start, m.end);
            if !is_whole_word(text, start, end) {
                match genitive_s(text, end) {
                    Some(e) if input.lang == Lang::DE && is_whole_word(text, start, e) => end = e,
                    _ => continue,
                }
            }
            let name = text.get(start..m.end).unwrap_or("");
            if VI_SHORT.contains(&name) && !vi_short_is_place(text, start, m.end) {
                continue;
            }
            let value = self.values[k].clone();
            out.push(Fact::new(Kind::Place, Span::new(start, end), Value::Text(value)));
        }
        out
    }
}

/// A Vietnamese one-syllable country name that is not part of a person's
/// name (`ông Đức`, `Nguyễn Đức Anh`) nor of a common compound word.
fn vi_short_is_place(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end_matches(' ');
    let prev_word = before.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let next_word = after
        .strip_prefix(' ')
        .map_or("", |a| a.split(|c: char| !is_word_char(c)).next().unwrap_or(""));
    let joined_prev =
        before.len() + 1 == start && prev_word.chars().next().is_some_and(char::is_uppercase);
    let joined_next = next_word.chars().next().is_some_and(char::is_uppercase);
    if VI_NOT_AFTER.contains(&prev_word) || joined_prev || joined_next {
        return false;
    }
    let pair_end = end + 1 + next_word.len();
    let pair = text.get(start..pair_end).unwrap_or("");
    !VI_COMPOUNDS.contains(&pair)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Field;

    fn places(text: &str, lang: Lang) -> Vec<(String, String)> {
        let rules = Rules::new();
        rules
            .find(Input { text, lang, field: Field::Body })
            .into_iter()
            .map(|f| (f.span.get(text).to_string(), f.value_text()))
            .collect()
    }

    #[test]
    fn many_languages_one_value() {
        let got = places("Die USA und Chinas Wende, US-Zölle, in New York.", Lang::DE);
        let want = [
            ("USA", "United States"),
            ("Chinas", "China"),
            ("US", "United States"),
            ("New York", "New York"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn vietnamese_short_names_need_context() {
        assert_eq!(
            places("Ý kiến của ông Đức về Mỹ.", Lang::VI),
            [("Mỹ".to_string(), "United States".to_string())]
        );
        assert!(places("the virus hit us", Lang::EN).is_empty());
    }
}
