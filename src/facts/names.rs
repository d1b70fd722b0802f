//! People and organisations. Both are capitalised word sequences told apart
//! by evidence, so they are found together: the lexicons of
//! `assets/facts/people.toml` and `orgs.toml` are compiled here once into
//! sets and one cue automaton (titles, role words, speech verbs,
//! organisation nouns), and [`Rules::find`] runs the two finders
//! (`names/person.rs`, `names/org.rs`) over one tokenisation and settles
//! overlaps. The vocabulary they share lives in `names/cues.rs`, below both.

mod cues;
mod declension;
mod disjoint;
mod institution;
mod lexicon;
mod org;
mod person;

pub(super) use cues::{Cues, Hit, ROLE, SPEECH};
pub(super) use lexicon::Shared;

use super::tokens::{Token, WordSet, tokenize};
use super::{Fact, Input, Kind, Value};
use crate::text::Span;
use cues::{Ctx, Found};
use disjoint::Disjoint;

/// Compiled once per extractor.
pub struct Rules {
    cues: Cues,
    shared: Shared,
    not_names: WordSet,
    /// Words of `not_names` that may end a name ([`Rules::ends_name`]).
    ends_names: WordSet,
    people: person::Finder,
    orgs: org::Finder,
    institutions: institution::Finder,
}

impl Default for Rules {
    fn default() -> Self {
        Self::new()
    }
}

impl Rules {
    pub fn new() -> Self {
        let people = lexicon::people();
        let orgs = lexicon::orgs();
        let not_names: WordSet = people.words.not_names.iter().cloned().collect();
        Self {
            cues: Cues::new(&people, &orgs),
            shared: Shared::new(&people, &orgs),
            people: person::Finder::new(&people),
            orgs: org::Finder::new(&orgs),
            institutions: institution::Finder::new(&orgs),
            not_names,
            ends_names: people.words.ends_names.iter().cloned().collect(),
        }
    }

    /// The cue automaton, for speaker attribution.
    pub(super) fn cues(&self) -> &Cues {
        &self.cues
    }

    /// The word sets resolution and attribution share.
    pub(super) fn shared(&self) -> &Shared {
        &self.shared
    }

    /// Whether the word at `k`, one of `ends_names`, ends a name here:
    /// right after a capitalised word that may be part of one, and last of
    /// its run (`Rebecca West said`, not `West Bank`, not `the West`).
    fn ends_name(&self, text: &str, toks: &[Token], k: usize) -> bool {
        let t = toks[k];
        let Some(prev) = k.checked_sub(1).map(|p| toks[p]) else {
            return false;
        };
        let word = t.text(text);
        let before = prev.text(text);
        self.ends_names.contains(word)
            && prev.cap
            && !prev.caps
            && !prev.digit
            && prev.space_after
            && !self.not_names.contains(before)
            && !self.ends_names.contains(before)
            && !(t.space_after && toks.get(k + 1).is_some_and(|n| n.cap))
            && !t.hyphen_after
    }

    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        let toks = tokenize(input.text);
        let stop = (0..toks.len())
            .map(|k| {
                let t = toks[k];
                t.cap
                    && self.not_names.contains(t.text(input.text))
                    && !self.ends_name(input.text, &toks, k)
            })
            .collect();
        let hits = self.cues.hits(input.text, &toks, input.lang);
        let ctx = Ctx { text: input.text, lang: input.lang, toks, hits, stop };
        let institutions = self.institutions.find(&ctx, &self.shared.given);
        let orgs = self.orgs.find(&ctx, &self.cues.orgs, institutions);
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
/// `found` is in text order: a binary search, then the few names inside
/// the window (O(log n + window)).
fn employer(found: &[Found], window: Span) -> Option<String> {
    let k = found.partition_point(|f| f.span.start < window.start);
    found
        .get(k..)?
        .iter()
        .take_while(|f| f.span.end <= window.end)
        .find(|f| f.kind == Kind::Org)
        .map(|f| f.value.clone())
}

/// Keeps one of each overlapping person/organisation pair: strong evidence
/// beats weak, then the organisation wins, then the longer mention.
fn settle(people: Vec<Found>, orgs: Vec<Found>) -> Vec<Found> {
    let mut out = Disjoint::default();
    let beats = |_: Span, a: &Found, _: Span, b: &Found| {
        (a.strong, a.kind == Kind::Org, a.span.len())
            > (b.strong, b.kind == Kind::Org, b.span.len())
    };
    for f in orgs.into_iter().chain(people) {
        out.offer(f.span, f, beats);
    }
    out.into_values().collect()
}
