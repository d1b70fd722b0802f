//! Compiles the place gazetteer (`assets/facts/places.tsv`, about a hundred
//! thousand names) into a finite state transducer at build time: the
//! extractor then reads it in place, and start-up builds nothing.
//!
//! Writes to `OUT_DIR`: `places.fst` (name → packed entry),
//! `place_values.txt` (the English names the entries point into) and
//! `place_filter.bin` (two bit sets of the names' first words, of all names
//! and of those that need no context; see `src/facts/place/packed.rs`) and `place_heads.txt` (the first words of
//! the names that start in lower case, `mer Baltique`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::{env, fs};

// The packing is shared with src/facts/place.rs; build.rs only packs.
#[allow(dead_code)]
mod packed {
    include!("src/facts/place/packed.rs");
}

const GAZETTEER: &str = "assets/facts/places.tsv";

/// What decides a parsed document, and what decides its facts: the store
/// (`src/store/version.rs`) keeps a hash of each beside every row, so that a
/// change to any of these files — code or lexicon — parses or extracts
/// again, and nobody has to remember to bump a number.
const PARSE_SOURCES: [&str; 4] =
    ["src/corpus", "src/corpus.rs", "assets/furniture.toml", "assets/languages.toml"];
const EXTRACTION_SOURCES: [&str; 3] = ["src/facts", "src/facts.rs", "assets/facts"];

fn main() {
    for (var, roots) in [
        ("DOSSIER_PARSE_SOURCES", &PARSE_SOURCES[..]),
        ("DOSSIER_EXTRACTION_SOURCES", &EXTRACTION_SOURCES[..]),
    ] {
        let mut files = Vec::new();
        for root in roots {
            println!("cargo::rerun-if-changed={root}");
            collect(PathBuf::from(root), &mut files);
        }
        files.sort();
        // FNV-1a over each file's path and bytes: stable on every machine.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for file in &files {
            let bytes = fs::read(file).expect("a source file is readable");
            let name = file.to_string_lossy();
            for b in name.as_bytes().iter().chain(&(bytes.len() as u64).to_le_bytes()).chain(&bytes)
            {
                hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        println!("cargo::rustc-env={var}={hash:016x}");
    }
    println!("cargo::rerun-if-changed={GAZETTEER}");
    println!("cargo::rerun-if-changed=src/facts/place/packed.rs");
    let tsv = fs::read_to_string(GAZETTEER).expect("assets/facts/places.tsv is readable");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut values = String::new();
    let mut offsets: HashMap<&str, usize> = HashMap::new();
    let mut rows: Vec<(&str, u64)> = Vec::new();
    let mut filter = vec![0u8; 2 * packed::FILTER_BITS / 8];
    let mut heads: Vec<&str> = Vec::new();
    for line in tsv.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let &[name, value, flags] = cols.as_slice() else {
            panic!("places.tsv: not three columns: {line:?}");
        };
        let value = if value.is_empty() { name } else { value };
        let offset = *offsets.entry(value).or_insert_with(|| {
            values.push_str(value);
            values.len() - value.len()
        });
        let entry = packed::Packed::from_flags(offset, value.len(), flags)
            .unwrap_or_else(|| panic!("places.tsv: bad flags or value: {line:?}"));
        rows.push((name, entry.to_u64()));
        let bit = packed::filter_bit(packed::first_word(name));
        filter[bit / 8] |= 1 << (bit % 8);
        if entry.need != packed::Need::Context {
            let free = packed::FILTER_BITS + bit;
            filter[free / 8] |= 1 << (free % 8);
        }
        if name.starts_with(char::is_lowercase) {
            heads.push(packed::first_word(name));
        }
    }
    rows.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    rows.dedup_by(|a, b| a.0 == b.0);
    let mut map = fst::MapBuilder::memory();
    for (name, entry) in rows {
        map.insert(name, entry).expect("names are sorted and unique");
    }
    let fst = map.into_inner().expect("the transducer builds in memory");
    fs::write(out.join("places.fst"), fst).expect("OUT_DIR is writable");
    fs::write(out.join("place_values.txt"), values).expect("OUT_DIR is writable");
    fs::write(out.join("place_filter.bin"), filter).expect("OUT_DIR is writable");
    heads.sort_unstable();
    heads.dedup();
    fs::write(out.join("place_heads.txt"), heads.join("\n")).expect("OUT_DIR is writable");
}

/// Every file under `path` (or `path` itself), in no particular order.
fn collect(path: PathBuf, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(&path).expect("a source folder is readable") {
            collect(entry.expect("a source folder is readable").path(), files);
        }
    } else if path.is_file() {
        files.push(path);
    }
}
