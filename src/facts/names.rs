//! People and organisations. Both are capitalised word sequences told apart
//! by evidence, so they are found together: the lexicons of
//! `assets/facts/people.toml` and `orgs.toml` are compiled here once into
//! sets and one cue automaton (titles, role words, speech verbs,
//! organisation nouns), and [`Rules::find`] runs the two finders
//! (`person.rs`, `org.rs`) over one tokenisation and settles overlaps.

use std::collections::HashMap;

use serde::Deserialize;

use super::tokens::{
    Gazetteer, Token, WordSet, case_forms, genitive_s, is_cjk, is_whole_word, tokenize,
};
use super::{Fact, Input, Kind, Value, org, person};
use crate::text::{Lang, Span};

#[derive(Deserialize)]
pub(super) struct PeopleLexicon {
    pub given: Vec<String>,
    pub family_first: Vec<String>,
    pub titles: Vec<String>,
    pub former: Vec<String>,
    pub pronouns: Vec<String>,
    pub roles: HashMap<String, Vec<String>>,
    pub words: Words,
}

#[derive(Deserialize)]
pub(super) struct Words {
    pub not_names: Vec<String>,
    pub speech: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct OrgLexicon {
    pub known: Vec<String>,
    pub legal: Vec<String>,
    pub descriptors: Vec<String>,
    pub units: Vec<String>,
    pub cues: Vec<String>,
    pub compound_cues: Vec<String>,
    pub list_cues: Vec<String>,
    pub acronym_stop: Vec<String>,
}

pub(super) fn people_lexicon() -> PeopleLexicon {
    toml::from_str(include_str!("../../assets/facts/people.toml")).expect("people.toml parses")
}

pub(super) fn org_lexicon() -> OrgLexicon {
    toml::from_str(include_str!("../../assets/facts/orgs.toml")).expect("orgs.toml parses")
}

/// What a cue word says about the name next to it (bit flags: one word can
/// be several, `laut` is a speech word and an organisation cue).
pub(super) const TITLE: u8 = 1;
pub(super) const ROLE: u8 = 2;
pub(super) const FORMER: u8 = 4;
pub(super) const SPEECH: u8 = 8;
pub(super) const ORG_CUE: u8 = 16;
pub(super) const LIST_CUE: u8 = 32;
/// A very large company, exchange, agency or medium (`known` in orgs.toml);
/// the hit's `role` then indexes [`Cues::orgs`].
pub(super) const KNOWN: u8 = 64;

/// One cue word found in the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub span: Span,
    pub flags: u8,
    /// Index into [`Cues::roles`] when `flags` has `ROLE`.
    pub role: u16,
}

/// The cue automaton: every cue word in its case forms, with its flags.
pub(super) struct Cues {
    words: Gazetteer,
    info: Vec<(u8, u16)>,
    pub roles: Vec<String>,
    /// Canonical names of the known organisations.
    pub orgs: Vec<String>,
}

impl Cues {
    /// Every cue; without `orgs`, only role words and speech verbs (what
    /// quote attribution needs).
    pub fn new(people: &PeopleLexicon, orgs: Option<&OrgLexicon>) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut info: Vec<(u8, u16)> = Vec::new();
        let mut add = |word: &str, flag: u8, role: u16| {
            let forms = if flag == KNOWN { vec![word.to_string()] } else { case_forms(word) };
            for form in forms {
                let k = *index.entry(form).or_insert_with(|| {
                    info.push((0, 0));
                    info.len() - 1
                });
                info[k].0 |= flag;
                if flag == ROLE || flag == KNOWN {
                    info[k].1 = role;
                }
            }
        };
        let mut roles: Vec<String> = people.roles.keys().cloned().collect();
        roles.sort();
        for (r, name) in roles.iter().enumerate() {
            for w in &people.roles[name] {
                add(w, ROLE, r as u16);
            }
        }
        people.words.speech.iter().for_each(|w| add(w, SPEECH, 0));
        let mut known_values = Vec::new();
        if let Some(orgs) = orgs {
            for k in &orgs.known {
                let (alias, canon) = k.split_once('=').unwrap_or((k, k));
                add(alias, KNOWN, known_values.len() as u16);
                known_values.push(canon.to_string());
            }
            people.titles.iter().for_each(|w| add(w, TITLE, 0));
            people.former.iter().for_each(|w| add(w, FORMER, 0));
            orgs.cues.iter().for_each(|w| add(w, ORG_CUE, 0));
            orgs.list_cues.iter().for_each(|w| add(w, LIST_CUE, 0));
        }
        let mut patterns: Vec<(String, usize)> = index.into_iter().collect();
        patterns.sort_by_key(|p| p.1);
        let words: Vec<&str> = patterns.iter().map(|p| p.0.as_str()).collect();
        Self { words: Gazetteer::new(&words), info, roles, orgs: known_values }
    }

    /// The cue words of a tokenised text, standing as whole words (or
    /// with a German genitive `-s`), in order.
    pub fn hits(&self, text: &str, toks: &[Token], lang: Lang) -> Vec<Hit> {
        let starts = toks.iter().flat_map(|t| {
            // Every character of a CJK run may start a word.
            let word = t.text(text);
            let cjk = if word.starts_with(is_cjk) { word } else { "" };
            // After a French elision (`l’opérateur`) a word starts too.
            let elided = word
                .char_indices()
                .take(3)
                .find(|&(_, c)| c == '\'' || c == '’')
                .map(|(i, c)| t.span.start + i + c.len_utf8());
            std::iter::once(t.span.start)
                .chain(elided)
                .chain(cjk.char_indices().skip(1).map(move |(i, _)| t.span.start + i))
        });
        self.to_hits(text, self.words.find_at(text, starts), lang)
    }

    /// The cue words inside `window` of `text`.
    pub fn hits_in(&self, text: &str, window: Span) -> Vec<Hit> {
        self.to_hits(text, self.words.find_in(text, window), Lang::UNKNOWN)
    }

    fn to_hits(&self, text: &str, found: Vec<(usize, Span)>, lang: Lang) -> Vec<Hit> {
        found
            .into_iter()
            .filter_map(|(k, mut span)| {
                if !is_whole_word(text, span.start, span.end) {
                    let e = genitive_s(text, span.end).filter(|_| lang == Lang::DE)?;
                    span.end = e;
                    is_whole_word(text, span.start, e).then_some(())?;
                }
                let (flags, role) = self.info[k];
                Some(Hit { span, flags, role })
            })
            .collect()
    }
}

/// One text, tokenised, with its cue words: what both finders look at.
pub(super) struct Ctx<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub toks: Vec<Token>,
    pub hits: Vec<Hit>,
    /// Per token: a capitalised function word (`Die`, `The`), never a name.
    pub stop: Vec<bool>,
}

impl Ctx<'_> {
    pub fn word(&self, k: usize) -> &str {
        self.toks[k].text(self.text)
    }

    /// The cue with `flag` that ends right before `pos` (only spaces between).
    pub fn hit_before(&self, pos: usize, flag: u8) -> Option<Hit> {
        let k = self.hits.partition_point(|h| h.span.end <= pos);
        let h = *self.hits.get(k.checked_sub(1)?)?;
        let gap = self.text.get(h.span.end..pos)?;
        (h.flags & flag != 0 && gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
            .then_some(h)
    }

    /// The cue with `flag` that starts right after `pos` (spaces between).
    pub fn hit_after(&self, pos: usize, flag: u8) -> Option<Hit> {
        let k = self.hits.partition_point(|h| h.span.start < pos);
        let h = *self.hits.get(k)?;
        let gap = self.text.get(pos..h.span.start)?;
        (h.flags & flag != 0 && gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
            .then_some(h)
    }

    /// The cue covering byte `pos`, if any.
    pub fn hit_at(&self, pos: usize) -> Option<Hit> {
        let k = self.hits.partition_point(|h| h.span.end <= pos);
        self.hits.get(k).filter(|h| h.span.start <= pos).copied()
    }
}

/// A name found by one of the finders, before the overlaps are settled.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub kind: Kind,
    pub span: Span,
    pub value: String,
    /// Found by strong evidence (a given name or title for people; the
    /// lexicon or a legal form for organisations).
    pub strong: bool,
    pub role: Option<String>,
    /// Where the organisation a person works for would stand.
    pub org_window: Option<Span>,
}

/// Compiled once per extractor.
pub struct Rules {
    cues: Cues,
    not_names: WordSet,
    pub(super) people: person::Finder,
    pub(super) orgs: org::Finder,
}

impl Default for Rules {
    fn default() -> Self {
        Self::new()
    }
}

impl Rules {
    pub fn new() -> Self {
        let people = people_lexicon();
        let orgs = org_lexicon();
        let not_names: WordSet = people.words.not_names.iter().cloned().collect();
        Self {
            cues: Cues::new(&people, Some(&orgs)),
            people: person::Finder::new(&people),
            orgs: org::Finder::new(&orgs),
            not_names,
        }
    }

    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let toks = tokenize(input.text);
        let stop =
            toks.iter().map(|t| t.cap && self.not_names.contains(t.text(input.text))).collect();
        let hits = self.cues.hits(input.text, &toks, input.lang);
        let ctx = Ctx { text: input.text, lang: input.lang, toks, hits, stop };
        let orgs = self.orgs.find(&ctx, &self.cues.orgs);
        let people = self.people.find(&ctx, &self.cues.roles);
        let found = settle(people, orgs);
        found
            .iter()
            .map(|f| {
                let mut fact = Fact::new(f.kind, f.span, Value::Text(f.value.clone()));
                fact.role.clone_from(&f.role);
                fact.org = f.org_window.and_then(|w| employer(&found, w));
                fact
            })
            .collect()
    }
}

/// The first organisation named inside `window` (`Analyst bei Acme`).
fn employer(found: &[Found], window: Span) -> Option<String> {
    found
        .iter()
        .find(|f| f.kind == Kind::Org && f.span.start >= window.start && f.span.end <= window.end)
        .map(|f| f.value.clone())
}

/// Keeps one of each overlapping person/organisation pair: strong evidence
/// beats weak, then the organisation wins, then the longer mention.
fn settle(people: Vec<Found>, orgs: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(people.len() + orgs.len());
    let beats = |a: &Found, b: &Found| {
        (a.strong, a.kind == Kind::Org, a.span.len())
            > (b.strong, b.kind == Kind::Org, b.span.len())
    };
    'next: for f in orgs.into_iter().chain(people) {
        if let Some(o) = out.iter_mut().find(|o| o.span.overlaps(f.span)) {
            if beats(&f, o) {
                *o = f;
            }
            continue 'next;
        }
        out.push(f);
    }
    out.sort_by_key(|f| f.span.start);
    out
}
