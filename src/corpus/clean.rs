//! Decoded text → paragraphs: NFC, control characters made visible, the
//! headline taken out (and its repeat collapsed), page furniture set aside.

use std::sync::LazyLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::text::sanitize;

/// A line hidden as page furniture, and where it stood: before paragraph
/// `before` of the cleaned text (`before == paragraphs.len()` at the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    pub before: usize,
    pub line: String,
}

/// The result of cleaning one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub headline: Option<String>,
    pub paragraphs: Vec<String>,
    pub furniture: Vec<Furniture>,
}

/// Rules that tell page furniture from article text (`assets/furniture.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "RuleLists")]
pub struct FurnitureRules {
    exact: Vec<String>,
    prefixes: Vec<String>,
    credit_marks: Vec<String>,
    credit_max_chars: usize,
    /// The prefixes by their first byte (the empty one under none: it is
    /// in `any_start`).
    by_first_byte: Box<[Vec<usize>]>,
    /// The prefixes that may start with any byte.
    any_start: Vec<usize>,
    /// Characters in the longest prefix.
    prefix_chars: usize,
    /// A line of more characters than this can be furniture by its start
    /// only: it is longer than every exact rule, every credit line, and
    /// every prefix with the character after it.
    short_chars: usize,
}

/// The rules as `assets/furniture.toml` writes them.
#[derive(Deserialize)]
struct RuleLists {
    exact: Vec<String>,
    prefixes: Vec<String>,
    credit_marks: Vec<String>,
    credit_max_chars: usize,
}

impl From<RuleLists> for FurnitureRules {
    fn from(r: RuleLists) -> Self {
        let most = |list: &[String]| list.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        let prefix_chars = most(&r.prefixes);
        let short_chars = most(&r.exact).max(r.credit_max_chars).max(prefix_chars + 1);
        let mut by_first_byte = vec![Vec::new(); 256].into_boxed_slice();
        let mut any_start = Vec::new();
        for (i, p) in r.prefixes.iter().enumerate() {
            match p.as_bytes().first() {
                Some(&b) => by_first_byte[usize::from(b)].push(i),
                None => any_start.push(i),
            }
        }
        Self {
            by_first_byte,
            any_start,
            exact: r.exact,
            prefixes: r.prefixes,
            credit_marks: r.credit_marks,
            credit_max_chars: r.credit_max_chars,
            prefix_chars,
            short_chars,
        }
    }
}

static BUNDLED_RULES: LazyLock<FurnitureRules> = LazyLock::new(|| {
    toml::from_str(include_str!("../../assets/furniture.toml"))
        .expect("assets/furniture.toml is valid (checked by a test)")
});

impl FurnitureRules {
    pub fn bundled() -> &'static FurnitureRules {
        &BUNDLED_RULES
    }

    /// Whether one line of an article is page furniture.
    pub fn is_furniture(&self, line: &str) -> bool {
        let line = line.trim();
        if line.chars().nth(self.short_chars).is_none() {
            return self.is_short_furniture(line);
        }
        // A long line: only its start, lower-cased, is compared. Lower
        // case character by character is that of the whole line but for a
        // capital sigma (final or not, by what follows it).
        let mut head = String::with_capacity(4 * (self.prefix_chars + 1));
        for c in line.chars().take(self.prefix_chars + 1) {
            match c {
                'Σ' => return self.is_short_furniture(line),
                '\u{a0}' => head.push(' '),
                c => head.extend(c.to_lowercase()),
            }
        }
        self.starts_with_prefix(&head)
    }

    /// Whether lower-cased `s` starts with one of the prefixes.
    fn starts_with_prefix(&self, s: &str) -> bool {
        let first = s.as_bytes().first().map_or(&[][..], |&b| &self.by_first_byte[usize::from(b)]);
        (first.iter().chain(&self.any_start)).any(|&i| starts_with_word(s, &self.prefixes[i]))
    }

    /// [`FurnitureRules::is_furniture`] for a trimmed line, every rule tried.
    fn is_short_furniture(&self, line: &str) -> bool {
        let lower = line.to_lowercase();
        // Non-breaking spaces are common in widget text ("Lesen Sie auch\u{a0}…").
        let lower = lower.replace('\u{a0}', " ");
        if lower.is_empty() {
            return false;
        }
        if self.exact.contains(&lower) {
            return true;
        }
        if self.starts_with_prefix(&lower) {
            return true;
        }
        lower.chars().count() <= self.credit_max_chars
            && self.credit_marks.iter().any(|m| lower.contains(m.as_str()))
    }
}

/// `s` in NFC; most text already is, and is then borrowed, not rebuilt.
fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_quickly(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Whether the quick check says `s` is in NFC for sure. Below U+0300 every
/// character is in NFC and combines with nothing before it, as ASCII does:
/// each run of characters from U+0300 on (each starts with a byte from
/// 0xCC on, a leading byte) is checked alone.
fn is_nfc_quickly(s: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let mut rest = s;
    loop {
        let bytes = rest.as_bytes();
        let skip = crate::text::unspecial_prefix(bytes, |b| b >= 0xcc);
        let Some(from) = bytes.iter().skip(skip).position(|&b| b >= 0xcc) else { return true };
        let high = rest.get(skip + from..).unwrap_or("");
        let len = high.char_indices().find(|&(_, c)| c < '\u{300}').map_or(high.len(), |(i, _)| i);
        let (run, after) = high.split_at(len);
        if is_nfc_quick(run.chars()) != IsNormalized::Yes {
            return false;
        }
        rest = after;
    }
}

/// `s` starts with `prefix` and the prefix ends at a word boundary.
fn starts_with_word(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix).is_some_and(|rest| {
        prefix.ends_with(|c: char| !c.is_alphanumeric())
            || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Longest line, in characters, that can be a headline.
const HEADLINE_MAX_CHARS: usize = 200;
/// Most words a headline may have.
const HEADLINE_MAX_WORDS: usize = 30;

/// Cleans decoded text (line ends already `\n`).
pub fn clean(raw: &str, rules: &FurnitureRules) -> Cleaned {
    let text = nfc(raw);
    let text = sanitize(&text);
    let blocks = paragraph_lines(&text);
    let mut lines = blocks.iter().map(|b| b.text.as_str()).peekable();
    let mut out = Cleaned::default();

    if let Some(first) = blocks.first()
        && is_headline(first, blocks.len())
    {
        let headline = strip_heading_marks(&first.text).to_string();
        lines.next();
        // Some pages repeat the headline just below itself: show it once.
        if lines.peek().is_some_and(|next| same_text(strip_heading_marks(next), &headline)) {
            lines.next();
        }
        out.headline = Some(headline);
    }
    for line in lines {
        if rules.is_furniture(line) {
            out.furniture.push(Furniture { before: out.paragraphs.len(), line: line.to_string() });
        } else {
            out.paragraphs.push(strip_heading_marks(line).to_string());
        }
    }
    out
}

/// Cleans the paragraphs of a structured source (a web page, a JSON
/// record, a feed item), whose headline is given and not guessed: each
/// paragraph NFC, made safe and kept on one line; a first paragraph that
/// repeats the headline dropped; furniture set aside.
pub fn clean_paragraphs(
    headline: Option<&str>,
    paragraphs: &[String],
    rules: &FurnitureRules,
) -> Cleaned {
    // White space collapsed; only a list (a paragraph whose every line is
    // an item, as Markdown gives them) keeps its lines.
    let one_line = |s: &str| {
        let text = nfc(s);
        let lines: Vec<String> = text
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        let joiner =
            if lines.len() > 1 && lines.iter().all(|l| is_list_item(l)) { "\n" } else { " " };
        sanitize(&lines.join(joiner)).into_owned()
    };
    let headline = headline.map(one_line).filter(|h| !h.is_empty());
    let mut out = Cleaned { headline, ..Cleaned::default() };
    for p in paragraphs {
        let line = one_line(p);
        if line.is_empty() {
            continue;
        }
        let repeats_headline = out.paragraphs.is_empty()
            && out.furniture.is_empty()
            && out.headline.as_deref().is_some_and(|h| same_text(&line, h));
        if repeats_headline {
            continue;
        }
        if rules.is_furniture(&line) {
            out.furniture.push(Furniture { before: out.paragraphs.len(), line });
        } else {
            out.paragraphs.push(line);
        }
    }
    out
}

/// A line that is a list's item: `• …`, `◦ …` or `12. …`.
fn is_list_item(line: &str) -> bool {
    let numbered = line.split_once(". ").is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit())
    });
    numbered || line.starts_with("• ") || line.starts_with("◦ ")
}

/// Plain text from a structured source split into paragraphs, the way a
/// `.txt` file is (hard-wrapped blocks joined), with no headline taken.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = super::decode::normalize_line_ends(text);
    paragraph_lines(&text).into_iter().map(|b| b.text).collect()
}

/// One paragraph of the source, and whether a blank line follows it.
struct Block {
    text: String,
    blank_after: bool,
}

/// Splits text into paragraphs. A text whose lines are all short is taken
/// as hard-wrapped, and the lines of each blank-line-separated block are
/// joined; otherwise every line is a paragraph.
fn paragraph_lines(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let hard_wrapped = is_hard_wrapped(&lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            if let Some(last) = blocks.last_mut() {
                last.blank_after = current.is_empty() || last.blank_after;
            }
            if !current.is_empty() {
                blocks.push(Block { text: std::mem::take(&mut current), blank_after: true });
            }
            continue;
        }
        if hard_wrapped && !current.is_empty() && !starts_block(line) {
            current.push(' ');
            current.push_str(line);
        } else {
            if !current.is_empty() {
                blocks.push(Block { text: std::mem::take(&mut current), blank_after: false });
            }
            current.push_str(line);
        }
        if i + 1 == lines.len() && !current.is_empty() {
            blocks.push(Block { text: std::mem::take(&mut current), blank_after: true });
        }
    }
    blocks
}

/// Hard-wrapped text: several lines in a row, none of them long.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let widths: Vec<usize> =
        lines.iter().filter(|l| !l.is_empty()).map(|l| l.chars().count()).collect();
    let consecutive = lines.windows(2).any(|w| !w[0].is_empty() && !w[1].is_empty());
    consecutive && widths.len() >= 4 && widths.iter().all(|&w| w <= 100)
}

/// Lines that start a new paragraph even inside a hard-wrapped block.
fn starts_block(line: &str) -> bool {
    line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with('>')
}

fn is_headline(first: &Block, blocks: usize) -> bool {
    let text = first.text.as_str();
    if text.starts_with("# ") {
        return true;
    }
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    first.blank_after
        && blocks > 1
        && chars <= HEADLINE_MAX_CHARS
        && words <= HEADLINE_MAX_WORDS
        && !text.ends_with(['.', ',', ';', ':'])
}

fn strip_heading_marks(line: &str) -> &str {
    let stripped = line.trim_start_matches('#');
    if stripped.len() < line.len() && stripped.starts_with(' ') { stripped.trim() } else { line }
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().map(str::to_lowercase).eq(b.split_whitespace().map(str::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> &'static FurnitureRules {
        FurnitureRules::bundled()
    }

    #[test]
    fn headline_then_repeat_collapses() {
        let c = clean("Big News Today\n\nBig News Today\n\nFirst paragraph.", rules());
        assert_eq!(c.headline.as_deref(), Some("Big News Today"));
        assert_eq!(c.paragraphs, ["First paragraph."]);
    }

    #[test]
    fn first_sentence_is_no_headline() {
        let c = clean("This opens with a sentence.\nAnd goes on.", rules());
        assert_eq!(c.headline, None);
        assert_eq!(c.paragraphs.len(), 2);
    }

    #[test]
    fn furniture_is_set_aside_with_its_place() {
        let c = clean(
            "Title\n\nOne.\n\nLesen Sie auch\u{a0} Etwas anderes\n\nTwo.\n\nLeave a Reply",
            rules(),
        );
        assert_eq!(c.paragraphs, ["One.", "Two."]);
        assert_eq!(c.furniture[0].before, 1);
        assert_eq!(c.furniture[1].before, 2);
    }

    #[test]
    fn general_furniture_rules() {
        for line in [
            "Read more: Markets fall again",
            "Lees ook: Kabinet valt",
            "Xem thêm: Giá vàng hôm nay",
            "Foto: dpa",
            "Photo by Jane Roe on Unsplash",
            "© 2024 Example Media. All rights reserved",
            "Your email address will not be published. Required fields are marked *",
            "Share this:",
            "ADVERTISEMENT",
        ] {
            assert!(rules().is_furniture(line), "{line}");
        }
        for line in [
            "Reading more into the figures, analysts saw a slowdown.",
            "Photographers gathered outside the court.",
            "Share prices fell 3% on Monday.",
        ] {
            assert!(!rules().is_furniture(line), "{line}");
        }
    }

    #[test]
    fn below_u0300_every_character_is_nfc_and_a_starter() {
        use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
        for c in '\0'..'\u{300}' {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_nfc_check_by_runs_is_the_check_of_the_whole(
            s in "[a-zé\u{300}-\u{36f}\u{340}\u{344}\u{1e00}-\u{1e0f}\u{1100}-\u{1102}\u{1161}\u{11a8}\u{3099}\u{304b} ]{0,24}",
        ) {
            use unicode_normalization::{IsNormalized, is_nfc_quick};
            proptest::prop_assert_eq!(is_nfc_quickly(&s), is_nfc_quick(s.chars()) == IsNormalized::Yes);
        }
    }

    /// Every rule tried on the whole line, lower-cased: the rules' meaning.
    fn every_rule(rules: &FurnitureRules, line: &str) -> bool {
        let lower = line.trim().to_lowercase().replace('\u{a0}', " ");
        !lower.is_empty()
            && (rules.exact.contains(&lower)
                || rules.prefixes.iter().any(|p| starts_with_word(&lower, p))
                || (lower.chars().count() <= rules.credit_max_chars
                    && rules.credit_marks.iter().any(|m| lower.contains(m.as_str()))))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 5_000, ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn long_lines_are_told_by_their_start_alone(
            start in 0..8usize,
            mid in "[a-zA-Z ,:\u{a0}ΣσİÉé©]{0,12}",
            tail in 0..400usize,
            end in "[a-zΣ. ]{0,3}",
        ) {
            let starts = ["Read more: ", "READ MORE:", "Lesen Sie auch\u{a0}", "ΣΑΣ ", "İmage: ",
                "Photographers ", "  Xem thêm ", ""];
            let line = format!("{}{mid}{}{end}", starts[start], "x".repeat(tail));
            proptest::prop_assert_eq!(rules().is_furniture(&line), every_rule(rules(), &line));
        }
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let text =
            "Headline Here\n\nThis is a line\nthat was wrapped\nby hand.\n\nSecond block\ngoes on.";
        let c = clean(text, rules());
        assert_eq!(
            c.paragraphs,
            ["This is a line that was wrapped by hand.", "Second block goes on."]
        );
    }

    #[test]
    fn structured_paragraphs_drop_a_repeated_headline() {
        let paragraphs = ["Big  News".to_string(), "One\nline.".into(), "Share this:".into()];
        let c = clean_paragraphs(Some("Big News"), &paragraphs, rules());
        assert_eq!(c.headline.as_deref(), Some("Big News"));
        assert_eq!(c.paragraphs, ["One line."]);
        assert_eq!(c.furniture.len(), 1);
    }

    #[test]
    fn text_is_nfc_and_safe() {
        let c = clean("Vie\u{0302}\u{0323}t \x1b[2J", rules());
        assert_eq!(c.paragraphs, ["Việt \u{241b}[2J"]);
    }
}
