//! Bytes → text: byte-order marks, UTF-8 and UTF-16, legacy single-byte
//! encodings guessed (chardetng), a declared charset honoured but checked
//! against the bytes, line ends made `\n`. Binary data is refused here, so
//! that every later step can assume text.

use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("odd length for UTF-16 text")]
    OddUtf16,
    #[error("looks binary, not text")]
    Binary,
}

/// How much of a file the charset declaration is looked for in. The HTML
/// standard's prescan reads 1024 bytes, but saved pages often carry long
/// inline scripts and styles before their `<meta charset>`, and browsers
/// honour a later one by reparsing.
const DECLARATION_SCAN_BYTES: usize = 32 * 1024;

/// Decodes a file's bytes, with no charset declared: a BOM, else UTF-8 when
/// the bytes are valid UTF-8, else the legacy encoding chardetng guesses.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_declared(bytes, None)
}

/// Decodes a web page or an XML file, honouring the charset it declares in
/// `<meta>` or the XML prolog — unless the bytes say otherwise: a page that
/// is valid UTF-8 is UTF-8 whatever it declares, and a declared charset that
/// does not decode cleanly gives way to chardetng's guess.
pub fn decode_markup(bytes: &[u8]) -> Result<String, DecodeError> {
    let declared = declared_charset(bytes);
    decode_declared(bytes, declared)
}

fn decode_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<String, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        refuse_binary(bytes)?;
        legacy_or_utf8(bytes, declared)
    };
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(normalize_line_ends(&text))
}

fn legacy_or_utf8(bytes: &[u8], declared: Option<&'static Encoding>) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    if mostly_utf8(bytes) {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    if let Some(enc) = declared.filter(|&e| e != UTF_8)
        && let (text, false) = enc.decode_without_bom_handling(bytes)
    {
        return text.into_owned();
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Allow);
    guess.decode_without_bom_handling(bytes).0.into_owned()
}

/// UTF-8 with a few broken sequences (a file cut mid-character, one stray
/// Latin-1 byte pasted in) is still UTF-8: reading it as Windows-1252 would
/// garble every other accented letter. Legacy text almost never forms valid
/// multi-byte sequences by chance.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 2 * bad.max(1)
}

/// A stray NUL is hostile text (shown as a symbol); many are a binary file.
fn refuse_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let nuls = bytes.iter().fold(0usize, |n, &b| n + usize::from(b == 0));
    if nuls > bytes.len() / 16 + 1 { Err(DecodeError::Binary) } else { Ok(()) }
}

/// Text where more than one character in twenty is a control character or
/// a replacement mark was never text: an image, an archive, a database.
/// Escape, bell and backspace do not count: they are what hostile text (a
/// terminal log, an article with escape sequences) is made of, and such text
/// is shown with its controls made visible rather than refused.
fn looks_binary(text: &str) -> bool {
    const LOOKED_AT: usize = 8192;
    let odd_ascii = |b: u8| {
        (b < 0x20 || b == 0x7f) && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b | 0x07 | 0x08)
    };
    let (mut total, mut odd) = (0usize, 0usize);
    let mut rest = text;
    while total < LOOKED_AT && !rest.is_empty() {
        // A run of ASCII at a time (one byte, one character), then one
        // other character.
        let head = rest.as_bytes();
        let head = head.get(..LOOKED_AT - total).unwrap_or(head);
        let skip = crate::text::unspecial_prefix(head, |b| !b.is_ascii());
        let n = head.iter().skip(skip).position(|b| !b.is_ascii()).map_or(head.len(), |p| skip + p);
        let run = head.get(..n).unwrap_or_default();
        total += n;
        odd += run.iter().fold(0usize, |k, &b| k + usize::from(odd_ascii(b)));
        rest = rest.get(n..).unwrap_or("");
        let mut chars = rest.chars();
        if total < LOOKED_AT
            && let Some(c) = chars.next()
        {
            total += 1;
            odd += usize::from(c.is_control() || c == '\u{fffd}');
            rest = chars.as_str();
        }
    }
    odd * 20 > total
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::OddUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    Ok(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect())
}

static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:<meta[^>]*charset\s*=\s*["']?|<\?xml[^>]*encoding\s*=\s*["'])([A-Za-z0-9._:-]+)"#,
    )
    .expect("valid regex")
});

/// The charset a page or XML file declares near its start, if `encoding_rs`
/// knows it.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..DECLARATION_SCAN_BYTES).unwrap_or(bytes);
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// CRLF and lone CR become LF.
pub fn normalize_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_line_ends() {
        assert_eq!(decode(b"\xef\xbb\xbfa\r\nb\rc").unwrap(), "a\nb\nc");
        assert_eq!(decode(b"\xff\xfeh\0i\0").unwrap(), "hi");
        assert_eq!(decode(b"\xfe\xff\0h\0i").unwrap(), "hi");
    }

    #[test]
    fn latin1_german_is_detected() {
        let bytes = b"Die B\xfcrger in M\xfcnchen \xe4rgern sich \xfcber die Stra\xdfenbahn und gr\xfc\xdfen.";
        let text = decode(bytes).unwrap();
        assert!(text.contains("Bürger in München ärgern sich über die Straßenbahn"), "{text}");
    }

    #[test]
    fn declared_gb2312_but_utf8_stays_utf8() {
        let page = "<meta charset=\"gb2312\"><p>北京的天气很好，über alles</p>";
        assert_eq!(decode_markup(page.as_bytes()).unwrap(), page);
    }

    #[test]
    fn declared_charset_is_used_when_bytes_fit() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<meta charset=gbk><p>北京的天气很好</p>");
        assert!(decode_markup(&bytes).unwrap().contains("北京的天气很好"));
    }

    #[test]
    fn cut_or_slightly_broken_utf8_stays_utf8() {
        let mut bytes = "Grüße aus Köln, schöne Tage in Düsseldorf, München".as_bytes().to_vec();
        bytes.extend(b" und \xfc und \xc3");
        let text = decode(&bytes).unwrap();
        assert!(
            text.starts_with("Grüße aus Köln, schöne Tage in Düsseldorf, München und"),
            "{text}"
        );
    }

    #[test]
    fn escape_sequences_are_hostile_text_not_binary() {
        let text = "Hostile\n\nA title change \x1b]0;pwned\x07 and red \x1b[31mtext\x1b[0m.\n";
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"), Err(DecodeError::Binary));
        let noise: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8 | 0x01).collect();
        assert_eq!(decode(&noise), Err(DecodeError::Binary));
    }

    /// [`looks_binary`] a character at a time, as it was first written.
    fn looks_binary_by_chars(text: &str) -> bool {
        let (mut total, mut odd) = (0usize, 0usize);
        for c in text.chars().take(8192) {
            total += 1;
            let allowed = matches!(c, '\n' | '\r' | '\t' | '\x0c' | '\x1b' | '\x07' | '\x08');
            if (c.is_control() && !allowed) || c == '\u{fffd}' {
                odd += 1;
            }
        }
        odd * 20 > total
    }

    proptest::proptest! {
        #[test]
        fn the_check_by_ascii_runs_is_the_check_by_characters(
            s in "([a-z .\n]{0,40}|[\x00-\x1f\x7f\u{80}-\u{9f}\u{fffd}é\u{1e00}]{0,4})*",
            pad in 0..9000usize,
        ) {
            // Past the characters looked at too, where the two must stop alike.
            let long = format!("{}{s}", "é".repeat(pad));
            proptest::prop_assert_eq!(looks_binary(&s), looks_binary_by_chars(&s));
            proptest::prop_assert_eq!(looks_binary(&long), looks_binary_by_chars(&long));
        }
    }
}
