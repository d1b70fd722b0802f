//! Institution names declined by case (Czech, Polish) back to the
//! nominative the canonical value needs: `České národní banky` → `Česká
//! národní banka`, `Walijskiej Partii Konserwatywnej` → `Walijska Partia
//! Konserwatywna`. The head noun's forms and gender come from `declined`
//! in `assets/facts/orgs.toml`; adjectives next to it follow their
//! gender's endings (`adjective_endings`).

use std::collections::HashMap;

use super::lexicon::OrgLexicon;

pub(super) struct Declension {
    /// Form → (nominative, gender letter `f`, `m` or `n`).
    heads: HashMap<String, (String, char)>,
    /// By gender: (declined ending, nominative ending), longest first.
    endings: HashMap<char, Vec<(String, String)>>,
}

impl Declension {
    pub fn new(lex: &OrgLexicon) -> Self {
        let heads = lex
            .declined
            .iter()
            .filter_map(|(form, v)| {
                let (nom, gender) = v.rsplit_once(' ')?;
                Some((form.clone(), (nom.to_string(), gender.chars().next()?)))
            })
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
        Self { heads, endings }
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
