//! The vocabulary both name finders (`person.rs`, `org.rs`) and the
//! cross-document steps (`resolve.rs`, `speaker.rs`) share: the cue
//! automaton (titles, role words, speech verbs, organisation nouns, known
//! organisations) with the flags each cue carries, one tokenised text with
//! its cues ([`Ctx`]), and a name as a finder reports it ([`Found`]).
//! It imports neither finder, so they can both build on it.

use std::collections::HashMap;

use super::lexicon::{OrgLexicon, PeopleLexicon};
use crate::facts::Kind;
use crate::facts::tokens::{Gazetteer, Token, case_forms, genitive_s, is_cjk, is_whole_word};
use crate::text::{Lang, Span};

bitflags::bitflags! {
    /// What a cue word says about the name next to it (one word can be
    /// several: `laut` is a speech word and an organisation cue).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub(in crate::facts) struct Cue: u8 {
        const TITLE = 1;
        const ROLE = 1 << 1;
        const FORMER = 1 << 2;
        const SPEECH = 1 << 3;
        const ORG_CUE = 1 << 4;
        const LIST_CUE = 1 << 5;
        /// A very large company, exchange, agency or medium (`known` in
        /// orgs.toml); the hit's `role` then indexes [`Cues::orgs`].
        const KNOWN = 1 << 6;
        /// A verb or phrase of saying that names a source, often a medium
        /// or an organisation (`according to`, `laut`, `selon`).
        const SOURCE = 1 << 7;
    }
}

pub(in crate::facts) const TITLE: Cue = Cue::TITLE;
pub(in crate::facts) const ROLE: Cue = Cue::ROLE;
pub(in crate::facts) const FORMER: Cue = Cue::FORMER;
pub(in crate::facts) const SPEECH: Cue = Cue::SPEECH;
pub(in crate::facts) const ORG_CUE: Cue = Cue::ORG_CUE;
pub(in crate::facts) const LIST_CUE: Cue = Cue::LIST_CUE;
pub(in crate::facts) const KNOWN: Cue = Cue::KNOWN;
pub(in crate::facts) const SOURCE: Cue = Cue::SOURCE;

/// One cue word found in the text.
#[derive(Debug, Clone, Copy)]
pub(in crate::facts) struct Hit {
    pub span: Span,
    pub flags: Cue,
    /// Index into [`Cues::roles`] when `flags` has `ROLE`.
    pub role: u16,
}

/// The cue automaton: every cue word in its case forms, with its flags.
pub(in crate::facts) struct Cues {
    words: Gazetteer,
    info: Vec<(Cue, u16)>,
    pub roles: Vec<String>,
    /// Canonical names of the known organisations.
    pub orgs: Vec<String>,
}

impl Cues {
    /// Every cue word of the two lexicons, in its case forms.
    pub fn new(people: &PeopleLexicon, orgs: &OrgLexicon) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut info: Vec<(Cue, u16)> = Vec::new();
        let mut add = |word: &str, flag: Cue, role: u16| {
            let forms = if flag == KNOWN { vec![word.to_string()] } else { case_forms(word) };
            for form in forms {
                let k = *index.entry(form).or_insert_with(|| {
                    info.push((Cue::empty(), 0));
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
        people.speech.values().flatten().for_each(|w| add(w, SPEECH, 0));
        people.sources.iter().for_each(|w| add(w, SPEECH | SOURCE, 0));
        let mut known_values = Vec::new();
        for k in &orgs.known {
            let (alias, canon) = k.split_once('=').unwrap_or((k, k));
            add(alias, KNOWN, known_values.len() as u16);
            known_values.push(canon.to_string());
        }
        people.titles.iter().for_each(|w| add(w, TITLE, 0));
        people.former.iter().for_each(|w| add(w, FORMER, 0));
        orgs.cues.iter().for_each(|w| add(w, ORG_CUE, 0));
        orgs.list_cues.iter().for_each(|w| add(w, LIST_CUE, 0));
        let mut patterns: Vec<(String, usize)> = index.into_iter().collect();
        patterns.sort_by_key(|p| p.1);
        let words: Vec<&str> = patterns.iter().map(|p| p.0.as_str()).collect();
        Self { words: Gazetteer::new(&words), info, roles, orgs: known_values }
    }

    /// The cue words of a tokenised text, standing as whole words (or
    /// with a German genitive `-s`), in order.
    pub fn hits(&self, text: &str, toks: &[Token], lang: Lang) -> Vec<Hit> {
        self.to_hits(text, self.words.find_at(text, word_starts(text, toks).into_iter()), lang)
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

/// Where a cue word may start in a tokenised text, in order: at each
/// word, after a French elision inside one (`l’opérateur`), and at every
/// character of a CJK run (written without spaces).
fn word_starts(text: &str, toks: &[Token]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(toks.len());
    for t in toks {
        let word = t.text(text);
        starts.push(t.span.start);
        starts.extend(elision_end(word).map(|i| t.span.start + i));
        if word.starts_with(is_cjk) {
            starts.extend(word.char_indices().skip(1).map(|(i, _)| t.span.start + i));
        }
    }
    starts
}

/// The end of an apostrophe among the first three characters of `word`.
/// Most words hold neither byte an apostrophe starts with (`'`, and 0xE2
/// of `’`): they are not decoded.
fn elision_end(word: &str) -> Option<usize> {
    let head = word.as_bytes().get(..12).unwrap_or(word.as_bytes());
    if !head.iter().any(|&b| b == b'\'' || b == 0xe2) {
        return None;
    }
    word.char_indices().take(3).find(|&(_, c)| c == '\'' || c == '’').map(|(i, c)| i + c.len_utf8())
}

/// One text, tokenised, with its cue words: what both finders look at.
pub(in crate::facts) struct Ctx<'a> {
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
    pub fn hit_before(&self, pos: usize, flag: Cue) -> Option<Hit> {
        let k = self.hits.partition_point(|h| h.span.end <= pos);
        let h = *self.hits.get(k.checked_sub(1)?)?;
        let gap = self.text.get(h.span.end..pos)?;
        (h.flags.intersects(flag)
            && gap.len() <= 2
            && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
        .then_some(h)
    }

    /// The cue with `flag` that starts right after `pos` (spaces between).
    pub fn hit_after(&self, pos: usize, flag: Cue) -> Option<Hit> {
        let k = self.hits.partition_point(|h| h.span.start < pos);
        let h = *self.hits.get(k)?;
        let gap = self.text.get(pos..h.span.start)?;
        (h.flags.intersects(flag)
            && gap.len() <= 2
            && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
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
pub(in crate::facts) struct Found {
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
