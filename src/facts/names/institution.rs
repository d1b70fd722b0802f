//! Institutions named by what they are: a capitalised run holding an
//! institution noun (`heads` in `assets/facts/orgs.toml`: ministry, bank,
//! university, court, party, union, church… in many languages), its words
//! joined by linking words (`Bank of England`, `Ministério do Meio
//! Ambiente e Mudança do Clima`, `Universiteit van Michigan`, `Banca
//! d'Italia`, `Narodowy Bank Polski`); and Vietnamese names, whose head
//! is followed by capitalised words of one or two syllables (`Ngân hàng
//! Nhà nước`, `Cơ quan Phát triển Quốc tế Hoa Kỳ`).
//!
//! One pass over the tokens: each token is looked at a bounded number of
//! times (a run never exceeds [`MAX_WORDS`] tokens).

use super::cues::{Ctx, Found, ROLE, SPEECH, TITLE};
use super::declension::Declension;
use super::lexicon::OrgLexicon;
use crate::facts::Kind;
use crate::facts::tokens::WordSet;
use crate::text::{Lang, Span};

/// Words of a run, at most (`Ministério do Meio Ambiente e Mudança do
/// Clima` has nine; a run may hold two names joined by a conjunction).
const MAX_WORDS: usize = 16;
/// Endings of Czech and Polish past-tense verbs, which no name word has.
const SLAVIC_PAST: [&str; 10] = ["l", "la", "lo", "li", "ly", "ł", "ła", "ło", "ły", "ył"];
/// Linking words in a row (`van de`, `de la`, `of the`).
const MAX_LINKS: usize = 2;

pub(super) struct Finder {
    /// Institution nouns of one word, capitalised as inside a name.
    heads: WordSet,
    /// Institution nouns of two words (`Cơ quan`, `Ủy ban`), as `first second`.
    heads_two: WordSet,
    /// First words of the two-word heads, to look the pair up only then.
    heads_first: WordSet,
    links: WordSet,
    /// Heads written in lower case before a link (`ministerie van …`).
    lower_heads: WordSet,
    /// Courts written in lower case (`tribunal administratif de Lille`).
    lower_courts: WordSet,
    /// Conjunctions among the links (`and`, `e`, `und`).
    joiners: WordSet,
    /// Elided linking words written onto the next word (`dell'Interno`).
    elided: Vec<String>,
    /// Vietnamese function words, which never end a name.
    vi_function: WordSet,
    decl: Declension,
    /// Adjective endings of French, Spanish, Italian and Portuguese.
    romance_adjective: Vec<String>,
    /// Czech and Polish words that end a name before a head noun could come.
    slavic_stops: WordSet,
    /// Links only after a Czech or Polish head (`w`, `v`).
    place_links: WordSet,
}

impl Finder {
    pub fn new(lex: &OrgLexicon) -> Self {
        let (two, one): (Vec<&String>, Vec<&String>) =
            lex.heads.iter().partition(|h| h.contains(' '));
        let decl = Declension::new(lex);
        let capital_forms = decl.forms().filter(|f| f.starts_with(char::is_uppercase)).cloned();
        Self {
            heads: one.into_iter().cloned().chain(capital_forms).collect(),
            heads_first: two
                .iter()
                .filter_map(|h| h.split(' ').next())
                .map(str::to_string)
                .collect(),
            heads_two: two.into_iter().cloned().collect(),
            lower_heads: lex.lower_heads.iter().cloned().collect(),
            lower_courts: lex.lower_courts.iter().cloned().collect(),
            links: lex.links.iter().cloned().collect(),
            joiners: lex.joiners.iter().cloned().collect(),
            elided: lex.elided_links.clone(),
            vi_function: lex.vi_function_words.iter().cloned().collect(),
            decl,
            romance_adjective: lex.romance_adjective_endings.clone(),
            slavic_stops: lex.slavic_stops.iter().cloned().collect(),
            place_links: lex.place_links.iter().cloned().collect(),
        }
    }

    /// The institutions of one text, in order; `given` stops a run before
    /// a person's name that follows the institution's (`Câmara dos
    /// Deputados Arthur …`).
    pub fn find(&self, ctx: &Ctx<'_>, given: &WordSet) -> Vec<Found> {
        let mut out = Vec::new();
        let slavic = matches!(ctx.lang.code(), "cs" | "sk" | "pl");
        // Each token's head noun, looked up once.
        let heads: Vec<Option<usize>> = (0..ctx.toks.len()).map(|k| self.head_at(ctx, k)).collect();
        let romance = matches!(ctx.lang.code(), "fr" | "es" | "it" | "pt");
        if !slavic
            && heads.iter().all(Option::is_none)
            && !(romance
                && (0..ctx.toks.len()).any(|k| !ctx.toks[k].cap && self.lower_court(ctx, k)))
        {
            return out;
        }
        let mut k = 0;
        // Runs without a head are not read again from each of their words.
        let mut headless_to = 0;
        while k < ctx.toks.len() {
            let names = if ctx.lang == Lang::VI {
                self.vietnamese(ctx, &heads, k).map(|last| vec![(k, last)])
            } else if let Some(last) = self.slavic(ctx, k).filter(|_| slavic) {
                Some(vec![(k, last)])
            } else if k < headless_to {
                None
            } else {
                match self.run(ctx, &heads, k, given) {
                    Ok(last) => Some(self.split(ctx, &heads, k, last)),
                    Err(end) => {
                        headless_to = end;
                        self.romance(ctx, &heads, k).map(|last| vec![(k, last)])
                    }
                }
            };
            let Some(names) = names else {
                k += 1;
                continue;
            };
            for &(first, last) in &names {
                // `Partei AKP`, `partido PSOE`: a head and an acronym name
                // the party by its acronym.
                let first =
                    if last == first + 1 && heads[first] == Some(first) && ctx.toks[last].caps {
                        last
                    } else {
                        first
                    };
                let span = Span::new(ctx.toks[first].span.start, ctx.toks[last].span.end);
                let value = if let Some(nom) = self.alone(ctx, first, last) {
                    nom.to_string()
                } else if slavic {
                    self.nominative(ctx, first, last)
                } else {
                    span.get(ctx.text).split_whitespace().collect::<Vec<_>>().join(" ")
                };
                out.push(Found {
                    kind: Kind::Org,
                    span,
                    value,
                    strong: true,
                    role: None,
                    org_window: None,
                });
            }
            k = names.last().map_or(k, |n| n.1) + 1;
        }
        full_names(&mut out);
        out
    }

    /// The institutions in a run of tokens `first..=last` that holds a head:
    /// split where a conjunction joins two named by a head each (`Polícia
    /// Militar e Polícia Penal`; not `Ministério do Meio Ambiente e Mudança
    /// do Clima`), and each started after the last link before its head
    /// (`Análise … do Ministério da Fazenda` → `Ministério da Fazenda`).
    fn split(
        &self,
        ctx: &Ctx<'_>,
        heads: &[Option<usize>],
        first: usize,
        last: usize,
    ) -> Vec<(usize, usize)> {
        let mut groups: Vec<(usize, usize, Option<usize>)> = Vec::new(); // first, last, head
        let mut start = first;
        for j in first..=last + 1 {
            if j <= last
                && !(ctx.toks[j].space_after && j > first && self.joiners.contains(ctx.word(j)))
            {
                continue;
            }
            if j > start {
                let head = (start..j).find(|&h| heads[h].is_some());
                match groups.last_mut() {
                    Some(g) if head.is_none() => g.1 = j - 1,
                    _ => groups.push((start, j - 1, head)),
                }
            }
            start = j + 1;
        }
        groups
            .into_iter()
            .filter_map(|(a, b, head)| {
                let head = head?;
                let a = (a..head)
                    .rev()
                    .find(|&l| self.links.contains(ctx.word(l)))
                    .map_or(a, |l| l + 1);
                let mut a = a.max(head.saturating_sub(3));
                // Czech and Polish names put only adjectives before their
                // head (`Narodowy Bank Polski`, not `Członkowie Zgromadzenia`).
                // A head of another language keeps its words (`Riverside
                // Church`); one both languages share is read as theirs after
                // an adjective of theirs (`Prezes Narodowy Bank Polski`).
                if matches!(ctx.lang.code(), "cs" | "sk" | "pl")
                    && (self.declined_head(ctx.word(head))
                        || head > a && self.decl.looks_adjective(ctx.word(head - 1)))
                {
                    while a < head && !self.decl.looks_adjective(ctx.word(a)) {
                        a += 1;
                    }
                }
                (b > a).then_some((a, b))
            })
            .collect()
    }

    /// The head noun starting at token `k`: its last token.
    fn head_at(&self, ctx: &Ctx<'_>, k: usize) -> Option<usize> {
        // Every head starts with a capital letter (`Ngân hàng`, `Bộ`), but
        // for a few written in lower case before a link and a capitalised
        // word (`ministerie van Buitenlandse Zaken`, `ministère de l’Intérieur`).
        if !ctx.toks[k].cap {
            let named = |j: usize| {
                ctx.toks.get(j).is_some_and(|t| t.cap && !ctx.stop[j]) || self.elided_name(ctx, j)
            };
            // Token flags first; word look-ups only for the few that pass.
            let cap_soon = |j: usize| ctx.toks.get(j).is_some_and(|t| t.cap);
            if !ctx.toks[k].space_after || !(cap_soon(k + 2) || cap_soon(k + 3)) {
                return None;
            }
            let linked = (ctx.toks.get(k + 1).is_some_and(|t| t.space_after)
                || elided_article(ctx, k + 1))
                && self.lower_heads.contains(ctx.word(k))
                && self.links.contains(ctx.word((k + 1).min(ctx.toks.len() - 1)))
                && (named(k + 2)
                    || (self.links.contains(ctx.word((k + 2).min(ctx.toks.len() - 1)))
                        && named(k + 3)));
            return linked.then_some(k);
        }
        let w = ctx.word(k);
        if self.heads_first.contains(w) && ctx.toks[k].space_after && k + 1 < ctx.toks.len() {
            let pair = ctx.text.get(ctx.toks[k].span.start..ctx.toks[k + 1].span.end);
            if pair.is_some_and(|p| self.heads_two.contains(p)) {
                return Some(k + 1);
            }
        }
        (ctx.toks[k].cap && self.heads.contains(w)).then_some(k)
    }

    /// `dell'Interno`, `all'Energia`: an elided link and a capitalised name in one token.
    fn elided_name(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        let w = ctx.word(k);
        self.elided.iter().any(|e| {
            w.strip_prefix(e.as_str()).is_some_and(|rest| rest.starts_with(char::is_uppercase))
        })
    }

    /// The last token of an institution's name starting at token `k`, if
    /// the capitalised run from there holds a head noun and another word;
    /// else where the run ended.
    fn run(
        &self,
        ctx: &Ctx<'_>,
        heads: &[Option<usize>],
        k: usize,
        given: &WordSet,
    ) -> Result<usize, usize> {
        if !name_word(ctx, heads, k) || ctx.toks[k].hyphen_before {
            return Err(k);
        }
        let (mut last, mut words, mut head) = (k, 1, heads[k].is_some());
        if let Some(h) = heads[k] {
            last = h;
        }
        let gap_after = |last: usize| {
            let next = ctx.toks.get(last + 1).map_or(ctx.text.len(), |t| t.span.start);
            ctx.text.get(ctx.toks[last].span.end..next)
        };
        // A head of Czech or Polish, after which a preposition of place links.
        let mut slavic_head = heads[k].is_some() && self.declined_head(ctx.word(k));
        while words < MAX_WORDS
            && (ctx.toks[last].space_after
                || matches!(gap_after(last), Some(" d'" | " d’"))
                || possessive(gap_after(last)))
        {
            let next = last + 1;
            // Linking words, then a name word; or a name word (or an
            // elided link with its name) right away; after a possessive
            // (`Children’s Hospital`), the name word.
            let mut m = next;
            while m < ctx.toks.len()
                && m - next < MAX_LINKS
                && !possessive(gap_after(last))
                && (ctx.toks[m].space_after || elided_article(ctx, m))
                && self.links.contains(ctx.word(m))
                && (slavic_head || !self.place_links.contains(ctx.word(m)))
            {
                m += 1;
            }
            // Across a link, a word joined by a hyphen to the next one
            // starts a compound, not a name part (`… van Wales van de
            // Labour-partij`).
            let linked = m < ctx.toks.len()
                && (name_word(ctx, heads, m) || (m == next && self.elided_name(ctx, m)))
                && !(m > next && ctx.toks[m].hyphen_after)
                && !(head && given.contains(ctx.word(m)));
            // `Banca d'Italia`: the elided `d'` stands in the gap.
            let Some(after) = ctx.toks.get(next) else { break };
            let gap = ctx.text.get(ctx.toks[last].span.end..after.span.start);
            if !linked && !matches!(gap, Some(" d'" | " d’")) {
                break;
            }
            let m = if linked { m } else { next };
            if !name_word(ctx, heads, m) && !self.elided_name(ctx, m) {
                break;
            }
            head |= heads[m].is_some();
            if heads[m].is_some() {
                // The last head says whose prepositions link.
                slavic_head = self.declined_head(ctx.word(m));
            }
            last = heads[m].unwrap_or(m);
            words += m - next + 1;
        }
        if head && last > k { Ok(last) } else { Err(last) }
    }

    /// A Czech or Polish head noun, in any case (`Sądu`, `Komise`).
    fn declined_head(&self, word: &str) -> bool {
        self.decl.head(word).is_some() || self.decl.capital_head(word).is_some()
    }

    /// `Ngân hàng Nhà nước`, `Đại học Michigan`: a capitalised head, then
    /// words that each start with a capitalised syllable; one lower-case
    /// syllable may end such a word (`Phát triển`, `Nhà nước`) unless it is
    /// a function word (`Bộ Tài chính cho biết`).
    fn vietnamese(&self, ctx: &Ctx<'_>, heads: &[Option<usize>], k: usize) -> Option<usize> {
        if !ctx.toks[k].cap {
            return None;
        }
        let head = heads[k]?;
        let mut last = head;
        while last + 1 < ctx.toks.len() && ctx.toks[last].space_after && last - k < MAX_WORDS {
            let next = ctx.toks[last + 1];
            let word_start = next.cap && !next.digit && !ctx.stop[last + 1];
            let tail = last > head
                && ctx.toks[last].cap
                && !next.cap
                && !next.digit
                && !self.vi_function.contains(ctx.word(last + 1));
            if !(word_start || tail) {
                break;
            }
            last += 1;
        }
        (last > head).then_some(last)
    }

    /// Czech institutions that capitalise only their first word: a
    /// capitalised head and its genitive (`Ministerstvo zemědělství`,
    /// `Úřadu průmyslového vlastnictví`), or capitalised and lower-case
    /// adjectives before a lower-case head (`Česká národní banka`,
    /// `Digitální a informační agentury`). Returns the last token.
    fn slavic(&self, ctx: &Ctx<'_>, k: usize) -> Option<usize> {
        let t = ctx.toks[k];
        if !t.cap || t.caps || ctx.stop[k] {
            return None;
        }
        if self.alone(ctx, k, k).is_some() {
            return Some(k);
        }
        if !t.space_after {
            return None;
        }
        let lower = |j: usize| {
            ctx.toks
                .get(j)
                .filter(|t| !t.cap && !t.digit)
                .map(|_| ctx.word(j))
                .filter(|w| !self.slavic_stops.contains(*w))
        };
        if self.decl.head(ctx.word(k)).is_some() {
            let first = lower(k + 1)?;
            // A past-tense verb after the genitive ends the name
            // (`Ministerstvo financí reagovalo`, `… odpowiedziało`).
            let two = self.decl.looks_adjective(first)
                && ctx.toks[k + 1].space_after
                && lower(k + 2).is_some_and(|w| !SLAVIC_PAST.iter().any(|e| w.ends_with(e)));
            return Some(if two { k + 2 } else { k + 1 });
        }
        if !self.decl.looks_adjective(ctx.word(k)) {
            return None;
        }
        for j in k + 1..k + 5 {
            let w = ctx.toks.get(j).filter(|t| !t.cap && !t.digit).map(|_| ctx.word(j))?;
            if self.decl.head(w).is_some() {
                return Some(j);
            }
            let conj = (w == "a" || w == "i") && j > k + 1;
            if !(conj || self.decl.looks_adjective(w)) || !ctx.toks[j].space_after {
                return None;
            }
        }
        None
    }

    /// A capitalised head noun on its own inside a sentence, between words
    /// in lower case: the short name of an institution the text names
    /// (`ve Sněmovně`, `do Parlamentu`, `w Sejmie`), in the nominative.
    fn alone(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> Option<&str> {
        let t = ctx.toks[first];
        let lower = |j: usize| ctx.toks.get(j).is_none_or(|t| !t.cap);
        if first != last || t.initial || (first > 0 && !lower(first - 1)) || !lower(first + 1) {
            return None;
        }
        // Not before its genitive or a linking word (`Úřadu průmyslového
        // vlastnictví`, `Výboru pro …`), which make a longer name.
        let word = |j: usize| ctx.word(j.min(ctx.toks.len() - 1));
        let named =
            |j: usize| ctx.toks.get(j).is_some_and(|t| t.cap) || self.decl.looks_adjective(word(j));
        let goes_on = t.space_after
            && first + 1 < ctx.toks.len()
            && (self.decl.looks_adjective(word(first + 1))
                || (self.links.contains(word(first + 1)) && named(first + 2)));
        if goes_on {
            return None;
        }
        self.decl.capital_head(ctx.word(first))
    }

    /// The name of tokens `first..=last` with its head noun, and the
    /// adjectives that agree with it, in the nominative.
    /// A name whose last head is of another language (`Rady Children’s
    /// Hospital`) is not declined: it is given as written.
    fn nominative(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> String {
        let last_head = (first..=last)
            .rev()
            .find(|&j| self.heads.contains(ctx.word(j)) || self.declined_head(ctx.word(j)));
        if last_head.is_some_and(|j| !self.declined_head(ctx.word(j))) {
            let span = Span::new(ctx.toks[first].span.start, ctx.toks[last].span.end);
            return span.get(ctx.text).split_whitespace().collect::<Vec<_>>().join(" ");
        }
        let head = (first..=last).find_map(|j| Some((j, self.decl.head(ctx.word(j))?)));
        let mut words: Vec<String> = (first..=last).map(|j| ctx.word(j).to_string()).collect();
        if let Some((h, (nom, gender))) = head {
            // Adjectives agree up to a link or a lower-case genitive after a
            // capitalised head (`Ministerstva zdravotnictví` stays).
            let agrees = |j: usize| {
                let between = if j < h { j..h } else { h + 1..j + 1 };
                between.clone().all(|b| !self.links.contains(ctx.word(b)))
                    && (j < h || ctx.toks[j].cap)
            };
            for j in first..=last {
                let w = &mut words[j - first];
                if j == h {
                    *w = nom.to_string();
                } else if agrees(j) && self.decl.looks_adjective(w) {
                    *w = self.decl.adjective(w, gender);
                }
            }
        }
        words.join(" ")
    }

    /// French, Spanish, Italian and Portuguese names that capitalise only
    /// their head: `Conseil constitutionnel`, `Assemblée nationale`, `Cour
    /// des comptes`, `Presidenza del consiglio`: a capitalised head inside
    /// a sentence, then one or two adjectives, or a link and a noun.
    fn romance(&self, ctx: &Ctx<'_>, heads: &[Option<usize>], k: usize) -> Option<usize> {
        if !matches!(ctx.lang.code(), "fr" | "es" | "it" | "pt") || ctx.toks[k].initial {
            return None;
        }
        let court = heads[k].is_none() && self.lower_court(ctx, k);
        let head = if court { k } else { heads[k]? };
        let lower = |j: usize| {
            ctx.toks.get(j).filter(|t| !t.cap && !t.digit && !t.hyphen_before).map(|_| ctx.word(j))
        };
        let adjective = |w: &str| {
            self.romance_adjective.iter().any(|e| w.ends_with(e.as_str()) && w.len() > e.len() + 2)
        };
        let next = lower(head + 1).filter(|_| ctx.toks[head].space_after)?;
        let mut last = if adjective(next) {
            head + 1
        } else if court {
            head
        } else if self.links.contains(next) && ctx.toks[head + 1].space_after {
            let noun = lower(head + 2)?;
            (!self.links.contains(noun) && noun.chars().count() > 3).then_some(head + 2)?
        } else {
            return None;
        };
        if ctx.toks[last].space_after && lower(last + 1).is_some_and(adjective) {
            last += 1;
        }
        // `d'appel`: an elided link and a noun of the court's name.
        if elided_d(ctx, last) && lower(last + 1).is_some() {
            last += 1;
        }
        match self.town_after(ctx, last) {
            Some(town) => Some(town),
            None if court => None,
            None => Some(last),
        }
    }

    /// `tribunal`, `cour`: a court written in lower case. Most tokens fail
    /// on their length or first letter before the look-up.
    fn lower_court(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        let w = ctx.word(k);
        (4..=9).contains(&w.len())
            && matches!(w.as_bytes()[0], b't' | b'c' | b'j')
            && self.lower_courts.contains(w)
    }

    /// `… de Nancy`, `… de Châlons-en-Champagne`: a linking word and a
    /// capitalised name (with its hyphenated parts) after token `last`;
    /// the last token of the name.
    fn town_after(&self, ctx: &Ctx<'_>, last: usize) -> Option<usize> {
        let link = last + 1;
        let name = link + 1;
        let ok = ctx.toks[last].space_after
            && ctx.toks.get(name).is_some_and(|t| t.cap && !t.caps && !ctx.stop[name])
            && ctx.toks[link].space_after
            && self.links.contains(ctx.word(link))
            && !self.joiners.contains(ctx.word(link));
        if !ok {
            return None;
        }
        let mut end = name;
        while ctx.toks[end].hyphen_after && end + 1 < ctx.toks.len() && end - name < 4 {
            end += 1;
        }
        Some(end)
    }
}

/// A head named on its own (`Komise`) stands for the longer name holding
/// it that the text gives (`Evropské komise` → `Evropská komise`): one map
/// from each word of the longer names to the first of them.
fn full_names(found: &mut [Found]) {
    let lone = |f: &Found| !f.value.contains(' ');
    if !found.iter().any(lone) {
        return;
    }
    let mut by_word: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for f in found.iter().filter(|f| !lone(f)) {
        for w in f.value.split(' ') {
            by_word.entry(w.to_lowercase()).or_insert_with(|| f.value.clone());
        }
    }
    for f in found.iter_mut().filter(|f| lone(f)) {
        if let Some(full) = by_word.get(&f.value.to_lowercase()) {
            f.value.clone_from(full);
        }
    }
}

/// The gap after a word is an English possessive (`Children’s Hospital`,
/// `St Martin's Church`): the apostrophe and `s` the tokens leave out.
fn possessive(gap: Option<&str>) -> bool {
    matches!(gap, Some("’s " | "'s "))
}

/// An elided `d'` stands between token `k` and the next (`d'appel`).
fn elided_d(ctx: &Ctx<'_>, k: usize) -> bool {
    let Some(next) = ctx.toks.get(k + 1) else { return false };
    matches!(ctx.text.get(ctx.toks[k].span.end..next.span.start), Some(" d'" | " d’"))
}

/// An elided article stands between token `k` and the next (`de
/// l’Intérieur`: the tokens are `de` and `Intérieur`).
fn elided_article(ctx: &Ctx<'_>, k: usize) -> bool {
    let Some(next) = ctx.toks.get(k + 1) else { return false };
    matches!(ctx.text.get(ctx.toks[k].span.end..next.span.start), Some(" l’" | " l'"))
}

/// A word of a name: capitalised or an acronym, no function word, no
/// role, title or speech cue; a head noun always is one.
fn name_word(ctx: &Ctx<'_>, heads: &[Option<usize>], k: usize) -> bool {
    let t = ctx.toks[k];
    if heads[k].is_some() {
        return true;
    }
    (t.cap || (t.digit && k > 0))
        && !ctx.stop[k]
        && ctx.hit_at(t.span.start).is_none_or(|h| !h.flags.intersects(ROLE | TITLE | SPEECH))
}
