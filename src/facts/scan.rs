//! Anchored multi-pattern matching for the rule finders: one Thompson NFA
//! of all the patterns of a finder (each pattern a shape, in order of
//! preference), a lazy DFA that answers "which shape matches here, and
//! where does it end" at a candidate position, and then a small regex of
//! that one shape (compiled the first time it is needed) reads its groups
//! over the matched text only.
//!
//! The finders walk the text themselves and ask only at positions where a
//! match can start (a byte that can begin one, at a word start), instead
//! of running one huge unanchored regex over every byte: the unanchored
//! DFA of many case-insensitive word lists in many languages has so many
//! states that its cache thrashes and it keeps determinising.

use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::syntax;
use regex_automata::{Anchored, MatchKind, PatternID};

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// Room for the lazy DFA: anchored searches reach few states, but the
/// patterns are large.
const DFA_BYTES: usize = 16 << 20;

pub struct Scanner {
    dfa: DFA,
    /// Each pattern, and its regex once compiled.
    shapes: Vec<(String, OnceLock<Pattern>)>,
    /// Bytes that can begin a match.
    first: [bool; 256],
    pool: CachePool,
}

/// A regex whose groups are read (money, percentages, each date shape)
/// over a span where it is known to match from the start: the lazy DFA
/// found where the match starts and ends, so the groups are read by a
/// bounded backtracker over that span alone (no search again), or by a
/// `PikeVM` when the span is too long for the backtracker's memory.
pub struct Pattern {
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: ReadPool,
}

struct ReadCache {
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

type ReadPool = Pool<ReadCache, Box<dyn Fn() -> ReadCache + Send + Sync>>;

/// Memory for the backtracker's record of the states visited at each
/// position (states × (span + 1) bits, all cleared for each read): past
/// it, the `PikeVM` reads, whose work does not grow with the states unvisited.
const VISITED_BYTES: usize = 256 << 10;

impl Pattern {
    /// Compiles `pattern` as `regex::Regex::new` would (Unicode,
    /// leftmost-first, the same size limits). Our own patterns: one that
    /// does not compile is a bug.
    pub fn new(pattern: &str) -> Self {
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().utf8(true))
            .configure(thompson::Config::new().nfa_size_limit(Some(10 * (1 << 20))))
            .build(pattern)
            .expect("pattern compiles");
        let backtrack = BoundedBacktracker::builder()
            .configure(BoundedBacktracker::config().visited_capacity(VISITED_BYTES))
            .build_from_nfa(nfa.clone())
            .expect("backtracker");
        let pikevm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(nfa)
            .expect("PikeVM");
        let (b, p) = (backtrack.clone(), pikevm.clone());
        let make: Box<dyn Fn() -> ReadCache + Send + Sync> =
            Box::new(move || ReadCache { backtrack: b.create_cache(), pikevm: p.create_cache() });
        Self { backtrack, pikevm, caches: Pool::new(make) }
    }

    fn config() -> meta::Config {
        meta::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
    }

    /// The groups of the match that starts at `span.start` of `text` and
    /// ends at `span.end` (or before: the span is where it may end).
    fn read_at<'t>(&self, text: &'t str, span: std::ops::Range<usize>) -> Option<Groups<'t>> {
        let input = regex_automata::Input::new(text).span(span).anchored(Anchored::Yes);
        let mut cache = self.caches.get();
        let mut caps = self.backtrack.create_captures();
        if input.get_span().len() < self.backtrack.max_haystack_len() {
            self.backtrack.try_search(&mut cache.backtrack, &input, &mut caps).ok()?;
        } else {
            self.pikevm.search(&mut cache.pikevm, &input, &mut caps);
        }
        caps.is_match().then_some(Groups { caps, text })
    }
}

/// The alternatives of one rule, each a pattern with its groups, in order
/// of preference (`A|B`, leftmost-first). One automaton without groups
/// finds the leftmost match and which alternative it is; only that
/// alternative's groups are then read, over the match alone: reading them
/// costs in proportion to the size of the pattern read, and each
/// alternative is a fraction of the whole.
pub struct Alternatives {
    find: meta::Regex,
    read: Vec<Pattern>,
}

impl Alternatives {
    pub fn new<P: AsRef<str>>(alternatives: &[P]) -> Self {
        let find = meta::Builder::new()
            .configure(Pattern::config().which_captures(WhichCaptures::Implicit))
            .syntax(syntax::Config::new().utf8(true))
            .build_many(alternatives)
            .expect("patterns compile");
        let read = alternatives.iter().map(|a| Pattern::new(a.as_ref())).collect();
        Self { find, read }
    }

    /// The groups of the first match at or after `at`.
    pub fn captures_at<'t>(&self, text: &'t str, mut at: usize) -> Option<Groups<'t>> {
        loop {
            let m = self.find.search(&regex_automata::Input::new(text).span(at..text.len()))?;
            if let Some(groups) = self.read.get(m.pattern().as_usize())?.read_at(text, m.range()) {
                return Some(groups);
            }
            // Never taken: the alternative that matched reads its own match.
            at = text
                .get(m.start()..)?
                .chars()
                .next()
                .map_or(text.len(), |c| m.start() + c.len_utf8());
        }
    }
}

/// The groups of one match.
pub struct Groups<'a> {
    caps: Captures,
    text: &'a str,
}

/// One group of a match: its text and where it stands.
#[derive(Debug, Clone, Copy)]
pub struct Group<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Group<'a> {
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

impl<'a> Groups<'a> {
    pub fn name(&self, name: &str) -> Option<Group<'a>> {
        self.group(self.caps.get_group_by_name(name)?)
    }

    /// The whole match.
    pub fn all(&self) -> Option<Group<'a>> {
        self.group(self.caps.get_group(0)?)
    }

    fn group(&self, span: regex_automata::Span) -> Option<Group<'a>> {
        Some(Group { text: self.text.get(span.range())?, start: span.start })
    }
}

impl Scanner {
    /// Compiles `patterns` (regex syntax, Unicode, leftmost-first: an
    /// earlier pattern wins over a later one at the same start).
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Self {
        let nfa: NFA = thompson::Compiler::new()
            .syntax(syntax::Config::new().utf8(true))
            .configure(thompson::Config::new().which_captures(WhichCaptures::None).shrink(false))
            .build_many(patterns)
            .expect("patterns compile");
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .starts_for_each_pattern(false)
                    .cache_capacity(DFA_BYTES)
                    .skip_cache_capacity_check(true),
            )
            .build_from_nfa(nfa)
            .expect("lazy DFA");
        let first = first_bytes(&dfa);
        let d = dfa.clone();
        let make: Box<dyn Fn() -> Cache + Send + Sync> = Box::new(move || d.create_cache());
        let shapes =
            patterns.iter().map(|p| (format!("^(?:{})$", p.as_ref()), OnceLock::new())).collect();
        Self { dfa, shapes, first, pool: Pool::new(make) }
    }

    /// Whether a match can start with byte `b`.
    #[inline]
    pub fn may_start(&self, b: u8) -> bool {
        self.first[usize::from(b)]
    }

    /// A matcher for one text: the lazy DFA's cache is taken from the pool
    /// once, not at every candidate position.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher { dfa: &self.dfa, cache: self.pool.get() }
    }

    /// Reads the groups of pattern `pid` over `found` (the whole text it
    /// matched), and passes them to `read`.
    pub fn read<R>(
        &self,
        found: &str,
        pid: PatternID,
        read: impl FnOnce(&Groups<'_>) -> Option<R>,
    ) -> Option<R> {
        let (pattern, re) = self.shapes.get(pid.as_usize())?;
        let re = re.get_or_init(|| Pattern::new(pattern));
        read(&re.read_at(found, 0..found.len())?)
    }
}

/// Anchored matches in one text, with a cache of the lazy DFA held throughout.
pub struct Matcher<'s> {
    dfa: &'s DFA,
    cache: PoolGuard<'s, Cache, Box<dyn Fn() -> Cache + Send + Sync>>,
}

impl Matcher<'_> {
    /// The pattern and end of the preferred match starting at `at`: a walk
    /// of the lazy DFA from its anchored start, byte by byte, until it dies
    /// (most candidates die within a byte or two).
    pub fn match_at(&mut self, text: &str, at: usize) -> Option<(PatternID, usize)> {
        let (dfa, cache) = (self.dfa, &mut *self.cache);
        let bytes = text.as_bytes();
        let start = regex_automata::util::start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(at.checked_sub(1).and_then(|i| bytes.get(i).copied()));
        let mut sid = dfa.start_state(cache, &start).ok()?;
        let mut found = None;
        let mut i = at;
        loop {
            // A lazy DFA reports a match one byte late: entering a match
            // state on the byte at `i` means a match ended at `i`.
            let next = match bytes.get(i) {
                Some(&b) => dfa.next_state(cache, sid, b).ok()?,
                None => dfa.next_eoi_state(cache, sid).ok()?,
            };
            if next.is_tagged() {
                if next.is_dead() || next.is_quit() {
                    break;
                }
                if next.is_match() {
                    found = Some((dfa.match_pattern(cache, next, 0), i));
                }
            }
            if i >= bytes.len() {
                break;
            }
            sid = next;
            i += 1;
        }
        found
    }
}

/// The bytes after which the anchored start state is not dead.
fn first_bytes(dfa: &DFA) -> [bool; 256] {
    let mut cache = dfa.create_cache();
    let mut first = [false; 256];
    let config = regex_automata::util::start::Config::new().anchored(Anchored::Yes);
    for b in 0..=255u8 {
        // Recomputed each time: a step may clear the cache and with it the
        // state ids handed out before.
        let Ok(start) = dfa.start_state(&mut cache, &config) else {
            first[usize::from(b)] = true;
            continue;
        };
        first[usize::from(b)] = match dfa.next_state(&mut cache, start, b) {
            Ok(s) => !s.is_dead(),
            Err(_) => true,
        };
    }
    first
}
