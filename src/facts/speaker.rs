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

use super::names::{self, Cues, Hit, ROLE, SPEECH};
use super::tokens::{WordSet, is_word_char};
use super::{Fact, Field, Kind, Value};
use crate::corpus::Document;
use crate::text::{Span, ceil_char_boundary, floor_char_boundary};

/// How far after a speech verb the speaker's name may start.
const REACH: usize = 60;
/// Prepositions that, right before a name, make it no subject (with the
/// lexicon's `clause_preps`).
const GOVERNING: [&str; 12] =
    ["do", "od", "of", "to", "von", "van", "about", "près", "cerca", "close", "blízko", "u"];
/// Words that open a reported clause after a verb of saying.
const COMPLEMENTISERS: [&str; 12] =
    ["que", "that", "dass", "dat", "že", "że", "rằng", "che", "qu", "chắc", "om", "och"];
/// How far after a speech verb a name may start when a role phrase stands
/// between (`, declara el director de la Unidad de …, José F. Zamarriego`).
const ROLE_PHRASE: usize = 200;
/// How far back a quote may end whose speaker a verb without a subject
/// continues (`„…” — zauważył.` two short paragraphs on).
const DROPPED_REACH: usize = 400;
/// How far after a quote a speaker named before the verb may start.
const NEAR: usize = 25;
/// The longest sentence looked at, each way from a quote: every window
/// read per quote is bounded, so attribution is linear in the text.
const SENTENCE: usize = 1500;
/// How many people back a role (`the minister`) may point.
const ROLE_REACH: usize = 32;

/// An attribution found in the text.
#[derive(Debug, Clone, PartialEq)]
enum Said {
    Person(String),
    /// A pronoun: the person last named before `usize`.
    Pronoun(usize),
    /// A verb without a subject after the quote (`”, destaca.`, `” —
    /// zauważył.`): in languages that drop the pronoun, the person last
    /// named before `usize` in the quote's paragraph.
    Dropped(usize),
    /// A role noun ending the clause: the person with that role.
    Role(String),
    /// A role noun as the subject before the verb (`Le ministre des
    /// Transports rappelle que « … »`): the person with that role only.
    RoleSubject(String),
    /// Attributed, but to nobody named.
    Unnamed,
}

/// The quote before the one being attributed.
struct Prev {
    /// Its paragraph's start.
    para: usize,
    end: usize,
    speaker: Option<String>,
    /// Its own sentence attributes it (to `speaker`, or to nobody named:
    /// `le secrétaire général affirme « … »`), so a pronoun or a verb
    /// without a subject after it goes on with that attribution.
    explicit: bool,
}

/// Who a quote is said by, and whether its own sentence says so.
struct Attribution {
    speaker: Option<String>,
    explicit: bool,
}

impl Attribution {
    fn said(speaker: Option<String>) -> Self {
        Self { speaker, explicit: true }
    }

    fn inferred(speaker: Option<String>) -> Self {
        Self { speaker, explicit: false }
    }
}

/// How many people back a pronoun looks past names inside quotations.
const QUOTED_SKIP: usize = 8;
/// How many people back the subject of a paragraph is looked for.
const SUBJECT_REACH: usize = 4;

/// The people of one text: span, value, role (in text order).
struct Scene<'a> {
    text: &'a str,
    /// Where each paragraph starts, in order.
    paragraphs: Vec<usize>,
    cues: &'a Cues,
    pronouns: &'a WordSet,
    clause_preps: &'a WordSet,
    openers: &'a WordSet,
    not_names: &'a WordSet,
    people: Vec<(Span, String, Option<String>)>,
    /// Per person: named inside a quotation, so no antecedent of a
    /// pronoun outside it (`il estime « … à Philippe Martinez »`).
    quoted: Vec<bool>,
}

pub fn assign(facts: &mut [Fact], doc: &Document, names: &names::Rules) {
    for field in [Field::Title, Field::Body] {
        let text = if field == Field::Body { &*doc.body } else { &*doc.title };
        let people: Vec<(Span, String, Option<String>)> = facts
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
        let paragraphs =
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let quotes: Vec<Span> = facts
            .iter()
            .filter(|f| f.field == field && f.kind == Kind::Quote)
            .map(|f| f.span)
            .collect();
        let in_quote = people_quoted(&people, &quotes);
        let scene = Scene {
            text,
            paragraphs,
            cues: names.cues(),
            pronouns: &names.shared().pronouns,
            clause_preps: &names.shared().clause_preps,
            openers: &names.shared().openers,
            not_names: &names.shared().not_names,
            people,
            quoted: in_quote,
        };
        let mut prev: Option<Prev> = None;
        for f in facts.iter_mut().filter(|f| f.field == field && f.kind == Kind::Quote) {
            let para = scene.paragraph_start(f.span.start);
            let said = scene.attribute(f.span, para, prev.as_ref());
            f.speaker = said.speaker;
            prev = Some(Prev {
                para,
                end: f.span.end,
                speaker: f.speaker.clone(),
                explicit: said.explicit,
            });
        }
        share_in_sentence(facts, field, text, &scene);
    }
}

/// Per person of `people` (in text order): named inside one of `quotes`
/// (in text order). One merge of the two lists.
fn people_quoted(people: &[(Span, String, Option<String>)], quotes: &[Span]) -> Vec<bool> {
    let mut q = 0;
    people
        .iter()
        .map(|p| {
            while q < quotes.len() && quotes[q].end <= p.0.start {
                q += 1;
            }
            quotes.get(q).is_some_and(|s| s.start <= p.0.start && p.0.end <= s.end)
        })
        .collect()
}

/// `„A“ a šanci „B,“ řekl.`: a quote with no speaker in the sentence of
/// the next quote, with nobody named between, shares that quote's speaker.
fn share_in_sentence(facts: &mut [Fact], field: Field, text: &str, scene: &Scene<'_>) {
    let quotes: Vec<usize> = (0..facts.len())
        .filter(|&i| facts[i].field == field && facts[i].kind == Kind::Quote)
        .collect();
    for w in quotes.windows(2).rev() {
        let (a, b) = (w[0], w[1]);
        if facts[a].speaker.is_some() || facts[b].speaker.is_none() {
            continue;
        }
        let from = closing_mark_end(text, facts[a].span.end);
        if from > facts[b].span.start {
            continue;
        }
        let gap = Span::new(from, facts[b].span.start);
        let between = text.get(gap.range()).unwrap_or(".");
        let one_sentence = between.len() <= REACH
            && !between.contains(['.', '!', '?', '\n', ';', ':'])
            && scene.people_in(gap).is_empty();
        if one_sentence {
            let shared = facts[b].speaker.clone();
            facts[a].speaker = shared;
        }
    }
}

/// Right after the closing quotation mark of a quote ending at `end`.
fn closing_mark_end(text: &str, end: usize) -> usize {
    let tail = text.get(end..).unwrap_or("");
    let skip = tail.len() - tail.trim_start().len();
    end + skip + tail.trim_start().chars().next().map_or(0, char::len_utf8)
}

/// The start of the sentence holding `pos` (not before `floor`, nor more
/// than [`SENTENCE`] bytes before `pos`).
fn sentence_start(text: &str, pos: usize, floor: usize) -> usize {
    let pos = floor_char_boundary(text, pos);
    let floor = floor.max(ceil_char_boundary(text, pos.saturating_sub(SENTENCE)));
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

/// The end of the sentence after `pos`, or of its paragraph (at most
/// [`SENTENCE`] bytes on).
fn sentence_end(text: &str, pos: usize) -> usize {
    let tail = text.get(pos..floor_char_boundary(text, pos + SENTENCE)).unwrap_or("");
    let mut prev = [' ', ' '];
    for (i, c) in tail.char_indices() {
        // The point of an initial (`José F. Zamarriego`) ends no sentence.
        let initial = c == '.' && prev[1].is_uppercase() && !prev[0].is_alphabetic();
        if matches!(c, '.' | '!' | '?' | '\n' | '„' | '“' | '«') && !initial {
            return pos + i;
        }
        prev = [prev[1], c];
    }
    pos + tail.len()
}

impl Scene<'_> {
    fn paragraph_start(&self, pos: usize) -> usize {
        let k = self.paragraphs.partition_point(|&p| p <= pos);
        self.paragraphs[k.saturating_sub(1)]
    }

    /// The last person named before `pos` (names are disjoint and in order,
    /// so a binary search finds it).
    fn last_before(&self, pos: usize) -> Option<usize> {
        self.people.partition_point(|p| p.0.end <= pos).checked_sub(1)
    }

    /// The person a sentence opens with after `Para`, `Pour`, `Per`, `Für`
    /// (`Para X, …`), when a comma follows the name.
    fn opened_for(&self, sentence: Span) -> Option<String> {
        let text = self.text.get(sentence.range())?;
        let first = text.split(' ').next()?;
        if !self.openers.contains(first) {
            return None;
        }
        let p = &self.people[self.first_from(sentence.start)?];
        let gap = Span::new(sentence.start + first.len(), p.0.start);
        let comma = self.text.get(p.0.end..)?.starts_with(',');
        (self.opener_gap(gap) && comma && p.0.end <= sentence.end).then(|| p.1.clone())
    }

    /// Between `Para` and the name: nothing, or a phrase in lower case set
    /// off by a comma, a role (`Para o coordenador-geral de Análise do
    /// Ministério, X,`).
    fn opener_gap(&self, gap: Span) -> bool {
        let Some(text) = self.text.get(gap.range()) else { return false };
        let text = text.trim();
        text.is_empty()
            || (text.len() <= ROLE_PHRASE
                && text.starts_with(char::is_lowercase)
                && text.ends_with(',')
                && text.matches(',').count() == 1)
    }

    /// The last person named before `pos` outside a quotation (a few
    /// names back at most).
    fn antecedent(&self, pos: usize) -> Option<usize> {
        let last = self.last_before(pos)?;
        (last.saturating_sub(QUOTED_SKIP)..=last).rev().find(|&k| !self.quoted[k])
    }

    /// How many people are named between `from` and `to`, outside quotations.
    fn named_between(&self, from: usize, to: usize) -> usize {
        let a = self.people.partition_point(|p| p.0.start < from);
        let b = self.people.partition_point(|p| p.0.end <= to);
        (a..b.max(a)).filter(|&k| !self.quoted[k]).count()
    }

    /// The person the paragraph before `para` attributes speech to by
    /// name, when that paragraph starts at or after `from`.
    fn said_in_paragraph_before(&self, para: usize, from: usize) -> Option<String> {
        let end = self.text.get(..para)?.trim_end().len();
        let start = self.paragraph_start(end);
        match self.last_said(start, end) {
            Some(Said::Person(p)) if start >= from && start < para => Some(p),
            _ => None,
        }
    }

    /// The subject of the last sentence in `window` that opens with a
    /// person (`Calzadilla také odmítl, že by Morales …`: Calzadilla): a
    /// name with at most three words and no comma before it in its sentence.
    fn subject_in(&self, window: Span) -> Option<String> {
        let named = self.people_in(window);
        let from = self.people.partition_point(|p| p.0.start < window.start);
        named.iter().enumerate().rev().take(SUBJECT_REACH).find_map(|(i, p)| {
            if self.quoted[from + i] {
                return None;
            }
            let start = sentence_start(self.text, p.0.start, window.start);
            let head = self.text.get(start..p.0.start)?;
            let opens = head.split_whitespace().count() <= 3
                && !head.contains([',', ':', '“', '„', '"', '«', '»'])
                && !self.governed(p.0.start);
            opens.then(|| p.1.clone())
        })
    }

    /// `Anunció el cambio en Twitter el sábado: “…”`: a verb of saying
    /// opening the sentence before a colon, with nobody named.
    fn opening_verb(&self, lead: Span) -> Option<Said> {
        let hits = self.cues.hits_in(self.text, lead);
        let h = hits.iter().find(|h| h.flags.intersects(SPEECH))?;
        let head = self.text.get(lead.start..h.span.start)?.trim();
        let short =
            head.is_empty() || (head.ends_with(',') && head.split_whitespace().count() <= 3);
        (short && self.people_in(lead).is_empty()).then_some(Said::Dropped(h.span.start))
    }

    /// The people named inside `window`.
    fn people_in(&self, window: Span) -> &[(Span, String, Option<String>)] {
        let from = self.people.partition_point(|p| p.0.start < window.start);
        let to = self.people.partition_point(|p| p.0.end <= window.end);
        self.people.get(from..to.max(from)).unwrap_or(&[])
    }

    /// The first person named at or after `pos`.
    fn first_from(&self, pos: usize) -> Option<usize> {
        let k = self.people.partition_point(|p| p.0.start < pos);
        (k < self.people.len()).then_some(k)
    }

    /// `prev`: the quote before, if any.
    fn attribute(&self, quote: Span, para: usize, prev: Option<&Prev>) -> Attribution {
        let after = closing_mark_end(self.text, quote.end);
        let after = Span::new(after, sentence_end(self.text, after));
        let sent = sentence_start(self.text, quote.start.saturating_sub(1), para);
        let lead = Span::new(sent, quote.start);
        // A quote introduced by a colon is attributed in its own sentence:
        // by its verb, else to the one person named there, else to nobody.
        if introduced_by_colon(lead.get(self.text)) {
            let said = match self.said_in(lead, false) {
                Some(Said::Unnamed) => self.opening_verb(lead).or(Some(Said::Unnamed)),
                s => s,
            };
            if let Some(s) = said {
                return Attribution::said(self.name(s, quote.start, prev));
            }
            let named = self.people_in(lead);
            return Attribution::said(
                (named.len() == 1 && !self.governed(named[0].0.start)).then(|| named[0].1.clone()),
            );
        }
        let said = self.said_in(after, true).or_else(|| self.said_in(lead, false));
        if let Some(s) = said {
            return Attribution::said(self.name(s, quote.start, prev));
        }
        // `Para Fernando Carballo, presidente de …, "…"`: a sentence that
        // opens with `for X,` gives X's view.
        if let Some(p) = self.opened_for(lead) {
            return Attribution::said(Some(p));
        }
        // Someone is named right after the quote, without a verb (`»…«,
        // war die Antwort von X`): not necessarily the speaker before.
        if !self.people_in(after).is_empty() {
            return Attribution::said(None);
        }
        Attribution::inferred(self.context(quote, sent, para, prev))
    }

    /// The speaker of a quote whose own sentence attributes it to nobody:
    /// from the quotes and sentences before.
    fn context(
        &self,
        quote: Span,
        sent: usize,
        para: usize,
        prev: Option<&Prev>,
    ) -> Option<String> {
        let lead = Span::new(sent, quote.start);
        // The speaker of the quote before in the paragraph, unless someone
        // else is named between the two.
        if let Some(p) = prev.filter(|p| p.para == para) {
            let between = self.people_in(Span::new(p.end, quote.start));
            if between.iter().all(|b| Some(&b.1) == p.speaker.as_ref()) {
                return p.speaker.clone();
            }
            return None;
        }
        let prev_sentence = sentence_start(self.text, sent.saturating_sub(1), para);
        // The sentence before attributes, unless the quote's own sentence
        // names someone else (`…, el doctor X, cree que "…"`); so does one
        // that opens with `for X,` (`Para X, … . "…"`).
        if prev_sentence < sent {
            let before = Span::new(prev_sentence, sent);
            let named = self.people_in(lead);
            if let Some(s) = self.said_in(before, false) {
                let said = self.name(s, quote.start, prev);
                return said.filter(|s| named.iter().all(|p| &p.1 == s));
            }
            if let Some(p) = self.opened_for(before) {
                return named.iter().all(|n| n.1 == p).then_some(p);
            }
        }
        let only_quote =
            self.text.get(para..quote.start).is_some_and(|h| h.chars().all(|c| !is_word_char(c)));
        if only_quote && para > 0 {
            let end = self.text.get(..para).unwrap_or("").trim_end().len();
            let prev_para = self.paragraph_start(end);
            if let Some(p) = prev.filter(|p| p.para == prev_para) {
                return p.speaker.clone();
            }
            return self.last_said(prev_para, end).and_then(|s| self.name(s, quote.start, prev));
        }
        None
    }

    /// The attribution of the last sentence of a paragraph that has one.
    /// Only the last [`SENTENCE`] bytes are read, each sentence once.
    fn last_said(&self, from: usize, to: usize) -> Option<Said> {
        let from = from.max(ceil_char_boundary(self.text, to.saturating_sub(SENTENCE)));
        let head = self.text.get(from..to).unwrap_or("");
        let mut ends: Vec<usize> = head
            .char_indices()
            .filter(|&(i, c)| {
                matches!(c, '.' | '!' | '?' | '…')
                    && head.get(i + 1..).is_some_and(|r| r.starts_with(' '))
            })
            .map(|(i, _)| from + i + 2)
            .collect();
        ends.insert(0, from);
        ends.push(to);
        ends.windows(2)
            .rev()
            .filter(|w| w[0] < w[1])
            .find_map(|w| self.said_in(Span::new(w[0], w[1]), false))
    }

    /// The attribution a speech verb inside `window` makes. `after_quote`:
    /// the window follows the quote, so the verb must come first.
    fn said_in(&self, window: Span, after_quote: bool) -> Option<Said> {
        let hits = self.cues.hits_in(self.text, window);
        let verbs: Vec<&Hit> = hits.iter().filter(|h| h.flags.intersects(SPEECH)).collect();
        if after_quote {
            // `“…”, sagte X`: the first verb, close to the quote; or a person
            // right after the quote whose verb comes later (`”, ông X, …, cho biết`).
            let h = verbs.first()?;
            if h.span.start - window.start <= REACH {
                return Some(self.said_by(&hits, h, window, true));
            }
            let next = self
                .first_from(window.start)
                .map(|k| &self.people[k])
                .filter(|p| p.0.end <= h.span.start);
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
        let before = self
            .last_before(h.span.start)
            .map(|k| &self.people[k])
            .filter(|p| p.0.start >= window.start && !self.governed(p.0.start));
        // `said the Y of Z, X`: a role right after the verb may reach further.
        let reach = if self.role_next(hits, h.span.end) { ROLE_PHRASE } else { REACH };
        let after = self.first_from(h.span.end).map(|k| &self.people[k]).filter(|p| {
            p.0.start >= h.span.end
                && p.0.start - h.span.end <= reach
                && p.0.end <= window.end
                && self.plain_gap(hits, Span::new(h.span.end, p.0.start))
        });
        let person = if after_quote { after.or(before) } else { before.or(after) };
        if let Some(p) = person {
            return Said::Person(p.1.clone());
        }
        if self.pronoun_next_to(h.span) {
            return Said::Pronoun(h.span.start);
        }
        if let Some(role) = role_ending_clause(self.text, self.cues, hits, h.span.end, window.end) {
            return Said::Role(role);
        }
        if after_quote && self.no_subject(Span::new(h.span.end, window.end)) {
            return Said::Dropped(window.start);
        }
        // `Además, añade, “…”`, `Dijo que “…”`: a verb that opens its
        // sentence has the subject of the sentences before.
        if !after_quote && self.opens_sentence(Span::new(window.start, h.span.start), h.span.end) {
            return Said::Dropped(h.span.start);
        }
        if !after_quote
            && let Some(role) = self.role_subject(hits, Span::new(window.start, h.span.start))
        {
            return Said::RoleSubject(role);
        }
        Said::Unnamed
    }

    /// A name right after a preposition (`Źródło zbliżone do Petera
    /// Jonesa powiedziało`, `a friend of X said`) is not the subject.
    fn governed(&self, start: usize) -> bool {
        let head = self.text.get(..start).unwrap_or("").trim_end();
        let prev = head.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
        !head.ends_with([',', '.', ':', ';'])
            && (self.clause_preps.contains(prev) || GOVERNING.contains(&prev))
    }

    /// A role word within a few bytes after `pos` (`, disse a diretora de`).
    fn role_next(&self, hits: &[Hit], pos: usize) -> bool {
        hits.iter().any(|h| {
            h.flags.intersects(ROLE)
                && h.span.start >= pos
                && self
                    .text
                    .get(pos..h.span.start)
                    .is_some_and(|g| g.len() <= 40 && !g.contains([',', '.', ';', ':', '\n']))
        })
    }

    /// Between a verb and a name: no comma (`said X`), or one that closes a
    /// role in apposition (`de acordo com o ministro de Minas, X`).
    fn plain_gap(&self, hits: &[Hit], gap: Span) -> bool {
        let text = self.text.get(gap.range()).unwrap_or(",");
        match text.matches(',').count() {
            0 => true,
            1 => {
                text.trim_end().ends_with(',')
                    && hits.iter().any(|h| {
                        h.flags.intersects(ROLE)
                            && gap.start <= h.span.start
                            && h.span.end <= gap.end
                    })
            }
            _ => false,
        }
    }

    /// The rest of a clause after a verb names nobody: it is empty or a
    /// phrase led by a preposition (`”, acrescentou no debate.`).
    fn no_subject(&self, rest: Span) -> bool {
        let rest = self.text.get(rest.range()).unwrap_or("x");
        let first = rest.split(|c: char| !is_word_char(c)).find(|w| !w.is_empty());
        first.is_none_or(|w| self.clause_preps.contains(w))
    }

    /// A verb without a subject opening its sentence: the words before it
    /// are none, an adverb set off by a comma (`Además, añade,`) or one
    /// word before a colon (`Jak powiedział:`); after it comes a comma, a
    /// colon or a word such as `que`, `that`, `dass`.
    fn opens_sentence(&self, head: Span, verb_end: usize) -> bool {
        let head = self.text.get(head.range()).unwrap_or("x").trim();
        let tail = self.text.get(verb_end..).unwrap_or("").trim_start();
        let next = tail.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        let colon = tail.starts_with(':');
        let clause = colon || tail.starts_with(',') || COMPLEMENTISERS.contains(&next);
        // The one word before `verb:` is no subject (`Jak powiedział:`),
        // not a capitalised word nobody took for a name (`Zárate cho biết:`).
        let one_word = head.split_whitespace().count() == 1
            && !head.contains(',')
            && (!head.starts_with(char::is_uppercase) || self.not_names.contains(head));
        clause
            && (head.is_empty()
                || (colon && one_word)
                || (head.ends_with(',')
                    && head.split_whitespace().count() <= 3
                    && !head.trim_end_matches(',').contains(',')))
    }

    fn pronoun_next_to(&self, verb: Span) -> bool {
        let head = self.text.get(..verb.start).unwrap_or("").trim_end();
        let prev = head.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
        // French inversion: `ajoute-t-il`, `dit-elle`.
        let tail = self.text.get(verb.end..).unwrap_or("").trim_start();
        let tail = tail.strip_prefix('-').map_or(tail, |t| t.strip_prefix("t-").unwrap_or(t));
        let next = tail.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        [prev, next].iter().any(|w| self.pronouns.contains(&w.to_lowercase()))
    }

    fn name(&self, said: Said, quote_start: usize, prev: Option<&Prev>) -> Option<String> {
        match said {
            Said::Person(p) => Some(p),
            // The speaker of the quote before in the paragraph when nobody
            // was named since (`Le ministre … rappelle « … ». Il précise
            // « … »`), even when that was nobody named; else the person
            // last named outside a quotation.
            Said::Pronoun(at) => {
                let at = at.min(quote_start);
                let para = self.paragraph_start(quote_start);
                if let Some(p) = prev.filter(|p| {
                    p.para == para
                        && p.end <= at
                        && (p.speaker.is_some() || p.explicit)
                        && self.named_between(p.end, at) == 0
                }) {
                    return p.speaker.clone();
                }
                self.antecedent(at).map(|k| self.people[k].1.clone())
            }
            // Only a person named in the quote's own paragraph, or the one
            // person the paragraph before names (or its subject): further
            // back the subject may well be someone else.
            Said::Dropped(at) => {
                let para = self.paragraph_start(quote_start);
                let last = self.antecedent(at.min(quote_start));
                if let Some(p) = last.map(|k| &self.people[k]).filter(|p| p.0.start >= para) {
                    return Some(p.1.clone());
                }
                // The speaker of a quote shortly before, unless someone
                // else was named since (then the subject is unclear).
                if let Some(p) = prev.filter(|p| {
                    quote_start - p.end <= DROPPED_REACH && (p.speaker.is_some() || p.explicit)
                }) {
                    // Naming the speaker again (`„…” — powiedział Kuc. „…”
                    // — dodał.`) keeps the subject.
                    let since = self.people_in(Span::new(p.end, quote_start));
                    if since.iter().all(|b| Some(&b.1) == p.speaker.as_ref()) {
                        return p.speaker.clone();
                    }
                    // Someone else was named since: only a paragraph in
                    // between that says who speaks (`Calzadilla odmítl, že …`).
                    return self.said_in_paragraph_before(para, p.end);
                }
                let end = self.text.get(..para).unwrap_or("").trim_end().len();
                let window = Span::new(self.paragraph_start(end), end);
                let named = self.people_in(window);
                let one = named.first().filter(|n| named.iter().all(|m| m.1 == n.1));
                one.map(|n| n.1.clone()).or_else(|| self.subject_in(window))
            }
            // The person with that role named shortly before, else the last one named.
            Said::Role(r) => {
                let last = self.last_before(quote_start)?;
                let before = self.people.get(last.saturating_sub(ROLE_REACH)..=last)?;
                before
                    .iter()
                    .rev()
                    .find(|p| p.2.as_ref().is_some_and(|pr| pr.ends_with(&r)))
                    .or(before.last())
                    .map(|p| p.1.clone())
            }
            Said::RoleSubject(r) => {
                let last = self.last_before(quote_start)?;
                let before = self.people.get(last.saturating_sub(ROLE_REACH)..=last)?;
                let holders: Vec<&String> = before
                    .iter()
                    .filter(|p| p.2.as_ref().is_some_and(|pr| pr.ends_with(&r)))
                    .map(|p| &p.1)
                    .collect();
                // Only when one person holds that role: else it is unclear.
                holders.first().filter(|h| holders.iter().all(|o| o == *h)).map(|h| (*h).clone())
            }
            Said::Unnamed => None,
        }
    }

    /// A role word among the first three words of the sentence before its
    /// verb, with no comma between (`Le ministre iranien des Transports
    /// rappelle`, `The minister said`).
    fn role_subject(&self, hits: &[Hit], head: Span) -> Option<String> {
        let h = hits.iter().find(|h| {
            h.flags.intersects(ROLE) && h.span.start >= head.start && h.span.end <= head.end
        })?;
        let lead = self.text.get(head.start..h.span.start)?;
        let rest = self.text.get(h.span.end..head.end)?;
        (lead.split_whitespace().count() <= 2 && !lead.contains(',') && !rest.contains(','))
            .then(|| self.cues.roles[usize::from(h.role)].clone())
    }
}

/// `aldus de voorzitter.`: a role word closing the clause after the verb.
fn role_ending_clause(
    text: &str,
    cues: &Cues,
    hits: &[Hit],
    from: usize,
    to: usize,
) -> Option<String> {
    let h = hits
        .iter()
        .find(|h| h.flags.intersects(ROLE) && h.span.start >= from && h.span.end <= to)?;
    let rest = text.get(h.span.end..to)?;
    let gap = text.get(from..h.span.start)?;
    (!rest.contains(is_word_char) && gap.split_whitespace().count() <= 2)
        .then(|| cues.roles[usize::from(h.role)].clone())
}

/// The text before a quote ends with a colon (`…, er sagte: „`).
fn introduced_by_colon(lead: &str) -> bool {
    lead.trim_end()
        .trim_end_matches(['“', '„', '"', '«', '»', '‚', '‘', '「', '\''])
        .trim_end()
        .ends_with(':')
}
