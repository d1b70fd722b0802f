//! Quotations: the words between a pair of quotation marks (`„…“`, `“…”`,
//! `"…"`, `«…»`, `»…«`, `‹…›`, `「…」`, `『…』`, and the single marks
//! `‘…’`, `‚…‘`, `'…'`), four words or more.
//!
//! A single mark is also the apostrophe (`l’opposition`, `ngo’s`,
//! `Menga's`, `'t`): it opens a quote only after a non-word character and
//! before a word character, and closes one only after a non-space and
//! before a non-word character, so an apostrophe inside or at the start
//! of a word is neither.
//!
//! Marks are paired within one paragraph only, so a stray or unbalanced
//! mark never swallows the rest of an article: an opening mark left open
//! at the end of its paragraph is dropped. Speakers are found later, in
//! `speaker.rs`, once the people of the whole document are known.

use super::tokens::{is_cjk, is_word_char};
use super::{Fact, Input, Kind, Value};
use crate::text::Span;

/// Quotations shorter than this many words are phrases, not quotes.
const MIN_WORDS: usize = 4;

/// Compiled once per extractor (quotes need no lexicon).
#[derive(Default)]
pub struct Rules {}

impl Rules {
    pub fn new() -> Self {
        Self {}
    }

    #[allow(clippy::unused_self)] // every finder has this shape
    pub fn find(&self, input: Input<'_>) -> Vec<Fact> {
        quote_spans(input.text)
            .into_iter()
            .filter(|s| long_enough(s.get(input.text)) && !name_shaped(s.get(input.text)))
            .map(|s| Fact::new(Kind::Quote, s, Value::None))
            .collect()
    }
}

/// The closing marks that may end a quote opened by `open`, or `None` when
/// `open` does not open one.
fn closers(open: char) -> Option<&'static [char]> {
    match open {
        '„' => Some(&['“', '”', '"']),
        '“' => Some(&['”', '"']),
        '"' => Some(&['"', '”']),
        '«' => Some(&['»']),
        '»' => Some(&['«']),
        '‹' => Some(&['›']),
        '「' => Some(&['」']),
        '『' => Some(&['』']),
        '‘' => Some(&['’']),
        '‚' => Some(&['‘']),
        '\'' => Some(&['\'', '’']),
        _ => None,
    }
}

/// The inner spans (marks excluded, outer white space trimmed) of all
/// paired quotation marks in `text`.
pub fn quote_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &'static [char])> = None;
    for (i, c) in marks(text) {
        if c == '\n' {
            // A quote that runs over paragraphs opens each one again
            // (English style): the part in this paragraph is a quote too.
            if let Some((start, _)) = open.filter(|_| reopens(text, i)) {
                out.extend(trimmed(text, start, i));
            }
            open = None;
            continue;
        }
        match open {
            Some((start, ends)) if ends.contains(&c) && (!is_single(c) || closes(text, i, c)) => {
                if let Some(span) = trimmed(text, start, i) {
                    out.push(span);
                }
                open = None;
            }
            Some(_) => {}
            None => {
                if c == '"'
                    && text
                        .get(..i)
                        .and_then(|s| s.chars().next_back())
                        .is_some_and(|p| p.is_ascii_digit())
                {
                    continue; // 12" (inches), not a quote
                }
                if is_single(c) && !opens(text, i, c) {
                    continue;
                }
                open = closers(c).map(|ends| (i + c.len_utf8(), ends));
            }
        }
    }
    out
}

/// The characters of `text` that may be a quotation mark or a line break,
/// with their offsets. Any other character changes nothing above, so it
/// is skipped by its first byte, without decoding.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let at = i + bytes.get(i..)?.iter().position(|&b| MARK_LEAD[usize::from(b)])?;
        let c = text.get(at..)?.chars().next()?;
        i = at + c.len_utf8();
        Some((at, c))
    })
}

/// The first bytes of a line break and of every mark in [`closers`]:
/// `\n`, `"`, `'`, 0xC2 (`«`, `»`), 0xE2 (`‘` to `„`, `‹`, `›`) and 0xE3
/// (`「` to `』`). None of them continues a character.
static MARK_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t
};

/// A single quotation mark, which may also be an apostrophe.
fn is_single(c: char) -> bool {
    matches!(c, '‘' | '’' | '‚' | '\'')
}

/// The single mark `c` at `at` opens a quote: no word character before it,
/// a letter after it, and (for `'`) not a clitic such as Dutch `'t`, `'s`,
/// `'n` or English `'90s`.
fn opens(text: &str, at: usize, c: char) -> bool {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    let rest = text.get(at + c.len_utf8()..).unwrap_or("");
    if before.is_some_and(is_word_char) || !rest.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let word = rest.split(|c: char| !is_word_char(c)).next().unwrap_or("");
    c != '\'' || word.chars().count() > 1
}

/// The single mark `c` at `at` closes a quote: a non-space before it and
/// no word character after it.
fn closes(text: &str, at: usize, c: char) -> bool {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    let after = text.get(at + c.len_utf8()..).and_then(|s| s.chars().next());
    before.is_some_and(|b| !b.is_whitespace()) && !after.is_some_and(is_word_char)
}

/// The next paragraph after the line break at `at` starts with an opening mark.
fn reopens(text: &str, at: usize) -> bool {
    text.get(at..)
        .unwrap_or("")
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '“' | '"' | '„' | '«' | '‘'))
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let inner = text.get(start..end)?;
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    (start + lead < end - trail).then(|| Span::new(start + lead, end - trail))
}

/// Four words or more; text in Chinese or Japanese, written without spaces,
/// needs eight characters.
fn long_enough(quote: &str) -> bool {
    if quote.split_whitespace().count() >= MIN_WORDS {
        return true;
    }
    quote.chars().filter(|&c| is_cjk(c)).count() >= 2 * MIN_WORDS
}

/// Words of a name in quotation marks (`„Demokratische Partei der
/// Völker“`, `"Bits of Freedom and Open Data"`), at most.
const MAX_NAME_WORDS: usize = 8;

/// Whether a quoted text is a name rather than words someone said: a few
/// words with no sentence punctuation, each capitalised but for short
/// linking words (`der`, `of`, `de la`). Such a name is an organisation
/// (the name finders read it), never a quotation.
fn name_shaped(quote: &str) -> bool {
    let (mut capitals, mut links) = (0, 0);
    for w in quote.split_whitespace() {
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitals += 1;
        } else if w.chars().all(char::is_lowercase) && w.chars().count() <= 3 {
            links += 1;
        } else {
            return false;
        }
    }
    // Mostly capitals: Vietnamese syllables are short lower-case words.
    let first_capital = quote.chars().next().is_some_and(char::is_uppercase);
    first_capital
        && capitals + links <= MAX_NAME_WORDS
        && capitals >= links.max(2)
        && !quote.contains(['.', ',', '!', '?', ':', ';', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        quote_spans(text)
            .into_iter()
            .filter(|s| long_enough(s.get(text)))
            .map(|s| s.get(text))
            .collect()
    }

    #[test]
    fn every_mark_starts_with_a_lead_byte() {
        let lead = |c: char| MARK_LEAD[usize::from(c.to_string().as_bytes()[0])];
        assert!(lead('\n'));
        let mut marks = 0;
        for c in (char::MIN..=char::MAX).filter(|&c| closers(c).is_some()) {
            assert!(lead(c), "{c}");
            assert!(closers(c).unwrap_or(&[]).iter().all(|&e| lead(e)), "{c}");
            marks += 1;
        }
        assert_eq!(marks, 11);
    }

    #[test]
    fn pairs_in_many_styles() {
        assert_eq!(quotes("Er sagte: „Das ist ein guter Tag.“ Ja."), ["Das ist ein guter Tag."]);
        assert_eq!(
            quotes("« Nous allons gagner ce match », dit-il."),
            ["Nous allons gagner ce match"]
        );
        assert_eq!(quotes("He said \"we will do it now\" today"), ["we will do it now"]);
    }

    #[test]
    fn names_in_quotation_marks_are_no_quotes() {
        for name in [
            "Demokratische Partei der Völker",
            "Partei der Nationalistischen Bewegung",
            "Bits of Freedom and Open Data",
            "Union des Industries de la Chimie",
        ] {
            assert!(name_shaped(name), "{name}");
        }
        for said in [
            "Das ist ein guter Tag",
            "We Will Win, Believe Me",
            "Nous allons gagner ce match",
            "Er zit een haai in het water!",
            "Die Partei Wird Siegen Heute Morgen In Berlin Und Dresden",
            "Một bảo vật văn hóa",
        ] {
            assert!(!name_shaped(said), "{said}");
        }
    }

    #[test]
    fn short_and_stray_marks() {
        assert!(quotes("„wesentlich und nachteilig“").is_empty());
        let s = "es „Wege finden müsse, unsere KI zu nutzen“. Chips effizienter“.\n“Next paragraph here is fine”";
        assert_eq!(
            quotes(s),
            ["Wege finden müsse, unsere KI zu nutzen", "Next paragraph here is fine"]
        );
        let s = "“We will build it in three parts.\n\n“And then we are done with it,” he said.";
        assert_eq!(
            quotes(s),
            ["We will build it in three parts.", "And then we are done with it,"]
        );
    }

    #[test]
    fn single_marks_and_apostrophes() {
        // Dutch and British single marks, with apostrophes inside and after words.
        assert_eq!(
            quotes("‘In veel gevallen vragen ngo’s geen hulp aan,’ zei mevrouw Sumbung."),
            ["In veel gevallen vragen ngo’s geen hulp aan,"]
        );
        assert_eq!(
            quotes("He said ‘the Jones’s house is not for sale’ and left."),
            ["the Jones’s house is not for sale"]
        );
        assert_eq!(
            quotes("Sie sagte: ‚Wir kommen morgen alle wieder‘ und ging."),
            ["Wir kommen morgen alle wieder"]
        );
        assert_eq!(
            quotes("Menga's goal and 't huis van l’opposition en zo'n dag zijn geen citaat."),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("The minister said 'we will not raise taxes this year' on Monday."),
            ["we will not raise taxes this year"]
        );
    }
}
