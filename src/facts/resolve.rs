//! Cross-fact work, once per document, after every finder ran on the body
//! and the headline:
//! 1. overlapping people, organisations and places: the longer mention
//!    wins, a place beats an organisation beats a person on the same words;
//! 2. organisation values lose legal-form words that only some mentions
//!    carry (`Alibaba Group Holding` → `Alibaba`), and a name used as an
//!    organisation once counts as one in all its mentions;
//! 3. a surname-only mention (`Wu`, German genitive `Wus`) takes the full
//!    name met in the document; role and organisation spread to all the
//!    mentions of a person;
//! 4. quote speakers (`speaker.rs`).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::names::{self, Cues, SPEECH, Shared};
use super::tokens::{FxHasher, capitalised_words, genitive_s, is_whole_word, is_word_char};
use super::{Fact, Field, Kind, Value, speaker};
use crate::corpus::Document;
use crate::text::{Lang, Span, ceil_char_boundary, floor_char_boundary};

/// Maps and sets of a document's names, with the fast hash of the word
/// sets (the names are the document's own, hashed once per document).
type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type Set<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

pub fn resolve(facts: &mut Vec<Fact>, doc: &Document, names: &names::Rules) {
    let lex = names.shared();
    drop_overlaps(facts, doc);
    strip_legal_forms(facts, doc, lex);
    link_aliases(facts, doc);
    spread_names(facts, doc, lex, names.cues());
    spread_roles(facts);
    super::sort_in_reading_order(facts);
    speaker::assign(facts, doc, names);
}

/// The fields facts were looked for in (a derived title repeats the body).
fn fields(doc: &Document) -> &'static [Field] {
    if doc.has_headline { &[Field::Title, Field::Body] } else { &[Field::Body] }
}

fn text_of(doc: &Document, field: Field) -> &str {
    match field {
        Field::Body => &doc.body,
        Field::Title => &doc.title,
    }
}

fn value(f: &Fact) -> &str {
    match &f.value {
        Value::Text(s) => s,
        _ => "",
    }
}

/// Priority on equal spans: place, organisation, person.
fn rank(k: Kind) -> u8 {
    match k {
        Kind::Place => 3,
        Kind::Org => 2,
        _ => 1,
    }
}

fn drop_overlaps(facts: &mut Vec<Fact>, doc: &Document) {
    // Sorted by field, then start, a sweep compares each entity with the
    // ones that start inside it.
    super::sort_in_reading_order(facts);
    let n = facts.len();
    let mut dead = vec![false; n];
    let mut trim: Vec<Option<Span>> = vec![None; n];
    for i in 0..n {
        if !facts[i].kind.is_entity() {
            continue;
        }
        for j in i + 1..n {
            let (a, b) = (&facts[i], &facts[j]);
            if b.field != a.field || b.span.start >= a.span.end {
                break;
            }
            if !b.kind.is_entity() || a.kind == b.kind {
                continue;
            }
            // `prezident Bolívie Evo Morales`: a name of three words or
            // more that opens with a place is the person after it.
            if let Some(p) = place_before_person(a, b) {
                let (person, place) = if p { (i, j) } else { (j, i) };
                trim[person] = Some(facts[place].span);
                continue;
            }
            let (ka, kb) = ((a.span.len(), rank(a.kind)), (b.span.len(), rank(b.kind)));
            if ka > kb {
                dead[j] = true;
            } else if kb > ka {
                dead[i] = true;
            }
        }
    }
    for (f, place) in facts.iter_mut().zip(trim) {
        let Some(place) = place else { continue };
        let text = text_of(doc, f.field);
        let skip = place.get(text).split_whitespace().count();
        let rest = text.get(place.end..f.span.end).unwrap_or("");
        f.span = Span::new(f.span.end - rest.trim_start().len(), f.span.end);
        let words: Vec<&str> = value(f).split(' ').skip(skip).collect();
        f.value = Value::Text(words.join(" "));
    }
    let mut k = 0;
    facts.retain(|_| {
        k += 1;
        !dead[k - 1]
    });
}

/// `Some(true)` when `a` is a person of three words or more that opens
/// with the place `b` (`Bolívie Evo Morales`), `Some(false)` when `b` is
/// such a person and `a` the place.
fn place_before_person(a: &Fact, b: &Fact) -> Option<bool> {
    let opens = |person: &Fact, place: &Fact| {
        person.kind == Kind::Person
            && place.kind == Kind::Place
            && person.field == place.field
            && person.span.start == place.span.start
            && place.span.end < person.span.end
            && value(person).split(' ').count() >= 3
    };
    if opens(a, b) {
        Some(true)
    } else if opens(b, a) {
        Some(false)
    } else {
        None
    }
}

/// `Alibaba Group Holding` → `Alibaba` when `Alibaba` is named on its own
/// too; `WKN AG` → `Windkraft Nord` when `WKN` is a mention of that value.
fn strip_legal_forms(facts: &mut [Fact], doc: &Document, lex: &Shared) {
    let mut values: Map<String, String> = Map::default();
    for f in facts.iter().filter(|f| f.kind == Kind::Org) {
        let v = value(f);
        values.insert(v.to_string(), v.to_string());
        let mention = f.span.get(text_of(doc, f.field));
        if mention != v {
            values.entry(mention.to_string()).or_insert_with(|| v.to_string());
        }
    }
    for f in facts.iter_mut() {
        if f.kind == Kind::Org {
            f.value = Value::Text(short_form(value(f), &values, lex));
        } else if let Some(org) = &f.org {
            f.org = Some(short_form(org, &values, lex));
        }
    }
}

fn short_form(name: &str, values: &Map<String, String>, lex: &Shared) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1
        && words.last().is_some_and(|w| lex.legal.contains(w.trim_end_matches('.')))
    {
        words.pop();
        if let Some(v) = values.get(&words.join(" ")) {
            return v.clone();
        }
    }
    name.to_string()
}

/// A name that one mention maps to another value (`EZB` in
/// `Europäische Zentralbank (EZB)`) has that value in all its mentions.
fn link_aliases(facts: &mut [Fact], doc: &Document) {
    let mut alias: Map<String, String> = Map::default();
    for f in facts.iter().filter(|f| f.kind == Kind::Org) {
        let mention = f.span.get(text_of(doc, f.field));
        if mention != value(f) {
            alias.entry(mention.to_string()).or_insert_with(|| value(f).to_string());
        }
    }
    for f in facts.iter_mut() {
        if f.kind == Kind::Org {
            if let Some(v) = alias.get(value(f)) {
                f.value = Value::Text(v.clone());
            }
        } else if let Some(v) = f.org.as_ref().and_then(|o| alias.get(o)) {
            f.org = Some(v.clone());
        }
    }
}

/// The names that, met elsewhere in the document, are an organisation
/// (`Alibaba-Aktien`, `Nvidias`), with their values.
///
/// A name found only in the headline is not spread: headlines capitalise
/// common words (English title case, German nouns: `Zahlen`).
fn org_names(facts: &[Fact], doc: &Document, lex: &Shared) -> Vec<(String, String)> {
    let mut names: Map<String, String> = Map::default();
    let in_body: Set<&str> =
        facts.iter().filter(|f| f.kind == Kind::Org && f.field == Field::Body).map(value).collect();
    for f in facts
        .iter()
        .filter(|f| f.kind == Kind::Org && (f.field == Field::Body || in_body.contains(value(f))))
    {
        let mention = f.span.get(text_of(doc, f.field)).trim_end_matches('s').to_string();
        for name in [value(f).to_string(), mention] {
            if name.chars().count() >= 3 && !lex.not_names.contains(&name) {
                names.entry(name).or_insert_with(|| value(f).to_string());
            }
        }
    }
    names.into_iter().collect()
}

/// Every other mention of an organisation's name is that organisation, and
/// every mention of a known person's surname is that person (one pass over
/// the words of each field for both).
fn spread_names(facts: &mut Vec<Fact>, doc: &Document, lex: &Shared, cues: &Cues) {
    let orgs = org_names(facts, doc, lex);
    let people = surnames(facts, lex);
    let names: Vec<&str> = orgs.iter().chain(&people).map(|p| p.0.as_str()).collect();
    if names.is_empty() {
        return;
    }
    for &field in fields(doc) {
        let found = mentions(text_of(doc, field), &names, doc.lang, lex);
        // The field's facts by start, for a binary search per mention (a
        // scan of every fact per mention was quadratic).
        let mut taken: Vec<(Span, usize)> = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.field == field && f.kind != Kind::Quote)
            .map(|(i, f)| (f.span, i))
            .collect();
        taken.sort_unstable_by_key(|t| (t.0.start, t.0.end));
        let mut added: Vec<Fact> = Vec::new();
        // Mentions are disjoint, so one never overlaps a fact added for another.
        for &(k, span) in &found {
            let hit = overlapping(&taken, span);
            let (kind, value) = match orgs.get(k) {
                Some(org) => (Kind::Org, &org.1),
                None => (Kind::Person, &people[k - orgs.len()].1),
            };
            let mut fact = Fact::new(kind, span, Value::Text(value.clone()));
            fact.field = field;
            match hit.as_slice() {
                [] => added.push(fact),
                // A surname replaces an organisation guessed from context
                // on the same words (`aldus Ma`).
                // So does it a place next to a verb of saying (`říká
                // Zárate` after `Paz Zárate`).
                &[i] if kind == Kind::Person
                    && facts[i].span == span
                    && (facts[i].kind == Kind::Org
                        || (facts[i].kind == Kind::Place
                            && speaking(text_of(doc, field), span, cues))) =>
                {
                    facts[i] = fact;
                }
                _ => {}
            }
        }
        facts.extend(added);
    }
}

/// A verb of saying stands right before or after `span` (spaces or a
/// comma between).
fn speaking(text: &str, span: Span, cues: &Cues) -> bool {
    const GAP: usize = 3;
    let window = Span::new(
        floor_char_boundary(text, span.start.saturating_sub(40)),
        ceil_char_boundary(text, span.end + 40),
    );
    cues.hits_in(text, window).iter().any(|h| {
        let gap = if h.span.end <= span.start {
            text.get(h.span.end..span.start)
        } else {
            text.get(span.end..h.span.start.max(span.end))
        };
        h.flags.intersects(SPEECH)
            && gap.is_some_and(|g| g.len() <= GAP && g.chars().all(|c| c == ' ' || c == ','))
    })
}

/// The facts of the sorted `spans` that overlap `span`. Facts other than
/// quotes span a few words, so looking back over eight is enough: O(log n).
fn overlapping(spans: &[(Span, usize)], span: Span) -> Vec<usize> {
    let k = spans.partition_point(|s| s.0.start < span.end);
    let before = spans.get(..k).unwrap_or(&[]);
    before.iter().rev().take(8).filter(|s| s.0.overlaps(span)).map(|s| s.1).collect()
}

/// Whole-word mentions of `names` in `text`: pattern index and span. One
/// pass over the words, with a lookup by first word (documents name few
/// entities, so building an automaton for each would cost more).
fn mentions(text: &str, names: &[&str], lang: Lang, lex: &Shared) -> Vec<(usize, Span)> {
    let mut by_first: Map<&str, Vec<usize>> = Map::default();
    for (k, n) in names.iter().enumerate() {
        let first = n.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        by_first.entry(first).or_default().push(k);
    }
    let mut out = Vec::new();
    let mut skip_to = 0;
    // Names start with a capital or a digit; other words need no lookup.
    for (start, word) in capitalised_words(text) {
        if start < skip_to {
            continue;
        }
        let genitive = word.strip_suffix('s').filter(|_| lang == Lang::DE);
        let candidates =
            by_first.get(word).into_iter().chain(genitive.and_then(|g| by_first.get(g)));
        let best = candidates
            .flatten()
            .filter(|&&k| text.get(start..).is_some_and(|r| r.starts_with(names[k])))
            .filter_map(|&k| Some((k, mention_end(text, start, start + names[k].len(), lang)?)))
            .max_by_key(|&(_, end)| end);
        if let Some((k, end)) = best.filter(|&(k, end)| {
            lang != Lang::VI || names[k].contains(' ') || vietnamese_mention(text, start, end, lex)
        }) {
            out.push((k, Span::new(start, end)));
            skip_to = end;
        }
    }
    out
}

/// A Vietnamese one-syllable name (`Chính`) stands for a person after a
/// title (`ông Chính`), before punctuation or before a function word or
/// verb (`Liên cho biết`), not as the first syllable of a word (`Chính
/// phủ`, the government).
fn vietnamese_mention(text: &str, start: usize, end: usize, lex: &Shared) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let prev = before.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else { return true };
    let next = rest.split(|c: char| !is_word_char(c)).next().unwrap_or("");
    lex.titles.contains(&prev.to_lowercase())
        || !next.starts_with(char::is_lowercase)
        || lex.vi_function.contains(next)
}

/// The end of a whole-word mention at `start..end`, with a German genitive `-s`.
fn mention_end(text: &str, start: usize, end: usize, lang: Lang) -> Option<usize> {
    if is_whole_word(text, start, end) {
        return Some(end);
    }
    genitive_s(text, end).filter(|&e| lang == Lang::DE && is_whole_word(text, start, e))
}

/// The word a full name is shortened to: the family name, last in most
/// languages, first in Chinese and Korean names (`Xi Jinping` → `Xi`).
fn surname<'n>(full: &'n str, lex: &Shared) -> Option<&'n str> {
    let words: Vec<&str> = full.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    let (first, last) = (words[0], words[words.len() - 1]);
    let family_first =
        lex.family_first.contains(first) && !lex.given.contains(last) && !lex.given.contains(first);
    // `Kim Jong Un`, `Ri Yong Ho`: Korean names keep the family name first.
    Some(if family_first && words.len() <= 3 && !is_vietnamese(full) { first } else { last })
}

/// Vietnamese names are called by their last word (`Nguyễn Văn An` → `An`).
fn is_vietnamese(name: &str) -> bool {
    name.chars().any(|c| matches!(c, 'ă' | 'â' | 'đ' | 'ê' | 'ô' | 'ơ' | 'ư' | 'Đ' | 'ạ'..='ỹ'))
}

/// Surname → full name for the people named in full (a surname two
/// people share is left out); single-word person facts take the full name.
fn surnames(facts: &mut [Fact], lex: &Shared) -> Vec<(String, String)> {
    let mut short: Map<String, String> = Map::default();
    for f in facts.iter().filter(|f| f.kind == Kind::Person && value(f).contains(' ')) {
        let full = value(f).to_string();
        // Long names are also called by a middle word (`… Lula da Silva`
        // → `Lula`, `Alberto Núñez Feijóo` → `Núñez`).
        let words: Vec<&str> = full.split(' ').collect();
        let middle = words.iter().skip(1).take(words.len().saturating_sub(2)).copied();
        let middle = middle.filter(|w| w.starts_with(char::is_uppercase) && w.chars().count() >= 3);
        // A double family name (`… Costa Filho`, `… García Márquez`), and
        // the given name alone when the family name comes last
        // (`completou Nayara`).
        let n = words.len();
        let double = (n >= 3).then(|| words[n - 2..].join(" "));
        let last = surname(&full, lex);
        let given = (last == words.last().copied()
            && words[0].chars().count() >= 3
            && !is_vietnamese(&full))
        .then_some(words[0]);
        let keys = last.into_iter().chain(middle.filter(|_| n >= 3)).chain(given);
        for s in keys.map(str::to_string).chain(double) {
            let e = short.entry(s).or_insert_with(|| full.clone());
            if *e != full {
                e.clear();
            }
        }
    }
    short.retain(|_, v| !v.is_empty());
    // A one-word name one letter off a surname met in full (`Kavadarkov`
    // after `Vladimir Kavardarkov`): a misspelling of it.
    let typos: Vec<(String, String)> = facts
        .iter()
        .filter(|f| {
            f.kind == Kind::Person && !value(f).contains(' ') && !short.contains_key(value(f))
        })
        .take(TYPO_CANDIDATES)
        .filter_map(|f| {
            let v = value(f);
            let mut near = short.iter().filter(|(k, _)| one_edit_apart(k, v));
            let (_, full) = near.next()?;
            near.next().is_none().then(|| (v.to_string(), full.clone()))
        })
        .collect();
    short.extend(typos);
    // A person named by one word only (`comentó Trump`, after a role
    // elsewhere) is that person in every mention too.
    for f in facts.iter().filter(|f| f.kind == Kind::Person) {
        let v = value(f);
        if !v.contains(' ') && v.chars().count() >= 3 && !lex.not_names.contains(v) {
            short.entry(v.to_string()).or_insert_with(|| v.to_string());
        }
    }
    for f in facts.iter_mut().filter(|f| f.kind == Kind::Person) {
        if let Some(full) = short.get(value(f)) {
            f.value = Value::Text(full.clone());
        }
    }
    short.into_iter().collect()
}

/// How many one-word names per document are compared with the surnames.
const TYPO_CANDIDATES: usize = 32;
/// The shortest name compared for a misspelling.
const TYPO_MIN_CHARS: usize = 6;

/// `a` and `b` differ by one letter added, dropped or changed, both long
/// enough and with the same first letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if short.len() < TYPO_MIN_CHARS || long.len() - short.len() > 1 || short[0] != long[0] {
        return false;
    }
    let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if head == short.len() {
        return long.len() != short.len();
    }
    let skip = usize::from(long.len() > short.len());
    short[head + 1 - skip..] == long[head + 1..]
        && (skip == 1 || short[head + 1..] == long[head + 1..])
}

/// A person's role and organisation, stated at one mention, hold for all.
fn spread_roles(facts: &mut [Fact]) {
    let mut known: Map<String, (Option<String>, Option<String>)> = Map::default();
    for f in facts.iter().filter(|f| f.kind == Kind::Person) {
        let e = known.entry(value(f).to_string()).or_default();
        if e.0.is_none() {
            e.0.clone_from(&f.role);
        }
        if e.1.is_none() {
            e.1.clone_from(&f.org);
        }
    }
    for f in facts.iter_mut().filter(|f| f.kind == Kind::Person) {
        if let Some((role, org)) = known.get(value(f)) {
            f.role.clone_from(role);
            f.org.clone_from(org);
        }
    }
}
