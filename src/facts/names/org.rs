//! Organisations, by evidence of several kinds:
//! - a small lexicon of very large companies, exchanges, agencies and media;
//! - a capitalised run ending in a legal form or an organisation word
//!   (`… Group Holding`, `… AG`, `Alibaba Cloud`, `Deutsche Bank`);
//! - context: a company noun before (`logistics firm X`, `công ty X`,
//!   `Beratungsunternehmens X`, `Analyst bei X`, `meldt X`), or a list after
//!   one (`platforms like X and Y`);
//! - shape: CamelCase (`TikTok`), digits and letters (`3Com`, `7Bank`-like),
//!   acronyms outside a stoplist (`IBM`, not `GPU`).
//!
//! A parenthesised alias (`Tài Tân (Caixin)`) is the same organisation;
//! its value is the Latin-script form.

use std::cell::OnceCell;

use super::cues::{Ctx, Found, KNOWN, LIST_CUE, ORG_CUE, ROLE, SPEECH};
use super::disjoint::Disjoint;
use super::lexicon::OrgLexicon;
use crate::facts::Kind;
use crate::facts::tokens::{LastBytes, LowerSet, WordSet, camel_case, digit_name, is_word_char};
use crate::text::{Lang, Span, floor_char_boundary};

const MAX_WORDS: usize = 4;
/// How far after a name its bracketed alias may close (`Tài Tân (Caixin)`).
const ALIAS_REACH: usize = 80;

pub(super) struct Finder {
    legal: WordSet,
    /// Legal forms written with a final point (`Inc.`), which belongs to the name.
    dotted: WordSet,
    descriptors: WordSet,
    units: WordSet,
    compound_cues: Vec<String>,
    /// The last bytes of `compound_cues`.
    compound_cue_ends: LastBytes,
    acronym_stop: WordSet,
    call_sign_suffixes: WordSet,
    list_nouns: WordSet,
    joiners: WordSet,
    /// Linking words inside names (`of`, `de`, `für`), which an acronym skips.
    links: WordSet,
    not_org_heads: WordSet,
    employer_preps: WordSet,
    noun_endings: Vec<String>,
    /// German articles (`die Zahlen` is no name).
    articles: LowerSet,
    /// Legal forms of several tokens (`a.s.`, `Sp. z o.o.`), longest first.
    multi_legal: Vec<String>,
}

impl Finder {
    pub fn new(lex: &OrgLexicon) -> Self {
        Self {
            legal: lex.legal.iter().map(|s| s.trim_end_matches('.').to_string()).collect(),
            dotted: lex
                .legal
                .iter()
                .filter_map(|s| s.strip_suffix('.'))
                .map(str::to_string)
                .collect(),
            descriptors: lex.descriptors.iter().cloned().collect(),
            units: lex.units.iter().cloned().collect(),
            compound_cues: lex.compound_cues.clone(),
            compound_cue_ends: LastBytes::new(lex.compound_cues.iter().map(String::as_str)),
            acronym_stop: lex.acronym_stop.iter().cloned().collect(),
            call_sign_suffixes: lex.call_sign_suffixes.iter().cloned().collect(),
            list_nouns: lex.list_nouns.iter().cloned().collect(),
            joiners: lex.joiners.iter().cloned().collect(),
            links: lex.links.iter().cloned().collect(),
            not_org_heads: lex.not_org_heads.iter().cloned().collect(),
            employer_preps: lex.employer_preps.iter().cloned().collect(),
            noun_endings: lex.noun_endings.clone(),
            articles: LowerSet::new(lex.articles_de.iter().cloned()),
            multi_legal: {
                let mut forms: Vec<String> = lex
                    .legal
                    .iter()
                    .filter(|f| f.trim_end_matches('.').contains(['.', ' ', '&']))
                    .cloned()
                    .collect();
                forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
                forms
            },
        }
    }

    pub fn find(&self, ctx: &Ctx<'_>, known: &[String], institutions: Vec<Found>) -> Vec<Found> {
        let mut kept = Disjoint::default();
        let (spelled, not_orgs) = self.spelled_out(ctx);
        // In order of trust; a later, longer mention replaces an earlier
        // one it covers (`Alibaba Cloud` over `Alibaba`).
        for f in self
            .known(ctx, known)
            .into_iter()
            .chain(spelled)
            .chain(institutions)
            .chain(self.legal_runs(ctx))
            .chain(self.dotted_runs(ctx))
            .chain(self.cued(ctx))
            .chain(self.shaped(ctx))
        {
            kept.offer(f.span, f, covers);
        }
        let mut out: Vec<Found> =
            kept.into_values().filter(|f| !not_orgs.contains(&f.span)).collect();
        let mut more = self.listed_beside(ctx, &out);
        more.extend(aliases(ctx, &out));
        if !more.is_empty() {
            let mut kept = Disjoint::default();
            for f in out.into_iter().chain(more) {
                kept.offer(f.span, f, covers);
            }
            out = kept.into_values().collect();
        }
        link_aliases(ctx.text, &mut out);
        out
    }

    /// `Federación de Asociaciones Científico Médicas Españolas (FACME)`,
    /// `Česká národní banka (ČNB)`: an acronym in brackets whose letters
    /// are the initials of the words right before (links skipped) names
    /// the organisation those words spell out; both mentions take the
    /// long name as value.
    /// Also returns the acronyms of laws and plans, which are no organisation.
    fn spelled_out(&self, ctx: &Ctx<'_>) -> (Vec<Found>, Vec<Span>) {
        const MAX_SPELLED: usize = 10;
        let (mut out, mut not_orgs) = (Vec::new(), Vec::new());
        for k in 1..ctx.toks.len() {
            let t = ctx.toks[k];
            if !t.caps
                || !ctx.text.get(ctx.toks[k - 1].span.end..t.span.start).is_some_and(alias_gap)
            {
                continue;
            }
            let letters: Vec<char> = ctx.word(k).chars().filter(|c| c.is_alphabetic()).collect();
            let mut need = letters.len();
            let mut j = k - 1;
            let start = loop {
                let w = ctx.word(j);
                let initial = w.chars().next().and_then(|c| c.to_uppercase().next());
                if need > 0 && initial == Some(letters[need - 1]) {
                    need -= 1;
                } else if !self.links.contains(w) {
                    break None;
                }
                if need == 0 {
                    break ctx.toks[j].cap.then_some(j);
                }
                if j == 0 || k - j >= MAX_SPELLED || !ctx.toks[j - 1].space_after {
                    break None;
                }
                j -= 1;
            };
            let Some(start) = start.filter(|_| letters.len() >= 2) else { continue };
            if self.not_org_heads.contains(ctx.word(start)) {
                // A law or a plan: neither it nor its acronym is an organisation.
                not_orgs.push(t.span);
                continue;
            }
            let span = Span::new(ctx.toks[start].span.start, ctx.toks[k - 1].span.end);
            let name = text_of(ctx.text, span);
            out.push(found(span, name.clone(), true));
            out.push(found(t.span, name, true));
        }
        (out, not_orgs)
    }

    /// The known organisations among the cue words.
    fn known(&self, ctx: &Ctx<'_>, values: &[String]) -> Vec<Found> {
        ctx.hits
            .iter()
            .filter(|h| h.flags.intersects(KNOWN))
            .map(|h| match self.unit_after(ctx, h.span.end) {
                Some(end) => {
                    let span = Span::new(h.span.start, end);
                    found(span, text_of(ctx.text, span), true)
                }
                None => found(h.span, values[usize::from(h.role)].clone(), true),
            })
            .collect()
    }

    /// `Alibaba Cloud`, `Google Maps`: the end of a unit word right after `pos`.
    fn unit_after(&self, ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
        let k = ctx.toks.partition_point(|t| t.span.start < pos);
        let t = ctx.toks.get(k)?;
        let gap = ctx.text.get(pos..t.span.start)?;
        (gap == " " && self.units.contains(t.text(ctx.text))).then_some(t.span.end)
    }

    /// A word of a name: capitalised (or digit-led, or an acronym), no
    /// function word, no role or speech cue.
    fn name_word(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        let t = ctx.toks[k];
        let w = ctx.word(k);
        (t.cap || (t.digit && w.chars().any(char::is_uppercase)))
            && !ctx.stop[k]
            && !self.acronym_stop.contains(w)
            && ctx.hit_at(t.span.start).is_none_or(|h| !h.flags.intersects(ROLE | SPEECH))
    }

    /// Capitalised runs that end in legal forms or organisation words.
    fn legal_runs(&self, ctx: &Ctx<'_>) -> Vec<Found> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < ctx.toks.len() {
            let t = ctx.toks[k];
            let candidate = (t.cap || ctx.word(k) == "plc") && k > 0 && ctx.toks[k - 1].space_after;
            if !candidate || !self.is_org_word(ctx.word(k)) {
                k += 1;
                continue;
            }
            let mut first = k;
            while first > 0
                && k - first < MAX_WORDS
                && ctx.toks[first - 1].space_after
                && self.name_word(ctx, first - 1)
            {
                first -= 1;
            }
            let mut last = k;
            while last + 1 < ctx.toks.len()
                && ctx.toks[last].space_after
                && self.is_org_word(ctx.word(last + 1))
            {
                last += 1;
            }
            if first < k || (first == k && last > k && !ctx.toks[k].initial) {
                let mut span = Span::new(ctx.toks[first].span.start, ctx.toks[last].span.end);
                if self.dotted.contains(ctx.word(last))
                    && ctx.text.get(span.end..=span.end) == Some(".")
                {
                    span.end += 1;
                }
                out.push(found(span, text_of(ctx.text, span), true));
            }
            k = last + 1;
        }
        out
    }

    /// Capitalised runs that end in a legal form of several tokens
    /// (`Agro Nova a.s.`, `Sady Morava s.r.o.`, `Acme Sp. z o.o.`, `Foo S.A.`).
    fn dotted_runs(&self, ctx: &Ctx<'_>) -> Vec<Found> {
        let mut out = Vec::new();
        for k in 0..ctx.toks.len() {
            if !ctx.toks[k].cap {
                continue;
            }
            // Every such form has a point right after its first word, or
            // starts with one of a few words (`Pty Ltd`): a cheap test first.
            let Some(next) = ctx.toks.get(k + 1).filter(|_| ctx.toks[k].space_after) else {
                continue;
            };
            let dot = ctx.text.as_bytes().get(next.span.end) == Some(&b'.');
            if !dot && !matches!(ctx.word(k + 1), "Pty" | "Sdn" | "GmbH") {
                continue;
            }
            if !self.name_word(ctx, k) {
                continue;
            }
            let end = ctx.toks[k].span.end;
            let Some(rest) = ctx.text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            let Some(form) = self.multi_legal.iter().find(|f| {
                rest.starts_with(f.as_str())
                    && !rest.get(f.len()..).and_then(|r| r.chars().next()).is_some_and(is_word_char)
            }) else {
                continue;
            };
            let mut first = k;
            while first > 0
                && k - first + 1 < MAX_WORDS
                && ctx.toks[first - 1].space_after
                && self.name_word(ctx, first - 1)
                && ctx
                    .hit_at(ctx.toks[first - 1].span.start)
                    .is_none_or(|h| !h.flags.intersects(ORG_CUE))
            {
                first -= 1;
            }
            let span = Span::new(ctx.toks[first].span.start, end + 1 + form.len());
            out.push(found(span, text_of(ctx.text, span), true));
        }
        out
    }

    fn is_org_word(&self, w: &str) -> bool {
        self.legal.contains(w) || self.descriptors.contains(w)
    }

    /// Names right after an organisation cue, or listed after one.
    fn cued(&self, ctx: &Ctx<'_>) -> Vec<Found> {
        let mut out = Vec::new();
        // German nouns take articles, names seldom do: a word met after
        // one (`die Zahlen`) is a common noun wherever a cue stands before
        // it (`laut Zahlen`).
        // Built the first time a single word is cued, in German only.
        let nouns: OnceCell<WordSet> = OnceCell::new();
        let is_noun = |k: usize| {
            ctx.lang == Lang::DE
                && nouns
                    .get_or_init(|| {
                        (1..ctx.toks.len())
                            .filter(|&k| {
                                ctx.toks[k - 1].space_after
                                    && self.articles.contains_lowercase(ctx.word(k - 1))
                            })
                            .map(|k| ctx.word(k).to_string())
                            .collect()
                    })
                    .contains(ctx.word(k))
        };
        for (k, t) in ctx.toks.iter().enumerate() {
            if !(t.cap || t.digit) || t.hyphen_before || !self.name_word(ctx, k) {
                continue;
            }
            let before_cue = ctx.hit_before(t.span.start, ORG_CUE).is_some()
                || self.compound_cue_before(ctx, k)
                || self.employer_prep_before(ctx, k)
                || self.compound_cue_after(ctx, k);
            let listed = ctx
                .hit_before(t.span.start, LIST_CUE)
                .is_some_and(|h| self.company_noun_before(ctx, h.span.start));
            if !(before_cue || listed) {
                continue;
            }
            let mut k2 = k;
            loop {
                let last = self.name_run(ctx, k2);
                let span = Span::new(ctx.toks[k2].span.start, ctx.toks[last].span.end);
                let noun = k2 == last && is_noun(k2);
                if !vietnamese_fragment(ctx, k2, last) && !self.german_noun(ctx, k2, last) && !noun
                {
                    out.push(found(span, text_of(ctx.text, span), false));
                }
                match (listed, self.next_list_item(ctx, last)) {
                    (true, Some(n)) => k2 = n,
                    _ => break,
                }
            }
        }
        out
    }

    /// Names listed beside organisations (`Bits of Freedom, PublicSpaces,
    /// DeGoedeZaak, SETUP en Waag Futurelab`): in a list of three names or
    /// more, at least half of them organisations already, the others are
    /// organisations too. `orgs` is in text order; one pass over the tokens.
    fn listed_beside(&self, ctx: &Ctx<'_>, orgs: &[Found]) -> Vec<Found> {
        let mut out = Vec::new();
        // A list of three has a comma next to one of its organisations.
        let comma = |f: &Found| {
            ctx.text.get(f.span.end..).is_some_and(|r| r.starts_with(','))
                || ctx.text.get(..f.span.start).is_some_and(|l| l.ends_with(", "))
        };
        if orgs.len() < 2 || !orgs.iter().any(comma) {
            return out;
        }
        // The organisation starting at token `k`: its last token.
        let org_at = |k: usize| {
            let start = ctx.toks[k].span.start;
            let i = orgs.partition_point(|f| f.span.start < start);
            let f = orgs.get(i).filter(|f| f.span.start == start)?;
            let last = ctx.toks.partition_point(|t| t.span.end < f.span.end);
            (last < ctx.toks.len() && ctx.toks[last].span.end == f.span.end).then_some(last)
        };
        let mut k = 0;
        while k < ctx.toks.len() {
            let t = ctx.toks[k];
            if !t.cap || t.hyphen_before || !self.name_word(ctx, k) {
                k += 1;
                continue;
            }
            let mut items: Vec<(usize, usize, bool)> = Vec::new();
            let mut first = k;
            // `Bits of Freedom, …`: a short linking word inside the first name.
            let linked = k >= 2
                && ctx.toks[k - 2].space_after
                && ctx.toks[k - 1].space_after
                && !ctx.toks[k - 1].cap
                && ctx.word(k - 1).chars().count() <= 3
                && self.name_word(ctx, k - 2);
            loop {
                // A run of capitals ends before an organisation
                // (`Sklepy IKEA, …`: `Sklepy` is no item).
                let (last, known) = if let Some(last) = org_at(first) {
                    (last, true)
                } else {
                    let run = self.name_run(ctx, first);
                    let next_org = (first + 1..=run).find(|&j| org_at(j).is_some());
                    (next_org.map_or(run, |j| j - 1), false)
                };
                let from = if items.is_empty() && linked && !known { first - 2 } else { first };
                items.push((from, last, known));
                match self.next_list_item(ctx, last) {
                    Some(n) if items.len() < MAX_LIST => first = n,
                    _ => break,
                }
            }
            let known = items.iter().filter(|i| i.2).count();
            if items.len() >= 3 && known >= 2 && 2 * known >= items.len() {
                for &(a, b, _) in items.iter().filter(|i| !i.2) {
                    let span = Span::new(ctx.toks[a].span.start, ctx.toks[b].span.end);
                    if !vietnamese_fragment(ctx, a, b) && !self.german_noun(ctx, a, b) {
                        out.push(found(span, text_of(ctx.text, span), false));
                    }
                }
            }
            k = items.last().map_or(k, |i| i.1) + 1;
        }
        out
    }

    fn name_run(&self, ctx: &Ctx<'_>, k: usize) -> usize {
        let mut last = k;
        while last + 1 < ctx.toks.len()
            && last - k + 1 < MAX_WORDS
            && ctx.toks[last].space_after
            && self.name_word(ctx, last + 1)
        {
            last += 1;
        }
        last
    }

    /// After list item ending at token `last`: `, B` or `and B` → B's token.
    fn next_list_item(&self, ctx: &Ctx<'_>, last: usize) -> Option<usize> {
        let gap = ctx.text.get(ctx.toks[last].span.end..ctx.toks.get(last + 1)?.span.start)?;
        if gap.trim() == "," && self.name_word(ctx, last + 1) {
            return Some(last + 1);
        }
        let joiner = ctx.word(last + 1);
        (gap == " "
            && self.joiners.contains(joiner)
            && last + 2 < ctx.toks.len()
            && self.name_word(ctx, last + 2))
        .then_some(last + 2)
    }

    /// `Beratungsunternehmens X`, `Supermarktkette X`: a compound noun ending in an organisation word.
    fn compound_cue_before(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        if k == 0 || !ctx.toks[k - 1].space_after {
            return false;
        }
        let w = ctx.word(k - 1);
        self.compound_cue_ends.may_end(w)
            && self.compound_cues.iter().any(|c| w.len() > c.len() + 2 && w.ends_with(c.as_str()))
    }

    /// `Labour-partij`, `Siemens-Konzern`: the name joined by a hyphen to an
    /// organisation word (one of `compound_cues`, or ending in one).
    fn compound_cue_after(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        if !ctx.toks[k].hyphen_after || ctx.toks[k].caps {
            return false;
        }
        let Some(next) = ctx.toks.get(k + 1) else { return false };
        let w = next.text(ctx.text).to_lowercase();
        self.compound_cues.iter().any(|c| w.ends_with(c.as_str()))
    }

    /// A company noun (or its plural) within the two words before a list cue (`platforms like`).
    fn company_noun_before(&self, ctx: &Ctx<'_>, pos: usize) -> bool {
        let k = ctx.toks.partition_point(|t| t.span.end <= pos);
        (k.saturating_sub(2)..k).any(|j| {
            let w = ctx.word(j).to_lowercase();
            let stem = w.trim_end_matches('s');
            ctx.hit_at(ctx.toks[j].span.start).is_some_and(|h| h.flags.intersects(ORG_CUE))
                || self.list_nouns.contains(stem)
                || self.compound_cues.iter().any(|c| w.ends_with(c.as_str()))
        })
    }

    /// German capitalises nouns: after `laut`, `Konzern`, `Unternehmen` a
    /// single word with a common noun ending (`laut Angaben`, `Insidern`,
    /// `Experten`) is no name.
    fn german_noun(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> bool {
        let word = ctx.word(first);
        first == last
            && ctx.lang == Lang::DE
            && !ctx.toks[first].caps
            && !ctx.toks[first].digit
            && self.noun_endings.iter().any(|e| word.ends_with(e.as_str()))
    }

    /// `Analyst bei X`, `CEO of X`, `Konkurrenten von X`: a role word or a
    /// company noun and a preposition before.
    fn employer_prep_before(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        if k == 0 || !ctx.toks[k - 1].space_after || !self.employer_preps.contains(ctx.word(k - 1))
        {
            return false;
        }
        let prep = ctx.toks[k - 1].span.start;
        ctx.hit_before(prep, ROLE | ORG_CUE).is_some()
    }

    /// CamelCase brands, digit-and-letter names, acronyms.
    fn shaped(&self, ctx: &Ctx<'_>) -> Vec<Found> {
        let mut out = Vec::new();
        // An acronym the text spells out in lower-case words (`imposta
        // municipale unica (IMU)`) names a thing, not an organisation, in
        // every mention.
        let common: WordSet = ctx
            .toks
            .iter()
            .enumerate()
            .filter(|&(k, t)| t.caps && bracketed(ctx.text, t.span) && !self.acronym(ctx, k))
            .map(|(k, _)| ctx.word(k).to_string())
            .collect();
        for (k, t) in ctx.toks.iter().enumerate() {
            if !(t.cap || t.digit) {
                continue;
            }
            let w = ctx.word(k);
            if ctx.hit_at(t.span.start).is_some_and(|h| h.flags.intersects(ROLE)) {
                continue; // `CEO`, `PDG`
            }
            if let Some(end) = self.call_sign(ctx, k) {
                out.push(found(
                    Span::new(t.span.start, end),
                    text_of(ctx.text, Span::new(t.span.start, end)),
                    false,
                ));
                continue;
            }
            let ok = if t.caps {
                self.acronym(ctx, k) && !common.contains(w)
            } else if t.digit {
                digit_name(w)
            } else {
                camel_case(w)
            };
            if ok && !ctx.stop[k] {
                out.push(found(t.span, w.to_string(), false));
            }
        }
        out
    }

    /// `KSWB-TV`: letters and a broadcaster's suffix joined by a hyphen; the end.
    fn call_sign(&self, ctx: &Ctx<'_>, k: usize) -> Option<usize> {
        let t = ctx.toks[k];
        let next = ctx.toks.get(k + 1)?;
        let n = t.span.len();
        let ok = t.caps
            && t.hyphen_after
            && (3..=5).contains(&n)
            && ctx.word(k).bytes().all(|b| b.is_ascii_uppercase())
            && self.call_sign_suffixes.contains(ctx.word(k + 1))
            && !next.hyphen_after;
        ok.then_some(next.span.end)
    }

    /// An acronym of 3–6 letters, outside the stoplist, not in a shouted
    /// line, not a parenthesised abbreviation of lower-case words.
    fn acronym(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        let w = ctx.word(k);
        let n = w.chars().count();
        if !(3..=6).contains(&n)
            || self.acronym_stop.contains(w)
            || !w.chars().all(char::is_alphabetic)
        {
            return false;
        }
        // `Boeing 737 MAX`, `Galaxy S24 FE`: a model name after a number.
        if k > 0 && ctx.toks[k - 1].digit && ctx.toks[k - 1].space_after {
            return false;
        }
        let shouting = |j: usize| {
            ctx.toks
                .get(j)
                .is_some_and(|t| t.caps && t.span.start.abs_diff(ctx.toks[k].span.start) < 40)
        };
        if shouting(k + 1) || (k > 0 && shouting(k - 1)) {
            return false;
        }
        let t = ctx.toks[k];
        let before = ctx.text.get(..t.span.start).unwrap_or("");
        if let Some(head) = before.strip_suffix('(') {
            let prev = head.trim_end().chars().next_back();
            return prev.is_some_and(char::is_uppercase)
                || head
                    .trim_end()
                    .split(' ')
                    .next_back()
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
        }
        true
    }
}

/// Words of a name that is a full name rather than a short form or a
/// transliteration (`Fundo de Apoio para Ações …` over `Favorecicle`).
const LONG_NAME: usize = 4;

/// Items of one list read at most, so that a long run of names stays linear.
const MAX_LIST: usize = 32;

/// `(IMU)`: a word standing alone in brackets.
fn bracketed(text: &str, span: Span) -> bool {
    text.get(..span.start).is_some_and(|h| h.ends_with('('))
        && text.get(span.end..).is_some_and(|t| t.starts_with(')'))
}

/// A longer mention replaces the shorter ones it covers.
fn covers(new: Span, _: &Found, old: Span, _: &Found) -> bool {
    new.len() > old.len() && new.start <= old.start && new.end >= old.end
}

fn found(span: Span, value: String, strong: bool) -> Found {
    Found { kind: Kind::Org, span, value, strong, role: None, org_window: None }
}

fn text_of(text: &str, span: Span) -> String {
    span.get(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One capitalised Vietnamese syllable followed by lower-case ones
/// (`Ngân hàng Nhà nước`): the start of a longer name, not a name.
fn vietnamese_fragment(ctx: &Ctx<'_>, first: usize, last: usize) -> bool {
    let word = ctx.word(first);
    first == last
        && ctx.lang == Lang::VI
        && !word.is_ascii()
        && ctx.toks[last].space_after
        && ctx.toks.get(last + 1).is_some_and(|t| !t.cap)
}

/// What stands between a name and its bracketed alias: ` (`, after the
/// closing mark of a quoted name (`„Republikanische Volkspartei“ (CHP)`,
/// `« Banque de France » (BDF)`).
fn alias_gap(gap: &str) -> bool {
    gap.trim_start_matches(['"', '“', '”', '»', '’', '\'', ' ', '\u{a0}']) == "("
        && gap.ends_with(" (")
}

/// Upper-case letters (and digits or marks), no lower-case one.
fn is_acronym(v: &str) -> bool {
    v.chars().any(char::is_uppercase) && v.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// `X (Y)` where X is an organisation: Y is one too.
fn aliases(ctx: &Ctx<'_>, orgs: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for f in orgs {
        let rest = ctx.text.get(f.span.end..).unwrap_or("");
        // A name in brackets is short: look no further than ALIAS_REACH
        // for the closing one (a scan to the next `)` of the article was
        // quadratic on one opened a hundred thousand times).
        let head = rest.get(..floor_char_boundary(rest, ALIAS_REACH));
        let Some((gap, inner)) = head.and_then(|h| {
            let open = h.find(" (")?;
            let inner = h.get(open + 2..)?.split_once(')')?.0;
            alias_gap(h.get(..open + 2)?).then_some((open + 2, inner))
        }) else {
            continue;
        };
        // `(EFPIA, por sus siglas en inglés)`: an acronym before a comment.
        let inner = match inner.split_once([',', ';']) {
            Some((acronym, _)) if is_acronym(acronym) => acronym,
            _ => inner,
        };
        let start = f.span.end + gap;
        if inner.starts_with(char::is_uppercase)
            && inner.split_whitespace().count() <= MAX_WORDS
            && !inner.contains(['(', ',', '\n'])
        {
            out.push(found(Span::new(start, start + inner.len()), inner.to_string(), f.strong));
        }
    }
    out
}

/// Gives `X (Y)` pairs one value: the one written in plain Latin letters.
fn link_aliases(text: &str, orgs: &mut [Found]) {
    for i in 0..orgs.len().saturating_sub(1) {
        let (a, b) = (orgs[i].span, orgs[i + 1].span);
        let closed = match text.get(b.end..b.end + 1) {
            Some(")") => true,
            Some("," | ";") => is_acronym(&orgs[i + 1].value),
            _ => false,
        };
        if !text.get(a.end..b.start).is_some_and(alias_gap) || !closed {
            continue;
        }
        // The full name over an acronym (`Europäische Zentralbank (EZB)`)
        // or over a short brand (`Fundo de Apoio para Ações Voltadas à
        // Reciclagem (Favorecicle)`), else the form in plain Latin letters
        // (`Tài Tân (Caixin)` → `Caixin`).
        let (a_short, b_short) = (is_acronym(&orgs[i].value), is_acronym(&orgs[i + 1].value));
        let long = |v: &str| v.split_whitespace().count() >= LONG_NAME;
        let first = match (a_short, b_short) {
            (false, true) => true,
            (true, false) => false,
            _ => {
                orgs[i].value.is_ascii()
                    || !orgs[i + 1].value.is_ascii()
                    || (long(&orgs[i].value) && !long(&orgs[i + 1].value))
            }
        };
        let pick = if first { orgs[i].value.clone() } else { orgs[i + 1].value.clone() };
        orgs[i].value.clone_from(&pick);
        orgs[i + 1].value = pick;
    }
}
