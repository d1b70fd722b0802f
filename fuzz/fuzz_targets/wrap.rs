//! A paragraph and a width → rows: never a panic; rows lie on grapheme
//! boundaries, in order, and fit the width unless one grapheme is wider.
#![no_main]

use dossier::wrap::wrap;
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let width = usize::from(width % 64);
    let mut last_end = 0;
    for row in wrap(&text, width) {
        let s = text.get(row.start..row.end).expect("a row lies on char boundaries");
        assert!(row.start >= last_end, "rows overlap or go back");
        last_end = row.end;
        assert_eq!(s.width(), row.width);
        assert!(s.width() <= width.max(1) || s.graphemes(true).count() == 1, "{s:?} wider than {width}");
    }
});
