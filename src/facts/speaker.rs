//! Who said each quote, once the people of the document are resolved.
//!
//! In order: an attribution right after the quote (`“…”, sagte X`,
//! `”, aldus Ma`, `”, theo … X`); else a speech verb earlier in the
//! quote's sentence (`X sagte, dass „…“`, `Er fügte hinzu: „…“`); else the
//! speaker of the previous quote in the paragraph, or of the previous
//! sentence (`…, aldus de voorzitter. “…”`); else, for a paragraph that is
//! only a quote, the speaker of the paragraph before. A pronoun stands for
//! the person last named; a role (`de voorzitter.`) for the person with
//! that role; an unnamed source (`sagte einer der Befragten`) gives `null`.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::names::{Cues, Hit, ROLE, SPEECH, people_lexicon};
use super::tokens::is_word_char;
use super::{Fact, Field, Kind, Value};
use crate::corpus::Document;
use crate::text::Span;

/// How far after a speech verb the speaker's name may start.
const REACH: usize = 60;
/// How far after a quote a speaker named before the verb may start.
const NEAR: usize = 25;

struct Lexicons {
    cues: Cues,
    pronouns: HashSet<String>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let people = people_lexicon();
    let pronouns = people.pronouns.iter().map(|p| p.to_lowercase()).collect();
    Lexicons { cues: Cues::new(&people, None), pronouns }
});

/// An attribution found in the text.
#[derive(Debug, Clone, PartialEq)]
enum Said {
    Person(String),
    /// A pronoun: the person last named before `usize`.
    Pronoun(usize),
    /// A role noun ending the clause: the person with that role.
    Role(String),
    /// Attributed, but to nobody named.
    Unnamed,
}

/// The people of one text: span, value, role.
struct Scene<'a> {
    text: &'a str,
    people: Vec<(Span, String, Option<String>)>,
}

pub fn assign(facts: &mut [Fact], doc: &Document) {
    for field in [Field::Title, Field::Body] {
        let text = if field == Field::Body { &doc.body } else { &doc.title };
        let people = facts
            .iter()
            .filter(|f| f.field == field && f.kind == Kind::Person)
            .map(|f| {
                (
                    f.span,
                    if let Value::Text(v) = &f.value { v.clone() } else { String::new() },
                    f.role.clone(),
                )
            })
            .collect();
        if !facts.iter().any(|f| f.field == field && f.kind == Kind::Quote) {
            continue;
        }
        let scene = Scene { text, people };
        let mut prev: Option<(usize, Option<String>)> = None; // paragraph start, speaker
        for f in facts.iter_mut().filter(|f| f.field == field && f.kind == Kind::Quote) {
            let para = paragraph_start(text, f.span.start);
            let said = scene.attribute(f.span, para, prev.as_ref());
            f.speaker = said;
            prev = Some((para, f.speaker.clone()));
        }
    }
}

/// Right after the closing quotation mark of a quote ending at `end`.
fn closing_mark_end(text: &str, end: usize) -> usize {
    let tail = text.get(end..).unwrap_or("");
    let skip = tail.len() - tail.trim_start().len();
    end + skip + tail.trim_start().chars().next().map_or(0, char::len_utf8)
}

fn paragraph_start(text: &str, pos: usize) -> usize {
    text.get(..pos).and_then(|h| h.rfind('\n')).map_or(0, |i| i + 1)
}

/// The start of the sentence holding `pos` (not before `floor`).
fn sentence_start(text: &str, pos: usize, floor: usize) -> usize {
    let head = text.get(floor..pos).unwrap_or("");
    let mut start = floor;
    for (i, c) in head.char_indices() {
        if matches!(c, '.' | '!' | '?' | '…')
            && head.get(i + 1..).is_some_and(|r| r.starts_with(' '))
        {
            start = floor + i + 2;
        }
    }
    start
}

/// The end of the sentence after `pos`, or of its paragraph.
fn sentence_end(text: &str, pos: usize) -> usize {
    let tail = text.get(pos..).unwrap_or("");
    pos + tail.find(['.', '!', '?', '\n', '„', '“', '«']).unwrap_or(tail.len())
}

impl Scene<'_> {
    /// `prev`: the paragraph start and speaker of the quote before.
    fn attribute(
        &self,
        quote: Span,
        para: usize,
        prev: Option<&(usize, Option<String>)>,
    ) -> Option<String> {
        let after = closing_mark_end(self.text, quote.end);
        let sent = sentence_start(self.text, quote.start.saturating_sub(1), para);
        let said = self
            .said_in(Span::new(after, sentence_end(self.text, after)), true)
            .or_else(|| self.said_in(Span::new(sent, quote.start), false));
        if let Some(s) = said {
            return self.name(s, quote.start);
        }
        if let Some(p) = prev.filter(|p| p.0 == para) {
            return p.1.clone();
        }
        let prev_sentence = sentence_start(self.text, sent.saturating_sub(1), para);
        if prev_sentence < sent
            && let Some(s) = self.said_in(Span::new(prev_sentence, sent), false)
        {
            return self.name(s, quote.start);
        }
        let only_quote =
            self.text.get(para..quote.start).is_some_and(|h| h.chars().all(|c| !is_word_char(c)));
        if only_quote && para > 0 {
            let end = self.text.get(..para).unwrap_or("").trim_end().len();
            let prev_para = paragraph_start(self.text, end);
            if let Some(p) = prev.filter(|p| p.0 == prev_para) {
                return p.1.clone();
            }
            return self.last_said(prev_para, end).and_then(|s| self.name(s, quote.start));
        }
        None
    }

    /// The attribution of the last sentence of a paragraph that has one.
    fn last_said(&self, from: usize, to: usize) -> Option<Said> {
        let mut end = to;
        while end > from {
            let start = sentence_start(self.text, end, from);
            if let Some(s) = self.said_in(Span::new(start, end), false) {
                return Some(s);
            }
            if start == from {
                break;
            }
            end = start.saturating_sub(1);
        }
        None
    }

    /// The attribution a speech verb inside `window` makes. `after_quote`:
    /// the window follows the quote, so the verb must come first.
    fn said_in(&self, window: Span, after_quote: bool) -> Option<Said> {
        let hits = LEXICONS.cues.hits_in(self.text, window);
        let verbs: Vec<&Hit> = hits.iter().filter(|h| h.flags & SPEECH != 0).collect();
        if after_quote {
            // `“…”, sagte X`: the first verb, close to the quote; or a person
            // right after the quote whose verb comes later (`”, ông X, …, cho biết`).
            let h = verbs.first()?;
            if h.span.start - window.start <= REACH {
                return Some(self.said_by(&hits, h, window, true));
            }
            let next =
                self.people.iter().find(|p| p.0.start >= window.start && p.0.end <= h.span.start);
            return next
                .filter(|p| p.0.start - window.start <= NEAR)
                .map(|p| Said::Person(p.1.clone()));
        }
        // Before the quote the verb nearest to it counts (`…, stating, “`),
        // unless an earlier one names the speaker (`Phát biểu …, X cho biết:`).
        let said: Vec<Said> =
            verbs.iter().rev().map(|h| self.said_by(&hits, h, window, false)).collect();
        said.iter()
            .find(|s| matches!(s, Said::Person(_) | Said::Pronoun(_)))
            .or(said.first())
            .cloned()
    }

    /// What one speech verb in `window` says about the speaker.
    fn said_by(&self, hits: &[Hit], h: &Hit, window: Span, after_quote: bool) -> Said {
        let before =
            self.people.iter().rev().find(|p| p.0.end <= h.span.start && p.0.start >= window.start);
        let after = self.people.iter().find(|p| {
            p.0.start >= h.span.end
                && p.0.start - h.span.end <= REACH
                && p.0.end <= window.end
                && !self.text.get(h.span.end..p.0.start).unwrap_or(",").contains(',')
        });
        let person = if after_quote { after.or(before) } else { before.or(after) };
        if let Some(p) = person {
            return Said::Person(p.1.clone());
        }
        if self.pronoun_next_to(h.span) {
            return Said::Pronoun(h.span.start);
        }
        match role_ending_clause(self.text, hits, h.span.end, window.end) {
            Some(role) => Said::Role(role),
            None => Said::Unnamed,
        }
    }

    fn pronoun_next_to(&self, verb: Span) -> bool {
        let head = self.text.get(..verb.start).unwrap_or("").trim_end();
        let prev = head.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
        let tail = self.text.get(verb.end..).unwrap_or("").trim_start();
        let next = tail.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        [prev, next].iter().any(|w| LEXICONS.pronouns.contains(&w.to_lowercase()))
    }

    fn name(&self, said: Said, quote_start: usize) -> Option<String> {
        match said {
            Said::Person(p) => Some(p),
            Said::Pronoun(at) => self
                .people
                .iter()
                .rev()
                .find(|p| p.0.end <= at.min(quote_start))
                .map(|p| p.1.clone()),
            // The person with that role named before, else the last one named.
            Said::Role(r) => {
                let before = || self.people.iter().rev().filter(|p| p.0.end <= quote_start);
                before()
                    .find(|p| p.2.as_ref().is_some_and(|pr| pr.ends_with(&r)))
                    .or_else(|| before().next())
                    .map(|p| p.1.clone())
            }
            Said::Unnamed => None,
        }
    }
}

/// `aldus de voorzitter.`: a role word closing the clause after the verb.
fn role_ending_clause(text: &str, hits: &[Hit], from: usize, to: usize) -> Option<String> {
    let h =
        hits.iter().find(|h| h.flags & ROLE != 0 && h.span.start >= from && h.span.end <= to)?;
    let rest = text.get(h.span.end..to)?;
    let gap = text.get(from..h.span.start)?;
    (!rest.contains(is_word_char) && gap.split_whitespace().count() <= 2)
        .then(|| LEXICONS.cues.roles[usize::from(h.role)].clone())
}
