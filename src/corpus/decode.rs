//! Bytes → text: byte-order marks, UTF-8 and UTF-16, line ends, NFC.
//! (Legacy single-byte encodings come with real corpora.)

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("odd length for UTF-16 text")]
    OddUtf16,
    #[error("looks binary (holds NUL bytes)")]
    Binary,
}

/// Decodes a file's bytes into text with `\n` line ends.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        // A stray NUL is hostile text (shown as a symbol); many are a binary file.
        #[allow(clippy::naive_bytecount)]
        let nuls = bytes.iter().filter(|&&b| b == 0).count();
        if nuls > bytes.len() / 16 + 1 {
            return Err(DecodeError::Binary);
        }
        utf8(bytes)?
    };
    Ok(normalize_line_ends(&text))
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| DecodeError::NotUtf8(e.valid_up_to()))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::OddUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    Ok(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect())
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
    fn invalid_utf8_is_an_error() {
        assert_eq!(decode(b"ok \xff no"), Err(DecodeError::NotUtf8(3)));
    }
}
