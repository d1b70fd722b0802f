//! People: a run of capitalised words is a person's name when evidence
//! supports it, never by capitals alone (German capitalises every noun,
//! and every sentence starts with a capital). Evidence: a common given name
//! first (`Eddie …`), a family name written first (`Nguyễn …`, `Xi …`), a
//! title before (`Herr`, `ông`, `Mme`), a role word before or in an
//! apposition after (`Präsident …`, `…, Analyst bei`), a speech verb next
//! to it (`… sagte`, `aldus …`). A single word needs a title or a role.

use std::cell::OnceCell;
use std::collections::HashSet;

use super::cues::{Ctx, FORMER, Found, Hit, ROLE, SOURCE, SPEECH, TITLE};
use super::declension::{declined_given, person_nominative};
use super::lexicon::PeopleLexicon;
use crate::facts::Kind;
use crate::facts::tokens::{LastBytes, LowerSet, WordSet, is_word_char};
use crate::text::{Lang, Span, ceil_char_boundary, floor_char_boundary};

/// Words of a name, at most.
const MAX_WORDS: usize = 4;
/// How far an apposition with a role may reach (`…, nu nog voorzitter`).
const APPOSITION: usize = 40;

pub(super) struct Finder {
    given: WordSet,
    family: WordSet,
    particles: WordSet,
    capital_particles: WordSet,
    /// Lower case.
    articles: LowerSet,
    /// Longest ending first, so that `…chefin` is not read as `…chef`.
    compound_roles: Vec<(String, String)>,
    /// The last bytes of the endings of `compound_roles`.
    compound_role_ends: LastBytes,
}

impl Finder {
    pub fn new(lex: &PeopleLexicon) -> Self {
        let set = |words: &[String]| words.iter().cloned().collect::<WordSet>();
        let mut compound_roles: Vec<(String, String)> =
            lex.compound_roles.iter().map(|(e, r)| (e.clone(), r.clone())).collect();
        compound_roles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Self {
            given: set(&lex.given),
            family: set(&lex.family_first),
            particles: set(&lex.particles),
            capital_particles: set(&lex.capital_particles),
            articles: LowerSet::new(lex.articles.iter().map(|a| a.to_lowercase())),
            compound_role_ends: LastBytes::new(compound_roles.iter().map(|r| r.0.as_str())),
            compound_roles,
        }
    }

    pub fn find(&self, ctx: &Ctx<'_>, roles: &[String]) -> Vec<Found> {
        let mut out = Vec::new();
        let proper = OnceCell::new();
        let mut k = 0;
        while k < ctx.toks.len() {
            if !self.can_start(ctx, k) {
                k += 1;
                continue;
            }
            let (words, end_k) = self.run(ctx, k);
            // Without evidence the run may still hold a name further on
            // (`seinem Vorgänger Daniel …`): go on from the next word.
            let found = self
                .judge(ctx, k, end_k, words, roles, &proper)
                .or_else(|| coordinated(ctx, k, end_k, words, out.last()));
            match found {
                Some(found) => {
                    out.push(found);
                    k = end_k + 1;
                }
                None => k += 1,
            }
        }
        out
    }

    fn can_start(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        let t = ctx.toks[k];
        let after_title = t.cap && !t.caps && ctx.hit_before(t.span.start, TITLE).is_some();
        let compound_head = t.hyphen_after && !self.given.contains(ctx.word(k));
        (after_title || self.name_like(ctx, k)) && !compound_head
    }

    /// The longest name-like run from `k`: returns its word count and last token.
    fn run(&self, ctx: &Ctx<'_>, k: usize) -> (usize, usize) {
        let (mut words, mut last) = (1, k);
        while words < MAX_WORDS {
            let t = ctx.toks[last];
            let next = last + 1;
            if next >= ctx.toks.len() {
                break;
            }
            let joined = t.space_after || (t.hyphen_after && self.given.contains(ctx.word(last)));
            // East Asian given names with a hyphen: `Kim Jae-june`, `Park Sung-soon`.
            let syllable = ctx
                .toks
                .get(next + 1)
                .filter(|s| ctx.toks[next].hyphen_after && !s.cap && !s.digit && s.span.len() <= 6);
            if syllable.is_some()
                && t.space_after
                && self.family.contains(ctx.word(k))
                && ctx.toks[next].cap
            {
                words += 1;
                last = next + 1;
                break;
            }
            // `José F. Zamarriego`: a middle initial with its point.
            if let Some(surname) = self.middle_initial(ctx, k, last) {
                words += 2;
                last = surname;
                continue;
            }
            // `Paul Mills-Hicks`: a double surname (not a German compound
            // such as `Trump-Regierung`).
            if let Some(second) = self.double_surname(ctx, k, last) {
                words += 1;
                last = second;
                break;
            }
            if joined
                && self.name_like_or_joined(ctx, next, k)
                && (!ctx.toks[next].hyphen_after || self.given.contains(ctx.word(next)))
            {
                words += 1;
                last = next;
            } else if let Some(surname) = self.capital_particle(ctx, k, last) {
                words += 2;
                last = surname;
                break;
            } else if let Some(surname) = self.particle_surname(ctx, k, last) {
                words += 1;
                last = surname;
                break;
            } else {
                break;
            }
        }
        (words, last)
    }

    /// A word that may continue a name. After a family name written first
    /// any capitalised word does (`Nguyễn Văn An`: `An` is no article here).
    fn name_like_or_joined(&self, ctx: &Ctx<'_>, k: usize, first: usize) -> bool {
        let t = ctx.toks[k];
        if t.hyphen_before || (self.family.contains(ctx.word(first)) && !t.initial) {
            return t.cap
                && !t.caps
                && !t.digit
                && ctx.hit_at(t.span.start).is_none_or(|h| !h.flags.intersects(ROLE | SPEECH));
        }
        self.name_like(ctx, k)
    }

    /// Whether the name `first..=last` starts with a given name: one the
    /// lexicon has, or a single word it lacks inside a sentence (`namelijk
    /// Dionisio A. Lind`), but not in German, where nouns are capitalised
    /// (`Typ A. Patienten`).
    fn given_or_unknown(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> bool {
        let f = ctx.toks[first];
        self.given.contains(ctx.word(first))
            || (ctx.lang != Lang::DE && last == first && !f.initial && !f.caps && f.span.len() >= 3)
    }

    /// After the given name at `first` (the run's last word `last`): a
    /// single capital letter and its point, then a capitalised word.
    fn middle_initial(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> Option<usize> {
        let (i, s) = (last + 1, last + 2);
        let initial = ctx.toks.get(i)?;
        let given = self.given_or_unknown(ctx, first, last);
        let ok = given
            && ctx.toks[last].space_after
            && initial.span.len() == 1
            && initial.cap
            && ctx.text.get(initial.span.end..initial.span.end + 2) == Some(". ")
            && s < ctx.toks.len()
            && self.name_like(ctx, s);
        ok.then_some(s)
    }

    /// `Mills-Hicks` after a given name: two capitalised words joined by a
    /// hyphen make one surname; returns the second.
    fn double_surname(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> Option<usize> {
        let (a, b) = (last + 1, last + 2);
        let ok = ctx.lang != Lang::DE
            && last == first
            && self.given.contains(ctx.word(first))
            && ctx.toks[last].space_after
            && ctx.toks.get(a).is_some_and(|t| t.hyphen_after && t.cap && !t.caps)
            && ctx.toks.get(b).is_some_and(|t| t.cap && !t.caps && !t.hyphen_after)
            && self.name_like_or_joined(ctx, b, first);
        ok.then_some(b)
    }

    /// `Bruno Le Maire`, `Marine Le Pen`, `Jan De Vries`: a capitalised
    /// particle inside a name that starts with a given name.
    fn capital_particle(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> Option<usize> {
        let (p, s) = (last + 1, last + 2);
        let given = self.given_or_unknown(ctx, first, last);
        let ok = given
            && ctx.toks[last].space_after
            && s < ctx.toks.len()
            && self.capital_particles.contains(ctx.word(p))
            && ctx.toks[p].space_after
            && ctx.toks[s].cap
            && !ctx.toks[s].caps;
        ok.then_some(s)
    }

    fn judge<'t>(
        &self,
        ctx: &Ctx<'t>,
        k: usize,
        end_k: usize,
        words: usize,
        roles: &[String],
        proper: &OnceCell<HashSet<&'t str>>,
    ) -> Option<Found> {
        let span = Span::new(ctx.toks[k].span.start, ctx.toks[end_k].span.end);
        let first = ctx.word(k);
        let slavic = matches!(ctx.lang.code(), "cs" | "sk" | "pl");
        let first_given = self.given.contains(first)
            || first.split('-').next().is_some_and(|p| self.given.contains(p))
            || (slavic && words >= 2 && !ctx.toks[k].initial && declined_given(first, &self.given));
        let family = self.family.contains(first) && words <= 3;
        let title = ctx.hit_before(span.start, TITLE).is_some();
        // `Commerce Secretary Gina …`, `Nvidia Jensen …`: the name starts later.
        // So does a family name written first (`Triều Tiên Ri Yong Ho`).
        let later_given = (k + 1..=end_k)
            .any(|j| self.given.contains(ctx.word(j)) || self.family.contains(ctx.word(j)));
        if !(first_given || family || title) && later_given {
            return None;
        }
        let role_before = ctx.hit_before(span.start, ROLE);
        let apposition = apposition_role(ctx, span.end);
        let compound = self.compound_role(ctx, k);
        let speech = ctx.hit_after(span.end, SPEECH).is_some()
            || ctx.hit_before(span.start, SPEECH).is_some();
        // A sentence's first word before a two-word name is no part of it
        // (`Votou Olivera X, com 79 anos`): the name is looked for from the next word.
        let aged = (2..=3).contains(&words)
            && !(words == 3 && ctx.toks[k].initial)
            && aged(ctx.text, span);
        // `Dionisio A. Lind`: a middle initial marks a person's name.
        let initialled = words >= 3
            && (k + 1..end_k).any(|j| {
                let t = ctx.toks[j];
                t.cap && t.span.len() == 1 && ctx.text.get(t.span.end..=t.span.end) == Some(".")
            });
        let strong = (first_given || family) && words >= 2 || title || aged || initialled;
        let weak = words >= 2
            && (role_before.is_some()
                || apposition.is_some()
                || speech
                || compound.is_some()
                || role_phrase_before(ctx, span))
            && !self.after_article(ctx.text, span.start);
        // Vietnamese role words run into common nouns (`Thủ tướng Chính phủ`):
        // there a single word needs a title (`ông Chính`).
        // A capitalised word before `de`, `da`, `of` names a department
        // or a rank (`diretor Institucional da ABEE`), not a person.
        let linked = ctx.toks[end_k].space_after
            && ctx.toks.get(end_k + 1).is_some_and(|t| !t.cap)
            && self.articles.contains_lowercase(ctx.word((end_k + 1).min(ctx.toks.len() - 1)));
        // The subject or object of a verb of saying (`” — powiedział
        // Trump`, `Trump stwierdził, że`): a person whatever the given
        // name, unless the verb names a source (`laut Bloomberg`).
        let slot = words == 1
            && speech_slot(ctx, k, span, proper)
            && !self.after_article(ctx.text, span.start);
        let single = words == 1
            && ((role_before.is_some() || compound.is_some()) && !ctx.toks[k].initial || slot)
            && !linked
            && ctx.lang != Lang::VI;
        if !(strong || weak || single) {
            return None;
        }
        let (role, org_window) = match (role_before, compound, apposition) {
            (Some(h), _, _) => {
                (Some(role_name(ctx, h, roles)), Some(clause_before(ctx.text, h.span.start)))
            }
            (None, Some((role, at)), _) => {
                (Some(role.to_string()), Some(clause_before(ctx.text, at)))
            }
            (None, None, Some(h)) => {
                (Some(role_name(ctx, h, roles)), Some(clause_after(ctx.text, h.span.end)))
            }
            _ => (None, None),
        };
        let mut value = ctx
            .text
            .get(span.range())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if slavic {
            value = person_nominative(&value, &self.given);
        }
        Some(Found { kind: Kind::Person, span, value, strong, role, org_window })
    }

    /// German closed compounds ending in a role word, right before the name
    /// (`Betriebsratschefin Daniela …`, `Finanzministerin …`): the role and
    /// where the compound starts.
    fn compound_role<'s>(&'s self, ctx: &Ctx<'_>, k: usize) -> Option<(&'s str, usize)> {
        let prev = k.checked_sub(1)?;
        if !ctx.toks[prev].space_after || !ctx.toks[prev].cap {
            return None;
        }
        Some((self.compound_suffix(ctx.word(prev))?, ctx.toks[prev].span.start))
    }

    /// The role a German compound like `Betriebsratschefin` ends in.
    fn compound_suffix(&self, word: &str) -> Option<&str> {
        if !self.compound_role_ends.may_end(word) {
            return None;
        }
        self.compound_roles
            .iter()
            .find(|(suffix, _)| word.len() > suffix.len() + 2 && word.ends_with(suffix.as_str()))
            .map(|r| r.1.as_str())
    }

    /// `… von der Leyen`, `… da Silva`: one or two particles after the name
    /// word at `last`, then one capitalised word that ends the name (not
    /// `Minister … van Buitenlandse Handel`). Returns that word's token.
    fn particle_surname(&self, ctx: &Ctx<'_>, first: usize, last: usize) -> Option<usize> {
        // After a given name and a surname, German `von` names a club or
        // a place (`Robyn Christie von Melrose`), not a noble name.
        let after_surname = last > first
            || (last > 0
                && ctx.toks[last - 1].cap
                && ctx.toks[last - 1].space_after
                && !ctx.stop[last - 1]);
        let full = after_surname
            && ctx.lang == Lang::DE
            && ctx.toks.get(last + 1).is_some_and(|_| ctx.word(last + 1) == "von");
        if full {
            return None;
        }
        let mut j = last;
        for _ in 0..2 {
            if !ctx.toks[j].space_after
                || !self.particles.contains(ctx.toks.get(j + 1).map(|_| ctx.word(j + 1))?)
            {
                break;
            }
            j += 1;
        }
        let surname = j + 1;
        if j == last
            || !ctx.toks[j].space_after
            || surname >= ctx.toks.len()
            || !self.name_like(ctx, surname)
        {
            return None;
        }
        let more =
            ctx.toks[surname].space_after && ctx.toks.get(surname + 1).is_some_and(|t| t.cap);
        (!more).then_some(surname)
    }

    /// A capitalised word that is no function word, cue word or compound tail.
    fn name_like(&self, ctx: &Ctx<'_>, k: usize) -> bool {
        let t = ctx.toks[k];
        t.cap
            && !t.caps
            && !t.digit
            && !t.hyphen_before
            && !ctx.stop[k]
            && self.compound_suffix(ctx.word(k)).is_none()
            && ctx
                .hit_at(t.span.start)
                .is_none_or(|h| !h.flags.intersects(ROLE | TITLE | SPEECH | FORMER))
    }

    /// Names take no article: `der Supermarktkette Acme` is no person.
    fn after_article(&self, text: &str, start: usize) -> bool {
        let head = text.get(..start).unwrap_or("").trim_end();
        let prev = head.rsplit(|c: char| !is_word_char(c)).next().unwrap_or("");
        self.articles.contains_lowercase(prev)
    }
}

/// Shortest single word taken as a name by a verb of saying alone.
const SLOT_MIN_CHARS: usize = 3;

/// One word next to a verb of saying, as its subject or its inverted
/// subject: right after the verb (`, said Smith.`), or opening its clause
/// right before it (`Trump stwierdził`) when the word is also written with
/// a capital inside a sentence elsewhere (so a proper noun, not a
/// capitalised common noun such as `Experts say`). Not after a verb that
/// names a source, which is often a medium (`according to Reuters`).
fn speech_slot<'t>(
    ctx: &Ctx<'t>,
    k: usize,
    span: Span,
    proper: &OnceCell<HashSet<&'t str>>,
) -> bool {
    let word = ctx.word(k);
    if word.chars().count() < SLOT_MIN_CHARS || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    if let Some(h) = ctx.hit_before(span.start, SPEECH) {
        return !h.flags.intersects(SOURCE);
    }
    let Some(h) = ctx.hit_after(span.end, SPEECH) else { return false };
    let head = ctx.text.get(..span.start).unwrap_or("").trim_end_matches([' ', '\u{a0}']);
    let opens = head.is_empty()
        || head.ends_with(['.', '!', '?', '\n', ':', ';', '”', '"', '»', '«', '“', '—', '–']);
    opens
        && !h.flags.intersects(SOURCE)
        && proper
            .get_or_init(|| {
                ctx.toks
                    .iter()
                    .filter(|t| t.cap && !t.caps && !t.initial)
                    .map(|t| t.text(ctx.text))
                    .collect()
            })
            .contains(word)
}

/// `Sergio Aguero e Raheem X`: two or three plain capitalised words
/// joined by `and` to the person found just before are a person too.
fn coordinated(
    ctx: &Ctx<'_>,
    k: usize,
    end_k: usize,
    words: usize,
    prev: Option<&Found>,
) -> Option<Found> {
    let prev = prev.filter(|p| p.kind == Kind::Person)?;
    let span = Span::new(ctx.toks[k].span.start, ctx.toks[end_k].span.end);
    let gap = ctx.text.get(prev.span.end..span.start)?;
    let plain =
        (k..=end_k).all(|j| !ctx.toks[j].caps && ctx.hit_at(ctx.toks[j].span.start).is_none());
    let joined =
        gap.strip_prefix(' ').and_then(|g| g.strip_suffix(' ')).is_some_and(|c| AND.contains(&c));
    ((2..=3).contains(&words) && plain && joined).then(|| Found {
        kind: Kind::Person,
        span,
        value: span.get(ctx.text).split_whitespace().collect::<Vec<_>>().join(" "),
        strong: false,
        role: None,
        org_window: None,
    })
}

/// `and` in the supported languages.
const AND: [&str; 12] = ["and", "und", "en", "et", "y", "e", "i", "a", "và", "oraz", "och", "og"];

/// Words for years of age after a number (`, 68 ans`, `, de 79 anos`).
const AGE_WORDS: [&str; 12] =
    ["ans", "anni", "jaar", "Jahre", "años", "anos", "lat", "let", "tuổi", "years", "year", "roků"];
/// Endings of an age written before a name (`79letá`, `68-letni`, `32-jährige`).
const AGE_PREFIXES: [&str; 10] = [
    "letý",
    "letá",
    "-letni",
    "-letnia",
    "-jährige",
    "-jähriger",
    "-jarige",
    "-year-old",
    "letni",
    "letnia",
];

/// An age stands next to the name: `X Y, 52,`, `X Y (52)`, `X Y, 68 ans`,
/// `X Y, de 79 anos`, `79letá X Y`, `68-letni X Y`: a person, whatever the
/// given name.
/// The rest of `s` after a number of one to three digits at its start.
fn number_then(s: &str) -> Option<&str> {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits).then(|| s.get(digits..)).flatten()
}

fn aged(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let after_comma = after
        .strip_prefix(", ")
        .map(|r| r.strip_prefix("de ").or_else(|| r.strip_prefix("com ")).unwrap_or(r));
    if let Some(rest) = after_comma.and_then(number_then) {
        if rest.starts_with([',', ')']) {
            return true;
        }
        let word = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if rest.starts_with(' ') && AGE_WORDS.contains(&word) {
            return true;
        }
    }
    if after.strip_prefix(" (").and_then(number_then).is_some_and(|r| r.starts_with(')')) {
        return true;
    }
    let before = text.get(..span.start).unwrap_or("").trim_end_matches(' ');
    let word = before.rsplit(' ').next().unwrap_or("");
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && AGE_PREFIXES.iter().any(|p| word.get(digits..).is_some_and(|w| w.starts_with(p)))
}

/// `, Analyst bei …`, `, nu nog voorzitter …`: a role word shortly after a
/// comma that follows the name, with no other punctuation between.
fn apposition_role(ctx: &Ctx<'_>, end: usize) -> Option<Hit> {
    let rest = ctx.text.get(end..)?;
    if !rest.starts_with(", ") {
        return None;
    }
    let from = end + 2;
    let k = ctx.hits.partition_point(|h| h.span.start < from);
    let h = *ctx
        .hits
        .get(k..)?
        .iter()
        .take_while(|h| h.span.start - from <= APPOSITION)
        .find(|h| h.flags.intersects(ROLE))?;
    let gap = ctx.text.get(from..h.span.start)?;
    (!gap.contains([',', '.', ';', ':', '\n', '(', '“', '„', '"'])).then_some(h)
}

/// `…, disse a diretora de Projetos Especiais, Nayara Falcão.`: the name
/// closes a clause that a role word opened, set off by a comma.
fn role_phrase_before(ctx: &Ctx<'_>, span: Span) -> bool {
    const REACH: usize = 150;
    let before = ctx.text.get(..span.start).unwrap_or("");
    let closes = ctx
        .text
        .get(span.end..)
        .is_none_or(|r| r.is_empty() || r.starts_with(['.', ',', ';', ')', '\n']));
    let Some(head) = before.strip_suffix(", ") else { return false };
    if !closes {
        return false;
    }
    let from = floor_char_boundary(ctx.text, head.len().saturating_sub(REACH));
    let k = ctx.hits.partition_point(|h| h.span.start < from);
    ctx.hits[k..].iter().take_while(|h| h.span.end <= head.len()).any(|h| {
        h.flags.intersects(ROLE)
            && ctx.text.get(h.span.end..head.len()).is_some_and(|gap| {
                !gap.contains([',', '.', ';', ':', '\n', '(', '“', '„', '"', '«', '»'])
            })
    })
}

/// The role word in English; `former` when a modifier says so (`der frühere Chef`).
fn role_name(ctx: &Ctx<'_>, h: Hit, roles: &[String]) -> String {
    let role = roles.get(usize::from(h.role)).cloned().unwrap_or_default();
    let text = ctx.text.get(..h.span.start).unwrap_or("");
    let former = ctx.hit_before(h.span.start, FORMER).is_some()
        || text.ends_with("Ex-")
        || text.ends_with("ex-");
    if former { format!("former {role}") } else { role }
}

/// From the start of the clause to `pos` (`Alibaba-Chef`, `Apple CEO`).
/// At most 60 bytes back (and searched no further: a scan to the start of
/// a text without punctuation was quadratic).
fn clause_before(text: &str, pos: usize) -> Span {
    let from = floor_char_boundary(text, pos.saturating_sub(60));
    let head = text.get(from..pos).unwrap_or("");
    let start =
        head.rfind(['.', ',', ';', ':', '\n', '“', '„', '"']).map_or(from, |i| from + i + 1);
    Span::new(start.max(pos.saturating_sub(60)), pos)
}

/// From `pos` to the end of the clause (`Gründer des … Beratungsunternehmens BDA.`).
fn clause_after(text: &str, pos: usize) -> Span {
    let tail = text.get(pos..ceil_char_boundary(text, pos + 120)).unwrap_or("");
    let len = tail.find([',', '.', ';', '\n', '“', '„', '"', '(']).unwrap_or(tail.len()).min(120);
    Span::new(pos, pos + len)
}
