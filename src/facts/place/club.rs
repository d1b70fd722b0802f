//! Sports clubs named by their town (`el Liverpool`, `il Napoli`): in
//! languages whose towns take no article, a town after a masculine article
//! is a club, and so is a region in a text about a match (a few sport words
//! of `[clubs]` in `assets/facts/places.toml`). Once a name is a club in a
//! text, its other mentions there are the club too.

use std::cell::OnceCell;

use serde::Deserialize;

use super::packed::PlaceKind;
use crate::facts::tokens::{is_word_char, words};

/// Sport words in a text that make it one about a match.
const SPORT_WORDS: usize = 2;

#[derive(Deserialize)]
pub(super) struct Clubs {
    /// By language: the masculine articles before a club's name.
    articles: std::collections::HashMap<String, Vec<String>>,
    /// By language: words of matches and teams, lower case.
    sport: std::collections::HashMap<String, Vec<String>>,
}

/// The club rules for one text.
pub(super) struct ForText<'r> {
    articles: &'r [String],
    sport: &'r [String],
    /// Whether the text is about a match, counted the first time it matters.
    sporty: OnceCell<bool>,
}

impl Clubs {
    pub fn for_text(&self, lang: &str) -> ForText<'_> {
        ForText {
            articles: self.articles.get(lang).map_or(&[], Vec::as_slice),
            sport: self.sport.get(lang).map_or(&[], Vec::as_slice),
            sporty: OnceCell::new(),
        }
    }
}

impl ForText<'_> {
    /// Whether the word at `at` follows a club article (`del Liverpool`).
    pub fn after_article(&self, text: &str, at: usize) -> bool {
        if self.articles.is_empty() {
            return false;
        }
        let Some(before) = text.get(..at).and_then(|b| b.strip_suffix(' ')) else {
            return false;
        };
        let start = before.rfind(|c: char| !is_word_char(c)).map_or(0, |i| i + 1);
        let prev = before.get(start..).unwrap_or("");
        self.articles.iter().any(|a| a.eq_ignore_ascii_case(prev))
    }

    /// Whether a name of `kind` at `at..end` is a club's: not when a
    /// capitalised word goes on with the name (`el Stamford Bridge`).
    pub fn is_club(&self, text: &str, at: usize, end: usize, kind: PlaceKind) -> bool {
        let goes_on = text
            .get(end..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        if goes_on {
            return false;
        }
        let town = match kind {
            PlaceKind::City => true,
            PlaceKind::Region => false,
            PlaceKind::Country | PlaceKind::Feature => return false,
        };
        self.after_article(text, at) && (town || self.sporty(text))
    }

    fn sporty(&self, text: &str) -> bool {
        *self.sporty.get_or_init(|| {
            let mut seen: Vec<&str> = Vec::new();
            for (_, w) in words(text) {
                let Some(s) = self.sport.iter().find(|s| s.eq_ignore_ascii_case(w)) else {
                    continue;
                };
                if !seen.contains(&s.as_str()) {
                    seen.push(s);
                }
                if seen.len() >= SPORT_WORDS {
                    return true;
                }
            }
            false
        })
    }
}
