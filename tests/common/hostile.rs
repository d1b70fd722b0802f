//! Hostile articles, written by the tests themselves into a temporary
//! folder: escape sequences (colours, a window title change, an OSC 52
//! clipboard write, OSC 8 hyperlinks, DCS), C0 and C1 controls, bidi
//! overrides and isolates, zero-width and combining-mark floods, a huge
//! single line, a flood of empty lines, NUL bytes and invalid UTF-8, in
//! every format, and file names that hold control characters.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Escape sequences a terminal would obey: colour, title, clipboard,
/// hyperlink, device control, and a raw C1 CSI (U+009B).
pub const SEQUENCES: &str = "colour \u{1b}[31mRED\u{1b}[0m, title \u{1b}]0;pwned\u{7}, \
    clipboard \u{1b}]52;c;cHduZWQ=\u{7}, link \u{1b}]8;;https://evil.example/\u{1b}\\here\u{1b}]8;;\u{1b}\\, \
    device \u{1b}P+q544e\u{1b}\\, c1 \u{9b}31mX\u{9b}2J, clear \u{1b}[2J\u{1b}[H, \
    cursor \u{1b}[?25l\u{1b}[?1049l, bell \u{7}\u{7}";

/// Every bidi embedding, override and isolate.
pub const BIDI: &str = "\u{202a}lre\u{202b}rle\u{202c}pdf\u{202d}lro\u{202e}rlo\u{2066}lri\u{2067}rli\u{2068}fsi\u{2069}pdi";

/// Ordinary words around the hostile parts, so that each file still reads
/// as text (a file that is mostly control characters is refused as binary).
pub const FILLER: &str = "The minister said on Monday that the budget of the city of Berlin \
    would grow by 5% to 3.2 billion euros next year, and the council agreed. ";

/// How big the big files are: the end-to-end run uses the full sizes,
/// the property tests (which draw thousands of frames) smaller ones.
#[derive(Clone, Copy)]
pub struct Scale {
    pub long_line_bytes: usize,
    pub empty_lines: usize,
    pub flood: usize,
}

pub const FULL: Scale = Scale { long_line_bytes: 5_000_000, empty_lines: 100_000, flood: 10_000 };
pub const SMALL: Scale = Scale { long_line_bytes: 200_000, empty_lines: 5_000, flood: 10_000 };

fn c0_c1() -> String {
    let c0: String =
        (0u8..0x20).filter(|&b| b != b'\n').map(char::from).collect::<String>() + "\u{7f}";
    let c1: String = (0x80u32..0xa0).filter_map(char::from_u32).collect();
    format!("C0 [{c0}] C1 [{c1}]")
}

fn paragraphs(parts: &[&str]) -> String {
    let more = FILLER.repeat(4);
    parts.iter().map(|p| format!("{more}{p} {more}")).collect::<Vec<_>>().join("\n\n")
}

/// Writes the hostile articles into `dir`; returns how many articles load
/// from it (the files that fail on purpose not counted).
pub fn write(dir: &Path, scale: Scale) -> usize {
    let flood_marks = "\u{301}".repeat(scale.flood);
    let zero_width = "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}".repeat(scale.flood / 5);
    let files: Vec<(Vec<u8>, Vec<u8>)> = vec![
        (
            b"escapes.txt".to_vec(),
            format!(
                "Escapes \u{1b}]0;pwned\u{7} in the \u{1b}[1;31mheadline\n\n{}",
                paragraphs(&[SEQUENCES, &c0_c1(), SEQUENCES])
            )
            .into_bytes(),
        ),
        (
            b"bidi.md".to_vec(),
            format!("# Bidi \u{202e}gpj.exe\u{202c} headline\n\n{}", paragraphs(&[BIDI, BIDI]))
                .into_bytes(),
        ),
        (
            b"floods.txt".to_vec(),
            format!(
                "Floods of marks Z{flood_marks} in the headline\n\n{}",
                paragraphs(&[&format!("A{flood_marks}"), &format!("x{zero_width}y")])
            )
            .into_bytes(),
        ),
        (b"long-line.txt".to_vec(), long_line(scale.long_line_bytes)),
        (
            b"empty-lines.txt".to_vec(),
            format!("Empty lines\n\n{FILLER}{}{FILLER}\n", "\n".repeat(scale.empty_lines))
                .into_bytes(),
        ),
        (b"nul.txt".to_vec(), {
            let mut b = b"NUL \0bytes\n\n".to_vec();
            b.extend(paragraphs(&["a\0b\0c", "\0"]).as_bytes());
            b
        }),
        (b"invalid-utf8.txt".to_vec(), {
            let mut b = b"Invalid \xff\xfe UTF-8 \xc3 headline\n\n".to_vec();
            b.extend(FILLER.as_bytes());
            b.extend(b"broken \xc3\x28 \xa0\xa1 \xe2\x82 \xf0\x9f\x98 \xed\xa0\x80 \xc2\x9b31m ");
            b.extend(SEQUENCES.as_bytes());
            b.extend(FILLER.as_bytes());
            b
        }),
        (b"page.html".to_vec(), page().into_bytes()),
        (b"record.json".to_vec(), json_record().into_bytes()),
        (
            b"name \x1b]0;pwned\x07 \x1b[31mred.txt".to_vec(),
            format!("A file name with escapes\n\nIts name would set the title. {FILLER}")
                .into_bytes(),
        ),
        (
            "line\nbreak \u{202e}txt.md".as_bytes().to_vec(),
            format!("# A file name with a line feed\n\nIts name has two lines. {FILLER}")
                .into_bytes(),
        ),
        // Fails on purpose, so that its name shows in the problems view.
        (b"binary \x1b]0;pwned\x07 \xff.dat".to_vec(), (0u8..=255).cycle().take(4096).collect()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), bytes).unwrap();
    }
    files.len() - 1
}

fn long_line(bytes: usize) -> Vec<u8> {
    let mut line = String::from("One long line\n\n");
    let words = format!("{FILLER}{SEQUENCES} {BIDI} ");
    while line.len() < bytes {
        line.push_str(&words);
    }
    line.push('\n');
    line.into_bytes()
}

fn page() -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8>\
         <title>Page &#27;]0;pwned&#7; \u{1b}[31mtitle &#x202E;</title>\
         <meta name=author content=\"Evil &#x9b;31m \u{1b}]0;pwned\u{7}Author\">\
         <meta property=og:site_name content=\"Site &#27;[5m\"></head><body><article>\
         <h1>Page &#x202E;headline&#27;[2J</h1>\
         <p>{FILLER}&#27;]52;c;cHduZWQ=&#7; entity escapes &#x9b;2J &#x1b;]8;;https://evil.example/&#x1b;\\link {FILLER}</p>\
         <p>{FILLER}{SEQUENCES} {BIDI} {FILLER}</p>\
         <p>{FILLER}<a href=\"https://evil.example/\u{1b}]0;pwned\u{7}\">a link</a> {FILLER}</p>\
         </article></body></html>"
    )
}

fn json_record() -> String {
    let body = paragraphs(&[SEQUENCES, &c0_c1(), BIDI]);
    serde_json::json!({
        "title": format!("JSON {SEQUENCES}"),
        "body": body,
        "url": "https://evil.example/\u{1b}]0;pwned\u{7}",
        "author": "Author \u{1b}[5m\u{202e}",
        "site": "Site \u{9b}31m",
        "date": "2024-01-01\u{1b}[2J",
    })
    .to_string()
}

/// The characters no output of dossier may hold: controls other than line
/// feed and form feed, and bidi controls.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\u{c}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
