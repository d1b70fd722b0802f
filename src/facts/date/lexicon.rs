//! The date words of `assets/facts/dates.toml`, parsed once, and the
//! regex alternations built from them.

use std::collections::HashMap;

use serde::Deserialize;

use super::super::number::{alternation, alternation_ci};

#[derive(Deserialize)]
pub struct File {
    pub months: HashMap<String, Vec<String>>,
    /// Month names that are also common words (`may`, `march`): months
    /// only when capitalised.
    pub months_also_words: Vec<String>,
    pub month_abbreviations: HashMap<String, Vec<String>>,
    pub vi_months: HashMap<String, Vec<String>>,
    pub weekdays: HashMap<String, Vec<String>>,
    pub weekdays_exact: HashMap<String, Vec<String>>,
    pub cues: Cues,
    pub ordinals: HashMap<String, u8>,
    pub periods: Periods,
    pub units: HashMap<String, Vec<String>>,
    pub template: Vec<Template>,
    pub relative: HashMap<String, String>,
    pub positions: HashMap<String, String>,
    pub units_plural: HashMap<String, Vec<String>>,
    pub decades: Decades,
    pub centuries: Centuries,
    pub vague: Vague,
    pub holidays: HashMap<String, Vec<String>>,
    pub relative_words: RelativeWords,
    pub times: Times,
}

#[derive(Deserialize)]
pub struct Decades {
    pub articles: Vec<String>,
    pub lead: Vec<String>,
    pub after: Vec<String>,
    pub years_after: Vec<String>,
    pub century_after: Vec<String>,
    pub words: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
pub struct Vague {
    pub few: Vec<String>,
}

#[derive(Deserialize)]
pub struct Centuries {
    pub after: Vec<String>,
    pub before: Vec<String>,
}

#[derive(Deserialize)]
pub struct RelativeWords {
    pub before: HashMap<String, String>,
    pub after: HashMap<String, String>,
}

#[derive(Deserialize)]
pub struct Times {
    pub lead: Vec<String>,
    pub marks: Vec<String>,
    pub weak: Vec<String>,
    pub pm: Vec<String>,
    pub parts: Vec<String>,
    pub weekday_parts: Vec<String>,
    pub weekday_parts_before: Vec<String>,
}

#[derive(Deserialize)]
pub struct Cues {
    pub keep: Vec<String>,
    pub drop: Vec<String>,
    pub hedges: Vec<String>,
    pub year_words: Vec<String>,
}

#[derive(Deserialize)]
pub struct Periods {
    pub articles: Vec<String>,
    pub quarter: Vec<String>,
    pub half: Vec<String>,
    pub fiscal: Vec<String>,
    pub fiscal_year_prefix: Vec<String>,
}

#[derive(Deserialize)]
pub struct Template {
    pub pattern: String,
    pub value: String,
}

/// Word → canonical English name, lower-cased keys (case-insensitive use).
pub fn lookup(table: &HashMap<String, Vec<String>>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (canonical, words) in table {
        for w in words {
            map.insert(w.to_lowercase(), canonical.clone());
        }
    }
    map
}

/// Word → canonical name, keys as written (case-sensitive use).
pub fn exact_lookup(table: &HashMap<String, Vec<String>>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (canonical, words) in table {
        for w in words {
            map.insert(w.clone(), canonical.clone());
        }
    }
    map
}

/// All the words of a table as one alternation, for a case-insensitive place.
pub fn words_of(table: &HashMap<String, Vec<String>>) -> String {
    alternation_ci(table.values().flatten().map(String::as_str))
}

/// [`words_of`] matched as written (case-sensitive).
pub fn exact_words_of(table: &HashMap<String, Vec<String>>) -> String {
    alternation(table.values().flatten().map(String::as_str))
}

/// All the words of a list as one alternation, for a case-insensitive place.
pub fn list(words: &[String]) -> String {
    alternation_ci(words.iter().map(String::as_str))
}

pub fn load() -> File {
    toml::from_str(include_str!("../../../assets/facts/dates.toml")).expect("dates.toml parses")
}
