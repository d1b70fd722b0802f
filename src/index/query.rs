//! What a person types, read as folded words. A [`Phrase`] is words that
//! must follow each other, the last one possibly unfinished (a prefix, since
//! search runs as you type). A [`Query`] for the corpus is several phrases
//! that must all occur in an article: bare words are one-word phrases,
//! `"quoted words"` one phrase.
//!
//! [`find_in_text`] is the in-article search: the whole query is one
//! phrase, like `less`.

use std::ops::Range;

use super::fold::{Folded, fold_mapped};
use super::words::{folded_words, word_ranges};
use crate::text::Span;

/// Folded words that must follow each other; the last may be a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase {
    pub words: Vec<String>,
}

impl Phrase {
    /// The phrase `s` spells, punctuation and spacing ignored.
    pub fn new(s: &str) -> Self {
        Self { words: folded_words(s) }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the phrase starts at `words[0]`, given the words of a text
    /// as strings: every word equal, the last a prefix.
    pub fn matches_at<'a>(&self, mut words: impl Iterator<Item = &'a str>) -> bool {
        let Some((last, whole)) = self.words.split_last() else { return false };
        whole.iter().all(|w| words.next() == Some(w.as_str()))
            && words.next().is_some_and(|t| t.starts_with(last.as_str()))
    }

    /// Every non-overlapping occurrence in `text`, as spans of `text`.
    pub fn find_in(&self, text: &str) -> Vec<Span> {
        self.find_in_words(&Words::new(text))
    }

    fn find_in_words(&self, text: &Words) -> Vec<Span> {
        let Some(last) = self.words.last() else { return Vec::new() };
        let n = self.words.len();
        let mut hits = Vec::new();
        let mut i = 0;
        while i + n <= text.ranges.len() {
            if self.matches_at((i..i + n).map(|k| text.word(k))) {
                let start = text.ranges[i].start;
                let end = text.ranges[i + n - 1].start + last.len();
                hits.push(text.folded.original(start, end));
                i += n;
            } else {
                i += 1;
            }
        }
        hits
    }
}

/// A text folded once and split into words, to look for several phrases.
struct Words {
    folded: Folded,
    ranges: Vec<Range<usize>>,
}

impl Words {
    fn new(text: &str) -> Self {
        let folded = fold_mapped(text);
        let ranges = word_ranges(&folded.text);
        Self { folded, ranges }
    }

    fn word(&self, i: usize) -> &str {
        self.ranges.get(i).and_then(|r| self.folded.text.get(r.clone())).unwrap_or("")
    }
}

/// A corpus query: every phrase must occur somewhere in the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub phrases: Vec<Phrase>,
}

impl Query {
    /// Bare words are each a phrase of one word (`Trung-Quốc` is two words
    /// that must follow each other); `"…"` is one phrase, and an unclosed
    /// quote runs to the end, so a phrase being typed already searches.
    pub fn parse(input: &str) -> Self {
        let mut phrases = Vec::new();
        for (i, part) in input.split('"').enumerate() {
            if i % 2 == 1 {
                phrases.push(Phrase::new(part));
            } else {
                phrases.extend(part.split_whitespace().map(Phrase::new));
            }
        }
        phrases.retain(|p| !p.is_empty());
        Self { phrases }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every hit of every phrase in `text`, in text order.
    pub fn find_in(&self, text: &str) -> Vec<Span> {
        let words = Words::new(text);
        let mut hits: Vec<Span> =
            self.phrases.iter().flat_map(|p| p.find_in_words(&words)).collect();
        hits.sort_unstable();
        hits.dedup();
        hits
    }
}

/// In-article search: `query` is one phrase; the spans of `text` it hits.
pub fn find_in_text(query: &str, text: &str) -> Vec<Span> {
    Phrase::new(query).find_in(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with every hit of `query` in brackets.
    fn mark(query: &str, text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for span in find_in_text(query, text) {
            out.push_str(text.get(at..span.start).unwrap());
            out.push('[');
            out.push_str(span.get(text));
            out.push(']');
            at = span.end;
        }
        out.push_str(text.get(at..).unwrap());
        out
    }

    #[test]
    fn in_article_rules() {
        let table = [
            // Vietnamese: accent-blind both ways, prefixes, never inside a letter.
            ("viet", "Việt Nam và Trung Quốc", "[Việt] Nam và Trung Quốc"),
            ("trung quoc", "Việt Nam và Trung Quốc.", "Việt Nam và [Trung Quốc]."),
            ("quo", "Trung Quốc", "Trung [Quố]c"),
            ("Quốc", "quoc QUỐC Quộc", "[quoc] [QUỐC] [Quộc]"),
            ("da nang", "Đà Nẵng, đà nẵng", "[Đà Nẵng], [đà nẵng]"),
            ("o", "Trung Quốc", "Trung Quốc"),
            ("uoc", "Trung Quốc", "Trung Quốc"),
            ("16,8 ty", "tăng lên 16,8 tỷ nhân dân tệ", "tăng lên [16,8 tỷ] nhân dân tệ"),
            // German: umlauts and ß both ways.
            ("munchen", "In München und MÜNCHEN", "In [München] und [MÜNCHEN]"),
            ("München", "Munchen", "[Munchen]"),
            ("strasse", "Die Straße", "Die [Straße]"),
            ("straße", "Die Strasse", "Die [Strasse]"),
            ("stras", "Die Straße", "Die [Straß]e"),
            ("chen", "München", "München"),
            // Dutch: diaeresis and apostrophes.
            ("cooperatie", "De coöperatie van zo'n bedrijf", "De [coöperatie] van zo'n bedrijf"),
            ("zo'n", "zo'n bedrijf, zo n", "[zo'n] bedrijf, [zo n]"),
            ("een", "één of EEN", "[één] of [EEN]"),
            // English: case, whole words and prefixes.
            ("Zhang", "ZHANG Yong and zhang", "[ZHANG] Yong and [zhang]"),
            (
                "cloud",
                "Alibaba Cloud; cloudy; thundercloud",
                "Alibaba [Cloud]; [cloud]y; thundercloud",
            ),
            ("alibaba cloud", "Alibaba  Cloud", "[Alibaba  Cloud]"),
            ("cloud alibaba", "Alibaba Cloud", "Alibaba Cloud"),
            ("ha ha", "ha ha ha", "[ha ha] ha"),
            ("", "anything", "anything"),
            ("!!", "anything!!", "anything!!"),
        ];
        for (query, text, want) in table {
            assert_eq!(mark(query, text), want, "query {query:?} in {text:?}");
        }
    }

    #[test]
    fn decomposed_text_is_hit_on_whole_characters() {
        let text = "Trung Quo\u{302}\u{301}c";
        assert_eq!(mark("quo", text), "Trung [Quo\u{302}\u{301}]c");
        assert_eq!(mark("trung quoc", text), "[Trung Quo\u{302}\u{301}c]");
    }

    #[test]
    fn parse_reads_words_and_quoted_phrases() {
        let words =
            |q: &Query| -> Vec<Vec<String>> { q.phrases.iter().map(|p| p.words.clone()).collect() };
        assert_eq!(words(&Query::parse("Trung  quốc")), [vec!["trung"], vec!["quoc"]]);
        assert_eq!(
            words(&Query::parse(r#"alibaba "Trung Quốc" cloud"#)),
            [vec!["alibaba"], vec!["trung", "quoc"], vec!["cloud"]]
        );
        assert_eq!(words(&Query::parse(r#""trung qu"#)), [vec!["trung", "qu"]]);
        assert_eq!(words(&Query::parse("Trung-Quốc")), [vec!["trung", "quoc"]]);
        assert!(Query::parse(r#" "" , "#).is_empty());
    }
}
