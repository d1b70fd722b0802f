//! Institution names declined by case (Czech, Polish) back to the
//! nominative the canonical value needs: `České národní banky` → `Česká
//! národní banka`, `Walijskiej Partii Konserwatywnej` → `Walijska Partia
//! Konserwatywna`. The head noun's forms and gender come from `declined`
//! in `assets/facts/orgs.toml`; adjectives next to it follow their
//! gender's endings (`adjective_endings`).

use std::collections::HashMap;

use crate::facts::tokens::WordSet;

use super::lexicon::OrgLexicon;

pub(super) struct Declension {
    /// Form → (nominative, gender letter `f`, `m` or `n`).
    heads: HashMap<String, (String, char)>,
    /// The lower-case forms capitalised, with their nominative capitalised
    /// too (`Sněmovně` → `Sněmovna`), for a head named on its own.
    capital: HashMap<String, String>,
    /// By gender: (declined ending, nominative ending), longest first.
    endings: HashMap<char, Vec<(String, String)>>,
}

impl Declension {
    pub fn new(lex: &OrgLexicon) -> Self {
        let heads: HashMap<String, (String, char)> = lex
            .declined
            .iter()
            .filter_map(|(form, v)| {
                let (nom, gender) = v.rsplit_once(' ')?;
                Some((form.clone(), (nom.to_string(), gender.chars().next()?)))
            })
            .collect();
        let capital = heads
            .iter()
            .filter(|(form, _)| form.starts_with(char::is_lowercase))
            .map(|(form, (nom, _))| (capitalise(form), capitalise(nom)))
            .collect();
        let endings = lex
            .adjective_endings
            .iter()
            .filter_map(|(g, list)| {
                let mut pairs: Vec<(String, String)> = list
                    .iter()
                    .filter_map(|p| p.split_once('=').map(|(a, b)| (a.to_string(), b.to_string())))
                    .collect();
                pairs.sort_by_key(|p| std::cmp::Reverse(p.0.chars().count()));
                Some((g.chars().next()?, pairs))
            })
            .collect();
        Self { heads, capital, endings }
    }

    /// The nominative of a head noun capitalised as a name on its own
    /// (`Sněmovně` → `Sněmovna`, `Parlamentu` → `Parlament`).
    pub fn capital_head(&self, word: &str) -> Option<&str> {
        self.capital.get(word).map(String::as_str)
    }

    /// The nominative and gender of a head noun form (`banky` → `banka`, f).
    pub fn head(&self, word: &str) -> Option<(&str, char)> {
        self.heads.get(word).map(|(n, g)| (n.as_str(), *g))
    }

    /// Every form of every head, for the finders' word sets.
    pub fn forms(&self) -> impl Iterator<Item = &String> {
        self.heads.keys()
    }

    /// An adjective in the nominative of `gender` (`České` → `Česká`), or
    /// as it is when no declined ending fits.
    pub fn adjective(&self, word: &str, gender: char) -> String {
        let Some(list) = self.endings.get(&gender) else { return word.to_string() };
        for (from, to) in list {
            if let Some(stem) = word.strip_suffix(from.as_str())
                && stem.chars().count() >= 2
            {
                return format!("{stem}{to}");
            }
        }
        word.to_string()
    }

    /// A word that ends like an adjective of any gender or case (`národní`,
    /// `Evropské`, `Masarykova`).
    pub fn looks_adjective(&self, word: &str) -> bool {
        const NOMINATIVE: [&str; 9] = ["í", "á", "ý", "é", "ova", "ovo", "ův", "y", "a"];
        let any = self.endings.values().flatten().any(|(from, _)| word.ends_with(from.as_str()));
        any || NOMINATIVE.iter().any(|e| word.ends_with(e))
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Czech and Polish names of people declined by case, back to the
/// nominative: `Vladimíra Černého` → `Vladimír Černý`, `Martinem Půtou` →
/// `Martin Půta`, `Jitky Faugnerové` → `Jitka Faugnerová`, `Johna Howarda
/// Johnsona` → `John Howard Johnson`. The case is read from the given name
/// (first word), which must be a known one in some form; the other words
/// follow the endings of that case. A name it cannot read stays as it is.
pub(super) fn person_nominative(name: &str, given: &WordSet) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((&first, rest)) = words.split_first() else { return name.to_string() };
    if rest.is_empty() || rest.iter().any(|w| w.ends_with('.')) {
        return name.to_string();
    }
    let last = rest[rest.len() - 1];
    let feminine_surname = ["ová", "á", "ové", "ovou", "é", "ej"].iter().any(|e| last.ends_with(e))
        && !last.ends_with("ého");
    let Some((nominative, case)) = given_case(first, given, feminine_surname) else {
        return name.to_string();
    };
    let mut out = vec![nominative];
    out.extend(rest.iter().map(|w| declined_word(w, case)));
    out.join(" ")
}

/// A known given name in some case (`Vladimíra`, `Martinem`, `Jitky`).
pub(super) fn declined_given(word: &str, given: &WordSet) -> bool {
    given_case(word, given, false).is_some() || given_case(word, given, true).is_some()
}

/// The grammatical case of a given name's form, with its gender.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Nominative,
    /// Masculine genitive or accusative (`-a`).
    GenM,
    /// Masculine dative or locative (`-ovi`, `-u`, `-i`).
    DatM,
    /// Masculine instrumental (`-em`).
    InsM,
    /// Feminine genitive, dative or locative (`-y`, `-i`, `-e`, `-ě`).
    GenF,
    /// Feminine accusative or instrumental (`-u`, `-ou`, `-ą`, `-ę`).
    InsF,
}

/// The nominative of a given name and its case: as it is when known and
/// not read otherwise, else by stripping a case ending (with the `e` that
/// Czech drops: `Pavla` → `Pavel`).
fn given_case(word: &str, given: &WordSet, feminine: bool) -> Option<(String, Case)> {
    const MASCULINE: [(&str, Case); 6] = [
        ("ovi", Case::DatM),
        ("em", Case::InsM),
        ("a", Case::GenM),
        ("u", Case::DatM),
        ("i", Case::DatM),
        ("e", Case::DatM),
    ];
    const FEMININE: [(&str, &str, Case); 9] = [
        ("ou", "a", Case::InsF),
        ("ą", "a", Case::InsF),
        ("ę", "a", Case::InsF),
        ("u", "a", Case::InsF),
        ("y", "a", Case::GenF),
        ("i", "a", Case::GenF),
        ("ii", "ia", Case::GenF),
        ("ce", "ka", Case::GenF),
        ("ě", "a", Case::GenF),
    ];
    let known = given.contains(word);
    if known && (feminine || !word.ends_with('a')) {
        return Some((word.to_string(), Case::Nominative));
    }
    if !feminine {
        for (end, case) in MASCULINE {
            let Some(stem) = word.strip_suffix(end).filter(|s| s.chars().count() >= 2) else {
                continue;
            };
            if let Some(nom) = [stem.to_string(), with_dropped_e(stem)]
                .into_iter()
                .find(|s| given.contains(s.as_str()) && !s.ends_with('a'))
            {
                return Some((nom, case));
            }
        }
    }
    if known {
        return Some((word.to_string(), Case::Nominative));
    }
    FEMININE.iter().find_map(|(end, nom, case)| {
        let stem = word.strip_suffix(end)?;
        let full = format!("{stem}{nom}");
        given.contains(&full).then_some((full, *case))
    })
}

/// `Pavl` → `Pavel`, `Martínk` → `Martínek`, `Němc` → `Němec`: the `e`
/// Czech and Polish drop before a final consonant in the other cases.
fn with_dropped_e(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let consonant = |c: char| {
        c.is_alphabetic() && !"aeiouyáéíóúůýěąęó".contains(c.to_lowercase().next().unwrap_or(c))
    };
    if n >= 3 && consonant(chars[n - 1]) && consonant(chars[n - 2]) && "klcn".contains(chars[n - 1])
    {
        let mut s: String = chars[..n - 1].iter().collect();
        s.push('e');
        s.push(chars[n - 1]);
        return s;
    }
    stem.to_string()
}

/// A surname or middle name in `case`, back to the nominative.
fn declined_word(word: &str, case: Case) -> String {
    let swap = |pairs: &[(&str, &str)]| {
        pairs.iter().find_map(|(from, to)| {
            let stem = word.strip_suffix(from).filter(|s| s.chars().count() >= 2)?;
            Some(format!("{stem}{to}"))
        })
    };
    let strip = |ends: &[&str]| {
        ends.iter().find_map(|end| {
            let stem = word.strip_suffix(end).filter(|s| s.chars().count() >= 2)?;
            Some(with_dropped_e(stem))
        })
    };
    let out = match case {
        Case::Nominative => None,
        Case::GenM => swap(&[("ého", "ý"), ("ího", "í"), ("iego", "i"), ("ego", "y")])
            .or_else(|| swap(&[("y", "a")]))
            .or_else(|| strip(&["a", "e"])),
        Case::DatM => swap(&[("ému", "ý"), ("ímu", "í"), ("iemu", "i"), ("emu", "y")])
            .or_else(|| strip(&["ovi", "owi"])),
        Case::InsM => swap(&[("ým", "ý"), ("ím", "í"), ("ou", "a")]).or_else(|| strip(&["em"])),
        Case::GenF => swap(&[("ové", "ová"), ("é", "á"), ("iej", "a"), ("ej", "a")]),
        Case::InsF => swap(&[("ovou", "ová"), ("ou", "á"), ("ą", "a")]),
    };
    out.unwrap_or_else(|| word.to_string())
}
